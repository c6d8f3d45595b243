/*
 * check.c - the rules of `citegraph check`, run over a whole corpus.
 *
 * What exists is the corpus plus, when given, a registry of known
 * documents (id, adoption date, number of operative paragraphs).  Each
 * citation is judged on its own, at its place in its source text:
 *
 *   malformed-symbol   the target is not a well-formed canonical id
 *                      (symbol.c); nothing else is said of it
 *   self-citation      the target is the citing document's own id; nothing
 *                      else is said of it
 *   unresolved-target  a document target (instruments are never looked up)
 *                      in neither corpus nor registry: a note, since a
 *                      corpus is rarely complete, an error when the options
 *                      say the two are `closed`
 *   date-mismatch      the date the text gives differs from the target's
 *                      adoption date
 *   later-document     the target was adopted after the citing document
 *   missing-paragraph  a pinpoint beyond the target's operative paragraphs
 *
 * A target's adoption date is the info.date of the first corpus doc with
 * its id that has one, else the registry's; its number of operative
 * paragraphs comes from the registry only (the refs of a corpus doc tell
 * where it cites, not how many paragraphs it has).  Then each group of
 * corpus docs sharing an id is judged, at the later doc's file:1:1:
 *
 *   duplicate-document        same id, same language (two docs of unknown
 *                             language count as the same language)
 *   language-versions-differ  same id, other language, and a different set
 *                             of resolution, decision and statement targets
 *                             than the group's first version
 *
 * Counts per severity are of the severities as reported.  Nothing here
 * prints.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "cite_check.h"

/* How much of a target a message quotes. */
#define SHOW_MAX 120

/* How many differing targets language-versions-differ lists on each side. */
#define LIST_MAX 3

struct by_id {
    const char *id;
    size_t index; /* into the corpus: ties keep this order */
};

/* What is known of one id: whatever check_ref() asks, in one place, so
 * that a citation costs one look-up and touches neither the target's doc
 * nor its registry entry. */
struct known {
    char date[CITE_DATE_LEN]; /* adoption date, or "" */
    signed char symbol;    /* the id is well formed: 1, or not: -1 (why
                              says why); 0 until a citation asks */
    const char *why;       /* static storage */
    const struct cite_check_entry *entry; /* first registry entry, or NULL */
};

struct run {
    const struct cite_diag_sink *sink;
    const struct cite_check_options *opts;
    const struct cite_corpus *corpus;
    struct cite_check_stats stats;
    struct by_id *docs; /* corpus docs with an id, sorted */
    size_t ndocs;
    struct known *known; /* by id: corpus docs, then registry entries */
    size_t nknown;
    struct cite_i_idmap known_at; /* id -> its place in known */
    struct cite_i_buf show;
    struct cite_i_buf list;
};

