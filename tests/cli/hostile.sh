#!/usr/bin/env bash
# Hostile names (issue #15): a graph file can be edited to hold any name JSON
# can hold. A partial graph of a fixture is renamed by a script (quotes, '<',
# '&', ']]>', line breaks, ESC, a literal "\u0000", U+202E and isolates,
# U+FFFE/U+FFFF, two names differing only in a control character, a 100 KB
# name), merged, and then:
#  - `erg query` tables, --tsv and messages hold no raw ESC, C1 or bidi
#    control (they are shown escaped), and --json keeps each name exactly;
#  - display names lose their bidirectional overrides;
#  - every format is written and read back by its reader: GraphML by
#    networkx (two nodes for the twins), python-igraph and erg itself, GEXF
#    and SVG by xmllint, DOT by `dot -Tsvg` (the 100 KB name included), CSV
#    by Python's csv, JSON by json.load, HTML by headless chromium with no
#    JavaScript error;
#  - a real NUL (\u0000) in a name is refused with a message naming the file.
. "$(dirname "$0")/lib.sh"

DIR="$FIXTURES/variants"
run "$ERG" build --quiet --partial "$DIR"/*.txt -o "$WORK/p.json"
expect_rc 0 "build a partial graph"

# Rename the most mentioned entities (not places, which the merge drops).
$PY - "$WORK/p.json" "$WORK/h.json" "$WORK/names.json" <<'PYEOF'
import json, sys
src, dst, names_out = sys.argv[1:4]
d = json.load(open(src, encoding="utf-8"))
long_name = ("Long Name " * 10240)[:102400].strip()
names = [
    'Quote "Q" O\'Neil \\back',
    "<b>Tag</b> & Co <script>alert(1)</script>",
    "CDATA ]]> End",
    "New\nLine\r\nName",
    "Esc \x1b[31mRed\x1b[0m \x9b2J",
    "Nul \\u0000 \\x00 Name",
    "Rtl \u202eesrever\u202c \u2066iso\u2069",
    "Nonchar \ufffe\uffff X",
    "Twin\x01Name",
    "Twin\x02Name",
    long_name,
]
nodes = sorted((n for n in d["nodes"] if n["type"] != "place"), key=lambda n: -n["mentions"])
rename = {}
for n, new in zip(nodes, names):
    rename[n["id"]] = new
    n["id"] = new
    n["name"] = new
    n["aliases"] = [{"name": new, "count": n["mentions"]}]
for l in d["links"]:
    l["source"] = rename.get(l["source"], l["source"])
    l["target"] = rename.get(l["target"], l["target"])
json.dump(d, open(dst, "w", encoding="utf-8"), ensure_ascii=False)
json.dump(names, open(names_out, "w"))
PYEOF

for f in g.json g.graphml g.gexf g.dot g.html g.svg g.png csv/; do
    run "$ERG" merge "$WORK/h.json" -o "$WORK/$f"
    expect_rc 0 "merge the hostile graph to $f"
done
no_crash "merge"

# --- terminal output -------------------------------------------------------
# no_raw FILE NAME: FILE holds no ESC, no other C0 control but tab and line
# feed, no DEL, no C1 control and no bidi control, as bytes.
no_raw() {
    if $PY - "$1" <<'PYEOF'; then pass "$2: no raw control or bidi character"; else fail "$2: raw control or bidi character"; fi
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
bad = re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]", t)
if bad:
    print("    found %r" % sorted(set(bad)))
sys.exit(1 if bad else 0)
PYEOF
}
run "$ERG" query "$WORK/g.json" top --limit 50
expect_rc 0 "query top"
no_raw "$WORK/out" "query top (table)"
if grep -qF 'Esc \x1b[31mRed\x1b[0m \u009b2J' "$WORK/out"; then pass "ESC shown as \\x1b, CSI as \\u009b"; else
    fail "ESC shown as \\x1b, CSI as \\u009b"; grep Esc "$WORK/out" | cat -A | head -2; fi
run "$ERG" query "$WORK/g.json" top --limit 50 --tsv
no_raw "$WORK/out" "query top --tsv"
if [ "$(awk -F'\t' '{print NF}' "$WORK/out" | sort -u | wc -l)" -eq 1 ]; then pass "--tsv: every row has the same fields"; else
    fail "--tsv: every row has the same fields"; fi
run "$ERG" query "$WORK/g.json" find Twin
expect_rc 0 "query find Twin"
no_raw "$WORK/out" "query find"
if grep -qF 'Twin\x01Name' "$WORK/out" && grep -qF 'Twin\x02Name' "$WORK/out"; then pass "the twins are told apart"; else
    fail "the twins are told apart"; fi
run "$ERG" query "$WORK/g.json" neighbors "Twin"
no_raw "$WORK/err" "an ambiguous name's message"
run "$ERG" query "$WORK/g.json" neighbors "Esc"
no_raw "$WORK/err" "an unknown name's message (a suggestion)"
# evidence A B prints its sentences and names outside a table
$PY - "$WORK/g.json" "$WORK/a.txt" "$WORK/b.txt" <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
name = {n["id"]: n["name"] for n in g["nodes"]}
for l in g["links"]:
    a, b = name[l["source"]], name[l["target"]]
    if a.startswith("Esc") or b.startswith("Esc"):
        open(sys.argv[2], "w", encoding="utf-8").write(a)
        open(sys.argv[3], "w", encoding="utf-8").write(b)
        break
PYEOF
ESC_NAME=$($PY -c 'import json, sys; print([n for n in json.load(open(sys.argv[1])) if n.startswith("Esc")][0])' "$WORK/names.json")
run "$ERG" query "$WORK/g.json" neighbors "$ESC_NAME"
expect_rc 0 "neighbors of the ESC name, given exactly"
no_raw "$WORK/out" "neighbors (table)"
run "$ERG" query "$WORK/g.json" evidence "$(cat "$WORK/a.txt")" "$(cat "$WORK/b.txt")"
expect_rc 0 "evidence between the ESC name and a neighbour"
no_raw "$WORK/out" "evidence"
run "$ERG" query "$WORK/g.json" top --limit 50 --json
$PY - "$WORK/out" "$WORK/names.json" <<'PYEOF' && pass "--json keeps every name exactly (bidi overrides dropped)" || fail "--json keeps every name exactly"
import json, re, sys
rows = json.load(open(sys.argv[1]))
got = {r["name"] for r in rows}
want = {re.sub("[\u202a-\u202e\u2066-\u2069]", "", n) for n in json.load(open(sys.argv[2]))}
missing = want - got
assert not missing, [m[:40] for m in missing]
PYEOF

# --- the native file and display names --------------------------------------
$PY - "$WORK/g.json" "$WORK/names.json" <<'PYEOF' && pass "native JSON: json.load, every name, no bidi override" || fail "native JSON"
import json, re, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
names = {n["name"] for n in g["nodes"]}
for n in json.load(open(sys.argv[2])):
    assert re.sub("[\u202a-\u202e\u2066-\u2069]", "", n) in names, n[:40]
assert not any(re.search("[\u202a-\u202e\u2066-\u2069]", n) for n in names)
assert "Rtl esrever iso" in names
PYEOF

# --- GraphML ------------------------------------------------------------------
if xmllint --noout "$WORK/g.graphml" 2>"$WORK/xml.err"; then pass "xmllint reads the GraphML"; else
    fail "xmllint reads the GraphML"; head -3 "$WORK/xml.err"; fi
$PY - "$WORK/g.graphml" "$WORK/g.json" <<'PYEOF' && pass "networkx and python-igraph read the GraphML; the twins are two nodes" || fail "GraphML readers"
import json, sys
import networkx as nx, igraph as ig
g = json.load(open(sys.argv[2], encoding="utf-8"))
G = nx.read_graphml(sys.argv[1])
assert G.number_of_nodes() == len(g["nodes"]), (G.number_of_nodes(), len(g["nodes"]))
assert G.number_of_edges() == len(g["links"])
assert sorted(G.nodes()) == sorted("n%d" % i for i in range(len(g["nodes"])))
twins = sorted(d["label"] for _, d in G.nodes(data=True) if d["label"].startswith("Twin"))
assert twins == ["Twin\u2401Name", "Twin\u2402Name"], twins
labels = {d["label"] for _, d in G.nodes(data=True)}
assert "Esc \u241b[31mRed\u241b[0m \x9b2J" in labels
assert "Nonchar \ufffd\ufffd X" in labels
assert "<b>Tag</b> & Co <script>alert(1)</script>" in labels and "CDATA ]]> End" in labels
assert max(len(l) for l in labels) == 102399
H = ig.Graph.Read_GraphML(sys.argv[1])
assert H.vcount() == len(g["nodes"]) and H.ecount() == len(g["links"])
PYEOF
run "$ERG" query "$WORK/g.graphml" stats --json
expect_rc 0 "erg reads its GraphML back"
if $PY -c 'import json, sys; s = json.load(open(sys.argv[1])); g = json.load(open(sys.argv[2])); sys.exit(0 if s["entities"] == len(g["nodes"]) else 1)' \
    "$WORK/out" "$WORK/g.json"; then pass "erg's GraphML reader: every entity"; else fail "erg's GraphML reader: every entity"; cat "$WORK/out" | head -5; fi
run "$ERG" query "$WORK/g.graphml" find Twin --json
if $PY -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(0 if len(r) == 2 else 1)' "$WORK/out"; then
    pass "erg's GraphML reader: the twins are two entities"; else fail "erg's GraphML reader: the twins"; fi
run "$ERG" query "$WORK/g.json" ego "$ESC_NAME" -o "$WORK/ego.graphml"
expect_rc 0 "ego of the ESC name to GraphML"
if xmllint --noout "$WORK/ego.graphml" 2>/dev/null; then pass "xmllint reads the ego GraphML"; else fail "xmllint reads the ego GraphML"; fi

# --- GEXF, SVG ----------------------------------------------------------------
if xmllint --noout --relaxng "$TESTS_DIR/gexf-1.3/gexf.rng" "$WORK/g.gexf" 2>"$WORK/xml.err"; then
    pass "xmllint: the GEXF is valid GEXF 1.3"; else fail "xmllint: the GEXF"; head -3 "$WORK/xml.err"; fi
if xmllint --noout "$WORK/g.svg" 2>"$WORK/xml.err"; then pass "xmllint reads erg's SVG"; else
    fail "xmllint reads erg's SVG"; head -3 "$WORK/xml.err"; fi
if [ "$(head -c 8 "$WORK/g.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then pass "the PNG is a PNG"; else
    fail "the PNG is a PNG"; fi

# --- DOT ----------------------------------------------------------------------
if dot -Tsvg "$WORK/g.dot" >"$WORK/dot.svg" 2>"$WORK/dot.err" && [ ! -s "$WORK/dot.err" ]; then
    pass "dot -Tsvg renders the DOT, the 100 KB name included"; else fail "dot -Tsvg renders the DOT"; head -3 "$WORK/dot.err"; fi
if xmllint --noout "$WORK/dot.svg" 2>/dev/null; then pass "xmllint reads dot's SVG"; else fail "xmllint reads dot's SVG"; fi
$PY - "$WORK/g.dot" <<'PYEOF' && pass "DOT: ids n0.., the long label cut with its full name kept" || fail "DOT ids and long label"
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
ids = re.findall(r'^  "(n\d+)" \[label=', t, re.M)
assert len(ids) == len(set(ids)) and ids, ids[:3]
labels = re.findall(r'\[label="((?:[^"\\]|\\.)*)"', t)
assert max(len(l) for l in labels) <= 201 and any(l.endswith("\u2026") for l in labels)
full = re.search(r'fullname=((?:"(?:[^"\\]|\\.)*"(?: \+ )?)+)', t).group(1)
parts = re.findall(r'"((?:[^"\\]|\\.)*)"', full)
assert max(len(p.encode()) for p in parts) < 16384 and len("".join(parts)) == 102399
assert "\u202e" not in t and "\ufffe" not in t and "\x1b" not in t
PYEOF

# --- CSV ----------------------------------------------------------------------
$PY - "$WORK/csv" "$WORK/g.json" <<'PYEOF' && pass "Python's csv reads both files; one record a line; ids n0.." || fail "CSV"
import csv, json, sys
g = json.load(open(sys.argv[2], encoding="utf-8"))
nodes = list(csv.DictReader(open(sys.argv[1] + "/nodes.csv", newline="", encoding="utf-8")))
edges = list(csv.DictReader(open(sys.argv[1] + "/edges.csv", newline="", encoding="utf-8")))
assert len(nodes) == len(g["nodes"]) and len(edges) == len(g["links"])
assert [n["Id"] for n in nodes] == ["n%d" % i for i in range(len(nodes))]
assert all(None not in n and None not in n.values() for n in nodes)
raw = open(sys.argv[1] + "/nodes.csv", "rb").read()
assert raw.count(b"\r\n") == len(nodes) + 1 and b"\x1b" not in raw
ids = {n["Id"] for n in nodes}
assert all(e["Source"] in ids and e["Target"] in ids for e in edges)
PYEOF

# --- HTML ---------------------------------------------------------------------
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "chromium is not installed: skipping the browser check"
else
    BROWSER=("$CHROMIUM" --headless --disable-gpu --no-first-run --user-data-dir="$WORK/profile"
        --virtual-time-budget=4000 --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>'
        --enable-logging=stderr --v=0)
    [ "$(id -u)" -eq 0 ] && BROWSER+=(--no-sandbox)
    timeout 60 "${BROWSER[@]}" --dump-dom "file://$WORK/g.html#search=Tag" >"$WORK/dom.html" 2>"$WORK/chromium.out"
    if grep -q 'CONSOLE.*Uncaught\|CONSOLE.*Error' "$WORK/chromium.out"; then
        fail "the page loads without a JavaScript error"; grep CONSOLE "$WORK/chromium.out" | head -3
    else pass "the page loads without a JavaScript error"; fi
    n=$($PY -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$WORK/g.json")
    if grep -q "Showing $n of $n entities" "$WORK/dom.html"; then pass "the page's script ran to the end ($n entities)"; else
        fail "the page's script ran to the end"; fi
    if grep -q '<script>alert(1)' "$WORK/dom.html" || grep -q '<b>Tag</b>' "$WORK/dom.html"; then
        fail "a name is text in the page, never markup"; else pass "a name is text in the page, never markup"; fi
fi

# --- a real NUL is refused -----------------------------------------------------
$PY - "$WORK/g.json" "$WORK/nul.json" <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
g["nodes"][0]["name"] = "Nul \x00 \x1b Name"
json.dump(g, open(sys.argv[2], "w", encoding="utf-8"))
PYEOF
run "$ERG" query "$WORK/nul.json" stats
expect_rc 1 "a name holding U+0000 is refused"
expect_err "nul.json" "the message names the file"
no_raw "$WORK/err" "the refusal's message"
no_crash "queries"

finish
