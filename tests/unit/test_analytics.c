/*
 * test_analytics.c - unit tests of the analyses of src/graph/: filters,
 * chains of precedent, shortest citation paths, main path analysis (SPC
 * weights, cycle breaking), similar documents, communities, and the
 * distance and spectral metrics (betweenness, closeness, harmonic,
 * eigenvector, age_norm).
 *
 * Every expected value is worked out in the comment above its test.  The
 * centralities of the seven-node fixture were derived by hand and then
 * checked once with networkx 3.6.1 (betweenness_centrality on the digraph,
 * normalized=False; closeness_centrality on the undirected graph with
 * wf_improved=False; harmonic_centrality divided by n - 1;
 * eigenvector_centrality, tol 1e-14, divided by its maximum) and with a
 * brute-force betweenness enumerating every shortest path; the tests do
 * not need Python.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <igraph.h>

#include "cite_doc.h"
#include "cite_graph.h"
#include "graph/graph_int.h"

/* --- building networks in code ------------------------------------------ */

/*
 * A network from a compact description: docs separated by ';', each
 * "id>target,target*3" (the doc cites target once and the other three
 * times), or just "id" for a doc citing nothing.  Nodes are numbered in
 * first-appearance order, as cite_graph_build() does.
 */
static struct cite_graph *
net(struct cite_corpus *c, const char *spec)
{
    cite_corpus_init(c);
    char *copy = strdup(spec);
    assert_non_null(copy);
    char *save_doc = NULL;
    for (char *doc = strtok_r(copy, ";", &save_doc); doc != NULL;
         doc = strtok_r(NULL, ";", &save_doc)) {
        char *gt = strchr(doc, '>');
        if (gt != NULL) {
            *gt = '\0';
        }
        struct cite_doc *d = cite_corpus_add(c);
        d->info.id = cite_doc_strdup(d, doc);
        d->info.body = CITE_BODY_GA;
        d->info.type = CITE_TYPE_RESOLUTION;
        if (gt == NULL) {
            continue;
        }
        char *save_t = NULL;
        for (char *t = strtok_r(gt + 1, ",", &save_t); t != NULL;
             t = strtok_r(NULL, ",", &save_t)) {
            int times = 1;
            char *star = strchr(t, '*');
            if (star != NULL) {
                *star = '\0';
                times = atoi(star + 1);
            }
            for (int k = 0; k < times; k++) {
                struct cite_ref *r = cite_doc_add_ref(d);
                r->target = cite_doc_strdup(d, t);
                r->type = CITE_TYPE_RESOLUTION;
                r->body = CITE_BODY_GA;
            }
        }
    }
    free(copy);
    struct cite_graph *g = NULL;
    char err[256] = "";
    if (cite_graph_build(&g, c, err, sizeof err) != 0) {
        fail_msg("cite_graph_build: %s", err);
    }
    assert_non_null(g);
    return g;
}

static void
done(struct cite_corpus *c, struct cite_graph *g)
{
    cite_graph_free(g);
    cite_corpus_release(c);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
}

static size_t
node(const struct cite_graph *g, const char *id)
{
    long i = cite_graph_find(g, id);
    if (i < 0) {
        fail_msg("no node '%s'", id);
    }
    return (size_t)i;
}

/* The edge "from>to". */
static size_t
edge(const struct cite_graph *g, const char *spec)
{
    char from[32];
    const char *gt = strchr(spec, '>');
    assert_non_null(gt);
    snprintf(from, sizeof from, "%.*s", (int)(gt - spec), spec);
    size_t a = node(g, from), b = node(g, gt + 1);
    for (size_t e = 0; e < cite_graph_edge_count(g); e++) {
        const struct cite_graph_edge *x = cite_graph_edge(g, e);
        if (x->from == a && x->to == b) {
            return e;
        }
    }
    fail_msg("no edge '%s'", spec);
    return 0;
}

#define assert_close(a, b, eps)                                                \
    do {                                                                       \
        double a_ = (a), b_ = (b);                                             \
        if (!(fabs(a_ - b_) <= (eps))) {                                       \
            fail_msg("%.15g differs from %.15g by more than %g", a_, b_,       \
                     (double)(eps));                                           \
        }                                                                      \
    } while (0)

#define M(v, i, m) ((v)[(size_t)(i)*CITE_M__COUNT + (m)])

static double *
metrics_ext(const struct cite_graph *g, const struct cite_metric_opts *o)
{
    size_t n = cite_graph_node_count(g);
    double *v = calloc(n ? n * CITE_M__COUNT : 1, sizeof *v);
    assert_non_null(v);
    char err[256] = "";
    if (cite_graph_metrics_ext(g, o, v, err, sizeof err) != 0) {
        fail_msg("cite_graph_metrics_ext: %s", err);
    }
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    return v;
}

/* A pseudo-random network of n docs, each citing up to k others chosen by
 * a fixed linear congruential generator (some cite forward, so there are
 * cycles; a tenth cite nothing, so there are several components). */
static struct cite_graph *
random_net(struct cite_corpus *c, int n, int k, unsigned seed)
{
    cite_corpus_init(c);
    unsigned x = seed;
    char id[16], to[16];
    for (int i = 0; i < n; i++) {
        struct cite_doc *d = cite_corpus_add(c);
        snprintf(id, sizeof id, "n%d", i);
        d->info.id = cite_doc_strdup(d, id);
        x = x * 1103515245u + 12345u;
        if ((x >> 16) % 10 == 0) {
            continue;
        }
        for (int j = 0; j < k; j++) {
            x = x * 1103515245u + 12345u;
            snprintf(to, sizeof to, "n%u", (x >> 16) % (unsigned)n);
            struct cite_ref *r = cite_doc_add_ref(d);
            r->target = cite_doc_strdup(d, to);
        }
    }
    struct cite_graph *g = NULL;
    char err[256] = "";
    assert_int_equal(cite_graph_build(&g, c, err, sizeof err), 0);
    return g;
}

/* --- the seven-node fixture of test_graph.c ------------------------------- */

/*
 *   0 A/HRC/RES/10/1  2009-03-26   cites 1, 2, 3
 *   1 A/RES/60/251    2006-03-15
 *   2 A/HRC/RES/9/2   2008-09-24   cites 1, 3
 *   3 instrument:udhr (no year)
 *   4 A/HRC/RES/11/3  2009-06-17   cites 0, 2 (three times), 5
 *   5 S/RES/1325(2000) 2000-10-31
 *   6 A/HRC/RES/12/5  2009-10-01   cites 4 (twice), 0
 */
static struct cite_graph *
fixture(struct cite_corpus *c)
{
    cite_corpus_init(c);
    static const struct {
        const char *id;
        enum cite_body body;
        const char *date;
        const char *targets[4];
        int times[4];
    } docs[] = {
        {"A/HRC/RES/10/1",
         CITE_BODY_HRC,
         "2009-03-26",
         {"A/RES/60/251", "A/HRC/RES/9/2", "instrument:udhr"},
         {2, 1, 1}},
        {"A/HRC/RES/9/2",
         CITE_BODY_HRC,
         "2008-09-24",
         {"A/RES/60/251", "instrument:udhr"},
         {1, 1}},
        {"A/HRC/RES/11/3",
         CITE_BODY_HRC,
         "2009-06-17",
         {"A/HRC/RES/10/1", "A/HRC/RES/9/2", "S/RES/1325(2000)"},
         {1, 3, 1}},
        {"A/HRC/RES/12/5",
         CITE_BODY_HRC,
         "2009-10-01",
         {"A/HRC/RES/11/3", "A/HRC/RES/10/1"},
         {2, 1}},
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        struct cite_doc *d = cite_corpus_add(c);
        d->info.id = cite_doc_strdup(d, docs[k].id);
        d->info.body = docs[k].body;
        d->info.type = CITE_TYPE_RESOLUTION;
        d->info.session = k + 9;
        snprintf(d->info.date, sizeof d->info.date, "%s", docs[k].date);
        d->info.title = cite_doc_strdup(d, "a title");
        d->lang = CITE_LANG_EN;
        for (size_t t = 0; t < 4 && docs[k].targets[t] != NULL; t++) {
            for (int i = 0; i < docs[k].times[t]; i++) {
                struct cite_ref *r = cite_doc_add_ref(d);
                r->target = cite_doc_strdup(d, docs[k].targets[t]);
                const char *id = docs[k].targets[t];
                if (strncmp(id, "instrument:", 11) == 0) {
                    r->type = CITE_TYPE_INSTRUMENT;
                } else {
                    r->type = CITE_TYPE_RESOLUTION;
                    r->body = id[0] == 'S'              ? CITE_BODY_SC
                              : strncmp(id, "A/HRC", 5) ? CITE_BODY_GA
                                                        : CITE_BODY_HRC;
                }
                if (strcmp(id, "A/RES/60/251") == 0) {
                    snprintf(r->date, sizeof r->date, "2006-03-15");
                } else if (strcmp(id, "S/RES/1325(2000)") == 0) {
                    snprintf(r->date, sizeof r->date, "2000-10-31");
                }
            }
        }
    }
    struct cite_graph *g = NULL;
    char err[256] = "";
    assert_int_equal(cite_graph_build(&g, c, err, sizeof err), 0);
    assert_int_equal(cite_graph_node_count(g), 7);
    assert_int_equal(cite_graph_edge_count(g), 10);
    assert_string_equal(cite_graph_node(g, 5)->id, "S/RES/1325(2000)");
    return g;
}

