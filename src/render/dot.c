/*
 * dot.c - writes the citation network, or the part of it the caller keeps,
 * as a Graphviz digraph meant to be printed in a report.
 *
 * Nodes are named by their quoted ids and labelled with the id, the date
 * and the title cut to two short lines; the tooltip has the full title and
 * the date.  Shape and colour say which body issued the document
 * (instruments and other documents have their own), a dashed outline marks
 * a node that was only cited, not read, and the size can follow a metric.
 * Edges run citing -> cited, as the data says; the drawing runs right to
 * left (RL) so that what is cited, usually older, is on the left, and a
 * timeline (rank_by_year) runs bottom to top (BT) so that the oldest year
 * is at the top, with a column of year labels tied by invisible edges
 * (newest -> oldest, the way citations go).  A citation against time (of a
 * later document, an extraction error or a cycle) does not constrain the
 * ranks.  An edge's colour and dash say its clause (recalling,
 * reaffirming, ...), its pen grows with the logarithm of its mentions, and
 * a label can give the count and the pinpoints.  A legend lists only what
 * the drawing shows.
 *
 * Nodes come in node order, clusters and ranks in key order and edges in
 * edge order, so the same graph always gives the same bytes.  Any id is
 * safe: strings go through dot_quote(), which keeps UTF-8 and escapes or
 * drops everything DOT would misread; the legend is an HTML-like label of
 * our own fixed text.  Numbers are formatted by hand so that the locale
 * cannot change them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

struct style {
    const char *shape;
    const char *fill;
    const char *line;
    const char *name; /* for the legend and the clusters */
    const char *abbr; /* in the legend's swatch */
};

enum style_kind {
    ST_HRC,
    ST_GA,
    ST_SC,
    ST_CHR,
    ST_SUBCOM,
    ST_ECOSOC,
    ST_INSTRUMENT,
    ST_DOCUMENT,
    ST__COUNT
};

/* Pale fills so that black labels stay legible; the HRC and its
 * predecessor the CHR share a shape, and so do GA and ECOSOC. */
static const struct style styles[ST__COUNT] = {
    [ST_HRC] = {"box", "#cfe2f3", "#3d85c6", "Human Rights Council", "HRC"},
    [ST_GA] = {"ellipse", "#d9ead3", "#6aa84f", "General Assembly", "GA"},
    [ST_SC] = {"hexagon", "#f4cccc", "#cc0000", "Security Council", "SC"},
    [ST_CHR] = {"box", "#d9d2e9", "#674ea7", "Commission on Human Rights", "CHR"},
    [ST_SUBCOM] = {"box", "#ead1dc", "#a64d79", "Sub-Commission", "SUBCOM"},
    [ST_ECOSOC] = {"ellipse", "#fff2cc", "#bf9000",
                   "Economic and Social Council", "ECOSOC"},
    [ST_INSTRUMENT] = {"tab", "#fce5cd", "#b45f06", "instrument (treaty, "
                                                    "declaration)", "instrument"},
    [ST_DOCUMENT] = {"note", "#eeeeee", "#666666", "other document (report, "
                                                   "letter)", "document"},
};

static enum style_kind
style_of(const struct cite_graph_node *node)
{
    if (node->type == CITE_TYPE_INSTRUMENT) {
        return ST_INSTRUMENT;
    }
    switch (node->body) {
    case CITE_BODY_HRC:
        return ST_HRC;
    case CITE_BODY_GA:
        return ST_GA;
    case CITE_BODY_SC:
        return ST_SC;
    case CITE_BODY_CHR:
        return ST_CHR;
    case CITE_BODY_SUBCOM:
        return ST_SUBCOM;
    case CITE_BODY_ECOSOC:
        return ST_ECOSOC;
    default:
        return ST_DOCUMENT;
    }
}

/* Relations drawn alike: preambular recalls, reaffirmations, frames
 * (guided by, bearing in mind), acknowledgements, operative clauses. */
