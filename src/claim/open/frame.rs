//! Reporting frames the part-of-speech tagger misreads, repaired before the grammar reads the
//! sentence, and what may follow a speaker named after its verb.
//!
//! News names its source after the clause it reports: "Prices rose, the bank reports." and
//! "Prices rose, reports the bank." A tagger trained on web text reads the present "reports"
//! (also "notes", "claims", "states", "writes") as a plural noun there, so the grammar finds
//! no reporting verb and asserts the clause as fact. [`repair_trailing_reports`] retags the
//! word as a verb when the shape leaves no other reading: the word closes the sentence right
//! after a noun phrase that follows a comma ("..., the bank reports."), or it follows the
//! comma and a noun phrase closes the sentence after it ("..., reports the bank."). In both
//! the clause before the comma must have a finite verb of its own, so a list of nouns
//! ("wages, prices and reports.") is left alone.
//!
//! Invariant: only the `-s` forms of reporting verbs that name a speaker after a name
//! (`lexicon::REPORTING`) are retagged, and only at a sentence's end.

use super::{is_quote, Tok};
use crate::lexicon::is_reporting;
use crate::pos::{lemma, Tag};

/// Tags a speaker's noun phrase may hold ("the Xinhua news agency", "BBC News").
fn in_speaker(t: &Tok) -> bool {
    t.mention.is_some()
        || matches!(
            t.tag,
            "DT" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "POS" | "PRP$" | "CD"
        )
}

/// Whether `t` ends a sentence: a stop, or a closing quote mark.
fn is_end(t: &Tok) -> bool {
    matches!(t.text.as_str(), "." | "!" | "?") || is_quote(&t.text)
}

/// Whether `toks[..before]` holds a finite verb: the reported clause.
pub(super) fn has_finite_verb(toks: &[Tok], before: usize) -> bool {
    toks.iter()
        .take(before)
        .any(|t| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD"))
}

/// The verb lemma of a lower-case `-s` word the tagger read as a plural noun, when that verb
/// reports speech.
fn reporting_lemma(t: &Tok) -> Option<String> {
    let shaped = t.tag == "NNS"
        && t.mention.is_none()
        && t.text.ends_with('s')
        && t.text.chars().all(|c| c.is_ascii_lowercase());
    if !shaped {
        return None;
    }
    let verb = lemma(&t.lower, Tag::parse("VBZ")?);
    is_reporting(&verb).then_some(verb)
}

/// Retags a sentence-final "reports" (and the like) as the reporting verb it is (see the
/// module doc).
pub(super) fn repair_trailing_reports(toks: &mut [Tok]) {
    let mut end = toks.len();
    while end > 0 && is_end(&toks[end - 1]) {
        end -= 1;
    }
    if end == toks.len() || end < 3 {
        return;
    }
    // "..., the bank reports."
    let last = end - 1;
    if reporting_lemma(&toks[last]).is_some() {
        let start = (0..last).rev().find(|&i| !in_speaker(&toks[i]));
        if let Some(comma) = start.filter(|&c| c + 1 < last && toks[c].text == ",") {
            if has_finite_verb(toks, comma) {
                retag(&mut toks[last]);
                return;
            }
        }
    }
    // "..., reports the bank."
    let Some(comma) = (0..end).rev().find(|&i| !in_speaker(&toks[i])) else {
        return;
    };
    let verb = comma + 1;
    let speaker_after = verb + 1 < end && (verb + 1..end).all(|i| in_speaker(&toks[i]));
    if comma > 0
        && toks[comma].text == ","
        && speaker_after
        && reporting_lemma(&toks[verb]).is_some()
        && has_finite_verb(toks, comma)
    {
        retag(&mut toks[verb]);
    }
}

/// Retags a reporting verb's `-s` form the tagger read as a plural noun right after its
/// speaker and before "that" ("The council announces that ..."), when no finite verb stands
/// before it in its clause and "that" opens a clause, not a relative one ("member states that
/// signed" keeps its noun).
pub(super) fn repair_reports_before_that(toks: &mut [Tok]) {
    for i in 1..toks.len().saturating_sub(2) {
        let speaker_before = toks[i - 1].is_noun() || toks[i - 1].is("PRP");
        let that_clause = toks[i + 1].lower == "that"
            && !(toks[i + 2].is_verb() || toks[i + 2].is("MD") || toks[i + 2].lower == "that");
        if !speaker_before || !that_clause || reporting_lemma(&toks[i]).is_none() {
            continue;
        }
        let clause_start = (0..i)
            .rev()
            .find(|&j| matches!(toks[j].text.as_str(), "," | ";" | ":"))
            .map_or(0, |j| j + 1);
        if !has_finite_verb(&toks[clause_start..], i - clause_start) {
            retag(&mut toks[i]);
        }
    }
}

fn retag(t: &mut Tok) {
    if let Some(verb) = reporting_lemma(t) {
        t.tag = "VBZ";
        t.lemma = verb;
    }
}

/// Whether token `t`, right after a speaker named after its verb ('"...," said the bank'), lets
/// the speaker end there: a stop or comma, a quote mark, a preposition opening an adjunct ("in
/// a statement", "on Monday") or a gerund ("adding ..."). A relative clause ("said Ruiz who
/// ...") is not let in: its clause is the narrator's, and the grammar would give it the tag.
pub(super) fn ends_inverted_speaker(t: &Tok) -> bool {
    matches!(t.text.as_str(), "." | "," | "!" | "?" | ";")
        || is_quote(&t.text)
        || matches!(t.tag, "IN" | "VBG")
}

/// Where a speaker named after its verb ends when its noun phrase, ending at `end`, goes on
/// with an "of" or "for" phrase ("an analyst for the bank", "the head of the union"): after
/// that phrase; otherwise at `end`.
pub(super) fn speaker_phrase_end(toks: &[Tok], end: usize) -> usize {
    let of_or_for = toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "for"));
    if !of_or_for {
        return end;
    }
    super::np_at(toks, end + 1, toks.len()).unwrap_or(end)
}

