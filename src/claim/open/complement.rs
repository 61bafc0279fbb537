//! Whole objects: the complements a noun needs to mean what the sentence says ("their plan"
//! is not "their plan to close the mine"; "the war" is not "the war on drugs"), and the
//! objects that end cut ("married and", a quotation opened and never closed) or have lost their
//! noun ("a 10-year", "worth just", "meanwhile"), which are dropped rather than emitted as
//! fragments.
//!
//! A complement is attached only after a noun known to take it (an infinitive after
//! "intention", "decision", "right" ...; "on" after "ban", "war", "tax" ...) and stays
//! bounded: the infinitive's verb with its own object or one prepositional phrase, the
//! preposition's noun phrase, and nothing past a comma, a subordinator or a finite verb.

use super::{np_at, Tok};

/// Nouns (lemmas) whose meaning needs the "to"-infinitive after them ("their intention to
/// leave", "the right to vote").
const INFINITIVE_NOUNS: &[&str] = &[
    "ability",
    "agreement",
    "amendment",
    "attempt",
    "authority",
    "bid",
    "bill",
    "call",
    "campaign",
    "capacity",
    "chance",
    "commitment",
    "conspiracy",
    "contract",
    "deadline",
    "deal",
    "decision",
    "demand",
    "desire",
    "determination",
    "drive",
    "duty",
    "effort",
    "failure",
    "fund",
    "incentive",
    "initiative",
    "intention",
    "law",
    "legislation",
    "licence",
    "license",
    "mandate",
    "measure",
    "mechanism",
    "mission",
    "motion",
    "move",
    "need",
    "obligation",
    "offer",
    "opportunity",
    "order",
    "permission",
    "petition",
    "plan",
    "plea",
    "pledge",
    "power",
    "program",
    "programme",
    "promise",
    "proposal",
    "readiness",
    "reason",
    "refusal",
    "request",
    "resolution",
    "responsibility",
    "right",
    "scheme",
    "strategy",
    "tendency",
    "threat",
    "vote",
    "willingness",
    "wish",
];

/// Nouns of stance or movement whose "toward(s)" phrase says toward what.
const TOWARD_NOUNS: &[&str] = &[
    "approach",
    "attitude",
    "gesture",
    "hostility",
    "policy",
    "progress",
    "step",
];

/// Nouns (lemmas) and the prepositions whose phrase completes them ("a ban on exports",
/// "support for the plan", "the case against him", "control over the port").
const PREPOSITION_NOUNS: &[(&str, &[&str])] = &[
    (
        "on",
        &[
            "agreement",
            "argument",
            "assault",
            "attack",
            "ban",
            "briefing",
            "cap",
            "clampdown",
            "compromise",
            "consensus",
            "crackdown",
            "curb",
            "deal",
            "debate",
            "decision",
            "dependence",
            "dependency",
            "duty",
            "effect",
            "embargo",
            "emphasis",
            "freeze",
            "grip",
            "guidance",
            "hearing",
            "impact",
            "influence",
            "information",
            "law",
            "legislation",
            "levy",
            "lid",
            "limit",
            "monopoly",
            "moratorium",
            "negotiation",
            "patent",
            "policy",
            "pressure",
            "progress",
            "raid",
            "referendum",
            "regulation",
            "reliance",
            "report",
            "restriction",
            "ruling",
            "sanction",
            "stance",
            "statement",
            "study",
            "talk",
            "tariff",
            "tax",
            "verdict",
            "veto",
            "view",
            "vote",
            "war",
        ],
    ),
    (
        "for",
        &[
            "aid",
            "appeal",
            "application",
            "approval",
            "basis",
            "bid",
            "bidder",
            "blueprint",
            "budget",
            "call",
            "campaign",
            "candidacy",
            "candidate",
            "compensation",
            "consent",
            "contender",
            "contract",
            "criticism",
            "cure",
            "deadline",
            "deal",
            "demand",
            "forecast",
            "framework",
            "funding",
            "ground",
            "licence",
            "license",
            "mandate",
            "manifesto",
            "market",
            "need",
            "nomination",
            "nominee",
            "order",
            "outlook",
            "penalty",
            "permission",
            "plan",
            "praise",
            "preparation",
            "prize",
            "proposal",
            "prospect",
            "punishment",
            "reason",
            "respect",
            "responsibility",
            "roadmap",
            "search",
            "support",
            "sympathy",
            "target",
            "tender",
            "timetable",
            "treatment",
            "vaccine",
            "warrant",
        ],
    ),
    (
        "against",
        &[
            "accusation",
            "action",
            "allegation",
            "attack",
            "boycott",
            "campaign",
            "case",
            "charge",
            "complaint",
            "crime",
            "defence",
            "defense",
            "discrimination",
            "fight",
            "immunity",
            "insurance",
            "lawsuit",
            "measure",
            "offensive",
            "protection",
            "protest",
            "raid",
            "ruling",
            "safeguard",
            "sanction",
            "strike",
            "verdict",
            "veto",
            "violence",
            "vote",
            "war",
        ],
    ),
    // "in" says where only after a noun of share, change or part: the phrase names what
    // it is a share of or a change in ("a stake in the bank", "a sharp drop in sales"); a
    // named place after it is the verb's (see `needed`).
    (
        "in",
        &[
            "confidence",
            "cut",
            "decline",
            "decrease",
            "drop",
            "fall",
            "faith",
            "growth",
            "increase",
            "interest",
            "investment",
            "involvement",
            "participation",
            "reduction",
            "rise",
            "role",
            "share",
            "stake",
            "surge",
            "trust",
        ],
    ),
    // "with" after a noun of meeting or agreement names the other side ("talks with the
    // union", "a deal with the bank").
    (
        "with",
        &[
            "agreement",
            "alliance",
            "ceasefire",
            "clash",
            "conflict",
            "contact",
            "cooperation",
            "deal",
            "dispute",
            "merger",
            "negotiation",
            "partnership",
            "relation",
            "talk",
            "tie",
            "treaty",
            "truce",
        ],
    ),
    ("into", &["inquiry", "investigation", "probe"]),
    ("toward", TOWARD_NOUNS),
    ("towards", TOWARD_NOUNS),
    ("over", &["authority", "control", "sovereignty"]),
    (
        "to",
        &[
            "access",
            "accession",
            "addition",
            "adherence",
            "allegiance",
            "alternative",
            "amendment",
            "answer",
            "apology",
            "approach",
            "assistance",
            "attention",
            "barrier",
            "blow",
            "boost",
            "challenge",
            "change",
            "claim",
            "commitment",
            "condolence",
            "connection",
            "contribution",
            "cut",
            "damage",
            "danger",
            "donation",
            "end",
            "entrance",
            "exception",
            "exposure",
            "improvement",
            "invitation",
            "journey",
            "key",
            "letter",
            "link",
            "loan",
            "message",
            "objection",
            "obstacle",
            "opposition",
            "ratification",
            "reference",
            "resistance",
            "response",
            "return",
            "right",
            "risk",
            "solution",
            "successor",
            "threat",
            "transition",
            "tribute",
            "trip",
            "visit",
        ],
    ),
];

