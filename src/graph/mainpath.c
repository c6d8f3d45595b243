/*
 * mainpath.c - main path analysis (Hummon and Doreian 1989; search path
 * count as in Batagelj 2003): the backbone of a body of precedent.
 *
 * Direction.  An edge of the network points from the citing document to
 * the cited one; knowledge flows the other way, from the cited text to
 * the citing one.  Main path analysis follows the flow: its sources are
 * the foundations (nodes that cite nothing in the network) and its sinks
 * the newest texts (nodes that nothing cites).  Counted along "cites":
 *
 *   up(x)   = the number of citation paths that start at a node nothing
 *             cites and end at x (1 if nothing cites x);
 *   down(x) = the number of citation paths from x to a node that cites
 *             nothing (1 if x cites nothing);
 *   SPC(u -> v), u citing v, = up(u) * down(v): the number of
 *             foundation-to-newest paths of the flow that pass through
 *             the flow link v -> u.
 *
 * Both counts come from one topological order (Kahn's algorithm, citing
 * before cited), so the whole is linear.  Path counts grow exponentially
 * with the depth of a network: they are doubles (exact to 2^53), and when
 * a count or a path's sum passes 1.8e308 everything is done again in
 * natural logarithms, so that the main path is still the heaviest one;
 * the SPC weights handed back are then infinite where they cannot be
 * written as a double.
 *
 * The main path is the global one: of all flow paths from a foundation to
 * a newest text, the one whose SPC weights add up to most, found by one
 * pass over the same order (best(x) = the heaviest flow path from x to a
 * sink).  It is listed from the foundation to the newest text: its first
 * edge is a citation of the foundation.  Ties go to the lowest-numbered
 * foundation and then, step by step, to the lowest-numbered citing node.
 *
 * Cycles.  The counts need an acyclic network.  A depth-first search
 * (roots in node order, cited nodes in increasing order) finds the cycles;
 * each cycle found loses its edge of lowest weight (mentions), ties going
 * to the edge whose citing node has the highest number, and the search
 * goes on from the citing end of the dropped edge.  Nodes the search has
 * finished are known to reach no cycle, so each drop costs only the part
 * of the search it undoes.  Dropped edges get SPC 0 and are listed in
 * increasing edge number.
 *
 * With a root, the analysis runs on root and what it cites, transitively
 * (its ancestors in the flow): cycles are broken among those nodes, then
 * the nodes root no longer reaches are left out, so that root is the one
 * sink and every main path ends there.  Edges outside get SPC 0.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

#define NONE ((size_t)-1)

static int
fail(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0) {
        snprintf(err, errlen, "%s", msg);
    }
    return -1;
}

/* Marks active[] the nodes reachable from root along the edges not
 * dropped. */
static void
reach(const struct cite_graph *g, size_t root, const unsigned char *dropped,
      unsigned char *active, size_t *queue)
{
    memset(active, 0, g->nnodes);
    size_t head = 0, tail = 0;
    active[root] = 1;
    queue[tail++] = root;
    while (head < tail) {
        size_t u = queue[head++];
        for (size_t r = g->out_start[u]; r < g->out_start[u + 1]; r++) {
            size_t e = g->out_edge[r];
            size_t v = g->edges[e].to;
            if (!dropped[e] && !active[v]) {
                active[v] = 1;
                queue[tail++] = v;
            }
        }
    }
}

struct frame {
    size_t node;
    size_t pos;   /* next index into the node's out-row */
    size_t enter; /* the edge that led here, NONE for a root */
};

/* Is a worse than b as an edge to keep: lighter, or (ties) citing node
 * numbered higher. */
static int
weaker(const struct cite_graph *g, size_t a, size_t b)
{
    const struct cite_graph_edge *x = &g->edges[a], *y = &g->edges[b];
    if (x->weight != y->weight) {
        return x->weight < y->weight;
    }
    return x->from > y->from;
}

