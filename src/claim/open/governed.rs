//! Modality a clause takes from the clause that governs it, when the sentence does not assert
//! it on its own. A clause read as asserted takes its governor's modality when it is
//! - the content ("that") clause of a verb that is itself not asserted ("had to prove that the
//!   firm paid", "will announce that the plant closes", "may show that ..."; after a short
//!   object only for verbs that take one before "that": "must convince the jury that ..."),
//!   with the content clauses coordinated with it (", and that ...");
//! - a clause after "the first time that/when" under such a verb ("likely marks the first time
//!   that rivals shared a stage");
//! - an "as" clause with a present verb under such a verb ("will probably resign as the board
//!   completes its review").
//!
//! A clause that is the content of a noun of doubt, belief or prospect ("the theory that the
//! party was hurt", "fears that the dam may fail") is hedged; a gerund clause after "risk of"
//! and its kind ("at risk of the parents being jailed") is a possibility. Neither is asserted
//! by the sentence, whatever its own verb says. So is the "that" clause of a verb of guessing
//! that reports nothing ("it is widely speculated that ...", "analysts surmise that ..."), and
//! a hearsay passive with "as" ("is being reported as the source") is hedged like "is said to
//! be".
//!
//! A clause with a bare verb right after a verb of demanding and its subject ("demanded that
//! the minister resign", "insists the fee be waived") is an obligation: what was demanded.
//!
//! An obligation whose purpose follows ("would have to shrink again in order for there to be a
//! recession") is a necessary condition, not a duty: conditional. "in order" is never an
//! argument.

use super::scope::boundary_after;
use super::{Clause, Tok};
use crate::claim::Modality;
use crate::lexicon::{is_hedge, HEARSAY_PASSIVES};

/// Verbs whose content is true whatever their own modality ("must remember that the team
/// won", "can see that the plan failed"): their content keeps its own.
const FACTIVE: &[&str] = &[
    "know",
    "remember",
    "realise",
    "realize",
    "recognise",
    "recognize",
    "understand",
    "note",
    "notice",
    "see",
    "acknowledge",
    "forget",
    "regret",
    "learn",
    "discover",
    "admit",
];

/// Verbs that take an object before their "that" clause ("told reporters that").
const OBJECT_BEFORE_THAT: &[&str] = &[
    "tell", "convince", "persuade", "assure", "remind", "inform", "warn", "notify", "satisfy",
    "teach",
];

/// Gives the clauses of `res` that a non-asserted clause governs its modality, and makes an
/// obligation with a purpose after it conditional.
pub(super) fn inherit_modality(toks: &[Tok], res: &mut [Clause]) {
    purpose_conditions(toks, res);
    noun_content(toks, res);
    demanded_content(toks, res);
    speculated_content(toks, res);
    for p in 0..res.len() {
        let governor = &res[p];
        if !grounded(toks, governor) {
            continue;
        }
        let m = if governor.verb.modality != Modality::Asserted {
            governor.verb.modality
        } else if governor.conditional {
            Modality::Conditional
        } else {
            continue;
        };
        let lemma = toks[governor.verb.main].lemma.clone();
        if FACTIVE.contains(&lemma.as_str()) {
            continue;
        }
        for (a, b) in governed_ranges(toks, governor.verb.end, &lemma) {
            for c in res.iter_mut() {
                let asserted = c.verb.modality == Modality::Asserted && !c.conditional;
                if a <= c.verb.main && c.verb.main < b && asserted {
                    c.verb.modality = m;
                }
            }
        }
    }
}

/// Whether a governor's modality stands in its own words: a modal or an infinitive in its
/// verb group, a hedge just before it, or a condition. A modality a verb only shares with
/// the verb it is coordinated with ("will continue ... and has said that") is not passed on.
fn grounded(toks: &[Tok], c: &Clause) -> bool {
    let g = &c.verb;
    let own = toks[g.start..g.end]
        .iter()
        .any(|t| t.is("MD") || t.lower == "to" || is_hedge(&t.lower));
    let hedge_before = toks[g.start.saturating_sub(2)..g.start]
        .iter()
        .any(|t| is_hedge(&t.lower));
    let infinitive = g.start > 0 && toks[g.start - 1].lower == "to";
    own || hedge_before || infinitive || c.conditional
}