/// Nouns of dispute or feeling whose "over" phrase says what about ("concern over the plan",
/// "a row over pay"); read only once the parse has had its say (see [`complement_after`]),
/// which keeps the whole phrase where the parse hangs it on the noun ("concern over tensions
/// in Kelmar").
const OVER_NOUNS: &[&str] = &[
    "anger",
    "clash",
    "complaint",
    "concern",
    "controversy",
    "criticism",
    "disagreement",
    "dismay",
    "dispute",
    "doubt",
    "feud",
    "fear",
    "impasse",
    "outrage",
    "regret",
    "row",
    "stalemate",
    "suspicion",
    "tension",
    "uncertainty",
    "worry",
];

/// Nouns of saying, asking or feeling whose "about" phrase says what about ("questions about
/// the budget", "doubts about the deal"); read like [`OVER_NOUNS`].
const ABOUT_NOUNS: &[&str] = &[
    "claim",
    "comment",
    "complaint",
    "concern",
    "detail",
    "doubt",
    "fear",
    "feeling",
    "information",
    "prediction",
    "question",
    "remark",
    "reservation",
    "rumor",
    "rumour",
    "speculation",
    "statement",
    "warning",
    "worry",
];

/// Units of distance: "20 km from the border" keeps where it is measured from.
const DISTANCES: &[&str] = &[
    "mile",
    "kilometre",
    "kilometer",
    "km",
    "metre",
    "meter",
    "yard",
    "foot",
];

/// Words that open a measured distance's reference point ("20 km north of the town").
const DISTANCE_LINKS: &[&str] = &[
    "from",
    "of",
    "outside",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Most words a complement may add to an object.
const MAX_COMPLEMENT: usize = 12;

/// Verbs whose object an infinitive may follow as the verb's own complement ("asked the
/// board to resign", "allowed the deal to go ahead"): after them the infinitive is not the
/// noun's.
const CONTROL_VERBS: &[&str] = &[
    "allow",
    "ask",
    "cause",
    "enable",
    "encourage",
    "expect",
    "force",
    "get",
    "help",
    "invite",
    "lead",
    "order",
    "permit",
    "persuade",
    "require",
    "tell",
    "urge",
    "want",
];

/// Verbs that take the object and then a phrase of their own with the preposition a noun
/// could also take ("blamed the attacks on the rebels" is not about attacks on the rebels).
const VERB_PREPOSITIONS: &[(&str, &str)] = &[
    ("blame", "on"),
    ("focus", "on"),
    ("spend", "on"),
    ("bring", "to"),
    ("move", "to"),
    ("present", "to"),
    ("send", "to"),
    ("submit", "to"),
    ("take", "to"),
    ("thank", "for"),
    ("blame", "for"),
    ("criticise", "for"),
    ("criticize", "for"),
    ("praise", "for"),
    ("pay", "for"),
];

/// Plural nouns that keep their infinitive ("plans to expand"); other plurals ("the
/// authorities to act") more often take a verb's infinitive.
const PLURAL_INFINITIVE: &[&str] = &["plan", "effort", "attempt", "right"];

/// Whether the noun `t`, the object of `verb` (a lemma), means what the sentence says only
/// with the "to"-infinitive after it ("a tendency to slide", "the power to veto"), one the verb
/// does not take itself ("urged the council to act").
pub(crate) fn noun_takes_infinitive(t: &Tok, verb: &str) -> bool {
    t.mention.is_none()
        && INFINITIVE_NOUNS.contains(&t.lemma.as_str())
        && (t.is("NN") || PLURAL_INFINITIVE.contains(&t.lemma.as_str()))
        && !Verb(verb).takes_infinitive()
}

/// What the verb (a lemma) leaves to itself after its object: an infinitive
/// ([`CONTROL_VERBS`]) or a preposition ([`VERB_PREPOSITIONS`]).
#[derive(Clone, Copy)]
pub(super) struct Verb<'a>(pub(super) &'a str);

impl Verb<'_> {
    fn takes_infinitive(self) -> bool {
        CONTROL_VERBS.contains(&self.0)
    }
    fn takes(self, prep: &str) -> bool {
        VERB_PREPOSITIONS
            .iter()
            .any(|&(v, p)| v == self.0 && p == prep)
    }
}

/// The end of the object `start..end` (head `head`) with the complement its head noun needs,
/// or `end` when it needs none or the complement is not a bounded phrase. What the object's
/// `verb` takes itself (an infinitive after "asked", "on" after "blamed") is left to it.
pub(super) fn complete(toks: &[Tok], head: usize, end: usize, verb: Verb) -> usize {
    let Some(h) = toks.get(head) else {
        return end;
    };
    if end >= toks.len() {
        return end;
    }
    let got = match needed(toks, head, end, verb, false) {
        Some(Needed::Infinitive(to)) => infinitive(toks, to),
        // A possessor cut from its noun ("the entrance to Dorn district | 's office") is left
        // to the parse.
        Some(Needed::Preposition) => untimed_np(toks, end + 1)
            .filter(|&e| !possessor(toks, e) && !clause_after(toks, e))
            .filter(|&e| !way_clause(toks, end + 1, e)),
        None => None,
    };
    let got = if got.is_some() {
        got
    } else if DISTANCES.contains(&h.lemma.as_str()) && toks[end - 1].is_noun() {
        distance(toks, end)
    } else {
        None
    };
    match got {
        Some(e) if e > end && bounded(toks, end, e) => e,
        _ => end,
    }
}

/// Whether the complement over `end..e` is short enough to keep: at most [`MAX_COMPLEMENT`]
/// words, counted after a maker's short "by" phrase ("an offer by the union | to ...").
fn bounded(toks: &[Tok], end: usize, e: usize) -> bool {
    let from = agent_then_infinitive(toks, end).unwrap_or(end);
    e > from && e - from <= MAX_COMPLEMENT
}

/// The complement a noun needs that opens after it.
enum Needed {
    /// The infinitive whose "to" is here ("their decision (not) to leave").
    Infinitive(usize),
    /// The phrase of the preposition right after the noun ("a ban on exports").
    Preposition,
}

