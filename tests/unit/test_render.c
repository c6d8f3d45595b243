/*
 * test_render.c - unit tests of src/render/: the metric tables (text, CSV,
 * TSV, JSON, YAML), the aligned grid and the Graphviz writer, including ids that try to break each
 * format, and a run of the real `dot` on what we write.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cite_doc.h"
#include "cite_graph.h"
#include "cite_render.h"
#include "render/render_int.h"

/* --- helpers ------------------------------------------------------------- */

/* Captures what a writer prints: open, write, then text() to read. */
struct capture {
    FILE *f;
    char *buf;
    size_t len;
};

static void
capture_open(struct capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    assert_non_null(c->f);
}

static const char *
capture_text(struct capture *c)
{
    assert_int_equal(fflush(c->f), 0);
    return c->buf;
}

static void
capture_close(struct capture *c)
{
    fclose(c->f);
    free(c->buf);
}

static struct cite_doc *
add_doc(struct cite_corpus *c, const char *id, enum cite_body body,
        const char *date)
{
    struct cite_doc *d = cite_corpus_add(c);
    d->info.id = cite_doc_strdup(d, id);
    d->info.body = body;
    d->info.type = CITE_TYPE_RESOLUTION;
    snprintf(d->info.date, sizeof d->info.date, "%s", date);
    return d;
}

static void
cite(struct cite_doc *d, const char *target, enum cite_body body,
     enum cite_type type, int times)
{
    for (int i = 0; i < times; i++) {
        struct cite_ref *r = cite_doc_add_ref(d);
        r->target = cite_doc_strdup(d, target);
        r->body = body;
        r->type = type;
    }
}

static struct cite_graph *
build(const struct cite_corpus *c)
{
    struct cite_graph *g = NULL;
    char err[256] = "";
    if (cite_graph_build(&g, c, err, sizeof err) != 0) {
        fail_msg("cite_graph_build: %s", err);
    }
    return g;
}

/* Nodes with the given ids, no edges, for the table tests. */
static struct cite_graph *
graph_of_ids(struct cite_corpus *c, const char *const *ids, size_t n)
{
    cite_corpus_init(c);
    for (size_t i = 0; i < n; i++) {
        add_doc(c, ids[i], CITE_BODY_HRC, "");
    }
    return build(c);
}

#define M(v, i, m) ((v)[(size_t)(i)*CITE_M__COUNT + (m)])

/* Row i gets in = i + 1, out = 2, pagerank = 0.25 + i / 8, hub = 1 / 3,
 * authority = 0, coreness = i, betweenness = 1.5 i, closeness = 0.5,
 * harmonic = 0.75, eigenvector = 1, age_norm = (i + 1) / 4. */
static void
fill_values(double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        M(v, i, CITE_M_IN_DEGREE) = (double)(i + 1);
        M(v, i, CITE_M_OUT_DEGREE) = 2;
        M(v, i, CITE_M_PAGERANK) = 0.25 + (double)i / 8;
        M(v, i, CITE_M_HUB) = 1.0 / 3;
        M(v, i, CITE_M_AUTHORITY) = 0;
        M(v, i, CITE_M_CORENESS) = (double)i;
        M(v, i, CITE_M_BETWEENNESS) = 1.5 * (double)i;
        M(v, i, CITE_M_CLOSENESS) = 0.5;
        M(v, i, CITE_M_HARMONIC) = 0.75;
        M(v, i, CITE_M_EIGENVECTOR) = 1;
        M(v, i, CITE_M_AGE_NORM) = (double)(i + 1) / 4;
    }
}

/* Renders a table of the given ids in node order. */
static char *
table(enum cite_table_format fmt, const char *const *ids, size_t n,
      const double *override)
{
    struct cite_corpus c;
    struct cite_graph *g = graph_of_ids(&c, ids, n);
    double v[8 * CITE_M__COUNT];
    size_t order[8];
    assert_true(n <= 8);
    fill_values(v, n);
    if (override != NULL) {
        memcpy(v, override, n * CITE_M__COUNT * sizeof *v);
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_render_table(cap.f, g, v, order, n, fmt), 0);
    char *out = strdup(capture_text(&cap));
    capture_close(&cap);
    cite_graph_free(g);
    cite_corpus_release(&c);
    return out;
}

