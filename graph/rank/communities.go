package rank

import (
	"math/rand/v2"
	"sort"

	"github.com/kg-news/kg/graph"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// Communities groups the nodes of v by Louvain modularization at
// resolution 1 (see louvain), weighting edges by their supporting
// articles. Each country is a group of its own: a country node links
// everyone who serves it, and such a hub would pull actors into national
// groups rather than the groups their encounters make. Each group lists
// node IDs in increasing order; groups come largest first.
// src drives Louvain's random node order; nil uses a fixed seed, so the
// same graph gets the same groups.
func Communities(v *graph.View, src rand.Source) [][]int64 {
	if v.Len() == 0 {
		return nil
	}
	if src == nil {
		src = rand.NewPCG(1, 2)
	}
	// Louvain runs on the non-country nodes, renumbered densely.
	dense := make([]int32, v.Len())
	var ids []int64
	for id := range int64(v.Len()) {
		dense[id] = -1
		if v.At(id).Type != graph.CountryNode {
			dense[id] = int32(len(ids))
			ids = append(ids, id)
		}
	}
	var edges []weightedEdge
	for _, e := range v.Edges() {
		f, t := dense[e.From().ID()], dense[e.To().ID()]
		if f >= 0 && t >= 0 {
			edges = append(edges, weightedEdge{f, t, e.Weight()})
		}
	}
	member := louvain(newAdjacency(len(ids), edges), 1, rand.New(src))
	out := make([][]int64, 0, len(ids))
	for i, c := range member {
		if int(c) == len(out) {
			out = append(out, nil)
		}
		out[c] = append(out[c], ids[i])
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
