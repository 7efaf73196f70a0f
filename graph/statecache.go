package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
	bolt "go.etcd.io/bbolt"
)

// StatesFile is the name of the kept resolution states in an embedded
// store's directory: a bolt file of every article's records and
// resolution literal as the last resolution left them, tagged with the
// store's generation then. The next resolution reads from the store only
// the articles this process wrote since, so that one new article into a
// large store costs what that article costs, not a read of every
// article; and it writes back only the articles whose state changed.
// An ingest can read the file ahead (PrefetchResolution), on another
// core, while it extracts.
const StatesFile = "kg-resolve.db"

// statesFormat changes whenever the kept states' encoding does.
const statesFormat = "5"

var (
	statesBucket = []byte("states")
	// signatureKey holds resolutionSignature of the resolution that
	// made the kept decisions.
	signatureKey = []byte("resolution")
)

func (s *Store) statesPath() string {
	if p := s.viewPath(); p != "" {
		return filepath.Join(filepath.Dir(p), StatesFile)
	}
	return ""
}

// keptStates is the kept file read into memory: its generation and the
// states of its articles, in IRI order, records parsed.
type keptStates struct {
	gen       string
	signature string
	states    []*articleState
}

// readKeptStates reads the kept states; nil when there are none.
func (s *Store) readKeptStates() *keptStates {
	path := s.statesPath()
	if path == "" {
		return nil
	}
	db, err := openKeptWhole(path)
	if err != nil {
		return nil
	}
	defer db.Close()
	k := &keptStates{}
	type entry struct{ iri, value string }
	var entries []entry
	err = db.View(func(tx *bolt.Tx) error {
		if k.gen = keptGeneration(tx, statesBucket, statesFormat); k.gen == "" {
			return errBadState
		}
		k.signature = string(tx.Bucket(metaBucket).Get(signatureKey))
		return tx.Bucket(statesBucket).ForEach(func(key, v []byte) error {
			entries = append(entries, entry{string(key), string(v)})
			return nil
		})
	})
	if err != nil {
		return nil
	}
	// Parsing the records is most of the cost: on every core.
	k.states = make([]*articleState, len(entries))
	workers := min(runtime.GOMAXPROCS(0), 1+len(entries)/256)
	var bad atomic.Bool
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(entries); i += workers {
				e := entries[i]
				st, ok := decodeState(quad.IRI(e.iri), e.value)
				if !ok {
					bad.Store(true)
					return
				}
				k.states[i] = st
			}
		}()
	}
	wg.Wait()
	if bad.Load() {
		return nil
	}
	return k
}

var errBadState = errors.New("graph: malformed kept state")

// encodeState is the kept entry of an article: its kg:records literal,
// the same records in binary, the decisions the resolution made for them
// (statecodec.go), then the resolution literal made of those decisions.
func encodeState(st *articleState, decided []resolve.Decision, resolution string) []byte {
	b := appendString(nil, st.recordsJSON)
	bin := appendRecords(nil, st.published, st.records)
	b = appendString(b, string(bin))
	bin = appendDecisions(bin[:0], st.records, decided)
	b = appendString(b, string(bin))
	return append(b, resolution...)
}

// decodeState reads a kept entry; the state's strings are pieces of v.
func decodeState(a quad.IRI, v string) (*articleState, bool) {
	r := &recordsReader{src: v}
	literal, bin, dec := r.string(), r.string(), r.string()
	if r.bad {
		return nil, false
	}
	recs, published, ok := readRecords(bin, a)
	if !ok {
		return nil, false
	}
	decided, ok := readDecisions(dec, recs)
	if !ok {
		return nil, false
	}
	return &articleState{iri: a, records: recs, recordsJSON: literal, published: published,
		resolutions: []string{r.src}, decided: decided, keptDecided: true}, true
}

// PrefetchResolution starts reading the kept resolution states on
// another goroutine, for the resolution that will end this process's
// writes; it does nothing where no states are kept.
func (s *Store) PrefetchResolution() {
	if s.statesPath() == "" || s.keepsSummary() {
		return
	}
	ch := make(chan *keptStates, 1)
	s.touchMu.Lock()
	s.prefetched = ch
	s.touchMu.Unlock()
	go func() { ch <- s.readKeptStates() }()
}

// keepsSummary reports whether the kept file has a summary of its
// states, from which resolution reads only what a change reaches
// (resolveBySummary), so that reading every state ahead is no use.
func (s *Store) keepsSummary() bool {
	db, err := openKept(s.statesPath(), true)
	if err != nil {
		return false
	}
	defer db.Close()
	has := false
	db.View(func(tx *bolt.Tx) error {
		g := summaryGeneration(tx)
		has = g != "" && g == keptGeneration(tx, statesBucket, statesFormat)
		return nil
	})
	return has
}

