package resolve

import (
	"fmt"
	"maps"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// memSummary is a Summary derived, as a store would derive it, from
// every article's records and decisions.
type memSummary struct {
	arts    map[quad.IRI]Records
	decided map[quad.IRI][]Decision
	persons PersonNames
	orgs    orgStore
	pdec    map[string]PersonDecision
	odec    map[string]OrgDecision
	canon   map[quad.IRI]string
	pArts   map[string][]quad.IRI
	oArts   map[string][]quad.IRI
	events  map[string][]DecidedEvent
	raw     map[quad.IRI][]string
}

func newMemSummary(arts map[quad.IRI]Records, decided map[quad.IRI][]Decision) *memSummary {
	s := &memSummary{arts: arts, decided: decided, persons: PersonNames{}, orgs: orgStore{},
		pdec: map[string]PersonDecision{}, odec: map[string]OrgDecision{}, canon: map[quad.IRI]string{},
		pArts: map[string][]quad.IRI{}, oArts: map[string][]quad.IRI{}, events: map[string][]DecidedEvent{}, raw: map[quad.IRI][]string{}}
	iris := slices.Sorted(maps.Keys(arts))
	for _, a := range iris {
		r, ds := arts[a], decided[a]
		for i, p := range r.Persons {
			d := ds[i]
			s.persons.Add(p.Name, 1)
			s.pdec[p.Name] = PersonDecision{Canonical: d.Canonical, Name: d.Name, Rule: d.Rule}
			s.canon[d.Canonical] = d.Name
			if !slices.Contains(s.pArts[p.Name], a) {
				s.pArts[p.Name] = append(s.pArts[p.Name], a)
			}
		}
		s.orgs[a] = r.Organizations
		for i, o := range r.Organizations {
			d := ds[len(r.Persons)+i]
			s.odec[o.Name] = OrgDecision{Canonical: d.Canonical, Rule: d.Rule}
			if !slices.Contains(s.oArts[o.Name], a) {
				s.oArts[o.Name] = append(s.oArts[o.Name], a)
			}
		}
	}
	for _, a := range iris {
		r, ds := arts[a], decided[a]
		nodes := map[quad.IRI]PersonDecision{}
		for _, p := range r.Persons {
			nodes[p.Node] = s.pdec[p.Name]
		}
		evs := ds[len(ds)-len(r.Events):]
		for i, e := range r.Events {
			ke := KeyEvent(e, func(n quad.IRI) (PersonDecision, bool) {
				d, ok := nodes[n]
				return d, ok
			}, func(iri quad.IRI) (string, bool) {
				n, ok := s.canon[iri]
				return n, ok
			})
			k := ke.Key()
			s.events[k] = append(s.events[k], DecidedEvent{KeyedEvent: ke, Decision: evs[i]})
			for _, p := range ke.Raw {
				if !slices.Contains(s.raw[p], k) {
					s.raw[p] = append(s.raw[p], k)
				}
			}
		}
	}
	return s
}

func (s *memSummary) Persons() NameIndex      { return mapIndex(s.persons) }
func (s *memSummary) Organizations() OrgIndex { return s.orgs }
func (s *memSummary) PersonDecision(n string) (PersonDecision, bool) {
	d, ok := s.pdec[n]
	return d, ok
}
func (s *memSummary) OrgDecision(n string) (OrgDecision, bool) {
	d, ok := s.odec[n]
	return d, ok
}
func (s *memSummary) CanonicalName(iri quad.IRI) (string, bool) {
	n, ok := s.canon[iri]
	return n, ok
}
func (s *memSummary) ArticlesNaming(n string) []quad.IRI    { return s.pArts[n] }
func (s *memSummary) ArticlesNamingOrg(n string) []quad.IRI { return s.oArts[n] }
func (s *memSummary) Events(k string) []DecidedEvent        { return s.events[k] }
func (s *memSummary) RawEventKeys(iri quad.IRI) []string    { return s.raw[iri] }
func (s *memSummary) Article(a quad.IRI) (Records, []Decision, bool) {
	r, ok := s.arts[a]
	return r, s.decided[a], ok
}

// decidedInOrder splits a result into each article's decisions in the
// order of Prior's Decided.
func decidedInOrder(res Result, arts map[quad.IRI]Records) map[quad.IRI][]Decision {
	by := map[articleNode]Decision{}
	for _, d := range res.Decisions {
		by[articleNode{d.Article, d.Node}] = d
	}
	out := map[quad.IRI][]Decision{}
	for a, r := range arts {
		var ds []Decision
		for _, p := range r.Persons {
			ds = append(ds, by[articleNode{a, p.Node}])
		}
		for _, o := range r.Organizations {
			ds = append(ds, by[articleNode{a, o.Node}])
		}
		for _, x := range r.Roles {
			d, ok := by[articleNode{a, x.Node}]
			if !ok {
				d = Decision{Article: a, Node: x.Node}
			}
			ds = append(ds, d)
		}
		for _, e := range r.Events {
			ds = append(ds, by[articleNode{a, e.Node}])
		}
		out[a] = ds
	}
	return out
}

// TestIncrementalIsResolve checks Incremental against Resolve on random
// stores and random changes (articles added, replaced and removed,
// several in a row), each step starting from the decisions the one
// before left, and that what it returns for the store to keep is what
// the store derives from the new decisions.
func TestIncrementalIsResolve(t *testing.T) {
	al, err := ParseAliases(strings.NewReader("Donald J. Trump = Donald Trump\nTrump != Ivanka Trump\nWB = World Bank\nNATO != UN\n"), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Aliases: al, GivenName: func(n string) bool { return n == "John" || n == "Anna" }}
	var decidedAgain, articles int
	for seed := range 150 {
		r := rand.New(rand.NewSource(int64(seed)))
		arts := map[quad.IRI]Records{}
		next := 0
		add := func() quad.IRI {
			a := quad.IRI(fmt.Sprintf("kg:article/%03d", next))
			next++
			arts[a] = randomArticle(r, a)
			return a
		}
		for range 5 + r.Intn(30) {
			add()
		}
		decided := decidedInOrder(Resolve(joined(arts), opts), arts)
		for step := range 3 {
			sum := newMemSummary(maps.Clone(arts), maps.Clone(decided))
			iris := slices.Sorted(maps.Keys(arts))
			byArticle := map[quad.IRI]Change{}
			for range 1 + r.Intn(3) {
				switch a := iris[r.Intn(len(iris))]; r.Intn(3) {
				case 0:
					delete(arts, a)
					byArticle[a] = Change{Article: a, Removed: true}
				case 1:
					if _, ok := arts[a]; ok {
						arts[a] = randomArticle(r, a)
						byArticle[a] = Change{Article: a, Records: arts[a]}
					}
				default:
					a := add()
					byArticle[a] = Change{Article: a, Records: arts[a]}
				}
			}
			changes := slices.Collect(maps.Values(byArticle))
			sort.Slice(changes, func(i, j int) bool { return changes[i].Article < changes[j].Article })
			delta := Incremental(changes, sum, opts)
			for a, ds := range delta.Decided {
				if ds == nil {
					delete(decided, a)
				} else {
					decided[a] = ds
				}
			}
			want := decidedInOrder(Resolve(joined(arts), opts), arts)
			for a := range want {
				if got := decided[a]; len(got)+len(want[a]) > 0 && !reflect.DeepEqual(got, want[a]) {
					t.Fatalf("seed %d step %d, %s: Incremental\n%+v\nResolve\n%+v", seed, step, a, decided[a], want[a])
				}
			}
			if len(decided) != len(want) {
				t.Fatalf("seed %d step %d: %d articles decided, %d in the store", seed, step, len(decided), len(want))
			}
			now := newMemSummary(arts, decided)
			for name, d := range delta.Persons {
				if now.pdec[name] != d {
					t.Fatalf("seed %d step %d: kept person %q %+v, store %+v", seed, step, name, d, now.pdec[name])
				}
			}
			for name, d := range delta.Organizations {
				if now.odec[name] != d {
					t.Fatalf("seed %d step %d: kept organization %q %+v, store %+v", seed, step, name, d, now.odec[name])
				}
			}
			for k, evs := range delta.Events {
				if !sameEvents(evs, now.events[k]) {
					t.Fatalf("seed %d step %d: kept events of %s\n%+v\nstore\n%+v", seed, step, k, evs, now.events[k])
				}
			}
			decidedAgain += len(delta.Decided)
			articles += len(arts)
		}
	}
	if 3*decidedAgain > articles {
		t.Errorf("%d of %d articles decided again: the reach cuts little", decidedAgain, articles)
	}
	t.Logf("%d of %d articles decided again", decidedAgain, articles)
}

// sameEvents compares kept event records regardless of order.
func sameEvents(a, b []DecidedEvent) bool {
	key := func(e DecidedEvent) string { return string(e.Article) + " " + string(e.Node) }
	if len(a) != len(b) {
		return false
	}
	by := map[string]DecidedEvent{}
	for _, e := range b {
		by[key(e)] = e
	}
	for _, e := range a {
		if !reflect.DeepEqual(by[key(e)], e) {
			return false
		}
	}
	return true
}
