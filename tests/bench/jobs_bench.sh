#!/usr/bin/env bash
# erg build -j N against -j 1, in the same run: prints the wall-clock time of
# each and the speed-up, and checks that every N wrote the same bytes.
#
# usage: tests/bench/jobs_bench.sh [-n RUNS] [-j "2 4 8"] [FILE.jsonl...]
#   FILE  JSON Lines articles (default: the largest corpus of
#         ../shared/data/raw, Reuters-21578; local use only, never committed)
#   -j    the thread counts to compare with 1 (default: 2, and the number of
#         processors when it is more)
#   -n    builds of each, alternating (default 5)
# The figure is the least wall time of each: on this shared virtual machine
# the same build takes 3.7 s or 6 s by turns, and only the fastest runs
# compare. Wall time, not CPU time: threads trade CPU for wall time. The
# whole build counts: loading the model, the boilerplate pass, reading, the
# pipelines, the corpus-level steps and writing. The erg is build/erg.
# Exit status 1 when the outputs differ.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=$root/build/erg
runs=5
cpus=$(nproc)
jobs="2"
[ "$cpus" -gt 2 ] && jobs="2 $cpus"
while getopts "n:j:" o; do
    case $o in
    n) runs=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
files=("$@")
[ ${#files[@]} -eq 0 ] && files=("$root/../shared/data/raw/reuters21578.jsonl")
[ -x "$erg" ] || { echo "jobs_bench: no erg binary at $erg (build first)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/erg-jobs-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

bytes=$(cat "${files[@]}" | wc -c)
echo "articles: ${files[*]} ($((bytes / 1000000)) MB), $cpus processors, $runs runs each"

# wall N: seconds of one build with -j N.
wall() {
    { /usr/bin/time -f '%e' "$erg" build --quiet -j "$1" "${files[@]}" -o "$work/g$1.json" >/dev/null; } 2>&1 | tail -1
}

declare -A best
for n in 1 $jobs; do best[$n]=""; done
for ((i = 0; i < runs; i++)); do
    for n in 1 $jobs; do
        t=$(wall "$n")
        if [ -z "${best[$n]}" ] || awk -v a="$t" -v b="${best[$n]}" 'BEGIN { exit !(a < b) }'; then
            best[$n]=$t
        fi
    done
done
status=0
printf '%-6s %8s %8s\n' "-j" "wall s" "speed-up"
for n in 1 $jobs; do
    printf '%-6s %8.2f %8.2f\n' "$n" "${best[$n]}" "$(awk -v a="${best[1]}" -v b="${best[$n]}" 'BEGIN { print a / b }')"
    if ! cmp -s "$work/g1.json" "$work/g$n.json"; then
        echo "jobs_bench: -j $n wrote other bytes than -j 1" >&2
        status=1
    fi
done
exit $status
