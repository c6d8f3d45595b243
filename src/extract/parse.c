/*
 * parse.c - from tokens to citations: the grammar every language shares.
 *
 * The text is read in chunks of whole paragraphs, each tokenised once
 * (lex.c) and walked once, left to right, with a bounded look-ahead; no
 * step goes back further than a few tokens, so extraction is linear.
 *
 * Structure.  A resolution reads: a header (body, session, agenda item,
 * the document's number and title), the preamble opened by a line naming
 * the body ("The Human Rights Council," / 人权理事会，), preambular
 * paragraphs that open with a verb (PP1, PP2, ...), operative paragraphs
 * numbered "1." (OP1, ...), footnotes (a line opening with '*', or the
 * block under a "____" rule), and closing lines (date, meeting, vote).
 * A paragraph that opens without a verb or a number continues the one
 * before (page breaks, wrapped lines).
 *
 * Citations, where KIND is resolution / decision / statement:
 *
 *   head      := [BODY | its] KIND                    (kind first: en, fr, ...)
 *              | [BODY | its] [DATE] 第                (kind last: zh)
 *   list      := item { (',' | and | ',' and) item }
 *   item      := number [part-letter] [of DATE]
 *              | SYMBOL
 *   number    := a '/' b | n '(' year ')' | n '(' ROMAN ')' | S-a/b
 *   zh        := head item [号] { (、|和|及) [第] item [号] } KIND
 *   pinpoint  := paragraph(s) list of <citation>      (before)
 *              | <citation> ',' paragraph(s) list     (after)
 *              | paragraph(s) list thereof            (of the last one)
 *              | <zh citation> 第 n {和 第 n} 段
 *   SYMBOL    := A/HRC/21/2, S/RES/1325 (2000), ...   (anywhere)
 *
 * The body of a bare number comes from, in order: a body named just before
 * the head; "its" or the body last named in the sentence; the citing
 * document's own body.  The shape of the number then rules out bodies that
 * cannot have issued it (a year before the slash is never the Human Rights
 * Council's or the General Assembly's; the Council never numbered a
 * resolution above 150).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

enum region {
    R_HEADER,
    R_PREAMBLE,
    R_OPERATIVE,
    R_CLOSING
};

#define MAX_PINS 128

/* What a list cut by a page break waits for. */
enum {
    CONT_NONE,
    CONT_DATE,   /* "43/29 of" ... "22 June 2020" */
    CONT_YEAR,   /* "52/7 of 3 April" ... "2023" */
    CONT_MEMBER, /* "46/15, de ... 2021, y" ... "52/7, de ..." */
    CONT_ZH      /* 第46/15号和 ... 2023年4月3日第52/7号决议 */
};

/* Tokens per chunk: a few MB, whatever the size of the text. */
#define CHUNK_TOKENS (1u << 15)

struct pending_pin {
    size_t n;
    char v[MAX_PINS][24];
};

/*
 * Full-width Latin letters, digits and punctuation (ＥＳ－１０／１９) are
 * scanned as their ASCII twins: the engine reads a normalised copy of the
 * text where each such 3-byte character is one byte.  norm.at[] holds the
 * normalised offsets of the replaced characters, to map offsets back.
 */
struct norm {
    char *bytes;     /* NULL when the text needed no change */
    size_t len;
    size_t *at;
    size_t n;
    size_t last;     /* orig_off(): the count it found last */
};

struct item {
    struct cite_num num;
    size_t from, to;  /* bytes of the mention */
    char date[CITE_DATE_LEN];
    enum cite_body body;  /* named after the number, or NONE */
};

#define MAX_ITEMS 64

struct ctx {
    const struct lang_table *lt;
    const struct cite_text *t;
    const char *s;
    struct cite_doc *doc;
    const struct cite_diag_sink *sink;
    struct tokview v;

    enum region region;
    int pp, op;
    int footnote_zone;  /* after a "____" rule */
    int in_footnote;
    char where[16];
    enum cite_relation rel;

    enum cite_body sent_body; /* the body last named in this sentence */
    enum cite_body subj_body; /* ... named as an actor, not as the issuer of
                                 a citation: what "its" refers to */
    long last_ref;            /* antecedent for "thereof", anaphora */
    int last_ref_footnote;    /* it stood in a footnote */

    /* header state */
    int want_title;           /* the next header line is the title */
    int pending_op;           /* "1." alone on the line before the verb */
    int date_rank;            /* how sure info.date is (meta.c) */
    struct pending_pin pins;  /* "paragraph 3 of" waiting for its target */

    size_t ndiags;
    size_t id_max;            /* the id-length limit */
    struct norm norm;
    char masthead[64];        /* the symbol atop the first page, if any */
    size_t masthead_end;      /* offset where the first page's top ends */
    struct {
        char dates[8][CITE_DATE_LEN];
        size_t next, left;
    } group;                  /* dates waiting for the next symbols */
    struct {
        int valid;
        size_t off, line, column;
    } loc;

    struct {
        struct item items[MAX_ITEMS];
        size_t n;
        enum cite_body guess;
    } zh_pending;              /* CONT_ZH: members waiting for their 决议 */
    int zh_resuming;

    /* a list cut by a page break, waiting for the line that resumes it */
    struct {
        int active;           /* CONT_*: what the resuming line starts with */
        char partial[CITE_DATE_LEN]; /* CONT_YEAR: "DDMM" already read */
        enum cite_type type;
        enum cite_body guess;
        int explicit;
        size_t ref_from, ref_to;
        enum cite_relation rel;
        char where[16];
    } cont;

    /* the chunk's hot list and breaks (struct tok_buf): the tokens walk()
     * goes to, and where line_end() finds each line's end; at_brk: where
     * it found the last */
    const uint32_t *hot, *brk;
    size_t nhot, nbrk, at_brk;
};

/* ---- dates ------------------------------------------------------------ */

/* ---- numbers ---------------------------------------------------------- */

/*
 * Arabic session prefixes, written together or apart: دإ (special
 * session) and دإط (emergency special session).  Returns 1 or 2 and moves
 * *j past it, or 0.
 */
static int
arabic_session_prefix(const struct ctx *c, size_t *j)
{
    static const char ta[] = "\xD8\xB7";
    static const char want2[] = "\xD8\xAF\xD8\xA5";         /* dal alif */
    static const char want3[] = "\xD8\xAF\xD8\xA5\xD8\xB7"; /* dal alif ta */
    char buf[16];
    size_t n = 0, k = *j;
    while (k < c->v.n && c->v.tk[k].kind == T_WORD && n + c->v.tk[k].len < sizeof buf &&
           k - *j < 3) {
        memcpy(buf + n, c->v.s + c->v.tk[k].off, c->v.tk[k].len);
        n += c->v.tk[k].len;
        k++;
        buf[n] = '\0';
        if (strcmp(buf, want3) == 0) {
            *j = k;
            return 2;
        }
        if (strcmp(buf, want2) == 0 && !word_is(&c->v, k, ta)) {
            *j = k;
            return 1;
        }
    }
    return 0;
}

/* A number token (digits or Chinese numerals) at i: its value, or -1. */
static long
number_at(const struct ctx *c, size_t i, int *ndigits)
{
    if (i < c->v.n && (c->v.tk[i].kind == T_NUM || c->v.tk[i].kind == T_CNUM)) {
        *ndigits = c->v.tk[i].ndigits;
        return (long)c->v.tk[i].val;
    }
    return -1;
}

/* A part letter after a number: "72/266 B", "2200 A (XXI)", Cyrillic "А". */
static int
is_part_letter(const struct ctx *c, size_t k)
{
    if (k >= c->v.n || (c->v.tk[k].kind != T_WORD && c->v.tk[k].kind != T_KW)) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)c->v.s + c->v.tk[k].off;
    size_t len = c->v.tk[k].len;
    if (len == 1) {
        return p[0] >= 'A' && p[0] <= 'Z';
    }
    /* Arabic letter names: ألف, باء, جيم, دال (A, B, C, D) */
    static const char *const ar[] = {"ألف", "باء", "جيم", "دال"};
    for (size_t x = 0; x < sizeof ar / sizeof ar[0]; x++) {
        if (len == strlen(ar[x]) && memcmp(p, ar[x], len) == 0) {
            return 1;
        }
    }
    /* Cyrillic capitals U+0410..U+042F */
    return len == 2 && p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0xAF;
}

/* "1", "11", "111": a Roman session number read by OCR as digits one. */
static int
ocr_roman_ones(const struct ctx *c, size_t i)
{
    const struct tok *t = &c->v.tk[i];
    if (t->kind != T_NUM || t->len > 3) {
        return 0;
    }
    for (size_t x = 0; x < t->len; x++) {
        if (c->v.s[t->off + x] != '1') {
            return 0;
        }
    }
    return (int)t->len;
}

/*
 * A citation number at token i (see the grammar above).  Returns the index
 * after it, or 0.  Repairs what a careful reader repairs, and says so:
 * "660 1990)" (lost bracket), "32 (1)" (Roman I read as one).
 */
static size_t parse_number_raw(struct ctx *c, size_t i, struct cite_num *num);

static size_t
parse_number(struct ctx *c, size_t i, struct cite_num *num)
{
    size_t e = parse_number_raw(c, i, num);
    if (e > 0 && num->repair == 0) {
        for (size_t k = skip_nl(&c->v, i); k < e; k++) {
            if (c->v.tk[k].kind == T_NUM && (c->v.tk[k].flags & TF_OCR)) {
                num->repair = REPAIR_OCR;
                num->repair_off = c->v.tk[k].off;
                break;
            }
        }
    }
    return e;
}

static size_t
parse_number_raw(struct ctx *c, size_t i, struct cite_num *num)
{
    size_t j = skip_nl(&c->v, i);
    int nd;
    memset(num, 0, sizeof *num);
    /* S-24/2: special session; ES-10/19: emergency special session;
     * Arabic دإ-24/2, دإط-10/19 */
    size_t sj = j;
    int special = arabic_session_prefix(c, &sj);
    int es = special == 2 || word_is(&c->v, j, "ES");
    if (special == 0 && (es || word_is(&c->v, j, "S"))) {
        special = es ? 2 : 1;
        sj = j + 1;
    }
    if (special && is_punct(&c->v, sj, '-') && is_num(&c->v, sj + 1) &&
        is_punct(&c->v, sj + 2, '/') && is_num(&c->v, sj + 3)) {
        num->shape = es ? NS_EMERGENCY : NS_SPECIAL;
        num->a = (long)c->v.tk[sj + 1].val;
        num->b = (long)c->v.tk[sj + 3].val;
        return sj + 4;
    }
    long a = number_at(c, j, &nd);
    if (a <= 0 || nd > 5) {
        return 0;
    }
    size_t k = j + 1;
    /* a/b; no space around the slash */
    if (c->v.tk[j].kind == T_NUM && is_punct(&c->v, k, '/') && is_num(&c->v, k + 1) &&
        c->v.tk[k + 1].ndigits <= 5 && c->v.tk[k + 1].val > 0) {
        num->shape = NS_SESSION;
        num->a = a;
        num->b = (long)c->v.tk[k + 1].val;
        k += 2;
        /* part letter: 72/266 B */
        if (is_part_letter(c, k) && !(c->v.tk[k].flags & TF_LINE_START) &&
            !is_punct(&c->v, k + 1, '.')) {
            k++;
        }
        return k;
    }
    /* n [A] ( year | ROMAN | S-ROMAN ) */
    size_t p = skip_nl(&c->v, k);
    if (is_part_letter(c, p) && is_punct(&c->v, skip_nl(&c->v, p + 1), '(')) {
        p = skip_nl(&c->v, p + 1); /* part letter: 2200 A (XXI) */
    }
    int lost_bracket = 0;
    if (!is_punct(&c->v, p, '(')) {
        /* "660 1990)": the opening bracket lost */
        if (!(is_num(&c->v, p) && c->v.tk[p].ndigits == 4 &&
              is_punct(&c->v, skip_nl(&c->v, p + 1), ')'))) {
            return 0;
        }
        lost_bracket = 1;
    } else {
        p = skip_nl(&c->v, p + 1);
    }
    long y = number_at(c, p, &nd);
    size_t close = skip_nl(&c->v, p + 1);
    /* "1546 (2004 and 1637 (2005)": the closing bracket lost */
    int lost_close = !lost_bracket && y >= 0 && nd == 4 && !is_punct(&c->v, close, ')') &&
                     (is_kw(&c->v, close, KW_AND) || is_punct(&c->v, close, ',') ||
                      is_kw(&c->v, close, KW_HAO));
    if (y >= 0 && nd == 4 && (is_punct(&c->v, close, ')') || lost_close)) {
        if (y < 1945 || y > 2100) {
            return 0;
        }
        num->shape = NS_YEAR_PAREN;
        num->a = y;
        num->b = a;
        if (lost_bracket || lost_close) {
            num->repair = REPAIR_BRACKET;
            num->repair_off = c->v.tk[j].off;
        }
        return lost_close ? close : close + 1;
    }
    if (lost_bracket) {
        return 0;
    }
    if (p < c->v.n && c->v.tk[p].kind == T_WORD && (c->v.tk[p].flags & TF_CAP_ROMAN) &&
        is_punct(&c->v, skip_nl(&c->v, p + 1), ')')) {
        num->shape = NS_ROMAN;
        num->b = a;
        num->roman = (int)c->v.tk[p].val;
        return skip_nl(&c->v, p + 1) + 1;
    }
    /* 決議案一八一(二): the session in Chinese numerals */
    if (p < c->v.n && c->v.tk[p].kind == T_CNUM && y > 0 && y <= 60 &&
        is_punct(&c->v, skip_nl(&c->v, p + 1), ')')) {
        num->shape = NS_ROMAN;
        num->b = a;
        num->roman = (int)y;
        return skip_nl(&c->v, p + 1) + 1;
    }
    int ones = p < c->v.n ? ocr_roman_ones(c, p) : 0;
    if (ones > 0 && is_punct(&c->v, skip_nl(&c->v, p + 1), ')')) {
        num->shape = NS_ROMAN;
        num->b = a;
        num->roman = ones;
        num->repair = REPAIR_ROMAN;
        num->repair_off = c->v.tk[p].off;
        return skip_nl(&c->v, p + 1) + 1;
    }
    /* Arabic: (د-21), the session number after د (دورة) */
    if (word_is(&c->v, p, "\xD8\xAF") && is_punct(&c->v, p + 1, '-') && is_num(&c->v, p + 2) &&
        c->v.tk[p + 2].val > 0 && c->v.tk[p + 2].val <= 60 && is_punct(&c->v, p + 3, ')')) {
        num->shape = NS_ROMAN;
        num->b = a;
        num->roman = (int)c->v.tk[p + 2].val;
        return p + 4;
    }
    if (word_is(&c->v, p, "S") && is_punct(&c->v, p + 1, '-') && p + 2 < c->v.n &&
        c->v.tk[p + 2].kind == T_WORD && (c->v.tk[p + 2].flags & TF_CAP_ROMAN) &&
        is_punct(&c->v, p + 3, ')')) {
        num->shape = NS_SPECIAL_ROMAN;
        num->b = a;
        num->roman = (int)c->v.tk[p + 2].val;
        return p + 4;
    }
    return 0;
}

