/*
 * test_text.c - unit tests of loading a text (src/text) and of the limits
 * (src/core/limits.c): UTF-16 conversion keeps lines and columns, binary
 * data is told from a text, bad UTF-8 and NUL bytes are reported once at
 * the first with the count, a file over the size limit is refused.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cite_limits.h"
#include "cite_text.h"
#include "text/text_int.h"

struct seen {
    enum cite_diag_code code;
    size_t line, column;
    char message[256];
};

struct diags {
    struct seen d[16];
    size_t n;
};

static void
collect(void *ctx, const struct cite_diag *d)
{
    struct diags *ds = ctx;
    if (ds->n < sizeof ds->d / sizeof ds->d[0]) {
        struct seen *s = &ds->d[ds->n++];
        s->code = d->code;
        s->line = d->line;
        s->column = d->column;
        snprintf(s->message, sizeof s->message, "%s", d->message);
    }
}

static int
check_mem(const char *bytes, size_t n, struct diags *ds)
{
    struct cite_text t;
    struct cite_diag_sink sink = {collect, ds};
    memset(ds, 0, sizeof *ds);
    cite_text_init_mem(&t, "t.txt", bytes, n);
    int r = cite_text_check(&t, &sink);
    cite_text_release(&t);
    return r;
}

static void
test_utf16le_is_converted_and_keeps_columns(void **state)
{
    (void)state;
    /* FF FE, "a\n", U+4E00, a surrogate pair (U+1F600), "b" */
    static const char in[] = "\xFF\xFE" "a\0\n\0" "\x00\x4E" "\x3D\xD8\x00\xDE"
                             "b\0";
    struct cite_text t;
    cite_text_init_mem(&t, "t.txt", in, sizeof in - 1);
    assert_int_equal(t.encoding, CITE_ENC_UTF16LE);
    assert_int_equal(t.bad_utf16, 0);
    assert_int_equal(t.len, 2 + 3 + 4 + 1);
    assert_memory_equal(t.bytes, "a\n\xE4\xB8\x80\xF0\x9F\x98\x80" "b", t.len);
    size_t line, col;
    cite_text_locate(&t, t.len - 1, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 3); /* one column for the CJK, one for the emoji */
    cite_text_release(&t);
}

static void
test_utf16be_unpaired_surrogate_becomes_replacement(void **state)
{
    (void)state;
    static const char in[] = "\xFE\xFF" "\xD8\x00" "\x00x";
    struct cite_text t;
    cite_text_init_mem(&t, "t.txt", in, sizeof in - 1);
    assert_int_equal(t.encoding, CITE_ENC_UTF16BE);
    assert_int_equal(t.bad_utf16, 1);
    assert_memory_equal(t.bytes, "\xEF\xBF\xBDx", 4);
    cite_text_release(&t);
}

static void
test_binary_formats_are_not_text(void **state)
{
    (void)state;
    struct diags ds;
    assert_int_equal(check_mem("\x7f" "ELF\x02\x01\x01", 7, &ds), 0);
    assert_int_equal(ds.n, 1);
    assert_int_equal(ds.d[0].code, CITE_D_NOT_TEXT);
    assert_non_null(strstr(ds.d[0].message, "ELF"));
    char ctrl[100];
    memset(ctrl, 1, sizeof ctrl);
    assert_int_equal(check_mem(ctrl, sizeof ctrl, &ds), 0);
    assert_int_equal(ds.d[0].code, CITE_D_NOT_TEXT);
}

static void
test_utf16_without_mark_is_named(void **state)
{
    (void)state;
    struct diags ds;
    static const char in[] = "R\0e\0c\0a\0l\0l\0i\0n\0g\0 \0i\0t\0s\0 \0r\0e\0";
    assert_int_equal(check_mem(in, sizeof in - 1, &ds), 0);
    assert_non_null(strstr(ds.d[0].message, "UTF-16 without a byte-order mark"));
}

static void
test_bad_utf8_and_nul_are_reported_once_with_count(void **state)
{
    (void)state;
    struct diags ds;
    static const char in[] = "ab\xFF" "c\n\xC0\xAF\0x\0";
    assert_int_equal(check_mem(in, sizeof in - 1, &ds), 1);
    assert_int_equal(ds.n, 2);
    assert_int_equal(ds.d[0].code, CITE_D_ENCODING);
    assert_int_equal(ds.d[0].line, 1);
    assert_int_equal(ds.d[0].column, 3);
    assert_non_null(strstr(ds.d[0].message, "3 invalid sequences in all"));
    assert_int_equal(ds.d[1].code, CITE_D_NUL_BYTE);
    assert_int_equal(ds.d[1].line, 2);
    assert_int_equal(ds.d[1].column, 3);
    assert_non_null(strstr(ds.d[1].message, "2 in all"));
}

