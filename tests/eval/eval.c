/*
 * eval.c - measures citegraph's extraction against the development corpus.
 *
 * The corpus (../shared/corpus by default, never copied into the project)
 * holds texts/<lang>/<name>.txt and, for each, a hand-checked
 * truth/<lang>/<name>.yaml (see the corpus's ANNOTATION.md).  For every
 * language this program runs `citegraph extract --lang <lang>` on the whole
 * texts/<lang> directory into a scratch YAML file, reads that back with the
 * library's own reader (cite_yaml_read), reads the truth with libyaml, and
 * compares them: precision / recall of distinct (citing document, cited
 * resolution|decision|statement) pairs, overall, per language and per body
 * of the cited target; the same for other document symbols; the citing
 * document's id; pinpoints, dates and mention counts over the true
 * positives; instruments, informally.  It then lists every miss, false hit
 * and mismatch, sorted, and ends with one line saying whether the issue's
 * thresholds are met.  The report goes to standard output and is
 * deterministic.  Exit status: 0 when everything was measured (whatever the
 * figures), 2 when the corpus is missing, 1 on any other error (the
 * extractor failed, a YAML file could not be read, the corpus is
 * inconsistent).  Run it through `make eval`.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

#include "cite.h"

/* The thresholds. */
#define MIN_PAIR_P_ALL 0.98
#define MIN_PAIR_R_ALL 0.97
#define MIN_PAIR_LANG 0.95 /* precision and recall, each language */
#define MIN_SYM 0.90       /* other symbols, precision and recall */
#define MIN_DETAIL 0.95    /* pinpoint and date accuracy */

/* ---- small utilities --------------------------------------------------- */

static void
die(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("eval: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void
warn(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("eval: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n == 0 ? 1 : n);
    if (q == NULL) {
        die("out of memory");
    }
    return q;
}

static char *
xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xrealloc(NULL, n);
    memcpy(p, s, n);
    return p;
}

static char *
xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        die("cannot format a string");
    }
    char *p = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

static int
has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? slash + 1 : path;
}

/* The base name of path without suffix (when it ends with it), allocated. */
static char *
stem(const char *path, const char *suffix)
{
    const char *b = base_name(path);
    char *s = xstrdup(b);
    if (has_suffix(s, suffix)) {
        s[strlen(s) - strlen(suffix)] = '\0';
    }
    return s;
}

/* ---- string lists ------------------------------------------------------ */

struct strlist {
    char **v;
    size_t n;
    size_t cap;
};

static void
sl_add(struct strlist *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap == 0 ? 8 : 2 * l->cap;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = xstrdup(s);
}

/* Takes ownership of s. */
static void
sl_take(struct strlist *l, char *s)
{
    sl_add(l, s);
    free(s);
}

static int
sl_has(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(l->v[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

static void
sl_add_unique(struct strlist *l, const char *s)
{
    if (!sl_has(l, s)) {
        sl_add(l, s);
    }
}

static void
sl_free(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i]);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
    l->cap = 0;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
sl_sort(struct strlist *l)
{
    if (l->n > 1) {
        qsort(l->v, l->n, sizeof *l->v, cmp_str);
    }
}

/* Pinpoints sort by their leading number, then as strings: 2 < 2(a) < 10. */
static int
cmp_pin(const void *a, const void *b)
{
    const char *x = *(char *const *)a;
    const char *y = *(char *const *)b;
    char *ex, *ey;
    unsigned long nx = strtoul(x, &ex, 10);
    unsigned long ny = strtoul(y, &ey, 10);
    int dx = ex != x, dy = ey != y;
    if (dx && dy && nx != ny) {
        return nx < ny ? -1 : 1;
    }
    if (dx != dy) {
        return dx ? -1 : 1;
    }
    return strcmp(x, y);
}

/* A pinpoint as compared: white space removed ("3 (c)" is "3(c)"). */
static char *
pin_norm(const char *s)
{
    char *p = xstrdup(s);
    size_t k = 0;
    for (size_t i = 0; p[i] != '\0'; i++) {
        if (!isspace((unsigned char)p[i])) {
            p[k++] = p[i];
        }
    }
    p[k] = '\0';
    return p;
}

static int
pins_equal(const struct strlist *a, const struct strlist *b)
{
    if (a->n != b->n) {
        return 0;
    }
    for (size_t i = 0; i < a->n; i++) {
        if (strcmp(a->v[i], b->v[i]) != 0) {
            return 0;
        }
    }
    return 1;
}

/* "[2, 3(c)]"; the list must be sorted. */
static char *
pins_show(const struct strlist *l)
{
    size_t n = 3;
    for (size_t i = 0; i < l->n; i++) {
        n += strlen(l->v[i]) + 2;
    }
    char *s = xrealloc(NULL, n);
    strcpy(s, "[");
    for (size_t i = 0; i < l->n; i++) {
        if (i > 0) {
            strcat(s, ", ");
        }
        strcat(s, l->v[i]);
    }
    strcat(s, "]");
    return s;
}

/* Instrument slugs compare lower-cased, with '-' and ' ' as '_'. */
static char *
slug_norm(const char *s)
{
    if (strncmp(s, "instrument:", 11) == 0) {
        s += 11;
    }
    char *p = xstrdup(s);
    for (size_t i = 0; p[i] != '\0'; i++) {
        if (p[i] == '-' || p[i] == ' ') {
            p[i] = '_';
        } else {
            p[i] = (char)tolower((unsigned char)p[i]);
        }
    }
    return p;
}

/* ---- bodies of cited targets ------------------------------------------ */

enum { B_SC, B_GA, B_HRC, B_CHR, B_SUBCOM, B_ECOSOC, B_OTHER, B__COUNT };

static const char *const body_names[B__COUNT] = {
    "SC", "GA", "HRC", "CHR", "SUBCOM", "ECOSOC", "other",
};

/* The body of a canonical id, from its prefix. */
static int
body_of(const char *id)
{
    static const struct {
        const char *prefix;
        int body;
    } rules[] = {
        {"S/RES", B_SC},         {"S/PRST", B_SC},   {"A/RES", B_GA},
        {"A/DEC", B_GA},         {"A/HRC/", B_HRC},  {"E/CN.4/SUB.2", B_SUBCOM},
        {"E/CN.4/", B_CHR},      {"E/RES", B_ECOSOC}, {"E/DEC", B_ECOSOC},
    };
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        if (strncmp(id, rules[i].prefix, strlen(rules[i].prefix)) == 0) {
            return rules[i].body;
        }
    }
    return B_OTHER;
}

/* ---- the truth --------------------------------------------------------- */

struct tcite {
    char *target;
    struct strlist pin; /* normalised, sorted, distinct */
    char *date;         /* NULL when the text gives none */
    long mentions;      /* -1 when not given */
    char *note;         /* "" when none */
};

struct truth {
    char *path;     /* of the truth file, for messages */
    char *name;     /* the text's name without .txt */
    char *document; /* the citing document's id */
    struct tcite *cites;
    size_t ncites;
    struct strlist docs;  /* distinct other symbols */
    struct strlist instr; /* distinct normalised slugs */
};

static yaml_node_t *
map_get(yaml_document_t *d, yaml_node_t *map, const char *key)
{
    if (map == NULL || map->type != YAML_MAPPING_NODE) {
        return NULL;
    }
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(d, p->key);
        if (k != NULL && k->type == YAML_SCALAR_NODE &&
            strcmp((const char *)k->data.scalar.value, key) == 0) {
            return yaml_document_get_node(d, p->value);
        }
    }
    return NULL;
}

