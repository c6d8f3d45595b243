/*
 * meta.c - the citing document's own metadata, from its header and closing.
 *
 * Header lines (before the preamble), each alone on its line:
 *   SYMBOL                          A/RES/78/171 (masthead, page header)
 *   BODY                            Human Rights Council / 人权理事会
 *   [第] NUMBER|ORDINAL session      Twenty-first session / 第二十一届会议
 *   agenda item N                   Agenda item 10 / 议程项目 10
 *   a/b [.] [title]                 21/21 / 78/171. Persons with albinism
 *   KIND n (year) | 第n(year)号决议  Resolution 338 (1973)   (Security Council)
 *   of DATE | adopted ... on DATE   the adoption date
 *   the line after the number       the title, when the number stood alone
 * Closing lines:
 *   DATE                            2012 年 9 月 27 日 / 19 December 2023
 *   [第] N [th] [plenary] meeting    第 37 次会议 / 50th plenary meeting
 *   ... without a vote ...          [未经表决获得通过。]
 *   Adopted [unanimously] at the Nth meeting [by N votes to M[, with K abstentions]]
 */
#include <stdio.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

/* A session number at i: [第] N | ORDINAL{-ORDINAL}; returns index after. */
static size_t
session_number(const struct tokview *v, size_t i, long *out)
{
    if (is_kw(v, i, KW_DI)) {
        i++;
    }
    long n = num_value(v, i);
    if (n > 0) {
        *out = n;
        return i + 1;
    }
    long sum = 0;
    while (is_kw(v, i, KW_ORDINAL)) {
        sum += v->tk[i].kw->val;
        i++;
        if (is_punct(v, i, '-') && is_kw(v, i + 1, KW_ORDINAL)) {
            i++;
        }
    }
    *out = sum;
    return sum > 0 ? i : 0;
}


/* How sure a date is to be the adoption date: a date alone on a header
 * line may be the distribution date; a closing line is the adoption. */
enum {
    DATE_HEADER_ALONE = 1,
    DATE_HEADING = 2,
    DATE_CLOSING = 3
};

static void
set_date(struct cite_doc *doc, const char *date, int rank, int *date_rank)
{
    if (rank >= *date_rank) {
        memcpy(doc->info.date, date, CITE_DATE_LEN);
        *date_rank = rank;
    }
}

/* 1 when id may be the document's own: none known yet, or this one. */
static int
id_fits(const struct cite_doc *doc, const char *id)
{
    return doc->info.id == NULL || strcmp(doc->info.id, id) == 0;
}

static void
set_id(struct cite_doc *doc, const char *id, enum cite_type type,
       enum cite_body body)
{
    if (doc->info.id == NULL) {
        doc->info.id = cite_doc_strdup(doc, id);
        doc->info.type = type;
        if (body != CITE_BODY_NONE) {
            doc->info.body = body;
        }
    }
}

/* Appends the text of tokens [from, to) to the title. */
static void
add_title(struct cite_doc *doc, const struct tokview *v, size_t from, size_t to)
{
    if (from >= to) {
        return;
    }
    const char *part = cite_i_fold(doc, v->s, v->tk[from].off, tok_end(v, to - 1));
    if (doc->info.title == NULL) {
        doc->info.title = part;
        return;
    }
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_buf_addf(&b, "%s %s", doc->info.title, part);
    doc->info.title = cite_doc_strndup(doc, b.ptr, b.len);
    cite_i_buf_release(&b);
}

/* Where a title that shares its line with the text ends: at the preamble's
 * opening ("The Human Rights Council,") or after 40 tokens. */
static size_t
title_end(const struct tokview *v, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (k - from >= 40 ||
            (is_kw(v, k, KW_BODY) && is_punct(v, k + 1, ','))) {
            if (k > from && (is_kw(v, k - 1, KW_ARTICLE) ||
                             (v->tk[k - 1].kind == T_WORD &&
                              (v->tk[k - 1].flags & TF_UPPER) &&
                              v->tk[k - 1].len <= 3))) {
                return k - 1; /* The, Le, El */
            }
            return k;
        }
    }
    return to;
}

