#!/usr/bin/python3
"""Precision of the hand-judged typed edges that a graph still holds.

usage: judged_table.py GRAPH_BBC.json GRAPH_REUTERS.json

For each kind and corpus (bbc, reuters): over the judgment files
tests/relations/judged_<kind>_<corpus>_s*.tsv (not the seed-14
before/after files), the judged edges still in the graph, matched by
(source name, kind, target name), and how many were judged right; then the
same for the latest seed alone (the fresh sample of the current rules), and
how many edges of the kind the graph has. See tests/relations/README.md.
"""
import glob
import os
import re
import sys

from confidence import judged_rows, load_graph

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["member_of", "leads", "spokesperson_for", "reports", "cites", "accuses"]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    graphs = {"bbc": load_graph(argv[1]), "reuters": load_graph(argv[2])}
    print("kind\tcorpus\tedges\tall judged: right/kept\tlatest seed: right/kept")
    for kind in KINDS:
        for corpus, g in graphs.items():
            have = {e for e in g if e[1] == kind}
            files = sorted(glob.glob(os.path.join(HERE, "judged_%s_%s_s*.tsv" % (kind, corpus))),
                           key=lambda f: int(re.search(r"_s(\d+)\.tsv$", f).group(1)))
            seen = {}
            latest = (0, 0)
            for i, f in enumerate(files):
                right = kept = 0
                for _, src, k, dst, verdict in judged_rows(f):
                    e = (src, k, dst)
                    if e in have:
                        seen[e] = verdict == "right"
                        kept += 1
                        right += verdict == "right"
                if i == len(files) - 1:
                    latest = (right, kept)
            r = sum(seen.values())
            pct = lambda a, b: "%d/%d (%.1f%%)" % (a, b, 100.0 * a / b) if b else "-"
            print("%s\t%s\t%d\t%s\t%s" % (kind, corpus, len(have), pct(r, len(seen)),
                                          pct(*latest)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