static int
is_null(const yaml_node_t *n)
{
    if (n == NULL) {
        return 1;
    }
    if (n->type != YAML_SCALAR_NODE ||
        n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        return 0;
    }
    const char *v = (const char *)n->data.scalar.value;
    return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
           strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* The value of a scalar node, or NULL when n is not a non-null scalar. */
static const char *
scalar(const yaml_node_t *n)
{
    if (n == NULL || n->type != YAML_SCALAR_NODE || is_null(n)) {
        return NULL;
    }
    return (const char *)n->data.scalar.value;
}

/* Calls fn on each scalar of a sequence node; a null node is empty. */
static void
each_scalar(yaml_document_t *d, yaml_node_t *seq, const char *path,
            const char *what, void (*fn)(struct strlist *, const char *),
            struct strlist *out)
{
    if (is_null(seq)) {
        return;
    }
    if (seq->type != YAML_SEQUENCE_NODE) {
        die("%s:%lu: '%s' is not a list", path,
            (unsigned long)seq->start_mark.line + 1, what);
    }
    for (yaml_node_item_t *it = seq->data.sequence.items.start;
         it < seq->data.sequence.items.top; it++) {
        yaml_node_t *n = yaml_document_get_node(d, *it);
        const char *v = scalar(n);
        if (v == NULL) {
            die("%s:%lu: an entry of '%s' is not a string", path,
                n != NULL ? (unsigned long)n->start_mark.line + 1 : 0UL, what);
        }
        fn(out, v);
    }
}

static void
add_pin(struct strlist *l, const char *v)
{
    char *p = pin_norm(v);
    sl_add_unique(l, p);
    free(p);
}

static void
add_slug(struct strlist *l, const char *v)
{
    char *p = slug_norm(v);
    sl_add_unique(l, p);
    free(p);
}

static void
add_symbol(struct strlist *l, const char *v)
{
    sl_add_unique(l, v);
}

static void
truth_add_cite(struct truth *t, yaml_document_t *d, yaml_node_t *n)
{
    const char *target = scalar(map_get(d, n, "target"));
    if (target == NULL) {
        die("%s:%lu: a citation has no target", t->path,
            (unsigned long)n->start_mark.line + 1);
    }
    struct tcite *c = NULL;
    for (size_t i = 0; i < t->ncites; i++) {
        if (strcmp(t->cites[i].target, target) == 0) {
            c = &t->cites[i];
        }
    }
    if (c != NULL) {
        warn("%s: %s is listed twice; the entries are merged", t->path,
             target);
    } else {
        t->cites = xrealloc(t->cites, (t->ncites + 1) * sizeof *t->cites);
        c = &t->cites[t->ncites++];
        memset(c, 0, sizeof *c);
        c->target = xstrdup(target);
        c->mentions = -1;
        c->note = xstrdup("");
    }
    each_scalar(d, map_get(d, n, "pinpoint"), t->path, "pinpoint", add_pin,
                &c->pin);
    if (c->pin.n > 1) {
        qsort(c->pin.v, c->pin.n, sizeof *c->pin.v, cmp_pin);
    }
    const char *date = scalar(map_get(d, n, "date"));
    if (date != NULL && c->date == NULL) {
        c->date = xstrdup(date);
    }
    const char *m = scalar(map_get(d, n, "mentions"));
    if (m != NULL) {
        char *end;
        long v = strtol(m, &end, 10);
        if (*end != '\0' || v < 0) {
            die("%s: %s: 'mentions' is not a count", t->path, target);
        }
        c->mentions = c->mentions > 0 ? c->mentions + v : v;
    }
    const char *note = scalar(map_get(d, n, "note"));
    if (note != NULL && note[0] != '\0') {
        free(c->note);
        c->note = xstrdup(note);
        for (char *q = c->note; *q != '\0'; q++) {
            if (*q == '\n' || *q == '\r' || *q == '\t') {
                *q = ' ';
            }
        }
    }
}

/* Reads truth/<lang>/<file>; dies on anything that breaks the format. */
static void
truth_load(struct truth *t, const char *path, const char *lang)
{
    memset(t, 0, sizeof *t);
    t->path = xstrdup(path);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        die("%s: %s", path, strerror(errno));
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser)) {
        die("out of memory");
    }
    yaml_parser_set_input_file(&parser, f);
    if (!yaml_parser_load(&parser, &doc)) {
        die("%s:%lu:%lu: %s", path, (unsigned long)parser.problem_mark.line + 1,
            (unsigned long)parser.problem_mark.column + 1,
            parser.problem != NULL ? parser.problem : "YAML error");
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root == NULL || root->type != YAML_MAPPING_NODE) {
        die("%s: not a mapping", path);
    }
    const char *file = scalar(map_get(&doc, root, "file"));
    t->name = file != NULL ? stem(file, ".txt") : stem(path, ".yaml");
    const char *document = scalar(map_get(&doc, root, "document"));
    if (document == NULL) {
        die("%s: no 'document'", path);
    }
    t->document = xstrdup(document);
    const char *language = scalar(map_get(&doc, root, "language"));
    if (language != NULL && strcmp(language, lang) != 0) {
        warn("%s: language '%s' in the directory of '%s'", path, language,
             lang);
    }
    yaml_node_t *cites = map_get(&doc, root, "citations");
    if (!is_null(cites)) {
        if (cites->type != YAML_SEQUENCE_NODE) {
            die("%s: 'citations' is not a list", path);
        }
        for (yaml_node_item_t *it = cites->data.sequence.items.start;
             it < cites->data.sequence.items.top; it++) {
            yaml_node_t *n = yaml_document_get_node(&doc, *it);
            if (n == NULL || n->type != YAML_MAPPING_NODE) {
                die("%s: a citation is not a mapping", path);
            }
            truth_add_cite(t, &doc, n);
        }
    }
    each_scalar(&doc, map_get(&doc, root, "documents"), path, "documents",
                add_symbol, &t->docs);
    each_scalar(&doc, map_get(&doc, root, "instruments"), path, "instruments",
                add_slug, &t->instr);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(f);
}

