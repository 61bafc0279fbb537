#!/usr/bin/env bash
# Checks the offline viewer (`claimgraph export --format html`) in a real browser.
#
# 1. Unit tests of the viewer's non-drawing logic with Node's test runner.
# 2. The seed: `run seeds/ --min-confidence 0`, export, load `graph.html#q=Ukraine` in headless Chromium and
#    check that the panel lists the limit-army claim with 600,000 and its evidence; then
#    `#edge=<that relation>` lists its supports, and so does a mouse click on its edge; searching an alias and pressing Enter
#    selects the entity, "Hide" removes it from the drawing, and "Show neighbours" on one of
#    its neighbours brings it back.
# 3. Hostile text (tests/fixtures/viewer/hostile.jsonl): names, evidence, titles and a
#    `javascript:` address with `</script>`, markup, quotes, backslashes and odd Unicode are
#    shown as text and never run (the page would set window.cgPwned).
# 4. Scale: a neighbourhood of a few thousand relations, from the open news corpus when
#    ../shared/data/news-open is there (CLAIMGRAPH_NEWS overrides), else from a synthetic
#    claim stream (scripts/viewer-synth.mjs); it must be ready (drawn and laid out) within
#    VIEWER_TIMEOUT seconds (default 90).
#
# Installs Chromium and Firefox (Debian packages `chromium`, `firefox-esr`) when missing; the
# seed is also loaded in Firefox. Everything else is Node's built-ins (scripts/check-viewer.mjs drives Chromium over the DevTools pipe). Screenshots go
# to target/viewer-check/ (ignored by git). UPDATE_SCREENSHOT=1 copies the seed screenshot to
# assets/viewer/seed.png, the one README shows.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

chromium=""
for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then chromium="$(command -v "$c")"; break; fi
done
if [ -z "$chromium" ]; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
    chromium="$(command -v chromium)"
fi

firefox=""
for c in firefox-esr firefox; do
    if command -v "$c" >/dev/null 2>&1; then firefox="$(command -v "$c")"; break; fi
done
if [ -z "$firefox" ]; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq firefox-esr >/dev/null
    firefox="$(command -v firefox-esr)"
fi

echo "-- viewer logic (node --test)"
node --test assets/viewer/ >/dev/null || node --test assets/viewer/

cargo build --release --quiet
bin="$root/target/release/claimgraph"
shots="$root/target/viewer-check"
mkdir -p "$shots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
check() { node scripts/check-viewer.mjs --chromium "$chromium" "$@"; }

echo "-- seed: #q=Ukraine"
# Every claim the graph may hold, whatever its confidence: the checks below read the seed's
# limit-army claim, which the default threshold (a fitted probability) may leave out.
"$bin" --quiet run seeds/ --out "$work/seed" --store "$work/seed.store" --min-confidence 0
"$bin" export --format html --store "$work/seed.store" -o "$work/graph.html"
check --url "file://$work/graph.html#q=Ukraine" --timeout 30 --screenshot "$shots/seed.png" \
    --expect "limit army" --expect "600,000 troops" \
    --expect "Ukraine would have to limit its army to 600,000 troops"
if [ "${UPDATE_SCREENSHOT:-0}" = "1" ]; then cp "$shots/seed.png" assets/viewer/seed.png; fi

echo "-- seed: search an alias, pick with Enter, hide, show neighbours"
check --url "file://$work/graph.html" --timeout 30 --search ukraina --pick Ukraine --hide yes \
    --expand "600,000 troops"

echo "-- seed: a type filter in the fragment hides the value objects"
check --url "file://$work/graph.html#q=Ukraine&types=person,place,organisation" --timeout 30 \
    --expect "Ukraine" --absent "600,000 troops"

