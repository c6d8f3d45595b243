/*
 * cache.c - check --cache DIR: extraction results kept by content.
 *
 * The key of a text is the SHA-256 of a header (the cache format, the tool
 * version, the --lang given, the id-length limit and the file's base name,
 * from which a text without its own symbol takes its id) and of the text's
 * bytes.  What a key
 * maps to is an entry: the doc extraction gave and the diagnostics it
 * emitted, so that a hit gives the same doc and the same diagnostics as
 * extracting again.
 *
 * All entries live in one file, DIR/check.pack, read with one read() at the
 * first text and written anew (a temporary file renamed into place) at the
 * end of a run that changed anything; opening ten thousand small files
 * would cost more than extracting their texts.  Beside the entries, the
 * pack keeps what stat() said of each path when its text was last read
 * (device, inode, size, modification and change times): a path whose stat
 * is unchanged takes its key from there without its text being read or
 * hashed, as git's index does.  A stat record is trusted only when the
 * file's modification time is older than the pack itself: a file changed
 * within the clock tick of the run that recorded it is read again.
 *
 * An entry not used by the last AGE_MAX runs that wrote the pack is dropped.
 * A pack that cannot be read back (bad magic, truncated, a checksum or a
 * field that does not add up) is ignored with a note and written anew; a
 * cache that cannot be written is a warning, once.
 *
 * Layout (integers are unsigned LEB128 varints unless said otherwise):
 *
 *   "citegraph-check-cache 2\n"  str(version)
 *   n_entries  { key[32]  age  len  payload[len] }
 *   n_stats    { str(path)  str(lang)  dev ino size msec mnsec csec cnsec
 *                entry-index }
 *   checksum: 8 bytes, little endian, of everything before (checksum())
 *
 *   payload: lang  nstr(id) body type zig(session) str(date) zig(meeting)
 *            nstr(vote) nstr(agenda) nstr(title)
 *            n_refs { str(target) type body str(date) n_pin { str }
 *                     relation str(where) line column offset length
 *                     nstr(text) }
 *            n_diags { code severity line column offset str(message)
 *                      nstr(source line) }
 *
 * str is a length and the bytes; nstr is length + 1 and the bytes, 0 for
 * NULL; zig is a signed number, zigzag-coded.
 */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/core_int.h"

#define CACHE_MAGIC "citegraph-check-cache 2\n"
#define CACHE_NAME "check.pack"
#define AGE_MAX 16

/* ---- one run's cache --------------------------------------------------- */

struct entry {
    unsigned char key[32];
    unsigned age;          /* runs that wrote the pack since its last use */
    const char *payload;   /* in the loaded pack, or in own */
    size_t len;
    char *own;             /* owned payload of a new entry, else NULL */
    int used;              /* used in this run */
    int bad;               /* does not decode: to be replaced */
};

struct statrec {
    char *path;
    char *lang;
    uint64_t dev, ino, size, msec, mnsec, csec, cnsec;
    size_t entry;          /* index into entries */
};

struct cache {
    const char *dir;
    int stats;             /* print a summary at the end */
    size_t by_stat, by_hash, extracted; /* texts taken so */
    int opened;            /* the pack was looked for */
    int dirty;             /* something to write */
    char *pack;            /* the pack as read; owned */
    size_t pack_len;
    uint64_t pack_msec, pack_mnsec; /* its modification time */
    struct entry *e;
    size_t ne, cap_e;
    struct statrec *s;
    size_t ns, cap_s;
    size_t *etab, etab_cap; /* open addressing: entry index + 1, 0 empty */
    size_t *stab, stab_cap; /* the same for stat records */
};

static struct cache C;
static int write_warned;

/* ---- hashing ------------------------------------------------------------ */

static uint64_t
fnv(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * 0x100000001b3ULL;
    }
    return h;
}

/* The pack's checksum: FNV-1a over 64-bit little-endian words (the tail
 * byte by byte), eight times faster than over bytes; it is there to catch
 * a torn or damaged file, not an adversary. */
static uint64_t
checksum(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--) {
            w = w << 8 | s[i + (size_t)k];
        }
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    return fnv(s + i, n - i, h);
}

