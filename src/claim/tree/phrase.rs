//! Arguments as phrases of the sentence: a dependant's subtree, less what does not belong to
//! the argument (its preposition, what a comma sets off from a subject), split at `conj` into
//! conjuncts. An argument whose words are not one run of the sentence (a non-projective parse)
//! gives `None`: a cut argument would mislead.

use super::{Rel, Tree};
use crate::claim::open::{Arg, Phrase};

/// Nouns that make "in X" a connective of the text, not an argument ("in addition").
const CONNECTIVES: &[&str] = &[
    "addition",
    "contrast",
    "particular",
    "fact",
    "turn",
    "general",
    "short",
    "sum",
    "effect",
    "comparison",
];

/// Whether word `k` names a time ("week", "yesterday", "Monday", "March").
pub(super) fn is_time(tree: &Tree, k: usize) -> bool {
    is_time_noun(tree.lower(k))
        || (tree.tag(k).starts_with("NNP") && super::verb::is_month_or_day(tree.lower(k)))
}

/// The span `start..end` of `i`'s subtree, leaving out `i`'s own dependants with a relation in
/// `skip` (and their subtrees).
pub(crate) fn subtree(tree: &Tree, i: usize, skip: &[Rel]) -> (usize, usize) {
    let (mut start, mut end) = (i, i + 1);
    let mut stack: Vec<usize> = tree
        .deps(i)
        .iter()
        .copied()
        .filter(|&k| !skip.contains(&tree.rel(k)))
        .collect();
    while let Some(n) = stack.pop() {
        start = start.min(n);
        end = end.max(n + 1);
        stack.extend_from_slice(tree.deps(n));
    }
    (start, end)
}

/// Whether `i`'s subtree is one run of the sentence (no word of it attached elsewhere).
pub(super) fn is_whole(tree: &Tree, i: usize) -> bool {
    let (s, e) = subtree(tree, i, &[]);
    subtree_size(tree, i, &[]) == e - s
}

/// Number of words in `i`'s subtree less the skipped dependants (to test that a span is whole).
fn subtree_size(tree: &Tree, i: usize, skip: &[Rel]) -> usize {
    let mut n = 1;
    let mut stack: Vec<usize> = tree
        .deps(i)
        .iter()
        .copied()
        .filter(|&k| !skip.contains(&tree.rel(k)))
        .collect();
    while let Some(k) = stack.pop() {
        n += 1;
        stack.extend_from_slice(tree.deps(k));
    }
    n
}

/// A phrase over `i`'s subtree less `skip`, trimmed of edge punctuation and split into
/// conjuncts; `None` when its words are not contiguous.
fn build(tree: &Tree, i: usize, skip: &[Rel]) -> Option<Phrase> {
    let skip = [skip, &[Rel::Punct]].concat();
    let (start, end) = subtree(tree, i, &skip);
    if end - start != subtree_size(tree, i, &skip) {
        return None;
    }
    let (start, end) = trim(tree, start, end, i);
    let conjuncts = conjuncts(tree, i, start, end);
    Some(Phrase {
        start,
        end,
        conjuncts,
        head: name_head(tree, i, end),
    })
}

/// The word an argument links through: the parse's head, or where the head is a word of a
/// run of proper nouns that is not part of an entity name ("Prime Minister Mark Rutte" headed
/// by "Minister"), the last word of the run that is.
fn name_head(tree: &Tree, i: usize, end: usize) -> usize {
    let proper = |k: usize| tree.tag(k).starts_with("NNP");
    let linked = |k: usize| tree.toks.get(k).is_some_and(|t| t.mention.is_some());
    if !proper(i) || linked(i) {
        return i;
    }
    (i + 1..end)
        .take_while(|&k| proper(k))
        .filter(|&k| linked(k))
        .last()
        .unwrap_or(i)
}

/// Drop punctuation and coordinators at both edges (never the head).
fn trim(tree: &Tree, mut start: usize, mut end: usize, head: usize) -> (usize, usize) {
    let edge = |k: usize| matches!(tree.rel(k), Rel::Punct | Rel::Cc);
    let quote = |k: usize| {
        tree.toks
            .get(k)
            .is_some_and(|t| matches!(t.text.as_str(), "\"" | "\u{201c}" | "\u{201d}"))
    };
    while start < head && edge(start) {
        // A quotation mark that opens a quote closed inside the phrase stays.
        if quote(start) && (start + 1..end).any(quote) {
            break;
        }
        start += 1;
    }
    while end > head + 1 && edge(end - 1) {
        end -= 1;
    }
    (start, end)
}

