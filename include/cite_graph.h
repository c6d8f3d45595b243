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
    const char *date;   /* adoption date if a corpus doc, else a date cited;
                           "" when unknown */
    const char *title;  /* NULL if unknown */
    int in_corpus;      /* 1 if some doc of the corpus is this node */
    int year;           /* from date, else from the id (S/RES/242(1967),
                           E/CN.4/RES/2004/81); 0 if unknown */
    int session;        /* the corpus doc's session, else 0 */
    const char *langs;  /* languages of the corpus versions, "en,fr,zh"
                           (sorted); "" for external nodes */
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
    CITE_M_BETWEENNESS, /* directed, unweighted; exact or with a cutoff */
    CITE_M_CLOSENESS,   /* on the undirected projection, per component */
    CITE_M_HARMONIC,    /* harmonic centrality, undirected, normalised */
    CITE_M_EIGENVECTOR, /* on the undirected projection, max 1 */
    CITE_M_AGE_NORM,    /* in_degree / (years since the node's year + 1),
                           against the latest year in the network; 0 when
                           the year is unknown */
    CITE_M__COUNT
};

/* The first six metrics are cheap; the others have their own columns. */
#define CITE_M_BASIC_COUNT 6

/* "in_degree", "out_degree", "pagerank", "hub", "authority", "coreness",
 * "betweenness", "closeness", "harmonic", "eigenvector", "age_norm". */
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

/*
 * The same, a doc at a time, so that the docs need not all be in memory:
 * cite_graph_builder_add() reads doc (borrowed: the builder copies what it
 * keeps, so the doc may be released at once); cite_graph_builder_finish()
 * frees the builder and gives the graph of every doc added (owned by the
 * caller), as cite_graph_build() of them in that order would.
 * cite_graph_builder_free() drops an unfinished one (NULL: no-op).
 */
struct cite_graph_builder;
struct cite_graph_builder *cite_graph_builder_new(void);
void cite_graph_builder_add(struct cite_graph_builder *b,
                            const struct cite_doc *doc);
struct cite_graph *cite_graph_builder_finish(struct cite_graph_builder *b);
void cite_graph_builder_free(struct cite_graph_builder *b);

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

/* How cite_graph_metrics_ext computes. */
struct cite_metric_opts {
    int betweenness;         /* 0: leave the column at 0 (it is the slow one) */
    double cutoff;           /* betweenness on paths of at most this length;
                                <= 0 for exact */
    void (*progress)(void *ctx, double done); /* 0..1, may be NULL */
    void *progress_ctx;
    /* bit m set: compute metric m; 0: every metric (betweenness only with
     * the flag above).  Columns not computed are left at 0.  Degrees cost
     * nothing and are always there. */
    unsigned want;
};

/* Like cite_graph_metrics, for all CITE_M__COUNT columns. */
int cite_graph_metrics_ext(const struct cite_graph *g,
                           const struct cite_metric_opts *opts, double *values,
                           char *err, size_t errlen);

/* Which nodes an analysis keeps; 0 / NONE means no restriction. */
struct cite_graph_filter {
    enum cite_body body;     /* only nodes of this body */
    int since, until;        /* only nodes whose year is in [since, until];
                                nodes of unknown year are dropped when either
                                is set */
    int corpus_only;         /* only documents of the corpus */
    int no_documents;        /* leave out other document symbols */
    int no_instruments;      /* leave out instrument:* nodes */
};

/*
 * The subgraph of the nodes that pass f (NULL keeps all) and the edges
 * between them, as a new graph with the same attributes, numbered in the
 * order of g.  always, if not (size_t)-1, is kept whatever f says (the
 * focus of a query).  Returns 0 and *out, or -1 with err.
 */
int cite_graph_filter(struct cite_graph **out, const struct cite_graph *g,
                      const struct cite_graph_filter *f, size_t always,
                      char *err, size_t errlen);

/* One document reached by a chain of citations. */
struct cite_chain_entry {
    size_t node;
    int depth;               /* 1 for a direct citation */
    long via;                /* the node through which it was first reached
                                (the start node for depth 1) */
};

/*
 * The precedents of start (what it cites, transitively), or with forward
 * its descendants (what cites it), breadth first, up to depth steps
 * (depth < 0: no limit), each node once, in order of depth then node
 * number.  *out is malloc'd (the caller frees it); *n its length, the
 * start not included.
 */
int cite_graph_chain(const struct cite_graph *g, size_t start, int depth,
                     int forward, struct cite_chain_entry **out, size_t *n);

/*
 * Every shortest directed citation path from `from` to `to` (following
 * "cites"), at most max of them, in a deterministic order.  paths[k] is a
 * malloc'd array of nodes from..to, lens[k] its length; the caller frees
 * each and the two arrays.  *n = 0 when there is no path.
 */
int cite_graph_paths(const struct cite_graph *g, size_t from, size_t to,
                     size_t max, size_t ***paths, size_t **lens, size_t *n,
                     char *err, size_t errlen);

/*
 * Main path analysis (Hummon and Doreian): search path count (SPC) weights
 * on the acyclic citation network (for u citing v: the citation paths from
 * texts nothing cites down to u, times the paths from v down to texts that
 * cite nothing), then the global main path: of all paths from a foundation
 * to a newest text, the one whose SPC weights sum highest.  With root set
 * (not (size_t)-1), only over the ancestors of root (what it rests on) and
 * root itself.  Where path counts exceed the range of a double the path is
 * found in logarithms and the reported weights are infinite.
 *
 * Citation networks should be acyclic; where they are not, each cycle is
 * broken by dropping its edge of lowest weight, then (ties) the one whose
 * citing node has the highest number; the dropped edges are listed.
 */
struct cite_mainpath {
    size_t *edges;           /* edge numbers of g on the main path, in order */
    size_t nedges;
    double *spc;             /* SPC weight of every edge of g (nedges of g) */
    size_t *dropped;         /* edges dropped to break cycles */
    size_t ndropped;
};
int cite_graph_mainpath(const struct cite_graph *g, size_t root,
                        struct cite_mainpath *mp, char *err, size_t errlen);
void cite_graph_mainpath_release(struct cite_mainpath *mp);

/* How close another document is to a given one. */
struct cite_similar {
    size_t node;
    int cocitation;          /* documents citing both */
    int coupling;            /* documents cited by both */
    double score;            /* cosine of the two, combined (see README) */
};

/*
 * The documents closest to node by co-citation and bibliographic coupling,
 * best first (score, then cocitation, then coupling, then id), at most max.
 * *out is malloc'd; the caller frees it.
 */
int cite_graph_similar(const struct cite_graph *g, size_t node, size_t max,
                       struct cite_similar **out, size_t *n);

/*
 * Clusters of the undirected projection (edge weights summed): Louvain
 * (igraph multilevel).  membership[i] (caller-owned, node_count entries)
 * gets node i's cluster, clusters numbered by decreasing size then by
 * their smallest node; *ncluster their count and *modularity the
 * partition's modularity.  Deterministic (a fixed seed).
 */
int cite_graph_communities(const struct cite_graph *g, size_t *membership,
                           size_t *ncluster, double *modularity, char *err,
                           size_t errlen);

/*
 * Marks in keep (node_count bytes, caller-owned) the nodes within depth
 * steps of focus, following edges in both directions.  depth < 0 means
 * unlimited.
 */
void cite_graph_neighbourhood(const struct cite_graph *g, size_t focus,
                              int depth, unsigned char *keep);

#endif
