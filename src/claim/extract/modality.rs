//! The modality a clause's surroundings give it, beyond its own verb group.
//!
//! "would" after a past reporting verb is the speaker's future, shifted back ("She said the
//! firm would cut 500 jobs"), not a condition ([`reported_future`]); a hedge adverb right
//! before the subject ("and that perhaps the board knew") hedges the clause
//! ([`hedged_before_subject`]); an infinitive whose subject "for" introduces after an
//! evaluation ("it is unusual for the court to reverse a ruling") states nothing done
//! ([`evaluated_infinitive`]).

use crate::claim::open::{Clause, Tok};
use crate::claim::Attribution;
use crate::lexicon::{is_hedge, is_subordinator};

/// Reporting verbs whose past tense shifts a future back to "would".
const REPORTING: &[&str] = &[
    "say", "announce", "state", "tell", "add", "confirm", "indicate", "report", "predict",
    "promise", "pledge", "vow", "warn", "declare", "reveal", "insist", "note", "write", "forecast",
    "estimate",
];

/// Words after "would" that make it a wish or a counterfactual, not a shifted "will" ("would
/// like to", "would rather", "would have won").
const NOT_SHIFTED: &[&str] = &["like", "love", "prefer", "rather", "have", "hate", "mind"];

/// Words anywhere in the sentence that may state a condition for the "would".
const CONDITION: &[&str] = &["if", "unless", "otherwise", "provided", "providing", "lest"];

/// Whether the "would" of clause `c` (its modality read as conditional) is a reported future:
/// outside quotation marks, relative clauses and any "if"/"unless"/"as long as" in the
/// sentence, its speaker's reporting verb
/// of `REPORTING` stands in the sentence in the past ("said", "had announced"), and "would" is
/// not followed by a wish or a perfect ("would like", "would have").
pub(super) fn reported_future(toks: &[Tok], c: &Clause, attribution: Option<&Attribution>) -> bool {
    let Some(a) = attribution else {
        return false;
    };
    if c.quoted || c.conditional || !REPORTING.contains(&a.verb.as_str()) {
        return false;
    }
    let group = c.verb.start..c.verb.end.min(toks.len());
    let Some(would) = group
        .clone()
        .find(|&k| matches!(toks[k].lower.as_str(), "would" | "'d"))
    else {
        return false;
    };
    let shifted = toks[would + 1..]
        .iter()
        .find(|t| !t.tag.starts_with("RB") && t.lower != "not" && t.lower != "n't")
        .is_some_and(|t| !NOT_SHIFTED.contains(&t.lower.as_str()));
    // "as long as talks go on", "so long as": a condition too.
    let as_long_as = toks.windows(3).any(|w| {
        matches!(w[0].lower.as_str(), "as" | "so") && w[1].lower == "long" && w[2].lower == "as"
    });
    let condition = as_long_as || toks.iter().any(|t| CONDITION.contains(&t.lower.as_str()));
    // "any evidence that would support it", "figures which would make": a relative clause's
    // "would" describes, it reports no plan.
    let relative = c
        .verb
        .start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| matches!(t.tag, "WDT" | "WP") || t.lower == "which" || t.lower == "who");
    if relative {
        return false;
    }
    let past_report = toks.iter().enumerate().any(|(k, t)| {
        !group.contains(&k)
            && t.lemma == a.verb
            && (t.tag == "VBD"
                || (t.tag == "VBN"
                    && k > 0
                    && matches!(toks[k - 1].lower.as_str(), "had" | "has" | "have")))
    });
    shifted && !condition && past_report
}

/// Whether a hedge adverb ("perhaps", "possibly", "probably") stands right before clause
/// `c`'s subject, after a clause opener or a comma ("and that perhaps the board knew",
/// "Perhaps the court erred"): it hedges the whole clause.
pub(super) fn hedged_before_subject(toks: &[Tok], c: &Clause) -> bool {
    let Some(s) = &c.subject else {
        return false;
    };
    let Some(k) = s.start.checked_sub(1) else {
        return false;
    };
    let Some(t) = toks.get(k) else {
        return false;
    };
    let opens = k == 0
        || toks.get(k - 1).is_some_and(|p| {
            matches!(
                p.lower.as_str(),
                "that" | "," | "and" | "but" | "because" | "so"
            ) || p.tag == "``"
        });
    t.tag.starts_with("RB") && is_hedge(&t.lower) && opens && s.start < c.verb.start
}

/// Whether a hedge adverb stands beside clause `c`'s verb group where the grammar's verb group
/// does not take it: right after the verb, in a run of at most two adverbs that ends where
/// the object or complement begins ("is reportedly unhappy with", "were apparently on"; not
/// before a subordinate word, "switched venues reportedly because ..."), or set off by commas
/// between the subject and the verb ("The incident, reportedly, occurred").
pub(super) fn hedged_beside_verb(toks: &[Tok], c: &Clause) -> bool {
    let hedge = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.tag.starts_with("RB") && is_hedge(&t.lower))
    };
    let after = c.verb.end;
    let after_verb = c.object.as_ref().is_some_and(|o| {
        let start = o.prep.unwrap_or(o.phrase.start).min(toks.len());
        let run = start.saturating_sub(after);
        let opens_clause = o
            .prep
            .is_some_and(|p| is_subordinator(&toks[p].lower) || toks[p].lower == "because");
        (1..=2).contains(&run)
            && (after..start).all(|k| toks[k].tag.starts_with("RB"))
            && (after..start).any(hedge)
            && !opens_clause
    });
    let set_off = c.subject.as_ref().is_some_and(|s| {
        let gap = s.end..c.verb.start.min(toks.len());
        gap.len() == 3
            && toks[gap.start].text == ","
            && hedge(gap.start + 1)
            && toks[gap.start + 2].text == ","
    });
    after_verb || set_off
}

/// Whether clause `c` is an infinitive whose subject "for" introduces after an adjective or
/// "time" ("it is unusual for the court to reverse", "hard for farmers to sell", "time for the
/// board to act"): the sentence judges or calls for the act, it does not say it happens.
pub(super) fn evaluated_infinitive(toks: &[Tok], c: &Clause) -> bool {
    let Some(s) = &c.subject else {
        return false;
    };
    let to_before_verb = c
        .verb
        .start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.lower == "to")
        && s.end < c.verb.start;
    let Some(f) = s.start.checked_sub(1) else {
        return false;
    };
    if !to_before_verb || toks[f].lower != "for" {
        return false;
    }
    f.checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| t.tag.starts_with("JJ") || t.lower == "time")
}
