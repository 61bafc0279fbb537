//! Rebuilds a graph from its stable, id-sorted representation (what `store` reads back).
//!
//! The store refers to articles and nodes by their position in id order, never by a petgraph
//! index; [`Restorer`] checks every such reference, so a corrupt file gives an error, not a
//! panic or a graph with dangling edges.

use petgraph::stable_graph::NodeIndex;

use super::{
    relation_id, ArticleNode, Edge, EntityNode, KnowledgeGraph, Node, Relation, Support, ValueNode,
};
use crate::claim::{Attribution, Modality};
use crate::pipeline::ArticleRecord;

/// A support as stored: the article is a position in the article list.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoredSupport {
    pub article: usize,
    pub claim: String,
    pub sentence: u32,
    pub start: u64,
    pub end: u64,
    pub attribution: Option<Attribution>,
    pub quote: bool,
    pub modality: Modality,
    pub confidence: f64,
    pub predicate_text: String,
    pub rule: String,
}

/// Why a stable representation does not make a graph.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{what} {id:?} appears twice")]
    Duplicate { what: &'static str, id: String },
    #[error("{what} reference {index} is out of range ({len} known)")]
    Dangling {
        what: &'static str,
        index: usize,
        len: usize,
    },
    #[error("relation {id} has no supports")]
    NoSupports { id: String },
    #[error("the graph is full (more than 4 billion nodes or edges)")]
    Full,
}

/// Builds a graph from articles, entities, values, mentions and relations, in that order.
#[derive(Debug, Default)]
pub struct Restorer {
    graph: KnowledgeGraph,
    articles: Vec<NodeIndex>,
    nodes: Vec<NodeIndex>,
}

impl Restorer {
    pub fn new() -> Restorer {
        Restorer::default()
    }

    /// Adds an article; `evidence` is sentence index → text.
    pub fn add_article(
        &mut self,
        record: ArticleRecord,
        mut evidence: Vec<(u32, Box<str>)>,
    ) -> Result<(), RestoreError> {
        if self.graph.articles.contains_key(&record.id) {
            return Err(RestoreError::Duplicate {
                what: "article",
                id: record.id,
            });
        }
        evidence.sort_by_key(|(idx, _)| *idx);
        evidence.dedup_by_key(|(idx, _)| *idx);
        let id = record.id.clone();
        let node = Node::Article(ArticleNode {
            record,
            evidence,
            relations: Vec::new(),
        });
        let idx = self
            .graph
            .graph
            .try_add_node(node)
            .map_err(|_| RestoreError::Full)?;
        self.graph.articles.insert(id, idx);
        self.articles.push(idx);
        Ok(())
    }

    pub fn add_entity(&mut self, entity: EntityNode) -> Result<(), RestoreError> {
        if self.graph.entities.contains_key(&entity.id) {
            return Err(RestoreError::Duplicate {
                what: "entity",
                id: entity.id,
            });
        }
        let id = entity.id.clone();
        let idx = self
            .graph
            .graph
            .try_add_node(Node::Entity(entity))
            .map_err(|_| RestoreError::Full)?;
        self.graph.entities.insert(id, idx);
        self.nodes.push(idx);
        Ok(())
    }

    pub fn add_value(&mut self, value: ValueNode) -> Result<(), RestoreError> {
        if self.graph.values.contains_key(&value.id) {
            return Err(RestoreError::Duplicate {
                what: "value",
                id: value.id,
            });
        }
        let id = value.id.clone();
        let idx = self
            .graph
            .graph
            .try_add_node(Node::Value(value))
            .map_err(|_| RestoreError::Full)?;
        self.graph.values.insert(id, idx);
        self.nodes.push(idx);
        Ok(())
    }

    /// `article` is a position in the article list, `node` in the entity-then-value list.
    pub fn add_mention(
        &mut self,
        article: usize,
        node: usize,
        count: u32,
    ) -> Result<(), RestoreError> {
        let from = self.article_at(article)?;
        let to = self.node_at(node)?;
        if !matches!(self.graph.graph.node_weight(to), Some(Node::Entity(_))) {
            return Err(RestoreError::Dangling {
                what: "mentioned entity",
                index: node,
                len: self.graph.entities.len(),
            });
        }
        self.graph
            .graph
            .try_add_edge(from, to, Edge::Mentions(count))
            .map_err(|_| RestoreError::Full)?;
        Ok(())
    }

    /// Adds a relation; its id is recomputed from the endpoints, predicate and polarity.
    pub fn add_relation(
        &mut self,
        subject: usize,
        object: usize,
        predicate: String,
        negated: bool,
        supports: Vec<RestoredSupport>,
    ) -> Result<(), RestoreError> {
        let from = self.node_at(subject)?;
        let to = self.node_at(object)?;
        let (Some(s), Some(o)) = (self.graph.node_ref(from), self.graph.node_ref(to)) else {
            return Err(RestoreError::Dangling {
                what: "node",
                index: subject,
                len: self.nodes.len(),
            });
        };
        let id = relation_id(s.id(), &predicate, o.id(), negated);
        if self.graph.relations.contains_key(&id) {
            return Err(RestoreError::Duplicate {
                what: "relation",
                id,
            });
        }
        if supports.is_empty() {
            return Err(RestoreError::NoSupports { id });
        }
        let mut list = Vec::with_capacity(supports.len());
        for s in supports {
            list.push(Support {
                article: self.article_at(s.article)?,
                claim: s.claim,
                sentence: s.sentence,
                start: s.start,
                end: s.end,
                attribution: s.attribution,
                quote: s.quote,
                modality: s.modality,
                confidence: s.confidence,
                predicate_text: s.predicate_text,
                rule: s.rule,
            });
        }
        let articles: Vec<NodeIndex> = list.iter().map(|s| s.article).collect();
        let relation = Relation {
            id: id.clone(),
            predicate,
            negated,
            supports: list,
        };
        let edge = self
            .graph
            .graph
            .try_add_edge(from, to, Edge::Relation(Box::new(relation)))
            .map_err(|_| RestoreError::Full)?;
        self.graph.relations.insert(id, edge);
        for article in articles {
            if let Some(Node::Article(a)) = self.graph.graph.node_weight_mut(article) {
                if a.relations.last() != Some(&edge) {
                    a.relations.push(edge);
                }
            }
        }
        Ok(())
    }

    pub fn finish(mut self) -> KnowledgeGraph {
        for &idx in &self.articles {
            if let Some(Node::Article(a)) = self.graph.graph.node_weight_mut(idx) {
                a.relations.sort_unstable();
                a.relations.dedup();
            }
        }
        self.graph
    }

    fn article_at(&self, pos: usize) -> Result<NodeIndex, RestoreError> {
        self.articles
            .get(pos)
            .copied()
            .ok_or(RestoreError::Dangling {
                what: "article",
                index: pos,
                len: self.articles.len(),
            })
    }

    fn node_at(&self, pos: usize) -> Result<NodeIndex, RestoreError> {
        self.nodes.get(pos).copied().ok_or(RestoreError::Dangling {
            what: "node",
            index: pos,
            len: self.nodes.len(),
        })
    }
}
