#!/usr/bin/python3
"""Derive data/nationalities.txt from GMB (gmb.conll, CoNLL two-column IOB2).

GMB tags nationality and language adjectives ("British", "West German") as
gpe, which the CoNLL conversion maps to MISC. A one- or two-word span tagged
MISC at least MIN_COUNT times, made of capitalized alphabetic words, and
tagged MISC in at least MIN_SHARE of all its spans (so names GMB mostly tags
as places, organizations or persons stay out), is listed. GMB's MISC also
holds events, artifacts and natural phenomena ("Hurricane Katrina", "GDP"),
so a word is left out when it is all capitals or shorter than three letters,
when it is a place (data/places.txt) or a first name (in both
data/first_names.txt and the male or female first names of the 1990 US
census, public domain: each list alone holds words that are no names, such
as "Welsh" in the first),
and a two-word span when its words are not both listed themselves ("Bosnian
Serb" stays, "Australian Open" goes). A span seen fewer than MIN_COUNT
times is kept only when it is one word that ends (last two letters) like
three frequent ones and is tagged MISC in at least half of all its
occurrences: "Welsh" like "English", but not "Cathedral" or "Please". Each listed singular adjective is also
written with a compass word before it ("West German", "South Korean"), which
GMB splits into a place word and the adjective.

usage: /usr/bin/python3 data/tools/nationalities.py gmb.conll data CENSUS_DIR > data/nationalities.txt
(CENSUS_DIR: ../shared/data/gazetteers/person_names)
"""
import collections
import sys

MIN_COUNT = 5
MIN_SHARE = 0.8


def spans(path):
    words, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                yield from sentence_spans(words, labels)
                words, labels = [], []
                continue
            words.append(parts[0])
            labels.append(parts[-1])
    yield from sentence_spans(words, labels)


def sentence_spans(words, labels):
    i = 0
    while i < len(words):
        lab = labels[i]
        if lab == "O":
            i += 1
            continue
        cls = lab[2:]
        j = i + 1
        while j < len(words) and labels[j] == "I-" + cls:
            j += 1
        yield cls, tuple(words[i:j])
        i = j


COMPASS = ("North", "South", "East", "West")


def word_list(path):
    with open(path, encoding="utf-8") as f:
        return {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}


def census_first_names(folder):
    out = set()
    for sex in ("male", "female"):
        with open("%s/census1990_dist.%s.first" % (folder, sex), encoding="utf-8") as f:
            out |= {line.split()[0].lower() for line in f if line.strip()}
    return out


def main():
    path, data, census = sys.argv[1], sys.argv[2], sys.argv[3]
    first_names = word_list(data + "/first_names.txt") & census_first_names(census)
    excluded = word_list(data + "/places.txt") | first_names
    seen = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts:
                seen[parts[0]] += 1
    misc = collections.Counter()
    total = collections.Counter()
    for cls, ws in spans(path):
        if len(ws) > 2:
            continue
        total[ws] += 1
        if cls == "MISC":
            misc[ws] += 1
    found = [
        ws
        for ws, n in misc.items()
        if n >= MIN_SHARE * total[ws]
        and all(w[0].isupper() and w.replace("-", "").isalpha() for w in ws)
        and all(len(w) >= 3 and not w.isupper() and w.lower() not in excluded for w in ws)
    ]
    # A rare word is kept when it ends (last two letters) like at least three
    # frequent singular ones ("Welsh" like "English") and is tagged MISC in at
    # least half of all its occurrences, spans or not ("Please" is not).
    frequent = [ws for ws in found if misc[ws] >= MIN_COUNT]
    endings = collections.Counter(w[-2:] for ws in frequent for w in ws if not w.endswith("s"))
    found = [
        ws
        for ws in found
        if misc[ws] >= MIN_COUNT
        or (len(ws) == 1 and endings[ws[0][-2:]] >= 3 and misc[ws] >= 0.5 * seen[ws[0]])
    ]
    single = {ws[0] for ws in found if len(ws) == 1}

    def listed(w):
        return w in single or (w.endswith("s") and w[:-1] in single)

    keep = {" ".join(ws) for ws in found if len(ws) == 1 or all(listed(w) for w in ws)}
    for w in single:
        if not w.endswith("s"):
            keep |= {c + " " + w for c in COMPASS}
    keep = sorted(keep)
    print("# Nationality and language adjectives (and plurals GMB tags alike), one a line.")
    print("# Derived by data/tools/nationalities.py from GMB 2.2 (gmb.conll; public domain):")
    print("# one- and two-word spans tagged MISC (GMB gpe) in at least")
    print("# %d%% of their occurrences, at least %d times or ending like those that are;"
          % (int(MIN_SHARE * 100), MIN_COUNT))
    print("# capitalized words only, no places or first names;")
    print("# each singular also after North/South/East/West. Do not edit by hand; rerun.")
    for name in keep:
        print(name)


if __name__ == "__main__":
    main()
