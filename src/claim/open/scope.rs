//! Clauses the sentence does not assert: the grammar finds them, this pass drops them.
//!
//! A clause is dropped when its verb stands in the scope of
//! - an embedded question or alternative ("asked whether ...", "wondered if ...",
//!   "whether they stay or go", "asked how ...", "nobody knows how many ..."), or a direct question (its verb before a "?" in the same
//!   quotation or sentence);
//! - "nor"/"neither" ("Nor will visitors be allowed ...");
//! - "until", "when", "once" or "as soon as" with a present verb ("will not close the road until
//!   the bridge is finished", "will reopen when the repairs are complete": what is still to
//!   happen, or happens whenever, is not asserted);
//! - a denied or rejected noun complement ("rejected a suggestion that ...", "denied reports
//!   that ...", "the minister's denial that ...");
//! - the infinitive of a right, power, plan or chance under a negated verb ("does not have the
//!   right to veto the budget": the budget is not vetoed);
//! - the content right after a verb of doubt or denial, a negated verb, or a verb of opinion
//!   of unnamed people, "that" or not, where no reporting verb took it as its own ("some doubt
//!   the levy will help", "did not prove the votes changed the outcome", "many fear the strike
//!   will spread");
//! - an accusation's act, or the content of a fear, hope or unproven sign (`alleged.rs`:
//!   "was charged with assaulting police", "despite fears that the airport would close", "gave
//!   no indication that ...");
//! - a past attempt ("tried to negotiate", "had sought to buy": done or not, the sentence
//!   does not say);
//! - a verb group that holds the speaker's verb ("which engineers say will hold", "what the
//!   club believed was a fair offer", "said cutting the fees would help"): read as one clause
//!   it makes the speaker the subject of what was said;
//!
//! and when an affirmative "ever" stands before its verb ("the first time that a city has ever
//! ..."): such a clause describes what might happen, not what did. A "cannot" negates its verb,
//! and the bare infinitive whose subject is a negated verb's object ("cannot let the team
//! be ...") goes. A reporting verb that took the reported clause's subject as its object ("ruled
//! the strike is not legal") loses that object and reports the clause.
//!
//! Conditions are marked here too (`mark_consequences`): besides the clause under "if" or
//! "unless", every clause inside the condition and the consequence it governs ("will fine the
//! company if ...", "If the court agrees, the mayor will resign") are conditional.
//!
//! A scope runs from its trigger word to the next comma, semicolon, colon, dash, bracket or
//! quotation mark (or the sentence's end); a "whether" scope goes on over ", or" and a verb
//! ("whether the bomb was on the bus, or placed near it"). A clause reported by a dropped clause goes too.
//! Emitting less is the point: an analyst forgives a missing claim, not a false one.

use super::{is_quote, Clause, Tok};
use crate::claim::Modality;
use crate::lexicon::is_reporting;

/// Verbs and adjectives whose "if" clause is an embedded question ("asked if", "unclear if").
const QUESTION_GOVERNORS: &[&str] = &[
    "ask",
    "wonder",
    "inquire",
    "enquire",
    "question",
    "know",
    "see",
    "check",
    "decide",
    "determine",
    "unclear",
    "unsure",
    "sure",
    "certain",
    "clear",
    "doubt",
    "investigate",
    "consider",
    "debate",
    "examine",
    "query",
];

/// Nouns whose "that" clause is the content of a claim ("a suggestion that ...").
const CONTENT_NOUNS: &[&str] = &[
    "suggestion",
    "claim",
    "report",
    "allegation",
    "rumour",
    "rumor",
    "idea",
    "notion",
    "speculation",
    "assertion",
    "accusation",
    "charge",
    "suggestions",
    "claims",
    "reports",
    "allegations",
    "rumours",
    "rumors",
    "accusations",
    "charges",
    "assertions",
    "theory",
];

/// Verbs that reject the content of such a noun.
const REJECTING: &[&str] = &[
    "reject", "deny", "dismiss", "refute", "rebut", "dispute", "contest", "disprove", "deride",
    "ridicule", "scoff", "brush",
];

/// Verbs that take a "that" clause with "that" often left out, besides the reporting verbs.
pub(super) const THAT_VERBS: &[&str] = &[
    "rule",
    "find",
    "decide",
    "conclude",
    "determine",
    "believe",
    "think",
    "argue",
    "insist",
    "judge",
    "agree",
];

/// Nouns whose infinitive is what their holder may or means to do ("the right to veto"): under
/// a negated verb, it is not done.
const ABILITY_NOUNS: &[&str] = &[
    "right",
    "power",
    "authority",
    "permission",
    "intention",
    "plan",
    "ability",
    "mandate",
    "licence",
    "license",
    "obligation",
    "duty",
    "need",
    "reason",
    "means",
    "capacity",
    "money",
    "desire",
    "wish",
    "chance",
    "opportunity",
    "time",
    "resource",
    "fund",
    "jurisdiction",
];

