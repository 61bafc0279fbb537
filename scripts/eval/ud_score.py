#!/usr/bin/env python3
"""Score a CoNLL-U prediction against gold on the same words (gold tokenisation).

    python3 scripts/eval/ud_score.py GOLD.conllu PRED.conllu

Prints UPOS, XPOS, UAS, LAS (universal relation: the part before any ':', as the CoNLL 2018
shared task scores it) and LAS with subtypes, over all words, punctuation included. Multi-word
token ranges and empty nodes are ignored. The two files must have the same words in the same
order; any difference is an error naming the line, not a silent misalignment.
"""
import sys


def words(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                sys.exit(f"{path}:{n}: expected 10 columns, found {len(cols)}")
            if not cols[0].isdigit():
                continue
            out.append((n, cols))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    gold, pred = words(sys.argv[1]), words(sys.argv[2])
    if len(gold) != len(pred):
        sys.exit(f"{len(gold)} gold words but {len(pred)} predicted")
    counts = dict.fromkeys(["UPOS", "XPOS", "UAS", "LAS", "LAS (subtypes)"], 0)
    for (gn, g), (pn, p) in zip(gold, pred):
        if g[1] != p[1]:
            sys.exit(f"word mismatch: gold line {gn} {g[1]!r}, predicted line {pn} {p[1]!r}")
        head = g[6] == p[6]
        counts["UPOS"] += g[3] == p[3]
        counts["XPOS"] += g[4] == p[4]
        counts["UAS"] += head
        counts["LAS"] += head and g[7].split(":")[0] == p[7].split(":")[0]
        counts["LAS (subtypes)"] += head and g[7] == p[7]
    print(f"words: {len(gold)}")
    for k, v in counts.items():
        print(f"{k}: {100.0 * v / max(len(gold), 1):.2f}")


if __name__ == "__main__":
    main()
