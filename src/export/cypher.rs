//! Cypher, one statement per line, for Neo4j `cypher-shell`, FalkorDB and Memgraph.
//!
//! Nodes first (`MERGE` by id, then `SET` the properties), then relations (`MATCH` both ends
//! by label and id, `MERGE` the relationship by id, `SET` its properties). Labels: `Entity`
//! plus `Person`, `Place` or `Organisation`; `Value`; `Article`. Relationship types: `CLAIM`
//! (subject → object) and `MENTIONS` (article → entity). Lists of supports become parallel list
//! properties (`articles`, `claims`, `evidence`, `attributions`, `modalities`, `confidences`).
//!
//! Only the syntax these three databases share is used: no `SET n:Label`, no maps as
//! properties, no empty lists, no comments, no parameters. Every string goes through
//! [`string`], so article text cannot end a literal and inject a statement.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{article_node_id, node_id, Selection};
use crate::gazetteer::EntityKind;
use crate::graph::NodeRef;

/// A single-quoted Cypher string literal: backslash, both quotes and control characters are
/// escaped, everything else is kept as UTF-8.
pub(super) fn string(s: &str) -> String {
    let mut res = String::with_capacity(s.len() + 2);
    res.push('\'');
    for c in s.chars() {
        match c {
            '\\' => res.push_str("\\\\"),
            '\'' => res.push_str("\\'"),
            '"' => res.push_str("\\\""),
            '\n' => res.push_str("\\n"),
            '\r' => res.push_str("\\r"),
            '\t' => res.push_str("\\t"),
            c if c.is_control() => res.push(' '),
            c => res.push(c),
        }
    }
    res.push('\'');
    res
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(string).collect();
    format!("[{}]", items.join(", "))
}

fn float(v: f64) -> String {
    if v.is_finite() {
        format!("{v:?}")
    } else {
        "0.0".to_string()
    }
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Organisation => "Organisation",
    }
}

/// `(n:Label {id: '...'})` pattern for an endpoint.
fn pattern(var: &str, node: NodeRef<'_>) -> String {
    let label = match node {
        NodeRef::Entity(_) => "Entity",
        NodeRef::Value(_) => "Value",
    };
    format!("({var}:{label} {{id: {}}})", string(&node_id(node.id())))
}

pub(super) fn write(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    for node in &sel.nodes {
        match node {
            NodeRef::Entity(e) => {
                let stats = sel.graph.entity_stats(&e.id);
                let mut set = format!(
                    "n.name = {}, n.type = {}, n.n_mentions = {}, n.n_articles = {}",
                    string(&e.name),
                    string(e.kind.as_str()),
                    stats.n_mentions,
                    stats.n_articles
                );
                if !e.aliases.is_empty() {
                    let _ = write!(
                        set,
                        ", n.aliases = {}",
                        list(e.aliases.iter().map(String::as_str))
                    );
                }
                for (key, value) in &e.xref {
                    // Property names are fixed ASCII (`xref_wikidata`); odd keys are skipped.
                    if key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                        let _ = write!(set, ", n.xref_{key} = {}", string(value));
                    }
                }
                writeln!(
                    out,
                    "MERGE (n:Entity:{} {{id: {}}}) SET {set};",
                    kind_label(e.kind),
                    string(&node_id(&e.id))
                )?;
            }
            NodeRef::Value(v) => {
                let mut set = format!(
                    "n.name = {}, n.text = {}, n.type = 'value'",
                    string(&v.text),
                    string(&v.text)
                );
                if let Some(q) = &v.quantity {
                    let _ = write!(set, ", n.quantity = {}", string(&q.exact));
                    if let Some(unit) = &q.unit {
                        let _ = write!(set, ", n.unit = {}", string(unit));
                    }
                    for (name, v) in [("min", &q.min), ("max", &q.max), ("bound", &q.bound)] {
                        if let Some(v) = v {
                            let _ = write!(set, ", n.{name} = {}", string(v));
                        }
                    }
                    if q.approximate {
                        set.push_str(", n.approximate = true");
                    }
                }
                if let Some(date) = &v.date {
                    let _ = write!(set, ", n.date = {}", string(date));
                }
                writeln!(
                    out,
                    "MERGE (n:Value {{id: {}}}) SET {set};",
                    string(&node_id(&v.id))
                )?;
            }
        }
    }
    for a in &sel.articles {
        let r = &a.record;
        let mut set = format!(
            "n.article = {}, n.hash = {}, n.type = 'article'",
            string(&r.id),
            string(&r.hash)
        );
        for (key, value) in [
            ("title", &r.title),
            ("date", &r.date),
            ("url", &r.url),
            ("source", &r.source),
        ] {
            if let Some(v) = value {
                let _ = write!(set, ", n.{key} = {}", string(v));
            }
        }
        let id = article_node_id(&r.id);
        writeln!(out, "MERGE (n:Article {{id: {}}}) SET {set};", string(&id))?;
    }
    for r in &sel.relations {
        let supports: Vec<_> = r.supports().collect();
        let corroboration = r.corroborate(&supports);
        let claim_ids: Vec<_> = supports.iter().map(|s| s.claim()).collect();
        let attributions: Vec<&str> = supports
            .iter()
            .map(|s| s.attribution().map_or("", |a| a.text.as_str()))
            .collect();
        let confidences: Vec<String> = supports
            .iter()
            .map(|s| float(s.support.confidence))
            .collect();
        writeln!(
            out,
            "MATCH {}, {} MERGE (a)-[r:CLAIM {{id: {}}}]->(b) SET r.predicate = {}, r.negated = {}, r.n_supports = {}, \
             r.articles = {}, r.claims = {}, r.evidence = {}, r.attributions = {}, r.modalities = {}, r.quotes = [{}], \
             r.confidences = [{}], r.predicate_texts = {}, r.n_sources = {}, r.titles = {}, r.urls = {}, r.sources = {}, \
             r.dates = {}, r.copy_of = {};",
            pattern("a", r.subject),
            pattern("b", r.object),
            string(r.id()),
            string(r.predicate()),
            r.relation.negated,
            supports.len(),
            list(supports.iter().map(|s| s.article.id.as_str())),
            list(claim_ids.iter().map(|c| c.as_str())),
            list(supports.iter().map(|s| s.evidence)),
            list(attributions),
            list(supports.iter().map(|s| s.support.modality.as_str())),
            supports.iter().map(|s| s.support.quote.to_string()).collect::<Vec<_>>().join(", "),
            confidences.join(", "),
            list(supports.iter().map(|s| s.predicate_text())),
            corroboration.n_sources(),
            list(supports.iter().map(|s| s.article.title.as_deref().unwrap_or(""))),
            list(supports.iter().map(|s| s.article.url.as_deref().unwrap_or(""))),
            list(supports.iter().map(|s| s.article.source.as_deref().unwrap_or(""))),
            list(supports.iter().map(|s| s.article.date.as_deref().unwrap_or(""))),
            list(super::copy_of_articles(&corroboration, &supports)),
        )?;
    }
    for (article, entity, count) in &sel.mentions {
        writeln!(
            out,
            "MATCH (a:Article {{id: {}}}), (b:Entity {{id: {}}}) MERGE (a)-[r:MENTIONS]->(b) SET r.count = {count};",
            string(&article_node_id(article)),
            string(&node_id(entity))
        )?;
    }
    Ok(())
}
