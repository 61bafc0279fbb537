// Unit tests of the viewer's non-drawing logic: `node --test assets/viewer/` (run by
// scripts/check-viewer.sh). The data has the shape `claimgraph export --format html` embeds.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const L = require("./logic.js");

function sample() {
  return {
    nodes: [
      { id: "place:northland", label: "Northland", type: "place", aliases: ["Republic of Northland", "N. Land"], mentions: 9, articles: 3 },
      { id: "person:ada_quist", label: "Ada Quist", type: "person", aliases: ["Quist"], mentions: 4, articles: 2 },
      { id: "org:harbour_board", label: "Harbour Board", type: "organisation", aliases: [], mentions: 2, articles: 1 },
      { id: "value:quantity:40:ships", label: "40 ships", type: "value" },
      { id: "value:quantity:55:ships", label: "55 ships", type: "value" },
      { id: "place:southmere", label: "Southmère", type: "place", aliases: [], mentions: 1, articles: 1 },
    ],
    articles: [
      { id: "a1", date: "2024-01-10", source: "Daily Tide", url: "https://example.org/a1" },
      { id: "a2", date: "2024-03-02", source: "Daily Tide" },
      { id: "a3", date: "2024-05-20", source: "Coast Post", url: "javascript:alert(1)" },
      { id: "a4" },
    ],
    sentences: ["s0", "s1", "s2", "s3"],
    relations: [
      { id: "r1", s: 0, o: 3, p: "keep fleet", neg: false, sup: [{ a: 0, e: 0, t: "keeps", m: "asserted", c: 0.9, q: false }] },
      { id: "r2", s: 0, o: 4, p: "keep fleet", neg: false, sup: [
        { a: 1, e: 1, t: "keeps", m: "asserted", c: 0.5, q: false },
        { a: 2, e: 2, t: "keeps", m: "asserted", c: 0.8, q: false, by: "the board", verb: "say" },
      ] },
      { id: "r3", s: 1, o: 0, p: "lead", neg: false, sup: [{ a: 3, e: 3, t: "leads", m: "asserted", c: 0.7, q: false }] },
      { id: "r4", s: 2, o: 0, p: "advise", neg: true, sup: [{ a: 1, e: 1, t: "did not advise", m: "asserted", c: 0.6, q: false }] },
    ],
    conflicts: [{ id: "x1", kind: "quantity", s: 0, p: "keep fleet", sides: [0, 1] }],
  };
}

test("fold ignores case, accents and punctuation between words", () => {
  assert.equal(L.fold("  Southmère-Bay  "), "southmere bay");
  assert.equal(L.fold("N. Land"), "n land");
});

test("search finds any alias, exact before prefix before substring", () => {
  const d = sample();
  const idx = L.buildIndex(d);
  const hits = L.search(d, idx, "republic of north", 5);
  assert.equal(hits[0].node, 0);
  assert.equal(hits[0].name, "Republic of Northland");
  assert.equal(L.search(d, idx, "quist", 5)[0].node, 1);
  assert.deepEqual(L.search(d, idx, "southmere", 5).map((h) => h.node), [5]);
  assert.deepEqual(L.search(d, idx, "", 5), []);
  // Both values match; they have no mentions, so id order decides.
  const land = L.search(d, idx, "ships", 5).map((h) => h.node);
  assert.deepEqual(land, [3, 4]);
});

test("resolve takes an id, an alias, or a prefix, and nothing vaguer", () => {
  const d = sample();
  const idx = L.buildIndex(d);
  assert.equal(L.resolve(d, idx, "place:northland"), 0);
  assert.equal(L.resolve(d, idx, "Ada"), 1);
  assert.equal(L.resolve(d, idx, "harbour board"), 2);
  assert.equal(L.resolve(d, idx, "oard"), null);
  assert.equal(L.resolve(d, idx, "Atlantis"), null);
});

test("support filters keep supports; relation filters see what is kept", () => {
  const d = sample();
  assert.equal(L.keptSupports(d, 1, {}).length, 2);
  assert.equal(L.keptSupports(d, 1, { minConfidence: 0.7 }).length, 1);
  assert.equal(L.keptSupports(d, 0, { minConfidence: 0.95 }), null);
  assert.equal(L.keptSupports(d, 1, { minSupports: 2 }).length, 2);
  assert.equal(L.keptSupports(d, 1, { minSupports: 2, minConfidence: 0.7 }), null);
  assert.equal(L.keptSupports(d, 1, { since: "2024-03" }).length, 2);
  assert.equal(L.keptSupports(d, 1, { until: "2024-03" }).length, 1);
  assert.equal(L.keptSupports(d, 0, { until: "2023" }), null);
  // An undated article passes no date filter.
  assert.equal(L.keptSupports(d, 2, { since: "2000" }), null);
  assert.equal(L.keptSupports(d, 2, { minConfidence: null, since: "" }).length, 1);
});

