#!/usr/bin/env bash
# Confidence of typed edges (issue #14): every typed link of the graph file
# carries "confidence" (the best measured precision of the patterns that
# found it, data/relate_confidence.tsv) and "patterns"; --min-confidence on
# build, merge and query drops or ignores the typed edges below it and never
# a co_mention. The same bytes for -j 1 and 2 and for merged shards; the
# scores survive GraphML and the store; a file written before scores has
# none, so any positive --min-confidence drops its typed edges.
. "$(dirname "$0")/lib.sh"

inputs=("$FIXTURES/shards/news.jsonl" "$FIXTURES"/articles/*.txt)

run "$ERG" build --quiet -j 1 "${inputs[@]}" -o "$WORK/j1.json"
expect_rc 0 "build -j 1"
run "$ERG" build --quiet -j 2 "${inputs[@]}" -o "$WORK/j2.json"
expect_rc 0 "build -j 2"
if cmp -s "$WORK/j1.json" "$WORK/j2.json"; then pass "-j 1 and -j 2: the same bytes"; else
    fail "-j 1 and -j 2 differ"; fi

# check.py GRAPH [MIN]: every typed link has a confidence in (0, 1] and known
# patterns, no co_mention has either; with MIN, no typed link is below it.
# Prints the typed count, the co_mention count and the median confidence.
cat >"$WORK/check.py" <<'PYEOF'
import json, sys
g = json.load(open(sys.argv[1]))
least = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
known = {"title-before", "name-of", "apposition", "apposition-org", "title-first", "copula",
         "verb", "led-by", "accuses", "accused-by", "reports-verb", "as-outlet", "told",
         "according-to", "report-by", "report-in", "relayed-by", "interview-with",
         "said-outlet", "nested-cite", "relayed-cite", "citing"}
typed = [l for l in g["links"] if l["kind"] != "co_mention"]
co = [l for l in g["links"] if l["kind"] == "co_mention"]
bad = [l for l in typed if not (0 < l.get("confidence", -1) <= 1) or not l.get("patterns")
       or not set(l["patterns"]) <= known or l["confidence"] < least]
bad += [l for l in co if "confidence" in l or "patterns" in l]
if bad:
    print("bad:", bad[0])
    sys.exit(1)
c = sorted(l["confidence"] for l in typed)
print(len(typed), len(co), c[len(c) // 2] if c else 0)
PYEOF

read -r n_typed n_co median < <($PY "$WORK/check.py" "$WORK/j1.json")
if [ "${n_typed:-0}" -gt 5 ]; then pass "$n_typed typed links, each with a confidence and patterns"; else
    fail "typed links without confidence or patterns, or too few: $n_typed"; fi

# A threshold between the scores: the edges at or above it stay, co_mention untouched.
want=$($PY -c "import json,sys; g=json.load(open(sys.argv[1])); \
print(sum(1 for l in g['links'] if l['kind']!='co_mention' and l['confidence']>=float(sys.argv[2])))" \
    "$WORK/j1.json" "$median")
run "$ERG" build --quiet -j 2 "${inputs[@]}" --min-confidence "$median" -o "$WORK/min.json"
expect_rc 0 "build --min-confidence $median"
read -r m_typed m_co _ < <($PY "$WORK/check.py" "$WORK/min.json" "$median")
if [ "$m_typed" = "$want" ] && [ "$m_co" = "$n_co" ] && [ "$m_typed" -lt "$n_typed" ]; then
    pass "--min-confidence $median keeps the $want typed edges at or above it and every co_mention"
else
    fail "--min-confidence $median: $m_typed typed (want $want of $n_typed), $m_co co_mention (want $n_co)"
fi
run "$ERG" build --quiet "${inputs[@]}" --min-confidence 0 -o "$WORK/min0.json"
if cmp -s "$WORK/min0.json" "$WORK/j1.json"; then pass "--min-confidence 0 keeps everything"; else
    fail "--min-confidence 0 changed the graph"; fi
run "$ERG" build --quiet "${inputs[@]}" --min-confidence 1 -o "$WORK/min1.json"
read -r t1 c1 _ < <($PY "$WORK/check.py" "$WORK/min1.json" 1)
if [ "$t1" = 0 ] && [ "$c1" = "$n_co" ]; then pass "--min-confidence 1: no typed edge (none is sure)"; else
    fail "--min-confidence 1: $t1 typed, $c1 co_mention"; fi

# Shards: partial graphs merged (both orders) give the bytes of one build, scores included.
awk 'NR % 2 == 0' "$FIXTURES/shards/news.jsonl" >"$WORK/s0.jsonl"
awk 'NR % 2 == 1' "$FIXTURES/shards/news.jsonl" >"$WORK/s1.jsonl"
run "$ERG" build --quiet --partial "$WORK/s0.jsonl" "$FIXTURES"/articles/*.txt -o "$WORK/p0.json"
expect_rc 0 "partial shard 0"
run "$ERG" build --quiet --partial "$WORK/s1.jsonl" -o "$WORK/p1.json"
expect_rc 0 "partial shard 1"
if grep -q '"confidence"' "$WORK/p0.json"; then pass "a partial graph keeps the scores"; else
    fail "no confidence in the partial graph"; fi
run "$ERG" build --quiet "$WORK/s0.jsonl" "$FIXTURES"/articles/*.txt "$WORK/s1.jsonl" \
    --min-confidence "$median" -o "$WORK/whole.json"
run "$ERG" merge "$WORK/p1.json" "$WORK/p0.json" --min-confidence "$median" \
    -o "$WORK/merged.json"
expect_rc 0 "merge --min-confidence"
if cmp -s "$WORK/whole.json" "$WORK/merged.json"; then
    pass "merged shards with --min-confidence: the bytes of one build"
else fail "merged shards differ from one build"; fi
run "$ERG" merge "$WORK/p0.json" "$WORK/p1.json" -o "$WORK/merged2.json"
run "$ERG" build --quiet "$WORK/s0.jsonl" "$FIXTURES"/articles/*.txt "$WORK/s1.jsonl" \
    -o "$WORK/whole2.json"
if cmp -s "$WORK/whole2.json" "$WORK/merged2.json"; then
    pass "merged shards (other order): the bytes of one build, scores included"
else fail "merged shards (other order) differ from one build"; fi

# Query: every command ignores the typed edges below the threshold.
kinds() { $PY -c "import json,sys; k=json.load(sys.stdin)['kinds']; \
print(k['co_mention'], sum(v for x, v in k.items() if x != 'co_mention'))"; }
read -r q_co q_typed < <("$ERG" query "$WORK/j1.json" stats --json --min-confidence "$median" | kinds)
if [ "$q_co" = "$n_co" ] && [ "$q_typed" = "$want" ]; then
    pass "query stats --min-confidence: $q_typed typed edges, every co_mention"
else fail "query stats --min-confidence: $q_typed typed (want $want), $q_co co_mention (want $n_co)"; fi
outlet=$($PY -c "import json,sys; g=json.load(open(sys.argv[1])); n={x['id']:x['name'] for x in g['nodes']}; \
print(n[max((l for l in g['links'] if l['kind']=='reports'), key=lambda l: l['confidence'])['source']])" \
    "$WORK/j1.json")
"$ERG" query "$WORK/j1.json" neighbors "$outlet" --tsv >"$WORK/nb_all"
"$ERG" query "$WORK/j1.json" neighbors "$outlet" --tsv --min-confidence 1 >"$WORK/nb_1"
if grep -q 'reports>' "$WORK/nb_all" && ! grep -q 'reports>' "$WORK/nb_1"; then
    pass "query neighbors '$outlet' --min-confidence 1 shows no reports edge"
else fail "query neighbors --min-confidence 1 still shows typed edges, or none at all"; fi

# evidence shows each typed edge's confidence and patterns, in the table and in --json.
read -r ev_src ev_dst ev_conf ev_pats < <($PY -c "import json,sys; g=json.load(open(sys.argv[1])); \
n={x['id']:x['name'] for x in g['nodes']}; \
l=max((l for l in g['links'] if l['kind']=='reports'), key=lambda l: l['confidence']); \
print(n[l['source']].replace(' ','_'), n[l['target']].replace(' ','_'), l['confidence'], ','.join(l['patterns']))" \
    "$WORK/j1.json")
"$ERG" query "$WORK/j1.json" evidence "${ev_src//_/ }" "${ev_dst//_/ }" >"$WORK/ev_table"
"$ERG" query "$WORK/j1.json" evidence "${ev_src//_/ }" "${ev_dst//_/ }" --json |
    $PY -c "import json,sys; e=[x for x in json.load(sys.stdin)['edges'] if x['kind']=='reports>']; \
print(e[0]['confidence'], ','.join(e[0]['patterns']))" >"$WORK/ev_json"
if grep -q "reports>: .*; confidence $ev_conf (${ev_pats//,/, })\$" "$WORK/ev_table" &&
    [ "$(cat "$WORK/ev_json")" = "$ev_conf $ev_pats" ]; then
    pass "query evidence shows the reports edge's confidence $ev_conf and patterns $ev_pats"
else fail "query evidence: no confidence $ev_conf ($ev_pats)"; cat "$WORK/ev_table" "$WORK/ev_json"; fi

# GraphML and the store keep the scores.
run "$ERG" build --quiet "${inputs[@]}" -o "$WORK/g.graphml"
expect_rc 0 "build GraphML"
if grep -q 'attr.name="confidence"' "$WORK/g.graphml" && grep -q 'attr.name="patterns"' "$WORK/g.graphml"
then pass "GraphML declares confidence and patterns"; else fail "GraphML lacks the keys"; fi
read -r gq_co gq_typed < <("$ERG" query "$WORK/g.graphml" stats --json --min-confidence "$median" | kinds)
if [ "$gq_co" = "$n_co" ] && [ "$gq_typed" = "$want" ]; then
    pass "GraphML read back: the same typed edges pass --min-confidence"
else fail "GraphML read back: $gq_typed typed (want $want), $gq_co co_mention"; fi
run "$ERG" query "$WORK/g.graphml" ego "$outlet" -o "$WORK/gsub.json"
run "$ERG" query "$WORK/j1.json" ego "$outlet" -o "$WORK/jsub.json"
same=$($PY -c "import json,sys
def f(p):
    g = json.load(open(p)); n = {x['id']: x['name'] for x in g['nodes']}
    return sorted((n[l['source']], l['kind'], n[l['target']], l.get('confidence'), tuple(l.get('patterns', [])))
                  for l in g['links'])
print(f(sys.argv[1]) == f(sys.argv[2]) and any(x[3] for x in f(sys.argv[1])))" "$WORK/gsub.json" "$WORK/jsub.json")
if [ "$same" = True ]; then pass "GraphML round trip: the same confidence and patterns"; else
    fail "GraphML round trip lost or changed scores"; fi
run "$ERG" build --quiet "${inputs[@]}" -o "$WORK/g.db"
expect_rc 0 "build a store"
run "$ERG" query "$WORK/g.db" dump -o "$WORK/dump.json"
if cmp -s "$WORK/dump.json" "$WORK/j1.json"; then pass "store dump: the bytes of the JSON build"; else
    fail "store dump differs from the JSON build"; fi
read -r sq_co sq_typed < <("$ERG" query "$WORK/g.db" stats --json --min-confidence "$median" | kinds)
if [ "$sq_typed" = "$want" ]; then pass "store: query --min-confidence"; else
    fail "store: $sq_typed typed (want $want)"; fi
run "$ERG" build --quiet "${inputs[@]}" --min-confidence "$median" -o "$WORK/gmin.db"
run "$ERG" query "$WORK/gmin.db" dump -o "$WORK/dumpmin.json"
if cmp -s "$WORK/dumpmin.json" "$WORK/min.json"; then pass "store built with --min-confidence"; else
    fail "store built with --min-confidence differs from JSON"; fi

# CSV and GEXF carry them too.
run "$ERG" build --quiet "${inputs[@]}" -o "$WORK/csv/"
if head -1 "$WORK/csv/edges.csv" | grep -q 'confidence:double,patterns' &&
    grep -qE ',0\.[0-9]+,[a-z-]+' "$WORK/csv/edges.csv"; then pass "CSV: confidence and patterns columns"; else
    fail "CSV lacks confidence and patterns"; fi
run "$ERG" build --quiet "${inputs[@]}" -o "$WORK/g.gexf"
if grep -q 'for="confidence"' "$WORK/g.gexf"; then pass "GEXF: a confidence attribute"; else
    fail "GEXF lacks confidence"; fi

# A file written before scores: its typed edges have none, so count as 0.
$PY - "$WORK/j1.json" "$WORK/old.json" <<'PYEOF'
import json, sys
text = open(sys.argv[1]).read()
g = json.loads(text)
for l in g["links"]:
    l.pop("confidence", None)
    l.pop("patterns", None)
json.dump(g, open(sys.argv[2], "w"))
PYEOF
read -r o_co o_typed < <("$ERG" query "$WORK/old.json" stats --json | kinds)
read -r o_co2 o_typed2 < <("$ERG" query "$WORK/old.json" stats --json --min-confidence 0.01 | kinds)
if [ "$o_typed" = "$n_typed" ] && [ "$o_typed2" = 0 ] && [ "$o_co2" = "$n_co" ]; then
    pass "an older file: typed edges kept, none passes --min-confidence 0.01"
else fail "older file: $o_typed typed, $o_typed2 past 0.01 (want $n_typed and 0)"; fi

# Bad values: a clear message and exit 2.
for v in 1.5 -0.1 abc ""; do
    run "$ERG" build --quiet "${inputs[@]}" --min-confidence "$v" -o "$WORK/x.json"
    expect_rc 2 "build --min-confidence '$v'"
    expect_err "--min-confidence takes a number from 0 to 1" "build --min-confidence '$v'"
    run "$ERG" query "$WORK/j1.json" top --min-confidence "$v"
    expect_rc 2 "query top --min-confidence '$v'"
    expect_err "--min-confidence takes a number from 0 to 1" "query --min-confidence '$v'"
done
run "$ERG" build --quiet --partial "${inputs[@]}" --min-confidence 0.5 -o "$WORK/x.json"
expect_rc 2 "--partial refuses --min-confidence (it applies at merge)"

# extract --explain names each relation's pattern and score.
run "$ERG" extract --explain "$FIXTURES/articles/defector-article.txt"
ok=$($PY -c "import json,sys
rs = [r for l in open(sys.argv[1]) for r in json.loads(l)['relations']]
print(bool(rs) and all(r.get('pattern') and 0 < r.get('score', 0) <= 1 for r in rs))" "$WORK/out")
if [ "$ok" = True ]; then pass "extract --explain: pattern and score on every relation"; else
    fail "extract --explain lacks pattern or score"; fi
no_crash "confidence runs"

finish
