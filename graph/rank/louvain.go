package rank

import (
	"math/rand/v2"
	"slices"
)

// weightedEdge is one undirected edge of a graph given to louvain.
type weightedEdge struct {
	u, v int32
	w    float64
}

// adjacency is an undirected weighted graph in compressed sparse rows:
// the neighbours of node i are nbr[off[i]:off[i+1]] with weights
// wt[off[i]:off[i+1]]. A self-loop is kept apart in self[i], as twice its
// weight, so that strength[i] = sum of wt over i's row + self[i].
type adjacency struct {
	off      []int32
	nbr      []int32
	wt       []float64
	self     []float64
	strength []float64
	total    float64 // 2m: the sum of all strengths
}

// newAdjacency builds the rows of n nodes from an edge list; parallel
// edges add their weights.
func newAdjacency(n int, edges []weightedEdge) *adjacency {
	a := &adjacency{off: make([]int32, n+1), self: make([]float64, n), strength: make([]float64, n)}
	for _, e := range edges {
		if e.u == e.v {
			continue
		}
		a.off[e.u+1]++
		a.off[e.v+1]++
	}
	for i := range n {
		a.off[i+1] += a.off[i]
	}
	a.nbr = make([]int32, a.off[n])
	a.wt = make([]float64, a.off[n])
	fill := slices.Clone(a.off[:n])
	for _, e := range edges {
		if e.u == e.v {
			a.self[e.u] += 2 * e.w
			continue
		}
		a.nbr[fill[e.u]], a.wt[fill[e.u]] = e.v, e.w
		fill[e.u]++
		a.nbr[fill[e.v]], a.wt[fill[e.v]] = e.u, e.w
		fill[e.v]++
	}
	for i := range n {
		s := a.self[i]
		for _, w := range a.wt[a.off[i]:a.off[i+1]] {
			s += w
		}
		a.strength[i] = s
		a.total += s
	}
	return a
}

func (a *adjacency) len() int { return len(a.self) }

// modularityGainThreshold stops the levels once a level improves
// modularity by less than this (networkx's default threshold).
const modularityGainThreshold = 1e-7

// maxPasses bounds the local moving passes of one level, in case
// rounding lets two nodes trade places forever.
const maxPasses = 1000

// louvain partitions the graph with the Louvain method (Blondel et al.
// 2008) at the given resolution: each level moves single nodes to the
// neighbouring community of best modularity gain until no move helps,
// then folds each community into one node, until a level gains less than
// modularityGainThreshold. It returns the community of every node,
// numbered from 0.
//
// Each local-moving pass costs O(n + e) with a dense accumulator over
// the touched communities, so a level is O(passes·(n+e)) and memory is
// O(n+e); rng orders the nodes of each pass.
func louvain(a *adjacency, resolution float64, rng *rand.Rand) []int32 {
	n := a.len()
	member := make([]int32, n) // community of each original node
	for i := range member {
		member[i] = int32(i)
	}
	if a.total == 0 {
		return member
	}
	base := a
	q := modularity(a, member, resolution)
	for {
		comm, moved := moveNodes(a, resolution, rng)
		if !moved {
			break
		}
		k := renumber(comm)
		for i, c := range member {
			member[i] = comm[c]
		}
		next := modularity(a, comm, resolution)
		a = fold(a, comm, k)
		if next-q <= modularityGainThreshold {
			break
		}
		q = next
	}
	// Refinement: single nodes of the original graph may still gain by
	// leaving the community their level folded them into.
	renumber(member)
	moveFrom(base, member, resolution, rng)
	renumber(member)
	return member
}

// moveNodes is one level's local moving phase. It returns each node's
// community and whether any node left the one it started in.
func moveNodes(a *adjacency, resolution float64, rng *rand.Rand) ([]int32, bool) {
	comm := make([]int32, a.len())
	for i := range comm {
		comm[i] = int32(i)
	}
	return comm, moveFrom(a, comm, resolution, rng)
}