/// The complement that the noun at `head`, the object of `verb`, needs and that opens at
/// `end`: an infinitive ("their decision to leave", "the decision not to run") or a listed
/// preposition with its noun phrase ("a ban on exports", "concern over the plan"), unless the
/// verb takes it itself or the phrase is a time or an amount ("a deal for two years", "concern
/// over the weekend", "about 50").
fn needed(toks: &[Tok], head: usize, end: usize, verb: Verb, late: bool) -> Option<Needed> {
    let h = toks.get(head)?;
    let next = toks.get(end)?;
    // "in order to", "in connection with": a connective, no noun taking a complement.
    let idiom = head > 0 && toks[head - 1].lower == "in" && IN_IDIOMS.contains(&h.lower.as_str());
    if !h.is_noun() || h.mention.is_some() || idiom {
        return None;
    }
    // "amended the bill | to ease concerns": a known document or scheme's infinitive more
    // often says why the verb was done; "a bill to cap rents" says what the bill does.
    let known = PURPOSE_NOUNS.contains(&h.lemma.as_str()) && definite(toks, head);
    let takes_infinitive = INFINITIVE_NOUNS.contains(&h.lemma.as_str())
        && (h.is("NN") || PLURAL_INFINITIVE.contains(&h.lemma.as_str()))
        && !known;
    // "the decision not to run": the negation opens the noun's infinitive.
    let to = if next.lower == "not" { end + 1 } else { end };
    // "to" + a verb ("a campaign to win"), not + a noun phrase ("a campaign to Congress").
    let verb_after = (to + 1..toks.len())
        .find(|&k| !toks[k].is("RB"))
        .is_some_and(|k| toks[k].is("VB"));
    let opens = toks.get(to).is_some_and(|t| t.lower == "to") && verb_after;
    if opens && takes_infinitive && !verb.takes_infinitive() {
        return Some(Needed::Infinitive(to));
    }
    // "a plan by the ministry to cut fees": the maker's "by" phrase before the infinitive,
    // once the parse has had its say (it may hang more on the infinitive).
    if let Some(to) = agent_then_infinitive(toks, end).filter(|_| takes_infinitive && late) {
        return (!verb.takes_infinitive()).then_some(Needed::Infinitive(to));
    }
    // "over 2,000", "about $5": an amount's bound, no complement.
    let amount = matches!(next.lower.as_str(), "over" | "about")
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is("CD") || t.text == "$");
    // A noun phrase after the preposition ("questions about whether ..." is left alone), and
    // no time ("concern over the past year").
    let untimed =
        untimed_np(toks, end + 1).is_some_and(|e| next.lower != "on" || !medium(toks, end + 1, e));
    let late_noun = |nouns: &[&str]| late && nouns.contains(&h.lemma.as_str());
    let listed = takes_preposition(&h.lemma, &next.lower)
        || (next.lower == "over" && late_noun(OVER_NOUNS))
        || (next.lower == "about" && late_noun(ABOUT_NOUNS));
    let preposition = listed && !verb.takes(&next.lower) && !place_or_fixed(toks, end);
    (preposition && !amount && untimed).then_some(Needed::Preposition)
}

/// For a noun followed at `by` by its maker ("an offer by the union to ...", "a plan by
/// Ana Ruiz not to ..."): the "to" of the infinitive right after that short noun phrase (at
/// most five words, no amount or time), when a verb follows it.
fn agent_then_infinitive(toks: &[Tok], by: usize) -> Option<usize> {
    if toks.get(by)?.lower != "by" {
        return None;
    }
    let e = untimed_np(toks, by + 1)?;
    let np = toks.get(by + 1..e)?;
    let agent = np.len() <= 5
        && np.iter().all(|t| !t.is("CD") && !t.is("PRP"))
        && np
            .last()
            .is_some_and(|t| t.is_noun() || t.mention.is_some());
    let to = if toks.get(e)?.lower == "not" {
        e + 1
    } else {
        e
    };
    let verb_after = toks.get(to + 1).is_some_and(|t| t.is("VB"));
    (agent && toks.get(to)?.lower == "to" && verb_after).then_some(to)
}

/// For an object over `start..end` that ends on the maker's "by" phrase of its noun needing
/// an infinitive, as the parse hung it ("an offer by the union | to end the strike"): the
/// infinitive's "to".
fn after_agent(toks: &[Tok], start: usize, end: usize, verb: &str) -> Option<usize> {
    let by = (end.saturating_sub(6).max(start + 1)..end)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| t.lower == "by"))?;
    let noun = toks.get(by.checked_sub(1)?)?;
    let to = agent_then_infinitive(toks, by)?;
    let right_after = to == end || (to == end + 1 && toks[end].lower == "not");
    (right_after && noun_takes_infinitive(noun, verb)).then_some(to)
}

/// Nouns that after "in" open a connective ("in connection with", "in response to").
const IN_IDIOMS: &[&str] = &[
    "order",
    "connection",
    "addition",
    "relation",
    "regard",
    "reference",
];

/// Nouns of [`INFINITIVE_NOUNS`] naming a document, fund or scheme: their infinitive may be
/// the verb's purpose, so they keep it only when the phrase introduces them ("a fund to").
const PURPOSE_NOUNS: &[&str] = &[
    "amendment",
    "bill",
    "contract",
    "fund",
    "measure",
    "mechanism",
    "petition",
    "program",
    "programme",
    "scheme",
];

/// Whether the noun at `head` follows "the", "this" or "that" across its modifiers.
fn definite(toks: &[Tok], head: usize) -> bool {
    let det = (0..head)
        .rev()
        .find(|&k| !matches!(toks[k].tag, "JJ" | "NN" | "NNS" | "VBN" | "CD"));
    det.is_some_and(|k| matches!(toks[k].lower.as_str(), "the" | "this" | "that"))
}

/// Whether the "in" at `at` says where or opens a fixed phrase rather than what a noun of
/// share or change is of: a name ends its phrase ("a drop in Kelmar" is where), or a bare
/// noun before a preposition opens a connective ("a rise in response to ...", "cuts in
/// order to ...").
fn place_or_fixed(toks: &[Tok], at: usize) -> bool {
    if toks.get(at).is_none_or(|t| t.lower != "in") {
        return false;
    }
    let fixed = toks.get(at + 1).is_some_and(|t| t.is("NN"))
        && toks.get(at + 2).is_some_and(|t| t.is("IN") || t.is("TO"));
    let named = np_at(toks, at + 1, toks.len())
        .is_some_and(|e| e > at + 1 && toks[e - 1].mention.is_some());
    fixed || named
}

/// The end of the noun phrase at `at` when it does not end on a time ("the plan", not "the
/// next two years").
/// Words that place a date in time ("last May", "mid-June", "early March").
const DATE_MODIFIERS: &[&str] = &[
    "last", "next", "this", "early", "late", "mid", "past", "coming",
];

/// Whether `t` names a date: a weekday, a month or a year ("Friday", "March", "2004").
fn is_date_word(t: &Tok) -> bool {
    crate::lexicon::is_month_or_day(&t.lower)
        || (t.is("CD")
            && t.text.len() == 4
            && t.text.starts_with(['1', '2'])
            && t.text.chars().all(|c| c.is_ascii_digit()))
}

