//! Rebuilds a graph from its stable, id-sorted representation (what `store` reads back).
//!
//! The store refers to articles and nodes by their position in id order, never by a petgraph
//! index; [`Restorer`] checks every such reference, so a corrupt file gives an error, not a
//! panic or a graph with dangling edges.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use super::{
    relation_key, ArticleNode, AttributionSym, ClaimRef, EntityNode, EntityStats, Evidence, Id,
    Interner, KnowledgeGraph, Node, Relation, RelationContext, Support, Sym, ValueNode,
};
use crate::claim::Modality;
use crate::pipeline::ArticleRecord;

/// A support as stored: the article is a position in the article list; strings are numbers
/// in the restorer's [`Interner`].
#[derive(Clone, Debug, PartialEq)]
pub struct RestoredSupport {
    pub article: usize,
    pub claim: RestoredClaim,
    pub sentence: u32,
    pub start: u64,
    pub end: u64,
    pub attribution: Option<AttributionSym>,
    pub quote: bool,
    pub modality: Modality,
    pub confidence: f64,
    pub predicate_text: Sym,
    pub rule: Sym,
}

/// What keeps a stored relation apart from others with its ends and predicate (see
/// [`RelationContext`]); the period is a number in the restorer's [`Interner`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RestoredContext {
    pub negated: bool,
    pub modality: Modality,
    pub period: Option<Sym>,
}

