#!/usr/bin/env bash
# Bad input gets its message and exit code, and never a crash.
. "$(dirname "$0")/lib.sh"

printf 'Good start \xff\xfe bad bytes.\n' >"$WORK/bad-utf8.txt"
: >"$WORK/empty.txt"
printf 'ELF\x00\x01\x02\x00binary' >"$WORK/binary.txt"
printf '{"id": "a", "text": "Reuters reports."}\n{"id": "b", "text": \n{"id": "c", "text": "CNN notes."}\n' >"$WORK/bad.jsonl"

run "$ERG" build --quiet "$WORK/bad-utf8.txt" -o "$WORK/g.json"
expect_rc 1 "invalid UTF-8"
expect_err "erg: '$WORK/bad-utf8.txt': invalid UTF-8 at byte 11" "invalid UTF-8"
no_crash "invalid UTF-8"
if [ ! -e "$WORK/g.json" ] && ! ls "$WORK"/g.json.tmp.* >/dev/null 2>&1; then pass "no output file left after failure"; else fail "output file left after failure"; fi

run "$ERG" build --quiet --lenient "$WORK/bad-utf8.txt" -o "$WORK/g.json"
expect_rc 0 "--lenient"
expect_err "replaced 2 invalid UTF-8 sequences" "--lenient warning"

run "$ERG" build --quiet "$WORK/empty.txt" -o "$WORK/g.json"
expect_rc 1 "empty file"
expect_err "erg: '$WORK/empty.txt': empty file" "empty file"
no_crash "empty file"

run "$ERG" build --quiet "$WORK/binary.txt" -o "$WORK/g.json"
expect_rc 1 "binary file"
expect_err "erg: '$WORK/binary.txt': binary file (NUL byte at byte 3)" "binary file"
no_crash "binary file"

run "$ERG" build --quiet "$WORK/bad.jsonl" -o "$WORK/g.json"
expect_rc 1 "malformed JSON line"
expect_err "erg: '$WORK/bad.jsonl:2': malformed JSON" "malformed JSON line"
no_crash "malformed JSON line"

run "$ERG" build --quiet --skip-bad "$WORK/bad.jsonl" -o "$WORK/g.json"
expect_rc 0 "--skip-bad"
expect_err "skipped 1 bad input" "--skip-bad warning"
expect_err "built $WORK/g.json: 2 articles" "--skip-bad keeps the good lines"

run "$ERG" build --quiet "$WORK/missing.txt" -o "$WORK/g.json"
expect_rc 1 "missing path"
expect_err "erg: '$WORK/missing.txt': no such file or directory" "missing path"

run "$ERG" build --frobnicate "$FIXTURES/articles"
expect_rc 2 "unknown flag"
expect_err "erg: unknown option '--frobnicate'" "unknown flag"
# output that cannot be written fails the run, even a help text
if [ -w /dev/full ]; then
    "$ERG" --help >/dev/full 2>"$WORK/err"
    RC=$?
    expect_rc 1 "help to a full disk"
    expect_err "erg: cannot write to standard output" "help to a full disk"
    "$ERG" query --help >/dev/full 2>"$WORK/err"
    RC=$?
    expect_rc 1 "command help to a full disk"
fi
# tag prints the tagger's labels: options about entities are not its options
run "$ERG" tag --types person "$FIXTURES/articles"
expect_rc 2 "tag --types"
expect_err "erg: unknown option '--types'" "tag --types"
run "$ERG" build
expect_rc 2 "no input"
run "$ERG" frobnicate
expect_rc 2 "unknown command"
expect_err "erg: unknown command 'frobnicate'" "unknown command"
run "$ERG" build --types person,robot "$FIXTURES/articles"
expect_rc 2 "unknown type"
expect_err "unknown entity type 'robot'" "unknown type"
run "$ERG" build --quiet "$FIXTURES/articles" -o /nonexistent-dir/g.json
expect_rc 1 "unwritable output"
expect_err "erg: '/nonexistent-dir/g.json': cannot create" "unwritable output"
run "$ERG" build --model "$WORK/empty.txt" "$FIXTURES/articles"
expect_rc 1 "not a model"
no_crash "not a model"

