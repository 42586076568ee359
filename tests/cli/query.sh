#!/usr/bin/env bash
# erg query on fixture graphs. fixtures/query/korea.json is small enough that
# the answers below were worked out by hand (the reasoning is in the
# comments); the numbers (PageRank, betweenness, closeness, eigenvector,
# shortest-path lengths, modularity, stats) are checked against networkx and
# python-igraph on that file and on a generated graph of 300 entities.
. "$(dirname "$0")/lib.sh"
G="$FIXTURES/query/korea.json"
GEN="$TESTS_DIR/bench/gen_graph.py"

# expect_out NAME: stdout of the last run equals $WORK/expected.
expect_out() {
    if diff -u "$WORK/expected" "$WORK/out" >"$WORK/diff"; then pass "$1 (output)"; else
        fail "$1: output differs"; head -20 "$WORK/diff" | sed 's/^/    /'
    fi
}

# ---- help ---------------------------------------------------------------------------------
run "$ERG" query --help
expect_rc 0 "query --help"
if grep -q "erg query graph.json path" "$WORK/out"; then pass "query --help has examples"; else fail "query --help has examples"; fi
for c in neighbors path top communities ego subgraph evidence find stats outlets; do
    run "$ERG" query "$G" "$c" --help
    if [ "$RC" -eq 0 ] && grep -q "^Example" "$WORK/out" && grep -q "erg query graph.json $c" "$WORK/out"; then
        pass "$c --help shows an example"
    else fail "$c --help shows an example (exit $RC)"; fi
done
run "$ERG" query top --help
expect_rc 0 "query COMMAND --help without a graph"

# ---- usage and input errors --------------------------------------------------------------
run "$ERG" query "$G" frobnicate
expect_rc 2 "unknown query command"
expect_err "unknown query command 'frobnicate'" "unknown query command"
run "$ERG" query "$G" top --by fame
expect_rc 2 "unknown measure"
expect_err "unknown measure 'fame'" "unknown measure"
run "$ERG" query "$G" top --bogus
expect_rc 2 "unknown option"
run "$ERG" query "$G" path "Kim Jong-un"
expect_rc 2 "path with one name"
run "$ERG" query "$G" top -n -3
expect_rc 2 "negative -n"
run "$ERG" query "$G" communities --resolution 0
expect_rc 2 "resolution 0"
run "$ERG" query "$WORK/missing.json" stats
expect_rc 1 "missing graph file"
no_crash "missing graph file"
run "$ERG" query "$WORK/x.dot" stats
expect_rc 1 "DOT input"
expect_err "erg query cannot read DOT files" "DOT input message"
run "$ERG" query "$WORK/missing.graphml" stats
expect_rc 1 "missing GraphML file"
expect_err "erg: '$WORK/missing.graphml': cannot open" "missing GraphML file message"
printf '<graphml>\n<graph>\n<node id="a"/>\n' >"$WORK/cut.graphml"
run "$ERG" query "$WORK/cut.graphml" stats
expect_rc 1 "truncated GraphML"
expect_err "erg: '$WORK/cut.graphml:" "truncated GraphML message"
no_crash "truncated GraphML"
printf '{"format":"erg-graph","version":1,"articles":[],"nodes":[{"id":"a"}],"links":[]}' >"$WORK/bad.json"
run "$ERG" query "$WORK/bad.json" stats
expect_rc 1 "malformed graph file"
no_crash "malformed graph file"
# A full stdout is a failure even for a table short enough to sit in stdio's buffer.
for fmt in "" --tsv --json; do
    "$ERG" query "$G" stats $fmt >/dev/full 2>"$WORK/err"
    RC=$?
    expect_rc 1 "stats $fmt to a full disk"
    expect_err "erg: cannot write to standard output: No space left on device" "stats $fmt to a full disk"
done

