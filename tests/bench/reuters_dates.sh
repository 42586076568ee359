#!/usr/bin/env bash
# Dates on Reuters-21578 (issue #13): erg's counts against a Python count of
# the input, which parses the raw dates itself (datetime, not erg's parser).
#  1. `erg build --since 1987-03-15` keeps the articles Python counts dated
#     on or after that day (undated ones are dropped).
#  2. `erg query timeline` of the most mentioned company, by month: for each
#     month, the articles and mentions Python counts from `erg extract`'s
#     per-article mentions whose merge key is the node's id. Built with
#     --no-corpus-resolve, so that a node is one merge key (corpus folds
#     join keys, which extract cannot know), and extracted with every type.
# Usage: tests/bench/reuters_dates.sh [reuters21578.jsonl]. Raw news stays
# out of the repository, so this is not part of `meson test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
erg=${ERG:-$root/build/erg}
input=${1:-$root/../shared/data/raw/reuters21578.jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$erg" build -j 2 --no-corpus-resolve "$input" -o "$work/all.json" 2>"$work/all.err"
"$erg" build -j 2 --since 1987-03-15 "$input" -o "$work/since.json" 2>"$work/since.err"
"$erg" extract --types person,agency,outlet,place "$input" >"$work/extract.jsonl"
cat "$work/since.err"

/usr/bin/python3 - "$input" "$work" "$erg" <<'PYEOF'
import json, subprocess, sys, collections, datetime
inp, work, erg = sys.argv[1:4]
bad = 0
def check(ok, msg):
    global bad
    print(("ok - " if ok else "not ok - ") + msg)
    bad += 0 if ok else 1

dates = {}
for line in open(inp, encoding="utf-8"):
    a = json.loads(line)
    raw = (a.get("date") or "").strip()
    try:
        dates[str(a["id"])] = datetime.datetime.fromisoformat(raw).date()
    except ValueError:
        dates[str(a["id"])] = None
n_all = len(dates)
n_since = sum(1 for d in dates.values() if d and d >= datetime.date(1987, 3, 15))
n_undated = sum(1 for d in dates.values() if d is None)
since = json.load(open(work + "/since.json"))
allg = json.load(open(work + "/all.json"))
check(allg["graph"]["articles"] == n_all, "all: %d articles in the graph, %d in the input"
      % (allg["graph"]["articles"], n_all))
check(since["graph"]["articles"] == n_since,
      "--since 1987-03-15: %d articles in the graph, Python counts %d (of %d; %d undated)"
      % (since["graph"]["articles"], n_since, n_all, n_undated))

# The most mentioned company: of the agency nodes whose name ends in a legal suffix
# (data/legal_suffixes.txt: Inc, Corp, Co, Plc...), the one with most mentions.
root = erg.rsplit("/build/", 1)[0]
suffixes = {l.strip().lower().rstrip(".") for l in open(root + "/data/legal_suffixes.txt")
            if l.strip() and not l.startswith("#")}
def company(n):
    last = n["name"].split()[-1].lower().rstrip(".") if n["name"].split() else ""
    return n["type"] == "agency" and last in suffixes
comp = max((n for n in allg["nodes"] if company(n)), key=lambda n: n["mentions"])
forms = {a["name"] for a in comp["aliases"]}
print("# most mentioned company: %s (%d mentions; surface forms: %s)"
      % (comp["name"], comp["mentions"], ", ".join(sorted(forms))))
got = json.loads(subprocess.run([erg, "query", work + "/all.json", "timeline", comp["name"],
                                 "--by", "month", "--json"], check=True,
                                capture_output=True, text=True).stdout)
want = collections.defaultdict(lambda: [0, 0])
for line in open(work + "/extract.jsonl", encoding="utf-8"):
    r = json.loads(line)
    k = sum(1 for m in r["mentions"] if m["key"] == comp["id"])
    if not k:
        continue
    d = dates[str(r["id"])]
    key = d.strftime("%Y-%m") if d else "unknown"
    want[key][0] += k
    want[key][1] += 1
gotd = {row["period"]: [row["mentions"], row["articles"]] for row in got}
print("# month     erg mentions/articles   Python mentions/articles")
for p in sorted(set(gotd) | set(want)):
    print("# %-9s %8s/%-8s %8s/%-8s" % (p, *gotd.get(p, ["-", "-"]), *want.get(p, ["-", "-"])))
check(gotd == {k: v for k, v in want.items()}, "timeline of %s by month equals Python's count"
      % comp["name"])
sys.exit(1 if bad else 0)
PYEOF
