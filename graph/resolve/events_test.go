package resolve

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestClusterEventsByDate: looking up only the clusters of a compatible
// date decides every event record as comparing it with every cluster of
// its principals does, on random stores whose records share principals,
// dates at every precision, places and statuses.
func TestClusterEventsByDate(t *testing.T) {
	everyCluster := func(b *clusterBlock, fit []*cluster, r eventRecord) []*cluster {
		for _, c := range b.under[""] {
			if c.fits(r.e) {
				fit = append(fit, c)
			}
		}
		return fit
	}
	r := rand.New(rand.NewSource(7))
	clustered := 0
	for store := range 300 {
		var es []Event
		for a := range 1 + r.Intn(60) {
			es = append(es, randomArticle(r, quad.IRI(fmt.Sprintf("kg:article/%d-%03d", store, a))).Events...)
		}
		persons := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{}}
		recs := make([]eventRecord, len(es))
		for i := range es {
			recs[i] = principals(&es[i], persons)
		}
		got, want := clusterEvents(recs), clusterEventsBy(recs, everyCluster)
		if !reflect.DeepEqual(got, want) {
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("store %d, record %d (%+v):\n got %+v\nwant %+v", store, i, *recs[i].e, got[i], want[i])
				}
			}
		}
		for _, d := range want {
			if strings.HasPrefix(d.Rule, "same principals") {
				clustered++
			}
		}
	}
	if clustered == 0 {
		t.Fatal("no record joined another: the stores test nothing")
	}
	if testing.Verbose() {
		t.Logf("%d records joined a cluster", clustered)
	}
}

// TestLookAlikeEventsKeepTheirIRIs: of events that read alike, each but
// the first is told apart by its first record, so a new one that comes
// before the others in the order of clustering renames none of them,
// where numbering them in that order renamed every one after it.
func TestLookAlikeEventsKeepTheirIRIs(t *testing.T) {
	trump, putin := quad.IRI("kg:person/donald-trump"), quad.IRI("kg:person/vladimir-putin")
	meeting := func(article string, n int) Event {
		return Event{Article: quad.IRI(article), Node: quad.IRI(fmt.Sprintf("%s#e%d", article, n)), Kind: "meeting",
			Participants: []quad.IRI{trump, putin}, Status: "happened"}
	}
	// Two meetings of one article stay apart, so every later undated
	// report fits both and is kept apart too: look-alikes all.
	var es []Event
	for _, a := range []string{"kg:article/m", "kg:article/m", "kg:article/p", "kg:article/q", "kg:article/r"} {
		es = append(es, meeting(a, len(es)))
	}
	canonical := func(es []Event) map[quad.IRI]quad.IRI {
		persons := personResult{byNode: map[articleNode]quad.IRI{}, name: map[quad.IRI]string{
			trump: "Donald Trump", putin: "Vladimir Putin"}}
		out := map[quad.IRI]quad.IRI{}
		for _, d := range resolveEvents(es, persons) {
			out[d.Node] = d.Canonical
		}
		return out
	}
	before := canonical(es)
	distinct := map[quad.IRI]bool{}
	for _, c := range before {
		distinct[c] = true
	}
	if len(distinct) != len(es) {
		t.Fatalf("%d events of %d records, want each apart: %v", len(distinct), len(es), before)
	}
	after := canonical(append(es, meeting("kg:article/n", len(es))))
	renamed := 0
	for node, c := range before {
		if after[node] != c {
			renamed++
		}
	}
	if renamed > 0 {
		t.Errorf("a new look-alike event renamed %d of %d: before %v, after %v", renamed, len(es), before, after)
	}
}
