/*
 * common.c - what the subcommands share: printing diagnostics, loading
 * inputs (YAML or texts), writing output files atomically, and the options
 * of every analysis command (--lang, --help, the network filters), so that
 * each command's getopt loop handles only its own.
 */
/* realpath() is XSI; madvise(MADV_DONTNEED) gives read pages of a mapped
 * input back (POSIX's posix_madvise() may not) */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/core_int.h"

struct cite_limits cli_limits = {
    CITE_LIMIT_FILE_SIZE,
    CITE_LIMIT_ID_LENGTH,
    CITE_LIMIT_YAML_DEPTH,
};

int
cli_parse_limit(const char *cmd, const char *arg)
{
    const char *eq = strchr(arg, '=');
    struct cite_i_buf name = CITE_I_BUF_INIT;
    cite_i_buf_add(&name, arg, eq != NULL ? (size_t)(eq - arg) : strlen(arg));
    int r = eq != NULL ? cite_limits_set(&cli_limits, name.ptr, eq + 1) : -1;
    if (r == -1) {
        struct cite_i_buf list = CITE_I_BUF_INIT;
        for (int i = 0; cite_limit_names[i] != NULL; i++) {
            cite_i_buf_addf(&list, "%s%s", i ? ", " : "", cite_limit_names[i]);
        }
        cli_error("%s: '--limit %s' is not NAME=VALUE with NAME one of %s",
                  cmd, arg, list.ptr);
        cite_i_buf_release(&list);
    } else if (r == -2) {
        cli_error("%s: '--limit %s': '%s' takes a whole number above 0%s", cmd,
                  arg, name.ptr,
                  strcmp(name.ptr, "file-size") == 0
                      ? " (with K, M or G)"
                      : strcmp(name.ptr, "id-length") == 0
                            ? " and at most 4096"
                            : "");
    }
    cite_i_buf_release(&name);
    return r == 0 ? 0 : -1;
}

void
cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("citegraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void
cli_diag_print(void *ctx, const struct cite_diag *d)
{
    struct cli_diag_ctx *c = ctx;
    if (c != NULL) {
        c->count[d->severity]++;
        if (c->quiet_notes && d->severity == CITE_SEV_NOTE) {
            return;
        }
    }
    fputs("citegraph: ", stderr);
    if (d->file != NULL) {
        fputs(d->file, stderr);
        if (d->line > 0) {
            fprintf(stderr, ":%zu:%zu", d->line, d->column);
        }
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s: %s [%s]\n", cite_severity_name(d->severity),
            d->message, cite_diag_slug(d->code));
}

static int
has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

void
cli_pathlist_add(struct cli_pathlist *l, char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = cite_i_xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = p;
}

/* The directories a walk has entered, by device and inode. */
struct visited {
    dev_t *dev;
    ino_t *ino;
    size_t n, cap;
};

static int
seen_before(struct visited *v, const struct stat *st)
{
    for (size_t i = 0; i < v->n; i++) {
        if (v->dev[i] == st->st_dev && v->ino[i] == st->st_ino) {
            return 1;
        }
    }
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->dev = cite_i_xreallocarray(v->dev, v->cap, sizeof *v->dev);
        v->ino = cite_i_xreallocarray(v->ino, v->cap, sizeof *v->ino);
    }
    v->dev[v->n] = st->st_dev;
    v->ino[v->n] = st->st_ino;
    v->n++;
    return 0;
}

/* A warning printed as the library's diagnostics are. */
static void
walk_warning(enum cite_diag_code code, const char *path, const char *fmt, ...)
{
    struct cite_i_buf msg = CITE_I_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    cite_i_buf_vaddf(&msg, fmt, ap);
    va_end(ap);
    struct cite_diag d = {
        .code = code,
        .severity = cite_diag_default_severity(code),
        .file = path,
        .message = msg.ptr,
    };
    cli_diag_print(NULL, &d);
    cite_i_buf_release(&msg);
}

struct dir_entry {
    char *path;     /* owned */
    int known_file; /* readdir() said: a regular file */
};

static int
cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct dir_entry *)a)->path,
                  ((const struct dir_entry *)b)->path);
}