/* --- filters -------------------------------------------------------------- */

static struct cite_graph *
filtered(const struct cite_graph *g, const struct cite_graph_filter *f,
         size_t always)
{
    struct cite_graph *h = NULL;
    char err[256] = "";
    if (cite_graph_filter(&h, g, f, always, err, sizeof err) != 0) {
        fail_msg("cite_graph_filter: %s", err);
    }
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    return h;
}

/* The ids of h's nodes, joined by spaces. */
static void
ids(const struct cite_graph *h, char *out, size_t len)
{
    out[0] = '\0';
    for (size_t i = 0; i < cite_graph_node_count(h); i++) {
        size_t used = strlen(out);
        snprintf(out + used, len - used, "%s%s", i ? " " : "",
                 cite_graph_node(h, i)->id);
    }
}

/*
 * Body HRC keeps 0, 2, 4, 6 (renumbered 0..3) and the edges among them in
 * the original order: 0->2 (1), 4->0 (1), 4->2 (3), 6->4 (2), 6->0 (1),
 * i.e. 0->1, 2->0, 2->1, 3->2, 3->0 in the new numbers.
 */
static void
test_filter_by_body_keeps_nodes_and_edges_between_them(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    struct cite_graph_filter f = {.body = CITE_BODY_HRC};
    struct cite_graph *h = filtered(g, &f, (size_t)-1);
    char got[256];
    ids(h, got, sizeof got);
    assert_string_equal(
        got, "A/HRC/RES/10/1 A/HRC/RES/9/2 A/HRC/RES/11/3 A/HRC/RES/12/5");
    static const struct cite_graph_edge want[] = {
        {0, 1, 1}, {2, 0, 1}, {2, 1, 3}, {3, 2, 2}, {3, 0, 1}};
    assert_int_equal(cite_graph_edge_count(h), 5);
    for (size_t e = 0; e < 5; e++) {
        assert_int_equal(cite_graph_edge(h, e)->from, want[e].from);
        assert_int_equal(cite_graph_edge(h, e)->to, want[e].to);
        assert_true(cite_graph_edge(h, e)->weight == want[e].weight);
    }
    assert_int_equal(cite_graph_find(h, "A/HRC/RES/11/3"), 2);
    assert_int_equal(cite_graph_find(h, "A/RES/60/251"), -1);
    cite_graph_free(h);
    done(&c, g);
}

/*
 * Years: 0 2009, 1 2006, 2 2008, 3 unknown, 4 2009, 5 2000, 6 2009.
 * [2006, 2008] keeps 1 and 2 and the edge 2->1; since 2009 alone keeps
 * 0, 4, 6 (the instrument, of unknown year, goes); until 2006 keeps 1, 5.
 */
static void
test_filter_by_years_drops_unknown_years(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    char got[256];
    struct cite_graph_filter f = {.since = 2006, .until = 2008};
    struct cite_graph *h = filtered(g, &f, (size_t)-1);
    ids(h, got, sizeof got);
    assert_string_equal(got, "A/RES/60/251 A/HRC/RES/9/2");
    assert_int_equal(cite_graph_edge_count(h), 1);
    assert_int_equal(cite_graph_edge(h, 0)->from, 1);
    assert_int_equal(cite_graph_edge(h, 0)->to, 0);
    cite_graph_free(h);

    f = (struct cite_graph_filter){.since = 2009};
    h = filtered(g, &f, (size_t)-1);
    ids(h, got, sizeof got);
    assert_string_equal(got, "A/HRC/RES/10/1 A/HRC/RES/11/3 A/HRC/RES/12/5");
    cite_graph_free(h);

    f = (struct cite_graph_filter){.until = 2006};
    h = filtered(g, &f, (size_t)-1);
    ids(h, got, sizeof got);
    assert_string_equal(got, "A/RES/60/251 S/RES/1325(2000)");
    cite_graph_free(h);
    done(&c, g);
}

/* Corpus only: 0, 2, 4, 6.  No instruments: all but 3, and the two edges
 * citing it (2->3, 0->3) go: 8 edges left. */
static void
test_filter_corpus_only_and_no_instruments(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    struct cite_graph_filter f = {.corpus_only = 1};
    struct cite_graph *h = filtered(g, &f, (size_t)-1);
    assert_int_equal(cite_graph_node_count(h), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(cite_graph_node(h, i)->in_corpus, 1);
    }
    cite_graph_free(h);

    f = (struct cite_graph_filter){.no_instruments = 1};
    h = filtered(g, &f, (size_t)-1);
    assert_int_equal(cite_graph_node_count(h), 6);
    assert_int_equal(cite_graph_find(h, "instrument:udhr"), -1);
    assert_int_equal(cite_graph_edge_count(h), 8);
    cite_graph_free(h);
    done(&c, g);
}

static void
test_filter_no_documents_leaves_out_other_symbols(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = cite_corpus_add(&c);
    d->info.id = cite_doc_strdup(d, "A/HRC/RES/21/21");
    struct cite_ref *r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "A/HRC/21/L.5");
    r->type = CITE_TYPE_DOCUMENT;
    r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "A/HRC/RES/5/1");
    r->type = CITE_TYPE_RESOLUTION;
    struct cite_graph *g = NULL;
    char err[256];
    assert_int_equal(cite_graph_build(&g, &c, err, sizeof err), 0);
    struct cite_graph_filter f = {.no_documents = 1};
    struct cite_graph *h = filtered(g, &f, (size_t)-1);
    char got[256];
    ids(h, got, sizeof got);
    assert_string_equal(got, "A/HRC/RES/21/21 A/HRC/RES/5/1");
    assert_int_equal(cite_graph_edge_count(h), 1);
    cite_graph_free(h);
    done(&c, g);
}

/* SC alone is node 5; always = 4 adds 11/3 and with it the edge 4->5. */
static void
test_filter_keeps_always_node_whatever_the_filter(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    struct cite_graph_filter f = {.body = CITE_BODY_SC};
    struct cite_graph *h = filtered(g, &f, (size_t)-1);
    assert_int_equal(cite_graph_node_count(h), 1);
    cite_graph_free(h);
    h = filtered(g, &f, 4);
    char got[256];
    ids(h, got, sizeof got);
    assert_string_equal(got, "A/HRC/RES/11/3 S/RES/1325(2000)");
    assert_int_equal(cite_graph_edge_count(h), 1);
    assert_int_equal(cite_graph_edge(h, 0)->from, 0);
    assert_int_equal(cite_graph_edge(h, 0)->to, 1);
    cite_graph_free(h);
    done(&c, g);
}

/* Attributes survive, the copy outlives the original, and analyses run on
 * it (the igraph copy is made). */
static void
test_filter_copies_attributes_into_independent_graph(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    struct cite_graph *h = filtered(g, NULL, (size_t)-1);
    cite_graph_free(g);
    cite_corpus_release(&c);
    assert_int_equal(cite_graph_node_count(h), 7);
    assert_int_equal(cite_graph_edge_count(h), 10);
    const struct cite_graph_node *n0 = cite_graph_node(h, 0);
    assert_string_equal(n0->id, "A/HRC/RES/10/1");
    assert_string_equal(n0->date, "2009-03-26");
    assert_string_equal(n0->title, "a title");
    assert_string_equal(n0->langs, "en");
    assert_int_equal(n0->year, 2009);
    assert_int_equal(n0->session, 9);
    assert_int_equal(n0->body, CITE_BODY_HRC);
    assert_int_equal(n0->in_corpus, 1);
    assert_null(cite_graph_node(h, 1)->title);
    assert_string_equal(cite_graph_node(h, 1)->langs, "");
    struct cite_metric_opts o = {1, 0, NULL, NULL, 0};
    double *v = metrics_ext(h, &o);
    assert_true(M(v, 0, CITE_M_BETWEENNESS) == 3.5);
    free(v);
    cite_graph_free(h);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
}

/* --- chains ------------------------------------------------------------- */