static void
truth_free(struct truth *t)
{
    for (size_t i = 0; i < t->ncites; i++) {
        free(t->cites[i].target);
        sl_free(&t->cites[i].pin);
        free(t->cites[i].date);
        free(t->cites[i].note);
    }
    free(t->cites);
    sl_free(&t->docs);
    sl_free(&t->instr);
    free(t->path);
    free(t->name);
    free(t->document);
}

/* ---- our extraction, by distinct target -------------------------------- */

struct ocite {
    const char *target;    /* borrowed from the doc */
    struct strlist pin;    /* union over mentions, normalised, sorted */
    const char *date;      /* the first non-empty date, or NULL */
    long mentions;
    size_t line, column;   /* of the first mention */
    const char *text;      /* of the first mention; may be NULL */
};

struct ours {
    struct ocite *v;
    size_t n;
};

static struct ocite *
ours_find(const struct ours *o, const char *target)
{
    for (size_t i = 0; i < o->n; i++) {
        if (strcmp(o->v[i].target, target) == 0) {
            return &o->v[i];
        }
    }
    return NULL;
}

static int
is_pair_type(enum cite_type t)
{
    return t == CITE_TYPE_RESOLUTION || t == CITE_TYPE_DECISION ||
           t == CITE_TYPE_STATEMENT;
}

