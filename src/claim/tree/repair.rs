//! Repairs of parse errors the reader can recognise from the words alone.
//!
//! News sentences often end with their source: "Prices rose sharply, the central bank said on
//! Monday." The parser, trained on web text where this is rare, tends to hang the speaker on
//! the clause as an apposition and the reporting verb on it as a complement, so the reader
//! finds neither the report nor its speaker. [`trailing_report`] recognises the shape from the
//! tags (a clause with a finite verb, a comma, a noun phrase with no verb, a reporting verb,
//! then at most prepositional phrases) and rewires it: the reporting verb becomes the root,
//! the noun phrase its subject and the clause before the comma its `ccomp`.

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
