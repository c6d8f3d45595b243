/*
 * config.c - the configuration of `citegraph check` (see cite_check.h);
 * the YAML reader is cite_yaml_read_config in src/yamlio.
 */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "../core/core_int.h"
#include "cite_check.h"

void
cite_check_config_init(struct cite_check_config *c)
{
    for (int i = 0; i < CITE_D__COUNT; i++) {
        c->severity[i] = CITE_CHECK_SEV_DEFAULT;
    }
    c->ignore_paths = NULL;
    c->n_ignore_paths = 0;
    c->ignore_targets = NULL;
    c->n_ignore_targets = 0;
}

static void
free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i]);
    }
    free(v);
}

void
cite_check_config_release(struct cite_check_config *c)
{
    free_list(c->ignore_paths, c->n_ignore_paths);
    free_list(c->ignore_targets, c->n_ignore_targets);
    cite_check_config_init(c);
}

void
cite_check_config_add(char ***list, size_t *n, const char *glob)
{
    *list = cite_i_xreallocarray(*list, *n + 1, sizeof **list);
    (*list)[(*n)++] = cite_i_xstrdup(glob);
}

static int
matches(char *const *globs, size_t n, const char *s)
{
    if (s == NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(globs[i], s) == 0 || fnmatch(globs[i], s, 0) == 0) {
            return 1;
        }
    }
    return 0;
}

int
cite_check_config_ignores_path(const struct cite_check_config *c,
                               const char *file)
{
    return matches(c->ignore_paths, c->n_ignore_paths, file);
}

int
cite_check_config_ignores_target(const struct cite_check_config *c,
                                 const char *target)
{
    return matches(c->ignore_targets, c->n_ignore_targets, target);
}

int
cite_check_is_citation_rule(enum cite_diag_code code)
{
    switch (code) {
    case CITE_D_UNRESOLVED:
    case CITE_D_MALFORMED_SYMBOL:
    case CITE_D_DATE_MISMATCH:
    case CITE_D_MISSING_PARAGRAPH:
    case CITE_D_LATER_DOCUMENT:
    case CITE_D_SELF_CITATION:
        return 1;
    default:
        return 0;
    }
}
