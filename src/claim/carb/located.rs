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
//! clauses' own and the appositions. Linear in the sentence length.

use super::verbs::noun_phrase;
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
    let place = noun_phrase(tree, p);
    if place.0 != case + 1 || place.1 - place.0 > MAX_SIDE || !all_names(toks, place) {
        return None;
    }
    if toks[place.0..place.1]
        .iter()
        .any(|t| is_time_word(&t.lower))
    {
        return None;
    }
    let whole = noun_phrase(tree, h);
    let noun = (whole.0, case);
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
