//! Whole arguments for the grammar's clauses, read from the parse: an object keeps the
//! complement that says which thing it is ("a role in the violence", "his request for the
//! files", "rumors that the mayor will resign", "the only member from the party to vote no",
//! "ten times larger than the old one"), a subject keeps the quantifier before it ("most of
//! the officials"), and a coordination keeps the modifiers its conjuncts share ("38 banks or
//! insurers" is not "insurers").
//!
//! The parse decides what belongs to the noun: a dependant of the object's words (`nmod`,
//! `acl`, `acl:relcl`) whose subtree begins right where the object ends. A phrase attached to
//! the verb ("sold the firm in 2004", "met the minister in Paris") stays out: times and "in"/"at"
//! phrases naming an entity are never joined, whatever the parse says, because the parser often
//! hangs them on the noun. A complement that cannot be kept whole (longer than
//! [`MAX_ADDED`] words, or running past a comma into another clause) leaves an object that would
//! mislead, so the clause gives no claim from its arguments.

use super::{phrase, Rel, Tree};
use crate::claim::open::{np_at, Clause, Phrase, Tok};

/// Most words a complement may add to an object.
const MAX_ADDED: usize = 12;

/// Most words a relative clause may add; a longer one is left out (the object is still what
/// the clause is about: the relative clause only narrows it).
const MAX_RELATIVE: usize = 8;

/// Prepositions whose phrase, naming an entity or a time, more often says where or when the
/// verb's event happened than which thing the noun is.
const ADJUNCT_PREPOSITIONS: &[&str] = &["in", "at", "near", "on", "outside", "inside"];

/// Prepositions whose phrase says when or despite what the verb's event happened ("suspended
/// flights after the storm"): never a noun's complement here.
const TEMPORAL_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "until",
    "amid",
    "despite",
    "following",
    "throughout",
];

/// Prepositions that open a gerund clause belonging to the noun before it ("their interest in
/// buying", "questions about spending"); the parser hangs such clauses on the verb.
const GERUND_PREPOSITIONS: &[&str] = &["in", "about"];

/// Words that quantify a subject through "of" ("most of the officials").
const QUANTIFIERS: &[&str] = &[
    "most",
    "some",
    "many",
    "none",
    "all",
    "half",
    "several",
    "few",
    "each",
    "any",
    "both",
    "much",
    "majority",
    "minority",
    "one",
    "two",
    "three",
    "four",
    "five",
    "dozens",
    "hundreds",
    "thousands",
];

/// What follows an object in the parse.
#[derive(Debug, PartialEq, Eq)]
enum After {
    /// Nothing of the noun's, or a phrase of the verb's.
    Nothing,
    /// The noun's complement, ending here.
    Whole(usize),
    /// The noun's complement, which cannot be kept whole.
    Cut,
}

/// Completes the arguments of the grammar's `clauses` of the sentence `tree` was parsed from.
pub fn complete(tree: &Tree, clauses: &mut [Clause]) {
    for c in clauses.iter_mut() {
        // "There is a freeze at the banks": the existential reading takes the phrases apart.
        let existential = c
            .subject
            .as_ref()
            .is_some_and(|s| tree.toks.get(s.start).is_some_and(|t| t.tag == "EX"));
        if existential {
            continue;
        }
        if let Some(s) = c.subject.as_mut() {
            quantified(tree.toks, s);
            shared_modifiers(tree.toks, s);
        }
        complete_object(tree, c);
    }
}

/// "Most of the officials": the quantifier the grammar left before an "of" joins the subject.
fn quantified(toks: &[Tok], s: &mut Phrase) {
    if s.start < 2 || s.conjuncts.len() != 1 || toks[s.start - 1].lower != "of" {
        return;
    }
    let q = s.start - 2;
    let quantifier = QUANTIFIERS.contains(&toks[q].lower.as_str()) || toks[q].tag == "CD";
    // The quantifier opens the clause: nothing but punctuation, a conjunction or "that" before.
    let opens = q == 0
        || toks[q - 1].tag == "CC"
        || matches!(
            toks[q - 1].text.as_str(),
            "," | ";" | ":" | "\"" | "``" | "that"
        );
    if quantifier && opens && toks[q].mention.is_none() {
        s.start = q;
        s.conjuncts = vec![(q, s.end)];
    }
}

