//! The grammar's subject checked against the parse's (issues 13 and 15): the subject of a
//! clause is the noun phrase headed by its verb's `nsubj` (or `nsubj:pass`), whole, never a
//! noun inside another noun's prepositional phrase or participle ("details on the plan for
//! funding during a potential shutdown are expected" is not about "a potential shutdown"), nor
//! a word the parse attaches elsewhere ("2004 Kelmar is ...": the year is the dateline's).
//!
//! Where the readers disagree the parse is trusted when its subject holds the grammar's words
//! (the grammar stopped too early) and is short and whole; otherwise the clause gives no claim.
//! A reporting clause keeps its subject (its speaker attributes other clauses), and a clause
//! the parse reads no subject for is left as the grammar read it.
//!
//! Some verbs of the grammar are none for the parse, and their clauses give no claim: a lone
//! participle the parse reads as an adjective ("following surging prices"), an infinitive it
//! hangs on a noun other than the subject ("received nominations to support X": who supports
//! is not said), and a relative clause it hangs on a noun inside the grammar's antecedent
//! ("membership in the accord, which sets ..."). A name after the comma of "a man in Lyon,
//! France" belongs to the town, not to the subject's head.

mod placeholder;

use super::{phrase, Rel, Tree};
use crate::claim::open::{Clause, Phrase, Tok};
use crate::lexicon::is_reporting;

/// Most words a subject taken from the parse may have.
const MAX_SUBJECT: usize = 12;

/// Words that open a clause as well as a phrase: a subject of the parse that holds one before
/// the grammar's subject has swallowed another clause.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "as", "because", "while", "when", "if", "than", "once",
    "where", "whether", "though", "although", "unless",
];

/// What the parse says of the grammar's subject.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// The parse reads no subject, or reads the grammar's.
    Keep,
    /// The parse's subject, which holds the grammar's words.
    Replace(Phrase),
    /// The readers disagree and the parse's subject cannot stand in.
    Drop,
}

/// Checks the subject of the grammar's clause `c` against the parse, replacing or emptying it.
pub(super) fn check(tree: &Tree, c: &mut Clause) {
    let Some(g) = c.subject.as_ref() else {
        return;
    };
    if placeholder::expletive_it(tree.toks, g, &c.verb) {
        c.subject = None;
        return;
    }
    if let Some(owner) = placeholder::age_apposition(tree.toks, g) {
        c.subject = owner;
        return;
    }
    let reporting = c.complement.is_some() || is_reporting(&c.verb.lemma);
    if adjectival(tree, c, g) || noun_infinitive(tree, c, g) {
        c.subject = None;
        return;
    }
    if town_country(tree.toks, g) && !reporting {
        c.subject = None;
        return;
    }
    match verdict(tree, c.verb.main, g) {
        Verdict::Keep => {}
        Verdict::Replace(p) => c.subject = Some(p),
        Verdict::Drop if reporting => {}
        Verdict::Drop => c.subject = None,
    }
    if !c.verb.copula && c.subject.as_ref().is_some_and(|s| bare_year(tree.toks, s)) {
        c.subject = None;
    }
    restrictive_relative(tree.toks, c);
}

/// Pronouns that a restrictive relative clause completes ("those who voted").
const RELATIVE_PRONOUN_HEADS: &[&str] = &[
    "those",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "all",
];