/// Drops the clauses of `res` (read from `toks`) that the sentence does not assert, keeping
/// `reported_by` pointing at the same clauses.
pub(super) fn drop_unasserted(toks: &[Tok], mut res: Vec<Clause>) -> Vec<Clause> {
    reported_subjects(toks, &mut res);
    coordinated_reports(toks, &mut res);
    let scopes = scopes(toks, &res);
    let in_scope = |at: usize| scopes.iter().any(|&(a, b)| a <= at && at < b);
    let mut keep: Vec<bool> = res
        .iter()
        .map(|c| {
            !in_scope(c.verb.main)
                && !ever_before(toks, c)
                && !doubted_content(toks, &res, c)
                && !past_attempt(toks, c)
                && !let_under_negation(toks, &res, c)
                && !instrument_passive(toks, c)
                && !speaker_inside(toks, c)
        })
        .collect();
    // A clause reported by a dropped one goes with it.
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..res.len() {
            if keep[i]
                && res[i]
                    .reported_by
                    .is_some_and(|r| !keep.get(r).copied().unwrap_or(true))
            {
                keep[i] = false;
                changed = true;
            }
        }
    }
    let mut new_index = vec![None; res.len()];
    let mut next = 0usize;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    res.into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(mut c, _)| {
            c.reported_by = c
                .reported_by
                .and_then(|r| new_index.get(r).copied().flatten());
            c
        })
        .collect()
}

/// "ruled the strike is not legal": a reporting verb took the reported clause's subject as
/// its object. The object goes (the claim of the reporting verb alone says nothing) and the
/// clause becomes what it reports.
fn reported_subjects(toks: &[Tok], res: &mut [Clause]) {
    for p in 0..res.len() {
        let Some(obj) = res[p].object.as_ref().filter(|o| o.prep.is_none()) else {
            continue;
        };
        let lemma = toks[res[p].verb.main].lemma.as_str();
        if !is_reporting(lemma) && !THAT_VERBS.contains(&lemma) {
            continue;
        }
        let (start, end) = (obj.phrase.start, obj.phrase.end);
        let reported = (0..res.len()).find(|&c| {
            c != p
                && res[c].reported_by.is_none()
                && (end..res[c].verb.start).all(|j| super::adverb_before_verb(toks, j))
                && res[c]
                    .subject
                    .as_ref()
                    .is_some_and(|s| start <= s.start && s.start < end && s.end == end)
                && (matches!(toks[res[c].verb.start].tag, "VBZ" | "VBD" | "VBP" | "MD")
                    || super::governed::demanded(toks, &res[c]))
        });
        if let Some(c) = reported {
            res[p].object = None;
            res[p].complement = Some((start, boundary_after(toks, end)));
            res[c].reported_by = Some(p);
        }
    }
}

/// "said the agency held prisoners and was disclosing files": a verb coordinated after a
/// reported clause, with the same subject and no stop, semicolon, colon or quotation mark
/// between, is reported by the same speaker.
fn coordinated_reports(toks: &[Tok], res: &mut [Clause]) {
    let span = |c: &Clause| c.subject.as_ref().map(|s| (s.start, s.end));
    for c in 0..res.len() {
        let Some(subject) = span(&res[c]).filter(|_| res[c].reported_by.is_none()) else {
            continue;
        };
        let at = res[c].verb.start;
        let host = (0..res.len()).filter(|&h| h != c).find(|&h| {
            let between = res[h].verb.end..at;
            res[h].reported_by.is_some_and(|r| r != c)
                && span(&res[h]) == Some(subject)
                && res[h].verb.end <= at
                && between
                    .clone()
                    .any(|k| matches!(toks[k].lower.as_str(), "and" | "but" | "or"))
                && !between.clone().any(|k| {
                    matches!(toks[k].text.as_str(), "." | ";" | ":") || is_quote(&toks[k].text)
                })
        });
        if let Some(h) = host {
            res[c].reported_by = res[h].reported_by;
        }
    }
}

/// Verbs that put their speaker or believer inside a relative clause, between the relative
/// word and its verb ("the dam, which engineers say will hold", "what the club believed was a
/// fair offer").
const INSERTED_SPEAKER_VERBS: &[&str] = &[
    "say", "claim", "allege", "believe", "think", "argue", "insist", "estimate", "suspect", "fear",
    "contend", "maintain", "assert", "hope", "feel",
];

/// "which engineers say will hold", "the offer that he said was fair": a verb group opened by
/// a finite verb of saying or believing and continued by another finite verb or a modal has
/// the speaker as its subject and the relative word as the subject of what is said. Read as
/// one clause it makes the speaker do what was said ("engineers | hold"); it is no claim.
/// "said cutting the fees would help" (a gerund subject read as the object) goes too.
fn speaker_inside(toks: &[Tok], c: &Clause) -> bool {
    let first = &toks[c.verb.start];
    let finite = matches!(first.tag, "VBZ" | "VBD" | "VBP");
    if !finite || c.verb.main == c.verb.start {
        return false;
    }
    if !INSERTED_SPEAKER_VERBS.contains(&first.lemma.as_str()) {
        return false;
    }
    let Some(next) = toks.get(c.verb.start + 1) else {
        return false;
    };
    let gerund_subject = next.is("VBG")
        && c.verb.main == c.verb.start + 1
        && matches!(first.lemma.as_str(), "say" | "argue" | "believe" | "think");
    matches!(next.tag, "MD" | "VBZ" | "VBD" | "VBP") || gerund_subject
}

