//! Exports: a [`KnowledgeGraph`] (or the part of it the options select) as bytes in a wire
//! format, one file per format here (`dot`, `json` with `jsonl`, `graphml`, `cypher`, `neo4j`,
//! and `html`, the offline viewer).
//!
//! Only this module knows wire formats, and it never mutates the graph or touches the
//! filesystem: [`Export::write`] writes one file to any `io::Write`, streaming (`main.rs` gives
//! it stdout or an atomic file), and [`export`] collects the files in memory. Everything is
//! written in id order, with no timestamps or paths, so the same store gives byte-identical
//! exports. Node ids are entity ids (`place:ukraine`), value ids
//! (`value:quantity:600000:troops`) and article ids prefixed with `article:`; relation ids are
//! `r` + 16 hex digits. Every format writes a node id through one normalisation (`node_id`:
//! control characters become U+FFFD), so a node has the same id in all of them.

mod cypher;
mod dot;
mod graphml;
mod html;
mod json;
mod neo4j;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use crate::gazetteer::EntityKind;
use crate::graph::{
    ArticleNode, KnowledgeGraph, NodeRef, RelationRef, ResolveError, DEFAULT_MAX_NODES,
};

/// Version of the export schemas (node and link attributes), written into every export.
pub const SCHEMA_VERSION: u32 = 1;

/// Prefix of article node ids.
pub const ARTICLE_PREFIX: &str = "article:";

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dot,
    Json,
    Jsonl,
    Graphml,
    Cypher,
    Neo4j,
    /// The offline viewer: one self-contained HTML file.
    Html,
}

/// Which part of the graph to export.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// Keep only the neighbourhood of this entity (a name, alias or id).
    pub around: Option<String>,
    /// Depth of the neighbourhood, in relations between entities.
    pub depth: usize,
    /// Keep only relations with at least this many supports; above 1, entities without a kept
    /// relation are dropped too.
    pub min_support: usize,
    /// Keep only entities of these types (empty: all).
    pub kinds: Vec<EntityKind>,
    /// With `around`: the most nodes besides the centre (`None`:
    /// [`DEFAULT_MAX_NODES`]); relations are capped at three per node.
    pub max_nodes: Option<usize>,
}

/// One output file: a name (for `run` and `-o DIR`) and its bytes.
#[derive(Clone, Debug)]
pub struct ExportFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("--around: {0}")]
    Around(#[from] ResolveError),
}

/// The names of the files a format writes, in order (one, except for `neo4j`).
pub fn file_names(format: Format) -> &'static [&'static str] {
    match format {
        Format::Dot => &["graph.dot"],
        Format::Json => &["graph.json"],
        Format::Jsonl => &["claims.jsonl"],
        Format::Graphml => &["graph.graphml"],
        Format::Cypher => &["graph.cypher"],
        Format::Html => &["graph.html"],
        Format::Neo4j => neo4j::FILES,
    }
}

/// The selected part of a graph, ready to be written in any format. Writing streams: each
/// node and relation goes to the writer as it is formatted, so memory does not grow with the
/// size of the export.
pub struct Export<'g> {
    selection: Selection<'g>,
}

impl<'g> Export<'g> {
    /// Selects what the options ask for.
    ///
    /// # Errors
    ///
    /// When `--around` names no entity or several.
    pub fn new(graph: &'g KnowledgeGraph, options: &ExportOptions) -> Result<Self, ExportError> {
        Ok(Export {
            selection: Selection::new(graph, options)?,
        })
    }

    /// Writes the file `name` (one of [`file_names`]`(format)`) of a format to `out`.
    ///
    /// # Errors
    ///
    /// When `out` fails.
    pub fn write(&self, format: Format, name: &str, out: &mut dyn Write) -> io::Result<()> {
        let sel = &self.selection;
        match format {
            Format::Dot => dot::write(sel, out),
            Format::Json => json::write_node_link(sel, out),
            Format::Jsonl => json::write_lines(sel, out),
            Format::Graphml => graphml::write(sel, out),
            Format::Cypher => cypher::write(sel, out),
            // The viewer's data is one JSON document inside the page: built in memory.
            Format::Html => out.write_all(&html::write(sel)),
            Format::Neo4j => neo4j::write(sel, name, out),
        }
    }
}

/// Exports the selected part of the graph into memory (for tests and small graphs; the
/// command line streams with [`Export`]).
///
/// # Errors
///
/// When `--around` names no entity or several.
pub fn export(
    graph: &KnowledgeGraph,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<ExportFile>, ExportError> {
    let export = Export::new(graph, options)?;
    let mut res = Vec::new();
    for name in file_names(format) {
        let mut bytes = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = export.write(format, name, &mut bytes);
        res.push(ExportFile {
            name: (*name).to_string(),
            bytes,
        });
    }
    Ok(res)
}

/// The nodes, relations, articles and mentions an export writes, each sorted by id.
struct Selection<'g> {
    graph: &'g KnowledgeGraph,
    nodes: Vec<NodeRef<'g>>,
    relations: Vec<RelationRef<'g>>,
    articles: Vec<&'g ArticleNode>,
    /// (article id, entity id, mention count).
    mentions: Vec<(&'g str, &'g str, u32)>,
}

