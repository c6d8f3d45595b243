/*
 * table.c - writes the metric table of the citation network as aligned
 * text for a terminal, CSV (RFC 4180), TSV or JSON.
 *
 * Every format has the columns id, in_degree, out_degree, pagerank, hub,
 * authority, coreness, in the order the caller chose.  Degrees and coreness
 * are whole numbers and are printed as such; the three scores get six
 * decimals in the text, CSV and TSV forms (stable for diffs and golden
 * files) and the shortest form that reads back to the same double in JSON.
 * Numbers never depend on the locale: printf's decimal point is put back to
 * '.' whatever LC_NUMERIC says.  A value that is not finite is written as
 * nothing in CSV and TSV, "-" in the text table and null in JSON.  Ids are
 * arbitrary bytes to this file: invalid UTF-8 becomes U+FFFD where the
 * format needs text (JSON, the terminal), and each format escapes what its
 * syntax reserves.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "cite_render.h"

#define AT(values, i, m) ((values)[(size_t)(i)*CITE_M__COUNT + (m)])

/* Room for any double printed with %.6f or %.17g. */
#define NUM_LEN 400

static int
is_integer_metric(enum cite_metric m)
{
    return m == CITE_M_IN_DEGREE || m == CITE_M_OUT_DEGREE ||
           m == CITE_M_CORENESS;
}

/*
 * printf writes the locale's decimal point, which may be ',' or even a
 * multibyte character; in the output of %f, %e and %g of a finite number
 * it is the only run of bytes that is neither a digit, a sign nor an
 * exponent mark, so each such run becomes '.'.
 */
static void
c_decimal_point(char *s)
{
    char *w = s;
    for (const char *r = s; *r != '\0';) {
        if ((*r >= '0' && *r <= '9') || *r == '-' || *r == '+' || *r == 'e' ||
            *r == 'E') {
            *w++ = *r++;
            continue;
        }
        *w++ = '.';
        while (*r != '\0' && !((*r >= '0' && *r <= '9') || *r == '-' ||
                               *r == '+' || *r == 'e' || *r == 'E')) {
            r++;
        }
    }
    *w = '\0';
}

/* The fixed forms of text, CSV and TSV; "" if x is not finite. */
static void
format_fixed(char *buf, double x, enum cite_metric m)
{
    if (!isfinite(x)) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, NUM_LEN, is_integer_metric(m) ? "%.0f" : "%.6f", x);
    c_decimal_point(buf);
}

/* The shortest %g that reads back as x, for JSON; "null" if not finite. */
static void
format_exact(char *buf, double x)
{
    if (!isfinite(x)) {
        snprintf(buf, NUM_LEN, "null");
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, NUM_LEN, "%.*g", prec, x);
        /* strtod reads the same locale that printf wrote */
        if (strtod(buf, NULL) == x) {
            break;
        }
    }
    c_decimal_point(buf);
}

/* --- ids ----------------------------------------------------------------- */

/* Width on a terminal: East Asian wide characters take two columns,
 * combining marks none.  Enough for ids; not a full wcwidth(). */
static int
cp_width(unsigned cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0610 && cp <= 0x061A) ||
        (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x200B ||
        (cp >= 0x200C && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F)) {
        return 0;
    }
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
        return 2;
    }
    return 1;
}

/*
 * The id as it may go to a terminal: control characters (which could move
 * the cursor or change colours) shown as \xNN, invalid UTF-8 as U+FFFD.
 * Returns the width in columns.
 */
static size_t
terminal_id(struct cite_i_buf *b, const char *id)
{
    const unsigned char *s = (const unsigned char *)id;
    size_t n = strlen(id), width = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            cite_i_buf_addf(b, "\\x%02X", cp);
            width += 4;
        } else if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(b, "\xEF\xBF\xBD");
            width += 1;
        } else {
            cite_i_buf_add(b, (const char *)s + i, len);
            width += (size_t)cp_width(cp);
        }
        i += len;
    }
    return width;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and
 * quotes inside are doubled.  Leading or trailing spaces are quoted too,
 * since many readers would trim them. */
static void
csv_field(struct cite_i_buf *b, const char *s)
{
    size_t n = strlen(s);
    int quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++) {
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    }
    if (!quote) {
        cite_i_buf_add(b, s, n);
        return;
    }
    cite_i_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            cite_i_buf_addc(b, '"');
        }
        cite_i_buf_addc(b, s[i]);
    }
    cite_i_buf_addc(b, '"');
}

/* TSV cannot quote: tab, line breaks and the backslash that introduces
 * them are written as \t, \n, \r and \\ (the convention of PostgreSQL's
 * text format and of most TSV readers). */
static void
tsv_field(struct cite_i_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '\t':
            cite_i_buf_adds(b, "\\t");
            break;
        case '\n':
            cite_i_buf_adds(b, "\\n");
            break;
        case '\r':
            cite_i_buf_adds(b, "\\r");
            break;
        case '\\':
            cite_i_buf_adds(b, "\\\\");
            break;
        default:
            cite_i_buf_addc(b, *s);
            break;
        }
    }
}

/* A JSON string: quotes, backslashes and control characters escaped,
 * UTF-8 kept, invalid bytes replaced so that the output stays valid. */
static void
json_string(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str);
    cite_i_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        switch (cp) {
        case '"':
            cite_i_buf_adds(b, "\\\"");
            break;
        case '\\':
            cite_i_buf_adds(b, "\\\\");
            break;
        case '\n':
            cite_i_buf_adds(b, "\\n");
            break;
        case '\r':
            cite_i_buf_adds(b, "\\r");
            break;
        case '\t':
            cite_i_buf_adds(b, "\\t");
            break;
        default:
            if (cp < 0x20 || cp == 0x7F) {
                cite_i_buf_addf(b, "\\u%04X", cp);
            } else if (cp == 0xFFFD && len == 1) {
                cite_i_buf_adds(b, "\\uFFFD");
            } else {
                cite_i_buf_add(b, (const char *)s + i, len);
            }
            break;
        }
        i += len;
    }
    cite_i_buf_addc(b, '"');
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
        size_t w = terminal_id(&id, cite_graph_node(g, i)->id);
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
        for (size_t k = terminal_id(out, cite_graph_node(g, i)->id);
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
            csv_field(out, node->id);
        } else {
            tsv_field(out, node->id);
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
        json_string(out, node->id);
        for (int m = 0; m < CITE_M__COUNT; m++) {
            format_exact(num, AT(values, i, m));
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
    int rc = 0;
    if (b.len > 0 && fwrite(b.ptr, 1, b.len, out) != b.len) {
        rc = -1;
    }
    cite_i_buf_release(&b);
    return rc != 0 || ferror(out) ? -1 : 0;
}
