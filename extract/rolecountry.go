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
			r.CountryCode, r.byDocument = doc, true
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

// counterpartCountries revisits the roles that took the document's
// country. Counterparts in a bilateral encounter serve different states:
// a person who meets someone whose own words tie them to that country
// ("Prime Minister Narendra Modi" meeting "US President Joe Biden" in a
// story from Washington) does not serve it. Such a role takes the
// country that comes next in the document's weight, when that one holds
// at least two thirds of what remains, or else none.
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
	weight, total := x.countryWeights()
	for _, ev := range x.events {
		for _, a := range ev.participants {
			name := x.persons[a].name
			for i := range x.roles {
				r := &x.roles[i]
				if r.Person != name || !r.byDocument {
					continue
				}
				for _, b := range ev.participants {
					if b == a || !stated[x.persons[b].name][r.CountryCode] {
						continue
					}
					next, nextW := "", 0
					for c, w := range weight {
						if c != r.CountryCode && (w > nextW || w == nextW && c < next) {
							next, nextW = c, w
						}
					}
					rest := total - weight[r.CountryCode]
					r.CountryCode, r.Country = "", ""
					if nextW >= 2 && 3*nextW >= 2*rest {
						r.CountryCode = next
						if c, ok := x.gaz.Country(next); ok {
							r.Country = c.Name
						}
					}
					break
				}
			}
		}
	}
}

// documentCountry is the country a document is about, or "" when no one
// country has at least two thirds of the weight of the country evidence:
// a role's country weighs 2, a country name, a demonym or a city 1.
func (x *extraction) documentCountry() string {
	weight, total := x.countryWeights()
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