/// "Fifty votes were needed to pass the bill", "the money was used to buy arms": the subject
/// of a passive "needed"/"used" with an infinitive is what the infinitive needs or uses, not
/// its agent; the infinitive's clause is no claim.
fn instrument_passive(toks: &[Tok], c: &Clause) -> bool {
    (c.verb.start + 1..c.verb.main).any(|i| {
        toks[i].is("VBN")
            && matches!(toks[i].lemma.as_str(), "need" | "use" | "employ")
            && toks[i + 1].lower == "to"
            && toks[c.verb.start..i].iter().any(|t| t.lemma == "be")
    })
}

/// "cannot let the team be ...": the bare infinitive whose subject is a negated verb's
/// object.
fn let_under_negation(toks: &[Tok], res: &[Clause], c: &Clause) -> bool {
    let Some(subject) = c.subject.as_ref() else {
        return false;
    };
    let first = &toks[c.verb.start];
    (first.is("VB") || first.lower == first.lemma)
        && c.verb.start == subject.end
        && res.iter().any(|p| {
            p.verb.negated
                && p.object
                    .as_ref()
                    .is_some_and(|o| o.prep.is_none() && o.phrase.start == subject.start)
        })
}

/// The token ranges no clause in which is asserted.
fn scopes(toks: &[Tok], res: &[Clause]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let opens = match t.lower.as_str() {
            "whether" | "nor" | "neither" => true,
            "until" => present_clause_follows(toks, k),
            // "when" after a noun is relative ("the weekend when ..."), "once again" an adverb.
            "when" => !(k > 0 && toks[k - 1].is_noun()) && first_verb_present(toks, k),
            "once" => {
                toks.get(k + 1)
                    .is_some_and(|n| matches!(n.tag, "DT" | "PRP" | "PRP$" | "NNP" | "NNPS"))
                    && first_verb_present(toks, k)
            }
            "as" => {
                k >= 2
                    && toks[k - 1].lower == "soon"
                    && toks[k - 2].lower == "as"
                    && first_verb_present(toks, k)
            }
            "if" => question_if(toks, k),
            w if WH_WORDS.contains(&w) => question_wh(toks, k),
            // "denied reports that ...", "his denial that ...": denied, not asserted.
            "that" => {
                k > 0
                    && (rejected_content(toks, k - 1)
                        || matches!(toks[k - 1].lower.as_str(), "denial" | "denials"))
            }
            "?" => {
                out.push((question_start(toks, k), k));
                false
            }
            _ => false,
        };
        if opens {
            let mut end = boundary_after(toks, k + 1);
            // "whether the bomb was on the bus , or placed near it": the alternative after
            // the comma is the same question.
            if t.lower == "whether" && alternative_after(toks, end) {
                end = boundary_after(toks, end + 2);
            }
            out.push((k + 1, end));
        }
    }
    // The infinitive of a negated verb ("does not have the right to veto ...").
    for c in res.iter().filter(|c| c.verb.negated) {
        let from = c.verb.end;
        let to = boundary_after(toks, from);
        let complement = |i: usize| {
            i > 0
                && toks[i].lower == "to"
                && next_is_verb(toks, i)
                && ABILITY_NOUNS.contains(&toks[i - 1].lemma.as_str())
        };
        if let Some(inf) = (from..to).find(|&i| complement(i)) {
            out.push((inf + 1, to));
        }
    }
    // What is charged, suspected, feared or hoped ("charged with assaulting police").
    out.extend(super::alleged::alleged_scopes(toks));
    out
}

/// "until the bridge is finished": a present (or modal) verb follows before the scope ends;
/// "until the war ended" states a fact.
fn present_clause_follows(toks: &[Tok], k: usize) -> bool {
    (k + 1..boundary_after(toks, k + 1)).any(|i| matches!(toks[i].tag, "VBZ" | "VBP" | "MD"))
}

/// "when the repairs are complete": the first finite verb after `k`, before the scope ends, is
/// present or modal ("when the storm hit" states a fact).
fn first_verb_present(toks: &[Tok], k: usize) -> bool {
    (k + 1..boundary_after(toks, k + 1))
        .find(|&i| matches!(toks[i].tag, "VBZ" | "VBP" | "MD" | "VBD"))
        .is_some_and(|i| toks[i].tag != "VBD")
}

/// Whether the comma at `comma` is followed by "or" and a verb: the second half of an
/// alternative ("..., or placed near it").
fn alternative_after(toks: &[Tok], comma: usize) -> bool {
    toks.get(comma).is_some_and(|t| t.text == ",")
        && toks.get(comma + 1).is_some_and(|t| t.lower == "or")
        && toks
            .get(comma + 2)
            .is_some_and(|t| t.is_verb() || t.is("MD"))
}

fn next_is_verb(toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| t.is("VB"))
}

/// "asked if", "asked him if", "unclear if": an embedded question, not a condition.
fn question_if(toks: &[Tok], k: usize) -> bool {
    let governs = |i: usize| {
        toks.get(i)
            .is_some_and(|t| QUESTION_GOVERNORS.contains(&t.lemma.as_str()))
    };
    k >= 1
        && (governs(k - 1)
            || (k >= 2 && toks[k - 1].is("PRP") && governs(k - 2))
            || (k >= 2 && toks[k - 1].is("RB") && governs(k - 2)))
}

