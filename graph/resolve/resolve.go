package resolve

import (
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// Named is how one article names one person or organization node.
type Named struct {
	Article quad.IRI `json:"-"`
	Node    quad.IRI `json:"node"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// Role is one article's role node: who holds it and what it is.
type Role struct {
	Article quad.IRI `json:"-"`
	Node    quad.IRI `json:"node"`
	Holder  quad.IRI `json:"holder"`            // the article's person node
	Title   string   `json:"title"`             //
	Country string   `json:"country,omitempty"` // ISO code of the country served, or ""
	To      string   `json:"to,omitempty"`      // ISO code of the country an envoy is posted to, or ""
}

// Event is one article's event node.
type Event struct {
	Article      quad.IRI   `json:"-"`
	Published    string     `json:"-"` // the article's date, "" when unknown
	Node         quad.IRI   `json:"node"`
	Kind         string     `json:"kind"`                   // meeting, summit, call or visit
	Participants []quad.IRI `json:"participants,omitempty"` // the article's person nodes
	Date         string     `json:"date,omitempty"`         // ISO 8601 at its precision, or ""
	Place        quad.IRI   `json:"place,omitempty"`        // or ""
	Status       string     `json:"status"`                 // happened, planned or proposed
}

// Records are the per-article facts resolution works on.
type Records struct {
	Persons       []Named `json:"persons,omitempty"`
	Organizations []Named `json:"organizations,omitempty"`
	Roles         []Role  `json:"roles,omitempty"`
	Events        []Event `json:"events,omitempty"`
}

// Decision says which canonical node an article's node is, and why.
type Decision struct {
	Article   quad.IRI
	Node      quad.IRI
	Canonical quad.IRI
	Rule      string
	Name      string // a person's canonical name; "" for other nodes
}

// Result is the outcome of Resolve.
type Result struct {
	Decisions []Decision
	// Merged counts, per kind of node, the nodes that were written
	// under another IRI than the canonical one.
	Merged map[string]int
	// Rewritten counts the articles whose quads a store rewrote to apply
	// the result; Resolve itself leaves it zero.
	Rewritten int
	// Again counts the person, organization and event records resolved
	// afresh: all of them for Resolve, those a change reaches for Update.
	Again int
}

// Renames returns, per article, the nodes whose IRI is not canonical and
// the canonical IRI each should become.
func (r Result) Renames() map[quad.IRI]map[quad.IRI]quad.IRI {
	out := map[quad.IRI]map[quad.IRI]quad.IRI{}
	for _, d := range r.Decisions {
		if d.Node == d.Canonical {
			continue
		}
		m := out[d.Article]
		if m == nil {
			m = map[quad.IRI]quad.IRI{}
			out[d.Article] = m
		}
		m[d.Node] = d.Canonical
	}
	return out
}

// Options adjust Resolve.
type Options struct {
	// Aliases pin or forbid merges; nil corrects nothing.
	Aliases *Aliases
	// GivenName reports whether a word is a common given name; such a
	// single name never joins a person by their first name. Nil means no
	// word is.
	GivenName func(string) bool
}

func (o Options) withDefaults() Options {
	if o.Aliases == nil {
		o.Aliases = &Aliases{}
	}
	if o.GivenName == nil {
		o.GivenName = func(string) bool { return false }
	}
	return o
}

// Resolve decides the canonical node of every record.
func Resolve(recs Records, opts Options) Result {
	opts = opts.withDefaults()
	n := len(recs.Persons) + len(recs.Organizations) + len(recs.Roles) + len(recs.Events)
	res := Result{Merged: map[string]int{}, Decisions: make([]Decision, 0, n),
		Again: len(recs.Persons) + len(recs.Organizations) + len(recs.Events)}
	persons := resolvePersons(recs.Persons, opts)
	for i, p := range recs.Persons {
		d := Decision{Article: p.Article, Node: p.Node, Canonical: persons.iri[i], Rule: persons.rule[i], Name: persons.name[persons.iri[i]]}
		res.add("persons", d)
	}
	orgs := resolveOrganizations(recs.Organizations, opts.Aliases)
	for i, o := range recs.Organizations {
		res.add("organizations", Decision{Article: o.Article, Node: o.Node, Canonical: orgs.iri[i], Rule: orgs.rule[i]})
	}
	res.addRoles(recs.Roles, persons)
	for _, d := range resolveEvents(recs.Events, persons) {
		res.add("events", d)
	}
	return res
}

// addRoles decides the roles: each is its holder's, under the holder's
// canonical name.
func (r *Result) addRoles(roles []Role, persons personResult) {
	type role struct{ name, title, country, to string }
	made := map[role]Decision{} // the same role in many articles is made once
	for _, x := range roles {
		holder := persons.byNode[articleNode{x.Article, x.Holder}]
		name := persons.name[holder]
		if name == "" {
			continue // a role without its holder in the records
		}
		k := role{name, x.Title, x.Country, x.To}
		d, ok := made[k]
		if !ok {
			d = Decision{Canonical: schema.RoleIRI(name, x.Title, x.Country, x.To), Rule: "role of " + name}
			made[k] = d
		}
		d.Article, d.Node = x.Article, x.Node
		r.add("roles", d)
	}
}

func (r *Result) add(kind string, d Decision) {
	if d.Node != d.Canonical {
		r.Merged[kind]++
	}
	r.Decisions = append(r.Decisions, d)
}

type articleNode struct{ article, node quad.IRI }

// personKey is the form under which names are the same person: the slug
// without one-letter parts ("Donald J. Trump" is "donald-trump").
func personKey(name string) string {
	parts := strings.Split(schema.Slug(name), "-")
	kept := parts[:0:0]
	for _, p := range parts {
		if len(p) > 1 {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return schema.Slug(name)
	}
	return strings.Join(kept, "-")
}

// unionFind groups string keys.
type unionFind struct {
	parent  map[string]string
	members map[string][]string
}

func newUnionFind() *unionFind {
	return &unionFind{parent: map[string]string{}, members: map[string][]string{}}
}

func (u *unionFind) add(k string) {
	if _, ok := u.parent[k]; !ok {
		u.parent[k] = k
		u.members[k] = []string{k}
	}
}

func (u *unionFind) find(k string) string {
	for u.parent[k] != k {
		u.parent[k] = u.parent[u.parent[k]]
		k = u.parent[k]
	}
	return k
}

// union joins the groups of a and b unless forbidden says a pair of
// their members must stay apart; it reports whether they are joined.
func (u *unionFind) union(a, b string, forbidden map[[2]string]bool) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	for _, x := range u.members[ra] {
		for _, y := range u.members[rb] {
			if forbidden[[2]string{x, y}] || forbidden[[2]string{y, x}] {
				return false
			}
		}
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.members[ra] = append(u.members[ra], u.members[rb]...)
	delete(u.members, rb)
	return true
}

type personResult struct {
	iri    []quad.IRI               // per record
	rule   []string                 // per record
	byNode map[articleNode]quad.IRI // article node -> canonical
	name   map[quad.IRI]string      // canonical -> name
}

// keyCache folds each distinct name once: a store names the same
// persons and organizations in thousands of articles.
type keyCache struct {
	fold func(string) string
	keys map[string]string
}

func (c *keyCache) key(name string) string {
	k, ok := c.keys[name]
	if !ok {
		k = c.fold(name)
		c.keys[name] = k
	}
	return k
}

// resolvePersons decides the persons' records: each as DecidePersons
// decides its name over the names of all of them.
func resolvePersons(ps []Named, opts Options) personResult {
	names := PersonNames{}
	folded := &keyCache{fold: personKey, keys: map[string]string{}}
	for _, p := range ps {
		k := folded.key(p.Name)
		if names[k] == nil {
			names[k] = map[string]int{}
		}
		names[k][p.Name]++
	}
	decided := decidePersons(names, opts)
	res := personResult{byNode: make(map[articleNode]quad.IRI, len(ps)), name: map[quad.IRI]string{},
		iri: make([]quad.IRI, 0, len(ps)), rule: make([]string, 0, len(ps))}
	for _, p := range ps {
		d := decided[p.Name]
		res.iri = append(res.iri, d.Canonical)
		res.rule = append(res.rule, d.Rule)
		res.byNode[articleNode{p.Article, p.Node}] = d.Canonical
		res.name[d.Canonical] = d.Name
	}
	return res
}

// better reports whether name n, used by c records, is a better name
// than best: more name parts, then more records, then fewer initials,
// then alphabetical.
func better(n string, c int, best string, bestN int) bool {
	if best == "" {
		return true
	}
	pn, pb := strings.Count(personKey(n), "-"), strings.Count(personKey(best), "-")
	if pn != pb {
		return pn > pb
	}
	if c != bestN {
		return c > bestN
	}
	if in, ib := initials(n), initials(best); in != ib {
		return in < ib
	}
	return n < best
}

// initials counts the one-letter words of a name ("Donald J. Trump": 1).
func initials(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		if len(strings.TrimSuffix(w, ".")) == 1 {
			n++
		}
	}
	return n
}

// displayName is the most used name of a key.
func displayName(m map[string]int) string {
	best, bestN := "", 0
	for n, c := range m {
		if c > bestN || c == bestN && n < best {
			best, bestN = n, c
		}
	}
	return best
}

// betterOrgName reports whether organization name n, used by c
// records, is a better name than best: more words (a leading "The"
// aside), then more records, then longer, then alphabetical. Words come
// first, as a person's name parts do (better), so that the full name
// stays canonical ("United Nations", not "UN") however the counts of an
// acronym and its expansion move as articles come: with counts first,
// one article could move every article's node of the organization.
func betterOrgName(n string, c int, best string, bestN int) bool {
	if best == "" {
		return true
	}
	if wn, wb := orgWords(n), orgWords(best); wn != wb {
		return wn > wb
	}
	if c != bestN {
		return c > bestN
	}
	return len(n) > len(best) || len(n) == len(best) && n < best
}

// orgWords counts the words of an organization name without a leading
// "The".
func orgWords(name string) int {
	w := strings.Fields(name)
	if len(w) > 1 && strings.EqualFold(w[0], "the") {
		return len(w) - 1
	}
	return len(w)
}

type orgResult struct {
	iri  []quad.IRI
	rule []string
}

// orgKey compares organization names without "The", case, punctuation
// and spaces ("G-20" and "G20").
func orgKey(name string) string {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	return strings.ReplaceAll(schema.Slug(name), "-", "")
}

// resolveOrganizations decides the organizations' records: each as
// DecideOrganizations decides its name over the names and aliases of all
// of them, in their order.
func resolveOrganizations(os []Named, al *Aliases) orgResult {
	var sum OrgNames
	sum.Names = map[string]map[string]int{}
	folded := &keyCache{fold: orgKey, keys: map[string]string{}}
	for i, o := range os {
		k := folded.key(o.Name)
		if sum.Names[k] == nil {
			sum.Names[k] = map[string]int{}
		}
		sum.Names[k][o.Name]++
		for j, a := range o.Aliases {
			sum.Aliases = append(sum.Aliases, OrgAlias{Article: o.Article, Index: i, Pos: j, Name: o.Name, Alias: a})
		}
	}
	decided := decideOrganizations(sum, al)
	res := orgResult{iri: make([]quad.IRI, 0, len(os)), rule: make([]string, 0, len(os))}
	for _, o := range os {
		d := decided[o.Name]
		res.iri = append(res.iri, d.Canonical)
		res.rule = append(res.rule, d.Rule)
	}
	return res
}
