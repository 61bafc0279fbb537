//! Claims read from a dependency tree: the start of the extractor of issue 15 over
//! [`crate::parse`]. It is not used by the pipeline yet (the part-of-speech grammar in
//! `open.rs` stays the default); it turns one parsed sentence into clause records.
//!
//! For every verb (or copular predicate) with a subject it gives the subject (`nsubj`, or
//! `obl:agent` of a passive, whose `nsubj:pass` becomes the object), the direct object (`obj`),
//! the second object of a double-object verb (`iobj`), prepositional arguments (`obl`), negation
//! (`advmod` *not*/*never*), and for a reporting verb's clause (`ccomp`) the speaker as its
//! attribution. Arguments are whole phrases: the argument's subtree, less what a comma sets off
//! (appositions, parenthetical `including ...`), relative clauses and edge punctuation.

use crate::parse::Word;

/// The relations the rules read, as an enum (the parser's labels are strings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// `nsubj`
    Subj,
    /// `nsubj:pass`
    SubjPass,
    /// `obj`
    Obj,
    /// `iobj`
    Iobj,
    /// `obl:agent`
    Agent,
    /// `obl` (any other subtype)
    Obl,
    /// `ccomp`
    Ccomp,
    /// `advmod`
    Advmod,
    /// `appos`
    Appos,
    /// `acl:relcl`
    Relcl,
    /// `punct`
    Punct,
    /// `case`
    Case,
    /// `cop`
    Cop,
    /// Any other relation.
    Other,
}

impl Rel {
    /// The enum value of a UD relation label.
    pub fn of(label: &str) -> Rel {
        match label {
            "nsubj" => Rel::Subj,
            "nsubj:pass" => Rel::SubjPass,
            "obj" => Rel::Obj,
            "iobj" => Rel::Iobj,
            "obl:agent" => Rel::Agent,
            "ccomp" => Rel::Ccomp,
            "advmod" => Rel::Advmod,
            "appos" => Rel::Appos,
            "acl:relcl" => Rel::Relcl,
            "punct" => Rel::Punct,
            "case" => Rel::Case,
            "cop" => Rel::Cop,
            l if l == "obl" || l.starts_with("obl:") => Rel::Obl,
            _ => Rel::Other,
        }
    }
}

/// A phrase of the sentence: words `start..end` (0-based, end exclusive) around `head`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The phrase's head word.
    pub head: usize,
}

impl Phrase {
    /// The words of the phrase joined by spaces.
    pub fn text(&self, words: &[&str]) -> String {
        words
            .get(self.start..self.end)
            .unwrap_or_default()
            .join(" ")
    }
}

/// One clause read from the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeClause {
    /// The clause's verb (or copular predicate) word.
    pub verb: usize,
    /// The verb's lemma, with *not* for a negated verb kept apart in `negated`.
    pub predicate: String,
    /// Who or what the claim is about.
    pub subject: Phrase,
    /// The direct object (the `nsubj:pass` of a passive with an agent).
    pub object: Option<Phrase>,
    /// The recipient of a double-object verb (`iobj`).
    pub recipient: Option<Phrase>,
    /// Prepositional arguments (without their preposition), each with its preposition word.
    pub obliques: Vec<(Option<usize>, Phrase)>,
    /// Whether the verb is negated.
    pub negated: bool,
    /// The speaker when the clause is what a reporting verb's subject said.
    pub attribution: Option<Phrase>,
}

/// Verbs whose clausal complement is what their subject says.
const REPORTING: &[&str] = &[
    "say", "tell", "state", "announce", "report", "claim", "add", "warn", "confirm", "deny",
    "insist", "argue", "believe", "estimate", "predict", "note", "write",
];

