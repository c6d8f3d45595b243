/*
 * cmd_dot.c - citegraph dot: the network, or a view of it (the N most
 * central documents, the neighbourhood of one, its chain of precedent, the
 * main path), as a Graphviz diagram: DOT text, or SVG, PNG or PDF laid out
 * in process (cite_render_graphviz).  The view is a set of kept nodes; the
 * style options go to cite_render_dot_ext unchanged.  Graphviz's dot
 * layout grows much faster than the graph, so a graph too large to lay
 * out in seconds is refused unless --force.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"

/* Beyond these, dot takes minutes; --force lays out anyway. */
enum { LAYOUT_MAX_NODES = 1500, LAYOUT_MAX_EDGES = 6000 };

static void
help(FILE *out)
{
    fputs("usage: citegraph dot [-o FILE] [-T FORMAT] [VIEW] [STYLE] [FILTERS] INPUT...\n"
          "\n"
          "Draws the citation network of INPUT (YAML from 'extract', or texts)\n"
          "with Graphviz: a node per document (its id, date and short title,\n"
          "coloured and shaped by body), an edge per citing -> cited pair\n"
          "styled by its clause (recalling, reaffirming, ...), and a legend.\n"
          "\n"
          "  -o, --output FILE    write to FILE (atomically) instead of standard output\n"
          "  -T, --format FORMAT  dot (the default), or svg, png, pdf laid out by\n"
          "                       Graphviz in process; without -T, FILE's suffix\n"
          "                       (.svg, .png, .pdf) chooses\n"
          "      --force          lay out a graph of more than 1500 documents or\n"
          "                       6000 citations (Graphviz may take minutes)\n"
          "\n"
          "views (one of --focus, --chain, --mainpath; --top applies to any):\n"
          "      --top N          only the N most central documents (by --size-by,\n"
          "                       else pagerank; ties by id)\n"
          "      --focus ID       the documents within --depth steps of ID, both\n"
          "                       directions (default depth 1)\n"
          "      --chain ID       ID and its precedents (what it cites, what those\n"
          "                       cite, ...), to --depth steps (default: all)\n"
          "      --depth N        with --focus or --chain: how many steps out\n"
          "      --mainpath       the main path of the network (thick edges)\n"
          "\n"
          "style:\n"
          "      --size-by METRIC node size grows with METRIC (a column of 'rank')\n"
          "      --rank-by year   a timeline: one row per year, oldest at the top\n"
          "      --cluster-by KEY boxes around the documents of one body, session\n"
          "                       (body and session) or community\n"
          "      --edge-labels    label edges with the paragraphs cited (\xC2\xB6 3, 4)\n"
          "      --title TEXT     a caption above the drawing\n"
          "      --no-legend      leave the legend out\n"
          CLI_COMMON_HELP
          "\n"
          "examples:\n"
          "  citegraph dot -o graph.svg data/citations.yaml\n"
          "  citegraph dot --chain A/HRC/RES/21/21 --rank-by year -o chain.png data/citations.yaml\n"
          "  citegraph dot --focus A/HRC/RES/21/21 data/citations.yaml | dot -Tsvg > focus.svg\n",
          out);
}

enum {
    OPT_FOCUS = 0x200,
    OPT_DEPTH,
    OPT_CHAIN,
    OPT_MAINPATH,
    OPT_TOP,
    OPT_SIZE_BY,
    OPT_RANK_BY,
    OPT_CLUSTER_BY,
    OPT_EDGE_LABELS,
    OPT_TITLE,
    OPT_NO_LEGEND,
    OPT_FORCE
};

static int
has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    if (n < m) {
        return 0;
    }
    for (size_t k = 0; k < m; k++) {
        char c = s[n - m + k];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != suf[k]) {
            return 0;
        }
    }
    return 1;
}

/* For --top: nodes by decreasing value, ties by id. */
static const double *top_values;
static const struct cite_graph *top_graph;

static int
by_value(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    double vx = top_values[x], vy = top_values[y];
    if (isnan(vx) != isnan(vy)) {
        return isnan(vx) ? 1 : -1;
    }
    if (vx != vy && !isnan(vx)) {
        return vx > vy ? -1 : 1;
    }
    return strcmp(cite_graph_node(top_graph, x)->id,
                  cite_graph_node(top_graph, y)->id);
}

