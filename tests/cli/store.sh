#!/usr/bin/env bash
# The SQLite store (erg build -o graph.db) and updates (erg build --update):
# - round trip: a store's tables dumped to native JSON are the bytes of a
#   build to .json, and erg query answers the same from either;
# - update equivalence: A then --update B gives the graph of one build over
#   A and B (store and partial JSON), and the same update again changes
#   nothing (its articles are skipped and counted);
# - kill -9 at random points of an update, 50 times (four in five within its
#   write transaction, found by the journal SQLite creates): the store opens,
#   passes PRAGMA integrity_check, and holds the old graph or the new one.
# Inputs: fixtures/shards/news.jsonl (48 invented articles, no boilerplate)
# and a corpus that tests/cli/make_corpus.py makes, big enough that an update
# takes about 0.3 s on an idle machine.
. "$(dirname "$0")/lib.sh"

same_bytes() {
    if cmp -s "$1" "$2"; then pass "$3"; else fail "$3: $(cmp "$1" "$2" 2>&1 | head -1)"; fi
}

# integrity DB: prints what PRAGMA integrity_check says (Python's sqlite3: always there).
integrity() {
    "$PY" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1" 2>&1
}

news="$FIXTURES/shards/news.jsonl"
head -n 30 "$news" >"$WORK/A.jsonl"
tail -n +31 "$news" >"$WORK/B.jsonl"

# ---- round trip -------------------------------------------------------------------------
run "$ERG" build --quiet "$news" -o "$WORK/ab.json"
expect_rc 0 "build to .json"
run "$ERG" build --quiet "$news" -o "$WORK/ab.db"
expect_rc 0 "build to .db"
expect_err "built $WORK/ab.db: 48 articles" "build to .db: summary line"
run "$ERG" query "$WORK/ab.db" dump -o "$WORK/ab_dump.json"
expect_rc 0 "query dump of the store"
same_bytes "$WORK/ab.json" "$WORK/ab_dump.json" "store dumped equals the build to .json"
run "$ERG" build --quiet --format sqlite "$news" -o "$WORK/ab.store"
expect_rc 0 "--format sqlite with another extension"
if [ "$(integrity "$WORK/ab.store")" = ok ]; then pass "--format sqlite writes a store"; else
    fail "--format sqlite: not an SQLite file"; fi
# The same answers from either file.
"$ERG" query "$WORK/ab.json" top -n 3 --tsv | awk -F'\t' 'NR > 1 {print $2}' >"$WORK/names"
mapfile -t names <"$WORK/names"
if [ "${#names[@]}" -eq 3 ]; then pass "three names to ask about"; else fail "top gave ${#names[@]} names"; fi
queries=("neighbors|${names[0]}" "neighbors|${names[1]}" "neighbors|${names[2]}"
    "neighbors|Mr ${names[0]}" "neighbors|${names[0]}x" "ego|${names[0]}"
    "subgraph|${names[0]}|${names[1]}" "top|--by|pagerank" "top|--by|betweenness" "path|${names[0]}|${names[2]}"
    "evidence|${names[0]}|${names[1]}" "find|${names[1]%% *}" "stats" "outlets|${names[0]}"
    "communities")
for q in "${queries[@]}"; do
    IFS='|' read -r -a args <<<"$q"
    "$ERG" query "$WORK/ab.json" "${args[@]}" --json >"$WORK/q_json" 2>&1
    "$ERG" query "$WORK/ab.db" "${args[@]}" --json >"$WORK/q_db" 2>&1
    if [ -s "$WORK/q_json" ] && cmp -s "$WORK/q_json" "$WORK/q_db"; then
        pass "query ${args[*]}: same answer from .json and .db"
    else fail "query ${args[*]}: answers differ"; diff "$WORK/q_json" "$WORK/q_db" | head -5; fi
done
# The browsable tables hold what the file holds.
counts=$("$PY" - "$WORK/ab.db" "$WORK/ab.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); g = json.load(open(sys.argv[2]))
c = lambda t: db.execute("select count(*) from " + t).fetchone()[0]
ok = (c("entities") == len(g["nodes"]) and c("edges") == len(g["links"]) and
      c("articles") == len(g["articles"]) and c("article_ids") == len(g["article_ids"]) and
      c("sentences") == len(g["sentences"]) and
      c("evidence") == sum(len(l["evidence"]) for l in g["links"]) and
      db.execute("pragma foreign_key_check").fetchall() == [])
print("ok" if ok else "differ")
PY
)
if [ "$counts" = ok ]; then pass "table row counts match the file, foreign keys hold"; else
    fail "table row counts or foreign keys: $counts"; fi