test("independent sources count reports (rp), else articles", () => {
  const d = sample();
  assert.equal(L.countSources(d.relations[1].sup, d), 2);
  assert.equal(L.keptSupports(d, 1, { minSources: 2 }).length, 2);
  assert.equal(L.keptSupports(d, 1, { minSources: 2, until: "2024-04" }), null);
  // Two copies of one report count once.
  d.relations[1].sup.forEach(function (s) { s.rp = 0; });
  assert.equal(L.countSources(d.relations[1].sup, d), 1);
  assert.equal(L.keptSupports(d, 1, { minSources: 2 }), null);
  d.relations[1].sup[1].rp = 1;
  assert.equal(L.countSources(d.relations[1].sup, d), 2);
});

test("type filter hides nodes and the relations that touch them", () => {
  const d = sample();
  const f = { types: ["place", "person"] };
  assert.equal(L.nodeVisible(d, 3, f), false);
  assert.equal(L.keptSupports(d, 0, f), null);
  assert.equal(L.keptSupports(d, 2, f).length, 1);
});

test("claims of a node are grouped by predicate, negation apart", () => {
  const d = sample();
  const adj = L.adjacency(d);
  const groups = L.claimsOf(d, adj, 0, {});
  assert.deepEqual(groups.map((g) => g.predicate), ["keep fleet", "lead", "not advise"]);
  // Most supports first.
  assert.deepEqual(groups[0].claims.map((c) => c.relation), [1, 0]);
  assert.equal(groups[0].claims[0].out, true);
  assert.equal(groups[1].claims[0].out, false);
  assert.equal(groups[1].claims[0].other, 1);
  assert.deepEqual(L.claimsOf(d, adj, 0, { minConfidence: 0.85 }).map((g) => g.predicate), ["keep fleet"]);
});

test("conflicts are found from the subject and from either side's object", () => {
  const d = sample();
  assert.deepEqual(L.conflictsOf(d, 0), [0]);
  assert.deepEqual(L.conflictsOf(d, 4), [0]);
  assert.deepEqual(L.conflictsOf(d, 1), []);
  assert.deepEqual(Array.from(L.conflictSides(d).keys()), [0, 1]);
});

test("neighbours and the first view", () => {
  const d = sample();
  const adj = L.adjacency(d);
  assert.deepEqual(L.neighbours(d, adj, 0, {}), [1, 2, 3, 4]);
  assert.deepEqual(L.neighbours(d, adj, 0, { types: ["place", "person"] }), [1]);
  const all = L.initialNodes(d, adj, {}, { nodes: 100, edges: 100 }, null);
  assert.equal(all.size, 6);
  // Northland has the most relations; then the edge budget stops the second pick.
  const first = L.initialNodes(d, adj, {}, { nodes: 100, edges: 0 }, null);
  assert.deepEqual(Array.from(first), [0]);
  const few = L.initialNodes(d, adj, {}, { nodes: 1, edges: 100 }, 5);
  assert.deepEqual(Array.from(few).sort(), [0, 5]);
});

test("the fragment round-trips the selection and filters", () => {
  const state = { q: "Ukraine & co/ü", minConfidence: 0.5, since: "2024-01", types: ["person", "place"] };
  const frag = L.formatFragment(state);
  assert.equal(frag, "#q=Ukraine%20%26%20co%2F%C3%BC&since=2024-01&minConfidence=0.5&types=person,place");
  assert.deepEqual(L.parseFragment(frag), state);
  assert.deepEqual(L.parseFragment("#q=Ukraine"), { q: "Ukraine" });
  assert.deepEqual(L.parseFragment("q=New+York"), { q: "New York" });
  assert.deepEqual(L.parseFragment(""), {});
  assert.equal(L.formatFragment({}), "");
  // Broken escapes and unknown keys are kept as text or ignored, never thrown.
  assert.deepEqual(L.parseFragment("#q=%E0%A4%A&evil=1&minSupports=x"), { q: "%E0%A4%A" });
});

test("only web addresses become links", () => {
  assert.equal(L.safeUrl("https://example.org/a"), "https://example.org/a");
  assert.equal(L.safeUrl("HTTP://example.org"), "HTTP://example.org");
  assert.equal(L.safeUrl("javascript:alert(1)"), null);
  assert.equal(L.safeUrl(" data:text/html,x"), null);
  assert.equal(L.safeUrl(undefined), null);
});
