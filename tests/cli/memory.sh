#!/usr/bin/env bash
# Out of memory is an error, never a hang (issue #15): one JSON line of
# 100 MB under a memory limit ends within a minute with a message naming the
# file, at several limits (each fails in another place: reading the line,
# the boilerplate pass's parse, the article's parse, the pipeline), and so
# does a graph file holding a 100 MB name. jansson's lexer used to retry a
# failed allocation for every byte of the string.
# The limit is `ulimit -v`. A sanitizer build reserves terabytes of address
# space and cannot run under it, and ASan's malloc_limit_mb has no effect in
# Debian's libasan; there the limit is ASan's max_allocation_size_mb (any
# one allocation over it fails, with malloc returning NULL), on 8 MB instead
# of 100 MB, since jansson's byte-by-byte copies through ASan's interceptors
# take minutes on 100 MB.
. "$(dirname "$0")/lib.sh"
# Under `meson test --setup valgrind` the limit would fall on valgrind, which
# needs far more address space than erg: nothing of erg would be measured.
if [ -n "${ERG_WRAPPER:-}" ]; then
    echo "SKIP: a memory limit on erg under '$ERG_WRAPPER' measures the wrapper, not erg"
    exit 77
fi

asan=0
ldd "$ERG" 2>/dev/null | grep -q libasan && asan=1
if [ $asan = 1 ]; then
    size=8000000 line_limits="4 10 16" name_limits="2 6"
else
    size=100000000 line_limits="300 450 800" name_limits="150 250 350"
fi

"$PY" - "$WORK" "$size" <<'PY'
import json, sys
w, size = sys.argv[1], int(sys.argv[2])
with open(w + "/big.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": "word " * (size // 5)}) + "\n")
PY
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.json"
expect_rc 0 "build a small graph"
"$PY" - "$WORK" "$size" <<'PY'
import json, sys
w, size = sys.argv[1], int(sys.argv[2])
g = json.load(open(w + "/g.json"))
g["nodes"][0]["name"] = "N" * size
json.dump(g, open(w + "/bigname.json", "w"))
PY

# limited MB CMD...: runs CMD under a memory limit of MB megabytes.
limited() {
    local mb=$1
    shift
    if [ $asan = 1 ]; then
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_allocation_size_mb=$mb:allocator_may_return_null=1" \
            run timeout 120 "$@"
        # ASan says so when malloc returns NULL: that is the limit working, not a fault.
        grep -v 'WARNING: AddressSanitizer failed to allocate' "$WORK/err" >"$WORK/err2"
        mv "$WORK/err2" "$WORK/err"
    else
        run bash -c 'ulimit -v $(($1 * 1024)); shift; exec timeout 120 "$@"' _ "$mb" "$@"
    fi
}

for mb in $line_limits; do
    start=$(date +%s)
    # The line is over the default --max-article-bytes (8M): raise it, so that it is read.
    limited $mb "$ERG" build --quiet --max-article-bytes 200M "$WORK/big.jsonl" -o "$WORK/out.json"
    took=$(($(date +%s) - start))
    if [ "$RC" -ne 0 ] && [ "$RC" -ne 124 ]; then pass "a $((size / 1000000)) MB line with $mb MB fails (exit $RC)"; else
        fail "a $((size / 1000000)) MB line with $mb MB: exit $RC"; fi
    if [ $took -le 60 ]; then pass "within a minute ($took s)"; else fail "took $took s"; fi
    expect_err "out of memory" "a $((size / 1000000)) MB line with $mb MB"
    no_crash "a $((size / 1000000)) MB line with $mb MB"
done

for mb in $name_limits; do
    start=$(date +%s)
    limited $mb "$ERG" query "$WORK/bigname.json" stats
    took=$(($(date +%s) - start))
    if [ "$RC" -ne 0 ] && [ "$RC" -ne 124 ]; then pass "a $((size / 1000000)) MB name with $mb MB fails (exit $RC)"; else
        fail "a $((size / 1000000)) MB name with $mb MB: exit $RC"; fi
    if [ $took -le 60 ]; then pass "within a minute ($took s)"; else fail "took $took s"; fi
    expect_err "'$WORK/bigname.json': out of memory" "a $((size / 1000000)) MB name with $mb MB"
    no_crash "a $((size / 1000000)) MB name with $mb MB"
done

finish
