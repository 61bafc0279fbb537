//! `query review`: the links and merges the tool was unsure of, so that analysts' alias
//! decisions go where they matter. The store keeps entities with their names, aliases and
//! mention counts (not each mention's spelling), and review reads those:
//!
//! * `surname-only`: a one-word person name that is the surname of another person in the
//!   graph (a cue-found "Keller" beside "Ann Keller"), or a one-word alias that two persons
//!   share: any link of the bare surname was a guess.
//! * `cue-matches-alias`: a person found by the cue rules (no aliases or cross-references
//!   from the gazetteer) whose name is a name or alias of another entity, or whose surname and
//!   initial are another person's ("A. Keller", "Anne Keller" beside "Ann Keller").
//! * `shared-name`: one name (a name or alias) that several entities in the graph carry, so
//!   the same words were linked to different ids across articles.
//!
//! A name (or surname and initial) that more than [`MAX_GROUP`] entities share is left out:
//! too common for a pair to say anything, and pairing all of them grows with the square.
//! Each item is a pair of entities, ranked by the mentions of the less mentioned one (the
//! number of links a decision would move), then the total, then ids; pairs an analyst
//! already called different are left out (merged pairs are one entity already).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::Answer;
use crate::gazetteer::EntityKind;
use crate::graph::{EntityNode, KnowledgeGraph};
use crate::tagger::fold_name;

/// Most items listed.
pub const MAX_ITEMS: usize = 200;

/// Why a pair is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    SurnameOnly,
    CueMatchesAlias,
    SharedName,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::SurnameOnly => "surname-only",
            Reason::CueMatchesAlias => "cue-matches-alias",
            Reason::SharedName => "shared-name",
        }
    }
}

fn is_cue_found(e: &EntityNode) -> bool {
    e.kind == EntityKind::Person && e.aliases.is_empty() && e.xref.is_empty()
}

fn names_of(e: &EntityNode) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|n| fold_name(n))
        .filter(|n| !n.is_empty())
}

/// Surname (last word, two letters or more and letters only: "Henry 3" has none) and first
/// letter of a folded multi-word name.
fn surname_initial(name: &str) -> Option<(&str, char)> {
    let (first, rest) = name.split_once(' ')?;
    let last = rest.rsplit(' ').next()?;
    let is_surname = last.chars().count() >= 2 && last.chars().all(char::is_alphabetic);
    is_surname.then_some((last, first.chars().next()?))
}

/// Most entities of one name (or surname and initial) that are paired: a name carried by more
/// is too common for a pair to say anything, and pairing them all would grow with the square.
pub const MAX_GROUP: usize = 20;

/// Records a pair (ids in order) with the strongest reason seen for it.
fn add_pair<'g>(
    pairs: &mut BTreeMap<(&'g str, &'g str), (Reason, String)>,
    a: &'g EntityNode,
    b: &'g EntityNode,
    reason: Reason,
    name: &str,
) {
    if a.id == b.id {
        return;
    }
    let key = if a.id < b.id {
        (a.id.as_str(), b.id.as_str())
    } else {
        (b.id.as_str(), a.id.as_str())
    };
    match pairs.entry(key) {
        std::collections::btree_map::Entry::Vacant(slot) => {
            slot.insert((reason, name.to_string()));
        }
        std::collections::btree_map::Entry::Occupied(mut slot) => {
            if reason < slot.get().0 {
                *slot.get_mut() = (reason, name.to_string());
            }
        }
    }
}

/// Pairs (sorted ids) with the strongest reason found for each.
fn find_pairs(graph: &KnowledgeGraph) -> BTreeMap<(&str, &str), (Reason, String)> {
    let mut by_name: BTreeMap<String, Vec<&EntityNode>> = BTreeMap::new();
    let mut by_surname: BTreeMap<(String, char), Vec<&EntityNode>> = BTreeMap::new();
    let mut surnames: BTreeMap<String, Vec<&EntityNode>> = BTreeMap::new();
    for e in graph.entities() {
        for name in names_of(e) {
            let list = by_name.entry(name).or_default();
            // Entities come in id order: a name the entity carries twice is listed once.
            if list.last().is_none_or(|last| last.id != e.id) {
                list.push(e);
            }
        }
        if e.kind == EntityKind::Person {
            if let Some((last, initial)) = surname_initial(&fold_name(&e.name)) {
                by_surname
                    .entry((last.to_string(), initial))
                    .or_default()
                    .push(e);
                surnames.entry(last.to_string()).or_default().push(e);
            }
        }
    }
    let mut pairs: BTreeMap<(&str, &str), (Reason, String)> = BTreeMap::new();
    for (name, entities) in &by_name {
        if entities.len() > MAX_GROUP {
            continue;
        }
        let one_word = !name.contains(' ');
        for (i, a) in entities.iter().enumerate() {
            for b in &entities[i + 1..] {
                let persons = a.kind == EntityKind::Person && b.kind == EntityKind::Person;
                let reason = if one_word && persons {
                    Reason::SurnameOnly
                } else if is_cue_found(a) || is_cue_found(b) {
                    Reason::CueMatchesAlias
                } else {
                    Reason::SharedName
                };
                add_pair(&mut pairs, a, b, reason, name);
            }
        }
        // A one-word cue-found person named like another person's surname.
        if one_word {
            let namesakes = surnames
                .get(name)
                .filter(|people| people.len() <= MAX_GROUP);
            for a in entities.iter().filter(|e| is_cue_found(e)) {
                for b in namesakes.into_iter().flatten() {
                    add_pair(&mut pairs, a, b, Reason::SurnameOnly, name);
                }
            }
        }
    }
    for ((last, initial), people) in &by_surname {
        if people.len() > MAX_GROUP {
            continue;
        }
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                if is_cue_found(a) || is_cue_found(b) {
                    add_pair(
                        &mut pairs,
                        a,
                        b,
                        Reason::CueMatchesAlias,
                        &format!("{initial}. {last}"),
                    );
                }
            }
        }
    }
    pairs
}

