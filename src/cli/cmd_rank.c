/*
 * cmd_rank.c - citegraph rank: centrality figures of the citation network,
 * one row per document, sorted by the metric the user chose.
 *
 * Betweenness, closeness and harmonic centrality search shortest paths
 * from every node, a cost that grows faster than the network: while they
 * run, a progress line goes to stderr when stderr is a terminal (and is
 * erased at the end), and betweenness, the dearest, can be bounded
 * (--cutoff) or left out (--no-betweenness: its column then reads "-",
 * empty or null, not a misleading 0).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"
#include "render/render_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph rank [--by METRIC] [--top N] [--format FMT] [--cutoff N]\n"
          "                      [--no-betweenness] [--metrics LIST] [FILTERS] INPUT...\n"
          "\n"
          "Builds the citation network of INPUT (YAML written by 'extract', or\n"
          "texts and directories, extracted on the fly) and prints, for every\n"
          "document, highest first:\n"
          "  in_degree, out_degree  documents citing it, documents it cites\n"
          "  pagerank               PageRank (damping 0.85, mention weights)\n"
          "  hub, authority         HITS scores (mention weights, max 1)\n"
          "  coreness               k-core number (undirected)\n"
          "  betweenness            shortest citation paths through it (directed)\n"
          "  closeness, harmonic    nearness to the rest (undirected)\n"
          "  eigenvector            eigenvector centrality (undirected, max 1)\n"
          "  age_norm               in_degree / (latest year - its year + 1)\n"
          "\n"
          "  -b, --by METRIC      sort by METRIC (default pagerank), ties by id\n"
          "  -n, --top N          print only the first N rows\n"
          "  -f, --format FMT     table (default), csv, tsv, json or yaml\n"
          "      --cutoff N       betweenness on paths of at most N citations\n"
          "                       (faster on large networks; default: exact)\n"
          "      --no-betweenness leave betweenness out (its column is empty)\n"
          "      --metrics LIST   compute only these metrics (comma-separated;\n"
          "                       the degrees and --by's metric always): the\n"
          "                       other columns are empty\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph rank --by authority --top 10 data/citations.yaml\n"
          "  citegraph rank --body HRC --since 2006 --format csv data/citations.yaml\n",
          out);
}

static const double *sort_values;
static enum cite_metric sort_metric;
static const struct cite_graph *sort_graph;

/* Highest first; a value that was not computed (NaN) last; ties by id. */
static int
by_metric(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    double vx = sort_values[x * CITE_M__COUNT + sort_metric];
    double vy = sort_values[y * CITE_M__COUNT + sort_metric];
    if (isnan(vx) != isnan(vy)) {
        return isnan(vx) ? 1 : -1;
    }
    if (vx != vy && !isnan(vx)) {
        return vx > vy ? -1 : 1;
    }
    return strcmp(cite_graph_node(sort_graph, x)->id,
                  cite_graph_node(sort_graph, y)->id);
}

/*
 * The first k of order[0..n-1] by by_metric(), sorted, into order[0..k-1]:
 * a heap of the k best seen so far, its worst on top, so that `--top 10`
 * over 200,000 nodes costs a pass rather than a sort of them all.  The
 * order is total (ties go by id), so the rows are those a full sort gives.
 */
static void
select_top(size_t *order, size_t n, size_t k)
{
    if (k >= n / 2) {
        qsort(order, n, sizeof *order, by_metric);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t at;
        if (i < k) {
            at = i; /* sift up */
            while (at > 0 && by_metric(&order[(at - 1) / 2], &i) < 0) {
                order[at] = order[(at - 1) / 2];
                at = (at - 1) / 2;
            }
            order[at] = i;
            continue;
        }
        if (k == 0 || by_metric(&i, &order[0]) >= 0) {
            continue; /* no better than the worst kept */
        }
        at = 0; /* i replaces the worst: sift down */
        for (size_t c; (c = 2 * at + 1) < k; at = c) {
            if (c + 1 < k && by_metric(&order[c + 1], &order[c]) > 0) {
                c++;
            }
            if (by_metric(&order[c], &i) <= 0) {
                break;
            }
            order[at] = order[c];
        }
        order[at] = i;
    }
    qsort(order, k, sizeof *order, by_metric);
}

/* "in_degree, out_degree, ..., age_norm" */
static void
bad_metric(const char *name)
{
    struct cite_i_buf list = CITE_I_BUF_INIT;
    for (int m = 0; m < CITE_M__COUNT; m++) {
        cite_i_buf_adds(&list, m > 0 ? ", " : "");
        cite_i_buf_adds(&list, cite_metric_name((enum cite_metric)m));
    }
    cli_error("rank: '%s' is not a metric (%s)", name, list.ptr);
    cite_i_buf_release(&list);
}

/* The progress line; only installed when stderr is a terminal. */
struct progress {
    int last; /* percent last shown, -1 before the first */
};

static void
progress(void *ctx, double done)
{
    struct progress *p = ctx;
    int pct = (int)(done * 100);
    pct = pct < 0 ? 0 : pct > 100 ? 100 : pct;
    if (pct != p->last) {
        fprintf(stderr, "\rcitegraph: rank: shortest paths %3d%%", pct);
        fflush(stderr);
        p->last = pct;
    }
}

enum { OPT_CUTOFF = 0x200, OPT_NO_BETWEENNESS, OPT_METRICS };

