package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/kg-news/kg/graph"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/simple"
)

// style is how a node type is drawn.
var style = map[graph.NodeType][2]string{ // shape, fill colour
	graph.PersonNode:       {"ellipse", "#cfe2ff"},
	graph.OrganizationNode: {"box", "#fff3cd"},
	graph.CountryNode:      {"doubleoctagon", "#d1e7dd"},
	graph.PlaceNode:        {"house", "#e2f0d9"},
	graph.EventNode:        {"diamond", "#f8d7da"},
}

// dotNode is a view node as gonum's DOT encoder sees it.
type dotNode struct{ n *graph.Node }

func (d dotNode) ID() int64 { return d.n.ID() }

// DOTID is the node's IRI, quoted by the encoder.
func (d dotNode) DOTID() string { return string(d.n.IRI) }

func (d dotNode) Attributes() []encoding.Attribute {
	st := style[d.n.Type]
	label := d.n.Name
	if d.n.Type == graph.EventNode {
		label = d.n.Kind
		if d.n.Date != "" {
			label += "\n" + d.n.Date
		}
		if d.n.Status != "" && d.n.Status != "happened" {
			label += " (" + d.n.Status + ")"
		}
	}
	attrs := []encoding.Attribute{
		{Key: "label", Value: quote(label)},
		{Key: "shape", Value: st[0]},
		{Key: "style", Value: quote("filled")},
		{Key: "fillcolor", Value: quote(st[1])},
	}
	if d.n.Type == graph.EventNode && d.n.Status != "" && d.n.Status != "happened" {
		attrs[2].Value = quote("filled,dashed")
	}
	return attrs
}

// dotEdge is a view edge with its relation as label.
type dotEdge struct {
	f, t dotNode
	e    graph.Edge
}

func (e dotEdge) From() gg.Node         { return e.f }
func (e dotEdge) To() gg.Node           { return e.t }
func (e dotEdge) ReversedEdge() gg.Edge { e.f, e.t = e.t, e.f; return e }

func (e dotEdge) Attributes() []encoding.Attribute {
	var labels []string
	for _, r := range e.e.Relations {
		l := r.Kind
		if r.Label != "" {
			l = r.Label
			if r.Kind == "posted to" {
				l += " to"
			}
		}
		labels = append(labels, l)
	}
	return []encoding.Attribute{
		{Key: "label", Value: quote(strings.Join(labels, ", "))},
		{Key: "penwidth", Value: fmt.Sprintf("%.1f", min(1+e.e.Weight()/2, 5))},
	}
}

// dotGraph carries the graph-wide attributes. The layout is neato's
// spring model, which Graphviz uses whatever command renders the file
// (the "layout" attribute): dot's ranks lay a knowledge graph out as one
// long strip, several thousand points wide and a few hundred high.
type dotGraph struct{ *simple.UndirectedGraph }

func (dotGraph) DOTAttributers() (g, n, e encoding.Attributer) {
	return attrs{{Key: "layout", Value: "neato"}, {Key: "overlap", Value: "false"}, {Key: "splines", Value: "true"},
			{Key: "fontname", Value: quote("Helvetica")}},
		attrs{{Key: "fontname", Value: quote("Helvetica")}, {Key: "fontsize", Value: "10"}},
		attrs{{Key: "fontname", Value: quote("Helvetica")}, {Key: "fontsize", Value: "8"}}
}

type attrs []encoding.Attribute

func (a attrs) Attributes() []encoding.Attribute { return a }

// quote makes a DOT string literal.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// DOT writes the selected nodes of v, and the edges between them, as an
// undirected GraphViz graph: shapes and colours by type (events as
// diamonds, dashed when planned), names and dates as labels, relations
// as edge labels, pen width by supporting articles.
func DOT(w io.Writer, v *graph.View, ids []int64) error {
	g := simple.NewUndirectedGraph()
	in := map[int64]bool{}
	for _, id := range ids {
		g.AddNode(dotNode{v.At(id)})
		in[id] = true
	}
	for _, e := range v.Edges() {
		if in[e.F.ID()] && in[e.T.ID()] {
			g.SetEdge(dotEdge{f: dotNode{e.F}, t: dotNode{e.T}, e: e})
		}
	}
	b, err := dot.Marshal(dotGraph{g}, "kg", "", "  ")
	if err != nil {
		return fmt.Errorf("export: dot: %w", err)
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