/// Words that open an embedded wh-question after a question governor ("asked how ...").
const WH_WORDS: &[&str] = &[
    "how", "what", "why", "who", "whom", "which", "where", "when",
];

/// "asked how the rule will work", "asked the minister why", "nobody knows how many died":
/// a wh-word right after a question governor (a verb or adjective: the noun "question" is
/// none) opens an embedded question; "how", "what" and "why" also after a short object of it.
/// "questioned the man who fled" keeps its relative clause.
fn question_wh(toks: &[Tok], k: usize) -> bool {
    let object_word = |t: &Tok| {
        matches!(
            t.tag,
            "DT" | "PRP" | "PRP$" | "NN" | "NNS" | "NNP" | "NNPS" | "JJ"
        )
    };
    let governs =
        |t: &Tok| (t.is_verb() || t.is_adj()) && QUESTION_GOVERNORS.contains(&t.lemma.as_str());
    if k > 0 && governs(&toks[k - 1]) {
        return true;
    }
    matches!(toks[k].lower.as_str(), "how" | "what" | "why")
        && (k.saturating_sub(4)..k)
            .rev()
            .any(|g| governs(&toks[g]) && toks[g + 1..k].iter().all(object_word))
}

/// Verbs whose content includes a condition on it ("warned of war if talks fail", "promised
/// to resign if ..."): the warning itself was made.
const CONTENT_OF_CONDITION: &[&str] = &[
    "warn", "threaten", "promise", "vow", "pledge", "predict", "fear", "offer", "ask", "urge",
];

/// Marks as conditional the clauses a condition governs besides the condition itself: the
/// consequence before a trailing "if"/"unless" ("will fine the company if the spill was
/// deliberate") and the one after a leading condition ("If the court agrees, the mayor will
/// resign"), and every clause inside the condition. "even if" and "as if" set no condition, and
/// an embedded question ("asked if") is dropped elsewhere. An auxiliary before its subject opens
/// a condition too ("Should the talks fail, ...": `inverted_condition`).
pub(super) fn mark_consequences(toks: &[Tok], res: &mut [Clause]) {
    for k in 0..toks.len() {
        if !matches!(toks[k].lower.as_str(), "if" | "unless") || question_if(toks, k) {
            continue;
        }
        let before = k.checked_sub(1).map(|b| toks[b].lower.as_str());
        if matches!(before, Some("even" | "as")) {
            continue;
        }
        mark_condition(toks, res, k, false);
    }
    for k in 0..toks.len() {
        if inverted_condition(toks, k) {
            mark_condition(toks, res, k, true);
        }
    }
}

/// Marks the clauses inside the condition opened at `k` and the consequence it governs
/// (`mark_consequences`). An inverted condition after its consequence ("outlined his plans
/// should he win") conditions only a consequence that is itself to come ("will resign should
/// the vote fail"): what was done is asserted.
fn mark_condition(toks: &[Tok], res: &mut [Clause], k: usize, inverted: bool) {
    let before = k.checked_sub(1).map(|b| toks[b].lower.as_str());
    // Every clause inside the condition ("if it is found that the spill was deliberate").
    let cond_end = boundary_after(toks, k + 1);
    for c in res.iter_mut() {
        if k < c.verb.main && c.verb.main < cond_end {
            c.conditional = true;
        }
    }
    // An inverted condition leads only from the sentence's start ("Should the talks fail,
    // ..."); after a dash or comma it conditions the clause before it.
    let leading = if inverted {
        before.is_none_or(is_quote) && toks.get(cond_end).is_some_and(|t| t.text == ",")
    } else {
        before.is_none_or(|_| ends_scope(&toks[k - 1]))
    };
    // The clause just before: no scope boundary and no other verb between its verb group and
    // the "if", a comma right before the "if" aside.
    let last = if before == Some(",") { k - 1 } else { k };
    let start = (0..last)
        .rev()
        .find(|&i| ends_scope(&toks[i]))
        .map_or(0, |i| i + 1);
    let consequence = |range: (usize, usize), leading: bool| {
        let found = res
            .iter()
            .enumerate()
            .filter(|(_, c)| range.0 <= c.verb.main && c.verb.main < range.1)
            .map(|(i, c)| (c.verb.main, i));
        if leading {
            found.min()
        } else {
            found.max()
        }
    };
    let mut pick = if leading {
        consequence((cond_end, boundary_after(toks, cond_end + 1)), true)
    } else {
        consequence((start, last), false)
    };
    // "The tariffs take effect in May, unless ...": a condition after a comma with no clause
    // after it conditions the clause before it.
    let mut leading = leading;
    if leading && pick.is_none() && !inverted && before == Some(",") && trails(toks, res, k) {
        pick = consequence((start, last), false);
        leading = false;
    }
    let Some((_, i)) = pick else { return };
    let c = &res[i];
    let lemma = toks[c.verb.main].lemma.as_str();
    let verb_between = !leading
        && toks
            .get(c.verb.end..k)
            .is_some_and(|between| between.iter().any(Tok::is_verb));
    let done = inverted && !leading && c.verb.modality != Modality::Future;
    if !verb_between && !done && !is_reporting(lemma) && !CONTENT_OF_CONDITION.contains(&lemma) {
        res[i].conditional = true;
    }
}

