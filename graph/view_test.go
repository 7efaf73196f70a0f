package graph_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/rank"
	"github.com/kg-news/kg/schema"
	gg "gonum.org/v1/gonum/graph"
)

func TestNewView(t *testing.T) {
	nodes := []graph.Node{{IRI: "kg:a", Name: "a"}, {IRI: "kg:b", Name: "b"}, {IRI: "kg:c", Name: "c"}, {IRI: "kg:d", Name: "d"}}
	links := []graph.Link{
		{From: 0, To: 1, Relation: graph.Relation{Kind: "attended", Articles: []quad.IRI{"kg:article/x"}}},
		{From: 1, To: 0, Relation: graph.Relation{Kind: "attended", Articles: []quad.IRI{"kg:article/y", "kg:article/x"}}},
		{From: 0, To: 1, Relation: graph.Relation{Kind: "role", Label: "president", Articles: []quad.IRI{"kg:article/z"}}},
		{From: 2, To: 1, Relation: graph.Relation{Kind: "located in"}},
		{From: 2, To: 2, Relation: graph.Relation{Kind: "loop"}},
	}
	v := graph.NewView(nodes, links)
	if v.Len() != 4 || v.EdgeCount() != 2 {
		t.Fatalf("view has %d nodes and %d edges, want 4 and 2", v.Len(), v.EdgeCount())
	}
	tests := []struct {
		name       string
		x, y       int64
		has        bool
		weight     float64
		relations  int
		wantFromID int64
	}{
		{"merged parallel links", 0, 1, true, 3, 2, 0},
		{"reversed", 1, 0, true, 3, 2, 1},
		{"no articles weighs 1", 1, 2, true, 1, 1, 1},
		{"self-link dropped", 2, 2, false, 0, 0, 0},
		{"isolated", 3, 0, false, 0, 0, 0},
		{"out of range", 0, 9, false, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := v.HasEdgeBetween(tt.x, tt.y); got != tt.has {
				t.Fatalf("HasEdgeBetween(%d, %d) = %v, want %v", tt.x, tt.y, got, tt.has)
			}
			if !tt.has {
				if v.Edge(tt.x, tt.y) != nil {
					t.Errorf("Edge(%d, %d) is not nil", tt.x, tt.y)
				}
				return
			}
			e := v.WeightedEdge(tt.x, tt.y)
			if e.From().ID() != tt.wantFromID || e.Weight() != tt.weight {
				t.Errorf("WeightedEdge(%d, %d) = from %d weight %g, want from %d weight %g", tt.x, tt.y, e.From().ID(), e.Weight(), tt.wantFromID, tt.weight)
			}
			if w, ok := v.Weight(tt.x, tt.y); !ok || w != tt.weight {
				t.Errorf("Weight(%d, %d) = %g, %v", tt.x, tt.y, w, ok)
			}
			if got := len(e.(graph.Edge).Relations); got != tt.relations {
				t.Errorf("%d relations, want %d", got, tt.relations)
			}
		})
	}
	if got := gg.NodesOf(v.From(1)); len(got) != 2 || got[0].ID() != 0 || got[1].ID() != 2 {
		t.Errorf("From(1) = %v, want nodes 0 and 2", got)
	}
	if v.From(3).Len() != 0 || v.Node(9) != nil || v.Nodes().Len() != 4 {
		t.Error("empty neighbourhood, missing node or node count wrong")
	}
	it := v.Nodes()
	for it.Next() {
	}
	it.Reset()
	if !it.Next() || it.Node().ID() != 0 {
		t.Error("Reset does not restart the iteration")
	}
}

