package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/internal/synth"
	"github.com/kg-news/kg/graph/rank"
	"github.com/kg-news/kg/schema"
)

// synthArticles turns a synthetic graph into articles of 100 events each,
// written as extraction writes them.
func synthArticles(g *synth.Graph) []extract.Article {
	name := func(i int) string {
		switch {
		case i < g.Persons:
			return fmt.Sprintf("Person %d", i)
		case i < g.Persons+g.Places:
			return fmt.Sprintf("Place %d", i)
		}
		return fmt.Sprintf("event-%d", i)
	}
	byArticle := map[int]*extract.Article{}
	var order []int
	for _, e := range g.Edges {
		ev, other := e[0], e[1]
		n := (ev - g.Persons - g.Places) / 100
		a := byArticle[n]
		if a == nil {
			id := fmt.Sprintf("synthetic-%d", n)
			a = &extract.Article{IRI: schema.ArticleIRI(id), Hash: id}
			byArticle[n] = a
			order = append(order, n)
		}
		add := func(s, p quad.IRI, o quad.Value) {
			a.Quads = append(a.Quads, quad.Quad{Subject: s, Predicate: p, Object: o, Label: a.IRI})
		}
		evIRI := quad.IRI(schema.KG + "event/" + name(ev))
		add(evIRI, schema.Type, schema.TypeEvent)
		add(evIRI, schema.Kind, quad.String("meeting"))
		var p quad.IRI
		if other < g.Persons {
			p = schema.PersonIRI(name(other))
			add(p, schema.Type, schema.TypePerson)
			add(evIRI, schema.Participant, p)
		} else {
			p = schema.PlaceIRI(name(other), "")
			add(p, schema.Type, schema.TypePlace)
			add(evIRI, schema.Location, p)
		}
		add(p, schema.Name, quad.String(name(other)))
	}
	arts := make([]extract.Article, len(order))
	for i, n := range order {
		arts[i] = *byArticle[n]
	}
	return arts
}

// BenchmarkProject100kEvents builds a memstore of 100k synthetic events
// with their persons and places, then times the projection into a view,
// PageRank and sampled betweenness.
func BenchmarkProject100kEvents(b *testing.B) {
	g := synth.New(100000, 1)
	st, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	used := map[int]bool{}
	for _, e := range g.Edges {
		used[e[0]], used[e[1]] = true, true
	}
	quads := 0
	for _, a := range synthArticles(g) {
		quads += len(a.Quads)
		if _, err := st.Ingest(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(quads), "quads")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		v, err := st.View(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if v.Len() != len(used) {
			b.Fatalf("view has %d nodes, want %d", v.Len(), len(used))
		}
		rank.Centrality(v, rank.PageRank, rank.Options{Tolerance: 1e-6})
		rank.Centrality(v, rank.Betweenness, rank.Options{ExactLimit: 1, Samples: 64})
	}
}

// BenchmarkNewViewHubPair builds a view of one pair of nodes that 20,000
// articles link by one relation, as a much-cited pair of leaders is:
// merging its links costs their number, not its square.
func BenchmarkNewViewHubPair(b *testing.B) {
	nodes := []graph.Node{{IRI: "kg:a", Name: "a"}, {IRI: "kg:b", Name: "b"}}
	var links []graph.Link
	for i := 0; i < 20000; i++ {
		links = append(links, graph.Link{From: 0, To: 1, Relation: graph.Relation{Kind: "role", Label: "president",
			Articles: []quad.IRI{quad.IRI(fmt.Sprintf("kg:article/%05d", (i*7919)%20000))}}})
	}
	b.ReportAllocs()
	for b.Loop() {
		graph.NewView(append([]graph.Node(nil), nodes...), links)
	}
}
