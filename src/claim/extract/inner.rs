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

use super::SentenceCtx;
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
}
