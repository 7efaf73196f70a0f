package extract

import "strings"

// spousalTitles are held as the spouse of a head of state or government
// (data/spousaltitles.txt).
var spousalTitles = readList("spousaltitles.txt")

// spouseWords stand between a person and the title of their spouse:
// "King Harald and his wife Queen Sonja" (data/spousewords.txt).
var spouseWords = readList("spousewords.txt")

// spouseCountries gives a spouse's title ("first lady", "queen consort")
// whose own words name no country the country of the spouse, instead of
// one from the passage or the document: "Biden and first lady Jill
// Biden hosted the French president and his wife, first lady Brigitte
// Macron" makes Brigitte Macron no American. The spouse is the one other person of the
// document with the holder's family name, or else the person the
// sentence names right before the title, joined by "and" or "and his
// wife". The spouse's country is the one their roles were given, from
// their own words if any: this runs after every other rule. A spouse
// with no country leaves the title none.
func (x *extraction) spouseCountries() {
	country := x.statedCountries() // then, for the rest, their first role's country
	for _, r := range x.roles {
		if r.CountryCode != "" && country[r.Person] == "" {
			country[r.Person] = r.CountryCode
		}
	}
	for i := range x.roles {
		r := &x.roles[i]
		if !spousalTitles[r.Title] || r.CountryCode != "" && !r.byDocument {
			continue
		}
		spouse := x.namesake(r.Person)
		if spouse == "" {
			spouse = x.personJoinedBefore(r.Evidence)
		}
		if spouse == "" {
			continue
		}
		r.CountryCode, r.Country, r.byPassage = country[spouse], "", false
		r.byDocument = r.CountryCode != ""
		x.setRoleCountry(r)
	}
}

// namesake returns the one other accepted person of the document whose
// name ends in the same family name as name, or "".
func (x *extraction) namesake(name string) string {
	family := familyName(name)
	if family == "" {
		return ""
	}
	found := ""
	for _, p := range x.persons {
		if !p.accepted || p.name == name || familyName(p.name) != family {
			continue
		}
		if found != "" {
			return "" // two namesakes: no telling which
		}
		found = p.name
	}
	return found
}

// familyName returns the last word of a name of two words or more.
func familyName(name string) string {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return ""
	}
	return name[i+1:]
}

// personJoinedBefore returns the person named right before the span,
// with only spouseWords and at least "and" between, or "".
func (x *extraction) personJoinedBefore(sp Span) string {
	toks := x.sents[sp.Sentence].toks
	and := false
	j := tokenAt(toks, sp.Start) - 1
	for ; j >= 0 && spouseWords[toks[j].lower]; j-- {
		and = and || toks[j].lower == "and"
	}
	if !and || j < 0 {
		return ""
	}
	for _, mi := range x.sentMentions(sp.Sentence) {
		if m := &x.mentions[mi]; m.b == j+1 && x.acceptedPerson(mi) {
			return x.persons[m.person].name
		}
	}
	return ""
}
