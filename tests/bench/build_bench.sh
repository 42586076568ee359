#!/usr/bin/env bash
# erg build throughput against an earlier erg, on the same news, in the same
# run: prints MB of articles per CPU second for each and the ratio.
#
# usage: tests/bench/build_bench.sh [BASE] [FILE.jsonl...]
#   BASE  the baseline: an erg binary, or a git revision of this repository
#         that is built into a temporary worktree (default: 8f42de3, erg as
#         it was before corpus-level resolution and the Newman weights)
#   FILE  JSON Lines articles (default: Reuters-21578 and BBC News from
#         ../shared/data/raw, 21 MB; local use only, never committed)
# Each binary builds a native graph file from all the files, 7 times,
# alternating, one thread (-j 1); the figure is the least CPU time (user + sys) of
# the whole process: reading, the per-article pipeline, the corpus-level
# steps and writing. The least, not the median: on this shared virtual
# machine the same run takes 4.5 s or 6.3 s by turns, whatever the binary,
# and only the fastest runs of each compare the programs. The current erg
# is build/erg.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=$root/build/erg
base=${1:-8f42de3}
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    raw=$root/../shared/data/raw
    files=("$raw/reuters21578.jsonl" "$raw/bbc.jsonl")
fi
[ -x "$erg" ] || { echo "build_bench: no erg binary at $erg (build first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/erg-build-bench.XXXXXX")
cleanup() {
    if [ -d "$work/base" ]; then git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [ -x "$base" ]; then
    base_erg=$base
    base_data=""
else
    echo "building the baseline erg at $base ..."
    git -C "$root" worktree add -q --detach "$work/base" "$base"
    (cd "$work/base" && meson setup build >/dev/null && ninja -C build erg >/dev/null)
    base_erg=$work/base/build/erg
    base_data=$work/base/data
fi

bytes=$(cat "${files[@]}" | wc -c)
echo "articles: ${files[*]} ($((bytes / 1000000)) MB)"

# One thread: an erg that knows -j is asked for -j 1 (tests/bench/jobs_bench.sh
# measures threads).
jobs_opt() { if "$1" build --help 2>/dev/null | grep -q -- '--jobs'; then echo "-j 1"; fi; }
base_jobs=$(jobs_opt "$base_erg")
new_jobs=$(jobs_opt "$erg")

# cpu BINARY DATA JOBS: CPU seconds (user + sys) of one build.
cpu() {
    local bin=$1 data=$2 jobs=$3
    local t
    if [ -n "$data" ]; then
        # shellcheck disable=SC2086
        t=$( { ERG_DATA=$data /usr/bin/time -f '%U %S' "$bin" build --quiet $jobs "${files[@]}" -o "$work/g.json" >/dev/null; } 2>&1 | tail -1)
    else
        # shellcheck disable=SC2086
        t=$( { /usr/bin/time -f '%U %S' "$bin" build --quiet $jobs "${files[@]}" -o "$work/g.json" >/dev/null; } 2>&1 | tail -1)
    fi
    echo "$t" | awk '{print $1 + $2}'
}
: >"$work/base.t"
: >"$work/new.t"
for i in 1 2 3 4 5 6 7; do
    cpu "$base_erg" "$base_data" "$base_jobs" >>"$work/base.t"
    cpu "$erg" "" "$new_jobs" >>"$work/new.t"
done
/usr/bin/python3 - "$bytes" "$work/base.t" "$work/new.t" <<'PY'
import sys
mb = int(sys.argv[1]) / 1e6
b = min(float(x) for x in open(sys.argv[2]))
n = min(float(x) for x in open(sys.argv[3]))
print("baseline: %.2f s CPU, %.2f MB/s" % (b, mb / b))
print("erg:      %.2f s CPU, %.2f MB/s" % (n, mb / n))
print("erg build runs at %.2f of the baseline's speed (%+.1f%%)" % (b / n, (b / n - 1) * 100))
PY
