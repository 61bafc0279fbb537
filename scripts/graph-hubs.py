# Literal hubs and bare-pronoun ends in a node-link JSON export (`claimgraph export --format json`).
# usage: python3 scripts/graph-hubs.py graph.json  (issue 13: both figures should be 0)
import json, sys, collections
d = json.load(open(sys.argv[1]))
kind = {n["id"]: n for n in d["nodes"]}
claims = [l for l in d["links"] if l.get("kind") == "claim"]
nbrs = collections.defaultdict(set); rels = collections.Counter()
for l in claims:
    s, t = l["source"], l["target"]
    nbrs[s].add(t); nbrs[t].add(s); rels[s] += 1; rels[t] += 1
values = [n for n in d["nodes"] if n.get("kind") == "value"]
hubs = [v for v in values if len(nbrs[v["id"]]) >= 2]
multi = [v for v in values if rels[v["id"]] >= 2]
# English personal, demonstrative, relative and indefinite pronouns (the closed class).
PRON = set("i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those who whom which what someone somebody something anyone anybody anything everyone everybody everything nobody nothing none there here one".split())
def bare(n):
    return n.get("kind") == "value" and n.get("quantity") is None and n.get("date") is None and n["label"].strip().lower() in PRON
pron = [l for l in claims if bare(kind[l["source"]]) or bare(kind[l["target"]])]
print(f"relations {len(claims)}, value nodes {len(values)}")
print(f"literal nodes joining >=2 neighbours: {len(hubs)}; literal nodes on >=2 relations: {len(multi)}")
print(f"relations with a bare pronoun end: {len(pron)}")
