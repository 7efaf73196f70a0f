#!/usr/bin/env python3
"""Time kg's centrality against networkx on the same synthetic edge list.

Usage: python3 graph/rank/compare_networkx.py [EVENTS] [SAMPLES]

Writes the edge list with `go run ./graph/rank/internal/benchcmd`, which
also times kg (one core: GOMAXPROCS=1), then times networkx on the same
list and prints both with their ratio. networkx's PageRank needs scipy for
its default implementation; without scipy this script uses networkx's
pure-Python _pagerank_python, and says so.
"""
import json, os, subprocess, sys, tempfile, time

import networkx as nx

events = int(sys.argv[1]) if len(sys.argv) > 1 else 250000
samples = int(sys.argv[2]) if len(sys.argv) > 2 else 64
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with tempfile.TemporaryDirectory() as tmp:
    edges = os.path.join(tmp, "edges.tsv")
    env = dict(os.environ, GOMAXPROCS="1")
    out = subprocess.run(["go", "run", "./graph/rank/internal/benchcmd", "-events", str(events),
                          "-samples", str(samples), "-out", edges],
                         cwd=root, env=env, check=True, capture_output=True, text=True).stdout
    kg = json.loads(out)
    g = nx.read_edgelist(edges, nodetype=int, delimiter="\t")

try:
    import scipy  # noqa: F401
    pagerank, pr_name = nx.pagerank, "nx.pagerank (scipy)"
except ImportError:
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python as pagerank
    pr_name = "nx _pagerank_python (no scipy)"

start = time.perf_counter()
pagerank(g, alpha=0.85, tol=1e-6)
nx_pr = time.perf_counter() - start
start = time.perf_counter()
nx.betweenness_centrality(g, k=samples, seed=1, normalized=False)
nx_bc = time.perf_counter() - start

print(f"graph: {kg['nodes']} nodes, {kg['edges']} edges; networkx {nx.__version__}")
print(f"pagerank     kg {kg['pagerank_s']:8.2f} s   {pr_name} {nx_pr:8.2f} s   networkx/kg = {nx_pr / kg['pagerank_s']:.1f}x")
print(f"betweenness  kg {kg['betweenness_s']:8.2f} s   nx k={samples} {nx_bc:8.2f} s   networkx/kg = {nx_bc / kg['betweenness_s']:.1f}x")
