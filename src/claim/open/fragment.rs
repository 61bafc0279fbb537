//! Claims that say nothing once their complement is cut, which are not emitted: an adjective
//! that needs what follows it ("The board is keen | to sell"), an extraposed "it" ("it is
//! vital that ..."), a bare measure noun whose clause is cut ("This is the first time | that
//! ..."), a tautology ("a treaty is a treaty ..."), and a copula whose subject is a bare
//! demonstrative ("These are ...": what "these" are is unknown), a copula inverted after
//! "among" ("Among the guests was a minister": the guests are no minister), a copula with
//! only an adverb after it ("is more commonly | found"), and a light verb whose own object is
//! gapped, with only a prepositional phrase left ("the lead that she has | in the polls",
//! "the changes he made | to the text": the claim would lose the noun that carries it), and an
//! object read from "sure" and the subject of its clause ("make | sure taxpayers have ...").
//!
//! The screen looks only at the clause's own tokens; a complement the grammar kept as a
//! prepositional argument ("was keen on the deal") keeps the claim.

use super::{Arg, Clause, Phrase, Tok};

/// Adjectives (lower case) that need a complement to mean what the sentence says: "able" (to
/// do what), "sure" (of what), "intent" (on what).
const COMPLEMENT_ADJECTIVES: &[&str] = &[
    "able",
    "unable",
    "intent",
    "sure",
    "unsure",
    "certain",
    "likely",
    "unlikely",
    "willing",
    "unwilling",
    "ready",
    "due",
    "keen",
    "eager",
    "aware",
    "unaware",
    "responsible",
    "set",
    "about",
    "reluctant",
    "determined",
    "prepared",
    "bound",
    "liable",
    "supposed",
    "confident",
    "convinced",
    "afraid",
    "hopeful",
    "quick",
    "free",
];

/// Words that open a complement of an adjective or a measure noun, or a clause after it.
const OPENERS: &[&str] = &[
    "to", "that", "whether", "if", "on", "of", "about", "for", "with", "after", "before", "since",
    "when", "which", "who", "where", "until", "than", "as",
];

/// Words that are a preposition before a noun phrase and a conjunction before a clause ("after
/// the vote" against "after the vote failed").
const PREPOSITION_OR_CONJUNCTION: &[&str] = &[
    "after", "as", "before", "since", "until", "till", "while", "because", "once", "although",
    "though", "unless", "whereas", "whilst",
];

/// Nouns (lower case) that measure how much of something there is.
const QUANTITY_NOUNS: &[&str] = &[
    "amount",
    "number",
    "level",
    "total",
    "quantity",
    "proportion",
    "percentage",
    "share",
];

/// Nouns (lower case) of time that, like [`QUANTITY_NOUNS`], say nothing alone: "a day", "the
/// first time".
const TIME_MEASURE_NOUNS: &[&str] = &[
    "time", "day", "days", "week", "weeks", "month", "months", "hour", "hours", "moment",
];

/// Whether `w` (lower case) is a noun of measure or time that says nothing alone: "the
/// amount", "a day", "the first time".
fn is_measure_noun(w: &str) -> bool {
    QUANTITY_NOUNS.contains(&w) || TIME_MEASURE_NOUNS.contains(&w)
}

/// Whether the clause `subject` + verb (`copula`) + `object` + `extras` says nothing: see the
/// module doc.
pub(super) fn is_empty_claim(
    toks: &[Tok],
    subject: Option<&Phrase>,
    copula: bool,
    object: Option<&Arg>,
    extras: &[Arg],
) -> bool {
    let Some(object) = object else {
        return false;
    };
    if subject_of_next_clause(toks, object) {
        return true;
    }
    let obj = &object.phrase;
    // "make sure taxpayers have ...": "sure" opens no noun phrase; the noun after it is the
    // subject of the clause it needs.
    let sure_clause =
        object.prep.is_none() && obj.end > obj.start + 1 && toks[obj.start].lower == "sure";
    if sure_clause {
        return true;
    }
    let complement_cut =
        object.prep.is_none() && (adjective_cut(toks, obj, extras) || measure_cut(toks, obj));
    let Some(subject) = subject else {
        return complement_cut;
    };
    complement_cut
        || (copula && expletive_it(toks, subject, obj))
        || (copula && tautology(toks, subject, obj))
        || (copula && bare_demonstrative(toks, subject))
        || (copula && after_among(toks, subject))
        || (copula && object.prep.is_none() && adverbs_only(toks, obj))
}