# A graph given where articles belong is refused, naming erg merge (issue #11),
# even with --skip-bad; it is never read whole as one article.
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/old.json"
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/old.graphml"
printf '{"id": "m1", "text": "Angela Merkel met Emmanuel Macron in Berlin."}\n' >"$WORK/more.jsonl"
rm -f "$WORK/g.json"
run "$ERG" build --quiet "$WORK/old.json" "$WORK/more.jsonl" -o "$WORK/g.json"
expect_rc 1 "graph as input"
expect_err "erg: '$WORK/old.json': this is an erg graph, not articles; to join graphs use erg merge" "graph as input"
no_crash "graph as input"
if [ ! -e "$WORK/g.json" ]; then pass "no output after a graph input"; else fail "output written from a graph input"; fi
run "$ERG" build --quiet --skip-bad "$WORK/more.jsonl" "$WORK/old.graphml" -o "$WORK/g.json"
expect_rc 1 "GraphML as input, --skip-bad"
expect_err "erg: '$WORK/old.graphml': this is a GraphML graph, not articles; to join graphs use erg merge" "GraphML as input"
run "$ERG" extract "$WORK/old.json"
expect_rc 1 "extract of a graph"
expect_err "use erg merge" "extract of a graph"
"$ERG" build --quiet - -o "$WORK/g.json" <"$WORK/old.json" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 1 "graph on stdin"
expect_err "erg: '-': this is an erg graph" "graph on stdin"

# A folder of graphs and files of unknown type holds no article: exit 1.
mkdir -p "$WORK/nothing" "$WORK/mixed" "$WORK/empty-dir"
cp "$WORK/old.json" "$WORK/old.graphml" "$WORK/nothing/"
printf '%%PDF-1.4' >"$WORK/nothing/a.pdf"
run "$ERG" build --quiet "$WORK/nothing" -o "$WORK/g.json"
expect_rc 1 "folder with a graph"
expect_err "erg: '$WORK/nothing/old.graphml': this is a GraphML graph, not articles" "folder with a graph"
rm -f "$WORK/g.json"
run "$ERG" build --quiet --skip-bad "$WORK/nothing" -o "$WORK/g.json"
expect_rc 1 "folder of graphs and a pdf, --skip-bad"
expect_err "erg: warning: skipped 2 bad inputs (last: '$WORK/nothing/old.json': this is an erg graph" "graphs in a folder skipped"
expect_err "erg: warning: ignored 1 file of unknown type in folders (last: '$WORK/nothing/a.pdf')" "pdf counted"
expect_err "erg: no article found in the inputs" "folder of graphs and a pdf"
if [ ! -e "$WORK/g.json" ]; then pass "no output without articles"; else fail "output written without articles"; fi
rm "$WORK/nothing/old.json" "$WORK/nothing/old.graphml"
printf '%%PDF-1.4' >"$WORK/nothing/b.pdf"
for cmd in build extract tag; do
    run "$ERG" $cmd --quiet "$WORK/nothing"
    expect_rc 1 "$cmd: folder of pdf files"
    expect_err "erg: warning: ignored 2 files of unknown type in folders (last: '$WORK/nothing/b.pdf')" "$cmd: pdf files counted"
    expect_err "erg: no article found in the inputs" "$cmd: folder of pdf files"
done
run "$ERG" build --quiet "$WORK/empty-dir" -o "$WORK/g.json"
expect_rc 1 "empty folder"
expect_err "erg: no article found in the inputs" "empty folder"

# One article and one unknown file: the build goes on and names the count.
printf 'Angela Merkel met Emmanuel Macron in Berlin.\n' >"$WORK/mixed/a.txt"
printf '%%PDF-1.4' >"$WORK/mixed/b.pdf"
printf 'x' >"$WORK/mixed/.DS_Store"
run "$ERG" build --quiet "$WORK/mixed" -o "$WORK/g.json"
expect_rc 0 "folder with a txt and a pdf"
expect_err "erg: warning: ignored 1 file of unknown type in folders (last: '$WORK/mixed/b.pdf')" "txt and pdf"
expect_err "built $WORK/g.json: 1 article" "txt and pdf"

for cmd in build extract tag train eval; do
    run "$ERG" $cmd --help
    if [ "$RC" -eq 0 ] && grep -q "^usage: erg $cmd" "$WORK/out" && grep -qi "example" "$WORK/out"; then
        pass "$cmd --help"
    else fail "$cmd --help"; fi
done
finish
