// Loads a claimgraph viewer file in headless Chromium and checks what the page shows.
//
// Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe), with Node's
// built-ins only, so nothing is downloaded. Waits until the page says it is ready
// (`body[data-state=ready]`: data parsed, drawn, first layout finished), failing after
// --timeout seconds; then checks that the panel's text contains every --expect string, that
// no script error was thrown and that no --forbid-global was set (a hostile-text check sets
// none unless injected markup ran), takes a screenshot and prints one JSON line of figures.
//
// node scripts/check-viewer.mjs --url file:///…/graph.html#q=Ukraine --timeout 30 \
//      --screenshot out.png --expect '600,000' [--expect …] [--absent TEXT …]
//      [--forbid-global cgPwned]
//      [--chromium /usr/bin/chromium]
//      [--search TEXT --pick NAME]   type TEXT in the search box: NAME must be suggested, and
//                                    Enter must select it (panel heading, address fragment)
//      [--hide yes]                  "Hide" on the selected node draws one node fewer
//      [--expand NAME]               then search NAME, "Show neighbours": the hidden node is back
//      [--click-edge PREDICATE]      click (mouse events) the middle of the first edge so
//                                    labelled: the panel must show that relation

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function parseArgs(argv) {
  const opts = { expect: [], absent: [], forbid: [], timeout: 30, chromium: "chromium", width: 1600, height: 1000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`${k}: missing value`);
    if (k === "--url") opts.url = v;
    else if (k === "--timeout") opts.timeout = Number(v);
    else if (k === "--screenshot") opts.screenshot = v;
    else if (k === "--expect") opts.expect.push(v);
    else if (k === "--absent") opts.absent.push(v);
    else if (k === "--forbid-global") opts.forbid.push(v);
    else if (k === "--chromium") opts.chromium = v;
    else if (k === "--search") opts.search = v;
    else if (k === "--pick") opts.pick = v;
    else if (k === "--hide") opts.hide = v === "yes";
    else if (k === "--expand") opts.expand = v;
    else if (k === "--click-edge") opts.clickEdge = v;
    else throw new Error(`unknown option ${k}`);
  }
  if (!opts.url) throw new Error("--url is required");
  return opts;
}

// A DevTools connection over the pipe: fd 3 to the browser, fd 4 from it, NUL-separated JSON.
function connect(child) {
  const pending = new Map();
  const listeners = [];
  let next = 1;
  let buffer = "";
  child.stdio[4].on("data", (chunk) => {
    buffer += chunk.toString("utf8");
    let end;
    while ((end = buffer.indexOf("\0")) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id && pending.has(msg.id)) {
        const { resolve, reject } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        listeners.forEach((f) => f(msg));
      }
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = next++;
      child.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + "\0");
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on(f) {
      listeners.push(f);
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const profile = mkdtempSync(join(tmpdir(), "cg-chromium-"));
  const child = spawn(
    opts.chromium,
    [
      "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
      "--no-first-run", "--no-default-browser-check", "--disable-extensions",
      "--disable-background-networking", "--disable-dev-shm-usage",
      `--user-data-dir=${profile}`, `--window-size=${opts.width},${opts.height}`, "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (c) => {
    const lines = c.toString().split("\n").filter((l) => l && !l.includes("dbus"));
    if (lines.length) stderr = (stderr + lines.join("\n") + "\n").slice(-4000);
  });
  const cleanup = () => {
    child.kill("SIGKILL");
    try { rmSync(profile, { recursive: true, force: true }); } catch { /* best effort */ }
  };
  try {
    const res = await check(connect(child), opts);
    console.log(JSON.stringify(res));
    cleanup();
    process.exit(res.ok ? 0 : 1);
  } catch (e) {
    console.error(`check-viewer: ${e.message}`);
    if (stderr) console.error(`chromium stderr (tail):\n${stderr}`);
    cleanup();
    process.exit(1);
  }
}

async function check(cdp, opts) {
  const errors = [];
  cdp.on((msg) => {
    if (msg.method === "Runtime.exceptionThrown") {
      const d = msg.params.exceptionDetails;
      errors.push(`exception: ${(d.exception && d.exception.description) || d.text}`);
    } else if (msg.method === "Runtime.consoleAPICalled" && msg.params.type === "error") {
      errors.push(`console.error: ${msg.params.args.map((a) => a.value ?? a.description).join(" ")}`);
    }
  });
  const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: true });
  const send = (m, p) => cdp.send(m, p, sessionId);
  await send("Runtime.enable");
  await send("Page.enable");
  await send("Emulation.setDeviceMetricsOverride", { width: opts.width, height: opts.height, deviceScaleFactor: 1, mobile: false });
  const evaluate = async (expression) => {
    const r = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`evaluating ${expression}: ${r.exceptionDetails.text}`);
    return r.result.value;
  };
  const t0 = Date.now();
  await send("Page.navigate", { url: opts.url });
  let stateNow = null;
  while (Date.now() - t0 < opts.timeout * 1000) {
    stateNow = await evaluate("document.body ? document.body.dataset.state : null").catch(() => null);
    if (stateNow === "ready") break;
    await sleep(100);
  }
  const wallMs = Date.now() - t0;
  const ready = stateNow === "ready";
  const interactions = ready ? await interact(evaluate, opts) : { failures: [] };
  if (ready && opts.clickEdge) await clickEdge(evaluate, send, opts.clickEdge, interactions);
  const page = await evaluate(`(function () {
    const v = window.cgViewer || {};
    const forbid = ${JSON.stringify(opts.forbid)};
    return {
      panel: (document.getElementById("panel") || {}).innerText || "",
      counts: (document.getElementById("counts") || {}).textContent || "",
      hash: location.hash,
      readyMs: v.readyMs, layoutMode: v.layoutMode, timings: v.timings,
      forbidden: forbid.filter(function (k) { return window[k] !== undefined; }),
      requests: performance.getEntriesByType("resource").map(function (e) { return e.name; }),
    };
  })()`);
  if (opts.screenshot) {
    const shot = await send("Page.captureScreenshot", { format: "png" });
    writeFileSync(opts.screenshot, Buffer.from(shot.data, "base64"));
  }
  const missing = opts.expect.filter((s) => !page.panel.includes(s))
    .concat(opts.absent.filter((s) => page.panel.includes(s)).map((s) => `present: ${s}`));
  const ok = ready && missing.length === 0 && errors.length === 0 && page.forbidden.length === 0 &&
    page.requests.length === 0 && interactions.failures.length === 0;
  const res = {
    ok, ready, wallMs, readyMs: page.readyMs, timings: page.timings, layoutMode: page.layoutMode, counts: page.counts,
    hash: page.hash, missing, errors, forbidden: page.forbidden, requests: page.requests, interactions,
  };
  if (!ok) res.panel = page.panel.slice(0, 3000);
  return res;
}

