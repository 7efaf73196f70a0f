package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"unsafe"
)

// Model is a trained tagger, parser and lemmatizer. A Model is safe for
// concurrent use; each goroutine annotates with its own Annotator.
type Model struct {
	tagger *tagger
	parser *parser
	lemmas *lemmatizer
}

// MaxWords is the longest run of words parsed as one tree. Longer
// sentences are parsed in chunks of MaxWords words; the root of each
// later chunk is attached to the first chunk's root as parataxis.
const MaxWords = 256

// Annotator tags, lemmatizes and parses sentences with a Model, reusing
// its working memory from one sentence to the next. An Annotator is not
// safe for concurrent use.
type Annotator struct {
	m       *Model
	lemmas  map[uint64]string // lemmas made by suffix rules, so that a word seen before costs no allocation
	ts      tagState
	ps      parseState
	words   []string
	classes []uint16
	known   []Known
}

// NewAnnotator returns an Annotator for m.
func (m *Model) NewAnnotator() *Annotator { return &Annotator{m: m} }

// Annotate fills the UPOS, XPOS, Lemma, Head and Rel of every token of s
// from its Form. It never fails: any sequence of words, including an
// empty one, gets a tree.
func (a *Annotator) Annotate(s *Sentence) { a.AnnotateKnown(s, nil) }

// Known is what a caller knows of a word's part of speech before it is
// tagged.
type Known uint8

const (
	// Unknown leaves the word to the tagger.
	Unknown Known = iota
	// KnownName marks a part of a proper name (PROPN, NNP).
	KnownName
	// KnownAdjective marks an adjective (ADJ, JJ): a demonym before a
	// title ("Kenyan President William Ruto").
	KnownAdjective
)

// AnnotateKnown annotates s like Annotate, with the words that known
// marks (known[i] for s.Tokens[i]) tagged as it says whatever the
// tagger would: a caller that has recognized a name ("Khaled Nordin",
// "Yoo In-chon") or a demonym knows better than a tagger trained on few
// of them, and the parse then holds the name together. known may be nil
// or shorter than the sentence.
func (a *Annotator) AnnotateKnown(s *Sentence, known []Known) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	a.words = slices.Grow(a.words[:0], n)[:n]
	for i := range s.Tokens {
		a.words[i] = plainForm(s.Tokens[i].Form)
	}
	a.classes = slices.Grow(a.classes[:0], n)[:n]
	a.ts.known = nil
	if len(known) > 0 {
		a.known = slices.Grow(a.known[:0], n)[:n]
		clear(a.known)
		copy(a.known, known)
		a.ts.known = a.known
	}
	a.m.tagger.tag(&a.ts, a.words, a.classes)
	for i := range s.Tokens {
		c := a.classes[i]
		t := &s.Tokens[i]
		t.UPOS, t.XPOS = a.m.tagger.upos[c], a.m.tagger.xpos[c]
		t.Lemma = a.lemma(t.Form, t.UPOS)
	}
	firstRoot := -1
	for from := 0; from < n; from += MaxWords {
		to := min(n, from+MaxWords)
		a.parseSpan(s.Tokens[from:to], a.ts.info[from:to], a.classes[from:to], from)
		for i := from; i < to; i++ {
			if s.Tokens[i].Head != 0 {
				continue
			}
			if firstRoot < 0 {
				firstRoot = i
			} else {
				s.Tokens[i].Head, s.Tokens[i].Rel = firstRoot+1, "parataxis"
			}
		}
	}
}

// lemma returns the lemma of a word, remembering those that had to be
// built.
func (a *Annotator) lemma(form, upos string) string {
	lz := a.m.lemmas
	key := lemmaKey(upos, hashString(form))
	if l, ok := lz.words[lemmaKey(upos, hashLower(form))]; ok {
		return l
	}
	if l, ok := a.lemmas[key]; ok {
		return l
	}
	l := lz.lemma(form, upos)
	if a.lemmas == nil || len(a.lemmas) > 1<<16 {
		a.lemmas = make(map[uint64]string)
	}
	a.lemmas[key] = l
	return l
}

