package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/kg-news/kg/graph/rank"
	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func centralCommand() *cli.Command {
	return &cli.Command{
		Name:  "central",
		Usage: "rank the central actors of the graph",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "type", Value: "person", Usage: "person, organization, country, place, event or all"},
			&cli.StringFlag{Name: "by", Value: string(rank.PageRank), Usage: "pagerank, betweenness, eigenvector or degree"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "how many to print (0: all)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			switch t := c.String("type"); t {
			case "person", "organization", "country", "place", "event", "all":
			default:
				return fmt.Errorf("central: unknown --type %q (want person, organization, country, place, event or all)", t)
			}
			st, v, err := openView(c)
			if err != nil {
				return err
			}
			defer st.Close()
			actors, err := queries.Central(v, rank.Measure(c.String("by")), c.String("type"), c.Int("top"))
			if err != nil {
				return fmt.Errorf("central: %w", err)
			}
			if c.Bool("json") {
				return printJSON(c, actors)
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
			fmt.Fprintf(tw, "rank\tname\ttype\t%s\tarticles\n", c.String("by"))
			for _, a := range actors {
				fmt.Fprintf(tw, "%d\t%s\t%s\t%.4f\t%d\n", a.Rank, a.Name, a.Type, a.Score, a.Articles)
			}
			return tw.Flush()
		},
	}
}
