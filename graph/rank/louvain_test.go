package rank

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/kg-news/kg/graph/internal/synth"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// gonumGraph builds the same weighted graph for gonum.
func gonumGraph(n int, edges []weightedEdge) *simple.WeightedUndirectedGraph {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		w := e.w
		if old, ok := g.Weight(int64(e.u), int64(e.v)); ok && g.HasEdgeBetween(int64(e.u), int64(e.v)) {
			w += old
		}
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.u), simple.Node(e.v), w))
	}
	return g
}

func groupsOf(comm []int32) [][]gg.Node {
	var out [][]gg.Node
	for i, c := range comm {
		for int(c) >= len(out) {
			out = append(out, nil)
		}
		out[c] = append(out[c], simple.Node(i))
	}
	return out
}

func baEdges(n, m int, seed uint64) []weightedEdge {
	var out []weightedEdge
	rng := rand.New(rand.NewPCG(seed, 5))
	for _, e := range synth.BarabasiAlbert(n, m, seed).Edges {
		out = append(out, weightedEdge{int32(e[0]), int32(e[1]), float64(1 + rng.IntN(3))})
	}
	return out
}

// TestModularityMatchesGonum: kg's Q of a partition, on the graph and
// on the folded graph, equals gonum's community.Q.
func TestModularityMatchesGonum(t *testing.T) {
	tests := []struct {
		name       string
		n          int
		edges      []weightedEdge
		resolution float64
	}{
		{"path of four", 4, []weightedEdge{{0, 1, 1}, {1, 2, 2}, {2, 3, 1}}, 1},
		{"parallel edges add", 3, []weightedEdge{{0, 1, 1}, {0, 1, 2}, {1, 2, 1}}, 1},
		{"weighted BA", 300, baEdges(300, 3, 4), 1},
		{"weighted BA, resolution 0.5", 300, baEdges(300, 3, 4), 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAdjacency(tt.n, tt.edges)
			g := gonumGraph(tt.n, tt.edges)
			rng := rand.New(rand.NewPCG(1, 1))
			comm := make([]int32, tt.n)
			for i := range comm {
				comm[i] = int32(rng.IntN(5))
			}
			k := renumber(comm)
			want := community.Q(g, groupsOf(comm), tt.resolution)
			if got := modularity(a, comm, tt.resolution); math.Abs(got-want) > 1e-9 {
				t.Errorf("Q = %.9f, gonum %.9f", got, want)
			}
			// Folding keeps Q: each community becomes one node.
			folded := fold(a, comm, k)
			single := make([]int32, k)
			for i := range single {
				single[i] = int32(i)
			}
			if got := modularity(folded, single, tt.resolution); math.Abs(got-want) > 1e-9 {
				t.Errorf("folded Q = %.9f, gonum %.9f", got, want)
			}
			if math.Abs(folded.total-a.total) > 1e-9 {
				t.Errorf("folding changed the total weight: %g -> %g", a.total, folded.total)
			}
		})
	}
}

func TestLouvainSmallGraphs(t *testing.T) {
	clique := func(first int32) []weightedEdge {
		var out []weightedEdge
		for i := first; i < first+5; i++ {
			for j := i + 1; j < first+5; j++ {
				out = append(out, weightedEdge{i, j, 1})
			}
		}
		return out
	}
	twoCliques := append(append(clique(0), clique(5)...), weightedEdge{4, 5, 1})
	tests := []struct {
		name  string
		n     int
		edges []weightedEdge
		want  []int32
	}{
		{"no nodes", 0, nil, []int32{}},
		{"no edges: each node alone", 3, nil, []int32{0, 1, 2}},
		{"one edge", 3, []weightedEdge{{0, 1, 1}}, []int32{0, 0, 1}},
		{"two cliques and a bridge", 10, twoCliques, []int32{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := louvain(newAdjacency(tt.n, tt.edges), 1, rand.New(rand.NewPCG(1, 2)))
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestLouvainBeatsSingleLevel: on a weighted BA graph the result is at
// least as modular as the first level's local moving alone, and a
// different node order still lands within a few hundredths.
func TestLouvainBeatsSingleLevel(t *testing.T) {
	edges := baEdges(2000, 4, 9)
	a := newAdjacency(2000, edges)
	first, _ := moveNodes(a, 1, rand.New(rand.NewPCG(1, 2)))
	renumber(first)
	q1 := modularity(a, first, 1)
	var qs []float64
	for seed := range uint64(4) {
		qs = append(qs, modularity(a, louvain(a, 1, rand.New(rand.NewPCG(seed, 2))), 1))
	}
	for _, q := range qs {
		if q < q1 {
			t.Errorf("louvain Q %.4f below one level's %.4f", q, q1)
		}
		if math.Abs(q-qs[0]) > 0.03 {
			t.Errorf("Q varies with the node order: %v", qs)
		}
	}
}
