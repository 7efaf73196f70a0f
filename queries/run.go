package queries

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers graphql
	_ "github.com/cayleygraph/cayley/query/mql"     // registers mql
)

// ErrTimeout is returned when a query runs past its context's deadline.
var ErrTimeout = errors.New("queries: query timed out")

// Run executes a query in lang ("gizmo", "graphql" or "mql") and returns
// at most limit results (0: no limit) collated as JSON values.
func Run(ctx context.Context, qs cgraph.QuadStore, lang, text string, limit int) ([]interface{}, error) {
	if query.GetLanguage(lang) == nil {
		return nil, fmt.Errorf("queries: unknown language %q", lang)
	}
	it, err := query.Execute(ctx, qs, lang, text, query.Options{Limit: limit, Collation: query.JSON})
	if err != nil {
		return nil, wrapTimeout(ctx, err)
	}
	defer it.Close()
	out := []interface{}{}
	for it.Next(ctx) {
		out = append(out, it.Result())
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return nil, wrapTimeout(ctx, err)
	}
	if err := ctx.Err(); err != nil {
		return out, wrapTimeout(ctx, err)
	}
	return out, nil
}

func wrapTimeout(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w: %v", ErrTimeout, err)
	}
	return fmt.Errorf("queries: %w", err)
}
