/*
 * symbol.c - decides whether a string is a well-formed canonical id.
 *
 * The ids are those of the annotation guide.  An id that starts with the
 * prefix of a known series must take one of that series' forms, where <n>
 * is a number from 1 without leading zeros, <year> is 1945..2100 and
 * <ROMAN> a canonical Roman numeral:
 *
 *   S/RES/<n>(<year>)            year from 1946
 *   S/PRST/<year>/<n>            year from 1994
 *   A/RES/<session>/<n>          session from 31
 *   A/RES/<n>(<ROMAN>)           session up to XXX
 *   A/RES/S-<s>/<n>  A/RES/ES-<s>/<n>  A/RES/<n>(S-<ROMAN>)
 *   A/DEC/<s>/<n>
 *   A/HRC/RES/<s>/<n>  A/HRC/RES/S-<s>/<n>  A/HRC/DEC/<s>/<n>
 *   A/HRC/DEC/S-<s>/<n>  A/HRC/PRST/<s>/<n>
 *   E/CN.4/RES/<year>/<n>  E/CN.4/DEC/<year>/<n>
 *   E/CN.4/SUB.2/RES/<year>/<n>  E/CN.4/SUB.2/DEC/<year>/<n>
 *   E/RES/<year>/<n>  E/RES/<n>(<ROMAN>)  E/DEC/<year>/<n>
 *
 * (the emergency and HRC special-session forms are not in the guide's
 * table but are real symbols, e.g. A/RES/ES-10/19, A/HRC/RES/S-1/1).
 * Any other id is either instrument:<slug>, slug [a-z0-9-]+, or a document
 * symbol as printed: an upper-case letter first, then segments separated by
 * '/', each non-empty, led by a letter or digit, made of [A-Za-z0-9.-] and
 * optional non-empty "(...)" groups, not all lower-case letters.  Every id
 * is printable ASCII without spaces and at most 100 bytes.
 */
#include <stdio.h>
#include <string.h>

#include "cite_check.h"

#define ID_MAX 100

enum rule {
    RULE_NONE,
    RULE_SC_YEAR,    /* S/RES year from 1946 */
    RULE_PRST_YEAR,  /* S/PRST year from 1994 */
    RULE_GA_SESSION, /* A/RES/<session>/<n>: session from 31 */
    RULE_GA_ROMAN    /* A/RES/<n>(<ROMAN>): session up to 30 */
};

static const struct form {
    const char *series;  /* the id starts with this */
    const char *pattern; /* the rest: %n number, %y year, %r Roman */
    enum rule rule;
} forms[] = {
    {"S/RES/", "%n(%y)", RULE_SC_YEAR},
    {"S/PRST/", "%y/%n", RULE_PRST_YEAR},
    {"A/RES/", "%n/%n", RULE_GA_SESSION},
    {"A/RES/", "%n(%r)", RULE_GA_ROMAN},
    {"A/RES/", "S-%n/%n", RULE_NONE},
    {"A/RES/", "ES-%n/%n", RULE_NONE},
    {"A/RES/", "%n(S-%r)", RULE_NONE},
    {"A/DEC/", "%n/%n", RULE_NONE},
    {"A/HRC/RES/", "%n/%n", RULE_NONE},
    {"A/HRC/RES/", "S-%n/%n", RULE_NONE},
    {"A/HRC/DEC/", "%n/%n", RULE_NONE},
    {"A/HRC/DEC/", "S-%n/%n", RULE_NONE},
    {"A/HRC/PRST/", "%n/%n", RULE_NONE},
    {"E/CN.4/RES/", "%y/%n", RULE_NONE},
    {"E/CN.4/DEC/", "%y/%n", RULE_NONE},
    {"E/CN.4/SUB.2/RES/", "%y/%n", RULE_NONE},
    {"E/CN.4/SUB.2/DEC/", "%y/%n", RULE_NONE},
    {"E/RES/", "%y/%n", RULE_NONE},
    {"E/RES/", "%n(%r)", RULE_NONE},
    {"E/DEC/", "%y/%n", RULE_NONE},
};

struct cap {
    char kind; /* 'n', 'y' or 'r' */
    const char *s;
    size_t len;
    long value; /* digits: the number (when len <= 9); Roman: its value */
};

#define MAX_CAPS 4

/* Value of a canonical Roman numeral (I..MMMCMXCIX), or 0. */
static long
roman_value(const char *s, size_t n)
{
    static const struct {
        const char *sym;
        long val;
    } tab[] = {
        {"M", 1000}, {"CM", 900}, {"D", 500}, {"CD", 400}, {"C", 100},
        {"XC", 90},  {"L", 50},   {"XL", 40}, {"X", 10},   {"IX", 9},
        {"V", 5},    {"IV", 4},   {"I", 1},
    };
    char canon[32];
    size_t len = 0;
    long v = 0;

    /* sum greedily, then demand that the canonical spelling of the sum is
     * the input: that rejects IIII, VX, IC, XM and the like in one go */
    for (size_t i = 0, t = 0; i < n; t++) {
        if (t == sizeof tab / sizeof tab[0]) {
            return 0;
        }
        size_t k = strlen(tab[t].sym);
        while (i + k <= n && memcmp(s + i, tab[t].sym, k) == 0) {
            v += tab[t].val;
            i += k;
        }
    }
    if (v <= 0 || v > 3999) {
        return 0;
    }
    for (size_t t = 0, rest = (size_t)v; t < sizeof tab / sizeof tab[0]; t++) {
        size_t k = strlen(tab[t].sym);
        while (rest >= (size_t)tab[t].val) {
            if (len + k > sizeof canon) {
                return 0;
            }
            memcpy(canon + len, tab[t].sym, k);
            len += k;
            rest -= (size_t)tab[t].val;
        }
    }
    return len == n && memcmp(canon, s, n) == 0 ? v : 0;
}

