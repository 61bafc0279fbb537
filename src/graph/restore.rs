//! Rebuilds a graph from its stable, id-sorted representation (what `store` reads back).
//!
//! The store refers to articles and nodes by their position in id order, never by a petgraph
//! index; [`Restorer`] checks every such reference, so a corrupt file gives an error, not a
//! panic or a graph with dangling edges.

use petgraph::stable_graph::NodeIndex;

use std::sync::Arc;

use super::{
    relation_key, ArticleNode, Edge, EntityNode, Evidence, Id, Interner, KnowledgeGraph, Node,
    Relation, Support, Sym, ValueNode,
};
use crate::claim::{Attribution, Modality};
use crate::pipeline::ArticleRecord;

/// A support as stored: the article is a position in the article list.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoredSupport {
    pub article: usize,
    pub claim: Id,
    pub sentence: u32,
    pub start: u64,
    pub end: u64,
    pub attribution: Option<Arc<Attribution>>,
    pub quote: bool,
    pub modality: Modality,
    pub confidence: f64,
    pub predicate_text: Sym,
    pub rule: Sym,
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
    interner: Interner,
}

/// Supports as read from a store, possibly on another thread, for
/// [`Restorer::add_relation`], which checks their articles. Building the final supports here
/// saves copying tens of millions of them once more.
#[derive(Debug, Default)]
pub struct SupportList(Vec<Support>);

impl SupportList {
    pub fn with_capacity(n: usize) -> SupportList {
        SupportList(Vec::with_capacity(n))
    }

    pub fn push(&mut self, s: RestoredSupport) {
        // Articles are the first nodes a restorer adds, so position = node index; a position
        // past `u32` becomes the invalid index, which `add_relation` rejects.
        let article = if u32::try_from(s.article).is_ok() {
            NodeIndex::new(s.article)
        } else {
            NodeIndex::end()
        };
        self.0.push(Support {
            article,
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

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Restorer {
    pub fn new() -> Restorer {
        Restorer::default()
    }

    /// The interner for the strings of supports (the graph's, once finished).
    pub fn interner(&mut self) -> &mut Interner {
        &mut self.interner
    }

    /// Adds an article with the sentences its claims quote. Articles come before entities and
    /// values: a [`SupportList`] names its articles by position, which is then the node index.
    pub fn add_article(
        &mut self,
        record: ArticleRecord,
        evidence: Evidence,
    ) -> Result<(), RestoreError> {
        if self.graph.articles.contains_key(&record.id) {
            return Err(RestoreError::Duplicate {
                what: "article",
                id: record.id,
            });
        }
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
        predicate: Sym,
        negated: bool,
        supports: SupportList,
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
        let key = relation_key(s.id(), &predicate, o.id(), negated);
        let id = Id::from_hash(b'r', key);
        if self.graph.relations.contains_key(&key) {
            return Err(RestoreError::Duplicate {
                what: "relation",
                id: id.to_string(),
            });
        }
        if supports.is_empty() {
            return Err(RestoreError::NoSupports { id: id.to_string() });
        }
        let list = supports.0;
        for s in &list {
            let at = s.article.index();
            if self.articles.get(at) != Some(&s.article) {
                return Err(RestoreError::Dangling {
                    what: "article",
                    index: at,
                    len: self.articles.len(),
                });
            }
        }
        let relation = Relation {
            id,
            key,
            predicate,
            negated,
            supports: list,
        };
        let Ok(edge) = self
            .graph
            .graph
            .try_add_edge(from, to, Edge::Relation(Box::new(relation)))
        else {
            return Err(RestoreError::Full);
        };
        self.graph.relations.insert(key, edge);
        Ok(())
    }

    /// The graph. Articles' relation lists are left to be built on the first replacement of
    /// an article (see `KnowledgeGraph::article_relations_stale`): queries never need them.
    pub fn finish(mut self) -> KnowledgeGraph {
        self.graph.interner = self.interner;
        self.graph.article_relations_stale = true;
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
