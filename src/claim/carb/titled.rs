//! CaRB tuples for a name after its title or role: "Governor Ana Ruiz", "Dutch Minister Jan
//! Vos", "former state Senator Bo Lind", "the novelist Ana Ruiz", "Vos 's brother Jan" give
//! NAME | be | TITLE, as CaRB's gold writes such names (`be`: the scorer matches it with "is",
//! "was" or "are", whichever the gold writes).
//!
//! Read from the tags: a title noun ([`is_title_noun`]) or a common noun of role
//! ([`is_role_noun`], less sure) followed by a run of one to [`MAX_NAME`] proper nouns. The
//! title's phrase takes in up to [`MAX_MODIFIERS`] words right before the noun that modify it
//! (adjectives, nouns, proper nouns: a nationality, a party, "former") and a possessor's name
//! before them ("Vos 's brother"); a determiner, punctuation, a conjunction or any other word
//! ends it. The name must not run on into a second title, a word of a body's name ("Justice
//! Department", "Attorney General"), a month or a day; after a role noun it must not run on
//! into a noun, and a plural role must not open a list ("the poets Ana and Jan"). Courtesy
//! titles ("Mr.", "Dr.") are no role and give nothing. One pass over the tokens.

use super::{span_text, Tuple};
use crate::claim::open::Tok;
use crate::lexicon::is_month_or_day;

/// Base confidence of a titled name: implied, like the appositions, but read from tags alone.
const TITLED: f64 = 0.35;
/// Base confidence of a name after a common noun of role ("the novelist Ana Ruiz"): less sure
/// than after a title.
const ROLE: f64 = 0.3;
/// Longest name, in tokens.
const MAX_NAME: usize = 4;
/// Most modifiers taken before the title noun.
const MAX_MODIFIERS: usize = 3;

/// The "TITLE NAME" and "ROLE NAME" tuples of a sentence.
pub(super) fn titled_tuples(toks: &[Tok]) -> Vec<Tuple> {
    (0..toks.len())
        .filter_map(|j| {
            if is_title_noun(&toks[j].lower) {
                titled(toks, j, false)
            } else if is_role_noun(toks, j) {
                titled(toks, j, true)
            } else {
                None
            }
        })
        .collect()
}

/// The tuple of title noun `j` (`role`: common noun of role `j`), when a name follows it.
fn titled(toks: &[Tok], j: usize, role: bool) -> Option<Tuple> {
    let mut e = j + 1;
    while e < toks.len() && e - (j + 1) < MAX_NAME + 1 && is_name_word(&toks[e]) {
        let w = toks[e].lower.as_str();
        if is_title_noun(w) || is_body_word(w) || is_month_or_day(w) {
            return None;
        }
        e += 1;
    }
    if e == j + 1 || e - (j + 1) > MAX_NAME {
        return None;
    }
    // "President Lee Corp": a company, not a person. After a role noun, a name that runs on
    // into a noun or a possessive modifies it ("gave students Acme laptops"), and a plural
    // role before a name and a comma or "and" names a list ("the poets Ana and Jan").
    let list = toks[j].tag == "NNS";
    if toks.get(e).is_some_and(|t| {
        matches!(t.tag, "NNP" | "NNPS")
            || t.text == "&"
            || (role && (t.tag.starts_with("NN") || t.tag == "POS"))
            || (role && list && (t.text == "," || t.tag == "CC"))
    }) {
        return None;
    }
    let s = title_start(toks, j);
    let name = span_text(toks, j + 1, e);
    let title = span_text(toks, s, j + 1);
    if name.is_empty() || title.is_empty() {
        return None;
    }
    Some(Tuple {
        confidence: if role { ROLE } else { TITLED },
        relation: "be".to_string(),
        arg1: name,
        args: vec![title],
    })
}

/// Where the title's phrase before noun `j` starts: up to [`MAX_MODIFIERS`] adjectives and
/// nouns, and a possessor's name before them ("Acme 's chief engineer", "Ana 's brother").
fn title_start(toks: &[Tok], j: usize) -> usize {
    let mut s = j;
    while s > 0
        && j - s < MAX_MODIFIERS
        && matches!(toks[s - 1].tag, "JJ" | "NN" | "NNP" | "NNPS")
        && !is_title_noun(&toks[s - 1].lower)
    {
        s -= 1;
    }
    let possessive = |t: &Tok| t.tag == "POS" || t.text == "'s";
    if s >= 2 && possessive(&toks[s - 1]) && is_capitalised_noun(&toks[s - 2]) {
        s -= 2;
        while s > 0 && j - s < MAX_MODIFIERS + 3 && is_capitalised_noun(&toks[s - 1]) {
            s -= 1;
        }
    }
    s
}

