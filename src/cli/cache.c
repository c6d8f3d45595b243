/*
 * cache.c - check --cache DIR: extraction results kept by content.
 *
 * The key of a text is the SHA-256 of a header (the cache format, the tool
 * version, the --lang given and the file's base name, from which a text
 * without its own symbol takes its id) and of the text's bytes.  The entry
 * DIR/<key>.yaml is the doc as `extract` writes it, preceded by the
 * diagnostics extraction gave, as YAML comments ("#d" lines), and followed
 * by a "# end" line, so that a hit gives the same doc and the same
 * diagnostics as extracting again.  Entries are written atomically (a
 * temporary file renamed into place).  An entry that cannot be read back
 * (YAML errors, no end line, bad "#d" lines) is ignored with a note and
 * written again; a cache that cannot be written is a warning, once.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/core_int.h"

#define CACHE_FORMAT "citegraph-check-cache 1"

static const char *cache_dir;
static int write_warned;

void
cli_cache_set_dir(const char *dir)
{
    cache_dir = dir;
    write_warned = 0;
}

const char *
cli_cache_dir(void)
{
    return cache_dir;
}

/* ---- the diagnostics of an entry ------------------------------------- */

struct saved_diag {
    enum cite_diag_code code;
    enum cite_severity severity;
    size_t line, column, offset;
    char *message;
    char *source_line; /* NULL: none */
    size_t source_line_len;
};

struct saved {
    struct saved_diag *v;
    size_t n, cap;
    const struct cite_diag_sink *next; /* forwarded to */
};

static void
saved_release(struct saved *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].message);
        free(s->v[i].source_line);
    }
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

static struct saved_diag *
saved_add(struct saved *s)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 8;
        s->v = cite_i_xreallocarray(s->v, s->cap, sizeof *s->v);
    }
    struct saved_diag *d = &s->v[s->n++];
    memset(d, 0, sizeof *d);
    return d;
}

/* A sink that keeps a copy of each diagnostic and passes it on. */
static void
save_diag(void *ctx, const struct cite_diag *d)
{
    struct saved *s = ctx;
    struct saved_diag *k = saved_add(s);
    k->code = d->code;
    k->severity = d->severity;
    k->line = d->line;
    k->column = d->column;
    k->offset = d->offset;
    k->message = cite_i_xstrdup(d->message != NULL ? d->message : "");
    if (d->source_line != NULL) {
        k->source_line = cite_i_xstrndup(d->source_line, d->source_line_len);
        k->source_line_len = d->source_line_len;
    }
    if (s->next != NULL && s->next->fn != NULL) {
        s->next->fn(s->next->ctx, d);
    }
}

static void
replay(const struct saved *s, const char *path,
       const struct cite_diag_sink *sink)
{
    if (sink == NULL || sink->fn == NULL) {
        return;
    }
    for (size_t i = 0; i < s->n; i++) {
        const struct saved_diag *k = &s->v[i];
        struct cite_diag d = {
            .code = k->code,
            .severity = k->severity,
            .file = path,
            .line = k->line,
            .column = k->column,
            .offset = k->offset,
            .message = k->message,
            .source_line = k->source_line,
            .source_line_len = k->source_line_len,
        };
        sink->fn(sink->ctx, &d);
    }
}

/* Bytes below 0x20, '%' and DEL as %XX: a field is one line, no tab. */
static void
add_field(struct cite_i_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == '%' || c == 0x7f) {
            cite_i_buf_addf(b, "%%%02X", c);
        } else {
            cite_i_buf_addc(b, (char)c);
        }
    }
}

static int
hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* Decodes s[0..n) into an owned string; NULL when malformed. */
static char *
get_field(const char *s, size_t n, size_t *len)
{
    char *out = cite_i_xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
            int lo = hi >= 0 ? hexval(s[i + 2]) : -1;
            if (lo < 0) {
                free(out);
                return NULL;
            }
            out[k++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    *len = k;
    return out;
}

static int
get_size(const char *s, size_t n, size_t *out)
{
    size_t v = 0;
    if (n == 0 || n > 19) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (size_t)(s[i] - '0');
    }
    *out = v;
    return 0;
}

/* One "#d" line (without "#d\t" and the newline): code, severity, line,
 * column, offset, message, source line ("" none, "=" + text). */
