/*
 * text.c - loading a source text and mapping byte offsets to line:col.
 *
 * The bytes are kept exactly as read, so that every offset the extractor
 * stores is an offset in the file; only UTF-16 (recognised by its
 * byte-order mark: without one it is indistinguishable from binary) is
 * converted to UTF-8, which keeps every line and column.  The line index
 * is built once, in one pass; a lookup is a binary search.  Columns count
 * code points, which reads right for Chinese, Arabic and Cyrillic alike.
 * cite_text_check() tells a text from binary data by its first bytes, so
 * that an executable or an image gives one clear diagnostic instead of
 * garbage citations.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cite_text.h"
#include "core/core_int.h"
#include "text_int.h"

static void
index_lines(struct cite_text *t)
{
    size_t cap = 64, n = 0;
    size_t *lines = cite_i_xmalloc(cap * sizeof *lines);
    lines[n++] = 0;
    const char *p = t->bytes, *end = t->bytes + t->len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        if (n == cap) {
            cap *= 2;
            lines = cite_i_xreallocarray(lines, cap, sizeof *lines);
        }
        lines[n++] = (size_t)(p - t->bytes);
    }
    t->lines = lines;
    t->nlines = n;
    if (t->len >= 3 && memcmp(t->bytes, "\xEF\xBB\xBF", 3) == 0) {
        t->start = 3;
    }
}

static void
put_utf8(struct cite_i_buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    cite_i_buf_add(b, u, n);
}

/*
 * After an FF FE or FE FF mark, the bytes are UTF-16: they become UTF-8,
 * the mark dropped, an odd last byte and unpaired surrogates U+FFFD.
 */
static void
from_utf16(struct cite_text *t)
{
    const unsigned char *u = (const unsigned char *)t->bytes;
    if (t->len < 2 || !((u[0] == 0xFF && u[1] == 0xFE) ||
                        (u[0] == 0xFE && u[1] == 0xFF))) {
        return;
    }
    int le = u[0] == 0xFF;
    struct cite_i_buf b = CITE_I_BUF_INIT;
    cite_i_buf_add(&b, "", 0);
    size_t i = 2;
    while (i < t->len) {
        if (i + 1 >= t->len) {
            put_utf8(&b, 0xFFFD);
            t->bad_utf16++;
            break;
        }
        unsigned w = le ? (unsigned)u[i] | (unsigned)u[i + 1] << 8
                        : (unsigned)u[i] << 8 | (unsigned)u[i + 1];
        i += 2;
        if (w >= 0xD800 && w <= 0xDBFF && i + 1 < t->len) {
            unsigned w2 = le ? (unsigned)u[i] | (unsigned)u[i + 1] << 8
                             : (unsigned)u[i] << 8 | (unsigned)u[i + 1];
            if (w2 >= 0xDC00 && w2 <= 0xDFFF) {
                put_utf8(&b, 0x10000 + ((w - 0xD800) << 10) + (w2 - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (w >= 0xD800 && w <= 0xDFFF) {
            w = 0xFFFD;
            t->bad_utf16++;
        }
        put_utf8(&b, w);
    }
    free(t->bytes);
    t->bytes = b.ptr;
    t->len = b.len;
    t->encoding = le ? CITE_ENC_UTF16LE : CITE_ENC_UTF16BE;
}

void
cite_text_init_mem(struct cite_text *t, const char *path, const char *s,
                   size_t n)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    t->bytes = cite_i_xmalloc(n + 1);
    if (n > 0) {
        memcpy(t->bytes, s, n);
    }
    t->bytes[n] = '\0';
    t->len = n;
    from_utf16(t);
    index_lines(t);
}

int
cite_text_load(struct cite_text *t, const char *path)
{
    return cite_text_load_max(t, path, (size_t)-1 / 2);
}

int
cite_text_load_max(struct cite_text *t, const char *path, size_t max)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    /* a regular file is read into room for its size and one byte more,
     * which tells that it grew; anything else from 64 KB up */
    size_t cap = (size_t)1 << 16, len = 0;
    struct stat st;
    int regular = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        regular = 1;
        if ((unsigned long long)st.st_size > max) {
            if (fd != STDIN_FILENO) {
                close(fd);
            }
            errno = EFBIG;
            return -1;
        }
        cap = (size_t)st.st_size + 1;
    }
    char *buf = cite_i_xmalloc(cap + 1);
    int err = 0;
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = cite_i_xrealloc(buf, cap + 1);
        }
        size_t want = cap - len;
        if (want > max - len + 1) {
            want = max - len + 1; /* one byte more tells "too large" */
        }
        ssize_t got = read(fd, buf + len, want);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            err = errno;
            break;
        }
        if (got == 0) {
            break;
        }
        len += (size_t)got;
        if (len > max) {
            err = EFBIG;
            break;
        }
        if (regular && (size_t)got < want && (off_t)len == st.st_size) {
            /* a regular file reads short only at its end, here where its
             * size said (a file of the system's, of size 0, reads on) */
            break;
        }
    }
    if (fd != STDIN_FILENO) {
        close(fd);
    }
    if (err != 0) {
        free(buf);
        errno = err;
        return -1;
    }
    memset(t, 0, sizeof *t);
    t->path = path;
    t->bytes = buf;
    t->bytes[len] = '\0';
    t->len = len;
    from_utf16(t);
    index_lines(t);
    return 0;
}

