/*
 * graph_int.h - private to src/graph/: the graph's layout, the id hash
 * tables and the boundary with igraph (error handler, code conversion).
 *
 * This header includes <igraph.h>; nothing outside src/graph/ (and the unit
 * tests) may include it.
 */
#ifndef CITE_GRAPH_INT_H
#define CITE_GRAPH_INT_H

#include <stddef.h>

#include <igraph.h>

#include "cite_graph.h"

/*
 * String -> index map, open addressing.  Keys are borrowed: they must stay
 * put while the map is in use (the graph keeps them in its pool).
 */
struct cite_i_idmap {
    struct cite_i_idslot *slots;
    size_t cap; /* a power of two, or 0 before the first insert */
    size_t n;
};

/* (from, to) -> index map, open addressing. */
struct cite_i_pairmap {
    struct cite_i_pairslot *slots;
    size_t cap;
    size_t n;
};

#define CITE_I_NOT_FOUND ((size_t)-1)

void cite_i_idmap_init(struct cite_i_idmap *m);
void cite_i_idmap_release(struct cite_i_idmap *m);
/* The value stored for key, or CITE_I_NOT_FOUND. */
size_t cite_i_idmap_get(const struct cite_i_idmap *m, const char *key);
/* Stores key -> value; key must not be there yet. */
void cite_i_idmap_put(struct cite_i_idmap *m, const char *key, size_t value);

void cite_i_pairmap_init(struct cite_i_pairmap *m);
void cite_i_pairmap_release(struct cite_i_pairmap *m);
size_t cite_i_pairmap_get(const struct cite_i_pairmap *m, size_t from,
                          size_t to);
void cite_i_pairmap_put(struct cite_i_pairmap *m, size_t from, size_t to,
                        size_t value);

struct cite_graph {
    struct cite_graph_node *nodes;
    size_t nnodes;
    struct cite_graph_edge *edges;
    size_t nedges;
    struct cite_pool *pool;    /* ids, titles, dates */
    struct cite_i_idmap index; /* id -> node */
    /* Both directions merged, for the neighbourhood walk: the neighbours
     * of node i are adj[adj_start[i] .. adj_start[i + 1]). */
    size_t *adj_start;
    size_t *adj;
    igraph_t ig; /* same numbering as nodes and edges */
};

/*
 * The igraph boundary.  Between enter and leave, igraph errors go to a
 * handler that records the first reason and frees igraph's temporaries
 * (IGRAPH_FINALLY_FREE) instead of aborting, and warnings are dropped; leave
 * puts back whatever handlers were there before.
 */
struct cite_i_igraph_guard {
    igraph_error_handler_t *old_error;
    igraph_warning_handler_t *old_warning;
};

void cite_i_igraph_enter(struct cite_i_igraph_guard *guard);
void cite_i_igraph_leave(struct cite_i_igraph_guard *guard);
/* Writes "igraph: WHAT: REASON" into err and returns -1. */
int cite_i_igraph_fail(igraph_error_t code, const char *what, char *err,
                       size_t errlen);

#endif
