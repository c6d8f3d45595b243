/*
 * core_int.h - helpers shared by every module of the library (private).
 */
#ifndef CITE_CORE_INT_H
#define CITE_CORE_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cite_diag.h"

/*
 * Allocation that cannot fail: on exhaustion it calls the handler set with
 * cite_i_set_oom_handler() (the CLI's prints and exits 3), else abort().
 */
void *cite_i_xmalloc(size_t n);
void *cite_i_xcalloc(size_t n, size_t size);
void *cite_i_xrealloc(void *p, size_t n);
void *cite_i_xreallocarray(void *p, size_t n, size_t size);
char *cite_i_xstrdup(const char *s);
char *cite_i_xstrndup(const char *s, size_t n);
void cite_i_set_oom_handler(void (*fn)(void));

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct cite_i_buf {
    char *ptr;
    size_t len;
    size_t cap;
};
#define CITE_I_BUF_INIT {NULL, 0, 0}
/* Makes room for extra more bytes and the NUL. */
void cite_i_buf_grow(struct cite_i_buf *b, size_t extra);

/* Appends n bytes at s (inline: writers call it for every few bytes). */
static inline void
cite_i_buf_add(struct cite_i_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len <= n) { /* cap >= len always; 0 when empty */
        cite_i_buf_grow(b, n);
    }
    if (n > 0) {
        memcpy(b->ptr + b->len, s, n);
    }
    b->len += n;
    b->ptr[b->len] = '\0';
}

static inline void
cite_i_buf_addc(struct cite_i_buf *b, char c)
{
    if (b->cap - b->len <= 1) {
        cite_i_buf_grow(b, 1);
    }
    b->ptr[b->len++] = c;
    b->ptr[b->len] = '\0';
}

