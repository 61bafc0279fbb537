//! Merging one entity into another: what an analyst's `alias same` decision does to a loaded
//! graph (the decisions themselves are kept by the `alias` module).
//!
//! Every relation of the merged entity is taken apart and its supports added again through
//! the ingest path ([`KnowledgeGraph::attach_relation`]) with the surviving entity at that
//! end, so relation ids, literal anchors and the merging of equal claims are exactly what an
//! ingest that had linked both names to one id would give. Articles' mention lists and the
//! mention counts move to the survivor, speakers (attributions) linked to the merged entity
//! are linked to the survivor, and the merged entity's name and aliases become
//! aliases of the survivor, so every spelling still resolves. Nothing here touches the store:
//! the store keeps the tool's own links and the merge is redone on every load.

use std::collections::BTreeMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::ingest::{End, Literal};
use super::{EntityStats, KnowledgeGraph, Node, RelationContext, Support, VALUE_PREFIX};

/// Why two entities could not be merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("no entity with id {0:?} in the graph")]
    Unknown(String),
    #[error("{0:?} is merged into itself")]
    Same(String),
}

impl KnowledgeGraph {
    /// Moves everything of entity `from` onto entity `into` and removes `from`.
    ///
    /// # Errors
    ///
    /// When either id names no entity of the graph, or both are the same.
    pub fn merge_entity(&mut self, from: &str, into: &str) -> Result<(), MergeError> {
        if from == into {
            return Err(MergeError::Same(from.to_string()));
        }
        let (Some(&from_idx), Some(&into_idx)) = (self.entities.get(from), self.entities.get(into))
        else {
            let missing = if self.entities.contains_key(from) {
                into
            } else {
                from
            };
            return Err(MergeError::Unknown(missing.to_string()));
        };
        self.move_relations(from_idx, into_idx);
        self.move_mentions(from_idx, into_idx);
        let names = match self.graph.node_weight(from_idx) {
            Some(Node::Entity(e)) => {
                let mut names = vec![e.name.clone()];
                names.extend(e.aliases.iter().cloned());
                names
            }
            _ => Vec::new(),
        };
        if let Some(Node::Entity(survivor)) = self.graph.node_weight_mut(into_idx) {
            self.interner
                .relink_attributions(from, &survivor.id, &survivor.name);
            for name in names {
                if name != survivor.name && !survivor.aliases.contains(&name) {
                    survivor.aliases.push(name);
                }
            }
        }
        self.graph.remove_node(from_idx);
        self.entities.remove(from);
        Ok(())
    }

