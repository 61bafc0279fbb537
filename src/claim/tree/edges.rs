//! The edges of the grammar's arguments, checked against the parse before the complements are
//! joined: an argument cut inside a name ("the School of Law | & Justice", "the Port | of
//! Dorn Authority"), inside a compound noun ("a 2004 tariff | change"), or after its opening
//! gerund ("| Rising rents"), an object with a day word glued to it ("Kelmar today"), one
//! left on a dangling preposition ("hostility towards"), a participle that shares a
//! passive auxiliary with the verb before it ("were stopped and | searched"), and an object
//! that runs into an absolute "with" clause ("a candidate | with polls showing ...",
//! [`absolute_with`], run once the complements are joined).
//!
//! Each edge is made whole where the words show what belongs to the argument; an object that
//! still ends on a preposition gives no claim (the clause's arguments are emptied), because a
//! cut argument misleads where a missing claim does not.

use super::{Rel, Tree};
use crate::claim::open::{Clause, Phrase, Tok};

/// Most words a name may run on after the argument's end.
const MAX_NAME: usize = 6;

/// Day words that say when, never what: an object ending in one was glued to the time.
const DAY_WORDS: &[&str] = &["today", "yesterday", "tonight", "tomorrow"];

/// Prepositions that never end an object, whatever their tag ("hostility towards").
const DANGLING: &[&str] = &[
    "towards", "toward", "of", "to", "with", "for", "from", "into", "about", "against", "onto",
    "upon", "than",
];

/// Gerunds that open an adverbial, never a subject ("Following the vote, ...").
const PREPOSITIONAL_GERUNDS: &[&str] = &[
    "following",
    "including",
    "according",
    "regarding",
    "concerning",
    "excluding",
    "considering",
    "pending",
    "barring",
    "during",
    "notwithstanding",
];

/// Checks the subject's and object's edges of the clause `c` of the sentence `tree` was parsed
/// from; returns false when the clause's object cannot be made whole.
pub(super) fn check(tree: &Tree, c: &mut Clause) -> bool {
    shared_passive(tree, c);
    let verb = c.verb.start;
    if let Some(s) = c.subject.as_mut() {
        opening_gerund(tree, s, verb);
        if let Some(e) = name_runs_on(tree.toks, s.start, s.end) {
            set_end(s, e);
        }
    }
    let Some(o) = c.object.as_mut() else {
        return true;
    };
    let p = &mut o.phrase;
    // "hostility towards | and ...", "work towards": a conjunct that ends on a preposition.
    let dangling = |&(_, e): &(usize, usize)| {
        e.checked_sub(1)
            .and_then(|k| tree.toks.get(k))
            .is_some_and(|last| {
                (matches!(last.tag, "IN" | "TO") || DANGLING.contains(&last.lower.as_str()))
                    && last.lower != "as"
            })
    };
    if p.conjuncts.iter().any(dangling) {
        return false;
    }
    if p.conjuncts.len() != 1 {
        return true;
    }
    day_word(tree.toks, p);
    if let Some(e) = name_runs_on(tree.toks, p.start, p.end) {
        set_end(p, e);
    }
    if let Some(e) = compound_runs_on(tree, p.start, p.end) {
        set_end(p, e);
    }
    !dangling(&(p.start, p.end))
}

/// Sets the end of the one-conjunct phrase `p`.
fn set_end(p: &mut Phrase, e: usize) {
    p.end = e;
    p.conjuncts = vec![(p.start, e)];
}

/// "Kelmar today": a day word that ends the clause after a longer object leaves it. Not when
/// more of the clause follows ("awarded the prize today to ..."), nor after a number ("aged 81
/// today", "3 p.m. tomorrow"), which the day word may belong to.
fn day_word(toks: &[Tok], p: &mut Phrase) {
    if p.end <= p.start + 1 {
        return;
    }
    let last = &toks[p.end - 1];
    let before = &toks[p.end.saturating_sub(2)];
    let ends = toks.get(p.end).is_none_or(|t| {
        t.tag == "CC" || matches!(t.text.as_str(), "," | "." | ";" | ":" | "!" | "?" | "\"")
    });
    let counted = toks[p.start..p.end - 1].iter().any(|t| t.tag == "CD");
    if ends
        && !counted
        && DAY_WORDS.contains(&last.lower.as_str())
        && !matches!(before.tag, "IN" | "POS" | "DT")
    {
        set_end(p, p.end - 1);
    }
}

/// "a compromise candidate | with several polls showing ...": a "with" phrase at the object's
/// end whose noun is the subject of the participle right after it is a clause of its own (an
/// absolute "with"), not the object's; the object ends before "with". The parse must make the
/// noun the participle's subject, or the participle be "having"/"being": a participle that
/// describes the noun ("interviews with citizens claiming ...") or works as a preposition
/// ("talks with airlines concerning ...") leaves the object whole. Run on the object once its
/// complements are joined (`whole::complete_object`), as the parse may hang the clause on the
/// object's noun.
pub(super) fn absolute_with(tree: &Tree, p: &mut Phrase) {
    let toks = tree.toks;
    let Some(with) = (p.start + 1..p.end).find(|&k| toks[k].lower == "with") else {
        return;
    };
    let nominal = |t: &Tok| {
        t.mention.is_some()
            || matches!(
                t.tag,
                "DT" | "JJ" | "JJS" | "CD" | "NN" | "NNS" | "NNP" | "NNPS" | "PRP$"
            )
    };
    let mut k = with + 1;
    while k < toks.len() && nominal(&toks[k]) {
        k += 1;
    }
    let noun = |t: &Tok| t.tag.starts_with("NN") || t.mention.is_some();
    let participle = toks
        .get(k)
        .is_some_and(|t| t.tag == "VBG" && !PREPOSITIONAL_GERUNDS.contains(&t.lower.as_str()));
    if k <= with + 1 || k > p.end || !noun(&toks[k - 1]) || !participle {
        return;
    }
    let auxiliary = matches!(toks[k].lower.as_str(), "having" | "being");
    let subject = (with + 1..k)
        .any(|n| tree.head(n) == Some(k) && matches!(tree.rel(n), Rel::Subj | Rel::SubjPass));
    if auxiliary || subject {
        set_end(p, with);
    }
}

