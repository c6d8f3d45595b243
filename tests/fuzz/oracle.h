/*
 * oracle.h - cheap checks on what the writers produce, and the YAML round
 * trip's two helpers, shared by the fuzz targets (tests/fuzz/fuzz_*.c).
 * Each check returns 1 when the output is
 * well-formed, else 0 and a short reason in *why.  They are deliberately
 * strict only about what the writers promise (valid UTF-8, JSON that
 * parses, XML whose tags and entities balance, DOT whose strings close), so
 * that a failure is a bug and never a false alarm.
 */
#ifndef FUZZ_ORACLE_H
#define FUZZ_ORACLE_H

#include <stddef.h>

/* Stops the run with a message when cond is false: a finding. */
#define FUZZ_CHECK(cond, ...)                                                  \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);                 \
        }                                                                      \
    } while (0)

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt,
               ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5), noreturn))
#endif
    ;

struct cite_doc;
struct cite_diag;

/* docs[0..n) written as `extract` writes them, into a malloc'd buffer the
 * caller frees (*len its length); a failure to write stops the run. */
char *fuzz_yaml_of(const struct cite_doc *docs, size_t n, size_t *len);

/* A diagnostic sink for YAML the writer made (ctx: that YAML, shown): any
 * diagnostic on it is a finding. */
void fuzz_no_diag_on_yaml(void *ctx, const struct cite_diag *d);

struct cite_report;

/* r written in every report format, strict or not, for files[0..nfiles):
 * each write must succeed and be well-formed for its format (JSON, SARIF,
 * JUnit XML, one GitHub line per finding), and valid UTF-8 when all_utf8
 * says the findings were. */
void fuzz_check_reports(const struct cite_report *r, int strict,
                        const char *const *files, size_t nfiles, int all_utf8);

/* n bytes at s are valid UTF-8 (no NUL inside either). */
int oracle_utf8(const char *s, size_t n, const char **why);

/* One JSON value (RFC 8259), white space around it allowed. */
int oracle_json(const char *s, size_t n, const char **why);

/*
 * An XML 1.0 document as our writers write it: an optional declaration,
 * one root element, start and end tags that match, attribute values in
 * double quotes, text and attribute values without '<' or a bare '&'
 * (only &amp; &lt; &gt; &quot; &apos; and &#N;), no control character but
 * tab and line breaks, valid UTF-8.
 */
int oracle_xml(const char *s, size_t n, const char **why);

/*
 * DOT text: every double-quoted string closes (a backslash escapes the
 * next byte), HTML-like labels <...> nest and close, braces and brackets
 * balance outside strings, and the whole is valid UTF-8.
 */
int oracle_dot(const char *s, size_t n, const char **why);

/*
 * GML: strings (quote to quote, no escape) hold no control character or
 * line break, brackets balance outside them, valid UTF-8.
 */
int oracle_gml(const char *s, size_t n, const char **why);

/*
 * RFC 4180 CSV: quoted fields close, and every record has as many fields
 * as the first.  Records end with "\n".
 */
int oracle_csv(const char *s, size_t n, const char **why);

#endif
