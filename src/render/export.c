/*
 * export.c - writes the whole citation network, with every node and edge
 * attribute, for other tools: GraphML (Gephi, Cytoscape, yEd, NetworkX,
 * igraph), GML (igraph, Pajek-era tools), JSON ({"nodes": [...], "edges":
 * [...]}) and two CSV tables (nodes, edges).
 *
 * Node attributes: id, body, type, date, year, session, title, langs,
 * in_corpus; edge attributes: source, target, weight (mentions).  An
 * attribute that is unknown (no body, no date, year or session 0, no
 * title, no language versions) is left out of GraphML and GML, null in
 * JSON and an empty field in CSV.  Nodes come in node order and edges in
 * edge order, so one network always gives the same bytes.
 *
 * Strings are arbitrary bytes here, so each syntax gets its own escaping,
 * and invalid UTF-8 becomes U+FFFD everywhere:
 *   - GraphML (XML 1.0): & < > " ' as entities; tab, LF and CR as character
 *     references (so that attribute normalisation cannot fold them); the
 *     other C0 controls, DEL, C1 and U+FFFE/U+FFFF, which XML 1.0 forbids
 *     or discourages, are dropped.  The document id is the node's XML id
 *     (what NetworkX and igraph read as the node name) and is repeated in a
 *     "label" key, the attribute Gephi and yEd show, and one that comes
 *     back exact from igraph's reader, which returns an & in an XML
 *     attribute as "&#38;".
 *   - GML has no escape character: a string runs from one double quote to
 *     the next, and a backslash is an ordinary character.  The GML report
 *     (Himsolt) has " and & written as the entities &quot; and &amp;, and
 *     igraph's reader decodes exactly those (and &lt; &gt; &apos;); UTF-8
 *     is kept, as igraph writes it.  Line breaks and tabs become spaces,
 *     since line-oriented readers (NetworkX) cannot take a string across
 *     lines, and other control characters are dropped.  Node ids are
 *     integers (GML requires it); the document id is the "label".
 *   - JSON and CSV as in escape.c (CSV: RFC 4180, control characters other
 *     than tab and line breaks dropped).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

/* --- cleaning and escaping ----------------------------------------------- */

static int
is_control(unsigned cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}


static void
gml_string(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
    cite_i_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp == '"') {
            cite_i_buf_adds(b, "&quot;");
        } else if (cp == '&') {
            cite_i_buf_adds(b, "&amp;");
        } else if (cp == '\t' || cp == '\n') {
            cite_i_buf_addc(b, ' ');
        } else if (cp == '\r') {
            if (i + 1 >= n || s[i + 1] != '\n') {
                cite_i_buf_addc(b, ' ');
            }
        } else if (is_control(cp)) {
            /* dropped */
        } else if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(b, "\xEF\xBF\xBD");
        } else {
            cite_i_buf_add(b, (const char *)s + i, len);
        }
        i += len;
    }
    cite_i_buf_addc(b, '"');
}

/* A CSV field of valid UTF-8 without control characters other than tab,
 * CR and LF (which the quoting keeps). */
static void
csv_text(struct cite_i_buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)(str != NULL ? str : "");
    size_t n = strlen((const char *)s);
    struct cite_i_buf clean = CITE_I_BUF_INIT;
    cite_i_buf_adds(&clean, "");
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t len = cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            cite_i_buf_addc(&clean, (char)cp);
        } else if (is_control(cp)) {
            /* dropped */
        } else if (cp == 0xFFFD && len == 1) {
            cite_i_buf_adds(&clean, "\xEF\xBF\xBD");
        } else {
            cite_i_buf_add(&clean, (const char *)s + i, len);
        }
        i += len;
    }
    cite_i_csv_field(b, clean.ptr);
    cite_i_buf_release(&clean);
}

/* --- attributes ---------------------------------------------------------- */

static const char *
known(const char *s)
{
    return s != NULL && s[0] != '\0' ? s : NULL;
}

static const char *
body_of(const struct cite_graph_node *node)
{
    return known(cite_body_name(node->body));
}

static const char *
type_of(const struct cite_graph_node *node)
{
    return known(cite_type_name(node->type));
}

static void
add_weight(struct cite_i_buf *b, double w)
{
    char num[CITE_I_NUM_LEN];
    cite_i_num_exact(num, isfinite(w) ? w : 0);
    cite_i_buf_adds(b, num);
}

/* --- GraphML ------------------------------------------------------------- */

static const struct {
    const char *name;
    const char *type;
    const char *for_;
} graphml_keys[] = {
    {"label", "string", "node"},      {"body", "string", "node"},
    {"type", "string", "node"},       {"date", "string", "node"},
    {"year", "int", "node"},          {"session", "int", "node"},
    {"title", "string", "node"},      {"langs", "string", "node"},
    {"in_corpus", "boolean", "node"}, {"weight", "double", "edge"},
};

