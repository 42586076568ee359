#!/usr/bin/env bash
# GraphML reads in networkx and python-igraph with erg's counts and labels;
# DOT renders with dot -Tsvg and nothing on stderr.
. "$(dirname "$0")/lib.sh"

for f in json graphml dot; do
    run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.$f"
    expect_rc 0 "build $f"
done
# erg's own counts, from its summary line and from the native file
summary=$(grep '^built ' "$WORK/err")
nodes=$(echo "$summary" | sed -E 's/.*, ([0-9]+) entities.*/\1/')
edges=$(echo "$summary" | sed -E 's/.*, ([0-9]+) edges$/\1/')
if [ -n "$nodes" ] && [ "$nodes" -gt 0 ] && [ "$edges" -gt 0 ]; then pass "summary has counts ($nodes nodes, $edges edges)"; else fail "summary: '$summary'"; fi

$PY - "$WORK/g.json" "$WORK/g.graphml" "$nodes" "$edges" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
import networkx as nx
import igraph as ig
js, gml, nodes, edges = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
g = json.load(open(js))
labels = sorted(n["name"] for n in g["nodes"])
bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1
check(len(g["nodes"]) == nodes and len(g["links"]) == edges, "native file has the summary's counts")
G = nx.read_graphml(gml)
check(G.number_of_nodes() == nodes, "networkx nodes %d == %d" % (G.number_of_nodes(), nodes))
check(G.number_of_edges() == edges, "networkx edges %d == %d" % (G.number_of_edges(), edges))
check(sorted(d["label"] for _, d in G.nodes(data=True)) == labels, "networkx labels")
check(all(isinstance(d["r"], int) and isinstance(d["size"], float) for _, d in G.nodes(data=True)),
      "networkx: integer r, float size")
check(all("weight" in d for *_, d in G.edges(data=True)), "networkx: weight on every edge")
H = ig.Graph.Read_GraphML(gml)
check(H.vcount() == nodes, "igraph nodes %d == %d" % (H.vcount(), nodes))
check(H.ecount() == edges, "igraph edges %d == %d" % (H.ecount(), edges))
check(sorted(H.vs["label"]) == labels, "igraph labels")
sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "graphml readers agree"; else fail "graphml readers agree"; fi

dot -Tsvg "$WORK/g.dot" >"$WORK/g.svg" 2>"$WORK/dot.err"
if [ $? -eq 0 ] && [ ! -s "$WORK/dot.err" ] && grep -q '<svg' "$WORK/g.svg"; then
    pass "dot -Tsvg renders without warnings"
else
    fail "dot -Tsvg"; head -5 "$WORK/dot.err"
fi

# --format overrides the extension; -o - writes to stdout
run "$ERG" build --quiet --format dot "$FIXTURES/articles" -o -
expect_rc 0 "build to stdout"
if head -1 "$WORK/out" | grep -q '^graph'; then pass "stdout is DOT"; else fail "stdout is DOT"; fi
run "$ERG" build --quiet "$FIXTURES/articles" -o "$WORK/g.xyz"
expect_rc 2 "unknown extension"
# The whole line, so that the hint is said once.
if grep -qxF "erg: '$WORK/g.xyz': unknown output extension (known: .json, .graphml, .xml, .dot, .gv, .gexf, .html, .svg, .png; a directory DIR/ for CSV); give --format" "$WORK/err"; then
    pass "unknown extension message"; else fail "unknown extension message"; head -2 "$WORK/err"; fi
# Without -o and with standard output a terminal (script(1) gives one), the
# graph is summed up, not printed; piped, it is printed.
script -qec "'$ERG' build --quiet '$FIXTURES/articles'" /dev/null >"$WORK/tty" 2>&1
if grep -q "the graph was not written: standard output is a terminal" "$WORK/tty" &&
    grep -q "built (not written): 1 article" "$WORK/tty" && ! grep -q '"format"' "$WORK/tty"; then
    pass "no graph printed on a terminal, a summary and a hint instead"
else fail "terminal output"; head -3 "$WORK/tty"; fi
run "$ERG" build --quiet "$FIXTURES/articles"
if head -c 30 "$WORK/out" | grep -q '"format":"erg-graph"'; then pass "piped, the graph is printed"
else fail "piped: no graph on stdout"; fi
finish
