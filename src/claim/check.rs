//! The second reading: claims of the part-of-speech grammar checked against the claims the
//! dependency-tree reader finds in the same sentence.
//!
//! The two readers fail in different ways (the grammar on mis-tagged words and long-distance
//! structure, the tree on parse errors), so a claim both read the same way is more often right:
//! on 556 judged claims, 43% of those the tree reads identically were CORRECT against 23% of
//! those it does not read at all. [`check`] records the agreement in each claim's
//! [`Signals`](super::confidence::Signals); the confidence model weighs it like any feature.

use super::{Claim, Rule};

/// How the tree reader's claims of the same sentence compare with a grammar claim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TreeCheck {
    /// Not checked (the claim came from one reader only).
    #[default]
    Unchecked,
    /// A tree claim has the same subject words, predicate lemma and object words.
    Agrees,
    /// A tree claim has the same verb and an overlapping subject, but other bounds or other
    /// words folded into the predicate.
    Overlaps,
    /// No tree claim of the sentence has the verb with an overlapping subject.
    Unread,
}

/// Whether two byte ranges share at least one byte.
fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The words of a predicate lemma without the limiting adverbs one reader may have seen and
/// the other not ("partly fund", "be only").
fn words(lemma: &str) -> impl Iterator<Item = &str> {
    lemma
        .split_whitespace()
        .filter(|w| !crate::lexicon::is_limiting(w, true))
}

/// The verb of a predicate lemma: its first word that is no limiting adverb.
fn verb(lemma: &str) -> &str {
    words(lemma).next().unwrap_or("")
}

/// Whether a passive's verb and a copula's are different verbs though both lemmas open with
/// *be*: "The forum, founded in 1962, is a meeting" reads "be founded in" and "be", and the
/// one does not read the other (unless the copula's predicate is the participle).
fn passive_against_copula(a: &Claim, b: &Claim) -> bool {
    let (passive, copula) = match (&a.rule, &b.rule) {
        (Rule::Passive, Rule::Copula) => (a, b),
        (Rule::Copula, Rule::Passive) => (b, a),
        _ => return false,
    };
    let participle = words(&passive.predicate.lemma).nth(1);
    let second = words(&copula.predicate.lemma).nth(1);
    // "is committed to X" read as a copula with "committed to X" for its predicate is the
    // same verb.
    let first_of_object = copula
        .object
        .text
        .split_whitespace()
        .next()
        .map(str::to_lowercase);
    let same =
        participle.is_some_and(|p| second == Some(p) || first_of_object.as_deref() == Some(p));
    !same
}

/// Whether the subjects of a tree claim and a grammar claim `a` are one apposition that opens
/// the sentence, the readers taking different halves: "One rival, the state railway, has ..."
/// (the grammar reads "One rival", the tree "the state railway"). The first must open the sentence (after a quotation mark)
/// and the second be closed by a comma, so that a phrase before a clause's comma ("After the
/// vote, the minister, who ...") is not taken for one.
fn apposed(tree: &Claim, a: &Claim) -> bool {
    // The grammar's subject is the first: where it took the second (a description after a
    // name), the tree's name is the better subject.
    if a.subject.start >= tree.subject.start {
        return false;
    }
    let (first, second) = (&a.subject, &tree.subject);
    let at = |k: usize| k.checked_sub(a.span.start);
    let text = a.evidence.as_str();
    let slice = |s: Option<usize>, e: Option<usize>| match (s, e) {
        (Some(s), Some(e)) if s <= e => text.get(s..e),
        _ => None,
    };
    let before = slice(Some(0), at(first.start));
    let between = slice(at(first.end), at(second.start));
    let after = at(second.end).and_then(|e| text.get(e..));
    let opens = before.is_some_and(|t| t.trim().chars().all(|c| "\"\u{201c}'`".contains(c)));
    let comma = between.is_some_and(|t| t.trim() == ",");
    let closed = after.is_some_and(|t| t.trim_start().starts_with(','));
    a.span == tree.span && opens && comma && closed
}

