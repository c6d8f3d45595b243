/*
 * cite_limits.h - the limits that keep hostile or broken input cheap.
 *
 * Every input is bounded before it is trusted: its size, the length of a
 * document id, the nesting of YAML.  Each limit has a name (the same in
 * messages, in the README and in the CLI's `--limit NAME=VALUE`) and a
 * default far above what real UN texts need; a caller raises it for an
 * input that needs more.  Hitting a limit is reported as a diagnostic
 * ([file-too-large], [id-too-long], [yaml-too-deep]), never a crash.
 */
#ifndef CITE_LIMITS_H
#define CITE_LIMITS_H

#include <stddef.h>

/* A text or YAML input larger than this is refused.  256 MiB: twice the
 * YAML of make bench's network (100,000 documents, 1,000,000 citations:
 * about 125 MB), above its 100 MB text, and over a thousand times a long
 * resolution. */
#define CITE_LIMIT_FILE_SIZE ((size_t)256 << 20)
/* A document id longer than this (bytes) is refused.  The longest real
 * symbols (E/CN.4/SUB.2/RES/1998/33, A/HRC/WG.6/30/L.10/Add.1) are under
 * 40 bytes. */
#define CITE_LIMIT_ID_LENGTH 100
/* The most an id limit may be raised to (ids are built in buffers of
 * this size). */
#define CITE_LIMIT_ID_LENGTH_MAX 4096
/* YAML collections nested deeper than this stop the read.  Our format
 * nests four deep. */
#define CITE_LIMIT_YAML_DEPTH 32

/* Caller-owned; cite_limits_init() sets the defaults. */
struct cite_limits {
    size_t file_size;  /* bytes of one input */
    size_t id_length;  /* bytes of one document id, at most
                          CITE_LIMIT_ID_LENGTH_MAX */
    size_t yaml_depth; /* nesting of YAML sequences and mappings */
};

void cite_limits_init(struct cite_limits *l);

/*
 * Sets the limit called name ("file-size", "id-length", "yaml-depth") from
 * value: a whole number above 0, for file-size optionally followed by K, M
 * or G (powers of 1024).  Returns 0, -1 when name is not a limit, -2 when
 * the value is not valid for it (l is then unchanged).
 */
int cite_limits_set(struct cite_limits *l, const char *name, const char *value);

/* The names of the limits, NULL-terminated, in a fixed order. */
extern const char *const cite_limit_names[];

#endif
