/*
 * oracle.c - the well-formedness checks of oracle.h.  Each is a small
 * scanner over the bytes a writer produced: a recursive-descent JSON
 * parser with a depth limit, a tag-matching XML scanner, and quote/bracket
 * balance for DOT, GML and CSV.  They check syntax only, never content.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "oracle.h"

void
fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: check failed: %s: ", file, line, cond);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* --- UTF-8 ---------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned cp, min;
    if (c < 0x80) {
        return c == 0 ? 0 : 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

char *
fuzz_yaml_of(const struct cite_doc *docs, size_t n, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    FUZZ_CHECK(f != NULL, "open_memstream");
    struct cite_yaml_writer *w = cite_yaml_writer_new(f);
    FUZZ_CHECK(w != NULL, "cite_yaml_writer_new");
    for (size_t i = 0; i < n; i++) {
        int rc = cite_yaml_write_doc(w, &docs[i]);
        FUZZ_CHECK(rc == 0, "cite_yaml_write_doc gave %d", rc);
    }
    int rc = cite_yaml_writer_finish(w);
    FUZZ_CHECK(rc == 0, "cite_yaml_writer_finish gave %d", rc);
    fclose(f);
    return buf;
}

void
fuzz_no_diag_on_yaml(void *ctx, const struct cite_diag *d)
{
    const char *yaml = ctx;
    fuzz_fail(__FILE__, __LINE__, "no diagnostic on our own YAML",
              "%zu:%zu: %s [%s]\n%s", d->line, d->column, d->message,
              cite_diag_slug(d->code), yaml);
}

void
fuzz_check_reports(const struct cite_report *r, int strict,
                   const char *const *files, size_t nfiles, int all_utf8)
{
    static const enum cite_report_format formats[] = {
        CITE_REPORT_TEXT, CITE_REPORT_JSON, CITE_REPORT_SARIF,
        CITE_REPORT_GITHUB, CITE_REPORT_JUNIT};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        struct cite_report_opts o = {formats[k], strict, files, nfiles};
        char *buf = NULL;
        size_t len = 0;
        const char *why = "";
        FILE *f = open_memstream(&buf, &len);
        FUZZ_CHECK(f != NULL, "open_memstream");
        int rc = cite_render_report(f, r, &o);
        fclose(f);
        FUZZ_CHECK(rc == 0, "format %d: the writer gave %d", (int)formats[k],
                   rc);
        switch (formats[k]) {
        case CITE_REPORT_JSON:
        case CITE_REPORT_SARIF:
            FUZZ_CHECK(oracle_json(buf, len, &why), "format %d: %s\n%s",
                       (int)formats[k], why, buf);
            break;
        case CITE_REPORT_JUNIT:
            FUZZ_CHECK(oracle_xml(buf, len, &why), "JUnit: %s\n%s", why, buf);
            break;
        case CITE_REPORT_GITHUB: {
            size_t lines = 0;
            for (size_t i = 0; i < len; i++) {
                lines += buf[i] == '\n';
            }
            FUZZ_CHECK(lines == r->n, "GitHub: %zu lines for %zu findings\n%s",
                       lines, r->n, buf);
            break;
        }
        case CITE_REPORT_TEXT:
            break;
        }
        if (all_utf8) {
            FUZZ_CHECK(oracle_utf8(buf, len, &why),
                       "format %d: %s from valid UTF-8 input", (int)formats[k],
                       why);
        }
        free(buf);
    }
}

int
oracle_utf8(const char *s, size_t n, const char **why)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_len(p + i, n - i);
        if (len == 0) {
            *why = p[i] == 0 ? "NUL byte" : "invalid UTF-8";
            return 0;
        }
        i += len;
    }
    return 1;
}

/* --- JSON ----------------------------------------------------------------- */

struct json {
    const unsigned char *s;
    size_t n, i;
    const char *why;
};

enum { JSON_MAX_DEPTH = 200 };

static void
json_ws(struct json *j)
{
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
                           j->s[j->i] == '\n' || j->s[j->i] == '\r')) {
        j->i++;
    }
}

