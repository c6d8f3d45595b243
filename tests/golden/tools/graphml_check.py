#!/usr/bin/env python3
"""Reads a GraphML file (argument, or stdin) with Python's own XML parser
and prints what a reader of it gets: the declared keys, then every node and
edge with its data, strings as Python reprs (so that a line break or a
quote shows).  Fails (exit 1) on anything a GraphML reader would reject:
malformed XML, a <data> with an undeclared key, an edge naming no node, a
duplicate node id, a value that does not parse as its declared type."""

import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"


def fail(msg):
    print("graphml_check: " + msg)
    sys.exit(1)


def convert(value, kind):
    if kind == "string":
        return value
    if kind in ("int", "long"):
        return int(value)
    if kind in ("double", "float"):
        return float(value)
    if kind == "boolean":
        if value not in ("true", "false"):
            fail("bad boolean %r" % value)
        return value == "true"
    fail("unknown type %r" % kind)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.buffer
    root = ET.parse(src).getroot()
    if root.tag != NS + "graphml":
        fail("root is %s" % root.tag)
    keys = {}
    for k in root.findall(NS + "key"):
        keys[k.get("id")] = (k.get("for"), k.get("attr.name"),
                             k.get("attr.type"))
    print("keys:", " ".join("%s(%s,%s)" % (v[1], v[0], v[2])
                            for v in keys.values()))
    graphs = root.findall(NS + "graph")
    if len(graphs) != 1:
        fail("%d graphs" % len(graphs))
    g = graphs[0]
    print("edgedefault:", g.get("edgedefault"))
    nodes = {}
    for n in g.findall(NS + "node"):
        nid = n.get("id")
        if nid in nodes:
            fail("duplicate node %r" % nid)
        data = {}
        for d in n.findall(NS + "data"):
            k = d.get("key")
            if k not in keys or keys[k][0] != "node":
                fail("undeclared node key %r" % k)
            data[keys[k][1]] = convert(d.text or "", keys[k][2])
        nodes[nid] = data
    edges = []
    for e in g.findall(NS + "edge"):
        s, t = e.get("source"), e.get("target")
        if s not in nodes or t not in nodes:
            fail("edge %r -> %r names no node" % (s, t))
        data = {}
        for d in e.findall(NS + "data"):
            k = d.get("key")
            if k not in keys or keys[k][0] != "edge":
                fail("undeclared edge key %r" % k)
            data[keys[k][1]] = convert(d.text or "", keys[k][2])
        edges.append((s, t, data))
    print("nodes %d, edges %d" % (len(nodes), len(edges)))
    for nid, data in nodes.items():
        if data.get("label") != nid:
            fail("label %r of node %r" % (data.get("label"), nid))
        print("node %r %s" % (nid, " ".join(
            "%s=%r" % kv for kv in data.items() if kv[0] != "label")))
    for s, t, data in edges:
        print("edge %r -> %r weight=%r" % (s, t, data.get("weight")))


main()
