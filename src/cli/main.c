/*
 * main.c - the citegraph program: a table of subcommands.
 *
 * Only src/cli/ prints or exits.  Exit status: 0 ok, 1 findings or errors in
 * the input, 2 usage, 3 system (I/O, out of memory).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "core/core_int.h"

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "find the citations in texts and write them as YAML"},
    {"rank", cmd_rank, "centrality figures of the citation network"},
    {"dot", cmd_dot, "the citation network as a Graphviz DOT diagram"},
    {"chain", cmd_chain, "the chain of precedent of a document"},
    {"path", cmd_path, "the shortest citation paths from one document to another"},
    {"mainpath", cmd_mainpath, "the main path of the network (search path count)"},
    {"similar", cmd_similar, "documents close to one by co-citation and coupling"},
    {"communities", cmd_communities, "clusters of documents that cite one another"},
    {"export", cmd_export, "the network as GraphML, GML, JSON or CSV"},
    {"check", cmd_check, "report broken citations (a CI gate)"},
};

static void
usage(FILE *out)
{
    fprintf(out, "usage: citegraph <command> [options] INPUT...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\n'citegraph <command> --help' describes a command.\n"
                 "exit status: 0 ok, 1 findings, 2 usage, 3 system error\n");
}

static void
out_of_memory(void)
{
    fputs("citegraph: out of memory\n", stderr);
    exit(EXIT_SYSTEM);
}

/* A full disk or a closed pipe must not pass for success. */
static int
close_stdout(int rc)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        cli_stdout_failed(errno);
        return EXIT_SYSTEM;
    }
    return rc;
}

/*
 * Started with 0, 1 or 2 closed (`>&-`), the first file opened would take
 * that number: an output file would receive what is printed to stdout.
 * Each closed one is held by /dev/null opened read-only, so that writing
 * to it fails (EBADF) and is reported, as a closed stdout must be.
 */
static void
hold_standard_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
            int n = open("/dev/null", O_RDONLY);
            if (n >= 0 && n != fd) {
                dup2(n, fd);
                close(n);
            }
        }
    }
}

int
main(int argc, char **argv)
{
    cite_i_set_oom_handler(out_of_memory);
    hold_standard_fds();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        usage(stdout);
        return close_stdout(EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("citegraph %s\n", CITE_VERSION);
        return close_stdout(EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(cmd, commands[i].name) == 0) {
            return close_stdout(commands[i].fn(argc - 1, argv + 1));
        }
    }
    cli_error("'%s' is not a command; see 'citegraph --help'", cmd);
    return EXIT_USAGE;
}
