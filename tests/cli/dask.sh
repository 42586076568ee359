#!/usr/bin/env bash
# contrib/erg_dask.py: 4 shards built by `erg build --partial` on a Dask
# LocalCluster of two worker processes on 127.0.0.1 and merged there by
# `erg merge` give the bytes of one `erg build` over the 4 shards.
# Skipped (exit 77) where python3-distributed is not installed.
# --boilerplate: the detector of the whole corpus goes to every shard (a
# first task runs erg boilerplate; merge.sh tests that path on captions).
. "$(dirname "$0")/lib.sh"

if ! $PY -c 'import distributed' 2>/dev/null; then
    echo "SKIP: python3-distributed not installed"
    exit 77
fi
DASK="$TESTS_DIR/../contrib/erg_dask.py"

# Shard k (0..3): a folder with every 4th line of news.jsonl and every 4th text file.
ls "$FIXTURES"/variants/*.txt "$TESTS_DIR"/wikinews/txt/*.txt >"$WORK/texts"
for k in 0 1 2 3; do
    mkdir -p "$WORK/shard$k"
    awk -v k=$k 'NR % 4 == k' "$FIXTURES/shards/news.jsonl" >"$WORK/shard$k/news.jsonl"
    awk -v k=$k 'NR % 4 == k' "$WORK/texts" | while read -r f; do cp "$f" "$WORK/shard$k/"; done
done
shards=("$WORK/shard0" "$WORK/shard1" "$WORK/shard2" "$WORK/shard3")

run "$ERG" build --quiet "${shards[@]}" -o "$WORK/whole.graphml" --rank pagerank --communities
expect_rc 0 "erg build over the 4 shards"
run "$PY" "$DASK" --erg "$ERG" --workers 2 --parts "$WORK/parts" --boilerplate \
    -o "$WORK/dask.graphml" "${shards[@]}" -- --rank pagerank --communities
expect_rc 0 "erg_dask.py on a LocalCluster of 2 workers"
if cmp -s "$WORK/whole.graphml" "$WORK/dask.graphml"; then pass "Dask result equals erg build"; else
    fail "Dask result differs from erg build"; fi
n=$(ls "$WORK/parts"/part-*.json 2>/dev/null | wc -l)
if [ "$n" -eq 4 ]; then pass "4 partial graphs"; else fail "expected 4 partial graphs, found $n"; fi
if [ -s "$WORK/parts/lines.sketch" ]; then pass "the boilerplate detector was made"; else
    fail "no boilerplate detector in the parts folder"; fi

# A failing map task fails the run with erg's message.
run "$PY" "$DASK" --erg "$ERG" --workers 2 -o "$WORK/x.json" "$WORK/missing"
expect_rc 1 "a missing shard"
expect_err "erg_dask:" "a missing shard names the failing command"
finish
