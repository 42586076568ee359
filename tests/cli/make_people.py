#!/usr/bin/env python3
"""Writes a JSON Lines corpus of N two-sentence articles, each naming four
people drawn from common US first names and surnames, so that the graph has
hundreds of entities and thousands of edges (a long layout and a long
write). Deterministic. Usage: make_people.py N OUT
"""
import json, random, sys
n = int(sys.argv[1]); out = sys.argv[2]
random.seed(15)
first = "James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen".split()
last = "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores".split()
with open(out, "w") as f:
    for i in range(n):
        ps = [random.choice(first) + " " + random.choice(last) for _ in range(4)]
        t = "%s met %s in London on Monday. %s said %s would visit Paris next week." % tuple(ps)
        f.write(json.dumps({"id": "p%d" % i, "text": t}) + "\n")
