package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"
)

// TrainOptions sets the training schedule.
type TrainOptions struct {
	TagEpochs   int    // passes of the tagger over the training data
	ParseEpochs int    // passes of the parser
	Folds       int    // jackknife folds that give the parser predicted tags
	TagFolds    int    // jackknife folds for the tagger's second pass; < 2: one pass
	ClassFolds  int    // folds the tagger's training class sets are counted without; < 2: none
	ClassKeep   int    // with ClassFolds, words seen this often keep their whole class set; 0: none
	MinUpdates  int32  // parser features with fewer updates are dropped
	Parsers     int    // parsers trained with seeds Seed, Seed+1, ..., whose weights are averaged; < 2: one
	Seed        uint64 // seeds every shuffle and exploration step
	Log         io.Writer
}

// DefaultTrainOptions is the schedule of the shipped model.
var DefaultTrainOptions = TrainOptions{TagEpochs: 8, ParseEpochs: 15, Folds: 5, TagFolds: 4, MinUpdates: 2, Seed: 1}

// Train trains a model on train, reporting progress and dev scores to
// opt.Log. The result depends only on the data and the options.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("syntax: no training sentences")
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	start := time.Now()
	classSet, labelSet := map[string]bool{}, map[string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			classSet[tagClass(t.UPOS, t.XPOS)] = true
			labelSet[t.Rel] = true
		}
	}
	classes, labels := setKeys(classSet), setKeys(labelSet)
	if len(labels) > 64 {
		return nil, fmt.Errorf("syntax: %d dependency relations, at most 64", len(labels))
	}
	if !labelSet["root"] {
		return nil, fmt.Errorf("syntax: no root relation in the training data")
	}

	// Jackknifed tags: each fold is tagged by a tagger trained on the others.
	predicted := make([][]uint16, len(train))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := range opt.Folds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			tg := trainTagger(outOfFold(train, opt.Folds, f), classes, opt.TagEpochs, opt.Seed+uint64(f)+1, opt.TagFolds, opt.classSets())
			st := tagState{everyWord: true}
			for i := f; i < len(train); i += opt.Folds {
				predicted[i] = make([]uint16, len(train[i].Tokens))
				tg.tag(&st, forms(train[i]), predicted[i])
			}
		}()
	}
	var full *tagger
	wg.Add(1)
	go func() {
		defer wg.Done()
		sem <- struct{}{}
		defer func() { <-sem }()
		full = trainTagger(train, classes, opt.TagEpochs, opt.Seed, opt.TagFolds, opt.classSets())
	}()
	wg.Wait()
	m := &Model{tagger: full, lemmas: trainLemmatizer(train)}
	if len(dev) > 0 {
		logf("tagger: %s, dev UPOS %.4f", time.Since(start).Round(time.Second), m.tagAccuracy(dev))
	}

	p := &parser{labels: labels, root: slices.Index(labels, "root")}
	p.group, p.groups = relationGroups(labels)
	p.setSoleLabels()
	m.parser = p
	if opt.Folds < 2 {
		st := tagState{everyWord: true}
		for i, s := range train {
			predicted[i] = make([]uint16, len(s.Tokens))
			full.tag(&st, forms(s), predicted[i])
		}
	}
	parsers := max(1, opt.Parsers)
	tps, lps := make([]*perceptron, parsers), make([]*perceptron, parsers)
	for k := range parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var devLog func(epoch int)
			if k == 0 && parsers == 1 && len(dev) > 0 {
				devLog = func(epoch int) {
					p.w, p.lw = tps[0].average(opt.MinUpdates, 1e-3), lps[0].average(opt.MinUpdates, 1e-3)
					s := m.Evaluate(dev)
					logf("parser epoch %d: %s, dev UAS %.4f LAS %.4f, %d features", epoch+1,
						time.Since(start).Round(time.Second), s.UAS, s.LAS, p.w.features())
				}
			}
			tps[k], lps[k] = newPerceptron(1+2*p.groups), newPerceptron(len(labels))
			trainParser(p, tps[k], lps[k], train, predicted, opt.ParseEpochs, opt.Seed+uint64(k), devLog)
		}()
	}
	wg.Wait()
	p.w, p.lw = meanTable(tps, opt.MinUpdates, 1e-3), meanTable(lps, opt.MinUpdates, 1e-3)
	if parsers > 1 && len(dev) > 0 {
		s := m.Evaluate(dev)
		logf("mean of %d parsers: %s, dev UAS %.4f LAS %.4f, %d features", parsers,
			time.Since(start).Round(time.Second), s.UAS, s.LAS, p.w.features())
	}
	return m, nil
}

