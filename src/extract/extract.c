/*
 * extract.c - the public face of extraction: language choice and the run.
 *
 * The language is detected from the script (any ideographs: Chinese;
 * Cyrillic: Russian; Arabic letters: Arabic) and, for Latin script, from
 * a few common words.  Languages without a table yet fall back to English
 * with a diagnostic, so extraction stays total.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

const struct lang_table *
cite_i_lang_table(enum cite_lang lang)
{
    switch (lang) {
    case CITE_LANG_ZH:
        return &cite_i_lang_zh;
    case CITE_LANG_EN:
        return &cite_i_lang_en;
    case CITE_LANG_FR:
        return &cite_i_lang_fr;
    case CITE_LANG_ES:
        return &cite_i_lang_es;
    case CITE_LANG_RU:
        return &cite_i_lang_ru;
    case CITE_LANG_AR:
        return &cite_i_lang_ar;
    default:
        return NULL;
    }
}

void
cite_extract_init(void)
{
    for (int l = 0; l < CITE_LANG__COUNT; l++) {
        const struct lang_table *lt = cite_i_lang_table((enum cite_lang)l);
        if (lt != NULL) {
            cite_i_lex_init(lt);
        }
    }
}

enum cite_lang
cite_extract_detect_lang(const struct cite_text *t)
{
    size_t han = 0, cyr = 0, arab = 0, latin = 0;
    size_t fr = 0, es = 0, en = 0;
    const unsigned char *s = (const unsigned char *)t->bytes;
    /* the first 32 KB say which language it is: thousands of words */
    size_t n = t->len < (1u << 15) ? t->len : (1u << 15);
    size_t check = t->start + 1024;
    for (size_t i = t->start; i < n;) {
        if (i >= check) {
            /* Chinese already, whatever the rest holds: a byte adds at
             * most one letter, and ideographs are never taken away */
            if (han > 0 && han * 4 >= latin + (n - i)) {
                return CITE_LANG_ZH;
            }
            check = i + 1024;
        }
        if (i + 8 <= n) {
            /* eight ASCII bytes at once: the letters among them */
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080u) == 0) {
                const uint64_t ones = 0x0101010101010101u;
                uint64_t x = w | 0x2020202020202020u;  /* bytes < 0x80 */
                uint64_t ge_a = x + ones * (0x80 - 'a'); /* high bit: >= 'a' */
                uint64_t gt_z = x + ones * (0x80 - 'z' - 1);
                uint64_t hit = (ge_a & ~gt_z & ones * 0x80) >> 7; /* 0 or 1 a byte */
                latin += (size_t)((hit * ones) >> 56);
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            latin += (unsigned)((s[i] | 0x20) - 'a') < 26;
            i++;
            continue;
        }
        unsigned cp;
        i += cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            han++;
        } else if (cp >= 0x400 && cp <= 0x4FF) {
            cyr++;
        } else if (cp >= 0x600 && cp <= 0x6FF) {
            arab++;
        } else if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
            latin++;
        }
    }
    if (han > 0 && han * 4 >= latin) {
        return CITE_LANG_ZH;
    }
    if (cyr > latin) {
        return CITE_LANG_RU;
    }
    if (arab > latin) {
        return CITE_LANG_AR;
    }
    if (latin == 0) {
        return CITE_LANG_UNKNOWN;
    }
    /* common words, counted on word boundaries: after each space, looked
     * up by their first letter */
    static const struct {
        const char *w;
        size_t len;
        int lang; /* 0 en, 1 fr, 2 es */
    } words[] = {
        /* by first letter: see the switch below */
        {"and ", 4, 0}, {"des ", 4, 1}, {"du ", 3, 1},  {"del ", 4, 2},
        {"et ", 3, 1},  {"les ", 4, 1}, {"los ", 4, 2}, {"las ", 4, 2},
        {"of ", 3, 0},  {"resolution", 10, 0}, {"the ", 4, 0}, {"y ", 2, 2},
    };
    size_t count[3] = {0, 0, 0};
    const char *end = t->bytes + t->len;
    for (const char *p = t->bytes + t->start;
         p < t->bytes + n && (p = memchr(p, ' ', (size_t)(t->bytes + n - p))) != NULL;
         p++) {
        size_t lo, hi; /* the words starting with the next letter */
        switch (p + 1 < end ? p[1] : '\0') {
        case 'a': lo = 0, hi = 1; break;
        case 'd': lo = 1, hi = 4; break;
        case 'e': lo = 4, hi = 5; break;
        case 'l': lo = 5, hi = 8; break;
        case 'o': lo = 8, hi = 9; break;
        case 'r': lo = 9, hi = 10; break;
        case 't': lo = 10, hi = 11; break;
        case 'y': lo = 11, hi = 12; break;
        default: continue;
        }
        for (size_t w = lo; w < hi; w++) {
            size_t wl = words[w].len;
            if ((size_t)(end - p - 1) >= wl && memcmp(p + 1, words[w].w, wl) == 0) {
                count[words[w].lang]++;
            }
        }
    }
    en = count[0];
    fr = count[1];
    es = count[2];
    if (fr > en && fr >= es) {
        return CITE_LANG_FR;
    }
    if (es > en && es > fr) {
        return CITE_LANG_ES;
    }
    return CITE_LANG_EN;
}

