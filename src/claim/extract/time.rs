//! Time expressions are never a claim's subject or object. A clause read by either reader may
//! take a bare time for an argument ("the committee will vote Wednesday" read with "Wednesday"
//! as the object, "Today ... the vote closed" with "Today" in the subject) or fold one into an
//! argument's words ("met the committee today"). This module takes such times out of the
//! clause before its claims are made: a subject or direct object that is only a time is no
//! argument (a bare object time becomes the clause's period when it resolves to a date), and a
//! time at either edge of one is cut off. A phrase left starting with a finite verb ("this week
//! show support ...") was a misreading, and the clause says nothing.
//!
//! Also here: which side of the article date a weekday lies on ([`toward`]), from the clause's
//! tense and modality.

use crate::claim::open::{Arg, Clause, Phrase, Tok};
use crate::claim::Modality;
use crate::lexicon::{is_reporting, MONTHS, TIME_NOUNS, WEEKDAYS};
use crate::quantity::Toward;

/// Words that anchor a time: a weekday or a capitalised month ("May", not the modal), a time
/// noun, "tonight", a time zone.
fn is_anchor(t: &Tok) -> bool {
    let w = t.lower.as_str();
    WEEKDAYS.contains(&w)
        || (MONTHS.contains(&w) && t.tag.starts_with("NNP"))
        || TIME_NOUNS.contains(&w)
        || matches!(
            w,
            "tonight" | "day" | "days" | "utc" | "gmt" | "a.m." | "p.m." | "am" | "pm" | "noon"
        )
}

/// Words that may go with an anchor inside a time ("this week", "late on Friday", "00 UTC").
fn is_filler(t: &Tok) -> bool {
    t.tag == "CD"
        || matches!(
            t.lower.as_str(),
            "this"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "the"
                | "a"
                | "early"
                | "late"
                | "earlier"
                | "later"
                | "on"
                | "of"
                | "same"
                | "that"
                | "every"
                | "each"
                | ":"
                | ","
        )
}

/// Whether `t` is part of a time: an anchor (not inside an entity mention: "Tuesday Morning
/// Corp.") or a word that goes with one.
fn is_time_tok(t: &Tok) -> bool {
    t.mention.is_none() && (is_anchor(t) || is_filler(t))
}

/// Whether tokens `start..end` are a time and nothing else ("Wednesday", "00 UTC today",
/// "last week", "the day"): every word a time word, one of them an anchor.
pub(super) fn is_time_only(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(ts) = toks.get(start..end) else {
        return false;
    };
    !ts.is_empty()
        && ts.iter().all(is_time_tok)
        && ts.iter().any(|t| t.mention.is_none() && is_anchor(t))
}

/// The part of `start..end` left once a time at either edge is cut off ("the committee
/// today" → "the committee"; "last week the minister" → "the minister"); `None` when a cut
/// leaves nothing, or leaves a finite verb first (the phrase was misread).
fn trimmed(toks: &[Tok], start: usize, end: usize, object: bool) -> Option<(usize, usize)> {
    // A time cut off starts with a word that opens one ("today", "this week", "Friday"),
    // never an inner word of the phrase ("the day" of "the day care centre").
    let opens = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "today"
                    | "yesterday"
                    | "tomorrow"
                    | "tonight"
                    | "this"
                    | "last"
                    | "next"
                    | "earlier"
                    | "late"
                    | "early"
            ) || WEEKDAYS.contains(&t.lower.as_str())
        })
    };
    let mut b = end;
    for k in (start + 1..end).rev() {
        if is_time_only(toks, k, end) && opens(k) {
            b = k;
        }
    }
    // "The navy on | Thursday": the preposition or comma before a time cut off goes with it.
    while b > start + 1 && b < end && (toks[b - 1].tag == "IN" || toks[b - 1].text == ",") {
        b -= 1;
    }
    let mut a = start;
    // "this weekend 's match": a time in the possessive determines the head; it stays.
    let possessive = |k: usize| toks.get(k).is_some_and(|t| t.tag == "POS");
    if opens(start) {
        // The longest time that ends in its anchor ("last week", not "last week the").
        for k in (start + 1..b).rev() {
            if is_time_only(toks, start, k) && is_anchor(&toks[k - 1]) && !possessive(k) {
                a = k;
                break;
            }
        }
    }
    if a >= b {
        return None;
    }
    let verb_first = toks
        .get(a)
        .is_some_and(|t| matches!(t.tag, "VBZ" | "VBP" | "VBD" | "MD"));
    // After its verb, a time opens an adverbial, never the object: an object that goes on
    // past one ("released | this week show support") is a clause misread.
    let misread = verb_first || (object && a > start);
    (!misread).then_some((a, b))
}

