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
    // "at least 34 children": a bound of the amount, no rank.
    let bound = |k: usize| k > 0 && toks[k - 1].lower == "at";
    end > start + 1
        && matches!(last.tag, "NN" | "NNS")
        && last.mention.is_none()
        && (start..end - 1).any(|k| rank(&toks[k]) && !bound(k))
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
        return After::Cut;
    }
    match field_in(toks, end) {
        Some(e) if next.lower == "in" && e - end <= MAX_FIELD => After::Whole(e),
        _ => After::Nothing,
    }
}

/// Most words an "in" phrase of the field may add ("in the United States").
const MAX_FIELD: usize = 8;

/// Nouns that name the field a noun is ranked in ("the largest city in the world").
const FIELD_NOUNS: &[&str] = &[
    "world", "country", "nation", "region", "history", "league", "industry", "market", "sector",
];

/// "the largest employer in Kelmar", "the biggest carrier in the world": the end of the "in"
/// phrase at `end` that names the field a ranked noun is ranked in (a name, or a noun of
/// [`FIELD_NOUNS`]), closed where it ends; `None` for any other phrase. A counted time ("its
/// lowest level | in five years") is left out: its number would be read as the object's
/// amount.
fn field_in(toks: &[Tok], end: usize) -> Option<usize> {
    let at = end + 1;
    let e = np_at(toks, at, toks.len())?;
    let words = toks.get(at..e)?;
    let last = words.last()?;
    let date = |t: &Tok| {
        crate::lexicon::is_month_or_day(&t.lower) || t.tag == "CD" || t.text.contains('$')
    };
    if words.iter().any(date) {
        return None;
    }
    let field =
        last.mention.is_some() || (last.tag == "NN" && FIELD_NOUNS.contains(&last.lemma.as_str()));
    // The phrase ends there: no possessive, "of" or noun runs on from it.
    let closes = toks.get(e).is_none_or(|t| {
        !(t.tag.starts_with("NN") || t.tag == "POS" || matches!(t.lower.as_str(), "of" | "to"))
    });
    (field && closes).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::super::completed::{check, never};
    use crate::claim::open::test_tokens;

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
    fn a_ranked_object_keeps_the_field_it_is_ranked_in() {
        check(
            "Dorvia is the second largest producer in the world .",
            "Dorvia | is | the second largest producer in the world",
        );
        check(
            "Dorvia has the biggest fleet in the region .",
            "Dorvia | has | the biggest fleet in the region",
        );
        // A date says when: "in June 2004" stays the verb's.
        never(
            "The two leaders held their first meeting in June 2004 .",
            "their first meeting in June 2004",
        );
    }

    #[test]
    fn at_least_bounds_an_amount_and_ranks_nothing() {
        let (_, toks) = test_tokens("killed at least 34 children");
        assert!(!super::ranked(&toks, 1, 5));
        let (_, toks) = test_tokens("the largest employer");
        assert!(super::ranked(&toks, 0, 3));
    }

    #[test]
    fn a_ranked_object_cut_before_its_infinitive_gives_nothing() {
        never(
            "Dorvia is the only province in the federation to tax sugary drinks at the border .",
            "the only province",
        );
    }
}
