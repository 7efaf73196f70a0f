package resolve

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/kg-news/kg/schema"
)

// BenchmarkResolve20kEvents resolves 20,000 event records of 2,000
// articles over 500 persons, with their person records.
func BenchmarkResolve20kEvents(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var recs Records
	const articles, persons, events = 2000, 500, 20000
	for a := 0; a < articles; a++ {
		art := quad.IRI(fmt.Sprintf("kg:article/%d", a))
		for p := 0; p < 5; p++ {
			name := fmt.Sprintf("Person%d Surname%d", rng.IntN(persons), rng.IntN(persons))
			recs.Persons = append(recs.Persons, Named{Article: art, Node: schema.PersonIRI(name), Name: name})
		}
	}
	for e := 0; e < events; e++ {
		a := rng.IntN(articles)
		art := quad.IRI(fmt.Sprintf("kg:article/%d", a))
		p1 := recs.Persons[a*5+rng.IntN(5)]
		p2 := recs.Persons[a*5+rng.IntN(5)]
		recs.Events = append(recs.Events, Event{Article: art, Node: quad.IRI(fmt.Sprintf("kg:event/%d", e)), Kind: "meeting",
			Participants: []quad.IRI{p1.Node, p2.Node}, Date: fmt.Sprintf("20%02d", 10+rng.IntN(10)), Status: "happened"})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Resolve(recs, Options{})
	}
}

// newsLike makes the records of n articles: five persons each, drawn
// from 20,000 names of which a few are named very often (Zipf), now and
// then by their last name alone; two organizations; a role; two
// meetings of two of the article's persons.
func newsLike(n int, seed uint64) map[quad.IRI]Records {
	rng := rand.New(rand.NewPCG(seed, 3))
	people := rand.NewZipf(rng, 1.1, 1, 19999)
	orgs := rand.NewZipf(rng, 1.2, 1, 1999)
	out := make(map[quad.IRI]Records, n)
	for a := range n {
		art := quad.IRI(fmt.Sprintf("kg:article/%06d", a))
		var r Records
		for i := range 5 {
			k := people.Uint64()
			name := fmt.Sprintf("Given%d Family%d", k%4000, k)
			if rng.IntN(5) == 0 {
				name = fmt.Sprintf("Family%d", k)
			}
			r.Persons = append(r.Persons, Named{Article: art, Node: quad.IRI(fmt.Sprintf("%s#p%d", art, i)), Name: name})
		}
		for i := range 2 {
			k := orgs.Uint64()
			r.Organizations = append(r.Organizations, Named{Article: art, Node: quad.IRI(fmt.Sprintf("%s#o%d", art, i)),
				Name: fmt.Sprintf("Organization %d", k), Aliases: []string{fmt.Sprintf("O%d", k)}})
		}
		r.Roles = append(r.Roles, Role{Article: art, Node: quad.IRI(art + "#r"), Holder: r.Persons[0].Node, Title: "minister", Country: "FR"})
		for i := range 2 {
			p, q := r.Persons[rng.IntN(5)].Node, r.Persons[rng.IntN(5)].Node
			r.Events = append(r.Events, Event{Article: art, Node: quad.IRI(fmt.Sprintf("%s#e%d", art, i)), Kind: "meeting",
				Participants: []quad.IRI{p, q}, Date: fmt.Sprintf("2024-%02d", 1+rng.IntN(12)), Status: "happened"})
		}
		out[art] = r
	}
	return out
}

// BenchmarkOneNewArticle resolves a store of 10,000 news-like articles
// after one more came in: all of it again (Resolve), or from the
// decisions before it (Update).
func BenchmarkOneNewArticle(b *testing.B) {
	arts := newsLike(10000, 1)
	prevRecs := joined(arts)
	prev := Resolve(prevRecs, Options{})
	decided := decidedBy(prev, prevRecs)
	extra := newsLike(10001, 2)
	added := quad.IRI("kg:article/010000")
	arts[added] = extra[added]
	recs := joined(arts)
	prior := Prior{
		Changed: func(a quad.IRI) bool { return a == added },
		Decided: decided,
	}
	b.Run("Resolve", func(b *testing.B) {
		for b.Loop() {
			Resolve(recs, Options{})
		}
	})
	b.Run("Update", func(b *testing.B) {
		for b.Loop() {
			if _, ok := Update(recs, prior, Options{}); !ok {
				b.Fatal("Update lacked a decision")
			}
		}
	})
}

// BenchmarkClusterHubPair clusters 10,000 event records of one pair of
// principals, as a much-reported pair has in a large store: dates of
// every precision over ten years, a few places, some planned. by-date
// looks up the clusters of a compatible date, as clusterEvents does;
// every-cluster compares each record with every cluster of the pair.
func BenchmarkClusterHubPair(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	places := []quad.IRI{"", schema.KG + "country/us", schema.KG + "place/us/washington", schema.KG + "place/ru/moscow"}
	es := make([]Event, 10000)
	for i := range es {
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28))
		date = date[:[]int{0, 4, 7, 10, 10}[rng.IntN(5)]]
		status := "happened"
		if rng.IntN(4) == 0 {
			status = "planned"
		}
		es[i] = Event{Article: quad.IRI(fmt.Sprintf("kg:article/%d", i)), Node: quad.IRI(fmt.Sprintf("kg:event/%d", i)), Kind: "meeting",
			Participants: []quad.IRI{"kg:person/a", "kg:person/b"}, Date: date, Place: places[rng.IntN(len(places))], Status: status,
			Published: fmt.Sprintf("20%02d-06-01", 10+rng.IntN(10))}
	}
	persons := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{}}
	recs := make([]eventRecord, len(es))
	for i := range es {
		recs[i] = principals(&es[i], persons)
	}
	everyCluster := func(b *clusterBlock, fit []*cluster, r eventRecord) []*cluster {
		for _, c := range b.under[""] {
			if c.fits(r.e) {
				fit = append(fit, c)
			}
		}
		return fit
	}
	for _, bc := range []struct {
		name    string
		fitting func(*clusterBlock, []*cluster, eventRecord) []*cluster
	}{{"by-date", (*clusterBlock).fitting}, {"every-cluster", everyCluster}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				clusterEventsBy(recs, bc.fitting)
			}
		})
	}
}