/// Phrase `p` (an `object` or a subject) without a time at its edges, or `None` when it is
/// a time or a misreading.
fn without_time(toks: &[Tok], p: &Phrase, object: bool) -> Option<Phrase> {
    if is_time_only(toks, p.start, p.end) {
        return None;
    }
    let (a, b) = trimmed(toks, p.start, p.end, object)?;
    if (a, b) == (p.start, p.end) {
        return Some(p.clone());
    }
    let mut phrase = Phrase::new(toks, a, b);
    // "demonstrators in Ottawa | on Sunday": the head stays before the phrase's first
    // preposition; what the preposition brings only modifies it.
    if let Some(prep) = (a + 1..phrase.head).find(|&k| toks[k].tag == "IN") {
        if let Some(h) = (a..prep).rev().find(|&k| toks[k].tag.starts_with("NN")) {
            phrase.head = h;
        }
    }
    Some(phrase)
}

/// What [`untimed`] did to a clause: the clause to read, and the time its object was, if it
/// was one (tokens), for the clause's period.
pub(super) struct Untimed {
    pub clause: Option<Clause>,
    pub object_time: Option<(usize, usize)>,
}

/// Clause `c` with no time for its subject or direct object. `clause` is `None` when the
/// subject was a time (or a misreading with one), when the clause has nothing left to say.
pub(super) fn untimed(toks: &[Tok], c: &Clause) -> Untimed {
    let none = Untimed {
        clause: None,
        object_time: None,
    };
    let mut out = c.clone();
    if let Some(s) = &c.subject {
        match without_time(toks, s, false) {
            Some(p) => out.subject = Some(p),
            None => return none,
        }
    }
    reported_time(toks, &mut out);
    let mut object_time = None;
    if let Some(o) = out.object.as_ref().filter(|o| o.prep.is_none()) {
        let (s, e) = (o.phrase.start, o.phrase.end);
        if is_time_only(toks, s, e) {
            // "will vote Wednesday on the plan": no object; the next argument may carry it.
            object_time = Some((s, e));
            out.object = None;
        } else {
            match without_time(toks, &o.phrase, true) {
                Some(p) => {
                    if let Some(obj) = out.object.as_mut() {
                        obj.phrase = p;
                    }
                }
                None => return none,
            }
        }
    }
    Untimed {
        clause: Some(out),
        object_time,
    }
}

/// Reporting verbs that are nothing without what they report ("conclude", "respond" are
/// also said of events and replies).
const CONTENT_VERBS: &[&str] = &[
    "say", "announce", "report", "reveal", "disclose", "confirm", "state", "declare", "add",
    "note", "claim", "tell", "unveil", "write",
];

/// "said on Friday", "has announced in the past week:": a time is never what a reporting
/// verb reports. A prepositional object that is only a time leaves the clause, and so do
/// time arguments when nothing else is left, so the clause gives no claim of the time.
fn reported_time(toks: &[Tok], c: &mut Clause) {
    // A passive's subject is what was reported, and the time says when ("The results were
    // announced on Sunday"): it stays.
    let reporting = toks
        .get(c.verb.main)
        .is_some_and(|t| is_reporting(&t.lemma) && CONTENT_VERBS.contains(&t.lemma.as_str()));
    // (A participle the tagger read for a past tense is passive only after "be"/"get".)
    let auxiliary = toks.get(c.verb.start..c.verb.main).unwrap_or_default();
    let passive = c.verb.passive
        && auxiliary
            .iter()
            .any(|t| matches!(t.lemma.as_str(), "be" | "get"));
    if !reporting || passive {
        return;
    }
    let timed = |a: &Arg| is_time_only(toks, a.phrase.start, a.phrase.end);
    if c.object
        .as_ref()
        .is_some_and(|o| o.prep.is_some() && timed(o))
    {
        c.object = None;
    }
    if c.object.is_none() && c.extras.iter().all(timed) {
        c.extras.clear();
    }
}

