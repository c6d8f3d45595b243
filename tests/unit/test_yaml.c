/*
 * test_yaml.c - unit tests of the YAML writer and reader (src/yamlio).
 *
 * The writer is held to the byte layout of the format (key order, quoting,
 * raw UTF-8, one `---` per doc) and to round trips: what it writes, the
 * reader gives back as the same doc, and writing that again gives the same
 * bytes.  The reader is held to its schema: every refusal is a diagnostic
 * with its slug and file:line:col, and the rest of the input is still read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cite_yaml.h"
#include "core/core_int.h"
#include "yamlio/yaml_int.h"

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
    struct seen d[64];
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

/* Reads a NUL-terminated YAML text; diagnostics land in *ds. */
static int
read_text(struct cite_corpus *c, const char *yaml, struct diags *ds)
{
    struct cite_diag_sink sink = {collect, ds};
    memset(ds, 0, sizeof *ds);
    return cite_yaml_read_mem(c, yaml, strlen(yaml), "in.yaml", &sink);
}

/* Writes n docs; returns the malloc'd output. */
static char *
write_docs(const struct cite_doc *docs, size_t n)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    struct cite_yaml_writer *w = cite_yaml_writer_new(f);
    assert_non_null(w);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(cite_yaml_write_doc(w, &docs[i]), 0);
    }
    assert_int_equal(cite_yaml_writer_finish(w), 0);
    assert_int_equal(fclose(f), 0);
    return out;
}

static char *
write_doc(const struct cite_doc *doc)
{
    return write_docs(doc, 1);
}

/* The example of the format's contract. */
static void
make_contract_doc(struct cite_doc *d)
{
    cite_doc_init(d);
    d->source = cite_doc_strdup(d, "data/texts/A_HRC_RES_21_21.zh.txt");
    d->lang = CITE_LANG_ZH;
    d->info.id = cite_doc_strdup(d, "A/HRC/RES/21/21");
    d->info.body = CITE_BODY_HRC;
    d->info.type = CITE_TYPE_RESOLUTION;
    d->info.session = 21;
    strcpy(d->info.date, "2012-09-27");
    d->info.meeting = 37;
    d->info.vote = cite_doc_strdup(d, "without-vote");
    d->info.agenda_item = cite_doc_strdup(d, "10");
    d->info.title = cite_doc_strdup(d, "加强人权领域的技术合作和能力建设");
    struct cite_ref *r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "A/HRC/RES/5/1");
    r->type = CITE_TYPE_RESOLUTION;
    r->body = CITE_BODY_HRC;
    strcpy(r->date, "2007-06-18");
    cite_doc_add_pinpoint(d, r, "3", 1);
    cite_doc_add_pinpoint(d, r, "4", 1);
    r->relation = CITE_REL_RECALLING;
    strcpy(r->where, "PP9");
    r->line = 31;
    r->column = 9;
    r->text = cite_doc_strdup(d, "2007 年 6 月 18 日第 5/1 号");
}

static const char contract_yaml[] =
    "---\n"
    "source: data/texts/A_HRC_RES_21_21.zh.txt\n"
    "language: zh\n"
    "document:\n"
    "  id: A/HRC/RES/21/21\n"
    "  body: HRC\n"
    "  type: resolution\n"
    "  session: 21\n"
    "  date: 2012-09-27\n"
    "  meeting: 37\n"
    "  vote: without-vote\n"
    "  agenda-item: \"10\"\n"
    "  title: 加强人权领域的技术合作和能力建设\n"
    "citations:\n"
    "- target: A/HRC/RES/5/1\n"
    "  type: resolution\n"
    "  body: HRC\n"
    "  date: 2007-06-18\n"
    "  pinpoint: [3, 4]\n"
    "  relation: recalling\n"
    "  in: PP9\n"
    "  line: 31\n"
    "  column: 9\n"
    "  text: 2007 年 6 月 18 日第 5/1 号\n";

/* A doc meant to be hard to round-trip. */
static void
make_tricky_doc(struct cite_doc *d)
{
    cite_doc_init(d);
    d->source = cite_doc_strdup(d, "data/texts/A_RES_79_1.ar.txt");
    d->lang = CITE_LANG_AR;
    d->info.id = cite_doc_strdup(d, "A/RES/79/1");
    d->info.title = cite_doc_strdup(d, "10");
    d->info.vote = cite_doc_strdup(d, "14-0-1");
    d->info.agenda_item = cite_doc_strdup(d, "true");

    struct cite_ref *r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "A/HRC/RES/5/1");
    r->type = CITE_TYPE_RESOLUTION;
    r->body = CITE_BODY_HRC;
    cite_doc_add_pinpoint(d, r, "3", 1);
    cite_doc_add_pinpoint(d, r, "3(c)", 4);
    r->relation = CITE_REL_TAKING_NOTE;
    strcpy(r->where, "OP3");
    r->line = 12;
    r->column = 40;
    r->text = cite_doc_strdup(
        d, "قرار مجلس حقوق الإنسان 5/1 المؤرخ 18 حزيران/يونيه 2007");

    r = cite_doc_add_ref(d); /* only a target and odd strings */
    r->target = cite_doc_strdup(d, "S/RES/242(1967)");
    r->text = cite_doc_strdup(
        d, "he said: \"resolution 242\" and 'more' # not a comment");

    r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "instrument:udhr");
    r->type = CITE_TYPE_INSTRUMENT;
    r->text = cite_doc_strdup(d, "  leading and trailing spaces  ");

    r = cite_doc_add_ref(d);
    r->target = cite_doc_strdup(d, "E/CN.4/RES/2004/81");
    cite_doc_add_pinpoint(d, r, "yes", 3);
    cite_doc_add_pinpoint(d, r, "null", 4);
    r->text = cite_doc_strdup(d, "- [a, b]: {c}\ttab\nnew line ~ 第5/1号");
}

/* ---- writer ----------------------------------------------------------- */

static void
test_write_matches_the_format_contract(void **state)
{
    (void)state;
    struct cite_doc d;
    make_contract_doc(&d);
    char *out = write_doc(&d);
    assert_string_equal(out, contract_yaml);
    free(out);
    cite_doc_release(&d);
}

static void
test_write_opens_every_document_with_three_dashes(void **state)
{
    (void)state;
    struct cite_doc docs[3];
    for (int i = 0; i < 3; i++) {
        cite_doc_init(&docs[i]);
    }
    char *out = write_docs(docs, 3);
    assert_string_equal(out, "---\ncitations: []\n"
                             "---\ncitations: []\n"
                             "---\ncitations: []\n");
    free(out);
}

