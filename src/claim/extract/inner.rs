//! A name inside a phrase whose head is another word: what the phrase links to.
//!
//! The grammar takes a phrase's last name for its head, so "the Harbour Court in Vellmar" and
//! "Ana Ruiz's visit in Vellmar" would both be Vellmar. Two readings decide instead:
//!
//! * a name of an organisation or place right before a place preposition ("in", "at",
//!   "near" ...) with nothing but a determiner or adjectives before it is the head: "the
//!   Harbour Court in Vellmar" is the court (`name_before_preposition`);
//! * a common noun before the preposition is the head ("the visit in Vellmar", "a town near
//!   Vellmar", "troops in Vellmar"), and the phrase links to nothing: see
//!   `name_after_noun_head` in the parent module, where a place, partitive or government
//!   noun keeps the name only before "of" ("the city of Vellmar", "the government of
//!   Vellmar").
//!
//! Two more readings take a link away:
//!
//! * a coordination of noun phrases is none of its parts: "Portugal and Spain", "Ana Ruiz
//!   and her deputy", "courts in Ohio and Texas" link to nothing (`coordinated`), though a
//!   coordination inside a name no mention covers ("Secretary of Health and Human
//!   Services") or inside a modifier after the linked name ("Vellmar of sending arms or
//!   money") leaves the link;
//! * a government noun ("forces", "government") inside a prepositional phrase is not the
//!   phrase's head: "Vellmarian spending on its armed forces" is the spending, not the state
//!   (`government_in_modifier`).

use super::{SentenceCtx, Tok};
use crate::gazetteer::EntityKind;
use crate::tagger::Rule;

/// Prepositions of place after which a name is where the head is, not the head.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside", "from"];

