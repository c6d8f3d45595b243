/*
 * hash.c - the (citing node, cited node) -> edge table of the undirected
 * projection (document id -> node is core's cite_i_idmap).
 *
 * Open addressing with linear probing over a power-of-two table
 * kept at most half full, so a look-up costs a few probes and building the
 * graph stays linear in the number of citations.  Nothing is ever deleted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "graph_int.h"

struct cite_i_pairslot {
    size_t from;
    size_t to;
    size_t value; /* CITE_I_NOT_FOUND: empty */
};

/* A 64-bit finaliser (from splitmix64): node indices are small consecutive
 * integers and would cluster badly if combined naively. */
static size_t
hash_pair(size_t from, size_t to)
{
    uint64_t x = (uint64_t)from * 0x9E3779B97F4A7C15u ^ (uint64_t)to;
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9u;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBu;
    x ^= x >> 31;
    return (size_t)x;
}

void
cite_i_pairmap_init(struct cite_i_pairmap *m)
{
    memset(m, 0, sizeof *m);
}

void
cite_i_pairmap_release(struct cite_i_pairmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

size_t
cite_i_pairmap_get(const struct cite_i_pairmap *m, size_t from, size_t to)
{
    if (m->cap == 0) {
        return CITE_I_NOT_FOUND;
    }
    size_t mask = m->cap - 1;
    for (size_t i = hash_pair(from, to) & mask;; i = (i + 1) & mask) {
        const struct cite_i_pairslot *s = &m->slots[i];
        if (s->value == CITE_I_NOT_FOUND) {
            return CITE_I_NOT_FOUND;
        }
        if (s->from == from && s->to == to) {
            return s->value;
        }
    }
}

static void
pairmap_place(struct cite_i_pairslot *slots, size_t cap,
              const struct cite_i_pairslot *src)
{
    size_t mask = cap - 1;
    size_t i = hash_pair(src->from, src->to) & mask;
    while (slots[i].value != CITE_I_NOT_FOUND) {
        i = (i + 1) & mask;
    }
    slots[i] = *src;
}

void
cite_i_pairmap_put(struct cite_i_pairmap *m, size_t from, size_t to,
                   size_t value)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        struct cite_i_pairslot *slots =
            cite_i_xreallocarray(NULL, cap, sizeof *slots);
        for (size_t i = 0; i < cap; i++) {
            slots[i].value = CITE_I_NOT_FOUND;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (m->slots[i].value != CITE_I_NOT_FOUND) {
                pairmap_place(slots, cap, &m->slots[i]);
            }
        }
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    struct cite_i_pairslot s = {from, to, value};
    pairmap_place(m->slots, m->cap, &s);
    m->n++;
}