/* The depth-first search of the file comment. */
struct search {
    const struct cite_graph *g;
    unsigned char *dropped;
    unsigned char *colour;
    size_t *at; /* a grey node's place on the stack */
    struct frame *stack;
    size_t *pending; /* nodes the search had to give back */
    size_t npending;
    size_t pending_cap;
    size_t ndropped;
};

enum { WHITE, GREY, BLACK };

static void
give_back(struct search *s, size_t node)
{
    s->colour[node] = WHITE;
    if (s->npending == s->pending_cap) {
        s->pending_cap = s->pending_cap ? 2 * s->pending_cap : 64;
        s->pending = cite_i_xreallocarray(s->pending, s->pending_cap,
                                          sizeof *s->pending);
    }
    s->pending[s->npending++] = node;
}

static void
search_from(struct search *s, size_t root)
{
    const struct cite_graph *g = s->g;
    struct frame *stack = s->stack;
    size_t top = 0;
    stack[0] = (struct frame){root, g->out_start[root], NONE};
    s->colour[root] = GREY;
    s->at[root] = 0;
    for (;;) {
        struct frame *f = &stack[top];
        if (f->pos == g->out_start[f->node + 1]) {
            s->colour[f->node] = BLACK;
            if (top == 0) {
                return;
            }
            top--;
            continue;
        }
        size_t e = g->out_edge[f->pos++];
        if (s->dropped[e]) {
            continue;
        }
        size_t v = g->edges[e].to;
        if (s->colour[v] == WHITE) {
            top++;
            stack[top] = (struct frame){v, g->out_start[v], e};
            s->colour[v] = GREY;
            s->at[v] = top;
            continue;
        }
        if (s->colour[v] == BLACK) {
            continue;
        }
        /* a cycle: the stack from v up, and e back to v */
        size_t worst = e, cut = top + 1;
        for (size_t k = s->at[v] + 1; k <= top; k++) {
            if (weaker(g, stack[k].enter, worst)) {
                worst = stack[k].enter;
                cut = k;
            }
        }
        s->dropped[worst] = 1;
        s->ndropped++;
        /* undo the search above the citing end of the dropped edge (whose
         * frame has already moved past it); what is given back is searched
         * again, from here or later from the pending list */
        for (size_t k = cut; k <= top; k++) {
            give_back(s, stack[k].node);
        }
        if (cut <= top) {
            top = cut - 1;
        }
    }
}

/* Returns the number of edges dropped. */
static size_t
break_cycles(const struct cite_graph *g, const unsigned char *active,
             unsigned char *dropped)
{
    size_t n = g->nnodes ? g->nnodes : 1;
    struct search s = {g,
                       dropped,
                       cite_i_xcalloc(n, 1),
                       cite_i_xreallocarray(NULL, n, sizeof *s.at),
                       cite_i_xreallocarray(NULL, n, sizeof *s.stack),
                       NULL,
                       0,
                       0,
                       0};
    for (size_t r = 0; r < g->nnodes; r++) {
        if (active[r] && s.colour[r] == WHITE) {
            search_from(&s, r);
        }
        while (s.npending > 0) {
            size_t p = s.pending[--s.npending];
            if (s.colour[p] == WHITE) {
                search_from(&s, p);
            }
        }
    }
    free(s.pending);
    free(s.stack);
    free(s.at);
    free(s.colour);
    return s.ndropped;
}

/* Which edges count: both ends active, not dropped. */
static int
live(const struct cite_graph *g, const unsigned char *active,
     const unsigned char *dropped, size_t e)
{
    return !dropped[e] && active[g->edges[e].from] && active[g->edges[e].to];
}

/* Kahn's algorithm over the live edges, citing before cited, the nodes
 * nothing cites taken in node order.  Returns the number of nodes put in
 * order (all active nodes: the live edges are acyclic). */