/// Whether the condition at `k`, after a comma with no clause after it, conditions the clause
/// before it: it holds a verb ("if any" does not), is no aside ("if you will") and no question
/// ("asked the minister, on Friday, if ...").
fn trails(toks: &[Tok], res: &[Clause], k: usize) -> bool {
    let cond_end = boundary_after(toks, k + 1);
    let has_verb = res
        .iter()
        .any(|c| k < c.verb.main && c.verb.main < cond_end);
    let aside = toks.get(k + 1).is_some_and(|t| t.lower == "you")
        && toks
            .get(k + 2)
            .is_some_and(|t| matches!(t.lower.as_str(), "will" | "like"));
    let asked = toks[..k]
        .iter()
        .any(|t| t.is_verb() && matches!(t.lemma.as_str(), "ask" | "wonder" | "inquire"));
    has_verb && !aside && !asked
}

/// "Should the talks fail, ...", "had the firm known ...", "were the plan to go ahead ...": an
/// auxiliary that opens the sentence or a scope right before a noun phrase (a determiner, a
/// name, a pronoun) opens a condition, as does one before a personal pronoun and the verb in
/// the form the auxiliary asks for (a bare verb after "should", a past participle after "had",
/// "to" after "were") anywhere else ("his plans should he win"). A sentence that asks
/// something has no such condition.
fn inverted_condition(toks: &[Tok], k: usize) -> bool {
    let aux = toks[k].lower.as_str();
    if !matches!(aux, "should" | "had" | "were") || toks.iter().any(|t| t.text == "?") {
        return false;
    }
    let Some(next) = toks.get(k + 1) else {
        return false;
    };
    let opens = k == 0 || ends_scope(&toks[k - 1]);
    if opens {
        // ", had his throat cut": after a comma "had" + a possessive is causative.
        let causative = aux == "had" && k > 0 && next.tag == "PRP$";
        return matches!(next.tag, "DT" | "PRP" | "PRP$" | "NNP" | "NNPS")
            && next.lower != "that"
            && !causative;
    }
    let pronoun = matches!(next.lower.as_str(), "he" | "she" | "they" | "we" | "i");
    let verb = toks.get(k + 2).is_some_and(|v| match aux {
        "should" => v.is("VB"),
        "had" => v.is("VBN"),
        _ => v.lower == "to",
    });
    pronoun && verb && !matches!(toks[k - 1].tag, "WP" | "WRB" | "WDT")
}

/// "rejected a suggestion (that)": `noun` is a content noun with a rejecting verb shortly
/// before it.
fn rejected_content(toks: &[Tok], noun: usize) -> bool {
    CONTENT_NOUNS.contains(&toks[noun].lower.as_str())
        && (noun.saturating_sub(4)..noun).any(|i| REJECTING.contains(&toks[i].lemma.as_str()))
}

/// The first token after `from` that ends a scope (or the sentence's end).
pub(super) fn boundary_after(toks: &[Tok], from: usize) -> usize {
    (from..toks.len())
        .find(|&i| ends_scope(&toks[i]))
        .unwrap_or(toks.len())
}

fn ends_scope(t: &Tok) -> bool {
    matches!(
        t.text.as_str(),
        "," | ";" | ":" | "--" | "(" | ")" | "\u{2014}" | "\u{2013}"
    ) || is_quote(&t.text)
}

/// Where the question ending at `mark` starts: after the last quotation mark, sentence break,
/// colon or semicolon before it.
fn question_start(toks: &[Tok], mark: usize) -> usize {
    (0..mark)
        .rev()
        .find(|&i| {
            is_quote(&toks[i].text) || matches!(toks[i].text.as_str(), "." | "!" | "?" | ":" | ";")
        })
        .map_or(0, |i| i + 1)
}

/// Verbs (lemmas) that doubt or deny the clause after them, with or without "that" ("some
/// doubt the levy will help", "questioned whether"): their content is not asserted.
const DOUBTING: &[&str] = &["doubt", "question", "dispute", "deny"];

/// Words that stand for unnamed people before a verb of opinion ("some doubt", "many fear",
/// "others believe"); the tagger often reads the verb after them as a noun.
const UNNAMED_HOLDERS: &[&str] = &[
    "some", "many", "others", "few", "most", "several", "critics", "skeptics", "sceptics",
];

/// Verbs of opinion whose content is no fact, which after an unnamed holder may be tagged as
/// nouns ("some fear the strike will spread").
const OPINION_VERBS: &[&str] = &[
    "doubt",
    "fear",
    "believe",
    "think",
    "suspect",
    "worry",
    "hope",
    "expect",
    "argue",
    "claim",
    "say",
    "question",
    "feel",
    "speculate",
    "predict",
    "suggest",
    "contend",
    "insist",
];

/// The content clause `c` opens right after its governor's words: the token before its
/// subject, a "that" and adverbs skipped. `None` for a clause with no subject or whose verb
/// does not follow its subject (a relative clause: "arrested the man who fled").
fn governor_before(toks: &[Tok], c: &Clause) -> Option<usize> {
    let s = c.subject.as_ref()?;
    let adjacent = s.end <= c.verb.start
        && toks[s.end..c.verb.start]
            .iter()
            .all(|t| t.is("RB") && !is_negation(t));
    if !adjacent {
        return None;
    }
    let mut j = s.start.checked_sub(1)?;
    if toks[j].lower == "that" {
        j = j.checked_sub(1)?;
    }
    while j > 0 && toks[j].is("RB") && !is_negation(&toks[j]) {
        j -= 1;
    }
    Some(j)
}

