/*
 * yaml_read.c - reads a YAML stream of docs back into the document model.
 *
 * libyaml's parser turns the bytes into events; this file walks them by
 * recursive descent and fills a struct cite_doc directly, with no YAML tree
 * in between.  The grammar it accepts, over events (keys in any order, each
 * at most once; a null value - empty, `~`, `null` - counts as an absent key):
 *
 *   stream    := STREAM-START document* STREAM-END
 *   document  := DOCUMENT-START root DOCUMENT-END
 *   root      := MAPPING of top-key | null          (a null root is skipped)
 *   top-key   := source: str | language: LANG
 *              | document: MAPPING of info-key
 *              | citations: SEQUENCE of citation
 *   info-key  := id: str | body: BODY | type: TYPE | session: uint
 *              | date: DATE | meeting: uint | vote: str | agenda-item: str
 *              | title: str
 *   citation  := MAPPING of cite-key, `target` required
 *   cite-key  := target: str | type: TYPE | body: BODY | date: DATE
 *              | pinpoint: SEQUENCE of str | relation: RELATION
 *              | in: str (at most 15 bytes) | line: uint | column: uint
 *              | text: str
 *
 * A registry of known documents (cite_yaml_read_registry) is a stream of
 * documents whose roots are sequences of entries:
 *
 *   reg-root  := SEQUENCE of entry | null
 *   entry     := MAPPING of reg-key, `id` required
 *   reg-key   := id: str | date: DATE | title: str | paragraphs: uint
 *
 * str is any scalar, plain or quoted (so `pinpoint: [3, 4]` gives "3" and
 * "4"); uint is a plain scalar of decimal digits; DATE is YYYY-MM-DD and a
 * real calendar date; LANG, BODY, TYPE and RELATION are the names of
 * cite_doc.h.  Whatever breaks the schema - an unknown key, a wrong type,
 * a citation without target, a root that is not a mapping - is reported
 * as [yaml-schema] at its file:line:col and skipped, and reading goes on.
 * Anchors and aliases are not part of the schema and are refused, so an
 * alias bomb is never expanded; nesting deeper than the yaml-depth limit
 * stops the read [yaml-too-deep], as a syntax error does, and a document
 * id longer than the id-length limit is refused (cite_limits.h).  The input is read into memory first so
 * that libyaml's marks (counted in characters) can be turned into byte
 * offsets.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../core/core_int.h"
#include "cite_yaml.h"
#include "yaml_int.h"

/* How much of an offending value a message quotes. */
#define SHOW_MAX 60

struct reader {
    yaml_parser_t parser;
    yaml_event_t ev; /* the current event, when have_ev */
    int have_ev;
    size_t depth;
    size_t max_depth; /* the yaml-depth limit */
    size_t id_max;    /* the id-length limit */
    int fatal; /* a syntax error or too deep: no more events */
    const char *path;
    const struct cite_diag_sink *sink;
    const unsigned char *buf;
    size_t len;
    size_t bom;       /* bytes of UTF-8 BOM, which libyaml does not count */
    int utf8;         /* 0 for UTF-16 input: offsets are then unknown (0) */
    size_t cur_index; /* cursor: character cur_index is at byte cur_byte */
    size_t cur_byte;
    struct cite_i_buf scratch; /* NUL-terminated copy of a scalar */
    struct cite_i_buf show;    /* an offending value, made printable */
    struct cite_i_buf msg;
};

/* ---- positions and diagnostics -------------------------------------- */

/* libyaml counts characters; diagnostics want bytes. */
static size_t
byte_offset(struct reader *rd, size_t index)
{
    if (!rd->utf8) {
        return 0;
    }
    /* back, character by character: what libyaml has read is valid UTF-8
     * (it stops at the first invalid byte), so a character starts at the
     * first byte that is not 10xxxxxx.  Never back to the start: one
     * report per entry, made after the entry's keys, would make reading
     * quadratic. */
    while (rd->cur_index > index && rd->cur_byte > rd->bom) {
        rd->cur_byte--;
        while (rd->cur_byte > rd->bom &&
               (rd->buf[rd->cur_byte] & 0xC0) == 0x80) {
            rd->cur_byte--;
        }
        rd->cur_index--;
    }
    while (rd->cur_index < index && rd->cur_byte < rd->len) {
        unsigned cp;
        rd->cur_byte += cite_i_utf8_decode(rd->buf + rd->cur_byte,
                                           rd->len - rd->cur_byte, &cp);
        rd->cur_index++;
    }
    return rd->cur_byte;
}

/* The line and column of a byte offset, for reader errors (no mark). */
static void
locate_byte(const struct reader *rd, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, c = 1;
    for (size_t i = 0; i < off && i < rd->len;) {
        unsigned cp;
        size_t n = cite_i_utf8_decode(rd->buf + i, rd->len - i, &cp);
        if (cp == '\n' ||
            (cp == '\r' && (i + 1 >= rd->len || rd->buf[i + 1] != '\n'))) {
            l++;
            c = 1;
        } else if (cp != '\r') {
            c++;
        }
        i += n;
    }
    *line = l;
    *col = c;
}

