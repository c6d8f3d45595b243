/*
 * cmd_similar.c - citegraph similar: the documents closest to one
 * document, by co-citation (cited together with it) and bibliographic
 * coupling (citing what it cites).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"
#include "render/render_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph similar ID [--top N] [--format FMT] [FILTERS] INPUT...\n"
          "\n"
          "Lists the documents of the network of INPUT closest to document ID:\n"
          "  cocitation   documents citing both ID and it\n"
          "  coupling     documents cited by both ID and it\n"
          "  score        the mean of two cosines: cocitation divided by the\n"
          "               geometric mean of the two documents' citers, and\n"
          "               coupling divided by that of their references\n"
          "best first (score, then cocitation, then coupling, then id).  Only\n"
          "documents sharing a citer or a reference with ID are listed.  An ID\n"
          "that is not in the network is an error (exit status 1).\n"
          "\n"
          "  -n, --top N          at most N documents (default 10)\n"
          "  -f, --format FMT     table (default), csv or json\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph similar --top 5 A/HRC/RES/18/18 data/citations.yaml\n",
          out);
}

enum format { FMT_TABLE, FMT_CSV, FMT_JSON };
static const char *const formats[] = {"table", "csv", "json", NULL};


static void
write_rows(struct cite_i_buf *out, const struct cite_graph *g,
           const struct cite_similar *s, size_t n, enum format fmt)
{
    static const unsigned char numeric[] = {0, 1, 1, 1};
    char score[CITE_I_NUM_LEN], num[64];
    struct cite_i_grid grid;
    cite_i_grid_init(&grid, 4, numeric);
    if (fmt == FMT_TABLE) {
        cite_i_grid_add(&grid, "id");
        cite_i_grid_add(&grid, "score");
        cite_i_grid_add(&grid, "cocitation");
        cite_i_grid_add(&grid, "coupling");
    } else if (fmt == FMT_CSV) {
        cite_i_buf_adds(out, "id,score,cocitation,coupling\n");
    } else {
        cite_i_buf_adds(out, n > 0 ? "[\n" : "[]\n");
    }
    for (size_t k = 0; k < n; k++) {
        const char *id = cite_graph_node(g, s[k].node)->id;
        switch (fmt) {
        case FMT_TABLE:
            cite_i_num_fixed(score, s[k].score, 6);
            cite_i_grid_add(&grid, id);
            cite_i_grid_add(&grid, score);
            snprintf(num, sizeof num, "%d", s[k].cocitation);
            cite_i_grid_add(&grid, num);
            snprintf(num, sizeof num, "%d", s[k].coupling);
            cite_i_grid_add(&grid, num);
            break;
        case FMT_CSV:
            cite_i_num_fixed(score, s[k].score, 6);
            cite_i_csv_field(out, id);
            cite_i_buf_addf(out, ",%s,%d,%d\n", score, s[k].cocitation,
                            s[k].coupling);
            break;
        case FMT_JSON:
            cite_i_num_exact(score, s[k].score);
            cite_i_buf_adds(out, "  {\"id\": ");
            cite_i_json_string(out, id);
            cite_i_buf_addf(out,
                            ", \"score\": %s, \"cocitation\": %d, "
                            "\"coupling\": %d}%s\n",
                            score, s[k].cocitation, s[k].coupling,
                            k + 1 < n ? "," : "");
            break;
        }
    }
    if (fmt == FMT_TABLE) {
        cite_i_grid_render(&grid, out);
    } else if (fmt == FMT_JSON && n > 0) {
        cite_i_buf_adds(out, "]\n");
    }
    cite_i_grid_release(&grid);
}

int
cmd_similar(int argc, char **argv)
{
    static const struct option opts[] = {
        {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "similar", help);
    long top = 10;
    enum format fmt = FMT_TABLE;
    int fmt_index;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:f:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'n':
            if (cli_parse_count(&co, "top", optarg, 0, LONG_MAX, &top) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (cli_choice("similar", optarg, formats, &fmt_index) != 0) {
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
    if (argc - optind < 2) {
        cli_error("similar: %s; see 'citegraph similar --help'",
                  optind >= argc ? "no document id and no input" : "no input");
        return EXIT_USAGE;
    }
    const char *id = argv[optind];
    struct cite_graph *g;
    size_t node;
    rc = cli_common_load(&co, argv + optind + 1, argc - optind - 1, &id, 1,
                         &node, NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    struct cite_similar *s = NULL;
    size_t n = 0;
    if (cite_graph_similar(g, node, (size_t)top, &s, &n) != 0) {
        cli_error("similar: cannot compare '%s' with the network", id);
        rc = EXIT_SYSTEM;
    } else {
        struct cite_i_buf out = CITE_I_BUF_INIT;
        write_rows(&out, g, s, n, fmt);
        if (cite_i_emit(stdout, &out) != 0) {
            cli_stdout_failed(errno);
            rc = EXIT_SYSTEM;
        }
    }
    free(s);
    cite_graph_free(g);
    return rc;
}
