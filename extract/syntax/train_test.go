package syntax

import (
	"math"
	"testing"
)

func TestClassSetsOutOfFold(t *testing.T) {
	sents := []Sentence{
		{Tokens: []Token{{Form: "Only", UPOS: "ADV", XPOS: "RB"}, {Form: "here", UPOS: "ADV", XPOS: "RB"}, {Form: "twice", UPOS: "ADV", XPOS: "RB"}}},
		{Tokens: []Token{{Form: "here", UPOS: "ADV", XPOS: "RB"}}},
		{Tokens: []Token{{Form: "Here", UPOS: "ADV", XPOS: "RB"}, {Form: "Again", UPOS: "ADV", XPOS: "RB"}, {Form: "twice", UPOS: "ADV", XPOS: "RB"}}},
	}
	index := map[string]int{tagClass("ADV", "RB"): 0}
	_, all := tagDictionaries(sents, index)
	cases := []struct {
		name     string
		folds    int
		keep     int
		sentence int
		word     string
		want     bool
	}{
		{"all sets without folds", 0, 0, 0, "only", true},
		{"a word of its own fold alone is unknown", 2, 0, 0, "only", false},
		{"a word of another fold is known", 2, 0, 1, "only", true},
		{"a capitalized word of another fold is known in lower case", 2, 0, 1, "again", true},
		{"a word also in another fold is known", 2, 0, 0, "here", true},
		{"folds follow the sentence's index", 2, 0, 2, "only", false},
		{"a word of another sentence of its fold is unknown", 2, 0, 0, "again", false},
		{"a word seen twice in its own fold alone is unknown", 2, 0, 0, "twice", false},
		{"unless words seen twice keep their set", 2, 2, 0, "twice", true},
		{"a word seen fewer times than that does not", 2, 2, 0, "only", false},
		{"nor one seen twice when it takes three", 2, 3, 0, "twice", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sets := classSetsOutOfFold(sents, index, c.folds, c.keep, all)(c.sentence)
			if _, ok := sets[hashLower(c.word)]; ok != c.want {
				t.Errorf("class set of %q for sentence %d with %d folds, keep %d: present %v, want %v", c.word, c.sentence, c.folds, c.keep, ok, c.want)
			}
		})
	}
}

// fixedPerceptron returns a perceptron whose averaged weights are ws:
// feature → class → weight.
func fixedPerceptron(classes int, ws map[uint64]map[uint16]float64) *perceptron {
	p := newPerceptron(classes)
	p.now = 1
	for f, row := range ws {
		p.feats[f] = int32(len(p.weights))
		var wr []weight
		for c, w := range row {
			wr = append(wr, weight{cls: c, w: w})
		}
		p.weights = append(p.weights, wr)
		p.updates = append(p.updates, 5)
	}
	return p
}

func TestMeanTable(t *testing.T) {
	a := fixedPerceptron(3, map[uint64]map[uint16]float64{11: {0: 2}, 12: {1: 1}})
	b := fixedPerceptron(3, map[uint64]map[uint16]float64{11: {0: 4, 2: -2}, 13: {2: 6}})
	tb := meanTable([]*perceptron{a, b}, 1, 1e-3)
	cases := []struct {
		feat uint64
		want [3]float64
	}{
		{11, [3]float64{3, 0, -1}},  // in both
		{12, [3]float64{0, 0.5, 0}}, // in the first alone: half its weight
		{13, [3]float64{0, 0, 3}},
		{14, [3]float64{}}, // in neither
	}
	for _, c := range cases {
		scores := make([]int32, 3)
		tb.score([]uint64{c.feat}, scores)
		// A table of three classes is dense: it keeps each feature's
		// weights on 8 bits in steps of 1/127 of its largest.
		top := 0.0
		for _, w := range c.want {
			top = max(top, math.Abs(w))
		}
		for cls, w := range c.want {
			if got := float64(scores[cls]) * float64(tb.scale); math.Abs(got-w) > 1e-3+top/254 {
				t.Errorf("feature %d, class %d: mean weight %.4f, want %.4f", c.feat, cls, got, w)
			}
		}
	}
}
