//! What a verb of asking or ordering asks of its object: the infinitive right after the object
//! ("ordered the crew | to leave the ship", "called on the council | not to close the school",
//! "warned the firm | to comply"). Without it the claim says only that someone was addressed
//! ("order | the crew"), and an analyst misses what was asked, or reads the opposite when a
//! "not" is cut; so the infinitive joins the object when it is whole and short, or the clause
//! gives no claim from its arguments (`whole::extend_object` decides with [`asked_infinitive`]).
//! The grammar's obligation claim for the infinitive ("the crew | leave | the ship",
//! requested by the speaker) is a clause of its own and stays.

use super::whole::{is_quote, span, After, MAX_ADDED};
use super::{phrase, Rel, Tree};
use crate::claim::open::{request_preposition, Clause, Tok};
use crate::lexicon::REQUEST_VERBS;

/// Verbs of asking, ordering, urging or warning beside [`REQUEST_VERBS`] whose infinitive after
/// the object says what the object was asked to do ("warned the firm to comply", "persuaded
/// the board to sell").
const ASKING_VERBS: &[&str] = &[
    "warn",
    "appeal",
    "challenge",
    "lobby",
    "persuade",
    "convince",
    "remind",
    "authorise",
    "authorize",
    "petition",
    "command",
    "summon",
];

/// The end of the infinitive that says what the clause's object was asked to do, when the
/// clause's verb asks it of its object: `After::Whole` when the infinitive is one run of at
/// most [`MAX_ADDED`] words with no clause of its own, `After::Cut` when it is not,
/// `After::Nothing` when no such infinitive follows the object ending at `end`.
pub(super) fn asked_infinitive(tree: &Tree, c: &Clause, end: usize) -> After {
    let toks = tree.toks;
    if c.verb.passive || !asks(toks, c) {
        return After::Nothing;
    }
    let Some(verb) = infinitive_at(toks, end) else {
        return After::Nothing;
    };
    let (s, e) = span(tree, verb);
    if s != end {
        return cut(toks, c);
    }
    // The infinitive whole, else its verb with its particle and object ("to take action" of
    // "to take action to avoid what ..."), which say what was asked.
    let fits = |e: usize| e > verb && e - end <= MAX_ADDED && whole(tree, verb, s, e);
    if fits(e) && !has_clause(toks, s, e) {
        return After::Whole(e);
    }
    match core_end(tree, verb) {
        Some(core) if fits(core) && !has_clause(toks, s, core) && !thing_asked(toks, c) => {
            After::Whole(core)
        }
        _ => cut(toks, c),
    }
}

/// What a request too long to join leaves: no claim, but after "for", whose object is the
/// thing asked for ("asked for an injunction | to keep ..."), the object as it is.
fn cut(toks: &[Tok], c: &Clause) -> After {
    if thing_asked(toks, c) {
        After::Nothing
    } else {
        After::Cut
    }
}

/// Whether the clause's object is the thing asked for ("called for talks"), through "for".
fn thing_asked(toks: &[Tok], c: &Clause) -> bool {
    let start = c.object.as_ref().map_or(0, |o| o.phrase.start);
    addressed(toks, c) && toks[start - 1].lower == "for"
}

/// Whether `s..e` holds a clause of its own (a finite verb, a relative word, a subordinator).
fn has_clause(toks: &[Tok], s: usize, e: usize) -> bool {
    toks[s..e].iter().any(|t| {
        matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD" | "WDT" | "WP" | "WRB")
            || (crate::lexicon::is_subordinator(&t.lower)
                && !crate::lexicon::ALSO_PREPOSITIONS.contains(&t.lower.as_str()))
    })
}

/// The end of the infinitive's verb `verb` with the particle and direct object right after it
/// ("to take action" of "to take action before ..."), when it has a direct object that ends
/// on no verb and is not followed by where the object goes ("to keep the plan | off the
/// ballot" says the opposite cut).
fn core_end(tree: &Tree, verb: usize) -> Option<usize> {
    let toks = tree.toks;
    let mut end = verb + 1;
    let mut object = false;
    let mut after: Vec<usize> = tree
        .deps(verb)
        .iter()
        .copied()
        .filter(|&k| k > verb)
        .collect();
    after.sort_unstable();
    for k in after {
        let (s, e) = span(tree, k);
        if s != end || !matches!(tree.rel(k), Rel::Particle | Rel::Obj) {
            break;
        }
        object |= tree.rel(k) == Rel::Obj;
        end = e;
    }
    let goes = toks.get(end).is_some_and(|t| {
        t.tag == "RP"
            || matches!(
                t.lower.as_str(),
                "off" | "out" | "away" | "back" | "into" | "onto" | "from" | "of"
            )
    });
    // "to indict a United States | soldier": a name the parse cut before its noun.
    let runs_on = toks.get(end).is_some_and(|t| t.tag.starts_with("NN"));
    let verb_last = toks[end - 1].tag.starts_with("VB");
    (object && !goes && !runs_on && !verb_last).then_some(end)
}

