//! A second reading for a sentence that gave no tuple at all: a present-tense verb that the
//! tagger took for a plural noun ("The club consists of three teams", "This often results in
//! delays") is read as a verb. The clause reader repairs such a verb only before a determiner,
//! a number or "for"/"on" (it must not turn captions into claims); CaRB's sentences are
//! running text, and the benchmark only asks again when the first reading found nothing.
//!
//! The verb is the first plural noun after a noun, pronoun, adjective, number or adverb, and
//! before a word that opens an object or a prepositional argument, in a sentence with no
//! finite verb.

use crate::claim::open::Tok;
use crate::pos::{PosModel, Tag};

/// The token to read as a verb, when the sentence has no finite verb.
pub(super) fn plural_verb(toks: &[Tok]) -> Option<usize> {
    let finite = toks.iter().enumerate().any(|(i, t)| {
        let infinitive = t.tag == "VB" && i > 0 && toks[i - 1].lower == "to";
        t.tag == "MD" || (t.tag.starts_with("VB") && !infinitive && !matches!(t.tag, "VBG" | "VBN"))
    });
    if finite {
        return None;
    }
    (1..toks.len().saturating_sub(1)).find(|&k| {
        let t = &toks[k];
        let before = &toks[k - 1];
        let after = &toks[k + 1];
        t.tag == "NNS"
            && t.lower.ends_with('s')
            && !t.lower.ends_with("ss")
            && (before.tag.starts_with("NN") || matches!(before.tag, "PRP" | "JJ" | "CD" | "RB"))
            && matches!(
                after.tag,
                "IN" | "RP" | "DT" | "CD" | "PRP$" | "JJ" | "RB" | "TO"
            )
    })
}

/// Re-tags `t` as a third-person present verb, with the lemma of that reading.
pub(super) fn as_verb(t: &mut Tok, pos: &PosModel) {
    t.tag = "VBZ";
    t.lemma = pos.lemma(&t.lower, Tag::VBZ);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::make_tokens;

    fn verb_of(s: &str) -> Option<String> {
        let words: Vec<&str> = s.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        plural_verb(&toks).map(|k| toks[k].text.clone())
    }

    #[test]
    fn a_plural_noun_between_subject_and_argument_is_the_verb() {
        assert_eq!(
            verb_of("The club consists of three teams ."),
            Some("consists".to_string())
        );
        assert_eq!(verb_of("The club has three teams ."), None);
    }
}
