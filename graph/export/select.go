package export

import (
	"github.com/kg-news/kg/graph"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/traverse"
)

// Selection picks the nodes to export.
type Selection struct {
	// Around are the nodes to start from; none selects the whole view.
	Around []*graph.Node
	// Depth is how many hops from Around to include (default 1 when
	// Around is set).
	Depth int
	// Types keeps only nodes of these types; empty keeps every type.
	Types []graph.NodeType
}

// Select returns the IDs of the selected nodes, in increasing order.
// Nodes are reached through any node, whatever its type, and then kept
// when their type is selected.
func Select(v *graph.View, s Selection) []int64 {
	keepType := func(n *graph.Node) bool {
		if len(s.Types) == 0 {
			return true
		}
		for _, t := range s.Types {
			if n.Type == t {
				return true
			}
		}
		return false
	}
	in := make([]bool, v.Len())
	if len(s.Around) == 0 {
		for id := range in {
			in[id] = true
		}
	} else {
		depth := s.Depth
		if depth <= 0 {
			depth = 1
		}
		for _, start := range s.Around {
			bf := traverse.BreadthFirst{}
			bf.Walk(v, start, func(n gg.Node, d int) bool {
				if d > depth {
					return true
				}
				in[n.ID()] = true
				return false
			})
		}
	}
	var out []int64
	for id, ok := range in {
		if ok && keepType(v.At(int64(id))) {
			out = append(out, int64(id))
		}
	}
	return out
}
