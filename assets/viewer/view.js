// claimgraph viewer: the page. Draws the visible part of the graph with cytoscape.js (canvas),
// lays it out with d3-force in a Web Worker (layout-worker.js), and shows a node's or an
// edge's claims with their evidence. Every text from the data is set with textContent; links
// are made only for http(s) addresses. The selection and the filters live in the address
// fragment (`#q=Ukraine`), so a view can be shared as a link.
(function () {
  "use strict";
  const L = window.CGLogic;
  const started = performance.now();

  // Shape and colour per type, as in the DOT export.
  const TYPES = [
    { type: "person", shape: "ellipse", colour: "#a6cee3" },
    { type: "place", shape: "rectangle", colour: "#b2df8a" },
    { type: "organisation", shape: "hexagon", colour: "#fdbf6f" },
    { type: "value", shape: "tag", colour: "#eeeeee" },
  ];
  // A graph larger than this is not all drawn at first: the best connected nodes are, as many
  // as fit both limits, and the rest are reached by search and by expanding neighbours.
  const INITIAL_NODES = 1500;
  const INITIAL_EDGES = 4000;
  const CLAIMS_PER_GROUP = 25;
  const SUPPORTS_PER_CLAIM = 5;

  const data = JSON.parse(document.getElementById("cg-data").textContent);
  const index = L.buildIndex(data);
  const adj = L.adjacency(data);
  const sides = L.conflictSides(data);
  const conflictSubjects = new Set(data.conflicts.map(function (c) { return c.s; }));

  const state = {
    filters: { types: TYPES.map(function (t) { return t.type; }) },
    visible: new Set(),
    positions: new Map(),
    selected: null, // {node: i} or {edge: r}
    layoutId: 0,
  };
  const timings = { parsed: Math.round(performance.now() - started), reports: [] };
  window.cgViewer = { data: data, state: state, started: started, timings: timings };

  const $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ---- drawing ------------------------------------------------------------------------
  const large = data.relations.length > 1500 || data.nodes.length > 1000;
  const cy = cytoscape({
    container: $("graph"),
    minZoom: 0.02,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : "auto",
    boxSelectionEnabled: false,
    style: graphStyle(),
  });
  window.cgViewer.cy = cy;

  function graphStyle() {
    return [
      { selector: "node", style: {
        label: "data(label)", shape: "data(shape)", "background-color": "data(colour)",
        width: "data(size)", height: "data(size)", "border-width": 1, "border-color": "#555",
        "font-size": 11, "text-valign": "bottom", "text-margin-y": 2, "text-wrap": "ellipsis",
        "text-max-width": 140, "min-zoomed-font-size": 7 } },
      // In large graphs the many literal values are named only when zoomed in.
      { selector: 'node[type = "value"]', style: { "min-zoomed-font-size": large ? 14 : 7 } },
      { selector: "node.conflict", style: { "border-width": 3, "border-color": "#ff6f00" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#1565c0" } },
      { selector: "edge", style: {
        width: 1.2, "line-color": "#90a4ae", "target-arrow-color": "#90a4ae",
        "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": large ? "straight" : "bezier",
        // Edge labels cost more than the rest of the drawing; large graphs show them on the
        // selected edge only (and in the panel).
        label: large ? "" : "data(label)", "font-size": 9, color: "#546e7a", "text-rotation": "autorotate",
        "min-zoomed-font-size": 8, "text-background-color": "#fff", "text-background-opacity": 0.7 } },
      { selector: "edge.negated", style: { "line-style": "dashed", "line-color": "#e31a1c", "target-arrow-color": "#e31a1c", color: "#e31a1c" } },
      { selector: "edge.conflict", style: { width: 3, "line-color": "#ff6f00", "target-arrow-color": "#ff6f00" } },
      { selector: "edge:selected", style: { width: 4, "line-color": "#1565c0", "target-arrow-color": "#1565c0", label: "data(label)" } },
    ];
  }

  function typeOf(node) {
    return TYPES.find(function (t) { return t.type === node.type; }) || { shape: "ellipse", colour: "#ffffff" };
  }

  function nodeElement(i) {
    const node = data.nodes[i];
    const t = typeOf(node);
    const size = node.type === "value" ? 14 : 16 + Math.min(24, 4 * Math.log2(1 + (node.mentions || 0)));
    const pos = state.positions.get(i);
    return {
      group: "nodes",
      data: { id: "n" + i, i: i, label: node.label, type: node.type, shape: t.shape, colour: t.colour, size: size },
      position: pos ? { x: pos.x, y: pos.y } : { x: 0, y: 0 },
      classes: conflictSubjects.has(i) ? "conflict" : "",
    };
  }

  function edgeElement(r, kept) {
    const rel = data.relations[r];
    const classes = [];
    if (rel.neg) classes.push("negated");
    if (sides.has(r)) classes.push("conflict");
    const label = (rel.neg ? "NOT " : "") + rel.p + (kept.length > 1 ? " (×" + kept.length + ")" : "");
    return {
      group: "edges",
      data: { id: "e" + r, r: r, source: "n" + rel.s, target: "n" + rel.o, label: label },
      classes: classes.join(" "),
    };
  }

  // Rebuilds the drawing from the visible set and the filters; returns the drawn node indexes.
  function redraw() {
    const shown = [];
    state.visible.forEach(function (i) {
      if (L.nodeVisible(data, i, state.filters)) shown.push(i);
    });
    shown.sort(function (a, b) { return a - b; });
    const present = new Set(shown);
    const elements = shown.map(nodeElement);
    const links = [];
    const seen = new Set();
    shown.forEach(function (i) {
      adj[i].forEach(function (r) {
        const rel = data.relations[r];
        if (seen.has(r) || !present.has(rel.s) || !present.has(rel.o)) return;
        seen.add(r);
        const kept = L.keptSupports(data, r, state.filters);
        if (!kept) return;
        elements.push(edgeElement(r, kept));
        links.push(r);
      });
    });
    cy.batch(function () {
      cy.elements().remove();
      cy.add(elements);
    });
    reselect();
    $("counts").textContent = shown.length + " of " + data.nodes.length + " nodes · " + links.length +
      " of " + data.relations.length + " relations drawn · " + data.conflicts.length + " conflicts";
    return { nodes: shown, links: links };
  }

  function reselect() {
    cy.elements().unselect();
    const sel = state.selected;
    if (sel && sel.node !== undefined) cy.getElementById("n" + sel.node).select();
    if (sel && sel.edge !== undefined) cy.getElementById("e" + sel.edge).select();
  }

  // ---- layout ---------------------------------------------------------------------------
  let worker = null;
  try {
    const src = $("cg-d3").textContent + "\n" + $("cg-worker").textContent;
    worker = new Worker(URL.createObjectURL(new Blob([src], { type: "text/javascript" })));
    worker.onerror = function (e) { e.preventDefault(); worker = null; };
    worker.onmessage = function (e) { onLayout(e.data); };
  } catch (e) {
    worker = null;
  }
  let drawn = { nodes: [], links: [] };
  let fitWhenDone = true;

  function layout(alpha, fit) {
    const t = performance.now();
    drawn = redraw();
    timings.redraw = Math.round(performance.now() - t);
    state.layoutId += 1;
    fitWhenDone = fit;
    // Nodes not placed yet start on a spiral (where d3-force would put them), drawn at once.
    let spiral = 0;
    cy.batch(function () {
      drawn.nodes.forEach(function (i) {
        if (state.positions.has(i)) return;
        const radius = 10 * Math.sqrt(0.5 + spiral);
        const angle = spiral * Math.PI * (3 - Math.sqrt(5));
        state.positions.set(i, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
        cy.getElementById("n" + i).position(state.positions.get(i));
        spiral += 1;
      });
    });
    if (fit) cy.fit(undefined, 30);
    const slot = new Map(drawn.nodes.map(function (i, k) { return [i, k]; }));
    const msg = {
      id: state.layoutId,
      alpha: alpha,
      nodes: drawn.nodes.map(function (i) { const p = state.positions.get(i); return p ? { x: p.x, y: p.y } : {}; }),
      links: drawn.links.map(function (r) { return [slot.get(data.relations[r].s), slot.get(data.relations[r].o)]; }),
    };
    window.cgViewer.layoutMode = worker ? "worker" : "page";
    if (worker) {
      worker.postMessage(msg);
    } else {
      const step = cgLayout(window.d3, msg, onLayout);
      (function run() { if (msg.id === state.layoutId && !step()) setTimeout(run, 0); })();
    }
  }

  function onLayout(res) {
    if (res.id !== state.layoutId) return;
    timings.reports.push(Math.round(performance.now() - started));
    const p = res.positions;
    cy.batch(function () {
      drawn.nodes.forEach(function (i, k) {
        const pos = { x: p[2 * k], y: p[2 * k + 1] };
        state.positions.set(i, pos);
        cy.getElementById("n" + i).position(pos);
      });
    });
    if (res.done) {
      if (fitWhenDone) focusOrFit();
      if (document.body.dataset.state !== "ready") {
        window.cgViewer.readyMs = Math.round(performance.now() - started);
        document.body.dataset.state = "ready";
      }
    }
  }

  // Small drawings are fitted whole; in large ones the view closes in on the selected node.
  function focusOrFit() {
    const sel = state.selected;
    const node = sel && sel.node !== undefined ? cy.getElementById("n" + sel.node) : null;
    const target = node && node.length && cy.nodes().length > 150 ? node.closedNeighborhood() : cy.elements();
    cy.fit(target, 40);
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center(target);
    }
  }

  // ---- selection, expanding and hiding -------------------------------------------------------
  function selectNode(i, opts) {
    state.selected = { node: i };
    if (!state.visible.has(i)) {
      state.visible.add(i);
      L.neighbours(data, adj, i, state.filters).forEach(function (n) { state.visible.add(n); });
      placeNear(i);
      layout(0.3, true);
    } else {
      reselect();
      if (!opts || !opts.noCentre) focusOrFit();
    }
    renderNodePanel(i);
    writeFragment();
  }

  function selectEdge(r) {
    state.selected = { edge: r };
    const rel = data.relations[r];
    if (!state.visible.has(rel.s) || !state.visible.has(rel.o)) {
      state.visible.add(rel.s);
      state.visible.add(rel.o);
      layout(0.3, false);
    } else {
      reselect();
    }
    renderEdgePanel(r);
    writeFragment();
  }

  // New neighbours start near the node they were reached from.
  function placeNear(i) {
    const origin = state.positions.get(i) || { x: 0, y: 0 };
    let k = 0;
    state.visible.forEach(function (n) {
      if (state.positions.has(n)) return;
      const angle = k * 2.399963;
      const radius = 40 + 6 * Math.sqrt(k);
      state.positions.set(n, { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
      k += 1;
    });
  }

  function expand(i) {
    state.visible.add(i);
    L.neighbours(data, adj, i, state.filters).forEach(function (n) { state.visible.add(n); });
    placeNear(i);
    layout(0.4, false);
  }

  function hide(i) {
    state.visible.delete(i);
    if (state.selected && state.selected.node === i) {
      state.selected = null;
      $("panel").replaceChildren(el("p", "hint", "Hidden: " + data.nodes[i].label + ". Search it to show it again."));
      writeFragment();
    }
    layout(0.1, false);
  }

  // ---- the panel --------------------------------------------------------------------------
  function nodeLink(i) {
    const a = el("a", "node", data.nodes[i].label);
    a.href = "#q=" + encodeURIComponent(data.nodes[i].id);
    a.title = data.nodes[i].id;
    a.addEventListener("click", function (e) { e.preventDefault(); selectNode(i); });
    return a;
  }

  function button(text, action) {
    const b = el("button", null, text);
    b.type = "button";
    b.addEventListener("click", action);
    return b;
  }

  function renderNodePanel(i) {
    const node = data.nodes[i];
    const panel = $("panel");
    panel.replaceChildren();
    panel.append(el("h2", null, node.label));
    panel.append(el("div", "meta", node.type + " · " + node.id));
    if (node.aliases && node.aliases.length) {
      panel.append(el("div", "aliases", "Also: " + node.aliases.join(", ")));
    }
    const groups = L.claimsOf(data, adj, i, state.filters);
    const nClaims = groups.reduce(function (n, g) { return n + g.claims.length; }, 0);
    const counts = node.type === "value"
      ? nClaims + " claims shown"
      : (node.mentions || 0) + " mentions in " + (node.articles || 0) + " articles · " + nClaims + " claims shown";
    panel.append(el("div", "meta", counts));
    const actions = el("div", "actions");
    actions.append(button("Show neighbours", function () { expand(i); }), button("Hide", function () { hide(i); }));
    panel.append(actions);
    const conflicts = L.conflictsOf(data, i);
    if (conflicts.length) {
      panel.append(el("h3", null, "Conflicts (" + conflicts.length + ")"));
      conflicts.forEach(function (k) { panel.append(conflictBlock(k)); });
    }
    groups.forEach(function (g) {
      panel.append(el("h3", null, g.predicate + " (" + g.claims.length + ")"));
      const list = el("div");
      panel.append(list);
      showClaims(list, g.claims, CLAIMS_PER_GROUP);
    });
    if (!groups.length) panel.append(el("p", "hint", "No claims pass the filters."));
  }

  function showClaims(list, claims, limit) {
    list.replaceChildren();
    claims.slice(0, limit).forEach(function (c) { list.append(claimBlock(c.relation, c.supports)); });
    if (claims.length > limit) {
      list.append(button("Show " + (claims.length - limit) + " more", function () { showClaims(list, claims, claims.length); }));
    }
  }

  function claimHead(r) {
    const rel = data.relations[r];
    const head = el("div", "head");
    head.append(nodeLink(rel.s), document.createTextNode(" " + (rel.neg ? "NOT " : "") + rel.p + " "), nodeLink(rel.o));
    if (sides.has(r)) head.append(el("span", "badge", "conflict"));
    return head;
  }

  function claimBlock(r, supports) {
    const rel = data.relations[r];
    const box = el("div", "claim" + (rel.neg ? " negated" : "") + (sides.has(r) ? " conflicted" : ""));
    box.dataset.relation = rel.id;
    box.append(claimHead(r));
    const list = el("div");
    box.append(list);
    showSupports(list, supports, SUPPORTS_PER_CLAIM);
    return box;
  }

  function showSupports(list, supports, limit) {
    list.replaceChildren();
    supports.slice(0, limit).forEach(function (s) { list.append(supportBlock(s)); });
    if (supports.length > limit) {
      list.append(button("Show " + (supports.length - limit) + " more", function () { showSupports(list, supports, supports.length); }));
    }
  }

  function supportBlock(s) {
    const a = data.articles[s.a];
    const box = el("div", "support");
    box.append(el("blockquote", null, data.sentences[s.e]));
    const facts = el("div", "facts");
    if (s.by) facts.append(el("span", null, "per " + s.by + (s.verb ? " (" + s.verb + ")" : "")));
    facts.append(el("span", null, s.m), el("span", null, "“" + s.t + "”"), el("span", null, "confidence " + s.c.toFixed(2)));
    if (s.q) facts.append(el("span", null, "quoted"));
    if (a.date) facts.append(el("span", null, a.date));
    if (a.source) facts.append(el("span", null, a.source));
    const url = L.safeUrl(a.url);
    const title = a.title || a.id;
    if (url) {
      const link = el("a", null, title);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      facts.append(wrap(link));
    } else {
      facts.append(el("span", null, title + (a.url ? " <" + a.url + ">" : "")));
    }
    box.append(facts);
    return box;
  }

  function wrap(child) {
    const span = el("span");
    span.append(child);
    return span;
  }

  function conflictBlock(k) {
    const c = data.conflicts[k];
    const box = el("div", "conflict");
    const head = el("div", "head");
    head.append(el("strong", null, c.kind + " conflict: "), nodeLink(c.s), document.createTextNode(" " + c.p));
    box.append(head);
    c.sides.forEach(function (r) {
      const side = el("div", "side");
      side.append(claimHead(r));
      const list = el("div");
      showSupports(list, data.relations[r].sup, 2);
      side.append(list);
      box.append(side);
    });
    return box;
  }

  function renderEdgePanel(r) {
    const rel = data.relations[r];
    const panel = $("panel");
    panel.replaceChildren();
    panel.append(el("h2", null, (rel.neg ? "NOT " : "") + rel.p));
    panel.append(el("div", "meta", "relation " + rel.id + " · " + rel.sup.length + " supports"));
    panel.append(claimHead(r));
    (sides.get(r) || []).forEach(function (k) { panel.append(conflictBlock(k)); });
    const kept = L.keptSupports(data, r, state.filters) || [];
    panel.append(el("h3", null, "Supports (" + kept.length + " pass the filters)"));
    const list = el("div");
    panel.append(list);
    showSupports(list, kept, 50);
  }

  function renderPanel() {
    const sel = state.selected;
    if (sel && sel.node !== undefined) renderNodePanel(sel.node);
    else if (sel && sel.edge !== undefined) renderEdgePanel(sel.edge);
  }

  // ---- search ---------------------------------------------------------------------------
  function setupSearch() {
    const input = $("search");
    const list = $("suggestions");
    let hits = [];
    let active = 0;
    function show() {
      hits = L.search(data, index, input.value, 12);
      active = 0;
      list.replaceChildren();
      hits.forEach(function (h, k) {
        const node = data.nodes[h.node];
        const li = el("li", k === 0 ? "active" : "");
        li.append(el("span", null, node.label), el("span", "alias", h.name !== node.label ? "(" + h.name + ") " + node.type : node.type));
        li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(k); });
        list.append(li);
      });
      list.hidden = hits.length === 0;
    }
    function pick(k) {
      if (!hits[k]) return;
      list.hidden = true;
      input.value = data.nodes[hits[k].node].label;
      selectNode(hits[k].node);
    }
    input.addEventListener("input", show);
    input.addEventListener("blur", function () { list.hidden = true; });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") pick(active);
      else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        active = Math.max(0, Math.min(hits.length - 1, active + (e.key === "ArrowDown" ? 1 : -1)));
        Array.from(list.children).forEach(function (li, k) { li.className = k === active ? "active" : ""; });
      } else if (e.key === "Escape") list.hidden = true;
    });
  }

  // ---- filters and legend -----------------------------------------------------------------
  function setupFilters() {
    const box = $("type-filter");
    TYPES.forEach(function (t) {
      const label = el("label");
      const check = el("input");
      check.type = "checkbox";
      check.value = t.type;
      check.checked = true;
      check.addEventListener("change", readFilters);
      label.append(check, el("span", "swatch " + t.shape, ""), document.createTextNode(t.type));
      label.querySelector(".swatch").style.background = t.colour;
      box.append(label);
    });
    ["min-confidence", "min-supports", "min-sources", "since", "until"].forEach(function (id) {
      $(id).addEventListener("change", readFilters);
    });
    $("min-confidence").addEventListener("input", function () { $("conf-out").textContent = $("min-confidence").value; });
    const legend = $("legend");
    TYPES.forEach(function (t) {
      const li = el("li");
      const sw = el("span", "swatch " + t.shape);
      sw.style.background = t.colour;
      li.append(sw, document.createTextNode(t.type));
      legend.append(li);
    });
    [["edge", "claim (subject → object)"], ["edge negated", "negated claim"], ["edge conflict", "side of a conflict"]].forEach(function (x) {
      const li = el("li");
      li.append(el("span", "swatch " + x[0]), document.createTextNode(x[1]));
      legend.append(li);
    });
  }

  function number(id) {
    const v = $(id).value;
    return v === "" ? null : Number(v);
  }

  function readFilters() {
    const types = Array.from($("type-filter").querySelectorAll("input")).filter(function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    const conf = number("min-confidence");
    state.filters = {
      types: types,
      minConfidence: conf ? conf : null,
      minSupports: number("min-supports"),
      minSources: number("min-sources"),
      since: $("since").value.trim() || null,
      until: $("until").value.trim() || null,
    };
    layout(0.3, false);
    renderPanel();
    writeFragment();
  }

  function writeFilters(f) {
    Array.from($("type-filter").querySelectorAll("input")).forEach(function (c) {
      c.checked = !f.types || f.types.indexOf(c.value) >= 0;
    });
    $("min-confidence").value = f.minConfidence || 0;
    $("conf-out").textContent = f.minConfidence || 0;
    $("min-supports").value = f.minSupports || "";
    $("min-sources").value = f.minSources || "";
    $("since").value = f.since || "";
    $("until").value = f.until || "";
  }

  // ---- the address fragment ----------------------------------------------------------------
  function writeFragment() {
    const f = state.filters;
    const all = f.types && f.types.length === TYPES.length;
    const frag = L.formatFragment({
      q: state.selected && state.selected.node !== undefined ? data.nodes[state.selected.node].id : null,
      edge: state.selected && state.selected.edge !== undefined ? data.relations[state.selected.edge].id : null,
      minConfidence: f.minConfidence, minSupports: f.minSupports, minSources: f.minSources,
      since: f.since, until: f.until, types: all ? undefined : f.types,
    });
    history.replaceState(null, "", frag || location.pathname + location.search);
  }

  // Reads the fragment: filters, then the selection. Returns the node to focus, if any.
  function readFragment() {
    const frag = L.parseFragment(location.hash);
    state.filters = {
      types: frag.types || TYPES.map(function (t) { return t.type; }),
      minConfidence: frag.minConfidence, minSupports: frag.minSupports, minSources: frag.minSources,
      since: frag.since, until: frag.until,
    };
    writeFilters(state.filters);
    state.selected = null;
    if (frag.edge) {
      const r = data.relations.findIndex(function (x) { return x.id === frag.edge; });
      if (r >= 0) state.selected = { edge: r };
    }
    if (frag.q) {
      const i = L.resolve(data, index, frag.q);
      if (i !== null) state.selected = { node: i };
      else notFound(frag.q);
    }
    return state.selected;
  }

  function notFound(q) {
    const panel = $("panel");
    panel.replaceChildren(el("p", null, "Nothing in this file is named “" + q + "”."));
  }

  function start(fit) {
    const sel = readFragment();
    const focus = sel && sel.node !== undefined ? sel.node : null;
    state.visible = L.initialNodes(data, adj, state.filters, { nodes: INITIAL_NODES, edges: INITIAL_EDGES }, focus);
    if (sel && sel.edge !== undefined) {
      state.visible.add(data.relations[sel.edge].s);
      state.visible.add(data.relations[sel.edge].o);
    }
    let t = performance.now();
    renderPanel();
    timings.panel = Math.round(performance.now() - t);
    layout(1, fit);
    timings.posted = Math.round(performance.now() - started);
  }

  setupFilters();
  setupSearch();
  cy.on("tap", "node", function (e) { selectNode(e.target.data("i"), { noCentre: true }); });
  cy.on("tap", "edge", function (e) { selectEdge(e.target.data("r")); });
  cy.on("dbltap", "node", function (e) { expand(e.target.data("i")); });
  $("fit").addEventListener("click", function () { cy.fit(undefined, 30); });
  $("show-all").addEventListener("click", function () { state.positions.clear(); start(true); });
  window.addEventListener("hashchange", function () {
    const sel = readFragment();
    if (sel && sel.node !== undefined) selectNode(sel.node);
    else if (sel && sel.edge !== undefined) selectEdge(sel.edge);
    else layout(0.3, false);
  });
  document.title = "claimgraph viewer · " + data.nodes.length + " nodes, " + data.relations.length + " relations";
  start(true);
})();