/// Nouns (lower case) whose "that" clause is doubted, believed, hoped or feared, not asserted.
const DOUBT_NOUNS: &[&str] = &[
    "theory",
    "theories",
    "possibility",
    "possibilities",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "report",
    "reports",
    "speculation",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assertion",
    "assertions",
    "insistence",
    "contention",
    "charge",
    "charges",
    "characterization",
    "characterisation",
    "suggestion",
    "suggestions",
    "hypothesis",
    "hope",
    "hopes",
    "fear",
    "fears",
    "claim",
    "claims",
    "belief",
    "beliefs",
    "notion",
    "idea",
    "assumption",
    "prospect",
    "chance",
    "chances",
    "risk",
    "danger",
    "threat",
    "concern",
    "concerns",
    "worry",
    "worries",
    "doubt",
    "doubts",
    "suspicion",
    "suspicions",
    "impression",
];

/// Verbs (lemmas) of guessing, no reporting verbs, whose "that" clause is a guess ("it is
/// widely speculated that ...", "analysts surmise that ...").
const GUESSING: &[&str] = &[
    "speculate",
    "rumour",
    "rumor",
    "theorise",
    "theorize",
    "conjecture",
    "surmise",
    "guess",
    "hypothesise",
    "hypothesize",
    "posit",
    "suppose",
    "assume",
    "presume",
    "imagine",
    "gossip",
];

/// Hedges a clause that opens the "that" clause of a verb of guessing (an adverb may stand
/// between: "it is heavily speculated that the minister will resign"): the sentence reports a
/// guess, not a fact.
fn speculated_content(toks: &[Tok], res: &mut [Clause]) {
    for c in res.iter_mut() {
        let Some(s) = c.subject.as_ref().filter(|s| s.start >= 2) else {
            continue;
        };
        if toks[s.start - 1].lower != "that" {
            continue;
        }
        let mut j = s.start - 2;
        while j > 0 && toks[j].is("RB") {
            j -= 1;
        }
        let g = &toks[j];
        let guess = g.is_verb() && GUESSING.contains(&g.lemma.as_str());
        let asserted = matches!(
            c.verb.modality,
            Modality::Asserted | Modality::Future | Modality::Conditional
        );
        if guess && asserted {
            c.verb.modality = Modality::Hedged;
        }
    }
    // "The plant is being reported as the source": a hearsay passive with "as" reports a
    // description, as "is said to be" does.
    for c in res.iter_mut() {
        let main = &toks[c.verb.main];
        let as_object = c
            .object
            .as_ref()
            .and_then(|o| o.prep)
            .is_some_and(|p| toks[p].lower == "as");
        let hearsay = c.verb.passive && HEARSAY_PASSIVES.contains(&main.lemma.as_str());
        if hearsay && as_object && c.verb.modality == Modality::Asserted {
            c.verb.modality = Modality::Hedged;
        }
    }
}

/// Nouns (lower case) whose "of" + gerund clause may happen, not did: "at risk of the plant
/// being closed", "the danger of prices falling".
const PROSPECT_NOUNS: &[&str] = &[
    "risk",
    "danger",
    "threat",
    "possibility",
    "prospect",
    "chance",
    "fear",
    "fears",
];

/// Hedges a clause whose subject opens the "that" clause of a noun of doubt, and makes a
/// gerund clause after "risk of" a possibility (module doc).
fn noun_content(toks: &[Tok], res: &mut [Clause]) {
    for c in res.iter_mut() {
        if c.verb.modality != Modality::Asserted {
            continue;
        }
        let Some(s) = c.subject.as_ref().filter(|s| s.start >= 2) else {
            continue;
        };
        let (link, noun) = (&toks[s.start - 1].lower, &toks[s.start - 2]);
        // "The union claims that ...", "Officials fear that ...": after a noun phrase the
        // word is a verb of saying or feeling, whose content is attributed, not doubted.
        let after_subject = s.start >= 3 && {
            let before = &toks[s.start - 3];
            before.is_noun() || matches!(before.tag, "PRP" | "NNP" | "NNPS")
        };
        let noun_word =
            matches!(noun.tag, "NN" | "NNS") && noun.mention.is_none() && !after_subject;
        let doubted = noun_word && DOUBT_NOUNS.contains(&noun.lower.as_str());
        if link == "that" && (doubted || extraposed_doubt(toks, s.start - 1)) {
            c.verb.modality = Modality::Hedged;
        } else if link == "of"
            && noun_word
            && PROSPECT_NOUNS.contains(&noun.lower.as_str())
            && toks[c.verb.start].is("VBG")
        {
            c.verb.modality = Modality::Possibility;
        }
    }
}

