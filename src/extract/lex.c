/*
 * lex.c - the tokeniser shared by every language.
 *
 * One left-to-right pass over the bytes; each byte is decoded once, and a
 * keyword attempt at a position reads at most the keyword's length, so the
 * pass is linear in the input.  The tokens it produces:
 *
 *   number   ASCII, full-width or Arabic-Indic digits     -> T_NUM
 *   numeral  Chinese numerals 〇一二三四五六七八九十百千零两  -> T_CNUM
 *   keyword  the longest entry of the language table       -> T_KW
 *            matching here (case-folded; a space in the
 *            entry matches any run of white space, a '*'
 *            the rest of an inflected word)
 *   symbol   UPPER ( '/' segment )+, e.g. A/HRC/21/2,       -> T_SYMBOL
 *            E/CN.4/RES/2004/81, S/RES/1325 (2000)
 *   word     other letters (Latin, Cyrillic, Arabic)       -> T_WORD
 *   han      other CJK ideographs, one run                 -> T_HAN
 *   punct    anything else visible; full-width forms map   -> T_PUNCT
 *            to their ASCII twin (（ -> '(', 、 -> ',')
 *   break    a line break; a line with nothing visible     -> T_NL, T_PARA
 *            ends a paragraph
 *
 * White space (including NBSP, the ideographic space, zero-width space and
 * a BOM) only sets TF_SPACE_BEFORE on the next token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

#define NBUCKET 256
#define NPAIR 4096
#define NSINGLE 128
#define NHANSET (1u << 16)

/* A keyword in its bucket, with what lets most attempts fail at once. */
struct kw_entry {
    const struct kw *kw;   /* NULL ends the bucket */
    unsigned second;       /* its second code point folded, or 0 if that is
                              not a plain character (end, ' ', '*') */
    unsigned third;        /* the same for the third */
    unsigned pos;          /* its place in the bucket of its first letter */
};

/*
 * Keywords by their first code point (folded), longest first; and, for
 * the look-up of a word, the same split in two: by the first two code
 * points (pair, keywords whose second code point is a plain character) and
 * by the first alone (any, the others).  A word whose second character is
 * a hyphen (a line-end break, "re-\nsolution") takes the first list.
 */
struct kw_index {
    const struct lang_table *lt;
    struct kw_entry *bucket[NBUCKET];
    struct kw_entry *pair[NPAIR];
    struct kw_entry *any[NBUCKET];
    /* bit c: some keyword starts with code point c (folded; the Basic
     * Multilingual Plane only), so that most characters are ruled out by
     * one test: every character of a Chinese text is looked up */
    unsigned char first[0x10000 / 8];
    /* languages without spaces (zh): bit c - U+4E00 for each ideograph
     * of U+4E00..U+9FFF that starts a keyword or is a numeral, where a
     * run of other ideographs stops */
    unsigned char han_stop[(0xA000 - 0x4E00) / 8];
    /* languages without spaces (zh): what rules out most keyword attempts
     * at such a character, see han_no_kw(): bit c - U+4E00 for a stop
     * that it cannot rule on (a numeral, a keyword of one character or
     * one whose second character is no ideograph); and a bit for each
     * pair of ideographs a keyword of two characters is, or three a longer
     * keyword opens with (hashed: another pair may share one) */
    unsigned char han_open[(0xA000 - 0x4E00) / 8];
    unsigned char han_pair[NHANSET / 8];
    unsigned char han_triple[NHANSET / 8];
    /* languages without spaces (zh): the characters that are a keyword
     * alone and start no other (第, 号, 和, 年, ...), and that keyword;
     * open addressing, NSINGLE slots, code point 0 for an empty one */
    struct kw_single {
        unsigned cp;
        const struct kw *kw;
    } single[NSINGLE];
    /* languages with spaces between words: the letters each keyword
     * opens with (up to its first non-letter), so that a word none of them
     * can open is a word at once, without a keyword attempt */
    struct kw_word *words; /* open addressing, nwords slots (a power of 2) */
    uint32_t *tags;        /* the hash of the run in words[k], 0 when empty */
    size_t nwords;
    uint64_t stem_lens;    /* bit n: some stem has n code points */
    size_t max_run;        /* the longest run, in code points */
};

/*
 * The opening run of a keyword: its letters up to the first non-letter,
 * folded as the text is.  exact: the word must be the run itself (a space,
 * a hyphen, an apostrophe or the end follows, and the keyword takes no
 * more letters); else a stem: the word must start with it.
 */
struct kw_word {
    uint16_t n;     /* code points */
    uint8_t stem;
    uint8_t packed; /* 1: at most 16 ASCII letters, in lo and hi too */
    uint64_t lo, hi; /* then those letters, one a byte, the first lowest */
    const unsigned *cp;
    /* exact runs: the keywords opening so, longest first (the order
     * kw_find() tries them in) */
    struct kw_cand *cand;
    size_t ncand;
    /* a shortcut through cand (words_finish()): when every keyword that
     * goes on after the run names the next word's first letter, a-z, and
     * the text's next word opens with none of next_mask's letters, the
     * answer is whole (the first keyword that is the run itself, or
     * NULL) without a look at the others ("the" before "rights") */
    int shortcut;
    uint32_t next_mask; /* bit c - 'a' */
    const struct kw *whole;
};

/* A keyword in the list of its opening run. */
struct kw_cand {
    const struct kw *kw;
    size_t run;      /* bytes of its text that the run takes */
    unsigned next;   /* after a space: the next word's first code point;
                        0 when anything may follow */
    /* the up to eight bytes of its text after the run (the first lowest),
     * and 0xFF in each byte of mask they take: see window_differs().  mask
     * 0 when they hold a '*', which kw_match() reads as the rest of a word
     * (no table has one so near an exact run today) */
    uint64_t after, mask;
};

static unsigned
pair_hash(unsigned first, unsigned second)
{
    return ((first * 0x9E3779B1u) ^ (second * 0x85EBCA77u)) >> 20 & (NPAIR - 1);
}

static inline unsigned
single_slot(unsigned c)
{
    return (c * 0x9E3779B1u) >> 25 & (NSINGLE - 1);
}

static inline unsigned
fold(unsigned c)
{
    if (c >= 'A' && c <= 'Z') {
        return c + 32;
    }
    if (c < 0x80) {
        return c;
    }
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x410 && c <= 0x42F)) {
        return c + 32;
    }
    if (c >= 0x400 && c <= 0x40F) {
        return c + 80;
    }
    if (c >= 0x100 && c <= 0x17F && (c & 1) == 0) {
        return c + 1;
    }
    return c;
}

static inline int
is_space(unsigned c)
{
    if (c < 0x80) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    }
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0xFEFF ||
           /* ordinal marks: 1º, 1°, 1ᵉʳ (read as 1) */
           c == 0xBA || c == 0xB0 || c == 0xAA || c == 0x1D49 || c == 0x02B3 ||
           /* direction marks and isolates: invisible, not words */
           c == 0x200E || c == 0x200F || c == 0x061C ||
           (c >= 0x2066 && c <= 0x2069) || (c >= 0x202A && c <= 0x202E);
}

static inline int
digit_value(unsigned c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 0xFF10 && c <= 0xFF19) {
        return (int)(c - 0xFF10);
    }
    if (c >= 0x660 && c <= 0x669) {
        return (int)(c - 0x660);
    }
    if (c >= 0x6F0 && c <= 0x6F9) {
        return (int)(c - 0x6F0);
    }
    return -1;
}

static inline int
is_han(unsigned c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

static inline int
is_letter(unsigned c)
{
    if (c < 0x80) {
        return (unsigned)((c | 0x20) - 'a') < 26;
    }
    return
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F) ||
           (c >= 0x620 && c <= 0x65F) || (c >= 0x66E && c <= 0x6D3) ||
           (c >= 0x6FA && c <= 0x6FF) || c == 0x640;
}

/* Where the letters from s[j] end (j itself when s[j] is none), before
 * to. */
static inline size_t
letters_end(const char *s, size_t j, size_t to)
{
    while (j < to) {
        unsigned c;
        size_t l = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c);
        if (!is_letter(c)) {
            break;
        }
        j += l;
    }
    return j;
}

/* Value of a Chinese numeral character, -1 if none; 10, 100, 1000 are
 * multipliers. */
static inline int
cnum_value(unsigned c)
{
    if (c < 0x25CB) {
        return -1; /* below the lowest of them: the common case */
    }
    switch (c) {
    case 0x3007: /* 〇 */
    case 0x25CB: /* ○, a circle typed for zero */
    case 0x96F6: /* 零 */
        return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E24: return 2; /* 两 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    case 0x5341: return 10; /* 十 */
    case 0x767E: return 100; /* 百 */
    case 0x5343: return 1000; /* 千 */
    default:
        return -1;
    }
}

