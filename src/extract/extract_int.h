/*
 * extract_int.h - the shared extraction engine and its language tables.
 *
 * Pipeline inside src/extract/:
 *   lex.c      bytes -> tokens (numbers, words, keywords, symbols, punctuation)
 *   parse.c    tokens -> citations (lists, dates, pinpoints, bodies) + structure
 *   meta.c     the citing document's own id, date, session, meeting, vote
 *   canon.c    canonical ids
 *   date.c     dates in every language
 *   lang_*.c   one table per language: keywords and a few flags
 */
#ifndef CITE_EXTRACT_INT_H
#define CITE_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cite_doc.h"
#include "cite_extract.h"
#include "cite_limits.h"
#include "cite_text.h"

/* What a keyword means to the engine. */
enum kw_class {
    KW_NONE = 0,
    KW_RES,        /* resolution(s); val 1 = plural or collective */
    KW_DEC,        /* decision(s) */
    KW_STATEMENT,  /* presidential statement(s) */
    KW_PARA,       /* paragraph(s) */
    KW_AND,        /* and, as well as, 和, 及 */
    KW_TO,         /* to, through (ranges) */
    KW_OF,         /* of */
    KW_DI,         /* zh 第: ordinal prefix */
    KW_HAO,        /* zh 号: number suffix */
    KW_YEAR_MARK,  /* zh 年 */
    KW_MONTH_MARK, /* zh 月 */
    KW_DAY_MARK,   /* zh 日 */
    KW_MONTH,      /* a month name; val 1..12 */
    KW_BODY,       /* an issuing body; val enum cite_body, or BODY_SELF */
    KW_ITS,        /* its: the body the sentence speaks of */
    KW_VERB,       /* a clause verb; val enum cite_relation */
    KW_VERB_MOD,   /* also, further, 又, 还: may precede a verb */
    KW_INSTRUMENT, /* a named instrument; str = slug */
    KW_ANAPHORA,   /* the same resolution, 该决议 */
    KW_PRESENT,    /* the present resolution: not a citation */
    KW_SESSION,    /* session, 届会议 */
    KW_MEETING,    /* meeting, 次会议 */
    KW_AGENDA,     /* agenda item, 议程项目 */
    KW_NO_VOTE,    /* adopted without a vote */
    KW_UNANIMOUS,  /* unanimously */
    KW_THEREOF,    /* thereof */
    KW_ORDINAL,    /* a number word: twenty-first; val = number */
    KW_ADOPTED,    /* adopted by (header) */
    KW_SUBPARA,    /* sub-paragraph(s): alinéa, подпункт */
    KW_IBID,       /* Ibid. */
    KW_TITLE_INTRO, /* on, entitled: a title follows a number */
    KW_ARTICLE,    /* la, le, les, l', el, los: skipped before a body */
    KW_IN_PARTICULAR, /* in particular, en particulier, в частности */
    KW_VOTES,      /* votes, voix, votos, голосами, 票 */
    KW_AGAINST,    /* to, contre, contra, против, 对 (in a vote) */
    KW_VOTES_FOR,  /* 赞成: in favour */
    KW_ABSTENTION, /* abstention(s), 弃权 */
    KW_RESPECTIVELY, /* respectively: dates listed apart from the numbers */
    KW_COUNT
};

/* KW_RES / KW_DEC value for a kind word that carries "its" (Arabic قراره). */
#define KWV_POSSESSIVE 2

/* KW_BODY value for "the Council" / 理事会: the citing council itself. */
#define BODY_SELF 100

/* A keyword entry of a language table. */
struct kw {
    const char *text;  /* lower case UTF-8; a space matches any white space */
    uint8_t cls;       /* enum kw_class */
    uint8_t prefix;    /* 1: may be followed by more letters (inflections) */
    int16_t val;
    const char *str;   /* KW_INSTRUMENT: the slug */
};