/// "Allegations were made that ...", "fears have grown that ...", "the claim was that ...": a
/// "that" at `that` after the verb group of a clause whose subject is a noun of doubt (at most
/// four words of verbs and adverbs between them): the content is the noun's, not asserted.
fn extraposed_doubt(toks: &[Tok], that: usize) -> bool {
    let mut j = that;
    while j > 0
        && that - j < 4
        && (toks[j - 1].is_verb() || toks[j - 1].is("MD") || toks[j - 1].is("RB"))
    {
        j -= 1;
    }
    if j == that || j == 0 || !toks[j..that].iter().any(Tok::is_verb) {
        return false;
    }
    let noun = &toks[j - 1];
    // "Reports say that ...", "the report concludes that ...": a report that says something
    // is its source (an attribution), not a doubt.
    let source = matches!(noun.lower.as_str(), "report" | "reports");
    matches!(noun.tag, "NN" | "NNS")
        && noun.mention.is_none()
        && !source
        && DOUBT_NOUNS.contains(&noun.lower.as_str())
}

/// Verbs (lemmas) of demanding whose content clause with a bare verb says what is demanded
/// ("demanded that the minister resign", "insists the fee be waived"), not what happened.
pub(super) const DEMANDING: &[&str] = &[
    "demand",
    "insist",
    "require",
    "recommend",
    "propose",
    "request",
    "urge",
    "ask",
    "move",
    "order",
    "direct",
    "decree",
    "command",
    "stipulate",
    "mandate",
    "rule",
    "suggest",
    "advise",
];

/// Whether clause `c` is a subjunctive after a verb of demanding: its verb group opens with a
/// bare form ("be", "resign") right after its subject, and "that" or the verb of demanding
/// stands right before the subject.
pub(super) fn demanded(toks: &[Tok], c: &Clause) -> bool {
    demanding_word(toks, c).is_some()
}

/// The word of demanding (a verb or a noun) whose subjunctive clause `c` is (see [`demanded`]).
fn demanding_word(toks: &[Tok], c: &Clause) -> Option<usize> {
    let s = c.subject.as_ref()?;
    let first = &toks[c.verb.start];
    let bare = first.is("VB") || first.lower == "be";
    if !bare || c.verb.start != s.end || s.start == 0 {
        return None;
    }
    let mut at = s.start - 1;
    if toks[at].lower == "that" && at > 0 {
        at -= 1;
    }
    let noun = matches!(
        toks[at].lower.as_str(),
        "demand"
            | "demands"
            | "request"
            | "requests"
            | "recommendation"
            | "recommendations"
            | "proposal"
            | "proposals"
            | "insistence"
            | "requirement"
    );
    let verb = toks[at].is_verb() && DEMANDING.contains(&toks[at].lemma.as_str());
    (noun || verb).then_some(at)
}

/// "demanded that the minister resign": the demanded clause is an obligation, and the
/// demand of the clause whose verb demands it ("the court ordered that the files be
/// released": the court's order, not the narrator's fact).
fn demanded_content(toks: &[Tok], res: &mut [Clause]) {
    for c in 0..res.len() {
        if res[c].verb.modality != Modality::Asserted {
            continue;
        }
        let Some(at) = demanding_word(toks, &res[c]) else {
            continue;
        };
        res[c].verb.modality = Modality::Obligation;
        let demander =
            (0..res.len()).find(|&d| d != c && res[d].verb.main == at && res[d].subject.is_some());
        let free = res[c].reported_by.is_none() && res[c].according_to.is_none();
        if let (Some(d), true) = (demander, free) {
            res[c].reported_by = Some(d);
        }
    }
}

/// "would have to shrink in order for there to be a recession": an obligation with "in order
/// for" after it, before its scope ends, is the condition of what follows.
/// "in order to/for" is never an argument: a clause that took "order" for one loses it.
fn purpose_conditions(toks: &[Tok], res: &mut [Clause]) {
    let in_order = |i: usize| {
        i > 0
            && toks[i - 1].lower == "in"
            && toks[i].lower == "order"
            && toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "to" | "for"))
    };
    for c in res.iter_mut() {
        if c.object.as_ref().is_some_and(|o| in_order(o.phrase.start)) {
            c.object = None;
        }
        c.extras.retain(|e| !in_order(e.phrase.start));
        if c.verb.modality != Modality::Obligation {
            continue;
        }
        let end = boundary_after(toks, c.verb.end);
        let purpose = (c.verb.end..end.saturating_sub(2)).any(|i| {
            toks[i].lower == "in" && toks[i + 1].lower == "order" && toks[i + 2].lower == "for"
        });
        if purpose {
            c.verb.modality = Modality::Conditional;
        }
    }
}

/// Tags of the words of a short object between a verb and its "that" clause.
fn object_word(t: &Tok) -> bool {
    matches!(
        t.tag,
        "DT" | "PRP" | "PRP$" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "CD" | "POS"
    )
}

