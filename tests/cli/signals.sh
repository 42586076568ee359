#!/usr/bin/env bash
# SIGINT, SIGTERM or SIGHUP while erg writes an output leaves neither the
# output nor its temporary file, and erg dies of the signal (issue #15).
# The HTML export lays the graph out after opening its temporary file, a
# second or more for 800 entities: the signal is sent once that file exists.
. "$(dirname "$0")/lib.sh"
# Job control: a background job of a non-interactive shell would ignore SIGINT.
set -m

"$PY" "$TESTS_DIR/cli/make_people.py" 3000 "$WORK/people.jsonl"

# complete OUT: is OUT a whole output (an HTML page to its end, or a store
# erg can read)?
complete() {
    case $1 in
    *.html) grep -q '</html>' "$1" ;;
    *) "$ERG" query "$1" stats >/dev/null 2>&1 ;;
    esac
}

# kill_during SIG OUT [ARGS...]: starts erg build ARGS -o OUT, sends SIG once
# OUT's temporary file exists, and checks what is left. On a loaded machine
# erg may finish between the check and the signal: a whole OUT then shows the
# race was lost, and the run is tried again, up to five times.
kill_during() {
    local sig=$1 out=$2
    shift 2
    local want=$((128 + $(kill -l "$sig"))) rc=0 seen=0
    for attempt in 1 2 3 4 5; do
        rm -f "$out"
        "$ERG" build --quiet "$@" -o "$out" 2>"$WORK/err" &
        local pid=$!
        seen=0
        for _ in $(seq 1 6000); do
            if compgen -G "$out.tmp*" >/dev/null; then seen=1; break; fi
            kill -0 $pid 2>/dev/null || break
            sleep 0.01
        done
        [ $seen = 1 ] && kill -s "$sig" $pid
        wait $pid
        rc=$?
        if [ $seen = 1 ] && [ -e "$out" ] && ! compgen -G "$out.tmp*" >/dev/null &&
            { [ $rc -eq 0 ] || [ $rc -eq $want ]; } && complete "$out"; then
            echo "# SIG$sig: attempt $attempt: erg had finished its output (exit $rc); again"
            continue
        fi
        break
    done
    if [ $seen = 0 ]; then
        fail "SIG$sig: erg ended (exit $rc) before its temporary file was seen"
        return
    fi
    if [ $rc -eq $want ]; then pass "SIG$sig: erg died of the signal (exit $rc)"; else
        fail "SIG$sig: exit $rc, want $want"; sed 's/^/    stderr: /' "$WORK/err" | head -5; fi
    if compgen -G "$out.tmp*" >/dev/null; then fail "SIG$sig: a temporary file was left: $(ls "$out".tmp*)"; else
        pass "SIG$sig: no temporary file left"; fi
    if [ -e "$out" ]; then fail "SIG$sig: a partial $out was left"; else pass "SIG$sig: no output"; fi
}

kill_during INT "$WORK/int.html" --draw-top 800 "$WORK/people.jsonl"
kill_during TERM "$WORK/term.html" --draw-top 800 "$WORK/people.jsonl"
kill_during HUP "$WORK/hup.html" --draw-top 800 "$WORK/people.jsonl"
# The store writer's temporary file too.
kill_during TERM "$WORK/store.db" "$WORK/people.jsonl"

# An existing output is left as it was.
echo old >"$WORK/keep.html"
kill_during_keep() {
    "$ERG" build --quiet --draw-top 800 "$WORK/people.jsonl" -o "$WORK/keep.html" 2>"$WORK/err" &
    local pid=$!
    for _ in $(seq 1 6000); do
        compgen -G "$WORK/keep.html.tmp*" >/dev/null && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.01
    done
    kill -s TERM $pid 2>/dev/null
    wait $pid
    if [ "$(cat "$WORK/keep.html")" = old ]; then pass "an existing output is kept whole"; else
        fail "the existing output was changed"; fi
}
kill_during_keep

finish
