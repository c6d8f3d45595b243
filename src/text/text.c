/*
 * text.c - loading a source text and mapping byte offsets to line:col.
 *
 * The bytes are kept exactly as read, so that every offset the extractor
 * stores is an offset in the file.  The line index is built once, in one
 * pass; a lookup is a binary search.  Columns count code points, which
 * reads right for Chinese, Arabic and Cyrillic alike.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite_text.h"
#include "core/core_int.h"

static void
index_lines(struct cite_text *t)
{
    size_t cap = 64, n = 0;
    size_t *lines = cite_i_xmalloc(cap * sizeof *lines);
    lines[n++] = 0;
    const char *p = t->bytes, *end = t->bytes + t->len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        if (n == cap) {
            cap *= 2;
            lines = cite_i_xreallocarray(lines, cap, sizeof *lines);
        }
        lines[n++] = (size_t)(p - t->bytes);
    }
    t->lines = lines;
    t->nlines = n;
    if (t->len >= 3 && memcmp(t->bytes, "\xEF\xBB\xBF", 3) == 0) {
        t->start = 3;
    }
}

void
cite_text_init_mem(struct cite_text *t, const char *path, const char *s,
                   size_t n)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    t->bytes = cite_i_xmalloc(n + 1);
    if (n > 0) {
        memcpy(t->bytes, s, n);
    }
    t->bytes[n] = '\0';
    t->len = n;
    index_lines(t);
}

int
cite_text_load(struct cite_text *t, const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = cite_i_xmalloc(cap + 1);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = cite_i_xrealloc(buf, cap + 1);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            break;
        }
    }
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (f != stdin) {
        fclose(f);
    }
    if (err != 0) {
        free(buf);
        errno = err;
        return -1;
    }
    memset(t, 0, sizeof *t);
    t->path = path;
    t->bytes = buf;
    t->bytes[len] = '\0';
    t->len = len;
    index_lines(t);
    return 0;
}

void
cite_text_release(struct cite_text *t)
{
    free(t->bytes);
    free(t->lines);
    memset(t, 0, sizeof *t);
}

static size_t
line_index(const struct cite_text *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid] <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

void
cite_text_locate(const struct cite_text *t, size_t off, size_t *line,
                 size_t *column)
{
    if (off > t->len) {
        off = t->len;
    }
    size_t li = line_index(t, off);
    size_t col = 1;
    size_t i = t->lines[li];
    if (li == 0) {
        i = t->start <= off ? t->start : 0;
    }
    while (i < off) {
        unsigned cp;
        i += cite_i_utf8_decode((const unsigned char *)t->bytes + i,
                                t->len - i, &cp);
        col++;
    }
    *line = li + 1;
    *column = col;
}

const char *
cite_text_line_at(const struct cite_text *t, size_t off, size_t *len)
{
    if (off > t->len) {
        off = t->len;
    }
    size_t li = line_index(t, off);
    size_t s = t->lines[li];
    size_t e = li + 1 < t->nlines ? t->lines[li + 1] - 1 : t->len;
    if (e > s && t->bytes[e - 1] == '\r') {
        e--;
    }
    *len = e - s;
    return t->bytes + s;
}

void
cite_text_vdiag(const struct cite_text *t, const struct cite_diag_sink *sink,
                enum cite_diag_code code, size_t off, const char *fmt, va_list ap)
{
    if (sink == NULL || sink->fn == NULL) {
        return;
    }
    struct cite_i_buf msg = CITE_I_BUF_INIT;
    cite_i_buf_vaddf(&msg, fmt, ap);
    struct cite_diag d = {
        .code = code,
        .severity = cite_diag_default_severity(code),
        .file = t->path,
        .offset = off,
        .message = msg.ptr ? msg.ptr : "",
    };
    cite_text_locate(t, off, &d.line, &d.column);
    d.source_line = cite_text_line_at(t, off, &d.source_line_len);
    sink->fn(sink->ctx, &d);
    cite_i_buf_release(&msg);
}

void
cite_text_diag(const struct cite_text *t, const struct cite_diag_sink *sink,
               enum cite_diag_code code, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cite_text_vdiag(t, sink, code, off, fmt, ap);
    va_end(ap);
}
