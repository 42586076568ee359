#!/usr/bin/env python3
"""Turns word lists of erg's data folder into C tables at build time.

meson runs this with its own Python (src/*/meson.build) for modules that keep
no loading step: the tokenizer, the title-case copy of training corpora and
the typed-relation patterns. The list is declared once, in data/; the C file
that uses it includes the generated header.

    gen_lists.py OUT.h SPEC...

Each SPEC is KIND:NAME:PATH, and makes one table in OUT.h:

  words:NAME:FILE      static const char *const NAME[] = {..., NULL};
                       one entry a line, '#' comments and blank lines skipped
  sections:PREFIX:FILE one NULL-terminated table PREFIX<section> per
                       "[section]" of FILE (extern, declared by the module)
  abbrevs:NAME:FILE    static const abbrev NAME[]: WORD<TAB>never|name|end
  verbs:NAME:FILE      static const verb_cue NAME[]: VERB<TAB>PREP|-<TAB>KIND
  titles:NAME:FILE     const relate_title NAME[] and const size_t NAME_n: the
                       rows of titles.tsv whose ROLE column is not "-"
  confidence:NAME:FILE static const relate_conf NAME[]: the rows of
                       relate_confidence.tsv (PATTERN KIND RIGHT JUDGED
                       SCORE, header line first) as {ERG_PATTERN_X or
                       RELATE_ANY_PATTERN for "*", ERG_KIND_Y, score in
                       units of 1/10000}
  rows:NAME/KIND:FILE  static const char *const NAME[] = {..., NULL}: the
                       one-word phrases of the KIND rows of a KIND<TAB>PHRASE
                       file (outlet_cues.txt)

A malformed line stops the build with FILE:LINE: what is wrong.
"""
import sys

ROLES = {"spokes", "lead", "command", "rank", "member"}
KINDS = {"member_of", "leads"}
ABBREV_KINDS = {"never", "name", "end"}


class Bad(Exception):
    pass


def lines(path):
    """(line number, text without comment-only or blank lines) of path."""
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            s = line.rstrip("\r\n")
            if not s.strip() or s.lstrip().startswith("#"):
                continue
            yield no, s


def c_str(s, where):
    if any(c in s for c in '"\\') or any(ord(c) < 32 for c in s):
        raise Bad("%s: '%s' needs escaping; not allowed in a word list" % (where, s))
    return '"%s"' % s


def cols(path, no, s, n_min, n_max):
    c = s.split("\t")
    if not n_min <= len(c) <= n_max or any(not x.strip() for x in c):
        raise Bad("%s:%d: expected %d to %d tab-separated columns, got '%s'"
                  % (path, no, n_min, n_max, s))
    return [x.strip() for x in c]


def table(decl, items):
    out = [decl + " = {"]
    out += ["    %s," % x for x in items]
    out.append("};")
    return out


def words(name, path, static=True):
    items = [c_str(s.strip(), "%s:%d" % (path, no)) for no, s in lines(path)]
    return table("%sconst char *const %s[]" % ("static " if static else "", name),
                 items + ["NULL"])


def sections(prefix, path):
    out, cur, items = [], None, []
    for no, s in lines(path):
        s = s.strip()
        if s.startswith("["):
            if not s.endswith("]") or not s[1:-1].isidentifier():
                raise Bad("%s:%d: bad section '%s'" % (path, no, s))
            if cur:
                out += table("const char *const %s%s[]" % (prefix, cur), items + ["NULL"])
            cur, items = s[1:-1], []
            continue
        if cur is None:
            raise Bad("%s:%d: a word before the first [section]" % (path, no))
        items.append(c_str(s, "%s:%d" % (path, no)))
    if cur:
        out += table("const char *const %s%s[]" % (prefix, cur), items + ["NULL"])
    return out


def abbrevs(name, path):
    items = []
    for no, s in lines(path):
        w, k = cols(path, no, s, 2, 2)
        if k not in ABBREV_KINDS or not 0 < len(w.encode()) <= 6:
            raise Bad("%s:%d: want WORD (1-6 bytes)<TAB>never|name|end" % (path, no))
        items.append("{%s, %d, AB_%s}" % (c_str(w, path), len(w.encode()), k.upper()))
    return table("static const abbrev %s[]" % name, items)


