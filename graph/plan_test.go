package graph_test

import (
	"context"
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
			recs := map[quad.IRI]string{}
			for _, a := range planned {
				recs[a.IRI] = graph.RecordsLiteral(a)
			}
			var err error
			plan, err = st.PlanResolution(ctx, recs, resolve.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if plan.Len() != len(planned) {
				t.Fatalf("plan of %d articles, want %d", plan.Len(), len(planned))
			}
			b.UsePlan(plan)
		}
		for _, a := range arts {
			if _, err := b.Add(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Close(ctx); err != nil {
			t.Fatal(err)
		}
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
