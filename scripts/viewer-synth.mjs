// Writes a synthetic claim stream (the `claimgraph claims --with-articles` format) for the
// viewer's scale check when no news corpus is at hand: one hub place that most claims touch,
// N other entities, quantities, and articles with dates and sources. Deterministic (a fixed
// pseudo-random generator), so the same N gives the same file.
//
// node scripts/viewer-synth.mjs N_ARTICLES > synth.jsonl

const nArticles = Number(process.argv[2] || 1200);
let seed = 12345;
// mulberry32: 32-bit state, good enough spread for test data.
const rand = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};

const kinds = ["person", "place", "organisation"];
const syllables = ["ka", "lo", "mir", "tes", "van", "dor", "eli", "qua", "run", "sel", "tor", "bea"];
const entities = [{ id: "place:hubland", name: "Hubland", type: "place" }];
for (let i = 0; i < 700; i++) {
  const type = kinds[i % 3];
  const name = syllables[i % 12] + syllables[Math.floor(i / 12) % 12] + syllables[Math.floor(i / 144) % 12];
  const label = name[0].toUpperCase() + name.slice(1) + (type === "organisation" ? " Council" : "");
  entities.push({ id: `${type.slice(0, 3)}:${name}-${i}`, name: label, type });
}
const predicates = ["meet", "criticise", "support", "sign deal with", "send aid to", "accuse", "visit", "fund", "sanction", "praise"];
const counts = ["troops", "ships", "tonnes", "people"];

function arg(e) {
  return { text: e.name, entity: e.id, name: e.name, type: e.type, start: 0, end: 0 };
}

function pick() {
  // The hub in a quarter of the claims; otherwise any entity.
  if (rand(4) === 0) return entities[0];
  return entities[rand(entities.length)];
}

const out = [];
for (let a = 0; a < nArticles; a++) {
  const id = `synth-${String(a).padStart(5, "0")}`;
  const month = String(1 + (a % 12)).padStart(2, "0");
  const day = String(1 + (a % 28)).padStart(2, "0");
  out.push(JSON.stringify({
    kind: "article",
    article: { id, title: `Synthetic report ${a}`, date: `2024-${month}-${day}`, url: `https://example.org/${id}`,
      source: `Wire ${a % 17}`, hash: `synth-${a}`, bytes: 600 },
    mentions: [],
  }));
  for (let c = 0; c < 4; c++) {
    const subject = pick();
    let object = pick();
    if (object === subject) object = entities[(entities.indexOf(subject) + 1) % entities.length];
    const p = predicates[rand(predicates.length)];
    const quantity = rand(5) === 0;
    const objectArg = quantity
      ? { text: `${(1 + rand(9)) * 100} ${counts[rand(counts.length)]}`, start: 0, end: 0 }
      : arg(object);
    const verb = quantity ? "send" : p;
    out.push(JSON.stringify({
      id: `c${(a * 4 + c).toString(16).padStart(16, "0")}`,
      article: id, sentence: c, span: { start: c * 100, end: c * 100 + 90 },
      evidence: `Sentence ${c} of report ${a}: ${subject.name} and ${quantity ? objectArg.text : object.name} (${p}).`,
      subject: arg(subject), predicate: { lemma: quantity ? "send" : p, text: verb },
      object: objectArg,
      quote: false, modality: "asserted", negated: rand(10) === 0, confidence: (50 + rand(50)) / 100, rule: "synthetic",
    }));
  }
}
process.stdout.write(out.join("\n") + "\n");