/* A meeting number in [from, to): N [th|e|-м] [plenary] meeting. */
static int
meeting_in(struct cite_doc *doc, const struct tokview *v, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        if (!is_kw(v, k, KW_MEETING)) {
            continue;
        }
        /* the number stands at most three tokens before: 1747th, 4872-м,
         * 50th plenary, 第 37 次 */
        for (size_t b = k; b > from && k - b < 4; b--) {
            long n = num_value(v, b - 1);
            if (n > 0) {
                doc->info.meeting = (int)n;
                return 1;
            }
        }
        /* or after it: الجلسة 53, الجلسة العامة 53, في جلسته 7488 */
        for (size_t a = k + 1; a < to && a < k + 3; a++) {
            long n = num_value(v, a);
            if (n > 0 && !is_kw(v, a + 1, KW_VOTES)) {
                doc->info.meeting = (int)n;
                return 1;
            }
        }
    }
    return 0;
}

/* A vote in [from, to): N votes to M|none [, with K abstentions];
 * 以十四票对零票通过，弃权者二. */
static int
vote_in(struct cite_doc *doc, const struct tokview *v, size_t from, size_t to)
{
    long yes = -1, no = 0, abst = 0;
    for (size_t k = from; k < to; k++) {
        if (is_kw(v, k, KW_NO_VOTE)) {
            doc->info.vote = cite_doc_strdup(doc, "without-vote");
            return 1;
        }
        if (is_kw(v, k, KW_UNANIMOUS)) {
            doc->info.vote = cite_doc_strdup(doc, "unanimous");
            return 1;
        }
        /* "a recorded vote of 18 to 15" */
        if (yes < 0 && is_kw(v, k, KW_VOTES) && is_kw(v, k + 1, KW_OF) &&
            num_value(v, k + 2) >= 0 && (is_kw(v, k + 3, KW_TO) || is_kw(v, k + 3, KW_AGAINST))) {
            yes = num_value(v, k + 2);
            no = num_value(v, k + 4) >= 0 ? num_value(v, k + 4) : 0;
            k += 4;
            continue;
        }
        long n = num_value(v, k);
        if (n < 0 || !is_kw(v, k + 1, KW_VOTES)) {
            if (yes >= 0 && is_kw(v, k, KW_ABSTENTION)) {
                /* "with 14 abstentions", "弃权者二" */
                if (k > from && num_value(v, k - 1) >= 0) {
                    abst = num_value(v, k - 1);
                } else if (num_value(v, k + 1) >= 0) {
                    abst = num_value(v, k + 1);
                }
            }
            continue;
        }
        /* N votes ...: what follows says what N counted */
        size_t t = k + 2;
        if (is_kw(v, t, KW_VOTES_FOR)) {
            yes = n;                              /* 18票赞成 */
        } else if ((is_kw(v, t, KW_AGAINST) || is_kw(v, t, KW_TO)) && num_value(v, t + 1) >= 0) {
            yes = n;                              /* 14 votes to 1, 14票对1票 */
            no = num_value(v, t + 1);
        } else if (is_kw(v, t, KW_AGAINST) && yes >= 0) {
            no = n;                               /* 15票反对 */
        } else if (is_kw(v, t, KW_ABSTENTION) && yes >= 0) {
            abst = n;                             /* 14票弃权 */
        } else if (yes < 0) {
            yes = n;                              /* 14 votes to none */
        }
    }
    if (yes < 0) {
        return 0;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%ld-%ld-%ld", yes, no, abst);
    doc->info.vote = cite_doc_strdup(doc, buf);
    return 1;
}

/*
 * What an "adopted by" clause gives, from k to the end of the line: the
 * body, the date, the meeting, the vote.
 */
static void
adopted_in(struct cite_doc *doc, const struct tokview *v, size_t line, size_t k,
           size_t to, int *date_rank)
{
    struct cite_docinfo *info = &doc->info;
    char date[CITE_DATE_LEN];
    /* "Resolution adopted by ... / on 17 December 2024": the date may be on
     * the next line */
    size_t end = to;
    if (end < v->n && v->tk[end].kind == T_NL) {
        end++;
        while (end < v->n && v->tk[end].kind != T_NL && v->tk[end].kind != T_PARA &&
               end < to + 12) {
            end++;
        }
    }
    for (size_t d = line; d < end; d++) {
        if (is_kw(v, d, KW_BODY) && info->body == CITE_BODY_NONE &&
            v->tk[d].kw->val != BODY_SELF) {
            info->body = (enum cite_body)v->tk[d].kw->val;
        }
        if (cite_i_date_at(v, d, date) > 0) {
            set_date(doc, date, DATE_HEADING, date_rank);
            break;
        }
    }
    meeting_in(doc, v, line, to);
    /* "Decision adopted by the Human Rights Council" */
    if (info->type == CITE_TYPE_NONE) {
        info->type = CITE_TYPE_RESOLUTION;
        for (size_t d = k > 3 ? k - 3 : 0; d < k; d++) {
            if (is_kw(v, d, KW_DEC)) {
                info->type = CITE_TYPE_DECISION;
            }
        }
    }
}

/*
 * The document's own number at i: [KIND] a/b, [KIND] n (year), n(year)
 * in Chinese numerals, 第 n(year) 号决议.  Sets the id; returns the index
 * after the number (and a following '.'), or 0.
 */
static size_t
own_number(struct cite_doc *doc, const struct tokview *v, size_t i, size_t to)
{
    struct cite_docinfo *info = &doc->info;
    char id[128];
    size_t k = i;
    int di = 0;
    if (is_kw(v, k, KW_RES)) {
        k++;
    } else if (is_kw(v, k, KW_DI)) {
        k++;
        di = 1;
    }
    /* S-36/1. Title: a special session's number */
    if (word_is(v, k, "S") && is_punct(v, k + 1, '-') && is_num(v, k + 2) &&
        is_punct(v, k + 3, '/') && is_num(v, k + 4)) {
        struct cite_num num = {.shape = NS_SPECIAL, .a = (long)v->tk[k + 2].val,
                               .b = (long)v->tk[k + 4].val};
        enum cite_body b = info->body == CITE_BODY_HRC ? CITE_BODY_HRC : CITE_BODY_GA;
        if (!cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION, b) ||
            !id_fits(doc, id)) {
            return 0;
        }
        set_id(doc, id, CITE_TYPE_RESOLUTION, b);
        k += 5;
        if (is_punct(v, k, '.') || is_punct(v, k, '-')) {
            k++;
        }
        return k;
    }
    long a = num_value(v, k);
    if (a <= 0) {
        return 0;
    }
    if (v->tk[k].kind == T_NUM && is_punct(v, k + 1, '/') && is_num(v, k + 2) &&
        !(v->tk[k + 1].flags & TF_SPACE_BEFORE)) {
        struct cite_num num = {.shape = NS_SESSION, .a = a, .b = (long)v->tk[k + 2].val};
        enum cite_body b = info->body;
        enum cite_type type = info->type == CITE_TYPE_DECISION ? CITE_TYPE_DECISION
                                                               : CITE_TYPE_RESOLUTION;
        int year = a >= 1946 && a <= 2100;
        if (year && b != CITE_BODY_ECOSOC && b != CITE_BODY_CHR && b != CITE_BODY_SUBCOM) {
            return 0;
        }
        if (!year && b != CITE_BODY_HRC && b != CITE_BODY_GA) {
            b = num.a < 31 ? CITE_BODY_HRC : CITE_BODY_GA;
        }
        if ((info->session != 0 && info->session != num.a && !year) ||
            !cite_i_canonical_id(id, sizeof id, &num, type, b) || !id_fits(doc, id)) {
            return 0;
        }
        set_id(doc, id, type, b);
        if (info->session == 0 && !year) {
            info->session = (int)num.a;
        }
        k += 3;
    } else if (is_punct(v, k + 1, '(') && k + 3 < to && v->tk[k + 2].kind == T_WORD &&
               (v->tk[k + 2].flags & TF_CAP_ROMAN) && is_punct(v, k + 3, ')') &&
               is_punct(v, k + 4, '.')) {
        /* 3453 (XXX). Title: an old General Assembly (or ECOSOC) heading */
        struct cite_num num = {.shape = NS_ROMAN, .b = a, .roman = (int)v->tk[k + 2].val};
        enum cite_body b = info->body == CITE_BODY_ECOSOC ? CITE_BODY_ECOSOC : CITE_BODY_GA;
        if (!cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION, b) ||
            !id_fits(doc, id)) {
            return 0;
        }
        set_id(doc, id, CITE_TYPE_RESOLUTION, b);
        k += 4;
    } else if (is_punct(v, k + 1, '(') && num_value(v, k + 2) >= 1945 &&
               v->tk[k + 2].ndigits == 4 && is_punct(v, k + 3, ')')) {
        struct cite_num num = {.shape = NS_YEAR_PAREN, .a = num_value(v, k + 2), .b = a};
        if (!cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION,
                                 CITE_BODY_SC) ||
            !id_fits(doc, id)) {
            return 0;
        }
        k += 4;
        if (di) {
            /* 第309(1972)号决议 alone on its line */
            if (is_kw(v, k, KW_HAO)) {
                k++;
            }
            if (!is_kw(v, k, KW_RES) || k + 1 != to) {
                return 0;
            }
            k++;
        } else if (!is_kw(v, i, KW_RES) && !is_punct(v, k, '.')) {
            return 0; /* a bare "n (year)" heading ends with a full stop */
        }
        set_id(doc, id, CITE_TYPE_RESOLUTION, CITE_BODY_SC);
    } else {
        return 0;
    }
    if (is_punct(v, k, '.') || is_punct(v, k, '-')) {
        k++; /* "79/123. Title", Arabic "79/123 - Title" */
    }
    return k;
}

