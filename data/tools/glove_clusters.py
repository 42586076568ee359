#!/usr/bin/python3
"""Word classes at three granularities from GloVe vectors, for the tagger.

Usage: data/tools/glove_clusters.py VECTORS.txt.gz > data/glove_clusters.tsv

VECTORS is a word2vec text file (a "COUNT DIM" header, then a word and its
numbers a line), as ../shared/data/vectors/glove6B_100d_top100k.txt.gz
(GloVe 6B 100-d, PDDL 1.0, the 100,000 most frequent lower-case words).

The vectors are centred (their mean taken out: otherwise the frequent words
share one direction and fall into one coarse class), scaled to unit length
and clustered by spherical k-means (cosine similarity) three times, into K1,
K2 and K3 classes, as Turian, Ratinov & Bengio (2010) used several
granularities of word classes. Deterministic: fixed seed, fixed iteration
count.

Output: a header of '#' lines, then WORD<TAB>C1<TAB>C2<TAB>C3 with classes
numbered from 0 at each level (K1 = 64, K2 = 256, K3 = 1024 by default).
"""
import gzip
import sys

import numpy as np

K1, K2, K3 = 64, 256, 1024
ITERS = 20
SEED = 1


def load(path):
    words, rows = [], []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        f.readline()
        for line in f:
            parts = line.rstrip("\n").split(" ")
            w = parts[0]
            if w == "unkVector" or "\t" in w or not w:
                continue
            words.append(w)
            rows.append(np.asarray(parts[1:], dtype=np.float32))
    x = np.vstack(rows)
    x -= x.mean(axis=0)
    n = np.linalg.norm(x, axis=1, keepdims=True)
    n[n == 0] = 1
    return words, x / n


def kmeans(x, k, weights, rng):
    """Spherical k-means of the rows of x (unit length) with row weights."""
    c = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(ITERS):
        for s in range(0, len(x), 8192):
            assign[s:s + 8192] = np.argmax(x[s:s + 8192] @ c.T, axis=1)
        new = np.zeros_like(c)
        np.add.at(new, assign, x * weights[:, None])
        counts = np.bincount(assign, minlength=k)
        empty = np.flatnonzero(counts == 0)
        # An empty class takes a random point, so that every class is used.
        if len(empty):
            new[empty] = x[rng.choice(len(x), size=len(empty), replace=False)]
        norm = np.linalg.norm(new, axis=1, keepdims=True)
        norm[norm == 0] = 1
        c = new / norm
    for s in range(0, len(x), 8192):
        assign[s:s + 8192] = np.argmax(x[s:s + 8192] @ c.T, axis=1)
    return assign, c


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    words, x = load(sys.argv[1])
    rng = np.random.default_rng(SEED)
    ones = np.ones(len(x), dtype=np.float32)
    a1, _ = kmeans(x, K1, ones, rng)
    a2, _ = kmeans(x, K2, ones, rng)
    a3, _ = kmeans(x, K3, ones, rng)
    out = sys.stdout
    out.write("# erg word classes from GloVe 6B 100-d vectors (PDDL 1.0): a word (lower-case),\n")
    out.write("# then its class at each of 3 levels (%d, %d, %d classes), spherical\n" % (K1, K2, K3))
    out.write("# k-means, seed %d; made by data/tools/glove_clusters.py, %d words\n" % (SEED, len(words)))
    for i, w in enumerate(words):
        out.write("%s\t%d\t%d\t%d\n" % (w, a1[i], a2[i], a3[i]))


if __name__ == "__main__":
    main()