/* What the first bytes of a known binary format say it is, or NULL. */
static const char *
magic(const unsigned char *s, size_t n)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *what;
    } known[] = {
        {"\x7f" "ELF", 4, "an ELF executable"},
        {"\x89" "PNG\r\n\x1a\n", 8, "a PNG image"},
        {"\x1f\x8b", 2, "gzip data"},
        {"%PDF-", 5, "a PDF document (extract its text first)"},
        {"PK\x03\x04", 4, "a zip archive (or an office document)"},
        {"\xff\xd8\xff", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"BZh", 3, "bzip2 data"},
        {"\xfd" "7zXZ", 5, "xz data"},
        {"\x28\xb5\x2f\xfd", 4, "zstd data"},
        {"\xd0\xcf\x11\xe0", 4, "an old office document"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (n >= known[i].len && memcmp(s, known[i].bytes, known[i].len) == 0) {
            return known[i].what;
        }
    }
    return NULL;
}

static int text_blocks = 1;

void
cite_i_text_blocks(int on)
{
    text_blocks = on;
}

/*
 * Where the valid UTF-8 from s[i], a character's start, ends, read
 * sixteen bytes at a time while sixteen remain before n: the start of the
 * first block that holds a NUL or any character but ASCII, a lead byte of
 * C2..DF and a continuation byte, or one of E1..EC or EE..EF and two
 * (never overlong nor a surrogate: E0 and ED are left to the checks one
 * character at a time), or the start of the character that the last block
 * leaves open.  The continuation bytes of each block must be exactly
 * those that the lead bytes before them ask for; those of a character
 * that runs into the next block are asked of it.  Always at a character's
 * start; i itself when the first block is none of those.
 */
static size_t
utf8_run(const unsigned char *s, size_t i, size_t n)
{
    size_t resume = i;
#if defined(__SSE2__)
    const __m128i c0 = _mm_set1_epi8((char)0xC0), e0 = _mm_set1_epi8((char)0xE0),
                  f0 = _mm_set1_epi8((char)0xF0), x80 = _mm_set1_epi8((char)0x80);
    unsigned carry = 0; /* bits 0, 1: continuation bytes asked of the block */
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned high = (unsigned)_mm_movemask_epi8(v);
        unsigned nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
        if ((high | nul | carry) == 0) {
            i += 16; /* ASCII */
            resume = i;
            continue;
        }
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, c0), x80));
        unsigned lead2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, e0), c0));
        unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, f0), e0));
        /* C0, C1 (overlong), E0, ED: for the checks one by one */
        unsigned odd = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), c0),
            _mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)))));
        unsigned want = (lead2 << 1) | (lead3 << 1) | (lead3 << 2) | carry;
        if ((nul | odd | (high & ~(cont | lead2 | lead3))) != 0 || (want & 0xFFFFu) != cont) {
            break;
        }
        carry = want >> 16;
        unsigned open = (lead3 & 0xC000u) | (lead2 & 0x8000u);
        resume = i + (open != 0 ? cite_i_ctz64(open) : 16);
        i += 16;
    }
#else
    (void)s;
    (void)n;
#endif
    return resume;
}

/*
 * Whether the twelve bytes at s (sixteen readable) are four characters of
 * three bytes each, none overlong nor a surrogate: a lead byte of
 * E1..EC or EE..EF, then two continuation bytes.  The common run of a
 * Chinese text, told four characters at a time.
 */
static inline int
chinese4(const unsigned char *s)
{
    const char *p = (const char *)s;
    uint64_t w0 = cite_i_load64le(p), w1 = cite_i_load64le(p + 8) & 0xFFFFFFFFu;
    /* bytes 0..7: lead, cont, cont, lead, cont, cont, lead, cont; bytes
     * 8..11: cont, lead, cont, cont */
    const uint64_t m0 = 0xC0F0C0C0F0C0C0F0u, v0 = 0x80E08080E08080E0u;
    const uint64_t m1 = 0xC0C0F0C0u, v1 = 0x8080E080u;
    if ((w0 & m0) != v0 || (w1 & m1) != v1) {
        return 0;
    }
    /* the low nibbles of the four leads: none 0 (E0, which may be
     * overlong) nor D (ED, which may be a surrogate) */
    unsigned l0 = (unsigned)(w0 & 0x0F), l1 = (unsigned)(w0 >> 24 & 0x0F),
             l2 = (unsigned)(w0 >> 48 & 0x0F), l3 = (unsigned)(w1 >> 8 & 0x0F);
    return l0 != 0 && l0 != 0xD && l1 != 0 && l1 != 0xD && l2 != 0 && l2 != 0xD &&
           l3 != 0 && l3 != 0xD;
}