# ---- updates ----------------------------------------------------------------------------
run "$ERG" build --quiet "$WORK/A.jsonl" -o "$WORK/u.db"
expect_rc 0 "build A to a store"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/u.db"
expect_rc 0 "--update with B"
expect_err "updated $WORK/u.db: 18 articles" "--update: summary line"
"$ERG" query "$WORK/u.db" dump -o "$WORK/u1.json"
same_bytes "$WORK/ab.json" "$WORK/u1.json" "A then --update B equals one build over A and B"
cp "$WORK/u.db" "$WORK/u_before.db"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/u.db"
expect_rc 0 "the same update again"
expect_err "skipped 18 articles already in the graph" "the same update again: skipped, counted"
"$ERG" query "$WORK/u.db" dump -o "$WORK/u2.json"
same_bytes "$WORK/u1.json" "$WORK/u2.json" "the same update again changes nothing"
same_bytes "$WORK/u_before.db" "$WORK/u.db" "the same update again leaves the store file untouched"
run "$ERG" merge "$WORK/u.db" -o "$WORK/u_merged.json"
expect_rc 0 "erg merge takes a store"
same_bytes "$WORK/ab.json" "$WORK/u_merged.json" "erg merge of a store equals the build"
# Partial graphs merged into a store, then updated.
run "$ERG" build --quiet --partial "$WORK/A.jsonl" -o "$WORK/pa.json"
run "$ERG" build --quiet --partial "$WORK/B.jsonl" -o "$WORK/pb.json"
run "$ERG" merge "$WORK/pb.json" "$WORK/pa.json" -o "$WORK/m.db"
expect_rc 0 "erg merge of two parts into a store"
"$ERG" query "$WORK/m.db" dump -o "$WORK/m.json"
same_bytes "$WORK/ab.json" "$WORK/m.json" "parts merged into a store equal the build"
run "$ERG" merge "$WORK/pa.json" -o "$WORK/m2.db"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/m2.db"
expect_rc 0 "update of a store that erg merge wrote"
"$ERG" query "$WORK/m2.db" dump -o "$WORK/m2.json"
same_bytes "$WORK/ab.json" "$WORK/m2.json" "a merged store updated with B equals the build"
# Analysis options recorded and run again.
run "$ERG" build --quiet "$news" --rank pagerank --communities --iterations 3 -o "$WORK/r.json"
run "$ERG" build --quiet "$WORK/A.jsonl" --rank pagerank --communities --iterations 3 -o "$WORK/r.db"
expect_rc 0 "build with --rank and --communities to a store"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/r.db"
expect_rc 0 "update of a store with analysis options"
expect_err "(leiden, 3 iterations)" "the update runs the recorded analysis options"
ranks=$("$PY" - "$WORK/r.db" "$WORK/r.json" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); g = json.load(open(sys.argv[2]))
got = {k: (p, c) for k, p, c in db.execute("select key, pagerank, community from entities")}
want = {n["id"]: (n["pagerank"], n["community"]) for n in g["nodes"]}
print("ok" if got == want else "differ")
PY
)
if [ "$ranks" = ok ]; then pass "the store's pagerank and community columns after an update equal a build's"; else
    fail "pagerank/community columns: $ranks"; fi
# Options that disagree with the store are refused; a finished JSON cannot be updated.
run "$ERG" build --quiet "$WORK/B.jsonl" --types person --update "$WORK/u.db"
expect_rc 2 "--update with other --types"
expect_err "was built with --types person,agency,outlet" "--update with other --types"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/ab.json"
expect_rc 1 "--update of a finished JSON graph"
expect_err "build it with --partial, or to an SQLite store" "--update of a finished JSON graph"
run "$ERG" build --quiet "$news" -o -  --format sqlite
expect_rc 2 "a store to stdout"
# A partial native JSON is updated by rewrite.
run "$ERG" build --quiet --partial "$WORK/A.jsonl" -o "$WORK/p.json"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/p.json"
expect_rc 0 "--update of a partial JSON"
run "$ERG" build --quiet "$WORK/B.jsonl" --update "$WORK/p.json"
expect_err "skipped 18 articles already in the graph" "partial JSON: the same update again skips"
"$ERG" merge "$WORK/p.json" -o "$WORK/p_merged.json" 2>/dev/null
same_bytes "$WORK/ab.json" "$WORK/p_merged.json" "partial JSON: A then --update B, merged, equals the build"

