/*
 * fuzz_render.c - libFuzzer target for the writers of the network: DOT
 * (plain and styled), the exports (GraphML, GML, JSON, CSV) and the metric
 * tables, whose escaping must hold for any id and title.
 *
 * Input: lines.  The first line holds the options: byte 0 is a set of
 * flags (1 timeline, 2-4 the clustering, 8 edge labels, 16 legend, 32
 * sizes, 64 bold edges, 128 keep only some nodes), byte 1 the focus node
 * and a seed for the choices below, the rest the caption.  Each further
 * line starts with an operation and gives its argument:
 *
 *   D id      a new citing document          R id      a new citation of it
 *   T title   the document's title           P text    a pinpoint of the citation
 *   d date    YYYY-MM-DD of the document     a date    the date the citation gives
 *   k xyz     body, type, session (bytes)    r xyz     type, body, relation (bytes)
 *   L lang    its language code
 *
 * Any other line is ignored.  Every output must be well-formed for its
 * syntax (see oracle.h), whatever the bytes of the ids and titles.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "core/core_int.h"
#include "oracle.h"
#include "render/render_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_DOCS = 48, MAX_REFS = 256, MAX_PINS = 8 };

/* Doubles a metric table might hold, and some it should survive. */
static const double specials[] = {
    0.0, 1.0, 0.5, -0.0, 1e308, -1e308, 4.9e-324, 1e-7, 123456789.125,
    3.0, NAN, INFINITY, -INFINITY, -1.0,
};

static void
date_arg(char *out, const char *s, size_t n)
{
    int y, m, d;
    char tmp[16];
    if (n != 10) {
        return;
    }
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    if (sscanf(tmp, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        (void)cite_i_date_format(out, y, m, d);
    }
}

/* Builds the corpus the lines describe. */
static void
parse(struct cite_corpus *c, const char *s, size_t n)
{
    struct cite_doc *doc = NULL;
    struct cite_ref *ref = NULL;
    size_t nrefs = 0;
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl != NULL ? (size_t)(nl - s) : n;
        const char *arg = s + 1;
        size_t alen = len > 0 ? len - 1 : 0;
        char op = len > 0 ? s[0] : '\0';
        if (op == 'D' && c->n < MAX_DOCS) {
            doc = cite_corpus_add(c);
            doc->info.id = cite_doc_strndup(doc, arg, alen);
            doc->source = cite_doc_strdup(doc, "fuzz");
            ref = NULL;
        } else if (doc != NULL && op == 'T') {
            doc->info.title = cite_doc_strndup(doc, arg, alen);
        } else if (doc != NULL && op == 'd') {
            date_arg(doc->info.date, arg, alen);
        } else if (doc != NULL && op == 'k' && alen >= 3) {
            doc->info.body = (enum cite_body)((unsigned char)arg[0] %
                                              CITE_BODY__COUNT);
            doc->info.type = (enum cite_type)((unsigned char)arg[1] %
                                              CITE_TYPE__COUNT);
            doc->info.session = (unsigned char)arg[2];
        } else if (doc != NULL && op == 'L') {
            char code[8] = "";
            memcpy(code, arg, alen < 7 ? alen : 7);
            doc->lang = cite_lang_from_code(code);
        } else if (doc != NULL && op == 'R' && nrefs < MAX_REFS) {
            ref = cite_doc_add_ref(doc);
            ref->target = cite_doc_strndup(doc, arg, alen);
            ref->type = CITE_TYPE_RESOLUTION;
            ref->line = ref->column = 1;
            nrefs++;
        } else if (ref != NULL && op == 'P' && ref->npinpoint < MAX_PINS) {
            cite_doc_add_pinpoint(doc, ref, arg, alen);
        } else if (ref != NULL && op == 'a') {
            date_arg(ref->date, arg, alen);
        } else if (ref != NULL && op == 'r' && alen >= 3) {
            ref->type = (enum cite_type)((unsigned char)arg[0] %
                                         CITE_TYPE__COUNT);
            ref->body = (enum cite_body)((unsigned char)arg[1] %
                                         CITE_BODY__COUNT);
            ref->relation = (enum cite_relation)((unsigned char)arg[2] %
                                                 CITE_REL__COUNT);
        }
        if (nl == NULL) {
            break;
        }
        s = nl + 1;
        n -= len + 1;
    }
}