/* Counts byte c, at offset k of the sample, when it is a control
 * character that no text holds (NULs apart, by the parity of k). */
static inline void
control_byte(unsigned char c, size_t k, size_t *ctrl, size_t *nul_even,
             size_t *nul_odd)
{
    if (c == 0) {
        *(k % 2 ? nul_odd : nul_even) += 1;
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
        c != 0x1b) {
        *ctrl += 1;
    }
}

/* How much of the start is sampled to tell binary data from a text. */
#define SAMPLE 8192

int
cite_text_check(const struct cite_text *t, const struct cite_diag_sink *sink)
{
    const char *name = t->path != NULL ? t->path : "-";
    const unsigned char *s = (const unsigned char *)t->bytes;
    const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
    if (t->encoding != CITE_ENC_UTF8) {
        cite_diag_emit(sink, CITE_D_UTF16, t->path, 0, 0, 0,
                       "'%s' is UTF-16 (%s); read as UTF-8 after conversion%s",
                       name,
                       t->encoding == CITE_ENC_UTF16LE ? "little-endian"
                                                       : "big-endian",
                       t->bad_utf16 > 0 ? ", unpaired surrogates replaced"
                                        : "");
    } else {
        const char *what = magic(s + t->start, t->len - t->start);
        size_t n = t->len - t->start < SAMPLE ? t->len - t->start : SAMPLE;
        size_t ctrl = 0, nul_even = 0, nul_odd = 0;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            /* 0x80 in each of eight bytes below 0x20, exactly (no carry
             * from one byte to the next); each such byte seen alone */
            uint64_t w = cite_i_load64le((const char *)s + t->start + i);
            uint64_t low = ~(((w & ones * 0x7F) + ones * 0x60) | w) & highs;
            for (; low != 0; low &= low - 1) {
                size_t k = i + (cite_i_ctz64(low) >> 3);
                control_byte(s[t->start + k], k, &ctrl, &nul_even, &nul_odd);
            }
        }
        for (; i < n; i++) {
            control_byte(s[t->start + i], i, &ctrl, &nul_even, &nul_odd);
        }
        if (what == NULL && n >= 16 && ctrl * 10 > n) {
            /* UTF-16 text without its mark: a NUL in every other byte */
            what = (nul_even + nul_odd) * 5 > n * 2 &&
                           (nul_even * 10 < nul_odd || nul_odd * 10 < nul_even)
                       ? "UTF-16 without a byte-order mark? (save it as UTF-8 "
                         "or with a mark)"
                       : "binary data (control bytes)";
        }
        if (what != NULL) {
            cite_diag_emit(sink, CITE_D_NOT_TEXT, t->path, 0, 0, 0,
                           "'%s' is not a text: %s; skipped", name, what);
            return 0;
        }
    }
    /* the first invalid sequence and the first NUL, with the count */
    size_t bad = 0, bad_at = 0, nul = 0, nul_at = 0;
    /* where the last block that utf8_run() did not take ends: until then,
     * the checks below go on alone (a bad byte is looked at once) */
    size_t no_block_until = 0;
    for (size_t i = t->start; i < t->len;) {
        if (text_blocks && i + 16 <= t->len && i >= no_block_until) {
            size_t k = utf8_run(s, i, t->len);
            if (k > i) {
                i = k;
                continue;
            }
            no_block_until = i + 16;
        }
        if (i + 8 <= t->len) {
            /* ASCII bytes other than NUL, eight at a time: past them to
             * the first other byte (the lowest flag of each mask is
             * exact: a borrow only runs up from a NUL below it) */
            uint64_t w = cite_i_load64le((const char *)s + i);
            uint64_t stop = (w | ((w - ones) & ~w)) & highs;
            if (stop == 0) {
                i += 8;
                continue;
            }
            i += cite_i_ctz64(stop) >> 3;
        }
        if (i + 16 <= t->len && chinese4(s + i)) {
            i += 12;
            continue;
        }
        if (i + 3 <= t->len && ((s[i] >= 0xE1 && s[i] <= 0xEC) || s[i] >= 0xEE) &&
            s[i] <= 0xEF && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
            i += 3; /* three bytes, never overlong nor a surrogate: Chinese */
            continue;
        }
        if (s[i] < 0x80) {
            if (s[i] == 0 && nul++ == 0) {
                nul_at = i;
            }
            i++;
            continue;
        }
        unsigned cp;
        size_t l = cite_i_utf8_decode(s + i, t->len - i, &cp);
        if (cp == 0xFFFD && l == 1 && bad++ == 0) {
            bad_at = i;
        }
        i += l;
    }
    if (bad > 0) {
        char more[64] = "";
        if (bad > 1) {
            snprintf(more, sizeof more, " (%zu invalid sequences in all)", bad);
        }
        cite_text_diag(t, sink, CITE_D_ENCODING, bad_at,
                       "invalid UTF-8 byte 0x%02x in '%s'%s; read as U+FFFD",
                       s[bad_at], name, more);
    }
    if (nul > 0) {
        char more[64] = "";
        if (nul > 1) {
            snprintf(more, sizeof more, " (%zu in all)", nul);
        }
        cite_text_diag(t, sink, CITE_D_NUL_BYTE, nul_at,
                       "nul byte in '%s'%s", name, more);
    }
    return 1;
}

