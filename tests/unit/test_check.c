/*
 * test_check.c - unit tests of `citegraph check`'s rules (src/check).
 *
 * cite_check_symbol() is held to the id grammar of the annotation guide,
 * form by form, with the "impossible" ids it must refuse; cite_check_run()
 * to where and how it reports: slug, severity, file:line:col and offset of
 * the citation, one finding per fault, counts per severity.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cite_check.h"
#include "cite_yaml.h"

/* ---- helpers ---------------------------------------------------------- */

struct seen {
    enum cite_diag_code code;
    enum cite_severity severity;
    char file[64];
    size_t line;
    size_t column;
    size_t offset;
    char message[256];
};

struct diags {
    struct seen d[32];
    size_t n;
};

static void
collect(void *ctx, const struct cite_diag *d)
{
    struct diags *ds = ctx;
    if (ds->n == sizeof ds->d / sizeof ds->d[0]) {
        return;
    }
    struct seen *s = &ds->d[ds->n++];
    s->code = d->code;
    s->severity = d->severity;
    snprintf(s->file, sizeof s->file, "%s", d->file ? d->file : "");
    s->line = d->line;
    s->column = d->column;
    s->offset = d->offset;
    snprintf(s->message, sizeof s->message, "%s", d->message);
}

/* Adds a doc with the given id (may be NULL) to c. */
static struct cite_doc *
add_doc(struct cite_corpus *c, const char *source, const char *id)
{
    struct cite_doc *d = cite_corpus_add(c);
    d->source = cite_doc_strdup(d, source);
    if (id != NULL) {
        d->info.id = cite_doc_strdup(d, id);
    }
    return d;
}

static struct cite_ref *
add_ref(struct cite_doc *d, const char *target, size_t line, size_t column,
        size_t offset)
{
    struct cite_ref *r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, target);
    r->line = line;
    r->column = column;
    r->offset = offset;
    return r;
}

static void
run(const struct cite_corpus *c, struct diags *ds, struct cite_check_stats *st)
{
    struct cite_diag_sink sink = {collect, ds};
    memset(ds, 0, sizeof *ds);
    cite_check_run(c, NULL, &sink, st);
}

/* Asserts that every id in the NULL-terminated list is (not) well formed. */
static void
expect_symbols(const char *const *ids, int want)
{
    for (size_t i = 0; ids[i] != NULL; i++) {
        const char *why = NULL;
        int got = cite_check_symbol(ids[i], &why);
        if (got != want) {
            fail_msg("cite_check_symbol(\"%s\") = %d, want %d (%s)", ids[i],
                     got, want, why ? why : "no reason");
        }
        if (!got && (why == NULL || *why == '\0')) {
            fail_msg("no reason given for refusing \"%s\"", ids[i]);
        }
    }
}

/* The reason cite_check_symbol() gives for refusing id. */
static const char *
reason(const char *id)
{
    const char *why = NULL;
    assert_int_equal(cite_check_symbol(id, &why), 0);
    assert_non_null(why);
    return why;
}

/* ---- cite_check_run --------------------------------------------------- */

static void
test_unresolved_target_is_a_note_at_the_citation(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "texts/a.txt", "A/HRC/RES/21/21");
    add_ref(d, "A/HRC/RES/5/1", 31, 9, 1234);

    run(&c, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_UNRESOLVED);
    assert_int_equal(ds.d[0].severity, CITE_SEV_NOTE);
    assert_string_equal(ds.d[0].file, "texts/a.txt");
    assert_int_equal(ds.d[0].line, 31);
    assert_int_equal(ds.d[0].column, 9);
    assert_int_equal(ds.d[0].offset, 1234);
    assert_string_equal(ds.d[0].message,
                        "'A/HRC/RES/5/1' is not in the corpus");
    assert_int_equal(st.notes, 1);
    assert_int_equal(st.warnings, 0);
    assert_int_equal(st.errors, 0);
    cite_corpus_release(&c);
}

static void
test_target_in_the_corpus_is_not_reported(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    cite_corpus_init(&c);
    /* several docs, so the look-up must really search */
    add_doc(&c, "z.txt", "S/RES/338(1973)");
    struct cite_doc *d = add_doc(&c, "b.txt", "A/HRC/RES/21/21");
    add_doc(&c, "a.txt", "A/HRC/RES/5/1");
    add_doc(&c, "n.txt", NULL);
    add_ref(d, "A/HRC/RES/5/1", 3, 1, 10);
    add_ref(d, "S/RES/338(1973)", 4, 1, 20);

    run(&c, &ds, &st);
    assert_int_equal(ds.n, 0);
    assert_int_equal(st.notes + st.warnings + st.errors, 0);
    cite_corpus_release(&c);
}

static void
test_instrument_target_is_never_unresolved(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/RES/79/1");
    add_ref(d, "instrument:udhr", 5, 2, 0);

    run(&c, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_corpus_release(&c);
}

static void
test_malformed_target_is_an_error_and_not_also_unresolved(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/RES/79/1");
    add_ref(d, "A/RES/5/1", 7, 12, 99);

    run(&c, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_MALFORMED_SYMBOL);
    assert_int_equal(ds.d[0].severity, CITE_SEV_ERROR);
    assert_string_equal(ds.d[0].file, "a.txt");
    assert_int_equal(ds.d[0].line, 7);
    assert_int_equal(ds.d[0].column, 12);
    assert_int_equal(ds.d[0].offset, 99);
    assert_non_null(
        strstr(ds.d[0].message, "'A/RES/5/1' is not a well-formed id: "));
    assert_int_equal(st.errors, 1);
    assert_int_equal(st.notes, 0);
    cite_corpus_release(&c);
}

/* A malformed id that is also a doc's own: every citation of it is the
 * error, with its reason (the check of its form is kept for the next),
 * and none is taken for a citation of that doc; a well-formed id cited as
 * often is never reported. */
static void
test_malformed_id_of_a_corpus_doc_is_an_error_at_each_citation(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    add_doc(&c, "bad.txt", "A/RES/060/251");
    add_doc(&c, "good.txt", "A/RES/60/1");
    struct cite_doc *d = add_doc(&c, "a.txt", "A/RES/79/1");
    for (size_t k = 0; k < 3; k++) {
        add_ref(d, "A/RES/060/251", 10 + k, 1, 0);
        add_ref(d, "A/RES/60/1", 20 + k, 1, 0);
    }

    run(&c, &ds, NULL);
    assert_int_equal(ds.n, 3);
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(ds.d[k].code, CITE_D_MALFORMED_SYMBOL);
        assert_int_equal(ds.d[k].line, 10 + k);
        assert_string_equal(ds.d[k].message,
                            "'A/RES/060/251' is not a well-formed id: "
                            "leading zero in a number");
    }
    cite_corpus_release(&c);
}

