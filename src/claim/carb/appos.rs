//! CaRB tuples for appositions read from the sentence's dependency parse: "X , the Y ,",
//! "X , Y 's chairman ,", "X , chief of the Y ," and "X ( Y )" give X | be | Y, and a place
//! named after another place ("Dayton , Ohio") gives X | be in | Y. The relation is `be`,
//! which CaRB's scorer matches with whichever form of it the gold writes ("is", "was",
//! "are"), as implied tuples have no tense or number of their own.
//!
//! The tag-based appositions of `carb.rs` need a determiner on the description; the parse's
//! `appos` relation also finds bare role nouns and possessive descriptions. A tuple is made only
//! when the apposition reads cleanly:
//! - the noun it describes ends right before the comma or bracket that opens the apposition;
//! - neither side is part of a list (a `cc` or `conj` inside, a comma before the noun, `and`
//!   after the apposition);
//! - the apposition's phrase (without its relative clauses, coordinated items and further
//!   appositions) is one run of words that a comma, bracket, full stop, dash or one of those
//!   dropped dependants ends, and holds no verb;
//! - both sides are short (a long side is more often a misparse than an apposition).
//!
//! The name (the side headed by a proper noun) comes first, as CaRB's gold writes it. Two names
//! in brackets are one thing under two names ("be"); two names after a comma are a place in a
//! larger place ("be in"). Everything here is one pass over the tokens with capped phrases.

use super::verbs::noun_phrase;
use super::{span_text, Tuple};
use crate::claim::open::Tok;
use crate::claim::tree::{subtree, Rel, Tree};

/// Base confidence of an apposition with one name side (as the tag-based appositions).
const NAMED: f64 = 0.55;
/// Base confidence of two names ("be" in brackets, "be in" after a comma).
const TWO_NAMES: f64 = 0.45;
/// Base confidence of an apposition between two common nouns.
const NO_NAME: f64 = 0.35;
/// Longest side, in tokens.
const MAX_SIDE: usize = 12;

/// A token range `start..end`.
type Span = (usize, usize);

/// The apposition tuples of a parsed sentence.
pub(super) fn apposition_tuples(tree: &Tree, toks: &[Tok]) -> Vec<Tuple> {
    (0..toks.len())
        .filter(|&a| tree.rel(a) == Rel::Appos)
        .filter_map(|a| apposition(tree, toks, a))
        .collect()
}

/// The tuple of apposition `a`, when it reads cleanly.
fn apposition(tree: &Tree, toks: &[Tok], a: usize) -> Option<Tuple> {
    let h = tree.head(a).filter(|&h| h < a)?;
    if !is_noun(toks, h) || !is_noun(toks, a) {
        return None;
    }
    let noun = noun_phrase(tree, h);
    let (ns, ne) = noun;
    let opener = toks.get(ne)?.text.as_str();
    if !matches!(opener, "," | "-LRB-" | "(") {
        return None;
    }
    let mut app = appos_phrase(tree, toks, a)?;
    // The opening comma hung inside a description ("X , Mr. Y 's lawyer ," with the comma on
    // "Y"): the apposition's words start after it. Not for a name, where it is more often a
    // list ("A , B , C").
    if app.0 == ne && app.1 > ne + 1 && !is_name(toks, a) {
        app.0 = ne + 1;
    }
    if app.0 != ne + 1 || !closes(tree, toks, app.1) {
        return None;
    }
    let list = |s: Span| toks[s.0..s.1].iter().any(|t| t.tag == "CC");
    let verb = toks[app.0..app.1]
        .iter()
        .any(|t| t.tag.starts_with("VB") || t.tag == "MD");
    if list(noun)
        || list(app)
        || verb
        || (ns > 0 && toks[ns - 1].text == ",")
        || toks.get(app.1 + 1).is_some_and(|t| t.tag == "CC")
        || ne - ns > MAX_SIDE
    {
        return None;
    }
    let bracket = opener != ",";
    // "First Boston ( Japan ) Ltd": a bracket inside a name.
    if bracket
        && toks
            .get(app.1 + 1)
            .is_some_and(|t| is_name(toks, app.1 + 1) || t.tag == "POS")
    {
        return None;
    }
    let (name, desc, relation, confidence) = match (is_name(toks, h), is_name(toks, a)) {
        (true, false) => (noun, app, "be", NAMED),
        (false, true) => (app, noun, "be", NAMED),
        (true, true) if bracket => (noun, app, "be", TWO_NAMES),
        (true, true) if app.1 - app.0 <= 3 && all_proper(toks, app) => {
            (noun, app, "be in", TWO_NAMES)
        }
        (true, true) => return None,
        (false, false) => (noun, app, "be", NO_NAME),
    };
    let arg1 = span_text(toks, name.0, name.1);
    let arg2 = span_text(toks, desc.0, desc.1);
    if arg1.is_empty() || arg2.is_empty() {
        return None;
    }
    Some(Tuple {
        confidence,
        relation: relation.to_string(),
        arg1,
        args: vec![arg2],
    })
}

