#!/usr/bin/env python3
"""Compare two `claims --explain-confidence` outputs over the same articles.

usage: compare.py OLD.jsonl NEW.jsonl [N] [SEED]

Prints how many claims were removed and added (a claim's id is a hash of its content, so a
changed claim counts as one removed and one added), how the graph (claims without
"graph": false) changed, the latest verdict of every judged claim (scripts/audit/judged-*.jsonl)
among those removed or leaving the graph, and N seeded random changed sentences (default 0)
with their old and new claims side by side, for checking by hand.
"""
import collections
import glob
import json
import os
import random
import sys


def load(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            c = json.loads(line)
            if c.get("kind") in (None, "claim"):
                out[c["id"]] = c
    return out


def show(c):
    def side(x):
        t = x.get("text") or ""
        if x.get("name"):
            t += f" [{x['name']}]"
        return t
    att = (c.get("attribution") or {}).get("text")
    g = "" if c.get("graph") is not False else " (not graph)"
    return (f"{side(c['subject'])} | {c['predicate'].get('lemma')} | {side(c['object'])}"
            f"  per={att} mod={c.get('modality')} neg={c.get('negated')} conf={c.get('confidence')}{g}")


def main():
    old, new = load(sys.argv[1]), load(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    seed = sys.argv[4] if len(sys.argv) > 4 else "compare"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    verdict = {}
    for f in sorted(glob.glob(os.path.join(root, "scripts/audit/judged-*.jsonl"))):
        for line in open(f):
            if line.strip():
                r = json.loads(line)
                verdict[r["id"]] = r["verdict"]
    gone = [i for i in old if i not in new]
    added = [i for i in new if i not in old]
    in_graph = lambda c: c.get("graph") is not False
    g_old = {i for i, c in old.items() if in_graph(c)}
    g_new = {i for i, c in new.items() if in_graph(c)}
    print(f"claims {len(old)} -> {len(new)}: {len(gone)} removed, {len(added)} added")
    print(f"graph {len(g_old)} -> {len(g_new)}: {len(g_old - g_new)} leave, {len(g_new - g_old)} enter")
    left = collections.Counter(verdict[i] for i in g_old - g_new if i in verdict)
    rem = collections.Counter(verdict[i] for i in gone if i in verdict)
    entered = collections.Counter(verdict[i] for i in g_new - g_old if i in verdict)
    print("judged claims removed:", dict(rem))
    print("judged graph claims leaving the graph:", dict(left))
    print("judged claims entering the graph:", dict(entered))
    by_sentence = collections.defaultdict(lambda: ([], []))
    for i in gone:
        by_sentence[(old[i]["article"], old[i]["sentence"])][0].append(old[i])
    for i in added:
        by_sentence[(new[i]["article"], new[i]["sentence"])][1].append(new[i])
    for i in g_old ^ g_new:
        if i in old and i in new:
            by_sentence[(old[i]["article"], old[i]["sentence"])][0].append(old[i])
            by_sentence[(new[i]["article"], new[i]["sentence"])][1].append(new[i])
    keys = sorted(by_sentence)
    print(f"sentences changed: {len(keys)}")
    random.Random(seed).shuffle(keys)
    for k in keys[:n]:
        was, now = by_sentence[k]
        ev = (was or now)[0]["evidence"]
        print(f"\n## {k[0]} #{k[1]}: {ev}")
        for c in was:
            print(f"  - {show(c)}" + (f"  [judged {verdict[c['id']]}]" if c["id"] in verdict else ""))
        for c in now:
            print(f"  + {show(c)}")


if __name__ == "__main__":
    main()
