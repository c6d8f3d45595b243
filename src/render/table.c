/*
 * table.c - writes the metric table of the citation network as aligned
 * text for a terminal, CSV (RFC 4180), TSV, JSON or YAML.
 *
 * Every format has the column id, then every metric of enum cite_metric in
 * its order (in_degree ... coreness, betweenness ... age_norm), the rows
 * in the order the caller chose.  Degrees and coreness are whole numbers
 * and are printed as such; the scores get six decimals in the text, CSV
 * and TSV forms (stable for diffs and golden files) and the shortest form
 * that reads back to the same double in JSON and YAML.  Numbers never
 * depend on the locale (see escape.c).  A value that is not finite (a
 * metric that was not computed) is written as nothing in CSV and TSV, "-"
 * in the text table and null in JSON and YAML.  Ids are arbitrary bytes to
 * this file: invalid UTF-8 becomes U+FFFD where the format needs text
 * (JSON, YAML, the terminal), and each format escapes what its syntax
 * reserves; YAML ids are always double-quoted, so that an id such as
 * "null", "1e3" or "- x" stays a string.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

#define AT(values, i, m) ((values)[(size_t)(i)*CITE_M__COUNT + (m)])

#define NUM_LEN CITE_I_NUM_LEN

static int
is_integer_metric(enum cite_metric m)
{
    return m == CITE_M_IN_DEGREE || m == CITE_M_OUT_DEGREE ||
           m == CITE_M_CORENESS;
}

/* The fixed forms of text, CSV and TSV; "" if x is not finite. */
static void
format_fixed(char *buf, double x, enum cite_metric m)
{
    cite_i_num_fixed(buf, x, is_integer_metric(m) ? 0 : 6);
}

/* --- formats ------------------------------------------------------------- */

static size_t
row_index(const size_t *order, size_t r)
{
    return order != NULL ? order[r] : r;
}

/* The text table's cell: the fixed form, or "-" for a missing value. */
static void
format_cell(char *buf, double x, enum cite_metric m)
{
    format_fixed(buf, x, m);
    if (buf[0] == '\0') {
        snprintf(buf, NUM_LEN, "-");
    }
}

static void
text_table(struct cite_i_buf *out, const struct cite_graph *g,
           const double *values, const size_t *order, size_t n)
{
    /* Two passes, the first for the widths only: formatting twice costs
     * less than keeping every cell of a large table. */
    struct cite_i_buf id = CITE_I_BUF_INIT;
    char cell[NUM_LEN];
    size_t width[CITE_M__COUNT];
    size_t id_width = 2;
    for (int m = 0; m < CITE_M__COUNT; m++) {
        width[m] = strlen(cite_metric_name((enum cite_metric)m));
    }
    for (size_t r = 0; r < n; r++) {
        size_t i = row_index(order, r);
        size_t w = cite_i_terminal_text(&id, cite_graph_node(g, i)->id);
        cite_i_buf_reset(&id);
        if (w > id_width) {
            id_width = w;
        }
        for (int m = 0; m < CITE_M__COUNT; m++) {
            format_cell(cell, AT(values, i, m), (enum cite_metric)m);
            if (strlen(cell) > width[m]) {
                width[m] = strlen(cell);
            }
        }
    }

    cite_i_buf_adds(out, "id");
    for (size_t k = 2; k < id_width; k++) {
        cite_i_buf_addc(out, ' ');
    }
    for (int m = 0; m < CITE_M__COUNT; m++) {
        cite_i_buf_addf(out, "  %*s", (int)width[m],
                        cite_metric_name((enum cite_metric)m));
    }
    cite_i_buf_addc(out, '\n');
    for (size_t r = 0; r < n; r++) {
        size_t i = row_index(order, r);
        for (size_t k = cite_i_terminal_text(out, cite_graph_node(g, i)->id);
             k < id_width; k++) {
            cite_i_buf_addc(out, ' ');
        }
        for (int m = 0; m < CITE_M__COUNT; m++) {
            format_cell(cell, AT(values, i, m), (enum cite_metric)m);
            cite_i_buf_addf(out, "  %*s", (int)width[m], cell);
        }
        cite_i_buf_addc(out, '\n');
    }
    cite_i_buf_release(&id);
}

