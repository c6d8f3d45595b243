/*
 * test_export.c - unit tests of src/render/export.c: the network as
 * GraphML, GML, JSON and CSV, with ids and titles that try to break each
 * syntax (quotes, backslashes, line breaks, markup, control characters,
 * invalid UTF-8) and others that must come through untouched (Chinese,
 * Arabic), and igraph's own readers run on what we write.
 *
 * The igraph round trips are why this test includes <igraph.h>: they
 * check that the files are what another tool reads, not what we think it
 * reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <igraph.h>

#include "cite_doc.h"
#include "cite_graph.h"
#include "cite_render.h"

/* --- helpers ------------------------------------------------------------- */

static struct cite_doc *
add_doc(struct cite_corpus *c, const char *id, const char *title,
        const char *date)
{
    struct cite_doc *d = cite_corpus_add(c);
    d->info.id = cite_doc_strdup(d, id);
    d->info.body = CITE_BODY_HRC;
    d->info.type = CITE_TYPE_RESOLUTION;
    d->info.session = 21;
    d->lang = CITE_LANG_EN;
    snprintf(d->info.date, sizeof d->info.date, "%s", date);
    if (title != NULL) {
        d->info.title = cite_doc_strdup(d, title);
    }
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

/* One corpus document with the given title, citing a GA resolution three
 * times and a report once. */
static struct cite_graph *
titled(struct cite_corpus *c, const char *id, const char *title)
{
    cite_corpus_init(c);
    struct cite_doc *d = add_doc(c, id, title, "2012-09-27");
    cite(d, "A/RES/60/251", CITE_BODY_GA, CITE_TYPE_RESOLUTION, 3);
    cite(d, "A/HRC/21/2", CITE_BODY_NONE, CITE_TYPE_DOCUMENT, 1);
    return build(c);
}

static char *export(const struct cite_graph *g, enum cite_export_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(cite_render_export(f, g, fmt), 0);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* Export of a one-document graph titled title, in fmt. */
static char *
export_title(const char *title, enum cite_export_format fmt)
{
    struct cite_corpus c;
    struct cite_graph *g = titled(&c, "A/HRC/RES/21/21", title);
    char *out = export(g, fmt);
    cite_graph_free(g);
    cite_corpus_release(&c);
    return out;
}

static void
assert_contains(const char *haystack, const char *needle)
{
    if (strstr(haystack, needle) == NULL) {
        fail_msg("expected\n%s\nin\n%s", needle, haystack);
    }
}

/* --- GraphML ------------------------------------------------------------- */

static void
test_graphml_escapes_markup_and_quotes(void **st)
{
    (void)st;
    char *out = export_title("a \"q\" & <b> 'x'", CITE_EXPORT_GRAPHML);
    assert_contains(out, "<data key=\"title\">a &quot;q&quot; &amp; "
                         "&lt;b&gt; &apos;x&apos;</data>");
    free(out);
}

static void
test_graphml_keeps_backslashes(void **st)
{
    (void)st;
    char *out = export_title("back\\slash\\", CITE_EXPORT_GRAPHML);
    assert_contains(out, "<data key=\"title\">back\\slash\\</data>");
    free(out);
}

static void
test_graphml_writes_line_breaks_and_tabs_as_references(void **st)
{
    (void)st;
    char *out = export_title("one\ntwo\r\nthree\tfour", CITE_EXPORT_GRAPHML);
    assert_contains(out, ">one&#10;two&#13;&#10;three&#9;four<");
    free(out);
}

static void
test_graphml_drops_control_characters(void **st)
{
    (void)st;
    char *out = export_title("a\x01"
                             "b\x1b"
                             "c\x7f"
                             "d\xc2\x85"
                             "e\xef\xbf\xbe"
                             "f",
                             CITE_EXPORT_GRAPHML);
    assert_contains(out, "<data key=\"title\">abcdef</data>");
    free(out);
}

static void
test_graphml_keeps_cjk_and_arabic(void **st)
{
    (void)st;
    char *out = export_title("加强人权领域的技术合作 · تعزيز التعاون التقني",
                             CITE_EXPORT_GRAPHML);
    assert_contains(out, "<data key=\"title\">加强人权领域的技术合作 · "
                         "تعزيز التعاون التقني</data>");
    free(out);
}

static void
test_graphml_replaces_invalid_utf8(void **st)
{
    (void)st;
    char *out = export_title("x\xff"
                             "y\xe4\xb8",
                             CITE_EXPORT_GRAPHML);
    assert_contains(out, ">x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD<");
    free(out);
}

static void
test_graphml_declares_every_attribute(void **st)
{
    (void)st;
    char *out = export_title("t", CITE_EXPORT_GRAPHML);
    static const char *const keys[] = {
        "<key id=\"label\" for=\"node\" attr.name=\"label\" "
        "attr.type=\"string\"/>",
        "<key id=\"body\" for=\"node\" attr.name=\"body\" "
        "attr.type=\"string\"/>",
        "<key id=\"type\" for=\"node\" attr.name=\"type\" "
        "attr.type=\"string\"/>",
        "<key id=\"date\" for=\"node\" attr.name=\"date\" "
        "attr.type=\"string\"/>",
        "<key id=\"year\" for=\"node\" attr.name=\"year\" attr.type=\"int\"/>",
        "<key id=\"session\" for=\"node\" attr.name=\"session\" "
        "attr.type=\"int\"/>",
        "<key id=\"title\" for=\"node\" attr.name=\"title\" "
        "attr.type=\"string\"/>",
        "<key id=\"langs\" for=\"node\" attr.name=\"langs\" "
        "attr.type=\"string\"/>",
        "<key id=\"in_corpus\" for=\"node\" attr.name=\"in_corpus\" "
        "attr.type=\"boolean\"/>",
        "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
        "attr.type=\"double\"/>",
    };
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        assert_contains(out, keys[k]);
    }
    assert_contains(out, "<graph id=\"citations\" edgedefault=\"directed\">");
    free(out);
}

static void
test_graphml_node_carries_every_known_attribute(void **st)
{
    (void)st;
    char *out = export_title("Title", CITE_EXPORT_GRAPHML);
    assert_contains(out, "    <node id=\"A/HRC/RES/21/21\">\n"
                         "      <data key=\"label\">A/HRC/RES/21/21</data>\n"
                         "      <data key=\"body\">HRC</data>\n"
                         "      <data key=\"type\">resolution</data>\n"
                         "      <data key=\"date\">2012-09-27</data>\n"
                         "      <data key=\"year\">2012</data>\n"
                         "      <data key=\"session\">21</data>\n"
                         "      <data key=\"title\">Title</data>\n"
                         "      <data key=\"langs\">en</data>\n"
                         "      <data key=\"in_corpus\">true</data>\n"
                         "    </node>\n");
    free(out);
}

static void
test_graphml_leaves_unknown_attributes_out(void **st)
{
    (void)st;
    char *out = export_title("Title", CITE_EXPORT_GRAPHML);
    /* a report: no body, no date, no year, no title, no language */
    assert_contains(out, "    <node id=\"A/HRC/21/2\">\n"
                         "      <data key=\"label\">A/HRC/21/2</data>\n"
                         "      <data key=\"type\">document</data>\n"
                         "      <data key=\"in_corpus\">false</data>\n"
                         "    </node>\n");
    free(out);
}

static void
test_graphml_edge_weight_is_mentions(void **st)
{
    (void)st;
    char *out = export_title("t", CITE_EXPORT_GRAPHML);
    assert_contains(out, "    <edge source=\"A/HRC/RES/21/21\" "
                         "target=\"A/RES/60/251\">\n"
                         "      <data key=\"weight\">3</data>\n"
                         "    </edge>\n");
    free(out);
}

static void
test_graphml_escapes_ids_in_attributes(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = titled(&c, "a\"b<c>&d'e", NULL);
    char *out = export(g, CITE_EXPORT_GRAPHML);
    assert_contains(out, "<node id=\"a&quot;b&lt;c&gt;&amp;d&apos;e\">");
    assert_contains(out, "<edge source=\"a&quot;b&lt;c&gt;&amp;d&apos;e\"");
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- GML ----------------------------------------------------------------- */

static void
test_gml_writes_quotes_and_ampersands_as_entities(void **st)
{
    (void)st;
    char *out = export_title("say \"hi\" & <bye>", CITE_EXPORT_GML);
    assert_contains(out, "    title \"say &quot;hi&quot; &amp; <bye>\"\n");
    free(out);
}

static void
test_gml_keeps_backslashes_literal(void **st)
{
    (void)st;
    /* GML has no escape character: a final backslash cannot swallow the
     * closing quote */
    char *out = export_title("back\\slash\\", CITE_EXPORT_GML);
    assert_contains(out, "    title \"back\\slash\\\"\n");
    free(out);
}

static void
test_gml_turns_line_breaks_and_tabs_into_spaces(void **st)
{
    (void)st;
    char *out = export_title("one\ntwo\r\nthree\rfour\tfive", CITE_EXPORT_GML);
    assert_contains(out, "    title \"one two three four five\"\n");
    free(out);
}

static void
test_gml_drops_control_characters_and_keeps_utf8(void **st)
{
    (void)st;
    char *out = export_title("第21/21号\x01决议 \x1bقرار\xff", CITE_EXPORT_GML);
    assert_contains(out, "    title \"第21/21号决议 قرار\xEF\xBF\xBD\"\n");
    free(out);
}

static void
test_gml_node_ids_are_numbers_and_label_is_the_id(void **st)
{
    (void)st;
    char *out = export_title("T", CITE_EXPORT_GML);
    assert_contains(out, "graph [\n  directed 1\n  node [\n    id 0\n"
                         "    label \"A/HRC/RES/21/21\"\n"
                         "    body \"HRC\"\n"
                         "    type \"resolution\"\n"
                         "    date \"2012-09-27\"\n"
                         "    year 2012\n"
                         "    session 21\n"
                         "    title \"T\"\n"
                         "    langs \"en\"\n"
                         "    in_corpus 1\n  ]\n");
    assert_contains(out, "  edge [\n    source 0\n    target 1\n"
                         "    weight 3\n  ]\n");
    free(out);
}

/* --- JSON ---------------------------------------------------------------- */

static void
test_json_export_has_nodes_and_edges(void **st)
{
    (void)st;
    char *out = export_title("a \"q\" \\ \n <b>", CITE_EXPORT_JSON);
    assert_contains(out, "{\n  \"nodes\": [\n    {\"id\": \"A/HRC/RES/21/21\", "
                         "\"body\": \"HRC\", \"type\": \"resolution\", "
                         "\"date\": \"2012-09-27\", \"year\": 2012, "
                         "\"session\": 21, "
                         "\"title\": \"a \\\"q\\\" \\\\ \\n <b>\", "
                         "\"langs\": [\"en\"], \"in_corpus\": true},\n");
    assert_contains(out, "    {\"id\": \"A/HRC/21/2\", \"body\": null, "
                         "\"type\": \"document\", \"date\": null, "
                         "\"year\": null, \"session\": null, "
                         "\"title\": null, \"langs\": [], "
                         "\"in_corpus\": false}\n  ],\n");
    assert_contains(out, "  \"edges\": [\n    {\"source\": "
                         "\"A/HRC/RES/21/21\", \"target\": \"A/RES/60/251\", "
                         "\"weight\": 3},\n");
    size_t n = strlen(out);
    assert_true(n > 6);
    assert_string_equal(out + n - 6, "  ]\n}\n");
    free(out);
}

static void
test_json_export_of_empty_network(void **st)
{
    (void)st;
    struct cite_corpus c;
    cite_corpus_init(&c);
    struct cite_graph *g = build(&c);
    char *out = export(g, CITE_EXPORT_JSON);
    assert_string_equal(out, "{\n  \"nodes\": [],\n  \"edges\": []\n}\n");
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- CSV ----------------------------------------------------------------- */

static void
test_csv_nodes_header_and_row(void **st)
{
    (void)st;
    char *out = export_title("Title", CITE_EXPORT_CSV_NODES);
    assert_contains(out,
                    "id,body,type,date,year,session,title,langs,in_corpus\n"
                    "A/HRC/RES/21/21,HRC,resolution,2012-09-27,2012,21,Title,"
                    "en,true\n");
    assert_contains(out, "\nA/HRC/21/2,,document,,,,,,false\n");
    free(out);
}

static void
test_csv_nodes_quote_commas_quotes_and_line_breaks(void **st)
{
    (void)st;
    char *out = export_title("a, \"b\"\nc\x01", CITE_EXPORT_CSV_NODES);
    assert_contains(out, ",21,\"a, \"\"b\"\"\nc\",en,true\n");
    free(out);
}

static void
test_csv_edges_header_and_rows(void **st)
{
    (void)st;
    char *out = export_title("t", CITE_EXPORT_CSV_EDGES);
    assert_string_equal(out, "source,target,weight\n"
                             "A/HRC/RES/21/21,A/RES/60/251,3\n"
                             "A/HRC/RES/21/21,A/HRC/21/2,1\n");
    free(out);
}

static void
test_export_reports_write_error(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = titled(&c, "A/HRC/RES/21/21", "t");
    FILE *ro = fopen("/dev/null", "r");
    assert_non_null(ro);
    for (int fmt = CITE_EXPORT_GRAPHML; fmt <= CITE_EXPORT_CSV_EDGES; fmt++) {
        assert_int_equal(
            cite_render_export(ro, g, (enum cite_export_format)fmt), -1);
    }
    fclose(ro);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

/* --- igraph reads it back ------------------------------------------------ */

static const char *const hostile[] = {
    "say \"hi\" & <bye> 'now'",
    "back\\slash\\",
    "第21/21号决议",
    "القرار ٢١/٢١",
    "&quot; stays &amp; as written",
    "]] > [ node [ id 99 ] ]",
};
#define NHOSTILE (sizeof hostile / sizeof hostile[0])

/* A document per hostile string, titled with it and with it in its id,
 * each citing the next. */
static struct cite_graph *
hostile_graph(struct cite_corpus *c)
{
    cite_corpus_init(c);
    char id[128], next[128];
    for (size_t k = 0; k < NHOSTILE; k++) {
        snprintf(id, sizeof id, "doc %zu %s", k, hostile[k]);
        struct cite_doc *d = add_doc(c, id, hostile[k], "2012-09-27");
        if (k + 1 < NHOSTILE) {
            snprintf(next, sizeof next, "doc %zu %s", k + 1, hostile[k + 1]);
            cite(d, next, CITE_BODY_HRC, CITE_TYPE_RESOLUTION, (int)k + 1);
        }
    }
    return build(c);
}

/* Reads text with igraph's GraphML or GML reader. */
static void
igraph_read(igraph_t *ig, const char *text, int graphml)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(f);
    igraph_error_handler_t *old =
        igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_error_t rc = graphml ? igraph_read_graph_graphml(ig, f, 0)
                                : igraph_read_graph_gml(ig, f);
    igraph_set_error_handler(old);
    fclose(f);
    if (rc != IGRAPH_SUCCESS) {
        fail_msg("igraph could not read:\n%s", text);
    }
}

static void
test_igraph_reads_graphml_back(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = hostile_graph(&c);
    char *out = export(g, CITE_EXPORT_GRAPHML);
    igraph_attribute_table_t *old =
        igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t ig;
    igraph_read(&ig, out, 1);
    assert_int_equal(igraph_vcount(&ig), NHOSTILE);
    assert_int_equal(igraph_ecount(&ig), NHOSTILE - 1);
    assert_true(igraph_is_directed(&ig));
    for (size_t k = 0; k < NHOSTILE; k++) {
        char id[128];
        snprintf(id, sizeof id, "doc %zu %s", k, hostile[k]);
        /* igraph's reader (libxml2's SAX interface without entity
         * substitution) hands back an & in an attribute value as "&#38;";
         * the label key, element content, comes back exact, which is why
         * it is there */
        if (strchr(id, '&') == NULL) {
            assert_string_equal(VAS(&ig, "id", k), id);
        }
        assert_string_equal(VAS(&ig, "label", k), id);
        assert_string_equal(VAS(&ig, "title", k), hostile[k]);
        assert_true(VAN(&ig, "year", k) == 2012);
    }
    for (size_t e = 0; e + 1 < NHOSTILE; e++) {
        assert_int_equal(IGRAPH_FROM(&ig, e), e);
        assert_int_equal(IGRAPH_TO(&ig, e), e + 1);
        assert_true(EAN(&ig, "weight", e) == (double)(e + 1));
    }
    igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

static void
test_igraph_reads_gml_back(void **st)
{
    (void)st;
    struct cite_corpus c;
    struct cite_graph *g = hostile_graph(&c);
    char *out = export(g, CITE_EXPORT_GML);
    igraph_attribute_table_t *old =
        igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_warning_handler_t *oldw =
        igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_t ig;
    igraph_read(&ig, out, 0);
    igraph_set_warning_handler(oldw);
    assert_int_equal(igraph_vcount(&ig), NHOSTILE);
    assert_int_equal(igraph_ecount(&ig), NHOSTILE - 1);
    assert_true(igraph_is_directed(&ig));
    for (size_t k = 0; k < NHOSTILE; k++) {
        char id[128];
        snprintf(id, sizeof id, "doc %zu %s", k, hostile[k]);
        assert_string_equal(VAS(&ig, "label", k), id);
        assert_string_equal(VAS(&ig, "title", k), hostile[k]);
    }
    for (size_t e = 0; e + 1 < NHOSTILE; e++) {
        assert_true(EAN(&ig, "weight", e) == (double)(e + 1));
    }
    igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    free(out);
    cite_graph_free(g);
    cite_corpus_release(&c);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graphml_escapes_markup_and_quotes),
        cmocka_unit_test(test_graphml_keeps_backslashes),
        cmocka_unit_test(
            test_graphml_writes_line_breaks_and_tabs_as_references),
        cmocka_unit_test(test_graphml_drops_control_characters),
        cmocka_unit_test(test_graphml_keeps_cjk_and_arabic),
        cmocka_unit_test(test_graphml_replaces_invalid_utf8),
        cmocka_unit_test(test_graphml_declares_every_attribute),
        cmocka_unit_test(test_graphml_node_carries_every_known_attribute),
        cmocka_unit_test(test_graphml_leaves_unknown_attributes_out),
        cmocka_unit_test(test_graphml_edge_weight_is_mentions),
        cmocka_unit_test(test_graphml_escapes_ids_in_attributes),
        cmocka_unit_test(test_gml_writes_quotes_and_ampersands_as_entities),
        cmocka_unit_test(test_gml_keeps_backslashes_literal),
        cmocka_unit_test(test_gml_turns_line_breaks_and_tabs_into_spaces),
        cmocka_unit_test(test_gml_drops_control_characters_and_keeps_utf8),
        cmocka_unit_test(test_gml_node_ids_are_numbers_and_label_is_the_id),
        cmocka_unit_test(test_json_export_has_nodes_and_edges),
        cmocka_unit_test(test_json_export_of_empty_network),
        cmocka_unit_test(test_csv_nodes_header_and_row),
        cmocka_unit_test(test_csv_nodes_quote_commas_quotes_and_line_breaks),
        cmocka_unit_test(test_csv_edges_header_and_rows),
        cmocka_unit_test(test_export_reports_write_error),
        cmocka_unit_test(test_igraph_reads_graphml_back),
        cmocka_unit_test(test_igraph_reads_gml_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
