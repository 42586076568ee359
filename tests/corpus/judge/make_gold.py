#!/usr/bin/python3
"""Turn a hand-judgment file (*.judge) into a gold list, from the graphs judged.

usage: make_gold.py JUDGE CORPUS HOW OUT GRAPH.json [GRAPH.json ...] [-n 300]

Every node among the top N by degree of each GRAPH gets the judgment its name
has in JUDGE; a node not listed there was read and judged correct as shown.
The node's name and its aliases become forms of its entity, except aliases
that JUDGE judges otherwise (as a node of their own, -alias, junk, ambiguous,
or a form of another entity). Conflicts are printed; fix JUDGE until none.
This is a tool for the person who judges, not for the test: the test reads
the gold JSON it writes.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from score_top import name_key, load_top  # noqa: E402


def parse(path):
    node, noalias, plus, also, ambig, notes, junk = {}, set(), [], [], set(), {}, set()
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-alias "):
            noalias.add(name_key(line[7:]))
        elif line.startswith("+junk "):
            junk.update(x.strip() for x in line[6:].split(";") if x.strip())
        elif line.startswith("+form "):
            head, forms = line[6:].split(" : ", 1)
            canon, typ = [x.strip() for x in head.split("|")]
            plus.append((canon, typ, [x.strip() for x in forms.split(";") if x.strip()]))
        elif line.startswith("~also "):
            canon, forms = line[6:].split(" : ", 1)
            also.append((canon.strip(), [x.strip() for x in forms.split(";") if x.strip()]))
        elif line.startswith("AMBIG-FORM "):
            ambig.add(line[11:].strip())
        elif line.startswith("note "):
            canon, text = line[5:].split(":", 1)
            notes.setdefault(canon.strip(), []).append(text.strip())
        elif " => " in line:
            name, j = line.split(" => ", 1)
            j = j.strip()
            if j in ("JUNK", "AMBIG"):
                node[name_key(name)] = (name.strip(), j)
            else:
                canon, typ = [x.strip() for x in j.split("|")]
                node[name_key(name)] = (name.strip(), (canon, typ))
        else:
            raise SystemExit("%s: cannot read: %s" % (path, line))
    return node, noalias, plus, also, ambig, notes, junk


def main(argv):
    n = 300
    if "-n" in argv:
        i = argv.index("-n")
        n = int(argv[i + 1])
        del argv[i:i + 2]
    judge_path, corpus, how, out = argv[:4]
    graphs = argv[4:]
    node, noalias, plus, also, ambig, notes, junk = parse(judge_path)
    ents = {}     # canon -> {"name", "type", "forms": [], "also": []}
    owner = {}    # key -> canon
    junkf = {}    # key -> form
    ambf = {}
    conflicts = []
    order = []

    def ent(canon, typ):
        e = ents.get(canon)
        if e is None:
            e = ents[canon] = {"name": canon, "type": typ, "forms": [], "also": []}
            order.append(canon)
        elif e["type"] != typ:
            conflicts.append("%s typed %s and %s" % (canon, e["type"], typ))
        return e

    def add_form(canon, form, strong):
        k = name_key(form)
        if not k:
            return
        if k in owner and owner[k] != canon:
            if strong:
                conflicts.append("form %r: %s and %s" % (form, owner[k], canon))
            else:
                print("info: alias %r left with %s, not %s" % (form, owner[k], canon))
            return
        if k in junkf or k in ambf:
            if strong:
                conflicts.append("form %r of %s is junk/ambiguous" % (form, canon))
            return
        owner[k] = canon
        if all(name_key(f) != k for f in ents[canon]["forms"]):
            ents[canon]["forms"].append(form)

    # explicit judgments first: they win over forms taken from aliases
    for k, (name, j) in node.items():
        if j == "JUNK":
            junkf[k] = name
        elif j == "AMBIG":
            ambf[k] = name
    for f in junk:
        junkf[name_key(f)] = f
    for f in ambig:
        ambf[name_key(f)] = f
    for k, (name, j) in node.items():
        if isinstance(j, tuple):
            ent(*j)
            add_form(j[0], j[0], True)
            add_form(j[0], name, True)
    for canon, typ, forms in plus:
        ent(canon, typ)
        add_form(canon, canon, True)
        for f in forms:
            add_form(canon, f, True)

    seen = set()
    for gpath in graphs:
        top, _ = load_top(gpath, n)
        for nd in top:
            k = name_key(nd["name"])
            if k in seen:
                continue
            seen.add(k)
            j = node.get(k, (None, None))[1]
            if j in ("JUNK", "AMBIG"):
                continue
            canon, typ = j if j else (nd["name"], nd["type"])
            if not j and k in owner:
                canon = owner[k]  # a +form put this name in an entity
                typ = ents[canon]["type"]
            ent(canon, typ)
            add_form(canon, canon, False)
            add_form(canon, nd["name"], False)
            for a, _c in nd["aliases"]:
                ak = name_key(a)
                if ak in noalias or ak in node or ak in junkf or ak in ambf:
                    continue
                add_form(canon, a, False)

    for canon, forms in also:
        if canon not in ents:
            conflicts.append("~also for unknown entity %s" % canon)
            continue
        ents[canon]["also"].extend(f for f in forms if name_key(f) not in
                                   set(name_key(x) for x in ents[canon]["forms"]))
    for canon in notes:
        if canon != "*" and canon not in ents:
            conflicts.append("note for unknown entity %s" % canon)
    entities = []
    for canon in sorted(order, key=lambda c: c.casefold()):
        e = ents[canon]
        d = {"name": e["name"], "type": e["type"], "forms": e["forms"]}
        if e["also"]:
            d["also"] = e["also"]
        if canon in notes:
            d["notes"] = " ".join(notes[canon])
        entities.append(d)
    gold = {"corpus": corpus, "how": how, "entities": entities,
            "junk": sorted(set(junkf.values()), key=str.casefold),
            "ambiguous": sorted(set(ambf.values()), key=str.casefold)}
    if "*" in notes:
        gold["notes"] = notes["*"]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for c in conflicts:
        print("conflict:", c)
    print("%s: %d entities, %d junk, %d ambiguous" % (out, len(entities), len(gold["junk"]), len(gold["ambiguous"])))
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
