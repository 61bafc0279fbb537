//! Test support: the grammar's clauses of a sentence, completed from its parse as the checked
//! reader completes them, shown as "subject | verb | object" (`whole::complete`).

use super::whole::complete;
use super::Tree;
use crate::claim::open::{clauses, test_tokens};
use crate::pos::PosModel;

/// "subject | verb | object" of every grammar clause of `sentence`, completed from its
/// parse.
pub(super) fn read(sentence: &str) -> Vec<String> {
    let (words, toks) = test_tokens(sentence);
    let mut found = clauses(&toks);
    complete(&Tree::parse(&toks, PosModel::builtin()), &mut found);
    let text = |s: usize, e: usize| words[s..e].join(" ");
    found
        .iter()
        .map(|c| {
            let subject = c.subject.as_ref().map(|p| text(p.start, p.end));
            let object = c
                .object
                .as_ref()
                .map(|a| text(a.phrase.start, a.phrase.end));
            format!(
                "{} | {} | {}",
                subject.unwrap_or_default(),
                words[c.verb.main],
                object.unwrap_or_default()
            )
        })
        .collect()
}

/// Asserts that some clause of `sentence` reads `want`.
pub(super) fn check(sentence: &str, want: &str) {
    let got = read(sentence);
    assert!(got.iter().any(|g| g == want), "{want:?} not in {got:#?}");
}

/// Asserts that no clause of `sentence` has an object ending with `cut`.
pub(super) fn never(sentence: &str, cut: &str) {
    let got = read(sentence);
    assert!(got.iter().all(|g| !g.ends_with(cut)), "{got:#?}");
}
