#!/usr/bin/env python3
"""Fit claim confidence to judged claims (claims-audit rubric) and print the Rust weight table.

usage: calibrate.py JUDGED.jsonl [JUDGED.jsonl ...] [--claims CLAIMS.jsonl] [--emit-features OUT.jsonl]

Each JUDGED.jsonl holds one judged claim per line: {"id", "verdict", "features": [...]} (the committed
file scripts/audit/judged-*.jsonl), or {"id", "verdict"} together with --claims, a file written by
`claimgraph claims --explain-confidence` whose `confidence_features` give the features (computed
by Rust, `claim::confidence::features`: one implementation). `--emit-features` writes the
self-contained file for committing (ids, verdicts and feature names; no article text). Several
JUDGED files are fitted together (the same id may occur in more than one: a claim judged when it
was sampled, with the features it had then, and again as a claim the current version still
extracts, with today's features); cross-validation keeps every id in one fold.

The model is a logistic regression of P(CORRECT) on a few binary features of the claim record,
fitted by gradient descent with an L2 penalty. It prints 5-fold cross-validated precision of the
claims at or above each threshold (the figure that matters: the claims an analyst sees), the
calibration by bins, and the weights as a Rust table for src/claim/confidence.rs.
"""
import json
import math
import random
import sys

# Filled from the data: every feature name any judged claim has, in sorted order.
NAMES = []
# The L2 penalty: with a few hundred judged claims, strong enough that one odd claim cannot
# swing a weight.
L2 = float(__import__("os").environ.get("CALIBRATE_L2", "3"))


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, l2=L2, steps=2000, lr=0.5):
    w = {n: 0.0 for n in NAMES}
    b = 0.0
    m = len(rows)
    # Only the features a claim has take part in its score and gradient (a feature that is
    # off adds exactly 0.0), so each row keeps the names it has, in NAMES order: the same sums
    # in the same order as over all of NAMES, many times faster.
    on = [[n for n in NAMES if x[n]] for x, _ in rows]
    for _ in range(steps):
        gw = {n: 0.0 for n in NAMES}
        gb = 0.0
        for names, (x, y) in zip(on, rows):
            err = sigmoid(b + sum(w[n] * x[n] for n in names)) - y
            gb += err
            for n in names:
                gw[n] += err * x[n]
        b -= lr * gb / m
        for n in NAMES:
            w[n] -= lr * (gw[n] / m + l2 * w[n] / m)
    return w, b


def predict(model, x):
    w, b = model
    return sigmoid(b + sum(w[n] * x[n] for n in NAMES))


def main():
    args = sys.argv[1:]
    claims_path = args[args.index("--claims") + 1] if "--claims" in args else None
    emit = args[args.index("--emit-features") + 1] if "--emit-features" in args else None
    paths = [a for i, a in enumerate(args)
             if not a.startswith("--") and (i == 0 or args[i - 1] not in ("--claims", "--emit-features"))]
    judged = [json.loads(l) for p in paths for l in open(p, encoding="utf-8") if l.strip()]
    if claims_path:
        by_id = {}
        for line in open(claims_path, encoding="utf-8"):
            c = json.loads(line)
            if "confidence_features" not in c:
                sys.exit(f"{claims_path}: write it with `claimgraph claims --explain-confidence`")
            by_id[c["id"]] = c
        for j in judged:
            j["features"] = by_id[j["id"]]["confidence_features"]
    if emit:
        with open(emit, "w", encoding="utf-8") as f:
            for j in judged:
                f.write(json.dumps({"id": j["id"], "verdict": j["verdict"],
                                    "features": j["features"]}, sort_keys=True) + "\n")
    unfeatured = [j for j in judged if "features" not in j]
    if unfeatured:
        # The oldest judgements (before features were recorded) can only be used with --claims.
        print(f"{len(unfeatured)} judged claims without features left out")
        judged = [j for j in judged if "features" in j]
    NAMES.extend(sorted({f for j in judged for f in j["features"]}))
    rows = [({n: int(n in j["features"]) for n in NAMES}, 1 if j["verdict"] == "CORRECT" else 0)
            for j in judged]
    verdicts = [j["verdict"] for j in judged]
    print(f"{len(rows)} judged: " + ", ".join(f"{v} {verdicts.count(v)}" for v in ("CORRECT", "PARTIAL", "WRONG")))
    # 5-fold cross-validation: every claim scored by a model that did not see it (nor the same
    # claim judged in another file).
    ids = sorted({j["id"] for j in judged})
    random.Random(7).shuffle(ids)
    fold = {i: k % 5 for k, i in enumerate(ids)}
    cv = [0.0] * len(rows)
    for k in range(5):
        test = {i for i in range(len(rows)) if fold[judged[i]["id"]] == k}
        model = fit([rows[i] for i in range(len(rows)) if i not in test])
        for i in test:
            cv[i] = predict(model, rows[i][0])
    print("threshold  kept  CORRECT%  WRONG%   (5-fold cross-validated scores)")
    for t in [0.0, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]:
        kept = [i for i in range(len(rows)) if cv[i] >= t]
        if not kept:
            continue
        correct = sum(1 for i in kept if verdicts[i] == "CORRECT")
        wrong = sum(1 for i in kept if verdicts[i] == "WRONG")
        print(f"  {t:4.2f}    {len(kept):4d}   {100*correct/len(kept):5.1f}   {100*wrong/len(kept):5.1f}")
    if claims_path:
        # The claims the graph would hold at each threshold: those that pass every other graph
        # rule (no `graph` key, or kept out for low confidence only).
        eligible = [by_id[j["id"]].get("graph", True) is not False
                    or by_id[j["id"]].get("graph_reason") == "low-confidence" for j in judged]
        print("threshold  kept  CORRECT%  WRONG%   (the same scores, graph-eligible claims only)")
        for t in [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]:
            kept = [i for i in range(len(rows)) if eligible[i] and cv[i] >= t]
            if not kept:
                continue
            correct = sum(1 for i in kept if verdicts[i] == "CORRECT")
            wrong = sum(1 for i in kept if verdicts[i] == "WRONG")
            print(f"  {t:4.2f}    {len(kept):4d}   {100*correct/len(kept):5.1f}   {100*wrong/len(kept):5.1f}")
    print("calibration (cross-validated): bin  n  mean-score  CORRECT%")
    for lo in [0.0, 0.2, 0.4, 0.6, 0.8]:
        idx = [i for i in range(len(rows)) if lo <= cv[i] < lo + 0.2 or (lo == 0.8 and cv[i] >= 1.0)]
        if idx:
            mean = sum(cv[i] for i in idx) / len(idx)
            corr = sum(1 for i in idx if verdicts[i] == "CORRECT") / len(idx)
            print(f"  [{lo:.1f},{lo+0.2:.1f})  {len(idx):4d}  {mean:.2f}  {100*corr:5.1f}")
    w, b = fit(rows)
    print("\n// weights fitted on all judged claims")
    print(f"const BIAS: f64 = {b:.4f};")
    print("const WEIGHTS: [(Feature, f64); %d] = [" % len(NAMES))
    # Features no judged claim has keep weight 0 and are left out of the table.
    for n in NAMES:
        print(f"    (Feature::{rust_name(n)}, {w[n]:.4f}),")
    print("];")


def rust_name(n):
    return "".join(part.capitalize() for part in n.replace(":", "-").split("-"))


if __name__ == "__main__":
    main()