/*
 * Every *.txt below dir, sorted by bytes (strcmp, whatever the locale), so
 * the order does not depend on the disk.  A directory met a second time
 * (a symbolic link to itself, to a parent, or twice to one place) is
 * skipped with a warning [directory-cycle]: each is read once, and a loop
 * ends at once instead of growing as paths double.  depth still stops
 * trees nested absurdly deep.
 */
static int
walk(const char *dir, struct cli_pathlist *out, int depth, struct visited *v)
{
    if (depth > 64) {
        cli_error("%s: directories nested more than 64 deep", dir);
        return -1;
    }
    DIR *d = opendir(dir);
    if (d == NULL) {
        cli_error("%s: %s", dir, strerror(errno));
        return -1;
    }
    /* the entries, with what readdir() says they are: a regular file
     * needs no stat() (a tree of many texts is listed at once) */
    struct dir_entry *here = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        int known_file = 0;
#ifdef DT_REG
        known_file = e->d_type == DT_REG;
#endif
        if (known_file && !has_suffix(e->d_name, ".txt")) {
            continue;
        }
        struct cite_i_buf p = CITE_I_BUF_INIT;
        cite_i_buf_adds(&p, dir);
        if (!has_suffix(dir, "/")) {
            cite_i_buf_addc(&p, '/');
        }
        cite_i_buf_adds(&p, e->d_name);
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            here = cite_i_xreallocarray(here, cap, sizeof *here);
        }
        here[n].path = p.ptr;
        here[n].known_file = known_file;
        n++;
    }
    closedir(d);
    if (n > 0) {
        qsort(here, n, sizeof *here, cmp_entry);
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char *path = here[i].path;
        if (here[i].known_file) {
            cli_pathlist_add(out, path);
            continue;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (seen_before(v, &st)) {
                walk_warning(CITE_D_DIR_CYCLE, path,
                             "'%s' leads to a directory already read; "
                             "skipped",
                             path);
            } else if (walk(path, out, depth + 1, v) != 0) {
                rc = -1;
            }
            free(path);
        } else if (S_ISREG(st.st_mode) && has_suffix(path, ".txt")) {
            cli_pathlist_add(out, path);
        } else {
            free(path);
        }
    }
    free(here);
    return rc;
}

int
cli_walk_dir(const char *dir, struct cli_pathlist *out, int depth)
{
    struct visited v = {NULL, NULL, 0, 0};
    struct stat st;
    if (stat(dir, &st) == 0) {
        seen_before(&v, &st);
    }
    size_t before = out->n;
    int rc = walk(dir, out, depth, &v);
    free(v.dev);
    free(v.ino);
    if (rc == 0 && out->n == before) {
        walk_warning(CITE_D_EMPTY_INPUT, dir, "'%s' holds no *.txt file", dir);
    }
    return rc;
}

int
cli_is_yaml_path(const char *p)
{
    return has_suffix(p, ".yaml") || has_suffix(p, ".yml");
}

FILE *
cli_fopen_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (f != NULL && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR; /* fopen() opens a directory; reading it fails */
        return NULL;
    }
    return f;
}

void
cli_too_large(const char *path, const struct cite_diag_sink *sink)
{
    cite_diag_emit(sink, CITE_D_FILE_TOO_LARGE, path, 0, 0, 0,
                   "'%s' is larger than the file-size limit of %zu bytes; "
                   "not read",
                   path, cli_limits.file_size);
}

