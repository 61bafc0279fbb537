//! The words that carry a predicate's meaning, moved out of the arguments into the predicate,
//! and readings whose arguments would misstate the sentence, emptied.
//!
//! Joined to the predicate (`VerbGroup::joined`, and the lemma): the bare noun of a light-verb
//! idiom ("took place on Sunday": "take place on | Sunday", never "take | place"), a state
//! phrase ("left the fee in place": "leave in place | the fee"), a particle after the object
//! ("called the strike off"), a manner adverb that carries the point ("did not take the news
//! kindly"), and an adjective predicated of the object ("ruled the tests not mandatory").
//!
//! Emptied (no claim): a clause whose subject a negated quantifier opens ("Not every voter
//! ..." says nothing about every voter), and the object of a verb that is the subject of the
//! finite clause right after it ("the storm left roads are closed" is no leaving of roads; a
//! verb that reports takes that clause as its report instead, in `scope`).
//!
//! The word lists are in `lexicon`; this pass looks only at each clause's own tokens.

use super::scope::THAT_VERBS;
use super::{Arg, Clause, Tok};
use crate::lexicon::{is_reporting, MEANING_ADVERBS, STATE_PHRASES, VERB_NOUN_IDIOMS};

/// Completes the predicates of `res` and empties the readings that would mislead.
pub(super) fn complete(toks: &[Tok], res: &mut [Clause]) {
    for c in res.iter_mut() {
        if c.verb.copula {
            continue;
        }
        join_idiom_noun(toks, c);
        join_state_phrases(toks, c);
        join_late_particle(toks, c);
        join_adverb(toks, c);
        join_object_adjective(toks, c);
    }
    for c in res.iter_mut() {
        if negated_quantifier(toks, c) || super::fragment::gapped_light_verb(toks, c) {
            empty(c);
        }
    }
    for i in 0..res.len() {
        let Some(obj) = res[i].object.as_ref().filter(|o| o.prep.is_none()) else {
            continue;
        };
        // A verb that reports takes the clause as what it reports (`scope`).
        let lemma = toks[res[i].verb.main].lemma.as_str();
        // "let the team become ...": verbs of a bare infinitive keep their object.
        let bare_infinitive = matches!(
            lemma,
            "let" | "make" | "have" | "help" | "see" | "watch" | "hear" | "feel" | "bid"
        );
        if is_reporting(lemma) || THAT_VERBS.contains(&lemma) || bare_infinitive {
            continue;
        }
        let (start, end) = (obj.phrase.start, obj.phrase.end);
        if res
            .iter()
            .any(|b| subject_of_next_clause(toks, b, start, end))
        {
            res[i].object = None;
            res[i].extras.clear();
        }
    }
}

/// Clears what a clause says, so that it makes no claim.
fn empty(c: &mut Clause) {
    c.object = None;
    c.extras.clear();
    c.agent = None;
}

/// Adds token `at` to the clause's predicate.
fn join(toks: &[Tok], c: &mut Clause, at: usize) {
    if let Some(t) = toks.get(at) {
        c.verb.lemma.push(' ');
        c.verb.lemma.push_str(&t.lower);
        c.verb.joined.push(at);
    }
}

/// The first further argument with a preposition becomes the object (after the object was
/// joined to the predicate).
fn promote_extra(c: &mut Clause) {
    c.object = match c.extras.iter().position(|e| e.prep.is_some()) {
        Some(k) => Some(c.extras.remove(k)),
        None => None,
    };
}

/// Whether `arg` is one bare word (no determiner, no modifier, no entity).
fn bare_word<'a>(toks: &'a [Tok], arg: &Arg) -> Option<&'a Tok> {
    let p = &arg.phrase;
    if p.end != p.start + 1 {
        return None;
    }
    toks.get(p.start).filter(|t| t.mention.is_none())
}

