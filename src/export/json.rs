//! JSON exports.
//!
//! `graph.json` is node-link JSON, as read by `networkx.node_link_graph(data, edges="links")`
//! and D3: `{"directed": true, "multigraph": true, "graph": {...}, "nodes": [...], "links": [...]}`.
//!
//! * Every node has `id`, `label` (what a viewer shows), `kind` (`entity`, `value` or `article`) and `type` (`person`,
//!   `place`, `organisation`, `value`, `article`). Entities add `name`, `aliases`, `xref`,
//!   `n_mentions`, `n_articles`; values add `text` and, when known, `quantity` (exact decimal
//!   string), `unit`, the range's `min` and `max` (decimal strings), `approximate: true`, the
//!   `bound` kind, `date`; articles (id `article:` + article id) add `article`, `title`,
//!   `date`, `url`, `source`, `hash`.
//! * Every link has `source`, `target`, `key`, `label` and `kind`. A `claim` link (subject → object,
//!   key = relation id) adds `predicate`, `negated`, `n_supports`, `n_sources` (independent
//!   sources: copies of one report count once), `attributions` and `supports`: `[{article,
//!   title, url, source, date, claim, sentence, start, end, evidence, attribution, quote,
//!   modality, confidence, predicate_text, rule, agency, copy_of}]` (the article's provenance;
//!   `agency`: the news agency it credits; `copy_of`: for a copy, the article of the report's
//!   origin). A `mentions` link (article → entity, key `mentions`) adds `count`.
//!
//! `claims.jsonl` has one claim relation per line: `{id, subject: {id, name, type},
//! predicate, negated, object: {...}, n_supports, n_sources, supports: [...]}`, for jq.

use std::borrow::Cow;
use std::collections::BTreeMap;

use std::io::{self, Write};

use serde::Serialize;

use super::{article_node_id, node_id, Selection, SCHEMA_VERSION};
use crate::claim::Attribution;
use crate::graph::{ArticleNode, Id, NodeRef, RelationRef, SupportRef};

#[derive(Serialize)]
struct NodeLink<N, L> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs,
    nodes: N,
    links: L,
}

#[derive(Serialize)]
struct GraphAttrs {
    generator: &'static str,
    schema_version: u32,
}

#[derive(Serialize, Default)]
struct NodeWire<'g> {
    id: String,
    /// What a viewer shows: the entity's name, the value's text, the article's title.
    label: String,
    kind: &'static str,
    #[serde(rename = "type")]
    kind_name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<&'g [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xref: Option<&'g BTreeMap<String, String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    n_mentions: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    n_articles: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    approximate: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bound: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'g str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hash: Option<&'g str>,
}

#[derive(Serialize)]
struct LinkWire<'g> {
    source: Cow<'g, str>,
    target: Cow<'g, str>,
    key: &'g str,
    /// What a viewer shows: the predicate ("limit army", "NOT provide"), or "mentions".
    label: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    claim: Option<ClaimAttrs<'g>>,
}

#[derive(Serialize)]
struct ClaimAttrs<'g> {
    predicate: &'g str,
    negated: bool,
    n_supports: usize,
    n_sources: usize,
    attributions: Vec<&'g str>,
    supports: Vec<SupportWire<'g>>,
}

#[derive(Serialize)]
pub(super) struct SupportWire<'g> {
    article: &'g str,
    title: Option<&'g str>,
    url: Option<&'g str>,
    source: Option<&'g str>,
    date: Option<&'g str>,
    claim: Id,
    sentence: u32,
    start: u64,
    end: u64,
    evidence: &'g str,
    attribution: Option<&'g Attribution>,
    quote: bool,
    modality: &'static str,
    confidence: f64,
    predicate_text: &'g str,
    rule: &'g str,
    agency: Option<&'static str>,
    copy_of: Option<&'g str>,
}

#[derive(Serialize)]
struct EndpointWire<'g> {
    id: Cow<'g, str>,
    name: &'g str,
    #[serde(rename = "type")]
    kind_name: &'static str,
}

#[derive(Serialize)]
struct ClaimLine<'g> {
    id: &'g str,
    subject: EndpointWire<'g>,
    predicate: &'g str,
    negated: bool,
    object: EndpointWire<'g>,
    n_supports: usize,
    n_sources: usize,
    supports: Vec<SupportWire<'g>>,
}

/// A relation's supports with their provenance, and its independent sources.
pub(super) fn supports<'g>(r: &RelationRef<'g>) -> (usize, Vec<SupportWire<'g>>) {
    let all: Vec<SupportRef<'g>> = r.supports().collect();
    let corroboration = r.corroborate(&all);
    let wires = all
        .iter()
        .enumerate()
        .map(|(k, s)| SupportWire {
            article: &s.article.id,
            title: s.article.title.as_deref(),
            url: s.article.url.as_deref(),
            source: s.article.source.as_deref(),
            date: s.article.date.as_deref(),
            claim: s.claim(),
            sentence: s.support.sentence,
            start: s.start(),
            end: s.end(),
            evidence: s.evidence,
            attribution: s.attribution(),
            quote: s.support.quote,
            modality: s.support.modality.as_str(),
            confidence: s.support.confidence,
            predicate_text: s.predicate_text(),
            rule: s.rule(),
            agency: corroboration.agency.get(k).copied().flatten(),
            copy_of: corroboration
                .copy_of
                .get(k)
                .copied()
                .flatten()
                .and_then(|(origin, _)| all.get(origin).map(|o| o.article.id.as_str())),
        })
        .collect();
    (corroboration.n_sources(), wires)
}

