package extract

// countryNeutralTitles serve an organization rather than a state: a
// document's country is not theirs without words that say so.
var countryNeutralTitles = wordSet("secretary-general", "secretary general", "chairman", "chairwoman", "chair",
	"director", "professor", "chief executive", "spokesman", "spokeswoman", "spokesperson", "commander",
	"judge", "justice", "adviser", "advisor", "party leader", "opposition leader", "leader", "pope")

// inferRoleCountries gives a country to the roles whose own words name
// none, from the rest of the document, in this order:
//
//  1. another role of the same person that has one ("Japanese Foreign
//     Minister Taro Kono ... Kono, the defense minister");
//  2. the document's country, when one country clearly dominates what
//     the document says about states: the countries of its roles, its
//     country names and demonyms, its dateline. A reshuffle story from
//     Tokyo gives every minister in it Japan; a summit story of two
//     countries gives no one a country this way.
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
	for i := range x.roles {
		r := &x.roles[i]
		if r.CountryCode != "" {
			continue
		}
		if c := byPerson[r.Person]; c != "" {
			r.CountryCode = c
		} else if doc != "" && !countryNeutralTitles[r.Title] {
			r.CountryCode = doc
		} else {
			continue
		}
		if c, ok := x.gaz.Country(r.CountryCode); ok {
			r.Country = c.Name
		}
		if r.ToCode == r.CountryCode {
			r.ToCode, r.To = "", ""
		}
	}
}

// documentCountry is the country a document is about, or "" when no one
// country has at least two thirds of the weight of the country evidence:
// a role's country weighs 2, a country name, a demonym or a city 1.
func (x *extraction) documentCountry() string {
	weight := map[string]int{}
	total := 0
	for _, r := range x.roles {
		if r.CountryCode != "" {
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
	best, bestW := "", 0
	for c, w := range weight {
		if w > bestW || w == bestW && c < best {
			best, bestW = c, w
		}
	}
	if bestW < 2 || 3*bestW < 2*total {
		return ""
	}
	return best
}
