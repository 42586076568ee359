#!/bin/sh
# Rebuild the gold JSON files from the hand judgments (*.judge) and the graphs
# that were judged. For the person who judges; the test reads only the JSON.
# usage: tests/corpus/judge/regen.sh [ERG]   (env ERG_RAW_DIR as in run.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
erg=${1:-$root/build/erg}
raw=${ERG_RAW_DIR:-$root/../shared/data/raw}
t=$(mktemp -d "${TMPDIR:-/tmp}/erg-gold.XXXXXX")
trap 'rm -rf "$t"' EXIT
grep '"category": "politics"' "$raw/bbc.jsonl" > "$t/bbc.jsonl"
all=person,agency,outlet,place
"$erg" build -q "$t/bbc.jsonl" -o "$t/bbc.json" 2>/dev/null
"$erg" build -q --types $all "$t/bbc.jsonl" -o "$t/bbcp.json" 2>/dev/null
"$erg" build -q "$raw/reuters21578.jsonl" -o "$t/reu.json" 2>/dev/null
"$erg" build -q --types $all "$raw/reuters21578.jsonl" -o "$t/reup.json" 2>/dev/null
common="Judged by an AI assistant (Claude) in one session for the erg project, December 2026, not yet reviewed by a person, from erg graphs built at commit 31b7501 with the shipped model and data: default types (person, agency, outlet) and --types person,agency,outlet,place. Every node among the top 300 by degree of each graph (degree on the simple co-mention graph) was read and judged, with its aliases, by knowledge of the period; doubtful ones by reading sentences of the raw text (grep); then the whole graph was swept for other nodes sharing a name word with a gold entity (erg query find) to add their variants, and a simulated fix (junk dropped, judged nodes folded) was used to judge the nodes that would rise into the top 250. Forms come from the judged node names and their aliases, minus aliases judged to name something else (first names alone, role words, fragments). Types follow the conventions in tests/corpus/README.md. The source of this file is tests/corpus/judge/CORPUS.judge (regenerate with judge/regen.sh). Not tuned to erg: a junk node is junk."
"$here/make_gold.py" "$here/bbc_politics.judge" bbc_politics "BBC politics: the 417 articles of bbc.jsonl whose category is politics (UK politics, 2004-2005). $(echo "$common" | sed 's/CORPUS/bbc_politics/')" "$here/../bbc_politics.gold.json" "$t/bbc.json" "$t/bbcp.json"
"$here/make_gold.py" "$here/reuters21578.judge" reuters21578 "Reuters-21578: the 19,779 wire stories of reuters21578.jsonl (1987). $(echo "$common" | sed 's/CORPUS/reuters21578/')" "$here/../reuters21578.gold.json" "$t/reu.json" "$t/reup.json"
