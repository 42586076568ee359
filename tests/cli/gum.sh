#!/usr/bin/env bash
# GUM's own annotation of the Wikinews articles (tests/gum) stays usable: its
# tokens align to the bytes of tests/wikinews/txt, give the 855 gold spans,
# and score.py scores `erg extract` output. No floor: the figures are read
# relative to a baseline (tests/gum/README.md), not as a bar.
. "$(dirname "$0")/lib.sh"

run $PY "$TESTS_DIR/gum/score.py" --spans
expect_rc 0 "the GUM tokens align to the article texts"
n=$(wc -l <"$WORK/out")
if [ "$n" -eq 855 ]; then pass "855 gold spans"; else fail "$n gold spans, expected 855"; fi

run "$ERG" extract --quiet "$TESTS_DIR/wikinews/txt" -o "$WORK/wn.jsonl"
expect_rc 0 "extract the Wikinews articles"
run $PY "$TESTS_DIR/gum/score.py" "$WORK/wn.jsonl"
expect_rc 0 "score.py"
sed 's/^/    /' "$WORK/out"
if grep -q '^PER+ORG ' "$WORK/out"; then pass "a PER+ORG row"; else fail "no PER+ORG row"; fi

finish
