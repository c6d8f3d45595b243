/*
 * chain.c - chains of precedent: what a document rests on, transitively,
 * and the shortest citation paths from one document to another.
 *
 * The chain is a breadth-first search along "cites" (out-edges) or, going
 * forward in time, along "is cited by" (in-edges), one level at a time.
 * Each level is sorted by node number before it is expanded and each row
 * of edges is sorted by the node at its other end (graph.c), so a node's
 * `via` is the lowest-numbered node of the level before that cites it (or
 * that it cites), and the listing is in order of depth then node number
 * whatever order the edges were made in.
 *
 * The paths are every shortest path along "cites", listed in lexicographic
 * order of their node numbers and cut after `max`.  igraph's
 * igraph_get_all_shortest_paths would keep a copy of every shortest path
 * to every node it reaches before anything could be cut, which grows
 * exponentially in a dense citation network; here a breadth-first search
 * gives the distances from `from`, a walk back from `to` marks the nodes
 * that lie on some shortest path, and a depth-first walk over the marked
 * nodes, cited nodes in increasing order, yields the paths one by one.
 * Every step of that walk leads on to `to`, so the cost is linear in the
 * network plus the size of the paths returned.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

static int
by_node(const void *a, const void *b)
{
    size_t x = ((const struct cite_chain_entry *)a)->node;
    size_t y = ((const struct cite_chain_entry *)b)->node;
    return (x > y) - (x < y);
}

int
cite_graph_chain(const struct cite_graph *g, size_t start, int depth,
                 int forward, struct cite_chain_entry **out, size_t *n)
{
    if (out != NULL) {
        *out = NULL;
    }
    if (n != NULL) {
        *n = 0;
    }
    if (g == NULL || out == NULL || n == NULL || start >= g->nnodes) {
        return -1;
    }
    if (depth == 0 || g->nnodes == 1) {
        return 0;
    }
    const size_t *rowstart = forward ? g->in_start : g->out_start;
    const size_t *row = forward ? g->in_edge : g->out_edge;
    unsigned char *seen = cite_i_xcalloc(g->nnodes, 1);
    struct cite_chain_entry *res =
        cite_i_xreallocarray(NULL, g->nnodes - 1, sizeof *res);
    size_t count = 0;
    seen[start] = 1;
    /* the level being expanded, in increasing node order */
    size_t *level = cite_i_xreallocarray(NULL, g->nnodes, sizeof *level);
    size_t nlevel = 1;
    level[0] = start;
    for (int d = 0; (depth < 0 || d < depth) && nlevel > 0; d++) {
        size_t next = count;
        for (size_t k = 0; k < nlevel; k++) {
            size_t u = level[k];
            for (size_t r = rowstart[u]; r < rowstart[u + 1]; r++) {
                const struct cite_graph_edge *e = &g->edges[row[r]];
                size_t v = forward ? e->from : e->to;
                if (!seen[v]) {
                    seen[v] = 1;
                    res[count].node = v;
                    res[count].depth = d + 1;
                    res[count].via = (long)u;
                    count++;
                }
            }
        }
        qsort(res + next, count - next, sizeof *res, by_node);
        nlevel = count - next;
        for (size_t k = 0; k < nlevel; k++) {
            level[k] = res[next + k].node;
        }
    }
    free(level);
    free(seen);
    if (count == 0) {
        free(res);
        return 0;
    }
    *out = res;
    *n = count;
    return 0;
}

static int
fail(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0) {
        snprintf(err, errlen, "%s", msg);
    }
    return -1;
}

/* The paths found so far. */
struct found {
    size_t **paths;
    size_t *lens;
    size_t n;
    size_t cap;
};

static void
found_add(struct found *f, const size_t *nodes, size_t len)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 8;
        f->paths = cite_i_xreallocarray(f->paths, f->cap, sizeof *f->paths);
        f->lens = cite_i_xreallocarray(f->lens, f->cap, sizeof *f->lens);
    }
    size_t *p = cite_i_xreallocarray(NULL, len, sizeof *p);
    memcpy(p, nodes, len * sizeof *p);
    f->paths[f->n] = p;
    f->lens[f->n] = len;
    f->n++;
}

