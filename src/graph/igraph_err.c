/*
 * igraph_err.c - the boundary between igraph's error model and ours.
 *
 * igraph reports an error by calling a process-wide handler whose default
 * prints and aborts, which a library must not do.  Around every call into
 * igraph we install a handler that keeps the first reason given (igraph
 * calls the handler again at each level as the error climbs back up, with
 * an empty reason) and frees igraph's registered temporaries with
 * IGRAPH_FINALLY_FREE(), as igraph_error_handler_ignore does; the error
 * code then comes back as a return value, which the caller turns into -1
 * and a message.  Warnings are dropped: only src/cli/ prints.
 */
#include <stdio.h>

#include "graph_int.h"

/* The handler has no user pointer, hence a file-scope buffer; one per
 * thread so that two threads' errors cannot mix. */
static _Thread_local char reason[256];

static void
on_error(const char *why, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    (void)code;
    if (reason[0] == '\0' && why != NULL && why[0] != '\0') {
        snprintf(reason, sizeof reason, "%s", why);
    }
    IGRAPH_FINALLY_FREE();
}

static void
on_warning(const char *why, const char *file, int line)
{
    (void)why;
    (void)file;
    (void)line;
}

void
cite_i_igraph_enter(struct cite_i_igraph_guard *guard)
{
    reason[0] = '\0';
    guard->old_error = igraph_set_error_handler(on_error);
    guard->old_warning = igraph_set_warning_handler(on_warning);
}

void
cite_i_igraph_leave(struct cite_i_igraph_guard *guard)
{
    igraph_set_error_handler(guard->old_error);
    igraph_set_warning_handler(guard->old_warning);
}

int
cite_i_igraph_fail(igraph_error_t code, const char *what, char *err,
                   size_t errlen)
{
    if (err != NULL && errlen > 0) {
        snprintf(err, errlen, "igraph: %s: %s", what,
                 reason[0] != '\0' ? reason : igraph_strerror(code));
    }
    return -1;
}
