/*
 * cmd_extract.c - citegraph extract: texts in, a YAML stream out.
 *
 * Streams: texts are extracted on several threads, then written and
 * released in input order, at most 256 held at once (cli_stream_new()), so
 * memory does not grow with the number of texts, and the output does not
 * depend on the number of threads.  The list of texts may itself come in
 * a stream (--files-from -), so that extract runs as a mapper under a
 * batch engine.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "core/core_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph extract [-o FILE] [--lang LANG] [-j N]\n"
          "                         [--files-from LIST] PATH...\n"
          "\n"
          "Finds every citation in the resolution texts at PATH (files, or\n"
          "directories searched recursively for *.txt; - reads standard input)\n"
          "and writes one YAML document per text, in input order.\n"
          "\n"
          "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
          "  -l, --lang LANG    the language of every text: zh en fr es ru ar\n"
          "                     (default: detected per text)\n"
          "  -j, --jobs N       extract on N threads (default: one per processor);\n"
          "                     the output is the same whatever N\n"
          "      --files-from LIST  also read the paths in LIST, one per line\n"
          "                     (- for standard input), after those given\n"
          CLI_LIMIT_HELP
          "  -h, --help         this help\n"
          "\n"
          "Exit status: 0 ok (warnings allowed), 1 an input was refused (binary,\n"
          "over a limit), 2 usage, 3 system error (a FILE given to -o is then\n"
          "left as it was).\n"
          "\n"
          "examples:\n"
          "  citegraph extract -o data/citations.yaml data/texts\n"
          "  find texts -name '*.txt' | citegraph extract --files-from - > out.yaml\n",
          out);
}

/* The run and what becomes of its texts. */
struct run {
    struct cli_output *out;
    const struct cite_diag_sink *sink;
    struct cli_stream *stream;
    int rc;
};

/* A text done, in input order: its diagnostics, then its YAML; after a
 * read or write error, nothing more is written. */
static void
take(void *ctx, struct cli_job *j)
{
    struct run *r = ctx;
    if (r->rc == EXIT_SYSTEM) {
        return;
    }
    int rc = cli_job_report(j, r->sink);
    if (rc == EXIT_OK && j->yaml_failed) {
        cli_error("extract: %s: cannot write its YAML", j->path);
        rc = EXIT_SYSTEM;
    }
    if (rc == EXIT_OK && fwrite(j->yaml, 1, j->yaml_len, r->out->fp) != j->yaml_len) {
        cli_output_failed(r->out, errno); /* said when it is closed */
        rc = EXIT_SYSTEM;
    }
    cli_output_wrote(r->out, j->yaml_len);
    r->rc = rc > r->rc ? rc : r->rc;
}

static void
add(struct run *r, char *path)
{
    if (r->rc == EXIT_SYSTEM) {
        free(path);
        return;
    }
    cli_stream_add(r->stream, path);
}

/* One input: a directory (its *.txt files, sorted), a file or "-". */
static void
add_input(struct run *r, const char *in)
{
    struct stat st;
    if (strcmp(in, "-") != 0 && stat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* what the walk says comes after what the texts before it say */
        cli_stream_drain(r->stream);
        struct cli_pathlist files = {NULL, 0, 0};
        if (cli_walk_dir(in, &files, 0) != 0) {
            for (size_t k = 0; k < files.n; k++) {
                free(files.v[k]);
            }
            free(files.v);
            cli_stream_drain(r->stream); /* what came before goes out */
            r->rc = EXIT_SYSTEM;
            return;
        }
        for (size_t k = 0; k < files.n; k++) {
            add(r, files.v[k]);
        }
        free(files.v);
    } else {
        add(r, cite_i_xstrdup(in));
    }
}

/* The paths listed in list ("-": standard input), one per line. */
static void
add_list(struct run *r, const char *list)
{
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (f == NULL) {
        cli_error("extract: %s: %s", list, strerror(errno));
        r->rc = EXIT_SYSTEM;
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while (r->rc != EXIT_SYSTEM && (len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        if (len > 0) {
            add_input(r, line);
        }
    }
    if (ferror(f)) {
        cli_error("extract: %s: %s", list, strerror(errno));
        r->rc = EXIT_SYSTEM;
    }
    free(line);
    if (f != stdin) {
        fclose(f);
    }
}

enum { OPT_FILES_FROM = 0x100 };

int
cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"jobs", required_argument, NULL, 'j'},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"limit", required_argument, NULL, CLI_OPT_LIMIT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *list = NULL;
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:l:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'l':
            if (cli_parse_lang(optarg, &lang) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'j':
            if (cli_set_jobs("extract", optarg) != 0) {
                return EXIT_USAGE;
            }
            break;
        case OPT_FILES_FROM:
            list = optarg;
            break;
        case CLI_OPT_LIMIT:
            if (cli_parse_limit("extract", optarg) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'h':
            help(stdout);
            return EXIT_OK;
        default:
            help(stderr);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc && list == NULL) {
        cli_error("extract: no input; see 'citegraph extract --help'");
        return EXIT_USAGE;
    }
    for (int i = optind; list != NULL && strcmp(list, "-") == 0 && i < argc;
         i++) {
        if (strcmp(argv[i], "-") == 0) {
            cli_error("extract: '-' and '--files-from -' both read standard "
                      "input");
            return EXIT_USAGE;
        }
    }
    struct cli_diag_ctx dctx = {{0, 0, 0}, 0};
    struct cite_diag_sink sink = {cli_diag_print, &dctx};
    struct cli_output out;
    if (cli_output_open(&out, output) != 0) {
        return EXIT_SYSTEM;
    }
    struct run run = {&out, &sink, NULL, EXIT_OK}, *r = &run;
    r->stream = cli_stream_new(lang, 1, take, r);
    for (int i = optind; i < argc && r->rc != EXIT_SYSTEM; i++) {
        add_input(r, argv[i]);
    }
    if (list != NULL && r->rc != EXIT_SYSTEM) {
        add_list(r, list);
    }
    cli_stream_free(r->stream);
    int rc = r->rc;
    if (cli_output_close(&out, rc != EXIT_SYSTEM) != 0) {
        rc = EXIT_SYSTEM;
    }
    if (rc == EXIT_OK && dctx.count[CITE_SEV_ERROR] > 0) {
        rc = EXIT_FINDINGS; /* an input was refused: the output lacks it */
    }
    return rc;
}
