package syntax

import (
	"slices"
)

// parser is a greedy arc-hybrid parser. One classifier picks the move
// (SHIFT, LEFT-ARC, RIGHT-ARC); a second labels each arc as it is made,
// when the dependent's subtree is complete. Splitting the decision keeps
// the move classifier's weight rows three wide, which is what makes the
// parser fast. The root is the last item of the buffer (Ballesteros and
// Nivre 2013, "Going to the Roots of Dependency Parsing"), and it takes
// exactly one dependent.
type parser struct {
	labels []string
	group  []uint8 // per label, its relation group
	groups int
	root   int    // index of "root" in labels
	sole   []int  // per group, its one relation other than root; -1 when it has several
	w      *table // move classifier: SHIFT, then LEFT and RIGHT per group
	lw     *table // arc labeller, one class per label
}

// moveOf splits a move classifier class into a move and a relation group.
func moveOf(cls int) (move, group int) {
	if cls == 0 {
		return shift, -1
	}
	return 1 + (cls-1)%2, (cls - 1) / 2
}

const (
	shift = iota
	left
	right
)

// parseState is the configuration of the parser over one sentence and
// the reusable memory for it. Words are 0..n-1; n is the root.
type parseState struct {
	n      int
	stack  []int32
	b      int32
	heads  []int32
	labels []int16
	// leftmost, second leftmost, rightmost and second rightmost
	// dependents, -1 when absent
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8 // dependent counts, capped
	lset, rset         []uint64
	wh, th             []uint64 // word and tag hash per item, root included
	feats              []uint64
	scores             []int32
}

func (st *parseState) reset(n int) {
	st.n = n
	st.stack = st.stack[:0]
	st.b = 0
	grow32 := func(s []int32) []int32 { return slices.Grow(s[:0], n+1)[:n+1] }
	st.heads = grow32(st.heads)
	st.lc1, st.lc2, st.rc1, st.rc2 = grow32(st.lc1), grow32(st.lc2), grow32(st.rc1), grow32(st.rc2)
	st.labels = slices.Grow(st.labels[:0], n+1)[:n+1]
	st.nl = slices.Grow(st.nl[:0], n+1)[:n+1]
	st.nr = slices.Grow(st.nr[:0], n+1)[:n+1]
	st.lset = slices.Grow(st.lset[:0], n+1)[:n+1]
	st.rset = slices.Grow(st.rset[:0], n+1)[:n+1]
	st.wh = slices.Grow(st.wh[:0], n+1)[:n+1]
	st.th = slices.Grow(st.th[:0], n+1)[:n+1]
	for i := 0; i <= n; i++ {
		st.heads[i], st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1, -1
		st.labels[i], st.nl[i], st.nr[i], st.lset[i], st.rset[i] = -1, 0, 0, 0, 0
	}
}

func (st *parseState) terminal() bool { return int(st.b) == st.n && len(st.stack) == 0 }

func (st *parseState) valid(move int) bool {
	switch move {
	case shift:
		return int(st.b) < st.n
	case left:
		return len(st.stack) > 0 && (int(st.b) < st.n || len(st.stack) == 1)
	default:
		return len(st.stack) >= 2
	}
}

func (st *parseState) apply(move, label int) {
	switch move {
	case shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case left:
		s0 := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.arc(st.b, s0, label)
	default:
		s0 := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.arc(st.stack[len(st.stack)-1], s0, label)
	}
}

func (st *parseState) arc(h, d int32, label int) {
	st.heads[d] = h
	st.labels[d] = int16(label)
	bit := uint64(1) << (uint(label) & 63)
	if d < h {
		if st.lc1[h] < 0 || d < st.lc1[h] {
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		} else if st.lc2[h] < 0 || d < st.lc2[h] {
			st.lc2[h] = d
		}
		if st.nl[h] < 255 {
			st.nl[h]++
		}
		st.lset[h] |= bit
	} else {
		if st.rc1[h] < 0 || d > st.rc1[h] {
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		} else if st.rc2[h] < 0 || d > st.rc2[h] {
			st.rc2[h] = d
		}
		if st.nr[h] < 255 {
			st.nr[h]++
		}
		st.rset[h] |= bit
	}
}

