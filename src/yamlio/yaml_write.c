/*
 * yaml_write.c - writes docs as a YAML stream with libyaml's emitter.
 *
 * Each doc becomes one YAML document, opened by "---", holding one block
 * mapping whose keys come in a fixed order (source, language, document,
 * citations; inside a citation: target, type, body, date, pinpoint,
 * relation, in, line, column, text) so that the same doc always gives the
 * same bytes and a diff of two runs shows only what changed.  Keys whose
 * value is unknown are left out; `citations` is always there (`[]` when
 * empty).  The emitter runs with unicode on and no line width, so CJK and
 * Arabic stay raw UTF-8 and long titles are never folded.  libyaml picks
 * the quoting a string needs for YAML's syntax; it does not know which
 * plain strings a reader would resolve to a number, a boolean or null, so
 * those are forced into double quotes here (pinpoints excepted: the format
 * writes them plain, `[3, 4]`, and our reader takes them as strings).
 * The document end is flushed at once, so memory does not grow with the
 * corpus.  This file and yaml_read.c are the only ones that see libyaml.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "../core/core_int.h"
#include "cite_yaml.h"
#include "yaml_int.h"

struct cite_yaml_writer {
    yaml_emitter_t emitter;
    FILE *out;
    int failed; /* sticky: once the emitter fails it stays broken */
    int libyaml_only;        /* no direct path (tests compare the two) */
    struct cite_i_buf direct; /* the doc being written directly */
    int err;    /* errno of the first failed write, for the caller */
};

/* How a string value may be written. */
enum quoting {
    Q_AUTO, /* libyaml decides; forced to "..." if it would not stay a string */
    Q_PINPOINT, /* like Q_AUTO, but numbers stay plain */
    Q_DOUBLE,   /* always "..." */
    Q_PLAIN     /* integers and dates: plain */
};

static int
emit(struct cite_yaml_writer *w, yaml_event_t *ev)
{
    /* yaml_emitter_emit() owns the event from here, success or not */
    if (!yaml_emitter_emit(&w->emitter, ev)) {
        if (!w->failed && w->emitter.error == YAML_WRITER_ERROR) {
            w->err = errno; /* fwrite's, still there */
        }
        w->failed = 1;
        return 0;
    }
    return 1;
}

/* Words that YAML 1.1 or 1.2 readers resolve to null, booleans or floats. */
static int
is_special_word(const char *s)
{
    static const char *const words[] = {
        "~",    "null", "Null", "NULL",  "y",     "Y",     "yes",
        "Yes",  "YES",  "n",    "N",     "no",    "No",    "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on",
        "On",   "ON",   "off",  "Off",   "OFF",   ".inf",  ".Inf",
        ".INF", ".nan", ".NaN", ".NAN",  "<<",    "=",
    };
    const char *t = s;
    if (*t == '+' || *t == '-') {
        t++; /* signed infinities */
    }
    if (strnlen(t, 6) > 5) {
        return 0; /* longer than any of them */
    }
    if (strchr("~nNyYtTfFoO.<=", *t) == NULL || *t == '\0') {
        return 0; /* none of them starts so */
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        /* the first byte first: "OP1" is compared with ON and OFF only */
        if ((words[i][0] == s[0] && strcmp(s, words[i]) == 0) ||
            (t != s && t[0] == '.' && words[i][0] == '.' && strcmp(t, words[i]) == 0)) {
            return 1;
        }
    }
    return 0;
}

/*
 * Whether a plain scalar s could be read as a number or a timestamp.
 * Deliberately broad (any digit-led run of digits, '_', '.', ':', 'e',
 * signs, and 0x/0o/0b forms): quoting a string that did not need it costs
 * two bytes, while missing one turns "10" into 10 for other readers.  One
 * exception keeps vote counts readable: a sign inside the string that does
 * not follow an exponent makes it a string ("14-0-1") unless it is the
 * dash of a date ("2012-09-27").
 */
