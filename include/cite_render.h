/*
 * cite_render.h - writers: Graphviz DOT, metric tables and the reports of
 * `check` (text, JSON, SARIF, GitHub workflow commands, JUnit XML).
 *
 * Writers take a FILE * (borrowed) and return 0, or -1 on a write error.
 */
#ifndef CITE_RENDER_H
#define CITE_RENDER_H

#include <stdio.h>

#include "cite_diag.h"
#include "cite_graph.h"

enum cite_table_format {
    CITE_TABLE_TEXT,
    CITE_TABLE_CSV,
    CITE_TABLE_TSV,
    CITE_TABLE_JSON
};

/*
 * Writes the rows order[0..n) of the metric table values (as filled by
 * cite_graph_metrics) in the given format.  CSV and TSV have the header
 * row "id" followed by the metric names.
 */
int cite_render_table(FILE *out, const struct cite_graph *g,
                      const double *values, const size_t *order, size_t n,
                      enum cite_table_format fmt);

/*
 * Writes the subgraph of the nodes whose keep byte is non-zero (all nodes
 * when keep is NULL) as a Graphviz digraph with the default style
 * (cite_render_dot_ext with cite_dot_opts_init's options).
 */
int cite_render_dot(FILE *out, const struct cite_graph *g,
                    const unsigned char *keep);

/* How cite_render_dot_ext groups nodes into boxes. */
enum cite_dot_cluster {
    CITE_DOT_CLUSTER_NONE,
    CITE_DOT_CLUSTER_BODY,      /* one box per issuing body */
    CITE_DOT_CLUSTER_SESSION,   /* one box per body and session */
    CITE_DOT_CLUSTER_COMMUNITY  /* one box per community (opts.community) */
};

/* What the corpus says of one edge (citing -> cited pair). */
struct cite_dot_edge_info {
    enum cite_relation relation; /* the commonest among its mentions (the
                                    first in corpus order on a tie) */
    char *pinpoints;             /* "3, 4(c)" (distinct, in order), or NULL;
                                    malloc'd */
};

/*
 * The relation and pinpoints of every edge of g, from the mentions in
 * corpus (the corpus g was built from).  *out gets cite_graph_edge_count(g)
 * entries; free them with cite_render_dot_edges_free().
 */
void cite_render_dot_edges(struct cite_dot_edge_info **out,
                           const struct cite_graph *g,
                           const struct cite_corpus *corpus);
void cite_render_dot_edges_free(struct cite_dot_edge_info *e, size_t n);

/* Everything cite_render_dot_ext draws.  Arrays are borrowed. */
struct cite_dot_opts {
    const unsigned char *keep;   /* node flags; NULL keeps every node */
    const double *size;          /* per node, >= 0: node size grows with it;
                                    NULL: one size */
    const char *size_by;         /* the metric's name, for the legend */
    int rank_by_year;            /* a timeline: one rank per year, oldest at
                                    the top, undated documents above it */
    enum cite_dot_cluster cluster;
    const size_t *community;     /* per node, for CITE_DOT_CLUSTER_COMMUNITY */
    const struct cite_dot_edge_info *edges; /* per edge; NULL: not known */
    int edge_labels;             /* label edges with their pinpoints */
    const unsigned char *bold_edges; /* per edge (the main path); may be NULL */
    long focus;                  /* node drawn with a heavy outline, or -1 */
    int legend;                  /* draw the legend (default 1) */
    const char *title;           /* caption of the drawing, or NULL */
};

void cite_dot_opts_init(struct cite_dot_opts *o);

/*
 * Writes the kept subgraph of g as a styled Graphviz digraph: colour and
 * shape by body and type, a dashed outline for documents only cited,
 * labels with the id, the date and the title wrapped to two short lines,
 * tooltips with the full title and date, edges styled by relation, a
 * legend of what is drawn.  Every string is quoted and escaped (UTF-8
 * kept); the same graph and options give the same bytes.
 */
int cite_render_dot_ext(FILE *out, const struct cite_graph *g,
                        const struct cite_dot_opts *o);

/*
 * Lays out the DOT text dot (len bytes) with Graphviz's dot engine, in
 * process, and renders it in format ("svg", "png", "pdf").  *data (len
 * *datalen) is malloc'd; the caller frees it.  Returns 0, or -1 with a
 * message in err (Graphviz's own when it gave one).
 */
int cite_render_graphviz(const char *dot, size_t len, const char *format,
                         char **data, size_t *datalen, char *err,
                         size_t errlen);

/* The network for other tools, with every node and edge attribute. */
enum cite_export_format {
    CITE_EXPORT_GRAPHML,     /* Gephi, Cytoscape, yEd, NetworkX */
    CITE_EXPORT_GML,         /* Pajek-era tools, igraph */
    CITE_EXPORT_JSON,        /* {"nodes": [...], "edges": [...]} */
    CITE_EXPORT_CSV_NODES,   /* a nodes table (Neo4j import, spreadsheets) */
    CITE_EXPORT_CSV_EDGES    /* an edges table */
};

/* Writes g (borrowed) in fmt; 0, or -1 on a write error. */
int cite_render_export(FILE *out, const struct cite_graph *g,
                       enum cite_export_format fmt);

/* Writes s as a DOT double-quoted string (with the quotes). */
int cite_render_dot_string(FILE *out, const char *s);

/*
 * The findings of `check`, collected so that a report can be written as a
 * whole (SARIF and JUnit need them all first).  Caller-owned:
 * cite_report_init / cite_report_release.  Every string is a copy.
 */
struct cite_report_item {
    enum cite_diag_code code;
    enum cite_severity severity;
    char *file;          /* NULL when unknown */
    size_t line;         /* 1-based; 0 when unknown */
    size_t column;       /* 1-based, in code points; 0 when unknown */
    char *message;
    char *source_line;   /* the line of the source text, or NULL */
    size_t source_line_len;
};

struct cite_report {
    struct cite_report_item *items; /* in the order reported */
    size_t n, cap;
    size_t by_sev[3];               /* count per enum cite_severity */
};

void cite_report_init(struct cite_report *r);
void cite_report_release(struct cite_report *r);

/* A cite_diag_fn: ctx is a struct cite_report; d is copied into it. */
void cite_report_collect(void *ctx, const struct cite_diag *d);

/* Sets item's source line (copied; replaces any). */
void cite_report_set_source(struct cite_report_item *item, const char *line,
                            size_t len);

enum cite_report_format {
    CITE_REPORT_TEXT,   /* file:line:col: severity: message [rule], source, caret */
    CITE_REPORT_JSON,   /* an array of {file, line, column, severity, rule, message} */
    CITE_REPORT_SARIF,  /* SARIF 2.1.0, one run */
    CITE_REPORT_GITHUB, /* GitHub Actions workflow commands (::error ...) */
    CITE_REPORT_JUNIT   /* JUnit XML: one testcase per document file */
};

struct cite_report_opts {
    enum cite_report_format format;
    /* 1: warnings fail too (JUnit writes a <failure> for each) */
    int strict;
    /* The document files checked (borrowed), in order: JUnit's testcases.
     * Files of findings that are not listed get a testcase too, after. */
    const char *const *files;
    size_t nfiles;
};

/* Writes r (borrowed) to out as o says; 0, or -1 on a write error. */
int cite_render_report(FILE *out, const struct cite_report *r,
                       const struct cite_report_opts *o);

#endif
