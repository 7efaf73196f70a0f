package graph

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
	bolt "go.etcd.io/bbolt"
)

// summaryUsable opens the kept file for writing when its states and
// summary are of the store's generation base, made under signature; nil
// when they are not.
func (s *Store) summaryUsable(base, signature string) *bolt.DB {
	path := s.statesPath()
	if path == "" || !usableGeneration(base) || !s.KeepsResolutionStates() {
		return nil
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil
	}
	usable := false
	db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(metaBucket)
		usable = keptGeneration(tx, statesBucket, statesFormat) == base && m != nil &&
			string(m.Get(signatureKey)) == signature && summaryGeneration(tx) == base
		return nil
	})
	if !usable {
		db.Close()
		return nil
	}
	return db
}

// incremental runs resolve.Incremental over the kept summary: it returns
// the delta and the kept states of the articles it decides again.
func incremental(db *bolt.DB, changes []resolve.Change, opts resolve.Options) (resolve.Delta, map[quad.IRI]*articleState, bool) {
	var delta resolve.Delta
	olds := map[quad.IRI]*articleState{}
	err := db.View(func(tx *bolt.Tx) error {
		sum := &boltSummary{tx: tx}
		delta = resolve.Incremental(changes, sum, opts)
		for a := range delta.Decided {
			if st := sum.state(a); st != nil {
				olds[a] = st
			}
		}
		if sum.bad {
			return errBadState
		}
		return nil
	})
	return delta, olds, err == nil
}

// resolveBySummary resolves the articles this process changed from the
// kept summary (resolve.Incremental) when the kept file holds the
// store's generation from before the changes, decided under the same
// signature: it reads the changed articles and the articles whose
// decisions change, not every article. ok is false when it cannot; the
// caller then resolves from the kept states or the store.
func (s *Store) resolveBySummary(ctx context.Context, opts resolve.Options, written map[quad.IRI][]quad.Quad) (res resolve.Result, ok bool, err error) {
	if s.untracked.Load() {
		return res, false, nil
	}
	base := s.startGen
	if !s.wrote.Load() {
		if base, err = s.generation(ctx); err != nil {
			return res, false, err
		}
	}
	signature := resolutionSignature(opts)
	db := s.summaryUsable(base, signature)
	if db == nil {
		return res, false, nil
	}
	defer db.Close()
	s.touchMu.Lock()
	touched := make([]quad.IRI, 0, len(s.touched))
	for a := range s.touched {
		touched = append(touched, a)
	}
	s.touchMu.Unlock()
	slices.Sort(touched)
	fresh, err := s.readArticleStates(ctx, touched)
	if err != nil {
		return res, false, err
	}
	current := map[quad.IRI]*articleState{}
	for _, st := range fresh {
		if st.legacy || st.recordsJSON == "" {
			return res, false, nil // written before kg kept records: the long way
		}
		current[st.iri] = st
	}
	changes := make([]resolve.Change, 0, len(touched))
	for _, a := range touched {
		if st := current[a]; st != nil {
			changes = append(changes, resolve.Change{Article: a, Records: st.records})
		} else {
			changes = append(changes, resolve.Change{Article: a, Removed: true})
		}
	}
	delta, olds, ok := incremental(db, changes, opts)
	if !ok {
		return res, false, nil
	}
	want := map[quad.IRI]*storedResolution{}
	literal := map[quad.IRI]string{}
	var dirty []*articleState
	for _, a := range slices.Sorted(maps.Keys(delta.Decided)) {
		ds := delta.Decided[a]
		if ds == nil {
			continue // removed
		}
		st := current[a]
		if st == nil {
			if st = olds[a]; st == nil {
				return res, false, nil
			}
			current[a] = st
		}
		want[a], literal[a] = resolutionOf(ds)
		if st.legacy || st.rewriting || len(st.resolutions) != 1 || st.resolutions[0] != literal[a] {
			dirty = append(dirty, st)
		}
	}
	res.Again = delta.Again
	n, err := s.rewriteArticles(ctx, dirty, want, literal, written)
	res.Rewritten = n
	if err != nil {
		return res, true, err
	}
	res.Merged = s.keepSummary(ctx, db, delta, current, olds, literal, signature)
	s.summaries.Add(1)
	return res, true, nil
}

// keepSummary writes what a summary resolution decided into the kept
// file, at the store's current generation, and returns the merged
// totals. Failing to keep it costs only time: the file no longer matches
// the store, and the next resolution takes the long way.
func (s *Store) keepSummary(ctx context.Context, db *bolt.DB, delta resolve.Delta, current, olds map[quad.IRI]*articleState,
	literal map[quad.IRI]string, signature string) map[string]int {
	merged := map[string]int{}
	gen, err := s.generation(ctx)
	if err != nil || !usableGeneration(gen) {
		return merged
	}
	err = db.Update(func(tx *bolt.Tx) error {
		w, err := newSummaryWriter(tx, false)
		if err != nil {
			return err
		}
		states := tx.Bucket(statesBucket)
		for a, st := range olds {
			if err := w.article(a, st.records, st.decided, -1); err != nil {
				return err
			}
		}
		for a, ds := range delta.Decided {
			if ds == nil {
				if err := states.Delete([]byte(a)); err != nil {
					return err
				}
				continue
			}
			st := current[a]
			if err := w.article(a, st.records, ds, 1); err != nil {
				return err
			}
			if err := states.Put([]byte(a), encodeState(st, ds, literal[a])); err != nil {
				return err
			}
		}
		if err := w.decisions(delta); err != nil {
			return err
		}
		for k, evs := range delta.Events {
			if err := w.events(k, evs); err != nil {
				return err
			}
		}
		if err := putStatesMeta(tx, signature, gen); err != nil {
			return err
		}
		merged = w.merged
		return w.finish(gen)
	})
	if err != nil {
		return map[string]int{}
	}
	s.keptAt(ctx, gen)
	return merged
}

// planBySummary plans the resolution of articles about to be written
// from the kept summary, when the store is as the kept file holds it.
func (s *Store) planBySummary(ctx context.Context, planned map[quad.IRI]*articleState, opts resolve.Options) (*ResolutionPlan, bool, error) {
	if s.untracked.Load() || s.wrote.Load() {
		return nil, false, nil
	}
	base, err := s.generation(ctx)
	if err != nil {
		return nil, false, err
	}
	db := s.summaryUsable(base, resolutionSignature(opts))
	if db == nil {
		return nil, false, nil
	}
	defer db.Close()
	changes := make([]resolve.Change, 0, len(planned))
	for _, a := range slices.Sorted(maps.Keys(planned)) {
		changes = append(changes, resolve.Change{Article: a, Records: planned[a].records})
	}
	delta, _, ok := incremental(db, changes, opts)
	if !ok {
		return nil, false, nil
	}
	p := &ResolutionPlan{articles: make(map[quad.IRI]plannedArticle, len(planned))}
	for a, st := range planned {
		rename, literal := resolutionOf(delta.Decided[a])
		p.articles[a] = plannedArticle{records: st.recordsJSON, rename: rename, literal: literal}
	}
	return p, true, nil
}
