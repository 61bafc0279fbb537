// claimgraph viewer: the force layout (d3-force), run in a Web Worker so the page stays
// responsive. The page builds the worker from d3's scripts and this one (all inline), posts
// {nodes: [{x, y}], links: [[source, target]], alpha} and receives {positions: Float64Array,
// done} every few ticks until the layout has cooled. The same function runs on the page when
// a browser refuses the worker (see view.js).
function cgLayout(d3, msg, report) {
  "use strict";
  const nodes = msg.nodes.map(function (n, i) {
    return n.x === null || n.x === undefined ? { index: i } : { index: i, x: n.x, y: n.y };
  });
  const links = msg.links.map(function (l) { return { source: l[0], target: l[1] }; });
  const n = nodes.length;
  const sim = d3
    .forceSimulation(nodes)
    .force("link", d3.forceLink(links).distance(70).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-220).theta(0.9).distanceMax(900))
    .force("collide", d3.forceCollide(22))
    .force("x", d3.forceX(0).strength(0.04))
    .force("y", d3.forceY(0).strength(0.04))
    .alpha(msg.alpha || 1)
    .alphaDecay(n > 1500 ? 0.04 : 0.0228)
    .stop();
  const ticks = Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
  // Each report redraws the page: fewer of them for large graphs.
  const every = Math.max(5, Math.floor(ticks / (n > 500 ? 4 : 8)));
  function positions() {
    const buf = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      buf[2 * i] = nodes[i].x;
      buf[2 * i + 1] = nodes[i].y;
    }
    return buf;
  }
  let done = 0;
  return function step() {
    const until = Math.min(ticks, done + every);
    for (; done < until; done++) sim.tick();
    const finished = done >= ticks;
    report({ id: msg.id, positions: positions(), done: finished });
    return finished;
  };
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  let current = 0;
  self.onmessage = function (event) {
    const msg = event.data;
    current = msg.id;
    const step = cgLayout(self.d3, msg, function (res) {
      self.postMessage(res, [res.positions.buffer]);
    });
    (function run() {
      if (msg.id !== current) return;
      if (!step()) setTimeout(run, 0);
    })();
  };
}