/// Whether `t` is a capitalised word of a name.
fn capitalised(t: &Tok) -> bool {
    (t.tag.starts_with("NN") || t.mention.is_some()) && t.text.starts_with(char::is_uppercase)
}

/// The end of the name the argument `start..end` was cut inside: its last word is capitalised
/// and "&" + capitalised words ("Law & Justice") or "of" + capitalised words ("the Port of
/// Dorn Authority", "Chief Engineer of Vell Rail") follow. `None` when no name runs on.
fn name_runs_on(toks: &[Tok], start: usize, end: usize) -> Option<usize> {
    if end <= start || !capitalised(&toks[end - 1]) {
        return None;
    }
    let joiner = toks.get(end)?;
    // "of" continues a name only after a capitalised head ("the City of ...", not "Smith of").
    let of = joiner.lower == "of" && end > start + 1;
    if joiner.text != "&" && !of {
        return None;
    }
    let mut k = end + 1;
    if of && toks.get(k).is_some_and(|t| t.lower == "the") {
        k += 1;
    }
    let first = k;
    while k < toks.len() && k - end <= MAX_NAME && capitalised(&toks[k]) {
        k += 1;
    }
    let closes = toks
        .get(k)
        .is_none_or(|t| !capitalised(t) && t.text != "&" && t.lower != "of");
    (k > first && closes).then_some(k)
}

/// "a 2004 tariff | change": the object's last word is a modifier of the common noun right
/// after it, in the parse, so the object was cut inside its noun. The end of that noun (a run
/// of common nouns), or `None`.
fn compound_runs_on(tree: &Tree, start: usize, end: usize) -> Option<usize> {
    let toks = tree.toks;
    let common = |t: &Tok| matches!(t.tag, "NN" | "NNS") && t.mention.is_none();
    if end <= start {
        return None;
    }
    let next = toks.get(end)?;
    let modifies = tree.head(end - 1) == Some(end)
        && matches!(tree.rel(end - 1), Rel::Other | Rel::Amod | Rel::Nmod);
    if !common(next) || !modifies || super::phrase::is_time(tree, end) {
        return None;
    }
    let mut k = end + 1;
    while toks.get(k).is_some_and(common) && tree.head(k - 1) == Some(k) {
        k += 1;
    }
    Some(k)
}

/// "Rising rents have driven ...": a gerund that opens the clause right before its subject,
/// with no comma between the subject and the verb (at `verb`), is part of the subject: as a
/// modifier ("Rising rents") or as a gerund whose object the grammar took ("Increasing food
/// prices has been seen as ..."). Prepositional gerunds ("Following the vote") stay out.
fn opening_gerund(tree: &Tree, s: &mut Phrase, verb: usize) {
    let toks = tree.toks;
    if s.start == 0 || s.conjuncts.len() != 1 || verb < s.end {
        return;
    }
    let g = s.start - 1;
    let opens = g == 0
        || toks[g - 1].tag == "CC"
        || matches!(toks[g - 1].text.as_str(), ";" | ":" | "that");
    // A reporting gerund ("Saying the plan failed, ...") opens what it reports.
    let gerund = toks[g].tag == "VBG"
        && toks[g].mention.is_none()
        && !crate::lexicon::is_reporting(&toks[g].lemma)
        && !PREPOSITIONAL_GERUNDS.contains(&toks[g].lower.as_str());
    let comma = toks[s.end..verb].iter().any(|t| t.text == ",");
    // "Saying the war caused ...": the gerund governs the clause, it is no part of its subject.
    let governs = governs(tree, g, verb);
    if gerund && opens && !comma && !governs {
        s.start = g;
        s.conjuncts = vec![(g, s.end)];
    }
}

/// Whether `g` is above `k` in the parse.
fn governs(tree: &Tree, g: usize, k: usize) -> bool {
    let mut k = k;
    for _ in 0..tree.toks.len() {
        match tree.head(k) {
            Some(h) if h == g => return true,
            Some(h) => k = h,
            None => return false,
        }
    }
    false
}

/// "were beaten and | thrown into vans": a bare participle coordinated with a passive verb
/// shares its auxiliary, so it is passive too.
fn shared_passive(tree: &Tree, c: &mut Clause) {
    let main = c.verb.main;
    if c.verb.passive || c.verb.copula || tree.toks[main].tag != "VBN" || c.verb.start != main {
        return;
    }
    // Up the chain of conjuncts ("beaten, kicked and thrown") to the verb with an auxiliary.
    let mut k = main;
    for _ in 0..4 {
        let Some(h) = tree.head(k).filter(|_| tree.rel(k) == Rel::Conj) else {
            return;
        };
        // "was born in 1931 and served as ...": after "born" a past form is the person's act.
        if tree.dep(h, Rel::AuxPass).is_some() {
            c.verb.passive = tree.tag(h) == "VBN" && tree.toks[h].lower != "born";
            return;
        }
        if tree.dep(h, Rel::Aux).is_some() {
            return;
        }
        k = h;
    }
}
