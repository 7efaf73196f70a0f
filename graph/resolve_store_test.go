package graph_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
)

// surnamesOnly is an article that names Trump and Putin by surname only.
const surnamesOnly = "Trump and Putin meet again\n\nJuly 20, 2018\n\nPresident Trump met President Putin in Helsinki on Monday, and the two leaders talked for two hours.\n"

func resolveStore(t *testing.T, st *graph.Store, al *resolve.Aliases) resolve.Result {
	t.Helper()
	res, err := st.Resolve(context.Background(), resolve.Options{Aliases: al, GivenName: gazetteer.Default().FirstName})
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	return res
}

// nodesOfType lists the nodes of a type.
func nodesOfType(t *testing.T, st *graph.Store, typ quad.IRI) []string {
	t.Helper()
	var out []string
	err := path.StartPath(st.QuadStore()).Has(schema.Type, typ).Unique().Iterate(context.Background()).EachValue(st.QuadStore(), func(v quad.Value) {
		out = append(out, strings.Trim(quad.ToString(v), "<>"))
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestResolveAcrossArticles(t *testing.T) {
	p := extract.New()
	extra := articleOf(t, p, "surnames.txt", []byte(surnamesOnly))
	seeds := seedArticles(t)

	// In either order, the store ends up the same.
	var stores [][]string
	for _, order := range [][]extract.Article{append([]extract.Article{extra}, seeds...), append(slices.Clone(seeds), extra)} {
		st := openTemp(t, "memstore")
		ingestAll(t, st, order)
		res := resolveStore(t, st, nil)
		if res.Merged["persons"] == 0 || res.Merged["events"] == 0 {
			t.Errorf("merged %v, want persons and events merged", res.Merged)
		}
		persons := nodesOfType(t, st, schema.TypePerson)
		for _, p := range persons {
			if p == "kg:person/trump" || p == "kg:person/putin" {
				t.Errorf("person %s left apart from the full name", p)
			}
		}
		// The surnames-only article's Helsinki meeting is the seeds' Helsinki summit.
		helsinki := 0
		for _, e := range nodesOfType(t, st, schema.TypeEvent) {
			if strings.Contains(e, "fi-helsinki") {
				helsinki++
			}
		}
		if helsinki != 1 {
			t.Errorf("%d Helsinki events, want 1: %v", helsinki, nodesOfType(t, st, schema.TypeEvent))
		}
		before := allQuads(t, st)
		// Resolving again changes nothing.
		if res := resolveStore(t, st, nil); res.Rewritten != 0 {
			t.Errorf("second Resolve rewrote %d articles", res.Rewritten)
		}
		if after := allQuads(t, st); !reflect.DeepEqual(before, after) {
			t.Errorf("second Resolve changed the store: %d quads, then %d", len(before), len(after))
		}
		stores = append(stores, before)
	}
	if !reflect.DeepEqual(stores[0], stores[1]) {
		t.Errorf("ingest order changes the store: %d and %d quads", len(stores[0]), len(stores[1]))
	}
}

func TestResolveRespectsAliases(t *testing.T) {
	st := openTemp(t, "bolt")
	p := extract.New()
	ingestAll(t, st, append(seedArticles(t), articleOf(t, p, "surnames.txt", []byte(surnamesOnly))))
	resolveStore(t, st, nil)
	has := func(iri string) bool { return slices.Contains(nodesOfType(t, st, schema.TypePerson), iri) }
	if has("kg:person/trump") {
		t.Fatal("Trump not merged")
	}
	forbid, err := resolve.ParseAliases(strings.NewReader("Trump != Donald Trump\n"), "kg.aliases")
	if err != nil {
		t.Fatal(err)
	}
	resolveStore(t, st, forbid)
	if !has("kg:person/trump") || !has("kg:person/donald-trump") {
		t.Errorf("forbidden merge kept: %v", nodesOfType(t, st, schema.TypePerson))
	}
	pin, _ := resolve.ParseAliases(strings.NewReader("Vladimir Putin = Vladimir Vladimirovich Putin\n"), "kg.aliases")
	resolveStore(t, st, pin)
	if has("kg:person/trump") || has("kg:person/putin") || !has("kg:person/vladimir-vladimirovich-putin") || has("kg:person/vladimir-putin") {
		t.Errorf("pin not applied: %v", nodesOfType(t, st, schema.TypePerson))
	}
	// Every node keeps, per article, the rule that made it.
	n, err := path.StartPath(st.QuadStore(), quad.IRI("kg:person/vladimir-vladimirovich-putin")).Out(schema.ResolvedBy).Iterate(context.Background()).Count()
	if err != nil || n == 0 {
		t.Errorf("no kg:resolvedBy on the pinned node (%v)", err)
	}
}
