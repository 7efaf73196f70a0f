package extract

import "testing"

// TestSpouseCountry checks that a spouse's title takes the spouse's
// country, not the passage's.
func TestSpouseCountry(t *testing.T) {
	tests := []struct {
		name, text, person, country string
	}{
		{"the namesake's country",
			"Japanese Prime Minister Fumio Kishida and first lady Yuko Kishida were welcomed by President Sergio Mattarella in Rome. " +
				"Italy's president praised the visit.",
			"Yuko Kishida", "Japan"},
		{"the person joined before by \"and his wife\"",
			"Danish King Frederik and his wife Queen Consort Mary hosted Kenyan President William Ruto at a banquet in Nairobi, Kenya.",
			"Mary", "Denmark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			got := ""
			for _, r := range f.Roles {
				if r.Person == tt.person {
					got = r.Country
				}
			}
			if got != tt.country {
				t.Errorf("%s serves %q, want %q (roles %+v)", tt.person, got, tt.country, f.Roles)
			}
		})
	}
}
