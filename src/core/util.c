/*
 * util.c - UTF-8 decoding and calendar dates.
 */
#include "cite_doc.h"
#include "core_int.h"

size_t
cite_i_utf8_decode_multi(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n < len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return len;
}

static int
days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

int
cite_i_date_valid(int y, int m, int d)
{
    return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

int
cite_i_date_format(char *out, int y, int m, int d)
{
    if (!cite_i_date_valid(y, m, d)) {
        return 0;
    }
    const int v[3] = {y, m, d};
    const int w[3] = {4, 2, 2};
    size_t o = 0;
    for (int f = 0; f < 3; f++) {
        for (int k = w[f] - 1, x = v[f]; k >= 0; k--, x /= 10) {
            out[o + (size_t)k] = (char)('0' + x % 10);
        }
        o += (size_t)w[f];
        out[o++] = f < 2 ? '-' : '\0';
    }
    return 1;
}

const char *
cite_i_udigits(char buf[CITE_I_UDIGITS], unsigned long long v, size_t *len)
{
    size_t k = CITE_I_UDIGITS;
    do {
        buf[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    *len = CITE_I_UDIGITS - k;
    return buf + k;
}