/// "Drivers who text at the wheel | face fines", "The inspector who loaded the plane |
/// looked ...": a common noun subject right before a relative clause with no comma is
/// narrowed by it, and the clause's verb comes after it; the subject without it says the
/// claim of every driver. The relative clause joins the subject when the whole is at most
/// [`MAX_SUBJECT`] words in one run (no comma, bracket or quotation mark, not ended on a
/// coordinator: "who insulted and | kicked" is the relative clause's own verb); else a bare
/// noun phrase leaves the clause with no subject, and no claim. A name ("Kelmar Bank which
/// ...") is identified already.
fn restrictive_relative(toks: &[Tok], c: &mut Clause) {
    let Some(s) = c.subject.as_ref().filter(|s| s.conjuncts.len() <= 1) else {
        return;
    };
    let (start, e, v) = (s.start, s.end, c.verb.start);
    let opens = toks
        .get(e)
        .is_some_and(|t| matches!(t.lower.as_str(), "who" | "which" | "that" | "whom"))
        && relative_pronoun(toks, e);
    let head = &toks[e.saturating_sub(1).max(start)];
    let common = head.mention.is_none()
        && (head.tag.starts_with("NN") || RELATIVE_PRONOUN_HEADS.contains(&head.lower.as_str()));
    if !opens || !common || v <= e + 1 || e <= start {
        return;
    }
    // The relative clause's own verb stands before the clause's verb.
    let verb_between = toks[e + 1..v]
        .iter()
        .any(|t| t.tag.starts_with("VB") || t.tag == "MD");
    if !verb_between {
        return;
    }
    let mut end = v;
    while end > e + 1 && toks[end - 1].tag == "RB" {
        end -= 1;
    }
    let last = &toks[end - 1];
    if matches!(last.tag, "CC" | "DT" | "IN" | "TO" | "WDT" | "WP") {
        return;
    }
    let quoted = toks[start..end].iter().any(super::whole::is_quote);
    if end - start <= MAX_SUBJECT && !crosses(toks, start, end) && !quoted {
        let head = s.head;
        c.subject = Some(Phrase {
            start,
            end,
            conjuncts: vec![(start, end)],
            head,
        });
    } else if !toks[start..e].iter().any(|t| t.tag == "IN") {
        // A bare noun phrase says nothing without its relative clause; one with its own
        // prepositional phrase ("details of the drivers | who applied ...") still names it.
        c.subject = None;
    }
}

/// A subject that is only a year ("a group founded in 1987 that employs ...", "since 2003 has
/// forced ...", "the 2007 | and 2008 budgets were sent"): a year does nothing, so the reading
/// took it from a time phrase or cut it from a longer noun phrase. A copula may describe a
/// year ("2009 was a hard year").
fn bare_year(toks: &[Tok], subject: &Phrase) -> bool {
    let words = toks.get(subject.start..subject.end).unwrap_or(&[]);
    let year = |t: &Tok| {
        let digits = t.text.trim_end_matches('s');
        digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(digits.as_bytes()[0], b'1' | b'2')
    };
    words.iter().any(year)
        && words.iter().all(|t| {
            year(t)
                || t.tag == "DT"
                || matches!(t.lower.as_str(), "early" | "late" | "mid" | "mid-")
        })
}

/// Verbs (lemmas) that take no object, whose present participle before a noun can only
/// describe it ("surging prices", "neighbouring countries", "the remaining troops").
const INTRANSITIVE: &[&str] = &[
    "soar",
    "surge",
    "rise",
    "fall",
    "remain",
    "exist",
    "emerge",
    "boom",
    "spiral",
    "dwindle",
    "prevail",
    "neighbour",
    "neighbor",
    "plummet",
    "skyrocket",
    "tumble",
    "slump",
    "ail",
    "linger",
    "loom",
    "persist",
    "ensue",
    "war",
];

/// "following surging commodity prices", "called on neighbouring countries": a lone
/// participle that the parse reads as an adjective of the noun after it, or a verb that takes
/// no object right before a noun, is no verb, and its clause (a subject from elsewhere, the
/// noun as object) says nothing the sentence says. A subject right before the word ("the
/// matter involved intelligence gathering") makes it a verb whatever the parse says.
fn adjectival(tree: &Tree, c: &Clause, g: &Phrase) -> bool {
    let v = c.verb.main;
    if g.end <= v && tree.toks[g.end..v].iter().all(|t| t.tag.starts_with("RB")) {
        return false;
    }
    let lone = c.verb.start == v && c.verb.end == v + 1;
    // Only a present participle: a past form before a noun is as often a verb with its
    // object ("The council today imposed sanctions").
    let participle = tree.tag(v) == "VBG";
    let amod = tree.rel(v) == Rel::Amod
        && tree
            .head(v)
            .is_some_and(|n| n > v && tree.tag(n).starts_with("NN"));
    let toks = tree.toks;
    let intransitive = tree.tag(v) == "VBG"
        && INTRANSITIVE.contains(&toks[v].lemma.as_str())
        && toks
            .get(v + 1)
            .is_some_and(|n| n.tag.starts_with("NN") || n.tag.starts_with("JJ"));
    lone && participle && (amod || intransitive)
}

/// Prepositions of place that open "in Lyon, France".
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "from", "near", "outside", "of"];

