package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/rank"
)

// Errors of the lookups by name.
var (
	ErrNotFound     = errors.New("queries: no node has this name")
	ErrAmbiguous    = errors.New("queries: the name fits several nodes")
	ErrNotConnected = errors.New("queries: no path in the graph")
)

// Lookup returns the one node a name designates in a view, or an error
// that lists the candidates.
func Lookup(v *graph.View, name string) (*graph.Node, error) {
	found := v.Find(name)
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("%w: %q", ErrNotFound, name)
	case 1:
		return found[0], nil
	}
	// A person among other kinds of nodes of that name is the one meant.
	var persons []*graph.Node
	for _, n := range found {
		if n.Type == graph.PersonNode {
			persons = append(persons, n)
		}
	}
	if len(persons) == 1 {
		return persons[0], nil
	}
	var names []string
	for _, n := range found {
		names = append(names, fmt.Sprintf("%s (%s)", n.Name, n.IRI))
	}
	return nil, fmt.Errorf("%w: %q could be %s", ErrAmbiguous, name, strings.Join(names, ", "))
}

// Actor is a node with its centrality.
type Actor struct {
	Rank     int     `json:"rank"`
	Name     string  `json:"name"`
	Node     string  `json:"node"`
	Type     string  `json:"type"`
	Score    float64 `json:"score"`
	Articles int     `json:"articles"`
}

