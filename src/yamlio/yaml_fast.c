/*
 * yaml_fast.c - a fast path for reading back what `extract` writes.
 *
 * libyaml reads about 40 MB/s, most of it in allocating and freeing one
 * event per scalar; a corpus of a million citations is 150 MB of YAML.
 * The YAML our writer emits has one shape (yaml_write.c: block mappings
 * two spaces deep, a block sequence of citations, pinpoints as a flow
 * sequence, one scalar per line, never folded), and this file reads
 * exactly that shape, line by line, without an allocation per value.
 *
 * It is a fast path, not a second parser: whatever it does not recognise
 * (a comment, an anchor, a tag, a folded or multi-line scalar, a key out of
 * order or unknown, a value the schema refuses, a tab, a carriage return,
 * invalid UTF-8, a character YAML does not allow) makes it give up: on the
 * whole input (cite_i_yaml_fast_read), or on that document and the rest
 * (cite_i_yaml_fast_each), which libyaml then reads (yaml_read.c), giving
 * every diagnostic.  So for any input it gives the docs that libyaml would
 * give, with no diagnostic, or none of them, or the first of them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "yaml_int.h"

/* The reader: a cursor over whole lines. */
struct fast {
    const char *p, *end; /* the rest of the input */
    size_t id_max;       /* the id-length limit: a longer id is reported */
    size_t line;         /* 1-based number of the line at p */
    struct cite_i_buf val; /* the current value, decoded, NUL-ended */
};

/* The current line without its '\n': [p, eol). */
static const char *
eol(const struct fast *f)
{
    const char *e = memchr(f->p, '\n', (size_t)(f->end - f->p));
    return e != NULL ? e : f->end;
}

static void
next_line(struct fast *f, const char *e)
{
    f->p = e < f->end ? e + 1 : f->end;
    f->line++;
}

/* 1 when the code point at s (n bytes) is one YAML allows in a scalar
 * on one line (libyaml's test: tab, printable ASCII and the printable rest
 * of Unicode, less the line breaks), with *len its length; 0 for anything
 * else, invalid UTF-8 too. */
