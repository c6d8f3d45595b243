/*
 * gvc.c - lays out and renders DOT text in process with Graphviz's gvc
 * library, so that `citegraph dot -o graph.svg` needs no separate step.
 * The only file that includes Graphviz headers.
 *
 * Graphviz reports problems through agerr(): its messages are caught with
 * agseterrf() (one process-wide handler, set for the call and put back)
 * and returned in err.  A graph that does not parse, a layout that fails
 * and an unknown format are errors; warnings (a font missing) are not.
 */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#include "render_int.h"

static char *gv_err; /* the message of the current call; malloc'd */

static int
catch_err(char *msg)
{
    if (gv_err == NULL && msg != NULL) {
        size_t n = strlen(msg);
        while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) {
            n--;
        }
        gv_err = cite_i_xmalloc(n + 1);
        memcpy(gv_err, msg, n);
        gv_err[n] = '\0';
    }
    return 0;
}

static void
set_err(char *err, size_t errlen, const char *what)
{
    if (errlen == 0) {
        return;
    }
    if (gv_err != NULL && gv_err[0] != '\0') {
        snprintf(err, errlen, "%s: %s", what, gv_err);
    } else {
        snprintf(err, errlen, "%s", what);
    }
}

int
cite_render_graphviz(const char *dot, size_t len, const char *format,
                     char **data, size_t *datalen, char *err, size_t errlen)
{
    *data = NULL;
    *datalen = 0;
    gv_err = NULL;
    agusererrf prev = agseterrf(catch_err);
    /* warnings (a missing glyph) are not failures: only errors count */
    agerrlevel_t prev_level = agseterr(AGERR);
    int rc = -1;
    char *text = cite_i_xmalloc(len + 1);
    memcpy(text, dot, len);
    text[len] = '\0';
    GVC_t *gvc = gvContext();
    Agraph_t *g = gvc != NULL ? agmemread(text) : NULL;
    if (gvc == NULL) {
        set_err(err, errlen, "cannot start Graphviz");
    } else if (g == NULL) {
        set_err(err, errlen, "Graphviz cannot read the graph");
    } else if (gvLayout(gvc, g, "dot") != 0) {
        set_err(err, errlen, "Graphviz cannot lay out the graph");
    } else {
        char *out = NULL;
        unsigned int n = 0;
        if (gvRenderData(gvc, g, format, &out, &n) != 0 || out == NULL) {
            set_err(err, errlen, "Graphviz cannot render the graph");
        } else {
            *data = cite_i_xmalloc(n + 1);
            memcpy(*data, out, n);
            *datalen = n;
            rc = 0;
        }
        if (out != NULL) {
            gvFreeRenderData(out);
        }
        gvFreeLayout(gvc, g);
    }
    if (g != NULL) {
        agclose(g);
    }
    if (gvc != NULL) {
        gvFreeContext(gvc);
    }
    free(text);
    agseterrf(prev);
    agseterr(prev_level);
    free(gv_err);
    gv_err = NULL;
    return rc;
}
