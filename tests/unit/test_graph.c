/*
 * test_graph.c - unit tests of src/graph/: building the network from a
 * corpus, node and edge attributes (years, sessions, languages), the igraph
 * metrics against values computed independently, neighbourhoods, and the
 * igraph error boundary.  The analyses (filters, chains, paths, main
 * paths, similarity, communities, the distance metrics) are tested in
 * test_analytics.c.
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

/* --- building corpora in code ------------------------------------------- */

static struct cite_doc *
add_doc(struct cite_corpus *c, const char *id, enum cite_body body,
        const char *date, const char *title)
{
    struct cite_doc *d = cite_corpus_add(c);
    if (id != NULL) {
        d->info.id = cite_doc_strdup(d, id);
    }
    d->info.body = body;
    d->info.type = CITE_TYPE_RESOLUTION;
    if (date != NULL) {
        snprintf(d->info.date, sizeof d->info.date, "%s", date);
    }
    if (title != NULL) {
        d->info.title = cite_doc_strdup(d, title);
    }
    return d;
}

/* times mentions of target, as a resolution of body with date. */
static void
cite(struct cite_doc *d, const char *target, enum cite_body body,
     enum cite_type type, const char *date, int times)
{
    for (int i = 0; i < times; i++) {
        struct cite_ref *r = cite_doc_add_ref(d);
        r->target = cite_doc_strdup(d, target);
        r->body = body;
        r->type = type;
        if (date != NULL) {
            snprintf(r->date, sizeof r->date, "%s", date);
        }
    }
}

static struct cite_graph *
build(const struct cite_corpus *c)
{
    struct cite_graph *g = NULL;
    char err[256] = "";
    int rc = cite_graph_build(&g, c, err, sizeof err);
    if (rc != 0) {
        fail_msg("cite_graph_build: %s", err);
    }
    assert_non_null(g);
    return g;
}

static double *
metrics(const struct cite_graph *g)
{
    size_t n = cite_graph_node_count(g);
    double *v = calloc(n ? n * CITE_M__COUNT : 1, sizeof *v);
    assert_non_null(v);
    char err[256] = "";
    int rc = cite_graph_metrics(g, v, err, sizeof err);
    if (rc != 0) {
        fail_msg("cite_graph_metrics: %s", err);
    }
    return v;
}

/* cmocka 1.1.5 (Debian bookworm) compares only floats; PageRank needs
 * doubles. */
#define assert_close(a, b, eps)                                                \
    do {                                                                       \
        double a_ = (a), b_ = (b);                                             \
        if (!(fabs(a_ - b_) <= (eps))) {                                       \
            fail_msg("%.15g differs from %.15g by more than %g", a_, b_,       \
                     (double)(eps));                                           \
        }                                                                      \
    } while (0)

#define M(v, i, m) ((v)[(size_t)(i)*CITE_M__COUNT + (m)])

/*
 * The fixture network.  Seven nodes, in first-appearance order:
 *
 *   0 A/HRC/RES/10/1    corpus, in English and in Chinese
 *   1 A/RES/60/251      cited only
 *   2 A/HRC/RES/9/2     corpus (cited by 0 before its own doc comes)
 *   3 instrument:udhr   cited only
 *   4 A/HRC/RES/11/3    corpus
 *   5 S/RES/1325(2000)  cited only
 *   6 A/HRC/RES/12/5    corpus
 *
 * plus a doc without an id (no node, no edges) and a self-citation of 10/1
 * (dropped).  The Chinese 10/1 mentions 60/251 once where the English does
 * twice, and adds the UDHR.
 */