/* Maps punctuation to its ASCII twin; '"' for every quotation mark. */
static unsigned
punct_ascii(unsigned c, int *open, int *close)
{
    *open = *close = 0;
    switch (c) {
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0xFF0C: return ',';
    case 0x3001: return ',';  /* 、 */
    case 0xFF1B: return ';';
    case 0xFF1A: return ':';
    case 0x3002: return '.';  /* 。 */
    case 0xFF0E: return '.';
    case 0xFF0F: return '/';
    case 0x2044: return '/';
    case 0xFF3B: return '[';
    case 0xFF3D: return ']';
    case 0x3010: return '[';  /* 【 */
    case 0x3011: return ']';
    case 0x060C: return ',';  /* Arabic comma */
    case 0x061B: return ';';  /* Arabic semicolon */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2212: case 0xFF0D:
        return '-';
    case 0x201C: case 0x00AB: case 0x300A: case 0x300C: case 0x300E:
    case 0x2018:
        *open = 1;
        return '"';
    case 0x201D: case 0x00BB: case 0x300B: case 0x300D: case 0x300F:
    case 0x2019:
        *close = 1;
        return '"';
    case 0x201E:
        *open = 1;
        return '"';
    default:
        return c < 0x80 ? c : '?';
    }
}

/* Keyword index: built lazily per language, read-only afterwards. */
static struct kw_index indexes[CITE_LANG__COUNT];

static unsigned
first_cp(const char *s)
{
    unsigned cp;
    cite_i_utf8_decode((const unsigned char *)s, strlen(s), &cp);
    return cp;
}

/* The n-th code point (from 0) of a keyword, folded, or 0 when the
 * keyword has ended or a space or '*' comes first. */
static unsigned
nth_cp(const char *text, int n)
{
    const unsigned char *p = (const unsigned char *)text;
    unsigned c = 0;
    for (int k = 0; k <= n; k++) {
        if (*p == '\0' || *p == ' ' || *p == '*') {
            return 0;
        }
        p += cite_i_utf8_decode(p, 4, &c);
    }
    return fold(c);
}

static unsigned
second_cp(const char *text)
{
    return nth_cp(text, 1);
}

/* Appends e to the NULL-ended list *list. */
static void
list_add(struct kw_entry **list, const struct kw_entry *e)
{
    size_t n = 0;
    while (*list != NULL && (*list)[n].kw != NULL) {
        n++;
    }
    *list = cite_i_xreallocarray(*list, n + 2, sizeof **list);
    (*list)[n] = *e;
    (*list)[n + 1].kw = NULL;
}

#define WORD_HASH0 2166136261u

static uint32_t
word_hash_step(uint32_t h, unsigned cp)
{
    return (h ^ cp) * 16777619u;
}

static uint32_t
word_hash_final(uint32_t h)
{
    return h == 0 ? 1 : h; /* 0 marks an empty slot */
}

/* The hash of a run of at most 16 ASCII letters, folded, packed one a
 * byte (the first lowest) into lo and hi, zeros after the last. */
static inline uint32_t
packed_hash(uint64_t lo, uint64_t hi, size_t n)
{
    /* one multiplication on the path of a word of up to eight letters
     * (hi is zero): every word of a text is hashed */
    uint64_t h = (lo ^ (hi * 0xC2B2AE3D27D4EB4Fu) ^ n) * 0x9E3779B97F4A7C15u;
    return word_hash_final((uint32_t)((h >> 32) ^ (h >> 40)));
}

/* The hash of the run cp[0..n) (folded code points): packed_hash() when
 * it is at most 16 ASCII letters, else FNV-1a over the code points. */
static uint32_t
run_hash(const unsigned *cp, size_t n)
{
    uint64_t half[2] = {0, 0};
    size_t k = 0;
    while (k < n && k < 16 && cp[k] < 0x80) {
        half[k / 8] |= (uint64_t)cp[k] << (8 * (k % 8));
        k++;
    }
    if (k == n) {
        return packed_hash(half[0], half[1], n);
    }
    uint32_t h = WORD_HASH0;
    for (k = 0; k < n; k++) {
        h = word_hash_step(h, cp[k]);
    }
    return word_hash_final(h);
}

/* The slot of a run of n letters (stem or exact) in ix->words, or NULL.
 * The run is cp[0..n) (folded code points).  The hashes alone (ix->tags)
 * are read until one matches: most words of a text are no keyword's run,
 * and the tags fit the cache. */
static inline const struct kw_word *
words_probe(const struct kw_index *ix, uint32_t hash, const unsigned *cp, size_t n,
            int stem)
{
    size_t mask = ix->nwords - 1;
    for (size_t k = hash & mask;; k = (k + 1) & mask) {
        if (ix->tags[k] == 0) {
            return NULL;
        }
        const struct kw_word *w = &ix->words[k];
        if (ix->tags[k] == hash && w->n == n && w->stem == stem) {
            size_t i = 0; /* a few letters: no call to memcmp */
            while (i < n && w->cp[i] == cp[i]) {
                i++;
            }
            if (i == n) {
                return w;
            }
        }
    }
}

/* words_probe() for a word of n ASCII letters (at most 16), folded and
 * packed into lo and hi as packed_hash() takes them: compared whole, in
 * two words, with the runs packed so by words_add(). */
static inline const struct kw_word *
words_probe_packed(const struct kw_index *ix, uint64_t lo, uint64_t hi, size_t n,
                   int stem)
{
    uint32_t hash = packed_hash(lo, hi, n);
    size_t mask = ix->nwords - 1;
    for (size_t k = hash & mask;; k = (k + 1) & mask) {
        if (ix->tags[k] == 0) {
            return NULL;
        }
        const struct kw_word *w = &ix->words[k];
        if (ix->tags[k] == hash && w->lo == lo && w->hi == hi && w->n == n &&
            w->stem == stem && w->packed) {
            return w;
        }
    }
}

