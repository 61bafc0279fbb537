//! The offline viewer: one self-contained HTML file (`graph.html`) to search, expand and read
//! the evidence of the selected part of the graph.
//!
//! The page is `assets/viewer/template.html` with its `{{name}}` slots filled by this module:
//! the stylesheet, the vendored libraries (cytoscape.js draws on a canvas; d3-force lays the
//! visible nodes out in a Web Worker), the viewer's own scripts and the data. Everything is
//! compiled into the binary with `include_str!`, so the file loads nothing from the network and
//! opens from `file://`.
//!
//! The data is one JSON document in a `<script type="application/json">` element, with `<`, `>`,
//! `&`, U+2028 and U+2029 written as `\uXXXX` escapes, so no name or evidence can close the
//! element or start markup; the scripts set every text with `textContent`. Its shape
//! (`schema_version` [`super::SCHEMA_VERSION`]):
//!
//! * `nodes`: `{id, label, type, aliases, mentions, articles}` (entities) or `{id, label,
//!   type: "value", quantity?, unit?, date?}`, in id order;
//! * `articles`: `{id, title?, date?, url?, source?}` of the articles that support an exported
//!   relation, in id order;
//! * `sentences`: the evidence sentences, each once;
//! * `relations`: `{id, s, o, p, neg, sup}` with `s`/`o` indexes into `nodes` and `sup` the
//!   supports `{a, e, t, m, c, q, by?, verb?}` (article index, sentence index, predicate as
//!   written, modality, confidence, quoted, attribution text and reporting verb);
//! * `conflicts`: `{id, kind, s, p, sides}` from [`KnowledgeGraph::conflicts`], with `sides`
//!   indexes into `relations`; only conflicts with two or more sides in the export.
//!
//! Everything is written in id order, so the same store gives the same bytes. The file grows
//! linearly with what is exported, on top of a constant ~0.5 MB of scripts.
//!
//! [`KnowledgeGraph::conflicts`]: crate::graph::KnowledgeGraph::conflicts

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{node_id, Selection, SCHEMA_VERSION};
use crate::graph::{NodeRef, RelationRef, SupportRef};
use crate::pipeline::ArticleRecord;

const TEMPLATE: &str = include_str!("../../assets/viewer/template.html");
const CSS: &str = include_str!("../../assets/viewer/viewer.css");
const LOGIC_JS: &str = include_str!("../../assets/viewer/logic.js");
const VIEW_JS: &str = include_str!("../../assets/viewer/view.js");
const WORKER_JS: &str = include_str!("../../assets/viewer/layout-worker.js");
const CYTOSCAPE_JS: &str =
    include_str!("../../assets/viewer/vendor/cytoscape-3.35.0/cytoscape.min.js");
/// d3-force and the three modules it needs, in dependency order.
const D3_JS: [&str; 4] = [
    include_str!("../../assets/viewer/vendor/d3-dispatch-3.0.2/d3-dispatch.min.js"),
    include_str!("../../assets/viewer/vendor/d3-quadtree-3.0.2/d3-quadtree.min.js"),
    include_str!("../../assets/viewer/vendor/d3-timer-3.0.2/d3-timer.min.js"),
    include_str!("../../assets/viewer/vendor/d3-force-3.0.1/d3-force.min.js"),
];

#[derive(Serialize)]
struct Data<'g> {
    generator: &'static str,
    schema_version: u32,
    nodes: Vec<NodeWire<'g>>,
    articles: Vec<ArticleWire<'g>>,
    sentences: Vec<&'g str>,
    relations: Vec<RelationWire<'g>>,
    conflicts: Vec<ConflictWire<'g>>,
}

#[derive(Serialize)]
struct NodeWire<'g> {
    /// Through [`node_id`], as in every export.
    id: Cow<'g, str>,
    label: &'g str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<&'g [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    articles: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'g str>,
}

#[derive(Serialize)]
struct ArticleWire<'g> {
    id: &'g str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'g str>,
}

#[derive(Serialize)]
struct RelationWire<'g> {
    id: &'g str,
    s: usize,
    o: usize,
    p: &'g str,
    neg: bool,
    sup: Vec<SupportWire<'g>>,
}

