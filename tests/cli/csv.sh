#!/usr/bin/env bash
# CSV export (-o DIR/): nodes.csv and edges.csv read back with Python's csv
# module agree with the native file; standard output and a file in the
# way are refused; no temporaries stay.
. "$(dirname "$0")/lib.sh"

run "$ERG" build --quiet "$FIXTURES"/variants/*.txt --rank pagerank --communities -o "$WORK/g.json"
expect_rc 0 "build native"
run "$ERG" build --quiet "$FIXTURES"/variants/*.txt --rank pagerank --communities -o "$WORK/csv/"
expect_rc 0 "build csv to a new DIR/"
if [ -f "$WORK/csv/nodes.csv" ] && [ -f "$WORK/csv/edges.csv" ] && [ "$(ls "$WORK/csv" | wc -l)" -eq 2 ]; then
    pass "DIR holds nodes.csv and edges.csv only"
else fail "DIR holds: $(ls "$WORK/csv")"; fi

$PY - "$WORK/g.json" "$WORK/csv" >"$WORK/check" 2>&1 <<'PYEOF'
import csv, json, sys
g = json.load(open(sys.argv[1]))
nodes = list(csv.DictReader(open(sys.argv[2] + "/nodes.csv", newline="", encoding="utf-8")))
edges = list(csv.DictReader(open(sys.argv[2] + "/edges.csv", newline="", encoding="utf-8")))
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1
check(len(nodes) == len(g["nodes"]), "nodes %d == native %d" % (len(nodes), len(g["nodes"])))
check(len(edges) == len(g["links"]), "edges %d == native %d" % (len(edges), len(g["links"])))
ids = {n["Id"] for n in nodes}
check(all(n["Id"] == n[":ID"] for n in nodes) and len(ids) == len(nodes), "Id == :ID, unique")
check(all(e["Source"] in ids and e["Target"] in ids for e in edges), "every edge's ends are node ids")
check(all(e["Source"] == e[":START_ID"] and e["Target"] == e[":END_ID"] for e in edges), "Source/Target == :START_ID/:END_ID")
check(all(e[":TYPE"] == e["kind"].upper() for e in edges), ":TYPE is the kind in upper case")
check(all(e["Type"] == ("Undirected" if e["kind"] == "co_mention" else "Directed") for e in edges), "Type by kind")
check(all(float(e["Weight"]) > 0 and e["Weight"] == e["weight:double"] for e in edges), "Weight > 0")
check(all(n[":LABEL"] == n["type"].capitalize() for n in nodes), ":LABEL is the type capitalized")
names = {n["id"]: n["name"] for n in g["nodes"]}
check([n["Id"] for n in nodes] == ["n%d" % i for i in range(len(nodes))], "ids are n0, n1, ...")
check([n["key"] for n in nodes] == [n["id"] for n in g["nodes"]], "keys are the native ids, in order")
check(all(names.get(n["key"]) == n["Label"] for n in nodes), "labels are the native names")
check(all(n["pagerank:double"] and n["community:int"].isdigit() for n in nodes), "pagerank and community on every node")
sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "csv reads back"; else fail "csv reads back"; fi

# Quoting (a comma, double quotes, a line break in a name) is tested in
# tests/test_export.c, on names the tagger would not find in a text.
printf '%s\n' '{"id": "q1", "title": "t", "text": "Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks went well."}' >"$WORK/q.jsonl"
run "$ERG" build --quiet "$WORK/q.jsonl" --format csv -o "$WORK/q"
expect_rc 0 "build --format csv to a new DIR"

# Standard output cannot hold two files; a file in the way is refused and kept.
run "$ERG" build --quiet "$WORK/q.jsonl" --format csv -o -
expect_rc 2 "csv to stdout"
echo keep >"$WORK/afile"
run "$ERG" build --quiet "$WORK/q.jsonl" --format csv -o "$WORK/afile"
expect_rc 1 "csv to a file"
if [ "$(cat "$WORK/afile")" = keep ]; then pass "the file is kept"; else fail "the file was changed"; fi
# An existing directory named without a slash is CSV too; no temporaries stay.
run "$ERG" build --quiet "$WORK/q.jsonl" -o "$WORK/q"
expect_rc 0 "existing directory without /"
if [ "$(ls -A "$WORK/q" | wc -l)" -eq 2 ]; then pass "no temporaries left"; else fail "left: $(ls -A "$WORK/q")"; fi

finish
