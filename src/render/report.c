/*
 * report.c - the reports of `citegraph check`: the findings, collected in
 * the order they were reported, written as gcc-style text (with the source
 * line and a caret when known), a JSON array, SARIF 2.1.0 (for code
 * scanning), GitHub Actions workflow commands (annotations on a pull
 * request) or JUnit XML (for CI dashboards).  Each writer builds its whole
 * output in a buffer and writes it at once; nothing depends on the locale,
 * the clock or the disk, so the same findings give the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "render_int.h"

/*
 * Where SARIF viewers send a reader who wants to know more of the tool.
 * The project has no public home yet: replace this when it has one.
 */

/* What each rule finds, for SARIF's rules[].shortDescription; by code. */
static const char *const rule_text[CITE_D__COUNT] = {
    [CITE_D_IO] = "an input could not be read",
    [CITE_D_ENCODING] = "the text is not valid UTF-8",
    [CITE_D_NUL_BYTE] = "the text holds a NUL byte",
    [CITE_D_EMPTY_INPUT] = "the input is empty",
    [CITE_D_UNKNOWN_LANGUAGE] = "the language of the text could not be told",
    [CITE_D_AMBIGUOUS_BODY] = "the body of a cited resolution is unclear",
    [CITE_D_NO_DOCUMENT_ID] = "the text does not give its own symbol",
    [CITE_D_REPAIRED] = "a citation was read despite a typing error",
    [CITE_D_BAD_DATE] = "a date that cannot exist",
    [CITE_D_ID_FROM_NAME] = "the document id was taken from the file name",
    [CITE_D_TOO_MANY] = "too many diagnostics for one input",
    [CITE_D_YAML_SYNTAX] = "the YAML cannot be parsed",
    [CITE_D_YAML_SCHEMA] = "the YAML does not follow the schema",
    [CITE_D_UNRESOLVED] = "the cited document is not known",
    [CITE_D_MALFORMED_SYMBOL] = "the cited id is not a possible UN symbol",
    [CITE_D_DATE_MISMATCH] =
        "the date given is not the target's adoption date",
    [CITE_D_MISSING_PARAGRAPH] =
        "a cited paragraph beyond the target's operative paragraphs",
    [CITE_D_LATER_DOCUMENT] =
        "the target was adopted after the citing document",
    [CITE_D_SELF_CITATION] = "a text cites its own symbol",
    [CITE_D_DUPLICATE_DOC] = "two texts with one id and one language",
    [CITE_D_LANG_VERSIONS] =
        "the language versions of one text cite different documents",
    [CITE_D_NOT_TEXT] = "the input is binary data, not a text",
    [CITE_D_UTF16] = "the text was read as UTF-16 and converted to UTF-8",
    [CITE_D_FILE_TOO_LARGE] = "the input is larger than the file-size limit",
    [CITE_D_ID_TOO_LONG] = "a document id longer than the id-length limit",
    [CITE_D_YAML_TOO_DEEP] = "the YAML nests deeper than the yaml-depth limit",
    [CITE_D_DIR_CYCLE] =
        "a directory reached again through a symbolic link",
};

void
cite_report_init(struct cite_report *r)
{
    memset(r, 0, sizeof *r);
}

void
cite_report_release(struct cite_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].file);
        free(r->items[i].message);
        free(r->items[i].source_line);
    }
    free(r->items);
    cite_report_init(r);
}

void
cite_report_set_source(struct cite_report_item *item, const char *line,
                       size_t len)
{
    free(item->source_line);
    item->source_line = cite_i_xstrndup(line, len);
    item->source_line_len = strlen(item->source_line);
}