#define FNV_INIT 0xcbf29ce484222325ULL

static uint64_t
key_hash(const unsigned char key[32])
{
    uint64_t h = 0;
    for (int i = 0; i < 8; i++) {
        h = h << 8 | key[i];
    }
    return h;
}

static uint64_t
stat_hash(const char *path, const char *lang)
{
    uint64_t h = fnv(path, strlen(path) + 1, FNV_INIT);
    return fnv(lang, strlen(lang), h);
}

/* Grows tab (of *cap slots, a power of two) to hold n + 1 items. */
static void
tab_grow(size_t **tab, size_t *cap, size_t n)
{
    if (2 * (n + 1) <= *cap) {
        return;
    }
    size_t ncap = *cap ? 2 * *cap : 64;
    while (2 * (n + 1) > ncap) {
        ncap *= 2;
    }
    free(*tab);
    *tab = cite_i_xcalloc(ncap, sizeof **tab);
    *cap = ncap;
}

static void
etab_put(size_t i)
{
    size_t m = C.etab_cap - 1;
    size_t at = (size_t)key_hash(C.e[i].key) & m;
    while (C.etab[at] != 0) {
        at = (at + 1) & m;
    }
    C.etab[at] = i + 1;
}

static void
stab_put(size_t i)
{
    size_t m = C.stab_cap - 1;
    size_t at = (size_t)stat_hash(C.s[i].path, C.s[i].lang) & m;
    while (C.stab[at] != 0) {
        at = (at + 1) & m;
    }
    C.stab[at] = i + 1;
}

static struct entry *
entry_find(const unsigned char key[32])
{
    if (C.etab_cap == 0) {
        return NULL;
    }
    size_t m = C.etab_cap - 1;
    for (size_t at = (size_t)key_hash(key) & m; C.etab[at] != 0;
         at = (at + 1) & m) {
        struct entry *e = &C.e[C.etab[at] - 1];
        if (memcmp(e->key, key, 32) == 0) {
            return e;
        }
    }
    return NULL;
}

static struct statrec *
stat_find(const char *path, const char *lang)
{
    if (C.stab_cap == 0) {
        return NULL;
    }
    size_t m = C.stab_cap - 1;
    for (size_t at = (size_t)stat_hash(path, lang) & m; C.stab[at] != 0;
         at = (at + 1) & m) {
        struct statrec *r = &C.s[C.stab[at] - 1];
        if (strcmp(r->path, path) == 0 && strcmp(r->lang, lang) == 0) {
            return r;
        }
    }
    return NULL;
}

static struct entry *
entry_add(const unsigned char key[32])
{
    if (C.ne == C.cap_e) {
        C.cap_e = C.cap_e ? 2 * C.cap_e : 64;
        C.e = cite_i_xreallocarray(C.e, C.cap_e, sizeof *C.e);
    }
    struct entry *e = &C.e[C.ne++];
    memset(e, 0, sizeof *e);
    memcpy(e->key, key, 32);
    size_t old = C.etab_cap;
    tab_grow(&C.etab, &C.etab_cap, C.ne);
    if (old != C.etab_cap) {
        for (size_t i = 0; i < C.ne; i++) {
            etab_put(i);
        }
    } else {
        etab_put(C.ne - 1);
    }
    return e;
}

static struct statrec *
stat_add(const char *path, const char *lang)
{
    if (C.ns == C.cap_s) {
        C.cap_s = C.cap_s ? 2 * C.cap_s : 64;
        C.s = cite_i_xreallocarray(C.s, C.cap_s, sizeof *C.s);
    }
    struct statrec *r = &C.s[C.ns++];
    memset(r, 0, sizeof *r);
    r->path = cite_i_xstrdup(path);
    r->lang = cite_i_xstrdup(lang);
    size_t old = C.stab_cap;
    tab_grow(&C.stab, &C.stab_cap, C.ns);
    if (old != C.stab_cap) {
        for (size_t i = 0; i < C.ns; i++) {
            stab_put(i);
        }
    } else {
        stab_put(C.ns - 1);
    }
    return r;
}

/* ---- encoding ------------------------------------------------------------ */

