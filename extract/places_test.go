package extract

import (
	"slices"
	"testing"
)

// TestCityNamedForItsCountry: "Panama City" is a city, not the country
// Panama before a person called City.
func TestCityNamedForItsCountry(t *testing.T) {
	for _, text := range []string{
		"US President Barack Obama met Cuban President Raul Castro in Panama City on Friday.",
		"Mexican President Andres Manuel Lopez Obrador received US President Joe Biden in Mexico City on Monday.",
	} {
		f := extractText(t, text, june2)
		var persons, places []string
		for _, p := range f.Persons {
			persons = append(persons, p.Name)
		}
		for _, p := range f.Places {
			places = append(places, p.Name)
		}
		if slices.Contains(persons, "City") || len(persons) != 2 {
			t.Errorf("%q: persons %v", text, persons)
		}
		if !slices.ContainsFunc(places, func(p string) bool { return p == "Panama City" || p == "Mexico City" }) {
			t.Errorf("%q: places %v lack the city", text, places)
		}
	}
}

// TestRegionsBeforeTowns: a region that news names ("Bali", "Hokkaido")
// lies in its own country, not in a town of another that bears its name.
func TestRegionsBeforeTowns(t *testing.T) {
	for _, tt := range []struct {
		text, place, country string
	}{
		{"The leaders last met at the G20 summit in Bali in 2022.", "Bali", "Indonesia"},
		{"The leaders met at a G8 summit in Hokkaido in 2008.", "Hokkaido", "Japan"},
		{"The premier flew to Sicily on Monday.", "Sicily", "Italy"},
	} {
		f := extractText(t, tt.text, june2)
		found := false
		for _, p := range f.Places {
			if p.Name == tt.place {
				found = true
				if p.Country != tt.country {
					t.Errorf("%q: %s lies in %q, want %q", tt.text, p.Name, p.Country, tt.country)
				}
			}
		}
		if !found {
			t.Errorf("%q: no place %s in %+v", tt.text, tt.place, f.Places)
		}
	}
}

// TestRegionsAcrossCountries: a region across countries named as a noun
// is a place, and no person for its two capitalized words.
func TestRegionsAcrossCountries(t *testing.T) {
	f := extractText(t, "The envoy flew to East Africa on Monday. Both leaders want a stable Indo-Pacific.", june2)
	places := namesOf(f.Places, func(p Place) (string, []string) { return p.Name, p.Aliases })
	checkNamed(t, "place", places, []string{"East Africa", "Indo-Pacific"}, nil)
	persons := namesOf(f.Persons, func(p Person) (string, []string) { return p.Name, p.Aliases })
	checkNamed(t, "person", persons, nil, []string{"East Africa"})
}
