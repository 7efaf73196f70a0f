package main

import (
	"fmt"
	"strings"

	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "show how a node was made: its names, articles and the rule that merged each mention",
		ArgsUsage: "NAME",
		Flags:     []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fmt.Errorf("explain: want one name, got %d (quote names with spaces)", c.NArg())
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			name := c.Args().First()
			ex, err := queries.Explain(c.Context, st.QuadStore(), name)
			if err != nil {
				return fmt.Errorf("explain: %w", err)
			}
			if len(ex) == 0 {
				return fmt.Errorf("explain: %w: %q", queries.ErrNotFound, name)
			}
			if c.Bool("json") {
				return printJSON(c, ex)
			}
			w := c.App.Writer
			for i, e := range ex {
				if i > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprintf(w, "%s (%s)\n", e.Node, strings.Join(e.Types, ", "))
				fmt.Fprintln(w, "  names:")
				for _, n := range e.Names {
					fmt.Fprintf(w, "    %s  [%s]\n", n.Name, articleList(n.Articles))
				}
				fmt.Fprintln(w, "  merged by:")
				for _, r := range e.Rules {
					fmt.Fprintf(w, "    %s: %s\n", queries.ArticleID(quadIRI(r.Article)), r.Rule)
				}
				if len(e.Statuses) > 0 {
					fmt.Fprintln(w, "  status history:")
					for _, s := range e.Statuses {
						fmt.Fprintf(w, "    %s %s: %s\n", orDash(s.Published), queries.ArticleID(quadIRI(s.Article)), s.Status)
					}
				}
				fmt.Fprintf(w, "  articles: %s\n", articleList(e.Articles))
			}
			return nil
		},
	}
}

func articleList(as []string) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = queries.ArticleID(quadIRI(a))
	}
	return strings.Join(out, " ")
}