static int
printable(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c;
    if (s[0] < 0x80) {
        *len = 1;
        return s[0] == '\t' || (s[0] >= 0x20 && s[0] < 0x7F);
    }
    *len = cite_i_utf8_decode(s, n, &c);
    if (c == 0xFFFD && !(*len == 3 && s[0] == 0xEF && s[1] == 0xBF &&
                         s[2] == 0xBD)) {
        return 0; /* invalid, not a real U+FFFD */
    }
    /* NEL, LS and PS are line breaks to YAML 1.1: a scalar holding one
     * raw is folded, not this path's business */
    return (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029) ||
           (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

static int
all_printable(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t l;
        if (!printable(u + i, n - i, &l)) {
            return 0;
        }
        i += l;
    }
    return 1;
}

static int
hexdigit(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static void
add_utf8(struct cite_i_buf *b, unsigned c)
{
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xC0 | c >> 6);
        t[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xE0 | c >> 12);
        t[1] = (char)(0x80 | (c >> 6 & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | c >> 18);
        t[1] = (char)(0x80 | (c >> 12 & 0x3F));
        t[2] = (char)(0x80 | (c >> 6 & 0x3F));
        t[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    cite_i_buf_add(b, t, n);
}

/* Bit b: the ASCII byte b is printable and means nothing inside a plain
 * scalar, in a block or a flow sequence (all but : # , [ ] { }). */
static const uint64_t PLAIN_ASCII[2] = {0xfbffeff700000000u, 0x57ffffffd7ffffffu};

/* A byte no plain scalar may open with: an indicator, white space or the
 * end (what strchr() of the indicators and a test for blanks would say,
 * at every value of a YAML file). */
static int
plain_stop(unsigned char c)
{
    switch (c) {
    case '\0': case ' ': case '\t':
    case '-': case '?': case ':': case ',': case '[': case ']': case '{':
    case '}': case '#': case '&': case '*': case '!': case '|': case '>':
    case '\'': case '"': case '%': case '@': case '`':
        return 1;
    default:
        return 0;
    }
}

/*
 * A scalar at [s, e) (the value part of a line, or an item of a flow
 * sequence when flow): decoded into f->val; *after is where it ended.
 * Returns 0 when it is not one this path reads.  A value that YAML would
 * read as null (~, null, an empty plain value) is refused too: our writer
 * never writes one.
 */
static int
scalar(struct fast *f, const char *s, const char *e, int flow,
       const char **after)
{
    cite_i_buf_reset(&f->val);
    if (s >= e) {
        return 0;
    }
    if (*s == '"') {
        const char *q = s + 1;
        while (q < e && *q != '"') {
            if (*q == '\\') {
                if (q + 1 >= e) {
                    return 0;
                }
                int c = q[1];
                int need = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
                if (need > 0) {
                    unsigned v = 0;
                    if (e - (q + 2) < need) {
                        return 0;
                    }
                    for (int k = 0; k < need; k++) {
                        int h = hexdigit(q[2 + k]);
                        if (h < 0) {
                            return 0;
                        }
                        v = v << 4 | (unsigned)h;
                    }
                    /* a NUL cuts a C string: the slow path reports it */
                    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                        return 0;
                    }
                    add_utf8(&f->val, v);
                    q += 2 + need;
                    continue;
                }
                static const char from[] = "abtnvfre \"/\\N_LP";
                static const unsigned to[] = {7,    8,    9,     10,    11,
                                              12,   13,   27,    ' ',   '"',
                                              '/',  '\\', 0x85,  0xA0,  0x2028,
                                              0x2029};
                const char *at = c != '\0' ? strchr(from, c) : NULL;
                if (at == NULL) {
                    return 0; /* \0 and unknown escapes */
                }
                add_utf8(&f->val, to[at - from]);
                q += 2;
                continue;
            }
            size_t l;
            if (!printable((const unsigned char *)q, (size_t)(e - q), &l)) {
                return 0;
            }
            cite_i_buf_add(&f->val, q, l);
            q += l;
        }
        if (q >= e) {
            return 0; /* not closed on this line */
        }
        *after = q + 1;
    } else if (*s == '\'') {
        const char *q = s + 1;
        for (;;) {
            if (q >= e) {
                return 0;
            }
            if (*q == '\'') {
                if (q + 1 < e && q[1] == '\'') {
                    cite_i_buf_addc(&f->val, '\'');
                    q += 2;
                    continue;
                }
                break;
            }
            size_t l;
            if (!printable((const unsigned char *)q, (size_t)(e - q), &l)) {
                return 0;
            }
            cite_i_buf_add(&f->val, q, l);
            q += l;
        }
        *after = q + 1;
    } else {
        /* plain: no indicator first, no ": " or " #" inside, nothing a
         * flow sequence would cut at */
        if (plain_stop((unsigned char)*s)) {
            return 0;
        }
        const char *q = s;
        int ascii = 1; /* then every byte passed is printable */
        for (; q < e; q++) {
            unsigned char b = (unsigned char)*q;
            if (b < 0x80 && (PLAIN_ASCII[b >> 6] >> (b & 63) & 1)) {
                continue; /* the common byte: nothing to look at */
            }
            if (b >= 0x80) {
                ascii = 0; /* checked below, code point by code point */
                continue;
            }
            if (flow && (b == ',' || b == ']')) {
                break;
            }
            if ((b == ':' && (q + 1 == e || q[1] == ' ' ||
                              (flow && (q[1] == ',' || q[1] == ']')))) ||
                (b == '#' && q[-1] == ' ') ||
                (flow && (b == '[' || b == '{' || b == '}')) ||
                b < 0x20 || b == 0x7F) {
                return 0; /* a tab or a control byte too: not printable */
            }
        }
        const char *t = q;
        while (t > s && t[-1] == ' ') {
            t--;
        }
        if (!ascii && !all_printable(s, (size_t)(t - s))) {
            return 0;
        }
        size_t n = (size_t)(t - s);
        if ((n == 1 && *s == '~') ||
            (n == 4 && (memcmp(s, "null", 4) == 0 ||
                        memcmp(s, "Null", 4) == 0 ||
                        memcmp(s, "NULL", 4) == 0))) {
            return 0;
        }
        cite_i_buf_add(&f->val, s, n);
        *after = q;
        return 1;
    }
    cite_i_buf_add(&f->val, "", 0); /* "" or '' still gives a string */
    return 1;
}

/* A whole-line value at [s, e): a scalar and nothing after it. */
static const char *
value(struct fast *f, const char *s, const char *e)
{
    const char *after;
    if (!scalar(f, s, e, 0, &after)) {
        return NULL;
    }
    while (after < e && *after == ' ') {
        after++;
    }
    return after == e ? f->val.ptr : NULL;
}

/* A key the reader knows, and its length. */
struct key_name {
    const char *s;
    size_t n;
};

#define KEY(name) {name, sizeof name - 1}

/* "key: " or "key:" at the end of the line, from s: the key's index in
 * names (n of them), *v the value's start; -1 when not so. */
static int
key_of(const char *s, const char *e, const struct key_name *names, int n,
       const char **v)
{
    const char *c = s;
    while (c < e && *c != ':') {
        c++;
    }
    if (c == e) {
        return -1;
    }
    size_t kl = (size_t)(c - s);
    for (int k = 0; k < n; k++) {
        if (names[k].n == kl && names[k].s[0] == s[0] &&
            memcmp(s, names[k].s, kl) == 0) {
            if (c + 1 == e) {
                *v = e;
                return k;
            }
            if (c[1] == ' ' && c + 2 < e && c[2] != ' ') {
                *v = c + 2;
                return k;
            }
            return -1;
        }
    }
    return -1;
}

/* An unsigned integer as the slow path takes it: plain digits, no leading
 * zero, at most max. */
static int
uint_of(const char *s, unsigned long long max, unsigned long long *out)
{
    size_t n = strlen(s);
    if (n == 0 || (n > 1 && s[0] == '0')) {
        return 0;
    }
    unsigned long long x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' ||
            x > (max - (unsigned)(s[i] - '0')) / 10) {
            return 0;
        }
        x = x * 10 + (unsigned)(s[i] - '0');
    }
    *out = x;
    return 1;
}