static int
is_number_like(const char *s)
{
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b') &&
        p[2] != '\0') {
        const char *digits = p[1] == 'x'   ? "0123456789abcdefABCDEF_"
                             : p[1] == 'o' ? "01234567_"
                                           : "01_";
        return strspn(p + 2, digits) == strlen(p + 2);
    }
    if (!(*p >= '0' && *p <= '9') &&
        !(*p == '.' && p[1] >= '0' && p[1] <= '9')) {
        return 0;
    }
    if (strspn(p, "0123456789_.:eE+-") != strlen(p)) {
        return 0;
    }
    if (p == s && strspn(p, "0123456789") == 4 && p[4] == '-') {
        return 1; /* a timestamp */
    }
    for (const char *q = p + 1; *q != '\0'; q++) {
        if ((*q == '-' || *q == '+') && q[-1] != 'e' && q[-1] != 'E') {
            return 0;
        }
    }
    return 1;
}

static int
needs_double_quotes(const char *s, enum quoting q)
{
    /* most values (ids, paragraph labels, quoted text) open with a
     * character none of the special words nor any number opens with */
    unsigned char c = (unsigned char)*s, f = (unsigned char)(c | 0x20);
    if (c >= 0x80 || (f >= 'a' && f <= 'z' && f != 'n' && f != 'y' && f != 't' &&
                      f != 'f' && f != 'o')) {
        return 0;
    }
    if (*s == '\0' || is_special_word(s)) {
        return 1;
    }
    return q == Q_AUTO && is_number_like(s);
}

/*
 * libyaml refuses invalid UTF-8 outright; a doc holds whatever bytes its
 * text had, so replace bad sequences with U+FFFD rather than fail.  Returns
 * s itself when it is valid, else a copy in *tmp.
 */
static const char *
valid_utf8(const char *s, struct cite_i_buf *tmp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    size_t i = 0;
    int bad = 0;
    while (i < n) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(p + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1) {
            bad = 1;
            break;
        }
        i += len;
    }
    if (!bad) {
        return s;
    }
    cite_i_buf_reset(tmp);
    for (i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(p + i, n - i, &cp);
        if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(tmp, "\xEF\xBF\xBD");
        } else {
            cite_i_buf_add(tmp, s + i, len);
        }
        i += len;
    }
    return tmp->ptr;
}

static int
scalar(struct cite_yaml_writer *w, const char *s, enum quoting q)
{
    struct cite_i_buf tmp = CITE_I_BUF_INIT;
    yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
    yaml_event_t ev;
    int ok;

    s = valid_utf8(s, &tmp);
    if (q == Q_DOUBLE || (q != Q_PLAIN && needs_double_quotes(s, q))) {
        style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    } else if (q == Q_PLAIN) {
        style = YAML_PLAIN_SCALAR_STYLE;
    }
    size_t n = strlen(s);
    if (n > INT_MAX) {
        cite_i_buf_release(&tmp);
        w->failed = 1;
        return 0;
    }
    ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s,
                                      (int)n, 1, 1, style);
    cite_i_buf_release(&tmp);
    if (!ok) {
        w->failed = 1;
        return 0;
    }
    return emit(w, &ev);
}

static int
key(struct cite_yaml_writer *w, const char *k)
{
    return scalar(w, k, Q_PLAIN);
}

static int
kv_str(struct cite_yaml_writer *w, const char *k, const char *v, enum quoting q)
{
    if (v == NULL || *v == '\0') {
        return 1;
    }
    return key(w, k) && scalar(w, v, q);
}

static int
kv_uint(struct cite_yaml_writer *w, const char *k, unsigned long long v)
{
    char num[32];
    if (v == 0) {
        return 1; /* 0 means unknown */
    }
    snprintf(num, sizeof num, "%llu", v);
    return key(w, k) && scalar(w, num, Q_PLAIN);
}

/* A real date is written plain, as the format shows; anything else goes
 * through the string rules so it still reads back as itself. */
