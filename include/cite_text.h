/*
 * cite_text.h - a loaded source text and its line index.
 *
 * The text keeps the bytes exactly as read (so byte offsets are offsets in
 * the file), with a NUL after the last byte for convenience.  Positions are
 * stored as byte offsets; line and column are computed only when printed.
 * One exception: a text that starts with a UTF-16 byte-order mark is
 * converted to UTF-8 when loaded (unpaired surrogates become U+FFFD).  Its
 * offsets are then offsets in the converted text, but lines and columns
 * (counted in code points) are those of the file.
 */
#ifndef CITE_TEXT_H
#define CITE_TEXT_H

#include <stdarg.h>
#include <stddef.h>

#include "cite_diag.h"

enum cite_encoding {
    CITE_ENC_UTF8,    /* as read */
    CITE_ENC_UTF16LE, /* converted from UTF-16 after an FF FE mark */
    CITE_ENC_UTF16BE  /* converted from UTF-16 after an FE FF mark */
};

struct cite_text {
    const char *path;  /* as given; borrowed from the caller */
    char *bytes;       /* owned, NUL-terminated; always UTF-8 (or raw bytes) */
    size_t len;
    size_t start;      /* first byte after a UTF-8 BOM, else 0 */
    size_t *lines;     /* owned: offset of the start of each line */
    size_t nlines;
    enum cite_encoding encoding; /* what the file was */
    size_t bad_utf16;  /* unpaired surrogates replaced by U+FFFD */
};

/*
 * Reads the file at path ("-" = stdin) into t.  Returns 0 on success, or
 * -1 with errno set when the file cannot be read (nothing to release).
 * path is borrowed and must outlive t.  Same as cite_text_load_max() with
 * no limit.
 */
int cite_text_load(struct cite_text *t, const char *path);

/*
 * The same, refusing a file of more than max bytes: -1 with errno EFBIG,
 * found by its size before reading when it is a regular file, else after
 * reading max + 1 bytes (so /dev/zero or an endless pipe stops).
 */
int cite_text_load_max(struct cite_text *t, const char *path, size_t max);

/*
 * Looks at what t holds before it is read as a text, and reports:
 * [utf16-converted] (a note) when it was UTF-16, [not-text] (an error)
 * when it is binary data (a known binary format such as ELF, PNG, gzip,
 * PDF or zip, or a start made mostly of control bytes), else the first
 * invalid UTF-8 sequence [invalid-utf8] and the first NUL byte
 * [nul-byte] (warnings, at their line:col, with how many more there are).
 * Returns 1 when t is a text worth reading, 0 when it is binary.
 */
int cite_text_check(const struct cite_text *t,
                    const struct cite_diag_sink *sink);

/* Makes t a copy of n bytes at s (for tests and in-memory input). */
void cite_text_init_mem(struct cite_text *t, const char *path, const char *s,
                        size_t n);

void cite_text_release(struct cite_text *t);

/* 1-based line and column (in code points) of byte offset off. */
void cite_text_locate(const struct cite_text *t, size_t off, size_t *line,
                      size_t *column);

/*
 * The same, walking from byte offset from, known to be at line:column, to
 * off >= from: linear in off - from, so that positions asked in text
 * order cost one pass over the text even when it is one enormous line.
 * Both count one column per code point, and one per byte of an invalid
 * UTF-8 sequence.
 */
void cite_text_locate_from(const struct cite_text *t, size_t from,
                           size_t line, size_t column, size_t off,
                           size_t *oline, size_t *ocolumn);

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

/* The same at a line and column the caller already knows (found with
 * cite_text_locate_from(), so that many diagnostics on one enormous line
 * do not each count from its start). */
void cite_text_vdiag_at(const struct cite_text *t,
                        const struct cite_diag_sink *sink,
                        enum cite_diag_code code, size_t off, size_t line,
                        size_t column, const char *fmt, va_list ap);

#endif