static void
test_write_omits_unknown_fields(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    struct cite_ref *r = cite_doc_add_ref(&d);
    r->target = cite_doc_strdup(&d, "S/10611");
    char *out = write_doc(&d);
    assert_string_equal(out, "---\ncitations:\n- target: S/10611\n");
    free(out);
    cite_doc_release(&d);
}

static void
test_write_double_quotes_strings_that_would_change_type(void **state)
{
    (void)state;
    static const char *const values[] = {
        "10",  "true", "null", "yes",  "~",          "No",    "3.5",
        "1e3", "0x1F", "-7",   ".inf", "2012-09-27", "12:30",
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        struct cite_doc d;
        char expect[64];
        cite_doc_init(&d);
        d.info.title = cite_doc_strdup(&d, values[i]);
        char *out = write_doc(&d);
        snprintf(expect, sizeof expect, "  title: \"%s\"\n", values[i]);
        if (strstr(out, expect) == NULL) {
            fail_msg("'%s' not double-quoted in:\n%s", values[i], out);
        }
        free(out);
        cite_doc_release(&d);
    }
}

static void
test_write_always_double_quotes_the_agenda_item(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    d.info.agenda_item = cite_doc_strdup(&d, "4 (a)");
    char *out = write_doc(&d);
    assert_non_null(strstr(out, "\n  agenda-item: \"4 (a)\"\n"));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_leaves_vote_counts_plain(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    d.info.vote = cite_doc_strdup(&d, "14-0-1");
    char *out = write_doc(&d);
    assert_non_null(strstr(out, "\n  vote: 14-0-1\n"));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_quotes_pinpoints_only_when_they_are_not_numbers(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    struct cite_ref *r = cite_doc_add_ref(&d);
    r->target = cite_doc_strdup(&d, "S/RES/242(1967)");
    cite_doc_add_pinpoint(&d, r, "3", 1);
    cite_doc_add_pinpoint(&d, r, "3(c)", 4);
    cite_doc_add_pinpoint(&d, r, "yes", 3);
    char *out = write_doc(&d);
    assert_non_null(strstr(out, "\n  pinpoint: [3, 3(c), \"yes\"]\n"));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_keeps_cjk_and_arabic_raw(void **state)
{
    (void)state;
    struct cite_doc d;
    make_tricky_doc(&d);
    char *out = write_doc(&d);
    assert_non_null(strstr(out, "text: قرار مجلس حقوق الإنسان 5/1"));
    assert_null(strstr(out, "\\u"));
    assert_null(strstr(out, "\\x"));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_never_folds_long_lines(void **state)
{
    (void)state;
    struct cite_doc d;
    char title[1200];
    cite_doc_init(&d);
    for (size_t i = 0; i + 5 < sizeof title; i += 5) {
        memcpy(title + i, "word ", 5);
    }
    title[sizeof title - 5] = 'x';
    title[sizeof title - 4] = '\0';
    d.info.title = cite_doc_strdup(&d, title);
    char *out = write_doc(&d);
    char expect[1300];
    snprintf(expect, sizeof expect, "\n  title: %s\n", title);
    assert_non_null(strstr(out, expect));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_replaces_invalid_utf8_instead_of_failing(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    d.info.title = cite_doc_strdup(&d, "bad \xFF byte");
    char *out = write_doc(&d);
    assert_non_null(strstr(out, "title: bad \xEF\xBF\xBD byte\n"));
    free(out);
    cite_doc_release(&d);
}

static void
test_write_error_is_reported_by_finish(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (f == NULL) {
        skip();
    }
    struct cite_doc d;
    make_contract_doc(&d);
    struct cite_yaml_writer *w = cite_yaml_writer_new(f);
    assert_non_null(w);
    (void)cite_yaml_write_doc(w, &d); /* may still sit in stdio's buffer */
    assert_int_equal(cite_yaml_writer_finish(w), -1);
    fclose(f);
    cite_doc_release(&d);
}

/* ---- round trips ------------------------------------------------------ */

static void
test_round_trip_is_byte_identical(void **state)
{
    (void)state;
    struct cite_doc docs[3];
    struct cite_corpus c;
    struct diags ds;

    make_contract_doc(&docs[0]);
    make_tricky_doc(&docs[1]);
    cite_doc_init(&docs[2]);
    char *first = write_docs(docs, 3);

    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, first, &ds), 0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(c.n, 3);
    char *second = write_docs(c.docs, c.n);
    assert_string_equal(second, first);

    free(first);
    free(second);
    cite_corpus_release(&c);
    for (int i = 0; i < 3; i++) {
        cite_doc_release(&docs[i]);
    }
}

static void
test_read_gives_back_every_field(void **state)
{
    (void)state;
    struct cite_doc d;
    struct cite_corpus c;
    struct diags ds;

    make_tricky_doc(&d);
    char *out = write_doc(&d);
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, out, &ds), 0);
    assert_int_equal(c.n, 1);
    const struct cite_doc *e = &c.docs[0];

    assert_string_equal(e->source, d.source);
    assert_int_equal(e->lang, CITE_LANG_AR);
    assert_string_equal(e->info.id, "A/RES/79/1");
    assert_string_equal(e->info.title, "10");
    assert_string_equal(e->info.vote, "14-0-1");
    assert_string_equal(e->info.agenda_item, "true");
    assert_int_equal(e->info.body, CITE_BODY_NONE);
    assert_int_equal(e->info.session, 0);
    assert_string_equal(e->info.date, "");
    assert_int_equal(e->nrefs, d.nrefs);
    for (size_t i = 0; i < d.nrefs; i++) {
        const struct cite_ref *a = &d.refs[i];
        const struct cite_ref *b = &e->refs[i];
        assert_string_equal(b->target, a->target);
        assert_int_equal(b->type, a->type);
        assert_int_equal(b->body, a->body);
        assert_string_equal(b->date, a->date);
        assert_int_equal(b->npinpoint, a->npinpoint);
        for (size_t k = 0; k < a->npinpoint; k++) {
            assert_string_equal(b->pinpoint[k], a->pinpoint[k]);
        }
        assert_int_equal(b->relation, a->relation);
        assert_string_equal(b->where, a->where);
        assert_int_equal(b->line, a->line);
        assert_int_equal(b->column, a->column);
        assert_string_equal(b->text, a->text);
    }
    free(out);
    cite_corpus_release(&c);
    cite_doc_release(&d);
}

/* ---- reader: well-formed input ---------------------------------------- */

static void
test_read_empty_stream_gives_no_docs(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, "", &ds), 0);
    assert_int_equal(c.n, 0);
    /* valid YAML, but an empty file is most often a failed write: said */
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_EMPTY_INPUT);
    cite_corpus_release(&c);
}

