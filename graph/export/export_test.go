package export_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/export"
	"github.com/kg-news/kg/internal/seedtest"
)

// seedView projects the resolved seed store.
func seedView(t *testing.T) (*graph.Store, *graph.View) {
	t.Helper()
	st := seedtest.Store(t, true)
	v, err := st.View(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st, v
}

// dotPath finds Graphviz; KG_REQUIRE_TOOLS=1 (set by CI) makes its
// absence a failure rather than a skip.
func dotPath(t *testing.T) string {
	p, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("KG_REQUIRE_TOOLS") != "" {
			t.Fatal("Graphviz dot is not installed")
		}
		t.Skip("Graphviz dot is not installed")
	}
	return p
}

func TestDOTRendersWithoutWarnings(t *testing.T) {
	_, v := seedView(t)
	putin := v.Find("Vladimir Putin")[0]
	for _, tt := range []struct {
		name string
		sel  export.Selection
	}{
		{"whole graph", export.Selection{}},
		{"around Putin", export.Selection{Around: []*graph.Node{putin}, Depth: 2}},
		{"persons and events", export.Selection{Types: []graph.NodeType{graph.PersonNode, graph.EventNode}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids := export.Select(v, tt.sel)
			var buf bytes.Buffer
			if err := export.DOT(&buf, v, ids); err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(buf.String(), "shape="); got != len(ids) {
				t.Errorf("%d styled nodes, want %d", got, len(ids))
			}
			cmd := exec.Command(dotPath(t), "-Tsvg", "-o", os.DevNull)
			cmd.Stdin = &buf
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("dot: %v, warnings: %s", err, stderr.String())
			}
		})
	}
}

// TestDOTAspectRatio renders whole graphs with plain "dot -Tsvg", as the
// README's pipeline does, and checks that the picture is neither a strip
// nor a column: at most three times as wide as high, or high as wide.
func TestDOTAspectRatio(t *testing.T) {
	dot := dotPath(t)
	corpus := seedtest.CorpusStore(t, 60)
	for _, tt := range []struct {
		name string
		st   *graph.Store
	}{{"seed articles", seedtest.Store(t, true)}, {"60 recombined articles", corpus}} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.st.View(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := export.DOT(&buf, v, export.Select(v, export.Selection{})); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = &buf
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`).FindSubmatch(out)
			if m == nil {
				t.Fatalf("no size in the SVG: %.200s", out)
			}
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if ratio := max(w, h) / min(w, h); ratio > 3 {
				t.Errorf("%s nodes render %.0f×%.0f pt, ratio %.1f, want ≤ 3", tt.name, w, h, ratio)
			} else {
				t.Logf("%.0f×%.0f pt", w, h)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	_, v := seedView(t)
	huntsman := v.Find("Jon Huntsman")[0]
	one := export.Select(v, export.Selection{Around: []*graph.Node{huntsman}, Depth: 1})
	two := export.Select(v, export.Selection{Around: []*graph.Node{huntsman}, Depth: 2})
	if len(one) < 2 || len(two) <= len(one) || len(two) >= v.Len() {
		t.Errorf("depth 1: %d nodes, depth 2: %d, view: %d", len(one), len(two), v.Len())
	}
	for _, id := range one {
		if id != huntsman.ID() && !v.HasEdgeBetween(id, huntsman.ID()) {
			t.Errorf("%s is not a neighbour of Huntsman", v.At(id).Name)
		}
	}
	for _, id := range export.Select(v, export.Selection{Types: []graph.NodeType{graph.EventNode}}) {
		if v.At(id).Type != graph.EventNode {
			t.Errorf("--type event kept a %s", v.At(id).Type)
		}
	}
}

// TestGraphMLStructure parses the GraphML back and checks it against the
// GraphML structure: declared keys, unique node ids, edges between nodes.
func TestGraphMLStructure(t *testing.T) {
	_, v := seedView(t)
	var buf bytes.Buffer
	if err := export.GraphML(&buf, v, export.Select(v, export.Selection{})); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key string `xml:"key,attr"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key string `xml:"key,attr"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v", err)
	}
	if doc.XMLName.Local != "graphml" || doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" {
		t.Errorf("root element %v", doc.XMLName)
	}
	if doc.Graph.EdgeDefault != "undirected" {
		t.Errorf("edgedefault %q", doc.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		if k.Name == "" || (k.Type != "string" && k.Type != "int" && k.Type != "double") {
			t.Errorf("key %q has name %q, type %q", k.ID, k.Name, k.Type)
		}
		keys[k.ID] = k.For
	}
	nodes := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		if nodes[n.ID] {
			t.Errorf("node id %q twice", n.ID)
		}
		nodes[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node data key %q not declared for nodes", d.Key)
			}
		}
	}
	if len(nodes) != v.Len() || len(doc.Graph.Edges) != v.EdgeCount() {
		t.Errorf("%d nodes and %d edges, want %d and %d", len(nodes), len(doc.Graph.Edges), v.Len(), v.EdgeCount())
	}
	for _, e := range doc.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s-%s to a missing node", e.Source, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge data key %q not declared for edges", d.Key)
			}
		}
	}
}

func TestQuadsFormats(t *testing.T) {
	st, _ := seedView(t)
	for _, f := range []string{"nquads", "jsonld"} {
		var buf bytes.Buffer
		n, err := export.Quads(context.Background(), &buf, st.QuadStore(), f)
		if err != nil || n == 0 || buf.Len() == 0 {
			t.Errorf("%s: %d quads, %v", f, n, err)
		}
	}
	if _, err := export.Quads(context.Background(), &bytes.Buffer{}, st.QuadStore(), "turtle"); err == nil {
		t.Error("no error for an unknown format")
	}
}