struct dot_args {
    const char *output, *format, *focus, *chain, *title;
    long depth, top;
    int depth_given, mainpath, force;
    enum cite_metric size_by; /* CITE_M__COUNT: none */
    struct cite_dot_opts style;
};

/* The view: fills keep (node_count bytes) and, for the main path, bold
 * (edge_count bytes).  Returns EXIT_OK or a status after a message. */
static int
select_view(const struct dot_args *a, const struct cite_graph *g, size_t start,
            unsigned char *keep, unsigned char *bold)
{
    size_t n = cite_graph_node_count(g);
    if (a->focus != NULL) {
        cite_graph_neighbourhood(g, start, a->depth_given ? (int)a->depth : 1,
                                 keep);
    } else if (a->chain != NULL) {
        struct cite_chain_entry *ch = NULL;
        size_t nch = 0;
        if (cite_graph_chain(g, start, a->depth_given ? (int)a->depth : -1, 0,
                             &ch, &nch) != 0) {
            cli_error("dot: cannot follow the chain of '%s'", a->chain);
            return EXIT_SYSTEM;
        }
        keep[start] = 1;
        for (size_t k = 0; k < nch; k++) {
            keep[ch[k].node] = 1;
        }
        free(ch);
    } else if (a->mainpath) {
        struct cite_mainpath mp;
        memset(&mp, 0, sizeof mp);
        char err[256];
        if (cite_graph_mainpath(g, (size_t)-1, &mp, err, sizeof err) != 0) {
            cli_error("dot: %s", err);
            return EXIT_SYSTEM;
        }
        for (size_t k = 0; k < mp.nedges; k++) {
            const struct cite_graph_edge *e = cite_graph_edge(g, mp.edges[k]);
            keep[e->from] = keep[e->to] = 1;
            bold[mp.edges[k]] = 1;
        }
        size_t nedges = mp.nedges;
        cite_graph_mainpath_release(&mp);
        if (nedges == 0) {
            cli_error("dot: the network has no citations");
            return EXIT_FINDINGS;
        }
    } else {
        memset(keep, 1, n);
    }
    return EXIT_OK;
}

/* Keeps only the top N of the kept nodes by values. */
static void
keep_top(const struct cite_graph *g, const double *values, long top,
         unsigned char *keep)
{
    size_t n = cite_graph_node_count(g), nk = 0;
    size_t *order = cite_i_xcalloc(n + 1, sizeof *order);
    for (size_t i = 0; i < n; i++) {
        if (keep[i]) {
            order[nk++] = i;
        }
    }
    top_values = values;
    top_graph = g;
    qsort(order, nk, sizeof *order, by_value);
    for (size_t k = (size_t)top; k < nk; k++) {
        keep[order[k]] = 0;
    }
    free(order);
}

/* Writes the DOT text, or lays it out and writes the rendering. */
static int
write_drawing(const struct dot_args *a, const struct cite_graph *g)
{
    int render = strcmp(a->format, "dot") != 0;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = NULL;
    if (render) {
        mem = open_memstream(&text, &len);
        if (mem == NULL) {
            cli_error("dot: out of memory");
            return EXIT_SYSTEM;
        }
        int ok = cite_render_dot_ext(mem, g, &a->style) == 0;
        if (fclose(mem) != 0 || !ok) {
            cli_error("dot: out of memory");
            free(text);
            return EXIT_SYSTEM;
        }
    }
    char *data = NULL;
    size_t datalen = 0;
    if (render) {
        char err[512];
        int failed = cite_render_graphviz(text, len, a->format, &data,
                                          &datalen, err, sizeof err);
        free(text);
        if (failed) {
            cli_error("dot: %s", err);
            return EXIT_SYSTEM;
        }
    }
    int rc = EXIT_OK;
    struct cli_output out;
    if (cli_output_open(&out, a->output) != 0) {
        rc = EXIT_SYSTEM;
    } else {
        int ok = render ? fwrite(data, 1, datalen, out.fp) == datalen
                        : cite_render_dot_ext(out.fp, g, &a->style) == 0;
        if (!ok) {
            cli_output_failed(&out, errno);
        }
        if (cli_output_close(&out, ok) != 0 || !ok) {
            rc = EXIT_SYSTEM;
        }
    }
    free(data);
    return rc;
}

