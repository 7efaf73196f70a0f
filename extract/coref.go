package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-news/kg/extract/gazetteer"
)

// cluster is one person and every mention of them.
type cluster struct {
	name     string   // fullest name
	tokens   []string // tokens of name
	aliases  []string
	mentions []int // indexes into extraction.mentions
	first    int   // first mention
	body     bool  // mentioned outside headlines
	accepted bool
}

// handleTitles tie institutional handles to the holder of a role.
var handleTitles = map[string][2]string{
	"potus": {"president", "US"}, "vp": {"vice president", "US"}, "pmoindia": {"prime minister", "IN"},
	"number10gov": {"prime minister", "GB"}, "kremlinrussia_e": {"president", "RU"},
}

// cluster groups person mentions: full names first (folded, so "Kim
// Jong-un" and "Kim Jong Un" are one), then single words that equal a
// full name's last or first word, nearest preceding full name first.
func (x *extraction) cluster() {
	x.orgShortForms()
	byKey := map[string]int{}
	shortForms := x.shortNameForms()
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindPerson || m.b-m.a < 2 {
			continue
		}
		toks := x.sents[m.sent].toks[m.a:m.b]
		key := gazetteer.Fold(m.text)
		named := m
		if full, ok := shortForms[key]; ok && len(full) == 1 {
			// "George Bush" in a story that writes "George W Bush"
			for k, mi := range full {
				key, named = k, &x.mentions[mi]
			}
		}
		pi, ok := byKey[key]
		if !ok {
			c := &cluster{name: named.text, first: i}
			for _, t := range x.sents[named.sent].toks[named.a:named.b] {
				c.tokens = append(c.tokens, t.text)
			}
			pi = len(x.persons)
			byKey[key] = pi
			x.persons = append(x.persons, c)
		}
		c := x.persons[pi]
		c.mentions = append(c.mentions, i)
		m.person = pi
		if !x.sents[m.sent].headline {
			c.body = true
		}
		if m.titled || x.gaz.FirstName(toks[0].text) || familyFirst[toks[0].text] && len(toks) <= 3 || x.personCue(m) {
			c.accepted = true
		}
	}
	// Single words and titled surnames.
	surnames := map[string][]int{} // single words that joined no one
	for i := range x.mentions {
		m := &x.mentions[i]
		single := (m.kind == kindUnknown || m.kind == kindPerson) && m.b-m.a == 1 && x.sents[m.sent].toks[m.a].kind == word
		if !single {
			continue
		}
		w := gazetteer.Fold(m.text)
		best, bestN := -1, 0
		for pi, c := range x.persons {
			last := gazetteer.Fold(c.tokens[len(c.tokens)-1])
			first := gazetteer.Fold(c.tokens[0])
			if w == last && patronymic(c.tokens) {
				last = "" // "Salman" is not "Mohammed bin Salman", his son
			}
			if w != last && w != first && !hasNickname(c.tokens, w) && !familiarMiddle(c.tokens, w) {
				continue
			}
			if w != first && royallyTitled(m) {
				continue // "King Hussein" is not Saddam Hussein
			}
			n := mentionsBefore(c, i)
			switch {
			case best < 0 || c.first < i && x.persons[best].first > i:
				best, bestN = pi, n
			case c.first > i || x.persons[best].first > i:
			case !m.titled && n != bestN:
				// "Trump" alone, after "Donald Trump" and "Melania
				// Trump": the one the story names more.
				if n > bestN {
					best, bestN = pi, n
				}
			case c.first > x.persons[best].first:
				// else the one named last
				best, bestN = pi, n
			}
		}
		switch {
		case best >= 0:
			c := x.persons[best]
			m.kind, m.person = kindPerson, best
			c.mentions = append(c.mentions, i)
			c.accepted = true
			if !x.sents[m.sent].headline {
				c.body = true
			}
		case m.titled && m.kind == kindPerson:
			c := &cluster{name: m.text, tokens: []string{m.text}, first: i, accepted: true, body: !x.sents[m.sent].headline}
			c.mentions = append(c.mentions, i)
			m.person = len(x.persons)
			x.persons = append(x.persons, c)
		default:
			m.kind = kindUnknown
			toks := x.sents[m.sent].toks
			// "Obama" (a town in Japan) met "Castro" (one in Brazil): a
			// small town needs a place context.
			city, isCity := x.gaz.City(m.text)
			if isCity && townHere(city, toks, m.a, m.b) && !x.sents[m.sent].headline {
				m.kind, m.placeName, m.placeKind, m.code = kindPlace, m.text, "city", city.Country
			} else if toks[m.a].cap {
				surnames[w] = append(surnames[w], i)
			}
		}
	}
	x.surnameOnly(surnames)
	x.initialsAliases()
	x.acronymBodies()
	// Clusters that nothing confirms, or that only headlines name, are
	// dropped.
	for _, c := range x.persons {
		if !c.body {
			c.accepted = false
		}
	}
	// Handles whose folded form contains a full name: "@realDonaldTrump".
	for i := range x.mentions {
		m := &x.mentions[i]
		if x.sents[m.sent].toks[m.a].kind != handle {
			continue
		}
		h := gazetteer.Fold(m.text)
		for pi, c := range x.persons {
			if c.accepted && len(c.tokens) > 1 && strings.Contains(h, gazetteer.Fold(c.name)) {
				m.kind, m.person = kindPerson, pi
				c.mentions = append(c.mentions, i)
			}
		}
	}
}

