#!/usr/bin/python3
"""Cross-validation of an `erg train` recipe on one CoNLL file.

Usage: tests/bench/cv_train.py [--folds K] [--erg build/erg] TRAIN.txt -- TRAIN-OPTIONS...

Splits TRAIN.txt into K folds of whole documents (-DOCSTART- to -DOCSTART-;
document i goes to fold i mod K), trains `erg train` with TRAIN-OPTIONS on
the other K - 1 folds and scores the held-out fold with `erg eval`, for each
fold in turn. Prints each fold's figures and the micro-averaged precision,
recall and F1 over all folds (the counts of gold, found and correct spans
added up). This is how the recipe in README "Accuracy" was chosen without
looking at CoNLL dev. Not part of `meson test`: one fold trains the recipe
once (with its --doc-folds models), so K folds take K times as long.

Example (the train-only recipe):
  tests/bench/cv_train.py ../shared/data/ner/conll2003-dev-only/train.txt -- \\
      --epochs 10 --min-count 2 --seed 1 --gazetteers data --clusters data/clusters.tsv \\
      --vector-clusters data/glove_clusters.tsv --title-case 10
"""
import os
import subprocess
import sys
import tempfile


def split_docs(path):
    docs, cur = [], []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if line.startswith("-DOCSTART-"):
                if any(l.strip() for l in cur):
                    docs.append(cur)
                cur = [line]
            else:
                cur.append(line)
    if any(l.strip() for l in cur):
        docs.append(cur)
    for d in docs:
        if not d[-1].strip() == "":
            d.append("\n")
    return docs


def overall(out):
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "overall":
            return int(f[1]), int(f[2]), int(f[3])
    raise SystemExit("erg eval printed no 'overall' line:\n" + out)


def prf(g, fd, c):
    p = 100.0 * c / fd if fd else 0.0
    r = 100.0 * c / g if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    args = sys.argv[1:]
    k, erg = 4, "build/erg"
    if "--" not in args:
        sys.exit(__doc__)
    cut = args.index("--")
    mine, train_opts = args[:cut], args[cut + 1:]
    rest = []
    i = 0
    while i < len(mine):
        if mine[i] == "--folds":
            k = int(mine[i + 1])
            i += 2
        elif mine[i] == "--erg":
            erg = mine[i + 1]
            i += 2
        else:
            rest.append(mine[i])
            i += 1
    if len(rest) != 1 or k < 2:
        sys.exit(__doc__)
    docs = split_docs(rest[0])
    tot = [0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="erg-cv-") as tmp:
        for fold in range(k):
            tr, ho = os.path.join(tmp, "train.txt"), os.path.join(tmp, "held.txt")
            with open(tr, "w", encoding="utf-8", errors="surrogateescape") as a, \
                    open(ho, "w", encoding="utf-8", errors="surrogateescape") as b:
                for j, d in enumerate(docs):
                    (b if j % k == fold else a).writelines(d)
            model = os.path.join(tmp, "cv.model")
            subprocess.run([erg, "train", tr, "-o", model, "--quiet"] + train_opts, check=True)
            out = subprocess.run([erg, "eval", "--model", model, ho], check=True,
                                 capture_output=True, text=True).stdout
            g, fd, c = overall(out)
            tot = [tot[0] + g, tot[1] + fd, tot[2] + c]
            print("fold %d/%d: P/R/F1 %.2f / %.2f / %.2f" % ((fold + 1, k) + prf(g, fd, c)),
                  flush=True)
    print("cv %d folds, %d documents: P/R/F1 %.2f / %.2f / %.2f" % ((k, len(docs)) + prf(*tot)))


if __name__ == "__main__":
    main()
