package graph

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// The projected view of an embedded store (bolt, leveldb, badger) is
// kept in ViewFile inside the store's directory, with the store's
// generation: a random token that every write session replaces before
// it writes anything. A view whose generation is the store's is current;
// any other is projected again. A session cut short leaves a new token
// and no view of it, so a view is never taken for current after a
// change. The file holds the view's nodes and links (gob), proportional
// to the graph rather than to the quads.

// ViewFile is the name of the kept view in an embedded store's
// directory.
const ViewFile = "kg-view.gob"

// viewFormat changes whenever the view's encoding or the projection
// does, so that a view kept by another version of kg is not read.
const viewFormat = 4

type keptView struct {
	Format     int
	Generation string
	Nodes      []Node
	Links      []Link
}

func (s *Store) viewPath() string {
	switch s.Backend {
	case "bolt", "leveldb", "badger":
		return filepath.Join(s.Address, ViewFile)
	}
	return ""
}

// Generation reads the store's generation token, which every write
// session renews: a reader that keeps something derived from the store
// (a server's view) compares it to tell whether the store changed.
func (s *Store) Generation(ctx context.Context) (string, error) {
	g, err := s.generation(ctx)
	return g, s.connError(err)
}

// generation reads the store's generation token, "" for a store written
// before kg kept one; two tokens (a replacement cut short) read as one
// that no view has.
func (s *Store) generation(ctx context.Context) (string, error) {
	var gens []string
	err := s.subjectQuads(ctx, schema.StoreIRI, func(q quad.Quad) {
		if q.Predicate == schema.Generation {
			gens = append(gens, quad.ToString(q.Object))
		}
	})
	sort.Strings(gens)
	return strings.Join(gens, "+"), err
}

// beginWrite gives the store a new generation before its first write in
// this process, so that no kept view passes for current once anything
// changed.
func (s *Store) beginWrite(ctx context.Context) error {
	if s.wrote.Load() {
		return nil
	}
	var old []quad.Quad
	if err := s.subjectQuads(ctx, schema.StoreIRI, func(q quad.Quad) {
		if q.Predicate == schema.Generation {
			old = append(old, q)
		}
	}); err != nil {
		return err
	}
	empty := false
	if len(old) == 0 {
		it := s.qs.QuadsAllIterator()
		empty = !it.Next(ctx) && it.Err() == nil
		it.Close()
	}
	s.touchMu.Lock()
	if s.myGen != "" && (len(old) != 1 || quad.ToString(old[0].Object) != s.myGen) {
		s.known, s.knownQuads = nil, 0 // another writer came between
	}
	if len(s.touched) == 0 {
		// The generation that kept states must have to serve this
		// process's next resolution.
		var gens []string
		for _, q := range old {
			gens = append(gens, quad.ToString(q.Object))
		}
		sort.Strings(gens)
		s.startGen = strings.Join(gens, "+")
		s.startEmpty = empty
	}
	s.touchMu.Unlock()
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	next := quad.Quad{Subject: schema.StoreIRI, Predicate: schema.Generation, Object: quad.String(hex.EncodeToString(b[:])), Label: schema.StoreIRI}
	ignore := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	// Added, then the old removed: Cayley's key-value stores lose
	// additions that share a batch with deletions.
	if err := s.apply([]cgraph.Delta{{Quad: next, Action: cgraph.Add}}, ignore); err != nil {
		return err
	}
	if len(old) > 0 {
		dels := make([]cgraph.Delta, len(old))
		for i, q := range old {
			dels[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
		}
		if err := s.apply(dels, ignore); err != nil {
			return err
		}
	}
	s.touchMu.Lock()
	s.myGen = quad.ToString(next.Object)
	s.touchMu.Unlock()
	s.wrote.Store(true)
	return nil
}

// cachedView reads the kept view when it is of the store's current
// generation gen.
func (s *Store) cachedView(gen string) (*View, bool) {
	path := s.viewPath()
	if path == "" || gen == "" || strings.Contains(gen, "+") {
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var k keptView
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil || k.Format != viewFormat || k.Generation != gen {
		return nil, false
	}
	return NewView(k.Nodes, k.Links), true
}

// saveView keeps a view projected at a generation; failing to keep it
// costs only time, so errors are dropped.
func (s *Store) saveView(v *View, gen string) {
	path := s.viewPath()
	if path == "" || gen == "" || strings.Contains(gen, "+") {
		return
	}
	k := keptView{Format: viewFormat, Generation: gen, Nodes: make([]Node, len(v.nodes))}
	copy(k.Nodes, v.nodes)
	for _, e := range v.edges {
		for _, r := range e.Relations {
			k.Links = append(k.Links, Link{From: int(e.F.id), To: int(e.T.id), Relation: r})
		}
	}
	if !writeGob(path, &k) {
		return
	}
	// A later write in this process must not leave the kept view current.
	s.wrote.Store(false)
}

// writeGob writes v to path through a temporary file renamed over it, so
// that a reader finds the old file or the new one, never half of one. It
// reports whether the file was written.
func writeGob(path string, v any) bool {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return false
	}
	w := bufio.NewWriter(tmp)
	if err := gob.NewEncoder(w).Encode(v); err != nil || w.Flush() != nil || tmp.Close() != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return false
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}
