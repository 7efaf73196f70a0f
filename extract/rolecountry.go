package extract

import (
	"slices"
	"sort"
	"strings"
)

// countryNeutralTitles serve an organization rather than a state: a
// document's country is not theirs without words that say so (data/neutraltitles.txt).
var countryNeutralTitles = readList("neutraltitles.txt")

// titleCountries are titles of one country's officials only
// (data/titlecountries.tsv): title -> country code.
var titleCountries = func() map[string]string {
	m := map[string]string{}
	for _, r := range readTable("titlecountries.tsv", 2) {
		m[r[0]] = r[1]
	}
	return m
}()

// inferRoleCountries gives a country to the roles whose own words name
// none, from the rest of the document, in this order:
//
//  1. another role of the same person that has one ("Japanese Foreign
//     Minister Taro Kono ... Kono, the defense minister");
//  2. the document's country, when one country clearly dominates what
//     the document says about states: the countries of its roles, its
//     country names and demonyms, its dateline. A reshuffle story from
//     Tokyo gives every minister in it Japan; a summit story of two
//     countries gives no one a country this way;
//  3. the one country whose officials alone hold the title
//     (titleCountries: "congresswoman", "chief cabinet secretary");
//  4. the country of the passage around the role (passageCountry): the
//     nearest of the role's sentence and the two before it that names a
//     country, if it names only one, where the persons named also stand
//     for the countries their own words give them: a story of two
//     reshuffles, Japan's and then South Korea's, gives each minister the
//     country of the paragraphs that name them. Passages are read in the
//     order of the text, and a person given a country this way stands
//     for it in the passages after.
//
// Titles that serve organizations rather than states
// (countryNeutralTitles) take no document country.
func (x *extraction) inferRoleCountries() {
	byPerson := map[string]string{}
	for _, r := range x.roles {
		if r.CountryCode != "" && byPerson[r.Person] == "" {
			byPerson[r.Person] = r.CountryCode
		}
	}
	doc := x.documentCountry()
	var open []int // roles left to their passage, in the order of the text
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" {
			continue
		}
		// An envoy does not serve the country it is posted to.
		if c := byPerson[r.Person]; c != "" && c != r.ToCode {
			r.CountryCode = c
		} else if countryNeutralTitles[r.Title] {
			continue
		} else if doc != "" && doc != r.ToCode {
			r.CountryCode, r.byDocument = doc, true
		} else if c := titleCountries[r.Title]; c != "" && c != r.ToCode {
			r.CountryCode, r.byDocument = c, true
		} else {
			open = append(open, i)
			continue
		}
		x.setRoleCountry(r)
	}
	// A passage's country carries to the persons it gave one: the next
	// sentences about them are about it too.
	sort.SliceStable(open, func(a, b int) bool {
		return x.roles[open[a]].Evidence.Sentence < x.roles[open[b]].Evidence.Sentence
	})
	for _, i := range open {
		r := &x.roles[i]
		if c := x.passageCountry(r, byPerson); c != "" && c != r.ToCode {
			r.CountryCode, r.byDocument, r.byPassage = c, true, true
			if byPerson[r.Person] == "" {
				byPerson[r.Person] = c
			}
			x.setRoleCountry(r)
		}
	}
}

// entourageCountries gives a role with no country the country of the
// leader its holder comes along with: "Xi travels with Commerce
// Minister Wang Wentao and Vice Premier Ding Xuexiang" (companion) makes
// them officials of the country Xi's own words give. The leader is the
// first person of the sentence who does not come along and whose roles
// state a country, or, when the sentence names none ("He is being
// accompanied by"), the first such person of the sentence before.
func (x *extraction) entourageCountries() {
	stated := x.statedCountries()
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" || countryNeutralTitles[r.Title] {
			continue
		}
		si := r.Evidence.Sentence
		toks := x.sents[si].toks
		along, leader := false, ""
		for _, mi := range x.sentMentions(si) {
			m := &x.mentions[mi]
			if !x.acceptedPerson(mi) {
				continue
			}
			name := x.persons[m.person].name
			switch {
			case companion(toks, m.a):
				along = along || name == r.Person
			case leader == "" && stated[name] != "" && name != r.Person:
				leader = name
			}
		}
		if along && leader == "" && si > 0 {
			// "Xi arrived in Seoul. He is being accompanied by ...": the
			// first person of the sentence before.
			for _, mi := range x.sentMentions(si - 1) {
				if x.acceptedPerson(mi) {
					if name := x.persons[x.mentions[mi].person].name; stated[name] != "" && name != r.Person {
						leader = name
						break
					}
				}
			}
		}
		if along && leader != "" {
			r.CountryCode, r.byDocument = stated[leader], true
			x.setRoleCountry(r)
		}
	}
}