fn is_negation(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "not" | "n't" | "never")
}

/// A clause that is the content of a doubt, a denial, an opinion of unnamed people or a
/// negated verb, where no reporting verb took it as its own (those are negated or hedged with
/// their speaker when the claim is made): "some doubt the levy will help", "did not prove the
/// votes changed the outcome", "never said the plant would close". The sentence asserts none
/// of them, and with no named holder the claim would read as plain fact.
fn doubted_content(toks: &[Tok], res: &[Clause], c: &Clause) -> bool {
    let Some(j) = governor_before(toks, c) else {
        return false;
    };
    let s_start = c.subject.as_ref().map_or(0, |s| s.start);
    let g = &toks[j];
    // A verb the grammar read as a reporting verb of this clause is handled by its reader,
    // which gives its speaker and stance; negated, only a verb whose negation moves into what
    // it reports ("did not believe they were at large": believed they were not).
    // "never claimed": a negation just before the verb group negates it too.
    let negated =
        |p: &Clause| p.verb.negated || (p.verb.start > 0 && is_negation(&toks[p.verb.start - 1]));
    let reported = c.reported_by.is_some_and(|r| {
        res.get(r).is_some_and(|p| {
            let raises = NEGATION_RAISING.contains(&toks[p.verb.main].lemma.as_str());
            p.verb.main == j && (!negated(p) || raises) && p.subject.is_some()
        })
    });
    if reported {
        return false;
    }
    // Only as a verb: "on some questions the candidates differed".
    let doubting = DOUBTING.contains(&g.lemma.as_str()) && g.is_verb();
    let unnamed = j > 0
        && UNNAMED_HOLDERS.contains(&toks[j - 1].lower.as_str())
        && OPINION_VERBS.contains(&g.lemma.as_str());
    // A negated verb whose object or content opens the clause ("didn't prove those votes
    // changed ...": the grammar may have taken "those votes" as the verb's object).
    let under_negation = res.iter().any(|p| {
        negated(p)
            && !std::ptr::eq(p, c)
            && p.verb.main < s_start
            && (p.verb.end == j + 1
                || p.object
                    .as_ref()
                    .is_some_and(|o| o.prep.is_none() && o.phrase.start == s_start))
    });
    doubting || unnamed || under_negation
}

/// Verbs whose negation is read in what they report ("I don't think it will rain").
const NEGATION_RAISING: &[&str] = &["think", "believe", "expect", "suppose", "feel", "imagine"];

/// Verbs of attempt, whose infinitive in a past form ("tried to negotiate", "had sought to
/// buy") is what was attempted, done or not: no claim either way.
const ATTEMPT_VERBS: &[&str] = &["try", "attempt", "seek", "strive", "endeavour", "endeavor"];

/// Whether `c`'s verb group holds a past form of a verb of attempt before its main verb.
fn past_attempt(toks: &[Tok], c: &Clause) -> bool {
    (c.verb.start..c.verb.main).any(|i| {
        matches!(toks[i].tag, "VBD" | "VBN")
            && ATTEMPT_VERBS.contains(&toks[i].lemma.as_str())
            && toks.get(i + 1).is_some_and(|t| t.lower == "to")
    })
}

/// An affirmative "ever" before or inside the verb group ("has ever occurred").
fn ever_before(toks: &[Tok], c: &Clause) -> bool {
    let from = c.verb.start.saturating_sub(1);
    !c.verb.negated && (from..=c.verb.main).any(|i| toks.get(i).is_some_and(|t| t.lower == "ever"))
}

#[cfg(test)]
mod tests {
    use super::super::kept_verbs as verbs;
    use super::super::read_words as read;

    #[test]
    fn doubted_denied_or_unproven_content_is_no_claim() {
        let has = |s: &str, v: &str| verbs(s).contains(&v.to_string());
        let s = "Because of this , some doubt the new levy will cut the deficit .";
        assert!(!has(s, "cut"), "{:?}", verbs(s));
        let s = "Some fear the strike will spread to the ports .";
        assert!(!has(s, "spread"), "{:?}", verbs(s));
        let s = "The auditors did not prove the payments changed the result of the tender .";
        assert!(!has(s, "changed"), "{:?}", verbs(s));
        let s = "Nobody has shown that the drug causes harm , and the firm never claimed the pills cured colds .";
        assert!(!has(s, "cured"), "{:?}", verbs(s));
        // An asserted verb's content, and a relative clause after a negated verb's object,
        // stay.
        let s = "The auditors proved the payments changed the result of the tender .";
        assert!(has(s, "changed"), "{:?}", verbs(s));
        let s = "The police did not arrest the man who stole the van .";
        assert!(has(s, "stole"), "{:?}", verbs(s));
    }