/* Groups doc's mentions whose type passes keep() by target. */
static void
ours_build(struct ours *o, const struct cite_doc *doc, int pairs)
{
    o->v = NULL;
    o->n = 0;
    if (doc == NULL) {
        return;
    }
    for (size_t i = 0; i < doc->nrefs; i++) {
        const struct cite_ref *r = &doc->refs[i];
        int keep = pairs ? is_pair_type(r->type) : r->type == CITE_TYPE_DOCUMENT;
        if (!keep) {
            continue;
        }
        struct ocite *c = ours_find(o, r->target);
        if (c == NULL) {
            o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
            c = &o->v[o->n++];
            memset(c, 0, sizeof *c);
            c->target = r->target;
            c->line = r->line;
            c->column = r->column;
            c->text = r->text;
        }
        c->mentions++;
        for (size_t k = 0; k < r->npinpoint; k++) {
            add_pin(&c->pin, r->pinpoint[k]);
        }
        if (c->date == NULL && r->date[0] != '\0') {
            c->date = r->date;
        }
    }
    for (size_t i = 0; i < o->n; i++) {
        if (o->v[i].pin.n > 1) {
            qsort(o->v[i].pin.v, o->v[i].pin.n, sizeof *o->v[i].pin.v,
                  cmp_pin);
        }
    }
}

static void
ours_free(struct ours *o)
{
    for (size_t i = 0; i < o->n; i++) {
        sl_free(&o->v[i].pin);
    }
    free(o->v);
    o->v = NULL;
    o->n = 0;
}

/* ---- the tallies ------------------------------------------------------- */

struct prf {
    long tp, fp, fn;
};

struct ratio {
    long ok, n;
};

#define MAX_LANGS 16

struct eval {
    const char *corpus;
    const char *bin;
    const char *work;
    const char *only_lang;
    int verbose;

    struct strlist langs;
    struct prf pair_lang[MAX_LANGS];
    struct prf sym_lang[MAX_LANGS];
    struct prf pair_all, sym_all, pair_body[B__COUNT];
    long texts_lang[MAX_LANGS];
    long diags_lang[MAX_LANGS];
    struct ratio docid;
    struct ratio pin_all, pin_val, date_all, date_val, ment;
    long inst_hit, inst_n, inst_extra;

    /* Report lines, each section sorted before printing. */
    struct strlist miss, fals, miss_sym, false_sym, wrong_id;
    struct strlist pin_bad, date_bad, ment_bad, miss_inst, extra_inst;
    struct strlist per_doc;
};

static void
quote_into(char *buf, size_t n, const char *s)
{
    size_t k = 0;
    if (s == NULL) {
        snprintf(buf, n, "(no text)");
        return;
    }
    buf[k++] = '"';
    for (size_t i = 0; s[i] != '\0' && k + 5 < n; i++) {
        buf[k++] = s[i] == '"' ? '\'' : s[i];
    }
    buf[k++] = '"';
    buf[k] = '\0';
}

static void
compare_pairs(struct eval *ev, size_t li, const struct truth *t,
              const struct cite_doc *doc, struct prf *mine)
{
    const char *lang = ev->langs.v[li];
    struct ours o;
    ours_build(&o, doc, 1);
    for (size_t i = 0; i < t->ncites; i++) {
        const struct tcite *tc = &t->cites[i];
        int b = body_of(tc->target);
        struct ocite *oc = ours_find(&o, tc->target);
        if (oc == NULL) {
            mine->fn++;
            ev->pair_lang[li].fn++;
            ev->pair_all.fn++;
            ev->pair_body[b].fn++;
            if (ev->verbose && tc->note[0] != '\0') {
                sl_take(&ev->miss, xprintf("MISS %s %s %s  # %s", lang, t->name,
                                           tc->target, tc->note));
            } else {
                sl_take(&ev->miss,
                        xprintf("MISS %s %s %s", lang, t->name, tc->target));
            }
            continue;
        }
        mine->tp++;
        ev->pair_lang[li].tp++;
        ev->pair_all.tp++;
        ev->pair_body[b].tp++;

        int pin_ok = pins_equal(&tc->pin, &oc->pin);
        ev->pin_all.n++;
        ev->pin_all.ok += pin_ok;
        if (tc->pin.n > 0 || oc->pin.n > 0) {
            ev->pin_val.n++;
            ev->pin_val.ok += pin_ok;
        }
        if (!pin_ok) {
            char *a = pins_show(&tc->pin), *c = pins_show(&oc->pin);
            sl_take(&ev->pin_bad, xprintf("PINPOINT %s %s %s truth %s ours %s",
                                          lang, t->name, tc->target, a, c));
            free(a);
            free(c);
        }

        const char *td = tc->date, *od = oc->date;
        int date_ok = (td == NULL && od == NULL) ||
                      (td != NULL && od != NULL && strcmp(td, od) == 0);
        ev->date_all.n++;
        ev->date_all.ok += date_ok;
        if (td != NULL || od != NULL) {
            ev->date_val.n++;
            ev->date_val.ok += date_ok;
        }
        if (!date_ok) {
            sl_take(&ev->date_bad,
                    xprintf("DATE %s %s %s truth %s ours %s", lang, t->name,
                            tc->target, td != NULL ? td : "null",
                            od != NULL ? od : "null"));
        }

        if (tc->mentions >= 0) {
            int m_ok = tc->mentions == oc->mentions;
            ev->ment.n++;
            ev->ment.ok += m_ok;
            if (!m_ok) {
                sl_take(&ev->ment_bad,
                        xprintf("MENTIONS %s %s %s truth %ld ours %ld", lang,
                                t->name, tc->target, tc->mentions,
                                oc->mentions));
            }
        }
    }
    for (size_t i = 0; i < o.n; i++) {
        const struct ocite *oc = &o.v[i];
        int found = 0;
        for (size_t k = 0; k < t->ncites && !found; k++) {
            found = strcmp(t->cites[k].target, oc->target) == 0;
        }
        if (found) {
            continue;
        }
        int b = body_of(oc->target);
        mine->fp++;
        ev->pair_lang[li].fp++;
        ev->pair_all.fp++;
        ev->pair_body[b].fp++;
        if (ev->verbose) {
            char q[160];
            quote_into(q, sizeof q, oc->text);
            sl_take(&ev->fals, xprintf("FALSE %s %s %s  # %zu:%zu %s", lang,
                                       t->name, oc->target, oc->line,
                                       oc->column, q));
        } else {
            sl_take(&ev->fals,
                    xprintf("FALSE %s %s %s", lang, t->name, oc->target));
        }
    }
    ours_free(&o);
}