// statedCountries maps each person to the first country their own
// words give them, in the order of the roles.
func (x *extraction) statedCountries() map[string]string {
	stated := map[string]string{}
	for _, r := range x.roles {
		if r.CountryCode != "" && !r.byDocument && stated[r.Person] == "" {
			stated[r.Person] = r.CountryCode
		}
	}
	return stated
}

// tokenAt returns the index of the first token of toks that starts at
// or after byte offset off.
func tokenAt(toks []token, off int) int {
	k := 0
	for k < len(toks) && toks[k].start < off {
		k++
	}
	return k
}

// setRoleCountry fills the country name of a role from its code.
func (x *extraction) setRoleCountry(r *Role) {
	if c, ok := x.gaz.Country(r.CountryCode); ok {
		r.Country = c.Name
	}
	if r.ToCode == r.CountryCode {
		r.ToCode, r.To = "", ""
	}
}

// counterpartCountries settles the roles of the persons in an encounter
// whose own words give them no country. Counterparts serve different
// states: a person who meets someone whose own words tie them to country
// C does not serve C ("Prime Minister Anthony Albanese" meeting "Chinese
// President Xi Jinping"). When the document is about C and one other
// country D (together two thirds of its country weight, D at least 2),
// the person serves D. A role that took the document's country C is
// given up the same way, for D or for none. Only encounters of two are
// read this way: in a larger meeting several may serve one state. The
// officer of a body the text names with the title ("the president of the
// national grid company") keeps the document's country even when the
// other serves it: a guest meets the bodies of their own state too.
func (x *extraction) counterpartCountries() {
	stated := map[string]map[string]bool{} // person → countries their own words give
	for _, r := range x.roles {
		if r.CountryCode != "" && !r.byDocument {
			if stated[r.Person] == nil {
				stated[r.Person] = map[string]bool{}
			}
			stated[r.Person][r.CountryCode] = true
		}
	}
	x.dropPassageCounterparts(stated)
	weight, total := x.countryWeights()
	for _, ev := range x.events {
		if len(ev.participants) != 2 {
			continue
		}
		for _, a := range ev.participants {
			name := x.persons[a].name
			theirs := map[string]bool{} // the other participants' stated countries
			for _, b := range ev.participants {
				if b != a {
					for c := range stated[x.persons[b].name] {
						theirs[c] = true
					}
				}
			}
			if len(theirs) == 0 || len(stated[name]) > 0 {
				continue
			}
			other, otherW, theirsW := "", 0, 0
			for c, w := range weight {
				if theirs[c] {
					theirsW += w
				} else if w > otherW || w == otherW && c < other {
					other, otherW = c, w
				}
			}
			if otherW < 2 || 3*(otherW+theirsW) < 2*total {
				other = ""
			}
			for i := range x.roles {
				r := &x.roles[i]
				if r.Person != name || countryNeutralTitles[r.Title] {
					continue
				}
				switch {
				case r.CountryCode == "" && other != "":
				case r.byDocument && theirs[r.CountryCode] && !r.ofBody:
				default:
					continue
				}
				r.CountryCode, r.Country, r.byDocument = other, "", other != ""
				if c, ok := x.gaz.Country(other); ok {
					r.Country = c.Name
				}
			}
		}
	}
}

// hostCountries gives a role with no country the country of the
// event's place when its holder, in an encounter of two, meets there a
// visitor whose own words tie them to another state: "Macron will
// travel to India to see Prime Minister Narendra Modi" makes Modi
// India's. A venue stands for its country too.
func (x *extraction) hostCountries() {
	stated := x.statedCountries()
	for _, ev := range x.events {
		if len(ev.participants) != 2 || ev.place == nil || ev.place.code == "" {
			continue
		}
		for k, h := range ev.participants {
			visitor := stated[x.persons[ev.participants[1-k]].name]
			if visitor == "" || visitor == ev.place.code {
				continue
			}
			for i := range x.roles {
				r := &x.roles[i]
				if r.Person == x.persons[h].name && r.CountryCode == "" && !countryNeutralTitles[r.Title] {
					r.CountryCode, r.byDocument = ev.place.code, true
					x.setRoleCountry(r)
				}
			}
		}
	}
}

