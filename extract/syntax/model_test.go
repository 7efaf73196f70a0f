package syntax

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func defaultModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatalf("Default() = %v", err)
	}
	return m
}

// TestAccuracyOnEWTTest holds the shipped model to floors a little below
// what it scores on UD English EWT test with gold words (the README gives
// the scores; "go run ./extract/syntax/train" prints them).
func TestAccuracyOnEWTTest(t *testing.T) {
	test := udPart(t, "test")
	s := defaultModel(t).Evaluate(test)
	t.Logf("EWT test: %+v", s)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", s.UPOS, 0.942},
		{"UAS", s.UAS, 0.843},
		{"LAS", s.LAS, 0.810},
		{"lemma", s.Lemma, 0.955},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s = %.4f, want ≥ %.3f", f.name, f.got, f.floor)
		}
	}
}

// checkTree fails unless every word has a head inside the sentence, one
// word is the root and every word reaches it.
func checkTree(t *testing.T, s Sentence) {
	t.Helper()
	roots := 0
	for i, tok := range s.Tokens {
		if tok.Head < 0 || tok.Head > len(s.Tokens) || tok.Head == i+1 {
			t.Fatalf("word %d %q: head %d", i+1, tok.Form, tok.Head)
		}
		if tok.Head == 0 {
			roots++
		}
		if tok.UPOS == "" || tok.Rel == "" {
			t.Fatalf("word %d %q: UPOS %q, relation %q", i+1, tok.Form, tok.UPOS, tok.Rel)
		}
		seen := 0
		for h := i + 1; h != 0; h = s.Tokens[h-1].Head {
			if seen++; seen > len(s.Tokens) {
				t.Fatalf("word %d %q is on a cycle", i+1, tok.Form)
			}
		}
	}
	if len(s.Tokens) > 0 && roots != 1 {
		t.Fatalf("%d roots, want 1", roots)
	}
}

func sentenceOf(words ...string) Sentence {
	s := Sentence{Tokens: make([]Token, len(words))}
	for i, w := range words {
		s.Tokens[i].Form = w
	}
	return s
}

func TestAnnotateAnyWords(t *testing.T) {
	long := make([]string, 10000)
	for i := range long {
		long[i] = []string{"the", "minister", "met", "him", ",", "and"}[i%6]
	}
	cases := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one word", []string{"Hello"}},
		{"punctuation only", []string{".", ",", "!", "?", "--", "..."}},
		{"mixed scripts", []string{"Путин", "met", "習近平", "in", "بكين", "🙂", "."}},
		{"empty strings", []string{"", "", "met", ""}},
		{"10,000 words", long},
	}
	a := defaultModel(t).NewAnnotator()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sentenceOf(c.words...)
			a.Annotate(&s)
			checkTree(t, s)
		})
	}
}

// TestAnnotateNews checks the structure the extractor relies on in
// sentences written for this test.
func TestAnnotateNews(t *testing.T) {
	cases := []struct {
		sentence string
		word     string // a word of the sentence
		head     string // the word it should depend on
		rel      string // and its universal relation
	}{
		{"The president met the prime minister in Paris on Monday .", "president", "met", "nsubj"},
		{"The president met the prime minister in Paris on Monday .", "minister", "met", "obj"},
		{"The president met the prime minister in Paris on Monday .", "Paris", "met", "obl"},
		{"She will visit Japan next week .", "will", "visit", "aux"},
		{"He did not attend the summit .", "not", "attend", "advmod"},
		{"John Smith , the foreign minister , said nothing .", "minister", "John", "appos"}, // UD heads a name at its first word
		{"Smith is the new ambassador to Russia .", "Smith", "ambassador", "nsubj"},
		{"Smith is the new ambassador to Russia .", "is", "ambassador", "cop"},
	}
	a := defaultModel(t).NewAnnotator()
	for _, c := range cases {
		t.Run(c.sentence+"/"+c.word, func(t *testing.T) {
			s := sentenceOf(strings.Fields(c.sentence)...)
			a.Annotate(&s)
			checkTree(t, s)
			for _, tok := range s.Tokens {
				if tok.Form != c.word {
					continue
				}
				head := "ROOT"
				if tok.Head > 0 {
					head = s.Tokens[tok.Head-1].Form
				}
				if head != c.head || universal(tok.Rel) != c.rel {
					t.Errorf("%q ← %q (%s), want ← %q (%s)\n%s", c.word, head, tok.Rel, c.head, c.rel, conllu(s))
				}
				return
			}
			t.Fatalf("no word %q", c.word)
		})
	}
}