/// "A mechanic in Lyon, France repaired ...": the grammar's subject is the name after the
/// comma of a town and its country (or region), at the end of a noun phrase that opens the
/// clause, so the subject is that phrase's noun, not the country. No claim: the phrase's head
/// is not the grammar's to recover.
fn town_country(toks: &[Tok], g: &Phrase) -> bool {
    let proper = |k: usize| toks[k].tag.starts_with("NNP");
    if g.start < 4 || toks[g.start - 1].text != "," || !(g.start..g.end).all(proper) {
        return false;
    }
    let mut p = g.start - 2;
    while p > 0 && proper(p) {
        p -= 1;
    }
    if p + 2 > g.start - 1 || !PLACE_PREPOSITIONS.contains(&toks[p].lower.as_str()) || p == 0 {
        return false;
    }
    let head = &toks[p - 1];
    if !matches!(head.tag, "NN" | "NNS") {
        return false;
    }
    let mut k = p - 1;
    while k > 0 && matches!(toks[k - 1].tag, "DT" | "JJ" | "NN" | "NNS" | "CD" | "PRP$") {
        k -= 1;
    }
    k == 0
        || matches!(toks[k - 1].text.as_str(), "," | ";" | ":" | "\"" | "``")
        || toks[k - 1].tag == "CC"
}

/// Nouns (lemmas) of a plan, effort or decision, whose infinitive is done by their holder.
const INTENTION_NOUNS: &[&str] = &[
    "plan",
    "effort",
    "attempt",
    "bid",
    "request",
    "decision",
    "opportunity",
    "move",
    "intention",
    "promise",
    "pledge",
    "proposal",
    "campaign",
    "push",
    "drive",
    "commitment",
    "offer",
    "agreement",
    "vow",
    "threat",
    "ability",
    "determination",
    "desire",
    "wish",
    "readiness",
    "willingness",
];

/// "received fifteen nominations to support the chairman", "a place to showcase their
/// work": an infinitive the parse hangs on a noun says what the noun is for, and who does it
/// is not the subject of the clause around it. Unless that noun is the grammar's subject, its
/// clause gives no claim.
fn noun_infinitive(tree: &Tree, c: &Clause, g: &Phrase) -> bool {
    let v = c.verb.main;
    let toks = tree.toks;
    let to = (c.verb.start..v).any(|k| toks[k].lower == "to")
        || (c.verb.start > 0 && toks[c.verb.start - 1].lower == "to");
    let Some(n) = tree.head(v).filter(|_| tree.rel(v) == Rel::Acl) else {
        return false;
    };
    let noun = n < v && tree.tag(n).starts_with("NN");
    // "announced plans to shift production", "in an effort to topple": the holder of a plan
    // or an effort is the one who would act.
    let intention = INTENTION_NOUNS.contains(&toks[n].lemma.as_str());
    to && noun && !intention && !(g.start <= n && n < g.end)
}

