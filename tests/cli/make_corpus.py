#!/usr/bin/env python3
"""Writes a JSON Lines corpus of N articles made from the fixture texts.

Each article joins three of the texts of fixtures/variants (rotated, so
that entities meet in many combinations), each made one paragraph (a line
longer than the boilerplate detector counts, so that repeating it is not
boilerplate), has a distinct id, one of four sources, and for one source a
caption line repeated in many articles (so the boilerplate pass has
something to find). Deterministic: the same N
gives the same bytes. Usage: make_corpus.py FIXTURES N OUT [--bad-line K]
(--bad-line puts a malformed JSON line at line K).
"""
import json
import pathlib
import sys


def main():
    fixtures, n, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    bad = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--bad-line" else 0
    texts = [" ".join(p.read_text(encoding="utf-8").split())
             for p in sorted((fixtures / "variants").glob("*.txt"))]
    sources = ["Wire A", "Daily B", "Weekly C", "Gazette D"]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            if bad and i + 1 == bad:
                f.write('{"id": "broken", "text": \n')
                continue
            parts = [texts[(i + k * 7) % len(texts)] for k in range(3)]
            source = sources[i % len(sources)]
            if source == "Wire A":
                parts.insert(1, "Photo: staff photographer for Wire A")
            rec = {"id": "art-%04d" % i, "title": "Article %d" % i,
                   "date": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                   "source": source, "text": "\n\n".join(parts)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