/* The line-th line (from 0) of s, in buf. */
static const char *
line_of(const char *s, int line, char *buf, size_t size)
{
    for (int k = 0; k < line; k++) {
        s = strchr(s, '\n');
        assert_non_null(s);
        s++;
    }
    size_t n = strcspn(s, "\n");
    assert_true(n < size);
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* --- CSV and TSV --------------------------------------------------------- */

static void
test_csv_header_is_exact(void **st)
{
    (void)st;
    static const char *const ids[] = {"A/HRC/RES/10/1"};
    char *out = table(CITE_TABLE_CSV, ids, 1, NULL);
    char line[256];
    assert_string_equal(line_of(out, 0, line, sizeof line),
                        "id,in_degree,out_degree,pagerank,hub,authority,"
                        "coreness,betweenness,closeness,harmonic,eigenvector,"
                        "age_norm");
    free(out);
}

static void
test_csv_row_has_integer_degrees_and_six_decimal_scores(void **st)
{
    (void)st;
    static const char *const ids[] = {"A/HRC/RES/10/1", "S/RES/1325(2000)"};
    char *out = table(CITE_TABLE_CSV, ids, 2, NULL);
    char line[256];
    assert_string_equal(line_of(out, 1, line, sizeof line),
                        "A/HRC/RES/10/1,1,2,0.250000,0.333333,0.000000,0,"
                        "0.000000,0.500000,0.750000,1.000000,0.250000");
    assert_string_equal(line_of(out, 2, line, sizeof line),
                        "S/RES/1325(2000),2,2,0.375000,0.333333,0.000000,1,"
                        "1.500000,0.500000,0.750000,1.000000,0.500000");
    free(out);
}

static void
test_csv_quotes_ids_only_when_needed(void **st)
{
    (void)st;
    static const char *const ids[] = {"a,b", "say \"x\"", "two\nlines",
                                      "plain"};
    char *out = table(CITE_TABLE_CSV, ids, 4, NULL);
    assert_non_null(strstr(out, "\n\"a,b\",1,"));
    assert_non_null(strstr(out, "\n\"say \"\"x\"\"\",2,"));
    assert_non_null(strstr(out, "\n\"two\nlines\",3,"));
    assert_non_null(strstr(out, "\nplain,4,"));
    free(out);
}

static void
test_csv_leaves_non_finite_values_empty(void **st)
{
    (void)st;
    static const char *const ids[] = {"x"};
    /* betweenness NaN: what rank --no-betweenness gives */
    double v[CITE_M__COUNT] = {1, 1, NAN, INFINITY, 0, 1, NAN, 0.5, 0.5, 1, 0};
    char *out = table(CITE_TABLE_CSV, ids, 1, v);
    char line[256];
    assert_string_equal(line_of(out, 1, line, sizeof line),
                        "x,1,1,,,0.000000,1,,0.500000,0.500000,1.000000,"
                        "0.000000");
    free(out);
}

static void
test_tsv_header_uses_tabs(void **st)
{
    (void)st;
    static const char *const ids[] = {"x"};
    char *out = table(CITE_TABLE_TSV, ids, 1, NULL);
    char line[256];
    assert_string_equal(line_of(out, 0, line, sizeof line),
                        "id\tin_degree\tout_degree\tpagerank\thub\tauthority\t"
                        "coreness\tbetweenness\tcloseness\tharmonic\t"
                        "eigenvector\tage_norm");
    free(out);
}

static void
test_tsv_escapes_tabs_newlines_and_backslashes(void **st)
{
    (void)st;
    static const char *const ids[] = {"a\tb\nc\\d\re"};
    char *out = table(CITE_TABLE_TSV, ids, 1, NULL);
    char line[256];
    assert_string_equal(line_of(out, 1, line, sizeof line),
                        "a\\tb\\nc\\\\d\\re\t1\t2\t0.250000\t0.333333\t"
                        "0.000000\t0\t0.000000\t0.500000\t0.750000\t"
                        "1.000000\t0.250000");
    /* one header and one row, nothing split */
    assert_null(strchr(strchr(strchr(out, '\n') + 1, '\n') + 1, '\n'));
    free(out);
}

/* --- JSON ---------------------------------------------------------------- */

static void
test_json_is_an_array_of_objects_with_every_metric(void **st)
{
    (void)st;
    static const char *const ids[] = {"A/RES/60/251", "B"};
    char *out = table(CITE_TABLE_JSON, ids, 2, NULL);
    assert_string_equal(
        out, "[\n"
             "  {\"id\": \"A/RES/60/251\", \"in_degree\": 1, \"out_degree\": "
             "2, \"pagerank\": 0.25, \"hub\": 0.3333333333333333, "
             "\"authority\": 0, \"coreness\": 0, \"betweenness\": 0, "
             "\"closeness\": 0.5, \"harmonic\": 0.75, \"eigenvector\": 1, "
             "\"age_norm\": 0.25},\n"
             "  {\"id\": \"B\", \"in_degree\": 2, \"out_degree\": 2, "
             "\"pagerank\": 0.375, \"hub\": 0.3333333333333333, "
             "\"authority\": 0, \"coreness\": 1, \"betweenness\": 1.5, "
             "\"closeness\": 0.5, \"harmonic\": 0.75, \"eigenvector\": 1, "
             "\"age_norm\": 0.5}\n"
             "]\n");
    free(out);
}

static void
test_json_numbers_read_back_exactly(void **st)
{
    (void)st;
    static const char *const ids[] = {"x"};
    double v[CITE_M__COUNT] = {3, 0, 0.1, 1.0 / 3, 2.0 / 3, 7};
    char *out = table(CITE_TABLE_JSON, ids, 1, v);
    const char *p = strstr(out, "\"pagerank\": ");
    assert_non_null(p);
    assert_true(strtod(p + 12, NULL) == 0.1);
    assert_non_null(strstr(out, "\"pagerank\": 0.1,"));
    p = strstr(out, "\"hub\": ");
    assert_true(strtod(p + 7, NULL) == 1.0 / 3);
    p = strstr(out, "\"authority\": ");
    assert_true(strtod(p + 13, NULL) == 2.0 / 3);
    free(out);
}

static void
test_json_writes_non_finite_values_as_null(void **st)
{
    (void)st;
    static const char *const ids[] = {"x"};
    double v[CITE_M__COUNT] = {1, 1, NAN, INFINITY, -INFINITY, 0, NAN};
    char *out = table(CITE_TABLE_JSON, ids, 1, v);
    assert_non_null(strstr(out, "\"pagerank\": null, \"hub\": null, "
                                "\"authority\": null, \"coreness\": 0, "
                                "\"betweenness\": null, \"closeness\": 0,"));
    free(out);
}

static void
test_json_escapes_quotes_backslashes_and_control_characters(void **st)
{
    (void)st;
    static const char *const ids[] = {"a\"b\\c\nd\te\x01"
                                      "f"};
    char *out = table(CITE_TABLE_JSON, ids, 1, NULL);
    assert_non_null(strstr(out, "{\"id\": \"a\\\"b\\\\c\\nd\\te\\u0001f\","));
    free(out);
}

static void
test_json_keeps_utf8_and_replaces_invalid_bytes(void **st)
{
    (void)st;
    static const char *const ids[] = {"决议 قرار", "bad\xff"};
    char *out = table(CITE_TABLE_JSON, ids, 2, NULL);
    assert_non_null(strstr(out, "\"id\": \"决议 قرار\""));
    assert_non_null(strstr(out, "\"id\": \"bad\\uFFFD\""));
    free(out);
}

static void
test_json_empty_table_is_empty_array(void **st)
{
    (void)st;
    char *out = table(CITE_TABLE_JSON, NULL, 0, NULL);
    assert_string_equal(out, "[]\n");
    free(out);
}

/* --- YAML ---------------------------------------------------------------- */

static char *
yaml_table(const char *const *ids, size_t n, const double *override)
{
    struct cite_corpus c;
    struct cite_graph *g = graph_of_ids(&c, ids, n);
    double v[8 * CITE_M__COUNT];
    size_t order[8];
    assert_true(n <= 8);
    fill_values(v, n);
    if (override != NULL) {
        memcpy(v, override, n * CITE_M__COUNT * sizeof *v);
    }
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_i_render_table_yaml(cap.f, g, v, order, n), 0);
    char *out = strdup(capture_text(&cap));
    capture_close(&cap);
    cite_graph_free(g);
    cite_corpus_release(&c);
    return out;
}

