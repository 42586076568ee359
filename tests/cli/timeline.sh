#!/usr/bin/env bash
# Time: a generated corpus whose true dates the test knows (written in mixed
# formats, some missing) is built once; then
#  - `query timeline NAME --by month|day [--by-source]` equals a Python count
#    over `erg extract`'s mentions (those whose merge key is the node id) by true date;
#  - `query --since/--until/--source` answers equal a build of only those
#    articles (`build --since/--until/--source`), node by node, edge by edge;
#  - `-o g.gexf --dynamic` is valid GEXF 1.3 whose spells are the days of
#    each node's and edge's articles, read back by networkx.
. "$(dirname "$0")/lib.sh"

$PY - "$WORK" <<'PYEOF'
import json, random, datetime, sys
work = sys.argv[1]
rnd = random.Random(13)
people = ["Harriet Okonkwo", "Tomas Feldmark", "Ines Varga", "Odile Brandt"]
firms = ["Quellwater Corp", "Brightmoor Holdings Inc", "Santerre Mining Co"]
sources = ["Harbor Wire", "Valley Post", None]
fmts = [lambda d: d.isoformat() + "T10:30:00", lambda d: d.strftime("%d %b %Y"),
        lambda d: "%d/%d/%02d" % (d.month, d.day, d.year % 100), lambda d: d.strftime("%B %d, %Y"),
        lambda d: d.isoformat()]
truth = {}
with open(work + "/news.jsonl", "w") as f:
    for i in range(90):
        d = datetime.date(1987, 2, 1) + datetime.timedelta(days=rnd.randrange(110))
        rec = {"id": "a%03d" % i, "title": "Story %d" % i}
        if i % 11 == 5:
            rec["date"] = "" if i % 2 else "sometime in spring"
            truth[rec["id"]] = None
        else:
            rec["date"] = rnd.choice(fmts)(d)
            truth[rec["id"]] = d.isoformat()
        s = sources[i % 3]
        if s:
            rec["source"] = s
        p, q = rnd.sample(people, 2)
        c, c2 = rnd.sample(firms, 2)
        rec["text"] = ("%s, chief executive of %s, met %s on Tuesday. %s said the talks with %s "
                       "were useful, according to people close to the deal. %s declined to "
                       "comment." % (p, c, q, q, c2, p))
        f.write(json.dumps(rec) + "\n")
json.dump(truth, open(work + "/truth.json", "w"))
PYEOF

# Every evidence record kept, so that a slice of the graph holds all a build of the slice would.
run "$ERG" build --quiet --evidence 1000 "$WORK/news.jsonl" -o "$WORK/g.json"
expect_rc 0 "build the dated corpus"
run "$ERG" extract "$WORK/news.jsonl" -o "$WORK/x.jsonl"
expect_rc 0 "extract the dated corpus"

# timeline against Python (extract's mentions by merge key = node id), by month and by day, with and without sources
for by in month day; do
    for src in "" --by-source; do
        $PY - "$WORK" "$ERG" "$by" "$src" >"$WORK/check" 2>&1 <<'PYEOF'
import json, subprocess, sys, collections
work, erg, by, src = sys.argv[1:5]
truth = json.load(open(work + "/truth.json"))
g = json.load(open(work + "/g.json"))
source = {}
for line in open(work + "/news.jsonl"):
    a = json.loads(line)
    source[a["id"]] = a.get("source")
ok = True
for node in sorted(g["nodes"], key=lambda n: -n["mentions"])[:4]:
    cmd = [erg, "query", work + "/g.json", "timeline", node["name"], "--by", by, "--json"]
    if src:
        cmd.append(src)
    got = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    want = collections.defaultdict(lambda: [0, 0])
    for line in open(work + "/x.jsonl"):
        r = json.loads(line)
        k = sum(1 for m in r["mentions"] if m["key"] == node["id"])
        if k:
            d = truth[r["id"]]
            key = (d[:7] if by == "month" else d) if d else "unknown"
            if src:
                key = (key, source[r["id"]])
            want[key][0] += k
            want[key][1] += 1
    have = {((row["period"], row["outlet"]) if src else row["period"]):
            [row["mentions"], row["articles"]] for row in got}
    if have != dict(want):
        ok = False
        print("timeline %s %s %s: erg %s, Python %s" % (node["name"], by, src, have, dict(want)))
    if not src and [row["period"] for row in got][-1:] != ["unknown"]:
        ok = False
        print("no 'unknown' row last for %s" % node["name"])
sys.exit(0 if ok else 1)
PYEOF
        if [ $? -eq 0 ]; then pass "timeline --by $by $src equals Python's count of the input"; else
            fail "timeline --by $by $src equals Python's count of the input"; head -5 "$WORK/check"; fi
    done
done