static void report(struct reader *rd, enum cite_diag_code code,
                   const yaml_mark_t *m, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void
report(struct reader *rd, enum cite_diag_code code, const yaml_mark_t *m,
       const char *fmt, ...)
{
    va_list ap;
    cite_i_buf_reset(&rd->msg);
    va_start(ap, fmt);
    cite_i_buf_vaddf(&rd->msg, fmt, ap);
    va_end(ap);
    cite_diag_emit(rd->sink, code, rd->path, m->line + 1, m->column + 1,
                   byte_offset(rd, m->index), "%s", rd->msg.ptr);
}

/* A value fit to quote in a message: control bytes escaped, cut short. */
static const char *
show(struct reader *rd, const char *s, size_t n)
{
    cite_i_buf_reset(&rd->show);
    cite_i_buf_add(&rd->show, "", 0);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (rd->show.len >= SHOW_MAX) {
            cite_i_buf_adds(&rd->show, "...");
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            cite_i_buf_addf(&rd->show, "\\x%02x", c);
            i++;
            continue;
        }
        unsigned cp;
        size_t len =
            cite_i_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        cite_i_buf_add(&rd->show, s + i, len); /* whole code points only */
        i += len;
    }
    return rd->show.ptr;
}

static void
syntax_error(struct reader *rd)
{
    const yaml_parser_t *p = &rd->parser;
    size_t line, col;

    switch (p->error) {
    case YAML_MEMORY_ERROR:
        cite_diag_emit(rd->sink, CITE_D_IO, rd->path, 0, 0, 0,
                       "out of memory while reading yaml");
        break;
    case YAML_READER_ERROR:
        /* reader errors carry a byte offset, not a mark */
        locate_byte(rd, p->problem_offset, &line, &col);
        if (p->problem_value != -1) {
            cite_diag_emit(rd->sink, CITE_D_YAML_SYNTAX, rd->path, line, col,
                           p->problem_offset, "%s (byte 0x%02x)", p->problem,
                           (unsigned)p->problem_value & 0xFFu);
        } else {
            cite_diag_emit(rd->sink, CITE_D_YAML_SYNTAX, rd->path, line, col,
                           p->problem_offset, "%s", p->problem);
        }
        break;
    default:
        if (p->context != NULL) {
            report(rd, CITE_D_YAML_SYNTAX, &p->problem_mark, "%s %s",
                   p->problem ? p->problem : "syntax error", p->context);
        } else {
            report(rd, CITE_D_YAML_SYNTAX, &p->problem_mark, "%s",
                   p->problem ? p->problem : "syntax error");
        }
        break;
    }
}

/* ---- events ---------------------------------------------------------- */

/* Moves to the next event; 0 when none can follow (already reported). */
static int
next(struct reader *rd)
{
    if (rd->have_ev) {
        yaml_event_delete(&rd->ev);
        rd->have_ev = 0;
    }
    if (rd->fatal) {
        return 0;
    }
    if (!yaml_parser_parse(&rd->parser, &rd->ev)) {
        syntax_error(rd);
        rd->fatal = 1;
        return 0;
    }
    rd->have_ev = 1;
    switch (rd->ev.type) {
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (++rd->depth > rd->max_depth) {
            report(rd, CITE_D_YAML_TOO_DEEP, &rd->ev.start_mark,
                   "nesting deeper than the yaml-depth limit of %zu levels",
                   rd->max_depth);
            rd->fatal = 1;
            return 0;
        }
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        rd->depth--;
        break;
    default:
        break;
    }
    return 1;
}

/*
 * Every node reader starts on the node's first event and stops on its
 * last one; the caller then moves on with next().
 */
static int
skip_node(struct reader *rd)
{
    int level = 0;
    do {
        switch (rd->ev.type) {
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            level++;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            level--;
            break;
        default:
            break;
        }
        if (level > 0 && !next(rd)) {
            return 0;
        }
    } while (level > 0);
    return 1;
}

static int
is_null(const yaml_event_t *ev)
{
    const char *v = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    if (ev->type != YAML_SCALAR_EVENT ||
        ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
        ev->data.scalar.tag != NULL) {
        return 0;
    }
    return n == 0 || (n == 1 && v[0] == '~') ||
           (n == 4 && (memcmp(v, "null", 4) == 0 || memcmp(v, "Null", 4) == 0 ||
                       memcmp(v, "NULL", 4) == 0));
}

/*
 * Whether the node starting here may be read at all: no alias, no
 * anchor, no tag but the core one for the kind expected (or "!" for a
 * string).  Reports why not.
 */
static int
node_ok(struct reader *rd, const char *want_tag)
{
    const yaml_event_t *ev = &rd->ev;
    const yaml_char_t *anchor = NULL;
    const yaml_char_t *tag = NULL;

    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark,
               "alias '*%s' is not allowed",
               show(rd, (const char *)ev->data.alias.anchor,
                    strlen((const char *)ev->data.alias.anchor)));
        return 0;
    case YAML_SCALAR_EVENT:
        anchor = ev->data.scalar.anchor;
        tag = ev->data.scalar.tag;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = ev->data.sequence_start.anchor;
        tag = ev->data.sequence_start.tag;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = ev->data.mapping_start.anchor;
        tag = ev->data.mapping_start.tag;
        break;
    default:
        return 0;
    }
    if (anchor != NULL) {
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark,
               "anchor '&%s' is not allowed",
               show(rd, (const char *)anchor, strlen((const char *)anchor)));
        return 0;
    }
    if (tag != NULL && strcmp((const char *)tag, want_tag) != 0 &&
        !(strcmp((const char *)tag, "!") == 0 &&
          strcmp(want_tag, YAML_STR_TAG) == 0)) {
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark, "unexpected tag '%s'",
               show(rd, (const char *)tag, strlen((const char *)tag)));
        return 0;
    }
    return 1;
}