static void
test_stats_count_findings_by_severity(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/RES/79/1");
    add_ref(d, "S/RES/1(1940)", 1, 1, 0);   /* malformed */
    add_ref(d, "S/RES/242(1967)", 2, 1, 0); /* unresolved */
    add_ref(d, "S/RES/338(1973)", 3, 1, 0); /* unresolved */
    add_ref(d, "A/RES/79/1", 4, 1, 0);      /* self-citation */
    struct cite_doc *e = add_doc(&c, "b.txt", NULL);
    add_ref(e, "bad id", 1, 1, 0); /* malformed */

    run(&c, &ds, &st);
    assert_int_equal(ds.n, 5);
    assert_int_equal(st.errors, 2);
    assert_int_equal(st.notes, 2);
    assert_int_equal(st.warnings, 1);
    cite_corpus_release(&c);
}

static void
test_null_sink_still_counts(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_stats st;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", NULL);
    add_ref(d, "S/RES/242(1967)", 1, 1, 0);
    cite_check_run(&c, NULL, NULL, &st);
    assert_int_equal(st.notes, 1);
    cite_corpus_release(&c);
}

static void
test_empty_corpus_has_no_findings(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st = {7, 7, 7};
    cite_corpus_init(&c);
    run(&c, &ds, &st);
    assert_int_equal(ds.n, 0);
    assert_int_equal(st.notes + st.warnings + st.errors, 0);
    cite_corpus_release(&c);
}

static void
test_message_escapes_control_characters_of_the_target(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", NULL);
    add_ref(d, "S/1\033[2J", 1, 1, 0);
    run(&c, &ds, NULL);
    assert_int_equal(ds.n, 1);
    assert_null(strchr(ds.d[0].message, '\033'));
    assert_non_null(strstr(ds.d[0].message, "'S/1\\x1b[2J'"));
    cite_corpus_release(&c);
}

/* ---- cite_check_symbol: accepted -------------------------------------- */

static void
test_symbol_accepts_every_canonical_form(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "S/RES/242(1967)",
        "S/RES/1(1946)",
        "S/RES/2720(2023)",
        "A/RES/60/251",
        "A/RES/31/1",
        "A/RES/2200(XXI)",
        "A/RES/181(II)",
        "A/RES/3379(XXX)",
        "A/RES/S-24/2",
        "A/RES/1874(S-IV)",
        "A/RES/ES-10/19",
        "A/DEC/72/546",
        "A/HRC/RES/5/1",
        "A/HRC/RES/S-1/1",
        "A/HRC/DEC/21/1",
        "A/HRC/PRST/21/1",
        "E/CN.4/RES/2004/81",
        "E/CN.4/DEC/2005/101",
        "E/CN.4/SUB.2/RES/1998/1",
        "E/CN.4/SUB.2/DEC/2005/1",
        "E/RES/1996/31",
        "E/DEC/2008/1",
        "E/RES/2008(LX)",
        "E/RES/1235(XLII)",
        "S/PRST/2003/5",
        "S/PRST/1994/1",
        NULL,
    };
    expect_symbols(ids, 1);
}

static void
test_symbol_accepts_other_document_symbols(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "A/HRC/21/2",           "S/10611",
        "E/CN.4/1998/53/Add.2", "S/11670/Corr.1",
        "A/C.3/75/L.5/Rev.1",   "ST/SGB/2003/13",
        "CCPR/C/GC/36",         "A/CONF.157/23",
        "E/2009/27(SUPP)",      NULL,
    };
    expect_symbols(ids, 1);
}

static void
test_symbol_accepts_instrument_slugs(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "instrument:udhr",
        "instrument:iccpr",
        "instrument:un-charter",
        "instrument:cat-op1",
        NULL,
    };
    expect_symbols(ids, 1);
}

/* ---- cite_check_symbol: refused --------------------------------------- */

static void
test_symbol_rejects_year_outside_1945_to_2100(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "S/RES/242(1867)", "E/CN.4/RES/1944/1",     "E/RES/2101/1",
        "S/PRST/3003/5",   "E/CN.4/SUB.2/RES/98/1", NULL,
    };
    expect_symbols(ids, 0);
    assert_string_equal(reason("E/RES/2101/1"), "year outside 1945-2100");
}

static void
test_symbol_rejects_invalid_roman_numerals(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "A/RES/2200(XXXX)",
        "A/RES/181(IIII)",
        "A/RES/181(VX)",
        "A/RES/181(IC)",
        "E/RES/1235(XLIIII)",
        "A/RES/1874(S-IIV)",
        NULL,
    };
    expect_symbols(ids, 0);
    assert_string_equal(reason("A/RES/181(IIII)"), "invalid Roman numeral");
}

