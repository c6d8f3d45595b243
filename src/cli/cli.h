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
 * Output to a file written atomically: opens a temporary file beside path
 * (or stdout when path is NULL or "-"); cli_output_close() flushes,
 * checks for errors and renames it into place, or removes it when ok is 0.
 * Both return 0, or -1 after reporting the error.
 */
struct cli_output {
    FILE *fp;
    const char *path;   /* NULL for stdout */
    char *tmp;
};
int cli_output_open(struct cli_output *o, const char *path);
int cli_output_close(struct cli_output *o, int ok);

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
 * Loads the inputs (notes are not printed) and builds their network.  On
 * EXIT_OK the caller frees *g and releases corpus; otherwise nothing is
 * left to free.  cmd prefixes error messages.
 */
int cli_load_network(const char *cmd, char **inputs, int n, enum cite_lang lang,
                     struct cite_corpus *corpus, struct cite_graph **g);

/* Parses --lang: returns 0 and *lang, or -1 after an error message. */
int cli_parse_lang(const char *s, enum cite_lang *lang);

/* Subcommands: argv[0] is the subcommand name. */
int cmd_extract(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_dot(int argc, char **argv);
int cmd_check(int argc, char **argv);

#endif
