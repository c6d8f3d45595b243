/*
 * canon.c - canonical ids of UN documents.
 *
 * The forms (see README.md, "Canonical ids"):
 *   S/RES/<n>(<year>)          Security Council resolution
 *   S/PRST/<year>/<n>          Security Council presidential statement
 *   A/RES/<s>/<n>              General Assembly, session >= 31
 *   A/RES/<n>(<ROMAN>)         General Assembly, session <= 30
 *   A/RES/S-<s>/<n>, A/RES/<n>(S-<ROMAN>)   special sessions
 *   A/RES/ES-<s>/<n>           emergency special sessions
 *   A/DEC/<s>/<n>              General Assembly decision
 *   A/HRC/RES|DEC|PRST/<s>/<n> Human Rights Council
 *   E/CN.4/RES|DEC/<year>/<n>  Commission on Human Rights
 *   E/CN.4/SUB.2/RES|DEC/<year>/<n>  Sub-Commission
 *   E/RES|DEC/<year>/<n>, E/RES/<n>(<ROMAN>)  Economic and Social Council
 *   anything else              as printed, white space removed
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/core_int.h"
#include "extract_int.h"

static const char *
kind_part(enum cite_type type)
{
    switch (type) {
    case CITE_TYPE_DECISION:
        return "DEC";
    case CITE_TYPE_STATEMENT:
        return "PRST";
    default:
        return "RES";
    }
}

/*
 * snprintf() for the formats below, which hold only "%s" and "%ld": ids
 * are made for every citation, and the C library's formatter costs more
 * than the rest of their making.  Returns the length the whole would
 * take; out holds as much as fits, NUL-ended.
 */
static int
canon_fmt(char *out, size_t outlen, const char *fmt, ...)
{
    va_list ap;
    size_t n = 0;
    va_start(ap, fmt);
    for (const char *f = fmt; *f != '\0'; f++) {
        char num[CITE_I_UDIGITS + 1];
        const char *s;
        size_t sl;
        if (f[0] == '%' && f[1] == 's') {
            s = va_arg(ap, const char *);
            sl = strlen(s);
            f++;
        } else if (f[0] == '%' && f[1] == 'l' && f[2] == 'd') {
            long v = va_arg(ap, long);
            unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
            /* num[0]: room for the sign */
            size_t at = (size_t)(cite_i_udigits(num + 1, u, &sl) - num);
            if (v < 0) {
                num[--at] = '-';
                sl++;
            }
            s = num + at;
            f += 2;
        } else {
            s = f;
            sl = 1;
        }
        for (size_t i = 0; i < sl; i++, n++) {
            if (n + 1 < outlen) {
                out[n] = s[i];
            }
        }
    }
    va_end(ap);
    if (outlen > 0) {
        out[n < outlen ? n : outlen - 1] = '\0';
    }
    return (int)n;
}