static void
fixture(struct cite_corpus *c)
{
    struct cite_doc *d;

    d = add_doc(c, "A/HRC/RES/10/1", CITE_BODY_HRC, "2009-03-26",
                "Human rights and the environment");
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "2006-03-15",
         1);
    cite(d, "A/HRC/RES/9/2", CITE_BODY_NONE, CITE_TYPE_NONE, "2008-09-01", 1);
    cite(d, "A/HRC/RES/10/1", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 1);
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "2006-04-03",
         1);

    d = add_doc(c, "A/HRC/RES/9/2", CITE_BODY_HRC, "2008-09-24", NULL);
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    cite(d, "instrument:udhr", CITE_BODY_NONE, CITE_TYPE_INSTRUMENT, "", 1);

    d = add_doc(c, "A/HRC/RES/11/3", CITE_BODY_HRC, "2009-06-17", NULL);
    cite(d, "A/HRC/RES/10/1", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 1);
    cite(d, "A/HRC/RES/9/2", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 3);
    cite(d, "S/RES/1325(2000)", CITE_BODY_SC, CITE_TYPE_RESOLUTION,
         "2000-10-31", 1);

    d = add_doc(c, "A/HRC/RES/10/1", CITE_BODY_HRC, "2009-03-26", "人权与环境");
    d->lang = CITE_LANG_ZH;
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    cite(d, "instrument:udhr", CITE_BODY_NONE, CITE_TYPE_INSTRUMENT, "", 1);

    d = add_doc(c, NULL, CITE_BODY_HRC, "2010-01-01", NULL);
    cite(d, "A/RES/70/1", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 2);
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 5);

    d = add_doc(c, "A/HRC/RES/12/5", CITE_BODY_HRC, "2009-10-01", NULL);
    cite(d, "A/HRC/RES/11/3", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 2);
    cite(d, "A/HRC/RES/10/1", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 1);
}

static const char *const fixture_ids[] = {
    "A/HRC/RES/10/1", "A/RES/60/251",     "A/HRC/RES/9/2",  "instrument:udhr",
    "A/HRC/RES/11/3", "S/RES/1325(2000)", "A/HRC/RES/12/5",
};

static const struct cite_graph_edge fixture_edges[] = {
    {0, 1, 2}, {0, 2, 1}, {2, 1, 1}, {2, 3, 1}, {4, 0, 1},
    {4, 2, 3}, {4, 5, 1}, {0, 3, 1}, {6, 4, 2}, {6, 0, 1},
};

struct state {
    struct cite_corpus corpus;
    struct cite_graph *g;
};

static int
setup_fixture(void **st)
{
    struct state *s = calloc(1, sizeof *s);
    if (s == NULL) {
        return -1;
    }
    cite_corpus_init(&s->corpus);
    fixture(&s->corpus);
    s->g = build(&s->corpus);
    *st = s;
    return 0;
}

static int
teardown_fixture(void **st)
{
    struct state *s = *st;
    cite_graph_free(s->g);
    cite_corpus_release(&s->corpus);
    free(s);
    return 0;
}

static const struct cite_graph *
fixture_graph(void **st)
{
    return ((struct state *)*st)->g;
}

/* --- building ------------------------------------------------------------ */

static void
test_empty_corpus_gives_graph_without_nodes(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_graph *g = build(&c);
    assert_int_equal(cite_graph_node_count(g), 0);
    assert_int_equal(cite_graph_edge_count(g), 0);
    assert_null(cite_graph_node(g, 0));
    double v[1] = {42};
    char err[64] = "";
    assert_int_equal(cite_graph_metrics(g, v, err, sizeof err), 0);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_free_null_graph_is_a_no_op(void **st)
{
    (void)st;
    cite_graph_free(NULL);
    assert_int_equal(cite_graph_node_count(NULL), 0);
}

static void
test_nodes_numbered_in_first_appearance_order(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    assert_int_equal(cite_graph_node_count(g), 7);
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(cite_graph_node(g, i)->id, fixture_ids[i]);
    }
}

static void
test_find_gives_node_index_or_minus_one(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    assert_int_equal(cite_graph_find(g, "S/RES/1325(2000)"), 5);
    assert_int_equal(cite_graph_find(g, "A/HRC/RES/12/5"), 6);
    assert_int_equal(cite_graph_find(g, "A/HRC/RES/99/9"), -1);
    assert_int_equal(cite_graph_find(g, ""), -1);
    assert_int_equal(cite_graph_find(g, NULL), -1);
}

static void
test_doc_without_id_adds_no_node_and_no_edge(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    /* only the doc without an id cites A/RES/70/1 */
    assert_int_equal(cite_graph_find(g, "A/RES/70/1"), -1);
    /* and its five mentions of 60/251 did not become anyone's weight */
    for (size_t e = 0; e < cite_graph_edge_count(g); e++) {
        assert_true(cite_graph_edge(g, e)->weight <= 3);
    }
}

static void
test_language_versions_merge_into_one_node(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    size_t seen = 0;
    for (size_t i = 0; i < cite_graph_node_count(g); i++) {
        if (strcmp(cite_graph_node(g, i)->id, "A/HRC/RES/10/1") == 0) {
            seen++;
        }
    }
    assert_int_equal(seen, 1);
    /* the edge only the Chinese version makes hangs on the same node */
    assert_int_equal(cite_graph_edge(g, 7)->from, 0);
    assert_int_equal(cite_graph_edge(g, 7)->to, 3);
}

