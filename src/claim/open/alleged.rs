//! Content under a frame that does not assert it: the token ranges of what is charged, suspected
//! or feared, which `scope::drop_unasserted` drops the clauses of.
//!
//! - an accusation, arrest, trial or verdict: the "with"/"of"/"for"/"on" phrase of a verb of
//!   accusing or punishing ("was charged with assaulting police", "accused him of hiding",
//!   "arrested for smuggling", "convicted of killing", "sentenced to death for spying") or of a
//!   noun or adjective of the same kind ("on suspicion of", "allegations of failing to",
//!   "guilty of"). The act is what someone alleges or a court found, not what the sentence
//!   states as a fact: the claim of the charge itself ("was charged | with affray") stays, the
//!   act charged ("she | assaulted | police") goes. A conviction is treated the same way: the
//!   finding is the court's, and a claim of the act would merge with the writer's facts;
//! - the "that" clause of an accusation, a fear, a hope, an expectation or a prediction ("the
//!   allegations that he took bribes", "despite concerns that the visit would be cancelled",
//!   "the doctors' prediction that he would not live"), and of a sign or proof that is denied
//!   by "no" ("gave no indication that the bank would cut rates").
//!
//! A frame's range runs over a list of charges (", assaulting police , resisting arrest and
//! ...") and ends at a finite verb, a relative word or a scope's boundary, so a verb
//! coordinated after the frame ("was jailed for fraud and released in May") stays.

use super::scope::boundary_after;
use super::Tok;

/// Verbs whose "with/of/for/on" phrase is an act someone is accused, suspected or punished of.
const ACCUSING_VERBS: &[&str] = &[
    "accuse",
    "charge",
    "suspect",
    "arrest",
    "detain",
    "indict",
    "convict",
    "prosecute",
    "jail",
    "imprison",
    "sentence",
    "try",
    "fine",
    "sue",
    "blame",
    "acquit",
    "investigate",
    "question",
];

/// Nouns and adjectives with the same phrase ("on suspicion of", "charges of", "guilty of").
const ACCUSING_WORDS: &[&str] = &[
    "suspicion",
    "charge",
    "charges",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "guilty",
    "suspected",
    "accused",
    "alleged",
    "conviction",
    "convictions",
    "indictment",
];

/// Nouns whose "that" clause is alleged, feared, hoped or predicted, not asserted.
const UNASSERTED_CONTENT_NOUNS: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "suspicion",
    "suspicions",
    "concern",
    "concerns",
    "fear",
    "fears",
    "worry",
    "worries",
    "hope",
    "hopes",
    "expectation",
    "expectations",
    "prediction",
    "predictions",
    "speculation",
    "possibility",
    "prospect",
    "likelihood",
    "risk",
    "danger",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
];

/// Nouns whose "that" clause is denied when "no" stands before them ("no indication that").
const EVIDENCE_NOUNS: &[&str] = &[
    "indication",
    "sign",
    "evidence",
    "proof",
    "suggestion",
    "guarantee",
    "assurance",
];

/// The ranges of tokens under a frame of accusation, fear, hope or denied evidence.
pub(super) fn alleged_scopes(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let prep = matches!(t.lower.as_str(), "with" | "of" | "for" | "on");
        if prep && accusation_before(toks, k) {
            let end = charges_end(toks, k + 1);
            if end > k + 1 {
                out.push((k + 1, end));
            }
        } else if t.lower == "that"
            && k > 0
            && content_noun_before(toks, k - 1)
            && subject_after(toks, k)
        {
            out.push((k + 1, boundary_after(toks, k + 1)));
        }
    }
    out
}

/// Whether the preposition at `prep` belongs to a verb of accusing (at most five words before
/// it, no boundary or finite verb between: "charged the firm 's owner with ...") or follows a
/// word of accusation ("on suspicion of", "guilty of").
fn accusation_before(toks: &[Tok], prep: usize) -> bool {
    if prep == 0 {
        return false;
    }
    let word = &toks[prep - 1];
    if ACCUSING_WORDS.contains(&word.lower.as_str()) {
        // "on charges of", "guilty of"; "the charge for a call" is a price, "charged for" a
        // fee: only "of" follows a noun or adjective.
        return toks[prep].lower == "of" || (word.lower == "suspicion" && toks[prep].lower == "on");
    }
    let from = prep.saturating_sub(6);
    for i in (from..prep).rev() {
        let w = &toks[i];
        if w.is_verb() && ACCUSING_VERBS.contains(&w.lemma.as_str()) {
            // "tried to", "fined $ 500 for" is fine; "try" only in the passive or before
            // "for" ("was tried for murder"), never "trying".
            return w.lemma != "try" || (w.tag == "VBN" && toks[prep].lower == "for");
        }
        // "was arrested in January of this year": an "of" after another preposition's noun
        // belongs to that noun ("arrested on Monday for smuggling" keeps its charge).
        let of_after_phrase = w.tag == "IN" && toks[prep].lower == "of";
        if boundary_after(toks, i) == i
            || of_after_phrase
            || matches!(w.tag, "VBD" | "VBZ" | "VBP" | "MD")
        {
            return false;
        }
    }
    false
}