impl<'g> Selection<'g> {
    fn new(
        graph: &'g KnowledgeGraph,
        options: &ExportOptions,
    ) -> Result<Selection<'g>, ResolveError> {
        let around = match &options.around {
            Some(name) => Some(Around::new(graph, &graph.resolve(name)?.id, options)),
            None => None,
        };
        let keep_node = |node: NodeRef<'_>| {
            let in_reach = around.as_ref().is_none_or(|a| a.nodes.contains(node.id()));
            let kind_ok = match node {
                NodeRef::Entity(e) => options.kinds.is_empty() || options.kinds.contains(&e.kind),
                NodeRef::Value(_) => true,
            };
            in_reach && kind_ok
        };
        let mut relations: Vec<RelationRef<'g>> = graph
            .relations()
            .filter(|r| r.relation.n_supports() >= options.min_support)
            .filter(|r| keep_node(r.subject) && keep_node(r.object))
            .collect();
        if let Some(around) = &around {
            // The best-supported relations among the kept nodes, in id order again.
            relations.sort_by(|a, b| relation_rank(a).cmp(&relation_rank(b)));
            relations.truncate(around.max_relations);
            relations.sort_by(|a, b| a.id().cmp(b.id()));
        }
        let mut nodes: BTreeMap<&str, NodeRef<'g>> = BTreeMap::new();
        for r in &relations {
            nodes.insert(r.subject.id(), r.subject);
            nodes.insert(r.object.id(), r.object);
        }
        if options.min_support <= 1 {
            for e in graph.entities() {
                if keep_node(NodeRef::Entity(e)) {
                    nodes.insert(&e.id, NodeRef::Entity(e));
                }
            }
        }
        let mut supporting: BTreeSet<&str> = BTreeSet::new();
        for r in &relations {
            supporting.extend(r.supports().map(|s| s.article.id.as_str()));
        }
        let mut articles = Vec::new();
        let mut mentions = Vec::new();
        for article in graph.articles() {
            let id = article.record.id.as_str();
            let mut mentioned = false;
            for (entity, count) in graph.article_mentions(id) {
                if nodes.contains_key(entity.id.as_str()) {
                    mentions.push((id, entity.id.as_str(), count));
                    mentioned = true;
                }
            }
            if mentioned || supporting.contains(id) {
                articles.push(article);
            }
        }
        Ok(Selection {
            graph,
            nodes: nodes.into_values().collect(),
            relations,
            articles,
            mentions,
        })
    }
}

/// Entities and values within `depth` relations of `start`, expanding through entities only.
/// The nodes of `--around`: the centre and its ranked neighbours (entities first, then by
/// articles and confidence; literals are leaves), cut to `max_nodes`.
struct Around<'g> {
    nodes: BTreeSet<&'g str>,
    max_relations: usize,
}

impl<'g> Around<'g> {
    fn new(graph: &'g KnowledgeGraph, start: &str, options: &ExportOptions) -> Around<'g> {
        let max = options.max_nodes.unwrap_or(DEFAULT_MAX_NODES);
        let (found, _) = graph.ranked_neighbours(start, options.depth, None, max);
        let mut nodes: BTreeSet<&'g str> = found.iter().map(|(_, n, _)| n.id()).collect();
        if let Some(centre) = graph.node(start) {
            nodes.insert(centre.id());
        }
        Around {
            nodes,
            max_relations: max.saturating_mul(3).max(1),
        }
    }
}

/// How many nodes and relations `--around` leaves out of the neighbourhood, for a note:
/// `(nodes, relations)`; `(0, 0)` without `--around`.
///
/// # Errors
///
/// When the `--around` name is unknown or ambiguous.
pub fn around_left_out(
    graph: &KnowledgeGraph,
    options: &ExportOptions,
) -> Result<(usize, usize), ExportError> {
    let Some(name) = &options.around else {
        return Ok((0, 0));
    };
    let start = &graph.resolve(name)?.id;
    let max = options.max_nodes.unwrap_or(DEFAULT_MAX_NODES);
    let (_, nodes_left) = graph.ranked_neighbours(start, options.depth, None, max);
    let around = Around::new(graph, start, options);
    let n_relations = graph
        .relations()
        .filter(|r| r.relation.n_supports() >= options.min_support)
        .filter(|r| around.nodes.contains(r.subject.id()) && around.nodes.contains(r.object.id()))
        .count();
    Ok((nodes_left, n_relations.saturating_sub(around.max_relations)))
}

/// Relations rank by independent support (articles), then confidence, then id.
fn relation_rank<'g>(
    r: &RelationRef<'g>,
) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<u64>, &'g str) {
    (
        std::cmp::Reverse(r.relation.n_articles()),
        std::cmp::Reverse((r.relation.max_confidence() * 1e6) as u64),
        r.id(),
    )
}

/// A node id as every format writes it: each control character (newline and tab included)
/// becomes U+FFFD. Formats differ in which control characters they can carry (XML 1.0 none,
/// DOT and CSV some), and a node must have the same id in all of them; U+FFFD is legal
/// everywhere and says that something was replaced.
pub(super) fn node_id(id: &str) -> Cow<'_, str> {
    if !id.chars().any(char::is_control) {
        return Cow::Borrowed(id);
    }
    Cow::Owned(
        id.chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// The node id of an article: [`ARTICLE_PREFIX`] + its id, through [`node_id`].
pub(super) fn article_node_id(article: &str) -> String {
    format!("{ARTICLE_PREFIX}{}", node_id(article))
}

/// Text for one line of a label: control characters (newlines included) become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// At most `max` characters, with an ellipsis when cut.
fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut res: String = s.chars().take(max.saturating_sub(1)).collect();
    res.push('…');
    res
}

/// For each support, the article of the report's origin it copies ("" for an origin), for the
/// formats that keep supports as parallel lists.
pub(crate) fn copy_of_articles<'g>(
    corroboration: &crate::graph::Corroboration,
    supports: &[crate::graph::SupportRef<'g>],
) -> Vec<&'g str> {
    (0..supports.len())
        .map(|k| {
            corroboration
                .copy_of
                .get(k)
                .copied()
                .flatten()
                .and_then(|(origin, _)| supports.get(origin))
                .map_or("", |o| o.article.id.as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests;