static void
test_edges_listed_in_first_appearance_order_with_weights(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    size_t m = sizeof fixture_edges / sizeof fixture_edges[0];
    assert_int_equal(cite_graph_edge_count(g), m);
    for (size_t e = 0; e < m; e++) {
        const struct cite_graph_edge *got = cite_graph_edge(g, e);
        assert_int_equal(got->from, fixture_edges[e].from);
        assert_int_equal(got->to, fixture_edges[e].to);
        assert_true(got->weight == fixture_edges[e].weight);
    }
    assert_null(cite_graph_edge(g, m));
}

static void
test_edge_weight_counts_mentions_within_a_doc(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    /* 11/3 mentions 9/2 three times; 12/5 mentions 11/3 twice */
    assert_true(cite_graph_edge(g, 5)->weight == 3);
    assert_true(cite_graph_edge(g, 8)->weight == 2);
}

static void
test_language_versions_weigh_by_their_fullest_version(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    /* 10/1 -> 60/251: twice in English, once in Chinese: 2, not 3 */
    const struct cite_graph_edge *e = cite_graph_edge(g, 0);
    assert_int_equal(e->from, 0);
    assert_int_equal(e->to, 1);
    assert_true(e->weight == 2);
}

static void
test_self_citation_is_dropped(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    for (size_t e = 0; e < cite_graph_edge_count(g); e++) {
        assert_true(cite_graph_edge(g, e)->from != cite_graph_edge(g, e)->to);
    }
}

static void
test_self_citation_only_doc_has_node_without_edges(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "A/RES/1/1", CITE_BODY_GA, "", NULL);
    cite(d, "A/RES/1/1", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 4);
    struct cite_graph *g = build(&c);
    assert_int_equal(cite_graph_node_count(g), 1);
    assert_int_equal(cite_graph_edge_count(g), 0);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_corpus_node_takes_attributes_from_doc_info(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    const struct cite_graph_node *n = cite_graph_node(g, 0);
    assert_int_equal(n->in_corpus, 1);
    assert_int_equal(n->body, CITE_BODY_HRC);
    assert_int_equal(n->type, CITE_TYPE_RESOLUTION);
    assert_string_equal(n->date, "2009-03-26");
    /* the first version's title, not the Chinese one */
    assert_string_equal(n->title, "Human rights and the environment");
}

static void
test_cited_node_takes_attributes_from_first_citation(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    const struct cite_graph_node *n = cite_graph_node(g, 1);
    assert_int_equal(n->in_corpus, 0);
    assert_int_equal(n->body, CITE_BODY_GA);
    assert_int_equal(n->type, CITE_TYPE_RESOLUTION);
    /* cited with 2006-03-15 first, 2006-04-03 later */
    assert_string_equal(n->date, "2006-03-15");
    assert_null(n->title);

    n = cite_graph_node(g, 3);
    assert_int_equal(n->type, CITE_TYPE_INSTRUMENT);
    assert_int_equal(n->body, CITE_BODY_NONE);
    assert_string_equal(n->date, "");
}

static void
test_doc_info_outranks_earlier_citation(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    /* 9/2 is first cited with no body and a wrong date, then comes as a doc */
    const struct cite_graph_node *n = cite_graph_node(g, 2);
    assert_int_equal(n->in_corpus, 1);
    assert_int_equal(n->body, CITE_BODY_HRC);
    assert_string_equal(n->date, "2008-09-24");
}

static void
test_many_ids_survive_hash_table_growth(void **st)
{
    (void)st;
    enum { N = 5000 };
    struct cite_corpus c;
    cite_corpus_init(&c);
    char id[32], next[32];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "A/RES/%d/%d", i / 100, i % 100);
        snprintf(next, sizeof next, "A/RES/%d/%d", (i + 1) / 100,
                 (i + 1) % 100);
        struct cite_doc *d = add_doc(&c, id, CITE_BODY_GA, "", NULL);
        cite(d, next, CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    }
    struct cite_graph *g = build(&c);
    assert_int_equal(cite_graph_node_count(g), N + 1);
    assert_int_equal(cite_graph_edge_count(g), N);
    for (int i = 0; i <= N; i++) {
        snprintf(id, sizeof id, "A/RES/%d/%d", i / 100, i % 100);
        assert_int_equal(cite_graph_find(g, id), i);
    }
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- node attributes: year, session, languages ---------------------------- */

