#!/usr/bin/env python3
"""usage: persisting.py CLAIMS.jsonl OUT_JUDGED.jsonl
Latest verdict per id over every scripts/audit/judged-*.jsonl (files in the order git added them,
the persisting files skipped), kept where the id occurs in CLAIMS (written with --explain-confidence);
writes {id, verdict} lines to OUT_JUDGED for calibrate.py --claims CLAIMS --emit-features."""
import glob, json, os, subprocess, sys
claims, out = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
files = [f for f in glob.glob(root + '/scripts/audit/judged-*.jsonl') if 'persisting' not in f]
def added(f):
    t = subprocess.run(['git', '-C', root, 'log', '--format=%ct', '--diff-filter=A', '--', f],
                       capture_output=True, text=True).stdout.split()
    return (int(t[-1]) if t else 0, f)
files.sort(key=added)
verdict = {}
for f in files:
    for l in open(f):
        if l.strip():
            j = json.loads(l); verdict[j['id']] = j['verdict']
ids = {json.loads(l)['id'] for l in open(claims)}
kept = [(i, v) for i, v in verdict.items() if i in ids]
with open(out, 'w') as f:
    for i, v in sorted(kept):
        f.write(json.dumps({'id': i, 'verdict': v}) + '\n')
print(len(verdict), 'judged ids;', len(kept), 'persist')
