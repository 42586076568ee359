#!/usr/bin/env bash
# Times erg query neighbors from an SQLite store against the native JSON file
# of the same synthetic graph (gen_graph.py: by default 100,000 entities and
# 1,000,000 co-mention edges), and networkx and python-igraph (Debian's, with
# /usr/bin/python3) loading the JSON file and listing the same neighbours, in
# the same run. Not part of meson test.
#
#   tests/bench/store_bench.sh [ERG] [ENTITIES] [EDGES]
#
# The store is made once from the graph: the file is marked partial (types
# person, agency, outlet; sentence windows) and `erg merge` writes it to
# .db, as a store erg build wrote. Files are kept in
# ${ERG_BENCH_DIR:-/tmp/erg-bench} and reused while their size matches. Each
# time is the least of 3 runs (the machine is shared).
set -u
here=$(cd "$(dirname "$0")" && pwd)
erg=${1:-$here/../../build/erg}
n=${2:-100000}
m=${3:-1000000}
dir=${ERG_BENCH_DIR:-/tmp/erg-bench}
graph="$dir/graph-$n-$m-v3.json"
store="$dir/graph-$n-$m-v3.db"
mkdir -p "$dir"
[ -x "$erg" ] || { echo "store_bench.sh: no erg binary at '$erg'" >&2; exit 2; }
if [ ! -s "$graph" ]; then
    echo "generating $graph ..."
    /usr/bin/python3 "$here/gen_graph.py" --entities "$n" --edges "$m" -o "$graph.tmp" &&
        mv "$graph.tmp" "$graph" || exit 1
fi
if [ ! -s "$store" ] || [ "$store" -ot "$graph" ]; then
    echo "writing $store ..."
    sed -E '0,/"max_evidence":([0-9]+)\}/s//"max_evidence":\1,"partial":true,"types":"person,agency,outlet","window":"sentence"}/' \
        "$graph" >"$dir/partial.json" || exit 1
    "$erg" merge "$dir/partial.json" -o "$store" || exit 1
    rm -f "$dir/partial.json"
fi
echo "graph: $graph ($(du -m "$graph" | cut -f1) MB), store: $store ($(du -m "$store" | cut -f1) MB)"
name="Entity 12345"

# best LABEL CMD...: the least wall time of 3 runs.
best() {
    local label=$1 t b=""
    shift
    for _ in 1 2 3; do
        /usr/bin/time -f '%e' -o "$dir/time" "$@" >"$dir/out" 2>/dev/null
        t=$(tail -1 "$dir/time")
        if [ -z "$b" ] || awk -v a="$t" -v b="$b" 'BEGIN { exit !(a < b) }'; then b=$t; fi
    done
    printf '%-48s %6s s\n' "$label" "$b"
}
best "erg: load + neighbors, from the store" "$erg" query "$store" neighbors "$name" -n 10
cp "$dir/out" "$dir/nb-store"
best "erg: load + neighbors, from the JSON file" "$erg" query "$graph" neighbors "$name" -n 10
if cmp -s "$dir/out" "$dir/nb-store"; then echo "(the same answer from both)"; else
    echo "store_bench.sh: the store and the JSON file answer differently" >&2; exit 1; fi
cat >"$dir/nx.py" <<'PY'
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1]))
G = nx.Graph()
for l in data["links"]:
    if l["kind"] == "co_mention":
        G.add_edge(l["source"], l["target"], weight=l["weight"])
key = sys.argv[2].lower()
print(sorted(G[key].items(), key=lambda kv: -kv[1]["weight"])[:10])
PY
cat >"$dir/ig.py" <<'PY'
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
G.es["weight"] = weights
v = ids[sys.argv[2].lower()]
print(sorted(((G.es[e]["weight"], e) for e in G.incident(v)), reverse=True)[:10])
PY
best "networkx: load JSON + neighbors" /usr/bin/python3 "$dir/nx.py" "$graph" "$name"
best "python-igraph: load JSON + neighbors" /usr/bin/python3 "$dir/ig.py" "$graph" "$name"
