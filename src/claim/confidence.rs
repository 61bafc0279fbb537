//! Calibrated confidence: how likely a claim is to be judged CORRECT.
//!
//! The extractor's rules say what a claim is; this module says how far to trust it. A claim's
//! confidence is a logistic model over a few binary features of the finished claim record (its
//! rule, what its subject and object resolved to, the shape of its predicate and evidence),
//! fitted to claims judged by people with the claims-audit rubric (CORRECT / PARTIAL / WRONG).
//! The judged claims and their features are committed in `scripts/audit/judged-*.jsonl`, and
//! `scripts/audit/calibrate.py` refits the weights below from them and prints the
//! cross-validated precision at each threshold; `features` here and `features` there must stay
//! the same function (a test checks them against the committed file).
//!
//! The score is the probability of CORRECT, so "confidence >= 0.8" means "about four in five of
//! such claims are right as they stand". It never changes a claim's id.

use super::check::TreeCheck;
use super::graphable::is_pronoun_like;
use super::{Argument, Claim, Modality, Rule};

mod context;

/// What the extractor saw in the sentence that bears on a claim's reliability; the claim
/// record alone does not show it. The default says "nothing known" and sets no feature.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Signals {
    /// Tokens between the subject phrase and the verb group (an apposition, a relative clause
    /// or an adverbial in between: the subject was found across other words).
    pub subject_gap: usize,
    /// Finite verbs in the sentence: how many clauses compete for the same words.
    pub finite_verbs: usize,
    /// How the dependency-tree reader reads the same sentence (see `claim::check`).
    pub tree: super::check::TreeCheck,
    /// A "would" read as a reported future ("said the firm would cut jobs"): the modality says
    /// `future`, but the confidence weighs it as the uncertain "would" it was calibrated on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub shifted_would: bool,
}

/// One binary feature of a claim record. The order is the order of `calibrate.py`'s `NAMES`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    RuleCopula,
    RulePassive,
    RuleClauseArgument,
    RulePassiveAgent,
    RuleClausePpValue,
    RuleStance,
    RuleExistential,
    RuleApposition,
    SubjectEntity,
    SubjectPronounUnresolved,
    SubjectLong,
    SubjectLowercaseLiteral,
    ObjectEntity,
    ObjectQuantity,
    ObjectDateOnly,
    ObjectLong,
    ObjectOneWordLiteral,
    ObjectUnbalancedQuote,
    PredicateBe,
    PredicatePreposition,
    Attribution,
    Quote,
    ModalityNotAsserted,
    Negated,
    EvidenceLong,
    EvidenceQuestion,
    SubjectGap,
    SentenceManyClauses,
    TreeAgrees,
    TreeUnread,
    SubjectPossessive,
    ObjectPossessive,
    EvidenceFirstPerson,
    EvidenceOpensWithQuote,
    ArgumentsFarApart,
    AttributionUnlinked,
    ModalityUncertain,
    SubjectAfterThat,
    SubjectAfterConjunction,
    SubjectAfterPreposition,
    SubjectCutBefore,
    ObjectContinuesTo,
    ObjectDangling,
    EvidenceHedgeWord,
    SpanLowCoverage,
    PredicateLong,
    ObjectRunsOn,
    ObjectBeforeOfAsOr,
}