/* Adds keyword k's opening run to ix->words (a table of nwords slots). */
static void
words_add(struct kw_index *ix, const struct kw *k)
{
    const unsigned char *p = (const unsigned char *)k->text;
    size_t len = strlen(k->text);
    unsigned *cp = cite_i_xmalloc((len + 1) * sizeof *cp);
    size_t n = 0;
    while (*p != '\0') {
        unsigned c;
        size_t l = cite_i_utf8_decode(p, len - (size_t)(p - (const unsigned char *)k->text), &c);
        if (!is_letter(c)) {
            break;
        }
        cp[n++] = c;
        p += l;
    }
    if (n == 0) {
        /* opens with no letter: never tried where a word starts */
        free(cp);
        return;
    }
    int stem = *p == '*' || (*p == '\0' && k->prefix);
    uint32_t h = run_hash(cp, n);
    struct kw_word *w = (struct kw_word *)words_probe(ix, h, cp, n, stem);
    if (w != NULL) {
        free(cp); /* another keyword opens the same way */
    } else {
        size_t mask = ix->nwords - 1, slot = h & mask;
        while (ix->tags[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        w = &ix->words[slot];
        ix->tags[slot] = h;
        w->n = (uint16_t)n;
        w->stem = (uint8_t)stem;
        w->cp = cp;
        w->packed = n <= 16;
        for (size_t q = 0; q < n && w->packed; q++) {
            w->packed = cp[q] < 0x80;
            if (w->packed) {
                *(q < 8 ? &w->lo : &w->hi) |= (uint64_t)cp[q] << (8 * (q % 8));
            }
        }
        if (stem && n < 64) {
            ix->stem_lens |= (uint64_t)1 << n;
        }
        if (n > ix->max_run) {
            ix->max_run = n;
        }
    }
    if (stem) {
        return; /* a stem leaves the word to kw_find() */
    }
    struct kw_cand c = {k, (size_t)(p - (const unsigned char *)k->text), 0, 0, 0};
    if (*p == ' ') {
        unsigned next;
        cite_i_utf8_decode(p + 1, strlen((const char *)p + 1), &next);
        c.next = next == '\'' || next == '*' || next == ' ' ? 0 : next;
    }
    for (size_t q = 0; q < 8 && p[q] != '\0'; q++) {
        if (p[q] == '*') {
            c.after = c.mask = 0;
            break;
        }
        c.after |= (uint64_t)p[q] << (8 * q);
        c.mask |= (uint64_t)0xFF << (8 * q);
    }
    /* longest first, then in table order, as in the buckets */
    w->cand = cite_i_xreallocarray(w->cand, w->ncand + 1, sizeof *w->cand);
    size_t at = w->ncand++;
    while (at > 0 && strlen(w->cand[at - 1].kw->text) < strlen(k->text)) {
        w->cand[at] = w->cand[at - 1];
        at--;
    }
    w->cand[at] = c;
}

static const struct kw_word *word_run_slow(const struct kw_index *ix, const char *s,
                                           size_t i, size_t to, size_t *end, int *stem);

/*
 * What keyword may start at s[i], the first letter of a word, in a
 * language with spaces between words.  Returns the exact run the word is
 * (its keywords are the only ones that may match), or NULL with *stem 0
 * when no keyword opens with the word's letters, or NULL with *stem 1 when
 * kw_find() must say (a stem matches, or a hyphen may join the word to the
 * next line).  *end is where the word ends.  Exact: kw_match() compares a
 * keyword's letters one by one with the text's, folded, and lets nothing
 * in between but a hyphen at a line end.
 *
 * A word of at most 15 ASCII letters, 16 bytes before the end, is read
 * eight bytes at a time and hashed whole (packed_hash()); any other goes
 * through word_run_slow(), letter by letter: the two agree on every word.
 */
static CITE_I_HOT_INLINE const struct kw_word *
word_run(const struct kw_index *ix, const char *s, size_t i, size_t to, size_t *end,
         int *stem)
{
    if (to - i < 16) {
        return word_run_slow(ix, s, i, to, end, stem);
    }
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    uint64_t w0 = cite_i_load64le(s + i), w1 = cite_i_load64le(s + i + 8);
    /* 0x80 in each byte that is not an ASCII letter */
    uint64_t m0 = cite_i_ascii_letters64(w0) ^ highs, m1 = cite_i_ascii_letters64(w1) ^ highs;
    size_t n = m0 != 0 ? cite_i_ctz64(m0) >> 3 : m1 != 0 ? 8 + (cite_i_ctz64(m1) >> 3) : 16;
    /* the byte after the letters, from the words read (not read again) */
    unsigned after = n < 8 ? (unsigned)(w0 >> (8 * n)) & 0xFF
                           : (unsigned)(w1 >> (8 * (n & 7))) & 0xFF;
    if (n == 0 || n == 16 || after >= 0x80) {
        /* no ASCII letter first, a long word, or one that may go on in
         * letters beyond ASCII */
        return word_run_slow(ix, s, i, to, end, stem);
    }
    /* the letters folded, the bytes after them zero */
    uint64_t lo = w0 | ones * 0x20, hi = w1 | ones * 0x20;
    if (n < 8) {
        lo &= ((uint64_t)1 << (8 * n)) - 1;
        hi = 0;
    } else {
        hi &= n == 8 ? 0 : ((uint64_t)1 << (8 * (n - 8))) - 1;
    }
    size_t cap = ix->max_run < 64 ? ix->max_run : 64;
    *stem = 0;
    for (uint64_t lens = ix->stem_lens; lens != 0; lens &= lens - 1) {
        size_t m = cite_i_ctz64(lens); /* a stem of m letters */
        if (m > n || m > cap) {
            break;
        }
        uint64_t plo = m < 8 ? lo & (((uint64_t)1 << (8 * m)) - 1) : lo;
        uint64_t phi = m <= 8 ? 0 : m < 16 ? hi & (((uint64_t)1 << (8 * (m - 8))) - 1) : hi;
        if (words_probe_packed(ix, plo, phi, m, 1) != NULL) {
            *stem = 1;
            return NULL;
        }
    }
    *end = i + n;
    if (after == '-') {
        *stem = 1; /* perhaps a word hyphenated at a line end */
        return NULL;
    }
    if (n > cap) {
        return NULL;
    }
    return words_probe_packed(ix, lo, hi, n, 0);
}

static const struct kw_word *
word_run_slow(const struct kw_index *ix, const char *s, size_t i, size_t to, size_t *end,
              int *stem)
{
    unsigned buf[64];
    size_t n = 0;
    size_t j = i;
    size_t cap = ix->max_run < 64 ? ix->max_run : 64;
    *stem = 0;
    while (j < to) {
        unsigned c = (unsigned char)s[j];
        size_t l = 1;
        unsigned f;
        if (c < 0x80) {
            f = c | 0x20; /* an ASCII letter folded, if it is one */
            if (f - 'a' >= 26) {
                break;
            }
        } else {
            l = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c);
            if (!is_letter(c)) {
                break;
            }
            f = fold(c);
        }
        j += l;
        if (n < cap) {
            buf[n++] = f;
            if ((ix->stem_lens >> n & 1) &&
                words_probe(ix, run_hash(buf, n), buf, n, 1) != NULL) {
                *stem = 1;
                return NULL;
            }
        } else {
            n = cap + 1; /* longer than any run: only the end matters now */
        }
    }
    *end = j;
    if (j < to && s[j] == '-') {
        *stem = 1; /* perhaps a word hyphenated at a line end */
        return NULL;
    }
    if (n > cap) {
        return NULL;
    }
    return words_probe(ix, run_hash(buf, n), buf, n, 0);
}

/* The shortcut of each exact run (struct kw_word), once all are in. */
static void
words_finish(struct kw_index *ix)
{
    for (size_t k = 0; k < ix->nwords; k++) {
        struct kw_word *w = &ix->words[k];
        if (ix->tags[k] == 0 || w->stem) {
            continue;
        }
        w->shortcut = 1;
        for (size_t j = 0; j < w->ncand; j++) {
            const struct kw_cand *c = &w->cand[j];
            if (c->kw->text[c->run] == '\0') {
                if (w->whole == NULL) {
                    w->whole = c->kw;
                }
            } else if (c->next - 'a' < 26) {
                w->next_mask |= (uint32_t)1 << (c->next - 'a');
            } else {
                w->shortcut = 0; /* it goes on otherwise: tried as it comes */
            }
        }
    }
}

/* The slots of a pair and of three ideographs in han_pair, han_triple. */
static inline unsigned
han_pair_slot(unsigned a, unsigned b)
{
    return (unsigned)(((uint64_t)a * 0x9E3779B1u ^ b) * 0x85EBCA77u >> 16) & (NHANSET - 1);
}

static inline unsigned
han_triple_slot(unsigned a, unsigned b, unsigned c)
{
    return han_pair_slot(han_pair_slot(a, b) + 0x10000u * 7u, c);
}

static inline int
is_ideograph(unsigned c)
{
    return c >= 0x4E00 && c < 0xA000;
}

static void
han_set_add(unsigned char *set, unsigned slot)
{
    set[slot >> 3] |= (unsigned char)(1u << (slot & 7));
}

/* han_pair and han_triple of a language without spaces, and the bits of
 * han_open its keywords set, from its keywords (han_stop and the
 * numerals' bits of han_open made). */
static void
han_sets_build(struct kw_index *ix, const struct lang_table *lt)
{
    memset(ix->han_pair, 0, sizeof ix->han_pair);
    memset(ix->han_triple, 0, sizeof ix->han_triple);
    for (size_t i = 0; lt->no_spaces && i < lt->nkws; i++) {
        const char *t = lt->kws[i].text;
        unsigned k1 = fold(first_cp(t)), k2 = nth_cp(t, 1), k3 = 0;
        if (!is_ideograph(k1)) {
            continue; /* no stop of a run of ideographs */
        }
        if (k2 != 0) {
            k3 = nth_cp(t, 2);
        }
        if (!is_ideograph(k2)) {
            /* one character, or a second that is none (a space, '*') */
            ix->han_open[(k1 - 0x4E00) >> 3] |= (unsigned char)(1u << (k1 & 7));
        } else if (is_ideograph(k3)) {
            han_set_add(ix->han_triple, han_triple_slot(k1, k2, k3));
        } else {
            /* two characters, or a third that is none: the pair decides */
            han_set_add(ix->han_pair, han_pair_slot(k1, k2));
        }
    }
}

static const struct kw_index *
kw_index_get(const struct lang_table *lt)
{
    struct kw_index *ix = &indexes[lt->lang];
    if (ix->lt == lt) {
        return ix;
    }
    size_t counts[NBUCKET] = {0};
    unsigned *home = cite_i_xmalloc((lt->nkws + 1) * sizeof *home);
    for (size_t i = 0; i < lt->nkws; i++) {
        home[i] = fold(first_cp(lt->kws[i].text)) % NBUCKET;
        counts[home[i]]++;
    }
    memset(ix->first, 0, sizeof ix->first);
    for (size_t i = 0; i < lt->nkws; i++) {
        unsigned f = fold(first_cp(lt->kws[i].text));
        if (f < 0x10000) {
            ix->first[f >> 3] |= (unsigned char)(1u << (f & 7));
        }
        if (f == '\'') {
            ix->first[0x2019 >> 3] |= (unsigned char)(1u << (0x2019 & 7));
        }
    }
    memset(ix->han_stop, 0, sizeof ix->han_stop);
    memset(ix->han_open, 0, sizeof ix->han_open);
    for (unsigned c = 0x4E00; lt->no_spaces && c < 0xA000; c++) {
        int numeral = cnum_value(c) >= 0;
        if ((ix->first[c >> 3] & (1u << (c & 7))) || numeral) {
            ix->han_stop[(c - 0x4E00) >> 3] |= (unsigned char)(1u << (c & 7));
        }
        if (numeral) {
            ix->han_open[(c - 0x4E00) >> 3] |= (unsigned char)(1u << (c & 7));
        }
    }
    han_sets_build(ix, lt);
    memset(ix->single, 0, sizeof ix->single);
    size_t nsingle = 0;
    for (size_t i = 0; lt->no_spaces && i < lt->nkws; i++) {
        const struct kw *k = &lt->kws[i];
        unsigned c = first_cp(k->text);
        size_t bytes = strlen(k->text);
        if (c < 0x800 || c >= 0x10000 || bytes != 3 || k->prefix) {
            continue; /* only a keyword of one character of three bytes */
        }
        size_t starting = 0; /* the keywords that start with c */
        for (size_t j = 0; j < lt->nkws; j++) {
            starting += fold(first_cp(lt->kws[j].text)) == c;
        }
        if (starting != 1 || fold(c) != c) {
            continue;
        }
        if (++nsingle > NSINGLE / 2) {
            break; /* the rest are found the usual way */
        }
        unsigned at = single_slot(c);
        while (ix->single[at].cp != 0) {
            at = (at + 1) & (NSINGLE - 1);
        }
        ix->single[at].cp = c;
        ix->single[at].kw = k;
    }
    for (int b = 0; b < NBUCKET; b++) {
        ix->bucket[b] = cite_i_xmalloc((counts[b] + 1) * sizeof(struct kw_entry));
        size_t n = 0;
        for (size_t i = 0; i < lt->nkws; i++) {
            if (home[i] != (unsigned)b) {
                continue;
            }
            /* insertion sort, longest first */
            size_t j = n++;
            size_t len = strlen(lt->kws[i].text);
            while (j > 0 && strlen(ix->bucket[b][j - 1].kw->text) < len) {
                ix->bucket[b][j] = ix->bucket[b][j - 1];
                j--;
            }
            ix->bucket[b][j].kw = &lt->kws[i];
            ix->bucket[b][j].second = second_cp(lt->kws[i].text);
            ix->bucket[b][j].third = nth_cp(lt->kws[i].text, 2);
        }
        ix->bucket[b][n].kw = NULL;
        for (size_t k = 0; k < n; k++) {
            struct kw_entry *e = &ix->bucket[b][k];
            e->pos = (unsigned)k;
            if (e->second == 0) {
                list_add(&ix->any[b], e);
                continue;
            }
            unsigned f = fold(first_cp(e->kw->text));
            list_add(&ix->pair[pair_hash(f, e->second)], e);
            if (e->second == '\'') {
                /* the typographic apostrophe matches the ASCII one */
                list_add(&ix->pair[pair_hash(f, 0x2019)], e);
            }
        }
    }
    free(home);
    if (!lt->no_spaces && lt->proclitics == NULL) {
        /* at most one slot in eight taken: most words are no keyword's
         * run, and their probe then ends at its first slot */
        ix->nwords = 64;
        while (ix->nwords < 8 * lt->nkws) {
            ix->nwords *= 2;
        }
        ix->words = cite_i_xcalloc(ix->nwords, sizeof *ix->words);
        ix->tags = cite_i_xcalloc(ix->nwords, sizeof *ix->tags);
        for (size_t i = 0; i < lt->nkws; i++) {
            words_add(ix, &lt->kws[i]);
        }
        words_finish(ix);
    }
    ix->lt = lt;
    return ix;
}

static int word_index = 1;

void
cite_i_lex_word_index(int on)
{
    word_index = on;
}

void
cite_i_lex_init(const struct lang_table *lt)
{
    (void)kw_index_get(lt);
}

/*
 * Tries keyword k at s[i..to).  Returns the number of bytes matched, or 0.
 */
static size_t
kw_match_at(const struct lang_table *lt, const struct kw *k, size_t kfrom,
            const char *s, size_t i, size_t j, size_t to);

static size_t
kw_match(const struct lang_table *lt, const struct kw *k, const char *s,
         size_t i, size_t to)
{
    return kw_match_at(lt, k, 0, s, i, i, to);
}

/* The same, from byte kfrom of the keyword and j of the text, the two
 * having matched so far from i. */
static size_t
kw_match_at(const struct lang_table *lt, const struct kw *k, size_t kfrom,
            const char *s, size_t i, size_t j, size_t to)
{
    const unsigned char *p = (const unsigned char *)k->text + kfrom;
    while (*p != '\0') {
        if (*p >= 0xE0 && *p < 0xF0 && j + 3 <= to && (unsigned char)s[j] == p[0] &&
            (unsigned char)s[j + 1] == p[1] && (unsigned char)s[j + 2] == p[2]) {
            /* the same three bytes (Chinese): nothing below applies */
            p += 3;
            j += 3;
            continue;
        }
        unsigned char tb = j < to ? (unsigned char)s[j] : 0;
        if (*p < 0x80 && *p != ' ' && *p != '*' && (tb | 0x20) >= 'a' &&
            (tb | 0x20) <= 'z') {
            /* an ASCII letter against an ASCII letter: no case below
             * applies but the comparison */
            if ((tb >= 'A' && tb <= 'Z' ? tb + 32 : tb) != *p) {
                return 0;
            }
            p++;
            j++;
            continue;
        }
        if (*p == ' ') {
            /* one or more white space or line breaks; a hyphen at a line
             * end joins too */
            size_t start = j;
            while (j < to) {
                unsigned c;
                size_t l = cite_i_utf8_decode((const unsigned char *)s + j,
                                              to - j, &c);
                if (!is_space(c) && c != '\n') {
                    break;
                }
                j += l;
            }
            if (j == start) {
                return 0;
            }
            p++;
            continue;
        }
        if (*p == '*') {
            j = letters_end(s, j, to); /* the rest of an inflected word: резолюци* */
            p++;
            continue;
        }
        if (j >= to) {
            return 0;
        }
        unsigned kc, tc;
        size_t kl = cite_i_utf8_decode(p, 4, &kc); /* valid UTF-8, NUL-ended */
        size_t tl = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &tc);
        if (tc == '-' && kc != '-' && is_letter(kc)) {
            /* a word hyphenated at a line end: réso-\nlution */
            size_t h = j + 1;
            while (h < to && (s[h] == ' ' || s[h] == '\t' || s[h] == '\r')) {
                h++;
            }
            if (h < to && s[h] == '\n') {
                h++;
                while (h < to && (s[h] == ' ' || s[h] == '\t')) {
                    h++;
                }
                j = h;
                continue;
            }
        }
        if (((tc >= 0x64B && tc <= 0x65F) || tc == 0x670 || tc == 0x640) &&
            !(kc >= 0x64B && kc <= 0x65F) && kc != 0x640) {
            j += tl; /* Arabic vowel marks and tatweel: اعتُمد = اعتمد */
            continue;
        }
        if ((tc == '\n' || tc == '\r') && lt->no_spaces && j > i) {
            j += tl; /* Chinese broken at a line end: 人权理\n事会 */
            continue;
        }
        if (fold(tc) != kc) {
            /* ASCII apostrophe in the table matches the typographic one */
            if (!(kc == '\'' && tc == 0x2019)) {
                return 0;
            }
        }
        p += kl;
        j += tl;
    }
    size_t klen = (size_t)((const char *)p - k->text); /* p is at its end */
    int elided = klen > 0 && k->text[klen - 1] == '\'';
    if ((!lt->no_spaces || k->prefix) && !elided) {
        /* the word must end here, or (prefix) swallow the rest of it */
        while (j < to) {
            unsigned c;
            size_t l = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c);
            if (!is_letter(c)) {
                break;
            }
            if (!k->prefix) {
                return 0;
            }
            j += l;
        }
    }
    return j - i;
}