/// A common noun of a person's (or a group's) role that can stand right before a name ("the
/// novelist Ana Ruiz", "his brother Jan", "the band Velvet Crows"): lower case, and a word
/// of agent ("-er", "-or", "-ist", "-ian", "-man") or one of [`ROLE_WORDS`]. Other nouns before
/// a name are mostly something else ("after a short absence Vos returned", "the letter Vos
/// wrote").
fn is_role_noun(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    if !matches!(t.tag, "NN" | "NNS") || !t.text.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let w = t.lower.as_str();
    // The singular of a plural ("reviewers", "vocalists"; "congressmen" keeps its "men").
    let one = match w.strip_suffix('s') {
        Some(stem) if t.tag == "NNS" => stem,
        _ => w,
    };
    let agent = ["er", "or", "ist", "ian", "man", "men"]
        .iter()
        .any(|x| one.len() > x.len() + 2 && one.ends_with(x));
    (agent || ROLE_WORDS.contains(&one)) && !NOT_ROLES.contains(&one)
}

/// Nouns of role or kinship without an agent's ending.
const ROLE_WORDS: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
    "friend",
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "widow",
    "heir",
    "cop",
    "chief",
    "host",
    "poet",
    "star",
    "rival",
    "ally",
    "colleague",
    "pilot",
    "captain",
    "king",
    "queen",
    "prince",
    "princess",
    "bishop",
    "candidate",
    "nominee",
    "analyst",
    "official",
    "aide",
    "veteran",
    "band",
    "team",
    "group",
    "trio",
    "duo",
    "aristocrat",
    "immigrant",
    "guest",
    "chef",
    "monk",
    "priest",
    "saint",
];

/// Words with an agent's ending that name no person: things, places and times.
const NOT_ROLES: &[&str] = &[
    "number",
    "quarter",
    "winter",
    "summer",
    "letter",
    "matter",
    "paper",
    "water",
    "power",
    "order",
    "center",
    "centre",
    "corner",
    "border",
    "computer",
    "chapter",
    "theater",
    "theatre",
    "register",
    "error",
    "sector",
    "floor",
    "door",
    "color",
    "colour",
    "factor",
    "mirror",
    "motor",
    "minor",
    "major",
    "interior",
    "exterior",
    "monitor",
    "indicator",
    "meter",
    "fiber",
    "tower",
    "river",
    "cancer",
    "manner",
    "soccer",
    "poker",
    "dinner",
];

/// A capitalised noun: a name, or one the tagger took for a plural ("Childers").
fn is_capitalised_noun(t: &Tok) -> bool {
    t.tag.starts_with("NN") && t.text.chars().next().is_some_and(char::is_uppercase)
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
    fn a_name_after_a_role_noun_or_a_relative_is_that_role() {
        let p = pairs("The song was written by the novelist Ana Ruiz in 1990 .");
        assert_eq!(p, vec![("Ana Ruiz".to_string(), "novelist".to_string())]);
        let p = pairs("Vos 's brother Jan Vos took over the farm .");
        assert_eq!(
            p,
            vec![("Jan Vos".to_string(), "Vos 's brother".to_string())]
        );
    }

    #[test]
    fn no_role_for_other_nouns_lists_or_names_run_on() {
        assert!(pairs("After a short absence Vos returned to the club .").is_empty());
        assert!(pairs("The letter Vos wrote was lost .").is_empty());
        assert!(pairs("She thanked the poets Ana and Jan for coming .").is_empty());
        assert!(pairs("The school gave teachers Acme laptops .").is_empty());
        assert!(pairs("The deal was signed by the buyer Monday .").is_empty());
    }

    #[test]
    fn no_tuple_without_a_name_or_for_a_company() {
        assert!(pairs("The president said the plan would work .").is_empty());
        assert!(pairs("Mr. Vos met Dr. Ruiz in Oslo .").is_empty());
        assert!(pairs("She met the new director , Jan Vos , today .").is_empty());
        assert!(pairs("The Justice Department opened an inquiry .").is_empty());
    }
}
