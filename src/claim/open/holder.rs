//! Whose view or words a "that" clause is when no reporting verb introduces it.
//!
//! Two shapes of news English report a clause without a verb of saying, and the grammar would
//! otherwise assert their content as the narrator's fact:
//!
//! * a stance adjective after a copula: "The senator is concerned that the rules favour the
//!   banks", "Officials remain confident the bridge will open": the clause is the subject's
//!   view ([`stance_reports`]; its modality is the extractor's, `extract::adjective_stance`);
//! * a noun of saying with its owner: "the mayor's claim that the dam is safe", "a finding by
//!   the watchdog that the agency misled the public": the clause is the owner's words, read
//!   like "according to" ([`owned_reports`]).
//!
//! Factive adjectives ("aware that", "pleased that") presuppose their clause and are left
//! alone, and so is a noun with no owner ("the claim that ..."): nobody is named.

use super::{is_quote, np_at, Clause, Phrase, Tok};

/// Adjectives of a held view whose "that" clause (or bare clause) is the holder's.
pub(crate) const STANCE_ADJECTIVES: &[&str] = &[
    "concerned",
    "worried",
    "convinced",
    "confident",
    "hopeful",
    "optimistic",
    "pessimistic",
    "afraid",
    "fearful",
    "sure",
    "certain",
    "adamant",
    "anxious",
    "sceptical",
    "skeptical",
    "unconvinced",
];

/// Verbs that link a subject to a stance adjective ("is", "remains", "became", "feels").
const LINKING: &[&str] = &[
    "be", "remain", "become", "grow", "feel", "seem", "appear", "stay", "get",
];

/// Nouns of saying or finding whose "that" clause is their owner's words.
const SAYING_NOUNS: &[&str] = &[
    "statement",
    "report",
    "reports",
    "claim",
    "claims",
    "assertion",
    "allegation",
    "allegations",
    "announcement",
    "declaration",
    "finding",
    "findings",
    "conclusion",
    "assurance",
    "assurances",
    "insistence",
    "argument",
    "warning",
    "prediction",
    "belief",
    "view",
    "contention",
    "testimony",
    "admission",
];

/// The stance adjective at token `k` that opens a reported clause: followed by "that" or by a
/// clause of its own ("confident the bridge will open"). Returns where the clause begins.
fn stance_at(toks: &[Tok], k: usize) -> Option<usize> {
    if !STANCE_ADJECTIVES.contains(&toks.get(k)?.lower.as_str()) {
        return None;
    }
    let next = toks.get(k + 1)?;
    if next.lower == "that" {
        return Some(k + 2);
    }
    // "sure of", "afraid to": no clause.
    let bare = super::is_np_start(next) && super::clause_follows(toks, k + 1);
    bare.then_some(k + 1)
}

/// The clause whose verb links its subject to the adjective at `k`: a linking verb right
/// before it, maybe with adverbs between ("is increasingly worried"), or a participle read as
/// the main verb of a passive ("is concerned").
fn holder_of(toks: &[Tok], res: &[Clause], k: usize) -> Option<usize> {
    (0..res.len()).rev().find(|&i| {
        let v = &res[i].verb;
        if res[i].subject.is_none() || v.start >= k || v.negated {
            return false;
        }
        if v.main == k {
            return true;
        }
        let linking = LINKING.contains(&toks[v.main].lemma.as_str());
        linking && v.end <= k && toks[v.end..k].iter().all(|t| t.tag.starts_with("RB"))
    })
}

/// "X is concerned that S": S is reported by X's clause (see the module's doc).
pub(super) fn stance_reports(toks: &[Tok], res: &mut [Clause]) {
    for k in 1..toks.len() {
        let Some(opens) = stance_at(toks, k) else {
            continue;
        };
        let Some(hi) = holder_of(toks, res, k) else {
            continue;
        };
        for (cj, c) in res.iter_mut().enumerate() {
            let first = c.subject.as_ref().is_some_and(|p| p.start == opens);
            if cj != hi && first && c.reported_by.is_none() && c.according_to.is_none() {
                c.reported_by = Some(hi);
            }
        }
    }
}

/// Whether the stance adjective of clause `c` opens the clause it reports: the extractor's
/// test for the attribution's verb and the content's modality. Returns the adjective.
pub(crate) fn stance_of<'a>(toks: &'a [Tok], c: &Clause) -> Option<&'a str> {
    let from = c.verb.main;
    let to = (c.verb.end + 3).min(toks.len());
    (from..to)
        .find(|&k| stance_at(toks, k).is_some() && (k == from || k >= c.verb.end))
        .map(|k| toks[k].lower.as_str())
}