void cite_i_buf_adds(struct cite_i_buf *b, const char *s);
void cite_i_buf_addf(struct cite_i_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void cite_i_buf_vaddf(struct cite_i_buf *b, const char *fmt, va_list ap);
void cite_i_buf_reset(struct cite_i_buf *b);
void cite_i_buf_release(struct cite_i_buf *b);

/* A bump allocator: many small blocks, freed all at once. */
struct cite_pool *cite_i_pool_new(void);
void *cite_i_pool_alloc(struct cite_pool *p, size_t n); /* 8-aligned */
void cite_i_pool_free(struct cite_pool *p);

/* Decodes one UTF-8 code point at s (n bytes left, n >= 1).  Returns its
 * length (1..4) and the code point in *cp; an invalid sequence gives
 * length 1 and *cp = 0xFFFD. */
size_t cite_i_utf8_decode_multi(const unsigned char *s, size_t n,
                                unsigned *cp);

static inline size_t
cite_i_utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    if (s[0] < 0x80) { /* the common cases, inline: ASCII */
        *cp = s[0];
        return 1;
    }
    if (((s[0] >= 0xE1 && s[0] <= 0xEC) || s[0] >= 0xEE) && s[0] <= 0xEF &&
        n >= 3 && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        /* three bytes, never overlong nor a surrogate: Chinese */
        *cp = (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 |
              (s[2] & 0x3F);
        return 3;
    }
    return cite_i_utf8_decode_multi(s, n, cp);
}

/* A function of a hot loop that the compiler must inline where it is
 * called (GCC and Clang; elsewhere a plain inline). */
#if defined(__GNUC__)
#define CITE_I_HOT_INLINE inline __attribute__((always_inline))
#else
#define CITE_I_HOT_INLINE inline
#endif

/* The eight bytes at p, the first lowest, whatever the machine's order. */
static inline uint64_t
cite_i_load64le(const char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
#else
    const unsigned char *u = (const unsigned char *)p;
    uint64_t w = 0;
    for (int k = 7; k >= 0; k--) {
        w = w << 8 | u[k];
    }
    return w;
#endif
}

/* 0x80 in each byte of w that is an ASCII letter (A-Z, a-z), 0 in the
 * others: eight bytes tested at once. */
static inline uint64_t
cite_i_ascii_letters64(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    uint64_t y = (w | ones * 0x20) & ~highs;  /* folded, bit 7 cleared */
    uint64_t ge_a = y + ones * (0x80 - 'a');  /* no carry: y <= 0x7F */
    uint64_t gt_z = y + ones * (0x80 - 'z' - 1);
    return ge_a & ~gt_z & ~w & highs;         /* and not 0x80 or above */
}

/* The index of the lowest set bit of x (x != 0). */
static inline unsigned
cite_i_ctz64(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned n = 0;
    while (!(x & 1)) {
        x >>= 1;
        n++;
    }
    return n;
#endif
}

/*
 * String -> index map, open addressing (idmap.c).  Keys are borrowed: they
 * must stay put while the map is in use.
 */
struct cite_i_idmap {
    struct cite_i_idslot *slots;
    size_t cap; /* a power of two, or 0 before the first insert */
    size_t n;
};

#define CITE_I_NOT_FOUND ((size_t)-1)

void cite_i_idmap_init(struct cite_i_idmap *m);
void cite_i_idmap_release(struct cite_i_idmap *m);
/* The value stored for key, or CITE_I_NOT_FOUND. */
size_t cite_i_idmap_get(const struct cite_i_idmap *m, const char *key);
/* The same in steps, for a batch of look-ups whose cache misses overlap:
 * the hash of key, a hint to fetch its slot, the look-up with that hash. */
size_t cite_i_idmap_hash(const char *key);
void cite_i_idmap_prefetch(const struct cite_i_idmap *m, size_t hash);
/* A second hint, once the slot has come: to fetch the key the look-up
 * will compare with (the first of the probe's slots that has the hash). */
void cite_i_idmap_prefetch_key(const struct cite_i_idmap *m, size_t hash);
size_t cite_i_idmap_get_hashed(const struct cite_i_idmap *m, const char *key,
                               size_t hash);
/* Stores key -> value; key must not be there yet. */
void cite_i_idmap_put(struct cite_i_idmap *m, const char *key, size_t value);

/* The decimal digits of v, written at the end of buf (no NUL); returns
 * where they start, and *len their number. */
#define CITE_I_UDIGITS 24
const char *cite_i_udigits(char buf[CITE_I_UDIGITS], unsigned long long v,
                           size_t *len);

/* Writes an ISO date "YYYY-MM-DD" into out (CITE_DATE_LEN bytes) if y/m/d
 * form a real calendar date; returns 1, else 0 and out is left alone. */
int cite_i_date_format(char *out, int y, int m, int d);
/* 1 when y-m-d is a real day of the years 1000 to 9999 (what
 * cite_i_date_format() writes). */
int cite_i_date_valid(int y, int m, int d);

/*
 * cite_diag_emit() with a severity other than the code's default (a rule
 * made stricter by an option).
 */
void cite_i_diag_vemit(const struct cite_diag_sink *sink,
                       enum cite_diag_code code, enum cite_severity sev,
                       const char *file, size_t line, size_t column,
                       size_t offset, const char *fmt, va_list ap);

/*
 * SHA-256 (FIPS 180-4, src/core/sha256.c): init, add bytes any number of
 * times, finish into 32 bytes; _hex gives 64 lower-case digits and a NUL.
 */
struct cite_i_sha256 {
    uint32_t h[8];
    uint64_t total;         /* bytes added */
    unsigned char buf[64];
    size_t used;            /* bytes in buf */
};
void cite_i_sha256_init(struct cite_i_sha256 *s);
void cite_i_sha256_add(struct cite_i_sha256 *s, const void *data, size_t n);
void cite_i_sha256_finish(struct cite_i_sha256 *s, unsigned char out[32]);
void cite_i_sha256_hex(const unsigned char digest[32], char out[65]);

#endif
