#!/usr/bin/env python3
"""Writes a synthetic erg native graph file (node-link JSON, erg-graph v3).

The graph has planted communities (most edges fall inside a block of
entities), a random spanning tree so that it is connected, and co-mention
weights drawn from 1, 2, 4, 8: powers of two keep every path length (a sum
of 1/weight) exact in floating point, so that tied shortest paths are ties
for every program that checks the answers.

The file is laid out as erg itself writes one (version 3, "article_ids" and
"sentences" empty, nodes sorted by key in byte order, each link's source key
before its target key and links sorted by (source key, target key)): a file
that erg wrote is what users reopen, so the benchmark measures that. The
graph (nodes, their fields, which pairs are linked and with what weight) is
the one earlier versions of this script wrote in version 1 layout.

    gen_graph.py --entities 100000 --edges 1000000 -o big.json
"""
import argparse
import random
import sys

TYPES = ("person", "agency", "outlet")
WEIGHTS = (1, 2, 4, 8)
WEIGHT_ODDS = (0.55, 0.25, 0.13, 0.07)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, required=True)
    ap.add_argument("--edges", type=int, required=True)
    ap.add_argument("--communities", type=int, default=0,
                    help="planted blocks (default: entities / 50)")
    ap.add_argument("--inside", type=float, default=0.8,
                    help="share of edges inside a block (default 0.8)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    n, m = a.entities, a.edges
    if n < 2 or m < n - 1 or m > n * (n - 1) // 2:
        sys.exit("gen_graph.py: need 2 <= entities and entities - 1 <= edges <= entities*(entities-1)/2")
    rnd = random.Random(a.seed)
    blocks = a.communities or max(1, n // 50)
    size = (n + blocks - 1) // blocks

    pairs = set()
    for i in range(1, n):  # a random tree: every entity joins an earlier one
        j = rnd.randrange(i)
        pairs.add((j, i))
    while len(pairs) < m:
        u = rnd.randrange(n)
        if rnd.random() < a.inside:
            lo = (u // size) * size
            v = rnd.randrange(lo, min(n, lo + size))
        else:
            v = rnd.randrange(n)
        if u != v:
            pairs.add((min(u, v), max(u, v)))

    def key(i):
        return "entity %d" % i

    # The weights are drawn in the pairs' numeric order, as before the layout changed.
    weights = rnd.choices(WEIGHTS, WEIGHT_ODDS, k=m)
    links = []
    for (u, v), w in zip(sorted(pairs), weights):
        s, t = key(u), key(v)
        links.append((s, t, w) if s < t else (t, s, w))
    links.sort()
    nodes = sorted(range(n), key=key)

    with open(a.output, "w", encoding="utf-8") as f:
        f.write('{"format":"erg-graph","version":3,"directed":false,"multigraph":true,\n')
        f.write('"graph":{"entities":%d,"edges":%d,"articles":0,"max_evidence":3},\n' % (n, m))
        f.write('"articles":[\n],\n"article_ids":[],\n"sentences":[\n],\n"nodes":[\n')
        f.write(",\n".join(
            '{"id":"%s","name":"Entity %d","type":"%s","mentions":%d,"articles":1}'
            % (key(i), i, TYPES[i % 3], 1 + i % 7) for i in nodes))
        f.write('\n],\n"links":[\n')
        f.write(",\n".join(
            '{"source":"%s","target":"%s","kind":"co_mention","weight":%d,"articles":1}'
            % (s, t, w) for s, t, w in links))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
