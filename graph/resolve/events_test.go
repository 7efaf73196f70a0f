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