/*
 * kw_find() where word_run() said that the word s[i..end) is run w: its
 * keywords in their order, each from the end of the run; a keyword that
 * goes on with another word is skipped at once when the text's next word
 * starts otherwise.
 */
/* The first code point of the word after s[end], folded, white space
 * and line breaks between; 0 when none comes between (a hyphen, the end
 * of the text, punctuation): then every keyword must be matched. */
static unsigned next_word_cp_slow(const char *s, size_t end, size_t to);

static inline unsigned
next_word_cp(const char *s, size_t end, size_t to)
{
    /* the common case, one space and an ASCII character that is no white
     * space: the loop below would stop at it */
    if (end + 1 < to && s[end] == ' ') {
        unsigned c1 = (unsigned char)s[end + 1];
        if (c1 > ' ' && c1 < 0x80) {
            return c1 != '-' ? fold(c1) : 0;
        }
    }
    return next_word_cp_slow(s, end, to);
}

static unsigned
next_word_cp_slow(const char *s, size_t end, size_t to)
{
    size_t j = end;
    unsigned cp = 0;
    while (j < to) {
        size_t l = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &cp);
        if (!is_space(cp) && cp != '\n') {
            break;
        }
        j += l;
    }
    return j > end && j < to && cp != '-' ? fold(cp) : 0;
}

/*
 * 1 when keyword candidate c cannot match at s[end], the end of its run:
 * the eight bytes there are ASCII letters and single spaces, which
 * kw_match() compares with the keyword's as they stand (folded), and
 * they differ from the bytes of c after its run.  0 when it may, or when
 * the text there holds anything else (two spaces, a hyphen, a line break,
 * any other byte: then kw_match() says).
 */
static inline int
window_differs(const struct kw_cand *c, const char *s, size_t end, size_t to)
{
    if (c->mask == 0 || to - end < 8) {
        return 0;
    }
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    uint64_t w = cite_i_load64le(s + end);
    uint64_t x = w ^ (ones * ' ');
    uint64_t space = (((x & ~highs) + ~highs) | x) & highs; /* 0x80: not a space */
    space = ~space & highs;                                /* 0x80: ' ' */
    uint64_t letter = cite_i_ascii_letters64(w);
    uint64_t in = c->mask & highs;
    if (((letter | space) & in) != in || (space & (space << 8) & in) != 0) {
        return 0;
    }
    return ((w | ones * 0x20) & c->mask) != c->after;
}

/* kw_find_run() past its shortcut: the candidates one by one; next is
 * the next word's first code point when have_next. */
static const struct kw *
kw_find_cands(const struct kw_index *ix, const struct kw_word *w, const char *s,
              size_t i, size_t end, size_t to, size_t *len, unsigned next, int have_next)
{
    for (size_t k = 0; k < w->ncand; k++) {
        const struct kw_cand *c = &w->cand[k];
        if (c->next != 0) {
            if (!have_next) {
                next = next_word_cp(s, end, to);
                have_next = 1;
            }
            if (next != 0 && next != c->next) {
                continue;
            }
        }
        if (c->kw->text[c->run] == '\0') {
            *len = end - i; /* the keyword is the word: nothing left to match */
            return c->kw;
        }
        if (word_index && window_differs(c, s, end, to)) {
            continue;
        }
        size_t n = kw_match_at(ix->lt, c->kw, c->run, s, i, end, to);
        if (n > 0) {
            *len = n;
            return c->kw;
        }
    }
    return NULL;
}