static enum quoting
date_quoting(const char *date)
{
    /* YYYY-MM-DD, digits where digits go, a real day */
    static const char shape[] = "dddd-dd-dd";
    for (size_t i = 0; i < 10; i++) {
        int digit = date[i] >= '0' && date[i] <= '9';
        if (shape[i] == 'd' ? !digit : date[i] != '-') {
            return Q_AUTO;
        }
    }
    if (date[10] != '\0') {
        return Q_AUTO;
    }
    /* the digits are where they go: the day is real or not, and a real
     * day of four-digit years is written back as these very bytes */
#define DIGIT(k) (date[k] - '0')
    int y = DIGIT(0) * 1000 + DIGIT(1) * 100 + DIGIT(2) * 10 + DIGIT(3);
    int m = DIGIT(5) * 10 + DIGIT(6), d = DIGIT(8) * 10 + DIGIT(9);
#undef DIGIT
    return cite_i_date_valid(y, m, d) ? Q_PLAIN : Q_AUTO;
}

static int
kv_date(struct cite_yaml_writer *w, const char *k, const char *date)
{
    return kv_str(w, k, date, date_quoting(date));
}

static int
mapping_start(struct cite_yaml_writer *w)
{
    yaml_event_t ev;
    if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                             YAML_BLOCK_MAPPING_STYLE)) {
        w->failed = 1;
        return 0;
    }
    return emit(w, &ev);
}

static int
mapping_end(struct cite_yaml_writer *w)
{
    yaml_event_t ev;
    if (!yaml_mapping_end_event_initialize(&ev)) {
        w->failed = 1;
        return 0;
    }
    return emit(w, &ev);
}

static int
sequence_start(struct cite_yaml_writer *w, yaml_sequence_style_t style)
{
    yaml_event_t ev;
    if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style)) {
        w->failed = 1;
        return 0;
    }
    return emit(w, &ev);
}

static int
sequence_end(struct cite_yaml_writer *w)
{
    yaml_event_t ev;
    if (!yaml_sequence_end_event_initialize(&ev)) {
        w->failed = 1;
        return 0;
    }
    return emit(w, &ev);
}

static int
has_info(const struct cite_docinfo *in)
{
    return (in->id && *in->id) || in->body != CITE_BODY_NONE ||
           in->type != CITE_TYPE_NONE || in->session > 0 || in->date[0] ||
           in->meeting > 0 || (in->vote && *in->vote) ||
           (in->agenda_item && *in->agenda_item) || (in->title && *in->title);
}

static int
write_info(struct cite_yaml_writer *w, const struct cite_docinfo *in)
{
    return key(w, "document") && mapping_start(w) &&
           kv_str(w, "id", in->id, Q_AUTO) &&
           kv_str(w, "body", cite_body_name(in->body), Q_AUTO) &&
           kv_str(w, "type", cite_type_name(in->type), Q_AUTO) &&
           kv_uint(w, "session", in->session > 0 ? (unsigned)in->session : 0) &&
           kv_date(w, "date", in->date) &&
           kv_uint(w, "meeting", in->meeting > 0 ? (unsigned)in->meeting : 0) &&
           kv_str(w, "vote", in->vote, Q_AUTO) &&
           kv_str(w, "agenda-item", in->agenda_item, Q_DOUBLE) &&
           kv_str(w, "title", in->title, Q_AUTO) && mapping_end(w);
}

static int
write_ref(struct cite_yaml_writer *w, const struct cite_ref *r)
{
    if (!mapping_start(w)) {
        return 0;
    }
    /* target is never NULL by contract; write "" rather than drop the key
     * so the reader reports the entry instead of silently losing it */
    if (!key(w, "target") || !scalar(w, r->target ? r->target : "", Q_AUTO) ||
        !kv_str(w, "type", cite_type_name(r->type), Q_AUTO) ||
        !kv_str(w, "body", cite_body_name(r->body), Q_AUTO) ||
        !kv_date(w, "date", r->date)) {
        return 0;
    }
    if (r->npinpoint > 0) {
        if (!key(w, "pinpoint") ||
            !sequence_start(w, YAML_FLOW_SEQUENCE_STYLE)) {
            return 0;
        }
        for (size_t i = 0; i < r->npinpoint; i++) {
            if (!scalar(w, r->pinpoint[i] ? r->pinpoint[i] : "", Q_PINPOINT)) {
                return 0;
            }
        }
        if (!sequence_end(w)) {
            return 0;
        }
    }
    return kv_str(w, "relation", cite_relation_name(r->relation), Q_AUTO) &&
           kv_str(w, "in", r->where, Q_AUTO) && kv_uint(w, "line", r->line) &&
           kv_uint(w, "column", r->column) &&
           kv_str(w, "text", r->text, Q_AUTO) && mapping_end(w);
}

