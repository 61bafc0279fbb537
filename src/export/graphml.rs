//! GraphML, for networkx `read_graphml`, Gephi, yEd and Cytoscape.
//!
//! The node and edge attributes are those of the JSON export (see `json.rs`); GraphML has no
//! lists or maps, so `aliases`, `xref`, `attributions` and `supports` are JSON strings, and
//! `evidence` holds the first support's sentence for tools that show one text. Edge ids are
//! relation ids (`r…`) or `m:` + article id + `>` + entity id for mentions.

use std::fmt::Write as _;

use super::json::supports;
use super::{Selection, ARTICLE_PREFIX, SCHEMA_VERSION};
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

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
}

fn data_opt(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        data(out, key, v);
    }
}

pub(super) fn write(sel: &Selection<'_>) -> Vec<u8> {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let _ = writeln!(
        out,
        "  <!-- claimgraph knowledge graph, schema_version {SCHEMA_VERSION} -->"
    );
    for (id, target, name, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n");
    for node in &sel.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(node.id()));
        match node {
            NodeRef::Entity(e) => {
                let stats = sel.graph.entity_stats(&e.id);
                data(&mut out, "n_kind", "entity");
                data(&mut out, "n_type", e.kind.as_str());
                data(&mut out, "n_name", &e.name);
                data(
                    &mut out,
                    "n_aliases",
                    &serde_json::to_string(&e.aliases).unwrap_or_default(),
                );
                data(
                    &mut out,
                    "n_xref",
                    &serde_json::to_string(&e.xref).unwrap_or_default(),
                );
                data(&mut out, "n_mentions", &stats.n_mentions.to_string());
                data(&mut out, "n_articles", &stats.n_articles.to_string());
            }
            NodeRef::Value(v) => {
                data(&mut out, "n_kind", "value");
                data(&mut out, "n_type", "value");
                data(&mut out, "n_name", &v.text);
                data(&mut out, "n_text", &v.text);
                data_opt(
                    &mut out,
                    "n_quantity",
                    v.quantity.as_ref().map(|q| q.exact.as_str()),
                );
                data_opt(
                    &mut out,
                    "n_unit",
                    v.quantity.as_ref().and_then(|q| q.unit.as_deref()),
                );
                data_opt(&mut out, "n_date", v.date.as_deref());
            }
        }
        out.push_str("    </node>\n");
    }
    for a in &sel.articles {
        let r = &a.record;
        let _ = writeln!(
            out,
            "    <node id=\"{}\">",
            xml(&format!("{ARTICLE_PREFIX}{}", r.id))
        );
        data(&mut out, "n_kind", "article");
        data(&mut out, "n_type", "article");
        data(&mut out, "n_name", r.title.as_deref().unwrap_or(&r.id));
        data(&mut out, "n_article", &r.id);
        data_opt(&mut out, "n_title", r.title.as_deref());
        data_opt(&mut out, "n_date", r.date.as_deref());
        data_opt(&mut out, "n_url", r.url.as_deref());
        data_opt(&mut out, "n_source", r.source.as_deref());
        data(&mut out, "n_hash", &r.hash);
        out.push_str("    </node>\n");
    }
    for r in &sel.relations {
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml(r.id()),
            xml(r.subject.id()),
            xml(r.object.id())
        );
        data(&mut out, "e_kind", "claim");
        data(&mut out, "e_predicate", r.predicate());
        data(
            &mut out,
            "e_negated",
            if r.relation.negated { "true" } else { "false" },
        );
        data(
            &mut out,
            "e_n_supports",
            &r.relation.n_supports().to_string(),
        );
        data(
            &mut out,
            "e_attributions",
            &serde_json::to_string(&r.attributions()).unwrap_or_default(),
        );
        data_opt(
            &mut out,
            "e_evidence",
            r.supports().next().map(|s| s.evidence),
        );
        data(
            &mut out,
            "e_supports",
            &serde_json::to_string(&supports(r)).unwrap_or_default(),
        );
        out.push_str("    </edge>\n");
    }
    for (article, entity, count) in &sel.mentions {
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            xml(&format!("m:{article}>{entity}")),
            xml(&format!("{ARTICLE_PREFIX}{article}")),
            xml(entity)
        );
        data(&mut out, "e_kind", "mentions");
        data(&mut out, "e_count", &count.to_string());
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out.into_bytes()
}
