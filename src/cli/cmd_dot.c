/*
 * cmd_dot.c - citegraph dot: the network as a Graphviz DOT diagram.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph dot [-o FILE] [--focus ID [--depth N]] INPUT...\n"
          "\n"
          "Writes the citation network of INPUT (YAML from 'extract', or texts)\n"
          "as a Graphviz digraph: a node per document labelled with its id and\n"
          "date, an edge per citing -> cited pair.\n"
          "\n"
          "  -o, --output FILE  write to FILE (atomically) instead of standard output\n"
          "      --focus ID     only the documents around ID\n"
          "      --depth N      with --focus: how many steps out (default 1)\n"
          "  -l, --lang LANG    language of text inputs (default: detected)\n"
          "  -h, --help         this help\n"
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
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *focus = NULL;
    long depth = 1;
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:l:h", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'F':
            focus = optarg;
            break;
        case 'd':
            depth = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || depth < 0 || depth > 1000000) {
                cli_error("dot: '--depth' takes a whole number, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'l':
            if (cli_parse_lang(optarg, &lang) != 0) {
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
        cli_error("dot: no input; see 'citegraph dot --help'");
        return EXIT_USAGE;
    }
    struct cite_corpus corpus;
    struct cite_graph *g;
    int rc = cli_load_network("dot", argv + optind, argc - optind, lang, &corpus, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    unsigned char *keep = NULL;
    if (focus != NULL) {
        long f = cite_graph_find(g, focus);
        if (f < 0) {
            cli_error("dot: '%s' is not in the network", focus);
            cite_graph_free(g);
            cite_corpus_release(&corpus);
            return EXIT_FINDINGS;
        }
        keep = calloc(cite_graph_node_count(g) + 1, 1);
        if (keep == NULL) {
            cli_error("out of memory");
            exit(EXIT_SYSTEM);
        }
        cite_graph_neighbourhood(g, (size_t)f, (int)depth, keep);
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