/// "Among the guests were two ministers", "among them is a judge": the copula is inverted,
/// and its subject is the group the object belongs to, not what the object is.
fn after_among(toks: &[Tok], subject: &Phrase) -> bool {
    subject.start > 0 && toks[subject.start - 1].lower == "among"
}

/// An object of adverbs alone ("is more commonly | found ...", "was also"): the copula's
/// predicate was cut, and what is left says nothing. "more"/"less" may be tagged as
/// comparative adjectives, and an "-ly" adverb as an adjective: such a word counts only
/// when a participle follows ("is more commonly found": a passive the adverb split).
fn adverbs_only(toks: &[Tok], obj: &Phrase) -> bool {
    let words = &toks[obj.start..obj.end];
    let adverb = |t: &Tok| matches!(t.tag, "RB" | "RBR" | "RBS") && t.mention.is_none();
    let loose = |t: &Tok| {
        adverb(t)
            || matches!(t.lower.as_str(), "more" | "less" | "most")
            || (t.lower.ends_with("ly") && t.mention.is_none())
    };
    let participle = toks
        .get(obj.end)
        .is_some_and(|t| matches!(t.tag, "VBN" | "VBG"));
    words.iter().all(loose) && (participle || words.last().is_some_and(adverb))
}

/// Verbs (lemmas) that say little without their own object ("have a lead", "make changes",
/// "do work", "feel sorrow"): with no direct object and only a prepositional phrase after
/// them, their object is gapped ("the lead she has | in the polls") or the verb is an
/// auxiliary read as a main verb ("has | on several occasions | rejected").
const LIGHT_VERBS: &[&str] = &["have", "make", "do", "feel"];

/// A light verb in the active voice, with nothing joined to it, whose first argument is a
/// prepositional phrase: the claim would drop the noun its meaning rests on.
pub(super) fn gapped_light_verb(toks: &[Tok], c: &Clause) -> bool {
    let v = &c.verb;
    let light = LIGHT_VERBS.contains(&toks[v.main].lemma.as_str())
        && !v.passive
        && !v.copula
        && v.particle.is_none()
        && v.joined.is_empty();
    let prep = c
        .object
        .as_ref()
        .and_then(|o| o.prep)
        .and_then(|p| toks.get(p));
    light && prep.is_some_and(|p| GAP_PREPOSITIONS.contains(&p.lower.as_str()))
}

/// Prepositions after which a light verb's gapped object shows ("has | in the polls"). Not
/// "like", whose phrase is itself the predicate ("felt like a jolt"), nor a word the tagger
/// took for a preposition ("has won | the seat").
const GAP_PREPOSITIONS: &[&str] = &[
    "about",
    "across",
    "after",
    "against",
    "among",
    "around",
    "as",
    "at",
    "before",
    "between",
    "by",
    "during",
    "for",
    "from",
    "in",
    "into",
    "on",
    "onto",
    "over",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "unto",
    "upon",
    "versus",
    "with",
    "within",
    "without",
];