static int
cmp_by_id(const void *a, const void *b)
{
    const struct by_id *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c != 0) {
        return c;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends s to b fit to quote in a message: control bytes escaped, cut. */
static void
add_shown(struct cite_i_buf *b, const char *s)
{
    size_t start = b->len;
    cite_i_buf_add(b, "", 0);
    for (size_t i = 0; s != NULL && s[i] != '\0'; i++) {
        unsigned char c = (unsigned char)s[i];
        if (b->len - start >= SHOW_MAX && (c & 0xC0) != 0x80) {
            cite_i_buf_adds(b, "...");
            break;
        }
        if (c < 0x20 || c == 0x7F) {
            cite_i_buf_addf(b, "\\x%02x", c);
        } else {
            cite_i_buf_addc(b, (char)c);
        }
    }
}

static const char *
show(struct run *run, const char *s)
{
    cite_i_buf_reset(&run->show);
    add_shown(&run->show, s);
    return run->show.ptr;
}

static void
count(struct run *run, enum cite_severity sev)
{
    switch (sev) {
    case CITE_SEV_NOTE:
        run->stats.notes++;
        break;
    case CITE_SEV_WARNING:
        run->stats.warnings++;
        break;
    default:
        run->stats.errors++;
        break;
    }
}

/* A finding about a whole document: at its file:1:1. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void
report_doc(struct run *run, enum cite_diag_code code,
           const struct cite_doc *doc, const char *fmt, ...)
{
    if (run->opts->off != NULL && run->opts->off[code]) {
        return;
    }
    enum cite_severity sev = cite_diag_default_severity(code);
    va_list ap;
    va_start(ap, fmt);
    cite_i_diag_vemit(run->sink, code, sev, doc->source, 1, 1, 0, fmt, ap);
    va_end(ap);
    count(run, sev);
}

/* A finding about a citation: at its file:line:col. */
#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
static void
report_ref(struct run *run, enum cite_diag_code code, enum cite_severity sev,
           const struct cite_doc *doc, const struct cite_ref *r,
           const char *fmt, ...)
{
    if (run->opts->off != NULL && run->opts->off[code]) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    cite_i_diag_vemit(run->sink, code, sev, doc->source, r->line, r->column,
                      r->offset, fmt, ap);
    va_end(ap);
    count(run, sev);
}

/* ---- what is known of a target ---------------------------------------- */

/*
 * One entry per id of the corpus or the registry.  The date is that of
 * the first corpus doc with the id that gives one, else the first
 * registry entry's; the entry is that first registry entry.
 */
static void
known_build(struct run *run)
{
    const struct cite_check_registry *reg = run->opts->registry;
    size_t nreg = reg != NULL ? reg->n : 0;
    run->known = cite_i_xreallocarray(NULL, run->ndocs + nreg ? run->ndocs + nreg : 1,
                                      sizeof *run->known);
    cite_i_idmap_init(&run->known_at);
    for (size_t i = 0; i < run->ndocs; i++) {
        const struct cite_doc *d = &run->corpus->docs[run->docs[i].index];
        size_t k = i > 0 && strcmp(run->docs[i - 1].id, run->docs[i].id) == 0
                       ? run->nknown - 1
                       : CITE_I_NOT_FOUND;
        if (k == CITE_I_NOT_FOUND) {
            k = run->nknown++;
            memset(&run->known[k], 0, sizeof run->known[k]);
            cite_i_idmap_put(&run->known_at, run->docs[i].id, k);
        }
        if (run->known[k].date[0] == '\0') {
            memcpy(run->known[k].date, d->info.date, sizeof d->info.date);
        }
    }
    for (size_t i = 0; i < nreg; i++) {
        const struct cite_check_entry *e = &reg->entries[i];
        size_t k = cite_i_idmap_get(&run->known_at, e->id);
        if (k == CITE_I_NOT_FOUND) {
            k = run->nknown++;
            memset(&run->known[k], 0, sizeof run->known[k]);
            cite_i_idmap_put(&run->known_at, e->id, k);
        }
        if (run->known[k].entry == NULL) {
            run->known[k].entry = e;
            if (run->known[k].date[0] == '\0') {
                memcpy(run->known[k].date, e->date, sizeof e->date);
            }
        }
    }
}

/* The paragraph number a pinpoint starts with ("3(c)" gives 3), or 0. */
static unsigned long
pinpoint_number(const char *p)
{
    unsigned long n = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        n = n * 10 + (unsigned long)(*p - '0');
        if (n > 1000000UL) {
            break; /* far beyond any document; no overflow */
        }
    }
    return n;
}

/* ---- per citation ----------------------------------------------------- */

static void
check_ref(struct run *run, const struct cite_doc *doc, const struct cite_ref *r)
{
    const char *why = NULL;
    /* the target looked up first: a corpus id cited many times has its
     * form checked once */
    size_t k = cite_i_idmap_get(&run->known_at, r->target);
    int well_formed;
    if (k != CITE_I_NOT_FOUND) {
        struct known *kn = &run->known[k];
        if (kn->symbol == 0) {
            kn->symbol = cite_check_symbol(r->target, &kn->why) ? 1 : -1;
        }
        well_formed = kn->symbol > 0;
        why = kn->why;
    } else {
        well_formed = cite_check_symbol(r->target, &why);
    }
    if (!well_formed) {
        report_ref(run, CITE_D_MALFORMED_SYMBOL, CITE_SEV_ERROR, doc, r,
                   "'%s' is not a well-formed id: %s", show(run, r->target),
                   why);
        return;
    }
    if (strncmp(r->target, "instrument:", 11) == 0) {
        return;
    }
    if (doc->info.id != NULL && strcmp(doc->info.id, r->target) == 0) {
        report_ref(run, CITE_D_SELF_CITATION, CITE_SEV_WARNING, doc, r,
                   "'%s' cites itself", show(run, r->target));
        return;
    }
    if (k == CITE_I_NOT_FOUND) {
        int closed = run->opts->closed;
        report_ref(run, CITE_D_UNRESOLVED,
                   closed ? CITE_SEV_ERROR : CITE_SEV_NOTE, doc, r,
                   closed ? "'%s' is not in the corpus nor in the registry"
                          : "'%s' is not in the corpus",
                   show(run, r->target));
        return;
    }
    const char *date = run->known[k].date;
    const struct cite_check_entry *e = run->known[k].entry;
    if (r->date[0] != '\0' && date[0] != '\0' && strcmp(r->date, date) != 0) {
        report_ref(run, CITE_D_DATE_MISMATCH, CITE_SEV_WARNING, doc, r,
                   "'%s' is dated %s here but was adopted on %s",
                   show(run, r->target), r->date, date);
    }
    if (doc->info.date[0] != '\0' && date[0] != '\0' &&
        strcmp(date, doc->info.date) > 0) {
        report_ref(run, CITE_D_LATER_DOCUMENT, CITE_SEV_ERROR, doc, r,
                   "'%s' was adopted on %s, after this document (%s)",
                   show(run, r->target), date, doc->info.date);
    }
    if (e != NULL && e->paragraphs > 0) {
        for (size_t i = 0; i < r->npinpoint; i++) {
            unsigned long n = pinpoint_number(r->pinpoint[i]);
            if (n > e->paragraphs) {
                report_ref(run, CITE_D_MISSING_PARAGRAPH, CITE_SEV_ERROR, doc,
                           r, "'%s' has %u operative paragraphs, not %lu",
                           show(run, r->target), e->paragraphs, n);
            }
        }
    }
}

