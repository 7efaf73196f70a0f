package resolve

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// randomArticle makes one article's records from small pools of names,
// so that articles collide: single names, shared first and last names,
// initials, organization aliases, events of the same principals.
func randomArticle(r *rand.Rand, iri quad.IRI) Records {
	firsts := []string{"Donald", "Ivanka", "Vladimir", "John", "Anna", "Kim"}
	lasts := []string{"Trump", "Putin", "Smith", "Lee", "Jong Un", "Lopez", "López"}
	orgs := [][]string{{"United Nations", "UN"}, {"UN"}, {"The World Bank"}, {"World Bank", "WB"}, {"WB"}, {"NATO"}, {"G-20"}, {"G20", "Group of 20"}}
	kinds := []string{"meeting", "summit", "call", "visit"}
	dates := []string{"", "2024", "2024-05", "2024-05-01", "2024-05-02", "2024-06-10"}
	places := []quad.IRI{"", schema.KG + "country/us", schema.KG + "place/us/washington", schema.KG + "place/us/new-york", schema.KG + "country/ru"}
	statuses := []string{"happened", "planned", "proposed"}
	published := []string{"", "2024-04-01", "2024-05-15", "2024-07-01"}

	var recs Records
	pub := published[r.Intn(len(published))]
	np := r.Intn(5)
	for i := range np {
		f, l := firsts[r.Intn(len(firsts))], lasts[r.Intn(len(lasts))]
		var name string
		switch r.Intn(6) {
		case 0:
			name = l
		case 1:
			name = f
		case 2:
			name = f + " J. " + l
		default:
			name = f + " " + l
		}
		recs.Persons = append(recs.Persons, Named{Article: iri, Node: quad.IRI(fmt.Sprintf("%s#p%d", iri, i)), Name: name})
	}
	for i := range r.Intn(3) {
		o := orgs[r.Intn(len(orgs))]
		recs.Organizations = append(recs.Organizations, Named{Article: iri, Node: quad.IRI(fmt.Sprintf("%s#o%d", iri, i)), Name: o[0], Aliases: o[1:]})
	}
	for i := range r.Intn(3) {
		if np == 0 {
			break
		}
		holder := recs.Persons[r.Intn(np)].Node
		if r.Intn(8) == 0 {
			holder = quad.IRI(fmt.Sprintf("%s#nobody", iri))
		}
		recs.Roles = append(recs.Roles, Role{Article: iri, Node: quad.IRI(fmt.Sprintf("%s#r%d", iri, i)), Holder: holder,
			Title: []string{"president", "minister"}[r.Intn(2)], Country: []string{"", "US", "RU"}[r.Intn(3)]})
	}
	for i := range r.Intn(4) {
		var ps []quad.IRI
		for _, p := range recs.Persons {
			if r.Intn(2) == 0 {
				ps = append(ps, p.Node)
			}
		}
		if r.Intn(6) == 0 {
			ps = append(ps, schema.PersonIRI(firsts[r.Intn(len(firsts))])) // a participant without a person record
		}
		recs.Events = append(recs.Events, Event{Article: iri, Published: pub, Node: quad.IRI(fmt.Sprintf("%s#e%d", iri, i)),
			Kind: kinds[r.Intn(len(kinds))], Participants: ps, Date: dates[r.Intn(len(dates))],
			Place: places[r.Intn(len(places))], Status: statuses[r.Intn(len(statuses))]})
	}
	return recs
}

// joined is the records of articles in IRI order, as a store reads them.
func joined(arts map[quad.IRI]Records) Records {
	iris := make([]quad.IRI, 0, len(arts))
	for a := range arts {
		iris = append(iris, a)
	}
	slices.Sort(iris)
	var all Records
	for _, a := range iris {
		r := arts[a]
		all.Persons = append(all.Persons, r.Persons...)
		all.Organizations = append(all.Organizations, r.Organizations...)
		all.Roles = append(all.Roles, r.Roles...)
		all.Events = append(all.Events, r.Events...)
	}
	return all
}