/// A prepositional object that is the subject of a clause of its own: "was closed as |
/// teachers | were afraid", "comment before | a full report | has been published". The word
/// is a conjunction there, and the noun phrase belongs to the next clause, not to this verb.
/// An opening quotation mark may stand between ("as China \"opened up\"").
pub(super) fn subject_of_next_clause(toks: &[Tok], object: &Arg) -> bool {
    let Some(p) = object.prep.and_then(|p| toks.get(p)) else {
        return false;
    };
    if matches!(p.lower.as_str(), "with" | "without") {
        return gerund_subject(toks, object.phrase.end);
    }
    if !PREPOSITION_OR_CONJUNCTION.contains(&p.lower.as_str()) {
        return false;
    }
    let mut at = object.phrase.end;
    // "as its parent company, EADS, starts ...": an apposition set off by two commas between
    // the subject and its verb (not a date: "resigned as ministers, Wednesday, ..."). With no
    // closing comma, the words after the first are a clause of their own ("after the storm,
    // the port was closed").
    if toks.get(at).is_some_and(|t| t.text == ",") {
        let name_end = (at + 1..toks.len().min(at + 6))
            .find(|&k| !matches!(toks[k].tag, "NNP" | "NNPS" | "DT" | "JJ" | "NN"))
            .unwrap_or(toks.len());
        let date = toks
            .get(at + 1)
            .is_some_and(|t| crate::lexicon::is_month_or_day(&t.lower));
        if name_end > at + 1 && !date && toks.get(name_end).is_some_and(|t| t.text == ",") {
            at = name_end + 1;
        }
    }
    // "as the Committee for Peace (CfP) was quoted": a bracketed short form or aside after the
    // noun phrase stands between it and its verb.
    if toks.get(at).is_some_and(|t| t.text == "(") {
        if let Some(k) = (at + 1..toks.len().min(at + 8)).find(|&k| toks[k].text == ")") {
            at = k + 1;
        }
    }
    while toks
        .get(at)
        .is_some_and(|t| t.is("RB") || matches!(t.text.as_str(), "\"" | "``" | "\u{201c}"))
    {
        at += 1;
    }
    toks.get(at)
        .is_some_and(|t| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD"))
}

/// Adverbial idioms whose noun phrase is no argument: "as a whole", "in a sense", "for
/// example", "in the end" (the preposition, then the phrase's words, lower case).
const ADVERBIAL_IDIOMS: &[(&str, &[&str])] = &[
    ("as", &["a", "whole"]),
    ("on", &["the", "whole"]),
    ("in", &["a", "sense"]),
    ("in", &["a", "way"]),
    ("in", &["some", "ways"]),
    ("for", &["example"]),
    ("for", &["instance"]),
    ("in", &["addition"]),
    ("in", &["the", "end"]),
    ("in", &["fact"]),
    ("of", &["course"]),
    ("in", &["particular"]),
    ("in", &["general"]),
    ("in", &["turn"]),
    ("in", &["short"]),
    ("in", &["the", "meantime"]),
    ("in", &["the", "long", "run"]),
    ("in", &["contrast"]),
    ("by", &["contrast"]),
    ("on", &["the", "contrary"]),
    ("in", &["practice"]),
    ("in", &["theory"]),
    ("at", &["first"]),
    ("at", &["last"]),
];

/// Whether `np` is only the noun phrase of an adverbial idiom whose preposition stands right
/// before it: "British forces as | a whole | took place", "continued: \"In | a sense | ...",
/// "For | example | , funding came ...". The phrase names nothing the clause is about.
pub(super) fn idiom_phrase(toks: &[Tok], np: &Phrase) -> bool {
    let Some(prep) = np.start.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let Some(words) = toks.get(np.start..np.end) else {
        return false;
    };
    ADVERBIAL_IDIOMS.iter().any(|(p, idiom)| {
        prep.lower == *p
            && words.len() == idiom.len()
            && words.iter().zip(idiom.iter()).all(|(t, w)| t.lower == *w)
    })
}

/// Determiners and quantifiers that, capitalised inside a sentence, open a new one: a
/// sentence break the text lost ("... the 1998 crisis Several markets have ...").
const SENTENCE_OPENERS: &[&str] = &["A", "An", "Several", "Many", "Most", "These", "Those"];

/// Whether the subject `np` runs across a lost sentence break: a capitalised determiner or
/// quantifier after a lower-case word inside it.
pub(super) fn across_sentence_break(toks: &[Tok], np: &Phrase) -> bool {
    let opener = |k: usize| {
        toks.get(k)
            .is_some_and(|t| SENTENCE_OPENERS.contains(&t.text.as_str()))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.text.chars().next().is_some_and(char::is_lowercase))
    };
    (np.start + 1..np.end.min(toks.len())).any(|k| {
        opener(k)
            && toks[k - 1]
                .text
                .chars()
                .all(|c| c.is_lowercase() && c.is_alphabetic())
    })
}

/// Verbs whose object, when an infinitive follows it, is only that infinitive's subject: the
/// verb says something of the whole clause ("expects sales to fall", "allowed the firm to
/// merge", "caused prices to rise", "considers the law to be void"), never of the noun alone.
/// Verbs of request ("urged", "asked", "ordered") do address their object and keep it; verbs
/// whose infinitive may be one of purpose ("needs funds to build") are not listed.
const RAISING_VERBS: &[&str] = &[
    "expect",
    "want",
    "wish",
    "like",
    "prefer",
    "hate",
    "love",
    "cause",
    "allow",
    "permit",
    "enable",
    "consider",
    "believe",
    "find",
    "declare",
    "estimate",
    "know",
    "assume",
    "predict",
    "suppose",
    "deem",
    "judge",
    "presume",
    "reckon",
    "project",
    "forecast",
    "understand",
    "show",
    "prove",
];

