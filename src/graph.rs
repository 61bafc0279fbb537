//! The knowledge graph (placeholder API; being written).
use crate::gazetteer::Gazetteer;
use crate::pipeline::Bundle;

/// What ingesting one bundle did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    Added,
    Unchanged,
    Replaced,
}

#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    bundles: Vec<Bundle>,
}

impl KnowledgeGraph {
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    pub fn ingest(&mut self, bundle: Bundle, _gazetteer: Option<&Gazetteer>) -> IngestOutcome {
        self.bundles.push(bundle);
        IngestOutcome::Added
    }

    pub fn n_articles(&self) -> usize {
        self.bundles.len()
    }

    pub fn bundles(&self) -> &[Bundle] {
        &self.bundles
    }
}