/* ---- diagnostics and positions ----------------------------------------- */

static size_t
orig_off(struct ctx *c, size_t off)
{
    if (c->norm.bytes == NULL) {
        return off;
    }
    /* count replacements before off: offsets come nearly in text order,
     * so from the count found last, a few steps forward; else a binary
     * search */
    const size_t *at = c->norm.at;
    size_t k = c->norm.last;
    if (k <= c->norm.n && (k == 0 || at[k - 1] < off)) {
        for (int steps = 0; k < c->norm.n && at[k] < off && steps < 8; steps++) {
            k++;
        }
        if (k == c->norm.n || at[k] >= off) {
            c->norm.last = k;
            return off + 2 * k;
        }
    }
    size_t lo = 0, hi = c->norm.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->norm.at[mid] < off) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    c->norm.last = lo;
    return off + 2 * lo;
}

/* Builds the normalised copy when the text has full-width forms, in one
 * pass: the copy is begun at the first such form. */
static void
normalise(struct norm *nm, const char *s, size_t start, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    memset(nm, 0, sizeof *nm);
    if (len < 3) {
        return;
    }
    /* a character of three bytes opens with 0xEF before len - 2.  Until
     * one has been changed, memchr() looks for it (most texts but Chinese
     * have none); from then on, the text is read and copied eight bytes
     * at a time (a Chinese text has one every few characters: one loop,
     * not a memchr() and a memcpy() for each) */
    size_t end = len - 2, i = start, w = 0, cap = 0;
    char *out = NULL;
    while (i < end) {
        if (out == NULL) {
            /* nothing changed yet: most texts but Chinese never change */
            const char *q = memchr(s + i, 0xEF, end - i);
            if (q == NULL) {
                break;
            }
            i = (size_t)(q - s);
        } else if (i + 8 <= end) {
            uint64_t v = cite_i_load64le(s + i) ^ (ones * 0xEF);
            uint64_t z = (v - ones) & ~v & highs; /* the first 0xEF, exactly */
            size_t k = z != 0 ? cite_i_ctz64(z) >> 3 : 8;
            memcpy(out + w, s + i, 8); /* room: w + 8 <= i + 8 <= len */
            w += k;
            i += k;
            if (k == 8) {
                continue;
            }
        } else if ((unsigned char)s[i] != 0xEF) {
            out[w++] = s[i];
            i++;
            continue;
        }
        unsigned char b1 = (unsigned char)s[i + 1], b2 = (unsigned char)s[i + 2];
        /* U+FF01..U+FF5E -> U+0021..U+007E */
        unsigned cp = 0;
        if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
            cp = 0xFF00 + (b2 - 0x80);
        } else if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
            cp = 0xFF40 + (b2 - 0x80);
        }
        if (cp == 0) {
            if (out != NULL) {
                out[w++] = s[i];
            }
            i++;
            continue;
        }
        if (out == NULL) {
            out = cite_i_xmalloc(len + 1);
            memcpy(out, s, i);
            w = i;
        }
        if (nm->n == cap) {
            cap = cap ? 2 * cap : 64;
            nm->at = cite_i_xreallocarray(nm->at, cap, sizeof *nm->at);
        }
        nm->at[nm->n++] = w;
        out[w++] = (char)(cp - 0xFEE0);
        i += 3;
    }
    if (out == NULL) {
        return;
    }
    memcpy(out + w, s + i, len - i);
    w += len - i;
    out[w] = '\0';
    nm->bytes = out;
    nm->len = w;
}

/* At most this many diagnostics per document; the rest are counted. */
#define MAX_DIAGS 100


/*
 * Line and column of off.  Citations and diagnostics come nearly in text
 * order, so each position is found from the previous one - forward, or
 * back on the same line - and the whole extraction stays linear even when
 * the text is one enormous line.
 */
static void
locate(struct ctx *c, size_t off, size_t *line, size_t *column)
{
    off = orig_off(c, off);
    if (c->loc.valid && off >= c->loc.off) {
        /* the lines in between from the text's index of them, on from the
         * last place found: characters are counted on the last line only */
        const struct cite_text *t = c->t;
        size_t li = c->loc.line - 1;
        while (li + 1 < t->nlines && t->lines[li + 1] <= off) {
            li++;
        }
        if (li + 1 == c->loc.line) {
            cite_text_locate_from(t, c->loc.off, c->loc.line, c->loc.column, off, line,
                                  column);
        } else {
            cite_text_locate_from(t, t->lines[li], li + 1, 1, off, line, column);
        }
    } else if (c->loc.valid &&
               memchr(c->t->bytes + off, '\n', c->loc.off - off) == NULL) {
        /* a little back on the same line: count the characters between */
        size_t l, back;
        cite_text_locate_from(c->t, off, 1, 0, c->loc.off, &l, &back);
        *line = c->loc.line;
        *column = c->loc.column - back;
    } else {
        cite_text_locate(c->t, off, line, column);
    }
    c->loc.valid = 1;
    c->loc.off = off;
    c->loc.line = *line;
    c->loc.column = *column;
}

static void
report(struct ctx *c, enum cite_diag_code code, size_t off, const char *fmt, ...)
{
    if (c->ndiags++ >= MAX_DIAGS) {
        return;
    }
    size_t line, column;
    locate(c, off, &line, &column);
    va_list ap;
    va_start(ap, fmt);
    cite_text_vdiag_at(c->t, c->sink, code, orig_off(c, off), line, column,
                       fmt, ap);
    va_end(ap);
}

/* ---- bodies ----------------------------------------------------------- */

static enum cite_body
self_body(const struct ctx *c)
{
    return c->doc->info.body;
}

/* The body named by the keyword at i, or NONE. */
static enum cite_body
body_at(const struct ctx *c, size_t i)
{
    if (is_kw(&c->v, i, KW_BODY) && !(c->v.tk[i].flags & TF_QUOTED)) {
        int v = c->v.tk[i].kw->val;
        if (v == BODY_SELF) {
            /* "the Council": the council the sentence last named, else the
             * citing council itself */
            enum cite_body b = c->sent_body;
            if (b == CITE_BODY_HRC || b == CITE_BODY_SC || b == CITE_BODY_ECOSOC) {
                return b;
            }
            b = self_body(c);
            return b != CITE_BODY_NONE ? b : CITE_BODY_HRC;
        }
        return (enum cite_body)v;
    }
    if (is_kw(&c->v, i, KW_ITS)) {
        /* "the General Assembly, in its resolution 60/251" is the Assembly's;
         * "General Assembly resolution 60/251 and its resolution 5/1" in a
         * Council text is the Council's */
        return c->subj_body != CITE_BODY_NONE ? c->subj_body : self_body(c);
    }
    return CITE_BODY_NONE;
}

static int
year_like(long a)
{
    return a >= 1946 && a <= 2100;
}

/*
 * The body of a number given the body the context suggests.  explicit is
 * 1 when a body was named right before the citation.
 */
static enum cite_body
settle_body(struct ctx *c, const struct cite_num *num, enum cite_type type,
            enum cite_body guess, int explicit, size_t off)
{
    switch (num->shape) {
    case NS_YEAR_PAREN:
        return CITE_BODY_SC;
    case NS_ROMAN:
        /* the Assembly numbered its sessions in Roman up to XXX (1975), the
         * Economic and Social Council up to LXIII */
        return guess == CITE_BODY_ECOSOC || num->roman > 30 ? CITE_BODY_ECOSOC : CITE_BODY_GA;
    case NS_SPECIAL_ROMAN:
    case NS_EMERGENCY:
        return CITE_BODY_GA;
    case NS_SPECIAL:
        return guess == CITE_BODY_HRC ? CITE_BODY_HRC : CITE_BODY_GA;
    case NS_SESSION:
        break;
    default:
        return CITE_BODY_NONE;
    }
    if (year_like(num->a)) {
        if (guess == CITE_BODY_CHR || guess == CITE_BODY_ECOSOC ||
            guess == CITE_BODY_SUBCOM) {
            return guess;
        }
        if (guess == CITE_BODY_SC && type == CITE_TYPE_STATEMENT) {
            return guess;
        }
        /* a year before the slash: Commission or ECOSOC, not said which */
        enum cite_body b = num->a <= 2006 ? CITE_BODY_CHR : CITE_BODY_ECOSOC;
        report(c, CITE_D_AMBIGUOUS_BODY, off,
                       "no body named for '%ld/%ld'; read as %s", num->a,
                       num->b, b == CITE_BODY_CHR ? "Commission on Human Rights"
                                                  : "Economic and Social Council");
        return b;
    }
    if (guess == CITE_BODY_HRC && num->b > 150 && num->a >= 31) {
        return CITE_BODY_GA; /* no Council session adopted that many */
    }
    if (guess == CITE_BODY_GA && num->a < 31 && type != CITE_TYPE_DECISION) {
        /* the Assembly numbered its first thirty sessions in Roman
         * numerals: "5/1" is the Council's */
        if (explicit) {
            report(c, CITE_D_AMBIGUOUS_BODY, off,
                   "the General Assembly has no resolution '%ld/%ld'; read as "
                   "Human Rights Council", num->a, num->b);
        }
        return CITE_BODY_HRC;
    }
    if (guess == CITE_BODY_CHR || guess == CITE_BODY_ECOSOC ||
        guess == CITE_BODY_SUBCOM || guess == CITE_BODY_SC ||
        guess == CITE_BODY_NONE) {
        if (type == CITE_TYPE_STATEMENT && guess == CITE_BODY_SC) {
            return guess;
        }
        enum cite_body b = num->a >= 31 ? CITE_BODY_GA : CITE_BODY_HRC;
        if (explicit || guess == CITE_BODY_NONE) {
            report(c, CITE_D_AMBIGUOUS_BODY, off,
                           "'%ld/%ld' cannot be a %s number; read as %s", num->a,
                           num->b, guess == CITE_BODY_NONE ? "known body's" : cite_body_name(guess),
                           b == CITE_BODY_GA ? "General Assembly" : "Human Rights Council");
        }
        return b;
    }
    return guess;
}

/* ---- emitting refs ---------------------------------------------------- */

static int pin_target_follows(const struct ctx *c, size_t e);
static size_t skip_of(const struct ctx *c, size_t i);
static size_t zh_to_di(struct ctx *c, size_t j);
static size_t cite_kind_last(struct ctx *c, size_t i);

static int
is_resolution_like(enum cite_type type)
{
    return type == CITE_TYPE_RESOLUTION || type == CITE_TYPE_DECISION ||
           type == CITE_TYPE_STATEMENT;
}

