#!/usr/bin/env bash
# GEXF 1.3: the variants corpus built with --rank pagerank --communities
# validates against the GEXF 1.3 RELAX NG schema (tests/gexf-1.3, CC-BY 4.0),
# and networkx reads it back with the native file's nodes, edge weights,
# scores and communities, typed relations directed subject -> object.
. "$(dirname "$0")/lib.sh"

DIR="$FIXTURES/variants"
OPTS=(--quiet --rank pagerank --communities)
# The articles are the .txt files; README.md would be read as an article too.
run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.json"
expect_rc 0 "build the native file"
run "$ERG" build "${OPTS[@]}" "$DIR"/*.txt -o "$WORK/g.gexf"
expect_rc 0 "build .gexf"
run "$ERG" build "${OPTS[@]}" --format gexf "$DIR"/*.txt -o -
expect_rc 0 "build --format gexf to stdout"
if cmp -s "$WORK/out" "$WORK/g.gexf"; then pass "--format gexf writes the same bytes"; else
    fail "--format gexf writes the same bytes"; fi

if xmllint --noout --relaxng "$TESTS_DIR/gexf-1.3/gexf.rng" "$WORK/g.gexf" 2>"$WORK/xmllint.err"; then
    pass "valid GEXF 1.3 (xmllint --relaxng)"
else
    fail "valid GEXF 1.3 (xmllint --relaxng)"; head -5 "$WORK/xmllint.err"
fi

$PY - "$WORK/g.json" "$WORK/g.gexf" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
import networkx as nx
from networkx.readwrite import gexf as nxg

js, path = sys.argv[1], sys.argv[2]
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1

# networkx 2.8 knows the GEXF 1.1 and 1.2 namespaces only; 1.3 has the same
# elements under new ones. It also refuses a mixed graph (a directed edge
# in an undirected one), which GEXF allows and Gephi reads: the reader below
# keeps each edge's type as data instead.
nxg.GEXF.versions.setdefault("1.3", dict(nxg.GEXF.versions["1.2draft"],
    NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3"))
class MixedReader(nxg.GEXFReader):
    def add_edge(self, G, edge_element, edge_attr):
        t = edge_element.attrib.pop("type", "undirected")
        super().add_edge(G, edge_element, edge_attr)
        key = edge_element.get("id")
        s, t2 = edge_element.get("source"), edge_element.get("target")
        # an undirected MultiGraph forgets which end came first: keep it
        G.edges[s, t2, key].update(edgetype=t, ends=(s, t2))
        self.simple_graph = False  # keep the MultiGraph: parallel edges are normal
G = MixedReader(version="1.3")(path)
# Node ids are n0, n1, ... in entity order; the merge key is the "key" attribute.
check(list(G.nodes()) == ["n%d" % i for i in range(G.number_of_nodes())], "node ids are n0, n1, ...")
key_of = {v: d["key"] for v, d in G.nodes(data=True)}
G = nx.relabel_nodes(G, key_of)

g = json.load(open(js))
nodes = {n["id"]: n for n in g["nodes"]}
check(G.number_of_nodes() == len(nodes), "nodes %d == native %d" % (G.number_of_nodes(), len(nodes)))
check(G.number_of_edges() == len(g["links"]), "edges %d == native %d" % (G.number_of_edges(), len(g["links"])))
check(all(d["label"] == nodes[k]["name"] and d["type"] == nodes[k]["type"]
          and d["mentions"] == nodes[k]["mentions"] for k, d in G.nodes(data=True)),
      "labels, types and mentions match")
check(all(abs(d["pagerank"] - nodes[k]["pagerank"]) == 0 for k, d in G.nodes(data=True)),
      "pagerank scores match")
check(all(d.get("community") == nodes[k].get("community") for k, d in G.nodes(data=True)),
      "communities match")
sizes = [d["viz"]["size"] for _, d in G.nodes(data=True)]
check(min(sizes) == 5 and max(sizes) == 50, "viz:size runs 5..50 (%g..%g)" % (min(sizes), max(sizes)))
top = max(nodes, key=lambda k: nodes[k]["pagerank"])
check(G.nodes[top]["viz"]["size"] == 50, "the top pagerank node is the largest")
check(all("color" in d["viz"] for _, d in G.nodes(data=True)), "every node has a viz:color")

edges = {}
for s, t, d in G.edges(data=True):
    edges.setdefault((d["kind"], frozenset((s, t))), []).append((s, t, d))
typed = 0
for l in g["links"]:
    found = edges.get((l["kind"], frozenset((l["source"], l["target"]))), [])
    if len(found) != 1:
        check(False, "one GEXF edge for %s %s-%s" % (l["kind"], l["source"], l["target"]))
        continue
    _, _, d = found[0]
    s, t = (key_of[x] for x in d["ends"])
    if d["weight"] != l["weight"] or d["count"] != l["count"]:
        check(False, "weight/count of %s-%s: %r/%r != %r/%r" % (s, t, d["weight"], d["count"], l["weight"], l["count"]))
    if l["kind"] == "co_mention":
        if d["edgetype"] != "undirected":
            check(False, "co_mention %s-%s undirected" % (s, t))
    else:
        typed += 1
        if not (d["edgetype"] == "directed" and d.get("label") == l["kind"]
                and (s, t) == (l["source"], l["target"])):
            check(False, "typed %s %s -> %s directed, subject first" % (l["kind"], s, t))
check(bad == 0, "every edge's weight and count match the native file's")
check(typed > 0, "%d typed edges, each directed subject -> object with its kind as label" % typed)
sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "networkx reads the GEXF as the native file"; else fail "networkx reads the GEXF as the native file"; fi
finish