static int
json_lit(struct json *j, const char *lit)
{
    size_t k = strlen(lit);
    if (j->n - j->i < k || memcmp(j->s + j->i, lit, k) != 0) {
        j->why = "bad literal";
        return 0;
    }
    j->i += k;
    return 1;
}

static int
is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int
json_number(struct json *j)
{
    if (j->i < j->n && j->s[j->i] == '-') {
        j->i++;
    }
    if (j->i >= j->n || !is_digit(j->s[j->i])) {
        j->why = "bad number";
        return 0;
    }
    if (j->s[j->i] == '0') {
        j->i++;
    } else {
        while (j->i < j->n && is_digit(j->s[j->i])) {
            j->i++;
        }
    }
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        if (j->i >= j->n || !is_digit(j->s[j->i])) {
            j->why = "bad fraction";
            return 0;
        }
        while (j->i < j->n && is_digit(j->s[j->i])) {
            j->i++;
        }
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-')) {
            j->i++;
        }
        if (j->i >= j->n || !is_digit(j->s[j->i])) {
            j->why = "bad exponent";
            return 0;
        }
        while (j->i < j->n && is_digit(j->s[j->i])) {
            j->i++;
        }
    }
    return 1;
}

static int
json_string(struct json *j)
{
    j->i++; /* the opening quote */
    while (j->i < j->n) {
        unsigned char c = j->s[j->i];
        if (c == '"') {
            j->i++;
            return 1;
        }
        if (c < 0x20) {
            j->why = "control character in a string";
            return 0;
        }
        if (c == '\\') {
            if (j->i + 1 >= j->n) {
                break;
            }
            unsigned char e = j->s[j->i + 1];
            if (e == 'u') {
                if (j->n - j->i < 6) {
                    break;
                }
                for (size_t k = 2; k < 6; k++) {
                    if (!strchr("0123456789abcdefABCDEF", j->s[j->i + k]) ||
                        j->s[j->i + k] == 0) {
                        j->why = "bad \\u escape";
                        return 0;
                    }
                }
                j->i += 6;
            } else if (e != '\0' && strchr("\"\\/bfnrt", e) != NULL) {
                j->i += 2;
            } else {
                j->why = "bad escape";
                return 0;
            }
            continue;
        }
        size_t len = utf8_len(j->s + j->i, j->n - j->i);
        if (len == 0) {
            j->why = "invalid UTF-8 in a string";
            return 0;
        }
        j->i += len;
    }
    j->why = "unterminated string";
    return 0;
}

static int
json_value(struct json *j, int depth)
{
    if (depth > JSON_MAX_DEPTH) {
        j->why = "too deep";
        return 0;
    }
    json_ws(j);
    if (j->i >= j->n) {
        j->why = "value expected";
        return 0;
    }
    unsigned char c = j->s[j->i];
    if (c == '{' || c == '[') {
        unsigned char close = c == '{' ? '}' : ']';
        j->i++;
        json_ws(j);
        if (j->i < j->n && j->s[j->i] == close) {
            j->i++;
            return 1;
        }
        for (;;) {
            if (c == '{') {
                json_ws(j);
                if (j->i >= j->n || j->s[j->i] != '"') {
                    j->why = "key expected";
                    return 0;
                }
                if (!json_string(j)) {
                    return 0;
                }
                json_ws(j);
                if (j->i >= j->n || j->s[j->i] != ':') {
                    j->why = "':' expected";
                    return 0;
                }
                j->i++;
            }
            if (!json_value(j, depth + 1)) {
                return 0;
            }
            json_ws(j);
            if (j->i < j->n && j->s[j->i] == ',') {
                j->i++;
                continue;
            }
            if (j->i < j->n && j->s[j->i] == close) {
                j->i++;
                return 1;
            }
            j->why = "',' or end of container expected";
            return 0;
        }
    }
    if (c == '"') {
        return json_string(j);
    }
    if (c == 't') {
        return json_lit(j, "true");
    }
    if (c == 'f') {
        return json_lit(j, "false");
    }
    if (c == 'n') {
        return json_lit(j, "null");
    }
    return json_number(j);
}