/* ---- the direct path ------------------------------------------------------
 *
 * libyaml's emitter takes most of the time of `extract` (an event, an
 * allocation and an analysis per scalar).  A doc whose every scalar is one
 * libyaml would write as it stands (plain, or double-quoted with nothing to
 * escape) is written here instead, byte for byte as libyaml writes it; a
 * doc with any other scalar goes to libyaml whole.  The rules below are
 * those of libyaml's analysis (yaml_emitter_analyze_scalar), taken more
 * strictly where that is simpler: being strict only sends a doc to libyaml.
 * A unit test holds the two against each other.
 */

/* Length of the character at s if libyaml's emitter counts it printable
 * and it is not a line break or a BOM; 0 otherwise (invalid UTF-8 too). */
static size_t
plain_char(const unsigned char *s, size_t n)
{
    if (s[0] >= 0x20 && s[0] < 0x7F) {
        return 1;
    }
    unsigned cp;
    size_t len = cite_i_utf8_decode(s, n, &cp);
    if (cp == 0xFFFD && len == 1) {
        return 0;
    }
    /* printable to libyaml: U+00A0..U+D7FF and U+E000..U+FFFD but the BOM;
     * nothing beyond the Basic Multilingual Plane */
    if (!((cp >= 0xA0 && cp <= 0xD7FF) ||
          (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF))) {
        return 0;
    }
    return cp == 0x2028 || cp == 0x2029 ? 0 : len; /* line breaks */
}

static int
is_alnum_ascii(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Appends s as libyaml would write it with quoting q, in a flow sequence
 * when flow; 0 (nothing appended) when libyaml would do more than that.
 * One pass over s tells both whether it stands plain and whether it
 * stands between double quotes. */
static int
direct_scalar(struct cite_i_buf *b, const char *s, enum quoting q, int flow)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    int dq = q == Q_DOUBLE || (q != Q_PLAIN && needs_double_quotes(s, q));
    int plain = !dq, quotable = dq;
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7F) {
            if (c == '"' || c == '\\') {
                quotable = 0;
            } else if (c == ':') {
                plain &= !(flow || i + 1 == n || s[i + 1] == ' ');
            } else if (c == '#') {
                plain &= !(i > 0 && s[i - 1] == ' ');
            } else if (flow && (c == ',' || c == '?' || c == '[' || c == ']' ||
                                c == '{' || c == '}')) {
                plain = 0;
            }
            i++;
            continue;
        }
        size_t l = plain_char(u + i, n - i);
        if (l == 0) {
            return 0;
        }
        i += l;
    }
    if (dq) {
        if (!quotable) {
            return 0;
        }
        cite_i_buf_addc(b, '"');
        cite_i_buf_add(b, s, n);
        cite_i_buf_addc(b, '"');
        return 1;
    }
    if (!plain || n == 0 || s[0] == ' ' || s[n - 1] == ' ' ||
        (!is_alnum_ascii(s[0]) && strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL) ||
        (n >= 3 && (memcmp(s, "---", 3) == 0 || memcmp(s, "...", 3) == 0))) {
        return 0;
    }
    cite_i_buf_add(b, s, n);
    return 1;
}

/* "head" is the indent, the key and ": " in one literal. */
#define HEAD(h) h, sizeof h - 1

static int
direct_kv(struct cite_i_buf *b, const char *head, size_t hlen, const char *v,
          enum quoting q)
{
    if (v == NULL || *v == '\0') {
        return 1;
    }
    cite_i_buf_add(b, head, hlen);
    if (!direct_scalar(b, v, q, 0)) {
        return 0;
    }
    cite_i_buf_addc(b, '\n');
    return 1;
}

/* A name from one of our tables (language, body, type, relation): each
 * stands plain, as test_every_name_is_written_as_it_stands holds, so it
 * needs no look. */
