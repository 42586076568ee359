#!/usr/bin/python3
"""Converts a labeled NER corpus to the CoNLL form `erg train` reads.

usage: data/tools/convert_ner.py CORPUS SRC -o OUT
       CORPUS: btc, btc-g, crossner, uner, sec, re3d, gum, gum-interview
       SRC:    the corpus folder under ../shared/data/ner/
               (btc, crossner_politics, uner_en_ewt, sec_filings_ner,
               re3d-free, gum)

Output: `TOKEN<TAB>TAG`, IOB2 over PER, ORG, LOC, MISC, a blank line after
each sentence, `-DOCSTART-` before each document where the corpus marks
documents (a file without them makes a document of every sentence in
`erg train`). The output is deterministic: the same inputs give the same
bytes (files are read in sorted order). A token holding white space has it
replaced by `_`; an empty token is dropped. Counts go to stderr.

Type mappings (anything not listed becomes O):

- btc (Broad Twitter Corpus, sections a b e f g h; btc-g: section g only,
  tweets of news accounts): PER, ORG, LOC as they are. A lone "@" token is
  joined to the handle after it ("@" + "4corners" -> "@4corners", with the
  handle's tag). No MISC is annotated: nationalities and events are O.
  Every tweet is its own document.
- crossner (CrossNER politics train, dev and test): politician, person ->
  PER; politicalparty, organisation -> ORG; country, location -> LOC;
  election, event, misc -> MISC. Every sentence is its own document.
- uner (Universal NER English-EWT dev and test; train is not in the
  snapshot): PER, ORG, LOC as they are; no MISC is annotated. `# newdoc`
  lines start documents.
- sec (SEC filings, FIN5 train and FIN3 test): IOB1 I-PER, I-ORG, I-LOC,
  I-MISC as they are, made IOB2; `-DOCSTART-` lines kept.
- re3d (re3d, the free sources only: CENTCOM, US_State_Department,
  UK_Government, Wikipedia, Australian_Department_of_Foreign_Affairs; not
  BBC_Online (CC BY-NC) nor the EU Syria delegation (terms unclear)):
  Person -> PER, Organisation -> ORG, Location -> LOC, Nationality -> MISC;
  DocumentReference, MilitaryPlatform, Money, Quantity, Temporal, Weapon ->
  O. Every file is a document.
- gum (GUM, free genres but news: academic, bio, court, interview, voyage;
  never news, which is the same text as the development sets): PER, ORG,
  LOC as they are; no MISC is annotated. Every sentence is its own document.
  gum-interview: the interview genre only (Wikinews interviews).
"""
import os
import sys

CROSSNER = {"politician": "PER", "person": "PER",
            "politicalparty": "ORG", "organisation": "ORG",
            "country": "LOC", "location": "LOC",
            "election": "MISC", "event": "MISC", "misc": "MISC"}
RE3D = {"Person": "PER", "Organisation": "ORG", "Location": "LOC",
        "Nationality": "MISC"}
RE3D_SOURCES = ["Australian_Department_of_Foreign_Affairs", "CENTCOM",
                "UK_Government", "US_State_Department", "Wikipedia"]
GUM_GENRES = ["academic", "bio", "court", "interview", "voyage"]
PLAIN = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def split_tag(tag):
    """'B-X' -> ('B', 'X'); 'O' -> ('O', None)."""
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O", None
    return tag[0], tag[2:]


def to_iob2(sent, mapping):
    """[(token, raw tag)] with IOB1 or IOB2 tags -> [(token, IOB2 tag)]."""
    out = []
    prev = None
    for tok, tag in sent:
        prefix, kind = split_tag(tag)
        kind = mapping.get(kind) if kind else None
        if kind is None:
            out.append((tok, "O"))
            prev = None
            continue
        start = prefix == "B" or kind != prev
        out.append((tok, ("B-" if start else "I-") + kind))
        prev = kind
    return out


def clean(tok):
    return "_".join(tok.split()) if tok.strip() else ""