/// Conjuncts of a nominal coordination headed by `i` ("Oslo, Bergen and Tromsø"); one range
/// when there is none, or when a conjunct is a clause.
fn conjuncts(tree: &Tree, i: usize, start: usize, end: usize) -> Vec<(usize, usize)> {
    let conj: Vec<usize> = tree
        .deps(i)
        .iter()
        .copied()
        .filter(|&k| tree.rel(k) == Rel::Conj && k > i)
        .collect();
    let noun = |k: usize| {
        matches!(tree.tag(k), "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "PRP")
            && tree.dep(k, Rel::Cop).is_none()
            && tree.dep(k, Rel::Subj).is_none()
    };
    let nominal = noun(i) && conj.iter().all(|&k| noun(k));
    let Some(&first) = conj.first().filter(|_| nominal) else {
        return vec![(start, end)];
    };
    let mut out = Vec::with_capacity(conj.len() + 1);
    let first_end = subtree(tree, first, &[Rel::Cc, Rel::Punct]).0;
    out.push(trim(tree, start, first_end.max(i + 1), i));
    for &k in &conj {
        let (a, b) = subtree(tree, k, &[Rel::Cc, Rel::Punct]);
        out.push(trim(tree, a, b.min(end), k));
    }
    if out.iter().any(|&(a, b)| a >= b || a < start || b > end) {
        return vec![(start, end)];
    }
    out
}

/// An object or oblique argument, whole: everything below it but its preposition and what a
/// comma sets off.
pub(super) fn argument(tree: &Tree, i: usize) -> Option<Phrase> {
    let mut p = build(tree, i, &[Rel::Case, Rel::Parataxis])?;
    if let Some(cut) = set_off(tree, i) {
        p.end = p.end.min(cut);
        p.conjuncts.retain(|&(a, _)| a < cut);
        for c in &mut p.conjuncts {
            c.1 = c.1.min(cut);
        }
        let (s, e) = trim(tree, p.start, p.end, i);
        (p.start, p.end) = (s, e);
    }
    Some(p)
}

/// Where a comma (or a dash, or a bracket) after the head sets off an apposition, a
/// non-restrictive clause or a parenthetical (", including four managers ,").
fn set_off(tree: &Tree, i: usize) -> Option<usize> {
    let comma = |k: usize| {
        tree.toks.get(k).is_some_and(|t| {
            matches!(
                t.text.as_str(),
                "," | "-" | "--" | "\u{2014}" | "\u{2013}" | "("
            )
        })
    };
    tree.deps(i)
        .iter()
        .copied()
        .filter(|&k| k > i && !matches!(tree.rel(k), Rel::Punct | Rel::Conj | Rel::Cc))
        .filter_map(|k| {
            let first = subtree(tree, k, &[]).0;
            if comma(first) {
                return Some(first);
            }
            let before = first.checked_sub(1)?;
            (comma(before) && before > i).then_some(before)
        })
        .min()
}

/// Whether token `k` is the dash or colon after a dateline ("OSLO , June 3 - The firm"):
/// a number or a word in capitals before it, a capitalised word after it.
fn dateline_dash(tree: &Tree, k: usize) -> bool {
    let text = |k: usize| tree.toks.get(k).map_or("", |t| t.text.as_str());
    let dash = matches!(text(k), "-" | "--" | "\u{2014}" | "\u{2013}" | ":");
    let before = k.checked_sub(1).map_or("", text);
    let dateline = before.chars().all(|c| c.is_ascii_digit())
        || (before.len() > 1
            && before
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic()));
    let after = text(k + 1).chars().next().is_some_and(char::is_uppercase);
    dash && !before.is_empty() && dateline && after
}

/// A subject: the head's noun phrase without appositions, relative clauses, clauses modifying
/// it, or a dateline before a dash ("OSLO , June 3 - the firm").
pub(super) fn subject(tree: &Tree, i: usize) -> Option<Phrase> {
    let mut p = build(tree, i, &[Rel::Relcl, Rel::Acl, Rel::Case, Rel::Parataxis])?;
    if let Some(cut) = set_off(tree, i) {
        p.end = p.end.min(cut);
    }
    let dash = (p.start..i).rev().find(|&k| dateline_dash(tree, k));
    if let Some(d) = dash {
        p.start = d + 1;
    }
    // "The trade minister, Ana Reis": a description apposed before the head, up to its
    // comma, is left out.
    let apposed = tree
        .deps(i)
        .iter()
        .filter(|&&k| k < i && tree.rel(k) == Rel::Appos)
        .map(|&k| subtree(tree, k, &[]).1)
        .max();
    if let Some(e) = apposed {
        let comma = |k: usize| tree.toks.get(k).is_some_and(|t| t.text == ",");
        if comma(e) && e < i {
            p.start = p.start.max(e + 1);
        } else if e > 0 && comma(e - 1) {
            p.start = p.start.max(e);
        }
    }
    // "whose office": the owner is the antecedent, which `extract` names.
    if tree.lower(p.start) == "whose" && p.start < i {
        p.start += 1;
    }
    if p.start != p.conjuncts.first().map_or(p.start, |c| c.0)
        || p.end < p.conjuncts.last().map_or(p.end, |c| c.1)
    {
        p.conjuncts = vec![(p.start, p.end)];
    }
    (p.start < p.end).then_some(p)
}

