/*
 * render_int.h - private to the writers (src/render/) and to the program
 * (src/cli/), which formats the small results of chain, path, mainpath,
 * similar and communities itself: how each output syntax quotes a string,
 * how numbers are written whatever the locale, an aligned text grid for
 * the terminal, and the YAML form of the metric table.
 *
 * Every function appends to a growable buffer; cite_i_emit() writes one
 * out, so that a writer fails as a whole or not at all.
 */
#ifndef CITE_RENDER_INT_H
#define CITE_RENDER_INT_H

#include <stddef.h>
#include <stdio.h>

#include "cite_render.h"
#include "core/core_int.h"

/* Room for any double printed with %.*f or %.17g. */
#define CITE_I_NUM_LEN 400

/* x with decimals digits after the point ("%.*f"), or "" when x is not
 * finite.  The decimal point is '.' whatever LC_NUMERIC says. */
void cite_i_num_fixed(char *buf, double x, int decimals);

/* The shortest "%.*g" (15 to 17 digits) that reads back as x, or "null"
 * when x is not finite; '.' as the decimal point. */
void cite_i_num_exact(char *buf, double x);

/* A JSON string with its quotes: quotes, backslashes and control
 * characters escaped, UTF-8 kept, invalid bytes as \uFFFD. */
void cite_i_json_string(struct cite_i_buf *b, const char *s);

/* s (NULL as "") escaped for XML text and attribute values. */
void cite_i_xml_text(struct cite_i_buf *b, const char *s);

/* An RFC 4180 field: quoted when it holds a comma, a quote, a line break
 * or a leading or trailing space; quotes inside doubled. */
void cite_i_csv_field(struct cite_i_buf *b, const char *s);

/* A TSV field: tab, CR, LF and backslash written as \t, \r, \n, \\. */
void cite_i_tsv_field(struct cite_i_buf *b, const char *s);

/* A YAML double-quoted scalar with its quotes: what YAML does not allow
 * raw (control characters, DEL, C1, U+2028/2029, U+FEFF, non-characters)
 * as escapes, invalid UTF-8 as \uFFFD.  Safe for any id. */
void cite_i_yaml_string(struct cite_i_buf *b, const char *s);

/* s as it may go to a terminal: control characters (which could move the
 * cursor or change colours) as \xNN, invalid UTF-8 as U+FFFD.  Returns
 * the width in columns (East Asian wide characters take two). */
size_t cite_i_terminal_text(struct cite_i_buf *b, const char *s);

/* The width in columns of cite_i_terminal_text(s). */
size_t cite_i_terminal_width(const char *s);

/* Writes b out and releases it; 0, or -1 on a write error. */
int cite_i_emit(FILE *out, struct cite_i_buf *b);

/*
 * An aligned text table for the terminal: add the header, then rows, then
 * write.  Cells are copied.  Columns flagged numeric are aligned right,
 * the others left; the last column is not padded.
 */
struct cite_i_grid {
    size_t ncol;
    const unsigned char *numeric; /* ncol flags, borrowed */
    char **cells;                 /* row-major, ncol per row */
    size_t ncell, cap;
};
void cite_i_grid_init(struct cite_i_grid *t, size_t ncol,
                      const unsigned char *numeric);
void cite_i_grid_add(struct cite_i_grid *t, const char *cell);
/* Appends the grid, two spaces between columns, to b. */
void cite_i_grid_render(const struct cite_i_grid *t, struct cite_i_buf *b);
void cite_i_grid_release(struct cite_i_grid *t);

/*
 * The metric table (as cite_render_table) as a YAML sequence of mappings,
 * one per row: id (always double-quoted) then every metric by name,
 * numbers as in JSON, a value that is not finite as null.  An empty table
 * is "[]".  (To become CITE_TABLE_YAML of cite_render_table.)
 */
int cite_i_render_table_yaml(FILE *out, const struct cite_graph *g,
                             const double *values, const size_t *order,
                             size_t n);

#endif