struct lang_table {
    enum cite_lang lang;
    const char *code;
    /* 1: the kind word follows the number (zh: 第 5/1 号决议) */
    int kind_after;
    /* 1: letters have no word boundaries (zh) */
    int no_spaces;
    const struct kw *kws;
    size_t nkws;
    /* prefixes glued to a word that a keyword may follow (Arabic و, ب,
     * ل), longest first, NULL-terminated; or NULL */
    const char *const *proclitics;
};

extern const struct lang_table cite_i_lang_zh;
extern const struct lang_table cite_i_lang_en;
extern const struct lang_table cite_i_lang_fr;
extern const struct lang_table cite_i_lang_es;
extern const struct lang_table cite_i_lang_ru;
extern const struct lang_table cite_i_lang_ar;
const struct lang_table *cite_i_lang_table(enum cite_lang lang);
/* Builds the keyword index of lt now rather than at its first text. */
void cite_i_lex_init(const struct lang_table *lt);

/* Tokens. */
enum tok_kind {
    T_END = 0,
    T_NUM,    /* digits (ASCII, full-width, Arabic-Indic); val = value */
    T_CNUM,   /* Chinese numerals; val = value */
    T_WORD,   /* a run of letters that is not a keyword */
    T_KW,     /* a keyword: kw points into the table */
    T_HAN,    /* other CJK characters (a run) */
    T_SYMBOL, /* a UN document symbol: A/HRC/21/2, S/RES/1325 */
    T_PUNCT,  /* one punctuation mark; ch = its ASCII equivalent */
    T_NL,     /* a line break */
    T_PARA    /* a blank line */
};

/* Token flags. */
#define TF_SPACE_BEFORE 0x01 /* white space before the token */
#define TF_LINE_START   0x02 /* first token of its line */
#define TF_UPPER        0x04 /* T_WORD starts with an upper-case letter */
#define TF_QUOTED       0x08 /* inside quotation marks */
#define TF_CAP_ROMAN    0x10 /* T_WORD is an upper-case Roman numeral */
#define TF_OCR          0x20 /* T_NUM read through OCR letters: l5ll, 20O4 */
/* on the first token of a line (and only there): the line, as far as the
 * chunk goes, holds a keyword of a meeting or a vote (KW_MEETING,
 * KW_VOTES, KW_NO_VOTE, KW_UNANIMOUS), so cite_i_meta_closing() need not
 * look for one on the other lines */
#define TF_LINE_MEETING 0x40

struct tok {
    uint8_t kind;
    uint8_t flags;
    uint16_t ch;          /* T_PUNCT: ASCII equivalent ('(' for '（') */
    uint32_t len;         /* bytes */
    size_t off;           /* byte offset in the text */
    int64_t val;          /* T_NUM/T_CNUM value (capped), T_WORD roman value */
    uint16_t ndigits;     /* T_NUM: digit count */
    const struct kw *kw;  /* T_KW */
};

/* The keyword classes the walk acts on (parse.c), a bit each (KW_COUNT is
 * at most 64); see struct tok_buf. */
#define KW_BIT(cls) ((uint64_t)1 << (cls))
_Static_assert(KW_COUNT <= 64, "keyword classes must fit a 64-bit mask");
#define KW_HOT_CLASSES                                                         \
    (KW_BIT(KW_BODY) | KW_BIT(KW_INSTRUMENT) | KW_BIT(KW_RES) |               \
     KW_BIT(KW_DEC) | KW_BIT(KW_STATEMENT) | KW_BIT(KW_PARA) |                \
     KW_BIT(KW_SUBPARA) | KW_BIT(KW_DI) | KW_BIT(KW_ANAPHORA) |               \
     KW_BIT(KW_IBID))

struct tok_buf {
    struct tok *v;
    size_t n;
    size_t cap;
    /* The indices in v, in order, of the tokens the walk may act on: line
     * and paragraph breaks, symbols, ";" and ".", a "," before "and" (line
     * breaks apart), keywords of KW_HOT_CLASSES, and numbers where the
     * kind word follows them (zh).  The walk steps over every other token
     * but the first of a line, so it goes from one of these to the next
     * instead (parse.c). */
    uint32_t *hot;
    size_t nhot;
    size_t hot_cap;
    /* the indices of the line and paragraph breaks, in order (in hot
     * too): where each line ends */
    uint32_t *brk;
    size_t nbrk;
    size_t brk_cap;
};

