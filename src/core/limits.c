/*
 * limits.c - the named limits of cite_limits.h: defaults and parsing.
 *
 * A value is a whole decimal number above 0; file-size also takes a
 * binary suffix (K, M, G), since nobody counts 256 MiB in bytes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite_limits.h"

const char *const cite_limit_names[] = {"file-size", "id-length",
                                        "yaml-depth", NULL};

void
cite_limits_init(struct cite_limits *l)
{
    l->file_size = CITE_LIMIT_FILE_SIZE;
    l->id_length = CITE_LIMIT_ID_LENGTH;
    l->yaml_depth = CITE_LIMIT_YAML_DEPTH;
}

/* A whole number above 0, at most max, with a K/M/G suffix if allowed. */
static int
parse_size(const char *s, int suffix, size_t max, size_t *out)
{
    if (*s < '0' || *s > '9') {
        return -1;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0) {
        return -1;
    }
    unsigned shift = 0;
    if (suffix && *end != '\0' && end[1] == '\0') {
        switch (*end) {
        case 'K': case 'k': shift = 10; break;
        case 'M': case 'm': shift = 20; break;
        case 'G': case 'g': shift = 30; break;
        default: return -1;
        }
        end++;
    }
    if (*end != '\0' || v == 0 || v > (unsigned long long)(max >> shift)) {
        return -1;
    }
    *out = (size_t)(v << shift);
    return 0;
}

int
cite_limits_set(struct cite_limits *l, const char *name, const char *value)
{
    size_t v;
    if (strcmp(name, "file-size") == 0) {
        if (parse_size(value, 1, SIZE_MAX / 2, &v) != 0) {
            return -2;
        }
        l->file_size = v;
    } else if (strcmp(name, "id-length") == 0) {
        if (parse_size(value, 0, CITE_LIMIT_ID_LENGTH_MAX, &v) != 0) {
            return -2;
        }
        l->id_length = v;
    } else if (strcmp(name, "yaml-depth") == 0) {
        if (parse_size(value, 0, 1000000, &v) != 0) {
            return -2;
        }
        l->yaml_depth = v;
    } else {
        return -1;
    }
    return 0;
}
