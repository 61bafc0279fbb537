//! Analysts' alias decisions: "these two names are one entity" (`same`) and "these are not"
//! (`different`), kept in a RON file beside the store (`STORE.aliases.ron`), numbered so that
//! `alias undo N` can take one back.
//!
//! The store always keeps the tool's own links; decisions are applied on top, every time:
//!
//! * `same KEEP OTHER` merges entity OTHER into entity KEEP on every load of the store (query,
//!   export, the exports of `run`) through [`KnowledgeGraph::merge_entity`]; KEEP keeps its id
//!   and OTHER's names become its aliases. A re-ingest cannot undo it, and `undo` can, because
//!   the store never holds the merged form.
//! * `different A B` between two entities forbids a later `same` of them and takes the pair
//!   off `query review`.
//! * `different NAME ENTITY` where the tool linked the spelling NAME to ENTITY splits that
//!   link: at ingest, in an article where every mention of ENTITY is written NAME (a bare
//!   surname, an alias), everything the article links to ENTITY (mentions, claim arguments,
//!   speakers, pronouns resolved to it) gets an entity of its own: ENTITY's type prefix and
//!   NAME's slug (`person:keller`), as for a cue-found person. An article that also names
//!   ENTITY otherwise keeps the link (its bare NAME most likely means ENTITY). The
//!   store does not keep mentions' spellings, so the split reaches the articles already
//!   stored when they are ingested again: an article a split touches gets a different
//!   version hash ([`Decisions::apply_to_bundle`]), so its re-ingest replaces it, and after
//!   `undo` another re-ingest restores the tool's link.
//!
//! This module is sans-IO: it parses and renders the file's text; `main.rs` reads and writes
//! it (atomically, under the store's writer lock).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::graph::{EntityNode, KnowledgeGraph};
use crate::hash::{fnv1a64_parts, hex_id};
use crate::pipeline::Bundle;
use crate::tagger::{fold_name, slug};

/// The decisions file of a store: `NAME.aliases.ron` beside it.
pub fn decisions_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".aliases.ron");
    store.with_file_name(name)
}

/// `same` or `different`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Same,
    Different,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Different => "different",
        }
    }
}

/// One decision as the file holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Its number, for `alias undo N`; never reused while the decision is in the file.
    pub n: u32,
    pub verdict: Verdict,
    /// The two names as the analyst typed them.
    pub names: (String, String),
    /// The entity ids they resolved to. For `same`: (kept, merged into it). For a split:
    /// (the new entity, the entity the spelling was wrongly linked to).
    pub ids: (String, String),
    /// Set on a `different` that splits a spelling off an entity.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
}

/// The file's content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decisions {
    pub decisions: Vec<Decision>,
}

/// A decisions file that cannot be read, or a decision that cannot be taken.
#[derive(Debug, thiserror::Error)]
pub enum AliasError {
    #[error("{path}:{line}:{col}: {message}; fix the file or remove the decision")]
    Parse {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{path}: decision {n} appears twice; give each decision its own number")]
    DuplicateNumber { path: String, n: u32 },
    #[error("no decision {n}; `claimgraph alias list` shows the numbers")]
    NoDecision { n: u32 },
    #[error("decision {n} says {a} and {b} are different; `claimgraph alias undo {n}` first")]
    Contradicts { n: u32, a: String, b: String },
    #[error("{name:?} is the own name of {id}; give the spelling that was linked wrongly first")]
    OwnName { name: String, id: String },
    #[error("decision {n} merged {name:?} into {id}; `claimgraph alias undo {n}` takes it back")]
    MergedByDecision { n: u32, name: String, id: String },
}

/// What [`Decisions::decide`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new decision with this number.
    Recorded(u32),
    /// Both names already are one entity (for `same`) or two (a repeated `different`).
    AlreadySo,
}

