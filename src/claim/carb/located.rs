//! CaRB tuples for a noun placed by an "in" phrase that names a place: "the museum in
//! Lisbon", "two new plants in Ohio" give X | be in | Y, as CaRB's gold writes such nouns
//! ("is in", "are in"; the scorer matches `be` with any form of it).
//!
//! Read from the sentence's dependency parse: a proper noun attached to a noun (`nmod`) through
//! the preposition "in". A tuple is made only when it reads cleanly:
//! - the noun's phrase ends right before "in" (nothing of it, such as a relative clause, lies
//!   between), is at most [`MAX_SIDE`] tokens, holds no verb and no list, and is headed by a
//!   noun (not a pronoun, a number or a word of time);
//! - the place's phrase (without its relative clauses, appositions and lists) is all proper
//!   nouns and at most [`MAX_SIDE`] tokens.
//!
//! Time ("in March", "in 1990") is not a place: both are left out by asking for a proper noun
//! that is no month or day name. These tuples are implied, not said, so they come below the
//! clauses' own and the appositions. Linear in the sentence length: each place and each noun
//! walks at most [`MAX_SIDE`] words of its phrase, however long a chain of "in" phrases is.

use super::verbs::NOT_IN_PHRASE;
use super::{span_text, Tuple};
use crate::claim::open::Tok;
use crate::claim::tree::{Rel, Tree};

/// Base confidence of a located noun.
const LOCATED: f64 = 0.3;
/// Longest side, in tokens.
const MAX_SIDE: usize = 8;

/// The "X in PLACE" tuples of a parsed sentence.
pub(super) fn located_tuples(tree: &Tree, toks: &[Tok]) -> Vec<Tuple> {
    (0..toks.len())
        .filter(|&p| tree.rel(p) == Rel::Nmod && is_name(toks, p))
        .filter_map(|p| located(tree, toks, p))
        .collect()
}

/// The tuple of place `p`, when it reads cleanly.
fn located(tree: &Tree, toks: &[Tok], p: usize) -> Option<Tuple> {
    let h = tree.head(p).filter(|&h| h < p)?;
    if !toks[h].tag.starts_with("NN") || is_time_word(&toks[h].lower) {
        return None;
    }
    let case = tree
        .deps(p)
        .iter()
        .copied()
        .find(|&k| tree.rel(k) == Rel::Case)?;
    if toks[case].lower != "in" {
        return None;
    }
    let place = bounded_phrase(tree, p, |_| true)?;
    if place.0 != case + 1 || !all_names(toks, place) {
        return None;
    }
    if toks[place.0..place.1]
        .iter()
        .any(|t| is_time_word(&t.lower))
    {
        return None;
    }
    // The noun's phrase up to "in": its dependants before the place (a projective parse puts
    // nothing of a later dependant before it).
    let left = bounded_phrase(tree, h, |k| k < case)?;
    let noun = (left.0, case);
    if noun.0 >= noun.1 || noun.1 - noun.0 > MAX_SIDE || h >= case {
        return None;
    }
    let bad = |t: &Tok| {
        t.tag.starts_with("VB")
            || t.tag == "MD"
            || t.tag == "CC"
            || matches!(t.text.as_str(), "," | ";" | "(" | ")" | "--")
    };
    if toks[noun.0..noun.1].iter().any(bad) {
        return None;
    }
    let arg1 = span_text(toks, noun.0, noun.1);
    let place_text = span_text(toks, place.0, place.1);
    if arg1.is_empty() || place_text.is_empty() {
        return None;
    }
    Some(Tuple {
        confidence: LOCATED,
        relation: "be in".to_string(),
        arg1,
        args: vec![place_text],
    })
}

/// The span of `i`'s noun phrase (as `verbs::noun_phrase` reads it) over the dependants of
/// `i` that `keep` admits, or `None` once it holds more than [`MAX_SIDE`] words: a longer side
/// gives no tuple, and stopping there keeps a long chain of "in + name" phrases, each the next
/// one's head, linear (each place walks at most [`MAX_SIDE`] words, not the rest of the chain).
fn bounded_phrase(tree: &Tree, i: usize, keep: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    walk_phrase(tree, i, keep).0
}