/* The year of target, cited once (with date) by a doc without a date. */
static int
year_of(const char *target, const char *date)
{
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "citing", CITE_BODY_NONE, "", NULL);
    cite(d, target, CITE_BODY_NONE, CITE_TYPE_RESOLUTION, date, 1);
    struct cite_graph *g = build(&c);
    int y = cite_graph_node(g, (size_t)cite_graph_find(g, target))->year;
    assert_int_equal(cite_graph_node(g, 0)->year, 0); /* "citing": none */
    cite_graph_free(g);
    cite_corpus_release(&c);
    return y;
}

static void
test_node_year_from_the_id_when_no_date(void **st)
{
    (void)st;
    /* the year printed in the id */
    assert_int_equal(year_of("S/RES/242(1967)", NULL), 1967);
    assert_int_equal(year_of("S/PRST/2003/5", NULL), 2003);
    assert_int_equal(year_of("E/RES/1996/31", NULL), 1996);
    assert_int_equal(year_of("E/DEC/2000/3", NULL), 2000);
    assert_int_equal(year_of("E/CN.4/RES/2004/81", NULL), 2004);
    assert_int_equal(year_of("E/CN.4/SUB.2/RES/1999/2", NULL), 1999);
    /* General Assembly sessions: session s opens in 1945 + s */
    assert_int_equal(year_of("A/RES/60/251", NULL), 2005);
    assert_int_equal(year_of("A/RES/31/1", NULL), 1976);
    assert_int_equal(year_of("A/DEC/53/453", NULL), 1998);
    assert_int_equal(year_of("A/RES/2200(XXI)", NULL), 1966);
    assert_int_equal(year_of("A/RES/181(II)", NULL), 1947);
    assert_int_equal(year_of("A/RES/217(III)", NULL), 1948);
    /* no year to be had */
    assert_int_equal(year_of("A/HRC/RES/5/1", NULL), 0);
    assert_int_equal(year_of("A/RES/S-27/2", NULL), 0);
    assert_int_equal(year_of("A/RES/ES-10/19", NULL), 0);
    assert_int_equal(year_of("A/RES/1514(S-XV)", NULL), 0);
    assert_int_equal(year_of("E/RES/1503(XLVIII)", NULL), 0);
    assert_int_equal(year_of("A/RES/2200(XXIIII)", NULL), 0);
    assert_int_equal(year_of("A/RES/30/1", NULL), 0);
    assert_int_equal(year_of("instrument:udhr", NULL), 0);
    assert_int_equal(year_of("S/RES/1(1066)", NULL), 0);
}

static void
test_node_year_from_the_date_first(void **st)
{
    (void)st;
    /* 60/251 was adopted in 2006, in the sixtieth session (2005) */
    assert_int_equal(year_of("A/RES/60/251", "2006-03-15"), 2006);
    assert_int_equal(year_of("A/HRC/RES/5/1", "2007-06-18"), 2007);
}

static void
test_fixture_nodes_have_years_and_sessions(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    /* dates: 2009-03-26, 2006-03-15 (first cited), 2008-09-24, none,
     * 2009-06-17, 2000-10-31, 2009-10-01 */
    static const int years[7] = {2009, 2006, 2008, 0, 2009, 2000, 2009};
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(cite_graph_node(g, i)->year, years[i]);
        /* the fixture's docs state no session */
        assert_int_equal(cite_graph_node(g, i)->session, 0);
    }
}

/*
 * X comes in Chinese, English, French (in that order) and once in an
 * unknown language; Y in Spanish and Arabic; Z only in an unknown
 * language; W is only cited.  X's session is the first stated (12; the
 * French version's 13 is ignored, the Chinese states none).
 */
