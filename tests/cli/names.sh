#!/usr/bin/env bash
# How `erg query` turns a typed name into an entity, on fixtures/query/names.json:
# Tony Blair (20 mentions) was written "Blair" 10 times, Cherie Blair once and
# a node "Blair" of its own has 2 mentions; "Johnson" was written 5 times for
# Boris Johnson and 4 for Alan Johnson; "Smith" is a node flagged ambiguous
# (6 mentions) that Jacqui Smith also claims twice.
. "$(dirname "$0")/lib.sh"
G="$FIXTURES/query/names.json"

# expect_out NAME: stdout of the last run equals $WORK/expected.
expect_out() {
    if diff -u "$WORK/expected" "$WORK/out" >"$WORK/diff"; then pass "$1 (output)"; else
        fail "$1: output differs"; head -20 "$WORK/diff" | sed 's/^/    /'
    fi
}

# Tony Blair's ties, strongest first: what every way of naming him must give.
printf 'name\tcount\nGordon Brown\t3\nLabour\t2\nBoris Johnson\t1\nCherie Blair\t1\n' >"$WORK/tony"
tony_answer() {
    run "$ERG" query "$G" neighbors "$1" --json
    expect_rc 0 "neighbors '$1'"
    if $PY -c 'import json,sys
rows = json.load(open(sys.argv[1]))
print("name\tcount"); [print("%s\t%d" % (r["name"], r["count"] if "count" in r else r["weight"])) for r in rows]' \
        "$WORK/out" >"$WORK/got" 2>"$WORK/pyerr" && diff -u "$WORK/tony" "$WORK/got" >"$WORK/diff"; then
        pass "neighbors '$1' answers for Tony Blair"
    else fail "neighbors '$1' answers for Tony Blair"; head -10 "$WORK/diff" "$WORK/pyerr" | sed 's/^/    /'; fi
}

# ---- a short form goes to the entity that owns it most ------------------------------------
tony_answer "Blair"             # 10 against 2 (the node "Blair") and 1 (Cherie Blair)
tony_answer "blair"
tony_answer "Tony Blair"
tony_answer "Mr Blair"          # a title from data/titles.tsv, dropped
tony_answer "Mr. Blair"
tony_answer "Prime Minister Tony Blair"
run "$ERG" query "$G" evidence "Mr Blair" Brown --tsv
expect_rc 0 "evidence through titles and short forms"
if grep -q "Tony Blair met Gordon Brown." "$WORK/out"; then pass "evidence Mr Blair / Brown"; else
    fail "evidence Mr Blair / Brown"; head -5 "$WORK/out"; fi
run "$ERG" query "$G" path "Mr Blair" Brown --tsv
expect_rc 0 "path through a title"
run "$ERG" query "$G" outlets "Tony Blair" --tsv
mv "$WORK/out" "$WORK/expected"
run "$ERG" query "$G" outlets Blair --tsv
expect_rc 0 "outlets by a short form"
expect_out "outlets Blair as outlets Tony Blair"

# ---- comparable claims: exit 1 with the candidates, most written first ---------------------
run "$ERG" query "$G" neighbors Johnson
expect_rc 1 "ambiguous name"
expect_err "erg: 'Johnson' could mean: 'Boris Johnson' (person, 5 mentions), 'Alan Johnson' (person, 4 mentions)" \
    "ambiguous name lists the candidates with counts and types"
if [ ! -s "$WORK/out" ]; then pass "ambiguous name prints no answer"; else fail "ambiguous name prints no answer"; fi
run "$ERG" query "$G" ego "Mrs Johnson" -o "$WORK/ego.json"
expect_rc 1 "ambiguous name after a title"
expect_err "erg: 'Mrs Johnson' could mean: 'Boris Johnson'" "ambiguous name after a title (message)"
# A short form flagged ambiguous never wins while full names claim it too.
run "$ERG" query "$G" neighbors Smith
expect_rc 1 "flagged short form"
expect_err "erg: 'Smith' could mean: 'Smith' (person, 6 mentions, ambiguous), 'Jacqui Smith' (person, 2 mentions)" \
    "flagged short form lists itself and the full names"
run "$ERG" query "$G" neighbors "Jacqui Smith" --tsv
expect_rc 0 "the full name still answers"

# ---- unknown names keep their suggestion --------------------------------------------------
run "$ERG" query "$G" neighbors "Mr Blaire"
expect_rc 1 "unknown name"
expect_err "erg: no entity named 'Mr Blaire'; did you mean 'Tony Blair'?" "unknown name suggests"
run "$ERG" query "$G" neighbors Lord
expect_rc 1 "a title alone"
expect_err "erg: no entity named 'Lord'" "a title alone names nothing"

# ---- find shows why a name belongs to an entity --------------------------------------------
run "$ERG" query "$G" find blair --tsv
cat >"$WORK/expected" <<'X'
name	type	mentions	matched	edits	forms
Tony Blair	person	20	Blair	0	Blair 10 (short-form), Tony Blair 9 (key), Tony 1 (article)
Cherie Blair	person	5	Blair	0	Cherie Blair 4 (key), Blair 1 (article)
Blair	person	2	Blair	0	Blair 2 (key)
X
expect_out "find lists surface forms, counts and rules"
run "$ERG" query "$G" find blair --json -n 1
if $PY -c 'import json,sys
r = json.load(open(sys.argv[1]))
assert r[0]["aliases"][0] == {"name": "Blair", "count": 10, "rule": "short-form"}, r' "$WORK/out" 2>"$WORK/pyerr"; then
    pass "find --json lists aliases with count and rule"; else fail "find --json lists aliases"; cat "$WORK/pyerr"; fi

# ---- misspelt commands ------------------------------------------------------------------------
run "$ERG" query "$G" neighbours Blair
expect_rc 2 "misspelt command"
expect_err "erg: unknown query command 'neighbours'; did you mean 'neighbors'?" "misspelt command suggests"
run "$ERG" query "$G" evidense Blair Brown
expect_rc 2 "misspelt evidence"
expect_err "did you mean 'evidence'?" "misspelt evidence suggests"
run "$ERG" query "$G" frobnicate
expect_rc 2 "unknown command"
if grep -q "did you mean" "$WORK/err"; then fail "no suggestion for a word near nothing"; else
    pass "no suggestion for a word near nothing"; fi

finish
