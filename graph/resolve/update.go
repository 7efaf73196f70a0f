package resolve

import (
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// Prior is what an earlier resolution of the same articles saw and
// decided, for Update to start from.
type Prior struct {
	// Changed reports whether an article was added, replaced or removed
	// since the earlier resolution.
	Changed func(article quad.IRI) bool
	// Records are the changed articles' records as the earlier
	// resolution read them; an added article has none.
	Records Records
	// Decided returns the earlier resolution's decisions for an
	// article's records: one for each of its persons, organizations,
	// roles and events, a role without its holder having one with its
	// Node and no Canonical. It must know every unchanged article and
	// every article of Records.
	Decided func(article quad.IRI) []Decision
}

// Update decides the canonical node of every record exactly as Resolve
// does, but resolves again only the records that the changed articles
// can reach and takes the earlier decisions for the rest. The reach is
// cut by blocking keys no merge crosses: a person is reached through
// its folded name, the single names that are its first or last part and
// the aliases file's pins; an organization through its folded name, the
// aliases it was given and the pins; a role through its holder; an event
// through the slugs of its principals' names. Update returns ok false
// when prior lacks a decision it needs; Resolve is then the way.
//
// With R records, A articles and K distinct names, it costs O(R) slice
// operations and O(A + K) map operations to find the reach, and what
// Resolve costs on the r records reached, instead of what Resolve costs
// on R.
func Update(recs Records, prior Prior, opts Options) (res Result, ok bool) {
	opts = opts.withDefaults()
	n := len(recs.Persons) + len(recs.Organizations) + len(recs.Roles) + len(recs.Events)
	res = Result{Merged: map[string]int{}, Decisions: make([]Decision, 0, n)}
	was := &priorCursor{prior: prior}

	// Persons.
	pb := newBlocks(personKey)
	personID := pb.names(recs.Persons)
	beforeID := pb.names(prior.Records.Persons)
	for _, pin := range opts.Aliases.Pins {
		pb.join(personKey(pin.A), personKey(pin.B))
	}
	pb.joinNameParts()
	pb.reachChanged(recs.Persons, personID, beforeID, was)
	var subPersons []Named
	personAt := make([]int32, len(recs.Persons)) // index in subPersons, or -1
	for i, p := range recs.Persons {
		personAt[i] = -1
		if pb.reached(personID[i]) {
			personAt[i] = int32(len(subPersons))
			subPersons = append(subPersons, p)
		}
	}
	sub := resolvePersons(subPersons, opts)
	// Roles and events see a person through its canonical node and
	// name: only the persons resolved to another one (moved) change
	// them.
	reachedArticle := map[quad.IRI]bool{}
	moved := map[articleNode]bool{}
	movedArticle := map[quad.IRI]bool{}
	for i, p := range recs.Persons {
		var d Decision
		if j := personAt[i]; j >= 0 {
			d = Decision{Canonical: sub.iri[j], Rule: sub.rule[j], Name: sub.name[sub.iri[j]]}
			reachedArticle[p.Article] = true
			if !was.changed(p.Article) {
				before, ok := was.decision(p.Article, p.Node)
				if !ok {
					return Result{}, false
				}
				if before.Canonical != d.Canonical || before.Name != d.Name {
					moved[articleNode{p.Article, p.Node}] = true
					movedArticle[p.Article] = true
				}
			}
		} else if d, ok = was.decision(p.Article, p.Node); !ok || d.Name == "" {
			return Result{}, false
		}
		d.Article, d.Node = p.Article, p.Node
		res.add("persons", d)
	}
	// personOf is the decision for an article's person node, as
	// resolvePersons' byNode and name say it; the nodes reached are
	// looked up in sub, the rest in prior.
	personOf := func(a, node quad.IRI) (Decision, bool) {
		if reachedArticle[a] {
			if iri, ok := sub.byNode[articleNode{a, node}]; ok {
				return Decision{Canonical: iri, Name: sub.name[iri]}, true
			}
		}
		if was.changed(a) {
			return Decision{}, false // a changed article's persons are all in sub
		}
		d, ok := was.decision(a, node)
		return d, ok && d.Name != ""
	}

	// Organizations.
	ob := newBlocks(orgKey)
	orgID := ob.names(recs.Organizations)
	beforeOrgID := ob.names(prior.Records.Organizations)
	for _, list := range [][]Named{recs.Organizations, prior.Records.Organizations} {
		for _, o := range list {
			for _, al := range o.Aliases {
				ob.union(ob.named(o.Name), ob.named(al))
			}
		}
	}
	for _, pin := range opts.Aliases.Pins {
		ob.join(orgKey(pin.A), orgKey(pin.B))
	}
	ob.reachChanged(recs.Organizations, orgID, beforeOrgID, was)
	var subOrgs []Named
	orgAt := make([]int32, len(recs.Organizations))
	for i, o := range recs.Organizations {
		orgAt[i] = -1
		if ob.reached(orgID[i]) {
			orgAt[i] = int32(len(subOrgs))
			subOrgs = append(subOrgs, o)
		}
	}
	orgs := resolveOrganizations(subOrgs, opts.Aliases)
	for i, o := range recs.Organizations {
		var d Decision
		if j := orgAt[i]; j >= 0 {
			d = Decision{Canonical: orgs.iri[j], Rule: orgs.rule[j]}
		} else if d, ok = was.decision(o.Article, o.Node); !ok {
			return Result{}, false
		}
		d.Article, d.Node = o.Article, o.Node
		res.add("organizations", d)
	}

	// Roles: a role is its holder's, so it changes with the holder.
	var subRoles []Role
	holders := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{}}
	again := func(x Role) bool {
		return was.changed(x.Article) || movedArticle[x.Article] && moved[articleNode{x.Article, x.Holder}]
	}
	for _, x := range recs.Roles {
		if !again(x) {
			continue
		}
		if d, ok := personOf(x.Article, x.Holder); ok {
			holders.byNode[articleNode{x.Article, x.Holder}] = d.Canonical
			holders.name[d.Canonical] = d.Name
		}
		subRoles = append(subRoles, x)
	}
	var roles Result
	roles.Merged = map[string]int{}
	roles.addRoles(subRoles, holders)
	for _, x := range recs.Roles {
		var d Decision
		if len(roles.Decisions) > 0 && roles.Decisions[0].Article == x.Article && roles.Decisions[0].Node == x.Node {
			d, roles.Decisions = roles.Decisions[0], roles.Decisions[1:]
		} else if again(x) {
			continue // decided again: no holder
		} else if d, ok = was.decision(x.Article, x.Node); !ok {
			return Result{}, false
		} else if d.Canonical == "" {
			continue // no holder before either
		}
		d.Article, d.Node = x.Article, x.Node
		res.add("roles", d)
	}

	// Events, blocked by their principals' names. A participant without
	// a person record goes by its IRI, under the name of the person that
	// has it as canonical node, if one does.
	persons := res.Decisions[:len(recs.Persons)]
	namesOf := func(iris map[quad.IRI]bool) map[quad.IRI]string {
		out := map[quad.IRI]string{}
		for _, d := range persons {
			if iris[d.Canonical] {
				out[d.Canonical] = d.Name
			}
		}
		return out
	}
	events, clustered, ok := updateEvents(recs.Events, was, personOf, namesOf, func(e *Event) bool {
		if !movedArticle[e.Article] {
			return false
		}
		for _, p := range e.Participants {
			if moved[articleNode{e.Article, p}] {
				return true
			}
		}
		return false
	})
	if !ok {
		return Result{}, false
	}
	for _, d := range events {
		res.add("events", d)
	}
	res.Again = len(subPersons) + len(subOrgs) + clustered
	return res, true
}