/// A subject's head with only its own modifiers (determiner, possessor, adjectives, compounds,
/// numbers): no prepositional phrase, clause, apposition or conjunct.
pub(super) fn core(tree: &Tree, i: usize) -> Option<Phrase> {
    let skip = [
        Rel::Relcl,
        Rel::Acl,
        Rel::Case,
        Rel::Parataxis,
        Rel::Nmod,
        Rel::Appos,
        Rel::Conj,
        Rel::Cc,
    ];
    let mut p = build(tree, i, &skip)?;
    // A possessor before the head stays ("their involvement").
    let possessor = tree
        .deps(i)
        .iter()
        .copied()
        .filter(|&k| k < p.start && tree.rel(k) == Rel::Nmod)
        .map(|k| subtree(tree, k, &[]))
        .find(|&(_, e)| e == p.start);
    if let Some((s, _)) = possessor {
        p.start = s;
        p.conjuncts = vec![(p.start, p.end)];
    }
    (p.start < p.end).then_some(p)
}

/// The predicate of a copula ("is the capital of Norway", "was in Oslo"): its preposition and
/// the phrase, without the clause's subject, auxiliaries, obliques and clausal dependants.
/// A predicate that takes a clause ("is likely to win") gives `None`.
pub(super) fn predicate(tree: &Tree, v: usize) -> Option<(Option<usize>, Phrase)> {
    if tree.dep(v, Rel::Xcomp).is_some() || tree.dep(v, Rel::Ccomp).is_some() {
        return None;
    }
    let skip = [
        Rel::Subj,
        Rel::SubjPass,
        Rel::Csubj,
        Rel::Expl,
        Rel::Cop,
        Rel::Aux,
        Rel::AuxPass,
        Rel::Mark,
        Rel::Advcl,
        Rel::Parataxis,
        Rel::Obl,
        Rel::Agent,
        Rel::Case,
        Rel::Advmod,
        Rel::Punct,
    ];
    let mut p = build(tree, v, &skip)?;
    let clausal = tree.deps(v).iter().any(|&k| {
        tree.rel(k) == Rel::Conj
            && (tree.dep(k, Rel::Subj).is_some() || tree.dep(k, Rel::Cop).is_some())
    });
    if clausal {
        let (s, e) = subtree(tree, v, &[&skip[..], &[Rel::Conj, Rel::Cc]].concat());
        let (s, e) = trim(tree, s, e, v);
        p = Phrase {
            start: s,
            end: e,
            conjuncts: vec![(s, e)],
            head: v,
        };
    }
    let prep = tree.dep(v, Rel::Case).filter(|&c| c < p.start);
    Some((prep, p))
}

/// The prepositional and bare-noun arguments of `v` (`obl`), each with its preposition; those
/// stating a time come last. `according to X` and a passive's agent are not among them.
pub(super) fn obliques(tree: &Tree, v: usize) -> Vec<Arg> {
    let mut out: Vec<(bool, Arg)> = Vec::new();
    for &k in tree.deps(v) {
        if tree.rel(k) != Rel::Obl {
            continue;
        }
        let prep = tree.dep(k, Rel::Case);
        let connective = prep.is_some_and(|c| tree.lower(c) == "in")
            && CONNECTIVES.contains(&tree.lower(k))
            && tree.deps(k).len() == 1;
        if connective || prep.is_some_and(|c| tree.lower(c) == "according") {
            continue;
        }
        let Some(phrase) = argument(tree, k) else {
            continue;
        };
        let time = is_time(tree, k);
        out.push((time, Arg { prep, phrase }));
    }
    join_ranges(tree, &mut out);
    out.sort_by_key(|(time, _)| *time);
    out.into_iter().map(|(_, a)| a).collect()
}

/// Nouns that make a bare oblique a time ("last week", "on Monday", "that day"): such
/// arguments come last.
fn is_time_noun(w: &str) -> bool {
    use crate::lexicon::{TIME_NOUNS, WEEKDAYS};
    WEEKDAYS.contains(&w) || TIME_NOUNS.contains(&w) || w == "day"
}

/// Joins "from X" and the "to Y" right after it into one oblique when both hold a number
/// ("raised its workforce from 2,000 to 7,500"): the parse reads two obliques, but the amount
/// is one range, and cut in two its first half would mislead.
fn join_ranges(tree: &Tree, out: &mut Vec<(bool, Arg)>) {
    let numeric = |a: &Arg| (a.phrase.start..a.phrase.end).any(|k| tree.tag(k) == "CD");
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i].1, &out[i + 1].1);
        let from = a.prep.is_some_and(|p| tree.lower(p) == "from");
        let to = b
            .prep
            .filter(|&p| tree.lower(p) == "to" && p == a.phrase.end);
        if let (true, Some(_)) = (from, to) {
            if numeric(a) && numeric(b) {
                let phrase = Phrase {
                    start: a.phrase.start,
                    end: b.phrase.end,
                    conjuncts: vec![(a.phrase.start, b.phrase.end)],
                    head: b.phrase.head,
                };
                out[i].1.phrase = phrase;
                out.remove(i + 1);
            }
        }
        i += 1;
    }
}
