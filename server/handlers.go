package server

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/export"
	"github.com/kg-news/kg/graph/rank"
	"github.com/kg-news/kg/queries"
)

// Match is a search result.
type Match struct {
	Name     string `json:"name"`
	Node     string `json:"node"`
	Type     string `json:"type"`
	Articles int    `json:"articles"`
}

// search finds persons, organizations and places whose names contain q.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := gazetteer.Fold(r.URL.Query().Get("q"))
	if q == "" {
		fail(w, fmt.Errorf("%w: give q, the text to search", errBadRequest))
		return
	}
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	out := []Match{}
	for id := 0; id < v.Len(); id++ {
		n := v.At(int64(id))
		if n.Type == graph.EventNode {
			continue
		}
		for _, nm := range n.Names {
			if strings.Contains(gazetteer.Fold(nm), q) {
				out = append(out, Match{Name: n.Name, Node: string(n.IRI), Type: string(n.Type), Articles: n.Articles})
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Type == "person") != (out[j].Type == "person") {
			return out[i].Type == "person"
		}
		if out[i].Articles != out[j].Articles {
			return out[i].Articles > out[j].Articles
		}
		return out[i].Name < out[j].Name
	})
	writeJSON(w, out[:min(len(out), 20)])
}

// Entity is everything the web page shows of one node.
type Entity struct {
	Name         string               `json:"name"`
	Node         string               `json:"node"`
	Type         string               `json:"type"`
	Names        []string             `json:"names"`
	Roles        []queries.RoleFact   `json:"roles"`
	Members      []string             `json:"members,omitempty"` // an organization's people
	Events       []EventWithQuotes    `json:"events"`
	Sources      []string             `json:"sources"`
	Explanation  *queries.Explanation `json:"explanation,omitempty"`
	Neighborhood Neighborhood         `json:"neighborhood"`
}

// EventWithQuotes is a timeline event with the sentences behind it.
type EventWithQuotes struct {
	queries.EventItem
	Quotes []queries.Quote `json:"quotes"`
}

// Neighborhood is a small graph to draw.
type Neighborhood struct {
	Nodes []NeighborNode `json:"nodes"`
	Edges []NeighborEdge `json:"edges"`
}

// NeighborNode is a node of a Neighborhood.
type NeighborNode struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Node string `json:"node"`
	// An event's kind, date and place, which tell apart the events of
	// one pair.
	Kind  string `json:"kind,omitempty"`
	Date  string `json:"date,omitempty"`
	Place string `json:"place,omitempty"`
}

// NeighborEdge is an edge of a Neighborhood.
type NeighborEdge struct {
	From     int64   `json:"from"`
	To       int64   `json:"to"`
	Relation string  `json:"relation"`
	Weight   float64 `json:"weight"`
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		fail(w, fmt.Errorf("%w: give name", errBadRequest))
		return
	}
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	n, err := queries.Lookup(v, name)
	if err != nil {
		fail(w, err)
		return
	}
	ctx := r.Context()
	qs := s.st.QuadStore()
	e := Entity{Name: n.Name, Node: string(n.IRI), Type: string(n.Type), Names: n.Names, Roles: []queries.RoleFact{}, Events: []EventWithQuotes{}}
	// A person's events are those they took part in, a place's those
	// held there (in a country, in its cities too); an organization
	// lists its people.
	var eq queries.EventQuery
	switch n.Type {
	case graph.PersonNode:
		if e.Roles, err = queries.RolesOf(ctx, qs, n.IRI); err != nil {
			fail(w, err)
			return
		}
		eq.Person = string(n.IRI)
	case graph.PlaceNode, graph.CountryNode:
		eq.Place = string(n.IRI)
	case graph.OrganizationNode:
		e.Members = members(v, n)
	}
	if eq != (queries.EventQuery{}) {
		items, err := queries.Timeline(v, eq)
		if err != nil {
			fail(w, err)
			return
		}
		for _, it := range items {
			quotes, err := queries.Evidence(ctx, qs, quad.IRI(it.Node), "")
			if err != nil {
				fail(w, err)
				return
			}
			e.Events = append(e.Events, EventWithQuotes{EventItem: it, Quotes: quotes})
		}
	}
	if ex, err := queries.Explain(ctx, qs, string(n.IRI)); err == nil && len(ex) == 1 {
		e.Explanation = &ex[0]
		e.Sources = ex[0].Articles
	}
	ids := export.Select(v, export.Selection{Around: []*graph.Node{n}, Depth: 1})
	e.Neighborhood = neighborhood(v, ids)
	writeJSON(w, e)
}

