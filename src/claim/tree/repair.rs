//! Repairs of parse errors the reader can recognise from the words alone.
//!
//! News sentences often end with their source: "Prices rose sharply, the central bank said on
//! Monday." The parser, trained on web text where this is rare, tends to hang the speaker on
//! the clause as an apposition and the reporting verb on it as a complement, so the reader
//! finds neither the report nor its speaker. [`trailing_report`] recognises the shape from the
//! tags (a clause with a finite verb, a comma, a noun phrase with no verb, a reporting verb,
//! then at most prepositional phrases) and rewires it: the reporting verb becomes the root,
//! the noun phrase its subject and the clause before the comma its `ccomp`.
//!
//! Names the tagger marks as entities are all proper nouns to the parser, which then often
//! splits a titled name in two subjects of one verb ("Russian | President Vladimir Putin
//! criticised", "Paul | Akkermans became"), or reads a description set off by a comma as a
//! second subject ("The trade minister, Ana Reis visited"). A verb with two subjects gives no
//! clause; [`split_subject`] joins the first to the second when the two are one noun phrase.

use super::{Rel, Tree};
use crate::lexicon::is_reporting;

/// Tags a speaker's noun phrase may contain ("the foreign ministry in Lisbon", "he").
fn in_speaker(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "JJ"
            | "JJR"
            | "JJS"
            | "NN"
            | "NNS"
            | "NNP"
            | "NNPS"
            | "IN"
            | "CD"
            | "POS"
            | "PRP"
            | "PRP$"
            | "HYPH"
            | "TO"
    )
}

/// Tags that may follow the reporting verb ("on Monday", "in a statement").
fn after_report(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "IN" | "CD" | "PRP$" | "POS" | "RB"
    )
}

fn finite(tag: &str) -> bool {
    matches!(tag, "VBD" | "VBZ" | "VBP" | "MD")
}

/// The shape's reporting verb and the comma before the speaker, when the sentence has it.
fn find(tree: &Tree) -> Option<(usize, usize)> {
    let toks = tree.toks;
    let mut end = toks.len();
    while end > 0 && matches!(toks[end - 1].tag, "." | "''" | "``") {
        end -= 1;
    }
    let r = (0..end).rev().find(|&i| !after_report(toks[i].tag))?;
    if !matches!(toks[r].tag, "VBD" | "VBZ" | "VBP") || !is_reporting(&toks[r].lemma) {
        return None;
    }
    let c = (0..r).rev().find(|&i| !in_speaker(toks[i].tag))?;
    let speaker = &toks[c + 1..r];
    let has_noun = speaker
        .iter()
        .any(|t| matches!(t.tag, "NN" | "NNS" | "NNP" | "NNPS" | "PRP"));
    let clause_verb = toks[..c].iter().any(|t| finite(t.tag));
    (toks[c].tag == "," && has_noun && clause_verb).then_some((r, c))
}

/// The highest words of `lo..hi`: those whose head lies outside the range (or is the root).
fn tops(tree: &Tree, lo: usize, hi: usize) -> Vec<usize> {
    (lo..hi)
        .filter(|&i| tree.head(i).is_none_or(|h| h < lo || h >= hi))
        .collect()
}

/// Rewires "CLAUSE, SPEAKER said [on Monday]." as a report (see the module doc). A sentence
/// without the shape, or whose clause or speaker has no single top word, is left as parsed.
pub(super) fn trailing_report(tree: &mut Tree) {
    let Some((r, c)) = find(tree) else {
        return;
    };
    let clause = tops(tree, 0, c);
    let speaker = tops(tree, c + 1, r);
    let ([h], [s]) = (clause.as_slice(), speaker.as_slice()) else {
        return;
    };
    let (h, s) = (*h, *s);
    let n = tree.toks.len();
    let mut wiring = vec![
        (r, None, Rel::Root),
        (h, Some(r), Rel::Ccomp),
        (s, Some(r), Rel::Subj),
        (c, Some(r), Rel::Punct),
    ];
    for i in r + 1..n {
        if tree.head(i).is_none_or(|x| x <= r) {
            let rel = if tree.toks[i].tag == "." {
                Rel::Punct
            } else {
                tree.rel(i)
            };
            wiring.push((i, Some(r), rel));
        }
    }
    for (i, head, rel) in wiring {
        tree.head[i] = head;
        tree.rel[i] = rel;
    }
    tree.relink();
}

