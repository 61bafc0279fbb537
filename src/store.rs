//! Store on disk (placeholder API; being written).
use std::path::Path;

use crate::graph::KnowledgeGraph;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

/// Default store path.
pub const DEFAULT_STORE: &str = "output/claimgraph.store";

pub fn load(_path: &Path) -> Result<KnowledgeGraph, StoreError> {
    Ok(KnowledgeGraph::new())
}

pub fn save(_graph: &KnowledgeGraph, _path: &Path) -> Result<(), StoreError> {
    Ok(())
}
