/*
 * graph.c - builds the citation network from a corpus and answers
 * questions about its shape (look-up by id, neighbourhoods).
 *
 * One pass over the corpus, in order, creates the nodes as their ids first
 * appear (a doc's own id, then its targets in text order) and the edges as
 * their (citing, cited) pairs first appear; hash tables keep each step
 * constant time, so the numbering is deterministic and the build linear.
 * Language versions of one resolution share an id and so one node; their
 * citations are the same citations in another language, so an edge weighs
 * the largest number of mentions any one version makes, not the sum, which
 * would count a resolution present in six languages six times.  Attributes
 * a corpus doc states about itself outrank what citations say about it;
 * otherwise the first known value wins.  A node's session is the first one
 * a corpus version states, its languages those of all its corpus versions,
 * and its year comes from its final date or, failing that, its id (year.c).
 * The finished edge list gets compressed rows of each node's edges in both
 * directions, sorted by the node at the other end, for the walks of
 * chain.c, mainpath.c and similar.c.  igraph's copy of the network is made
 * from them by the metrics that need it (cite_i_graph_igraph()), not here:
 * a chain or a path never pays for it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

/* Where a node's attribute came from: a later source replaces an earlier
 * one only if it ranks higher. */
enum source { SRC_NONE = 0, SRC_REF, SRC_DOC };

struct builder {
    struct cite_graph *g;
    size_t node_cap;
    size_t edge_cap;
    unsigned char *src_body; /* per node, enum source */
    unsigned char *src_type;
    unsigned char *src_date;
    size_t *head_out;            /* per node: its last out-edge + 1, or 0 */
    size_t *next_out;            /* per edge: the one before it + 1, or 0 */
    /* the doc at hand: cited node -> its edge and mentions, open
     * addressing, reused from doc to doc */
    struct doc_slot {
        size_t node;             /* + 1; 0: empty */
        size_t edge;
        double run;
    } *slots;
    size_t nslots;
    size_t *hashes;              /* the doc at hand: its targets' hashes */
    size_t nhashes;
    unsigned char *langs;        /* per node: bit l for each cite_lang l */
    const char *lang_text[1u << CITE_LANG__COUNT]; /* mask -> "en,zh" */
};

static const char *const metric_names[CITE_M__COUNT] = {
    [CITE_M_IN_DEGREE] = "in_degree",     [CITE_M_OUT_DEGREE] = "out_degree",
    [CITE_M_PAGERANK] = "pagerank",       [CITE_M_HUB] = "hub",
    [CITE_M_AUTHORITY] = "authority",     [CITE_M_CORENESS] = "coreness",
    [CITE_M_BETWEENNESS] = "betweenness", [CITE_M_CLOSENESS] = "closeness",
    [CITE_M_HARMONIC] = "harmonic",       [CITE_M_EIGENVECTOR] = "eigenvector",
    [CITE_M_AGE_NORM] = "age_norm",
};

const char *
cite_metric_name(enum cite_metric m)
{
    return (unsigned)m < CITE_M__COUNT ? metric_names[m] : "";
}

enum cite_metric
cite_metric_from_name(const char *s)
{
    if (s == NULL) {
        return CITE_M__COUNT;
    }
    for (int i = 0; i < CITE_M__COUNT; i++) {
        if (strcmp(metric_names[i], s) == 0) {
            return (enum cite_metric)i;
        }
    }
    return CITE_M__COUNT;
}

