//! A person named after a title that holds an "of" phrase: "Deputy Secretary of State Ana
//! Ruiz", "the Chief Minister of Vellmar Ana Ruiz", "the leader of the opposition party Ana
//! Ruiz". The grammar takes the noun before "of" for the phrase's head, so the argument would
//! be the title, a literal; but the name that closes the phrase is who the phrase is. Such an
//! argument links to the person, and its words (the role among them) stay as they are.
//!
//! The shape is narrow, so that a phrase about something else is never given the person:
//! the head before "of" is a role noun ([`ROLE_NOUNS`]; "the wife of President X", "the
//! arrest of X", "the home of former President X" name no role); the person's name ends the
//! phrase and comes right after a capitalised word or a common noun of the title, never
//! right after "of" or a determiner ("the Prince of Orange", "Chairman of Thomson": the name
//! is the complement, not a holder); between "of" and the name stand only words of a
//! title (no verb, number, pronoun, possessive, punctuation or preposition other than "for");
//! before the head, only determiners, adjectives, capitalised words and role nouns. A post
//! that a list or the cues typed as an organisation ("Minister for Information and
//! Broadcasting") heads such a phrase too when its first word is a role noun: the full name
//! after its "of" phrase is the person, not the post.

use super::SentenceCtx;
use crate::claim::{EntityKindWire, EntityRef};
use crate::tagger::Rule;

/// Nouns that name a post or a role a person holds, as the head of a title with an "of"
/// phrase ("Secretary of State", "head of the agency", "Member of Parliament").
pub(super) const ROLE_NOUNS: &[&str] = &[
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "archbishop",
    "attorney",
    "bishop",
    "captain",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "commander",
    "commissioner",
    "comptroller",
    "coordinator",
    "deputy",
    "director",
    "editor",
    "envoy",
    "executive",
    "founder",
    "general",
    "governor",
    "head",
    "inspector",
    "judge",
    "justice",
    "leader",
    "manager",
    "mayor",
    "member",
    "minister",
    "negotiator",
    "officer",
    "premier",
    "president",
    "president-elect",
    "professor",
    "prosecutor",
    "rapporteur",
    "representative",
    "secretary",
    "secretary-general",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
    "vice-chairman",
    "vice-president",
];

fn is_capitalised(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Words that join the parts of a name ("bin", "al", "van", "de").
const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "van", "von", "de", "del", "der", "da", "di", "du", "dos",
    "la", "le",
];

fn is_particle(t: &crate::claim::open::Tok) -> bool {
    PARTICLES.contains(&t.lower.as_str())
}

impl SentenceCtx<'_> {
    /// Whether token `head` ends a mention of a post that a list or the cues typed as an
    /// organisation ("Minister for Information and Broadcasting"): its first word is a role
    /// noun. "Minister for Trade of Vellmar Ana Ruiz" is then the person, not the post.
    pub(super) fn office_ends_at(&self, head: usize) -> bool {
        let toks = &self.toks;
        let Some(mention) = toks.get(head).and_then(|t| t.mention) else {
            return false;
        };
        let organisation = self
            .mentions
            .get(mention)
            .is_some_and(|m| m.kind == crate::gazetteer::EntityKind::Organisation);
        let mut first = head;
        while first > 0 && toks[first - 1].mention == Some(mention) {
            first -= 1;
        }
        let ends = toks
            .get(head + 1)
            .is_none_or(|t| t.mention != Some(mention));
        organisation
            && ends
            && first < head
            && ROLE_NOUNS.contains(&toks[first].lower.as_str())
            && is_capitalised(&toks[first].text)
    }

    /// The person a title phrase over tokens `start..end` with head `head` (the noun before
    /// "of") names by the name that closes it, if the phrase has exactly that shape (see the
    /// module's docs).
    pub(super) fn titled_person(&self, start: usize, end: usize, head: usize) -> Option<EntityRef> {
        let toks = &self.toks;
        let head_tok = toks.get(head)?;
        let of = toks.get(head + 1)?;
        let role_head = head_tok.mention.is_none()
            && head_tok.tag.starts_with("NN")
            && ROLE_NOUNS.contains(&head_tok.lower.as_str());
        if !(role_head || self.office_ends_at(head)) || of.lower != "of" {
            return None;
        }
        // The name: a person's mention from its first token to the phrase's end, not going on
        // after it.
        let last = end.checked_sub(1)?;
        let mention = toks.get(last)?.mention?;
        let m = self.mentions.get(mention)?;
        if m.rule == Rule::Demonym || toks.get(end).is_some_and(|t| t.mention == Some(mention)) {
            return None;
        }
        let mut name_start = last;
        while name_start > head + 2 && toks[name_start - 1].mention == Some(mention) {
            name_start -= 1;
        }
        let reference = self.mention_ref(last)?;
        // A one-word person ("Affairs" of "Minister of Foreign Affairs") is the title's own
        // last word taken for a name; so is a "name" that holds a lower-case word or another
        // title ("Affairs and Minister of Defence").
        let name_like = m.text.split_whitespace().all(|w| {
            PARTICLES.contains(&w)
                || (is_capitalised(w) && !ROLE_NOUNS.contains(&w.to_lowercase().as_str()))
        });
        if reference.kind != EntityKindWire::Person
            || reference.name.split_whitespace().count() < 2
            || !name_like
            || name_start <= head + 2
        {
            return None;
        }
        // Right before the name: a word of the title, not "of", "the" or "for", nor a
        // particle of a longer name the mention cut ("Prince Sultan bin | Abdul Aziz").
        let before = &toks[name_start - 1];
        let title_word = before.mention.is_some()
            || (before.tag.starts_with("NN")
                && (is_capitalised(&before.text) || before.text == before.lower));
        if !title_word || matches!(before.lower.as_str(), "of" | "for") || is_particle(before) {
            return None;
        }
        // Between "of" and the name: the words of a title.
        // "and" only inside a capitalised name ("Health and Human Services"), never between
        // two phrases ("the head of the army and police chief X", "the Minister of Y and
        // Minister X" are two people).
        let joins_names = |k: usize| {
            k > 0
                && is_capitalised(&toks[k - 1].text)
                && toks.get(k + 1).is_some_and(|t| {
                    is_capitalised(&t.text) && !ROLE_NOUNS.contains(&t.lower.as_str())
                })
        };
        let complement_ok = (head + 2..name_start).all(|k| {
            let t = &toks[k];
            match t.lower.as_str() {
                "and" | "&" => joins_names(k),
                "the" | "for" => true,
                _ => {
                    (t.mention.is_some() && t.mention != Some(mention))
                        || t.tag.starts_with("NN")
                        || t.tag.starts_with("JJ")
                }
            }
        });
        // Before the head: determiners, adjectives, capitalised words, role nouns.
        let opening_ok = toks[start..head].iter().all(|t| {
            t.mention.is_some()
                || matches!(t.tag, "DT" | "PRP$" | "POS" | "HYPH")
                || t.tag.starts_with("JJ")
                || (t.tag.starts_with("NN") && is_capitalised(&t.text))
                || ROLE_NOUNS.contains(&t.lower.as_str())
                || matches!(t.lower.as_str(), "former" | "then" | "acting" | "outgoing")
        });
        (complement_ok && opening_ok).then_some(reference)
    }
}