static int
date_of(const char *s, char *out)
{
    /* YYYY-MM-DD, a real date written so: anything else is for libyaml */
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9')) {
            return 0;
        }
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    /* four and two digits: a valid date is written so already */
    if (s[10] != '\0' || !cite_i_date_valid(y, m, d)) {
        return 0;
    }
    memcpy(out, s, CITE_DATE_LEN);
    return 1;
}

/* The value is a plain scalar? (integers must be) */
static int
is_plain(const char *v)
{
    return *v != '"' && *v != '\'';
}

static const struct key_name top_names[] = {
    KEY("source"), KEY("language"), KEY("document"), KEY("citations")};
static const struct key_name info_names[] = {
    KEY("id"),   KEY("body"),    KEY("type"),        KEY("session"), KEY("date"),
    KEY("meeting"), KEY("vote"), KEY("agenda-item"), KEY("title")};
static const struct key_name cite_names[] = {
    KEY("target"), KEY("type"), KEY("body"), KEY("date"), KEY("pinpoint"),
    KEY("relation"), KEY("in"), KEY("line"), KEY("column"), KEY("text")};

/* The lines "  key: value" of 'document'. */
static int
info(struct fast *f, struct cite_doc *doc)
{
    unsigned seen = 0;
    struct cite_docinfo *in = &doc->info;
    while (f->p < f->end && f->end - f->p > 2 && f->p[0] == ' ' &&
           f->p[1] == ' ' && f->p[2] != ' ') {
        const char *e = eol(f), *v;
        int k = key_of(f->p + 2, e, info_names, 9, &v);
        if (k < 0 || (seen & 1u << k) || v == e) {
            return 0;
        }
        seen |= 1u << k;
        int plain = is_plain(v);
        const char *s = value(f, v, e);
        unsigned long long u;
        if (s == NULL) {
            return 0;
        }
        switch (k) {
        case 0: case 6: case 7: case 8:
            if (k == 0 && strlen(s) > f->id_max) {
                return 0;
            }
            if (*s != '\0') {
                const char *c = cite_doc_strdup(doc, s);
                *(k == 0 ? &in->id : k == 6 ? &in->vote
                                   : k == 7 ? &in->agenda_item
                                            : &in->title) = c;
            }
            break;
        case 1:
            if ((in->body = cite_body_from_name(s)) == CITE_BODY_NONE) {
                return 0;
            }
            break;
        case 2:
            if ((in->type = cite_type_from_name(s)) == CITE_TYPE_NONE) {
                return 0;
            }
            break;
        case 3: case 5:
            if (!plain || !uint_of(s, INT32_MAX, &u)) {
                return 0;
            }
            *(k == 3 ? &in->session : &in->meeting) = (int)u;
            break;
        case 4:
            if (!date_of(s, in->date)) {
                return 0;
            }
            break;
        }
        next_line(f, e);
    }
    return 1;
}

