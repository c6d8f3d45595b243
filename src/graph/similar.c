/*
 * similar.c - documents close to a given one by how they are cited and
 * what they cite.
 *
 * For a node a and another node b:
 *
 *   cocitation(a, b) = the documents citing both a and b
 *                      (Small 1973: read together);
 *   coupling(a, b)   = the documents both a and b cite
 *                      (Kessler 1963: built on the same ground);
 *   score(a, b)      = ( cocitation / sqrt(in(a) in(b))
 *                      + coupling / sqrt(out(a) out(b)) ) / 2,
 *
 * the mean of the two cosine similarities, degrees counting distinct
 * edges, a term being 0 when its denominator is.  Both counts come from
 * walking the neighbours of a's neighbours (citers of a, then what they
 * cite; what a cites, then its citers), so the cost is that of a's
 * two-step neighbourhood, not of the network; only nodes met on the walk
 * are scored, which leaves out a itself and every node with both counts 0.
 * Sorted best first: score, cocitation, coupling, then id.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

static int
by_rank(const void *pa, const void *pb, const struct cite_graph *g)
{
    const struct cite_similar *a = pa, *b = pb;
    if (a->score != b->score) {
        return a->score > b->score ? -1 : 1;
    }
    if (a->cocitation != b->cocitation) {
        return a->cocitation > b->cocitation ? -1 : 1;
    }
    if (a->coupling != b->coupling) {
        return a->coupling > b->coupling ? -1 : 1;
    }
    return strcmp(g->nodes[a->node].id, g->nodes[b->node].id);
}

/* qsort has no context argument in C11; the id tie-break needs the graph.
 * One per thread, as the igraph error reason. */
static _Thread_local const struct cite_graph *sort_graph;

static int
by_rank_qsort(const void *a, const void *b)
{
    return by_rank(a, b, sort_graph);
}

static double
cosine(int common, size_t da, size_t db)
{
    return da > 0 && db > 0 ? common / sqrt((double)da * (double)db) : 0.0;
}

int
cite_graph_similar(const struct cite_graph *g, size_t node, size_t max,
                   struct cite_similar **out, size_t *n)
{
    if (out != NULL) {
        *out = NULL;
    }
    if (n != NULL) {
        *n = 0;
    }
    if (g == NULL || out == NULL || n == NULL || node >= g->nnodes) {
        return -1;
    }
    int *cocit = cite_i_xcalloc(g->nnodes, sizeof *cocit);
    int *coup = cite_i_xcalloc(g->nnodes, sizeof *coup);
    size_t *met = NULL;
    size_t nmet = 0, cap = 0;
    for (int pass = 0; pass < 2; pass++) {
        /* pass 0: citers w of node, then what w cites;
         * pass 1: what node cites x, then the citers of x */
        const size_t *s1 = pass == 0 ? g->in_start : g->out_start;
        const size_t *r1 = pass == 0 ? g->in_edge : g->out_edge;
        const size_t *s2 = pass == 0 ? g->out_start : g->in_start;
        const size_t *r2 = pass == 0 ? g->out_edge : g->in_edge;
        int *count = pass == 0 ? cocit : coup;
        for (size_t i = s1[node]; i < s1[node + 1]; i++) {
            const struct cite_graph_edge *e1 = &g->edges[r1[i]];
            size_t mid = pass == 0 ? e1->from : e1->to;
            for (size_t j = s2[mid]; j < s2[mid + 1]; j++) {
                const struct cite_graph_edge *e2 = &g->edges[r2[j]];
                size_t b = pass == 0 ? e2->to : e2->from;
                if (b == node) {
                    continue;
                }
                if (cocit[b] == 0 && coup[b] == 0) {
                    if (nmet == cap) {
                        cap = cap ? 2 * cap : 64;
                        met = cite_i_xreallocarray(met, cap, sizeof *met);
                    }
                    met[nmet++] = b;
                }
                count[b]++;
            }
        }
    }
    size_t in_a = g->in_start[node + 1] - g->in_start[node];
    size_t out_a = g->out_start[node + 1] - g->out_start[node];
    struct cite_similar *res = NULL;
    if (nmet > 0) {
        res = cite_i_xreallocarray(NULL, nmet, sizeof *res);
    }
    for (size_t k = 0; k < nmet; k++) {
        size_t b = met[k];
        size_t in_b = g->in_start[b + 1] - g->in_start[b];
        size_t out_b = g->out_start[b + 1] - g->out_start[b];
        res[k].node = b;
        res[k].cocitation = cocit[b];
        res[k].coupling = coup[b];
        res[k].score =
            (cosine(cocit[b], in_a, in_b) + cosine(coup[b], out_a, out_b)) / 2;
    }
    free(met);
    free(cocit);
    free(coup);
    if (nmet > 0) {
        sort_graph = g;
        qsort(res, nmet, sizeof *res, by_rank_qsort);
        sort_graph = NULL;
    }
    size_t keep = nmet < max ? nmet : max;
    if (keep == 0) {
        free(res);
        return 0;
    }
    *out = res;
    *n = keep;
    return 0;
}