/// Whether the object of the verb at `main` is the subject of the infinitive right after it:
/// "expects | the plan | to fail", "called for | the chief | to resign", "wished for | the
/// firm | to pay". The claim "expects the plan" or "called for the chief" misstates what is
/// expected or asked for; the infinitive's own clause carries it.
pub(super) fn subject_of_infinitive(toks: &[Tok], main: usize, object: Option<&Arg>) -> bool {
    let Some(object) = object else {
        return false;
    };
    let mut at = object.phrase.end;
    if toks.get(at).is_none_or(|t| t.lower != "to") {
        return false;
    }
    at += 1;
    while toks.get(at).is_some_and(|t| t.is("RB")) {
        at += 1;
    }
    if !toks.get(at).is_some_and(|t| t.is("VB")) {
        return false;
    }
    match object.prep {
        // The verbs whose infinitive the parse can keep with the object ("expects | prices to
        // rise") are left to it (`claim/tree/whole.rs`).
        None => toks.get(main).is_some_and(|v| {
            RAISING_VERBS.contains(&v.lemma.as_str())
                && !crate::lexicon::PROPOSITION_VERBS.contains(&v.lemma.as_str())
        }),
        // "called for the chief to resign", "asked for the fee to be waived", but not an
        // infinitive of purpose ("asked for an injunction to stop the vote"): the noun is
        // the infinitive's subject when it names someone or the infinitive is passive.
        Some(p) => {
            let passive = toks.get(at).is_some_and(|t| t.lower == "be")
                && toks.get(at + 1).is_some_and(|t| t.is("VBN"));
            let named = toks[object.phrase.start..object.phrase.end]
                .iter()
                .any(|t| (t.mention.is_some() && t.tag.starts_with("NNP")) || t.is("PRP"));
            let right_after = (main + 1..p).all(|k| toks[k].is("RB"));
            toks.get(p).is_some_and(|t| t.lower == "for") && right_after && (passive || named)
        }
    }
}

/// Whether the bare verb at `main` is an adjective the tagger read as a verb after a noun:
/// "the observers present at the talks", "members absent from the vote". The verb "present"
/// takes a direct object; with only a prepositional phrase after a noun it describes the
/// noun, and the clause would make it the noun's act.
pub(super) fn adjective_read_as_verb(toks: &[Tok], main: usize, object: Option<&Arg>) -> bool {
    let Some(verb) = toks.get(main) else {
        return false;
    };
    matches!(verb.lower.as_str(), "present" | "absent")
        && main > 0
        && toks[main - 1].is_noun()
        && object.is_some_and(|o| o.prep.is_some_and(|p| p == main + 1))
}

/// Gerunds that open a phrase of their own after a noun ("a deal with the firm including
/// ...", "the talks with the union regarding ..."), not a clause whose subject the noun is.
const PREPOSITION_GERUNDS: &[&str] = &[
    "including",
    "according",
    "following",
    "regarding",
    "concerning",
    "excluding",
    "involving",
    "surrounding",
    "pending",
    "during",
];

/// "ended with the rebels | being routed", "came quickly with a senator | saying ...": after
/// "with"/"without", a noun phrase followed by a gerund is the subject of that gerund's
/// clause (an absolute construction), not the verb's partner.
fn gerund_subject(toks: &[Tok], at: usize) -> bool {
    toks.get(at).is_some_and(|t| {
        t.is("VBG") && t.mention.is_none() && !PREPOSITION_GERUNDS.contains(&t.lower.as_str())
    })
}

/// Whether a complement opens at `at` that no prepositional argument took.
fn cut_at(toks: &[Tok], at: usize, extras: &[Arg]) -> bool {
    let opens = toks
        .get(at)
        .is_some_and(|t| OPENERS.contains(&t.lower.as_str()) || matches!(t.tag, "WDT" | "WP"));
    opens && !extras.iter().any(|a| a.prep == Some(at))
}

