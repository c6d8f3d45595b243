/*
 * spec_runner.c - runs the examples of tests/spec/extract-<lang>.txt.
 *
 * A spec file is prose explaining the rules, with examples between fence
 * lines of 32 backquotes followed by "example":
 *
 *     ```````````````````````````````` example
 *     %body HRC                  optional: the citing document's body
 *     text to extract from...
 *     .
 *     A/HRC/RES/5/1 date=2007-06-18 pin=3,4
 *     ````````````````````````````````
 *
 * Above the "." line is the input; below, the expected citations, one per
 * line in text order: the target, then date= and pin= when the citation
 * has them.  The language is the one in the file name (the two letters
 * after its first '-': extract-zh.txt).  Characters that
 * cannot be seen are written as {NBSP} (U+00A0), {NNBSP} (U+202F), {RLM}
 * (U+200F), {ZWSP} (U+200B), {TAB} and {FF} (form feed).  The runner prints
 * each failure with its example number and lines, and ends with
 * "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "core/core_int.h"
#include "extract/extract_int.h"

#define FENCE "````````````````````````````````"

static void
describe(struct cite_i_buf *out, const struct cite_doc *doc)
{
    for (size_t i = 0; i < doc->nrefs; i++) {
        const struct cite_ref *r = &doc->refs[i];
        cite_i_buf_adds(out, r->target);
        if (r->date[0] != '\0') {
            cite_i_buf_addf(out, " date=%s", r->date);
        }
        if (r->npinpoint > 0) {
            cite_i_buf_adds(out, " pin=");
            for (size_t k = 0; k < r->npinpoint; k++) {
                cite_i_buf_addf(out, "%s%s", k ? "," : "", r->pinpoint[k]);
            }
        }
        cite_i_buf_addc(out, '\n');
    }
}

/* Replaces the {NAME} escapes of invisible characters, in place. */
static void
unescape(struct cite_i_buf *b)
{
    static const struct {
        const char *name;
        const char *bytes;
    } esc[] = {
        {"{NBSP}", "\xC2\xA0"}, {"{NNBSP}", "\xE2\x80\xAF"},
        {"{RLM}", "\xE2\x80\x8F"}, {"{ZWSP}", "\xE2\x80\x8B"},
        {"{TAB}", "\t"}, {"{FF}", "\f"},
    };
    size_t w = 0;
    for (size_t r = 0; r < b->len;) {
        size_t k = 0, n = sizeof esc / sizeof esc[0];
        for (; k < n; k++) {
            size_t l = strlen(esc[k].name);
            if (b->len - r >= l && memcmp(b->ptr + r, esc[k].name, l) == 0) {
                size_t bl = strlen(esc[k].bytes);
                memcpy(b->ptr + w, esc[k].bytes, bl); /* never longer */
                w += bl;
                r += l;
                break;
            }
        }
        if (k == n) {
            b->ptr[w++] = b->ptr[r++];
        }
    }
    b->len = w;
    if (b->ptr != NULL) {
        b->ptr[w] = '\0';
    }
}

static enum cite_lang
lang_of(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dash = strchr(base, '-');
    if (dash != NULL && strlen(dash) >= 3) {
        char code[3] = {dash[1], dash[2], '\0'};
        return cite_lang_from_code(code);
    }
    return CITE_LANG_UNKNOWN;
}

static int
run_example(const char *file, int number, int first_line, enum cite_lang lang,
            const char *input, size_t input_len, const char *expected)
{
    struct cite_doc doc;
    cite_doc_init(&doc);
    const char *raw = input;
    size_t raw_len = input_len;
    /* directives */
    enum cite_body body = CITE_BODY_NONE;
    while (input_len > 0 && input[0] == '%') {
        const char *nl = memchr(input, '\n', input_len);
        size_t l = nl ? (size_t)(nl - input) + 1 : input_len;
        if (strncmp(input, "%body ", 6) == 0) {
            char name[16] = {0};
            size_t n = l - 6 - (nl != NULL);
            memcpy(name, input + 6, n < 15 ? n : 15);
            body = cite_body_from_name(name);
        }
        input += l;
        input_len -= l;
    }
    struct cite_text t;
    cite_text_init_mem(&t, "example", input, input_len);
    doc.info.body = body;
    doc.lang = lang;
    cite_i_run(&doc, &t, cite_i_lang_table(lang), NULL);
    cite_i_finish(&doc, &t, NULL);
    struct cite_i_buf got = CITE_I_BUF_INIT;
    describe(&got, &doc);
    const char *g = got.ptr ? got.ptr : "";
    int ok = strcmp(g, expected) == 0;
    if (!ok) {
        printf("FAIL %s: example %d (line %d)\n--- input\n%.*s--- expected\n%s"
               "--- got\n%s\n",
               file, number, first_line, (int)raw_len, raw, expected, g);
    }
    cite_i_buf_release(&got);
    cite_text_release(&t);
    cite_doc_release(&doc);
    return ok;
}

static int
run_file(const char *path, int *passed, int *failed)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    enum cite_lang lang = lang_of(path);
    if (cite_i_lang_table(lang) == NULL) {
        fprintf(stderr, "%s: no language table for this file\n", path);
        fclose(f);
        return -1;
    }
    char line[8192];
    int lineno = 0, in_example = 0, in_expected = 0, number = 0, first = 0;
    struct cite_i_buf input = CITE_I_BUF_INIT, expected = CITE_I_BUF_INIT;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        if (!in_example) {
            if (strncmp(line, FENCE " example", sizeof FENCE + 7) == 0) {
                in_example = 1;
                in_expected = 0;
                number++;
                first = lineno;
                cite_i_buf_reset(&input);
                cite_i_buf_reset(&expected);
            }
            continue;
        }
        if (strncmp(line, FENCE, sizeof FENCE - 1) == 0) {
            in_example = 0;
            unescape(&input);
            if (run_example(path, number, first, lang, input.ptr ? input.ptr : "",
                            input.len, expected.ptr ? expected.ptr : "")) {
                (*passed)++;
            } else {
                (*failed)++;
            }
            continue;
        }
        if (!in_expected && strcmp(line, ".\n") == 0) {
            in_expected = 1;
            continue;
        }
        cite_i_buf_adds(in_expected ? &expected : &input, line);
    }
    fclose(f);
    cite_i_buf_release(&input);
    cite_i_buf_release(&expected);
    if (in_example) {
        fprintf(stderr, "%s:%d: example not closed\n", path, first);
        (*failed)++;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (run_file(argv[i], &passed, &failed) != 0) {
            failed++;
        }
    }
    printf("spec: %d passed, %d failed\n", passed, failed);
    return failed > 0 || passed == 0;
}
