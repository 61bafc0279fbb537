//! GraphML, for networkx `read_graphml`, Gephi, yEd and Cytoscape.
//!
//! The node and edge attributes are those of the JSON export (see `json.rs`); GraphML has no
//! lists or maps, so `aliases`, `xref`, `attributions` and `supports` are JSON strings, and
//! `evidence` holds the first support's sentence for tools that show one text. Edge ids are
//! relation ids (`r…`) or `m:` + article id + `>` + entity id for mentions.

use std::io::{self, Write};

use super::json::supports;
use super::{article_node_id, node_id, Selection, SCHEMA_VERSION};
use crate::graph::NodeRef;

/// (id, for, attr.name, attr.type)
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_kind", "node", "kind", "string"),
    ("n_type", "node", "type", "string"),
    ("n_name", "node", "name", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_xref", "node", "xref", "string"),
    ("n_mentions", "node", "n_mentions", "long"),
    ("n_articles", "node", "n_articles", "long"),
    ("n_text", "node", "text", "string"),
    ("n_quantity", "node", "quantity", "string"),
    ("n_unit", "node", "unit", "string"),
    ("n_min", "node", "min", "string"),
    ("n_max", "node", "max", "string"),
    ("n_approximate", "node", "approximate", "boolean"),
    ("n_bound", "node", "bound", "string"),
    ("n_date", "node", "date", "string"),
    ("n_article", "node", "article", "string"),
    ("n_title", "node", "title", "string"),
    ("n_url", "node", "url", "string"),
    ("n_source", "node", "source", "string"),
    ("n_hash", "node", "hash", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_predicate", "edge", "predicate", "string"),
    ("e_negated", "edge", "negated", "boolean"),
    ("e_n_supports", "edge", "n_supports", "long"),
    ("e_n_sources", "edge", "n_sources", "long"),
    ("e_attributions", "edge", "attributions", "string"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_supports", "edge", "supports", "string"),
    ("e_count", "edge", "count", "long"),
];

/// XML text with `&<>"'` as entities, `\r` as a character reference, and the characters XML
/// 1.0 forbids (other controls, U+FFFE, U+FFFF) as U+FFFD.
fn xml(s: &str) -> String {
    let mut res = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => res.push_str("&amp;"),
            '<' => res.push_str("&lt;"),
            '>' => res.push_str("&gt;"),
            '"' => res.push_str("&quot;"),
            '\'' => res.push_str("&apos;"),
            '\r' => res.push_str("&#13;"),
            '\t' | '\n' => res.push(c),
            '\u{fffe}' | '\u{ffff}' => res.push('\u{fffd}'),
            c if c.is_control() && (c as u32) < 0x20 => res.push('\u{fffd}'),
            c => res.push(c),
        }
    }
    res
}

fn data(out: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value))
}

fn data_opt(out: &mut dyn Write, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) => data(out, key, v),
        None => Ok(()),
    }
}

pub(super) fn write(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    out.write_all("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".as_bytes())?;
    out.write_all("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n".as_bytes())?;
    writeln!(
        out,
        "  <!-- claimgraph knowledge graph, schema_version {SCHEMA_VERSION} -->"
    )?;
    for (id, target, name, kind) in KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        )?;
    }
    out.write_all("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n".as_bytes())?;
    for node in &sel.nodes {
        writeln!(out, "    <node id=\"{}\">", xml(&node_id(node.id())))?;
        match node {
            NodeRef::Entity(e) => {
                let stats = sel.graph.entity_stats(&e.id);
                data(out, "n_kind", "entity")?;
                data(out, "n_type", e.kind.as_str())?;
                data(out, "n_name", &e.name)?;
                data(
                    out,
                    "n_aliases",
                    &serde_json::to_string(&e.aliases).unwrap_or_default(),
                )?;
                data(
                    out,
                    "n_xref",
                    &serde_json::to_string(&e.xref).unwrap_or_default(),
                )?;
                data(out, "n_mentions", &stats.n_mentions.to_string())?;
                data(out, "n_articles", &stats.n_articles.to_string())?;
            }
            NodeRef::Value(v) => {
                data(out, "n_kind", "value")?;
                data(out, "n_type", "value")?;
                data(out, "n_name", &v.text)?;
                data(out, "n_text", &v.text)?;
                data_opt(
                    out,
                    "n_quantity",
                    v.quantity.as_ref().map(|q| q.exact.as_str()),
                )?;
                data_opt(
                    out,
                    "n_unit",
                    v.quantity.as_ref().and_then(|q| q.unit.as_deref()),
                )?;
                if let Some(q) = &v.quantity {
                    data_opt(out, "n_min", q.min.as_deref())?;
                    data_opt(out, "n_max", q.max.as_deref())?;
                    data_opt(out, "n_approximate", q.approximate.then_some("true"))?;
                    data_opt(out, "n_bound", q.bound.as_deref())?;
                }
                data_opt(out, "n_date", v.date.as_deref())?;
            }
        }
        out.write_all("    </node>\n".as_bytes())?;
    }
    for a in &sel.articles {
        let r = &a.record;
        writeln!(out, "    <node id=\"{}\">", xml(&article_node_id(&r.id)))?;
        data(out, "n_kind", "article")?;
        data(out, "n_type", "article")?;
        data(out, "n_name", r.title.as_deref().unwrap_or(&r.id))?;
        data(out, "n_article", &r.id)?;
        data_opt(out, "n_title", r.title.as_deref())?;
        data_opt(out, "n_date", r.date.as_deref())?;
        data_opt(out, "n_url", r.url.as_deref())?;
        data_opt(out, "n_source", r.source.as_deref())?;
        data(out, "n_hash", &r.hash)?;
        out.write_all("    </node>\n".as_bytes())?;
    }
    for r in &sel.relations {
        writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml(r.id()),
            xml(&node_id(r.subject.id())),
            xml(&node_id(r.object.id()))
        )?;
        data(out, "e_kind", "claim")?;
        data(out, "e_predicate", r.predicate())?;
        data(
            out,
            "e_negated",
            if r.relation.negated { "true" } else { "false" },
        )?;
        let (n_sources, supports) = supports(r);
        data(out, "e_n_supports", &r.relation.n_supports().to_string())?;
        data(out, "e_n_sources", &n_sources.to_string())?;
        data(
            out,
            "e_attributions",
            &serde_json::to_string(&r.attributions()).unwrap_or_default(),
        )?;
        data_opt(out, "e_evidence", r.supports().next().map(|s| s.evidence))?;
        data(
            out,
            "e_supports",
            &serde_json::to_string(&supports).unwrap_or_default(),
        )?;
        out.write_all("    </edge>\n".as_bytes())?;
    }
    for (article, entity, count) in &sel.mentions {
        writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml(&format!("m:{}>{}", node_id(article), node_id(entity))),
            xml(&article_node_id(article)),
            xml(&node_id(entity))
        )?;
        data(out, "e_kind", "mentions")?;
        data(out, "e_count", &count.to_string())?;
        out.write_all("    </edge>\n".as_bytes())?;
    }
    out.write_all(b"  </graph>\n</graphml>\n")
}
