/*
 * cite_render.h - writers: Graphviz DOT and metric tables.
 *
 * Writers take a FILE * (borrowed) and return 0, or -1 on a write error.
 */
#ifndef CITE_RENDER_H
#define CITE_RENDER_H

#include <stdio.h>

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
 * when keep is NULL) as a Graphviz digraph.  Every string is quoted and
 * escaped; labels give the id and the date.
 */
int cite_render_dot(FILE *out, const struct cite_graph *g,
                    const unsigned char *keep);

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

#endif