/* ---- per group of docs sharing an id ---------------------------------- */

/* The sorted, distinct resolution/decision/statement targets of doc. */
static const char **
targets_of(const struct cite_doc *doc, size_t *n)
{
    const char **v =
        cite_i_xreallocarray(NULL, doc->nrefs ? doc->nrefs : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < doc->nrefs; i++) {
        enum cite_type t = doc->refs[i].type;
        /* a self-citation is reported on its own, not as a difference */
        if ((t == CITE_TYPE_RESOLUTION || t == CITE_TYPE_DECISION ||
             t == CITE_TYPE_STATEMENT) &&
            (doc->info.id == NULL || strcmp(doc->refs[i].target, doc->info.id) != 0)) {
            v[k++] = doc->refs[i].target;
        }
    }
    if (k > 1) {
        qsort(v, k, sizeof *v, cmp_str);
    }
    size_t u = 0;
    for (size_t i = 0; i < k; i++) {
        if (u == 0 || strcmp(v[u - 1], v[i]) != 0) {
            v[u++] = v[i];
        }
    }
    *n = u;
    return v;
}

/* Appends "'a', 'b', 'c' and 2 more" to run->list: a[] less b[]. */
static size_t
add_difference(struct run *run, const char **a, size_t na, const char **b,
               size_t nb)
{
    size_t i = 0, j = 0, shown = 0, total = 0;
    while (i < na) {
        int c = j < nb ? strcmp(a[i], b[j]) : -1;
        if (c < 0) {
            if (shown < LIST_MAX) {
                cite_i_buf_adds(&run->list, shown ? ", '" : "'");
                add_shown(&run->list, a[i]);
                cite_i_buf_addc(&run->list, '\'');
                shown++;
            }
            total++;
            i++;
        } else if (c == 0) {
            i++;
            j++;
        } else {
            j++;
        }
    }
    if (total > shown) {
        cite_i_buf_addf(&run->list, " and %zu more", total - shown);
    }
    return total;
}

static void
compare_versions(struct run *run, const struct cite_doc *first,
                 const struct cite_doc *later)
{
    size_t na, nb;
    const char **a = targets_of(first, &na);
    const char **b = targets_of(later, &nb);

    cite_i_buf_reset(&run->list);
    cite_i_buf_add(&run->list, "", 0);
    size_t extra = add_difference(run, b, nb, a, na);
    if (extra > 0) {
        cite_i_buf_adds(&run->list, " only here");
    }
    size_t before = run->list.len;
    if (extra > 0) {
        cite_i_buf_adds(&run->list, "; ");
    }
    size_t missing = add_difference(run, a, na, b, nb);
    if (missing > 0) {
        cite_i_buf_adds(&run->list, " only there");
    } else {
        run->list.len = before;
        run->list.ptr[before] = '\0';
    }
    if (extra + missing > 0) {
        report_doc(run, CITE_D_LANG_VERSIONS, later,
                   "the %s version of '%s' cites other documents than the %s "
                   "one in '%s': %s",
                   cite_lang_code(later->lang), show(run, later->info.id),
                   cite_lang_code(first->lang),
                   first->source ? first->source : "-", run->list.ptr);
    }
    free(a);
    free(b);
}

