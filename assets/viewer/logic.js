// claimgraph viewer: the logic that does not draw (search, filters, claims of a node, the
// address fragment). Pure functions over the exported data, so Node's test runner can check
// them (assets/viewer/logic.test.js); the page reads them from `CGLogic`.
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.CGLogic = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Text for matching: lower case, accents removed, runs of spaces, dashes and dots as one space.
  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[\s\u2010-\u2015.\-_'\u2019]+/g, " ")
      .trim();
  }

  // One entry per (folded name, node): the label, every alias and the id.
  function buildIndex(data) {
    const entries = [];
    data.nodes.forEach(function (node, i) {
      const names = [node.label].concat(node.aliases || [], [node.id]);
      const seen = new Set();
      names.forEach(function (name) {
        const key = fold(name);
        if (key && !seen.has(key)) {
          seen.add(key);
          entries.push({ key: key, name: String(name), node: i });
        }
      });
    });
    return entries;
  }

  // Suggestions for what the user typed: exact names first, then names that start with it,
  // then names with a word that starts with it, then any containing it; entities before
  // values, then by mentions. One suggestion per node, naming the alias that matched.
  function search(data, index, query, limit) {
    const q = fold(query);
    if (!q) return [];
    const best = new Map();
    index.forEach(function (entry) {
      let rank;
      if (entry.key === q) rank = 0;
      else if (entry.key.startsWith(q)) rank = 1;
      else if (entry.key.includes(" " + q)) rank = 2;
      else if (entry.key.includes(q)) rank = 3;
      else return;
      const old = best.get(entry.node);
      if (!old || rank < old.rank) best.set(entry.node, { node: entry.node, name: entry.name, rank: rank });
    });
    const res = Array.from(best.values());
    res.sort(function (a, b) {
      const na = data.nodes[a.node], nb = data.nodes[b.node];
      return (
        a.rank - b.rank ||
        (na.type === "value") - (nb.type === "value") ||
        (nb.mentions || 0) - (na.mentions || 0) ||
        (na.label < nb.label ? -1 : na.label > nb.label ? 1 : 0)
      );
    });
    return res.slice(0, limit || 10);
  }

  // The node a fragment's `q` names: an exact id, else the best search hit (null when none).
  function resolve(data, index, query) {
    const byId = data.nodes.findIndex(function (n) { return n.id === query; });
    if (byId >= 0) return byId;
    const hits = search(data, index, query, 1);
    return hits.length && hits[0].rank <= 1 ? hits[0].node : null;
  }

  // ---- filters ------------------------------------------------------------------------
  // Each filter is one line: a name, where it applies and its test. A support filter keeps a
  // relation's supports; a relation filter sees the supports kept; a node filter hides nodes.
  // An unset value (null, "" or undefined) turns the filter off.
  const SUPPORT_FILTERS = {
    minConfidence: function (s, v) { return s.c >= v; },
    since: function (s, v, data) { const d = data.articles[s.a].date; return !!d && d >= v; },
    until: function (s, v, data) { const d = data.articles[s.a].date; return !!d && d.slice(0, v.length) <= v; },
    // Source reliability, once articles carry it, is one more line here:
    // minReliability: function (s, v, data) { return (data.articles[s.a].reliability || 0) >= v; },
  };
  const RELATION_FILTERS = {
    minSupports: function (r, v, kept) { return kept.length >= v; },
    minSources: function (r, v, kept, data) { return countSources(kept, data) >= v; },
  };
  const NODE_FILTERS = {
    types: function (n, v) { return v.indexOf(n.type) >= 0; },
  };

  function active(filters, table) {
    return Object.keys(table).filter(function (k) {
      const v = filters[k];
      return v !== null && v !== undefined && v !== "" && !(typeof v === "number" && isNaN(v));
    });
  }

  // Independent sources among supports: copies of one report (same `rp`, computed by
  // claimgraph from agency credits and near-identical sentences) count once; data without
  // `rp` falls back to distinct articles.
  function countSources(supports, data) {
    const seen = new Set();
    supports.forEach(function (s) {
      seen.add(s.rp !== undefined ? "r:" + s.rp : "a:" + data.articles[s.a].id);
    });
    return seen.size;
  }

  function nodeVisible(data, i, filters) {
    const node = data.nodes[i];
    return active(filters, NODE_FILTERS).every(function (k) { return NODE_FILTERS[k](node, filters[k], data); });
  }

  // The supports of relation `r` that pass the filters, or null when the relation is hidden.
  function keptSupports(data, r, filters) {
    const rel = data.relations[r];
    if (!nodeVisible(data, rel.s, filters) || !nodeVisible(data, rel.o, filters)) return null;
    const sKeys = active(filters, SUPPORT_FILTERS);
    const kept = sKeys.length
      ? rel.sup.filter(function (s) { return sKeys.every(function (k) { return SUPPORT_FILTERS[k](s, filters[k], data); }); })
      : rel.sup;
    if (!kept.length) return null;
    const ok = active(filters, RELATION_FILTERS).every(function (k) {
      return RELATION_FILTERS[k](rel, filters[k], kept, data);
    });
    return ok ? kept : null;
  }

  // For each node, the relations touching it (indexes into data.relations).
  function adjacency(data) {
    const adj = data.nodes.map(function () { return []; });
    data.relations.forEach(function (r, i) {
      adj[r.s].push(i);
      if (r.o !== r.s) adj[r.o].push(i);
    });
    return adj;
  }

  // The claims of node `i` that pass the filters, grouped by predicate (sorted), each group's
  // relations by supports (most first) then id; `out` is true where the node is the subject.
  function claimsOf(data, adj, i, filters) {
    const groups = new Map();
    adj[i].forEach(function (r) {
      const kept = keptSupports(data, r, filters);
      if (!kept) return;
      const rel = data.relations[r];
      const key = (rel.neg ? "not " : "") + rel.p;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ relation: r, out: rel.s === i, other: rel.s === i ? rel.o : rel.s, supports: kept });
    });
    const res = Array.from(groups.entries()).map(function (e) {
      e[1].sort(function (a, b) {
        return b.supports.length - a.supports.length || cmp(data.relations[a.relation].id, data.relations[b.relation].id);
      });
      return { predicate: e[0], claims: e[1] };
    });
    res.sort(function (a, b) { return cmp(a.predicate, b.predicate); });
    return res;
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  // Conflicts (indexes into data.conflicts) that node `i` is the subject of or a side touches.
  function conflictsOf(data, i) {
    const res = [];
    data.conflicts.forEach(function (c, k) {
      const touches = c.s === i || c.sides.some(function (r) { return data.relations[r].o === i; });
      if (touches) res.push(k);
    });
    return res;
  }

  // relation index -> list of conflict indexes it is a side of.
  function conflictSides(data) {
    const res = new Map();
    data.conflicts.forEach(function (c, k) {
      c.sides.forEach(function (r) {
        if (!res.has(r)) res.set(r, []);
        res.get(r).push(k);
      });
    });
    return res;
  }

  // Neighbours of node `i` through relations that pass the filters.
  function neighbours(data, adj, i, filters) {
    const res = new Set();
    adj[i].forEach(function (r) {
      if (!keptSupports(data, r, filters)) return;
      const rel = data.relations[r];
      res.add(rel.s === i ? rel.o : rel.s);
    });
    return Array.from(res).sort(function (a, b) { return a - b; });
  }

  // Nodes to show first: the nodes that pass the filters, best connected first (ties in id
  // order), while at most `limit.nodes` nodes with at most `limit.edges` relations among them;
  // then `focus` and its neighbours when given.
  function initialNodes(data, adj, filters, limit, focus) {
    const candidates = [];
    for (let i = 0; i < data.nodes.length; i++) {
      if (nodeVisible(data, i, filters)) candidates.push(i);
    }
    candidates.sort(function (a, b) { return adj[b].length - adj[a].length || a - b; });
    const set = new Set();
    let edges = 0;
    for (let k = 0; k < candidates.length && set.size < limit.nodes; k++) {
      const i = candidates[k];
      let added = 0;
      adj[i].forEach(function (r) {
        const rel = data.relations[r];
        const other = rel.s === i ? rel.o : rel.s;
        if (other === i || set.has(other)) added += 1;
      });
      if (edges + added > limit.edges) break;
      edges += added;
      set.add(i);
    }
    if (focus !== null && focus !== undefined) {
      set.add(focus);
      neighbours(data, adj, focus, filters).forEach(function (n) { set.add(n); });
    }
    return set;
  }

  // ---- the address fragment -------------------------------------------------------------
  // `#q=Ukraine&edge=r…&minConfidence=0.5&types=person,place`: the selection and the filters.
  const NUMBER_KEYS = ["minConfidence", "minSupports", "minSources"];
  const TEXT_KEYS = ["q", "edge", "since", "until"];

  function parseFragment(hash) {
    const res = {};
    const text = String(hash || "").replace(/^#/, "");
    if (!text) return res;
    text.split("&").forEach(function (part) {
      const eq = part.indexOf("=");
      const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? "" : safeDecode(part.slice(eq + 1));
      if (TEXT_KEYS.indexOf(key) >= 0) res[key] = value;
      else if (NUMBER_KEYS.indexOf(key) >= 0 && value !== "" && !isNaN(Number(value))) res[key] = Number(value);
      else if (key === "types") res.types = value ? value.split(",") : [];
    });
    return res;
  }

  function safeDecode(s) {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch (e) {
      return s;
    }
  }

  function formatFragment(state) {
    const parts = [];
    TEXT_KEYS.concat(NUMBER_KEYS).forEach(function (k) {
      const v = state[k];
      if (v !== null && v !== undefined && v !== "" && !(typeof v === "number" && isNaN(v))) {
        parts.push(k + "=" + encodeURIComponent(String(v)));
      }
    });
    if (Array.isArray(state.types)) parts.push("types=" + state.types.map(encodeURIComponent).join(","));
    return parts.length ? "#" + parts.join("&") : "";
  }

  // A link target only for web addresses: anything else (javascript:, data:) is shown as text.
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  return {
    fold: fold,
    buildIndex: buildIndex,
    search: search,
    resolve: resolve,
    SUPPORT_FILTERS: SUPPORT_FILTERS,
    RELATION_FILTERS: RELATION_FILTERS,
    NODE_FILTERS: NODE_FILTERS,
    keptSupports: keptSupports,
    nodeVisible: nodeVisible,
    countSources: countSources,
    adjacency: adjacency,
    claimsOf: claimsOf,
    conflictsOf: conflictsOf,
    conflictSides: conflictSides,
    neighbours: neighbours,
    initialNodes: initialNodes,
    parseFragment: parseFragment,
    formatFragment: formatFragment,
    safeUrl: safeUrl,
  };
});
