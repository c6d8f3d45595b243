/*
 * cite_diag.h - diagnostics: problems found in the input.
 *
 * The library never prints.  Every problem it finds in a text, a YAML file
 * or a network goes to a caller-supplied sink as a struct cite_diag, and
 * the work goes on.  Each kind of problem has a stable slug (usable in
 * --ignore, baselines and golden files) and a default severity, both kept
 * in one table (src/core/diag.c).
 */
#ifndef CITE_DIAG_H
#define CITE_DIAG_H

#include <stddef.h>

enum cite_severity {
    CITE_SEV_NOTE,
    CITE_SEV_WARNING,
    CITE_SEV_ERROR
};

/* Keep in the order of the table in src/core/diag.c.  New codes go at the
 * end: the numbers are stored (check --cache entries). */
enum cite_diag_code {
    /* reading input */
    CITE_D_IO,               /* io-error */
    CITE_D_ENCODING,         /* invalid-utf8 */
    CITE_D_NUL_BYTE,         /* nul-byte */
    CITE_D_EMPTY_INPUT,      /* empty-input */
    CITE_D_UNKNOWN_LANGUAGE, /* unknown-language */
    /* extraction */
    CITE_D_AMBIGUOUS_BODY,   /* ambiguous-body */
    CITE_D_NO_DOCUMENT_ID,   /* no-document-id */
    CITE_D_REPAIRED,         /* repaired-citation */
    CITE_D_BAD_DATE,         /* impossible-date */
    CITE_D_ID_FROM_NAME,     /* id-from-file-name */
    CITE_D_TOO_MANY,         /* too-many-diagnostics */
    /* YAML */
    CITE_D_YAML_SYNTAX,      /* yaml-syntax */
    CITE_D_YAML_SCHEMA,      /* yaml-schema */
    /* check */
    CITE_D_UNRESOLVED,       /* unresolved-target */
    CITE_D_MALFORMED_SYMBOL, /* malformed-symbol */
    CITE_D_DATE_MISMATCH,    /* date-mismatch */
    CITE_D_MISSING_PARAGRAPH, /* missing-paragraph */
    CITE_D_LATER_DOCUMENT,   /* later-document */
    CITE_D_SELF_CITATION,    /* self-citation */
    CITE_D_DUPLICATE_DOC,    /* duplicate-document */
    CITE_D_LANG_VERSIONS,    /* language-versions-differ */
    /* bad input and limits (see cite_limits.h) */
    CITE_D_NOT_TEXT,         /* not-text */
    CITE_D_UTF16,            /* utf16-converted */
    CITE_D_FILE_TOO_LARGE,   /* file-too-large */
    CITE_D_ID_TOO_LONG,      /* id-too-long */
    CITE_D_YAML_TOO_DEEP,    /* yaml-too-deep */
    CITE_D_DIR_CYCLE,        /* directory-cycle */
    CITE_D__COUNT
};

/*
 * One diagnostic.  Every pointer is borrowed for the duration of the sink
 * call only; copy what you keep.  line and column are 1-based (column in
 * code points); 0 means unknown.  offset is the byte offset in the file.
 */
struct cite_diag {
    enum cite_diag_code code;
    enum cite_severity severity;
    const char *file;    /* may be NULL */
    size_t line;
    size_t column;
    size_t offset;
    const char *message; /* lower case, no final full stop */
    const char *source_line; /* the source line, without newline; may be NULL */
    size_t source_line_len;
};

typedef void (*cite_diag_fn)(void *ctx, const struct cite_diag *d);

/* A sink: fn is called once per diagnostic.  fn may be NULL (discard). */
struct cite_diag_sink {
    cite_diag_fn fn;
    void *ctx;
};

/* The stable slug of a code, e.g. "ambiguous-body".  Static storage. */
const char *cite_diag_slug(enum cite_diag_code code);

/* The default severity of a code. */
enum cite_severity cite_diag_default_severity(enum cite_diag_code code);

/* "note", "warning" or "error".  Static storage. */
const char *cite_severity_name(enum cite_severity sev);

/* Looks a slug up; returns CITE_D__COUNT when unknown. */
enum cite_diag_code cite_diag_from_slug(const char *slug);

/*
 * Formats message (printf-style) and hands a diagnostic with the code's
 * default severity to the sink.  A NULL sink or sink->fn discards it.
 */
void cite_diag_emit(const struct cite_diag_sink *sink, enum cite_diag_code code,
                    const char *file, size_t line, size_t column, size_t offset,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

#endif
