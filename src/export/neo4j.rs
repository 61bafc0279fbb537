//! CSV files for `neo4j-admin database import full` (see `docs/neo4j.md` for the command).
//!
//! Five files with typed headers: `entities.csv`, `values.csv`, `articles.csv` (`:ID`,
//! `:LABEL`) and `claims.csv`, `mentions.csv` (`:START_ID`, `:END_ID`, `:TYPE`). Every string
//! field is quoted with `"` doubled, and may span lines (`--multiline-fields=true`). Arrays
//! and multiple labels are separated by U+001F (`--array-delimiter=U+001F`), a control
//! character that never occurs in text we keep (it is replaced by a space), so no element can
//! split. The properties match the Cypher export.

use std::fmt::Write as _;

use super::{modality_str, Selection, ARTICLE_PREFIX};
use crate::graph::NodeRef;

/// The array (and label) delimiter; pass `--array-delimiter=U+001F` to neo4j-admin.
pub const ARRAY_DELIMITER: char = '\u{1f}';

fn field(s: &str) -> String {
    let mut res = String::with_capacity(s.len() + 2);
    res.push('"');
    for c in s.chars() {
        match c {
            '"' => res.push_str("\"\""),
            ARRAY_DELIMITER => res.push(' '),
            c => res.push(c),
        }
    }
    res.push('"');
    res
}

fn opt(s: Option<&str>) -> String {
    s.map(field).unwrap_or_default()
}

fn array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| s.replace(ARRAY_DELIMITER, " "))
        .collect();
    field(&items.join(&ARRAY_DELIMITER.to_string()))
}

fn labels(labels: &[&str]) -> String {
    field(&labels.join(&ARRAY_DELIMITER.to_string()))
}

pub(super) fn write(sel: &Selection<'_>) -> Vec<(&'static str, Vec<u8>)> {
    let mut entities = String::from(
        "id:ID,:LABEL,name,type,aliases:string[],n_mentions:long,n_articles:long,xref\n",
    );
    let mut values = String::from("id:ID,:LABEL,name,text,type,quantity,unit,date\n");
    for node in &sel.nodes {
        match node {
            NodeRef::Entity(e) => {
                let stats = sel.graph.entity_stats(&e.id);
                let kind = match e.kind {
                    crate::gazetteer::EntityKind::Person => "Person",
                    crate::gazetteer::EntityKind::Place => "Place",
                    crate::gazetteer::EntityKind::Organisation => "Organisation",
                };
                let aliases = if e.aliases.is_empty() {
                    String::new()
                } else {
                    array(e.aliases.iter().map(String::as_str))
                };
                let _ = writeln!(
                    entities,
                    "{},{},{},{},{aliases},{},{},{}",
                    field(&e.id),
                    labels(&["Entity", kind]),
                    field(&e.name),
                    field(e.kind.as_str()),
                    stats.n_mentions,
                    stats.n_articles,
                    field(&serde_json::to_string(&e.xref).unwrap_or_default()),
                );
            }
            NodeRef::Value(v) => {
                let _ = writeln!(
                    values,
                    "{},{},{},{},\"value\",{},{},{}",
                    field(&v.id),
                    labels(&["Value"]),
                    field(&v.text),
                    field(&v.text),
                    opt(v.quantity.as_ref().map(|q| q.exact.as_str())),
                    opt(v.quantity.as_ref().and_then(|q| q.unit.as_deref())),
                    opt(v.date.as_deref()),
                );
            }
        }
    }
    let mut articles = String::from("id:ID,:LABEL,article,type,title,date,url,source,hash\n");
    for a in &sel.articles {
        let r = &a.record;
        let _ = writeln!(
            articles,
            "{},{},{},\"article\",{},{},{},{},{}",
            field(&format!("{ARTICLE_PREFIX}{}", r.id)),
            labels(&["Article"]),
            field(&r.id),
            opt(r.title.as_deref()),
            opt(r.date.as_deref()),
            opt(r.url.as_deref()),
            opt(r.source.as_deref()),
            field(&r.hash),
        );
    }
    let mut claims = String::from(
        ":START_ID,:END_ID,:TYPE,id,predicate,negated:boolean,n_supports:long,articles:string[],claims:string[],\
         evidence:string[],attributions:string[],modalities:string[],quotes:boolean[],confidences:double[],predicate_texts:string[]\n",
    );
    let delimiter = ARRAY_DELIMITER.to_string();
    for r in &sel.relations {
        let supports: Vec<_> = r.supports().collect();
        let claim_ids: Vec<_> = supports.iter().map(|s| s.claim()).collect();
        let quotes: Vec<String> = supports
            .iter()
            .map(|s| s.support.quote.to_string())
            .collect();
        let confidences: Vec<String> = supports
            .iter()
            .map(|s| {
                if s.support.confidence.is_finite() {
                    format!("{:?}", s.support.confidence)
                } else {
                    "0.0".to_string()
                }
            })
            .collect();
        let _ = writeln!(
            claims,
            "{},{},CLAIM,{},{},{},{},{},{},{},{},{},{},{},{}",
            field(r.subject.id()),
            field(r.object.id()),
            field(r.id()),
            field(r.predicate()),
            r.relation.negated,
            supports.len(),
            array(supports.iter().map(|s| s.article.id.as_str())),
            array(claim_ids.iter().map(|c| c.as_str())),
            array(supports.iter().map(|s| s.evidence)),
            array(
                supports
                    .iter()
                    .map(|s| { s.attribution().map_or("", |a| a.text.as_str()) })
            ),
            array(supports.iter().map(|s| modality_str(s.support.modality))),
            // Booleans and numbers need no quoting, and neo4j-admin parses them unquoted.
            quotes.join(&delimiter),
            confidences.join(&delimiter),
            array(supports.iter().map(|s| s.predicate_text())),
        );
    }
    let mut mentions = String::from(":START_ID,:END_ID,:TYPE,count:long\n");
    for (article, entity, count) in &sel.mentions {
        let _ = writeln!(
            mentions,
            "{},{},MENTIONS,{count}",
            field(&format!("{ARTICLE_PREFIX}{article}")),
            field(entity)
        );
    }
    vec![
        ("entities.csv", entities.into_bytes()),
        ("values.csv", values.into_bytes()),
        ("articles.csv", articles.into_bytes()),
        ("claims.csv", claims.into_bytes()),
        ("mentions.csv", mentions.into_bytes()),
    ]
}