static void
direct_name(struct cite_i_buf *b, const char *head, size_t hlen, const char *v)
{
    if (v != NULL && *v != '\0') {
        cite_i_buf_add(b, head, hlen);
        cite_i_buf_adds(b, v);
        cite_i_buf_addc(b, '\n');
    }
}

static void
direct_uint(struct cite_i_buf *b, const char *head, size_t hlen,
            unsigned long long v)
{
    if (v != 0) {
        char buf[CITE_I_UDIGITS];
        size_t n;
        const char *digits = cite_i_udigits(buf, v, &n);
        cite_i_buf_add(b, head, hlen);
        cite_i_buf_add(b, digits, n);
        cite_i_buf_addc(b, '\n');
    }
}

static int
direct_date(struct cite_i_buf *b, const char *head, size_t hlen,
            const char *date)
{
    return direct_kv(b, head, hlen, date, date_quoting(date));
}

/* The doc as cite_yaml_write_doc() writes it through libyaml, appended to
 * b, or 0 when it needs libyaml (b then holds part of it). */
static int
direct_doc(struct cite_i_buf *b, const struct cite_doc *doc)
{
    const struct cite_docinfo *in = &doc->info;
    cite_i_buf_add(b, HEAD("---\n"));
    if (!direct_kv(b, HEAD("source: "), doc->source, Q_AUTO)) {
        return 0;
    }
    direct_name(b, HEAD("language: "), cite_lang_code(doc->lang));
    if (has_info(in)) {
        cite_i_buf_add(b, HEAD("document:\n"));
        if (!direct_kv(b, HEAD("  id: "), in->id, Q_AUTO)) {
            return 0;
        }
        direct_name(b, HEAD("  body: "), cite_body_name(in->body));
        direct_name(b, HEAD("  type: "), cite_type_name(in->type));
        direct_uint(b, HEAD("  session: "),
                    in->session > 0 ? (unsigned)in->session : 0);
        if (!direct_date(b, HEAD("  date: "), in->date)) {
            return 0;
        }
        direct_uint(b, HEAD("  meeting: "),
                    in->meeting > 0 ? (unsigned)in->meeting : 0);
        if (!direct_kv(b, HEAD("  vote: "), in->vote, Q_AUTO) ||
            !direct_kv(b, HEAD("  agenda-item: "), in->agenda_item, Q_DOUBLE) ||
            !direct_kv(b, HEAD("  title: "), in->title, Q_AUTO)) {
            return 0;
        }
    }
    if (doc->nrefs == 0) {
        cite_i_buf_add(b, HEAD("citations: []\n"));
        return 1;
    }
    cite_i_buf_add(b, HEAD("citations:\n"));
    for (size_t i = 0; i < doc->nrefs; i++) {
        const struct cite_ref *r = &doc->refs[i];
        cite_i_buf_add(b, HEAD("- target: "));
        if (!direct_scalar(b, r->target ? r->target : "", Q_AUTO, 0)) {
            return 0;
        }
        cite_i_buf_addc(b, '\n');
        direct_name(b, HEAD("  type: "), cite_type_name(r->type));
        direct_name(b, HEAD("  body: "), cite_body_name(r->body));
        if (!direct_date(b, HEAD("  date: "), r->date)) {
            return 0;
        }
        if (r->npinpoint > 0) {
            cite_i_buf_add(b, HEAD("  pinpoint: ["));
            for (size_t k = 0; k < r->npinpoint; k++) {
                if (k > 0) {
                    cite_i_buf_add(b, ", ", 2);
                }
                if (!direct_scalar(b, r->pinpoint[k] ? r->pinpoint[k] : "",
                                   Q_PINPOINT, 1)) {
                    return 0;
                }
            }
            cite_i_buf_add(b, "]\n", 2);
        }
        direct_name(b, HEAD("  relation: "), cite_relation_name(r->relation));
        if (!direct_kv(b, HEAD("  in: "), r->where, Q_AUTO)) {
            return 0;
        }
        direct_uint(b, HEAD("  line: "), r->line);
        direct_uint(b, HEAD("  column: "), r->column);
        if (!direct_kv(b, HEAD("  text: "), r->text, Q_AUTO)) {
            return 0;
        }
    }
    return 1;
}

