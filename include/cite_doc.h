/*
 * cite_doc.h - the document model that every stage shares.
 *
 * A struct cite_doc is one citing text: its own metadata (struct
 * cite_docinfo) and every citation found in it, in text order (struct
 * cite_ref).  It is filled either by extraction from a text or by reading
 * the YAML that extraction wrote; both give the same model.
 *
 * Ownership: every string reachable from a doc (ids, titles, mention texts,
 * pinpoints) lives in the doc's own pool and is freed by cite_doc_release().
 * Use cite_doc_strndup() to put a string there.
 */
#ifndef CITE_DOC_H
#define CITE_DOC_H

#include <stddef.h>

enum cite_lang {
    CITE_LANG_UNKNOWN = 0,
    CITE_LANG_ZH,
    CITE_LANG_EN,
    CITE_LANG_FR,
    CITE_LANG_ES,
    CITE_LANG_RU,
    CITE_LANG_AR,
    CITE_LANG__COUNT
};

/* Issuing bodies.  Names as written in YAML: "GA", "SC", "HRC", ... */
enum cite_body {
    CITE_BODY_NONE = 0,
    CITE_BODY_GA,     /* General Assembly */
    CITE_BODY_SC,     /* Security Council */
    CITE_BODY_HRC,    /* Human Rights Council */
    CITE_BODY_CHR,    /* Commission on Human Rights */
    CITE_BODY_SUBCOM, /* Sub-Commission on the Promotion and Protection of HR */
    CITE_BODY_ECOSOC, /* Economic and Social Council */
    CITE_BODY__COUNT
};

/* What a target is.  Names: "resolution", "decision", "statement", ... */
enum cite_type {
    CITE_TYPE_NONE = 0,
    CITE_TYPE_RESOLUTION,
    CITE_TYPE_DECISION,
    CITE_TYPE_STATEMENT,  /* presidential statement */
    CITE_TYPE_DOCUMENT,   /* any other document symbol */
    CITE_TYPE_INSTRUMENT, /* a named instrument: instrument:<slug> */
    CITE_TYPE__COUNT
};

/* The clause a citation sits in, from the paragraph's opening verb. */
enum cite_relation {
    CITE_REL_NONE = 0,
    CITE_REL_RECALLING,
    CITE_REL_REAFFIRMING,
    CITE_REL_RECOGNIZING,
    CITE_REL_ACKNOWLEDGING,
    CITE_REL_WELCOMING,
    CITE_REL_NOTING,
    CITE_REL_TAKING_NOTE,
    CITE_REL_BEARING_IN_MIND,
    CITE_REL_GUIDED_BY,
    CITE_REL_EMPHASIZING,
    CITE_REL_STRESSING,
    CITE_REL_CONSIDERING,
    CITE_REL_EXPRESSING,
    CITE_REL_DECIDING,
    CITE_REL_REQUESTING,
    CITE_REL_CALLING_UPON,
    CITE_REL_URGING,
    CITE_REL_ENCOURAGING,
    CITE_REL_INVITING,
    CITE_REL_ENDORSING,
    CITE_REL_CONDEMNING,
    CITE_REL_DEPLORING,
    CITE_REL_AFFIRMING,
    CITE_REL_DEMANDING,
    CITE_REL_ACTING_UNDER,
    CITE_REL_REITERATING,
    CITE_REL_APPROVING,
    CITE_REL__COUNT
};

/* A date as printed in YAML: "YYYY-MM-DD", or "" when unknown. */
#define CITE_DATE_LEN 11

/*
 * One mention of a cited document.  All strings are in the doc's pool.
 * line/column/offset locate the first character of the mention in the
 * citing text (1-based line, column in code points, byte offset).
 */
struct cite_ref {
    const char *target;       /* canonical id, never NULL */
    enum cite_type type;
    enum cite_body body;      /* CITE_BODY_NONE for documents, instruments */
    char date[CITE_DATE_LEN]; /* the date the citing text gives, or "" */
    const char **pinpoint;    /* cited paragraphs of the target: "3", "3(c)" */
    size_t npinpoint;
    enum cite_relation relation;
    char where[16];           /* "PP5", "OP3", "footnote", "title", "" */
    size_t line;
    size_t column;
    size_t offset;
    size_t length;            /* bytes of the mention in the source */
    const char *text;         /* the mention, whitespace folded; may be NULL */
};

/* The citing document's own metadata; NULL / 0 / "" means unknown. */
struct cite_docinfo {
    const char *id;
    enum cite_body body;
    enum cite_type type;
    int session;              /* HRC/GA session number, 0 if unknown */
    char date[CITE_DATE_LEN]; /* adoption date */
    int meeting;
    const char *vote;         /* "without-vote", "unanimous", "14-0-1", ... */
    const char *agenda_item;
    const char *title;
};

struct cite_pool; /* opaque bump allocator */

struct cite_doc {
    const char *source;       /* path as given, or "-"; in the pool */
    enum cite_lang lang;
    struct cite_docinfo info;
    struct cite_ref *refs;    /* owned array */
    size_t nrefs;
    size_t refs_cap;
    size_t source_line;       /* YAML: line of the document in its file */
    struct cite_pool *pool;
};

/* Initialises an empty doc.  Pair with cite_doc_release(). */
void cite_doc_init(struct cite_doc *doc);

/* Frees everything the doc owns and leaves it empty (re-usable). */
void cite_doc_release(struct cite_doc *doc);

/* Copies n bytes of s (plus a NUL) into the doc's pool.  Never NULL. */
const char *cite_doc_strndup(struct cite_doc *doc, const char *s, size_t n);
const char *cite_doc_strdup(struct cite_doc *doc, const char *s);

/*
 * Appends a zeroed ref and returns it; the pointer is valid until the next
 * call of cite_doc_add_ref() on this doc.
 */
struct cite_ref *cite_doc_add_ref(struct cite_doc *doc);

/* Gives back what the refs array holds beyond nrefs, for a doc that is
 * kept (a whole corpus in memory); pointers into refs change. */
void cite_doc_shrink(struct cite_doc *doc);

/* Adds a pinpoint (copied) to ref, unless already there. */
void cite_doc_add_pinpoint(struct cite_doc *doc, struct cite_ref *ref,
                           const char *p, size_t n);

/* Names used in YAML and output.  Static storage; "" for NONE. */
const char *cite_lang_code(enum cite_lang lang);      /* "zh", "en", ... */
const char *cite_body_name(enum cite_body body);      /* "HRC", ... */
const char *cite_type_name(enum cite_type type);      /* "resolution", ... */
const char *cite_relation_name(enum cite_relation r); /* "recalling", ... */

/* Reverse look-ups; the NONE / UNKNOWN value when not found. */
enum cite_lang cite_lang_from_code(const char *s);
enum cite_body cite_body_from_name(const char *s);
enum cite_type cite_type_from_name(const char *s);
enum cite_relation cite_relation_from_name(const char *s);

/* A growable list of docs; owns the docs. */
struct cite_corpus {
    struct cite_doc *docs;
    size_t n;
    size_t cap;
};

void cite_corpus_init(struct cite_corpus *c);
void cite_corpus_release(struct cite_corpus *c);
/* Appends an initialised empty doc; valid until the next add. */
struct cite_doc *cite_corpus_add(struct cite_corpus *c);

#endif