/// Which side of the article date a weekday in clause `c` lies on: coming for a future or
/// planned clause ("will vote on Friday", "plans to meet Tuesday"), past for a past or perfect
/// one ("met on Friday", "has said on Monday"), unknown otherwise (a present, conditional or
/// hypothetical clause), which leaves the weekday unresolved.
pub(super) fn toward(toks: &[Tok], c: &Clause) -> Toward {
    if c.verb.modality == Modality::Future {
        return Toward::Coming;
    }
    if c.verb.modality != Modality::Asserted && c.verb.modality != Modality::Hedged {
        return Toward::Unknown;
    }
    let group = toks.get(c.verb.start..c.verb.end).unwrap_or_default();
    // A past form ("met", "was held"), an active participle read as one ("Hamas
    // confiscated"), or a perfect ("has met", "are said to have met").
    let active_participle =
        !c.verb.passive && toks.get(c.verb.main).is_some_and(|t| t.tag == "VBN");
    let past = group.iter().any(|t| t.tag == "VBD")
        || active_participle
        || group.iter().any(|t| t.lemma == "have") && group.iter().any(|t| t.tag == "VBN");
    if past {
        Toward::Past
    } else {
        Toward::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::read_words;

    /// The clauses of a sentence after `untimed`: (subject words, object words) of each.
    fn read(sentence: &str) -> Vec<(String, String)> {
        let (toks, found) = read_words(sentence);
        let words = |p: &Phrase| {
            toks[p.start..p.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        found
            .iter()
            .filter_map(|c| untimed(&toks, c).clause)
            .map(|c| {
                let s = c.subject.as_ref().map(words).unwrap_or_default();
                let o = c.object.as_ref().map(|o| words(&o.phrase));
                (s, o.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_time_is_not_what_a_reporting_verb_reports() {
        for sentence in [
            "The ministry announced on Tuesday :",
            "The harbour board has confirmed in the past week :",
        ] {
            let got = read(sentence);
            assert!(got.iter().all(|(_, o)| o.is_empty()), "{sentence}: {got:?}");
        }
        // Other verbs keep a time after a preposition for the claims to read.
        let got = read("The ferry sank on Tuesday .");
        assert!(got.iter().all(|(s, _)| s == "The ferry"), "{got:?}");
        let got = read("The verdict was announced on Tuesday .");
        assert!(got.iter().any(|(_, o)| o == "Tuesday"), "{got:?}");
    }

    #[test]
    fn a_bare_weekday_is_no_object() {
        let got = read("The council will vote Thursday on the new budget .");
        assert!(got.iter().all(|(_, o)| !o.contains("Thursday")), "{got:?}");
    }

    #[test]
    fn a_time_folded_into_an_argument_is_cut_off() {
        let got = read("The governor met the transport committee today .");
        assert!(
            got.iter().any(|(_, o)| o == "the transport committee"),
            "{got:?}"
        );
        let got = read("The party survived three confidence votes late last night .");
        assert!(
            got.iter().any(|(_, o)| o == "three confidence votes"),
            "{got:?}"
        );
        let (toks, _) = read_words("The coast guard on Thursday warned ships");
        assert_eq!(trimmed(&toks, 0, 5, false), Some((0, 3)));
        let (toks, found) = read_words("Farm workers in Leeds on Sunday protested the new rules .");
        let subject = found
            .iter()
            .find_map(|c| untimed(&toks, c).clause?.subject)
            .map(|p| (p.start, p.end, p.head));
        assert_eq!(subject, Some((0, 4, 1)), "{found:?}");
        let (toks, _) = read_words("This weekend 's match drew crowds");
        assert_eq!(trimmed(&toks, 0, 4, false), Some((0, 4)));
        let got = read("The harbour town yesterday received three warnings .");
        assert!(got.iter().all(|(s, _)| !s.contains("yesterday")), "{got:?}");
    }

    #[test]
    fn an_object_going_on_past_a_time_is_a_misreading() {
        let (toks, _) = read_words("polls released this week show wide support");
        assert_eq!(trimmed(&toks, 2, 7, true), None);
        // Before its verb, a time may open the subject's phrase.
        let (toks, _) = read_words("Last week the minister resigned");
        assert_eq!(trimmed(&toks, 0, 4, false), Some((2, 4)));
    }

    #[test]
    fn a_time_subject_gives_no_clause() {
        let (toks, _) = read_words("Last week saw heavy rain .");
        assert!(is_time_only(&toks, 0, 2));
        let got = read("Last week saw heavy rain .");
        assert!(got.iter().all(|(s, _)| s != "Last week"), "{got:?}");
    }

    #[test]
    fn time_words_inside_a_name_or_with_a_noun_are_kept() {
        let (toks, _) = read_words("the day care centre opened");
        assert!(!is_time_only(&toks, 0, 4));
        assert_eq!(trimmed(&toks, 0, 4, false), Some((0, 4)));
    }

    #[test]
    fn weekdays_follow_the_clause_tense() {
        let side = |s: &str| {
            let (toks, found) = read_words(s);
            found.first().map(|c| toward(&toks, c))
        };
        assert_eq!(
            side("The board will meet on Friday ."),
            Some(Toward::Coming)
        );
        assert_eq!(side("The board met on Friday ."), Some(Toward::Past));
        assert_eq!(
            side("The board has approved the deal on Friday ."),
            Some(Toward::Past)
        );
        assert_eq!(side("The board meets on Friday ."), Some(Toward::Unknown));
        assert_eq!(
            side("The two leaders are said to have met on Friday ."),
            Some(Toward::Past)
        );
    }
}