/* The keyword that the run w (the word s[i..end)) opens, or NULL; *len
 * its length.  Inline: its shortcut (one space, then a word whose first
 * letter goes on no keyword of w) answers most words at once. */
static inline const struct kw *
kw_find_run(const struct kw_index *ix, const struct kw_word *w, const char *s,
            size_t i, size_t end, size_t to, size_t *len)
{
    if (!w->shortcut) {
        return kw_find_cands(ix, w, s, i, end, to, len, 0, 0);
    }
    unsigned next = next_word_cp(s, end, to); /* folded */
    if (next - 'a' < 26 && !((w->next_mask >> (next - 'a')) & 1)) {
        *len = end - i;
        return w->whole;
    }
    return kw_find_cands(ix, w, s, i, end, to, len, next, 1);
}

/* The keyword that character c (three bytes) is alone, or NULL. */
static inline const struct kw *
single_kw(const struct kw_index *ix, unsigned c)
{
    for (unsigned k = single_slot(c);; k = (k + 1) & (NSINGLE - 1)) {
        if (ix->single[k].cp == c) {
            return ix->single[k].kw;
        }
        if (ix->single[k].cp == 0) {
            return NULL;
        }
    }
}

static const struct kw *kw_find_at(const struct kw_index *ix, unsigned c,
                                    const char *s, size_t i, size_t to,
                                    size_t *len);

/* The keyword at s[i] (its first code point c), longest first, or NULL;
 * *len its length in the text.  Most characters start none: that is told
 * here, inline. */
static inline const struct kw *
kw_find(const struct kw_index *ix, unsigned c, const char *s, size_t i,
        size_t to, size_t *len)
{
    unsigned f0 = fold(c);
    if (f0 < 0x10000 && !(ix->first[f0 >> 3] & (1u << (f0 & 7)))) {
        return NULL; /* no keyword starts so */
    }
    if (c >= 0x800 && c < 0x10000 && word_index) {
        /* a character that is a keyword alone (three bytes, matched as
         * they stand, as kw_match() would) */
        const struct kw *k = single_kw(ix, c);
        if (k != NULL) {
            *len = 3;
            return k;
        }
    }
    return kw_find_at(ix, c, s, i, to, len);
}

static const struct kw *
kw_find_at(const struct kw_index *ix, unsigned c, const char *s, size_t i,
           size_t to, size_t *len)
{
    /* the text's second character, to skip most entries without a match */
    unsigned c1, c2 = 0, c3 = 0;
    size_t l = cite_i_utf8_decode((const unsigned char *)s + i, to - i, &c1);
    if (i + l < to) {
        size_t l2 = cite_i_utf8_decode((const unsigned char *)s + i + l,
                                       to - i - l, &c2);
        c2 = fold(c2);
        if (i + l + l2 < to) {
            cite_i_utf8_decode((const unsigned char *)s + i + l + l2,
                               to - i - l - l2, &c3);
            c3 = fold(c3);
        }
    }
    /* the third character rules keywords out too, unless it is one that
     * kw_match() skips or joins over */
    int by_third = !(c3 == '-' || c3 == '\n' || c3 == '\r' ||
                     (c3 >= 0x64B && c3 <= 0x65F) || c3 == 0x670 ||
                     c3 == 0x640);
    unsigned f = fold(c);
    if (c2 == '-') {
        for (const struct kw_entry *b = ix->bucket[f % NBUCKET]; b->kw != NULL;
             b++) {
            size_t n = kw_match(ix->lt, b->kw, s, i, to);
            if (n > 0) {
                *len = n;
                return b->kw;
            }
        }
        return NULL;
    }
    /* the keywords whose second character is c2 and those whose second is
     * not a plain character, in their order in the bucket */
    static const struct kw_entry none = {NULL, 0, 0, 0};
    const struct kw_entry *p = ix->pair[pair_hash(f, c2)];
    const struct kw_entry *a = ix->any[f % NBUCKET];
    p = p != NULL ? p : &none;
    a = a != NULL ? a : &none;
    for (;;) {
        while (p->kw != NULL && p->second != c2 &&
               !(p->second == '\'' && c2 == 0x2019)) {
            p++; /* another pair in the same slot */
        }
        const struct kw_entry *e;
        if (p->kw == NULL && a->kw == NULL) {
            return NULL;
        } else if (a->kw == NULL || (p->kw != NULL && p->pos < a->pos)) {
            e = p++;
        } else {
            e = a++;
        }
        if (by_third && e->third != 0 && e->third != c3 &&
            !(e->third == '\'' && c3 == 0x2019)) {
            continue;
        }
        size_t n = kw_match(ix->lt, e->kw, s, i, to);
        if (n > 0) {
            *len = n;
            return e->kw;
        }
    }
}

int
cite_i_roman_value(const char *s, size_t n)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    if (n == 0 || n > 12) {
        return 0;
    }
    /* parse greedily, then check by formatting back: only canonical forms */
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int d;
        switch (s[i]) {
        case 'I': d = 1; break;
        case 'V': d = 5; break;
        case 'X': d = 10; break;
        case 'L': d = 50; break;
        case 'C': d = 100; break;
        default:
            return 0;
        }
        int next = 0;
        if (i + 1 < n) {
            switch (s[i + 1]) {
            case 'I': next = 1; break;
            case 'V': next = 5; break;
            case 'X': next = 10; break;
            case 'L': next = 50; break;
            case 'C': next = 100; break;
            default: next = 0; break;
            }
        }
        v += d < next ? -d : d;
    }
    if (v <= 0 || v >= 200) {
        return 0;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "%s%s%s", v >= 100 ? "C" : "", tens[(v / 10) % 10], ones[v % 10]);
    return strlen(buf) == n && memcmp(buf, s, n) == 0 ? v : 0;
}

void
cite_i_roman_format(char *out, int v)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    if (v <= 0 || v >= 200) {
        out[0] = '\0';
        return;
    }
    snprintf(out, 16, "%s%s%s", v >= 100 ? "C" : "", tens[(v / 10) % 10], ones[v % 10]);
}

static int
ascii_alnum(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* 1: ASCII byte b is no letter (a letter can go on from it into a word) */
static inline int
ascii_nonletter(unsigned char b)
{
    return b < 0x80 && (unsigned)((b | 0x20) - 'a') >= 26;
}

/* 1: ASCII b is punctuation that the general path of cite_i_lex() makes a
 * T_PUNCT of as it is: printable, no letter, digit, space nor '"' */
static inline int
ascii_plain_punct(unsigned char b)
{
    /* bits 0x21..0x7E: !#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~ */
    static const uint64_t lo = 0xFC00FFFA00000000u, hi = 0x78000001F8000001u;
    return b < 64 ? (lo >> b) & 1 : b < 128 ? (hi >> (b - 64)) & 1 : 0;
}

/*
 * Whether s[i] opens a word that the lexer's fast path for words takes,
 * where no letter comes before it: 1, a word of small ASCII letters but
 * one of an 'l' that may open an OCR number ("l5ll": an 'l' before a small
 * letter but 'l' is none); 2, an upper-case ASCII letter before a small
 * one, which opens no document symbol (symbol_len() reads no segment),
 * no Roman numeral (they are all capitals) and no OCR number ("I" or "O"
 * before 'l' is left out); 0, any other.
 */
static inline int
fast_word_at(const char *s, size_t i, size_t to)
{
    unsigned b = (unsigned char)s[i];
    unsigned n1 = i + 1 < to ? (unsigned char)s[i + 1] : 0;
    int small_next = n1 - 'a' < 26;
    if (b - 'a' < 26) {
        return b != 'l' || (small_next && n1 != 'l');
    }
    if (b - 'A' < 26 && small_next && !((b == 'I' || b == 'O') && n1 == 'l')) {
        return 2;
    }
    return 0;
}

/*
 * A number OCR misread: letters l, I and O among digits ("l5ll", "20O4").
 * Only a run of at least three such characters with a digit in it, standing
 * alone, is read so; the token is flagged TF_OCR and the repair reported
 * when the number is used.
 */
static int
ocr_number(const char *s, size_t from, size_t i, size_t to, size_t *len, int64_t *val)
{
    size_t j = i;
    int digits = 0, letters = 0;
    int64_t v = 0;
    while (j < to && j - i < 6) {
        char ch = s[j];
        if (ch >= '0' && ch <= '9') {
            digits++;
            v = v * 10 + (ch - '0');
        } else if (ch == 'l' || ch == 'I') {
            letters++;
            v = v * 10 + 1;
        } else if (ch == 'O') {
            letters++;
            v = v * 10;
        } else {
            break;
        }
        j++;
    }
    if (j - i < 3 || digits == 0 || letters == 0 || (j < to && ascii_alnum(s[j])) ||
        (i > from && ascii_alnum(s[i - 1]))) {
        return 0;
    }
    *len = j - i;
    *val = v;
    return 1;
}

/*
 * A blank line that does not end a paragraph: PDF text that doubles every
 * line break ("Recalling also\n\nthat in resolution 60/251").  The next
 * visible character tells: a lower-case letter, a digit or an opening
 * bracket continues the sentence, unless the line before ended one; in
 * scripts without case, a line that did not end with punctuation goes on.
 */
static int
soft_break(const char *s, size_t i, size_t to, const struct tok_buf *tb)
{
    if (tb->n < 2) {
        return 0;
    }
    const struct tok *last = &tb->v[tb->n - 2];
    if (last->kind == T_NL || last->kind == T_PARA) {
        return 0;
    }
    int ended = last->kind == T_PUNCT &&
                (last->ch == '.' || last->ch == ';' || last->ch == ':' ||
                 last->ch == '?' || last->ch == ']' || last->ch == '_');
    unsigned c = 0;
    while (i < to) {
        size_t l = cite_i_utf8_decode((const unsigned char *)s + i, to - i, &c);
        if (!is_space(c) && c != '\n') {
            break;
        }
        if (c == '\n') {
            return 0; /* two blank lines: a real break */
        }
        i += l;
    }
    if (i >= to || ended) {
        return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF) || (c >= 0x430 && c <= 0x45F) ||
        (c >= '0' && c <= '9') || c == '(') {
        return 1;
    }
    /* Arabic: a line opening with the conjunction و ("و 1747 (2007)") goes on */
    if (c == 0x648 && i + 2 < to && (s[i + 2] == ' ' || (s[i + 2] >= '0' && s[i + 2] <= '9'))) {
        return 1;
    }
    /* Han, Arabic: no case to tell, only the punctuation before */
    if (is_han(c) || (c >= 0x620 && c <= 0x6FF)) {
        return !(last->kind == T_PUNCT &&
                 (last->ch == ',' || last->ch == '.' || last->ch == ';' || last->ch == ':'));
    }
    return 0;
}