static void
test_symbol_rejects_security_council_resolution_before_1946(void **state)
{
    (void)state;
    assert_non_null(strstr(reason("S/RES/1(1945)"), "1946"));
    assert_int_equal(cite_check_symbol("S/RES/1(1946)", NULL), 1);
}

static void
test_symbol_rejects_numeric_ga_session_before_the_31st(void **state)
{
    (void)state;
    assert_non_null(strstr(reason("A/RES/30/1"), "A/RES/<n>(<ROMAN>)"));
    assert_int_equal(cite_check_symbol("A/RES/31/1", NULL), 1);
}

static void
test_symbol_rejects_roman_ga_session_after_the_30th(void **state)
{
    (void)state;
    assert_non_null(strstr(reason("A/RES/100(XXXI)"), "A/RES/<session>/<n>"));
    assert_int_equal(cite_check_symbol("A/RES/100(XXX)", NULL), 1);
}

static void
test_symbol_rejects_presidential_statement_before_1994(void **state)
{
    (void)state;
    assert_non_null(strstr(reason("S/PRST/1993/1"), "1994"));
}

static void
test_symbol_rejects_number_zero_and_leading_zeros(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "S/RES/0(1967)",
        "A/RES/60/0",
        "A/HRC/RES/0/1",
        "A/RES/S-0/1",
        "S/RES/0242(1967)",
        "A/HRC/RES/05/1",
        NULL,
    };
    expect_symbols(ids, 0);
    assert_string_equal(reason("A/RES/60/0"), "number 0");
    assert_string_equal(reason("A/HRC/RES/05/1"), "leading zero in a number");
}

static void
test_symbol_rejects_series_ids_of_no_known_form(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "A/RES/72/266B",         "S/RES/242", "A/HRC/RES/5", "E/CN.4/RES/2004",
        "S/RES/242(1967)/Add.1", NULL,
    };
    expect_symbols(ids, 0);
}

static void
test_symbol_rejects_spaces_and_control_characters(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "S/RES/1325 (2000)", "A/HRC/21/2 ", "S/106\t11",
        "S/106\n11",         "S/1\x7f",     NULL,
    };
    expect_symbols(ids, 0);
    assert_string_equal(reason("S/RES/1325 (2000)"), "contains a space");
    assert_string_equal(reason("S/106\t11"), "contains a control character");
}

static void
test_symbol_rejects_non_ascii(void **state)
{
    (void)state;
    assert_string_equal(reason("S/RES/242（1967）"),
                        "contains a non-ASCII character");
}

static void
test_symbol_rejects_empty_segments(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "A//HRC/21/2", "S/10611/", "/S/10611", "A/HRC/21/2//Add.1", NULL,
    };
    expect_symbols(ids, 0);
}

static void
test_symbol_rejects_lower_case_junk(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "resolution/5", "a/hrc/21/2",   "S/foo", "A/HRC/and/2", "hello", "S",
        "A/HRC/21/2(",  "A/HRC/21/2()", "S/1)",  "S/.5",        "S/1:2", NULL,
    };
    expect_symbols(ids, 0);
}

static void
test_symbol_rejects_ids_longer_than_100_bytes(void **state)
{
    (void)state;
    char id[128];
    memset(id, 'X', sizeof id);
    id[0] = 'S';
    id[1] = '/';
    id[100] = '\0';
    assert_int_equal(cite_check_symbol(id, NULL), 1);
    id[100] = 'X';
    id[101] = '\0';
    assert_string_equal(reason(id), "longer than 100 bytes");
}

static void
test_symbol_rejects_bad_instrument_slugs(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "instrument:",           "instrument:UDHR", "instrument:un charter",
        "instrument:un_charter", "instrument:a/b",  NULL,
    };
    expect_symbols(ids, 0);
}

static void
test_symbol_rejects_empty_and_null(void **state)
{
    (void)state;
    const char *why = NULL;
    assert_int_equal(cite_check_symbol(NULL, &why), 0);
    assert_string_equal(why, "empty id");
    assert_string_equal(reason(""), "empty id");
}

/* ---- the rules beyond the id: dates, paragraphs, versions ------------- */

static void
run_opts(const struct cite_corpus *c, const struct cite_check_options *o,
         struct diags *ds, struct cite_check_stats *st)
{
    struct cite_diag_sink sink = {collect, ds};
    memset(ds, 0, sizeof *ds);
    cite_check_run(c, o, &sink, st);
}

/* How many findings of code ds holds; *first gets the first one. */
static size_t
count_code(const struct diags *ds, enum cite_diag_code code,
           const struct seen **first)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->n; i++) {
        if (ds->d[i].code == code) {
            if (n++ == 0 && first != NULL) {
                *first = &ds->d[i];
            }
        }
    }
    return n;
}

static void
assert_seen(const struct seen *s, enum cite_diag_code code,
            enum cite_severity sev, const char *file, size_t line,
            size_t column)
{
    assert_non_null(s);
    assert_string_equal(cite_diag_slug(s->code), cite_diag_slug(code));
    assert_int_equal(s->severity, sev);
    assert_string_equal(s->file, file);
    assert_int_equal(s->line, line);
    assert_int_equal(s->column, column);
}

static struct cite_doc *
add_dated(struct cite_corpus *c, const char *source, const char *id,
          const char *date)
{
    struct cite_doc *d = add_doc(c, source, id);
    snprintf(d->info.date, sizeof d->info.date, "%s", date);
    return d;
}

static struct cite_ref *
add_typed(struct cite_doc *d, const char *target, size_t line)
{
    struct cite_ref *r = add_ref(d, target, line, 1, 0);
    r->type = CITE_TYPE_RESOLUTION;
    return r;
}