static void
put_u(struct cite_i_buf *b, uint64_t v)
{
    char tmp[10];
    size_t n = 0;
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        tmp[n++] = (char)(v ? c | 0x80 : c);
    } while (v);
    cite_i_buf_add(b, tmp, n);
}

static void
put_z(struct cite_i_buf *b, long long v)
{
    put_u(b, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

static void
put_s(struct cite_i_buf *b, const char *s, size_t n)
{
    put_u(b, n);
    cite_i_buf_add(b, s, n);
}

static void
put_n(struct cite_i_buf *b, const char *s)
{
    if (s == NULL) {
        put_u(b, 0);
    } else {
        size_t n = strlen(s);
        put_u(b, (uint64_t)n + 1);
        cite_i_buf_add(b, s, n);
    }
}

/* A reader over [p, end); any overrun or bad value sets bad. */
struct rd {
    const unsigned char *p, *end;
    int bad;
};

static uint64_t
get_u(struct rd *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p == r->end) {
            break;
        }
        unsigned c = *r->p++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            return v;
        }
    }
    r->bad = 1;
    return 0;
}

static uint64_t
get_max(struct rd *r, uint64_t max)
{
    uint64_t v = get_u(r);
    if (v > max) {
        r->bad = 1;
        return 0;
    }
    return v;
}

static long long
get_z(struct rd *r)
{
    uint64_t v = get_u(r);
    if (v >> 1 > (uint64_t)0x7fffffff) {
        r->bad = 1;
        return 0;
    }
    return v & 1 ? -(long long)(v >> 1) - 1 : (long long)(v >> 1);
}

/* A string of the input: not NUL-terminated; *n its length. */
static const char *
get_s(struct rd *r, size_t *n)
{
    uint64_t len = get_u(r);
    if (r->bad || len > (uint64_t)(r->end - r->p)) {
        r->bad = 1;
        *n = 0;
        return "";
    }
    const char *s = (const char *)r->p;
    r->p += len;
    *n = (size_t)len;
    return s;
}

/* As get_s, for a nullable string: NULL when absent. */
static const char *
get_n(struct rd *r, size_t *n)
{
    uint64_t len = get_u(r);
    if (r->bad || len > (uint64_t)(r->end - r->p) + 1) {
        r->bad = 1;
        *n = 0;
        return NULL;
    }
    if (len == 0) {
        *n = 0;
        return NULL;
    }
    const char *s = (const char *)r->p;
    r->p += len - 1;
    *n = (size_t)(len - 1);
    return s;
}

