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
	// Decision returns the earlier resolution's decision for an
	// article's node: it must know every record of the unchanged
	// articles and every record in Records.
	Decision func(article, node quad.IRI) (Decision, bool)
}

// Update decides the canonical node of every record exactly as Resolve
// does, but resolves again only the records that the changed articles
// can reach and takes the earlier decisions for the rest. The reach is
// cut by blocking keys no merge crosses: a person is reached through
// its folded name, the single names that are its first or last part and
// the aliases file's pins; an organization through its folded name, the
// aliases it was given and the pins; an event through the slugs of its
// principals' names. Update returns ok false when prior lacks a decision
// it needs; Resolve is then the way.
//
// With R records, K distinct names and r records reached, it costs
// O(R + K) map operations to find the reach and what Resolve costs on r
// records, instead of what Resolve costs on R.
func Update(recs Records, prior Prior, opts Options) (res Result, ok bool) {
	opts = opts.withDefaults()
	n := len(recs.Persons) + len(recs.Organizations) + len(recs.Roles) + len(recs.Events)
	res = Result{Merged: map[string]int{}, Decisions: make([]Decision, 0, n)}

	// Persons.
	pkeys := &keyCache{fold: personKey, keys: map[string]string{}}
	pb := newBlocks()
	for _, list := range [][]Named{recs.Persons, prior.Records.Persons} {
		for _, p := range list {
			pb.node(pkeys.key(p.Name))
		}
	}
	for _, pin := range opts.Aliases.Pins {
		pb.join(personKey(pin.A), personKey(pin.B))
	}
	pb.joinNameParts()
	for _, p := range prior.Records.Persons {
		pb.reach(pkeys.key(p.Name))
	}
	for _, p := range recs.Persons {
		if prior.Changed(p.Article) {
			pb.reach(pkeys.key(p.Name))
		}
	}
	var subPersons []Named
	personAt := make([]int, len(recs.Persons)) // index in subPersons, or -1
	for i, p := range recs.Persons {
		personAt[i] = -1
		if pb.reached(pkeys.key(p.Name)) {
			personAt[i] = len(subPersons)
			subPersons = append(subPersons, p)
		}
	}
	sub := resolvePersons(subPersons, opts)
	persons := personResult{byNode: make(map[articleNode]quad.IRI, len(recs.Persons)), name: map[quad.IRI]string{}}
	reachedNode := make(map[articleNode]bool, len(subPersons))
	for i, p := range recs.Persons {
		var d Decision
		if j := personAt[i]; j >= 0 {
			d = Decision{Canonical: sub.iri[j], Rule: sub.rule[j], Name: sub.name[sub.iri[j]]}
			reachedNode[articleNode{p.Article, p.Node}] = true
		} else if d, ok = prior.Decision(p.Article, p.Node); !ok || d.Name == "" {
			return Result{}, false
		}
		d.Article, d.Node = p.Article, p.Node
		persons.byNode[articleNode{p.Article, p.Node}] = d.Canonical
		persons.name[d.Canonical] = d.Name
		res.add("persons", d)
	}

	// Organizations.
	okeys := &keyCache{fold: orgKey, keys: map[string]string{}}
	ob := newBlocks()
	for _, list := range [][]Named{recs.Organizations, prior.Records.Organizations} {
		for _, o := range list {
			k := okeys.key(o.Name)
			ob.node(k)
			for _, al := range o.Aliases {
				ob.join(k, okeys.key(al))
			}
		}
	}
	for _, pin := range opts.Aliases.Pins {
		ob.join(orgKey(pin.A), orgKey(pin.B))
	}
	for _, o := range prior.Records.Organizations {
		ob.reach(okeys.key(o.Name))
	}
	for _, o := range recs.Organizations {
		if prior.Changed(o.Article) {
			ob.reach(okeys.key(o.Name))
		}
	}
	var subOrgs []Named
	orgAt := make([]int, len(recs.Organizations))
	for i, o := range recs.Organizations {
		orgAt[i] = -1
		if ob.reached(okeys.key(o.Name)) {
			orgAt[i] = len(subOrgs)
			subOrgs = append(subOrgs, o)
		}
	}
	orgs := resolveOrganizations(subOrgs, opts.Aliases)
	for i, o := range recs.Organizations {
		var d Decision
		if j := orgAt[i]; j >= 0 {
			d = Decision{Canonical: orgs.iri[j], Rule: orgs.rule[j]}
		} else if d, ok = prior.Decision(o.Article, o.Node); !ok {
			return Result{}, false
		}
		d.Article, d.Node = o.Article, o.Node
		res.add("organizations", d)
	}

	// Roles: each costs a lookup, so all of them are decided again.
	res.addRoles(recs.Roles, persons)

	// Events, blocked by their principals' names.
	events, again, ok := updateEvents(recs.Events, prior, persons, reachedNode)
	if !ok {
		return Result{}, false
	}
	res.Again = len(subPersons) + len(subOrgs) + again
	for _, d := range events {
		res.add("events", d)
	}
	return res, true
}