    #[test]
    fn a_past_attempt_is_no_claim_of_what_was_attempted() {
        let has = |s: &str, v: &str| verbs(s).contains(&v.to_string());
        let s = "The mayor tried to negotiate a truce with the gangs last year .";
        assert!(!has(s, "negotiate"), "{:?}", verbs(s));
        let s = "The rebels had attempted to capture the capital in May .";
        assert!(!has(s, "capture"), "{:?}", verbs(s));
        // A plan is still read (as a plan).
        let s = "The mayor plans to negotiate a truce with the gangs .";
        assert!(has(s, "negotiate"), "{:?}", verbs(s));
    }

    #[test]
    fn the_content_of_a_denial_is_no_claim() {
        let got =
            verbs("The report contradicts the mayor's denial that the council sold the land .");
        assert!(!got.contains(&"sold".to_string()), "{got:?}");
        assert!(got.contains(&"contradicts".to_string()), "{got:?}");
    }

    #[test]
    fn a_speaker_inside_a_relative_clause_is_no_subject() {
        let has = |s: &str, v: &str| verbs(s).contains(&v.to_string());
        let s = "The council built a dam , which engineers say will hold for a century .";
        assert!(!has(s, "hold"), "{:?}", verbs(s));
        assert!(has(s, "built"), "{:?}", verbs(s));
        let s = "The club rejected what the agent believed was a fair offer .";
        assert!(!has(s, "was"), "{:?}", verbs(s));
        let s = "The mayor said raising the fares would cost voters .";
        assert!(!has(s, "raising"), "{:?}", verbs(s));
        // A speaker with the subject of its own clause after it stays a reporting clause.
        let s = "Engineers say the dam will hold for a century .";
        assert!(has(s, "hold"), "{:?}", verbs(s));
    }

    #[test]
    fn the_subject_of_needed_or_used_to_is_no_agent() {
        let got = verbs("Sixty votes were needed to approve the budget .");
        assert!(!got.contains(&"approve".to_string()), "{got:?}");
        let got = verbs("The grant was used to repair the school roof .");
        assert!(!got.contains(&"repair".to_string()), "{got:?}");
        let got = verbs("The guards were required to search every bag .");
        assert!(got.contains(&"search".to_string()), "{got:?}");
    }

    #[test]
    fn embedded_questions_and_alternatives_assert_nothing() {
        let got = verbs("The mayor was asked whether she would approve the new bridge .");
        assert!(!got.contains(&"approve".to_string()), "{got:?}");
        let got = verbs("Reporters wondered if the company had paid the fine .");
        assert!(!got.contains(&"paid".to_string()), "{got:?}");
        let got =
            verbs("Nobody knows whether the driver was drunk , or fell asleep at the wheel .");
        assert!(!got.contains(&"fell".to_string()), "{got:?}");
        let got =
            verbs("Fans will get a refund whether they bought tickets early or buy them late .");
        assert!(!got.contains(&"bought".to_string()), "{got:?}");
        assert!(got.contains(&"get".to_string()), "{got:?}");
        let got = verbs("\" Will you sign the treaty ? \" the reporter asked .");
        assert!(!got.contains(&"sign".to_string()), "{got:?}");
        // A condition is still read (as a condition, elsewhere).
        let got = verbs("The club will move if the council approves the stadium .");
        assert!(got.contains(&"approves".to_string()), "{got:?}");
    }

    #[test]
    fn embedded_wh_questions_assert_nothing() {
        let got = verbs("When asked how the new tax will affect farmers , the minister left .");
        assert!(!got.contains(&"affect".to_string()), "{got:?}");
        let got = verbs("Nobody knows how many soldiers died in the attack .");
        assert!(!got.contains(&"died".to_string()), "{got:?}");
        let got = verbs("The senator asked the minister why the agency destroyed the files .");
        assert!(!got.contains(&"destroyed".to_string()), "{got:?}");
        // A relative clause after the object of a governor is no question.
        let got = verbs("The police questioned the man who stole the car .");
        assert!(got.contains(&"stole".to_string()), "{got:?}");
        // The noun "question" governs nothing.
        let got = verbs("She raised the question when she mentioned the law .");
        assert!(got.contains(&"mentioned".to_string()), "{got:?}");
    }

    /// Whether the clause of the main verb `verb` is marked conditional.
    fn conditional(sentence: &str, verb: &str) -> Option<bool> {
        let (toks, found) = read(sentence);
        found
            .iter()
            .find(|c| toks[c.verb.main].lower == verb)
            .map(|c| c.conditional)
    }

    #[test]
    fn a_condition_governs_its_consequence() {
        let s = "The council will fine the company if the spill was deliberate .";
        assert_eq!(conditional(s, "fine"), Some(true));
        let s = "If the court agrees , the mayor will resign from the council .";
        assert_eq!(conditional(s, "resign"), Some(true));
        let s = "The board will sell the club if it is found that the owner lied .";
        assert_eq!(conditional(s, "lied"), Some(true));
        // Concessions, manners, reported and warned conditions leave the main clause asserted.
        let s = "Prices rose in March , even if demand fell .";
        assert_eq!(conditional(s, "rose"), Some(false));
        let s = "The union warned of a strike if the talks fail .";
        assert_eq!(conditional(s, "warned"), Some(false));
        let s = "The company said it would cut jobs if sales kept falling .";
        assert_eq!(conditional(s, "said"), Some(false));
        // A condition after a comma at the sentence's end conditions the clause before it.
        let s = "The new fares take effect in June , unless the regulator objects .";
        assert_eq!(conditional(s, "take"), Some(true));
        // An aside or an elliptical condition conditions nothing.
        let s = "The fares are the lowest in years , if you will .";
        assert_eq!(conditional(s, "are"), Some(false));
        let s = "There is little news about injuries , if any .";
        assert_eq!(conditional(s, "is"), Some(false));
        // With a clause after it, it leads that clause, not the one before.
        let s = "The board met on Monday and , if the vote passes , the mill will close .";
        assert_eq!(conditional(s, "met"), Some(false));
        assert_eq!(conditional(s, "close"), Some(true));
    }

