package main

import (
	"fmt"

	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func pathCommand() *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "show the shortest path between two actors, each hop with its articles",
		ArgsUsage: "NAME NAME",
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 2 {
				return fmt.Errorf("path: want two names, got %d (quote names with spaces: kg path \"Jon Huntsman\" Putin)", c.NArg())
			}
			st, v, err := openView(c)
			if err != nil {
				return err
			}
			defer st.Close()
			hops, err := queries.Path(c.Context, st.QuadStore(), v, c.Args().Get(0), c.Args().Get(1))
			if err != nil {
				return fmt.Errorf("path: %w", err)
			}
			if c.Bool("json") {
				return printJSON(c, hops)
			}
			for _, h := range hops {
				fmt.Fprintf(c.App.Writer, "%s —%s— %s\n", h.From, h.Relation, h.To)
				fmt.Fprintf(c.App.Writer, "    articles: %v\n", h.Articles)
				if h.Quote != nil {
					fmt.Fprintf(c.App.Writer, "    %q (%s, sentence %d)\n", h.Quote.Text, queries.ArticleID(quadIRI(h.Quote.Article)), h.Quote.Sentence)
				}
			}
			return nil
		},
	}
}
