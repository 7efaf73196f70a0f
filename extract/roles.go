package extract

import (
	"strings"

	"github.com/kg-news/kg/extract/gazetteer"
)

// findRoles reads the roles of persons from two constructions (AP
// Stylebook, "titles"; Quirk et al., "A Comprehensive Grammar of the
// English Language", 17.65ff on appositions):
//
//   - a pre-modifier: [former] [Russian | Russia's | Kremlin] [deputy]
//     President [to Russia] NAME, or President of [the] Russia NAME;
//   - an apposition: NAME, [a | the] [former] [U.S.] ambassador [to
//     Russia] [with Russia's ...].
//
// A party-state tag "(R-Ariz.)" after a name gives the United States.
func (x *extraction) findRoles() {
	type key struct{ person, title string }
	index := map[key]int{}
	for mi := range x.mentions {
		m := &x.mentions[mi]
		if m.kind != kindPerson || m.person < 0 || m.person >= len(x.persons) || !x.persons[m.person].accepted {
			continue
		}
		toks := x.sents[m.sent].toks
		found := []Role{}
		if r, ok := x.preModifierRole(toks, m.a); ok {
			found = append(found, r)
		} else if r, ok := x.titleCommaRole(toks, m.a); ok {
			found = append(found, r)
		} else if r, ok := x.titleOfRole(m.sent, toks, m.a); ok {
			found = append(found, r)
		}
		if r, ok := x.appositionRole(m.sent, toks, m.b); ok {
			found = append(found, r)
		}
		for _, r := range found {
			if r.CountryCode == "" && partyTag(toks, m.b) {
				r.CountryCode = "US"
			}
			r.Person = x.persons[m.person].name
			r.Evidence = Span{Sentence: m.sent, Start: toks[max(0, min(m.a, r.Evidence.Start))].start, End: toks[min(len(toks)-1, max(m.b, r.Evidence.End)-1)].end}
			if c, ok := x.gaz.Country(r.CountryCode); ok {
				r.Country = c.Name
			}
			if c, ok := x.gaz.Country(r.ToCode); ok {
				r.To = c.Name
			}
			k := key{r.Person, r.Title}
			if i, dup := index[k]; dup {
				old := &x.roles[i]
				if old.CountryCode == "" && r.CountryCode != "" {
					old.Country, old.CountryCode = r.Country, r.CountryCode
				}
				if old.ToCode == "" && r.ToCode != "" {
					old.To, old.ToCode = r.To, r.ToCode
				}
				continue
			}
			index[k] = len(x.roles)
			x.roles = append(x.roles, r)
		}
	}
}

// preModifierRole parses the tokens before a name at toks[a]. The
// returned role's Evidence.Start holds the first token index used.
func (x *extraction) preModifierRole(toks []token, a int) (Role, bool) {
	j := a - 1
	// "First Lady Jill Biden": an honorific that ends a title is the
	// title's.
	for j >= 0 && honorifics[toks[j].lower] && !(j > 0 && titles[toks[j-1].lower+" "+toks[j].lower]) {
		j--
	}
	// "President of the United States NAME", "Prime Minister of India NAME".
	if n, c := x.countryBefore(toks, j); n > 0 {
		k := j - n
		if k >= 0 && strings.EqualFold(toks[k].text, "the") {
			k--
		}
		if k >= 1 && toks[k].text == "of" {
			for start := max(0, k-5); start < k; start++ {
				if tn, t := matchTitle(toks, start, k); tn > 0 && start+tn == k {
					return Role{Title: t, CountryCode: c.Code, Evidence: Span{Start: start}, Confidence: 0.9}, true
				}
			}
		}
	}
	var r Role
	// "ambassador to Russia NAME"
	if j >= 1 {
		if n, c := x.countryBefore(toks, j); n > 0 && j-n >= 0 {
			k := j - n // "to Russia", "to the US"
			if k > 0 && toks[k].lower == "the" {
				k--
			}
			if strings.EqualFold(toks[k].text, "to") {
				r.ToCode = c.Code
				j = k - 1
			}
		}
	}
	// The longest title ending at j.
	best, title := -1, ""
	for start := max(0, j-5); start <= j; start++ {
		if n, t := matchTitle(toks, start, j+1); n > 0 && start+n == j+1 {
			best, title = start, t
			break
		}
	}
	if best < 0 {
		return Role{}, false
	}
	r.Title = title
	j = best - 1
	if r.ToCode != "" && title != "ambassador" && title != "envoy" && title != "special envoy" {
		r.ToCode = ""
	}
	// Country or institution before the title.
	for k := 0; k < 2 && j >= 0; k++ {
		t := toks[j]
		lw := strings.ToLower(t.text)
		if pastMarkers[lw] {
			r.Former = true
			j--
			continue
		}
		if t.text == "'s" || t.text == "’s" {
			if n, c := x.countryBefore(toks, j-1); n > 0 {
				r.CountryCode = c.Code
				j -= n + 1
			} else if n, code := x.cityBefore(toks, j-1); n > 0 {
				// "Riyadh's governor": the city's country
				r.CountryCode = code
				j -= n + 1
			}
			break
		}
		if n, c := x.countryBefore(toks, j); n > 0 {
			if rn, _ := regionBefore(toks, j); rn <= n { // "New Mexico" is no Mexico
				r.CountryCode = c.Code
				j -= n
				continue
			}
		}
		if n := orgBefore(toks, j); n > 0 {
			r.CountryCode = orgCountry[joinTokens(toks[j-n+1:j+1])]
			j -= n
			continue
		}
		if n, code := regionBefore(toks, j); n > 0 && r.CountryCode == "" {
			// "Arizona Sen.": the state's country.
			r.CountryCode = code
			j -= n
			continue
		}
		break
	}
	if j >= 0 && pastMarkers[toks[j].lower] {
		r.Former = true
	}
	if strings.HasPrefix(toks[best].lower, "then-") || strings.HasPrefix(toks[best].lower, "ex-") {
		r.Former = true
	}
	r.Evidence.Start = j + 1
	r.Confidence = 0.9
	return r, true
}