static void
get_fixed(struct rd *r, char *out, size_t size)
{
    size_t n;
    const char *s = get_s(r, &n);
    if (n >= size) {
        r->bad = 1;
        n = 0;
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

static const char *
get_doc_n(struct rd *r, struct cite_doc *doc)
{
    size_t n;
    const char *s = get_n(r, &n);
    return s != NULL ? cite_doc_strndup(doc, s, n) : NULL;
}

/* The diagnostics extraction emitted, kept to be saved and passed on. */
struct saved {
    struct cite_i_buf b;   /* n_diags is counted apart */
    size_t n;
    const struct cite_diag_sink *next;
};

static void
save_diag(void *ctx, const struct cite_diag *d)
{
    struct saved *s = ctx;
    put_u(&s->b, (uint64_t)d->code);
    put_u(&s->b, (uint64_t)d->severity);
    put_u(&s->b, d->line);
    put_u(&s->b, d->column);
    put_u(&s->b, d->offset);
    const char *m = d->message != NULL ? d->message : "";
    put_s(&s->b, m, strlen(m));
    if (d->source_line != NULL) {
        put_u(&s->b, (uint64_t)d->source_line_len + 1);
        cite_i_buf_add(&s->b, d->source_line, d->source_line_len);
    } else {
        put_u(&s->b, 0);
    }
    s->n++;
    if (s->next != NULL && s->next->fn != NULL) {
        s->next->fn(s->next->ctx, d);
    }
}

static void
encode_doc(struct cite_i_buf *b, const struct cite_doc *doc,
           const struct saved *s)
{
    const struct cite_docinfo *in = &doc->info;
    put_u(b, (uint64_t)doc->lang);
    put_n(b, in->id);
    put_u(b, (uint64_t)in->body);
    put_u(b, (uint64_t)in->type);
    put_z(b, in->session);
    put_s(b, in->date, strlen(in->date));
    put_z(b, in->meeting);
    put_n(b, in->vote);
    put_n(b, in->agenda_item);
    put_n(b, in->title);
    put_u(b, doc->nrefs);
    for (size_t i = 0; i < doc->nrefs; i++) {
        const struct cite_ref *r = &doc->refs[i];
        put_s(b, r->target, strlen(r->target));
        put_u(b, (uint64_t)r->type);
        put_u(b, (uint64_t)r->body);
        put_s(b, r->date, strlen(r->date));
        put_u(b, r->npinpoint);
        for (size_t k = 0; k < r->npinpoint; k++) {
            put_s(b, r->pinpoint[k], strlen(r->pinpoint[k]));
        }
        put_u(b, (uint64_t)r->relation);
        put_s(b, r->where, strlen(r->where));
        put_u(b, r->line);
        put_u(b, r->column);
        put_u(b, r->offset);
        put_u(b, r->length);
        put_n(b, r->text);
    }
    put_u(b, s->n);
    cite_i_buf_add(b, s->b.ptr, s->b.len);
}

/* Decodes a payload into doc (empty, initialised) and replays its
 * diagnostics under path; -1 (doc to be released) when it does not add
 * up.  The diagnostics are checked before any is passed on. */
static int
decode_doc(struct cite_doc *doc, const char *p, size_t len, const char *path,
           const struct cite_diag_sink *sink)
{
    struct rd r = {(const unsigned char *)p, (const unsigned char *)p + len,
                   0};
    struct cite_docinfo *in = &doc->info;
    doc->lang = (enum cite_lang)get_max(&r, CITE_LANG__COUNT - 1);
    in->id = get_doc_n(&r, doc);
    in->body = (enum cite_body)get_max(&r, CITE_BODY__COUNT - 1);
    in->type = (enum cite_type)get_max(&r, CITE_TYPE__COUNT - 1);
    in->session = (int)get_z(&r);
    get_fixed(&r, in->date, sizeof in->date);
    in->meeting = (int)get_z(&r);
    in->vote = get_doc_n(&r, doc);
    in->agenda_item = get_doc_n(&r, doc);
    in->title = get_doc_n(&r, doc);
    uint64_t nrefs = get_max(&r, len);
    for (uint64_t i = 0; i < nrefs && !r.bad; i++) {
        size_t n;
        const char *t = get_s(&r, &n);
        if (r.bad) {
            break;
        }
        struct cite_ref *ref = cite_doc_add_ref(doc);
        ref->target = cite_doc_strndup(doc, t, n);
        ref->type = (enum cite_type)get_max(&r, CITE_TYPE__COUNT - 1);
        ref->body = (enum cite_body)get_max(&r, CITE_BODY__COUNT - 1);
        get_fixed(&r, ref->date, sizeof ref->date);
        uint64_t npin = get_max(&r, len);
        for (uint64_t k = 0; k < npin && !r.bad; k++) {
            const char *pin = get_s(&r, &n);
            if (!r.bad) {
                cite_doc_add_pinpoint(doc, ref, pin, n);
            }
        }
        ref->relation = (enum cite_relation)get_max(&r, CITE_REL__COUNT - 1);
        get_fixed(&r, ref->where, sizeof ref->where);
        ref->line = (size_t)get_max(&r, SIZE_MAX);
        ref->column = (size_t)get_max(&r, SIZE_MAX);
        ref->offset = (size_t)get_max(&r, SIZE_MAX);
        ref->length = (size_t)get_max(&r, SIZE_MAX);
        ref->text = get_doc_n(&r, doc);
    }
    /* the diagnostics: checked in a first pass, replayed in a second */
    uint64_t ndiags = get_max(&r, len);
    struct rd start = r;
    for (int pass = 0; pass < 2 && !r.bad; pass++) {
        r = start;
        for (uint64_t i = 0; i < ndiags && !r.bad; i++) {
            struct cite_diag d = {0};
            d.code = (enum cite_diag_code)get_max(&r, CITE_D__COUNT - 1);
            d.severity = (enum cite_severity)get_max(&r, CITE_SEV_ERROR);
            d.file = path;
            d.line = (size_t)get_max(&r, SIZE_MAX);
            d.column = (size_t)get_max(&r, SIZE_MAX);
            d.offset = (size_t)get_max(&r, SIZE_MAX);
            size_t mn;
            const char *m = get_s(&r, &mn);
            d.source_line = get_n(&r, &d.source_line_len);
            if (r.bad || memchr(m, '\0', mn) != NULL) {
                r.bad = 1;
                break;
            }
            if (pass == 1 && sink != NULL && sink->fn != NULL) {
                char *msg = cite_i_xstrndup(m, mn);
                d.message = msg;
                sink->fn(sink->ctx, &d);
                free(msg);
            }
        }
        if (pass == 0 && r.p != r.end) {
            r.bad = 1;
        }
    }
    return r.bad ? -1 : 0;
}

/* ---- the pack ------------------------------------------------------------ */

static void
put_le64(struct cite_i_buf *b, uint64_t v)
{
    char tmp[8];
    for (int i = 0; i < 8; i++) {
        tmp[i] = (char)(v >> (8 * i));
    }
    cite_i_buf_add(b, tmp, 8);
}

static void
pack_path(struct cite_i_buf *b, const char *suffix)
{
    cite_i_buf_adds(b, C.dir);
    if (b->len > 0 && b->ptr[b->len - 1] != '/') {
        cite_i_buf_addc(b, '/');
    }
    cite_i_buf_adds(b, CACHE_NAME);
    cite_i_buf_adds(b, suffix);
}

static void
forget_all(void)
{
    for (size_t i = 0; i < C.ne; i++) {
        free(C.e[i].own);
    }
    for (size_t i = 0; i < C.ns; i++) {
        free(C.s[i].path);
        free(C.s[i].lang);
    }
    C.ne = C.ns = 0;
    if (C.etab != NULL) {
        memset(C.etab, 0, C.etab_cap * sizeof *C.etab);
    }
    if (C.stab != NULL) {
        memset(C.stab, 0, C.stab_cap * sizeof *C.stab);
    }
}

/* Parses the pack in C.pack; NULL when it adds up, else why not. */
static const char *
parse_pack(void)
{
    static const char magic[] = CACHE_MAGIC;
    if (C.pack_len < sizeof magic - 1 + 8 ||
        memcmp(C.pack, magic, sizeof magic - 1) != 0) {
        return "not a citegraph cache";
    }
    size_t body = C.pack_len - 8;
    uint64_t sum = 0;
    for (int i = 0; i < 8; i++) {
        sum |= (uint64_t)(unsigned char)C.pack[body + i] << (8 * i);
    }
    if (checksum(C.pack, body) != sum) {
        return "checksum mismatch";
    }
    struct rd r = {(const unsigned char *)C.pack + sizeof magic - 1,
                   (const unsigned char *)C.pack + body, 0};
    size_t n;
    const char *version = get_s(&r, &n);
    if (!r.bad && (n != strlen(CITE_VERSION) ||
                   memcmp(version, CITE_VERSION, n) != 0)) {
        return NULL; /* another version: nothing to reuse, nothing wrong */
    }
    uint64_t ne = get_max(&r, body);
    for (uint64_t i = 0; i < ne && !r.bad; i++) {
        if (r.end - r.p < 32) {
            r.bad = 1;
            break;
        }
        const unsigned char *key = r.p;
        r.p += 32;
        unsigned age = (unsigned)get_max(&r, AGE_MAX);
        const char *payload = get_s(&r, &n);
        if (r.bad || entry_find(key) != NULL) {
            r.bad = 1;
            break;
        }
        struct entry *e = entry_add(key);
        e->age = age;
        e->payload = payload;
        e->len = n;
    }
    uint64_t ns = get_max(&r, body);
    for (uint64_t i = 0; i < ns && !r.bad; i++) {
        size_t pn, ln;
        const char *path = get_s(&r, &pn);
        const char *lang = get_s(&r, &ln);
        uint64_t v[8];
        for (int k = 0; k < 7; k++) {
            v[k] = get_u(&r);
        }
        v[7] = get_max(&r, C.ne == 0 ? 0 : C.ne - 1);
        if (r.bad || C.ne == 0 || memchr(path, '\0', pn) != NULL ||
            memchr(lang, '\0', ln) != NULL) {
            r.bad = 1;
            break;
        }
        char *p = cite_i_xstrndup(path, pn);
        char *l = cite_i_xstrndup(lang, ln);
        if (stat_find(p, l) != NULL) {
            free(p);
            free(l);
            r.bad = 1;
            break;
        }
        struct statrec *s = stat_add(p, l);
        free(p);
        free(l);
        s->dev = v[0];
        s->ino = v[1];
        s->size = v[2];
        s->msec = v[3];
        s->mnsec = v[4];
        s->csec = v[5];
        s->cnsec = v[6];
        s->entry = (size_t)v[7];
    }
    if (r.bad || r.p != r.end) {
        return "a record that does not add up";
    }
    return NULL;
}

/* Reads DIR/check.pack, if there is one. */
static void
open_pack(void)
{
    C.opened = 1;
    struct cite_i_buf name = CITE_I_BUF_INIT;
    pack_path(&name, "");
    int fd = open(name.ptr, O_RDONLY);
    struct stat st;
    const char *why = NULL;
    if (fd < 0) {
        if (errno != ENOENT && errno != ENOTDIR) {
            why = strerror(errno);
        }
    } else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        why = "not a regular file";
    } else {
        C.pack_len = (size_t)st.st_size;
        C.pack = cite_i_xmalloc(C.pack_len + 1);
        size_t got = 0;
        while (got < C.pack_len) {
            ssize_t k = read(fd, C.pack + got, C.pack_len - got);
            if (k < 0 && errno == EINTR) {
                continue;
            }
            if (k <= 0) {
                break;
            }
            got += (size_t)k;
        }
        C.pack_msec = (uint64_t)st.st_mtim.tv_sec;
        C.pack_mnsec = (uint64_t)st.st_mtim.tv_nsec;
        why = got != C.pack_len ? "unreadable" : parse_pack();
    }
    if (fd >= 0) {
        close(fd);
    }
    if (why != NULL) {
        forget_all();
        C.dirty = 1;
        cli_error("note: %s: corrupt cache (%s); extracting again", name.ptr,
                  why);
    }
    cite_i_buf_release(&name);
}

static void
warn_write(const char *what, int err)
{
    if (!write_warned) {
        write_warned = 1;
        cli_error("warning: cache %s: %s; going on without writing the cache",
                  what, strerror(err));
    }
}

/* Writes the pack: the entries used in this run, then those that are not
 * too old, and the stat records of the entries kept. */
static void
write_pack(void)
{
    if (mkdir(C.dir, 0777) != 0 && errno != EEXIST) {
        warn_write(C.dir, errno);
        return;
    }
    size_t *map = cite_i_xmalloc((C.ne + 1) * sizeof *map);
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_buf_adds(&b, CACHE_MAGIC);
    put_s(&b, CITE_VERSION, strlen(CITE_VERSION));
    size_t kept = 0;
    for (size_t i = 0; i < C.ne; i++) {
        unsigned age = C.e[i].used ? 0 : C.e[i].age + 1;
        map[i] = age <= AGE_MAX ? kept++ : SIZE_MAX;
    }
    put_u(&b, kept);
    for (size_t i = 0; i < C.ne; i++) {
        if (map[i] != SIZE_MAX) {
            cite_i_buf_add(&b, (const char *)C.e[i].key, 32);
            put_u(&b, C.e[i].used ? 0 : C.e[i].age + 1);
            put_s(&b, C.e[i].payload, C.e[i].len);
        }
    }
    size_t nstat = 0;
    for (size_t i = 0; i < C.ns; i++) {
        nstat += map[C.s[i].entry] != SIZE_MAX;
    }
    put_u(&b, nstat);
    for (size_t i = 0; i < C.ns; i++) {
        const struct statrec *s = &C.s[i];
        if (map[s->entry] == SIZE_MAX) {
            continue;
        }
        put_s(&b, s->path, strlen(s->path));
        put_s(&b, s->lang, strlen(s->lang));
        put_u(&b, s->dev);
        put_u(&b, s->ino);
        put_u(&b, s->size);
        put_u(&b, s->msec);
        put_u(&b, s->mnsec);
        put_u(&b, s->csec);
        put_u(&b, s->cnsec);
        put_u(&b, map[s->entry]);
    }
    free(map);
    put_le64(&b, checksum(b.ptr, b.len));

    struct cite_i_buf tmp = CITE_I_BUF_INIT;
    pack_path(&tmp, ".tmp.XXXXXX");
    int fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        warn_write(C.dir, errno);
    } else {
        size_t done = 0;
        int err = 0;
        while (done < b.len) {
            ssize_t k = write(fd, b.ptr + done, b.len - done);
            if (k < 0 && errno == EINTR) {
                continue;
            }
            if (k <= 0) {
                err = k < 0 ? errno : ENOSPC;
                break;
            }
            done += (size_t)k;
        }
        if (close(fd) != 0 && err == 0) {
            err = errno;
        }
        if (err == 0) {
            mode_t mask = umask(0);
            umask(mask);
            chmod(tmp.ptr, 0666 & ~mask);
            struct cite_i_buf name = CITE_I_BUF_INIT;
            pack_path(&name, "");
            if (rename(tmp.ptr, name.ptr) != 0) {
                warn_write(name.ptr, errno);
                unlink(tmp.ptr);
            }
            cite_i_buf_release(&name);
        } else {
            warn_write(tmp.ptr, err);
            unlink(tmp.ptr);
        }
    }
    cite_i_buf_release(&tmp);
    cite_i_buf_release(&b);
}