/* Roman numerals typed with Cyrillic look-alikes: ХХI, ХV, С. */
static int
cyrillic_roman(const char *s, size_t n)
{
    char buf[16];
    size_t m = 0;
    int cyr = 0;
    for (size_t i = 0; i < n && m + 1 < sizeof buf;) {
        unsigned char c0 = (unsigned char)s[i];
        if (c0 == 'I' || c0 == 'V' || c0 == 'X' || c0 == 'L' || c0 == 'C') {
            buf[m++] = (char)c0;
            i++;
        } else if (c0 == 0xD0 && i + 1 < n) {
            unsigned char c1 = (unsigned char)s[i + 1];
            char r = c1 == 0xA5 ? 'X' : c1 == 0x86 ? 'I' : c1 == 0xA1 ? 'C' : 0;
            if (r == 0) {
                return 0;
            }
            buf[m++] = r;
            cyr = 1;
            i += 2;
        } else {
            return 0;
        }
    }
    return cyr ? cite_i_roman_value(buf, m) : 0;
}

void
cite_i_tok_buf_release(struct tok_buf *tb)
{
    free(tb->v);
    free(tb->hot);
    free(tb->brk);
    memset(tb, 0, sizeof *tb);
}

/* Appends token index i to the list v (n of them, room for *cap). */
static inline void
index_push(uint32_t **v, size_t *n, size_t *cap, size_t i)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = cite_i_xreallocarray(*v, *cap, sizeof **v);
    }
    (*v)[(*n)++] = (uint32_t)i;
}

/* Adds token i, the last pushed, to tb's hot list. */
static inline void
hot_push(struct tok_buf *tb, size_t i)
{
    index_push(&tb->hot, &tb->nhot, &tb->hot_cap, i);
}

void
cite_i_hot_insert(struct tok_buf *tb, size_t i)
{
    size_t lo = 0, hi = tb->nhot;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tb->hot[mid] < i) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < tb->nhot && tb->hot[lo] == i) {
        return;
    }
    hot_push(tb, i); /* room, then the tail moved up by one */
    memmove(&tb->hot[lo + 1], &tb->hot[lo], (tb->nhot - 1 - lo) * sizeof *tb->hot);
    tb->hot[lo] = (uint32_t)i;
}

/* Token i of tb is an "and" (KW_AND): the comma before it, line breaks
 * apart, is hot (the walk's ", and" starts a new clause); a comma alone
 * is not. */
static void
comma_before_and(struct tok_buf *tb, size_t i)
{
    size_t j = i;
    while (j > 0 && tb->v[j - 1].kind == T_NL) {
        j--;
    }
    if (j > 0 && tb->v[j - 1].kind == T_PUNCT && tb->v[j - 1].ch == ',') {
        /* after it in the list: the i - j line breaks, all hot */
        size_t at = tb->nhot - (i - j);
        hot_push(tb, j - 1); /* room, then the breaks moved up by one */
        memmove(&tb->hot[at + 1], &tb->hot[at], (i - j) * sizeof *tb->hot);
        tb->hot[at] = (uint32_t)(j - 1);
    }
}

/* Makes t (in tb) keyword k, klen bytes long; a keyword of a meeting or a
 * vote marks the first token of its line, at line_first when this chunk
 * holds it (SIZE_MAX when not).  A keyword of KW_HOT_CLASSES goes into
 * tb's hot list; an "and" puts the comma before it there. */
static inline void
kw_token(struct tok_buf *tb, struct tok *t, const struct kw *k, size_t klen,
         size_t line_first)
{
    t->kind = T_KW;
    t->kw = k;
    t->len = (uint32_t)klen;
    if ((KW_HOT_CLASSES >> k->cls) & 1) {
        hot_push(tb, (size_t)(t - tb->v));
    } else if (k->cls == KW_AND && t > tb->v &&
               (t[-1].kind == T_NL || (t[-1].kind == T_PUNCT && t[-1].ch == ','))) {
        comma_before_and(tb, (size_t)(t - tb->v)); /* a comma before it, perhaps */
    }
    if ((k->cls == KW_MEETING || k->cls == KW_VOTES || k->cls == KW_NO_VOTE ||
         k->cls == KW_UNANIMOUS) && line_first != SIZE_MAX) {
        tb->v[line_first].flags |= TF_LINE_MEETING;
    }
}

static inline struct tok *
push(struct tok_buf *tb)
{
    if (tb->n == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 4096; /* a 10 KB text: no regrowth */
        tb->v = cite_i_xreallocarray(tb->v, tb->cap, sizeof *tb->v);
    }
    struct tok *t = &tb->v[tb->n++];
    *t = (struct tok){0};
    return t;
}

/* Opens the token at s[i] in tb, flagged by what came before it (a
 * space, a line's start, quotation marks), which then no longer holds; the
 * first token of a line is noted in *line_first. */
static CITE_I_HOT_INLINE struct tok *
open_tok(struct tok_buf *tb, size_t i, int *space, int *line_start, int *line_empty,
         int quoted, size_t *line_first)
{
    if (*line_start) {
        *line_first = tb->n;
    }
    struct tok *t = push(tb);
    t->off = i;
    t->flags = (uint8_t)((*space ? TF_SPACE_BEFORE : 0) | (*line_start ? TF_LINE_START : 0) |
                         (quoted ? TF_QUOTED : 0));
    *space = 0;
    *line_start = 0;
    *line_empty = 0;
    return t;
}

static int
is_sym_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/*
 * A document symbol at s[i]: an upper-case first segment of at most 8
 * letters (optionally ".digits", as in E/CN.4), then one or more
 * "/segment".  Returns its length without a final full stop, or 0.  When
 * segments were read but held no digit, *dead is where they ended: no
 * symbol can start before it either (a later start reads the same
 * segments), so that "A/A/A/..." is scanned once, not once per "A".
 */
static size_t
symbol_len(const char *s, size_t i, size_t to, size_t *dead)
{
    size_t j = i;
    while (j < to && j - i <= 8 && s[j] >= 'A' && s[j] <= 'Z') {
        j++;
    }
    if (j == i || j - i > 8) {
        return 0;
    }
    /* one-letter series: A (Assembly), S (Council), E (ECOSOC), T
     * (Trusteeship); "I/10" is not a UN symbol */
    if (j - i == 1 && strchr("ASET", s[i]) == NULL) {
        return 0;
    }
    if (j < to && s[j] == '.') {
        size_t k = j + 1;
        while (k < to && s[k] >= '0' && s[k] <= '9') {
            k++;
        }
        if (k > j + 1) {
            j = k;
        }
    }
    int segs = 0, digits = 0;
    while (j + 1 < to && s[j] == '/') {
        size_t k = j + 1;
        /* "S/PRST/ 2012/5": a stray space before digits */
        if (k + 1 < to && s[k] == ' ' && s[k + 1] >= '0' && s[k + 1] <= '9') {
            k++;
        }
        if (!is_sym_char((unsigned char)s[k])) {
            break;
        }
        j = k;
        while (j < to && is_sym_char((unsigned char)s[j])) {
            /* E/2024/27-E/CN.6/2024/15: two symbols joined */
            if (s[j] == '-' && j + 2 < to && strchr("AEST", s[j + 1]) != NULL &&
                s[j + 1] != '\0' && s[j + 2] == '/') {
                break;
            }
            digits |= s[j] >= '0' && s[j] <= '9';
            j++;
        }
        segs++;
        if (j < to && s[j] == '-') {
            break;
        }
    }
    /* every UN symbol has a number somewhere; HIV/AIDS, UNDP/UNFPA have
     * none */
    if (segs > 0 && !digits) {
        *dead = j;
    }
    if (segs == 0 || !digits) {
        return 0;
    }
    while (j > i && (s[j - 1] == '.' || s[j - 1] == '-')) {
        j--;
    }
    return j - i;
}

