package syntax

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"unsafe"
)

// table holds a perceptron's weights for inference: an open-addressing
// hash table from feature to its (class, weight) pairs, weights quantized
// to 16 bits against the largest one. Only the classes a feature was ever
// updated for are stored. A slot holds its feature's first four pairs, so
// most features cost one cache miss.
//
// A table of at most denseClasses classes is dense instead: its slot
// holds every class's weight, on 8 bits in steps of its own, so that
// every feature costs one cache miss and no pairs spill. The move
// classifier of the parser, whose features take most lookups and mostly
// carry weights for more than four of its classes, is one.
type table struct {
	classes int
	scale   float32 // weight = scale × quantized weight
	shift   uint    // 64 - log2(len(slots))
	slots   []slot  // key 0 = empty
	spill   []qpair // pairs beyond a slot's first four
}

const inlinePairs = 4

// denseClasses is the most classes a dense slot holds: the bytes of a
// slot after its key and its step. (Dense slots of two cache lines'
// width, for the 51 relations of the arc labeller, were slower than its
// sparse ones: most of its features carry few classes.)
const denseClasses = int(unsafe.Sizeof(slot{})) - 12

// dense reports whether t's slots hold every class's weight.
func (t *table) dense() bool { return t.classes <= denseClasses }

// denseRow returns the weights of dense slot s, one byte a class; the
// slot's start field holds their step.
func denseRow(s *slot) *[denseClasses]int8 { return (*[denseClasses]int8)(unsafe.Pointer(&s.count)) }

