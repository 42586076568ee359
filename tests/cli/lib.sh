# Shared helpers for the CLI tests. Each test script sources this file.
# ERG (the binary) and FIXTURES come from meson's test environment.
set -u
: "${ERG:?ERG must point at the erg binary}"
: "${FIXTURES:?FIXTURES must point at fixtures/}"
PY=/usr/bin/python3
TESTS_DIR=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# ERG_WRAPPER (set by `meson test --setup valgrind`, or by hand): a command
# that every run of erg goes through, e.g. "valgrind --error-exitcode=97".
# ERG becomes a small script that runs the real binary under it, so that
# tests, and the programs they start, use it unchanged.
if [ -n "${ERG_WRAPPER:-}" ]; then
    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$ERG_WRAPPER" "$ERG" >"$WORK/erg"
    chmod +x "$WORK/erg"
    ERG="$WORK/erg"
    export ERG
fi
FAILED=0
PASSED=0

pass() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
fail() { FAILED=$((FAILED + 1)); echo "not ok - $1"; }

# run CMD...: runs it, keeping stdout in $WORK/out, stderr in $WORK/err, status in $RC.
run() {
    "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
}

# expect_rc N NAME: the last run exited with N.
expect_rc() {
    if [ "$RC" -eq "$1" ]; then pass "$2 (exit $1)"; else
        fail "$2: exit $RC, expected $1"; sed 's/^/    stderr: /' "$WORK/err" | head -5
    fi
}

# expect_err TEXT NAME: stderr of the last run contains TEXT (fixed string).
expect_err() {
    if grep -qF -- "$1" "$WORK/err"; then pass "$2 (message)"; else
        fail "$2: stderr lacks '$1'"; sed 's/^/    stderr: /' "$WORK/err" | head -5
    fi
}

# no_crash NAME: the sanitizers and the C library said nothing of a crash.
no_crash() {
    if grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer|Segmentation|Aborted|core dumped' "$WORK/err"; then
        fail "$1: crashed or sanitizer report"; head -20 "$WORK/err" | sed 's/^/    /'
    else pass "$1 (no crash)"; fi
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
