package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/kg-news/kg/extract/syntax"
)

// parseOf builds a parse from words written "form/UPOS/head/rel", heads
// counted from 1 as in CoNLL-U (0: the root).
func parseOf(t *testing.T, spec string) *parsed {
	t.Helper()
	p := &parsed{}
	for _, w := range strings.Fields(spec) {
		f := strings.Split(w, "/")
		if len(f) != 4 {
			t.Fatalf("bad word %q", w)
		}
		head, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("bad head in %q", w)
		}
		p.words = append(p.words, syntax.Token{Form: f[0], Lemma: strings.ToLower(f[0]), UPOS: f[1], Head: head, Rel: f[3]})
	}
	return p
}

func TestArgumentsThroughLists(t *testing.T) {
	// "Erdogan held talks with Macron, Sunak, Trudeau and Scholz", parsed
	// as a greedy parser may: Sunak and Trudeau in UD's list relation
	// (items without a conjunction), Trudeau an apposition of Sunak.
	talks := parseOf(t, "Erdogan/PROPN/2/nsubj held/VERB/0/root talks/NOUN/2/obj with/ADP/5/case "+
		"Macron/PROPN/3/nmod ,/PUNCT/7/punct Sunak/PROPN/5/list ,/PUNCT/9/punct Trudeau/PROPN/7/appos "+
		"and/CCONJ/11/cc Scholz/PROPN/5/conj ./PUNCT/2/punct")
	// "Erdogan, Biden and Macron met": subjects joined by list and conj.
	met := parseOf(t, "Erdogan/PROPN/6/nsubj ,/PUNCT/3/punct Biden/PROPN/1/list and/CCONJ/5/cc Macron/PROPN/1/conj met/VERB/0/root")
	// "talks with the Prime Minister's office, the embassy": a list under
	// a thing is no argument.
	thing := parseOf(t, "held/VERB/0/root talks/NOUN/1/obj with/ADP/4/case office/NOUN/2/nmod ,/PUNCT/7/punct the/DET/7/det "+
		"Embassy/PROPN/4/list")
	tests := []struct {
		name    string
		p       *parsed
		w, head int // 0-based words
		subject bool
		want    bool
	}{
		{"first of the list", talks, 4, 2, false, true},
		{"item in list", talks, 6, 2, false, true},
		{"apposition of a list item", talks, 8, 2, false, true},
		{"conjunct", talks, 10, 2, false, true},
		{"the subject is no object", talks, 0, 2, false, false},
		{"list item of a thing", thing, 6, 1, false, false},
		{"subject", met, 0, 5, true, true},
		{"subject in a list", met, 2, 5, true, true},
		{"subject conjunct", met, 4, 5, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bool
			if tt.subject {
				got = tt.p.subjectOf(tt.w, tt.head)
			} else {
				got = tt.p.objectOf(tt.w, tt.head)
			}
			if got != tt.want {
				t.Errorf("word %d (%s) argument of %d: %v, want %v", tt.w, tt.p.words[tt.w].Form, tt.head, got, tt.want)
			}
		})
	}
}

// TestRepairAppositions checks that a name read as a case-less nominal
// modifier of the noun right before it becomes that noun's apposition,
// so that "the funeral of the icon Nelson Mandela" is about him, and that
// true nominal modifiers stay.
func TestRepairAppositions(t *testing.T) {
	tests := []struct {
		name  string
		spec  string
		w     int    // 0-based word
		rel   string // its relation after the repair
		thing bool   // whether it then modifies a thing
	}{
		{"name after its noun",
			"funeral/NOUN/0/root of/ADP/4/case the/DET/4/det icon/NOUN/1/nmod Nelson/PROPN/4/nmod Mandela/PROPN/5/flat",
			4, "appos", true},
		{"name with its own preposition",
			"talks/NOUN/0/root with/ADP/3/case Macron/PROPN/1/nmod",
			2, "nmod", false},
		{"genitive name",
			"the/DET/3/det icon/NOUN/0/root Mandela/PROPN/2/nmod:poss",
			2, "nmod:poss", false},
		{"name not next to its noun",
			"icon/NOUN/0/root today/NOUN/1/obl Mandela/PROPN/1/nmod",
			2, "nmod", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseOf(t, tt.spec)
			p.repairAppositions()
			if got := p.words[tt.w].Rel; got != tt.rel {
				t.Errorf("%s is %s, want %s", p.words[tt.w].Form, got, tt.rel)
			}
			if got := p.modifiesThing(tt.w); got != tt.thing {
				t.Errorf("modifiesThing(%s) = %v, want %v", p.words[tt.w].Form, got, tt.thing)
			}
		})
	}
}