// shortNameForms maps the folded "first last" of each person name
// written with middle initials ("George W Bush", "John F. Kennedy"), and
// the folded first words of each name of three words or more ("Juan
// Miguel" of "Juan Miguel Gonzalez"), to the folded full names that give
// them and a mention of each: a shorter form is the one fuller name when
// the document writes only one ("George H.W. Bush" beside "George W.
// Bush" leaves "George Bush" alone).
func (x *extraction) shortNameForms() map[string]map[string]int {
	out := map[string]map[string]int{}
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindPerson || m.b-m.a < 3 {
			continue
		}
		toks := x.sents[m.sent].toks[m.a:m.b]
		add := func(short string) {
			if out[short] == nil {
				out[short] = map[string]int{}
			}
			if _, ok := out[short][gazetteer.Fold(m.text)]; !ok {
				out[short][gazetteer.Fold(m.text)] = i
			}
		}
		// "Juan Miguel" for "Juan Miguel Gonzalez": the name's first
		// words (given names, never one word alone, which the single
		// words' pass reads)
		for n := 2; n < len(toks); n++ {
			add(gazetteer.Fold(joinTokens(toks[:n])))
		}
		middle := ""
		for _, t := range toks[1 : len(toks)-1] {
			middle += t.text
		}
		if initials(middle) {
			add(gazetteer.Fold(toks[0].text + " " + toks[len(toks)-1].text))
		}
	}
	return out
}

// initials reports whether s is one to three capital letters, each
// followed by a dot or not ("W", "W.", "H.W.").
func initials(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) == 0 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// familiarMiddle reports whether the folded word w is a capitalized
// middle word of a long name that news uses alone: "Lula" of Luiz
// Inácio Lula da Silva, "López" of Andrés Manuel López Obrador. Names of
// three words or fewer have none ("Jong" of Kim Jong Un is never alone).
func familiarMiddle(tokens []string, w string) bool {
	if len(tokens) < 4 {
		return false
	}
	for k := 1; k+1 < len(tokens); k++ {
		t := tokens[k]
		if len(t) >= 3 && t[0] >= 'A' && t[0] <= 'Z' && gazetteer.Fold(t) == w {
			return true
		}
	}
	return false
}

// hasNickname reports whether a name's tokens quote the folded word w as
// a nickname: "Lula" in Luiz Inácio "Lula" da Silva.
func hasNickname(tokens []string, w string) bool {
	for k := 1; k+1 < len(tokens); k++ {
		if strings.ContainsAny(tokens[k-1], "\"'“‘") && strings.ContainsAny(tokens[k+1], "\"'”’") && gazetteer.Fold(tokens[k]) == w {
			return true
		}
	}
	return false
}