enum rel_class {
    RC_RECALL,
    RC_REAFFIRM,
    RC_FRAME,
    RC_NOTE,
    RC_OPERATIVE,
    RC_NONE,
    RC__COUNT
};

static const struct {
    const char *color;
    const char *style;
    const char *sample; /* the line in the legend */
    const char *name;
} rel_styles[RC__COUNT] = {
    [RC_RECALL] = {"#555555", "solid", "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81",
                   "recalling"},
    [RC_REAFFIRM] = {"#1c4587", "solid",
                     "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81",
                     "reaffirming, reiterating, affirming"},
    [RC_FRAME] = {"#7f6000", "dashed", "\xE2\x95\x8D\xE2\x95\x8D\xE2\x95\x8D",
                  "guided by, bearing in mind, acting under"},
    [RC_NOTE] = {"#38761d", "dashed", "\xE2\x95\x8D\xE2\x95\x8D\xE2\x95\x8D",
                 "welcoming, noting, recognizing, stressing"},
    [RC_OPERATIVE] = {"#990000", "solid",
                      "\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81",
                      "operative: deciding, requesting, urging"},
    [RC_NONE] = {"#999999", "dotted", "\xE2\x94\x88\xE2\x94\x88\xE2\x94\x88",
                 "no clause (footnote, heading)"},
};

static enum rel_class
rel_class_of(enum cite_relation r)
{
    switch (r) {
    case CITE_REL_RECALLING:
        return RC_RECALL;
    case CITE_REL_REAFFIRMING:
    case CITE_REL_REITERATING:
    case CITE_REL_AFFIRMING:
        return RC_REAFFIRM;
    case CITE_REL_GUIDED_BY:
    case CITE_REL_BEARING_IN_MIND:
    case CITE_REL_ACTING_UNDER:
    case CITE_REL_CONSIDERING:
        return RC_FRAME;
    case CITE_REL_RECOGNIZING:
    case CITE_REL_ACKNOWLEDGING:
    case CITE_REL_WELCOMING:
    case CITE_REL_NOTING:
    case CITE_REL_TAKING_NOTE:
    case CITE_REL_EMPHASIZING:
    case CITE_REL_STRESSING:
    case CITE_REL_EXPRESSING:
        return RC_NOTE;
    case CITE_REL_DECIDING:
    case CITE_REL_REQUESTING:
    case CITE_REL_CALLING_UPON:
    case CITE_REL_URGING:
    case CITE_REL_ENCOURAGING:
    case CITE_REL_INVITING:
    case CITE_REL_ENDORSING:
    case CITE_REL_CONDEMNING:
    case CITE_REL_DEPLORING:
    case CITE_REL_DEMANDING:
    case CITE_REL_APPROVING:
        return RC_OPERATIVE;
    default:
        return RC_NONE;
    }
}

/*
 * DOT's quoted string: only \" is an escape to the parser, but labels
 * give \n, \l, \N and friends a meaning, so a backslash is doubled to stay
 * a backslash.  Line breaks become \n; a tab becomes a space; other
 * control characters mean nothing in a label and are dropped; invalid
 * UTF-8 (which Graphviz rejects) becomes U+FFFD.
 */
static void
dot_quote(struct cite_i_buf *b, const char *str)
{
    cite_i_buf_addc(b, '"');
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp == '"') {
            cite_i_buf_adds(b, "\\\"");
        } else if (cp == '\\') {
            cite_i_buf_adds(b, "\\\\");
        } else if (cp == '\n') {
            cite_i_buf_adds(b, "\\n");
        } else if (cp == '\r') {
            if (i + 1 >= n || s[i + 1] != '\n') {
                cite_i_buf_adds(b, "\\n");
            }
        } else if (cp == '\t') {
            cite_i_buf_addc(b, ' ');
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            /* dropped */
        } else if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(b, "\xEF\xBF\xBD");
        } else {
            cite_i_buf_add(b, (const char *)s + i, len);
        }
        i += len;
    }
    cite_i_buf_addc(b, '"');
}

