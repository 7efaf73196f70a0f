package queries

import (
	"context"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/extract/gazetteer"
	"github.com/kg-news/kg/schema"
)

// Explanation tells how a node came to be: the names articles gave it,
// the rule that made each article's mention this node, and for events
// the status each article reported.
type Explanation struct {
	Node     string      `json:"node"`
	Types    []string    `json:"types"`
	Names    []NameUse   `json:"names"`
	Rules    []RuleUse   `json:"rules"`
	Statuses []StatusUse `json:"statuses,omitempty"`
	Articles []string    `json:"articles"`
	// Copies are the articles among Articles that nearly repeat an
	// earlier one (the same story with a line added): they count as one
	// source.
	Copies []CopyUse `json:"copies,omitempty"`
}

// CopyUse is an article that is a near copy of another.
type CopyUse struct {
	Article string `json:"article"`
	Of      string `json:"of"`
}

// NameUse is a name and the articles that use it.
type NameUse struct {
	Name     string   `json:"name"`
	Articles []string `json:"articles"`
}

// RuleUse is the resolution rule that put one article's mention on the node.
type RuleUse struct {
	Article string `json:"article"`
	Rule    string `json:"rule"`
}

// StatusUse is the status an article gives an event, with the article's date.
type StatusUse struct {
	Article   string `json:"article"`
	Published string `json:"published,omitempty"`
	Status    string `json:"status"`
}

// namedBy goes from a name to the nodes that have it as name or alias:
//
//	g.V("Trump").In(["<http://schema.org/name>", "<http://schema.org/alternateName>"])
var namedBy = path.StartMorphism().In(schema.Name, schema.Alias)

// Explain returns an explanation for every node named name: exactly, or
// else ignoring case and accents. A name that is an IRI ("kg:event/...")
// explains that node.
func Explain(ctx context.Context, qs cgraph.QuadStore, name string) ([]Explanation, error) {
	if iri := quad.IRI(strings.Trim(name, "<>")); strings.HasPrefix(name, "<") || strings.HasPrefix(name, schema.KG) {
		if qs.ValueOf(iri) == nil {
			return nil, nil
		}
		e, err := explainNode(ctx, qs, iri)
		return []Explanation{e}, err
	}
	nodes, err := path.StartPath(qs, quad.String(name)).Follow(namedBy).Unique().Iterate(ctx).AllValues(qs)
	if err != nil {
		return nil, err
	}
	if len(nodes) == 0 {
		nodes, err = foldedNamed(ctx, qs, name)
		if err != nil {
			return nil, err
		}
	}
	var out []Explanation
	for _, n := range nodes {
		if iri, ok := n.(quad.IRI); ok && isArticle(iri) {
			continue
		}
		e, err := explainNode(ctx, qs, n)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Node < out[j].Node })
	return out, nil
}

func isArticle(iri quad.IRI) bool {
	return len(iri) > len(schema.KG+"article/") && string(iri[:len(schema.KG+"article/")]) == schema.KG+"article/"
}

// foldedNamed scans the names of the store for name, ignoring case and
// accents.
func foldedNamed(ctx context.Context, qs cgraph.QuadStore, name string) ([]quad.Value, error) {
	want := gazetteer.Fold(name)
	seen := map[string]bool{}
	var out []quad.Value
	for _, pred := range []quad.IRI{schema.Name, schema.Alias} {
		ref := qs.ValueOf(pred)
		if ref == nil {
			continue
		}
		it := qs.QuadIterator(quad.Predicate, ref)
		for it.Next(ctx) {
			q := qs.Quad(it.Result())
			if gazetteer.Fold(quad.ToString(q.Object)) == want && !seen[q.Subject.String()] {
				seen[q.Subject.String()] = true
				out = append(out, q.Subject)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func explainNode(ctx context.Context, qs cgraph.QuadStore, n quad.Value) (Explanation, error) {
	e := Explanation{Node: plain(n)}
	names := map[string]map[string]bool{}
	articles := map[string]bool{}
	it := qs.QuadIterator(quad.Subject, qs.ValueOf(n))
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		label := ""
		if q.Label != nil {
			label = plain(q.Label)
			articles[label] = true
		}
		switch q.Predicate {
		case schema.Type:
			e.Types = appendNew(e.Types, plain(q.Object))
		case schema.Name, schema.Alias:
			s := quad.ToString(q.Object)
			if names[s] == nil {
				names[s] = map[string]bool{}
			}
			names[s][label] = true
		case schema.ResolvedBy:
			e.Rules = append(e.Rules, RuleUse{Article: label, Rule: quad.ToString(q.Object)})
		case schema.Status:
			su := StatusUse{Article: label, Status: quad.ToString(q.Object)}
			if q.Label != nil {
				su.Published = firstString(ctx, qs, q.Label, schema.Published)
			}
			e.Statuses = append(e.Statuses, su)
		}
	}
	if err := it.Err(); err != nil {
		return e, err
	}
	for s, arts := range names {
		e.Names = append(e.Names, NameUse{Name: s, Articles: sortedKeys(arts)})
	}
	sort.Slice(e.Names, func(i, j int) bool { return e.Names[i].Name < e.Names[j].Name })
	sort.Slice(e.Rules, func(i, j int) bool { return e.Rules[i].Article < e.Rules[j].Article })
	sort.Slice(e.Statuses, func(i, j int) bool {
		a, b := e.Statuses[i], e.Statuses[j]
		if (a.Published == "") != (b.Published == "") {
			return b.Published == ""
		}
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		return a.Article < b.Article
	})
	sort.Strings(e.Types)
	e.Articles = sortedKeys(articles)
	for _, a := range e.Articles {
		of, err := path.StartPath(qs, quad.IRI(a)).Out(schema.CopyOf).Iterate(ctx).AllValues(qs)
		if err != nil {
			return e, err
		}
		for _, o := range of {
			e.Copies = append(e.Copies, CopyUse{Article: a, Of: plain(o)})
		}
	}
	return e, nil
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Quote is the sentence of an article that supports a fact.
type Quote struct {
	Article  string `json:"article"`
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// evidenceOf goes from a fact node to its evidence nodes:
//
//	g.V("<kg:event/...>").Out("<kg:evidence>")
var evidenceOf = path.StartMorphism().Out(schema.Evidence)

// Evidence returns the sentences that support a fact node (an entity,
// role or event), those of one article when article is not empty.
func Evidence(ctx context.Context, qs cgraph.QuadStore, fact quad.IRI, article quad.IRI) ([]Quote, error) {
	p := path.StartPath(qs, fact).Follow(evidenceOf)
	if article != "" {
		p = p.Has(schema.Article, article)
	}
	evs, err := p.Unique().Iterate(ctx).AllValues(qs)
	if err != nil {
		return nil, err
	}
	var out []Quote
	for _, ev := range evs {
		q := Quote{Article: plain(firstValue(ctx, qs, ev, schema.Article)), Text: firstString(ctx, qs, ev, schema.Quote)}
		q.Sentence = intOf(firstValue(ctx, qs, ev, schema.Sentence))
		q.Start = intOf(firstValue(ctx, qs, ev, schema.Start))
		q.End = intOf(firstValue(ctx, qs, ev, schema.End))
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Article != out[j].Article {
			return out[i].Article < out[j].Article
		}
		return out[i].Start < out[j].Start
	})
	return out, nil
}

func intOf(v quad.Value) int {
	if i, ok := v.(quad.Int); ok {
		return int(i)
	}
	return 0
}

// plain is a value as text: an IRI without its angle brackets.
func plain(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	}
	return quad.ToString(v)
}