#[derive(Serialize)]
struct SupportWire<'g> {
    /// Index into `articles`.
    a: usize,
    /// Index into `sentences`.
    e: usize,
    t: &'g str,
    m: &'static str,
    c: f64,
    q: bool,
    /// The independent report it belongs to (index within its relation): copies of one report
    /// share it, so the viewer counts independent sources as distinct `rp`.
    rp: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<&'g str>,
}

#[derive(Serialize)]
struct ConflictWire<'g> {
    id: String,
    kind: &'static str,
    s: usize,
    p: &'g str,
    sides: Vec<usize>,
}

/// The HTML file for the selection.
pub(super) fn write(sel: &Selection<'_>) -> Vec<u8> {
    let data = script_json(&data(sel));
    let d3 = D3_JS.join("\n");
    let slots: [(&str, &str); 7] = [
        ("css", CSS),
        ("data", &data),
        ("cytoscape", CYTOSCAPE_JS),
        ("d3", &d3),
        ("logic", LOGIC_JS),
        ("worker", WORKER_JS),
        ("view", VIEW_JS),
    ];
    fill(TEMPLATE, &slots).into_bytes()
}

/// `template` with each `{{name}}` replaced by its value. Only the template is scanned, never
/// an inserted value, so data that looks like a slot stays as it is; an unknown name is kept.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + slots.iter().map(|s| s.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let value = after.find("}}").and_then(|close| {
            let name = &after[..close];
            slots
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// JSON that is safe inside a `<script>` element: every `<`, `>` and `&` (which can only occur
/// inside strings) and the two JavaScript line terminators become `\u` escapes.
fn script_json<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn data<'g>(sel: &Selection<'g>) -> Data<'g> {
    let node_index: BTreeMap<&str, usize> = sel
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let articles = cited_articles(sel);
    let article_index: BTreeMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut sentences = Sentences::default();
    let mut relations = Vec::with_capacity(sel.relations.len());
    let mut relation_index: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &sel.relations {
        let (Some(&s), Some(&o)) = (
            node_index.get(r.subject.id()),
            node_index.get(r.object.id()),
        ) else {
            continue;
        };
        relation_index.insert(r.id(), relations.len());
        relations.push(RelationWire {
            id: r.id(),
            s,
            o,
            p: r.predicate(),
            neg: r.relation.negated,
            sup: supports(r, &article_index, &mut sentences),
        });
    }
    Data {
        generator: "claimgraph",
        schema_version: SCHEMA_VERSION,
        nodes: sel.nodes.iter().map(|n| node(sel, *n)).collect(),
        articles: articles.into_iter().map(article).collect(),
        sentences: sentences.texts,
        conflicts: conflicts(sel, &node_index, &relation_index),
        relations,
    }
}

/// The articles that support an exported relation, in id order (the selection also keeps
/// those that only mention an entity, which the viewer never shows).
fn cited_articles<'g>(sel: &Selection<'g>) -> Vec<&'g ArticleRecord> {
    let cited: BTreeSet<&str> = sel
        .relations
        .iter()
        .flat_map(|r| r.supports().map(|s| s.article.id.as_str()))
        .collect();
    sel.articles
        .iter()
        .map(|a| &a.record)
        .filter(|r| cited.contains(r.id.as_str()))
        .collect()
}

fn supports<'g>(
    r: &RelationRef<'g>,
    article_index: &BTreeMap<&str, usize>,
    sentences: &mut Sentences<'g>,
) -> Vec<SupportWire<'g>> {
    let all: Vec<SupportRef<'g>> = r.supports().collect();
    let corroboration = r.corroborate(&all);
    let mut report_of = vec![0; all.len()];
    for (k, report) in corroboration.reports.iter().enumerate() {
        for &m in &report.members {
            if let Some(slot) = report_of.get_mut(m) {
                *slot = k;
            }
        }
    }
    all.iter()
        .zip(report_of)
        .filter_map(|(sr, rp)| {
            let a = *article_index.get(sr.article.id.as_str())?;
            let attribution = sr.attribution();
            Some(SupportWire {
                a,
                e: sentences.index(a, sr.support.sentence, sr.evidence),
                t: sr.predicate_text(),
                m: sr.support.modality.as_str(),
                c: sr.support.confidence,
                q: sr.support.quote,
                rp,
                by: attribution.map(|x| x.text.as_str()),
                verb: attribution.map(|x| x.verb.as_str()),
            })
        })
        .collect()
}