// Parser feature templates.
const (
	pBias uint64 = iota + 100
	pS0w
	pS0t
	pS0wt
	pS1w
	pS1t
	pS1wt
	pB0w
	pB0t
	pB0wt
	pB1w
	pB1t
	pB1wt
	pB2w
	pB2t
	pS2t
	pS0wtB0wt
	pS0wtB0w
	pS0wtB0t
	pS0wB0wt
	pS0tB0wt
	pS0wB0w
	pS0tB0t
	pB0tB1t
	pS1wtS0wt
	pS1wS0w
	pS1tS0t
	pS1tS0w
	pS1wS0t
	pB0tB1tB2t
	pS0tB0tB1t
	pS1tS0tB0t
	pS2tS1tS0t
	pS0tS0l1tB0t
	pS0tS0r1tB0t
	pS0tB0tB0l1t
	pS1tS1r1tS0t
	pS1tS0tS0l1t
	pS1tS0tS0r1t
	pS0wD
	pS0tD
	pB0wD
	pB0tD
	pS0wB0wD
	pS0tB0tD
	pS1tS0tD1
	pS1wS0wD1
	pS0wVr
	pS0tVr
	pS0wVl
	pS0tVl
	pB0wVl
	pB0tVl
	pS1tVr
	pS0l1w
	pS0l1t
	pS0l1l
	pS0r1w
	pS0r1t
	pS0r1l
	pB0l1w
	pB0l1t
	pB0l1l
	pS1r1t
	pS1r1l
	pS1l1l
	pS0l2t
	pS0l2l
	pS0r2t
	pS0r2l
	pB0l2t
	pB0l2l
	pS0tS0l1tS0l2t
	pS0tS0r1tS0r2t
	pB0tB0l1tB0l2t
	pS0wSl
	pS0tSl
	pS0wSr
	pS0tSr
	pB0wBl
	pB0tBl
	pS1tS1r
	pS0tS0rlB0t
	pS1wB0w
	pS1tB0t
	pB1wB0w
	pS0wB0wB1t
	pS0tB0wB1w
	pS1tS0tB0tB1t
	pB0wB1wB2t
	pS1wS0tB0t
	pS1tS0wB0t
	pS1tS0tB0w
	pS2w
	pS0tSlB0t
	pS0tB0tB0l1l
	pS0wS0tS0l1t
	pS0wB0tD
	pS1tS0tB0tD
	pS0tS0r1lS0rc
	pS2tS1tB0t
)

func distBucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	default:
		return 7
	}
}