impl Feature {
    /// The feature's name in `calibrate.py` and in `claims --explain-confidence`.
    pub fn name(self) -> &'static str {
        match self {
            Feature::RuleCopula => "rule:copula",
            Feature::RulePassive => "rule:passive",
            Feature::RuleClauseArgument => "rule:clause-argument",
            Feature::RulePassiveAgent => "rule:passive-agent",
            Feature::RuleClausePpValue => "rule:clause-pp-value",
            Feature::RuleStance => "rule:stance",
            Feature::RuleExistential => "rule:existential",
            Feature::RuleApposition => "rule:apposition",
            Feature::SubjectEntity => "subject:entity",
            Feature::SubjectPronounUnresolved => "subject:pronoun-unresolved",
            Feature::SubjectLong => "subject:long",
            Feature::SubjectLowercaseLiteral => "subject:lowercase-literal",
            Feature::ObjectEntity => "object:entity",
            Feature::ObjectQuantity => "object:quantity",
            Feature::ObjectDateOnly => "object:date-only",
            Feature::ObjectLong => "object:long",
            Feature::ObjectOneWordLiteral => "object:one-word-literal",
            Feature::ObjectUnbalancedQuote => "object:unbalanced-quote",
            Feature::PredicateBe => "predicate:be",
            Feature::PredicatePreposition => "predicate:preposition",
            Feature::Attribution => "attribution",
            Feature::Quote => "quote",
            Feature::ModalityNotAsserted => "modality:not-asserted",
            Feature::Negated => "negated",
            Feature::EvidenceLong => "evidence:long",
            Feature::EvidenceQuestion => "evidence:question",
            Feature::SubjectGap => "subject:gap",
            Feature::SentenceManyClauses => "sentence:many-clauses",
            Feature::TreeAgrees => "tree:agrees",
            Feature::TreeUnread => "tree:unread",
            Feature::SubjectPossessive => "subject:possessive",
            Feature::ObjectPossessive => "object:possessive",
            Feature::EvidenceFirstPerson => "evidence:first-person",
            Feature::EvidenceOpensWithQuote => "evidence:opens-with-quote",
            Feature::ArgumentsFarApart => "arguments:far-apart",
            Feature::AttributionUnlinked => "attribution:unlinked",
            Feature::ModalityUncertain => "modality:uncertain",
            Feature::SubjectAfterThat => "subject:after-that",
            Feature::SubjectAfterConjunction => "subject:after-conjunction",
            Feature::SubjectAfterPreposition => "subject:after-preposition",
            Feature::SubjectCutBefore => "subject:cut-before",
            Feature::ObjectContinuesTo => "object:continues-to",
            Feature::ObjectDangling => "object:dangling",
            Feature::EvidenceHedgeWord => "evidence:hedge-word",
            Feature::SpanLowCoverage => "span:low-coverage",
            Feature::PredicateLong => "predicate:long",
            Feature::ObjectRunsOn => "object:runs-on",
            Feature::ObjectBeforeOfAsOr => "object:before-of-as-or",
        }
    }
}

/// Prepositions that end a predicate lemma ("withdraw from", "be held in").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "as", "into", "over",
    "under", "against", "after", "before", "during", "between", "through", "since", "until",
    "without", "within", "across", "among", "near", "per", "toward", "towards", "upon", "amid",
    "despite", "like", "off", "out", "up", "down",
];

/// The feature of a claim's rule (none for `clause` and rules of other tools).
fn rule_feature(rule: &Rule) -> Option<Feature> {
    Some(match rule {
        Rule::Copula => Feature::RuleCopula,
        Rule::Passive => Feature::RulePassive,
        Rule::ClauseArgument => Feature::RuleClauseArgument,
        Rule::PassiveAgent => Feature::RulePassiveAgent,
        Rule::ClausePpValue => Feature::RuleClausePpValue,
        Rule::Stance => Feature::RuleStance,
        Rule::Existential => Feature::RuleExistential,
        Rule::Apposition => Feature::RuleApposition,
        Rule::Clause | Rule::Other(_) => return None,
    })
}

