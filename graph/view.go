package graph

import (
	"slices"
	"sort"

	"github.com/cayleygraph/quad"
	gg "gonum.org/v1/gonum/graph"
)

// NodeType is the kind of entity a view node stands for.
type NodeType string

// Node types of a View.
const (
	PersonNode       NodeType = "person"
	OrganizationNode NodeType = "organization"
	CountryNode      NodeType = "country"
	PlaceNode        NodeType = "place"
	EventNode        NodeType = "event"
)

// Node is an entity of the view. Its ID is its index in the view.
type Node struct {
	id       int64
	IRI      quad.IRI
	Type     NodeType
	Name     string
	Names    []string // every name the articles use, sorted
	Date     string   // events: startDate at its precision
	Status   string   // events: happened, planned or proposed
	Kind     string   // events: meeting, summit, call or visit
	Articles int      // articles that mention it
}

// ID returns the node's gonum ID.
func (n *Node) ID() int64 { return n.id }

// Relation is one kind of link between two nodes and the articles that
// support it.
type Relation struct {
	Kind     string     // attended, located in, role, posted to, in country
	Label    string     // the role title for role relations
	Fact     quad.IRI   // the event or role node stating it, if any
	Subject  quad.IRI   // the node the relation reads from: event, person or place
	Articles []quad.IRI // sorted
}

// Edge links two view nodes; it may carry several relations (a person
// who is president of a country and was its envoy).
type Edge struct {
	F, T      *Node
	Relations []Relation
	weight    float64
}

// From returns the from node of the edge.
func (e Edge) From() gg.Node { return e.F }

// To returns the to node of the edge.
func (e Edge) To() gg.Node { return e.T }

// ReversedEdge returns the edge with its ends swapped.
func (e Edge) ReversedEdge() gg.Edge { e.F, e.T = e.T, e.F; return e }

// Weight is the number of distinct articles supporting the edge (at
// least 1).
func (e Edge) Weight() float64 { return e.weight }

// View is the store projected for gonum: an undirected, weighted simple
// graph over persons, organizations, countries, places and events, with
// each link also readable as two directed edges, so that it serves both
// undirected algorithms (communities, betweenness, paths) and directed
// ones (PageRank). It is immutable once built and stored compactly
// (adjacency in sorted slices), for graphs of millions of edges.
type View struct {
	nodes []Node
	index map[quad.IRI]int64
	off   []int32 // neighbours of i are nbr[off[i]:off[i+1]]
	nbr   []int32
	eidx  []int32 // edge of each neighbour entry, into edges
	edges []Edge
}

var (
	_ gg.Directed           = (*View)(nil)
	_ gg.WeightedDirected   = (*View)(nil)
	_ gg.WeightedUndirected = (*View)(nil)
)

// Link is an edge given to NewView, by node index.
type Link struct {
	From, To int
	Relation Relation
}

// NewView builds a view of nodes and links. Links between the same two
// nodes are merged into one edge; self-links are dropped.
func NewView(nodes []Node, links []Link) *View {
	v := &View{nodes: nodes, index: make(map[quad.IRI]int64, len(nodes))}
	for i := range v.nodes {
		v.nodes[i].id = int64(i)
		if v.nodes[i].IRI != "" {
			v.index[v.nodes[i].IRI] = int64(i)
		}
	}
	// Order links by their pair to merge them.
	order := make([]int, 0, len(links))
	for i, l := range links {
		if l.From != l.To {
			order = append(order, i)
		}
	}
	key := func(l Link) (int, int) { return min(l.From, l.To), max(l.From, l.To) }
	sort.Slice(order, func(a, b int) bool {
		a1, a2 := key(links[order[a]])
		b1, b2 := key(links[order[b]])
		if a1 != b1 {
			return a1 < b1
		}
		return a2 < b2
	})
	deg := make([]int32, len(nodes)+1)
	var merge relationMerger
	for i := 0; i < len(order); {
		x, y := key(links[order[i]])
		e := Edge{F: &v.nodes[x], T: &v.nodes[y]}
		for ; i < len(order); i++ {
			l := links[order[i]]
			if a, b := key(l); a != x || b != y {
				break
			}
			e.Relations = merge.add(e.Relations, l.Relation)
		}
		merge.done(e.Relations)
		e.weight = supportOf(e.Relations)
		v.edges = append(v.edges, e)
		deg[x+1]++
		deg[y+1]++
	}
	v.off = deg
	for i := 1; i < len(v.off); i++ {
		v.off[i] += v.off[i-1]
	}
	v.nbr = make([]int32, 2*len(v.edges))
	v.eidx = make([]int32, 2*len(v.edges))
	fill := slices.Clone(v.off[:len(nodes)])
	for ei, e := range v.edges {
		x, y := e.F.id, e.T.id
		v.nbr[fill[x]], v.eidx[fill[x]] = int32(y), int32(ei)
		fill[x]++
		v.nbr[fill[y]], v.eidx[fill[y]] = int32(x), int32(ei)
		fill[y]++
	}
	// Edges were added in pair order, so each neighbour list is sorted.
	return v
}

// relationMerger merges the links of one pair of nodes into relations,
// one per kind, label and fact, whose articles are gathered first and
// sorted once (done): a pair that thousands of articles link costs
// their number, not its square.
type relationMerger struct {
	index map[relationKey]int // for pairs of many relations
}

type relationKey struct {
	kind, label string
	fact        quad.IRI
}