/// How the parse reads the subject `g` of the verb `v`.
fn verdict(tree: &Tree, v: usize, g: &Phrase) -> Verdict {
    let toks = tree.toks;
    if toks.get(g.start).is_none_or(|t| t.tag == "EX") {
        return Verdict::Keep;
    }
    let Some((h, relative)) = subject_head(tree, v) else {
        return Verdict::Keep;
    };
    let inside = |k: usize| g.start <= k && k < g.end;
    if inside(h) {
        // "membership in the accord, which sets ...": the parse hangs the relative clause on
        // a noun inside the grammar's antecedent, not on its head. One of the two is wrong,
        // and either reading may be: no claim.
        let embedded = phrase::subject(tree, h).is_some_and(|p| {
            p.start > g.start && toks[g.start..p.start].iter().any(|t| t.tag == "IN")
        });
        if relative && embedded {
            return Verdict::Drop;
        }
        return left_trim(tree, h, g);
    }
    let Some(p) = phrase::subject(tree, h) else {
        return Verdict::Drop;
    };
    if apposed(toks, g, &p, h) {
        return Verdict::Keep;
    }
    // The grammar's words lie in the parse subject's subtree (its complement, participle or
    // relative clause: "The amount approved by Congress").
    let (s, e) = phrase::subtree(tree, h, &[Rel::Conj]);
    let holds = s <= g.start && g.end <= e;
    let (s, e) = phrase::subtree(tree, h, &[]);
    if !holds && s <= g.start && g.end <= e {
        // A conjunct of the parse's subject ("A, B, and C are"): the grammar's reading of the
        // coordination stands.
        return Verdict::Keep;
    }
    // "a funeral after the body is taken": a word that may open a clause before the
    // grammar's subject says the parse joined two clauses.
    let joined = (p.start..g.start).any(|k| SUBORDINATORS.contains(&toks[k].lower.as_str()));
    // A noun that is itself a predicate ("the target may have been a member", of "a member
    // of the firm, who works ...") would bring its clause along.
    let predicate = tree.deps(h).iter().any(|&k| {
        matches!(
            tree.rel(k),
            Rel::Subj | Rel::SubjPass | Rel::Cop | Rel::Aux | Rel::AuxPass
        )
    });
    let nominal = !tree.tag(h).starts_with("VB") && !predicate;
    if !holds || !nominal || joined {
        return Verdict::Drop;
    }
    if p.end - p.start <= MAX_SUBJECT && !crosses(toks, p.start, p.end) {
        return Verdict::Replace(p);
    }
    // Too long to keep whole: the head with its own modifiers ("A spokesperson" of "A
    // spokesperson for the faction (...) led by X"), which still names the right thing.
    match phrase::core(tree, h) {
        // Only a noun names a thing on its own: not "Many" of "Many of the troops, ...".
        Some(c)
            if c.end - c.start <= MAX_SUBJECT
                && !crosses(toks, c.start, c.end)
                && tree.tag(h).starts_with("NN") =>
        {
            Verdict::Replace(c)
        }
        _ => Verdict::Drop,
    }
}

/// Whether the two phrases stand side by side with only a comma between them ("One state,
/// the United States, has"): an apposition, naming one thing, whichever the parse made head.
/// After the parse's phrase `p` (head `h`), the grammar's phrase is apposed to `p`'s head only
/// when that head ends `p`: in "A mechanic in Lyon, France repaired" the name after the comma
/// belongs to "Lyon", and "France" is no subject.
fn apposed(toks: &[Tok], g: &Phrase, p: &Phrase, h: usize) -> bool {
    let comma = |k: usize| toks.get(k).is_some_and(|t| t.text == ",");
    // The head ends `p`, or only the rest of its name follows it ("Kofi Annan": the parse
    // heads a name with its first word).
    let head_ends = h < p.end && toks[h + 1..p.end].iter().all(|t| t.tag.starts_with("NNP"));
    (g.end + 1 == p.start && comma(g.end)) || (p.end + 1 == g.start && comma(p.end) && head_ends)
}

/// The head the parse gives the subject of `v`: its own `nsubj` (or a copula's predicate's),
/// and for a relative pronoun the noun its clause modifies. `None` when the parse reads none,
/// several or an expletive: a verb that shares another's subject is not judged, since the
/// parser often hangs a coordinated verb on the wrong one.
fn subject_head(tree: &Tree, v: usize) -> Option<(usize, bool)> {
    let at = if tree.rel(v) == Rel::Cop {
        tree.head(v)?
    } else {
        v
    };
    if tree.dep(at, Rel::Expl).is_some() {
        return None;
    }
    let own: Vec<usize> = tree
        .deps(at)
        .iter()
        .copied()
        .filter(|&k| matches!(tree.rel(k), Rel::Subj | Rel::SubjPass))
        .collect();
    match own.as_slice() {
        [s] if relative_pronoun(tree.toks, *s) => {
            // The noun the clause modifies; a relative clause hung on a verb is misread.
            let antecedent = tree.head(at).filter(|_| tree.rel(at) == Rel::Relcl)?;
            let tag = tree.tag(antecedent);
            let noun = tag.starts_with("NN") || matches!(tag, "PRP" | "CD");
            noun.then_some((antecedent, true))
        }
        [s] => Some((*s, false)),
        _ => None,
    }
}

fn relative_pronoun(toks: &[Tok], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.tag, "WDT" | "WP") || t.lower == "that")
}