/// Where the charges after `from` end: at a boundary not followed by another charge, a finite
/// verb, a modal or a relative word ("who", "which", "that").
fn charges_end(toks: &[Tok], from: usize) -> usize {
    let mut i = from;
    while i < toks.len() {
        let t = &toks[i];
        if matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD" | "WDT" | "WP")
            || t.lower == "that"
            || (matches!(t.lower.as_str(), "and" | "or" | "but")
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_verb() && n.tag != "VBG"))
        {
            return i;
        }
        if boundary_after(toks, i) == i {
            let next = toks.get(i + 1);
            let more = t.text == ","
                && next.is_some_and(|n| n.tag == "VBG" || n.lower == "and" || n.lower == "or");
            if !more {
                return i;
            }
        }
        i += 1;
    }
    toks.len()
}

/// Whether the noun at `noun` opens content that is not asserted: a noun of accusation, fear or
/// hope, or a noun of evidence after "no" ("no indication").
fn content_noun_before(toks: &[Tok], noun: usize) -> bool {
    // "The agency hopes that ...": a verb of hoping states the holder's stance, which the
    // stance rule reads with its holder; only the noun's clause is dropped here.
    if !toks[noun].is_noun() {
        return false;
    }
    let word = toks[noun].lower.as_str();
    if UNASSERTED_CONTENT_NOUNS.contains(&word) {
        return true;
    }
    let base = word.strip_suffix('s').unwrap_or(word);
    EVIDENCE_NOUNS.contains(&base)
        && (noun.saturating_sub(3)..noun)
            .any(|i| matches!(toks[i].lower.as_str(), "no" | "little" | "any"))
}

/// Whether a clause opens after the "that" at `that`: a subject first (not "concerns that were
/// raised"), and its first finite verb not right before another ("concerns that residents
/// raised were heard": a relative clause, whose verb lacks its object).
fn subject_after(toks: &[Tok], that: usize) -> bool {
    let finite = |t: &Tok| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD");
    let starts = toks
        .get(that + 1)
        .is_some_and(|n| !n.is_verb() && n.tag != "MD" && n.tag != "RB");
    let end = boundary_after(toks, that + 1);
    let gap = (that + 1..end)
        .find(|&i| finite(&toks[i]))
        .is_some_and(|i| {
            toks.get(i + 1)
                .is_some_and(|n| matches!(n.tag, "VBD" | "VBZ" | "VBP"))
        });
    starts && !gap
}

#[cfg(test)]
mod tests {
    use super::super::kept_verbs as verbs;

    #[test]
    fn what_someone_is_charged_with_or_suspected_of_is_no_claim() {
        let has = |s: &str, v: &str| verbs(s).contains(&v.to_string());
        let s =
            "The driver was charged with obstruction , kicking an officer and resisting arrest .";
        assert!(!has(s, "kicking") && !has(s, "resisting"), "{:?}", verbs(s));
        let s = "The council accused the contractor of inflating its invoices .";
        assert!(!has(s, "inflating"), "{:?}", verbs(s));
        let s = "Two guards were arrested on suspicion of selling keys to inmates .";
        assert!(!has(s, "selling"), "{:?}", verbs(s));
        let s = "The clerk was convicted of stealing pension funds in 2004 .";
        assert!(!has(s, "stealing"), "{:?}", verbs(s));
        let s = "He faces charges of failing to report the accident .";
        assert!(!has(s, "report"), "{:?}", verbs(s));
        // The charge itself stays, and so does a verb coordinated after the frame.
        let s = "The banker was jailed for fraud and released in May .";
        assert!(has(s, "jailed") && has(s, "released"), "{:?}", verbs(s));
        // The phrase of another preposition after the verb is no charge.
        let s = "The pilot was arrested in March of this year while flying to Oslo .";
        assert!(has(s, "flying"), "{:?}", verbs(s));
        let s = "Two men were arrested on Monday for smuggling cigarettes .";
        assert!(!has(s, "smuggling"), "{:?}", verbs(s));
        // An asserted gerund phrase stays.
        let s = "The mayor was praised for opening the new bridge .";
        assert!(has(s, "opening") || has(s, "praised"), "{:?}", verbs(s));
    }

    #[test]
    fn feared_hoped_or_unproven_content_is_no_claim() {
        let has = |s: &str, v: &str| verbs(s).contains(&v.to_string());
        let s = "The tour went ahead despite fears that the storm would close the airport .";
        assert!(!has(s, "close"), "{:?}", verbs(s));
        let s = "The board gave no indication that the plant will shut next year .";
        assert!(!has(s, "shut"), "{:?}", verbs(s));
        let s = "There were allegations that the firm paid the inspectors .";
        assert!(!has(s, "paid"), "{:?}", verbs(s));
        // A relative "that" after such a noun is the noun's own clause.
        let s = "The concerns that were raised by residents delayed the vote .";
        assert!(has(s, "delayed"), "{:?}", verbs(s));
        // A verb of hoping is no content noun: what it hopes is the stance rule's.
        let s = "The agency hopes that by cutting fees , airlines will add routes .";
        assert!(has(s, "cutting") || has(s, "add"), "{:?}", verbs(s));
        // Evidence that is given, not denied, is asserted.
        let s = "The audit found evidence that the firm paid the inspectors .";
        assert!(has(s, "paid") || has(s, "found"), "{:?}", verbs(s));
    }
}