/// The end of the noun phrase at `at` without the date it ends on ("attacks on the port
/// Friday" is about the port), or `None` when it is a time ("the next two years", "Friday",
/// "5 March").
fn untimed_np(toks: &[Tok], at: usize) -> Option<usize> {
    let mut e = np_at(toks, at, toks.len())?;
    // "March 5", "5 March", "Friday": the date words (and a day's number) at the end.
    let dated = e;
    while e > at
        && (is_date_word(&toks[e - 1])
            || (toks[e - 1].is("CD") && e - 1 > at && is_date_word(&toks[e - 2])))
    {
        e -= 1;
    }
    // "last May", "in mid-June": what placed the date in time goes with it.
    while e < dated
        && e > at
        && (toks[e - 1].text == "-"
            || DATE_MODIFIERS.contains(&toks[e - 1].lower.trim_end_matches('-')))
    {
        e -= 1;
    }
    // "the elections of | 2004": no word left hanging before the date.
    while e > at && matches!(toks[e - 1].tag, "IN" | "DT" | "CC" | "TO" | "POS") {
        e -= 1;
    }
    let content = toks[at..e]
        .iter()
        .any(|t| (t.is_noun() || t.mention.is_some()) && !is_date_word(t) && !t.is("CD"));
    let last_time = toks.get(e.wrapping_sub(1)).is_none_or(|t| {
        crate::lexicon::TIME_NOUNS.contains(&t.lemma.as_str())
            || matches!(t.lemma.as_str(), "time" | "decade" | "hour" | "day")
    });
    (content && !last_time).then_some(e)
}

/// Words of where or how something is said or done, which an "on" phrase names rather than a
/// topic ("a statement on its website", "comments on condition of anonymity").
const MEDIA: &[&str] = &[
    "air",
    "basis",
    "behalf",
    "blog",
    "camera",
    "condition",
    "ground",
    "internet",
    "line",
    "page",
    "radio",
    "record",
    "site",
    "tape",
    "television",
    "tv",
    "web",
    "website",
];

/// Whether the phrase `s..e` after "on" holds a word of [`MEDIA`].
fn medium(toks: &[Tok], s: usize, e: usize) -> bool {
    toks.get(s..e)
        .is_some_and(|w| w.iter().any(|t| MEDIA.contains(&t.lemma.as_str())))
}

/// The complement still missing after the object ending at `end`, whose last word is the noun
/// at `end - 1`, once the parse has joined what it hangs on the object: `None` when the noun
/// needs none there (see [`needed`], with [`OVER_NOUNS`] and [`ABOUT_NOUNS`] too), else its
/// end, or `Some(None)` when it cannot be bounded and the clause would mislead ("reversed |
/// his decision" of "his decision not to run, announced ...").
pub(crate) fn complement_after(
    toks: &[Tok],
    start: usize,
    end: usize,
    verb: &str,
) -> Option<Option<usize>> {
    let head = end.checked_sub(1)?;
    // "a row over who should pay": a clause, not a phrase the object can hold.
    let wh = toks
        .get(end + 1)
        .is_some_and(|t| matches!(t.tag, "WP" | "WDT" | "WRB"));
    if wh {
        return None;
    }
    if let Some(got) = of_gerund(toks, head, end, verb) {
        return Some(got.filter(|&e| !runs_on(toks, e)));
    }
    if let Some(to) = after_agent(toks, start, end, verb) {
        let got = infinitive(toks, to).filter(|&e| e > to && e - to <= MAX_COMPLEMENT);
        return Some(got.filter(|&e| !runs_on(toks, e) && !clause_after(toks, e)));
    }
    let needs = needed(toks, head, end, Verb(verb), true)?;
    let got = match needs {
        Needed::Infinitive(to) => infinitive(toks, to),
        Needed::Preposition => untimed_np(toks, end + 1).filter(|&e| !way_clause(toks, end + 1, e)),
    };
    let got = got.filter(|&e| e > end && bounded(toks, end, e));
    let Some(e) = got else {
        return Some(None);
    };
    // A verb inside a preposition's phrase: the words run into a clause of their own
    // ("against X and also blamed Y"), no complement to read.
    let verb_inside = toks[end..e]
        .iter()
        .any(|t| matches!(t.tag, "VB" | "VBD" | "VBN" | "VBZ" | "VBP" | "MD"));
    if verb_inside && matches!(needs, Needed::Preposition) {
        return None;
    }
    Some((!runs_on(toks, e) && !clause_after(toks, e)).then_some(e))
}

/// Verbs whose own "of" phrase follows the object ("accused the firm of hiding losses").
const OF_VERBS: &[&str] = &[
    "accuse", "acquit", "clear", "convict", "deprive", "inform", "notify", "relieve", "remind",
    "rob", "suspect", "warn",
];

/// "the possibility of sending troops", "the risk of losing the seat": an "of" + gerund
/// right after a common noun says what the noun is about. `None` when none opens there or
/// the verb takes it; else its end, or `Some(None)` when it cannot be bounded (at most
/// [`MAX_COMPLEMENT`] words: the gerund with its particle and object or one prepositional
/// phrase, as for an infinitive).
fn of_gerund(toks: &[Tok], head: usize, end: usize, verb: &str) -> Option<Option<usize>> {
    let h = toks.get(head)?;
    let opens = toks.get(end)?.lower == "of" && toks.get(end + 1)?.is("VBG");
    if !opens || !matches!(h.tag, "NN" | "NNS") || h.mention.is_some() || OF_VERBS.contains(&verb) {
        return None;
    }
    // The gerund read as an infinitive's verb: "of sending in the navy" as "to send in ...".
    let mut k = end + 2;
    if toks
        .get(k)
        .is_some_and(|t| t.is("RP") || matches!(t.lower.as_str(), "ahead" | "back" | "away"))
    {
        k += 1;
    }
    let got = np_at(toks, k, toks.len()).or_else(|| {
        let prep = toks
            .get(k)
            .is_some_and(|t| t.is("IN") && !super::is_subordinator(&t.lower) && t.lower != "that");
        if prep {
            np_at(toks, k + 1, toks.len())
        } else {
            None
        }
    });
    Some(got.filter(|&e| e - end <= MAX_COMPLEMENT))
}

/// Whether the phrase ending at `e` goes on past it: a noun, number, adjective or possessive
/// follows, a coordinator before another noun phrase ("the march | or the rally"), or a finite
/// verb whose subject or reduced relative it is ("a statement on comments the mayor | made").
fn runs_on(toks: &[Tok], e: usize) -> bool {
    let Some(next) = toks.get(e) else {
        return false;
    };
    let nominal = |t: &Tok| {
        t.mention.is_some()
            || matches!(
                t.tag,
                "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "JJ" | "POS" | "DT" | "PRP$" | "PRP"
            )
    };
    // "last May", "mid- June": a date modifier before its date.
    let dated = DATE_MODIFIERS.contains(&next.lower.trim_end_matches('-'))
        && toks.get(e + 1).is_some_and(is_date_word);
    if is_date_word(next) || dated {
        // "the attacks on the port | Friday": a date of the verb's.
        return false;
    }
    let finite = matches!(next.tag, "VBD" | "VBZ" | "VBP" | "MD");
    nominal(next)
        || finite
        || possessor(toks, e)
        || (next.is("CC") && toks.get(e + 1).is_some_and(nominal))
}

/// Whether the word at `e` is a possessor the phrase ending there was cut from ("to Dorn
/// district 's office"), however it is tagged.
fn possessor(toks: &[Tok], e: usize) -> bool {
    toks.get(e)
        .is_some_and(|t| t.tag == "VB" || toks.get(e + 1).is_some_and(|n| n.is("POS")))
}