// Central ranks the nodes of a type ("" or "all" for every type) by a
// centrality measure and returns the top ones (all when top <= 0).
func Central(v *graph.View, by rank.Measure, typ string, top int) ([]Actor, error) {
	scores, err := rank.Centrality(v, by, rank.Options{})
	if err != nil {
		return nil, err
	}
	var out []Actor
	for id, s := range scores {
		n := v.At(int64(id))
		if typ != "" && typ != "all" && string(n.Type) != typ {
			continue
		}
		out = append(out, Actor{Name: n.Name, Node: string(n.IRI), Type: string(n.Type), Score: s, Articles: n.Articles})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Node < out[j].Node
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out, nil
}

// Community is a Louvain group of actors, named by its most central
// members.
type Community struct {
	Name    string   `json:"name"`
	Size    int      `json:"size"`
	Members []string `json:"members"` // persons and organizations, most central first
	Events  int      `json:"events"`
	Places  int      `json:"places"`
}

// Communities groups the view with Louvain and describes each group that
// holds a person or an organization.
func Communities(v *graph.View) []Community {
	pr, _ := rank.Centrality(v, rank.PageRank, rank.Options{})
	var out []Community
	for _, g := range rank.Communities(v, nil) {
		c := Community{Size: len(g)}
		var actors []int64
		for _, id := range g {
			switch v.At(id).Type {
			case graph.PersonNode, graph.OrganizationNode:
				actors = append(actors, id)
			case graph.EventNode:
				c.Events++
			case graph.PlaceNode, graph.CountryNode:
				c.Places++
			}
		}
		if len(actors) == 0 || len(g) == 1 {
			continue // no actor, or an actor linked to nothing
		}
		sort.SliceStable(actors, func(i, j int) bool { return pr[actors[i]] > pr[actors[j]] })
		for _, id := range actors {
			c.Members = append(c.Members, v.At(id).Name)
		}
		c.Name = strings.Join(c.Members[:min(2, len(c.Members))], " & ")
		out = append(out, c)
	}
	return out
}

// EventItem is an event of a timeline.
type EventItem struct {
	Date         string   `json:"date,omitempty"`
	Kind         string   `json:"kind"`
	Status       string   `json:"status"`
	Place        string   `json:"place,omitempty"`
	Participants []string `json:"participants"`
	Node         string   `json:"node"`
	Articles     []string `json:"articles"`
}

func eventItem(e graph.EventEntry) EventItem {
	it := EventItem{Date: e.Node.Date, Kind: e.Node.Kind, Status: e.Node.Status, Node: string(e.Node.IRI)}
	if e.Place != nil {
		it.Place = e.Place.Name
	}
	for _, p := range e.Participants {
		it.Participants = append(it.Participants, p.Name)
	}
	for _, a := range e.Articles {
		it.Articles = append(it.Articles, ArticleID(a))
	}
	return it
}

// ArticleID is the id of an article IRI ("kg:article/000-8bc6" is
// "000-8bc6").
func ArticleID(a quad.IRI) string {
	return strings.TrimPrefix(string(a), "kg:article/")
}

// EventQuery selects events by participants (names) and dates.
type EventQuery struct {
	Person, With string
	Place        string // a place or country the events are in
	From, To     string
}

func (q EventQuery) filter(v *graph.View) (graph.EventFilter, error) {
	f := graph.EventFilter{From: q.From, To: q.To}
	var err error
	if q.Person != "" {
		if f.Person, err = Lookup(v, q.Person); err != nil {
			return f, err
		}
	}
	if q.With != "" {
		if f.With, err = Lookup(v, q.With); err != nil {
			return f, err
		}
	}
	if q.Place != "" {
		if f.Place, err = Lookup(v, q.Place); err != nil {
			return f, err
		}
	}
	return f, nil
}

// Timeline lists the events a query selects, in time order.
func Timeline(v *graph.View, q EventQuery) ([]EventItem, error) {
	f, err := q.filter(v)
	if err != nil {
		return nil, err
	}
	var out []EventItem
	for _, e := range v.Events(f) {
		out = append(out, eventItem(e))
	}
	return out, nil
}

// Chains lists the connected chains of the events a query selects.
func Chains(v *graph.View, q EventQuery) ([][]EventItem, error) {
	f, err := q.filter(v)
	if err != nil {
		return nil, err
	}
	var out [][]EventItem
	for _, c := range v.Chains(v.Events(f)) {
		var items []EventItem
		for _, e := range c {
			items = append(items, eventItem(e))
		}
		out = append(out, items)
	}
	return out, nil
}

// HopItem is one step of a path with what supports it.
type HopItem struct {
	From     string   `json:"from"`
	To       string   `json:"to"`
	Relation string   `json:"relation"`
	Articles []string `json:"articles"`
	Quote    *Quote   `json:"quote,omitempty"`
}

// Path finds a shortest path between two names and gives each hop its
// relation, its articles and a sentence that supports it.
func Path(ctx context.Context, qs cgraph.QuadStore, v *graph.View, from, to string) ([]HopItem, error) {
	a, err := Lookup(v, from)
	if err != nil {
		return nil, err
	}
	b, err := Lookup(v, to)
	if err != nil {
		return nil, err
	}
	hops, ok := v.Path(a, b)
	if !ok {
		return nil, fmt.Errorf("%w: %s and %s are not connected: no chain of events, roles, places or countries links them", ErrNotConnected, a.Name, b.Name)
	}
	var out []HopItem
	for _, h := range hops {
		r := h.Relations[0]
		item := HopItem{From: h.From.Name, To: h.To.Name, Relation: describe(r, r.Subject == h.From.IRI)}
		var arts []quad.IRI
		for _, r := range h.Relations {
			arts = append(arts, r.Articles...)
		}
		sort.Slice(arts, func(i, j int) bool { return arts[i] < arts[j] })
		for i, a := range arts {
			if i == 0 || a != arts[i-1] {
				item.Articles = append(item.Articles, ArticleID(a))
			}
		}
		if r.Fact != "" && len(r.Articles) > 0 {
			qs, err := Evidence(ctx, qs, r.Fact, r.Articles[0])
			if err != nil {
				return nil, err
			}
			if len(qs) > 0 {
				item.Quote = &qs[0]
			}
		}
		out = append(out, item)
	}
	return out, nil
}

// describe phrases a relation read from its subject (forward) or from
// its object.
func describe(r graph.Relation, forward bool) string {
	phrases := map[string][2]string{
		"attended":   {"attended by", "attended"},
		"located in": {"held in", "hosted"},
		"in country": {"in", "contains"},
		"role":       {r.Label + " of", "has as " + r.Label},
		"posted to":  {r.Label + " posted to", "hosts " + r.Label},
	}
	p, ok := phrases[r.Kind]
	if !ok {
		return r.Kind
	}
	if forward {
		return p[0]
	}
	return p[1]
}