/*
 * The chain network:
 *
 *   z>y; a>b,c; b>d; c>d,y; d>f; y>f; g>a
 *
 * numbered z 0, y 1, a 2, b 3, c 4, d 5, f 6, g 7.
 *
 * Precedents of a: depth 1 b (via a), c (via a); depth 2, expanding b
 * then c: d (via b), y (via c), listed y then d; depth 3, expanding the
 * level in node order y (1) before d (5): f via y, not via d.
 *
 * Descendants of f: depth 1 y, d (via f); depth 2, from y: z, c; from d:
 * b (c already met) -> z via y, b via d, c via y; depth 3: a via b (b is
 * expanded before c); depth 4: g via a.
 */
#define CHAIN_NET "z>y;a>b,c;b>d;c>d,y;d>f;y>f;g>a"

struct expect_entry {
    const char *node;
    int depth;
    const char *via;
};

static void
check_chain(const char *start, int depth, int forward,
            const struct expect_entry *want, size_t nwant)
{
    struct cite_corpus c;
    struct cite_graph *g = net(&c, CHAIN_NET);
    struct cite_chain_entry *got = NULL;
    size_t n = 99;
    assert_int_equal(
        cite_graph_chain(g, node(g, start), depth, forward, &got, &n), 0);
    assert_int_equal(n, nwant);
    for (size_t k = 0; k < n; k++) {
        assert_string_equal(cite_graph_node(g, got[k].node)->id, want[k].node);
        assert_int_equal(got[k].depth, want[k].depth);
        assert_string_equal(cite_graph_node(g, (size_t)got[k].via)->id,
                            want[k].via);
    }
    free(got);
    done(&c, g);
}

static void
test_chain_lists_precedents_by_depth_then_node_with_via(void **st)
{
    (void)st;
    static const struct expect_entry want[] = {
        {"b", 1, "a"}, {"c", 1, "a"}, {"y", 2, "c"},
        {"d", 2, "b"}, {"f", 3, "y"},
    };
    check_chain("a", -1, 0, want, 5);
}

static void
test_chain_depth_limit_cuts_levels(void **st)
{
    (void)st;
    static const struct expect_entry want[] = {
        {"b", 1, "a"}, {"c", 1, "a"}, {"y", 2, "c"}, {"d", 2, "b"}};
    check_chain("a", 2, 0, want, 4);
    check_chain("a", 1, 0, want, 2);
    check_chain("a", 0, 0, want, 0);
    check_chain("f", -1, 0, want, 0); /* f cites nothing */
}

static void
test_chain_forward_lists_descendants(void **st)
{
    (void)st;
    static const struct expect_entry want[] = {
        {"y", 1, "f"}, {"d", 1, "f"}, {"z", 2, "y"}, {"b", 2, "d"},
        {"c", 2, "y"}, {"a", 3, "b"}, {"g", 4, "a"},
    };
    check_chain("f", -1, 1, want, 7);
}

static void
test_chain_rejects_bad_start(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, CHAIN_NET);
    struct cite_chain_entry *got = (void *)1;
    size_t n = 5;
    assert_int_equal(cite_graph_chain(g, 8, -1, 0, &got, &n), -1);
    assert_null(got);
    assert_int_equal(n, 0);
    done(&c, g);
}

/* --- shortest paths ---------------------------------------------------------
 */

static void
free_paths(size_t **paths, size_t *lens, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        free(paths[k]);
    }
    free(paths);
    free(lens);
}

/* The paths as "a b d f|a c d f", ids joined. */
static void
paths_text(const struct cite_graph *g, size_t **paths, const size_t *lens,
           size_t n, char *out, size_t len)
{
    out[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < lens[k]; i++) {
            size_t used = strlen(out);
            snprintf(out + used, len - used, "%s%s", i ? " " : (k ? "|" : ""),
                     cite_graph_node(g, paths[k][i])->id);
        }
    }
}

static void
check_paths(const char *from, const char *to, size_t max, const char *want)
{
    struct cite_corpus c;
    struct cite_graph *g = net(&c, CHAIN_NET);
    size_t **paths = NULL, *lens = NULL, n = 99;
    char err[256] = "";
    assert_int_equal(cite_graph_paths(g, node(g, from), node(g, to), max,
                                      &paths, &lens, &n, err, sizeof err),
                     0);
    char got[512];
    paths_text(g, paths, lens, n, got, sizeof got);
    assert_string_equal(got, want);
    free_paths(paths, lens, n);
    done(&c, g);
}

/*
 * From a to f, three paths of three steps: a b d f, a c d f, a c y f.  In
 * node numbers (a 2, b 3, c 4, y 1, d 5, f 6): 2 3 5 6, 2 4 1 6, 2 4 5 6,
 * so a c y f comes before a c d f.  a c y is shorter than any other way
 * to y, and z reaches f only through y.
 */
static void
test_paths_lists_every_shortest_path_in_node_order(void **st)
{
    (void)st;
    check_paths("a", "f", 10, "a b d f|a c y f|a c d f");
    check_paths("g", "f", 10, "g a b d f|g a c y f|g a c d f");
    check_paths("a", "y", 10, "a c y");
    check_paths("z", "f", 10, "z y f");
}

static void
test_paths_cut_at_max(void **st)
{
    (void)st;
    check_paths("a", "f", 2, "a b d f|a c y f");
    check_paths("a", "f", 1, "a b d f");
    check_paths("a", "f", 0, "");
}

static void
test_paths_follow_citations_only_forward(void **st)
{
    (void)st;
    check_paths("f", "a", 10, ""); /* f cites nothing */
    check_paths("b", "y", 10, ""); /* b and y are linked only via citers */
    check_paths("a", "a", 10, "a");
}

/* The same set as igraph_get_all_shortest_paths, once sorted, on a
 * network with many ties. */
static void
test_paths_agree_with_igraph_all_shortest_paths(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 60, 4, 7);
    igraph_t ig;
    assert_int_equal(cite_i_graph_igraph(g, &ig, NULL), IGRAPH_SUCCESS);
    size_t checked = 0;
    for (size_t from = 0; from < 60; from += 7) {
        for (size_t to = 0; to < 60; to += 5) {
            size_t **paths = NULL, *lens = NULL, n = 0;
            char err[256];
            assert_int_equal(cite_graph_paths(g, from, to, (size_t)-1, &paths,
                                              &lens, &n, err, sizeof err),
                             0);
            igraph_vector_int_list_t want;
            assert_int_equal(igraph_vector_int_list_init(&want, 0), 0);
            assert_int_equal(
                igraph_get_all_shortest_paths(
                    &ig, &want, NULL, NULL, (igraph_integer_t)from,
                    igraph_vss_1((igraph_integer_t)to), IGRAPH_OUT),
                0);
            igraph_vector_int_list_sort(&want, igraph_vector_int_lex_cmp);
            assert_int_equal(n, (size_t)igraph_vector_int_list_size(&want));
            for (size_t k = 0; k < n; k++) {
                igraph_vector_int_t *w =
                    igraph_vector_int_list_get_ptr(&want, k);
                assert_int_equal(lens[k], (size_t)igraph_vector_int_size(w));
                for (size_t i = 0; i < lens[k]; i++) {
                    assert_int_equal(paths[k][i], (size_t)VECTOR(*w)[i]);
                }
            }
            checked += n;
            igraph_vector_int_list_destroy(&want);
            free_paths(paths, lens, n);
        }
    }
    assert_true(checked > 20); /* the sample did find paths */
    igraph_destroy(&ig);
    done(&c, g);
}

static void
test_paths_reject_bad_nodes(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, CHAIN_NET);
    size_t **paths = NULL, *lens = NULL, n = 3;
    char err[256] = "";
    assert_int_equal(
        cite_graph_paths(g, 0, 99, 5, &paths, &lens, &n, err, sizeof err), -1);
    assert_int_equal(n, 0);
    assert_true(err[0] != '\0');
    done(&c, g);
}

/* --- main path ------------------------------------------------------------ */

static struct cite_mainpath
mainpath(const struct cite_graph *g, size_t root)
{
    struct cite_mainpath mp;
    char err[256] = "";
    if (cite_graph_mainpath(g, root, &mp, err, sizeof err) != 0) {
        fail_msg("cite_graph_mainpath: %s", err);
    }
    return mp;
}

/* The main path as "F1<M1<N1<T": the foundation first, each '<' a flow
 * link (the node on the right cites the one on the left). */