int
cli_load_text(struct cite_text *t, const char *path,
              const struct cite_diag_sink *sink)
{
    if (cite_text_load_max(t, path, cli_limits.file_size) != 0) {
        if (errno == EFBIG) {
            cli_too_large(path, sink);
            return EXIT_FINDINGS;
        }
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    return EXIT_OK;
}

/* Where loaded docs go: take(ctx, doc) owns doc from then on. */
struct sink_docs {
    void (*take)(void *ctx, struct cite_doc *doc);
    void *ctx;
    int hold; /* 1: take keeps every doc (reading all first costs nothing) */
};

/* Hands the docs of c over to out, in order, and empties c. */
static void
hand_over(struct cite_corpus *c, const struct sink_docs *out)
{
    for (size_t k = 0; k < c->n; k++) {
        out->take(out->ctx, &c->docs[k]);
    }
    c->n = 0;
}

/* One text ("-": standard input), through the cache when one is open. */
static int
load_text(const struct sink_docs *out, const char *path, enum cite_lang lang,
          const struct cite_diag_sink *sink)
{
    struct cite_corpus one;
    cite_corpus_init(&one);
    int rc = EXIT_OK;
    if (cli_cache_dir() != NULL) {
        rc = cli_cache_load_text(&one, path, lang, sink);
    } else {
        struct cite_text t;
        rc = cli_load_text(&t, path, sink);
        if (rc == EXIT_OK) {
            cite_extract_doc_limited(cite_corpus_add(&one), &t, lang,
                                     &cli_limits, sink);
            cite_text_release(&t);
        }
    }
    hand_over(&one, out);
    cite_corpus_release(&one);
    return rc;
}

/* Where the docs of a stream of texts go, and the worst status so far. */
struct texts_out {
    const struct sink_docs *out;
    const struct cite_diag_sink *sink;
    int rc;
};

static void
take_text(void *ctx, struct cli_job *j)
{
    struct texts_out *to = ctx;
    int r = cli_job_report(j, to->sink);
    if (r == EXIT_OK) {
        to->out->take(to->out->ctx, &j->doc); /* taken over */
        cite_doc_init(&j->doc);
    }
    to->rc = r > to->rc ? r : to->rc;
}

/* Texts of a directory: through the cache, one by one, or extracted on
 * several threads, the docs handed over in input order. */
static int
load_texts(const struct sink_docs *out, char **paths, size_t n,
           enum cite_lang lang, const struct cite_diag_sink *sink)
{
    int rc = EXIT_OK;
    if (cli_cache_dir() != NULL) {
        for (size_t k = 0; k < n; k++) {
            int r = load_text(out, paths[k], lang, sink);
            rc = r > rc ? r : rc;
        }
        return rc;
    }
    struct texts_out to = {out, sink, EXIT_OK};
    struct cli_stream *st = cli_stream_new(lang, 0, take_text, &to);
    for (size_t k = 0; k < n; k++) {
        cli_stream_add(st, cite_i_xstrdup(paths[k]));
    }
    cli_stream_free(st);
    return to.rc;
}

/* A YAML input, streamed: a regular file is mapped, and what has been read
 * is given back to the system as the docs go, so memory holds the doc at
 * hand, not the file. */
struct yaml_each {
    const struct sink_docs *out;
    char *map;        /* the mapping, or NULL */
    size_t dropped;   /* bytes of it given back */
};

/* The pages of map before byte upto go back to the system, 4 MB at a
 * time; *dropped: how far they have gone. */
static void
give_back(char *map, size_t *dropped, size_t upto)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    upto = upto / page * page;
    if (upto >= *dropped + (4u << 20)) {
        madvise(map + *dropped, upto - *dropped, MADV_DONTNEED);
        *dropped = upto;
    }
}

static int
yaml_doc(void *ctx, struct cite_doc *doc, size_t consumed)
{
    struct yaml_each *y = ctx;
    y->out->take(y->out->ctx, doc);
    if (y->map != NULL) {
        give_back(y->map, &y->dropped, consumed);
    }
    return 0;
}

/*
 * A large YAML file whose docs are all kept (check) is read in parts, one
 * a thread, each from a "---" line.  The docs are independent, so the
 * parts give the docs one reading would; only a clean reading counts: a
 * part with any diagnostic, or a syntax error, and the file is read again
 * whole, for the diagnostics of one reading, in order.
 */
#define PARTS_MIN ((size_t)4 << 20) /* bytes: below, one thread */

struct part {
    char *map;      /* the whole file's mapping */
    size_t dropped; /* how far its pages went back (give_back()) */
    const char *buf;
    size_t n;
    const char *path;
    const struct cite_limits *lim;
    struct cite_corpus docs;
    size_t lines;  /* line breaks in the part */
    size_t ndiags;
    int rc;
};

static void
part_diag(void *ctx, const struct cite_diag *d)
{
    (void)d;
    ((struct part *)ctx)->ndiags++;
}