/* A bad sequence or a NUL inside a run of Chinese (which the check reads
 * four characters at a time) is found at its own column, whatever the
 * run's alignment and whichever of the four characters it would be; a
 * valid character there gives no diagnostic. */
static void
test_bad_utf8_in_a_chinese_run_is_found_at_every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        enum cite_diag_code code; /* CITE_D__COUNT: none */
    } cases[] = {
        {"\xE4\xB8\x80", CITE_D__COUNT},      /* U+4E00, valid */
        {"\xE0\xA0\x80", CITE_D__COUNT},      /* U+0800, valid after E0 */
        {"\xED\x9F\xBF", CITE_D__COUNT},      /* U+D7FF, valid after ED */
        {"\xE0\x80\x80", CITE_D_ENCODING},    /* overlong */
        {"\xED\xA0\x80", CITE_D_ENCODING},    /* a surrogate */
        {"\x80", CITE_D_ENCODING},              /* a lone continuation */
        {"\xE4\xB8", CITE_D_ENCODING},         /* cut short */
        {"\xF8\x88\x80", CITE_D_ENCODING},    /* no such lead */
        {"\0", CITE_D_NUL_BYTE},
    };
    static const char han[] = "\xE4\xBA\xBA"; /* 人 */
    char buf[128];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (size_t lead_han = 0; lead_han < 6; lead_han++) {
            for (size_t lead_ascii = 0; lead_ascii < 8; lead_ascii++) {
                size_t n = 0;
                for (size_t k = 0; k < lead_ascii; k++) {
                    buf[n++] = 'a';
                }
                for (size_t k = 0; k < lead_han; k++) {
                    memcpy(buf + n, han, 3);
                    n += 3;
                }
                size_t blen = strlen(cases[c].bytes) + (cases[c].code == CITE_D_NUL_BYTE);
                memcpy(buf + n, cases[c].bytes, blen);
                n += blen;
                for (size_t k = 0; k < 8; k++) {
                    memcpy(buf + n, han, 3);
                    n += 3;
                }
                buf[n++] = '\n';
                struct diags ds;
                assert_int_equal(check_mem(buf, n, &ds), 1);
                if (cases[c].code == CITE_D__COUNT) {
                    assert_int_equal(ds.n, 0);
                    continue;
                }
                if (ds.n != 1 || ds.d[0].code != cases[c].code ||
                    ds.d[0].line != 1 || ds.d[0].column != lead_ascii + lead_han + 1) {
                    fail_msg("case %zu after %zu ASCII and %zu ideographs: %zu "
                             "diagnostics, the first %d at %zu:%zu",
                             c, lead_ascii, lead_han, ds.n, ds.n ? (int)ds.d[0].code : -1,
                             ds.n ? ds.d[0].line : 0, ds.n ? ds.d[0].column : 0);
                }
            }
        }
    }
}

/* Fails unless a and b hold the same diagnostics. */
static void
assert_same_diags(const char *what, const struct diags *a, const struct diags *b)
{
    if (a->n != b->n) {
        fail_msg("%s: %zu diagnostics, not %zu", what, a->n, b->n);
    }
    for (size_t k = 0; k < a->n; k++) {
        if (a->d[k].code != b->d[k].code || a->d[k].line != b->d[k].line ||
            a->d[k].column != b->d[k].column ||
            strcmp(a->d[k].message, b->d[k].message) != 0) {
            fail_msg("%s: %d at %zu:%zu '%s', not %d at %zu:%zu '%s'", what,
                     (int)a->d[k].code, a->d[k].line, a->d[k].column, a->d[k].message,
                     (int)b->d[k].code, b->d[k].line, b->d[k].column, b->d[k].message);
        }
    }
}

/*
 * The check reads sixteen bytes at a time while they are valid UTF-8 of
 * one to three bytes a character, without a NUL.  Texts made of pieces of
 * every kind, at random (valid characters of each length, the overlong and
 * surrogate forms and the valid ones of E0 and ED, C0 and C1, lead bytes
 * with no continuation, lone continuation bytes, F5 and above, NULs, line
 * breaks), must give the diagnostics of the check one character at a
 * time, whatever the length of the text and where the blocks fall.
 */