int
oracle_json(const char *s, size_t n, const char **why)
{
    struct json j = {(const unsigned char *)s, n, 0, NULL};
    if (!json_value(&j, 0)) {
        *why = j.why;
        return 0;
    }
    json_ws(&j);
    if (j.i != n) {
        *why = "bytes after the value";
        return 0;
    }
    return 1;
}

/* --- XML ------------------------------------------------------------------ */

static int
name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) ||
           c == '_' || c == '-' || c == '.' || c == ':';
}

/* An entity or character reference at s[i] == '&'; returns its length. */
static size_t
xml_ref(const unsigned char *s, size_t n, size_t i)
{
    static const char *const ents[] = {"&amp;", "&lt;", "&gt;", "&quot;",
                                       "&apos;"};
    for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
        size_t len = strlen(ents[k]);
        if (n - i >= len && memcmp(s + i, ents[k], len) == 0) {
            return len;
        }
    }
    if (n - i >= 4 && s[i + 1] == '#') {
        size_t k = i + 2;
        while (k < n && is_digit(s[k])) {
            k++;
        }
        if (k > i + 2 && k < n && s[k] == ';') {
            return k + 1 - i;
        }
    }
    return 0;
}

/* Character data up to the next '<' (or, in an attribute, the quote). */
static int
xml_chars(const unsigned char *s, size_t n, size_t *i, unsigned char stop,
          const char **why)
{
    while (*i < n && s[*i] != stop && s[*i] != '<') {
        unsigned char c = s[*i];
        if (c == '&') {
            size_t len = xml_ref(s, n, *i);
            if (len == 0) {
                *why = "bare '&'";
                return 0;
            }
            *i += len;
            continue;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            *why = "control character";
            return 0;
        }
        if (c == 0x7F) {
            *why = "DEL";
            return 0;
        }
        size_t len = utf8_len(s + *i, n - *i);
        if (len == 0) {
            *why = "invalid UTF-8";
            return 0;
        }
        *i += len;
    }
    return 1;
}

int
oracle_xml(const char *str, size_t n, const char **why)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    /* the open elements, as offsets and lengths of their names */
    size_t stack_off[256], stack_len[256], depth = 0;
    int roots = 0;
    if (n >= 5 && memcmp(s, "<?xml", 5) == 0) {
        const char *end = strstr(str, "?>");
        if (end == NULL) {
            *why = "unterminated declaration";
            return 0;
        }
        i = (size_t)(end - str) + 2;
    }
    while (i < n) {
        if (s[i] != '<') {
            if (!xml_chars(s, n, &i, '<', why)) {
                return 0;
            }
            continue;
        }
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = strstr(str + i + 4, "-->");
            if (end == NULL) {
                *why = "unterminated comment";
                return 0;
            }
            i = (size_t)(end - str) + 3;
            continue;
        }
        i++;
        int closing = 0;
        if (i < n && s[i] == '/') {
            closing = 1;
            i++;
        }
        size_t name = i;
        while (i < n && name_char(s[i])) {
            i++;
        }
        size_t name_len = i - name;
        if (name_len == 0) {
            *why = "tag without a name";
            return 0;
        }
        if (closing) {
            if (depth == 0 || stack_len[depth - 1] != name_len ||
                memcmp(s + stack_off[depth - 1], s + name, name_len) != 0) {
                *why = "end tag does not match";
                return 0;
            }
            depth--;
            while (i < n && (s[i] == ' ' || s[i] == '\n')) {
                i++;
            }
            if (i >= n || s[i] != '>') {
                *why = "unterminated end tag";
                return 0;
            }
            i++;
            continue;
        }
        /* attributes: name="value" */
        int empty = 0;
        for (;;) {
            while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) {
                i++;
            }
            if (i >= n) {
                *why = "unterminated start tag";
                return 0;
            }
            if (s[i] == '>') {
                i++;
                break;
            }
            if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') {
                i += 2;
                empty = 1;
                break;
            }
            size_t a = i;
            while (i < n && name_char(s[i])) {
                i++;
            }
            if (i == a || i + 1 >= n || s[i] != '=' || s[i + 1] != '"') {
                *why = "bad attribute";
                return 0;
            }
            i += 2;
            if (!xml_chars(s, n, &i, '"', why)) {
                return 0;
            }
            if (i >= n || s[i] != '"') {
                *why = "'<' or end of input in an attribute value";
                return 0;
            }
            i++;
        }
        if (depth == 0) {
            roots++;
            if (roots > 1) {
                *why = "more than one root element";
                return 0;
            }
        }
        if (!empty) {
            if (depth == sizeof stack_off / sizeof stack_off[0]) {
                *why = "too deep";
                return 0;
            }
            stack_off[depth] = name;
            stack_len[depth] = name_len;
            depth++;
        }
    }
    if (depth != 0 || roots != 1) {
        *why = depth != 0 ? "unclosed element" : "no root element";
        return 0;
    }
    return 1;
}

