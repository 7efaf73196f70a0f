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
