//! Where a moved thing goes: "will send troops | to the border" read as one object.
//!
//! After a verb of sending or handing over, the "to" phrase right after the direct object says
//! where or to whom the thing goes, and the object without it is cut ("Kelmar will send troops"
//! says less than "... troops to the border", and "will not send troops" may deny only the
//! destination). Both readers leave that phrase out of the object, each its own way (the
//! grammar as a further argument, the tree as an `obl` that may make the place the object and
//! fold the thing into the predicate: "send troop | the border"), so their readings of one
//! sentence disagree. [`goal`] joins the phrase to the object in both readers' clauses; it also
//! gives back to the object the bound a reader left in the predicate ("up to", "over" before
//! an amount).

use crate::claim::open::{Arg, Clause, Phrase, Tok};

/// Verbs whose direct object moves to the person or place named after "to".
const SENDING_VERBS: &[&str] = &[
    "send",
    "deploy",
    "dispatch",
    "transfer",
    "ship",
    "deliver",
    "extradite",
    "deport",
    "sell",
    "donate",
    "lend",
    "take",
    "bring",
    "move",
];

/// Most words the "to" phrase may add to the object.
const MAX_GOAL: usize = 6;

/// Joins the "to" phrase that follows a sending verb's direct object to the object (see the
/// module docs). An amount after "to" ("sold shares to 40%") is a value, never a goal; an
/// amount object keeps its value; a phrase running into another clause, and an object or
/// goal with a pronoun, are left as they are.
pub fn goal(toks: &[Tok], c: &mut Clause) {
    bound_object(toks, c);
    over_bound(toks, c);
    prepositional_bound(toks, c);
    super::whole::double_object_tags(toks, c);
    if c.verb.copula || c.verb.passive || !SENDING_VERBS.contains(&c.verb.lemma.as_str()) {
        return;
    }
    let Some(obj) = c.object.as_ref() else {
        return;
    };
    if obj.prep.is_some() || obj.phrase.conjuncts.len() != 1 {
        return;
    }
    let end = obj.phrase.end;
    let Some(k) = c
        .extras
        .iter()
        .position(|a| a.prep == Some(end) && a.phrase.start == end + 1)
    else {
        return;
    };
    let to = &c.extras[k];
    let words = toks.get(to.phrase.start..to.phrase.end).unwrap_or_default();
    let is_to = toks.get(end).is_some_and(|t| t.lower == "to");
    let plain = !words.is_empty()
        && words.len() <= MAX_GOAL
        && words.iter().all(|t| {
            t.tag != "CD" && !matches!(t.text.as_str(), "," | ";" | ":" | "(" | ")" | "\"")
        });
    if !is_to || !plain {
        return;
    }
    // A pronoun stays a pronoun ("transfer it to China" is about whatever "it" is, and "sold
    // them to whomever" names no one): the claim is left as the readers gave it.
    // "took exception to the remark": an idiom of "take", no thing that moves.
    let idiom = c.verb.lemma == "take"
        && toks.get(obj.phrase.head).is_some_and(|t| {
            matches!(
                t.lemma.as_str(),
                "exception" | "offence" | "offense" | "notice" | "issue" | "objection"
            )
        });
    if idiom {
        return;
    }
    let pronoun = |t: &Tok| matches!(t.tag, "PRP" | "WP" | "WDT" | "EX");
    let object = toks.get(obj.phrase.start..end).unwrap_or_default();
    if object.iter().chain(words).any(pronoun) {
        return;
    }
    // "send two million doses": an amount stays the object's value (amounts are compared,
    // phrases are not), and the goal stays a claim of its own ("send to | Kenya").
    if object.iter().any(|t| t.tag == "CD") {
        return;
    }
    // "to the border next month": the time is the event's, not the goal's; it stays a
    // further argument of its own.
    let time = words.iter().position(|t| {
        crate::lexicon::TIME_NOUNS.contains(&t.lower.as_str())
            || crate::lexicon::is_month_or_day(&t.lower)
            || matches!(t.lower.as_str(), "next" | "last" | "this")
    });
    let goal_end = to.phrase.start + time.unwrap_or(words.len());
    if goal_end == to.phrase.start {
        return;
    }
    let phrase_end = to.phrase.end;
    if goal_end < phrase_end {
        c.extras[k] = Arg {
            prep: None,
            phrase: Phrase::new(toks, goal_end, phrase_end),
        };
    } else {
        c.extras.remove(k);
    }
    if let Some(o) = c.object.as_mut() {
        o.phrase.end = goal_end;
        o.phrase.conjuncts = vec![(o.phrase.start, goal_end)];
    }
}

