package rank_test

import (
	"testing"

	"github.com/kg-news/kg/graph/internal/synth"
	"github.com/kg-news/kg/graph/rank"
)

// A synthetic news graph of 250k events: 305k nodes and about 1M edges.
var million = synth.New(250000, 1)

func BenchmarkBuildView1MEdges(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		million.View()
	}
}

func benchmarkCentrality(b *testing.B, m rank.Measure, opts rank.Options) {
	v := million.View()
	b.ReportMetric(float64(v.EdgeCount()), "edges")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rank.Centrality(v, m, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPageRank1MEdges(b *testing.B) {
	benchmarkCentrality(b, rank.PageRank, rank.Options{Tolerance: 1e-6})
}

func BenchmarkBetweennessSampled64x1MEdges(b *testing.B) {
	benchmarkCentrality(b, rank.Betweenness, rank.Options{ExactLimit: 1, Samples: 64})
}

func BenchmarkEigenvector1MEdges(b *testing.B) {
	benchmarkCentrality(b, rank.Eigenvector, rank.Options{Tolerance: 1e-6})
}

func BenchmarkCommunities100kEdges(b *testing.B) {
	v := synth.New(25000, 1).View()
	b.ReportAllocs()
	for b.Loop() {
		rank.Communities(v, nil)
	}
}
