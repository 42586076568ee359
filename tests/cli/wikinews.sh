#!/usr/bin/env bash
# The recognizer's floor on our raw-news test set (tests/wikinews, 24
# annotated Wikinews articles): `erg extract` with the shipped model scores at
# least 80 F1 on persons and organizations together and at least 90 F1 on the
# outlet/agency split, exact spans (tests/wikinews/score.py). README,
# "Accuracy", has the figures; this keeps a change from losing them unseen.
. "$(dirname "$0")/lib.sh"

WN="$TESTS_DIR/wikinews"
run "$ERG" extract --quiet "$WN/txt" -o "$WORK/wn.jsonl"
expect_rc 0 "extract the Wikinews articles"

$PY "$WN/score.py" "$WORK/wn.jsonl" >"$WORK/score" 2>&1
RC=$?
expect_rc 0 "score.py"
sed 's/^/    /' "$WORK/score"

# floor NAME ROW MIN: the F1 column of ROW is at least MIN.
floor() {
    local f1
    f1=$(awk -v row="$2" 'index($0, row " ") == 1 {print $NF}' "$WORK/score")
    if [ -n "$f1" ] && awk -v a="$f1" -v b="$3" 'BEGIN {exit !(a >= b)}'; then
        pass "$1: F1 $f1 >= $3"
    else
        fail "$1: F1 '${f1:-none}' < $3"
    fi
}
floor "persons + organizations" "PER+ORG" 80
floor "outlet split" "outlet split" 90

finish