/// The apposition's own phrase (without relative clauses, coordinated items, further
/// appositions and punctuation), when it is one run of words.
fn appos_phrase(tree: &Tree, toks: &[Tok], a: usize) -> Option<Span> {
    let skip = [
        Rel::Relcl,
        Rel::Acl,
        Rel::Appos,
        Rel::Conj,
        Rel::Cc,
        Rel::Punct,
        Rel::Parataxis,
    ];
    let (s, e) = subtree(tree, a, &skip);
    if e - s > MAX_SIDE || e > toks.len() {
        return None;
    }
    (s..e).all(|k| within(tree, k, a)).then_some((s, e))
}

/// Whether token `k` hangs from `a` (within a short phrase's depth) without passing a dropped
/// relation, so that the phrase holds no word of another part of the sentence.
fn within(tree: &Tree, k: usize, a: usize) -> bool {
    let mut at = k;
    for _ in 0..=MAX_SIDE {
        if at == a {
            return true;
        }
        if matches!(
            tree.rel(at),
            Rel::Relcl | Rel::Acl | Rel::Appos | Rel::Conj | Rel::Cc | Rel::Parataxis
        ) {
            return false;
        }
        match tree.head(at) {
            Some(h) => at = h,
            None => return false,
        }
    }
    false
}

/// Whether the apposition ending before `e` is closed there: punctuation, the end, or a
/// relative pronoun opening a clause about it.
fn closes(tree: &Tree, toks: &[Tok], e: usize) -> bool {
    let Some(t) = toks.get(e) else {
        return true;
    };
    matches!(
        t.text.as_str(),
        "," | "." | ";" | ":" | "--" | ")" | "-RRB-" | "''"
    ) || (matches!(t.tag, "WP" | "WDT") && tree.rel(e) != Rel::Appos)
}

fn is_noun(toks: &[Tok], i: usize) -> bool {
    toks[i].tag.starts_with("NN") || toks[i].tag == "CD"
}

fn is_name(toks: &[Tok], i: usize) -> bool {
    matches!(toks[i].tag, "NNP" | "NNPS")
}

fn all_proper(toks: &[Tok], s: Span) -> bool {
    toks[s.0..s.1]
        .iter()
        .all(|t| matches!(t.tag, "NNP" | "NNPS") || t.text == ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::test_tokens;
    use crate::pos::PosModel;

    fn appositions(s: &str) -> Vec<String> {
        let (_, toks) = test_tokens(s);
        let pos = PosModel::builtin();
        let tree = Tree::parse(&toks, pos);
        apposition_tuples(&tree, &toks)
            .iter()
            .map(|t| format!("{} | {} | {}", t.arg1, t.relation, t.args.join(" | ")))
            .collect()
    }

    #[test]
    fn a_bare_role_noun_describes_the_name() {
        let t = appositions("Helen Park , director of the city museum , opened the show .");
        assert!(
            t.contains(&"Helen Park | be | director of the city museum".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_possessive_description_describes_the_name() {
        let t =
            appositions("The report was written by Omar Diallo , the agency 's chief economist .");
        assert!(
            t.contains(&"Omar Diallo | be | the agency 's chief economist".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn an_opening_comma_inside_the_apposition_is_left_out() {
        let t = appositions("Omar Diallo , Mr. Vos 's lawyer , said the deal was fair .");
        assert!(
            t.contains(&"Omar Diallo | be | Mr. Vos 's lawyer".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_list_is_no_apposition() {
        let t = appositions("They toured Lisbon , Porto and Braga last spring .");
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn no_apposition_gives_nothing() {
        assert!(appositions("The river flooded the valley .").is_empty());
        assert!(appositions("Yes").is_empty());
    }
}