/// Read the clauses of one parsed sentence.
pub fn clauses(parsed: &[Word]) -> Vec<TreeClause> {
    let kids = children(parsed);
    let mut out = Vec::new();
    for (v, w) in parsed.iter().enumerate() {
        let Some(ks) = kids.get(v) else { continue };
        let dep = |r: Rel| ks.iter().copied().find(|&k| rel(parsed, k) == r);
        let is_predicate = w.tag.is_verb() || ks.iter().any(|&k| rel(parsed, k) == Rel::Cop);
        if !is_predicate {
            continue;
        }
        let agent = dep(Rel::Agent);
        let (subject, object) = match (dep(Rel::Subj), dep(Rel::SubjPass), agent) {
            (Some(s), _, _) => (s, dep(Rel::Obj)),
            (None, Some(p), Some(a)) => (a, Some(p)),
            (None, Some(p), None) => (p, dep(Rel::Obj)),
            _ => continue,
        };
        let obliques = ks
            .iter()
            .copied()
            .filter(|&k| rel(parsed, k) == Rel::Obl && Some(k) != agent)
            .map(|k| (case_of(parsed, &kids, k), phrase(parsed, &kids, k)))
            .collect();
        out.push(TreeClause {
            verb: v,
            predicate: w.lemma.clone(),
            subject: phrase(parsed, &kids, subject),
            object: object.map(|o| phrase(parsed, &kids, o)),
            recipient: dep(Rel::Iobj).map(|o| phrase(parsed, &kids, o)),
            obliques,
            negated: ks.iter().any(|&k| {
                rel(parsed, k) == Rel::Advmod
                    && matches!(
                        parsed.get(k).map(|w| w.lemma.as_str()),
                        Some("not" | "never")
                    )
            }),
            attribution: speaker(parsed, &kids, v),
        });
    }
    out
}

fn rel(parsed: &[Word], i: usize) -> Rel {
    parsed.get(i).map_or(Rel::Other, |w| Rel::of(&w.deprel))
}

/// Dependents of every word, in sentence order (0-based indices).
fn children(parsed: &[Word]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); parsed.len()];
    for (i, w) in parsed.iter().enumerate() {
        if let Some(k) = w.head.checked_sub(1).and_then(|h| kids.get_mut(h)) {
            k.push(i);
        }
    }
    kids
}

/// The preposition (`case` dependent) of an oblique.
fn case_of(parsed: &[Word], kids: &[Vec<usize>], k: usize) -> Option<usize> {
    kids.get(k)?
        .iter()
        .copied()
        .find(|&c| rel(parsed, c) == Rel::Case)
}

/// The subject of the reporting verb whose `ccomp` is `v`.
fn speaker(parsed: &[Word], kids: &[Vec<usize>], v: usize) -> Option<Phrase> {
    if rel(parsed, v) != Rel::Ccomp {
        return None;
    }
    let h = parsed.get(v)?.head.checked_sub(1)?;
    if !REPORTING.contains(&parsed.get(h)?.lemma.as_str()) {
        return None;
    }
    let s = kids
        .get(h)?
        .iter()
        .copied()
        .find(|&k| rel(parsed, k) == Rel::Subj)?;
    Some(phrase(parsed, kids, s))
}

/// The argument's phrase: its subtree, without its preposition (`case`: *by* of an agent),
/// dependents a comma sets off, relative clauses, or punctuation at either edge.
fn phrase(parsed: &[Word], kids: &[Vec<usize>], head: usize) -> Phrase {
    let (mut start, mut end) = (head, head + 1);
    let mut stack = vec![head];
    while let Some(n) = stack.pop() {
        for &k in kids.get(n).map(Vec::as_slice).unwrap_or_default() {
            if n == head && (set_off(parsed, kids, k) || rel(parsed, k) == Rel::Case) {
                continue;
            }
            start = start.min(k);
            end = end.max(k + 1);
            stack.push(k);
        }
    }
    while start < head && rel(parsed, start) == Rel::Punct {
        start += 1;
    }
    while end > head + 1 && rel(parsed, end - 1) == Rel::Punct {
        end -= 1;
    }
    Phrase { start, end, head }
}

/// Whether a dependent of an argument's head is set off from it: an apposition, a relative
/// clause, or anything that opens with a comma (`, including nine children`).
fn set_off(parsed: &[Word], kids: &[Vec<usize>], k: usize) -> bool {
    let r = rel(parsed, k);
    let first = kids
        .get(k)
        .and_then(|ks| ks.first().copied())
        .filter(|&f| f < k);
    let comma_first = first.is_some_and(|f| rel(parsed, f) == Rel::Punct);
    matches!(r, Rel::Appos | Rel::Relcl) || comma_first
}

#[cfg(test)]
mod tests;
