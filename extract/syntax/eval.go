package syntax

import (
	"strings"
	"time"
)

// Scores are accuracies on gold-tokenized sentences, over all words
// punctuation included, as in the CoNLL 2018 shared task. LAS compares
// the universal relation (before any ":" subtype); LASFull compares the
// full relation.
type Scores struct {
	Words           int     `json:"tokens"`
	UPOS            float64 `json:"upos"`
	XPOS            float64 `json:"xpos"`
	Lemma           float64 `json:"lemma"`
	UAS             float64 `json:"uas"`
	LAS             float64 `json:"las"`
	LASFull         float64 `json:"las_full"`
	TokensPerSecond float64 `json:"tokens_per_s"`
}

// Evaluate annotates copies of gold's words and scores them against gold.
func (m *Model) Evaluate(gold []Sentence) Scores {
	a := m.NewAnnotator()
	pred := make([]Sentence, len(gold))
	words := 0
	for i, s := range gold {
		toks := make([]Token, len(s.Tokens))
		for j, t := range s.Tokens {
			toks[j].Form = t.Form
		}
		pred[i].Tokens = toks
		words += len(toks)
	}
	start := time.Now()
	for i := range pred {
		a.Annotate(&pred[i])
	}
	elapsed := time.Since(start)
	var sc Scores
	var upos, xpos, lemma, uas, las, lasFull int
	for i, s := range gold {
		for j, g := range s.Tokens {
			p := pred[i].Tokens[j]
			if p.UPOS == g.UPOS {
				upos++
			}
			if p.XPOS == g.XPOS {
				xpos++
			}
			if p.Lemma == g.Lemma {
				lemma++
			}
			if p.Head == g.Head {
				uas++
				if universal(p.Rel) == universal(g.Rel) {
					las++
				}
				if p.Rel == g.Rel {
					lasFull++
				}
			}
		}
	}
	sc.Words = words
	if words > 0 {
		f := float64(words)
		sc.UPOS, sc.XPOS, sc.Lemma = float64(upos)/f, float64(xpos)/f, float64(lemma)/f
		sc.UAS, sc.LAS, sc.LASFull = float64(uas)/f, float64(las)/f, float64(lasFull)/f
		sc.TokensPerSecond = f / max(elapsed.Seconds(), 1e-9)
	}
	return sc
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// tagAccuracy is the UPOS accuracy of m's tagger on gold.
func (m *Model) tagAccuracy(gold []Sentence) float64 {
	var st tagState
	right, all := 0, 0
	for _, s := range gold {
		cls := make([]uint16, len(s.Tokens))
		m.tagger.tag(&st, forms(s), cls)
		for i, t := range s.Tokens {
			if m.tagger.upos[cls[i]] == t.UPOS {
				right++
			}
			all++
		}
	}
	return float64(right) / float64(max(all, 1))
}
