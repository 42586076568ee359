#!/usr/bin/python3
"""Checks an erg export with the tools users open it with.

    check_graphml.py FILE NODES EDGES
        FILE is GraphML: networkx.read_graphml and igraph.Graph.Read_GraphML
        must both read it as an undirected graph with NODES nodes and EDGES
        edges (parallel edges counted), the same node ids and labels, the
        same (source, target, kind) edges, integer r/g/b, float size and
        weight, integer count.
    check_graphml.py --node-link FILE NODES EDGES
        FILE is erg's native JSON (version 2): networkx.node_link_graph must
        read it as an undirected multigraph with NODES nodes and EDGES edges,
        each with a numeric weight, an integer count, and evidence records
        without their sentence.

Exits 0 when everything holds; prints each mismatch to stderr and exits 1.
"""
import collections
import json
import sys

import networkx as nx


def fail(problems):
    for p in problems:
        print("check_graphml: " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)


def check_node_link(path, n, m):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        g = nx.node_link_graph(data, edges="links")
    except TypeError:  # networkx < 3.4 names the key "links" by default
        g = nx.node_link_graph(data)
    problems = []
    if not g.is_multigraph() or g.is_directed():
        problems.append("not an undirected multigraph")
    if g.number_of_nodes() != n:
        problems.append("networkx: %d nodes, want %d" % (g.number_of_nodes(), n))
    if g.number_of_edges() != m:
        problems.append("networkx: %d edges, want %d" % (g.number_of_edges(), m))
    for node, d in g.nodes(data=True):
        if "name" not in d or "type" not in d:
            problems.append("node %r lacks name or type" % (node,))
    for u, v, d in g.edges(data=True):
        w, c = d.get("weight"), d.get("count")
        if not isinstance(w, (int, float)) or isinstance(w, bool) or not w > 0:
            problems.append("link %r-%r: weight %r is not a number above 0" % (u, v, w))
        if not isinstance(c, int) or isinstance(c, bool) or c < 1:
            problems.append("link %r-%r: count %r is not an int of at least 1" % (u, v, c))
        if any("sentence" in ev for ev in d.get("evidence", [])):
            problems.append("link %r-%r: evidence holds a sentence (version 2 keeps them in "
                            "\"sentences\")" % (u, v))
    return problems


def check_graphml(path, n, m):
    import igraph as ig

    problems = []
    g = nx.read_graphml(path)
    if g.is_directed():
        problems.append("networkx: directed graph")
    if g.number_of_nodes() != n:
        problems.append("networkx: %d nodes, want %d" % (g.number_of_nodes(), n))
    if g.number_of_edges() != m:
        problems.append("networkx: %d edges, want %d" % (g.number_of_edges(), m))
    for node, d in g.nodes(data=True):
        for k in ("r", "g", "b", "mentions", "articles"):
            if not isinstance(d.get(k), int):
                problems.append("networkx: node %r: %s is %r, not an int" % (node, k, d.get(k)))
        if not isinstance(d.get("size"), float):
            problems.append("networkx: node %r: size is not a float" % (node,))
        if not isinstance(d.get("label"), str):
            problems.append("networkx: node %r has no label" % (node,))
    for u, v, d in g.edges(data=True):
        if not isinstance(d.get("weight"), float) or not d["weight"] > 0:
            problems.append("networkx: edge %r-%r: weight is not a float above 0" % (u, v))
        if not isinstance(d.get("count"), int) or d["count"] < 1:
            problems.append("networkx: edge %r-%r: count is not an int of at least 1" % (u, v))

    h = ig.Graph.Read_GraphML(path)
    if h.is_directed():
        problems.append("igraph: directed graph")
    if h.vcount() != n:
        problems.append("igraph: %d vertices, want %d" % (h.vcount(), n))
    if h.ecount() != m:
        problems.append("igraph: %d edges, want %d" % (h.ecount(), m))
    # igraph 0.10 reads GraphML through libxml2's SAX parser without entity
    # substitution, which hands it an "&" inside an attribute value (a node
    # id such as "at&t") as the text "&#38;". Element text (labels) is fine.
    ig_ids = [i.replace("&#38;", "&") for i in h.vs["id"]] if h.vcount() else []
    if h.vcount():
        nx_labels = {node: d.get("label") for node, d in g.nodes(data=True)}
        ig_labels = dict(zip(ig_ids, h.vs["label"]))
        if nx_labels != ig_labels:
            problems.append("node ids and labels differ between networkx and igraph")
    nx_edges = collections.Counter(
        (frozenset((u, v)), d.get("kind")) for u, v, d in g.edges(data=True))
    ig_edges = collections.Counter()
    if h.ecount():
        for e in h.es:
            ig_edges[(frozenset((ig_ids[e.source], ig_ids[e.target])), e["kind"])] += 1
    if nx_edges != ig_edges:
        problems.append("edges differ between networkx and igraph")
    return problems


def main(argv):
    node_link = len(argv) > 1 and argv[1] == "--node-link"
    args = argv[2:] if node_link else argv[1:]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    path, n, m = args[0], int(args[1]), int(args[2])
    try:
        problems = check_node_link(path, n, m) if node_link else check_graphml(path, n, m)
    except Exception as e:  # a reader that fails is a mismatch, not a crash
        problems = ["cannot read %s: %s: %s" % (path, type(e).__name__, e)]
    fail(problems)


if __name__ == "__main__":
    main(sys.argv)