# ---- GraphML input ------------------------------------------------------------------------
# One `erg build` run writes both files; every answer must be the same on both.
"$ERG" build --quiet "$FIXTURES"/articles/*.txt -o "$WORK/art.json" 2>"$WORK/err" &&
    "$ERG" build --quiet "$FIXTURES"/articles/*.txt -o "$WORK/art.graphml" 2>>"$WORK/err"
if [ $? -eq 0 ]; then pass "build fixtures/articles as JSON and GraphML"; else fail "build fixtures/articles"; cat "$WORK/err"; fi
same_answer() { # NAME ARGS...: the query gives the same output on both files
    local name=$1
    shift
    "$ERG" query "$WORK/art.json" "$@" >"$WORK/from-json" 2>"$WORK/err-json"
    local rc1=$?
    "$ERG" query "$WORK/art.graphml" "$@" >"$WORK/from-graphml" 2>"$WORK/err-graphml"
    local rc2=$?
    if [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && [ -s "$WORK/from-json" ] && cmp -s "$WORK/from-json" "$WORK/from-graphml"; then
        pass "GraphML: $name as on the native file"
    else
        fail "GraphML: $name differs (exit $rc1 / $rc2)"; diff "$WORK/from-json" "$WORK/from-graphml" | head -10
        head -3 "$WORK/err-graphml"
    fi
}
# Scores: the same entities with the same scores. igraph's PageRank can differ in
# the last digits from one run to the next (on the same file), so the scores are
# compared to 1e-9 and the ranks of tied entities are not compared.
for by in pagerank betweenness degree; do
    "$ERG" query "$WORK/art.json" top --by $by -n 0 --json >"$WORK/top-json" 2>"$WORK/err" &&
        "$ERG" query "$WORK/art.graphml" top --by $by -n 0 --json >"$WORK/top-graphml" 2>>"$WORK/err"
    if [ $? -eq 0 ] && $PY -c '
import json, sys
a = {r["key"]: (r["name"], r["type"], r["score"]) for r in json.load(open(sys.argv[1]))}
b = {r["key"]: (r["name"], r["type"], r["score"]) for r in json.load(open(sys.argv[2]))}
ok = len(a) > 5 and a.keys() == b.keys() and all(
    a[k][:2] == b[k][:2] and abs(a[k][2] - b[k][2]) <= 1e-9 * max(1.0, abs(a[k][2])) for k in a)
sys.exit(0 if ok else 1)' "$WORK/top-json" "$WORK/top-graphml"; then
        pass "GraphML: top --by $by as on the native file"
    else fail "GraphML: top --by $by differs"; head -3 "$WORK/err"; fi
done
same_answer "neighbors Reuters" neighbors Reuters --tsv
same_answer "neighbors Reuters (table)" neighbors Reuters
same_answer "neighbors Kim Jong-un --json" neighbors "Kim Jong-un" --json
same_answer "find" find kim --tsv
if [ "$(wc -l <"$WORK/from-json")" -gt 1 ]; then pass "find found something"; else fail "find found nothing"; fi
# stats: the same but for the article count (GraphML holds no article list).
"$ERG" query "$WORK/art.json" stats --tsv | grep -v '^articles	' >"$WORK/expected"
run "$ERG" query "$WORK/art.graphml" stats --tsv
grep -v '^articles	' "$WORK/out" >"$WORK/out2" && mv "$WORK/out2" "$WORK/out"
expect_out "GraphML: stats as on the native file"
# Evidence: GraphML keeps an edge's counts but not its sentences.
run "$ERG" query "$WORK/art.graphml" evidence Reuters Minjoo --json
expect_rc 0 "evidence on GraphML"
if $PY -c 'import json,sys; e=json.load(open(sys.argv[1]))["edges"]; sys.exit(0 if e and e[0]["weight"]>0 and all(x["evidence"]==[] for x in e) else 1)' "$WORK/out"; then
    pass "evidence on GraphML: counts, no sentences"; else fail "evidence on GraphML"; cat "$WORK/out"; fi
run "$ERG" query evidence --help
if grep -q "GraphML holds no evidence" "$WORK/out"; then pass "evidence --help says GraphML has no sentences"; else fail "evidence --help on GraphML"; fi
# An edge naming a node that is not in the file.
# (Node ids are n0, n1, ...: the first edge's target is replaced.)
first=$(grep -o 'target="n[0-9]*"' "$WORK/art.graphml" | head -1)
sed "0,/$first/s//target=\"nobody\"/" "$WORK/art.graphml" >"$WORK/bad.graphml"
line=$(grep -n 'target="nobody"' "$WORK/bad.graphml" | head -1 | cut -d: -f1)
run "$ERG" query "$WORK/bad.graphml" stats
expect_rc 1 "GraphML edge to a missing node"
expect_err "erg: '$WORK/bad.graphml:$line': target 'nobody' is not a node" "GraphML missing node message"

# ---- names --------------------------------------------------------------------------------
# Kim Jong-un's co-mention partners by weight (the fixture's links), ties by articles:
# Choe Son-hui (2, in 2 articles) before Moon Jae-in (2, in 1). KCNA reports Kim
# (<reports, read from Kim); Kim leads the party (leads>).
cat >"$WORK/expected" <<'EOF'
name	type	weight	articles	kinds	first	last
KCNA	outlet	6	2	co_mention, <reports	2019-01-03	2019-02-11
Kim Yo-jong	person	5	2	co_mention	2019-02-11	2019-03-01
Workers' Party of Korea	agency	4	2	co_mention, leads>	2019-01-03	2019-02-11
Choe Son-hui	person	2	2	co_mention	2019-01-03	2019-02-11
Moon Jae-in	person	2	1	co_mention	2019-03-01	2019-03-01
EOF
for name in "Kim Jong-un" "KIM JONG UN" "kim jong‐un’s" "Kim Jong Un"; do
    run "$ERG" query "$G" neighbors "$name" --tsv
    expect_rc 0 "neighbors '$name'"
    expect_out "neighbors '$name'"
done
run "$ERG" query "$G" neighbors "Kim Jong-un" --type person,agency -n 2 --tsv
head -3 "$WORK/expected" | grep -v KCNA >"$WORK/e2"
printf 'Workers'"'"' Party of Korea\tagency\t4\t2\tco_mention, leads>\t2019-01-03\t2019-02-11\n' >>"$WORK/e2"
mv "$WORK/e2" "$WORK/expected"
expect_out "neighbors --type -n"
run "$ERG" query "$G" neighbors "Kim Yo-jong" --kind member_of --tsv
printf 'name\ttype\tweight\tarticles\tkinds\tfirst\tlast\nWorkers'"'"' Party of Korea\tagency\t0\t1\tmember_of>\t2019-02-11\t2019-02-11\n' >"$WORK/expected"
expect_out "neighbors --kind (a typed-only tie has weight 0)"
# Diacritics and hyphens: José Ramos-Horta's only tie is Lusa.
run "$ERG" query "$G" neighbors "jose ramos horta" --json
expect_rc 0 "neighbors without diacritics"
if $PY -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if [x["name"] for x in r]==["Lusa"] and r[0]["weight"]==2 else 1)' "$WORK/out"; then
    pass "neighbors --json"; else fail "neighbors --json"; fi
# An alias: the Korean Central News Agency is KCNA.
run "$ERG" query "$G" neighbors "korean central news agency" -n 1 --tsv
if grep -q "^Kim Jong-un	person	6	" "$WORK/out"; then pass "lookup by alias"; else fail "lookup by alias"; cat "$WORK/out"; fi
# "Kim" is an alias of two people.
run "$ERG" query "$G" neighbors Kim
expect_rc 1 "ambiguous name"
expect_err "erg: 'Kim' could mean: 'Kim Jong-un' (person, 3 mentions), 'Kim Yo-jong' (person, 2 mentions)" "ambiguous name lists the candidates"
run "$ERG" query "$G" path "Moon Jae-ins" KCNA
expect_rc 1 "unknown name"
expect_err "erg: no entity named 'Moon Jae-ins'; did you mean 'Moon Jae-in'?" "unknown name suggests"
run "$ERG" query "$G" outlets "Xiang Qiuqiu"
expect_rc 1 "unknown name without a near one"
expect_err "erg: no entity named 'Xiang Qiuqiu'" "unknown name message"

# ---- find ---------------------------------------------------------------------------------
run "$ERG" query "$G" find kim --tsv
printf 'name\ttype\tmentions\tmatched\tedits\tforms\nKim Jong-un\tperson\t15\tKim\t0\tKim Jong-un 10 (key), Kim 3 (key), Kim Jong Un 2 (key)\nKim Yo-jong\tperson\t7\tKim\t0\tKim Yo-jong 5 (key), Kim 2 (key)\n' >"$WORK/expected"
expect_out "find kim"
# "unifcation" lacks an i: one edit from "Ministry of Unification" and its alias.
run "$ERG" query "$G" find unifcation --tsv
printf 'name\ttype\tmentions\tmatched\tedits\tforms\nMinistry of Unification\tagency\t4\tMinistry of Unification\t1\tMinistry of Unification 3 (key), Unification Ministry 1 (key)\n' >"$WORK/expected"
expect_out "find with a typo"
run "$ERG" query "$G" find unifcation --edits 0 --tsv
printf 'name\ttype\tmentions\tmatched\tedits\tforms\n' >"$WORK/expected"
expect_out "find --edits 0"

# ---- path ---------------------------------------------------------------------------------
# From Choe Son-hui to the Ministry of Unification, lengths 1/weight:
#   Choe-Kim (1/2) Kim-Moon (1/2) Moon-MoU (1/3)                = 4/3
#   Choe-Kim (1/2) Kim-Moon (1/2) Moon-Yonhap (1/4) Yonhap-MoU (1/2) = 7/4
#   Choe-KCNA (1) KCNA-Kim (1/6) Kim-Moon (1/2) Moon-MoU (1/3)  = 2
# The other ways (through Kim Yo-jong and Yonhap: 2.2; through Reuters) are longer.
run "$ERG" query "$G" path "Choe Son-hui" "Ministry of Unification" -k 3 --tsv
expect_rc 0 "path -k 3"
awk -F'\t' 'NR > 1 { p[$1] = p[$1] (p[$1] ? " > " : $4 " > ") $5; len[$1] = $2 }
    END { for (i = 1; i <= 3; i++) print len[i] "\t" p[i] }' "$WORK/out" >"$WORK/got"
cat >"$WORK/expected" <<'EOF'
1.333333333	Choe Son-hui > Kim Jong-un > Moon Jae-in > Ministry of Unification
1.75	Choe Son-hui > Kim Jong-un > Moon Jae-in > Yonhap > Ministry of Unification
2	Choe Son-hui > KCNA > Kim Jong-un > Moon Jae-in > Ministry of Unification
EOF
if diff -u "$WORK/expected" "$WORK/got"; then pass "path -k 3: the three shortest chains"; else fail "path -k 3"; fi
# The KCNA-Kim hop shows the typed edge and quotes its evidence.
if grep -qF "KCNA	Kim Jong-un	6	co_mention, reports>	KCNA said Kim Jong-un met party officials." "$WORK/out"; then
    pass "path hop with kinds and evidence"; else fail "path hop with kinds and evidence"; fi
run "$ERG" query "$G" path "Kim Jong-un" Interpol
expect_rc 1 "path to an unconnected entity"
expect_err "erg: no path between 'Kim Jong-un' and 'Interpol'" "no path message"
# Kim Yo-jong and the party share only a typed edge, which paths do not use: 1/5 + 1/4.
run "$ERG" query "$G" path "Kim Yo-jong" WPK --json
if $PY -c 'import json,sys; p=json.load(open(sys.argv[1]))["paths"]; sys.exit(0 if len(p)==1 and abs(p[0]["length"]-0.45)<1e-12 and p[0]["hops"]==2 else 1)' "$WORK/out"; then
    pass "path ignores typed-only ties"; else fail "path ignores typed-only ties"; cat "$WORK/out"; fi

# ---- evidence -----------------------------------------------------------------------------
run "$ERG" query "$G" evidence KCNA "Kim Jong-un" --tsv
printf 'kind\tarticle\tdate\tsource\tsentence\nco_mention\ta1\t2019-01-03\tKCNA\tKCNA said Kim Jong-un met party officials.\nreports>\ta1\t2019-01-03\tKCNA\tKCNA said Kim Jong-un met party officials.\n' >"$WORK/expected"
expect_out "evidence"
run "$ERG" query "$G" evidence "Kim Jong-un" KCNA --json
if $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); e=d["edges"]; sys.exit(0 if [x["kind"] for x in e]==["co_mention","<reports"] and e[0]["weight"]==6 and e[0]["evidence"][0]["title"]=="Kim Jong-un meets party officials" else 1)' "$WORK/out"; then
    pass "evidence --json, read from A"; else fail "evidence --json"; cat "$WORK/out"; fi
run "$ERG" query "$G" evidence Lusa Interpol
expect_rc 1 "evidence without an edge"
expect_err "erg: no edge between 'Lusa' and 'Interpol'" "no edge message"

# ---- fractional weights (a version 2 file) ------------------------------------------------
# A sentence of four entities gives each pair 1/3; Ann and Cid share one more of two (1).
cat >"$WORK/small.json" <<'EOF'
{"format":"erg-graph","version":2,"directed":false,"multigraph":true,
"graph":{"entities":3,"edges":2,"articles":2,"max_evidence":3},
"articles":[
{"id":"n1","title":"One","date":"2020-01-01"},
{"id":"n2","title":"Two","date":"2020-01-02"}
],
"sentences":[
{"article":"n1","start":0,"end":30,"text":"Ann met Bob, Cid and Dee today."},
{"article":"n2","start":5,"end":20,"text":"Ann and Cid."}
],
"nodes":[
{"id":"ann","name":"Ann","type":"person","mentions":2,"articles":2,"aliases":[{"name":"Ann","count":2}],"votes":{"person":2}},
{"id":"bob","name":"Bob","type":"person","mentions":1,"articles":1,"aliases":[{"name":"Bob","count":1}],"votes":{"person":1}},
{"id":"cid","name":"Cid","type":"person","mentions":2,"articles":2,"aliases":[{"name":"Cid","count":2}],"votes":{"person":2}}
],
"links":[
{"source":"ann","target":"bob","kind":"co_mention","weight":0.3333333333333333,"count":1,"articles":1,"evidence":[{"article":"n1","start":0,"end":30}]},
{"source":"ann","target":"cid","kind":"co_mention","weight":1.3333333333333333,"count":2,"articles":2,"evidence":[{"article":"n1","start":0,"end":30},{"article":"n2","start":5,"end":20}]}
]}
EOF
run "$ERG" query "$WORK/small.json" neighbors Ann
cat >"$WORK/expected" <<'EOF'
name  type    weight  articles  kinds       first  last
Cid   person   1.333         2  co_mention      -     -
Bob   person   0.333         1  co_mention      -     -
EOF
expect_out "neighbors table: weights with up to 3 decimals"
run "$ERG" query "$WORK/small.json" neighbors Ann --json
if $PY -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if [(x["name"], x["weight"], x["count"]) for x in r]==[("Cid", 4/3, 2), ("Bob", 1/3, 1)] else 1)' "$WORK/out"; then
    pass "neighbors --json: the weight in full and the count"; else fail "neighbors --json weight and count"; cat "$WORK/out"; fi
run "$ERG" query "$WORK/small.json" evidence Ann Cid
cat >"$WORK/expected" <<'EOF'
Ann - Cid
  co_mention: weight 1.333, count 2, 2 articles
    n1, bytes 0-30, 2020-01-01:
      Ann met Bob, Cid and Dee today.
    n2, bytes 5-20, 2020-01-02:
      Ann and Cid.
EOF
expect_out "evidence: weight, count and the sentences from the table"
run "$ERG" query "$WORK/small.json" evidence Ann Bob --json
if $PY -c 'import json,sys; e=json.load(open(sys.argv[1]))["edges"]; sys.exit(0 if e[0]["weight"]==1/3 and e[0]["count"]==1 and e[0]["evidence"][0]["sentence"].startswith("Ann met Bob") else 1)' "$WORK/out"; then
    pass "evidence --json: weight, count, sentence"; else fail "evidence --json on a version 2 file"; cat "$WORK/out"; fi
# A version 1 file (the korea fixture) has no count: each unit of its weight was one sentence.
run "$ERG" query "$G" evidence "Kim Jong-un" KCNA --json
if $PY -c 'import json,sys; e=json.load(open(sys.argv[1]))["edges"]; sys.exit(0 if e[0]["weight"]==6 and e[0]["count"]==6 else 1)' "$WORK/out"; then
    pass "evidence --json on a version 1 file: count = weight"; else fail "evidence --json version 1 count"; cat "$WORK/out"; fi

# ---- outlets ------------------------------------------------------------------------------
# KCNA is named with Kim in 2 articles (co_mention and reports); the outlets
# lists of Kim's 5 co-mention edges name KCNA on 4 (not Moon's) and Reuters on 2
# (Kim Yo-jong's, Moon's). Dates span those edges.
run "$ERG" query "$G" outlets "Kim Jong-un" --tsv
printf 'outlet\tarticles\tedges\tkinds\tfirst\tlast\nKCNA\t2\t4\tco_mention, reports>\t2019-01-03\t2019-03-01\nReuters\t\t2\t\t2019-02-11\t2019-03-01\n' >"$WORK/expected"
expect_out "outlets"

# ---- stats --------------------------------------------------------------------------------
# 12 entities, 15 co-mention pairs of 66 possible, components of 9, 2 and 1 (Interpol).
run "$ERG" query "$G" stats --tsv
for kv in "entities	12" "pairs	15" "components	3" "largest_component	9" "isolated	1" \
    "density	0.2272727273" "kinds.reports	2" "types.outlet	4" "degree.max	5"; do
    if grep -qxF "$kv" "$WORK/out"; then pass "stats: $kv"; else fail "stats: $kv"; fi
done

# ---- communities (hand) -------------------------------------------------------------------
# The North Korean five, the South Korean four, Ramos-Horta with Lusa, Interpol alone.
# Total weight 42; inside: 23 (degree sum 49), 14 (31), 2 (4):
# Q = 39/42 - (49^2 + 31^2 + 4^2) / 84^2 = 0.449830...
run "$ERG" query "$G" communities
expect_rc 0 "communities"
if head -1 "$WORK/out" | grep -qF "4 communities, modularity 0.44983 (leiden, resolution 1)"; then
    pass "communities heading"; else fail "communities heading: $(head -1 "$WORK/out")"; fi
run "$ERG" query "$G" communities --json -n 0
$PY - "$WORK/out" <<'PYEOF' && pass "communities found by hand" || fail "communities found by hand"
import json, sys
d = json.load(open(sys.argv[1]))
got = [sorted(m["key"] for m in c["members"]) for c in d["communities"]]
want = [sorted(["kim jong un", "kcna", "kim yo jong", "workers party of korea", "choe son hui"]),
        sorted(["moon jae in", "yonhap", "ministry of unification", "reuters"]),
        ["jose ramos horta", "lusa"], ["interpol"]]
q = 39 / 42 - (49**2 + 31**2 + 4**2) / 84**2
sys.exit(0 if got == want and abs(d["modularity"] - q) < 1e-12 else 1)
PYEOF

# ---- ego and subgraph ---------------------------------------------------------------------
# Kim Yo-jong's co-mention neighbours: Kim Jong-un, KCNA, Yonhap (the party is
# linked by member_of only). Edges among the four: 4 co-mentions + KCNA reports Kim.
run "$ERG" query "$G" ego "Kim Yo-jong" -o "$WORK/ego.graphml"
expect_rc 0 "ego"
expect_err "wrote $WORK/ego.graphml: 4 entities, 5 edges" "ego summary"
run "$ERG" query "$G" ego "Kim Yo-jong" --depth 2 -o "$WORK/ego2.json"
expect_rc 0 "ego --depth 2"
run "$ERG" query "$G" subgraph "Kim Jong-un" KCNA WPK "Kim Yo-jong" -o "$WORK/sub.dot"
expect_rc 0 "subgraph"
# 3 + 2 + 1 co-mentions among the four (no Kim Yo-jong - party), reports, leads, member_of.
expect_err "wrote $WORK/sub.dot: 4 entities, 8 edges" "subgraph summary"
dot -Tsvg "$WORK/sub.dot" >/dev/null 2>"$WORK/dot.err"
if [ $? -eq 0 ] && [ ! -s "$WORK/dot.err" ]; then pass "subgraph DOT renders"; else fail "subgraph DOT renders"; fi
run "$ERG" query "$WORK/ego2.json" neighbors Yonhap --tsv
expect_rc 0 "an ego graph is a graph erg reads"
$PY - "$WORK/ego.graphml" "$WORK/ego2.json" "$G" <<'PYEOF' && pass "ego graphs read in networkx" || fail "ego graphs read in networkx"
import json, sys
import networkx as nx
ego = nx.read_graphml(sys.argv[1])
assert sorted(d["label"] for _, d in ego.nodes(data=True)) == ["KCNA", "Kim Jong-un", "Kim Yo-jong", "Yonhap"], ego.nodes
assert ego.number_of_edges() == 5
# depth 2 is everything within two co-mention hops, as networkx sees it
g = json.load(open(sys.argv[3]))
G = nx.Graph()
G.add_nodes_from(n["id"] for n in g["nodes"])
G.add_edges_from((l["source"], l["target"]) for l in g["links"] if l["kind"] == "co_mention")
want = set(nx.single_source_shortest_path_length(G, "kim yo jong", cutoff=2))
got = {n["id"] for n in json.load(open(sys.argv[2]))["nodes"]}
assert got == want, (got, want)
PYEOF

# ---- numbers against networkx and python-igraph -------------------------------------------
$PY "$GEN" --entities 300 --edges 1200 --communities 6 --seed 7 -o "$WORK/gen.json"
for graph in "$G" "$WORK/gen.json"; do
    tag=$(basename "$graph" .json)
    mkdir -p "$WORK/$tag"
    for by in degree strength pagerank betweenness closeness eigenvector; do
        "$ERG" query "$graph" top --by "$by" -n 0 --json >"$WORK/$tag/top-$by.json" 2>>"$WORK/err"
    done
    for method in leiden louvain; do
        for res in 1 1.5 0.5; do
            "$ERG" query "$graph" communities --method "$method" --resolution "$res" -n 0 --json \
                >"$WORK/$tag/comm-$method-$res.json" 2>>"$WORK/err"
        done
    done
    "$ERG" query "$graph" stats --json >"$WORK/$tag/stats.json" 2>>"$WORK/err"
done
# Paths: pairs near and far, k = 1 and k = 4.
: >"$WORK/pairs"
i=0
for spec in "korea|Choe Son-hui|Reuters" "korea|Lusa|José Ramos-Horta" "korea|Kim Yo-jong|Ministry of Unification" \
    "gen|Entity 1|Entity 299" "gen|Entity 5|Entity 150" "gen|Entity 42|Entity 43" "gen|Entity 0|Entity 200" \
    "gen|Entity 77|Entity 211"; do
    IFS='|' read -r tag a b <<<"$spec"
    graph="$G"; [ "$tag" = gen ] && graph="$WORK/gen.json"
    for k in 1 4; do
        i=$((i + 1))
        "$ERG" query "$graph" path "$a" "$b" -k $k --json >"$WORK/path-$i.json" 2>>"$WORK/err"
        printf '%s\t%s\t%s\t%s\t%s\n' "$graph" "$a" "$b" "$k" "$WORK/path-$i.json" >>"$WORK/pairs"
    done
done
no_crash "analysis runs"
# Determinism: the same communities on a second run.
"$ERG" query "$WORK/gen.json" communities -n 0 --json >"$WORK/again.json"
if cmp -s "$WORK/again.json" "$WORK/gen/comm-leiden-1.json"; then pass "communities are the same on every run"; else fail "communities differ between runs"; fi

$PY - "$G" "$WORK/korea" "$WORK/gen.json" "$WORK/gen" "$WORK/pairs" >"$WORK/check" 2>&1 <<'PYEOF'
import json, math, statistics, sys
import networkx as nx
import igraph as ig

bad = 0
def check(cond, msg):
    global bad
    print(("ok - " if cond else "not ok - ") + msg)
    bad += 0 if cond else 1

def load(path):
    d = json.load(open(path))
    G = nx.Graph()
    G.add_nodes_from(n["id"] for n in d["nodes"])
    names = {n["name"]: n["id"] for n in d["nodes"]}
    for l in d["links"]:
        if l["kind"] == "co_mention":
            G.add_edge(l["source"], l["target"], weight=l["weight"], length=1.0 / l["weight"])
    return G, names

def close(a, b, tol=1e-6):
    return abs(a - b) <= tol * max(1.0, abs(b))

def expected_scores(G, by):
    if by == "degree":
        return {v: float(d) for v, d in G.degree()}
    if by == "strength":
        return {v: float(d) for v, d in G.degree(weight="weight")}
    if by == "pagerank":
        return nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    if by == "betweenness":
        return nx.betweenness_centrality(G, weight="length", normalized=False)
    if by == "closeness":
        out = {}
        for v in G:
            dist = nx.single_source_dijkstra_path_length(G, v, weight="length")
            r, total = len(dist), sum(dist.values())
            out[v] = (r - 1) / total if r > 1 else 0.0
        return out
    if by == "eigenvector":
        ev = nx.eigenvector_centrality_numpy(G, weight="weight")
        top = max(ev.values())
        return {v: x / top for v, x in ev.items()}

def check_graph(gpath, outdir):
    G, names = load(gpath)
    tag = gpath.split("/")[-1]
    H = ig.Graph.TupleList(((u, v, d["weight"]) for u, v, d in G.edges(data=True)), weights=True)
    H.add_vertices([v for v in G if v not in set(H.vs["name"])])
    for by in ("degree", "strength", "pagerank", "betweenness", "closeness", "eigenvector"):
        if by == "eigenvector" and not nx.is_connected(G):
            continue  # the leading eigenvector of a disconnected graph is not unique
        rows = json.load(open("%s/top-%s.json" % (outdir, by)))
        got = {r["key"]: r["score"] for r in rows}
        want = expected_scores(G, by)
        worst = max(abs(got[v] - want[v]) / max(1.0, abs(want[v])) for v in G)
        check(len(rows) == G.number_of_nodes() and worst <= 1e-6,
              "%s %s agrees with networkx (worst relative difference %.2g)" % (tag, by, worst))
        scores = [r["score"] for r in rows]
        check(scores == sorted(scores, reverse=True) and [r["rank"] for r in rows] == list(range(1, len(rows) + 1)),
              "%s top --by %s is in order" % (tag, by))
    if True:  # python-igraph's own PageRank, a second opinion
        pr = H.pagerank(weights="weight", damping=0.85)
        rows = json.load(open("%s/top-pagerank.json" % outdir))
        got = {r["key"]: r["score"] for r in rows}
        check(all(close(got[n], p) for n, p in zip(H.vs["name"], pr)), "%s pagerank agrees with python-igraph" % tag)
    for method in ("leiden", "louvain"):
        for res in ("1", "1.5", "0.5"):
            d = json.load(open("%s/comm-%s-%s.json" % (outdir, method, res)))
            parts = [[m["key"] for m in c["members"]] for c in d["communities"]]
            flat = [v for p in parts for v in p]
            check(sorted(flat) == sorted(G.nodes()) and len(flat) == len(set(flat)),
                  "%s %s %s: a partition of every entity" % (tag, method, res))
            check([c["size"] for c in d["communities"]] == [len(p) for p in parts] and
                  [len(p) for p in parts] == sorted((len(p) for p in parts), reverse=True),
                  "%s %s %s: sizes, largest first" % (tag, method, res))
            q = nx.community.modularity(G, [set(p) for p in parts], weight="weight", resolution=float(res))
            check(close(d["modularity"], q, 1e-9), "%s %s %s: modularity %.9f agrees with networkx %.9f"
                  % (tag, method, res, d["modularity"], q))
            # python-igraph 0.10.2's Graph.modularity ignores its resolution: score its
            # Louvain partition with networkx instead.
            theirs = H.community_multilevel(weights="weight", resolution=float(res))
            best = nx.community.modularity(G, [set(H.vs[c]["name"]) for c in theirs], weight="weight",
                                           resolution=float(res))
            check(d["modularity"] >= best - 0.02, "%s %s %s: modularity %.4f near python-igraph's Louvain %.4f"
                  % (tag, method, res, d["modularity"], best))
    s = json.load(open("%s/stats.json" % outdir))
    degs = sorted(d for _, d in G.degree())
    check(s["entities"] == G.number_of_nodes() and s["pairs"] == G.number_of_edges(), "%s stats counts" % tag)
    check(s["components"] == nx.number_connected_components(G) and
          s["largest_component"] == max(len(c) for c in nx.connected_components(G)), "%s stats components" % tag)
    check(close(s["density"], nx.density(G), 1e-12) and s["isolated"] == nx.number_of_isolates(G), "%s stats density" % tag)
    check(s["degree"]["min"] == degs[0] and s["degree"]["max"] == degs[-1] and
          close(s["degree"]["median"], statistics.median(degs), 1e-12) and
          close(s["degree"]["mean"], statistics.mean(degs), 1e-12), "%s stats degree summary" % tag)

check_graph(sys.argv[1], sys.argv[2])
check_graph(sys.argv[3], sys.argv[4])

graphs = {}
for line in open(sys.argv[5]):
    gpath, a, b, k, out = line.rstrip("\n").split("\t")
    if gpath not in graphs:
        graphs[gpath] = load(gpath)
    G, names = graphs[gpath]
    k = int(k)
    d = json.load(open(out))
    s, t = names[a], names[b]
    want = []
    for p in nx.shortest_simple_paths(G, s, t, weight="length"):
        want.append(sum(G[u][v]["length"] for u, v in zip(p, p[1:])))
        if len(want) == k:
            break
    got = [p["length"] for p in d["paths"]]
    check(len(got) == len(want) and all(close(x, y, 1e-9) for x, y in zip(got, want)),
          "path %s -> %s -k %d: lengths %s agree with networkx %s" % (a, b, k, got, want))
    check(close(got[0], nx.dijkstra_path_length(G, s, t, weight="length"), 1e-12), "path %s -> %s: Dijkstra" % (a, b))
    ok = True
    for p in d["paths"]:
        steps = p["steps"]
        ok &= steps[0]["from"] == a and steps[-1]["to"] == b
        ok &= all(x["to"] == y["from"] for x, y in zip(steps, steps[1:]))
        ok &= all(G.has_edge(names[x["from"]], names[x["to"]]) and G[names[x["from"]]][names[x["to"]]]["weight"] == x["weight"] for x in steps)
        ok &= close(sum(1.0 / x["weight"] for x in steps), p["length"], 1e-12)
        nodes = [steps[0]["from"]] + [x["to"] for x in steps]
        ok &= len(nodes) == len(set(nodes))
    check(ok, "path %s -> %s -k %d: every path is a loopless chain of real ties" % (a, b, k))
sys.exit(1 if bad else 0)
PYEOF
rc=$?
sed 's/^/    /' "$WORK/check"
if [ $rc -eq 0 ]; then pass "numbers agree with networkx and python-igraph"; else fail "numbers agree with networkx and python-igraph"; fi
finish