static struct cite_ref *
add_ref(struct ctx *c, const char *target, enum cite_type type,
        enum cite_body body, size_t from, size_t to)
{
    struct cite_ref *r = cite_doc_add_ref(c->doc);
    r->target = cite_doc_strdup(c->doc, target);
    r->type = type;
    r->body = body;
    r->relation = c->rel;
    memcpy(r->where, c->where, sizeof r->where);
    r->offset = orig_off(c, from);
    r->length = orig_off(c, to) - r->offset;
    locate(c, from, &r->line, &r->column);
    r->text = cite_i_fold(c->doc, c->t->bytes, r->offset, r->offset + r->length);
    if (is_resolution_like(type)) {
        c->last_ref = (long)(c->doc->nrefs - 1);
        c->last_ref_footnote = c->in_footnote;
        /* "paragraph 3 of resolution X" */
        for (size_t i = 0; i < c->pins.n; i++) {
            cite_doc_add_pinpoint(c->doc, r, c->pins.v[i], strlen(c->pins.v[i]));
        }
        c->pins.n = 0;
    }
    return r;
}

static void
pin_add(struct ctx *c, struct cite_ref *ref, const char *p)
{
    if (ref != NULL) {
        cite_doc_add_pinpoint(c->doc, ref, p, strlen(p));
    } else if (c->pins.n < MAX_PINS) {
        size_t l = strlen(p);
        if (l >= sizeof c->pins.v[0]) {
            l = sizeof c->pins.v[0] - 1;
        }
        memcpy(c->pins.v[c->pins.n], p, l);
        c->pins.v[c->pins.n++][l] = '\0';
    }
}

/* A sub-paragraph letter at i: "c", "(c)", "c)"; returns index after, or 0. */
static size_t
subpara_letter(const struct ctx *c, size_t i, char *out)
{
    /* letters as UN texts print them in each script: a, b, c; Arabic أ ب ج د;
     * Cyrillic letters that look Latin (а, с, е, о) typed for them */
    static const struct {
        const char *from;
        char to;
    } map[] = {
        {"\xD8\xA3", 'a'}, {"\xD8\xA8", 'b'}, {"\xD8\xAC", 'c'}, {"\xD8\xAF", 'd'},
        {"\xD9\x87\xD9\x80", 'e'}, {"\xD9\x87", 'e'}, {"\xD9\x88", 'f'},
        {"\xD8\xB2", 'g'}, {"\xD8\xAD", 'h'},
        {"\xD0\xB0", 'a'}, {"\xD1\x81", 'c'}, {"\xD0\xB5", 'e'}, {"\xD0\xBE", 'o'},
    };
    size_t k = skip_nl(&c->v, i);
    int paren = is_punct(&c->v, k, '(');
    if (paren) {
        k++;
    }
    if (k >= c->v.n || (c->v.tk[k].kind != T_WORD && c->v.tk[k].kind != T_KW) ||
        c->v.tk[k].len > 4 || (c->v.tk[k].flags & TF_UPPER)) {
        return 0;
    }
    const char *w = c->v.s + c->v.tk[k].off;
    size_t wl = c->v.tk[k].len;
    int ok = 1;
    for (size_t x = 0; x < wl; x++) {
        ok &= w[x] >= 'a' && w[x] <= 'z';
    }
    if (ok && wl <= 3) {
        memcpy(out, w, wl); /* a, b, ..., ii, iv */
        out[wl] = '\0';
    } else {
        size_t m = 0, nm = sizeof map / sizeof map[0];
        for (; m < nm; m++) {
            if (strlen(map[m].from) == wl && memcmp(map[m].from, w, wl) == 0) {
                break;
            }
        }
        if (m == nm) {
            return 0;
        }
        out[0] = map[m].to;
        out[1] = '\0';
    }
    k++;
    if (is_punct(&c->v, k, ')')) {
        k++;
    } else if (paren || c->v.tk[k - 1].kind == T_KW) {
        return 0;
    }
    return k;
}

/*
 * A list of sub-paragraph letters from k: "(a) and (b)", "a) à d)",
 * "(a)-(d)".  Appends them to out (at most max) and returns the index
 * after the list; *n counts them.
 */
static size_t
letter_list(const struct ctx *c, size_t k, char (*out)[8], size_t max, size_t *n)
{
    char l[8];
    size_t e = subpara_letter(c, k, l);
    if (e == 0) {
        return k;
    }
    *n = 0;
    memcpy(out[(*n)++], l, 8);
    for (;;) {
        size_t q = skip_nl(&c->v, e);
        if (is_punct(&c->v, q, ',')) {
            q = skip_nl(&c->v, q + 1);
        }
        int range = is_kw(&c->v, q, KW_TO) || is_punct(&c->v, q, '-');
        if (is_kw(&c->v, q, KW_AND) || range) {
            q = skip_nl(&c->v, q + 1);
        }
        if (q == skip_nl(&c->v, e)) {
            break;
        }
        size_t e2 = subpara_letter(c, q, l);
        if (e2 == 0) {
            break;
        }
        if (range && l[1] == '\0' && out[*n - 1][1] == '\0' && l[0] > out[*n - 1][0]) {
            for (char x = (char)(out[*n - 1][0] + 1); x < l[0] && *n < max; x++) {
                out[*n][0] = x;
                out[(*n)++][1] = '\0';
            }
        }
        if (*n < max) {
            memcpy(out[(*n)++], l, 8);
        }
        e = e2;
    }
    return e;
}

/*
 * Pinpoint numbers from token i:
 *   n [ '(' letter ')' ] { (',' | and | to | 和) [第] n [...] }
 * "26 to 28" expands to 26, 27, 28.  Each goes to ref (when not NULL) or to
 * the pending list.  Returns the index after the list (i if none).
 */
static size_t
parse_pinlist(struct ctx *c, size_t i, struct cite_ref *ref)
{
    size_t j = skip_nl(&c->v, i);
    if (is_punct(&c->v, j, '.') && !(c->v.tk[j].flags & TF_SPACE_BEFORE)) {
        j = skip_nl(&c->v, j + 1); /* para. 57, par. 40 */
    }
    if (is_kw(&c->v, j, KW_OF) && is_num(&c->v, skip_nl(&c->v, j + 1))) {
        j = skip_nl(&c->v, j + 1); /* الفقرات من 2 إلى 4, пункты с 2 по 4 */
    }
    long prev = -1;
    int range = 0, any = 0;
    for (;;) {
        if (is_kw(&c->v, j, KW_DI)) {
            j = skip_nl(&c->v, j + 1);
        }
        if (!is_num(&c->v, j) || c->v.tk[j].ndigits > 3) {
            break;
        }
        long n = (long)c->v.tk[j].val;
        char buf[48];
        size_t k = j + 1;
        char letters[26][8];
        size_t nl = 0;
        char probe[8];
        size_t e = subpara_letter(c, k, probe);
        /* "3 (c)", "3(c)", "3 c)": a letter belongs to the number before it */
        if (e > 0 && (is_punct(&c->v, k, '(') || is_punct(&c->v, e - 1, ')') ||
                      !(c->v.tk[k].flags & TF_SPACE_BEFORE))) {
            k = letter_list(c, k, letters, 26, &nl);
        }
        if (range && prev >= 0 && n > prev && n - prev <= 100) {
            for (long x = prev + 1; x < n; x++) {
                char rb[24];
                snprintf(rb, sizeof rb, "%ld", x);
                pin_add(c, ref, rb);
            }
        }
        if (nl == 0) {
            snprintf(buf, sizeof buf, "%ld", n);
            pin_add(c, ref, buf);
        }
        for (size_t x = 0; x < nl; x++) {
            snprintf(buf, sizeof buf, "%ld(%.7s)", n, letters[x]);
            pin_add(c, ref, buf);
        }
        prev = n;
        any = 1;
        j = skip_nl(&c->v, k);
        size_t save = j;
        if (is_punct(&c->v, j, ',')) {
            j = skip_nl(&c->v, j + 1);
        }
        range = is_kw(&c->v, j, KW_TO) || is_punct(&c->v, j, '-');
        if (is_kw(&c->v, j, KW_AND) || range) {
            j = skip_nl(&c->v, j + 1);
        }
        if (!(is_num(&c->v, j) ||
              (is_kw(&c->v, j, KW_DI) && is_num(&c->v, skip_nl(&c->v, j + 1))))) {
            j = save;
            break;
        }
    }
    return any ? j : i;
}

/* Skips "of", "de la", "en date du", ...: any run of KW_OF. */
static size_t
skip_of(const struct ctx *c, size_t i)
{
    size_t j = skip_nl(&c->v, i);
    while (is_kw(&c->v, j, KW_OF) || is_kw(&c->v, j, KW_ARTICLE) ||
           is_kw(&c->v, j, KW_RESPECTIVELY)) {
        j = skip_nl(&c->v, j + 1);
    }
    return j;
}

/* ---- citations ---------------------------------------------------------- */

/*
 * 1 when the body named at i is the issuer of a citation that follows
 * ("General Assembly resolution", 人权委员会各项决议, 理事会 2007 年 ... 第),
 * not the actor of a clause ("adopted by the General Assembly in its").
 */
static int
names_issuer(struct ctx *c, size_t i)
{
    size_t k = skip_nl(&c->v, i + 1);
    if (is_kw(&c->v, k, KW_RES) || is_kw(&c->v, k, KW_DEC) ||
        is_kw(&c->v, k, KW_STATEMENT) || is_kw(&c->v, k, KW_DI)) {
        return 1;
    }
    if (c->lt->kind_after) {
        char d[CITE_DATE_LEN];
        /* 人权委员会各项决议; 理事会 2007 年 6 月 18 日第 */
        return cite_i_date_at(&c->v, k, d) > 0 ||
               (k < c->v.n && c->v.tk[k].kind == T_HAN && c->v.tk[k].len <= 6 &&
                is_kw(&c->v, k + 1, KW_RES));
    }
    return 0;
}

static enum cite_type
kind_type(const struct ctx *c, size_t i)
{
    switch (c->v.tk[i].kw->cls) {
    case KW_DEC:
        return CITE_TYPE_DECISION;
    case KW_STATEMENT:
        return CITE_TYPE_STATEMENT;
    default:
        return CITE_TYPE_RESOLUTION;
    }
}

static int
is_kind(const struct ctx *c, size_t i)
{
    return is_kw(&c->v, i, KW_RES) || is_kw(&c->v, i, KW_DEC) ||
           is_kw(&c->v, i, KW_STATEMENT);
}


/* Turns parsed items into refs. */
static void
emit_items(struct ctx *c, struct item *items, size_t n, enum cite_type type,
           enum cite_body guess, int explicit, const char *shared_date)
{
    for (size_t x = 0; x < n; x++) {
        struct item *it = &items[x];
        int ex = explicit || it->body != CITE_BODY_NONE;
        enum cite_body g = it->body != CITE_BODY_NONE ? it->body : guess;
        enum cite_body body = settle_body(c, &it->num, type, g, ex, it->from);
        char id[64];
        if (!cite_i_canonical_id(id, sizeof id, &it->num, type, body)) {
            continue;
        }
        if (c->doc->info.id != NULL && strcmp(id, c->doc->info.id) == 0 &&
            c->region == R_HEADER) {
            continue; /* the document's own number in its heading */
        }
        if (it->num.repair == REPAIR_BRACKET) {
            report(c, CITE_D_REPAIRED, it->num.repair_off,
                   "read '%ld %ld)' as '%ld (%ld)': a bracket was lost",
                   it->num.b, it->num.a, it->num.b, it->num.a);
        } else if (it->num.repair == REPAIR_ROMAN) {
            report(c, CITE_D_REPAIRED, it->num.repair_off,
                   "read '%ld (%.*s)' as a Roman session number", it->num.b,
                   it->num.roman, "111");
        } else if (it->num.repair == REPAIR_OCR) {
            report(c, CITE_D_REPAIRED, it->num.repair_off,
                   "read letters in a number as digits: '%s'", id);
        }
        struct cite_ref *r = add_ref(c, id, type, body, it->from, it->to);
        const char *d = it->date[0] ? it->date : shared_date;
        if (d != NULL && d[0] != '\0') {
            memcpy(r->date, d, CITE_DATE_LEN);
        }
    }
}

