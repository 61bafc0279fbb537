//! Features read from the words around a claim's arguments in its sentence: where the record
//! alone looks fine but the sentence shows that an argument was taken from the wrong place
//! (a subject that follows "that", a conjunction, a preposition or another word of its own
//! phrase) or cut short (an object followed by "to" and a verb, ending in a function word, or
//! followed straight on by a word that still belongs to it), and how much of the sentence the
//! claim covers.
//!
//! Offsets of arguments are article bytes; the evidence is the sentence, starting at the
//! claim's span. Where an offset does not fall inside the evidence on a character boundary
//! (a pronoun replaced by its antecedent, a claim built by another tool) no feature is set.
//!
//! The word lists here are the features' own, as the judged claims were fitted with them: they
//! overlap `lexicon::HEDGES`, `lexicon::SEEM_VERBS` and `lexicon::SUBORDINATORS` but are not
//! the same sets (a hedge here is any word of doubt in the sentence, not an adverb on the verb;
//! "and", "which" and "who" open a clause here too). Changing them changes the features of every
//! judged claim, so a change goes with a refit.

use super::{Feature, PREPOSITIONS};
use crate::claim::{Argument, Claim, Modality};

/// Words that open a subordinate or coordinated clause: a subject after one belongs to that
/// clause, which the claim may have torn from the clause it depends on.
const CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "while", "because", "if", "although", "though", "whereas", "unless",
    "which", "who", "whose",
];

/// Words before a subject that leave it whole: prepositions that introduce a passive agent or a
/// time clause, subordinators of time, reporting verbs, and the article (a subject printed
/// without its "the").
const CLEAN_BEFORE: &[&str] = &[
    "by",
    "as",
    "after",
    "before",
    "since",
    "until",
    "when",
    "where",
    "so",
    "then",
    "said",
    "says",
    "say",
    "told",
    "the",
    "including",
];

/// Function words that cannot end a phrase: an object ending in one was cut.
const DANGLING: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "his", "her", "its", "their", "our", "my", "your",
    "this", "that", "these", "those",
];

/// Words that put the sentence's statement in doubt ("some doubt that", "is speculated",
/// "allegedly", "whether"), prefixes first.
const HEDGE_PREFIXES: &[&str] = &[
    "doubt", "speculat", "alleg", "rumour", "rumor", "suspect", "believ",
];
const HEDGE_WORDS: &[&str] = &[
    "reportedly",
    "whether",
    "claim",
    "claims",
    "claimed",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "expected",
    "appear",
    "appears",
    "seem",
    "seems",
];

/// Lower-case words that may follow a whole object without a comma: words that open the next
/// clause or its verb ("the plan that ...", "the plan was ..."), "than", and "to" (read by
/// [`object_continues_to`]). Any other lower-case word that is not a preposition or a
/// conjunction still belongs to the object's phrase ("a controversial television | commercial",
/// "the names | to be", "expect passenger numbers | continuing"): the object was cut.
const OBJECT_MAY_END_BEFORE: &[&str] = &[
    "that", "to", "than", "said", "says", "say", "is", "was", "are", "were", "has", "have", "had",
    "when", "where",
];

/// Words of time, frequency and extent that open an adverbial after a whole object ("employs
/// 4,000 people worldwide", "sold the plant last week", "cut jobs this year", "signed the deal
/// yesterday"): the object ended. Judged claims whose object runs on into one of these were
/// right about as often as claims in general; those running on into any other lower-case word
/// much less often.
const ADVERBIAL_AFTER_OBJECT: &[&str] = &[
    "this",
    "last",
    "next",
    "each",
    "every",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "ago",
    "recently",
    "annually",
    "worldwide",
    "nationwide",
    "overseas",
    "abroad",
];

/// Words straight after an object that show it was cut before its own complement: "of" (the
/// phrase's "of" part, "the question | of whether ..."), "as" (the second object of "describe X
/// as Y") and "or" (one side of an alternative).
const OBJECT_CUT_BEFORE: &[&str] = &["of", "as", "or"];

/// The share of the sentence, in bytes, below which the claim covers little of it.
const LOW_COVERAGE: f64 = 0.4;

