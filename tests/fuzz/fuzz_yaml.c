/*
 * fuzz_yaml.c - libFuzzer target for the YAML readers.
 *
 * Input: one control byte, then the YAML.  control % 4 picks the reader:
 * 0 and 3 the corpus reader (3 also runs the rules of `check` over what
 * was read and writes every report format), 1 the registry reader, 2 the
 * reader of .citegraph.yaml.  Besides not crashing, the docs the corpus
 * reader accepts must survive a round trip: written, read back without a
 * single diagnostic, and written again, they give the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "oracle.h"
#include "yamlio/yaml_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(const struct cite_corpus *a)
{
    size_t len1 = 0, len2 = 0;
    char *y1 = fuzz_yaml_of(a->docs, a->n, &len1);
    struct cite_corpus b;
    cite_corpus_init(&b);
    struct cite_diag_sink strict = {fuzz_no_diag_on_yaml, y1};
    int rc = cite_yaml_read_mem(&b, y1, len1, "again.yaml", &strict);
    FUZZ_CHECK(rc == 0 && b.n == a->n, "reading our YAML gave %d, %zu docs of %zu",
               rc, b.n, a->n);
    char *y2 = fuzz_yaml_of(b.docs, b.n, &len2);
    FUZZ_CHECK(len1 == len2 && memcmp(y1, y2, len1) == 0,
               "YAML round trip differs:\n%s\n---- read back and written:\n%s",
               y1, y2);
    free(y1);
    free(y2);
    cite_corpus_release(&b);
}

static void
fuzz_count_diag(void *ctx, const struct cite_diag *d)
{
    (void)d;
    (*(size_t *)ctx)++;
}

static int
take_doc(void *ctx, struct cite_doc *doc, size_t consumed)
{
    (void)consumed;
    *cite_corpus_add(ctx) = *doc;
    return 0;
}

/* The same docs, in the same order, from the same lines. */
static void
same_docs(const struct cite_corpus *a, const struct cite_corpus *b,
          const char *what)
{
    FUZZ_CHECK(a->n == b->n, "%s: %zu docs against %zu", what, a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        FUZZ_CHECK(a->docs[i].source_line == b->docs[i].source_line,
                   "%s: doc %zu at line %zu against %zu", what, i,
                   a->docs[i].source_line, b->docs[i].source_line);
    }
    size_t la = 0, lb = 0;
    char *ya = a->n > 0 ? fuzz_yaml_of(a->docs, a->n, &la) : NULL;
    char *yb = b->n > 0 ? fuzz_yaml_of(b->docs, b->n, &lb) : NULL;
    FUZZ_CHECK(la == lb && (la == 0 || memcmp(ya, yb, la) == 0),
               "%s: the docs differ:\n%s\n----\n%s", what, ya ? ya : "",
               yb ? yb : "");
    free(ya);
    free(yb);
}

/*
 * The fast path (what extract wrote, read line by line) against libyaml:
 * when it takes an input, libyaml reads the same docs from it with no
 * diagnostic; and reading a document at a time gives what reading whole
 * gives.
 */
static void
paths_agree(const struct cite_corpus *whole, const char *yaml, size_t n)
{
    struct cite_corpus fast, slow, each;
    cite_corpus_init(&fast);
    cite_corpus_init(&slow);
    cite_corpus_init(&each);
    size_t ndiags = 0;
    struct cite_diag_sink count = {fuzz_count_diag, &ndiags};
    int slow_rc = cite_i_yaml_slow_read(&slow, yaml, n, "fuzz.yaml", &count);
    if (cite_i_yaml_fast_read(&fast, yaml, n, NULL) == 0) {
        FUZZ_CHECK(slow_rc == 0 && ndiags == 0,
                   "the fast path took what libyaml reports on (%d, %zu)",
                   slow_rc, ndiags);
        same_docs(&fast, &slow, "fast path against libyaml");
    }
    (void)cite_yaml_read_each(yaml, n, "fuzz.yaml", NULL, NULL, take_doc, &each);
    same_docs(whole, &each, "a document at a time against whole");
    cite_corpus_release(&fast);
    cite_corpus_release(&slow);
    cite_corpus_release(&each);
}

/* Every report format of the findings of `check` on corpus is well-formed. */
static void
check_reports(const struct cite_corpus *corpus)
{
    struct cite_report r;
    cite_report_init(&r);
    struct cite_diag_sink sink = {cite_report_collect, &r};
    struct cite_check_options opts = {1, NULL, NULL};
    struct cite_check_stats stats;
    cite_check_run(corpus, &opts, &sink, &stats);
    FUZZ_CHECK(stats.notes + stats.warnings + stats.errors == r.n,
               "%zu findings counted, %zu reported",
               stats.notes + stats.warnings + stats.errors, r.n);
    /* the messages quote the fuzzed YAML's bytes: no UTF-8 promise */
    fuzz_check_reports(&r, 1, NULL, 0, 0);
    cite_report_release(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    const char *yaml = (const char *)data + 1;
    size_t n = size - 1;
    switch (data[0] % 4) {
    case 0:
    case 3: {
        struct cite_corpus c;
        cite_corpus_init(&c);
        (void)cite_yaml_read_mem(&c, yaml, n, "fuzz.yaml", NULL);
        paths_agree(&c, yaml, n);
        for (size_t i = 0; i < c.n; i++) {
            const struct cite_doc *d = &c.docs[i];
            for (size_t k = 0; k < d->nrefs; k++) {
                FUZZ_CHECK(d->refs[k].target != NULL,
                           "doc %zu ref %zu without a target", i, k);
            }
        }
        if (c.n > 0) {
            round_trip(&c);
            if (data[0] % 4 == 3) {
                check_reports(&c);
            }
        }
        cite_corpus_release(&c);
        break;
    }
    case 1: {
        struct cite_check_registry reg;
        cite_check_registry_init(&reg);
        (void)cite_yaml_read_registry_mem(&reg, yaml, n, "registry.yaml", NULL);
        for (size_t i = 0; i < reg.n; i++) {
            FUZZ_CHECK(reg.entries[i].id != NULL, "entry %zu without an id", i);
            FUZZ_CHECK(cite_check_registry_find(&reg, reg.entries[i].id) != NULL,
                       "entry %zu not found by its id", i);
        }
        cite_check_registry_release(&reg);
        break;
    }
    case 2: {
        struct cite_check_config cfg;
        cite_check_config_init(&cfg);
        (void)cite_yaml_read_config_mem(&cfg, yaml, n, ".citegraph.yaml", NULL);
        for (size_t i = 0; i < cfg.n_ignore_paths; i++) {
            FUZZ_CHECK(cite_check_config_ignores_path(&cfg, cfg.ignore_paths[i]) ||
                           strpbrk(cfg.ignore_paths[i], "*?[\\") != NULL,
                       "ignore-path '%s' does not match itself",
                       cfg.ignore_paths[i]);
        }
        cite_check_config_release(&cfg);
        break;
    }
    }
    return 0;
}
