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

/* 37th, 1747th: a number with an English ordinal suffix glued on. */
static size_t
ordinal_number(const struct tokview *v, size_t i, long *out)
{
    if (is_kw(v, i, KW_DI)) {
        i++;
    }
    if (!is_num(v, i)) {
        return 0;
    }
    *out = (long)v->tk[i].val;
    i++;
    if (i < v->n && v->tk[i].kind == T_WORD && !(v->tk[i].flags & TF_SPACE_BEFORE) &&
        v->tk[i].len <= 3) {
        i++;
    }
    return i;
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

int
cite_i_meta_header(struct cite_doc *doc, const struct tokview *v, size_t from,
                   size_t to, int *want_title)
{
    struct cite_docinfo *info = &doc->info;
    size_t i = from;
    char id[128], date[CITE_DATE_LEN];
    enum cite_type type;
    enum cite_body body;
    long n;

    if (v->tk[i].kind == T_SYMBOL) {
        size_t from_b = v->tk[i].off, to_b = tok_end(v, i);
        if (cite_i_symbol_canon(id, sizeof id, v->s + from_b, to_b - from_b,
                                &type, &body) &&
            type != CITE_TYPE_DOCUMENT && i + 1 == to) {
            set_id(doc, id, type, body);
            return 1;
        }
        return 0;
    }
    if (is_kw(v, i, KW_BODY) && i + 1 == to) {
        if (info->body == CITE_BODY_NONE && v->tk[i].kw->val != BODY_SELF) {
            info->body = (enum cite_body)v->tk[i].kw->val;
        }
        return 1;
    }
    size_t e = session_number(v, i, &n);
    if (e > 0 && is_kw(v, e, KW_SESSION)) {
        if (info->session == 0) {
            info->session = (int)n;
        }
        return 1;
    }
    if (is_kw(v, i, KW_AGENDA)) {
        size_t k = i + 1;
        if (is_num(v, k)) {
            size_t end = tok_end(v, k);
            /* 3 (a) */
            if (is_punct(v, k + 1, '(') && k + 3 < to && is_punct(v, k + 3, ')')) {
                end = tok_end(v, k + 3);
            }
            info->agenda_item = cite_i_fold(doc, v->s, v->tk[k].off, end);
            return 1;
        }
    }
    /* a/b [.] [title] */
    if (is_num(v, i) && is_punct(v, i + 1, '/') && is_num(v, i + 2) &&
        !(v->tk[i + 1].flags & TF_SPACE_BEFORE)) {
        struct cite_num num = {NS_SESSION, (long)v->tk[i].val,
                               (long)v->tk[i + 2].val, 0};
        enum cite_body b = info->body;
        if (b == CITE_BODY_NONE) {
            b = num.a < 31 ? CITE_BODY_HRC : CITE_BODY_GA;
        }
        if ((info->session == 0 || info->session == num.a) &&
            cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION, b)) {
            set_id(doc, id, CITE_TYPE_RESOLUTION, b);
            if (info->session == 0 && b != CITE_BODY_SC) {
                info->session = (int)num.a;
            }
            size_t k = i + 3;
            if (is_punct(v, k, '.')) {
                k++;
            }
            if (k < to) {
                info->title = cite_i_fold(doc, v->s, v->tk[k].off, tok_end(v, to - 1));
            } else {
                *want_title = 1;
            }
            return 1;
        }
    }
    /* Resolution 338 (1973) [of DATE] */
    if (is_kw(v, i, KW_RES) && is_num(v, i + 1) && is_punct(v, i + 2, '(') &&
        is_num(v, i + 3) && v->tk[i + 3].ndigits == 4 && is_punct(v, i + 4, ')')) {
        struct cite_num num = {NS_YEAR_PAREN, (long)v->tk[i + 3].val,
                               (long)v->tk[i + 1].val, 0};
        if (cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION,
                                CITE_BODY_SC)) {
            set_id(doc, id, CITE_TYPE_RESOLUTION, CITE_BODY_SC);
            size_t k = i + 5;
            if (is_kw(v, k, KW_OF) && cite_i_date_at(v, k + 1, date) > 0 &&
                info->date[0] == '\0') {
                memcpy(info->date, date, CITE_DATE_LEN);
            }
            return 1;
        }
    }
    /* of 22 October 1973 */
    if (is_kw(v, i, KW_OF) && cite_i_date_at(v, i + 1, date) > 0) {
        if (info->date[0] == '\0') {
            memcpy(info->date, date, CITE_DATE_LEN);
        }
        return 1;
    }
    /* Resolution adopted by the General Assembly on 19 December 2023 */
    for (size_t k = i; k < to; k++) {
        if (is_kw(v, k, KW_ADOPTED)) {
            for (size_t d = k + 1; d < to; d++) {
                if (cite_i_date_at(v, d, date) > 0) {
                    memcpy(info->date, date, CITE_DATE_LEN);
                    break;
                }
            }
            if (info->type == CITE_TYPE_NONE) {
                info->type = CITE_TYPE_RESOLUTION;
            }
            return 0; /* a footnote mark may hang a citation on this line */
        }
    }
    if (*want_title) {
        *want_title = 0;
        info->title = cite_i_fold(doc, v->s, v->tk[i].off, tok_end(v, to - 1));
        return 1;
    }
    return 0;
}