/// An adjective predicate whose complement is cut: "able" of "able to pay", "intent" of
/// "intent on leaving"; or one that needs a complement and has only a clause after it ("I
/// am sure it works").
fn adjective_cut(toks: &[Tok], obj: &Phrase, extras: &[Arg]) -> bool {
    let adjectival = toks[obj.start..obj.end]
        .iter()
        .all(|t| t.is_adj() || t.is("RB") || t.is("CC") || t.is("VBN"))
        && obj.end > obj.start;
    if !adjectival {
        return false;
    }
    let needs = toks
        .get(obj.end - 1)
        .is_some_and(|t| COMPLEMENT_ADJECTIVES.contains(&t.lower.as_str()));
    let next_is_end = toks
        .get(obj.end)
        .is_none_or(|t| matches!(t.text.as_str(), "." | "," | ";" | ":" | "!" | "?") || t.is("CC"));
    cut_at(toks, obj.end, extras) || (needs && !next_is_end && !taken(obj.end, extras))
}

/// Whether a prepositional argument starts at `at`.
fn taken(at: usize, extras: &[Arg]) -> bool {
    extras.iter().any(|a| a.prep == Some(at))
}

/// A bare measure noun ("the amount", "a day", "the first time") whose complement or clause
/// is cut.
fn measure_cut(toks: &[Tok], obj: &Phrase) -> bool {
    let head = &toks[obj.head];
    let bare = toks[obj.start..obj.end].iter().enumerate().all(|(k, t)| {
        obj.start + k == obj.head
            || matches!(t.tag, "DT" | "PRP$" | "RB")
            || matches!(
                t.lower.as_str(),
                "first" | "last" | "second" | "same" | "just" | "only"
            )
    });
    // "came a day after the vote": even with its phrase read as an argument, the measure
    // alone is the object, which says nothing.
    // A time ("last week") before "to" or "for" is an adverbial of the verb, not a cut
    // object ("was hired last week to run the fund").
    let time_adverbial = !QUANTITY_NOUNS.contains(&head.lower.as_str())
        && toks
            .get(obj.end)
            .is_some_and(|t| matches!(t.lower.as_str(), "to" | "for" | "on" | "with" | "as"));
    bare && !time_adverbial && is_measure_noun(&head.lower) && cut_at(toks, obj.end, &[])
}

/// "It is vital (for X) to ...", "it is clear that ...": an expletive "it" and an adjective,
/// with the real subject extraposed after it.
fn expletive_it(toks: &[Tok], subject: &Phrase, obj: &Phrase) -> bool {
    let it = subject.end == subject.start + 1 && toks[subject.start].lower == "it";
    let adjective = toks[obj.start..obj.end]
        .iter()
        .all(|t| t.is_adj() || t.is("RB") || t.is("CC"));
    if !it || !adjective {
        return false;
    }
    toks[obj.end..]
        .iter()
        .take_while(|t| !matches!(t.text.as_str(), "." | ";" | "!" | "?"))
        .any(|t| {
            matches!(
                t.lower.as_str(),
                "to" | "that" | "whether" | "if" | "how" | "why"
            )
        })
}

/// "A treaty is a treaty": the object's head is the subject's, with nothing before it but a
/// determiner ("the longest tunnel" says something of a tunnel; "a tunnel" does not).
fn tautology(toks: &[Tok], subject: &Phrase, obj: &Phrase) -> bool {
    let (s, o) = (&toks[subject.head], &toks[obj.head]);
    let bare = toks[obj.start..obj.head].iter().all(|t| t.is("DT"));
    bare && s.is_noun() && o.is_noun() && s.lemma.to_lowercase() == o.lemma.to_lowercase()
}

/// A subject that is a demonstrative alone ("this", "these"), naming nothing.
fn bare_demonstrative(toks: &[Tok], subject: &Phrase) -> bool {
    subject.end == subject.start + 1
        && matches!(
            toks[subject.start].lower.as_str(),
            "this" | "that" | "these" | "those"
        )
}

