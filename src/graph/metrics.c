/*
 * metrics.c - the per-node measures of the citation network, computed by
 * igraph on the copy that cite_graph_build() made.
 *
 * In and out degree count distinct citing pairs, so a resolution that
 * cites another five times still adds one; PageRank (PRPACK, damping 0.85,
 * the rank of nodes that cite nothing spread evenly over all nodes) and
 * Kleinberg's hubs and authorities (scaled so the largest is 1) follow the
 * mention weights; coreness is taken on the undirected projection, where a
 * pair of documents citing each other is one link, not two.
 *
 * The distance measures: betweenness on the directed network, unweighted
 * (the number of citation chains a document sits on, as igraph counts it:
 * ordered pairs, not normalised), exact or on chains up to a cutoff;
 * closeness and harmonic centrality on the undirected projection, also
 * unweighted, as igraph defines them (distance.c computes them, 256
 * sources at a time): closeness within each node's component, normalised
 * (the inverse of the mean distance to the nodes it reaches, 0 for a node
 * reaching none), harmonic centrality the mean over all other nodes of
 * 1 / distance (0 for those out of reach).  Eigenvector centrality is on
 * the unweighted undirected projection, scaled so that the largest is 1;
 * where the projection has several components ARPACK's leading
 * eigenvector lives on the one with the largest eigenvalue and the others
 * get (nearly) 0.  age_norm is in_degree / (Y - year + 1), Y the latest
 * year of any node, so that a recent resolution cited twice is not
 * outranked by an old one cited three times over forty years.
 *
 * Betweenness and the two distance measures need a breadth-first search
 * from every node, O(n m): on a large network they are the cost of the
 * whole call, betweenness by far (igraph's Brandes, one source at a time).
 * Exact betweenness runs in about 64 batches of sources through
 * igraph_betweenness_subset, whose sums over a partition of the sources
 * are the full betweenness, so that progress is reported between batches;
 * with a cutoff igraph has no subset form and betweenness is one step.
 * Progress counts a unit per source and pass.  Every igraph object made
 * here is destroyed on every path, and each step says what it was doing
 * so that an igraph error reads as more than a bare code.
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
coreness(const igraph_t *und, double *values)
{
    igraph_vector_int_t cores;
    igraph_error_t rc = igraph_vector_int_init(&cores, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    rc = igraph_coreness(und, &cores, IGRAPH_ALL);
    if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&cores); i++) {
            AT(values, i, CITE_M_CORENESS) = (double)VECTOR(cores)[i];
        }
    }
    igraph_vector_int_destroy(&cores);
    return rc;
}

static igraph_error_t
eigenvector(const igraph_t *und, double *values)
{
    /* Without links the adjacency matrix is 0: nothing is central. */
    if (igraph_ecount(und) == 0) {
        return IGRAPH_SUCCESS;
    }
    igraph_vector_t vec;
    igraph_error_t rc = igraph_vector_init(&vec, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    igraph_real_t value;
    rc = igraph_eigenvector_centrality(und, &vec, &value, IGRAPH_UNDIRECTED, 1,
                                       NULL, &options);
    if (rc == IGRAPH_SUCCESS) {
        for (igraph_integer_t i = 0; i < igraph_vector_size(&vec); i++) {
            AT(values, i, CITE_M_EIGENVECTOR) = denoise(VECTOR(vec)[i]);
        }
    }
    igraph_vector_destroy(&vec);
    return rc;
}

/* Progress over the breadth-first passes, one unit per source node. */
struct progress {
    const struct cite_metric_opts *opts;
    double total;
    double done;
};

static void
progress_add(struct progress *p, double units)
{
    p->done += units;
    if (p->opts != NULL && p->opts->progress != NULL && p->total > 0) {
        double f = p->done / p->total;
        p->opts->progress(p->opts->progress_ctx, f > 1 ? 1 : f);
    }
}

static void
progress_step(void *ctx, double units)
{
    progress_add(ctx, units);
}

/* Sources per batch: about 64 batches, at least one node each. */
static igraph_integer_t
batch_size(igraph_integer_t n)
{
    igraph_integer_t b = (n + 63) / 64;
    return b > 0 ? b : 1;
}

static igraph_error_t
betweenness(const igraph_t *ig, double cutoff, double *values,
            struct progress *prog)
{
    igraph_integer_t n = igraph_vcount(ig);
    igraph_vector_t res;
    igraph_error_t rc = igraph_vector_init(&res, 0);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    if (cutoff > 0) {
        rc = igraph_betweenness_cutoff(ig, &res, igraph_vss_all(),
                                       IGRAPH_DIRECTED, NULL, cutoff);
        for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
            AT(values, i, CITE_M_BETWEENNESS) = VECTOR(res)[i];
        }
        if (rc == IGRAPH_SUCCESS) {
            progress_add(prog, (double)n);
        }
    } else {
        igraph_integer_t step = batch_size(n);
        for (igraph_integer_t a = 0; rc == IGRAPH_SUCCESS && a < n; a += step) {
            igraph_integer_t b = a + step < n ? a + step : n;
            rc = igraph_betweenness_subset(
                ig, &res, igraph_vss_all(), IGRAPH_DIRECTED,
                igraph_vss_range(a, b), igraph_vss_all(), NULL);
            for (igraph_integer_t i = 0; rc == IGRAPH_SUCCESS && i < n; i++) {
                AT(values, i, CITE_M_BETWEENNESS) += VECTOR(res)[i];
            }
            if (rc == IGRAPH_SUCCESS) {
                progress_add(prog, (double)(b - a));
            }
        }
    }
    igraph_vector_destroy(&res);
    return rc;
}

