package extract

import (
	"sort"
	"strings"
)

// The role forms beyond a title next to a name (findRoles): plural titles
// over a list of names, "counterpart", "As TITLE, NAME" and "NAME of
// COUNTRY". Copulas, appointments and replacements are read from the
// parse (parsedRoles).

// singularTitle turns a plural title word into its singular, or "".
func singularTitle(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y" // secretaries
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return ""
}

// matchPluralTitle matches a plural title at toks[i:b] ("Presidents",
// "foreign ministers", "Cabinet Ministers") and returns its length and
// singular title.
func matchPluralTitle(toks []token, i, b int) (int, string) {
	var buf [5]string
	words := buf[:0]
	n, title := 0, ""
	for k := i; k < b && k < i+5; k++ {
		if toks[k].kind != word {
			break
		}
		w := toks[k].lower
		if s := singularTitle(w); s != "" && titleEnds[s] {
			phrase := strings.Join(append(append([]string{}, words...), s), " ")
			if titles[phrase] {
				n, title = k+1-i, phrase
			} else if titles[s] && len(words) > 0 && words[len(words)-1] == "cabinet" {
				n, title = k+1-i, "cabinet "+s
			}
		}
		words = append(words, w)
	}
	// "Ministers of State", "Ministers for Home Affairs"
	if n > 0 && (strings.HasSuffix(title, "minister") || strings.HasSuffix(title, "secretary")) {
		if k, pf := portfolioAfter(toks, i+n, b); k > 0 {
			n, title = n+k, title+" "+pf
		}
	}
	return n, title
}

// personAt returns the index of the accepted person mention that starts
// at token a of sentence si, or -1. Mentions of a sentence are in token
// order, so it is a binary search.
func (x *extraction) personAt(si, a int) int { return x.mentionAt(si, a, x.acceptedPerson) }

// mentionAt returns the first mention of sentence si starting at token a
// that is, or -1.
func (x *extraction) mentionAt(si, a int, is func(mi int) bool) int {
	ms := x.sentMentions(si)
	k := sort.Search(len(ms), func(i int) bool { return x.mentions[ms[i]].a >= a })
	for ; k < len(ms) && x.mentions[ms[k]].a == a; k++ {
		if is(ms[k]) {
			return ms[k]
		}
	}
	return -1
}

// unconfirmedAt returns the mention of sentence si starting at token a
// that is a name of two words or more no first name or title confirmed
// (unconfirmedName), or -1.
func (x *extraction) unconfirmedAt(si, a int) int { return x.mentionAt(si, a, x.unconfirmedName) }

func (x *extraction) acceptedPerson(mi int) bool {
	m := &x.mentions[mi]
	return m.kind == kindPerson && m.person >= 0 && m.person < len(x.persons) && x.persons[m.person].accepted
}

// personBefore returns the last accepted person mention of sentence si
// that ends at or before token j, with no clause break between, or -1.
// It looks back over a few mentions only.
func (x *extraction) personBefore(si, j int) int {
	toks := x.sents[si].toks
	ms := x.sentMentions(si)
	k := sort.Search(len(ms), func(i int) bool { return x.mentions[ms[i]].a >= j })
	best := -1
	for n := 0; k > 0 && n < 8; n++ {
		k--
		if m := &x.mentions[ms[k]]; m.b <= j && x.acceptedPerson(ms[k]) && (best < 0 || m.b > x.mentions[best].b) {
			best = ms[k]
		}
	}
	if best < 0 {
		return -1
	}
	for k := x.mentions[best].b; k < j; k++ {
		switch toks[k].text {
		case ";", ":", "“", "”", "\"":
			return -1
		}
	}
	return best
}

// addRole records a role found by one of the forms, merging it with an
// earlier role of the same person and title.
func (x *extraction) addRole(mi int, r Role, si, from, to int) {
	m := &x.mentions[mi]
	toks := x.sents[si].toks
	r.Person = x.persons[m.person].name
	from, to = max(0, min(from, m.a)), min(len(toks), max(to, m.b))
	r.Evidence = Span{Sentence: si, Start: toks[from].start, End: toks[to-1].end}
	if r.Confidence == 0 {
		r.Confidence = 0.7
	}
	if c, ok := x.gaz.Country(r.CountryCode); ok {
		r.Country = c.Name
	}
	if c, ok := x.gaz.Country(r.ToCode); ok {
		r.To = c.Name
	}
	for i := range x.roles {
		old := &x.roles[i]
		if old.Person == r.Person && old.Title == r.Title {
			if old.CountryCode == "" && r.CountryCode != "" {
				old.Country, old.CountryCode = r.Country, r.CountryCode
			}
			if old.ToCode == "" && r.ToCode != "" {
				old.To, old.ToCode = r.To, r.ToCode
			}
			return
		}
	}
	x.roles = append(x.roles, r)
}

