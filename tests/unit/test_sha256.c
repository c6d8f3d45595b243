/*
 * test_sha256.c - unit tests of SHA-256 (src/core/sha256.c) against the
 * test vectors of FIPS 180-2 appendix B / NIST's examples, lengths at the
 * padding boundaries, and input fed in pieces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/core_int.h"

static void
hex_of(const void *data, size_t n, char out[65])
{
    struct cite_i_sha256 s;
    unsigned char d[32];
    cite_i_sha256_init(&s);
    cite_i_sha256_add(&s, data, n);
    cite_i_sha256_finish(&s, d);
    cite_i_sha256_hex(d, out);
}

static void
test_sha256_empty(void **state)
{
    char hex[65];
    hex_of("", 0, hex);
    assert_string_equal(
        hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void
test_sha256_abc(void **state)
{
    char hex[65];
    hex_of("abc", 3, hex);
    assert_string_equal(
        hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_sha256_448_bits(void **state)
{
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    char hex[65];
    assert_int_equal(strlen(m), 56); /* 448 bits: the padding needs a block */
    hex_of(m, strlen(m), hex);
    assert_string_equal(
        hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_sha256_million_a(void **state)
{
    struct cite_i_sha256 s;
    unsigned char d[32];
    char hex[65], chunk[1000];
    memset(chunk, 'a', sizeof chunk);
    cite_i_sha256_init(&s);
    for (int i = 0; i < 1000; i++) {
        cite_i_sha256_add(&s, chunk, sizeof chunk);
    }
    cite_i_sha256_finish(&s, d);
    cite_i_sha256_hex(d, hex);
    assert_string_equal(
        hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* bytes i % 251, of lengths around the 56- and 64-byte boundaries
 * (expected values from Python's hashlib) */
static void
test_sha256_boundaries(void **state)
{
    static const struct {
        size_t n;
        const char *hex;
    } cases[] = {
        {55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"},
        {56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"},
        {63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"},
        {64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"},
        {119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"},
    };
    unsigned char data[128];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (unsigned char)(i % 251);
    }
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char hex[65];
        hex_of(data, cases[k].n, hex);
        assert_string_equal(hex, cases[k].hex);
    }
}

/* any split of the input gives the one-shot digest */
static void
test_sha256_pieces(void **state)
{
    unsigned char data[200];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (unsigned char)(i * 7 + 3);
    }
    char whole[65];
    hex_of(data, sizeof data, whole);
    for (size_t cut = 0; cut <= sizeof data; cut++) {
        struct cite_i_sha256 s;
        unsigned char d[32];
        char hex[65];
        cite_i_sha256_init(&s);
        cite_i_sha256_add(&s, data, cut);
        cite_i_sha256_add(&s, data + cut, 0);
        cite_i_sha256_add(&s, data + cut, sizeof data - cut);
        cite_i_sha256_finish(&s, d);
        cite_i_sha256_hex(d, hex);
        assert_string_equal(hex, whole);
    }
    /* one byte at a time */
    struct cite_i_sha256 s;
    unsigned char d[32];
    char hex[65];
    cite_i_sha256_init(&s);
    for (size_t i = 0; i < sizeof data; i++) {
        cite_i_sha256_add(&s, data + i, 1);
    }
    cite_i_sha256_finish(&s, d);
    cite_i_sha256_hex(d, hex);
    assert_string_equal(hex, whole);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_empty),
        cmocka_unit_test(test_sha256_abc),
        cmocka_unit_test(test_sha256_448_bits),
        cmocka_unit_test(test_sha256_million_a),
        cmocka_unit_test(test_sha256_boundaries),
        cmocka_unit_test(test_sha256_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