/* Pinpoints right after a citation: ", paragraph 3" / "第 3 和第 4 段". */
static size_t
trailing_pinpoints(struct ctx *c, size_t j)
{
    if (c->last_ref < 0) {
        return j;
    }
    struct cite_ref *r = &c->doc->refs[c->last_ref];
    c->pins.n = 0;
    if (c->lt->kind_after) {
        j = skip_nl(&c->v, j);
        /* ，特别是其中第7和第8段 */
        if (is_punct(&c->v, j, ',') && is_kw(&c->v, j + 1, KW_IN_PARTICULAR)) {
            size_t p = j + 2;
            if (is_kw(&c->v, p, KW_ITS)) {
                p++;
            }
            if (is_kw(&c->v, p, KW_DI)) {
                j = p;
            }
        }
        size_t d = is_kw(&c->v, j, KW_OF) ? j + 1 : j; /* 执行部分第4段 */
        if (is_kw(&c->v, d, KW_DI) && is_num(&c->v, skip_nl(&c->v, d + 1))) {
            size_t e = parse_pinlist(c, d, NULL);
            size_t npins = c->pins.n;
            c->pins.n = 0;
            if (is_kw(&c->v, e, KW_PARA)) {
                /* 第3段(a)至(d)项: sub-paragraphs of one paragraph */
                char letters[26][8];
                size_t nl = 0;
                size_t le = letter_list(c, e + 1, letters, 26, &nl);
                size_t p = skip_nl(&c->v, d + 1);
                if (nl > 0 && npins == 1) {
                    for (size_t x = 0; x < nl; x++) {
                        char buf[48];
                        snprintf(buf, sizeof buf, "%ld(%.7s)", (long)c->v.tk[p].val,
                                 letters[x]);
                        cite_doc_add_pinpoint(c->doc, r, buf, strlen(buf));
                    }
                    return le < c->v.n && c->v.tk[le].kind == T_HAN ? le + 1 : le;
                }
                parse_pinlist(c, d, r);
                return e + 1;
            }
        }
        return j;
    }
    size_t k = j;
    if (is_punct(&c->v, k, ',')) {
        k = skip_nl(&c->v, k + 1);
    }
    /* ", in particular its paragraphs 7 and 8" */
    if (is_kw(&c->v, k, KW_IN_PARTICULAR)) {
        k = skip_nl(&c->v, k + 1);
        if (is_kw(&c->v, k, KW_ITS) || is_kw(&c->v, k, KW_ARTICLE)) {
            k = skip_nl(&c->v, k + 1);
        }
    }
    if (is_kw(&c->v, k, KW_PARA)) {
        size_t e = parse_pinlist(c, k + 1, NULL);
        c->pins.n = 0;
        if (e > k + 1 && !pin_target_follows(c, e)) {
            parse_pinlist(c, k + 1, r);
            return e;
        }
    }
    return j;
}

/*
 * After an item: [','] [of]* DATE.  Returns the index after the date and
 * fills date, or returns 0.
 */
static size_t
item_date(struct ctx *c, size_t j, char *date)
{
    size_t k = skip_nl(&c->v, j);
    if (is_punct(&c->v, k, ',')) {
        k = skip_nl(&c->v, k + 1);
    }
    k = skip_of(c, k);
    return cite_i_date_at(&c->v, k, date);
}

/* After an item: [of] BODY (Russian genitive, French "du Conseil").
 * Returns the index after the body and sets *body, or returns 0. */
static size_t
item_body(struct ctx *c, size_t j, enum cite_body *body)
{
    size_t k = skip_of(c, j);
    if (is_kw(&c->v, k, KW_BODY) && !(c->v.tk[k].flags & TF_QUOTED)) {
        *body = body_at(c, k);
        c->sent_body = *body;
        return k + 1;
    }
    return 0;
}

/* A footnote mark left in the text after a member: ",3 22/22", "2013, 4". */
static size_t
skip_footnote_mark(struct ctx *c, size_t k)
{
    struct cite_num probe;
    k = skip_nl(&c->v, k);
    if (is_num(&c->v, k) && c->v.tk[k].ndigits <= 3 && parse_number(c, k, &probe) == 0 &&
        !is_punct(&c->v, k + 1, '/')) {
        return skip_nl(&c->v, k + 1);
    }
    return k;
}

/*
 * A title between the members of a list: "5/1, on institution-building of
 * the Council, and 5/2", "23/13 of 13 June 2013 on attacks ... 11 and
 * 24/33".  From j (after a member), returns the index of the next member
 * (*member = 1), or the end of a date closing the list ("..., of 18 June
 * 2007": *member = 0, date filled), or 0 when no title stands there.
 */
static size_t
skip_title(struct ctx *c, size_t j, int *member, char *date)
{
    size_t k = skip_nl(&c->v, j);
    int comma = is_punct(&c->v, k, ',');
    size_t w = comma ? skip_nl(&c->v, k + 1) : k;
    if (!(is_kw(&c->v, w, KW_TITLE_INTRO) || is_punct(&c->v, w, '"'))) {
        return 0;
    }
    for (size_t p = w + 1, steps = 0; p < c->v.n && steps < 60; p++, steps++) {
        const struct tok *t = &c->v.tk[p];
        if (t->kind == T_PARA || is_kind(c, p) ||
            (t->kind == T_PUNCT && (t->ch == ';' || (t->ch == '.' && !is_num(&c->v, p + 1))))) {
            return 0;
        }
        if (is_kw(&c->v, p, KW_OF) && !is_kw(&c->v, p - 1, KW_OF)) {
            size_t de = cite_i_date_at(&c->v, skip_of(c, p), date);
            if (de > 0) {
                *member = 0;
                return de;
            }
        }
        if (!(is_punct(&c->v, p, ',') || is_kw(&c->v, p, KW_AND))) {
            continue;
        }
        size_t q = p;
        if (is_punct(&c->v, q, ',')) {
            q = skip_nl(&c->v, q + 1);
        }
        if (is_kw(&c->v, q, KW_AND)) {
            q = skip_nl(&c->v, q + 1);
        }
        q = skip_footnote_mark(c, q);
        struct cite_num probe;
        if (parse_number(c, q, &probe) > 0) {
            *member = 1;
            return q;
        }
        size_t de = item_date(c, p, date);
        if (de > 0) {
            *member = 0;
            return de;
        }
    }
    return 0;
}

/* A date that ends right before token i in the same clause:
 * 一九四六年二月九日决议案三十二(一).  Fills date; 1 if found. */
static int
date_before(struct ctx *c, size_t i, char *date)
{
    for (size_t back = 1; back <= 12 && back <= i; back++) {
        size_t p = i - back;
        const struct tok *t = &c->v.tk[p];
        if (t->kind == T_PARA ||
            (t->kind == T_PUNCT && (t->ch == ',' || t->ch == ';' || t->ch == '.' ||
                                    t->ch == ':'))) {
            return 0;
        }
        size_t e = cite_i_date_at(&c->v, p, date);
        if (e > 0 && e <= i) {
            for (size_t x = e; x < i; x++) {
                if (c->v.tk[x].kind == T_PUNCT || c->v.tk[x].kind == T_PARA) {
                    return 0;
                }
            }
            return 1;
        }
    }
    return 0;
}

/*
 * "67/1 and 68/1 of 24 September 2012 and 20 September 2013, respectively":
 * after the first date (ending at de), more dates for as many members.
 * When their count is the count of undated members, each member gets its
 * own (the first keeps `first`, the others are written into items);
 * otherwise nothing changes.  Returns the index after what was read.
 */
static size_t
parallel_dates(struct ctx *c, size_t de, const char *first, struct item *items,
               size_t n)
{
    char dates[MAX_ITEMS][CITE_DATE_LEN];
    size_t m = 1, j = de;
    memcpy(dates[0], first, CITE_DATE_LEN);
    while (m < MAX_ITEMS) {
        size_t k = skip_nl(&c->v, j);
        if (is_punct(&c->v, k, ',')) {
            k = skip_nl(&c->v, k + 1);
        }
        if (!is_kw(&c->v, k, KW_AND) && k == skip_nl(&c->v, j)) {
            break;
        }
        if (is_kw(&c->v, k, KW_AND)) {
            k = skip_nl(&c->v, k + 1);
        }
        size_t e = cite_i_date_at(&c->v, skip_of(c, k), dates[m]);
        if (e == 0) {
            break;
        }
        m++;
        j = e;
    }
    if (m < 2 || m != n) {
        return de;
    }
    for (size_t x = 1; x < n; x++) {
        memcpy(items[x].date, dates[x], CITE_DATE_LEN);
    }
    /* ", respectively" */
    size_t k = skip_nl(&c->v, j);
    if (is_punct(&c->v, k, ',') && is_kw(&c->v, skip_nl(&c->v, k + 1), KW_RESPECTIVELY)) {
        return skip_nl(&c->v, k + 1) + 1;
    }
    return is_kw(&c->v, k, KW_RESPECTIVELY) ? k + 1 : j;
}

/*
 * The members of a list from token j, the first one's mention starting at
 * byte head (the kind word).  Emits them; returns the index after the list,
 * or 0 when no member stands at j.
 */
static size_t
cite_list(struct ctx *c, size_t head, size_t j, enum cite_type type,
          enum cite_body guess, int explicit)
{
    size_t start_refs = c->doc->nrefs;
    struct item items[MAX_ITEMS];
    size_t n = 0, undated = 0, unbodied = 0;
    for (;;) {
        if (n == MAX_ITEMS) {
            /* a very long list: emit what is read and go on */
            emit_items(c, items, n, type, guess, explicit, NULL);
            n = undated = unbodied = 0;
        }
        size_t k = skip_nl(&c->v, j);
        struct item *it = &items[n];
        memset(it, 0, sizeof *it);
        size_t e = parse_number(c, k, &it->num);
        if (e == 0) {
            break;
        }
        it->from = n == 0 ? head : c->v.tk[k].off;
        it->to = tok_end(&c->v, e - 1);
        n++;
        j = e;
        /* "1546 (2004)3": a footnote mark glued to the number */
        if (is_num(&c->v, j) && !(c->v.tk[j].flags & TF_SPACE_BEFORE) &&
            c->v.tk[j].ndigits <= 3 && !is_punct(&c->v, j + 1, '/')) {
            j++;
        }
        /* what may follow a member: its date, its body, both */
        for (int round = 0; round < 2; round++) {
            char date[CITE_DATE_LEN] = "";
            enum cite_body body;
            size_t de = item_date(c, j, date);
            if (de > 0) {
                de = parallel_dates(c, de, date, items + undated, n - undated);
                for (size_t x = undated; x < n; x++) {
                    if (items[x].date[0] == '\0' || x == undated) {
                        memcpy(items[x].date, date, CITE_DATE_LEN);
                    }
                }
                undated = n;
                j = de;
                continue;
            }
            size_t be = item_body(c, j, &body);
            if (be > 0) {
                for (size_t x = unbodied; x < n; x++) {
                    items[x].body = body;
                }
                unbodied = n;
                j = be;
                continue;
            }
            break;
        }
        /* a title between members, a footnote mark, a separator */
        char tdate[CITE_DATE_LEN] = "";
        int member = 0;
        size_t te = skip_title(c, j, &member, tdate);
        if (te > 0 && member) {
            j = te;
            continue;
        }
        if (te > 0) {
            for (size_t x = undated; x < n; x++) {
                memcpy(items[x].date, tdate, CITE_DATE_LEN);
            }
            undated = n;
            j = te;
            break;
        }
        size_t save = j;
        k = skip_nl(&c->v, j);
        if (is_punct(&c->v, k, ',')) {
            k = skip_nl(&c->v, k + 1);
        }
        k = skip_footnote_mark(c, k);
        if (is_kw(&c->v, k, KW_AND)) {
            k = skip_nl(&c->v, k + 1);
        }
        if (k == skip_nl(&c->v, save)) {
            break; /* no separator */
        }
        struct cite_num probe;
        if (parse_number(c, k, &probe) == 0) {
            j = save;
            break;
        }
        j = k;
    }
    size_t first_ref = c->doc->nrefs;
    if (n == 0) {
        return first_ref > start_refs ? j : 0;
    }
    emit_items(c, items, n, type, guess, explicit, NULL);
    /*
     * A page break in the middle of the list: "43/29 of", "and 52/7 of 3
     * April", "46/15, de 23 de marzo de 2021, y" and then footnotes, the
     * running header and footer.  Remember the list so that the line where
     * the sentence resumes can finish it: with the date, the year, or the
     * next members.
     */
    size_t k = skip_nl(&c->v, j);
    int kind = CONT_NONE;
    char partial[CITE_DATE_LEN] = "";
    size_t after = k, ret = j;
    if (is_punct(&c->v, after, ',')) {
        after = skip_nl(&c->v, after + 1);
    }
    if (is_kw(&c->v, after, KW_AND)) {
        kind = CONT_MEMBER;
        ret = after + 1;
    } else if (undated < n) {
        size_t o = skip_of(c, k);
        if (o > k) {
            kind = CONT_DATE;
            ret = o;
            while (ret > k && c->v.tk[ret - 1].kind == T_NL) {
                ret--;
            }
            /* "of 3 April": the year is on the next page */
            size_t d = o;
            if (is_num(&c->v, d) && c->v.tk[d].ndigits <= 2 && is_kw(&c->v, skip_nl(&c->v, d + 1), KW_MONTH)) {
                size_t m = skip_nl(&c->v, d + 1);
                snprintf(partial, sizeof partial, "%02ld%02d", (long)c->v.tk[d].val,
                         c->v.tk[m].kw->val);
                kind = CONT_YEAR;
                ret = m + 1;
            }
        }
    }
    /* the walk goes on from ret, so the lines in between are read */
    k = skip_nl(&c->v, ret);
    if (kind != CONT_NONE && c->doc->nrefs > first_ref &&
        (k >= c->v.n || c->v.tk[k].kind == T_PARA || is_punct(&c->v, k, '_'))) {
        c->cont.active = kind;
        c->cont.type = type;
        c->cont.guess = guess;
        c->cont.explicit = explicit;
        c->cont.ref_from = first_ref + (kind == CONT_MEMBER ? n : undated);
        c->cont.ref_to = c->doc->nrefs;
        c->cont.rel = c->rel;
        memcpy(c->cont.partial, partial, sizeof partial);
        memcpy(c->cont.where, c->where, sizeof c->where);
        return ret;
    }
    return trailing_pinpoints(c, j);
}