/// Whether the clause's verb asks something of its object: a verb of asking with a direct
/// object, or one that addresses it through a preposition ("call on", "appeal to", "ask for":
/// `open::request_preposition`).
fn asks(toks: &[Tok], c: &Clause) -> bool {
    let Some(object) = c.object.as_ref() else {
        return false;
    };
    if addressed(toks, c) {
        return true;
    }
    let lemma = toks[c.verb.main].lemma.as_str();
    let direct = object.prep.is_none() && c.verb.particle.is_none();
    // "called the chairman to apologise" is a telephone call.
    direct && lemma != "call" && (REQUEST_VERBS.contains(&lemma) || ASKING_VERBS.contains(&lemma))
}

/// Whether the object follows a verb of request and its preposition ("called on | X").
fn addressed(toks: &[Tok], c: &Clause) -> bool {
    c.object
        .as_ref()
        .and_then(|o| o.phrase.start.checked_sub(1))
        .is_some_and(|p| request_preposition(toks, p))
}

/// The verb of the infinitive that opens at `at`: "to leave", "not to leave", "to not leave",
/// "to \"leave\"".
fn infinitive_at(toks: &[Tok], at: usize) -> Option<usize> {
    let mut k = at;
    if toks.get(k)?.lower == "not" {
        k += 1;
    }
    if toks.get(k)?.lower != "to" {
        return None;
    }
    k += 1;
    if toks.get(k)?.lower == "not" || is_quote(toks.get(k)?) {
        k += 1;
    }
    (toks.get(k)?.tag == "VB").then_some(k)
}

/// Whether `s..e`, the subtree of `d`, stays in its clause (no comma, semicolon, dash or open
/// quotation) and ends on a word that can end a phrase.
fn whole(tree: &Tree, d: usize, s: usize, e: usize) -> bool {
    let toks = tree.toks;
    let dangling = toks
        .get(e.wrapping_sub(1))
        .is_none_or(|t| matches!(t.tag, "IN" | "TO" | "DT" | "CC" | "PRP$" | "WDT" | "WP"));
    let quotes = toks[s..e].iter().filter(|t| is_quote(t)).count();
    let breaks = toks[s..e].iter().any(|t| {
        matches!(
            t.text.as_str(),
            "," | ";" | ":" | "--" | "(" | ")" | "\u{2013}" | "\u{2014}"
        )
    });
    !dangling && quotes % 2 == 0 && !breaks && phrase::is_whole(tree, d)
}

#[cfg(test)]
mod tests {
    use super::super::completed::{check, never};

    #[test]
    fn what_was_asked_of_the_object_joins_it() {
        check(
            "The captain ordered the crew to leave the ship .",
            "The captain | ordered | the crew to leave the ship",
        );
        check(
            "The mayor urged residents to boil their water .",
            "The mayor | urged | residents to boil their water",
        );
        check(
            "The regulator warned the bank to repay the loans .",
            "The regulator | warned | the bank to repay the loans",
        );
    }

    #[test]
    fn a_denied_request_keeps_its_not() {
        check(
            "The union has called on members not to cross the picket line .",
            "The union | called | members not to cross the picket line",
        );
        never(
            "The union has called on members not to cross the picket line .",
            "| members",
        );
    }

    #[test]
    fn a_request_too_long_to_join_gives_no_claim_of_the_object() {
        never(
            "The court ordered the city to repay the fees that it had charged to several \
             thousand drivers over the past decade .",
            "| the city",
        );
    }

    #[test]
    fn a_long_request_keeps_its_verb_and_object() {
        check(
            "The senator urged the president to take action before a shutdown that would \
             hurt thousands of federal workers .",
            "The senator | urged | the president to take action",
        );
    }

    #[test]
    fn a_thing_asked_for_stays_when_its_purpose_is_long() {
        check(
            "The suit asked for a ruling to keep the measure off the ballot , arguing that \
             voters were misled .",
            "The suit | asked | a ruling",
        );
    }

    #[test]
    fn a_purpose_after_another_verb_is_left_alone() {
        check(
            "The senator called the governor to apologise .",
            "The senator | called | the governor",
        );
        check(
            "The farmers hired guards to watch the barns .",
            "The farmers | hired | guards",
        );
    }
}
