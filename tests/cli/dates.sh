#!/usr/bin/env bash
# Article dates and the read filters of erg build: a corpus made here with
# dates written in many forms (and some empty or no date at all) and several
# sources is built with --since, --until and --source; Python, reading the
# dates its own way, says which articles must be kept, and the graph must
# cite exactly those, with their dates normalized. A bad --since is a usage
# error; the summary counts the undated and unparseable dates.
. "$(dirname "$0")/lib.sh"

# Every article names two well-known people, so that every kept article is cited
# (with --evidence 100, every article of an edge is).
$PY - "$WORK/news.jsonl" <<'PYEOF'
import datetime, json, random, sys
rng = random.Random(13)
people = ["Barack Obama", "Angela Merkel", "Vladimir Putin", "Xi Jinping", "Theresa May",
          "Hillary Clinton", "Donald Trump", "Francois Hollande"]
sources = ["Reuters (Reuters-21578 Distribution 1.0)", "BBC News", "cnn", "www.theguardian.com"]
def written(d, k):
    if k == 0: return d.isoformat()
    if k == 1: return d.isoformat() + "T19:04:48+05:30"
    if k == 2: return d.strftime("%a, %d %b %Y 10:00:00 +0000")
    if k == 3: return "%d/%d/%02d" % (d.month, d.day, d.year % 100)
    if k == 4: return d.strftime("%B ") + str(d.day) + d.strftime(", %Y")
    if k == 5: return "%d/%d/%d" % (d.month, d.day, d.year)
    if k == 6: return d.strftime("%Y-%m")            # known to the month only
    return d.strftime(" %d %b %Y ")                 # spaces around
with open(sys.argv[1], "w") as f:
    start = datetime.date(2016, 8, 20)
    for i in range(60):
        d = start + datetime.timedelta(days=rng.randrange(90))
        a, b = rng.sample(people, 2)
        rec = {"id": "n%02d" % i, "source": sources[i % len(sources)],
               "text": "%s met %s in Geneva on Tuesday, officials said." % (a, b)}
        if i % 13 == 5: rec["date"] = ""
        elif i % 13 == 7: rec["date"] = "last week"
        elif i % 13 == 9: pass
        elif i % 17 == 3: rec["date"] = "31/12/2016"
        else: rec["date"] = written(d, i % 8)
        f.write(json.dumps(rec) + "\n")
PYEOF

# What Python says: the dates as (first day, last day), or None.
cat >"$WORK/expect.py" <<'PYEOF'
import calendar, datetime, json, sys
def period(s):
    s = (s or "").strip()
    for fmt in ("%Y-%m-%d", "%a, %d %b %Y %H:%M:%S %z", "%m/%d/%y", "%B %d, %Y", "%m/%d/%Y", "%d %b %Y"):
        try:
            d = datetime.datetime.strptime(s, fmt).date()
            return d, d
        except ValueError:
            pass
    try:
        d = datetime.datetime.strptime(s[:10], "%Y-%m-%d").date()
        if s[10:11] == "T":
            return d, d
    except ValueError:
        pass
    try:
        d = datetime.datetime.strptime(s, "%Y-%m").date()
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    except ValueError:
        return None
def kept(path, since, until, sources):
    out = []
    for line in open(path):
        a = json.loads(line)
        p = period(a.get("date"))
        if since or until:
            if p is None: continue
            if since and p[0] < since: continue
            if until and p[1] > until: continue
        if sources:
            src = a["source"].lower()
            outlet = "reuters" if src.startswith("reuters (") else src
            if src not in sources and outlet not in sources: continue
        out.append(a["id"])
    return out
PYEOF

# check GRAPH NAME SINCE UNTIL SOURCE...: the graph cites exactly the kept articles.
check() {
    local graph=$1 name=$2
    shift 2
    if $PY - "$WORK/news.jsonl" "$graph" "$@" >"$WORK/check" 2>&1 <<'PYEOF'; then pass "$name"; else
import datetime, json, sys
sys.path.insert(0, sys.argv[2].rsplit("/", 1)[0])
from expect import kept, period
news, graph, since, until = sys.argv[1:5]
day = lambda s: datetime.date.fromisoformat(s) if s != "-" else None
want = kept(news, day(since), day(until), [s.lower() for s in sys.argv[5:]])
g = json.load(open(graph))
got = [a["id"] for a in g["articles"]]
print("kept", len(want), "cited", len(got))
assert sorted(got) == sorted(want), (sorted(got), sorted(want))
# Each article names one pair: the co-mention edges count the kept articles, once each.
n = sum(l["articles"] for l in g["links"] if l["kind"] == "co_mention")
assert n == len(want), ("co-mention articles", n, len(want))
# Dates are normalized: what Python reads, as YYYY-MM-DD (YYYY-MM for a month).
written = {json.loads(l)["id"]: json.loads(l).get("date") for l in open(news)}
for a in g["articles"]:
    p = period(written[a["id"]])
    if p is None:
        assert "date" not in a, a
    elif p[0] == p[1]:
        assert a["date"] == p[0].isoformat(), (a, written[a["id"]])
    else:
        assert a["date"] == p[0].isoformat()[:7], (a, written[a["id"]])
PYEOF
        fail "$name"; sed 's/^/    /' "$WORK/check" | tail -5
    fi
}

