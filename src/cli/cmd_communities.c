/*
 * cmd_communities.c - citegraph communities: clusters of documents that
 * cite one another more than they cite the rest (Louvain), each with its
 * size and its most central members by PageRank.
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
    fputs("usage: citegraph communities [--top K] [--format FMT] [FILTERS] INPUT...\n"
          "\n"
          "Splits the network of INPUT into clusters of documents that cite one\n"
          "another more than they cite the rest: Louvain modularity optimisation\n"
          "(igraph's multilevel method, with a fixed seed) on the network taken\n"
          "as undirected, a link weighing the mentions both ways.  Prints the\n"
          "modularity of the partition (from -0.5 to 1; above 0.3 is a clear\n"
          "structure), then each cluster, largest first, with its size and its K\n"
          "most central members by PageRank (ties by id).\n"
          "\n"
          "  -n, --top K          members listed per cluster (default 5)\n"
          "  -f, --format FMT     table (default), csv (rows of cluster, size,\n"
          "                       rank, id, pagerank; the modularity is not in\n"
          "                       it) or json\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph communities --top 3 data/citations.yaml\n",
          out);
}

enum format { FMT_TABLE, FMT_CSV, FMT_JSON };
static const char *const formats[] = {"table", "csv", "json", NULL};


static const size_t *sort_cluster;
static const double *sort_values;
static const struct cite_graph *sort_graph;

/* By cluster, then PageRank (highest first), then id. */
static int
by_cluster_rank(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (sort_cluster[x] != sort_cluster[y]) {
        return sort_cluster[x] < sort_cluster[y] ? -1 : 1;
    }
    double vx = sort_values[x * CITE_M__COUNT + CITE_M_PAGERANK];
    double vy = sort_values[y * CITE_M__COUNT + CITE_M_PAGERANK];
    if (vx != vy) {
        return vx > vy ? -1 : 1;
    }
    return strcmp(cite_graph_node(sort_graph, x)->id,
                  cite_graph_node(sort_graph, y)->id);
}

struct result {
    const struct cite_graph *g;
    const double *values;
    const size_t *order;   /* nodes by cluster, then rank */
    const size_t *start;   /* cluster c is order[start[c] .. start[c + 1]) */
    size_t ncluster;
    double modularity;
    size_t top;
};

static double
pagerank_of(const struct result *r, size_t node)
{
    return r->values[node * CITE_M__COUNT + CITE_M_PAGERANK];
}

static void
write_table(struct cite_i_buf *out, const struct result *r)
{
    char num[CITE_I_NUM_LEN];
    cite_i_num_fixed(num, r->modularity, 6);
    if (num[0] == '\0') {
        /* no link at all: modularity is not defined */
        snprintf(num, sizeof num, "-");
    }
    cite_i_buf_addf(out, "%zu cluster%s, modularity %s\n", r->ncluster,
                    r->ncluster == 1 ? "" : "s", num);
    for (size_t c = 0; c < r->ncluster; c++) {
        size_t size = r->start[c + 1] - r->start[c];
        cite_i_buf_addf(out, "\ncluster %zu: %zu document%s\n", c + 1, size,
                        size == 1 ? "" : "s");
        static const unsigned char numeric[] = {1, 0};
        struct cite_i_grid grid;
        cite_i_grid_init(&grid, 2, numeric);
        size_t shown = size < r->top ? size : r->top;
        for (size_t k = 0; k < shown; k++) {
            size_t node = r->order[r->start[c] + k];
            cite_i_num_fixed(num, pagerank_of(r, node), 6);
            cite_i_grid_add(&grid, num);
            cite_i_grid_add(&grid, cite_graph_node(r->g, node)->id);
        }
        struct cite_i_buf rows = CITE_I_BUF_INIT;
        cite_i_grid_render(&grid, &rows);
        cite_i_grid_release(&grid);
        /* indent each row by two spaces */
        for (const char *p = rows.ptr; p != NULL && *p != '\0';) {
            size_t len = strcspn(p, "\n");
            cite_i_buf_adds(out, "  ");
            cite_i_buf_add(out, p, len);
            cite_i_buf_addc(out, '\n');
            p += len + (p[len] == '\n');
        }
        cite_i_buf_release(&rows);
        if (shown < size) {
            cite_i_buf_addf(out, "  and %zu more\n", size - shown);
        }
    }
}

