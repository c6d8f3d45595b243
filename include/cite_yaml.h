/*
 * cite_yaml.h - the YAML form of extracted documents (see README.md).
 *
 * A YAML stream holds one YAML document per citing text.  Writing is
 * streamed: one doc at a time, so memory does not grow with the corpus.
 * Reading checks the schema and reports problems with file:line:col.
 */
#ifndef CITE_YAML_H
#define CITE_YAML_H

#include <stdio.h>

#include "cite_check.h"
#include "cite_diag.h"
#include "cite_doc.h"
#include "cite_limits.h"

struct cite_yaml_writer; /* opaque */

/*
 * Starts a YAML stream on out (borrowed; the caller closes it).  Returns
 * NULL when out of memory.
 */
struct cite_yaml_writer *cite_yaml_writer_new(FILE *out);

/* Writes one doc as one YAML document.  0 on success, -1 on a write error
 * (errno says why: that of the first failed write). */
int cite_yaml_write_doc(struct cite_yaml_writer *w, const struct cite_doc *doc);

/*
 * Ends the stream and frees w (NULL is a no-op).  Returns 0, or -1 with
 * errno set (that of the first failed write) when any write failed.  Does
 * not close out.
 */
int cite_yaml_writer_finish(struct cite_yaml_writer *w);

/*
 * Reads every YAML document of the stream in f and appends one doc per
 * YAML document to corpus.  path names f in diagnostics.  Schema problems
 * (wrong types, unknown keys) are reported to sink and the offending entry
 * skipped.  Returns 0 when the stream was read, -1 on a YAML syntax error or
 * a read error (reported to sink; docs read before it stay in corpus).
 */
int cite_yaml_read(struct cite_corpus *corpus, FILE *f, const char *path,
                   const struct cite_diag_sink *sink);

/* The same for n bytes in memory. */
int cite_yaml_read_mem(struct cite_corpus *corpus, const char *buf, size_t n,
                       const char *path, const struct cite_diag_sink *sink);

/*
 * cite_yaml_read() and cite_yaml_read_mem() under the limits lim (borrowed;
 * NULL: the defaults; the readers above use the defaults): a stream larger
 * than lim->file_size is not read [file-too-large] (-1), nesting deeper
 * than lim->yaml_depth stops the read [yaml-too-deep] (-1), an id longer
 * than lim->id_length is reported [id-too-long] and left out.
 */
int cite_yaml_read_limited(struct cite_corpus *corpus, FILE *f,
                           const char *path, const struct cite_limits *lim,
                           const struct cite_diag_sink *sink);
int cite_yaml_read_mem_limited(struct cite_corpus *corpus, const char *buf,
                               size_t n, const char *path,
                               const struct cite_limits *lim,
                               const struct cite_diag_sink *sink);

/*
 * The same a doc at a time, for inputs too large to hold as docs: fn gets
 * each doc in order (it is fn's: to keep, or to release with
 * cite_doc_release()) with how many bytes of buf were read by then, and
 * returns 0 to go on.  What `extract` wrote is read in one pass with
 * nothing but the doc at hand in memory; any other YAML is read by libyaml
 * whole, as cite_yaml_read_mem_limited() reads it (lim as there).  Returns
 * 0 at the end of the stream, 1 when fn stopped it, -1 on a syntax error
 * or an input over a limit (the docs before it were given to fn).
 */
typedef int (*cite_yaml_doc_fn)(void *ctx, struct cite_doc *doc,
                                size_t consumed);
int cite_yaml_read_each(const char *buf, size_t n, const char *path,
                        const struct cite_limits *lim,
                        const struct cite_diag_sink *sink, cite_yaml_doc_fn fn,
                        void *ctx);

/*
 * Reads a registry of known documents from the YAML in f and appends its
 * entries to reg (caller-owned, initialised).  The file is a sequence of
 * mappings, all keys but id optional:
 *
 *   - {id: E/CN.4/RES/2004/81, date: 2004-04-21, title: ..., paragraphs: 16}
 *
 * Schema problems (unknown keys, a bad date, an entry without id) are
 * reported to sink as [yaml-schema] at file:line:col and the offending
 * value or entry skipped.  Returns 0 when the stream was read, -1 on a
 * syntax or read error (entries read before it stay in reg).
 */
int cite_yaml_read_registry(struct cite_check_registry *reg, FILE *f,
                            const char *path,
                            const struct cite_diag_sink *sink);

/* The same for n bytes in memory. */
int cite_yaml_read_registry_mem(struct cite_check_registry *reg,
                                const char *buf, size_t n, const char *path,
                                const struct cite_diag_sink *sink);

/*
 * Reads the configuration of `citegraph check` (.citegraph.yaml) from f
 * into cfg (caller-owned, initialised).  The root is a mapping, every key
 * optional:
 *
 *   severity: {date-mismatch: error, unresolved-target: off}
 *   ignore-paths: ["*.draft.txt"]
 *   ignore-targets: [A/HRC/RES/5/1, "E/CN.4/RES/2004/[0-9]*"]
 *
 * severity maps rule slugs to note, warning, error or off.  Schema problems
 * (unknown keys or slugs, a bad severity) are reported to sink as
 * [yaml-schema] at file:line:col and skipped.  Returns 0 when the stream
 * was read, -1 on a syntax or read error.
 */
int cite_yaml_read_config(struct cite_check_config *cfg, FILE *f,
                          const char *path, const struct cite_diag_sink *sink);

/* The same for n bytes in memory. */
int cite_yaml_read_config_mem(struct cite_check_config *cfg, const char *buf,
                              size_t n, const char *path,
                              const struct cite_diag_sink *sink);

#endif
