/*
 * fuzz_extract.c - libFuzzer target for the extractor.
 *
 * Input: one control byte, then the text.  The low three bits of the
 * control byte pick the language (0 and 7: detect it; 1..6: zh, en, fr,
 * es, ru, ar, the order of enum cite_lang); the next two bits pick the
 * file name the text is read under, so that the id-from-file-name rule
 * runs too.  Extraction is total, so any bytes must give a doc; on top of
 * not crashing, the doc must be well-formed (every span inside the text,
 * positions from 1) and its YAML must read back as one doc that writes
 * the same bytes again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
    "fuzz.txt",
    "A_HRC_RES_22_4.en.txt",
    "S_RES_459_1979.txt",
    "-",
};

struct diag_count {
    size_t n;
    size_t text_len;
};

static void
on_diag(void *ctx, const struct cite_diag *d)
{
    struct diag_count *c = ctx;
    c->n++;
    FUZZ_CHECK(d->code < CITE_D__COUNT, "code %d", (int)d->code);
    FUZZ_CHECK(d->severity <= CITE_SEV_ERROR, "severity %d", (int)d->severity);
    FUZZ_CHECK(d->message != NULL, "diagnostic %s without a message",
               cite_diag_slug(d->code));
    FUZZ_CHECK(d->source_line == NULL || d->source_line_len <= c->text_len,
               "source line of %zu bytes in a text of %zu",
               d->source_line_len, c->text_len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    unsigned lang_bits = data[0] & 7;
    enum cite_lang lang = lang_bits >= CITE_LANG__COUNT
                              ? CITE_LANG_UNKNOWN
                              : (enum cite_lang)lang_bits;
    const char *name = names[(data[0] >> 3) & 3];

    struct cite_text t;
    cite_text_init_mem(&t, name, (const char *)data + 1, size - 1);
    struct diag_count count = {0, t.len};
    struct cite_diag_sink sink = {on_diag, &count};
    struct cite_doc doc;
    cite_doc_init(&doc);
    cite_extract_doc(&doc, &t, lang, &sink);

    FUZZ_CHECK(doc.lang < CITE_LANG__COUNT, "lang %d", (int)doc.lang);
    for (size_t i = 0; i < doc.nrefs; i++) {
        const struct cite_ref *r = &doc.refs[i];
        FUZZ_CHECK(r->target != NULL, "ref %zu without a target", i);
        FUZZ_CHECK(r->offset <= t.len && r->length <= t.len - r->offset,
                   "ref %zu '%s' spans %zu+%zu in a text of %zu", i,
                   r->target, r->offset, r->length, t.len);
        FUZZ_CHECK(r->type < CITE_TYPE__COUNT && r->body < CITE_BODY__COUNT &&
                       r->relation < CITE_REL__COUNT,
                   "ref %zu '%s': an enum out of range", i, r->target);
        FUZZ_CHECK(memchr(r->date, '\0', sizeof r->date) != NULL &&
                       memchr(r->where, '\0', sizeof r->where) != NULL,
                   "ref %zu: an unterminated date or clause", i);
        for (size_t p = 0; p < r->npinpoint; p++) {
            FUZZ_CHECK(r->pinpoint[p] != NULL, "ref %zu: a NULL pinpoint", i);
        }
    }

    /* the YAML of any extraction reads back and writes the same bytes */
    size_t len1 = 0, len2 = 0;
    char *y1 = fuzz_yaml_of(&doc, 1, &len1);
    struct cite_corpus back;
    cite_corpus_init(&back);
    struct cite_diag_sink strict = {fuzz_no_diag_on_yaml, y1};
    int rc = cite_yaml_read_mem(&back, y1, len1, "fuzz.yaml", &strict);
    FUZZ_CHECK(rc == 0 && back.n == 1, "reading our YAML gave %d, %zu docs",
               rc, back.n);
    FUZZ_CHECK(back.docs[0].nrefs == doc.nrefs, "%zu refs written, %zu read",
               doc.nrefs, back.docs[0].nrefs);
    char *y2 = fuzz_yaml_of(&back.docs[0], 1, &len2);
    FUZZ_CHECK(len1 == len2 && memcmp(y1, y2, len1) == 0,
               "YAML round trip differs:\n%s\n---- read back and written:\n%s",
               y1, y2);
    free(y1);
    free(y2);
    cite_corpus_release(&back);
    cite_doc_release(&doc);
    cite_text_release(&t);
    return 0;
}
