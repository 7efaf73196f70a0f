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
