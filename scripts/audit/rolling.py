#!/usr/bin/env python3
"""Score the confidence model on fresh output, session by session, and print graph precision by threshold.

usage: rolling.py PERSISTING.jsonl [FIRST_SESSION]

For each session S from FIRST_SESSION (default 14) to the last one with a blind sample
(scripts/audit/judged-graph-final-sS-*.jsonl), the model is fitted (calibrate.py's fit) on what was
judged before S: the blind samples of earlier sessions, with the features they had then, and the
judged claims of PERSISTING.jsonl (claims the current version still extracts, with today's
features) except those first judged in S or later. It then scores S's blind sample of graph
claims, which no fit has seen. Pooled over the sessions, the table shows what a graph threshold
would have kept of fresh graph claims and how many of those the judges found CORRECT or WRONG:
the figure to choose `GRAPH_MIN_CONFIDENCE` by, since cross-validation on survivors flatters.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibrate as C  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def session(path):
    m = re.search(r"-s(\d+)-", os.path.basename(path))
    return int(m.group(1)) if m else 5


def rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def fit_and_score(train, test):
    C.NAMES[:] = sorted({n for r in train for n in r["features"]})
    xs = [({n: int(n in r["features"]) for n in C.NAMES}, int(r["verdict"] == "CORRECT")) for r in train]
    model = C.fit(xs)
    return [C.predict(model, {n: int(n in r["features"]) for n in C.NAMES}) for r in test]


def main():
    persisting = rows(sys.argv[1])
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 14
    finals = []
    for path in glob.glob(os.path.join(HERE, "judged-*-final-*.jsonl")):
        kind = os.path.basename(path).split("-")[1]
        for r in rows(path):
            if "features" in r:
                finals.append(dict(r, session=session(path), kind=kind))
    last = max(r["session"] for r in finals)
    scored = []
    for s in range(first, last + 1):
        test = [r for r in finals if r["session"] == s and r["kind"] == "graph"]
        if not test:
            continue
        later = {r["id"] for r in finals if r["session"] >= s}
        train = [r for r in finals if r["session"] < s] + [r for r in persisting if r["id"] not in later]
        scored += [(s, r, p) for r, p in zip(test, fit_and_score(train, test))]
    print(f"{len(scored)} fresh graph claims, sessions {first}-{last}")
    print("threshold  kept  CORRECT%  WRONG%")
    for t in THRESHOLDS:
        kept = [r for _, r, p in scored if p >= t]
        if kept:
            c = 100 * sum(r["verdict"] == "CORRECT" for r in kept) / len(kept)
            w = 100 * sum(r["verdict"] == "WRONG" for r in kept) / len(kept)
            print(f"  {t:.2f}  {len(kept):5d}  {c:6.1f}  {w:6.1f}")


if __name__ == "__main__":
    main()