# ---- kill -9 at random points -----------------------------------------------------------
# A store of 590 articles keeping every evidence sentence (3.5 MB), updated with 10: writing
# the store is then a good part of the update, so kills come inside its transaction too.
"$PY" "$TESTS_DIR/cli/make_corpus.py" "$FIXTURES" 600 "$WORK/big.jsonl"
head -n 590 "$WORK/big.jsonl" >"$WORK/bigA.jsonl"
tail -n 10 "$WORK/big.jsonl" >"$WORK/bigB.jsonl"
"$ERG" build --quiet -j 1 --evidence 1000 "$WORK/bigA.jsonl" -o "$WORK/base.db" 2>/dev/null
"$ERG" query "$WORK/base.db" dump -o "$WORK/old.json"
cp "$WORK/base.db" "$WORK/new.db"
# One update watched: when its journal appears (the write transaction begins) and when it ends.
now_ms() { echo $(($(date +%s%N) / 1000000)); }
t0=$(now_ms) tw=
"$ERG" build --quiet -j 1 "$WORK/bigB.jsonl" --update "$WORK/new.db" 2>/dev/null &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
    [ -z "$tw" ] && [ -e "$WORK/new.db-journal" ] && tw=$(now_ms)
    sleep 0.002
done
wait "$pid"
t1=$(now_ms)
"$ERG" query "$WORK/new.db" dump -o "$WORK/new.json"
span=$((t1 - t0 + 10))
wspan=$((t1 - ${tw:-$((t1 - 50))} + 10))
echo "# an update takes $((t1 - t0)) ms, its write transaction about $((wspan - 10)) ms;" \
    "every 5th kill at random in 0..$span ms, the others at random in 0..$wspan ms" \
    "after the journal appears"
n_old=0 n_new=0 n_bad=0 n_mid=0
for i in $(seq 1 50); do
    cp "$WORK/base.db" "$WORK/k.db"
    rm -f "$WORK/k.db-journal"
    "$ERG" build --quiet -j 1 "$WORK/bigB.jsonl" --update "$WORK/k.db" 2>/dev/null &
    pid=$!
    limit=$span
    if [ $((i % 5)) -ne 0 ]; then
        limit=$wspan
        while kill -0 "$pid" 2>/dev/null && [ ! -e "$WORK/k.db-journal" ]; do sleep 0.002; done
    fi
    sleep "$(awk -v s=$limit -v r=$RANDOM 'BEGIN {printf "%.3f", s * r / 32768 / 1000}')"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # A journal left behind: the kill came inside the write transaction.
    [ -e "$WORK/k.db-journal" ] && n_mid=$((n_mid + 1))
    if [ "$(integrity "$WORK/k.db")" != ok ]; then
        n_bad=$((n_bad + 1)); continue
    fi
    if ! "$ERG" query "$WORK/k.db" dump -o "$WORK/k.json" 2>/dev/null; then
        n_bad=$((n_bad + 1))
    elif cmp -s "$WORK/k.json" "$WORK/old.json"; then n_old=$((n_old + 1))
    elif cmp -s "$WORK/k.json" "$WORK/new.json"; then n_new=$((n_new + 1))
    else n_bad=$((n_bad + 1)); fi
done
echo "# 50 kills: $n_old left the old graph, $n_new the new one, $n_bad neither;" \
    "$n_mid came inside the write transaction (a journal was left)"
if [ "$n_bad" -eq 0 ]; then pass "kill -9 at 50 random points: the store is whole, old or new"; else
    fail "kill -9: $n_bad of 50 stores broken or neither old nor new"; fi
if [ "$n_mid" -gt 0 ]; then pass "some kills came inside the write transaction ($n_mid)"; else
    fail "no kill came inside the write transaction: the loop tested nothing"; fi

finish
