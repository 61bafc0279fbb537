#!/usr/bin/env python3
"""Candidate conflicts in `claimgraph claims` output, for looking at by hand.

usage: conflict-candidates.py CLAIMS.jsonl ARTICLES.jsonl [--graph-only] [--window DAYS]
           [--kind amount|entity|date|negation] [--predicate LEMMA] [--limit N] [--summary] [--why]
           [--relaxed]
Run from the project root (it reads the documented lists of src/graph/conflict.rs).

Groups the claims by linked subject entity and predicate lemma and prints each pair of claims
from different sentences whose objects differ: two amounts in the same unit, two entities of
one kind, two dates, or one object asserted and negated. Nothing is filtered by the conflict
rules of `src/graph/conflict.rs`: the point is to see what those rules keep out, and why. Each
pair shows the days between its articles, both sentences and both confidences, and the first
step that keeps it out of `query conflicts` (roughly: graph exclusion, modality, the one-valued
list, one article's own voice, stated periods, the date window; ranges, approximations, the
identity checks and the amount rules are not repeated here); `--summary` counts pairs by kind
and predicate, `--why` by kind and first step.

`--relaxed` searches wider, for disagreements the keys above cannot see: counts of the dead and
the injured (whatever the lemma: "killed", "claimed the lives of", "left ... dead", "put the
toll at") with any subject, linked or not, paired within one article (two sentences, or two
voices of one sentence) or across articles dated within `--window` days (default 2) whose
sentences share at least two capitalised words; two amounts that differ and that no stated range,
bound or approximation reconciles. Each pair says what `query conflicts` would need to see it
(a linked subject, one predicate lemma, a sentence of its own, a place in the graph).
"""
import argparse
import collections
import datetime
import itertools
import json
import sys


def article_dates(path):
    dates = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            d = (a.get("date") or "")[:10]
            try:
                dates[a["id"]] = datetime.date.fromisoformat(d)
            except ValueError:
                dates[a["id"]] = None
    return dates


def object_kind(o):
    """(kind, comparison key, shown value) of a claim's object."""
    if "entity" in o:
        return ("entity:" + o.get("type", "?"), o["entity"], o.get("name", o["text"]))
    if "quantity" in o:
        q = o["quantity"]
        return ("amount:" + str(q.get("unit")), q.get("exact"), o["text"])
    if "date" in o:
        return ("date", o["date"], o["text"])
    return ("phrase", o["text"].lower(), o["text"])


def pair_kind(a, b):
    """The kind of candidate a pair of claims of one subject and predicate is, or None."""
    ka, kb = object_kind(a["object"]), object_kind(b["object"])
    if ka[1] == kb[1] and ka[0] == kb[0]:
        return "negation" if a["negated"] != b["negated"] else None
    if a["negated"] or b["negated"] or ka[0] != kb[0] or ka[0] == "phrase":
        return None
    if ka[0] == "date" and (ka[1].startswith(kb[1]) or kb[1].startswith(ka[1])):
        return None
    return ka[0].split(":")[0]


# The documented lists of src/graph/conflict.rs (ONE_VALUED_PREDICATES, TIMELESS_PREDICATES,
# DATE_WINDOW_DAYS), read from the source so that the script follows the code.
def rust_list(source, name):
    body = source.split(f"pub const {name}: &[&str] = &[", 1)[1].split("];", 1)[0]
    return {w.strip().strip('"') for w in body.split(",") if w.strip()}


def conflict_rules(path):
    source = open(path, encoding="utf-8").read()
    window = int(source.split("pub const DATE_WINDOW_DAYS: i64 = ", 1)[1].split(";", 1)[0])
    return (rust_list(source, "ONE_VALUED_PREDICATES"),
            rust_list(source, "TIMELESS_PREDICATES"), window)


def modality_class(m):
    return "asserted" if m in ("asserted", "hedged") else m


