/*
 * cmd_chain.c - citegraph chain: the chain of precedent of one document
 * (what it cites, what those cite, and so on), or with --forward the
 * documents that build on it.
 *
 * The library gives the documents breadth first, each once, with the
 * document through which it was first reached; the tree form hangs each
 * under that one, so a document cited along several routes appears once,
 * at its shortest distance, and the tree never repeats a subtree.
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
    fputs("usage: citegraph chain ID [--depth N] [--forward] [--format FMT]\n"
          "                      [FILTERS] INPUT...\n"
          "\n"
          "Follows the citations of document ID through the network of INPUT:\n"
          "the documents it cites, those they cite, and so on (with --forward:\n"
          "the documents citing it, those citing them, ...).  Each document is\n"
          "listed once, at its shortest distance, under the document through\n"
          "which it was first reached.  An ID that is not in the network is an\n"
          "error (exit status 1).\n"
          "\n"
          "  -d, --depth N        at most N steps (default: no limit)\n"
          "      --forward        follow 'is cited by' instead of 'cites'\n"
          "  -f, --format FMT     tree (default): an indented tree with dates and\n"
          "                       short titles; csv or json: rows of id, depth\n"
          "                       (1 for a direct citation) and via (the document\n"
          "                       through which it was reached)\n"
          CLI_COMMON_HELP
          "\n"
          "example:\n"
          "  citegraph chain A/HRC/RES/21/21 data/citations.yaml\n"
          "  citegraph chain --forward --format csv A/HRC/RES/5/1 data/citations.yaml\n",
          out);
}

enum format { FMT_TREE, FMT_CSV, FMT_JSON };
static const char *const formats[] = {"tree", "csv", "json", NULL};


/* Titles in the tree are cut to this many columns. */
#define TITLE_WIDTH 48

/* The first TITLE_WIDTH columns of title, with "..." when cut. */
static void
short_title(struct cite_i_buf *b, const char *title)
{
    const unsigned char *s = (const unsigned char *)title;
    size_t n = strlen(title), end = 0;
    struct cite_i_buf part = CITE_I_BUF_INIT;
    while (end < n) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + end, n - end, &cp);
        cite_i_buf_reset(&part);
        cite_i_buf_add(&part, title, end + len);
        if (cite_i_terminal_width(part.ptr) > TITLE_WIDTH - 3) {
            break;
        }
        end += len;
    }
    cite_i_buf_reset(&part);
    cite_i_buf_add(&part, title, end);
    if (end < n && cite_i_terminal_width(title) > TITLE_WIDTH) {
        cite_i_terminal_text(b, part.ptr);
        cite_i_buf_adds(b, "...");
    } else {
        cite_i_terminal_text(b, title);
    }
    cite_i_buf_release(&part);
}

static void
label(struct cite_i_buf *b, const struct cite_graph_node *node)
{
    cite_i_terminal_text(b, node->id);
    if (node->date != NULL && node->date[0] != '\0') {
        cite_i_buf_adds(b, "  ");
        cite_i_terminal_text(b, node->date);
    }
    if (node->title != NULL && node->title[0] != '\0') {
        cite_i_buf_adds(b, "  ");
        short_title(b, node->title);
    }
    cite_i_buf_addc(b, '\n');
}

/*
 * The tree, depth first without recursion (a chain may be as deep as the
 * network is large): first[] and next[] link each node to the entries
 * reached through it, in the library's order; stack[d] is the next entry
 * to print at depth d + 1; prefix holds the rails of the levels above.
 */