// titleCommaRole reads a title set off before a name by a comma, in a
// list of titled names: "the US Secretary of the Treasury Janet Yellen,
// US Secretary of State, Marco Rubio, and ...". The title must open
// after a comma, an "and", a preposition (openingPrepositions) or the
// start of the sentence, so that it is no apposition of a name before
// it.
func (x *extraction) titleCommaRole(toks []token, a int) (Role, bool) {
	for a > 0 && honorifics[toks[a-1].lower] { // ", Prince Faisal bin Bandar"
		a--
	}
	if a < 2 || toks[a-1].text != "," {
		return Role{}, false
	}
	r, ok := x.preModifierRole(toks, a-1)
	if !ok {
		return Role{}, false
	}
	start := r.Evidence.Start
	for start < a-1 && toks[start].kind == punct {
		start++
	}
	for start > 0 && (toks[start-1].lower == "the" || toks[start-1].lower == "a") {
		start--
	}
	if start > 0 && toks[start-1].text != "," && toks[start-1].lower != "and" && !openingPrepositions[toks[start-1].lower] {
		return Role{}, false
	}
	return r, true
}

// cityBefore matches a city of one or two capitalized words ending at
// toks[j] and returns its length and its country's code.
func (x *extraction) cityBefore(toks []token, j int) (int, string) {
	for n := 2; n >= 1; n-- {
		if j-n+1 < 0 || !toks[j-n+1].cap {
			continue
		}
		if c, ok := x.gaz.City(joinTokens(toks[j-n+1 : j+1])); ok && c.Country != "" {
			return n, c.Country
		}
	}
	return 0, ""
}

// openingPrepositions open a phrase that no name comes before, so that a
// title right after one is no apposition of a name: "welcomed by
// Riyadh's governor, Prince Faisal bin Bandar".
var openingPrepositions = wordSet("by", "with", "to", "from", "for", "including")

// maxTitleOfWords bounds the words of "of" phrase that titleOfRole
// reads between a title and the name it describes.
const maxTitleOfWords = 8

// titleOfRole reads a title with an "of" phrase set off before a name by
// a comma: "the president of the national grid company, Rafael Moura",
// "the chairman of the Chinese trade council, Wei Ming". The
// phrase names no person and holds no comma; a country or demonym in it
// gives the role its country.
func (x *extraction) titleOfRole(si int, toks []token, a int) (Role, bool) {
	if a < 4 || toks[a-1].text != "," {
		return Role{}, false
	}
	for of := a - 2; of > 0 && of >= a-1-maxTitleOfWords; of-- {
		t := toks[of]
		if t.kind == punct || x.personStartsAt(si, of) {
			return Role{}, false
		}
		if t.lower != "of" {
			continue
		}
		for start := max(0, of-4); start < of; start++ {
			n, title := matchTitle(toks, start, of)
			if n == 0 || start+n != of || start == 0 || toks[start-1].lower != "the" {
				continue
			}
			r := Role{Title: title, Evidence: Span{Start: start - 1}, Confidence: 0.8, ofBody: true}
			for k := of + 1; k < a-1; k++ {
				if n, c := x.matchCountryWord(toks, k, a-1); n > 0 {
					r.CountryCode = c.Code
					break
				}
			}
			return r, true
		}
		return Role{}, false
	}
	return Role{}, false
}

// personStartsAt reports whether an accepted person's name begins at
// token i of sentence si.
func (x *extraction) personStartsAt(si, i int) bool {
	for _, mi := range x.sentMentions(si) {
		if x.mentions[mi].a == i && x.acceptedPerson(mi) {
			return true
		}
	}
	return false
}