static void
test_yaml_table_is_a_sequence_of_mappings(void **st)
{
    (void)st;
    static const char *const ids[] = {"A/RES/60/251"};
    char *out = yaml_table(ids, 1, NULL);
    assert_string_equal(out, "- id: \"A/RES/60/251\"\n"
                             "  in_degree: 1\n"
                             "  out_degree: 2\n"
                             "  pagerank: 0.25\n"
                             "  hub: 0.3333333333333333\n"
                             "  authority: 0\n"
                             "  coreness: 0\n"
                             "  betweenness: 0\n"
                             "  closeness: 0.5\n"
                             "  harmonic: 0.75\n"
                             "  eigenvector: 1\n"
                             "  age_norm: 0.25\n");
    free(out);
}

static void
test_yaml_table_quotes_ids_that_would_read_as_other_values(void **st)
{
    (void)st;
    static const char *const ids[] = {"null", "1e3", "- x", "a: b #c"};
    char *out = yaml_table(ids, 4, NULL);
    assert_non_null(strstr(out, "- id: \"null\"\n"));
    assert_non_null(strstr(out, "- id: \"1e3\"\n"));
    assert_non_null(strstr(out, "- id: \"- x\"\n"));
    assert_non_null(strstr(out, "- id: \"a: b #c\"\n"));
    free(out);
}