// countryAfter reads "of COUNTRY" or "from COUNTRY" at toks[j:] and
// returns its length and country code.
func (x *extraction) countryAfter(toks []token, j int) (int, string) {
	if j+1 >= len(toks) {
		return 0, ""
	}
	lw := toks[j].lower
	if lw != "of" && lw != "from" {
		return 0, ""
	}
	k := j + 1
	if k < len(toks) && toks[k].lower == "the" {
		k++
	}
	if n, c := x.matchCountryWord(toks, k, len(toks)); n > 0 {
		return k + n - j, c.Code
	}
	return 0, ""
}

// countriesBefore reads the countries and demonyms just before toks[j]
// ("US and Cuban", "Japanese"), in order.
func (x *extraction) countriesBefore(toks []token, j int) []string {
	var codes []string
	for j > 0 {
		n, c := x.countryBefore(toks, j-1)
		if n == 0 {
			break
		}
		codes = append([]string{c.Code}, codes...)
		j -= n
		if j > 0 && (strings.EqualFold(toks[j-1].text, "and") || toks[j-1].text == ",") {
			j--
			continue
		}
		break
	}
	return codes
}

// findRoleForms runs the forms over every sentence.
func (x *extraction) findRoleForms() {
	for si := range x.sents {
		if x.sents[si].credit {
			continue
		}
		x.pluralTitles(si)
		x.asTitles(si)
		x.appointmentOf(si)
		x.parsedRoles(si)
	}
	x.counterparts()
	x.ofCountry()
}

// pluralTitles: "Presidents Emmanuel Macron of France and Joe Biden of
// the United States", "British and Irish foreign ministers, David Lammy
// and Simon Harris" (countries in order), "Cabinet Ministers A (Law), B (...)
// and C".
func (x *extraction) pluralTitles(si int) {
	toks := x.sents[si].toks
	for i := 0; i < len(toks); i++ {
		n, title := matchPluralTitle(toks, i, len(toks))
		if n == 0 {
			continue
		}
		codes := x.countriesBefore(toks, i)
		j := i + n
		// "Presidents of Russia and Belarus NAME and NAME", respectively.
		if j < len(toks) && toks[j].text == "of" {
			var after []string
			end := j
			for k := j + 1; k < len(toks); {
				if strings.EqualFold(toks[k].text, "the") {
					k++
				}
				m, c := x.matchCountryWord(toks, k, len(toks))
				if m == 0 {
					break
				}
				after = append(after, c.Code)
				k += m
				end = k
				if k < len(toks) && (toks[k].text == "," || strings.EqualFold(toks[k].text, "and")) {
					k++
					continue
				}
				break
			}
			if len(after) > 0 {
				codes, j = after, end
			}
		}
		for sep := j; j < len(toks) && j < sep+2; j++ {
			switch toks[j].text {
			case ",", ":", "-", "--", "—", "–": // "Five Ministers of State -- A (Education), B ..."
				continue
			}
			break
		}
		var got []int
		var own []string
		for j < len(toks) {
			mi := x.personAt(si, j)
			if mi < 0 && len(got) > 0 && j > 0 && strings.EqualFold(toks[j-1].text, "and") {
				// "foreign ministers, Annalena Baerbock and Radoslaw
				// Sikorski": the last item of the list a plural title
				// heads is a name even with a first name none knows.
				if mi = x.unconfirmedAt(si, j); mi >= 0 {
					x.persons[x.mentions[mi].person].accepted = true
				}
			}
			if mi < 0 {
				break
			}
			got = append(got, mi)
			j = x.mentions[mi].b
			if j < len(toks) && toks[j].text == "(" {
				for j < len(toks) && toks[j].text != ")" {
					j++
				}
				j++
			}
			code := ""
			if k, c := x.countryAfter(toks, j); k > 0 {
				code = c
				j += k
			}
			own = append(own, code)
			if j < len(toks) && toks[j].text == "," {
				j++
			}
			if j < len(toks) && strings.EqualFold(toks[j].text, "and") {
				j++
			}
		}
		if len(got) < 2 {
			continue
		}
		// One country after the last name of a list, and none after the
		// others: the list's country ("... and C (Environment) of India").
		single := ""
		for _, c := range own {
			if c != "" && single == "" {
				single = c
			} else if c != "" && c != single {
				single = "-"
			}
		}
		if single != "" && single != "-" && len(codes) == 0 {
			codes = []string{single}
		}
		for k, mi := range got {
			r := Role{Title: title, Confidence: 0.8}
			switch {
			case own[k] != "":
				r.CountryCode = own[k]
			case len(codes) == 1:
				r.CountryCode = codes[0]
			case len(codes) == len(got):
				r.CountryCode = codes[k] // "respectively"
			}
			x.addRole(mi, r, si, i, x.mentions[mi].b)
		}
		i = j - 1
	}
}

