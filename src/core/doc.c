/*
 * doc.c - the document model: lifecycle and the name tables of its enums.
 *
 * The names are part of the YAML format: never rename one.
 */
#include <stdlib.h>
#include <string.h>

#include "cite_doc.h"
#include "core_int.h"

static const char *const lang_codes[CITE_LANG__COUNT] = {
    "", "zh", "en", "fr", "es", "ru", "ar",
};

static const char *const body_names[CITE_BODY__COUNT] = {
    "", "GA", "SC", "HRC", "CHR", "SUBCOM", "ECOSOC",
};

static const char *const type_names[CITE_TYPE__COUNT] = {
    "", "resolution", "decision", "statement", "document", "instrument",
};

static const char *const relation_names[CITE_REL__COUNT] = {
    [CITE_REL_NONE] = "",
    [CITE_REL_RECALLING] = "recalling",
    [CITE_REL_REAFFIRMING] = "reaffirming",
    [CITE_REL_RECOGNIZING] = "recognizing",
    [CITE_REL_ACKNOWLEDGING] = "acknowledging",
    [CITE_REL_WELCOMING] = "welcoming",
    [CITE_REL_NOTING] = "noting",
    [CITE_REL_TAKING_NOTE] = "taking-note",
    [CITE_REL_BEARING_IN_MIND] = "bearing-in-mind",
    [CITE_REL_GUIDED_BY] = "guided-by",
    [CITE_REL_EMPHASIZING] = "emphasizing",
    [CITE_REL_STRESSING] = "stressing",
    [CITE_REL_CONSIDERING] = "considering",
    [CITE_REL_EXPRESSING] = "expressing",
    [CITE_REL_DECIDING] = "deciding",
    [CITE_REL_REQUESTING] = "requesting",
    [CITE_REL_CALLING_UPON] = "calling-upon",
    [CITE_REL_URGING] = "urging",
    [CITE_REL_ENCOURAGING] = "encouraging",
    [CITE_REL_INVITING] = "inviting",
    [CITE_REL_ENDORSING] = "endorsing",
    [CITE_REL_CONDEMNING] = "condemning",
    [CITE_REL_DEPLORING] = "deploring",
    [CITE_REL_AFFIRMING] = "affirming",
    [CITE_REL_DEMANDING] = "demanding",
    [CITE_REL_ACTING_UNDER] = "acting-under",
    [CITE_REL_REITERATING] = "reiterating",
    [CITE_REL_APPROVING] = "approving",
};

static int
lookup(const char *const *names, int n, const char *s)
{
    if (s == NULL || *s == '\0') {
        return 0;
    }
    /* the first byte first: a YAML file names a body, a type and a
     * relation at each of its citations, and most names differ there */
    for (int i = 1; i < n; i++) {
        if (names[i][0] == s[0] && strcmp(names[i] + 1, s + 1) == 0) {
            return i;
        }
    }
    return 0;
}

#define NAME(tab, n, v) ((unsigned)(v) < (unsigned)(n) ? (tab)[v] : "")

const char *cite_lang_code(enum cite_lang v) { return NAME(lang_codes, CITE_LANG__COUNT, v); }
const char *cite_body_name(enum cite_body v) { return NAME(body_names, CITE_BODY__COUNT, v); }
const char *cite_type_name(enum cite_type v) { return NAME(type_names, CITE_TYPE__COUNT, v); }
const char *cite_relation_name(enum cite_relation v) { return NAME(relation_names, CITE_REL__COUNT, v); }

enum cite_lang
cite_lang_from_code(const char *s)
{
    return (enum cite_lang)lookup(lang_codes, CITE_LANG__COUNT, s);
}

enum cite_body
cite_body_from_name(const char *s)
{
    return (enum cite_body)lookup(body_names, CITE_BODY__COUNT, s);
}

enum cite_type
cite_type_from_name(const char *s)
{
    return (enum cite_type)lookup(type_names, CITE_TYPE__COUNT, s);
}

enum cite_relation
cite_relation_from_name(const char *s)
{
    return (enum cite_relation)lookup(relation_names, CITE_REL__COUNT, s);
}

void
cite_doc_init(struct cite_doc *doc)
{
    memset(doc, 0, sizeof *doc);
}

void
cite_doc_release(struct cite_doc *doc)
{
    free(doc->refs);
    cite_i_pool_free(doc->pool);
    memset(doc, 0, sizeof *doc);
}

const char *
cite_doc_strndup(struct cite_doc *doc, const char *s, size_t n)
{
    if (doc->pool == NULL) {
        doc->pool = cite_i_pool_new();
    }
    char *p = cite_i_pool_alloc(doc->pool, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

const char *
cite_doc_strdup(struct cite_doc *doc, const char *s)
{
    return cite_doc_strndup(doc, s, strlen(s));
}

struct cite_ref *
cite_doc_add_ref(struct cite_doc *doc)
{
    if (doc->nrefs == doc->refs_cap) {
        doc->refs_cap = doc->refs_cap ? doc->refs_cap * 2 : 16;
        doc->refs = cite_i_xreallocarray(doc->refs, doc->refs_cap,
                                         sizeof *doc->refs);
    }
    struct cite_ref *r = &doc->refs[doc->nrefs++];
    memset(r, 0, sizeof *r);
    return r;
}

void
cite_doc_shrink(struct cite_doc *doc)
{
    if (doc->refs_cap > doc->nrefs && doc->nrefs > 0) {
        doc->refs = cite_i_xreallocarray(doc->refs, doc->nrefs, sizeof *doc->refs);
        doc->refs_cap = doc->nrefs;
    }
}

void
cite_doc_add_pinpoint(struct cite_doc *doc, struct cite_ref *ref,
                      const char *p, size_t n)
{
    for (size_t i = 0; i < ref->npinpoint; i++) {
        if (strlen(ref->pinpoint[i]) == n && memcmp(ref->pinpoint[i], p, n) == 0) {
            return;
        }
    }
    if (doc->pool == NULL) {
        doc->pool = cite_i_pool_new();
    }
    /* pinpoint arrays are small: grow by copying into the pool */
    const char **arr = cite_i_pool_alloc(doc->pool,
                                         (ref->npinpoint + 1) * sizeof *arr);
    for (size_t i = 0; i < ref->npinpoint; i++) {
        arr[i] = ref->pinpoint[i];
    }
    arr[ref->npinpoint] = cite_doc_strndup(doc, p, n);
    ref->pinpoint = arr;
    ref->npinpoint++;
}

void
cite_corpus_init(struct cite_corpus *c)
{
    memset(c, 0, sizeof *c);
}

void
cite_corpus_release(struct cite_corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        cite_doc_release(&c->docs[i]);
    }
    free(c->docs);
    memset(c, 0, sizeof *c);
}

struct cite_doc *
cite_corpus_add(struct cite_corpus *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->docs = cite_i_xreallocarray(c->docs, c->cap, sizeof *c->docs);
    }
    struct cite_doc *d = &c->docs[c->n++];
    cite_doc_init(d);
    return d;
}
