#!/usr/bin/env bash
# erg build --rank / --communities / filters, on the 25 articles of
# fixtures/variants. Every expected value is recomputed here by networkx from
# the GraphML that a plain `erg build` writes of the same articles: the simple
# undirected co-mention graph (edges with kind == co_mention, weight = their
# weight, length = 1/weight) is rebuilt in Python, and the scores, the
# modularity and the filters' results are compared with what erg wrote.
. "$(dirname "$0")/lib.sh"
IN=("$FIXTURES"/variants/*.txt)

# ---- help and usage errors -------------------------------------------------------------------
run "$ERG" build --help
expect_rc 0 "build --help"
missing=""
for flag in --rank --communities --resolution --min-weight --backbone --largest-component --top \
    "simple undirected co-mention graph" "erg build news.jsonl --rank pagerank"; do
    grep -qF -- "$flag" "$WORK/out" || missing="$missing '$flag'"
done
if [ -z "$missing" ]; then pass "--help lists the analysis flags, the graph used and an example"; else
    fail "--help lacks$missing"; fi

usage_case() { # NAME MESSAGE ARGS...
    local name=$1 msg=$2
    shift 2
    run "$ERG" build --quiet "${IN[0]}" -o "$WORK/u.graphml" "$@"
    expect_rc 2 "$name"
    expect_err "erg: $msg" "$name"
    expect_err "Try 'erg build --help'." "$name (try line)"
    if [ -e "$WORK/u.graphml" ]; then fail "$name wrote a file"; fi
}
usage_case "unknown measure" "unknown measure 'fame'" --rank pagerank,fame
usage_case "empty measure" "--rank needs a measure name" --rank pagerank,
usage_case "unknown method" "unknown community method 'spectral'" --communities=spectral
usage_case "resolution 0" "--resolution takes a number > 0, not '0'" --communities --resolution 0
usage_case "resolution not a number" "--resolution takes a number > 0" --communities --resolution x
usage_case "resolution alone" "--resolution applies to --communities" --resolution 2
usage_case "min-weight 0" "--min-weight takes a number > 0, not '0'" --min-weight 0
usage_case "min-weight text" "--min-weight takes a number > 0, not 'heavy'" --min-weight heavy
usage_case "backbone 0" "--backbone takes a significance level in (0, 1], not '0'" --backbone 0
usage_case "backbone 2" "--backbone takes a significance level in (0, 1], not '2'" --backbone 2
usage_case "top 0" "--top takes a whole number >= 1, not '0'" --top 0
usage_case "top -3" "--top takes a whole number >= 1, not '-3'" --top -3
usage_case "top 2.5" "--top takes a whole number >= 1, not '2.5'" --top 2.5
usage_case "top without value" "option '--top' needs a value" --top

# ---- builds ----------------------------------------------------------------------------------
build() { # NAME OUTPUT ARGS...
    local name=$1 out=$2
    shift 2
    run "$ERG" build --quiet "${IN[@]}" -o "$WORK/$out" "$@"
    expect_rc 0 "$name"
    no_crash "$name"
    cp "$WORK/err" "$WORK/$out.err"
}
build "plain build" full.graphml
build "all six ranks and communities" ranked.graphml \
    --rank degree,strength --rank pagerank --rank betweenness,eigenvector,closeness,pagerank --communities
build "louvain at resolution 1.5" louvain.graphml --communities louvain --resolution 1.5 --rank pagerank
build "min-weight 2" minw.graphml --min-weight 2
build "min-weight 0.75" minwf.graphml --min-weight 0.75
build "largest component" lcc.graphml --largest-component
build "top 6 by degree" top.graphml --top 6
build "top 6 by pagerank" toppr.graphml --top 6 --rank pagerank,degree
build "backbone 0.4" backbone.graphml --backbone 0.4
build "all filters in order" chain.graphml --min-weight 2 --backbone 0.4 --largest-component --top 3 \
    --rank pagerank --communities
build "JSON with ranks" ranked.json --rank pagerank,degree --communities
build "DOT with communities" comm.dot --communities
if grep -q "filtered from" "$WORK/minw.graphml.err" && ! grep -q "filtered from" "$WORK/ranked.graphml.err"; then
    pass "the summary tells when filters dropped something"
else fail "summary line: $(cat "$WORK/minw.graphml.err")"; fi
if grep -qE "; [0-9]+ communit(y|ies) \(leiden\), modularity [0-9.]+$" "$WORK/ranked.graphml.err"; then
    pass "the summary has the communities and the modularity"
else fail "summary line: $(cat "$WORK/ranked.graphml.err")"; fi

# --communities takes its method as the next word too, and leaves an input there alone.
run "$ERG" build --quiet --communities louvain "${IN[0]}" -o "$WORK/word.graphml"
expect_rc 0 "--communities louvain as two words"
expect_err "(louvain)" "--communities louvain as two words"
run "$ERG" build --quiet "${IN[0]}" --communities "${IN[1]}" -o "$WORK/word2.graphml"
expect_rc 0 "--communities before an input"
expect_err ": 2 articles" "--communities before an input reads both"

# ---- the numbers, against networkx -----------------------------------------------------------
$PY - "$WORK" >"$WORK/check" 2>&1 <<'PYEOF'
import json, math, re, sys
from fractions import Fraction
import networkx as nx

W = sys.argv[1]
bad = 0


def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1


def load(name):
    """The multigraph erg wrote, its simple co-mention graph, and the entity order."""
    M = nx.read_graphml("%s/%s" % (W, name), force_multigraph=True)
    # Node ids are n0, n1, ...; the merge key is the "key" attribute.
    M = nx.relabel_nodes(M, {v: d["key"] for v, d in M.nodes(data=True)})
    order = list(M.nodes())
    G = nx.Graph()
    G.add_nodes_from(order)
    for u, v, d in M.edges(data=True):
        if d["kind"] == "co_mention":
            assert not G.has_edge(u, v), "two co_mention edges for one pair"
            # Exact lengths: with floats, 1/3 + 1/6 and 1/2 may differ in the last bit, and
            # networkx then drops a tie that igraph (which compares with a tolerance) keeps.
            # A weight is a whole number of units of 1/720720 (erg's ERG_WEIGHT_UNIT).
            units = round(float(d["weight"]) * 720720)
            assert units > 0 and abs(units / 720720 - float(d["weight"])) < 1e-12, d["weight"]
            assert int(d["count"]) >= 1, d
            G.add_edge(u, v, weight=float(d["weight"]), length=Fraction(720720, units))
    return M, G, order


def edge_set(M):
    return sorted((u, v, d["kind"]) if d["kind"] != "co_mention" else (min(u, v), max(u, v), d["kind"])
                  for u, v, d in M.edges(data=True))


def modularity_printed(name):
    m = re.search(r"modularity ([0-9.]+)", open("%s/%s.err" % (W, name)).read())
    return float(m.group(1)) if m else None


def close(a, b, tol=1e-6):
    return abs(a - b) <= tol


def pagerank(G):
    return nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000)


def same_scores(M, want, attr, tol=1e-6):
    worst = max(abs(M.nodes[v][attr] - want[v]) for v in M.nodes())
    return worst <= tol, worst


M, G, order = load("full.graphml")
check(G.number_of_edges() > 40 and nx.number_connected_components(G) > 1,
      "the fixture graph is big enough (%d nodes, %d co-mention edges, %d components)"
      % (G.number_of_nodes(), G.number_of_edges(), nx.number_connected_components(G)))
check(len(set(d["weight"] for *_, d in G.edges(data=True))) > 2, "co-mention weights vary")

# -- ranks on the unfiltered graph
R, RG, rorder = load("ranked.graphml")
check(rorder == order and edge_set(R) == edge_set(M), "--rank/--communities change no node or edge")
ok, worst = same_scores(R, pagerank(G), "pagerank")
check(ok, "pagerank (weighted, damping 0.85) agrees with networkx, worst %.2g" % worst)
check(all(isinstance(R.nodes[v]["degree"], int) and R.nodes[v]["degree"] == G.degree(v) for v in order),
      "degree is an int attribute equal to networkx's")
ok, worst = same_scores(R, dict(G.degree(weight="weight")), "strength")
check(ok, "strength agrees, worst %.2g" % worst)
ok, worst = same_scores(R, {v: float(c) for v, c in nx.betweenness_centrality(G, weight="length", normalized=False).items()}, "betweenness")
check(ok, "betweenness (length 1/weight, not normalized) agrees, worst %.2g" % worst)
ok, worst = same_scores(R, {v: float(c) for v, c in nx.closeness_centrality(G, distance="length", wf_improved=False).items()}, "closeness")
check(ok, "closeness (length 1/weight) agrees, worst %.2g" % worst)
ev = nx.eigenvector_centrality_numpy(G, weight="weight")
top = max(abs(x) for x in ev.values())
ok, worst = same_scores(R, {v: abs(x) / top for v, x in ev.items()}, "eigenvector")
check(ok, "eigenvector (largest 1) agrees, worst %.2g" % worst)

# -- communities: an int attribute on every node; the printed modularity is networkx's
comm = {v: R.nodes[v].get("community") for v in order}
check(all(isinstance(c, int) and c >= 0 for c in comm.values()), "every node has an int community")
groups = {}
for v, c in comm.items():
    groups.setdefault(c, set()).add(v)
check(sorted(groups) == list(range(len(groups))), "communities are numbered 0..k-1")
q = nx.community.modularity(G, list(groups.values()), weight="weight", resolution=1)
p = modularity_printed("ranked.graphml")
check(p is not None and close(p, q), "printed modularity %s == networkx %.8f" % (p, q))
check(q > 0.3, "leiden found real structure (modularity %.3f)" % q)
sizes = [len(groups[c]) for c in sorted(groups)]
check(sizes == sorted(sizes, reverse=True), "communities numbered from the largest")

L, LG, _ = load("louvain.graphml")
lg = {}
for v in L.nodes():
    lg.setdefault(L.nodes[v]["community"], set()).add(v)
q = nx.community.modularity(LG, list(lg.values()), weight="weight", resolution=1.5)
p = modularity_printed("louvain.graphml")
check(p is not None and close(p, q), "louvain at resolution 1.5: printed %s == networkx %.8f" % (p, q))

# -- filters, each against the unfiltered graph


def expected_multigraph_edges(keep_nodes, keep_pair):
    """The multigraph edges among keep_nodes, a pair with a dropped co-mention losing all."""
    out = []
    for u, v, d in M.edges(data=True):
        if u not in keep_nodes or v not in keep_nodes:
            continue
        pair_co = G.has_edge(u, v)
        if pair_co and not keep_pair(u, v):
            continue
        out.append((min(u, v), max(u, v), d["kind"]) if d["kind"] == "co_mention" else (u, v, d["kind"]))
    return sorted(out)


F, _, forder = load("minw.graphml")
want = expected_multigraph_edges(set(order), lambda u, v: G[u][v]["weight"] >= 2)
check(forder == order, "--min-weight keeps every entity")
check(edge_set(F) == want and len(want) < len(edge_set(M)),
      "--min-weight 2 keeps the pairs of weight 2 or more (%d of %d edges)" % (len(want), len(edge_set(M))))
F, _, forder = load("minwf.graphml")
wantf = expected_multigraph_edges(set(order), lambda u, v: G[u][v]["weight"] >= 0.75)
check(forder == order and edge_set(F) == wantf and len(want) < len(wantf) < len(edge_set(M)),
      "--min-weight 0.75 keeps the pairs of weight 0.75 or more (%d of %d edges)" % (len(wantf), len(edge_set(M))))
typed_only = [e for e in want if e[2] != "co_mention" and not G.has_edge(e[0], e[1])]
print("# typed-only pairs kept by --min-weight: %d" % len(typed_only))

# The largest component; ties between equal sizes go to the one holding the earliest entity.
comps = sorted(nx.connected_components(G), key=lambda c: (-len(c), min(order.index(v) for v in c)))
F, _, forder = load("lcc.graphml")
check(set(forder) == comps[0] and len(comps[0]) < len(order),
      "--largest-component keeps the %d entities of networkx's largest component" % len(comps[0]))
check(edge_set(F) == expected_multigraph_edges(comps[0], lambda u, v: True),
      "--largest-component keeps every edge among them")

deg = dict(G.degree())
want_top = set(sorted(order, key=lambda v: (-deg[v], order.index(v)))[:6])
F, _, forder = load("top.graphml")
check(set(forder) == want_top, "--top 6 keeps networkx's 6 highest degrees (ties: key order)")
check(edge_set(F) == expected_multigraph_edges(want_top, lambda u, v: True), "--top keeps the edges among them")

pr = pagerank(G)
F, FG, forder = load("toppr.graphml")
kept, rest = [pr[v] for v in forder], [pr[v] for v in order if v not in forder]
check(len(forder) == 6 and min(kept) >= max(rest) - 1e-9,
      "--top 6 --rank pagerank keeps 6 entities none of the others outranks")
ok, worst = same_scores(F, pagerank(FG), "pagerank")
check(ok, "the ranks written after --top are those of the smaller graph, worst %.2g" % worst)


def disparity_keep(H, alpha):
    k, s = dict(H.degree()), dict(H.degree(weight="weight"))
    def a(v, w):
        return 0.0 if k[v] <= 1 else (1 - w / s[v]) ** (k[v] - 1)
    return lambda u, v: min(a(u, H[u][v]["weight"]), a(v, H[u][v]["weight"])) < alpha


keep = disparity_keep(G, 0.4)
F, _, forder = load("backbone.graphml")
want = expected_multigraph_edges(set(order), keep)
kept_co = sum(1 for e in want if e[2] == "co_mention")
check(forder == order and edge_set(F) == want and 0 < kept_co < G.number_of_edges(),
      "--backbone 0.4 keeps the %d of %d co-mention pairs the disparity filter keeps"
      % (kept_co, G.number_of_edges()))

# The chain, step by step in networkx: min weight, backbone, largest component, top 3 by pagerank.
# (On this fixture, each of the 23 other orders of the four filters gives another graph.)
H = G.copy()
H.remove_edges_from([(u, v) for u, v, d in G.edges(data=True) if d["weight"] < 2])
H.remove_edges_from([(u, v) for u, v in list(H.edges()) if not disparity_keep(H, 0.4)(u, v)])
horder = [v for v in order]
big = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(order.index(v) for v in c)))[0]
H = H.subgraph([v for v in horder if v in big]).copy()
hpr = pagerank(H)
ranked = sorted(H.nodes(), key=lambda v: -hpr[v])
F, FG, forder = load("chain.graphml")
in_h = set(forder) <= set(H.nodes())
kept = [hpr[v] for v in forder] if in_h else []
check(in_h and len(forder) == min(3, H.number_of_nodes())
      and min(kept) >= max([hpr[v] for v in H.nodes() if v not in forder] + [0]) - 1e-9,
      "filters run in order: min-weight, backbone, largest component, top 3 (%s)" % ", ".join(forder))
check(edge_set(F) == expected_multigraph_edges(set(forder), lambda u, v: H.has_edge(u, v)),
      "and the edges are those that both edge filters kept (%d)" % len(edge_set(F)))
ok, worst = same_scores(F, pagerank(FG), "pagerank")
check(ok, "pagerank of the filtered graph agrees, worst %.2g" % worst)
fc = {}
for v in forder:
    fc.setdefault(F.nodes[v]["community"], set()).add(v)
q = nx.community.modularity(FG, list(fc.values()), weight="weight") if FG.number_of_edges() else None
p = modularity_printed("chain.graphml")
check(q is not None and p is not None and close(p, q), "modularity of the filtered graph: %s == %s" % (p, q))

# -- JSON: extra node fields only; the same values as GraphML would give
js = json.load(open("%s/ranked.json" % W))
jpr = {n["id"]: n["pagerank"] for n in js["nodes"]}
check(all(close(jpr[v], x) for v, x in pr.items()) and all(isinstance(n["degree"], int) for n in js["nodes"])
      and all(isinstance(n["community"], int) for n in js["nodes"]),
      "the native file has pagerank, degree and community per node")
check(all("pagerank" not in l for l in js["links"]) and "pagerank" not in js["graph"], "and nowhere else")

# -- DOT: every node filled with its community's colour from a palette of 12
palette = ["#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462",
           "#B3DE69", "#FCCDE5", "#D9D9D9", "#BC80BD", "#CCEBC5", "#FFED6F"]
fills = re.findall(r'fillcolor="(#[0-9A-F]{6})"[^\n]*community (\d+)"\]', open("%s/comm.dot" % W).read())
check(len(fills) == len(order) and all(f == palette[int(c) % 12] for f, c in fills),
      "DOT fills each of the %d nodes by community" % len(fills))
check(len(set(f for f, _ in fills)) > 4, "several community colours are used")

sys.exit(1 if bad else 0)
PYEOF
rc=$?
cat "$WORK/check"
if [ $rc -eq 0 ]; then pass "analysis flags agree with networkx"; else fail "analysis flags agree with networkx"; fi

dot -Tsvg "$WORK/comm.dot" >"$WORK/comm.svg" 2>"$WORK/dot.err"
if [ $? -eq 0 ] && [ ! -s "$WORK/dot.err" ] && grep -q '<svg' "$WORK/comm.svg"; then
    pass "DOT coloured by community renders with dot -Tsvg, nothing on stderr"
else
    fail "dot -Tsvg on the community DOT"; head -5 "$WORK/dot.err"
fi

# The native file with extra node fields loads like any graph.
run "$ERG" query "$WORK/ranked.json" stats
expect_rc 0 "erg query reads a native file with rank fields"

# Ranks asked for a DOT file: the first sizes the nodes and the legend says so; a second
# one is not drawn, and a warning says where to keep it.
run "$ERG" build --quiet "${IN[@]}" -o "$WORK/r.dot" --rank pagerank
expect_rc 0 "--rank with DOT output"
if grep -q "warning" "$WORK/err"; then fail "--rank pagerank with DOT: a warning"; else
    pass "--rank pagerank with DOT: no warning"; fi
if grep -q "size by pagerank" "$WORK/r.dot"; then pass "the DOT legend names the size measure"; else
    fail "the DOT legend names the size measure"; fi
run "$ERG" build --quiet "${IN[@]}" -o "$WORK/r2.dot" --rank pagerank,degree
expect_rc 0 "two --rank measures with DOT output"
expect_err "warning: a drawing is sized by the first --rank measure (pagerank) only" \
    "two --rank measures with DOT output"
finish