// appositionRole parses ", a former U.S. ambassador to Ukraine," after a
// name ending at toks[b-1] of sentence si.
func (x *extraction) appositionRole(si int, toks []token, b int) (Role, bool) {
	j := b
	if j < len(toks) && toks[j].text == "(" { // "(R-Ariz.)"
		for j < len(toks) && toks[j].text != ")" {
			j++
		}
		j++
	}
	if j >= len(toks) || toks[j].text != "," {
		return Role{}, false
	}
	j++
	var r Role
	for j < len(toks) {
		lw := toks[j].lower
		if lw == "a" || lw == "an" || lw == "the" || lw == "now" || lw == "currently" || lw == "also" || lw == "still" {
			j++
			continue
		}
		if pastMarkers[lw] {
			r.Former = true
			j++
			continue
		}
		break
	}
	// [Country | Country's | demonym] [one or two other words] title
	r.CountryCode, j = x.countryBeforeTitle(toks, j)
	n, title := 0, ""
	for skip := 0; skip <= 2 && j+skip < len(toks); skip++ {
		if n, title = matchTitle(toks, j+skip, len(toks)); n > 0 {
			j += skip
			break
		}
		if toks[j+skip].kind != word || toks[j+skip].lower == "and" || toks[j+skip].lower == "or" {
			break // ", and Vice Premier He Lifeng" is the next of a list
		}
		if articles[toks[j+skip].lower] || prepositions[toks[j+skip].lower] {
			break // ", quoting the minister": the title heads a phrase of its own
		}
	}
	if n == 0 {
		return Role{}, false
	}
	r.Title = title
	j += n
	if x.personAt(si, j) >= 0 || j < len(toks) && toks[j].kind == word && toks[j].cap ||
		j+1 < len(toks) && toks[j].text == "," && x.personAt(si, j+1) >= 0 {
		// A list of titled names: "Finance Minister Shunichi Suzuki,
		// Chief Cabinet Secretary Hirokazu Matsuno" (or a name kg does
		// not know), or a title set off before the next name ("Janet
		// Yellen, US Secretary of State, Marco Rubio": titleCommaRole):
		// the title is the next name's.
		return Role{}, false
	}
	// "to Russia", "of Russia", "with Russia's ...", "for Russia"
	if j+1 < len(toks) {
		prep := toks[j].lower
		if k, c := x.matchCountryWord(toks, j+1, len(toks)); k > 0 {
			switch prep {
			case "to":
				if strings.Contains(title, "ambassador") || strings.Contains(title, "envoy") {
					r.ToCode = c.Code
				}
				j += k + 1
			case "of", "for", "with", "in":
				if r.CountryCode == "" {
					r.CountryCode = c.Code
				}
				j += k + 1
			}
		}
	}
	r.Evidence.End = j
	r.Evidence.Start = b
	r.Confidence = 0.8
	return r, true
}

// countryBeforeTitle reads the country words that may open a title at
// toks[j]: a country or demonym ("U.S.", "Russia's", "Chinese"), a
// body that speaks for one state ("Kremlin"), or a region of one country
// ("Arizona"). It returns the country's
// code, or "", and the index after them.
func (x *extraction) countryBeforeTitle(toks []token, j int) (string, int) {
	if n, c := x.matchCountryWord(toks, j, len(toks)); n > 0 {
		j += n
		if j < len(toks) && (toks[j].text == "'s" || toks[j].text == "’s") {
			j++
		}
		return c.Code, j
	}
	if n := matchKnownOrg(toks, j, len(toks)); n > 0 {
		return orgCountry[joinTokens(toks[j:j+n])], j + n
	}
	// "a former Arizona senator", "the Texas Republican governor": a
	// region of one country before a title.
	if n, code := matchRegion(toks, j, len(toks)); n > 0 {
		for k := j + n; k < len(toks) && k <= j+n+1; k++ {
			if t, _ := matchTitle(toks, k, len(toks)); t > 0 {
				return code, j + n
			}
		}
	}
	return "", j
}

// countryBefore matches a demonym or country name ending at toks[j].
func (x *extraction) countryBefore(toks []token, j int) (int, *gazetteer.Country) {
	for n := min(3, j+1); n >= 1; n-- {
		if k, c := x.matchCountryWord(toks, j-n+1, j+1); k == n {
			return n, c
		}
	}
	return 0, nil
}

func orgBefore(toks []token, j int) int {
	for n := min(3, j+1); n >= 1; n-- {
		if orgCountry[joinTokens(toks[j-n+1:j+1])] != "" {
			return n
		}
	}
	return 0
}

// partyTag reports a "(R-Ariz.)" or "(D-N.Y.)" tag after a name, or one
// set off by a comma (", R-N.C.,").
func partyTag(toks []token, b int) bool {
	if b+1 >= len(toks) || toks[b].text != "(" && toks[b].text != "," {
		return false
	}
	t := toks[b+1].text
	return len(t) > 2 && (t[0] == 'R' || t[0] == 'D' || t[0] == 'I') && t[1] == '-'
}
