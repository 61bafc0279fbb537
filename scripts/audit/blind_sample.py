#!/usr/bin/env python3
"""Seeded uniform sample of claims for judging with the claims-audit rubric, blind to the rule.

usage: blind_sample.py CLAIMS.jsonl ARTICLES.jsonl N SEED OUT.md [--graph-only]

At most one claim per article (as the rubric asks), chosen with a seeded RNG. Each block shows the
claim id, the article title, up to two sentences before the evidence (for pronouns and continued
quotes), the evidence, and the claim as subject | predicate | object with attribution, modality,
negation and quote. The rule and the confidence are left out so the judge cannot see them.
With --graph-only, claims marked `"graph": false` are skipped.
"""
import json
import random
import sys


def side(x):
    text = x.get("text") or ""
    extra = []
    if x.get("name"):
        extra.append(f"= {x['name']} ({x.get('type', '?')})")
    if x.get("quantity"):
        q = x["quantity"]
        extra.append(f"= {q.get('value')} {q.get('unit') or ''}".rstrip())
    if x.get("date"):
        extra.append(f"date {x['date']}")
    if x.get("refers_to"):
        extra.append(f"refers to '{x['refers_to']}'")
    return text + (" [" + "; ".join(extra) + "]" if extra else "")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    graph_only = "--graph-only" in sys.argv
    claims_path, articles_path, n, seed, out = args[0], args[1], int(args[2]), args[3], args[4]
    by_article = {}
    sentences = {}
    for line in open(claims_path, encoding="utf-8"):
        c = json.loads(line)
        if c.get("kind") not in (None, "claim"):
            continue
        sentences.setdefault(c["article"], {})[c["sentence"]] = c["evidence"]
        if graph_only and c.get("graph") is False:
            continue
        by_article.setdefault(c["article"], []).append(c)
    titles = {}
    for line in open(articles_path, encoding="utf-8"):
        a = json.loads(line)
        titles[a.get("id")] = a.get("title", "")
    rng = random.Random(seed)
    articles = sorted(by_article)
    rng.shuffle(articles)
    with open(out, "w", encoding="utf-8") as f:
        for i, a in enumerate(articles[:n], 1):
            c = rng.choice(sorted(by_article[a], key=lambda c: c["id"]))
            att = c.get("attribution") or {}
            att_text = att.get("text", "-") + (f" = {att['name']}" if att.get("name") else "")
            before = [sentences[a][s] for s in (c["sentence"] - 2, c["sentence"] - 1) if s in sentences[a]]
            f.write(f"### {i}. {c['id']}\n")
            f.write(f"article: {a} — {titles.get(a, '')}\n")
            if before:
                f.write("context (earlier sentences that have claims): " + " … ".join(before) + "\n")
            f.write(f"evidence: {c['evidence']}\n")
            f.write(f"claim: {side(c['subject'])} | {c['predicate'].get('lemma')} | {side(c['object'])}\n")
            f.write(f"per: {att_text}; modality: {c.get('modality')}; negated: {c.get('negated')}; "
                    f"quote: {c.get('quote')}\n\n")


if __name__ == "__main__":
    main()
