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
 * One known document of the registry: what exists beyond the corpus.
 * date is "YYYY-MM-DD" or "" when unknown; paragraphs is the number of
 * operative paragraphs, 0 when unknown; line/column locate the entry in
 * its file (0 when built in code).
 */
struct cite_check_entry {
    const char *id;    /* owned by the registry, never NULL */
    char date[CITE_DATE_LEN];
    const char *title; /* owned by the registry; NULL when unknown */
    unsigned paragraphs;
    size_t line;
    size_t column;
};

/*
 * A registry of known documents (caller-owned; cite_check_registry_init /
 * _release).  Entries keep the order they were added in; when an id is
 * there twice, the first entry is the one looked up.
 */
struct cite_check_registry {
    struct cite_check_entry *entries;
    size_t n;
    size_t cap;
};

void cite_check_registry_init(struct cite_check_registry *reg);
/* Frees every entry and leaves reg empty (re-usable). */
void cite_check_registry_release(struct cite_check_registry *reg);

/*
 * Appends an entry; id and title (may be NULL) are copied, date (may be
 * NULL or "") is copied when it fits.  Returns the entry, valid until the
 * next add.
 */
struct cite_check_entry *
cite_check_registry_add(struct cite_check_registry *reg, const char *id,
                        const char *date, const char *title,
                        unsigned paragraphs);

/* The first entry for id, or NULL.  Linear: for a few look-ups only. */
const struct cite_check_entry *
cite_check_registry_find(const struct cite_check_registry *reg, const char *id);

/* How cite_check_run() judges.  Zero-initialised means the defaults. */
struct cite_check_options {
    /*
     * 1: the corpus and the registry are everything that exists, so an
     * unresolved target is an error instead of a note.
     */
    int closed;
    /* Known documents beyond the corpus (borrowed); may be NULL. */
    const struct cite_check_registry *registry;
    /*
     * Per diagnostic code, 1: the rule is off, and what it would find is
     * neither computed nor reported (borrowed; may be NULL: every rule on).
     */
    const unsigned char *off;
};

/*
 * Runs every rule over corpus (borrowed) and reports findings to sink.
 * opts may be NULL (the defaults).  Fills stats (may be NULL) with the
 * count of findings per severity, as reported (so `closed` counts
 * unresolved targets as errors).
 *
 * Per citation, at its file:line:col: malformed-symbol, self-citation,
 * unresolved-target, date-mismatch, later-document, missing-paragraph.
 * Per document, at its file:1:1: duplicate-document,
 * language-versions-differ.  A target's adoption date comes from a corpus
 * doc with that id (info.date) and, failing that, from the registry; its
 * number of operative paragraphs only from the registry.
 */
void cite_check_run(const struct cite_corpus *corpus,
                    const struct cite_check_options *opts,
                    const struct cite_diag_sink *sink,
                    struct cite_check_stats *stats);

/*
 * 1 if id is a well-formed canonical id (a known pattern, or a plausible
 * document symbol, or instrument:<slug>), else 0; *why gets a short reason.
 */
int cite_check_symbol(const char *id, const char **why);

/*
 * The configuration of `citegraph check` (.citegraph.yaml; read by
 * cite_yaml_read_config).  Caller-owned: cite_check_config_init / _release.
 */
#define CITE_CHECK_SEV_DEFAULT (-1) /* keep the rule's severity */
#define CITE_CHECK_SEV_OFF 3        /* drop the rule's findings */

struct cite_check_config {
    /* per code: CITE_CHECK_SEV_DEFAULT, an enum cite_severity, or
     * CITE_CHECK_SEV_OFF */
    int severity[CITE_D__COUNT];
    char **ignore_paths;   /* fnmatch(3) globs over a finding's file */
    size_t n_ignore_paths;
    char **ignore_targets; /* canonical ids or globs over a cited target */
    size_t n_ignore_targets;
};

void cite_check_config_init(struct cite_check_config *c);
void cite_check_config_release(struct cite_check_config *c);

/* Appends a copy of glob to the list (list is &c->ignore_paths or
 * &c->ignore_targets, n its count). */
void cite_check_config_add(char ***list, size_t *n, const char *glob);

/* 1 when file (may be NULL: never) matches one of the ignore-paths. */
int cite_check_config_ignores_path(const struct cite_check_config *c,
                                   const char *file);

/* 1 when target (may be NULL: never) matches one of the ignore-targets. */
int cite_check_config_ignores_target(const struct cite_check_config *c,
                                     const char *target);

/*
 * 1 for the rules reported per citation, whose message starts with the
 * quoted target ('ID' ...): those ignore-targets and baselines key on.
 */
int cite_check_is_citation_rule(enum cite_diag_code code);

#endif