size_t
cite_i_meta_header(struct cite_doc *doc, const struct tokview *v, size_t from,
                   size_t to, int *title_open, int *date_rank)
{
    struct cite_docinfo *info = &doc->info;
    size_t i = from;
    char id[128], date[CITE_DATE_LEN];
    enum cite_type type;
    enum cite_body body;
    long n;

    /* [S/1836], (S/714, I], 〔S/1836〕: the resolution's own document */
    if ((is_punct(v, i, '[') || is_punct(v, i, '(') || is_punct(v, i, '?')) &&
        i + 1 < to && v->tk[i + 1].kind == T_SYMBOL && to - i <= 6) {
        return to;
    }
    /* the masthead: "A/RES/78/171" alone, or "United Nations A/HRC/RES/52/20"
     * when the PDF text keeps its layout */
    for (size_t k = i; k < to && k < i + 8; k++) {
        if (v->tk[k].kind != T_SYMBOL) {
            if (v->tk[k].kind == T_KW || v->tk[k].kind == T_NUM) {
                break;
            }
            continue;
        }
        size_t from_b = v->tk[k].off, to_b = tok_end(v, k);
        if (cite_i_symbol_canon(id, sizeof id, v->s + from_b, to_b - from_b,
                                &type, &body) &&
            type != CITE_TYPE_DOCUMENT) {
            size_t e = k + 1;
            /* S/RES/2231 (2015) */
            if (body == CITE_BODY_SC && type == CITE_TYPE_RESOLUTION &&
                strchr(id, '(') == NULL && is_punct(v, e, '(') && is_num(v, e + 1) &&
                v->tk[e + 1].ndigits == 4 && is_punct(v, e + 2, ')')) {
                size_t l = strlen(id);
                snprintf(id + l, sizeof id - l, "(%ld)", (long)v->tk[e + 1].val);
                e += 3;
            }
            if (id_fits(doc, id) && (e == to || doc->info.id == NULL)) {
                set_id(doc, id, type, body);
                return e;
            }
        }
        break;
    }
    if (v->tk[i].kind == T_SYMBOL) {
        return from;
    }
    if (cite_i_date_at(v, i, date) == to) {
        set_date(doc, date, DATE_HEADER_ALONE, date_rank);
        return to;
    }
    /* a body opening the line: "Human Rights Council [Thirty-sixth session]" */
    int hit = 0;
    if (is_kw(v, i, KW_BODY) && !is_kw(v, i + 1, KW_RES) &&
        !is_punct(v, i + 1, ',')) {
        if (info->body == CITE_BODY_NONE && v->tk[i].kw->val != BODY_SELF) {
            info->body = (enum cite_body)v->tk[i].kw->val;
        }
        i++;
        hit = 1;
    }
    size_t e = session_number(v, i, &n);
    if (e > 0 && is_kw(v, e, KW_SESSION)) {
        if (info->session == 0) {
            info->session = (int)n;
        }
        return e + 1 < to ? e + 1 : to;
    }
    /* "Agenda item 68 (b)", "Point 68 b) de l'ordre du jour",
     * "Пункт 68 b) повестки дня", "البند 68 (ب) من جدول الأعمال" */
    size_t ag = to;
    for (size_t k = i; k < to && ag == to; k++) {
        if (is_kw(v, k, KW_AGENDA)) {
            ag = k;
        }
    }
    if (ag < to && !is_num(v, ag + 1)) {
        for (size_t k = i; k < to; k++) {
            if (is_num(v, k)) {
                size_t end = tok_end(v, k);
                if (is_punct(v, k + 1, '(') && k + 3 < to && is_punct(v, k + 3, ')')) {
                    end = tok_end(v, k + 3);
                } else if (k + 2 < to && v->tk[k + 1].kind != T_NUM && is_punct(v, k + 2, ')')) {
                    end = tok_end(v, k + 2); /* 68 b) */
                }
                info->agenda_item = cite_i_fold(doc, v->s, v->tk[k].off, end);
                return to;
            }
        }
    }
    if (is_kw(v, i, KW_AGENDA)) {
        size_t k = i + 1;
        if (is_num(v, k)) {
            size_t end = tok_end(v, k);
            if (is_punct(v, k + 1, '(') && k + 3 < to && is_punct(v, k + 3, ')')) {
                end = tok_end(v, k + 3);
            }
            info->agenda_item = cite_i_fold(doc, v->s, v->tk[k].off, end);
            return to;
        }
    }
    e = own_number(doc, v, i, to);
    if (e > 0) {
        /* 44 (1948). Resolution of 1 April 1948; 八十七(一九五〇).一九五〇年九月二十九日決議案 */
        size_t k = e;
        if (is_kw(v, k, KW_RES)) {
            k++;
        }
        if (is_kw(v, k, KW_OF)) {
            k++;
        }
        size_t de = k < to ? cite_i_date_at(v, k, date) : 0;
        if (de > 0 && de <= to) {
            set_date(doc, date, DATE_HEADING, date_rank);
            if (is_kw(v, de, KW_RES)) {
                de++;
            }
            return de;
        }
        if (info->body == CITE_BODY_SC) {
            /* Резолюция 1518 (2003), принятая ... на его 4872-м заседании
             * 24 ноября 2003 года: no title, maybe the adoption */
            *title_open = 0;
            adopted_in(doc, v, e, e, to, date_rank);
            return to;
        }
        if (e < to) {
            size_t te = title_end(v, e, to);
            add_title(doc, v, e, te);
            *title_open = te == to;
            return te;
        }
        *title_open = 1;
        return to;
    }
    if (info->meeting == 0) {
        meeting_in(doc, v, i, to); /* At the 9585th meeting of the Council */
    }
    /* of 22 October 1973 */
    if (is_kw(v, i, KW_OF) && cite_i_date_at(v, i + 1, date) > 0) {
        set_date(doc, date, DATE_HEADING, date_rank);
        return to;
    }
    /* Resolution adopted by the General Assembly on 19 December 2023 */
    for (size_t k = i; k < to; k++) {
        if (is_kw(v, k, KW_ADOPTED)) {
            adopted_in(doc, v, i, k, to, date_rank);
            return from; /* a footnote mark may hang a citation on this line */
        }
    }
    if (*title_open && !hit) {
        /* a title runs over two or three lines, not more */
        add_title(doc, v, i, to);
        if (++*title_open > 3 || is_punct(v, to - 1, ',')) {
            *title_open = 0;
        }
        return to;
    }
    return hit && i == to ? to : from;
}