static void
write_csv(struct cite_i_buf *out, const struct result *r)
{
    char num[CITE_I_NUM_LEN];
    cite_i_buf_adds(out, "cluster,size,rank,id,pagerank\n");
    for (size_t c = 0; c < r->ncluster; c++) {
        size_t size = r->start[c + 1] - r->start[c];
        for (size_t k = 0; k < size && k < r->top; k++) {
            size_t node = r->order[r->start[c] + k];
            cite_i_num_fixed(num, pagerank_of(r, node), 6);
            cite_i_buf_addf(out, "%zu,%zu,%zu,", c + 1, size, k + 1);
            cite_i_csv_field(out, cite_graph_node(r->g, node)->id);
            cite_i_buf_addf(out, ",%s\n", num);
        }
    }
}

static void
write_json(struct cite_i_buf *out, const struct result *r)
{
    char num[CITE_I_NUM_LEN];
    cite_i_num_exact(num, r->modularity);
    cite_i_buf_addf(out, "{\n  \"modularity\": %s,\n  \"clusters\": [", num);
    for (size_t c = 0; c < r->ncluster; c++) {
        size_t size = r->start[c + 1] - r->start[c];
        cite_i_buf_addf(out,
                        "%s\n    {\"cluster\": %zu, \"size\": %zu, "
                        "\"members\": [",
                        c > 0 ? "," : "", c + 1, size);
        for (size_t k = 0; k < size && k < r->top; k++) {
            size_t node = r->order[r->start[c] + k];
            cite_i_num_exact(num, pagerank_of(r, node));
            cite_i_buf_adds(out, k > 0 ? ", {\"id\": " : "{\"id\": ");
            cite_i_json_string(out, cite_graph_node(r->g, node)->id);
            cite_i_buf_addf(out, ", \"pagerank\": %s}", num);
        }
        cite_i_buf_adds(out, "]}");
    }
    cite_i_buf_adds(out, r->ncluster > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

int
cmd_communities(int argc, char **argv)
{
    static const struct option opts[] = {
        {"top", required_argument, NULL, 'n'},
        {"format", required_argument, NULL, 'f'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "communities", help);
    long top = 5;
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
            if (cli_choice("communities", optarg, formats, &fmt_index) != 0) {
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
        cli_error("communities: no input; see 'citegraph communities --help'");
        return EXIT_USAGE;
    }
    struct cite_graph *g;
    rc = cli_common_load(&co, argv + optind, argc - optind, NULL, 0, NULL,
                         NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    size_t n = cite_graph_node_count(g);
    size_t *membership = cite_i_xcalloc(n + 1, sizeof *membership);
    double *values = cite_i_xcalloc(n * CITE_M__COUNT + 1, sizeof *values);
    size_t *order = cite_i_xcalloc(n + 1, sizeof *order);
    size_t ncluster = 0;
    double modularity = NAN;
    char err[256];
    if (cite_graph_communities(g, membership, &ncluster, &modularity, err,
                               sizeof err) != 0 ||
        cite_graph_metrics(g, values, err, sizeof err) != 0) {
        cli_error("communities: %s", err);
        rc = EXIT_SYSTEM;
    } else {
        size_t *start = cite_i_xcalloc(ncluster + 2, sizeof *start);
        for (size_t i = 0; i < n; i++) {
            order[i] = i;
            start[membership[i] + 1]++;
        }
        for (size_t k = 0; k < ncluster; k++) {
            start[k + 1] += start[k];
        }
        sort_cluster = membership;
        sort_values = values;
        sort_graph = g;
        qsort(order, n, sizeof *order, by_cluster_rank);
        struct result r = {g, values, order, start, ncluster, modularity,
                           (size_t)top};
        struct cite_i_buf out = CITE_I_BUF_INIT;
        if (fmt == FMT_TABLE) {
            write_table(&out, &r);
        } else if (fmt == FMT_CSV) {
            write_csv(&out, &r);
        } else {
            write_json(&out, &r);
        }
        if (cite_i_emit(stdout, &out) != 0) {
            cli_stdout_failed(errno);
            rc = EXIT_SYSTEM;
        }
        free(start);
    }
    free(membership);
    free(values);
    free(order);
    cite_graph_free(g);
    return rc;
}