struct cite_yaml_writer *
cite_yaml_writer_new(FILE *out)
{
    struct cite_yaml_writer *w = calloc(1, sizeof *w);
    yaml_event_t ev;

    if (w == NULL) {
        return NULL;
    }
    if (!yaml_emitter_initialize(&w->emitter)) {
        free(w);
        return NULL;
    }
    w->out = out;
    yaml_emitter_set_output_file(&w->emitter, out);
    yaml_emitter_set_unicode(&w->emitter, 1);
    yaml_emitter_set_width(&w->emitter, -1); /* never fold lines */
    yaml_emitter_set_indent(&w->emitter, 2);
    yaml_emitter_set_break(&w->emitter, YAML_LN_BREAK);
    if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) ||
        !emit(w, &ev)) {
        yaml_emitter_delete(&w->emitter);
        free(w);
        return NULL;
    }
    return w;
}

static int write_doc(struct cite_yaml_writer *w, const struct cite_doc *doc);

int
cite_yaml_write_doc(struct cite_yaml_writer *w, const struct cite_doc *doc)
{
    if (write_doc(w, doc) != 0) {
        errno = w->err != 0 ? w->err : EIO;
        return -1;
    }
    return 0;
}

static int
write_doc(struct cite_yaml_writer *w, const struct cite_doc *doc)
{
    yaml_event_t ev;

    if (w->failed) {
        return -1;
    }
    if (!w->libyaml_only) {
        /* libyaml has flushed every document it wrote: its output and
         * this one follow each other in order */
        cite_i_buf_reset(&w->direct);
        if (direct_doc(&w->direct, doc)) {
            if (fwrite(w->direct.ptr, 1, w->direct.len, w->out) !=
                w->direct.len) {
                if (w->err == 0) {
                    w->err = errno;
                }
                w->failed = 1;
                return -1;
            }
            return 0;
        }
    }
    if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0) ||
        !emit(w, &ev) || !mapping_start(w) ||
        !kv_str(w, "source", doc->source, Q_AUTO) ||
        !kv_str(w, "language", cite_lang_code(doc->lang), Q_AUTO)) {
        w->failed = 1;
        return -1;
    }
    if (has_info(&doc->info) && !write_info(w, &doc->info)) {
        w->failed = 1;
        return -1;
    }
    if (!key(w, "citations") || !sequence_start(w, YAML_BLOCK_SEQUENCE_STYLE)) {
        w->failed = 1;
        return -1;
    }
    for (size_t i = 0; i < doc->nrefs; i++) {
        if (!write_ref(w, &doc->refs[i])) {
            w->failed = 1;
            return -1;
        }
    }
    /* the implicit document end makes libyaml flush this document now */
    if (!sequence_end(w) || !mapping_end(w) ||
        !yaml_document_end_event_initialize(&ev, 1) || !emit(w, &ev)) {
        w->failed = 1;
        return -1;
    }
    return 0;
}

int
cite_yaml_writer_finish(struct cite_yaml_writer *w)
{
    yaml_event_t ev;
    int rc = 0;

    if (w == NULL) {
        return 0;
    }
    if (w->failed || !yaml_stream_end_event_initialize(&ev) || !emit(w, &ev) ||
        !yaml_emitter_flush(&w->emitter)) {
        rc = -1;
    }
    /* stdio may still hold the tail: a full disk shows only on flush */
    errno = 0;
    if (fflush(w->out) != 0 || ferror(w->out)) {
        if (w->err == 0) {
            w->err = errno;
        }
        rc = -1;
    }
    int err = w->err != 0 ? w->err : EIO;
    yaml_emitter_delete(&w->emitter);
    cite_i_buf_release(&w->direct);
    free(w);
    if (rc != 0) {
        errno = err;
    }
    return rc;
}

int
cite_i_yaml_direct_doc(struct cite_i_buf *b, const struct cite_doc *doc)
{
    return direct_doc(b, doc);
}

struct cite_yaml_writer *
cite_i_yaml_writer_new_libyaml(FILE *out)
{
    struct cite_yaml_writer *w = cite_yaml_writer_new(out);
    if (w != NULL) {
        w->libyaml_only = 1;
    }
    return w;
}