/*
 * Kind first (en, fr, es, ru, ar): KIND [BODY] list, at the kind token i.
 * Returns the index after the citation, or i + 1.
 */
static size_t
cite_kind_first(struct ctx *c, size_t i)
{
    enum cite_type type = kind_type(c, i);
    enum cite_body guess = i > 0 ? body_at(c, i - 1) : CITE_BODY_NONE;
    int explicit = guess != CITE_BODY_NONE;
    size_t j = i + 1;
    if (explicit && is_kw(&c->v, i - 1, KW_BODY)) {
        c->sent_body = guess;
    }
    /* Arabic puts "its" on the word: قراره, قرارها, قراراته */
    if (!explicit && c->v.tk[i].kw->val == KWV_POSSESSIVE) {
        guess = c->subj_body != CITE_BODY_NONE ? c->subj_body : self_body(c);
        explicit = 1;
    }
    /* قرار مجلس الأمن 242 (1967); las resoluciones del Consejo ... 5/1 */
    size_t b = skip_of(c, j);
    struct cite_num probe;
    if (!explicit && is_kw(&c->v, b, KW_BODY) && !(c->v.tk[b].flags & TF_QUOTED) &&
        parse_number(c, skip_nl(&c->v, b + 1), &probe) > 0) {
        guess = body_at(c, b);
        explicit = 1;
        c->sent_body = guess;
        j = b + 1;
    }
    if (!explicit) {
        guess = c->sent_body != CITE_BODY_NONE ? c->sent_body : self_body(c);
    }
    size_t e = cite_list(c, c->v.tk[i].off, j, type, guess, explicit);
    return e > 0 ? e : i + 1;
}

/* Does the line at i resume the list that a page break cut? */
static int
resumes(struct ctx *c, size_t i)
{
    char d[CITE_DATE_LEN];
    struct cite_num probe;
    switch (c->cont.active) {
    case CONT_DATE:
        return cite_i_date_at(&c->v, i, d) > 0;
    case CONT_YEAR:
        return is_num(&c->v, i) && c->v.tk[i].ndigits >= 4 && c->v.tk[i].ndigits <= 6;
    case CONT_MEMBER:
        return parse_number(c, i, &probe) > 0;
    case CONT_ZH:
        return is_kw(&c->v, i, KW_DI) ||
               (cite_i_date_at(&c->v, i, d) > 0 && is_kw(&c->v, zh_to_di(c, cite_i_date_at(&c->v, i, d)), KW_DI));
    default:
        return 0;
    }
}

/*
 * A line that resumes a list cut by a page break: "22 June 2020,7 49/9 of
 * ...".  Dates the members left undated and reads the rest of the list.
 */
static size_t
cite_resume(struct ctx *c, size_t i)
{
    char date[CITE_DATE_LEN] = "";
    size_t de = 0;
    int kind = c->cont.active;
    c->cont.active = 0;
    if (kind == CONT_ZH) {
        enum cite_relation rel = c->rel;
        char where[16];
        memcpy(where, c->where, sizeof where);
        c->rel = c->cont.rel;
        memcpy(c->where, c->cont.where, sizeof where);
        c->zh_resuming = 1;
        size_t e = cite_kind_last(c, i);
        c->zh_resuming = 0;
        c->rel = rel;
        memcpy(c->where, where, sizeof where);
        c->zh_pending.n = 0;
        return e;
    }
    if (kind == CONT_DATE) {
        de = cite_i_date_at(&c->v, i, date);
    } else if (kind == CONT_YEAR && is_num(&c->v, i) && c->v.tk[i].ndigits >= 4) {
        char buf[5];
        memcpy(buf, c->v.s + c->v.tk[i].off, 4); /* 20235 = 2023 + note 5 */
        buf[4] = '\0';
        int d = (c->cont.partial[0] - '0') * 10 + (c->cont.partial[1] - '0');
        int m = (c->cont.partial[2] - '0') * 10 + (c->cont.partial[3] - '0');
        if (cite_i_date_format(date, atoi(buf), m, d)) {
            de = i + 1;
        }
    } else if (kind == CONT_MEMBER) {
        de = i;
    }
    if (de == 0) {
        return i;
    }
    for (size_t r = c->cont.ref_from; date[0] && r < c->cont.ref_to && r < c->doc->nrefs; r++) {
        if (c->doc->refs[r].date[0] == '\0') {
            memcpy(c->doc->refs[r].date, date, CITE_DATE_LEN);
        }
    }
    size_t k = skip_nl(&c->v, de);
    if (kind != CONT_MEMBER) {
        if (is_punct(&c->v, k, ',')) {
            k = skip_nl(&c->v, k + 1);
        }
        k = skip_footnote_mark(c, k);
        if (is_kw(&c->v, k, KW_AND)) {
            k = skip_nl(&c->v, k + 1);
        }
    }
    enum cite_relation rel = c->rel;
    char where[16];
    memcpy(where, c->where, sizeof where);
    c->rel = c->cont.rel;
    memcpy(c->where, c->cont.where, sizeof where);
    size_t e = k < c->v.n ? cite_list(c, c->v.tk[k].off, k, c->cont.type,
                                      c->cont.guess, c->cont.explicit) : 0;
    c->rel = rel;
    memcpy(c->where, where, sizeof where);
    return e > 0 ? e : (de > i ? de : i + 1);
}

/*
 * After a date in Chinese, what may stand before 第: a body
 * (安全理事会第338(1973)号), a title (题为“……”的, 关于……的), 通过的.
 * Returns the index of 第, or j when none follows.
 */
static size_t
zh_to_di(struct ctx *c, size_t j)
{
    if (is_kw(&c->v, j, KW_BODY) && is_kw(&c->v, skip_nl(&c->v, j + 1), KW_DI)) {
        return skip_nl(&c->v, j + 1);
    }
    size_t limit = is_kw(&c->v, j, KW_TITLE_INTRO) ? 80 : 3;
    for (size_t k = j, steps = 0; k < c->v.n && steps <= limit; k++, steps++) {
        struct cite_num probe;
        if (is_kw(&c->v, k, KW_DI) && parse_number(c, skip_nl(&c->v, k + 1), &probe) > 0) {
            return k;
        }
        if (c->v.tk[k].kind == T_PARA || is_punct(&c->v, k, ';') ||
            is_punct(&c->v, k, '.') || is_kind(c, k) ||
            (is_punct(&c->v, k, ',') && !(c->v.tk[k].flags & TF_QUOTED) &&
             !(c->v.tk[k].len == 3 && memcmp(c->v.s + c->v.tk[k].off, "\xE3\x80\x81", 3) == 0)) ||
            (limit == 3 && c->v.tk[k].kind != T_HAN && !is_kw(&c->v, k, KW_ADOPTED))) {
            break;
        }
    }
    return j;
}

/*
 * Kind last (zh): [DATE] 第 item [号] { (、|和|及) [第] item [号] } KIND, at
 * token i (the date or 第).  Returns the index after it, or i + 1.
 */
static size_t
cite_kind_last(struct ctx *c, size_t i)
{
    /* one date, or a list of dates given respectively (分别于 D1 和 D2) */
    char dates[MAX_ITEMS][CITE_DATE_LEN];
    size_t nd = 0;
    size_t j = i;
    size_t de = cite_i_date_at(&c->v, i, dates[0]);
    if (de > 0) {
        nd = 1;
        j = skip_nl(&c->v, de);
        while (nd < MAX_ITEMS && (is_kw(&c->v, j, KW_AND) ||
                                  (is_punct(&c->v, j, ',') && j > 0))) {
            size_t e = cite_i_date_at(&c->v, skip_nl(&c->v, j + 1), dates[nd]);
            if (e == 0) {
                break;
            }
            nd++;
            j = skip_nl(&c->v, e);
        }
        j = zh_to_di(c, j);
    }
    if (!is_kw(&c->v, j, KW_DI)) {
        return i + 1;
    }
    struct item items[MAX_ITEMS];
    size_t n = 0;
    char current[CITE_DATE_LEN] = "";
    if (nd == 1) {
        memcpy(current, dates[0], CITE_DATE_LEN);
    }
    size_t from = c->v.tk[i].off;
    j = skip_nl(&c->v, j + 1);
    while (n < MAX_ITEMS) {
        struct item *it = &items[n];
        memset(it, 0, sizeof *it);
        size_t e = parse_number(c, j, &it->num);
        if (e == 0) {
            break;
        }
        it->from = from;
        it->to = tok_end(&c->v, e - 1);
        memcpy(it->date, current, CITE_DATE_LEN);
        e = skip_nl(&c->v, e);
        if (is_kw(&c->v, e, KW_HAO)) {
            it->to = tok_end(&c->v, e);
            e = skip_nl(&c->v, e + 1);
        }
        n++;
        j = e;
        if (is_punct(&c->v, j, ',') && c->v.tk[j].len == 3 &&
            memcmp(c->v.s + c->v.tk[j].off, "\xE3\x80\x81", 3) == 0) {
            j = skip_nl(&c->v, j + 1); /* 、 */
        } else if (is_kw(&c->v, j, KW_AND)) {
            j = skip_nl(&c->v, j + 1);
        } else {
            break;
        }
        from = c->v.tk[j].off;
        /* 第1483(2003)号和2003年10月16日[题为“……”的]第1511(2003)号决议 */
        char d[CITE_DATE_LEN];
        size_t de2 = cite_i_date_at(&c->v, j, d);
        if (de2 > 0 && is_kw(&c->v, zh_to_di(c, skip_nl(&c->v, de2)), KW_DI)) {
            memcpy(current, d, CITE_DATE_LEN);
            j = zh_to_di(c, skip_nl(&c->v, de2));
        } else if (is_kw(&c->v, j, KW_TITLE_INTRO)) {
            j = zh_to_di(c, j); /* 第5/1号和关于……的第5/2号决议 */
        }
        if (is_kw(&c->v, j, KW_DI)) {
            j = skip_nl(&c->v, j + 1);
        }
    }
    size_t pj = j;
    while (pj > 0 && c->v.tk[pj - 1].kind == T_NL) {
        pj--;
    }
    if (n > 0 && !is_kind(c, j) && pj > 0 && is_kw(&c->v, pj - 1, KW_AND) &&
        (j >= c->v.n || c->v.tk[j].kind == T_PARA || is_punct(&c->v, j, '_'))) {
        /* 第46/15号和 | page break | 2023年4月3日第52/7号决议: the kind
         * word is on the next page; keep the members for it */
        size_t keep = n < MAX_ITEMS ? n : MAX_ITEMS;
        memcpy(c->zh_pending.items, items, keep * sizeof items[0]);
        c->zh_pending.n = keep;
        size_t bk = i > 0 ? i - 1 : 0;
        c->zh_pending.guess = i > 0 ? body_at(c, bk) : CITE_BODY_NONE;
        if (c->zh_pending.guess == CITE_BODY_NONE) {
            c->zh_pending.guess = c->sent_body != CITE_BODY_NONE ? c->sent_body : self_body(c);
        }
        c->cont.active = CONT_ZH;
        c->cont.rel = c->rel;
        memcpy(c->cont.where, c->where, sizeof c->where);
        return pj;
    }
    if (n == 0 || !is_kind(c, j)) {
        return i + 1;
    }
    if (nd > 1 && nd == n) {
        for (size_t x = 0; x < n; x++) {
            memcpy(items[x].date, dates[x], CITE_DATE_LEN);
        }
    }
    enum cite_type type = kind_type(c, j);
    /* the body right before the head, or between the date and 第 */
    size_t bk = i > 0 ? i - 1 : 0;
    /* 理事会分别于 D1 和 D2: past "respectively" and 于 */
    for (int back = 0; back < 2 && bk > 0 && !is_kw(&c->v, bk, KW_BODY); back++) {
        if (!is_kw(&c->v, bk, KW_RESPECTIVELY) &&
            !(c->v.tk[bk].kind == T_HAN && c->v.tk[bk].len <= 3)) {
            break;
        }
        bk--;
    }
    enum cite_body guess = i > 0 ? body_at(c, bk) : CITE_BODY_NONE;
    if (de > 0 && is_kw(&c->v, skip_nl(&c->v, de), KW_BODY)) {
        bk = skip_nl(&c->v, de);
        guess = body_at(c, bk);
    }
    int explicit = guess != CITE_BODY_NONE;
    if (explicit && is_kw(&c->v, bk, KW_BODY)) {
        c->sent_body = guess;
    }
    if (!explicit) {
        guess = c->sent_body != CITE_BODY_NONE ? c->sent_body : self_body(c);
    }
    if (c->zh_pending.n > 0 && c->zh_resuming) {
        /* the members before the page break, then these */
        size_t pn = c->zh_pending.n;
        c->zh_pending.n = 0;
        emit_items(c, c->zh_pending.items, pn, type, c->zh_pending.guess, 1, NULL);
        guess = c->zh_pending.guess;
        explicit = 1;
    }
    emit_items(c, items, n, type, guess, explicit, NULL);
    return trailing_pinpoints(c, skip_nl(&c->v, j + 1));
}