/* --- DOT ------------------------------------------------------------------ */

int
oracle_dot(const char *str, size_t n, const char **why)
{
    if (!oracle_utf8(str, n, why)) {
        return 0;
    }
    const unsigned char *s = (const unsigned char *)str;
    long braces = 0, brackets = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            for (i++; i < n && s[i] != '"'; i++) {
                if (s[i] == '\\') {
                    i++;
                }
            }
            if (i >= n) {
                *why = "unterminated string";
                return 0;
            }
        } else if (s[i] == '<') {
            long html = 1;
            for (i++; i < n && html > 0; i++) {
                html += s[i] == '<' ? 1 : s[i] == '>' ? -1 : 0;
            }
            if (html != 0) {
                *why = "unterminated HTML label";
                return 0;
            }
            i--;
        } else if (s[i] == '{' || s[i] == '}') {
            braces += s[i] == '{' ? 1 : -1;
        } else if (s[i] == '[' || s[i] == ']') {
            brackets += s[i] == '[' ? 1 : -1;
        } else if (s[i] == '\\') {
            *why = "backslash outside a string";
            return 0;
        }
        if (braces < 0 || brackets < 0) {
            *why = "unbalanced braces or brackets";
            return 0;
        }
    }
    if (braces != 0 || brackets != 0) {
        *why = "unbalanced braces or brackets";
        return 0;
    }
    return 1;
}

/* --- GML ------------------------------------------------------------------ */

int
oracle_gml(const char *str, size_t n, const char **why)
{
    if (!oracle_utf8(str, n, why)) {
        return 0;
    }
    const unsigned char *s = (const unsigned char *)str;
    long brackets = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            for (i++; i < n && s[i] != '"'; i++) {
                if (s[i] < 0x20) {
                    *why = "control character or line break in a string";
                    return 0;
                }
            }
            if (i >= n) {
                *why = "unterminated string";
                return 0;
            }
        } else if (s[i] == '[' || s[i] == ']') {
            brackets += s[i] == '[' ? 1 : -1;
            if (brackets < 0) {
                *why = "unbalanced brackets";
                return 0;
            }
        }
    }
    if (brackets != 0) {
        *why = "unbalanced brackets";
        return 0;
    }
    return 1;
}

/* --- CSV ------------------------------------------------------------------ */

int
oracle_csv(const char *str, size_t n, const char **why)
{
    const unsigned char *s = (const unsigned char *)str;
    long first = -1, fields = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            for (i++;; i++) {
                if (i >= n) {
                    *why = "unterminated quoted field";
                    return 0;
                }
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') {
                        i++;
                        continue;
                    }
                    break;
                }
            }
            if (i + 1 < n && s[i + 1] != ',' && s[i + 1] != '\n' &&
                s[i + 1] != '\r') {
                *why = "bytes after a quoted field";
                return 0;
            }
        } else if (s[i] == ',') {
            fields++;
        } else if (s[i] == '\n') {
            if (first < 0) {
                first = fields;
            } else if (fields != first) {
                *why = "a record with another number of fields";
                return 0;
            }
            fields = 1;
        }
    }
    return 1;
}
