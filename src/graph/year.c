/*
 * year.c - the year a node of the network belongs to.
 *
 * A date says it best: its first four digits.  Without one, the canonical
 * id often carries the year or the session (see src/extract/canon.c):
 *
 *   S/RES/<n>(<yyyy>)                        yyyy (any id ending "(yyyy)")
 *   S/PRST/<yyyy>/<n>, E/RES|DEC/<yyyy>/<n>,
 *   E/CN.4/RES|DEC/<yyyy>/<n>,
 *   E/CN.4/SUB.2/RES|DEC/<yyyy>/<n>          yyyy (a four-digit last but
 *                                            one segment)
 *   A/RES|DEC/<s>/<n>, s >= 31               1945 + s: the General
 *                                            Assembly's session s opens in
 *                                            September 1945 + s
 *   A/RES/<n>(<ROMAN>)                       1945 + ROMAN (sessions 1-30;
 *                                            the first met in 1946)
 *
 * A year taken from an id must lie in 1945..2199.  Everything else is 0
 * (unknown): special and emergency special sessions, which met in many
 * years; the Human Rights Council, whose sessions do not map onto years
 * without a table; the Economic and Social Council's Roman sessions,
 * two a year; instruments and other documents.
 */
#include <string.h>

#include "graph_int.h"

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The value of the n digits at s, or -1 if they are not all digits. */
static int
digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i])) {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int
plausible(int y)
{
    return y >= 1945 && y <= 2199 ? y : 0;
}

static int
roman_digit(char c)
{
    switch (c) {
    case 'I':
        return 1;
    case 'V':
        return 5;
    case 'X':
        return 10;
    case 'L':
        return 50;
    case 'C':
        return 100;
    default:
        return 0;
    }
}

/* The value of the Roman numeral s[0..n), written the canonical way
 * (checked by writing it back), or 0. */
static int
roman(const char *s, size_t n)
{
    if (n == 0 || n > 12) {
        return 0;
    }
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = roman_digit(s[i]);
        if (d == 0) {
            return 0;
        }
        int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
        v += d < next ? -d : d;
    }
    if (v <= 0 || v >= 400) {
        return 0;
    }
    static const struct {
        int value;
        const char *text;
    } parts[] = {{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
                 {9, "IX"},  {5, "V"},   {4, "IV"}, {1, "I"}};
    char back[16];
    size_t k = 0;
    int rest = v;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        while (rest >= parts[p].value) {
            size_t len = strlen(parts[p].text);
            if (k + len >= sizeof back) {
                return 0;
            }
            memcpy(back + k, parts[p].text, len);
            k += len;
            rest -= parts[p].value;
        }
    }
    return k == n && memcmp(back, s, n) == 0 ? v : 0;
}

/* A/RES/<s>/<n>, A/DEC/<s>/<n>, A/RES/<n>(<ROMAN>). */
static int
general_assembly(const char *id)
{
    const char *p;
    if (strncmp(id, "A/RES/", 6) == 0 || strncmp(id, "A/DEC/", 6) == 0) {
        p = id + 6;
    } else {
        return 0;
    }
    size_t k = 0;
    while (is_digit(p[k])) {
        k++;
    }
    if (k == 0 || k > 4) {
        return 0;
    }
    if (p[k] == '/') {
        int s = digits(p, k);
        return s >= 31 ? plausible(1945 + s) : 0;
    }
    if (p[k] == '(' && strncmp(id, "A/RES/", 6) == 0) {
        const char *r = p + k + 1;
        const char *close = strchr(r, ')');
        if (close == NULL || close[1] != '\0') {
            return 0;
        }
        int s = roman(r, (size_t)(close - r));
        return s > 0 ? plausible(1945 + s) : 0;
    }
    return 0;
}

static int
year_from_id(const char *id)
{
    int y = general_assembly(id);
    if (y != 0) {
        return y;
    }
    size_t n = strlen(id);
    /* ...(yyyy) */
    if (n >= 6 && id[n - 1] == ')' && id[n - 6] == '(') {
        y = digits(id + n - 5, 4);
        if (y > 0) {
            return plausible(y);
        }
    }
    /* .../yyyy/<n> */
    const char *last = strrchr(id, '/');
    if (last != NULL && last - id >= 5 && last[-5] == '/') {
        y = digits(last - 4, 4);
        if (y > 0) {
            return plausible(y);
        }
    }
    return 0;
}

int
cite_i_node_year(const char *id, const char *date)
{
    if (date != NULL && strlen(date) >= 4) {
        int y = digits(date, 4);
        if (y > 0) {
            return y;
        }
    }
    return id != NULL ? year_from_id(id) : 0;
}