static void
compare_symbols(struct eval *ev, size_t li, const struct truth *t,
                const struct cite_doc *doc, struct prf *mine)
{
    const char *lang = ev->langs.v[li];
    struct ours o;
    ours_build(&o, doc, 0);
    for (size_t i = 0; i < t->docs.n; i++) {
        if (ours_find(&o, t->docs.v[i]) != NULL) {
            mine->tp++;
            ev->sym_lang[li].tp++;
            ev->sym_all.tp++;
        } else {
            mine->fn++;
            ev->sym_lang[li].fn++;
            ev->sym_all.fn++;
            sl_take(&ev->miss_sym, xprintf("MISS-SYM %s %s %s", lang, t->name,
                                           t->docs.v[i]));
        }
    }
    for (size_t i = 0; i < o.n; i++) {
        const struct ocite *oc = &o.v[i];
        if (sl_has(&t->docs, oc->target)) {
            continue;
        }
        mine->fp++;
        ev->sym_lang[li].fp++;
        ev->sym_all.fp++;
        if (ev->verbose) {
            char q[160];
            quote_into(q, sizeof q, oc->text);
            sl_take(&ev->false_sym,
                    xprintf("FALSE-SYM %s %s %s  # %zu:%zu %s", lang, t->name,
                            oc->target, oc->line, oc->column, q));
        } else {
            sl_take(&ev->false_sym,
                    xprintf("FALSE-SYM %s %s %s", lang, t->name, oc->target));
        }
    }
    ours_free(&o);
}

static void
compare_instruments(struct eval *ev, size_t li, const struct truth *t,
                    const struct cite_doc *doc)
{
    const char *lang = ev->langs.v[li];
    struct strlist mine = {NULL, 0, 0};
    for (size_t i = 0; doc != NULL && i < doc->nrefs; i++) {
        if (doc->refs[i].type == CITE_TYPE_INSTRUMENT) {
            add_slug(&mine, doc->refs[i].target);
        }
    }
    for (size_t i = 0; i < t->instr.n; i++) {
        ev->inst_n++;
        if (sl_has(&mine, t->instr.v[i])) {
            ev->inst_hit++;
        } else {
            sl_take(&ev->miss_inst, xprintf("MISS-INST %s %s %s", lang,
                                            t->name, t->instr.v[i]));
        }
    }
    for (size_t i = 0; i < mine.n; i++) {
        if (!sl_has(&t->instr, mine.v[i])) {
            ev->inst_extra++;
            sl_take(&ev->extra_inst, xprintf("EXTRA-INST %s %s %s", lang,
                                             t->name, mine.v[i]));
        }
    }
    sl_free(&mine);
}

static void
compare_doc(struct eval *ev, size_t li, const struct truth *t,
            const struct cite_doc *doc)
{
    const char *lang = ev->langs.v[li];
    const char *id = doc != NULL ? doc->info.id : NULL;
    int id_ok = id != NULL && strcmp(id, t->document) == 0;
    ev->docid.n++;
    ev->docid.ok += id_ok;
    if (!id_ok) {
        sl_take(&ev->wrong_id,
                xprintf("DOCID %s %s truth %s ours %s", lang, t->name,
                        t->document, id != NULL ? id : "(none)"));
    }
    struct prf pairs = {0, 0, 0}, syms = {0, 0, 0};
    compare_pairs(ev, li, t, doc, &pairs);
    compare_symbols(ev, li, t, doc, &syms);
    compare_instruments(ev, li, t, doc);
    sl_take(&ev->per_doc,
            xprintf("DOC %s %-28s pairs tp %3ld fp %3ld fn %3ld   symbols "
                    "tp %3ld fp %3ld fn %3ld   id %s",
                    lang, t->name, pairs.tp, pairs.fp, pairs.fn, syms.tp,
                    syms.fp, syms.fn, id_ok ? "ok" : "WRONG"));
}

/* ---- running the extractor --------------------------------------------- */

