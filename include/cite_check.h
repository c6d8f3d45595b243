/*
 * cite_check.h - the rules of `citegraph check`.
 *
 * Findings are diagnostics: each rule has a slug and a default severity in
 * the table of src/core/diag.c and is reported at the file:line:col of the
 * citation in its source text.
 */
#ifndef CITE_CHECK_H
#define CITE_CHECK_H

#include "cite_diag.h"
#include "cite_doc.h"

struct cite_check_stats {
    size_t notes;
    size_t warnings;
    size_t errors;
};

/*
 * Runs every rule over corpus (borrowed) and reports findings to sink.
 * Fills stats (may be NULL) with the count of findings per severity.
 */
void cite_check_run(const struct cite_corpus *corpus,
                    const struct cite_diag_sink *sink,
                    struct cite_check_stats *stats);

/*
 * 1 if id is a well-formed canonical id (a known pattern, or a plausible
 * document symbol, or instrument:<slug>), else 0; *why gets a short reason.
 */
int cite_check_symbol(const char *id, const char **why);

#endif