/// Predicate lemmas of this many words or more ("be expected to reach", "agree to hold talks
/// on") join several verbs or a verb and a noun: more room for a wrong join.
const LONG_PREDICATE_WORDS: usize = 3;

/// The evidence before and after an argument, when its offsets fall inside the evidence.
fn around<'a>(claim: &'a Claim, a: &Argument) -> Option<(&'a str, &'a str)> {
    let base = claim.span.start;
    let start = a.start.checked_sub(base)?;
    let end = a.end.checked_sub(base)?;
    let ev = claim.evidence.as_str();
    Some((ev.get(..start)?, ev.get(end..)?))
}

/// Tokens as the features read them: runs of letters, digits, apostrophes and ampersands, and
/// single other non-space characters.
fn tokens(s: &str) -> impl DoubleEndedIterator<Item = &str> + '_ {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '&';
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(st) = start.take() {
            out.push(&s[st..i]);
        }
        if !c.is_whitespace() {
            out.push(&s[i..i + c.len_utf8()]);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out.into_iter()
}

/// What the word just before the subject says about where the subject was taken from.
fn subject_before(claim: &Claim) -> Option<Feature> {
    let (before, _) = around(claim, &claim.subject)?;
    let mut words = tokens(before).rev();
    let prev = words.next()?.to_lowercase();
    let word = prev.chars().next().is_some_and(char::is_alphanumeric);
    let p = prev.as_str();
    // "No charges were filed", "None of the staff were hurt": the negative word the verb took
    // over ("charges | not filed") cut nothing.
    let before_of = words.next().map(str::to_lowercase);
    let negative = matches!(p, "no" | "neither")
        || (p == "of" && matches!(before_of.as_deref(), Some("none" | "neither")));
    let in_predicate = claim
        .predicate
        .text
        .split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("no"));
    if claim.negated && negative && !in_predicate {
        return None;
    }
    Some(if p == "that" {
        Feature::SubjectAfterThat
    } else if CONJUNCTIONS.contains(&p) {
        Feature::SubjectAfterConjunction
    } else if PREPOSITIONS.contains(&p) && !CLEAN_BEFORE.contains(&p) {
        Feature::SubjectAfterPreposition
    } else if word && !CLEAN_BEFORE.contains(&p) && !p.starts_with(|c: char| c.is_ascii_digit()) {
        Feature::SubjectCutBefore
    } else {
        return None;
    })
}

/// An object followed by "to" and a lower-case word: the object's own infinitive ("the power
/// to veto"), or a verb whose object this is not.
fn object_continues_to(claim: &Claim) -> bool {
    let Some((_, after)) = around(claim, &claim.object) else {
        return false;
    };
    let mut next = tokens(after);
    next.next().is_some_and(|t| t.eq_ignore_ascii_case("to"))
        && next
            .next()
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_lowercase)
}

/// What the word straight after the object (no punctuation between) says about its extent.
fn object_next_word(claim: &Claim) -> Option<Feature> {
    let (_, after) = around(claim, &claim.object)?;
    let next = tokens(after).next()?;
    let lower = next.to_lowercase();
    let w = lower.as_str();
    if OBJECT_CUT_BEFORE.contains(&w) {
        return Some(Feature::ObjectBeforeOfAsOr);
    }
    let runs_on = next.chars().next().is_some_and(char::is_lowercase)
        && !PREPOSITIONS.contains(&w)
        && !CONJUNCTIONS.contains(&w)
        && !OBJECT_MAY_END_BEFORE.contains(&w)
        && !ADVERBIAL_AFTER_OBJECT.contains(&w);
    runs_on.then_some(Feature::ObjectRunsOn)
}

/// An object whose last word is a preposition, an article, a possessive or a conjunction.
fn object_dangling(o: &Argument) -> bool {
    o.text.split_whitespace().next_back().is_some_and(|w| {
        let w = w.to_lowercase();
        PREPOSITIONS.contains(&w.as_str()) || DANGLING.contains(&w.as_str())
    })
}

