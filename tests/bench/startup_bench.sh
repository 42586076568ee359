#!/usr/bin/env bash
# Start-up time of erg: runs `erg tag` (or another command) on a one-line
# article RUNS times and prints the median wall time in milliseconds. Loading
# the model is most of it.
#
# usage: tests/bench/startup_bench.sh [ERG] [RUNS] [COMMAND]
#   ERG      the erg binary (default: build/erg)
#   RUNS     number of runs (default: 20)
#   COMMAND  tag or extract (default: tag)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
erg=${1:-$root/build/erg}
runs=${2:-20}
cmd=${3:-tag}
[ -x "$erg" ] || { echo "startup_bench: no erg binary at $erg (build first)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "North Korean leader Kim Jong-un met President Moon Jae-in in Seoul, Yonhap reported." \
    > "$tmp/one.txt"
/usr/bin/python3 - "$erg" "$cmd" "$tmp/one.txt" "$runs" <<'PY'
import statistics, subprocess, sys, time
erg, cmd, path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
argv = [erg, cmd, "--quiet", path]
subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)  # warm the page cache
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - t) * 1000)
print("erg %s on a one-line article: median %.1f ms over %d runs (min %.1f, max %.1f)"
      % (cmd, statistics.median(times), runs, min(times), max(times)))
PY