/// "38 other banks or insurers": conjuncts after the first that are a bare common noun share
/// the first one's number and modifiers, so the coordination is kept as one phrase.
fn shared_modifiers(toks: &[Tok], s: &mut Phrase) {
    let Some(&(a, b)) = s.conjuncts.first() else {
        return;
    };
    if s.conjuncts.len() < 2 || b <= a + 1 {
        return;
    }
    let counted = toks[a..b - 1]
        .iter()
        .any(|t| t.tag == "CD" || t.tag == "JJ");
    let common = |t: &Tok| matches!(t.tag, "NN" | "NNS") && t.mention.is_none();
    let bare = s.conjuncts[1..]
        .iter()
        .all(|&(x, y)| y == x + 1 && common(&toks[x]));
    if counted && common(&toks[b - 1]) && bare {
        s.conjuncts = vec![(s.start, s.end)];
    }
}

/// Extends the clause's object with its complement, or empties the clause's arguments when
/// the complement cannot be kept whole.
fn complete_object(tree: &Tree, c: &mut Clause) {
    for _ in 0..2 {
        let Some(obj) = c.object.as_ref() else {
            return;
        };
        let p = &obj.phrase;
        if p.conjuncts.len() != 1 {
            return;
        }
        let (start, end) = (p.start, p.end);
        let after = match comparison(tree.toks, start, end) {
            After::Nothing => noun_complement(tree, start, end, c.verb.copula),
            got => got,
        };
        match after {
            After::Nothing => return,
            After::Cut => {
                c.object = None;
                c.extras.clear();
                c.agent = None;
                return;
            }
            After::Whole(e) => {
                if let Some(o) = c.object.as_mut() {
                    o.phrase.end = e;
                    o.phrase.conjuncts = vec![(start, e)];
                }
                c.extras
                    .retain(|a| a.phrase.end <= end || a.prep.unwrap_or(a.phrase.start) >= e);
            }
        }
    }
}

/// "ten times larger than the old one", "more cars than its rival": a comparison after or
/// inside the object, with what it compares with.
fn comparison(toks: &[Tok], start: usize, end: usize) -> After {
    let comparative = |t: &Tok| {
        matches!(t.tag, "JJR" | "RBR") || matches!(t.lower.as_str(), "more" | "less" | "fewer")
    };
    let mut than = end;
    if toks.get(end).is_some_and(comparative) {
        than += 1;
        if toks.get(than).is_some_and(|t| t.tag.starts_with("JJ")) {
            than += 1;
        }
    } else if !toks[start..end].iter().any(comparative) {
        return After::Nothing;
    }
    if toks.get(than).is_none_or(|t| t.lower != "than") {
        return After::Nothing;
    }
    match np_at(toks, than + 1, toks.len()) {
        Some(e) if e - end <= MAX_ADDED && !clause_goes_on(toks, e) => After::Whole(e),
        _ => After::Cut,
    }
}

/// Whether a finite verb follows at `k` ("than the company had expected"): the comparison is
/// with a clause, which the object cannot hold.
fn clause_goes_on(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD"))
}

/// The complement the parse attaches to the object's words right after `end`.
fn noun_complement(tree: &Tree, start: usize, end: usize, copula: bool) -> After {
    let toks = tree.toks;
    let Some(next) = toks.get(end) else {
        return After::Nothing;
    };
    if next.text == "," || (end == start + 1 && toks[start].tag == "CD") {
        return After::Nothing;
    }
    let Some(d) = first_dependant(tree, start, end) else {
        return gerund_clause(tree, start, end);
    };
    let (s, e) = span(tree, d);
    if s != end || toks[s].lower == "as" {
        return After::Nothing;
    }
    let rel = tree.rel(d);
    if rel == Rel::Nmod && (verb_adjunct(tree, end, s, e) || (!copula && named_value(tree, d))) {
        return After::Nothing;
    }
    let whole = e - end <= MAX_ADDED && sound(tree, d, s, e);
    // A relative clause, participle or purpose only narrows the noun: joined when short, else
    // left. "That" opens what a noun of saying says; "to" after "the only/first ..." says
    // which one it is.
    let ranked = toks[start..end]
        .iter()
        .any(|t| t.tag == "JJS" || matches!(t.lower.as_str(), "only" | "first" | "last"));
    let opener = toks[s].lower.as_str();
    let content =
        rel == Rel::Nmod || (rel == Rel::Acl && (opener == "that" || (opener == "to" && ranked)));
    // A name is identified already ("blamed the Kelmar Front for the attack"); an infinitive
    // after any other noun is more often the verb's purpose ("spread spikes on the road to
    // stop the chase").
    let named = toks[start..end].iter().all(|t| t.mention.is_some());
    if named || (opener == "to" && !content) {
        return After::Nothing;
    }
    match rel {
        _ if !content && whole && e - end <= MAX_RELATIVE => After::Whole(e),
        _ if !content => After::Nothing,
        _ if whole => After::Whole(e),
        // "over the strike against the rebels, which ...": the phrase before a comma.
        Rel::Nmod if before_comma(toks, s, e).is_some() => {
            before_comma(toks, s, e).map_or(After::Nothing, After::Whole)
        }
        _ if needs_complement(toks, start, end) => After::Cut,
        _ => After::Nothing,
    }
}