n_all=$(wc -l <"$WORK/news.jsonl")
run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" -o "$WORK/all.json"
expect_rc 0 "build all"
check "$WORK/all.json" "no filter: every article cited, dates normalized" - -
# Python's count of the undated and unparseable dates, against the summary.
read -r undated bad < <($PY - "$WORK/news.jsonl" <<'PYEOF'
import json, sys
sys.path.insert(0, sys.argv[1].rsplit("/", 1)[0])
from expect import period
u = b = 0
for line in open(sys.argv[1]):
    d = json.loads(line).get("date")
    if period(d) is None:
        u += 1
        b += 1 if d and d.strip() else 0
print(u, b)
PYEOF
)
expect_err "warning: $undated articles without a usable date ($bad unparseable, last: " "summary counts $undated undated, $bad unparseable"
expect_err "$n_all articles" "summary: all $n_all articles built"

run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" --since 2016-09-15 -o "$WORK/since.json"
expect_rc 0 "build --since"
check "$WORK/since.json" "--since 2016-09-15: whole dates on or after it" 2016-09-15 -
expect_err ", left out by --since/--until" "summary: the undated are left out"
expect_err "articles left out by --since" "summary: how many --since left out"

run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" --since 2016-09-15 --until 2016-10 -o "$WORK/range.json"
expect_rc 0 "build --since --until"
check "$WORK/range.json" "--since 2016-09-15 --until 2016-10 (all of October)" 2016-09-15 2016-10-31

run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" --source REUTERS --source CNN -o "$WORK/src.json"
expect_rc 0 "build --source"
check "$WORK/src.json" "--source REUTERS --source CNN: the outlet named, or the source as written" - - reuters cnn
expect_err "articles left out by --source" "summary: how many --source left out"

run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" --until "Sep 30, 2016" --source 'bbc news' -o "$WORK/both.json"
expect_rc 0 "build --until in another form --source"
check "$WORK/both.json" "--until 'Sep 30, 2016' --source 'bbc news'" - 2016-09-30 "bbc news"

# Nothing kept: an empty graph and a warning, not a failure.
run "$ERG" build --quiet --keep-boilerplate --evidence 100 "$WORK/news.jsonl" --since 2030 -o "$WORK/none.json"
expect_rc 0 "build keeping nothing"
expect_err "no article kept" "nothing kept is said"

# Bad values are usage errors.
run "$ERG" build --quiet "$WORK/news.jsonl" --since 'x' -o "$WORK/bad.json"
expect_rc 2 "bad --since"
expect_err "erg: --since 'x': not a date (" "bad --since says why"
run "$ERG" build --quiet "$WORK/news.jsonl" --until '2016-02-30' -o "$WORK/bad.json"
expect_rc 2 "--until on a day that is not"
expect_err "erg: --until '2016-02-30': not a date (" "bad --until says why"
run "$ERG" build --quiet "$WORK/news.jsonl" --since 2017 --until 2016 -o "$WORK/bad.json"
expect_rc 2 "--since after --until"
expect_err "is after --until" "crossed dates say so"
if [ ! -e "$WORK/bad.json" ]; then pass "no graph written on a usage error"; else fail "a graph was written"; fi

# extract shares the options: date normalized, date_text as written.
run "$ERG" extract --quiet --keep-boilerplate "$WORK/news.jsonl" --since 2016-09-15 --until 2016-10 -o "$WORK/x.jsonl"
expect_rc 0 "extract --since --until"
if $PY - "$WORK/news.jsonl" "$WORK/x.jsonl" >"$WORK/check" 2>&1 <<'PYEOF'; then pass "extract keeps the same articles, date and date_text"; else
import datetime, json, sys
sys.path.insert(0, sys.argv[1].rsplit("/", 1)[0])
from expect import kept
want = kept(sys.argv[1], datetime.date(2016, 9, 15), datetime.date(2016, 10, 31), [])
written = {json.loads(l)["id"]: json.loads(l).get("date") for l in open(sys.argv[1])}
recs = [json.loads(l) for l in open(sys.argv[2])]
assert [r["id"] for r in recs] == want
assert all(r["date_text"] == written[r["id"]] and r["date"][:4] == "2016" for r in recs)
PYEOF
    fail "extract keeps the same articles"; sed 's/^/    /' "$WORK/check" | tail -5
fi
no_crash "dates"
finish