void
cite_report_collect(void *ctx, const struct cite_diag *d)
{
    struct cite_report *r = ctx;
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->items = cite_i_xreallocarray(r->items, r->cap, sizeof *r->items);
    }
    struct cite_report_item *it = &r->items[r->n++];
    memset(it, 0, sizeof *it);
    it->code = d->code;
    it->severity = d->severity;
    it->file = d->file != NULL ? cite_i_xstrdup(d->file) : NULL;
    it->line = d->line;
    it->column = d->column;
    it->message = cite_i_xstrdup(d->message != NULL ? d->message : "");
    if (d->source_line != NULL) {
        cite_report_set_source(it, d->source_line, d->source_line_len);
    }
    r->by_sev[d->severity]++;
}

/* --- text ------------------------------------------------------------------ */

/* The source line as it may go to a terminal, then spaces and a caret under
 * the column (wide characters take two columns). */
static void
caret(struct cite_i_buf *b, const struct cite_report_item *it)
{
    const unsigned char *s = (const unsigned char *)it->source_line;
    size_t n = it->source_line_len, k = 0;
    for (size_t cp = 1; cp < it->column && k < n; cp++) {
        unsigned c;
        k += cite_i_utf8_decode(s + k, n - k, &c);
    }
    char *prefix = cite_i_xstrndup(it->source_line, k);
    size_t width = cite_i_terminal_width(prefix);
    free(prefix);
    cite_i_terminal_text(b, it->source_line);
    cite_i_buf_addc(b, '\n');
    for (size_t i = 0; i < width; i++) {
        cite_i_buf_addc(b, ' ');
    }
    cite_i_buf_adds(b, "^\n");
}

/* "file:line:col: severity: message [rule]", the line and the column left
 * out when unknown (0), as compilers do for a problem with a whole file. */
static void
add_located(struct cite_i_buf *b, const char *file,
            const struct cite_report_item *it)
{
    cite_i_buf_adds(b, file);
    if (it->line > 0) {
        cite_i_buf_addf(b, ":%zu", it->line);
        if (it->column > 0) {
            cite_i_buf_addf(b, ":%zu", it->column);
        }
    }
    cite_i_buf_addf(b, ": %s: %s [%s]", cite_severity_name(it->severity),
                    it->message, cite_diag_slug(it->code));
}

static void
write_text(struct cite_i_buf *b, const struct cite_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct cite_report_item *it = &r->items[i];
        add_located(b, it->file ? it->file : "-", it);
        cite_i_buf_addc(b, '\n');
        if (it->source_line != NULL && it->line > 0 && it->column > 0) {
            caret(b, it);
        }
    }
}

/* --- JSON ------------------------------------------------------------------ */

static void
write_json(struct cite_i_buf *b, const struct cite_report *r)
{
    if (r->n == 0) {
        cite_i_buf_adds(b, "[]\n");
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        const struct cite_report_item *it = &r->items[i];
        cite_i_buf_adds(b, i == 0 ? "[\n  {\"file\": " : ",\n  {\"file\": ");
        cite_i_json_string(b, it->file ? it->file : "");
        cite_i_buf_addf(b,
                        ", \"line\": %zu, \"column\": %zu, \"severity\": \"%s\", "
                        "\"rule\": \"%s\", \"message\": ",
                        it->line, it->column, cite_severity_name(it->severity),
                        cite_diag_slug(it->code));
        cite_i_json_string(b, it->message);
        cite_i_buf_addc(b, '}');
    }
    cite_i_buf_adds(b, "\n]\n");
}

/* --- SARIF ----------------------------------------------------------------- */

/* A relative URI reference for a path: unreserved characters and '/' kept,
 * every other byte percent-encoded. */
static void
uri_path(struct cite_i_buf *b, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL) {
            cite_i_buf_addc(b, (char)*p);
        } else {
            cite_i_buf_addf(b, "%%%02X", *p);
        }
    }
}

static const char *
sarif_level(enum cite_severity sev)
{
    return sev == CITE_SEV_ERROR     ? "error"
           : sev == CITE_SEV_WARNING ? "warning"
                                     : "note";
}

