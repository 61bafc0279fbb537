//! Finding entities by name and walking out from one: the pieces `query` and `export` share
//! (the code map keeps `export` off `query`, so both take them from here). The one
//! breadth-first walk is [`KnowledgeGraph::ranked_neighbours`].

use std::collections::{BTreeMap, VecDeque};

use super::{EntityNode, KnowledgeGraph, NodeRef, RelationRef};
use crate::gazetteer::EntityKind;

/// Why a name did not resolve to one entity.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("no entity matches {name:?}{}", candidates_hint(.candidates))]
    Unknown {
        name: String,
        candidates: Vec<String>,
    },
    #[error("{name:?} matches several entities: {}; give one of the ids", .candidates.join(", "))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

fn candidates_hint(c: &[String]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}", c.join(", "))
    }
}

/// Most nodes `neighbors` and `export --around` show unless told otherwise: enough to read,
/// few enough that Graphviz `dot` lays them out in seconds.
pub const DEFAULT_MAX_NODES: usize = 60;

/// How a neighbour ranks: entities before literals, then by independent support (articles)
/// of the relation that leads there, then its best confidence, then id.
fn neighbour_rank<'g>(
    item: &(usize, NodeRef<'g>, RelationRef<'g>),
) -> (
    usize,
    bool,
    std::cmp::Reverse<usize>,
    std::cmp::Reverse<u64>,
    &'g str,
) {
    let (d, node, via) = item;
    (
        *d,
        matches!(node, NodeRef::Value(_)),
        std::cmp::Reverse(via.relation.n_articles()),
        std::cmp::Reverse((via.relation.max_confidence() * 1e6) as u64),
        node.id(),
    )
}

fn describe(e: &EntityNode) -> String {
    format!("{} ({})", e.id, e.name)
}

impl KnowledgeGraph {
    /// Resolves a name, id or alias to one entity.
    ///
    /// # Errors
    ///
    /// [`ResolveError::Unknown`] (with similar names) or [`ResolveError::Ambiguous`].
    pub fn resolve(&self, name: &str) -> Result<&EntityNode, ResolveError> {
        let found = self.find_entities(name);
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(ResolveError::Unknown {
                name: name.to_string(),
                candidates: self
                    .similar_entities(name, 5)
                    .iter()
                    .map(|e| describe(e))
                    .collect(),
            }),
            many => Err(ResolveError::Ambiguous {
                name: name.to_string(),
                candidates: many.iter().map(|e| describe(e)).collect(),
            }),
        }
    }

    /// Relation neighbours of a node, each with the relation that leads there, sorted by
    /// (neighbour id, relation id); a relation from the node to itself is left out.
    pub fn adjacent(&self, id: &str) -> Vec<(NodeRef<'_>, RelationRef<'_>)> {
        let mut res: Vec<(NodeRef<'_>, RelationRef<'_>)> = self
            .relations_of(id)
            .into_iter()
            .map(|r| {
                let other = if r.subject.id() == id {
                    r.object
                } else {
                    r.subject
                };
                (other, r)
            })
            .filter(|(other, _)| other.id() != id)
            .collect();
        res.sort_by(|a, b| (a.0.id(), a.1.id()).cmp(&(b.0.id(), b.1.id())));
        res
    }

    /// The neighbours of an entity up to `depth`, ranked (entities before literals, then by the
    /// articles and best confidence of the relation that leads there, then id) and cut to `max`.
    /// Literals are leaves: the search never goes on from one. Also the number left out.
    pub fn ranked_neighbours(
        &self,
        start: &str,
        depth: usize,
        kind: Option<EntityKind>,
        max: usize,
    ) -> (Vec<(usize, NodeRef<'_>, RelationRef<'_>)>, usize) {
        let depth = depth.max(1);
        let Some(start_node) = self.node(start) else {
            return (Vec::new(), 0);
        };
        let start = start_node.id();
        // Breadth-first, so a node is first met at its least depth; a better-ranked relation to
        // it at that depth replaces the first one.
        let mut best: BTreeMap<&str, (usize, NodeRef<'_>, RelationRef<'_>)> = BTreeMap::new();
        let mut queue: VecDeque<(&str, usize)> = VecDeque::from([(start, 0)]);
        while let Some((id, d)) = queue.pop_front() {
            for (other, via) in self.adjacent(id) {
                if other.id() == start {
                    continue;
                }
                let item = (d + 1, other, via);
                let first_time = !best.contains_key(other.id());
                let better = best
                    .get(other.id())
                    .is_some_and(|old| neighbour_rank(&item) < neighbour_rank(old));
                if first_time || better {
                    best.insert(other.id(), item);
                }
                if first_time && d + 1 < depth && matches!(other, NodeRef::Entity(_)) {
                    queue.push_back((other.id(), d + 1));
                }
            }
        }
        let mut found: Vec<(usize, NodeRef<'_>, RelationRef<'_>)> = best
            .into_values()
            .filter(|(_, node, _)| match kind {
                None => true,
                Some(kind) => node.as_entity().is_some_and(|e| e.kind == kind),
            })
            .collect();
        found.sort_by(|a, b| neighbour_rank(a).cmp(&neighbour_rank(b)));
        let left_out = found.len().saturating_sub(max);
        found.truncate(max);
        (found, left_out)
    }
}
