/*
 * cite_graph.h - the citation network and its metrics.
 *
 * A node per document id (citing documents and every cited target), an
 * edge per distinct citing -> cited pair, weighted by the number of
 * mentions.  The graph is opaque: igraph stays inside src/graph/.
 */
#ifndef CITE_GRAPH_H
#define CITE_GRAPH_H

#include <stddef.h>

#include "cite_doc.h"

struct cite_graph; /* opaque */

/* What is known of a node.  Strings are owned by the graph. */
struct cite_graph_node {
    const char *id;
    enum cite_body body;
    enum cite_type type;
    const char *date;   /* adoption date if a corpus doc, else a date cited */
    const char *title;  /* NULL if unknown */
    int in_corpus;      /* 1 if some doc of the corpus is this node */
};

struct cite_graph_edge {
    size_t from;
    size_t to;
    double weight;      /* mentions */
};

enum cite_metric {
    CITE_M_IN_DEGREE,
    CITE_M_OUT_DEGREE,
    CITE_M_PAGERANK,
    CITE_M_HUB,
    CITE_M_AUTHORITY,
    CITE_M_CORENESS,
    CITE_M__COUNT
};

/* "in_degree", "out_degree", "pagerank", "hub", "authority", "coreness". */
const char *cite_metric_name(enum cite_metric m);
/* CITE_M__COUNT when unknown. */
enum cite_metric cite_metric_from_name(const char *s);

/*
 * Builds the network of corpus (borrowed: the graph copies what it keeps).
 * Nodes are numbered in order of first appearance (docs in corpus order,
 * each doc's own id before its targets), so the numbering is deterministic.
 * Returns 0 and *out, or -1 with a message in err (errlen bytes).
 */
int cite_graph_build(struct cite_graph **out, const struct cite_corpus *corpus,
                     char *err, size_t errlen);

void cite_graph_free(struct cite_graph *g); /* NULL is a no-op */

size_t cite_graph_node_count(const struct cite_graph *g);
size_t cite_graph_edge_count(const struct cite_graph *g);
const struct cite_graph_node *cite_graph_node(const struct cite_graph *g,
                                              size_t i);
const struct cite_graph_edge *cite_graph_edge(const struct cite_graph *g,
                                              size_t e);
/* The node with this id, or -1. */
long cite_graph_find(const struct cite_graph *g, const char *id);

/*
 * Computes every metric for every node into values, an array of
 * node_count * CITE_M__COUNT doubles owned by the caller, row i holding
 * node i (values[i * CITE_M__COUNT + m]).  Degrees count distinct edges;
 * PageRank (damping 0.85) and hubs/authorities use the mention weights;
 * coreness is on the undirected projection.  Returns 0, or -1 with err.
 */
int cite_graph_metrics(const struct cite_graph *g, double *values, char *err,
                       size_t errlen);

/*
 * Marks in keep (node_count bytes, caller-owned) the nodes within depth
 * steps of focus, following edges in both directions.  depth < 0 means
 * unlimited.
 */
void cite_graph_neighbourhood(const struct cite_graph *g, size_t focus,
                              int depth, unsigned char *keep);

#endif