static int
part_doc(void *ctx, struct cite_doc *doc, size_t consumed)
{
    struct part *p = ctx;
    cite_doc_shrink(doc); /* kept to the end, as take_into_corpus() does */
    *cite_corpus_add(&p->docs) = *doc;
    give_back(p->map, &p->dropped, (size_t)(p->buf - p->map) + consumed);
    return 0;
}

static void *
part_read(void *arg)
{
    struct part *p = arg;
    /* the lines first: the reading gives the pages back as it goes */
    for (const char *q = p->buf, *e = p->buf + p->n;
         (q = memchr(q, '\n', (size_t)(e - q))) != NULL; q++) {
        p->lines++;
    }
    struct cite_diag_sink sink = {part_diag, p};
    p->rc = cite_yaml_read_each(p->buf, p->n, p->path, p->lim, &sink, part_doc, p);
    return NULL;
}

/* Where a part may start, at or after from: the next "---" line; n when
 * none. */
static size_t
part_start(const char *buf, size_t n, size_t from)
{
    for (size_t i = from; i + 4 <= n;) {
        const char *q = memchr(buf + i, '\n', n - i);
        if (q == NULL || (size_t)(q - buf) + 4 > n) {
            return n;
        }
        i = (size_t)(q - buf) + 1;
        if (memcmp(buf + i, "---", 3) == 0 &&
            (i + 3 == n || buf[i + 3] == '\n' || buf[i + 3] == ' ')) {
            return i;
        }
    }
    return n;
}

/* Reads buf in parts into out; 0 when done so, -1 when it must be read
 * whole instead (nothing given to out then). */
static int
load_yaml_parts(const struct sink_docs *out, char *buf, size_t n,
                const char *path, const struct cite_limits *lim)
{
    int k = cli_jobs();
    if (k < 2 || n < PARTS_MIN) {
        return -1;
    }
    /* a directive (a line opening with '%') applies to the doc after it:
     * such a stream is read whole */
    for (const char *q = buf, *e = buf + n; (q = memchr(q, '%', (size_t)(e - q))) != NULL;
         q++) {
        if (q == buf || q[-1] == '\n') {
            return -1;
        }
    }
    struct part *parts = cite_i_xcalloc((size_t)k, sizeof *parts);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    int np = 0;
    for (size_t start = 0; np < k && start < n; np++) {
        size_t next = np + 1 < k ? part_start(buf, n, n / (size_t)k * (size_t)(np + 1)) : n;
        if (next <= start) {
            next = part_start(buf, n, start + 1);
        }
        parts[np].map = buf;
        parts[np].dropped = (start + page - 1) / page * page;
        parts[np].buf = buf + start;
        parts[np].n = next - start;
        parts[np].path = path;
        parts[np].lim = lim;
        cite_corpus_init(&parts[np].docs);
        start = next;
    }
    pthread_t tid[CLI_MAX_JOBS];
    int started[CLI_MAX_JOBS] = {0};
    for (int j = 1; j < np; j++) {
        started[j] = pthread_create(&tid[j], NULL, part_read, &parts[j]) == 0;
    }
    part_read(&parts[0]);
    int clean = 1;
    for (int j = 1; j < np; j++) {
        if (started[j]) {
            pthread_join(tid[j], NULL);
        } else {
            part_read(&parts[j]); /* no thread: here */
        }
    }
    for (int j = 0; j < np; j++) {
        clean &= parts[j].rc == 0 && parts[j].ndiags == 0;
    }
    size_t base = 0; /* lines before the part */
    for (int j = 0; j < np; j++) {
        for (size_t d = 0; d < parts[j].docs.n; d++) {
            struct cite_doc *doc = &parts[j].docs.docs[d];
            if (clean) {
                doc->source_line += base;
                out->take(out->ctx, doc);
            } else {
                cite_doc_release(doc);
            }
        }
        base += parts[j].lines;
        parts[j].docs.n = 0;
        cite_corpus_release(&parts[j].docs);
    }
    free(parts);
    return clean ? 0 : -1;
}

