#!/usr/bin/env bash
# Build release, run `claimgraph eval carb` on CaRB's dev split and score it.
#
#   scripts/eval/carb.sh [OUT_TSV]
#
# Environment: CARB_DIR   the CaRB folder (default: ../shared/data/carb next to the repository,
#                         else /work/shared/data/carb)
#              CARB_PYTHON  Python with the scorer's requirements (see CARB_DIR/README.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
carb="${CARB_DIR:-}"
if [ -z "$carb" ]; then
  if [ -d "$root/../shared/data/carb" ]; then carb="$root/../shared/data/carb"; else carb=/work/shared/data/carb; fi
fi
out="${1:-$root/target/carb-dev.tsv}"
cargo build --release --manifest-path "$root/Cargo.toml" --quiet
"$root/target/release/claimgraph" eval carb "$carb/data/dev.txt" > "$out"
"$carb/score.sh" "$out" dev
