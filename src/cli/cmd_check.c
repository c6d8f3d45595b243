/*
 * cmd_check.c - citegraph check: broken citations, for people and for CI.
 *
 * Findings go to standard output (or -o FILE): they are the command's
 * result.  They are collected first (problems met while reading the inputs
 * and the registry are findings too), then written in one of the formats
 * of src/render/report.c.  For texts read from disk, the text report shows
 * the source line of each finding and a caret under its column.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "core/core_int.h"

static void
help(FILE *out)
{
    fputs("usage: citegraph check [OPTION]... INPUT...\n"
          "\n"
          "Checks every citation of INPUT (YAML from 'extract', or texts):\n"
          "  unresolved-target   the cited document is not known (note; error with\n"
          "                      --closed)\n"
          "  malformed-symbol    the cited id is not a possible UN symbol (error)\n"
          "  date-mismatch       the date given is not the target's adoption date (warning)\n"
          "  later-document      the target was adopted after the citing text (error)\n"
          "  missing-paragraph   a cited paragraph the target does not have (error;\n"
          "                      needs --registry)\n"
          "  self-citation       a text citing its own symbol (warning)\n"
          "  duplicate-document  two texts with one id and one language (error)\n"
          "  language-versions-differ  versions of one text cite different targets (warning)\n"
          "Exit status: 0 no errors, 1 errors found (or warnings, with --strict),\n"
          "2 usage, 3 system error.\n"
          "\n"
          "  -f, --format FMT     text (default), json, sarif, github or junit\n"
          "  -o, --output FILE    write the report to FILE (atomically)\n"
          "      --registry FILE  known documents beyond the corpus (YAML: id, date,\n"
          "                       title, paragraphs)\n"
          "      --closed         the corpus and the registry are all there is:\n"
          "                       an unresolved target is an error\n"
          "      --strict         warnings fail too (exit status 1)\n"
          "      --config FILE    the configuration (default: ./.citegraph.yaml if\n"
          "                       there): severity per rule, ignore-paths,\n"
          "                       ignore-targets\n"
          "      --no-config      do not read ./.citegraph.yaml\n"
          "      --baseline FILE  report only findings not in FILE (see\n"
          "                       --write-baseline); only new errors fail\n"
          "      --write-baseline FILE  write the findings to FILE as a baseline\n"
          "                       (atomically) instead of reporting them; exit 0\n"
          "      --cache DIR      keep what is extracted from each text in DIR,\n"
          "                       by content, and reuse it while the text, the\n"
          "                       version and --lang stay the same\n"
          "      --cache-stats    say how each text was taken from the cache\n"
          "  -l, --lang LANG      language of text inputs (default: detected)\n"
          "  -j, --jobs N         extract texts, and read a YAML file of 4 MB or\n"
          "                       more, on N threads (default: one per processor;\n"
          "                       texts with --cache: one)\n"
          CLI_LIMIT_HELP
          "  -h, --help           this help\n"
          "\n"
          "examples:\n"
          "  citegraph check data/texts\n"
          "  citegraph check --format sarif -o check.sarif data/citations.yaml\n",
          out);
}

enum {
    OPT_REGISTRY = 0x100,
    OPT_CLOSED,
    OPT_STRICT,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_CACHE,
    OPT_CACHE_STATS
};

/* The source files of the docs read from texts: only they can show a
 * source line (a YAML input names files that may not be there). */
struct sources {
    struct cli_pathlist paths; /* owned copies, in corpus order */
};

