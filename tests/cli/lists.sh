#!/usr/bin/env bash
# Lists do not flood the graph, and the graph does not depend on the order of
# the articles.
#
# A 200-name line-up in one sentence (a party list, a table of candidates)
# made 19,900 edges and a 59 MB graph file when every pair of a sentence was
# an edge of weight 1. Now a window of k entities gives each pair 1/(k-1) and
# a list pairs neighbours only, so its file stays small and no pair of it
# outweighs a pair that three ordinary sentences name.
. "$(dirname "$0")/lib.sh"

# 200 distinct person names (listed first names and made-up surnames), one sentence.
$PY - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
firsts = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda",
          "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
          "Thomas", "Sarah", "Charles", "Karen"]
lasts = ["Abbott", "Barker", "Carver", "Dalton", "Easton", "Fowler", "Garner", "Hollis",
         "Ingram", "Jarvis"]
names = [f + " " + l for l in lasts for f in firsts]
assert len(set(names)) == 200
listing = ("The candidates standing in the council election are " + ", ".join(names[:-1]) +
           " and " + names[-1] + ".")
ordinary = ("Gordon Brown met Alan Milburn in London on Monday. Later Gordon Brown said that "
            "Alan Milburn had been right. Alan Milburn thanked Gordon Brown for his support.")
arts = [{"id": "list", "source": "Example Gazette", "text": listing},
        {"id": "ordinary", "source": "Example Gazette", "text": ordinary}]
with open(work + "/lists.jsonl", "w") as f:
    for a in arts:
        f.write(json.dumps(a) + "\n")
print(len(listing.encode()), "bytes of list")
PY

run "$ERG" build --quiet "$WORK/lists.jsonl" -o "$WORK/lists.json"
expect_rc 0 "build the list article"
size=$(stat -c %s "$WORK/lists.json")
if [ "$size" -lt 500000 ]; then pass "list graph file is $size bytes (< 500 KB)"; else
    fail "list graph file is $size bytes"; fi

$PY - "$WORK/lists.json" <<'PY' >"$WORK/check" 2>&1
import json, sys
g = json.load(open(sys.argv[1]))
names = {n["id"]: n["name"] for n in g["nodes"]}
co = [l for l in g["links"] if l["kind"] == "co_mention"]
pair = [l for l in co if {names[l["source"]], names[l["target"]]} == {"Gordon Brown", "Alan Milburn"}]
assert len(pair) == 1, "no Gordon Brown - Alan Milburn edge"
ref = pair[0]["weight"]
assert ref == 3 and pair[0]["count"] == 3, "three ordinary sentences give weight 3, got %r" % ref
listed = [l for l in co if l is not pair[0]]
persons = sum(1 for n in g["nodes"] if n["type"] == "person")
assert persons >= 150, "the tagger found only %d of the 200 names" % persons
assert len(listed) <= 4 * persons, "%d list edges for %d persons" % (len(listed), persons)
worst = max(l["weight"] for l in listed)
assert worst < ref, "a list pair weighs %r, not less than %r" % (worst, ref)
degree = {}
for l in listed:
    for k in (l["source"], l["target"]):
        degree[k] = degree.get(k, 0) + 1
assert max(degree.values()) <= 8, "an entity of the list has %d partners" % max(degree.values())
print("ok: %d persons, %d list edges, heaviest list pair %g, max degree %d"
      % (persons, len(listed), worst, max(degree.values())))
PY
if [ $? -eq 0 ]; then pass "list pairs: $(cat "$WORK/check")"; else
    fail "list pairs"; sed 's/^/    /' "$WORK/check"; fi

# The same articles in another order give the same bytes: the fixture
# articles and the variants, as they come and reversed, as JSON Lines.
$PY - "$FIXTURES" "$WORK" <<'PY'
import glob, json, os, sys
fx, work = sys.argv[1], sys.argv[2]
arts = []
for d in ("articles", "variants"):
    for p in sorted(glob.glob(os.path.join(fx, d, "*.txt"))):
        arts.append({"id": d + "/" + os.path.basename(p), "text": open(p, encoding="utf-8").read()})
orders = {"forward": arts, "reversed": arts[::-1],
          "shuffled": [arts[(i * 7) % len(arts)] for i in range(len(arts))]}
assert len({a["id"] for a in orders["shuffled"]}) == len(arts)
for name, order in orders.items():
    with open(os.path.join(work, name + ".jsonl"), "w") as f:
        for a in order:
            f.write(json.dumps(a) + "\n")
PY
for o in forward reversed shuffled; do
    run "$ERG" build --quiet "$WORK/$o.jsonl" -o "$WORK/$o.json"
    expect_rc 0 "build in $o order"
done
for o in reversed shuffled; do
    if cmp -s "$WORK/forward.json" "$WORK/$o.json"; then pass "$o order gives the same bytes"; else
        fail "$o order gives other bytes"; fi
done
finish
