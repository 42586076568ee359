#!/usr/bin/env bash
# erg merge: 4 shards built with --partial and merged, in two groupings and
# orders, give the bytes of one erg build over all the articles.
#
# The inputs: fixtures/shards/news.jsonl (48 invented articles whose surnames
# and acronyms fold into full names across shards) and the 50 plain-text
# articles of fixtures/variants, tests/wikinews/txt and fixtures/articles.
# Boilerplate is looked for with the default options: these inputs have no
# line that a source repeats in 5 articles (checked below), so each shard
# decides as the whole corpus does. Shards of real news share the decision
# with erg boilerplate and --boilerplate-from: tested at the end.
. "$(dirname "$0")/lib.sh"

# Shard k (0..3): every 4th line of news.jsonl and every 4th text file.
ls "$FIXTURES"/variants/*.txt "$TESTS_DIR"/wikinews/txt/*.txt "$FIXTURES"/articles/*.txt \
    >"$WORK/texts"
for k in 0 1 2 3; do
    mkdir -p "$WORK/shard$k"
    awk -v k=$k 'NR % 4 == k' "$FIXTURES/shards/news.jsonl" >"$WORK/shard$k/news.jsonl"
    awk -v k=$k 'NR % 4 == k' "$WORK/texts" >"$WORK/shard$k.texts"
done
all_inputs=()
for k in 0 1 2 3; do
    all_inputs+=("$WORK/shard$k/news.jsonl")
    mapfile -t -O ${#all_inputs[@]} all_inputs <"$WORK/shard$k.texts"
done

n_articles=$(($(wc -l <"$FIXTURES/shards/news.jsonl") + $(wc -l <"$WORK/texts")))

# same_bytes A B NAME
same_bytes() {
    if cmp -s "$1" "$2"; then pass "$3"; else fail "$3: $(cmp "$1" "$2" 2>&1 | head -1)"; fi
}

# check_options NAME EXT OPTIONS...: build over all, 4 partial shards (with the options in
# part_opts), two merges; all equal.
part_opts=()
check_options() {
    local name=$1 ext=$2
    shift 2
    run "$ERG" build --quiet ${part_opts[@]+"${part_opts[@]}"} "$@" "${all_inputs[@]}" \
        -o "$WORK/whole.$ext"
    expect_rc 0 "$name: build over all inputs"
    if grep -q boilerplate "$WORK/err"; then fail "$name: the inputs hold boilerplate"; fi
    for k in 0 1 2 3; do
        mapfile -t texts <"$WORK/shard$k.texts"
        run "$ERG" build --quiet --partial ${part_opts[@]+"${part_opts[@]}"} \
            "$WORK/shard$k/news.jsonl" "${texts[@]}" \
            -o "$WORK/part$k.json"
        expect_rc 0 "$name: partial build of shard $k"
    done
    # ((1+2)+(3+4)) through partial intermediates
    run "$ERG" merge --partial "$WORK/part0.json" "$WORK/part1.json" -o "$WORK/p01.json"
    expect_rc 0 "$name: merge --partial 1+2"
    run "$ERG" merge --partial "$WORK/part3.json" "$WORK/part2.json" -o "$WORK/p23.json"
    expect_rc 0 "$name: merge --partial 4+3"
    run "$ERG" merge "$@" "$WORK/p23.json" "$WORK/p01.json" -o "$WORK/grouped.$ext"
    expect_rc 0 "$name: merge of the two groups"
    same_bytes "$WORK/whole.$ext" "$WORK/grouped.$ext" "$name: ((1+2)+(3+4)) equals one build"
    # 4, 2, 3, 1 at once
    run "$ERG" merge "$@" "$WORK/part3.json" "$WORK/part1.json" "$WORK/part2.json" \
        "$WORK/part0.json" -o "$WORK/flat.$ext"
    expect_rc 0 "$name: merge 4,2,3,1"
    same_bytes "$WORK/whole.$ext" "$WORK/flat.$ext" "$name: 4,2,3,1 equals one build"
    # The summary counts every article of the parts, cited by evidence or not.
    expect_err "merged $WORK/flat.$ext: $n_articles articles from 4 parts" \
        "$name: the summary's article count"
}

check_options "default" json
for k in 0 1 2 3; do cp "$WORK/part$k.json" "$WORK/default$k.json"; done
# The shards fold across each other: corpus resolution had work to do.
run "$ERG" build --quiet --no-corpus-resolve "${all_inputs[@]}" -o "$WORK/unfolded.json"
n_folded=$($PY -c 'import json,sys
a, b = (len(json.load(open(p))["nodes"]) for p in sys.argv[1:])
print(b - a)' "$WORK/whole.json" "$WORK/unfolded.json")
if [ "$n_folded" -ge 5 ]; then pass "corpus resolution folded $n_folded nodes"; else
    fail "expected folds across shards, found $n_folded"; fi
check_options "analysis" json --rank pagerank --communities --min-weight 0.5
check_options "graphml" graphml --rank pagerank --communities --largest-component
part_opts=(--types person,agency,outlet,place --window paragraph)
check_options "all types" json --types person,agency,outlet,place --no-corpus-resolve

# ---- boilerplate shared through erg boilerplate / --boilerplate-from ------------------------
# fixtures/boilerplate/caption.jsonl: 6 articles of one source with the same caption line;
# 3 shards of 2 articles see it twice each, below the 5 that make it boilerplate.
B="$FIXTURES/boilerplate/caption.jsonl"
for k in 0 1 2; do awk -v k=$k 'NR % 3 == k' "$B" >"$WORK/cap$k.jsonl"; done
caps=("$WORK/cap0.jsonl" "$WORK/cap1.jsonl" "$WORK/cap2.jsonl")
run "$ERG" build --quiet "${caps[@]}" -o "$WORK/cap-whole.json"
expect_rc 0 "captions: build over all"
expect_err "6 boilerplate lines dropped" "captions: the whole corpus finds the caption"
run "$ERG" boilerplate "${caps[@]}" -o "$WORK/cap.sketch"
expect_rc 0 "erg boilerplate"
expect_err "6 articles of 1 source" "erg boilerplate summary"
run "$ERG" boilerplate "${caps[@]}" -o "$WORK/cap2.sketch"
same_bytes "$WORK/cap.sketch" "$WORK/cap2.sketch" "erg boilerplate writes the same bytes twice"
for k in 0 1 2; do
    run "$ERG" build --quiet --partial "$WORK/cap$k.jsonl" -o "$WORK/capq$k.json"
    run "$ERG" build --quiet --partial --boilerplate-from "$WORK/cap.sketch" "$WORK/cap$k.jsonl" \
        -o "$WORK/capp$k.json"
    expect_rc 0 "captions: partial build of shard $k with the detector"
    expect_err "2 boilerplate lines dropped" "captions: shard $k blanks the caption"
done
run "$ERG" merge "$WORK/capp2.json" "$WORK/capp0.json" "$WORK/capp1.json" -o "$WORK/cap-merged.json"
same_bytes "$WORK/cap-whole.json" "$WORK/cap-merged.json" "captions: shards with the detector equal one build"
run "$ERG" merge "$WORK/capq0.json" "$WORK/capq1.json" "$WORK/capq2.json" -o "$WORK/cap-q.json"
if cmp -s "$WORK/cap-whole.json" "$WORK/cap-q.json"; then
    fail "captions: shards without the detector should miss the caption (is the test still apt?)"
else pass "captions: without the detector the shards differ, as expected"; fi
run "$ERG" build --quiet --boilerplate-from "$WORK/cap.sketch" - -o "$WORK/cap-stdin.json" <"$B"
same_bytes "$WORK/cap-whole.json" "$WORK/cap-stdin.json" "captions: stdin with the detector"
# A damaged detector is refused with its name.
head -c 1000 "$WORK/cap.sketch" >"$WORK/cut.sketch"
run "$ERG" build --quiet --boilerplate-from "$WORK/cut.sketch" "$B" -o "$WORK/x.json"
expect_rc 1 "a cut detector"
expect_err "'$WORK/cut.sketch': cut short, or longer than its header says" "a cut detector"
run "$ERG" build --quiet --boilerplate-from "$WORK/default0.json" "$B" -o "$WORK/x.json"
expect_rc 1 "a graph given as a detector"
expect_err "not a boilerplate detector file" "a graph given as a detector"
run "$ERG" build --quiet --boilerplate-from "$WORK/cap.sketch" --keep-boilerplate "$B" -o "$WORK/x.json"
expect_rc 2 "--boilerplate-from with --keep-boilerplate"
run "$ERG" boilerplate - -o "$WORK/x.sketch" <"$B"
expect_rc 2 "erg boilerplate from stdin"

# ---- refusals ---------------------------------------------------------------------------
run "$ERG" build --quiet "$FIXTURES/variants" -o "$WORK/finished.json"
run "$ERG" merge "$WORK/default0.json" "$WORK/finished.json" -o "$WORK/x.json"
expect_rc 1 "a finished graph is refused"
expect_err "'$WORK/finished.json': a finished graph (built without --partial) cannot be merged exactly: its short forms are folded and its types filtered; build the shards with --partial" \
    "a finished graph is refused"
run "$ERG" merge "$WORK/default1.json" "$WORK/default1.json" -o "$WORK/x.json"
expect_rc 1 "a part merged with itself"
expect_err "is already in the graph: the parts must hold distinct articles" "a part merged with itself"
run "$ERG" build --quiet --partial --types person,agency,outlet,place "$WORK/shard0/news.jsonl" \
    -o "$WORK/pt.json"
run "$ERG" merge "$WORK/default1.json" "$WORK/pt.json" -o "$WORK/x.json"
expect_rc 1 "parts of other types"
expect_err "build every shard with the same --types" "parts of other types"
run "$ERG" merge "$WORK/default1.json" --types person,agency,outlet,place -o "$WORK/x.json"
expect_rc 1 "--types the parts were not built with"
run "$ERG" build --quiet --partial --evidence 5 "$WORK/shard0/news.jsonl" -o "$WORK/pe.json"
run "$ERG" merge "$WORK/default1.json" "$WORK/pe.json" -o "$WORK/x.json"
expect_rc 1 "parts with another evidence cap"
run "$ERG" build --partial --rank degree "$WORK/shard0/news.jsonl" -o "$WORK/x.json"
expect_rc 2 "build --partial --rank"
run "$ERG" build --partial "$WORK/shard0/news.jsonl" -o "$WORK/x.graphml"
expect_rc 2 "build --partial to GraphML"
run "$ERG" merge --partial --communities "$WORK/default1.json" -o "$WORK/x.json"
expect_rc 2 "merge --partial --communities"
run "$ERG" merge -o "$WORK/x.json"
expect_rc 2 "merge without parts"
run "$ERG" merge "$WORK/missing.json" -o "$WORK/x.json"
expect_rc 1 "a missing part"
no_crash "a missing part"
finish