/* "pagerank,hub": a mask of metrics, or a message and -1. */
static int
parse_metrics(const char *arg, unsigned *mask)
{
    *mask = 0;
    char *copy = cite_i_xstrdup(arg);
    int rc = 0;
    for (char *save = NULL, *name = strtok_r(copy, ",", &save); name != NULL;
         name = strtok_r(NULL, ",", &save)) {
        enum cite_metric m = cite_metric_from_name(name);
        if (m == CITE_M__COUNT) {
            bad_metric(name);
            rc = -1;
            break;
        }
        *mask |= 1u << m;
    }
    if (rc == 0 && *mask == 0) {
        cli_error("rank: '--metrics' takes a list of metrics");
        rc = -1;
    }
    free(copy);
    return rc;
}

int
cmd_rank(int argc, char **argv)
{
    static const struct option opts[] = {
        {"by", required_argument, NULL, 'b'},
        {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        {"cutoff", required_argument, NULL, OPT_CUTOFF},
        {"no-betweenness", no_argument, NULL, OPT_NO_BETWEENNESS},
        {"metrics", required_argument, NULL, OPT_METRICS},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "rank", help);
    enum cite_metric by = CITE_M_PAGERANK;
    enum cite_table_format fmt = CITE_TABLE_TEXT;
    int yaml = 0;
    long top = -1, cutoff = 0;
    int betweenness = 1;
    unsigned want = 0; /* 0: all */
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "b:n:f:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'b':
            by = cite_metric_from_name(optarg);
            if (by == CITE_M__COUNT) {
                bad_metric(optarg);
                return EXIT_USAGE;
            }
            break;
        case 'n':
            if (cli_parse_count(&co, "top", optarg, 0, LONG_MAX, &top) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'f':
            yaml = 0;
            if (strcmp(optarg, "table") == 0) {
                fmt = CITE_TABLE_TEXT;
            } else if (strcmp(optarg, "csv") == 0) {
                fmt = CITE_TABLE_CSV;
            } else if (strcmp(optarg, "tsv") == 0) {
                fmt = CITE_TABLE_TSV;
            } else if (strcmp(optarg, "json") == 0) {
                fmt = CITE_TABLE_JSON;
            } else if (strcmp(optarg, "yaml") == 0) {
                yaml = 1;
            } else {
                cli_error("rank: '%s' is not a format (table, csv, tsv, json, "
                          "yaml)", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_CUTOFF:
            if (cli_parse_count(&co, "cutoff", optarg, 1, 1000000, &cutoff) !=
                0) {
                return EXIT_USAGE;
            }
            break;
        case OPT_NO_BETWEENNESS:
            betweenness = 0;
            break;
        case OPT_METRICS:
            if (parse_metrics(optarg, &want) != 0) {
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
        cli_error("rank: no input; see 'citegraph rank --help'");
        return EXIT_USAGE;
    }
    if (!betweenness && by == CITE_M_BETWEENNESS) {
        cli_error("rank: '--by betweenness' and '--no-betweenness' exclude "
                  "each other");
        return EXIT_USAGE;
    }
    if (want != 0) {
        want |= 1u << by | 1u << CITE_M_IN_DEGREE | 1u << CITE_M_OUT_DEGREE;
        if (!betweenness) {
            want &= ~(1u << CITE_M_BETWEENNESS);
        }
        betweenness = (want >> CITE_M_BETWEENNESS) & 1u;
    } else {
        want = (1u << CITE_M__COUNT) - 1;
    }
    struct cite_graph *g;
    rc = cli_common_load(&co, argv + optind, argc - optind, NULL, 0, NULL,
                         NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    size_t n = cite_graph_node_count(g);
    double *values = cite_i_xcalloc(n * CITE_M__COUNT + 1, sizeof *values);
    size_t *order = cite_i_xcalloc(n + 1, sizeof *order);
    struct progress prog = {-1};
    struct cite_metric_opts mopts = {betweenness, (double)cutoff, NULL, NULL,
                                     want};
    if (cli_is_terminal(stderr)) {
        mopts.progress = progress;
        mopts.progress_ctx = &prog;
    }
    char err[256];
    int failed = cite_graph_metrics_ext(g, &mopts, values, err, sizeof err);
    if (prog.last >= 0) {
        fputs("\r\033[K", stderr);
    }
    if (failed != 0) {
        cli_error("rank: %s", err);
        rc = EXIT_SYSTEM;
    } else {
        for (size_t i = 0; i < n; i++) {
            order[i] = i;
            for (int m = 0; m < CITE_M__COUNT; m++) {
                if (!((want >> m) & 1u) ||
                    (m == CITE_M_BETWEENNESS && !betweenness)) {
                    values[i * CITE_M__COUNT + m] = NAN;
                }
            }
        }
        sort_values = values;
        sort_metric = by;
        sort_graph = g;
        size_t rows = top >= 0 && (size_t)top < n ? (size_t)top : n;
        select_top(order, n, rows);
        int wrc = yaml ? cite_i_render_table_yaml(stdout, g, values, order, rows)
                       : cite_render_table(stdout, g, values, order, rows, fmt);
        if (wrc != 0) {
            cli_stdout_failed(errno);
            rc = EXIT_SYSTEM;
        }
    }
    free(values);
    free(order);
    cite_graph_free(g);
    return rc;
}