impl Decisions {
    /// Parses the file's text; `path` names it in errors (`path:line:col`).
    ///
    /// # Errors
    ///
    /// RON that does not parse or does not fit the schema, or a number used twice.
    pub fn parse(path: &str, text: &str) -> Result<Decisions, AliasError> {
        let res: Decisions = ron::from_str(text).map_err(|err| AliasError::Parse {
            path: path.to_string(),
            line: err.position.line,
            col: err.position.col,
            message: err.code.to_string(),
        })?;
        let mut seen = std::collections::BTreeSet::new();
        for d in &res.decisions {
            if !seen.insert(d.n) {
                return Err(AliasError::DuplicateNumber {
                    path: path.to_string(),
                    n: d.n,
                });
            }
        }
        Ok(res)
    }

    /// The file's text: a comment saying what it is, then one decision per line.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "// claimgraph alias decisions (claimgraph alias same|different|list|undo).\n\
             // same: ids.1 is merged into ids.0; different: never merged (split: the spelling\n\
             // names.0 linked to ids.1 becomes the entity ids.0 at ingest).\n(\n    decisions: [\n",
        );
        // One decision per line, strings written by ron itself (escapes kept exact).
        let text = |s: &str| ron::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
        for d in &self.decisions {
            out.push_str(&format!(
                "        (n: {}, verdict: {}, names: ({}, {}), ids: ({}, {}){}),\n",
                d.n,
                d.verdict.as_str(),
                text(&d.names.0),
                text(&d.names.1),
                text(&d.ids.0),
                text(&d.ids.1),
                if d.split { ", split: true" } else { "" },
            ));
        }
        out.push_str("    ],\n)\n");
        out
    }

    fn next_number(&self) -> u32 {
        self.decisions.iter().map(|d| d.n).max().unwrap_or(0) + 1
    }

    /// Removes decision `n`.
    ///
    /// # Errors
    ///
    /// When there is no such decision.
    pub fn undo(&mut self, n: u32) -> Result<Decision, AliasError> {
        let Some(pos) = self.decisions.iter().position(|d| d.n == n) else {
            return Err(AliasError::NoDecision { n });
        };
        Ok(self.decisions.remove(pos))
    }

    /// Records that `a` and `b` (names resolved in `graph`, with the decisions applied, to the
    /// entities `ea` and `eb`) are the same entity or different ones.
    ///
    /// # Errors
    ///
    /// A `same` that an earlier `different` forbids, a split of an entity's own name, or a
    /// split of a link that a `same` made (undo that instead).
    pub fn decide(
        &mut self,
        verdict: Verdict,
        names: (&str, &str),
        ea: &EntityNode,
        eb: &EntityNode,
    ) -> Result<Outcome, AliasError> {
        let (a, b) = names;
        let ids = (ea.id.clone(), eb.id.clone());
        let split = verdict == Verdict::Different && ea.id == eb.id;
        if verdict == Verdict::Same {
            if ea.id == eb.id {
                return Ok(Outcome::AlreadySo);
            }
            if let Some(d) = self.different(&ea.id, &eb.id) {
                return Err(AliasError::Contradicts {
                    n: d.n,
                    a: ea.id.clone(),
                    b: eb.id.clone(),
                });
            }
        }
        let ids = if split {
            self.check_split(a, ea)?;
            (self.split_id(a, ea), ea.id.clone())
        } else {
            ids
        };
        let exists = self.decisions.iter().any(|d| {
            d.verdict == verdict
                && (d.ids == ids || (!split && d.ids == (ids.1.clone(), ids.0.clone())))
        });
        if exists {
            return Ok(Outcome::AlreadySo);
        }
        let n = self.next_number();
        self.decisions.push(Decision {
            n,
            verdict,
            names: (a.to_string(), b.to_string()),
            ids,
            split,
        });
        Ok(Outcome::Recorded(n))
    }

    /// The `different` decision between two entities, if any.
    pub fn different(&self, a: &str, b: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| {
            d.verdict == Verdict::Different
                && !d.split
                && ((d.ids.0 == a && d.ids.1 == b) || (d.ids.0 == b && d.ids.1 == a))
        })
    }

    /// The pairs of entity ids analysts called different (not the splits), for `query review`.
    pub fn different_pairs(&self) -> Vec<(String, String)> {
        self.decisions
            .iter()
            .filter(|d| d.verdict == Verdict::Different && !d.split)
            .map(|d| d.ids.clone())
            .collect()
    }

    fn check_split(&self, name: &str, e: &EntityNode) -> Result<(), AliasError> {
        let folded = fold_name(name);
        if fold_name(&e.name) == folded || e.id == name {
            return Err(AliasError::OwnName {
                name: name.to_string(),
                id: e.id.clone(),
            });
        }
        let merged = self.decisions.iter().find(|d| {
            d.verdict == Verdict::Same
                && d.ids.0 == e.id
                && (fold_name(&d.names.1) == folded || d.ids.1 == name)
        });
        if let Some(d) = merged {
            return Err(AliasError::MergedByDecision {
                n: d.n,
                name: name.to_string(),
                id: e.id.clone(),
            });
        }
        Ok(())
    }

    /// The id a spelling split off `e` gets: `e`'s type prefix and the spelling's slug.
    fn split_id(&self, name: &str, e: &EntityNode) -> String {
        let prefix = e.id.split_once(':').map_or("person", |(p, _)| p);
        let id = format!("{prefix}:{}", slug(name));
        if id == e.id {
            format!("{id}-other")
        } else {
            id
        }
    }

    /// Applies the `same` decisions to a loaded graph, in their order. A decision whose two
    /// entities are not both in the graph waits (it is applied once both are). Returns the
    /// numbers of the decisions applied.
    pub fn apply_to_graph(&self, graph: &mut KnowledgeGraph) -> Vec<u32> {
        // Where each merged id went, so a chain (B into A, C into B) ends at A.
        let mut merged: BTreeMap<String, String> = BTreeMap::new();
        let follow = |merged: &BTreeMap<String, String>, id: &str| {
            let mut id = id.to_string();
            for _ in 0..=merged.len() {
                match merged.get(&id) {
                    Some(next) => id = next.clone(),
                    None => break,
                }
            }
            id
        };
        let mut applied = Vec::new();
        for d in self.decisions.iter().filter(|d| d.verdict == Verdict::Same) {
            let into = follow(&merged, &d.ids.0);
            let from = follow(&merged, &d.ids.1);
            if graph.merge_entity(&from, &into).is_ok() {
                merged.insert(from, into);
                applied.push(d.n);
            }
        }
        applied
    }

    /// Applies the splits to one article before ingest (see the module docs). When anything
    /// moved, the article's version hash gets a suffix naming the splits, so a re-ingest
    /// after a new split (or an undo) replaces the stored version. Returns whether anything
    /// moved.
    pub fn apply_to_bundle(&self, bundle: &mut Bundle) -> bool {
        let mut applied = Vec::new();
        for d in self.decisions.iter().filter(|d| d.split) {
            if split_in_bundle(bundle, d) {
                applied.push(d.n.to_string());
            }
        }
        if applied.is_empty() {
            return false;
        }
        if !bundle.article.hash.is_empty() {
            let parts: Vec<&str> = applied.iter().map(String::as_str).collect();
            bundle.article.hash = format!(
                "{}+aliases:{}",
                bundle.article.hash,
                hex_id(fnv1a64_parts(&parts))
            );
        }
        true
    }
}