/* A symbol's addenda and corrigenda: "S/11670 and Corr.1", "et Add.2". */
static size_t
symbol_suffixes(struct ctx *c, size_t j, const char *id)
{
    for (;;) {
        size_t k = skip_nl(&c->v, j);
        if (is_punct(&c->v, k, ',')) {
            k = skip_nl(&c->v, k + 1);
        }
        if (!is_kw(&c->v, k, KW_AND)) {
            return j;
        }
        k = skip_nl(&c->v, k + 1);
        if (k + 2 >= c->v.n || c->v.tk[k].kind != T_WORD ||
            !is_punct(&c->v, k + 1, '.') || !is_num(&c->v, k + 2) ||
            c->v.tk[k + 1].flags & TF_SPACE_BEFORE) {
            return j;
        }
        const char *w = c->v.s + c->v.tk[k].off;
        size_t wl = c->v.tk[k].len;
        if (!((wl == 4 && memcmp(w, "Corr", 4) == 0) ||
              (wl == 3 && memcmp(w, "Add", 3) == 0) ||
              (wl == 3 && memcmp(w, "Rev", 3) == 0))) {
            return j;
        }
        char sub[160];
        int sl = snprintf(sub, sizeof sub, "%s/%.*s.%ld", id, (int)wl, w,
                          (long)c->v.tk[k + 2].val);
        if (sl < 0 || (size_t)sl >= sizeof sub) {
            return j; /* an id too long for a suffix: not cut short */
        }
        add_ref(c, sub, CITE_TYPE_DOCUMENT, CITE_BODY_NONE, c->v.tk[k].off,
                tok_end(&c->v, k + 2));
        j = k + 3;
    }
}

/*
 * Symbols in brackets after dates: as many dates as symbols give one each,
 * in order; else the date right before the bracket goes to the first.  r is
 * the first symbol's ref; the dates of the others wait in c->group.
 */
static void
bracket_dates(struct ctx *c, size_t i, struct cite_ref *r)
{
    /* how many symbols the bracket holds */
    size_t m = 1, k = i + 1;
    while (m < 8) {
        size_t q = skip_nl(&c->v, k);
        if (is_punct(&c->v, q, ',') || is_kw(&c->v, q, KW_AND)) {
            q = skip_nl(&c->v, q + 1);
        }
        if (q >= c->v.n || c->v.tk[q].kind != T_SYMBOL || q == skip_nl(&c->v, k)) {
            break;
        }
        m++;
        k = q + 1;
    }
    /* the dates before the bracket, last first */
    char dates[8][CITE_DATE_LEN];
    size_t nd = 0, end = i - 1;
    /* "... 8 June 2017 (", "2017年6月8日的声明(": a few words may stand between */
    for (int w = 0; w < 3 && end > 0; w++) {
        char d[CITE_DATE_LEN];
        int at_date = 0;
        for (size_t back = 1; back <= 12 && back <= end; back++) {
            at_date |= cite_i_date_at(&c->v, end - back, d) == end;
        }
        if (at_date) {
            break;
        }
        const struct tok *t = &c->v.tk[end - 1];
        if (!(t->kind == T_HAN || t->kind == T_WORD || t->kind == T_KW)) {
            break;
        }
        end--;
    }
    while (nd < m) {
        size_t start = 0;
        int found = 0;
        for (size_t back = 1; back <= 12 && back <= end; back++) {
            char d[CITE_DATE_LEN];
            if (cite_i_date_at(&c->v, end - back, d) == end) {
                start = end - back;
                memcpy(dates[nd], d, CITE_DATE_LEN);
                found = 1;
            }
        }
        if (!found) {
            break;
        }
        nd++;
        /* step back over "and", ",", "of", "des" to the date before */
        end = start;
        while (end > 0 && (is_kw(&c->v, end - 1, KW_AND) || is_kw(&c->v, end - 1, KW_OF) ||
                           is_punct(&c->v, end - 1, ',') || c->v.tk[end - 1].kind == T_NL)) {
            end--;
        }
        if (end == start) {
            break;
        }
    }
    if (nd == 0) {
        char d[CITE_DATE_LEN];
        if (date_before(c, i - 1, d)) {
            memcpy(r->date, d, CITE_DATE_LEN);
        }
        return;
    }
    if (nd == m && m > 1) {
        memcpy(r->date, dates[m - 1], CITE_DATE_LEN);
        c->group.next = 0;
        for (size_t x = 0; x + 1 < m; x++) {
            memcpy(c->group.dates[x], dates[m - 2 - x], CITE_DATE_LEN);
        }
        c->group.left = m - 1;
        return;
    }
    memcpy(r->date, dates[0], CITE_DATE_LEN);
}

/* An explicit symbol at i. */
static size_t
cite_symbol(struct ctx *c, size_t i)
{
    char id[CITE_LIMIT_ID_LENGTH_MAX + 32];
    enum cite_type type;
    enum cite_body body;
    size_t from = c->v.tk[i].off, to = tok_end(&c->v, i);
    size_t j = i + 1;
    if (to - from > c->id_max) {
        /* no real symbol is this long: say so rather than drop it quietly */
        report(c, CITE_D_ID_TOO_LONG, from,
               "symbol '%.40s...' is %zu bytes long, over the id-length "
               "limit of %zu; not read as a citation",
               c->v.s + from, to - from, c->id_max);
        return i + 1;
    }
    if (!cite_i_symbol_canon(id, sizeof id, c->v.s + from, to - from, &type, &body)) {
        return i + 1;
    }
    /* S/RES/1325 (2000) */
    if (type == CITE_TYPE_RESOLUTION && body == CITE_BODY_SC &&
        strchr(id + 6, '(') == NULL) {
        size_t k = skip_nl(&c->v, j);
        if (is_punct(&c->v, k, '(') && is_num(&c->v, k + 1) && c->v.tk[k + 1].ndigits == 4 &&
            is_punct(&c->v, k + 2, ')')) {
            size_t l = strlen(id);
            snprintf(id + l, sizeof id - l, "(%ld)", (long)c->v.tk[k + 1].val);
            to = tok_end(&c->v, k + 2);
            j = k + 3;
        }
    }
    if (c->doc->info.id != NULL && strcmp(id, c->doc->info.id) == 0) {
        return j; /* the document's own symbol: page headers */
    }
    struct cite_ref *r = add_ref(c, id, type, body, from, to);
    /* "the statement of 31 October 2001 (S/PRST/2001/31)"; "of 12 May 2016
     * and 8 June 2017 (S/PRST/2016/6 and S/PRST/2017/8)" */
    if (c->group.left > 0) {
        memcpy(r->date, c->group.dates[c->group.next++], CITE_DATE_LEN);
        c->group.left--;
    } else if (i > 0 && is_punct(&c->v, i - 1, '(') && type != CITE_TYPE_DOCUMENT) {
        bracket_dates(c, i, r);
    }
    if (type == CITE_TYPE_DOCUMENT) {
        return symbol_suffixes(c, j, id);
    }
    return trailing_pinpoints(c, j);
}

/* "the same resolution", "ladite résolution", 该决议: the antecedent again. */
static size_t
cite_anaphora(struct ctx *c, size_t i)
{
    /* "Noting that resolution 1325 (2000) ...": not an anaphora */
    struct cite_num probe;
    if (parse_number(c, skip_nl(&c->v, i + 1), &probe) > 0) {
        return cite_kind_first(c, i);
    }
    if (c->last_ref < 0) {
        c->pins.n = 0;
        return i + 1;
    }
    const struct cite_ref *a = &c->doc->refs[c->last_ref];
    const char *target = a->target;
    enum cite_type type = a->type;
    enum cite_body body = a->body;
    add_ref(c, target, type, body, c->v.tk[i].off, tok_end(&c->v, i));
    return trailing_pinpoints(c, i + 1);
}

/*
 * What a pinpoint list may point at: of [its] resolution, of that
 * resolution, or (Russian genitive) the resolution itself.
 */
static int
pin_target_follows(const struct ctx *c, size_t e)
{
    size_t k = skip_nl(&c->v, e);
    size_t after_of = skip_of(c, k);
    int of = after_of != k;
    k = after_of;
    if (is_kw(&c->v, k, KW_ITS) || is_kw(&c->v, k, KW_BODY)) {
        k = skip_nl(&c->v, k + 1);
    }
    return is_kind(c, k) || is_kw(&c->v, k, KW_ANAPHORA) ||
           (of && k < c->v.n && c->v.tk[k].kind == T_SYMBOL);
}

/* "paragraph(s) 3 [and 4] of resolution ...", "... thereof". */
static size_t
cite_pin_first(struct ctx *c, size_t i)
{
    size_t s0 = i + 1;
    size_t e = parse_pinlist(c, s0, NULL);
    if (e == s0) {
        return i + 1;
    }
    if (is_kw(&c->v, e, KW_THEREOF) && c->last_ref >= 0) {
        c->pins.n = 0;
        parse_pinlist(c, s0, &c->doc->refs[c->last_ref]);
        return e + 1;
    }
    if (pin_target_follows(c, e)) {
        return e; /* the pinpoints wait for their target */
    }
    /* "paragraph 3 (c) and paragraph 5 of": wait for the next paragraph */
    size_t q = skip_nl(&c->v, e);
    if (is_punct(&c->v, q, ',') || is_kw(&c->v, q, KW_AND)) {
        q = skip_nl(&c->v, q + 1);
    }
    if (is_kw(&c->v, skip_of(c, q), KW_PARA)) {
        return e;
    }
    c->pins.n = 0;
    return e;
}

/* "subparagraphs (a) and (b) of paragraph 2 of resolution ...",
 * "l'alinéa c) du paragraphe 3 de ladite résolution". */
static size_t
cite_subpara(struct ctx *c, size_t i)
{
    char letters[26][8];
    size_t nl = 0;
    size_t k = i + 1;
    if (is_kw(&c->v, k, KW_OF)) {
        k++;
    }
    k = letter_list(c, k, letters, 26, &nl);
    if (nl == 0) {
        return i + 1;
    }
    k = skip_of(c, k);
    if (!is_kw(&c->v, k, KW_PARA) || !is_num(&c->v, skip_nl(&c->v, k + 1))) {
        return i + 1;
    }
    size_t p = skip_nl(&c->v, k + 1);
    long n = (long)c->v.tk[p].val;
    /* "... of paragraph 3 and paragraph 5 of resolution X": wait for it */
    size_t q = skip_nl(&c->v, p + 1);
    int more = is_kw(&c->v, q, KW_AND) &&
               is_kw(&c->v, skip_of(c, skip_nl(&c->v, q + 1)), KW_PARA);
    if (!more && !pin_target_follows(c, p + 1)) {
        return p + 1;
    }
    for (size_t x = 0; x < nl; x++) {
        char buf[48];
        snprintf(buf, sizeof buf, "%ld(%.7s)", n, letters[x]);
        pin_add(c, NULL, buf);
    }
    return p + 1;
}

/* A footnote that reads only "Ibid.": the previous footnote's citation. */
static size_t
cite_ibid(struct ctx *c, size_t i)
{
    size_t k = i + 1;
    if (is_punct(&c->v, k, '.')) {
        k++;
    }
    if (c->in_footnote && c->last_ref >= 0 && c->last_ref_footnote &&
        is_break(&c->v, k)) {
        return cite_anaphora(c, i);
    }
    return i + 1;
}

/* ---- structure ---------------------------------------------------------- */

/*
 * The clause verb opening the paragraph at i (after a number and "also").
 * *operative says whether it is a verb of the operative part ("Decides",
 * not "Recalling"; Arabic: no إذ before it).
 */