func (st *parseState) features(fs []uint64) []uint64 {
	w := func(x int32) uint64 {
		if x < 0 {
			return hashNone
		}
		return st.wh[x]
	}
	t := func(x int32) uint64 {
		if x < 0 {
			return 0
		}
		return st.th[x]
	}
	l := func(x int32) uint64 {
		if x < 0 {
			return 0
		}
		return uint64(st.labels[x] + 2)
	}
	at := func(x int32, s []int32) int32 {
		if x < 0 {
			return -1
		}
		return s[x]
	}
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k := len(st.stack); k > 0 {
		s0 = st.stack[k-1]
		if k > 1 {
			s1 = st.stack[k-2]
			if k > 2 {
				s2 = st.stack[k-3]
			}
		}
	}
	n := int32(st.n)
	b0, b1, b2 := st.b, int32(-1), int32(-1)
	if b0+1 <= n {
		b1 = b0 + 1
	}
	if b0+2 <= n {
		b2 = b0 + 2
	}
	s0l1, s0l2, s0r1, s0r2 := at(s0, st.lc1), at(s0, st.lc2), at(s0, st.rc1), at(s0, st.rc2)
	s1l1, s1r1 := at(s1, st.lc1), at(s1, st.rc1)
	b0l1, b0l2 := st.lc1[b0], st.lc2[b0]

	s0w, s0t, s1w, s1t, s2t := w(s0), t(s0), w(s1), t(s1), t(s2)
	b0w, b0t, b1w, b1t, b2w, b2t := w(b0), t(b0), w(b1), t(b1), w(b2), t(b2)
	var d, d1 uint64 = 0, 0
	if s0 >= 0 {
		if b0 == n {
			d = 9
		} else {
			d = distBucket(b0 - s0)
		}
		if s1 >= 0 {
			d1 = distBucket(s0 - s1)
		}
	}
	var s0vl, s0vr, s1vr, s0sl, s0sr, s1sr uint64
	if s0 >= 0 {
		s0vl, s0vr, s0sl, s0sr = uint64(st.nl[s0]), uint64(st.nr[s0]), st.lset[s0], st.rset[s0]
	}
	if s1 >= 0 {
		s1vr, s1sr = uint64(st.nr[s1]), st.rset[s1]
	}
	b0vl, b0sl := uint64(st.nl[b0]), st.lset[b0]

	fs = append(fs[:0],
		feat1(pBias, 0),
		feat1(pS0w, s0w), feat1(pS0t, s0t), feat2(pS0wt, s0w, s0t),
		feat1(pS1w, s1w), feat1(pS1t, s1t), feat2(pS1wt, s1w, s1t),
		feat1(pB0w, b0w), feat1(pB0t, b0t), feat2(pB0wt, b0w, b0t),
		feat1(pB1w, b1w), feat1(pB1t, b1t), feat2(pB1wt, b1w, b1t),
		feat1(pB2w, b2w), feat1(pB2t, b2t), feat1(pS2t, s2t),
		feat3(pS0wtB0wt, mix(s0w, s0t), b0w, b0t),
		feat3(pS0wtB0w, s0w, s0t, b0w),
		feat3(pS0wtB0t, s0w, s0t, b0t),
		feat3(pS0wB0wt, s0w, b0w, b0t),
		feat3(pS0tB0wt, s0t, b0w, b0t),
		feat2(pS0wB0w, s0w, b0w),
		feat2(pS0tB0t, s0t, b0t),
		feat2(pB0tB1t, b0t, b1t),
		feat3(pS1wtS0wt, mix(s1w, s1t), s0w, s0t),
		feat2(pS1wS0w, s1w, s0w),
		feat2(pS1tS0t, s1t, s0t),
		feat2(pS1tS0w, s1t, s0w),
		feat2(pS1wS0t, s1w, s0t),
		feat3(pB0tB1tB2t, b0t, b1t, b2t),
		feat3(pS0tB0tB1t, s0t, b0t, b1t),
		feat3(pS1tS0tB0t, s1t, s0t, b0t),
		feat3(pS2tS1tS0t, s2t, s1t, s0t),
		feat3(pS0tS0l1tB0t, s0t, t(s0l1), b0t),
		feat3(pS0tS0r1tB0t, s0t, t(s0r1), b0t),
		feat3(pS0tB0tB0l1t, s0t, b0t, t(b0l1)),
		feat3(pS1tS1r1tS0t, s1t, t(s1r1), s0t),
		feat3(pS1tS0tS0l1t, s1t, s0t, t(s0l1)),
		feat3(pS1tS0tS0r1t, s1t, s0t, t(s0r1)),
		feat2(pS0wD, s0w, d), feat2(pS0tD, s0t, d),
		feat2(pB0wD, b0w, d), feat2(pB0tD, b0t, d),
		feat3(pS0wB0wD, s0w, b0w, d), feat3(pS0tB0tD, s0t, b0t, d),
		feat3(pS1tS0tD1, s1t, s0t, d1), feat3(pS1wS0wD1, s1w, s0w, d1),
		feat2(pS0wVr, s0w, s0vr), feat2(pS0tVr, s0t, s0vr),
		feat2(pS0wVl, s0w, s0vl), feat2(pS0tVl, s0t, s0vl),
		feat2(pB0wVl, b0w, b0vl), feat2(pB0tVl, b0t, b0vl),
		feat2(pS1tVr, s1t, s1vr),
		feat1(pS0l1w, w(s0l1)), feat1(pS0l1t, t(s0l1)), feat1(pS0l1l, l(s0l1)),
		feat1(pS0r1w, w(s0r1)), feat1(pS0r1t, t(s0r1)), feat1(pS0r1l, l(s0r1)),
		feat1(pB0l1w, w(b0l1)), feat1(pB0l1t, t(b0l1)), feat1(pB0l1l, l(b0l1)),
		feat1(pS1r1t, t(s1r1)), feat1(pS1r1l, l(s1r1)), feat1(pS1l1l, l(s1l1)),
		feat1(pS0l2t, t(s0l2)), feat1(pS0l2l, l(s0l2)),
		feat1(pS0r2t, t(s0r2)), feat1(pS0r2l, l(s0r2)),
		feat1(pB0l2t, t(b0l2)), feat1(pB0l2l, l(b0l2)),
		feat3(pS0tS0l1tS0l2t, s0t, t(s0l1), t(s0l2)),
		feat3(pS0tS0r1tS0r2t, s0t, t(s0r1), t(s0r2)),
		feat3(pB0tB0l1tB0l2t, b0t, t(b0l1), t(b0l2)),
		feat2(pS0wSl, s0w, s0sl), feat2(pS0tSl, s0t, s0sl),
		feat2(pS0wSr, s0w, s0sr), feat2(pS0tSr, s0t, s0sr),
		feat2(pB0wBl, b0w, b0sl), feat2(pB0tBl, b0t, b0sl),
		feat2(pS1tS1r, s1t, s1sr),
		feat3(pS0tS0rlB0t, s0t, l(s0r1), b0t),
		feat2(pS1wB0w, s1w, b0w),
		feat2(pS1tB0t, s1t, b0t),
		feat2(pB1wB0w, b1w, b0w),
		feat3(pS0wB0wB1t, s0w, b0w, b1t),
		feat3(pS0tB0wB1w, s0t, b0w, b1w),
		feat3(pS1tS0tB0tB1t, mix(s1t, s0t), b0t, b1t),
		feat3(pB0wB1wB2t, b0w, b1w, b2t),
		feat3(pS1wS0tB0t, s1w, s0t, b0t),
		feat3(pS1tS0wB0t, s1t, s0w, b0t),
		feat3(pS1tS0tB0w, s1t, s0t, b0w),
		feat1(pS2w, w(s2)),
		feat3(pS0tSlB0t, s0t, s0sl, b0t),
		feat3(pS0tB0tB0l1l, s0t, b0t, l(b0l1)),
		feat3(pS0wS0tS0l1t, s0w, s0t, t(s0l1)),
		feat3(pS0wB0tD, s0w, b0t, d),
		feat3(pS1tS0tB0tD, mix(s1t, s0t), b0t, d),
		feat3(pS0tS0r1lS0rc, s0t, l(s0r1), s0vr),
		feat3(pS2tS1tB0t, s2t, s1t, b0t),
	)
	return fs
}

