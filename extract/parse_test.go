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
	// "Modi held talks with Macron, Sunak, Trudeau and Scholz", parsed
	// as a greedy parser may: Sunak and Trudeau in UD's list relation
	// (items without a conjunction), Trudeau an apposition of Sunak.
	talks := parseOf(t, "Modi/PROPN/2/nsubj held/VERB/0/root talks/NOUN/2/obj with/ADP/5/case "+
		"Macron/PROPN/3/nmod ,/PUNCT/7/punct Sunak/PROPN/5/list ,/PUNCT/9/punct Trudeau/PROPN/7/appos "+
		"and/CCONJ/11/cc Scholz/PROPN/5/conj ./PUNCT/2/punct")
	// "Modi, Biden and Macron met": subjects joined by list and conj.
	met := parseOf(t, "Modi/PROPN/6/nsubj ,/PUNCT/3/punct Biden/PROPN/1/list and/CCONJ/5/cc Macron/PROPN/1/conj met/VERB/0/root")
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
		{"name read as its noun's description, its first name between",
			"his/PRON/3/nmod:poss Cuban/ADJ/3/amod counterpart/NOUN/0/root Raul/PROPN/5/compound Castro/PROPN/3/nmod:desc",
			4, "appos", false},
		{"a word not the name's between",
			"counterpart/NOUN/0/root today/NOUN/1/obl Castro/PROPN/1/nmod:desc",
			2, "nmod:desc", false},
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

// TestRepairPrepositionHeads checks that a noun read as the object of
// its own preposition takes the preposition's place, with the
// preposition as its case marker, and that a meeting's partner is then
// its argument.
func TestRepairPrepositionHeads(t *testing.T) {
	tests := []struct {
		name     string
		spec     string
		noun     int // 0-based word
		head     int // its head after the repair, 0-based
		rel      string
		argument int // the word that should then be an argument of head, -1 for none
	}{
		{"a verb's oblique",
			// "is scheduled to meet with his counterpart Raul Castro"
			"meet/VERB/0/root with/ADP/1/obl his/PRON/4/nmod:poss counterpart/NOUN/2/obj Raul/PROPN/6/compound Castro/PROPN/4/nmod:desc",
			3, 0, "obl", 5},
		{"a noun's modifier",
			"talks/NOUN/0/root with/ADP/1/nmod Macron/PROPN/2/obj",
			2, 0, "nmod", 2},
		{"a preposition heading no noun stays",
			"came/VERB/0/root in/ADP/1/advmod",
			1, 0, "advmod", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseOf(t, tt.spec)
			p.repairPrepositionHeads()
			p.repairAppositions()
			if h, r := p.head(tt.noun), p.words[tt.noun].Rel; h != tt.head || r != tt.rel {
				t.Errorf("%s ← %d (%s), want ← %d (%s)", p.words[tt.noun].Form, h, r, tt.head, tt.rel)
			}
			if tt.argument >= 0 && !p.objectOf(tt.argument, tt.head) {
				t.Errorf("%s is no argument of %s", p.words[tt.argument].Form, p.words[tt.head].Form)
			}
		})
	}
}

// TestRepairTitledNames checks that a title and the name right after it,
// read as two dependents of one word, become one phrase headed by the
// name, which then carries the title's relation and preposition.
func TestRepairTitledNames(t *testing.T) {
	// "the inauguration of former president Dilma Rousseff"
	p := parseOf(t, "the/DET/2/det inauguration/NOUN/0/root of/ADP/5/case former/ADJ/5/amod president/NOUN/2/nmod "+
		"Dilma/PROPN/2/appos Rousseff/PROPN/6/flat")
	p.repairTitledNames()
	if h, r := p.head(5), p.words[5].Rel; h != 1 || r != "nmod" {
		t.Errorf("Dilma ← %d (%s), want ← 1 (nmod)", h, r)
	}
	if h, r := p.head(4), p.words[4].Rel; h != 5 || r != "nmod:desc" {
		t.Errorf("president ← %d (%s), want ← 5 (nmod:desc)", h, r)
	}
	if h := p.head(2); h != 5 {
		t.Errorf("of ← %d, want ← 5 (the name)", h)
	}
	if h := p.head(3); h != 4 {
		t.Errorf("former ← %d, want ← 4 (the title)", h)
	}
	if !p.modifiesThing(5) {
		t.Error("Dilma Rousseff does not modify the inauguration after the repair")
	}
	// A common noun that is no title keeps its apposition: "the opening
	// of the bank Itau".
	q := parseOf(t, "the/DET/2/det opening/NOUN/0/root of/ADP/5/case the/DET/5/det bank/NOUN/2/nmod Itau/PROPN/2/appos")
	q.repairTitledNames()
	if h, r := q.head(5), q.words[5].Rel; h != 1 || r != "appos" {
		t.Errorf("Itau ← %d (%s), want ← 1 (appos)", h, r)
	}
}

// TestRepairSubjects checks the subject that a fronted phrase's last name
// takes from the verb after it.
func TestRepairSubjects(t *testing.T) {
	tests := []struct {
		name      string
		spec      string
		subject   int // 0-based word that should be the verb's subject
		verb      int
		moved     int // the word taken for the subject before, -1 if none
		movedHead int
		movedRel  string
	}{
		{"no subject: the apposition after the comma",
			// "In addition to his meeting with Lula, Modi held talks"
			"In/ADP/2/case addition/NOUN/8/obl to/ADP/5/case his/PRON/5/nmod:poss meeting/NOUN/2/nmod with/ADP/7/case " +
				"Lula/PROPN/5/nmod ,/PUNCT/9/punct Modi/PROPN/7/appos held/VERB/0/root talks/NOUN/10/obj",
			8, 9, -1, 0, ""},
		{"a subject with a preposition is none",
			"In/ADP/2/case addition/NOUN/8/obl to/ADP/5/case his/PRON/5/nmod:poss meeting/NOUN/2/nmod with/ADP/7/case " +
				"Lula/PROPN/10/nsubj ,/PUNCT/9/punct Modi/PROPN/7/appos held/VERB/0/root talks/NOUN/10/obj",
			8, 9, 6, 4, "nmod"},
		{"a subject without a preposition stays",
			// "The president, Biden held talks", the apposition left open
			"The/DET/2/det president/NOUN/5/nsubj ,/PUNCT/4/punct Biden/PROPN/2/appos held/VERB/0/root talks/NOUN/5/obj",
			1, 4, 3, 1, "appos"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parseOf(t, tt.spec)
			for i := range p.words {
				p.words[i].XPOS = map[bool]string{true: "VBD"}[p.words[i].UPOS == "VERB"]
			}
			p.repairSubjects()
			if !p.subjectOf(tt.subject, tt.verb) {
				t.Errorf("%s ← %d (%s), want the subject of %s", p.words[tt.subject].Form, p.head(tt.subject), p.words[tt.subject].Rel, p.words[tt.verb].Form)
			}
			if tt.moved >= 0 {
				if h, r := p.head(tt.moved), p.words[tt.moved].Rel; h != tt.movedHead || r != tt.movedRel {
					t.Errorf("%s ← %d (%s), want ← %d (%s)", p.words[tt.moved].Form, h, r, tt.movedHead, tt.movedRel)
				}
			}
		})
	}
}