/* Matches the shape of s against pattern, capturing the % fields. */
static int
match(const char *pat, const char *s, struct cap *caps, int *ncaps)
{
    *ncaps = 0;
    while (*pat != '\0') {
        if (*pat != '%') {
            if (*s != *pat) {
                return 0;
            }
            pat++;
            s++;
            continue;
        }
        if (*ncaps == MAX_CAPS) {
            return 0;
        }
        struct cap *c = &caps[(*ncaps)++];
        c->kind = pat[1];
        c->s = s;
        c->value = 0;
        const char *set = c->kind == 'r' ? "IVXLCDM" : "0123456789";
        c->len = strspn(s, set);
        if (c->len == 0) {
            return 0;
        }
        if (c->kind == 'r') {
            c->value = roman_value(s, c->len);
        } else if (c->len <= 9) {
            for (size_t i = 0; i < c->len; i++) {
                c->value = c->value * 10 + (s[i] - '0');
            }
        }
        s += c->len;
        pat += 2;
    }
    return *s == '\0';
}

/* NULL if the captures are possible, else why not. */
static const char *
check_caps(const struct cap *caps, int ncaps, enum rule rule)
{
    for (int i = 0; i < ncaps; i++) {
        const struct cap *c = &caps[i];
        switch (c->kind) {
        case 'n':
            if (c->len > 1 && c->s[0] == '0') {
                return "leading zero in a number";
            }
            if (c->len > 6) {
                return "number too large";
            }
            if (c->value == 0) {
                return "number 0";
            }
            break;
        case 'y':
            if (c->len != 4 || c->value < 1945 || c->value > 2100) {
                return "year outside 1945-2100";
            }
            break;
        default:
            if (c->value == 0) {
                return "invalid Roman numeral";
            }
            break;
        }
    }
    switch (rule) {
    case RULE_SC_YEAR:
        if (caps[1].value < 1946) {
            return "Security Council resolutions begin in 1946";
        }
        break;
    case RULE_PRST_YEAR:
        if (caps[0].value < 1994) {
            return "S/PRST symbols begin in 1994";
        }
        break;
    case RULE_GA_SESSION:
        if (caps[0].value < 31) {
            return "sessions before the 31st take the form A/RES/<n>(<ROMAN>)";
        }
        break;
    case RULE_GA_ROMAN:
        if (caps[1].value > 30) {
            return "sessions from the 31st take the form A/RES/<session>/<n>";
        }
        break;
    default:
        break;
    }
    return NULL;
}

static int
is_lower_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 'a' || s[i] > 'z') {
            return 0;
        }
    }
    return 1;
}

static int
is_alnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9');
}

/* NULL if s is a plausible document symbol, else why not. */
static const char *
check_document_symbol(const char *s)
{
    if (!(s[0] >= 'A' && s[0] <= 'Z')) {
        return "does not start with an upper-case letter";
    }
    if (strchr(s, '/') == NULL) {
        return "not a document symbol (no '/')";
    }
    for (const char *seg = s;;) {
        size_t n = strcspn(seg, "/");
        if (n == 0) {
            return "empty segment";
        }
        if (!is_alnum(seg[0])) {
            return "segment does not start with a letter or digit";
        }
        if (is_lower_word(seg, n)) {
            return "lower-case segment";
        }
        int open = 0;
        for (size_t i = 0; i < n; i++) {
            char c = seg[i];
            if (c == '(') {
                if (open || seg[i + 1] == ')') {
                    return "unbalanced or empty parentheses";
                }
                open = 1;
            } else if (c == ')') {
                if (!open) {
                    return "unbalanced or empty parentheses";
                }
                open = 0;
            } else if (!is_alnum(c) && c != '.' && c != '-') {
                return "invalid character";
            }
        }
        if (open) {
            return "unbalanced or empty parentheses";
        }
        if (seg[n] == '\0') {
            return NULL;
        }
        seg += n + 1;
    }
}

int
cite_check_symbol(const char *id, const char **why)
{
    const char *reason = NULL;
    const char *dummy;
    size_t len;

    if (why == NULL) {
        why = &dummy;
    }
    *why = NULL;
    if (id == NULL || *id == '\0') {
        *why = "empty id";
        return 0;
    }
    len = strlen(id);
    if (len > ID_MAX) {
        *why = "longer than 100 bytes";
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)id[i];
        if (c == ' ') {
            *why = "contains a space";
            return 0;
        }
        if (c < 0x20 || c == 0x7F) {
            *why = "contains a control character";
            return 0;
        }
        if (c >= 0x80) {
            *why = "contains a non-ASCII character";
            return 0;
        }
    }

    if (strncmp(id, "instrument:", 11) == 0) {
        const char *slug = id + 11;
        if (*slug == '\0' ||
            strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
                strlen(slug)) {
            *why = "instrument slug is not [a-z0-9-]+";
            return 0;
        }
        return 1;
    }

    int in_series = 0;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        size_t plen = strlen(forms[f].series);
        struct cap caps[MAX_CAPS];
        int ncaps;
        if (strncmp(id, forms[f].series, plen) != 0) {
            continue;
        }
        in_series = 1;
        if (!match(forms[f].pattern, id + plen, caps, &ncaps)) {
            continue;
        }
        const char *r = check_caps(caps, ncaps, forms[f].rule);
        if (r == NULL) {
            return 1;
        }
        if (reason == NULL) {
            reason = r;
        }
    }
    if (in_series) {
        *why = reason ? reason : "not a canonical form of its series";
        return 0;
    }
    *why = check_document_symbol(id);
    return *why == NULL;
}