static int
load_yaml(const struct sink_docs *out, const char *path,
          const struct cite_diag_sink *sink)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    if (fd < 0) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    /* a YAML file is mapped and read a document at a time, whatever its
     * size: the file-size limit is for what is held whole (a pipe) */
    struct yaml_each y = {out, NULL, 0};
    struct cite_limits lim = cli_limits;
    size_t n = 0;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uintmax_t)st.st_size <= SIZE_MAX) {
        n = (size_t)st.st_size;
        void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            y.map = m;
            buf = m;
            lim.file_size = SIZE_MAX;
        }
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int rc = 0;
    if (buf == NULL) {
        char chunk[65536];
        ssize_t got;
        while ((got = read(fd, chunk, sizeof chunk)) != 0) {
            if (got < 0 && errno == EINTR) {
                continue;
            }
            if (got < 0) {
                cite_diag_emit(sink, CITE_D_IO, path, 0, 0, 0,
                               "cannot read '%s'", path);
                rc = -1;
                break;
            }
            if ((size_t)got > cli_limits.file_size - b.len) {
                cli_too_large(path, sink); /* a pipe over the limit */
                rc = -1;
                break;
            }
            cite_i_buf_add(&b, chunk, (size_t)got);
        }
        buf = b.ptr != NULL ? b.ptr : "";
        n = b.len;
    }
    if (rc == 0 && !(out->hold && y.map != NULL &&
                     load_yaml_parts(out, buf, n, path, &lim) == 0)) {
        rc = cite_yaml_read_each(buf, n, path, &lim, sink, yaml_doc, &y);
    }
    if (y.map != NULL) {
        munmap(y.map, n);
    }
    cite_i_buf_release(&b);
    if (fd != STDIN_FILENO) {
        close(fd);
    }
    return rc == 0 ? EXIT_OK : EXIT_FINDINGS;
}

/* Every input, a doc at a time, to out. */
static int
load_each(const struct sink_docs *out, char **inputs, int n,
          enum cite_lang lang, const struct cite_diag_sink *sink)
{
    int worst = EXIT_OK;
    for (int i = 0; i < n; i++) {
        const char *in = inputs[i];
        struct stat st;
        int rc = EXIT_OK;
        if (strcmp(in, "-") == 0) {
            rc = load_text(out, in, lang, sink);
        } else if (stat(in, &st) != 0) {
            cli_error("%s: %s", in, strerror(errno));
            rc = EXIT_SYSTEM;
        } else if (S_ISDIR(st.st_mode)) {
            struct cli_pathlist files = {NULL, 0, 0};
            if (cli_walk_dir(in, &files, 0) != 0) {
                rc = EXIT_SYSTEM;
            }
            int r = load_texts(out, files.v, files.n, lang, sink);
            rc = r > rc ? r : rc;
            for (size_t k = 0; k < files.n; k++) {
                free(files.v[k]);
            }
            free(files.v);
        } else if (cli_is_yaml_path(in)) {
            rc = load_yaml(out, in, sink);
        } else {
            rc = load_text(out, in, lang, sink);
        }
        worst = rc > worst ? rc : worst;
    }
    return worst;
}

static void
take_into_corpus(void *ctx, struct cite_doc *doc)
{
    cite_doc_shrink(doc); /* kept to the end: no room to grow */
    *cite_corpus_add(ctx) = *doc;
}

int
cli_load_inputs(struct cite_corpus *corpus, char **inputs, int n,
                enum cite_lang lang, const struct cite_diag_sink *sink)
{
    struct sink_docs out = {take_into_corpus, corpus, 1};
    return load_each(&out, inputs, n, lang, sink);
}

static void
take_into_graph(void *ctx, struct cite_doc *doc)
{
    cite_graph_builder_add(ctx, doc);
    cite_doc_release(doc);
}

/*
 * The temporary files being written, so that SIGINT, SIGTERM or SIGHUP
 * removes them before the process dies (SIGKILL cannot be caught: it
 * leaves a temporary file, never a partial output).
 */
#define MAX_PENDING 4
static char *volatile pending[MAX_PENDING];