static int
parse_diag(struct saved *s, const char *p, size_t n)
{
    const char *f[7];
    size_t fl[7];
    size_t nf = 0, at = 0;
    while (nf < 7) {
        const char *tab = memchr(p + at, '\t', n - at);
        size_t end = tab != NULL ? (size_t)(tab - p) : n;
        f[nf] = p + at;
        fl[nf++] = end - at;
        if (tab == NULL) {
            break;
        }
        at = end + 1;
    }
    size_t code, sev, line, column, offset;
    if (nf != 7 || get_size(f[0], fl[0], &code) != 0 ||
        code >= CITE_D__COUNT || get_size(f[1], fl[1], &sev) != 0 ||
        sev > CITE_SEV_ERROR || get_size(f[2], fl[2], &line) != 0 ||
        get_size(f[3], fl[3], &column) != 0 ||
        get_size(f[4], fl[4], &offset) != 0 ||
        (fl[6] > 0 && f[6][0] != '=')) {
        return -1;
    }
    size_t mlen, slen = 0;
    char *msg = get_field(f[5], fl[5], &mlen);
    char *src = NULL;
    if (fl[6] > 0) {
        src = get_field(f[6] + 1, fl[6] - 1, &slen);
        if (src == NULL) {
            free(msg);
            return -1;
        }
    }
    if (msg == NULL) {
        free(src);
        return -1;
    }
    struct saved_diag *d = saved_add(s);
    d->code = (enum cite_diag_code)code;
    d->severity = (enum cite_severity)sev;
    d->line = line;
    d->column = column;
    d->offset = offset;
    d->message = msg;
    d->source_line = src;
    d->source_line_len = slen;
    return 0;
}

/* ---- reading and writing entries ------------------------------------- */

static void
count_diag(void *ctx, const struct cite_diag *d)
{
    (void)d;
    (*(size_t *)ctx)++;
}

/* Reads the entry at entry into corpus and replays its diagnostics under
 * path: 1 hit, 0 miss (absent), -1 corrupt (reported; corpus unchanged). */
static int
read_entry(struct cite_corpus *corpus, const char *entry, const char *path,
           const struct cite_diag_sink *sink)
{
    FILE *f = fopen(entry, "rb");
    if (f == NULL) {
        return 0;
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        cite_i_buf_add(&b, chunk, got);
    }
    int bad = ferror(f);
    fclose(f);
    const char *why = NULL;
    struct saved s = {NULL, 0, 0, NULL};
    static const char head[] = "# " CACHE_FORMAT "\n";
    static const char tail[] = "\n# end\n";
    if (bad) {
        why = "unreadable";
    } else if (b.len < sizeof head - 1 + sizeof tail - 1 ||
               memcmp(b.ptr, head, sizeof head - 1) != 0) {
        why = "not a cache entry";
    } else if (memcmp(b.ptr + b.len - (sizeof tail - 1), tail,
                      sizeof tail - 1) != 0) {
        why = "truncated";
    }
    size_t at = sizeof head - 1;
    while (why == NULL && at < b.len && b.len - at >= 3 &&
           memcmp(b.ptr + at, "#d\t", 3) == 0) {
        const char *nl = memchr(b.ptr + at, '\n', b.len - at);
        size_t end = (size_t)(nl - b.ptr); /* the tail ends with a newline */
        if (parse_diag(&s, b.ptr + at + 3, end - at - 3) != 0) {
            why = "a bad diagnostic line";
        }
        at = end + 1;
    }
    size_t before = corpus->n;
    if (why == NULL) {
        size_t errors = 0;
        struct cite_diag_sink count = {count_diag, &errors};
        int rc = cite_yaml_read_mem(corpus, b.ptr, b.len, entry, &count);
        if (rc != 0 || errors > 0) {
            why = "YAML errors";
        } else if (corpus->n != before + 1) {
            why = "not one document";
        }
    }
    cite_i_buf_release(&b);
    if (why != NULL) {
        while (corpus->n > before) {
            cite_doc_release(&corpus->docs[--corpus->n]);
        }
        saved_release(&s);
        cli_error("note: %s: corrupt cache entry (%s); extracting again",
                  entry, why);
        return -1;
    }
    struct cite_doc *doc = &corpus->docs[before];
    doc->source = cite_doc_strdup(doc, path);
    doc->source_line = 0;
    replay(&s, path, sink);
    saved_release(&s);
    return 1;
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

/* Writes doc and its diagnostics to entry, atomically; a failure is a
 * warning (once). */
static void
write_entry(const char *entry, const struct cite_doc *doc,
            const struct saved *s)
{
    if (mkdir(cache_dir, 0777) != 0 && errno != EEXIST) {
        warn_write(cache_dir, errno);
        return;
    }
    struct cite_i_buf tmp = CITE_I_BUF_INIT;
    cite_i_buf_addf(&tmp, "%s.tmp.XXXXXX", entry);
    int fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        warn_write(cache_dir, errno);
        cite_i_buf_release(&tmp);
        return;
    }
    FILE *f = fdopen(fd, "wb");
    if (f == NULL) {
        warn_write(tmp.ptr, errno);
        close(fd);
        unlink(tmp.ptr);
        cite_i_buf_release(&tmp);
        return;
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_buf_adds(&b, "# " CACHE_FORMAT "\n");
    for (size_t i = 0; i < s->n; i++) {
        const struct saved_diag *d = &s->v[i];
        cite_i_buf_addf(&b, "#d\t%d\t%d\t%zu\t%zu\t%zu\t", (int)d->code,
                        (int)d->severity, d->line, d->column, d->offset);
        add_field(&b, d->message, strlen(d->message));
        cite_i_buf_addc(&b, '\t');
        if (d->source_line != NULL) {
            cite_i_buf_addc(&b, '=');
            add_field(&b, d->source_line, d->source_line_len);
        }
        cite_i_buf_addc(&b, '\n');
    }
    int ok = fwrite(b.ptr, 1, b.len, f) == b.len;
    cite_i_buf_release(&b);
    struct cite_yaml_writer *w = ok ? cite_yaml_writer_new(f) : NULL;
    ok = w != NULL && cite_yaml_write_doc(w, doc) == 0;
    ok = cite_yaml_writer_finish(w) == 0 && ok;
    ok = ok && fputs("\n# end\n", f) >= 0;
    int err = errno ? errno : EIO;
    ok = fflush(f) == 0 && !ferror(f) && ok;
    if (fclose(f) != 0) {
        ok = 0;
    }
    if (ok) {
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp.ptr, 0666 & ~mask);
        if (rename(tmp.ptr, entry) != 0) {
            err = errno;
            ok = 0;
        }
    }
    if (!ok) {
        warn_write(entry, err);
        unlink(tmp.ptr);
    }
    cite_i_buf_release(&tmp);
}