static int
parse_args(struct dot_args *a, struct cli_common *co, int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'T'},
        {"focus", required_argument, NULL, OPT_FOCUS},
        {"depth", required_argument, NULL, OPT_DEPTH},
        {"chain", required_argument, NULL, OPT_CHAIN},
        {"mainpath", no_argument, NULL, OPT_MAINPATH},
        {"top", required_argument, NULL, OPT_TOP},
        {"size-by", required_argument, NULL, OPT_SIZE_BY},
        {"rank-by", required_argument, NULL, OPT_RANK_BY},
        {"cluster-by", required_argument, NULL, OPT_CLUSTER_BY},
        {"edge-labels", no_argument, NULL, OPT_EDGE_LABELS},
        {"title", required_argument, NULL, OPT_TITLE},
        {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
        {"force", no_argument, NULL, OPT_FORCE},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:T:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'o':
            a->output = optarg;
            break;
        case 'T':
            if (strcmp(optarg, "dot") != 0 && strcmp(optarg, "svg") != 0 &&
                strcmp(optarg, "png") != 0 && strcmp(optarg, "pdf") != 0) {
                cli_error("dot: '%s' is not a format (dot, svg, png, pdf)",
                          optarg);
                return EXIT_USAGE;
            }
            a->format = optarg;
            break;
        case OPT_FOCUS:
            a->focus = optarg;
            break;
        case OPT_CHAIN:
            a->chain = optarg;
            break;
        case OPT_MAINPATH:
            a->mainpath = 1;
            break;
        case OPT_DEPTH:
            if (cli_parse_count(co, "depth", optarg, 0, 1000000, &a->depth) !=
                0) {
                return EXIT_USAGE;
            }
            a->depth_given = 1;
            break;
        case OPT_TOP:
            if (cli_parse_count(co, "top", optarg, 1, 100000000, &a->top) !=
                0) {
                return EXIT_USAGE;
            }
            break;
        case OPT_SIZE_BY:
            a->size_by = cite_metric_from_name(optarg);
            if (a->size_by == CITE_M__COUNT) {
                cli_error("dot: '%s' is not a metric (in_degree, out_degree, "
                          "pagerank, hub, authority, coreness, betweenness, "
                          "closeness, harmonic, eigenvector, age_norm)",
                          optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_RANK_BY:
            if (strcmp(optarg, "year") != 0) {
                cli_error("dot: '--rank-by' takes 'year', not '%s'", optarg);
                return EXIT_USAGE;
            }
            a->style.rank_by_year = 1;
            break;
        case OPT_CLUSTER_BY:
            if (strcmp(optarg, "body") == 0) {
                a->style.cluster = CITE_DOT_CLUSTER_BODY;
            } else if (strcmp(optarg, "session") == 0) {
                a->style.cluster = CITE_DOT_CLUSTER_SESSION;
            } else if (strcmp(optarg, "community") == 0) {
                a->style.cluster = CITE_DOT_CLUSTER_COMMUNITY;
            } else {
                cli_error("dot: '--cluster-by' takes body, session or "
                          "community, not '%s'", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_EDGE_LABELS:
            a->style.edge_labels = 1;
            break;
        case OPT_TITLE:
            a->title = optarg;
            break;
        case OPT_NO_LEGEND:
            a->style.legend = 0;
            break;
        case OPT_FORCE:
            a->force = 1;
            break;
        default:
            rc = cli_common_option(co, c, optarg);
            if (rc != CLI_CONTINUE) {
                return rc;
            }
            break;
        }
    }
    if ((a->focus != NULL) + (a->chain != NULL) + a->mainpath > 1) {
        cli_error("dot: '--focus', '--chain' and '--mainpath' exclude one "
                  "another");
        return EXIT_USAGE;
    }
    if (a->depth_given && a->focus == NULL && a->chain == NULL) {
        cli_error("dot: '--depth' needs '--focus' or '--chain'");
        return EXIT_USAGE;
    }
    if (a->format == NULL) {
        a->format = "dot";
        if (a->output != NULL) {
            static const char *const sufs[] = {"svg", "png", "pdf"};
            for (size_t k = 0; k < 3; k++) {
                char suf[8];
                snprintf(suf, sizeof suf, ".%s", sufs[k]);
                if (has_suffix(a->output, suf)) {
                    a->format = sufs[k];
                }
            }
        }
    }
    if (optind >= argc) {
        cli_error("dot: no input; see 'citegraph dot --help'");
        return EXIT_USAGE;
    }
    return CLI_CONTINUE;
}

int
cmd_dot(int argc, char **argv)
{
    struct cli_common co;
    cli_common_init(&co, "dot", help);
    struct dot_args a;
    memset(&a, 0, sizeof a);
    a.size_by = CITE_M__COUNT;
    cite_dot_opts_init(&a.style);
    int rc = parse_args(&a, &co, argc, argv);
    if (rc != CLI_CONTINUE) {
        return rc;
    }
    struct cite_corpus corpus;
    struct cite_graph *g;
    const char *id = a.focus != NULL ? a.focus : a.chain;
    size_t start = 0;
    rc = cli_common_load(&co, argv + optind, argc - optind, &id,
                         id != NULL ? 1 : 0, &start, &corpus, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    size_t n = cite_graph_node_count(g), m = cite_graph_edge_count(g);
    unsigned char *keep = cite_i_xcalloc(n + 1, 1);
    unsigned char *bold = cite_i_xcalloc(m + 1, 1);
    double *values = NULL, *column = NULL;
    size_t *membership = NULL;
    struct cite_dot_edge_info *edges = NULL;
    rc = select_view(&a, g, start, keep, bold);
    char err[256];
    int metric = a.size_by != CITE_M__COUNT ? (int)a.size_by : CITE_M_PAGERANK;
    if (rc == EXIT_OK && (a.top > 0 || a.size_by != CITE_M__COUNT)) {
        values = cite_i_xcalloc(n * CITE_M__COUNT + 1, sizeof *values);
        column = cite_i_xcalloc(n + 1, sizeof *column);
        struct cite_metric_opts mo = {metric == CITE_M_BETWEENNESS, 0, NULL,
                                      NULL, 1u << metric};
        if (cite_graph_metrics_ext(g, &mo, values, err, sizeof err) != 0) {
            cli_error("dot: %s", err);
            rc = EXIT_SYSTEM;
        } else {
            for (size_t i = 0; i < n; i++) {
                column[i] = values[i * CITE_M__COUNT + metric];
            }
            if (a.top > 0) {
                keep_top(g, column, a.top, keep);
            }
        }
    }
    if (rc == EXIT_OK && a.style.cluster == CITE_DOT_CLUSTER_COMMUNITY) {
        size_t ncluster;
        double q;
        membership = cite_i_xcalloc(n + 1, sizeof *membership);
        if (cite_graph_communities(g, membership, &ncluster, &q, err,
                                   sizeof err) != 0) {
            cli_error("dot: %s", err);
            rc = EXIT_SYSTEM;
        }
    }
    if (rc == EXIT_OK && strcmp(a.format, "dot") != 0 && !a.force) {
        size_t kn = 0, km = 0;
        for (size_t i = 0; i < n; i++) {
            kn += keep[i] != 0;
        }
        for (size_t k = 0; k < m; k++) {
            const struct cite_graph_edge *e = cite_graph_edge(g, k);
            km += keep[e->from] && keep[e->to];
        }
        if (kn > LAYOUT_MAX_NODES || km > LAYOUT_MAX_EDGES) {
            cli_error("dot: %zu documents and %zu citations are too many to "
                      "lay out in reasonable time (at most %d and %d); draw "
                      "fewer with '--top N' or '--focus ID', or insist with "
                      "'--force'", kn, km, LAYOUT_MAX_NODES, LAYOUT_MAX_EDGES);
            rc = EXIT_USAGE;
        }
    }
    if (rc == EXIT_OK) {
        cite_render_dot_edges(&edges, g, &corpus);
        a.style.keep = keep;
        a.style.edges = edges;
        a.style.bold_edges = a.mainpath ? bold : NULL;
        a.style.community = membership;
        a.style.focus = id != NULL ? (long)start : -1;
        a.style.title = a.title;
        if (a.size_by != CITE_M__COUNT) {
            a.style.size = column;
            a.style.size_by = cite_metric_name(a.size_by);
        }
        rc = write_drawing(&a, g);
    }
    cite_render_dot_edges_free(edges, m);
    free(membership);
    free(values);
    free(column);
    free(bold);
    free(keep);
    cite_graph_free(g);
    cite_corpus_release(&corpus);
    return rc;
}
