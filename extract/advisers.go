package extract

import (
	"slices"
	"strings"
)

// adviserWords end the titles of those who counsel a person: "senior
// Obama advisor", "special advisor to Prime Minister Suga".
var adviserWords = wordSet("adviser", "advisor", "aide")

// adviserReach is how far past the end of a role's evidence, in bytes,
// the adviser word of its title is looked for.
const adviserReach = 200

// adviserCountries gives an adviser with no country the country of the
// person they advise, as that person's roles give it: "senior Obama advisor
// Ben Rhodes" serves the United States when "President Barack Obama" of
// the story does; "Yuki Sato, a special advisor to Prime Minister Fumio
// Kishida" serves Japan. An adviser's title
// serves no state by itself (countryNeutralTitles); the one advised
// gives it one.
func (x *extraction) adviserCountries() {
	if !slices.ContainsFunc(x.roles, func(r Role) bool {
		return r.CountryCode == "" && adviserWords[r.Title[strings.LastIndexByte(r.Title, ' ')+1:]]
	}) {
		return
	}
	served := map[string]string{} // person → the first country a role gives them
	for _, r := range x.roles {
		if r.CountryCode != "" && served[r.Person] == "" {
			served[r.Person] = r.CountryCode
		}
	}
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" || !adviserWords[r.Title[strings.LastIndexByte(r.Title, ' ')+1:]] {
			continue
		}
		si := r.Evidence.Sentence
		toks := x.sents[si].toks
		for k := tokenAt(toks, r.Evidence.Start); k < len(toks) && toks[k].start < r.Evidence.End+adviserReach; k++ {
			if !adviserWords[toks[k].lower] {
				continue
			}
			pi := x.advisee(si, k)
			if pi < 0 || x.persons[pi].name == r.Person {
				continue
			}
			if c := served[x.persons[pi].name]; c != "" && c != r.ToCode {
				r.CountryCode, r.byDocument = c, true
				x.setRoleCountry(r)
				break
			}
		}
	}
}

// advisee returns the person that the adviser word at token k of
// sentence si counsels: a name right before it ("Obama advisor",
// "Obama's adviser") or after "to" and at most a few title words ("to
// Prime Minister Fumio Kishida"); -1 when there is none.
func (x *extraction) advisee(si, k int) int {
	toks := x.sents[si].toks
	for _, mi := range x.sentMentions(si) {
		m := &x.mentions[mi]
		if !x.acceptedPerson(mi) {
			continue
		}
		end := m.b
		if end < len(toks) && (toks[end].text == "'s" || toks[end].text == "’s") {
			end++
		}
		if end == k {
			return m.person
		}
		if k+1 < len(toks) && toks[k+1].lower == "to" && m.a > k+1 && m.a <= k+5 {
			between := true
			for j := k + 2; j < m.a; j++ {
				between = between && (toks[j].cap || pastMarkers[toks[j].lower] || toks[j].lower == "the")
			}
			if between {
				return m.person
			}
		}
	}
	return -1
}