/* x >= 0 with one decimal, whatever the locale. */
static void
add_tenths(struct cite_i_buf *b, double x)
{
    long t = lround(x * 10);
    cite_i_buf_addf(b, "%ld.%ld", t / 10, t % 10);
}

/* --- titles cut to fit a label ------------------------------------------ */

enum { TITLE_COLS = 26, TITLE_LINES = 2 };

static int
is_wide(unsigned cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

/*
 * Appends title to b as at most TITLE_LINES lines of about TITLE_COLS
 * columns (wide characters count two), breaking at a space when there is
 * one in the line, anywhere otherwise (Chinese has no spaces), and ending
 * with an ellipsis when there is more.  White space runs fold to one space.
 * Lines are separated by real '\n' (dot_quote writes them as \n).
 */
static void
add_wrapped(struct cite_i_buf *b, const char *title)
{
    const unsigned char *s = (const unsigned char *)title;
    size_t n = strlen(title), i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
                     s[i] == '\r')) {
        i++;
    }
    for (int line = 0; line < TITLE_LINES && i < n; line++) {
        size_t start = i, cols = 0, brk = 0, j = i;
        while (j < n) {
            unsigned cp;
            size_t len = cite_i_utf8_decode(s + j, n - j, &cp);
            size_t w = is_wide(cp) ? 2 : 1;
            if (cols + w > TITLE_COLS) {
                break;
            }
            if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') {
                brk = j;
            }
            cols += w;
            j += len;
        }
        size_t end = j;
        if (j < n && brk > start && s[j] != ' ' && s[j] != '\n') {
            end = brk; /* do not cut a word */
        }
        if (line > 0) {
            cite_i_buf_addc(b, '\n');
        }
        int space = 0;
        for (size_t k = start; k < end; k++) {
            int ws = s[k] == ' ' || s[k] == '\n' || s[k] == '\t' ||
                     s[k] == '\r';
            if (ws) {
                space = 1;
                continue;
            }
            if (space) {
                cite_i_buf_addc(b, ' ');
                space = 0;
            }
            cite_i_buf_addc(b, (char)s[k]);
        }
        i = end;
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
                         s[i] == '\r')) {
            i++;
        }
        if (line == TITLE_LINES - 1 && i < n) {
            cite_i_buf_adds(b, "\xE2\x80\xA6"); /* ... */
        }
    }
}

/* --- per-edge data from the corpus -------------------------------------- */

struct mention {
    size_t edge;
    size_t order;
    const struct cite_ref *ref;
};

struct edge_key {
    size_t from, to, edge;
};

static int
cmp_edge_key(const void *a, const void *b)
{
    const struct edge_key *x = a, *y = b;
    if (x->from != y->from) {
        return x->from < y->from ? -1 : 1;
    }
    if (x->to != y->to) {
        return x->to < y->to ? -1 : 1;
    }
    return 0;
}

static int
cmp_mention(const void *a, const void *b)
{
    const struct mention *x = a, *y = b;
    if (x->edge != y->edge) {
        return x->edge < y->edge ? -1 : 1;
    }
    return x->order < y->order ? -1 : x->order > y->order;
}