/// Whether a noun phrase is a definite measure of something ("the amount of power", "the
/// number of people"): as the noun a participle describes ("the number of people hurt by
/// ..."), what it says is the figure, which a claim about the participle loses.
pub(super) fn definite_measure(toks: &[Tok], np: &Phrase) -> bool {
    let first_noun = toks[np.start..np.end].iter().position(|t| t.is_noun());
    first_noun.is_some_and(|k| {
        let noun = &toks[np.start + k];
        toks[np.start].lower == "the" && k <= 2 && QUANTITY_NOUNS.contains(&noun.lower.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::super::{clauses, make_tokens};
    use crate::pos::PosModel;

    /// The (subject, lemma, object) of each clause with an object in `sentence` (words split
    /// on spaces).
    fn objects(sentence: &str) -> Vec<(String, String, String)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let text = |a: usize, b: usize| {
            toks[a..b]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        clauses(&toks)
            .iter()
            .filter_map(|c| {
                let o = c.object.as_ref()?;
                let s = c.subject.as_ref().map(|s| text(s.start, s.end));
                Some((
                    s.unwrap_or_default(),
                    c.verb.lemma.clone(),
                    text(o.phrase.start, o.phrase.end),
                ))
            })
            .collect()
    }

    fn says_nothing_with(sentence: &str, lemma: &str) {
        let got = objects(sentence);
        assert!(
            got.iter().all(|(_, l, _)| l != lemma),
            "{sentence}: {got:?}"
        );
    }

    fn says(sentence: &str, object: &str) {
        let got = objects(sentence);
        assert!(
            got.iter().any(|(_, _, o)| o == object),
            "{sentence}: {got:?}"
        );
    }

    #[test]
    fn a_conjunction_s_clause_subject_is_no_object() {
        let nothing = |sentence: &str| {
            let got = objects(sentence);
            assert!(got.is_empty(), "{sentence}: {got:?}");
        };
        nothing("The schools were closed as teachers were afraid to go out .");
        nothing("Nobody would comment before the report has been published .");
        says("The schools were closed after the storm .", "the storm");
        // An apposition between the clause's subject and its verb; a speech tag is no verb.
        for sentence in [
            "The news came as its owner , Vexmoor Mills , started a review .",
            "The vote came after the mayor , Ana Ruiz , was charged .",
        ] {
            let got = objects(sentence);
            assert!(
                got.iter().all(|(_, lemma, _)| !lemma.starts_with("come")),
                "{sentence}: {got:?}"
            );
        }
        says(
            "The schools were closed after the storm , police said .",
            "the storm",
        );
        says(
            "Shares rose after the announcement , the bank was up 2 percent .",
            "the announcement",
        );
        says(
            "Six MPs who resigned as ministers , Wednesday , wrote a letter .",
            "ministers",
        );
        nothing("The match ended with the visitors scoring twice .");
        says(
            "The club signed a deal with the council including a new lease .",
            "a deal with the council",
        );
    }

    #[test]
    fn an_idiom_s_noun_phrase_and_a_subject_across_a_lost_break_are_no_arguments() {
        let no_claim_with = |sentence: &str, word: &str| {
            let got = objects(sentence);
            assert!(
                got.iter()
                    .all(|(s, _, o)| !s.contains(word) && !o.contains(word)),
                "{sentence}: {got:?}"
            );
        };
        no_claim_with(
            "The worst losses suffered by the fleet as a whole took place on 3 May .",
            "whole",
        );
        no_claim_with(
            "In addition , there were two reports of looting .",
            "addition",
        );
        no_claim_with("For example , the grant for schools came late .", "example");
        no_claim_with("In the end , four shops were burned .", "end");
        no_claim_with(
            "The author went on : In a sense , the war began early .",
            "sense",
        );
        // The same nouns outside the idiom are arguments.
        says("The board approved the addition .", "the addition");
        says("The park covers a whole valley .", "a whole valley");
        // A sentence break lost inside the subject.
        no_claim_with(
            "Prices fell after the crisis Several markets have continued to lose value .",
            "crisis",
        );
    }

    #[test]
    fn a_bracketed_short_form_stands_between_a_clause_s_subject_and_its_verb() {
        let got = objects("The report comes as the Trade Council ( TC ) was quoted .");
        assert!(
            got.iter().all(|(_, lemma, _)| !lemma.starts_with("come")),
            "{got:?}"
        );
        says(
            "The deal came after a vote by the Trade Council ( TC ) .",
            "a vote",
        );
    }

    #[test]
    fn the_subject_of_an_infinitive_is_no_object_of_the_verb_before_it() {
        let none_for = |sentence: &str, lemma: &str, object: &str| {
            let got = objects(sentence);
            assert!(
                !got.iter().any(|(_, l, o)| l == lemma && o == object),
                "{sentence}: {got:?}"
            );
        };
        none_for(
            "Analysts estimate the new tax to raise 40 million a year .",
            "estimate",
            "the new tax",
        );
        none_for(
            "The fans would like the club to sign a striker .",
            "like",
            "the club",
        );
        none_for(
            "The survey showed most farms to be in debt .",
            "show",
            "most farms",
        );
        // "expect", "cause", "allow" ... are left to the parse, which keeps the infinitive
        // with the object when it can (`claim/tree/whole.rs`).
        // Verbs of request address their object; a noun phrase without an infinitive stays.
        says("The judge ordered the bank to pay a fine .", "the bank");
        says("The council called for an inquiry .", "an inquiry");
        says("The brewers expect a rise in prices .", "a rise in prices");
    }

    #[test]
    fn an_adjective_after_a_noun_is_no_verb() {
        let got = objects("The reports of two doctors present at the match were published .");
        assert!(
            !got.iter().any(|(_, l, _)| l.starts_with("present")),
            "{got:?}"
        );
    }

    #[test]
    fn adjectives_whose_complement_is_cut_give_no_claim() {
        says_nothing_with("The growers were able to sell more apples .", "be");
        says_nothing_with("Mrs Okafor is intent on winning the seat .", "be");
        says_nothing_with("The unions are unlikely to accept the offer .", "be");
        says_nothing_with("I am sure the ferry will sail .", "be");
        says_nothing_with(
            "The clerks must make sure tenants get their deposits back .",
            "make",
        );
        says("The mayor was ready for the vote .", "ready");
        says("The old bridge is narrow .", "narrow");
    }

    #[test]
    fn expletive_it_gives_no_claim() {
        says_nothing_with("It is vital that the pumps keep running .", "be");
        says_nothing_with("It was hard for the crews to reach the village .", "be");
        says("It was cold .", "cold");
    }

    #[test]
    fn bare_measures_tautologies_and_demonstratives_give_no_claim() {
        says_nothing_with("This is the first time that sales have fallen .", "be");
        says_nothing_with("The strike came a day after the vote .", "come");
        says_nothing_with("A treaty is a treaty which binds both parties .", "be");
        says_nothing_with("These are in short supply in the north .", "be");
        says("The strike lasted a day .", "a day");
        says(
            "The auditors were hired last week to review the books .",
            "last week",
        );
        says("The port is a hub for grain .", "a hub");
        says("The new dam is the largest dam .", "the largest dam");
    }

    #[test]
    fn a_participle_after_a_definite_measure_gives_no_claim() {
        let got = objects("The number of homes damaged by the floods rose to 300 .");
        assert!(got.iter().all(|(_, l, _)| l != "damage"), "{got:?}");
    }

    #[test]
    fn an_inverted_copula_after_among_gives_no_claim() {
        says_nothing_with("Among the guests were two ministers from Ghana .", "be");
        says("The guests were two ministers .", "two ministers");
    }

    #[test]
    fn a_copula_with_only_an_adverb_gives_no_claim() {
        says_nothing_with("The disease is more commonly found in children .", "be");
        says("The disease is common in children .", "common");
    }

    #[test]
    fn a_light_verb_with_its_object_gapped_gives_no_claim() {
        says_nothing_with("The lead that she has in the polls is large .", "have");
        says_nothing_with(
            "The court has on several occasions rejected the plea .",
            "have",
        );
        says_nothing_with("Nobody read the changes he made to the report .", "make");
        says("She has a lead in the polls .", "a lead");
        says("The ride felt like a storm .", "a storm");
        says("The cars were made in Ohio .", "Ohio");
    }

    #[test]
    fn a_conjunction_s_clause_after_a_quotation_mark_is_no_argument() {
        let sentence = "Trade grew in the 1990s as \" China opened up \" .";
        let words: Vec<&str> = sentence.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let china = words.iter().position(|w| *w == "China");
        let found = clauses(&toks);
        let args = found
            .iter()
            .flat_map(|c| c.object.iter().chain(c.extras.iter()));
        assert!(
            args.clone().all(|a| Some(a.phrase.start) != china),
            "{found:?}"
        );
        assert!(args.count() > 0, "{found:?}");
    }
}
