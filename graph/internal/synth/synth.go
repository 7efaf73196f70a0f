// Package synth generates news-like graphs for benchmarks: events with
// two to four participants drawn from a heavy-tailed population of
// persons (a few leaders meet often) and one place each.
package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/kg-news/kg/graph"
)

// Graph is a synthetic graph as an edge list over node indexes: persons
// first, then places, then events.
type Graph struct {
	Persons, Places, Events int
	Edges                   [][2]int
}

// Nodes is the number of nodes.
func (g *Graph) Nodes() int { return g.Persons + g.Places + g.Events }

// New generates events with their persons and places; the seed makes it
// reproducible.
func New(events int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 7))
	g := &Graph{Persons: max(events/5, 10), Places: max(events/50, 5), Events: events}
	persons := rand.NewZipf(rng, 1.2, 1, uint64(g.Persons-1))
	places := rand.NewZipf(rng, 1.1, 1, uint64(g.Places-1))
	g.Edges = make([][2]int, 0, events*4)
	for e := 0; e < events; e++ {
		ev := g.Persons + g.Places + e
		k := 2 + rng.IntN(3)
		seen := map[int]bool{}
		for len(seen) < k {
			p := int(persons.Uint64())
			if !seen[p] {
				seen[p] = true
				g.Edges = append(g.Edges, [2]int{ev, p})
			}
		}
		g.Edges = append(g.Edges, [2]int{ev, g.Persons + int(places.Uint64())})
	}
	return g
}

// View builds the graph's view.
func (g *Graph) View() *graph.View {
	nodes := make([]graph.Node, g.Nodes())
	for i := range nodes {
		switch {
		case i < g.Persons:
			nodes[i] = graph.Node{Type: graph.PersonNode, Name: "person " + strconv.Itoa(i)}
		case i < g.Persons+g.Places:
			nodes[i] = graph.Node{Type: graph.PlaceNode, Name: "place " + strconv.Itoa(i)}
		default:
			nodes[i] = graph.Node{Type: graph.EventNode, Name: "event " + strconv.Itoa(i)}
		}
	}
	links := make([]graph.Link, len(g.Edges))
	for i, e := range g.Edges {
		links[i] = graph.Link{From: e[0], To: e[1]}
	}
	return graph.NewView(nodes, links)
}

// BarabasiAlbert generates a preferential-attachment graph of n persons:
// it starts from a star of m+1 nodes, and each later node links to m
// distinct earlier nodes drawn with probability proportional to their
// degree. The seed makes it reproducible.
func BarabasiAlbert(n, m int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 11))
	g := &Graph{Persons: n}
	var ends []int // every edge end once: a draw from it is by degree
	for i := 1; i <= m && i < n; i++ {
		g.Edges = append(g.Edges, [2]int{0, i})
		ends = append(ends, 0, i)
	}
	targets := make([]int, 0, m)
	for v := m + 1; v < n; v++ {
		targets = targets[:0]
		for len(targets) < m {
			if t := ends[rng.IntN(len(ends))]; !slices.Contains(targets, t) {
				targets = append(targets, t)
			}
		}
		slices.Sort(targets)
		for _, t := range targets {
			g.Edges = append(g.Edges, [2]int{v, t})
			ends = append(ends, v, t)
		}
	}
	return g
}
