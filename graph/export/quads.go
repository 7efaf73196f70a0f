package export

import (
	"context"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/jsonld" // registers the jsonld format
	_ "github.com/cayleygraph/quad/nquads" // registers the nquads format
	"github.com/kg-news/kg/schema"
)

// Quads writes every quad of a store, labels included, in a Cayley quad
// format: "nquads" (what cayley load reads) or "jsonld". The store's own
// bookkeeping (labelled kg:store: its generation) stays behind: a copy
// keeps its own.
func Quads(ctx context.Context, w io.Writer, qs cgraph.QuadStore, format string) (int, error) {
	f := quad.FormatByName(format)
	if f == nil || f.Writer == nil {
		return 0, fmt.Errorf("export: unknown quad format %q", format)
	}
	qw := f.Writer(w)
	it := qs.QuadsAllIterator()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Label == schema.StoreIRI {
			continue
		}
		if err := qw.WriteQuad(q); err != nil {
			return n, fmt.Errorf("export: %s: %w", format, err)
		}
		n++
	}
	if err := it.Err(); err != nil {
		return n, err
	}
	return n, qw.Close()
}