void
cite_text_release(struct cite_text *t)
{
    free(t->bytes);
    free(t->lines);
    memset(t, 0, sizeof *t);
}

static size_t
line_index(const struct cite_text *t, size_t off)
{
    size_t lo = 0, hi = t->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid] <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

void
cite_text_locate_from(const struct cite_text *t, size_t from, size_t line,
                      size_t column, size_t off, size_t *oline,
                      size_t *ocolumn)
{
    const unsigned char *s = (const unsigned char *)t->bytes;
    if (off > t->len) {
        off = t->len;
    }
    size_t i = from;
    /* the line breaks first (a UTF-8 sequence never holds one), then the
     * characters of the last line */
    for (const unsigned char *nl;
         i < off && (nl = memchr(s + i, '\n', off - i)) != NULL;
         i = (size_t)(nl - s) + 1) {
        line++;
        column = 1;
    }
    while (i < off) {
        if (off - i >= 8 &&
            (cite_i_load64le((const char *)s + i) & 0x8080808080808080u) == 0) {
            i += 8; /* eight ASCII bytes, eight characters */
            column += 8;
            continue;
        }
        unsigned cp;
        i += cite_i_utf8_decode(s + i, t->len - i, &cp);
        column++;
    }
    *oline = line;
    *ocolumn = column;
}

void
cite_text_locate(const struct cite_text *t, size_t off, size_t *line,
                 size_t *column)
{
    if (off > t->len) {
        off = t->len;
    }
    size_t li = line_index(t, off);
    size_t i = t->lines[li];
    if (li == 0) {
        i = t->start <= off ? t->start : 0;
    }
    cite_text_locate_from(t, i, li + 1, 1, off, line, column);
}

const char *
cite_text_line_at(const struct cite_text *t, size_t off, size_t *len)
{
    if (off > t->len) {
        off = t->len;
    }
    size_t li = line_index(t, off);
    size_t s = t->lines[li];
    size_t e = li + 1 < t->nlines ? t->lines[li + 1] - 1 : t->len;
    if (e > s && t->bytes[e - 1] == '\r') {
        e--;
    }
    *len = e - s;
    return t->bytes + s;
}

void
cite_text_vdiag(const struct cite_text *t, const struct cite_diag_sink *sink,
                enum cite_diag_code code, size_t off, const char *fmt, va_list ap)
{
    if (sink == NULL || sink->fn == NULL) {
        return;
    }
    size_t line, column;
    cite_text_locate(t, off, &line, &column);
    cite_text_vdiag_at(t, sink, code, off, line, column, fmt, ap);
}

void
cite_text_vdiag_at(const struct cite_text *t, const struct cite_diag_sink *sink,
                   enum cite_diag_code code, size_t off, size_t line,
                   size_t column, const char *fmt, va_list ap)
{
    if (sink == NULL || sink->fn == NULL) {
        return;
    }
    struct cite_i_buf msg = CITE_I_BUF_INIT;
    cite_i_buf_vaddf(&msg, fmt, ap);
    struct cite_diag d = {
        .code = code,
        .severity = cite_diag_default_severity(code),
        .file = t->path,
        .line = line,
        .column = column,
        .offset = off,
        .message = msg.ptr ? msg.ptr : "",
    };
    d.source_line = cite_text_line_at(t, off, &d.source_line_len);
    sink->fn(sink->ctx, &d);
    cite_i_buf_release(&msg);
}

void
cite_text_diag(const struct cite_text *t, const struct cite_diag_sink *sink,
               enum cite_diag_code code, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cite_text_vdiag(t, sink, code, off, fmt, ap);
    va_end(ap);
}
