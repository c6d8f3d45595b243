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
    long a = num_value(v, k);
    if (a <= 0) {
        return 0;
    }
    if (v->tk[k].kind == T_NUM && is_punct(v, k + 1, '/') && is_num(v, k + 2) &&
        !(v->tk[k + 1].flags & TF_SPACE_BEFORE)) {
        struct cite_num num = {.shape = NS_SESSION, .a = a, .b = (long)v->tk[k + 2].val};
        enum cite_body b = info->body;
        if (b != CITE_BODY_HRC && b != CITE_BODY_GA) {
            b = num.a < 31 ? CITE_BODY_HRC : CITE_BODY_GA;
        }
        if ((info->session != 0 && info->session != num.a) ||
            !cite_i_canonical_id(id, sizeof id, &num, CITE_TYPE_RESOLUTION, b) ||
            !id_fits(doc, id)) {
            return 0;
        }
        set_id(doc, id, CITE_TYPE_RESOLUTION, b);
        if (info->session == 0) {
            info->session = (int)num.a;
        }
        k += 3;
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
    if (is_punct(v, k, '.')) {
        k++;
    }
    return k;
}

size_t
cite_i_meta_header(struct cite_doc *doc, const struct tokview *v, size_t from,
                   size_t to, int *title_open)
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
    if (v->tk[i].kind == T_SYMBOL) {
        size_t from_b = v->tk[i].off, to_b = tok_end(v, i);
        if (cite_i_symbol_canon(id, sizeof id, v->s + from_b, to_b - from_b,
                                &type, &body) &&
            type != CITE_TYPE_DOCUMENT && i + 1 == to) {
            set_id(doc, id, type, body);
            return to;
        }
        return from;
    }
    if (cite_i_date_at(v, i, date) == to) {
        if (info->date[0] == '\0') {
            memcpy(info->date, date, CITE_DATE_LEN);
        }
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
        size_t de = cite_i_date_at(v, k, date);
        if (de > 0) {
            if (info->date[0] == '\0') {
                memcpy(info->date, date, CITE_DATE_LEN);
            }
            if (is_kw(v, de, KW_RES)) {
                de++;
            }
            return de;
        }
        if (e < to) {
            size_t te = title_end(v, e, to);
            add_title(doc, v, e, te);
            *title_open = te == to;
            return te;
        }
        /* a number alone on its line: the title follows, except under a
         * Security Council heading, which has none */
        *title_open = doc->info.body != CITE_BODY_SC;
        return to;
    }
    /* of 22 October 1973 */
    if (is_kw(v, i, KW_OF) && cite_i_date_at(v, i + 1, date) > 0) {
        if (info->date[0] == '\0') {
            memcpy(info->date, date, CITE_DATE_LEN);
        }
        return to;
    }
    /* Resolution adopted by the General Assembly on 19 December 2023 */
    for (size_t k = i; k < to; k++) {
        if (is_kw(v, k, KW_ADOPTED)) {
            for (size_t d = k + 1; d < to; d++) {
                if (is_kw(v, d, KW_BODY) && info->body == CITE_BODY_NONE &&
                    v->tk[d].kw->val != BODY_SELF) {
                    info->body = (enum cite_body)v->tk[d].kw->val;
                }
                if (cite_i_date_at(v, d, date) > 0) {
                    memcpy(info->date, date, CITE_DATE_LEN);
                    break;
                }
            }
            if (info->type == CITE_TYPE_NONE) {
                info->type = CITE_TYPE_RESOLUTION;
            }
            return from; /* a footnote mark may hang a citation on this line */
        }
    }
    if (*title_open && !hit) {
        add_title(doc, v, i, to);
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