/// Whether `noun` (a lemma) takes a phrase opened by `prep`.
fn takes_preposition(noun: &str, prep: &str) -> bool {
    PREPOSITION_NOUNS
        .iter()
        .any(|(p, nouns)| *p == prep && nouns.contains(&noun))
}

/// "to stop the hunt", "to withdraw from the region", "to vote": the end of the infinitive
/// phrase at `to`, with the verb's object or else one prepositional phrase.
fn infinitive(toks: &[Tok], to: usize) -> Option<usize> {
    let mut k = to + 1;
    while toks.get(k).is_some_and(|t| t.is("RB")) {
        k += 1;
    }
    if !toks.get(k)?.is("VB") {
        return None;
    }
    k += 1;
    // "to go ahead with", "to step down".
    if toks
        .get(k)
        .is_some_and(|t| t.is("RP") || matches!(t.lower.as_str(), "ahead" | "back" | "away"))
    {
        k += 1;
    }
    // "to ensure suppliers | comply ...": a verb of [`CLAUSE_VERBS`] opens a clause unless
    // its noun phrase ends the sentence's part.
    let clause_verb = CLAUSE_VERBS.contains(&toks[k - 1].lemma.as_str());
    if let Some(e) = np_at(toks, k, toks.len()) {
        let bounded = toks.get(e).is_none_or(|t| {
            matches!(t.text.as_str(), "." | "," | ";" | ":") || matches!(t.tag, "CC" | "IN" | "TO")
        });
        if clause_verb && !bounded {
            return None;
        }
        // "a bill to give | voters a say": a second object follows, the phrase is not bounded;
        // an adjective only when a noun follows it ("new powers", not "due to testify").
        let second = toks.get(e).is_some_and(|t| {
            let noun_after = toks.get(e + 1).is_some_and(|n| n.is("NN") || n.is("NNS"));
            t.mention.is_none()
                && (matches!(t.tag, "DT" | "PRP$" | "NN" | "NNS" | "CD")
                    || t.is("JJ") && noun_after)
        });
        return (!second && !clause_after(toks, e)).then_some(e);
    }
    // "to reduce spending": a gerund as the object.
    if toks.get(k).is_some_and(|t| t.is("VBG")) {
        return Some(k + 1);
    }
    let prep = toks
        .get(k)
        .is_some_and(|t| t.is("IN") && !super::is_subordinator(&t.lower) && t.lower != "that");
    if prep {
        if let Some(e) = np_at(toks, k + 1, toks.len()) {
            return (!clause_after(toks, e) && !way_clause(toks, k + 1, e)).then_some(e);
        }
    }
    // A clause boundary (or nothing) after the verb: "the right to vote".
    let boundary = toks
        .get(k)
        .is_none_or(|t| matches!(t.text.as_str(), "." | "," | ";" | ":") || t.is("CC"));
    boundary.then_some(k)
}

/// Verbs whose object is often a clause without "that" ("to ensure suppliers comply").
const CLAUSE_VERBS: &[&str] = &[
    "ensure",
    "guarantee",
    "insure",
    "mean",
    "prove",
    "say",
    "suggest",
];

/// Whether the noun phrase ending at `e` is the subject of a clause rather than a whole
/// object: a finite verb ("to ensure suppliers | adhere"), a bare verb or possessive 's
/// ("to allow firms | 's staff") follows, or a verb read as a noun after "and".
fn clause_after(toks: &[Tok], e: usize) -> bool {
    let finite = toks
        .get(e)
        .is_some_and(|t| matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD" | "POS"));
    // "changes to the process and fight | to keep ...": a verb read as a coordinated noun.
    let verb_coordinate = e >= 2
        && toks[e - 2].is("CC")
        && toks[e - 1].mention.is_none()
        && toks.get(e).is_some_and(|t| t.lower == "to")
        && toks.get(e + 1).is_some_and(|t| t.is("VB"));
    finite || verb_coordinate || possessor(toks, e)
}

/// Whether the phrase `s..e` names a way or manner that a clause describes ("the way
/// computers are run", "the way | we vote"): a noun after "way" inside it, or a clause's
/// subject after it.
fn way_clause(toks: &[Tok], s: usize, e: usize) -> bool {
    let Some(w) = (s..e).find(|&k| matches!(toks[k].lemma.as_str(), "way" | "manner")) else {
        return false;
    };
    let subject_after = toks.get(w + 1).is_some_and(|t| {
        t.mention.is_some()
            || matches!(t.tag, "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "DT" | "PRP$")
    });
    subject_after
}

/// "20 miles from the capital", "15 km north of the town": the reference point of a distance.
fn distance(toks: &[Tok], at: usize) -> Option<usize> {
    let first = toks.get(at)?;
    if !DISTANCE_LINKS.contains(&first.lower.as_str()) {
        return None;
    }
    let mut k = at + 1;
    if first.lower != "from" && first.lower != "of" && first.lower != "outside" {
        // A direction: "north of".
        if toks.get(k).is_none_or(|t| t.lower != "of") {
            return None;
        }
        k += 1;
    }
    np_at(toks, k, toks.len())
}

/// Whether the object `start..end` ends cut: a coordinator or determiner last, a comparative
/// alone ("closer" of "closer to the end") unless a copula joins it to the relation (`joins`),
/// or a quotation opened inside it and not closed.
pub(super) fn is_cut(toks: &[Tok], start: usize, end: usize, joins: bool) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| toks.get(k)) else {
        return false;
    };
    if start >= end {
        return false;
    }
    // A determiner last, after other words ("the"), not a demonstrative alone ("this").
    let determiner = (last.is("DT") && end > start + 1) || last.is("PRP$");
    if last.is("CC") || determiner {
        return true;
    }
    if headless(toks, start, end) {
        return true;
    }
    let comparative = matches!(last.tag, "JJR" | "RBR")
        || (last.lower.ends_with("er") && matches!(last.tag, "NN" | "RB" | "JJ"));
    let lone_comparative = !joins && end == start + 1 && comparative;
    if lone_comparative
        && toks
            .get(end)
            .is_some_and(|t| t.lower == "to" || t.lower == "than")
    {
        return true;
    }
    unclosed_quote(&toks[start..end]) && !closes_after(toks, end)
}

/// Adverbs that say how a clause goes on, never what it is about ("The league, meanwhile,
/// ..."): alone they are no object.
const DISCOURSE_ADVERBS: &[&str] = &[
    "meanwhile",
    "however",
    "also",
    "still",
    "instead",
    "though",
    "too",
    "nevertheless",
    "moreover",
    "furthermore",
    "therefore",
    "thus",
    "again",
    "already",
    "yet",
    "likewise",
    "otherwise",
    "accordingly",
    "further",
    "first",
    "last",
    "just",
    "only",
    "even",
];

/// Whether `word` (lower case) is an adverb that only says how a clause goes on
/// ([`DISCOURSE_ADVERBS`]): no object, nor a description in apposition.
pub(crate) fn is_discourse_adverb(word: &str) -> bool {
    DISCOURSE_ADVERBS.contains(&word)
}