/// The grammar's subject holds the parse's head: words it holds before the parse's phrase,
/// which the parse attaches elsewhere (a dateline's year, the end of a sentence whose full
/// stop is missing), are left out.
fn left_trim(tree: &Tree, h: usize, g: &Phrase) -> Verdict {
    let Some(p) = phrase::subject(tree, h) else {
        return Verdict::Keep;
    };
    if p.start <= g.start || p.start >= g.end || p.end < g.end {
        return Verdict::Keep;
    }
    // Only a year or date before a name ("March 3, 2004 Kelmar"), or a lower-case word before
    // a capitalised one ("because of the occupation Many residents"): a boundary the text
    // lost. Anything else left of the parse's phrase is more often a parse error.
    let toks = tree.toks;
    let before = &toks[p.start - 1];
    let first = &toks[p.start];
    let capital = first.text.chars().next().is_some_and(char::is_uppercase);
    let lower = before.text.chars().next().is_some_and(char::is_lowercase)
        && (before.tag.starts_with("NN") || before.tag == "VBN");
    let number = before.tag == "CD" && first.tag != "CD";
    // "The medium-lift Super Puma": the word before is the end of a hyphenated modifier.
    let hyphenated = p.start >= 2 && toks[p.start - 2].text == "-";
    if !capital || !(lower || number) || hyphenated {
        return Verdict::Keep;
    }
    let start = p.start;
    let conjuncts: Vec<(usize, usize)> = g
        .conjuncts
        .iter()
        .filter(|&&(_, b)| b > start)
        .map(|&(a, b)| (a.max(start), b))
        .collect();
    Verdict::Replace(Phrase {
        start,
        end: g.end,
        conjuncts,
        head: g.head.max(start),
    })
}

/// Whether `s..e` runs past a comma, semicolon, colon, dash or bracket.
fn crosses(toks: &[Tok], s: usize, e: usize) -> bool {
    toks[s..e].iter().any(|t| {
        matches!(
            t.text.as_str(),
            "," | ";" | ":" | "--" | "(" | ")" | "\u{2013}" | "\u{2014}"
        )
    })
}

/// "None of the detainees were charged": the claim is about the detainees, negated. The
/// quantifier leaves the subject and turns the verb's polarity ("neither of" alike). So does a
/// negative determiner before a noun: "No charges were filed" is "charges | not filed",
/// "Neither side accepted" is "side | not accepted", and "Neither the mayor nor his deputy
/// came" denies it of both. A subject that is only a negative pronoun ("Nobody", "No one",
/// "Nothing") keeps its words (it names nothing, and stays out of the graph); "no more than",
/// "no fewer than" and "no other" bound or exclude rather than deny, and "little or no",
/// "almost no" state a small amount: those subjects are kept as they are too.
pub fn none_of(toks: &[Tok], c: &mut Clause) {
    let Some(s) = c.subject.as_ref() else {
        return;
    };
    if let Some(rest) = negative_subject(toks, s) {
        c.subject = Some(rest);
        c.verb.negated = !c.verb.negated;
    }
}

/// Words before "no" that make it a small amount ("little or no", "almost no").
const APPROXIMATING: &[&str] = &[
    "or",
    "and",
    "little",
    "almost",
    "virtually",
    "nearly",
    "practically",
];