// moveFrom moves single nodes of a from the communities comm gives them
// (labels below a.len()) to the neighbouring community of best gain
// until no move helps, updating comm. It reports whether any node moved.
func moveFrom(a *adjacency, comm []int32, resolution float64, rng *rand.Rand) bool {
	n := a.len()
	tot := make([]float64, n) // sum of strengths per community
	for i, c := range comm {
		tot[c] += a.strength[i]
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	weightTo := make([]float64, n) // dense accumulator, reset after each node
	touched := make([]int32, 0, 64)
	moved := false
	scale := resolution / a.total
	for pass, improved := 0, true; improved && pass < maxPasses; pass++ {
		improved = false
		for _, i := range order {
			ci := comm[i]
			ki := a.strength[i]
			touched = touched[:0]
			for p := a.off[i]; p < a.off[i+1]; p++ {
				c := comm[a.nbr[p]]
				if weightTo[c] == 0 {
					touched = append(touched, c)
				}
				weightTo[c] += a.wt[p]
			}
			tot[ci] -= ki
			best, bestGain := ci, weightTo[ci]-scale*ki*tot[ci]
			for _, c := range touched {
				if gain := weightTo[c] - scale*ki*tot[c]; gain > bestGain {
					best, bestGain = c, gain
				}
			}
			for _, c := range touched {
				weightTo[c] = 0
			}
			weightTo[ci] = 0
			tot[best] += ki
			if best != ci {
				comm[i] = best
				improved, moved = true, true
			}
		}
	}
	return moved
}

// renumber maps community labels onto 0..k-1 in order of first
// appearance and returns k.
func renumber(comm []int32) int {
	index := make(map[int32]int32, 64)
	for i, c := range comm {
		j, ok := index[c]
		if !ok {
			j = int32(len(index))
			index[c] = j
		}
		comm[i] = j
	}
	return len(index)
}

// fold makes the next level's graph: one node per community, an edge of
// the summed weight between communities, and each community's inner
// weight as its self-loop.
func fold(a *adjacency, comm []int32, k int) *adjacency {
	var edges []weightedEdge
	self := make([]float64, k)
	for i := range a.len() {
		ci := comm[i]
		self[ci] += a.self[i]
		for p := a.off[i]; p < a.off[i+1]; p++ {
			j := a.nbr[p]
			if int32(i) >= j {
				continue
			}
			e := weightedEdge{ci, comm[j], a.wt[p]}
			if e.u > e.v {
				e.u, e.v = e.v, e.u
			}
			edges = append(edges, e)
		}
	}
	slices.SortFunc(edges, func(x, y weightedEdge) int {
		if x.u != y.u {
			return int(x.u - y.u)
		}
		return int(x.v - y.v)
	})
	merged := edges[:0]
	for _, e := range edges {
		if last := len(merged) - 1; last >= 0 && merged[last].u == e.u && merged[last].v == e.v {
			merged[last].w += e.w
			continue
		}
		merged = append(merged, e)
	}
	out := newAdjacency(k, merged)
	for c := range k {
		out.self[c] += self[c]
		out.strength[c] += self[c]
		out.total += self[c]
	}
	return out
}

// modularity is Newman's Q of a partition of a at the given resolution:
// the inner weight share of each community less resolution times its
// expected share.
func modularity(a *adjacency, comm []int32, resolution float64) float64 {
	if a.total == 0 {
		return 0
	}
	k := int(slices.Max(comm)) + 1
	inner := make([]float64, k)
	tot := make([]float64, k)
	for i := range a.len() {
		c := comm[i]
		tot[c] += a.strength[i]
		inner[c] += a.self[i]
		for p := a.off[i]; p < a.off[i+1]; p++ {
			if comm[a.nbr[p]] == c {
				inner[c] += a.wt[p]
			}
		}
	}
	q := 0.0
	for c := range k {
		q += inner[c]/a.total - resolution*(tot[c]/a.total)*(tot[c]/a.total)
	}
	return q
}
