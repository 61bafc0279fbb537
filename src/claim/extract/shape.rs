//! A name in no list that only its shape made a person ("Coke Zero", "Kfar Giladi", "Gomery
//! Enquiry": two capitalised words, `tagger::Rule::NameShape`) is a person for the graph only
//! where the article shows one: the name speaks ("X said", "said X", "X told", "according to
//! X"), a relative clause of a person follows it (", who"), an age stands after it (", 45,"),
//! or a person's pronoun ("he", "she", "his", "her") follows it in its sentence or opens the
//! next. Without such evidence a claim keeps the name's words and loses the link: a product, a
//! ship or a kibbutz linked as a person says something false about a person that is no one.

use std::collections::{HashMap, HashSet};

use crate::claim::Claim;
use crate::gazetteer::EntityKind;
use crate::lexicon::follows_speaker;
use crate::tagger::{Mention, Rule};
use crate::text::Sentence;

/// Words right before a name that make it a speaker ("said X", "according to X").
const BEFORE_SPEAKER: &[&str] = &["said", "says", "added", "explained"];

/// Person pronouns that show a person near a name.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him", "himself", "herself"];

/// The ids of the people of an article whose every mention only a name's shape (or a short
/// or earlier form of it) made, with no evidence of a person around any of them.
fn unevidenced(text: &str, sentences: &[Sentence], mentions: &[Mention]) -> HashSet<String> {
    let mut shaped: HashMap<&str, bool> = HashMap::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let weak = matches!(
            m.rule,
            Rule::NameShape | Rule::ShortForm | Rule::EarlierName
        );
        let entry = shaped.entry(m.entity.as_str()).or_insert(true);
        *entry = *entry && weak && !shows_person(text, sentences, m);
    }
    let named_by_shape: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.rule == Rule::NameShape)
        .map(|m| m.entity.as_str())
        .collect();
    shaped
        .into_iter()
        .filter(|(e, unshown)| *unshown && named_by_shape.contains(e))
        .map(|(e, _)| e.to_string())
        .collect()
}

/// Whether the words around mention `m` show a person.
fn shows_person(text: &str, sentences: &[Sentence], m: &Mention) -> bool {
    let words_of = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .take(12)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != ',')
                    .to_lowercase()
            })
            .collect()
    };
    let after_text = text.get(m.span.end..).unwrap_or("");
    let comma = after_text.trim_start().starts_with(',');
    let after = words_of(after_text.trim_start().trim_start_matches(','));
    let mut back = text
        .get(..m.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let before = back.next().unwrap_or_default();
    let according = before == "to" && back.next().is_some_and(|w| w == "according");
    let first = after.first().map(|w| w.trim_end_matches(',')).unwrap_or("");
    let speaks = (!comma && follows_speaker(first))
        || BEFORE_SPEAKER.contains(&before.as_str())
        || according;
    let who = comma && matches!(first, "who" | "whose");
    let age = comma
        && after.first().is_some_and(|w| {
            let n = w.trim_end_matches(',');
            w.ends_with(',') && (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        });
    // A pronoun later in the name's own sentence, or opening the next one.
    let sentence_end = sentences.get(m.sentence).map_or(m.span.end, |s| s.span.end);
    let rest = text
        .get(m.span.end..sentence_end.max(m.span.end))
        .unwrap_or("");
    let pronoun_here = rest.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        PERSON_PRONOUNS.contains(&w.as_str())
    });
    let pronoun_next = sentences
        .get(m.sentence + 1)
        .and_then(|s| s.span.of(text).split_whitespace().next())
        .is_some_and(|w| matches!(w, "He" | "She" | "His" | "Her"));
    // "writer Ana Ruiz", "an artist, Ana Ruiz", "Ana Ruiz, a former minister,": a role
    // beside the name.
    let role_before = is_person_noun(&before);
    let mut role_after = false;
    for w in after.iter().take(4).filter(|_| comma) {
        role_after = is_person_noun(w.trim_end_matches(','));
        if role_after || w.ends_with(',') {
            break;
        }
    }
    speaks || who || age || pronoun_here || pronoun_next || role_before || role_after
}

/// Whether a lower-case word names a person's role or kind ("minister", "writer").
fn is_person_noun(w: &str) -> bool {
    let singular = w.strip_suffix('s').unwrap_or(w);
    [w, singular]
        .iter()
        .any(|w| super::role::ROLE_NOUNS.contains(w) || PERSON_NOUNS.contains(w))
}

/// Nouns of a person beside the role nouns of titles: kin, trades, "man", "woman".
const PERSON_NOUNS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "artist",
    "author",
    "brother",
    "businessman",
    "businesswoman",
    "candidate",
    "daughter",
    "dissident",
    "doctor",
    "father",
    "historian",
    "husband",
    "journalist",
    "lawyer",
    "man",
    "mother",
    "musician",
    "novelist",
    "official",
    "operative",
    "player",
    "poet",
    "politician",
    "priest",
    "scientist",
    "singer",
    "sister",
    "soldier",
    "son",
    "student",
    "teacher",
    "wife",
    "woman",
    "writer",
];

