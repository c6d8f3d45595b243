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

/* The sum of the eight bytes of w. */
static size_t
byte_sum(uint64_t w)
{
    const uint64_t evens = 0x00FF00FF00FF00FFu;
    uint64_t pairs = (w & evens) + (w >> 8 & evens); /* four sums of 16 bits */
    return (size_t)((pairs * 0x0001000100010001u) >> 48);
}

/*
 * The ASCII letters of s[from..n-1], and its bytes of 0xC0 and above (each
 * opens a character of two bytes or more), eight bytes at a time.
 */
static void
count_bytes(const unsigned char *s, size_t from, size_t n, size_t *letters,
            size_t *lead)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    size_t nl = 0, nd = 0, i = from;
    while (i + 8 <= n) {
        /* a count a byte, eight side by side, for up to 255 words */
        uint64_t al = 0, ad = 0;
        for (size_t k = 0; k < 255 && i + 8 <= n; k++, i += 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            al += cite_i_ascii_letters64(w) >> 7;
            ad += (w & (w << 1) & highs) >> 7; /* bits 7 and 6 */
        }
        nl += byte_sum(al);
        nd += byte_sum(ad);
    }
    for (; i < n; i++) {
        nl += (unsigned)((s[i] | 0x20) - 'a') < 26;
        nd += s[i] >= 0xC0;
    }
    *letters = nl;
    *lead = nd;
}

/* The (at most) four bytes at p, before end, as one number: the first in
 * the lowest byte, zeros past the end. */
static uint32_t
le32(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    if (end - p >= 4) { /* one load, whatever the byte order */
        return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 |
               (uint32_t)u[3] << 24;
    }
    size_t n = (size_t)(end - p);
    uint32_t w = 0;
    for (size_t k = 0; k < n; k++) {
        w |= (uint32_t)u[k] << (8 * k);
    }
    return w;
}

#define LE4(a, b, c, d)                                                        \
    ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 |               \
     (uint32_t)(d) << 24)

/* latin_lang() counts in blocks of this many bytes, and stops after one
 * where a language has at least LATIN_SETTLED words and four times the
 * others' */
#define LATIN_BLOCK 1024
#define LATIN_SETTLED 32

/*
 * Which of French, Spanish and English (the default) a Latin text
 * s[from..n-1] is, by its common words, counted on word boundaries: after
 * each space.  end: the text's end, which a word may run up to.  Each
 * word is at most four bytes with its space, so one load of the four
 * bytes after a space tells them all apart ("resolution" is told by its
 * first four letters, then compared whole); a word cut by the end of the
 * text does not count.  The count stops after the first kilobyte where
 * one language is settled (LATIN_SETTLED): a text in one language is so
 * within its first few, and the rest of the 32 KB sample is not read.
 */
static enum cite_lang
latin_lang(const char *s, size_t from, size_t n, const char *end)
{
    const uint32_t m3 = 0xFFFFFFu, m2 = 0xFFFFu;
    size_t en = 0, fr = 0, es = 0;
    for (size_t block = from; block < n;) {
        size_t stop = n - block > LATIN_BLOCK ? block + LATIN_BLOCK : n;
        for (const char *p = s + block;
             p < s + stop && (p = memchr(p, ' ', (size_t)(s + stop - p))) != NULL;
             p++) {
            uint32_t w = le32(p + 1, end);
            en += (w == LE4('a', 'n', 'd', ' ')) + (w == LE4('t', 'h', 'e', ' ')) +
                  ((w & m3) == LE4('o', 'f', ' ', 0)) +
                  (w == LE4('r', 'e', 's', 'o') && end - p - 1 >= 10 &&
                   memcmp(p + 1, "resolution", 10) == 0);
            fr += (w == LE4('d', 'e', 's', ' ')) + (w == LE4('l', 'e', 's', ' ')) +
                  ((w & m3) == LE4('d', 'u', ' ', 0)) + ((w & m3) == LE4('e', 't', ' ', 0));
            es += (w == LE4('d', 'e', 'l', ' ')) + (w == LE4('l', 'o', 's', ' ')) +
                  (w == LE4('l', 'a', 's', ' ')) + ((w & m2) == LE4('y', ' ', 0, 0));
        }
        block = stop;
        /* settled early: one language's words many, and four times those
         * of the other two together (a text in one language has next to
         * none of the others' words; a mixed opening goes on counting) */
        if (block < n && en >= LATIN_SETTLED && en >= 4 * (fr + es)) {
            return CITE_LANG_EN;
        }
        if (block < n && fr >= LATIN_SETTLED && fr >= 4 * (en + es)) {
            return CITE_LANG_FR;
        }
        if (block < n && es >= LATIN_SETTLED && es >= 4 * (en + fr)) {
            return CITE_LANG_ES;
        }
    }
    if (fr > en && fr >= es) {
        return CITE_LANG_FR;
    }
    if (es > en && es > fr) {
        return CITE_LANG_ES;
    }
    return CITE_LANG_EN;
}

enum cite_lang
cite_extract_detect_lang(const struct cite_text *t)
{
    size_t han = 0, cyr = 0, arab = 0, latin, lead;
    const unsigned char *s = (const unsigned char *)t->bytes;
    /* the first 32 KB say which language it is: thousands of words */
    size_t n = t->len < (1u << 15) ? t->len : (1u << 15);
    /*
     * The letters of plain ASCII are counted first, all of them.  Every
     * ideograph, Cyrillic or Arabic letter opens with a byte of 0xC0 or
     * above, so when the letters outnumber four times those bytes, no
     * count of the characters can make the text Chinese, Russian or
     * Arabic, and only the common words remain to count (a Latin text).
     */
    count_bytes(s, t->start, n, &latin, &lead);
    if (latin > 4 * lead) {
        return latin_lang(t->bytes, t->start, n, t->bytes + t->len);
    }
    /* The other characters, one by one: a text is Chinese once four times
     * its ideographs reach its letters, and that is settled at once */
    for (size_t i = t->start; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        unsigned cp;
        i += cite_i_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            if (++han * 4 >= latin) {
                return CITE_LANG_ZH;
            }
        } else if (cp >= 0x400 && cp <= 0x4FF) {
            cyr++;
        } else if (cp >= 0x600 && cp <= 0x6FF) {
            arab++;
        }
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
    return latin_lang(t->bytes, t->start, n, t->bytes + t->len);
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
