//! Challenges: graph relations that a claim kept out of the graph contradicts.
//!
//! A conflict ([`super::conflict`]) pairs two graph relations. Some disagreements have one
//! side that the graph keeps out on purpose: an allegation ("X alleged that she was born in
//! A") scores low because it is what someone claims, not what the article asserts, yet an
//! analyst wants to see it beside the graph's "born in B". A **challenge** pairs a graph
//! relation with such a claim, read from a claims file (`claims` output) at query time; the
//! store does not keep claims out of the graph.
//!
//! To stay precise, the claim must:
//!
//! * be kept out of the graph only for its score ([`GraphExclusion::LowConfidence`]), never
//!   for an unresolved end, an unread clause or an unresolved attribution;
//! * be attributed to a named voice linked to an entity other than its subject;
//! * be asserted or hedged and not negated, about a linked subject that the graph holds (a
//!   person known by more than one word for birth and death), with a predicate whose object
//!   never changes ([`TIMELESS_PREDICATES`]: birth, death, founding);
//! * name a different object of the same kind: another entity of the graph object's kind
//!   (not one inside the other, "Honolulu, Hawaii"), or a date that is not inside the other.
//!
//! The graph side must be asserted (or hedged) and not negated, with a support from another
//! article, or from another sentence and voice of the claim's own article, whose subject's
//! identity is not in doubt. Both sentences must be at most [`MAX_EVIDENCE_WORDS`] long.

use petgraph::visit::EdgeRef;

use super::conflict::{modality_class, name_in_doubt, MAX_EVIDENCE_WORDS};
use super::{EntityNode, KnowledgeGraph, NodeRef, RelationRef, TIMELESS_PREDICATES};
use crate::claim::{graph_exclusion, Claim, GraphExclusion};
use crate::gazetteer::EntityKind;
use crate::hash::{fnv1a64_parts, hex_id};

/// A graph relation and a claim kept out of the graph that says otherwise.
#[derive(Clone, Debug)]
pub struct Challenge<'g, 'c> {
    /// `y` + 16 hex digits of the relation id and the claim id.
    pub id: String,
    pub subject: &'g EntityNode,
    /// The graph's side.
    pub relation: RelationRef<'g>,
    /// The side kept out of the graph.
    pub claim: &'c Claim,
}

impl KnowledgeGraph {
    /// The graph relations that the given claims contradict (see the module docs), by id.
    pub fn challenges<'g, 'c>(&'g self, claims: &'c [Claim]) -> Vec<Challenge<'g, 'c>> {
        let mut res = Vec::new();
        for claim in claims.iter().filter(|c| self.may_challenge(c)) {
            let Some(subject_id) = claim.subject.entity.as_deref() else {
                continue;
            };
            let (Some(&idx), Some(subject)) =
                (self.entities.get(subject_id), self.entity(subject_id))
            else {
                continue;
            };
            let personal = ["born", "bear", "die"]
                .iter()
                .any(|w| claim.predicate.lemma.split_whitespace().any(|p| p == *w));
            if personal && (subject.kind != EntityKind::Person || !subject.name.contains(' ')) {
                continue;
            }
            if name_in_doubt(subject, &claim.evidence) {
                continue;
            }
            for edge in self
                .graph
                .edges_directed(idx, petgraph::Direction::Outgoing)
            {
                let Some(r) = self.relation_ref(edge.id()) else {
                    continue;
                };
                if r.predicate() == claim.predicate.lemma && contradicts(&r, claim, subject) {
                    let id = fnv1a64_parts(&["challenge", r.id(), &claim.id]);
                    res.push(Challenge {
                        id: format!("y{}", hex_id(id)),
                        subject,
                        relation: r,
                        claim,
                    });
                }
            }
        }
        res.sort_by(|a, b| a.id.cmp(&b.id));
        res.dedup_by(|a, b| a.id == b.id);
        res
    }

    /// Whether a claim may challenge the graph: kept out for its score only, attributed to a
    /// linked voice other than its subject, asserted, about a timeless one-valued fact.
    fn may_challenge(&self, claim: &Claim) -> bool {
        let voiced = claim.attribution.as_ref().is_some_and(|a| {
            a.entity.is_some() && a.entity.as_deref() != claim.subject.entity.as_deref()
        });
        graph_exclusion(claim, self.min_confidence()) == Some(GraphExclusion::LowConfidence)
            && voiced
            && !claim.negated
            && modality_class(claim.modality) == 0
            && TIMELESS_PREDICATES.contains(&claim.predicate.lemma.as_str())
            && claim.evidence.split_whitespace().count() <= MAX_EVIDENCE_WORDS
    }
}