// surnameOnly makes a person of a single name that the article uses
// without ever giving the full name ("Obama, Castro briefly meet";
// "Erdogan met Biden"): one it uses at least twice, once with a cue of a
// person (a speech verb, an apposition, a meeting verb or a possessive
// after it, a title before it), and that is no place, organization,
// title, month or weekday.
func (x *extraction) surnameOnly(cands map[string][]int) {
	words := make([]string, 0, len(cands))
	for w := range cands {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		ms := cands[w]
		if len(ms) < 2 {
			continue
		}
		m0 := &x.mentions[ms[0]]
		lw := strings.ToLower(m0.text)
		if functionWords[lw] || titles[lw] || orgWords[lw] || weekdays[lw] != 0 || lw == "sunday" || isMonthName(m0.text) ||
			x.countryName(m0.text) != nil || demonym(x.gaz, m0.text) != nil || nameParticles[lw] {
			continue
		}
		if acronym(m0.text) {
			continue // "the FWS's ruling": a body's initials (initialsAliases, acronymBodies)
		}
		if strings.HasSuffix(lw, "s") && len(lw) > 4 && allOpenSentences(x, ms) {
			continue // "Investigators said ...": a plural capitalized by its place alone
		}
		cued, body := false, false
		for _, mi := range ms {
			m := &x.mentions[mi]
			cued = cued || m.titled || m.possessive || x.personCue(m) || meetingVerbAfter(x.sents[m.sent].toks, m.b)
			body = body || !x.sents[m.sent].headline
		}
		if !cued || !body {
			continue
		}
		c := &cluster{name: m0.text, tokens: []string{m0.text}, first: ms[0], accepted: true, body: true}
		for _, mi := range ms {
			x.mentions[mi].kind, x.mentions[mi].person = kindPerson, len(x.persons)
			c.mentions = append(c.mentions, mi)
		}
		x.persons = append(x.persons, c)
	}
}

// acronym reports whether word is written in two to five capitals and
// nothing else: "FWS", "NATO".
func acronym(word string) bool {
	if len(word) < 2 || len(word) > 5 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < 'A' || word[i] > 'Z' {
			return false
		}
	}
	return true
}

// orgShortForms makes a run that opens an organization's name in the
// document, before the name's first organization word, that
// organization: "Harwell Capital" and "Harwell" after "Harwell
// Capital Partners", "Brenton" after "Brenton Securities". Countries, big cities and
// peoples ("Denver" of "Denver Post", "Irish-American" of "Irish-American
// Heritage Foundation") are no short forms, and a form that a title or
// honorific precedes anywhere in the document, or that is a word of
// another person's name, stays a person's ("Mr. Kestrel" beside "Kestrel
// Industries", "Gerald Ford" beside the "Ford Foundation"). A run
// that goes on from a short form with no personal name is a body of its
// own (siblingBody).
func (x *extraction) orgShortForms() {
	x.orgsWithoutEndings()
	short := map[string]string{} // folded short form → the body's name
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindOrg {
			continue
		}
		words := strings.Fields(m.orgName)
		end := 1
		for end < len(words) && !orgWords[strings.ToLower(words[end])] {
			end++
		}
		if end == len(words) {
			continue // no organization word after the first
		}
		if !allCapitalized(words[:end]) {
			continue // "Fish and Wildlife Service"
		}
		places := 0 // leading words that name places or peoples
		for k := 1; k <= end; k++ {
			if x.placeOrPeople(words[k-1]) {
				places++
			}
			form := strings.Join(words[:k], " ")
			if places == k {
				continue // "Denver" of "Denver Post"
			}
			short[gazetteer.Fold(form)] = m.orgName
		}
	}
	if len(short) == 0 {
		return
	}
	titled := map[string]bool{}
	for i := range x.mentions {
		if m := &x.mentions[i]; m.titled {
			titled[gazetteer.Fold(m.text)] = true
		}
	}
	used := map[string]bool{} // short forms the text uses alone
	for i := range x.mentions {
		m := &x.mentions[i]
		if key := gazetteer.Fold(m.text); (m.kind == kindPerson || m.kind == kindUnknown) && short[key] != "" && !titled[key] {
			used[key] = true
		}
	}
	personal := map[string]bool{} // the words of other names
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindPerson || short[gazetteer.Fold(m.text)] != "" {
			continue
		}
		if x.siblingBody(m, used) {
			m.kind, m.orgName = kindOrg, m.text // "Corvane Foods" beside "Corvane S.A."
			continue
		}
		for _, t := range x.sents[m.sent].toks[m.a:m.b] {
			personal[gazetteer.Fold(t.text)] = true // "Ford" of "Gerald Ford" beside the "Ford Foundation"
		}
	}
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindPerson && m.kind != kindUnknown {
			continue
		}
		key := gazetteer.Fold(m.text)
		if used[key] && !personal[key] {
			m.kind, m.orgName = kindOrg, short[key]
		}
	}
}

