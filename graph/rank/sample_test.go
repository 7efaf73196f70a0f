package rank_test

import (
	"math"
	"testing"

	"github.com/kg-news/kg/graph/internal/synth"
	"github.com/kg-news/kg/graph/rank"
)

// TestSampledBetweennessError measures the error of sampled betweenness
// against the exact value on a 3,050-node synthetic news graph: the
// figures the README quotes come from this test's log (go test -v).
func TestSampledBetweennessError(t *testing.T) {
	v := synth.New(2500, 3).View()
	exact, _ := rank.Centrality(v, rank.Betweenness, rank.Options{ExactLimit: v.Len()})
	top := topN(exact, 10)
	for _, k := range []int{64, 256} {
		est, _ := rank.Centrality(v, rank.Betweenness, rank.Options{ExactLimit: 1, Samples: k})
		var relErr float64
		for _, id := range top {
			relErr += math.Abs(est[id]-exact[id]) / exact[id]
		}
		relErr /= float64(len(top))
		overlap := 0
		estTop := topN(est, 10)
		for _, a := range top {
			for _, b := range estTop {
				if a == b {
					overlap++
				}
			}
		}
		t.Logf("samples=%d: mean relative error on the exact top 10 = %.3f; top-10 overlap %d/10", k, relErr, overlap)
		if relErr > 0.25 || overlap < 7 {
			t.Errorf("samples=%d: error %.3f, overlap %d/10: sampling too coarse", k, relErr, overlap)
		}
	}
}
