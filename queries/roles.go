package queries

import (
	"context"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// RoleFact is one role of a person, with the articles that support it.
type RoleFact struct {
	Role     string   `json:"role"`
	Title    string   `json:"title"`
	Country  string   `json:"country,omitempty"`
	PostedTo string   `json:"posted_to,omitempty"`
	Articles []string `json:"articles"`
}

// personsNamed finds the persons whose name or alias is name, each
// through the store's object index.
func personsNamed(ctx context.Context, qs cgraph.QuadStore, name string) ([]quad.Value, error) {
	seen := map[quad.Value]bool{}
	var out []quad.Value
	for _, pred := range []quad.IRI{schema.Name, schema.Alias} {
		vs, err := path.StartPath(qs).Has(pred, quad.String(name)).Has(schema.Type, schema.TypePerson).Iterate(ctx).AllValues(qs)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// Roles returns the roles of the person named name (full name or alias),
// each with the articles whose quads state it. The Gizmo equivalent:
//
//	g.V().Has("<http://schema.org/name>", "Vladimir Putin")
//	  .Out("<kg:holdsRole>").Unique()
//	  .Save("<http://schema.org/roleName>", "title").Save("<kg:forCountry>", "country").All()
func Roles(ctx context.Context, qs cgraph.QuadStore, name string) ([]RoleFact, error) {
	persons, err := personsNamed(ctx, qs, name)
	if err != nil {
		return nil, err
	}
	return RolesOf(ctx, qs, persons...)
}

// RolesOf returns the roles of person nodes. Each role costs one read of
// the role node's quads and, per country, one of the country's name:
// index lookups, whatever the size of the store.
func RolesOf(ctx context.Context, qs cgraph.QuadStore, persons ...quad.Value) ([]RoleFact, error) {
	roles := map[quad.Value]bool{}
	for _, p := range persons {
		vs, err := path.StartPath(qs, p).Out(schema.HoldsRole).Iterate(ctx).AllValues(qs)
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			roles[v] = true
		}
	}
	countryName := map[quad.Value]string{}
	nameOf := func(c quad.Value) string {
		if n, ok := countryName[c]; ok {
			return n
		}
		n := firstString(ctx, qs, c, schema.Name)
		countryName[c] = n
		return n
	}
	out := make([]RoleFact, 0, len(roles))
	for r := range roles {
		f := RoleFact{Role: quad.ToString(r)}
		var country, postedTo quad.Value
		seen := map[string]bool{}
		err := eachSubjectQuad(ctx, qs, r, func(q quad.Quad) {
			switch q.Predicate {
			case schema.Title:
				if t := quad.ToString(q.Object); f.Title == "" || t < f.Title {
					f.Title = t
				}
				if q.Label != nil {
					seen[quad.ToString(q.Label)] = true
				}
			case schema.ForCountry:
				country = q.Object
			case schema.PostedTo:
				postedTo = q.Object
			}
		})
		if err != nil {
			return nil, err
		}
		if country != nil {
			f.Country = nameOf(country)
		}
		if postedTo != nil {
			f.PostedTo = nameOf(postedTo)
		}
		f.Articles = make([]string, 0, len(seen))
		for a := range seen {
			f.Articles = append(f.Articles, a)
		}
		sort.Strings(f.Articles)
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Role < out[j].Role })
	return out, nil
}

// eachSubjectQuad calls f with every quad whose subject is node.
func eachSubjectQuad(ctx context.Context, qs cgraph.QuadStore, node quad.Value, f func(quad.Quad)) error {
	ref := qs.ValueOf(node)
	if ref == nil {
		return nil
	}
	it := qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		f(qs.Quad(it.Result()))
	}
	return it.Err()
}

func firstValue(ctx context.Context, qs cgraph.QuadStore, node quad.Value, pred quad.IRI) quad.Value {
	v, err := path.StartPath(qs, node).Out(pred).Iterate(ctx).FirstValue(qs)
	if err != nil {
		return nil
	}
	return v
}

func firstString(ctx context.Context, qs cgraph.QuadStore, node quad.Value, pred quad.IRI) string {
	if v := firstValue(ctx, qs, node, pred); v != nil {
		return quad.ToString(v)
	}
	return ""
}