// roleWords reads "[the|a] [new|former] [COUNTRY|demonym|body] TITLE
// [to|of COUNTRY]" at toks[j:] and returns the role and the index after
// it.
func (x *extraction) roleWords(toks []token, j int) (Role, int, bool) {
	var r Role
	for j < len(toks) {
		lw := toks[j].lower
		switch {
		case lw == "the" || lw == "a" || lw == "an" || lw == "new" || lw == "its" || lw == "his" || lw == "her" || lw == "their",
			rankWords[lw]:
			j++
			continue
		case pastMarkers[lw]:
			r.Former = true
			j++
			continue
		}
		break
	}
	r.CountryCode, j = x.countryBeforeTitle(toks, j)
	for r.CountryCode != "" && j < len(toks) && (strings.EqualFold(toks[j].text, "new") || pastMarkers[toks[j].lower]) {
		r.Former = r.Former || pastMarkers[toks[j].lower]
		j++ // "Japan's new Foreign Minister", "Japan's former ambassador"
	}
	n, title := matchTitle(toks, j, len(toks))
	if n == 0 {
		return Role{}, j, false
	}
	r.Title = title
	j += n
	if j+1 < len(toks) {
		prep := toks[j].lower
		if k, c := x.matchCountryWord(toks, j+1, len(toks)); k > 0 && (prep == "to" || prep == "of" || prep == "for" || prep == "in") {
			if prep == "to" && (strings.Contains(title, "ambassador") || strings.Contains(title, "envoy")) {
				r.ToCode = c.Code
			} else if prep != "to" && r.CountryCode == "" {
				r.CountryCode = c.Code
			}
			j += k + 1
		}
	}
	return r, j, true
}

var (
	// rankWords place a holder among the holders of a title: "the first
	// Canadian prime minister to tour Japan" (data/ranks.txt).
	rankWords = readList("ranks.txt")
)

// asTitles: "As defence secretary, Hammond ...", "Later, as defense
// minister, Kono spoke." Titles after appointing verbs ("appointed
// Hammond as foreign minister") are read from the parse (parsedRoles).
func (x *extraction) asTitles(si int) {
	toks := x.sents[si].toks
	for i := 0; i < len(toks); i++ {
		if !strings.EqualFold(toks[i].text, "as") {
			continue
		}
		r, end, ok := x.roleWords(toks, i+1)
		if !ok || end+1 >= len(toks) || toks[end].text != "," {
			continue
		}
		if mi := x.personAt(si, end+1); mi >= 0 {
			x.addRole(mi, r, si, i, x.mentions[mi].b)
		}
	}
}

// appointmentNouns name the act of giving an office, whose "of" phrase
// is the person given it and whose "as" phrase the office: "the
// confirmation of Jane Hartley on June 9 as U.S. ambassador to France"
// (data/appointmentnouns.txt).
var appointmentNouns = readList("appointmentnouns.txt")

