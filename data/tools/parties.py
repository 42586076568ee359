#!/usr/bin/python3
"""Builds data/parties.json, the political parties alias list, from Party Facts.

usage: data/tools/parties.py PARTYFACTS_DIR CORPUS... > data/parties.json

PARTYFACTS_DIR holds partyfacts_wikidata.csv and partyfacts_wikipedia.csv
(github.com/hdigital/partyfactsdata, import/wikipedia/; MIT). CORPUS files are
CoNLL files (token first on each line, blank line between sentences) used only
to count how often a word is written in lower case; erg's data/README.md names
the ones used for the shipped file. The data/ folder next to this script is
read for aliases.json and outlets.tsv so that no alias clashes with them.

The output is deterministic: the same inputs give the same bytes. Counts and
the list of predecessor pairs go to stderr. The rules are in data/README.md
("parties.json"); in short:

- one entry per English party name (parties of several countries that share
  a name are one entry: the graph cannot tell them apart anyway);
- "<X> Party" gives "<X>" and, when X ends in a word for a member
  (-crat, -ist, -ive, -al, -an, -ite), "<X>s"; "-cratic" becomes "-crat"
  first ("Democratic Party" gives "Democrat", "Democrats");
- a plural name ("Liberal Democrats", "Tories") gives its singular
  ("Liberal Democrat", "Tory"), and so does a plural short name ("Lib Dems");
- short names are split on "/" (Party Facts writes spaces and separators as
  "/"): runs of capitalized words form a phrase ("Lib/Dems" is "Lib Dems",
  "GOP/Grand/Old/Party" is "GOP" and "Grand Old Party"), all-capital tokens are
  acronyms; words Party Facts adds ("English", "or", "since") are dropped;
- an acronym is kept when it has at least 3 letters, only one party name has
  it, and it is never written in lower case in the corpus (not a word);
- a one-word form (a bare adjective, a plural, a one-word short name or
  party name) is kept only when the corpus writes it in lower case at most
  MAX_LOWER times: "Green", "Reform", "Alliance", "Democratic",
  "Conservative" are English words and are dropped, "Labour", "Tory" and
  "Democrats" are not; a party whose one-word name fails is left out;
- a form that several party names produce goes to the name that is exactly
  the form's base + " Party", else it is dropped; a form that is another
  party's name stays that party's;
- nothing whose key (case, diacritics, dots and hyphens folded as erg does)
  is already in aliases.json or outlets.tsv is written.
"""
import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

MAX_LOWER = 2  # lower-case uses allowed for a one-word form (in about 1.1M tokens)
NOISE_TOKENS = {"English", "or", "since", "official", "Latvian", "Bulgarian"}
MEMBER_SUFFIXES = ("crat", "ist", "ive", "al", "an", "ite")
SENTENCE_END = {".", "!", "?", '"', "``", "''", ":", "-DOCSTART-"}


def key(s):
    """The merge key of erg_text_name_key (src/text/names.c)."""
    out = []
    for ch in unicodedata.normalize("NFKD", s).casefold():
        if unicodedata.combining(ch):
            continue
        if ch.isspace() or ch in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
            out.append(" ")
        elif ch in ".\uff0e\u2024":
            continue
        elif ch in "'\u2018\u2019\u201a\u201b\u02bc\u2032\uff07":
            out.append("'")
        elif ch in '"\u201c\u201d\u201e\u201f\u2033\uff02':
            out.append('"')
        else:
            out.append(ch)
    k = re.sub(" +", " ", "".join(out)).strip()
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("'"):
        k = k[:-1]
    return k.rstrip()


def lower_counts(paths):
    """How often each lower-case word occurs in the corpus, not first in a sentence."""
    lower = Counter()
    for path in paths:
        prev = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                tok = line.split("\t")[0].split(" ")[0].strip()
                if not tok:
                    prev = None
                    continue
                if prev is not None and prev not in SENTENCE_END and tok[:1].islower():
                    lower[tok] += 1
                prev = tok
    return lower