/// The end of the preposition's noun phrase at `s` when it runs to the first comma of `s..e`
/// (what follows the comma sets the noun off: "the strike against the rebels, which ...").
fn before_comma(toks: &[Tok], s: usize, e: usize) -> Option<usize> {
    let comma = (s..e).find(|&k| toks[k].text == ",")?;
    let end = np_at(toks, s + 1, comma)?;
    let sound = end == comma && end - s <= MAX_ADDED && !crosses_clause(toks, s, end);
    sound.then_some(end)
}

/// The span of `d`'s subtree less punctuation at its end (a closing quotation mark or comma
/// the parser hung on the last word).
fn span(tree: &Tree, d: usize) -> (usize, usize) {
    let (s, mut e) = phrase::subtree(tree, d, &[]);
    let trailing = |t: &Tok| {
        matches!(
            t.text.as_str(),
            "," | "." | ";" | ":" | "\"" | "''" | "``" | "'" | "\u{201c}" | "\u{201d}"
        )
    };
    while e > s + 1 && trailing(&tree.toks[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Whether the object `start..end` is one thing that says little without its complement: a
/// singular common noun after a determiner or possessive ("a role", "their interest", "the
/// only senator"), not a name, a plural or a bare mass noun.
fn needs_complement(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    let determined = toks[start..end]
        .iter()
        .any(|t| matches!(t.tag, "DT" | "PRP$" | "POS"));
    last.tag == "NN" && last.mention.is_none() && determined
}

/// Whether the noun phrase of the preposition (head `d`) is a name or an amount: after a plain
/// object the claim reader makes it the value of a relation that takes in the object's noun
/// ("launched rockets into Kelmar" gives "launch rocket | Kelmar"), which says as much.
fn named_value(tree: &Tree, d: usize) -> bool {
    let toks = tree.toks;
    toks[d].mention.is_some()
        || toks[d].tag == "CD"
        || tree
            .deps(d)
            .iter()
            .any(|&k| toks[k].tag == "CD" && tree.rel(k) != Rel::Case)
}

/// The dependant of one of the object's words that opens right after the object: a noun's
/// phrase (`nmod`), clause (`acl`) or relative clause.
fn first_dependant(tree: &Tree, start: usize, end: usize) -> Option<usize> {
    (start..end)
        .flat_map(|i| tree.deps(i).iter().copied())
        .filter(|&d| d >= end && matches!(tree.rel(d), Rel::Nmod | Rel::Acl | Rel::Relcl))
        .min_by_key(|&d| phrase::subtree(tree, d, &[]).0)
}

/// "their interest in buying 300 hotels": a gerund clause opened by a preposition right after
/// a common noun, which the parser hangs on the verb (`advcl`).
fn gerund_clause(tree: &Tree, start: usize, end: usize) -> After {
    let toks = tree.toks;
    let opens = toks
        .get(end)
        .is_some_and(|t| GERUND_PREPOSITIONS.contains(&t.lower.as_str()));
    let gerund = end + 1;
    let common = toks
        .get(end.wrapping_sub(1))
        .is_some_and(|t| t.tag.starts_with("NN") && t.mention.is_none());
    if !opens || !common || toks.get(gerund).is_none_or(|t| t.tag != "VBG") || end <= start {
        return After::Nothing;
    }
    if tree.rel(gerund) != Rel::Advcl {
        return After::Nothing;
    }
    let (s, e) = span(tree, gerund);
    if s != end {
        return After::Nothing;
    }
    if e - end <= MAX_ADDED && sound(tree, gerund, s, e) {
        After::Whole(e)
    } else if needs_complement(toks, start, end) {
        After::Cut
    } else {
        After::Nothing
    }
}

/// Whether the noun phrase `s..e` opened at `prep` says when or where the verb's event
/// happened: a time anywhere in it, or "in"/"at"/"near" ... an entity.
fn verb_adjunct(tree: &Tree, prep: usize, s: usize, e: usize) -> bool {
    let toks = tree.toks;
    let time = (s..e).any(|k| {
        phrase::is_time(tree, k)
            || (toks[k].tag == "NNS"
                && toks[k]
                    .lower
                    .strip_suffix('s')
                    .is_some_and(|w| crate::lexicon::TIME_NOUNS.contains(&w)))
            || (toks[k].tag == "CD"
                && toks[k].text.len() == 4
                && toks[k].text.starts_with(['1', '2']))
    });
    let word = toks[prep].lower.as_str();
    let adjunct = ADJUNCT_PREPOSITIONS.contains(&word);
    let named = toks.get(e - 1).is_some_and(|t| t.mention.is_some());
    time || (adjunct && named) || TEMPORAL_PREPOSITIONS.contains(&word)
}

/// Whether `s..e`, the subtree of `d`, is one run of words that stays in its clause and ends
/// on a word that can end a phrase (not "into", "the", "and": a quotation or clause cut off).
fn sound(tree: &Tree, d: usize, s: usize, e: usize) -> bool {
    let dangling = tree
        .toks
        .get(e.wrapping_sub(1))
        .is_none_or(|t| matches!(t.tag, "IN" | "TO" | "DT" | "CC" | "PRP$" | "WDT" | "WP"));
    !dangling && !crosses_clause(tree.toks, s, e) && phrase::is_whole(tree, d)
}

/// Whether `s..e` runs past a comma, semicolon, colon, dash or bracket, or holds an unbalanced
/// quotation mark: it reaches into another clause.
fn crosses_clause(toks: &[Tok], s: usize, e: usize) -> bool {
    let quotes = toks[s..e]
        .iter()
        .filter(|t| {
            matches!(
                t.text.as_str(),
                "\"" | "``" | "''" | "\u{201c}" | "\u{201d}"
            )
        })
        .count();
    let opened = toks[s..e].iter().filter(|t| t.text == "(").count();
    let closed = toks[s..e].iter().filter(|t| t.text == ")").count();
    quotes % 2 == 1
        || opened != closed
        || toks[s..e].iter().any(|t| {
            matches!(
                t.text.as_str(),
                "," | ";" | ":" | "--" | "\u{2013}" | "\u{2014}"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::{clauses, make_tokens};
    use crate::pos::PosModel;

    /// "subject | verb | object" of every grammar clause of `sentence`, completed from its
    /// parse.
    fn read(sentence: &str) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let pos = PosModel::builtin();
        let toks = make_tokens(&words, &vec![None; words.len()], pos);
        let mut found = clauses(&toks);
        complete(&Tree::parse(&toks, pos), &mut found);
        // Conjuncts apart: "A + B".
        let text = |p: Option<&Phrase>| {
            p.map(|p| {
                let parts: Vec<String> = p
                    .conjuncts
                    .iter()
                    .map(|&(a, b)| words[a..b].join(" "))
                    .collect();
                parts.join(" + ")
            })
        };
        found
            .iter()
            .map(|c| {
                let subject = text(c.subject.as_ref()).unwrap_or_default();
                let object = text(c.object.as_ref().map(|a| &a.phrase)).unwrap_or_default();
                format!("{subject} | {} | {object}", words[c.verb.main])
            })
            .collect()
    }

    fn check(sentence: &str, want: &str) {
        let got = read(sentence);
        assert!(got.iter().any(|g| g == want), "{want:?} not in {got:#?}");
    }

    #[test]
    fn an_object_keeps_the_phrase_that_says_which_one() {
        check(
            "The union played a part in the strike .",
            "The union | played | a part in the strike",
        );
        check(
            "Farmers reported a sharp rise in prices for seed .",
            "Farmers | reported | a sharp rise in prices for seed",
        );
        check(
            "The tower is three times taller than the old bridge .",
            "The tower | is | three times taller than the old bridge",
        );
    }

    #[test]
    fn a_time_or_a_named_place_stays_with_the_verb() {
        check(
            "The bank bought the shop in 1998 .",
            "The bank | bought | the shop",
        );
        check(
            "The council closed the road after the flood .",
            "The council | closed | the road",
        );
    }

    #[test]
    fn an_object_whose_complement_cannot_be_kept_gives_nothing() {
        check(
            "The mayor made a request for the old maps of the northern valley and the river towns near the southern border of the province .",
            "The mayor | made | ",
        );
    }

    #[test]
    fn a_subject_keeps_its_quantifier_and_shared_modifiers() {
        check(
            "Most of the striking drivers returned to work .",
            "Most of the striking drivers | returned | work",
        );
        check(
            "Some 40 other banks or insurers signed the letter .",
            "Some 40 other banks or insurers | signed | the letter",
        );
    }
}
