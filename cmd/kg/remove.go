package main

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
	"github.com/urfave/cli/v2"
)

func removeCommand() *cli.Command {
	return &cli.Command{
		Name:      "remove",
		Usage:     "remove articles and every fact they support, then resolve again",
		ArgsUsage: "ARTICLE ...   (a name as kg explain shows it, e.g. dupA/news.txt, or its kg:article/ IRI)",
		Flags:     []cli.Flag{aliasesFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return fmt.Errorf("remove: name the articles to remove")
			}
			aliases, err := readAliases(c)
			if err != nil {
				return err
			}
			st, err := openExisting(c)
			if err != nil {
				return err
			}
			defer st.Close()
			removed := 0
			for _, name := range c.Args().Slice() {
				iri := quad.IRI(name)
				if !strings.HasPrefix(name, schema.KG+"article/") {
					iri = schema.ArticleIRI(name)
				}
				n, err := st.Remove(c.Context, iri)
				if err != nil {
					return err
				}
				if n == 0 {
					return fmt.Errorf("remove: no article %s in the store", name)
				}
				removed++
			}
			if _, err := st.Resolve(c.Context, resolve.Options{Aliases: aliases, GivenName: gazetteer.Default().FirstName}); err != nil {
				return fmt.Errorf("remove: resolving entities across articles: %w", err)
			}
			fmt.Fprintf(c.App.Writer, "%d articles removed\n", removed)
			return nil
		},
	}
}