/// Whether the object `start..end` has lost its noun: "a 10-year" (an article and modifiers
/// only, the noun past a comma), "worth just" (a modifier whose amount follows the cut),
/// "half" before a comma ("half, or 20 million, of the budget"), or discourse adverbs alone
/// ("meanwhile").
fn headless(toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(words) = toks.get(start..end).filter(|w| !w.is_empty()) else {
        return false;
    };
    let last = &words[words.len() - 1];
    let next = toks.get(end);
    // "a 10-year", "an unprecedented": an indefinite article leads, no noun or number follows.
    let modifier = |t: &Tok| {
        matches!(t.tag, "JJ" | "JJR" | "JJS" | "VBN" | "RB" | "HYPH")
            || (t.text.starts_with(|c: char| c.is_ascii_digit()) && t.text.contains('-'))
    };
    let indefinite = matches!(words[0].lower.as_str(), "a" | "an")
        && words.len() > 1
        && words[1..].iter().all(modifier)
        && next.is_none_or(|t| !t.tag.starts_with("NN") && t.tag != "CD");
    // "worth just | US$1 billion", "spend about | $5": the amount follows the cut.
    let amount_next = next.is_some_and(|t| t.tag == "CD" || t.tag == "$")
        || (next
            .is_some_and(|t| t.text.len() <= 3 && t.text.chars().all(|c| c.is_ascii_uppercase()))
            && toks.get(end + 1).is_some_and(|t| t.text == "$"));
    let bound_cut = amount_next && matches!(last.tag, "RB" | "JJ" | "IN");
    let fraction_cut = words.len() == 1
        && matches!(last.lower.as_str(), "half" | "third" | "quarter")
        && next.is_some_and(|t| t.text == ",");
    let adverbs = words
        .iter()
        .all(|t| DISCOURSE_ADVERBS.contains(&t.lower.as_str()));
    indefinite || bound_cut || fraction_cut || adverbs
}

/// The end of `start..end` taking in the quotation mark that closes a quotation opened inside
/// it, when that mark follows at once ('a "grave mistake"').
pub(super) fn close_quote(toks: &[Tok], start: usize, end: usize) -> usize {
    let closing = toks.get(end).is_some_and(|t| super::is_quote(&t.text));
    if closing && unclosed_quote(&toks[start..end]) {
        end + 1
    } else {
        end
    }
}

/// Whether a quotation mark closes right after `end`, past a punctuation mark ('"a grave
/// mistake."'): the object is the whole quoted phrase.
fn closes_after(toks: &[Tok], end: usize) -> bool {
    let quote = |k: usize| toks.get(k).is_some_and(|t| super::is_quote(&t.text));
    let stop = toks
        .get(end)
        .is_some_and(|t| matches!(t.text.as_str(), "." | "," | "!" | "?" | ";"));
    quote(end) || (stop && quote(end + 1))
}

/// Whether a quotation opens in `toks` and does not close there.
fn unclosed_quote(toks: &[Tok]) -> bool {
    let mut open = false;
    for t in toks {
        match t.text.as_str() {
            "\u{201c}" | "``" => open = true,
            "\u{201d}" | "''" => open = false,
            "\"" => open = !open,
            _ => {}
        }
    }
    open
}

/// "sells compressed natural gas", "cut 3,000 salaried jobs", "for armed groups": a past form
/// between a word that cannot end a subject and the noun it describes is an adjective, not
/// the verb of a clause. Retags such words `JJ`.
pub(super) fn repair_attributives(toks: &mut [Tok]) {
    for i in 1..toks.len() {
        if attributive(toks, i) {
            toks[i].tag = "JJ";
            toks[i].lemma = toks[i].lower.clone();
        }
    }
}

/// Whether token `i` is a past form used as an adjective before a noun.
fn attributive(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !matches!(t.tag, "VBD" | "VBN") || t.mention.is_some() || i == 0 {
        return false;
    }
    let common = |k: usize| {
        toks.get(k)
            .is_some_and(|n| matches!(n.tag, "NN" | "NNS") && n.mention.is_none())
    };
    let before_noun =
        common(i + 1) || (toks.get(i + 1).is_some_and(|n| n.is("JJ")) && common(i + 2));
    if !before_noun {
        return false;
    }
    let prev = &toks[i - 1];
    // "the compressed gas" (not "this raised concerns": a demonstrative may be a subject).
    let article =
        prev.is("DT") && !matches!(prev.lower.as_str(), "this" | "that" | "these" | "those");
    // "for armed groups" (not "that": "the firm that acquired rivals").
    let preposition = prev.is("IN") && prev.lower != "that" && !super::is_subordinator(&prev.lower);
    let after_verb = |v: &Tok| {
        v.tag.starts_with("VB")
            && !matches!(v.lemma.as_str(), "be" | "have" | "do" | "get")
            && !super::is_reporting(&v.lemma)
    };
    // "cut 3,000 salaried jobs": a number inside an object.
    let counted = prev.is("CD")
        && i >= 2
        && (toks[i - 2].is("IN") || after_verb(&toks[i - 2]))
        && !(prev.text.len() == 4 && prev.text.starts_with(['1', '2']));
    article || preposition || counted || after_verb(prev)
}

/// "A poll released this week shows ...": a past form right after a noun, followed only by a
/// time and then a finite verb, describes the noun (a reduced relative); it is no clause.
pub(super) fn reduced_relative(toks: &[Tok], start: usize, end: usize) -> bool {
    let first = &toks[start];
    if end != start + 1 || !matches!(first.tag, "VBD" | "VBN") || start == 0 {
        return false;
    }
    if !toks[start - 1].is_noun() {
        return false;
    }
    let Some(after) = time_after(toks, end) else {
        return false;
    };
    toks.get(after)
        .is_some_and(|t| matches!(t.tag, "VBZ" | "VBP" | "VBD" | "MD"))
}

/// The end of a time phrase at `at` ("this week", "on Monday", "last year"), if one is there.
fn time_after(toks: &[Tok], at: usize) -> Option<usize> {
    let mut k = at;
    if toks.get(k).is_some_and(|t| t.is("IN")) {
        k += 1;
    }
    let e = np_at(toks, k, toks.len())?;
    let timely = toks[k..e].iter().any(|t| super::is_temporal(&t.lower));
    timely.then_some(e)
}

/// The noun phrase a reduced relative describes, when `np` is the time after its participle
/// ("A poll released this week shows": the subject of "shows" is "A poll", not "this week").
pub(super) fn described(toks: &[Tok], np: &super::Phrase) -> Option<super::Phrase> {
    let mut v = np.start.checked_sub(1)?;
    if toks[v].is("IN") {
        v = v.checked_sub(1)?;
    }
    if !reduced_relative(toks, v, v + 1) || time_after(toks, v + 1) != Some(np.end) {
        return None;
    }
    super::np_ending_at(toks, v)
}

#[cfg(test)]
mod tests {
    use super::super::{join, read_words as read};
    use super::*;