/* Reports that key in ctx wanted `want` but got the current node. */
static void
wrong_type(struct reader *rd, const char *want, const char *key,
           const char *ctx)
{
    const yaml_event_t *ev = &rd->ev;
    switch (ev->type) {
    case YAML_SCALAR_EVENT:
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark,
               "expected %s for '%s' %s, got %s'%s'", want, key, ctx,
               ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                   ? ""
                   : "a quoted string ",
               show(rd, (const char *)ev->data.scalar.value,
                    ev->data.scalar.length));
        break;
    case YAML_SEQUENCE_START_EVENT:
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark,
               "expected %s for '%s' %s, got a sequence", want, key, ctx);
        break;
    default:
        report(rd, CITE_D_YAML_SCHEMA, &ev->start_mark,
               "expected %s for '%s' %s, got a mapping", want, key, ctx);
        break;
    }
}

/* ---- typed values ---------------------------------------------------- */

/*
 * A string value: *out is a NUL-terminated copy (valid until the next
 * call), or NULL when the value is null or was refused (reported).
 * Returns 0 only when reading cannot go on.
 */
static int
get_str(struct reader *rd, const char *key, const char *ctx, const char **out)
{
    *out = NULL;
    if (!node_ok(rd, YAML_STR_TAG)) {
        return skip_node(rd);
    }
    if (rd->ev.type != YAML_SCALAR_EVENT) {
        wrong_type(rd, "a string", key, ctx);
        return skip_node(rd);
    }
    if (is_null(&rd->ev)) {
        return 1;
    }
    const char *v = (const char *)rd->ev.data.scalar.value;
    size_t n = rd->ev.data.scalar.length;
    if (memchr(v, '\0', n) != NULL) {
        /* our strings are C strings: a NUL would cut it silently */
        report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
               "nul byte in '%s' %s", key, ctx);
        return 1;
    }
    cite_i_buf_reset(&rd->scratch);
    cite_i_buf_add(&rd->scratch, v, n);
    *out = rd->scratch.ptr;
    return 1;
}

/*
 * get_str() for a document id: an id longer than the id-length limit is
 * reported and read as absent.
 */
static int
get_id(struct reader *rd, const char *key, const char *ctx, const char **out)
{
    if (!get_str(rd, key, ctx, out)) {
        return 0;
    }
    size_t n = *out != NULL ? strlen(*out) : 0;
    if (n > rd->id_max) {
        report(rd, CITE_D_ID_TOO_LONG, &rd->ev.start_mark,
               "'%s' %s is %zu bytes long, over the id-length limit of %zu; "
               "left out",
               key, ctx, n, rd->id_max);
        *out = NULL;
    }
    return 1;
}

/* An unsigned integer no larger than max; *set says whether one was read. */
static int
get_uint(struct reader *rd, const char *key, const char *ctx,
         unsigned long long max, unsigned long long *out, int *set)
{
    *set = 0;
    if (!node_ok(rd, YAML_INT_TAG)) {
        return skip_node(rd);
    }
    if (rd->ev.type != YAML_SCALAR_EVENT) {
        wrong_type(rd, "an integer", key, ctx);
        return skip_node(rd);
    }
    if (is_null(&rd->ev)) {
        return 1;
    }
    const char *v = (const char *)rd->ev.data.scalar.value;
    size_t n = rd->ev.data.scalar.length;
    unsigned long long x = 0;
    /* a leading zero is octal to YAML 1.1 readers: refuse the ambiguity */
    int ok = rd->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && n > 0 &&
             !(n > 1 && v[0] == '0');
    for (size_t i = 0; ok && i < n; i++) {
        if (v[i] < '0' || v[i] > '9' ||
            x > (max - (unsigned)(v[i] - '0')) / 10) {
            ok = 0;
            break;
        }
        x = x * 10 + (unsigned)(v[i] - '0');
    }
    if (!ok) {
        wrong_type(rd, "an integer", key, ctx);
        return 1;
    }
    *out = x;
    *set = 1;
    return 1;
}

/* A YYYY-MM-DD date into out[CITE_DATE_LEN]; left alone when refused. */
static int
get_date(struct reader *rd, const char *ctx, char *out)
{
    const char *s;
    char check[CITE_DATE_LEN];
    int y, m, d;

    if (!get_str(rd, "date", ctx, &s)) {
        return 0;
    }
    if (s == NULL) {
        return 1;
    }
    if (strlen(s) != 10 || strspn(s, "0123456789-") != 10 ||
        sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
        !cite_i_date_format(check, y, m, d) || strcmp(check, s) != 0) {
        report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
               "invalid date '%s' %s", show(rd, s, strlen(s)), ctx);
        return 1;
    }
    memcpy(out, check, CITE_DATE_LEN);
    return 1;
}

/* Looks a name up with one of cite_doc.h's reverse functions. */
static int
get_name(struct reader *rd, const char *key, const char *ctx,
         int (*lookup)(const char *), int *out)
{
    const char *s;
    if (!get_str(rd, key, ctx, &s)) {
        return 0;
    }
    if (s == NULL) {
        return 1;
    }
    int v = lookup(s);
    if (v == 0) {
        report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark, "unknown %s '%s' %s",
               key, show(rd, s, strlen(s)), ctx);
        return 1;
    }
    *out = v;
    return 1;
}

/* The enum look-ups, with one signature for get_name(). */
static int
lang_of(const char *s)
{
    return (int)cite_lang_from_code(s);
}

static int
body_of(const char *s)
{
    return (int)cite_body_from_name(s);
}

static int
type_of(const char *s)
{
    return (int)cite_type_from_name(s);
}

static int
relation_of(const char *s)
{
    return (int)cite_relation_from_name(s);
}

/* ---- mappings -------------------------------------------------------- */

typedef int (*value_fn)(struct reader *rd, int key, void *arg);

