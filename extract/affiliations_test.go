package extract

import (
	"reflect"
	"testing"
)

func TestAffiliations(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "person|organization"
	}{
		{"organization, title, person", "Kremlin spokesman Dmitry Peskov said the talks went well.", []string{"Dmitry Peskov|Kremlin"}},
		{"two-word organization and title", "White House press secretary Sarah Sanders told reporters the meeting was useful.", []string{"Sarah Sanders|White House"}},
		{"apposition", "Dmitry Peskov, the Kremlin spokesman, said the talks went well.", []string{"Dmitry Peskov|Kremlin"}},
		{"person of the organization", "Andrew Roth of the New York Times reported the visit.", []string{"Andrew Roth|New York Times"}},
		{"international body's officer", "NATO Secretary General Jens Stoltenberg met Donald Trump on Monday.", []string{"Jens Stoltenberg|NATO"}},
		{"spoke to an agency", "Sergei Lavrov, the Russian foreign minister, spoke to Reuters on Monday.", nil},
		{"met at a building", "Donald Trump met Xi Jinping at the White House on Monday.", nil},
		{"credit tag", "MOSCOW (Reuters) Vladimir Putin met Donald Trump in Helsinki on Monday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, a := range f.Affiliations {
				got = append(got, a.Person+"|"+a.Organization)
				if a.Evidence.End <= a.Evidence.Start {
					t.Errorf("%s: empty evidence %+v", a.Person, a.Evidence)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("affiliations %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOrganizationCountry: a state body takes its country from
// data/bodies.tsv; a newspaper has none.
func TestOrganizationCountry(t *testing.T) {
	f := extractText(t, "Kremlin spokesman Dmitry Peskov told the New York Times the talks went well.", june2)
	got := map[string]string{}
	for _, o := range f.Organizations {
		got[o.Name] = o.CountryCode
	}
	if got["Kremlin"] != "RU" || got["New York Times"] != "" {
		t.Errorf("organization countries %v, want the Kremlin's RU and none for the newspaper", got)
	}
}

// TestNoiseOrganizations: a word in capitals for emphasis and a state
// after its city are no organizations; a real acronym is.
func TestNoiseOrganizations(t *testing.T) {
	f := extractText(t, "The problems can ALL be solved, officials in Washington, D.C. said, after talks with IAEA inspectors in Summit, N.J. on Monday.", june2)
	var orgs, places []string
	for _, o := range f.Organizations {
		orgs = append(orgs, o.Name)
	}
	for _, p := range f.Places {
		places = append(places, p.Name)
	}
	if !reflect.DeepEqual(orgs, []string{"IAEA"}) {
		t.Errorf("organizations %v, want [IAEA]", orgs)
	}
	for _, p := range places {
		if p == "D.C." || p == "N.J." {
			t.Errorf("places %v hold a state abbreviation", places)
		}
	}
}

func TestSources(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"according to", "Putin met Trump in Helsinki on Monday, according to Reuters.", []string{"Reuters"}},
		{"reported", "The Wall Street Journal reported the plan on Monday.", []string{"Wall Street Journal"}},
		{"told", "Dmitry Peskov told the AP that the talks went well.", []string{"AP"}},
		{"a body that speaks is no source", "The Kremlin said the talks went well.", nil},
		{"a credit tag is no citation", "MOSCOW (Reuters) Vladimir Putin met Donald Trump in Helsinki on Monday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := extractText(t, tt.text, june2)
			var got []string
			for _, s := range f.Sources {
				got = append(got, s.Organization)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sources %v, want %v", got, tt.want)
			}
		})
	}
}