// updateEvents decides the events as resolveEvents does, clustering
// again only the records whose principals' names are those of a record
// that changed: one of a changed article, or with a participant whose
// person moved to another canonical node or name.
func updateEvents(es []Event, was *priorCursor, personOf func(a, node quad.IRI) (Decision, bool),
	namesOf func(map[quad.IRI]bool) map[quad.IRI]string, moved func(*Event) bool) (ds []Decision, clustered int, ok bool) {
	out := make([]Decision, len(es))
	keys := make([]string, len(es))
	again := map[string]bool{} // the principals' names to cluster again
	priorKey := func(a, node quad.IRI) (string, Decision, bool) {
		d, ok := was.decision(a, node)
		if !ok {
			return "", d, false
		}
		k, ok := schema.EventParticipantsOf(d.Canonical)
		return k, d, ok
	}
	persons := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{}}
	raw := map[quad.IRI]bool{} // participants without a person record
	resolved := func(e *Event) eventRecord {
		for _, p := range e.Participants {
			if d, ok := personOf(e.Article, p); ok {
				persons.byNode[articleNode{e.Article, p}] = d.Canonical
				persons.name[d.Canonical] = d.Name
			} else {
				raw[p] = true
			}
		}
		return principals(e, persons)
	}
	for i := range es {
		e := &es[i]
		changed := was.changed(e.Article)
		if !changed {
			k, d, ok := priorKey(e.Article, e.Node)
			if !ok {
				return nil, 0, false
			}
			d.Article, d.Node = e.Article, e.Node
			keys[i], out[i] = k, d
			if !moved(e) {
				continue
			}
			again[k] = true
		}
		keys[i] = schema.EventParticipants(resolved(e).names)
		again[keys[i]] = true
	}
	for _, e := range was.prior.Records.Events {
		k, _, ok := priorKey(e.Article, e.Node)
		if !ok {
			return nil, 0, false
		}
		again[k] = true
	}
	// The key of a record holds the slugs of its principals' names,
	// which a raw participant's IRI already is; its name is needed for
	// the records clustered.
	var at []int
	clear(raw)
	for i := range es {
		if again[keys[i]] {
			resolved(&es[i])
			at = append(at, i)
		}
	}
	for iri, name := range namesOf(raw) {
		if _, ok := persons.name[iri]; !ok {
			persons.name[iri] = name
		}
	}
	sub := make([]eventRecord, len(at))
	for j, i := range at {
		sub[j] = principals(&es[i], persons)
	}
	for j, d := range clusterEvents(sub) {
		out[at[j]] = d
	}
	return out, len(sub), true
}