void
cite_render_dot_edges(struct cite_dot_edge_info **out,
                      const struct cite_graph *g,
                      const struct cite_corpus *corpus)
{
    size_t m = cite_graph_edge_count(g);
    struct cite_dot_edge_info *info = cite_i_xcalloc(m + 1, sizeof *info);
    *out = info;
    if (m == 0) {
        return;
    }
    struct edge_key *keys = cite_i_xcalloc(m, sizeof *keys);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        keys[k].from = e->from;
        keys[k].to = e->to;
        keys[k].edge = k;
    }
    qsort(keys, m, sizeof *keys, cmp_edge_key);
    struct mention *ms = NULL;
    size_t nm = 0, cap = 0;
    for (size_t d = 0; d < corpus->n; d++) {
        const struct cite_doc *doc = &corpus->docs[d];
        if (doc->info.id == NULL) {
            continue;
        }
        long from = cite_graph_find(g, doc->info.id);
        if (from < 0) {
            continue;
        }
        for (size_t r = 0; r < doc->nrefs; r++) {
            long to = cite_graph_find(g, doc->refs[r].target);
            if (to < 0) {
                continue;
            }
            struct edge_key key = {(size_t)from, (size_t)to, 0};
            const struct edge_key *hit =
                bsearch(&key, keys, m, sizeof *keys, cmp_edge_key);
            if (hit == NULL) {
                continue;
            }
            if (nm == cap) {
                cap = cap ? 2 * cap : 64;
                ms = cite_i_xreallocarray(ms, cap, sizeof *ms);
            }
            ms[nm].edge = hit->edge;
            ms[nm].order = nm;
            ms[nm].ref = &doc->refs[r];
            nm++;
        }
    }
    if (nm > 0) {
        qsort(ms, nm, sizeof *ms, cmp_mention);
    }
    for (size_t a = 0; a < nm;) {
        size_t z = a;
        while (z < nm && ms[z].edge == ms[a].edge) {
            z++;
        }
        /* the commonest relation; the first seen on a tie */
        size_t count[CITE_REL__COUNT] = {0};
        for (size_t k = a; k < z; k++) {
            count[ms[k].ref->relation]++;
        }
        enum cite_relation best = ms[a].ref->relation;
        for (size_t k = a; k < z; k++) {
            enum cite_relation r = ms[k].ref->relation;
            if (count[r] > count[best]) {
                best = r;
            }
        }
        struct cite_i_buf pins = CITE_I_BUF_INIT;
        for (size_t k = a; k < z; k++) {
            const struct cite_ref *ref = ms[k].ref;
            for (size_t p = 0; p < ref->npinpoint; p++) {
                int seen = 0;
                for (size_t q = a; q <= k && !seen; q++) {
                    size_t lim = q == k ? p : ms[q].ref->npinpoint;
                    for (size_t t = 0; t < lim; t++) {
                        if (strcmp(ms[q].ref->pinpoint[t], ref->pinpoint[p]) ==
                            0) {
                            seen = 1;
                            break;
                        }
                    }
                }
                if (!seen) {
                    if (pins.len > 0) {
                        cite_i_buf_adds(&pins, ", ");
                    }
                    cite_i_buf_adds(&pins, ref->pinpoint[p]);
                }
            }
        }
        info[ms[a].edge].relation = best;
        info[ms[a].edge].pinpoints = pins.len > 0 ? pins.ptr : NULL;
        if (pins.len == 0) {
            cite_i_buf_release(&pins);
        }
        a = z;
    }
    free(ms);
    free(keys);
}

void
cite_render_dot_edges_free(struct cite_dot_edge_info *e, size_t n)
{
    if (e == NULL) {
        return;
    }
    for (size_t k = 0; k < n; k++) {
        free(e[k].pinpoints);
    }
    free(e);
}

/* --- the drawing -------------------------------------------------------- */

void
cite_dot_opts_init(struct cite_dot_opts *o)
{
    memset(o, 0, sizeof *o);
    o->focus = -1;
    o->legend = 1;
}

struct writer {
    struct cite_i_buf *b;
    const struct cite_graph *g;
    const struct cite_dot_opts *o;
    double size_max;
    const char *prefix; /* of our own node names, unlike any id */
    int used_kind[ST__COUNT];
    int used_rel[RC__COUNT];
    int used_external, used_bold, used_count;
};

static int
kept(const struct writer *w, size_t i)
{
    return w->o->keep == NULL || w->o->keep[i];
}