static void
remove_pending(int sig)
{
    for (int i = 0; i < MAX_PENDING; i++) {
        if (pending[i] != NULL) {
            unlink(pending[i]);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void
track(char *tmp, int on)
{
    static int installed;
    if (!installed) {
        static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
        installed = 1;
        for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
            /* a signal ignored at start (nohup, a background job) stays so */
            if (signal(sigs[i], remove_pending) == SIG_IGN) {
                signal(sigs[i], SIG_IGN);
            }
        }
    }
    for (int i = 0; i < MAX_PENDING; i++) {
        if (on ? pending[i] == NULL : pending[i] == tmp) {
            pending[i] = on ? tmp : NULL;
            return;
        }
    }
}

/*
 * cli_output_close() reports a write error (the stream's error flag) even
 * when ok is 0, and leaves the old file in place in every failure.
 *
 * A path that exists and is not a regular file (/dev/null, /dev/full, a
 * named pipe, /dev/stdout) is written in place: renaming over it would
 * replace the device with a file.  A symbolic link is followed, so the
 * file it points to is replaced and the link stays.
 */
#define OUTPUT_BUFFER ((size_t)1 << 20)

int
cli_output_open(struct cli_output *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (path == NULL || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return 0;
    }
    o->path = path;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            cli_error("%s: %s", path, strerror(EISDIR));
            return -1;
        }
        o->fp = fopen(path, "wb");
        if (o->fp == NULL) {
            cli_error("%s: %s", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    char *real = NULL;
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        real = realpath(path, NULL); /* NULL for a dangling link: replace it */
    }
    o->real = real;
    struct cite_i_buf tmp = CITE_I_BUF_INIT;
    cite_i_buf_addf(&tmp, "%s.tmp.XXXXXX", real != NULL ? real : path);
    int fd = mkstemp(tmp.ptr);
    if (fd < 0) {
        cli_error("%s: %s", path, strerror(errno));
        cite_i_buf_release(&tmp);
        free(real);
        o->real = NULL;
        return -1;
    }
    o->tmp = tmp.ptr;
    track(o->tmp, 1);
    o->fp = fdopen(fd, "wb");
    if (o->fp == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        close(fd);
        unlink(o->tmp);
        track(o->tmp, 0);
        free(o->tmp);
        o->tmp = NULL;
        free(real);
        o->real = NULL;
        return -1;
    }
    /* a file that may be hundreds of MB (extract's YAML): written 1 MB
     * at a time rather than a block at a time */
    o->buf = malloc(OUTPUT_BUFFER);
    if (o->buf != NULL && setvbuf(o->fp, o->buf, _IOFBF, OUTPUT_BUFFER) != 0) {
        free(o->buf);
        o->buf = NULL;
    }
    return 0;
}

void
cli_output_wrote(struct cli_output *o, size_t n)
{
    o->unsynced += n;
    if (o->tmp != NULL && o->unsynced >= ((size_t)8 << 20)) {
        cli_start_writeback(fileno(o->fp)); /* what stdio has passed on */
        o->unsynced = 0;
    }
}

void
cli_output_failed(struct cli_output *o, int err)
{
    if (o->err == 0) {
        o->err = err != 0 ? err : EIO;
    }
}

int
cli_output_close(struct cli_output *o, int ok)
{
    errno = 0;
    int failed = fflush(o->fp) != 0 || ferror(o->fp) || o->err != 0;
    int err = o->err != 0 ? o->err : errno;
    if (o->fp == stdout) {
        if (failed) {
            cli_stdout_failed(err);
            return -1;
        }
        return 0;
    }
    if (o->tmp == NULL) {
        /* written in place (a device, a pipe) */
        if (fclose(o->fp) != 0 && !failed) {
            failed = 1;
            err = errno;
        }
        if (failed) {
            cli_error("%s: error writing: %s", o->path,
                      strerror(err ? err : EIO));
            return -1;
        }
        return 0;
    }
    if (!failed && fsync(fileno(o->fp)) != 0 && errno != EINVAL) {
        failed = 1;
        err = errno;
    }
    if (fclose(o->fp) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    free(o->buf); /* after the stream that used it */
    o->buf = NULL;
    int rc = 0;
    if (failed) {
        /* said even when the caller gives up: it may not know why */
        cli_error("%s: error writing: %s", o->path, strerror(err ? err : EIO));
        rc = -1;
    }
    if (ok && !failed) {
        /* mkstemp creates 0600; give the usual permissions */
        mode_t mask = umask(0);
        umask(mask);
        chmod(o->tmp, 0666 & ~mask);
        if (rename(o->tmp, o->real != NULL ? o->real : o->path) != 0) {
            cli_error("%s: %s", o->path, strerror(errno));
            rc = -1;
        }
    }
    if (!ok || rc != 0) {
        unlink(o->tmp);
    }
    track(o->tmp, 0);
    free(o->tmp);
    o->tmp = NULL;
    free(o->real);
    o->real = NULL;
    return rc;
}

/* Said once, whoever notices first (a command, or main() at exit). */
static int stdout_reported;

void
cli_stdout_failed(int err)
{
    if (!stdout_reported) {
        stdout_reported = 1;
        cli_error("error writing to standard output: %s",
                  strerror(err ? err : EIO));
    }
}

int
cli_parse_lang(const char *s, enum cite_lang *lang)
{
    *lang = cite_lang_from_code(s);
    if (*lang == CITE_LANG_UNKNOWN) {
        cli_error("'%s' is not a language (zh, en, fr, es, ru, ar)", s);
        return -1;
    }
    return 0;
}

int
cli_load_network(const char *cmd, char **inputs, int n, enum cite_lang lang,
                 struct cite_corpus *corpus, struct cite_graph **g)
{
    struct cli_diag_ctx dctx = {{0, 0, 0}, 1};
    struct cite_diag_sink sink = {cli_diag_print, &dctx};
    *g = NULL;
    char err[256];
    int rc;
    if (corpus != NULL) {
        cite_corpus_init(corpus);
        rc = cli_load_inputs(corpus, inputs, n, lang, &sink);
        if (rc == EXIT_OK && dctx.count[CITE_SEV_ERROR] > 0) {
            /* an input broke the schema or was refused: no answer from
             * part of it */
            rc = EXIT_FINDINGS;
        }
        if (rc == EXIT_OK && cite_graph_build(g, corpus, err, sizeof err) != 0) {
            cli_error("%s: %s", cmd, err);
            rc = EXIT_SYSTEM;
        }
        if (rc != EXIT_OK) {
            cite_corpus_release(corpus);
        }
        return rc;
    }
    /* no docs kept: each goes into the network and is released */
    struct cite_graph_builder *b = cite_graph_builder_new();
    struct sink_docs out = {take_into_graph, b, 0};
    rc = load_each(&out, inputs, n, lang, &sink);
    if (rc == EXIT_OK && dctx.count[CITE_SEV_ERROR] > 0) {
        rc = EXIT_FINDINGS;
    }
    if (rc != EXIT_OK) {
        cite_graph_builder_free(b);
        return rc;
    }
    *g = cite_graph_builder_finish(b);
    return EXIT_OK;
}

/* --- options every analysis command shares -------------------------------- */

void
cli_common_init(struct cli_common *co, const char *cmd,
                void (*help)(FILE *out))
{
    memset(co, 0, sizeof *co);
    co->cmd = cmd;
    co->help = help;
    co->lang = CITE_LANG_UNKNOWN;
    co->filter.body = CITE_BODY_NONE;
}

int
cli_parse_count(const struct cli_common *co, const char *name, const char *arg,
                long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
        if (max == LONG_MAX && min == 0) {
            cli_error("%s: '--%s' takes a whole number, not '%s'", co->cmd,
                      name, arg);
        } else {
            cli_error("%s: '--%s' takes a whole number from %ld to %ld, not "
                      "'%s'", co->cmd, name, min, max, arg);
        }
        return -1;
    }
    *out = v;
    return 0;
}

/* Body names as the YAML writes them, in any case. */
static enum cite_body
parse_body(const char *s)
{
    for (int b = CITE_BODY_NONE + 1; b < CITE_BODY__COUNT; b++) {
        const char *name = cite_body_name((enum cite_body)b);
        size_t k = 0;
        while (name[k] != '\0' && s[k] != '\0' &&
               (s[k] == name[k] || s[k] - 'a' + 'A' == name[k])) {
            k++;
        }
        if (name[k] == '\0' && s[k] == '\0') {
            return (enum cite_body)b;
        }
    }
    return CITE_BODY_NONE;
}

int
cli_common_option(struct cli_common *co, int c, const char *arg)
{
    long year;
    switch (c) {
    case CLI_OPT_BODY:
        co->filter.body = parse_body(arg);
        if (co->filter.body == CITE_BODY_NONE) {
            cli_error("%s: '%s' is not a body (GA, SC, HRC, CHR, SUBCOM, "
                      "ECOSOC)", co->cmd, arg);
            return EXIT_USAGE;
        }
        break;
    case CLI_OPT_SINCE:
    case CLI_OPT_UNTIL:
        if (cli_parse_count(co, c == CLI_OPT_SINCE ? "since" : "until", arg,
                            1, 9999, &year) != 0) {
            return EXIT_USAGE;
        }
        if (c == CLI_OPT_SINCE) {
            co->filter.since = (int)year;
        } else {
            co->filter.until = (int)year;
        }
        if (co->filter.since != 0 && co->filter.until != 0 &&
            co->filter.since > co->filter.until) {
            cli_error("%s: '--since %d' is after '--until %d'", co->cmd,
                      co->filter.since, co->filter.until);
            return EXIT_USAGE;
        }
        break;
    case CLI_OPT_CORPUS_ONLY:
        co->filter.corpus_only = 1;
        break;
    case CLI_OPT_NO_DOCUMENTS:
        co->filter.no_documents = 1;
        break;
    case CLI_OPT_NO_INSTRUMENTS:
        co->filter.no_instruments = 1;
        break;
    case 'l':
        return cli_parse_lang(arg, &co->lang) == 0 ? CLI_CONTINUE : EXIT_USAGE;
    case CLI_OPT_LIMIT:
        return cli_parse_limit(co->cmd, arg) == 0 ? CLI_CONTINUE : EXIT_USAGE;
    case 'j':
        return cli_set_jobs(co->cmd, arg) == 0 ? CLI_CONTINUE : EXIT_USAGE;
    case 'h':
        co->help(stdout);
        return EXIT_OK;
    default:
        /* getopt_long has said what was wrong */
        co->help(stderr);
        return EXIT_USAGE;
    }
    co->filtering = 1;
    return CLI_CONTINUE;
}

int
cli_common_load(const struct cli_common *co, char **inputs, int n,
                const char *const *ids, size_t nids, size_t *nodes,
                struct cite_corpus *corpus, struct cite_graph **g)
{
    int rc = cli_load_network(co->cmd, inputs, n, co->lang, corpus, g);
    if (rc != EXIT_OK) {
        return rc;
    }
    for (size_t k = 0; k < nids; k++) {
        long v = cite_graph_find(*g, ids[k]);
        if (v < 0) {
            cli_error("%s: '%s' is not in the network", co->cmd, ids[k]);
            rc = EXIT_FINDINGS;
            break;
        }
        nodes[k] = (size_t)v;
    }
    if (rc == EXIT_OK && co->filtering) {
        struct cite_graph *sub = NULL;
        char err[256];
        size_t always = nids > 0 ? nodes[0] : (size_t)-1;
        if (cite_graph_filter(&sub, *g, &co->filter, always, err, sizeof err) !=
            0) {
            cli_error("%s: %s", co->cmd, err);
            rc = EXIT_SYSTEM;
        } else {
            cite_graph_free(*g);
            *g = sub;
            for (size_t k = 0; k < nids && rc == EXIT_OK; k++) {
                long v = cite_graph_find(*g, ids[k]);
                if (v < 0) {
                    cli_error("%s: '%s' is left out by the filters", co->cmd,
                              ids[k]);
                    rc = EXIT_FINDINGS;
                }
                nodes[k] = v < 0 ? 0 : (size_t)v;
            }
        }
    }
    if (rc != EXIT_OK) {
        cite_graph_free(*g);
        *g = NULL;
        if (corpus != NULL) {
            cite_corpus_release(corpus);
        }
    }
    return rc;
}

int
cli_is_terminal(FILE *stream)
{
    return isatty(fileno(stream));
}

int
cli_choice(const char *cmd, const char *arg, const char *const names[], int *out)
{
    struct cite_i_buf list = CITE_I_BUF_INIT;
    for (int i = 0; names[i] != NULL; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = i;
            cite_i_buf_release(&list);
            return 0;
        }
        cite_i_buf_addf(&list, "%s%s", i ? ", " : "", names[i]);
    }
    cli_error("%s: '%s' is not a format (%s)", cmd, arg, list.ptr ? list.ptr : "");
    cite_i_buf_release(&list);
    return -1;
}
