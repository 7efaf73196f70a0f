package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeGizmo returns the Gizmo queries of the README: those given to
// kg query or curl in quotes, and the lines of its Gizmo code block.
func readmeGizmo(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?s)(?:kg query|-d) '(g\.V\(.*?)'`).FindAllStringSubmatch(string(data), -1) {
		out = append(out, m[1])
	}
	// ```js blocks: a query starts at "g.V" and goes on over lines that
	// start with "  .".
	for _, block := range regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(data), -1) {
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, "\n"))
				cur = nil
			}
		}
		for _, line := range strings.Split(block[1], "\n") {
			switch {
			case strings.HasPrefix(line, "g.V"):
				flush()
				cur = []string{line}
			case strings.HasPrefix(line, "  .") && cur != nil:
				cur = append(cur, line)
			default:
				flush()
			}
		}
		flush()
	}
	return out
}

// TestReadmeQueriesAreDistinct runs every Gizmo query of the README on
// the seed store: each returns rows, and no row twice (a query that
// walks to a fact through its per-article quads must say Unique()).
func TestReadmeQueriesAreDistinct(t *testing.T) {
	queries := readmeGizmo(t)
	if len(queries) < 8 {
		t.Fatalf("found %d Gizmo queries in the README, want the 8 or more it shows", len(queries))
	}
	db := seededDB(t)
	for _, q := range queries {
		out, stderr, err := run(t, "", "--db", db, "query", "--limit", "0", q)
		if err != nil {
			t.Errorf("%s\n: %v %s", q, err, stderr)
			continue
		}
		var rows []json.RawMessage
		if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) == 0 {
			t.Errorf("%s\n: %d rows, %v", q, len(rows), err)
			continue
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if seen[string(r)] {
				t.Errorf("%s\n: row %s twice", q, r)
				break
			}
			seen[string(r)] = true
		}
	}
}