/// The token ranges governed by the verb group ending at `from` (main verb `lemma`): its
/// content clause and those coordinated with it, a "first time that" clause, or an "as"
/// clause with a present verb.
fn governed_ranges(toks: &[Tok], from: usize, lemma: &str) -> Vec<(usize, usize)> {
    let end = boundary_after(toks, from);
    let mut out = Vec::new();
    let mut i = from;
    while i < end && toks[i].is("RB") {
        i += 1;
    }
    if OBJECT_BEFORE_THAT.contains(&lemma) {
        while i < end && i - from < 5 && object_word(&toks[i]) {
            i += 1;
        }
    }
    if toks.get(i).is_some_and(|t| t.lower == "that") && i < end {
        let mut at = i;
        loop {
            let b = boundary_after(toks, at + 1);
            out.push((at + 1, b));
            // ", that ...", ", and that ...": more content of the same verb.
            let next = |k: usize| toks.get(k).map(|t| t.lower.as_str());
            if next(b) != Some(",") {
                break;
            }
            at = match (next(b + 1), next(b + 2)) {
                (Some("that"), _) => b + 1,
                (Some("and" | "or"), Some("that")) => b + 2,
                _ => break,
            };
        }
        return out;
    }
    // No other verb before the trigger: the trigger belongs to this verb's clause.
    let Some(t) = (from..end)
        .find(|&k| toks[k].is_verb() || matches!(toks[k].lower.as_str(), "that" | "when" | "as"))
    else {
        return out;
    };
    let word = toks[t].lower.as_str();
    // "the first time (in a decade) that": "time" before the trigger, with no verb between.
    let first_time = matches!(word, "that" | "when") && (from..t).any(|k| toks[k].lower == "time");
    if first_time || (word == "as" && present_clause(toks, t)) {
        out.push((t + 1, boundary_after(toks, t + 1)));
    }
    out
}

/// "as the board completes its review": a subject, then a present (or modal) verb before the
/// scope ends ("as chairman", "as much as" are no clause).
fn present_clause(toks: &[Tok], at: usize) -> bool {
    let opens = toks
        .get(at + 1)
        .is_some_and(|t| matches!(t.tag, "DT" | "PRP" | "PRP$" | "NNP" | "NNPS" | "NNS"));
    let end = boundary_after(toks, at + 1);
    let first = (at + 1..end).find(|&i| matches!(toks[i].tag, "VBZ" | "VBP" | "MD" | "VBD"));
    opens && first.is_some_and(|i| toks[i].tag != "VBD")
}

#[cfg(test)]
mod tests {
    use super::super::read_words as read;
    use crate::claim::Modality;

    /// The modality of the clause whose main verb is `verb`.
    fn modality(sentence: &str, verb: &str) -> Option<Modality> {
        let (toks, found) = read(sentence);
        found
            .iter()
            .find(|c| toks[c.verb.main].lower == verb)
            .map(|c| c.verb.modality)
    }

    #[test]
    fn a_content_clause_of_an_unasserted_verb_is_not_asserted() {
        let s = "The inspectors had to prove that the owner sold the land , and that the sale was illegal .";
        assert_eq!(modality(s, "sold"), Some(Modality::Obligation));
        let s = "The board will announce that the company bought the mill .";
        assert_eq!(modality(s, "bought"), Some(Modality::Future));
        let s = "The lawyer must convince the jury that the driver stole the van .";
        assert_eq!(modality(s, "stole"), Some(Modality::Obligation));
        // A modality shared with a coordinated verb is not passed on.
        let s = "She will keep her seat and has said that the party lost the vote .";
        assert_eq!(modality(s, "lost"), Some(Modality::Asserted));
        // A factive governor: its content is true.
        let s = "Voters must remember that the council raised the rates .";
        assert_eq!(modality(s, "raised"), Some(Modality::Asserted));
        // Asserted governor: the content stays as it was.
        let s = "The inspectors proved that the owner sold the land .";
        assert_eq!(modality(s, "sold"), Some(Modality::Asserted));
        // A relative clause after an object is no content clause.
        let s = "The city will buy the bus company that runs the night service .";
        assert_eq!(modality(s, "runs"), Some(Modality::Asserted));
    }

    #[test]
    fn first_time_and_as_clauses_follow_their_governor() {
        let s = "This probably marks the first time that the rivals shared a stage .";
        assert_eq!(modality(s, "shared"), Some(Modality::Hedged));
        let s = "This probably marks the first time in a decade that the rivals shared a stage .";
        assert_eq!(modality(s, "shared"), Some(Modality::Hedged));
        let s = "The minister will resign as the committee completes its review .";
        assert_eq!(modality(s, "completes"), Some(Modality::Future));
        let s = "The minister resigned as the committee completed its review .";
        assert_eq!(modality(s, "completed"), Some(Modality::Asserted));
    }