/* ---- the interface --------------------------------------------------------- */

void
cli_cache_open(const char *dir, int stats)
{
    cli_cache_finish();
    C.dir = dir;
    C.stats = stats;
    write_warned = 0;
}

const char *
cli_cache_dir(void)
{
    return C.dir;
}

void
cli_cache_finish(void)
{
    int wrote = C.dir != NULL && C.opened && C.dirty;
    if (wrote) {
        write_pack();
    }
    if (C.dir != NULL && C.stats) {
        size_t n = C.by_stat + C.by_hash + C.extracted;
        cli_error("cache %s: %zu text%s: %zu unchanged, %zu same bytes, "
                  "%zu extracted; %s",
                  C.dir, n, n == 1 ? "" : "s", C.by_stat,
                  C.by_hash, C.extracted,
                  !wrote ? "pack left as it was"
                  : write_warned ? "pack not written"
                                 : "pack written");
    }
    forget_all();
    free(C.e);
    free(C.s);
    free(C.etab);
    free(C.stab);
    free(C.pack);
    memset(&C, 0, sizeof C);
}

/* Gives doc the entry e's doc, its diagnostics replayed under path; -1
 * when the entry does not decode (reported; doc emptied). */
static int
use_entry(struct entry *e, struct cite_doc *doc, const char *path,
          const struct cite_diag_sink *sink)
{
    if (decode_doc(doc, e->payload, e->len, path, sink) != 0) {
        cite_doc_release(doc);
        cite_doc_init(doc);
        cli_error("note: %s: corrupt cache entry for '%s'; extracting again",
                  C.dir, path);
        e->bad = 1;
        C.dirty = 1;
        return -1;
    }
    if (e->age > 0) {
        C.dirty = 1; /* its age goes back to 0 */
    }
    doc->source = cite_doc_strdup(doc, path);
    doc->source_line = 0;
    e->used = 1;
    return 0;
}

