#!/usr/bin/env bash
# erg build -j N: the graph is the same, byte for byte, for every N, and so
# are a failure's message and exit status (the first bad article in input
# order stops the run, whichever thread saw it first).
. "$(dirname "$0")/lib.sh"

$PY "$TESTS_DIR/cli/make_corpus.py" "$FIXTURES" 240 "$WORK/corpus.jsonl"
mkdir -p "$WORK/dir"
cp "$FIXTURES"/variants/0*.txt "$WORK/dir/"

for j in 1 2 3 8; do
    run "$ERG" build --quiet -j $j "$WORK/corpus.jsonl" "$WORK/dir" -o "$WORK/g$j.json"
    expect_rc 0 "build -j $j"
    run "$ERG" build --quiet -j $j --rank pagerank --communities "$WORK/corpus.jsonl" \
        -o "$WORK/g$j.graphml"
    expect_rc 0 "build -j $j to GraphML with scores"
done
expect_err "60 boilerplate lines dropped" "the boilerplate pass found the caption (-j 8)"
if [ "$(grep -c '"kind"' "$WORK/g1.json")" -gt 50 ]; then pass "the graph has edges"; else
    fail "too few edges to compare"; fi
for j in 2 3 8; do
    if cmp -s "$WORK/g1.json" "$WORK/g$j.json"; then pass "-j $j gives -j 1's bytes (json)"; else
        fail "-j $j differs from -j 1 (json)"; fi
    if cmp -s "$WORK/g1.graphml" "$WORK/g$j.graphml"; then pass "-j $j gives -j 1's bytes (graphml)"
    else fail "-j $j differs from -j 1 (graphml)"; fi
done

# A malformed line in the middle: the same failure for every -j.
$PY "$TESTS_DIR/cli/make_corpus.py" "$FIXTURES" 120 "$WORK/bad.jsonl" --bad-line 77
for j in 1 2 8; do
    run "$ERG" build --quiet -j $j "$WORK/bad.jsonl" -o "$WORK/bad$j.json"
    expect_rc 1 "malformed line, -j $j"
    no_crash "malformed line, -j $j"
    cp "$WORK/err" "$WORK/bad$j.err"
    if [ -e "$WORK/bad$j.json" ]; then fail "-j $j left an output file"; else
        pass "-j $j left no output file"; fi
done
expect_err "bad.jsonl:77" "the message names the line"
for j in 2 8; do
    if cmp -s "$WORK/bad1.err" "$WORK/bad$j.err"; then pass "-j $j fails as -j 1 does"; else
        fail "-j $j fails otherwise than -j 1"; diff "$WORK/bad1.err" "$WORK/bad$j.err" | head -5; fi
done
# ...and skipped alike with --skip-bad.
for j in 1 3; do
    run "$ERG" build --quiet --skip-bad -j $j "$WORK/bad.jsonl" -o "$WORK/skip$j.json"
    expect_rc 0 "--skip-bad -j $j"
done
if cmp -s "$WORK/skip1.json" "$WORK/skip3.json"; then pass "--skip-bad: -j 3 gives -j 1's bytes"
else fail "--skip-bad: -j 3 differs"; fi

for bad in 0 -1 abc 257; do
    run "$ERG" build -j "$bad" "$WORK/corpus.jsonl" -o "$WORK/x.json"
    expect_rc 2 "-j $bad is refused"
    expect_err "--jobs takes a number from 1 to 256" "-j $bad names the range"
done
finish
