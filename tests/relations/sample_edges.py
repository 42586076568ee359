#!/usr/bin/python3
"""Prints a fixed-seed sample of the typed edges of one kind in an erg graph.

usage: sample_edges.py GRAPH.json KIND N SEED [--tsv] [--exclude JUDGED.tsv ...]

GRAPH.json is a native graph (erg build -o g.json). The edges of KIND
(reports, cites, leads, ...) are sorted by (source, target) and N of them are
drawn with random.Random(SEED), so the same graph, N and SEED give the same
sample. Each edge is printed with its endpoints' types and its evidence
sentences (all the graph kept, up to --evidence). The first line says how
many edges of KIND the graph has. With --tsv, the sample is printed as the
header of a judgment file: one row per edge, columns n, source, kind, target,
verdict (empty), reason (empty), evidence (the first sentence). --exclude
leaves out the edges (source, kind, target names) of earlier judgment
files, so that a second sample is fresh.

Used to hand-check precision (tests/relations/judged_*.tsv); see
tests/relations/README.md.
"""
import json
import random
import sys


def main(argv):
    exclude = set()
    args = []
    rest = argv[1:]
    while rest:
        a = rest.pop(0)
        if a == "--exclude":
            while rest and not rest[0].startswith("--"):
                with open(rest.pop(0), encoding="utf-8") as f:
                    next(f)
                    for line in f:
                        c = line.rstrip("\n").split("\t")
                        exclude.add((c[1], c[2], c[3]))
        elif not a.startswith("--"):
            args.append(a)
    tsv = "--tsv" in argv
    if len(args) != 4:
        sys.stderr.write(__doc__)
        return 2
    path, kind, n, seed = args[0], args[1], int(args[2]), int(args[3])
    g = json.load(open(path, encoding="utf-8"))
    nodes = {x["id"]: x for x in g["nodes"]}
    sents = {(s["article"], s["start"], s["end"]): s["text"] for s in g.get("sentences", [])}
    edges = sorted((l for l in g["links"] if l["kind"] == kind and
                    (nodes[l["source"]]["name"], kind, nodes[l["target"]]["name"]) not in exclude),
                   key=lambda l: (l["source"], l["target"]))
    sample = edges if n >= len(edges) else random.Random(seed).sample(edges, n)
    if not tsv:
        print("%d %s edges in %s%s; %d sampled with seed %d" %
              (len(edges), kind, path, " not excluded" if exclude else "", len(sample), seed))
    else:
        print("n\tsource\tkind\ttarget\tverdict\treason\tevidence")
    for i, l in enumerate(sample, 1):
        a, b = nodes[l["source"]], nodes[l["target"]]
        ev = []
        for e in l.get("evidence", []):
            text = e.get("sentence") or sents.get((e["article"], e["start"], e["end"]), "")
            ev.append((e["article"], " ".join(text.split())))
        if tsv:
            first = ev[0][1] if ev else ""
            print("%d\t%s\t%s\t%s\t\t\t%s" % (i, a["name"], kind, b["name"],
                                              first.replace("\t", " ")))
            continue
        print("%d. %s (%s) -%s-> %s (%s), count %d" % (i, a["name"], a["type"], kind, b["name"],
                                                     b["type"], l.get("count", 1)))
        for art, text in ev:
            print("   [%s] %s" % (art, text))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