// parseSpan parses toks, a run of words starting at word offset of the
// sentence, and writes sentence-level heads.
func (a *Annotator) parseSpan(toks []Token, info []wordInfo, classes []uint16, offset int) {
	st := &a.ps
	n := len(toks)
	st.reset(n)
	for i := range n {
		st.wh[i], st.th[i] = info[i].lower, uint64(classes[i])+1
	}
	st.wh[n], st.th[n] = hashRoot, rootTag
	p := a.m.parser
	p.parse(st)
	for i := range n {
		h := int(st.heads[i])
		if h == n || h < 0 {
			toks[i].Head = 0
		} else {
			toks[i].Head = h + 1 + offset
		}
		if l := st.labels[i]; l >= 0 {
			toks[i].Rel = p.labels[l]
		} else {
			toks[i].Rel = "dep"
		}
	}
}

const (
	hashRoot = 0x524f4f54 // "ROOT"
	rootTag  = 0xffff
)

// weightBytes is the memory of m's weight tables.
func (m *Model) weightBytes() int {
	n := 0
	for _, t := range []*table{m.tagger.w, m.tagger.w2, m.parser.w, m.parser.lw} {
		if t != nil {
			n += len(t.slots)*int(unsafe.Sizeof(slot{})) + len(t.spill)*int(unsafe.Sizeof(qpair{}))
		}
	}
	return n
}

// Lemma returns the lemma of a word with the given UPOS.
func (m *Model) Lemma(form, upos string) string { return m.lemmas.lemma(form, upos) }

// Info describes a model's contents.
type Info struct {
	TagClasses    int // joint UPOS+XPOS classes
	TagFeatures   int
	Labels        int // dependency relations
	ParseFeatures int
	LabelFeatures int
	LemmaWords    int
	LemmaSuffixes int
}

// Info returns the sizes of m's parts.
func (m *Model) Info() Info {
	return Info{
		TagClasses: len(m.tagger.upos), TagFeatures: m.tagger.w.features(),
		Labels: len(m.parser.labels), ParseFeatures: m.parser.w.features(), LabelFeatures: m.parser.lw.features(),
		LemmaWords: len(m.lemmas.words), LemmaSuffixes: len(m.lemmas.rules),
	}
}

const modelMagic = "kg-syntax-model 2\n"

// Save writes m, gzip-compressed.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	e := &encoder{w: bw}
	e.str(modelMagic)
	m.encode(e, e.table)
	if e.err != nil {
		return e.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// encode writes m's parts in order, each weight table through table.
func (m *Model) encode(e *encoder, table func(*table)) {
	e.strs(m.tagger.upos)
	e.strs(m.tagger.xpos)
	table(m.tagger.w)
	if m.tagger.w2 != nil {
		e.uint(2)
		table(m.tagger.w2)
	} else {
		e.uint(1)
	}
	keys := sortedKeys(m.tagger.sure)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.uint(k)
		e.uint(uint64(m.tagger.sure[k]))
	}
	keys = sortedKeys(m.tagger.amb)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.uint(k)
		e.uint(m.tagger.amb[k])
	}
	e.strs(m.parser.labels)
	for _, g := range m.parser.group {
		e.uint(uint64(g))
	}
	table(m.parser.w)
	table(m.parser.lw)
	keys = sortedKeys(m.lemmas.words)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.uint(k)
		e.str(m.lemmas.words[k])
	}
	keys = sortedKeys(m.lemmas.rules)
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		r := m.lemmas.rules[k]
		e.uint(k)
		e.uint(uint64(r.cut))
		e.str(r.add)
	}
}

// tables returns m's weight tables in the order encode writes them.
func (m *Model) tables() []*table {
	ts := []*table{m.tagger.w}
	if m.tagger.w2 != nil {
		ts = append(ts, m.tagger.w2)
	}
	return append(ts, m.parser.w, m.parser.lw)
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: model: %w", err)
	}
	// Decompressing and building the weight tables take about as long
	// as each other: one goroutine inflates while this one builds.
	ar := readAhead(zr)
	defer ar.close()
	d := &decoder{r: bufio.NewReader(ar)}
	if magic := d.str(); d.err == nil && magic != modelMagic {
		return nil, fmt.Errorf("%w: not a kg syntax model", errCorrupt)
	}
	return decodeModel(d, d.table)
}

