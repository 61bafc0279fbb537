#!/usr/bin/env python3
"""usage: judge_prep.py CLAIMS.jsonl OUTDIR SEED_PREFIX
Writes OUTDIR/pool.jsonl (claims never judged before), pool-graph.jsonl (claims without "graph": false),
pool-top.jsonl (graph and confidence >= JUDGE_TOP, default 0.7), then samples g120 (graph), t60 (top, excluding g120's
ids) and u120 (uniform) with blind_sample.py, and splits them into batches of 30: gb1..4, tb1..2, ub1..4."""
import glob, json, os, subprocess, sys
claims, out, seed = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
judged = set()
for f in glob.glob(ROOT + '/scripts/audit/judged-*.jsonl'):
    for l in open(f):
        if l.strip():
            judged.add(json.loads(l)['id'])
pool = [json.loads(l) for l in open(claims) if l.strip()]
pool = [c for c in pool if c.get('kind') in (None, 'claim') and c['id'] not in judged]
def dump(name, rows):
    with open(os.path.join(out, name), 'w') as f:
        for c in rows: f.write(json.dumps(c) + '\n')
dump('pool.jsonl', pool)
graph = [c for c in pool if c.get('graph') is not False]
dump('pool-graph.jsonl', graph)
arts = os.environ.get('NEWS_OPEN', os.path.join(ROOT, '..', 'shared', 'data', 'news-open', 'articles.jsonl'))
bs = os.path.join(ROOT, 'scripts', 'audit', 'blind_sample.py')
def sample(src, n, s, md, graph_only):
    cmd = ['python3', bs, os.path.join(out, src), arts, str(n), s, os.path.join(out, md)]
    if graph_only: cmd.append('--graph-only')
    subprocess.run(cmd, check=True)
def split(md, prefix, size=30):
    text = open(os.path.join(out, md)).read()
    blocks = ['### ' + b for b in text.split('### ') if b.strip()]
    for i in range(0, len(blocks), size):
        with open(os.path.join(out, f'{prefix}{i // size + 1}.md'), 'w') as f:
            f.write(''.join(blocks[i:i + size]))
    return [b.split('\n')[0].split()[-1] for b in blocks]
sample('pool-graph.jsonl', 120, seed + '-graph', 'g120.md', True)
gids = set(split('g120.md', 'gb'))
top_min = float(os.environ.get('JUDGE_TOP', '0.7'))
top = [c for c in graph if c.get('confidence', 0) >= top_min and c['id'] not in gids]
dump('pool-top.jsonl', top)
sample('pool-top.jsonl', 60, seed + '-top%d' % round(top_min * 100), 't60.md', True)
split('t60.md', 'tb')
sample('pool.jsonl', 120, seed + '-uniform', 'u120.md', False)
split('u120.md', 'ub')
print(len(pool), 'pool;', len(graph), 'graph;', len(top), 'top')
