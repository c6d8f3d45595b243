/*
 * date.c - dates as the six languages print them.
 *
 *   DAY MONTH YEAR            18 June 2007, 18 juin 2007, 18 июня 2007 года
 *   DAY de MONTH de YEAR      18 de junio de 2007
 *   MONTH DAY [','] YEAR      June 18, 2007
 *   YEAR 年 MONTH 月 DAY 日    2007 年 6 月 18 日, 一九七三年十月二十二日
 *
 * Line breaks may fall anywhere inside.  A year with a footnote number
 * glued to it (20117 = 2011 + note 7) reads as its first four digits.
 */
#include <stdlib.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

/*
 * A date at token i:
 *   DAY MONTH YEAR | MONTH DAY [','] YEAR | DAY de MONTH de YEAR
 *   YEAR 年 MONTH 月 DAY 日  (digits or Chinese numerals)
 * Returns the index after it (0 if none) and the ISO date in out.
 */
/* "ler", "Ier": OCR's reading of 1er, the first of the month. */
static int
ocr_first(const struct tokview *c, size_t k)
{
    return k < c->n && c->tk[k].kind == T_WORD && c->tk[k].len == 3 &&
           (memcmp(c->s + c->tk[k].off, "ler", 3) == 0 ||
            memcmp(c->s + c->tk[k].off, "Ier", 3) == 0);
}

/* "de", "er" (1er), "of": a short word between a day and a month. */
static int
is_filler(const struct tokview *c, size_t k)
{
    if (k >= c->n) {
        return 0;
    }
    if (c->tk[k].kind == T_KW && c->tk[k].kw->cls == KW_OF) {
        return 1;
    }
    return c->tk[k].kind == T_WORD && c->tk[k].len <= 3 &&
           !(c->tk[k].flags & TF_UPPER);
}

/* The other name of the same month: "تشرين الأول/أكتوبر", "آب (أغسطس)". */
static size_t
month_twin(const struct tokview *c, size_t k, long m)
{
    if (is_punct(c, k, '/') && is_kw(c, skip_nl(c, k + 1), KW_MONTH) &&
        c->tk[skip_nl(c, k + 1)].kw->val == m) {
        return skip_nl(c, skip_nl(c, k + 1) + 1);
    }
    if (is_punct(c, k, '(') && is_kw(c, k + 1, KW_MONTH) &&
        c->tk[k + 1].kw->val == m && is_punct(c, k + 2, ')')) {
        return skip_nl(c, k + 3);
    }
    return k;
}

size_t
cite_i_date_at(const struct tokview *c, size_t i, char *out)
{
    size_t j = skip_nl(c, i);
    long y, m, d;
    /* kind-last languages: YEAR 年 M 月 D 日 */
    if ((y = num_value(c, j)) >= 0 && is_kw(c, skip_nl(c, j + 1), KW_YEAR_MARK)) {
        size_t k = skip_nl(c, skip_nl(c, j + 1) + 1);
        if ((m = num_value(c, k)) < 0 || !is_kw(c, skip_nl(c, k + 1), KW_MONTH_MARK)) {
            return 0;
        }
        k = skip_nl(c, skip_nl(c, k + 1) + 1);
        if ((d = num_value(c, k)) < 0 || !is_kw(c, skip_nl(c, k + 1), KW_DAY_MARK)) {
            return 0;
        }
        k = skip_nl(c, k + 1);
        return cite_i_date_format(out, (int)y, (int)m, (int)d) ? k + 1 : 0;
    }
    if ((is_num(c, j) && c->tk[j].ndigits <= 2) || ocr_first(c, j)) {
        d = is_num(c, j) ? (long)c->tk[j].val : 1;
        size_t k = skip_nl(c, j + 1);
        if (is_filler(c, k)) {
            k = skip_nl(c, k + 1); /* "1er", "de" */
        }
        if (!is_kw(c, k, KW_MONTH)) {
            return 0;
        }
        m = c->tk[k].kw->val;
        k = month_twin(c, skip_nl(c, k + 1), m);
        if (is_filler(c, k)) {
            k = skip_nl(c, k + 1);
        }
        if (!is_num(c, k) || c->tk[k].ndigits < 4) {
            return 0;
        }
        y = (long)c->tk[k].val;
        if (c->tk[k].ndigits > 4) {
            /* a footnote number glued to the year: 20117 = 2011 + note 7 */
            char buf[5];
            memcpy(buf, c->s + c->tk[k].off, 4);
            buf[4] = '\0';
            y = atol(buf);
        }
        size_t after = k + 1;
        size_t ym = skip_nl(c, after);
        if (is_kw(c, ym, KW_YEAR_MARK)) {
            after = ym + 1; /* года */
            if (is_punct(c, after, '.') && !(c->tk[after].flags & TF_SPACE_BEFORE)) {
                after++; /* г. */
            }
        }
        return cite_i_date_format(out, (int)y, (int)m, (int)d) ? after : 0;
    }
    if (is_kw(c, j, KW_MONTH)) {
        m = c->tk[j].kw->val;
        size_t k = skip_nl(c, j + 1);
        if (!is_num(c, k) || c->tk[k].ndigits > 2) {
            return 0;
        }
        d = (long)c->tk[k].val;
        k = skip_nl(c, k + 1);
        if (is_punct(c, k, ',')) {
            k = skip_nl(c, k + 1);
        }
        if (!is_num(c, k) || c->tk[k].ndigits != 4) {
            return 0;
        }
        y = (long)c->tk[k].val;
        return cite_i_date_format(out, (int)y, (int)m, (int)d) ? k + 1 : 0;
    }
    return 0;
}