/// Whether nothing but the sentence's closing stop and quote marks stands from `at` on.
pub(super) fn closes_sentence(toks: &[Tok], at: usize) -> bool {
    toks.get(at..).is_some_and(|rest| rest.iter().all(is_end))
}

/// Whether what stands from `at` on, after a speaker named after its verb following a comma
/// ("..., said Ana Ruiz, deputy head of the union, at a news conference on Monday."), only
/// describes the speaker or the occasion: a comma or preposition first, then no finite verb,
/// relative pronoun, quote mark, semicolon or colon before the sentence's end.
pub(super) fn speaker_tail(toks: &[Tok], at: usize) -> bool {
    let Some(first) = toks.get(at) else {
        return false;
    };
    if !(first.text == "," || first.tag == "IN") {
        return false;
    }
    let mut end = toks.len();
    while end > at && is_end(&toks[end - 1]) {
        end -= 1;
    }
    toks[at..end].iter().all(|t| {
        !matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD" | "WDT" | "WP" | "WP$")
            && !matches!(t.text.as_str(), ";" | ":" | "(" | ")")
            && !is_quote(&t.text)
    })
}

/// Whether token `at` is a quote mark that closes a quotation: a closing curly mark, or a
/// straight one right after the quotation's own stop or comma ('prices rose,"').
pub(super) fn closes_quotation(toks: &[Tok], at: usize) -> bool {
    let Some(t) = toks.get(at) else {
        return false;
    };
    match t.text.as_str() {
        "\u{201d}" | "''" => true,
        "\"" => {
            at >= 1
                && toks
                    .get(at - 1)
                    .is_some_and(|p| matches!(p.text.as_str(), "," | "." | "!" | "?"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, tag: &'static str) -> Tok {
        Tok {
            text: text.to_string(),
            lower: text.to_lowercase(),
            tag,
            lemma: text.to_lowercase(),
            mention: None,
        }
    }

    /// The tags after the repair, for "word/TAG" items.
    fn check(tagged: &str, want: &str) {
        let mut toks: Vec<Tok> = tagged
            .split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap_or((wt, "NN"));
                let tag: &'static str = Tag::parse(t).map_or("NN", |t| t.as_str());
                tok(w, tag)
            })
            .collect();
        repair_trailing_reports(&mut toks);
        repair_reports_before_that(&mut toks);
        let got: Vec<String> = toks
            .iter()
            .map(|t| format!("{}/{}", t.text, t.tag))
            .collect();
        assert_eq!(got.join(" "), want);
    }

    #[test]
    fn a_reporting_verb_read_as_a_noun_before_that_is_the_verb() {
        check(
            "The/DT council/NN announces/NNS that/IN the/DT vote/NN will/MD move/VB ./.",
            "The/DT council/NN announces/VBZ that/IN the/DT vote/NN will/MD move/VB ./.",
        );
        // A relative "that", a determiner before the noun, or a finite verb earlier in the
        // clause: the noun stays.
        check(
            "member/NN states/NNS that/IN signed/VBD it/PRP ./.",
            "member/NN states/NNS that/IN signed/VBD it/PRP ./.",
        );
        check(
            "He/PRP denied/VBD the/DT claims/NNS that/IN the/DT vote/NN was/VBD rigged/VBN ./.",
            "He/PRP denied/VBD the/DT claims/NNS that/IN the/DT vote/NN was/VBD rigged/VBN ./.",
        );
        check(
            "He/PRP denied/VBD opposition/NN claims/NNS that/IN the/DT vote/NN was/VBD rigged/VBN ./.",
            "He/PRP denied/VBD opposition/NN claims/NNS that/IN the/DT vote/NN was/VBD rigged/VBN ./.",
        );
    }

    #[test]
    fn a_sentence_final_reports_after_a_speaker_is_the_verb() {
        check(
            "Mills/NNS closed/VBD ,/, the/DT wire/NN service/NN reports/NNS ./.",
            "Mills/NNS closed/VBD ,/, the/DT wire/NN service/NN reports/VBZ ./.",
        );
        check(
            "Mills/NNS closed/VBD ,/, reports/NNS Radio/NNP Oslo/NNP ./.",
            "Mills/NNS closed/VBD ,/, reports/VBZ Radio/NNP Oslo/NNP ./.",
        );
    }

    #[test]
    fn a_list_of_nouns_or_a_word_inside_keeps_its_tags() {
        // No finite verb before the comma: a list.
        check(
            "Wages/NNS ,/, prices/NNS and/CC the/DT reports/NNS ./.",
            "Wages/NNS ,/, prices/NNS and/CC the/DT reports/NNS ./.",
        );
        // Not at the end of the sentence.
        check(
            "Mills/NNS closed/VBD ,/, the/DT reports/NNS said/VBD ./.",
            "Mills/NNS closed/VBD ,/, the/DT reports/NNS said/VBD ./.",
        );
        // Not a reporting verb.
        check(
            "Mills/NNS closed/VBD ,/, the/DT town/NN mills/NNS ./.",
            "Mills/NNS closed/VBD ,/, the/DT town/NN mills/NNS ./.",
        );
    }
}
