// Command benchcmd writes a synthetic edge list and times kg's centrality
// on it, for compare_networkx.py. With -louvain N it writes a
// Barabási–Albert graph of N nodes instead and times kg's communities on
// it, reporting their modularity by gonum's Q.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/kg-news/kg/graph/internal/synth"
	"github.com/kg-news/kg/graph/rank"
)

func main() {
	events := flag.Int("events", 250000, "events of the synthetic graph (about 4 edges each)")
	samples := flag.Int("samples", 64, "sources of sampled betweenness")
	out := flag.String("out", "edges.tsv", "edge list to write")
	louvainNodes := flag.Int("louvain", 0, "time communities on a Barabási–Albert graph of this many nodes (m=5) instead")
	flag.Parse()
	g := synth.New(*events, 1)
	if *louvainNodes > 0 {
		g = synth.BarabasiAlbert(*louvainNodes, 5, 1)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	for _, e := range g.Edges {
		fmt.Fprintf(w, "%d\t%d\n", e[0], e[1])
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
	start := time.Now()
	v := g.View()
	build := time.Since(start)
	if *louvainNodes > 0 {
		start = time.Now()
		groups := rank.Communities(v, nil)
		took := time.Since(start)
		json.NewEncoder(os.Stdout).Encode(map[string]any{
			"nodes": v.Len(), "edges": v.EdgeCount(), "communities": len(groups),
			"louvain_s": took.Seconds(), "modularity": rank.Modularity(v, groups),
		})
		return
	}
	start = time.Now()
	rank.Centrality(v, rank.PageRank, rank.Options{Tolerance: 1e-6})
	pr := time.Since(start)
	start = time.Now()
	rank.Centrality(v, rank.Betweenness, rank.Options{ExactLimit: 1, Samples: *samples})
	bc := time.Since(start)
	json.NewEncoder(os.Stdout).Encode(map[string]any{
		"nodes": v.Len(), "edges": v.EdgeCount(),
		"build_s": build.Seconds(), "pagerank_s": pr.Seconds(), "betweenness_s": bc.Seconds(),
	})
}
