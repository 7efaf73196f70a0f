package syntax

import (
	"strings"
)

// lemmatizer maps a word and its UPOS to a lemma: first by the lemma the
// training data gives that word with that tag most often, then by the
// suffix rule learnt for the longest matching suffix of unseen words
// ("-ies" NOUN → "-y", "-ped" VERB → "-p").
type lemmatizer struct {
	words map[uint64]string // mix(upos, lowercased form) → lemma, only where they differ
	rules map[uint64]suffixRule
}

// suffixRule removes cut bytes from the end of the lowercased word and
// appends add.
type suffixRule struct {
	cut int
	add string
}

const maxSuffix = 5

func lemmaKey(upos string, lower uint64) uint64 { return mix(hashString(upos), lower) }

func (lz *lemmatizer) lemma(form, upos string) string {
	if l, ok := lz.words[lemmaKey(upos, hashLower(form))]; ok {
		return l
	}
	if upos == "PROPN" {
		return form
	}
	lower := strings.ToLower(form)
	for k := min(maxSuffix, len(lower)-2); k >= 1; k-- {
		r, ok := lz.rules[lemmaKey(upos, hashString(lower[len(lower)-k:]))]
		if !ok {
			continue
		}
		if r.cut > len(lower)-1 {
			break
		}
		if r.add == "" {
			return lower[:len(lower)-r.cut]
		}
		return lower[:len(lower)-r.cut] + r.add
	}
	return lower
}

// trainLemmatizer builds the word table and suffix rules from sents.
func trainLemmatizer(sents []Sentence) *lemmatizer {
	type key struct{ upos, lower string }
	counts := make(map[key]map[string]int)
	ruleCounts := make(map[string]map[suffixRule]int)
	for _, s := range sents {
		for _, t := range s.Tokens {
			if t.Lemma == "" || t.Lemma == "_" {
				continue
			}
			lower := strings.ToLower(t.Form)
			k := key{t.UPOS, lower}
			if counts[k] == nil {
				counts[k] = make(map[string]int)
			}
			counts[k][t.Lemma]++
			if t.UPOS == "PROPN" {
				continue
			}
			ll := strings.ToLower(t.Lemma)
			p := 0
			for p < len(lower) && p < len(ll) && lower[p] == ll[p] {
				p++
			}
			r := suffixRule{cut: len(lower) - p, add: ll[p:]}
			for n := 1; n <= min(maxSuffix, len(lower)-2); n++ {
				if n < r.cut {
					continue
				}
				rk := t.UPOS + "\t" + lower[len(lower)-n:]
				if ruleCounts[rk] == nil {
					ruleCounts[rk] = make(map[suffixRule]int)
				}
				ruleCounts[rk][r]++
			}
		}
	}
	lz := &lemmatizer{words: make(map[uint64]string), rules: make(map[uint64]suffixRule)}
	for k, c := range counts {
		best, bestN := "", 0
		for l, n := range c {
			if n > bestN || (n == bestN && l < best) {
				best, bestN = l, n
			}
		}
		if best != k.lower {
			lz.words[lemmaKey(k.upos, hashString(k.lower))] = best
		}
	}
	for rk, c := range ruleCounts {
		total := 0
		var best suffixRule
		bestN := 0
		for r, n := range c {
			total += n
			if n > bestN || (n == bestN && (r.cut < best.cut || r.cut == best.cut && r.add < best.add)) {
				best, bestN = r, n
			}
		}
		if bestN >= 3 && bestN*2 > total {
			upos, suf, _ := strings.Cut(rk, "\t")
			lz.rules[lemmaKey(upos, hashString(suf))] = best
		}
	}
	return lz
}