static int
is_text_input(const char *in)
{
    struct stat st;
    if (strcmp(in, "-") == 0 || stat(in, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) || !cli_is_yaml_path(in);
}

static int
by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Gives each finding in a text source its line, when it has none yet.
 * Files are read whole, one at a time (findings come grouped by file). */
static void
attach_sources(struct cite_report *rep, const struct cli_pathlist *texts)
{
    char *cached = NULL, *buf = NULL;
    size_t len = 0;
    /* the texts, sorted, so that a finding's file is found in log n */
    char **sorted = cite_i_xreallocarray(NULL, texts->n + 1, sizeof *sorted);
    if (texts->n > 0) {
        memcpy(sorted, texts->v, texts->n * sizeof *sorted);
        qsort(sorted, texts->n, sizeof *sorted, by_path);
    }
    for (size_t i = 0; i < rep->n; i++) {
        struct cite_report_item *it = &rep->items[i];
        if (it->source_line != NULL || it->file == NULL || it->line == 0) {
            continue;
        }
        if (bsearch(&it->file, sorted, texts->n, sizeof *sorted, by_path) ==
            NULL) {
            continue;
        }
        if (cached == NULL || strcmp(cached, it->file) != 0) {
            free(cached);
            free(buf);
            cached = cite_i_xstrdup(it->file);
            buf = NULL;
            len = 0;
            FILE *f = fopen(it->file, "rb");
            if (f != NULL) {
                struct cite_i_buf b = CITE_I_BUF_INIT;
                char chunk[8192];
                size_t got;
                while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
                    cite_i_buf_add(&b, chunk, got);
                }
                fclose(f);
                buf = b.ptr;
                len = b.len;
            }
        }
        if (buf == NULL) {
            continue;
        }
        size_t line = 1, at = 0;
        while (line < it->line && at < len) {
            const char *nl = memchr(buf + at, '\n', len - at);
            if (nl == NULL) {
                at = len;
                break;
            }
            at = (size_t)(nl - buf) + 1;
            line++;
        }
        if (line != it->line || at >= len) {
            continue;
        }
        const char *nl = memchr(buf + at, '\n', len - at);
        size_t end = nl != NULL ? (size_t)(nl - buf) : len;
        if (end > at && buf[end - 1] == '\r') {
            end--;
        }
        cite_report_set_source(it, buf + at, end - at);
    }
    free(sorted);
    free(cached);
    free(buf);
}

/* Reads the registry; EXIT_OK, EXIT_FINDINGS (a syntax error, reported), or
 * EXIT_SYSTEM (unreadable). */
static int
load_registry(struct cite_check_registry *reg, const char *path,
              const struct cite_diag_sink *sink)
{
    FILE *f = cli_fopen_read(path);
    if (f == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    int rc = cite_yaml_read_registry(reg, f, path, sink);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        cli_error("%s: error reading", path);
        return EXIT_SYSTEM;
    }
    return rc == 0 ? EXIT_OK : EXIT_FINDINGS;
}

/* ---- configuration and baseline -------------------------------------- */

/* Reads the configuration: path, or ./.citegraph.yaml when path is NULL
 * (absent: no configuration).  EXIT_OK, EXIT_FINDINGS (a syntax error,
 * reported), or EXIT_SYSTEM. */
static int
load_config(struct cite_check_config *cfg, const char *path,
            const struct cite_diag_sink *sink)
{
    const char *p = path != NULL ? path : ".citegraph.yaml";
    FILE *f = cli_fopen_read(p);
    if (f == NULL) {
        if (path == NULL && errno == ENOENT) {
            return EXIT_OK;
        }
        cli_error("%s: %s", p, strerror(errno));
        return EXIT_SYSTEM;
    }
    int rc = cite_yaml_read_config(cfg, f, p, sink);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        cli_error("%s: error reading", p);
        return EXIT_SYSTEM;
    }
    return rc == 0 ? EXIT_OK : EXIT_FINDINGS;
}

/* The target of a finding of a citation rule: its first quoted id (owned),
 * or NULL. */
static char *
finding_target(const struct cite_report_item *it)
{
    if (!cite_check_is_citation_rule(it->code) || it->message == NULL) {
        return NULL;
    }
    const char *a = strchr(it->message, '\'');
    const char *b = a != NULL ? strchr(a + 1, '\'') : NULL;
    return b != NULL ? cite_i_xstrndup(a + 1, (size_t)(b - a - 1)) : NULL;
}

static void
add_escaped(struct cite_i_buf *b, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        switch (*s) {
        case '\\':
            cite_i_buf_adds(b, "\\\\");
            break;
        case '\t':
            cite_i_buf_adds(b, "\\t");
            break;
        case '\n':
            cite_i_buf_adds(b, "\\n");
            break;
        case '\r':
            cite_i_buf_adds(b, "\\r");
            break;
        default:
            cite_i_buf_addc(b, *s);
            break;
        }
    }
}