def read_columns(path, tok_col, tag_col, comment=None):
    """Yields ('doc', None) at document marks and ('sent', [(tok, tag)])."""
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n").rstrip("\r")
        if comment and line.startswith(comment):
            if line.startswith("# newdoc"):
                if sent:
                    yield "sent", sent
                    sent = []
                yield "doc", None
            continue
        if line.startswith("-DOCSTART-"):
            if sent:
                yield "sent", sent
                sent = []
            yield "doc", None
            continue
        cols = line.split("\t") if "\t" in line else line.split(" ")
        if not line.strip():
            if sent:
                yield "sent", sent
                sent = []
            continue
        tok = clean(cols[tok_col])
        if tok:
            sent.append((tok, cols[tag_col].strip() or "O"))
    if sent:
        yield "sent", sent


def join_at(sent):
    out = []
    i = 0
    while i < len(sent):
        tok, tag = sent[i]
        if tok == "@" and i + 1 < len(sent):
            out.append(("@" + sent[i + 1][0], sent[i + 1][1]))
            i += 2
            continue
        out.append((tok, tag))
        i += 1
    return out


def sources(corpus, src):
    """Yields (items, mapping, documents_marked) per input file."""
    if corpus in ("btc", "btc-g"):
        for sec in (["g"] if corpus == "btc-g" else list("abefgh")):
            items = [(k, join_at(s) if s else s)
                     for k, s in read_columns(os.path.join(src, sec + ".conll"), 0, -1)]
            yield items, PLAIN, False
    elif corpus == "crossner":
        for part in ("train", "dev", "test"):
            yield list(read_columns(os.path.join(src, "politics_%s.txt" % part), 0, -1)), \
                CROSSNER, False
    elif corpus == "uner":
        for part in ("dev", "test"):
            yield list(read_columns(os.path.join(src, "en_ewt-ud-%s.iob2" % part), 1, 2,
                                    comment="#")), PLAIN, True
    elif corpus == "sec":
        for part in ("train/FIN5.txt", "test/FIN3.txt"):
            yield list(read_columns(os.path.join(src, "CONLL-format/data", part), 0, -1)), \
                PLAIN, True
    elif corpus == "re3d":
        base = os.path.join(src, "CONLL-format/data-by-source/conll")
        for source in RE3D_SOURCES:
            for name in sorted(os.listdir(os.path.join(base, source))):
                items = [("doc", None)] + list(read_columns(os.path.join(base, source, name),
                                                            0, -1))
                yield items, RE3D, True
    elif corpus in ("gum", "gum-interview"):
        for genre in (GUM_GENRES if corpus == "gum" else ["interview"]):
            yield list(read_columns(os.path.join(src, "bio", "gum_%s.bio" % genre), 0, -1)), \
                PLAIN, False
    else:
        sys.exit("convert_ner.py: unknown corpus %r" % corpus)


def main():
    args = sys.argv[1:]
    if len(args) != 4 or args[2] != "-o":
        sys.exit("usage: convert_ner.py CORPUS SRC -o OUT")
    corpus, src, out_path = args[0], args[1], args[3]
    n_sent = n_tok = n_doc = 0
    spans = {}
    with open(out_path, "w", encoding="utf-8") as out:
        for items, mapping, marked in sources(corpus, src):
            pending_doc = marked
            for kind, sent in items:
                if kind == "doc":
                    pending_doc = True
                    continue
                if pending_doc:
                    out.write("-DOCSTART-\tO\n\n")
                    n_doc += 1
                    pending_doc = False
                for tok, tag in to_iob2(sent, mapping):
                    out.write("%s\t%s\n" % (tok, tag))
                    if tag.startswith("B-"):
                        spans[tag[2:]] = spans.get(tag[2:], 0) + 1
                out.write("\n")
                n_sent += 1
                n_tok += len(sent)
    print("%s: %d sentences, %d tokens, %d documents marked; %s" % (
        corpus, n_sent, n_tok, n_doc,
        ", ".join("%s %d" % (k, spans.get(k, 0)) for k in ("PER", "ORG", "LOC", "MISC"))),
        file=sys.stderr)


if __name__ == "__main__":
    main()
