#!/usr/bin/python3
"""Score the top N entities by degree of an erg graph against a hand-judged gold list.

usage: score_top.py GOLD GRAPH [-n 50] [--min-correct K] [--max-duplicate D] [--max-junk J]

GOLD is tests/corpus/<corpus>.gold.json. GRAPH is erg's native graph file
(node-link JSON written by `erg build -o g.json`) or the output of
`erg query g.json top --by degree -n N --json` (a list of {name, key, type,
rank, score}); the latter has no aliases, so wrongly merged nodes cannot be
seen in it (the script says so).

Degree is computed on the simple undirected graph of co_mention links: one
edge per pair of distinct nodes, whatever the number of links between them;
typed links (reports, leads, ...) take no part. Ties are broken by name.

Each of the top N nodes gets one verdict, checked in this order:
  junk           its name is a junk form of the gold
  unjudged       its name is in no gold entity nor in the junk or ambiguous
                 lists, and neither is its most frequent alias: a person must
                 judge it (it counts as not correct)
  ambiguous      its name is a form the gold lists as naming several entities
                 with none dominant (counts as not correct)
  wrongly merged its aliases that carry >= 10% of its mentions name two or
                 more different gold entities (no one entity fits them all)
  duplicate      its gold entity is already held by a higher-ranked node
  wrong type     the gold type differs from the node's type
  correct        none of the above
A node maps to a gold entity by its display name, else by its most frequent
alias. Names match after folding case, diacritics, dots, hyphens/spaces and a
final possessive 's, as erg's merge keys do.

Exit status: 0 when correct >= K (default 90% of N: 45 of 50), duplicates
<= D (default 2) and junk <= J (default 0); 1 when a target fails; 2 on bad
input.
"""

import argparse
import json
import math
import sys
import unicodedata

VERDICTS = ["correct", "duplicate", "wrong type", "junk", "wrongly merged", "unjudged", "ambiguous"]

_HYPHENS = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_APOS = set("'\u2018\u2019\u02bc\u02b9\u2032\uff07`")
_DOTS = set(".\uff0e\u2024")


