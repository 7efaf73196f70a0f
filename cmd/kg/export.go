package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/kg-news/kg/graph"
	"github.com/kg-news/kg/graph/export"
	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph as GraphViz DOT, GraphML, N-Quads or JSON-LD",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "dot", Usage: "dot, graphml, nquads or jsonld"},
			&cli.StringSliceFlag{Name: "around", Usage: "only the neighbourhood of this name (repeatable; dot and graphml)"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "hops around --around"},
			&cli.StringSliceFlag{Name: "type", Usage: "only nodes of this type: person, organization, country, place, event (repeatable; dot and graphml)"},
		},
		Action: runExport,
	}
}

func runExport(c *cli.Context) error {
	format := c.String("format")
	switch format {
	case "dot", "graphml":
	case "nquads", "jsonld":
		if c.IsSet("around") || c.IsSet("type") {
			return fmt.Errorf("export: --around and --type cut the dot and graphml views; %s writes every quad", format)
		}
	default:
		return fmt.Errorf("export: unknown --format %q (want dot, graphml, nquads or jsonld)", format)
	}
	var types []graph.NodeType
	for _, t := range c.StringSlice("type") {
		switch graph.NodeType(t) {
		case graph.PersonNode, graph.OrganizationNode, graph.CountryNode, graph.PlaceNode, graph.EventNode:
			types = append(types, graph.NodeType(t))
		default:
			return fmt.Errorf("export: unknown --type %q (want person, organization, country, place or event)", t)
		}
	}
	st, err := openExisting(c)
	if err != nil {
		return err
	}
	defer st.Close()
	w := bufio.NewWriter(c.App.Writer)
	defer w.Flush()
	if format == "nquads" || format == "jsonld" {
		_, err := export.Quads(c.Context, w, st.QuadStore(), format)
		return err
	}
	v, err := st.View(c.Context)
	if err != nil {
		return err
	}
	sel := export.Selection{Depth: c.Int("depth"), Types: types}
	for _, name := range c.StringSlice("around") {
		n, err := queries.Lookup(v, name)
		if err != nil {
			return fmt.Errorf("export: --around: %w", err)
		}
		sel.Around = append(sel.Around, n)
	}
	ids := export.Select(v, sel)
	if format == "dot" {
		return export.DOT(w, v, ids)
	}
	return export.GraphML(w, v, ids)
}

// formatOf guesses a quad format from a file name.
func formatOf(path string) string {
	if strings.HasSuffix(path, ".jsonld") || strings.HasSuffix(path, ".json") {
		return "jsonld"
	}
	return "nquads"
}