    /// "subject | verb lemma | object" of each clause.
    fn show(sentence: &str) -> Vec<String> {
        let (toks, found) = read(sentence);
        let text =
            |p: Option<(usize, usize)>| p.map(|(a, b)| join(&toks, a, b)).unwrap_or_default();
        found
            .iter()
            .map(|c| {
                let subj = text(c.subject.as_ref().map(|p| (p.start, p.end)));
                let obj = text(c.object.as_ref().map(|a| (a.phrase.start, a.phrase.end)));
                format!("{subj} | {} | {obj}", c.verb.lemma)
            })
            .collect()
    }

    fn has(sentence: &str, want: &str) {
        let got = show(sentence);
        assert!(got.iter().any(|g| g == want), "{want:?} not in {got:#?}");
    }

    #[test]
    fn a_noun_keeps_the_infinitive_it_needs_but_not_a_control_verbs() {
        has(
            "The union announced its intention to end the strike .",
            "The union | announce | its intention to end the strike",
        );
        has(
            "The mayor has the right to veto budgets .",
            "The mayor | have | the right to veto budgets",
        );
        has(
            "The judge asked the authorities to release him .",
            "The judge | ask | the authorities",
        );
    }

    #[test]
    fn a_measure_or_scheme_keeps_the_infinitive_that_says_what_it_does() {
        has(
            "The council passed a measure to limit rents .",
            "The council | pass | a measure to limit rents",
        );
        has(
            "The firm signed a contract to supply the navy .",
            "The firm | sign | a contract to supply the navy",
        );
        let got = show("The mayor tabled a bill to give tenants a veto .");
        assert!(
            got.iter().all(|g| !g.ends_with("a bill to give tenants")),
            "{got:#?}"
        );
        has(
            "The ministry created a fund to rebuild schools .",
            "The ministry | create | a fund to rebuild schools",
        );
    }

    /// Whether no clause's object ends with `cut`.
    fn none_ends(sentence: &str, cut: &str) {
        let got = show(sentence);
        assert!(got.iter().all(|g| !g.ends_with(cut)), "{cut:?} in {got:#?}");
    }

    #[test]
    fn an_infinitive_or_to_phrase_cut_before_its_clause_is_not_kept() {
        // A finite verb, a possessive or a pronoun after the phrase: its noun opens a clause.
        none_ends(
            "The agency runs a scheme to ensure landlords repair damp homes .",
            "a scheme to ensure landlords",
        );
        none_ends(
            "The city launched a program to help the region 's farmers .",
            "a program to help the region",
        );
        none_ends(
            "The firm set up a fund to pay miner 's families .",
            "a fund to pay miner",
        );
        none_ends(
            "The board adopted a code to ensure managers always report losses .",
            "a code to ensure managers",
        );
        none_ends(
            "The board adopted a scheme to ensure staff report losses .",
            "a scheme to ensure staff",
        );
        has(
            "The charity launched a drive to ensure access to clean water .",
            "The charity | launch | a drive to ensure access",
        );
        none_ends(
            "The minister proposed changes to the way hospitals are funded .",
            "changes to the way hospitals",
        );
        none_ends(
            "The reform brings a change to the way we elect judges .",
            "a change to the way",
        );
        none_ends(
            "The party will seek changes to the tax process and fight to keep the subsidy .",
            "process and fight",
        );
        // An adjective before a noun is a second object; one before "to" is not.
        none_ends(
            "The mayor tabled a bill to give tenants new powers .",
            "a bill to give tenants",
        );
        has(
            "The panel criticised the city 's failure to protect a witness due to testify .",
            "The panel | criticise | the city 's failure to protect a witness",
        );
    }

    #[test]
    fn a_known_bill_leaves_its_infinitive_to_the_verb_and_connectives_stay_bare() {
        none_ends(
            "The senators amended the bill to win his support .",
            "the bill to win his support",
        );
        has(
            "The senators introduced a bill to cap rents .",
            "The senators | introduce | a bill to cap rents",
        );
        none_ends(
            "Three men were arrested in connection to the robbery .",
            "connection to the robbery",
        );
    }

    #[test]
    fn cuts_and_changes_keep_what_they_are_made_to() {
        has(
            "The governor ordered cuts to the transit budget .",
            "The governor | order | cuts to the transit budget",
        );
        has(
            "The board approved changes to the pension rules .",
            "The board | approve | changes to the pension rules",
        );
        has(
            "Officials described a risk to public health .",
            "Officials | describe | a risk to public health",
        );
    }

    #[test]
    fn a_noun_keeps_its_negated_infinitive_but_not_a_phrase_after_to() {
        has(
            "The union announced its decision not to strike .",
            "The union | announce | its decision not to strike",
        );
        // "to" + a noun phrase opens no infinitive: "a campaign to Congress" is no "campaign
        // to ...", and the grammar leaves it alone.
        let (toks, _) = read("The group launched a campaign to Congress .");
        let campaign = toks.iter().position(|t| t.lower == "campaign").unwrap_or(0);
        assert_eq!(
            complement_after(&toks, campaign, campaign + 1, "launch"),
            None
        );
        // "concern over the plan" is read once the parse has had its say; a time is not.
        let (toks, _) = read("The nurses raised concern over the new rota .");
        let concern = toks.iter().position(|t| t.lower == "concern").unwrap_or(0);
        assert_eq!(
            complement_after(&toks, concern, concern + 1, "raise"),
            Some(Some(concern + 5))
        );
        let (toks, _) = read("The nurses raised concern over the past year .");
        assert_eq!(complement_after(&toks, concern, concern + 1, "raise"), None);
    }

    #[test]
    fn a_preposition_the_verb_takes_is_not_the_nouns() {
        has(
            "The minister blamed the war on the rebels .",
            "The minister | blame | the war",
        );
    }

    #[test]
    fn a_noun_keeps_its_prepositional_complement_and_a_distance_its_origin() {
        has(
            "The council approved a ban on plastic bags in May .",
            "The council | approve | a ban on plastic bags",
        );
        has(
            "The rebels seized control over the northern port .",
            "The rebels | seize | control over the northern port",
        );
        has(
            "The village lies 30 miles from Denver .",
            "The village | lie | 30 miles from Denver",
        );
    }

