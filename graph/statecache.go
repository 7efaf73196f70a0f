package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/quad"
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
const statesFormat = "3"

var statesBucket = []byte("states")

func (s *Store) statesPath() string {
	if p := s.viewPath(); p != "" {
		return filepath.Join(filepath.Dir(p), StatesFile)
	}
	return ""
}

// keptStates is the kept file read into memory: its generation and the
// states of its articles, in IRI order, records parsed.
type keptStates struct {
	gen    string
	states []*articleState
}

// readKeptStates reads the kept states; nil when there are none.
func (s *Store) readKeptStates() *keptStates {
	path := s.statesPath()
	if path == "" {
		return nil
	}
	db, err := openKept(path, true)
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
// the same records in binary (statecodec.go), then the resolution
// literal.
func encodeState(st *articleState, resolution string) []byte {
	b := appendString(nil, st.recordsJSON)
	bin := appendRecords(nil, st.published, st.records)
	b = appendString(b, string(bin))
	return append(b, resolution...)
}

// decodeState reads a kept entry; the state's strings are pieces of v.
func decodeState(a quad.IRI, v string) (*articleState, bool) {
	r := &recordsReader{src: v}
	literal, bin := r.string(), r.string()
	if r.bad {
		return nil, false
	}
	recs, published, ok := readRecords(bin, a)
	if !ok {
		return nil, false
	}
	return &articleState{iri: a, records: recs, recordsJSON: literal, published: published, resolutions: []string{r.src}}, true
}

// PrefetchResolution starts reading the kept resolution states on
// another goroutine, for the resolution that will end this process's
// writes; it does nothing where no states are kept.
func (s *Store) PrefetchResolution() {
	if s.statesPath() == "" {
		return
	}
	ch := make(chan *keptStates, 1)
	s.touchMu.Lock()
	s.prefetched = ch
	s.touchMu.Unlock()
	go func() { ch <- s.readKeptStates() }()
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
// this process wrote are read again, the rest come from the file. ok is
// false when the file cannot be used.
func (s *Store) keptArticleStates(ctx context.Context) (states []*articleState, ok bool, err error) {
	s.touchMu.Lock()
	prefetched := s.prefetched
	s.prefetched = nil
	s.keptBase = ""
	s.touchMu.Unlock()
	path := s.statesPath()
	if path == "" || s.untracked.Load() {
		return nil, false, nil
	}
	base := s.startGen
	if !s.wrote.Load() {
		if base, err = s.generation(ctx); err != nil {
			return nil, false, err
		}
	}
	if !usableGeneration(base) {
		return nil, false, nil
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
		return nil, false, nil
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
	for _, st := range k.states {
		if !skip[st.iri] {
			states = append(states, st)
		}
	}
	fresh, err := s.readArticleStates(ctx, touched)
	if err != nil {
		return nil, false, err
	}
	for _, st := range fresh {
		if st.recordsJSON != "" || st.legacy && len(st.resolutions) > 0 {
			states = append(states, st)
		}
	}
	sort.Slice(states, func(i, j int) bool { return states[i].iri < states[j].iri })
	s.touchMu.Lock()
	s.keptBase, s.keptTouched = base, skip
	s.touchMu.Unlock()
	return states, true, nil
}

// keepArticleStates writes the states a resolution left, at the store's
// current generation: only those that changed when the resolution
// started from the kept file, else all of them. Failing to keep them
// costs only time.
func (s *Store) keepArticleStates(ctx context.Context, states []*articleState, literal map[quad.IRI]string) {
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
	err = db.Update(func(tx *bolt.Tx) error {
		m, b := tx.Bucket(metaBucket), tx.Bucket(statesBucket)
		update := base != "" && keptGeneration(tx, statesBucket, statesFormat) == base
		if !update {
			if b != nil {
				if err := tx.DeleteBucket(statesBucket); err != nil {
					return err
				}
			}
			var err error
			if b, err = tx.CreateBucket(statesBucket); err != nil {
				return err
			}
			b.FillPercent = 1 // written in key order
		}
		present := make(map[quad.IRI]bool, len(touched))
		for _, st := range states {
			lit := literal[st.iri]
			if update {
				present[st.iri] = true
				if !touched[st.iri] && len(st.resolutions) == 1 && st.resolutions[0] == lit {
					continue // as kept
				}
			}
			if err := b.Put([]byte(st.iri), encodeState(st, lit)); err != nil {
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
		if m == nil {
			var err error
			if m, err = tx.CreateBucket(metaBucket); err != nil {
				return err
			}
		}
		if err := m.Put(formatKey, []byte(statesFormat)); err != nil {
			return err
		}
		return m.Put(genKey, []byte(gen))
	})
	db.Close()
	if err != nil {
		return
	}
	os.Remove(filepath.Join(filepath.Dir(path), "kg-resolve.gob")) // the older format's file
	// What this process wrote is now in the file; a later write must
	// give the store a new generation.
	s.touchMu.Lock()
	s.keepNotedParts(ctx, s.startGen, gen)
	s.touched = nil
	s.startGen = gen
	s.touchMu.Unlock()
	s.untracked.Store(false)
	s.wrote.Store(false)
}