/// "took place", "took part in the race": the idiom's noun is no object.
fn join_idiom_noun(toks: &[Tok], c: &mut Clause) {
    let Some(obj) = c.object.as_ref().filter(|o| o.prep.is_none()) else {
        return;
    };
    let Some(noun) = bare_word(toks, obj).filter(|t| t.tag == "NN" || t.is_adj()) else {
        return;
    };
    let verb = toks[c.verb.main].lemma.as_str();
    let idiom = c.verb.particle.is_none()
        && VERB_NOUN_IDIOMS
            .iter()
            .any(|&(v, n)| v == verb && n == noun.lower.as_str());
    if idiom {
        let at = obj.phrase.start;
        join(toks, c, at);
        promote_extra(c);
    }
}

/// Whether `arg` is a state phrase ("in place", "on hold").
fn is_state_phrase(toks: &[Tok], arg: &Arg) -> bool {
    let Some(prep) = arg.prep.and_then(|p| toks.get(p)) else {
        return false;
    };
    let Some(noun) = bare_word(toks, arg) else {
        return false;
    };
    STATE_PHRASES
        .iter()
        .any(|&(p, n)| p == prep.lower.as_str() && n == noun.lower.as_str())
}

/// "left the fee in place", "was put on hold": the state phrase joins the predicate.
fn join_state_phrases(toks: &[Tok], c: &mut Clause) {
    if let Some(obj) = c.object.clone().filter(|o| is_state_phrase(toks, o)) {
        if let Some(p) = obj.prep {
            join(toks, c, p);
        }
        join(toks, c, obj.phrase.start);
        promote_extra(c);
    }
    let states: Vec<Arg> = c
        .extras
        .iter()
        .filter(|e| is_state_phrase(toks, e))
        .cloned()
        .collect();
    for arg in states {
        if let Some(p) = arg.prep {
            join(toks, c, p);
        }
        join(toks, c, arg.phrase.start);
    }
    c.extras.retain(|e| !is_state_phrase(toks, e));
}

/// "called the strike off": a particle after the object. After "have" or "be" the noun and
/// the particle are one noun ("had a stand off with police"): the object keeps it.
fn join_late_particle(toks: &[Tok], c: &mut Clause) {
    if c.verb.particle.is_some() {
        return;
    }
    let Some(obj) = c.object.as_mut().filter(|o| o.prep.is_none()) else {
        return;
    };
    let at = obj.phrase.end;
    let Some(t) = toks.get(at) else {
        return;
    };
    // "pushed the date back", not "a leap forward in", "40 km away from": the object ends
    // with its noun and counts nothing.
    let ends_with_noun = toks
        .get(at.wrapping_sub(1))
        .is_some_and(|n| n.is_noun() || n.is("PRP"));
    let counted = toks[obj.phrase.start..at].iter().any(|n| n.is("CD"));
    let strong = matches!(
        t.lower.as_str(),
        "up" | "out" | "off" | "down" | "back" | "away"
    );
    let particle =
        t.mention.is_none() && strong && (t.is("RP") || t.is("RB")) && ends_with_noun && !counted;
    let before_phrase = toks
        .get(at + 1)
        .is_some_and(|n| n.is_noun() || matches!(n.tag, "DT" | "PRP$" | "CD" | "PRP"));
    if !particle || before_phrase {
        return;
    }
    if matches!(toks[c.verb.main].lemma.as_str(), "have" | "be") {
        obj.phrase.end = at + 1;
        obj.phrase.conjuncts = vec![(obj.phrase.start, at + 1)];
        return;
    }
    join(toks, c, at);
}

/// Whether token `at` is a manner adverb that carries the clause's point ("kindly"), not
/// "as well" or "well over".
fn meaning_adverb(toks: &[Tok], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return false;
    };
    if !MEANING_ADVERBS.contains(&t.lower.as_str()) || !(t.is("RB") || t.is_adj()) {
        return false;
    }
    let after_as = at > 0 && toks[at - 1].lower == "as";
    let degree = t.lower == "well"
        && toks
            .get(at + 1)
            .is_some_and(|n| n.is("CD") || n.is("IN") && n.lower != "of" || n.is_adj());
    !after_as && !degree
}