// orgsWithoutEndings makes a body's name that another body's name
// extends with organization words alone that other body: "Poughkeepsie
// Savings" is "Poughkeepsie Savings Bank", "Harwell Capital" is "Harwell
// Capital Partners"; "United Nations" is no "United Nations Security
// Council".
func (x *extraction) orgsWithoutEndings() {
	names := map[string]bool{}
	for i := range x.mentions {
		if m := &x.mentions[i]; m.kind == kindOrg {
			names[m.orgName] = true
		}
	}
	longer := map[string]string{}
	for name := range names {
		words := strings.Fields(name)
		for k := len(words) - 1; k >= 1 && orgWords[strings.ToLower(words[k])]; k-- {
			if short := strings.Join(words[:k], " "); names[short] && len(name) > len(longer[short]) {
				longer[short] = name
			}
		}
	}
	for i := range x.mentions {
		if m := &x.mentions[i]; m.kind == kindOrg && longer[m.orgName] != "" {
			m.orgName = longer[m.orgName]
		}
	}
}

// siblingBody reports whether an untitled run read as a name opens with
// a short form of a body that the text uses alone, and goes on with no
// given name or family name: another body of that name ("Corvane Foods"
// beside "Corvane S.A." and "Corvane").
func (x *extraction) siblingBody(m *mention, used map[string]bool) bool {
	toks := x.sents[m.sent].toks[m.a:m.b]
	if m.titled || len(toks) < 2 || !used[gazetteer.Fold(toks[0].text)] {
		return false
	}
	for _, t := range toks[1:] {
		if x.gaz.FirstName(t.text) || familyFirst[t.text] {
			return false
		}
	}
	return true
}

// allCapitalized reports whether every word starts with a capital.
func allCapitalized(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// placeOrPeople reports whether a word, or each part of a hyphenated
// word, names a country, a big city or a people ("Irish-American").
func (x *extraction) placeOrPeople(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if x.countryName(part) == nil && !x.bigCity(part) && demonym(x.gaz, part) == nil {
			return false
		}
	}
	return true
}

// acronymBodies makes the words of three to five capitals that were read
// as possible names and that spell no person's initials organizations:
// "the FWS's ruling", "announced by the FWS"; not initials that the
// document gives in brackets after the name they abbreviate.
func (x *extraction) acronymBodies() {
	bracketed := map[string]bool{} // "People Power Party (PPP)": initials of a name given before
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.a > 0 && x.sents[m.sent].toks[m.a-1].text == "(" {
			bracketed[m.text] = true
		}
	}
	spelled := map[string]string{} // initials → the body whose name they spell
	for i := range x.mentions {
		if m := &x.mentions[i]; m.kind == kindOrg {
			for _, in := range orgInitials(m.orgName) {
				spelled[in] = m.orgName
			}
		}
	}
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindUnknown || m.b-m.a != 1 || len(m.text) < 3 || !acronym(m.text) || notOrgs[m.text] || bracketed[m.text] || x.sents[m.sent].headline {
			continue // "PM", "FM": titles' abbreviations
		}
		m.kind, m.orgName = kindOrg, m.text
		if name := spelled[m.text]; name != "" {
			m.orgName = name // "the FWS" after "the Fish and Wildlife Service"
		}
	}
}

// orgInitials returns the initials of the capitalized words of a body's
// name, with and without its first word ("U.S. Fish and Wildlife
// Service": "UFWS" and "FWS").
func orgInitials(name string) []string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	all := b.String()
	if len(all) < 3 {
		return nil
	}
	_, size := utf8.DecodeRuneInString(all)
	return []string{all, all[size:]}
}