def first_stop(kind, predicate, x, y, gap, rules):
    """The first step of the pipeline that keeps a pair out of `query conflicts`, roughly."""
    one_valued, timeless, window = rules
    out = [c.get("graph_reason") for c in (x, y) if c.get("graph") is False]
    if out:
        return "not in graph: " + "+".join(sorted(set(out)))
    if modality_class(x["modality"]) != modality_class(y["modality"]):
        return "modality differs"
    if kind in ("entity", "date") and predicate not in one_valued:
        return "not one-valued"
    if x["article"] == y["article"]:
        voice = lambda c: (c.get("attribution") or {}).get("text", "").lower()
        if voice(x) == voice(y):
            return "same article, same voice"
    elif not (kind != "negation" and predicate in timeless):
        if x.get("period") and y.get("period"):
            if not (x["period"].startswith(y["period"]) or y["period"].startswith(x["period"])):
                return "different periods"
        elif gap is None or gap > window:
            return "date window"
    return "passes these steps"


# Predicate families of casualty counts: the lemma's words that say "dead" or "hurt".
TOLL_FAMILIES = {
    "dead": {"kill", "die", "claim", "dead", "toll", "death", "deaths"},
    "hurt": {"injure", "wound", "hurt", "injured", "wounded"},
}
# Units of measure, never a count of persons ("killed nine ... 12 miles south of").
MEASURE_UNITS = {"USD", "EUR", "GBP", "percent", "miles", "km", "metres", "hours", "days",
                 "weeks", "months", "years"}
# Capitalised words too common to tie two reports to one event.
EVENT_STOP = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "This", "That",
              "According", "Police", "Officials", "Reports", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "US", "U.S.", "Earlier", "Later"}


def toll_family(c):
    """"dead" or "hurt" for a casualty count, else None."""
    words = set(c["predicate"]["lemma"].split())
    if c["subject"]["text"].lower().endswith("toll"):
        words.add("toll")
    for family, cues in TOLL_FAMILIES.items():
        if words & cues:
            return family
    return None


def reconciled(qa, qb):
    """Whether two quantity records can both hold: equal, or one inside the other's range,
    bound or approximation (10%)."""
    def span(q):
        v = q.get("value", 0.0)
        lo, hi = q.get("min", v), q.get("max", v)
        if q.get("bound") in ("at-least", "more-than"):
            hi = float("inf")
        if q.get("bound") in ("at-most", "less-than"):
            lo = float("-inf")
        if q.get("approximate"):
            lo, hi = lo - abs(lo) * 0.1, hi + abs(hi) * 0.1
        return lo, hi
    (la, ha), (lb, hb) = span(qa), span(qb)
    return qa.get("exact") == qb.get("exact") or (la <= hb and lb <= ha)


def what_is_missing(x, y):
    """What `query conflicts` would need to compare a relaxed pair."""
    need = []
    if not (x["subject"].get("entity") and x["subject"].get("entity") == y["subject"].get("entity")):
        need.append("one linked subject")
    if x["predicate"]["lemma"] != y["predicate"]["lemma"]:
        need.append("one predicate lemma")
    if x["article"] == y["article"] and x["sentence"] == y["sentence"]:
        need.append("two sentences")
    out = sorted({c["graph_reason"] for c in (x, y) if c.get("graph") is False})
    if out:
        need.append("graph: " + "+".join(out))
    return ", ".join(need) or "nothing (check the amount rules)"