// trainParser trains the move and label perceptrons tp and lp of p over
// train with the dynamic oracle, shuffling with seed; devLog, when not
// nil, reports on the epochs that end a third of the run and the last.
func trainParser(p *parser, tp, lp *perceptron, train []Sentence, tags [][]uint16, epochs int, seed uint64, devLog func(epoch int)) {
	rng := rand.New(rand.NewPCG(seed, 2))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	tr := &parseTrainer{p: tp, lp: lp, root: p.root, group: p.group, labels: p.labels, rng: rng, cost: make([]int, tp.classes)}
	for epoch := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		tr.explore = epoch >= exploreFrom
		for _, i := range order {
			tr.sentence(train[i], tags[i])
		}
		if devLog != nil && (epoch == epochs-1 || epoch%3 == 2) {
			devLog(epoch)
		}
	}
}

// classSets says how the tagger's training class sets are counted.
func (opt TrainOptions) classSets() classSetFolds {
	return classSetFolds{opt.ClassFolds, opt.ClassKeep}
}

// outOfFold returns the sentences of sents outside fold f of folds:
// sentence i is in fold i mod folds.
func outOfFold(sents []Sentence, folds, f int) []Sentence {
	var rest []Sentence
	for i, s := range sents {
		if i%folds != f {
			rest = append(rest, s)
		}
	}
	return rest
}

func forms(s Sentence) []string {
	out := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		out[i] = t.Form
	}
	return out
}

func setKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// parseTrainer runs the dynamic oracle over training sentences.
type parseTrainer struct {
	p       *perceptron // moves
	lp      *perceptron // labels
	root    int
	group   []uint8
	labels  []string
	rng     *rand.Rand
	explore bool
	st      parseState
	gh      []int32
	gl      []int16
	kids    [][]int32
	inStack []bool
	cost    []int
	scores  []float32
}

func (tr *parseTrainer) sentence(s Sentence, tags []uint16) {
	n := len(s.Tokens)
	st := &tr.st
	st.reset(n)
	tr.gh = slices.Grow(tr.gh[:0], n+1)[:n+1]
	tr.gl = slices.Grow(tr.gl[:0], n+1)[:n+1]
	tr.inStack = slices.Grow(tr.inStack[:0], n+1)[:n+1]
	clear(tr.inStack)
	if cap(tr.kids) < n+1 {
		tr.kids = make([][]int32, n+1)
	}
	tr.kids = tr.kids[:n+1]
	for i := range tr.kids {
		tr.kids[i] = tr.kids[i][:0]
	}
	for i, t := range s.Tokens {
		st.wh[i], st.th[i] = hashLower(t.Form), uint64(tags[i])+1
		h := int32(n)
		if t.Head > 0 {
			h = int32(t.Head - 1)
		}
		tr.gh[i] = h
		l, _ := slices.BinarySearch(tr.labels, t.Rel)
		tr.gl[i] = int16(l)
		tr.kids[h] = append(tr.kids[h], int32(i))
	}
	st.wh[n], st.th[n] = hashRoot, rootTag
	tr.gh[n] = -1
	classes := tr.p.classes
	if len(tr.scores) < max(len(tr.labels), classes) {
		tr.scores = make([]float32, max(len(tr.labels), classes))
	}
	for !st.terminal() {
		if len(st.stack) == 0 {
			tr.inStack[st.b] = true
			st.apply(shift, -1)
			continue
		}
		st.feats = st.features(st.feats)
		scores := tr.scores[:classes]
		clear(scores)
		tr.p.score(st.feats, scores)
		guess := bestValid(st, scores)
		tr.costs()
		minCost := -1
		for c := range classes {
			if m, _ := moveOf(c); st.valid(m) && (minCost < 0 || tr.cost[c] < minCost) {
				minCost = tr.cost[c]
			}
		}
		best := -1
		for c := range classes {
			if m, _ := moveOf(c); st.valid(m) && tr.cost[c] == minCost && (best < 0 || scores[c] > scores[best]) {
				best = c
			}
		}
		tr.p.tick()
		next := best
		if tr.cost[guess] > minCost {
			tr.p.update(best, guess, st.feats)
			if tr.explore && tr.rng.Float64() < exploreP {
				next = guess
			}
		}
		m, g := moveOf(next)
		label := -1
		if m != shift {
			label = tr.label(m, g)
		}
		if m == shift {
			tr.inStack[st.b] = true
		} else {
			tr.inStack[st.stack[len(st.stack)-1]] = false
		}
		st.apply(m, label)
	}
}