// seedView ingests and resolves the seed articles and projects them.
func seedView(t *testing.T) *graph.View {
	t.Helper()
	st := openTemp(t, "memstore")
	ingestAll(t, st, seedArticles(t))
	resolveStore(t, st, nil)
	v, err := st.View(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNewViewMergesManyLinks: the links of one pair merge into one
// relation per kind, label and fact, whatever their number, with each
// relation's articles sorted and without repeats, in the order the
// relations first come.
func TestNewViewMergesManyLinks(t *testing.T) {
	nodes := []graph.Node{{IRI: "kg:a", Name: "a"}, {IRI: "kg:b", Name: "b"}}
	for _, facts := range []int{1, 3, 20} { // 20: more relations than a scan is kept for
		var links []graph.Link
		for i := 0; i < 500; i++ {
			links = append(links, graph.Link{From: i % 2, To: 1 - i%2, Relation: graph.Relation{Kind: "attended",
				Fact:     quad.IRI(fmt.Sprintf("kg:event/%02d", i%facts)),
				Articles: []quad.IRI{quad.IRI(fmt.Sprintf("kg:article/%03d", (i*7)%50))}}})
		}
		v := graph.NewView(slices.Clone(nodes), links)
		edges := v.Edges()
		if len(edges) != 1 || len(edges[0].Relations) != facts {
			t.Fatalf("%d facts: %d edges, relations %+v", facts, len(edges), edges)
		}
		seen := map[quad.IRI]bool{}
		for k, r := range edges[0].Relations {
			if want := quad.IRI(fmt.Sprintf("kg:event/%02d", k)); r.Fact != want {
				t.Errorf("%d facts: relation %d is of %s, want %s", facts, k, r.Fact, want)
			}
			if !slices.IsSorted(r.Articles) || len(slices.Compact(slices.Clone(r.Articles))) != len(r.Articles) {
				t.Errorf("%d facts: articles %v not sorted once each", facts, r.Articles)
			}
			for _, a := range r.Articles {
				seen[a] = true
			}
		}
		if len(seen) != 50 || edges[0].Weight() != 50 {
			t.Errorf("%d facts: %d articles, weight %g; want 50 and 50", facts, len(seen), edges[0].Weight())
		}
	}
}

func TestSeedCentralPersons(t *testing.T) {
	v := seedView(t)
	for _, m := range rank.Measures {
		scores, err := rank.Centrality(v, m, rank.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var first, second *graph.Node
		for id, s := range scores {
			n := v.At(int64(id))
			if n.Type != graph.PersonNode {
				continue
			}
			switch {
			case first == nil || s > scores[first.ID()]:
				first, second = n, first
			case second == nil || s > scores[second.ID()]:
				second = n
			}
		}
		got := []string{first.Name, second.Name}
		if !(got[0] == "Donald Trump" && got[1] == "Vladimir Putin" || got[0] == "Vladimir Putin" && got[1] == "Donald Trump") {
			t.Errorf("%s: two most central persons = %v, want Donald Trump and Vladimir Putin", m, got)
		}
	}
}

func TestSeedOnePersonNodePerPerson(t *testing.T) {
	v := seedView(t)
	for _, name := range []string{"Trump", "Donald Trump", "President Donald Trump", "Putin", "Russian President Vladimir Putin", "Huntsman", "Mueller"} {
		found := v.Find(name)
		if len(found) != 1 {
			t.Errorf("Find(%q) = %d nodes, want 1", name, len(found))
		}
	}
	seen := map[string]quad.IRI{}
	for id := 0; id < v.Len(); id++ {
		n := v.At(int64(id))
		if n.Type != graph.PersonNode {
			continue
		}
		for _, nm := range n.Names {
			if other, ok := seen[nm]; ok && other != n.IRI {
				t.Errorf("name %q on two persons: %v and %v", nm, other, n.IRI)
			}
			seen[nm] = n.IRI
		}
	}
}

func TestSeedTrumpPutinChain(t *testing.T) {
	v := seedView(t)
	trump, putin := v.Find("Donald Trump"), v.Find("Vladimir Putin")
	if len(trump) != 1 || len(putin) != 1 {
		t.Fatalf("Find: %d Trump and %d Putin nodes", len(trump), len(putin))
	}
	pair := v.Events(graph.EventFilter{Person: trump[0], With: putin[0]})
	var meetings []string
	for _, e := range pair {
		if e.Node.Kind == "call" {
			continue
		}
		place := ""
		if e.Place != nil {
			place = e.Place.Name
		}
		meetings = append(meetings, place+" "+e.Node.Date+" "+e.Node.Status)
	}
	want := []string{"Hamburg 2017-07 happened", "Danang 2017-11-11 happened", "Helsinki  happened", "Washington  planned"}
	if strings.Join(meetings, "; ") != strings.Join(want, "; ") {
		t.Errorf("Trump-Putin meetings:\n got %q\nwant %q", meetings, want)
	}
	// All of them, calls included, form one chain.
	chains := v.Chains(v.Events(graph.EventFilter{}))
	var chain []graph.EventEntry
	for _, c := range chains {
		for _, e := range c {
			if e.Node == pair[0].Node {
				chain = c
			}
		}
	}
	in := map[*graph.Node]bool{}
	for _, e := range chain {
		in[e.Node] = true
	}
	for _, e := range pair {
		if !in[e.Node] {
			t.Errorf("%s is not in the chain of %s", e.Node.Name, pair[0].Node.Name)
		}
	}
	for i := 1; i < len(chain); i++ {
		a, b := chain[i-1].Node.Date, chain[i].Node.Date
		if a != "" && b != "" && a > b || a == "" && b != "" {
			t.Errorf("chain out of time order: %q then %q", a, b)
		}
	}
}

func TestSeedPath(t *testing.T) {
	v := seedView(t)
	from, to := v.Find("Jon Huntsman"), v.Find("Shinzo Abe")
	if len(from) != 1 || len(to) != 1 {
		t.Fatal("persons not found")
	}
	hops, ok := v.Path(from[0], to[0])
	if !ok || len(hops) == 0 {
		t.Fatal("no path from Huntsman to Abe")
	}
	if hops[0].From != from[0] || hops[len(hops)-1].To != to[0] {
		t.Errorf("path does not run from Huntsman to Abe")
	}
	for _, h := range hops {
		if !v.HasEdgeBetween(h.From.ID(), h.To.ID()) || len(h.Relations) == 0 {
			t.Errorf("hop %s - %s is not an edge with relations", h.From.Name, h.To.Name)
		}
		for _, r := range h.Relations {
			if r.Kind != "in country" && len(r.Articles) == 0 {
				t.Errorf("hop %s - %s (%s) has no supporting article", h.From.Name, h.To.Name, r.Kind)
			}
		}
	}
}

// TestSeedOrganizationEdges: organizations are part of the graph. The
// Kremlin is tied to its spokesman and to the country it serves, a paper
// cited as a source to the events it is cited for, and every state body
// to its country.
func TestSeedOrganizationEdges(t *testing.T) {
	v := seedView(t)
	kremlin, ok := v.NodeOf(schema.OrganizationIRI("Kremlin"))
	if !ok {
		t.Fatal("no Kremlin node")
	}
	got := map[string]string{}
	for _, n := range v.Neighbors(kremlin.ID()) {
		w := v.WeightedEdge(kremlin.ID(), int64(n)).(graph.Edge)
		for _, r := range w.Relations {
			got[r.Kind] = v.At(int64(n)).Name
		}
	}
	if got["affiliated with"] != "Dmitry Peskov" || got["serves"] != "Russia" {
		t.Errorf("Kremlin's edges %v, want affiliated with Dmitry Peskov and serves Russia", got)
	}
	// The Wall Street Journal, cited as a source by two seed articles, is
	// a source of the events they report.
	wsj, ok := v.NodeOf(schema.OrganizationIRI("The Wall Street Journal"))
	if !ok {
		t.Fatal("no Wall Street Journal node")
	}
	sourced := 0
	for _, n := range v.Neighbors(wsj.ID()) {
		for _, r := range v.WeightedEdge(wsj.ID(), int64(n)).(graph.Edge).Relations {
			if r.Kind == "source of" {
				if v.At(int64(n)).Type != graph.EventNode || len(r.Articles) == 0 {
					t.Errorf("source of %s (%s), from articles %v: want an event backed by an article", v.At(int64(n)).Name, v.At(int64(n)).Type, r.Articles)
				}
				sourced++
			}
		}
	}
	if sourced == 0 {
		t.Error("The Wall Street Journal is the source of no event")
	}
	for _, name := range []string{"White House", "State Department", "Kremlin"} {
		n, ok := v.NodeOf(schema.OrganizationIRI(name))
		if !ok || len(v.Neighbors(n.ID())) == 0 {
			t.Errorf("%s has no edge", name)
		}
	}
}