static int
same_stat(const struct statrec *r, const struct stat *st)
{
    return r->dev == (uint64_t)st->st_dev && r->ino == (uint64_t)st->st_ino &&
           r->size == (uint64_t)st->st_size &&
           r->msec == (uint64_t)st->st_mtim.tv_sec &&
           r->mnsec == (uint64_t)st->st_mtim.tv_nsec &&
           r->csec == (uint64_t)st->st_ctim.tv_sec &&
           r->cnsec == (uint64_t)st->st_ctim.tv_nsec;
}

/* Whether the file was changed before the pack was written (else a change
 * within the same clock tick could go unseen). */
static int
older_than_pack(const struct statrec *r)
{
    return C.pack != NULL &&
           (r->msec < C.pack_msec ||
            (r->msec == C.pack_msec && r->mnsec < C.pack_mnsec));
}

int
cli_cache_load_text(struct cite_corpus *corpus, const char *path,
                    enum cite_lang lang, const struct cite_diag_sink *sink)
{
    if (!C.opened) {
        open_pack();
    }
    const char *code = lang == CITE_LANG_UNKNOWN ? "auto" : cite_lang_code(lang);
    int has_stat = strcmp(path, "-") != 0;
    struct stat st;
    if (has_stat && stat(path, &st) != 0) {
        has_stat = 0; /* the load below says why */
    }
    struct statrec *rec = has_stat ? stat_find(path, code) : NULL;
    if (rec != NULL && same_stat(rec, &st) && older_than_pack(rec) &&
        !C.e[rec->entry].bad) {
        struct cite_doc *doc = cite_corpus_add(corpus);
        if (use_entry(&C.e[rec->entry], doc, path, sink) == 0) {
            C.by_stat++;
            return EXIT_OK;
        }
        corpus->n--;
        cite_doc_release(&corpus->docs[corpus->n]);
    }