static void
run_extract(const struct eval *ev, const char *lang, const char *out,
            const char *errpath)
{
    char *texts = xprintf("%s/texts/%s", ev->corpus, lang);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        die("fork: %s", strerror(errno));
    }
    if (pid == 0) {
        int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 2);
            close(fd);
        }
        execl(ev->bin, ev->bin, "extract", "--lang", lang, "-o", out, texts,
              (char *)NULL);
        fprintf(stderr, "eval: cannot run %s: %s\n", ev->bin, strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) {
            die("waitpid: %s", strerror(errno));
        }
    }
    if (WIFSIGNALED(st)) {
        die("%s extract --lang %s %s: killed by signal %d (see %s)", ev->bin,
            lang, texts, WTERMSIG(st), errpath);
    }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        die("%s extract --lang %s %s: exit status %d (see %s)", ev->bin, lang,
            texts, WIFEXITED(st) ? WEXITSTATUS(st) : -1, errpath);
    }
    free(texts);
}

static long
count_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    long n = 0;
    int c;
    if (f == NULL) {
        return 0;
    }
    while ((c = getc(f)) != EOF) {
        n += c == '\n';
    }
    fclose(f);
    return n;
}

static void
reader_diag(void *ctx, const struct cite_diag *d)
{
    long *n = ctx;
    (*n)++;
    fprintf(stderr, "eval: reading our YAML: %s:%zu:%zu: %s [%s]\n",
            d->file != NULL ? d->file : "?", d->line, d->column, d->message,
            cite_diag_slug(d->code));
}

/* The *.<suffix> names in dir, sorted. */
static void
list_dir(struct strlist *out, const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        die("%s: %s", dir, strerror(errno));
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] != '.' && has_suffix(e->d_name, suffix)) {
            sl_add(out, e->d_name);
        }
    }
    closedir(d);
    sl_sort(out);
}

/* The sub-directories of dir, sorted. */
static void
list_subdirs(struct strlist *out, const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        die("%s: %s", dir, strerror(errno));
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char *p = xprintf("%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            sl_add(out, e->d_name);
        }
        free(p);
    }
    closedir(d);
    sl_sort(out);
}

static void
eval_lang(struct eval *ev, size_t li)
{
    const char *lang = ev->langs.v[li];
    char *out = xprintf("%s/%s.yaml", ev->work, lang);
    char *errpath = xprintf("%s/%s.stderr", ev->work, lang);
    run_extract(ev, lang, out, errpath);
    ev->diags_lang[li] = count_lines(errpath);

    FILE *f = fopen(out, "rb");
    if (f == NULL) {
        die("%s: %s", out, strerror(errno));
    }
    struct cite_corpus corpus;
    cite_corpus_init(&corpus);
    long nerr = 0;
    struct cite_diag_sink sink = {reader_diag, &nerr};
    if (cite_yaml_read(&corpus, f, out, &sink) != 0 || nerr > 0) {
        die("%s: our own YAML could not be read back", out);
    }
    fclose(f);

    /* Our docs by text name; each text must be used once. */
    char **names = xrealloc(NULL, (corpus.n + 1) * sizeof *names);
    int *used = xrealloc(NULL, (corpus.n + 1) * sizeof *used);
    for (size_t i = 0; i < corpus.n; i++) {
        names[i] = stem(corpus.docs[i].source, ".txt");
        used[i] = 0;
    }

    char *tdir = xprintf("%s/truth/%s", ev->corpus, lang);
    struct strlist files = {NULL, 0, 0};
    list_dir(&files, tdir, ".yaml");
    for (size_t k = 0; k < files.n; k++) {
        char *path = xprintf("%s/%s", tdir, files.v[k]);
        struct truth t;
        truth_load(&t, path, lang);
        const struct cite_doc *doc = NULL;
        for (size_t i = 0; i < corpus.n; i++) {
            if (strcmp(names[i], t.name) == 0) {
                doc = &corpus.docs[i];
                used[i] = 1;
            }
        }
        if (doc == NULL) {
            die("%s: no text texts/%s/%s.txt, or the extractor wrote no "
                "document for it",
                path, lang, t.name);
        }
        ev->texts_lang[li]++;
        compare_doc(ev, li, &t, doc);
        truth_free(&t);
        free(path);
    }
    for (size_t i = 0; i < corpus.n; i++) {
        if (!used[i]) {
            warn("%s: no truth file; not measured", corpus.docs[i].source);
        }
        free(names[i]);
    }
    free(names);
    free(used);
    sl_free(&files);
    free(tdir);
    cite_corpus_release(&corpus);
    free(out);
    free(errpath);
}

/* ---- the report -------------------------------------------------------- */

/* -1 when undefined (0/0). */
static double
frac(long num, long den)
{
    return den == 0 ? -1.0 : (double)num / (double)den;
}

static double
prec(const struct prf *p)
{
    return frac(p->tp, p->tp + p->fp);
}

static double
rec(const struct prf *p)
{
    return frac(p->tp, p->tp + p->fn);
}

static double
f1(const struct prf *p)
{
    return frac(2 * p->tp, 2 * p->tp + p->fp + p->fn);
}

static const char *
fmt_num(char *buf, size_t n, double v)
{
    if (v < 0) {
        snprintf(buf, n, "-");
    } else {
        snprintf(buf, n, "%.3f", v);
    }
    return buf;
}

static void
print_row(const char *label, const struct prf *p)
{
    char a[16], b[16], c[16];
    printf("  %-10s %5ld %5ld %5ld %9s %9s %9s\n", label, p->tp, p->fp, p->fn,
           fmt_num(a, sizeof a, prec(p)), fmt_num(b, sizeof b, rec(p)),
           fmt_num(c, sizeof c, f1(p)));
}