static void
test_checking_in_blocks_gives_the_diagnostics_of_one_at_a_time(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", "Recalling ", "\n", "\xC3\xA9", "\xD0\x96", "\xDF\xBF", "\xC2\x80",
        "\xE4\xBA\xBA", "\xEF\xBC\x8C", "\xE3\x80\x81", "\xE0\xA0\x80",
        "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xC0\xAF", "\xC1\xBF",
        "\xE0\x80\x80", "\xED\xA0\x80", "\x80", "\xBF", "\xC3", "\xE4\xBA",
        "\xE4", "\xF5\x80\x80\x80", "\xFF", "\0",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t x = 2463534242u;
    size_t checked = 0, with_diags = 0, clean = 0;
    for (int round = 0; round < 4000; round++) {
        char buf[256];
        size_t n = 0;
        /* mostly valid text, so that blocks are taken and then broken */
        size_t len = 16 + round % 97;
        while (n < len) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            size_t p = x % 16 < 13 ? (x >> 8) % 13 : (x >> 8) % npieces;
            size_t plen = p == npieces - 1 ? 1 : strlen(pieces[p]);
            memcpy(buf + n, pieces[p], plen);
            n += plen;
        }
        struct diags blocks, alone;
        cite_i_text_blocks(1);
        int r1 = check_mem(buf, n, &blocks);
        cite_i_text_blocks(0);
        int r2 = check_mem(buf, n, &alone);
        cite_i_text_blocks(1);
        char what[32];
        snprintf(what, sizeof what, "round %d", round);
        assert_int_equal(r1, r2);
        assert_same_diags(what, &blocks, &alone);
        checked++;
        with_diags += alone.n > 0;
        clean += alone.n == 0;
    }
    /* both kinds of text came: the comparison is not vacuous */
    assert_true(with_diags > 500);
    assert_true(clean > 500);
    assert_int_equal(checked, 4000);
}

static void
test_locate_from_agrees_with_locate_on_bad_utf8(void **state)
{
    (void)state;
    static const char in[] = "a\xE2\x82 b\nc\xF0\x9F d";
    struct cite_text t;
    cite_text_init_mem(&t, "t.txt", in, sizeof in - 1);
    for (size_t off = 0; off <= t.len; off++) {
        size_t l1, c1, l2, c2;
        cite_text_locate(&t, off, &l1, &c1);
        cite_text_locate_from(&t, 0, 1, 1, off, &l2, &c2);
        assert_int_equal(l1, l2);
        assert_int_equal(c1, c2);
    }
    cite_text_release(&t);
}

static void
test_load_max_refuses_a_larger_file(void **state)
{
    (void)state;
    char path[] = "/tmp/citegraph-test-text-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("0123456789", f);
    fclose(f);
    struct cite_text t;
    errno = 0;
    assert_int_equal(cite_text_load_max(&t, path, 9), -1);
    assert_int_equal(errno, EFBIG);
    assert_int_equal(cite_text_load_max(&t, path, 10), 0);
    assert_int_equal(t.len, 10);
    cite_text_release(&t);
    remove(path);
}

static void
test_limits_parse_names_values_and_suffixes(void **state)
{
    (void)state;
    struct cite_limits l;
    cite_limits_init(&l);
    assert_int_equal(l.file_size, CITE_LIMIT_FILE_SIZE);
    assert_int_equal(cite_limits_set(&l, "file-size", "2K"), 0);
    assert_int_equal(l.file_size, 2048);
    assert_int_equal(cite_limits_set(&l, "file-size", "1G"), 0);
    assert_int_equal(l.file_size, (size_t)1 << 30);
    assert_int_equal(cite_limits_set(&l, "file-size", "0"), -2);
    assert_int_equal(cite_limits_set(&l, "file-size", "-1"), -2);
    assert_int_equal(cite_limits_set(&l, "file-size", "3T"), -2);
    assert_int_equal(cite_limits_set(&l, "id-length", "4096"), 0);
    assert_int_equal(cite_limits_set(&l, "id-length", "4097"), -2);
    assert_int_equal(cite_limits_set(&l, "id-length", "1K"), -2);
    assert_int_equal(cite_limits_set(&l, "yaml-depth", "64"), 0);
    assert_int_equal(l.yaml_depth, 64);
    assert_int_equal(cite_limits_set(&l, "colour", "1"), -1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf16le_is_converted_and_keeps_columns),
        cmocka_unit_test(test_utf16be_unpaired_surrogate_becomes_replacement),
        cmocka_unit_test(test_binary_formats_are_not_text),
        cmocka_unit_test(test_utf16_without_mark_is_named),
        cmocka_unit_test(test_bad_utf8_and_nul_are_reported_once_with_count),
        cmocka_unit_test(test_bad_utf8_in_a_chinese_run_is_found_at_every_offset),
        cmocka_unit_test(test_checking_in_blocks_gives_the_diagnostics_of_one_at_a_time),
        cmocka_unit_test(test_locate_from_agrees_with_locate_on_bad_utf8),
        cmocka_unit_test(test_load_max_refuses_a_larger_file),
        cmocka_unit_test(test_limits_parse_names_values_and_suffixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