/* The baseline line of a finding (owned): FILE TAB RULE TAB TARGET-OR-MESSAGE,
 * escaped; no line or column, so that edits elsewhere keep it valid. */
static char *
baseline_key(const struct cite_report_item *it)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    char *target = finding_target(it);
    add_escaped(&b, it->file);
    cite_i_buf_addc(&b, '\t');
    cite_i_buf_adds(&b, cite_diag_slug(it->code));
    cite_i_buf_addc(&b, '\t');
    add_escaped(&b, target != NULL ? target : it->message);
    free(target);
    return b.ptr;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A baseline: its lines, sorted; used[i] once line i matched a finding. */
struct baseline {
    char **lines;
    unsigned char *used;
    size_t n;
};

static int
load_baseline(struct baseline *bl, const char *path)
{
    FILE *f = cli_fopen_read(path);
    if (f == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_SYSTEM;
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        cite_i_buf_add(&b, chunk, got);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        cite_i_buf_release(&b);
        cli_error("%s: error reading", path);
        return EXIT_SYSTEM;
    }
    size_t cap = 0;
    for (size_t at = 0; at < b.len;) {
        const char *nl = memchr(b.ptr + at, '\n', b.len - at);
        size_t end = nl != NULL ? (size_t)(nl - b.ptr) : b.len;
        size_t e = end;
        if (e > at && b.ptr[e - 1] == '\r') {
            e--;
        }
        if (e > at && b.ptr[at] != '#') {
            if (bl->n == cap) {
                cap = cap ? 2 * cap : 64;
                bl->lines = cite_i_xreallocarray(bl->lines, cap,
                                                 sizeof *bl->lines);
            }
            bl->lines[bl->n++] = cite_i_xstrndup(b.ptr + at, e - at);
        }
        at = end + 1;
    }
    cite_i_buf_release(&b);
    if (bl->n > 0) {
        qsort(bl->lines, bl->n, sizeof *bl->lines, cmp_str);
        bl->used = calloc(bl->n, 1);
        if (bl->used == NULL) {
            cli_error("out of memory");
            return EXIT_SYSTEM;
        }
    }
    return EXIT_OK;
}

