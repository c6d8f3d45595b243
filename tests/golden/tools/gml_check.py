#!/usr/bin/env python3
"""Reads a GML file (argument, or stdin) the way igraph's reader does and
prints what a reader of it gets.  The grammar is igraph's (gml-lexer.l):
a string runs from a double quote to the next one (no escape character,
line breaks allowed), numbers are -?D+(.D+)?([eE][+-]?D+)?, keys are
[A-Za-z_][A-Za-z0-9_]*, lists are [ ... ]; strings then have the entities
&quot; &amp; &lt; &gt; &apos; decoded, as igraph 0.10 does.  Fails
(exit 1) on anything else, on nodes without a unique integer id and on
edges naming no node."""

import re
import sys

TOKEN = re.compile(r'\s+|"[^"\x00]*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?'
                   r'|[A-Za-z_][A-Za-z0-9_]*|\[|\]')
ENTITIES = {"&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">",
            "&apos;": "'"}


def fail(msg):
    print("gml_check: " + msg)
    sys.exit(1)


def tokens(text):
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            fail("cannot read at %r" % text[pos:pos + 20])
        pos = m.end()
        if not m.group().isspace():
            yield m.group()


def decode(s):
    return re.sub(r"&(quot|amp|lt|gt|apos);", lambda m: ENTITIES[m.group()],
                  s)


def parse(toks, depth=0):
    items = []
    for key in toks:
        if key == "]":
            if depth == 0:
                fail("unbalanced ]")
            return items
        if not re.match(r"[A-Za-z_]", key):
            fail("expected a key, got %r" % key)
        value = next(toks, None)
        if value is None:
            fail("key %r without a value" % key)
        if value == "[":
            value = parse(toks, depth + 1)
        elif value.startswith('"'):
            value = decode(value[1:-1])
        elif re.match(r"-?\d", value):
            value = float(value) if re.search(r"[.eE]", value) else int(value)
        else:
            fail("bad value %r" % value)
        items.append((key, value))
    if depth != 0:
        fail("unclosed [")
    return items


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else None
    data = open(path, "rb").read() if path else sys.stdin.buffer.read()
    top = parse(tokens(data.decode("utf-8")))
    graphs = [v for k, v in top if k == "graph"]
    if len(graphs) != 1:
        fail("%d graphs" % len(graphs))
    graph = graphs[0]
    print("directed", dict(graph).get("directed"))
    nodes = {}
    for k, v in graph:
        if k == "node":
            attrs = dict(v)
            if not isinstance(attrs.get("id"), int) or attrs["id"] in nodes:
                fail("node without a unique integer id: %r" % attrs)
            nodes[attrs["id"]] = attrs
    edges = [dict(v) for k, v in graph if k == "edge"]
    print("nodes %d, edges %d" % (len(nodes), len(edges)))
    for nid, attrs in nodes.items():
        print("node %d %s" % (nid, " ".join(
            "%s=%r" % kv for kv in attrs.items() if kv[0] != "id")))
    for e in edges:
        if e.get("source") not in nodes or e.get("target") not in nodes:
            fail("edge names no node: %r" % e)
        print("edge %r -> %r weight=%r" % (nodes[e["source"]]["label"],
                                           nodes[e["target"]]["label"],
                                           e.get("weight")))


main()
