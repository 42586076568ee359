#!/usr/bin/env bash
# Pictures through Graphviz's library: the variants corpus built with --rank
# pagerank to .svg and .png, nothing on stderr but the summary (no Graphviz
# warning), a well-formed SVG with one node per entity of the native file,
# the legend, and the top pagerank node drawn largest; a PNG with its
# signature and sane dimensions; a graph larger than the default cut (the
# Wikinews test articles, 400 entities and more) drawn as its top 150, and
# the legend says so; --draw-top on pictures and DOT, refused elsewhere.
. "$(dirname "$0")/lib.sh"

DIR="$FIXTURES/variants"
OPTS=(--quiet --rank pagerank)

# only_summary NAME: stderr holds the summary line and nothing else (no warning of Graphviz's).
only_summary() {
    if grep -qv '^built ' "$WORK/err"; then
        fail "$1: stderr has more than the summary"; grep -v '^built ' "$WORK/err" | head -5 | sed 's/^/    /'
    else pass "$1: nothing on stderr but the summary"; fi
}

run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.json"
expect_rc 0 "build the native file"
run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.svg"
expect_rc 0 "build .svg"
only_summary "build .svg"
no_crash "build .svg"
run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.png"
expect_rc 0 "build .png"
only_summary "build .png"
no_crash "build .png"
run "$ERG" build "${OPTS[@]}" --format svg "$DIR"/*.txt -o -
expect_rc 0 "build --format svg to stdout"
if cmp -s "$WORK/out" "$WORK/g.svg"; then pass "--format svg writes the same bytes"; else
    fail "--format svg writes the same bytes"; fi

if xmllint --noout "$WORK/g.svg" 2>"$WORK/xmllint.err"; then pass "the SVG is well-formed XML"; else
    fail "the SVG is well-formed XML"; head -5 "$WORK/xmllint.err"; fi

# check_svg SVG JSON TOP: one <g class="node"> per kept entity (TOP of them, the highest by
# pagerank, or all), the legend, and the top pagerank node tallest.
check_svg() {
    $PY - "$@" <<'PYEOF'
import json, re, sys
import xml.etree.ElementTree as ET
svg, js, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
NS = "{http://www.w3.org/2000/svg}"
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1

g = json.load(open(js))
pr = {n["id"]: n["pagerank"] for n in g["nodes"]}
order = sorted(pr, key=lambda k: -pr[k])
ids = {"n%d" % i: n["id"] for i, n in enumerate(g["nodes"])}  # DOT node i is n<i>
root = ET.parse(svg).getroot()
nodes = {}
for el in root.iter(NS + "g"):
    if el.get("class") != "node":
        continue
    key = ids[el.find(NS + "title").text]
    ys = []
    for shape in el.iter():
        if shape.tag == NS + "ellipse":
            cy, ry = float(shape.get("cy")), float(shape.get("ry"))
            ys += [cy - ry, cy + ry]
        elif shape.tag in (NS + "polygon", NS + "polyline"):
            ys += [float(p.split(",")[1]) for p in shape.get("points").split()]
    nodes[key] = max(ys) - min(ys)
want = len(pr) if top == 0 else min(top, len(pr))
check(len(nodes) == want, "%d nodes drawn, want %d" % (len(nodes), want))
# the cut keeps the highest pagerank (ties aside: compare the scores, not the names)
low_kept = min(pr[k] for k in nodes)
check(all(pr[k] <= low_kept for k in pr if k not in nodes), "the kept nodes are the top by pagerank")
tallest = max(nodes, key=lambda k: nodes[k])
check(pr[tallest] == pr[order[0]], "the tallest node (%s) is the top pagerank node (%s)" % (tallest, order[0]))
text = " ".join(t.text or "" for t in root.iter(NS + "text"))
if want < len(pr):
    n = "{:,}".format(len(pr))
    check("top %d of %s entities by pagerank" % (want, n) in text, "the legend says the cut: top %d of %s" % (want, n))
else:
    check("%d entities, size by pagerank" % len(pr) in text, "the legend says the size measure")
check("person (ellipse)" in text and "agency (box)" in text, "the legend has the entity types")
kinds = {l["kind"] for l in g["links"] if l["source"] in nodes and l["target"] in nodes} - {"co_mention"}
words = set(text.split())
check(kinds and kinds <= words, "the legend has the typed relation kinds drawn (%s)" % ", ".join(sorted(kinds)))
sys.exit(1 if bad else 0)
PYEOF
}

check_svg "$WORK/g.svg" "$WORK/g.json" 0 >"$WORK/check" 2>&1
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "the SVG draws every entity, sized by pagerank, with a legend"; else
    fail "the SVG draws every entity, sized by pagerank, with a legend"; fi

# PNG: signature, then the IHDR chunk's width and height.
$PY - "$WORK/g.png" >"$WORK/check" 2>&1 <<'PYEOF'
import struct, sys
b = open(sys.argv[1], "rb").read()
ok = b[:8] == b"\x89PNG\r\n\x1a\n" and b[12:16] == b"IHDR"
w, h = struct.unpack(">II", b[16:24]) if ok else (0, 0)
print("png %dx%d, %d bytes" % (w, h, len(b)))
sys.exit(0 if ok and 200 <= w <= 20000 and 200 <= h <= 20000 else 1)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "the PNG has its signature and sane dimensions"; else
    fail "the PNG has its signature and sane dimensions"; fi

# A graph past the default cut of 150 (laid out by sfdp).
BIG="$TESTS_DIR/wikinews/txt"
run "$ERG" build "${OPTS[@]}" "$BIG" -o "$WORK/big.json"
expect_rc 0 "build the large native file"
run "$ERG" build "${OPTS[@]}" "$BIG" -o "$WORK/big.svg"
expect_rc 0 "build the large .svg"
only_summary "build the large .svg"
check_svg "$WORK/big.svg" "$WORK/big.json" 150 >"$WORK/check" 2>&1
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "a large graph is cut to the top 150, and the legend says so"; else
    fail "a large graph is cut to the top 150, and the legend says so"; fi
run "$ERG" build "${OPTS[@]}" --draw-top 40 "$BIG" -o "$WORK/big40.png"
expect_rc 0 "build the large .png with --draw-top 40"
only_summary "build the large .png"
run "$ERG" build "${OPTS[@]}" --draw-top 40 "$BIG" -o "$WORK/big40.svg"
check_svg "$WORK/big40.svg" "$WORK/big.json" 40 >"$WORK/check" 2>&1
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "--draw-top 40 keeps the top 40"; else fail "--draw-top 40 keeps the top 40"; fi

# DOT: the whole graph with the legend unless --draw-top cuts it.
run "$ERG" build "${OPTS[@]}" "$BIG" -o "$WORK/big.dot"
expect_rc 0 "build the large .dot"
n=$(grep -c '^  "[^"]*" \[label=' "$WORK/big.dot")
total=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$WORK/big.json")
if [ "$n" -eq "$total" ] && grep -q "entities, size by pagerank" "$WORK/big.dot"; then
    pass "DOT keeps all $total entities by default, with the legend"; else
    fail "DOT keeps all $total entities ($n)"; fi
run "$ERG" build "${OPTS[@]}" --draw-top 10 "$BIG" -o "$WORK/top.dot"
n=$(grep -c '^  "[^"]*" \[label=' "$WORK/top.dot")
if [ "$n" -eq 10 ] && grep -q "top 10 of $total entities by pagerank" "$WORK/top.dot"; then
    pass "DOT --draw-top 10 keeps 10 and says so"; else fail "DOT --draw-top 10 ($n nodes)"; fi
dot -Tsvg "$WORK/top.dot" >/dev/null 2>"$WORK/dot.err"
if [ $? -eq 0 ] && [ ! -s "$WORK/dot.err" ]; then pass "the cut DOT renders with dot -Tsvg, nothing on stderr"; else
    fail "dot -Tsvg on the cut DOT"; head -5 "$WORK/dot.err"; fi

# The HTML view takes the same cut.
run "$ERG" build "${OPTS[@]}" --draw-top 25 "$BIG" -o "$WORK/top.html"
expect_rc 0 "build .html with --draw-top 25"
if $PY - "$WORK/top.html" <<'PYEOF'; then
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
d = json.loads(m.group(1))
meta = d.get("meta", d)
sys.exit(0 if meta["entities"] == 25 and meta["max_entities"] == 25 and meta["entities_total"] > 25 else 1)
PYEOF
    pass "the HTML view keeps the top 25 with --draw-top 25"
else
    fail "the HTML view keeps the top 25 with --draw-top 25"
fi

# --draw-top is for drawings only, and takes N >= 1.
run "$ERG" build "${OPTS[@]}" --draw-top 10 "$DIR"/*.txt -o "$WORK/x.graphml"
expect_rc 2 "--draw-top with GraphML"
expect_err "--draw-top applies to drawings" "--draw-top with GraphML"
run "$ERG" build "${OPTS[@]}" --draw-top 0 "$DIR"/*.txt -o "$WORK/x.svg"
expect_rc 2 "--draw-top 0"
if [ -e "$WORK/x.svg" ] || [ -e "$WORK/x.graphml" ]; then fail "a refused run left a file"; else
    pass "refused runs leave no file"; fi

run "$ERG" build --quiet --draw-top 10 "$DIR"/01*.txt --update "$WORK/u.db"
expect_rc 2 "--draw-top with --update"

# erg merge shares the output path.
run "$ERG" build --quiet --partial "$DIR"/0*.txt -o "$WORK/p1.json"
run "$ERG" build --quiet --partial "$DIR"/1*.txt -o "$WORK/p2.json"
run "$ERG" merge --rank pagerank "$WORK/p1.json" "$WORK/p2.json" -o "$WORK/m.svg"
expect_rc 0 "erg merge to .svg"
if grep -q 'class="node"' "$WORK/m.svg" && grep -q "size by pagerank" "$WORK/m.svg"; then
    pass "erg merge draws the picture"; else fail "erg merge draws the picture"; fi
finish
