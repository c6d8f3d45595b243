/*
 * cli.h - shared by the subcommands of the citegraph program.
 *
 * Only src/cli/ prints or exits.  Exit codes: 0 ok, 1 findings or errors in
 * the input, 2 usage, 3 system (I/O, out of memory).
 */
#ifndef CITE_CLI_H
#define CITE_CLI_H

#include <stdio.h>

#include "cite.h"

enum {
    EXIT_OK = 0,
    EXIT_FINDINGS = 1,
    EXIT_USAGE = 2,
    EXIT_SYSTEM = 3
};

/* The diagnostics sink that prints to stderr: "citegraph: file:line:col:
 * severity: message [slug]".  Counts what it printed. */
struct cli_diag_ctx {
    size_t count[3];         /* by severity */
    int quiet_notes;         /* 1: do not print notes */
};
void cli_diag_print(void *ctx, const struct cite_diag *d);

/* "citegraph: " + message on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/*
 * Loads every INPUT into corpus: a YAML file (*.yaml, *.yml, or content
 * that starts like our YAML) is read, a text file or a directory (all *.txt
 * below it, sorted) is extracted on the fly, "-" reads stdin as text.
 * Returns EXIT_OK, or EXIT_FINDINGS when a YAML input was unreadable, or
 * EXIT_SYSTEM on I/O errors (already reported).
 */
int cli_load_inputs(struct cite_corpus *corpus, char **inputs, int n,
                    enum cite_lang lang, const struct cite_diag_sink *sink);

/*
 * Texts extracted on several threads (src/cli/jobs.c).  A job is one text:
 * a stream (cli_stream_new()) extracts the texts added to it on up to
 * cli_jobs() threads, the calling one among them, and hands each job back
 * on the calling thread in input order (cli_job_report() replays its
 * diagnostics, and the doc and the YAML are there to take), so that
 * nothing depends on the number of threads.  At most a window of jobs is
 * held at once: memory does not grow with the number of texts.
 */
#define CLI_MAX_JOBS 64
struct cli_job {
    const char *path;        /* borrowed */
    enum cite_lang lang;
    int want_yaml;           /* 1: also write the doc as YAML into yaml */
    int err;                 /* errno when the text could not be read */
    struct cite_doc doc;     /* owned; the caller may move it out */
    char *yaml;              /* owned: the doc as `extract` writes it */
    size_t yaml_len;
    int yaml_failed;
    struct cite_diag *diags; /* owned copies, in the order emitted */
    size_t ndiags, diags_cap;
};
/* --jobs N (1..CLI_MAX_JOBS); a message and -1 when arg is not that. */
int cli_set_jobs(const char *cmd, const char *arg);
/* The threads to use: --jobs, or the number of processors. */
int cli_jobs(void);
void cli_job_init(struct cli_job *j, const char *path, enum cite_lang lang,
                  int want_yaml);
struct cli_stream;
/* A stream of texts in lang (CITE_LANG_UNKNOWN: detected), written as YAML
 * too when want_yaml; take(ctx, job) gets each job once it is done, in
 * the order added, on the thread that adds; the stream releases the job
 * after.  Starts the threads; never NULL. */
struct cli_stream *cli_stream_new(enum cite_lang lang, int want_yaml,
                                  void (*take)(void *ctx, struct cli_job *j),
                                  void *ctx);
/* Adds a text; path (malloc'd) is the stream's from here.  May first hand
 * back the oldest jobs, when the window is full. */
void cli_stream_add(struct cli_stream *s, char *path);
/* Hands back every job added so far. */
void cli_stream_drain(struct cli_stream *s);
/* Drains s, stops its threads and frees it; NULL is ignored. */
void cli_stream_free(struct cli_stream *s);
/* Reports what reading the text gave: its read error (EXIT_SYSTEM) or its
 * diagnostics, to sink (EXIT_OK). */
int cli_job_report(struct cli_job *j, const struct cite_diag_sink *sink);
void cli_job_release(struct cli_job *j);

/*
 * check --cache (src/cli/cache.c): with a directory open, cli_load_inputs()
 * looks each text up in DIR/check.pack by the SHA-256 of its bytes (with
 * the version, --lang and the file's base name), or by what stat() said of
 * the path when it was last read, and extracts only on a miss.  dir is
 * borrowed until cli_cache_finish(); stats: print a summary line then.
 * Opening another directory first finishes the current one.
 */
void cli_cache_open(const char *dir, int stats);
/* Writes the pack back when the run changed it (atomically; a failure is
 * a warning), prints the summary if asked, and closes the cache. */
void cli_cache_finish(void);
const char *cli_cache_dir(void);
/* Loads one text through the cache (a directory must be set); as
 * cli_load_inputs() for one text. */