/// [`bounded_phrase`] and the number of words it visited (at most [`MAX_SIDE`] + 1, however
/// long the phrase: what keeps a chain of places linear, and what the tests count).
fn walk_phrase(
    tree: &Tree,
    i: usize,
    keep: impl Fn(usize) -> bool,
) -> (Option<(usize, usize)>, usize) {
    let (mut start, mut end, mut words) = (i, i + 1, 1);
    let mut stack: Vec<usize> = tree
        .deps(i)
        .iter()
        .copied()
        .filter(|&k| keep(k) && !NOT_IN_PHRASE.contains(&tree.rel(k)))
        .collect();
    while let Some(n) = stack.pop() {
        words += 1;
        if words > MAX_SIDE {
            return (None, words);
        }
        start = start.min(n);
        end = end.max(n + 1);
        stack.extend_from_slice(tree.deps(n));
    }
    ((end - start <= MAX_SIDE).then_some((start, end)), words)
}

fn is_name(toks: &[Tok], i: usize) -> bool {
    matches!(toks[i].tag, "NNP" | "NNPS")
}

/// Whether every token of `s` is a proper noun (or the full stop of an abbreviation).
fn all_names(toks: &[Tok], s: (usize, usize)) -> bool {
    s.1 > s.0
        && toks[s.0..s.1]
            .iter()
            .all(|t| matches!(t.tag, "NNP" | "NNPS") || t.text == ".")
}

/// Names of months and days, and nouns of time, which an "in" phrase uses for a time.
fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "time"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::test_tokens;
    use crate::pos::PosModel;

    fn located(s: &str) -> Vec<String> {
        let (_, toks) = test_tokens(s);
        let tree = Tree::parse(&toks, PosModel::builtin());
        located_tuples(&tree, &toks)
            .iter()
            .map(|t| format!("{} | {} | {}", t.arg1, t.relation, t.args.join(" | ")))
            .collect()
    }

    #[test]
    fn a_noun_in_a_named_place_is_in_it() {
        let t = located("Visitors crowded the old museum in Velmora on Sunday .");
        assert!(
            t.contains(&"the old museum | be in | Velmora".to_string()),
            "{t:?}"
        );
        assert!(located("The vote was held in March .").is_empty());
    }

    /// "the office in Name1 in Name2 in ... NameN .", each place hung on the one before it.
    fn chain(links: usize) -> (Vec<Tok>, Vec<(usize, &'static str)>) {
        let names = ["Arvale", "Brenholt", "Corrin", "Dastow"];
        let mut words = vec!["the", "office"];
        let mut arcs = vec![(2, "det"), (0, "root")];
        for k in 0..links {
            words.extend(["in", names[k % names.len()]]);
            // 1-based: "in" at words.len() - 1, the name at words.len(); the name's head is the
            // word two before it (the previous name, or "office").
            let name = words.len();
            arcs.extend([(name, "case"), (name - 2, "nmod")]);
        }
        words.push(".");
        arcs.push((2, "punct"));
        let (_, toks) = test_tokens(&words.join(" "));
        (toks, arcs)
    }

    #[test]
    fn a_long_chain_of_places_gives_short_tuples_in_linear_time() {
        let (toks, arcs) = chain(30);
        let tree = Tree::from_heads(&toks, arcs.into_iter());
        let t = located_tuples(&tree, &toks);
        // Only the last place's phrase is short: every other one runs on to the chain's end.
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].relation, "be in");
        assert!(t[0].args[0].split(' ').count() <= MAX_SIDE, "{t:?}");
        // However long the chain, each place's walk stops after MAX_SIDE + 1 words (a walk to
        // the chain's end, as before the bound, would visit every later place: quadratic).
        let (long, arcs_long) = chain(20_000);
        let long_tree = Tree::from_heads(&long, arcs_long.into_iter());
        let places: Vec<usize> = (0..long.len())
            .filter(|&p| long_tree.rel(p) == Rel::Nmod && is_name(&long, p))
            .collect();
        assert_eq!(places.len(), 20_000);
        let most = places
            .iter()
            .map(|&p| walk_phrase(&long_tree, p, |_| true).1)
            .max();
        assert_eq!(most, Some(MAX_SIDE + 1));
        assert!(located_tuples(&long_tree, &long).len() <= 1);
    }
}
