#!/usr/bin/env bash
# erg build peak memory against corpus size: builds the same news 1, 2, 4
# and 8 times over (article ids made distinct, "-r1" ... "-r8" appended) and
# prints the peak resident set size of each run and the ratio of 8x to 1x.
# Exits 1 when the ratio is above 1.20 (issue #11): once the entity set
# stops growing, memory must not grow with the articles read.
#
# usage: tests/bench/rss_bench.sh [FILE.jsonl]
#   FILE  JSON Lines articles (default: the largest corpus in
#         ../shared/data/raw, Reuters-21578, else BBC News; local use only,
#         never committed)
# The copies are made once, in a temporary folder (8 times the file).
#
# --keep-boilerplate: the boilerplate detector drops lines that many
# articles of one source repeat, and the same text 8 times over IS such
# repetition to it: without the flag the 8x run would drop most of every
# copy and measure less work, not the same work 8 times. The detector's own
# memory is bounded by its design (input module), not measured here.
#
# The erg measured is build/erg (ERG=path overrides it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=${ERG:-$root/build/erg}
limit=1.20
src=${1:-}
if [ -z "$src" ]; then
    raw=$root/../shared/data/raw
    for f in "$raw/reuters21578.jsonl" "$raw/bbc.jsonl"; do
        if [ -r "$f" ]; then
            src=$f
            break
        fi
    done
fi
[ -n "$src" ] && [ -r "$src" ] || { echo "rss_bench: no corpus (give a .jsonl file)" >&2; exit 1; }
[ -x "$erg" ] || { echo "rss_bench: no erg binary at $erg (build first)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "rss_bench: needs /usr/bin/time (GNU time)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/erg-rss-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "corpus: $src ($(wc -l <"$src") articles, $(($(wc -c <"$src") / 1000000)) MB a copy)"
# Copy k: every article's "id" gets "-rk"; nothing else changes.
/usr/bin/python3 - "$src" "$work" <<'EOF'
import json, sys
src, work = sys.argv[1], sys.argv[2]
outs = [open("%s/copy%d.jsonl" % (work, k), "w", encoding="utf-8") for k in range(1, 9)]
with open(src, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        a = json.loads(line)
        for k, o in enumerate(outs, 1):
            a2 = dict(a)
            a2["id"] = "%s-r%d" % (a["id"], k)
            o.write(json.dumps(a2, ensure_ascii=False) + "\n")
for o in outs:
    o.close()
EOF

declare -A rss
for n in 1 2 4 8; do
    files=()
    for k in $(seq 1 "$n"); do files+=("$work/copy$k.jsonl"); done
    /usr/bin/time -f '%M' -o "$work/rss" "$erg" build --quiet --keep-boilerplate "${files[@]}" \
        -o "$work/g$n.json" 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
    rss[$n]=$(tail -1 "$work/rss")
    awk -v kb="${rss[$n]}" -v n="$n" -v mb="$(($(wc -c <"$work/g$n.json") / 1000000))" \
        -v sum="$(grep '^built' "$work/log" | head -1)" \
        'BEGIN { printf "%dx: peak RSS %.1f MB, graph file %d MB; %s\n", n, kb / 1000, mb, sum }'
done
awk -v a="${rss[1]}" -v b="${rss[8]}" -v limit="$limit" 'BEGIN {
    r = b / a
    printf "8x / 1x: %.3f (limit %.2f)\n", r, limit
    if (r > limit) {
        print "rss_bench: peak memory grows with the articles read" > "/dev/stderr"
        exit 1
    }
}'
