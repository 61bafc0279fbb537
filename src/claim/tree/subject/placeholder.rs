//! Subjects that hold a place in the sentence but name no actor (issue 15 item 3): a person's
//! age set off after the name ("Ana Ruiz, 43, said ..." is said by Ana Ruiz, never by "43"),
//! and the expletive "it" of a clause whose real subject is the clause or infinitive after
//! the predicate ("it is hoped that ...", "it was hard to ...", "it seems that ...").
//!
//! An age gives way to the name before it; an expletive gives the clause no subject, and so
//! no claim: what it stands for is said by another clause or by none.

use crate::claim::open::{Phrase, Tok, VerbGroup};

/// Ages above this are no person's.
const MAX_AGE: u32 = 120;

/// Verbs whose past participle after an expletive "it" reports what is said, thought or
/// known ("it is believed the gunmen fled").
const EPISTEMIC_PARTICIPLES: &[&str] = &[
    "hoped",
    "believed",
    "thought",
    "expected",
    "said",
    "reported",
    "feared",
    "understood",
    "known",
    "estimated",
    "alleged",
    "claimed",
    "rumoured",
    "rumored",
    "assumed",
    "suspected",
    "agreed",
    "decided",
    "announced",
    "confirmed",
    "planned",
];

/// Verbs that, after "it", report how things look ("it seems that", "it looks like").
const SEEMING: &[&str] = &["seem", "appear", "look", "sound", "remain"];

/// The subject the clause should have when the grammar's `subject` is a person's age set off
/// after a name: `Some(Some(name))` the name, `Some(None)` no subject at all (an age after no
/// name), `None` when `subject` is no age.
pub(super) fn age_apposition(toks: &[Tok], subject: &Phrase) -> Option<Option<Phrase>> {
    let words = toks.get(subject.start..subject.end)?;
    let number = match words {
        [n] => n,
        [aged, n] if aged.lower == "aged" => n,
        _ => return None,
    };
    let age = number.text.parse::<u32>().ok()?;
    if age == 0 || age > MAX_AGE || subject.start < 2 || toks[subject.start - 1].text != "," {
        return None;
    }
    let comma = subject.start - 1;
    let closed = toks.get(subject.end).is_some_and(|t| t.text == ",");
    let Some(name_start) = name_before(toks, comma) else {
        // A count after a comma ("killed 35, 25 wounded") is no age; an age after no name
        // has no actor the clause can give.
        return closed.then_some(None);
    };
    // "supported Ana Ruiz, 296 voted against": a number after a name inside the clause and
    // not closed by a comma is a count; a name opening the sentence or a clause, or an age
    // closed by a comma, is the age's owner.
    let opens = name_start == 0
        || matches!(
            toks[name_start - 1].text.as_str(),
            "," | ";" | ":" | "\"" | "``"
        )
        || matches!(toks[name_start - 1].tag, "IN" | "CC" | "DT");
    if !closed && !opens {
        return None;
    }
    Some(Some(Phrase::new(toks, name_start, comma)))
}

/// The first word of the name that ends right before `end`: one mention, or a run of
/// proper nouns (with a title's full stop and initials inside).
fn name_before(toks: &[Tok], end: usize) -> Option<usize> {
    let last = toks.get(end.checked_sub(1)?)?;
    if let Some(m) = last.mention {
        let mut start = end - 1;
        while start > 0 && toks[start - 1].mention == Some(m) {
            start -= 1;
        }
        return Some(start);
    }
    if !last.tag.starts_with("NNP") {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && toks[start - 1].tag.starts_with("NNP") && toks[start - 1].mention.is_none() {
        start -= 1;
    }
    Some(start)
}

/// Whether `subject` is an expletive "it" whose verb group `group` says something of a
/// clause or infinitive that follows: "it is important that", "it was hoped that", "it was
/// hard to", "it seems that", "it looks like".
pub(super) fn expletive_it(toks: &[Tok], subject: &Phrase, group: &VerbGroup) -> bool {
    let is_it = subject.end == subject.start + 1 && toks[subject.start].lower == "it";
    let Some(verb) = toks.get(group.main).filter(|_| is_it) else {
        return false;
    };
    let mut k = group.end.max(group.main + 1);
    while toks.get(k).is_some_and(|t| t.tag == "RB") {
        k += 1;
    }
    let next = toks.get(k);
    let after = toks.get(k + 1);
    let clause_opener = |t: Option<&Tok>| {
        t.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "that" | "whether" | "if" | "to" | "how" | "why"
            ) || matches!(t.tag, "WDT" | "WP" | "WRB")
        })
    };
    if SEEMING.contains(&verb.lemma.as_str()) {
        // "it seems that", "it looks like", "it remains unclear whether".
        let like = next.is_some_and(|t| matches!(t.lower.as_str(), "like" | "as"));
        let adjective = next.is_some_and(|t| t.tag.starts_with("JJ")) && clause_opener(after);
        return like || clause_opener(next) || adjective;
    }
    if verb.lemma == "be" {
        // "it is important that", "it was hard to", "it is doubtful the man could ...".
        let Some(word) = next else { return false };
        if word.tag.starts_with("JJ") {
            return clause_opener(after)
                || after.is_some_and(|t| t.tag.starts_with("NNP") || t.tag == "PRP");
        }
        return false;
    }
    // A passive "it was hoped that": the main verb is the participle.
    group.passive
        && verb.tag == "VBN"
        && EPISTEMIC_PARTICIPLES.contains(&verb.lower.as_str())
        && (clause_opener(next)
            || next.is_some_and(|t| matches!(t.tag, "DT" | "NNP" | "NNPS" | "PRP")))
}