    struct cite_text t;
    int loaded = cli_load_text(&t, path, sink);
    if (loaded != EXIT_OK) {
        return loaded;
    }
    struct cite_doc *doc = cite_corpus_add(corpus);
    if (t.len == t.start) {
        /* empty: nothing to save, and its note names the path */
        cite_extract_doc_limited(doc, &t, lang, &cli_limits, sink);
        cite_text_release(&t);
        C.extracted++;
        return EXIT_OK;
    }
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    static const char magic[] = CACHE_MAGIC;
    struct cite_i_sha256 h;
    unsigned char key[32];
    cite_i_sha256_init(&h);
    cite_i_sha256_add(&h, magic, sizeof magic);
    cite_i_sha256_add(&h, CITE_VERSION, sizeof CITE_VERSION);
    cite_i_sha256_add(&h, code, strlen(code) + 1);
    /* the id-length limit changes what is read */
    char idmax[32];
    snprintf(idmax, sizeof idmax, "%zu", cli_limits.id_length);
    cite_i_sha256_add(&h, idmax, strlen(idmax) + 1);
    cite_i_sha256_add(&h, base, strlen(base) + 1);
    cite_i_sha256_add(&h, t.bytes, t.len);
    cite_i_sha256_finish(&h, key);

    struct entry *e = entry_find(key);
    if (e != NULL && !e->bad && use_entry(e, doc, path, sink) == 0) {
        C.by_hash++;
    } else {
        struct saved s = {CITE_I_BUF_INIT, 0, sink};
        struct cite_diag_sink keep = {save_diag, &s};
        cite_extract_doc_limited(doc, &t, lang, &cli_limits, &keep);
        if (e == NULL) {
            e = entry_add(key);
        } else {
            free(e->own);
            e->bad = 0;
        }
        struct cite_i_buf b = CITE_I_BUF_INIT;
        encode_doc(&b, doc, &s);
        cite_i_buf_release(&s.b);
        e->own = b.ptr; /* the buffer is handed over */
        e->payload = b.ptr;
        e->len = b.len;
        e->used = 1;
        C.dirty = 1;
        C.extracted++;
    }
    cite_text_release(&t);
    if (has_stat) {
        if (rec == NULL) {
            rec = stat_add(path, code);
        }
        size_t idx = (size_t)(e - C.e);
        if (!same_stat(rec, &st) || rec->entry != idx || !older_than_pack(rec)) {
            C.dirty = 1;
        }
        rec->dev = (uint64_t)st.st_dev;
        rec->ino = (uint64_t)st.st_ino;
        rec->size = (uint64_t)st.st_size;
        rec->msec = (uint64_t)st.st_mtim.tv_sec;
        rec->mnsec = (uint64_t)st.st_mtim.tv_nsec;
        rec->csec = (uint64_t)st.st_ctim.tv_sec;
        rec->cnsec = (uint64_t)st.st_ctim.tv_nsec;
        rec->entry = idx;
    }
    return EXIT_OK;
}