    #[test]
    fn an_auxiliary_before_its_subject_opens_a_condition() {
        let s = "Should the council reject the plan , the mayor will resign on Monday .";
        assert_eq!(conditional(s, "reject"), Some(true));
        assert_eq!(conditional(s, "resign"), Some(true));
        let s = "Had the inspectors known about the leak , they would have closed the plant .";
        assert_eq!(conditional(s, "known"), Some(true));
        let s = "Were the plant to close , hundreds of workers would lose their jobs .";
        assert_eq!(conditional(s, "close"), Some(true));
        // After a past consequence, only the condition is conditional.
        let s = "The minister outlined his plans for the port should he win the election .";
        assert_eq!(conditional(s, "win"), Some(true));
        assert_eq!(conditional(s, "outlined"), Some(false));
        // An auxiliary after its subject, or before an object, opens nothing.
        let s = "The firm had the plant inspected in May .";
        assert_ne!(conditional(s, "inspected"), Some(true));
        let s = "The guard was found in the yard , had his keys taken and was tied up .";
        assert_ne!(conditional(s, "taken"), Some(true));
        let s = "The board should approve the budget , the mayor said .";
        assert_eq!(conditional(s, "approve"), Some(false));
        // A condition after a dash conditions the clause before it, not the one after.
        let s = "A loan has been prepared -- should the city need it ; workers have been hired .";
        assert_ne!(conditional(s, "hired"), Some(true));
    }

    #[test]
    fn nor_until_and_rejected_suggestions_assert_nothing() {
        let got = verbs("Nor will foreign visitors be allowed the same discounts .");
        assert!(got.is_empty(), "{got:?}");
        let got = verbs(
            "The judge refused to postpone the trial until the witness has a chance to testify .",
        );
        assert!(!got.contains(&"has".to_string()), "{got:?}");
        // A past event under "until" happened.
        let got = verbs("The shops stayed closed until the storm ended .");
        assert!(got.contains(&"ended".to_string()), "{got:?}");
        let got = verbs("The bridge will reopen when the repairs are complete .");
        assert!(!got.contains(&"are".to_string()), "{got:?}");
        assert!(got.contains(&"reopen".to_string()), "{got:?}");
        let got = verbs("Flights resume as soon as the runway is cleared .");
        assert!(!got.contains(&"cleared".to_string()), "{got:?}");
        let got = verbs("The mayor resigned when the scandal broke .");
        assert!(got.contains(&"broke".to_string()), "{got:?}");
        let got = verbs("Fans cheered when the player was arrested by officers who will testify .");
        assert!(got.contains(&"arrested".to_string()), "{got:?}");
        let got = verbs("It was the weekend when the city celebrates its founding .");
        assert!(got.contains(&"celebrates".to_string()), "{got:?}");
        let got = verbs("I say once again that the army has left the town .");
        assert!(got.contains(&"left".to_string()), "{got:?}");
        let got = verbs("The minister rejected a suggestion that the army needs new tanks .");
        assert!(!got.contains(&"needs".to_string()), "{got:?}");
        assert!(got.contains(&"rejected".to_string()), "{got:?}");
    }

    #[test]
    fn negated_governors_and_quantifiers_keep_their_scope() {
        let got = verbs("The governor does not have the right to veto the budget .");
        assert!(!got.contains(&"veto".to_string()), "{got:?}");
        let got = verbs("The coach cannot let this team become a laughing stock .");
        assert!(!got.contains(&"become".to_string()), "{got:?}");
        // A purpose infinitive after a negated verb is no complement of it.
        let got = verbs("The club did not sell players to raise money .");
        assert!(got.contains(&"raise".to_string()), "{got:?}");
        let got = verbs("It is the first time that a storm has ever flooded the harbour .");
        assert!(!got.contains(&"flooded".to_string()), "{got:?}");
    }

    #[test]
    fn cannot_negates_and_a_swallowed_subject_is_reported() {
        let (toks, found) = read("The council cannot approve the plan .");
        let approve = found.iter().find(|c| toks[c.verb.main].lower == "approve");
        assert!(approve.is_some_and(|c| c.verb.negated), "{found:?}");
        let (toks, found) = read("The court ruled the strike is not legal .");
        let ruled = found
            .iter()
            .position(|c| toks[c.verb.main].lower == "ruled");
        assert!(
            ruled.is_some_and(|r| found[r].object.is_none()),
            "{found:?}"
        );
        let is = found.iter().find(|c| toks[c.verb.main].lower == "is");
        assert!(
            is.is_some_and(|c| c.reported_by == ruled && c.verb.negated),
            "{found:?}"
        );
    }
}