pub(super) fn review(graph: &KnowledgeGraph, decided: &[(String, String)]) -> Answer {
    let decided: BTreeSet<(&str, &str)> = decided
        .iter()
        .flat_map(|(a, b)| [(a.as_str(), b.as_str()), (b.as_str(), a.as_str())])
        .collect();
    let mut items: Vec<(u64, u64, Reason, &str, &str, String)> = find_pairs(graph)
        .into_iter()
        .filter(|(pair, _)| !decided.contains(pair))
        .map(|((a, b), (reason, name))| {
            let (ma, mb) = (
                graph.entity_stats(a).n_mentions,
                graph.entity_stats(b).n_mentions,
            );
            (ma.min(mb), ma + mb, reason, a, b, name)
        })
        .collect();
    items.sort_by(|x, y| (y.0, y.1, x.2, x.3, x.4).cmp(&(x.0, x.1, y.2, y.3, y.4)));
    let n_items = items.len();
    items.truncate(MAX_ITEMS);
    let label = |id: &str| graph.entity(id).map_or(String::new(), |e| e.name.clone());
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|(least, total, reason, a, b, name)| {
            vec![
                least.to_string(),
                total.to_string(),
                reason.as_str().to_string(),
                name.clone(),
                format!("{a} ({})", label(a)),
                format!("{b} ({})", label(b)),
            ]
        })
        .collect();
    let json = items
        .iter()
        .map(|(least, total, reason, a, b, name)| {
            json!({"reason": reason.as_str(), "name": name, "entities": [a, b],
                   "names": [label(a), label(b)], "n_mentions_least": least, "n_mentions": total,
                   "decide": [format!("claimgraph alias same {a} {b}"), format!("claimgraph alias different {a} {b}")]})
        })
        .collect();
    let headers: &[&str] = &["least", "mentions", "reason", "name", "entity", "other"];
    let mut text = super::table::table(headers, &rows);
    if n_items > MAX_ITEMS {
        text.push_str(&format!("({} more not shown)\n", n_items - MAX_ITEMS));
    }
    if n_items > 0 {
        text.push_str(
            "decide with: claimgraph alias same KEEP OTHER / claimgraph alias different A B\n",
        );
    }
    Answer {
        headers,
        rows: Vec::new(),
        json,
        table: Some(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testutil::{article, bundle, claim, mention};

    /// Three spellings of one person found by cue in three articles.
    fn kellers() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        let people = [
            ("k1", "person:ann-keller", "Ann Keller", 4),
            ("k2", "person:a-keller", "A. Keller", 2),
            ("k3", "person:keller", "Keller", 3),
        ];
        for (n, (article_id, id, name, mentions)) in people.into_iter().enumerate() {
            let subject = format!("{id}|{name}");
            g.ingest(
                bundle(
                    article(article_id, &format!("h{n}"), "2025-05-01"),
                    vec![mention(article_id, id, name); mentions],
                    vec![claim(article_id, 0, &subject, "visit", "the port")],
                ),
                None,
            );
        }
        g
    }

    fn rows(decided: &[(String, String)]) -> Vec<String> {
        let answer = review(&kellers(), decided);
        answer
            .json
            .iter()
            .map(|v| {
                format!(
                    "{} {} {} {}",
                    v["reason"].as_str().unwrap_or(""),
                    v["entities"][0].as_str().unwrap_or(""),
                    v["entities"][1].as_str().unwrap_or(""),
                    v["n_mentions_least"]
                )
            })
            .collect()
    }

    #[test]
    fn unsure_pairs_come_with_their_reason_most_mentioned_first() {
        assert_eq!(
            rows(&[]),
            [
                "surname-only person:ann-keller person:keller 3",
                "cue-matches-alias person:a-keller person:ann-keller 2",
                "surname-only person:a-keller person:keller 2",
            ]
        );
        let decided = [("person:keller".to_string(), "person:ann-keller".to_string())];
        assert_eq!(
            rows(&decided),
            [
                "cue-matches-alias person:a-keller person:ann-keller 2",
                "surname-only person:a-keller person:keller 2",
            ]
        );
    }
}
