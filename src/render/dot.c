/*
 * dot.c - writes the citation network, or the part of it the caller keeps,
 * as a Graphviz digraph.
 *
 * Nodes are named by their quoted ids and labelled with the id and, when
 * known, the date on a second line; shape and colour say which body issued
 * the document (instruments and other documents have their own), and a
 * dashed outline marks a node that was only cited, not read.  An edge's
 * pen grows with the logarithm of its mentions, so one resolution cited
 * forty times does not blot out the drawing, and a label gives the count
 * when it is above one.  Nodes come in node order and edges in edge order,
 * so the same graph always gives the same bytes.  Any id is safe: strings
 * go through cite_render_dot_string(), which keeps UTF-8 and escapes or
 * drops everything DOT would misread.  Numbers are formatted by hand so
 * that the locale cannot change them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/core_int.h"
#include "cite_render.h"

struct style {
    const char *shape;
    const char *fill;
    const char *line;
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
    [ST_HRC] = {"box", "#cfe2f3", "#3d85c6"},
    [ST_GA] = {"ellipse", "#d9ead3", "#6aa84f"},
    [ST_SC] = {"hexagon", "#f4cccc", "#cc0000"},
    [ST_CHR] = {"box", "#d9d2e9", "#674ea7"},
    [ST_SUBCOM] = {"box", "#ead1dc", "#a64d79"},
    [ST_ECOSOC] = {"ellipse", "#fff2cc", "#bf9000"},
    [ST_INSTRUMENT] = {"tab", "#fce5cd", "#b45f06"},
    [ST_DOCUMENT] = {"note", "#eeeeee", "#666666"},
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

static void
add_node(struct cite_i_buf *b, const struct cite_graph_node *node)
{
    const struct style *st = &styles[style_of(node)];
    struct cite_i_buf label = CITE_I_BUF_INIT;
    cite_i_buf_adds(&label, node->id);
    if (node->date != NULL && node->date[0] != '\0') {
        cite_i_buf_addc(&label, '\n');
        cite_i_buf_adds(&label, node->date);
    }
    cite_i_buf_adds(b, "    ");
    dot_quote(b, node->id);
    cite_i_buf_adds(b, " [label=");
    dot_quote(b, label.ptr);
    cite_i_buf_addf(b, ", shape=%s, fillcolor=\"%s\", color=\"%s\"", st->shape,
                    st->fill, st->line);
    if (!node->in_corpus) {
        cite_i_buf_adds(b, ", style=\"filled,dashed\"");
    }
    if (node->title != NULL && node->title[0] != '\0') {
        cite_i_buf_adds(b, ", tooltip=");
        dot_quote(b, node->title);
    }
    cite_i_buf_adds(b, "];\n");
    cite_i_buf_release(&label);
}

static void
add_edge(struct cite_i_buf *b, const struct cite_graph *g,
         const struct cite_graph_edge *e)
{
    double w = isfinite(e->weight) && e->weight > 1 ? e->weight : 1;
    double pen = 1 + log2(w);
    if (pen > 6) {
        pen = 6;
    }
    cite_i_buf_adds(b, "    ");
    dot_quote(b, cite_graph_node(g, e->from)->id);
    cite_i_buf_adds(b, " -> ");
    dot_quote(b, cite_graph_node(g, e->to)->id);
    cite_i_buf_adds(b, " [penwidth=");
    add_tenths(b, pen);
    if (w > 1) {
        cite_i_buf_adds(b, ", label=\"");
        if (w == floor(w) && w < 1e15) {
            cite_i_buf_addf(b, "%.0f", w);
        } else {
            add_tenths(b, w);
        }
        cite_i_buf_addc(b, '"');
    }
    cite_i_buf_adds(b, "];\n");
}

static int
emit(FILE *out, struct cite_i_buf *b)
{
    int rc = 0;
    if (b->len > 0 && fwrite(b->ptr, 1, b->len, out) != b->len) {
        rc = -1;
    }
    cite_i_buf_release(b);
    return rc != 0 || ferror(out) ? -1 : 0;
}

int
cite_render_dot(FILE *out, const struct cite_graph *g,
                const unsigned char *keep)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_buf_adds(&b, "digraph citations {\n"
                        "    graph [rankdir=LR, fontname=\"sans-serif\", "
                        "fontsize=10, nodesep=0.3, ranksep=0.8];\n"
                        "    node [fontname=\"sans-serif\", fontsize=10, "
                        "style=filled, penwidth=1.2];\n"
                        "    edge [fontname=\"sans-serif\", fontsize=9, "
                        "color=\"#555555\", arrowsize=0.7];\n");
    size_t n = cite_graph_node_count(g);
    for (size_t i = 0; i < n; i++) {
        if (keep == NULL || keep[i]) {
            add_node(&b, cite_graph_node(g, i));
        }
    }
    size_t m = cite_graph_edge_count(g);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        if (keep == NULL || (keep[e->from] && keep[e->to])) {
            add_edge(&b, g, e);
        }
    }
    cite_i_buf_adds(&b, "}\n");
    return emit(out, &b);
}

int
cite_render_dot_string(FILE *out, const char *s)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    dot_quote(&b, s);
    return emit(out, &b);
}
