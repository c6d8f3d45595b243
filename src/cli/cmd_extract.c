/*
 * cmd_extract.c - citegraph extract: texts in, a YAML stream out.
 *
 * Streams: one text is read, extracted, written and released before the
 * next, so memory does not grow with the number of texts.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph extract [-o FILE] [--lang LANG] PATH...\n"
          "\n"
          "Finds every citation in the resolution texts at PATH (files, or\n"
          "directories searched recursively for *.txt; - reads standard input)\n"
          "and writes one YAML document per text, in input order.\n"
          "\n"
          "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
          "  -l, --lang LANG    the language of every text: zh en fr es ru ar\n"
          "                     (default: detected per text)\n"
          "      --limit NAME=N raise a limit: file-size (bytes, or with K, M, G;\n"
          "                     default 256M), id-length (bytes; default 100)\n"
          "  -h, --help         this help\n"
          "\n"
          "Exit status: 0 ok (warnings allowed), 1 an input was refused (binary,\n"
          "over a limit), 2 usage, 3 system error (a FILE given to -o is then\n"
          "left as it was).\n"
          "\n"
          "example:\n"
          "  citegraph extract -o data/citations.yaml data/texts\n",
          out);
}

static int
extract_one(struct cite_yaml_writer *w, struct cli_output *out,
            const char *path, enum cite_lang lang,
            const struct cite_diag_sink *sink)
{
    struct cite_text t;
    int loaded = cli_load_text(&t, path, sink);
    if (loaded != EXIT_OK) {
        return loaded;
    }
    struct cite_doc doc;
    cite_doc_init(&doc);
    cite_extract_doc_limited(&doc, &t, lang, &cli_limits, sink);
    int rc = EXIT_OK;
    if (cite_yaml_write_doc(w, &doc) != 0) {
        cli_output_failed(out, errno);
        rc = EXIT_SYSTEM;
    }
    cite_doc_release(&doc);
    cite_text_release(&t);
    return rc;
}

int
cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, 'l'},
        {"limit", required_argument, NULL, CLI_OPT_LIMIT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL;
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'l':
            if (cli_parse_lang(optarg, &lang) != 0) {
                return EXIT_USAGE;
            }
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
    if (optind >= argc) {
        cli_error("extract: no input; see 'citegraph extract --help'");
        return EXIT_USAGE;
    }
    struct cli_diag_ctx dctx = {{0, 0, 0}, 0};
    struct cite_diag_sink sink = {cli_diag_print, &dctx};
    struct cli_output out;
    if (cli_output_open(&out, output) != 0) {
        return EXIT_SYSTEM;
    }
    struct cite_yaml_writer *w = cite_yaml_writer_new(out.fp);
    int rc = EXIT_OK;
    for (int i = optind; i < argc && rc != EXIT_SYSTEM; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            struct cli_pathlist files = {NULL, 0, 0};
            if (cli_walk_dir(argv[i], &files, 0) != 0) {
                rc = EXIT_SYSTEM;
            }
            for (size_t k = 0; k < files.n; k++) {
                if (rc != EXIT_SYSTEM) {
                    int r = extract_one(w, &out, files.v[k], lang, &sink);
                    rc = r > rc ? r : rc;
                }
                free(files.v[k]);
            }
            free(files.v);
        } else {
            int r = extract_one(w, &out, argv[i], lang, &sink);
            rc = r > rc ? r : rc;
        }
    }
    /* a write error (a full disk, a closed pipe) is reported by
     * cli_output_close(), which sees the stream's error flag */
    if (cite_yaml_writer_finish(w) != 0) {
        cli_output_failed(&out, errno);
    }
    if (cli_output_close(&out, rc != EXIT_SYSTEM) != 0) {
        rc = EXIT_SYSTEM;
    }
    if (rc == EXIT_OK && dctx.count[CITE_SEV_ERROR] > 0) {
        rc = EXIT_FINDINGS; /* an input was refused: the output lacks it */
    }
    return rc;
}
