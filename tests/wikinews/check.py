#!/usr/bin/env python3
"""Validate tests/wikinews/gold.jsonl against the article texts in txt/.

Checks: every line is JSON with id/file/mentions; every txt/*.txt has exactly
one line; offsets are UTF-8 byte offsets (end exclusive) inside the file; the
bytes [start, end) decode to exactly "text"; types are person/agency/outlet/
place; spans are non-empty, have no surrounding whitespace, are sorted, and do
not overlap. Prints mention counts per type; exits 1 on any problem.

Usage: python3 check.py [path/to/gold.jsonl]
"""
import io
import json
import os
import sys

TYPES = ("person", "agency", "outlet", "place")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    gold = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "gold.jsonl")
    base = os.path.dirname(os.path.abspath(gold))
    problems = []
    counts = dict((t, 0) for t in TYPES)
    seen = set()
    narticles = 0

    def bad(where, msg):
        problems.append("{}: {}".format(where, msg))

    with io.open(gold, "r", encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, line in enumerate(lines, 1):
        where = "gold.jsonl:{}".format(lineno)
        try:
            rec = json.loads(line)
        except ValueError as e:
            bad(where, "not JSON ({})".format(e))
            continue
        if not isinstance(rec, dict) or set(rec) != {"id", "file", "mentions"}:
            bad(where, "record must have exactly the keys id, file, mentions")
            continue
        aid, fname, ments = rec["id"], rec["file"], rec["mentions"]
        where = "{} ({})".format(where, aid)
        if fname != "txt/{}.txt".format(aid):
            bad(where, "file {!r} does not match id".format(fname))
        if aid in seen:
            bad(where, "duplicate id")
        seen.add(aid)
        path = os.path.join(base, fname)
        try:
            with open(path, "rb") as tf:
                data = tf.read()
        except IOError as e:
            bad(where, "cannot read {} ({})".format(fname, e))
            continue
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as e:
            bad(where, "{} is not UTF-8 ({})".format(fname, e))
        narticles += 1
        if not isinstance(ments, list):
            bad(where, "mentions is not a list")
            continue
        prev_end = 0
        prev = None
        for k, m in enumerate(ments):
            w = "{} mention {}".format(where, k)
            if not isinstance(m, dict) or set(m) != {"start", "end", "text", "type"}:
                bad(w, "mention must have exactly the keys start, end, text, type")
                continue
            s, e, t, ty = m["start"], m["end"], m["text"], m["type"]
            if not (type(s) is int and type(e) is int):
                bad(w, "start/end must be integers")
                continue
            if ty not in TYPES:
                bad(w, "bad type {!r}".format(ty))
            if not (0 <= s < e <= len(data)):
                bad(w, "offsets [{}, {}) outside file of {} bytes or empty".format(s, e, len(data)))
                continue
            try:
                span = data[s:e].decode("utf-8")
            except UnicodeDecodeError:
                bad(w, "offsets [{}, {}) cut a UTF-8 character".format(s, e))
                continue
            if span != t:
                bad(w, "bytes [{}, {}) are {!r}, text is {!r}".format(s, e, span, t))
            if t != t.strip():
                bad(w, "text {!r} has surrounding whitespace".format(t))
            if s < prev_end:
                if prev is not None and s >= prev["start"]:
                    bad(w, "{!r} [{}, {}) overlaps {!r} [{}, {})".format(
                        t, s, e, prev["text"], prev["start"], prev["end"]))
                else:
                    bad(w, "mentions not sorted by start")
            prev_end = max(prev_end, e)
            prev = m
            if ty in counts:
                counts[ty] += 1

    txtdir = os.path.join(base, "txt")
    if os.path.isdir(txtdir):
        for name in sorted(os.listdir(txtdir)):
            if name.endswith(".txt") and name[:-4] not in seen:
                bad("txt/" + name, "no gold record")
    else:
        bad(txtdir, "missing directory")

    total = sum(counts.values())
    print("articles: {}".format(narticles))
    for t in TYPES:
        print("{:<8} {:>5}".format(t, counts[t]))
    print("{:<8} {:>5}".format("total", total))
    if problems:
        for p in problems:
            print("PROBLEM " + p, file=sys.stderr)
        print("{} problem(s)".format(len(problems)), file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
