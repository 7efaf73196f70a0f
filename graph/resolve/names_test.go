package resolve

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
)

// mapIndex is a NameIndex over a multiset held in memory.
type mapIndex PersonNames

func (m mapIndex) Names(key string) map[string]int { return m[key] }

func (m mapIndex) FullKeys(part string) []string {
	var out []string
	for k := range m {
		if first, last, ok := nameParts(k); ok && (first == part || last == part) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// randomNames draws person names that share first and last parts, with
// initials and single names among them.
func randomNames(r *rand.Rand, n int) []string {
	firsts := []string{"Anna", "Boris", "Carl", "Dana", "Emil", "Li"}
	lasts := []string{"Smith", "Ivanov", "Lee", "Khan", "Moreau", "Dana"}
	out := make([]string, n)
	for i := range out {
		f, l := firsts[r.Intn(len(firsts))], lasts[r.Intn(len(lasts))]
		switch r.Intn(7) {
		case 0:
			out[i] = l
		case 1:
			out[i] = f
		case 2:
			out[i] = f + " J. " + l
		case 3:
			out[i] = f + " " + lasts[r.Intn(len(lasts))] + " " + l
		default:
			out[i] = f + " " + l
		}
	}
	return out
}

// TestPersonReach checks the claim incremental resolution rests on: after
// names are added to or removed from a store, DecidePersons on what
// PersonReach returns for the changed names' keys decides those names as
// a resolution of the whole store does, and no name outside it changes
// its decision.
func TestPersonReach(t *testing.T) {
	opts := Options{
		Aliases: &Aliases{
			Pins:    []Rule{{A: "Boris Lee", B: "Boris Ivanov", Where: "aliases:1"}, {A: "Emil", B: "Emil Zola", Where: "aliases:2"}},
			Forbids: []Rule{{A: "Khan", B: "Dana Khan", Where: "aliases:3"}},
		},
		GivenName: func(w string) bool { return w == "Anna" || w == "Carl" },
	}
	cut := 0 // changes whose reach is less than the store
	const seeds = 300
	for seed := range int64(seeds) {
		r := rand.New(rand.NewSource(seed))
		store := PersonNames{}
		for _, n := range randomNames(r, 5+r.Intn(40)) {
			store.Add(n, 1+r.Intn(3))
		}
		before := DecidePersons(store, opts)
		// A change: an article's names come, another's go.
		var changedKeys []string
		for _, n := range randomNames(r, 1+r.Intn(4)) {
			delta := 1 + r.Intn(2)
			if m := store[PersonKey(n)]; m[n] > 0 && r.Intn(2) == 0 {
				delta = -m[n]
			}
			store.Add(n, delta)
			changedKeys = append(changedKeys, PersonKey(n))
		}
		after := DecidePersons(store, opts)
		reach := PersonReach(changedKeys, mapIndex(store), opts)
		local := DecidePersons(reach, opts)
		for k, names := range store {
			for n := range names {
				if _, in := reach[k]; in {
					if local[n] != after[n] {
						t.Fatalf("seed %d: %q decided %+v in its reach, %+v by the whole store", seed, n, local[n], after[n])
					}
				} else if before[n] != after[n] {
					t.Fatalf("seed %d: %q outside the reach of %v moved from %+v to %+v", seed, n, changedKeys, before[n], after[n])
				}
			}
		}
		for _, k := range changedKeys {
			if _, in := reach[k]; store[k] != nil && !in {
				t.Fatalf("seed %d: changed key %q not reached", seed, k)
			}
		}
		if len(reach) < len(store) {
			cut++
		}
	}
	// Reaching the whole store would pass the checks above and cut
	// nothing.
	if cut < seeds/5 {
		t.Errorf("only %d of %d changes reach less than the whole store", cut, seeds)
	}
	t.Logf("%d of %d changes reach less than the whole store", cut, seeds)
}

// TestPersonNamesAdd checks that counts go up and down and that a name,
// then its key, leave at zero.
func TestPersonNamesAdd(t *testing.T) {
	pn := PersonNames{}
	pn.Add("Anna Smith", 2)
	pn.Add("Anna J. Smith", 1)
	pn.Add("Anna Smith", -2)
	if got := pn["anna-smith"]; len(got) != 1 || got["Anna J. Smith"] != 1 {
		t.Fatalf("after removing one name: %v", pn)
	}
	pn.Add("Anna J. Smith", -1)
	pn.Add("Boris", -1)
	if len(pn) != 0 {
		t.Fatalf("after removing every name: %v", pn)
	}
}

// orgStore is a store's organization records by article, with the
// index OrgReach reads.
type orgStore map[quad.IRI][]Named

func (s orgStore) records() []Named {
	var out []Named
	for _, a := range slices.Sorted(maps.Keys(s)) {
		for _, o := range s[a] {
			o.Article = a
			out = append(out, o)
		}
	}
	return out
}

func (s orgStore) Names(key string) map[string]int {
	out := map[string]int{}
	for _, os := range s {
		for _, o := range os {
			if orgKey(o.Name) == key {
				out[o.Name]++
			}
		}
	}
	return out
}

func (s orgStore) Aliases(key string) []OrgAlias {
	var out []OrgAlias
	for a, os := range s {
		for i, o := range os {
			for j, al := range o.Aliases {
				if orgKey(o.Name) == key || orgKey(al) == key {
					out = append(out, OrgAlias{Article: a, Index: i, Pos: j, Name: o.Name, Alias: al})
				}
			}
		}
	}
	return out
}

// decideAll decides a store's organizations as Resolve does, by name.
func (s orgStore) decideAll(al *Aliases) map[string]OrgDecision {
	recs := s.records()
	res := resolveOrganizations(recs, al)
	out := map[string]OrgDecision{}
	for i, o := range recs {
		out[o.Name] = OrgDecision{Canonical: res.iri[i], Rule: res.rule[i]}
	}
	return out
}

// TestOrgReach is TestPersonReach for organizations: names joined by
// aliases and pins, an article added or removed.
func TestOrgReach(t *testing.T) {
	pool := [][]string{{"United Nations", "UN"}, {"UN"}, {"The World Bank"}, {"World Bank", "WB", "Bank"}, {"WB"},
		{"NATO"}, {"G-20"}, {"G20", "Group of 20"}, {"Group of Twenty", "G20"}, {"Bank"}, {"IMF", "Fund"}, {"Fund"}, {"AU"}}
	al := &Aliases{
		Pins:    []Rule{{A: "AU", B: "African Union", Where: "aliases:1"}, {A: "NATO", B: "UN", Where: "aliases:2"}},
		Forbids: []Rule{{A: "Bank", B: "WB", Where: "aliases:3"}},
	}
	cut := 0
	const seeds = 300
	for seed := range int64(seeds) {
		r := rand.New(rand.NewSource(seed))
		store := orgStore{}
		article := func() []Named {
			var os []Named
			for range 1 + r.Intn(3) {
				o := pool[r.Intn(len(pool))]
				os = append(os, Named{Name: o[0], Aliases: o[1:]})
			}
			return os
		}
		for i := range 3 + r.Intn(12) {
			store[quad.IRI(fmt.Sprintf("a%02d", i))] = article()
		}
		before := store.decideAll(al)
		changed := quad.IRI(fmt.Sprintf("a%02d", r.Intn(16)))
		var keys []string
		keysOf := func(os []Named) {
			for _, o := range os {
				keys = append(keys, orgKey(o.Name))
				for _, a := range o.Aliases {
					keys = append(keys, orgKey(a))
				}
			}
		}
		keysOf(store[changed])
		if r.Intn(3) == 0 {
			delete(store, changed)
		} else {
			store[changed] = article()
			keysOf(store[changed])
		}
		after := store.decideAll(al)
		reach := OrgReach(keys, store, al)
		local := DecideOrganizations(reach, al)
		for name, d := range after {
			if _, in := reach.Names[orgKey(name)]; in {
				if local[name] != d {
					t.Fatalf("seed %d: %q decided %+v in its reach, %+v by the whole store", seed, name, local[name], d)
				}
			} else if before[name] != d {
				t.Fatalf("seed %d: %q outside the reach of %v moved from %+v to %+v", seed, name, keys, before[name], d)
			}
		}
		if len(local) < len(after) {
			cut++
		}
	}
	if cut < seeds/5 {
		t.Errorf("only %d of %d changes reach less than the whole store", cut, seeds)
	}
	t.Logf("%d of %d changes reach less than the whole store", cut, seeds)
}

// TestClusterEventsByKey checks that the events of a store, resolved
// through KeyEvent and clustered one key at a time, get the decisions
// Resolve gives them over the whole store.
func TestClusterEventsByKey(t *testing.T) {
	for seed := range int64(50) {
		r := rand.New(rand.NewSource(seed))
		var recs Records
		for i := range 40 {
			a := randomArticle(r, quad.IRI(fmt.Sprintf("kg:article/%03d", i)))
			recs.Persons = append(recs.Persons, a.Persons...)
			recs.Events = append(recs.Events, a.Events...)
		}
		res := Resolve(recs, Options{})
		byNode := map[articleNode]PersonDecision{}
		names := map[quad.IRI]string{}
		for _, d := range res.Decisions[:len(recs.Persons)] {
			byNode[articleNode{d.Article, d.Node}] = PersonDecision{Canonical: d.Canonical, Name: d.Name, Rule: d.Rule}
			names[d.Canonical] = d.Name
		}
		want := res.Decisions[len(res.Decisions)-len(recs.Events):]
		byKey := map[string][]int{}
		keyed := make([]KeyedEvent, len(recs.Events))
		for i, e := range recs.Events {
			keyed[i] = KeyEvent(e, func(n quad.IRI) (PersonDecision, bool) {
				d, ok := byNode[articleNode{e.Article, n}]
				return d, ok
			}, func(iri quad.IRI) (string, bool) {
				n, ok := names[iri]
				return n, ok
			})
			byKey[keyed[i].Key()] = append(byKey[keyed[i].Key()], i)
		}
		if len(byKey) < 2 {
			t.Fatalf("seed %d: %d keys: the draw tests little", seed, len(byKey))
		}
		for key, at := range byKey {
			one := make([]KeyedEvent, len(at))
			for j, i := range at {
				one[j] = keyed[i]
			}
			for j, d := range ClusterEvents(one) {
				if w := want[at[j]]; d != w {
					t.Fatalf("seed %d, key %s: %+v clustered alone, %+v by Resolve", seed, key, d, w)
				}
			}
		}
	}
}