/* An empty tok_buf. */
#define TOK_BUF_INIT {NULL, 0, 0, NULL, 0, 0, NULL, 0, 0}

/* Empties tb for the next chunk, keeping its room. */
static inline void
tok_buf_clear(struct tok_buf *tb)
{
    tb->n = 0;
    tb->nhot = 0;
    tb->nbrk = 0;
}

/* Frees what tb holds. */
void cite_i_tok_buf_release(struct tok_buf *tb);
/* Adds token i to tb's hot list, in its place, unless it is there. */
void cite_i_hot_insert(struct tok_buf *tb, size_t i);

/* A chunk of tokens over the text they came from. */
struct tokview {
    const struct tok *tk;
    size_t n;
    const char *s;
};

/* ---- token helpers ---- */

static inline int
is_kw(const struct tokview *c, size_t i, int cls)
{
    return i < c->n && c->tk[i].kind == T_KW && c->tk[i].kw->cls == cls;
}

static inline int
is_punct(const struct tokview *c, size_t i, int ch)
{
    return i < c->n && c->tk[i].kind == T_PUNCT && c->tk[i].ch == ch;
}

static inline int
is_num(const struct tokview *c, size_t i)
{
    return i < c->n && c->tk[i].kind == T_NUM;
}

static inline int
is_break(const struct tokview *c, size_t i)
{
    return i >= c->n || c->tk[i].kind == T_NL || c->tk[i].kind == T_PARA;
}

/* Skips line breaks (not paragraph breaks): citations wrap across lines. */
static inline size_t
skip_nl(const struct tokview *c, size_t i)
{
    while (i < c->n && c->tk[i].kind == T_NL) {
        i++;
    }
    return i;
}

static inline int
word_is(const struct tokview *c, size_t i, const char *w)
{
    if (i >= c->n || c->tk[i].kind != T_WORD) {
        return 0;
    }
    size_t n = strlen(w);
    return c->tk[i].len == n && strncmp(c->s + c->tk[i].off, w, n) == 0;
}

static inline size_t
tok_end(const struct tokview *c, size_t i)
{
    return c->tk[i].off + c->tk[i].len;
}

/* The number value of a T_NUM or T_CNUM, else -1. */
static inline long
num_value(const struct tokview *c, size_t i)
{
    if (i < c->n && (c->tk[i].kind == T_NUM || c->tk[i].kind == T_CNUM)) {
        return (long)c->tk[i].val;
    }
    return -1;
}

/* A date at token i; returns the index after it (0 if none), ISO in out. */
size_t cite_i_date_at(const struct tokview *c, size_t i, char *out);

/*
 * Metadata from one line [from, to) of the header (meta.c).  Returns the
 * index where citations may be looked for: from when the line holds no
 * metadata, to when it was all metadata.  *title_open says that the next
 * header lines continue the title.
 */
size_t cite_i_meta_header(struct cite_doc *doc, const struct tokview *v,
                          size_t from, size_t to, int *title_open,
                          int *date_rank);

/* The id a file name like S_RES_459_1979.txt gives, into out; 0 if none. */
int cite_i_id_from_path(const char *path, char *out, size_t outlen);

/* The same for a line after the operative part: date, meeting, vote.
 * from is the line's first token, as the lexer made it (its
 * TF_LINE_MEETING flag is trusted).  Returns 0 (none), 1 (metadata, and
 * the line may cite) or 2 (only metadata). */
int cite_i_meta_closing(struct cite_doc *doc, const struct tokview *v,
                        size_t from, size_t to, int *date_rank);