int cli_cache_load_text(struct cite_corpus *corpus, const char *path,
                        enum cite_lang lang, const struct cite_diag_sink *sink);

/*
 * Output to a file written atomically: opens a temporary file beside path
 * (or stdout when path is NULL or "-"); cli_output_close() flushes,
 * checks for errors and renames it into place, or removes it when ok is 0.
 * Both return 0, or -1 after reporting the error.
 */
struct cli_output {
    FILE *fp;
    const char *path;   /* NULL for stdout */
    char *tmp;          /* owned; NULL when written in place (a device) */
    char *real;         /* owned: where a symbolic link path points */
    int err;            /* errno of the first failed write, if known */
    char *buf;          /* owned: the stream's buffer, when not stdio's */
    size_t unsynced;    /* bytes written since writing to disk was asked */
};
int cli_output_open(struct cli_output *o, const char *path);
int cli_output_close(struct cli_output *o, int ok);
/* Tells o that n more bytes were written to o->fp: every 8 MB of a file
 * written atomically, the system is asked to start writing them to disk,
 * so that the sync of cli_output_close() waits for the tail only. */
void cli_output_wrote(struct cli_output *o, size_t n);
/* Asks the system to start writing fd's dirty pages to disk, without
 * waiting (writeback.c; nothing where the system has no call for it). */
void cli_start_writeback(int fd);
/* Records why a write to o failed (errno), for the message of
 * cli_output_close(), which reports it and keeps the old file. */
void cli_output_failed(struct cli_output *o, int err);

/* Reports "error writing to standard output: REASON" once per run. */
void cli_stdout_failed(int err);

/*
 * The limits of this run (cite_limits.h), set by `--limit NAME=VALUE` on
 * every command that reads input.  cli_parse_limit() returns 0, or -1
 * after a message "CMD: ..." (exit 2).
 */
extern struct cite_limits cli_limits;
/* Reports path as over the file-size limit [file-too-large], as the
 * library does. */
void cli_too_large(const char *path, const struct cite_diag_sink *sink);
int cli_parse_limit(const char *cmd, const char *arg);
#define CLI_LIMIT_HELP                                                       \
    "      --limit NAME=N   raise a limit: file-size (bytes, or with K, M,\n" \
    "                       G; default 256M), id-length (bytes; default\n"   \
    "                       100), yaml-depth (default 32)\n"

/*
 * Loads the text at path into t under cli_limits: EXIT_OK; EXIT_FINDINGS
 * when it is over the file-size limit (reported to sink); EXIT_SYSTEM when
 * it cannot be read (reported).  On EXIT_OK the caller releases t.
 */
int cli_load_text(struct cite_text *t, const char *path,
                  const struct cite_diag_sink *sink);

/* fopen(path, "rb"), but NULL with errno EISDIR for a directory (which
 * fopen() opens, and reading then fails with a vaguer message). */
FILE *cli_fopen_read(const char *path);

/* A list of owned paths. */
struct cli_pathlist {
    char **v;
    size_t n, cap;
};
void cli_pathlist_add(struct cli_pathlist *l, char *p); /* takes p */

/* Appends every *.txt below dir (sorted, recursively) to out. */
int cli_walk_dir(const char *dir, struct cli_pathlist *out, int depth);

/* 1 if the path names a YAML file (*.yaml, *.yml). */
int cli_is_yaml_path(const char *p);

/*
 * Loads the inputs (notes are not printed) and builds their network.  With
 * corpus NULL, no doc is kept: each goes into the network as it is read
 * (YAML streamed, texts a batch at a time), so memory holds the network,
 * not the corpus; give a corpus only when the docs are needed after.  On
 * EXIT_OK the caller frees *g and releases corpus (if any); otherwise
 * nothing is left to free.  cmd prefixes error messages.
 */
int cli_load_network(const char *cmd, char **inputs, int n, enum cite_lang lang,
                     struct cite_corpus *corpus, struct cite_graph **g);

/* Parses --lang: returns 0 and *lang, or -1 after an error message. */
int cli_parse_lang(const char *s, enum cite_lang *lang);

/*
 * What every analysis command (rank, dot, chain, path, mainpath, similar,
 * communities, export) shares: --lang, --help and the network filters.
 * Put CLI_COMMON_OPTIONS at the end of the command's long options (before
 * the terminating entry), CLI_COMMON_SHORT in its short options, and send
 * every option the command does not know itself to cli_common_option().
 */
struct cli_common {
    const char *cmd;           /* "rank": prefixes messages */
    void (*help)(FILE *out);   /* the command's --help */
    enum cite_lang lang;
    struct cite_graph_filter filter;
    int filtering;             /* 1 once a filter option was given */
};