static void
add_node(struct writer *w, size_t i, const char *indent)
{
    const struct cite_graph_node *node = cite_graph_node(w->g, i);
    enum style_kind kind = style_of(node);
    const struct style *st = &styles[kind];
    int dated = node->date != NULL && node->date[0] != '\0';
    int titled = node->title != NULL && node->title[0] != '\0';
    struct cite_i_buf label = CITE_I_BUF_INIT;
    cite_i_buf_adds(&label, node->id);
    if (dated) {
        cite_i_buf_addc(&label, '\n');
        cite_i_buf_adds(&label, node->date);
    }
    if (titled) {
        cite_i_buf_addc(&label, '\n');
        add_wrapped(&label, node->title);
    }
    struct cite_i_buf *b = w->b;
    cite_i_buf_adds(b, indent);
    dot_quote(b, node->id);
    cite_i_buf_adds(b, " [label=");
    dot_quote(b, label.ptr);
    cite_i_buf_addf(b, ", shape=%s, fillcolor=\"%s\", color=\"%s\"", st->shape,
                    st->fill, st->line);
    if (!node->in_corpus) {
        cite_i_buf_adds(b, ", style=\"filled,dashed\"");
        w->used_external = 1;
    }
    if (w->o->focus >= 0 && (size_t)w->o->focus == i) {
        cite_i_buf_adds(b, ", penwidth=3.0");
    }
    if (w->o->size != NULL && w->size_max > 0) {
        double v = w->o->size[i];
        double s = isfinite(v) && v > 0 ? sqrt(v / w->size_max) : 0;
        cite_i_buf_adds(b, ", fontsize=");
        add_tenths(b, 8 + 10 * s);
    }
    if (titled || dated) {
        struct cite_i_buf tip = CITE_I_BUF_INIT;
        if (titled) {
            cite_i_buf_adds(&tip, node->title);
        }
        if (dated) {
            cite_i_buf_addf(&tip, titled ? " (%s)" : "%s", node->date);
        }
        cite_i_buf_adds(b, ", tooltip=");
        dot_quote(b, tip.ptr);
        cite_i_buf_release(&tip);
    }
    cite_i_buf_adds(b, "];\n");
    cite_i_buf_release(&label);
    w->used_kind[kind] = 1;
}

static void
add_edge(struct writer *w, size_t k)
{
    const struct cite_graph_edge *e = cite_graph_edge(w->g, k);
    const struct cite_graph_node *from = cite_graph_node(w->g, e->from);
    const struct cite_graph_node *to = cite_graph_node(w->g, e->to);
    struct cite_i_buf *b = w->b;
    double wt = isfinite(e->weight) && e->weight > 1 ? e->weight : 1;
    double pen = 1 + log2(wt);
    if (pen > 6) {
        pen = 6;
    }
    int bold = w->o->bold_edges != NULL && w->o->bold_edges[k];
    if (bold) {
        pen += 2;
        w->used_bold = 1;
    }
    cite_i_buf_adds(b, "    ");
    dot_quote(b, from->id);
    cite_i_buf_adds(b, " -> ");
    dot_quote(b, to->id);
    cite_i_buf_adds(b, " [penwidth=");
    add_tenths(b, pen);
    const struct cite_dot_edge_info *info =
        w->o->edges != NULL ? &w->o->edges[k] : NULL;
    if (info != NULL) {
        enum rel_class rc = rel_class_of(info->relation);
        w->used_rel[rc] = 1;
        cite_i_buf_addf(b, ", color=\"%s\"", rel_styles[rc].color);
        if (strcmp(rel_styles[rc].style, "solid") != 0) {
            cite_i_buf_addf(b, ", style=%s", rel_styles[rc].style);
        }
    }
    struct cite_i_buf label = CITE_I_BUF_INIT;
    if (w->o->edge_labels && info != NULL && info->pinpoints != NULL) {
        cite_i_buf_adds(&label, "\xC2\xB6 "); /* pilcrow */
        cite_i_buf_adds(&label, info->pinpoints);
    }
    if (wt > 1) {
        w->used_count = 1;
        if (label.len > 0) {
            cite_i_buf_addc(&label, ' ');
        }
        cite_i_buf_adds(&label, "\xC3\x97"); /* times */
        if (wt == floor(wt) && wt < 1e15) {
            cite_i_buf_addf(&label, "%.0f", wt);
        } else {
            add_tenths(&label, wt);
        }
    }
    if (label.len > 0) {
        cite_i_buf_adds(b, ", label=");
        dot_quote(b, label.ptr);
    }
    cite_i_buf_release(&label);
    if (info != NULL && info->relation != CITE_REL_NONE) {
        struct cite_i_buf tip = CITE_I_BUF_INIT;
        cite_i_buf_adds(&tip, from->id);
        cite_i_buf_addc(&tip, ' ');
        cite_i_buf_adds(&tip, cite_relation_name(info->relation));
        cite_i_buf_addc(&tip, ' ');
        cite_i_buf_adds(&tip, to->id);
        cite_i_buf_adds(b, ", tooltip=");
        dot_quote(b, tip.ptr);
        cite_i_buf_release(&tip);
    }
    if (w->o->rank_by_year && (from->year == 0 ? to->year != 0
                                               : from->year < to->year)) {
        /* against time: drawn, but it does not move the ranks */
        cite_i_buf_adds(b, ", constraint=false");
    }
    cite_i_buf_adds(b, "];\n");
}