static size_t
topo_order(const struct cite_graph *g, const unsigned char *active,
           const unsigned char *dropped, size_t *order)
{
    size_t n = g->nnodes;
    size_t *indeg = cite_i_xcalloc(n ? n : 1, sizeof *indeg);
    for (size_t e = 0; e < g->nedges; e++) {
        if (live(g, active, dropped, e)) {
            indeg[g->edges[e].to]++;
        }
    }
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < n; i++) {
        if (active[i] && indeg[i] == 0) {
            order[tail++] = i;
        }
    }
    while (head < tail) {
        size_t u = order[head++];
        for (size_t r = g->out_start[u]; r < g->out_start[u + 1]; r++) {
            size_t e = g->out_edge[r];
            if (live(g, active, dropped, e) && --indeg[g->edges[e].to] == 0) {
                order[tail++] = g->edges[e].to;
            }
        }
    }
    free(indeg);
    return tail;
}

/* The network the counts run on. */
struct net {
    const struct cite_graph *g;
    const unsigned char *active;
    const unsigned char *dropped;
    const size_t *order; /* citing before cited */
    size_t norder;
};

/* log(exp(a) + exp(b)), -INFINITY standing for log 0. */
static double
log_add(double a, double b)
{
    if (a == -INFINITY) {
        return b;
    }
    if (b == -INFINITY) {
        return a;
    }
    double hi = a > b ? a : b, lo = a > b ? b : a;
    return hi + log1p(exp(lo - hi));
}

/* up along the order, down against it, as counts or (logs) as their
 * natural logarithms. */
static void
path_counts(const struct net *t, int logs, double *up, double *down)
{
    const struct cite_graph *g = t->g;
    double zero = logs ? -INFINITY : 0, one = logs ? 0 : 1;
    for (size_t k = 0; k < t->norder; k++) {
        size_t x = t->order[k];
        double sum = zero;
        for (size_t r = g->in_start[x]; r < g->in_start[x + 1]; r++) {
            size_t e = g->in_edge[r];
            if (live(g, t->active, t->dropped, e)) {
                double u = up[g->edges[e].from];
                sum = logs ? log_add(sum, u) : sum + u;
            }
        }
        up[x] = sum == zero ? one : sum;
    }
    for (size_t k = t->norder; k-- > 0;) {
        size_t x = t->order[k];
        double sum = zero;
        for (size_t r = g->out_start[x]; r < g->out_start[x + 1]; r++) {
            size_t e = g->out_edge[r];
            if (live(g, t->active, t->dropped, e)) {
                double d = down[g->edges[e].to];
                sum = logs ? log_add(sum, d) : sum + d;
            }
        }
        down[x] = sum == zero ? one : sum;
    }
}

/*
 * best[x]: the heaviest flow path from x to a sink under the edge weights
 * w (SPC, or its logarithm); via[x] its first edge (a citation of x), NONE
 * at a sink.  Citing nodes come first in the order and each in-row is
 * sorted by citing node, so the strict comparison keeps the
 * lowest-numbered citing node on ties.  Returns 0 if a sum overflowed.
 */
static int
heaviest(const struct net *t, int logs, const double *w, double *best,
         size_t *via)
{
    const struct cite_graph *g = t->g;
    int finite = 1;
    for (size_t k = 0; k < t->norder; k++) {
        size_t x = t->order[k];
        best[x] = logs ? -INFINITY : 0;
        via[x] = NONE;
        for (size_t r = g->in_start[x]; r < g->in_start[x + 1]; r++) {
            size_t e = g->in_edge[r];
            if (!live(g, t->active, t->dropped, e)) {
                continue;
            }
            double b = best[g->edges[e].from];
            double sum = logs ? log_add(w[e], b) : w[e] + b;
            if (via[x] == NONE || sum > best[x]) {
                best[x] = sum;
                via[x] = e;
            }
        }
        finite = finite && isfinite(best[x]);
    }
    return finite;
}