fn endpoint(n: NodeRef<'_>) -> EndpointWire<'_> {
    EndpointWire {
        id: node_id(n.id()),
        name: n.label(),
        kind_name: n.kind_str(),
    }
}

/// A sequence serialised from an iterator made when it is written, so that a list of any
/// length goes to the writer item by item instead of being held whole.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

fn node_wire<'g>(sel: &Selection<'g>, node: NodeRef<'g>) -> NodeWire<'g> {
    match node {
        NodeRef::Entity(e) => {
            let stats = sel.graph.entity_stats(&e.id);
            NodeWire {
                id: node_id(&e.id).into_owned(),
                label: e.name.clone(),
                kind: "entity",
                kind_name: e.kind.as_str(),
                name: Some(&e.name),
                aliases: Some(&e.aliases),
                xref: Some(&e.xref),
                n_mentions: Some(stats.n_mentions),
                n_articles: Some(stats.n_articles),
                ..NodeWire::default()
            }
        }
        NodeRef::Value(v) => NodeWire {
            id: node_id(&v.id).into_owned(),
            label: v.text.clone(),
            kind: "value",
            kind_name: "value",
            text: Some(&v.text),
            quantity: v.quantity.as_ref().map(|q| q.exact.as_str()),
            unit: v.quantity.as_ref().and_then(|q| q.unit.as_deref()),
            min: v.quantity.as_ref().and_then(|q| q.min.as_deref()),
            max: v.quantity.as_ref().and_then(|q| q.max.as_deref()),
            approximate: v
                .quantity
                .as_ref()
                .and_then(|q| q.approximate.then_some(true)),
            bound: v.quantity.as_ref().and_then(|q| q.bound.as_deref()),
            date: v.date.as_deref(),
            ..NodeWire::default()
        },
    }
}

fn article_wire(a: &ArticleNode) -> NodeWire<'_> {
    let r = &a.record;
    NodeWire {
        id: article_node_id(&r.id),
        label: r.title.clone().unwrap_or_else(|| r.id.clone()),
        kind: "article",
        kind_name: "article",
        article: Some(&r.id),
        title: r.title.as_deref(),
        date: r.date.as_deref(),
        url: r.url.as_deref(),
        source: r.source.as_deref(),
        hash: Some(&r.hash),
        ..NodeWire::default()
    }
}

fn claim_link<'g>(r: &RelationRef<'g>) -> LinkWire<'g> {
    LinkWire {
        source: node_id(r.subject.id()),
        target: node_id(r.object.id()),
        key: r.id(),
        label: if r.relation.negated {
            format!("NOT {}", r.predicate())
        } else {
            r.predicate().to_string()
        },
        kind: "claim",
        count: None,
        claim: Some({
            let (n_sources, supports) = supports(r);
            ClaimAttrs {
                predicate: r.predicate(),
                negated: r.relation.negated,
                n_supports: r.relation.n_supports(),
                n_sources,
                attributions: r.attributions(),
                supports,
            }
        }),
    }
}

fn mention_link<'g>(article: &str, entity: &'g str, count: u32) -> LinkWire<'g> {
    LinkWire {
        source: Cow::Owned(article_node_id(article)),
        target: node_id(entity),
        key: "mentions",
        label: "mentions".to_string(),
        kind: "mentions",
        count: Some(count),
        claim: None,
    }
}

/// Writes `graph.json` item by item (the same bytes as pretty-printing the whole document).
pub(super) fn write_node_link(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    let nodes = || {
        let entities = sel.nodes.iter().map(|&node| node_wire(sel, node));
        entities.chain(sel.articles.iter().map(|a| article_wire(a)))
    };
    let links = || {
        let claims = sel.relations.iter().map(claim_link);
        let mentions = sel.mentions.iter();
        claims.chain(mentions.map(|&(article, entity, count)| mention_link(article, entity, count)))
    };
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphAttrs {
            generator: "claimgraph",
            schema_version: SCHEMA_VERSION,
        },
        nodes: Lazy(nodes),
        links: Lazy(links),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// Writes `claims.jsonl`, one relation at a time.
pub(super) fn write_lines(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    for r in &sel.relations {
        let (n_sources, supports) = supports(r);
        let line = ClaimLine {
            id: r.id(),
            subject: endpoint(r.subject),
            predicate: r.predicate(),
            negated: r.relation.negated,
            object: endpoint(r.object),
            n_supports: r.relation.n_supports(),
            n_sources,
            supports,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