/// A claim id as read: decoding threads cannot intern, so another tool's id comes as text and
/// [`Restorer::add_relation`] interns it.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoredClaim {
    Hash(u64),
    Text(Box<str>),
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
    #[error("{what} {id:?} is out of id order")]
    Unsorted { what: &'static str, id: String },
    #[error("{0}")]
    Order(&'static str),
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
    /// The id indexes, built in bulk by `finish` (ids come sorted, which `push_id` checks).
    article_ids: Vec<(String, NodeIndex)>,
    entity_ids: Vec<(String, NodeIndex)>,
    value_ids: Vec<(String, NodeIndex)>,
    relation_keys: Vec<(u64, EdgeIndex)>,
}

/// Refuses an id that does not come after the last of a sorted id list.
fn check_next(
    ids: &[(String, NodeIndex)],
    what: &'static str,
    id: &str,
) -> Result<(), RestoreError> {
    match ids.last() {
        Some((last, _)) if last == id => Err(RestoreError::Duplicate {
            what,
            id: id.to_string(),
        }),
        Some((last, _)) if last.as_str() > id => Err(RestoreError::Unsorted {
            what,
            id: id.to_string(),
        }),
        _ => Ok(()),
    }
}

/// A relation's endpoints and key, checked against the nodes: the part of adding a relation
/// that only reads the restorer, so it can run on many threads.
#[derive(Clone, Copy, Debug)]
pub struct RelationSlot {
    from: NodeIndex,
    to: NodeIndex,
    key: u64,
}

/// Supports as read from a store, possibly on another thread, for
/// [`Restorer::add_relation`], which checks their articles. Building the final supports here
/// saves copying tens of millions of them once more.
#[derive(Debug, Default)]
pub struct SupportList {
    supports: Vec<Support>,
    /// (position, id) of supports whose claim id is text, interned when added.
    texts: Vec<(usize, Box<str>)>,
    /// The largest article position, checked once when the list is added.
    max_article: usize,
}

impl SupportList {
    pub fn with_capacity(n: usize) -> SupportList {
        SupportList {
            supports: Vec::with_capacity(n),
            texts: Vec::new(),
            max_article: 0,
        }
    }

    pub fn push(&mut self, s: RestoredSupport) {
        // Articles are the first nodes a restorer adds, so position = node index; a position
        // past `u32` becomes the invalid index, which `add_relation` rejects.
        let article = if u32::try_from(s.article).is_ok() {
            NodeIndex::new(s.article)
        } else {
            NodeIndex::end()
        };
        self.max_article = self.max_article.max(s.article);
        let claim = match s.claim {
            RestoredClaim::Hash(hash) => ClaimRef::from_hash(hash),
            RestoredClaim::Text(text) => {
                self.texts.push((self.supports.len(), text));
                ClaimRef::from_hash(0)
            }
        };
        self.supports.push(Support {
            article,
            claim,
            sentence: s.sentence,
            start: s.start,
            len: u32::try_from(s.end.saturating_sub(s.start)).unwrap_or(u32::MAX),
            attribution: s.attribution,
            quote: s.quote,
            modality: s.modality,
            confidence: s.confidence,
            predicate_text: s.predicate_text,
            rule: s.rule,
        });
    }

    pub fn len(&self) -> usize {
        self.supports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.supports.is_empty()
    }
}

impl Restorer {
    pub fn new() -> Restorer {
        Restorer::default()
    }

    /// Room for `n` more nodes.
    pub fn reserve_nodes(&mut self, n: usize) {
        self.graph.graph.reserve_nodes(n);
    }

    /// Room for `n` more edges.
    pub fn reserve_edges(&mut self, n: usize) {
        self.graph.graph.reserve_edges(n);
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
        if !self.nodes.is_empty() {
            return Err(RestoreError::Order(
                "articles must come before entities and values",
            ));
        }
        check_next(&self.article_ids, "article", &record.id)?;
        let id = record.id.clone();
        let node = Node::Article(Box::new(ArticleNode {
            record,
            evidence,
            relations: Vec::new(),
            mentions: Vec::new(),
        }));
        let idx = self
            .graph
            .graph
            .try_add_node(node)
            .map_err(|_| RestoreError::Full)?;
        // Articles are the graph's first nodes: position = node index (`SupportList` relies
        // on it).
        debug_assert_eq!(idx.index(), self.articles.len());
        self.article_ids.push((id, idx));
        self.articles.push(idx);
        Ok(())
    }

    pub fn add_entity(&mut self, entity: EntityNode) -> Result<(), RestoreError> {
        if !self.value_ids.is_empty() {
            return Err(RestoreError::Order("entities must come before values"));
        }
        check_next(&self.entity_ids, "entity", &entity.id)?;
        let id = entity.id.clone();
        let idx = self
            .graph
            .graph
            .try_add_node(Node::Entity(Box::new(entity)))
            .map_err(|_| RestoreError::Full)?;
        self.entity_ids.push((id, idx));
        self.nodes.push(idx);
        Ok(())
    }

    pub fn add_value(&mut self, value: ValueNode) -> Result<(), RestoreError> {
        check_next(&self.value_ids, "value", &value.id)?;
        let id = value.id.clone();
        let idx = self
            .graph
            .graph
            .try_add_node(Node::Value(Box::new(value)))
            .map_err(|_| RestoreError::Full)?;
        self.value_ids.push((id, idx));
        self.nodes.push(idx);
        Ok(())
    }

    /// The entities an article mentions, with their counts: `article` is a position in the
    /// article list, each node a position in the entity-then-value list.
    pub fn add_mentions(
        &mut self,
        article: usize,
        mentions: &[(usize, u32)],
    ) -> Result<(), RestoreError> {
        let from = self.article_at(article)?;
        let mut list = Vec::with_capacity(mentions.len());
        for &(node, count) in mentions {
            let to = self.node_at(node)?;
            // Nodes are the entities, then the values.
            if node >= self.entity_ids.len() {
                return Err(RestoreError::Dangling {
                    what: "mentioned entity",
                    index: node,
                    len: self.entity_ids.len(),
                });
            }
            let stats = &mut self.graph.mention_stats;
            if stats.len() <= to.index() {
                stats.resize(to.index() + 1, EntityStats::default());
            }
            stats[to.index()].n_mentions += u64::from(count);
            stats[to.index()].n_articles += 1;
            list.push((to, count));
        }
        if let Some(Node::Article(a)) = self.graph.graph.node_weight_mut(from) {
            a.mentions.extend(list);
        }
        Ok(())
    }

    /// Adds a relation; its id is recomputed from the endpoints, predicate and polarity.
    /// Relations come in id order, after all nodes.
    pub fn add_relation(
        &mut self,
        subject: usize,
        object: usize,
        predicate: Sym,
        ctx: RestoredContext,
        supports: SupportList,
    ) -> Result<(), RestoreError> {
        let slot = self.relation_slot(subject, object, predicate, ctx)?;
        self.add_relation_at(slot, predicate, ctx, supports)
    }

    /// The first half of [`Restorer::add_relation`], which only reads: resolves the endpoints
    /// and computes the relation's key.
    pub fn relation_slot(
        &self,
        subject: usize,
        object: usize,
        predicate: Sym,
        ctx: RestoredContext,
    ) -> Result<RelationSlot, RestoreError> {
        let from = self.node_at(subject)?;
        let to = self.node_at(object)?;
        let (Some(s), Some(o)) = (self.graph.node_ref(from), self.graph.node_ref(to)) else {
            return Err(RestoreError::Dangling {
                what: "node",
                index: subject,
                len: self.nodes.len(),
            });
        };
        let context = RelationContext {
            negated: ctx.negated,
            modality: ctx.modality,
            period: ctx.period.map(|p| self.interner.get(p)),
        };
        let key = relation_key(s.id(), self.interner.get(predicate), o.id(), &context);
        Ok(RelationSlot { from, to, key })
    }

    /// The second half of [`Restorer::add_relation`], for a slot from
    /// [`Restorer::relation_slot`] with the same predicate and polarity.
    pub fn add_relation_at(
        &mut self,
        slot: RelationSlot,
        predicate: Sym,
        ctx: RestoredContext,
        supports: SupportList,
    ) -> Result<(), RestoreError> {
        let RelationSlot { from, to, key } = slot;
        let id = Id::from_hash(b'r', key);
        match self.relation_keys.last() {
            Some(&(last, _)) if last == key => {
                return Err(RestoreError::Duplicate {
                    what: "relation",
                    id: id.to_string(),
                })
            }
            Some(&(last, _)) if last > key => {
                return Err(RestoreError::Unsorted {
                    what: "relation",
                    id: id.to_string(),
                })
            }
            _ => {}
        }
        if supports.is_empty() {
            return Err(RestoreError::NoSupports { id: id.to_string() });
        }
        let SupportList {
            supports: mut list,
            texts,
            max_article,
        } = supports;
        // Articles are the first nodes, so a position below their count is its node index.
        if max_article >= self.articles.len() {
            return Err(RestoreError::Dangling {
                what: "article",
                index: max_article,
                len: self.articles.len(),
            });
        }
        for (pos, text) in texts {
            // A text of the extractor's form (from a version 1 store) becomes its hash.
            let claim = self.interner.claim(&text);
            if let Some(s) = list.get_mut(pos) {
                s.claim = claim;
            }
        }
        let relation = Relation {
            id,
            key,
            predicate,
            negated: ctx.negated,
            modality: ctx.modality,
            period: ctx.period,
            supports: list,
        };
        let Ok(edge) = self.graph.graph.try_add_edge(from, to, Box::new(relation)) else {
            return Err(RestoreError::Full);
        };
        self.relation_keys.push((key, edge));
        Ok(())
    }

    /// The graph. Articles' relation lists are left to be built on the first replacement of
    /// an article (see `KnowledgeGraph::article_relations_stale`): queries never need them.
    pub fn finish(mut self) -> KnowledgeGraph {
        // Every list is sorted without duplicates (checked as it grew): bulk-built maps.
        self.graph.articles = self.article_ids.into_iter().collect();
        self.graph.entities = self.entity_ids.into_iter().collect();
        self.graph.values = self.value_ids.into_iter().collect();
        self.graph.relations = self.relation_keys.into_iter().collect();
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