/// Where the owner of the noun of saying at `k` is: "the mayor's claim", "the EPA's own
/// finding" (a possessive before the noun, adjectives between) or "a claim by the mayor" (the
/// noun phrase after "by"), or a possessive pronoun ("its view"). Returns the owner's range
/// and the token where the reported clause's "that" must stand.
fn owner(toks: &[Tok], k: usize) -> Option<(usize, usize, usize)> {
    if toks.get(k + 1).is_some_and(|t| t.lower == "by") {
        let e = np_at(toks, k + 2, toks.len())?;
        return Some((k + 2, e, e));
    }
    let mut p = k;
    while p > 0 && (toks[p - 1].tag.starts_with("JJ") || toks[p - 1].lower == "own") {
        p -= 1;
    }
    let pos = p.checked_sub(1)?;
    if toks[pos].tag == "PRP$" {
        return Some((pos, pos + 1, k + 1));
    }
    if toks[pos].tag != "POS" {
        return None;
    }
    let mut s = pos;
    while s > 0 {
        let t = &toks[s - 1];
        let np = t.mention.is_some()
            || matches!(t.tag, "NNP" | "NNPS" | "NN" | "NNS" | "DT" | "CD" | "HYPH")
            || (t.tag == "JJ" && s < pos);
        if !np || is_quote(&t.text) {
            break;
        }
        s -= 1;
    }
    (s < pos).then_some((s, pos, k + 1))
}

/// "The mayor's claim that S", "a finding by the watchdog that S": S is the owner's (see the
/// module's doc), unless a reporting clause already reports it.
pub(super) fn owned_reports(toks: &[Tok], res: &mut [Clause]) {
    for k in 0..toks.len() {
        if !SAYING_NOUNS.contains(&toks[k].lower.as_str()) || !toks[k].tag.starts_with("NN") {
            continue;
        }
        let Some((s, e, after)) = owner(toks, k) else {
            continue;
        };
        if toks.get(after).is_none_or(|t| t.lower != "that") {
            continue;
        }
        // "The committee expressed its view that ...": a possessive pronoun before the noun
        // is the subject of the clause whose object the noun heads.
        let host = (toks[s].tag == "PRP$")
            .then(|| {
                res.iter().find(|c| {
                    c.object
                        .as_ref()
                        .is_some_and(|o| o.phrase.start <= k && k < o.phrase.end)
                })
            })
            .flatten()
            .and_then(|c| c.subject.clone());
        let phrase = host.unwrap_or_else(|| Phrase::new(toks, s, e));
        for c in res.iter_mut() {
            let first = c.subject.as_ref().is_some_and(|p| p.start == after + 1);
            if first && c.reported_by.is_none() && c.according_to.is_none() {
                c.according_to = Some(phrase.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{join, read_words};

    /// "subject-words verb-word -> reporter's verb word / according-to words" per clause.
    fn reports(sentence: &str) -> Vec<String> {
        let (toks, found) = read_words(sentence);
        let words = |a: usize, b: usize| join(&toks, a, b);
        found
            .iter()
            .map(|c| {
                let subj = c.subject.as_ref().map(|p| words(p.start, p.end));
                let by = c.reported_by.map(|r| toks[found[r].verb.main].text.clone());
                let per = c.according_to.as_ref().map(|p| words(p.start, p.end));
                format!(
                    "{} {} -> {} / {}",
                    subj.unwrap_or_default(),
                    toks[c.verb.main].text,
                    by.unwrap_or_default(),
                    per.unwrap_or_default()
                )
            })
            .collect()
    }

    fn has(got: &[String], want: &str) -> bool {
        got.iter().any(|g| g == want)
    }

    #[test]
    fn a_stance_adjective_reports_its_clause() {
        let got = reports("The senator is concerned that the new rules favour large banks .");
        assert!(has(&got, "the new rules favour -> is / "), "{got:?}");
        let got = reports("Local farmers remain confident the dam will hold this winter .");
        assert!(
            got.iter().any(|g| g.starts_with("the dam hold -> remain")),
            "{got:?}"
        );
        let got = reports("Residents are increasingly worried that the river will flood .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("the river flood -> ") && !g.contains("->  /")),
            "{got:?}"
        );
        // A factive adjective presupposes its clause: the narrator's.
        let got = reports("The mayor was aware that the bridge had cracks .");
        assert!(has(&got, "the bridge had ->  / "), "{got:?}");
    }

    #[test]
    fn an_owned_noun_of_saying_reports_its_clause() {
        let got = reports("The mayor 's claim that the bridge was safe proved wrong .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("the bridge was ->") && g.ends_with("/ The mayor")),
            "{got:?}"
        );
        let got =
            reports("A finding by the inspectors that the mill polluted the river was published .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("the mill polluted ->") && g.ends_with("/ the inspectors")),
            "{got:?}"
        );
        // A possessive pronoun: the subject of the clause that expresses the noun.
        let got = reports("The council expressed its view that the bridge was safe .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("the bridge was ->") && g.ends_with("/ The council")),
            "{got:?}"
        );
        // No owner: nobody named.
        let got = reports("The claim that the bridge was safe proved wrong .");
        assert!(
            got.iter()
                .all(|g| !g.starts_with("the bridge was") || g.ends_with("->  / ")),
            "{got:?}"
        );
    }
}