// Fitted by `scripts/audit/calibrate.py scripts/audit/judged-persisting-s21.jsonl
// scripts/audit/judged-*-final-*.jsonl`: the 4,951 judged claims (the latest verdict of each
// id) that the twenty-first session's extractor still produces unchanged, with their features
// as this version computes them, together with every blind sample judged at the end of a
// session (3,780 claims), with the features they had when they were judged. The survivors alone
// flatter a fit: the claims that later fixes changed or removed were mostly the wrong ones, so
// the blind samples keep what fresh output looks like in the fit.
const BIAS: f64 = 0.3006;
const WEIGHTS: [(Feature, f64); 48] = [
    (Feature::ArgumentsFarApart, -0.1119),
    (Feature::Attribution, 0.0804),
    (Feature::AttributionUnlinked, -0.3105),
    (Feature::EvidenceFirstPerson, -0.2680),
    (Feature::EvidenceHedgeWord, 0.0145),
    (Feature::EvidenceLong, -0.3408),
    (Feature::EvidenceOpensWithQuote, -0.3696),
    (Feature::EvidenceQuestion, -0.0855),
    (Feature::ModalityNotAsserted, -0.0644),
    (Feature::ModalityUncertain, -0.3865),
    (Feature::Negated, -0.2889),
    (Feature::ObjectBeforeOfAsOr, -0.7127),
    (Feature::ObjectContinuesTo, -0.3177),
    (Feature::ObjectDangling, -0.2473),
    (Feature::ObjectDateOnly, -0.2576),
    (Feature::ObjectEntity, -0.2388),
    (Feature::ObjectLong, 0.5080),
    (Feature::ObjectOneWordLiteral, -0.4578),
    (Feature::ObjectPossessive, -0.4703),
    (Feature::ObjectQuantity, -0.2644),
    (Feature::ObjectRunsOn, -0.5152),
    (Feature::ObjectUnbalancedQuote, -0.3555),
    (Feature::PredicateBe, 0.3322),
    (Feature::PredicateLong, 0.5049),
    (Feature::PredicatePreposition, -0.0713),
    (Feature::Quote, -0.4056),
    (Feature::RuleApposition, 0.7246),
    (Feature::RuleClauseArgument, -1.5718),
    (Feature::RuleClausePpValue, -0.6695),
    (Feature::RuleCopula, -0.4253),
    (Feature::RuleExistential, 0.2444),
    (Feature::RulePassive, -0.3272),
    (Feature::RulePassiveAgent, -0.0029),
    (Feature::RuleStance, 0.5272),
    (Feature::SentenceManyClauses, -0.0741),
    (Feature::SpanLowCoverage, -0.0813),
    (Feature::SubjectAfterConjunction, -0.2776),
    (Feature::SubjectAfterPreposition, -1.1141),
    (Feature::SubjectAfterThat, -0.4951),
    (Feature::SubjectCutBefore, -0.8667),
    (Feature::SubjectEntity, 0.4512),
    (Feature::SubjectGap, -0.1081),
    (Feature::SubjectLong, -0.1062),
    (Feature::SubjectLowercaseLiteral, 0.1932),
    (Feature::SubjectPossessive, -0.9079),
    (Feature::SubjectPronounUnresolved, -2.3718),
    (Feature::TreeAgrees, 0.6429),
    (Feature::TreeUnread, -0.6236),
];

/// Possessive determiners: an argument that starts with one ("his request", "their plan")
/// names something only the context identifies.
const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Whether an argument, not linked to any entity, opens with a possessive determiner.
fn unlinked_possessive(a: &Argument) -> bool {
    let first = a.text.split_whitespace().next().unwrap_or("");
    a.entity.is_none()
        && a.refers_to.is_none()
        && a.text.split_whitespace().nth(1).is_some()
        && POSSESSIVES.iter().any(|p| first.eq_ignore_ascii_case(p))
}

/// A sentence in the first person outside any quotation: an interview answer or a letter,
/// whose "I" and "we" the claim cannot name.
fn first_person_unquoted(evidence: &str) -> bool {
    let quoted = evidence.contains(['"', '“', '”']);
    !quoted
        && evidence
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| {
                matches!(
                    w,
                    "I" | "I'm" | "I've" | "we" | "We" | "my" | "My" | "our" | "Our" | "us" | "me"
                )
            })
}