// add merges r into rs, the relations of the pair so far.
func (m *relationMerger) add(rs []Relation, r Relation) []Relation {
	k := relationKey{r.Kind, r.Label, r.Fact}
	if len(rs) < 8 {
		for i := range rs {
			if rs[i].Kind == r.Kind && rs[i].Label == r.Label && rs[i].Fact == r.Fact {
				rs[i].Articles = append(rs[i].Articles, r.Articles...)
				return rs
			}
		}
	} else {
		if m.index == nil {
			m.index = map[relationKey]int{}
		}
		if len(m.index) == 0 {
			for i := range rs {
				m.index[relationKey{rs[i].Kind, rs[i].Label, rs[i].Fact}] = i
			}
		}
		if i, ok := m.index[k]; ok {
			rs[i].Articles = append(rs[i].Articles, r.Articles...)
			return rs
		}
		m.index[k] = len(rs)
	}
	r.Articles = slices.Clone(r.Articles)
	return append(rs, r)
}

// done sorts each relation's articles once, without repeats, and readies
// the merger for the next pair.
func (m *relationMerger) done(rs []Relation) {
	for i := range rs {
		slices.Sort(rs[i].Articles)
		rs[i].Articles = slices.Compact(rs[i].Articles)
	}
	clear(m.index)
}

func unionSorted(a, b []quad.IRI) []quad.IRI {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

func supportOf(rs []Relation) float64 {
	var all []quad.IRI
	for _, r := range rs {
		all = append(all, r.Articles...)
	}
	slices.Sort(all)
	if n := len(slices.Compact(all)); n > 0 {
		return float64(n)
	}
	return 1
}

// Len is the number of nodes.
func (v *View) Len() int { return len(v.nodes) }

// EdgeCount is the number of undirected edges.
func (v *View) EdgeCount() int { return len(v.edges) }

// NodeOf returns the node of an IRI.
func (v *View) NodeOf(iri quad.IRI) (*Node, bool) {
	id, ok := v.index[iri]
	if !ok {
		return nil, false
	}
	return &v.nodes[id], true
}

// At returns the node with an ID; it panics if there is none.
func (v *View) At(id int64) *Node { return &v.nodes[id] }

// Edges returns every undirected edge once.
func (v *View) Edges() []Edge { return v.edges }

// Neighbors returns the IDs of a node's neighbours, in increasing order.
// The slice belongs to the view.
func (v *View) Neighbors(id int64) []int32 { return v.nbr[v.off[id]:v.off[id+1]] }

// Node returns the node with the given ID, or nil.
func (v *View) Node(id int64) gg.Node {
	if id < 0 || id >= int64(len(v.nodes)) {
		return nil
	}
	return &v.nodes[id]
}

// Nodes returns all nodes.
func (v *View) Nodes() gg.Nodes {
	if len(v.nodes) == 0 {
		return gg.Empty
	}
	return &nodeIter{v: v, all: true, n: len(v.nodes), i: -1}
}

// From returns the neighbours of a node.
func (v *View) From(id int64) gg.Nodes {
	if id < 0 || id >= int64(len(v.nodes)) || v.off[id] == v.off[id+1] {
		return gg.Empty
	}
	return &nodeIter{v: v, ids: v.Neighbors(id), n: int(v.off[id+1] - v.off[id]), i: -1}
}

// To returns the neighbours of a node: every edge goes both ways.
func (v *View) To(id int64) gg.Nodes { return v.From(id) }

func (v *View) find(x, y int64) int {
	if x < 0 || y < 0 || x >= int64(len(v.nodes)) || y >= int64(len(v.nodes)) {
		return -1
	}
	ns := v.Neighbors(x)
	i, ok := slices.BinarySearch(ns, int32(y))
	if !ok {
		return -1
	}
	return int(v.eidx[int(v.off[x])+i])
}

// HasEdgeBetween reports whether x and y are linked.
func (v *View) HasEdgeBetween(x, y int64) bool { return v.find(x, y) >= 0 }

// HasEdgeFromTo reports whether u and v are linked.
func (v *View) HasEdgeFromTo(u, w int64) bool { return v.find(u, w) >= 0 }

// Edge returns the edge from u to w, or nil.
func (v *View) Edge(u, w int64) gg.Edge { return v.WeightedEdge(u, w) }

// EdgeBetween returns the edge between x and y, or nil.
func (v *View) EdgeBetween(x, y int64) gg.Edge { return v.WeightedEdge(x, y) }

// WeightedEdgeBetween returns the edge between x and y, or nil.
func (v *View) WeightedEdgeBetween(x, y int64) gg.WeightedEdge { return v.WeightedEdge(x, y) }

// WeightedEdge returns the edge from u to w, oriented that way, or nil.
func (v *View) WeightedEdge(u, w int64) gg.WeightedEdge {
	i := v.find(u, w)
	if i < 0 {
		return nil
	}
	e := v.edges[i]
	if e.F.id != u {
		e.F, e.T = e.T, e.F
	}
	return e
}

// Weight returns the weight of the edge between x and y: 0 for x == y,
// false when they are not linked.
func (v *View) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	i := v.find(x, y)
	if i < 0 {
		return 0, false
	}
	return v.edges[i].weight, true
}

// nodeIter iterates over all nodes or over a neighbour list.
type nodeIter struct {
	v   *View
	all bool
	ids []int32
	n   int
	i   int
}

func (it *nodeIter) Next() bool {
	if it.i+1 >= it.n {
		it.i = it.n
		return false
	}
	it.i++
	return true
}

func (it *nodeIter) Len() int { return max(it.n-it.i-1, 0) }

func (it *nodeIter) Reset() { it.i = -1 }

func (it *nodeIter) Node() gg.Node {
	if it.i < 0 || it.i >= it.n {
		return nil
	}
	if it.all {
		return &it.v.nodes[it.i]
	}
	return &it.v.nodes[it.ids[it.i]]
}