static void
test_read_empty_citations_list(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, "---\nsource: a.txt\ncitations: []\n", &ds),
                     0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.docs[0].source, "a.txt");
    assert_int_equal(c.docs[0].nrefs, 0);
    cite_corpus_release(&c);
}

static void
test_read_sets_the_line_of_each_document(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "---\ncitations: []\n"
                               "---\nsource: b\n"
                               "citations:\n- target: S/1\n"
                               "---\ncitations: []\n",
                               &ds),
                     0);
    assert_int_equal(c.n, 3);
    assert_int_equal(c.docs[0].source_line, 1);
    assert_int_equal(c.docs[1].source_line, 3);
    assert_int_equal(c.docs[2].source_line, 7);
    cite_corpus_release(&c);
}

static void
test_read_null_values_count_as_absent_keys(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "source: ~\n"
                               "document:\n"
                               "  session:\n"
                               "  title: null\n"
                               "citations:\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(c.n, 1);
    assert_null(c.docs[0].source);
    assert_int_equal(c.docs[0].info.session, 0);
    assert_null(c.docs[0].info.title);
    assert_int_equal(c.docs[0].nrefs, 0);
    cite_corpus_release(&c);
}

static void
test_read_plain_numbers_in_pinpoint_are_strings(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- target: S/RES/242(1967)\n"
                               "  pinpoint: [3, \"3(c)\", 4.1]\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 0);
    assert_int_equal(c.docs[0].refs[0].npinpoint, 3);
    assert_string_equal(c.docs[0].refs[0].pinpoint[0], "3");
    assert_string_equal(c.docs[0].refs[0].pinpoint[1], "3(c)");
    assert_string_equal(c.docs[0].refs[0].pinpoint[2], "4.1");
    cite_corpus_release(&c);
}

static void
test_read_from_file_equals_read_from_memory(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    FILE *f = tmpfile();
    assert_non_null(f);
    fputs(contract_yaml, f);
    rewind(f);
    memset(&ds, 0, sizeof ds);
    cite_corpus_init(&c);
    assert_int_equal(cite_yaml_read(&c, f, "file.yaml", &sink), 0);
    fclose(f);
    assert_int_equal(ds.n, 0);
    assert_int_equal(c.n, 1);
    char *out = write_doc(&c.docs[0]);
    assert_string_equal(out, contract_yaml);
    free(out);
    cite_corpus_release(&c);
}

/* ---- reader: schema errors -------------------------------------------- */

static void
test_read_unknown_key_is_reported_where_it_is_and_skipped(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "---\n"
                               "citations:\n"
                               "- target: S/RES/242(1967)\n"
                               "  foo: [1, {a: b}]\n"
                               "  line: 7\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_YAML_SCHEMA);
    assert_int_equal(ds.d[0].severity, CITE_SEV_ERROR);
    assert_string_equal(ds.d[0].file, "in.yaml");
    assert_int_equal(ds.d[0].line, 4);
    assert_int_equal(ds.d[0].column, 3);
    assert_string_equal(ds.d[0].message, "unknown key 'foo' in citation");
    /* the citation itself survives, with the keys after the bad one */
    assert_int_equal(c.docs[0].nrefs, 1);
    assert_int_equal(c.docs[0].refs[0].line, 7);
    cite_corpus_release(&c);
}

static void
test_read_wrong_type_for_line_is_reported_at_the_value(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- target: S/1\n"
                               "  line: abc\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_YAML_SCHEMA);
    assert_int_equal(ds.d[0].line, 3);
    assert_int_equal(ds.d[0].column, 9);
    assert_string_equal(
        ds.d[0].message,
        "expected an integer for 'line' in citation, got 'abc'");
    assert_int_equal(c.docs[0].refs[0].line, 0);
    cite_corpus_release(&c);
}

static void
test_read_quoted_integer_is_a_wrong_type(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, "document:\n  session: \"21\"\n", &ds), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].line, 2);
    assert_int_equal(ds.d[0].column, 12);
    assert_non_null(
        strstr(ds.d[0].message, "expected an integer for 'session'"));
    assert_int_equal(c.docs[0].info.session, 0);
    cite_corpus_release(&c);
}

static void
test_read_citations_that_are_not_a_sequence_are_rejected(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, "source: a\ncitations: 5\n", &ds), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].line, 2);
    assert_int_equal(ds.d[0].column, 12);
    assert_string_equal(
        ds.d[0].message,
        "expected a sequence for 'citations' at top level, got '5'");
    assert_int_equal(c.n, 1);
    assert_int_equal(c.docs[0].nrefs, 0);
    cite_corpus_release(&c);
}

static void
test_read_citation_without_target_is_dropped(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- target: S/1\n"
                               "- type: resolution\n"
                               "  line: 4\n"
                               "- target: S/2\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].line, 3);
    assert_int_equal(ds.d[0].column, 3);
    assert_string_equal(ds.d[0].message, "citation without 'target'");
    assert_int_equal(c.docs[0].nrefs, 2);
    assert_string_equal(c.docs[0].refs[0].target, "S/1");
    assert_string_equal(c.docs[0].refs[1].target, "S/2");
    cite_corpus_release(&c);
}

static void
test_read_unknown_names_are_rejected(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "language: xx\n"
                               "citations:\n"
                               "- target: S/1\n"
                               "  relation: pondering\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 2);
    assert_string_equal(ds.d[0].message, "unknown language 'xx' at top level");
    assert_string_equal(ds.d[1].message,
                        "unknown relation 'pondering' in citation");
    assert_int_equal(c.docs[0].lang, CITE_LANG_UNKNOWN);
    assert_int_equal(c.docs[0].refs[0].relation, CITE_REL_NONE);
    cite_corpus_release(&c);
}

static void
test_read_impossible_date_is_rejected(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(
        read_text(&c, "citations:\n- target: S/1\n  date: 2011-02-29\n", &ds),
        0);
    assert_int_equal(ds.n, 1);
    assert_string_equal(ds.d[0].message,
                        "invalid date '2011-02-29' in citation");
    assert_string_equal(c.docs[0].refs[0].date, "");
    cite_corpus_release(&c);
}

static void
test_read_duplicate_key_is_reported(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(
        read_text(&c, "source: a\nsource: b\ncitations: []\n", &ds), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].line, 2);
    assert_string_equal(ds.d[0].message, "duplicate key 'source' at top level");
    assert_string_equal(c.docs[0].source, "a");
    cite_corpus_release(&c);
}

