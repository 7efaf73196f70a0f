#!/usr/bin/env python3
"""Compare kg's Louvain with networkx's louvain_communities.

Usage: python3 graph/rank/compare_louvain.py [NODES]

Writes a Barabási–Albert graph of NODES nodes (m=5, default 10000) with
`go run ./graph/rank/internal/benchcmd -louvain NODES`, which also times
kg's communities on it (one core: GOMAXPROCS=1) and reports their
modularity by gonum's Q. Then runs networkx's louvain_communities on the
same edge list and on Zachary's karate club (testdata/karate.tsv) with
seeds 0-4 and 0-9, and prints both. The modularity networkx reaches is
written to testdata/louvain_networkx.json, which TestLouvainModularity
holds kg to.
"""
import json, os, statistics, subprocess, sys, tempfile, time

import networkx as nx

nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
with tempfile.TemporaryDirectory() as tmp:
    edges = os.path.join(tmp, "edges.tsv")
    env = dict(os.environ, GOMAXPROCS="1")
    out = subprocess.run(["go", "run", "./graph/rank/internal/benchcmd", "-louvain", str(nodes), "-out", edges],
                         cwd=root, env=env, check=True, capture_output=True, text=True).stdout
    kg = json.loads(out)
    ba = nx.read_edgelist(edges, nodetype=int, delimiter="\t")

times, ba_q = [], []
for seed in range(5):
    start = time.perf_counter()
    groups = nx.community.louvain_communities(ba, seed=seed)
    times.append(time.perf_counter() - start)
    ba_q.append(nx.community.modularity(ba, groups))

karate = nx.read_edgelist(os.path.join(here, "testdata", "karate.tsv"), nodetype=int, delimiter="\t")
karate_q = [nx.community.modularity(karate, nx.community.louvain_communities(karate, seed=s))
            for s in range(10)]

print(f"graph: Barabási–Albert, {kg['nodes']} nodes, {kg['edges']} edges; networkx {nx.__version__}")
print(f"louvain  kg {kg['louvain_s']:6.2f} s  Q {kg['modularity']:.4f}   "
      f"networkx median {statistics.median(times):6.2f} s  Q max {max(ba_q):.4f} median {statistics.median(ba_q):.4f}   "
      f"networkx/kg = {statistics.median(times) / kg['louvain_s']:.1f}x")
print(f"karate club: networkx Q max {max(karate_q):.4f} median {statistics.median(karate_q):.4f}")
with open(os.path.join(here, "testdata", "louvain_networkx.json"), "w") as f:
    json.dump({"networkx": nx.__version__,
               "barabasi_albert": {"nodes": nodes, "m": 5, "seed": 1, "max_modularity": max(ba_q)},
               "karate": {"max_modularity": max(karate_q)}}, f, indent=1)
    f.write("\n")