// label trains the labeller on the arc that move m makes, when the arc is
// in the gold tree, and returns the label to give it: the gold one, or
// the best of group g.
func (tr *parseTrainer) label(m, g int) int {
	st := &tr.st
	h, d := st.arcEnds(m)
	if int(h) == st.n {
		return tr.root
	}
	st.feats = st.labelFeatures(h, d, st.feats)
	scores := tr.scores[:len(tr.labels)]
	clear(scores)
	tr.lp.score(st.feats, scores)
	inGroup, guess := bestLabels(scores, tr.root, tr.group, g)
	if tr.gh[d] != h {
		if inGroup == tr.root { // an empty group: the best of any
			return guess
		}
		return inGroup
	}
	truth := int(tr.gl[d])
	tr.lp.tick()
	tr.lp.update(truth, guess, st.feats)
	return truth
}

// costs fills tr.cost with the number of gold arcs each move makes
// unreachable (Goldberg and Nivre 2013, arc-hybrid).
func (tr *parseTrainer) costs() {
	st := &tr.st
	b := st.b
	n := int32(st.n)
	var s0, s1 int32 = -1, -1
	if k := len(st.stack); k > 0 {
		s0 = st.stack[k-1]
		if k > 1 {
			s1 = st.stack[k-2]
		}
	}
	shiftCost, leftCost, rightCost := 0, 0, 0
	if b < n {
		if h := tr.gh[b]; h >= 0 && h < n && tr.inStack[h] && h != s0 {
			shiftCost++
		}
		for _, k := range tr.kids[b] {
			if tr.inStack[k] {
				shiftCost++
			}
		}
	}
	if s0 >= 0 {
		deps := 0
		for _, k := range tr.kids[s0] {
			if k >= b {
				deps++
			}
		}
		h := tr.gh[s0]
		leftCost, rightCost = deps, deps
		if h != b && (h == s1 || h > b) {
			leftCost++
		}
		if h >= b {
			rightCost++
		}
	}
	tr.cost[0] = shiftCost
	for g := range (len(tr.cost) - 1) / 2 {
		lc, rc := leftCost, rightCost
		if s0 >= 0 && int(tr.group[tr.gl[s0]]) != g {
			if tr.gh[s0] == b {
				lc++
			}
			if tr.gh[s0] == s1 {
				rc++
			}
		}
		tr.cost[1+2*g], tr.cost[2+2*g] = lc, rc
	}
}

// TagAccuracy trains only a tagger on train and returns its dev UPOS
// accuracy: the quick loop for tagger features.
func TagAccuracy(train, dev []Sentence, opt TrainOptions) float64 {
	classSet := map[string]bool{}
	for _, s := range train {
		for _, t := range s.Tokens {
			classSet[tagClass(t.UPOS, t.XPOS)] = true
		}
	}
	m := &Model{tagger: trainTagger(train, setKeys(classSet), opt.TagEpochs, opt.Seed, opt.TagFolds, opt.classSets())}
	return m.tagAccuracy(dev)
}

// The dynamic oracle explores from the second epoch on: where the model's
// move is wrong it follows that move anyway nine times in ten, so that it
// learns to recover from its own mistakes (Goldberg and Nivre 2013).
const (
	exploreFrom = 1
	exploreP    = 0.9
)

// relationGroups sorts relations into the groups the move classifier
// tells apart (by their universal part): giving each arc move a few
// classes lets a linear model separate, say, a subject from a determiner
// on the left, while the labeller still picks the exact relation.
func relationGroups(labels []string) ([]uint8, int) {
	byUniversal := map[string]uint8{
		"punct": 0,
		"nsubj": 1, "csubj": 1, "expl": 1,
		"obj": 2, "iobj": 2, "ccomp": 2, "xcomp": 2,
		"det": 3, "case": 3, "mark": 3, "cc": 3, "aux": 3, "cop": 3,
		"fixed": 4, "flat": 4, "compound": 4, "goeswith": 4,
		"amod": 5, "advmod": 5, "nummod": 5, "discourse": 5, "vocative": 5, "dislocated": 5,
		"obl": 6, "nmod": 6,
		"advcl": 7, "acl": 7, "parataxis": 7, "list": 7, "appos": 7, "conj": 7, "orphan": 7, "reparandum": 7, "dep": 7,
		"root": 8,
	}
	groups := make([]uint8, len(labels))
	n := 0
	for i, l := range labels {
		g, ok := byUniversal[universal(l)]
		if !ok {
			g = 7
		}
		groups[i] = g
		n = max(n, int(g)+1)
	}
	return groups, n
}
