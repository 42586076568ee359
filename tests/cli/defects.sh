#!/usr/bin/env bash
# The smaller defects of issue #15, each with the input that showed it:
# numeric ids that collided, an id cut at \u0000, a repeated id that aborted
# the build, a big number in a field erg does not read, an empty article
# (memset on NULL under UBSan), a model file read whole before its header
# was checked, and GraphML that the reader took in silence (undeclared keys,
# directed edges, hyperedges) or weights of 0.
. "$(dirname "$0")/lib.sh"

# ids: 1e300 and 1.0000000000000001e300 are one double, two ids as written.
cat >"$WORK/ids.jsonl" <<'J'
{"id": 1e300, "text": "Tony Blair met Gordon Brown in London."}
{"id": 1.0000000000000001e300, "text": "John Major met Gordon Brown in London."}
{"id": 123456789012345678901234567890, "text": "Gordon Brown met Tony Blair in Paris."}
{"id": "big", "views": 1e999, "shares": -99999999999999999999999, "text": "Gordon Brown met John Major in Paris."}
J
run "$ERG" build --quiet "$WORK/ids.jsonl" -o "$WORK/ids.json"
expect_rc 0 "numeric ids and big numbers"
got=$("$PY" -c 'import json,sys; print(" ".join(a["id"] for a in json.load(open(sys.argv[1]))["articles"]))' "$WORK/ids.json")
want="1.0000000000000001e300 123456789012345678901234567890 1e300 big"
if [ "$got" = "$want" ]; then pass "every id as written, big numbers read"; else fail "ids: '$got', want '$want'"; fi

# an id with a NUL: cut there, "a\u0000x" and "a\u0000y" would be one id.
printf '%s\n' '{"id": "a\u0000x", "text": "Tony Blair met Gordon Brown."}' >"$WORK/nul.jsonl"
run "$ERG" build --quiet "$WORK/nul.jsonl" -o "$WORK/nul.json"
expect_rc 1 "an id with NUL"
expect_err "'$WORK/nul.jsonl:1': NUL character in \"id\"" "an id with NUL"

# a repeated id: the first article is kept, the run goes on and says so.
printf '%s\n' '{"id": "a", "text": "Tony Blair met Gordon Brown in London."}' \
    '{"id": "a", "text": "John Major met Gordon Brown in London."}' \
    '{"id": "b", "text": "Paddy Ashdown met Gordon Brown in London."}' >"$WORK/dup.jsonl"
run "$ERG" build --quiet "$WORK/dup.jsonl" -o "$WORK/dup.json"
expect_rc 0 "a repeated id"
expect_err "skipped 1 article whose id an earlier article has (last: '$WORK/dup.jsonl:2': 'a')" "a repeated id"
n=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["articles"]))' "$WORK/dup.json")
if [ "$n" = 2 ]; then pass "the first of a repeated id is kept"; else fail "$n articles, want 2"; fi
run "$ERG" extract --quiet "$WORK/dup.jsonl"
lines=$(wc -l <"$WORK/out")
if [ "$lines" = 2 ]; then pass "extract passes over the repeat too"; else fail "extract: $lines lines, want 2"; fi

# articles with no token at all (UBSan: memset on NULL in the tagger).
printf '%s\n' '{"id": "z", "text": "\u200b\u200b"}' '{"id": "p", "text": "..."}' \
    '{"id": "q", "text": "Tony Blair met Gordon Brown."}' >"$WORK/empty.jsonl"
run "$ERG" build --quiet "$WORK/empty.jsonl" -o "$WORK/empty.json"
expect_rc 0 "articles without a token"
no_crash "articles without a token"

# a model file is checked by its header before it is read: /dev/zero ends at once.
run timeout 20 "$ERG" build --quiet --model /dev/zero "$FIXTURES/articles" -o "$WORK/m.json"
expect_rc 1 "--model /dev/zero"
expect_err "'/dev/zero': not an erg model file" "--model /dev/zero"
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.graphml"
expect_rc 0 "a GraphML file"
model="$(dirname "$FIXTURES")/data/erg.model"
{ cat "$model"; echo trailing; } >"$WORK/long.model"
run "$ERG" build --quiet --model "$WORK/long.model" "$FIXTURES/articles" -o "$WORK/m.json"
expect_rc 1 "a model file with bytes after its end"
expect_err "longer than the" "a model file with bytes after its end"

# A header announcing gigabytes that are not there allocates nothing of that
# size (libFuzzer found a 316-byte file that made erg ask for 3.3 GB): under a
# 1 GB limit (ASan: on any one allocation) it is a truncated model, not out of memory.
small="$TESTS_DIR/fuzz/regress/model/header-announces-3gb"
if ldd "$ERG" 2>/dev/null | grep -q libasan; then
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=1024:allocator_may_return_null=1" \
        run "$ERG" build --quiet --model "$small" "$FIXTURES/articles" -o "$WORK/m.json"
elif [ -z "${ERG_WRAPPER:-}" ]; then
    run bash -c 'ulimit -v 1048576; exec "$@"' _ "$ERG" build --quiet --model "$small" \
        "$FIXTURES/articles" -o "$WORK/m.json"
else
    run "$ERG" build --quiet --model "$small" "$FIXTURES/articles" -o "$WORK/m.json"
fi
expect_rc 1 "a model header announcing 3.3 GB"
expect_err "'$small': model uses features" "a model header announcing 3.3 GB: its header is refused"
if grep -q "out of memory" "$WORK/err"; then fail "a model header announcing 3.3 GB: out of memory"; else
    pass "a model header announcing 3.3 GB allocates nothing of that size"; fi

# GraphML the reader must refuse rather than misread.
sed 's/<data key="e_weight">/<data key="nokey">/' "$WORK/g.graphml" >"$WORK/k.graphml"
run "$ERG" query "$WORK/k.graphml" stats
expect_rc 1 "an undeclared key"
expect_err "<data key=\"nokey\"> refers to no <key> declared" "an undeclared key"
sed 's/edgedefault="undirected"/edgedefault="directed"/' "$WORK/g.graphml" >"$WORK/d.graphml"
run "$ERG" query "$WORK/d.graphml" stats
expect_rc 1 "a directed graph"
expect_err "directed graphs are not supported" "a directed graph"
sed '0,/<edge /s/<edge /<edge directed="true" /' "$WORK/g.graphml" >"$WORK/d2.graphml"
run "$ERG" query "$WORK/d2.graphml" stats
expect_rc 1 "a directed edge"
expect_err "directed edges are not supported" "a directed edge"
sed 's|</graph>|<hyperedge><endpoint node="cnn"/><endpoint node="npr"/></hyperedge></graph>|' \
    "$WORK/g.graphml" >"$WORK/h.graphml"
run "$ERG" query "$WORK/h.graphml" stats
expect_rc 1 "a hyperedge"
expect_err "hyperedges are not supported" "a hyperedge"
sed 's/<data key="e_weight">[0-9.]*</<data key="e_weight">0</' "$WORK/g.graphml" >"$WORK/w.graphml"
run "$ERG" query "$WORK/w.graphml" top
expect_rc 1 "a weight of 0 in GraphML"
expect_err "is not a number above 0" "a weight of 0 in GraphML"
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.json"
"$PY" -c '
import json, sys
g = json.load(open(sys.argv[1]))
g["links"][0]["weight"] = 0
json.dump(g, open(sys.argv[2], "w"))' "$WORK/g.json" "$WORK/w.json"
run "$ERG" query "$WORK/w.json" top
expect_rc 1 "a weight of 0 in a graph file"
expect_err "'$WORK/w.json'" "a weight of 0: the file is named"

finish
