/*
 * cmd_export.c - citegraph export: the network, with every attribute, in
 * the formats other network tools read (GraphML, GML, JSON, CSV).
 *
 * CSV is two tables, nodes and edges, so it needs two files: with
 * -o PREFIX it writes PREFIX.nodes.csv and PREFIX.edges.csv (a ".csv" at
 * the end of PREFIX is dropped first), each atomically, and neither is put
 * in place unless both were written completely.  Without -o, CSV is a
 * usage error rather than two tables glued together on stdout.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/core_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph export [--format FMT] [-o FILE] [FILTERS] INPUT...\n"
          "\n"
          "Writes the citation network of INPUT with every attribute: for each\n"
          "node id, body, type, date, year, session, title, langs (languages of\n"
          "the corpus versions) and in_corpus; for each edge the citing and cited\n"
          "ids and weight (mentions).  Unknown values are left out (GraphML,\n"
          "GML), null (JSON) or empty (CSV).\n"
          "\n"
          "  -f, --format FMT     graphml (default; Gephi, Cytoscape, yEd,\n"
          "                       NetworkX, igraph), gml (igraph, Pajek-era\n"
          "                       tools; node ids are numbers, the document id is\n"
          "                       the label), json ({\"nodes\": [...], \"edges\":\n"
          "                       [...]}) or csv (needs -o, see below)\n"
          "  -o, --output FILE    write to FILE (atomically) instead of standard\n"
          "                       output; with csv, FILE is a prefix: PREFIX.nodes.csv\n"
          "                       and PREFIX.edges.csv (a final .csv is dropped)\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph export --format graphml -o citations.graphml data/citations.yaml\n"
          "  citegraph export --format csv -o citations data/citations.yaml\n",
          out);
}

enum format { FMT_GRAPHML, FMT_GML, FMT_JSON, FMT_CSV };
static const char *const formats[] = {"graphml", "gml", "json", "csv", NULL};


/* Writes g in fmt to path (NULL or "-": stdout), atomically. */
static int
write_one(const char *path, const struct cite_graph *g,
          enum cite_export_format fmt)
{
    struct cli_output out;
    if (cli_output_open(&out, path) != 0) {
        return EXIT_SYSTEM;
    }
    int ok = cite_render_export(out.fp, g, fmt) == 0;
    if (!ok) {
        cli_output_failed(&out, errno);
    }
    if (cli_output_close(&out, ok) != 0 || !ok) {
        return EXIT_SYSTEM;
    }
    return EXIT_OK;
}

static int
write_csv(const char *prefix, const struct cite_graph *g)
{
    size_t len = strlen(prefix);
    if (len > 4 && strcmp(prefix + len - 4, ".csv") == 0) {
        len -= 4;
    }
    struct cite_i_buf nodes = CITE_I_BUF_INIT, edges = CITE_I_BUF_INIT;
    cite_i_buf_add(&nodes, prefix, len);
    cite_i_buf_adds(&nodes, ".nodes.csv");
    cite_i_buf_add(&edges, prefix, len);
    cite_i_buf_adds(&edges, ".edges.csv");
    int rc = EXIT_SYSTEM;
    struct cli_output on, oe;
    if (cli_output_open(&oe, edges.ptr) == 0) {
        if (cli_output_open(&on, nodes.ptr) == 0) {
            /* both flushed before either is put in place, so that a full
             * disk leaves both old files; then the edges first: if they
             * cannot be renamed, the nodes are not either */
            int ok = cite_render_export(oe.fp, g, CITE_EXPORT_CSV_EDGES) == 0 &&
                     cite_render_export(on.fp, g, CITE_EXPORT_CSV_NODES) == 0 &&
                     fflush(oe.fp) == 0 && fflush(on.fp) == 0;
            if (cli_output_close(&oe, ok) == 0 && ok) {
                rc = cli_output_close(&on, 1) == 0 ? EXIT_OK : EXIT_SYSTEM;
            } else {
                cli_output_close(&on, 0);
            }
        } else {
            cli_output_close(&oe, 0);
        }
    }
    cite_i_buf_release(&nodes);
    cite_i_buf_release(&edges);
    return rc;
}

int
cmd_export(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "export", help);
    const char *output = NULL;
    enum format fmt = FMT_GRAPHML;
    int fmt_index;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'f':
            if (cli_choice("export", optarg, formats, &fmt_index) != 0) {
                return EXIT_USAGE;
            }
            fmt = (enum format)fmt_index;
            break;
        case 'o':
            output = optarg;
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
        cli_error("export: no input; see 'citegraph export --help'");
        return EXIT_USAGE;
    }
    if (fmt == FMT_CSV && (output == NULL || strcmp(output, "-") == 0)) {
        cli_error("export: '--format csv' writes two files and needs "
                  "'-o PREFIX' (PREFIX.nodes.csv, PREFIX.edges.csv)");
        return EXIT_USAGE;
    }
    struct cite_graph *g;
    rc = cli_common_load(&co, argv + optind, argc - optind, NULL, 0, NULL,
                         NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    switch (fmt) {
    case FMT_GRAPHML:
        rc = write_one(output, g, CITE_EXPORT_GRAPHML);
        break;
    case FMT_GML:
        rc = write_one(output, g, CITE_EXPORT_GML);
        break;
    case FMT_JSON:
        rc = write_one(output, g, CITE_EXPORT_JSON);
        break;
    case FMT_CSV:
        rc = write_csv(output, g);
        break;
    }
    cite_graph_free(g);
    return rc;
}