// KeepsResolutionStates reports whether the store keeps the last
// resolution's states (StatesFile), from which the next resolution can
// resolve only what changed.
func (s *Store) KeepsResolutionStates() bool {
	path := s.statesPath()
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// prefetchedAs makes the kept states k, already read, what the next
// resolution reads ahead.
func (s *Store) prefetchedAs(k *keptStates) {
	ch := make(chan *keptStates, 1)
	ch <- k
	s.touchMu.Lock()
	s.prefetched = ch
	s.touchMu.Unlock()
}

// touch notes that this process changes articles' quads; it comes after
// beginWrite, which reads the generation the changes start from.
func (s *Store) touch(articles ...quad.IRI) {
	s.touchMu.Lock()
	if s.touched == nil {
		s.touched = map[quad.IRI]bool{}
	}
	for _, a := range articles {
		s.touched[a] = true
	}
	s.touchMu.Unlock()
}

// keptArticleStates returns the articles' states from the kept file when
// it holds the generation the store had before this process first wrote
// and nothing but kg's own article writes changed it since: the articles
// this process wrote are read again, the rest come from the file. It
// returns nil when the file cannot be used.
func (s *Store) keptArticleStates(ctx context.Context) (*keptRead, error) {
	s.touchMu.Lock()
	prefetched := s.prefetched
	s.prefetched = nil
	s.keptBase = ""
	s.touchMu.Unlock()
	path := s.statesPath()
	if path == "" || s.untracked.Load() {
		return nil, nil
	}
	base := s.startGen
	if !s.wrote.Load() {
		var err error
		if base, err = s.generation(ctx); err != nil {
			return nil, err
		}
	}
	if !usableGeneration(base) {
		return nil, nil
	}
	var k *keptStates
	if prefetched != nil {
		k = <-prefetched
	}
	if k == nil || k.gen != base {
		// Read ahead of a resolution of another process.
		k = s.readKeptStates()
	}
	if k == nil || k.gen != base {
		return nil, nil
	}
	s.touchMu.Lock()
	touched := make([]quad.IRI, 0, len(s.touched))
	for a := range s.touched {
		touched = append(touched, a)
	}
	s.touchMu.Unlock()
	skip := make(map[quad.IRI]bool, len(touched))
	for _, a := range touched {
		skip[a] = true
	}
	read := &keptRead{changed: skip, signature: k.signature, base: base, file: k}
	for _, st := range k.states {
		if skip[st.iri] {
			read.before = append(read.before, st)
		} else {
			read.states = append(read.states, st)
		}
	}
	fresh, err := s.readArticleStates(ctx, touched)
	if err != nil {
		return nil, err
	}
	for _, st := range fresh {
		if st.recordsJSON != "" || st.legacy && len(st.resolutions) > 0 {
			read.states = append(read.states, st)
		}
	}
	sort.Slice(read.states, func(i, j int) bool { return read.states[i].iri < read.states[j].iri })
	s.touchMu.Lock()
	s.keptBase, s.keptTouched = base, skip
	s.touchMu.Unlock()
	return read, nil
}

// keptRead is what keptArticleStates found.
type keptRead struct {
	states    []*articleState   // every article's, in IRI order
	before    []*articleState   // the kept states of the articles changed since
	changed   map[quad.IRI]bool // the articles this process changed
	signature string            // of the resolution that made the kept decisions
	base      string            // the store's generation the file holds
	file      *keptStates       // the file as read, for a later read to take again
}

// keepArticleStates writes the states a resolution left, at the store's
// current generation: in place, only those that changed, when the
// resolution started from the kept file and changed at most half of
// them; else all of them, into a new file. Failing to keep them costs
// only time.
func (s *Store) keepArticleStates(ctx context.Context, states []*articleState, out *resolution) {
	path := s.statesPath()
	if path == "" {
		return
	}
	gen, err := s.generation(ctx)
	if err != nil || !usableGeneration(gen) {
		return
	}
	s.touchMu.Lock()
	base, touched := s.keptBase, s.keptTouched
	s.keptBase, s.keptTouched = "", nil
	s.touchMu.Unlock()
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return
	}
	update := false
	db.View(func(tx *bolt.Tx) error {
		update = base != "" && keptGeneration(tx, statesBucket, statesFormat) == base
		return nil
	})
	entry := func(st *articleState) []byte {
		decided, redecided := out.decided[st.iri]
		if !redecided {
			decided = st.decided
		}
		return encodeState(st, decided, out.literal[st.iri])
	}
	var changed []*articleState
	present := make(map[quad.IRI]bool, len(touched))
	for _, st := range states {
		if touched[st.iri] {
			present[st.iri] = true
		}
		_, redecided := out.decided[st.iri]
		if touched[st.iri] || redecided || len(st.resolutions) != 1 || st.resolutions[0] != out.literal[st.iri] {
			changed = append(changed, st)
		}
	}
	decidedOf := func(st *articleState) []resolve.Decision {
		if ds, ok := out.decided[st.iri]; ok {
			return ds
		}
		return st.decided
	}
	summarize := func(tx *bolt.Tx) error { return buildSummary(tx, states, decidedOf, gen) }
	if update && 2*len(changed) <= len(states) {
		// Few entries changed: in place.
		err = db.Update(func(tx *bolt.Tx) error {
			if m := tx.Bucket(metaBucket); m != nil {
				if err := m.Delete(summaryKey); err != nil {
					return err
				}
			}
			b := tx.Bucket(statesBucket)
			for _, st := range changed {
				if err := b.Put([]byte(st.iri), entry(st)); err != nil {
					return err
				}
			}
			for a := range touched {
				if !present[a] {
					if err := b.Delete([]byte(a)); err != nil {
						return err
					}
				}
			}
			return putStatesMeta(tx, out.signature, gen)
		})
		if err == nil {
			db.Update(summarize) // without it, the next resolution takes the long way
		}
		db.Close()
	} else {
		// Every entry, or most: a new file, dense and in key order,
		// where rewriting in place would leave the old pages free and
		// the file twice its size, to be read page by page.
		db.Close()
		err = writeStatesFile(path, states, entry, out.signature, gen, summarize)
	}
	if err != nil {
		return
	}
	os.Remove(filepath.Join(filepath.Dir(path), "kg-resolve.gob")) // the older format's file
	s.keptAt(ctx, gen)
}