impl SentenceCtx<'_> {
    /// The token of the name that heads a phrase `start..` whose grammar head `head` is a name
    /// after a place preposition, when the phrase before the preposition is only that name
    /// (after a determiner or adjectives): "The Harbour Court in | Vellmar".
    pub(super) fn name_before_preposition(&self, start: usize, head: usize) -> Option<usize> {
        let toks = &self.toks;
        let head_mention = toks.get(head)?.mention?;
        let mut name_start = head;
        while name_start > start && toks[name_start - 1].mention == Some(head_mention) {
            name_start -= 1;
        }
        let prep = name_start.checked_sub(1)?;
        let before = prep.checked_sub(1)?;
        if prep <= start || !PLACE_PREPOSITIONS.contains(&toks[prep].lower.as_str()) {
            return None;
        }
        let owner = toks.get(before)?.mention?;
        let m = self.mentions.get(owner)?;
        // A person before "in" is not read so: names of things the cues typed as people
        // ("the European Charter in X") would take the phrase.
        if owner == head_mention || m.rule == Rule::Demonym || m.kind == EntityKind::Person {
            return None;
        }
        let opening = (start..before).all(|k| {
            let t = &toks[k];
            t.mention == Some(owner) || t.tag == "DT" || t.tag.starts_with("JJ")
        });
        opening.then_some(before)
    }

    /// Whether the phrase over tokens `start..end` is a coordination of noun phrases, so that
    /// the entity `linked` (named by the phrase's tokens where it is a mention) is only one
    /// of its parts: a coordinator ("and", "or", "nor") outside any mention, right after a
    /// noun, a name or a closing mark, with words after it. A coordination inside a
    /// capitalised name's "of"/"for" phrase ("Minister of Trade and Industry") or inside a
    /// prepositional phrase after the linked name ("Vellmar of sending arms or money") is
    /// no coordination of the phrase.
    pub(super) fn coordinated(&self, start: usize, end: usize, linked: &str) -> bool {
        let toks = &self.toks;
        let end = end.min(toks.len());
        let is_linked = |k: usize| {
            toks[k]
                .mention
                .and_then(|i| self.mentions.get(i))
                .is_some_and(|m| m.entity == linked)
        };
        let linked_end = (start..end).rev().find(|&k| is_linked(k)).map(|k| k + 1);
        (start + 1..end.saturating_sub(1)).any(|k| {
            let t = &toks[k];
            if !matches!(t.lower.as_str(), "and" | "or" | "nor") || t.mention.is_some() {
                return false;
            }
            let prev = &toks[k - 1];
            let nominal = prev.tag.starts_with("NN")
                || prev.mention.is_some()
                || prev.tag == "PRP"
                || matches!(prev.text.as_str(), ")" | "\"" | "\u{201d}" | "''");
            let in_modifier = linked_end
                .is_some_and(|e| e <= k && (e..k).any(|j| matches!(toks[j].tag, "IN" | "TO")));
            nominal && !in_modifier && !inside_titled_name(toks, start, k)
        }) && !self.titles_of_person(start, end, linked)
    }

    /// Whether the words before the linked person's name, which closes the phrase, are only a
    /// title's ("Harbour Co Chairman, President and CEO Ana Ruiz", "opposition leader and
    /// former minister Ana Ruiz"): nouns, adjectives, capitalised words, commas and "and",
    /// with no other person's name.
    fn titles_of_person(&self, start: usize, end: usize, linked: &str) -> bool {
        let toks = &self.toks;
        let person = |k: usize| {
            toks[k]
                .mention
                .and_then(|i| self.mentions.get(i))
                .filter(|m| m.kind == EntityKind::Person)
        };
        let Some(first) =
            (start..end.min(toks.len())).find(|&k| person(k).is_some_and(|m| m.entity == linked))
        else {
            return false;
        };
        let run = &toks[start..first];
        let title_word = |t: &Tok| {
            t.text.chars().next().is_some_and(char::is_uppercase)
                || t.tag.starts_with("NN")
                || t.tag.starts_with("JJ")
                || matches!(t.lower.as_str(), "," | "and" | "&" | "-")
        };
        let mention_end = (first..end.min(toks.len()))
            .take_while(|&k| toks[k].mention == toks[first].mention)
            .count()
            + first;
        !run.is_empty()
            && run.iter().all(title_word)
            && (start..first).all(|k| person(k).is_none())
            && mention_end >= end.min(toks.len())
    }

    /// Whether the government noun `head` of the phrase `start..` stands inside a
    /// prepositional phrase of another head ("spending on its armed forces"), so that the
    /// phrase is not the state's.
    pub(super) fn government_in_modifier(&self, start: usize, head: usize) -> bool {
        // A common noun right before the preposition heads the phrase ("at least 9
        // Vellmarian soldiers" has none).
        (start + 1..head.min(self.toks.len())).any(|k| {
            let prev = &self.toks[k - 1];
            matches!(self.toks[k].tag, "IN" | "TO")
                && matches!(prev.tag, "NN" | "NNS")
                && prev.lower == prev.text
                && !super::SPOKES_NOUNS.contains(&prev.lower.as_str())
        })
    }
}

/// Whether the coordinator at `k` joins capitalised words inside the "of"/"for" phrase of a
/// name no mention covers: "Secretary of Health and Human Services", "Minister for the
/// Environment and Heritage".
fn inside_titled_name(toks: &[Tok], start: usize, k: usize) -> bool {
    let capital = |t: &Tok| t.text.chars().next().is_some_and(char::is_uppercase);
    let next_capital = toks
        .get(k + 1)
        .is_some_and(|t| capital(t) && t.mention.is_none());
    if !next_capital {
        return false;
    }
    let mut j = k;
    while j > start {
        j -= 1;
        let t = &toks[j];
        if matches!(t.lower.as_str(), "of" | "for") {
            return j + 1 < k && j > start && capital(&toks[j - 1]);
        }
        if t.mention.is_some() || !(capital(t) || t.lower == "the") {
            return false;
        }
    }
    false
}