/// Evidence sentences numbered in first-use order, each (article, sentence) once.
#[derive(Default)]
struct Sentences<'g> {
    index: BTreeMap<(usize, u32), usize>,
    texts: Vec<&'g str>,
}

impl<'g> Sentences<'g> {
    fn index(&mut self, article: usize, sentence: u32, text: &'g str) -> usize {
        let next = self.texts.len();
        let idx = *self.index.entry((article, sentence)).or_insert(next);
        if idx == next {
            self.texts.push(text);
        }
        idx
    }
}

fn node<'g>(sel: &Selection<'g>, node: NodeRef<'g>) -> NodeWire<'g> {
    let mut wire = NodeWire {
        id: node_id(node.id()),
        label: node.label(),
        kind: node.kind_str(),
        aliases: None,
        mentions: None,
        articles: None,
        quantity: None,
        unit: None,
        date: None,
    };
    match node {
        NodeRef::Entity(e) => {
            let stats = sel.graph.entity_stats(&e.id);
            wire.aliases = Some(&e.aliases);
            wire.mentions = Some(stats.n_mentions);
            wire.articles = Some(stats.n_articles);
        }
        NodeRef::Value(v) => {
            wire.quantity = v.quantity.as_ref().map(|q| q.exact.as_str());
            wire.unit = v.quantity.as_ref().and_then(|q| q.unit.as_deref());
            wire.date = v.date.as_deref();
        }
    }
    wire
}

fn article(r: &ArticleRecord) -> ArticleWire<'_> {
    ArticleWire {
        id: &r.id,
        title: r.title.as_deref(),
        date: r.date.as_deref(),
        url: r.url.as_deref(),
        source: r.source.as_deref(),
    }
}

/// The graph's conflicts restricted to the exported relations (two sides or more left).
fn conflicts<'g>(
    sel: &Selection<'g>,
    node_index: &BTreeMap<&str, usize>,
    relation_index: &BTreeMap<&str, usize>,
) -> Vec<ConflictWire<'g>> {
    sel.graph
        .conflicts()
        .into_iter()
        .filter_map(|c| {
            let s = *node_index.get(c.subject.id())?;
            let sides: Vec<usize> = c
                .sides
                .iter()
                .filter_map(|side| relation_index.get(side.id()).copied())
                .collect();
            (sides.len() >= 2).then(|| ConflictWire {
                id: c.id,
                kind: c.kind.as_str(),
                s,
                p: c.predicate,
                sides,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_scans_only_the_template() {
        let out = fill("a {{x}} b {{y}} {{nope}} {{", &[("x", "{{y}}"), ("y", "2")]);
        assert_eq!(out, "a {{y}} b 2 {{nope}} {{");
    }

    #[test]
    fn script_json_escapes_markup() {
        let s = script_json(&"</script><!-- & \u{2028}\\ \"");
        assert_eq!(s, r#""\u003c/script\u003e\u003c!-- \u0026 \u2028\\ \"""#);
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}\\ \"");
    }

    #[test]
    fn assets_cannot_end_their_script_element() {
        for (name, text) in [
            ("logic.js", LOGIC_JS),
            ("view.js", VIEW_JS),
            ("layout-worker.js", WORKER_JS),
            ("cytoscape", CYTOSCAPE_JS),
        ]
        .into_iter()
        .chain(D3_JS.iter().map(|t| ("d3", *t)))
        {
            let lower = text.to_ascii_lowercase();
            for bad in ["</script", "<!--", "<script"] {
                assert!(!lower.contains(bad), "{name} contains {bad}");
            }
        }
    }
}
