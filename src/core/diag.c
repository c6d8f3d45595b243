/*
 * diag.c - the one table of diagnostics: slug, default severity.
 *
 * Slugs are a public interface (--ignore, baselines, golden files): never
 * rename one; add new codes instead.
 */
#include <stdarg.h>
#include <string.h>

#include "cite_diag.h"
#include "core_int.h"

static const struct {
    const char *slug;
    enum cite_severity sev;
} table[CITE_D__COUNT] = {
    [CITE_D_IO] = {"io-error", CITE_SEV_ERROR},
    [CITE_D_ENCODING] = {"invalid-utf8", CITE_SEV_WARNING},
    [CITE_D_NUL_BYTE] = {"nul-byte", CITE_SEV_WARNING},
    [CITE_D_EMPTY_INPUT] = {"empty-input", CITE_SEV_WARNING},
    [CITE_D_UNKNOWN_LANGUAGE] = {"unknown-language", CITE_SEV_WARNING},
    [CITE_D_AMBIGUOUS_BODY] = {"ambiguous-body", CITE_SEV_WARNING},
    [CITE_D_NO_DOCUMENT_ID] = {"no-document-id", CITE_SEV_WARNING},
    [CITE_D_REPAIRED] = {"repaired-citation", CITE_SEV_NOTE},
    [CITE_D_BAD_DATE] = {"impossible-date", CITE_SEV_WARNING},
    [CITE_D_ID_FROM_NAME] = {"id-from-file-name", CITE_SEV_NOTE},
    [CITE_D_TOO_MANY] = {"too-many-diagnostics", CITE_SEV_NOTE},
    [CITE_D_YAML_SYNTAX] = {"yaml-syntax", CITE_SEV_ERROR},
    [CITE_D_YAML_SCHEMA] = {"yaml-schema", CITE_SEV_ERROR},
    [CITE_D_UNRESOLVED] = {"unresolved-target", CITE_SEV_NOTE},
    [CITE_D_MALFORMED_SYMBOL] = {"malformed-symbol", CITE_SEV_ERROR},
    [CITE_D_DATE_MISMATCH] = {"date-mismatch", CITE_SEV_WARNING},
    [CITE_D_MISSING_PARAGRAPH] = {"missing-paragraph", CITE_SEV_ERROR},
    [CITE_D_LATER_DOCUMENT] = {"later-document", CITE_SEV_ERROR},
    [CITE_D_SELF_CITATION] = {"self-citation", CITE_SEV_WARNING},
    [CITE_D_DUPLICATE_DOC] = {"duplicate-document", CITE_SEV_ERROR},
    [CITE_D_LANG_VERSIONS] = {"language-versions-differ", CITE_SEV_WARNING},
    [CITE_D_NOT_TEXT] = {"not-text", CITE_SEV_ERROR},
    [CITE_D_UTF16] = {"utf16-converted", CITE_SEV_NOTE},
    [CITE_D_FILE_TOO_LARGE] = {"file-too-large", CITE_SEV_ERROR},
    [CITE_D_ID_TOO_LONG] = {"id-too-long", CITE_SEV_WARNING},
    [CITE_D_YAML_TOO_DEEP] = {"yaml-too-deep", CITE_SEV_ERROR},
    [CITE_D_DIR_CYCLE] = {"directory-cycle", CITE_SEV_WARNING},
};

const char *
cite_diag_slug(enum cite_diag_code code)
{
    return (unsigned)code < CITE_D__COUNT ? table[code].slug : "unknown";
}

enum cite_severity
cite_diag_default_severity(enum cite_diag_code code)
{
    return (unsigned)code < CITE_D__COUNT ? table[code].sev : CITE_SEV_ERROR;
}

const char *
cite_severity_name(enum cite_severity sev)
{
    switch (sev) {
    case CITE_SEV_NOTE:
        return "note";
    case CITE_SEV_WARNING:
        return "warning";
    default:
        return "error";
    }
}

enum cite_diag_code
cite_diag_from_slug(const char *slug)
{
    for (int i = 0; i < CITE_D__COUNT; i++) {
        if (strcmp(table[i].slug, slug) == 0) {
            return (enum cite_diag_code)i;
        }
    }
    return CITE_D__COUNT;
}

void
cite_i_diag_vemit(const struct cite_diag_sink *sink, enum cite_diag_code code,
                  enum cite_severity sev, const char *file, size_t line,
                  size_t column, size_t offset, const char *fmt, va_list ap)
{
    if (sink == NULL || sink->fn == NULL) {
        return;
    }
    struct cite_i_buf msg = CITE_I_BUF_INIT;
    cite_i_buf_vaddf(&msg, fmt, ap);
    struct cite_diag d = {
        .code = code,
        .severity = sev,
        .file = file,
        .line = line,
        .column = column,
        .offset = offset,
        .message = msg.ptr ? msg.ptr : "",
    };
    sink->fn(sink->ctx, &d);
    cite_i_buf_release(&msg);
}

void
cite_diag_emit(const struct cite_diag_sink *sink, enum cite_diag_code code,
               const char *file, size_t line, size_t column, size_t offset,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cite_i_diag_vemit(sink, code, cite_diag_default_severity(code), file, line,
                      column, offset, fmt, ap);
    va_end(ap);
}
