#!/usr/bin/env bash
# On real news: the 417 BBC politics articles (../shared/data/raw, not in the
# repository; ERG_RAW_DIR overrides). `neighbors Blair` answers for Tony
# Blair, who was written "Blair" 299 times, not for the 20-mention node that
# articles without his full name made; "Mr Blair" too; a surname two people
# share lists both; the graph does not change with the order of the articles.
# Without the raw news the test cannot run and says so (exit 77: skipped).
. "$(dirname "$0")/lib.sh"

RAW=${ERG_RAW_DIR:-$TESTS_DIR/../../shared/data/raw}
if [ ! -r "$RAW/bbc.jsonl" ]; then
    echo "skipped: no raw news at $RAW/bbc.jsonl (set ERG_RAW_DIR)"
    exit 77
fi
grep '"category": "politics"' "$RAW/bbc.jsonl" >"$WORK/bbc.jsonl"

run "$ERG" build --quiet "$WORK/bbc.jsonl" -o "$WORK/g.json"
expect_rc 0 "build BBC politics"

run "$ERG" query "$WORK/g.json" neighbors "Tony Blair" -n 10 --json
expect_rc 0 "neighbors 'Tony Blair'"
cp "$WORK/out" "$WORK/tony"
for name in Blair "Mr Blair" "blair"; do
    run "$ERG" query "$WORK/g.json" neighbors "$name" -n 10 --json
    expect_rc 0 "neighbors '$name'"
    if cmp -s "$WORK/out" "$WORK/tony"; then pass "neighbors '$name' answers for Tony Blair"; else
        fail "neighbors '$name' does not answer for Tony Blair"; fi
done

run "$ERG" query "$WORK/g.json" neighbors Johnson
expect_rc 1 "neighbors Johnson (two people)"
expect_err "could mean" "Johnson lists its candidates"
expect_err "Alan Johnson" "Johnson: Alan Johnson is a candidate"
expect_err "Boris Johnson" "Johnson: Boris Johnson is a candidate"

# No node of its own is left for the short form the corpus resolved.
run "$ERG" query "$WORK/g.json" find Blair --json
if $PY -c 'import json,sys; rows=json.load(open(sys.argv[1])); sys.exit(0 if not any(r["name"] == "Blair" for r in rows) else 1)' "$WORK/out"; then
    pass "no node named 'Blair' is left"
else fail "a node 'Blair' is still there"; fi
run "$ERG" build --quiet --no-corpus-resolve "$WORK/bbc.jsonl" -o "$WORK/raw.json"
run "$ERG" query "$WORK/raw.json" find Blair --json
if $PY -c 'import json,sys; rows=json.load(open(sys.argv[1])); sys.exit(0 if any(r["name"] == "Blair" for r in rows) else 1)' "$WORK/out"; then
    pass "--no-corpus-resolve keeps the 'Blair' node"
else fail "--no-corpus-resolve: no 'Blair' node"; fi

# The articles in reverse order give the same bytes.
tac "$WORK/bbc.jsonl" >"$WORK/rev.jsonl"
run "$ERG" build --quiet "$WORK/rev.jsonl" -o "$WORK/rev.json"
if cmp -s "$WORK/g.json" "$WORK/rev.json"; then pass "reversed articles give the same bytes"; else
    fail "reversed articles give other bytes"; fi
finish