/* The cluster of node i, or -1 for none. */
static long
cluster_key(const struct writer *w, size_t i)
{
    const struct cite_graph_node *node = cite_graph_node(w->g, i);
    switch (w->o->cluster) {
    case CITE_DOT_CLUSTER_BODY:
        return (long)style_of(node);
    case CITE_DOT_CLUSTER_SESSION:
        if (node->session <= 0 || style_of(node) >= ST_INSTRUMENT) {
            return -1;
        }
        return (long)style_of(node) * 1000000L + node->session;
    case CITE_DOT_CLUSTER_COMMUNITY:
        return w->o->community != NULL ? (long)w->o->community[i] : -1;
    default:
        return -1;
    }
}

static int
cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* The distinct values of v[0..n), sorted, in place; returns their count. */
static size_t
distinct(long *v, size_t n)
{
    if (n == 0) {
        return 0;
    }
    qsort(v, n, sizeof *v, cmp_long);
    size_t k = 1;
    for (size_t i = 1; i < n; i++) {
        if (v[i] != v[k - 1]) {
            v[k++] = v[i];
        }
    }
    return k;
}

static void
add_nodes(struct writer *w)
{
    size_t n = cite_graph_node_count(w->g);
    if (w->o->cluster == CITE_DOT_CLUSTER_NONE) {
        for (size_t i = 0; i < n; i++) {
            if (kept(w, i)) {
                add_node(w, i, "    ");
            }
        }
        return;
    }
    long *keys = cite_i_xcalloc(n + 1, sizeof *keys);
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept(w, i) && cluster_key(w, i) >= 0) {
            keys[nk++] = cluster_key(w, i);
        }
    }
    nk = distinct(keys, nk);
    for (size_t c = 0; c < nk; c++) {
        cite_i_buf_addf(w->b, "    subgraph cluster_%zu {\n", c + 1);
        struct cite_i_buf label = CITE_I_BUF_INIT;
        if (w->o->cluster == CITE_DOT_CLUSTER_COMMUNITY) {
            cite_i_buf_addf(&label, "community %ld", keys[c] + 1);
        } else if (w->o->cluster == CITE_DOT_CLUSTER_BODY) {
            cite_i_buf_adds(&label, styles[keys[c]].name);
        } else {
            cite_i_buf_addf(&label, "%s, session %ld",
                            styles[keys[c] / 1000000L].name,
                            keys[c] % 1000000L);
        }
        cite_i_buf_adds(w->b, "        label=");
        dot_quote(w->b, label.ptr);
        cite_i_buf_release(&label);
        cite_i_buf_adds(w->b, "; style=rounded; color=\"#bbbbbb\"; "
                              "fontcolor=\"#444444\"; fontsize=12;\n");
        for (size_t i = 0; i < n; i++) {
            if (kept(w, i) && cluster_key(w, i) == keys[c]) {
                add_node(w, i, "        ");
            }
        }
        cite_i_buf_adds(w->b, "    }\n");
    }
    for (size_t i = 0; i < n; i++) {
        if (kept(w, i) && cluster_key(w, i) < 0) {
            add_node(w, i, "    ");
        }
    }
    free(keys);
}