static void
test_slugs_of_the_new_rules_are_stable(void **state)
{
    (void)state;
    assert_string_equal(cite_diag_slug(CITE_D_DATE_MISMATCH), "date-mismatch");
    assert_string_equal(cite_diag_slug(CITE_D_MISSING_PARAGRAPH),
                        "missing-paragraph");
    assert_string_equal(cite_diag_slug(CITE_D_LATER_DOCUMENT),
                        "later-document");
    assert_string_equal(cite_diag_slug(CITE_D_SELF_CITATION), "self-citation");
    assert_string_equal(cite_diag_slug(CITE_D_DUPLICATE_DOC),
                        "duplicate-document");
    assert_string_equal(cite_diag_slug(CITE_D_LANG_VERSIONS),
                        "language-versions-differ");
    assert_int_equal(cite_diag_from_slug("language-versions-differ"),
                     CITE_D_LANG_VERSIONS);
}

static void
test_unresolved_target_is_an_error_when_closed(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    struct cite_check_options o = {1, NULL, NULL};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    add_ref(add_doc(&c, "a.txt", "A/RES/79/1"), "S/RES/242(1967)", 4, 9, 30);
    run_opts(&c, &o, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_UNRESOLVED, &s), 1);
    assert_seen(s, CITE_D_UNRESOLVED, CITE_SEV_ERROR, "a.txt", 4, 9);
    assert_int_equal(s->offset, 30);
    assert_int_equal(st.errors, 1);
    assert_int_equal(st.notes, 0);
    cite_corpus_release(&c);
}

static void
test_a_rule_that_is_off_reports_nothing(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    unsigned char off[CITE_D__COUNT] = {0};
    off[CITE_D_UNRESOLVED] = 1;
    struct cite_check_options o = {1, NULL, off};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/RES/79/1");
    add_ref(d, "S/RES/242(1967)", 4, 9, 30);
    add_ref(d, "A/RES/79/1", 5, 2, 40); /* self-citation stays on */
    run_opts(&c, &o, &ds, &st);
    assert_int_equal(count_code(&ds, CITE_D_UNRESOLVED, &s), 0);
    assert_int_equal(count_code(&ds, CITE_D_SELF_CITATION, &s), 1);
    assert_int_equal(st.errors, 0);
    off[CITE_D_UNRESOLVED] = 0;
    run_opts(&c, &o, &ds, &st);
    assert_int_equal(count_code(&ds, CITE_D_UNRESOLVED, &s), 1);
    assert_int_equal(st.errors, 1);
    cite_corpus_release(&c);
}

static void
test_registry_resolves_a_target_when_closed(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_check_options o = {1, &reg, NULL};
    cite_corpus_init(&c);
    cite_check_registry_init(&reg);
    cite_check_registry_add(&reg, "S/RES/242(1967)", NULL, NULL, 0);
    add_ref(add_doc(&c, "a.txt", "A/RES/79/1"), "S/RES/242(1967)", 4, 9, 30);
    run_opts(&c, &o, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_check_registry_release(&reg);
    cite_corpus_release(&c);
}

static void
test_date_mismatch_with_a_corpus_doc_is_a_warning(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    add_dated(&c, "old.txt", "A/HRC/RES/5/1", "2007-06-18");
    struct cite_doc *d =
        add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
    struct cite_ref *r = add_ref(d, "A/HRC/RES/5/1", 3, 5, 40);
    snprintf(r->date, sizeof r->date, "2007-06-19");
    run_opts(&c, NULL, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_DATE_MISMATCH, &s), 1);
    assert_seen(s, CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, "new.txt", 3, 5);
    assert_non_null(strstr(s->message, "2007-06-19"));
    assert_non_null(strstr(s->message, "2007-06-18"));
    assert_int_equal(st.warnings, 1);
    cite_corpus_release(&c);
}

/* A target in several language versions: its date is the first version's
 * that gives one, whichever of them comes first in the corpus. */
static void
test_date_of_a_target_comes_from_any_of_its_versions(void **state)
{
    (void)state;
    for (int dated_first = 0; dated_first < 2; dated_first++) {
        struct cite_corpus c;
        struct diags ds;
        const struct seen *s = NULL;
        cite_corpus_init(&c);
        struct cite_doc *undated = NULL, *dated = NULL;
        if (dated_first) {
            dated = add_dated(&c, "old.en.txt", "A/HRC/RES/5/1", "2007-06-18");
            undated = add_doc(&c, "old.zh.txt", "A/HRC/RES/5/1");
        } else {
            undated = add_doc(&c, "old.zh.txt", "A/HRC/RES/5/1");
            dated = add_dated(&c, "old.en.txt", "A/HRC/RES/5/1", "2007-06-18");
        }
        dated->lang = CITE_LANG_EN;
        undated->lang = CITE_LANG_ZH;
        struct cite_doc *d =
            add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
        struct cite_ref *r = add_ref(d, "A/HRC/RES/5/1", 3, 5, 40);
        snprintf(r->date, sizeof r->date, "2007-06-19");
        run_opts(&c, NULL, &ds, NULL);
        assert_int_equal(count_code(&ds, CITE_D_DATE_MISMATCH, &s), 1);
        assert_seen(s, CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, "new.txt", 3, 5);
        assert_non_null(strstr(s->message, "2007-06-18"));
        cite_corpus_release(&c);
    }
}

static void
test_date_mismatch_with_the_registry_is_a_warning(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_check_options o = {0, &reg, NULL};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    cite_check_registry_init(&reg);
    cite_check_registry_add(&reg, "E/CN.4/RES/2004/81", "2004-04-21", NULL, 16);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/HRC/RES/7/1");
    struct cite_ref *r = add_ref(d, "E/CN.4/RES/2004/81", 8, 2, 0);
    snprintf(r->date, sizeof r->date, "2004-04-12");
    run_opts(&c, &o, &ds, NULL);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_DATE_MISMATCH, &s), 1);
    assert_seen(s, CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, "a.txt", 8, 2);
    cite_check_registry_release(&reg);
    cite_corpus_release(&c);
}

