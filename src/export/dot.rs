//! Graphviz DOT, written by hand (petgraph's `Dot` is for debugging, its output may change).
//!
//! Entities and values are nodes (shape and colour by type, see [`STYLES`]); articles are not
//! drawn. Each relation is an edge labelled with its predicate (and support count, with the
//! independent sources when copies were collapsed), with a second line `per: …` naming who
//! asserts it, and a tooltip with the evidence and each support's provenance (article id,
//! date, source, title, URL). Negated
//! relations are dashed and red. A `cluster_legend` subgraph shows the node styles. Every
//! string goes through [`quote`], so any text renders as written with `dot` and `sfdp`.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{node_id, one_line, truncate, Selection, SCHEMA_VERSION};
use crate::graph::{NodeRef, RelationRef};

/// (type, shape, fill colour) per node type.
const STYLES: &[(&str, &str, &str)] = &[
    ("person", "ellipse", "#a6cee3"),
    ("place", "box", "#b2df8a"),
    ("organisation", "hexagon", "#fdbf6f"),
    ("value", "note", "#eeeeee"),
];

/// Most supports quoted in an edge tooltip, and most attributions on a label.
const TOOLTIP_SUPPORTS: usize = 5;
const LABEL_ATTRIBUTIONS: usize = 3;

/// A DOT double-quoted string whose text Graphviz shows exactly as given: quotes and
/// backslashes escaped, `&` as an entity (Graphviz decodes HTML entities in labels), newlines
/// as `\n` line breaks, other control characters as spaces.
pub(super) fn quote(s: &str) -> String {
    let mut res = String::with_capacity(s.len() + 2);
    res.push('"');
    for c in s.chars() {
        match c {
            '"' => res.push_str("\\\""),
            '\\' => res.push_str("\\\\"),
            '&' => res.push_str("&amp;"),
            '\n' => res.push_str("\\n"),
            c if c.is_control() => res.push(' '),
            c => res.push(c),
        }
    }
    res.push('"');
    res
}

fn style(kind: &str) -> (&'static str, &'static str) {
    STYLES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(("ellipse", "#ffffff"), |(_, shape, colour)| {
            (*shape, *colour)
        })
}

pub(super) fn write(sel: &Selection<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "// claimgraph knowledge graph, schema_version {SCHEMA_VERSION}"
    )?;
    out.write_all("digraph claimgraph {\n".as_bytes())?;
    out.write_all(
        "  graph [charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\", fontname=\"Helvetica\"];\n"
            .as_bytes(),
    )?;
    out.write_all(
        "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"11\"];\n".as_bytes(),
    )?;
    out.write_all("  edge [fontname=\"Helvetica\", fontsize=\"9\"];\n".as_bytes())?;
    out.write_all(
        "  subgraph cluster_legend {\n    label=\"Legend\";\n    style=\"dashed\";\n".as_bytes(),
    )?;
    for (kind, shape, colour) in STYLES {
        writeln!(
            out,
            "    {} [label={}, shape=\"{shape}\", fillcolor=\"{colour}\"];",
            quote(&format!("legend:{kind}")),
            quote(kind)
        )?;
    }
    out.write_all("  }\n".as_bytes())?;
    for node in &sel.nodes {
        write_node(out, sel, *node)?;
    }
    for r in &sel.relations {
        write_edge(out, r)?;
    }
    out.write_all(b"}\n")
}

fn write_node(out: &mut dyn Write, sel: &Selection<'_>, node: NodeRef<'_>) -> io::Result<()> {
    let (shape, colour) = style(node.kind_str());
    let tooltip = match node {
        NodeRef::Entity(e) => {
            let stats = sel.graph.entity_stats(&e.id);
            format!(
                "{} ({})\n{} mentions in {} articles",
                e.id, e.kind, stats.n_mentions, stats.n_articles
            )
        }
        NodeRef::Value(v) => v.id.clone(),
    };
    writeln!(
        out,
        "  {} [label={}, shape=\"{shape}\", fillcolor=\"{colour}\", tooltip={}];",
        quote(&node_id(node.id())),
        quote(&truncate(&one_line(node.label()), 60)),
        quote(&tooltip)
    )
}

fn write_edge(out: &mut dyn Write, r: &RelationRef<'_>) -> io::Result<()> {
    let n = r.relation.n_supports();
    let mut label = String::new();
    if r.relation.negated {
        label.push_str("NOT ");
    }
    label.push_str(&one_line(r.predicate()));
    let supports: Vec<_> = r.supports().collect();
    let n_sources = r.corroborate(&supports).n_sources();
    if n > 1 && n_sources < n {
        let _ = write!(label, " (x{n}, {n_sources} sources)");
    } else if n > 1 {
        let _ = write!(label, " (x{n})");
    }
    let per = r.attributions();
    if !per.is_empty() {
        let mut names: Vec<String> = per
            .iter()
            .take(LABEL_ATTRIBUTIONS)
            .map(|p| truncate(&one_line(p), 40))
            .collect();
        if per.len() > LABEL_ATTRIBUTIONS {
            names.push("…".to_string());
        }
        let _ = write!(label, "\nper: {}", names.join(", "));
    }
    let mut tooltip = format!(
        "{} {} {}",
        one_line(r.subject.label()),
        one_line(r.predicate()),
        one_line(r.object.label())
    );
    for s in supports.iter().take(TOOLTIP_SUPPORTS) {
        let provenance: Vec<String> = [
            Some(s.article.id.as_str()),
            s.article.date.as_deref(),
            s.article.source.as_deref(),
            s.article.title.as_deref(),
            s.article.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(|p| truncate(&one_line(p), 80))
        .collect();
        let _ = write!(
            tooltip,
            "\n[{}] {}",
            provenance.join(" · "),
            truncate(&one_line(s.evidence), 200)
        );
    }
    if n > TOOLTIP_SUPPORTS {
        let _ = write!(tooltip, "\n(+{} more)", n - TOOLTIP_SUPPORTS);
    }
    let style = if r.relation.negated {
        ", style=\"dashed\", color=\"#e31a1c\", fontcolor=\"#e31a1c\""
    } else {
        ""
    };
    writeln!(
        out,
        "  {} -> {} [id={}, label={}, tooltip={}{style}];",
        quote(&node_id(r.subject.id())),
        quote(&node_id(r.object.id())),
        quote(r.id()),
        quote(&label),
        quote(&tooltip)
    )
}