/// "attract up | to 2,000 people": a reader that took "up" for a particle and "to" for the
/// object's preposition; "up to" bounds the amount after it, so it opens the object
/// ("attract | up to 2,000 people"), as the grammar reads it.
fn bound_object(toks: &[Tok], c: &mut Clause) {
    let Some(obj) = c.object.as_ref() else {
        return;
    };
    let Some(to) = obj.prep else {
        return;
    };
    let up = to.wrapping_sub(1);
    let amount = toks
        .get(to + 1)
        .is_some_and(|t| t.tag == "CD" || t.text.starts_with('$'));
    let bound = toks.get(to).is_some_and(|t| t.lower == "to")
        && toks.get(up).is_some_and(|t| t.lower == "up")
        && obj.phrase.start == to + 1
        && amount
        && !crate::claim::open::RISING_VERBS.contains(&toks[c.verb.main].lemma.as_str());
    let in_predicate = c.verb.particle == Some(up) || c.verb.joined.contains(&up);
    if !bound || !in_predicate || !c.verb.lemma.ends_with(" up") {
        return;
    }
    if c.verb.particle == Some(up) {
        c.verb.particle = None;
        c.verb.end = c.verb.end.min(up);
    }
    c.verb.joined.retain(|&k| k != up);
    c.verb.lemma.truncate(c.verb.lemma.len() - " up".len());
    let end = obj.phrase.end;
    c.object = Some(Arg {
        prep: None,
        phrase: Phrase::new(toks, up, end),
    });
}

/// Verbs whose "over" before an amount says what it is about or across what it spreads, not
/// that the amount is exceeded ("fought over 40 hectares", "presided over 300 cases").
const OVER_ABOUT_VERBS: &[&str] = &[
    "argue", "battle", "clash", "disagree", "dispute", "feud", "fight", "preside", "quarrel",
    "rule", "spread", "split", "squabble", "stagger", "watch", "worry", "wrangle", "hand", "turn",
    "sign", "take", "pass", "fork", "carry", "roll", "think", "mull", "pore", "ponder",
];

/// "employ over | 1,000 people": "over" right before an amount bounds it ("more than"), but a
/// reader took it for the verb's particle or the object's preposition. It opens the object
/// ("employ | over 1,000 people"). A counted time ("over three years" may be "across") and
/// verbs of quarrel or of handing over (`OVER_ABOUT_VERBS`) are left alone.
fn over_bound(toks: &[Tok], c: &mut Clause) {
    let Some(obj) = c.object.as_ref() else {
        return;
    };
    let (start, end) = (obj.phrase.start, obj.phrase.end);
    let Some(over) = start.checked_sub(1) else {
        return;
    };
    let number = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.tag == "CD" && t.text.starts_with(|ch: char| ch.is_ascii_digit()))
    };
    let sign = toks.get(start).is_some_and(|t| t.tag == "$") && number(start + 1);
    let counted = if sign { start + 2 } else { start + 1 };
    let time = toks.get(counted).is_some_and(|t| {
        crate::lexicon::TIME_NOUNS.contains(&t.lower.as_str())
            || matches!(t.lower.as_str(), "million" | "billion" | "thousand")
                && toks
                    .get(counted + 1)
                    .is_some_and(|n| crate::lexicon::TIME_NOUNS.contains(&n.lower.as_str()))
    });
    let amount = (number(start) || sign) && !time;
    let as_prep = obj.prep == Some(over);
    let as_particle = c.verb.particle == Some(over) || c.verb.joined.contains(&over);
    let verb = toks.get(c.verb.main).map_or("", |t| t.lemma.as_str());
    let is_over = toks.get(over).is_some_and(|t| t.lower == "over");
    if !is_over || !amount || !(as_prep || as_particle) || OVER_ABOUT_VERBS.contains(&verb) {
        return;
    }
    if as_particle {
        if c.verb.particle == Some(over) {
            c.verb.particle = None;
            c.verb.end = c.verb.end.min(over);
        }
        c.verb.joined.retain(|&k| k != over);
        if let Some(bare) = c.verb.lemma.strip_suffix(" over") {
            c.verb.lemma = bare.to_string();
        }
    }
    c.object = Some(Arg {
        prep: None,
        phrase: Phrase::new(toks, over, end),
    });
}