/// Tags a subject's words may have to be joined to the subject after them: a noun phrase,
/// with no verb, clause word or quotation.
fn nominal(tag: &str) -> bool {
    matches!(
        tag,
        "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "POS" | "HYPH" | "IN" | "CC" | ","
    )
}

/// Joins two subjects of one verb that are one noun phrase: the first ends where the second
/// begins and one of them is a name (a titled name the parser split, "news network |
/// Tanjug": the first becomes a compound of the second), or one comma
/// before it (a description apposed to the name after it: it becomes the second's
/// apposition, which [`phrase::subject`](super::phrase::subject) leaves out). The first must
/// be a noun phrase of its own words (no verb), the second no coordination ("Smith, Jones
/// and Brown" split by the parser is left as it is: its clause gives nothing); an apposed
/// description must have no prepositional phrase and not end in a name.
pub(super) fn split_subject(tree: &mut Tree) {
    let subject = |tree: &Tree, k: usize| matches!(tree.rel(k), Rel::Subj | Rel::SubjPass);
    let mut joins: Vec<(usize, usize, Rel)> = Vec::new();
    for v in 0..tree.toks.len() {
        let subjects: Vec<usize> = tree
            .deps(v)
            .iter()
            .copied()
            .filter(|&k| subject(tree, k))
            .collect();
        let [a, b] = subjects.as_slice() else {
            continue;
        };
        let (a, b) = (*a, *b);
        let (sa, ea) = super::phrase::subtree(tree, a, &[]);
        let (sb, _) = super::phrase::subtree(tree, b, &[]);
        let toks = &tree.toks[sa..ea];
        let noun_a = tree.tag(a).starts_with("NN") && toks.iter().all(|t| nominal(t.tag));
        let noun_b = tree.tag(b).starts_with("NN")
            && !tree
                .deps(b)
                .iter()
                .any(|&k| matches!(tree.rel(k), Rel::Conj | Rel::Cc));
        if !noun_a || !noun_b || ea > sb || a > b {
            continue;
        }
        let is_comma = |k: usize| tree.toks.get(k).is_some_and(|t| t.text == ",");
        // The comma between them may hang on either.
        let comma = (ea + 1 == sb && is_comma(ea)) || (ea == sb && is_comma(ea - 1));
        let named = tree.tag(a).starts_with("NNP") || tree.tag(b).starts_with("NNP");
        // "A march in Dublin, Ireland turned": a town and its country, not a description
        // and its name. A description with a prepositional phrase is left alone, and so is a
        // name after a name.
        let last = if is_comma(ea - 1) {
            ea.saturating_sub(2)
        } else {
            ea - 1
        };
        let town = toks.iter().any(|t| t.tag == "IN")
            || (tree.tag(last).starts_with("NNP") && tree.tag(b).starts_with("NNP"));
        // Only a description before a name ("The trade minister, Ana Reis"): a name before
        // a description ("Acme Ltd, a publishing house founded in 1995") is a name with its
        // apposition, whose verb is as often a participle misread.
        let description = matches!(tree.tag(a), "NN" | "NNS") && tree.tag(b).starts_with("NNP");
        if comma && !town && description {
            joins.push((a, b, Rel::Appos));
        } else if ea == sb && named && toks.iter().all(|t| t.tag != ",") {
            joins.push((a, b, Rel::Other));
        }
    }
    if joins.is_empty() {
        return;
    }
    for (a, b, rel) in joins {
        tree.head[a] = Some(b);
        tree.rel[a] = rel;
    }
    tree.relink();
}