def verbs(name, path):
    items = []
    for no, s in lines(path):
        v, p, k = cols(path, no, s, 3, 3)
        if k not in KINDS:
            raise Bad("%s:%d: kind '%s' is not member_of or leads" % (path, no, k))
        prep = "NULL" if p == "-" else c_str(p, path)
        items.append("{%s, %s, ERG_KIND_%s}" % (c_str(v, path), prep, k.upper()))
    return table("static const verb_cue %s[]" % name, items)


def titles(name, path):
    items = []
    for no, s in lines(path):
        c = cols(path, no, s, 2, 3)
        role = c[1]
        if role != "-" and role not in ROLES:
            raise Bad("%s:%d: role '%s' is not one of %s or -"
                      % (path, no, role, ", ".join(sorted(ROLES))))
        if role == "-":
            continue
        ws = c[0].lower().split()
        if not 1 <= len(ws) <= 3:
            raise Bad("%s:%d: a relate title has one to three words" % (path, no))
        items.append("{{%s}, RELATE_ROLE_%s}" % (", ".join(c_str(w, path) for w in ws),
                                                 "SPOKES" if role == "spokes" else role.upper()))
    out = table("const relate_title %s[]" % name, items)
    out.append("const size_t %s_n = sizeof %s / sizeof %s[0];" % (name, name, name))
    return out


CONF_KINDS = {"spokesperson_for", "member_of", "leads", "reports", "cites", "accuses"}


def confidence(name, path):
    items, seen, header = [], set(), False
    for no, s in lines(path):
        c = cols(path, no, s, 5, 5)
        if not header:
            if c != ["pattern", "kind", "right", "judged", "score"]:
                raise Bad("%s:%d: want the header pattern, kind, right, judged, score" % (path, no))
            header = True
            continue
        pat, kind = c[0], c[1]
        if pat != "*" and not all(ch.islower() or ch == "-" for ch in pat):
            raise Bad("%s:%d: bad pattern name '%s'" % (path, no, pat))
        if kind not in CONF_KINDS:
            raise Bad("%s:%d: '%s' is not a typed kind" % (path, no, kind))
        if (pat, kind) in seen:
            raise Bad("%s:%d: (%s, %s) appears twice" % (path, no, pat, kind))
        seen.add((pat, kind))
        try:
            right, judged, score = int(c[2]), int(c[3]), float(c[4])
        except ValueError:
            raise Bad("%s:%d: right and judged are whole numbers, score a number" % (path, no))
        if not (0 <= right <= judged and 0.0 <= score <= 1.0):
            raise Bad("%s:%d: want 0 <= right <= judged and score in [0, 1]" % (path, no))
        pid = "RELATE_ANY_PATTERN" if pat == "*" else "ERG_PATTERN_" + pat.upper().replace("-", "_")
        items.append("{%s, ERG_KIND_%s, %d}" % (pid, kind.upper(), int(round(score * 10000))))
    if not header:
        raise Bad("%s: no header line" % path)
    # An empty table still compiles: one row that matches nothing.
    items.append("{RELATE_ANY_PATTERN, ERG_KIND_CO_MENTION, 0}")
    return table("static const relate_conf %s[]" % name, items)


def rows(spec, path):
    name, _, want = spec.partition("/")
    if not want:
        raise Bad("rows:%s: want NAME/KIND" % spec)
    items = []
    for no, s in lines(path):
        k, phrase = cols(path, no, s, 2, 2)
        if k == want and " " not in phrase:
            items.append(c_str(phrase.lower(), "%s:%d" % (path, no)))
    if not items:
        raise Bad("%s: no row of kind '%s'" % (path, want))
    return table("static const char *const %s[]" % name, items + ["NULL"])


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: gen_lists.py OUT.h KIND:NAME:FILE...\n")
        return 2
    out = ["/* Generated by data/tools/gen_lists.py from erg's data folder; do not edit. */"]
    for spec in argv[2:]:
        kind, name, path = spec.split(":", 2)
        fn = {"words": words, "sections": sections, "abbrevs": abbrevs,
              "verbs": verbs, "titles": titles, "rows": rows,
              "confidence": confidence}.get(kind)
        if not fn:
            sys.stderr.write("gen_lists.py: unknown kind '%s'\n" % kind)
            return 2
        try:
            out += fn(name, path)
        except (Bad, OSError, UnicodeDecodeError) as e:
            sys.stderr.write("gen_lists.py: %s\n" % e)
            return 1
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
