#!/usr/bin/env bash
# Linear work, bounded output (issue #15): a megabyte with no full stop
# builds in about the time a megabyte of ordinary text takes and writes a
# graph of a few megabytes; evidence texts are capped; --max-article-bytes
# and the JSON line limit skip what is longer, with a message naming file and
# line. Times are CPU seconds (user + system), so that other work on the
# machine does not decide the outcome.
. "$(dirname "$0")/lib.sh"

# The texts: a real article repeated to 1 MB, as written (ordinary news) and
# with every full stop, "!" and "?" removed (one sentence of 1 MB); and the
# issue's reproduction: random words of a news-like vocabulary, thick with
# names, without and with full stops.
$PY - "$FIXTURES/articles/defector-article.txt" "$WORK" <<'EOF'
import random, re, sys
src, work = sys.argv[1], sys.argv[2]
t = open(src, encoding="utf-8").read()
def mb(s):
    return (s * (1000000 // len(s) + 1))[:1000000]
open(work + "/news.txt", "w", encoding="utf-8").write(mb(t + "\n\n"))
open(work + "/nostop.txt", "w", encoding="utf-8").write(mb(re.sub(r"[.!?]", "", t).replace("\n", " ") + " "))
words = ("the minister said that John Smith of Acme Corp met Mary Jones and the Reuters "
         "agency reported on BBC News with Tony Blair").split()
rnd = random.Random(15)
out, stops = [], []
while sum(map(len, out)) + len(out) < 1000000:
    s = [rnd.choice(words) for _ in range(rnd.randint(12, 25))]
    out.extend(s)
    stops.append(" ".join([s[0].capitalize()] + s[1:]) + ".")
open(work + "/words.txt", "w").write(" ".join(out)[:1000000])
open(work + "/words_stops.txt", "w").write(" ".join(stops)[:1000000])
EOF

# Relative names from here on: the article id is the path, and it is in every evidence record.
cd "$WORK" || exit 1

# cpu_build NAME IN: builds IN into $WORK/NAME.json; CPU seconds in $CPU, status in $RC.
# A run that would take hours on the old code is cut short: 120 s is far beyond any pass.
cpu_build() {
    local t
    t=$( {
        TIMEFORMAT='%3U %3S'
        time timeout 120 "$ERG" build --quiet --keep-boilerplate "$2" -o "$WORK/$1.json" >"$WORK/out" 2>"$WORK/err"
        echo $? >"$WORK/rc"
    } 2>&1)
    RC=$(cat "$WORK/rc")
    CPU=$(echo "$t" | tail -1 | awk '{print $1 + $2}')
    if [ "$RC" -ne 0 ]; then
        fail "build of $1: exit $RC"
        sed 's/^/    stderr: /' "$WORK/err" | head -3
        CPU=999999 # a build cut short took too long
    fi
}
# at_most A B NAME: A <= B (numbers).
at_most() {
    if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; then pass "$3 ($1 <= $2)"; else
        fail "$3: $1 > $2"; fi
}
size_of() { stat -c %s "$1" 2>/dev/null || echo 999999999999; }

cpu_build news news.txt
t_news=$CPU
cpu_build nostop nostop.txt
t_nostop=$CPU
at_most "$t_nostop" "$(awk -v t="$t_news" 'BEGIN { print 5 * t + 1 }')" \
    "1 MB without a full stop builds within 5x the time of 1 MB of news"
at_most "$(size_of "$WORK/nostop.json")" 4000000 "and writes at most 4 MB"

cpu_build words_stops words_stops.txt
t_stops=$CPU
cpu_build words words.txt
t_words=$CPU
at_most "$t_words" "$(awk -v t="$t_stops" 'BEGIN { print 5 * t + 1 }')" \
    "1 MB of random names without a full stop: within 5x the time with full stops"
# This name-thick text makes a graph of about 4 MB even with its full stops;
# without them, cut into windows of a news sentence's size, a few MB too, within
# a quarter of that (a single window gave gigabytes).
at_most "$(size_of "$WORK/words.json")" 6000000 "and writes at most 6 MB"
at_most "$(size_of "$WORK/words.json")" \
    "$(awk -v s="$(size_of "$WORK/words_stops.json")" 'BEGIN { print 1.25 * s }')" \
    "within 1.25x of the graph of the same text with full stops"

# Evidence texts: at most 1024 bytes, a cut one marked with " … ". A sentence
# of 150 words and 2.5 KB is one window (under 200 tokens and 4 KB) whose
# evidence is cut.
{
    printf 'Tony Blair met Gordon Brown in London and they discussed'
    for _ in $(seq 150); do printf ' extraordinarily'; done
    printf ' matters with John Major.\n'
} >"$WORK/long.txt"
run "$ERG" build --quiet "$WORK/long.txt" -o "$WORK/long.json"
expect_rc 0 "a sentence of 2.5 KB"
$PY - "$WORK/long.json" >"$WORK/ev" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
texts = [s["text"] for s in g["sentences"]]
print(max(len(t.encode()) for t in texts), sum(" \u2026 " in t for t in texts))
EOF
read -r ev_max ev_cut <"$WORK/ev"
at_most "${ev_max:-999999}" 1024 "the longest evidence text, in bytes"
if [ "${ev_cut:-0}" -gt 0 ]; then pass "cut evidence is marked with …"; else
    fail "no evidence text is marked as cut"; fi

# --max-article-bytes: a plain-text article over it is skipped (here the only
# one, so nothing is built); a JSON line over it is skipped and the others read.
run "$ERG" build --quiet --max-article-bytes 64K "$WORK/news.txt" -o "$WORK/skip.json"
expect_rc 1 "build of one article over --max-article-bytes"
expect_err "'$WORK/news.txt': article longer than 65536 bytes" "the article is named"
expect_err "no article found" "nothing else was read"

long=$(head -c 3000 "$WORK/words.txt")
printf '{"id": "a", "text": "John Smith met Mary Jones in London."}\n{"id": "b", "text": "%s"}\n{"id": "c", "text": "Tony Blair spoke to the BBC."}\n' \
    "$long" >"$WORK/lines.jsonl"
run "$ERG" build --quiet --max-article-bytes 1024 "$WORK/lines.jsonl" -o "$WORK/lines.json"
expect_rc 0 "build with a JSON line over the limit"
expect_err "'$WORK/lines.jsonl': line 2: JSON line longer than 1024 bytes" "the line is named"
expect_err "skipped 1 article over --max-article-bytes" "and counted"
n=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["article_ids"]))' "$WORK/lines.json")
if [ "$n" = 2 ]; then pass "the two other lines are built"; else fail "$n articles built, want 2"; fi

run "$ERG" extract --max-article-bytes 1K "$WORK/lines.jsonl" -o "$WORK/lines.out"
expect_rc 0 "extract with a JSON line over the limit"
expect_err "line 2: JSON line longer than 1024 bytes" "extract names the line"
if [ "$(wc -l <"$WORK/lines.out")" = 2 ]; then pass "extract writes the two others"; else
    fail "extract wrote $(wc -l <"$WORK/lines.out") lines, want 2"; fi

run "$ERG" build --max-article-bytes 0 "$WORK/lines.jsonl" -o "$WORK/x.json"
expect_rc 2 "--max-article-bytes 0"
expect_err "give a positive number of bytes" "the bad value is explained"

# The default limit, 8 MiB: a 20 MB single line is refused without being read into memory.
$PY -c 'import sys; sys.stdout.write("John Smith met Mary Jones " * 800000)' >"$WORK/big.txt"
run "$ERG" build --quiet "$WORK/big.txt" -o "$WORK/big.json"
expect_rc 1 "a 20 MB article under the default limit"
expect_err "article longer than 8388608 bytes" "the default limit is 8 MiB"
no_crash "big article"

finish