/*
 * The document's own id is never a citation of itself (mastheads, running
 * headers, the number under the heading); when the id was only known at
 * the end (from the file name), the earlier mentions go now.
 */
static void
drop_self_citations(struct cite_doc *doc)
{
    if (doc->info.id == NULL) {
        return;
    }
    size_t w = 0;
    for (size_t r = 0; r < doc->nrefs; r++) {
        if (strcmp(doc->refs[r].target, doc->info.id) != 0) {
            doc->refs[w++] = doc->refs[r];
        }
    }
    doc->nrefs = w;
}

struct order {
    size_t offset;
    size_t index;
};

static int
by_offset(const void *a, const void *b)
{
    const struct order *x = a, *y = b;
    if (x->offset != y->offset) {
        return x->offset < y->offset ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Citations in text order: a list finished after a page break emits its
 * first members late.  Stable, and a no-op in the usual case.
 */
static void
sort_refs(struct cite_doc *doc)
{
    size_t n = doc->nrefs;
    int sorted = 1;
    for (size_t i = 1; i < n && sorted; i++) {
        sorted = doc->refs[i - 1].offset <= doc->refs[i].offset;
    }
    if (sorted) {
        return;
    }
    struct order *o = cite_i_xmalloc(n * sizeof *o);
    for (size_t i = 0; i < n; i++) {
        o[i].offset = doc->refs[i].offset;
        o[i].index = i;
    }
    qsort(o, n, sizeof *o, by_offset);
    struct cite_ref *r = cite_i_xmalloc(n * sizeof *r);
    for (size_t i = 0; i < n; i++) {
        r[i] = doc->refs[o[i].index];
    }
    memcpy(doc->refs, r, n * sizeof *r);
    free(r);
    free(o);
}

void
cite_i_finish(struct cite_doc *doc, const struct cite_text *t,
              const struct cite_diag_sink *sink)
{
    if (doc->info.id == NULL) {
        char id[128];
        if (t->path != NULL && cite_i_id_from_path(t->path, id, sizeof id)) {
            enum cite_type type;
            enum cite_body body;
            char canon[128];
            doc->info.id = cite_doc_strdup(doc, id);
            if (cite_i_symbol_canon(canon, sizeof canon, id, strlen(id), &type, &body)) {
                doc->info.type = type;
                if (doc->info.body == CITE_BODY_NONE) {
                    doc->info.body = body;
                }
            }
            cite_diag_emit(sink, CITE_D_ID_FROM_NAME, t->path, 0, 0, 0,
                           "the text does not give its own symbol; '%s' taken "
                           "from the file name", id);
        } else {
            cite_diag_emit(sink, CITE_D_NO_DOCUMENT_ID, t->path, 0, 0, 0,
                           "the document's own symbol was not found");
        }
    }
    drop_self_citations(doc);
    sort_refs(doc);
}

void
cite_extract_doc(struct cite_doc *doc, const struct cite_text *t,
                 enum cite_lang lang, const struct cite_diag_sink *sink)
{
    cite_extract_doc_limited(doc, t, lang, NULL, sink);
}

void
cite_extract_doc_limited(struct cite_doc *doc, const struct cite_text *t,
                         enum cite_lang lang, const struct cite_limits *lim,
                         const struct cite_diag_sink *sink)
{
    doc->source = cite_doc_strdup(doc, t->path != NULL ? t->path : "-");
    if (!cite_text_check(t, sink)) {
        return; /* binary data: no language, no citations */
    }
    if (lang == CITE_LANG_UNKNOWN) {
        lang = cite_extract_detect_lang(t);
    }
    doc->lang = lang;
    if (t->len == t->start) {
        cite_diag_emit(sink, CITE_D_EMPTY_INPUT, t->path, 0, 0, 0,
                       "'%s' is empty", t->path ? t->path : "-");
        return;
    }
    const struct lang_table *lt = cite_i_lang_table(lang);
    if (lt == NULL) {
        cite_diag_emit(sink, CITE_D_UNKNOWN_LANGUAGE, t->path, 0, 0, 0,
                       "no rules for language '%s' yet; read as English",
                       lang == CITE_LANG_UNKNOWN ? "unknown" : cite_lang_code(lang));
        lt = &cite_i_lang_en;
    }
    size_t idmax = lim != NULL ? lim->id_length : CITE_LIMIT_ID_LENGTH;
    cite_i_run_limited(doc, t, lt, idmax, sink);
    /* an id the YAML reader would refuse is never written: a target, or
     * the document's own (from a masthead gone wrong, or a file name) */
    size_t w = 0;
    for (size_t r = 0; r < doc->nrefs; r++) {
        const struct cite_ref *ref = &doc->refs[r];
        if (strlen(ref->target) > idmax) {
            cite_text_diag(t, sink, CITE_D_ID_TOO_LONG, ref->offset,
                           "'%.40s...' is %zu bytes long, over the id-length "
                           "limit of %zu; not read as a citation",
                           ref->target, strlen(ref->target), idmax);
            continue;
        }
        doc->refs[w++] = doc->refs[r];
    }
    doc->nrefs = w;
    cite_i_finish(doc, t, sink);
    if (doc->info.id != NULL && strlen(doc->info.id) > idmax) {
        cite_diag_emit(sink, CITE_D_ID_TOO_LONG, t->path, 0, 0, 0,
                       "the document's own symbol '%.40s...' is %zu bytes "
                       "long, over the id-length limit of %zu; left out",
                       doc->info.id, strlen(doc->info.id), idmax);
        doc->info.id = NULL;
    }
}

const char *
cite_i_fold(struct cite_doc *doc, const char *s, size_t from, size_t to)
{
    /* the common case: nothing to fold, the bytes as they stand */
    int plain = from < to && s[from] != ' ' && s[to - 1] != ' ';
    for (size_t i = from; plain && i < to; i++) {
        unsigned char ch = (unsigned char)s[i];
        plain = !(ch == '\n' || ch == '\t' || ch == '\r' || ch == 0xC2 ||
                  (ch == ' ' && s[i + 1] == ' '));
    }
    if (plain) {
        return cite_doc_strndup(doc, s + from, to - from);
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    int space = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char ch = (unsigned char)s[i];
        int white = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (ch == 0xC2 && i + 1 < to && (unsigned char)s[i + 1] == 0xA0) {
            white = 1;
            i++;
        }
        if (white) {
            space = b.len > 0;
            continue;
        }
        if (space) {
            cite_i_buf_addc(&b, ' ');
            space = 0;
        }
        cite_i_buf_addc(&b, (char)ch);
    }
    const char *r = cite_doc_strndup(doc, b.ptr ? b.ptr : "", b.len);
    cite_i_buf_release(&b);
    return r;
}