/*
 * A file named like a symbol: S_RES_459_1979.txt, A_HRC_RES_22_4.en.txt,
 * A_RES_53_144.excerpt.txt.  Writes the id into out; returns 0 if the name
 * is not one.
 */
int
cite_i_id_from_path(const char *path, char *out, size_t outlen)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[128];
    size_t n = 0;
    for (const char *p = base; *p && *p != '.' && n + 1 < sizeof name; p++) {
        name[n++] = *p == '_' ? '/' : *p;
    }
    name[n] = '\0';
    enum cite_type type;
    enum cite_body body;
    char canon[128];
    if (!cite_i_symbol_canon(canon, sizeof canon, name, n, &type, &body) ||
        type == CITE_TYPE_DOCUMENT) {
        return 0;
    }
    /* S/RES/459/1979 -> S/RES/459(1979) */
    if (body == CITE_BODY_SC && type == CITE_TYPE_RESOLUTION) {
        char *slash = strrchr(canon, '/');
        if (slash == NULL || slash < canon + 6) {
            return 0;
        }
        *slash = '\0';
        return snprintf(out, outlen, "%s(%s)", canon, slash + 1) < (int)outlen;
    }
    return snprintf(out, outlen, "%s", canon) < (int)outlen;
}

int
cite_i_meta_closing(struct cite_doc *doc, const struct tokview *v, size_t from,
                    size_t to, int *date_rank)
{
    char date[CITE_DATE_LEN];
    size_t i = from;
    if (is_punct(v, i, '[')) {
        i++;
    }
    if (cite_i_date_at(v, i, date) == to) {
        set_date(doc, date, DATE_CLOSING, date_rank);
        return 2;
    }
    /* the words a meeting or a vote needs: the lexer marked the lines
     * that have one (most lines of the operative part have none) */
    int hit = 0;
    for (size_t k = i; (v->tk[from].flags & TF_LINE_MEETING) && k < to; k++) {
        if (v->tk[k].kind == T_KW &&
            (v->tk[k].kw->cls == KW_MEETING || v->tk[k].kw->cls == KW_VOTES ||
             v->tk[k].kw->cls == KW_NO_VOTE || v->tk[k].kw->cls == KW_UNANIMOUS)) {
            hit = meeting_in(doc, v, i, to);
            hit |= vote_in(doc, v, i, to);
            break;
        }
    }
    /* "53rd plenary meeting" alone is all metadata; "116 S/2000/566 et
     * Corr.1. 117 4157e à 4159e séances." holds a citation too */
    for (size_t k = i; hit && k < to; k++) {
        if (v->tk[k].kind == T_SYMBOL || is_kw(v, k, KW_RES) || is_kw(v, k, KW_DEC)) {
            return 1;
        }
    }
    return hit ? 2 : 0;
}