/// Whether a claim says its subject holds a person's role: "is chairman of X", "became a
/// writer", "was named the special envoy".
fn holds_a_role(lemma: &str, object: &str) -> bool {
    let first = lemma.split_whitespace().next().unwrap_or("");
    if !matches!(first, "be" | "become" | "remain" | "serve") {
        return false;
    }
    object.split_whitespace().take(6).any(|w| {
        is_person_noun(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    })
}

/// Unlinks the subjects, objects and speakers of `claims` that are people no evidence of the
/// article shows (see the module's docs), and renews the ids it changes.
pub(super) fn unlink_shapes(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    claims: &mut [Claim],
) {
    let mut gone = unevidenced(text, sentences, mentions);
    if gone.is_empty() {
        return;
    }
    // The article's claims show a person too: a speaker, or a role said of the name.
    for claim in claims.iter() {
        if let Some(e) = claim.attribution.as_ref().and_then(|a| a.entity.as_deref()) {
            gone.remove(e);
        }
        if let Some(e) = claim.subject.entity.as_deref() {
            if holds_a_role(&claim.predicate.lemma, &claim.object.text) {
                gone.remove(e);
            }
        }
    }
    if gone.is_empty() {
        return;
    }
    let hit = |e: &Option<String>| e.as_deref().is_some_and(|e| gone.contains(e));
    for claim in claims {
        let mut changed = false;
        for arg in [&mut claim.subject, &mut claim.object] {
            if hit(&arg.entity) {
                arg.entity = None;
                arg.name = None;
                arg.kind = None;
                changed = true;
            }
        }
        if let Some(a) = claim.attribution.as_mut().filter(|a| hit(&a.entity)) {
            a.entity = None;
            a.name = None;
            a.kind = None;
            changed = true;
        }
        if changed {
            claim.id = claim.compute_id();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn mention(text: &str, name: &str, rule: Rule) -> Mention {
        let start = text.find(name).unwrap();
        Mention {
            span: Span {
                start,
                end: start + name.len(),
            },
            sentence: crate::text::sentences(text)
                .iter()
                .position(|s| s.span.start <= start && start < s.span.end)
                .unwrap(),
            text: name.to_string(),
            entity: format!("person:{}", name.to_lowercase().replace(' ', "-")),
            name: name.to_string(),
            kind: EntityKind::Person,
            rule,
            confidence: 0.55,
            alternatives: Vec::new(),
        }
    }

    fn gone(text: &str, name: &str) -> bool {
        let sentences = crate::text::sentences(text);
        let m = mention(text, name, Rule::NameShape);
        unevidenced(text, &sentences, &[m])
            .contains(&format!("person:{}", name.to_lowercase().replace(' ', "-")))
    }

    #[test]
    fn a_shape_alone_is_no_person() {
        assert!(gone(
            "A rocket hit Dorn Valley on Monday. Nobody was hurt.",
            "Dorn Valley"
        ));
        assert!(gone(
            "The regulator banned Fizz Nova over health concerns.",
            "Fizz Nova"
        ));
        assert!(gone("The convoy drove to Dorn Valley.", "Dorn Valley"));
    }

    #[test]
    fn a_speaker_an_age_a_relative_or_a_pronoun_shows_a_person() {
        for (text, name) in [
            ("Tomas Vekkar said the talks had failed.", "Tomas Vekkar"),
            ("\"We are ready,\" said Tomas Vekkar.", "Tomas Vekkar"),
            (
                "Tomas Vekkar, who chairs the board, resigned.",
                "Tomas Vekkar",
            ),
            ("Tomas Vekkar, 54, resigned on Monday.", "Tomas Vekkar"),
            ("Tomas Vekkar resigned after his arrest.", "Tomas Vekkar"),
            (
                "Police arrested Tomas Vekkar. He denies it.",
                "Tomas Vekkar",
            ),
            ("It failed, according to Tomas Vekkar.", "Tomas Vekkar"),
            ("The novelist Tomas Vekkar won the prize.", "Tomas Vekkar"),
            ("Tomas Vekkar, a former minister, won.", "Tomas Vekkar"),
            (
                "The mural is by a local artist, Tomas Vekkar.",
                "Tomas Vekkar",
            ),
        ] {
            assert!(!gone(text, name), "{text}");
        }
    }

    #[test]
    fn a_role_said_of_the_name_shows_a_person() {
        assert!(holds_a_role("be", "chairman of the Harbour Council"));
        assert!(holds_a_role("be designated", "the special envoy"));
        assert!(!holds_a_role("be", "a soft drink"));
        assert!(!holds_a_role("hit", "the chairman"));
    }

    #[test]
    fn a_name_a_list_or_a_given_name_made_keeps_its_link() {
        let text = "A rocket hit Dorn Valley on Monday.";
        let sentences = crate::text::sentences(text);
        let m = mention(text, "Dorn Valley", Rule::GivenName);
        assert!(unevidenced(text, &sentences, &[m]).is_empty());
    }
}
