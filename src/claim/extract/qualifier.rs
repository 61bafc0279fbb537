//! What limits a clause and must stay with its claims.
//!
//! An adverb that weakens or limits the verb ("was partly funded", "Tesco only operates",
//! "have nearly doubled", "did not directly answer", "was formerly", "does not generally affect",
//! "won the title only twice") joins the predicate's lemma: a claim
//! without it states more than the sentence does ([`qualify`]).
//!
//! "respectively" pairs two lists in order ("A and B won 40 and 30 seats respectively"): the
//! claims pair the subjects with the objects, first with first; where the reader did not split
//! both sides into lists of one length, the clause gives no claim ([`respectively`]).

use crate::claim::open::{Clause, Tok};
use crate::lexicon::is_limiting;

/// Words after "only" that make it limit a following phrase or clause, not the verb ("only
/// if", "only after the vote", "only to be", "not only ... but").
fn opens_phrase(t: &Tok) -> bool {
    t.tag == "IN" || t.tag == "TO" || t.tag.starts_with("WRB") || t.tag.starts_with("RB")
}

/// Whether token `k` is a limiting adverb of the clause: an adverb of the list, not "not
/// only", not before a subordinate word or another adverb ("almost certainly").
fn limits(toks: &[Tok], k: usize, negated: bool) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    if !t.tag.starts_with("RB") || !is_limiting(&t.lower, negated) {
        return false;
    }
    // "not only ... but also", "if only": no limit ("not directly" is one).
    let not_before = t.lower == "only"
        && k.checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| matches!(p.lower.as_str(), "not" | "n't" | "if"));
    let next_opens = toks.get(k + 1).is_some_and(opens_phrase);
    // "once" opens a clause ("once we have checked") or counts ("not once has he"): only
    // before a verb or a complement it means "formerly".
    let once_not_formerly =
        t.lower == "once"
            && (k.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
                matches!(p.lower.as_str(), "not" | "than" | "at" | "all" | "more")
            }) || toks.get(k + 1).is_none_or(|n| {
                matches!(n.tag, "PRP" | "PRP$" | "NNP" | "NNPS" | "," | "." | "MD")
            }));
    !not_before && !next_opens && !once_not_formerly
}

/// The limiting adverbs of clause `c`, as token indices in sentence order: right before its
/// verb group after the subject ("Tesco only operates"), inside it ("was partly funded"), or
/// right after the verb before an object that does not hold them ("accepts only cash"; not
/// "nearly"/"almost" before a number, which the amount keeps as its approximation).
pub(super) fn limiting_adverbs(toks: &[Tok], c: &Clause) -> Vec<usize> {
    let negated = c.verb.negated;
    let mut found = Vec::new();
    // Before the verb group, down to the subject's end (at most two adverbs).
    let floor = c
        .subject
        .as_ref()
        .map_or(c.verb.start, |s| s.end.min(c.verb.start));
    let mut before = Vec::new();
    let mut k = c.verb.start;
    while k > floor && before.len() < 2 && toks[k - 1].tag.starts_with("RB") {
        k -= 1;
        if limits(toks, k, negated) {
            before.push(k);
        }
    }
    found.extend(before.into_iter().rev());
    found.extend((c.verb.start..c.verb.main).filter(|&k| limits(toks, k, negated)));
    // "is generally not": adverbs the group took up to its negation.
    found.extend((c.verb.main + 1..c.verb.end).filter(|&k| {
        toks[k].tag.starts_with("RB")
            && toks[k].lower != "only"
            && is_limiting(&toks[k].lower, negated)
    }));
    found.extend(after_verb(toks, c));
    // "has won the title only twice", "met him only 3 times": "only" right after a direct
    // object before a count of times limits how often.
    // Not "passed in parliament only six months after": a count of times, not of time.
    let direct_end = c
        .object
        .as_ref()
        .filter(|o| o.prep.is_none())
        .map(|o| o.phrase.end);
    if let Some(e) = direct_end {
        let count_follows = toks.get(e + 1).is_some_and(|n| {
            matches!(n.lower.as_str(), "once" | "twice")
                || (n.tag == "CD" && toks.get(e + 2).is_some_and(|m| m.lower == "times"))
        });
        if toks.get(e).is_some_and(|t| t.lower == "only") && count_follows && !found.contains(&e) {
            found.push(e);
        }
    }
    found
}