static void
graphml_data(struct cite_i_buf *b, const char *key, const char *value)
{
    if (value == NULL) {
        return;
    }
    cite_i_buf_addf(b, "      <data key=\"%s\">", key);
    cite_i_xml_text(b, value);
    cite_i_buf_adds(b, "</data>\n");
}

static void
graphml_int(struct cite_i_buf *b, const char *key, int value)
{
    if (value != 0) {
        cite_i_buf_addf(b, "      <data key=\"%s\">%d</data>\n", key, value);
    }
}

static void
graphml(struct cite_i_buf *b, const struct cite_graph *g)
{
    cite_i_buf_adds(
        b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t k = 0; k < sizeof graphml_keys / sizeof graphml_keys[0]; k++) {
        cite_i_buf_addf(b,
                        "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" "
                        "attr.type=\"%s\"/>\n",
                        graphml_keys[k].name, graphml_keys[k].for_,
                        graphml_keys[k].name, graphml_keys[k].type);
    }
    cite_i_buf_adds(b, "  <graph id=\"citations\" edgedefault=\"directed\">\n");
    size_t n = cite_graph_node_count(g);
    for (size_t i = 0; i < n; i++) {
        const struct cite_graph_node *node = cite_graph_node(g, i);
        cite_i_buf_adds(b, "    <node id=\"");
        cite_i_xml_text(b, node->id);
        cite_i_buf_adds(b, "\">\n");
        graphml_data(b, "label", node->id);
        graphml_data(b, "body", body_of(node));
        graphml_data(b, "type", type_of(node));
        graphml_data(b, "date", known(node->date));
        graphml_int(b, "year", node->year);
        graphml_int(b, "session", node->session);
        graphml_data(b, "title", known(node->title));
        graphml_data(b, "langs", known(node->langs));
        graphml_data(b, "in_corpus", node->in_corpus ? "true" : "false");
        cite_i_buf_adds(b, "    </node>\n");
    }
    size_t m = cite_graph_edge_count(g);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        cite_i_buf_adds(b, "    <edge source=\"");
        cite_i_xml_text(b, cite_graph_node(g, e->from)->id);
        cite_i_buf_adds(b, "\" target=\"");
        cite_i_xml_text(b, cite_graph_node(g, e->to)->id);
        cite_i_buf_adds(b, "\">\n      <data key=\"weight\">");
        add_weight(b, e->weight);
        cite_i_buf_adds(b, "</data>\n    </edge>\n");
    }
    cite_i_buf_adds(b, "  </graph>\n</graphml>\n");
}

/* --- GML ----------------------------------------------------------------- */

static void
gml_str_attr(struct cite_i_buf *b, const char *key, const char *value)
{
    if (value == NULL) {
        return;
    }
    cite_i_buf_addf(b, "    %s ", key);
    gml_string(b, value);
    cite_i_buf_addc(b, '\n');
}

static void
gml(struct cite_i_buf *b, const struct cite_graph *g)
{
    cite_i_buf_adds(b, "Creator \"citegraph\"\n"
                       "Version 1\n"
                       "graph [\n"
                       "  directed 1\n");
    size_t n = cite_graph_node_count(g);
    for (size_t i = 0; i < n; i++) {
        const struct cite_graph_node *node = cite_graph_node(g, i);
        cite_i_buf_addf(b, "  node [\n    id %zu\n", i);
        gml_str_attr(b, "label", node->id);
        gml_str_attr(b, "body", body_of(node));
        gml_str_attr(b, "type", type_of(node));
        gml_str_attr(b, "date", known(node->date));
        if (node->year != 0) {
            cite_i_buf_addf(b, "    year %d\n", node->year);
        }
        if (node->session != 0) {
            cite_i_buf_addf(b, "    session %d\n", node->session);
        }
        gml_str_attr(b, "title", known(node->title));
        gml_str_attr(b, "langs", known(node->langs));
        cite_i_buf_addf(b, "    in_corpus %d\n  ]\n", node->in_corpus ? 1 : 0);
    }
    size_t m = cite_graph_edge_count(g);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        cite_i_buf_addf(b, "  edge [\n    source %zu\n    target %zu\n",
                        e->from, e->to);
        cite_i_buf_adds(b, "    weight ");
        add_weight(b, e->weight);
        cite_i_buf_adds(b, "\n  ]\n");
    }
    cite_i_buf_adds(b, "]\n");
}

/* --- JSON ---------------------------------------------------------------- */

static void
json_str_or_null(struct cite_i_buf *b, const char *key, const char *value)
{
    cite_i_buf_addf(b, ", \"%s\": ", key);
    if (value == NULL) {
        cite_i_buf_adds(b, "null");
    } else {
        cite_i_json_string(b, value);
    }
}

static void
json_int_or_null(struct cite_i_buf *b, const char *key, int value)
{
    if (value != 0) {
        cite_i_buf_addf(b, ", \"%s\": %d", key, value);
    } else {
        cite_i_buf_addf(b, ", \"%s\": null", key);
    }
}

