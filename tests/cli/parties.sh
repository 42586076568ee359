#!/usr/bin/env bash
# The shipped data/parties.json loads, and the forms of one party's name
# ("Lib Dems", "Liberal Democrats"; "GOP", "Republicans") are one entity.
. "$(dirname "$0")/lib.sh"

cat >"$WORK/parties.txt" <<'TXT'
The Liberal Democrats unveiled their plans on Monday. Lib Dem leader Ann Example said the Lib Dems would campaign hard. Labour said the Labour Party would reply. The Republican Party answered quickly, and Republicans in the Senate said the GOP would not move.
TXT
run "$ERG" extract --quiet "$WORK/parties.txt"
expect_rc 0 "extract with the shipped party list"
$PY - "$WORK/out" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
m = {x["text"]: x["entity"] for x in json.loads(open(sys.argv[1]).readline())["mentions"]}
want = {"Lib Dems": "Liberal Democrats", "Lib Dem": "Liberal Democrats",
        "Liberal Democrats": "Liberal Democrats", "Labour": "Labour Party",
        "Labour Party": "Labour Party", "Republicans": "Republican Party",
        "GOP": "Republican Party", "Republican Party": "Republican Party"}
bad = [(t, m.get(t), e) for t, e in want.items() if m.get(t) != e]
for t, got, e in bad:
    print("not ok - %r is %r, not %r" % (t, got, e))
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then pass "party forms are one entity"; else fail "party forms"; cat "$WORK/check"; fi
finish
