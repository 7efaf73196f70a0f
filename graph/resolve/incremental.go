package resolve

import (
	"maps"
	"slices"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// Summary is what incremental resolution reads of a store as the last
// resolution left it: its records summed up by key, the decisions made
// for each name and event record, and any article's records and
// decisions. All of it follows from the articles' records and decisions
// alone, so a store can keep it beside them and rebuild it from them.
type Summary interface {
	// Persons and Organizations index the names of the records.
	Persons() NameIndex
	Organizations() OrgIndex
	// PersonDecision and OrgDecision are the decisions for every record
	// of a name.
	PersonDecision(name string) (PersonDecision, bool)
	OrgDecision(name string) (OrgDecision, bool)
	// CanonicalName is the name of the persons whose canonical node is
	// iri; ok is false when no person's is.
	CanonicalName(iri quad.IRI) (string, bool)
	// ArticlesNaming returns the articles with a person record, and
	// ArticlesNamingOrg those with an organization record, of a name.
	ArticlesNaming(name string) []quad.IRI
	ArticlesNamingOrg(name string) []quad.IRI
	// Events returns the event records of a key with their decisions.
	Events(key string) []DecidedEvent
	// RawEventKeys returns the keys of the events with a participant
	// iri that has no person record.
	RawEventKeys(iri quad.IRI) []string
	// Article returns an article's records and decisions, in the order
	// of Prior's Decided; ok is false for an article the store lacks.
	Article(a quad.IRI) (Records, []Decision, bool)
}

// DecidedEvent is a kept event record and the decision made for it.
type DecidedEvent struct {
	KeyedEvent
	Decision Decision
}

// Change is an article added, replaced or removed: its records after
// the change, each with its Article set, and none when it is removed.
type Change struct {
	Article quad.IRI
	Records Records
	Removed bool
}

// Delta is what changes make of a store's decisions: every article whose
// decisions are not those kept, with all of its decisions, and what the
// store keeps of the names and event keys decided again.
type Delta struct {
	// Decided holds, for each changed article and each article whose
	// decisions changed, its decisions in the order of Prior's Decided;
	// a removed article has none.
	Decided map[quad.IRI][]Decision
	// Persons and Organizations are the decisions for the names decided
	// again that records still carry.
	Persons       map[string]PersonDecision
	Organizations map[string]OrgDecision
	// Events are the records of the event keys clustered again, by key,
	// with their decisions; a key without records has none.
	Events map[string][]DecidedEvent
	// Again counts the person and organization names and the event
	// records decided again.
	Again int
}

// Incremental resolves changes to a store from its summary: it decides
// again the names the changes reach (PersonReach, OrgReach), the roles
// and events of the articles whose persons moved, and the event keys
// whose records changed, and returns the decisions of the articles that
// differ from the ones kept. The result is the one Resolve gives over
// every article's records.
//
// It costs what the changed articles cost, plus the names of the
// components they reach, the records of the event keys they reach and
// the articles whose decisions change; not the store's size.
func Incremental(changes []Change, sum Summary, opts Options) Delta {
	opts = opts.withDefaults()
	delta := Delta{Decided: map[quad.IRI][]Decision{}, Events: map[string][]DecidedEvent{}}
	changed := map[quad.IRI]bool{}
	type before struct {
		recs    Records
		decided []Decision
	}
	was := map[quad.IRI]before{}
	for _, c := range changes {
		changed[c.Article] = true
		if r, d, ok := sum.Article(c.Article); ok {
			was[c.Article] = before{r, d}
		}
	}
	after := func(c Change) Records {
		if c.Removed {
			return Records{}
		}
		return c.Records
	}

	// Persons: the names of the changed articles, before and after.
	pdelta := map[string]int{}
	var pkeys []string
	for _, c := range changes {
		for _, p := range was[c.Article].recs.Persons {
			pdelta[p.Name]--
			pkeys = append(pkeys, personKey(p.Name))
		}
		for _, p := range after(c).Persons {
			pdelta[p.Name]++
			pkeys = append(pkeys, personKey(p.Name))
		}
	}
	pidx := &personOverlay{base: sum.Persons(), delta: pdelta}
	pdec := DecidePersons(PersonReach(pkeys, pidx, opts), opts)
	delta.Persons = pdec
	personOf := func(name string) (PersonDecision, bool) {
		if d, ok := pdec[name]; ok {
			return d, true
		}
		return sum.PersonDecision(name)
	}
	// The canonical nodes whose persons may differ: a raw participant
	// with one of them goes by another name now.
	touched := map[quad.IRI]bool{}
	moved := map[quad.IRI]bool{} // articles whose persons moved
	for name, d := range pdec {
		touched[d.Canonical] = true
		if old, ok := sum.PersonDecision(name); ok {
			touched[old.Canonical] = true
			if old != d {
				for _, a := range sum.ArticlesNaming(name) {
					moved[a] = true
				}
			}
		}
	}
	for name := range pdelta {
		if old, ok := sum.PersonDecision(name); ok {
			touched[old.Canonical] = true
		}
	}
	nameOf := func(iri quad.IRI) (string, bool) {
		if !touched[iri] {
			return sum.CanonicalName(iri)
		}
		for _, d := range pdec {
			if d.Canonical == iri {
				return d.Name, true
			}
		}
		return "", false
	}

	// Organizations: their names and aliases, before and after.
	odelta := map[string]int{}
	var okeys []string
	var added []OrgAlias
	for _, c := range changes {
		for _, o := range was[c.Article].recs.Organizations {
			odelta[o.Name]--
			okeys = append(okeys, orgKey(o.Name))
			for _, a := range o.Aliases {
				okeys = append(okeys, orgKey(a))
			}
		}
		for i, o := range after(c).Organizations {
			odelta[o.Name]++
			okeys = append(okeys, orgKey(o.Name))
			for j, a := range o.Aliases {
				okeys = append(okeys, orgKey(a))
				added = append(added, OrgAlias{Article: c.Article, Index: i, Pos: j, Name: o.Name, Alias: a})
			}
		}
	}
	oidx := &orgOverlay{base: sum.Organizations(), delta: odelta, changed: changed, added: added}
	odec := DecideOrganizations(OrgReach(okeys, oidx, opts.Aliases), opts.Aliases)
	delta.Organizations = odec
	orgOf := func(name string) (OrgDecision, bool) {
		if d, ok := odec[name]; ok {
			return d, true
		}
		return sum.OrgDecision(name)
	}
	for name, d := range odec {
		if old, ok := sum.OrgDecision(name); ok && old != d {
			for _, a := range sum.ArticlesNamingOrg(name) {
				moved[a] = true
			}
		}
	}
	delta.Again = len(pdec) + len(odec)

	// Events: the records of the changed articles and of the articles
	// whose persons moved are keyed again; every key they leave or
	// join, or whose raw participants go by another name, is clustered
	// again.
	records := map[quad.IRI]Records{} // the articles decided again
	oldDecided := map[quad.IRI][]Decision{}
	for _, c := range changes {
		records[c.Article] = after(c)
		oldDecided[c.Article] = was[c.Article].decided
	}
	rekey := map[quad.IRI]bool{}
	for a := range changed {
		rekey[a] = true
	}
	load := func(a quad.IRI) {
		if _, ok := records[a]; ok {
			return
		}
		if r, d, ok := sum.Article(a); ok {
			records[a], oldDecided[a] = r, d
		}
	}
	for a := range moved {
		load(a)
		rekey[a] = true
	}
	again := map[string]bool{}
	for iri := range touched {
		for _, k := range sum.RawEventKeys(iri) {
			again[k] = true
		}
	}
	for k := range again {
		for _, e := range sum.Events(k) {
			load(e.Article)
			rekey[e.Article] = true
		}
	}
	var keyed []KeyedEvent
	for a := range rekey {
		for _, d := range oldDecided[a] {
			if k, ok := schema.EventParticipantsOf(d.Canonical); ok {
				again[k] = true
			}
		}
		r := records[a]
		nodes := personNodes(r, personOf)
		for _, e := range r.Events {
			ke := KeyEvent(e, func(n quad.IRI) (PersonDecision, bool) {
				d, ok := nodes[n]
				return d, ok
			}, nameOf)
			again[ke.Key()] = true
			keyed = append(keyed, ke)
		}
	}
	eventOf := map[articleNode]Decision{}
	for _, k := range slices.Sorted(maps.Keys(again)) {
		var recs []KeyedEvent
		old := map[articleNode]Decision{}
		for _, e := range sum.Events(k) {
			if !rekey[e.Article] {
				recs = append(recs, e.KeyedEvent)
				old[articleNode{e.Article, e.Node}] = e.Decision
			}
		}
		for _, ke := range keyed {
			if ke.Key() == k {
				recs = append(recs, ke)
			}
		}
		kept := make([]DecidedEvent, len(recs))
		for i, d := range ClusterEvents(recs) {
			kept[i] = DecidedEvent{KeyedEvent: recs[i], Decision: d}
			n := articleNode{d.Article, d.Node}
			eventOf[n] = d
			if o, ok := old[n]; ok && o != d {
				load(d.Article)
			}
		}
		delta.Events[k] = kept
		delta.Again += len(recs)
	}

	// Every article decided again: its decisions, kept when they are
	// the ones it had.
	gone := map[quad.IRI]bool{}
	for _, c := range changes {
		gone[c.Article] = c.Removed
	}
	for a, r := range records {
		if gone[a] {
			delta.Decided[a] = nil
			continue
		}
		ds := decideArticle(r, personOf, orgOf, func(e Event) Decision {
			if d, ok := eventOf[articleNode{e.Article, e.Node}]; ok {
				return d
			}
			for _, d := range oldDecided[e.Article] {
				if d.Node == e.Node {
					return d
				}
			}
			return Decision{}
		})
		if changed[a] || !slices.Equal(ds, oldDecided[a]) {
			delta.Decided[a] = ds
		}
	}
	return delta
}

// personNodes gives an article's person nodes their decisions, the last
// record of a node winning as in Resolve.
func personNodes(r Records, personOf func(string) (PersonDecision, bool)) map[quad.IRI]PersonDecision {
	out := make(map[quad.IRI]PersonDecision, len(r.Persons))
	for _, p := range r.Persons {
		if d, ok := personOf(p.Name); ok {
			out[p.Node] = d
		}
	}
	return out
}

// decideArticle gives an article's decisions in the order of Prior's
// Decided from the decisions of its names and events.
func decideArticle(r Records, personOf func(string) (PersonDecision, bool), orgOf func(string) (OrgDecision, bool), eventOf func(Event) Decision) []Decision {
	out := make([]Decision, 0, len(r.Persons)+len(r.Organizations)+len(r.Roles)+len(r.Events))
	for _, p := range r.Persons {
		d, _ := personOf(p.Name)
		out = append(out, Decision{Article: p.Article, Node: p.Node, Canonical: d.Canonical, Rule: d.Rule, Name: d.Name})
	}
	for _, o := range r.Organizations {
		d, _ := orgOf(o.Name)
		out = append(out, Decision{Article: o.Article, Node: o.Node, Canonical: d.Canonical, Rule: d.Rule})
	}
	nodes := personNodes(r, personOf)
	for _, x := range r.Roles {
		h, ok := nodes[x.Holder]
		if !ok || h.Name == "" {
			out = append(out, Decision{Article: x.Article, Node: x.Node})
			continue
		}
		out = append(out, Decision{Article: x.Article, Node: x.Node,
			Canonical: schema.RoleIRI(h.Name, x.Title, x.Country, x.To), Rule: "role of " + h.Name})
	}
	for _, e := range r.Events {
		out = append(out, eventOf(e))
	}
	return out
}

// personOverlay is a store's person names with a change's counts on top.
type personOverlay struct {
	base  NameIndex
	delta map[string]int // name -> records more, or fewer
}

func (o *personOverlay) Names(key string) map[string]int {
	return withDelta(o.base.Names(key), o.delta, key, personKey)
}

// withDelta is the names under key of base with the counts of delta
// added, those that reach zero left out.
func withDelta(base map[string]int, delta map[string]int, key string, fold func(string) string) map[string]int {
	m := maps.Clone(base)
	for n, d := range delta {
		if d == 0 || fold(n) != key {
			continue
		}
		if m == nil {
			m = map[string]int{}
		}
		if m[n] += d; m[n] <= 0 {
			delete(m, n)
		}
	}
	return m
}

func (o *personOverlay) FullKeys(part string) []string {
	keys := o.base.FullKeys(part)
	for n := range o.delta {
		k := personKey(n)
		if first, last, ok := nameParts(k); ok && (first == part || last == part) && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// orgOverlay is a store's organization names and aliases with a
// change's on top.
type orgOverlay struct {
	base    OrgIndex
	delta   map[string]int
	changed map[quad.IRI]bool
	added   []OrgAlias
}

func (o *orgOverlay) Names(key string) map[string]int {
	return withDelta(o.base.Names(key), o.delta, key, orgKey)
}

func (o *orgOverlay) Aliases(key string) []OrgAlias {
	var out []OrgAlias
	for _, a := range o.base.Aliases(key) {
		if !o.changed[a.Article] {
			out = append(out, a)
		}
	}
	for _, a := range o.added {
		if orgKey(a.Name) == key || orgKey(a.Alias) == key {
			out = append(out, a)
		}
	}
	return out
}
