#!/usr/bin/env python3
"""Makes data/relate_confidence.tsv: the measured precision of each pattern.

    confidence.py GRAPH_BBC GRAPH_REUTERS > data/relate_confidence.tsv

Reads every tests/relations/judged_<kind>_<corpus>_<tag>.tsv (columns n,
source, kind, target, verdict, reason, evidence) except the *_before.tsv ones
(judgments of older rules); the corpus is the name's third part, bbc or
reuters, and picks the graph (native erg files, built as README.md says).
Each judged edge is found in its graph by (source name, kind, target name),
and its verdict counts for every pattern the edge's "patterns" lists. An edge
judged in two files counts once (the file that sorts last wins). Judged edges
the graph does not hold (judged on older rules) are left out and counted on
stderr.

For a kind with `judged` found judgments of which `right` were right, its
pooled precision p is (right + 1)/(judged + 2), Laplace's estimate, for
every kind (so that 15 of 15 right gives 0.94, not a certainty); that is the
kind's "*" row, which erg gives a pattern with no row of its own. A pattern's score is shrunk towards p:
(right + PRIOR * p) / (judged + PRIOR). A kind with no judgments has no row
(erg then gives 0.5).
"""
import collections
import glob
import json
import os
import sys

PRIOR = 4
KINDS = ["spokesperson_for", "member_of", "leads", "reports", "cites", "accuses"]


def load_graph(path):
    """{(source name, kind, target name): set of patterns} of a native graph file."""
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    name = {n["id"]: n["name"] for n in g["nodes"]}
    edges = collections.defaultdict(set)
    for e in g["links"]:
        if e["kind"] == "co_mention":
            continue
        key = (name[e["source"]], e["kind"], name[e["target"]])
        edges[key] |= set(e.get("patterns", []))
        edges[key].add("")  # marks the edge as present, patterns or not
    return edges


def judged_rows(path):
    """(n, source, kind, target, verdict) of each row of a judgment file, by
    its header's column names; fields are tab-separated as written (no
    quoting: a reason may start with a quote mark)."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {h: i for i, h in enumerate(header)}
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 5 or not c[0].strip():
                continue
            yield (c[0], c[col["source"]], c[col["kind"]], c[col["target"]],
                   c[col["verdict"]].strip().lower())


def judged_files(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "judged_*.tsv"))):
        base = os.path.basename(path)
        if base.endswith("_before.tsv"):
            continue
        # judged_<kind>_<corpus>_<tag>; a kind may hold an underscore.
        for k in sorted(KINDS, key=len, reverse=True):
            if base.startswith("judged_%s_" % k):
                rest = base[len("judged_%s_" % k):-4].split("_")
                out.append((path, k, rest[0]))
                break
        else:
            sys.stderr.write("confidence.py: %s: no kind in the name, skipped\n" % base)
    return out


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    graphs = {"bbc": load_graph(argv[1]), "reuters": load_graph(argv[2])}
    folder = os.path.dirname(os.path.abspath(__file__))
    verdicts = {}  # (corpus, source, kind, target) -> (right, patterns)
    missing = collections.Counter()
    files = []
    for path, kind, corpus in judged_files(folder):
        if corpus not in graphs:
            sys.stderr.write("confidence.py: %s: corpus '%s' is neither bbc nor reuters, "
                             "skipped\n" % (os.path.basename(path), corpus))
            continue
        files.append(os.path.basename(path))
        for n, src, k, dst, verdict in judged_rows(path):
            if verdict not in ("right", "wrong"):
                sys.stderr.write("confidence.py: %s: row %s: verdict '%s' skipped\n"
                                 % (os.path.basename(path), n, verdict))
                continue
            pats = graphs[corpus].get((src, k, dst))
            if pats is None:
                missing[(os.path.basename(path))] += 1
                continue
            verdicts[(corpus, src, k, dst)] = (verdict == "right", pats - {""})
    for f, n in sorted(missing.items()):
        sys.stderr.write("confidence.py: %s: %d judged edges are not in the graph\n" % (f, n))
    pooled = collections.Counter()
    cell = collections.Counter()
    for (corpus, src, k, dst), (right, pats) in verdicts.items():
        pooled[(k, "judged")] += 1
        pooled[(k, "right")] += right
        for p in pats:
            cell[(p, k, "judged")] += 1
            cell[(p, k, "right")] += right
    print("# The measured precision of each typed-relation pattern (src/relate/patterns.c),")
    print("# read at build time (data/tools/gen_lists.py) as the score of the relations it")
    print("# finds. Made by tests/relations/confidence.py from the hand judgments")
    print("# tests/relations/judged_*.tsv (not *_before.tsv) matched to graphs of BBC")
    print("# politics and Reuters-21578:")
    for i in range(0, len(files), 3):
        print("#   %s" % ", ".join(files[i:i + 3]))
    print("# right/judged: judged edges of that kind that the pattern found (an edge found")
    print("# by two patterns counts for both). score = (right + %d * p) / (judged + %d), p the"
          % (PRIOR, PRIOR))
    print("# kind's pooled precision (right + 1) / (judged + 2) (Laplace), which is its '*' row.")
    print("# A kind without a row scores 0.5. Public domain.")
    print("pattern\tkind\tright\tjudged\tscore")
    for k in KINDS:
        n, r = pooled[(k, "judged")], pooled[(k, "right")]
        if n == 0:
            continue
        p = (r + 1) / (n + 2)
        print("*\t%s\t%d\t%d\t%.4f" % (k, r, n, p))
        for pat in sorted({p2 for (p2, k2, _) in cell if k2 == k}):
            jn, jr = cell[(pat, k, "judged")], cell[(pat, k, "right")]
            print("%s\t%s\t%d\t%d\t%.4f" % (pat, k, jr, jn, (jr + PRIOR * p) / (jn + PRIOR)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
