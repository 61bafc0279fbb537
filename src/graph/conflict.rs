//! Conflicts: relations that cannot all be true, each listed with both sides.
//!
//! Relations are grouped by subject and predicate lemma. Within a group:
//!
//! * **quantity**: asserted relations whose objects are quantities in the same unit with
//!   different exact values ("limit army" 600,000 troops vs 800,000 troops);
//! * **negation**: the same subject, predicate and object, asserted and negated;
//! * **one-valued**: a predicate in [`ONE_VALUED_PREDICATES`] asserted with different
//!   non-quantity objects (two capitals, two birthplaces).
//!
//! `lead` and `head` are deliberately not one-valued: a person leads a country and a delegation
//! at once, and flagging that would bury real conflicts. Modality is not compared: an
//! obligation of 600,000 and one of 800,000 still disagree. Conflicts are computed on demand,
//! in subject-id, predicate, kind order.

use std::collections::BTreeMap;

use petgraph::stable_graph::EdgeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{KnowledgeGraph, NodeRef, RelationRef};
use crate::hash::{fnv1a64_parts, hex_id};

/// Predicate lemmas that take one object per subject (at one time).
pub const ONE_VALUED_PREDICATES: &[&str] = &[
    "be capital of",
    "have capital",
    "be born in",
    "be born on",
    "bear in",
    "born in",
    "die in",
    "die on",
    "be president of",
    "be prime minister of",
    "be ceo of",
    "be headquartered in",
    "be founded in",
    "found in",
];

/// Whether a predicate lemma takes one object per subject.
pub fn is_one_valued(predicate: &str) -> bool {
    ONE_VALUED_PREDICATES.contains(&predicate)
}

/// Why relations conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConflictKind {
    Quantity,
    Negation,
    OneValued,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Quantity => "quantity",
            ConflictKind::Negation => "negation",
            ConflictKind::OneValued => "one-valued",
        }
    }
}

/// Relations that disagree about one subject and predicate.
#[derive(Clone, Debug)]
pub struct Conflict<'g> {
    /// `x` + 16 hex digits of the kind and the relation ids.
    pub id: String,
    pub kind: ConflictKind,
    pub subject: NodeRef<'g>,
    pub predicate: &'g str,
    /// Two or more sides, sorted by object id then polarity.
    pub sides: Vec<ConflictSide<'g>>,
}

/// One side of a conflict: a relation with its supports (articles and attributions).
pub type ConflictSide<'g> = RelationRef<'g>;

impl KnowledgeGraph {
    /// Every conflict in the graph.
    pub fn conflicts(&self) -> Vec<Conflict<'_>> {
        // Group by (subject node, predicate number): integers sort fast, and the relation key
        // keeps id order inside a group. Only groups of two or more become `RelationRef`s.
        let mut keys: Vec<(u32, u32, u64, EdgeIndex)> = (&self.graph)
            .edge_references()
            .map(|e| {
                let r = e.weight();
                (
                    e.source().index() as u32,
                    r.predicate.index() as u32,
                    r.key,
                    e.id(),
                )
            })
            .collect();
        keys.sort_unstable();
        let mut groups: Vec<((&str, &str), Vec<RelationRef<'_>>)> = Vec::new();
        for group in keys.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if group.len() < 2 {
                continue;
            }
            let relations: Vec<RelationRef<'_>> = group
                .iter()
                .filter_map(|&(_, _, _, edge)| self.relation_ref(edge))
                .collect();
            if let Some(first) = relations.first() {
                groups.push(((first.subject.id(), first.predicate()), relations));
            }
        }
        groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut res = Vec::new();
        for ((_, predicate), mut relations) in groups {
            if relations.len() < 2 {
                continue;
            }
            relations.sort_by(|a, b| {
                (a.object.id(), a.relation.negated).cmp(&(b.object.id(), b.relation.negated))
            });
            quantity_conflicts(predicate, &relations, &mut res);
            negation_conflicts(predicate, &relations, &mut res);
            if is_one_valued(predicate) {
                one_valued_conflicts(predicate, &relations, &mut res);
            }
        }
        res
    }
}

fn conflict<'g>(
    kind: ConflictKind,
    predicate: &'g str,
    sides: Vec<RelationRef<'g>>,
) -> Option<Conflict<'g>> {
    let subject = sides.first()?.subject;
    let mut parts: Vec<&str> = vec![kind.as_str()];
    parts.extend(sides.iter().map(|s| s.id()));
    Some(Conflict {
        id: format!("x{}", hex_id(fnv1a64_parts(&parts))),
        kind,
        subject,
        predicate,
        sides,
    })
}

fn quantity_conflicts<'g>(
    predicate: &'g str,
    relations: &[RelationRef<'g>],
    res: &mut Vec<Conflict<'g>>,
) {
    let mut by_unit: BTreeMap<Option<&str>, Vec<RelationRef<'g>>> = BTreeMap::new();
    for r in relations.iter().filter(|r| !r.relation.negated) {
        if let NodeRef::Value(value) = r.object {
            if let Some(q) = &value.quantity {
                by_unit.entry(q.unit.as_deref()).or_default().push(*r);
            }
        }
    }
    for sides in by_unit.into_values() {
        if sides.len() >= 2 {
            res.extend(conflict(ConflictKind::Quantity, predicate, sides));
        }
    }
}

fn negation_conflicts<'g>(
    predicate: &'g str,
    relations: &[RelationRef<'g>],
    res: &mut Vec<Conflict<'g>>,
) {
    // Sorted by (object, negated): an asserted relation is directly followed by its negation.
    for pair in relations.windows(2) {
        let [pos, neg] = pair else { continue };
        if pos.object.id() == neg.object.id() && !pos.relation.negated && neg.relation.negated {
            res.extend(conflict(
                ConflictKind::Negation,
                predicate,
                vec![*pos, *neg],
            ));
        }
    }
}

fn one_valued_conflicts<'g>(
    predicate: &'g str,
    relations: &[RelationRef<'g>],
    res: &mut Vec<Conflict<'g>>,
) {
    let sides: Vec<RelationRef<'g>> = relations
        .iter()
        .filter(|r| !r.relation.negated)
        .filter(|r| !matches!(r.object, NodeRef::Value(v) if v.quantity.is_some()))
        .copied()
        .collect();
    if sides.len() >= 2 {
        res.extend(conflict(ConflictKind::OneValued, predicate, sides));
    }
}
