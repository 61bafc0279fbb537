//! Rebuilding a graph from an older store (version 3 or before) in the current model.
//!
//! Older stores shared one value node per literal among every relation that used it ("they",
//! "a bill"), kept claims with bare pronoun ends, and merged supports of any modality. The
//! rebuild takes every relation apart and adds its supports again through the same path as
//! ingest ([`KnowledgeGraph::attach_relation`]): supports are grouped by modality, literal ends
//! get value nodes of their own, a generic phrase ties its relation to each article, and a
//! relation with an unresolved pronoun or empty end is dropped. Periods were not recorded
//! then and stay unknown. Entities and articles are kept as they are.

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;

use super::ingest::{End, Literal};
use super::{KnowledgeGraph, Node, RelationContext, Support, ValueNode, VALUE_PREFIX};
use crate::claim::{text_exclusion, Modality};

impl KnowledgeGraph {
    /// Rewrites relations and values in the current model (see the module docs).
    pub fn migrate_literals(&mut self) {
        let edges: Vec<_> = self.graph.edge_indices().collect();
        let mut old = Vec::with_capacity(edges.len());
        for edge in edges {
            let Some((from, to)) = self.graph.edge_endpoints(edge) else {
                continue;
            };
            if let Some(relation) = self.graph.remove_edge(edge) {
                old.push((from, to, relation));
            }
        }
        self.relations.clear();
        let values: Vec<NodeIndex> = self.values.values().copied().collect();
        let mut literals: BTreeMap<NodeIndex, ValueNode> = BTreeMap::new();
        for idx in values {
            if let Some(Node::Value(v)) = self.graph.remove_node(idx) {
                literals.insert(idx, *v);
            }
        }
        self.values.clear();
        for (from, to, relation) in old {
            let (Some(subject), Some(object)) = (end_for(from, &literals), end_for(to, &literals))
            else {
                continue;
            };
            let predicate = self.interner.get(relation.predicate).to_string();
            let mut by_group: BTreeMap<(Modality, usize), Vec<Support>> = BTreeMap::new();
            let generic = subject.is_generic() || object.is_generic();
            for s in relation.supports {
                let article = if generic { s.article.index() } else { 0 };
                by_group.entry((s.modality, article)).or_default().push(s);
            }
            for ((modality, _), supports) in by_group {
                self.reattach(
                    &subject,
                    &predicate,
                    &object,
                    relation.negated,
                    modality,
                    supports,
                );
            }
        }
        self.article_relations_stale = true;
        for article in self.articles.values().copied().collect::<Vec<_>>() {
            if let Some(Node::Article(a)) = self.graph.node_weight_mut(article) {
                a.relations.clear();
            }
        }
    }

    fn reattach(
        &mut self,
        subject: &End,
        predicate: &str,
        object: &End,
        negated: bool,
        modality: Modality,
        supports: Vec<Support>,
    ) {
        let Some(article) = supports
            .first()
            .and_then(|s| self.article_at(s.article))
            .map(|a| a.record.id.clone())
        else {
            return;
        };
        let ctx = RelationContext {
            negated,
            modality,
            period: None,
        };
        let Some(edge) =
            self.attach_relation(subject.clone(), predicate, object.clone(), &ctx, &article)
        else {
            return;
        };
        for support in supports {
            self.insert_support(edge, support);
        }
    }
}

/// The end an old node makes: an entity as it is, a value as a literal with its merge key
/// (the old id without `value:`); `None` for a pronoun, an empty head or no words.
fn end_for(idx: NodeIndex, literals: &BTreeMap<NodeIndex, ValueNode>) -> Option<End> {
    let Some(value) = literals.get(&idx) else {
        return Some(End::Entity(idx));
    };
    let key = value.id.strip_prefix(VALUE_PREFIX)?.to_string();
    let literal_only = value.quantity.is_none() && value.date.is_none();
    if key == "text:" || (literal_only && text_exclusion(&value.text).is_some()) {
        return None;
    }
    Some(End::Literal(Literal {
        key,
        text: value.text.clone(),
        quantity: value.quantity.clone(),
        date: value.date.clone(),
    }))
}