static const char *
pool_strdup(struct cite_pool *pool, const char *s)
{
    size_t n = strlen(s);
    char *p = cite_i_pool_alloc(pool, n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static size_t
node_get_hashed(struct builder *b, const char *id, size_t hash)
{
    struct cite_graph *g = b->g;
    size_t i = cite_i_idmap_get_hashed(&g->index, id, hash);
    if (i != CITE_I_NOT_FOUND) {
        return i;
    }
    if (g->nnodes == b->node_cap) {
        b->node_cap = b->node_cap ? 2 * b->node_cap : 64;
        g->nodes =
            cite_i_xreallocarray(g->nodes, b->node_cap, sizeof *g->nodes);
        b->src_body = cite_i_xrealloc(b->src_body, b->node_cap);
        b->src_type = cite_i_xrealloc(b->src_type, b->node_cap);
        b->src_date = cite_i_xrealloc(b->src_date, b->node_cap);
        b->langs = cite_i_xrealloc(b->langs, b->node_cap);
        b->head_out = cite_i_xreallocarray(b->head_out, b->node_cap,
                                           sizeof *b->head_out);
    }
    i = g->nnodes++;
    struct cite_graph_node *node = &g->nodes[i];
    node->id = pool_strdup(g->pool, id);
    node->body = CITE_BODY_NONE;
    node->type = CITE_TYPE_NONE;
    node->date = "";
    node->title = NULL;
    node->in_corpus = 0;
    node->year = 0;
    node->session = 0;
    node->langs = "";
    b->src_body[i] = b->src_type[i] = b->src_date[i] = SRC_NONE;
    b->langs[i] = 0;
    b->head_out[i] = 0;
    cite_i_idmap_put(&g->index, node->id, i);
    return i;
}

static size_t
node_get(struct builder *b, const char *id)
{
    return node_get_hashed(b, id, cite_i_idmap_hash(id));
}

static void
node_learn(struct builder *b, size_t i, enum cite_body body,
           enum cite_type type, const char *date, enum source src)
{
    struct cite_graph_node *node = &b->g->nodes[i];
    if (body != CITE_BODY_NONE && b->src_body[i] < src) {
        node->body = body;
        b->src_body[i] = (unsigned char)src;
    }
    if (type != CITE_TYPE_NONE && b->src_type[i] < src) {
        node->type = type;
        b->src_type[i] = (unsigned char)src;
    }
    if (date[0] != '\0' && b->src_date[i] < src) {
        node->date = pool_strdup(b->g->pool, date);
        b->src_date[i] = (unsigned char)src;
    }
}

/* The slot of node to in the doc at hand's table (empty or its own). */
static struct doc_slot *
doc_slot(struct builder *b, size_t to)
{
    size_t m = b->nslots - 1;
    size_t at = (to * 0x9E3779B97F4A7C15ULL >> 17) & m;
    while (b->slots[at].node != 0 && b->slots[at].node != to + 1) {
        at = (at + 1) & m;
    }
    return &b->slots[at];
}

/* A new edge from -> to, first of from's out-edges in the list. */
static size_t
edge_new(struct builder *b, size_t from, size_t to)
{
    struct cite_graph *g = b->g;
    if (g->nedges == b->edge_cap) {
        b->edge_cap = b->edge_cap ? 2 * b->edge_cap : 64;
        g->edges = cite_i_xreallocarray(g->edges, b->edge_cap, sizeof *g->edges);
        b->next_out = cite_i_xreallocarray(b->next_out, b->edge_cap,
                                           sizeof *b->next_out);
    }
    size_t e = g->nedges++;
    g->edges[e].from = from;
    g->edges[e].to = to;
    g->edges[e].weight = 0;
    b->next_out[e] = b->head_out[from];
    b->head_out[from] = e + 1;
    return e;
}

/*
 * The citations of one doc by self: one edge per cited node, whose weight
 * is the most mentions one doc makes of it (language versions of a text
 * cite the same resolution as often as each other, not as their sum).  The
 * edges self already has (another doc with its id) are found through its
 * list of out-edges, so no table of every edge is needed.
 */
static void
add_edges(struct builder *b, size_t self, const struct cite_doc *doc)
{
    size_t want = 16;
    size_t have = 0;
    for (size_t e = b->head_out[self]; e != 0; e = b->next_out[e - 1]) {
        have++;
    }
    while (want < 2 * (doc->nrefs + have)) {
        want *= 2;
    }
    if (want > b->nslots) {
        free(b->slots);
        b->slots = cite_i_xcalloc(want, sizeof *b->slots);
        b->nslots = want;
    }
    for (size_t e = b->head_out[self]; e != 0; e = b->next_out[e - 1]) {
        struct doc_slot *d = doc_slot(b, b->g->edges[e - 1].to);
        d->node = b->g->edges[e - 1].to + 1;
        d->edge = e - 1;
        d->run = 0;
    }
    /* the targets' slots in the id table asked for all at once: at
     * 200,000 documents the table outgrows the cache, and their misses
     * then overlap instead of coming one after the other */
    if (doc->nrefs > b->nhashes) {
        b->nhashes = doc->nrefs;
        b->hashes = cite_i_xreallocarray(b->hashes, b->nhashes, sizeof *b->hashes);
    }
    for (size_t r = 0; r < doc->nrefs; r++) {
        const char *t = doc->refs[r].target;
        if (t != NULL) {
            b->hashes[r] = cite_i_idmap_hash(t);
            cite_i_idmap_prefetch(&b->g->index, b->hashes[r]);
        }
    }
    /* and then the ids in those slots, which the look-ups compare with */
    for (size_t r = 0; r < doc->nrefs; r++) {
        if (doc->refs[r].target != NULL) {
            cite_i_idmap_prefetch_key(&b->g->index, b->hashes[r]);
        }
    }
    for (size_t r = 0; r < doc->nrefs; r++) {
        const struct cite_ref *ref = &doc->refs[r];
        if (ref->target == NULL || ref->target[0] == '\0') {
            continue;
        }
        size_t to = node_get_hashed(b, ref->target, b->hashes[r]);
        if (to == self) {
            continue;
        }
        node_learn(b, to, ref->body, ref->type, ref->date, SRC_REF);
        struct doc_slot *d = doc_slot(b, to);
        if (d->node == 0) {
            d->node = to + 1;
            d->edge = edge_new(b, self, to);
            d->run = 0;
        }
        d->run += 1;
    }
    /* the weights; then the table emptied for the next doc (every slot in
     * use belongs to one of self's edges; emptied after, so that no probe
     * sequence is cut while looking up) */
    for (size_t e = b->head_out[self]; e != 0; e = b->next_out[e - 1]) {
        struct cite_graph_edge *edge = &b->g->edges[e - 1];
        struct doc_slot *d = doc_slot(b, edge->to);
        if (d->run > edge->weight) {
            edge->weight = d->run;
        }
    }
    for (size_t e = b->head_out[self]; e != 0; e = b->next_out[e - 1]) {
        doc_slot(b, b->g->edges[e - 1].to)->run = -1; /* marked */
    }
    for (size_t e = b->head_out[self]; e != 0; e = b->next_out[e - 1]) {
        size_t m = b->nslots - 1;
        size_t to = b->g->edges[e - 1].to;
        size_t at = (to * 0x9E3779B97F4A7C15ULL >> 17) & m;
        while (b->slots[at].run != -1 || b->slots[at].node != to + 1) {
            at = (at + 1) & m;
        }
        b->slots[at].node = 0;
        b->slots[at].run = 0;
    }
}

static void
add_doc(struct builder *b, const struct cite_doc *doc)
{
    const struct cite_docinfo *info = &doc->info;
    if (info->id == NULL || info->id[0] == '\0') {
        return;
    }
    size_t self = node_get(b, info->id);
    struct cite_graph_node *node = &b->g->nodes[self];
    node->in_corpus = 1;
    node_learn(b, self, info->body, info->type, info->date, SRC_DOC);
    if (node->title == NULL && info->title != NULL && info->title[0] != '\0') {
        node->title = pool_strdup(b->g->pool, info->title);
    }
    if (node->session == 0 && info->session > 0) {
        node->session = info->session;
    }
    if (doc->lang > CITE_LANG_UNKNOWN && doc->lang < CITE_LANG__COUNT) {
        b->langs[self] |= (unsigned char)(1u << doc->lang);
    }
    add_edges(b, self, doc);
}

/* The sorted rows of graph_int.h, by two counting sorts: bucketing the
 * edges by cited node in edge order and then re-bucketing them by citing
 * node in order of cited node leaves each out-row sorted by cited node;
 * the same again the other way sorts the in-rows.  Linear. */
static void
bucket(size_t n, size_t m, const size_t *order,
       const struct cite_graph_edge *edges, int by_from, size_t *start,
       size_t *row)
{
    memset(start, 0, (n + 1) * sizeof *start);
    for (size_t e = 0; e < m; e++) {
        start[(by_from ? edges[e].from : edges[e].to) + 1]++;
    }
    for (size_t i = 0; i < n; i++) {
        start[i + 1] += start[i];
    }
    size_t *fill = cite_i_xreallocarray(NULL, n + 1, sizeof *fill);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (size_t k = 0; k < m; k++) {
        size_t e = order != NULL ? order[k] : k;
#if defined(__GNUC__)
        if (order != NULL && k + 16 < m) {
            __builtin_prefetch(&edges[order[k + 16]]); /* read out of order */
        }
#endif
        row[fill[by_from ? edges[e].from : edges[e].to]++] = e;
    }
    free(fill);
}

static void
make_rows(struct cite_graph *g)
{
    size_t n = g->nnodes, m = g->nedges;
    g->out_start = cite_i_xreallocarray(NULL, n + 1, sizeof *g->out_start);
    g->in_start = cite_i_xreallocarray(NULL, n + 1, sizeof *g->in_start);
    g->out_edge = cite_i_xreallocarray(NULL, m ? m : 1, sizeof *g->out_edge);
    g->in_edge = cite_i_xreallocarray(NULL, m ? m : 1, sizeof *g->in_edge);
    /* in-rows in edge order, so out-rows come out sorted by cited node */
    bucket(n, m, NULL, g->edges, 0, g->in_start, g->in_edge);
    bucket(n, m, g->in_edge, g->edges, 1, g->out_start, g->out_edge);
    /* and now in-rows sorted by citing node */
    bucket(n, m, g->out_edge, g->edges, 0, g->in_start, g->in_edge);
}

#if IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10
/*
 * igraph 0.10 keeps a graph as igraph_datatype.h shows it: the ends of
 * edge k in from[k] and to[k]; oi and ii, the edge ids sorted by (from,
 * to) and by (to, from); os[v] and is[v], where node v's edges begin in
 * them.  With the edges in the order of the in-rows (by cited node, then
 * citing node), ii is 0..m-1 and is is in_start: igraph then reads a
 * node's incoming edges (PageRank does) in order; oi is one counting sort
 * of 0..m-1 by citing node, which keeps each node's edges in the order of
 * their cited nodes, and os is out_start.  igraph_create() would sort the
 * edges twice by following linked lists through an array of 8 bytes an
 * edge: at 200,000 documents (5 million edges, 43 MB an array) every step
 * of those lists misses the cache, and it took 16 times as long as at
 * 20,000 documents for 10 times the edges.  test_analytics.c checks, array
 * by array, that the graph made here is the one igraph_create() makes of
 * the same edges.
 */
static igraph_error_t
fill_igraph(const struct cite_graph *g, igraph_t *ig, igraph_vector_t *weights)
{
    const size_t n = g->nnodes, m = g->nedges;
    igraph_error_t rc = igraph_empty(ig, (igraph_integer_t)n, IGRAPH_DIRECTED);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    igraph_vector_int_t *grow[] = {&ig->from, &ig->to, &ig->oi, &ig->ii};
    for (size_t a = 0; a < 4; a++) {
        rc = igraph_vector_int_resize(grow[a], (igraph_integer_t)m);
        if (rc != IGRAPH_SUCCESS) {
            igraph_destroy(ig);
            return rc;
        }
    }
    /* igraph_empty() made os and is, of n + 1 */
    igraph_integer_t *from = VECTOR(ig->from), *to = VECTOR(ig->to);
    igraph_integer_t *oi = VECTOR(ig->oi), *ii = VECTOR(ig->ii);
    igraph_integer_t *os = VECTOR(ig->os), *is = VECTOR(ig->is);
    /* the weights read with the ends, each edge once, out of order */
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = &g->edges[g->in_edge[k]];
#if defined(__GNUC__)
        if (k + 16 < m) {
            __builtin_prefetch(&g->edges[g->in_edge[k + 16]]);
        }
#endif
        from[k] = (igraph_integer_t)e->from;
        to[k] = (igraph_integer_t)e->to;
        ii[k] = (igraph_integer_t)k;
        if (weights != NULL) {
            VECTOR(*weights)[k] = e->weight;
        }
    }
    for (size_t v = 0; v <= n; v++) {
        os[v] = (igraph_integer_t)g->out_start[v];
        is[v] = (igraph_integer_t)g->in_start[v];
    }
    /* os serves as the fill pointers, then is set back */
    for (size_t k = 0; k < m; k++) {
        oi[os[from[k]]++] = (igraph_integer_t)k;
    }
    for (size_t v = 0; v <= n; v++) {
        os[v] = (igraph_integer_t)g->out_start[v];
    }
    igraph_invalidate_cache(ig);
    return IGRAPH_SUCCESS;
}
#endif

igraph_error_t
cite_i_graph_igraph_create(const struct cite_graph *g, igraph_t *ig,
                           igraph_vector_t *weights)
{
    igraph_vector_int_t ends;
    igraph_error_t rc =
        igraph_vector_int_init(&ends, 2 * (igraph_integer_t)g->nedges);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    /* in the order of the in-rows (by cited node, then citing node): the
     * edge index igraph_create() builds then reads its arrays nearly in
     * order; the weights read with the ends, each edge once */
    for (size_t k = 0; k < g->nedges; k++) {
        const struct cite_graph_edge *e = &g->edges[g->in_edge[k]];
        VECTOR(ends)[2 * k] = (igraph_integer_t)e->from;
        VECTOR(ends)[2 * k + 1] = (igraph_integer_t)e->to;
        if (weights != NULL) {
            VECTOR(*weights)[k] = e->weight;
        }
    }
    rc = igraph_create(ig, &ends, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ends);
    return rc;
}

igraph_error_t
cite_i_graph_igraph(const struct cite_graph *g, igraph_t *ig, igraph_vector_t *weights)
{
#if IGRAPH_VERSION_MAJOR == 0 && IGRAPH_VERSION_MINOR == 10
    return fill_igraph(g, ig, weights);
#else
    return cite_i_graph_igraph_create(g, ig, weights);
#endif
}

void
cite_i_graph_finish(struct cite_graph *g)
{
    /* the growth slack goes first */
    if (g->nedges > 0) {
        g->edges = cite_i_xreallocarray(g->edges, g->nedges, sizeof *g->edges);
    }
    make_rows(g);
}

void
cite_i_graph_free_own(struct cite_graph *g)
{
    free(g->nodes);
    free(g->edges);
    free(g->out_start);
    free(g->out_edge);
    free(g->in_start);
    free(g->in_edge);
    cite_i_idmap_release(&g->index);
    cite_i_pool_free(g->pool);
    free(g);
}

/* "ar,en,zh": the codes of the languages in mask, sorted, made once per
 * mask (there are at most 64). */
static const char *
langs_text(struct builder *b, unsigned mask)
{
    if (mask == 0) {
        return "";
    }
    if (b->lang_text[mask] != NULL) {
        return b->lang_text[mask];
    }
    const char *codes[CITE_LANG__COUNT];
    size_t k = 0;
    for (int l = CITE_LANG_UNKNOWN + 1; l < CITE_LANG__COUNT; l++) {
        if (mask & (1u << l)) {
            codes[k++] = cite_lang_code((enum cite_lang)l);
        }
    }
    /* insertion sort: six names at most */
    for (size_t i = 1; i < k; i++) {
        for (size_t j = i; j > 0 && strcmp(codes[j - 1], codes[j]) > 0; j--) {
            const char *t = codes[j];
            codes[j] = codes[j - 1];
            codes[j - 1] = t;
        }
    }
    struct cite_i_buf buf = CITE_I_BUF_INIT;
    for (size_t i = 0; i < k; i++) {
        if (i > 0) {
            cite_i_buf_addc(&buf, ',');
        }
        cite_i_buf_adds(&buf, codes[i]);
    }
    b->lang_text[mask] =
        pool_strdup(b->g->pool, buf.ptr != NULL ? buf.ptr : "");
    cite_i_buf_release(&buf);
    return b->lang_text[mask];
}

struct cite_graph_builder {
    struct builder b;
};

struct cite_graph_builder *
cite_graph_builder_new(void)
{
    struct cite_graph_builder *gb = cite_i_xcalloc(1, sizeof *gb);
    struct cite_graph *g = cite_i_xcalloc(1, sizeof *g);
    g->pool = cite_i_pool_new();
    cite_i_idmap_init(&g->index);
    gb->b.g = g;
    return gb;
}

void
cite_graph_builder_add(struct cite_graph_builder *gb,
                       const struct cite_doc *doc)
{
    add_doc(&gb->b, doc);
}

static void
builder_release(struct builder *b)
{
    free(b->src_body);
    free(b->src_type);
    free(b->src_date);
    free(b->langs);
    free(b->head_out);
    free(b->next_out);
    free(b->slots);
    free(b->hashes);
}

void
cite_graph_builder_free(struct cite_graph_builder *gb)
{
    if (gb == NULL) {
        return;
    }
    builder_release(&gb->b);
    cite_i_graph_free_own(gb->b.g);
    free(gb);
}

struct cite_graph *
cite_graph_builder_finish(struct cite_graph_builder *gb)
{
    struct builder *b = &gb->b;
    struct cite_graph *g = b->g;
    for (size_t i = 0; i < g->nnodes; i++) {
        struct cite_graph_node *node = &g->nodes[i];
        node->langs = langs_text(b, b->langs[i]);
        node->year = cite_i_node_year(node->id, node->date);
    }
    builder_release(b);
    free(gb);
    cite_i_graph_finish(g);
    return g;
}

int
cite_graph_build(struct cite_graph **out, const struct cite_corpus *corpus,
                 char *err, size_t errlen)
{
    if (out == NULL) {
        if (err != NULL && errlen > 0) {
            snprintf(err, errlen, "no place to put the graph");
        }
        return -1;
    }
    struct cite_graph_builder *gb = cite_graph_builder_new();
    for (size_t k = 0; corpus != NULL && k < corpus->n; k++) {
        cite_graph_builder_add(gb, &corpus->docs[k]);
    }
    *out = cite_graph_builder_finish(gb);
    return 0;
}

void
cite_graph_free(struct cite_graph *g)
{
    if (g == NULL) {
        return;
    }
    cite_i_graph_free_own(g);
}

size_t
cite_graph_node_count(const struct cite_graph *g)
{
    return g != NULL ? g->nnodes : 0;
}

size_t
cite_graph_edge_count(const struct cite_graph *g)
{
    return g != NULL ? g->nedges : 0;
}

const struct cite_graph_node *
cite_graph_node(const struct cite_graph *g, size_t i)
{
    return g != NULL && i < g->nnodes ? &g->nodes[i] : NULL;
}

const struct cite_graph_edge *
cite_graph_edge(const struct cite_graph *g, size_t e)
{
    return g != NULL && e < g->nedges ? &g->edges[e] : NULL;
}

long
cite_graph_find(const struct cite_graph *g, const char *id)
{
    if (g == NULL || id == NULL) {
        return -1;
    }
    size_t i = cite_i_idmap_get(&g->index, id);
    return i == CITE_I_NOT_FOUND ? -1 : (long)i;
}

/* Breadth first, so each node is reached at its least distance and the
 * depth limit cuts at the right place. */
void
cite_graph_neighbourhood(const struct cite_graph *g, size_t focus, int depth,
                         unsigned char *keep)
{
    if (g == NULL || keep == NULL) {
        return;
    }
    size_t n = g->nnodes;
    memset(keep, 0, n);
    if (focus >= n) {
        return;
    }
    size_t *queue = cite_i_xreallocarray(NULL, n, sizeof *queue);
    size_t *dist = cite_i_xreallocarray(NULL, n, sizeof *dist);
    size_t head = 0, tail = 0;
    queue[tail++] = focus;
    dist[focus] = 0;
    keep[focus] = 1;
    while (head < tail) {
        size_t u = queue[head++];
        if (depth >= 0 && dist[u] >= (size_t)depth) {
            continue;
        }
        for (int dir = 0; dir < 2; dir++) {
            const size_t *start = dir == 0 ? g->out_start : g->in_start;
            const size_t *row = dir == 0 ? g->out_edge : g->in_edge;
            for (size_t k = start[u]; k < start[u + 1]; k++) {
                const struct cite_graph_edge *e = &g->edges[row[k]];
                size_t v = dir == 0 ? e->to : e->from;
                if (!keep[v]) {
                    keep[v] = 1;
                    dist[v] = dist[u] + 1;
                    queue[tail++] = v;
                }
            }
        }
    }
    free(queue);
    free(dist);
}

/* Each pair is met first from its lower-numbered end's edges, so the
 * links come out in a deterministic order; mutual citations fold into the
 * link the first of the two made. */
igraph_error_t
cite_i_undirected(const struct cite_graph *g, igraph_t *und,
                  igraph_vector_t *weights)
{
    size_t m = g->nedges;
    igraph_vector_int_t ends;
    igraph_error_t rc = igraph_vector_int_init(&ends, 2 * (igraph_integer_t)m);
    if (rc != IGRAPH_SUCCESS) {
        return rc;
    }
    size_t *link = cite_i_xreallocarray(NULL, m ? m : 1, sizeof *link);
    size_t nlink = 0;
    struct cite_i_pairmap pairs;
    cite_i_pairmap_init(&pairs);
    for (size_t e = 0; e < m; e++) {
        size_t a = g->edges[e].from, b = g->edges[e].to;
        size_t lo = a < b ? a : b, hi = a < b ? b : a;
        size_t k = cite_i_pairmap_get(&pairs, lo, hi);
        if (k == CITE_I_NOT_FOUND) {
            k = nlink++;
            cite_i_pairmap_put(&pairs, lo, hi, k);
            VECTOR(ends)[2 * k] = (igraph_integer_t)lo;
            VECTOR(ends)[2 * k + 1] = (igraph_integer_t)hi;
        }
        link[e] = k;
    }
    cite_i_pairmap_release(&pairs);
    rc = igraph_vector_int_resize(&ends, 2 * (igraph_integer_t)nlink);
    if (rc == IGRAPH_SUCCESS && weights != NULL) {
        rc = igraph_vector_init(weights, (igraph_integer_t)nlink);
        for (size_t e = 0; rc == IGRAPH_SUCCESS && e < m; e++) {
            VECTOR(*weights)[link[e]] += g->edges[e].weight;
        }
    }
    free(link);
    if (rc == IGRAPH_SUCCESS) {
        rc = igraph_create(und, &ends, (igraph_integer_t)g->nnodes,
                           IGRAPH_UNDIRECTED);
        if (rc != IGRAPH_SUCCESS && weights != NULL) {
            igraph_vector_destroy(weights);
        }
    }
    igraph_vector_int_destroy(&ends);
    return rc;
}
