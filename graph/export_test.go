package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
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