// decodeModel reads what encode wrote, each weight table through table.
func decodeModel(d *decoder, table func() *table) (*Model, error) {
	m := &Model{tagger: &tagger{}, parser: &parser{}, lemmas: &lemmatizer{}}
	tg := m.tagger
	tg.upos, tg.xpos = d.strs(), d.strs()
	tg.w = table()
	if d.uint() == 2 {
		tg.w2 = table()
	}
	tg.sure = make(map[uint64]uint16)
	for range d.count() {
		k, v := d.uint(), d.uint()
		tg.sure[k] = uint16(v)
	}
	tg.amb = make(map[uint64]uint64)
	for range d.count() {
		k := d.uint()
		tg.amb[k] = d.uint()
	}
	m.parser.labels = d.strs()
	m.parser.group = make([]uint8, len(m.parser.labels))
	for i := range m.parser.group {
		m.parser.group[i] = uint8(min(d.uint(), 64))
		m.parser.groups = max(m.parser.groups, int(m.parser.group[i])+1)
	}
	m.parser.w = table()
	m.parser.lw = table()
	m.lemmas.words = make(map[uint64]string)
	for range d.count() {
		k := d.uint()
		m.lemmas.words[k] = d.str()
	}
	m.lemmas.rules = make(map[uint64]suffixRule)
	for range d.count() {
		k, cut := d.uint(), d.uint()
		m.lemmas.rules[k] = suffixRule{cut: int(min(cut, 64)), add: d.str()}
	}
	if d.err != nil {
		if errors.Is(d.err, io.EOF) || errors.Is(d.err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%w: truncated", errCorrupt)
		}
		return nil, d.err
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	return m, nil
}

// check rejects a model whose parts disagree.
func (m *Model) check() error {
	tg, p := m.tagger, m.parser
	if len(tg.upos) == 0 || len(tg.upos) != len(tg.xpos) || tg.w == nil || tg.w.classes != len(tg.upos) ||
		tg.w2 != nil && tg.w2.classes != len(tg.upos) {
		return fmt.Errorf("%w: tagger classes", errCorrupt)
	}
	for _, c := range tg.sure {
		if int(c) >= len(tg.upos) {
			return fmt.Errorf("%w: tag dictionary class %d", errCorrupt, c)
		}
	}
	if p.w == nil || p.w.classes != 1+2*p.groups || p.lw == nil || p.lw.classes != len(p.labels) || len(p.labels) > 64 {
		return fmt.Errorf("%w: parser classes", errCorrupt)
	}
	p.root = slices.Index(p.labels, "root")
	if p.root < 0 {
		return fmt.Errorf("%w: no root relation", errCorrupt)
	}
	p.setSoleLabels()
	return nil
}

type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], v)])
	}
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) table(t *table) {
	if e.err == nil {
		e.err = t.write(e.w)
	}
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}

// count reads a collection length, refusing absurd ones.
func (d *decoder) count() int {
	n := d.uint()
	if n > 1<<26 {
		d.err = fmt.Errorf("%w: %d entries", errCorrupt, n)
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil || n > 1<<20 {
		if d.err == nil {
			d.err = fmt.Errorf("%w: string of %d bytes", errCorrupt, n)
		}
		return ""
	}
	b := make([]byte, n)
	_, d.err = io.ReadFull(d.r, b)
	return string(b)
}

func (d *decoder) strs() []string {
	n := d.count()
	out := make([]string, 0, min(n, 1024))
	for range n {
		if d.err != nil {
			return nil
		}
		out = append(out, d.str())
	}
	return out
}

func (d *decoder) table() *table {
	if d.err != nil {
		return nil
	}
	t, err := readTable(d.r)
	if err != nil {
		d.err = err
	}
	return t
}

// aheadReader reads r on a goroutine of its own, a few chunks ahead of
// its reader.
type aheadReader struct {
	chunks chan []byte
	done   chan struct{}
	err    error // set before chunks is closed
	cur    []byte
}

func readAhead(r io.Reader) *aheadReader {
	a := &aheadReader{chunks: make(chan []byte, 16), done: make(chan struct{})}
	go func() {
		defer close(a.chunks)
		for {
			buf := make([]byte, 256<<10)
			n, err := io.ReadFull(r, buf)
			if n > 0 {
				select {
				case a.chunks <- buf[:n]:
				case <-a.done:
					return
				}
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				a.err = err
				return
			}
		}
	}()
	return a
}

func (a *aheadReader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		c, ok := <-a.chunks
		if !ok {
			if a.err != nil {
				return 0, a.err
			}
			return 0, io.EOF
		}
		a.cur = c
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// close stops the reading goroutine when the reader is left early.
func (a *aheadReader) close() {
	close(a.done)
	for range a.chunks {
	}
}
