/*
 * cmd_path.c - citegraph path: how one document comes to rest on another,
 * as the shortest chains of citations from FROM to TO.
 *
 * A network can hold exponentially many shortest paths between two
 * documents; --all lists them up to a cap and says on stderr when it cut.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"
#include "render/render_int.h"

/* --all lists at most this many paths. */
#define MAX_PATHS 1000

static void
help(FILE *out)
{
    fputs("usage: citegraph path FROM TO [--all] [--format FMT] [FILTERS] INPUT...\n"
          "\n"
          "Prints the shortest chain of citations from document FROM to document\n"
          "TO in the network of INPUT (FROM cites A, A cites B, ..., which cites\n"
          "TO), as \"FROM -> A -> B -> TO\".  When there is no such chain it says\n"
          "\"no path from 'FROM' to 'TO'\" and the exit status is 1, as it is when\n"
          "FROM or TO is not in the network.  Only the first of several shortest\n"
          "paths is printed unless --all is given (paths in a fixed order, at most\n"
          "1000).  With filters the path may only pass through the documents they\n"
          "keep; FROM is always kept, and a TO they leave out is an error.\n"
          "\n"
          "  -a, --all            every shortest path, not only the first\n"
          "  -f, --format FMT     text (default), csv (rows of path, step, id;\n"
          "                       both from 1) or json (an array of paths, each\n"
          "                       an array of ids)\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph path --all A/HRC/RES/21/21 A/HRC/RES/5/1 data/citations.yaml\n",
          out);
}

enum format { FMT_TEXT, FMT_CSV, FMT_JSON };
static const char *const formats[] = {"text", "csv", "json", NULL};


static void
write_paths(struct cite_i_buf *out, const struct cite_graph *g,
            size_t *const *paths, const size_t *lens, size_t n,
            enum format fmt)
{
    if (fmt == FMT_CSV) {
        cite_i_buf_adds(out, "path,step,id\n");
    } else if (fmt == FMT_JSON) {
        cite_i_buf_adds(out, "[\n");
    }
    for (size_t k = 0; k < n; k++) {
        if (fmt == FMT_JSON) {
            cite_i_buf_adds(out, "  [");
        }
        for (size_t s = 0; s < lens[k]; s++) {
            const char *id = cite_graph_node(g, paths[k][s])->id;
            switch (fmt) {
            case FMT_TEXT:
                cite_i_buf_adds(out, s > 0 ? " -> " : "");
                cite_i_terminal_text(out, id);
                break;
            case FMT_CSV:
                cite_i_buf_addf(out, "%zu,%zu,", k + 1, s + 1);
                cite_i_csv_field(out, id);
                cite_i_buf_addc(out, '\n');
                break;
            case FMT_JSON:
                cite_i_buf_adds(out, s > 0 ? ", " : "");
                cite_i_json_string(out, id);
                break;
            }
        }
        if (fmt == FMT_TEXT) {
            cite_i_buf_addc(out, '\n');
        } else if (fmt == FMT_JSON) {
            cite_i_buf_adds(out, k + 1 < n ? "],\n" : "]\n");
        }
    }
    if (fmt == FMT_JSON) {
        cite_i_buf_adds(out, "]\n");
    }
}

int
cmd_path(int argc, char **argv)
{
    static const struct option opts[] = {
        {"all", no_argument, NULL, 'a'},
        {"format", required_argument, NULL, 'f'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "path", help);
    int all = 0;
    enum format fmt = FMT_TEXT;
    int fmt_index;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "af:" CLI_COMMON_SHORT, opts, NULL)) !=
           -1) {
        switch (c) {
        case 'a':
            all = 1;
            break;
        case 'f':
            if (cli_choice("path", optarg, formats, &fmt_index) != 0) {
                return EXIT_USAGE;
            }
            fmt = (enum format)fmt_index;
            break;
        default:
            rc = cli_common_option(&co, c, optarg);
            if (rc != CLI_CONTINUE) {
                return rc;
            }
            break;
        }
    }
    if (argc - optind < 3) {
        cli_error("path: %s; see 'citegraph path --help'",
                  argc - optind < 2 ? "FROM and TO are needed" : "no input");
        return EXIT_USAGE;
    }
    const char *ids[2] = {argv[optind], argv[optind + 1]};
    struct cite_graph *g;
    size_t ends[2];
    rc = cli_common_load(&co, argv + optind + 2, argc - optind - 2, ids, 2,
                         ends, NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    size_t **paths = NULL, *lens = NULL, n = 0;
    size_t max = all ? MAX_PATHS + 1 : 1;
    char err[256];
    if (cite_graph_paths(g, ends[0], ends[1], max, &paths, &lens, &n, err,
                         sizeof err) != 0) {
        cli_error("path: %s", err);
        rc = EXIT_SYSTEM;
    } else if (n == 0) {
        cli_error("path: no path from '%s' to '%s'", ids[0], ids[1]);
        rc = EXIT_FINDINGS;
    } else {
        size_t shown = n > MAX_PATHS ? MAX_PATHS : n;
        struct cite_i_buf out = CITE_I_BUF_INIT;
        write_paths(&out, g, paths, lens, shown, fmt);
        if (cite_i_emit(stdout, &out) != 0) {
            cli_stdout_failed(errno);
            rc = EXIT_SYSTEM;
        }
        if (n > shown) {
            cli_error("path: more than %d shortest paths; showed the first %d",
                      MAX_PATHS, MAX_PATHS);
        }
    }
    for (size_t k = 0; k < n; k++) {
        free(paths[k]);
    }
    free(paths);
    free(lens);
    cite_graph_free(g);
    return rc;
}
