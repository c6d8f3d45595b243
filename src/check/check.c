/*
 * check.c - the rules of `citegraph check`, run over a whole corpus.
 *
 * Each citation is judged on its own: a target that is not a well-formed
 * canonical id (symbol.c) is an error [malformed-symbol]; a well-formed one
 * that names no document of the corpus is a note [unresolved-target],
 * since a corpus is rarely complete.  Instruments are never looked up, and
 * a malformed target is not also called unresolved: one finding per fault.
 * Findings go to the sink at the citation's place in its source text; the
 * counts per severity follow the default severities of src/core/diag.c.
 * Nothing here prints.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "cite_check.h"

/* How much of a target a message quotes. */
#define SHOW_MAX 120

struct run {
    const struct cite_diag_sink *sink;
    struct cite_check_stats stats;
    struct cite_i_buf show;
};

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A target fit to quote in a message: control bytes escaped, cut short. */
static const char *
show(struct run *run, const char *s)
{
    cite_i_buf_reset(&run->show);
    cite_i_buf_add(&run->show, "", 0);
    for (size_t i = 0; s != NULL && s[i] != '\0'; i++) {
        unsigned char c = (unsigned char)s[i];
        if (run->show.len >= SHOW_MAX && (c & 0xC0) != 0x80) {
            cite_i_buf_adds(&run->show, "...");
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            cite_i_buf_addf(&run->show, "\\x%02x", c);
        } else {
            cite_i_buf_addc(&run->show, (char)c);
        }
    }
    return run->show.ptr;
}

static void
count(struct run *run, enum cite_diag_code code)
{
    switch (cite_diag_default_severity(code)) {
    case CITE_SEV_NOTE:
        run->stats.notes++;
        break;
    case CITE_SEV_WARNING:
        run->stats.warnings++;
        break;
    default:
        run->stats.errors++;
        break;
    }
}

static void
check_ref(struct run *run, const struct cite_doc *doc, const struct cite_ref *r,
          const char *const *ids, size_t nids)
{
    const char *why = NULL;

    if (!cite_check_symbol(r->target, &why)) {
        cite_diag_emit(run->sink, CITE_D_MALFORMED_SYMBOL, doc->source, r->line,
                       r->column, r->offset, "'%s' is not a well-formed id: %s",
                       show(run, r->target), why);
        count(run, CITE_D_MALFORMED_SYMBOL);
        return;
    }
    if (strncmp(r->target, "instrument:", 11) == 0) {
        return;
    }
    if (nids == 0 ||
        bsearch(&r->target, ids, nids, sizeof *ids, cmp_str) == NULL) {
        cite_diag_emit(run->sink, CITE_D_UNRESOLVED, doc->source, r->line,
                       r->column, r->offset, "'%s' is not in the corpus",
                       show(run, r->target));
        count(run, CITE_D_UNRESOLVED);
    }
}

void
cite_check_run(const struct cite_corpus *corpus,
               const struct cite_diag_sink *sink,
               struct cite_check_stats *stats)
{
    struct run run;
    const char **ids;
    size_t nids = 0;

    memset(&run, 0, sizeof run);
    run.sink = sink;

    /* a sorted array of the corpus' own ids: one bsearch per citation */
    ids = cite_i_xreallocarray(NULL, corpus->n ? corpus->n : 1, sizeof *ids);
    for (size_t i = 0; i < corpus->n; i++) {
        const char *id = corpus->docs[i].info.id;
        if (id != NULL && *id != '\0') {
            ids[nids++] = id;
        }
    }
    if (nids > 1) {
        qsort(ids, nids, sizeof *ids, cmp_str);
    }

    for (size_t i = 0; i < corpus->n; i++) {
        const struct cite_doc *doc = &corpus->docs[i];
        for (size_t j = 0; j < doc->nrefs; j++) {
            check_ref(&run, doc, &doc->refs[j], ids, nids);
        }
    }

    free(ids);
    cite_i_buf_release(&run.show);
    if (stats != NULL) {
        *stats = run.stats;
    }
}
