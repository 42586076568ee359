#!/usr/bin/env bash
# The README's sqlite-utils commands on a store (section "The SQLite store"):
# the top entities by a score, the edges of one entity with names, and a
# full-text search of the evidence sentences; each output checked against
# erg query on the same store. SKIP (exit 77) without sqlite-utils (Debian
# package sqlite-utils).
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite-utils >/dev/null 2>&1; then
    echo "SKIP: sqlite-utils is not installed (apt install sqlite-utils)"
    exit 77
fi
db="$WORK/graph.db"
run "$ERG" build --quiet "$FIXTURES/shards/news.jsonl" --rank pagerank --communities -o "$db"
expect_rc 0 "build a store with --rank pagerank --communities"

# 1. The top entities by PageRank.
sqlite-utils query "$db" "select name, type, mentions, round(pagerank, 4) as pagerank, community
  from entities order by pagerank desc limit 5" --csv | tr -d "\r" >"$WORK/top.csv"
top=$(awk -F, 'NR == 2 {print $1}' "$WORK/top.csv")
want=$("$ERG" query "$db" top --by pagerank -n 1 --tsv | awk -F'\t' 'NR == 2 {print $2}')
if [ -n "$top" ] && [ "$top" = "$want" ] && [ "$(wc -l <"$WORK/top.csv")" -eq 6 ]; then
    pass "sqlite-utils: top entities by pagerank ($top first, as erg query top says)"
else fail "sqlite-utils top: '$top', erg query top: '$want'"; fi

# 2. The edges of one entity, with names, strongest first.
sqlite-utils query "$db" "select s.name as source, t.name as target, e.kind, e.weight, e.count
  from edges e join entities s on s.id = e.source_id join entities t on t.id = e.target_id
  where :name in (s.name, t.name) order by e.weight desc, e.id" -p name "$top" --csv >"$WORK/edges.csv"
n_edges=$(($(wc -l <"$WORK/edges.csv") - 1))
others=$("$PY" - "$WORK/edges.csv" "$top" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ok = all(sys.argv[2] in (r["source"], r["target"]) for r in rows)
print(len({r["target"] if r["source"] == sys.argv[2] else r["source"] for r in rows}) if ok else -1)
PY
)
n_nb=$("$ERG" query "$db" neighbors "$top" --json | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))')
if [ "$n_edges" -gt 0 ] && [ "$others" = "$n_nb" ]; then
    pass "sqlite-utils: $n_edges edges of $top, to the $n_nb entities erg query neighbors lists"
else fail "sqlite-utils edges of $top: $n_edges edges, $others others; neighbors: $n_nb"; fi

# 3. Full-text search of the evidence: the sentences that name two entities.
second=$(awk -F, 'NR == 3 {print $1}' "$WORK/top.csv")
a=${top%% *} b=${second%% *}
sqlite-utils search "$db" sentences "$a AND $b" -c article_id -c text --csv >"$WORK/search.csv"
check=$("$PY" - "$WORK/search.csv" "$db" "$a" "$b" <<'PY'
import csv, re, sqlite3, sys
rows = list(csv.DictReader(open(sys.argv[1])))
a, b = sys.argv[3].lower(), sys.argv[4].lower()
words = lambda t: set(re.findall(r"\w+", t.lower()))
every = [t for (t,) in sqlite3.connect(sys.argv[2]).execute("select text from sentences")]
want = sum(1 for t in every if {a, b} <= words(t))
ok = rows and all({a, b} <= words(r["text"]) for r in rows) and len(rows) == want
print("ok %d" % len(rows) if ok else "differ %d %d" % (len(rows), want))
PY
)
if [ "${check%% *}" = ok ]; then
    pass "sqlite-utils search '$a AND $b': ${check#ok } sentences, each with both words, none missed"
else fail "sqlite-utils search '$a AND $b': $check"; fi

# The same search in SQL, as the README gives it.
n_sql=$(sqlite-utils query "$db" "select count(*) as n from sentences_fts where sentences_fts match :q" \
    -p q "$a AND $b" --csv --no-headers | tr -d "\r")
if [ "$n_sql" = "${check#ok }" ]; then pass "FTS5 MATCH in SQL agrees ($n_sql)"; else
    fail "FTS5 MATCH in SQL: $n_sql"; fi

finish