// allOpenSentences reports whether each of the mentions ms opens its
// sentence, where a capital says nothing of a name.
func allOpenSentences(x *extraction, ms []int) bool {
	for _, mi := range ms {
		if x.mentions[mi].a > 0 {
			return false
		}
	}
	return true
}

// meetingVerbAfter reports whether a meeting verb follows toks[b]
// closely ("Erdogan met", "Castro and Obama greeted").
func meetingVerbAfter(toks []token, b int) bool {
	for k := b; k < len(toks) && k < b+4; k++ {
		switch toks[k].lower {
		case "met", "meets", "meet", "greeted", "spoke", "held", "hosted", "welcomed", "visited", "shook", "said", "says":
			return true
		}
		if toks[k].kind == punct && toks[k].text != "," {
			return false
		}
	}
	return false
}

// personCue reports whether the words around a mention mark it as a
// person: a speech verb, an apposition, or a party-state tag "(R-Ariz.)".
func (x *extraction) personCue(m *mention) bool {
	toks := x.sents[m.sent].toks
	if m.b < len(toks) {
		next := toks[m.b].lower
		switch next {
		case "said", "says", "told", "added", "noted", "wrote", "tweeted", "asked", "(":
			return true
		case ",":
			if m.b+1 < len(toks) {
				n2 := toks[m.b+1].lower
				if n2 == "a" || n2 == "the" || n2 == "who" || n2 == "an" {
					return true
				}
			}
		}
	}
	if _, ok := x.appositionRole(m.sent, toks, m.b); ok {
		return true // "Wang Yi, China's foreign minister,"
	}
	if m.a > 0 && titleEnds[strings.TrimSuffix(toks[m.a-1].lower, ".")] {
		if _, ok := x.preModifierRole(toks, m.a); ok {
			return true // "health minister Dzulkefly Ahmad": a title in lower case
		}
	}
	if appointedNext(toks, m.b) {
		return true // "Gen Nakatani has been named defense minister"
	}
	if m.a > 0 {
		prev := toks[m.a-1].lower
		if prev == "said" || prev == "says" {
			return true
		}
	}
	return false
}

// resolveReferences ties handles of office holders ("@POTUS") to the
// person holding that role in the document. Definite descriptions ("the
// Russian leader") are read where an event needs its participants
// (addDescribed), not here.
func (x *extraction) resolveReferences() {
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.kind != kindUnknown || x.sents[m.sent].toks[m.a].kind != handle {
			continue
		}
		ht, ok := handleTitles[strings.ToLower(strings.TrimPrefix(m.text, "@"))]
		if !ok {
			continue
		}
		if pi := x.holder(ht[0], ht[1]); pi >= 0 {
			m.kind, m.person = kindPerson, pi
			x.persons[pi].mentions = append(x.persons[pi].mentions, i)
		}
	}
}

// holder returns the person holding title for country code, or -1. A
// president named without a country counts when no other person holds
// that title for another country. Only countries the holder's own words
// give count: a role that took the story's country says nothing of whom
// "the German leader" means.
func (x *extraction) holder(title, code string) int {
	found, loose, looseN := -1, -1, 0
	for _, r := range x.roles {
		if r.Title != title || r.byDocument {
			continue
		}
		pi := x.personIndex(r.Person)
		if r.CountryCode == code {
			found = pi
		} else if r.CountryCode == "" && pi != loose {
			loose = pi
			looseN++
		}
	}
	if found >= 0 {
		return found
	}
	if looseN == 1 {
		return loose
	}
	return -1
}

func (x *extraction) personIndex(name string) int {
	for pi, c := range x.persons {
		if c.name == name {
			return pi
		}
	}
	return -1
}

// finalizeNames chooses each cluster's fullest name and its aliases.
func (x *extraction) finalizeNames() {
	for _, c := range x.persons {
		seen := map[string]bool{c.name: true}
		for _, mi := range c.mentions {
			m := x.mentions[mi]
			for _, a := range []string{m.text, m.surface} {
				a = trimFunctionWords(strings.TrimSpace(a))
				if a != "" && !seen[a] {
					seen[a] = true
					c.aliases = append(c.aliases, a)
				}
			}
		}
		sort.Strings(c.aliases)
	}
}

