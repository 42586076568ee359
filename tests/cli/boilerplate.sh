#!/usr/bin/env bash
# A line one source repeats in 5 or more of its articles (here a photo credit
# naming an organization, in all 6) is read as blank: the organization is no
# node unless --keep-boilerplate, or the input is stdin (read once), or the
# line is in only 4 articles. Edges list the source "bbc.co.uk" as the outlet
# BBC; the articles table keeps the source as written.
. "$(dirname "$0")/lib.sh"
FX="$FIXTURES/boilerplate/caption.jsonl"
ORG="Royal Geographical Society"

# has_node FILE NAME: exit 0 when the graph FILE has a node named NAME.
has_node() {
    $PY -c 'import json,sys; g=json.load(open(sys.argv[1])); sys.exit(0 if any(n["name"]==sys.argv[2] for n in g["nodes"]) else 1)' "$1" "$2"
}

run "$ERG" build --quiet "$FX" -o "$WORK/g.json"
expect_rc 0 "build the caption fixture"
expect_err "6 boilerplate lines dropped (in 6 articles)" "summary counts the dropped lines"
if has_node "$WORK/g.json" "$ORG"; then fail "boilerplate caption made a node"; else pass "caption organization is no node"; fi
if has_node "$WORK/g.json" "Angela Merkel"; then pass "the stories still give their people"; else fail "story people lost"; fi

run "$ERG" build --quiet --keep-boilerplate "$FX" -o "$WORK/k.json"
expect_rc 0 "build with --keep-boilerplate"
if has_node "$WORK/k.json" "$ORG"; then pass "--keep-boilerplate keeps the caption organization"; else fail "--keep-boilerplate lost $ORG"; fi
if grep -q boilerplate "$WORK/err"; then fail "--keep-boilerplate still reports dropped lines"; else pass "--keep-boilerplate reports none"; fi

head -n 4 "$FX" >"$WORK/four.jsonl"
run "$ERG" build --quiet "$WORK/four.jsonl" -o "$WORK/f.json"
if has_node "$WORK/f.json" "$ORG"; then pass "a line in 4 articles is not boilerplate"; else fail "a line in 4 articles was dropped"; fi

"$ERG" build --quiet - -o "$WORK/s.json" <"$FX" 2>"$WORK/err"
RC=$?
expect_rc 0 "build from stdin"
if has_node "$WORK/s.json" "$ORG"; then pass "stdin: no detection (read once)"; else fail "stdin input was searched for boilerplate"; fi

run "$ERG" extract --quiet "$FX" -o "$WORK/x.jsonl"
expect_rc 0 "extract the caption fixture"
if grep -q "$ORG" "$WORK/x.jsonl"; then fail "extract gives a mention in the caption"; else pass "extract: no mention in the caption"; fi
run "$ERG" extract --quiet --keep-boilerplate "$FX" -o "$WORK/y.jsonl"
if grep -q "$ORG" "$WORK/y.jsonl"; then pass "extract --keep-boilerplate: the caption's mention"; else fail "extract --keep-boilerplate lost the mention"; fi

$PY - "$WORK/g.json" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1]))
bad = 0
def check(ok, what):
    global bad
    print(("ok - " if ok else "not ok - ") + what)
    bad += not ok
outlets = {o for e in g["links"] for o in e.get("outlets", [])}
check(outlets == {"BBC"}, "edges list the outlet BBC for bbc.co.uk (got %s)" % sorted(outlets))
check(all(a["source"] == "bbc.co.uk" for a in g["articles"]), "articles keep the source as written")
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then pass "source as canonical outlet"; else fail "source as canonical outlet"; fi
sed 's/^/    /' "$WORK/check"
finish
