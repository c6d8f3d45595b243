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
#include "core/core_int.h"

/* (from, to) -> index map, open addressing. */
struct cite_i_pairmap {
    struct cite_i_pairslot *slots;
    size_t cap;
    size_t n;
};

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
    struct cite_pool *pool;    /* ids, titles, dates, langs */
    struct cite_i_idmap index; /* id -> node */
    /* Compressed rows of edge numbers: the edges node i makes (it cites)
     * are out_edge[out_start[i] .. out_start[i + 1]), in increasing order
     * of the cited node; the edges citing i are in_edge[in_start[i] ..
     * in_start[i + 1]), in increasing order of the citing node.  The
     * sorted rows are what make walks and path listings deterministic. */
    size_t *out_start;
    size_t *out_edge;
    size_t *in_start;
    size_t *in_edge;
};

/* Finishes a graph whose nodes, edges, pool and index are filled: makes
 * the compressed rows. */
void cite_i_graph_finish(struct cite_graph *g);
/* Frees g and everything it owns. */
void cite_i_graph_free_own(struct cite_graph *g);

/*
 * Makes *ig, igraph's copy of g, for the metrics igraph computes; the
 * caller destroys it.  Its edge k is edge in_edge[k]: the edges in the
 * order of the in-rows.  With igraph 0.10 its arrays are filled from g's
 * rows; with another version it is cite_i_graph_igraph_create()'s.  weights,
 * when not NULL (a vector of g->nedges, the caller's), gets edge k's
 * weight at k, from the same pass over the edges.  Only the analyses that
 * need it pay for it: walks, chains and paths run on the rows alone.
 * Call inside an igraph guard.
 */
igraph_error_t cite_i_graph_igraph(const struct cite_graph *g, igraph_t *ig,
                                   igraph_vector_t *weights);
/* The same graph, with the same weights, made by igraph_create(): what
 * cite_i_graph_igraph() gives with any other version of igraph, and what
 * the tests compare its arrays with. */
igraph_error_t cite_i_graph_igraph_create(const struct cite_graph *g, igraph_t *ig,
                                          igraph_vector_t *weights);

/*
 * The year of a node: the first four digits of date when they are there,
 * else what the id says (S/RES/242(1967), S/PRST/2003/5, E/RES/1996/31,
 * E/CN.4/RES/2004/81, A/RES/60/1, A/RES/2200(XXI)); 0 when unknown.
 */
int cite_i_node_year(const char *id, const char *date);

/*
 * Closeness and harmonic centrality of every node on the undirected
 * projection (distance.c), written to closeness[i * stride] and
 * harmonic[i * stride]; step(ctx, k), if not NULL, is told of each k
 * sources done.
 */
void cite_i_distance_measures(const struct cite_graph *g, double *closeness,
                              double *harmonic, size_t stride,
                              void (*step)(void *ctx, double units), void *ctx);

/*
 * The undirected projection of g into *und (uninitialised on entry): one
 * link per pair of nodes citing each other either way or both, numbered
 * as g's nodes.  If weights is not NULL it is initialised to the summed
 * mention weights of each link.  On failure nothing is left to destroy.
 */
igraph_error_t cite_i_undirected(const struct cite_graph *g, igraph_t *und,
                                 igraph_vector_t *weights);

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
