/*
 * cmd_rank.c - citegraph rank: centrality figures of the citation network.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph rank [--by METRIC] [--top N] [--format FMT] INPUT...\n"
          "\n"
          "Builds the citation network of INPUT (YAML written by 'extract', or\n"
          "texts and directories, extracted on the fly) and prints, for every\n"
          "document, in_degree, out_degree, pagerank, hub, authority and coreness,\n"
          "highest first.\n"
          "\n"
          "  -b, --by METRIC    sort by in_degree, out_degree, pagerank (default),\n"
          "                     hub, authority or coreness\n"
          "  -n, --top N        print only the first N rows\n"
          "  -f, --format FMT   table (default), csv, tsv or json\n"
          "  -l, --lang LANG    language of text inputs (default: detected)\n"
          "  -h, --help         this help\n"
          "\n"
          "example:\n"
          "  citegraph rank --by authority --top 10 data/citations.yaml\n",
          out);
}

static const double *sort_values;
static enum cite_metric sort_metric;
static const struct cite_graph *sort_graph;

static int
by_metric(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    double vx = sort_values[x * CITE_M__COUNT + sort_metric];
    double vy = sort_values[y * CITE_M__COUNT + sort_metric];
    if (vx != vy) {
        return vx > vy ? -1 : 1;
    }
    return strcmp(cite_graph_node(sort_graph, x)->id,
                  cite_graph_node(sort_graph, y)->id);
}

int
cmd_rank(int argc, char **argv)
{
    static const struct option opts[] = {
        {"by", required_argument, NULL, 'b'},
        {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    enum cite_metric by = CITE_M_PAGERANK;
    enum cite_table_format fmt = CITE_TABLE_TEXT;
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    long top = -1;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "b:n:f:l:h", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'b':
            by = cite_metric_from_name(optarg);
            if (by == CITE_M__COUNT) {
                cli_error("rank: '%s' is not a metric (in_degree, out_degree, "
                          "pagerank, hub, authority, coreness)", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'n':
            top = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || top < 0) {
                cli_error("rank: '--top' takes a whole number, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'f':
            if (strcmp(optarg, "table") == 0) {
                fmt = CITE_TABLE_TEXT;
            } else if (strcmp(optarg, "csv") == 0) {
                fmt = CITE_TABLE_CSV;
            } else if (strcmp(optarg, "tsv") == 0) {
                fmt = CITE_TABLE_TSV;
            } else if (strcmp(optarg, "json") == 0) {
                fmt = CITE_TABLE_JSON;
            } else {
                cli_error("rank: '%s' is not a format (table, csv, tsv, json)", optarg);
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
        cli_error("rank: no input; see 'citegraph rank --help'");
        return EXIT_USAGE;
    }
    struct cite_corpus corpus;
    struct cite_graph *g;
    int rc = cli_load_network("rank", argv + optind, argc - optind, lang, &corpus, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    size_t n = cite_graph_node_count(g);
    double *values = calloc(n * CITE_M__COUNT + 1, sizeof *values);
    size_t *order = calloc(n + 1, sizeof *order);
    if (values == NULL || order == NULL) {
        cli_error("out of memory");
        exit(EXIT_SYSTEM);
    }
    char err[256];
    if (cite_graph_metrics(g, values, err, sizeof err) != 0) {
        cli_error("rank: %s", err);
        rc = EXIT_SYSTEM;
    } else {
        for (size_t i = 0; i < n; i++) {
            order[i] = i;
        }
        sort_values = values;
        sort_metric = by;
        sort_graph = g;
        qsort(order, n, sizeof *order, by_metric);
        size_t rows = top >= 0 && (size_t)top < n ? (size_t)top : n;
        if (cite_render_table(stdout, g, values, order, rows, fmt) != 0) {
            cli_error("error writing to standard output");
            rc = EXIT_SYSTEM;
        }
    }
    free(values);
    free(order);
    cite_graph_free(g);
    cite_corpus_release(&corpus);
    return rc;
}