static void
test_yaml_table_escapes_quotes_backslashes_and_breaks(void **st)
{
    (void)st;
    /* U+2028 and U+0085 are line breaks to YAML 1.1 readers */
    static const char *const ids[] = {"a\"b\\c\nd\te\x01"
                                      "f\xe2\x80\xa8g\xc2\x85h\xff"};
    char *out = yaml_table(ids, 1, NULL);
    assert_non_null(strstr(out, "- id: \"a\\\"b\\\\c\\nd\\te\\x01f\\u2028g"
                                "\\x85h\\uFFFD\"\n"));
    free(out);
}

static void
test_yaml_table_keeps_cjk_and_arabic(void **st)
{
    (void)st;
    static const char *const ids[] = {"决议 قرار"};
    char *out = yaml_table(ids, 1, NULL);
    assert_non_null(strstr(out, "- id: \"决议 قرار\"\n"));
    free(out);
}

static void
test_yaml_table_writes_non_finite_values_as_null(void **st)
{
    (void)st;
    static const char *const ids[] = {"x"};
    double v[CITE_M__COUNT] = {1, 1, NAN, INFINITY, 0, 1, NAN};
    char *out = yaml_table(ids, 1, v);
    assert_non_null(strstr(out, "  pagerank: null\n  hub: null\n"));
    assert_non_null(strstr(out, "  betweenness: null\n"));
    free(out);
}

static void
test_yaml_empty_table_is_empty_sequence(void **st)
{
    (void)st;
    char *out = yaml_table(NULL, 0, NULL);
    assert_string_equal(out, "[]\n");
    free(out);
}

/* --- aligned grid -------------------------------------------------------- */