/* "en,fr" as ["en", "fr"]. */
static void
json_langs(struct cite_i_buf *b, const char *langs)
{
    cite_i_buf_adds(b, ", \"langs\": [");
    const char *p = langs != NULL ? langs : "";
    int first = 1;
    while (*p != '\0') {
        size_t len = strcspn(p, ",");
        if (len > 0) {
            char *one = cite_i_xstrndup(p, len);
            cite_i_buf_adds(b, first ? "" : ", ");
            cite_i_json_string(b, one);
            free(one);
            first = 0;
        }
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    cite_i_buf_addc(b, ']');
}

static void
json(struct cite_i_buf *b, const struct cite_graph *g)
{
    size_t n = cite_graph_node_count(g);
    cite_i_buf_adds(b, n > 0 ? "{\n  \"nodes\": [\n" : "{\n  \"nodes\": [");
    for (size_t i = 0; i < n; i++) {
        const struct cite_graph_node *node = cite_graph_node(g, i);
        cite_i_buf_adds(b, "    {\"id\": ");
        cite_i_json_string(b, node->id);
        json_str_or_null(b, "body", body_of(node));
        json_str_or_null(b, "type", type_of(node));
        json_str_or_null(b, "date", known(node->date));
        json_int_or_null(b, "year", node->year);
        json_int_or_null(b, "session", node->session);
        json_str_or_null(b, "title", known(node->title));
        json_langs(b, node->langs);
        cite_i_buf_addf(b, ", \"in_corpus\": %s}",
                        node->in_corpus ? "true" : "false");
        cite_i_buf_adds(b, i + 1 < n ? ",\n" : "\n  ");
    }
    size_t m = cite_graph_edge_count(g);
    cite_i_buf_adds(b, m > 0 ? "],\n  \"edges\": [\n" : "],\n  \"edges\": [");
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        cite_i_buf_adds(b, "    {\"source\": ");
        cite_i_json_string(b, cite_graph_node(g, e->from)->id);
        cite_i_buf_adds(b, ", \"target\": ");
        cite_i_json_string(b, cite_graph_node(g, e->to)->id);
        cite_i_buf_adds(b, ", \"weight\": ");
        add_weight(b, e->weight);
        cite_i_buf_adds(b, k + 1 < m ? "},\n" : "}\n  ");
    }
    cite_i_buf_adds(b, "]\n}\n");
}

/* --- CSV ----------------------------------------------------------------- */

static void
csv_nodes(struct cite_i_buf *b, const struct cite_graph *g)
{
    cite_i_buf_adds(b,
                    "id,body,type,date,year,session,title,langs,in_corpus\n");
    size_t n = cite_graph_node_count(g);
    for (size_t i = 0; i < n; i++) {
        const struct cite_graph_node *node = cite_graph_node(g, i);
        csv_text(b, node->id);
        cite_i_buf_addc(b, ',');
        csv_text(b, body_of(node));
        cite_i_buf_addc(b, ',');
        csv_text(b, type_of(node));
        cite_i_buf_addc(b, ',');
        csv_text(b, known(node->date));
        cite_i_buf_addc(b, ',');
        if (node->year != 0) {
            cite_i_buf_addf(b, "%d", node->year);
        }
        cite_i_buf_addc(b, ',');
        if (node->session != 0) {
            cite_i_buf_addf(b, "%d", node->session);
        }
        cite_i_buf_addc(b, ',');
        csv_text(b, known(node->title));
        cite_i_buf_addc(b, ',');
        csv_text(b, known(node->langs));
        cite_i_buf_adds(b, node->in_corpus ? ",true\n" : ",false\n");
    }
}

static void
csv_edges(struct cite_i_buf *b, const struct cite_graph *g)
{
    cite_i_buf_adds(b, "source,target,weight\n");
    size_t m = cite_graph_edge_count(g);
    for (size_t k = 0; k < m; k++) {
        const struct cite_graph_edge *e = cite_graph_edge(g, k);
        csv_text(b, cite_graph_node(g, e->from)->id);
        cite_i_buf_addc(b, ',');
        csv_text(b, cite_graph_node(g, e->to)->id);
        cite_i_buf_addc(b, ',');
        add_weight(b, e->weight);
        cite_i_buf_addc(b, '\n');
    }
}

int
cite_render_export(FILE *out, const struct cite_graph *g,
                   enum cite_export_format fmt)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    switch (fmt) {
    case CITE_EXPORT_GRAPHML:
        graphml(&b, g);
        break;
    case CITE_EXPORT_GML:
        gml(&b, g);
        break;
    case CITE_EXPORT_JSON:
        json(&b, g);
        break;
    case CITE_EXPORT_CSV_NODES:
        csv_nodes(&b, g);
        break;
    case CITE_EXPORT_CSV_EDGES:
        csv_edges(&b, g);
        break;
    default:
        return -1;
    }
    return cite_i_emit(out, &b);
}