/*
 * Reads a mapping whose keys are names[0..nnames-1] (at most 32): fn
 * reads the value of each known key.  Unknown, repeated and non-string
 * keys are reported with their value skipped.  Starts on MAPPING-START,
 * stops on MAPPING-END.
 */
static int
read_mapping(struct reader *rd, const char *const *names, int nnames,
             const char *ctx, value_fn fn, void *arg)
{
    uint32_t seen = 0;
    for (;;) {
        if (!next(rd)) {
            return 0;
        }
        if (rd->ev.type == YAML_MAPPING_END_EVENT) {
            return 1;
        }
        int k = -1;
        if (rd->ev.type == YAML_SCALAR_EVENT ||
            rd->ev.type == YAML_ALIAS_EVENT) {
            if (node_ok(rd, YAML_STR_TAG)) {
                const char *v = (const char *)rd->ev.data.scalar.value;
                size_t n = rd->ev.data.scalar.length;
                for (int i = 0; i < nnames; i++) {
                    if (strlen(names[i]) == n && memcmp(names[i], v, n) == 0) {
                        k = i;
                        break;
                    }
                }
                if (k < 0) {
                    report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                           "unknown key '%s' %s", show(rd, v, n), ctx);
                } else if (seen & (UINT32_C(1) << k)) {
                    report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                           "duplicate key '%s' %s", names[k], ctx);
                    k = -1;
                } else {
                    seen |= UINT32_C(1) << k;
                }
            }
        } else {
            report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                   "key is not a string %s", ctx);
            if (!skip_node(rd)) {
                return 0;
            }
        }
        if (!next(rd)) {
            return 0;
        }
        if (k < 0) {
            if (!skip_node(rd)) {
                return 0;
            }
        } else if (!fn(rd, k, arg)) {
            return 0;
        }
    }
}

/*
 * Starts a collection value of the kind given (sequence or mapping).
 * Returns 1 with *ok set when the current event opens one; *ok = 0 when the
 * value is null or refused (reported and skipped).
 */
static int
expect(struct reader *rd, yaml_event_type_t type, const char *key,
       const char *ctx, int *ok)
{
    int seq = type == YAML_SEQUENCE_START_EVENT;
    *ok = 0;
    if (!node_ok(rd, seq ? YAML_SEQ_TAG : YAML_MAP_TAG)) {
        return skip_node(rd);
    }
    if (is_null(&rd->ev)) {
        return 1;
    }
    if (rd->ev.type != type) {
        wrong_type(rd, seq ? "a sequence" : "a mapping", key, ctx);
        return skip_node(rd);
    }
    *ok = 1;
    return 1;
}

/* ---- the schema ------------------------------------------------------ */

static const char *const info_keys[] = {
    "id",      "body", "type",        "session", "date",
    "meeting", "vote", "agenda-item", "title",
};
enum {
    I_ID,
    I_BODY,
    I_TYPE,
    I_SESSION,
    I_DATE,
    I_MEETING,
    I_VOTE,
    I_AGENDA,
    I_TITLE
};

static const char *const cite_keys[] = {
    "target",   "type", "body", "date",   "pinpoint",
    "relation", "in",   "line", "column", "text",
};
enum {
    C_TARGET,
    C_TYPE,
    C_BODY,
    C_DATE,
    C_PINPOINT,
    C_RELATION,
    C_IN,
    C_LINE,
    C_COLUMN,
    C_TEXT
};

static const char *const top_keys[] = {
    "source",
    "language",
    "document",
    "citations",
};
enum { T_SOURCE, T_LANGUAGE, T_DOCUMENT, T_CITATIONS };

#define NKEYS(a) ((int)(sizeof(a) / sizeof(a)[0]))

static const char ctx_info[] = "in 'document'";
static const char ctx_cite[] = "in citation";
static const char ctx_top[] = "at top level";

/* A pooled copy of a string value, or NULL. */
static const char *
keep(struct cite_doc *doc, const char *s)
{
    return s != NULL ? cite_doc_strdup(doc, s) : NULL;
}

