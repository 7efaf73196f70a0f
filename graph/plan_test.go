package graph_test

import (
	"context"
	"github.com/kg-news/kg/internal/seedtest"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
)

// TestPlannedIngestMatches: articles written as a resolution plan
// resolves them leave, once resolved, the store that writing them as
// extracted does; with a plan of every article the resolution rewrites
// none, and with a plan of some (whose outcome the later articles may
// change) it rewrites at least the unplanned ones.
func TestPlannedIngestMatches(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	build := func(planned []extract.Article) (*graph.Store, resolve.Result) {
		var plan *graph.ResolutionPlan
		st, err := graph.Open(ctx, "bolt", filepath.Join(t.TempDir(), "kg.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		b, err := st.NewBatch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if planned != nil {
			plan = planOf(t, st, planned)
			if plan.Len() != len(planned) {
				t.Fatalf("plan of %d articles, want %d", plan.Len(), len(planned))
			}
			b.UsePlan(plan)
		}
		addAndClose(t, b, arts)
		if plan != nil && plan.Len() != 0 {
			t.Errorf("the plan still holds %d written articles", plan.Len())
		}
		res, err := st.Resolve(ctx, resolve.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return st, res
	}
	plain, plainRes := build(nil)
	want := allQuads(t, plain)
	if plainRes.Rewritten != len(arts) {
		t.Fatalf("unplanned: %d articles rewritten, want all %d", plainRes.Rewritten, len(arts))
	}
	full, fullRes := build(arts)
	if got := allQuads(t, full); !reflect.DeepEqual(got, want) {
		t.Fatalf("planned store differs: %d quads, unplanned %d", len(got), len(want))
	}
	if fullRes.Rewritten != 0 {
		t.Errorf("with every article planned, %d rewritten", fullRes.Rewritten)
	}
	part, partRes := build(arts[:2])
	if got := allQuads(t, part); !reflect.DeepEqual(got, want) {
		t.Fatalf("partly planned store differs: %d quads, unplanned %d", len(got), len(want))
	}
	if partRes.Rewritten < len(arts)-2 {
		t.Errorf("with 2 of %d articles planned, %d rewritten", len(arts), partRes.Rewritten)
	}
	if !graph.PartsCurrentForTest(t, full) {
		t.Error("the planned ingest kept no view parts")
	}
}

// TestPlanOutcomeTaken: into a store that keeps its resolution states,
// articles written as an incremental plan resolves them are not
// rewritten, the resolution after the writes takes the plan's outcome
// instead of resolving again, and the store is the one the same writes
// unplanned leave: for new articles, a replaced article, and one whose
// persons rename those of earlier articles. A plan made for other
// records than the ones written is not taken, and the store is still
// right.
func TestPlanOutcomeTaken(t *testing.T) {
	ctx := context.Background()
	files := seedtest.Files(t)
	p := extract.New()
	arts := seedArticles(t)
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	longer := append(data, "\n\nAngela Dorothea Merkel met Emmanuel Macron in Berlin on Monday. Merkel said the talks went well.\n"...)
	replaced := articleOf(t, p, files[0], longer)
	open := func() *graph.Store {
		st, err := graph.Open(ctx, "bolt", filepath.Join(t.TempDir(), "kg.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	// write adds arts, planned from the records of plannedAs when it is
	// not nil, and resolves.
	write := func(st *graph.Store, arts, plannedAs []extract.Article) resolve.Result {
		t.Helper()
		b, err := st.NewBatch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if plannedAs != nil {
			plan := planOf(t, st, plannedAs)
			b.UsePlan(plan)
		}
		addAndClose(t, b, arts)
		res, err := st.Resolve(ctx, resolve.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	planned, plain := open(), open()
	write(planned, arts[:2], nil)
	write(plain, arts[:2], nil)
	steps := []struct {
		name      string
		arts      []extract.Article
		plannedAs []extract.Article
		taken     bool
	}{
		{"one new article", arts[2:3], arts[2:3], true},
		{"two new articles", arts[3:], arts[3:], true},
		{"a replaced article", []extract.Article{replaced}, []extract.Article{replaced}, true},
		{"planned from other records", arts[:1], []extract.Article{replaced}, false},
	}
	for _, s := range steps {
		res := write(planned, s.arts, s.plannedAs)
		plainRes := write(plain, s.arts, nil)
		if s.taken && plainRes.Rewritten-res.Rewritten != len(s.arts) {
			t.Errorf("%s: %d articles rewritten, unplanned %d: the plan should spare the %d it wrote", s.name, res.Rewritten, plainRes.Rewritten, len(s.arts))
		}
		if !s.taken && res.Rewritten != plainRes.Rewritten {
			t.Errorf("%s: %d articles rewritten, unplanned %d: a plan of other records spares none", s.name, res.Rewritten, plainRes.Rewritten)
		}
		if got, want := allQuads(t, planned), allQuads(t, plain); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: planned store differs: %d quads, unplanned %d", s.name, len(got), len(want))
		}
	}
}

// planOf plans the resolution of arts, not yet written, with st's.
func planOf(t *testing.T, st *graph.Store, arts []extract.Article) *graph.ResolutionPlan {
	t.Helper()
	recs := map[quad.IRI]string{}
	for _, a := range arts {
		recs[a.IRI] = graph.RecordsLiteral(a)
	}
	plan, err := st.PlanResolution(context.Background(), recs, resolve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// addAndClose adds arts to b and closes it.
func addAndClose(t *testing.T, b *graph.Batch, arts []extract.Article) {
	t.Helper()
	for _, a := range arts {
		if _, err := b.Add(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
}
