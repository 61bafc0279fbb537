//! An office said of someone is no person: in "Hashimoto served as Prime Minister of Japan"
//! or "Ana Ruiz became the German chancellor", the role phrase the tagger resolved to the
//! office's holder (`tagger::Rule::Role`: whoever held it on the article's date) names the
//! office the subject held, not that holder. Linked, the claim would say "Hashimoto served as
//! Sanae Takaichi". Such an object keeps its words and loses the link.

use crate::claim::Claim;
use crate::tagger::{Mention, Rule};

/// Verbs whose object after "as", or whose bare object, is an office of the subject
/// ("served as", "became", "resigned as", "took over as"; passives keep their participle in
/// the lemma: "be elected", "be sworn in as").
const OFFICE_VERBS: &[&str] = &[
    "serve",
    "become",
    "remain",
    "act",
    "resign",
    "retire",
    "quit",
    "step",
    "take",
    "stay",
    "continue",
    "return",
    "run",
    "elected",
    "re-elected",
    "reelected",
    "appointed",
    "named",
    "nominated",
    "sworn",
    "installed",
    "confirmed",
    "chosen",
];

/// Whether a predicate lemma says its object is an office of the subject: the copula alone
/// ("was Prime Minister of Japan"), or one of [`OFFICE_VERBS`], passive or not, with no
/// preposition but "as" ("be elected", "serve as", "step down as").
pub(super) fn predicates_an_office(lemma: &str) -> bool {
    let words: Vec<&str> = lemma.split_whitespace().collect();
    let rest = match words.as_slice() {
        ["be"] => return true,
        ["be", rest @ ..] => rest,
        rest => rest,
    };
    let Some((verb, tail)) = rest.split_first() else {
        return false;
    };
    // "took the President of Vellmar to dinner": only some verbs make a bare object an office.
    let bare = matches!(
        *verb,
        "become"
            | "remain"
            | "elected"
            | "re-elected"
            | "reelected"
            | "appointed"
            | "named"
            | "nominated"
            | "installed"
            | "confirmed"
            | "chosen"
    );
    OFFICE_VERBS.contains(verb)
        && tail
            .iter()
            .all(|w| matches!(*w, "as" | "down" | "over" | "in" | "on"))
        && if tail.is_empty() {
            bare
        } else {
            tail.last() == Some(&"as")
        }
}

/// Unlinks each claim's object that is a role phrase resolved to its holder when the
/// predicate makes it an office of the subject, and renews the ids it changes. `mentions`
/// are in text order (the tagger's never overlap), so each object looks only at the mentions
/// inside its own span: linear in the article whatever its length.
pub(super) fn unlink_offices(mentions: &[Mention], claims: &mut [Claim]) {
    for claim in claims {
        let object = &claim.object;
        let Some(entity) = object.entity.as_deref() else {
            continue;
        };
        if !predicates_an_office(&claim.predicate.lemma) {
            continue;
        }
        let first = mentions.partition_point(|m| m.span.start < object.start);
        let role = mentions[first..]
            .iter()
            .take_while(|m| m.span.start < object.end)
            .any(|m| m.rule == Rule::Role && m.entity == entity && m.span.end <= object.end);
        if !role {
            continue;
        }
        claim.object.entity = None;
        claim.object.name = None;
        claim.object.kind = None;
        claim.id = claim.compute_id();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Argument, EntityKindWire, Predicate, SpanWire};
    use crate::gazetteer::EntityKind;
    use crate::text::Span;

    /// "Ana Ruiz | LEMMA | President of Vellmar", the object resolved to Ben Tor as the
    /// office's holder by a role mention (bytes 20..40).
    fn claim_and_role(lemma: &str) -> (Claim, Mention) {
        let mut object = Argument::text("President of Vellmar", Span { start: 20, end: 40 });
        object.entity = Some("person:ben-tor".into());
        object.name = Some("Ben Tor".into());
        object.kind = Some(EntityKindWire::Person);
        let subject = Argument::text("Ana Ruiz", Span { start: 0, end: 8 });
        let predicate = Predicate {
            lemma: lemma.into(),
            text: lemma.into(),
        };
        let claim = Claim {
            article: "a".into(),
            span: SpanWire { start: 0, end: 40 },
            confidence: 0.7,
            ..Claim::new(subject, predicate, object, crate::claim::Rule::Clause)
        };
        let mention = Mention {
            span: Span { start: 20, end: 40 },
            sentence: 0,
            text: "President of Vellmar".into(),
            entity: "person:ben-tor".into(),
            name: "Ben Tor".into(),
            kind: EntityKind::Person,
            rule: Rule::Role,
            confidence: 0.65,
            alternatives: Vec::new(),
        };
        (claim, mention)
    }

    #[test]
    fn an_office_held_by_the_subject_names_no_holder() {
        let (claim, mention) = claim_and_role("serve as");
        let mut claims = vec![claim];
        unlink_offices(std::slice::from_ref(&mention), &mut claims);
        assert_eq!(claims[0].object.entity, None);
        assert_eq!(claims[0].object.text, "President of Vellmar");
        assert_eq!(claims[0].id, claims[0].compute_id());
        // Met, the office is its holder.
        let (claim, mention) = claim_and_role("meet");
        let mut claims = vec![claim];
        unlink_offices(std::slice::from_ref(&mention), &mut claims);
        assert_eq!(claims[0].object.entity.as_deref(), Some("person:ben-tor"));
        // A name, not a role phrase, stays linked whatever the verb.
        let (claim, mut mention) = claim_and_role("become");
        mention.rule = Rule::GazetteerName;
        let mut claims = vec![claim];
        unlink_offices(std::slice::from_ref(&mention), &mut claims);
        assert_eq!(claims[0].object.entity.as_deref(), Some("person:ben-tor"));
    }

    #[test]
    fn offices_follow_the_copula_and_verbs_of_taking_or_leaving_office() {
        for lemma in [
            "be",
            "serve as",
            "become",
            "be elected",
            "be sworn in as",
            "step down as",
            "take over as",
            "remain",
        ] {
            assert!(predicates_an_office(lemma), "{lemma}");
        }
        for lemma in [
            "meet",
            "meet with",
            "be criticised by",
            "serve in",
            "name after",
            "visit",
        ] {
            assert!(!predicates_an_office(lemma), "{lemma}");
        }
    }
}