static void
path_text(const struct cite_graph *g, const struct cite_mainpath *mp, char *out,
          size_t len)
{
    out[0] = '\0';
    for (size_t k = 0; k < mp->nedges; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, mp->edges[k]);
        size_t used = strlen(out);
        if (k == 0) {
            snprintf(out + used, len - used, "%s",
                     cite_graph_node(g, e->to)->id);
            used = strlen(out);
        } else {
            /* consecutive: this edge cites what cited before */
            assert_int_equal(e->to, cite_graph_edge(g, mp->edges[k - 1])->from);
        }
        snprintf(out + used, len - used, "<%s",
                 cite_graph_node(g, e->from)->id);
    }
}

/*
 * A small network in the manner of Hummon and Doreian's example:
 *
 *   T>N1,N2; N1>M1,M2; N2>M1; N3>M2; M1>F1,F2; M2>F2
 *
 * Foundations (cite nothing): F1, F2.  Newest (cited by nothing): T, N3.
 * up(x), the citation paths from T or N3 down to x: T 1, N3 1, N1 1,
 * N2 1, M1 2 (via N1, N2), M2 2 (via N1, N3), F1 2, F2 4.
 * down(x), the paths from x down to F1 or F2: F1 1, F2 1, M1 2, M2 1,
 * N1 3, N2 2, N3 1, T 5.  In all 6 foundation-to-newest paths.
 * SPC(u>v) = up(u) down(v):
 *   T>N1 3, T>N2 2, N1>M1 2, N1>M2 1, N2>M1 2, N3>M2 1,
 *   M1>F1 2, M1>F2 2, M2>F2 2.
 * (Check: what flows into M1, 2 + 2, flows out, 2 + 2; into N1 3 = 2 + 1.)
 * Flow paths and their sums: F1<M1<N1<T 7, F2<M1<N1<T 7, F1<M1<N2<T 6,
 * F2<M1<N2<T 6, F2<M2<N1<T 6, F2<M2<N3 3.  Two tie at 7: the one from the
 * lower-numbered foundation, F1 (node 6, F2 is 7), is the main path.
 */
#define HD_NET "T>N1,N2;N1>M1,M2;N2>M1;N3>M2;M1>F1,F2;M2>F2"

static void
test_spc_counts_foundation_to_newest_paths(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, HD_NET);
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    static const struct {
        const char *edge;
        double spc;
    } want[] = {{"T>N1", 3},  {"T>N2", 2},  {"N1>M1", 2},
                {"N1>M2", 1}, {"N2>M1", 2}, {"N3>M2", 1},
                {"M1>F1", 2}, {"M1>F2", 2}, {"M2>F2", 2}};
    assert_int_equal(cite_graph_edge_count(g), 9);
    for (size_t k = 0; k < 9; k++) {
        assert_true(mp.spc[edge(g, want[k].edge)] == want[k].spc);
    }
    assert_int_equal(mp.ndropped, 0);
    assert_null(mp.dropped);
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

static void
test_mainpath_ties_go_to_lowest_numbered_foundation(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, HD_NET);
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "F1<M1<N1<T");
    cite_graph_mainpath_release(&mp);
    done(&c, g);

    /* T>A,B; A>F; B>F: F<A<T and F<B<T weigh 2 each; at F the
     * lower-numbered citing node, A (1; B is 2), is taken */
    g = net(&c, "T>A,B;A>F;B>F");
    mp = mainpath(g, (size_t)-1);
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "F<A<T");
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 *   D>C,B; C>B,A; B>A; E>A        (D 0, C 1, B 2, A 3, E 4)
 *
 * up: D 1, E 1, C 1, B 2 (D, C), A 4 (C, B twice, E).  down: A 1, B 1,
 * C 2, D 3, E 1.  SPC: D>C 2, D>B 1, C>B 1, C>A 1, B>A 2, E>A 1.
 * From the one foundation A: A<B<C<D 2+1+2 = 5, A<B<D 3, A<C<D 3, A<E 1.
 * The main path is A<B<C<D, although A's heaviest link B leads on more
 * lightly (B<D 1 ties B<C 1): only the global sum tells them apart.
 */
static void
test_mainpath_is_heaviest_foundation_to_newest_path(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "D>C,B;C>B,A;B>A;E>A");
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    static const struct {
        const char *edge;
        double spc;
    } want[] = {{"D>C", 2}, {"D>B", 1}, {"C>B", 1},
                {"C>A", 1}, {"B>A", 2}, {"E>A", 1}};
    for (size_t k = 0; k < 6; k++) {
        assert_true(mp.spc[edge(g, want[k].edge)] == want[k].spc);
    }
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "A<B<C<D");
    assert_int_equal(mp.nedges, 3);
    assert_int_equal(mp.edges[0], edge(g, "B>A"));
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 * Rooted at N1 (HD_NET): N1 and what it rests on, M1, M2, F1, F2.  up: N1
 * 1, M1 1, M2 1, F1 1, F2 2; down: F 1, M1 2, M2 1, N1 3.  SPC: N1>M1 2,
 * N1>M2 1, M1>F1 1, M1>F2 1, M2>F2 1, every other edge 0.  F1<M1<N1 and
 * F2<M1<N1 weigh 3, F2<M2<N1 2: F1<M1<N1.  Rooted at N3: F2<M2<N3.
 */
static void
test_mainpath_with_root_stays_among_its_precedents(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, HD_NET);
    struct cite_mainpath mp = mainpath(g, node(g, "N1"));
    static const struct {
        const char *edge;
        double spc;
    } want[] = {{"T>N1", 0},  {"T>N2", 0},  {"N1>M1", 2},
                {"N1>M2", 1}, {"N2>M1", 0}, {"N3>M2", 0},
                {"M1>F1", 1}, {"M1>F2", 1}, {"M2>F2", 1}};
    for (size_t k = 0; k < 9; k++) {
        assert_true(mp.spc[edge(g, want[k].edge)] == want[k].spc);
    }
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "F1<M1<N1");
    cite_graph_mainpath_release(&mp);

    mp = mainpath(g, node(g, "N3"));
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "F2<M2<N3");
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 *   A>B*2; B>C; C>A; D>A; E>F; F>E     (A 0, B 1, C 2, D 3, E 4, F 5)
 *
 * Cycle A>B>C>A: the lightest edges are B>C and C>A (one mention each);
 * C (2) is the higher-numbered citing node, so C>A goes.  Cycle E>F>E:
 * both weigh 1, F (5) > E (4): F>E goes.  Left: D>A>B>C and E>F, every
 * path count 1, so SPC 1 on each kept edge and 0 on the dropped ones.
 * Foundations: C (C<B<A<D weighs 3) and F (F<E, 1): C<B<A<D.
 */
static void
test_cycles_lose_lightest_edge_ties_to_highest_citing_node(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "A>B*2;B>C;C>A;D>A;E>F;F>E");
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    assert_int_equal(mp.ndropped, 2);
    assert_int_equal(mp.dropped[0], edge(g, "C>A"));
    assert_int_equal(mp.dropped[1], edge(g, "F>E"));
    assert_true(mp.spc[edge(g, "C>A")] == 0);
    assert_true(mp.spc[edge(g, "F>E")] == 0);
    assert_true(mp.spc[edge(g, "A>B")] == 1);
    assert_true(mp.spc[edge(g, "B>C")] == 1);
    assert_true(mp.spc[edge(g, "D>A")] == 1);
    assert_true(mp.spc[edge(g, "E>F")] == 1);
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "C<B<A<D");
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 *   A>B; B>C*2; C>A*2; B>D; D>B*3       (A 0, B 1, C 2, D 3)
 *
 * The search from A goes A>B>C and meets the cycle through C>A: its
 * lightest edge is A>B (1), which is the first edge of the search, so the
 * search is undone back to A.  Searching again (from the nodes given
 * back) finds B>D>B, whose lightest edge is B>D (1).  Left: C>A, B>C,
 * D>B, a single line D>B>C>A: SPC 1 on each.  Main path A<C<B<D.
 */
static void
test_cycle_broken_at_an_earlier_edge_is_searched_again(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "A>B;B>C*2,D;C>A*2;D>B*3");
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    assert_int_equal(mp.ndropped, 2);
    assert_int_equal(mp.dropped[0], edge(g, "A>B"));
    assert_int_equal(mp.dropped[1], edge(g, "B>D"));
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "A<C<B<D");
    assert_true(mp.spc[edge(g, "C>A")] == 1);
    assert_true(mp.spc[edge(g, "A>B")] == 0);
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 *   A>B; B>C*5; C>A*5,D*5; D>B*5          (A 0, B 1, C 2, D 3)
 *
 * The search A>B>C meets C>A and drops the cycle's lightest edge, A>B:
 * the search is undone back to A, and B and C are searched again from
 * where they were given back (C first).  From C: C>A (done), C>D, D>B,
 * B>C closes the cycle C>D>B>C, all of weight 5: the highest citing node
 * is D, so D>B goes.  Left: B>C, C>A, C>D.  up: B 1, C 1, A 1, D 1;
 * down: A 1, D 1, C 2, B 2.  SPC: B>C 2, C>A 1, C>D 1.  A<C<B and D<C<B
 * both weigh 3: A, the lower foundation.  (Carrying on from the stale
 * stack instead would search B twice and drop other edges.)
 */