/* A corpus doc's date wins over the registry's; the registry fills in for
 * a corpus doc without one; of two registry entries with one id, the first
 * gives the date and the paragraph count. */
static void
test_known_date_and_paragraphs_follow_corpus_then_first_registry_entry(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_check_options o = {0, &reg, NULL};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    cite_check_registry_init(&reg);
    add_dated(&c, "dated.txt", "A/HRC/RES/5/1", "2007-06-18");
    add_doc(&c, "undated.txt", "A/HRC/RES/6/1");
    cite_check_registry_add(&reg, "A/HRC/RES/5/1", "2007-01-01", NULL, 0);
    cite_check_registry_add(&reg, "A/HRC/RES/6/1", "2007-09-28", NULL, 0);
    cite_check_registry_add(&reg, "E/CN.4/RES/2004/81", "2004-04-21", NULL, 16);
    cite_check_registry_add(&reg, "E/CN.4/RES/2004/81", "2004-04-12", NULL, 2);
    struct cite_doc *d = add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
    struct cite_ref *r = add_ref(d, "A/HRC/RES/5/1", 3, 1, 0);
    snprintf(r->date, sizeof r->date, "2007-01-01"); /* the registry's: wrong */
    r = add_ref(d, "A/HRC/RES/6/1", 4, 1, 0);
    snprintf(r->date, sizeof r->date, "2007-09-29");
    r = add_ref(d, "E/CN.4/RES/2004/81", 5, 1, 0);
    snprintf(r->date, sizeof r->date, "2004-04-21");
    cite_doc_add_pinpoint(d, r, "10", 2); /* of 16, not of 2 */
    run_opts(&c, &o, &ds, NULL);
    assert_int_equal(ds.n, 2);
    assert_int_equal(count_code(&ds, CITE_D_DATE_MISMATCH, &s), 2);
    assert_seen(&ds.d[0], CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, "new.txt", 3, 1);
    assert_non_null(strstr(ds.d[0].message, "2007-06-18"));
    assert_seen(&ds.d[1], CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, "new.txt", 4, 1);
    assert_non_null(strstr(ds.d[1].message, "2007-09-28"));
    cite_check_registry_release(&reg);
    cite_corpus_release(&c);
}

static void
test_no_date_mismatch_when_dates_agree_or_are_unknown(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    add_dated(&c, "old.txt", "A/HRC/RES/5/1", "2007-06-18");
    add_doc(&c, "undated.txt", "A/HRC/RES/6/1");
    struct cite_doc *d =
        add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
    struct cite_ref *r = add_ref(d, "A/HRC/RES/5/1", 3, 5, 0);
    snprintf(r->date, sizeof r->date, "2007-06-18");
    add_ref(d, "A/HRC/RES/5/1", 4, 5, 0);     /* no date given */
    r = add_ref(d, "A/HRC/RES/6/1", 5, 5, 0); /* no date known */
    snprintf(r->date, sizeof r->date, "2007-01-01");
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_corpus_release(&c);
}

static void
test_pinpoint_beyond_the_registry_paragraphs_is_an_error(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_check_stats st;
    struct cite_check_options o = {0, &reg, NULL};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    cite_check_registry_init(&reg);
    cite_check_registry_add(&reg, "E/CN.4/RES/2004/81", NULL, NULL, 16);
    struct cite_doc *d = add_doc(&c, "a.txt", "A/HRC/RES/7/1");
    struct cite_ref *r = add_ref(d, "E/CN.4/RES/2004/81", 6, 14, 77);
    cite_doc_add_pinpoint(d, r, "16", 2);
    cite_doc_add_pinpoint(d, r, "17(b)", 5);
    run_opts(&c, &o, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_MISSING_PARAGRAPH, &s), 1);
    assert_seen(s, CITE_D_MISSING_PARAGRAPH, CITE_SEV_ERROR, "a.txt", 6, 14);
    assert_int_equal(s->offset, 77);
    assert_non_null(strstr(s->message, "16 operative paragraphs, not 17"));
    assert_int_equal(st.errors, 1);
    cite_check_registry_release(&reg);
    cite_corpus_release(&c);
}

static void
test_no_missing_paragraph_without_a_known_count(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_check_options o = {0, &reg, NULL};
    cite_corpus_init(&c);
    cite_check_registry_init(&reg);
    cite_check_registry_add(&reg, "E/CN.4/RES/2004/81", "", NULL, 0);
    add_doc(&c, "b.txt", "A/HRC/RES/5/1"); /* in the corpus: count unknown */
    struct cite_doc *d = add_doc(&c, "a.txt", "A/HRC/RES/7/1");
    struct cite_ref *r = add_ref(d, "E/CN.4/RES/2004/81", 6, 14, 0);
    cite_doc_add_pinpoint(d, r, "99", 2);
    r = add_ref(d, "A/HRC/RES/5/1", 7, 1, 0);
    cite_doc_add_pinpoint(d, r, "99", 2);
    run_opts(&c, &o, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_check_registry_release(&reg);
    cite_corpus_release(&c);
}

static void
test_citing_a_later_document_is_an_error(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    struct cite_doc *d =
        add_dated(&c, "old.txt", "A/HRC/RES/5/1", "2007-06-18");
    add_ref(d, "A/HRC/RES/7/1", 12, 3, 0);
    add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_LATER_DOCUMENT, &s), 1);
    assert_seen(s, CITE_D_LATER_DOCUMENT, CITE_SEV_ERROR, "old.txt", 12, 3);
    assert_non_null(strstr(s->message, "2008-03-27"));
    cite_corpus_release(&c);
}

