#!/usr/bin/env python3
"""In-article name coreference of `erg extract` scored on Re-DocRED dev.

Usage (from the repository root, after the quick start):

    python3 tests/redocred/score_coref.py [--erg build/erg] [--data FILE]
        [--types PER[,ORG]] [--errors dev|all] [--extract FILE] [--keep DIR]

Detokenizes each of the 500 documents into text (a byte offset map per
token), runs `erg extract` once over a JSONL of them (id = document index),
matches erg's mentions to the gold mentions by byte span and scores pairs of
name mentions of one document: gold says "same" when both mentions belong to
one vertex (entity), erg when both carry the same non-empty `key`. See
README.md beside this file for the choices (span matching, pairs, halves).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data", "relations", "re-docred-dev", "dev_revised.json")

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve",
                   "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(sents):
    """Text of a document and, per sentence, per token, its [start, end) bytes.

    Tokens are joined with one space, except none before closing punctuation
    and clitics and none after opening brackets; straight double quotes
    alternate between opening and closing. Sentences are joined by a space
    (one paragraph). Offsets are in bytes of the UTF-8 text."""
    out = bytearray()
    spans = []
    for sent in sents:
        sspans = []
        quote_open = False
        prev = None
        for tok in sent:
            b = tok.encode("utf-8")
            space = bool(out)
            if tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
                space = False
            if tok == '"':
                if quote_open:
                    space = False
                quote_open = not quote_open
            elif prev == '"' and quote_open:
                space = False
            if space:
                out += b" "
            start = len(out)
            out += b
            sspans.append((start, len(out)))
            prev = tok
        spans.append(sspans)
    return out.decode("utf-8"), spans


def gold_mentions(doc, spans, types):
    """[(start, end, vertex, surface)] of the gold mentions of the wanted types."""
    res = []
    for v, vertex in enumerate(doc["vertexSet"]):
        for m in vertex:
            if m["type"] not in types:
                continue
            s, e = m["pos"]
            toks = spans[m["sent_id"]]
            res.append((toks[s][0], toks[e - 1][1], v, m["name"]))
    return res


def match(gold, erg_mentions):
    """Maps gold mention index -> erg mention (dict).

    Exact byte span first; else an erg mention that ends where the gold one
    ends and lies inside it (erg leaves a title or a first name out: gold
    'Wilfried " Willi " Schneider', erg 'Schneider'), or one that ends where
    the gold one ends and starts at most 4 bytes earlier ("Mr. Smith" when
    gold marks "Smith"). One erg mention serves at most one gold mention."""
    by_span = {(m["start"], m["end"]): m for m in erg_mentions}
    by_end = collections.defaultdict(list)
    for m in erg_mentions:
        by_end[m["end"]].append(m)
    used = set()
    res = {}
    for i, (s, e, _, _) in enumerate(gold):
        m = by_span.get((s, e))
        if m is not None and (s, e) not in used:
            res[i] = (m, "exact")
            used.add((s, e))
    for i, (s, e, _, _) in enumerate(gold):
        if i in res:
            continue
        for m in by_end.get(e, []):
            if (m["start"], m["end"]) in used:
                continue
            if m["start"] >= s - 4:
                res[i] = (m, "end")
                used.add((m["start"], m["end"]))
                break
    return res


def score(docs, extracted, types, half):
    """Counts for the documents of one half (None = all)."""
    c = collections.Counter()
    errors = []
    for d, doc in enumerate(docs):
        if half is not None and d % 2 != half:
            continue
        text, spans = doc["_text"], doc["_spans"]
        gold = gold_mentions(doc, spans, types)
        ex = extracted.get(str(d), {"mentions": []})
        m = match(gold, ex["mentions"])
        c["gold_mentions"] += len(gold)
        c["found"] += len(m)
        c["found_exact"] += sum(1 for v in m.values() if v[1] == "exact")
        units = []  # (surface, vertex, erg key or None)
        for i, (s, e, v, name) in enumerate(gold):
            if i not in m:
                continue
            em = m[i][0]
            key = em.get("key") or None
            if em.get("entity") is None:
                key = None
            units.append((text.encode("utf-8")[s:e].decode("utf-8"), v, key, em))
        seen = set()
        for a in range(len(units)):
            for b in range(a + 1, len(units)):
                ua, ub = units[a], units[b]
                g = ua[1] == ub[1]
                p = ua[2] is not None and ua[2] == ub[2]
                c["m_gold" if g else "m_neg"] += 1
                c["m_pred"] += p
                c["m_tp"] += g and p
                if ua[0] == ub[0]:
                    continue
                k = (min(ua[0], ub[0]), max(ua[0], ub[0]), g, p)
                if k in seen:
                    continue
                seen.add(k)
                wa, wb = words(ua[0]), words(ub[0])
                # What no rule that compares the two names can get: a gold pair
                # with no word in common, or two gold entities one of whose
                # names holds the other's words ("Spassky", "Boris Spassky").
                c["s_gold_noshare"] += g and not (wa & wb)
                c["s_neg_nested"] += (not g) and bool(wa) and bool(wb) and (wa <= wb or wb <= wa)
                c["s_gold"] += g
                c["s_pred"] += p
                c["s_tp"] += g and p
                if g != p:
                    errors.append((d, "missed" if g else "wrong", ua, ub))
    return c, errors


def words(surface):
    """The case-folded words of a surface form, "." and "'s" left out."""
    return {w for w in "".join(ch if ch.isalnum() else " " for ch in surface.lower()).split()
            if w != "s"}


def pr(tp, pred, gold):
    p = 100.0 * tp / pred if pred else 0.0
    r = 100.0 * tp / gold if gold else 0.0
    return p, r


def report(name, c):
    sp, sr = pr(c["s_tp"], c["s_pred"], c["s_gold"])
    mp, mr = pr(c["m_tp"], c["m_pred"], c["m_gold"])
    found = 100.0 * c["found"] / c["gold_mentions"] if c["gold_mentions"] else 0.0
    print(f"{name}: name pairs (distinct surfaces) P {sp:.2f} R {sr:.2f} "
          f"(tp {c['s_tp']}, merged {c['s_pred']}, gold {c['s_gold']}); "
          f"mention pairs P {mp:.2f} R {mr:.2f} (tp {c['m_tp']}, merged {c['m_pred']}, "
          f"gold {c['m_gold']}); gold mentions found {c['found']}/{c['gold_mentions']} "
          f"= {found:.2f}% ({c['found_exact']} exact span)")
    share = c["s_gold"] - c["s_gold_noshare"]
    ceiling = 100.0 * share / c["s_gold"] if c["s_gold"] else 0.0
    print(f"{name}: of the {c['s_gold']} gold name pairs {c['s_gold_noshare']} share no word "
          f"(name recall at most {ceiling:.2f}% for rules that compare names); "
          f"{c['s_neg_nested']} pairs of two gold entities have one name inside the other")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--erg", default=os.path.join(ROOT, "build", "erg"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--types", default="PER", help="gold types, comma-separated (PER, ORG)")
    ap.add_argument("--extract", help="score this extract output instead of running erg")
    ap.add_argument("--keep", help="write docs.jsonl and extract.jsonl to this folder")
    ap.add_argument("--errors", choices=["dev"], help="print the pair errors of the development half")
    args = ap.parse_args()
    types = set(args.types.split(","))
    with open(args.data, encoding="utf-8") as f:
        docs = json.load(f)
    lines = []
    for d, doc in enumerate(docs):
        doc["_text"], doc["_spans"] = detokenize(doc["sents"])
        lines.append(json.dumps({"id": str(d), "text": doc["_text"]}, ensure_ascii=False))
    tmp = args.keep or tempfile.mkdtemp(prefix="redocred-")
    os.makedirs(tmp, exist_ok=True)
    docs_path = os.path.join(tmp, "docs.jsonl")
    with open(docs_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    out_path = args.extract
    if not out_path:
        out_path = os.path.join(tmp, "extract.jsonl")
        subprocess.run([args.erg, "extract", "--quiet", docs_path, "-o", out_path], check=True)
    extracted = {}
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            x = json.loads(line)
            extracted[x["id"]] = x
    for name, half in (("development (even)", 0), ("held out (odd)", 1), ("all 500", None)):
        c, errors = score(docs, extracted, types, half)
        report(name, c)
        if args.errors == "dev" and half == 0:
            for d, kind, ua, ub in errors:
                print(f"  {kind} doc {d}: {ua[0]!r} [v{ua[1]} {ua[2]}] ~ {ub[0]!r} [v{ub[1]} {ub[2]}]",
                      file=sys.stderr)


if __name__ == "__main__":
    main()