/* Long-only options; above every character a short option can use. */
enum {
    CLI_OPT_BODY = 0x100,
    CLI_OPT_SINCE,
    CLI_OPT_UNTIL,
    CLI_OPT_CORPUS_ONLY,
    CLI_OPT_NO_DOCUMENTS,
    CLI_OPT_NO_INSTRUMENTS,
    /* also taken by extract and check, whose own options count from 0x100 */
    CLI_OPT_LIMIT = 0x1FF
};

#define CLI_COMMON_OPTIONS                                                   \
    {"body", required_argument, NULL, CLI_OPT_BODY},                         \
        {"since", required_argument, NULL, CLI_OPT_SINCE},                   \
        {"until", required_argument, NULL, CLI_OPT_UNTIL},                   \
        {"corpus-only", no_argument, NULL, CLI_OPT_CORPUS_ONLY},             \
        {"no-documents", no_argument, NULL, CLI_OPT_NO_DOCUMENTS},           \
        {"no-instruments", no_argument, NULL, CLI_OPT_NO_INSTRUMENTS},       \
        {"limit", required_argument, NULL, CLI_OPT_LIMIT},                   \
        {"lang", required_argument, NULL, 'l'},                              \
        {"jobs", required_argument, NULL, 'j'},                              \
        {"help", no_argument, NULL, 'h'}

#define CLI_COMMON_SHORT "l:j:h"

/* The lines of --help that describe the common options; they follow the
 * command's own options. */
#define CLI_COMMON_HELP                                                      \
    "  -l, --lang LANG      language of text inputs (default: detected)\n"   \
    "  -j, --jobs N         extract text inputs on N threads (default: one\n" \
    "                       per processor)\n"                               \
    CLI_LIMIT_HELP                                                           \
    "  -h, --help           this help\n"                                     \
    "\n"                                                                     \
    "filters (the document the command is about is always kept):\n"          \
    "      --body BODY      only documents of BODY: GA, SC, HRC, CHR, SUBCOM,\n" \
    "                       ECOSOC\n"                                         \
    "      --since YEAR     only documents of YEAR or later\n"                \
    "      --until YEAR     only documents of YEAR or earlier (with --since\n" \
    "                       or --until, documents of unknown year are left\n" \
    "                       out)\n"                                           \
    "      --corpus-only    only documents of the corpus, not those only cited\n" \
    "      --no-documents   leave out other document symbols (reports, ...)\n" \
    "      --no-instruments leave out the named instruments (instrument:*)\n"

/* cli_common_option(): c was handled, go on parsing. */
#define CLI_CONTINUE (-1)

void cli_common_init(struct cli_common *co, const char *cmd,
                     void (*help)(FILE *out));

/*
 * Handles an option of the shared set (c and arg as getopt_long gave
 * them), or an unknown option.  Returns CLI_CONTINUE, or the status the
 * command must exit with: EXIT_OK after --help, EXIT_USAGE after a
 * message (a bad value, an unknown option).
 */
int cli_common_option(struct cli_common *co, int c, const char *arg);

/* Parses a whole number in [min, max] for option name; returns 0, or -1
 * after a message "CMD: 'NAME' takes a whole number ...". */
int cli_parse_count(const struct cli_common *co, const char *name,
                    const char *arg, long min, long max, long *out);

/*
 * Loads the inputs (as cli_load_network) and applies the filters.  ids
 * (nids of them, may be 0) are the documents the command is about: each
 * must be in the network ("CMD: 'ID' is not in the network", EXIT_FINDINGS),
 * the first is kept whatever the filters say, and nodes[k] receives the
 * node of ids[k] in the filtered network (a later id that the filters
 * leave out is reported, EXIT_FINDINGS).  corpus may be NULL (see
 * cli_load_network).  On EXIT_OK the caller frees *g and releases corpus
 * (if any); otherwise nothing is left to free.
 */
int cli_common_load(const struct cli_common *co, char **inputs, int n,
                    const char *const *ids, size_t nids, size_t *nodes,
                    struct cite_corpus *corpus, struct cite_graph **g);

/* 1 if stream is a terminal. */
int cli_is_terminal(FILE *stream);

/*
 * Looks arg up in names (NULL-terminated): 0 and its index in *out, or -1
 * after "CMD: 'ARG' is not a format (a, b, c)".
 */
int cli_choice(const char *cmd, const char *arg, const char *const names[],
               int *out);

/* Subcommands: argv[0] is the subcommand name. */
int cmd_extract(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_dot(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_chain(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_mainpath(int argc, char **argv);
int cmd_similar(int argc, char **argv);
int cmd_communities(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
