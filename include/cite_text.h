/*
 * cite_text.h - a loaded source text and its line index.
 *
 * The text keeps the bytes exactly as read (so byte offsets are offsets in
 * the file), with a NUL after the last byte for convenience.  Positions are
 * stored as byte offsets; line and column are computed only when printed.
 */
#ifndef CITE_TEXT_H
#define CITE_TEXT_H

#include <stdarg.h>
#include <stddef.h>

#include "cite_diag.h"

struct cite_text {
    const char *path;  /* as given; borrowed from the caller */
    char *bytes;       /* owned, NUL-terminated */
    size_t len;
    size_t start;      /* first byte after a UTF-8 BOM, else 0 */
    size_t *lines;     /* owned: offset of the start of each line */
    size_t nlines;
};

/*
 * Reads the file at path ("-" = stdin) into t.  Returns 0 on success, or
 * -1 with errno set when the file cannot be read (nothing to release).
 * path is borrowed and must outlive t.
 */
int cite_text_load(struct cite_text *t, const char *path);

/* Makes t a copy of n bytes at s (for tests and in-memory input). */
void cite_text_init_mem(struct cite_text *t, const char *path, const char *s,
                        size_t n);

void cite_text_release(struct cite_text *t);

/* 1-based line and column (in code points) of byte offset off. */
void cite_text_locate(const struct cite_text *t, size_t off, size_t *line,
                      size_t *column);

/* The line containing off, without its newline. */
const char *cite_text_line_at(const struct cite_text *t, size_t off,
                              size_t *len);

/*
 * Reports a problem at byte offset off of t, with line, column and the
 * source line filled in.
 */
void cite_text_diag(const struct cite_text *t, const struct cite_diag_sink *sink,
                    enum cite_diag_code code, size_t off, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The same with a va_list. */
void cite_text_vdiag(const struct cite_text *t, const struct cite_diag_sink *sink,
                     enum cite_diag_code code, size_t off, const char *fmt,
                     va_list ap);

#endif
