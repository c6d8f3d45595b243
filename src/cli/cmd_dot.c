/*
 * cmd_dot.c - citegraph dot: the network, or the part of it around one
 * document, as a Graphviz DOT diagram.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph dot [-o FILE] [--focus ID [--depth N]] [FILTERS] INPUT...\n"
          "\n"
          "Writes the citation network of INPUT (YAML from 'extract', or texts)\n"
          "as a Graphviz digraph: a node per document labelled with its id and\n"
          "date, an edge per citing -> cited pair.\n"
          "\n"
          "  -o, --output FILE    write to FILE (atomically) instead of standard output\n"
          "      --focus ID       only the documents around ID\n"
          "      --depth N        with --focus: how many steps out (default 1)\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph dot --focus A/HRC/RES/21/21 data/citations.yaml | dot -Tsvg > g.svg\n",
          out);
}

int
cmd_dot(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"focus", required_argument, NULL, 'F'},
        {"depth", required_argument, NULL, 'd'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "dot", help);
    const char *output = NULL, *focus = NULL;
    long depth = 1;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:" CLI_COMMON_SHORT, opts, NULL)) !=
           -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'F':
            focus = optarg;
            break;
        case 'd':
            if (cli_parse_count(&co, "depth", optarg, 0, 1000000, &depth) != 0) {
                return EXIT_USAGE;
            }
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
        cli_error("dot: no input; see 'citegraph dot --help'");
        return EXIT_USAGE;
    }
    struct cite_corpus corpus;
    struct cite_graph *g;
    size_t f = 0;
    rc = cli_common_load(&co, argv + optind, argc - optind, &focus,
                         focus != NULL ? 1 : 0, &f, &corpus, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    unsigned char *keep = NULL;
    if (focus != NULL) {
        keep = cite_i_xcalloc(cite_graph_node_count(g) + 1, 1);
        cite_graph_neighbourhood(g, f, (int)depth, keep);
    }
    struct cli_output out;
    if (cli_output_open(&out, output) != 0) {
        rc = EXIT_SYSTEM;
    } else {
        int ok = cite_render_dot(out.fp, g, keep) == 0;
        if (cli_output_close(&out, ok) != 0 || !ok) {
            rc = EXIT_SYSTEM;
        }
    }
    free(keep);
    cite_graph_free(g);
    cite_corpus_release(&corpus);
    return rc;
}