// keptAt notes that the kept file now holds what this process wrote, at
// generation gen: a later write must give the store a new generation.
func (s *Store) keptAt(ctx context.Context, gen string) {
	s.touchMu.Lock()
	s.keepNotedParts(ctx, s.startGen, gen)
	s.touched = nil
	s.startGen = gen
	s.touchMu.Unlock()
	s.untracked.Store(false)
	s.wrote.Store(false)
}

// prior is the last resolution as the kept states hold it, for
// resolve.Update: the decisions of every kept article, and the records
// of the changed ones as that resolution read them. The articles in
// also, about to be written (ResolutionPlan), count as changed as well.
func (k *keptRead) prior(also map[quad.IRI]*articleState) *resolve.Prior {
	changed := func(a quad.IRI) bool { return k.changed[a] || also[a] != nil }
	byArticle := make(map[quad.IRI]*articleState, len(k.states))
	var before resolve.Records
	addBefore := func(st *articleState) {
		byArticle[st.iri] = st
		before.Persons = append(before.Persons, st.records.Persons...)
		before.Organizations = append(before.Organizations, st.records.Organizations...)
		before.Roles = append(before.Roles, st.records.Roles...)
		before.Events = append(before.Events, st.records.Events...)
	}
	for _, st := range k.states {
		if !st.keptDecided {
			continue
		}
		if !changed(st.iri) {
			byArticle[st.iri] = st
		} else if also[st.iri] != nil && !k.changed[st.iri] {
			addBefore(st) // the kept state of an article a plan replaces
		}
	}
	for _, st := range k.before {
		addBefore(st)
	}
	return &resolve.Prior{
		Changed: changed,
		Records: before,
		Decided: func(a quad.IRI) []resolve.Decision {
			if st := byArticle[a]; st != nil {
				return st.decided
			}
			return nil
		},
	}
}

// resolutionSignature names what decides a resolution besides the
// records: the aliases file's rules and the kg that resolves (its rules
// and word lists are in the binary). Kept decisions made under another
// signature are not built on: the resolution after an upgrade or an edit
// of the aliases resolves every article again.
func resolutionSignature(opts resolve.Options) string {
	h := sha256.New()
	h.Write([]byte(executableIdentity()))
	if a := opts.Aliases; a != nil {
		for _, list := range [][]resolve.Rule{a.Pins, a.Forbids} {
			fmt.Fprintf(h, "|%d", len(list))
			for _, r := range list {
				fmt.Fprintf(h, "|%q|%q|%q", r.A, r.B, r.Where)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// executableIdentity is the running binary's path, size and time of
// change: a rebuilt kg differs.
var executableIdentity = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err != nil {
		return "unknown " + time.Now().String() // never matches a kept signature
	}
	fi, err := os.Stat(path)
	if err != nil {
		return "unknown " + time.Now().String()
	}
	return fmt.Sprintf("%s %d %d", path, fi.Size(), fi.ModTime().UnixNano())
})

// writeStatesFile writes every state into a new kept file, then their
// summary if summarize can make it, and puts the file in the place of
// the old one.
func writeStatesFile(path string, states []*articleState, entry func(*articleState) []byte, signature, gen string, summarize func(*bolt.Tx) error) error {
	tmp := path + ".new"
	os.Remove(tmp)
	db, err := bolt.Open(tmp, 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(statesBucket)
		if err != nil {
			return err
		}
		b.FillPercent = 1 // written in key order
		for _, st := range states {
			if err := b.Put([]byte(st.iri), entry(st)); err != nil {
				return err
			}
		}
		return putStatesMeta(tx, signature, gen)
	})
	if err == nil && summarize != nil {
		db.Update(summarize) // without it, the next resolution takes the long way
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// putStatesMeta tags the kept states with their format, the signature
// of the resolution that made them and the store's generation.
func putStatesMeta(tx *bolt.Tx, signature, gen string) error {
	m, err := tx.CreateBucketIfNotExists(metaBucket)
	if err != nil {
		return err
	}
	if err := m.Put(formatKey, []byte(statesFormat)); err != nil {
		return err
	}
	if err := m.Put(signatureKey, []byte(signature)); err != nil {
		return err
	}
	return m.Put(genKey, []byte(gen))
}