static void
test_search_undone_after_drop_finds_the_next_cycle_afresh(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "A>B;B>C*5;C>A*5,D*5;D>B*5");
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    assert_int_equal(mp.ndropped, 2);
    assert_int_equal(mp.dropped[0], edge(g, "A>B"));
    assert_int_equal(mp.dropped[1], edge(g, "D>B"));
    assert_true(mp.spc[edge(g, "B>C")] == 2);
    assert_true(mp.spc[edge(g, "C>A")] == 1);
    assert_true(mp.spc[edge(g, "C>D")] == 1);
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "A<C<B");
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 *   R>A; A>B; B>A*2,F                      (R 0, A 1, B 2, F 3)
 *
 * Rooted at R, all four nodes are precedents, but the cycle A>B>A loses
 * A>B (1 mention against 2), after which R no longer reaches B or F: they
 * leave the analysis.  Only R>A is left: SPC 1, main path A<R; B>A and
 * B>F get 0 (counted, they would get 1 each).
 */
static void
test_root_analysis_leaves_out_what_a_broken_cycle_cut_off(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "R>A;A>B;B>A*2,F");
    struct cite_mainpath mp = mainpath(g, node(g, "R"));
    assert_int_equal(mp.ndropped, 1);
    assert_int_equal(mp.dropped[0], edge(g, "A>B"));
    assert_true(mp.spc[edge(g, "R>A")] == 1);
    assert_true(mp.spc[edge(g, "B>A")] == 0);
    assert_true(mp.spc[edge(g, "B>F")] == 0);
    char got[256];
    path_text(g, &mp, got, sizeof got);
    assert_string_equal(got, "A<R");
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

/*
 * A ladder 1100 rungs high, two documents a rung, each citing both of the
 * rung below: 2^1099 paths, past the largest double (about 2^1024).  Each
 * edge carries all of them, so its SPC is infinite as a double; the main
 * path is still found (in logarithms) and runs the whole height, from the
 * lowest-numbered foundation.
 */
static void
test_mainpath_survives_path_counts_past_double_range(void **st)
{
    (void)st;
    enum { RUNGS = 1100 };
    struct cite_corpus c;
    cite_corpus_init(&c);
    char id[32], to[32];
    for (int r = RUNGS - 1; r > 0; r--) {
        for (int s = 0; s < 2; s++) {
            struct cite_doc *d = cite_corpus_add(&c);
            snprintf(id, sizeof id, "r%d.%d", r, s);
            d->info.id = cite_doc_strdup(d, id);
            for (int t = 0; t < 2; t++) {
                snprintf(to, sizeof to, "r%d.%d", r - 1, t);
                struct cite_ref *ref = cite_doc_add_ref(d);
                ref->target = cite_doc_strdup(d, to);
            }
        }
    }
    struct cite_graph *g = NULL;
    char err[256];
    assert_int_equal(cite_graph_build(&g, &c, err, sizeof err), 0);
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    assert_int_equal(mp.nedges, RUNGS - 1);
    assert_true(isinf(mp.spc[0]));
    const struct cite_graph_edge *first = cite_graph_edge(g, mp.edges[0]);
    assert_string_equal(cite_graph_node(g, first->to)->id, "r0.0");
    for (size_t k = 1; k < mp.nedges; k++) {
        assert_int_equal(cite_graph_edge(g, mp.edges[k])->to,
                         cite_graph_edge(g, mp.edges[k - 1])->from);
    }
    cite_graph_mainpath_release(&mp);
    done(&c, g);
}

static void
test_mainpath_without_edges_is_empty(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "a;b");
    struct cite_mainpath mp = mainpath(g, (size_t)-1);
    assert_int_equal(mp.nedges, 0);
    assert_int_equal(mp.ndropped, 0);
    cite_graph_mainpath_release(&mp);
    assert_null(mp.spc);
    cite_graph_mainpath_release(NULL);
    char err[256] = "";
    assert_int_equal(cite_graph_mainpath(g, 2, &mp, err, sizeof err), -1);
    assert_true(err[0] != '\0');
    done(&c, g);
}

/* --- similar documents ---------------------------------------------------- */

/*
 *   P>X,Y,Z; Q>X,Y; R>Y,W; X>W; Y>W,V
 *
 * Like X (cited by P, Q: in 2; cites W: out 1):
 *   co-citation: P cites Y, Z besides X, Q cites Y: Y 2, Z 1;
 *   coupling: W is also cited by R and Y: R 1, Y 1.
 *   Y (in 3: P Q R, out 2: W V): (2/sqrt(2*3) + 1/sqrt(1*2)) / 2
 *                               = (0.816496580927726 + 0.707106781186548)/2
 *                               = 0.761801681057137
 *   Z (in 1, out 0): (1/sqrt(2*1) + 0) / 2 = 0.353553390593274
 *   R (in 0, out 2): (0 + 1/sqrt(1*2)) / 2 = 0.353553390593274
 * Z and R tie on the score; Z has more co-citations: Y, Z, R.
 *
 * Like W (cited by R, X, Y: in 3; cites nothing): R also cites Y, Y also
 * cites V: co-citation Y 1, V 1, no coupling.  V (in 1): 1/sqrt(3)/2 =
 * 0.288675134594813; Y (in 3): 1/3/2 = 0.166666666666667: V before Y.
 */
#define SIM_NET "P>X,Y,Z;Q>X,Y;R>Y,W;X>W;Y>W,V"

static void
test_similar_counts_cocitation_and_coupling(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, SIM_NET);
    struct cite_similar *s = NULL;
    size_t n = 0;
    assert_int_equal(cite_graph_similar(g, node(g, "X"), 10, &s, &n), 0);
    assert_int_equal(n, 3);
    static const struct {
        const char *id;
        int cocit, coup;
        double score;
    } want[] = {{"Y", 2, 1, 0.761801681057137},
                {"Z", 1, 0, 0.353553390593274},
                {"R", 0, 1, 0.353553390593274}};
    for (size_t k = 0; k < 3; k++) {
        assert_string_equal(cite_graph_node(g, s[k].node)->id, want[k].id);
        assert_int_equal(s[k].cocitation, want[k].cocit);
        assert_int_equal(s[k].coupling, want[k].coup);
        assert_close(s[k].score, want[k].score, 1e-12);
    }
    free(s);
    done(&c, g);
}

