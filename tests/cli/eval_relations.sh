#!/usr/bin/env bash
# erg eval-relations scores the relation patterns on data in re3d's format:
# fixtures/re3d-mini holds invented documents (see its make.py).
. "$(dirname "$0")/lib.sh"

row() { grep -E "^$1 " "$WORK/out" | tr -s ' '; }

run "$ERG" eval-relations "$FIXTURES/re3d-mini"
expect_rc 0 "eval-relations on a folder of sources"
if grep -q "^1 folder, 2 documents" "$WORK/out"; then pass "folder and document counts"; else
    fail "folder and document counts"; cat "$WORK/out"; fi
# member_of: Kim and Park found, Choi (a spokesman, not annotated) extra.
[ "$(row member_of)" = "member_of 2 3 2 0.667 1.000 0.800" ] && pass "member_of row" ||
    fail "member_of row: $(row member_of)"
# leads: Ri (the gold span 'Gen. Ri Song-chol' holds the mention) found, Moon missed.
[ "$(row leads)" = "leads 2 1 1 1.000 0.500 0.667" ] && pass "leads row" ||
    fail "leads row: $(row leads)"
[ "$(row overall)" = "overall 4 4 3 0.750 0.750 0.750" ] && pass "overall row" ||
    fail "overall row: $(row overall)"

run "$ERG" eval-relations -v "$FIXTURES/re3d-mini/Invented"
expect_rc 0 "eval-relations on one source folder, verbose"
grep -q "^ok    member_of 'Kim Yong-chol' -> 'the Workers’ Party' \[Invented DOCB\]: “We will win,” said Kim" "$WORK/out" &&
    pass "verbose ok line with its sentence (character offsets after curly quotes)" ||
    { fail "verbose ok line"; cat "$WORK/out"; }
grep -q "^miss  leads     'Moon Jae-in' -> 'Minjoo'" "$WORK/out" && pass "verbose miss line" ||
    fail "verbose miss line"
grep -q "^extra member_of 'Choi Min-ho' -> 'the Defense Ministry'" "$WORK/out" &&
    pass "verbose extra line" || fail "verbose extra line"

run "$ERG" eval-relations --min-confidence 1.5 "$FIXTURES/re3d-mini"
expect_rc 2 "bad --min-confidence"
run "$ERG" eval-relations
expect_rc 2 "no folder"
expect_err "erg: no re3d folder given" "no folder"

run "$ERG" eval-relations "$WORK/nowhere"
expect_rc 1 "missing folder"
expect_err "erg: '$WORK/nowhere': cannot open folder" "missing folder"

mkdir -p "$WORK/empty"
run "$ERG" eval-relations "$WORK/empty"
expect_rc 1 "folder without re3d data"
expect_err "no documents.json in it or in its sub-folders" "folder without re3d data"

mkdir -p "$WORK/bad"
cp "$FIXTURES/re3d-mini/Invented/"*.json "$WORK/bad/"
printf '{"_id": "x", "begin": 1,\n' >>"$WORK/bad/entities.json"
run "$ERG" eval-relations "$WORK/bad"
expect_rc 1 "malformed JSON line"
expect_err "erg: '$WORK/bad/entities.json:14':" "malformed JSON names file and line"
no_crash "malformed JSON line"
finish
