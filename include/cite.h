/*
 * cite.h - the citegraph library: umbrella header.
 *
 * text -> extract -> document model -> YAML -> graph -> rank / dot / check
 */
#ifndef CITE_H
#define CITE_H

#define CITE_VERSION "0.1.0"

#include "cite_check.h"
#include "cite_diag.h"
#include "cite_doc.h"
#include "cite_extract.h"
#include "cite_graph.h"
#include "cite_limits.h"
#include "cite_render.h"
#include "cite_text.h"
#include "cite_yaml.h"

#endif