def name_key(s):
    """erg's merge key (src/text/names.c): casefold, strip marks, dots out,
    hyphens and spaces one space, apostrophes ', final possessive 's out."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        if ch.isspace() or ch in _HYPHENS:
            out.append(" ")
        elif ch in _DOTS:
            continue
        elif ch in _APOS:
            out.append("'")
        else:
            out.append(ch.casefold())
    k = " ".join("".join(out).split())
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("'"):
        k = k[:-1]
    return k.rstrip()


class Gold:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        self.corpus = g.get("corpus") or path
        self.entities = g["entities"]
        self.form = {}          # key -> entity index (the entity the form names)
        self.also = {}          # key -> set of entity indexes it can name
        self.junk = set(name_key(j) for j in g.get("junk", []))
        self.ambiguous = set(name_key(a) for a in g.get("ambiguous", []))
        problems = []
        for i, e in enumerate(self.entities):
            for f in [e["name"]] + list(e.get("forms", [])):
                k = name_key(f)
                if not k:
                    continue
                if k in self.form and self.form[k] != i:
                    problems.append("form %r is in both %r and %r" % (
                        f, self.entities[self.form[k]]["name"], e["name"]))
                    continue
                self.form[k] = i
                self.also.setdefault(k, set()).add(i)
            for f in e.get("also", []):
                self.also.setdefault(name_key(f), set()).add(i)
        for k in self.junk:
            if k in self.form:
                problems.append("form %r is junk and in %r" % (k, self.entities[self.form[k]]["name"]))
        if problems:
            raise ValueError("%s: inconsistent gold:\n  %s" % (path, "\n  ".join(problems)))

    def entity_of(self, name):
        return self.form.get(name_key(name))

    def candidates(self, name):
        """The gold entities a surface form can name; None when unknown or junk."""
        k = name_key(name)
        if k in self.junk:
            return None
        c = self.also.get(k)
        return set(c) if c else None


def alias_list(node):
    out = []
    for a in node.get("aliases") or []:
        if isinstance(a, str):
            out.append((a, 0))
        elif isinstance(a, dict) and a.get("name"):
            try:
                c = int(a.get("count") or 0)
            except (TypeError, ValueError):
                c = 0
            out.append((a["name"], c))
    return out


def load_top(path, n):
    """The top n nodes by degree as dicts with name, type, degree, mentions, aliases."""
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    if isinstance(g, list):  # erg query top --json
        rows = [r for r in g if isinstance(r, dict) and "name" in r]
        rows.sort(key=lambda r: (r.get("rank", 0), r["name"]))
        return [{"name": r["name"], "type": r.get("type", ""), "degree": r.get("score"),
                 "mentions": None, "aliases": []} for r in rows[:n]], False
    if not isinstance(g, dict) or "nodes" not in g:
        raise ValueError("%s: neither an erg graph (nodes, links) nor `erg query top --json` output" % path)
    nodes = g["nodes"]
    links = g.get("links", g.get("edges", []))
    ids = {}
    for i, nd in enumerate(nodes):
        ids[nd.get("id", i)] = i
    kinds = set(l.get("kind") for l in links)
    only_co = "co_mention" in kinds
    adj = [set() for _ in nodes]
    for l in links:
        if only_co and l.get("kind") != "co_mention":
            continue
        s, t = l.get("source"), l.get("target")
        s = ids.get(s, s if isinstance(s, int) and 0 <= s < len(nodes) else None)
        t = ids.get(t, t if isinstance(t, int) and 0 <= t < len(nodes) else None)
        if s is None or t is None or s == t:
            continue
        adj[s].add(t)
        adj[t].add(s)
    order = sorted(range(len(nodes)), key=lambda i: (-len(adj[i]), nodes[i].get("name", "")))
    top = []
    for i in order[:n]:
        nd = nodes[i]
        top.append({"name": nd.get("name", str(nd.get("id", i))), "type": nd.get("type", ""),
                    "degree": len(adj[i]), "mentions": nd.get("mentions"), "aliases": alias_list(nd)})
    return top, True


def judge(gold, top):
    held = {}
    rows = []
    for rank, nd in enumerate(top, 1):
        name = nd["name"]
        k = name_key(name)
        ent, via, detail = None, "", ""
        if k in gold.junk:
            verdict = "junk"
        else:
            ent = gold.entity_of(name)
            if ent is None and k not in gold.ambiguous and nd["aliases"]:
                best = max(nd["aliases"], key=lambda a: (a[1], a[0]))
                if name_key(best[0]) != k:
                    ent = gold.entity_of(best[0])
                    if ent is not None:
                        via = " (via alias %r)" % best[0]
            if ent is None:
                verdict = "ambiguous" if k in gold.ambiguous else "unjudged"
            else:
                verdict = None
                total = nd["mentions"] or sum(c for _, c in nd["aliases"]) or 0
                sets, named = [], {}
                for a, c in nd["aliases"]:
                    if total and c * 10 < total:
                        continue
                    cand = gold.candidates(a)
                    if cand:
                        sets.append(cand)
                        named[a] = cand
                if sets and not set.intersection(*sets):
                    verdict = "wrongly merged"
                    parts = []
                    for a, cand in named.items():
                        parts.append("%s->%s" % (a, "/".join(sorted(gold.entities[i]["name"] for i in cand))))
                    detail = " [" + "; ".join(parts) + "]"
                if verdict is None and ent in held:
                    verdict = "duplicate"
                    detail = " [held by #%d %s]" % (held[ent], top[held[ent] - 1]["name"])
                if verdict is None and nd["type"] != gold.entities[ent]["type"]:
                    verdict = "wrong type"
                    detail = " [gold: %s]" % gold.entities[ent]["type"]
                if verdict is None:
                    verdict = "correct"
                held.setdefault(ent, rank)
        gname = gold.entities[ent]["name"] if ent is not None else "-"
        rows.append((rank, name, nd["type"], nd["degree"], verdict, gname + via + detail))
    return rows


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("graph")
    ap.add_argument("-n", type=int, default=50, help="how many top nodes (default 50)")
    ap.add_argument("--min-correct", type=int, default=None, help="default: 90%% of N")
    ap.add_argument("--max-duplicate", type=int, default=2)
    ap.add_argument("--max-junk", type=int, default=0)
    ap.add_argument("-q", "--quiet", action="store_true", help="print the summary line only")
    a = ap.parse_args(argv)
    min_correct = a.min_correct if a.min_correct is not None else math.ceil(0.9 * a.n)
    try:
        gold = Gold(a.gold)
        top, has_aliases = load_top(a.graph, a.n)
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as e:
        print("score_top: %s" % e, file=sys.stderr)
        return 2
    rows = judge(gold, top)
    if not a.quiet:
        if not has_aliases:
            print("note: %s has no aliases: wrongly merged nodes cannot be detected" % a.graph)
        for rank, name, typ, deg, verdict, gname in rows:
            print("%3d  %-40s %-7s %5s  %-14s %s" % (rank, name[:40], typ, deg, verdict, gname))
    count = {v: 0 for v in VERDICTS}
    for r in rows:
        count[r[4]] += 1
    print("%s: %d correct, %d duplicate, %d wrong type, %d junk, %d wrongly merged, %d unjudged, "
          "%d ambiguous (of %d)" % (gold.corpus, count["correct"], count["duplicate"], count["wrong type"],
                                     count["junk"], count["wrongly merged"], count["unjudged"],
                                     count["ambiguous"], a.n))
    fails = []
    if count["correct"] < min_correct:
        fails.append("correct %d < %d" % (count["correct"], min_correct))
    if count["duplicate"] > a.max_duplicate:
        fails.append("duplicate %d > %d" % (count["duplicate"], a.max_duplicate))
    if count["junk"] > a.max_junk:
        fails.append("junk %d > %d" % (count["junk"], a.max_junk))
    print("%s: %s" % (gold.corpus, "PASS" if not fails else "FAIL (" + ", ".join(fails) + ")"))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
