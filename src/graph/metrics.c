/*
 * metrics.c - the per-node measures of the citation network, computed by
 * igraph on the copy that cite_graph_build() made.
 *
 * In and out degree count distinct citing pairs, so a resolution that
 * cites another five times still adds one; PageRank (PRPACK, damping 0.85,
 * the rank of nodes that cite nothing spread evenly over all nodes) and
 * Kleinberg's hubs and authorities (scaled so the largest is 1) follow the
 * mention weights; coreness is taken on the undirected projection, where a
 * pair of documents citing each other is one link, not two.  Every igraph
 * object made here is destroyed on every path, and each step says what it
 * was doing so that an igraph error reads as more than a bare code.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "graph_int.h"

#define AT(values, i, m) ((values)[(size_t)(i)*CITE_M__COUNT + (m)])

static igraph_error_t
degrees(const igraph_t *ig, double *values)
{
    igraph_vector_int_t deg;
    igraph_error_t rc = igraph_vector_int_init(&deg, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    static const struct {
        igraph_neimode_t mode;
        enum cite_metric metric;
    } pass[] = {{IGRAPH_IN, CITE_M_IN_DEGREE}, {IGRAPH_OUT, CITE_M_OUT_DEGREE}};
    for (size_t p = 0; p < sizeof pass / sizeof pass[0]; p++) {
        rc = igraph_degree(ig, &deg, igraph_vss_all(), pass[p].mode,
                           IGRAPH_LOOPS);
        if (rc != IGRAPH_SUCCESS) {
            break;
        }
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&deg); i++) {
            AT(values, i, pass[p].metric) = (double)VECTOR(deg)[i];
        }
    }
    igraph_vector_int_destroy(&deg);
    return rc;
}

static igraph_error_t
pagerank(const igraph_t *ig, const igraph_vector_t *weights, double *values)
{
    igraph_vector_t pr;
    igraph_error_t rc = igraph_vector_init(&pr, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc =
        igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL,
                        igraph_vss_all(), IGRAPH_DIRECTED, 0.85, weights, NULL);
    if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_vector_size(&pr); i++) {
            AT(values, i, CITE_M_PAGERANK) = VECTOR(pr)[i];
        }
    }
    igraph_vector_destroy(&pr);
    return rc;
}

/* ARPACK leaves rounding noise where the exact score is 0; a value that
 * small printed as "-0.000000" would only confuse. */
static double
denoise(double x)
{
    return fabs(x) < 1e-12 ? 0.0 : x;
}

static igraph_error_t
hits(const igraph_t *ig, const igraph_vector_t *weights, double *values)
{
    /* Without edges the leading eigenvalue is 0 and every vector is an
     * eigenvector: nothing is a hub or an authority. */
    if (igraph_ecount(ig) == 0) {
        return IGRAPH_SUCCESS;
    }
    igraph_vector_t hub, auth;
    igraph_error_t rc = igraph_vector_init(&hub, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = igraph_vector_init(&auth, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&hub);
        return rc;
    }
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    rc = igraph_hub_and_authority_scores(ig, &hub, &auth, NULL, 1, weights,
                                         &options);
    if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_vector_size(&hub); i++) {
            AT(values, i, CITE_M_HUB) = denoise(VECTOR(hub)[i]);
            AT(values, i, CITE_M_AUTHORITY) = denoise(VECTOR(auth)[i]);
        }
    }
    igraph_vector_destroy(&auth);
    igraph_vector_destroy(&hub);
    return rc;
}

static igraph_error_t
coreness(const igraph_t *ig, double *values)
{
    igraph_t und;
    igraph_error_t rc = igraph_copy(&und, ig);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_vector_int_t cores;
    rc = igraph_vector_int_init(&cores, 0);
    if (rc != IGRAPH_SUCCESS) {
        igraph_destroy(&und);
        return rc;
    }
    rc = igraph_to_undirected(&und, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_coreness(&und, &cores, IGRAPH_ALL);
    }
    if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&cores); i++) {
            AT(values, i, CITE_M_CORENESS) = (double)VECTOR(cores)[i];
        }
    }
    igraph_vector_int_destroy(&cores);
    igraph_destroy(&und);
    return rc;
}

int
cite_graph_metrics(const struct cite_graph *g, double *values, char *err,
                   size_t errlen)
{
    if (g == NULL || (values == NULL && g->nnodes > 0)) {
        if (err != NULL && errlen > 0) {
            snprintf(err, errlen, "no graph or no place for the metrics");
        }
        return -1;
    }
    if (g->nnodes == 0) {
        return 0;
    }
    memset(values, 0, g->nnodes * CITE_M__COUNT * sizeof *values);

    struct cite_i_igraph_guard guard;
    cite_i_igraph_enter(&guard);
    const char *what = "edge weights";
    igraph_vector_t weights;
    igraph_error_t rc =
        igraph_vector_init(&weights, (igraph_integer_t)g->nedges);
    if (rc == IGRAPH_SUCCESS) {
        for (size_t e = 0; e < g->nedges; e++) {
            VECTOR(weights)[e] = g->edges[e].weight;
        }
        what = "degree";
        rc = degrees(&g->ig, values);
        if (rc == IGRAPH_SUCCESS) {
            what = "pagerank";
            rc = pagerank(&g->ig, &weights, values);
        }
        if (rc == IGRAPH_SUCCESS) {
            what = "hub and authority scores";
            rc = hits(&g->ig, &weights, values);
        }
        if (rc == IGRAPH_SUCCESS) {
            what = "coreness";
            rc = coreness(&g->ig, values);
        }
        igraph_vector_destroy(&weights);
    }
    int ret = 0;
    if (rc != IGRAPH_SUCCESS) {
        ret = cite_i_igraph_fail(rc, what, err, errlen);
    }
    cite_i_igraph_leave(&guard);
    return ret;
}