/// How `same_sentence` (the tree reader's claims of `claim`'s sentence) reads `claim`.
fn compare<'a>(claim: &Claim, same_sentence: impl Iterator<Item = &'a Claim>) -> TreeCheck {
    let span = |a: &super::Argument| (a.start, a.end);
    let mut best = TreeCheck::Unread;
    let tree_objects: Vec<&Claim> = same_sentence.collect();
    for &t in &tree_objects {
        // The readers may fold different words into the predicate ("send | troops" against
        // "send troop | Lithuania"): the verb is what must be the same.
        if verb(&t.predicate.lemma) != verb(&claim.predicate.lemma)
            || !(overlap(span(&t.subject), span(&claim.subject)) || apposed(t, claim))
            || passive_against_copula(t, claim)
        {
            continue;
        }
        let same = words(&t.predicate.lemma).eq(words(&claim.predicate.lemma))
            && span(&t.subject) == span(&claim.subject)
            && span(&t.object) == span(&claim.object);
        if same || tiled(claim, t, &tree_objects) {
            return TreeCheck::Agrees;
        }
        best = TreeCheck::Overlaps;
    }
    best
}

/// Whether the tree reads `claim`'s object, a coordination the grammar kept whole ("new police
/// and security systems"), as its conjuncts: claims of the same predicate and subject as `t`
/// whose objects tile it, one after the other with only a comma or a coordinator between.
fn tiled(claim: &Claim, t: &Claim, tree_objects: &[&Claim]) -> bool {
    let (start, end) = (claim.object.start, claim.object.end);
    let mut parts: Vec<(usize, usize)> = tree_objects
        .iter()
        .filter(|o| {
            o.predicate.lemma == claim.predicate.lemma
                && (o.subject.start, o.subject.end) == (claim.subject.start, claim.subject.end)
                && o.object.start >= start
                && o.object.end <= end
        })
        .map(|o| (o.object.start, o.object.end))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    let gap = |a: usize, b: usize| {
        let at = |k: usize| k.checked_sub(claim.span.start);
        let text = match (at(a), at(b)) {
            (Some(a), Some(b)) if a <= b => claim.evidence.get(a..b),
            _ => None,
        };
        text.is_some_and(|g| matches!(g.trim(), "," | "and" | "or" | ", and" | ", or"))
    };
    t.predicate.lemma == claim.predicate.lemma
        && parts.len() >= 2
        && parts.first().is_some_and(|p| p.0 == start)
        && parts.last().is_some_and(|p| p.1 == end)
        && parts.windows(2).all(|w| gap(w[0].1, w[1].0))
}