int
cli_cache_load_text(struct cite_corpus *corpus, const char *path,
                    enum cite_lang lang, const struct cite_diag_sink *sink)
{
    struct cite_text t;
    if (cite_text_load(&t, path) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    if (t.len == t.start) {
        /* empty: nothing to save, and its note names the path */
        struct cite_doc *doc = cite_corpus_add(corpus);
        cite_extract_doc(doc, &t, lang, sink);
        cite_text_release(&t);
        return EXIT_OK;
    }
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    const char *code = lang == CITE_LANG_UNKNOWN ? "auto" : cite_lang_code(lang);
    struct cite_i_sha256 h;
    unsigned char digest[32];
    char hex[65];
    cite_i_sha256_init(&h);
    cite_i_sha256_add(&h, CACHE_FORMAT, sizeof CACHE_FORMAT);
    cite_i_sha256_add(&h, CITE_VERSION, sizeof CITE_VERSION);
    cite_i_sha256_add(&h, code, strlen(code) + 1);
    cite_i_sha256_add(&h, base, strlen(base) + 1);
    cite_i_sha256_add(&h, t.bytes, t.len);
    cite_i_sha256_finish(&h, digest);
    cite_i_sha256_hex(digest, hex);
    struct cite_i_buf entry = CITE_I_BUF_INIT;
    cite_i_buf_adds(&entry, cache_dir);
    if (entry.len > 0 && entry.ptr[entry.len - 1] != '/') {
        cite_i_buf_addc(&entry, '/');
    }
    cite_i_buf_addf(&entry, "%s.yaml", hex);
    if (read_entry(corpus, entry.ptr, path, sink) != 1) {
        struct saved s = {NULL, 0, 0, sink};
        struct cite_diag_sink keep = {save_diag, &s};
        struct cite_doc *doc = cite_corpus_add(corpus);
        cite_extract_doc(doc, &t, lang, &keep);
        write_entry(entry.ptr, doc, &s);
        saved_release(&s);
    }
    cite_i_buf_release(&entry);
    cite_text_release(&t);
    return EXIT_OK;
}
