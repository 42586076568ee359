#!/usr/bin/env python3
"""Scores `erg extract` output against GUM's own entity annotation of the
Wikinews articles in tests/wikinews/txt (a second, independent view).

usage: build/erg extract --quiet tests/wikinews/txt > /tmp/wn.jsonl
       python3 tests/gum/score.py /tmp/wn.jsonl
       python3 tests/gum/score.py --spans          # print the gold spans

GUM's news file (tests/gum/news.bio, TOKEN<TAB>TAG, IOB2, one blank line
after each sentence, no document marks) is aligned to the article texts by
a sequential search of each token in the text: the token must follow the
previous one after nothing but white space; when it does not, and the
current article's text is used up, the next article (in file-name order)
begins. An article whose tokens do not all align is reported and the scorer
stops. BIO spans become gold byte spans: PER -> person, ORG -> organization,
LOC -> place.

Exact spans (UTF-8 byte offsets), as tests/wikinews/score.py counts them.
Reported rows: person, organization (erg's agency and outlet as one type:
GUM has no outlet type, so no outlet split), place, PER+ORG, all three.
"""
import json
import os
import sys

TYPES = {"PER": "person", "ORG": "org", "LOC": "place"}


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def read_bio(path):
    toks = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            continue
        word, tag = line.split("\t")
        toks.append((word, tag))
    return toks


def align(toks, texts):
    """Returns {id: [(byte_start, byte_end, tag), ...]} or exits."""
    ids = sorted(texts)
    out = {aid: [] for aid in ids}
    ai = 0
    pos = 0
    for n, (word, tag) in enumerate(toks):
        while True:
            text = texts[ids[ai]]
            j = pos
            while j < len(text) and text[j] in b" \t\r\n":
                j += 1
            w = word.encode("utf-8")
            if text.startswith(w, j):
                out[ids[ai]].append((j, j + len(w), tag))
                pos = j + len(w)
                break
            if j == len(text) and ai + 1 < len(ids):
                ai += 1
                pos = 0
                continue
            ctx = text[j:j + 40].decode("utf-8", "replace")
            sys.exit("score.py: %s does not align: token %d %r at byte %d (text: %r)"
                     % (ids[ai], n, word, j, ctx))
    for aid in ids:
        rest = texts[aid][out[aid][-1][1]:] if out[aid] else texts[aid]
        if not out[aid] or rest.strip():
            sys.exit("score.py: %s does not align: %d bytes of text left over"
                     % (aid, len(rest.strip())))
    return out


def spans(aligned):
    """IOB2 (an I- after O or another type opens a span) to {(s, e): type}."""
    res = {}
    cur = None
    for s, e, tag in aligned + [(0, 0, "O")]:
        kind = tag[2:] if tag != "O" else None
        if cur and (tag == "O" or tag.startswith("B-") or kind != cur[2]):
            res[(cur[0], cur[1])] = TYPES[cur[2]]
            cur = None
        if kind and cur:
            cur[1] = e
        elif kind:
            cur = [s, e, kind]
    return res


def gold_spans():
    here = os.path.dirname(os.path.abspath(__file__))
    txtdir = os.path.join(here, "..", "wikinews", "txt")
    texts = {}
    for name in sorted(os.listdir(txtdir)):
        if name.endswith(".txt"):
            with open(os.path.join(txtdir, name), "rb") as f:
                texts[name[:-4]] = f.read()
    aligned = align(read_bio(os.path.join(here, "news.bio")), texts)
    return {aid: spans(a) for aid, a in aligned.items()}, texts


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: score.py ERG_EXTRACT_OUTPUT.jsonl | --spans")
    gold, texts = gold_spans()
    if sys.argv[1] == "--spans":
        for aid in sorted(gold):
            for (s, e), t in sorted(gold[aid].items()):
                print("%s\t%d\t%d\t%s\t%s" % (aid, s, e, t, texts[aid][s:e].decode("utf-8")))
        return
    guess = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        aid = os.path.splitext(os.path.basename(r["id"]))[0]
        guess[aid] = {(m["start"], m["end"]): ("org" if m["type"] in ("agency", "outlet")
                                               else m["type"])
                      for m in r["mentions"]
                      if m["type"] in ("person", "agency", "outlet", "place")}
    missing = sorted(set(gold) - set(guess))
    if missing:
        sys.exit("score.py: no erg output for %s" % ", ".join(missing))

    rows = []
    for name, keep in [("person", {"person"}), ("organization", {"org"}),
                       ("place", {"place"}), ("PER+ORG", {"person", "org"}),
                       ("all", {"person", "org", "place"})]:
        tp = fp = fn = 0
        for aid, g in gold.items():
            gs = {(s, t) for s, t in g.items() if t in keep}
            ps = {(s, t) for s, t in guess[aid].items() if t in keep}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        rows.append((name, tp, fp, fn) + prf(tp, fp, fn))
    print("%-13s %5s %5s %5s %7s %7s %7s" % ("", "tp", "fp", "fn", "P", "R", "F1"))
    for name, tp, fp, fn, p, r, f in rows:
        print("%-13s %5d %5d %5d %7.2f %7.2f %7.2f" % (name, tp, fp, fn, 100 * p, 100 * r, 100 * f))


if __name__ == "__main__":
    main()