static void
tree(struct cite_i_buf *out, const struct cite_graph *g, size_t start,
     const struct cite_chain_entry *e, size_t n)
{
    size_t nodes = cite_graph_node_count(g);
    size_t *first = cite_i_xreallocarray(NULL, nodes, sizeof *first);
    size_t *last = cite_i_xreallocarray(NULL, nodes, sizeof *last);
    size_t *next = cite_i_xreallocarray(NULL, n + 1, sizeof *next);
    size_t *stack = cite_i_xreallocarray(NULL, n + 1, sizeof *stack);
    for (size_t i = 0; i < nodes; i++) {
        first[i] = last[i] = n;
    }
    for (size_t k = 0; k < n; k++) {
        size_t via = (size_t)e[k].via;
        next[k] = n;
        if (last[via] == n) {
            first[via] = k;
        } else {
            next[last[via]] = k;
        }
        last[via] = k;
    }
    struct cite_i_buf prefix = CITE_I_BUF_INIT;
    cite_i_buf_adds(&prefix, "");
    label(out, cite_graph_node(g, start));
    size_t top = 0;
    stack[0] = first[start];
    for (;;) {
        size_t k = stack[top];
        if (k == n) {
            if (top == 0) {
                break;
            }
            top--;
            prefix.len -= 4;
            prefix.ptr[prefix.len] = '\0';
            continue;
        }
        int is_last = next[k] == n;
        cite_i_buf_add(out, prefix.ptr, prefix.len);
        cite_i_buf_adds(out, is_last ? "`-- " : "|-- ");
        label(out, cite_graph_node(g, e[k].node));
        stack[top] = next[k];
        cite_i_buf_adds(&prefix, is_last ? "    " : "|   ");
        stack[++top] = first[e[k].node];
    }
    cite_i_buf_release(&prefix);
    free(first);
    free(last);
    free(next);
    free(stack);
}

static void
rows(struct cite_i_buf *out, const struct cite_graph *g,
     const struct cite_chain_entry *e, size_t n, enum format fmt)
{
    if (fmt == FMT_CSV) {
        cite_i_buf_adds(out, "id,depth,via\n");
        for (size_t k = 0; k < n; k++) {
            cite_i_csv_field(out, cite_graph_node(g, e[k].node)->id);
            cite_i_buf_addf(out, ",%d,", e[k].depth);
            cite_i_csv_field(out, cite_graph_node(g, (size_t)e[k].via)->id);
            cite_i_buf_addc(out, '\n');
        }
        return;
    }
    if (n == 0) {
        cite_i_buf_adds(out, "[]\n");
        return;
    }
    cite_i_buf_adds(out, "[\n");
    for (size_t k = 0; k < n; k++) {
        cite_i_buf_adds(out, "  {\"id\": ");
        cite_i_json_string(out, cite_graph_node(g, e[k].node)->id);
        cite_i_buf_addf(out, ", \"depth\": %d, \"via\": ", e[k].depth);
        cite_i_json_string(out, cite_graph_node(g, (size_t)e[k].via)->id);
        cite_i_buf_adds(out, k + 1 < n ? "},\n" : "}\n");
    }
    cite_i_buf_adds(out, "]\n");
}

enum { OPT_FORWARD = 0x200 };

int
cmd_chain(int argc, char **argv)
{
    static const struct option opts[] = {
        {"depth", required_argument, NULL, 'd'},
        {"forward", no_argument, NULL, OPT_FORWARD},
        {"format", required_argument, NULL, 'f'},
        CLI_COMMON_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cli_common co;
    cli_common_init(&co, "chain", help);
    long depth = -1;
    int forward = 0;
    enum format fmt = FMT_TREE;
    int fmt_index;
    int c, rc;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:f:" CLI_COMMON_SHORT, opts,
                            NULL)) != -1) {
        switch (c) {
        case 'd':
            if (cli_parse_count(&co, "depth", optarg, 0, 1000000, &depth) != 0) {
                return EXIT_USAGE;
            }
            break;
        case OPT_FORWARD:
            forward = 1;
            break;
        case 'f':
            if (cli_choice("chain", optarg, formats, &fmt_index) != 0) {
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
        cli_error("chain: %s; see 'citegraph chain --help'",
                  optind >= argc ? "no document id and no input" : "no input");
        return EXIT_USAGE;
    }
    const char *id = argv[optind];
    struct cite_graph *g;
    size_t start;
    rc = cli_common_load(&co, argv + optind + 1, argc - optind - 1, &id, 1,
                         &start, NULL, &g);
    if (rc != EXIT_OK) {
        return rc;
    }
    struct cite_chain_entry *e = NULL;
    size_t n = 0;
    if (cite_graph_chain(g, start, (int)depth, forward, &e, &n) != 0) {
        cli_error("chain: cannot follow the citations of '%s'", id);
        rc = EXIT_SYSTEM;
    } else {
        struct cite_i_buf out = CITE_I_BUF_INIT;
        if (fmt == FMT_TREE) {
            tree(&out, g, start, e, n);
        } else {
            rows(&out, g, e, n, fmt);
        }
        if (cite_i_emit(stdout, &out) != 0) {
            cli_stdout_failed(errno);
            rc = EXIT_SYSTEM;
        }
    }
    free(e);
    cite_graph_free(g);
    return rc;
}