static enum cite_relation
opening_verb(const struct ctx *c, size_t i, int *operative)
{
    int pp = 0;
    *operative = 0;
    for (size_t k = 0; k < 4 && i < c->v.n && !is_break(&c->v, i); k++, i++) {
        if (is_kw(&c->v, i, KW_VERB)) {
            const char *tag = c->v.tk[i].kw->str;
            *operative = !pp && tag != NULL && strcmp(tag, "op") == 0;
            return (enum cite_relation)c->v.tk[i].kw->val;
        }
        /* zh 决定 is both "decision" and "decides" */
        if (is_kw(&c->v, i, KW_DEC) && c->lt->kind_after) {
            return CITE_REL_DECIDING;
        }
        if (!is_kw(&c->v, i, KW_VERB_MOD)) {
            return CITE_REL_NONE;
        }
        pp |= c->v.tk[i].kw->str != NULL;
    }
    return CITE_REL_NONE;
}

/* "1." at i: an operative paragraph number; returns its value or 0. */
static int
op_number(const struct ctx *c, size_t i)
{
    if (!is_num(&c->v, i) || c->v.tk[i].ndigits > 3 || c->v.tk[i].val <= 0) {
        return 0;
    }
    if (is_punct(&c->v, i + 1, '.')) {
        return (int)c->v.tk[i].val;
    }
    /* Arabic: "1 -", "1ـ" */
    if (c->lt->lang == CITE_LANG_AR &&
        (is_punct(&c->v, i + 1, '-') || word_is(&c->v, i + 1, "\xD9\x80"))) {
        return (int)c->v.tk[i].val;
    }
    return 0;
}

static int
is_rule_line(const struct ctx *c, size_t i)
{
    size_t k = i;
    while (k < c->v.n && is_punct(&c->v, k, '_')) {
        k++;
    }
    return k - i >= 3 && is_break(&c->v, k);
}

/* [The] BODY [','] alone on its line: the preamble begins. */
static int
is_preamble_start(const struct ctx *c, size_t i)
{
    size_t k = i;
    int article = 0;
    if (is_kw(&c->v, k, KW_ARTICLE) ||
        (k < c->v.n && c->v.tk[k].kind == T_WORD && (c->v.tk[k].flags & TF_UPPER) &&
         c->v.tk[k].len <= 3)) {
        k++; /* The, La, El, Le */
        article = 1;
    }
    if (!is_kw(&c->v, k, KW_BODY)) {
        return 0;
    }
    k++;
    /* a header line names the body bare; the preamble's opening line has
     * an article or a comma */
    if (is_punct(&c->v, k, ',')) {
        return is_break(&c->v, k + 1);
    }
    return article && is_break(&c->v, k);
}

static size_t
line_end(struct ctx *c, size_t i)
{
    /* lines are asked for in order: from where the last one was found,
     * back to the start if i is before it */
    size_t b = c->at_brk;
    if (b > 0 && (b > c->nbrk || c->brk[b - 1] >= i)) {
        b = 0;
    }
    while (b < c->nbrk && c->brk[b] < i) {
        b++;
    }
    c->at_brk = b;
    return b < c->nbrk ? c->brk[b] : c->v.n;
}

/* c->where = prefix ("PP", "OP") followed by n */
static void
set_where(struct ctx *c, const char *prefix, int n)
{
    char buf[CITE_I_UDIGITS];
    size_t dl;
    const char *digits = cite_i_udigits(buf, n < 0 ? 0u : (unsigned)n, &dl);
    size_t pl = strlen(prefix);
    if (pl + dl >= sizeof c->where) {
        dl = sizeof c->where - 1 - pl;
    }
    memcpy(c->where, prefix, pl);
    memcpy(c->where + pl, digits, dl);
    c->where[pl + dl] = '\0';
}

/* Operative paragraph n begins, opened by verb. */
static void
open_operative(struct ctx *c, int n, enum cite_relation verb)
{
    c->region = R_OPERATIVE;
    c->op = n;
    c->in_footnote = 0;
    c->footnote_zone = 0;
    set_where(c, "OP", n);
    c->rel = verb;
    c->sent_body = CITE_BODY_NONE;
    c->subj_body = CITE_BODY_NONE;
    c->cont.active = 0;
}

/*
 * Called at the first token of every line: updates the region, the
 * paragraph position and the relation.  Returns the index to continue
 * from (past a line consumed as metadata).
 */
static size_t
line_start(struct ctx *c, size_t i, int new_para)
{
    size_t e = line_end(c, i);
    if (is_rule_line(c, i)) {
        c->footnote_zone = 1;
        c->in_footnote = 1;
        c->sent_body = c->subj_body = CITE_BODY_NONE;
        snprintf(c->where, sizeof c->where, "footnote");
        c->rel = CITE_REL_NONE;
        return e;
    }
    if (is_punct(&c->v, i, '*') && c->region != R_HEADER) {
        c->in_footnote = 1;
        snprintf(c->where, sizeof c->where, "footnote");
        c->rel = CITE_REL_NONE;
        return i + 1;
    }
    int opn = op_number(c, i);
    size_t vpos = opn ? i + 2 : i;
    if (opn && is_break(&c->v, i + 2) && c->region != R_HEADER) {
        c->pending_op = opn; /* "1." alone; the verb is on the next line */
        return e;
    }
    if (!opn && c->pending_op) {
        opn = c->pending_op;
        vpos = i;
    }
    c->pending_op = 0;
    int operative;
    enum cite_relation verb = opening_verb(c, vpos, &operative);
    /* "Décide, ..." where OCR lost the "1.": the operative part begins */
    if (!opn && operative && new_para && c->region != R_OPERATIVE &&
        c->region != R_CLOSING && c->pp > 0) {
        open_operative(c, c->op + 1, verb);
        return i;
    }
    if (c->region == R_HEADER) {
        if (is_preamble_start(c, i)) {
            if (c->doc->info.body == CITE_BODY_NONE) {
                size_t k = is_kw(&c->v, i, KW_BODY) ? i : i + 1;
                c->doc->info.body = body_at(c, k);
            }
            c->region = R_PREAMBLE;
            c->where[0] = '\0';
            c->want_title = 0;
            return e;
        }
        /* a long paragraph is text, not a heading: the header has ended
         * even where no line named the body ("The attention of the
         * Security Council has been drawn ...") */
        if (verb == CITE_REL_NONE && !opn && e - i >= 30) {
            c->region = R_PREAMBLE;
            c->pp++;
            set_where(c, "PP", c->pp);
            c->rel = CITE_REL_NONE;
            return i;
        }
        if (!(opn && verb != CITE_REL_NONE) && verb == CITE_REL_NONE) {
            size_t m = cite_i_meta_header(c->doc, &c->v, i, e, &c->want_title,
                                          &c->date_rank);
            snprintf(c->where, sizeof c->where, "header");
            return m;
        }
        c->region = R_PREAMBLE;
    }
    if (opn && (verb != CITE_REL_NONE || c->region == R_OPERATIVE)) {
        open_operative(c, opn, verb);
        return i;
    }
    if (verb != CITE_REL_NONE && (new_para || c->lt->no_spaces ||
                                  c->region == R_PREAMBLE)) {
        /* a verb opening a line starts a paragraph in the preamble; in the
         * operative part it continues the current paragraph ((a), (b)) */
        c->in_footnote = 0;
        c->footnote_zone = 0;
        if (c->region == R_PREAMBLE) {
            c->pp++;
            set_where(c, "PP", c->pp);
            c->rel = verb;
            c->sent_body = CITE_BODY_NONE;
            c->subj_body = CITE_BODY_NONE;
            c->cont.active = 0;
        }
        return i;
    }
    if (c->region == R_OPERATIVE || c->region == R_CLOSING || c->region == R_PREAMBLE) {
        int m = cite_i_meta_closing(c->doc, &c->v, i, e, &c->date_rank);
        /* in the preamble only a line that is nothing but a closing line:
         * a decision whose one paragraph has no number */
        if (m == 1 && c->region == R_PREAMBLE) {
            m = 0;
        }
        if (m > 0) {
            c->region = R_CLOSING;
            c->where[0] = '\0';
            c->rel = CITE_REL_NONE;
            return m == 2 ? e : i;
        }
    }
    if (c->footnote_zone && new_para) {
        c->in_footnote = 1;
        snprintf(c->where, sizeof c->where, "footnote");
        c->rel = CITE_REL_NONE;
    }
    return i;
}

/* ---- page furniture -------------------------------------------------------- */

/*
 * Text extracted from PDF keeps what each page prints around the text: the
 * running header with the document's own symbol (and often its title), the
 * job number ("24-24567", "GE.23-09123", "*2424567*"), the page footer
 * ("2/5").  Where a page break falls inside a sentence these lines split
 * it ("its resolutions 5/1 and / A/HRC/RES/S-36/1 / 2 GE.23-09123 / 5/2 of
 * 18 June 2007").  Such lines are taken out of the token stream before the
 * walk, and the breaks around them become one: a line break when the text
 * before did not end a sentence, a paragraph break when it did.
 */

/* The document's own symbol as it stands in running headers. */
static int
is_own_symbol(const struct ctx *c, const struct tok *t)
{
    const char *own = c->doc->info.id != NULL ? c->doc->info.id : c->masthead;
    if (t->kind != T_SYMBOL || own[0] == '\0') {
        return 0;
    }
    char id[128];
    enum cite_type type;
    enum cite_body body;
    return cite_i_symbol_canon(id, sizeof id, c->v.s + t->off, t->len, &type, &body) &&
           strncmp(id, own, strlen(id)) == 0;
}

/* The first chunk's masthead: the first resolution symbol on one of its
 * first lines, before the header is read. */
static void
find_masthead(struct ctx *c, const struct tok_buf *tb)
{
    size_t lines = 0;
    c->masthead_end = 1; /* the masthead's own line is never dropped */
    for (size_t k = 0; k < tb->n && lines < 12; k++) {
        const struct tok *t = &tb->v[k];
        if (c->masthead[0] != '\0' && (t->kind == T_NL || t->kind == T_PARA)) {
            c->masthead_end = t->off + 1;
            return;
        }
        if (t->kind == T_NL || t->kind == T_PARA) {
            lines++;
        } else if (t->kind == T_SYMBOL && c->masthead[0] == '\0') {
            char id[128];
            enum cite_type type;
            enum cite_body body;
            if (cite_i_symbol_canon(id, sizeof id, c->v.s + t->off, t->len, &type, &body) &&
                type != CITE_TYPE_DOCUMENT && strlen(id) + 8 < sizeof c->masthead) {
                /* S/RES/2231 (2015) */
                if (body == CITE_BODY_SC && strchr(id, '(') == NULL && k + 3 < tb->n &&
                    tb->v[k + 1].kind == T_PUNCT && tb->v[k + 1].ch == '(' &&
                    tb->v[k + 2].kind == T_NUM && tb->v[k + 2].ndigits == 4 &&
                    tb->v[k + 3].kind == T_PUNCT && tb->v[k + 3].ch == ')') {
                    size_t l = strlen(id);
                    snprintf(id + l, sizeof id - l, "(%ld)", (long)tb->v[k + 2].val);
                }
                memcpy(c->masthead, id, strlen(id) + 1);
                /* text flattened onto one line ("United Nations A/RES/79/123
                 * General Assembly Distr.: General ..."): the masthead at the
                 * very top is the document's own symbol; take it now, as the
                 * header lines that would give it are not lines */
                int plain = k <= 4;
                for (size_t q = 0; q < k && plain; q++) {
                    plain = tb->v[q].kind == T_WORD || tb->v[q].kind == T_HAN;
                }
                if (plain && lines == 0 && c->doc->info.id == NULL) {
                    c->doc->info.id = cite_doc_strdup(c->doc, id);
                    c->doc->info.type = type;
                    c->doc->info.body = body;
                }
            }
        }
    }
}

static int
is_furniture(const struct ctx *c, const struct tok *t, size_t n)
{
    if (n == 0) {
        return 0;
    }
    /* the running header: the own symbol first on the line, or last on a
     * line of a running title (no clause verb, no citation word) */
    if (is_own_symbol(c, &t[0])) {
        return 1;
    }
    if (is_own_symbol(c, &t[n - 1])) {
        for (size_t k = 0; k + 1 < n; k++) {
            if (t[k].kind == T_KW && (t[k].kw->cls == KW_VERB || t[k].kw->cls == KW_RES ||
                                      t[k].kw->cls == KW_AND || t[k].kw->cls == KW_DEC)) {
                return 0;
            }
        }
        return 1;
    }
    /* *2424567* */
    if (n == 3 && t[0].kind == T_PUNCT && t[0].ch == '*' && t[1].kind == T_NUM &&
        t[2].kind == T_PUNCT && t[2].ch == '*') {
        return 1;
    }
    /* what remains is numbers, a slash, dashes, "GE.", "(E)": a footer or
     * a job number ("2/5 24-24567", "24-24567 (E) 040124", "2 GE.23-09123") */
    int nums = 0, slash = 0, dash = 0;
    for (size_t k = 0; k < n; k++) {
        if (t[k].kind == T_NUM) {
            nums++;
        } else if (t[k].kind == T_PUNCT && t[k].ch == '/') {
            slash++;
        } else if (t[k].kind == T_PUNCT && t[k].ch == '-') {
            dash++;
        } else if (!(t[k].kind == T_PUNCT && (t[k].ch == '(' || t[k].ch == ')' ||
                                              t[k].ch == '.')) &&
                   !(t[k].kind == T_WORD && t[k].len <= 2 && (t[k].flags & TF_UPPER))) {
            return 0;
        }
    }
    /* a page footer "2/5" (not "21/21", a number under a heading); a job
     * number "24-24567" */
    return (slash == 1 && nums >= 2 && n <= 6 && n >= 3 && t[0].kind == T_NUM &&
            t[0].val < 1000 && t[2].kind == T_NUM && t[2].val < 1000 &&
            (t[2].val > t[0].val || dash >= 1)) ||
           (dash >= 1 && nums >= 2 && n <= 8);
}