/*
 * Tokenises bytes [from, to) of text into tb (appended; the hot ones and
 * the breaks to its two lists too: see struct tok_buf).  Returns the
 * offset where it stopped: at to, or after the first blank line once tb
 * holds soft_limit tokens, or (a paragraph that never ends) after a
 * sentence once it holds twice that, or anywhere at four times that; so
 * callers work in chunks of bounded size.  *at_break says on entry whether
 * from starts a line, and on return whether the stop is at a line break.
 */
size_t cite_i_lex(const struct lang_table *lt, const char *text, size_t from,
                  size_t to, struct tok_buf *tb, size_t soft_limit,
                  int *at_break);

/* For tests only (not thread-safe): 0 turns off the look-up of a word's
 * letters as a whole and of a character that is a keyword alone (zh), so
 * that keywords are tried one by one at every word and character, and the
 * lexer's other fast paths (ASCII punctuation and digits, runs of
 * ideographs); the tokens must be the same either way. */
void cite_i_lex_word_index(int on);

/* Value of a Roman numeral of upper-case letters, 0 if not one. */
int cite_i_roman_value(const char *s, size_t n);

/* Writes the Roman numeral of v (1..3999) into out (16 bytes). */
void cite_i_roman_format(char *out, int v);

/*
 * Canonical ids.  A "number" as printed in a citation, before its body is
 * known.
 */
enum num_shape {
    NS_NONE = 0,
    NS_SESSION,   /* a/b: session/number or year/number */
    NS_YEAR_PAREN,/* n (yyyy): Security Council */
    NS_ROMAN,     /* n (XXI): old General Assembly / ECOSOC */
    NS_SPECIAL,   /* S-a/b: special session */
    NS_SPECIAL_ROMAN, /* n (S-IV) */
    NS_EMERGENCY, /* ES-10/19: emergency special session */
};

struct cite_num {
    enum num_shape shape;
    long a;       /* session, year or number */
    long b;       /* number */
    int roman;    /* session of the Roman forms */
    int repair;   /* what was repaired to read it (REPAIR_*), reported
                     only when the number is used */
    size_t repair_off;
};

#define REPAIR_BRACKET 1 /* "660 1990)" */
#define REPAIR_ROMAN   2 /* "32 (1)" */
#define REPAIR_OCR     3 /* "l5ll (2003)", "1546 (20O4)" */

/*
 * Writes the canonical id of a resolution/decision/statement into out
 * (64 bytes) given its number, type and body.  Returns 0 when the
 * combination makes no id (e.g. an HRC resolution with a Roman session).
 */
int cite_i_canonical_id(char *out, size_t outlen, const struct cite_num *num,
                        enum cite_type type, enum cite_body body);

/*
 * Canonicalises a printed symbol (spaces removed, "S/RES/1325 (2000)" ->
 * "S/RES/1325(2000)") into out and classifies it.  Returns 0 if the bytes
 * are not a symbol.
 */
int cite_i_symbol_canon(char *out, size_t outlen, const char *s, size_t n,
                        enum cite_type *type, enum cite_body *body);

/*
 * Copies bytes [from, to) of s into doc's pool with every run of white
 * space (line breaks and no-break spaces too) folded to one space and none
 * at either end.
 */
const char *cite_i_fold(struct cite_doc *doc, const char *s, size_t from,
                        size_t to);

/* After the run: the id from the file name when the text gave none, and
 * no citation of the document's own id. */
void cite_i_finish(struct cite_doc *doc, const struct cite_text *t,
                   const struct cite_diag_sink *sink);

/* Runs the engine: fills doc from t in language lt. */
void cite_i_run(struct cite_doc *doc, const struct cite_text *t,
                const struct lang_table *lt, const struct cite_diag_sink *sink);
/* The same with an id-length limit other than the default (a cited symbol
 * longer than id_max bytes is reported and left out). */
void cite_i_run_limited(struct cite_doc *doc, const struct cite_text *t,
                        const struct lang_table *lt, size_t id_max,
                        const struct cite_diag_sink *sink);

#endif
