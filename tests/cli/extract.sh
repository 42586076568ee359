#!/usr/bin/env bash
# For every mention erg extract prints, the article's bytes [start, end) equal its text.
. "$(dirname "$0")/lib.sh"

run "$ERG" extract --quiet --types person,agency,outlet,place,misc "$FIXTURES/articles"
expect_rc 0 "extract the fixtures"
cp "$WORK/out" "$WORK/mentions.jsonl"
$PY - "$WORK/mentions.jsonl" "$FIXTURES/articles" >"$WORK/check" 2>&1 <<'PYEOF'
import json, os, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
root = sys.argv[2]
texts = {}
for dirpath, _, files in os.walk(root):
    for f in files:
        p = os.path.join(dirpath, f)
        if f.endswith((".txt", ".text", ".md")):
            data = open(p, "rb").read()
            if data.startswith(b"\xef\xbb\xbf"):
                data = data[3:]
            texts[p] = data
        elif f.endswith((".jsonl", ".ndjson")):
            for line in open(p, encoding="utf-8"):
                if line.strip():
                    o = json.loads(line)
                    texts[str(o.get("id", p))] = o["text"].encode("utf-8")
bad = checked = 0
for r in records:
    text = texts.get(r["id"])
    if text is None:
        print("not ok - no text for article %r" % r["id"]); bad += 1; continue
    for m in r["mentions"]:
        checked += 1
        if text[m["start"]:m["end"]].decode("utf-8") != m["text"]:
            bad += 1
            print("not ok - %s %d-%d: %r != %r" % (r["id"], m["start"], m["end"],
                  text[m["start"]:m["end"]], m["text"]))
print("%d mentions in %d of %d articles checked, %d bad" % (checked, len(records), len(texts), bad))
sys.exit(1 if bad or checked == 0 or len(records) != len(texts) else 0)
PYEOF
rc=$?
tail -3 "$WORK/check"
if [ $rc -eq 0 ]; then pass "mention offsets match the text"; else fail "mention offsets"; fi

# --aliases FILE (advertised in --help) is accepted and its canonical name wins.
printf '[{"name": "Zorblax Institute", "type": "agency", "aliases": ["Kim"]}]\n' >"$WORK/aliases.json"
printf 'Kim met Park in Seoul on Monday, Reuters reported.\n' >"$WORK/kim.txt"
run "$ERG" extract --quiet --aliases "$WORK/aliases.json" "$WORK/kim.txt"
expect_rc 0 "extract --aliases"
if grep -qF '"entity":"Zorblax Institute"' "$WORK/out"; then pass "--aliases names the entity"; else
    fail "--aliases names the entity"; head -3 "$WORK/out"; fi
# --explain adds "rule" (and "tagged" where a rule changed the tagger's span or
# type) to each mention; without it the mentions are as before.
printf 'Labour MP George Foulkes spoke, Yonhap news agency reported.\n' >"$WORK/explain.txt"
run "$ERG" extract --quiet "$WORK/explain.txt"
cp "$WORK/out" "$WORK/plain.jsonl"
run "$ERG" extract --quiet --explain "$WORK/explain.txt"
expect_rc 0 "extract --explain"
$PY - "$WORK/plain.jsonl" "$WORK/out" >"$WORK/check" 2>&1 <<'PYEOF'
import json, sys
plain = json.loads(open(sys.argv[1]).readline())
expl = json.loads(open(sys.argv[2]).readline())
ok = len(plain["mentions"]) == len(expl["mentions"]) and all("rule" in m for m in expl["mentions"])
for p, e in zip(plain["mentions"], expl["mentions"]):
    ok = ok and "rule" not in p and {k: v for k, v in e.items() if k not in ("rule", "tagged", "tagged_span")} == p
    ok = ok and (("tagged" in e) == (e["rule"] != "tagger"))
sys.exit(0 if ok else 1)
PYEOF
if [ $? -eq 0 ]; then pass "--explain adds rule and tagged only"; else fail "--explain"; cat "$WORK/out"; fi
if grep -qF '"rule":"outlet-list"' "$WORK/out"; then pass "--explain names the rule"; else
    fail "--explain names the rule"; cat "$WORK/out"; fi
if "$ERG" extract --help | grep -q -- '--explain'; then pass "--help documents --explain"; else
    fail "--help documents --explain"; fi
# --knowledge DIR: lists that are missing or not text stop the run, naming them.
run "$ERG" extract --quiet --knowledge "$WORK/no-such-lists" "$WORK/explain.txt"
expect_rc 1 "extract --knowledge with a missing folder"
expect_err "no-such-lists" "extract --knowledge with a missing folder"
mkdir -p "$WORK/lists"
printf 'Acme\0Corp\n' >"$WORK/lists/company.bad.txt"
run "$ERG" extract --quiet --knowledge "$WORK/lists" "$WORK/explain.txt"
expect_rc 1 "extract --knowledge with a binary list"
expect_err "company.bad.txt': a NUL byte" "extract --knowledge with a binary list"
no_crash "extract --knowledge with a binary list"
# An article from a listed outlet cites the outlets it carries; not itself or its stations.
cat >"$WORK/cites.jsonl" <<'EOF2'
{"id":"c1","source":"BBC News","text":"The Daily Mirror reported that Tony Blair would stand down. Mr Brown told BBC Radio 4 he was calm. Sky News said the Times had reported a poll."}
{"id":"c2","text":"The Daily Mirror reported that Tony Blair would stand down."}
EOF2
run "$ERG" extract --quiet "$WORK/cites.jsonl"
expect_rc 0 "extract of articles that carry other outlets"
/usr/bin/python3 - "$WORK/out" >"$WORK/cites.txt" <<'EOF2'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    for x in r["relations"]:
        if x["kind"] == "cites":
            print(r["id"], x["source"], x["target"])
EOF2
if [ "$(cat "$WORK/cites.txt")" = "c1 Sky News Times
c1 BBC Daily Mirror
c1 BBC Sky News" ]; then pass "the article's outlet cites what it carries, once, not its own station"; else
    fail "the article's outlet cites what it carries"; cat "$WORK/cites.txt"; fi
finish
