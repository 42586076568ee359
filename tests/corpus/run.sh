#!/bin/sh
# Build the BBC politics and Reuters-21578 graphs with an erg binary and score
# the top 50 entities by degree of each against the hand-judged gold lists.
#
# usage: tests/corpus/run.sh [ERG]        (ERG defaults to build/erg)
# env:   ERG_RAW_DIR  folder holding bbc.jsonl and reuters21578.jsonl
#                     (default: ../shared/data/raw from the repository root)
#        ERG_TYPES    --types for erg build (default: erg's own default)
#        TOP_N        how many top nodes to score (default 50)
#        KEEP_GRAPHS  a folder to keep the graphs in (default: a temp folder, removed)
# Exit status: 0 when both corpora meet the targets (>= 90% correct, <= 2
# duplicates, 0 junk), 1 when a target fails, 2 when data or erg is missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=${1:-$root/build/erg}
raw=${ERG_RAW_DIR:-$root/../shared/data/raw}
n=${TOP_N:-50}
py=/usr/bin/python3
[ -x "$py" ] || py=python3

if [ ! -x "$erg" ]; then
    echo "run.sh: no erg binary at $erg (build it: meson setup build && ninja -C build)" >&2
    exit 2
fi
for f in bbc.jsonl reuters21578.jsonl; do
    if [ ! -r "$raw/$f" ]; then
        echo "run.sh: raw news $raw/$f is missing. The corpora are not in the repository;" >&2
        echo "        set ERG_RAW_DIR to the folder that holds bbc.jsonl and reuters21578.jsonl." >&2
        exit 2
    fi
done

if [ -n "${KEEP_GRAPHS:-}" ]; then
    out=$KEEP_GRAPHS
    mkdir -p "$out" || exit 2
else
    out=$(mktemp -d "${TMPDIR:-/tmp}/erg-corpus.XXXXXX") || exit 2
    trap 'rm -rf "$out"' EXIT INT TERM
fi
types=""
[ -n "${ERG_TYPES:-}" ] && types="--types $ERG_TYPES"

grep '"category": "politics"' "$raw/bbc.jsonl" > "$out/bbc_politics.jsonl"
if [ ! -s "$out/bbc_politics.jsonl" ]; then
    echo "run.sh: no politics articles in $raw/bbc.jsonl" >&2
    exit 2
fi
cp "$raw/reuters21578.jsonl" "$out/reuters21578.jsonl" 2>/dev/null || ln -sf "$raw/reuters21578.jsonl" "$out/reuters21578.jsonl"

status=0
summaries=""
for corpus in bbc_politics reuters21578; do
    # shellcheck disable=SC2086
    if ! "$erg" build -q $types "$out/$corpus.jsonl" -o "$out/$corpus.json"; then
        echo "run.sh: erg build failed on $corpus" >&2
        exit 2
    fi
    echo "== $corpus: top $n by degree"
    "$py" "$here/score_top.py" "$here/$corpus.gold.json" "$out/$corpus.json" -n "$n" > "$out/$corpus.score"
    rc=$?
    cat "$out/$corpus.score"
    [ $rc -gt $status ] && status=$rc
    summaries="$summaries$(tail -n 2 "$out/$corpus.score")
"
    echo
done
echo "== summary"
printf '%s' "$summaries"
exit $status
