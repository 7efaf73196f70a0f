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
		{"article", ArticleIRI("000_8bc67e98fcbec149.txt"), "kg:article/000_8bc67e98fcbec149.txt"},
		{"article in a folder", ArticleIRI("dupA/news.txt"), "kg:article/dupA/news.txt"},
		{"article, another extension", ArticleIRI("dupA/news.md"), "kg:article/dupA/news.md"},
		{"article, case kept", ArticleIRI("dupa/News.txt"), "kg:article/dupa/News.txt"},
		{"article, escaped", ArticleIRI("a b/<c>.txt"), "kg:article/a%20b/%3Cc%3E.txt"},
		{"article, dot segments", ArticleIRI("./x/../y.txt"), "kg:article/x/y.txt"},
		{"evidence", EvidenceIRI("dupA/news.txt", 3), "kg:evidence/dupA/news.txt/3"},
		{"numbered event", NumberedIRI(EventIRI([]string{"Donald Trump", "Vladimir Putin"}, "", "", false), 2), "kg:event/donald-trump+vladimir-putin/undated/2"},
		{"founded event", FoundedIRI(EventIRI([]string{"Donald Trump", "Vladimir Putin"}, "", "", false), "kg:article/a kg:event/1"), "kg:event/donald-trump+vladimir-putin/undated/72300f1a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Fatalf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestArticleIRIsDoNotCollide(t *testing.T) {
	keys := []string{"news.txt", "news.md", "News.txt", "dupA/news.txt", "dupB/news.txt", "dupA-news.txt",
		"dupA/news-txt", "a b.txt", "a_b.txt", "a%20b.txt", "stdin/0011223344556677", "stdin/8899aabbccddeeff"}
	seen := map[quad.IRI]string{}
	for _, k := range keys {
		iri := ArticleIRI(k)
		if other, ok := seen[iri]; ok {
			t.Errorf("%q and %q are both %v", k, other, iri)
		}
		seen[iri] = k
		if back := ArticleKey(iri); back != k {
			t.Errorf("ArticleKey(%v) = %q, want %q", iri, back, k)
		}
		if err := Validate(quad.Quad{Subject: iri, Predicate: Name, Object: quad.String(k), Label: iri}); err != nil {
			t.Errorf("%q: %v", k, err)
		}
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