static void
test_node_languages_and_session_merge_across_versions(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    static const struct {
        const char *id;
        enum cite_lang lang;
        int session;
    } docs[] = {
        {"X", CITE_LANG_ZH, 0},  {"X", CITE_LANG_EN, 12},
        {"X", CITE_LANG_FR, 13}, {"X", CITE_LANG_UNKNOWN, 0},
        {"Y", CITE_LANG_ES, 0},  {"Y", CITE_LANG_AR, 0},
        {"Y", CITE_LANG_ES, 0},  {"Z", CITE_LANG_UNKNOWN, 4},
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        struct cite_doc *d = add_doc(&c, docs[k].id, CITE_BODY_HRC, "", NULL);
        d->lang = docs[k].lang;
        d->info.session = docs[k].session;
        cite(d, "W", CITE_BODY_HRC, CITE_TYPE_RESOLUTION, "", 1);
    }
    struct cite_graph *g = build(&c);
    const struct cite_graph_node *x = cite_graph_node(g, 0);
    assert_string_equal(x->id, "X");
    assert_string_equal(x->langs, "en,fr,zh");
    assert_int_equal(x->session, 12);
    const struct cite_graph_node *y = cite_graph_node(g, 2);
    assert_string_equal(y->id, "Y");
    assert_string_equal(y->langs, "ar,es");
    const struct cite_graph_node *z = cite_graph_node(g, 3);
    assert_string_equal(z->langs, "");
    assert_int_equal(z->session, 4);
    const struct cite_graph_node *w = cite_graph_node(g, 1);
    assert_string_equal(w->id, "W");
    assert_string_equal(w->langs, "");
    assert_int_equal(w->session, 0);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- metrics ------------------------------------------------------------- */

static void
test_degrees_count_distinct_edges(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    static const double in[7] = {2, 2, 2, 2, 1, 1, 0};
    static const double out[7] = {3, 0, 2, 0, 3, 0, 2};
    double *v = metrics(g);
    for (size_t i = 0; i < 7; i++) {
        assert_true(M(v, i, CITE_M_IN_DEGREE) == in[i]);
        assert_true(M(v, i, CITE_M_OUT_DEGREE) == out[i]);
    }
    free(v);
}

/*
 * Expected PageRank of the fixture, from tests/unit/graph_fixture_expected.py:
 * plain power iteration (to 1e-15) on the weighted transition matrix with
 * damping 0.85, uniform teleport, and the rank of the dangling nodes 1, 3
 * and 5 spread uniformly over all seven nodes, as igraph's PRPACK does.
 * A check by hand of node 6, which nothing cites: (0.15 + 0.85 * (pr1 + pr3
 * + pr5)) / 7 = (0.15 + 0.85 * 0.492633) / 7 = 0.081248.
 */
static void
test_pagerank_matches_independent_power_iteration(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    static const double expected[7] = {
        0.125907863590, 0.208250707567, 0.172921207159, 0.181495286555,
        0.127289085582, 0.102887497048, 0.081248352499,
    };
    double *v = metrics(g);
    double sum = 0;
    for (size_t i = 0; i < 7; i++) {
        assert_close(M(v, i, CITE_M_PAGERANK), expected[i], 1e-9);
        sum += M(v, i, CITE_M_PAGERANK);
    }
    assert_close(sum, 1.0, 1e-12);
    free(v);
}

static void
test_pagerank_uses_mention_weights(void **st)
{
    (void)st;
    /*
     * X cites A three times and B once; A and B cite nothing, so their rank
     * returns to all three nodes.  With a + b = 1 - x: x = 0.05 + 0.85 (1 -
     * x) / 3, so x = 1 / 3.85; a = x + 0.85 * 3/4 x and b = x + 0.85 * 1/4 x
     * (the script gives the same).  Unweighted, a and b would tie.
     */
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "X", CITE_BODY_GA, "", NULL);
    cite(d, "A", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 3);
    cite(d, "B", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    struct cite_graph *g = build(&c);
    double *v = metrics(g);
    const double x = 1 / 3.85;
    assert_close(M(v, 0, CITE_M_PAGERANK), x, 1e-9);
    assert_close(M(v, 1, CITE_M_PAGERANK), x * (1 + 0.85 * 0.75), 1e-9);
    assert_close(M(v, 2, CITE_M_PAGERANK), x * (1 + 0.85 * 0.25), 1e-9);
    free(v);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/*
 * HITS fixture: H1 cites A1 twice and A2 once, H2 cites A1 once.  With
 * A the weighted adjacency (rows H1, H2; columns A1, A2) = [[2,1],[1,0]],
 * A A^T = A^T A = [[5,2],[2,1]], whose leading eigenvalue is 3 + 2 sqrt 2
 * with eigenvector (1, sqrt 2 - 1).  So hub(H1) = 1, hub(H2) = sqrt 2 - 1,
 * authority(A1) = 1, authority(A2) = sqrt 2 - 1, the rest 0 (checked again
 * by power iteration in tests/unit/graph_fixture_expected.py).  Unweighted,
 * the ratio would be (sqrt 5 - 1) / 2 instead.
 */
static void
test_hubs_and_authorities_follow_mention_weights(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "H1", CITE_BODY_GA, "", NULL);
    cite(d, "A1", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 2);
    cite(d, "A2", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(&c, "H2", CITE_BODY_GA, "", NULL);
    cite(d, "A1", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    struct cite_graph *g = build(&c);
    double *v = metrics(g);
    const double r = sqrt(2.0) - 1.0;
    long h1 = cite_graph_find(g, "H1"), h2 = cite_graph_find(g, "H2");
    long a1 = cite_graph_find(g, "A1"), a2 = cite_graph_find(g, "A2");
    assert_close(M(v, h1, CITE_M_HUB), 1.0, 1e-9);
    assert_close(M(v, h2, CITE_M_HUB), r, 1e-9);
    assert_close(M(v, a1, CITE_M_HUB), 0.0, 1e-9);
    assert_close(M(v, a2, CITE_M_HUB), 0.0, 1e-9);
    assert_close(M(v, a1, CITE_M_AUTHORITY), 1.0, 1e-9);
    assert_close(M(v, a2, CITE_M_AUTHORITY), r, 1e-9);
    assert_close(M(v, h1, CITE_M_AUTHORITY), 0.0, 1e-9);
    assert_close(M(v, h2, CITE_M_AUTHORITY), 0.0, 1e-9);
    free(v);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_graph_without_edges_gets_zero_hubs_and_uniform_pagerank(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    add_doc(&c, "A/RES/1/1", CITE_BODY_GA, "", NULL);
    add_doc(&c, "A/RES/1/2", CITE_BODY_GA, "", NULL);
    struct cite_graph *g = build(&c);
    assert_int_equal(cite_graph_edge_count(g), 0);
    double *v = metrics(g);
    for (size_t i = 0; i < 2; i++) {
        assert_true(M(v, i, CITE_M_HUB) == 0);
        assert_true(M(v, i, CITE_M_AUTHORITY) == 0);
        assert_true(M(v, i, CITE_M_CORENESS) == 0);
        assert_close(M(v, i, CITE_M_PAGERANK), 0.5, 1e-12);
    }
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    free(v);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_coreness_of_fixture(void **st)
{
    /* undirected: 5 hangs on 4 alone; the rest all lie on cycles, and no
     * three-core exists (removing 1, 3, 6 leaves the triangle 0-2-4) */
    const struct cite_graph *g = fixture_graph(st);
    static const double expected[7] = {2, 2, 2, 2, 2, 1, 2};
    double *v = metrics(g);
    for (size_t i = 0; i < 7; i++) {
        assert_true(M(v, i, CITE_M_CORENESS) == expected[i]);
    }
    free(v);
}

static void
test_coreness_of_a_clique_with_a_pendant(void **st)
{
    (void)st;
    /* a, b, c, d cite each other one way (K4), a also cites e */
    struct cite_corpus c;
    cite_corpus_init(&c);
    static const char *const ids[] = {"a", "b", "c", "d"};
    for (size_t i = 0; i < 4; i++) {
        struct cite_doc *d = add_doc(&c, ids[i], CITE_BODY_GA, "", NULL);
        for (size_t j = i + 1; j < 4; j++) {
            cite(d, ids[j], CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
        }
        if (i == 0) {
            cite(d, "e", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
        }
    }
    struct cite_graph *g = build(&c);
    double *v = metrics(g);
    for (size_t i = 0; i < 4; i++) {
        assert_true(M(v, cite_graph_find(g, ids[i]), CITE_M_CORENESS) == 3);
    }
    assert_true(M(v, cite_graph_find(g, "e"), CITE_M_CORENESS) == 1);
    free(v);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_coreness_counts_mutual_citation_as_one_link(void **st)
{
    (void)st;
    /* with both directions counted, a pair citing each other would be a
     * two-core; in the undirected projection it is one link */
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "P", CITE_BODY_SC, "", NULL);
    cite(d, "Q", CITE_BODY_SC, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(&c, "Q", CITE_BODY_SC, "", NULL);
    cite(d, "P", CITE_BODY_SC, CITE_TYPE_RESOLUTION, "", 1);
    struct cite_graph *g = build(&c);
    assert_int_equal(cite_graph_edge_count(g), 2);
    double *v = metrics(g);
    assert_true(M(v, 0, CITE_M_CORENESS) == 1);
    assert_true(M(v, 1, CITE_M_CORENESS) == 1);
    assert_true(M(v, 0, CITE_M_IN_DEGREE) == 1);
    free(v);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_metrics_leave_igraph_finally_stack_empty(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    double *v = metrics(g);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    free(v);
}

static void
test_metrics_are_repeatable(void **st)
{
    const struct cite_graph *g = fixture_graph(st);
    double *a = metrics(g);
    double *b = metrics(g);
    for (size_t k = 0; k < 7 * CITE_M__COUNT; k++) {
        assert_close(a[k], b[k], 1e-12);
    }
    free(a);
    free(b);
}

static void
test_metric_names_round_trip(void **st)
{
    (void)st;
    static const char *const names[CITE_M__COUNT] = {
        "in_degree", "out_degree",  "pagerank",    "hub",
        "authority", "coreness",    "betweenness", "closeness",
        "harmonic",  "eigenvector", "age_norm",
    };
    for (int m = 0; m < CITE_M__COUNT; m++) {
        assert_string_equal(cite_metric_name((enum cite_metric)m), names[m]);
        assert_int_equal(cite_metric_from_name(names[m]), m);
    }
    assert_int_equal(cite_metric_from_name("between"), CITE_M__COUNT);
    assert_int_equal(cite_metric_from_name(""), CITE_M__COUNT);
    assert_int_equal(cite_metric_from_name(NULL), CITE_M__COUNT);
    assert_string_equal(cite_metric_name(CITE_M__COUNT), "");
}

/* --- the igraph boundary ------------------------------------------------- */

static void
test_igraph_error_becomes_message_instead_of_abort(void **st)
{
    (void)st;
    igraph_error_handler_t *before = igraph_set_error_handler(NULL);
    igraph_set_error_handler(before);

    struct cite_i_igraph_guard guard;
    cite_i_igraph_enter(&guard);
    igraph_vector_int_t ends;
    assert_int_equal(igraph_vector_int_init(&ends, 3), IGRAPH_SUCCESS);
    igraph_t ig;
    /* an odd number of edge ends is an error igraph reports, not a crash */
    igraph_error_t rc = igraph_create(&ig, &ends, 2, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ends);
    char err[256] = "";
    int ret = rc == IGRAPH_SUCCESS
                  ? 0
                  : cite_i_igraph_fail(rc, "test", err, sizeof err);
    cite_i_igraph_leave(&guard);

    assert_int_not_equal(rc, IGRAPH_SUCCESS);
    assert_int_equal(ret, -1);
    assert_true(strncmp(err, "igraph: test: ", 14) == 0);
    /* igraph's own reason was kept, not just the generic text of the code */
    char generic[256];
    snprintf(generic, sizeof generic, "igraph: test: %s", igraph_strerror(rc));
    assert_true(strlen(err) > 14);
    assert_string_not_equal(err, generic);
    assert_true(IGRAPH_FINALLY_STACK_EMPTY);
    /* the handler in place before is back */
    assert_ptr_equal(igraph_set_error_handler(before), before);
}

/* --- neighbourhood ------------------------------------------------------- */

/* a -> b -> c -> d, e -> c, and apart from them x -> y */
static struct cite_graph *
chain(struct cite_corpus *c)
{
    cite_corpus_init(c);
    struct cite_doc *d = add_doc(c, "a", CITE_BODY_GA, "", NULL);
    cite(d, "b", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(c, "b", CITE_BODY_GA, "", NULL);
    cite(d, "c", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(c, "c", CITE_BODY_GA, "", NULL);
    cite(d, "d", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(c, "e", CITE_BODY_GA, "", NULL);
    cite(d, "c", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    d = add_doc(c, "x", CITE_BODY_GA, "", NULL);
    cite(d, "y", CITE_BODY_GA, CITE_TYPE_RESOLUTION, "", 1);
    return build(c);
}

/* The ids marked in keep, concatenated in node order. */
static void
kept(const struct cite_graph *g, const unsigned char *keep, char *out)
{
    for (size_t i = 0; i < cite_graph_node_count(g); i++) {
        if (keep[i]) {
            *out++ = cite_graph_node(g, i)->id[0];
        }
    }
    *out = '\0';
}

static void
check_neighbourhood(const char *focus, int depth, const char *expected)
{
    struct cite_corpus c;
    struct cite_graph *g = chain(&c);
    unsigned char keep[7];
    memset(keep, 0xAA, sizeof keep); /* must be overwritten, not or-ed */
    cite_graph_neighbourhood(g, (size_t)cite_graph_find(g, focus), depth, keep);
    char got[8];
    kept(g, keep, got);
    assert_string_equal(got, expected);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_neighbourhood_depth_zero_keeps_only_focus(void **st)
{
    (void)st;
    check_neighbourhood("c", 0, "c");
}

static void
test_neighbourhood_depth_one_follows_both_directions(void **st)
{
    (void)st;
    /* c cites d and is cited by b and e */
    check_neighbourhood("c", 1, "bcde");
}

static void
test_neighbourhood_depth_two_goes_two_steps(void **st)
{
    (void)st;
    check_neighbourhood("a", 1, "ab");
    check_neighbourhood("a", 2, "abc");
    check_neighbourhood("a", 3, "abcde");
}

static void
test_neighbourhood_unlimited_stays_in_component(void **st)
{
    (void)st;
    check_neighbourhood("d", -1, "abcde");
    check_neighbourhood("y", -1, "xy");
}

static void
test_neighbourhood_focus_out_of_range_keeps_nothing(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = chain(&c);
    unsigned char keep[7];
    memset(keep, 1, sizeof keep);
    cite_graph_neighbourhood(g, 7, -1, keep);
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(keep[i], 0);
    }
    cite_graph_free(g);
    cite_corpus_release(&c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_corpus_gives_graph_without_nodes),
        cmocka_unit_test(test_free_null_graph_is_a_no_op),
        cmocka_unit_test_setup_teardown(
            test_nodes_numbered_in_first_appearance_order, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(test_find_gives_node_index_or_minus_one,
                                        setup_fixture, teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_doc_without_id_adds_no_node_and_no_edge, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_language_versions_merge_into_one_node, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_edges_listed_in_first_appearance_order_with_weights,
            setup_fixture, teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_edge_weight_counts_mentions_within_a_doc, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_language_versions_weigh_by_their_fullest_version,
            setup_fixture, teardown_fixture),
        cmocka_unit_test_setup_teardown(test_self_citation_is_dropped,
                                        setup_fixture, teardown_fixture),
        cmocka_unit_test(test_self_citation_only_doc_has_node_without_edges),
        cmocka_unit_test_setup_teardown(
            test_corpus_node_takes_attributes_from_doc_info, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_cited_node_takes_attributes_from_first_citation, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(test_doc_info_outranks_earlier_citation,
                                        setup_fixture, teardown_fixture),
        cmocka_unit_test(test_many_ids_survive_hash_table_growth),
        cmocka_unit_test(test_node_year_from_the_id_when_no_date),
        cmocka_unit_test(test_node_year_from_the_date_first),
        cmocka_unit_test_setup_teardown(
            test_fixture_nodes_have_years_and_sessions, setup_fixture,
            teardown_fixture),
        cmocka_unit_test(test_node_languages_and_session_merge_across_versions),
        cmocka_unit_test_setup_teardown(test_degrees_count_distinct_edges,
                                        setup_fixture, teardown_fixture),
        cmocka_unit_test_setup_teardown(
            test_pagerank_matches_independent_power_iteration, setup_fixture,
            teardown_fixture),
        cmocka_unit_test(test_pagerank_uses_mention_weights),
        cmocka_unit_test(test_hubs_and_authorities_follow_mention_weights),
        cmocka_unit_test(
            test_graph_without_edges_gets_zero_hubs_and_uniform_pagerank),
        cmocka_unit_test_setup_teardown(test_coreness_of_fixture, setup_fixture,
                                        teardown_fixture),
        cmocka_unit_test(test_coreness_of_a_clique_with_a_pendant),
        cmocka_unit_test(test_coreness_counts_mutual_citation_as_one_link),
        cmocka_unit_test_setup_teardown(
            test_metrics_leave_igraph_finally_stack_empty, setup_fixture,
            teardown_fixture),
        cmocka_unit_test_setup_teardown(test_metrics_are_repeatable,
                                        setup_fixture, teardown_fixture),
        cmocka_unit_test(test_metric_names_round_trip),
        cmocka_unit_test(test_igraph_error_becomes_message_instead_of_abort),
        cmocka_unit_test(test_neighbourhood_depth_zero_keeps_only_focus),
        cmocka_unit_test(test_neighbourhood_depth_one_follows_both_directions),
        cmocka_unit_test(test_neighbourhood_depth_two_goes_two_steps),
        cmocka_unit_test(test_neighbourhood_unlimited_stays_in_component),
        cmocka_unit_test(test_neighbourhood_focus_out_of_range_keeps_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
