#!/usr/bin/env bash
# The store figures of issue 13 over the open news corpus, for one release binary.
#
#   scripts/eval/store-figures.sh [BIN] [OUT_DIR] [CLAIMS.jsonl]
#
# Ingests ../shared/data/news-open/articles.jsonl into a fresh store in OUT_DIR (timed with
# /usr/bin/time when it is there) and prints: `query stats`; literal hubs and bare-pronoun ends
# (scripts/graph-hubs.py over `export --format json`); conflicts flagged, and with
# `--held-out CLAIMS` when a claims file (`claims` over the same corpus) is given; the edges of
# `export --format dot --around Iran` and the time `dot -Tsvg` takes to render them.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${1:-target/release/claimgraph}"
out="${2:-$(mktemp -d)}"
held="${3:-}"
mkdir -p "$out"
data="${SHARED_DATA:-$root/../shared/data}"
[ -d "$data" ] || data=/work/shared/data
store="$out/news.store"
rm -f "$store"
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "ingest: %e s wall, %U s user, %M KB max RSS")
echo "== ingest"
"${timer[@]}" "$bin" -q ingest "$data/news-open/articles.jsonl" --store "$store" > /dev/null
echo "== stats"
"$bin" query stats --store "$store"
echo "== hubs"
"$bin" export --format json --store "$store" > "$out/graph.json" && python3 scripts/graph-hubs.py "$out/graph.json"
echo "== conflicts"
"$bin" query conflicts --format json --store "$store" > "$out/conflicts.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("conflicts", len(d if isinstance(d, list) else d.get("conflicts", [])))' "$out/conflicts.json"
if [ -n "$held" ]; then
  "$bin" query conflicts --format json --store "$store" --held-out "$held" > "$out/conflicts-held.json"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("with --held-out", len(d if isinstance(d, list) else d.get("conflicts", [])))' "$out/conflicts-held.json"
fi
echo "== Iran"
"$bin" export --format dot --around Iran --store "$store" > "$out/iran.dot"
echo "edges $(grep -c -- '->' "$out/iran.dot")"
if command -v dot > /dev/null; then
  s=$(date +%s.%N); dot -Tsvg "$out/iran.dot" > "$out/iran.svg"; e=$(date +%s.%N)
  echo "dot $(echo "$e - $s" | bc) s"
fi