static void
test_similar_ranks_by_score_before_node_order(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, SIM_NET);
    struct cite_similar *s = NULL;
    size_t n = 0;
    assert_int_equal(cite_graph_similar(g, node(g, "W"), 10, &s, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(cite_graph_node(g, s[0].node)->id, "V");
    assert_close(s[0].score, 0.288675134594813, 1e-12);
    assert_string_equal(cite_graph_node(g, s[1].node)->id, "Y");
    assert_close(s[1].score, 1.0 / 6, 1e-12);
    free(s);
    /* at most max; 0 gives nothing */
    assert_int_equal(cite_graph_similar(g, node(g, "X"), 1, &s, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(cite_graph_node(g, s[0].node)->id, "Y");
    free(s);
    assert_int_equal(cite_graph_similar(g, node(g, "X"), 0, &s, &n), 0);
    assert_int_equal(n, 0);
    assert_null(s);
    /* P is cited by nothing, so only coupling (Q 2, R 1) relates others
     * to it: P itself and the unrelated are not listed */
    assert_int_equal(cite_graph_similar(g, node(g, "P"), 10, &s, &n), 0);
    assert_true(n > 0);
    for (size_t k = 0; k < n; k++) {
        assert_true(s[k].node != node(g, "P"));
        assert_true(s[k].cocitation > 0 || s[k].coupling > 0);
    }
    free(s);
    assert_int_equal(cite_graph_similar(g, 99, 10, &s, &n), -1);
    done(&c, g);
}

/* S cites b2, a1 and c: like c, a1 and b2 tie on everything (co-cited
 * once, one citer each, score 1/sqrt(1*1)/2 = 0.5): a1 comes first by
 * id although b2 has the lower node number. */
static void
test_similar_ties_broken_by_id(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "S>b2,a1,c");
    struct cite_similar *s = NULL;
    size_t n = 0;
    assert_int_equal(cite_graph_similar(g, node(g, "c"), 10, &s, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(cite_graph_node(g, s[0].node)->id, "a1");
    assert_string_equal(cite_graph_node(g, s[1].node)->id, "b2");
    assert_close(s[0].score, 0.5, 1e-15);
    assert_true(node(g, "b2") < node(g, "a1"));
    free(s);
    done(&c, g);
}

/* --- communities ---------------------------------------------------------- */

static void
communities(const struct cite_graph *g, size_t *memb, size_t *ncl, double *q)
{
    char err[256] = "";
    if (cite_graph_communities(g, memb, ncl, q, err, sizeof err) != 0) {
        fail_msg("cite_graph_communities: %s", err);
    }
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
}

/*
 * Two cliques of four (each cites the later ones), a4 citing b1: 13 links.
 * Louvain splits at the bridge.  Modularity: each side has 6 links and
 * degree sum 3 + 3 + 3 + 4 = 13, so Q = 2 (6/13 - (13/26)^2) = 11/26.
 * Equal sizes: the cluster with the smaller first node (a1) is 0.
 */
#define TWO_K4 "a1>a2,a3,a4;a2>a3,a4;a3>a4;a4>b1;b1>b2,b3,b4;b2>b3,b4;b3>b4"

static void
test_communities_split_two_cliques_at_their_bridge(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, TWO_K4);
    size_t memb[8], ncl = 0;
    double q = 0;
    communities(g, memb, &ncl, &q);
    assert_int_equal(ncl, 2);
    static const char *const a[] = {"a1", "a2", "a3", "a4"};
    static const char *const b[] = {"b1", "b2", "b3", "b4"};
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(memb[node(g, a[k])], 0);
        assert_int_equal(memb[node(g, b[k])], 1);
    }
    assert_close(q, 11.0 / 26, 1e-12);
    done(&c, g);
}

/*
 * A triangle x1 x2 x3 and, later, a five-clique y1..y5, x3 citing y1.
 * The bigger cluster is 0 though its nodes come later.  m = 3 + 10 + 1 =
 * 14; degree sums 7 and 21: Q = (3/14 - (7/28)^2) + (10/14 - (21/28)^2)
 * = 17/112 + 17/112 = 17/56.
 */
static void
test_communities_numbered_by_decreasing_size(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g =
        net(&c, "x1>x2,x3;x2>x3;x3>y1;y1>y2,y3,y4,y5;y2>y3,y4,y5;y3>y4,y5;"
                "y4>y5");
    size_t memb[8], ncl = 0;
    double q = 0;
    communities(g, memb, &ncl, &q);
    assert_int_equal(ncl, 2);
    assert_int_equal(memb[node(g, "x1")], 1);
    assert_int_equal(memb[node(g, "x3")], 1);
    assert_int_equal(memb[node(g, "y1")], 0);
    assert_int_equal(memb[node(g, "y5")], 0);
    assert_close(q, 17.0 / 56, 1e-12);
    done(&c, g);
}

/* The same answer after igraph's generator has been used elsewhere. */
static void
test_communities_are_repeatable(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 200, 3, 11);
    size_t n = cite_graph_node_count(g);
    size_t *m1 = calloc(n, sizeof *m1), *m2 = calloc(n, sizeof *m2);
    assert_non_null(m1);
    assert_non_null(m2);
    size_t n1, n2;
    double q1, q2;
    communities(g, m1, &n1, &q1);
    igraph_rng_seed(igraph_rng_default(), 12345);
    for (int k = 0; k < 1000; k++) {
        (void)igraph_rng_get_integer(igraph_rng_default(), 0, 1000);
    }
    communities(g, m2, &n2, &q2);
    assert_int_equal(n1, n2);
    assert_true(q1 == q2);
    assert_true(q1 > 0.2);
    assert_memory_equal(m1, m2, n * sizeof *m1);
    /* and the numbering rule holds: sizes never increase */
    size_t *size = calloc(n1, sizeof *size);
    assert_non_null(size);
    for (size_t i = 0; i < n; i++) {
        assert_true(m1[i] < n1);
        size[m1[i]]++;
    }
    for (size_t k = 1; k < n1; k++) {
        assert_true(size[k] <= size[k - 1]);
    }
    free(size);
    free(m1);
    free(m2);
    done(&c, g);
}

static void
test_communities_without_edges_are_single_nodes(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "a;b;c");
    size_t memb[3], ncl = 0;
    double q = -1;
    communities(g, memb, &ncl, &q);
    assert_int_equal(ncl, 3);
    assert_int_equal(memb[0], 0);
    assert_int_equal(memb[1], 1);
    assert_int_equal(memb[2], 2);
    assert_true(q == 0);
    done(&c, g);
}

/*
 * The projection folds P>Q (2 mentions) and Q>P (3) into one link of
 * weight 5, keeps Q>R (1) as it is, and numbers links by first edge.
 */
static void
test_undirected_projection_sums_weights_of_mutual_citations(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "P>Q*2;Q>P*3,R");
    igraph_t und;
    igraph_vector_t w;
    assert_int_equal(cite_i_undirected(g, &und, &w), IGRAPH_SUCCESS);
    assert_false(igraph_is_directed(&und));
    assert_int_equal(igraph_vcount(&und), 3);
    assert_int_equal(igraph_ecount(&und), 2);
    assert_true(VECTOR(w)[0] == 5);
    assert_true(VECTOR(w)[1] == 1);
    igraph_integer_t from, to;
    igraph_edge(&und, 1, &from, &to);
    assert_int_equal(from < to ? from : to, 1); /* Q */
    assert_int_equal(from < to ? to : from, 2); /* R */
    igraph_vector_destroy(&w);
    igraph_destroy(&und);
    done(&c, g);
}

/* --- distance and spectral metrics ---------------------------------------- */

/*
 * Betweenness of the fixture, directed, by hand: the pairs two steps
 * apart are 6>2 (via 4 or 0: a half each), 6>1, 6>3 (via 0), 6>5 (via 4),
 * 4>1 and 4>3 (via 0 or 2: halves).  Node 0: 1/2 + 1 + 1 + 1/2 + 1/2 =
 * 3.5; node 4: 1/2 + 1 = 1.5; node 2: 1/2 + 1/2 = 1; the rest 0.
 */
static void
test_betweenness_of_fixture(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    static const double want[7] = {3.5, 0, 1, 0, 1.5, 0, 0};
    struct cite_metric_opts o = {1, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(v, i, CITE_M_BETWEENNESS), want[i], 1e-12);
    }
    free(v);
    /* cite_graph_metrics is the same with exact betweenness */
    double *w = calloc(7 * CITE_M__COUNT, sizeof *w);
    assert_non_null(w);
    char err[256];
    assert_int_equal(cite_graph_metrics(g, w, err, sizeof err), 0);
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(w, i, CITE_M_BETWEENNESS), want[i], 1e-12);
    }
    free(w);
    done(&c, g);
}

/* igraph's copy of the network is, array by array, the graph that
 * igraph_create() makes of the same edges in the same order: the ends,
 * both edge indexes and their starts (cite_i_graph_igraph() fills them
 * itself); each edge's weight is its weight in g, at the same place. */
static void
assert_same_arrays(const igraph_vector_int_t *a, const igraph_vector_int_t *b,
                   const char *what)
{
    if (igraph_vector_int_size(a) != igraph_vector_int_size(b)) {
        fail_msg("%s: %" IGRAPH_PRId " entries, igraph_create() %" IGRAPH_PRId, what,
                 igraph_vector_int_size(a), igraph_vector_int_size(b));
    }
    for (igraph_integer_t k = 0; k < igraph_vector_int_size(a); k++) {
        if (VECTOR(*a)[k] != VECTOR(*b)[k]) {
            fail_msg("%s[%" IGRAPH_PRId "] is %" IGRAPH_PRId ", igraph_create() %" IGRAPH_PRId,
                     what, k, VECTOR(*a)[k], VECTOR(*b)[k]);
        }
    }
}