static void
test_grid_aligns_text_left_and_numbers_right(void **st)
{
    (void)st;
    static const unsigned char numeric[] = {0, 1, 0};
    struct cite_i_grid t;
    cite_i_grid_init(&t, 3, numeric);
    static const char *const cells[] = {"id",     "score", "note",
                                        "决议",   "0.5",   "x",
                                        "S/1\x1b", "12.25", ""};
    for (size_t k = 0; k < 9; k++) {
        cite_i_grid_add(&t, cells[k]);
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_grid_render(&t, &b);
    /* the escaped ESC is four columns wide, the two CJK characters four */
    assert_string_equal(b.ptr, "id       score  note\n"
                               "决议       0.5  x\n"
                               "S/1\\x1B  12.25  \n");
    cite_i_buf_release(&b);
    cite_i_grid_release(&t);
}

/* --- text ---------------------------------------------------------------- */

static void
test_text_table_aligns_columns(void **st)
{
    (void)st;
    static const char *const ids[] = {"A/HRC/RES/10/1", "S/1"};
    double v[2 * CITE_M__COUNT];
    fill_values(v, 2);
    M(v, 1, CITE_M_IN_DEGREE) = 12345;
    char *out = table(CITE_TABLE_TEXT, ids, 2, v);
    char l0[256], l1[256], l2[256];
    line_of(out, 0, l0, sizeof l0);
    line_of(out, 1, l1, sizeof l1);
    line_of(out, 2, l2, sizeof l2);
    assert_string_equal(l0, "id              in_degree  out_degree  pagerank  "
                            "     hub  authority  coreness  betweenness  "
                            "closeness  harmonic  eigenvector  age_norm");
    assert_string_equal(l1, "A/HRC/RES/10/1          1           2  0.250000  "
                            "0.333333   0.000000         0     0.000000   "
                            "0.500000  0.750000     1.000000  0.250000");
    assert_string_equal(l2, "S/1                 12345           2  0.375000  "
                            "0.333333   0.000000         1     1.500000   "
                            "0.500000  0.750000     1.000000  0.500000");
    free(out);
}

static void
test_text_table_gives_wide_characters_two_columns(void **st)
{
    (void)st;
    /* four CJK characters fill eight columns, like the eight-letter id */
    static const char *const ids[] = {"ABCDEFGH", "人权理事"};
    char *out = table(CITE_TABLE_TEXT, ids, 2, NULL);
    char l1[256], l2[256];
    line_of(out, 1, l1, sizeof l1);
    line_of(out, 2, l2, sizeof l2);
    assert_int_equal(strlen(l1) - 8, strlen(l2) - strlen("人权理事"));
    free(out);
}

static void
test_text_table_shows_control_characters_escaped(void **st)
{
    (void)st;
    /* an escape sequence in an id must not reach the terminal raw */
    static const char *const ids[] = {"x\x1b[31my"};
    char *out = table(CITE_TABLE_TEXT, ids, 1, NULL);
    assert_null(strchr(out, '\x1b'));
    assert_non_null(strstr(out, "x\\x1B[31my"));
    free(out);
}

/* --- table arguments ----------------------------------------------------- */

static void
test_table_rows_follow_the_given_order(void **st)
{
    (void)st;
    struct cite_corpus c;
    static const char *const ids[] = {"first", "second", "third"};
    struct cite_graph *g = graph_of_ids(&c, ids, 3);
    double v[3 * CITE_M__COUNT];
    fill_values(v, 3);
    size_t order[] = {2, 0};
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_render_table(cap.f, g, v, order, 2, CITE_TABLE_CSV),
                     0);
    const char *out = capture_text(&cap);
    char line[256];
    assert_string_equal(line_of(out, 1, line, sizeof line),
                        "third,3,2,0.500000,0.333333,0.000000,2,3.000000,"
                        "0.500000,0.750000,1.000000,0.750000");
    assert_string_equal(line_of(out, 2, line, sizeof line),
                        "first,1,2,0.250000,0.333333,0.000000,0,0.000000,"
                        "0.500000,0.750000,1.000000,0.250000");
    assert_null(strstr(out, "second"));
    capture_close(&cap);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_table_refuses_row_outside_graph(void **st)
{
    (void)st;
    struct cite_corpus c;
    static const char *const ids[] = {"only"};
    struct cite_graph *g = graph_of_ids(&c, ids, 1);
    double v[CITE_M__COUNT] = {0};
    size_t order[] = {1};
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_render_table(cap.f, g, v, order, 1, CITE_TABLE_CSV),
                     -1);
    assert_int_equal(strlen(capture_text(&cap)), 0);
    capture_close(&cap);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_table_reports_write_error(void **st)
{
    (void)st;
    struct cite_corpus c;
    static const char *const ids[] = {"x"};
    struct cite_graph *g = graph_of_ids(&c, ids, 1);
    double v[CITE_M__COUNT] = {0};
    size_t order[] = {0};
    /* a stream open for reading only refuses every write */
    FILE *ro = fopen("/dev/null", "r");
    assert_non_null(ro);
    assert_int_equal(cite_render_table(ro, g, v, order, 1, CITE_TABLE_TEXT),
                     -1);
    assert_int_equal(cite_render_dot(ro, g, NULL), -1);
    fclose(ro);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- DOT strings --------------------------------------------------------- */

static char *
dot_string(const char *s)
{
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_render_dot_string(cap.f, s), 0);
    char *out = strdup(capture_text(&cap));
    capture_close(&cap);
    return out;
}

static void
test_dot_string_escapes_quotes_and_backslashes(void **st)
{
    (void)st;
    char *out = dot_string("a\"b\\c\\");
    assert_string_equal(out, "\"a\\\"b\\\\c\\\\\"");
    free(out);
}

static void
test_dot_string_writes_line_breaks_as_backslash_n(void **st)
{
    (void)st;
    char *out = dot_string("a\nb\r\nc\rd");
    assert_string_equal(out, "\"a\\nb\\nc\\nd\"");
    free(out);
}

static void
test_dot_string_keeps_cjk_and_arabic(void **st)
{
    (void)st;
    char *out = dot_string("第21/21号决议 · القرار ٢١/٢١");
    assert_string_equal(out, "\"第21/21号决议 · القرار ٢١/٢١\"");
    free(out);
}

static void
test_dot_string_drops_control_characters(void **st)
{
    (void)st;
    char *out = dot_string("a\x01"
                           "b\x7f"
                           "c\td\x1b"
                           "e\xc2\x85"
                           "f");
    assert_string_equal(out, "\"abc de"
                             "f\"");
    free(out);
}

static void
test_dot_string_replaces_invalid_utf8(void **st)
{
    (void)st;
    char *out = dot_string("x\xff"
                           "y\xe4\xb8");
    assert_string_equal(out, "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\"");
    free(out);
}

static void
test_dot_string_of_null_is_empty_string(void **st)
{
    (void)st;
    char *out = dot_string(NULL);
    assert_string_equal(out, "\"\"");
    free(out);
}

/* --- DOT graphs ---------------------------------------------------------- */

/*
 * HRC resolution H (corpus, dated) cites GA resolution G four times, SC
 * resolution S once, instrument U once and document D once; only H is in
 * the corpus.
 */
static struct cite_graph *
dot_fixture(struct cite_corpus *c)
{
    cite_corpus_init(c);
    struct cite_doc *d =
        add_doc(c, "A/HRC/RES/10/1", CITE_BODY_HRC, "2009-03-26");
    d->info.title = cite_doc_strdup(d, "Human rights \"and\" water");
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, 4);
    cite(d, "S/RES/1325(2000)", CITE_BODY_SC, CITE_TYPE_RESOLUTION, 1);
    cite(d, "instrument:udhr", CITE_BODY_NONE, CITE_TYPE_INSTRUMENT, 1);
    cite(d, "E/CN.4/2005/L.10", CITE_BODY_NONE, CITE_TYPE_DOCUMENT, 1);
    return build(c);
}

