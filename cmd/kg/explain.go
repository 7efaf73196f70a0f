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
		Flags: []cli.Flag{jsonFlag,
			&cli.BoolFlag{Name: "syntax", Usage: "parse each sentence behind an event, role or affiliation and show the dependency path between its names"},
		},
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
			var paths [][]SyntaxPath
			if c.Bool("syntax") {
				for _, e := range ex {
					p, err := syntaxPaths(c.Context, st.QuadStore(), quadIRI(e.Node))
					if err != nil {
						return fmt.Errorf("explain: %w", err)
					}
					paths = append(paths, p)
				}
			}
			if c.Bool("json") {
				if c.Bool("syntax") {
					type withSyntax struct {
						queries.Explanation
						Syntax []SyntaxPath `json:"syntax"`
					}
					out := make([]withSyntax, len(ex))
					for i, e := range ex {
						out[i] = withSyntax{e, paths[i]}
					}
					return printJSON(c, out)
				}
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
				if len(e.Copies) > 0 {
					fmt.Fprintln(w, "  copies of one story:")
					for _, cp := range e.Copies {
						fmt.Fprintf(w, "    %s repeats %s\n", queries.ArticleID(quadIRI(cp.Article)), queries.ArticleID(quadIRI(cp.Of)))
					}
				}
				if paths != nil {
					fmt.Fprintln(w, "  syntax:")
					for _, p := range paths[i] {
						fmt.Fprintf(w, "    %s, sentence %d: %s\n", queries.ArticleID(quadIRI(p.Article)), p.Sentence, p.Path)
					}
					if len(paths[i]) == 0 {
						fmt.Fprintln(w, "    (no sentence names two of its parts)")
					}
				}
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