/* The timeline: a rank per year, its label in a column of its own. */
static void
add_years(struct writer *w)
{
    size_t n = cite_graph_node_count(w->g);
    long *years = cite_i_xcalloc(n + 1, sizeof *years);
    size_t ny = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept(w, i)) {
            years[ny++] = cite_graph_node(w->g, i)->year;
        }
    }
    ny = distinct(years, ny);
    struct cite_i_buf *b = w->b;
    cite_i_buf_adds(b, "    node [shape=plaintext, style=\"\", fontsize=14, "
                       "fontcolor=\"#666666\"];\n");
    for (size_t y = 0; y < ny; y++) {
        cite_i_buf_addf(b, "    \"%syear:%ld\" [label=\"", w->prefix, years[y]);
        if (years[y] == 0) {
            cite_i_buf_adds(b, "undated");
        } else {
            cite_i_buf_addf(b, "%ld", years[y]);
        }
        cite_i_buf_adds(b, "\"];\n");
    }
    /* newest -> oldest -> undated (0, sorted first), as citations go */
    for (size_t y = ny; y-- > 1;) {
        cite_i_buf_addf(b, "    \"%syear:%ld\" -> \"%syear:%ld\" [style=invis];\n",
                        w->prefix, years[y], w->prefix, years[y - 1]);
    }
    for (size_t y = 0; y < ny; y++) {
        cite_i_buf_addf(b, "    { rank=same; \"%syear:%ld\";", w->prefix,
                        years[y]);
        for (size_t i = 0; i < n; i++) {
            if (kept(w, i) && cite_graph_node(w->g, i)->year == years[y]) {
                cite_i_buf_addc(b, ' ');
                dot_quote(b, cite_graph_node(w->g, i)->id);
                cite_i_buf_addc(b, ';');
            }
        }
        cite_i_buf_adds(b, " }\n");
    }
    free(years);
}

/* The legend: an HTML-like table of our own fixed strings. */
static void
add_legend(struct writer *w)
{
    struct cite_i_buf *b = w->b;
    cite_i_buf_addf(b, "    \"%slegend\" [shape=plaintext, style=\"\", "
                       "fontsize=10, fontcolor=black, tooltip=\"legend\", "
                       "label=<\n",
                    w->prefix);
    cite_i_buf_adds(b, "      <TABLE BORDER=\"1\" COLOR=\"#999999\" "
                       "CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">\n"
                       "      <TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend"
                       "</B></TD></TR>\n");
    for (int k = 0; k < ST__COUNT; k++) {
        if (!w->used_kind[k]) {
            continue;
        }
        cite_i_buf_addf(b, "      <TR><TD BGCOLOR=\"%s\" BORDER=\"1\" "
                           "COLOR=\"%s\">%s</TD><TD ALIGN=\"LEFT\">%s</TD>"
                           "</TR>\n",
                        styles[k].fill, styles[k].line, styles[k].abbr,
                        styles[k].name);
    }
    if (w->used_external) {
        cite_i_buf_adds(b, "      <TR><TD BORDER=\"1\" STYLE=\"dashed\">"
                           "dashed</TD><TD ALIGN=\"LEFT\">cited, not in the "
                           "corpus</TD></TR>\n");
    }
    for (int r = 0; r < RC__COUNT; r++) {
        if (!w->used_rel[r]) {
            continue;
        }
        cite_i_buf_addf(b, "      <TR><TD><FONT COLOR=\"%s\">%s</FONT></TD>"
                           "<TD ALIGN=\"LEFT\">%s</TD></TR>\n",
                        rel_styles[r].color, rel_styles[r].sample,
                        rel_styles[r].name);
    }
    if (w->used_bold) {
        cite_i_buf_adds(b, "      <TR><TD><B>thick</B></TD><TD ALIGN=\"LEFT\">"
                           "the main path</TD></TR>\n");
    }
    if (w->used_count) {
        cite_i_buf_adds(b, "      <TR><TD>\xC3\x97" "n</TD><TD ALIGN=\"LEFT\">"
                           "cited n times</TD></TR>\n");
    }
    if (w->o->edge_labels) {
        cite_i_buf_adds(b, "      <TR><TD>\xC2\xB6 n</TD><TD ALIGN=\"LEFT\">"
                           "paragraphs cited</TD></TR>\n");
    }
    if (w->o->size != NULL && w->size_max > 0) {
        /* the metric's name is ours (cite_metric_name), but be safe */
        cite_i_buf_adds(b, "      <TR><TD>size</TD><TD ALIGN=\"LEFT\">");
        for (const char *p = w->o->size_by != NULL ? w->o->size_by : "metric";
             *p != '\0'; p++) {
            if ((*p >= 'a' && *p <= 'z') || *p == '_') {
                cite_i_buf_addc(b, *p);
            }
        }
        cite_i_buf_adds(b, "</TD></TR>\n");
    }
    cite_i_buf_adds(b, "      <TR><TD>A \xE2\x86\x92 B</TD><TD ALIGN=\"LEFT\">"
                       "A cites B</TD></TR>\n"
                       "      </TABLE>>];\n");
}

