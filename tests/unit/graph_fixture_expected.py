#!/usr/bin/env python3
"""Expected metrics for the fixture network of tests/unit/test_graph.c.

Run by hand (python3 tests/unit/graph_fixture_expected.py); the numbers it
prints are pasted into the test.  It shares no code with citegraph or
igraph: it writes the fixture's weighted edges out again from the test's
description and computes

  * PageRank by plain power iteration on the weighted transition matrix,
    damping 0.85, teleporting uniformly, and with the rank of dangling nodes
    (nodes citing nothing) spread uniformly over all nodes, which is what
    igraph's PRPACK solver does;
    the same for the three-node weights fixture;
  * hub and authority scores by power iteration on A A^T and A^T A, scaled
    so that the largest is 1 (the closed forms for the small HITS fixture
    are in the test's comments; this is a second check).

Plain Python, no numpy.
"""

# Node numbering of the fixture, in first-appearance order.
NODES = [
    "A/HRC/RES/10/1",     # 0  corpus (en and zh versions)
    "A/RES/60/251",       # 1  cited only, dangling
    "A/HRC/RES/9/2",      # 2  corpus
    "instrument:udhr",    # 3  cited only, dangling
    "A/HRC/RES/11/3",     # 4  corpus
    "S/RES/1325(2000)",   # 5  cited only, dangling
    "A/HRC/RES/12/5",     # 6  corpus
]

# (from, to, weight): weight = the most mentions any one language version
# makes; the self-citation of 10/1 and the doc without an id are gone.
EDGES = [
    (0, 1, 2.0), (0, 2, 1.0), (2, 1, 1.0), (2, 3, 1.0), (4, 0, 1.0),
    (4, 2, 3.0), (4, 5, 1.0), (0, 3, 1.0), (6, 4, 2.0), (6, 0, 1.0),
]

# The weights fixture: X cites A three times and B once.
WEIGHT_NODES = ["X", "A", "B"]
WEIGHT_EDGES = [(0, 1, 3.0), (0, 2, 1.0)]

# The HITS fixture: H1 -> A1 (twice), H1 -> A2, H2 -> A1.
HITS_NODES = ["H1", "A1", "A2", "H2"]
HITS_EDGES = [(0, 1, 2.0), (0, 2, 1.0), (3, 1, 1.0)]


def pagerank(n, edges, d=0.85, tol=1e-15, maxit=100000):
    out_w = [0.0] * n
    for f, _, w in edges:
        out_w[f] += w
    pr = [1.0 / n] * n
    for _ in range(maxit):
        dangling = sum(pr[i] for i in range(n) if out_w[i] == 0.0)
        new = [(1.0 - d) / n + d * dangling / n] * n
        for f, t, w in edges:
            new[t] += d * pr[f] * w / out_w[f]
        s = sum(new)
        new = [x / s for x in new]
        if max(abs(a - b) for a, b in zip(new, pr)) < tol:
            return new
        pr = new
    return pr


def hits(n, edges, iters=2000):
    hub = [1.0] * n
    auth = [1.0] * n
    for _ in range(iters):
        auth = [0.0] * n
        for f, t, w in edges:
            auth[t] += w * hub[f]
        hub = [0.0] * n
        for f, t, w in edges:
            hub[f] += w * auth[t]
        mh, ma = max(hub), max(auth)
        hub = [x / mh for x in hub]
        auth = [x / ma for x in auth]
    return hub, auth


def main():
    pr = pagerank(len(NODES), EDGES)
    print("pagerank (sum %.15f):" % sum(pr))
    for name, x in zip(NODES, pr):
        print("  %-18s %.12f" % (name, x))
    pr = pagerank(len(WEIGHT_NODES), WEIGHT_EDGES)
    print("weights fixture pagerank:")
    for name, x in zip(WEIGHT_NODES, pr):
        print("  %-3s %.12f" % (name, x))
    hub, auth = hits(len(HITS_NODES), HITS_EDGES)
    print("hits fixture:")
    for name, h, a in zip(HITS_NODES, hub, auth):
        print("  %-3s hub %.12f authority %.12f" % (name, h, a))


if __name__ == "__main__":
    main()