static void
test_igraph_copy_is_what_igraph_create_makes(void **st)
{
    (void)st;
    static const struct {
        int n, k;
        unsigned seed;
    } nets[] = {{1, 0, 1}, {2, 1, 3}, {40, 3, 7}, {300, 6, 11}, {500, 2, 19}};
    for (size_t q = 0; q < sizeof nets / sizeof nets[0]; q++) {
        struct cite_corpus c;
        struct cite_graph *g = random_net(&c, nets[q].n, nets[q].k, nets[q].seed);
        size_t m = cite_graph_edge_count(g);
        igraph_vector_t w, want_w;
        assert_int_equal(igraph_vector_init(&w, (igraph_integer_t)m), 0);
        assert_int_equal(igraph_vector_init(&want_w, (igraph_integer_t)m), 0);
        igraph_t ig, want;
        assert_int_equal(cite_i_graph_igraph(g, &ig, &w), IGRAPH_SUCCESS);
        assert_int_equal(cite_i_graph_igraph_create(g, &want, &want_w), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vcount(&ig), igraph_vcount(&want));
        assert_int_equal(igraph_vcount(&ig), (igraph_integer_t)cite_graph_node_count(g));
        assert_int_equal(igraph_ecount(&ig), (igraph_integer_t)m);
        assert_true(igraph_is_directed(&ig));
        assert_same_arrays(&ig.from, &want.from, "from");
        assert_same_arrays(&ig.to, &want.to, "to");
        assert_same_arrays(&ig.oi, &want.oi, "oi");
        assert_same_arrays(&ig.ii, &want.ii, "ii");
        assert_same_arrays(&ig.os, &want.os, "os");
        assert_same_arrays(&ig.is, &want.is, "is");
        assert_true(igraph_vector_all_e(&w, &want_w));
        /* each of g's edges is there once, with its weight */
        for (size_t e = 0; e < m; e++) {
            const struct cite_graph_edge *x = cite_graph_edge(g, e);
            igraph_integer_t eid = -1;
            assert_int_equal(igraph_get_eid(&ig, &eid, (igraph_integer_t)x->from,
                                            (igraph_integer_t)x->to, IGRAPH_DIRECTED, 1),
                             0);
            assert_true(VECTOR(w)[eid] == x->weight);
        }
        if (nets[q].n >= 300) {
            assert_true(m > (size_t)nets[q].n); /* a network, not a handful */
        }
        igraph_vector_destroy(&w);
        igraph_vector_destroy(&want_w);
        igraph_destroy(&want);
        igraph_destroy(&ig);
        done(&c, g);
    }
}

/* With an attribute table set (a program that links the library may set
 * one), igraph's copy of the network, whose edges igraph's own functions
 * did not add, is still the graph igraph_create() makes, and each of its
 * edges takes an attribute. */
static void
test_igraph_copy_takes_edge_attributes_under_an_attribute_table(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 200, 4, 23);
    size_t m = cite_graph_edge_count(g);
    assert_true(m > 200);
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t ig, want;
    assert_int_equal(cite_i_graph_igraph(g, &ig, NULL), IGRAPH_SUCCESS);
    assert_int_equal(cite_i_graph_igraph_create(g, &want, NULL), IGRAPH_SUCCESS);
    assert_same_arrays(&ig.oi, &want.oi, "oi");
    assert_same_arrays(&ig.ii, &want.ii, "ii");
    for (size_t e = 0; e < m; e++) {
        assert_int_equal(igraph_cattribute_EAN_set(&ig, "w", (igraph_integer_t)e, (double)e), 0);
    }
    for (size_t e = 0; e < m; e++) {
        assert_true(EAN(&ig, "w", e) == (double)e);
    }
    igraph_destroy(&want);
    igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    done(&c, g);
}

/* Summed over batches of sources (5 a batch for 300 nodes), betweenness
 * is igraph_betweenness's. */
static void
test_betweenness_in_batches_equals_igraph_betweenness(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 300, 3, 5);
    struct cite_metric_opts o = {1, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    igraph_vector_t want;
    assert_int_equal(igraph_vector_init(&want, 0), 0);
    igraph_t ig;
    assert_int_equal(cite_i_graph_igraph(g, &ig, NULL), IGRAPH_SUCCESS);
    assert_int_equal(igraph_betweenness(&ig, &want, igraph_vss_all(),
                                        IGRAPH_DIRECTED, NULL),
                     0);
    igraph_destroy(&ig);
    double total = 0;
    for (size_t i = 0; i < cite_graph_node_count(g); i++) {
        assert_close(M(v, i, CITE_M_BETWEENNESS), VECTOR(want)[i], 1e-9);
        total += VECTOR(want)[i];
    }
    assert_true(total > 100);
    igraph_vector_destroy(&want);
    free(v);
    done(&c, g);
}

/* a>b>c>d: exactly, b lies on a..c and a..d, c on a..d and b..d: 2 each.
 * With a cutoff of 2 only a..c and b..d count: 1 each.  Not asked for,
 * the column stays 0. */
static void
test_betweenness_cutoff_and_off(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "a>b;b>c;c>d");
    struct cite_metric_opts o = {1, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    assert_true(M(v, 1, CITE_M_BETWEENNESS) == 2);
    assert_true(M(v, 2, CITE_M_BETWEENNESS) == 2);
    free(v);
    o.cutoff = 2;
    v = metrics_ext(g, &o);
    assert_true(M(v, 1, CITE_M_BETWEENNESS) == 1);
    assert_true(M(v, 2, CITE_M_BETWEENNESS) == 1);
    free(v);
    o.betweenness = 0;
    v = metrics_ext(g, &o);
    for (size_t i = 0; i < 4; i++) {
        assert_true(M(v, i, CITE_M_BETWEENNESS) == 0);
    }
    /* the other columns are there all the same */
    assert_true(M(v, 1, CITE_M_CLOSENESS) > 0);
    free(v);
    done(&c, g);
}

/*
 * Undirected distances in the fixture (neighbours: 0: 1 2 3 4 6; 1: 0 2;
 * 2: 0 1 3 4; 3: 0 2; 4: 0 2 5 6; 5: 4; 6: 0 4):
 *   node  distance sum  closeness  harmonic sum  harmonic / 6
 *   0     7             6/7        5.5           0.916666666666667
 *   1     11            6/11       23/6          0.638888888888889
 *   2     8             6/8        5             0.833333333333333
 *   3     11            6/11       23/6          0.638888888888889
 *   4     8             6/8        5             0.833333333333333
 *   5     13            6/13       19/6          0.527777777777778
 *   6     10            6/10       4             0.666666666666667
 */
static void
test_closeness_and_harmonic_of_fixture(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    static const double close[7] = {6.0 / 7, 6.0 / 11, 6.0 / 8, 6.0 / 11,
                                    6.0 / 8, 6.0 / 13, 6.0 / 10};
    static const double harm[7] = {5.5 / 6, 23.0 / 36, 5.0 / 6, 23.0 / 36,
                                   5.0 / 6, 19.0 / 36, 4.0 / 6};
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(v, i, CITE_M_CLOSENESS), close[i], 1e-12);
        assert_close(M(v, i, CITE_M_HARMONIC), harm[i], 1e-12);
    }
    free(v);
    done(&c, g);
}

/*
 * a>b; b>c; c>d; e>c; x>y; and q alone (a b c d e x y q = 0..7).
 * Closeness is taken within the component: a reaches b c d e at 1 2 3 3:
 * 4/9; x reaches only y: 1/1 = 1; q reaches nothing: 0.  Harmonic divides
 * by all other nodes (7): a (1 + 1/2 + 1/3 + 1/3) / 7 = 13/42; x 1/7;
 * q 0.
 */
static void
test_closeness_within_components_harmonic_over_all(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "a>b;b>c;c>d;e>c;x>y;q");
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    assert_close(M(v, node(g, "a"), CITE_M_CLOSENESS), 4.0 / 9, 1e-12);
    assert_close(M(v, node(g, "x"), CITE_M_CLOSENESS), 1.0, 1e-12);
    assert_true(M(v, node(g, "q"), CITE_M_CLOSENESS) == 0);
    assert_close(M(v, node(g, "a"), CITE_M_HARMONIC), 13.0 / 42, 1e-12);
    assert_close(M(v, node(g, "x"), CITE_M_HARMONIC), 1.0 / 7, 1e-12);
    assert_true(M(v, node(g, "q"), CITE_M_HARMONIC) == 0);
    free(v);
    done(&c, g);
}

/* The batched search (256 sources at a time: 700 nodes make three
 * batches) gives igraph's closeness and harmonic centrality, on a network
 * with cycles, mutual citations and several components. */
static void
test_closeness_and_harmonic_equal_igraph(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 700, 2, 3);
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    igraph_vector_t cl, hc;
    assert_int_equal(igraph_vector_init(&cl, 0), 0);
    assert_int_equal(igraph_vector_init(&hc, 0), 0);
    igraph_t ig;
    assert_int_equal(cite_i_graph_igraph(g, &ig, NULL), IGRAPH_SUCCESS);
    assert_int_equal(igraph_closeness(&ig, &cl, NULL, NULL, igraph_vss_all(),
                                      IGRAPH_ALL, NULL, 1),
                     0);
    assert_int_equal(igraph_harmonic_centrality(&ig, &hc, igraph_vss_all(),
                                                IGRAPH_ALL, NULL, 1),
                     0);
    igraph_destroy(&ig);
    size_t zero = 0;
    for (size_t i = 0; i < cite_graph_node_count(g); i++) {
        double want = isnan(VECTOR(cl)[i]) ? 0 : VECTOR(cl)[i];
        assert_close(M(v, i, CITE_M_CLOSENESS), want, 1e-12);
        assert_close(M(v, i, CITE_M_HARMONIC), VECTOR(hc)[i], 1e-12);
        zero += want == 0;
    }
    assert_true(zero < cite_graph_node_count(g) / 2);
    igraph_vector_destroy(&cl);
    igraph_vector_destroy(&hc);
    free(v);
    done(&c, g);
}

