/*
 * jobs.c - texts extracted on several threads, results in input order.
 *
 * Texts are independent, so a batch of them is shared out among threads
 * (each takes the next text not yet taken), and each job keeps its doc,
 * its YAML and its diagnostics until the caller takes them, in input
 * order: the output and the diagnostics are the same, byte for byte,
 * whatever the number of threads.  The extractor's tables are built before
 * the first thread starts (cite_extract_init()); after that, extraction
 * shares nothing.
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

/* ---- running a batch ------------------------------------------------------ */

struct pool {
    struct cli_job *jobs;
    size_t n, next;
    pthread_mutex_t lock;
};

static void *
worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->n ? p->next++ : p->n;
        pthread_mutex_unlock(&p->lock);
        if (i == p->n) {
            return NULL;
        }
        run_job(&p->jobs[i]);
    }
}

void
cli_jobs_run(struct cli_job *v, size_t n)
{
    static int ready;
    if (!ready) {
        cite_extract_init();
        ready = 1;
    }
    size_t threads = (size_t)cli_jobs();
    if (threads > n) {
        threads = n;
    }
    struct pool p = {v, n, 0, PTHREAD_MUTEX_INITIALIZER};
    pthread_t tid[CLI_MAX_JOBS];
    size_t started = 0;
    for (size_t t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, worker, &p) != 0) {
            break; /* fewer threads: the others do the work */
        }
        started++;
    }
    worker(&p);
    for (size_t t = 0; t < started; t++) {
        pthread_join(tid[t], NULL);
    }
}