static void
print_header(void)
{
    printf("  %-10s %5s %5s %5s %9s %9s %9s\n", "", "TP", "FP", "FN",
           "precision", "recall", "F1");
}

static void
print_ratio(const char *label, const struct ratio *r)
{
    char a[16];
    printf("  %-44s %4ld/%-4ld %s\n", label, r->ok, r->n,
           fmt_num(a, sizeof a, frac(r->ok, r->n)));
}

static void
print_section(const char *title, struct strlist *l)
{
    sl_sort(l);
    printf("\n%s: %zu\n", title, l->n);
    for (size_t i = 0; i < l->n; i++) {
        printf("%s\n", l->v[i]);
    }
}

/* One threshold: undefined values (nothing to measure) pass. */
static int
check(struct strlist *failed, const char *what, double v, double min)
{
    char a[16];
    int ok = v < 0 || v >= min;
    printf("  %-44s %6s >= %.2f  %s\n", what, fmt_num(a, sizeof a, v), min,
           ok ? "ok" : "FAIL");
    if (!ok) {
        sl_add(failed, what);
    }
    return ok;
}

static void
report(struct eval *ev)
{
    long ntexts = 0, ndiags = 0;
    for (size_t i = 0; i < ev->langs.n; i++) {
        ntexts += ev->texts_lang[i];
        ndiags += ev->diags_lang[i];
    }
    printf("citegraph eval: %ld texts in %s, languages:", ntexts, ev->corpus);
    for (size_t i = 0; i < ev->langs.n; i++) {
        printf(" %s (%ld)", ev->langs.v[i], ev->texts_lang[i]);
    }
    printf("\nextractor diagnostics: %ld lines, in %s/<lang>.stderr\n", ndiags,
           ev->work);

    printf("\nResolutions, decisions, statements: distinct (document, target) "
           "pairs\n");
    print_header();
    print_row("overall", &ev->pair_all);
    for (size_t i = 0; i < ev->langs.n; i++) {
        print_row(ev->langs.v[i], &ev->pair_lang[i]);
    }
    printf("  by body of the cited target:\n");
    for (int b = 0; b < B__COUNT; b++) {
        const struct prf *p = &ev->pair_body[b];
        if (b != B_OTHER || p->tp + p->fp + p->fn > 0) {
            print_row(body_names[b], p);
        }
    }

    printf("\nOther document symbols: distinct (document, symbol) pairs "
           "(truth 'documents' vs our type 'document')\n");
    print_header();
    print_row("overall", &ev->sym_all);
    for (size_t i = 0; i < ev->langs.n; i++) {
        print_row(ev->langs.v[i], &ev->sym_lang[i]);
    }

    printf("\nCiting document and true-positive pairs\n");
    print_ratio("citing-document id right", &ev->docid);
    print_ratio("pinpoint right, all TP pairs", &ev->pin_all);
    print_ratio("pinpoint right, TP pairs with a pinpoint [1]", &ev->pin_val);
    print_ratio("date right, all TP pairs", &ev->date_all);
    print_ratio("date right, TP pairs with a date [1]", &ev->date_val);
    print_ratio("mention count right, TP pairs (extra)", &ev->ment);
    printf("  [1] in the truth or in ours; both empty counts as right in the "
           "'all' lines\n");

    struct ratio inst = {ev->inst_hit, ev->inst_n};
    printf("\nInstruments (informal truth slugs, ours without "
           "'instrument:')\n");
    print_ratio("truth slugs found (recall)", &inst);
    printf("  %-44s %4ld\n", "our slugs not in the truth", ev->inst_extra);

    print_section("Misses (truth pair not found)", &ev->miss);
    print_section("False hits (our pair not in the truth)", &ev->fals);
    print_section("Missed other symbols", &ev->miss_sym);
    print_section("False other symbols", &ev->false_sym);
    print_section("Wrong citing-document ids", &ev->wrong_id);
    print_section("Pinpoint mismatches (TP pairs)", &ev->pin_bad);
    print_section("Date mismatches (TP pairs)", &ev->date_bad);
    if (ev->verbose) {
        print_section("Mention-count mismatches (TP pairs)", &ev->ment_bad);
        print_section("Missed instruments", &ev->miss_inst);
        print_section("Instruments not in the truth", &ev->extra_inst);
        print_section("Per document", &ev->per_doc);
    }

    struct strlist failed = {NULL, 0, 0};
    printf("\nThresholds\n");
    check(&failed, "pairs precision, overall", prec(&ev->pair_all),
          MIN_PAIR_P_ALL);
    check(&failed, "pairs recall, overall", rec(&ev->pair_all),
          MIN_PAIR_R_ALL);
    for (size_t i = 0; i < ev->langs.n; i++) {
        char *p = xprintf("pairs precision, %s", ev->langs.v[i]);
        char *r = xprintf("pairs recall, %s", ev->langs.v[i]);
        check(&failed, p, prec(&ev->pair_lang[i]), MIN_PAIR_LANG);
        check(&failed, r, rec(&ev->pair_lang[i]), MIN_PAIR_LANG);
        free(p);
        free(r);
    }
    check(&failed, "other symbols precision", prec(&ev->sym_all), MIN_SYM);
    check(&failed, "other symbols recall", rec(&ev->sym_all), MIN_SYM);
    check(&failed, "citing-document ids (all must be right)",
          frac(ev->docid.ok, ev->docid.n), 1.0);
    check(&failed, "pinpoint accuracy, all TP pairs",
          frac(ev->pin_all.ok, ev->pin_all.n), MIN_DETAIL);
    check(&failed, "date accuracy, all TP pairs",
          frac(ev->date_all.ok, ev->date_all.n), MIN_DETAIL);
    if (ev->only_lang != NULL) {
        printf("  (measured on %s only)\n", ev->only_lang);
    }
    if (failed.n == 0) {
        printf("\nRESULT: the issue's thresholds are met\n");
    } else {
        printf("\nRESULT: the issue's thresholds are NOT met (%zu failing: ",
               failed.n);
        for (size_t i = 0; i < failed.n; i++) {
            printf("%s%s", i > 0 ? "; " : "", failed.v[i]);
        }
        printf(")\n");
    }
    sl_free(&failed);
}