/// "did not take the news kindly", "spoke highly of the judge": the adverb right after the
/// verb or its object joins the predicate.
fn join_adverb(toks: &[Tok], c: &mut Clause) {
    let first_arg = c
        .object
        .as_ref()
        .map(|o| o.prep.unwrap_or(o.phrase.start))
        .or_else(|| c.extras.first().map(|e| e.prep.unwrap_or(e.phrase.start)))
        .unwrap_or(c.verb.end);
    let after_verb = (c.verb.end..first_arg.max(c.verb.end)).find(|&k| meaning_adverb(toks, k));
    let after_object = c
        .object
        .as_ref()
        .map(|o| o.phrase.end)
        .filter(|&k| meaning_adverb(toks, k));
    if let Some(at) = after_verb.or(after_object) {
        join(toks, c, at);
    }
}

/// Verbs (lemmas) that say something of their object with an adjective after it ("ruled the
/// tests illegal", "left three people dead").
const OBJECT_ADJECTIVE_VERBS: &[&str] = &[
    "rule",
    "declare",
    "deem",
    "find",
    "consider",
    "call",
    "make",
    "keep",
    "leave",
    "render",
    "hold",
    "judge",
    "think",
    "believe",
    "prove",
    "label",
    "brand",
    "pronounce",
    "certify",
    "set",
    "get",
    "drive",
    "turn",
    "report",
    "presume",
];

/// "ruled the tests not mandatory", "found him guilty": an adjective predicated of the
/// direct object joins the predicate, with its negation.
fn join_object_adjective(toks: &[Tok], c: &mut Clause) {
    if !OBJECT_ADJECTIVE_VERBS.contains(&toks[c.verb.main].lemma.as_str()) {
        return;
    }
    let Some(obj) = c.object.as_ref().filter(|o| o.prep.is_none()) else {
        return;
    };
    let mut at = obj.phrase.end;
    let negation = toks
        .get(at)
        .is_some_and(|t| matches!(t.lower.as_str(), "not" | "never"));
    if negation {
        at += 1;
    }
    let adjective = toks
        .get(at)
        .is_some_and(|t| t.is_adj() && t.mention.is_none());
    let attributive = toks
        .get(at + 1)
        .is_some_and(|n| n.is_noun() || n.is_adj() || n.is("CD"));
    if !adjective || attributive {
        return;
    }
    let start = obj.phrase.end;
    for k in start..=at {
        join(toks, c, k);
    }
}

/// "Not every voter backed it", "Not a single shot was fired": the subject is a negated
/// quantifier, so the clause asserts nothing about what its subject names.
fn negated_quantifier(toks: &[Tok], c: &Clause) -> bool {
    let Some(s) = &c.subject else {
        return false;
    };
    const QUANTIFIERS: &[&str] = &[
        "every",
        "all",
        "each",
        "everyone",
        "everybody",
        "everything",
        "many",
        "much",
        "one",
        "a",
        "an",
        "any",
        "enough",
        "both",
        "most",
    ];
    // "not" of a verb ("were not typical stations") negates that verb, not the subject.
    let negation = |k: usize| {
        toks.get(k).is_some_and(|t| t.lower == "not")
            && (k == 0 || !(toks[k - 1].is_verb() || toks[k - 1].is("MD")))
    };
    let quantifier = |k: usize| {
        toks.get(k)
            .is_some_and(|t| QUANTIFIERS.contains(&t.lower.as_str()))
    };
    let before = s.start > 0 && negation(s.start - 1) && quantifier(s.start);
    let inside = negation(s.start) && quantifier(s.start + 1);
    (before || inside) && s.start <= c.verb.start
}