/// Bytes between the subject's end and the object's start above which the two are "far apart":
/// about eight words, where a clause boundary or an inserted phrase usually lies between.
const FAR_APART_BYTES: usize = 50;

/// Whether subject and object stand far apart in the sentence (either order).
fn far_apart(claim: &Claim) -> bool {
    let (s, o) = (&claim.subject, &claim.object);
    let gap = if o.start >= s.end {
        o.start - s.end
    } else {
        s.start.saturating_sub(o.end)
    };
    o.end > o.start && gap > FAR_APART_BYTES
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The features of a claim that are set.
pub fn features(claim: &Claim) -> Vec<Feature> {
    let mut on = Vec::new();
    if let Some(f) = rule_feature(&claim.rule) {
        on.push(f);
    }
    subject_features(&claim.subject, &mut on);
    object_features(&claim.object, &mut on);
    let lemma: Vec<&str> = claim.predicate.lemma.split_whitespace().collect();
    let flags = [
        (lemma.first() == Some(&"be"), Feature::PredicateBe),
        (
            lemma.len() > 1 && lemma.last().is_some_and(|w| PREPOSITIONS.contains(w)),
            Feature::PredicatePreposition,
        ),
        (claim.attribution.is_some(), Feature::Attribution),
        (claim.quote, Feature::Quote),
        (
            claim.modality != Modality::Asserted,
            Feature::ModalityNotAsserted,
        ),
        (claim.negated, Feature::Negated),
        (word_count(&claim.evidence) > 40, Feature::EvidenceLong),
        (is_question(&claim.evidence), Feature::EvidenceQuestion),
        (claim.signals.subject_gap > 0, Feature::SubjectGap),
        (
            claim.signals.finite_verbs >= 3,
            Feature::SentenceManyClauses,
        ),
        (claim.signals.tree == TreeCheck::Agrees, Feature::TreeAgrees),
        (claim.signals.tree == TreeCheck::Unread, Feature::TreeUnread),
        (
            !claim.quote && first_person_unquoted(&claim.evidence),
            Feature::EvidenceFirstPerson,
        ),
        (
            claim.evidence.trim_start().starts_with(['"', '“']),
            Feature::EvidenceOpensWithQuote,
        ),
        (far_apart(claim), Feature::ArgumentsFarApart),
        (
            claim
                .attribution
                .as_ref()
                .is_some_and(|a| a.entity.is_none()),
            Feature::AttributionUnlinked,
        ),
        (
            matches!(
                claim.modality,
                Modality::Possibility | Modality::Conditional | Modality::Hedged
            ) || claim.signals.shifted_would,
            Feature::ModalityUncertain,
        ),
    ];
    on.extend(flags.iter().filter(|(set, _)| *set).map(|&(_, f)| f));
    context::features(claim, &mut on);
    on
}

fn subject_features(s: &Argument, on: &mut Vec<Feature>) {
    let linked = s.entity.is_some() || s.refers_to.is_some();
    let pronoun = is_pronoun_like(&s.text);
    let first_word = s.text.split_whitespace().next().unwrap_or("");
    let lowercase = s.text.chars().next().is_some_and(char::is_lowercase)
        || matches!(first_word, "The" | "A" | "An");
    let flags = [
        (s.entity.is_some(), Feature::SubjectEntity),
        (pronoun && !linked, Feature::SubjectPronounUnresolved),
        (word_count(&s.text) > 6, Feature::SubjectLong),
        (
            !linked && s.quantity.is_none() && !pronoun && lowercase,
            Feature::SubjectLowercaseLiteral,
        ),
        (unlinked_possessive(s), Feature::SubjectPossessive),
    ];
    on.extend(flags.iter().filter(|(set, _)| *set).map(|&(_, f)| f));
}

fn object_features(o: &Argument, on: &mut Vec<Feature>) {
    let words = word_count(&o.text);
    let plain = o.entity.is_none() && o.quantity.is_none() && o.date.is_none();
    let flags = [
        (o.entity.is_some(), Feature::ObjectEntity),
        (o.quantity.is_some(), Feature::ObjectQuantity),
        (
            o.date.is_some() && o.quantity.is_none() && o.entity.is_none() && words <= 4,
            Feature::ObjectDateOnly,
        ),
        (words > 8, Feature::ObjectLong),
        (
            words == 1 && plain && o.refers_to.is_none(),
            Feature::ObjectOneWordLiteral,
        ),
        (
            o.text.matches('"').count() % 2 == 1,
            Feature::ObjectUnbalancedQuote,
        ),
        (unlinked_possessive(o), Feature::ObjectPossessive),
    ];
    on.extend(flags.iter().filter(|(set, _)| *set).map(|&(_, f)| f));
}

/// A sentence that ends in a question mark, closing quotes aside.
fn is_question(evidence: &str) -> bool {
    evidence
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’'])
        .ends_with('?')
}

/// Score of a claim read from a question: the rubric judges a question read as an assertion
/// WRONG, whatever its shape, so no weight is needed to learn it.
const QUESTION_SCORE: f64 = 0.05;

/// The calibrated probability that `claim` is judged CORRECT, rounded to two decimals.
pub fn score(claim: &Claim) -> f64 {
    let on = features(claim);
    if on.contains(&Feature::EvidenceQuestion) {
        return QUESTION_SCORE;
    }
    let z = BIAS
        + WEIGHTS
            .iter()
            .filter(|(f, _)| on.contains(f))
            .map(|(_, w)| w)
            .sum::<f64>();
    let p = 1.0 / (1.0 + (-z).exp());
    (p * 100.0).round() / 100.0
}

/// The names of the features set for `claim`, as `calibrate.py` reads them (`rule:copula`).
pub fn feature_names(claim: &Claim) -> Vec<&'static str> {
    features(claim).into_iter().map(Feature::name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Argument, Predicate, SpanWire};
    use crate::text::Span;

    fn claim(subject: &str, lemma: &str, object: &str, rule: &str) -> Claim {
        let evidence = format!("{subject} {lemma} {object}.");
        let predicate = Predicate {
            lemma: lemma.into(),
            text: lemma.into(),
        };
        Claim {
            article: "a1".into(),
            span: SpanWire { start: 0, end: 10 },
            evidence,
            ..Claim::new(
                Argument::text(subject, Span::new(0, 1)),
                predicate,
                Argument::text(object, Span::new(2, 3)),
                Rule::from_name(rule),
            )
        }
    }

    #[test]
    fn an_unresolved_pronoun_subject_lowers_the_score() {
        let named = claim("The ministry", "approve", "the budget", "clause");
        let pronoun = claim("they", "approve", "the budget", "clause");
        assert!(features(&pronoun).contains(&Feature::SubjectPronounUnresolved));
        assert!(!features(&named).contains(&Feature::SubjectPronounUnresolved));
        assert!(score(&pronoun) < score(&named));
    }

    #[test]
    fn competing_clauses_and_a_distant_subject_lower_the_score() {
        let plain = claim("The ministry", "approve", "the budget", "clause");
        let mut busy = plain.clone();
        busy.signals = Signals {
            subject_gap: 4,
            finite_verbs: 5,
            ..Signals::default()
        };
        let on = features(&busy);
        assert!(on.contains(&Feature::SubjectGap));
        assert!(on.contains(&Feature::SentenceManyClauses));
        assert!(score(&busy) < score(&plain));
    }

    #[test]
    fn the_tree_reading_the_claim_the_same_way_raises_the_score() {
        let mut agreed = claim("The ministry", "approve", "the budget", "clause");
        let mut unread = agreed.clone();
        agreed.signals.tree = TreeCheck::Agrees;
        unread.signals.tree = TreeCheck::Unread;
        let unchecked = claim("The ministry", "approve", "the budget", "clause");
        assert!(score(&agreed) > score(&unchecked));
        assert!(score(&unchecked) > score(&unread));
    }

    #[test]
    fn scores_are_probabilities_with_two_decimals() {
        for rule in ["clause", "copula", "passive", "existential", "unknown-rule"] {
            let s = score(&claim("it", "be", "a way", rule));
            assert!((0.0..=1.0).contains(&s), "{rule}: {s}");
            assert_eq!(s, (s * 100.0).round() / 100.0);
        }
    }

    #[test]
    fn a_claim_read_from_a_question_scores_lowest() {
        let mut c = claim("The ministry", "approve", "the budget", "passive");
        c.evidence = "Will the ministry approve the budget?".into();
        assert_eq!(score(&c), QUESTION_SCORE);
    }

    #[test]
    fn possessive_arguments_and_unquoted_first_person_are_features() {
        let c = claim("Their plan", "cut", "his budget", "clause");
        let names = feature_names(&c);
        assert!(names.contains(&"subject:possessive"), "{names:?}");
        assert!(names.contains(&"object:possessive"), "{names:?}");
        assert!(!names.contains(&"evidence:first-person"), "{names:?}");
        let mut c = claim("The council", "approve", "the budget", "clause");
        c.evidence = "I think the council approved the budget.".into();
        assert!(feature_names(&c).contains(&"evidence:first-person"));
        c.evidence = "\"I think the council approved the budget,\" she said.".into();
        assert!(!feature_names(&c).contains(&"evidence:first-person"));
        // One possessive word alone is a pronoun, not a possessive phrase.
        let c = claim("The council", "approve", "theirs", "clause");
        assert!(!feature_names(&c).contains(&"object:possessive"));
    }

    #[test]
    fn distance_quotes_attribution_and_uncertain_modality_are_features() {
        let mut c = claim("The council", "approve", "the budget", "clause");
        assert!(!feature_names(&c).contains(&"arguments:far-apart"));
        c.object.start = c.subject.end + 60;
        c.object.end = c.object.start + 10;
        assert!(feature_names(&c).contains(&"arguments:far-apart"));
        c.evidence = "\"The council approved the budget,\" she said.".into();
        c.modality = Modality::Possibility;
        let names = feature_names(&c);
        assert!(names.contains(&"evidence:opens-with-quote"), "{names:?}");
        assert!(names.contains(&"modality:uncertain"), "{names:?}");
        c.modality = Modality::Future;
        assert!(!feature_names(&c).contains(&"modality:uncertain"));
    }

    #[test]
    fn questions_are_recognised_behind_closing_quotes() {
        assert!(is_question("Who pays for it?\""));
        assert!(is_question("Is this the end? "));
        assert!(!is_question("He asked nothing."));
    }

    /// Every feature named in the judgements the weights are fitted to (the claims this version
    /// still extracts, and every blind sample as it was judged) is one this module computes, so
    /// the weights `calibrate.py` prints can be pasted back.
    #[test]
    fn the_committed_judgements_use_only_known_feature_names() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/audit");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("judged-")
                    && (name.contains("-final-") || name == "judged-persisting-s21.jsonl")
            })
            .collect();
        files.sort();
        assert!(files.len() >= 2, "{files:?}");
        let known: Vec<&str> = WEIGHTS.iter().map(|(f, _)| f.name()).collect();
        let mut lines = 0;
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            for line in text.lines() {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                let Some(names) = record["features"].as_array() else {
                    continue;
                };
                for name in names {
                    let name = name.as_str().unwrap();
                    assert!(
                        known.contains(&name),
                        "{name} in {path:?} is not in WEIGHTS"
                    );
                }
                lines += 1;
            }
        }
        assert!(lines >= 2000, "{lines} judged claims");
    }
}