static void
test_no_later_document_when_earlier_or_undated(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    add_dated(&c, "old.txt", "A/HRC/RES/5/1", "2007-06-18");
    struct cite_doc *d =
        add_dated(&c, "new.txt", "A/HRC/RES/7/1", "2008-03-27");
    add_ref(d, "A/HRC/RES/5/1", 1, 1, 0);
    struct cite_doc *u = add_doc(&c, "undated.txt", "A/HRC/RES/4/1");
    add_ref(u, "A/HRC/RES/7/1", 1, 1, 0); /* citing date unknown */
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_corpus_release(&c);
}

static void
test_self_citation_is_a_warning_and_nothing_else(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_options o = {1, NULL, NULL};
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    struct cite_doc *d = add_dated(&c, "a.txt", "A/HRC/RES/7/1", "2008-03-27");
    struct cite_ref *r = add_ref(d, "A/HRC/RES/7/1", 2, 8, 0);
    snprintf(r->date, sizeof r->date, "2001-01-01");
    run_opts(&c, &o, &ds, NULL);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_SELF_CITATION, &s), 1);
    assert_seen(s, CITE_D_SELF_CITATION, CITE_SEV_WARNING, "a.txt", 2, 8);
    cite_corpus_release(&c);
}

static void
test_no_self_citation_for_another_id(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    add_doc(&c, "b.txt", "A/HRC/RES/7/10");
    add_ref(add_doc(&c, "a.txt", "A/HRC/RES/7/1"), "A/HRC/RES/7/10", 2, 8, 0);
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_corpus_release(&c);
}

static void
test_duplicate_document_is_an_error_at_the_second(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    add_doc(&c, "one.en.txt", "A/HRC/RES/7/1")->lang = CITE_LANG_EN;
    add_doc(&c, "two.en.txt", "A/HRC/RES/7/1")->lang = CITE_LANG_EN;
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_DUPLICATE_DOC, &s), 1);
    assert_seen(s, CITE_D_DUPLICATE_DOC, CITE_SEV_ERROR, "two.en.txt", 1, 1);
    assert_non_null(strstr(s->message, "one.en.txt"));
    cite_corpus_release(&c);
}

static void
test_language_versions_are_not_duplicates(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    struct cite_doc *en = add_doc(&c, "r.en.txt", "A/HRC/RES/7/1");
    en->lang = CITE_LANG_EN;
    add_typed(en, "A/HRC/RES/5/1", 1);
    struct cite_doc *fr = add_doc(&c, "r.fr.txt", "A/HRC/RES/7/1");
    fr->lang = CITE_LANG_FR;
    add_typed(fr, "A/HRC/RES/5/1", 1);
    add_typed(fr, "A/HRC/RES/5/1", 9);       /* mentioned twice: the same set */
    add_ref(fr, "instrument:udhr", 3, 1, 0); /* not compared */
    add_doc(&c, "x.txt", "A/HRC/RES/5/1");
    run_opts(&c, NULL, &ds, NULL);
    assert_int_equal(ds.n, 0);
    cite_corpus_release(&c);
}

static void
test_language_versions_citing_differently_is_a_warning(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_check_stats st;
    const struct seen *s = NULL;
    cite_corpus_init(&c);
    add_doc(&c, "x.txt", "A/HRC/RES/5/1");
    add_doc(&c, "y.txt", "A/HRC/RES/5/2");
    add_doc(&c, "z.txt", "A/HRC/RES/5/3");
    struct cite_doc *en = add_doc(&c, "r.en.txt", "A/HRC/RES/7/1");
    en->lang = CITE_LANG_EN;
    add_typed(en, "A/HRC/RES/5/1", 1);
    add_typed(en, "A/HRC/RES/5/2", 2);
    struct cite_doc *fr = add_doc(&c, "r.fr.txt", "A/HRC/RES/7/1");
    fr->lang = CITE_LANG_FR;
    add_typed(fr, "A/HRC/RES/5/1", 1);
    add_typed(fr, "A/HRC/RES/5/3", 2);
    run_opts(&c, NULL, &ds, &st);
    assert_int_equal(ds.n, 1);
    assert_int_equal(count_code(&ds, CITE_D_LANG_VERSIONS, &s), 1);
    assert_seen(s, CITE_D_LANG_VERSIONS, CITE_SEV_WARNING, "r.fr.txt", 1, 1);
    assert_non_null(strstr(s->message, "'A/HRC/RES/5/3' only here"));
    assert_non_null(strstr(s->message, "'A/HRC/RES/5/2' only there"));
    assert_non_null(strstr(s->message, "r.en.txt"));
    assert_int_equal(st.warnings, 1);
    cite_corpus_release(&c);
}

static void
test_registry_find_returns_the_first_entry(void **state)
{
    (void)state;
    struct cite_check_registry reg;
    cite_check_registry_init(&reg);
    cite_check_registry_add(&reg, "A/HRC/RES/5/1", "2007-06-18", "first", 3);
    cite_check_registry_add(&reg, "A/HRC/RES/5/1", "2007-06-19", "second", 4);
    cite_check_registry_add(&reg, "A/HRC/RES/5/2", "not a date at all", NULL,
                            0);
    const struct cite_check_entry *e =
        cite_check_registry_find(&reg, "A/HRC/RES/5/1");
    assert_non_null(e);
    assert_string_equal(e->title, "first");
    assert_string_equal(e->date, "2007-06-18");
    assert_int_equal(e->paragraphs, 3);
    e = cite_check_registry_find(&reg, "A/HRC/RES/5/2");
    assert_non_null(e);
    assert_string_equal(e->date, "");
    assert_null(e->title);
    assert_null(cite_check_registry_find(&reg, "A/HRC/RES/5/3"));
    cite_check_registry_release(&reg);
    assert_int_equal(reg.n, 0);
}