    #[test]
    fn nouns_of_share_change_and_meeting_keep_their_phrase_but_not_a_connective() {
        let after = |sentence: &str, noun: &str, verb: &str| {
            let (toks, _) = read(sentence);
            let at = toks.iter().position(|t| t.lower == noun).unwrap_or(0);
            complement_after(&toks, at, at + 1, verb).map(|e| e.map(|e| join(&toks, at, e)))
        };
        let some = |s: &str| Some(Some(s.to_string()));
        assert_eq!(
            after(
                "The board reported a sharp drop in ticket sales .",
                "drop",
                "report"
            ),
            some("drop in ticket sales")
        );
        assert_eq!(
            after(
                "The pension fund holds a stake in the new harbour .",
                "stake",
                "hold"
            ),
            some("stake in the new harbour")
        );
        assert_eq!(
            after(
                "Ministers held talks with the striking dockers .",
                "talks",
                "hold"
            ),
            some("talks with the striking dockers")
        );
        assert_eq!(
            after(
                "The judge gave her verdict on the disputed farmland .",
                "verdict",
                "give"
            ),
            some("verdict on the disputed farmland")
        );
        assert_eq!(
            after(
                "The council renewed its mandate for the river patrol .",
                "mandate",
                "renew"
            ),
            some("mandate for the river patrol")
        );
        assert_eq!(
            after(
                "The storm dealt a blow to the fishing fleet .",
                "blow",
                "deal"
            ),
            some("blow to the fishing fleet")
        );
        // A date the phrase ends on stays the verb's, with its modifier.
        assert_eq!(
            after(
                "The city renewed its ties with the port in mid - June .",
                "ties",
                "renew"
            ),
            some("ties with the port")
        );
        assert_eq!(
            after(
                "The city renewed its ties with the port in mid- June .",
                "ties",
                "renew"
            ),
            some("ties with the port")
        );
        assert_eq!(
            after(
                "Rebels fought clashes with the army last May .",
                "clashes",
                "fight"
            ),
            some("clashes with the army")
        );
        // "in order to", "in response to": a connective, no complement.
        assert_eq!(
            after(
                "The mill announced cuts in order to save money .",
                "cuts",
                "announce"
            ),
            None
        );
        assert_eq!(
            after(
                "Fares saw a rise in response to the strike .",
                "rise",
                "see"
            ),
            None
        );
    }

    #[test]
    fn nouns_of_saying_deciding_and_reaching_keep_their_phrase_but_not_a_date_or_medium() {
        let after = |sentence: &str, noun: &str, verb: &str| {
            let (toks, _) = read(sentence);
            let at = toks.iter().position(|t| t.lower == noun).unwrap_or(0);
            complement_after(&toks, at, at + 1, verb).map(|e| e.map(|e| join(&toks, at, e)))
        };
        assert_eq!(
            after(
                "The panel heard arguments on the legality of the levy .",
                "arguments",
                "hear"
            ),
            Some(Some("arguments on the legality of the levy".to_string()))
        );
        assert_eq!(
            after(
                "The mayor signed the order for demolition .",
                "order",
                "sign"
            ),
            Some(Some("order for demolition".to_string()))
        );
        assert_eq!(
            after(
                "Guards stood at the entrance to the depot .",
                "entrance",
                "stand"
            ),
            Some(Some("entrance to the depot".to_string()))
        );
        assert_eq!(
            after(
                "The board issued a statement on Tuesday .",
                "statement",
                "issue"
            ),
            None
        );
        assert_eq!(
            after(
                "The board issued a statement on 4 March .",
                "statement",
                "issue"
            ),
            None
        );
        assert_eq!(
            after(
                "The board posted a statement on its website .",
                "statement",
                "post"
            ),
            None
        );
        assert_eq!(
            after(
                "The club took its objections to the league .",
                "objections",
                "take"
            ),
            None
        );
        assert_eq!(
            after(
                "The jets began attacks on the harbour Friday .",
                "attacks",
                "begin"
            ),
            Some(Some("attacks on the harbour".to_string()))
        );
        assert_eq!(
            after(
                "The board weighed the risk of losing the licence .",
                "risk",
                "weigh"
            ),
            Some(Some("risk of losing the licence".to_string()))
        );
        assert_eq!(
            after(
                "The board weighed the risk of losing what it had built .",
                "risk",
                "weigh"
            ),
            Some(None)
        );
        assert_eq!(
            after(
                "The union accused the board of hiding losses .",
                "board",
                "accuse"
            ),
            None
        );
    }

    #[test]
    fn objects_cut_short_are_completed_or_dropped() {
        // A coordinator joins the next verb, not the adjective.
        has(
            "Mr Brown was happy and went home .",
            "Mr Brown | be | happy",
        );
        // The closing quotation mark right after the phrase belongs to it.
        has(
            "The minister called the vote a \" grave mistake \" yesterday .",
            "The minister | call | the vote",
        );
        has(
            "The critics saw a \" grave mistake \" in the plan .",
            "The critics | see | a \" grave mistake \"",
        );
        // A quotation that goes on past the object: no object rather than a fragment.
        let got = show("The firm sold the \" best phone ever made \" last year .");
        assert!(got.iter().all(|g| !g.ends_with("best phone")), "{got:#?}");
    }

    #[test]
    fn an_object_without_its_noun_is_cut() {
        let cut = |sentence: &str, from: &str, to: &str| {
            let (toks, _) = read(sentence);
            let at = |w: &str| toks.iter().position(|t| t.lower == w).unwrap_or(0);
            is_cut(&toks, at(from), at(to) + 1, false)
        };
        assert!(cut(
            "The state agreed to a 15-year , $ 4 billion loan .",
            "a",
            "15-year"
        ));
        assert!(!cut("The state agreed to a 15-year loan .", "a", "loan"));
        assert!(cut(
            "The farm was worth just US $ 80,000 .",
            "worth",
            "just"
        ));
        assert!(cut(
            "They will spend half , or 20 million , of the fund .",
            "half",
            "half"
        ));
        assert!(!cut("Prices fell by half .", "half", "half"));
        assert!(cut(
            "The league , meanwhile , will meet .",
            "meanwhile",
            "meanwhile"
        ));
        assert!(!cut("The league helped the poor .", "the", "poor"));
    }

    #[test]
    fn a_lone_comparative_before_to_is_cut_unless_a_copula_joins_it() {
        let (toks, _) = read("The fears spread closer to the vote .");
        let k = toks.iter().position(|t| t.lower == "closer").unwrap_or(0);
        assert!(is_cut(&toks, k, k + 1, false));
        assert!(!is_cut(&toks, k, k + 1, true));
        let (toks, _) = read("The bill passed the house and the senate .");
        let and = toks.iter().position(|t| t.lower == "and").unwrap_or(0);
        assert!(is_cut(&toks, 3, and + 1, false));
        assert!(!is_cut(&toks, 3, and, false));
    }

    #[test]
    fn a_past_form_before_a_noun_is_an_adjective() {
        let got = show("The company will buy compressed natural gas .");
        assert!(got.iter().all(|g| !g.contains("| compress |")), "{got:#?}");
        has(
            "The company will buy compressed natural gas .",
            "The company | buy | compressed natural gas",
        );
        has(
            "The plant will cut 300 salaried jobs .",
            "The plant | cut | 300 salaried jobs",
        );
        // A demonstrative may be a subject: "this raised concerns" keeps its verb.
        let (toks, _) = read("This raised concerns .");
        assert_ne!(toks[1].tag, "JJ");
    }

    #[test]
    fn the_time_after_a_reduced_relative_is_not_a_subject() {
        let got = show("A survey released this week shows strong support .");
        assert!(
            got.iter().any(|g| g.starts_with("A survey | show |")),
            "{got:#?}"
        );
        assert!(got.iter().all(|g| !g.starts_with("this week")), "{got:#?}");
        // The survey was released; it released nothing.
        let (toks, found) = read("A survey released this week shows strong support .");
        let release = found
            .iter()
            .filter(|c| toks[c.verb.main].lemma == "release");
        assert!(release.clone().all(|c| c.verb.passive), "{found:#?}");
    }
}
