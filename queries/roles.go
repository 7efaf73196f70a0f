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

// personByName finds persons whose name or alias is name.
var personByName = func(name string) *path.Path {
	byName := path.StartMorphism().Has(schema.Name, quad.String(name))
	byAlias := path.StartMorphism().Has(schema.Alias, quad.String(name))
	return path.StartMorphism().Follow(byName.Or(byAlias)).Has(schema.Type, schema.TypePerson)
}

// holdsRole goes from persons to their role nodes.
var holdsRole = path.StartMorphism().Out(schema.HoldsRole)

// Roles returns the roles of the person named name (full name or alias),
// each with the articles whose quads state it. The Gizmo equivalent:
//
//	g.V().Has("<http://schema.org/name>", "Vladimir Putin")
//	  .Out("<kg:holdsRole>").Tag("role")
//	  .Out("<http://schema.org/roleName>").Tag("title")
//	  .Back("role").LabelContext().In("<kg:holdsRole>") ...
func Roles(ctx context.Context, qs cgraph.QuadStore, name string) ([]RoleFact, error) {
	roles, err := path.StartPath(qs).Follow(personByName(name)).Follow(holdsRole).Unique().Iterate(ctx).AllValues(qs)
	if err != nil {
		return nil, err
	}
	var out []RoleFact
	for _, r := range roles {
		f := RoleFact{Role: quad.ToString(r)}
		f.Title = firstString(ctx, qs, r, schema.Title)
		if c := firstValue(ctx, qs, r, schema.ForCountry); c != nil {
			f.Country = firstString(ctx, qs, c, schema.Name)
		}
		if c := firstValue(ctx, qs, r, schema.PostedTo); c != nil {
			f.PostedTo = firstString(ctx, qs, c, schema.Name)
		}
		f.Articles, err = labelsOf(ctx, qs, r, schema.Title)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Role < out[j].Role })
	return out, nil
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

// labelsOf returns the labels (articles) of the quads node -pred-> *.
func labelsOf(ctx context.Context, qs cgraph.QuadStore, node quad.Value, pred quad.IRI) ([]string, error) {
	ref := qs.ValueOf(node)
	if ref == nil {
		return nil, nil
	}
	seen := map[string]bool{}
	it := qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate == pred && q.Label != nil {
			seen[quad.ToString(q.Label)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, it.Err()
}