static void
test_read_document_that_is_not_a_mapping_is_skipped(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "---\n- a list\n"
                               "---\nsource: kept\ncitations: []\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_YAML_SCHEMA);
    assert_int_equal(ds.d[0].line, 2);
    assert_string_equal(ds.d[0].message, "document is not a mapping");
    assert_int_equal(c.n, 1);
    assert_string_equal(c.docs[0].source, "kept");
    cite_corpus_release(&c);
}

static void
test_read_offsets_are_in_bytes_and_columns_in_code_points(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    /* "标题" is 2 code points but 6 bytes */
    static const char yaml[] = "document: {title: 标题, x: 1}\n";
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, yaml, &ds), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].column, 23);
    assert_int_equal(ds.d[0].offset, (size_t)(strstr(yaml, "x:") - yaml));
    cite_corpus_release(&c);
}

/* ---- reader: hostile input -------------------------------------------- */

static void
test_read_rejects_an_alias_value(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- target: S/1\n"
                               "  text: *lol\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_YAML_SCHEMA);
    assert_int_equal(ds.d[0].line, 3);
    assert_int_equal(ds.d[0].column, 9);
    assert_string_equal(ds.d[0].message, "alias '*lol' is not allowed");
    assert_int_equal(c.docs[0].nrefs, 1);
    assert_null(c.docs[0].refs[0].text);
    cite_corpus_release(&c);
}

static void
test_read_rejects_an_aliased_citation(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- {target: S/1}\n"
                               "- *a\n"
                               "- target: S/2\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].line, 3);
    assert_int_equal(ds.d[0].column, 3);
    assert_string_equal(ds.d[0].message, "alias '*a' is not allowed");
    assert_int_equal(c.docs[0].nrefs, 2);
    cite_corpus_release(&c);
}

static void
test_read_does_not_expand_an_alias_bomb(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    char yaml[4096];
    size_t n = 0;
    /* each level doubles the size of the expansion: 2^30 nodes if followed */
    n += (size_t)snprintf(yaml + n, sizeof yaml - n,
                          "citations:\n- &a0 [x, x]\n");
    for (int i = 1; i <= 30; i++) {
        n += (size_t)snprintf(yaml + n, sizeof yaml - n,
                              "- &a%d [*a%d, *a%d]\n", i, i - 1, i - 1);
    }
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, yaml, &ds), 0);
    assert_int_equal(ds.n, 31);
    for (size_t i = 0; i < ds.n; i++) {
        assert_int_equal(ds.d[i].code, CITE_D_YAML_SCHEMA);
        assert_non_null(strstr(ds.d[i].message, "anchor '&a"));
    }
    assert_int_equal(c.docs[0].nrefs, 0);
    cite_corpus_release(&c);
}

static void
test_read_offsets_stay_right_when_reports_go_back(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    /* the bad line is reported first, then (back at the entry's start)
     * the missing target; the CJK text makes bytes and characters differ */
    assert_int_equal(read_text(&c,
                               "citations:\n"
                               "- text: \xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\n"
                               "  line: -3\n"
                               "- text: \xe4\xb8\xad\n"
                               "  line: x\n",
                               &ds),
                     0);
    assert_int_equal(ds.n, 4);
    assert_int_equal(ds.d[0].line, 3);
    assert_int_equal(ds.d[0].offset, 40);
    assert_int_equal(ds.d[1].line, 2);
    assert_int_equal(ds.d[1].offset, 13);
    assert_int_equal(ds.d[2].line, 5);
    assert_int_equal(ds.d[2].offset, 63);
    assert_int_equal(ds.d[3].line, 4);
    assert_int_equal(ds.d[3].offset, 45);
    cite_corpus_release(&c);
}

static void
test_read_limits_nesting_depth(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    char yaml[512];
    size_t n = 0;
    n += (size_t)snprintf(yaml + n, sizeof yaml - n, "citations: []\nx: ");
    for (int i = 0; i < 100; i++) {
        yaml[n++] = '[';
    }
    for (int i = 0; i < 100; i++) {
        yaml[n++] = ']';
    }
    yaml[n++] = '\n';
    yaml[n] = '\0';
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, yaml, &ds), -1);
    assert_int_equal(ds.d[ds.n - 1].code, CITE_D_YAML_TOO_DEEP);
    assert_int_equal(ds.d[ds.n - 1].line, 2);
    assert_non_null(strstr(ds.d[ds.n - 1].message, "nesting deeper than"));
    assert_int_equal(c.n, 0);
    cite_corpus_release(&c);
}

static void
test_read_syntax_error_returns_minus_one_with_its_line(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c,
                               "---\nsource: ok\ncitations: []\n"
                               "---\nsource: [unclosed\ncitations: []\n",
                               &ds),
                     -1);
    assert_true(ds.n >= 1);
    const struct seen *last = &ds.d[ds.n - 1];
    assert_int_equal(last->code, CITE_D_YAML_SYNTAX);
    assert_int_equal(last->severity, CITE_SEV_ERROR);
    assert_string_equal(last->file, "in.yaml");
    assert_true(last->line >= 5);
    assert_true(last->column >= 1);
    /* the document before the error stays */
    assert_int_equal(c.n, 1);
    assert_string_equal(c.docs[0].source, "ok");
    cite_corpus_release(&c);
}

static void
test_read_invalid_utf8_is_a_syntax_error_at_its_byte(void **state)
{
    (void)state;
    struct cite_corpus c;
    struct diags ds;
    cite_corpus_init(&c);
    assert_int_equal(read_text(&c, "source: a\ntitle: \xff\n", &ds), -1);
    const struct seen *last = &ds.d[ds.n - 1];
    assert_int_equal(last->code, CITE_D_YAML_SYNTAX);
    assert_int_equal(last->line, 2);
    assert_int_equal(last->column, 8);
    assert_int_equal(last->offset, 17);
    cite_corpus_release(&c);
}


/* ---- the fast path against libyaml ------------------------------------ */

static void
assert_same_str(const char *a, const char *b)
{
    if (a == NULL || b == NULL) {
        assert_ptr_equal(a, b);
    } else {
        assert_string_equal(a, b);
    }
}

