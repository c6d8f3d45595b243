/*
 * filter.c - the part of the network an analysis looks at.
 *
 * A node passes a filter when it passes every restriction set: its body,
 * its year within [since, until] (a node of unknown year fails as soon as
 * either bound is set), being a document of the corpus, not being another
 * document symbol (type "document"), not being a named instrument.  The
 * subgraph keeps the passing nodes, the `always` node whatever the filter
 * says, and the edges between kept nodes, each renumbered in the order of
 * the original so that the result is as deterministic as the input.  The
 * new graph owns copies of every string and is finished like a built one;
 * the two graphs are independent afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

static int
passes(const struct cite_graph_node *node, const struct cite_graph_filter *f)
{
    if (f == NULL) {
        return 1;
    }
    if (f->body != CITE_BODY_NONE && node->body != f->body) {
        return 0;
    }
    if (f->since != 0 || f->until != 0) {
        if (node->year == 0) {
            return 0;
        }
        if (f->since != 0 && node->year < f->since) {
            return 0;
        }
        if (f->until != 0 && node->year > f->until) {
            return 0;
        }
    }
    if (f->corpus_only && !node->in_corpus) {
        return 0;
    }
    if (f->no_documents && node->type == CITE_TYPE_DOCUMENT) {
        return 0;
    }
    if (f->no_instruments && (node->type == CITE_TYPE_INSTRUMENT ||
                              strncmp(node->id, "instrument:", 11) == 0)) {
        return 0;
    }
    return 1;
}

/* A copy in pool, or the shared "" for an empty string. */
static const char *
copy(struct cite_pool *pool, const char *s)
{
    if (s == NULL) {
        return NULL;
    }
    size_t n = strlen(s);
    if (n == 0) {
        return "";
    }
    char *p = cite_i_pool_alloc(pool, n + 1);
    memcpy(p, s, n + 1);
    return p;
}

int
cite_graph_filter(struct cite_graph **out, const struct cite_graph *g,
                  const struct cite_graph_filter *f, size_t always, char *err,
                  size_t errlen)
{
    if (out == NULL || g == NULL) {
        if (err != NULL && errlen > 0) {
            snprintf(err, errlen, "no graph to filter or no place for it");
        }
        return -1;
    }
    *out = NULL;
    struct cite_graph *h = cite_i_xcalloc(1, sizeof *h);
    h->pool = cite_i_pool_new();
    cite_i_idmap_init(&h->index);

    size_t *renum =
        cite_i_xreallocarray(NULL, g->nnodes ? g->nnodes : 1, sizeof *renum);
    size_t kept = 0;
    for (size_t i = 0; i < g->nnodes; i++) {
        renum[i] =
            i == always || passes(&g->nodes[i], f) ? kept++ : CITE_I_NOT_FOUND;
    }
    h->nodes = cite_i_xreallocarray(NULL, kept ? kept : 1, sizeof *h->nodes);
    for (size_t i = 0; i < g->nnodes; i++) {
        if (renum[i] == CITE_I_NOT_FOUND) {
            continue;
        }
        const struct cite_graph_node *src = &g->nodes[i];
        struct cite_graph_node *dst = &h->nodes[h->nnodes++];
        *dst = *src;
        dst->id = copy(h->pool, src->id);
        dst->date = copy(h->pool, src->date);
        dst->title = copy(h->pool, src->title);
        dst->langs = copy(h->pool, src->langs);
        cite_i_idmap_put(&h->index, dst->id, renum[i]);
    }
    size_t m = 0;
    for (size_t e = 0; e < g->nedges; e++) {
        if (renum[g->edges[e].from] != CITE_I_NOT_FOUND &&
            renum[g->edges[e].to] != CITE_I_NOT_FOUND) {
            m++;
        }
    }
    h->edges = cite_i_xreallocarray(NULL, m ? m : 1, sizeof *h->edges);
    for (size_t e = 0; e < g->nedges; e++) {
        size_t a = renum[g->edges[e].from], b = renum[g->edges[e].to];
        if (a != CITE_I_NOT_FOUND && b != CITE_I_NOT_FOUND) {
            struct cite_graph_edge *dst = &h->edges[h->nedges++];
            dst->from = a;
            dst->to = b;
            dst->weight = g->edges[e].weight;
        }
    }
    free(renum);
    cite_i_graph_finish(h);
    *out = h;
    return 0;
}
