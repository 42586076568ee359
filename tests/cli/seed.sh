#!/usr/bin/env bash
# The seed article gives each expected entity exactly once, with its type.
. "$(dirname "$0")/lib.sh"

run "$ERG" build --quiet "$FIXTURES/articles/defector-article.txt" -o "$WORK/g.json"
expect_rc 0 "build the seed article"
expect_err "built $WORK/g.json: 1 article" "summary line"

$PY - "$WORK/g.json" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1]))
want = {
    "person": ["Kim Jong-un", "Park Geun-hye", "Jeong Joon-hee"],
    "agency": ["General Reconnaissance Bureau", "Unification Ministry"],
    "outlet": ["Fox News", "CNN", "Reuters", "NPR", "Yonhap"],
}
bad = 0
for typ, names in want.items():
    for name in names:
        hits = [n for n in g["nodes"] if n["name"] == name]
        typed = [n for n in hits if n["type"] == typ]
        if len(hits) == 1 and len(typed) == 1:
            print("ok - %s %s exactly once" % (typ, name))
        else:
            bad += 1
            print("not ok - %s %s: %d nodes, %d of type %s; nodes: %s" % (
                typ, name, len(hits), len(typed), typ,
                sorted((n["name"], n["type"]) for n in g["nodes"])))
sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "seed entities"; else fail "seed entities"; fi
finish
