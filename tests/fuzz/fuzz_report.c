/*
 * fuzz_report.c - libFuzzer target for the report writers of `check`
 * (text, JSON, SARIF, GitHub workflow commands, JUnit XML).
 *
 * Input: byte 0 holds the options (bit 0 strict; bits 1-3 how many of the
 * findings' files are also listed as checked files), then findings, each
 * as: code, severity, line (2 bytes), column (2 bytes), then three strings
 * (file, message, source line), each ended by a 0xFF byte or the end of
 * the input.  A file that is empty is unknown (NULL), and so is a source
 * line.  Every format must stay well-formed whatever the strings hold:
 * JSON and SARIF parse, JUnit is XML, GitHub gives one line per finding,
 * and when every string was valid UTF-8, so is every report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "core/core_int.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_ITEMS = 64 };

struct reader {
    const uint8_t *p;
    size_t n;
};

static unsigned
byte(struct reader *r)
{
    if (r->n == 0) {
        return 0;
    }
    r->n--;
    return *r->p++;
}

/* A string up to 0xFF; NUL bytes end it early, as they would in C. */
static char *
string(struct reader *r)
{
    const uint8_t *end = memchr(r->p, 0xFF, r->n);
    size_t len = end != NULL ? (size_t)(end - r->p) : r->n;
    char *s = cite_i_xstrndup((const char *)r->p, len);
    r->p += len;
    r->n -= len;
    if (end != NULL) {
        r->p++;
        r->n--;
    }
    return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct reader rd = {data, size};
    unsigned opts = byte(&rd);
    struct cite_report rep;
    cite_report_init(&rep);
    int all_utf8 = 1;
    const char *why = "";
    while (rd.n > 0 && rep.n < MAX_ITEMS) {
        struct cite_diag d;
        memset(&d, 0, sizeof d);
        d.code = (enum cite_diag_code)(byte(&rd) % CITE_D__COUNT);
        d.severity = (enum cite_severity)(byte(&rd) % 3);
        d.line = byte(&rd) << 8;
        d.line |= byte(&rd);
        d.column = byte(&rd) << 8;
        d.column |= byte(&rd);
        char *file = string(&rd);
        char *message = string(&rd);
        char *source = string(&rd);
        d.file = file[0] != '\0' ? file : NULL;
        d.message = message;
        d.source_line = source[0] != '\0' ? source : NULL;
        d.source_line_len = strlen(source);
        all_utf8 = all_utf8 && oracle_utf8(file, strlen(file), &why) &&
                   oracle_utf8(message, strlen(message), &why) &&
                   oracle_utf8(source, strlen(source), &why);
        cite_report_collect(&rep, &d);
        free(file);
        free(message);
        free(source);
    }
    /* the checked files: some of the findings' files, then one of ours */
    size_t nlisted = (opts >> 1) & 7;
    const char **files = cite_i_xcalloc(nlisted + 2, sizeof *files);
    size_t nfiles = 0;
    for (size_t i = 0; i < rep.n && nfiles < nlisted; i++) {
        if (rep.items[i].file != NULL) {
            files[nfiles++] = rep.items[i].file;
        }
    }
    files[nfiles++] = "checked-clean.txt";

    fuzz_check_reports(&rep, (int)(opts & 1), files, nfiles, all_utf8);
    free(files);
    cite_report_release(&rep);
    return 0;
}