static char *
dot_of(const struct cite_graph *g, const unsigned char *keep)
{
    struct capture cap;
    capture_open(&cap);
    assert_int_equal(cite_render_dot(cap.f, g, keep), 0);
    char *out = strdup(capture_text(&cap));
    capture_close(&cap);
    return out;
}

/* The line of out that starts (after indentation) with start. */
static const char *
dot_line(const char *out, const char *start, char *buf, size_t size)
{
    char needle[256];
    snprintf(needle, sizeof needle, "\n    %s", start);
    const char *p = strstr(out, needle);
    if (p == NULL) {
        fail_msg("no line starting %s in:\n%s", start, out);
    }
    p += 5;
    size_t n = strcspn(p, "\n");
    assert_true(n < size);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

static void
test_dot_is_a_digraph_named_citations(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    assert_true(strncmp(out, "digraph citations {\n", 20) == 0);
    /* what is cited, usually older, on the left */
    assert_non_null(strstr(out, "rankdir=RL"));
    assert_non_null(strstr(out, "fontname="));
    size_t n = strlen(out);
    assert_string_equal(out + n - 2, "}\n");
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_labels_carry_id_and_date_when_known(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    char line[512];
    dot_line(out, "\"A/HRC/RES/10/1\" [", line, sizeof line);
    /* id, date, then the title wrapped to short lines */
    assert_non_null(strstr(
        line, "label=\"A/HRC/RES/10/1\\n2009-03-26\\nHuman rights \\\"and\\\" water\""));
    dot_line(out, "\"A/RES/60/251\" [", line, sizeof line);
    assert_non_null(strstr(line, "label=\"A/RES/60/251\","));
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_shape_and_colour_follow_body_and_type(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    char line[512];
    static const struct {
        const char *node;
        const char *shape;
    } want[] = {
        {"\"A/HRC/RES/10/1\" [", "shape=box, fillcolor=\"#cfe2f3\""},
        {"\"A/RES/60/251\" [", "shape=ellipse, fillcolor=\"#d9ead3\""},
        {"\"S/RES/1325(2000)\" [", "shape=hexagon, fillcolor=\"#f4cccc\""},
        {"\"instrument:udhr\" [", "shape=tab, fillcolor=\"#fce5cd\""},
        {"\"E/CN.4/2005/L.10\" [", "shape=note, fillcolor=\"#eeeeee\""},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        dot_line(out, want[i].node, line, sizeof line);
        if (strstr(line, want[i].shape) == NULL) {
            fail_msg("%s lacks %s", line, want[i].shape);
        }
    }
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_dashes_nodes_outside_corpus(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    char line[512];
    dot_line(out, "\"A/HRC/RES/10/1\" [", line, sizeof line);
    assert_null(strstr(line, "dashed"));
    dot_line(out, "\"A/RES/60/251\" [", line, sizeof line);
    assert_non_null(strstr(line, "style=\"filled,dashed\""));
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_edge_pen_and_label_grow_with_weight(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    char line[512];
    /* four mentions: 1 + log2 4 = 3 */
    dot_line(out, "\"A/HRC/RES/10/1\" -> \"A/RES/60/251\"", line, sizeof line);
    assert_string_equal(line, "\"A/HRC/RES/10/1\" -> \"A/RES/60/251\" "
                              "[penwidth=3.0, label=\"\xC3\x97" "4\"];");
    dot_line(out, "\"A/HRC/RES/10/1\" -> \"S/RES/1325(2000)\"", line,
             sizeof line);
    assert_string_equal(line, "\"A/HRC/RES/10/1\" -> \"S/RES/1325(2000)\" "
                              "[penwidth=1.0];");
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_keep_limits_nodes_and_edges(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    unsigned char keep[5] = {1, 0, 1, 0, 0};
    char *out = dot_of(g, keep);
    assert_non_null(strstr(out, "\"S/RES/1325(2000)\" ["));
    assert_null(strstr(out, "A/RES/60/251"));
    assert_null(strstr(out, "udhr"));
    assert_non_null(strstr(out, "-> \"S/RES/1325(2000)\""));
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_title_becomes_escaped_tooltip(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *out = dot_of(g, NULL);
    assert_non_null(strstr(
        out, "tooltip=\"Human rights \\\"and\\\" water (2009-03-26)\""));
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_dot_output_is_deterministic(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = dot_fixture(&c);
    char *a = dot_of(g, NULL);
    cite_graph_free(g);
    cite_corpus_release(&c);
    g = dot_fixture(&c);
    char *b = dot_of(g, NULL);
    assert_string_equal(a, b);
    free(a);
    free(b);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* Runs cmd through the shell; its exit status, or -1. */
static int
run(const char *cmd)
{
    int status = system(cmd);
    if (status == -1 || !WIFEXITED(status)) {
        return -1;
    }
    return WEXITSTATUS(status);
}

static char *
slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int ch;
    while ((ch = fgetc(f)) != EOF) {
        if (len + 2 > cap) {
            cap = cap ? 2 * cap : 4096;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        buf[len++] = (char)ch;
    }
    fclose(f);
    if (buf == NULL) {
        buf = calloc(1, 1);
    }
    buf[len] = '\0';
    return buf;
}

static void
test_graphviz_accepts_output_with_hostile_ids(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_doc *d =
        add_doc(&c, "A/HRC/RES/21/21", CITE_BODY_HRC, "2012-09-27");
    static const char *const hostile[] = {
        "say \"hi\"",
        "back\\slash",
        "ends\\",
        "two\nlines",
        "第21/21号决议",
        "القرار ٢١/٢١",
        "ctl\x01\x1b"
        "x",
        "bad\xff\xfe",
        "tab\there",
        "\\N\\G\\l",
        "}; digraph evil {",
    };
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        cite(d, hostile[i], CITE_BODY_NONE, CITE_TYPE_DOCUMENT, (int)i + 1);
    }
    struct cite_graph *g = build(&c);

    char dir[] = "/tmp/citegraph-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char dotpath[64], svgpath[64], errpath[64], cmd[256];
    snprintf(dotpath, sizeof dotpath, "%s/g.dot", dir);
    snprintf(svgpath, sizeof svgpath, "%s/g.svg", dir);
    snprintf(errpath, sizeof errpath, "%s/err", dir);
    FILE *f = fopen(dotpath, "w");
    assert_non_null(f);
    assert_int_equal(cite_render_dot(f, g, NULL), 0);
    assert_int_equal(fclose(f), 0);

    snprintf(cmd, sizeof cmd, "dot -Tsvg -o %s %s 2>%s", svgpath, dotpath,
             errpath);
    int status = run(cmd);
    char *svg = slurp(svgpath);
    char *err = slurp(errpath);
    char *dot = slurp(dotpath);
    if (status != 0 || err[0] != '\0') {
        fail_msg("dot exited %d, said:\n%s\non:\n%s", status, err, dot);
    }
    /* every id is one node: the injection attempt did not split the graph */
    size_t nodes = 0;
    for (const char *p = svg; (p = strstr(p, "class=\"node\"")) != NULL; p++) {
        nodes++;
    }
    /* and the legend */
    assert_int_equal(nodes, 2 + sizeof hostile / sizeof hostile[0]);
    assert_non_null(strstr(svg, "第21/21号决议"));
    assert_non_null(strstr(svg, "القرار ٢١/٢١"));
    free(svg);
    free(err);
    free(dot);
    unlink(dotpath);
    unlink(svgpath);
    unlink(errpath);
    rmdir(dir);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_header_is_exact),
        cmocka_unit_test(
            test_csv_row_has_integer_degrees_and_six_decimal_scores),
        cmocka_unit_test(test_csv_quotes_ids_only_when_needed),
        cmocka_unit_test(test_csv_leaves_non_finite_values_empty),
        cmocka_unit_test(test_tsv_header_uses_tabs),
        cmocka_unit_test(test_tsv_escapes_tabs_newlines_and_backslashes),
        cmocka_unit_test(test_json_is_an_array_of_objects_with_every_metric),
        cmocka_unit_test(test_json_numbers_read_back_exactly),
        cmocka_unit_test(test_json_writes_non_finite_values_as_null),
        cmocka_unit_test(
            test_json_escapes_quotes_backslashes_and_control_characters),
        cmocka_unit_test(test_json_keeps_utf8_and_replaces_invalid_bytes),
        cmocka_unit_test(test_json_empty_table_is_empty_array),
        cmocka_unit_test(test_yaml_table_is_a_sequence_of_mappings),
        cmocka_unit_test(
            test_yaml_table_quotes_ids_that_would_read_as_other_values),
        cmocka_unit_test(test_yaml_table_escapes_quotes_backslashes_and_breaks),
        cmocka_unit_test(test_yaml_table_keeps_cjk_and_arabic),
        cmocka_unit_test(test_yaml_table_writes_non_finite_values_as_null),
        cmocka_unit_test(test_yaml_empty_table_is_empty_sequence),
        cmocka_unit_test(test_grid_aligns_text_left_and_numbers_right),
        cmocka_unit_test(test_text_table_aligns_columns),
        cmocka_unit_test(test_text_table_gives_wide_characters_two_columns),
        cmocka_unit_test(test_text_table_shows_control_characters_escaped),
        cmocka_unit_test(test_table_rows_follow_the_given_order),
        cmocka_unit_test(test_table_refuses_row_outside_graph),
        cmocka_unit_test(test_table_reports_write_error),
        cmocka_unit_test(test_dot_string_escapes_quotes_and_backslashes),
        cmocka_unit_test(test_dot_string_writes_line_breaks_as_backslash_n),
        cmocka_unit_test(test_dot_string_keeps_cjk_and_arabic),
        cmocka_unit_test(test_dot_string_drops_control_characters),
        cmocka_unit_test(test_dot_string_replaces_invalid_utf8),
        cmocka_unit_test(test_dot_string_of_null_is_empty_string),
        cmocka_unit_test(test_dot_is_a_digraph_named_citations),
        cmocka_unit_test(test_dot_labels_carry_id_and_date_when_known),
        cmocka_unit_test(test_dot_shape_and_colour_follow_body_and_type),
        cmocka_unit_test(test_dot_dashes_nodes_outside_corpus),
        cmocka_unit_test(test_dot_edge_pen_and_label_grow_with_weight),
        cmocka_unit_test(test_dot_keep_limits_nodes_and_edges),
        cmocka_unit_test(test_dot_title_becomes_escaped_tooltip),
        cmocka_unit_test(test_dot_output_is_deterministic),
        cmocka_unit_test(test_graphviz_accepts_output_with_hostile_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