// appointmentOf: "the nomination of Caroline Kennedy as ambassador to
// Australia", "the confirmation of Jane Hartley on June 9 as U.S.
// ambassador to France": the person of an appointment noun's "of"
// phrase holds the office of its "as" phrase, a few words on, with no
// clause boundary between.
func (x *extraction) appointmentOf(si int) {
	toks := x.sents[si].toks
	for i := 0; i+2 < len(toks); i++ {
		if !appointmentNouns[toks[i].lower] || toks[i+1].lower != "of" {
			continue
		}
		mi := -1
		for k := i + 2; k < min(i+6, len(toks)) && mi < 0; k++ {
			mi = x.personAt(si, k)
		}
		if mi < 0 {
			continue
		}
		m := &x.mentions[mi]
		for j := m.b; j < min(m.b+8, len(toks)); j++ {
			if t := toks[j]; t.kind == punct && t.text != "." || t.lower == "and" || t.lower == "who" {
				break // another clause, or another person's
			}
			if toks[j].lower != "as" {
				continue
			}
			if r, end, ok := x.roleWords(toks, j+1); ok {
				r.Confidence = 0.7
				x.addRole(mi, r, si, i, end)
			}
			break
		}
	}
}

// counterparts: "US President Barack Obama has met his Cuban counterpart
// Raul Castro": the counterpart holds the title of the other person in
// the sentence, for the country the demonym names.
func (x *extraction) counterparts() {
	for si := range x.sents {
		toks := x.sents[si].toks
		for i, t := range toks {
			lw := t.lower
			if lw != "counterpart" && lw != "counterparts" {
				continue
			}
			j := i + 1
			if j < len(toks) && toks[j].text == "," {
				j++
			}
			mi := x.personAt(si, j)
			if mi < 0 {
				// "his Japanese counterpart Fumio Kishida": the noun
				// confirms a name that no known first name did.
				mi = x.unconfirmedAt(si, j)
			}
			if mi < 0 {
				continue
			}
			code := ""
			if n, c := x.countryBefore(toks, i-1); n > 0 {
				code = c.Code
			}
			// The title of the other person: a role found in this
			// sentence, before the counterpart.
			title := ""
			for _, r := range x.roles {
				if r.Evidence.Sentence == si && r.Evidence.Start < t.start && r.Person != x.persons[x.mentions[mi].person].name {
					title = r.Title
				}
			}
			if title == "" {
				// Or a title said of the other person without a name:
				// "the US president will meet his Cuban counterpart X".
				for k := i - 2; k >= 0 && title == ""; k-- {
					if n, tt := matchTitle(toks, k, i); n > 0 && !strings.EqualFold(toks[k+n].text, "counterpart") {
						title = tt
					}
				}
			}
			if title == "" {
				// Or the office the document gives the person named
				// before: "Modi greeted his Japanese counterpart Kishida",
				// Modi's office told in an earlier sentence.
				title = x.officeOfPersonBefore(si, t.start, x.mentions[mi].person)
			}
			if title == "" {
				continue
			}
			x.persons[x.mentions[mi].person].accepted = true
			x.addRole(mi, Role{Title: title, CountryCode: code}, si, i, x.mentions[mi].b)
		}
	}
}

// officeOfPersonBefore returns the first title the document gives the
// person named last before offset end in sentence si, other than person
// not; "" when that person has none.
func (x *extraction) officeOfPersonBefore(si, end, not int) string {
	who := -1
	for _, mj := range x.sentMentions(si) {
		m := &x.mentions[mj]
		if x.acceptedPerson(mj) && m.person != not && x.sents[si].toks[m.a].start < end {
			who = m.person
		}
	}
	if who < 0 {
		return ""
	}
	for _, r := range x.roles {
		if r.Person == x.persons[who].name {
			return r.Title
		}
	}
	return ""
}

// ofCountry: "President Donald Trump of the United States" gives the
// role found before the name the country after it.
func (x *extraction) ofCountry() {
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" {
			continue
		}
		si := r.Evidence.Sentence
		toks := x.sents[si].toks
		for _, mi := range x.sentMentions(si) {
			m := &x.mentions[mi]
			if m.kind != kindPerson || m.person < 0 || m.person >= len(x.persons) || x.persons[m.person].name != r.Person {
				continue
			}
			if m.b >= len(toks) || toks[m.b].start > r.Evidence.End+1 {
				continue
			}
			if k, code := x.countryAfter(toks, m.b); k > 0 {
				r.CountryCode = code
				if c, ok := x.gaz.Country(code); ok {
					r.Country = c.Name
				}
				break
			}
		}
	}
}