/* ---- main -------------------------------------------------------------- */

static void
usage(FILE *out)
{
    fputs("usage: eval --corpus DIR --citegraph BIN --work DIR [--lang LANG] "
          "[--verbose]\n"
          "Runs BIN extract on DIR/texts/<lang> and compares with "
          "DIR/truth/<lang>.\n",
          out);
}

static void
missing_corpus(const char *corpus)
{
    fflush(stdout);
    fprintf(stderr,
            "\n"
            "**********************************************************\n"
            "eval: THE CORPUS IS MISSING: %s\n"
            "eval: (no texts/ and truth/ there); NOTHING WAS MEASURED.\n"
            "eval: set CORPUS=... to the development corpus.\n"
            "**********************************************************\n\n",
            corpus);
    exit(2);
}

static void
eval_free(struct eval *ev)
{
    sl_free(&ev->langs);
    sl_free(&ev->miss);
    sl_free(&ev->fals);
    sl_free(&ev->miss_sym);
    sl_free(&ev->false_sym);
    sl_free(&ev->wrong_id);
    sl_free(&ev->pin_bad);
    sl_free(&ev->date_bad);
    sl_free(&ev->ment_bad);
    sl_free(&ev->miss_inst);
    sl_free(&ev->extra_inst);
    sl_free(&ev->per_doc);
}

int
main(int argc, char **argv)
{
    static struct eval ev;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--verbose") == 0) {
            ev.verbose = 1;
        } else if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (v != NULL && strcmp(a, "--corpus") == 0) {
            ev.corpus = v;
            i++;
        } else if (v != NULL && strcmp(a, "--citegraph") == 0) {
            ev.bin = v;
            i++;
        } else if (v != NULL && strcmp(a, "--work") == 0) {
            ev.work = v;
            i++;
        } else if (v != NULL && strcmp(a, "--lang") == 0) {
            ev.only_lang = v[0] != '\0' ? v : NULL;
            i++;
        } else {
            usage(stderr);
            return 1;
        }
    }
    if (ev.corpus == NULL || ev.bin == NULL || ev.work == NULL) {
        usage(stderr);
        return 1;
    }

    struct stat st;
    char *texts = xprintf("%s/texts", ev.corpus);
    char *truth = xprintf("%s/truth", ev.corpus);
    if (stat(texts, &st) != 0 || !S_ISDIR(st.st_mode) ||
        stat(truth, &st) != 0 || !S_ISDIR(st.st_mode)) {
        missing_corpus(ev.corpus);
    }
    if (access(ev.bin, X_OK) != 0) {
        die("%s: %s", ev.bin, strerror(errno));
    }
    if (mkdir(ev.work, 0755) != 0 && errno != EEXIST) {
        die("%s: %s", ev.work, strerror(errno));
    }

    struct strlist all = {NULL, 0, 0};
    list_subdirs(&all, truth);
    for (size_t i = 0; i < all.n; i++) {
        if (ev.only_lang == NULL || strcmp(all.v[i], ev.only_lang) == 0) {
            sl_add(&ev.langs, all.v[i]);
        }
    }
    struct strlist text_langs = {NULL, 0, 0};
    list_subdirs(&text_langs, texts);
    for (size_t i = 0; i < text_langs.n; i++) {
        if (!sl_has(&all, text_langs.v[i])) {
            warn("%s/%s: no truth for this language; not measured", texts,
                 text_langs.v[i]);
        }
    }
    sl_free(&text_langs);
    sl_free(&all);
    if (ev.langs.n == 0) {
        if (ev.only_lang != NULL) {
            die("no truth for language '%s' in %s", ev.only_lang, truth);
        }
        missing_corpus(ev.corpus);
    }
    if (ev.langs.n > MAX_LANGS) {
        die("more than %d languages in %s", MAX_LANGS, truth);
    }
    for (size_t i = 0; i < ev.langs.n; i++) {
        eval_lang(&ev, i);
    }
    report(&ev);
    eval_free(&ev);
    free(texts);
    free(truth);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "eval: error writing the report\n");
        return 1;
    }
    return 0;
}