/// An asserted claim from a sentence that holds a word of doubt or report.
fn hedged_sentence(claim: &Claim) -> bool {
    claim.modality == Modality::Asserted
        && tokens(&claim.evidence).any(|t| {
            let t = t.to_lowercase();
            HEDGE_WORDS.contains(&t.as_str()) || HEDGE_PREFIXES.iter().any(|p| t.starts_with(p))
        })
}

/// Whether subject and object together cover less than [`LOW_COVERAGE`] of the sentence.
fn low_coverage(claim: &Claim) -> bool {
    let (s, o) = (&claim.subject, &claim.object);
    let from = s.start.min(o.start);
    let to = s.end.max(o.end);
    let len = claim.evidence.len().max(1);
    (to.saturating_sub(from) as f64) / (len as f64) < LOW_COVERAGE
}

/// The context features of `claim` that are set, added to `on`.
pub(super) fn features(claim: &Claim, on: &mut Vec<Feature>) {
    on.extend(subject_before(claim));
    on.extend(object_next_word(claim));
    let flags = [
        (object_continues_to(claim), Feature::ObjectContinuesTo),
        (object_dangling(&claim.object), Feature::ObjectDangling),
        (hedged_sentence(claim), Feature::EvidenceHedgeWord),
        (low_coverage(claim), Feature::SpanLowCoverage),
        (
            claim.predicate.lemma.split_whitespace().count() >= LONG_PREDICATE_WORDS,
            Feature::PredicateLong,
        ),
    ];
    on.extend(flags.iter().filter(|(set, _)| *set).map(|&(_, f)| f));
}

#[cfg(test)]
mod tests {
    use super::{features, tokens, Feature};
    use crate::claim::{Argument, Claim, Predicate, Rule, SpanWire};
    use crate::text::Span;

    /// A claim over `sentence` (placed at article byte 100) whose subject and object are the
    /// first occurrences of the given words.
    fn claim(sentence: &str, subject: &str, lemma: &str, object: &str) -> Claim {
        let base = 100;
        let at = |w: &str| {
            let i = sentence.find(w).unwrap_or(0) + base;
            Span::new(i, i + w.len())
        };
        let predicate = Predicate {
            lemma: lemma.into(),
            text: lemma.into(),
        };
        Claim {
            article: "a1".into(),
            span: SpanWire {
                start: base,
                end: base + sentence.len(),
            },
            evidence: sentence.into(),
            ..Claim::new(
                Argument::text(subject, at(subject)),
                predicate,
                Argument::text(object, at(object)),
                Rule::from_name("clause"),
            )
        }
    }

    fn on(c: &Claim) -> Vec<Feature> {
        let mut v = Vec::new();
        features(c, &mut v);
        v
    }

    #[test]
    fn what_stands_before_the_subject_is_read() {
        let c = claim(
            "Officials said that the mayor signed the order.",
            "the mayor",
            "sign",
            "the order",
        );
        assert!(on(&c).contains(&Feature::SubjectAfterThat));
        let c = claim(
            "The farm grew and the village built a school.",
            "the village",
            "build",
            "a school",
        );
        assert!(on(&c).contains(&Feature::SubjectAfterConjunction));
        let c = claim(
            "A man in Tarnow stole the bells.",
            "Tarnow",
            "steal",
            "the bells",
        );
        assert!(on(&c).contains(&Feature::SubjectAfterPreposition));
        let c = claim("Rising rents worry tenants.", "rents", "worry", "tenants");
        assert!(on(&c).contains(&Feature::SubjectCutBefore));
        // The "no" a negated claim's verb took over cut nothing.
        let mut c = claim("No charges were filed.", "charges", "file", "");
        c.negated = true;
        assert!(!on(&c).contains(&Feature::SubjectCutBefore), "{:?}", on(&c));
        let c = claim(
            "The mayor signed the order.",
            "The mayor",
            "sign",
            "the order",
        );
        assert!(on(&c).is_empty(), "{:?}", on(&c));
    }

