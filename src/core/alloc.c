/*
 * alloc.c - allocation that cannot fail, a growable buffer and a pool.
 *
 * The library never exits: on exhaustion it calls a handler that the
 * program installs (the CLI prints "out of memory" and exits 3), and
 * aborts if the handler returns or none was set.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core_int.h"

static void (*oom_handler)(void);

void
cite_i_set_oom_handler(void (*fn)(void))
{
    oom_handler = fn;
}

static void
oom(void)
{
    if (oom_handler != NULL) {
        oom_handler();
    }
    abort();
}

void *
cite_i_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        oom();
    }
    return p;
}

void *
cite_i_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL) {
        oom();
    }
    return p;
}

void *
cite_i_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL) {
        oom();
    }
    return q;
}

void *
cite_i_xreallocarray(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        oom();
    }
    return cite_i_xrealloc(p, n * size);
}

char *
cite_i_xstrndup(const char *s, size_t n)
{
    char *p = cite_i_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
cite_i_xstrdup(const char *s)
{
    return cite_i_xstrndup(s, strlen(s));
}

void
cite_i_buf_grow(struct cite_i_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        cap *= 2;
    }
    b->ptr = cite_i_xrealloc(b->ptr, cap);
    b->cap = cap;
}

void
cite_i_buf_adds(struct cite_i_buf *b, const char *s)
{
    cite_i_buf_add(b, s, strlen(s));
}

void
cite_i_buf_vaddf(struct cite_i_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        return;
    }
    cite_i_buf_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void
cite_i_buf_addf(struct cite_i_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cite_i_buf_vaddf(b, fmt, ap);
    va_end(ap);
}

void
cite_i_buf_reset(struct cite_i_buf *b)
{
    b->len = 0;
    if (b->ptr != NULL) {
        b->ptr[0] = '\0';
    }
}

void
cite_i_buf_release(struct cite_i_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

/* Pool: a chain of blocks; large requests get a block of their own. */
struct pool_block {
    struct pool_block *next;
    size_t used;
    size_t cap;
    max_align_t data[];
};

struct cite_pool {
    struct pool_block *head;
    size_t next_cap;   /* the size of the next block: small first, doubling */
};

/* A document's pool starts small (most hold a few hundred bytes: a corpus
 * of 100,000 documents must not cost 100,000 large blocks) and doubles up
 * to POOL_MAX. */
#define POOL_FIRST 256
#define POOL_MAX 65536

struct cite_pool *
cite_i_pool_new(void)
{
    struct cite_pool *p = cite_i_xmalloc(sizeof *p);
    p->head = NULL;
    p->next_cap = POOL_FIRST;
    return p;
}

void *
cite_i_pool_alloc(struct cite_pool *p, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    struct pool_block *b = p->head;
    if (b == NULL || b->cap - b->used < n) {
        size_t cap = p->next_cap;
        if (p->next_cap < POOL_MAX) {
            p->next_cap *= 2;
        }
        if (n > cap / 2) {
            /* a large request gets a block of its own; the current block
             * stays the head, it still has room */
            b = cite_i_xmalloc(sizeof *b + n);
            b->used = n;
            b->cap = n;
            if (p->head != NULL) {
                b->next = p->head->next;
                p->head->next = b;
            } else {
                b->next = NULL;
                p->head = b;
            }
            return (char *)b->data;
        }
        b = cite_i_xmalloc(sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = p->head;
        p->head = b;
    }
    void *r = (char *)b->data + b->used;
    b->used += n;
    return r;
}

void
cite_i_pool_free(struct cite_pool *p)
{
    if (p == NULL) {
        return;
    }
    struct pool_block *b = p->head;
    while (b != NULL) {
        struct pool_block *next = b->next;
        free(b);
        b = next;
    }
    free(p);
}
