/*
 * cmd_mainpath.c - citegraph mainpath: the backbone of a body of
 * precedent, by main path analysis (search path count), over the whole
 * network or over what one document rests on.
 *
 * The edges of the main path are the result (stdout); the citations
 * dropped to break cycles are notes about the input (stderr, one line
 * each), so that a pipeline reading stdout is not disturbed by them.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"
#include "render/render_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph mainpath [--root ID] [--format FMT] [FILTERS] INPUT...\n"
          "\n"
          "Main path analysis (Hummon and Doreian) of the network of INPUT.\n"
          "Knowledge flows from a cited text to the texts citing it.  Each\n"
          "citation gets its search path count (SPC): the number of paths from\n"
          "a foundation (a document citing nothing in the network) to a newest\n"
          "text (one nothing cites) that pass through it.  The main path is the\n"
          "path from a foundation to a newest text whose SPC add up to most\n"
          "(ties: lowest-numbered nodes, in input order).  It is printed from\n"
          "the foundation up, one citation per line, as citing, cited and SPC.\n"
          "\n"
          "SPC needs a network without cycles.  A cycle of citations (texts\n"
          "adopted together, or an extraction error) is broken by dropping its\n"
          "citation with the fewest mentions (ties: the one whose citing\n"
          "document comes last in the input); each dropped citation is noted on\n"
          "stderr as \"cycle: dropped 'X' -> 'Y' (N mentions)\".  With no citation\n"
          "to follow the exit status is 1.\n"
          "\n"
          "  -r, --root ID        only ID and what it rests on (transitively);\n"
          "                       the main path then ends at ID\n"
          "  -f, --format FMT     text (default), csv or json; csv and json give\n"
          "                       citing, cited, spc and mentions\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph mainpath data/citations.yaml\n"
          "  citegraph mainpath --root A/HRC/RES/21/21 data/citations.yaml\n",
          out);
}

enum format { FMT_TEXT, FMT_CSV, FMT_JSON };
static const char *const formats[] = {"text", "csv", "json", NULL};


static void
write_path(struct cite_i_buf *out, const struct cite_graph *g,
           const struct cite_mainpath *mp, enum format fmt)
{
    static const unsigned char numeric[] = {0, 0, 1};
    char spc[CITE_I_NUM_LEN], weight[CITE_I_NUM_LEN];
    struct cite_i_grid grid;
    cite_i_grid_init(&grid, 3, numeric);
    if (fmt == FMT_TEXT) {
        cite_i_grid_add(&grid, "citing");
        cite_i_grid_add(&grid, "cited");
        cite_i_grid_add(&grid, "spc");
    } else if (fmt == FMT_CSV) {
        cite_i_buf_adds(out, "citing,cited,spc,mentions\n");
    } else {
        cite_i_buf_adds(out, mp->nedges > 0 ? "[\n" : "[]\n");
    }
    for (size_t k = 0; k < mp->nedges; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, mp->edges[k]);
        const char *from = cite_graph_node(g, e->from)->id;
        const char *to = cite_graph_node(g, e->to)->id;
        cite_i_num_exact(spc, mp->spc[mp->edges[k]]);
        cite_i_num_exact(weight, e->weight);
        switch (fmt) {
        case FMT_TEXT:
            cite_i_grid_add(&grid, from);
            cite_i_grid_add(&grid, to);
            cite_i_grid_add(&grid, spc);
            break;
        case FMT_CSV:
            cite_i_csv_field(out, from);
            cite_i_buf_addc(out, ',');
            cite_i_csv_field(out, to);
            cite_i_buf_addf(out, ",%s,%s\n", spc, weight);
            break;
        case FMT_JSON:
            cite_i_buf_adds(out, "  {\"citing\": ");
            cite_i_json_string(out, from);
            cite_i_buf_adds(out, ", \"cited\": ");
            cite_i_json_string(out, to);
            cite_i_buf_addf(out, ", \"spc\": %s, \"mentions\": %s}%s\n", spc,
                            weight, k + 1 < mp->nedges ? "," : "");
            break;
        }
    }
    if (fmt == FMT_TEXT) {
        cite_i_grid_render(&grid, out);
    } else if (fmt == FMT_JSON && mp->nedges > 0) {
        cite_i_buf_adds(out, "]\n");
    }
    cite_i_grid_release(&grid);
}

int
cmd_mainpath(int argc, char **argv)
{
    static const struct option opts[] = {
        {"root", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "mainpath", help);
    const char *root_id = NULL;
    enum format fmt = FMT_TEXT;
    int fmt_index;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "r:f:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'r':
            root_id = optarg;
            break;
        case 'f':
            if (cli_choice("mainpath", optarg, formats, &fmt_index) != 0) {
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
    if (optind >= argc) {
        cli_error("mainpath: no input; see 'citegraph mainpath --help'");
        return EXIT_USAGE;
    }
    struct cite_graph *g;
    size_t root = (size_t)-1;
    rc = cli_common_load(&co, argv + optind, argc - optind, &root_id,
                         root_id != NULL ? 1 : 0, &root, NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    struct cite_mainpath mp;
    memset(&mp, 0, sizeof mp);
    char err[256];
    if (cite_graph_mainpath(g, root, &mp, err, sizeof err) != 0) {
        cli_error("mainpath: %s", err);
        rc = EXIT_SYSTEM;
    } else {
        char weight[CITE_I_NUM_LEN];
        for (size_t k = 0; k < mp.ndropped; k++) {
            const struct cite_graph_edge *e = cite_graph_edge(g, mp.dropped[k]);
            cite_i_num_exact(weight, e->weight);
            cli_error("mainpath: cycle: dropped '%s' -> '%s' (%s mention%s)",
                      cite_graph_node(g, e->from)->id,
                      cite_graph_node(g, e->to)->id, weight,
                      e->weight == 1 ? "" : "s");
        }
        if (mp.nedges == 0) {
            if (root_id != NULL) {
                cli_error("mainpath: '%s' cites nothing in the network",
                          root_id);
            } else {
                cli_error("mainpath: the network has no citations");
            }
            rc = EXIT_FINDINGS;
        } else {
            struct cite_i_buf out = CITE_I_BUF_INIT;
            write_path(&out, g, &mp, fmt);
            if (cite_i_emit(stdout, &out) != 0) {
                cli_stdout_failed(errno);
                rc = EXIT_SYSTEM;
            }
        }
    }
    cite_graph_mainpath_release(&mp);
    cite_graph_free(g);
    return rc;
}