/// Whether a graph relation of the claim's subject and predicate says otherwise, from a
/// sentence the claim does not share and a subject whose identity is not in doubt.
fn contradicts(r: &RelationRef<'_>, claim: &Claim, subject: &EntityNode) -> bool {
    if r.relation.negated || modality_class(r.relation.modality) != 0 {
        return false;
    }
    let other_object = match r.object {
        NodeRef::Entity(e) => claim.object.entity.as_deref().is_some_and(|id| {
            let name = claim.object.name.as_deref().unwrap_or(&claim.object.text);
            let nested = |text: &str| {
                text.contains(&format!("{}, {name}", e.name))
                    || text.contains(&format!("{name}, {}", e.name))
            };
            id != e.id
                && claim.object.kind.map(EntityKind::from) == Some(e.kind)
                && !nested(&claim.evidence)
                && !r.supports().any(|s| nested(s.evidence))
        }),
        NodeRef::Value(v) => match (v.date.as_deref(), claim.object.date.as_deref()) {
            (Some(a), Some(b)) if v.quantity.is_none() && claim.object.quantity.is_none() => {
                !(a.starts_with(b) || b.starts_with(a))
            }
            _ => false,
        },
    };
    let voice = claim.attribution.as_ref().map(|a| a.text.to_lowercase());
    other_object
        && r.supports().any(|s| {
            let apart = s.article.id != claim.article
                || (s.support.sentence as usize != claim.sentence
                    && s.attribution().map(|a| a.text.to_lowercase()) != voice);
            apart
                && !name_in_doubt(subject, s.evidence)
                && s.evidence.split_whitespace().count() <= MAX_EVIDENCE_WORDS
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Attribution, Modality};
    use crate::graph::testutil::{article, bundle, claim, mention};

    const ADA: &str = "person:ada-brennick|Ada Brennick";

    /// A graph that holds "Ada Brennick was born in Lisbon" (article g1).
    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        g.ingest(
            bundle(
                article("g1", "h1", "2024-03-01"),
                vec![mention("g1", "person:ada-brennick", "Ada Brennick")],
                vec![claim("g1", 0, ADA, "be born in", "place:lisbon|Lisbon")],
            ),
            None,
        );
        g.ingest(
            bundle(article("g2", "h2", "2024-05-01"), Vec::new(), Vec::new()),
            None,
        );
        g
    }

    /// An allegation of another birthplace by a named voice, scored under the threshold.
    fn alleged(object: &str) -> Claim {
        let mut c = claim("g2", 3, ADA, "be born in", object);
        c.modality = Modality::Hedged;
        c.confidence = 0.3;
        c.attribution = Some(Attribution {
            text: "campaigner Tomas Vell".into(),
            entity: Some("person:tomas-vell".into()),
            name: Some("Tomas Vell".into()),
            kind: None,
            verb: "allege".into(),
        });
        c
    }

    #[test]
    fn an_allegation_by_a_named_voice_challenges_the_graph() {
        let g = graph();
        let held = vec![alleged("place:porto|Porto")];
        let found = g.challenges(&held);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].subject.name, "Ada Brennick");
        assert_eq!(found[0].relation.object.label(), "Lisbon");
        assert_eq!(found[0].claim.object.text, "Porto");
        assert!(found[0].id.starts_with('y'));
    }

    #[test]
    fn claims_that_do_not_qualify_challenge_nothing() {
        let g = graph();
        let mut unlinked = alleged("place:porto|Porto");
        if let Some(a) = unlinked.attribution.as_mut() {
            a.entity = None;
        }
        let mut unread = alleged("place:porto|Porto");
        unread.graph_reason = Some("unread-by-tree".into());
        let mut in_graph = alleged("place:porto|Porto");
        in_graph.confidence = 0.9;
        let mut planned = alleged("place:porto|Porto");
        planned.modality = Modality::Future;
        let mut office = alleged("place:porto|Porto");
        office.predicate.lemma = "be president of".into();
        let mut nested = alleged("place:portugal|Portugal");
        nested.evidence = "He says she was born in Lisbon, Portugal.".into();
        let same = alleged("place:lisbon|Lisbon");
        let mut same_sentence = alleged("place:porto|Porto");
        same_sentence.article = "g1".into();
        same_sentence.sentence = 0;
        for c in [
            unlinked,
            unread,
            in_graph,
            planned,
            office,
            nested,
            same,
            same_sentence,
        ] {
            assert!(g.challenges(std::slice::from_ref(&c)).is_empty(), "{c:?}");
        }
    }

    #[test]
    fn a_person_known_by_one_word_is_not_challenged() {
        let mut g = KnowledgeGraph::new();
        let one = "person:brennick|Brennick";
        g.ingest(
            bundle(
                article("g1", "h1", "2024-03-01"),
                Vec::new(),
                vec![claim("g1", 0, one, "be born in", "place:lisbon|Lisbon")],
            ),
            None,
        );
        let mut c = alleged("place:porto|Porto");
        c.subject = crate::graph::testutil::arg(one);
        assert!(g.challenges(&[c]).is_empty());
    }
}