// guestCountries takes back the host's country from a guest. In an
// encounter of two, a person whom the parse makes the one received or
// travelling (parsed.guest: "Biden will host Prime Minister Anthony
// Albanese", "playing host to President Macron", "Albanese's visit") does not
// serve the host's state: a guest's role that took the host's country
// from the document takes instead the one other country the document
// names with a weight of 2 or more, or none.
func (x *extraction) guestCountries() {
	doc := x.documentCountry()
	if doc == "" {
		return
	}
	weight, _ := x.countryWeights()
	other, otherW, tie := "", 0, false
	for c, w := range weight {
		switch {
		case c == doc:
		case w > otherW:
			other, otherW, tie = c, w, false
		case w == otherW:
			tie = true
		}
	}
	if otherW < 2 || tie {
		other = ""
	}
	for _, ev := range x.events {
		if len(ev.participants) != 2 {
			continue
		}
		for k, g := range ev.participants {
			host := ev.participants[1-k]
			if !x.isGuest(ev, g) || x.isGuest(ev, host) || x.statesCountry(host, other) {
				continue
			}
			for i := range x.roles {
				r := &x.roles[i]
				if r.Person != x.persons[g].name || !r.byDocument || r.CountryCode != doc {
					continue
				}
				r.CountryCode, r.Country, r.byPassage = other, "", false
				r.byDocument = other != ""
				if c, ok := x.gaz.Country(other); ok {
					r.Country = c.Name
				}
			}
		}
	}
}

// isGuest reports whether a sentence of the event's evidence makes
// person pi its guest (parsed.guest).
func (x *extraction) isGuest(ev *event, pi int) bool {
	for _, sp := range ev.spans {
		if !mayHost(x.sents[sp.Sentence].toks) {
			continue // no word that can receive or bring a guest: no parse
		}
		p := x.parse(sp.Sentence)
		if p == nil {
			continue
		}
		for _, mi := range x.sentMentions(sp.Sentence) {
			m := &x.mentions[mi]
			if m.kind == kindPerson && m.person == pi && p.guest(p.spanHead(m.a, m.b)) {
				return true
			}
		}
	}
	return false
}

// mayHost reports whether a sentence holds a form of a hosting or
// visiting verb, or a visit or a trip, by its stem ("hosted", "welcomes",
// "arriving"): only then can parsed.guest find a guest in it.
func mayHost(toks []token) bool { return hasStem(toks, guestStems) }

// hasStem reports whether a token starts with one of stems.
func hasStem(toks []token, stems []string) bool {
	for _, t := range toks {
		for _, stem := range stems {
			if strings.HasPrefix(t.lower, stem) {
				return true
			}
		}
	}
	return false
}

// guestStems are the stems of the lemmas of hostingVerbs and
// visitingVerbs, and of the nouns visit and trip; hostStems those of
// hostingVerbs alone.
var (
	guestStems = stems(hostingVerbs, visitingVerbs, map[string]bool{"trip": true, "flew": true})
	hostStems  = stems(hostingVerbs)
)

// stems returns the words of sets without a final "e", sorted.
func stems(sets ...map[string]bool) []string {
	var out []string
	for _, set := range sets {
		for w := range set {
			out = append(out, strings.TrimSuffix(w, "e"))
		}
	}
	slices.Sort(out)
	return out
}

// statesCountry reports whether a role of person pi gives country code
// in its own words.
func (x *extraction) statesCountry(pi int, code string) bool {
	for _, r := range x.roles {
		if r.Person == x.persons[pi].name && r.CountryCode == code && code != "" && !r.byDocument {
			return true
		}
	}
	return false
}

// dropPassageCounterparts takes back a country that a role took from its
// passage when its holder meets, in an encounter of any size, someone
// whose own words give that country: the passage was about the
// counterpart ("Albanese met President Xi Jinping and Chinese Premier Li
// Qiang in Beijing" makes Albanese no Chinese official).
func (x *extraction) dropPassageCounterparts(stated map[string]map[string]bool) {
	for _, ev := range x.events {
		for _, a := range ev.participants {
			name := x.persons[a].name
			for i := range x.roles {
				r := &x.roles[i]
				if r.Person != name || !r.byPassage {
					continue
				}
				for _, b := range ev.participants {
					if b != a && stated[x.persons[b].name][r.CountryCode] {
						r.CountryCode, r.Country, r.byDocument, r.byPassage = "", "", false, false
						break
					}
				}
			}
		}
	}
}

