package main

import (
	"context"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/syntax"
	"github.com/kg-news/kg/queries"
	"github.com/kg-news/kg/schema"
)

// SyntaxPath is the dependency path between two names of a fact in one
// of its supporting sentences: "Putin <-nsubj- met -obl-> Trump".
type SyntaxPath struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	From     string `json:"from"`
	To       string `json:"to"`
	Path     string `json:"path"`
}

// factNames returns the names a fact's evidence should join: an event's
// participants, a role's holder and title, an affiliation's person and
// organization.
func factNames(ctx context.Context, qs cgraph.QuadStore, node quad.IRI) ([]string, error) {
	var names []string
	add := func(p *path.Path) error {
		vs, err := p.Unique().Iterate(ctx).AllValues(qs)
		for _, v := range vs {
			names = append(names, quad.ToString(v))
		}
		return err
	}
	if err := add(path.StartPath(qs, node).Out(schema.Participant).Out(schema.Name)); err != nil {
		return nil, err
	}
	if err := add(path.StartPath(qs, node).In(schema.HoldsRole, schema.Affiliated).Out(schema.Name)); err != nil {
		return nil, err
	}
	if err := add(path.StartPath(qs, node).Out(schema.Title)); err != nil {
		return nil, err
	}
	if err := add(path.StartPath(qs, node).Out(schema.MemberOf).Out(schema.Name)); err != nil {
		return nil, err
	}
	return names, nil
}

// syntaxPaths parses each sentence that supports a fact and gives the
// dependency path between the first two of its names found in it.
func syntaxPaths(ctx context.Context, qs cgraph.QuadStore, node quad.IRI) ([]SyntaxPath, error) {
	names, err := factNames(ctx, qs, node)
	if err != nil || len(names) < 2 {
		return nil, err
	}
	quotes, err := queries.Evidence(ctx, qs, node, "")
	if err != nil || len(quotes) == 0 {
		return nil, err
	}
	m, err := syntax.Default()
	if err != nil {
		return nil, err
	}
	a := m.NewAnnotator()
	var out []SyntaxPath
	for _, q := range quotes {
		for _, s := range textSentences(q.Text) {
			a.Annotate(&s)
			var found []int
			var which []string
			for _, n := range names {
				if i := wordOf(s.Tokens, n); i >= 0 && !slices.Contains(found, i) {
					found, which = append(found, i), append(which, n)
				}
			}
			if len(found) < 2 {
				continue
			}
			out = append(out, SyntaxPath{Article: q.Article, Sentence: q.Sentence, From: which[0], To: which[1],
				Path: dependencyPath(s.Tokens, found[0], found[1])})
		}
	}
	return out, nil
}

// wordOf returns the index of the word of a sentence that heads a name:
// found by its last word ("Putin" of "Vladimir Putin", "minister" of
// "foreign minister"), then the first word of a flat name. -1 when the
// sentence lacks it.
func wordOf(toks []syntax.Token, name string) int {
	words := strings.Fields(name)
	if len(words) == 0 {
		return -1
	}
	last := words[len(words)-1]
	for i, t := range toks {
		if strings.EqualFold(t.Form, last) {
			// UD heads a name on its first word ("Vladimir <-flat-
			// Putin"): climb to it.
			for steps := 0; strings.HasPrefix(toks[i].Rel, "flat") && toks[i].Head > 0 && steps < len(toks); steps++ {
				i = toks[i].Head - 1
			}
			return i
		}
	}
	return -1
}

// dependencyPath writes the path from word a up to the lowest head it
// shares with word b and down to b: each step up as "<-rel-" and each
// step down as "-rel->".
func dependencyPath(toks []syntax.Token, a, b int) string {
	up := func(i int) []int { // i and its heads to the root, as indexes
		var chain []int
		for steps := 0; i >= 0 && steps <= len(toks); steps++ {
			chain = append(chain, i)
			i = toks[i].Head - 1
		}
		return chain
	}
	ca, cb := up(a), up(b)
	common := -1
	for _, i := range ca {
		if slices.Contains(cb, i) {
			common = i
			break
		}
	}
	if common < 0 {
		return toks[a].Form + " ... " + toks[b].Form
	}
	var sb strings.Builder
	for _, i := range ca {
		sb.WriteString(toks[i].Form)
		if i == common {
			break
		}
		sb.WriteString(" <-" + toks[i].Rel + "- ")
	}
	var down []int
	for _, i := range cb {
		if i == common {
			break
		}
		down = append(down, i)
	}
	for k := len(down) - 1; k >= 0; k-- {
		i := down[k]
		sb.WriteString(" -" + toks[i].Rel + "-> " + toks[i].Form)
	}
	return sb.String()
}