static int
info_value(struct reader *rd, int k, void *arg)
{
    struct cite_doc *doc = arg;
    struct cite_docinfo *in = &doc->info;
    const char *s;
    unsigned long long u;
    int v, set;

    switch (k) {
    case I_ID:
    case I_VOTE:
    case I_AGENDA:
    case I_TITLE:
        if (!(k == I_ID ? get_id : get_str)(rd, info_keys[k], ctx_info, &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            const char *p = cite_doc_strdup(doc, s);
            if (k == I_ID) {
                in->id = p;
            } else if (k == I_VOTE) {
                in->vote = p;
            } else if (k == I_AGENDA) {
                in->agenda_item = p;
            } else {
                in->title = p;
            }
        }
        return 1;
    case I_BODY:
        v = 0;
        if (!get_name(rd, "body", ctx_info, body_of, &v)) {
            return 0;
        }
        in->body = (enum cite_body)v;
        return 1;
    case I_TYPE:
        v = 0;
        if (!get_name(rd, "type", ctx_info, type_of, &v)) {
            return 0;
        }
        in->type = (enum cite_type)v;
        return 1;
    case I_SESSION:
    case I_MEETING:
        if (!get_uint(rd, info_keys[k], ctx_info, INT32_MAX, &u, &set)) {
            return 0;
        }
        if (set) {
            *(k == I_SESSION ? &in->session : &in->meeting) = (int)u;
        }
        return 1;
    case I_DATE:
        return get_date(rd, ctx_info, in->date);
    default:
        return skip_node(rd);
    }
}

struct cite_arg {
    struct cite_doc *doc;
    struct cite_ref *ref;
};

static int
read_pinpoints(struct reader *rd, struct cite_doc *doc, struct cite_ref *ref)
{
    int ok;
    if (!expect(rd, YAML_SEQUENCE_START_EVENT, "pinpoint", ctx_cite, &ok)) {
        return 0;
    }
    if (!ok) {
        return 1;
    }
    for (;;) {
        const char *s;
        if (!next(rd)) {
            return 0;
        }
        if (rd->ev.type == YAML_SEQUENCE_END_EVENT) {
            return 1;
        }
        if (!get_str(rd, "pinpoint", ctx_cite, &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            cite_doc_add_pinpoint(doc, ref, s, strlen(s));
        } else if (rd->ev.type == YAML_SCALAR_EVENT) {
            report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                   "empty entry in 'pinpoint' %s", ctx_cite);
        }
    }
}

static int
cite_value(struct reader *rd, int k, void *arg)
{
    struct cite_arg *a = arg;
    struct cite_ref *r = a->ref;
    const char *s;
    unsigned long long u;
    int v, set;

    switch (k) {
    case C_TARGET:
    case C_TEXT:
        if (!(k == C_TARGET ? get_id : get_str)(rd, cite_keys[k], ctx_cite,
                                                &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            *(k == C_TARGET ? &r->target : &r->text) = keep(a->doc, s);
        }
        return 1;
    case C_TYPE:
        v = 0;
        if (!get_name(rd, "type", ctx_cite, type_of, &v)) {
            return 0;
        }
        r->type = (enum cite_type)v;
        return 1;
    case C_BODY:
        v = 0;
        if (!get_name(rd, "body", ctx_cite, body_of, &v)) {
            return 0;
        }
        r->body = (enum cite_body)v;
        return 1;
    case C_RELATION:
        v = 0;
        if (!get_name(rd, "relation", ctx_cite, relation_of, &v)) {
            return 0;
        }
        r->relation = (enum cite_relation)v;
        return 1;
    case C_DATE:
        return get_date(rd, ctx_cite, r->date);
    case C_PINPOINT:
        return read_pinpoints(rd, a->doc, r);
    case C_IN:
        if (!get_str(rd, "in", ctx_cite, &s)) {
            return 0;
        }
        if (s != NULL && strlen(s) >= sizeof r->where) {
            report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                   "value '%s' of 'in' is longer than %zu bytes %s",
                   show(rd, s, strlen(s)), sizeof r->where - 1, ctx_cite);
        } else if (s != NULL) {
            memcpy(r->where, s, strlen(s) + 1);
        }
        return 1;
    case C_LINE:
    case C_COLUMN:
        if (!get_uint(rd, cite_keys[k], ctx_cite, SIZE_MAX, &u, &set)) {
            return 0;
        }
        if (set) {
            *(k == C_LINE ? &r->line : &r->column) = (size_t)u;
        }
        return 1;
    default:
        return skip_node(rd);
    }
}

/*
 * The next entry of a sequence of mappings (the citations, the registry):
 * returns 1 at its MAPPING_START, 0 at the end of the sequence, -1 on a
 * syntax error.  An entry that is not a mapping is reported and skipped.
 */
static int
next_entry(struct reader *rd, const char *what)
{
    for (;;) {
        if (!next(rd)) {
            return -1;
        }
        if (rd->ev.type == YAML_SEQUENCE_END_EVENT) {
            return 0;
        }
        if (!node_ok(rd, YAML_MAP_TAG)) {
            if (!skip_node(rd)) {
                return -1;
            }
            continue;
        }
        if (rd->ev.type != YAML_MAPPING_START_EVENT) {
            wrong_type(rd, "a mapping", what, "entry");
            if (!skip_node(rd)) {
                return -1;
            }
            continue;
        }
        return 1;
    }
}

static int
read_citations(struct reader *rd, struct cite_doc *doc)
{
    int ok;
    if (!expect(rd, YAML_SEQUENCE_START_EVENT, "citations", ctx_top, &ok)) {
        return 0;
    }
    if (!ok) {
        return 1;
    }
    for (;;) {
        int at = next_entry(rd, "citations");
        if (at <= 0) {
            return at == 0;
        }
        /* built aside and added whole, so a refused entry leaves no trace */
        struct cite_ref ref;
        struct cite_arg a = {doc, &ref};
        yaml_mark_t start = rd->ev.start_mark;
        memset(&ref, 0, sizeof ref);
        if (!read_mapping(rd, cite_keys, NKEYS(cite_keys), ctx_cite, cite_value,
                          &a)) {
            return 0;
        }
        if (ref.target == NULL) {
            report(rd, CITE_D_YAML_SCHEMA, &start, "citation without 'target'");
            continue;
        }
        *cite_doc_add_ref(doc) = ref;
    }
}

static int
top_value(struct reader *rd, int k, void *arg)
{
    struct cite_doc *doc = arg;
    const char *s;
    int v, ok;

    switch (k) {
    case T_SOURCE:
        if (!get_str(rd, "source", ctx_top, &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            doc->source = cite_doc_strdup(doc, s);
        }
        return 1;
    case T_LANGUAGE:
        v = 0;
        if (!get_name(rd, "language", ctx_top, lang_of, &v)) {
            return 0;
        }
        doc->lang = (enum cite_lang)v;
        return 1;
    case T_DOCUMENT:
        if (!expect(rd, YAML_MAPPING_START_EVENT, "document", ctx_top, &ok)) {
            return 0;
        }
        return !ok || read_mapping(rd, info_keys, NKEYS(info_keys), ctx_info,
                                   info_value, doc);
    case T_CITATIONS:
        return read_citations(rd, doc);
    default:
        return skip_node(rd);
    }
}

/* Starts on DOCUMENT-START, stops on DOCUMENT-END. */
static int
read_document(struct reader *rd, struct cite_corpus *corpus)
{
    struct cite_doc doc;
    int keep_doc = 0;

    cite_doc_init(&doc);
    doc.source_line = rd->ev.start_mark.line + 1;
    if (!next(rd)) {
        cite_doc_release(&doc);
        return 0;
    }
    if (is_null(&rd->ev) && rd->ev.data.scalar.anchor == NULL) {
        /* `---` with nothing after it: no doc, and nothing wrong */
    } else if (!node_ok(rd, YAML_MAP_TAG)) {
        if (!skip_node(rd)) {
            cite_doc_release(&doc);
            return 0;
        }
    } else if (rd->ev.type != YAML_MAPPING_START_EVENT) {
        report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
               "document is not a mapping");
        if (!skip_node(rd)) {
            cite_doc_release(&doc);
            return 0;
        }
    } else {
        if (!read_mapping(rd, top_keys, NKEYS(top_keys), ctx_top, top_value,
                          &doc)) {
            cite_doc_release(&doc);
            return 0;
        }
        keep_doc = 1;
    }
    if (!next(rd)) { /* DOCUMENT-END */
        cite_doc_release(&doc);
        return 0;
    }
    if (keep_doc) {
        *cite_corpus_add(corpus) = doc; /* the corpus takes the pool */
    } else {
        cite_doc_release(&doc);
    }
    return 1;
}

static int
read_stream(struct reader *rd, void *arg)
{
    struct cite_corpus *corpus = arg;
    if (!next(rd)) { /* STREAM-START */
        return -1;
    }
    for (;;) {
        if (!next(rd)) {
            return -1;
        }
        if (rd->ev.type == YAML_STREAM_END_EVENT) {
            return 0;
        }
        if (!read_document(rd, corpus)) {
            return -1;
        }
    }
}

/* ---- the registry of known documents ---------------------------------- */

static const char *const reg_keys[] = {"id", "date", "title", "paragraphs"};
enum { R_ID, R_DATE, R_TITLE, R_PARAGRAPHS };
static const char ctx_reg[] = "in registry entry";

struct reg_arg {
    char *id;
    char *title;
    char date[CITE_DATE_LEN];
    unsigned paragraphs;
};

static int
reg_value(struct reader *rd, int k, void *arg)
{
    struct reg_arg *a = arg;
    const char *s;
    unsigned long long u;
    int set;

    switch (k) {
    case R_ID:
    case R_TITLE:
        if (!(k == R_ID ? get_id : get_str)(rd, reg_keys[k], ctx_reg, &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            if (k == R_ID) {
                a->id = cite_i_xstrdup(s);
            } else {
                a->title = cite_i_xstrdup(s);
            }
        }
        return 1;
    case R_DATE:
        return get_date(rd, ctx_reg, a->date);
    default:
        if (!get_uint(rd, "paragraphs", ctx_reg, 100000, &u, &set)) {
            return 0;
        }
        if (set) {
            a->paragraphs = (unsigned)u;
        }
        return 1;
    }
}

/* Starts on the root node of a document, stops on its end. */
static int
read_registry_root(struct reader *rd, struct cite_check_registry *reg)
{
    if (is_null(&rd->ev) && rd->ev.data.scalar.anchor == NULL) {
        return 1;
    }
    if (!node_ok(rd, YAML_SEQ_TAG)) {
        return skip_node(rd);
    }
    if (rd->ev.type != YAML_SEQUENCE_START_EVENT) {
        report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
               "registry is not a sequence");
        return skip_node(rd);
    }
    for (;;) {
        int at = next_entry(rd, "registry");
        if (at <= 0) {
            return at == 0;
        }
        struct reg_arg a;
        yaml_mark_t start = rd->ev.start_mark;
        memset(&a, 0, sizeof a);
        int ok =
            read_mapping(rd, reg_keys, NKEYS(reg_keys), ctx_reg, reg_value, &a);
        if (ok && a.id == NULL) {
            report(rd, CITE_D_YAML_SCHEMA, &start,
                   "registry entry without 'id'");
        } else if (ok) {
            struct cite_check_entry *e = cite_check_registry_add(
                reg, a.id, a.date, a.title, a.paragraphs);
            e->line = start.line + 1;
            e->column = start.column + 1;
        }
        free(a.id);
        free(a.title);
        if (!ok) {
            return 0;
        }
    }
}

static int
read_registry_stream(struct reader *rd, void *arg)
{
    struct cite_check_registry *reg = arg;
    if (!next(rd)) { /* STREAM-START */
        return -1;
    }
    for (;;) {
        if (!next(rd)) {
            return -1;
        }
        if (rd->ev.type == YAML_STREAM_END_EVENT) {
            return 0;
        }
        /* DOCUMENT-START, root, DOCUMENT-END */
        if (!next(rd) || !read_registry_root(rd, reg) || !next(rd)) {
            return -1;
        }
    }
}

/* ---- the configuration of check --------------------------------------- */

static const char *const cfg_keys[] = {"severity", "ignore-paths",
                                       "ignore-targets"};
enum { C_SEVERITY, C_IGNORE_PATHS, C_IGNORE_TARGETS };
static const char ctx_cfg[] = "in configuration";

_Static_assert(CITE_D__COUNT <= 32, "read_mapping takes at most 32 keys");

static int
cfg_severity_value(struct reader *rd, int k, void *arg)
{
    struct cite_check_config *cfg = arg;
    static const char *const names[] = {"note", "warning", "error", "off"};
    const char *slug = cite_diag_slug((enum cite_diag_code)k);
    const char *s;
    if (!get_str(rd, slug, "in 'severity'", &s)) {
        return 0;
    }
    if (s == NULL) {
        return 1;
    }
    for (int i = 0; i < NKEYS(names); i++) {
        if (strcmp(s, names[i]) == 0) {
            cfg->severity[k] = i; /* CITE_SEV_* in order, then OFF */
            return 1;
        }
    }
    report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
           "unknown severity '%s' for '%s' %s (note, warning, error or off)",
           show(rd, s, strlen(s)), slug, ctx_cfg);
    return 1;
}

