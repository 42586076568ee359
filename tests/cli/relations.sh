#!/usr/bin/env bash
# The seed article: one node per person and outlet with its short forms
# resolved, and the typed relations a careful reader finds.
. "$(dirname "$0")/lib.sh"

run "$ERG" build --quiet --types person,agency,outlet,place \
    "$FIXTURES/articles/defector-article.txt" -o "$WORK/g.json"
expect_rc 0 "build the seed article with places"

$PY - "$WORK/g.json" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1]))
nodes = {n["id"]: n for n in g["nodes"]}
by_name = {}
for n in g["nodes"]:
    by_name.setdefault(n["name"], []).append(n)
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1
def aliases(name):
    return {a["name"] for n in by_name.get(name, []) for a in n["aliases"]}
check(len(by_name.get("Kim Jong-un", [])) == 1 and "Kim" in aliases("Kim Jong-un"),
      "one Kim Jong-un node, its 'Kim' mention resolved: %s" % sorted(aliases("Kim Jong-un")))
check(len(by_name.get("Park Geun-hye", [])) == 1 and "Park" in aliases("Park Geun-hye"),
      "one Park Geun-hye node with 'Park' (Park's government): %s" % sorted(aliases("Park Geun-hye")))
check(not any(n["name"] in ("Kim", "Park") for n in g["nodes"]), "no bare Kim or Park node")
check(len(by_name.get("Yonhap", [])) == 1 and by_name["Yonhap"][0]["type"] == "outlet",
      "one Yonhap outlet node")
check(not any("news agency" in a["name"].lower() for n in g["nodes"] for a in n["aliases"]),
      "'Yonhap news agency' folded into Yonhap")
typed = {(nodes[l["source"]]["name"], l["kind"], nodes[l["target"]]["name"]): l
         for l in g["links"] if l["kind"] != "co_mention"}
for edge in [("Jeong Joon-hee", "spokesperson_for", "Unification Ministry"),
             ("CNN", "cites", "Yonhap")]:
    check(edge in typed, "edge %s -%s-> %s" % edge)
for outlet in ["Fox News", "CNN", "Reuters", "NPR"]:
    targets = sorted(t for (s, k, t) in typed if s == outlet and k == "reports")
    check(targets, "a reports edge from %s: %s" % (outlet, targets))
# Version 3 on: evidence names a range; its text is in the "sentences" table, once.
sents = {(x["article"], x["start"], x["end"]): x["text"] for x in g["sentences"]}
check(g["version"] >= 3 and len(sents) == len(g["sentences"]), "one sentence record per range")
e = typed.get(("Jeong Joon-hee", "spokesperson_for", "Unification Ministry"))
check(e is not None and all("sentence" not in ev for ev in e["evidence"]) and
      any("spokesman Jeong Joon-hee" in sents[(ev["article"], ev["start"], ev["end"])]
          for ev in e["evidence"]),
      "spokesperson_for keeps its evidence sentence")
check(not any(s == t for (s, k, t) in typed), "no typed self-loop")
sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "seed relations"; else fail "seed relations"; fi

run "$ERG" query "$WORK/g.json" evidence "Jeong Joon-hee" "Unification Ministry"
expect_rc 0 "query evidence"
if grep -q "spokesperson_for" "$WORK/out" &&
    grep -qF "one reporter declared to Unification Ministry spokesman Jeong Joon-hee" "$WORK/out"; then
    pass "evidence prints the sentence of the spokesperson_for edge"
else
    fail "evidence output"; sed 's/^/    /' "$WORK/out"
fi
finish
