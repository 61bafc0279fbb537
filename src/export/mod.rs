//! Exports (placeholder API; being written).
use crate::gazetteer::EntityKind;
use crate::graph::KnowledgeGraph;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format { Dot, Json, Jsonl, Graphml, Cypher, Neo4j }

#[derive(Clone, Debug, Default)]
pub struct ExportOptions { pub around: Option<String>, pub depth: usize, pub min_support: usize, pub kinds: Vec<EntityKind> }

pub struct ExportFile { pub name: String, pub bytes: Vec<u8> }

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no entity matches {0:?}")]
    UnknownEntity(String),
}

pub fn export(_graph: &KnowledgeGraph, format: Format, _options: &ExportOptions) -> Result<Vec<ExportFile>, ExportError> {
    let name = match format { Format::Dot => "graph.dot", Format::Json => "graph.json", Format::Jsonl => "claims.jsonl", Format::Graphml => "graph.graphml", Format::Cypher => "graph.cypher", Format::Neo4j => "nodes.csv" };
    Ok(vec![ExportFile { name: name.to_string(), bytes: Vec::new() }])
}