/* "[a, b, c]" at [s, e) into ref. */
static int
pinpoints(struct fast *f, struct cite_doc *doc, struct cite_ref *ref,
          const char *s, const char *e)
{
    if (s >= e || *s != '[') {
        return 0;
    }
    s++;
    if (s < e && *s == ']') {
        s++;
    } else {
        for (;;) {
            const char *after;
            if (!scalar(f, s, e, 1, &after) || f->val.len == 0) {
                return 0; /* an empty entry is reported by the slow path */
            }
            cite_doc_add_pinpoint(doc, ref, f->val.ptr, f->val.len);
            s = after;
            if (s < e && *s == ']') {
                s++;
                break;
            }
            if (s + 1 < e && s[0] == ',' && s[1] == ' ') {
                s += 2;
                continue;
            }
            return 0;
        }
    }
    while (s < e && *s == ' ') {
        s++;
    }
    return s == e;
}

/* One citation: "- key: value" then "  key: value" lines. */
static int
citation(struct fast *f, struct cite_doc *doc)
{
    struct cite_ref ref;
    memset(&ref, 0, sizeof ref);
    unsigned seen = 0;
    int first = 1;
    for (;;) {
        if (f->p >= f->end || f->end - f->p < 3) {
            break;
        }
        int lead = first ? f->p[0] == '-' && f->p[1] == ' '
                         : f->p[0] == ' ' && f->p[1] == ' ';
        if (!lead || f->p[2] == ' ') {
            if (first) {
                return 0;
            }
            break;
        }
        first = 0;
        const char *e = eol(f), *v;
        int k = key_of(f->p + 2, e, cite_names, 10, &v);
        if (k < 0 || (seen & 1u << k) || v == e) {
            return 0;
        }
        seen |= 1u << k;
        if (k == 4) {
            if (!pinpoints(f, doc, &ref, v, e)) {
                return 0;
            }
            next_line(f, e);
            continue;
        }
        int plain = is_plain(v);
        const char *s = value(f, v, e);
        unsigned long long u;
        if (s == NULL) {
            return 0;
        }
        switch (k) {
        case 0: case 9:
            if (k == 0 && strlen(s) > f->id_max) {
                return 0;
            }
            if (*s != '\0') {
                *(k == 0 ? &ref.target : &ref.text) = cite_doc_strdup(doc, s);
            }
            break;
        case 1:
            if ((ref.type = cite_type_from_name(s)) == CITE_TYPE_NONE) {
                return 0;
            }
            break;
        case 2:
            if ((ref.body = cite_body_from_name(s)) == CITE_BODY_NONE) {
                return 0;
            }
            break;
        case 3:
            if (!date_of(s, ref.date)) {
                return 0;
            }
            break;
        case 5:
            if ((ref.relation = cite_relation_from_name(s)) == CITE_REL_NONE) {
                return 0;
            }
            break;
        case 6:
            if (strlen(s) >= sizeof ref.where) {
                return 0;
            }
            memcpy(ref.where, s, strlen(s) + 1);
            break;
        case 7: case 8:
            if (!plain || !uint_of(s, SIZE_MAX, &u)) {
                return 0;
            }
            *(k == 7 ? &ref.line : &ref.column) = (size_t)u;
            break;
        }
        next_line(f, e);
    }
    if (ref.target == NULL) {
        return 0;
    }
    *cite_doc_add_ref(doc) = ref;
    return 1;
}

