#!/usr/bin/env python3
"""Groups the errors in a `token gold predicted` file (the input of conlleval) into classes.

Usage: python3 scripts/bench/conll_errors.py FILE [--examples N]

Entities are read as conlleval reads them (IOB1 or IOB2; MISC is mapped to O on both sides).
Each predicted entity that is not exactly a gold one is a false positive, classed as: wrong type
(same span), boundary (overlaps a gold entity of the same type), boundary+type, or spurious (no
overlap). Each missed gold entity is a false negative, classed as: partly found, found with
another type, or missed. Surface classes (all-caps line, sentence start, one token, ...) help
to see what the tagger should look at. Examples are printed only when asked for: they are
benchmark text, to read, never to copy into the project.
"""
import collections
import sys


def read(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f:
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append((f[0], f[-2], f[-1]))
    if cur:
        sents.append(cur)
    return sents


def spans(tags):
    res, start, kind = [], None, None
    for i, t in enumerate(tags + ["O"]):
        t = "O" if t.endswith("MISC") else t
        p, k = (t[0], t[2:]) if t != "O" else ("O", None)
        if start is not None and (p in ("O", "B") or k != kind):
            res.append((start, i, kind))
            start = None
        if p != "O" and start is None:
            start, kind = i, k
    return res


def surface(sent, s, e):
    toks = [t[0] for t in sent]
    words = [w for w in toks if any(c.isalpha() for c in w)]
    classes = []
    if words and all(w.upper() == w for w in words):
        classes.append("all-caps sentence")
    if s == 0:
        classes.append("sentence start")
    classes.append("1 token" if e - s == 1 else "multi-token")
    if all(any(c.isalpha() for c in w) and w.upper() == w for w in toks[s:e]):
        classes.append("all-caps name")
    return classes


def main():
    path = sys.argv[1]
    n_ex = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 0
    fp, fn = collections.Counter(), collections.Counter()
    fp_surf, fn_surf = collections.Counter(), collections.Counter()
    ex = collections.defaultdict(list)
    for sent in read(path):
        gold = spans([t[1] for t in sent])
        pred = spans([t[2] for t in sent])
        gset, pset = set(gold), set(pred)
        for (s, e, k) in pred:
            if (s, e, k) in gset:
                continue
            over = [g for g in gold if g[0] < e and s < g[1]]
            if any(g[0] == s and g[1] == e for g in over):
                cls = "wrong type: gold %s" % next(g[2] for g in over if g[0] == s and g[1] == e)
            elif any(g[2] == k for g in over):
                cls = "boundary"
            elif over:
                cls = "boundary+type"
            else:
                cls = "spurious"
            fp[(k, cls)] += 1
            for c in surface(sent, s, e):
                fp_surf[(k, c)] += 1
            ex[("FP", k, cls)].append(" ".join(t[0] for t in sent[s:e]))
        for (s, e, k) in gold:
            if (s, e, k) in pset:
                continue
            over = [p for p in pred if p[0] < e and s < p[1]]
            if any(p[0] == s and p[1] == e for p in over):
                cls = "found as %s" % next(p[2] for p in over if p[0] == s and p[1] == e)
            elif any(p[2] == k for p in over):
                cls = "partly found"
            elif over:
                cls = "partly, other type"
            else:
                cls = "missed"
            fn[(k, cls)] += 1
            for c in surface(sent, s, e):
                fn_surf[(k, c)] += 1
            ex[("FN", k, cls)].append(" ".join(t[0] for t in sent[s:e]))
    print("false positives (predicted type, class): count")
    for (k, c), n in sorted(fp.items(), key=lambda x: -x[1]):
        print("  %-4s %-22s %5d" % (k, c, n))
    print("false negatives (gold type, class): count")
    for (k, c), n in sorted(fn.items(), key=lambda x: -x[1]):
        print("  %-4s %-22s %5d" % (k, c, n))
    print("surface of false positives / false negatives:")
    for k in ("PER", "LOC", "ORG"):
        for c in ("all-caps sentence", "sentence start", "1 token", "multi-token", "all-caps name"):
            print("  %-4s %-18s FP %5d  FN %5d" % (k, c, fp_surf[(k, c)], fn_surf[(k, c)]))
    if n_ex:
        for key, items in sorted(ex.items()):
            common = collections.Counter(items).most_common(n_ex)
            print(key, common)


if __name__ == "__main__":
    main()