/// Whether clause `b`'s subject is the phrase `start..end` and its finite verb follows it
/// directly: that phrase is then no object of the verb before it ("ruled [grounding is not
/// mandatory]").
fn subject_of_next_clause(toks: &[Tok], b: &Clause, start: usize, end: usize) -> bool {
    let Some(s) = &b.subject else {
        return false;
    };
    let same = s.end == end && start <= s.start && s.start < end;
    let adjacent = b.verb.start >= end && toks[end..b.verb.start].iter().all(|t| t.is("RB"));
    // Not a plural present ("let the team become": it may be a bare infinitive), and of the
    // past forms only those of "be", "have" and "do" ("arrested four people involved" may
    // be a participle the tagger read as a past tense).
    let finite = toks.get(b.verb.start).is_some_and(|t| {
        matches!(t.tag, "VBZ" | "MD")
            || (t.is("VBD") && matches!(t.lemma.as_str(), "be" | "have" | "do"))
    });
    same && adjacent && finite
}

#[cfg(test)]
mod tests {
    use super::super::{join as words, read_words as read};

    /// "subject | predicate | object" of each clause of `sentence` that has an object.
    fn readings(sentence: &str) -> Vec<String> {
        let (toks, found) = read(sentence);
        found
            .iter()
            .filter_map(|c| {
                let s = c.subject.as_ref()?;
                let o = c.object.as_ref()?;
                let prep = o.prep.map(|p| format!(" {}", toks[p].lower));
                Some(format!(
                    "{} | {}{} | {}",
                    words(&toks, s.start, s.end),
                    c.verb.lemma,
                    prep.unwrap_or_default(),
                    words(&toks, o.phrase.start, o.phrase.end)
                ))
            })
            .collect()
    }

    fn check(sentence: &str, expected: &[&str]) {
        assert_eq!(readings(sentence), expected, "{sentence}");
    }

    #[test]
    fn an_idioms_noun_is_in_the_predicate_and_alone_makes_no_object() {
        check(
            "The final vote took place on Sunday .",
            &["The final vote | take place on | Sunday"],
        );
        check(
            "Hundreds of runners took part in the race .",
            &["Hundreds of runners | take part in | the race"],
        );
        check("The new rules took effect .", &[]);
        // With a determiner the noun is an object of its own.
        check(
            "The firm took a place on the board .",
            &["The firm | take | a place"],
        );
    }

    #[test]
    fn state_phrases_particles_and_manner_adverbs_join_the_predicate() {
        check(
            "The mayor left the parking fee in place .",
            &["The mayor | leave in place | the parking fee"],
        );
        check(
            "The company called the strike off .",
            &["The company | call off | the strike"],
        );
        check(
            "The minister did not take the news kindly .",
            &["The minister | take kindly | the news"],
        );
        check(
            "The senator spoke highly of the judge .",
            &["The senator | speak highly of | the judge"],
        );
        // "as well" is "also": nothing joins.
        check(
            "The board signed the deal as well .",
            &["The board | sign | the deal"],
        );
        // After "have", the particle is part of the noun.
        check(
            "The marchers had a stand off with the police .",
            &["The marchers | have | a stand off"],
        );
    }

    #[test]
    fn an_adjective_said_of_the_object_keeps_its_negation() {
        check(
            "The agency ruled the inspections not mandatory .",
            &["The agency | rule not mandatory | the inspections"],
        );
        // Before a noun the adjective is the next phrase's, not the object's.
        check(
            "The club gave the striker new boots .",
            &["The club | give | the striker new boots"],
        );
    }

    #[test]
    fn a_negated_quantifier_or_a_clause_subject_makes_no_object() {
        check("Not every member voted for the plan .", &[]);
        check("Not all voters supported the measure .", &[]);
        // "grounding ..." is the subject of what was ruled, not what was ruled.
        let got = readings("The regulator ruled grounding of the jets is not mandatory .");
        assert!(
            got.iter().all(|r| !r.starts_with("The regulator")),
            "{got:?}"
        );
        let (toks, found) = read("The regulator ruled grounding of the jets is not mandatory .");
        let ruled = found
            .iter()
            .position(|c| toks[c.verb.main].lower == "ruled");
        assert!(
            found
                .iter()
                .any(|c| c.reported_by.is_some() && c.reported_by == ruled),
            "{found:?}"
        );
    }
}