// TestUpdateIsResolve checks Update against Resolve on random stores and
// random changes: articles added, replaced and removed, several updates
// in a row, each starting from the decisions of the one before.
func TestUpdateIsResolve(t *testing.T) {
	al, err := ParseAliases(strings.NewReader("Donald J. Trump = Donald Trump\nTrump != Ivanka Trump\nWB = World Bank\nNATO != UN\n"), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Aliases: al, GivenName: func(n string) bool { return n == "John" || n == "Anna" }}
	reached := 0
	for seed := range 200 {
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
		prevRecs := joined(arts)
		prev := Resolve(prevRecs, opts)
		for step := range 3 {
			iris := make([]quad.IRI, 0, len(arts))
			for a := range arts {
				iris = append(iris, a)
			}
			slices.Sort(iris)
			changed := map[quad.IRI]bool{}
			before := map[quad.IRI]Records{}
			for range 1 + r.Intn(3) {
				switch a := iris[r.Intn(len(iris))]; r.Intn(3) {
				case 0: // removed
					if !changed[a] {
						before[a] = arts[a]
					}
					changed[a] = true
					delete(arts, a)
				case 1: // replaced
					if !changed[a] {
						before[a] = arts[a]
					}
					changed[a] = true
					if _, ok := arts[a]; ok {
						arts[a] = randomArticle(r, a)
					}
				default:
					changed[add()] = true
				}
			}
			prior := Prior{
				Changed: func(a quad.IRI) bool { return changed[a] },
				Records: joined(before),
				Decided: decidedBy(prev, prevRecs),
			}
			recs := joined(arts)
			want := Resolve(recs, opts)
			got, ok := Update(recs, prior, opts)
			if !ok {
				t.Fatalf("seed %d step %d: Update lacked a decision", seed, step)
			}
			if !reflect.DeepEqual(got.Decisions, want.Decisions) {
				t.Fatalf("seed %d step %d: Update differs from Resolve:\n%s", seed, step, decisionDiff(got.Decisions, want.Decisions))
			}
			if got.Again > want.Again {
				t.Fatalf("seed %d step %d: Update resolved %d records again, Resolve %d", seed, step, got.Again, want.Again)
			}
			got.Again = want.Again
			if !reflect.DeepEqual(got.Merged, want.Merged) {
				t.Fatalf("seed %d step %d: merged %v, want %v", seed, step, got.Merged, want.Merged)
			}
			for _, d := range want.Decisions {
				if changed[d.Article] {
					reached++
				}
			}
			prev, prevRecs = got, recs
		}
	}
	if reached == 0 {
		t.Fatal("no change reached a record: the test tests nothing")
	}
}

// decidedBy is Prior.Decided for a result: each article's decisions,
// with one of no Canonical for a role that had no holder.
func decidedBy(res Result, recs Records) func(quad.IRI) []Decision {
	by := map[quad.IRI][]Decision{}
	decided := map[articleNode]bool{}
	for _, d := range res.Decisions {
		by[d.Article] = append(by[d.Article], d)
		decided[articleNode{d.Article, d.Node}] = true
	}
	for _, r := range recs.Roles {
		if !decided[articleNode{r.Article, r.Node}] {
			by[r.Article] = append(by[r.Article], Decision{Article: r.Article, Node: r.Node})
		}
	}
	return func(a quad.IRI) []Decision { return by[a] }
}

func decisionDiff(got, want []Decision) string {
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w Decision
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			fmt.Fprintf(&b, "  got  %+v\n  want %+v\n", g, w)
		}
	}
	return b.String()
}

// TestUpdateNeedsItsPrior checks that Update refuses to guess: an
// unchanged article without an earlier decision makes it report false.
func TestUpdateNeedsItsPrior(t *testing.T) {
	recs := Records{Persons: []Named{person("a", "Donald Trump"), person("b", "Vladimir Putin")}}
	prev := Resolve(recs, Options{})
	for _, missing := range []string{"kg:article/a", "kg:article/b"} {
		prior := Prior{
			Changed: func(a quad.IRI) bool { return false },
			Decided: func(a quad.IRI) []Decision {
				if string(a) == missing {
					return nil
				}
				return decidedBy(prev, recs)(a)
			},
		}
		if _, ok := Update(recs, prior, Options{}); ok {
			t.Errorf("without the decisions of %s: Update reported ok", missing)
		}
	}
}

// TestUpdateReachesLittle checks that a change to one person's articles
// resolves again only what shares a blocking key with it.
func TestUpdateReachesLittle(t *testing.T) {
	arts := map[quad.IRI]Records{}
	for i := range 50 {
		a := quad.IRI(fmt.Sprintf("kg:article/%02d", i))
		name := fmt.Sprintf("Person%c Name%c", 'a'+i%26, 'a'+i/26)
		arts[a] = Records{Persons: []Named{{Article: a, Node: quad.IRI(a + "#p"), Name: name}}}
	}
	prevRecs := joined(arts)
	prev := Resolve(prevRecs, Options{})

	changedArt := quad.IRI("kg:article/07")
	before := arts[changedArt]
	arts[changedArt] = Records{Persons: []Named{{Article: changedArt, Node: "kg:article/07#p", Name: "Namea"}}}
	prior := Prior{
		Changed: func(a quad.IRI) bool { return a == changedArt },
		Records: before,
		Decided: decidedBy(prev, prevRecs),
	}
	got, ok := Update(joined(arts), prior, Options{})
	if !ok {
		t.Fatal("Update lacked a decision")
	}
	want := Resolve(joined(arts), Options{})
	if !reflect.DeepEqual(got.Decisions, want.Decisions) {
		t.Fatalf("Update differs from Resolve:\n%s", decisionDiff(got.Decisions, want.Decisions))
	}
	// "Namea" is the last name of Persona Namea .. Personz Namea: the 26
	// persons of those articles, the changed one among them, are
	// resolved again; the other 24 keep their decisions.
	if got.Again != 26 {
		t.Errorf("%d records resolved again, want 26", got.Again)
	}
}
