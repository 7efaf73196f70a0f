package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
)

// TestChainsMatchPairwise: the chains found through shared participant
// pairs and participant–place pairs are the connected components of the
// graph that links every two events sharing two participants, or one
// participant and the place, on random events.
func TestChainsMatchPairwise(t *testing.T) {
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 7))
		var nodes []Node
		for i := range 12 {
			nodes = append(nodes, Node{id: int64(i), Type: PersonNode, Name: fmt.Sprintf("p%02d", i)})
		}
		for i := range 4 {
			nodes = append(nodes, Node{id: int64(12 + i), Type: PlaceNode, Name: fmt.Sprintf("c%d", i)})
		}
		var events []EventEntry
		for i := range 60 {
			ev := &Node{id: int64(100 + i), Type: EventNode, IRI: quad.IRI("kg:event/" + fmtIndex(i))}
			e := EventEntry{Node: ev}
			for _, k := range rng.Perm(12)[:1+rng.IntN(3)] {
				e.Participants = append(e.Participants, &nodes[k])
			}
			if rng.IntN(2) == 0 {
				e.Place = &nodes[12+rng.IntN(4)]
			}
			events = append(events, e)
		}
		var v View
		got := chainSets(v.Chains(events))
		want := chainSets(pairwiseChains(events))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: chains %v, pairwise %v", seed, got, want)
		}
	}
}

func fmtIndex(i int) string { return fmt.Sprintf("%03d", i) }

// pairwiseChains is the definition: components of the all-pairs graph.
func pairwiseChains(events []EventEntry) [][]EventEntry {
	parent := make([]int, len(events))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for i := range events {
		for j := i + 1; j < len(events); j++ {
			a, b := events[i], events[j]
			shared := 0
			for _, p := range a.Participants {
				if b.has(p) {
					shared++
				}
			}
			if shared >= 2 || shared == 1 && a.Place != nil && a.Place == b.Place {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]EventEntry{}
	for i, e := range events {
		groups[find(i)] = append(groups[find(i)], e)
	}
	var out [][]EventEntry
	for _, g := range groups {
		out = append(out, g)
	}
	return out
}

// chainSets writes chains as sorted lists of event IRIs, sorted.
func chainSets(chains [][]EventEntry) []string {
	var out []string
	for _, ch := range chains {
		var iris []string
		for _, e := range ch {
			iris = append(iris, string(e.Node.IRI))
		}
		sort.Strings(iris)
		out = append(out, fmt.Sprint(iris))
	}
	sort.Strings(out)
	return out
}