def existing_keys(data_dir):
    keys = set()
    with open(os.path.join(data_dir, "aliases.json"), encoding="utf-8") as f:
        for e in json.load(f):
            for n in [e["name"]] + e.get("aliases", []):
                keys.add(key(n))
    with open(os.path.join(data_dir, "outlets.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            names = [cols[0]] + (cols[2].split("|") if len(cols) > 2 and cols[2] else [])
            for n in names:
                keys.add(key(n.lstrip("~")))
    return keys


def is_word(tok):
    return bool(re.fullmatch(r"[A-Z][a-z]+", tok))


def is_acronym(tok):
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]*", tok)) and sum(c.isalpha() for c in tok) >= 3


def singular(word):
    """The singular of a plural English noun, or None when word is not plural."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def member_noun(word):
    """'Democratic' -> 'Democrat'; a word naming a member, or None."""
    if word.endswith("cratic"):
        word = word[:-2]
    return word if word.endswith(MEMBER_SUFFIXES) else None


def short_forms(short):
    """Phrases and acronyms of a Party Facts short name ("Lib/Dems", "GOP/Grand/Old/Party")."""
    phrases, acronyms, run = [], [], []
    for tok in short.split("/") + [""]:
        if tok and is_word(tok) and tok not in NOISE_TOKENS:
            run.append(tok)
            continue
        if run:
            phrases.append(" ".join(run))
            run = []
        if tok and is_acronym(tok):
            acronyms.append(tok)
    return phrases, acronyms


# Keys of capitalized plural member nouns ("Conservatives", "Socialists"):
# the English-word test does not apply to them. That "conservatives" is a
# common lower-case word says nothing of the capitalized plural a tagger
# marks as a name, which in news is the party's members; the singular
# ("Conservative") stays under the test, being an adjective before other
# names as often.
PLURAL_MEMBERS = set()


def derived(name):
    """Forms of a party name: [(form, base)], base being what '+ Party' would make generic."""
    words = name.split(" ")
    if not all(re.fullmatch(r"[A-Z][A-Za-z]*", w) for w in words):
        return []
    out = []
    if len(words) >= 2 and words[-1] == "Party":
        x = words[:-1]
        out.append((" ".join(x), " ".join(x)))
        m = member_noun(x[-1])
        if m:
            noun = " ".join(x[:-1] + [m])
            out.append((noun, " ".join(x)))
            out.append((noun + "s", " ".join(x)))
            PLURAL_MEMBERS.add(key(noun + "s"))
    else:
        s = singular(words[-1])
        if s:
            out.append((" ".join(words[:-1] + [s]), None))  # the name itself, in the singular
    return out


def phrase_forms(phrase):
    out = [phrase]
    words = phrase.split(" ")
    s = singular(words[-1])
    if len(words) >= 2 and s:
        out.append(" ".join(words[:-1] + [s]))
    return out


# A form that names people or places is not a party's (nationalities,
# religions, places and their adjectives, of any length): "European"
# (European Party), "German" (German Party) and "Butler" (Butler Party) are
# far more often a nationality, a place or a surname. Surnames: the most
# common SURNAME_RANK of the 1990 US census (public domain).
SURNAME_RANK = 10000


def word_set(path, upper=False):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(key(line.split()[0].title() if upper else line))
    return out


def surnames(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if len(cols) >= 4 and int(cols[3]) <= SURNAME_RANK:
                out.add(key(cols[0].title()))
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 4 or args[0] != "--surnames":
        sys.exit("usage: parties.py --surnames CENSUS_LAST PARTYFACTS_DIR CORPUS... > parties.json")
    surname_path, pf_dir, corpora = args[1], args[2], args[3:]
    data_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lower = lower_counts(corpora)
    taken = existing_keys(data_dir)
    not_party = (
        word_set(os.path.join(data_dir, "nationalities.txt"))
        | word_set(os.path.join(data_dir, "religions.txt"))
        | word_set(os.path.join(data_dir, "places.txt"))
    )
    family = surnames(surname_path)

    # Adjectives of listed places ("European" of Europe, "Kenyan" of Kenya)
    # that the derived nationality list misses.
    for p in word_set(os.path.join(data_dir, "places.txt")):
        for stem in (p, p[:-1]):
            for end in ("an", "n", "ian", "ean", "ese", "ish", "i", "ic"):
                not_party.add(stem + end)

    def common_word(form, plural_member=False):
        k = key(form)
        plural_of = k[:-1] if k.endswith("s") else None
        if k in not_party or plural_of in not_party:
            return True  # a place or nationality, of one word or more ("New Zealand")
        if " " in form or plural_member:
            return False
        return lower[form.lower()] > MAX_LOWER or k in family

    with open(os.path.join(pf_dir, "partyfacts_wikidata.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["name"].strip()]
    with open(os.path.join(pf_dir, "partyfacts_wikipedia.csv"), encoding="utf-8") as f:
        years = {r["partyfacts_id"]: (r["year_founded"], r["year_dissolved"]) for r in csv.DictReader(f)}

    # Parties by name key; the first spelling in file order is the canonical name.
    names, countries, shorts = {}, defaultdict(set), defaultdict(list)
    dropped_names = set()
    for r in rows:
        name = r["name"].strip()
        k = key(name)
        if k in taken or common_word(name):
            dropped_names.add(name)
            continue
        names.setdefault(k, name)
        countries[k].add(r["country"])
        if r["name_short"]:
            shorts[k].append(r["name_short"])

    # Candidate forms: form key -> {name key: (form, base key)}.
    cand = defaultdict(dict)
    acro = defaultdict(dict)

    def offer(nk, form, base):
        fk = key(form)
        if fk and fk != nk and nk not in cand[fk]:
            cand[fk][nk] = (form, None if base is None else key(base))

    for nk, name in names.items():
        for form, base in derived(name):
            offer(nk, form, base)
        for short in shorts[nk]:
            phrases, acronyms = short_forms(short)
            for p in phrases:
                for form in phrase_forms(p):
                    offer(nk, form, form)
            for a in acronyms:
                acro[key(a)][nk] = a

    # Predecessor pairs: dissolved in the year that exactly one party of the
    # same country was founded. Printed for review; see PREDECESSORS below.
    founded = defaultdict(list)
    for r in rows:
        y = years.get(r["partyfacts_id"], ("", ""))[0]
        if y:
            founded[(r["country"], y)].append(r)
    pairs = []
    for r in rows:
        d = years.get(r["partyfacts_id"], ("", ""))[1]
        succ = founded.get((r["country"], d), []) if d else []
        succ = [s for s in succ if s["partyfacts_id"] != r["partyfacts_id"]]
        if len(succ) == 1:
            pairs.append((r["country"], d, r["name"], succ[0]["name"]))
    print("predecessor rule: %d pairs" % len(pairs), file=sys.stderr)
    for p in sorted(pairs):
        print("  %s %s: %s -> %s" % p, file=sys.stderr)

    def winner(fk, offers):
        """The name key that gets form fk, or None: see the module comment."""
        exact = {nk for nk, (_, base) in offers.items() if base is None}
        if fk in names:
            exact.add(fk)
        if len(offers) == 1 and fk not in names:
            return next(iter(offers))
        if " " in fk and len(exact) == 1:
            return next(iter(exact))  # a name of several words keeps its own forms
        generic = exact | {nk for nk, (_, base) in offers.items() if base and nk == base + " party"}
        ranked = sorted(generic, key=lambda nk: (-len(countries[nk]), nk))
        if len(ranked) == 1 or (ranked and len(countries[ranked[0]]) >= 2 * len(countries[ranked[1]])):
            return ranked[0]
        return fk if fk in names else None

    # A party's name that a more common generic name claims ("Democrats", the
    # name of two small parties, is a form of "Democratic Party") loses its entry.
    for fk, offers in sorted(cand.items()):
        if fk in names and not common_word(names[fk]):
            w = winner(fk, offers)
            if w != fk:
                print("  %s: a form of %s, not a party of its own" % (names[fk], names[w]), file=sys.stderr)
                del names[fk]
    aliases = defaultdict(dict)  # name key -> alias key -> form
    n_contested = 0
    for fk, offers in sorted(cand.items()):
        offers = {nk: o for nk, o in offers.items() if nk in names}
        form = next(iter(offers.values()), ("",))[0]
        if not offers or fk in taken or common_word(form, fk in PLURAL_MEMBERS):
            continue
        if " " not in form and len(form) < 4 and not is_acronym(form):
            continue  # "Con", "Lab", "Dem": abbreviations of results tables
        n_contested += len(offers) > 1
        nk = winner(fk, offers)
        if nk is None or nk == fk:
            continue
        aliases[nk].setdefault(fk, offers[nk][0])
    # An acronym that reads as a name is one: "FORD" (a Kenyan party) is Ford.
    first_names = word_set(os.path.join(data_dir, "first_names.txt"))
    n_acro = 0
    for ak, owners in sorted(acro.items()):
        a = next(iter(owners.values()))
        if len(owners) != 1 or ak in taken or ak in names or ak in cand or lower[a.lower()] > 0:
            continue
        if ak in family or ak in not_party or ak in first_names:
            continue
        if next(iter(owners)) not in names:
            continue
        nk = next(iter(owners))
        aliases[nk].setdefault(ak, a)
        n_acro += 1

    entries = []
    for nk in sorted(names, key=lambda k: (names[k], k)):
        entries.append(
            {
                "name": names[nk],
                "type": "agency",
                "aliases": sorted(aliases[nk].values()),
            }
        )
    sys.stdout.write("[\n")
    sys.stdout.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries))
    sys.stdout.write("\n]\n")
    n_alias = sum(len(e["aliases"]) for e in entries)
    print(
        "%d party rows, %d names dropped (clash or English word), %d entries, %d aliases "
        "(%d acronyms), %d contested forms" % (len(rows), len(dropped_names), len(entries), n_alias, n_acro, n_contested),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
