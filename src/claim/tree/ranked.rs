//! What a ranked object needs to say which one it is (run by `whole`'s `extend_object`): "the
//! only state | to ban plastic bags", "the first executions | since the war". A superlative,
//! "only", "first" or "last" ranks the noun against a field the words after it name; cut before
//! them, the object says something the sentence does not ("Kelmar is | the only state").

use super::whole::{After, MAX_ADDED};
use crate::claim::open::{np_at, Tok};

/// Prepositions whose phrase may stand between a ranked noun and the infinitive that ranks it
/// ("the only state in the union to ...", "the first of the banks to ...").
const FIELD_PREPOSITIONS: &[&str] = &["in", "among", "of", "on", "at", "from"];

/// Whether the object `start..end` ranks its noun: a superlative or "only", "first", "last",
/// "sole" before a common noun at its end.
fn ranked(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let rank = |t: &Tok| {
        t.tag == "JJS"
            || matches!(
                t.lower.as_str(),
                "only" | "first" | "last" | "sole" | "highest" | "lowest"
            )
    };
    end > start + 1
        && matches!(last.tag, "NN" | "NNS")
        && last.mention.is_none()
        && toks[start..end - 1].iter().any(rank)
}

/// Whether a verb opens at `k`: the next word is a finite verb, modal or infinitive marker.
fn clause_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD" | "TO" | "VBN"))
}

/// The scope of the ranked object `start..end`: a "since" phrase joins it when it is one short
/// noun phrase ("the highest level since 2001", "the first executions since the war"), and the
/// clause gives no claim when the phrase opens a clause ("since the war began") or runs long;
/// an infinitive after a phrase of the field ("the only state in the union | to ban bags")
/// cannot be joined whole, and the clause gives no claim.
pub(super) fn ranked_scope(toks: &[Tok], start: usize, end: usize) -> After {
    let Some(next) = toks.get(end) else {
        return After::Nothing;
    };
    if !ranked(toks, start, end) {
        return After::Nothing;
    }
    if next.lower == "since" {
        return match np_at(toks, end + 1, toks.len()) {
            Some(e) if e - end <= MAX_ADDED && !clause_at(toks, e) => After::Whole(e),
            _ => After::Cut,
        };
    }
    if !FIELD_PREPOSITIONS.contains(&next.lower.as_str()) {
        return After::Nothing;
    }
    let Some(e) = np_at(toks, end + 1, toks.len()) else {
        return After::Nothing;
    };
    let infinitive = toks.get(e).is_some_and(|t| t.lower == "to")
        && toks.get(e + 1).is_some_and(|t| t.tag == "VB");
    if infinitive {
        After::Cut
    } else {
        After::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::super::completed::{check, never};

    #[test]
    fn a_ranked_object_keeps_its_since_phrase_or_gives_nothing() {
        check(
            "The port handled its largest cargo since the flood .",
            "The port | handled | its largest cargo since the flood",
        );
        never(
            "The port handled its largest cargo since the old quay was closed by the council .",
            "its largest cargo",
        );
    }

    #[test]
    fn a_ranked_object_cut_before_its_infinitive_gives_nothing() {
        never(
            "Dorvia is the only province in the federation to tax sugary drinks at the border .",
            "the only province",
        );
    }
}