static void
assert_same_docs(const struct cite_corpus *x, const struct cite_corpus *y)
{
    assert_int_equal(x->n, y->n);
    for (size_t i = 0; i < x->n; i++) {
        const struct cite_doc *a = &x->docs[i], *b = &y->docs[i];
        assert_same_str(a->source, b->source);
        assert_int_equal(a->lang, b->lang);
        assert_int_equal(a->source_line, b->source_line);
        assert_same_str(a->info.id, b->info.id);
        assert_int_equal(a->info.body, b->info.body);
        assert_int_equal(a->info.type, b->info.type);
        assert_int_equal(a->info.session, b->info.session);
        assert_string_equal(a->info.date, b->info.date);
        assert_int_equal(a->info.meeting, b->info.meeting);
        assert_same_str(a->info.vote, b->info.vote);
        assert_same_str(a->info.agenda_item, b->info.agenda_item);
        assert_same_str(a->info.title, b->info.title);
        assert_int_equal(a->nrefs, b->nrefs);
        for (size_t r = 0; r < a->nrefs; r++) {
            const struct cite_ref *p = &a->refs[r], *q = &b->refs[r];
            assert_same_str(p->target, q->target);
            assert_int_equal(p->type, q->type);
            assert_int_equal(p->body, q->body);
            assert_string_equal(p->date, q->date);
            assert_int_equal(p->npinpoint, q->npinpoint);
            for (size_t k = 0; k < p->npinpoint; k++) {
                assert_string_equal(p->pinpoint[k], q->pinpoint[k]);
            }
            assert_int_equal(p->relation, q->relation);
            assert_string_equal(p->where, q->where);
            assert_int_equal(p->line, q->line);
            assert_int_equal(p->column, q->column);
            assert_same_str(p->text, q->text);
        }
    }
}

/* Reads yaml both ways: 1 when the fast path took it (and then gave what
 * libyaml gives, with no diagnostic), 0 when it left it to libyaml. */
static int
fast_and_slow(const char *yaml)
{
    struct cite_corpus fast, slow;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    cite_corpus_init(&fast);
    cite_corpus_init(&slow);
    memset(&ds, 0, sizeof ds);
    int took = cite_i_yaml_fast_read(&fast, yaml, strlen(yaml), NULL) == 0;
    int rc = cite_i_yaml_slow_read(&slow, yaml, strlen(yaml), "in.yaml", &sink);
    if (took) {
        assert_int_equal(rc, 0);
        assert_int_equal(ds.n, 0);
        assert_same_docs(&fast, &slow);
    } else {
        assert_int_equal(fast.n, 0);
    }
    cite_corpus_release(&fast);
    cite_corpus_release(&slow);
    return took;
}

static void
test_fast_path_reads_what_the_writer_writes(void **state)
{
    (void)state;
    /* strings the writer has to quote, escape or may leave plain */
    static const char *const odd[] = {
        "plain words", "it's", "say \"so\"", "back\\slash", "a: b", "a #b",
        "a#b", "- dash", "?", ":", "[x]", "{y}", "x, y", "null", "~", "true",
        "123", "0012", "1.5", "@at", "`tick", "%pct", "!bang", "&amp", "*star",
        "|bar", ">gt", "'single'", "tab\there", "line\nbreak", "cr\rhere",
        "\x01\x1f\x7f", "nbsp\xc2\xa0here", "\xe2\x80\xa8sep", "\xef\xbb\xbf" "bom",
        "決議第 60/251 号", "القرار 60/251", "trailing ", " leading",
        "ends:", "A/RES/60/251", "S/RES/1325(2000)", "", "#", "---", "...",
        "e\xcc\x81", "\xf0\x9f\x98\x80", "\xc2\x85nel", "x\\u0041",
        "ps\xe2\x80\xa9here", "\xef\xbf\xbd", "\xef\xbf\xbe",
    };
    size_t n = sizeof odd / sizeof odd[0], took = 0;
    struct cite_doc *docs = calloc(n, sizeof *docs);
    assert_non_null(docs);
    for (size_t i = 0; i < n; i++) {
        struct cite_doc *d = &docs[i];
        make_contract_doc(d);
        d->source = cite_doc_strdup(d, odd[i]);
        d->info.title = cite_doc_strdup(d, odd[i]);
        d->info.vote = cite_doc_strdup(d, odd[i]);
        d->refs[0].text = cite_doc_strdup(d, odd[i]);
        if (odd[i][0] != '\0') {
            cite_doc_add_pinpoint(d, &d->refs[0], odd[i], strlen(odd[i]));
            d->refs[0].target = cite_doc_strdup(d, odd[i]);
        }
        char *yaml = write_doc(d);
        took += fast_and_slow(yaml);
        free(yaml);
    }
    /* the whole stream at once too */
    char *all = write_docs(docs, n);
    fast_and_slow(all);
    free(all);
    for (size_t i = 0; i < n; i++) {
        cite_doc_release(&docs[i]);
    }
    free(docs);
    /* all but the three strings with a line break in them (LF, LS, PS),
     * which libyaml writes over several lines, take the fast path */
    assert_int_equal(took, n - 3);
}

static void
test_fast_path_takes_the_contract_example(void **state)
{
    (void)state;
    assert_int_equal(fast_and_slow(contract_yaml), 1);
}

static void
test_fast_path_leaves_everything_else_to_libyaml(void **state)
{
    (void)state;
    static const char head[] = "---\nsource: a.txt\nlanguage: en\n";
    static const char *const other[] = {
        "# a comment\n",
        "citations:\n- target: &a A/RES/1/1\n- target: *a\n",
        "citations:\n- {target: A/RES/1/1}\n",
        "citations:\n- target: !!str A/RES/1/1\n",
        "citations:\n- target: A/RES/1/1\n\tline: 3\n",
        "citations:\n- target: A/RES/1/1\r\n",
        "citations:\n- target: A/RES/1/1\n  what: x\n",
        "citations:\n- target: A/RES/1/1\n  target: A/RES/1/2\n",
        "citations:\n- target: A/RES/1/1\n  date: 2001-02-30\n",
        "citations:\n- target: A/RES/1/1\n  line: 012\n",
        "citations:\n- target: A/RES/1/1\n  line: \"12\"\n",
        "citations:\n- target: A/RES/1/1\n  text: null\n",
        "citations:\n- target: A/RES/1/1\n  text: ~\n",
        "citations:\n- target: A/RES/1/1\n  text: \"a\\0b\"\n",
        "citations:\n- target: A/RES/1/1\n  text: |\n    x\n",
        "citations:\n- target: A/RES/1/1\n  text: \"two\n    lines\"\n",
        "citations:\n- target: A/RES/1/1\n  pinpoint: [1, , 2]\n",
        "citations:\n- target: A/RES/1/1\n  in: PP123456789012345\n",
        "citations:\n- target: A/RES/1/1\n  type: rule\n",
        "citations:\n- type: resolution\n",
        "citations:\n    - target: A/RES/1/1\n",
        "citations:\n",
        "document:\n  id: A/RES/1/1\n  session: 2147483648\n",
        "document:\n    id: A/RES/1/1\n",
        "document: {id: A/RES/1/1}\n",
        "citations: []\n...\n",
        "citations: []\nlanguage: fr\n",
        "citations: []\n--- \n",
        "citations:\n- target: A/RES/1/1\n  text: bad \xff byte\n",
        "citations:\n- target: A/RES/1/1\n  text: \xef\xbb\xbf\n",
    };
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        char yaml[512];
        snprintf(yaml, sizeof yaml, "%s%s", head, other[i]);
        if (fast_and_slow(yaml)) {
            fail_msg("the fast path took: %s", other[i]);
        }
    }
    /* a BOM first, or no "---" first */
    assert_int_equal(fast_and_slow("\xef\xbb\xbf---\nsource: a\n"), 0);
    assert_int_equal(fast_and_slow("source: a\n"), 0);
}