/* Distances from `from` along "cites", as far as the level of `to`;
 * SIZE_MAX for nodes not reached. */
static size_t *
distances(const struct cite_graph *g, size_t from, size_t to)
{
    size_t *dist = cite_i_xreallocarray(NULL, g->nnodes, sizeof *dist);
    for (size_t i = 0; i < g->nnodes; i++) {
        dist[i] = SIZE_MAX;
    }
    size_t *queue = cite_i_xreallocarray(NULL, g->nnodes, sizeof *queue);
    size_t head = 0, tail = 0;
    dist[from] = 0;
    queue[tail++] = from;
    while (head < tail) {
        size_t u = queue[head++];
        if (dist[to] != SIZE_MAX && dist[u] >= dist[to]) {
            break;
        }
        for (size_t r = g->out_start[u]; r < g->out_start[u + 1]; r++) {
            size_t v = g->edges[g->out_edge[r]].to;
            if (dist[v] == SIZE_MAX) {
                dist[v] = dist[u] + 1;
                queue[tail++] = v;
            }
        }
    }
    free(queue);
    return dist;
}

/* Marks the nodes on some shortest path from `from` to `to`: walking back
 * from `to`, a citing node one step nearer `from` is on one. */
static unsigned char *
on_shortest(const struct cite_graph *g, const size_t *dist, size_t to)
{
    unsigned char *on = cite_i_xcalloc(g->nnodes, 1);
    size_t *queue = cite_i_xreallocarray(NULL, g->nnodes, sizeof *queue);
    size_t head = 0, tail = 0;
    on[to] = 1;
    queue[tail++] = to;
    while (head < tail) {
        size_t u = queue[head++];
        for (size_t r = g->in_start[u]; r < g->in_start[u + 1]; r++) {
            size_t w = g->edges[g->in_edge[r]].from;
            if (!on[w] && dist[w] != SIZE_MAX && dist[w] + 1 == dist[u]) {
                on[w] = 1;
                queue[tail++] = w;
            }
        }
    }
    free(queue);
    return on;
}

int
cite_graph_paths(const struct cite_graph *g, size_t from, size_t to, size_t max,
                 size_t ***paths, size_t **lens, size_t *n, char *err,
                 size_t errlen)
{
    if (paths == NULL || lens == NULL || n == NULL) {
        return fail(err, errlen, "no place for the paths");
    }
    *paths = NULL;
    *lens = NULL;
    *n = 0;
    if (g == NULL || from >= g->nnodes || to >= g->nnodes) {
        return fail(err, errlen, "no such node");
    }
    if (max == 0) {
        return 0;
    }
    struct found f = {NULL, NULL, 0, 0};
    if (from == to) {
        found_add(&f, &from, 1);
        *paths = f.paths;
        *lens = f.lens;
        *n = f.n;
        return 0;
    }
    size_t *dist = distances(g, from, to);
    if (dist[to] == SIZE_MAX) {
        free(dist);
        return 0;
    }
    unsigned char *on = on_shortest(g, dist, to);
    size_t len = dist[to] + 1;
    size_t *node = cite_i_xreallocarray(NULL, len, sizeof *node);
    size_t *pos = cite_i_xreallocarray(NULL, len, sizeof *pos);
    size_t k = 0;
    node[0] = from;
    pos[0] = g->out_start[from];
    for (;;) {
        size_t u = node[k];
        if (u == to) {
            found_add(&f, node, len);
            if (f.n == max) {
                break;
            }
            k--; /* len >= 2, so k >= 1 here */
            continue;
        }
        int stepped = 0;
        while (pos[k] < g->out_start[u + 1]) {
            size_t v = g->edges[g->out_edge[pos[k]++]].to;
            if (on[v] && dist[v] == dist[u] + 1) {
                k++;
                node[k] = v;
                pos[k] = g->out_start[v];
                stepped = 1;
                break;
            }
        }
        if (!stepped) {
            if (k == 0) {
                break;
            }
            k--;
        }
    }
    free(node);
    free(pos);
    free(on);
    free(dist);
    *paths = f.paths;
    *lens = f.lens;
    *n = f.n;
    return 0;
}
