package graph_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/kg-news/kg/graph"
)

// TestResolutionFromWrittenQuads: resolving in the process that wrote
// the articles (which takes their quads from memory) leaves the store
// as resolving in a later process (which reads them from the store),
// through new, changed and removed articles.
func TestResolutionFromWrittenQuads(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	dirs := map[bool]string{true: filepath.Join(t.TempDir(), "same.db"), false: filepath.Join(t.TempDir(), "later.db")}
	steps := []func(st *graph.Store){
		func(st *graph.Store) { ingest(t, st, arts[0]); ingest(t, st, arts[1]); ingest(t, st, arts[2]) },
		func(st *graph.Store) {
			changed := arts[1]
			changed.Quads = changed.Quads[:len(changed.Quads)/2]
			changed.Hash += "-changed"
			ingest(t, st, changed)
			ingest(t, st, arts[3])
		},
		func(st *graph.Store) {
			if _, err := st.Remove(ctx, arts[0].IRI); err != nil {
				t.Fatal(err)
			}
			ingest(t, st, arts[4])
		},
	}
	open := func(dir string) *graph.Store {
		st, err := graph.Open(ctx, "bolt", dir)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, step := range steps {
		for _, same := range []bool{true, false} {
			st := open(dirs[same])
			if same {
				st.PrefetchResolution() // read ahead, before the writes
			}
			step(st)
			if !same {
				st.Close()
				st = open(dirs[same])
			}
			resolveStore(t, st, nil)
			st.Close()
		}
	}
	a, b := open(dirs[true]), open(dirs[false])
	defer a.Close()
	defer b.Close()
	if qa, qb := allQuads(t, a), allQuads(t, b); len(qa) == 0 || !reflect.DeepEqual(qa, qb) {
		t.Fatalf("stores differ: resolved from written quads %d quads, from the store %d", len(qa), len(qb))
	}
}