/* One document, from its "---" line to the next one or the end. */
static int
document(struct fast *f, struct cite_doc *doc)
{
    const char *e = eol(f);
    if (e - f->p != 3 || memcmp(f->p, "---", 3) != 0) {
        return 0;
    }
    doc->source_line = f->line;
    next_line(f, e);
    unsigned seen = 0;
    while (f->p < f->end && !(f->end - f->p >= 3 && memcmp(f->p, "---", 3) == 0 &&
                              (f->end - f->p == 3 || f->p[3] == '\n'))) {
        e = eol(f);
        const char *v;
        int k = key_of(f->p, e, top_names, 4, &v);
        if (k < 0 || (seen & 1u << k)) {
            return 0;
        }
        seen |= 1u << k;
        if (k == 2 || k == 3) {
            if (v != e) {
                /* only "citations: []" is written on one line */
                if (k != 3 || e - v != 2 || memcmp(v, "[]", 2) != 0) {
                    return 0;
                }
                next_line(f, e);
                continue;
            }
            next_line(f, e);
            if (k == 2) {
                if (!info(f, doc)) {
                    return 0;
                }
                continue;
            }
            if (f->p >= f->end || f->p[0] != '-') {
                return 0; /* "citations:" with nothing under it: null */
            }
            while (f->p < f->end && f->p[0] == '-' &&
                   !(f->end - f->p >= 3 && memcmp(f->p, "---", 3) == 0)) {
                if (!citation(f, doc)) {
                    return 0;
                }
            }
            continue;
        }
        if (v == e) {
            return 0;
        }
        const char *s = value(f, v, e);
        if (s == NULL) {
            return 0;
        }
        if (k == 0) {
            if (*s != '\0') {
                doc->source = cite_doc_strdup(doc, s);
            }
        } else if ((doc->lang = cite_lang_from_code(s)) == CITE_LANG_UNKNOWN) {
            return 0;
        }
        next_line(f, e);
    }
    return seen != 0; /* an empty document: the slow path says what it is */
}

int
cite_i_yaml_fast_each(const char *buf, size_t n, const struct cite_limits *lim,
                      int (*fn)(void *ctx, struct cite_doc *doc,
                                size_t consumed),
                      void *ctx, size_t *ndocs)
{
    struct cite_limits def;
    if (lim == NULL) {
        cite_limits_init(&def);
        lim = &def;
    }
    struct fast f = {buf, buf + n, lim->id_length, 1, CITE_I_BUF_INIT};
    int rc = n > 0 ? 0 : -1;
    /* no carriage return in [buf, clean): one (a line break to YAML)
     * leaves the doc it is in, and those after, to libyaml; the bytes are
     * looked at as the docs are read, not in a pass of their own */
    const char *clean = buf;
    *ndocs = 0;
    while (rc == 0 && f.p < f.end) {
        struct cite_doc doc;
        cite_doc_init(&doc);
        int ok = document(&f, &doc);
        /* the doc's bytes, and the line after it that told where it
         * ends */
        const char *seen = f.p < f.end ? eol(&f) : f.end;
        if (ok && seen > clean) {
            ok = memchr(clean, '\r', (size_t)(seen - clean)) == NULL;
            clean = seen;
        }
        if (!ok) {
            cite_doc_release(&doc);
            rc = -1;
            break;
        }
        (*ndocs)++;
        if (fn(ctx, &doc, (size_t)(f.p - buf)) != 0) {
            rc = 1;
        }
    }
    cite_i_buf_release(&f.val);
    return rc;
}

/* The docs of the fast path, kept in a corpus. */
static int
into_corpus(void *ctx, struct cite_doc *doc, size_t consumed)
{
    (void)consumed;
    *cite_corpus_add(ctx) = *doc;
    return 0;
}

int
cite_i_yaml_fast_read(struct cite_corpus *corpus, const char *buf, size_t n,
                      const struct cite_limits *lim)
{
    size_t before = corpus->n, ndocs;
    if (cite_i_yaml_fast_each(buf, n, lim, into_corpus, corpus, &ndocs) != 0) {
        while (corpus->n > before) {
            cite_doc_release(&corpus->docs[--corpus->n]);
        }
        return -1;
    }
    return 0;
}
