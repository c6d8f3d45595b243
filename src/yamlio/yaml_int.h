/*
 * yaml_int.h - what the files of src/yamlio share.
 */
#ifndef CITE_YAML_INT_H
#define CITE_YAML_INT_H

#include <stddef.h>
#include <stdio.h>

#include "cite_diag.h"
#include "cite_doc.h"
#include "cite_limits.h"

/*
 * The fast path of cite_yaml_read_mem() (yaml_fast.c): reads buf[0..n)
 * into corpus when it has exactly the shape `extract` writes and every
 * value is one the schema and the limits lim take, and returns 0; otherwise adds nothing
 * and returns -1, and the input is for libyaml to read (and to report
 * on).  Never emits a diagnostic.
 */
int cite_i_yaml_fast_read(struct cite_corpus *corpus, const char *buf,
                          size_t n, const struct cite_limits *lim);

/*
 * The fast path a document at a time: fn gets each doc (its own to keep or
 * release) and how many bytes of buf were read with it, until a document
 * does not take the fast path (-1), fn returns non-zero (1) or buf ends
 * (0).  *ndocs counts the docs given to fn.
 */
int cite_i_yaml_fast_each(const char *buf, size_t n,
                          const struct cite_limits *lim,
                          int (*fn)(void *ctx, struct cite_doc *doc,
                                    size_t consumed),
                          void *ctx, size_t *ndocs);

/* cite_yaml_read_mem() without the fast path: libyaml only (for tests
 * that hold the two paths against each other). */
int cite_i_yaml_slow_read(struct cite_corpus *corpus, const char *buf,
                          size_t n, const char *path,
                          const struct cite_diag_sink *sink);

/* The direct path of the writer alone: 1 and the doc appended to b as
 * libyaml would write it, or 0 when the doc is one for libyaml. */
struct cite_i_buf;
int cite_i_yaml_direct_doc(struct cite_i_buf *b, const struct cite_doc *doc);

/* A writer that writes every doc through libyaml, never the direct path
 * (for tests that hold the two against each other). */
struct cite_yaml_writer *cite_i_yaml_writer_new_libyaml(FILE *out);

#endif