static void
write_sarif(struct cite_i_buf *b, const struct cite_report *r)
{
    cite_i_buf_adds(b, "{\n"
                       "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                       "  \"version\": \"2.1.0\",\n"
                       "  \"runs\": [\n"
                       "    {\n"
                       "      \"tool\": {\n"
                       "        \"driver\": {\n"
                       "          \"name\": \"citegraph\",\n");
    cite_i_buf_addf(b,
                    "          \"version\": \"%s\",\n"
                    "          \"rules\": [",
                    CITE_VERSION);
    for (int c = 0; c < CITE_D__COUNT; c++) {
        cite_i_buf_adds(b, c == 0 ? "\n" : ",\n");
        cite_i_buf_addf(b, "            {\"id\": \"%s\", \"shortDescription\": {\"text\": ",
                        cite_diag_slug((enum cite_diag_code)c));
        cite_i_json_string(b, rule_text[c] ? rule_text[c] : "");
        cite_i_buf_addf(b, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
                        sarif_level(cite_diag_default_severity(
                            (enum cite_diag_code)c)));
    }
    cite_i_buf_adds(b, "\n          ]\n"
                       "        }\n"
                       "      },\n"
                       "      \"results\": [");
    for (size_t i = 0; i < r->n; i++) {
        const struct cite_report_item *it = &r->items[i];
        cite_i_buf_adds(b, i == 0 ? "\n" : ",\n");
        cite_i_buf_addf(b,
                        "        {\"ruleId\": \"%s\", \"ruleIndex\": %d, "
                        "\"level\": \"%s\", \"message\": {\"text\": ",
                        cite_diag_slug(it->code), (int)it->code,
                        sarif_level(it->severity));
        cite_i_json_string(b, it->message);
        cite_i_buf_adds(b, "}");
        if (it->file != NULL) {
            struct cite_i_buf uri = CITE_I_BUF_INIT;
            uri_path(&uri, it->file);
            cite_i_buf_adds(b, ", \"locations\": [{\"physicalLocation\": "
                               "{\"artifactLocation\": {\"uri\": ");
            cite_i_json_string(b, uri.ptr ? uri.ptr : "");
            cite_i_buf_release(&uri);
            cite_i_buf_adds(b, "}");
            if (it->line > 0) {
                cite_i_buf_addf(b, ", \"region\": {\"startLine\": %zu", it->line);
                if (it->column > 0) {
                    cite_i_buf_addf(b, ", \"startColumn\": %zu", it->column);
                }
                cite_i_buf_adds(b, "}");
            }
            cite_i_buf_adds(b, "}}]");
        }
        cite_i_buf_adds(b, "}");
    }
    cite_i_buf_adds(b, r->n > 0 ? "\n      ]\n" : "]\n");
    cite_i_buf_adds(b, "    }\n"
                       "  ]\n"
                       "}\n");
}

/* --- GitHub workflow commands ---------------------------------------------- */

/* GitHub's escaping: % CR LF always, and : , in properties as well. */
static void
gh_escape(struct cite_i_buf *b, const char *s, int property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            cite_i_buf_adds(b, "%25");
            break;
        case '\r':
            cite_i_buf_adds(b, "%0D");
            break;
        case '\n':
            cite_i_buf_adds(b, "%0A");
            break;
        case ':':
            cite_i_buf_adds(b, property ? "%3A" : ":");
            break;
        case ',':
            cite_i_buf_adds(b, property ? "%2C" : ",");
            break;
        default:
            cite_i_buf_addc(b, *s);
        }
    }
}

static void
write_github(struct cite_i_buf *b, const struct cite_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct cite_report_item *it = &r->items[i];
        const char *cmd = it->severity == CITE_SEV_ERROR     ? "error"
                          : it->severity == CITE_SEV_WARNING ? "warning"
                                                             : "notice";
        cite_i_buf_addf(b, "::%s ", cmd);
        if (it->file != NULL) {
            cite_i_buf_adds(b, "file=");
            gh_escape(b, it->file, 1);
            if (it->line > 0) {
                cite_i_buf_addf(b, ",line=%zu", it->line);
                if (it->column > 0) {
                    cite_i_buf_addf(b, ",col=%zu", it->column);
                }
            }
            cite_i_buf_addc(b, ',');
        }
        cite_i_buf_adds(b, "title=");
        gh_escape(b, cite_diag_slug(it->code), 1);
        cite_i_buf_adds(b, "::");
        gh_escape(b, it->message, 0);
        cite_i_buf_addc(b, '\n');
    }
}

