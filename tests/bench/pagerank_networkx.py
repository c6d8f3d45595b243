"""The second yardstick for `citegraph rank`: networkx (Debian's
python3-networkx) reads the same plain edge list as pagerank_igraph.py
("citing cited" a line), builds a directed graph and computes PageRank
(damping 0.85), then prints the ten highest.
Usage: pagerank_networkx.py EDGES"""
import sys

import networkx


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pagerank_networkx.py EDGES")
    g = networkx.read_edgelist(sys.argv[1], create_using=networkx.DiGraph,
                               nodetype=str, data=False, encoding="utf-8")
    pr = networkx.pagerank(g, alpha=0.85)
    top = sorted(pr, key=lambda n: (-pr[n], n))[:10]
    print("networkx: %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))
    for n in top:
        print("%s %.6f" % (n, pr[n]))


if __name__ == "__main__":
    main()