// fillDense stores the quantized weights of one feature in dense slot s:
// each on 8 bits, in units of a step of the row's own, so that a row of
// small weights keeps its precision. The step is the weights' greatest
// common divisor when that loses nothing, else the one that puts the
// row's largest at 127; so the weights a dense table writes are read
// back into the same row.
func fillDense(s *slot, qs []qpair) {
	top, g := 0, 0
	for _, q := range qs {
		top = max(top, abs(int(q.w)))
		g = gcd(g, abs(int(q.w)))
	}
	step := max(1, (top+126)/127)
	if g > 0 && top/g <= 127 {
		step = g
	}
	s.start = uint32(step)
	row := denseRow(s)
	lim := min(127, math.MaxInt16/step) // so that each weight times its step is a 16-bit weight again
	for _, q := range qs {
		row[q.cls] = int8(max(-lim, min(lim, roundDiv(int(q.w), step))))
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// roundDiv divides v by d > 0, rounding half away from zero.
func roundDiv(v, d int) int {
	if v < 0 {
		return -((-v + d/2) / d)
	}
	return (v + d/2) / d
}

type slot struct {
	key    uint64
	start  uint32 // first pair in spill
	count  uint16 // pairs in all
	_      uint16
	inline [inlinePairs]qpair
}

// qpair is one class weight of a feature, quantized.
type qpair struct {
	cls uint16
	w   int16
}

// pair is one class weight of a feature.
type pair struct {
	cls uint16
	w   float32
}

func slotOf(key uint64, shift uint) int {
	return int((key * 0x9e3779b97f4a7c15) >> shift)
}

// lookupBatch is how many features score looks up at once.
const lookupBatch = 64

// score adds the weights of feats to scores, in units of t.scale. Each
// feature's slot is a cache miss; so that the misses of a batch overlap
// instead of queueing, lookup finds a batch's slots before any weight
// is read.
func (t *table) score(feats []uint64, scores []int32) {
	var found [lookupBatch]int32
	dense := t.dense()
	if dense {
		scores = scores[:t.classes]
	}
	for len(feats) > 0 {
		n := min(len(feats), lookupBatch)
		t.lookup(feats[:n], &found)
		for _, i := range found[:n] {
			if i < 0 {
				continue
			}
			s := &t.slots[i]
			if dense {
				step, row := int32(s.start), denseRow(s)
				for c := range scores {
					scores[c] += int32(row[c]) * step
				}
				continue
			}
			c := int(s.count)
			for _, p := range s.inline[:min(c, inlinePairs)] {
				scores[p.cls] += int32(p.w)
			}
			if c > inlinePairs {
				for _, p := range t.spill[s.start : s.start+uint32(c-inlinePairs)] {
					scores[p.cls] += int32(p.w)
				}
			}
		}
		feats = feats[n:]
	}
}

// lookup sets found[k] to the slot of feature fs[k], -1 when t has none.
// It computes every slot's place first, then loads the keys with no
// branch between the loads, then touches the first cache line of the
// pairs that spill out of the slots found at once, so that all these
// misses overlap, and only then compares the keys and probes on.
func (t *table) lookup(fs []uint64, found *[lookupBatch]int32) {
	var keys [lookupBatch]uint64
	mask := int32(len(t.slots) - 1)
	for k, f := range fs {
		found[k] = int32(slotOf(f, t.shift))
	}
	for k := range fs {
		keys[k] = t.slots[found[k]].key
	}
	if len(t.spill) > 0 {
		var sink int16
		for k, f := range fs {
			s := &t.slots[found[k]]
			i := uint32(0)
			if keys[k] == f && s.count > inlinePairs {
				i = s.start
			}
			sink += t.spill[i].w
		}
		keep(sink)
	}
	for k, f := range fs {
		i, key := found[k], keys[k]
		for key != f && key != 0 {
			i = (i + 1) & mask
			key = t.slots[i].key
		}
		if key == 0 {
			i = -1
		}
		found[k] = i
	}
}

// keep takes a value computed only to load memory into the cache, so
// that the compiler keeps the loads.
//
//go:noinline
func keep(int16) {}

// buildTable packs weights into a table, inserting features in key order
// so the result is deterministic. Weights are quantized against the
// largest; scale 0 picks it.
func buildTable(classes int, feats map[uint64][]pair, scale float32) *table {
	if scale == 0 {
		maxAbs := float32(0)
		for _, ps := range feats {
			for _, p := range ps {
				maxAbs = max(maxAbs, float32(math.Abs(float64(p.w))))
			}
		}
		scale = maxAbs / math.MaxInt16
		if scale == 0 {
			scale = 1
		}
	}
	size := 2
	for size*2 < len(feats)*3 {
		size <<= 1
	}
	t := &table{
		classes: classes,
		scale:   scale,
		shift:   uint(64 - bits.TrailingZeros(uint(size))),
	}
	t.slots = newSlots(t, size)
	for _, k := range sortedKeys(feats) {
		ps := feats[k]
		i := t.free(k)
		qs := make([]qpair, len(ps))
		for j, p := range ps {
			qs[j] = qpair{p.cls, int16(max(-math.MaxInt16, min(math.MaxInt16, math.Round(float64(p.w/scale)))))}
		}
		t.put(i, k, qs)
	}
	return t
}

// free returns the slot where feature key goes: the first free one from
// its own.
func (t *table) free(key uint64) int {
	i := slotOf(key, t.shift)
	for t.slots[i].key != 0 {
		i = (i + 1) & (len(t.slots) - 1)
	}
	return i
}

// put stores feature key with quantized weights qs in slot i.
func (t *table) put(i int, key uint64, qs []qpair) {
	s := &t.slots[i]
	s.key = key
	if t.dense() {
		fillDense(s, qs)
		return
	}
	s.count, s.start = uint16(len(qs)), uint32(len(t.spill))
	for j, q := range qs {
		if j < inlinePairs {
			s.inline[j] = q
		} else {
			t.spill = append(t.spill, q)
		}
	}
}

// quantized returns the weights of the feature in slot s.
func (t *table) quantized(s *slot) []qpair {
	if t.dense() {
		var qs []qpair
		for c, w := range denseRow(s)[:t.classes] {
			if w != 0 {
				qs = append(qs, qpair{uint16(c), int16(int(w) * int(s.start))})
			}
		}
		if len(qs) == 0 {
			qs = append(qs, qpair{0, 0}) // a feature keeps one pair
		}
		return qs
	}
	qs := append([]qpair(nil), s.inline[:min(int(s.count), inlinePairs)]...)
	if int(s.count) > inlinePairs {
		qs = append(qs, t.spill[s.start:s.start+uint32(int(s.count)-inlinePairs)]...)
	}
	return qs
}

func (t *table) features() int {
	n := 0
	for i := range t.slots {
		if t.slots[i].key != 0 {
			n++
		}
	}
	return n
}

var errCorrupt = errors.New("syntax: corrupt model")

// write stores the table compactly: features in key order with
// delta-coded keys, each with its quantized weights.
func (t *table) write(w *bufio.Writer) error {
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { w.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	byKey := make(map[uint64]*slot, len(t.slots)/2)
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 {
			byKey[s.key] = s
		}
	}
	uv(uint64(t.classes))
	uv(uint64(len(byKey)))
	if err := binary.Write(w, binary.LittleEndian, t.scale); err != nil {
		return err
	}
	prev := uint64(0)
	for _, k := range sortedKeys(byKey) {
		s := byKey[k]
		uv(k - prev)
		prev = k
		qs := t.quantized(s)
		uv(uint64(len(qs)))
		for _, q := range qs {
			uv(uint64(q.cls))
			w.Write(binary.LittleEndian.AppendUint16(buf[:0], uint16(q.w)))
		}
	}
	return nil
}

func readTable(r *bufio.Reader) (*table, error) {
	classes, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if classes == 0 || classes > math.MaxUint16 || n > 1<<26 {
		return nil, fmt.Errorf("%w: table of %d features, %d classes", errCorrupt, n, classes)
	}
	var scale float32
	if err := binary.Read(r, binary.LittleEndian, &scale); err != nil {
		return nil, err
	}
	size := 2
	for size*2 < int(n)*3 {
		size <<= 1
	}
	t := &table{
		classes: int(classes),
		scale:   scale,
		shift:   uint(64 - bits.TrailingZeros(uint(size))),
	}
	t.slots = newSlots(t, size)
	// Features come in key order, as buildTable inserts them, so the
	// table is the same one.
	key := uint64(0)
	var b2 [2]byte
	for range n {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		count, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if d == 0 && key != 0 || key+d == 0 || count == 0 || count > classes {
			return nil, fmt.Errorf("%w: feature %d with %d weights", errCorrupt, key+d, count)
		}
		key += d
		i := t.free(key)
		qs := make([]qpair, count)
		for j := range int(count) {
			c, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			if _, err := io.ReadFull(r, b2[:]); err != nil {
				return nil, err
			}
			if c >= classes {
				return nil, fmt.Errorf("%w: class %d of %d", errCorrupt, c, classes)
			}
			qs[j] = qpair{uint16(c), int16(binary.LittleEndian.Uint16(b2[:]))}
		}
		t.put(i, key, qs)
	}
	return t, nil
}