/* --- JUnit XML ------------------------------------------------------------- */


static int
fails(const struct cite_report_item *it, int strict)
{
    return it->severity == CITE_SEV_ERROR ||
           (strict && it->severity == CITE_SEV_WARNING);
}

static const char *
item_file(const struct cite_report_item *it)
{
    return it->file != NULL ? it->file : "-";
}

static void
junit_case(struct cite_i_buf *b, const struct cite_report *r, const char *file,
           int strict)
{
    cite_i_buf_adds(b, "  <testcase classname=\"citegraph.check\" name=\"");
    cite_i_xml_text(b, file);
    cite_i_buf_adds(b, "\"");
    int open = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct cite_report_item *it = &r->items[i];
        if (!fails(it, strict) || strcmp(item_file(it), file) != 0) {
            continue;
        }
        if (!open) {
            cite_i_buf_adds(b, ">\n");
            open = 1;
        }
        cite_i_buf_addf(b, "    <failure type=\"%s\" message=\"",
                        cite_diag_slug(it->code));
        cite_i_xml_text(b, it->message);
        cite_i_buf_adds(b, "\">");
        struct cite_i_buf line = CITE_I_BUF_INIT;
        add_located(&line, file, it);
        cite_i_xml_text(b, line.ptr);
        cite_i_buf_release(&line);
        cite_i_buf_adds(b, "</failure>\n");
    }
    cite_i_buf_adds(b, open ? "  </testcase>\n" : "/>\n");
}

static int
listed(const char *const *files, size_t n, const char *file)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(files[i], file) == 0) {
            return 1;
        }
    }
    return 0;
}

static void
write_junit(struct cite_i_buf *b, const struct cite_report *r,
            const struct cite_report_opts *o)
{
    /* the testcases: the files checked, then files only findings name */
    const char **cases = cite_i_xreallocarray(NULL, o->nfiles + r->n + 1,
                                              sizeof *cases);
    size_t ncase = 0;
    for (size_t i = 0; i < o->nfiles; i++) {
        if (!listed(cases, ncase, o->files[i])) {
            cases[ncase++] = o->files[i];
        }
    }
    for (size_t i = 0; i < r->n; i++) {
        if (!listed(cases, ncase, item_file(&r->items[i]))) {
            cases[ncase++] = item_file(&r->items[i]);
        }
    }
    size_t nfail = 0;
    for (size_t i = 0; i < r->n; i++) {
        nfail += (size_t)fails(&r->items[i], o->strict);
    }
    cite_i_buf_addf(b,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<testsuite name=\"citegraph check\" tests=\"%zu\" "
                    "failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
                    ncase, nfail);
    for (size_t i = 0; i < ncase; i++) {
        junit_case(b, r, cases[i], o->strict);
    }
    cite_i_buf_adds(b, "</testsuite>\n");
    free(cases);
}

int
cite_render_report(FILE *out, const struct cite_report *r,
                   const struct cite_report_opts *o)
{
    struct cite_i_buf b = CITE_I_BUF_INIT;
    switch (o->format) {
    case CITE_REPORT_TEXT:
        write_text(&b, r);
        break;
    case CITE_REPORT_JSON:
        write_json(&b, r);
        break;
    case CITE_REPORT_SARIF:
        write_sarif(&b, r);
        break;
    case CITE_REPORT_GITHUB:
        write_github(&b, r);
        break;
    case CITE_REPORT_JUNIT:
        write_junit(&b, r, o);
        break;
    }
    return cite_i_emit(out, &b);
}
