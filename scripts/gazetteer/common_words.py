#!/usr/bin/env python3
"""Writes gazetteer/cues/common_words.txt: lower-case English words from the UD English EWT
training treebank (CC BY-SA 4.0) that occur in lower case at least twice outside sentence-initial
position. The tagger's name-shape cue uses it: a capitalised run made only of words NOT in this
list looks like a personal name ("Rustem Umerov"), one with common words does not ("World Cup").

usage: python3 scripts/gazetteer/common_words.py [TREEBANK_DIR] [OUT]
"""
import collections
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
treebank = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "ud-english-ewt")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "gazetteer", "cues", "common_words.txt")

counts = collections.Counter()
with open(os.path.join(treebank, "en_ewt-ud-train.conllu"), encoding="utf-8") as fh:
    first = True
    for line in fh:
        line = line.rstrip("\n")
        if not line:
            first = True
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
            continue
        word = cols[1]
        if not first and word.isalpha() and word.islower() and cols[3] != "PROPN":
            counts[word] += 1
        first = False

words = sorted(w for w, n in counts.items() if n >= 2)
with open(out, "w", encoding="utf-8") as fh:
    fh.write("# Lower-case English words from UD English EWT v2.16 train (CC BY-SA 4.0), seen at least\n")
    fh.write("# twice in lower case outside sentence starts. Built by scripts/gazetteer/common_words.py.\n")
    for w in words:
        fh.write(w + "\n")
print(f"{len(words)} words -> {out}")