// updateEvents decides the events as resolveEvents does, clustering
// again only the records whose principals' names are those of a record
// that changed: one of a changed article, or with a participant whose
// person was resolved again (reached).
func updateEvents(es []Event, prior Prior, persons personResult, reached map[articleNode]bool) (ds []Decision, clustered int, ok bool) {
	out := make([]Decision, len(es))
	keys := make([]string, len(es))
	recs := make([]eventRecord, len(es))
	fresh := make([]bool, len(es)) // recs[i] is made
	again := map[string]bool{}     // the principals' names to cluster again
	priorKey := func(a, node quad.IRI) (string, Decision, bool) {
		d, ok := prior.Decision(a, node)
		if !ok {
			return "", d, false
		}
		k, ok := schema.EventParticipantsOf(d.Canonical)
		return k, d, ok
	}
	for i := range es {
		e := &es[i]
		changed := prior.Changed(e.Article)
		touched := changed
		for _, p := range e.Participants {
			if touched {
				break
			}
			touched = reached[articleNode{e.Article, p}]
		}
		if !changed {
			k, d, ok := priorKey(e.Article, e.Node)
			if !ok {
				return nil, 0, false
			}
			d.Article, d.Node = e.Article, e.Node
			keys[i], out[i] = k, d
			if !touched {
				continue
			}
			again[k] = true
		}
		recs[i], fresh[i] = principals(e, persons), true
		keys[i] = schema.EventParticipants(recs[i].names)
		again[keys[i]] = true
	}
	for _, e := range prior.Records.Events {
		k, _, ok := priorKey(e.Article, e.Node)
		if !ok {
			return nil, 0, false
		}
		again[k] = true
	}
	var sub []eventRecord
	var at []int
	for i := range es {
		if !again[keys[i]] {
			continue
		}
		if !fresh[i] {
			recs[i] = principals(&es[i], persons)
		}
		sub = append(sub, recs[i])
		at = append(at, i)
	}
	for j, d := range clusterEvents(sub) {
		out[at[j]] = d
	}
	return out, len(sub), true
}

// blocks partitions blocking keys into groups that no merge crosses;
// some groups are reached by a change.
type blocks struct {
	id      map[string]int32
	keys    []string
	parent  []int32
	reaches map[int32]bool // roots reached
}

func newBlocks() *blocks { return &blocks{id: map[string]int32{}, reaches: map[int32]bool{}} }

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

func (b *blocks) find(i int32) int32 {
	for b.parent[i] != i {
		b.parent[i] = b.parent[b.parent[i]]
		i = b.parent[i]
	}
	return i
}

func (b *blocks) join(x, y string) {
	rx, ry := b.find(b.node(x)), b.find(b.node(y))
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

// reach marks the group of a key as reached by a change; reach comes
// after every join.
func (b *blocks) reach(k string) { b.reaches[b.find(b.node(k))] = true }

func (b *blocks) reached(k string) bool {
	i, ok := b.id[k]
	return ok && b.reaches[b.find(i)]
}
