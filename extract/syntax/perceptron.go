package syntax

import (
	"math"
	"slices"
)

// perceptron is a multiclass averaged perceptron under training
// (Collins 2002), with weights averaged lazily: each weight keeps the sum
// of its past values, brought up to date when it changes.
type perceptron struct {
	classes int
	feats   map[uint64]int32
	weights [][]weight
	updates []int32 // per feature, the updates it took part in
	now     int64   // number of examples seen, for averaging
}

type weight struct {
	cls   uint16
	w     float64
	total float64
	stamp int64
}

func newPerceptron(classes int) *perceptron {
	return &perceptron{classes: classes, feats: make(map[uint64]int32)}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		i, ok := p.feats[f]
		if !ok {
			continue
		}
		for _, w := range p.weights[i] {
			scores[w.cls] += float32(w.w)
		}
	}
}

// tick counts one training example, whether or not it brings an update.
func (p *perceptron) tick() { p.now++ }

// update moves the weights of feats toward truth and away from guess.
func (p *perceptron) update(truth, guess int, feats []uint64) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		i, ok := p.feats[f]
		if !ok {
			i = int32(len(p.weights))
			p.feats[f] = i
			p.weights = append(p.weights, nil)
			p.updates = append(p.updates, 0)
		}
		p.updates[i]++
		p.bump(i, truth, 1)
		p.bump(i, guess, -1)
	}
}

func (p *perceptron) bump(i int32, cls int, v float64) {
	ws := p.weights[i]
	for j := range ws {
		if int(ws[j].cls) == cls {
			w := &ws[j]
			w.total += float64(p.now-w.stamp) * w.w
			w.stamp = p.now
			w.w += v
			return
		}
	}
	p.weights[i] = append(ws, weight{cls: uint16(cls), w: v, stamp: p.now})
}

// average returns the averaged weights as a table, dropping features
// that took part in fewer than minUpdates updates and weights smaller in
// magnitude than prune.
func (p *perceptron) average(minUpdates int32, prune float64) *table {
	return meanTable([]*perceptron{p}, minUpdates, prune)
}

// meanTable returns the mean of the averaged weights of perceptrons over
// the same classes as a table: a feature counts in each perceptron it
// took part in minUpdates updates of, and weights smaller in magnitude
// than prune are dropped.
func meanTable(ps []*perceptron, minUpdates int32, prune float64) *table {
	sums := make(map[uint64][]float64, len(ps[0].feats))
	classes := ps[0].classes
	for _, p := range ps {
		for f, i := range p.feats {
			if p.updates[i] < minUpdates {
				continue
			}
			row := sums[f]
			if row == nil {
				row = make([]float64, classes)
				sums[f] = row
			}
			for _, w := range p.weights[i] {
				total := w.total + float64(p.now-w.stamp)*w.w
				row[w.cls] += total / float64(max(p.now, 1))
			}
		}
	}
	out := make(map[uint64][]pair, len(sums))
	for f, row := range sums {
		var ps2 []pair
		for c, sum := range row {
			if avg := sum / float64(len(ps)); math.Abs(avg) >= prune {
				ps2 = append(ps2, pair{uint16(c), float32(avg)})
			}
		}
		if len(ps2) > 0 {
			out[f] = ps2
		}
	}
	return buildTable(classes, out, 0)
}

func sortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// argmax returns the index of the largest score, the lowest on ties.
func argmax[T int32 | float32](scores []T) int {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}

// argmaxMargin returns the best class of scores and its lead over the
// second best.
func argmaxMargin(scores []int32) (int, int32) {
	if len(scores) < 2 {
		return 0, math.MaxInt32
	}
	best, second := 0, int32(math.MinInt32)
	for i, s := range scores[1:] {
		switch {
		case s > scores[best]:
			second = scores[best]
			best = i + 1
		case s > second:
			second = s
		}
	}
	return best, scores[best] - second
}
