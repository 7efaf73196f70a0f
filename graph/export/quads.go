package export

import (
	"context"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/jsonld" // registers the jsonld format
	_ "github.com/cayleygraph/quad/nquads" // registers the nquads format
)

// Quads writes every quad of a store, labels included, in a Cayley quad
// format: "nquads" (what cayley load reads) or "jsonld".
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
		if err := qw.WriteQuad(qs.Quad(it.Result())); err != nil {
			return n, fmt.Errorf("export: %s: %w", format, err)
		}
		n++
	}
	if err := it.Err(); err != nil {
		return n, err
	}
	return n, qw.Close()
}