/* The ideograph of U+4E00..U+9FFF at s[j], or 0 when another character
 * (or none) is there. */
static inline unsigned
han_at(const char *s, size_t j, size_t to)
{
    if (j + 3 > to) {
        return 0;
    }
    unsigned b0 = (unsigned char)s[j], b1 = (unsigned char)s[j + 1],
             b2 = (unsigned char)s[j + 2];
    unsigned cp = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F);
    return b0 - 0xE4 < 6 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x4E00
               ? cp
               : 0;
}

/*
 * 1 when no keyword starts at s[j], the stop c (a character of
 * han_stop): it is no numeral, and each keyword that starts with it has
 * an ideograph second, and the text's next two characters are
 * ideographs that neither a keyword of two characters is with c nor a
 * longer one opens with.  Between ideographs kw_match() skips nothing, so
 * a keyword that starts there must be such a pair or three.  0 when it
 * cannot say: kw_find() does.
 */
static inline int
han_no_kw(const struct kw_index *ix, const char *s, size_t j, size_t to, unsigned c)
{
    if (ix->han_open[(c - 0x4E00) >> 3] & (1u << (c & 7))) {
        return 0;
    }
    unsigned c2 = han_at(s, j + 3, to);
    if (c2 == 0) {
        return 0;
    }
    unsigned slot = han_pair_slot(c, c2);
    if (ix->han_pair[slot >> 3] & (1u << (slot & 7))) {
        return 0;
    }
    unsigned c3 = han_at(s, j + 6, to);
    if (c3 == 0) {
        return 0;
    }
    slot = han_triple_slot(c, c2, c3);
    return !(ix->han_triple[slot >> 3] & (1u << (slot & 7)));
}

/*
 * Where the run of ideographs that goes on at s[j] ends: at the first
 * character that is no ideograph, a numeral, or where a keyword starts
 * (found there, kept in *next_kw, *next_kw_at and *next_kw_len for the
 * next token).  fast: the common ideograph, U+4E00..U+9FFF, that neither
 * starts a keyword nor is a numeral, is passed at one look, and so is one
 * that han_no_kw() rules out as a keyword's start.
 */
static inline size_t
han_run(const struct kw_index *ix, const char *s, size_t j, size_t to, int fast,
        const struct kw **next_kw, size_t *next_kw_at, size_t *next_kw_len)
{
    while (j < to) {
        unsigned cp;
        if (fast && (cp = han_at(s, j, to)) != 0 &&
            (!(ix->han_stop[(cp - 0x4E00) >> 3] & (1u << (cp & 7))) ||
             han_no_kw(ix, s, j, to, cp))) {
            j += 3;
            continue;
        }
        unsigned c2;
        size_t l2 = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c2);
        if (!is_han(c2) || cnum_value(c2) >= 0) {
            break;
        }
        /* stop where a keyword starts (the next token then) */
        size_t kl2;
        const struct kw *k2 = kw_find(ix, c2, s, j, to, &kl2);
        if (k2 != NULL) {
            *next_kw = k2;
            *next_kw_at = j;
            *next_kw_len = kl2;
            break;
        }
        j += l2;
    }
    return j;
}

