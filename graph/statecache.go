package graph

import (
	"bufio"
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// StatesFile is the name of the kept resolution states in an embedded
// store's directory: every article's records and resolution literal as
// the last resolution left them, tagged with the store's generation
// then. The next resolution reads from the store only the articles this
// process wrote since, so that one new article into a large store costs
// what that article costs, not a read of every article.
const StatesFile = "kg-resolve.gob"

// statesFormat changes whenever the kept states' encoding does.
const statesFormat = 1

type keptStates struct {
	Format     int
	Generation string
	Articles   []keptState
}

type keptState struct {
	IRI        string
	Records    string // the kg:records literal
	Resolution string // the one kg:resolution literal
}

func (s *Store) statesPath() string {
	if p := s.viewPath(); p != "" {
		return filepath.Join(filepath.Dir(p), StatesFile)
	}
	return ""
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
	if base == "" || strings.Contains(base, "+") {
		return nil, false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false, nil
	}
	defer f.Close()
	var k keptStates
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil || k.Format != statesFormat || k.Generation != base {
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
	for _, ks := range k.Articles {
		iri := quad.IRI(ks.IRI)
		if skip[iri] {
			continue
		}
		st := &articleState{iri: iri, resolutions: []string{ks.Resolution}}
		if !st.setRecords(ks.Records) {
			return nil, false, nil
		}
		states = append(states, st)
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
	return states, true, nil
}

// keepArticleStates writes the states a resolution left, at the store's
// current generation; failing to keep them costs only time.
func (s *Store) keepArticleStates(ctx context.Context, states []*articleState, literal map[quad.IRI]string) {
	path := s.statesPath()
	if path == "" {
		return
	}
	gen, err := s.generation(ctx)
	if err != nil || gen == "" || strings.Contains(gen, "+") {
		return
	}
	k := keptStates{Format: statesFormat, Generation: gen, Articles: make([]keptState, 0, len(states))}
	for _, st := range states {
		k.Articles = append(k.Articles, keptState{IRI: string(st.iri), Records: st.recordsJSON, Resolution: literal[st.iri]})
	}
	if !writeGob(path, &k) {
		return
	}
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
