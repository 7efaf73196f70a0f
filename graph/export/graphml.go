package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kg-news/kg/graph"
)

// GraphML namespace.
const graphMLNS = "http://graphml.graphdrawing.org/xmlns"

type graphML struct {
	XMLName xml.Name     `xml:"graphml"`
	NS      string       `xml:"xmlns,attr"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// GraphML writes the selected nodes of v and the edges between them as
// GraphML (http://graphml.graphdrawing.org/), with each node's label
// (Gephi shows it), type, IRI, date and status, and each edge's relation,
// weight and articles.
func GraphML(w io.Writer, v *graph.View, ids []int64) error {
	doc := graphML{NS: graphMLNS, Keys: []graphMLKey{
		{"label", "node", "label", "string"}, {"type", "node", "type", "string"},
		{"iri", "node", "iri", "string"}, {"date", "node", "date", "string"},
		{"status", "node", "status", "string"}, {"articles", "node", "articles", "int"},
		{"relation", "edge", "relation", "string"}, {"weight", "edge", "weight", "double"},
		{"sources", "edge", "sources", "string"},
	}, Graph: graphMLGraph{ID: "kg", EdgeDefault: "undirected"}}
	in := map[int64]bool{}
	nid := func(id int64) string { return "n" + strconv.FormatInt(id, 10) }
	for _, id := range ids {
		in[id] = true
		n := v.At(id)
		node := graphMLNode{ID: nid(id), Data: []graphMLData{
			{"label", n.Name}, {"type", string(n.Type)}, {"iri", string(n.IRI)}, {"articles", strconv.Itoa(n.Articles)},
		}}
		if n.Date != "" {
			node.Data = append(node.Data, graphMLData{"date", n.Date})
		}
		if n.Status != "" {
			node.Data = append(node.Data, graphMLData{"status", n.Status})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, node)
	}
	for i, e := range v.Edges() {
		if !in[e.F.ID()] || !in[e.T.ID()] {
			continue
		}
		var rels, arts []string
		seen := map[string]bool{}
		for _, r := range e.Relations {
			rels = append(rels, strings.TrimSpace(r.Kind+" "+r.Label))
			for _, a := range r.Articles {
				if !seen[string(a)] {
					seen[string(a)] = true
					arts = append(arts, string(a))
				}
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{ID: fmt.Sprintf("e%d", i), Source: nid(e.F.ID()), Target: nid(e.T.ID()),
			Data: []graphMLData{{"relation", strings.Join(rels, "; ")}, {"weight", strconv.FormatFloat(e.Weight(), 'g', -1, 64)}, {"sources", strings.Join(arts, " ")}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: graphml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
