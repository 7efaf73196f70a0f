package rank

import (
	"math/rand/v2"
	"sort"

	"github.com/kg-news/kg/graph"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// Communities groups the nodes of v with gonum's Louvain modularization
// at resolution 1, weighting edges by their supporting articles. Each
// country is a group of its own: a country node links everyone who serves
// it, and such a hub would pull actors into national groups rather than
// the groups their encounters make. Each group lists node IDs in
// increasing order; groups come largest first.
// src drives Louvain's random node order; nil uses a fixed seed, so the
// same graph gets the same groups.
func Communities(v *graph.View, src rand.Source) [][]int64 {
	if v.Len() == 0 {
		return nil
	}
	if src == nil {
		src = rand.NewPCG(1, 2)
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for id := range int64(v.Len()) {
		if v.At(id).Type != graph.CountryNode {
			g.AddNode(simple.Node(id))
		}
	}
	for _, e := range v.Edges() {
		f, t := e.From().ID(), e.To().ID()
		if v.At(f).Type != graph.CountryNode && v.At(t).Type != graph.CountryNode {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(f), simple.Node(t), e.Weight()))
		}
	}
	reduced := community.Modularize(g, 1, src)
	var out [][]int64
	for _, c := range reduced.Communities() {
		ids := make([]int64, len(c))
		for i, n := range c {
			ids[i] = n.ID()
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		out = append(out, ids)
	}
	for id := range int64(v.Len()) {
		if v.At(id).Type == graph.CountryNode {
			out = append(out, []int64{id})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// Modularity is the modularity Q of a grouping of v's nodes, weighted by
// supporting articles (gonum's community.Q at resolution 1).
func Modularity(v *graph.View, groups [][]int64) float64 {
	return community.Q(v, toNodes(v, groups), 1)
}

func toNodes(v *graph.View, groups [][]int64) [][]gg.Node {
	out := make([][]gg.Node, len(groups))
	for i, g := range groups {
		for _, id := range g {
			out[i] = append(out[i], v.At(id))
		}
	}
	return out
}