def relaxed(a, dates):
    """The `--relaxed` search (see the module docs)."""
    window = 2 if a.window is None else a.window
    rows = []
    with open(a.claims, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            q = c["object"].get("quantity")
            family = toll_family(c)
            if q is None or family is None or c["negated"] or (a.graph_only and c.get("graph") is False):
                continue
            caps = {w for w in c["evidence"].replace(",", " ").split()
                    if w[:1].isupper() and w.isalpha() and w not in EVENT_STOP}
            rows.append((family, c, caps))
    voice = lambda c: (c.get("attribution") or {}).get("text", "").lower()
    pairs = 0
    for (fx, x, cx), (fy, y, cy) in itertools.combinations(rows, 2):
        if fx != fy or reconciled(x["object"]["quantity"], y["object"]["quantity"]):
            continue
        units = {c["object"]["quantity"].get("unit") for c in (x, y)}
        if units & MEASURE_UNITS:
            continue
        if x["article"] == y["article"]:
            if x["sentence"] == y["sentence"] and voice(x) == voice(y):
                continue
            where = "one article" + (", two voices" if voice(x) != voice(y) else "")
        else:
            dx, dy = dates.get(x["article"]), dates.get(y["article"])
            if not (dx and dy and abs((dx - dy).days) <= window and len(cx & cy) >= 2):
                continue
            where = f"{abs((dx - dy).days)} days apart, sharing {' '.join(sorted(cx & cy)[:4])}"
        pairs += 1
        if pairs > a.limit:
            continue
        print(f"== {fx} | {where} | needs: {what_is_missing(x, y)}")
        for c in (x, y):
            att = f" ({voice(c)})" if voice(c) else ""
            print(f"  [{c['confidence']:.2f} {c.get('graph_reason', 'graph')}] {c['article']}"
                  f" s{c['sentence']}: {c['subject']['text'][:50]!r} {c['predicate']['lemma']}"
                  f" {c['object']['text']!r}{att}")
            print(f"     {c['evidence'][:300]}")
    print(f"relaxed pairs: {pairs}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("claims")
    ap.add_argument("articles")
    ap.add_argument("--graph-only", action="store_true")
    ap.add_argument("--window", type=int, default=None, help="at most this many days apart")
    ap.add_argument("--kind", default=None)
    ap.add_argument("--predicate", default=None)
    ap.add_argument("--limit", type=int, default=10**9)
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--why", action="store_true",
                    help="count pairs by the first conflict step that keeps them out")
    ap.add_argument("--rules", default="src/graph/conflict.rs")
    ap.add_argument("--relaxed", action="store_true",
                    help="casualty counts of any subject, within one article or across articles")
    a = ap.parse_args()
    dates = article_dates(a.articles)
    if a.relaxed:
        relaxed(a, dates)
        return
    rules = conflict_rules(a.rules)
    stops = collections.Counter()
    groups = collections.defaultdict(list)
    with open(a.claims, encoding="utf-8") as f:
        for line in f:
            c = json.loads(line)
            if a.graph_only and c.get("graph") is False:
                continue
            s = c["subject"]
            if "entity" in s:
                groups[(s["entity"], c["predicate"]["lemma"])].append(c)
    counts = collections.Counter()
    shown = 0
    for (subject, predicate), claims in sorted(groups.items()):
        if a.predicate and predicate != a.predicate:
            continue
        for x, y in itertools.combinations(claims, 2):
            if x["article"] == y["article"] and x["sentence"] == y["sentence"]:
                continue
            kind = pair_kind(x, y)
            if kind is None or (a.kind and kind != a.kind):
                continue
            dx, dy = dates.get(x["article"]), dates.get(y["article"])
            gap = abs((dx - dy).days) if dx and dy else None
            if a.window is not None and (gap is None or gap > a.window):
                continue
            counts[(kind, predicate)] += 1
            stop = first_stop(kind, predicate, x, y, gap, rules)
            stops[(kind, stop)] += 1
            if a.summary or a.why or shown >= a.limit:
                continue
            shown += 1
            print(f"== {kind} {subject} | {predicate} | days apart {gap} | {stop}")
            for c in (x, y):
                neg = "NOT " if c["negated"] else ""
                print(f"  [{c['confidence']:.2f} {c.get('graph_reason', 'graph')} {c['modality']}]"
                      f" {c['article']} s{c['sentence']}: {neg}{object_kind(c['object'])[2]!r}"
                      f" period={c.get('period')}")
                print(f"     {c['evidence'][:300]}")
    if a.why:
        for (kind, stop), n in sorted(stops.items()):
            print(f"{n:6d} {kind:9s} {stop}")
    if a.summary:
        for (kind, predicate), n in counts.most_common(60):
            print(f"{n:6d} {kind:9s} {predicate}")
    print(f"pairs: {sum(counts.values())}", file=sys.stderr)


if __name__ == "__main__":
    main()