echo "-- seed in Firefox: #q=Ukraine"
# Firefox's headless mode has no DevTools pipe here; a wrapper page (file URIs made one origin
# by a profile preference) polls the viewer in an iframe and prints the result with dump().
cat >"$work/firefox.html" <<'PAGE'
<!DOCTYPE html><html><body><iframe id="f" src="graph.html#q=Ukraine" width="1600" height="1000"></iframe>
<script>
const t0 = Date.now();
function poll() {
  let state = null, panel = "", mode = "";
  try {
    const w = document.getElementById("f").contentWindow;
    state = w.document.body.dataset.state;
    panel = w.document.getElementById("panel").innerText;
    mode = w.cgViewer.layoutMode;
  } catch (e) { dump("ERROR " + e + "\n"); }
  if (state === "ready" || Date.now() - t0 > 30000) {
    const ok = state === "ready" && panel.includes("600,000 troops") && panel.includes("limit its army");
    dump("VIEWER " + (ok ? "ok" : "FAILED") + " state=" + state + " layout=" + mode + " ms=" + (Date.now() - t0) + "\n");
    window.close();
  } else setTimeout(poll, 200);
}
window.onload = poll;
</script></body></html>
PAGE
mkdir -p "$work/firefox-profile"
printf 'user_pref("%s", %s);\n' browser.dom.window.dump.enabled true \
    security.fileuri.strict_origin_policy false dom.allow_scripts_to_close_windows true \
    browser.shell.checkDefaultBrowser false datareporting.policy.dataSubmissionEnabled false \
    >"$work/firefox-profile/user.js"
firefox_out="$(HOME="$work" timeout 60 "$firefox" --headless --no-remote --profile "$work/firefox-profile" \
    "file://$work/firefox.html" 2>&1 | grep -a -m1 '^VIEWER ' || true)"
echo "${firefox_out:-VIEWER no result from Firefox}"
case "$firefox_out" in "VIEWER ok"*) ;; *) exit 1 ;; esac

echo "-- seed: #edge=<the limit-army relation>"
edge="$("$bin" export --format jsonl --store "$work/seed.store" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){if(!l)continue;const r=JSON.parse(l);if(r.predicate==="limit army"&&r.subject.id==="place:ukraine")console.log(r.id)}})')"
[ -n "$edge" ] || { echo "no limit-army relation in the seed store"; exit 1; }
check --url "file://$work/graph.html#edge=$edge" --timeout 30 --screenshot "$shots/seed-edge.png" \
    --expect "Supports (1 pass the filters)" --expect "600,000 troops" --expect "per The plan"
echo "-- seed: clicking the limit-army edge"
check --url "file://$work/graph.html" --timeout 30 --click-edge "limit army" \
    --expect "600,000 troops" --expect "per The plan"

echo "-- hostile text"
"$bin" --quiet ingest --no-gazetteer --store "$work/hostile.store" --claims tests/fixtures/viewer/hostile.jsonl
"$bin" export --format html --store "$work/hostile.store" -o "$work/hostile.html"
check --url "file://$work/hostile.html#q=person:evil" --timeout 30 --screenshot "$shots/hostile.png" \
    --forbid-global cgPwned \
    --expect '</script><script>window.cgPwned=1</script> Guild' \
    --expect 'Ima "Quote" O'"'"'Brien <img src=x onerror="window.cgPwned=2"> \ back\slash' \
    --expect '</SCRIPT ><b>bold</b> & {{data}} \u003c end.' \
    --expect '<javascript:window.cgPwned=3>'

echo "-- scale: a large neighbourhood"
news="${CLAIMGRAPH_NEWS:-$root/../shared/data/news-open/articles.jsonl}"
if [ -f "$news" ]; then
    "$bin" --quiet ingest "$news" --store "$work/large.store"
    around="Iran"
else
    node scripts/viewer-synth.mjs 1500 >"$work/synth.jsonl"
    "$bin" --quiet ingest --no-gazetteer --store "$work/large.store" --claims "$work/synth.jsonl"
    around="Hubland"
fi
"$bin" export --format html --store "$work/large.store" --around "$around" --depth 2 --max-nodes 2000 \
    -o "$work/large.html"
echo "$(wc -c <"$work/large.html") bytes around $around"
check --url "file://$work/large.html#q=$around" --timeout "${VIEWER_TIMEOUT:-90}" \
    --screenshot "$shots/large.png" --expect "$around"
echo "viewer checks passed; screenshots in $shots"