/* 1 when key is in bl and not yet used up (it is then used). */
static int
baseline_take(struct baseline *bl, const char *key)
{
    size_t lo = 0, hi = bl->n;
    while (lo < hi) { /* the first line >= key */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(bl->lines[mid], key) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (; lo < bl->n && strcmp(bl->lines[lo], key) == 0; lo++) {
        if (!bl->used[lo]) {
            bl->used[lo] = 1;
            return 1;
        }
    }
    return 0;
}

static void
baseline_release(struct baseline *bl)
{
    for (size_t i = 0; i < bl->n; i++) {
        free(bl->lines[i]);
    }
    free(bl->lines);
    free(bl->used);
}

/* The sink of the inputs and the rules: findings of a rule the
 * configuration turns off are dropped at once rather than collected (there
 * may be one per citation), the rest collected into the report. */
struct collect {
    const struct cite_check_config *cfg;
    struct cite_report *rep;
};

static void
collect(void *ctx, const struct cite_diag *d)
{
    struct collect *c = ctx;
    if (c->cfg->severity[d->code] != CITE_CHECK_SEV_OFF) {
        cite_report_collect(c->rep, d);
    }
}

/* Applies the configuration and the baseline (may be NULL) to rep: drops
 * what they drop, changes severities, counts again. */
static void
filter_findings(struct cite_report *rep, const struct cite_check_config *cfg,
                struct baseline *bl)
{
    size_t kept = 0;
    rep->by_sev[0] = rep->by_sev[1] = rep->by_sev[2] = 0;
    for (size_t i = 0; i < rep->n; i++) {
        struct cite_report_item *it = &rep->items[i];
        int sev = cfg->severity[it->code];
        int drop = sev == CITE_CHECK_SEV_OFF ||
                   cite_check_config_ignores_path(cfg, it->file);
        if (!drop && cfg->n_ignore_targets > 0) {
            char *target = finding_target(it);
            drop = cite_check_config_ignores_target(cfg, target);
            free(target);
        }
        if (!drop && bl != NULL) {
            char *key = baseline_key(it);
            drop = baseline_take(bl, key);
            free(key);
        }
        if (drop) {
            free(it->file);
            free(it->message);
            free(it->source_line);
            continue;
        }
        if (sev != CITE_CHECK_SEV_DEFAULT) {
            it->severity = (enum cite_severity)sev;
        }
        rep->by_sev[it->severity]++;
        rep->items[kept++] = *it;
    }
    rep->n = kept;
}

/* Writes the findings of rep as a baseline to path, atomically. */
static int
write_baseline(const struct cite_report *rep, const char *path)
{
    char **keys = cite_i_xreallocarray(NULL, rep->n + 1, sizeof *keys);
    for (size_t i = 0; i < rep->n; i++) {
        keys[i] = baseline_key(&rep->items[i]);
    }
    qsort(keys, rep->n, sizeof *keys, cmp_str);
    struct cli_output out;
    int rc = EXIT_OK;
    if (cli_output_open(&out, path) != 0) {
        rc = EXIT_SYSTEM;
    } else {
        int ok = fputs("# citegraph check baseline: file, rule, target or "
                       "message (tab-separated, sorted)\n",
                       out.fp) >= 0;
        for (size_t i = 0; i < rep->n && ok; i++) {
            ok = fputs(keys[i], out.fp) >= 0 && putc('\n', out.fp) != EOF;
        }
        if (!ok) {
            cli_output_failed(&out, errno);
        }
        if (cli_output_close(&out, ok) != 0 || !ok) {
            rc = EXIT_SYSTEM;
        }
    }
    for (size_t i = 0; i < rep->n; i++) {
        free(keys[i]);
    }
    free(keys);
    return rc;
}

int
cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"registry", required_argument, NULL, OPT_REGISTRY},
        {"closed", no_argument, NULL, OPT_CLOSED},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"no-config", no_argument, NULL, OPT_NO_CONFIG},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"cache", required_argument, NULL, OPT_CACHE},
        {"cache-stats", no_argument, NULL, OPT_CACHE_STATS},
        {"lang", required_argument, NULL, 'l'},
        {"jobs", required_argument, NULL, 'j'},
        {"limit", required_argument, NULL, CLI_OPT_LIMIT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const char *const formats[] = {"text", "json", "sarif", "github",
                                          "junit", NULL};
    enum cite_lang lang = CITE_LANG_UNKNOWN;
    const char *output = NULL, *registry = NULL, *config = NULL;
    const char *baseline = NULL, *write_to = NULL, *cache = NULL;
    int cache_stats = 0;
    struct cite_check_options copts = {0, NULL, NULL};
    unsigned char off[CITE_D__COUNT] = {0};
    int format = 0, strict = 0, no_config = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:l:j:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (cli_choice("check", optarg, formats, &format) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'o':
            output = optarg;
            break;
        case OPT_REGISTRY:
            registry = optarg;
            break;
        case OPT_CLOSED:
            copts.closed = 1;
            break;
        case OPT_STRICT:
            strict = 1;
            break;
        case OPT_CONFIG:
            config = optarg;
            break;
        case OPT_NO_CONFIG:
            no_config = 1;
            break;
        case OPT_BASELINE:
            baseline = optarg;
            break;
        case OPT_WRITE_BASELINE:
            write_to = optarg;
            break;
        case OPT_CACHE:
            if (*optarg == '\0') {
                cli_error("check: '--cache' takes a directory");
                return EXIT_USAGE;
            }
            cache = optarg;
            break;
        case OPT_CACHE_STATS:
            cache_stats = 1;
            break;
        case 'l':
            if (cli_parse_lang(optarg, &lang) != 0) {
                return EXIT_USAGE;
            }
            break;
        case 'j':
            if (cli_set_jobs("check", optarg) != 0) {
                return EXIT_USAGE;
            }
            break;
        case CLI_OPT_LIMIT:
            if (cli_parse_limit("check", optarg) != 0) {
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
    if (baseline != NULL && write_to != NULL) {
        cli_error("check: --baseline and --write-baseline do not go together");
        return EXIT_USAGE;
    }
    if (cache_stats && cache == NULL) {
        cli_error("check: '--cache-stats' needs '--cache DIR'");
        return EXIT_USAGE;
    }
    if (config != NULL && no_config) {
        cli_error("check: --config and --no-config do not go together");
        return EXIT_USAGE;
    }

    struct cite_report rep;
    cite_report_init(&rep);
    struct cite_check_config cfg;
    cite_check_config_init(&cfg);
    struct collect col = {&cfg, &rep};
    struct cite_diag_sink sink = {collect, &col};
    struct cite_check_registry reg;
    cite_check_registry_init(&reg);
    struct cite_corpus corpus;
    cite_corpus_init(&corpus);
    struct cli_pathlist texts = {NULL, 0, 0};
    struct baseline bl = {NULL, NULL, 0};
    int rc = EXIT_OK;
    if (!no_config) {
        rc = load_config(&cfg, config, &sink);
    }
    if (baseline != NULL && rc != EXIT_SYSTEM) {
        rc = load_baseline(&bl, baseline) == EXIT_OK ? rc : EXIT_SYSTEM;
    }
    if (registry != NULL && rc != EXIT_SYSTEM) {
        int r = load_registry(&reg, registry, &sink);
        rc = r > rc ? r : rc;
        copts.registry = &reg;
    }
    cli_cache_open(cache, cache_stats);
    /* one input at a time, to know which docs came from texts */
    for (int i = optind; i < argc && rc != EXIT_SYSTEM; i++) {
        size_t before = corpus.n;
        int r = cli_load_inputs(&corpus, argv + i, 1, lang, &sink);
        rc = r > rc ? r : rc;
        if (is_text_input(argv[i])) {
            for (size_t k = before; k < corpus.n; k++) {
                cli_pathlist_add(&texts, cite_i_xstrdup(corpus.docs[k].source));
            }
        }
    }
    cli_cache_finish();
    if (rc != EXIT_SYSTEM) {
        for (int k = 0; k < CITE_D__COUNT; k++) {
            off[k] = cfg.severity[k] == CITE_CHECK_SEV_OFF;
        }
        copts.off = off;
        cite_check_run(&corpus, &copts, &sink, NULL);
        filter_findings(&rep, &cfg, baseline != NULL ? &bl : NULL);
        /* problems met reading the inputs are findings: whether they fail
         * is decided below, after the configuration and the baseline */
        rc = EXIT_OK;
    }
    if (rc != EXIT_SYSTEM && write_to != NULL) {
        rc = write_baseline(&rep, write_to);
    } else if (rc != EXIT_SYSTEM) {
        if (format == CITE_REPORT_TEXT) {
            attach_sources(&rep, &texts);
        }
        const char **files = cite_i_xreallocarray(NULL, corpus.n + 1,
                                                  sizeof *files);
        for (size_t k = 0; k < corpus.n; k++) {
            files[k] = corpus.docs[k].source;
        }
        struct cite_report_opts ro = {(enum cite_report_format)format, strict,
                                      files, corpus.n};
        struct cli_output out;
        if (cli_output_open(&out, output) != 0) {
            rc = EXIT_SYSTEM;
        } else {
            int ok = cite_render_report(out.fp, &rep, &ro) == 0;
            if (!ok) {
                cli_output_failed(&out, errno);
            }
            if (cli_output_close(&out, ok) != 0 || !ok) {
                rc = EXIT_SYSTEM;
            }
        }
        free(files);
    }
    if (rc != EXIT_SYSTEM && write_to == NULL &&
        (rep.by_sev[CITE_SEV_ERROR] > 0 ||
         (strict && rep.by_sev[CITE_SEV_WARNING] > 0))) {
        rc = EXIT_FINDINGS;
    }
    for (size_t k = 0; k < texts.n; k++) {
        free(texts.v[k]);
    }
    free(texts.v);
    cite_corpus_release(&corpus);
    cite_check_registry_release(&reg);
    cite_check_config_release(&cfg);
    baseline_release(&bl);
    cite_report_release(&rep);
    return rc;
}
