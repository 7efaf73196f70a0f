package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/internal/seedtest"
	"github.com/kg-news/kg/queries"
)

func seededStore(t *testing.T) *graph.Store { return seedtest.Store(t, false) }

func TestRoles(t *testing.T) {
	st := seededStore(t)
	tests := []struct {
		name, title, country, postedTo string
		minArticles                    int
	}{
		{"Vladimir Putin", "president", "Russia", "", 5},
		{"Putin", "president", "Russia", "", 5}, // by alias
		{"Jon Huntsman", "ambassador", "United States", "Russia", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roles, err := queries.Roles(context.Background(), st.QuadStore(), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range roles {
				if r.Title == tt.title && r.Country == tt.country && r.PostedTo == tt.postedTo {
					if len(r.Articles) < tt.minArticles {
						t.Fatalf("role %+v: %d articles, want at least %d", r, len(r.Articles), tt.minArticles)
					}
					return
				}
			}
			t.Fatalf("Roles(%s)=%+v, want %s of %s", tt.name, roles, tt.title, tt.country)
		})
	}
}

func TestRunErrors(t *testing.T) {
	st := seededStore(t)
	if _, err := queries.Run(context.Background(), st.QuadStore(), "sparql", "x", 0); err == nil {
		t.Error("unknown language accepted")
	}
	if _, err := queries.Run(context.Background(), st.QuadStore(), "gizmo", "g.V(.All(", 0); err == nil {
		t.Error("malformed Gizmo accepted")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := queries.Run(ctx, st.QuadStore(), "gizmo", "while(true){}", 0)
	if !errors.Is(err, queries.ErrTimeout) {
		t.Fatalf("endless Gizmo loop: err=%v, want ErrTimeout", err)
	}
}