# query --since/--until/--source against a build of only those articles
compare_slice() {
    local name=$1; shift
    run "$ERG" build --quiet --evidence 1000 "$@" "$WORK/news.jsonl" -o "$WORK/b.json"
    expect_rc 0 "build $name"
    run "$ERG" query "$WORK/g.json" dump "$@" -o "$WORK/q.json"
    expect_rc 0 "query dump $name"
    if $PY - "$WORK/b.json" "$WORK/q.json" >"$WORK/check" 2>&1 <<'PYEOF'; then
import json, sys
b, q = (json.load(open(p)) for p in sys.argv[1:3])
def nodes(g):
    return {n["id"]: (n["mentions"], n["articles"], n.get("first_date"), n.get("last_date"),
                      n["timeline"]) for n in g["nodes"]}
def links(g):
    return {(l["source"], l["target"], l["kind"]): (l["weight"], l["count"], l["articles"],
            l.get("first_date"), l.get("last_date"), l["timeline"],
            sorted((e["article"], e["start"]) for e in l["evidence"])) for l in g["links"]}
nb, nq = nodes(b), nodes(q)
lb, lq = links(b), links(q)
for k in sorted(set(nb) | set(nq)):
    if nb.get(k) != nq.get(k):
        print("node %s: build %s, query %s" % (k, nb.get(k), nq.get(k)))
for k in sorted(set(lb) | set(lq)):
    if lb.get(k) != lq.get(k):
        print("link %s: build %s, query %s" % (k, lb.get(k), lq.get(k)))
sys.exit(0 if nb == nq and lb == lq and nb else 1)
PYEOF
        pass "query $name gives the nodes and edges of build $name"
    else
        fail "query $name gives the nodes and edges of build $name"; head -5 "$WORK/check"
    fi
}
compare_slice "--since 1987-03-15" --since 1987-03-15
compare_slice "--until 1987-04" --until 1987-04
compare_slice "--since 3/1/87 --until 1987-04-10 --source 'valley post'" \
    --since 3/1/87 --until 1987-04-10 --source "valley post"
compare_slice "--source 'Harbor Wire' --source 'VALLEY POST'" --source "Harbor Wire" --source "VALLEY POST"

run "$ERG" query "$WORK/g.json" timeline "Quellwater Corp" --since 1987-02-30
expect_rc 2 "query --since with no such day"
expect_err "not a date" "query --since with no such day"

# GEXF --dynamic
run "$ERG" build --quiet --dynamic "$WORK/news.jsonl" -o "$WORK/g.gexf"
expect_rc 0 "build .gexf --dynamic"
if xmllint --noout --relaxng "$TESTS_DIR/gexf-1.3/gexf.rng" "$WORK/g.gexf" 2>"$WORK/xmllint.err"; then
    pass "--dynamic GEXF is valid GEXF 1.3 (xmllint --relaxng)"
else
    fail "--dynamic GEXF is valid GEXF 1.3 (xmllint --relaxng)"; head -5 "$WORK/xmllint.err"
fi
run "$ERG" build --quiet --dynamic "$WORK/news.jsonl" -o "$WORK/g.graphml"
expect_rc 2 "--dynamic with GraphML is a usage error"
if $PY - "$WORK/g.json" "$WORK/g.gexf" >"$WORK/check" 2>&1 <<'PYEOF'; then
import json, sys
from networkx.readwrite import gexf as nxg
# networkx 2.8 knows GEXF 1.1 and 1.2 only, and refuses mixed edge types
# (see gexf.sh): the same elements under the 1.3 namespace, each edge's type kept as data.
nxg.GEXF.versions.setdefault("1.3", dict(nxg.GEXF.versions["1.2draft"],
    NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3"))
class MixedReader(nxg.GEXFReader):
    def add_edge(self, G, edge_element, edge_attr):
        edge_element.attrib.pop("type", None)
        super().add_edge(G, edge_element, edge_attr)
        self.simple_graph = False
G = MixedReader(version="1.3")(sys.argv[2])
import networkx as nx
G = nx.relabel_nodes(G, {v: d["key"] for v, d in G.nodes(data=True)})  # ids are n0, n1, ...
g = json.load(open(sys.argv[1]))
bad = 0
for n in g["nodes"]:
    days = sorted({c[0] for c in n["timeline"] if c[0]})
    spells = sorted(G.nodes[n["id"]].get("spells", []))
    if [s for s, e in spells] != days or any(s != e for s, e in spells):
        bad += 1
        print("node %s: spells %s, days %s" % (n["id"], spells, days))
n_spells = sum(len(d.get("spells", [])) for _, _, d in G.edges(data=True))
want = sum(len({c[0] for c in l["timeline"] if c[0]}) for l in g["links"])
print("edge spells: %d, days of edge timelines: %d" % (n_spells, want))
sys.exit(1 if bad or n_spells != want or not want else 0)
PYEOF
    pass "networkx reads the spells: each node's and edge's article days"
else
    fail "networkx reads the spells: each node's and edge's article days"; head -5 "$WORK/check"
fi
finish