/*
 * Eigenvector centrality of the fixture's undirected projection, scaled to
 * a maximum of 1 (networkx power iteration, see the file comment).
 * On the path-with-a-fork a-b-c-{d,e} (plus x-y apart) it has a closed
 * form: with c = 1 the leading eigenvalue is sqrt(2 + sqrt 2), d = e =
 * 1/lambda = 0.541196100146197, b = lambda - 2/lambda = 0.765366864730180,
 * a = b/lambda = sqrt 2 - 1; x and y, with the smaller eigenvalue 1, get 0.
 */
static void
test_eigenvector_of_fixture_and_of_a_fork(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    static const double want[7] = {1.0,
                                   0.562502641088877,
                                   0.875787518288702,
                                   0.562502641088877,
                                   0.795498863898613,
                                   0.238550586120987,
                                   0.538426044084402};
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(v, i, CITE_M_EIGENVECTOR), want[i], 1e-9);
    }
    free(v);
    done(&c, g);

    g = net(&c, "a>b;b>c;c>d;e>c;x>y");
    v = metrics_ext(g, &o);
    double lambda = sqrt(2 + sqrt(2.0));
    assert_close(M(v, node(g, "c"), CITE_M_EIGENVECTOR), 1.0, 1e-9);
    assert_close(M(v, node(g, "d"), CITE_M_EIGENVECTOR), 1 / lambda, 1e-9);
    assert_close(M(v, node(g, "e"), CITE_M_EIGENVECTOR), 1 / lambda, 1e-9);
    assert_close(M(v, node(g, "b"), CITE_M_EIGENVECTOR), lambda - 2 / lambda,
                 1e-9);
    assert_close(M(v, node(g, "a"), CITE_M_EIGENVECTOR), sqrt(2.0) - 1, 1e-9);
    assert_close(M(v, node(g, "x"), CITE_M_EIGENVECTOR), 0, 1e-6);
    free(v);
    done(&c, g);
}

/* A mutual citation is one link of the projection: P<->Q plus Q>R is the
 * path P-Q-R, eigenvector (1/sqrt 2, 1, 1/sqrt 2), not the multigraph's. */
static void
test_eigenvector_counts_mutual_citation_once(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "P>Q;Q>P,R");
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    assert_close(M(v, 0, CITE_M_EIGENVECTOR), sqrt(0.5), 1e-9);
    assert_close(M(v, 1, CITE_M_EIGENVECTOR), 1, 1e-9);
    assert_close(M(v, 2, CITE_M_EIGENVECTOR), sqrt(0.5), 1e-9);
    free(v);
    done(&c, g);
}

static void
test_eigenvector_zero_without_edges(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = net(&c, "a;b");
    struct cite_metric_opts o = {1, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    for (size_t i = 0; i < 2; i++) {
        for (int m = CITE_M_BETWEENNESS; m < CITE_M__COUNT; m++) {
            assert_true(M(v, i, m) == 0);
        }
    }
    free(v);
    done(&c, g);
}

/*
 * age_norm against the latest year, 2009: node 0 (2009, cited twice)
 * 2/1; 1 (2006, twice) 2/4; 2 (2008, twice) 2/2; 3 (no year) 0; 4 (2009,
 * once) 1; 5 (2000, once) 1/10; 6 (never cited) 0.
 */
static void
test_age_norm_of_fixture(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = fixture(&c);
    static const double want[7] = {2, 0.5, 1, 0, 1, 0.1, 0};
    struct cite_metric_opts o = {0, 0, NULL, NULL, 0};
    double *v = metrics_ext(g, &o);
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(v, i, CITE_M_AGE_NORM), want[i], 1e-15);
    }
    free(v);
    done(&c, g);
}

struct progress_log {
    double last;
    int calls;
    int backwards;
};

static void
on_progress(void *ctx, double f)
{
    struct progress_log *p = ctx;
    if (f < p->last) {
        p->backwards = 1;
    }
    p->last = f;
    p->calls++;
}

/* 300 nodes: 60 batches of betweenness sources, then two batches of the
 * distance search; progress climbs to exactly 1. */
static void
test_progress_climbs_to_one(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = random_net(&c, 300, 2, 9);
    struct progress_log log = {0, 0, 0};
    struct cite_metric_opts o = {.betweenness = 1, .progress = on_progress, .progress_ctx = &log};
    double *v = metrics_ext(g, &o);
    assert_int_equal(log.calls, 60 + 2);
    assert_false(log.backwards);
    assert_true(log.last == 1.0);
    free(v);
    log = (struct progress_log){0, 0, 0};
    o.betweenness = 0;
    v = metrics_ext(g, &o);
    assert_int_equal(log.calls, 2);
    assert_true(log.last == 1.0);
    free(v);
    done(&c, g);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_filter_by_body_keeps_nodes_and_edges_between_them),
        cmocka_unit_test(test_filter_by_years_drops_unknown_years),
        cmocka_unit_test(test_filter_corpus_only_and_no_instruments),
        cmocka_unit_test(test_filter_no_documents_leaves_out_other_symbols),
        cmocka_unit_test(test_filter_keeps_always_node_whatever_the_filter),
        cmocka_unit_test(test_filter_copies_attributes_into_independent_graph),
        cmocka_unit_test(
            test_chain_lists_precedents_by_depth_then_node_with_via),
        cmocka_unit_test(test_chain_depth_limit_cuts_levels),
        cmocka_unit_test(test_chain_forward_lists_descendants),
        cmocka_unit_test(test_chain_rejects_bad_start),
        cmocka_unit_test(test_paths_lists_every_shortest_path_in_node_order),
        cmocka_unit_test(test_paths_cut_at_max),
        cmocka_unit_test(test_paths_follow_citations_only_forward),
        cmocka_unit_test(test_paths_agree_with_igraph_all_shortest_paths),
        cmocka_unit_test(test_paths_reject_bad_nodes),
        cmocka_unit_test(test_spc_counts_foundation_to_newest_paths),
        cmocka_unit_test(test_mainpath_ties_go_to_lowest_numbered_foundation),
        cmocka_unit_test(test_mainpath_is_heaviest_foundation_to_newest_path),
        cmocka_unit_test(test_mainpath_with_root_stays_among_its_precedents),
        cmocka_unit_test(
            test_cycles_lose_lightest_edge_ties_to_highest_citing_node),
        cmocka_unit_test(
            test_cycle_broken_at_an_earlier_edge_is_searched_again),
        cmocka_unit_test(
            test_search_undone_after_drop_finds_the_next_cycle_afresh),
        cmocka_unit_test(
            test_root_analysis_leaves_out_what_a_broken_cycle_cut_off),
        cmocka_unit_test(test_mainpath_survives_path_counts_past_double_range),
        cmocka_unit_test(test_mainpath_without_edges_is_empty),
        cmocka_unit_test(test_similar_counts_cocitation_and_coupling),
        cmocka_unit_test(test_similar_ranks_by_score_before_node_order),
        cmocka_unit_test(test_similar_ties_broken_by_id),
        cmocka_unit_test(test_communities_split_two_cliques_at_their_bridge),
        cmocka_unit_test(test_communities_numbered_by_decreasing_size),
        cmocka_unit_test(test_communities_are_repeatable),
        cmocka_unit_test(test_communities_without_edges_are_single_nodes),
        cmocka_unit_test(
            test_undirected_projection_sums_weights_of_mutual_citations),
        cmocka_unit_test(test_betweenness_of_fixture),
        cmocka_unit_test(test_igraph_copy_is_what_igraph_create_makes),
        cmocka_unit_test(test_igraph_copy_takes_edge_attributes_under_an_attribute_table),
        cmocka_unit_test(test_betweenness_in_batches_equals_igraph_betweenness),
        cmocka_unit_test(test_betweenness_cutoff_and_off),
        cmocka_unit_test(test_closeness_and_harmonic_of_fixture),
        cmocka_unit_test(test_closeness_within_components_harmonic_over_all),
        cmocka_unit_test(test_closeness_and_harmonic_equal_igraph),
        cmocka_unit_test(test_eigenvector_of_fixture_and_of_a_fork),
        cmocka_unit_test(test_eigenvector_counts_mutual_citation_once),
        cmocka_unit_test(test_eigenvector_zero_without_edges),
        cmocka_unit_test(test_age_norm_of_fixture),
        cmocka_unit_test(test_progress_climbs_to_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
