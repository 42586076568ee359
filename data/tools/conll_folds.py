#!/usr/bin/env python3
"""Cuts a CoNLL file into K folds of whole documents (-DOCSTART- lines) for
cross-validation: writes OUT/trainI.txt (every document not in fold I) and
OUT/heldI.txt (fold I) for I = 0..K-1. Document d goes to fold d % K, so
each fold samples the whole file. Deterministic; standard library only.

usage: conll_folds.py FILE OUT [K]   (K defaults to 5)
"""
import os
import sys


def documents(path):
    docs, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("-DOCSTART-"):
                if any(l.strip() for l in cur):
                    docs.append(cur)
                cur = [line, "\n"]
                continue
            cur.append(line)
    if any(l.strip() for l in cur):
        docs.append(cur)
    return docs


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    path, out = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) == 4 else 5
    docs = documents(path)
    os.makedirs(out, exist_ok=True)
    for i in range(k):
        with open(os.path.join(out, "train%d.txt" % i), "w", encoding="utf-8") as tr, \
                open(os.path.join(out, "held%d.txt" % i), "w", encoding="utf-8") as he:
            for d, lines in enumerate(docs):
                dst = he if d % k == i else tr
                dst.writelines(lines)
                if lines and lines[-1].strip():
                    dst.write("\n")
    print("%d documents in %d folds under %s" % (len(docs), k, out))


if __name__ == "__main__":
    main()