/* Every ASCII byte inside a plain value, alone, after a space, before a
 * space and last, in a block value and in a flow sequence: the fast path
 * reads each as libyaml does or leaves it to libyaml (fast_and_slow()
 * compares); a printable byte in a block value it always takes. */
static void
test_fast_path_reads_every_ascii_byte_in_a_plain_value(void **state)
{
    (void)state;
    static const char *const shapes[] = {"a%cb", "a %cb", "a%c b", "a%c"};
    for (int b = 1; b < 0x80; b++) {
        if (b == '\n') {
            continue;
        }
        for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
            char value[16], yaml[256];
            snprintf(value, sizeof value, shapes[k], b);
            snprintf(yaml, sizeof yaml,
                     "---\nsource: a.txt\nlanguage: en\ncitations:\n"
                     "- target: A/RES/1/1\n  text: %s\n", value);
            int took = fast_and_slow(yaml);
            int printable = b >= 0x20 && b < 0x7F;
            /* in a block value only ": " and " #" end a plain scalar */
            int ends = (b == ':' && (k == 2 || k == 3)) || (b == '#' && k == 1);
            if (printable && !ends && !took) {
                fail_msg("the fast path left 'text: %s' to libyaml", value);
            }
            if (!printable && took) {
                fail_msg("the fast path took byte 0x%02x", (unsigned)b);
            }
            snprintf(yaml, sizeof yaml,
                     "---\nsource: a.txt\nlanguage: en\ncitations:\n"
                     "- target: A/RES/1/1\n  pinpoint: [%s, 2]\n", value);
            fast_and_slow(yaml);
        }
    }
}

/* The docs read_each gives, with the bytes read when each was given. */
struct given {
    struct cite_corpus docs;
    size_t consumed[8];
};

static int
keep_given(void *ctx, struct cite_doc *doc, size_t consumed)
{
    struct given *g = ctx;
    if (g->docs.n < sizeof g->consumed / sizeof g->consumed[0]) {
        g->consumed[g->docs.n] = consumed;
    }
    *cite_corpus_add(&g->docs) = *doc;
    return 0;
}

/* Reads yaml with cite_yaml_read_each() into *g (initialised here, the
 * caller releases g->docs): it must succeed, give the docs libyaml alone
 * gives for the whole input, and as many diagnostics (returned). */
static size_t
read_each_as_libyaml(const char *yaml, struct given *g)
{
    size_t n = strlen(yaml);
    struct cite_corpus whole;
    struct diags ds;
    struct cite_diag_sink sink = {collect, &ds};
    memset(g, 0, sizeof *g);
    cite_corpus_init(&g->docs);
    cite_corpus_init(&whole);
    memset(&ds, 0, sizeof ds);
    assert_int_equal(cite_yaml_read_each(yaml, n, "in.yaml", NULL, &sink,
                                         keep_given, g),
                     0);
    size_t each_diags = ds.n;
    memset(&ds, 0, sizeof ds);
    assert_int_equal(cite_i_yaml_slow_read(&whole, yaml, n, "in.yaml", &sink), 0);
    assert_int_equal(each_diags, ds.n);
    assert_same_docs(&g->docs, &whole);
    cite_corpus_release(&whole);
    return each_diags;
}

/* Where the third document of yaml (as our writer writes it) starts: its
 * "---" line. */
static size_t
third_doc_at(const char *yaml)
{
    const char *third = strstr(strstr(strstr(yaml, "---") + 3, "---") + 3, "---");
    assert_non_null(third);
    return (size_t)(third - yaml);
}

static void
test_read_each_gives_the_docs_of_read_mem_even_past_a_fallback(void **state)
{
    (void)state;
    struct cite_doc d[3];
    for (int i = 0; i < 3; i++) {
        make_contract_doc(&d[i]);
    }
    char *good = write_docs(d, 3);
    /* the third document made non-canonical: a comment in it */
    size_t len = strlen(good);
    char *mixed = malloc(len + 32);
    assert_non_null(mixed);
    size_t at = third_doc_at(good) + 4;
    memcpy(mixed, good, at);
    strcpy(mixed + at, "# hand-edited\n");
    strcat(mixed, good + at);
    struct given g;
    assert_int_equal(read_each_as_libyaml(mixed, &g), 0);
    assert_int_equal(g.docs.n, 3);
    cite_corpus_release(&g.docs);
    free(mixed);
    free(good);
    for (int i = 0; i < 3; i++) {
        cite_doc_release(&d[i]);
    }
}

/*
 * A carriage return (a line break to YAML, which our writer never writes)
 * in the third of four documents: the docs before it are given as they are
 * read (the input is not read through first to look for one), the rest by
 * libyaml, and the docs are those libyaml gives for the whole input.  The
 * return ends a line inside the third doc, ends its "---" line (the line
 * that tells where the second ends), or stands alone as a line break.
 */
