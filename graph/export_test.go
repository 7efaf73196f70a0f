package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// ArticleQuadsForTest exposes the walk over an article's quads to the
// external tests, as strings.
func ArticleQuadsForTest(t testing.TB, s *Store, label string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	iri := quad.IRI(strings.Trim(label, "<>"))
	if err := s.walkArticle(context.Background(), iri, func(q quad.Quad) { out[q.String()] = true }); err != nil {
		t.Fatal(err)
	}
	return out
}

// ArticlesQuadsForTest walks several articles together, their quads as
// strings by article label.
func ArticlesQuadsForTest(t testing.TB, s *Store, labels []string) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	var iris []quad.IRI
	for _, l := range labels {
		iris = append(iris, quad.IRI(strings.Trim(l, "<>")))
		out[l] = map[string]bool{}
	}
	err := s.walkArticles(context.Background(), iris, func(a quad.IRI, q quad.Quad) {
		out[a.String()][q.String()] = true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// AddQuadsForTest writes quads the way ingest does: through the
// PostgreSQL bulk path when bulk is set, else through Cayley's own
// ApplyDeltas.
func AddQuadsForTest(t testing.TB, s *Store, quads []quad.Quad, bulk bool) {
	t.Helper()
	var err error
	if bulk {
		err = pgBulkAdd(context.Background(), s.pg, quads)
	} else {
		deltas := make([]cgraph.Delta, len(quads))
		for i, q := range quads {
			deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		err = s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
	}
	if err != nil {
		t.Fatal(err)
	}
}

// KeptStatesUsableForTest reports whether the next resolution would
// start from the kept states file.
func KeptStatesUsableForTest(t testing.TB, s *Store) bool {
	t.Helper()
	kept, err := s.keptArticleStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return kept != nil
}

// PartsCurrentForTest reports whether the kept view parts are of the
// store's generation, so that the next view is folded from them.
func PartsCurrentForTest(t testing.TB, s *Store) bool {
	t.Helper()
	gen, err := s.generation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.partsAt(gen)
}

// ProjectedForTest projects the view from every quad of the store,
// whatever is kept.
func ProjectedForTest(t testing.TB, s *Store) *View {
	t.Helper()
	byArticle, err := s.allQuads(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	v, _ := project(byArticle)
	return v
}

// KeptStatesForTest returns the kept resolution states, article by
// article: records, resolution literal and the decisions it was made of.
func KeptStatesForTest(t testing.TB, s *Store) map[string][3]string {
	t.Helper()
	k := s.readKeptStates()
	if k == nil {
		t.Fatal("no kept states")
	}
	out := map[string][3]string{}
	for _, st := range k.states {
		out[string(st.iri)] = [3]string{st.recordsJSON, st.resolutions[0], fmt.Sprint(st.decided)}
	}
	return out
}

// PlansTakenForTest is how many resolutions of s took the outcome of a
// resolution plan instead of resolving.
func PlansTakenForTest(s *Store) int { return int(s.plansTaken.Load()) }

// SummariesForTest is how many resolutions of s resolved from the kept
// summary.
func SummariesForTest(s *Store) int { return int(s.summaries.Load()) }

// KeptSummaryForTest returns the kept resolution summary, bucket by
// bucket, and its merged totals; nil when the file has none of the
// states' generation.
func KeptSummaryForTest(t testing.TB, s *Store) map[string]map[string]string {
	t.Helper()
	db, err := openKept(s.statesPath(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out map[string]map[string]string
	db.View(func(tx *bolt.Tx) error {
		if g := summaryGeneration(tx); g == "" || g != keptGeneration(tx, statesBucket, statesFormat) {
			return nil
		}
		out = map[string]map[string]string{}
		for _, name := range summaryBuckets {
			m := map[string]string{}
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				m[string(k)] = string(v)
				return nil
			})
			out[string(name)] = m
		}
		out["merged"] = map[string]string{"": string(tx.Bucket(metaBucket).Get(mergedKey))}
		return nil
	})
	return out
}