// bestValid returns the highest-scoring class of a valid move.
func bestValid[T int32 | float32](st *parseState, scores []T) int {
	best, bestScore := -1, T(0)
	for c, s := range scores {
		if m, _ := moveOf(c); !st.valid(m) {
			continue
		}
		if best < 0 || s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// arcEnds returns the head and dependent of the arc that move m makes.
func (st *parseState) arcEnds(m int) (h, d int32) {
	k := len(st.stack)
	d = st.stack[k-1]
	if m == left {
		return st.b, d
	}
	return st.stack[k-2], d
}

// Arc label feature templates.
const (
	lBias uint64 = iota + 300
	lDw
	lDt
	lHw
	lHt
	lHtDt
	lHwDt
	lHtDw
	lHwDw
	lDirDist
	lHtDtDir
	lDl1
	lDr1
	lDl1t
	lDr1t
	lDsl
	lDsr
	lDtDsl
	lDtDsr
	lHsl
	lHsr
	lNextDt
	lPrevDt
	lDtNext
	lDwHtDir
	lHtHl1
	lDval
	lHheadT
)

// labelFeatures describes the arc h → d to the labeller.
func (st *parseState) labelFeatures(h, d int32, fs []uint64) []uint64 {
	n := int32(st.n)
	t := func(x int32) uint64 {
		if x < 0 || x > n {
			return 0
		}
		return st.th[x]
	}
	w := func(x int32) uint64 {
		if x < 0 || x > n {
			return hashNone
		}
		return st.wh[x]
	}
	l := func(x int32) uint64 {
		if x < 0 {
			return 0
		}
		return uint64(st.labels[x] + 2)
	}
	dir, dist := uint64(1), uint64(0)
	if h < d {
		dir = 2
	}
	if h == n {
		dir, dist = 3, 0
	} else if h < d {
		dist = distBucket(d - h)
	} else {
		dist = distBucket(h - d)
	}
	dw, dt, hw, ht := st.wh[d], st.th[d], st.wh[h], st.th[h]
	next, prev := d+1, d-1
	if next >= n {
		next = -1
	}
	hside := st.lset[h]
	if dir == 2 {
		hside = st.rset[h]
	}
	fs = append(fs[:0],
		feat1(lBias, 0),
		feat1(lDw, dw), feat1(lDt, dt), feat1(lHw, hw), feat1(lHt, ht),
		feat2(lHtDt, ht, dt), feat2(lHwDt, hw, dt), feat2(lHtDw, ht, dw), feat2(lHwDw, hw, dw),
		feat3(lDirDist, dir, dist, dt),
		feat3(lHtDtDir, ht, dt, dir),
		feat2(lDl1, dt, l(st.lc1[d])), feat2(lDr1, dt, l(st.rc1[d])),
		feat2(lDl1t, dt, t(st.lc1[d])), feat2(lDr1t, dt, t(st.rc1[d])),
		feat1(lDsl, st.lset[d]), feat1(lDsr, st.rset[d]),
		feat2(lDtDsl, dt, st.lset[d]), feat2(lDtDsr, dt, st.rset[d]),
		feat3(lHsl, ht, hside, dir),
		feat2(lHsr, ht, st.rset[h]),
		feat2(lNextDt, t(next), dt), feat2(lPrevDt, t(prev), dt),
		feat2(lDtNext, dt, w(next)),
		feat3(lDwHtDir, dw, ht, dir),
		feat2(lHtHl1, ht, l(st.lc1[h])),
		feat2(lDval, dt, uint64(st.nl[d])<<8|uint64(st.nr[d])),
		feat2(lHheadT, ht, t(h+1)),
	)
	return fs
}

// parse fills st.heads and st.labels for a sentence whose word and tag
// hashes are already in st.wh and st.th.
func (p *parser) parse(st *parseState) {
	if cap(st.scores) < max(len(p.labels), p.w.classes) {
		st.scores = make([]int32, max(len(p.labels), p.w.classes))
	}
	for !st.terminal() {
		if len(st.stack) == 0 {
			st.apply(shift, -1) // the only valid move
			continue
		}
		if int(st.b) == st.n && len(st.stack) == 1 {
			// The last word on the stack goes to the root: the only
			// valid move, and the only relation. (With more on the
			// stack the move is forced too, a RIGHT-ARC, but its
			// relation group still comes from the move classifier: the
			// labeller alone, choosing among all relations, read "was
			// picked to replace X" as an adverbial clause.)
			st.apply(left, p.root)
			continue
		}
		st.feats = st.features(st.feats)
		scores := st.scores[:p.w.classes]
		clear(scores)
		p.w.score(st.feats, scores)
		m, g := moveOf(bestValid(st, scores))
		l := -1
		if m != shift {
			l = p.label(st, m, g)
		}
		st.apply(m, l)
	}
}

// label picks the relation of the arc that move m is about to make, among
// the relations of group g.
func (p *parser) label(st *parseState, m, g int) int {
	h, d := st.arcEnds(m)
	if int(h) == st.n {
		return p.root
	}
	if l := p.sole[g]; l >= 0 {
		return l // "punct": the group leaves nothing to choose
	}
	st.feats = st.labelFeatures(h, d, st.feats)
	scores := st.scores[:len(p.labels)]
	clear(scores)
	p.lw.score(st.feats, scores)
	best, _ := bestLabels(scores, p.root, p.group, g)
	return best
}

// setSoleLabels sets, for each relation group, the one relation other
// than root that it holds, or -1 when it holds several or none.
func (p *parser) setSoleLabels() {
	p.sole = make([]int, p.groups)
	for g := range p.sole {
		p.sole[g] = -1
		for l, lg := range p.group {
			switch {
			case int(lg) != g || l == p.root:
			case p.sole[g] == -1:
				p.sole[g] = l
			default:
				p.sole[g] = -2 // several
			}
		}
		p.sole[g] = max(p.sole[g], -1)
	}
}

// bestLabels returns the best-scoring relation of group g (root when the
// group holds no other) and the best of any group, root left out: root is
// the label of arcs from the root alone.
func bestLabels[T int32 | float32](scores []T, root int, group []uint8, g int) (inGroup, any int) {
	inGroup, any = -1, -1
	for l, s := range scores {
		if l == root {
			continue
		}
		if any < 0 || s > scores[any] {
			any = l
		}
		if int(group[l]) == g && (inGroup < 0 || s > scores[inGroup]) {
			inGroup = l
		}
	}
	if inGroup < 0 {
		inGroup = root
	}
	return inGroup, any
}
