#!/usr/bin/env bash
# -o onto what is not a plain new file: a FIFO stays a FIFO and its reader
# gets the graph (the shell's > would do the same); a symbolic link keeps
# being a link and the file it names gets the graph; a file replaced keeps
# its permission bits (issue #15).
. "$(dirname "$0")/lib.sh"

IN="$FIXTURES/articles"
run "$ERG" build --quiet "$IN" -o "$WORK/want.json"
expect_rc 0 "build to a new file"

mkfifo "$WORK/pipe.json"
# The reader gives up after a minute: with the FIFO replaced, no writer would ever come.
timeout 60 cat "$WORK/pipe.json" >"$WORK/got.json" &
reader=$!
run timeout 60 "$ERG" build --quiet "$IN" -o "$WORK/pipe.json"
expect_rc 0 "build -o FIFO"
wait $reader
if [ -p "$WORK/pipe.json" ]; then pass "the FIFO is still a FIFO"; else fail "the FIFO was replaced"; fi
if cmp -s "$WORK/want.json" "$WORK/got.json"; then pass "the FIFO's reader got the graph"; else
    fail "the FIFO's reader got the graph"; fi
if ls "$WORK"/pipe.json.tmp.* >/dev/null 2>&1; then fail "a temporary file was left"; else
    pass "no temporary file beside the FIFO"; fi

mkdir "$WORK/real"
echo old >"$WORK/real/g.json"
ln -s real/g.json "$WORK/link.json"
run "$ERG" build --quiet "$IN" -o "$WORK/link.json"
expect_rc 0 "build -o a symbolic link"
if [ -L "$WORK/link.json" ]; then pass "the link is still a link"; else fail "the link was replaced"; fi
if cmp -s "$WORK/want.json" "$WORK/real/g.json"; then pass "the file it names got the graph"; else
    fail "the file it names got the graph"; fi

echo old >"$WORK/mode.json"
chmod 640 "$WORK/mode.json"
run "$ERG" build --quiet "$IN" -o "$WORK/mode.json"
expect_rc 0 "build -o an existing file"
mode=$(stat -c %a "$WORK/mode.json")
if [ "$mode" = 640 ]; then pass "the file replaced keeps mode 640"; else fail "mode $mode, want 640"; fi
if cmp -s "$WORK/want.json" "$WORK/mode.json"; then pass "and holds the graph"; else
    fail "and holds the graph"; fi
finish
