package schema

import (
	"errors"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestIdentifiers(t *testing.T) {
	tests := []struct {
		name string
		got  quad.IRI
		want quad.IRI
	}{
		{"person", PersonIRI("Vladimir Putin"), "kg:person/vladimir-putin"},
		{"hyphen and space fold", PersonIRI("Kim Jong-un"), PersonIRI("Kim Jong Un")},
		{"accents fold", PersonIRI("Recep Tayyip Erdoğan"), "kg:person/recep-tayyip-erdogan"},
		{"initialism", OrganizationIRI("U.N."), "kg:org/un"},
		{"leading article", OrganizationIRI("The Wall Street Journal"), "kg:org/wall-street-journal"},
		{"country code", CountryIRI("ru"), "kg:country/RU"},
		{"city", PlaceIRI("Da Nang", "VN"), "kg:place/vn/da-nang"},
		{"role", RoleIRI("Jon Huntsman", "ambassador", "us", "ru"), "kg:role/jon-huntsman/ambassador/US/to-RU"},
		{"event order-free", EventIRI([]string{"Vladimir Putin", "Donald Trump"}, "2017-07", PlaceIRI("Hamburg", "DE"), false),
			"kg:event/donald-trump+vladimir-putin/2017-07/de-hamburg"},
		{"call undated", EventIRI([]string{"A B", "C D"}, "", "", true), "kg:event/a-b+c-d/call/undated"},
		{"article", ArticleIRI("000_8bc67e98fcbec149"), "kg:article/000-8bc67e98fcbec149"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Fatalf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	a := ArticleIRI("a")
	tests := []struct {
		name string
		q    quad.Quad
		want error
	}{
		{"ok", quad.Quad{Subject: PersonIRI("X Y"), Predicate: Name, Object: quad.String("X Y"), Label: a}, nil},
		{"no label", quad.Quad{Subject: PersonIRI("X Y"), Predicate: Name, Object: quad.String("X Y")}, ErrNoLabel},
		{"literal subject", quad.Quad{Subject: quad.String("x"), Predicate: Name, Object: quad.String("X"), Label: a}, ErrNotIRI},
		{"space in IRI", quad.Quad{Subject: quad.IRI("kg:a b"), Predicate: Name, Object: quad.String("X"), Label: a}, ErrNotIRI},
		{"empty object", quad.Quad{Subject: PersonIRI("X"), Predicate: Name, Object: quad.String(""), Label: a}, ErrEmptyValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.q)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("Validate=%v, want %v", err, tt.want)
			}
		})
	}
}
