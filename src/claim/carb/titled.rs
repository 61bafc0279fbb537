//! CaRB tuples for a name after its title: "Governor Ana Ruiz", "Dutch Minister Jan Vos",
//! "former state Senator Bo Lind" give NAME | is | TITLE, as CaRB's gold writes such names.
//!
//! Read from the tags: a title noun ([`is_title_noun`]) followed by a run of one to
//! [`MAX_NAME`] proper nouns. The title's phrase takes in up to [`MAX_MODIFIERS`] words right
//! before the title noun that modify it (adjectives, nouns, proper nouns: a nationality, a
//! party, "former"); a determiner, punctuation, a conjunction or any other word ends it. The
//! name must not run on into a second title or a word of a body's name ("Justice Department",
//! "Attorney General"). Courtesy titles ("Mr.", "Dr.") are no role and give nothing. One pass
//! over the tokens.

use super::{span_text, Tuple};
use crate::claim::open::Tok;

/// Base confidence of a titled name: implied, like the appositions, but read from tags alone.
const TITLED: f64 = 0.35;
/// Longest name, in tokens.
const MAX_NAME: usize = 4;
/// Most modifiers taken before the title noun.
const MAX_MODIFIERS: usize = 3;

/// The "TITLE NAME" tuples of a sentence.
pub(super) fn titled_tuples(toks: &[Tok]) -> Vec<Tuple> {
    (0..toks.len())
        .filter(|&j| is_title_noun(&toks[j].lower))
        .filter_map(|j| titled(toks, j))
        .collect()
}

/// The tuple of title noun `j`, when a name follows it.
fn titled(toks: &[Tok], j: usize) -> Option<Tuple> {
    let mut e = j + 1;
    while e < toks.len() && e - (j + 1) < MAX_NAME + 1 && is_name_word(&toks[e]) {
        if is_title_noun(&toks[e].lower) || is_body_word(&toks[e].lower) {
            return None;
        }
        e += 1;
    }
    if e == j + 1 || e - (j + 1) > MAX_NAME {
        return None;
    }
    // "President Lee Corp": a company, not a person.
    if toks
        .get(e)
        .is_some_and(|t| matches!(t.tag, "NNP" | "NNPS") || t.text == "&")
    {
        return None;
    }
    let mut s = j;
    while s > 0
        && j - s < MAX_MODIFIERS
        && matches!(toks[s - 1].tag, "JJ" | "NN" | "NNP" | "NNPS")
        && !is_title_noun(&toks[s - 1].lower)
    {
        s -= 1;
    }
    let name = span_text(toks, j + 1, e);
    let title = span_text(toks, s, j + 1);
    if name.is_empty() || title.is_empty() {
        return None;
    }
    Some(Tuple {
        confidence: TITLED,
        relation: "is".to_string(),
        arg1: name,
        args: vec![title],
    })
}

/// A capitalised proper noun (or an initial such as "D.").
fn is_name_word(t: &Tok) -> bool {
    matches!(t.tag, "NNP" | "NNPS") && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Words of a body's name ("Justice Department", "Attorney General"): no person's name.
fn is_body_word(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "department"
            | "general"
            | "court"
            | "office"
            | "ministry"
            | "committee"
            | "council"
            | "party"
            | "house"
            | "board"
            | "bank"
            | "company"
            | "corp"
            | "inc"
            | "ltd"
            | "co"
            | "university"
            | "school"
            | "agency"
            | "administration"
            | "commission"
            | "service"
            | "group"
    )
}

/// Nouns of office or role that stand before a name ("Senator", "Attorney", "leader").
fn is_title_noun(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "president"
            | "senator"
            | "sen"
            | "representative"
            | "rep"
            | "attorney"
            | "minister"
            | "governor"
            | "gov"
            | "mayor"
            | "chairman"
            | "chairwoman"
            | "secretary"
            | "judge"
            | "justice"
            | "chancellor"
            | "commissioner"
            | "ambassador"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "director"
            | "manager"
            | "premier"
            | "councillor"
            | "councilor"
            | "coach"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::make_tokens;
    use crate::pos::PosModel;

    fn pairs(s: &str) -> Vec<(String, String)> {
        let words: Vec<&str> = s.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        titled_tuples(&toks)
            .into_iter()
            .map(|t| (t.arg1, t.args.join(" ")))
            .collect()
    }

    #[test]
    fn a_name_after_its_title_is_the_title() {
        let p = pairs("The plan was backed by Governor Ana Ruiz on Tuesday .");
        assert_eq!(p, vec![("Ana Ruiz".to_string(), "Governor".to_string())]);
        let p = pairs("It was signed by Dutch Minister Jan Vos .");
        assert_eq!(
            p,
            vec![("Jan Vos".to_string(), "Dutch Minister".to_string())]
        );
    }

    #[test]
    fn no_tuple_without_a_name_or_for_a_company() {
        assert!(pairs("The president said the plan would work .").is_empty());
        assert!(pairs("Mr. Vos met Dr. Ruiz in Oslo .").is_empty());
        assert!(pairs("She met the new director , Jan Vos , today .").is_empty());
        assert!(pairs("The Justice Department opened an inquiry .").is_empty());
    }
}
