/*
 * test_pipeline.c - the stages together on the bundled seed text:
 * extract -> YAML -> read -> YAML gives identical bytes, and the network
 * built from the YAML equals the one built from the extraction.
 * Run from the top of the tree (make test does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cite.h"

#define SEED "data/texts/A_HRC_RES_21_21.zh.txt"

static char *
write_yaml(const struct cite_corpus *c, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    assert_non_null(f);
    struct cite_yaml_writer *w = cite_yaml_writer_new(f);
    for (size_t i = 0; i < c->n; i++) {
        assert_int_equal(cite_yaml_write_doc(w, &c->docs[i]), 0);
    }
    assert_int_equal(cite_yaml_writer_finish(w), 0);
    fclose(f);
    return buf;
}

static void
load_seed(struct cite_corpus *c)
{
    struct cite_text t;
    assert_int_equal(cite_text_load(&t, SEED), 0);
    cite_corpus_init(c);
    cite_extract_doc(cite_corpus_add(c), &t, CITE_LANG_UNKNOWN, NULL);
    cite_text_release(&t);
}

static void
test_seed_yaml_round_trip_is_byte_identical(void **state)
{
    (void)state;
    struct cite_corpus a, b;
    load_seed(&a);
    size_t len1, len2;
    char *y1 = write_yaml(&a, &len1);
    cite_corpus_init(&b);
    assert_int_equal(cite_yaml_read_mem(&b, y1, len1, "mem.yaml", NULL), 0);
    assert_int_equal(b.n, 1);
    char *y2 = write_yaml(&b, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(y1, y2, len1);
    free(y1);
    free(y2);
    cite_corpus_release(&a);
    cite_corpus_release(&b);
}

static void
test_seed_targets_are_exactly_the_expected_ones(void **state)
{
    (void)state;
    static const char *const expected[] = {
        "instrument:charter", "A/HRC/RES/5/1", "A/HRC/RES/5/2",
        "A/HRC/RES/16/21", "A/HRC/21/2", "E/CN.4/RES/1993/87",
        "E/CN.4/RES/2004/81", "A/HRC/RES/18/18",
    };
    struct cite_corpus c;
    load_seed(&c);
    const struct cite_doc *d = &c.docs[0];
    assert_string_equal(d->info.id, "A/HRC/RES/21/21");
    assert_string_equal(d->info.date, "2012-09-27");
    assert_int_equal(d->info.session, 21);
    assert_int_equal(d->info.meeting, 37);
    /* distinct targets, in order of first mention */
    size_t ndistinct = 0;
    for (size_t i = 0; i < d->nrefs; i++) {
        int seen = 0;
        for (size_t k = 0; k < i; k++) {
            seen |= strcmp(d->refs[k].target, d->refs[i].target) == 0;
        }
        if (!seen) {
            assert_true(ndistinct < sizeof expected / sizeof expected[0]);
            assert_string_equal(d->refs[i].target, expected[ndistinct]);
            ndistinct++;
        }
    }
    assert_int_equal(ndistinct, sizeof expected / sizeof expected[0]);
    cite_corpus_release(&c);
}

static void
test_network_from_yaml_equals_network_from_text(void **state)
{
    (void)state;
    struct cite_corpus a, b;
    load_seed(&a);
    size_t len;
    char *y = write_yaml(&a, &len);
    cite_corpus_init(&b);
    assert_int_equal(cite_yaml_read_mem(&b, y, len, "mem.yaml", NULL), 0);
    char err[256];
    struct cite_graph *ga, *gb;
    assert_int_equal(cite_graph_build(&ga, &a, err, sizeof err), 0);
    assert_int_equal(cite_graph_build(&gb, &b, err, sizeof err), 0);
    assert_int_equal(cite_graph_node_count(ga), 9);
    assert_int_equal(cite_graph_edge_count(ga), 8);
    assert_int_equal(cite_graph_node_count(ga), cite_graph_node_count(gb));
    for (size_t e = 0; e < cite_graph_edge_count(ga); e++) {
        const struct cite_graph_edge *x = cite_graph_edge(ga, e);
        const struct cite_graph_edge *y2 = cite_graph_edge(gb, e);
        assert_int_equal(x->from, y2->from);
        assert_int_equal(x->to, y2->to);
        assert_true(x->weight == y2->weight);
    }
    long r = cite_graph_find(ga, "A/HRC/RES/18/18");
    assert_true(r >= 0);
    cite_graph_free(ga);
    cite_graph_free(gb);
    free(y);
    cite_corpus_release(&a);
    cite_corpus_release(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_yaml_round_trip_is_byte_identical),
        cmocka_unit_test(test_seed_targets_are_exactly_the_expected_ones),
        cmocka_unit_test(test_network_from_yaml_equals_network_from_text),
    };
    return cmocka_run_group_tests_name("pipeline", tests, NULL, NULL);
}
