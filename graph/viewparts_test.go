package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
)

// TestViewPartsFollowWrites: one process per step writes into a bolt
// store (the first articles, a new article, a changed one, a removal)
// and resolves; the kept
// view parts follow each step, and the view folded from them is the
// view projected from every quad. A load, which no part can follow,
// leaves the parts behind.
func TestViewPartsFollowWrites(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	dir := filepath.Join(t.TempDir(), "kg.db")
	open := func() *graph.Store {
		st, err := graph.Open(ctx, "bolt", dir)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	st := open()
	for _, a := range arts[:2] {
		if _, err := st.Ingest(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	resolveStore(t, st, nil)
	if !graph.PartsCurrentForTest(t, st) {
		t.Fatal("the first ingest into an empty store kept no parts")
	}
	st.Close()
	steps := []struct {
		name  string
		write func(st *graph.Store)
	}{
		{"new article", func(st *graph.Store) { ingest(t, st, arts[2]) }},
		{"changed article", func(st *graph.Store) {
			changed := arts[0]
			changed.Quads = changed.Quads[:len(changed.Quads)/2]
			changed.Hash += "-changed"
			ingest(t, st, changed)
		}},
		{"two new articles", func(st *graph.Store) { ingest(t, st, arts[3]); ingest(t, st, arts[4]) }},
		{"removed article", func(st *graph.Store) {
			if _, err := st.Remove(ctx, arts[1].IRI); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, step := range steps {
		st := open()
		step.write(st)
		resolveStore(t, st, nil)
		st.Close()

		st = open()
		if !graph.PartsCurrentForTest(t, st) {
			t.Fatalf("%s: the kept parts did not follow", step.name)
		}
		os.Remove(filepath.Join(dir, graph.ViewFile))
		folded, err := st.View(ctx)
		if err != nil {
			t.Fatal(err)
		}
		projected := graph.ProjectedForTest(t, st)
		if f, p := dumpView(folded), dumpView(projected); len(p) == 0 || !reflect.DeepEqual(f, p) {
			t.Fatalf("%s: folded view (%d lines) differs from projected (%d lines)\nfolded: %v\nprojected: %v", step.name, len(f), len(p), f, p)
		}
		st.Close()
	}

	st = open()
	defer st.Close()
	if _, err := st.Load(ctx, emptyReader{}); err != nil {
		t.Fatal(err)
	}
	ingest(t, st, arts[1])
	resolveStore(t, st, nil)
	if graph.PartsCurrentForTest(t, st) {
		t.Error("the kept parts pass for current after a load")
	}
	if _, err := st.View(ctx); err != nil {
		t.Fatal(err)
	}
	if !graph.PartsCurrentForTest(t, st) {
		t.Error("a full projection did not keep the parts again")
	}
}

func ingest(t *testing.T, st *graph.Store, a extract.Article) {
	t.Helper()
	if _, err := st.Ingest(context.Background(), a); err != nil {
		t.Fatal(err)
	}
}

// dumpView writes a view's nodes and edges as sorted lines.
func dumpView(v *graph.View) []string {
	var out []string
	for i := 0; i < v.Len(); i++ {
		n := v.At(int64(i))
		out = append(out, fmt.Sprintf("node %s %s %q %q %s %s %s %d", n.IRI, n.Type, n.Name, n.Names, n.Date, n.Status, n.Kind, n.Articles))
	}
	for _, e := range v.Edges() {
		rs := make([]string, len(e.Relations))
		for i, r := range e.Relations {
			rs[i] = fmt.Sprintf("%s|%s|%s|%s|%v", r.Kind, r.Label, r.Fact, r.Subject, r.Articles)
		}
		sort.Strings(rs)
		out = append(out, fmt.Sprintf("edge %s %s %.0f %q", e.F.IRI, e.T.IRI, e.Weight(), rs))
	}
	sort.Strings(out)
	return out
}