static void
age_norm(const struct cite_graph *g, double *values)
{
    int latest = 0;
    for (size_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].year > latest) {
            latest = g->nodes[i].year;
        }
    }
    for (size_t i = 0; i < g->nnodes; i++) {
        int y = g->nodes[i].year;
        AT(values, i, CITE_M_AGE_NORM) =
            y > 0 ? AT(values, i, CITE_M_IN_DEGREE) / (double)(latest - y + 1)
                  : 0.0;
    }
}

#define WANTS(want, m) (((want) >> (m)) & 1u)

/* The steps on the undirected projection, those of want. */
static igraph_error_t
on_projection(const struct cite_graph *g, double *values, struct progress *prog,
              unsigned want, const char **what)
{
    igraph_error_t rc = IGRAPH_SUCCESS;
    if (WANTS(want, CITE_M_CORENESS) || WANTS(want, CITE_M_EIGENVECTOR)) {
        igraph_t und;
        *what = "undirected projection";
        rc = cite_i_undirected(g, &und, NULL);
        if (rc != IGRAPH_SUCCESS) {
            return rc;
        }
        if (WANTS(want, CITE_M_CORENESS)) {
            *what = "coreness";
            rc = coreness(&und, values);
        }
        if (rc == IGRAPH_SUCCESS && WANTS(want, CITE_M_EIGENVECTOR)) {
            *what = "eigenvector centrality";
            rc = eigenvector(&und, values);
        }
        igraph_destroy(&und);
    }
    if (rc == IGRAPH_SUCCESS &&
        (WANTS(want, CITE_M_CLOSENESS) || WANTS(want, CITE_M_HARMONIC))) {
        cite_i_distance_measures(g, &AT(values, 0, CITE_M_CLOSENESS),
                                 &AT(values, 0, CITE_M_HARMONIC), CITE_M__COUNT,
                                 progress_step, prog);
    }
    return rc;
}

int
cite_graph_metrics_ext(const struct cite_graph *g,
                       const struct cite_metric_opts *opts, double *values,
                       char *err, size_t errlen)
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
    unsigned want = opts != NULL && opts->want != 0 ? opts->want : ~0u;
    int with_betweenness = opts != NULL && opts->betweenness &&
                           WANTS(want, CITE_M_BETWEENNESS);
    int distances = WANTS(want, CITE_M_CLOSENESS) ||
                    WANTS(want, CITE_M_HARMONIC);
    /* a unit per source of a breadth-first pass */
    struct progress prog = {opts,
                            (double)g->nnodes *
                                (with_betweenness + distances > 0
                                     ? with_betweenness + distances
                                     : 1),
                            0};

    struct cite_i_igraph_guard guard;
    cite_i_igraph_enter(&guard);
    const char *what = "building the graph";
    /* the edge weights in igraph's order, read with its edges */
    igraph_vector_t weights;
    igraph_t ig;
    igraph_error_t rc = igraph_vector_init(&weights, (igraph_integer_t)g->nedges);
    if (rc == IGRAPH_SUCCESS) {
        rc = cite_i_graph_igraph(g, &ig, &weights);
        if (rc != IGRAPH_SUCCESS) {
            igraph_vector_destroy(&weights);
        }
    }
    if (rc != IGRAPH_SUCCESS) {
        int ret = cite_i_igraph_fail(rc, what, err, errlen);
        cite_i_igraph_leave(&guard);
        return ret;
    }
    what = "degree";
    rc = degrees(&ig, values);
    if (rc == IGRAPH_SUCCESS && WANTS(want, CITE_M_PAGERANK)) {
        what = "pagerank";
        rc = pagerank(&ig, &weights, values);
    }
    if (rc == IGRAPH_SUCCESS &&
        (WANTS(want, CITE_M_HUB) || WANTS(want, CITE_M_AUTHORITY))) {
        what = "hub and authority scores";
        rc = hits(&ig, &weights, values);
    }
    if (rc == IGRAPH_SUCCESS && with_betweenness) {
        what = "betweenness";
        rc = betweenness(&ig, opts->cutoff, values, &prog);
    }
    if (rc == IGRAPH_SUCCESS) {
        rc = on_projection(g, values, &prog, want, &what);
    }
    igraph_vector_destroy(&weights);
    igraph_destroy(&ig);
    int ret = 0;
    if (rc != IGRAPH_SUCCESS) {
        ret = cite_i_igraph_fail(rc, what, err, errlen);
    } else if (WANTS(want, CITE_M_AGE_NORM)) {
        age_norm(g, values);
    }
    cite_i_igraph_leave(&guard);
    return ret;
}

int
cite_graph_metrics(const struct cite_graph *g, double *values, char *err,
                   size_t errlen)
{
    struct cite_metric_opts opts = {1, 0, NULL, NULL, 0};
    return cite_graph_metrics_ext(g, &opts, values, err, errlen);
}