int
cite_graph_mainpath(const struct cite_graph *g, size_t root,
                    struct cite_mainpath *mp, char *err, size_t errlen)
{
    if (mp == NULL) {
        return fail(err, errlen, "no place for the main path");
    }
    memset(mp, 0, sizeof *mp);
    if (g == NULL) {
        return fail(err, errlen, "no graph");
    }
    if (root != NONE && root >= g->nnodes) {
        return fail(err, errlen, "no such node");
    }
    size_t n = g->nnodes, m = g->nedges;
    unsigned char *active = cite_i_xreallocarray(NULL, n ? n : 1, 1);
    unsigned char *dropped = cite_i_xcalloc(m ? m : 1, 1);
    size_t *order = cite_i_xreallocarray(NULL, n ? n : 1, sizeof *order);
    if (root == NONE) {
        memset(active, 1, n);
    } else {
        reach(g, root, dropped, active, order);
    }
    mp->ndropped = break_cycles(g, active, dropped);
    if (root != NONE && mp->ndropped > 0) {
        reach(g, root, dropped, active, order);
    }
    size_t norder = topo_order(g, active, dropped, order);

    struct net t = {g, active, dropped, order, norder};
    double *up = cite_i_xcalloc(n ? n : 1, sizeof *up);
    double *down = cite_i_xcalloc(n ? n : 1, sizeof *down);
    double *best = cite_i_xcalloc(n ? n : 1, sizeof *best);
    size_t *via = cite_i_xreallocarray(NULL, n ? n : 1, sizeof *via);
    mp->spc = cite_i_xcalloc(m ? m : 1, sizeof *mp->spc);
    path_counts(&t, 0, up, down);
    int finite = 1;
    for (size_t e = 0; e < m; e++) {
        if (live(g, active, dropped, e)) {
            mp->spc[e] = up[g->edges[e].from] * down[g->edges[e].to];
            finite = finite && isfinite(mp->spc[e]);
        }
    }
    if (finite) {
        finite = heaviest(&t, 0, mp->spc, best, via);
    }
    if (!finite) {
        /* the counts outgrew doubles: again in logarithms */
        double *lw = cite_i_xcalloc(m ? m : 1, sizeof *lw);
        path_counts(&t, 1, up, down);
        for (size_t e = 0; e < m; e++) {
            if (live(g, active, dropped, e)) {
                lw[e] = up[g->edges[e].from] + down[g->edges[e].to];
                mp->spc[e] = exp(lw[e]);
            }
        }
        heaviest(&t, 1, lw, best, via);
        free(lw);
    }

    /* the start: the foundation (cites nothing live, is cited) with the
     * heaviest path, lowest number first */
    size_t start = NONE;
    for (size_t k = 0; k < norder; k++) {
        size_t x = order[k];
        if (via[x] == NONE) {
            continue; /* nothing cites x */
        }
        int cites = 0;
        for (size_t r = g->out_start[x]; r < g->out_start[x + 1] && !cites;
             r++) {
            cites = live(g, active, dropped, g->out_edge[r]);
        }
        if (!cites && (start == NONE || best[x] > best[start] ||
                       (best[x] == best[start] && x < start))) {
            start = x;
        }
    }
    if (start != NONE) {
        size_t len = 0;
        for (size_t x = start; via[x] != NONE; x = g->edges[via[x]].from) {
            len++;
        }
        mp->edges = cite_i_xreallocarray(NULL, len, sizeof *mp->edges);
        for (size_t x = start; via[x] != NONE; x = g->edges[via[x]].from) {
            mp->edges[mp->nedges++] = via[x];
        }
    }

    if (mp->ndropped > 0) {
        mp->dropped =
            cite_i_xreallocarray(NULL, mp->ndropped, sizeof *mp->dropped);
        size_t k = 0;
        for (size_t e = 0; e < m; e++) {
            if (dropped[e]) {
                mp->dropped[k++] = e;
            }
        }
    }
    free(best);
    free(via);
    free(up);
    free(down);
    free(order);
    free(dropped);
    free(active);
    return 0;
}

void
cite_graph_mainpath_release(struct cite_mainpath *mp)
{
    if (mp == NULL) {
        return;
    }
    free(mp->edges);
    free(mp->spc);
    free(mp->dropped);
    memset(mp, 0, sizeof *mp);
}
