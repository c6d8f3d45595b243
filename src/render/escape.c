/*
 * escape.c - how each output syntax writes a string or a number, shared by
 * the writers and by the program: JSON, CSV (RFC 4180), TSV, YAML
 * double-quoted scalars, text for a terminal, and numbers that do not
 * depend on the locale.  Ids and titles are arbitrary bytes here: invalid
 * UTF-8 becomes U+FFFD wherever the syntax needs text, and each syntax
 * escapes what it reserves, so no string can end a field, a line or a
 * document early.  Also the aligned text grid of the terminal tables.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* --- numbers ------------------------------------------------------------- */

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

void
cite_i_num_fixed(char *buf, double x, int decimals)
{
    if (!isfinite(x)) {
        buf[0] = '\0';
        return;
    }
    snprintf(buf, CITE_I_NUM_LEN, "%.*f", decimals, x);
    c_decimal_point(buf);
}

void
cite_i_num_exact(char *buf, double x)
{
    if (!isfinite(x)) {
        snprintf(buf, CITE_I_NUM_LEN, "null");
        return;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, CITE_I_NUM_LEN, "%.*g", prec, x);
        /* strtod reads the same locale that printf wrote */
        if (strtod(buf, NULL) == x) {
            break;
        }
    }
    c_decimal_point(buf);
}

/* --- strings ------------------------------------------------------------- */

void
cite_i_json_string(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
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

/* Leading or trailing spaces are quoted too, since many readers would
 * trim them. */
void
cite_i_csv_field(struct cite_i_buf *b, const char *s)
{
    if (s == NULL) {
        return;
    }
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

/* TSV cannot quote: this is the convention of PostgreSQL's text format and
 * of most TSV readers. */
void
cite_i_tsv_field(struct cite_i_buf *b, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
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

/* YAML 1.2's printable set (5.1); U+2028 and U+2029 are in it but YAML
 * 1.1 readers take them for line breaks, so they are escaped too. */
static int
yaml_printable(unsigned cp)
{
    return (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
           (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029) ||
           (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

void
cite_i_yaml_string(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
    cite_i_buf_addc(b, '"');
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
            cite_i_buf_adds(b, "\\r");
        } else if (cp == '\t') {
            cite_i_buf_adds(b, "\\t");
        } else if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(b, "\\uFFFD");
        } else if (cp == 0x85 || !yaml_printable(cp)) {
            /* U+0085 is printable but a line break to YAML 1.1 */
            if (cp <= 0xFF) {
                cite_i_buf_addf(b, "\\x%02X", cp);
            } else {
                cite_i_buf_addf(b, "\\u%04X", cp);
            }
        } else {
            cite_i_buf_add(b, (const char *)s + i, len);
        }
        i += len;
    }
    cite_i_buf_addc(b, '"');
}

/* --- the terminal -------------------------------------------------------- */

/* Width on a terminal: East Asian wide characters take two columns,
 * combining marks none.  Enough for ids and titles; not a full wcwidth(). */
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

size_t
cite_i_terminal_text(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s), width = 0;
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

size_t
cite_i_terminal_width(const char *s)
{
    struct cite_i_buf tmp = CITE_I_BUF_INIT;
    size_t w = cite_i_terminal_text(&tmp, s);
    cite_i_buf_release(&tmp);
    return w;
}

int
cite_i_emit(FILE *out, struct cite_i_buf *b)
{
    int rc = 0, err = 0;
    if (b->len > 0 && fwrite(b->ptr, 1, b->len, out) != b->len) {
        rc = -1;
        err = errno; /* the caller reports it */
    }
    cite_i_buf_release(b);
    if (rc != 0) {
        errno = err;
    }
    return rc != 0 || ferror(out) ? -1 : 0;
}

/* --- aligned grids ------------------------------------------------------- */

void
cite_i_grid_init(struct cite_i_grid *t, size_t ncol,
                 const unsigned char *numeric)
{
    t->ncol = ncol;
    t->numeric = numeric;
    t->cells = NULL;
    t->ncell = t->cap = 0;
}

void
cite_i_grid_add(struct cite_i_grid *t, const char *cell)
{
    if (t->ncell == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->cells = cite_i_xreallocarray(t->cells, t->cap, sizeof *t->cells);
    }
    t->cells[t->ncell++] = cite_i_xstrdup(cell != NULL ? cell : "");
}

void
cite_i_grid_render(const struct cite_i_grid *t, struct cite_i_buf *b)
{
    if (t->ncol == 0) {
        return;
    }
    size_t *width = cite_i_xcalloc(t->ncol, sizeof *width);
    for (size_t k = 0; k < t->ncell; k++) {
        size_t w = cite_i_terminal_width(t->cells[k]);
        if (w > width[k % t->ncol]) {
            width[k % t->ncol] = w;
        }
    }
    for (size_t k = 0; k < t->ncell; k++) {
        size_t col = k % t->ncol;
        int last = col + 1 == t->ncol || k + 1 == t->ncell;
        size_t w = cite_i_terminal_width(t->cells[k]);
        size_t pad = width[col] - w;
        if (col > 0) {
            cite_i_buf_adds(b, "  ");
        }
        if (t->numeric != NULL && t->numeric[col]) {
            for (size_t p = 0; p < pad; p++) {
                cite_i_buf_addc(b, ' ');
            }
            pad = 0;
        }
        cite_i_terminal_text(b, t->cells[k]);
        if (!last) {
            for (size_t p = 0; p < pad; p++) {
                cite_i_buf_addc(b, ' ');
            }
        } else {
            cite_i_buf_addc(b, '\n');
        }
    }
    free(width);
}

void
cite_i_grid_release(struct cite_i_grid *t)
{
    for (size_t k = 0; k < t->ncell; k++) {
        free(t->cells[k]);
    }
    free(t->cells);
    t->cells = NULL;
    t->ncell = t->cap = 0;
}

/*
 * XML character data and attribute values: the five entities, tab and
 * line breaks as references, control characters (not allowed in XML 1.0,
 * even as references) dropped, invalid UTF-8 as U+FFFD.  GraphML and JUnit
 * both write through this.
 */
void
cite_i_xml_text(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        switch (cp) {
        case '&':
            cite_i_buf_adds(b, "&amp;");
            break;
        case '<':
            cite_i_buf_adds(b, "&lt;");
            break;
        case '>':
            cite_i_buf_adds(b, "&gt;");
            break;
        case '"':
            cite_i_buf_adds(b, "&quot;");
            break;
        case '\'':
            cite_i_buf_adds(b, "&apos;");
            break;
        case '\t':
            cite_i_buf_adds(b, "&#9;");
            break;
        case '\n':
            cite_i_buf_adds(b, "&#10;");
            break;
        case '\r':
            cite_i_buf_adds(b, "&#13;");
            break;
        default:
            if ((cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) || cp == 0xFFFE || cp == 0xFFFF) {
                /* dropped */
            } else if (cp == 0xFFFD && len == 1) {
                cite_i_buf_adds(b, "\xEF\xBF\xBD");
            } else {
                cite_i_buf_add(b, (const char *)s + i, len);
            }
            break;
        }
        i += len;
    }
}
