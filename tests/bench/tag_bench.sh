#!/usr/bin/env bash
# Tagging speed of erg against the compromise npm package, on the same text,
# in the same run. Prints tokens per second for each and the ratio.
#
# usage: tests/bench/tag_bench.sh [ERG] [FILE.jsonl...]
#   ERG   the erg binary (default: build/erg)
#   FILE  JSON Lines articles (default: Reuters-21578 and BBC News from ../shared/data/raw,
#         about 21 MB; research/local use only, never committed)
# Needs node and npm; installs compromise into tests/bench/node_modules once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=${1:-$root/build/erg}
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    raw=$root/../shared/data/raw
    files=("$raw/reuters21578.jsonl" "$raw/bbc.jsonl")
fi
[ -x "$erg" ] || { echo "tag_bench: no erg binary at $erg (build first)" >&2; exit 1; }
[ -d "$here/node_modules/compromise" ] || (cd "$here" && npm install --silent --no-audit --no-fund >/dev/null)

bytes=$(cat "${files[@]}" | wc -c)
echo "text: ${files[*]} ($((bytes / 1000000)) MB)"

# erg: one thread, whole process (reading, tokenizing, tagging), best of 3 runs.
best=""
for i in 1 2 3; do
    "$erg" tag --stats "${files[@]}" >/dev/null 2>"$here/.erg-stats"
    line=$(grep '^{' "$here/.erg-stats" | tail -1)
    tps=$(echo "$line" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["tokens_per_second"])')
    if [ -z "$best" ] || /usr/bin/python3 -c "import sys; sys.exit(0 if $tps > $best else 1)"; then best=$tps; erg_line=$line; fi
done
rm -f "$here/.erg-stats"
echo "erg:        $erg_line"
comp_line=$(node "$here/compromise_tag.js" "${files[@]}")
echo "compromise: $comp_line"
/usr/bin/python3 - "$erg_line" "$comp_line" <<'PY'
import json, sys
e, c = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("erg %.0f tokens/s, compromise %.0f tokens/s: erg is %.1fx faster"
      % (e["tokens_per_second"], c["tokens_per_second"],
         e["tokens_per_second"] / c["tokens_per_second"]))
PY