/// Sets each grammar claim's `signals.tree` from the tree reader's claims of the same article.
pub fn check(claims: &mut [Claim], tree: &[Claim]) {
    // The tree's claims by sentence (a stable sort keeps their order within one): each claim
    // is compared with its own sentence's only, so a long article costs linear time, not
    // claims times claims.
    let mut order: Vec<usize> = (0..tree.len()).collect();
    order.sort_by_key(|&i| tree[i].sentence);
    for claim in claims.iter_mut() {
        let from = order.partition_point(|&i| tree[i].sentence < claim.sentence);
        let to = order.partition_point(|&i| tree[i].sentence <= claim.sentence);
        let same_sentence = order[from..to].iter().map(|&i| &tree[i]);
        claim.signals.tree = compare(claim, same_sentence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Argument, Predicate, Rule, SpanWire};

    fn claim(
        sentence: usize,
        subject: (usize, usize),
        lemma: &str,
        object: (usize, usize),
    ) -> Claim {
        let arg = |(s, e): (usize, usize)| Argument::text("x", crate::text::Span::new(s, e));
        let predicate = Predicate {
            lemma: lemma.into(),
            text: lemma.into(),
        };
        Claim {
            article: "a".into(),
            sentence,
            span: SpanWire { start: 0, end: 50 },
            ..Claim::new(arg(subject), predicate, arg(object), Rule::Clause)
        }
    }

    /// A claim over `evidence` (the whole article), its arguments given as words of it.
    fn worded(evidence: &str, rule: Rule, subject: &str, lemma: &str, object: &str) -> Claim {
        let at = |w: &str| {
            let s = evidence.find(w).unwrap_or(0);
            Argument::text(w, crate::text::Span::new(s, s + w.len()))
        };
        Claim {
            span: SpanWire {
                start: 0,
                end: evidence.len(),
            },
            evidence: evidence.into(),
            subject: at(subject),
            object: at(object),
            rule,
            ..claim(0, (0, 0), lemma, (0, 0))
        }
    }

    #[test]
    fn an_apposition_opening_the_sentence_is_one_subject() {
        let s = "One rival, the state railway, has ordered forty trains.";
        let tree = [worded(
            s,
            Rule::Clause,
            "the state railway",
            "order",
            "forty trains",
        )];
        let mut grammar = vec![worded(
            s,
            Rule::Clause,
            "One rival",
            "order",
            "forty trains",
        )];
        check(&mut grammar, &tree);
        assert_eq!(grammar[0].signals.tree, TreeCheck::Overlaps);
        // The grammar's taking the second half (the description after a name) is no reading.
        let tree = [worded(
            s,
            Rule::Clause,
            "One rival",
            "order",
            "forty trains",
        )];
        let mut grammar = vec![worded(
            s,
            Rule::Clause,
            "the state railway",
            "order",
            "forty trains",
        )];
        check(&mut grammar, &tree);
        assert_eq!(grammar[0].signals.tree, TreeCheck::Unread);
        // A phrase before a clause's comma is another clause's.
        let s = "After the vote, the minister, a lawyer, resigned his seat.";
        let tree = [worded(
            s,
            Rule::Clause,
            "the minister",
            "resign",
            "his seat",
        )];
        let mut grammar = vec![worded(s, Rule::Clause, "the vote", "resign", "his seat")];
        check(&mut grammar, &tree);
        assert_eq!(grammar[0].signals.tree, TreeCheck::Unread);
    }

    #[test]
    fn a_passive_is_not_read_by_the_copula_of_its_sentence() {
        let s = "The museum, opened in 1990, is a popular place.";
        let tree = [worded(
            s,
            Rule::Copula,
            "The museum",
            "be",
            "a popular place",
        )];
        let mut grammar = vec![worded(
            s,
            Rule::Passive,
            "The museum",
            "be opened in",
            "1990",
        )];
        check(&mut grammar, &tree);
        assert_eq!(grammar[0].signals.tree, TreeCheck::Unread);
        // ... unless the copula's predicate is the participle.
        let s = "The mayor is committed to the plan.";
        let tree = [worded(
            s,
            Rule::Copula,
            "The mayor",
            "be",
            "committed to the plan",
        )];
        let mut grammar = vec![worded(
            s,
            Rule::Passive,
            "The mayor",
            "be committed to",
            "the plan",
        )];
        check(&mut grammar, &tree);
        assert_eq!(grammar[0].signals.tree, TreeCheck::Overlaps);
    }

    #[test]
    fn a_coordination_kept_whole_agrees_with_its_conjuncts() {
        // The tree splits what the grammar kept whole; a gap of other words is no list.
        let evidence = "Tom introduced new police and security systems in May .";
        let at = |c: Claim| Claim {
            evidence: evidence.into(),
            ..c
        };
        let tree = vec![
            at(claim(0, (0, 3), "introduce", (15, 25))),
            at(claim(0, (0, 3), "introduce", (30, 46))),
            at(claim(0, (0, 3), "introduce", (50, 53))),
        ];
        let mut grammar = vec![
            at(claim(0, (0, 3), "introduce", (15, 46))),
            at(claim(0, (0, 3), "introduce", (30, 53))),
        ];
        check(&mut grammar, &tree);
        let got: Vec<TreeCheck> = grammar.iter().map(|c| c.signals.tree).collect();
        assert_eq!(got, vec![TreeCheck::Agrees, TreeCheck::Overlaps]);
    }

    #[test]
    fn a_limiting_adverb_one_reader_joined_still_agrees() {
        let tree = vec![claim(0, (0, 4), "be offered through", (12, 30))];
        let mut grammar = vec![
            claim(0, (0, 4), "be exclusively offered through", (12, 30)),
            claim(0, (0, 4), "be offered by", (12, 30)),
        ];
        check(&mut grammar, &tree);
        let got: Vec<TreeCheck> = grammar.iter().map(|c| c.signals.tree).collect();
        assert_eq!(got, vec![TreeCheck::Agrees, TreeCheck::Overlaps]);
    }

    #[test]
    fn the_same_reading_agrees_a_shorter_object_overlaps_another_verb_is_unread() {
        let tree = vec![
            claim(0, (0, 4), "employ", (12, 30)),
            claim(1, (0, 4), "say", (9, 20)),
            claim(2, (0, 4), "send troop", (20, 30)),
        ];
        let mut grammar = vec![
            claim(0, (0, 4), "employ", (12, 30)),
            claim(0, (0, 4), "employ", (12, 20)),
            claim(0, (0, 4), "build", (12, 30)),
            claim(1, (5, 8), "say", (9, 20)),
            claim(2, (0, 4), "send", (10, 16)),
        ];
        check(&mut grammar, &tree);
        let got: Vec<TreeCheck> = grammar.iter().map(|c| c.signals.tree).collect();
        use TreeCheck::*;
        assert_eq!(got, vec![Agrees, Overlaps, Unread, Unread, Overlaps]);
    }
}
