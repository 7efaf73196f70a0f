package graph

import (
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
)

// Hop is one step of a path: two linked nodes and the relations, with
// their articles, that link them.
type Hop struct {
	From, To  *Node
	Relations []Relation
}

// hops hides the view's weights, so that gonum's Dijkstra counts hops.
type hops struct{ v *View }

func (h hops) From(id int64) gg.Nodes      { return h.v.From(id) }
func (h hops) Edge(uid, vid int64) gg.Edge { return h.v.Edge(uid, vid) }

// Path returns a shortest path, in hops, from a to b through roles,
// events and places, and false when they are not connected.
func (v *View) Path(a, b *Node) ([]Hop, bool) {
	shortest := path.DijkstraFrom(a, hops{v})
	nodes, _ := shortest.To(b.ID())
	if len(nodes) == 0 {
		return nil, false
	}
	out := make([]Hop, 0, len(nodes)-1)
	for i := 1; i < len(nodes); i++ {
		x, y := nodes[i-1].ID(), nodes[i].ID()
		e := v.edges[v.find(x, y)]
		out = append(out, Hop{From: &v.nodes[x], To: &v.nodes[y], Relations: e.Relations})
	}
	return out, true
}