static int
read_cfg_list(struct reader *rd, const char *key, char ***list, size_t *n)
{
    int ok;
    if (!expect(rd, YAML_SEQUENCE_START_EVENT, key, ctx_cfg, &ok)) {
        return 0;
    }
    if (!ok) {
        return 1;
    }
    for (;;) {
        const char *s;
        if (!next(rd)) {
            return 0;
        }
        if (rd->ev.type == YAML_SEQUENCE_END_EVENT) {
            return 1;
        }
        if (!get_str(rd, key, ctx_cfg, &s)) {
            return 0;
        }
        if (s != NULL && *s != '\0') {
            cite_check_config_add(list, n, s);
        } else if (rd->ev.type == YAML_SCALAR_EVENT) {
            report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                   "empty entry in '%s' %s", key, ctx_cfg);
        }
    }
}

static int
cfg_value(struct reader *rd, int k, void *arg)
{
    struct cite_check_config *cfg = arg;
    int ok;
    switch (k) {
    case C_SEVERITY: {
        const char *slugs[CITE_D__COUNT];
        for (int i = 0; i < CITE_D__COUNT; i++) {
            slugs[i] = cite_diag_slug((enum cite_diag_code)i);
        }
        if (!expect(rd, YAML_MAPPING_START_EVENT, "severity", ctx_cfg, &ok)) {
            return 0;
        }
        return !ok || read_mapping(rd, slugs, CITE_D__COUNT, "in 'severity'",
                                   cfg_severity_value, cfg);
    }
    case C_IGNORE_PATHS:
        return read_cfg_list(rd, "ignore-paths", &cfg->ignore_paths,
                             &cfg->n_ignore_paths);
    default:
        return read_cfg_list(rd, "ignore-targets", &cfg->ignore_targets,
                             &cfg->n_ignore_targets);
    }
}