/* docs[from..to-1] share an id; corpus order within. */
static void
check_group(struct run *run, size_t from, size_t to)
{
    const struct cite_doc *all = run->corpus->docs;
    const struct cite_doc *first = &all[run->docs[from].index];

    for (size_t i = from + 1; i < to; i++) {
        const struct cite_doc *d = &all[run->docs[i].index];
        const struct cite_doc *twin = NULL;
        for (size_t j = from; j < i && twin == NULL; j++) {
            if (all[run->docs[j].index].lang == d->lang) {
                twin = &all[run->docs[j].index];
            }
        }
        if (twin != NULL) {
            report_doc(run, CITE_D_DUPLICATE_DOC, d,
                       "'%s' is already in the corpus in this language, "
                       "from '%s'",
                       show(run, d->info.id),
                       twin->source ? twin->source : "-");
        } else {
            compare_versions(run, first, d);
        }
    }
}

void
cite_check_run(const struct cite_corpus *corpus,
               const struct cite_check_options *opts,
               const struct cite_diag_sink *sink,
               struct cite_check_stats *stats)
{
    static const struct cite_check_options defaults;
    struct run run;

    memset(&run, 0, sizeof run);
    run.sink = sink;
    run.opts = opts != NULL ? opts : &defaults;
    run.corpus = corpus;

    /* the docs sorted by id: each group sharing one stands together */
    run.docs =
        cite_i_xreallocarray(NULL, corpus->n ? corpus->n : 1, sizeof *run.docs);
    for (size_t i = 0; i < corpus->n; i++) {
        const char *id = corpus->docs[i].info.id;
        if (id != NULL && *id != '\0') {
            run.docs[run.ndocs].id = id;
            run.docs[run.ndocs++].index = i;
        }
    }
    qsort(run.docs, run.ndocs, sizeof *run.docs, cmp_by_id);
    known_build(&run);

    for (size_t i = 0; i < corpus->n; i++) {
        const struct cite_doc *doc = &corpus->docs[i];
        for (size_t j = 0; j < doc->nrefs; j++) {
            check_ref(&run, doc, &doc->refs[j]);
        }
    }
    for (size_t i = 0; i < run.ndocs;) {
        size_t j = i + 1;
        while (j < run.ndocs && strcmp(run.docs[j].id, run.docs[i].id) == 0) {
            j++;
        }
        check_group(&run, i, j);
        i = j;
    }

    free(run.docs);
    free(run.known);
    cite_i_idmap_release(&run.known_at);
    cite_i_buf_release(&run.show);
    cite_i_buf_release(&run.list);
    if (stats != NULL) {
        *stats = run.stats;
    }
}

/* ---- the registry ----------------------------------------------------- */

void
cite_check_registry_init(struct cite_check_registry *reg)
{
    memset(reg, 0, sizeof *reg);
}

void
cite_check_registry_release(struct cite_check_registry *reg)
{
    for (size_t i = 0; i < reg->n; i++) {
        free((char *)reg->entries[i].id);
        free((char *)reg->entries[i].title);
    }
    free(reg->entries);
    memset(reg, 0, sizeof *reg);
}

struct cite_check_entry *
cite_check_registry_add(struct cite_check_registry *reg, const char *id,
                        const char *date, const char *title,
                        unsigned paragraphs)
{
    if (reg->n == reg->cap) {
        reg->cap = reg->cap ? reg->cap * 2 : 16;
        reg->entries =
            cite_i_xreallocarray(reg->entries, reg->cap, sizeof *reg->entries);
    }
    struct cite_check_entry *e = &reg->entries[reg->n++];
    memset(e, 0, sizeof *e);
    e->id = cite_i_xstrdup(id != NULL ? id : "");
    e->title = title != NULL ? cite_i_xstrdup(title) : NULL;
    if (date != NULL && strlen(date) < sizeof e->date) {
        memcpy(e->date, date, strlen(date) + 1);
    }
    e->paragraphs = paragraphs;
    return e;
}

const struct cite_check_entry *
cite_check_registry_find(const struct cite_check_registry *reg, const char *id)
{
    for (size_t i = 0; reg != NULL && id != NULL && i < reg->n; i++) {
        if (strcmp(reg->entries[i].id, id) == 0) {
            return &reg->entries[i];
        }
    }
    return NULL;
}
