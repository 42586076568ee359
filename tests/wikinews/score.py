#!/usr/bin/env python3
"""Scores `erg extract` output against the Wikinews gold mentions.

usage: build/erg extract --quiet tests/wikinews/txt > /tmp/wn.jsonl
       python3 tests/wikinews/score.py /tmp/wn.jsonl

Exact spans (byte offsets). Reported:
- per type (person, agency, outlet, place): precision, recall, F1;
- "organization": agencies and outlets together as one type (agency/outlet
  confusions count as correct);
- "PER+ORG": persons and organizations together, where an organization is an
  agency or an outlet and agency/outlet confusions count as correct (what the
  recognizer found);
- "outlet split": over the organizations found with the exact gold span, F1 of
  the outlet label (outlet vs agency), i.e. how well the split works;
- all four types.
"""
import json
import os
import sys


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    gold = {}
    for line in open(os.path.join(here, "gold.jsonl"), encoding="utf-8"):
        g = json.loads(line)
        gold[g["id"]] = {(m["start"], m["end"]): m["type"] for m in g["mentions"]}
    guess = {}
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        aid = os.path.splitext(os.path.basename(r["id"]))[0]
        guess[aid] = {(m["start"], m["end"]): m["type"] for m in r["mentions"]
                      if m["type"] in ("person", "agency", "outlet", "place")}
    missing = sorted(set(gold) - set(guess))
    if missing:
        sys.exit("score.py: no erg output for %s" % ", ".join(missing))

    def group(t):
        return "org" if t in ("agency", "outlet") else t

    rows = []
    for name, keep, fold in [("person", {"person"}, None), ("agency", {"agency"}, None),
                             ("outlet", {"outlet"}, None), ("place", {"place"}, None),
                             ("organization", {"agency", "outlet"}, group),
                             ("PER+ORG", {"person", "agency", "outlet"}, group),
                             ("all", {"person", "agency", "outlet", "place"}, None)]:
        tp = fp = fn = 0
        for aid, g in gold.items():
            f = fold or (lambda t: t)
            gs = {(s, f(t)) for s, t in g.items() if t in keep}
            ps = {(s, f(t)) for s, t in guess[aid].items() if t in keep}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        rows.append((name, tp, fp, fn) + prf(tp, fp, fn))
    tp = fp = fn = 0
    for aid, g in gold.items():
        for span, t in g.items():
            p = guess[aid].get(span)
            if t not in ("agency", "outlet") or p not in ("agency", "outlet"):
                continue
            if t == "outlet" and p == "outlet":
                tp += 1
            elif p == "outlet":
                fp += 1
            elif t == "outlet":
                fn += 1
    rows.append(("outlet split", tp, fp, fn) + prf(tp, fp, fn))
    print("%-13s %5s %5s %5s %7s %7s %7s" % ("", "tp", "fp", "fn", "P", "R", "F1"))
    for name, tp, fp, fn, p, r, f in rows:
        print("%-13s %5d %5d %5d %7.2f %7.2f %7.2f" % (name, tp, fp, fn, 100 * p, 100 * r, 100 * f))


if __name__ == "__main__":
    main()