static void
separated_table(struct cite_i_buf *out, const struct cite_graph *g,
                const double *values, const size_t *order, size_t n, char sep)
{
    char num[NUM_LEN];
    cite_i_buf_adds(out, "id");
    for (int m = 0; m < CITE_M__COUNT; m++) {
        cite_i_buf_addc(out, sep);
        cite_i_buf_adds(out, cite_metric_name((enum cite_metric)m));
    }
    cite_i_buf_addc(out, '\n');
    for (size_t r = 0; r < n; r++) {
        size_t i = row_index(order, r);
        const struct cite_graph_node *node = cite_graph_node(g, i);
        if (sep == ',') {
            cite_i_csv_field(out, node->id);
        } else {
            cite_i_tsv_field(out, node->id);
        }
        for (int m = 0; m < CITE_M__COUNT; m++) {
            format_fixed(num, AT(values, i, m), (enum cite_metric)m);
            cite_i_buf_addc(out, sep);
            cite_i_buf_adds(out, num);
        }
        cite_i_buf_addc(out, '\n');
    }
}

static void
json_table(struct cite_i_buf *out, const struct cite_graph *g,
           const double *values, const size_t *order, size_t n)
{
    char num[NUM_LEN];
    if (n == 0) {
        cite_i_buf_adds(out, "[]\n");
        return;
    }
    cite_i_buf_adds(out, "[\n");
    for (size_t r = 0; r < n; r++) {
        size_t i = row_index(order, r);
        const struct cite_graph_node *node = cite_graph_node(g, i);
        cite_i_buf_adds(out, "  {\"id\": ");
        cite_i_json_string(out, node->id);
        for (int m = 0; m < CITE_M__COUNT; m++) {
            cite_i_num_exact(num, AT(values, i, m));
            cite_i_buf_addf(out, ", \"%s\": %s",
                            cite_metric_name((enum cite_metric)m), num);
        }
        cite_i_buf_adds(out, r + 1 < n ? "},\n" : "}\n");
    }
    cite_i_buf_adds(out, "]\n");
}

int
cite_render_table(FILE *out, const struct cite_graph *g, const double *values,
                  const size_t *order, size_t n, enum cite_table_format fmt)
{
    size_t count = cite_graph_node_count(g);
    if (n > 0 && values == NULL) {
        return -1;
    }
    /* a row that names no node is a caller's mistake: refuse the whole
     * table rather than print a partial one */
    for (size_t r = 0; r < n; r++) {
        if (row_index(order, r) >= count) {
            return -1;
        }
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    switch (fmt) {
    case CITE_TABLE_TEXT:
        text_table(&b, g, values, order, n);
        break;
    case CITE_TABLE_CSV:
        separated_table(&b, g, values, order, n, ',');
        break;
    case CITE_TABLE_TSV:
        separated_table(&b, g, values, order, n, '\t');
        break;
    case CITE_TABLE_JSON:
        json_table(&b, g, values, order, n);
        break;
    default:
        return -1;
    }
    return cite_i_emit(out, &b);
}

static void
yaml_table(struct cite_i_buf *out, const struct cite_graph *g,
           const double *values, const size_t *order, size_t n)
{
    char num[NUM_LEN];
    if (n == 0) {
        cite_i_buf_adds(out, "[]\n");
        return;
    }
    for (size_t r = 0; r < n; r++) {
        size_t i = row_index(order, r);
        cite_i_buf_adds(out, "- id: ");
        cite_i_yaml_string(out, cite_graph_node(g, i)->id);
        cite_i_buf_addc(out, '\n');
        for (int m = 0; m < CITE_M__COUNT; m++) {
            cite_i_num_exact(num, AT(values, i, m));
            cite_i_buf_addf(out, "  %s: %s\n",
                            cite_metric_name((enum cite_metric)m), num);
        }
    }
}

int
cite_i_render_table_yaml(FILE *out, const struct cite_graph *g,
                         const double *values, const size_t *order, size_t n)
{
    size_t count = cite_graph_node_count(g);
    if (n > 0 && values == NULL) {
        return -1;
    }
    for (size_t r = 0; r < n; r++) {
        if (row_index(order, r) >= count) {
            return -1;
        }
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    yaml_table(&b, g, values, order, n);
    return cite_i_emit(out, &b);
}
