//! CSV files for `neo4j-admin database import full` (see `docs/neo4j.md` for the command).
//!
//! Five files with typed headers: `entities.csv`, `values.csv`, `articles.csv` (`:ID`,
//! `:LABEL`) and `claims.csv`, `mentions.csv` (`:START_ID`, `:END_ID`, `:TYPE`). Every string
//! field is quoted with `"` doubled, and may span lines (`--multiline-fields=true`). Array
//! elements and multiple labels are joined with U+001F (`--array-delimiter=U+001F`), so
//! `:LABEL` `Entity␟Place` is two labels and `aliases` is one element per alias. U+001F inside
//! an element (a control character that text never needs) becomes a space, so no element can
//! split. The properties match the Cypher export.

use std::io::{self, Write};

use super::{article_node_id, node_id, Selection};
use crate::graph::NodeRef;

/// The array (and label) delimiter; pass `--array-delimiter=U+001F` to neo4j-admin.
pub const ARRAY_DELIMITER: char = '\u{1f}';

/// The files, in the order they are written.
pub(super) const FILES: &[&str] = &[
    "entities.csv",
    "values.csv",
    "articles.csv",
    "claims.csv",
    "mentions.csv",
];

/// A quoted CSV field holding `s` as it is.
fn field(s: &str) -> String {
    let mut res = String::with_capacity(s.len() + 2);
    res.push('"');
    for c in s.chars() {
        match c {
            '"' => res.push_str("\"\""),
            c => res.push(c),
        }
    }
    res.push('"');
    res
}

fn opt(s: Option<&str>) -> String {
    s.map(field).unwrap_or_default()
}

/// A quoted array field: the elements joined by the delimiter, each with the delimiter
/// replaced by a space.
fn array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .into_iter()
        .map(|s| s.replace(ARRAY_DELIMITER, " "))
        .collect();
    field(&items.join(&ARRAY_DELIMITER.to_string()))
}

/// An unquoted array of numbers or booleans (neo4j-admin parses them unquoted).
fn plain_array(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&ARRAY_DELIMITER.to_string())
}

fn labels(labels: &[&str]) -> String {
    array(labels.iter().copied())
}

/// Writes the file `name` (one of [`FILES`]); another name writes nothing.
pub(super) fn write(sel: &Selection<'_>, name: &str, out: &mut dyn Write) -> io::Result<()> {
    match name {
        "entities.csv" => entities(sel, out),
        "values.csv" => values(sel, out),
        "articles.csv" => articles(sel, out),
        "claims.csv" => claims(sel, out),
        "mentions.csv" => mentions(sel, out),
        _ => Ok(()),
    }
}

fn entities(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        b"id:ID,:LABEL,name,type,aliases:string[],n_mentions:long,n_articles:long,xref\n",
    )?;
    for node in &sel.nodes {
        let NodeRef::Entity(e) = node else {
            continue;
        };
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
        writeln!(
            out,
            "{},{},{},{},{aliases},{},{},{}",
            field(&node_id(&e.id)),
            labels(&["Entity", kind]),
            field(&e.name),
            field(e.kind.as_str()),
            stats.n_mentions,
            stats.n_articles,
            field(&serde_json::to_string(&e.xref).unwrap_or_default()),
        )?;
    }
    Ok(())
}

fn values(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        b"id:ID,:LABEL,name,text,type,quantity,unit,min,max,approximate:boolean,bound,date\n",
    )?;
    for node in &sel.nodes {
        let NodeRef::Value(v) = node else {
            continue;
        };
        writeln!(
            out,
            "{},{},{},{},\"value\",{},{},{},{},{},{},{}",
            field(&node_id(&v.id)),
            labels(&["Value"]),
            field(&v.text),
            field(&v.text),
            opt(v.quantity.as_ref().map(|q| q.exact.as_str())),
            opt(v.quantity.as_ref().and_then(|q| q.unit.as_deref())),
            opt(v.quantity.as_ref().and_then(|q| q.min.as_deref())),
            opt(v.quantity.as_ref().and_then(|q| q.max.as_deref())),
            opt(v
                .quantity
                .as_ref()
                .and_then(|q| q.approximate.then_some("true"))),
            opt(v.quantity.as_ref().and_then(|q| q.bound.as_deref())),
            opt(v.date.as_deref()),
        )?;
    }
    Ok(())
}

fn articles(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"id:ID,:LABEL,article,type,title,date,url,source,hash\n")?;
    for a in &sel.articles {
        let r = &a.record;
        writeln!(
            out,
            "{},{},{},\"article\",{},{},{},{},{}",
            field(&article_node_id(&r.id)),
            labels(&["Article"]),
            field(&r.id),
            opt(r.title.as_deref()),
            opt(r.date.as_deref()),
            opt(r.url.as_deref()),
            opt(r.source.as_deref()),
            field(&r.hash),
        )?;
    }
    Ok(())
}

fn claims(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        b":START_ID,:END_ID,:TYPE,id,predicate,negated:boolean,n_supports:long,articles:string[],claims:string[],\
         evidence:string[],attributions:string[],modalities:string[],quotes:boolean[],confidences:double[],predicate_texts:string[],\
         n_sources:long,titles:string[],urls:string[],sources:string[],dates:string[],copy_of:string[]\n",
    )?;
    for r in &sel.relations {
        let supports: Vec<_> = r.supports().collect();
        let corroboration = r.corroborate(&supports);
        let claim_ids: Vec<_> = supports.iter().map(|s| s.claim()).collect();
        let confidences = supports.iter().map(|s| {
            if s.support.confidence.is_finite() {
                format!("{:?}", s.support.confidence)
            } else {
                "0.0".to_string()
            }
        });
        writeln!(
            out,
            "{},{},CLAIM,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            field(&node_id(r.subject.id())),
            field(&node_id(r.object.id())),
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
            array(supports.iter().map(|s| s.support.modality.as_str())),
            plain_array(supports.iter().map(|s| s.support.quote.to_string())),
            plain_array(confidences),
            array(supports.iter().map(|s| s.predicate_text())),
            corroboration.n_sources(),
            array(
                supports
                    .iter()
                    .map(|s| s.article.title.as_deref().unwrap_or(""))
            ),
            array(
                supports
                    .iter()
                    .map(|s| s.article.url.as_deref().unwrap_or(""))
            ),
            array(
                supports
                    .iter()
                    .map(|s| s.article.source.as_deref().unwrap_or(""))
            ),
            array(
                supports
                    .iter()
                    .map(|s| s.article.date.as_deref().unwrap_or(""))
            ),
            array(super::copy_of_articles(&corroboration, &supports)),
        )?;
    }
    Ok(())
}

fn mentions(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b":START_ID,:END_ID,:TYPE,count:long\n")?;
    for (article, entity, count) in &sel.mentions {
        writeln!(
            out,
            "{},{},MENTIONS,{count}",
            field(&article_node_id(article)),
            field(&node_id(entity))
        )?;
    }
    Ok(())
}
