/*
 * jobs.c - texts extracted on several threads, results in input order.
 *
 * Texts are independent, so the texts of a stream are shared out among
 * threads (each takes the next text not yet taken, the adding thread too
 * while it waits), and each job keeps its doc, its YAML and its
 * diagnostics until the adding thread takes them, in input order: the
 * output and the diagnostics are the same, byte for byte, whatever the
 * number of threads.  Once the window is full, the oldest job is handed
 * back as soon as it is done, while the others go on: no thread waits for
 * a whole batch.  The extractor's tables are built before the first
 * thread starts (cite_extract_init()); after that, extraction shares
 * nothing.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "core/core_int.h"

static int jobs = 0; /* 0: not set, the number of processors */

int
cli_set_jobs(const char *cmd, const char *arg)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (errno != 0 || end == arg || *end != '\0' || v < 1 || v > CLI_MAX_JOBS) {
        cli_error("%s: '--jobs' takes a number from 1 to %d, not '%s'", cmd,
                  CLI_MAX_JOBS, arg);
        return -1;
    }
    jobs = (int)v;
    return 0;
}

int
cli_jobs(void)
{
    if (jobs > 0) {
        return jobs;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

/* ---- diagnostics kept for later ---------------------------------------- */

static void
keep_diag(void *ctx, const struct cite_diag *d)
{
    struct cli_job *j = ctx;
    if (j->ndiags == j->diags_cap) {
        j->diags_cap = j->diags_cap ? 2 * j->diags_cap : 8;
        j->diags = cite_i_xreallocarray(j->diags, j->diags_cap,
                                        sizeof *j->diags);
    }
    struct cite_diag *k = &j->diags[j->ndiags++];
    *k = *d;
    k->file = d->file != NULL ? cite_i_xstrdup(d->file) : NULL;
    k->message = cite_i_xstrdup(d->message != NULL ? d->message : "");
    k->source_line = d->source_line != NULL
                         ? cite_i_xstrndup(d->source_line, d->source_line_len)
                         : NULL;
}

/* ---- one job ------------------------------------------------------------- */

static void
run_job(struct cli_job *j)
{
    struct cite_text t;
    if (cite_text_load_max(&t, j->path, cli_limits.file_size) != 0) {
        j->err = errno != 0 ? errno : EIO;
        return;
    }
    struct cite_diag_sink keep = {keep_diag, j};
    cite_extract_doc_limited(&j->doc, &t, j->lang, &cli_limits, &keep);
    cite_text_release(&t);
    if (!j->want_yaml) {
        return;
    }
    FILE *f = open_memstream(&j->yaml, &j->yaml_len);
    if (f == NULL) {
        j->yaml_failed = 1;
        return;
    }
    struct cite_yaml_writer *w = cite_yaml_writer_new(f);
    int ok = w != NULL && cite_yaml_write_doc(w, &j->doc) == 0;
    ok = cite_yaml_writer_finish(w) == 0 && ok;
    ok = fclose(f) == 0 && ok;
    j->yaml_failed = !ok;
}

void
cli_job_init(struct cli_job *j, const char *path, enum cite_lang lang,
             int want_yaml)
{
    memset(j, 0, sizeof *j);
    j->path = path;
    j->lang = lang;
    j->want_yaml = want_yaml;
    cite_doc_init(&j->doc);
}

int
cli_job_report(struct cli_job *j, const struct cite_diag_sink *sink)
{
    if (j->err == EFBIG) {
        cli_too_large(j->path, sink);
        return EXIT_FINDINGS;
    }
    if (j->err != 0) {
        cli_error("%s: %s", j->path, strerror(j->err));
        return EXIT_SYSTEM;
    }
    for (size_t i = 0; sink != NULL && sink->fn != NULL && i < j->ndiags;
         i++) {
        sink->fn(sink->ctx, &j->diags[i]);
    }
    return EXIT_OK;
}

void
cli_job_release(struct cli_job *j)
{
    for (size_t i = 0; i < j->ndiags; i++) {
        free((char *)j->diags[i].file);
        free((char *)j->diags[i].message);
        free((char *)j->diags[i].source_line);
    }
    free(j->diags);
    free(j->yaml);
    cite_doc_release(&j->doc);
    memset(j, 0, sizeof *j);
}

/* ---- the stream ---------------------------------------------------------- */

/* jobs held at once: enough to keep every thread busy while the oldest is
 * written, few enough that their docs and YAML stay small */
#define WINDOW 256

struct slot {
    struct cli_job job;
    char *path; /* owned */
    int done;   /* under the lock */
};

/*
 * Jobs head..claim-1 are taken by a thread (running or done), claim..tail-1
 * wait for one; slot k % WINDOW holds job k.  Only the adding thread moves
 * head and tail; claim moves under the lock.
 */
struct cli_stream {
    struct slot *slots;
    size_t head, claim, tail;
    enum cite_lang lang;
    int want_yaml;
    void (*take)(void *ctx, struct cli_job *j);
    void *ctx;
    pthread_mutex_t lock;
    pthread_cond_t work; /* a job to take, or closing */
    pthread_cond_t done; /* a job done */
    int closing;
    size_t nthreads;
    pthread_t tid[CLI_MAX_JOBS];
};

/* Runs job k, the lock held on entry and on return. */
static void
run_claimed(struct cli_stream *s, size_t k)
{
    struct slot *sl = &s->slots[k % WINDOW];
    pthread_mutex_unlock(&s->lock);
    run_job(&sl->job);
    pthread_mutex_lock(&s->lock);
    sl->done = 1;
    pthread_cond_signal(&s->done);
}

static void *
stream_worker(void *arg)
{
    struct cli_stream *s = arg;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        while (s->claim == s->tail && !s->closing) {
            pthread_cond_wait(&s->work, &s->lock);
        }
        if (s->claim == s->tail) {
            break; /* closing, and nothing left */
        }
        run_claimed(s, s->claim++);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

struct cli_stream *
cli_stream_new(enum cite_lang lang, int want_yaml,
               void (*take)(void *ctx, struct cli_job *j), void *ctx)
{
    static int ready;
    if (!ready) {
        cite_extract_init(); /* the tables, before any thread reads them */
        ready = 1;
    }
    struct cli_stream *s = cite_i_xcalloc(1, sizeof *s);
    s->slots = cite_i_xcalloc(WINDOW, sizeof *s->slots);
    s->lang = lang;
    s->want_yaml = want_yaml;
    s->take = take;
    s->ctx = ctx;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->work, NULL);
    pthread_cond_init(&s->done, NULL);
    /* the adding thread works too */
    for (int t = 1; t < cli_jobs(); t++) {
        if (pthread_create(&s->tid[s->nthreads], NULL, stream_worker, s) != 0) {
            break; /* fewer threads: the others do the work */
        }
        s->nthreads++;
    }
    return s;
}

/* Hands back the oldest job, running jobs on this thread while it is not
 * done. */
static void
take_oldest(struct cli_stream *s)
{
    struct slot *sl = &s->slots[s->head % WINDOW];
    pthread_mutex_lock(&s->lock);
    while (!sl->done) {
        if (s->claim < s->tail) {
            run_claimed(s, s->claim++);
        } else {
            pthread_cond_wait(&s->done, &s->lock);
        }
    }
    pthread_mutex_unlock(&s->lock);
    s->take(s->ctx, &sl->job);
    cli_job_release(&sl->job);
    free(sl->path);
    sl->path = NULL;
    sl->done = 0; /* no thread looks at a slot before it is added again */
    s->head++;
}

void
cli_stream_add(struct cli_stream *s, char *path)
{
    if (s->tail - s->head == WINDOW) {
        take_oldest(s);
    }
    struct slot *sl = &s->slots[s->tail % WINDOW];
    sl->path = path;
    cli_job_init(&sl->job, path, s->lang, s->want_yaml);
    pthread_mutex_lock(&s->lock);
    s->tail++;
    pthread_cond_signal(&s->work);
    pthread_mutex_unlock(&s->lock);
}

void
cli_stream_drain(struct cli_stream *s)
{
    while (s->head < s->tail) {
        take_oldest(s);
    }
}

void
cli_stream_free(struct cli_stream *s)
{
    if (s == NULL) {
        return;
    }
    cli_stream_drain(s);
    pthread_mutex_lock(&s->lock);
    s->closing = 1;
    pthread_cond_broadcast(&s->work);
    pthread_mutex_unlock(&s->lock);
    for (size_t t = 0; t < s->nthreads; t++) {
        pthread_join(s->tid[t], NULL);
    }
    pthread_cond_destroy(&s->done);
    pthread_cond_destroy(&s->work);
    pthread_mutex_destroy(&s->lock);
    free(s->slots);
    free(s);
}