typedef int (*check_fn)(const char *, size_t, const char **);

/* Opens a memory stream for a writer; finish() checks what it wrote. */
static FILE *
start(char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    FILE *f = open_memstream(buf, len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    return f;
}

static void
finish(FILE *f, char **buf, const size_t *len, int rc, check_fn check,
       const char *what)
{
    fclose(f); /* sets *buf and *len */
    FUZZ_CHECK(rc == 0, "%s: the writer gave %d", what, rc);
    const char *why = "";
    if (check != NULL) {
        FUZZ_CHECK(check(*buf, *len, &why), "%s: %s\n%s", what, why, *buf);
    }
    free(*buf);
}

/* Every line of a TSV table has as many fields as the header. */
static int
tsv_ok(const char *s, size_t n, const char **why)
{
    long first = -1, fields = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            fields++;
        } else if (s[i] == '\n' || s[i] == '\r') {
            if (s[i] == '\r') {
                *why = "CR in TSV";
                return 0;
            }
            if (first < 0) {
                first = fields;
            } else if (first != fields) {
                *why = "a row with another number of fields";
                return 0;
            }
            fields = 1;
        }
    }
    return 1;
}

static void
write_tables(const struct cite_graph *g, const double *values, size_t n)
{
    size_t *order = cite_i_xcalloc(n + 1, sizeof *order);
    for (size_t i = 0; i < n; i++) {
        order[i] = n - 1 - i;
    }
    static const struct {
        enum cite_table_format fmt;
        check_fn check;
        const char *what;
    } tables[] = {
        {CITE_TABLE_TEXT, oracle_utf8, "table text"},
        {CITE_TABLE_CSV, oracle_csv, "table csv"},
        {CITE_TABLE_TSV, tsv_ok, "table tsv"},
        {CITE_TABLE_JSON, oracle_json, "table json"},
    };
    char *buf;
    size_t len;
    for (size_t k = 0; k < sizeof tables / sizeof tables[0]; k++) {
        FILE *f = start(&buf, &len);
        int rc = cite_render_table(f, g, values, order, n, tables[k].fmt);
        finish(f, &buf, &len, rc, tables[k].check, tables[k].what);
    }
    FILE *f = start(&buf, &len);
    int rc = cite_i_render_table_yaml(f, g, values, order, n);
    finish(f, &buf, &len, rc, oracle_utf8, "table yaml");
    free(order);
}

static void
write_exports(const struct cite_graph *g)
{
    static const struct {
        enum cite_export_format fmt;
        check_fn check;
        const char *what;
    } exports[] = {
        {CITE_EXPORT_GRAPHML, oracle_xml, "GraphML"},
        {CITE_EXPORT_GML, oracle_gml, "GML"},
        {CITE_EXPORT_JSON, oracle_json, "JSON export"},
        {CITE_EXPORT_CSV_NODES, oracle_csv, "CSV nodes"},
        {CITE_EXPORT_CSV_EDGES, oracle_csv, "CSV edges"},
    };
    for (size_t k = 0; k < sizeof exports / sizeof exports[0]; k++) {
        char *buf;
        size_t len;
        FILE *f = start(&buf, &len);
        int rc = cite_render_export(f, g, exports[k].fmt);
        finish(f, &buf, &len, rc, exports[k].check, exports[k].what);
    }
}