int
cite_i_canonical_id(char *out, size_t outlen, const struct cite_num *num,
                    enum cite_type type, enum cite_body body)
{
    char roman[16];
    const char *k = kind_part(type);
    int n = -1;
    switch (body) {
    case CITE_BODY_SC:
        if (num->shape == NS_YEAR_PAREN && type == CITE_TYPE_RESOLUTION) {
            n = canon_fmt(out, outlen, "S/RES/%ld(%ld)", num->b, num->a);
        } else if (num->shape == NS_SESSION && type == CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "S/PRST/%ld/%ld", num->a, num->b);
        }
        break;
    case CITE_BODY_GA:
        if (num->shape == NS_SESSION && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "A/%s/%ld/%ld", k, num->a, num->b);
        } else if (num->shape == NS_ROMAN && type == CITE_TYPE_RESOLUTION) {
            cite_i_roman_format(roman, num->roman);
            n = canon_fmt(out, outlen, "A/RES/%ld(%s)", num->b, roman);
        } else if (num->shape == NS_SPECIAL && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "A/%s/S-%ld/%ld", k, num->a, num->b);
        } else if (num->shape == NS_EMERGENCY && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "A/%s/ES-%ld/%ld", k, num->a, num->b);
        } else if (num->shape == NS_SPECIAL_ROMAN &&
                   type == CITE_TYPE_RESOLUTION) {
            cite_i_roman_format(roman, num->roman);
            n = canon_fmt(out, outlen, "A/RES/%ld(S-%s)", num->b, roman);
        }
        break;
    case CITE_BODY_HRC:
        if (num->shape == NS_SESSION) {
            n = canon_fmt(out, outlen, "A/HRC/%s/%ld/%ld", k, num->a, num->b);
        } else if (num->shape == NS_SPECIAL) {
            n = canon_fmt(out, outlen, "A/HRC/%s/S-%ld/%ld", k, num->a, num->b);
        }
        break;
    case CITE_BODY_CHR:
        if (num->shape == NS_SESSION && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "E/CN.4/%s/%ld/%ld", k, num->a, num->b);
        }
        break;
    case CITE_BODY_SUBCOM:
        if (num->shape == NS_SESSION && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "E/CN.4/SUB.2/%s/%ld/%ld", k, num->a,
                         num->b);
        }
        break;
    case CITE_BODY_ECOSOC:
        if (num->shape == NS_SESSION && type != CITE_TYPE_STATEMENT) {
            n = canon_fmt(out, outlen, "E/%s/%ld/%ld", k, num->a, num->b);
        } else if (num->shape == NS_ROMAN && type == CITE_TYPE_RESOLUTION) {
            cite_i_roman_format(roman, num->roman);
            n = canon_fmt(out, outlen, "E/RES/%ld(%s)", num->b, roman);
        }
        break;
    default:
        break;
    }
    return n > 0 && (size_t)n < outlen;
}

static const struct {
    const char *prefix;
    enum cite_type type;
    enum cite_body body;
} prefixes[] = {
    {"A/HRC/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_HRC},
    {"A/HRC/DEC/", CITE_TYPE_DECISION, CITE_BODY_HRC},
    {"A/HRC/PRST/", CITE_TYPE_STATEMENT, CITE_BODY_HRC},
    {"A/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_GA},
    {"A/DEC/", CITE_TYPE_DECISION, CITE_BODY_GA},
    {"S/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_SC},
    {"S/PRST/", CITE_TYPE_STATEMENT, CITE_BODY_SC},
    {"E/CN.4/SUB.2/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_SUBCOM},
    {"E/CN.4/SUB.2/DEC/", CITE_TYPE_DECISION, CITE_BODY_SUBCOM},
    {"E/CN.4/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_CHR},
    {"E/CN.4/DEC/", CITE_TYPE_DECISION, CITE_BODY_CHR},
    {"E/RES/", CITE_TYPE_RESOLUTION, CITE_BODY_ECOSOC},
    {"E/DEC/", CITE_TYPE_DECISION, CITE_BODY_ECOSOC},
};

int
cite_i_symbol_canon(char *out, size_t outlen, const char *s, size_t n,
                    enum cite_type *type, enum cite_body *body)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            continue;
        }
        if (c < 0x21 || c > 0x7E || j + 1 >= outlen) {
            return 0;
        }
        out[j++] = (char)c;
    }
    out[j] = '\0';
    if (j < 3 || strchr(out, '/') == NULL) {
        return 0;
    }
    /* "PRST 8/1" printed as "PRST/8/1": the Council president's statement */
    if (strncmp(out, "PRST/", 5) == 0 && j + 6 < outlen) {
        memmove(out + 6, out, j + 1);
        memcpy(out, "A/HRC/", 6);
        j += 6;
    }
    /* the Sub-Commission's series is printed Sub.2 as often as SUB.2 */
    if (strncmp(out, "E/CN.4/Sub.2/", 13) == 0) {
        memcpy(out + 7, "SUB", 3);
    }
    *type = CITE_TYPE_DOCUMENT;
    *body = CITE_BODY_NONE;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t pl = strlen(prefixes[i].prefix);
        if (strncmp(out, prefixes[i].prefix, pl) == 0 && out[pl] >= '0' &&
            out[pl] <= '9') {
            *type = prefixes[i].type;
            *body = prefixes[i].body;
            break;
        }
        if (strncmp(out, prefixes[i].prefix, pl) == 0 && out[pl] == 'S' &&
            out[pl + 1] == '-') {
            *type = prefixes[i].type;
            *body = prefixes[i].body;
            break;
        }
    }
    return 1;
}