/// Subject `s` without the negative word opening it, which the verb takes (`none_of`).
fn negative_subject(toks: &[Tok], s: &Phrase) -> Option<Phrase> {
    let first = toks.get(s.start)?;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let noun = |a: usize, b: usize| {
        toks.get(a..b).is_some_and(|w| {
            w.iter()
                .any(|t| t.tag.starts_with("NN") || t.mention.is_some() || t.tag == "CD")
        })
    };
    match first.lower.as_str() {
        "none" | "neither" if word(s.start + 1) == "of" => {
            (s.start + 2 < s.end).then(|| Phrase::new(toks, s.start + 2, s.end))
        }
        "no" if matches!(first.tag, "DT" | "RB" | "UH") => {
            // "the No campaign", "The No side": a capitalised "No" after a word names a side.
            let named_side = s.start > 0
                && (toks[s.start - 1].tag == "DT"
                    || (first.text == "No"
                        && toks[s.start - 1].text.chars().all(char::is_alphabetic)));
            if named_side {
                return None;
            }
            let approximate = s.start > 0 && APPROXIMATING.contains(&word(s.start - 1));
            let bounding = toks.get(s.start + 1).is_some_and(|t| {
                matches!(t.tag, "JJR" | "RBR")
                    || matches!(
                        t.lower.as_str(),
                        "more" | "less" | "fewer" | "other" | "longer" | "one" | "-one" | "-"
                    )
            });
            (!approximate && !bounding && noun(s.start + 1, s.end))
                .then(|| Phrase::new(toks, s.start + 1, s.end))
        }
        "neither" => match (s.start + 1..s.end).find(|&k| toks[k].lower == "nor") {
            Some(k) if noun(s.start + 1, k) && noun(k + 1, s.end) => {
                let mut p = Phrase::new(toks, s.start + 1, s.end);
                p.conjuncts = vec![(s.start + 1, k), (k + 1, s.end)];
                Some(p)
            }
            Some(_) => None,
            None => noun(s.start + 1, s.end).then(|| Phrase::new(toks, s.start + 1, s.end)),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::claim::open::{clauses, test_tokens};
    use crate::claim::tree::{complete_arguments, Tree};
    use crate::pos::PosModel;

    /// "subject | verb | negated" of every grammar clause of `sentence`, completed from its
    /// parse.
    fn read(sentence: &str) -> Vec<String> {
        let (words, toks) = test_tokens(sentence);
        let pos = PosModel::builtin();
        let mut found = clauses(&toks);
        complete_arguments(&Tree::parse(&toks, pos), &mut found);
        found
            .iter()
            .map(|c| {
                let subject = c
                    .subject
                    .as_ref()
                    .map(|p| words[p.start..p.end].join(" "))
                    .unwrap_or_default();
                let not = if c.verb.negated { " not" } else { "" };
                format!("{subject} |{not} {}", words[c.verb.main])
            })
            .collect()
    }

    fn has(sentence: &str, want: &str) -> bool {
        read(sentence).iter().any(|g| g == want)
    }

    #[test]
    fn a_noun_inside_the_subjects_phrase_is_not_the_subject() {
        let s =
            "Further details on the plan for funding during a shutdown are expected next week .";
        assert!(
            has(
                s,
                "Further details on the plan for funding during a shutdown | expected"
            ),
            "{:#?}",
            read(s)
        );
        assert!(!has(s, "a shutdown | expected"), "{:#?}", read(s));
    }

    #[test]
    fn an_age_after_a_name_gives_way_to_the_name() {
        let s = "Tomas Verlind , 48 , a baker from Oslo , opened a second shop .";
        assert!(has(s, "Tomas Verlind | opened"), "{:#?}", read(s));
        assert!(!has(s, "48 | opened"), "{:#?}", read(s));
        let s = "Verlind , 48 , who lives in Oslo , sold the bakery in May .";
        assert!(
            !read(s).iter().any(|g| g.starts_with("48 |")),
            "{:#?}",
            read(s)
        );
        // A count after a comma is no age.
        let s = "Forty members backed Verlind , 31 voted against him .";
        assert!(!has(s, "Verlind | voted"), "{:#?}", read(s));
    }

    #[test]
    fn an_expletive_it_is_no_subject() {
        for s in [
            "It was hoped that the two sides would meet again .",
            "It is unlikely that the mill will reopen .",
            "It seems that the vote was rigged .",
            "It looks like the strike will go on for weeks .",
        ] {
            assert!(
                !read(s).iter().any(|g| g.starts_with("It |")),
                "{s}: {:#?}",
                read(s)
            );
        }
        // A referential "it" stands.
        let s = "The firm said it had decided to close the mill .";
        assert!(has(s, "it | close"), "{:#?}", read(s));
        let s = "It is not the first bank to fail this year .";
        assert!(has(s, "It | not is"), "{:#?}", read(s));
    }

    #[test]
    fn a_year_alone_is_no_subject() {
        let s = "The charity was set up in 1994 that trains young nurses .";
        assert!(!has(s, "1994 | trains"), "{:#?}", read(s));
        let s = "1994 was a hard year for the charity .";
        assert!(has(s, "1994 | was"), "{:#?}", read(s));
    }

    #[test]
    fn a_place_named_after_the_subjects_town_is_not_the_subject() {
        let s = "A mechanic in Lyon , France repaired forty old tractors for the farmers .";
        assert!(!has(s, "France | repaired"), "{:#?}", read(s));
        // An apposition to the subject's own head stands.
        let s = "One buyer , the state railway , ordered forty new trains .";
        assert!(
            !read(s).iter().any(|g| g.starts_with(" |")),
            "{:#?}",
            read(s)
        );
    }

    #[test]
    fn a_participle_read_as_an_adjective_is_no_verb() {
        let s = "The shares rose sharply , following soaring copper prices in Chile .";
        assert!(
            !read(s)
                .iter()
                .any(|g| g.ends_with("soaring") && !g.starts_with(" |")),
            "{:#?}",
            read(s)
        );
    }

    #[test]
    fn a_relative_clause_on_a_noun_inside_the_antecedent_is_no_claim() {
        // The parse hangs the relative clause on "a clash"; the grammar's antecedent holds
        // the whole clause before it.
        let s = "Police arrested nine protesters in a clash that took place near the harbour .";
        let wrong =
            |g: &String| g.ends_with("| took") && !g.starts_with(" |") && !g.starts_with("a clash");
        assert!(!read(s).iter().any(wrong), "{:#?}", read(s));
    }

    #[test]
    fn an_infinitive_of_a_noun_has_no_subject_from_the_clause_around_it() {
        let s = "The fair was designed to give young designers a place to show their work .";
        assert!(!has(s, "The fair | show"), "{:#?}", read(s));
        let s = "She moved to Porto to become a teacher .";
        assert!(has(s, "She | become"), "{:#?}", read(s));
    }

    #[test]
    fn none_of_is_a_negation_of_the_rest() {
        let s = "None of the prisoners were charged with any crime .";
        assert!(has(s, "the prisoners | not charged"), "{:#?}", read(s));
    }

    #[test]
    fn a_negative_determiner_negates_the_verb() {
        let s = "No charges have been brought against the harbour master .";
        assert!(has(s, "charges | not brought"), "{:#?}", read(s));
        let s = "No formal complaint or lawsuit was filed against the school board .";
        assert!(
            has(s, "formal complaint or lawsuit | not filed"),
            "{:#?}",
            read(s)
        );
        let s = "No-one on the ferry was hurt in the collision .";
        assert!(
            !read(s).iter().any(|g| g.contains("| not")),
            "{:#?}",
            read(s)
        );
        // Bounds and small amounts are no denial: the clause is not read as negated.
        let s = "There was little or no warning from the weather office .";
        assert!(
            !read(s).iter().any(|g| g.contains("| not")),
            "{:#?}",
            read(s)
        );
        // A capitalised "No" after a word names a side of a vote.
        let s = "The No campaigners held a rally in the square .";
        assert!(
            !read(s).iter().any(|g| g.contains("| not")),
            "{:#?}",
            read(s)
        );
        let s = "No fewer than forty farmers signed the letter .";
        assert!(
            !read(s).iter().any(|g| g.contains("not signed")),
            "{:#?}",
            read(s)
        );
    }

    #[test]
    fn a_subject_that_is_only_a_negative_pronoun_keeps_its_words() {
        for (s, want) in [
            (
                "Nobody was injured in the fire at the bakery .",
                "Nobody | injured",
            ),
            ("Nothing was stolen from the museum .", "Nothing | stolen"),
        ] {
            assert!(has(s, want), "{s}: {:#?}", read(s));
        }
    }

    #[test]
    fn a_year_before_a_name_is_the_datelines() {
        let s = "March 3 , 2004 Kelmar is closing its mines .";
        assert!(has(s, "Kelmar | closing"), "{:#?}", read(s));
    }

    #[test]
    fn a_restrictive_relative_clause_stays_with_its_subject_or_no_claim() {
        let s = "Tenants who rent basement flats must register with the council .";
        assert!(
            has(s, "Tenants who rent basement flats | register"),
            "{:#?}",
            read(s)
        );
        // The relative clause's own verb keeps the bare antecedent.
        assert!(has(s, "Tenants | rent"), "{:#?}", read(s));
        // Too long to keep: the main verb's reading has no subject.
        let s = "Families that moved into the new flats beside the old river port during the long \
                 cold winter of the great flood received grants .";
        assert!(
            !read(s).iter().any(|g| g.starts_with("Families | received")),
            "{:#?}",
            read(s)
        );
        // A name is identified already.
        let s = "Kelmar Bank which owns the tower sold the land .";
        assert!(
            !read(s)
                .iter()
                .any(|g| g.contains("which owns the tower | sold")),
            "{:#?}",
            read(s)
        );
    }
}