// documentCountry is the country a document is about, or "" when no one
// country has at least two thirds of the weight of the country evidence
// and a weight of 2: a role's country weighs 2, a country name, a demonym
// or a city 1. A document whose one piece of evidence is a city (a
// dateline, "PTI | New Delhi") is about that city's country.
func (x *extraction) documentCountry() string {
	weight, total := x.countryWeights()
	best, bestW := "", 0
	for c, w := range weight {
		if w > bestW || w == bestW && c < best {
			best, bestW = c, w
		}
	}
	if bestW < 1 || bestW < 2 && total > 1 || 3*bestW < 2*total {
		return ""
	}
	return best
}

// passageCountry is the country of the passage that sentence si belongs
// to, or "": going back from si over at most passageBefore sentences,
// the first sentence that names any country decides, if everything it
// names is one country. A sentence names a country with a role's own
// country words, a country name, a demonym or a city, or, before si, a
// person whose own words give them a country (stated): in si itself the
// other persons named are often counterparts, not colleagues. Nor, in
// si, does a holder of the same title say whom the role's holder serves
// ("a telegram to U.S. President X, President Y"), or the place the
// holder travels to ("X returned from a visit to troops in Y").
func (x *extraction) passageCountry(role *Role, stated map[string]string) string {
	si := role.Evidence.Sentence
	holder := x.nameIn(si, role)
	for s := si; s >= 0 && s >= si-passageBefore; s-- {
		weight, total := map[string]int{}, 0
		add := func(code string, w int) {
			if code != "" {
				weight[code] += w
				total += w
			}
		}
		var counterparts []Span // same-title roles of others in si, with their country words
		for _, r := range x.roles {
			switch {
			case r.byDocument || r.Evidence.Sentence != s:
			case s == si && r.Title == role.Title && r.Person != role.Person:
				counterparts = append(counterparts, r.Evidence)
			default:
				add(r.CountryCode, 2)
			}
		}
		for _, mi := range x.sentMentions(s) {
			m := &x.mentions[mi]
			switch {
			case m.kind == kindPlace && x.within(m, counterparts):
			case m.kind == kindPlace && s == si && holder >= 0 && m.placeKind != "demonym" && x.tripDestination(si, holder, m.a):
			case m.kind == kindPlace && (m.placeKind == "country" || m.placeKind == "demonym" || m.placeKind == "city"):
				add(m.code, 1)
			case m.kind == kindPerson && m.person >= 0 && m.person < len(x.persons) && s < si:
				add(stated[x.persons[m.person].name], 1)
			}
		}
		if total == 0 {
			continue
		}
		if len(weight) > 1 {
			return ""
		}
		for c := range weight {
			return c
		}
	}
	return ""
}

// within reports whether mention m lies in one of the spans.
func (x *extraction) within(m *mention, spans []Span) bool {
	toks := x.sents[m.sent].toks
	for _, sp := range spans {
		if toks[m.a].start >= sp.Start && toks[m.b-1].end <= sp.End {
			return true
		}
	}
	return false
}

// nameIn returns the mention in sentence si of the role's holder that
// the role's words lead to, or -1.
func (x *extraction) nameIn(si int, role *Role) int {
	from := tokenAt(x.sents[si].toks, role.Evidence.Start)
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if m.a >= from && m.kind == kindPerson && m.person >= 0 && m.person < len(x.persons) && x.persons[m.person].name == role.Person {
			return mi
		}
	}
	return -1
}

// maxTripReach bounds the words between a trip word and the place it
// leads to ("a visit with military commanders in Y").
const maxTripReach = 8

// tripDestination reports whether the place at token place of sentence
// si is where the person of mention person travels: the parse makes the
// person the subject of a trip verb whose phrase holds the place ("X flew
// to Y"), or of a verb whose object or oblique is a trip word that holds
// it ("X returned from a visit to troops in Y"); not a place that names
// a business ("X, president of a tour operator in Y") or someone else's
// trip ("X said that Z would visit Y"). The sentence is parsed only when a trip word stands
// between them, at most maxTripReach words before the place.
func (x *extraction) tripDestination(si, person, place int) bool {
	toks := x.sents[si].toks
	m := &x.mentions[person]
	near := false
	for k := place - 1; k >= m.b && k >= place-maxTripReach; k-- {
		if toks[k].text == ";" || toks[k].text == "." {
			break
		}
		if tripWords[toks[k].lower] {
			near = true
			break
		}
	}
	if !near {
		return false
	}
	p := x.parse(si)
	if p == nil {
		return false
	}
	w := p.argumentHead(p.spanHead(m.a, m.b), -1)
	if p.rel(w) != "nsubj" {
		return false
	}
	verb := p.head(w)
	for a, n := p.wordOf[place], 0; a >= 0 && n < len(p.words); a, n = p.head(a), n+1 {
		if a == verb {
			return tripWords[strings.ToLower(p.words[a].Form)]
		}
		if tripWords[strings.ToLower(p.words[a].Form)] {
			// the trip word the place depends on: the verb's own
			// ("returned from a visit to Y"), not one of a clause below it
			// ("said that X would visit Y")
			return p.head(a) == verb && (p.rel(a) == "obl" || p.rel(a) == "obj")
		}
	}
	return false
}