int
cite_i_meta_closing(struct cite_doc *doc, const struct tokview *v, size_t from,
                    size_t to)
{
    struct cite_docinfo *info = &doc->info;
    char date[CITE_DATE_LEN];
    long n;
    size_t i = from;
    int hit = 0;

    if (is_punct(v, i, '[')) {
        i++;
    }
    if (cite_i_date_at(v, i, date) == to) {
        memcpy(info->date, date, CITE_DATE_LEN);
        return 1;
    }
    size_t e = ordinal_number(v, i, &n);
    if (e > 0) {
        if (e < to && v->tk[e].kind == T_WORD) {
            e++; /* plenary */
        }
        if (is_kw(v, e, KW_MEETING) && e + 1 >= to) {
            info->meeting = (int)n;
            return 1;
        }
    }
    long votes[3] = {-1, -1, 0};
    for (size_t k = i; k < to; k++) {
        if (is_kw(v, k, KW_NO_VOTE)) {
            info->vote = cite_doc_strdup(doc, "without-vote");
            hit = 1;
        } else if (is_kw(v, k, KW_UNANIMOUS)) {
            info->vote = cite_doc_strdup(doc, "unanimous");
            hit = 1;
        } else if (is_kw(v, k, KW_MEETING) && k > from) {
            size_t b = k - 1;
            if (b > from && v->tk[b].kind == T_WORD && !is_num(v, b)) {
                b--; /* plenary */
            }
            if (b > from && v->tk[b].kind == T_WORD && b > from && is_num(v, b - 1)) {
                b--; /* 1747th */
            }
            if (is_num(v, b)) {
                info->meeting = (int)v->tk[b].val;
                hit = 1;
            }
        } else if (is_num(v, k) && k + 2 < to && v->tk[k + 1].kind == T_WORD &&
                   v->s[v->tk[k + 1].off] == 'v' && votes[0] < 0) {
            /* N votes to M | none [, with K abstentions] */
            votes[0] = (long)v->tk[k].val;
            size_t m = k + 3;
            votes[1] = is_num(v, m) ? (long)v->tk[m].val : 0;
            for (size_t a = m; a + 1 < to; a++) {
                if (is_num(v, a) && a > m && v->tk[a + 1].kind == T_WORD &&
                    v->s[v->tk[a + 1].off] == 'a') {
                    votes[2] = (long)v->tk[a].val;
                }
            }
            hit = 1;
        }
    }
    if (votes[0] >= 0 && (info->vote == NULL || strcmp(info->vote, "unanimous") != 0)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%ld-%ld-%ld", votes[0], votes[1], votes[2]);
        info->vote = cite_doc_strdup(doc, buf);
    }
    return hit;
}