// priorCursor reads a Prior article by article: records come in runs of
// one article, so each run asks prior once.
type priorCursor struct {
	prior      Prior
	article    quad.IRI
	decided    []Decision
	isChanged  bool
	looked     bool
	changedFor quad.IRI
}

func (c *priorCursor) changed(a quad.IRI) bool {
	if !c.looked || a != c.changedFor {
		c.changedFor, c.isChanged, c.looked = a, c.prior.Changed(a), true
	}
	return c.isChanged
}

// decision is the earlier decision for an article's node.
func (c *priorCursor) decision(a, node quad.IRI) (Decision, bool) {
	if a != c.article || c.decided == nil {
		c.article, c.decided = a, c.prior.Decided(a)
	}
	for _, d := range c.decided {
		if d.Node == node {
			return d, true
		}
	}
	return Decision{}, false
}

// blocks partitions blocking keys into groups that no merge crosses;
// some groups are reached by a change.
type blocks struct {
	fold    func(string) string
	id      map[string]int32 // key -> id
	byName  map[string]int32 // name -> id of its key
	keys    []string
	parent  []int32
	reaches []bool // by root
}

func newBlocks(fold func(string) string) *blocks {
	return &blocks{fold: fold, id: map[string]int32{}, byName: map[string]int32{}}
}

func (b *blocks) node(k string) int32 {
	i, ok := b.id[k]
	if !ok {
		i = int32(len(b.parent))
		b.id[k] = i
		b.keys = append(b.keys, k)
		b.parent = append(b.parent, i)
	}
	return i
}

// named is the id of a name's key; each name is folded once.
func (b *blocks) named(name string) int32 {
	id, ok := b.byName[name]
	if !ok {
		id = b.node(b.fold(name))
		b.byName[name] = id
	}
	return id
}

// names returns the id of each record's key.
func (b *blocks) names(list []Named) []int32 {
	ids := make([]int32, len(list))
	for i, x := range list {
		ids[i] = b.named(x.Name)
	}
	return ids
}

func (b *blocks) find(i int32) int32 {
	for b.parent[i] != i {
		b.parent[i] = b.parent[b.parent[i]]
		i = b.parent[i]
	}
	return i
}

func (b *blocks) join(x, y string) { b.union(b.node(x), b.node(y)) }

func (b *blocks) union(x, y int32) {
	rx, ry := b.find(x), b.find(y)
	if rx != ry {
		b.parent[ry] = rx
	}
}

// joinNameParts joins each full person key to the single names that
// are its first or last part: the joins resolvePersons can make.
func (b *blocks) joinNameParts() {
	for _, k := range b.keys {
		first, rest, ok := strings.Cut(k, "-")
		if !ok {
			continue
		}
		if _, ok := b.id[first]; ok {
			b.join(k, first)
		}
		last := rest[strings.LastIndexByte(rest, '-')+1:]
		if _, ok := b.id[last]; ok {
			b.join(k, last)
		}
	}
}

// reachChanged marks as reached the groups of the changed articles'
// records, now and before; it comes after every join.
func (b *blocks) reachChanged(now []Named, nowID, beforeID []int32, was *priorCursor) {
	b.reaches = make([]bool, len(b.parent))
	for _, id := range beforeID {
		b.reaches[b.find(id)] = true
	}
	for i, x := range now {
		if was.changed(x.Article) {
			b.reaches[b.find(nowID[i])] = true
		}
	}
}

func (b *blocks) reached(id int32) bool { return b.reaches[b.find(id)] }
