#!/usr/bin/env bash
# The HTML view (-o g.html, erg build and erg merge): one self-contained page. Without a browser: the
# file references nothing on the network, --format html writes the same
# bytes, and its embedded JSON holds the native graph's nodes and edges. In
# Debian's headless chromium: a screenshot shows a drawn graph (the type
# colours of the palette on the canvas), and the page opened at
# #search=NAME&outlet=...&since=... shows the entity with an evidence
# sentence the native graph holds, and as many entities as the filter
# keeps by a Python count. Exit 77 (skip) only when chromium is absent.
. "$(dirname "$0")/lib.sh"

DIR="$FIXTURES/variants"
OPTS=(--quiet --rank pagerank)
run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.html"
expect_rc 0 "build .html"
run "$ERG" build "${OPTS[@]}" --format html "$DIR"/*.txt -o -
expect_rc 0 "build --format html to stdout"
if cmp -s "$WORK/out" "$WORK/g.html"; then pass "--format html writes the same bytes"; else
    fail "--format html writes the same bytes"; fi
run "$ERG" build "${OPTS[@]}" -j 1 "$DIR"/*.txt -o "$WORK/g1.html"
if cmp -s "$WORK/g1.html" "$WORK/g.html"; then pass "-j 1 writes the same page (the layout is seeded)"; else
    fail "-j 1 writes the same page (the layout is seeded)"; fi

# Nothing is fetched: no src= or href= to a URL (http, https or protocol-relative), no CSS import.
if grep -Eiq "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//|@import|url\([\"']?(https?:)?//" \
    "$WORK/g.html"; then
    fail "no network reference"
    grep -Eio "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(https?:)?//.{0,40}" "$WORK/g.html" | head -3
else pass "no network reference"; fi
if grep -q "Permission is hereby granted" "$WORK/g.html" && grep -q "The Cytoscape Consortium" "$WORK/g.html"
then pass "cytoscape.js licence in the page"; else fail "cytoscape.js licence in the page"; fi

# erg merge writes the page too: partial graphs of two halves give one build's page (the layout is seeded).
run "$ERG" build --quiet --partial "$DIR"/0*.txt -o "$WORK/p1.json"
run "$ERG" build --quiet --partial "$DIR"/[1-9]*.txt -o "$WORK/p2.json"
run "$ERG" merge --rank pagerank "$WORK/p1.json" "$WORK/p2.json" -o "$WORK/m.html"
expect_rc 0 "merge to .html"
if cmp -s "$WORK/m.html" "$WORK/g.html"; then pass "the merged page is the built page, byte for byte"; else
    fail "the merged page is the built page, byte for byte"; fi

# The same articles as JSON Lines with dates, outlets and URLs, for the filters and the evidence.
$PY - "$WORK/dated.jsonl" "$DIR"/*.txt <<'PYEOF'
import json, os, sys
out, paths = sys.argv[1], sys.argv[2:]
with open(out, "w", encoding="utf-8") as f:
    for k, p in enumerate(sorted(paths)):
        text = open(p, encoding="utf-8").read()
        f.write(json.dumps({"id": "a%02d" % k, "title": os.path.basename(p),
                            "date": "2017-%02d-%02d" % (1 + k % 12, 1 + k), "source": ["Wire A", "Wire B"][k % 2],
                            "url": "https://example.org/%d" % k, "text": text}) + "\n")
PYEOF
run "$ERG" build "${OPTS[@]}" "$WORK/dated.jsonl" -o "$WORK/d.json"
expect_rc 0 "build the dated native file"
run "$ERG" build "${OPTS[@]}" "$WORK/dated.jsonl" -o "$WORK/d.html"
expect_rc 0 "build the dated .html"

# The page's data against the native file; writes the query for the browser and what it must show.
$PY - "$WORK/d.json" "$WORK/d.html" "$WORK/expect" >"$WORK/check" 2>&1 <<'PYEOF'
import json, re, sys
native = json.load(open(sys.argv[1], encoding="utf-8"))
page = open(sys.argv[2], encoding="utf-8").read()
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1

check(page.lower().count("</script") == 3, "three script elements end (data, cytoscape, view)")
m = re.search(r'<script type="application/json" id="erg-data">(.*?)</script>', page, re.S)
raw = m.group(1) if m else ""
check("<" not in raw, "no '<' inside the data element")
data = json.loads(raw)
check(sorted(n["id"] for n in data["nodes"]) == sorted(n["id"] for n in native["nodes"]),
      "the page's nodes are the native graph's")
pair = lambda e: (e["source"], e["target"], e["kind"])
check(sorted(map(pair, data["edges"])) == sorted(map(pair, native["links"])),
      "the page's edges are the native graph's")
check(all(isinstance(n.get("x"), (int, float)) and n.get("size", 0) > 0 for n in data["nodes"]),
      "every node has a position and a size")
check(data["meta"]["rank"] == "pagerank" and all("score" in n for n in data["nodes"]),
      "the pagerank score on every node")

# The query: the most mentioned entity with an edge to another; its sentences in the native file.
sent = {(s["article"], s["start"], s["end"]): s["text"] for s in native["sentences"]}
name = {n["id"]: n["name"] for n in native["nodes"]}
best = max(native["nodes"], key=lambda n: (n["mentions"], n["id"]))
texts = set()
for e in native["links"]:
    if best["id"] in (e["source"], e["target"]):
        for ev in e.get("evidence", []):
            texts.add(" ".join(sent[(ev["article"], ev["start"], ev["end"])].split()))
check(len(texts) > 0, "the query entity has evidence")

# The filter: links of outlet "Wire A" whose dates reach 2017-06 (undated links hidden).
since, outlet = "2017-06", "Wire A"
def cmp(a, b):
    k = min(len(a), len(b))
    return (a[:k] > b[:k]) - (a[:k] < b[:k])
keep = set()
for e in native["links"]:
    if outlet in e.get("outlets", []) and "first_date" in e and "last_date" in e \
            and cmp(e["last_date"], since) >= 0:
        keep.update((e["source"], e["target"]))
check(0 < len(keep) < len(native["nodes"]), "the filter keeps some entities, not all")
with open(sys.argv[3], "w", encoding="utf-8") as f:
    json.dump({"key": best["id"], "name": best["name"], "texts": sorted(texts), "visible": len(keep),
               "total": len(native["nodes"]), "since": since, "outlet": outlet}, f)
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then pass "the page's data is the native graph"; else fail "the page's data is the native graph"; fi
sed 's/^/    /' "$WORK/check"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "chromium is not installed: skipping the browser checks ($PASSED passed, $FAILED failed)"
    [ "$FAILED" -eq 0 ] && exit 77
    finish
    exit
fi
# Root cannot use the sandbox; a fresh profile; no GPU, no network.
BROWSER=("$CHROMIUM" --headless --disable-gpu --no-first-run --user-data-dir="$WORK/profile"
    --virtual-time-budget=4000 --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')
[ "$(id -u)" -eq 0 ] && BROWSER+=(--no-sandbox)

# (1) A screenshot of the drawing: the page is not blank, and nodes of each type drawn.
timeout 45 "${BROWSER[@]}" --window-size=1200,800 --screenshot="$WORK/shot.png" \
    "file://$WORK/g.html" >"$WORK/chromium.out" 2>&1
$PY - "$WORK/shot.png" "$WORK/g.html" >"$WORK/png" 2>&1 <<'PYEOF'
import json, re, struct, sys, zlib
def read_png(path):
    b = open(path, "rb").read()
    assert b[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(b):
        n, kind = struct.unpack(">I4s", b[pos:pos + 8])
        body = b[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and inter == 0, "unexpected PNG form"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            c = prev[i - bpp] if i >= bpp else 0
            up = prev[i]
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + up) & 255
            elif f == 3: line[i] = (line[i] + (a + up) // 2) & 255
            elif f == 4:
                p = a + up - c
                pa, pb, pc = abs(p - a), abs(p - up), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else up if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows
w, h, bpp, rows = read_png(sys.argv[1])
data = json.loads(re.search(r'id="erg-data">(.*?)</script>', open(sys.argv[2], encoding="utf-8").read(), re.S).group(1))
colours = {t["name"]: tuple(int(t["colour"][k:k + 2], 16) for k in (1, 3, 5)) for t in data["types"]}
counts, distinct, ink = {}, set(), 0
for row in rows:
    for x in range(w // 3, w):           # the drawing, right of the side bar
        px = tuple(row[x * bpp:x * bpp + 3])
        distinct.add(px)
        ink += px != (255, 255, 255)
        counts[px] = counts.get(px, 0) + 1
used = sorted({n["type"] for n in data["nodes"]})
print("size %dx%d, %d distinct colours, %d non-white pixels in the drawing" % (w, h, len(distinct), ink))
bad = 0
for t in used:
    got = counts.get(colours[t], 0)
    print("%s %s: %d pixels" % (t, colours[t], got))
    bad += got < 50
bad += ink < 2000 or len(distinct) < 20
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then pass "the screenshot shows a drawn graph"; else
    fail "the screenshot shows a drawn graph"; tail -5 "$WORK/chromium.out"; fi
sed 's/^/    /' "$WORK/png"

# (2) A scripted search with a filter, from the URL hash; the page is dumped after its script ran.
HASH=$($PY -c 'import json, sys, urllib.parse as u; e = json.load(open(sys.argv[1]))
print("search=%s&outlet=%s&since=%s&undated=0" % tuple(u.quote(e[k]) for k in ("name", "outlet", "since")))' "$WORK/expect")
timeout 45 "${BROWSER[@]}" --dump-dom "file://$WORK/d.html#$HASH" >"$WORK/dom.html" 2>"$WORK/chromium.out"
$PY - "$WORK/dom.html" "$WORK/expect" >"$WORK/dom" 2>&1 <<'PYEOF'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
e = json.load(open(sys.argv[2], encoding="utf-8"))
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1
def text(pattern):
    m = re.search(pattern, dom, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split()) if m else ""
check('data-erg-ready="true"' in dom, "the page's script ran to the end")
m = re.search(r'<div id="panel"[^>]*data-selected="([^"]*)"', dom)
check(m is not None and html.unescape(m.group(1)) == e["key"], "the search selected %r" % e["key"])
panel = text(r'<div id="panel"[^>]*>(.*?)</div>')
panel_words = " ".join(re.sub(r"<[^>]+>", "", x) for x in [panel]).replace(" ", "")
check(e["name"] in panel, "the panel names %r" % e["name"])
# Tags split the text with spaces above: compare without spaces.
hit = [t for t in e["texts"] if t.replace(" ", "") in panel_words]
check(len(hit) > 0, "the panel shows an evidence sentence of the native graph")
check("example.org" in panel, "the panel shows the article's URL")
status = text(r'<p id="status">(.*?)</p>')
want = "Showing %d of %d entities" % (e["visible"], e["total"])
check(status.startswith(want), "the filter shows %r (page: %r)" % (want, status))
sys.exit(1 if bad else 0)
PYEOF
if [ $? -eq 0 ]; then pass "the scripted search and filter in chromium"; else
    fail "the scripted search and filter in chromium"; tail -5 "$WORK/chromium.out"; fi
sed 's/^/    /' "$WORK/dom"

finish