// members are the persons affiliated with an organization, by name.
func members(v *graph.View, org *graph.Node) []string {
	var out []string
	for _, id := range v.Neighbors(org.ID()) {
		ed := v.WeightedEdge(org.ID(), int64(id)).(graph.Edge)
		for _, r := range ed.Relations {
			if r.Kind == "affiliated with" && v.At(int64(id)).Type == graph.PersonNode {
				out = append(out, v.At(int64(id)).Name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func neighborhood(v *graph.View, ids []int64) Neighborhood {
	nb := Neighborhood{Nodes: []NeighborNode{}, Edges: []NeighborEdge{}}
	in := map[int64]bool{}
	for _, id := range ids {
		in[id] = true
		n := v.At(id)
		nn := NeighborNode{ID: id, Name: n.Name, Type: string(n.Type), Node: string(n.IRI)}
		if n.Type == graph.EventNode {
			nn.Kind, nn.Date = n.Kind, n.Date
			if p := v.PlaceOf(n); p != nil {
				nn.Place = p.Name
			}
		}
		nb.Nodes = append(nb.Nodes, nn)
	}
	for _, e := range v.Edges() {
		if in[e.F.ID()] && in[e.T.ID()] {
			rel := e.Relations[0].Kind
			if l := e.Relations[0].Label; l != "" {
				rel = l
			}
			nb.Edges = append(nb.Edges, NeighborEdge{From: e.F.ID(), To: e.T.ID(), Relation: rel, Weight: e.Weight()})
		}
	}
	return nb
}

func (s *Server) central(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	by := q.Get("by")
	if by == "" {
		by = string(rank.PageRank)
	}
	typ := q.Get("type")
	if typ == "" {
		typ = "person"
	}
	top := 10
	if t := q.Get("top"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			fail(w, fmt.Errorf("%w: top %q is not a count", errBadRequest, t))
			return
		}
		top = n
	}
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	actors, err := queries.Central(v, rank.Measure(by), typ, top)
	if err != nil {
		fail(w, fmt.Errorf("%w: %v", errBadRequest, err))
		return
	}
	writeJSON(w, actors)
}

func (s *Server) communities(w http.ResponseWriter, r *http.Request) {
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, queries.Communities(v))
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	eq := queries.EventQuery{Person: q.Get("person"), With: q.Get("with"), Place: q.Get("place"), From: q.Get("from"), To: q.Get("to")}
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	if q.Get("connected") != "" {
		chains, err := queries.Chains(v, eq)
		if err != nil {
			fail(w, err)
			return
		}
		writeJSON(w, chains)
		return
	}
	items, err := queries.Timeline(v, eq)
	if err != nil {
		fail(w, err)
		return
	}
	if items == nil {
		items = []queries.EventItem{}
	}
	writeJSON(w, items)
}

func (s *Server) path(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("from") == "" || q.Get("to") == "" {
		fail(w, fmt.Errorf("%w: give from and to", errBadRequest))
		return
	}
	v, err := s.currentView(r)
	if err != nil {
		fail(w, err)
		return
	}
	hops, err := queries.Path(r.Context(), s.st.QuadStore(), v, q.Get("from"), q.Get("to"))
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, hops)
}

func (s *Server) evidence(w http.ResponseWriter, r *http.Request) {
	fact := r.URL.Query().Get("fact")
	if fact == "" {
		fail(w, fmt.Errorf("%w: give fact, a node IRI", errBadRequest))
		return
	}
	quotes, err := queries.Evidence(r.Context(), s.st.QuadStore(), quad.IRI(strings.Trim(fact, "<>")), "")
	if err != nil {
		fail(w, err)
		return
	}
	if quotes == nil {
		quotes = []queries.Quote{}
	}
	writeJSON(w, quotes)
}
