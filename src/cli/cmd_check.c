/*
 * cmd_check.c - citegraph check: broken citations, for people and for CI.
 *
 * Findings go to standard output (they are the command's result), one per
 * line as file:line:col: severity: message [slug], or as a JSON array.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph check [--format text|json] INPUT...\n"
          "\n"
          "Checks every citation of INPUT (YAML from 'extract', or texts):\n"
          "  unresolved-target   the cited document is not in the corpus (note)\n"
          "  malformed-symbol    the cited id is not a possible UN symbol (error)\n"
          "  date-mismatch       the date given is not the target's adoption date (warning)\n"
          "  later-document      the target was adopted after the citing text (error)\n"
          "  self-citation       a text citing its own symbol (warning)\n"
          "  duplicate-document  two texts with one id and one language (error)\n"
          "  language-versions-differ  versions of one text cite different targets (warning)\n"
          "Exit status: 0 no errors, 1 errors found, 2 usage, 3 system error.\n"
          "\n"
          "  -f, --format FMT   text (default) or json\n"
          "  -l, --lang LANG    language of text inputs (default: detected)\n"
          "  -h, --help         this help\n"
          "\n"
          "example:\n"
          "  citegraph check data/texts\n",
          out);
}

struct report {
    int json;
    size_t count;
    size_t by_sev[3];
};

static void
json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", stdout);
            break;
        case '\\':
            fputs("\\\\", stdout);
            break;
        case '\n':
            fputs("\\n", stdout);
            break;
        case '\t':
            fputs("\\t", stdout);
            break;
        default:
            if (*p < 0x20) {
                printf("\\u%04x", *p);
            } else {
                putchar(*p);
            }
        }
    }
    putchar('"');
}

static void
finding(void *ctx, const struct cite_diag *d)
{
    struct report *r = ctx;
    r->by_sev[d->severity]++;
    if (r->json) {
        fputs(r->count == 0 ? "[\n  {" : ",\n  {", stdout);
        fputs("\"file\": ", stdout);
        json_string(d->file ? d->file : "");
        printf(", \"line\": %zu, \"column\": %zu, \"severity\": \"%s\", "
               "\"rule\": \"%s\", \"message\": ",
               d->line, d->column, cite_severity_name(d->severity),
               cite_diag_slug(d->code));
        json_string(d->message);
        putchar('}');
    } else {
        printf("%s:%zu:%zu: %s: %s [%s]\n", d->file ? d->file : "-", d->line,
               d->column, cite_severity_name(d->severity), d->message,
               cite_diag_slug(d->code));
    }
    r->count++;
}

int
cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct report rep = {0, 0, {0, 0, 0}};
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "text") == 0) {
                rep.json = 0;
            } else if (strcmp(optarg, "json") == 0) {
                rep.json = 1;
            } else {
                cli_error("check: '%s' is not a format (text, json)", optarg);
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
        cli_error("check: no input; see 'citegraph check --help'");
        return EXIT_USAGE;
    }
    /* problems met while reading the inputs are findings too */
    struct cite_diag_sink sink = {finding, &rep};
    struct cite_corpus corpus;
    cite_corpus_init(&corpus);
    int rc = cli_load_inputs(&corpus, argv + optind, argc - optind, lang, &sink);
    if (rc == EXIT_SYSTEM) {
        cite_corpus_release(&corpus);
        return rc;
    }
    cite_check_run(&corpus, NULL, &sink, NULL);
    if (rep.json) {
        fputs(rep.count == 0 ? "[]\n" : "\n]\n", stdout);
    }
    cite_corpus_release(&corpus);
    return rep.by_sev[CITE_SEV_ERROR] > 0 || rc == EXIT_FINDINGS ? EXIT_FINDINGS
                                                                  : EXIT_OK;
}