/* A line that is one number of at most four digits: a page number, when
 * furniture stands beside it ("5 / GE.90-90956 (E) / A/RES/45/172"); on
 * its own it may as well be text. */
static int
is_page_number(const struct tok *t, size_t n)
{
    return n == 1 && t[0].kind == T_NUM && t[0].ndigits <= 4 &&
           !(t[0].flags & TF_OCR);
}

static void
drop_furniture(struct ctx *c, struct tok_buf *tb)
{
    /* the lines: where each starts and ends, and whether it is furniture */
    struct line {
        size_t start, end;
        int drop;
    } *lines = NULL;
    size_t nl = 0, cap = 0;
    size_t bi = 0; /* each line ends at the next break */
    for (size_t i = 0; i < tb->n;) {
        size_t e = bi < tb->nbrk ? tb->brk[bi++] : tb->n;
        if (nl == cap) {
            cap = cap ? 2 * cap : 64;
            lines = cite_i_xreallocarray(lines, cap, sizeof *lines);
        }
        lines[nl].start = i;
        lines[nl].end = e;
        lines[nl].drop = e > i && (tb->v[i].flags & TF_LINE_START) &&
                         tb->v[i].off >= c->masthead_end &&
                         is_furniture(c, &tb->v[i], e - i);
        nl++;
        i = e < tb->n ? e + 1 : e;
    }
    /* a page number goes with the furniture it stands beside (lines with
     * nothing on them in between do not count) */
    for (size_t k = 0; k < nl; k++) {
        struct line *l = &lines[k];
        if (l->drop || !is_page_number(&tb->v[l->start], l->end - l->start) ||
            !(tb->v[l->start].flags & TF_LINE_START) ||
            tb->v[l->start].off < c->masthead_end) {
            continue;
        }
        size_t p = k, q = k + 1;
        while (p > 0 && lines[p - 1].end == lines[p - 1].start) {
            p--;
        }
        while (q < nl && lines[q].end == lines[q].start) {
            q++;
        }
        if ((p > 0 && lines[p - 1].drop) || (q < nl && lines[q].drop)) {
            l->drop = 1;
        }
    }
    size_t w = 0;
    size_t h = 0, hw = 0; /* the hot list (struct tok_buf): read, written */
    size_t b = 0, bw = 0; /* and the breaks */
    /* where lines went: the text on either side now meets there */
    size_t *gaps = NULL, ngaps = 0, gaps_cap = 0;
    for (size_t k = 0; k < nl; k++) {
        const struct line *l = &lines[k];
        size_t e = l->end;
        /* the line and its break */
        size_t cnt = e - l->start + (e < tb->n);
        if (l->drop) {
            while (h < tb->nhot && tb->hot[h] < l->start + cnt) {
                h++; /* gone with its line */
            }
            b += e < tb->n; /* and its break */
            if (ngaps == 0 || gaps[ngaps - 1] != w) {
                if (ngaps == gaps_cap) {
                    gaps_cap = gaps_cap ? 2 * gaps_cap : 16;
                    gaps = cite_i_xreallocarray(gaps, gaps_cap, sizeof *gaps);
                }
                gaps[ngaps++] = w;
            }
            /* the break before it joins the text unless a sentence ended
             * or the text after opens a paragraph: a clause verb, or an
             * operative paragraph's number ("5.") */
            size_t q = k + 1;
            while (q < nl && (lines[q].drop || lines[q].end == lines[q].start)) {
                q++;
            }
            const struct tok *next = q < nl ? &tb->v[lines[q].start] : NULL;
            int opens = next != NULL &&
                        ((next->kind == T_KW && next->kw->cls == KW_VERB) ||
                         (next->kind == T_NUM && lines[q].end > lines[q].start + 1 &&
                          next[1].kind == T_PUNCT && next[1].ch == '.'));
            if (w > 1 && tb->v[w - 1].kind == T_PARA && !opens) {
                const struct tok *last = &tb->v[w - 2];
                if (!(last->kind == T_PUNCT &&
                      (last->ch == '.' || last->ch == ';' || last->ch == ':'))) {
                    tb->v[w - 1].kind = T_NL;
                }
            }
            continue;
        }
        /* moved only once a line before went, and the hot list with it */
        while (h < tb->nhot && tb->hot[h] < l->start + cnt) {
            tb->hot[hw++] = (uint32_t)(tb->hot[h++] - l->start + w);
        }
        if (e < tb->n) {
            tb->brk[bw++] = (uint32_t)(tb->brk[b++] - l->start + w);
        }
        if (w != l->start) {
            memmove(&tb->v[w], &tb->v[l->start], cnt * sizeof *tb->v);
        }
        w += cnt;
    }
    free(lines);
    tb->n = w;
    tb->nhot = hw;
    tb->nbrk = bw;
    /* a comma before a gap may now stand before "and" (the lexer saw
     * the furniture after it) */
    for (size_t g = 0; g < ngaps; g++) {
        size_t p = gaps[g];
        while (p > 0 && tb->v[p - 1].kind == T_NL) {
            p--;
        }
        size_t q = gaps[g];
        while (q < tb->n && tb->v[q].kind == T_NL) {
            q++;
        }
        if (p > 0 && tb->v[p - 1].kind == T_PUNCT && tb->v[p - 1].ch == ',' &&
            q < tb->n && tb->v[q].kind == T_KW && tb->v[q].kw->cls == KW_AND) {
            cite_i_hot_insert(tb, p - 1);
        }
    }
    free(gaps);
}

/* ---- the walk ------------------------------------------------------------ */

/*
 * The walk over a chunk's tokens.  On a token that is not in the hot list
 * (c->hot, see struct tok_buf) it would do nothing but step to the next,
 * unless the token opens a line: so it goes from a hot token, or a line's
 * first, to the next.
 */
static void
walk(struct ctx *c, int at_line)
{
    const uint32_t *hot = c->hot;
    const size_t nhot = c->nhot;
    size_t i = 0, h = 0;
    int new_para = at_line;
    for (;;) {
        if (!at_line) {
            if (h > 0 && hot[h - 1] >= i) {
                h = 0; /* a step back (none is taken today): from the start */
            }
            while (h < nhot && hot[h] < i) {
                h++;
            }
            if (h == nhot) {
                break;
            }
            i = hot[h];
        } else if (i >= c->v.n) {
            break;
        }
        const struct tok *t = &c->v.tk[i];
        if (t->kind == T_NL || t->kind == T_PARA) {
            if (t->kind == T_PARA) {
                new_para = 1;
                c->sent_body = CITE_BODY_NONE;
                c->subj_body = CITE_BODY_NONE;
                c->in_footnote = c->in_footnote && c->footnote_zone;
            }
            at_line = 1;
            i++;
            continue;
        }
        if (at_line && c->cont.active && resumes(c, i)) {
            at_line = 0;
            new_para = 0;
            i = cite_resume(c, i);
            continue;
        }
        if (at_line) {
            at_line = 0;
            size_t next = line_start(c, i, new_para);
            new_para = 0;
            if (next != i) {
                i = next;
                continue;
            }
        }
        if (t->kind == T_SYMBOL) {
            i = cite_symbol(c, i);
            continue;
        }
        if (t->kind == T_PUNCT && (t->ch == ';' || t->ch == '.') &&
            !is_num(&c->v, i + 1)) {
            c->sent_body = CITE_BODY_NONE;
            c->subj_body = CITE_BODY_NONE;
            c->pins.n = 0;
            c->group.left = 0;
            i++;
            continue;
        }
        if (t->kind == T_PUNCT && t->ch == ',' && is_kw(&c->v, skip_nl(&c->v, i + 1), KW_AND)) {
            c->subj_body = CITE_BODY_NONE; /* ", and": a new clause */
        }
        if (t->kind == T_KW) {
            int cls = t->kw->cls;
            if (cls == KW_BODY && !(t->flags & TF_QUOTED)) {
                c->sent_body = body_at(c, i);
                if (!names_issuer(c, i)) {
                    c->subj_body = c->sent_body;
                }
            }
            if (cls == KW_INSTRUMENT) {
                char id[96];
                snprintf(id, sizeof id, "instrument:%s", t->kw->str);
                add_ref(c, id, CITE_TYPE_INSTRUMENT, CITE_BODY_NONE, t->off,
                        tok_end(&c->v, i));
                i++;
                continue;
            }
            if (!c->lt->kind_after) {
                if (is_kind(c, i)) {
                    i = cite_kind_first(c, i);
                    continue;
                }
                if (cls == KW_PARA) {
                    i = cite_pin_first(c, i);
                    continue;
                }
                if (cls == KW_SUBPARA) {
                    i = cite_subpara(c, i);
                    continue;
                }
            } else if (cls == KW_DI) {
                i = cite_kind_last(c, i);
                continue;
            } else if (is_kind(c, i) &&
                       (num_value(&c->v, skip_nl(&c->v, i + 1)) >= 0)) {
                /* old style: 決議案一八一(二), 决议案四十六(一九四八) */
                size_t first = c->doc->nrefs;
                char d[CITE_DATE_LEN];
                int dated = date_before(c, i, d);
                i = cite_kind_first(c, i);
                for (size_t r = first; dated && r < c->doc->nrefs; r++) {
                    if (c->doc->refs[r].date[0] == '\0') {
                        memcpy(c->doc->refs[r].date, d, CITE_DATE_LEN);
                    }
                }
                continue;
            }
            if (cls == KW_ANAPHORA) {
                i = cite_anaphora(c, i);
                continue;
            }
            if (cls == KW_IBID) {
                i = cite_ibid(c, i);
                continue;
            }
        }
        if (c->lt->kind_after && (t->kind == T_NUM || t->kind == T_CNUM)) {
            char d[CITE_DATE_LEN];
            if (cite_i_date_at(&c->v, i, d) > 0) {
                size_t e = cite_kind_last(c, i);
                if (e > i + 1) {
                    i = e;
                    continue;
                }
            }
        }
        i++;
    }
}

void
cite_i_run(struct cite_doc *doc, const struct cite_text *t,
           const struct lang_table *lt, const struct cite_diag_sink *sink)
{
    cite_i_run_limited(doc, t, lt, CITE_LIMIT_ID_LENGTH, sink);
}

void
cite_i_run_limited(struct cite_doc *doc, const struct cite_text *t,
                   const struct lang_table *lt, size_t id_max,
                   const struct cite_diag_sink *sink)
{
    struct ctx c;
    memset(&c, 0, sizeof c);
    c.id_max = id_max;
    c.lt = lt;
    c.t = t;
    normalise(&c.norm, t->bytes, t->start, t->len);
    const char *text = c.norm.bytes != NULL ? c.norm.bytes : t->bytes;
    size_t text_len = c.norm.bytes != NULL ? c.norm.len : t->len;
    c.v.s = text;
    c.doc = doc;
    c.sink = sink;
    c.last_ref = -1;
    c.region = R_HEADER;
    struct tok_buf tb = TOK_BUF_INIT;
    size_t off = t->start;
    int at_break = 1;
    while (off < text_len) {
        int starts_line = at_break;
        tok_buf_clear(&tb);
        off = cite_i_lex(lt, text, off, text_len, &tb, CHUNK_TOKENS, &at_break);
        c.v.tk = tb.v;
        c.v.n = tb.n;
        if (c.masthead_end == 0) {
            find_masthead(&c, &tb);
        }
        drop_furniture(&c, &tb);
        c.v.n = tb.n;
        c.hot = tb.hot;
        c.nhot = tb.nhot;
        c.brk = tb.brk;
        c.nbrk = tb.nbrk;
        c.at_brk = 0;
        walk(&c, starts_line);
    }
    cite_i_tok_buf_release(&tb);
    free(c.norm.bytes);
    free(c.norm.at);
    if (c.ndiags > MAX_DIAGS) {
        cite_diag_emit(sink, CITE_D_TOO_MANY, t->path, 0, 0, 0,
                       "%zu more diagnostics for this text not shown",
                       c.ndiags - MAX_DIAGS);
    }
}
