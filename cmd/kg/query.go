package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/kg-news/kg/queries"
	"github.com/urfave/cli/v2"
)

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Gizmo, GraphQL or MQL query against the store and print JSON",
		ArgsUsage: "[QUERY]   (read from stdin when absent or -)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Value: "gizmo", Usage: "query language: gizmo, graphql or mql"},
			&cli.IntFlag{Name: "limit", Value: 100, Usage: "most results printed (0: no limit)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "give up after this long"},
		},
		Action: runQuery,
	}
}

func runQuery(c *cli.Context) error {
	lang := c.String("lang")
	if query.GetLanguage(lang) == nil {
		langs := query.Languages()
		sort.Strings(langs)
		return fmt.Errorf("query: unknown language %q (want one of %s)", lang, strings.Join(langs, ", "))
	}
	text := strings.Join(c.Args().Slice(), " ")
	if text == "" || text == "-" {
		b, err := io.ReadAll(c.App.Reader)
		if err != nil {
			return fmt.Errorf("query: reading stdin: %w", err)
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return errors.New("query: empty query")
	}
	st, err := openExisting(c)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(c.Context, c.Duration("timeout"))
	defer cancel()
	results, err := queries.Run(ctx, st.QuadStore(), lang, text, c.Int("limit"))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(results)
}
