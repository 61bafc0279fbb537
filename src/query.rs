//! Queries (placeholder API; being written).
use crate::gazetteer::EntityKind;
use crate::graph::KnowledgeGraph;

#[derive(Clone, Debug)]
pub enum Query {
    Entity { name: String },
    Claims { subject: Option<String>, predicate: Option<String>, object: Option<String>, source: Option<String>, since: Option<String>, until: Option<String> },
    Neighbors { name: String, depth: usize, kind: Option<EntityKind> },
    Path { from: String, to: String },
    Conflicts,
    Timeline { name: String },
    Stats,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat { Table, Json, Jsonl }

pub struct QueryResult { pub text: String, pub n_results: usize }

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("no entity matches {name:?}{}", candidates_hint(.candidates))]
    Unknown { name: String, candidates: Vec<String> },
}

fn candidates_hint(c: &[String]) -> String {
    if c.is_empty() { String::new() } else { format!("; did you mean: {}", c.join(", ")) }
}

pub fn run(_graph: &KnowledgeGraph, _query: &Query, _format: OutputFormat) -> Result<QueryResult, QueryError> {
    Ok(QueryResult { text: String::new(), n_results: 0 })
}
