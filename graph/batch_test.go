package graph_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
)

// TestBatchMatchesIngest writes the seeds through one batch, with a
// changed article, a repeated one and a bad one among them, and requires
// the outcomes and the store, quad for quad, that one Ingest per article
// gives.
func TestBatchMatchesIngest(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	changed := arts[1]
	changed.Quads = changed.Quads[:len(changed.Quads)/2]
	changed.Hash = "changed"
	bad := arts[2]
	bad.Quads = append(bad.Quads[:len(bad.Quads):len(bad.Quads)], quad.Quad{Subject: quad.IRI("kg:x"), Predicate: quad.IRI("kg:y"), Object: quad.String("z"), Label: quad.IRI("kg:article/other")})
	// arts[1] is stored, then replaced by its changed version, then
	// given again unchanged; the bad article is refused.
	inputs := []extract.Article{arts[0], arts[1], arts[3], changed, bad, changed, arts[4], arts[2]}
	for _, backend := range []string{"memstore", "bolt"} {
		t.Run(backend, func(t *testing.T) {
			one, batched := openTemp(t, backend), openTemp(t, backend)
			var want, got []string
			for _, a := range inputs {
				res, err := one.Ingest(ctx, a)
				want = append(want, outcome(res, err))
			}
			b, err := batched.NewBatch(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range inputs {
				res, err := b.Add(ctx, a)
				got = append(got, outcome(res, err))
			}
			if err := b.Close(ctx); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("outcomes: batch %v, one by one %v", got, want)
			}
			if w, g := allQuads(t, one), allQuads(t, batched); len(w) == 0 || !reflect.DeepEqual(w, g) {
				t.Errorf("stores differ: one by one %d quads, batch %d", len(w), len(g))
			}
		})
	}
}

func outcome(res graph.IngestResult, err error) string {
	switch {
	case errors.Is(err, graph.ErrInvalidQuad):
		return "invalid"
	case err != nil:
		return err.Error()
	}
	return res.Outcome.String()
}
