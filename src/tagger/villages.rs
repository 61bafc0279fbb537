//! Small places need support from the article.
//!
//! The generated lists hold every populated place of 500 people or more. A place under
//! [`VILLAGE_POPULATION`] people ("a village") is linked only when the article supports it:
//! the article also names, without doubt and through something other than a village, the
//! village's country or its first-level region, or the village stands in a "Village, Region"
//! or "Village, Country" pair; and the name does not stand beside another capitalised word
//! (where a village named like a given name or surname would take a person's name: the
//! matcher then tries a shorter or later name instead).
//!
//! So a small place never takes a word in an article about somewhere else, and the population
//! prior stays a prior: villages never outrank larger places, because the build keeps only
//! village names that nothing else has (`scripts/gazetteer/build.py`, `village_ok`).

use std::collections::BTreeSet;

use super::{Candidate, Hit};
use crate::gazetteer::{Entity, EntityKind, Layer, Text};

/// Places of fewer people than this are villages.
pub const VILLAGE_POPULATION: u64 = 15_000;

/// Whether `entity` is a generated populated place under [`VILLAGE_POPULATION`] people.
pub fn is_village(entity: &Entity) -> bool {
    entity.layer == Layer::Generated
        && entity.kind == EntityKind::Place
        && entity.population.is_some_and(|p| p < VILLAGE_POPULATION)
}

/// Removes village readings the article does not support from `hits` (and hits left with
/// no reading).
pub fn drop_unsupported(entities: &[Entity], text: &str, hits: &mut Vec<Hit<'_>>) {
    let village = |c: &Candidate| entities.get(c.entity as usize).is_some_and(is_village);
    if !hits.iter().any(|h| h.cands.iter().any(|c| village(c))) {
        return;
    }
    // What the article names without doubt, villages aside: countries and regions.
    let mut support: BTreeSet<&str> = BTreeSet::new();
    for hit in hits.iter() {
        if let [only] = hit.cands.as_slice() {
            if let Some(e) = entities
                .get(only.entity as usize)
                .filter(|e| !is_village(e))
            {
                support.extend(e.country.as_deref());
                support.extend(e.parent.as_deref());
                support.insert(e.id.as_str());
            }
        }
    }
    let supported = |e: &Entity, next: Option<&Hit<'_>>| {
        let in_article = e.country.as_deref().is_some_and(|c| support.contains(c))
            || e.parent.as_deref().is_some_and(|p| support.contains(p));
        // "Village, Region" or "Village, Country".
        let in_pair = next.is_some_and(|n| {
            n.cands.iter().any(|c| {
                entities.get(c.entity as usize).is_some_and(|r| {
                    e.parent.as_deref() == Some(r.id.as_str())
                        || (r.xref.get("iso3166").map(Text::as_str) == e.country.as_deref()
                            && e.country.is_some())
                })
            })
        });
        in_article || in_pair
    };
    let mut keep = Vec::with_capacity(hits.len());
    let mut rest = std::mem::take(hits).into_iter().peekable();
    while let Some(mut hit) = rest.next() {
        let next = rest
            .peek()
            .filter(|n| text.get(hit.span.end..n.span.start) == Some(", "));
        hit.cands.retain(|c| match entities.get(c.entity as usize) {
            Some(e) if is_village(e) => supported(e, next),
            _ => true,
        });
        if !hit.cands.is_empty() {
            keep.push(hit);
        }
    }
    *hits = keep;
}

/// Whether the word before `start` or after `end` (across one space) starts with a capital.
pub fn beside_capitalised(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let prev_word = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next())
        .filter(|w| !w.is_empty());
    let next_word = after
        .strip_prefix(' ')
        .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
        .filter(|w| !w.is_empty());
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // A capitalised word that opens a sentence before a place is no name.
    let opener = |w: &str| OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w));
    prev_word.is_some_and(|w| capitalised(w) && !opener(w)) || next_word.is_some_and(capitalised)
}

/// Words that open sentences before a place name.
const OPENERS: &[&str] = &[
    "in", "at", "near", "from", "to", "the", "outside", "around", "inside", "across", "and", "but",
    "while", "since", "after", "before", "like", "as", "of", "for", "by", "into",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::tagger::Tagger;
    use crate::text::sentences;

    /// Invented places: a village of 900 people in an invented region of Moldova, a Ukrainian town.
    const GEN: &str = r#"(entries: [
        (id: "geonames:1", type: place, name: "Varnesti", country: "MD", parent: "iso3166-2:md-zz", population: 900),
        (id: "geonames:2", type: place, name: "Orlovka", country: "UA", population: 40000),
        (id: "iso3166-2:md-zz", type: place, name: "Zarna District", country: "MD"),
    ])"#;
    const CUR: &str = r#"(entries: [
        (id: "place:moldova", type: place, name: "Moldova", xref: {"iso3166": "MD"}, country: "MD"),
        (id: "place:peru", type: place, name: "Peru", xref: {"iso3166": "PE"}, country: "PE"),
    ])"#;

    fn linked(text: &str) -> Vec<String> {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("g.ron", GEN, Layer::Generated).unwrap();
        gaz.add_source("c.ron", CUR, Layer::Curated).unwrap();
        let tagger = Tagger::builder().cues(false).build(gaz).unwrap();
        let s = sentences(text);
        tagger.tag(text, &s).into_iter().map(|m| m.text).collect()
    }

    #[test]
    fn a_village_needs_its_country_region_or_a_pair() {
        assert_eq!(
            linked("Floods hit Varnesti, officials in Moldova said."),
            ["Varnesti", "Moldova"]
        );
        assert_eq!(
            linked("Floods hit Varnesti, Zarna District, on Monday."),
            ["Varnesti", "Zarna District"]
        );
        // Nothing in the article places it: no link (a town needs no support).
        assert_eq!(linked("Floods hit Varnesti and Orlovka."), ["Orlovka"]);
        assert_eq!(
            linked("Floods hit Varnesti, officials in Peru said."),
            ["Peru"]
        );
        // Beside a capitalised word it reads as part of a person's name.
        assert_eq!(linked("Moldova's envoy Varnesti Dolan spoke."), ["Moldova"]);
    }

    #[test]
    fn capitalised_neighbours() {
        let text = "Mayor Ana Kestova of Dolnik said";
        let at = text.find("Kestova").unwrap();
        assert!(beside_capitalised(text, at, at + "Kestova".len()));
        let text = "fighting near Dolnik, officials said";
        let at = text.find("Dolnik").unwrap();
        assert!(!beside_capitalised(text, at, at + 6));
        let text = "Dolnik";
        assert!(!beside_capitalised(text, 0, 6));
        // A sentence opener before the place is no name; a capital after it is.
        assert!(!beside_capitalised("In Dolnik, police", 3, 9));
        assert!(beside_capitalised("In Dolnik Town", 3, 9));
    }
}