/// The limiting adverbs right after clause `c`'s verb group, in a run of at most two adverbs
/// that ends where its object begins: before a direct object or complement ("accepts only
/// cash", "is currently only available to", "was initially popular with") or before the
/// preposition of its object ("is based mainly in", "agreed mostly with"; not "only"/"once",
/// which before a preposition limit its phrase: "only after the vote"). Not "nearly"/"almost"
/// before a number, which the amount keeps as its approximation ("cost nearly $200 million").
fn after_verb(toks: &[Tok], c: &Clause) -> Vec<usize> {
    let Some(o) = &c.object else {
        return Vec::new();
    };
    let (prep, object_start) = (o.prep, o.prep.unwrap_or(o.phrase.start));
    let after = c.verb.end;
    let run = (after..object_start.min(toks.len()))
        .take_while(|&k| toks[k].tag.starts_with("RB"))
        .count();
    if run == 0 || run > 2 || after + run != object_start {
        return Vec::new();
    }
    let amount_modifier = |k: usize| {
        matches!(toks[k].lower.as_str(), "nearly" | "almost")
            && toks
                .get(k + 1..(k + 3).min(toks.len()))
                .is_some_and(|next| next.iter().any(|t| t.tag == "CD"))
    };
    let before_preposition = |k: usize| {
        prep == Some(k + 1)
            && !matches!(toks[k].lower.as_str(), "only" | "once")
            && is_limiting(&toks[k].lower, c.verb.negated)
    };
    (after..object_start)
        .filter(|&k| !amount_modifier(k))
        .filter(|&k| limits(toks, k, c.verb.negated) || before_preposition(k))
        .collect()
}

/// `base` (a predicate's lemma) with the adverbs `words` that it does not hold yet: after "be"
/// for a copula or passive ("be partly funded", "be only"), else before the verb ("only
/// operate").
pub(super) fn qualify(base: &str, words: &[&str]) -> String {
    let held: Vec<&str> = base.split_whitespace().collect();
    let new: Vec<&str> =
        words
            .iter()
            .copied()
            .filter(|w| !held.contains(w))
            .fold(Vec::new(), |mut acc, w| {
                if !acc.contains(&w) {
                    acc.push(w);
                }
                acc
            });
    if new.is_empty() {
        return base.to_string();
    }
    let adverbs = new.join(" ");
    match base.strip_prefix("be") {
        Some(rest) if rest.is_empty() || rest.starts_with(' ') => format!("be {adverbs}{rest}"),
        _ => format!("{adverbs} {base}"),
    }
}

/// Whether clause `c` pairs its lists with "respectively": the word stands inside the clause,
/// from its subject on past its last argument up to the next verb, semicolon, colon or word
/// that opens another clause ("killed in three blasts, killing four and one respectively"
/// pairs the second clause's lists, not the first's).
pub(super) fn respectively(toks: &[Tok], c: &Clause) -> bool {
    let start = c.subject.as_ref().map_or(c.verb.start, |s| s.start);
    let last = c
        .object
        .iter()
        .chain(&c.extras)
        .map(|a| a.phrase.end)
        .max()
        .unwrap_or(c.verb.end)
        .min(toks.len());
    let inside = (start.min(last)..last).any(|k| toks[k].lower == "respectively");
    let closes = |t: &Tok| {
        t.tag.starts_with("VB")
            || t.tag == "MD"
            || matches!(
                t.lower.as_str(),
                ";" | ":" | "while" | "whereas" | "but" | "which" | "who" | "when"
            )
    };
    let after = toks[last..]
        .iter()
        .take_while(|t| !closes(t))
        .any(|t| t.lower == "respectively");
    inside || after
}

/// The (subject, object) index pairs of a clause's claims: every subject with every object,
/// or, under "respectively", the i-th with the i-th when both sides are lists of one length
/// (else none).
pub(super) fn pairs(subjects: usize, objects: usize, respectively: bool) -> Vec<(usize, usize)> {
    if !respectively {
        return (0..subjects)
            .flat_map(|s| (0..objects).map(move |o| (s, o)))
            .collect();
    }
    if subjects == objects && subjects > 1 {
        return (0..subjects).map(|i| (i, i)).collect();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_join_after_be_or_before_the_verb() {
        assert_eq!(qualify("finance", &["partly"]), "partly finance");
        assert_eq!(qualify("be financed", &["partly"]), "be partly financed");
        assert_eq!(qualify("be", &["only"]), "be only");
        assert_eq!(qualify("become", &["nearly"]), "nearly become");
        assert_eq!(qualify("only win", &["only"]), "only win");
        assert_eq!(qualify("win", &[]), "win");
    }

    #[test]
    fn respectively_pairs_lists_of_one_length_or_nothing() {
        assert_eq!(pairs(2, 2, true), vec![(0, 0), (1, 1)]);
        assert!(pairs(1, 2, true).is_empty());
        assert!(pairs(1, 1, true).is_empty());
        assert_eq!(pairs(1, 2, false), vec![(0, 0), (0, 1)]);
    }
}