    #[test]
    fn cut_objects_hedges_and_long_predicates_are_read() {
        let c = claim(
            "The council gave the power to close roads.",
            "The council",
            "give",
            "the power",
        );
        assert!(on(&c).contains(&Feature::ObjectContinuesTo));
        let c = claim(
            "She showed hostility towards rivals.",
            "She",
            "show",
            "hostility towards",
        );
        assert!(on(&c).contains(&Feature::ObjectDangling));
        let c = claim(
            "Some doubt the tax will raise money.",
            "the tax",
            "raise",
            "money",
        );
        assert!(on(&c).contains(&Feature::EvidenceHedgeWord));
        let c = claim(
            "The firm agreed to hold talks on wages.",
            "The firm",
            "agree to hold talks on",
            "wages",
        );
        assert!(on(&c).contains(&Feature::PredicateLong));
    }

    #[test]
    fn a_word_straight_after_the_object_shows_it_was_cut() {
        let c = claim(
            "The chain aired a new television commercial.",
            "The chain",
            "air",
            "a new television",
        );
        assert!(on(&c).contains(&Feature::ObjectRunsOn));
        let c = claim(
            "The panel raised the question of whether to sell.",
            "The panel",
            "raise",
            "the question",
        );
        assert!(on(&c).contains(&Feature::ObjectBeforeOfAsOr));
        let c = claim(
            "Critics described the mayor as a hermit.",
            "Critics",
            "describe",
            "the mayor",
        );
        assert!(on(&c).contains(&Feature::ObjectBeforeOfAsOr));
        // A preposition, a conjunction, a clause's verb or punctuation may follow a whole object.
        for (sentence, object) in [
            ("The chain aired the commercial in May.", "the commercial"),
            (
                "The chain aired the commercial and sold cars.",
                "the commercial",
            ),
            ("The chain aired the commercial that won.", "the commercial"),
            (
                "The chain aired the commercial, a short one.",
                "the commercial",
            ),
            ("The chain aired the commercial.", "the commercial"),
            (
                "The chain aired the commercial last week.",
                "the commercial",
            ),
            ("The chain employs 900 people worldwide.", "900 people"),
        ] {
            let c = claim(sentence, "The chain", "air", object);
            let got = on(&c);
            assert!(!got.contains(&Feature::ObjectRunsOn), "{sentence}: {got:?}");
            assert!(!got.contains(&Feature::ObjectBeforeOfAsOr), "{sentence}");
        }
        // A capitalised word after the object is a name or a new sentence, not a cut.
        let c = claim(
            "The chain hired the agency Ogilvy said.",
            "The chain",
            "hire",
            "the agency",
        );
        assert!(!on(&c).contains(&Feature::ObjectRunsOn));
    }

    #[test]
    fn a_claim_covering_little_of_its_sentence_is_low_coverage() {
        let long = "After weeks of talks in three capitals and a summit that ran late, Mr Vale met Ms Orr.";
        let c = claim(long, "Mr Vale", "meet", "Ms Orr");
        assert!(on(&c).contains(&Feature::SpanLowCoverage));
        let c = claim("Mr Vale met Ms Orr.", "Mr Vale", "meet", "Ms Orr");
        assert!(!on(&c).contains(&Feature::SpanLowCoverage));
    }

    #[test]
    fn offsets_outside_the_evidence_set_no_context_feature() {
        let mut c = claim(
            "Officials said that the mayor signed it.",
            "the mayor",
            "sign",
            "it",
        );
        c.subject.start = 5;
        c.subject.end = 9;
        c.object.start = 10_000;
        c.object.end = 10_004;
        let got = on(&c);
        assert!(!got.contains(&Feature::SubjectAfterThat));
        assert!(!got.contains(&Feature::ObjectContinuesTo));
    }

    #[test]
    fn tokens_keep_apostrophes_and_ampersands_inside_words() {
        let t: Vec<&str> = tokens("AT&T's chief, “not yet” — said").collect();
        assert_eq!(
            t,
            ["AT&T's", "chief", ",", "“", "not", "yet", "”", "—", "said"]
        );
    }

    #[test]
    fn tokens_of_empty_and_spaces_are_none() {
        assert_eq!(tokens("").count(), 0);
        assert_eq!(tokens("  \t ").count(), 0);
    }
}