int
cite_render_dot_ext(FILE *out, const struct cite_graph *g,
                    const struct cite_dot_opts *o)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    struct writer w;
    memset(&w, 0, sizeof w);
    w.b = &b;
    w.g = g;
    w.o = o;
    size_t n = cite_graph_node_count(g);
    if (o->size != NULL) {
        for (size_t i = 0; i < n; i++) {
            if (kept(&w, i) && isfinite(o->size[i]) && o->size[i] > w.size_max) {
                w.size_max = o->size[i];
            }
        }
    }
    /* our own node names start with a prefix no kept id starts with */
    struct cite_i_buf prefix = CITE_I_BUF_INIT;
    cite_i_buf_adds(&prefix, "citegraph:");
    for (int clash = 1; clash;) {
        clash = 0;
        for (size_t i = 0; i < n && !clash; i++) {
            if (strncmp(cite_graph_node(g, i)->id, prefix.ptr, prefix.len) ==
                0) {
                clash = 1;
            }
        }
        if (clash) {
            cite_i_buf_addc(&prefix, ':');
        }
    }
    w.prefix = prefix.ptr;

    cite_i_buf_adds(&b, "digraph citations {\n    graph [");
    cite_i_buf_adds(&b, o->rank_by_year ? "rankdir=BT, newrank=true"
                                        : "rankdir=RL");
    cite_i_buf_adds(&b, ", fontname=\"sans-serif\", fontsize=12, "
                        "nodesep=0.3, ranksep=0.6, outputorder=edgesfirst");
    if (o->title != NULL && o->title[0] != '\0') {
        cite_i_buf_adds(&b, ", labelloc=t, fontsize=16, label=");
        dot_quote(&b, o->title);
    }
    cite_i_buf_adds(&b, "];\n"
                        "    node [fontname=\"sans-serif\", fontsize=10, "
                        "style=filled, penwidth=1.2, margin=\"0.12,0.06\"];\n"
                        "    edge [fontname=\"sans-serif\", fontsize=9, "
                        "color=\"#555555\", arrowsize=0.7];\n");
    add_nodes(&w);
    size_t m = cite_graph_edge_count(g);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        if (kept(&w, e->from) && kept(&w, e->to)) {
            add_edge(&w, k);
        }
    }
    if (o->rank_by_year) {
        add_years(&w);
    }
    if (o->legend) {
        add_legend(&w);
    }
    cite_i_buf_adds(&b, "}\n");
    cite_i_buf_release(&prefix);
    return cite_i_emit(out, &b);
}

int
cite_render_dot(FILE *out, const struct cite_graph *g,
                const unsigned char *keep)
{
    struct cite_dot_opts o;
    cite_dot_opts_init(&o);
    o.keep = keep;
    return cite_render_dot_ext(out, g, &o);
}

int
cite_render_dot_string(FILE *out, const char *s)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    dot_quote(&b, s);
    return cite_i_emit(out, &b);
}
