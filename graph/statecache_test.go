package graph_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
)

// TestKeptStatesMatchFullRead ingests the seeds one article per process
// (a new Store each time), resolving after each, into two bolt stores:
// one keeps its resolution states between processes, the other has the
// file deleted before each resolution and reads every article. The
// stores must end equal quad for quad, and the first must have used its
// kept states and, at least once, resolved again fewer records than the
// full read. A write the states cannot name by article (a load) makes
// them unusable until the next resolution.
func TestKeptStatesMatchFullRead(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	dirs := map[bool]string{true: filepath.Join(t.TempDir(), "kept.db"), false: filepath.Join(t.TempDir(), "full.db")}
	used, partial, summaries := 0, 0, 0
	again := map[bool]int{} // records resolved again, by keep
	for i, a := range arts {
		for _, keep := range []bool{true, false} {
			st, err := graph.Open(ctx, "bolt", dirs[keep])
			if err != nil {
				t.Fatal(err)
			}
			if !keep {
				os.Remove(filepath.Join(dirs[keep], graph.StatesFile))
			}
			// The article, and the one before it again, changed: a
			// replacement must be read again too.
			if _, err := st.Ingest(ctx, a); err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				prev := arts[i-1]
				prev.Quads = prev.Quads[:len(prev.Quads)-1]
				prev.Hash += "-changed"
				if _, err := st.Ingest(ctx, prev); err != nil {
					t.Fatal(err)
				}
			}
			if keep && graph.KeptStatesUsableForTest(t, st) {
				used++
			}
			if keep {
				st.PrefetchResolution() // read ahead, after the writes
			}
			before := graph.SummariesForTest(st)
			again[keep] = resolveStore(t, st, nil).Again
			if keep {
				summaries += graph.SummariesForTest(st) - before
			}
			st.Close()
		}
		if again[true] < again[false] {
			partial++
		}
	}
	if used != len(arts)-1 {
		t.Errorf("kept states used in %d of %d later resolutions", used, len(arts)-1)
	}
	if partial == 0 {
		t.Error("no resolution from the kept states resolved fewer records than a full one")
	}
	if summaries != len(arts)-1 {
		t.Errorf("%d of %d later resolutions made from the kept summary", summaries, len(arts)-1)
	}
	open := func(dir string) *graph.Store {
		st, err := graph.Open(ctx, "bolt", dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	// A removed article leaves the kept states too.
	for _, keep := range []bool{true, false} {
		st := open(dirs[keep])
		if !keep {
			os.Remove(filepath.Join(dirs[keep], graph.StatesFile))
		}
		if _, err := st.Remove(ctx, arts[0].IRI); err != nil {
			t.Fatal(err)
		}
		resolveStore(t, st, nil)
		st.Close()
	}
	kept, full := open(dirs[true]), open(dirs[false])
	if a, b := allQuads(t, kept), allQuads(t, full); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("stores differ: kept states %d quads, full reads %d", len(a), len(b))
	}
	// The kept file, updated article by article, holds what the one
	// written whole does, its summary too.
	if a, b := graph.KeptStatesForTest(t, kept), graph.KeptStatesForTest(t, full); len(a) != len(arts)-1 || !reflect.DeepEqual(a, b) {
		t.Fatalf("kept states differ: %d articles updated in place, %d written whole", len(a), len(b))
	}
	a, b := graph.KeptSummaryForTest(t, kept), graph.KeptSummaryForTest(t, full)
	if a == nil || b == nil {
		t.Fatalf("no kept summary: updated %v, written whole %v", a != nil, b != nil)
	}
	for bucket, want := range b {
		if got := a[bucket]; !reflect.DeepEqual(got, want) {
			t.Errorf("summary %s: %d entries updated in place, %d written whole", bucket, len(got), len(want))
			for k, v := range want {
				if got[k] != v {
					t.Logf("  %q: %q, want %q", k, got[k], v)
				}
			}
			for k, v := range got {
				if _, ok := want[k]; !ok {
					t.Logf("  %q: %q, want none", k, v)
				}
			}
		}
	}
	// A load is no article write the states can follow.
	if !graph.KeptStatesUsableForTest(t, kept) {
		t.Fatal("kept states unusable on a store resolved last")
	}
	if _, err := kept.Load(ctx, emptyReader{}); err != nil {
		t.Fatal(err)
	}
	if graph.KeptStatesUsableForTest(t, kept) {
		t.Error("kept states used after a load")
	}
}

// emptyReader is a quad reader with no quads.
type emptyReader struct{}

func (emptyReader) ReadQuad() (quad.Quad, error) { return quad.Quad{}, io.EOF }
func (emptyReader) Close() error                 { return nil }

// TestKeptStatesUpdatedInPlace: with many articles and one more, the
// kept file is updated in place (the same file, not a new one), and the
// store and the states end as a full read leaves them.
func TestKeptStatesUpdatedInPlace(t *testing.T) {
	ctx := context.Background()
	p := extract.New()
	var arts []extract.Article
	for i := range 13 {
		text := fmt.Sprintf("date 2024-03-%02d\n\nPrime Minister Alder%c Quill%c met President Brook%c Stone%c in Paris on Monday.\n",
			1+i, 'a'+i, 'a'+i, 'a'+i, 'a'+i)
		arts = append(arts, articleOf(t, p, fmt.Sprintf("n%02d.txt", i), []byte(text)))
	}
	dirs := map[bool]string{true: filepath.Join(t.TempDir(), "kept.db"), false: filepath.Join(t.TempDir(), "full.db")}
	for _, keep := range []bool{true, false} {
		st, err := graph.Open(ctx, "bolt", dirs[keep])
		if err != nil {
			t.Fatal(err)
		}
		ingestAll(t, st, arts[:12])
		resolveStore(t, st, nil)
		st.Close()
	}
	before, err := os.Stat(filepath.Join(dirs[true], graph.StatesFile))
	if err != nil {
		t.Fatal(err)
	}
	stores := map[bool]*graph.Store{}
	for _, keep := range []bool{true, false} {
		st, err := graph.Open(ctx, "bolt", dirs[keep])
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if !keep {
			os.Remove(filepath.Join(dirs[keep], graph.StatesFile))
		}
		ingestAll(t, st, arts[12:])
		resolveStore(t, st, nil)
		stores[keep] = st
	}
	after, err := os.Stat(filepath.Join(dirs[true], graph.StatesFile))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("one new article among 13 wrote a new states file")
	}
	if a, b := allQuads(t, stores[true]), allQuads(t, stores[false]); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("stores differ: kept states %d quads, full read %d", len(a), len(b))
	}
	if a, b := graph.KeptStatesForTest(t, stores[true]), graph.KeptStatesForTest(t, stores[false]); len(a) != 13 || !reflect.DeepEqual(a, b) {
		t.Fatalf("kept states differ: %d articles updated in place, %d written whole", len(a), len(b))
	}
}