/// "killed at | least 55 people": the preposition of "at least", "at most" or "as many as"
/// before an amount bounds the amount; a reader that took it for the object's preposition put
/// it in the predicate ("kill at"). It opens the object ("killed | at least 55 people").
fn prepositional_bound(toks: &[Tok], c: &mut Clause) {
    let Some(obj) = c.object.as_ref() else {
        return;
    };
    let Some(p) = obj.prep else {
        return;
    };
    let lower = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let amount = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.tag == "CD" || t.text.contains('$'))
    };
    let figure = match (lower(p), lower(p + 1)) {
        ("at", "least" | "most") => amount(p + 2) || amount(p + 3),
        ("as", "many" | "much" | "few" | "little") => lower(p + 2) == "as" && amount(p + 3),
        _ => false,
    };
    if !figure || obj.phrase.start <= p || obj.phrase.start > p + 3 {
        return;
    }
    let end = obj.phrase.end;
    c.object = Some(Arg {
        prep: None,
        phrase: Phrase::new(toks, p, end),
    });
}

#[cfg(test)]
mod tests {
    use crate::claim::open::test_tokens;
    use crate::claim::Extractor;
    use crate::pos::PosModel;

    /// "verb | object" of every clause of `sentence`, as the checked reader and as the tree
    /// reader read it (goals joined by both).
    fn read(sentence: &str) -> Vec<String> {
        let (words, toks) = test_tokens(sentence);
        let pos = PosModel::builtin();
        let mut found = Extractor::Checked.clauses(&toks, pos);
        found.extend(Extractor::Tree.clauses(&toks, pos));
        found
            .iter()
            .map(|c| {
                let object = c
                    .object
                    .as_ref()
                    .map(|o| words[o.phrase.start..o.phrase.end].join(" "))
                    .unwrap_or_default();
                format!("{} | {object}", words[c.verb.main])
            })
            .collect()
    }

    #[test]
    fn a_sent_thing_keeps_where_it_goes() {
        for sentence in [
            "Norland will send engineers to the northern border next month .",
            "Norland will not send engineers to the northern border next month .",
        ] {
            let got = read(sentence);
            assert!(
                got.iter()
                    .all(|g| g == "send | engineers to the northern border"
                        || !g.starts_with("send")),
                "{got:?}"
            );
            assert!(got.iter().any(|g| g.starts_with("send")), "{got:?}");
        }
    }

    #[test]
    fn other_verbs_amounts_and_long_phrases_are_left_alone() {
        let got = read("The mayor wrote a letter to the council .");
        assert!(got.contains(&"wrote | a letter".to_string()), "{got:?}");
        let got = read("The firm sold its shares to 40 buyers .");
        assert!(got.iter().all(|g| !g.contains("to 40")), "{got:?}");
        let got = read("Norland will send 300 engineers to the border .");
        assert!(got.iter().all(|g| !g.contains("engineers to")), "{got:?}");
        let got = read("The firm sold it to Norland .");
        assert!(got.iter().all(|g| !g.contains("it to")), "{got:?}");
    }

    #[test]
    fn over_before_an_amount_opens_the_object() {
        let got = read("The mill employs over 1,200 people in the valley .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("employs | over 1,200 people")),
            "{got:?}"
        );
        assert!(
            got.iter().all(|g| !g.starts_with("employs | 1,200")),
            "{got:?}"
        );
        // "over" of a quarrel is left to the readers: the grammar keeps it in the predicate.
        let (words, toks) = test_tokens("The two towns fought over 40 hectares of pasture .");
        let found = Extractor::Checked.clauses(&toks, PosModel::builtin());
        let fought = found.iter().find(|c| words[c.verb.main] == "fought");
        let object = fought.and_then(|c| c.object.as_ref());
        assert_eq!(object.map(|o| o.phrase.start), Some(5), "{found:?}");
    }

    #[test]
    fn at_least_before_an_amount_opens_the_object() {
        for sentence in [
            "A landslide in the valley has killed at least 14 villagers .",
            "The flood destroyed at least 300 homes on Monday .",
        ] {
            let (words, toks) = test_tokens(sentence);
            for c in Extractor::Checked.clauses(&toks, PosModel::builtin()) {
                if let Some(o) = c.object.as_ref().filter(|o| o.prep.is_some()) {
                    let prep = o.prep.map(|p| words[p]);
                    assert_ne!(prep, Some("at"), "{sentence}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn a_case_taken_to_a_court_keeps_the_court() {
        let got = read("The union will take its dispute to the labour tribunal .");
        assert!(
            got.contains(&"take | its dispute to the labour tribunal".to_string()),
            "{got:?}"
        );
    }
}
