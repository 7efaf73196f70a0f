package graph

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/graph/resolve"
	"github.com/kg-news/kg/schema"
)

// Resolve makes the nodes that different articles wrote for the same
// person, organization or event one node. It reads every article's
// records, runs resolve.Resolve, and rewrites the quads of the articles
// whose nodes change, each article in its own transactions as Ingest
// does. Every node also gets, per article, a kg:resolvedBy quad with the
// rule that made it. Running it twice changes nothing the second time.
func (s *Store) Resolve(ctx context.Context, opts resolve.Options) (resolve.Result, error) {
	byArticle, err := s.allQuads(ctx)
	if err != nil {
		return resolve.Result{}, err
	}
	recs := records(byArticle)
	res := resolve.Resolve(recs, opts)
	renames := res.Renames()
	why := map[quad.IRI][]quad.Quad{}
	for _, d := range res.Decisions {
		if d.Rule == "" || isRole(d.Canonical) {
			continue
		}
		why[d.Article] = append(why[d.Article], quad.Quad{Subject: d.Canonical, Predicate: schema.ResolvedBy, Object: quad.String(d.Rule), Label: d.Article})
	}
	articles := make([]quad.IRI, 0, len(byArticle))
	for a := range byArticle {
		articles = append(articles, a)
	}
	sort.Slice(articles, func(i, j int) bool { return articles[i] < articles[j] })
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		old := byArticle[a]
		rename := renames[a]
		next := make(map[quad.Quad]bool, len(old))
		for _, q := range old {
			if q.Predicate == schema.ResolvedBy {
				continue
			}
			q.Subject = renamed(q.Subject, rename)
			q.Object = renamed(q.Object, rename)
			next[q] = true
		}
		for _, q := range why[a] {
			next[q] = true
		}
		if err := s.replace(a, old, next); err != nil {
			return res, err
		}
	}
	return res, nil
}

func isRole(iri quad.IRI) bool {
	return len(iri) > len(schema.KG+"role/") && string(iri[:len(schema.KG+"role/")]) == schema.KG+"role/"
}

func renamed(v quad.Value, m map[quad.IRI]quad.IRI) quad.Value {
	if iri, ok := v.(quad.IRI); ok {
		if to, ok := m[iri]; ok {
			return to
		}
	}
	return v
}

// replace turns an article's quads from old into next: additions first,
// then removals (see Ingest).
func (s *Store) replace(article quad.IRI, old []quad.Quad, next map[quad.Quad]bool) error {
	had := make(map[quad.Quad]bool, len(old))
	var dels []cgraph.Delta
	for _, q := range old {
		had[q] = true
		if !next[q] {
			dels = append(dels, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		}
	}
	var adds []cgraph.Delta
	for q := range next {
		if !had[q] {
			adds = append(adds, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	ignore := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if len(adds) > 0 {
		if err := s.qs.ApplyDeltas(adds, ignore); err != nil {
			return fmt.Errorf("graph: resolving %v: %w", article, err)
		}
	}
	if len(dels) > 0 {
		if err := s.qs.ApplyDeltas(dels, ignore); err != nil {
			return fmt.Errorf("graph: resolving %v, removing old quads: %w", article, err)
		}
	}
	return nil
}

// allQuads reads the whole store, grouped by label. Quads without a
// label are not kg's and are left alone.
func (s *Store) allQuads(ctx context.Context) (map[quad.IRI][]quad.Quad, error) {
	out := map[quad.IRI][]quad.Quad{}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		if l, ok := q.Label.(quad.IRI); ok {
			out[l] = append(out[l], q)
		}
	}
	return out, it.Err()
}

// records reads each article's persons, organizations, roles and events.
func records(byArticle map[quad.IRI][]quad.Quad) resolve.Records {
	var recs resolve.Records
	articles := make([]quad.IRI, 0, len(byArticle))
	for a := range byArticle {
		articles = append(articles, a)
	}
	sort.Slice(articles, func(i, j int) bool { return articles[i] < articles[j] })
	for _, a := range articles {
		qs := byArticle[a]
		types := map[quad.IRI]map[quad.IRI]bool{}
		props := map[quad.IRI]map[quad.IRI][]quad.Value{}
		holder := map[quad.IRI]quad.IRI{}
		published := ""
		for _, q := range qs {
			s, ok := q.Subject.(quad.IRI)
			if !ok {
				continue
			}
			if s == a && q.Predicate == schema.Published {
				published = quad.ToString(q.Object)
			}
			if q.Predicate == schema.Type {
				if t, ok := q.Object.(quad.IRI); ok {
					if types[s] == nil {
						types[s] = map[quad.IRI]bool{}
					}
					types[s][t] = true
				}
				continue
			}
			if q.Predicate == schema.HoldsRole {
				if r, ok := q.Object.(quad.IRI); ok {
					holder[r] = s
				}
			}
			if props[s] == nil {
				props[s] = map[quad.IRI][]quad.Value{}
			}
			p := q.Predicate.(quad.IRI)
			props[s][p] = append(props[s][p], q.Object)
		}
		nodes := make([]quad.IRI, 0, len(types))
		for n := range types {
			nodes = append(nodes, n)
		}
		sort.Slice(nodes, func(i, j int) bool { return nodes[i] < nodes[j] })
		for _, n := range nodes {
			t, p := types[n], props[n]
			switch {
			case t[schema.TypePerson]:
				recs.Persons = append(recs.Persons, resolve.Named{Article: a, Node: n, Name: first(p[schema.Name]), Aliases: strs(p[schema.Alias])})
			case t[schema.TypeOrganization]:
				recs.Organizations = append(recs.Organizations, resolve.Named{Article: a, Node: n, Name: first(p[schema.Name]), Aliases: strs(p[schema.Alias])})
			case t[schema.TypeRole]:
				r := resolve.Role{Article: a, Node: n, Holder: holder[n], Title: first(p[schema.Title])}
				if v := p[schema.ForCountry]; len(v) > 0 {
					r.Country, _ = schema.PlaceCountry(iriOf(v[0]))
				}
				if v := p[schema.PostedTo]; len(v) > 0 {
					r.To, _ = schema.PlaceCountry(iriOf(v[0]))
				}
				if r.Holder != "" {
					recs.Roles = append(recs.Roles, r)
				}
			case t[schema.TypeEvent]:
				e := resolve.Event{Article: a, Published: published, Node: n, Kind: first(p[schema.Kind]),
					Date: longest(p[schema.Date]), Status: first(p[schema.Status])}
				if v := p[schema.Location]; len(v) > 0 {
					e.Place = iriOf(v[0])
				}
				for _, v := range p[schema.Participant] {
					e.Participants = append(e.Participants, iriOf(v))
				}
				recs.Events = append(recs.Events, e)
			}
		}
	}
	return recs
}

func iriOf(v quad.Value) quad.IRI {
	iri, _ := v.(quad.IRI)
	return iri
}

func strs(vs []quad.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, quad.ToString(v))
	}
	sort.Strings(out)
	return out
}

// first is the smallest of a node's values for a predicate, so that a
// node two articles' mentions were merged into reads the same each time.
func first(vs []quad.Value) string {
	s := strs(vs)
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func longest(vs []quad.Value) string {
	best := ""
	for _, s := range strs(vs) {
		if len(s) > len(best) {
			best = s
		}
	}
	return best
}
