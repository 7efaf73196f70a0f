package graph

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/gazetteer"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// EventEntry is an event of a timeline.
type EventEntry struct {
	Node         *Node
	Place        *Node // or nil
	Participants []*Node
	Articles     []quad.IRI
}

// EventFilter selects events; empty fields select all.
type EventFilter struct {
	Person, With *Node  // participants the event must have
	Place        *Node  // where it must be: that place, or a place in that country
	From, To     string // ISO dates, compared at the precision of the shorter
}

// Find returns the nodes a name designates: the node with that IRI, or
// the nodes one of whose names is the name (ignoring case and accents),
// or failing those the persons whose last or first name it is.
func (v *View) Find(name string) []*Node {
	if n, ok := v.NodeOf(quad.IRI(strings.Trim(name, "<>"))); ok {
		return []*Node{n}
	}
	want := gazetteer.Fold(name)
	var exact, partial []*Node
	for i := range v.nodes {
		n := &v.nodes[i]
		for _, nm := range n.Names {
			f := gazetteer.Fold(nm)
			if f == want {
				exact = append(exact, n)
				break
			}
			if n.Type == PersonNode {
				words := strings.Fields(nm)
				if len(words) > 1 && (gazetteer.Fold(words[len(words)-1]) == want || gazetteer.Fold(words[0]) == want) {
					partial = append(partial, n)
					break
				}
			}
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return partial
}

// entry describes an event node.
func (v *View) entry(n *Node) EventEntry {
	e := EventEntry{Node: n}
	for _, id := range v.Neighbors(n.id) {
		m := &v.nodes[id]
		ed := v.edges[v.find(n.id, int64(id))]
		for _, r := range ed.Relations {
			e.Articles = unionSorted(e.Articles, r.Articles)
			switch r.Kind {
			case "attended":
				e.Participants = append(e.Participants, m)
			case "located in":
				e.Place = m
			}
		}
	}
	sort.Slice(e.Participants, func(i, j int) bool { return e.Participants[i].Name < e.Participants[j].Name })
	return e
}

// PlaceOf returns where an event was held, or nil.
func (v *View) PlaceOf(event *Node) *Node { return v.entry(event).Place }

// within reports whether place is area itself or lies in it (a city in
// its country).
func (v *View) within(place, area *Node) bool {
	if place == nil {
		return false
	}
	if place == area {
		return true
	}
	for _, id := range v.Neighbors(place.id) {
		if &v.nodes[id] != area {
			continue
		}
		for _, r := range v.edges[v.find(place.id, int64(id))].Relations {
			if r.Kind == "in country" {
				return true
			}
		}
	}
	return false
}

func (e EventEntry) has(p *Node) bool {
	for _, q := range e.Participants {
		if q == p {
			return true
		}
	}
	return false
}

// dateBefore compares two ISO dates at the precision of the shorter.
func dateBefore(a, b string) bool {
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

// Events returns the events that pass a filter, in time order: by date,
// undated events last.
func (v *View) Events(f EventFilter) []EventEntry {
	var out []EventEntry
	for i := range v.nodes {
		n := &v.nodes[i]
		if n.Type != EventNode {
			continue
		}
		if (f.From != "" || f.To != "") && n.Date == "" {
			continue
		}
		if f.From != "" && dateBefore(n.Date, f.From) || f.To != "" && dateBefore(f.To, n.Date) {
			continue
		}
		e := v.entry(n)
		if f.Person != nil && !e.has(f.Person) || f.With != nil && !e.has(f.With) {
			continue
		}
		if f.Place != nil && !v.within(e.Place, f.Place) {
			continue
		}
		out = append(out, e)
	}
	sortByTime(out)
	return out
}

func sortByTime(es []EventEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Node, es[j].Node
		if (a.Date == "") != (b.Date == "") {
			return b.Date == ""
		}
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		// Held before planned among undated events.
		if (a.Status == "happened") != (b.Status == "happened") {
			return a.Status == "happened"
		}
		return a.IRI < b.IRI
	})
}

// Chains groups events into connected components: two events are linked
// when they share at least two participants, or one participant and the
// place. Each chain reads in time order; chains of several events come
// first, longest first.
//
// The events that share a pair of participants, or a participant and
// the place, are all linked to one another, so the components are those
// of a graph that links each such group as a path rather than as every
// pair: the cost is the events' participant pairs, not the square of
// the number of events.
func (v *View) Chains(events []EventEntry) [][]EventEntry {
	g := simple.NewUndirectedGraph()
	for i := range events {
		g.AddNode(simple.Node(i))
	}
	type key struct {
		a, b  *Node
		place bool // b is the place
	}
	last := map[key]int{}
	join := func(k key, i int) {
		if j, ok := last[k]; ok && j != i {
			g.SetEdge(simple.Edge{F: simple.Node(j), T: simple.Node(i)})
		}
		last[k] = i
	}
	for i, e := range events {
		for x, p := range e.Participants {
			if e.Place != nil {
				join(key{p, e.Place, true}, i)
			}
			for _, q := range e.Participants[x+1:] {
				if p == q {
					continue
				}
				a, b := p, q
				if b.id < a.id {
					a, b = b, a
				}
				join(key{a, b, false}, i)
			}
		}
	}
	var out [][]EventEntry
	for _, comp := range topo.ConnectedComponents(g) {
		chain := make([]EventEntry, 0, len(comp))
		for _, n := range comp {
			chain = append(chain, events[n.ID()])
		}
		sortByTime(chain)
		out = append(out, chain)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0].Node.IRI < out[j][0].Node.IRI
	})
	return out
}
