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
			&cli.BoolFlag{Name: "all-rows", Usage: "print every row Cayley returns: a fact that several articles support comes once per article (by default identical rows are printed once)"},
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
	if !c.Bool("all-rows") {
		results = distinctRows(results)
	}
	enc := json.NewEncoder(c.App.Writer)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(results)
}

// distinctRows drops the rows equal to an earlier one: every article
// that supports a fact holds its own quad of it, so a query that walks
// through facts meets each once per article.
func distinctRows[T any](rows []T) []T {
	seen := make(map[string]bool, len(rows))
	out := rows[:0:0]
	for _, r := range rows {
		key, err := json.Marshal(r)
		if err == nil && seen[string(key)] {
			continue
		}
		seen[string(key)] = true
		out = append(out, r)
	}
	return out
}