static void
test_registry_reads_from_yaml(void **state)
{
    (void)state;
    static const char y[] =
        "# known documents\n"
        "- {id: E/CN.4/RES/2004/81, date: 2004-04-21, title: Impunity,\n"
        "   paragraphs: 16}\n"
        "- id: 'S/RES/242(1967)'\n";
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(&ds, 0, sizeof ds);
    cite_check_registry_init(&reg);
    assert_int_equal(
        cite_yaml_read_registry_mem(&reg, y, strlen(y), "reg.yaml", &sink), 0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(reg.n, 2);
    assert_string_equal(reg.entries[0].id, "E/CN.4/RES/2004/81");
    assert_string_equal(reg.entries[0].date, "2004-04-21");
    assert_string_equal(reg.entries[0].title, "Impunity");
    assert_int_equal(reg.entries[0].paragraphs, 16);
    assert_int_equal(reg.entries[0].line, 2);
    assert_int_equal(reg.entries[0].column, 3);
    assert_string_equal(reg.entries[1].id, "S/RES/242(1967)");
    assert_string_equal(reg.entries[1].date, "");
    assert_null(reg.entries[1].title);
    assert_int_equal(reg.entries[1].paragraphs, 0);
    cite_check_registry_release(&reg);
}

static void
test_registry_schema_errors_are_reported_at_their_place(void **state)
{
    (void)state;
    static const char y[] = "- id: A/HRC/RES/5/1\n"
                            "  date: 2007-02-30\n"
                            "  paragraphs: many\n"
                            "- title: no id here\n"
                            "- id: A/HRC/RES/5/2\n"
                            "  colour: blue\n";
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(&ds, 0, sizeof ds);
    cite_check_registry_init(&reg);
    assert_int_equal(
        cite_yaml_read_registry_mem(&reg, y, strlen(y), "reg.yaml", &sink), 0);
    assert_int_equal(ds.n, 4);
    for (size_t i = 0; i < ds.n; i++) {
        assert_int_equal(ds.d[i].code, CITE_D_YAML_SCHEMA);
        assert_string_equal(ds.d[i].file, "reg.yaml");
    }
    assert_int_equal(ds.d[0].line, 2); /* the date */
    assert_int_equal(ds.d[0].column, 9);
    assert_int_equal(ds.d[1].line, 3); /* paragraphs */
    assert_int_equal(ds.d[2].line, 4); /* entry without id */
    assert_int_equal(ds.d[2].column, 3);
    assert_int_equal(ds.d[3].line, 6); /* unknown key */
    assert_int_equal(ds.d[3].column, 3);
    assert_int_equal(reg.n, 2); /* the bad values skipped, not the entries */
    assert_string_equal(reg.entries[0].date, "");
    assert_int_equal(reg.entries[0].paragraphs, 0);
    cite_check_registry_release(&reg);
}

static void
test_registry_that_is_not_a_sequence_is_refused(void **state)
{
    (void)state;
    static const char y[] = "id: A/HRC/RES/5/1\n";
    static const char bad[] = "- [unclosed\n";
    struct cite_check_registry reg;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(&ds, 0, sizeof ds);
    cite_check_registry_init(&reg);
    assert_int_equal(
        cite_yaml_read_registry_mem(&reg, y, strlen(y), "reg.yaml", &sink), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_YAML_SCHEMA);
    assert_int_equal(ds.d[0].line, 1);
    assert_int_equal(reg.n, 0);
    memset(&ds, 0, sizeof ds);
    assert_int_equal(
        cite_yaml_read_registry_mem(&reg, bad, strlen(bad), "reg.yaml", &sink),
        -1);
    assert_true(ds.n > 0);
    assert_int_equal(ds.d[ds.n - 1].code, CITE_D_YAML_SYNTAX);
    cite_check_registry_release(&reg);
}

/* ---- configuration ---------------------------------------------------- */

static void
test_config_reads_from_yaml(void **state)
{
    (void)state;
    static const char y[] =
        "severity: {date-mismatch: error, unresolved-target: off,\n"
        "           self-citation: note}\n"
        "ignore-paths: [\"drafts/*\"]\n"
        "ignore-targets:\n"
        "  - A/HRC/RES/5/1\n"
        "  - \"E/CN.4/*\"\n";
    struct cite_check_config cfg;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(&ds, 0, sizeof ds);
    cite_check_config_init(&cfg);
    assert_int_equal(
        cite_yaml_read_config_mem(&cfg, y, strlen(y), "c.yaml", &sink), 0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(cfg.severity[CITE_D_DATE_MISMATCH], CITE_SEV_ERROR);
    assert_int_equal(cfg.severity[CITE_D_UNRESOLVED], CITE_CHECK_SEV_OFF);
    assert_int_equal(cfg.severity[CITE_D_SELF_CITATION], CITE_SEV_NOTE);
    assert_int_equal(cfg.severity[CITE_D_LATER_DOCUMENT],
                     CITE_CHECK_SEV_DEFAULT);
    assert_int_equal(cfg.n_ignore_paths, 1);
    assert_int_equal(cfg.n_ignore_targets, 2);
    assert_true(cite_check_config_ignores_path(&cfg, "drafts/a/b.txt"));
    assert_false(cite_check_config_ignores_path(&cfg, "texts/b.txt"));
    assert_false(cite_check_config_ignores_path(&cfg, NULL));
    assert_true(cite_check_config_ignores_target(&cfg, "A/HRC/RES/5/1"));
    assert_true(cite_check_config_ignores_target(&cfg, "E/CN.4/RES/2004/81"));
    assert_false(cite_check_config_ignores_target(&cfg, "A/HRC/RES/5/10"));
    cite_check_config_release(&cfg);
    assert_int_equal(cfg.n_ignore_targets, 0);
}

static void
test_config_schema_errors_are_reported_at_their_place(void **state)
{
    (void)state;
    static const char y[] = "severity:\n"
                            "  self-citation: fatal\n"
                            "  no-such-rule: error\n"
                            "ignore-paths: x\n"
                            "colour: blue\n";
    struct cite_check_config cfg;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(&ds, 0, sizeof ds);
    cite_check_config_init(&cfg);
    assert_int_equal(
        cite_yaml_read_config_mem(&cfg, y, strlen(y), "c.yaml", &sink), 0);
    assert_int_equal(ds.n, 4);
    static const size_t where[4][2] = {{2, 18}, {3, 3}, {4, 15}, {5, 1}};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(ds.d[i].code, CITE_D_YAML_SCHEMA);
        assert_int_equal(ds.d[i].line, where[i][0]);
        assert_int_equal(ds.d[i].column, where[i][1]);
    }
    assert_int_equal(cfg.severity[CITE_D_SELF_CITATION],
                     CITE_CHECK_SEV_DEFAULT);
    assert_int_equal(cfg.n_ignore_paths, 0);
    cite_check_config_release(&cfg);

    static const char bad[] = "[a, b]\n";
    memset(&ds, 0, sizeof ds);
    assert_int_equal(
        cite_yaml_read_config_mem(&cfg, bad, strlen(bad), "c.yaml", &sink), 0);
    assert_int_equal(ds.n, 1);
    assert_string_equal(ds.d[0].message, "configuration is not a mapping");
    cite_check_config_release(&cfg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unresolved_target_is_a_note_at_the_citation),
        cmocka_unit_test(test_target_in_the_corpus_is_not_reported),
        cmocka_unit_test(test_instrument_target_is_never_unresolved),
        cmocka_unit_test(
            test_malformed_target_is_an_error_and_not_also_unresolved),
        cmocka_unit_test(test_malformed_id_of_a_corpus_doc_is_an_error_at_each_citation),
        cmocka_unit_test(test_stats_count_findings_by_severity),
        cmocka_unit_test(test_null_sink_still_counts),
        cmocka_unit_test(test_empty_corpus_has_no_findings),
        cmocka_unit_test(test_message_escapes_control_characters_of_the_target),
        cmocka_unit_test(test_slugs_of_the_new_rules_are_stable),
        cmocka_unit_test(test_unresolved_target_is_an_error_when_closed),
        cmocka_unit_test(test_a_rule_that_is_off_reports_nothing),
        cmocka_unit_test(test_registry_resolves_a_target_when_closed),
        cmocka_unit_test(test_date_mismatch_with_a_corpus_doc_is_a_warning),
        cmocka_unit_test(test_date_of_a_target_comes_from_any_of_its_versions),
        cmocka_unit_test(test_date_mismatch_with_the_registry_is_a_warning),
        cmocka_unit_test(test_known_date_and_paragraphs_follow_corpus_then_first_registry_entry),
        cmocka_unit_test(test_no_date_mismatch_when_dates_agree_or_are_unknown),
        cmocka_unit_test(
            test_pinpoint_beyond_the_registry_paragraphs_is_an_error),
        cmocka_unit_test(test_no_missing_paragraph_without_a_known_count),
        cmocka_unit_test(test_citing_a_later_document_is_an_error),
        cmocka_unit_test(test_no_later_document_when_earlier_or_undated),
        cmocka_unit_test(test_self_citation_is_a_warning_and_nothing_else),
        cmocka_unit_test(test_no_self_citation_for_another_id),
        cmocka_unit_test(test_duplicate_document_is_an_error_at_the_second),
        cmocka_unit_test(test_language_versions_are_not_duplicates),
        cmocka_unit_test(
            test_language_versions_citing_differently_is_a_warning),
        cmocka_unit_test(test_registry_find_returns_the_first_entry),
        cmocka_unit_test(test_registry_reads_from_yaml),
        cmocka_unit_test(
            test_registry_schema_errors_are_reported_at_their_place),
        cmocka_unit_test(test_registry_that_is_not_a_sequence_is_refused),
        cmocka_unit_test(test_config_reads_from_yaml),
        cmocka_unit_test(
            test_config_schema_errors_are_reported_at_their_place),
        cmocka_unit_test(test_symbol_accepts_every_canonical_form),
        cmocka_unit_test(test_symbol_accepts_other_document_symbols),
        cmocka_unit_test(test_symbol_accepts_instrument_slugs),
        cmocka_unit_test(test_symbol_rejects_year_outside_1945_to_2100),
        cmocka_unit_test(test_symbol_rejects_invalid_roman_numerals),
        cmocka_unit_test(
            test_symbol_rejects_security_council_resolution_before_1946),
        cmocka_unit_test(
            test_symbol_rejects_numeric_ga_session_before_the_31st),
        cmocka_unit_test(test_symbol_rejects_roman_ga_session_after_the_30th),
        cmocka_unit_test(
            test_symbol_rejects_presidential_statement_before_1994),
        cmocka_unit_test(test_symbol_rejects_number_zero_and_leading_zeros),
        cmocka_unit_test(test_symbol_rejects_series_ids_of_no_known_form),
        cmocka_unit_test(test_symbol_rejects_spaces_and_control_characters),
        cmocka_unit_test(test_symbol_rejects_non_ascii),
        cmocka_unit_test(test_symbol_rejects_empty_segments),
        cmocka_unit_test(test_symbol_rejects_lower_case_junk),
        cmocka_unit_test(test_symbol_rejects_ids_longer_than_100_bytes),
        cmocka_unit_test(test_symbol_rejects_bad_instrument_slugs),
        cmocka_unit_test(test_symbol_rejects_empty_and_null),
    };
    int n = (int)(sizeof tests / sizeof tests[0]);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed != 0;
}