size_t
cite_i_lex(const struct lang_table *lt, const char *s, size_t from, size_t to,
           struct tok_buf *tb, size_t soft_limit, int *at_break)
{
    const struct kw_index *ix = kw_index_get(lt);
    size_t i = from;
    size_t no_symbol_before = from; /* see symbol_len() */
    int space = 0, line_start = *at_break, line_empty = 1, quoted = 0;
    /* the first token of the current line, if this chunk holds it */
    size_t line_first = SIZE_MAX;
    /* the keyword a run of ideographs stopped at, found there already */
    const struct kw *next_kw = NULL;
    size_t next_kw_at = SIZE_MAX, next_kw_len = 0;
    /* the fast path below: a language with spaces and its word table */
    const int fast_words = ix->words != NULL && word_index;
    /* and the runs of ideographs of a language without spaces */
    const int han_fast = lt->no_spaces && word_index;
    /* and the fast paths of ASCII punctuation and digits */
    const int fast_ascii = word_index;
    while (i < to) {
        unsigned char b = (unsigned char)s[i];
        if (b == ' ' && tb->n < 2 * soft_limit) {
            space = 1;
            i++;
            continue;
        }
        /*
         * The most common token of a language with spaces: a word of
         * lower-case ASCII letters, or an upper-case one and then small
         * ones, after a space or another character that is no letter (see
         * fast_word_at()).  The general path below gives the same token,
         * slower.
         */
        int shape;
        if (fast_words && (shape = fast_word_at(s, i, to)) != 0 && tb->n < 2 * soft_limit &&
            (space || i == from || ascii_nonletter((unsigned char)s[i - 1]))) {
            /*
             * Word after word, one space apart, in this loop: the count of
             * tokens and the array are held here, where the stores into a
             * token cannot be taken to change them (a byte store may
             * change any object), and go back into tb at every exit.
             */
            struct tok *v = tb->v;
            size_t n = tb->n, cap = tb->cap, made = 0;
            for (;;) {
                size_t wend = 0;
                int stem;
                const struct kw_word *w = word_run(ix, s, i, to, &wend, &stem);
                if (stem) {
                    break; /* the general path takes the word */
                }
                if (line_start) {
                    line_first = n;
                }
                struct tok *t;
                if (n < cap) {
                    t = &v[n++];
                } else {
                    tb->n = n;
                    t = push(tb);
                    v = tb->v;
                    n = tb->n;
                    cap = tb->cap;
                }
                uint8_t flags = (uint8_t)((space ? TF_SPACE_BEFORE : 0) |
                                          (line_start ? TF_LINE_START : 0) |
                                          (quoted ? TF_QUOTED : 0));
                space = 0;
                line_start = 0;
                line_empty = 0;
                made++;
                size_t klen = 0;
                const struct kw *k = w != NULL ? kw_find_run(ix, w, s, i, wend, to, &klen) : NULL;
                if (k != NULL) {
                    *t = (struct tok){.flags = flags, .off = i};
                    tb->n = n;
                    kw_token(tb, t, k, klen, line_first);
                    i += klen;
                } else {
                    /* word_run() read the letters to their end */
                    *t = (struct tok){.kind = T_WORD,
                                      .flags = (uint8_t)(flags | (shape == 2 ? TF_UPPER : 0)),
                                      .len = (uint32_t)(wend - i), .off = i};
                    i = wend;
                }
                /* the space after it, as the loop's first test takes it;
                 * then the next word, if this path takes it too */
                if (!(i + 1 < to && s[i] == ' ' && n < 2 * soft_limit)) {
                    break;
                }
                space = 1;
                i++;
                if ((shape = fast_word_at(s, i, to)) == 0) {
                    break;
                }
            }
            tb->n = n;
            if (made > 0) {
                continue;
            }
        }
        /*
         * A token that opens with an ideograph of U+4E00..U+9FFF (a
         * language without spaces): the keyword that the run before found
         * here, or a run, when the ideograph neither starts a keyword nor
         * is a numeral.  The general path below gives the same token.
         */
        if (han_fast && b - 0xE4u < 6 && i + 3 <= to && tb->n < 2 * soft_limit &&
            ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            unsigned cp = (b & 0x0Fu) << 12 | ((unsigned char)s[i + 1] & 0x3Fu) << 6 |
                          ((unsigned char)s[i + 2] & 0x3Fu);
            int found = i == next_kw_at;
            if (!found && cp >= 0x4E00 &&
                (ix->han_stop[(cp - 0x4E00) >> 3] & (1u << (cp & 7)))) {
                /* a keyword of this one character (年, 号, 第): kw_find()
                 * would give it first */
                const struct kw *one = single_kw(ix, cp);
                if (one != NULL) {
                    next_kw = one;
                    next_kw_at = i;
                    next_kw_len = 3;
                    found = 1;
                }
            }
            if (cp >= 0x4E00 &&
                (found || !(ix->han_stop[(cp - 0x4E00) >> 3] & (1u << (cp & 7))) ||
                 han_no_kw(ix, s, i, to, cp))) {
                struct tok *t =
                    open_tok(tb, i, &space, &line_start, &line_empty, quoted, &line_first);
                if (found) {
                    kw_token(tb, t, next_kw, next_kw_len, line_first);
                    i += next_kw_len;
                    continue;
                }
                size_t j = han_run(ix, s, i + 3, to, 1, &next_kw, &next_kw_at, &next_kw_len);
                t->kind = T_HAN;
                t->len = (uint32_t)(j - i);
                i = j;
                continue;
            }
        }
        /*
         * ASCII punctuation but '"' (whose token follows the quotation
         * marks), and a run of ASCII digits that no OCR letter or other
         * digit goes on from: the tokens of the general path below, made
         * at once.
         */
        if (fast_ascii && ascii_plain_punct(b) && tb->n < 2 * soft_limit) {
            struct tok *t = open_tok(tb, i, &space, &line_start, &line_empty, quoted, &line_first);
            t->kind = T_PUNCT;
            t->ch = b;
            t->len = 1;
            if (b == ';' || b == '.') {
                hot_push(tb, tb->n - 1);
            }
            i++;
            continue;
        }
        if (fast_ascii && (unsigned)(b - '0') < 10 && tb->n < 2 * soft_limit) {
            size_t j = i + 1;
            while (j < to && (unsigned)(s[j] - '0') < 10) {
                j++;
            }
            /* no OCR letter, nor the lead byte of a full-width (EF) or an
             * Arabic-Indic digit (D9, DB) after the run */
            unsigned char after = j < to ? (unsigned char)s[j] : 0;
            if (after != 'l' && after != 'I' && after != 'O' && after != 0xEF &&
                after != 0xD9 && after != 0xDB) {
                struct tok *t =
                    open_tok(tb, i, &space, &line_start, &line_empty, quoted, &line_first);
                int64_t v = 0;
                for (size_t q = i; q < j; q++) {
                    if (v < 100000000000LL) {
                        v = v * 10 + (s[q] - '0');
                    }
                }
                t->kind = T_NUM;
                t->val = v;
                t->ndigits = (uint16_t)(j - i < UINT16_MAX ? j - i : UINT16_MAX);
                t->len = (uint32_t)(j - i);
                if (lt->kind_after) {
                    hot_push(tb, tb->n - 1);
                }
                i = j;
                continue;
            }
        }
        unsigned c;
        size_t l = 1;
        if (b == '\n') {
            c = '\n';
        } else {
            l = cite_i_utf8_decode((const unsigned char *)s + i, to - i, &c);
        }
        if (c == '\n') {
            if (line_empty && tb->n > 0 && tb->v[tb->n - 1].kind == T_NL) {
                if (!soft_break(s, i + l, to, tb)) {
                    tb->v[tb->n - 1].kind = T_PARA;
                    quoted = 0;
                }
            } else if (!(tb->n > 0 && tb->v[tb->n - 1].kind == T_PARA)) {
                struct tok *t = push(tb);
                t->kind = T_NL;
                t->off = i;
                t->len = 1;
                hot_push(tb, tb->n - 1);
                index_push(&tb->brk, &tb->nbrk, &tb->brk_cap, tb->n - 1);
            }
            i += l;
            space = 0;
            line_start = 1;
            line_empty = 1;
            if (tb->n >= soft_limit && tb->v[tb->n - 1].kind == T_PARA) {
                *at_break = 1;
                return i;
            }
            continue;
        }
        /* a paragraph that never ends (a text with no line breaks): cut
         * after a sentence, or anywhere when even that does not come */
        if (tb->n >= 2 * soft_limit &&
            ((tb->v[tb->n - 1].kind == T_PUNCT &&
              (tb->v[tb->n - 1].ch == '.' || tb->v[tb->n - 1].ch == ';')) ||
             tb->n >= 4 * soft_limit)) {
            *at_break = 0;
            return i;
        }
        /* an ideograph of U+4E00..U+9FFF: no space, digit, letter nor
         * symbol, which the tests below need not then rule out */
        const int cjk = c - 0x4E00 < 0x5200;
        if (!cjk && (is_space(c) || c < 0x20 || c == 0x7F)) {
            space = 1;
            i += l;
            continue;
        }
        struct tok *t = open_tok(tb, i, &space, &line_start, &line_empty, quoted, &line_first);
        int d;
        size_t ocr_len;
        int64_t ocr_val;
        if ((c - '0' < 10 || c == 'l' || c == 'I' || c == 'O') &&
            ocr_number(s, from, i, to, &ocr_len, &ocr_val)) {
            t->kind = T_NUM;
            t->flags |= TF_OCR;
            t->val = ocr_val;
            t->ndigits = (uint16_t)ocr_len;
            t->len = (uint32_t)ocr_len;
            if (lt->kind_after) {
                hot_push(tb, tb->n - 1);
            }
            i += ocr_len;
            continue;
        }
        if (!cjk && (d = digit_value(c)) >= 0) {
            int64_t v = 0;
            uint16_t nd = 0;
            size_t j = i;
            while (j < to) {
                unsigned c2;
                size_t l2 = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c2);
                int d2 = digit_value(c2);
                if (d2 < 0) {
                    break;
                }
                if (v < 100000000000LL) {
                    v = v * 10 + d2;
                }
                if (nd < UINT16_MAX) {
                    nd++;
                }
                j += l2;
            }
            t->kind = T_NUM;
            t->val = v;
            t->ndigits = nd;
            t->len = (uint32_t)(j - i);
            if (lt->kind_after) {
                hot_push(tb, tb->n - 1);
            }
            i = j;
            continue;
        }
        const struct kw *k = NULL;
        size_t klen = 0;
        int word_start = cjk || is_letter(c) || is_han(c);
        if (word_start && !lt->no_spaces && i > from) {
            /* inside a word is no keyword start (Latin scripts) */
            unsigned pc = (unsigned char)s[i - 1];
            if (pc >= 0x80) {
                size_t back = i - 1;
                while (back > from && ((unsigned char)s[back] & 0xC0) == 0x80) {
                    back--;
                }
                cite_i_utf8_decode((const unsigned char *)s + back, i - back, &pc);
            }
            if (is_letter(pc) && !is_han(c)) {
                word_start = 0;
            }
        }
        if (c >= 'A' && c <= 'Z' && i >= no_symbol_before) {
            size_t sl = symbol_len(s, i, to, &no_symbol_before);
            if (sl > 0) {
                t->kind = T_SYMBOL;
                t->len = (uint32_t)sl;
                hot_push(tb, tb->n - 1);
                i += sl;
                continue;
            }
        }
        size_t wend = 0; /* where the word ends, when word_run() said */
        if (word_start && ix->words != NULL && word_index && is_letter(c)) {
            int stem;
            const struct kw_word *w = word_run(ix, s, i, to, &wend, &stem);
            if (!stem) {
                k = w != NULL ? kw_find_run(ix, w, s, i, wend, to, &klen) : NULL;
                word_start = 0; /* no other keyword may start here */
            }
        }
        if (word_start && i == next_kw_at) {
            k = next_kw;
            klen = next_kw_len;
        } else if (word_start) {
            k = kw_find(ix, c, s, i, to, &klen);
            /* Arabic: وبالإعلان = و + ب + الإعلان */
            for (const char *const *pc = lt->proclitics; k == NULL && pc != NULL && *pc != NULL;
                 pc++) {
                size_t pl = strlen(*pc);
                if (i + pl < to && memcmp(s + i, *pc, pl) == 0) {
                    unsigned c2;
                    cite_i_utf8_decode((const unsigned char *)s + i + pl, to - i - pl, &c2);
                    k = kw_find(ix, c2, s, i + pl, to, &klen);
                    if (k != NULL) {
                        klen += pl;
                    }
                }
            }
        }
        if (k != NULL) {
            kw_token(tb, t, k, klen, line_first);
            i += klen;
            continue;
        }
        if (cnum_value(c) >= 0) {
            /* Chinese numerals: positional (一九七三) or structured (二十一) */
            int64_t total = 0, section = 0, digits = 0, ndig = 0;
            int structured = 0;
            size_t j = i;
            while (j < to) {
                unsigned c2;
                size_t l2 = cite_i_utf8_decode((const unsigned char *)s + j, to - j, &c2);
                int v = cnum_value(c2);
                if (v < 0) {
                    break;
                }
                if (v >= 10) {
                    structured = 1;
                    total += (section ? section : 1) * v;
                    section = 0;
                } else {
                    section = v;
                    digits = digits * 10 + v;
                    ndig++;
                }
                j += l2;
                if (ndig > 12) {
                    break;
                }
            }
            t->kind = T_CNUM;
            t->val = structured ? total + section : digits;
            t->ndigits = (uint16_t)ndig;
            t->len = (uint32_t)(j - i);
            if (lt->kind_after) {
                hot_push(tb, tb->n - 1);
            }
            i = j;
            continue;
        }
        if (is_han(c)) {
            size_t j = han_run(ix, s, i + l, to, han_fast, &next_kw, &next_kw_at, &next_kw_len);
            t->kind = T_HAN;
            t->len = (uint32_t)(j - i);
            i = j;
            continue;
        }
        if (is_letter(c)) {
            size_t j = letters_end(s, wend > i ? wend : i, to);
            int upper = c >= 'A' && c <= 'Z';
            t->kind = T_WORD;
            t->len = (uint32_t)(j - i);
            int crv = cyrillic_roman(s + i, j - i);
            if (crv > 0) {
                t->flags |= TF_CAP_ROMAN;
                t->val = crv;
            }
            if (upper) {
                t->flags |= TF_UPPER;
                int rv = cite_i_roman_value(s + i, j - i);
                if (rv > 0) {
                    t->flags |= TF_CAP_ROMAN;
                    t->val = rv;
                }
            }
            i = j;
            continue;
        }
        int open, close;
        unsigned a = punct_ascii(c, &open, &close);
        if (a == '"') {
            if (open) {
                quoted = 1;
            } else if (close) {
                quoted = 0;
            } else {
                quoted = !quoted;
            }
            if (!quoted) {
                t->flags &= (uint8_t)~TF_QUOTED;
            }
        }
        t->kind = T_PUNCT;
        t->ch = (uint16_t)a;
        t->len = (uint32_t)l;
        if (a == ';' || a == '.') {
            hot_push(tb, tb->n - 1);
        }
        i += l;
    }
    *at_break = 1;
    return i;
}
