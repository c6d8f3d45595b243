/*
 * distance.c - closeness and harmonic centrality on the undirected
 * projection, by breadth-first searches run 256 at a time.
 *
 * Both measures need the distance between every pair of nodes: one
 * breadth-first search per node, O(n m), which igraph_closeness and
 * igraph_harmonic_centrality do one source at a time and which took about
 * forty minutes on a network of 100,000 nodes and a million edges.  Here
 * each node carries a 256-bit set per search state (reached, frontier), a
 * bit per source of the batch, and one sweep over the edges advances all
 * 256 searches by a level; the work per level is the edges leaving the
 * frontier, in words of 64 sources.  The projection being undirected, the
 * distance from source s to node v is the distance from v to s, so what
 * each node needs is summed where the bits land: at level d, a node newly
 * reached by c sources of the batch adds c * d to its distance sum, c to
 * its count of reachable nodes and c / d to its harmonic sum.
 *
 * closeness(v) = reached / sum of distances to the reached nodes (igraph's
 *                normalised closeness within v's component), 0 when v
 *                reaches nothing;
 * harmonic(v)  = (sum over the other nodes u of 1 / d(v, u)) / (n - 1),
 *                unreachable nodes adding 0 (igraph's normalised harmonic
 *                centrality).
 *
 * The test suite checks both against igraph's functions.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

#define WORDS 4 /* 64-bit words per node and state: 256 sources a batch */
#define BATCH (64 * WORDS)

static unsigned
popcount64(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_popcountll(x);
#else
    unsigned c = 0;
    for (; x != 0; x &= x - 1) {
        c++;
    }
    return c;
#endif
}

/* The undirected neighbours of each node, each once (a pair citing each
 * other is one link): the merge of its two sorted rows. */
static void
neighbours(const struct cite_graph *g, size_t **start_out, size_t **nb_out)
{
    size_t n = g->nnodes;
    size_t *start = cite_i_xreallocarray(NULL, n + 1, sizeof *start);
    size_t *nb = cite_i_xreallocarray(NULL, 2 * g->nedges + 1, sizeof *nb);
    size_t k = 0;
    for (size_t u = 0; u < n; u++) {
        start[u] = k;
        size_t i = g->out_start[u], ie = g->out_start[u + 1];
        size_t j = g->in_start[u], je = g->in_start[u + 1];
        while (i < ie || j < je) {
            size_t a = i < ie ? g->edges[g->out_edge[i]].to : SIZE_MAX;
            size_t b = j < je ? g->edges[g->in_edge[j]].from : SIZE_MAX;
            if (a <= b) {
                nb[k++] = a;
                i++;
                j += a == b;
            } else {
                nb[k++] = b;
                j++;
            }
        }
    }
    start[n] = k;
    *start_out = start;
    *nb_out = nb;
}

void
cite_i_distance_measures(const struct cite_graph *g, double *closeness,
                         double *harmonic, size_t stride,
                         void (*step)(void *ctx, double units), void *ctx)
{
    size_t n = g->nnodes;
    if (n == 0) {
        return;
    }
    size_t *start, *nb;
    neighbours(g, &start, &nb);
    uint64_t *seen = cite_i_xreallocarray(NULL, n * WORDS, sizeof *seen);
    uint64_t *front = cite_i_xreallocarray(NULL, n * WORDS, sizeof *front);
    uint64_t *next = cite_i_xreallocarray(NULL, n * WORDS, sizeof *next);
    uint64_t *dsum = cite_i_xcalloc(n, sizeof *dsum);
    uint64_t *reach = cite_i_xcalloc(n, sizeof *reach);
    double *hsum = cite_i_xcalloc(n, sizeof *hsum);
    unsigned char *active = cite_i_xreallocarray(NULL, n, 1);

    for (size_t first = 0; first < n; first += BATCH) {
        size_t last = first + BATCH < n ? first + BATCH : n;
        memset(seen, 0, n * WORDS * sizeof *seen);
        memset(front, 0, n * WORDS * sizeof *front);
        memset(active, 0, n);
        for (size_t s = first; s < last; s++) {
            size_t b = s - first;
            uint64_t bit = (uint64_t)1 << (b % 64);
            seen[s * WORDS + b / 64] |= bit;
            front[s * WORDS + b / 64] |= bit;
            active[s] = 1;
        }
        for (uint64_t d = 1;; d++) {
            memset(next, 0, n * WORDS * sizeof *next);
            for (size_t u = 0; u < n; u++) {
                if (!active[u]) {
                    continue;
                }
                const uint64_t *f = &front[u * WORDS];
                for (size_t k = start[u]; k < start[u + 1]; k++) {
                    uint64_t *t = &next[nb[k] * WORDS];
                    for (int w = 0; w < WORDS; w++) {
                        t[w] |= f[w];
                    }
                }
            }
            int more = 0;
            for (size_t v = 0; v < n; v++) {
                unsigned c = 0;
                for (int w = 0; w < WORDS; w++) {
                    uint64_t fresh = next[v * WORDS + w] & ~seen[v * WORDS + w];
                    seen[v * WORDS + w] |= fresh;
                    front[v * WORDS + w] = fresh;
                    c += popcount64(fresh);
                }
                active[v] = c > 0;
                if (c > 0) {
                    dsum[v] += c * d;
                    reach[v] += c;
                    hsum[v] += c / (double)d;
                    more = 1;
                }
            }
            if (!more) {
                break;
            }
        }
        if (step != NULL) {
            step(ctx, (double)(last - first));
        }
    }
    for (size_t v = 0; v < n; v++) {
        closeness[v * stride] =
            reach[v] > 0 ? (double)reach[v] / (double)dsum[v] : 0.0;
        harmonic[v * stride] = n > 1 ? hsum[v] / (double)(n - 1) : 0.0;
    }
    free(active);
    free(hsum);
    free(reach);
    free(dsum);
    free(next);
    free(front);
    free(seen);
    free(nb);
    free(start);
}