    #[test]
    fn a_demanded_clause_is_an_obligation() {
        let s = "The union demanded that the manager be dismissed before the vote .";
        assert_eq!(modality(s, "dismissed"), Some(Modality::Obligation));
        let s = "The opposition insists the budget be debated in public .";
        assert_eq!(modality(s, "debated"), Some(Modality::Obligation));
        // A finite verb after "insists" is reported, not demanded.
        let s = "The opposition insists the budget was debated in public .";
        assert_eq!(modality(s, "debated"), Some(Modality::Asserted));
    }

    #[test]
    fn an_order_is_its_giver_s_and_an_obligation() {
        for s in [
            "The court ordered that the files be released to the public .",
            "The governor has decreed that all mines be handed over to the state .",
        ] {
            let (toks, found) = read(s);
            let content = found
                .iter()
                .find(|c| matches!(toks[c.verb.main].lower.as_str(), "released" | "handed"))
                .unwrap();
            assert_eq!(content.verb.modality, Modality::Obligation, "{s}");
            let by = content
                .reported_by
                .map(|r| toks[found[r].verb.main].lemma.clone());
            assert!(
                matches!(by.as_deref(), Some("order" | "decree")),
                "{s}: {by:?}"
            );
        }
        // What an order found to have happened is no order.
        let s = "The court ruled that the files were released too early .";
        assert_eq!(modality(s, "released"), Some(Modality::Asserted));
    }

    #[test]
    fn an_obligation_with_a_purpose_is_a_condition() {
        let s = "Exports would have to fall again in order for the deficit to widen .";
        assert_eq!(modality(s, "fall"), Some(Modality::Conditional));
        let s = "Exports would have to fall again .";
        assert_eq!(modality(s, "fall"), Some(Modality::Obligation));
    }

    #[test]
    fn the_content_of_a_verb_of_guessing_is_hedged() {
        let s = "It is widely speculated that the coach will leave the club .";
        assert_eq!(modality(s, "leave"), Some(Modality::Hedged));
        let s = "Traders surmise that the bank raised its rates .";
        assert_eq!(modality(s, "raised"), Some(Modality::Hedged));
        // Not a verb of guessing: the content keeps its own modality.
        let s = "The inspectors found that the bank raised its rates .";
        assert_eq!(modality(s, "raised"), Some(Modality::Asserted));
        let s = "The factory is being reported as the source of the leak .";
        assert_eq!(modality(s, "reported"), Some(Modality::Hedged));
    }

    #[test]
    fn the_content_of_a_noun_of_doubt_is_hedged() {
        let s = "The police dropped the theory that the driver fled the scene .";
        assert_eq!(modality(s, "fled"), Some(Modality::Hedged));
        let s = "There are fears that the river will flood the town .";
        assert_ne!(modality(s, "flood"), Some(Modality::Asserted));
        let s = "Farmers are at risk of the banks seizing their land .";
        assert_ne!(modality(s, "seizing"), Some(Modality::Asserted));
        // A fact is no doubt, and a relative clause after such a noun is no content.
        let s = "The judge noted the fact that the driver fled the scene .";
        assert_eq!(modality(s, "fled"), Some(Modality::Asserted));
        let s = "The team tested a theory that explains the data .";
        assert_eq!(modality(s, "explains"), Some(Modality::Asserted));
        // A verb of saying is no noun of doubt: its content is attributed.
        let s = "The union claims that the firm cut the wages .";
        assert_eq!(modality(s, "cut"), Some(Modality::Asserted));
        // Reports nobody owns are hearsay; reports that say something are a source.
        let s = "The bank would not comment on reports that the insurer sold its stake .";
        assert_eq!(modality(s, "sold"), Some(Modality::Hedged));
        let s = "Reports say that the insurer sold its stake .";
        assert_eq!(modality(s, "sold"), Some(Modality::Asserted));
    }

    #[test]
    fn a_noun_of_doubt_before_its_verb_hedges_the_that_clause() {
        let s = "Allegations were made that the coach had bribed two referees .";
        assert_eq!(modality(s, "bribed"), Some(Modality::Hedged));
        // A noun of fact keeps its content asserted.
        let s = "Records were released that showed the payments .";
        assert_eq!(modality(s, "showed"), Some(Modality::Asserted));
    }
}