static void
test_read_each_reads_up_to_a_carriage_return(void **state)
{
    (void)state;
    struct cite_doc d[4];
    for (int i = 0; i < 4; i++) {
        make_contract_doc(&d[i]);
    }
    char *good = write_docs(d, 4);
    size_t len = strlen(good);
    size_t at = third_doc_at(good);
    const char *line = strstr(good + at, "\nlanguage:"); /* the end of its second line */
    assert_non_null(line);
    size_t second_end = (size_t)(line - good);
    for (int where = 0; where < 3; where++) {
        char *mixed = malloc(len + 2);
        assert_non_null(mixed);
        size_t cut = where == 0 ? second_end : at + 3; /* before a '\n' */
        memcpy(mixed, good, cut);
        if (where == 2) {
            mixed[cut] = '\r'; /* "---\r" + "source: ...": a lone CR */
            strcpy(mixed + cut + 1, good + cut + 1);
        } else {
            mixed[cut] = '\r';
            strcpy(mixed + cut + 1, good + cut);
        }
        size_t n = strlen(mixed);
        struct given g;
        read_each_as_libyaml(mixed, &g);
        assert_int_equal(g.docs.n, 4);
        /* the docs before the return's line as they are read (the second
         * too when the return is not on the line after it), the others
         * once libyaml has read the whole input */
        size_t fast = where == 0 ? 2 : 1;
        for (size_t k = 0; k < 4; k++) {
            if (k < fast) {
                assert_true(g.consumed[k] <= at);
            } else {
                assert_int_equal(g.consumed[k], n);
            }
        }
        cite_corpus_release(&g.docs);
        free(mixed);
    }
    free(good);
    for (int i = 0; i < 4; i++) {
        cite_doc_release(&d[i]);
    }
}

/* ---- the direct writer against libyaml -------------------------------- */

static char *
write_libyaml(const struct cite_doc *doc)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    struct cite_yaml_writer *w = cite_i_yaml_writer_new_libyaml(f);
    assert_non_null(w);
    assert_int_equal(cite_yaml_write_doc(w, doc), 0);
    assert_int_equal(cite_yaml_writer_finish(w), 0);
    assert_int_equal(fclose(f), 0);
    return out;
}

/* 1 when the direct path wrote doc (and wrote what libyaml writes). */
static int
direct_and_libyaml(const struct cite_doc *doc)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int took = cite_i_yaml_direct_doc(&b, doc);
    char *via = write_libyaml(doc);
    char *mixed = write_doc(doc); /* whichever the writer picks */
    assert_string_equal(mixed, via);
    if (took) {
        assert_string_equal(b.ptr, via);
    }
    free(via);
    free(mixed);
    cite_i_buf_release(&b);
    return took;
}

/* The direct writer puts the names of our tables (language, body, type,
 * relation) as they stand, unlooked at: each must be one libyaml writes
 * plain.  A name that needed quotes (a new body called "No", say) fails
 * here, where libyaml quotes it and the direct writer would not. */
static void
test_every_name_is_written_as_it_stands(void **state)
{
    (void)state;
    int most = CITE_LANG__COUNT;
    most = CITE_BODY__COUNT > most ? CITE_BODY__COUNT : most;
    most = CITE_TYPE__COUNT > most ? CITE_TYPE__COUNT : most;
    most = CITE_REL__COUNT > most ? CITE_REL__COUNT : most;
    for (int k = 0; k < most; k++) {
        struct cite_doc d;
        make_contract_doc(&d);
        d.lang = (enum cite_lang)(k % CITE_LANG__COUNT);
        d.info.body = (enum cite_body)(k % CITE_BODY__COUNT);
        d.info.type = (enum cite_type)(k % CITE_TYPE__COUNT);
        d.refs[0].body = (enum cite_body)((k + 1) % CITE_BODY__COUNT);
        d.refs[0].type = (enum cite_type)((k + 1) % CITE_TYPE__COUNT);
        d.refs[0].relation = (enum cite_relation)(k % CITE_REL__COUNT);
        assert_int_equal(direct_and_libyaml(&d), 1);
        cite_doc_release(&d);
    }
}

static void
test_direct_writer_writes_what_libyaml_writes(void **state)
{
    (void)state;
    static const char *const odd[] = {
        "plain words", "it's", "say \"so\"", "back\\slash", "a: b", "a:b",
        "a #b", "a#b", "- dash", "-dash", "?", "?x", ":", ":x", "[x]", "x]",
        "{y}", "x, y", "x,y", "null", "~", "true", "yes", "123", "0012",
        "1.5", "14-0-1", "2012-09-27", "2012-02-30", "@at", "`tick", "%pct",
        "!bang", "&amp", "*star", "|bar", ">gt", "'single'", "tab\there",
        "line\nbreak", "\x01\x1f\x7f", "nbsp\xc2\xa0here", "\xc2\xa0lead",
        "\xe2\x80\xa8sep", "\xef\xbb\xbf" "bom", "\xef\xbf\xbd", "\xc2\x85nel",
        "決議第 60/251 号", "القرار 60/251", "trailing ", " leading",
        "ends:", "A/RES/60/251", "S/RES/1325(2000)", "#", "---", "...",
        "--x", "..x", "e\xcc\x81", "\xf0\x9f\x98\x80", "x\\u0041", "2(c)",
        "7 bis", "a,b", "a?b", "x: ", "under_score", "=", "<<", "+.inf",
        "\xff\xfe", "caf\xc3\xa9", "\xe3\x80\x80ideographic space",
        "No", "OFF", "Yes", "Y", "n", "False", "on", "Null", "TRUE", "nope",
        "offer", "Zed", "-1", ".5", "+x",
    };
    size_t n = sizeof odd / sizeof odd[0], took = 0;
    for (size_t i = 0; i < n; i++) {
        for (int where = 0; where < 5; where++) {
            struct cite_doc d;
            make_contract_doc(&d);
            switch (where) {
            case 0: d.info.title = cite_doc_strdup(&d, odd[i]); break;
            case 1: d.info.agenda_item = cite_doc_strdup(&d, odd[i]); break;
            case 2: d.refs[0].target = cite_doc_strdup(&d, odd[i]); break;
            case 3:
                cite_doc_add_pinpoint(&d, &d.refs[0], odd[i], strlen(odd[i]));
                break;
            default: d.source = cite_doc_strdup(&d, odd[i]); break;
            }
            took += (size_t)direct_and_libyaml(&d);
            cite_doc_release(&d);
        }
    }
    /* dates, real and not: a real one is written plain */
    static const char *const dates[] = {
        "2012-09-27", "2012-02-30", "2012-9-27", "+012-09-27", " 012-09-27",
        "2012-09-2x", "0000-01-01", "9999-12-31", "2012/09/27", "1e3",
        "yes", "12-09-2712", "2000-02-29", "1900-02-29", "2012-09-27 ",
    };
    for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        for (int where = 0; where < 2; where++) {
            struct cite_doc d;
            make_contract_doc(&d);
            char *date = where == 0 ? d.info.date : d.refs[0].date;
            snprintf(date, CITE_DATE_LEN, "%s", dates[i]);
            took += (size_t)direct_and_libyaml(&d);
            char *out = write_doc(&d);
            char plain[32], quoted[32];
            snprintf(plain, sizeof plain, "date: %s\n", date);
            snprintf(quoted, sizeof quoted, "date: \"%s\"\n", date);
            /* a real day stands plain; a day that is not, shaped like one,
             * is quoted (a reader would take it for a timestamp) */
            int real = i == 0 || i == 7 || i == 12;
            int unreal = i == 1 || i == 6 || i == 13;
            if ((real && strstr(out, plain) == NULL) ||
                (unreal && strstr(out, quoted) == NULL)) {
                fail_msg("date %zu (%s) in %d:\n%s", i, dates[i], where, out);
            }
            free(out);
            cite_doc_release(&d);
        }
    }
    /* and the docs of every other test: no info, no citations, dates that
     * are not dates */
    struct cite_doc d;
    make_contract_doc(&d);
    assert_int_equal(direct_and_libyaml(&d), 1);
    d.nrefs = 0;
    assert_int_equal(direct_and_libyaml(&d), 1);
    memset(&d.info, 0, sizeof d.info);
    assert_int_equal(direct_and_libyaml(&d), 1);
    cite_doc_release(&d);
    /* the direct path is the common one, not a path never taken */
    assert_true(took > n * 5 / 2);
}