// countryWeights weighs the country evidence of the document: a role's
// own country 2, a country name, a demonym or a city 1.
func (x *extraction) countryWeights() (map[string]int, int) {
	weight := map[string]int{}
	total := 0
	for _, r := range x.roles {
		if r.CountryCode != "" && !r.byDocument {
			weight[r.CountryCode] += 2
			total += 2
		}
	}
	for _, m := range x.mentions {
		if m.kind != kindPlace || m.code == "" {
			continue
		}
		switch m.placeKind {
		case "country", "demonym", "city":
			weight[m.code]++
			total++
		}
	}
	return weight, total
}

// itsCountry gives a role whose title follows "its" the country of the
// nearest place named before it in the sentence: "Kyiv said that its
// Foreign Minister ..." (Kyiv is in Ukraine).
func (x *extraction) itsCountry() {
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" {
			continue
		}
		toks := x.sents[r.Evidence.Sentence].toks
		k := tokenAt(toks, r.Evidence.Start)
		if k == 0 || k >= len(toks) || !strings.EqualFold(toks[k-1].text, "its") {
			continue
		}
		code, at := "", -1
		for _, mi := range x.sentMentions(r.Evidence.Sentence) {
			m := &x.mentions[mi]
			if m.kind == kindPlace && m.code != "" && m.b <= k-1 && m.a > at &&
				(m.placeKind == "country" || m.placeKind == "city") {
				code, at = m.code, m.a
			}
		}
		if c, ok := x.gaz.Country(code); ok {
			r.CountryCode, r.Country = code, c.Name
		}
	}
}

// passageBefore is how many sentences before a role's own its passage
// takes in.
const passageBefore = 2

// describedCountries gives a role with no country the country of a
// definite description of its title: "the American president's visit",
// in a story whose one president with no country is Donald Trump, makes
// him the American president. The description must point back, to a
// holder named in its sentence or before, and no one else may hold the
// title for that country already. Of several such holders, the one the
// description's sentence names is meant.
func (x *extraction) describedCountries() {
	if !slices.ContainsFunc(x.roles, func(r Role) bool { return r.CountryCode == "" }) {
		return // no role waits for a country
	}
	for si := range x.sents {
		toks := x.sents[si].toks
		for i := 0; i+2 < len(toks); i++ {
			if toks[i].lower != "the" || !toks[i+1].cap && !toks[i+1].upper {
				continue // a country or its adjective is capitalized
			}
			n, c := x.matchCountryWord(toks, i+1, len(toks))
			if n == 0 || i+1+n >= len(toks) || !x.titleWords()[toks[i+1+n].lower] {
				continue
			}
			t, title := matchTitle(toks, i+1+n, len(toks))
			if t == 0 {
				continue
			}
			holder := x.describedHolder(si, title, c.Code)
			if holder == "" {
				continue
			}
			for k := range x.roles {
				if r := &x.roles[k]; r.Person == holder && r.Title == title && r.CountryCode == "" {
					r.CountryCode = c.Code
					x.setRoleCountry(r)
				}
			}
		}
	}
}

// describedHolder returns the person that "the <country> <title>" in
// sentence si describes, among the holders of title with no country
// named in si or before: the one si names, else the only one; "" when
// there is none, when it is unclear, or when someone holds the title for
// code already.
func (x *extraction) describedHolder(si int, title, code string) string {
	var all, here []string
	for _, r := range x.roles {
		if r.Title != title {
			continue
		}
		if r.CountryCode == code {
			return ""
		}
		pi := x.personIndex(r.Person)
		if r.CountryCode != "" || pi < 0 || !x.namedBy(pi, si) || slices.Contains(all, r.Person) {
			continue
		}
		all = append(all, r.Person)
		for _, mi := range x.sentMentions(si) {
			if x.mentions[mi].kind == kindPerson && x.mentions[mi].person == pi {
				here = append(here, r.Person)
				break
			}
		}
	}
	switch {
	case len(here) == 1:
		return here[0]
	case len(here) == 0 && len(all) == 1:
		return all[0]
	}
	return ""
}