// trimFunctionWords drops the leading function words a sentence-initial
// capital lets into a surface form ("But Trump" is "Trump").
func trimFunctionWords(s string) string {
	for {
		w, rest, ok := strings.Cut(s, " ")
		if !ok || !functionWords[strings.ToLower(w)] {
			return s
		}
		s = rest
	}
}

// appointedNext reports whether a passive of a verb of appointing opens
// toks[b:], after its auxiliaries, with the office to come: "has been
// appointed as", "was named the new", "was picked to replace".
func appointedNext(toks []token, b int) bool {
	k := b
	for k < len(toks) && k < b+3 && passiveAuxiliaries[toks[k].lower] {
		k++
	}
	if k == b || k+1 >= len(toks) || !appointingVerbs[toks[k].lower] || !strings.HasSuffix(toks[k].lower, "ed") && toks[k].lower != "chosen" {
		return false
	}
	switch toks[k+1].lower {
	case "as", "to", "the", "new", "a", "an":
		return true
	}
	n, _ := matchTitle(toks, k+1, len(toks))
	return n > 0
}

// passiveAuxiliaries come before a passive participle.
var passiveAuxiliaries = wordSet("is", "was", "were", "are", "has", "have", "had", "been", "be", "being", "will", "would")

// patronymicWords say "son of" or "daughter of" before a father's name
// (data/patronymic.txt).
var patronymicWords = readList("patronymic.txt")

// patronymic reports whether a name ends in a father's name after a
// patronymic word ("Mohammed bin Salman"): its last word then names the
// father, who is another person.
func patronymic(tokens []string) bool {
	return len(tokens) >= 3 && patronymicWords[strings.ToLower(tokens[len(tokens)-2])]
}

// initialsAliases ties a word in capitals to the one person of the
// document whose name's initials it spells: "MBS" is Mohammed bin
// Salman, "AMLO" Andrés Manuel López Obrador. Only names of three words
// or more count (two letters spell too many other things), and a known
// body's acronym stays the body's.
func (x *extraction) initialsAliases() {
	if !slices.ContainsFunc(x.mentions, func(m mention) bool {
		return m.b-m.a == 1 && (m.kind == kindOrg || m.kind == kindUnknown) && x.sents[m.sent].toks[m.a].upper
	}) {
		return // no word in capitals to spell a name
	}
	byInitials := map[string]int{}
	for pi, c := range x.persons {
		if !c.accepted || len(c.tokens) < 3 {
			continue
		}
		var b strings.Builder
		for _, t := range c.tokens {
			r, _ := utf8.DecodeRuneInString(t)
			b.WriteRune(unicode.ToUpper(r))
		}
		k := b.String()
		if _, dup := byInitials[k]; dup {
			byInitials[k] = -1
		} else {
			byInitials[k] = pi
		}
	}
	if len(byInitials) == 0 {
		return
	}
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.b-m.a != 1 || m.kind != kindOrg && m.kind != kindUnknown {
			continue
		}
		t := x.sents[m.sent].toks[m.a]
		if !t.upper || knownOrgs[t.text] != "" {
			continue
		}
		pi, ok := byInitials[t.text]
		if !ok || pi < 0 {
			continue
		}
		m.kind, m.person, m.orgName = kindPerson, pi, ""
		x.persons[pi].mentions = append(x.persons[pi].mentions, i)
	}
}

// mentionsBefore counts the mentions of c before mention i.
func mentionsBefore(c *cluster, i int) int {
	n := 0
	for _, mi := range c.mentions {
		if mi < i {
			n++
		}
	}
	return n
}

// royalTitles name monarchs and their families (data/royaltitles.txt).
var royalTitles = readList("royaltitles.txt")

// royallyTitled reports whether mention m opens with a royal title: a
// monarch is named by their given name ("King Salman" is Salman bin
// Abdulaziz, "King Hussein" no one whose family name is Hussein).
func royallyTitled(m *mention) bool {
	first, _, _ := strings.Cut(m.surface, " ")
	return m.titled && royalTitles[strings.ToLower(first)]
}