static int
read_config_stream(struct reader *rd, void *arg)
{
    struct cite_check_config *cfg = arg;
    if (!next(rd)) { /* STREAM-START */
        return -1;
    }
    for (;;) {
        if (!next(rd)) {
            return -1;
        }
        if (rd->ev.type == YAML_STREAM_END_EVENT) {
            return 0;
        }
        if (!next(rd)) { /* the root */
            return -1;
        }
        int ok = 1;
        if (is_null(&rd->ev) && rd->ev.data.scalar.anchor == NULL) {
            /* an empty configuration */
        } else if (!node_ok(rd, YAML_MAP_TAG)) {
            ok = skip_node(rd);
        } else if (rd->ev.type != YAML_MAPPING_START_EVENT) {
            report(rd, CITE_D_YAML_SCHEMA, &rd->ev.start_mark,
                   "configuration is not a mapping");
            ok = skip_node(rd);
        } else {
            ok = read_mapping(rd, cfg_keys, NKEYS(cfg_keys), ctx_cfg,
                              cfg_value, cfg);
        }
        if (!ok || !next(rd)) { /* DOCUMENT-END */
            return -1;
        }
    }
}

/* ---- entry points ----------------------------------------------------- */

static int
read_mem(const char *buf, size_t n, const char *path,
         const struct cite_limits *lim, const struct cite_diag_sink *sink,
         int (*body)(struct reader *, void *), void *arg)
{
    struct reader rd;
    struct cite_limits def;
    int rc;

    if (lim == NULL) {
        cite_limits_init(&def);
        lim = &def;
    }
    memset(&rd, 0, sizeof rd);
    rd.max_depth = lim->yaml_depth;
    rd.id_max = lim->id_length;
    rd.path = path;
    rd.sink = sink;
    rd.buf = (const unsigned char *)(buf != NULL ? buf : "");
    rd.len = buf != NULL ? n : 0;
    /* libyaml reads UTF-16 only after a BOM, and skips a UTF-8 BOM */
    rd.utf8 = !(rd.len >= 2 && ((rd.buf[0] == 0xFE && rd.buf[1] == 0xFF) ||
                                (rd.buf[0] == 0xFF && rd.buf[1] == 0xFE)));
    if (rd.len >= 3 && memcmp(rd.buf, "\xEF\xBB\xBF", 3) == 0) {
        rd.bom = 3;
    }
    rd.cur_byte = rd.bom;
    if (rd.len == rd.bom) {
        cite_diag_emit(sink, CITE_D_EMPTY_INPUT, path, 0, 0, 0,
                       "'%s' is empty", path != NULL ? path : "-");
    }
    if (!yaml_parser_initialize(&rd.parser)) {
        cite_diag_emit(sink, CITE_D_IO, path, 0, 0, 0,
                       "out of memory while reading yaml");
        return -1;
    }
    yaml_parser_set_input_string(&rd.parser, rd.buf, rd.len);
    rc = body(&rd, arg);
    if (rd.have_ev) {
        yaml_event_delete(&rd.ev);
    }
    yaml_parser_delete(&rd.parser);
    cite_i_buf_release(&rd.scratch);
    cite_i_buf_release(&rd.show);
    cite_i_buf_release(&rd.msg);
    return rc;
}

