"""The yardstick for `citegraph rank`: python-igraph (Debian's python3-igraph)
reads a plain edge list ("citing cited", whitespace-separated ids, one edge
a line), builds the directed network and computes PageRank (damping 0.85),
then prints the ten highest.  Usage: pagerank_igraph.py EDGES"""
import sys

import igraph


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pagerank_igraph.py EDGES")
    with open(sys.argv[1], encoding="utf-8") as f:
        edges = [line.split() for line in f if line.strip()]
    g = igraph.Graph.TupleList(edges, directed=True)
    pr = g.pagerank(damping=0.85)
    names = g.vs["name"]
    top = sorted(range(len(pr)), key=lambda i: (-pr[i], names[i]))[:10]
    print("igraph: %d nodes, %d edges" % (g.vcount(), g.ecount()))
    for i in top:
        print("%s %.6f" % (names[i], pr[i]))


if __name__ == "__main__":
    main()
