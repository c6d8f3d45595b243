/*
 * community.c - clusters of documents that cite among themselves more than
 * chance would have it.
 *
 * Louvain (igraph_community_multilevel, resolution 1) on the undirected
 * projection, a pair of documents citing each other being one link whose
 * weight is the sum of the mentions both ways.  igraph visits the nodes in
 * a random order, so igraph's default generator is seeded with a fixed
 * number first: the same network always gives the same clusters.  Clusters
 * are renumbered by decreasing size, then by their smallest node, which
 * makes the numbers meaningful ("cluster 0 is the largest") and stable
 * against igraph's own numbering.  The modularity is igraph's, of the final
 * partition with the same weights; 0 for a network without links, where
 * igraph's is undefined (NaN).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/core_int.h"
#include "graph_int.h"

#define SEED 42

struct cluster {
    size_t size;
    size_t first; /* smallest node */
    size_t id;    /* igraph's number */
};

static int
by_size(const void *pa, const void *pb)
{
    const struct cluster *a = pa, *b = pb;
    if (a->size != b->size) {
        return a->size > b->size ? -1 : 1;
    }
    return (a->first > b->first) - (a->first < b->first);
}

/* igraph's membership -> ours. */
static size_t
renumber(const igraph_vector_int_t *memb, size_t n, size_t *membership)
{
    struct cluster *cl = cite_i_xcalloc(n, sizeof *cl);
    size_t ncl = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = (size_t)VECTOR(*memb)[i];
        if (cl[c].size == 0) {
            cl[c].first = i;
            cl[c].id = c;
            if (c + 1 > ncl) {
                ncl = c + 1;
            }
        }
        cl[c].size++;
    }
    /* igraph numbers clusters 0..k-1; drop any unused number all the same */
    size_t k = 0;
    for (size_t c = 0; c < ncl; c++) {
        if (cl[c].size > 0) {
            cl[k++] = cl[c];
        }
    }
    qsort(cl, k, sizeof *cl, by_size);
    size_t *map = cite_i_xreallocarray(NULL, ncl ? ncl : 1, sizeof *map);
    for (size_t r = 0; r < k; r++) {
        map[cl[r].id] = r;
    }
    for (size_t i = 0; i < n; i++) {
        membership[i] = map[VECTOR(*memb)[i]];
    }
    free(map);
    free(cl);
    return k;
}

int
cite_graph_communities(const struct cite_graph *g, size_t *membership,
                       size_t *ncluster, double *modularity, char *err,
                       size_t errlen)
{
    if (g == NULL || ncluster == NULL || modularity == NULL ||
        (membership == NULL && g->nnodes > 0)) {
        if (err != NULL && errlen > 0) {
            snprintf(err, errlen, "no graph or no place for the clusters");
        }
        return -1;
    }
    *ncluster = 0;
    *modularity = 0;
    if (g->nnodes == 0) {
        return 0;
    }
    struct cite_i_igraph_guard guard;
    cite_i_igraph_enter(&guard);
    const char *what = "undirected projection";
    igraph_t und;
    igraph_vector_t weights;
    igraph_error_t rc = cite_i_undirected(g, &und, &weights);
    if (rc == IGRAPH_SUCCESS) {
        igraph_vector_int_t memb;
        rc = igraph_vector_int_init(&memb, 0);
        if (rc == IGRAPH_SUCCESS) {
            what = "seeding the random number generator";
            rc = igraph_rng_seed(igraph_rng_default(), SEED);
            if (rc == IGRAPH_SUCCESS) {
                what = "multilevel communities";
                rc = igraph_community_multilevel(&und, &weights, 1.0, &memb,
                                                 NULL, NULL);
            }
            igraph_real_t q = 0;
            if (rc == IGRAPH_SUCCESS && igraph_ecount(&und) > 0) {
                what = "modularity";
                rc = igraph_modularity(&und, &memb, &weights, 1.0,
                                       IGRAPH_UNDIRECTED, &q);
            }
            if (rc == IGRAPH_SUCCESS) {
                *ncluster = renumber(&memb, g->nnodes, membership);
                *modularity = isfinite(q) ? q : 0.0;
            }
            igraph_vector_int_destroy(&memb);
        }
        igraph_vector_destroy(&weights);
        igraph_destroy(&und);
    }
    int ret = 0;
    if (rc != IGRAPH_SUCCESS) {
        ret = cite_i_igraph_fail(rc, what, err, errlen);
    }
    cite_i_igraph_leave(&guard);
    return ret;
}