/// Moves one article's links of `d.names.0` off `d.ids.1` onto `d.ids.0`.
fn split_in_bundle(bundle: &mut Bundle, d: &Decision) -> bool {
    let (new_id, old_id) = (&d.ids.0, &d.ids.1);
    let spelling = fold_name(&d.names.0);
    let written = |text: &str| fold_name(text) == spelling;
    let linked: Vec<usize> = (0..bundle.mentions.len())
        .filter(|&i| bundle.mentions[i].entity == *old_id)
        .collect();
    let n_written = linked
        .iter()
        .filter(|&&i| written(&bundle.mentions[i].text))
        .count();
    // Only where the entity is never written otherwise: an article that names it in full and
    // then by the bare spelling most likely means it (the tagger's earlier-name rule).
    if n_written == 0 || n_written < linked.len() {
        return false;
    }
    let name = d.names.0.as_str();
    for i in linked {
        let m = &mut bundle.mentions[i];
        m.entity = new_id.clone();
        m.name = name.to_string();
    }
    let relink = |entity: &mut Option<String>, entity_name: &mut Option<String>| {
        if entity.as_deref() == Some(old_id.as_str()) {
            *entity = Some(new_id.clone());
            *entity_name = Some(name.to_string());
        }
    };
    for claim in &mut bundle.claims {
        for arg in [&mut claim.subject, &mut claim.object] {
            relink(&mut arg.entity, &mut arg.name);
        }
        if let Some(a) = &mut claim.attribution {
            relink(&mut a.entity, &mut a.name);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityKind;

    fn entity(id: &str, name: &str) -> EntityNode {
        EntityNode {
            id: id.to_string(),
            kind: EntityKind::Person,
            name: name.to_string(),
            aliases: Vec::new(),
            xref: BTreeMap::new(),
        }
    }

    #[test]
    fn decisions_round_trip_through_the_file() {
        let mut d = Decisions::default();
        let (a, b) = (
            entity("person:ann-keller", "Ann Keller"),
            entity("person:anne-keller", "Anne Keller"),
        );
        assert_eq!(
            d.decide(Verdict::Same, ("Ann Keller", "Anne Keller"), &a, &b)
                .unwrap(),
            Outcome::Recorded(1)
        );
        let c = entity("person:keller", "Keller");
        assert_eq!(
            d.decide(Verdict::Different, ("Keller", "Ann Keller"), &c, &a)
                .unwrap(),
            Outcome::Recorded(2)
        );
        let odd = entity("person:x", "Quote \" and  two spaces");
        d.decide(
            Verdict::Same,
            ("Quote \" and  two spaces", "Keller"),
            &odd,
            &c,
        )
        .unwrap();
        let text = d.render();
        assert_eq!(Decisions::parse("f.ron", &text).unwrap(), d);
        assert!(
            text.contains("        (n: 1, verdict: same, names: (\"Ann Keller\", \"Anne Keller\"), ids: (\"person:ann-keller\", \"person:anne-keller\")),\n"),
            "{text}"
        );
    }

    #[test]
    fn same_after_different_is_refused_until_undone() {
        let mut d = Decisions::default();
        let (a, b) = (entity("person:a", "A b"), entity("person:c", "C d"));
        d.decide(Verdict::Different, ("A b", "C d"), &a, &b)
            .unwrap();
        let err = d.decide(Verdict::Same, ("C d", "A b"), &b, &a).unwrap_err();
        assert_eq!(
            err.to_string(),
            "decision 1 says person:c and person:a are different; `claimgraph alias undo 1` first"
        );
        d.undo(1).unwrap();
        assert_eq!(
            d.decide(Verdict::Same, ("C d", "A b"), &b, &a).unwrap(),
            Outcome::Recorded(1)
        );
        assert!(matches!(d.undo(7), Err(AliasError::NoDecision { n: 7 })));
    }

    #[test]
    fn a_split_takes_the_spelling_s_slug_and_refuses_the_own_name() {
        let mut d = Decisions::default();
        let e = entity("person:rosa-marin", "Rosa Marin");
        d.decide(Verdict::Different, ("Marin", "Rosa Marin"), &e, &e)
            .unwrap();
        assert_eq!(d.decisions[0].ids.0, "person:marin");
        assert!(d.decisions[0].split);
        let err = d
            .decide(Verdict::Different, ("rosa marin", "Marin"), &e, &e)
            .unwrap_err();
        assert!(matches!(err, AliasError::OwnName { .. }), "{err}");
    }

    #[test]
    fn a_bad_file_names_line_and_column() {
        let err = Decisions::parse(
            "s.aliases.ron",
            "(\n  decisions: [\n    (n: 1, verdict: maybe),\n  ],\n)",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("s.aliases.ron:3:"), "{err}");
        let twice = "(decisions: [(n: 1, verdict: same, names: (\"a\", \"b\"), ids: (\"x:a\", \"x:b\")), (n: 1, verdict: same, names: (\"a\", \"c\"), ids: (\"x:a\", \"x:c\"))])";
        assert!(matches!(
            Decisions::parse("f", twice),
            Err(AliasError::DuplicateNumber { n: 1, .. })
        ));
    }
}
