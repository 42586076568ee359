#!/usr/bin/env bash
# Out of memory is an error, never a hang (issue #15): one JSON line of
# 100 MB under a memory limit ends within a minute with a message naming the
# file, at several limits (each fails in another place: reading the line,
# the boilerplate pass's parse, the article's parse, the pipeline), and so
# does a graph file holding a 100 MB name. jansson's lexer used to retry a
# failed allocation for every byte of the string.
# The limit is `ulimit -v`; a sanitizer build reserves terabytes of address
# space and cannot run under it, so there the same limit is ASan's own
# malloc_limit_mb with malloc returning NULL.
. "$(dirname "$0")/lib.sh"

"$PY" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
text = "word " * 20_000_000
with open(w + "/big.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": text}) + "\n")
PY
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.json"
expect_rc 0 "build a small graph"
"$PY" - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
g = json.load(open(w + "/g.json"))
g["nodes"][0]["name"] = "N" * 100_000_000
json.dump(g, open(w + "/bigname.json", "w"))
PY

asan=0
ldd "$ERG" 2>/dev/null | grep -q libasan && asan=1

# limited MB CMD...: runs CMD under a memory limit of MB megabytes.
limited() {
    local mb=$1
    shift
    if [ $asan = 1 ]; then
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}malloc_limit_mb=$mb:allocator_may_return_null=1" \
            run timeout 120 "$@"
    else
        run bash -c 'ulimit -v $(($1 * 1024)); shift; exec timeout 120 "$@"' _ "$mb" "$@"
    fi
}

for mb in 300 450 800; do
    start=$(date +%s)
    # The line is over the default --max-article-bytes (8M): raise it, so that it is read.
    limited $mb "$ERG" build --quiet --max-article-bytes 200M "$WORK/big.jsonl" -o "$WORK/out.json"
    took=$(($(date +%s) - start))
    if [ "$RC" -ne 0 ] && [ "$RC" -ne 124 ]; then pass "a 100 MB line with $mb MB fails (exit $RC)"; else
        fail "a 100 MB line with $mb MB: exit $RC"; fi
    if [ $took -le 60 ]; then pass "within a minute ($took s)"; else fail "took $took s"; fi
    expect_err "out of memory" "a 100 MB line with $mb MB"
    no_crash "a 100 MB line with $mb MB"
done

for mb in 150 250 350; do
    start=$(date +%s)
    limited $mb "$ERG" query "$WORK/bigname.json" stats
    took=$(($(date +%s) - start))
    if [ "$RC" -ne 0 ] && [ "$RC" -ne 124 ]; then pass "a 100 MB name with $mb MB fails (exit $RC)"; else
        fail "a 100 MB name with $mb MB: exit $RC"; fi
    if [ $took -le 60 ]; then pass "within a minute ($took s)"; else fail "took $took s"; fi
    expect_err "'$WORK/bigname.json': out of memory" "a 100 MB name with $mb MB"
    no_crash "a 100 MB name with $mb MB"
done

finish
