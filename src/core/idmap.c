/*
 * idmap.c - document id -> index, the table the graph builder and check
 * look every citation's target up in.
 *
 * Open addressing with linear probing over a power-of-two table kept at
 * most half full, so a look-up costs a few probes and building stays
 * linear in the number of citations.  Nothing is ever deleted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

struct cite_i_idslot {
    const char *key; /* NULL: empty */
    size_t hash;
    size_t value;
};

/* FNV-1a: ids are short, and it spreads their common prefixes
 * ("A/HRC/RES/") well enough. */
static size_t
hash_str(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        h = (h ^ *p) * 1099511628211u;
    }
    return (size_t)h;
}

void
cite_i_idmap_init(struct cite_i_idmap *m)
{
    memset(m, 0, sizeof *m);
}

void
cite_i_idmap_release(struct cite_i_idmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

size_t
cite_i_idmap_hash(const char *key)
{
    return hash_str(key);
}

void
cite_i_idmap_prefetch(const struct cite_i_idmap *m, size_t hash)
{
#if defined(__GNUC__)
    if (m->cap > 0) {
        __builtin_prefetch(&m->slots[hash & (m->cap - 1)]);
    }
#else
    (void)m;
    (void)hash;
#endif
}

void
cite_i_idmap_prefetch_key(const struct cite_i_idmap *m, size_t hash)
{
#if defined(__GNUC__)
    if (m->cap == 0) {
        return;
    }
    size_t mask = m->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const struct cite_i_idslot *s = &m->slots[i];
        if (s->key == NULL) {
            return;
        }
        if (s->hash == hash) {
            __builtin_prefetch(s->key);
            return;
        }
    }
#else
    (void)m;
    (void)hash;
#endif
}

size_t
cite_i_idmap_get(const struct cite_i_idmap *m, const char *key)
{
    return cite_i_idmap_get_hashed(m, key, hash_str(key));
}

size_t
cite_i_idmap_get_hashed(const struct cite_i_idmap *m, const char *key, size_t h)
{
    if (m->cap == 0) {
        return CITE_I_NOT_FOUND;
    }
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const struct cite_i_idslot *s = &m->slots[i];
        if (s->key == NULL) {
            return CITE_I_NOT_FOUND;
        }
        if (s->hash == h && strcmp(s->key, key) == 0) {
            return s->value;
        }
    }
}

static void
idmap_place(struct cite_i_idslot *slots, size_t cap,
            const struct cite_i_idslot *src)
{
    size_t mask = cap - 1;
    size_t i = src->hash & mask;
    while (slots[i].key != NULL) {
        i = (i + 1) & mask;
    }
    slots[i] = *src;
}

void
cite_i_idmap_put(struct cite_i_idmap *m, const char *key, size_t value)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        struct cite_i_idslot *slots = cite_i_xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < m->cap; i++) {
            if (m->slots[i].key != NULL) {
                idmap_place(slots, cap, &m->slots[i]);
            }
        }
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    struct cite_i_idslot s = {key, hash_str(key), value};
    idmap_place(m->slots, m->cap, &s);
    m->n++;
}