/* A doc kept in a corpus gives back the room its refs array grew, and
 * keeps every citation; it can still grow after. */
static void
test_doc_shrink_keeps_every_citation(void **state)
{
    (void)state;
    struct cite_doc d;
    cite_doc_init(&d);
    char id[32];
    for (int i = 0; i < 20; i++) {
        struct cite_ref *r = cite_doc_add_ref(&d);
        snprintf(id, sizeof id, "A/RES/60/%d", i + 1);
        r->target = cite_doc_strdup(&d, id);
    }
    assert_true(d.refs_cap > d.nrefs);
    cite_doc_shrink(&d);
    assert_int_equal(d.refs_cap, 20);
    assert_int_equal(d.nrefs, 20);
    for (int i = 0; i < 20; i++) {
        snprintf(id, sizeof id, "A/RES/60/%d", i + 1);
        assert_string_equal(d.refs[i].target, id);
    }
    cite_doc_add_ref(&d)->target = cite_doc_strdup(&d, "S/RES/1325(2000)");
    assert_int_equal(d.nrefs, 21);
    assert_string_equal(d.refs[20].target, "S/RES/1325(2000)");
    assert_string_equal(d.refs[19].target, "A/RES/60/20");
    cite_doc_release(&d);
    /* no citations: nothing to give back, nothing lost */
    cite_doc_init(&d);
    cite_doc_shrink(&d);
    assert_int_equal(d.nrefs, 0);
    cite_doc_release(&d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doc_shrink_keeps_every_citation),
        cmocka_unit_test(test_write_matches_the_format_contract),
        cmocka_unit_test(test_write_opens_every_document_with_three_dashes),
        cmocka_unit_test(test_write_omits_unknown_fields),
        cmocka_unit_test(
            test_write_double_quotes_strings_that_would_change_type),
        cmocka_unit_test(test_write_always_double_quotes_the_agenda_item),
        cmocka_unit_test(test_write_leaves_vote_counts_plain),
        cmocka_unit_test(
            test_write_quotes_pinpoints_only_when_they_are_not_numbers),
        cmocka_unit_test(test_write_keeps_cjk_and_arabic_raw),
        cmocka_unit_test(test_write_never_folds_long_lines),
        cmocka_unit_test(test_write_replaces_invalid_utf8_instead_of_failing),
        cmocka_unit_test(test_write_error_is_reported_by_finish),
        cmocka_unit_test(test_round_trip_is_byte_identical),
        cmocka_unit_test(test_read_gives_back_every_field),
        cmocka_unit_test(test_read_empty_stream_gives_no_docs),
        cmocka_unit_test(test_read_empty_citations_list),
        cmocka_unit_test(test_read_sets_the_line_of_each_document),
        cmocka_unit_test(test_read_null_values_count_as_absent_keys),
        cmocka_unit_test(test_read_plain_numbers_in_pinpoint_are_strings),
        cmocka_unit_test(test_read_from_file_equals_read_from_memory),
        cmocka_unit_test(
            test_read_unknown_key_is_reported_where_it_is_and_skipped),
        cmocka_unit_test(
            test_read_wrong_type_for_line_is_reported_at_the_value),
        cmocka_unit_test(test_read_quoted_integer_is_a_wrong_type),
        cmocka_unit_test(
            test_read_citations_that_are_not_a_sequence_are_rejected),
        cmocka_unit_test(test_read_citation_without_target_is_dropped),
        cmocka_unit_test(test_read_unknown_names_are_rejected),
        cmocka_unit_test(test_read_impossible_date_is_rejected),
        cmocka_unit_test(test_read_duplicate_key_is_reported),
        cmocka_unit_test(test_read_document_that_is_not_a_mapping_is_skipped),
        cmocka_unit_test(
            test_read_offsets_are_in_bytes_and_columns_in_code_points),
        cmocka_unit_test(test_read_rejects_an_alias_value),
        cmocka_unit_test(test_read_rejects_an_aliased_citation),
        cmocka_unit_test(test_read_does_not_expand_an_alias_bomb),
        cmocka_unit_test(test_read_offsets_stay_right_when_reports_go_back),
        cmocka_unit_test(test_read_limits_nesting_depth),
        cmocka_unit_test(
            test_read_syntax_error_returns_minus_one_with_its_line),
        cmocka_unit_test(test_read_invalid_utf8_is_a_syntax_error_at_its_byte),
        cmocka_unit_test(test_fast_path_reads_what_the_writer_writes),
        cmocka_unit_test(test_every_name_is_written_as_it_stands),
        cmocka_unit_test(test_direct_writer_writes_what_libyaml_writes),
        cmocka_unit_test(test_fast_path_takes_the_contract_example),
        cmocka_unit_test(test_fast_path_leaves_everything_else_to_libyaml),
        cmocka_unit_test(test_fast_path_reads_every_ascii_byte_in_a_plain_value),
        cmocka_unit_test(
            test_read_each_gives_the_docs_of_read_mem_even_past_a_fallback),
        cmocka_unit_test(test_read_each_reads_up_to_a_carriage_return),
    };
    int n = (int)(sizeof tests / sizeof tests[0]);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    printf("%d passed, %d failed\n", n - failed, failed);
    return failed != 0;
}
