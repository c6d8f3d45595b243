/*
 * cite_extract.h - finding citations in a resolution text.
 *
 * Extraction is total: any bytes give a doc (possibly with no citations)
 * plus diagnostics, never a failure.  Each language is a table over one
 * shared engine (src/extract/).
 */
#ifndef CITE_EXTRACT_H
#define CITE_EXTRACT_H

#include "cite_diag.h"
#include "cite_doc.h"
#include "cite_limits.h"
#include "cite_text.h"

/*
 * Builds the extractor's tables for every language (otherwise built at the
 * first text of each language).  Call it once before extracting from
 * several threads at a time: after it, cite_extract_doc() writes to no
 * shared state, and any number of threads may call it on their own docs.
 */
void cite_extract_init(void);

/* Guesses the language of a text from its script and common words. */
enum cite_lang cite_extract_detect_lang(const struct cite_text *t);

/*
 * Fills doc (initialised, empty) from text t: doc->source is set to
 * t->path, doc->lang to lang (or the detected language when lang is
 * CITE_LANG_UNKNOWN), then the document's metadata and every citation in
 * text order.  Problems go to sink.  t is only read and may be released
 * afterwards: the doc copies what it keeps.
 */
void cite_extract_doc(struct cite_doc *doc, const struct cite_text *t,
                      enum cite_lang lang, const struct cite_diag_sink *sink);

/*
 * The same under the limits lim (borrowed; NULL: the defaults).  Before
 * anything is read, cite_text_check() looks at t: binary data gives a doc
 * with its source only and a [not-text] error.  A cited symbol longer than
 * lim->id_length is reported [id-too-long] and left out.
 */
void cite_extract_doc_limited(struct cite_doc *doc, const struct cite_text *t,
                              enum cite_lang lang,
                              const struct cite_limits *lim,
                              const struct cite_diag_sink *sink);

#endif
