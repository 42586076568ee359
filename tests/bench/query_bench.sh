#!/usr/bin/env bash
# Times erg query on a synthetic graph: by default 100,000 entities and
# 1,000,000 co-mention edges in the native format (gen_graph.py: planted
# communities of 50, a spanning tree, weights 1/2/4/8), laid out as erg writes
# a graph (version 3, nodes and links sorted), since a file erg wrote is what
# users reopen. Not part of meson test.
#
#   tests/bench/query_bench.sh [ERG] [ENTITIES] [EDGES]
#
# ERG defaults to build/erg. Each erg command runs ERG_BENCH_RUNS times
# (default 3) and shows its least time. The graph is written once to
# ${ERG_BENCH_DIR:-/tmp/erg-bench} and reused while its size matches.
set -u
here=$(cd "$(dirname "$0")" && pwd)
erg=${1:-$here/../../build/erg}
n=${2:-100000}
m=${3:-1000000}
dir=${ERG_BENCH_DIR:-/tmp/erg-bench}
graph="$dir/graph-$n-$m-v3.json" # -v3: older scripts wrote version 1 here
mkdir -p "$dir"
[ -x "$erg" ] || { echo "query_bench.sh: no erg binary at '$erg'" >&2; exit 2; }

if [ ! -s "$graph" ]; then
    echo "generating $graph ..."
    start=$(date +%s.%N)
    /usr/bin/python3 "$here/gen_graph.py" --entities "$n" --edges "$m" -o "$graph.tmp" && mv "$graph.tmp" "$graph" || exit 1
    echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
echo "graph: $graph ($n entities, $m edges, $(du -m "$graph" | cut -f1) MB)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo

last=$((n - 1))
printf '%-44s %10s %10s\n' "command" "seconds" "max RSS"
echo "(least of ${ERG_BENCH_RUNS:-3} runs)"
# Each command runs ERG_BENCH_RUNS times (default 3) and shows its least time:
# the machine this was written on is shared, and one run can take twice another.
runs=${ERG_BENCH_RUNS:-3}
bench() {
    local label=$1
    shift
    local secs="" kb=0 rc=0 r s k
    for ((r = 0; r < runs; r++)); do
        /usr/bin/time -f '%e %M' -o "$dir/time" "$erg" query "$graph" "$@" >"$dir/out" 2>"$dir/err"
        rc=$?
        read -r s k <"$dir/time"
        [ $rc -ne 0 ] && { secs=$s; break; }
        if [ -z "$secs" ] || [ "$(echo "$s < $secs" | bc)" = 1 ]; then
            secs=$s
            kb=$k
        fi
    done
    last_secs=$secs
    if [ $rc -ne 0 ]; then
        printf '%-44s %10s  (exit %d: %s)\n' "$label" "$secs" "$rc" "$(head -1 "$dir/err")"
    else
        printf '%-44s %10s %7d MB\n' "$label" "$secs" $((kb / 1024))
    fi
}
bench "load + stats" stats
bench "load + neighbors" neighbors "Entity 0" -n 5
bench "load + top --by pagerank" top --by pagerank -n 10
pr_secs=$last_secs
bench "load + top --by degree" top --by degree -n 10
bench "load + path (k = 1)" path "Entity 1" "Entity $last"
bench "load + path -k 3" path "Entity 1" "Entity $last" -k 3
bench "load + communities (leiden)" communities
bench "load + communities --method louvain" communities --method louvain
bench "load + ego --depth 1 -o ego.json" ego "Entity 0" -o "$dir/ego.json"
echo
echo "top --by pagerank:"; "$erg" query "$graph" top -n 3
echo "communities:"; "$erg" query "$graph" communities -n 3 | head -1

# Baseline in the same run: networkx (Debian's, with /usr/bin/python3) loading
# the same node-link file and computing the same weighted PageRank, as a user
# of a Python notebook would. Skipped with ERG_BENCH_NO_BASELINE=1.
if [ "${ERG_BENCH_NO_BASELINE:-0}" != 1 ]; then
    /usr/bin/time -f '%e %M' -o "$dir/time" /usr/bin/python3 - "$graph" >"$dir/out" 2>"$dir/err" <<'PY'
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1]))
G = nx.Graph()
G.add_nodes_from(n["id"] for n in data["nodes"])
for l in data["links"]:
    if l["kind"] == "co_mention":
        G.add_edge(l["source"], l["target"], weight=l["weight"])
pr = nx.pagerank(G, alpha=0.85, weight="weight")
print(max(pr, key=pr.get))
PY
    rc=$?
    read -r nx_secs nx_kb <"$dir/time"
    erg_secs=$pr_secs # the least of its runs above
    if [ $rc -eq 0 ]; then
        printf '\nbaseline, networkx load + pagerank: %s s, %d MB; erg load + top --by pagerank: %s s: erg is %sx faster\n' \
            "$nx_secs" $((nx_kb / 1024)) "$erg_secs" \
            "$(/usr/bin/python3 -c "print('%.1f' % ($nx_secs / $erg_secs))")"
    else
        echo "baseline failed: $(head -1 "$dir/err")"
    fi
    # python-igraph (Debian's python3-igraph): the same file through json, the same PageRank.
    /usr/bin/time -f '%e %M' -o "$dir/time" /usr/bin/python3 - "$graph" >"$dir/out" 2>"$dir/err" <<'PY'
import json, sys
import igraph as ig
data = json.load(open(sys.argv[1]))
ids = {n["id"]: i for i, n in enumerate(data["nodes"])}
pairs, weights = [], []
for l in data["links"]:
    if l["kind"] == "co_mention":
        pairs.append((ids[l["source"]], ids[l["target"]]))
        weights.append(l["weight"])
G = ig.Graph(n=len(ids), edges=pairs)
pr = G.pagerank(weights=weights, damping=0.85)
print(max(range(len(pr)), key=pr.__getitem__))
PY
    rc=$?
    read -r ig_secs ig_kb <"$dir/time"
    if [ $rc -eq 0 ]; then
        printf 'baseline, python-igraph load + pagerank: %s s, %d MB\n' "$ig_secs" $((ig_kb / 1024))
    else
        echo "python-igraph baseline failed: $(head -1 "$dir/err")"
    fi
fi