// TestAnnotateKnown checks that words marked as names are tagged PROPN
// and the name is parsed as one phrase, where the tagger alone reads a
// name it has not seen as an adjective ("Rafizi" after a comma-less
// sentence start), that unmarked words keep the tagger's tags, and that
// demonyms marked as adjectives make the titled names after them the
// verb's arguments.
func TestAnnotateKnown(t *testing.T) {
	words := strings.Fields("Rafizi Ramli , former Minister of Economy , will take over as home minister .")
	a := defaultModel(t).NewAnnotator()
	plain := sentenceOf(words...)
	a.Annotate(&plain)
	named := sentenceOf(words...)
	a.AnnotateKnown(&named, []Known{KnownName, KnownName})
	checkTree(t, named)
	for i, tok := range named.Tokens {
		switch {
		case i < 2 && (tok.UPOS != "PROPN" || tok.XPOS != "NNP"):
			t.Errorf("%q tagged %s/%s, want PROPN/NNP", tok.Form, tok.UPOS, tok.XPOS)
		case i >= 2 && tok.UPOS != plain.Tokens[i].UPOS:
			t.Errorf("%q tagged %s with names marked, %s without", tok.Form, tok.UPOS, plain.Tokens[i].UPOS)
		}
	}
	if h := named.Tokens[1].Head; h != 1 || universal(named.Tokens[1].Rel) != "flat" {
		t.Errorf("Ramli ← %d (%s), want ← Rafizi (flat)\n%s", h, named.Tokens[1].Rel, conllu(named))
	}
	if r := universal(named.Tokens[0].Rel); r != "nsubj" {
		t.Errorf("Rafizi is %s, want nsubj\n%s", r, conllu(named))
	}

	// "Kenyan President William Ruto welcomed Ghanaian President John
	// Mahama": without the demonyms marked the tagger reads "Kenyan" as
	// an auxiliary and "Ghanaian" as the object.
	hosted := sentenceOf(strings.Fields("Kenyan President William Ruto welcomed Ghanaian President John Mahama .")...)
	adj, name := KnownAdjective, KnownName
	a.AnnotateKnown(&hosted, []Known{adj, name, name, name, Unknown, adj, name, name, name})
	checkTree(t, hosted)
	for _, i := range []int{0, 5} {
		if tok := hosted.Tokens[i]; tok.UPOS != "ADJ" || tok.XPOS != "JJ" {
			t.Errorf("%q tagged %s/%s, want ADJ/JJ", tok.Form, tok.UPOS, tok.XPOS)
		}
	}
	for _, i := range []int{5, 6} {
		if r := universal(hosted.Tokens[i].Rel); hosted.Tokens[i].Head == 5 && r == "obj" {
			t.Errorf("%q is the object of welcomed\n%s", hosted.Tokens[i].Form, conllu(hosted))
		}
	}
}

func conllu(s Sentence) string {
	var b bytes.Buffer
	WriteCoNLLU(&b, []Sentence{s})
	return b.String()
}

func TestLemma(t *testing.T) {
	cases := []struct{ form, upos, want string }{
		{"met", "VERB", "meet"},
		{"visited", "VERB", "visit"},
		{"Talks", "NOUN", "talk"},
		{"ministers", "NOUN", "minister"},
		{"held", "VERB", "hold"},
		{"was", "AUX", "be"},
		{"Merkel", "PROPN", "Merkel"},
		{"ambassadors", "NOUN", "ambassador"},
		{"zorbified", "VERB", "zorbify"}, // unseen: suffix rule
	}
	m := defaultModel(t)
	for _, c := range cases {
		if got := m.Lemma(c.form, c.upos); got != c.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", c.form, c.upos, got, c.want)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := defaultModel(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m.Info() != m2.Info() {
		t.Fatalf("Info() = %+v after a round trip, want %+v", m2.Info(), m.Info())
	}
	a, a2 := m.NewAnnotator(), m2.NewAnnotator()
	for _, text := range []string{"The ministers met in Geneva on Tuesday .", "Talks were called off ."} {
		s, s2 := sentenceOf(strings.Fields(text)...), sentenceOf(strings.Fields(text)...)
		a.Annotate(&s)
		a2.Annotate(&s2)
		if conllu(s) != conllu(s2) {
			t.Errorf("reloaded model parses differently:\n%s\nvs\n%s", conllu(s), conllu(s2))
		}
	}
}

func TestLoadRejectsBadModels(t *testing.T) {
	var good bytes.Buffer
	if err := defaultModel(t).Save(&good); err != nil {
		t.Fatal(err)
	}
	b := good.Bytes()
	rng := rand.New(rand.NewPCG(1, 2))
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	cases := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"garbage":   garbage,
		"truncated": b[:len(b)/2],
		"header":    b[:64],
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(data)); err == nil {
				t.Fatal("Load accepted a bad model")
			}
		})
	}
}

// TestTrainDeterministic trains twice on a slice of EWT and compares the
// files byte for byte.
func TestTrainDeterministic(t *testing.T) {
	train := udPart(t, "train")[:400]
	opt := TrainOptions{TagEpochs: 2, ParseEpochs: 2, Folds: 2, TagFolds: 2, ClassFolds: 2, Parsers: 2, MinUpdates: 1, Seed: 7}
	var files [2]bytes.Buffer
	for i := range files {
		m, err := Train(train, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Save(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatalf("two trainings differ: %d and %d bytes", files[0].Len(), files[1].Len())
	}
}

func FuzzAnnotate(f *testing.F) {
	f.Add("The minister met him in Paris .")
	f.Add("")
	f.Add(". . . ! ?")
	f.Add("Путин 習近平 🙂 \x00 \xff")
	m := defaultModel(f)
	f.Fuzz(func(t *testing.T, text string) {
		s := sentenceOf(strings.Fields(text)...)
		m.NewAnnotator().Annotate(&s)
		checkTree(t, s)
	})
}

func ExampleAnnotator_Annotate() {
	m, err := Default()
	if err != nil {
		panic(err)
	}
	s := Sentence{}
	for _, w := range strings.Fields("Ministers met in Geneva .") {
		s.Tokens = append(s.Tokens, Token{Form: w})
	}
	m.NewAnnotator().Annotate(&s)
	for _, t := range s.Tokens {
		fmt.Println(t.Form, t.UPOS, t.Lemma, t.Head, t.Rel)
	}
	// Output:
	// Ministers NOUN minister 2 nsubj
	// met VERB meet 0 root
	// in ADP in 4 case
	// Geneva PROPN Geneva 2 obl
	// . PUNCT . 2 punct
}