static void
too_large(const char *path, size_t max, const struct cite_diag_sink *sink)
{
    cite_diag_emit(sink, CITE_D_FILE_TOO_LARGE, path, 0, 0, 0,
                   "'%s' is larger than the file-size limit of %zu bytes; "
                   "not read",
                   path != NULL ? path : "-", max);
}

/* Reads all of f into b; reports a read error or a file over the limit. */
static int
slurp(FILE *f, const char *path, const struct cite_limits *lim,
      const struct cite_diag_sink *sink, struct cite_i_buf *b)
{
    char chunk[16384];
    size_t n;
    size_t max = lim != NULL ? lim->file_size : CITE_LIMIT_FILE_SIZE;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n > max - b->len) {
            too_large(path, max, sink);
            return -1;
        }
        cite_i_buf_add(b, chunk, n);
    }
    if (ferror(f)) {
        cite_diag_emit(sink, CITE_D_IO, path, 0, 0, 0, "cannot read '%s'",
                       path != NULL ? path : "-");
        return -1;
    }
    return 0;
}

static int
take_into_corpus(void *ctx, struct cite_doc *doc, size_t consumed)
{
    (void)consumed;
    *cite_corpus_add(ctx) = *doc;
    return 0;
}

int
cite_yaml_read_mem(struct cite_corpus *corpus, const char *buf, size_t n,
                   const char *path, const struct cite_diag_sink *sink)
{
    return cite_yaml_read_mem_limited(corpus, buf, n, path, NULL, sink);
}

int
cite_yaml_read_mem_limited(struct cite_corpus *corpus, const char *buf,
                           size_t n, const char *path,
                           const struct cite_limits *lim,
                           const struct cite_diag_sink *sink)
{
    /* the same path as a document at a time: what extract wrote, as it
     * wrote it, is read line by line, and the rest by libyaml */
    int rc = cite_yaml_read_each(buf != NULL ? buf : "", buf != NULL ? n : 0,
                                 path, lim, sink, take_into_corpus, corpus);
    return rc < 0 ? -1 : 0;
}

int
cite_i_yaml_slow_read(struct cite_corpus *corpus, const char *buf, size_t n,
                      const char *path, const struct cite_diag_sink *sink)
{
    return read_mem(buf, n, path, NULL, sink, read_stream, corpus);
}

int
cite_yaml_read_each(const char *buf, size_t n, const char *path,
                    const struct cite_limits *lim,
                    const struct cite_diag_sink *sink, cite_yaml_doc_fn fn,
                    void *ctx)
{
    struct cite_limits def;
    if (lim == NULL) {
        cite_limits_init(&def);
        lim = &def;
    }
    if (n > lim->file_size) {
        too_large(path, lim->file_size, sink);
        return -1;
    }
    size_t done = 0;
    int rc = buf != NULL ? cite_i_yaml_fast_each(buf, n, lim, fn, ctx, &done)
                         : -1;
    if (rc >= 0) {
        return rc == 0 ? 0 : 1;
    }
    /* the rest is for libyaml: it reads the whole stream again (the docs
     * given already took the fast path, so they bring no diagnostic), and
     * the docs after them go to fn */
    struct cite_corpus rest;
    cite_corpus_init(&rest);
    rc = read_mem(buf, n, path, lim, sink, read_stream, &rest);
    int stop = 0;
    for (size_t k = 0; k < rest.n; k++) {
        if (k >= done && !stop) {
            stop = fn(ctx, &rest.docs[k], n) != 0;
        } else {
            cite_doc_release(&rest.docs[k]);
        }
    }
    rest.n = 0;
    cite_corpus_release(&rest);
    return rc != 0 ? -1 : stop;
}

int
cite_yaml_read_registry_mem(struct cite_check_registry *reg, const char *buf,
                            size_t n, const char *path,
                            const struct cite_diag_sink *sink)
{
    return read_mem(buf, n, path, NULL, sink, read_registry_stream, reg);
}

int
cite_yaml_read_registry(struct cite_check_registry *reg, FILE *f,
                        const char *path, const struct cite_diag_sink *sink)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int rc = slurp(f, path, NULL, sink, &b);
    if (rc == 0) {
        rc = cite_yaml_read_registry_mem(reg, b.ptr, b.len, path, sink);
    }
    cite_i_buf_release(&b);
    return rc;
}

int
cite_yaml_read(struct cite_corpus *corpus, FILE *f, const char *path,
               const struct cite_diag_sink *sink)
{
    return cite_yaml_read_limited(corpus, f, path, NULL, sink);
}

int
cite_yaml_read_limited(struct cite_corpus *corpus, FILE *f, const char *path,
                       const struct cite_limits *lim,
                       const struct cite_diag_sink *sink)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int rc = slurp(f, path, lim, sink, &b);
    if (rc == 0) {
        rc = cite_yaml_read_mem_limited(corpus, b.ptr, b.len, path, lim, sink);
    }
    cite_i_buf_release(&b);
    return rc;
}

int
cite_yaml_read_config_mem(struct cite_check_config *cfg, const char *buf,
                          size_t n, const char *path,
                          const struct cite_diag_sink *sink)
{
    return read_mem(buf, n, path, NULL, sink, read_config_stream, cfg);
}

int
cite_yaml_read_config(struct cite_check_config *cfg, FILE *f, const char *path,
                      const struct cite_diag_sink *sink)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int rc = slurp(f, path, NULL, sink, &b);
    if (rc == 0) {
        rc = cite_yaml_read_config_mem(cfg, b.ptr, b.len, path, sink);
    }
    cite_i_buf_release(&b);
    return rc;
}