static void
write_dot(const struct cite_graph *g, const struct cite_corpus *corpus,
          const unsigned char *opt, size_t optlen, const char *title)
{
    size_t n = cite_graph_node_count(g), m = cite_graph_edge_count(g);
    unsigned flags = optlen > 0 ? opt[0] : 0;
    unsigned seed = optlen > 1 ? opt[1] : 0;
    unsigned char *keep = cite_i_xcalloc(n + 1, 1);
    double *size = cite_i_xcalloc(n + 1, sizeof *size);
    size_t *community = cite_i_xcalloc(n + 1, sizeof *community);
    unsigned char *bold = cite_i_xcalloc(m + 1, 1);
    for (size_t i = 0; i < n; i++) {
        keep[i] = (i * 7 + seed) % 3 != 0;
        double v = specials[(i + seed) % (sizeof specials / sizeof specials[0])];
        size[i] = isfinite(v) && v > 0 ? v : 0;
        community[i] = (i + seed) % 4;
    }
    for (size_t k = 0; k < m; k++) {
        bold[k] = (k + seed) % 2;
    }
    struct cite_dot_edge_info *info = NULL;
    cite_render_dot_edges(&info, g, corpus);

    struct cite_dot_opts o;
    cite_dot_opts_init(&o);
    o.keep = flags & 128 ? keep : NULL;
    o.size = flags & 32 ? size : NULL;
    o.size_by = seed & 1 ? title : "pagerank";
    o.rank_by_year = flags & 1;
    o.cluster = (enum cite_dot_cluster)((flags >> 1) & 3);
    o.community = community;
    o.edges = info;
    o.edge_labels = (flags & 8) != 0;
    o.bold_edges = flags & 64 ? bold : NULL;
    o.focus = seed < n ? (long)seed : -1;
    if (o.focus >= 0) {
        keep[o.focus] = 1;
    }
    o.legend = (flags & 16) != 0;
    o.title = title;

    char *buf;
    size_t len;
    FILE *f = start(&buf, &len);
    int rc = cite_render_dot_ext(f, g, &o);
    finish(f, &buf, &len, rc, oracle_dot, "styled DOT");
    f = start(&buf, &len);
    rc = cite_render_dot(f, g, NULL);
    finish(f, &buf, &len, rc, oracle_dot, "plain DOT");
    for (size_t i = 0; i < n; i++) {
        f = start(&buf, &len);
        rc = cite_render_dot_string(f, cite_graph_node(g, i)->id);
        finish(f, &buf, &len, rc, oracle_dot, "DOT string");
    }
    cite_render_dot_edges_free(info, m);
    free(keep);
    free(size);
    free(community);
    free(bold);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    size_t optlen = nl != NULL ? (size_t)(nl - s) : size;
    char *title = cite_i_xstrndup(optlen > 2 ? s + 2 : "", optlen > 2 ? optlen - 2 : 0);

    struct cite_corpus corpus;
    cite_corpus_init(&corpus);
    if (nl != NULL) {
        parse(&corpus, nl + 1, size - optlen - 1);
    }
    struct cite_graph *g = NULL;
    char err[256];
    if (cite_graph_build(&g, &corpus, err, sizeof err) == 0) {
        size_t n = cite_graph_node_count(g);
        double *values = cite_i_xcalloc(n * CITE_M__COUNT + 1, sizeof *values);
        struct cite_metric_opts mo = {1, 0, NULL, NULL, 0};
        if (cite_graph_metrics_ext(g, &mo, values, err, sizeof err) == 0) {
            /* some cells get values the writers must still print well */
            for (size_t k = 0; k < optlen && k < n * CITE_M__COUNT; k++) {
                values[(k * 13) % (n * CITE_M__COUNT)] =
                    specials[(unsigned char)s[k] %
                             (sizeof specials / sizeof specials[0])];
            }
            write_tables(g, values, n);
        }
        free(values);
        write_exports(g);
        write_dot(g, &corpus, (const unsigned char *)s, optlen, title);
        cite_graph_free(g);
    }
    cite_corpus_release(&corpus);
    free(title);
    return 0;
}