// Clicks the middle of the first drawn edge whose label starts with `predicate`, with real
// mouse events at its place on the screen (the viewer keeps its cytoscape instance in
// window.cgViewer.cy), and checks that the panel then shows that relation.
async function clickEdge(evaluate, send, predicate, res) {
  const at = await evaluate(`(function () {
    const cy = window.cgViewer.cy;
    const edge = cy.edges().filter(function (e) { return e.data("label").indexOf(${JSON.stringify(predicate)}) === 0; })[0];
    if (!edge) return null;
    cy.fit(edge.connectedNodes(), 200);
    const p = edge.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`);
  if (!at) {
    res.failures.push(`no edge labelled ${predicate}`);
    return;
  }
  await sleep(300);
  for (const type of ["mouseMoved", "mousePressed", "mouseReleased"]) {
    await send("Input.dispatchMouseEvent", { type, x: at.x, y: at.y, button: "left", clickCount: 1 });
  }
  await sleep(500);
  const heading = await evaluate(`(document.querySelector("#panel h2") || {}).textContent`);
  res.clickEdge = { at, heading };
  if (heading !== predicate) res.failures.push(`clicking the edge showed ${heading}`);
}

// What a user does after the page is ready: search and pick, hide. Returns what was seen and
// the failures.
async function interact(evaluate, opts) {
  const res = { failures: [] };
  if (opts.search) {
    res.search = await evaluate(`(async function () {
      const input = document.getElementById("search");
      input.value = ${JSON.stringify(opts.search)};
      input.dispatchEvent(new Event("input"));
      const suggested = Array.from(document.querySelectorAll("#suggestions li")).map(function (li) { return li.innerText; });
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
      await new Promise(function (r) { setTimeout(r, 500); });
      return { suggested: suggested, heading: (document.querySelector("#panel h2") || {}).textContent, hash: location.hash };
    })()`);
    if (!res.search.suggested.length || !res.search.suggested[0].startsWith(opts.pick)) res.failures.push(`${opts.pick} not suggested first`);
    if (res.search.heading !== opts.pick) res.failures.push(`Enter selected ${res.search.heading}`);
    if (!res.search.hash.startsWith("#q=")) res.failures.push(`fragment ${res.search.hash}`);
  }
  if (opts.hide) {
    res.hide = await evaluate(`(async function () {
      const before = document.getElementById("counts").textContent;
      const button = Array.from(document.querySelectorAll("#panel button")).find(function (b) { return b.textContent === "Hide"; });
      button.click();
      await new Promise(function (r) { setTimeout(r, 500); });
      return { before: before, after: document.getElementById("counts").textContent };
    })()`);
    if (parseInt(res.hide.after, 10) !== parseInt(res.hide.before, 10) - 1) res.failures.push("Hide did not remove one node");
  }
  if (opts.expand) {
    res.expand = await evaluate(`(async function () {
      const wait = function () { return new Promise(function (r) { setTimeout(r, 500); }); };
      const input = document.getElementById("search");
      input.value = ${JSON.stringify(opts.expand)};
      input.dispatchEvent(new Event("input"));
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
      await wait();
      const before = document.getElementById("counts").textContent;
      const button = Array.from(document.querySelectorAll("#panel button")).find(function (b) { return b.textContent === "Show neighbours"; });
      button.click();
      await wait();
      return { before: before, after: document.getElementById("counts").textContent };
    })()`);
    if (!(parseInt(res.expand.after, 10) > parseInt(res.expand.before, 10))) res.failures.push("Show neighbours added no node");
  }
  return res;
}

main();