    /// Re-adds every relation of `from` with `into` in its place.
    fn move_relations(&mut self, from: NodeIndex, into: NodeIndex) {
        let edges: Vec<EdgeIndex> = self
            .graph
            .edges_directed(from, Direction::Outgoing)
            .chain(self.graph.edges_directed(from, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for edge in edges {
            let Some((subject, object)) = self.graph.edge_endpoints(edge) else {
                continue;
            };
            let Some(relation) = self.graph.remove_edge(edge) else {
                continue;
            };
            self.relations.remove(&relation.key);
            let end = |graph: &mut KnowledgeGraph, idx: NodeIndex| {
                if idx == from {
                    Some(End::Entity(into))
                } else {
                    graph.take_end(idx)
                }
            };
            let (Some(subject), Some(object)) = (end(self, subject), end(self, object)) else {
                continue;
            };
            let predicate = self.interner.get(relation.predicate).to_string();
            let period = relation.period.map(|p| self.interner.get(p).to_string());
            let ctx = RelationContext {
                negated: relation.negated,
                modality: relation.modality,
                period: period.as_deref(),
            };
            // A generic phrase ties its relation to each article, so supports regroup by it.
            let generic = subject.is_generic() || object.is_generic();
            let mut by_article: BTreeMap<NodeIndex, Vec<Support>> = BTreeMap::new();
            for s in relation.supports {
                let group = if generic { s.article } else { NodeIndex::end() };
                by_article.entry(group).or_default().push(s);
            }
            for supports in by_article.into_values() {
                self.reattach_supports(&subject, &predicate, &object, &ctx, supports);
            }
        }
        // Articles' relation lists are rebuilt when an ingest needs them; after a load they
        // are stale (and empty) already.
        if !self.article_relations_stale {
            self.article_relations_stale = true;
            for article in self.articles.values().copied().collect::<Vec<_>>() {
                if let Some(Node::Article(a)) = self.graph.node_weight_mut(article) {
                    a.relations.clear();
                }
            }
        }
    }

    fn reattach_supports(
        &mut self,
        subject: &End,
        predicate: &str,
        object: &End,
        ctx: &RelationContext,
        supports: Vec<Support>,
    ) {
        let Some(article) = supports
            .first()
            .and_then(|s| self.article_at(s.article))
            .map(|a| a.record.id.clone())
        else {
            return;
        };
        let Some(edge) =
            self.attach_relation(subject.clone(), predicate, object.clone(), ctx, &article)
        else {
            return;
        };
        for support in supports {
            self.insert_support(edge, support);
        }
    }

    /// The end a node makes when its relation is re-added: an entity stays; a value (a leaf
    /// of this relation only) is removed and comes back as a literal with a new anchor.
    fn take_end(&mut self, idx: NodeIndex) -> Option<End> {
        if !matches!(self.graph.node_weight(idx), Some(Node::Value(_))) {
            return Some(End::Entity(idx));
        }
        let Some(Node::Value(value)) = self.graph.remove_node(idx) else {
            return None;
        };
        self.values.remove(&value.id);
        let key_and_anchor = value.id.strip_prefix(VALUE_PREFIX)?;
        let key = key_and_anchor
            .rsplit_once('@')
            .map_or(key_and_anchor, |(key, _)| key);
        Some(End::Literal(Literal {
            key: key.to_string(),
            text: value.text,
            quantity: value.quantity,
            date: value.date,
        }))
    }

    /// Points articles' mentions of `from` at `into` and recounts `into`.
    fn move_mentions(&mut self, from: NodeIndex, into: NodeIndex) {
        let moved = self.mention_stats.get(from.index()).copied();
        if moved.is_none_or(|s| s.n_articles == 0) {
            return;
        }
        let mut both = 0u64;
        for article in self.articles.values().copied().collect::<Vec<_>>() {
            let Some(Node::Article(a)) = self.graph.node_weight_mut(article) else {
                continue;
            };
            let Some(pos) = a.mentions.iter().position(|&(e, _)| e == from) else {
                continue;
            };
            let (_, count) = a.mentions.remove(pos);
            match a.mentions.iter_mut().find(|(e, _)| *e == into) {
                Some((_, n)) => {
                    *n = n.saturating_add(count);
                    both += 1;
                }
                None => a.mentions.push((into, count)),
            }
        }
        let moved = moved.unwrap_or_default();
        if self.mention_stats.len() <= into.index() {
            self.mention_stats
                .resize(into.index() + 1, EntityStats::default());
        }
        if let Some(s) = self.mention_stats.get_mut(from.index()) {
            *s = EntityStats::default();
        }
        if let Some(s) = self.mention_stats.get_mut(into.index()) {
            s.n_mentions += moved.n_mentions;
            s.n_articles += moved.n_articles.saturating_sub(both);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{article, bundle, claim, mention};
    use super::*;

    /// Two articles about one person under two ids (`keep` and `other`).
    fn two_spellings(keep: &str, other: &str) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let a = format!("{keep}|Ann Keller");
        let b = format!("{other}|Anne Keller");
        g.ingest(
            bundle(
                article("k1", "h1", "2025-01-02"),
                vec![mention("k1", keep, "Ann Keller")],
                vec![
                    claim("k1", 0, &a, "open", "3 bridges"),
                    claim("k1", 1, &a, "meet", "place:oslo|Oslo"),
                ],
            ),
            None,
        );
        g.ingest(
            bundle(
                article("k2", "h2", "2025-01-03"),
                vec![
                    mention("k2", other, "Anne Keller"),
                    mention("k2", other, "Anne Keller"),
                ],
                vec![
                    claim("k2", 0, &b, "open", "3 bridges"),
                    claim("k2", 2, "the mayor", "praise", &b),
                ],
            ),
            None,
        );
        g
    }

    fn summary(g: &KnowledgeGraph) -> Vec<String> {
        let mut res: Vec<String> = g
            .relations()
            .map(|r| {
                format!(
                    "{} {} {} {} x{}",
                    r.id(),
                    r.subject.id(),
                    r.predicate(),
                    r.object.id(),
                    r.relation.n_supports()
                )
            })
            .collect();
        res.extend(g.values().map(|v| v.id.clone()));
        res
    }

    #[test]
    fn a_merge_gives_the_graph_of_one_id_from_the_start() {
        let mut merged = two_spellings("person:ann-keller", "person:anne-keller");
        merged
            .merge_entity("person:anne-keller", "person:ann-keller")
            .unwrap();
        let one = two_spellings("person:ann-keller", "person:ann-keller");
        assert_eq!(summary(&merged), summary(&one));
        // The two articles' equal claims are now one relation with two supports.
        assert!(summary(&merged).iter().any(|l| {
            l.contains(" person:ann-keller open value:quantity:3:bridges@") && l.ends_with(" x2")
        }));
        assert_eq!(
            merged.entity_stats("person:ann-keller"),
            EntityStats {
                n_mentions: 3,
                n_articles: 2
            }
        );
        assert!(merged.entity("person:anne-keller").is_none());
        let keller = merged.entity("person:ann-keller").unwrap();
        assert_eq!(keller.aliases, vec!["Anne Keller".to_string()]);
        assert_eq!(
            merged.resolve("Anne Keller").map(|e| e.id.as_str()).ok(),
            Some("person:ann-keller")
        );
    }

    #[test]
    fn merging_an_unknown_or_the_same_id_is_an_error() {
        let mut g = two_spellings("person:ann-keller", "person:anne-keller");
        assert_eq!(
            g.merge_entity("person:nobody", "person:ann-keller"),
            Err(MergeError::Unknown("person:nobody".into()))
        );
        assert_eq!(
            g.merge_entity("person:ann-keller", "person:ann-keller"),
            Err(MergeError::Same("person:ann-keller".into()))
        );
    }
}
