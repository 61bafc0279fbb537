//! Open clause extraction: a rule grammar over part-of-speech-tagged tokens that finds, for
//! every verb group, its subject, object, further arguments, voice, modality, polarity and the
//! reported speech it belongs to.
//!
//! The grammar is shallow on purpose: noun phrases are chunks (with `of` phrases attached),
//! verb groups are maximal runs of auxiliaries, modals, adverbs and verbs (through `to` +
//! infinitive), and clause structure comes from relative pronouns, coordination, commas,
//! reporting verbs and quotation marks. Every step looks at a bounded window or scans once, so
//! a sentence of n tokens costs O(n) (with a constant factor for the window), and a sentence
//! with no verb yields nothing.
//!
//! This layer knows nothing about entities: `extract` maps its clauses onto mentions. The
//! `eval carb` command prints its tuples directly.

use crate::claim::Modality;
use crate::lexicon::{
    is_hedge, is_reporting, is_subordinator, ALSO_PREPOSITIONS, HEARSAY_PASSIVES, REQUEST_VERBS,
    SCHEDULE_PASSIVES, SEEM_VERBS,
};
use crate::pos::{lemma, PosModel, Tag};

mod alleged;
mod complement;
pub(crate) use complement::complement_after;
pub(crate) use complement::is_discourse_adverb;
pub(crate) use complement::noun_takes_infinitive;
mod fragment;
mod frame;
mod governed;
pub(crate) mod holder;
mod predicate;
mod scope;

/// A token as the clause grammar sees it.
#[derive(Clone, Debug)]
pub struct Tok {
    pub text: String,
    pub lower: String,
    pub tag: &'static str,
    pub lemma: String,
    /// Part of an entity mention (index into the caller's mention list).
    pub mention: Option<usize>,
}

impl Tok {
    fn is(&self, tag: &str) -> bool {
        self.tag == tag
    }
    fn is_noun(&self) -> bool {
        self.tag.starts_with("NN") || self.mention.is_some()
    }
    fn is_verb(&self) -> bool {
        self.tag.starts_with("VB")
    }
    fn is_adj(&self) -> bool {
        self.tag.starts_with("JJ")
    }
}

/// The words of a test sentence written with single spaces between them, and their tokens as
/// the built-in tagger tags them, with no mentions.
#[cfg(test)]
pub(crate) fn test_tokens(sentence: &str) -> (Vec<&str>, Vec<Tok>) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
    (words, toks)
}

/// Builds grammar tokens from words, tagging them with `pos`. `mention_of` gives, for each word,
/// the mention it belongs to.
pub fn make_tokens(words: &[&str], mention_of: &[Option<usize>], pos: &PosModel) -> Vec<Tok> {
    let tags = tag_names_as_names(words, mention_of, pos);
    let mut toks: Vec<Tok> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut tag = tags.get(i).map(|t| t.as_str()).unwrap_or("NN");
            let mention = mention_of.get(i).copied().flatten();
            if mention.is_some()
                && !matches!(tag, "NNP" | "NNPS" | "POS" | "HYPH" | "," | "CC" | "IN")
            {
                // Inside an entity name every word is part of a proper noun.
                if w.chars().any(char::is_alphanumeric) {
                    tag = "NNP";
                }
            }
            let lower = normalise_word(w);
            // Closed classes the statistical tagger must not invent: a modal is one of a few
            // words, and a word of letters is never "goes with" or an address.
            if lower == "cannot" {
                // One word for "can not": a modal that negates its verb.
                tag = "MD";
            }
            if tag == "MD" && !MODALS.contains(&lower.as_str()) {
                tag = if lower.ends_with("ing") { "VBG" } else { "VBD" };
            }
            if matches!(tag, "GW" | "ADD" | "AFX" | "XX") && w.chars().all(char::is_alphabetic) {
                tag = if w.chars().next().is_some_and(char::is_uppercase) {
                    "NNP"
                } else {
                    "NN"
                };
            }
            let lem = match tags.get(i) {
                Some(t) => lemma(&lower, *t),
                None => lower.clone(),
            };
            Tok {
                text: (*w).to_string(),
                lower,
                tag,
                lemma: lem,
                mention,
            }
        })
        .collect();
    repair_participles(&mut toks);
    complement::repair_attributives(&mut toks);
    repair_capitalised_verbs(&mut toks);
    repair_verbs_before_amounts(&mut toks);
    repair_dollar_prefixes(&mut toks);
    repair_plural_nouns(&mut toks);
    repair_addressees(&mut toks);
    frame::repair_trailing_reports(&mut toks);
    frame::repair_reports_before_that(&mut toks);
    toks
}

/// "Z$1.5 million", "NZ$45", "Mex$300": a country's letters before a "$" and a number are part
/// of the currency sign, not a name the phrase ends on ("withdrawals to Z | $1.5 million").
fn repair_dollar_prefixes(toks: &mut [Tok]) {
    for i in 0..toks.len().saturating_sub(2) {
        let letters = &toks[i].text;
        let prefix = (1..=3).contains(&letters.len())
            && letters.chars().all(|c| c.is_ascii_uppercase())
            || letters == "Mex";
        let number = toks[i + 2].text.starts_with(|c: char| c.is_ascii_digit());
        // "A $3 million dividend": an "A" opening a sentence or quotation is the article.
        let article = letters == "A"
            && (i == 0
                || matches!(
                    toks[i - 1].text.as_str(),
                    "\"" | "\u{201c}" | "(" | ":" | "--" | "``"
                ));
        if prefix && !article && toks[i + 1].text == "$" && number && toks[i].mention.is_none() {
            toks[i].tag = "$";
        }
    }
}

/// "The Kenyan podcasts include ...": a word in "-s" the tagger read as a verb after a noun or
/// adjective and right before a plural present verb is the plural head of the noun phrase
/// (two finite verbs in a row do not agree with one subject), so the name before it is a
/// modifier, not the subject.
fn repair_plural_nouns(toks: &mut [Tok]) {
    for i in 1..toks.len().saturating_sub(1) {
        let t = &toks[i];
        let modifier_before = {
            let p = &toks[i - 1];
            p.mention.is_some() || matches!(p.tag, "NN" | "NNP" | "NNPS" | "JJ" | "POS")
        };
        if t.is("VBZ")
            && t.mention.is_none()
            && t.text.ends_with('s')
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && modifier_before
            && toks[i + 1].is("VBP")
        {
            toks[i].tag = "NNS";
            toks[i].lemma = match Tag::parse("NNS") {
                Some(nns) => lemma(&toks[i].lower, nns),
                None => toks[i].lower.clone(),
            };
        }
    }
}

/// "told reporters/VBZ the talks ...": a lower-case word in "-s" the tagger read as a verb right
/// after a verb that addresses someone ("told", "warned", "assured") is whom it addresses, a
/// plural noun (a finite verb does not follow a finite verb with no subject between).
fn repair_addressees(toks: &mut [Tok]) {
    for i in 1..toks.len() {
        let after_addressing = {
            let p = &toks[i - 1];
            matches!(p.tag, "VBD" | "VBN" | "VB" | "VBP" | "VBZ")
                && (ADDRESSING.contains(&p.lemma.as_str())
                    || MAY_ADDRESS.contains(&p.lemma.as_str()))
        };
        let t = &toks[i];
        if after_addressing
            && t.is("VBZ")
            && t.mention.is_none()
            && t.text.ends_with('s')
            && t.text.chars().next().is_some_and(char::is_lowercase)
        {
            toks[i].tag = "NNS";
            toks[i].lemma = match Tag::parse("NNS") {
                Some(nns) => lemma(&toks[i].lower, nns),
                None => toks[i].lower.clone(),
            };
        }
    }
}

/// "The firm employs/NNS 300 people": after a noun and before a number, the -s form of a verb
/// that takes amounts (`lexicon::AMOUNT_VERBS`) is the verb, not a plural noun.
fn repair_verbs_before_amounts(toks: &mut [Tok]) {
    let Some(vbz) = Tag::parse("VBZ") else {
        return;
    };
    for i in 1..toks.len().saturating_sub(1) {
        let t = &toks[i];
        let shaped = t.tag == "NNS"
            && t.mention.is_none()
            && t.text.ends_with('s')
            && t.text.chars().all(|c| c.is_ascii_lowercase());
        if !shaped || !toks[i + 1].is("CD") || !matches!(toks[i - 1].tag, "NN" | "NNP" | "NNPS") {
            continue;
        }
        let verb = lemma(&toks[i].lower, vbz);
        if crate::lexicon::AMOUNT_VERBS.contains(&verb.as_str()) {
            toks[i].tag = "VBZ";
            toks[i].lemma = verb;
        }
    }
}

/// Tags `words`, then, where a capitalised word of an entity name was read as a verb
/// ("Boeing/VBG", "Reading/VBG"), tags the sentence again with those words fixed as `NNP`, so the
/// misreading does not spread to the words after it. Demonyms ("Iraqi/JJ civilians") keep
/// their adjective reading for the words after them. Sentences with no name read as a verb are
/// tagged once.
fn tag_names_as_names(words: &[&str], mention_of: &[Option<usize>], pos: &PosModel) -> Vec<Tag> {
    let tags = pos.tag(words);
    let fixed: Vec<Option<Tag>> = words
        .iter()
        .zip(&tags)
        .enumerate()
        .map(|(i, (w, t))| {
            let in_name = mention_of.get(i).copied().flatten().is_some();
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            (in_name && capitalised && t.is_verb()).then_some(Tag::NNP)
        })
        .collect();
    if fixed.iter().all(Option::is_none) {
        return tags;
    }
    pos.tag_with_fixed(words, &fixed)
}

/// "Carrow and Reading say": inside a sentence in ordinary case, a capitalised word the
/// tagger read as a verb form is a name ("Reading/VBG", "Dorking/VBG"). Headlines in title case
/// are left alone.
fn repair_capitalised_verbs(toks: &mut [Tok]) {
    let words = toks
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_alphabetic))
        .count();
    let capitalised = toks
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    if words == 0 || capitalised * 3 > words {
        return;
    }
    for i in 1..toks.len() {
        let t = &toks[i];
        let after_opening = matches!(
            toks[i - 1].text.as_str(),
            "``" | "\"" | "'" | ":" | "(" | "--"
        );
        if t.mention.is_none()
            && !after_opening
            && matches!(t.tag, "VBG" | "VBN" | "VBD" | "VBZ" | "VBP" | "VB")
            && t.text.chars().next().is_some_and(char::is_uppercase)
            && t.text.chars().skip(1).all(char::is_lowercase)
            && t.text.len() > 1
        {
            toks[i].tag = "NNP";
            toks[i].lemma = toks[i].lower.clone();
        }
    }
}

/// "has already won two seats": an irregular past participle after a form of "have" that the
/// tagger read as a noun or adjective is the perfect's main verb.
fn repair_participles(toks: &mut [Tok]) {
    for i in 1..toks.len() {
        if !matches!(toks[i].tag, "NN" | "JJ") || toks[i].mention.is_some() {
            continue;
        }
        let mut k = i;
        while k > 0 && toks[k - 1].is("RB") && i - k < 2 {
            k -= 1;
        }
        let after_have = k > 0
            && matches!(toks[k - 1].tag, "VBZ" | "VBP" | "VBD")
            && toks[k - 1].lemma == "have";
        if !after_have {
            continue;
        }
        let w = toks[i].lower.as_str();
        let Some(vbn) = Tag::parse("VBN") else {
            continue;
        };
        let lem = lemma(w, vbn);
        // Only forms the lemmatiser knows as irregular participles ("won", "led", "begun"),
        // never a regular noun that happens to follow "have".
        let irregular = lem != w && !w.starts_with(lem.as_str());
        if irregular
            && toks
                .get(i + 1)
                .is_some_and(|n| is_np_start(n) || n.is("IN"))
        {
            toks[i].tag = "VBN";
            toks[i].lemma = lem;
        }
    }
}

fn normalise_word(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// A token range `start..end`, possibly split into conjuncts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    /// Conjuncts of a coordination ("Crimea, Luhansk and Donetsk"), each a token range; a
    /// single range when there is no coordination.
    pub conjuncts: Vec<(usize, usize)>,
    /// Index of the head word.
    pub head: usize,
}

impl Phrase {
    pub(crate) fn new(toks: &[Tok], start: usize, end: usize) -> Phrase {
        let head = head_of(toks, start, end);
        Phrase {
            start,
            end,
            conjuncts: split_conjuncts(toks, start, end),
            head,
        }
    }
}

/// A verb group and what the grammar learned about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    pub start: usize,
    pub end: usize,
    /// The main (last) verb.
    pub main: usize,
    /// A particle after the verb ("give up").
    pub particle: Option<usize>,
    pub passive: bool,
    pub negated: bool,
    pub modality: Modality,
    /// Lemma of the main verb (and particle), with the words joined to the predicate.
    pub lemma: String,
    pub copula: bool,
    /// Words after the verb group that belong to the predicate, in order: an idiom's noun
    /// ("take place"), a state phrase ("in place"), a late particle, a manner adverb, an
    /// adjective predicated of the object (`predicate`).
    pub joined: Vec<usize>,
}

/// Where an argument attaches: directly or through a preposition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    pub prep: Option<usize>,
    pub phrase: Phrase,
}

/// One clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub subject: Option<Phrase>,
    /// The subject is a relative pronoun, resolved to this antecedent phrase.
    pub verb: VerbGroup,
    /// Direct object, predicate complement, or the first prepositional argument.
    pub object: Option<Arg>,
    /// Further prepositional arguments.
    pub extras: Vec<Arg>,
    /// Passive agent ("by the United States").
    pub agent: Option<Phrase>,
    /// For reporting verbs: the token range of what is reported.
    pub complement: Option<(usize, usize)>,
    /// Index of the clause whose complement contains this one (reported speech).
    pub reported_by: Option<usize>,
    /// "according to X" source phrase.
    pub according_to: Option<Phrase>,
    /// Inside quotation marks.
    pub quoted: bool,
    /// Under "if"/"unless".
    pub conditional: bool,
}

/// Verbs that take a `to` infinitive as an obligation ("required to", "have to").
const OBLIGATION: &[&str] = &[
    "require", "oblige", "force", "compel", "need", "have", "must", "suppose", "demand",
];
const FUTURE: &[&str] = &["will", "shall", "'ll", "wo"];
/// Verbs whose infinitive is meant, tried, promised or threatened, not done ("was attempting
/// to rewrite", "has promised to rework").
const INTENTION: &[&str] = &[
    "plan",
    "intend",
    "expect",
    "aim",
    "hope",
    "want",
    "seek",
    "try",
    "mean",
    "propose",
    "prepare",
    "go",
    "attempt",
    "strive",
    "endeavour",
    "endeavor",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "offer",
    "wish",
];
const POSSIBILITY: &[&str] = &["could", "may", "might", "can", "ca", "cannot"];
/// Verbs whose "up" is a particle even before "to" and an amount ("prices went up to 9%").
pub(crate) const RISING_VERBS: &[&str] = &[
    "go", "rise", "climb", "shoot", "jump", "move", "push", "drive", "bump", "ramp", "step",
    "scale", "run", "add", "sum", "end", "come",
];
const PARTICLES: &[&str] = &[
    "up", "out", "off", "down", "back", "away", "over", "on", "in", "aside", "forward", "through",
    "along",
];
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would", "wo", "ca", "'ll",
    "'d", "ought", "need", "dare", "cannot",
];

/// "be ADJ to VB" constructions and the modality they give the verb.
const BE_ADJ_TO: &[(&str, Modality)] = &[
    ("able", Modality::Possibility),
    ("unable", Modality::Possibility),
    ("willing", Modality::Future),
    ("unwilling", Modality::Future),
    ("ready", Modality::Future),
    ("prepared", Modality::Future),
    ("set", Modality::Future),
    ("due", Modality::Future),
    ("expected", Modality::Future),
    ("likely", Modality::Hedged),
    ("unlikely", Modality::Hedged),
    ("obliged", Modality::Obligation),
    ("required", Modality::Obligation),
    // "was forced to resign" says the resignation happened: no modality of its own (a modal
    // before it keeps its own: "will be forced to pay").
    ("forced", Modality::Asserted),
    ("compelled", Modality::Asserted),
    ("supposed", Modality::Obligation),
];

/// Verbs whose object is the subject of a following infinitive ("urged Iran to resume").
const CONTROL: &[&str] = &[
    "lead",
    "cause",
    "convince",
    "prompt",
    "enlist",
    "recruit",
    "hire",
    "send",
    "appoint",
    "elect",
    "assign",
    "train",
    "teach",
    "inspire",
    "mandate",
    "commission",
    "urge",
    "ask",
    "allow",
    "want",
    "expect",
    "require",
    "force",
    "invite",
    "persuade",
    "tell",
    "call",
    "encourage",
    "enable",
    "permit",
    "order",
    "oblige",
    "compel",
    "help",
    "press",
    "pressure",
    "advise",
    "warn",
    "instruct",
    "authorise",
    "authorize",
    "push",
];

/// The modality a control verb gives its object's infinitive ("urged Iran to resume":
/// obligation; "wants the board to resign": future; "allows police to detain": possibility).
/// Verbs that make it happen ("forced", "helped", "led") give none: the infinitive happened.
fn controlled_modality(lemma: &str) -> Option<Modality> {
    if REQUEST_VERBS.contains(&lemma) {
        Some(Modality::Obligation)
    } else if matches!(lemma, "want" | "expect") {
        Some(Modality::Future)
    } else if matches!(
        lemma,
        "allow" | "permit" | "enable" | "authorise" | "authorize"
    ) {
        Some(Modality::Possibility)
    } else {
        None
    }
}

/// Verbs of request whose addressee follows a preposition ("called on the clubs to pay",
/// "called for talks to resume", "appealed to residents to leave"), with that preposition.
const REQUESTS_WITH_PREPOSITION: &[(&str, &str)] = &[
    ("call", "on"),
    ("call", "upon"),
    ("call", "for"),
    ("appeal", "to"),
    ("appeal", "for"),
    ("ask", "for"),
    ("press", "for"),
    ("push", "for"),
    ("plead", "with"),
    ("plead", "for"),
];

/// Whether token `at` is the preposition of a verb of request right before it ("called on"):
/// the infinitive of the phrase after it is requested, not done.
pub(crate) fn request_preposition(toks: &[Tok], at: usize) -> bool {
    let (Some(prep), Some(verb)) = (toks.get(at), at.checked_sub(1).and_then(|v| toks.get(v)))
    else {
        return false;
    };
    verb.is_verb()
        && REQUESTS_WITH_PREPOSITION
            .iter()
            .any(|(v, p)| verb.lemma == *v && prep.lower == *p)
}

/// Whether clause `c` is the infinitive of a request's addressee ("urged the board to
/// resign", "called on the board to resign"): its subject is the addressee, not the speaker.
fn requested_infinitive(toks: &[Tok], c: &Clause) -> bool {
    let Some(s) = c.subject.as_ref().filter(|s| s.start > 0) else {
        return false;
    };
    let before = &toks[s.start - 1];
    let addressee = request_preposition(toks, s.start - 1)
        || (before.is_verb() && REQUEST_VERBS.contains(&before.lemma.as_str()));
    addressee && c.verb.start > 0 && toks[c.verb.start - 1].lower == "to"
}

/// Reporting verbs that report a clause only after "that" or a quotation: with a bare noun
/// phrase they have an object ("promised a veto, ...", "agreed a deal").
const REPORTS_WITH_THAT: &[&str] = &[
    "learn",
    "signal",
    "point",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "agree",
    "disclose",
    "post",
    "tweet",
    "notify",
    "inform",
    "recall",
    "observe",
    "understand",
    "hint",
    "remark",
    "demand",
    "request",
    "recommend",
    "discover",
    "determine",
];

/// Reporting verbs of finding: what they report is a finding ("discovered that ..."), and
/// their plain object ("discovered a grave") reports nothing.
const FINDING: &[&str] = &["discover", "determine"];

/// Reporting verbs that always name whom they address before what they report ("told
/// reporters (that) ...").
const ADDRESSING: &[&str] = &["tell", "inform", "assure"];

/// Reporting verbs that may name whom they address before what they report, and may not:
/// "warned lawmakers (that) the bill ...", but "warned the bill would ...".
const MAY_ADDRESS: &[&str] = &["warn", "reassure", "caution", "notify", "promise", "remind"];

/// Whether the noun phrase after reporting verb `lemma`, ending at `end`, is whom it
/// addresses: always for `ADDRESSING`, for `MAY_ADDRESS` only when "that" or a clause follows
/// it.
fn addressed_report(toks: &[Tok], lemma: &str, end: usize) -> bool {
    ADDRESSING.contains(&lemma)
        || (MAY_ADDRESS.contains(&lemma)
            && (toks.get(end).is_some_and(|t| t.lower == "that") || clause_follows(toks, end)))
}

/// Verbs that take an infinitive, possibly after a short phrase ("agreed on Tuesday to").
const TAKES_INFINITIVE: &[&str] = &[
    "agree", "decide", "plan", "promise", "vow", "pledge", "threaten", "refuse", "fail", "decline",
    "want", "seek", "try", "aim", "intend", "offer", "vote", "move", "choose", "prepare",
    "continue", "begin", "start", "attempt",
];

/// Verbs that link a subject to an adjective like "be" does ("nobody feels secure").
const LINKING: &[&str] = &[
    "feel", "seem", "appear", "remain", "become", "look", "sound", "stay", "prove", "grow",
];
const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

fn head_of(toks: &[Tok], start: usize, end: usize) -> usize {
    // The last noun before an "of" or the end; for "one of the members", the first part.
    let limit = (start + 1..end)
        .find(|&i| toks[i].lower == "of")
        .unwrap_or(end);
    let mut head = limit.saturating_sub(1).max(start);
    // "a senior U.S. official" read as ending in an adjective: the last word is the head.
    if limit == end && toks.get(head).is_some_and(|t| t.is_adj()) && toks[start].is("DT") {
        return head;
    }
    for i in (start..limit).rev() {
        if toks[i].is_noun() || toks[i].is("CD") || toks[i].is("PRP") {
            head = i;
            break;
        }
    }
    head
}

/// Splits "A, B and C" into conjuncts when every part is a short noun phrase.
fn split_conjuncts(toks: &[Tok], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut s = start;
    let mut saw_cc = false;
    for (i, t) in toks.iter().enumerate().take(end).skip(start) {
        let sep = t.text == "," || (t.is("CC") && matches!(t.lower.as_str(), "and" | "or"));
        if sep {
            if t.is("CC") {
                saw_cc = true;
            }
            if i > s {
                parts.push((s, i));
            }
            s = i + 1;
        }
        if t.lower == "of" || t.is("IN") {
            // "the majority of A and B" is one phrase.
            return vec![(start, end)];
        }
    }
    if s < end {
        parts.push((s, end));
    }
    let nominal = |&(a, b): &(usize, usize)| (a..b).any(|k| toks[k].is_noun() || toks[k].is("CD"));
    if !saw_cc
        || parts.len() < 2
        || parts.iter().any(|&(a, b)| np_words(toks, a, b) > 5)
        || !parts.iter().all(nominal)
        || counted_together(toks, &parts)
    {
        return vec![(start, end)];
    }
    parts
}

/// Whether a number opening the first conjunct counts them all: "40 farmers and fishermen"
/// are forty in all, not forty farmers and some fishermen. Only two short plurals: the first a
/// number and its counted noun, the second a plural with nothing of its own before it (no
/// determiner, number or name: "five soldiers and two civilians", "12 buses and the trams" are
/// counted apart), and no verb in either ("cut 46,000, and leisure jobs fell" is two clauses).
fn counted_together(toks: &[Tok], parts: &[(usize, usize)]) -> bool {
    let [(a, b), (c, d)] = parts else {
        return false;
    };
    let plain = |t: &Tok| t.mention.is_none() && matches!(t.tag, "NN" | "NNS" | "JJ");
    let plural_end = |end: usize| end > 0 && toks.get(end - 1).is_some_and(|t| t.is("NNS"));
    let first: Vec<&Tok> = toks[*a..*b].iter().skip_while(|t| t.is("DT")).collect();
    let counted = first.len() >= 2
        && first.len() <= 4
        && first[0].is("CD")
        && first[0].mention.is_none()
        && first[1..].iter().all(|t| plain(t))
        && plural_end(*b);
    let second = &toks[*c..*d];
    counted && !second.is_empty() && second.len() <= 2 && second.iter().all(plain) && plural_end(*d)
}

/// Words of `start..end`, a hyphenated compound ("F - 16") counting as one.
fn np_words(toks: &[Tok], start: usize, end: usize) -> usize {
    (start..end.min(toks.len()))
        .filter(|&k| !(toks[k].is("HYPH") || k > start && toks[k - 1].is("HYPH")))
        .count()
}

fn is_np_start(t: &Tok) -> bool {
    t.mention.is_some()
        || matches!(
            t.tag,
            "DT" | "PDT"
                | "PRP$"
                | "JJ"
                | "JJR"
                | "JJS"
                | "CD"
                | "NN"
                | "NNS"
                | "NNP"
                | "NNPS"
                | "PRP"
                | "$"
                | "EX"
                | "WP"
                | "WDT"
        )
        || t.text == "$"
        || t.text == "\u{20ac}"
        || t.text == "\u{00a3}"
}

fn is_np_inner(t: &Tok) -> bool {
    t.mention.is_some()
        || matches!(
            t.tag,
            "JJ" | "JJR"
                | "JJS"
                | "CD"
                | "NN"
                | "NNS"
                | "NNP"
                | "NNPS"
                | "POS"
                | "HYPH"
                | "VBN"
                | "VBG"
                | "$"
                | "PRP$"
                | "DT"
                | "ADD"
                | "NFP"
                | "SYM"
        )
        || t.text == "%"
        || t.text == "-"
}

/// Finds the noun phrase starting at `start`, if any: returns its end (exclusive). Attaches
/// "of" phrases and coordinated noun phrases.
pub fn np_at(toks: &[Tok], start: usize, limit: usize) -> Option<usize> {
    np_at_opts(toks, start, limit, true)
}

/// `np_at`, attaching coordinated lists only when `lists` is set: a list item does not take in
/// the rest of its list.
fn np_at_opts(toks: &[Tok], start: usize, limit: usize, lists: bool) -> Option<usize> {
    let t = toks.get(start)?;
    if start >= limit {
        return None;
    }
    // A quote mark opening the phrase: "honest" work.
    if is_quote(&t.text) && toks.get(start + 1).is_some_and(is_np_start) {
        return np_at_opts(toks, start + 1, limit, lists);
    }
    // "over 2,000 miles", "about 5.6 million voters", "more than 40 countries".
    if matches!(
        t.lower.as_str(),
        "over"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "approximately"
            | "roughly"
            | "some"
            | "under"
            | "just"
            | "only"
    ) && toks
        .get(start + 1)
        .is_some_and(|n| n.is("CD") || n.text == "$" || n.text == "\u{20ac}")
    {
        return np_at_opts(toks, start + 1, limit, lists).map(|e| e.max(start + 2));
    }
    // "more than 40 countries", "up to 50 years", "up to $3 million".
    let bound = matches!(t.lower.as_str(), "more" | "less" | "fewer")
        && toks.get(start + 1).is_some_and(|n| n.lower == "than")
        || t.lower == "up" && toks.get(start + 1).is_some_and(|n| n.lower == "to");
    if bound
        && toks
            .get(start + 2)
            .is_some_and(|n| n.is("CD") || (t.lower == "up" && n.text == "$"))
    {
        return np_at_opts(toks, start + 2, limit, lists);
    }
    // "both F-16 and F-18 fighters", "either Paris or Berlin": the correlative opens a list.
    if matches!(t.lower.as_str(), "both" | "either" | "neither")
        && t.is("CC")
        && toks
            .get(start + 1)
            .is_some_and(|n| is_np_start(n) && !n.is("PRP"))
    {
        return np_at_opts(toks, start + 1, limit, lists);
    }
    // "punishing concessions", "a drawn-out fight": a participle before a noun.
    let participle_start = matches!(t.tag, "VBG" | "VBN")
        && toks.get(start + 1).is_some_and(|n| {
            n.is_noun()
                || n.is_adj()
                || (n.is("CD") && toks.get(start + 2).is_some_and(|m| m.is_noun()))
        });
    if !is_np_start(t) && !participle_start {
        return None;
    }
    if matches!(t.tag, "PRP" | "EX" | "WP" | "WDT") {
        return Some(start + 1);
    }
    // "denounced this as ...": a demonstrative standing for a noun phrase.
    if t.is("DT")
        && matches!(t.lower.as_str(), "this" | "that" | "these" | "those")
        && !toks
            .get(start + 1)
            .is_some_and(|n| is_np_inner(n) && !n.is("DT"))
    {
        return Some(start + 1);
    }
    let mut end = start + 1;
    loop {
        if end >= limit {
            break;
        }
        let t = &toks[end];
        // A quote mark inside a phrase ("honest" work) or a list of adjectives
        // (constructive, honest and prompt work) does not end it.
        let next_np = toks
            .get(end + 1)
            .is_some_and(|n| is_np_inner(n) && !n.is("DT"));
        if is_quote(&t.text) && next_np && end + 1 < limit {
            end += 1;
            continue;
        }
        if (t.text == "," || t.is("CC"))
            && toks[end - 1].is_adj()
            && toks.get(end + 1).is_some_and(|n| n.is_adj() || n.is("CC"))
        {
            end += 1;
            continue;
        }
        if !(is_np_inner(t) && !(t.is("DT") && end > start && !toks[end - 1].is("PDT"))) {
            break;
        }
        // A gerund or participle continues the phrase only before a noun ("the ruling party").
        if matches!(toks[end].tag, "VBN" | "VBG")
            && !toks.get(end + 1).is_some_and(|n| n.is_noun() || n.is_adj())
        {
            break;
        }
        end += 1;
    }
    // The phrase must end in a noun, number, pronoun or entity.
    while end > start {
        let last = &toks[end - 1];
        if last.is_noun() || last.is("CD") || last.is("PRP") || last.text == "%" {
            break;
        }
        end -= 1;
    }
    if end == start {
        // "the poor", "several": an adjective or determiner alone is not an argument.
        return None;
    }
    // Attach "of NP" chains and coordinations of noun phrases.
    #[allow(
        clippy::never_loop,
        reason = "each branch ends the attachment or restarts it"
    )]
    while let Some(next) = toks.get(end) {
        if end >= limit {
            break;
        }
        if next.lower == "of" {
            if let Some(e) = np_at_opts(toks, end + 1, limit, lists) {
                end = e;
                continue;
            }
        }
        // "Crimea, Luhansk and Donetsk": a list of nouns/entities.
        if !lists {
            break;
        }
        if next.text == "," || (next.is("CC") && matches!(next.lower.as_str(), "and" | "or")) {
            let mut j = end;
            let mut items = 0;
            let mut last_end = end;
            while j < limit {
                let sep = &toks[j];
                if sep.text == "," || (sep.is("CC") && matches!(sep.lower.as_str(), "and" | "or")) {
                    let mut k = j + 1;
                    if toks
                        .get(k)
                        .is_some_and(|t| t.is("CC") && matches!(t.lower.as_str(), "and" | "or"))
                    {
                        k += 1;
                    }
                    // "Detroit, the son of ...": a determiner after a name opens an apposition.
                    let name_before = toks[end - 1].is("NNP") || toks[end - 1].mention.is_some();
                    if items == 0
                        && sep.text == ","
                        && name_before
                        && toks.get(k).is_some_and(|t| t.is("DT"))
                    {
                        break;
                    }
                    match toks.get(k) {
                        Some(t) if (t.is_noun() || t.is("DT") || t.is_adj()) && !t.is("PRP") => {}
                        Some(t) if matches!(t.tag, "RB" | "RBR") => {}
                        _ => break,
                    }
                    match np_after_adverbs(toks, k, limit) {
                        Some(e) if np_words(toks, k, e) <= 6 && !opens_clause(toks, e) => {
                            items += 1;
                            last_end = e;
                            let was_cc =
                                sep.is("CC") || toks.get(j + 1).is_some_and(|t| t.is("CC"));
                            j = e;
                            if was_cc {
                                break;
                            }
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            // Only a finished list ("A, B and C"), never "A, B" (an apposition) or a clause.
            let finished = items >= 1
                && toks[..last_end]
                    .iter()
                    .rev()
                    .take(last_end - end)
                    .any(|t| t.is("CC"));
            if finished {
                end = last_end;
            }
            break;
        }
        break;
    }
    Some(end)
}

/// "owns 29 percent and the federal government has ...": a finite verb (after at most one
/// adverb) right after a list item makes the item the subject of a new clause, not a member
/// of the list.
fn opens_clause(toks: &[Tok], item_end: usize) -> bool {
    let finite = |t: &Tok| matches!(t.tag, "VBZ" | "VBD" | "VBP" | "MD");
    match toks.get(item_end) {
        Some(t) if finite(t) => true,
        Some(t) if t.is("RB") => toks.get(item_end + 1).is_some_and(finite),
        _ => false,
    }
}

/// A noun phrase that may open with adverbs on its adjective: "more technologically advanced
/// F-18 fighters". Returns its end.
fn np_after_adverbs(toks: &[Tok], start: usize, limit: usize) -> Option<usize> {
    let mut j = start;
    while j < limit && j - start < 2 && matches!(toks[j].tag, "RB" | "RBR") {
        j += 1;
    }
    if j == start {
        return np_at_opts(toks, start, limit, false);
    }
    let modifier = toks
        .get(j)
        .is_some_and(|t| t.is_adj() || matches!(t.tag, "VBN" | "VBG"));
    if !modifier {
        return None;
    }
    np_at_opts(toks, j, limit, false)
}

/// A participle that modifies the noun after it ("250 leading politicians", "the most
/// technologically advanced fighters"): it opens no verb group.
fn prenominal_participle(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !matches!(t.tag, "VBG" | "VBN") || i == 0 {
        return false;
    }
    let next_nominal = toks.get(i + 1).is_some_and(|n| {
        (n.is_noun() && n.mention.is_none())
            || n.is_adj()
            || (n.is("CD") && toks.get(i + 2).is_some_and(|m| m.is_noun()))
    });
    if !next_nominal {
        return false;
    }
    let mut k = i;
    while k > 0 && matches!(toks[k - 1].tag, "RB" | "RBR" | "RBS") && i - k < 2 {
        k -= 1;
    }
    // "more advanced weapons": a comparative adverb grades the participle.
    if k < i && matches!(toks[k].tag, "RBR" | "RBS") {
        return true;
    }
    k > 0
        && (matches!(toks[k - 1].tag, "CD" | "DT" | "PRP$" | "CC") || toks[k - 1].is_adj())
        && (k < i || toks[k - 1].is("CD"))
}

/// Whether the nearest verb before `by_at` (within a few words) is a participle with no
/// auxiliary: "a lamp given to the museum by", not "was given to the museum by".
fn reduced_relative_before(toks: &[Tok], by_at: usize) -> bool {
    let from = by_at.saturating_sub(6);
    let Some(v) = (from..by_at).rev().find(|&k| toks[k].is_verb()) else {
        return false;
    };
    let auxiliary = v > 0
        && toks[v - 1].is_verb()
        && matches!(toks[v - 1].lemma.as_str(), "be" | "get" | "have");
    toks[v].is("VBN") && !auxiliary
}

/// "five suspected militant positions", "the 12 wounded soldiers": a past form between a
/// number and a noun describes the noun; it opens no verb group.
fn counted_modifier(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    i > 0
        && matches!(t.tag, "VBD" | "VBN")
        && t.mention.is_none()
        && toks[i - 1].is("CD")
        && toks.get(i + 1).is_some_and(|n| {
            n.is_noun() || (n.is_adj() && toks.get(i + 2).is_some_and(|m| m.is_noun()))
        })
}

/// "is not just the Europeans", "did not only win": a negation right before a restrictive
/// adverb denies the restriction ("it is more than the Europeans"), not the clause.
fn restrictive_after(toks: &[Tok], neg: usize) -> bool {
    toks.get(neg + 1).is_some_and(|n| {
        matches!(
            n.lower.as_str(),
            "just" | "only" | "merely" | "simply" | "solely" | "exclusively"
        )
    })
}

/// The end of a negation right after the last verb of a group that opens at `start`, when
/// the tokens from `i` are at most two adverbs and then "not"/"never"/"no" ("is not",
/// "is still not", "was reportedly never"): the group runs on to it.
fn negation_after_verb(toks: &[Tok], i: usize, start: usize) -> Option<usize> {
    if i <= start || !toks.get(i - 1).is_some_and(|p| p.is_verb()) {
        return None;
    }
    let negation = |k: usize| {
        toks.get(k)
            .is_some_and(|t| NEGATIONS.contains(&t.lower.as_str()))
    };
    let adverbs = (i..(i + 2).min(toks.len()))
        .take_while(|&k| toks[k].is("RB") && !negation(k))
        .count();
    negation(i + adverbs).then_some(i + adverbs + 1)
}

/// Whether a verb group `g` right after a coordinator `cc` shares the negation of the clause
/// `prev` before it: "did not admit or deny", "has never paid or filed", "did not create
/// riots or produce threats". The first group is negated by a word before its verb; the second has
/// none and repeats the first's verb form (a bare infinitive after "did", a participle after
/// "has"); not after "but", nor for a verb of another form ("did not resign and left"), nor
/// after a "no" of the object ("made no apology and said").
fn shares_negation(toks: &[Tok], prev: &VerbGroup, g: &VerbGroup, cc: &Tok) -> bool {
    let form = |k: usize| toks.get(k).map_or("", |t| t.tag);
    // "made no apology and said": "no" is its object's, not the verb's.
    let not =
        (prev.start..prev.main).any(|k| matches!(toks[k].lower.as_str(), "not" | "n't" | "never"));
    prev.negated
        && not
        && form(g.main) == form(prev.main)
        && !g.negated
        && g.main == g.start
        && matches!(cc.lower.as_str(), "or" | "nor" | "and")
}

/// Verbs whose active infinitive is the subject's own claim ("claims to have found the
/// wreck", "purports to show").
const CLAIMS_TO: &[&str] = &["claim", "purport", "profess", "allege"];

/// The modality a verb gives the infinitive after it ("has to leave", "plans to leave", "is
/// expected to leave", "is said to have left", "appears to be"), if any. `going` is "be going
/// to".
fn infinitive_modality(lemma: &str, passive: bool, going: bool) -> Option<Modality> {
    let m = if passive && SCHEDULE_PASSIVES.contains(&lemma) {
        Modality::Future
    } else if passive && HEARSAY_PASSIVES.contains(&lemma) {
        Modality::Hedged
    } else if passive && REQUEST_VERBS.contains(&lemma) {
        // "customers are urged to save water": asked to, not done.
        Modality::Obligation
    } else if SEEM_VERBS.contains(&lemma) || (!passive && CLAIMS_TO.contains(&lemma)) {
        // "appears to be", "claims to have found": the subject's own word, not a fact.
        Modality::Hedged
    } else if OBLIGATION.contains(&lemma) {
        Modality::Obligation
    } else if INTENTION.contains(&lemma) || going {
        Modality::Future
    } else {
        return None;
    };
    Some(m)
}

/// `current` after an infinitive's verb gives `m`: an obligation or a hedge wins, a plan or
/// a forecast does not override either.
fn with_infinitive(current: Modality, m: Modality) -> Modality {
    match m {
        Modality::Future if matches!(current, Modality::Obligation | Modality::Hedged) => current,
        Modality::Obligation if current == Modality::Hedged => current,
        _ => m,
    }
}

/// Whether a perfect infinitive starts at `at`, an adverb allowed before it ("have known",
/// "also have been").
fn perfect_follows(toks: &[Tok], at: usize) -> bool {
    let at = if toks.get(at).is_some_and(|t| t.is("RB")) {
        at + 1
    } else {
        at
    };
    toks.get(at).is_some_and(|t| t.lower == "have") && toks.get(at + 1).is_some_and(|t| t.is("VBN"))
}

/// "said existing laws allow it", "amends existing laws", "are feeling increasing pressure":
/// a present participle before a noun, right after a verb that takes no gerund, describes
/// the noun ("existing laws") instead of continuing the verb group. Verbs that take a gerund
/// ("stopped paying rent", "denied taking bribes") and auxiliaries go on.
fn gerund_opens_report(toks: &[Tok], main: usize, i: usize, start: usize) -> bool {
    const WITH_GERUND: &[&str] = &[
        "be",
        "have",
        "do",
        "get",
        "go",
        "keep",
        "stop",
        "start",
        "begin",
        "continue",
        "avoid",
        "risk",
        "consider",
        "deny",
        "admit",
        "finish",
        "quit",
        "resume",
        "enjoy",
        "suggest",
        "recommend",
        "propose",
        "mind",
        "miss",
        "practise",
        "practice",
        "involve",
        "mean",
        "need",
        "require",
        "like",
        "love",
        "hate",
        "prefer",
        "try",
        "regret",
        "remember",
        "recall",
        "report",
        "acknowledge",
        "mention",
        "describe",
        "confess",
        "discuss",
        "imagine",
        "justify",
        "postpone",
        "delay",
        "defend",
        "tolerate",
        "favour",
        "favor",
        "oppose",
        "end",
        "spend",
        "see",
        "hear",
        "watch",
        "include",
        "cease",
        "help",
        "fear",
        "face",
        "advocate",
        "anticipate",
        "envisage",
        "contemplate",
        "escape",
        "permit",
        "allow",
        "forbid",
        "ban",
        "prohibit",
        "criticise",
        "criticize",
        "urge",
        "support",
        "back",
        "approve",
        "reject",
        "insist",
    ];
    let lemma = toks[main].lemma.as_str();
    // "went broke owing workers": a past tense right after another verb makes the group
    // already unusual; it goes on as before.
    let past_after_verb = toks[main].is("VBD") && main > start && toks[main - 1].is_verb();
    i > start
        && i == main + 1
        && !past_after_verb
        && toks[i].is("VBG")
        && toks[main].is_verb()
        && !WITH_GERUND.contains(&lemma)
        && toks.get(i + 1).is_some_and(|n| n.is_noun() || n.is_adj())
}

/// Finds the verb group starting at `start`: returns (end, main verb index).
fn verb_group_at(toks: &[Tok], start: usize) -> Option<VerbGroup> {
    let first = toks.get(start)?;
    if !(first.is_verb() || first.is("MD")) {
        return None;
    }
    let mut i = start;
    let mut main = start;
    let mut negated = false;
    let mut modality = Modality::Asserted;
    let mut passive = false;
    let mut saw_be = false;
    while i < toks.len() {
        let t = &toks[i];
        if t.is("MD") {
            let l = t.lower.as_str();
            if l == "must" && perfect_follows(toks, i + 1) {
                // "must have known": an inference about the past, not a duty.
                modality = Modality::Hedged;
            } else if matches!(l, "must") || (l == "should") {
                modality = Modality::Obligation;
            } else if FUTURE.contains(&l) {
                if modality == Modality::Asserted {
                    modality = Modality::Future;
                }
            } else if POSSIBILITY.contains(&l) {
                modality = Modality::Possibility;
                // "cannot but say": the idiom affirms.
                if l == "cannot" && toks.get(i + 1).is_none_or(|n| n.lower != "but") {
                    negated = !negated;
                }
            } else if l == "would" && modality == Modality::Asserted {
                modality = Modality::Conditional;
            }
            i += 1;
            continue;
        }
        if t.is_verb()
            && t.lemma == "be"
            && toks
                .get(i + 1)
                .is_some_and(|n| BE_ADJ_TO.iter().any(|(w, _)| *w == n.lower.as_str()))
            && toks.get(i + 2).is_some_and(|n| n.lower == "to")
            && toks.get(i + 3).is_some_and(|n| n.is("VB"))
        {
            // "would not be able to build", "will be willing to sell": the adjective is a
            // modality of the next verb.
            let adj = toks[i + 1].lower.as_str();
            if adj == "unable" || adj == "unwilling" {
                negated = !negated;
            }
            if let Some((_, m)) = BE_ADJ_TO.iter().find(|(w, _)| *w == adj) {
                if modality == Modality::Asserted || *m == Modality::Obligation {
                    modality = *m;
                }
            }
            i += 3;
            continue;
        }
        if t.is_verb() && gerund_opens_report(toks, main, i, start) {
            break;
        }
        if t.is_verb() {
            // "denies wanting nuclear weapons": what is denied is negated.
            if t.is("VBG") && i > start && toks[main].lemma == "deny" {
                negated = !negated;
            }
            main = i;
            if t.lemma == "be" || t.lemma == "get" && toks.get(i + 1).is_some_and(|n| n.is("VBN")) {
                saw_be = true;
            } else if t.is("VBN") && saw_be {
                passive = true;
            } else if !matches!(t.lemma.as_str(), "have" | "do") {
                saw_be = false;
            }
            i += 1;
            // "agreed on Tuesday to set up", "refused to comment": a verb that takes an
            // infinitive may have a short phrase before it.
            if TAKES_INFINITIVE.contains(&t.lemma.as_str())
                && toks.get(i).is_none_or(|n| n.lower != "to")
            {
                let mut j = i;
                if toks.get(j).is_some_and(|n| n.is("IN") && n.lower != "that") {
                    j += 1;
                }
                let phrase_start = j;
                while j < toks.len()
                    && j - phrase_start < 4
                    && (is_np_inner(&toks[j]) || is_np_start(&toks[j]))
                    && !toks[j].is("PRP")
                {
                    j += 1;
                }
                if j > i
                    && toks.get(j).is_some_and(|n| n.lower == "to")
                    && toks.get(j + 1).is_some_and(|n| n.is("VB"))
                {
                    i = j;
                }
            }
            // "went on to say": "go on to" continues the group with no modality of its own,
            // as "continued to" does.
            if t.lemma == "go"
                && toks.get(i).is_some_and(|n| n.lower == "on")
                && toks.get(i + 1).is_some_and(|n| n.lower == "to")
                && toks.get(i + 2).is_some_and(|n| n.is("VB"))
            {
                passive = false;
                saw_be = false;
                i += 2;
                continue;
            }
            if matches!(t.lemma.as_str(), "refuse" | "fail" | "decline")
                && toks.get(i).is_some_and(|n| n.lower == "to")
                && toks.get(i + 1).is_some_and(|n| n.is("VB"))
            {
                negated = !negated;
            }
            // "to" + infinitive continues the group: "would have to limit", "expects to discuss",
            // "required to give".
            if toks.get(i).is_some_and(|n| n.lower == "to")
                && toks.get(i + 1).is_some_and(|n| {
                    n.is("VB")
                        || (n.is("RB") && toks.get(i + 2).is_some_and(|m| m.is("VB")))
                        || (n.is("RB")
                            && toks.get(i + 2).is_some_and(|m| m.lower == "to")
                            && toks.get(i + 3).is_some_and(|m| m.is("VB")))
                })
            {
                // "committed to not to close": the doubled "to" of careless prose.
                if toks.get(i + 1).is_some_and(|n| n.is("RB"))
                    && toks.get(i + 2).is_some_and(|m| m.lower == "to")
                {
                    if NEGATIONS.contains(&toks[i + 1].lower.as_str()) {
                        negated = !negated;
                    }
                    i += 2;
                }
                let going = t.lemma == "be"
                    && toks
                        .get(i.wrapping_sub(2))
                        .is_some_and(|p| p.lower == "going");
                if let Some(m) = infinitive_modality(&t.lemma, passive, going) {
                    modality = with_infinitive(modality, m);
                }
                passive = false;
                saw_be = false;
                i += 1;
                continue;
            }
            continue;
        }
        if is_quote(&t.text) && i > start && toks.get(i + 1).is_some_and(|n| n.is_verb()) {
            // would "receive robust guarantees": a quote opening inside the verb group.
            i += 1;
            continue;
        }
        if t.is("RB") || NEGATIONS.contains(&t.lower.as_str()) {
            // Adverbs inside the group, only when another verb follows.
            let mut j = i;
            while j < toks.len()
                && (toks[j].is("RB") || NEGATIONS.contains(&toks[j].lower.as_str()))
                && j - i < 3
            {
                j += 1;
            }
            if toks.get(j).is_some_and(|n| n.is_verb()) {
                for (k, tk) in toks.iter().enumerate().take(j).skip(i) {
                    if NEGATIONS.contains(&tk.lower.as_str()) && !restrictive_after(toks, k) {
                        negated = !negated;
                    }
                    // "will reportedly close": hearsay about the future is still hearsay.
                    if is_hedge(&tk.lower)
                        && matches!(modality, Modality::Asserted | Modality::Future)
                    {
                        modality = Modality::Hedged;
                    }
                }
                i = j;
                continue;
            }
            // "did not comment", "is not plausible", "is still not decided", "was reportedly
            // not informed": a negation after the last verb, alone or after adverbs.
            if let Some(end) = negation_after_verb(toks, i, start) {
                for k in i..end {
                    if NEGATIONS.contains(&toks[k].lower.as_str()) && !restrictive_after(toks, k) {
                        negated = !negated;
                    }
                    if is_hedge(&toks[k].lower)
                        && matches!(modality, Modality::Asserted | Modality::Future)
                    {
                        modality = Modality::Hedged;
                    }
                }
                i = end;
                continue;
            }
            break;
        }
        break;
    }
    let end = i;
    if !toks[main].is_verb() {
        return None;
    }
    // Particle: "give up", "pushed back".
    let mut particle = None;
    if let Some(n) = toks.get(end) {
        // "have taken up to 50 years": "up to" opens a bound on the amount, no particle
        // (but "prices went up to 9%": a verb of rising keeps its "up").
        let rising = RISING_VERBS.contains(&toks[main].lemma.as_str());
        let bound = !rising
            && n.lower == "up"
            && toks.get(end + 1).is_some_and(|t| t.lower == "to")
            && toks
                .get(end + 2)
                .is_some_and(|t| t.is("CD") || t.is("$") || t.text == "$");
        if (n.is("RP") || (PARTICLES.contains(&n.lower.as_str()) && n.is("RB")))
            && n.mention.is_none()
            && !bound
        {
            particle = Some(end);
        }
    }
    let main_tok = &toks[main];
    let copula = main_tok.lemma == "be" && !passive;
    let mut lem = main_tok.lemma.clone();
    if passive && main_tok.lemma == "be" {
        lem = "be".to_string();
    }
    if let Some(p) = particle {
        lem = format!("{lem} {}", toks[p].lower);
    }
    Some(VerbGroup {
        start,
        end: particle.map(|p| p + 1).unwrap_or(end),
        main,
        particle,
        passive,
        negated,
        modality,
        lemma: lem,
        copula,
        joined: Vec::new(),
    })
}

fn quote_mask(toks: &[Tok]) -> Vec<bool> {
    let mut res = vec![false; toks.len()];
    let mut inside = false;
    let n_quotes = toks.iter().filter(|t| is_quote(&t.text)).count();
    for (i, t) in toks.iter().enumerate() {
        if is_quote(&t.text) {
            let opening = matches!(t.text.as_str(), "\u{201c}" | "``");
            let closing = matches!(t.text.as_str(), "\u{201d}" | "''");
            inside = if opening {
                true
            } else if closing {
                false
            } else {
                !inside
            };
            continue;
        }
        res[i] = inside;
    }
    // An unbalanced quote mark marks nothing.
    if n_quotes % 2 == 1
        && !toks
            .iter()
            .any(|t| matches!(t.text.as_str(), "\u{201c}" | "\u{201d}" | "``" | "''"))
    {
        return vec![false; toks.len()];
    }
    res
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "\u{201c}" | "\u{201d}" | "``" | "''")
}

/// The index of a plural noun that must be the verb of a sentence with no finite verb.
pub(crate) fn misread_verb(toks: &[Tok]) -> Option<usize> {
    let finite = toks.iter().enumerate().any(|(i, t)| {
        let infinitive = t.is("VB") && i > 0 && toks[i - 1].lower == "to";
        t.is("MD") || (t.is_verb() && !infinitive && !t.is("VBG") && !t.is("VBN"))
    });
    if finite {
        return None;
    }
    (1..toks.len().saturating_sub(1)).find(|&k| {
        let t = &toks[k];
        // "Harbour ferries on their moorings": a caption, unless a determiner, a pronoun or
        // a name makes what comes before the plural a subject ("The plan calls for").
        let preposition_next = toks
            .get(k + 1)
            .is_some_and(|x| x.is("VBG") || matches!(x.lower.as_str(), "for" | "on"));
        let subject_like = toks[k - 1].is("PRP")
            || toks[k - 1].mention.is_some()
            || (k >= 2 && matches!(toks[k - 2].tag, "DT" | "PRP$" | "POS"));
        t.is("NNS")
            && t.mention.is_none()
            && (toks[k - 1].is_noun() || toks[k - 1].is("PRP"))
            && (subject_like || !preposition_next)
            && toks.get(k + 1).is_some_and(|x| {
                matches!(x.tag, "DT" | "CD" | "$" | "PRP$")
                    || x.text == "\u{20ac}"
                    || x.text == "\u{00a3}"
                    || x.is("VBG")
                    || matches!(x.lower.as_str(), "for" | "on")
            })
    })
}

/// Extracts the clauses of one sentence.
pub fn clauses(toks: &[Tok]) -> Vec<Clause> {
    // A sentence without a finite verb whose plural noun sits between two noun phrases ("The
    // plan totals 6.5 billion euros", "The plan calls for X to receive") has a verb the tagger
    // read as a noun.
    let repaired: Vec<Tok>;
    let toks = match misread_verb(toks) {
        Some(k) => {
            repaired = toks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut t = t.clone();
                    if i == k {
                        t.tag = "VBZ";
                        t.lemma = match Tag::parse("VBZ") {
                            Some(vbz) => lemma(&t.lower, vbz),
                            None => t.lower.trim_end_matches('s').to_string(),
                        };
                    }
                    t
                })
                .collect();
            &repaired[..]
        }
        None => toks,
    };
    let n = toks.len();
    let quoted = quote_mask(toks);
    // 1. Verb groups, left to right; a participle right after a noun without an auxiliary is a
    //    modifier ("the plan drawn up"), unless nothing else in the sentence is a verb.
    let mut groups: Vec<VerbGroup> = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        let starts = t.is("MD")
            || (t.is_verb()
                && !(t.is("VBG")
                    && i > 0
                    && (toks[i - 1].is("DT") || toks[i - 1].is_adj() || toks[i - 1].is("PRP$")))
                && !(t.is("VBN")
                    && i > 0
                    && (toks[i - 1].is("DT") || toks[i - 1].is("PRP$") || toks[i - 1].is_adj()))
                && !counted_modifier(toks, i)
                && !(t.is("VBN")
                    && toks
                        .get(i + 1)
                        .is_some_and(|nx| nx.is_noun() && nx.mention.is_none())
                    && i > 0
                    && !toks[i - 1].is_noun())
                && !prenominal_participle(toks, i));
        if starts {
            if let Some(g) = verb_group_at(toks, i) {
                i = g.end.max(i + 1);
                groups.push(g);
                continue;
            }
        }
        i += 1;
    }
    // Reduced relatives and participial modifiers: "the plan, drawn up by ...", "concessions
    // making ...": a VBN/VBG without auxiliary directly after a noun or comma is not a clause
    // of its own unless it is the only verb.
    let finite: Vec<bool> = groups
        .iter()
        .map(|g| {
            let first = &toks[g.start];
            // "the prime minister expressed great disappointment": a participle followed by its
            // object is a past tense the tagger misread.
            // "Barack Obama, the president of the United States, visited Kenya": after an
            // apposition or a relative clause between commas, too.
            // "The union called off the strike": a particle is part of the group; "shelled
            // suspected positions": a participle before a noun opens the object.
            let one_verb = g.end == g.start + 1 || (g.particle.is_some() && g.end == g.start + 2);
            let modified_noun = |at: usize| {
                toks.get(at).is_some_and(|n| matches!(n.tag, "VBN" | "VBG"))
                    && toks.get(at + 1).is_some_and(|n| n.is_noun())
            };
            // "called off the strike": a particle the tagger read as a preposition, then
            // the object.
            let particle_object = g.end == g.start + 1
                && toks.get(g.end).is_some_and(|n| {
                    matches!(
                        n.lower.as_str(),
                        "up" | "out" | "off" | "down" | "back" | "away"
                    )
                })
                && toks
                    .get(g.end + 1)
                    .is_some_and(|n| matches!(n.tag, "DT" | "PRP$" | "CD"));
            let takes_object = first.is("VBN")
                && (one_verb || particle_object)
                && g.start > 0
                && (toks[g.start - 1].is_noun() || closes_apposition(toks, g.start - 1))
                && (particle_object
                    || toks.get(g.end).is_some_and(|n| {
                        (is_np_start(n) && !n.is("JJ") || is_quote(&n.text)) && n.lower != "by"
                            || modified_noun(g.end)
                    }));
            !(matches!(first.tag, "VBG")
                || complement::reduced_relative(toks, g.start, g.end)
                || (first.is("VBN")
                    && g.start > 0
                    && !takes_object
                    && (matches!(toks[g.start - 1].text.as_str(), "," | ")")
                        || toks[g.start - 1].is_noun())))
        })
        .collect();
    // "The show opened at X and featured Y": a participle right after the sentence's
    // opening noun phrase is a past tense the tagger misread when the only later verbs are
    // coordinated with it ("and featured"). Alone ("Troops stationed in Kenya") it stays a
    // participle.
    let mut finite = finite;
    if let Some(gi) = groups.iter().position(|g| toks[g.start].is("VBN")) {
        let g = &groups[gi];
        let opens_sentence = !finite[..gi].iter().any(|&f| f)
            && g.start > 0
            && g.main == g.start
            && toks[g.start - 1].is_noun()
            && np_ending_at(toks, g.start).is_some_and(|np| np.start == 0)
            // "The plan drawn up by the ministry": with an agent it is a passive participle.
            && !(g.end..(g.end + 2).min(n)).any(|k| toks[k].lower == "by");
        let coordinated = |k: usize, later: &VerbGroup| {
            finite[k] && later.start > 0 && toks[later.start - 1].is("CC")
        };
        let later_own_verb = groups
            .iter()
            .enumerate()
            .skip(gi + 1)
            .any(|(k, later)| finite[k] && !coordinated(k, later));
        let later_coordinated = groups
            .iter()
            .enumerate()
            .skip(gi + 1)
            .any(|(k, later)| coordinated(k, later));
        if !finite[gi] && opens_sentence && !later_own_verb && later_coordinated {
            finite[gi] = true;
        }
    }
    let mut res: Vec<Clause> = Vec::new();
    let mut last_subject: Option<Phrase> = None;
    let mut last_any_subject: Option<Phrase> = None;
    // The subject of the last clause that is no requested infinitive ("urged X to act").
    let mut last_finite_subject: Option<Phrase> = None;
    let mut last_any_requested = false;
    let mut relative_flags: Vec<bool> = Vec::new();
    // Verbs (first token) of clauses emptied as saying nothing: nothing is attached to them.
    let mut emptied: Vec<usize> = Vec::new();
    // The subject of the clause of the verb group just before, if it made one.
    let mut prev_clause_subject: Option<Phrase> = None;
    for (gi, g) in groups.iter().enumerate() {
        if !finite[gi] {
            // After "after"/"before"/"without" (making, providing): no clause of its own.
            prev_clause_subject = None;
            continue;
        }
        let next_start = groups
            .iter()
            .enumerate()
            .skip(gi + 1)
            .find(|(k, _)| finite[*k])
            .map(|(_, x)| x.start)
            .unwrap_or(n);
        // 2. Subject: look left.
        let prev_end = if gi > 0 { groups[gi - 1].end } else { 0 };
        // "appealed to the minister to act and sought a meeting": a finite verb coordinated
        // after a requested infinitive is the requester's.
        let finite_after_request = matches!(toks[g.start].tag, "VBD" | "VBZ") && last_any_requested;
        let coordinated_subjects = if finite_after_request {
            (&last_finite_subject, &last_finite_subject)
        } else {
            (&last_any_subject, &last_subject)
        };
        let mut subject = find_subject(
            toks,
            g,
            prev_end,
            coordinated_subjects,
            prev_clause_subject.as_ref(),
        );
        // ", founded in 1962,": a past form right after a comma with no subject of its own is a
        // participle describing the noun phrase before the comma.
        let mut g_local = g.clone();
        if subject.is_none()
            && g.start > 0
            && g.main == g.start
            && toks[g.start - 1].text == ","
            && matches!(toks[g.start].tag, "VBD" | "VBN")
            && !is_reporting(&toks[g.main].lemma)
        {
            if let Some(np) = np_ending_at(toks, g.start - 1) {
                subject = Some(np);
                g_local.passive = true;
                g_local.copula = false;
            }
        }
        // "possibly to be deployed": a hedge before the infinitive; "to become a consultant"
        // with the previous verb's subject: a purpose, not an assertion.
        if g_local.start >= 1 && toks[g_local.start - 1].lower == "to" {
            let mut j = g_local.start - 1;
            while j > 0 && toks[j - 1].is("RB") && g_local.start - 1 - j < 2 {
                j -= 1;
                if is_hedge(&toks[j].lower) && g_local.modality == Modality::Asserted {
                    g_local.modality = Modality::Hedged;
                }
            }
            // Infinitives of purpose or of a noun ("to become", "the decision by X to
            // resume"), unlike those of a control verb's object ("urged Iran to resume").
            let controller = subject.as_ref().and_then(|s| s.start.checked_sub(1));
            let controlled_object = controller.is_some_and(|c| {
                toks[c].lower == "for"
                    || (toks[c].is_verb() && CONTROL.contains(&toks[c].lemma.as_str()))
            });
            // "called on the clubs to pay", "appealed to residents to leave": requested.
            let requested = controller.is_some_and(|c| request_preposition(toks, c));
            let irrealis = toks[g_local.main].is("VB")
                && subject.is_some()
                && !controlled_object
                && !requested;
            if irrealis && g_local.modality == Modality::Asserted {
                g_local.modality = Modality::Future;
            }
            if requested && matches!(g_local.modality, Modality::Asserted | Modality::Future) {
                g_local.modality = Modality::Obligation;
            }
            // "asked governments to act", "wants the board to resign": what the object is to
            // do is requested, wished or allowed, not done.
            let by_controller = controller
                .filter(|_| controlled_object && g_local.modality == Modality::Asserted)
                .and_then(|c| controlled_modality(&toks[c].lemma));
            if let Some(m) = by_controller {
                g_local.modality = m;
            }
        }
        let g = &g_local;
        // "the amount of planes which will be sold to Pakistan is small": a noun phrase found
        // inside the preceding relative clause is not this verb's subject; its antecedent is.
        if let (Some(s), Some(prev), Some(&true)) = (&subject, res.last(), relative_flags.last()) {
            let inside_prev = s.start > prev.verb.start
                && !(prev.verb.end..g.start)
                    .any(|k| matches!(toks[k].text.as_str(), "," | ";") || toks[k].is("CC"));
            if inside_prev {
                subject = prev.subject.clone();
            }
        }
        // A coordinated verb ("would be required to give up ... and downsize") shares the
        // subject and the modality of the first.
        let mut g = g.clone();
        let mut before = g.start;
        // A hedge may be tagged as an adjective ("This likely marks ...").
        while before > 0
            && (adverb_before_verb(toks, before - 1) || is_hedge(&toks[before - 1].lower))
        {
            before -= 1;
        }
        // "The agency never held", "no longer holds": a negation before the verb group.
        if toks[before..g.start].iter().enumerate().any(|(j, t)| {
            matches!(t.lower.as_str(), "never" | "not" | "no")
                && !restrictive_after(toks, before + j)
        }) {
            g.negated = !g.negated;
        }
        // "The firm reportedly signed", "reportedly will close": a hedge right before the verb
        // group.
        if matches!(g.modality, Modality::Asserted | Modality::Future)
            && toks[before..g.start].iter().any(|t| is_hedge(&t.lower))
        {
            g.modality = Modality::Hedged;
        }
        if before > 0 && toks[before - 1].is("CC") {
            if let Some(prev) = res.last() {
                if subject.is_some()
                    && subject == prev.subject
                    && shares_negation(toks, &prev.verb, &g, &toks[before - 1])
                {
                    g.negated = true;
                }
            }
        }
        if before > 0 && toks[before - 1].is("CC") && g.modality == Modality::Asserted {
            if let Some(prev) = res.last() {
                if subject.is_some() && subject == prev.subject {
                    g.modality = prev.verb.modality;
                }
            }
        }
        let g = &g;
        // 3. Object and extras: look right until the next verb group or a clause boundary.
        let (mut object, mut extras, mut agent, complement, cut) =
            find_arguments(toks, g, next_start, n);
        // A clause whose object was cut short says nothing, and nothing else (a fronted
        // "In 1990, ...") is attached to it.
        if cut {
            emptied.push(g.start);
        }
        // '"...," said the bank in a statement': a speech tag with its speaker after the verb
        // says nothing of its own, and its speaker is no object.
        let mut complement = complement;
        if let Some(s) = subject.as_ref().filter(|s| s.start >= g.end) {
            (object, agent) = (None, None);
            extras.clear();
            // '"...," said Ruiz, who was visiting ...': the speaker and a relative clause
            // about the speaker are no reported clause.
            if complement.is_some_and(|(a, _)| a <= s.start) {
                complement = None;
            }
        }
        // "In addition, ...", "as a whole": an idiom's noun phrase is no argument.
        if object
            .as_ref()
            .is_some_and(|o| fragment::idiom_phrase(toks, &o.phrase))
        {
            object = None;
        }
        extras.retain(|e| !fragment::idiom_phrase(toks, &e.phrase));
        let no_subject = subject.as_ref().is_some_and(|s| {
            fragment::idiom_phrase(toks, s) || fragment::across_sentence_break(toks, s)
        });
        if no_subject
            || fragment::is_empty_claim(toks, subject.as_ref(), g.copula, object.as_ref(), &extras)
            || (!g.copula && fragment::subject_of_infinitive(toks, g.main, object.as_ref()))
            || (g.start == g.main
                && fragment::adjective_read_as_verb(toks, g.main, object.as_ref()))
        {
            (object, agent) = (None, None);
            extras.clear();
            emptied.push(g.start);
        }
        // "remained unchanged since | they | first said so": a further argument that is the
        // subject of its own clause goes (after the screen above, which needs to see that
        // something follows the object).
        extras.retain(|e| !fragment::subject_of_next_clause(toks, e));
        // Conditional: "if" before the subject within the clause.
        let cond_window = subject.as_ref().map(|s| s.start).unwrap_or(g.start);
        let conditional =
            (prev_end..cond_window).any(|k| matches!(toks[k].lower.as_str(), "if" | "unless"));
        let relative = before > 0
            && matches!(
                toks[before - 1].lower.as_str(),
                "who" | "which" | "that" | "whom"
            );
        relative_flags.push(relative);
        prev_clause_subject = subject
            .clone()
            .filter(|s| !matches!(toks[s.head].tag, "WP" | "WDT"));
        if let Some(s) = &subject {
            if !matches!(toks[s.head].tag, "WP" | "WDT") {
                let requested = s.start > 0
                    && (request_preposition(toks, s.start - 1)
                        || (toks[s.start - 1].is_verb()
                            && REQUEST_VERBS.contains(&toks[s.start - 1].lemma.as_str())));
                if !requested && !relative {
                    last_finite_subject = Some(s.clone());
                }
                last_any_subject = Some(s.clone());
                last_any_requested = requested;
                if !relative {
                    last_subject = Some(s.clone());
                }
            }
        }
        res.push(Clause {
            subject,
            verb: g.clone(),
            object,
            extras,
            agent,
            complement,
            reported_by: None,
            according_to: None,
            quoted: quoted.get(g.main).copied().unwrap_or(false),
            conditional,
        });
    }
    // Participles after a noun phrase ("the seat from Muzarabani South, won by Edward Raradza";
    // "the conference, founded in 1962,"): a passive clause about that noun phrase.
    for (gi, g) in groups.iter().enumerate() {
        // "the points required to achieve peace": a participle with an infinitive describes
        // the noun; it makes no clause.
        if finite[gi] || !toks[g.start].is("VBN") || g.start == 0 || g.main != g.start {
            continue;
        }
        let mut a = g.start;
        if toks[a - 1].text == "," {
            a -= 1;
        }
        let Some(subject) = np_ending_at(toks, a) else {
            continue;
        };
        if matches!(toks[subject.head].tag, "PRP" | "WP" | "WDT" | "EX")
            || fragment::definite_measure(toks, &subject)
        {
            continue;
        }
        let next_start = groups.get(gi + 1).map(|x| x.start).unwrap_or(n);
        let mut verb = g.clone();
        verb.passive = true;
        verb.copula = false;
        let (object, extras, agent, _complement, _) = find_arguments(toks, &verb, next_start, n);
        // A passive participle with a bare noun phrase after it ("Troops shelled suspected
        // positions" misread) is a verb whose voice the grammar cannot tell.
        let direct_object = object.as_ref().is_some_and(|o| {
            let p = &o.phrase;
            let time = is_time_phrase(toks, p)
                || toks[p.start..p.end].iter().any(|t| is_temporal(&t.lower));
            o.prep.is_none() && !time
        });
        if (object.is_none() && agent.is_none() && extras.is_empty()) || direct_object {
            continue;
        }
        res.push(Clause {
            subject: Some(subject),
            verb,
            object,
            extras,
            agent,
            complement: None,
            reported_by: None,
            according_to: None,
            quoted: quoted.get(g.main).copied().unwrap_or(false),
            conditional: false,
        });
    }
    // A fronted prepositional phrase ("On March 11, the arrival ... was reported") belongs to
    // the first clause after it.
    if toks
        .first()
        .is_some_and(|t| t.is("IN") && !is_subordinator(&t.lower))
    {
        if let Some(e) = np_at(toks, 1, n) {
            if toks.get(e).is_some_and(|t| t.text == ",") {
                let phrase = Phrase::new(toks, 1, e);
                if let Some(first) = res
                    .iter_mut()
                    .filter(|c| c.verb.start > e)
                    .min_by_key(|c| c.verb.start)
                    .filter(|c| !emptied.contains(&c.verb.start))
                {
                    first.extras.insert(
                        0,
                        Arg {
                            prep: Some(0),
                            phrase,
                        },
                    );
                }
            }
        }
    }
    // Gerund clauses after a preposition ("after meeting X", "without providing details")
    // take the subject of the clause they modify.
    for (gi, g) in groups.iter().enumerate() {
        if finite[gi] || !toks[g.start].is("VBG") || g.start == 0 {
            continue;
        }
        let prep = toks[g.start - 1].lower.as_str();
        let reporting_gerund = prep == "," && is_reporting(&toks[g.main].lemma);
        // "..., scoring her first goal in 2011": a participle clause after a comma, with an
        // object of its own, shares the subject of the clause it follows. Participles that work
        // as prepositions ("including", "following") do not.
        let comma_participle = prep == ","
            && !matches!(
                toks[g.main].lower.as_str(),
                "including"
                    | "according"
                    | "following"
                    | "regarding"
                    | "concerning"
                    | "excluding"
                    | "considering"
                    | "saying"
            )
            && toks.get(g.end).is_some_and(|n| {
                matches!(n.tag, "DT" | "PRP$" | "CD" | "NN" | "NNS" | "NNP" | "JJ")
            });
        if !reporting_gerund
            && !comma_participle
            && !matches!(
                prep,
                "after"
                    | "before"
                    | "while"
                    | "since"
                    | "upon"
                    | "without"
                    | "when"
                    | "by"
                    | "following"
            )
        {
            continue;
        }
        // "called on the board to resign, saying ...": the requester says it, not the board.
        let host = res
            .iter()
            .rfind(|c| c.verb.start < g.start && !(prep == "," && requested_infinitive(toks, c)))
            .or_else(|| res.iter().find(|c| c.verb.start > g.start));
        let Some(host) = host else { continue };
        let subject = host.subject.clone();
        let next_start = groups.get(gi + 1).map(|x| x.start).unwrap_or(n);
        let (object, extras, _agent, complement, _) = find_arguments(toks, g, next_start, n);
        let mut verb = g.clone();
        verb.negated = prep == "without";
        // "..., adding that ...": what a reporting participle reports is its host's speech.
        let complement = complement.filter(|_| reporting_gerund);
        res.push(Clause {
            subject,
            verb,
            object,
            extras,
            agent: None,
            complement,
            reported_by: None,
            according_to: None,
            quoted: quoted.get(g.main).copied().unwrap_or(false),
            conditional: false,
        });
    }
    res.sort_by_key(|c| c.verb.start);
    // 4. Reported speech: a clause inside another's complement is reported by it; a reporting
    //    clause at the end ("..., X said.") reports everything before it.
    let n_clauses = res.len();
    // "Although the mayor said it was late, the council voted": a reporting clause inside a
    // fronted subordinate clause reports nothing past the comma that ends it.
    // "said the ferry was fast, but the ferry is slow", "...; the council disagreed": a
    // clause coordinated after a comma and "but", or after a semicolon, is the narrator's.
    for c in res.iter_mut() {
        let Some((a, b)) = c.complement else {
            continue;
        };
        let fronted = fronted_subordinate(toks, c.verb.start);
        let ends = |k: usize| match toks[k].text.as_str() {
            "," if fronted => clause_follows(toks, k + 1),
            "," => {
                let but = toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "but" | "yet" | "whereas"));
                (but && clause_follows(toks, k + 2))
                    || verb_coordinated(toks, k + 1)
                    || (contrastive(&toks[k + 1..]) && reporting_clause_follows(toks, k + 2))
            }
            ";" => clause_follows(toks, k + 1),
            // "claims the plant is safe but residents insist ...": another speaker's report
            // after a contrast is the narrator's.
            _ => contrastive(&toks[k..]) && reporting_clause_follows(toks, k + 1),
        };
        if let Some(end) = (a..b).find(|&k| ends(k)) {
            c.complement = Some((a, end));
        }
    }
    // A reported clause ends where a clause whose subject stands before it begins:
    // "Zelenskyy, whose office said he had received a draft, said ..." — the second "said" is
    // Zelenskyy's, not part of what the office said.
    for ci in 0..n_clauses {
        let Some((a, b)) = res[ci].complement else {
            continue;
        };
        let cut = (0..n_clauses)
            .filter(|&ck| ck != ci)
            .filter(|&ck| {
                a <= res[ck].verb.start && res[ck].verb.start < b && finite_clause(toks, &res[ck])
            })
            .filter(|&ck| res[ck].subject.as_ref().is_some_and(|s| s.start < a))
            .map(|ck| res[ck].verb.start)
            .min();
        if let Some(cut) = cut {
            res[ci].complement = Some((a, cut));
        }
    }
    let quotes = quote_mask(toks);
    for ci in 0..n_clauses {
        let is_reporting = is_reporting(&toks[res[ci].verb.main].lemma);
        if !is_reporting {
            continue;
        }
        let vstart = res[ci].verb.start;
        let has_subject = res[ci].subject.is_some();
        // Trailing attribution: the reporting clause comes after the reported material, which
        // ends with a comma or quote right before its subject or verb.
        let subj_start = res[ci]
            .subject
            .as_ref()
            .map(|s| s.start.min(vstart))
            .unwrap_or(vstart);
        let before = subj_start.checked_sub(1).and_then(|k| toks.get(k));
        let is_last = !res
            .iter()
            .any(|o| o.verb.start > res[ci].verb.end && finite_clause(toks, o));
        let ends_here =
            |t: &Tok| matches!(t.text.as_str(), "." | "," | "!" | "?" | ";") || is_quote(&t.text);
        // '"...," remarked Tom Mina, who ...': a speaker after the verb, then a stop.
        let inverted_end = res[ci]
            .subject
            .as_ref()
            .filter(|s| s.start >= res[ci].verb.end)
            .map(|s| s.end);
        let bare = toks.get(res[ci].verb.end).is_none_or(ends_here)
            || inverted_end.is_some_and(|e| toks.get(e).is_none_or(ends_here));
        // '"...," Ruiz said when asked ...': after a closing quotation the tag reports it,
        // whatever follows the tag.
        let after_quotation = subj_start >= 1
            && (frame::closes_quotation(toks, subj_start - 1)
                || (before.is_some_and(|t| t.text == ",")
                    && subj_start >= 2
                    && frame::closes_quotation(toks, subj_start - 2)));
        // "..., troops discovered a grave": a verb of finding with an object is no speech tag.
        let finding = FINDING.contains(&toks[res[ci].verb.main].lemma.as_str());
        let trailing = before.is_some_and(|t| t.text == "," || is_quote(&t.text))
            && res[ci].complement.is_none()
            && ((is_last && !finding) || bare || after_quotation);
        // A speaker after a quotation ('"...," she told reporters') reports all of it, even
        // what a verb inside the quotation seemed to report.
        let speaker_after_quote = trailing && !res[ci].quoted;
        // 'Prices rose; "the market is nervous," Ruiz said.': a trailing tag after a
        // quotation reports back to the semicolon or colon that opens it, no further.
        let trail_from = (0..subj_start)
            .rfind(|&k| {
                matches!(toks[k].text.as_str(), ";" | ":")
                    && !quotes[k]
                    && toks.get(k + 1).is_some_and(|t| is_quote(&t.text))
                    && quotes.get(k + 2).copied().unwrap_or(false)
            })
            .unwrap_or(0);
        for cj in 0..n_clauses {
            if cj == ci {
                continue;
            }
            let m = res[cj].verb.main;
            if res[cj].reported_by.is_some()
                && !(speaker_after_quote && res[cj].quoted && m < subj_start)
            {
                continue;
            }
            let inside = match res[ci].complement {
                // The nearest reporting verb before a clause is the one that reports it.
                Some((a, b)) => {
                    a <= m
                        && m < b
                        && !(0..n_clauses).any(|ck| {
                            ck != ci
                                && res[ck].complement.is_some_and(|(a2, b2)| a2 <= m && m < b2)
                                && res[ck].verb.start > vstart
                                && res[ck].verb.start < m
                        })
                }
                None => false,
            };
            let before_trailing = trailing && m < subj_start && m >= trail_from;
            if (inside || before_trailing) && has_subject {
                res[cj].reported_by = Some(ci);
            }
        }
    }
    // A gerund clause belongs to its host clause's speech, whoever reports that.
    for ci in 0..n_clauses {
        if !toks[res[ci].verb.start].is("VBG") {
            continue;
        }
        let at = res[ci].verb.start;
        let host = (0..n_clauses)
            .rfind(|&k| k != ci && finite_clause(toks, &res[k]) && res[k].verb.start < at)
            .or_else(|| {
                (0..n_clauses)
                    .find(|&k| k != ci && finite_clause(toks, &res[k]) && res[k].verb.start > at)
            });
        // "Ruiz said the firm would close, adding that ...": a participle of saying after a
        // comma is the speaker's, not the reported clause's.
        let saying =
            at > 0 && toks[at - 1].text == "," && is_reporting(&toks[res[ci].verb.main].lemma);
        let mut host = host;
        if let Some(h) = host.filter(|_| saying) {
            let mut top = h;
            let mut steps = 0;
            while let Some(r) = res[top].reported_by.filter(|_| steps < n_clauses) {
                top = r;
                steps += 1;
            }
            if top != h && res[top].subject.is_some() {
                res[ci].subject = res[top].subject.clone();
                host = Some(top);
            }
        }
        res[ci].reported_by = host.and_then(|h| res[h].reported_by);
    }
    // "The union issued a statement that the plant would close": what a statement (an
    // announcement, a declaration) says is reported by whoever issued it.
    for ci in 0..n_clauses {
        let Some(o) = res[ci].object.as_ref().filter(|o| o.prep.is_none()) else {
            continue;
        };
        let head = o.phrase.head;
        let saying_noun = matches!(
            toks[head].lower.as_str(),
            "statement" | "announcement" | "declaration"
        );
        if !saying_noun || toks.get(head + 1).is_none_or(|t| t.lower != "that") {
            continue;
        }
        // The clause whose subject opens right after "that" (not a relative "that criticised").
        for (cj, c) in res.iter_mut().enumerate() {
            let opens = c.subject.as_ref().is_some_and(|p| p.start == head + 2);
            if cj != ci && opens && c.reported_by.is_none() {
                c.reported_by = Some(ci);
            }
        }
    }
    // "The senator is concerned that ...", "the mayor's claim that ...": the holder's.
    holder::stance_reports(toks, &mut res);
    holder::owned_reports(toks, &mut res);
    // 5. "According to X, ..." anywhere in the sentence.
    for k in 0..n.saturating_sub(2) {
        if toks[k].lower == "according" && toks[k + 1].lower == "to" {
            if let Some(e) = np_at(toks, k + 2, n) {
                let phrase = Phrase::new(toks, k + 2, e);
                for c in res.iter_mut() {
                    if c.reported_by.is_none() {
                        c.according_to = Some(phrase.clone());
                    }
                }
            }
        }
    }
    scope::mark_consequences(toks, &mut res);
    governed::inherit_modality(toks, &mut res);
    predicate::complete(toks, &mut res);
    scope::drop_unasserted(toks, res)
}

/// Whether token `at` stands in a subordinate clause that opens the sentence ("Although ...,",
/// "While ...,") and has not ended (no comma) before it.
fn fronted_subordinate(toks: &[Tok], at: usize) -> bool {
    let first = toks
        .iter()
        .position(|t| !is_quote(&t.text))
        .filter(|&f| f < at);
    let Some(first) = first else {
        return false;
    };
    let opener = toks[first].lower.as_str();
    let subordinate = matches!(
        opener,
        "although"
            | "though"
            | "while"
            | "whereas"
            | "because"
            | "if"
            | "unless"
            | "when"
            | "after"
            | "before"
            | "since"
            | "once"
    );
    subordinate && !toks[first..at].iter().any(|t| t.text == ",")
}

/// Whether `rest` opens with a conjunction of contrast ("but", "although", "though", "while",
/// "whereas", "yet").
fn contrastive(rest: &[Tok]) -> bool {
    rest.first().is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "but" | "although" | "though" | "while" | "whereas" | "yet"
        )
    })
}

/// Whether a clause with a subject of its own and a reporting verb starts at `j` ("residents
/// have insisted that ..."): its report is its speaker's, not part of an earlier one.
fn reporting_clause_follows(toks: &[Tok], j: usize) -> bool {
    if !clause_follows(toks, j) {
        return false;
    }
    let Some(first) = (j..toks.len()).find(|&k| toks[k].is_verb() || toks[k].is("MD")) else {
        return false;
    };
    let auxiliary =
        |t: &Tok| t.is("MD") || t.is("RB") || matches!(t.lemma.as_str(), "be" | "have" | "do");
    let mut k = first;
    while k < first + 4
        && auxiliary(&toks[k])
        && toks.get(k + 1).is_some_and(|t| t.is_verb() || t.is("RB"))
    {
        k += 1;
    }
    is_reporting(&toks[k].lemma)
}

/// Whether a clause (noun phrase material, then a verb) starts at `j`: "the conflict with Iran
/// would need ...".
/// Whether `j` opens a finite verb coordinated without a subject (", and said that ...",
/// ", but added ..."): the verb shares a subject with an earlier verb, so what the reporting
/// verb before it reports ends at the comma ("denied the plan existed, and said ..." does not
/// deny what was said next).
fn verb_coordinated(toks: &[Tok], j: usize) -> bool {
    if !toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_str(), "and" | "but" | "yet"))
    {
        return false;
    }
    let verb = (j + 1..toks.len().min(j + 4))
        .find(|&k| !toks[k].is("RB"))
        .map(|k| &toks[k]);
    verb.is_some_and(|t| t.is("VBD") || t.is("VBZ") || t.is("VBP") || t.is("MD"))
}

fn clause_follows(toks: &[Tok], j: usize) -> bool {
    if np_at(toks, j, toks.len()).is_none() {
        return false;
    }
    for (k, t) in toks.iter().enumerate().skip(j).take(16) {
        if t.is_verb() || t.is("MD") {
            return !t.is("VBG");
        }
        // 'the city "was once a base"': a quotation may open right before the verb (but
        // '..., " said X' closes one).
        let opens_before_verb = is_quote(&t.text)
            && toks.get(k + 1).is_some_and(|n| n.is_verb() || n.is("MD"))
            && k > 0
            && toks[k - 1].text != ",";
        let np_material = is_np_inner(t)
            || is_np_start(t)
            || opens_before_verb
            || t.is("IN")
            || t.is("CC")
            || t.is("RB")
            || t.text == ",";
        if !np_material || t.lower == "that" {
            return false;
        }
    }
    false
}

/// Whether token `at` stands inside quotation marks.
fn quoted_at(toks: &[Tok], at: usize) -> bool {
    quote_mask(toks).get(at).copied().unwrap_or(false)
}

fn finite_clause(toks: &[Tok], c: &Clause) -> bool {
    !toks[c.verb.start].is("VBG")
}

fn is_boundary(t: &Tok) -> bool {
    matches!(t.text.as_str(), ";" | ":" | "(" | ")" | "\u{2014}" | "--") || is_quote(&t.text)
}

/// Whether `toks[i]` is an adverb that may stand between a subject and its verb: a plain one
/// ("also", "still"), a comparative or superlative one ("later", "earlier", "most recently")
/// or the "longer" of "no longer"/"any longer".
pub(super) fn adverb_before_verb(toks: &[Tok], i: usize) -> bool {
    matches!(toks[i].tag, "RB" | "RBR" | "RBS")
        || (toks[i].lower == "longer"
            && i > 0
            && matches!(toks[i - 1].lower.as_str(), "no" | "any"))
}

/// Where a bracketed aside that ends right before `k` opens ("The government (led by X)
/// said"): the index of its "(", when the brackets span at most 20 words, hold no other
/// bracket, and a noun stands before them (a clause inside the aside does not matter).
fn bracketed_aside_ending_at(toks: &[Tok], k: usize) -> Option<usize> {
    if k == 0 || toks[k - 1].text != ")" {
        return None;
    }
    let open = (0..k - 1)
        .rev()
        .take(20)
        .take_while(|&j| toks[j].text != ")")
        .find(|&j| toks[j].text == "(")?;
    (open > 0 && toks[open - 1].is_noun()).then_some(open)
}

fn find_subject(
    toks: &[Tok],
    g: &VerbGroup,
    prev_end: usize,
    subjects: (&Option<Phrase>, &Option<Phrase>),
    prev_clause: Option<&Phrase>,
) -> Option<Phrase> {
    let (last_any, last_main) = subjects;
    let last_subject = if is_reporting(&toks[g.main].lemma) {
        last_main
    } else {
        last_any
    };
    let mut k = g.start;
    // Skip adverbs right before the verb ("Ukraine also said"), and a quote mark opening
    // inside the clause (the offer "has been welcomed").
    while k > prev_end && (adverb_before_verb(toks, k - 1) && toks[k - 1].mention.is_none()) {
        k -= 1;
    }
    // "The government (led by X) said": an aside in brackets between subject and verb.
    if let Some(open) = bracketed_aside_ending_at(toks, k) {
        k = open;
    }
    if k >= 2 && is_quote(&toks[k - 1].text) && (toks[k - 2].is_noun() || toks[k - 2].is("PRP")) {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let mut left = &toks[k - 1];
    // "calls for PSA and Renault, the two largest automakers, to receive a loan": the noun
    // phrase before "to" is the subject of the infinitive.
    if left.lower == "to" && toks[g.main].is("VB") && k >= 2 {
        k -= 1;
        left = &toks[k - 1];
        // Only after a verb that passes its object on: "calls for X to", "urged X to".
        let np = if left.is_noun() || left.is("CD") {
            np_ending_at(toks, k)
        } else if left.text == "," {
            // "X, the two largest automakers, to receive": skip the apposition.
            let mut j = k - 1;
            let mut found = None;
            while j > 0 {
                j -= 1;
                if toks[j].text == "," {
                    found = np_ending_at(toks, j);
                    break;
                }
            }
            found
        } else {
            None
        };
        let controlled = np.as_ref().is_some_and(|p| {
            p.start > 0
                && (toks[p.start - 1].lower == "for"
                    || request_preposition(toks, p.start - 1)
                    || (toks[p.start - 1].is_verb()
                        && CONTROL.contains(&toks[p.start - 1].lemma.as_str())))
        });
        if controlled {
            // "called on the rebels to not disrupt the vote": the negation stands outside the
            // verb group; no claim rather than the opposite one.
            if (k + 1..g.start).any(|j| NEGATIONS.contains(&toks[j].lower.as_str())) {
                return None;
            }
            return np;
        }
        // "moves to Porto to become a teacher", "adhering to the agreement to destroy
        // weapons": an infinitive after the previous verb's argument has that verb's subject.
        let np = np?;
        // "the desire of countries to get", "the decision by Ahmadinejad to resume": the
        // noun's "of"/"by" phrase names who would act.
        if np.start > 0 && matches!(toks[np.start - 1].lower.as_str(), "of" | "by") {
            return Some(np);
        }
        // "the United States' willingness to go ahead": the possessor would act, and "a
        // market without barriers to transfer goods" after a copula describes the noun.
        let possessive = (np.start..np.end).any(|j| matches!(toks[j].tag, "POS" | "PRP$"));
        let after_copula = prev_end > 0
            && (prev_end.saturating_sub(2)..prev_end)
                .any(|j| toks[j].is_verb() && toks[j].lemma == "be");
        let inherited = prev_clause.filter(|s| {
            np.start >= prev_end
                && prev_end > 0
                && !possessive
                && !after_copula
                && s.end < prev_end
                && !matches!(toks[np.start].lower.as_str(), "any" | "no")
                && !(prev_end..k).any(|j| {
                    is_boundary(&toks[j])
                        || toks[j].text == ","
                        || matches!(toks[j].tag, "WDT" | "WP" | "WRB")
                        || toks[j].lower == "that"
                })
        });
        return inherited.cloned();
    }
    // "the system, possibly to be deployed in Poland", "weapons to be destroyed by 2012": a
    // passive infinitive after a noun phrase is about that noun phrase.
    if left.lower == "to" && g.passive && k >= 2 {
        let mut j = k - 1;
        while j > prev_end && toks[j - 1].is("RB") && k - 1 - j < 2 {
            j -= 1;
        }
        if j > prev_end && toks[j - 1].text == "," {
            return np_ending_at(toks, j - 1);
        }
        if j > prev_end && toks[j - 1].is_noun() {
            return np_ending_at(toks, j);
        }
        return None;
    }
    // Relative pronoun: the antecedent is the noun phrase before it.
    if matches!(left.lower.as_str(), "who" | "which" | "that")
        && matches!(left.tag, "WP" | "WDT" | "IN" | "DT")
    {
        // "That comes to $12 million a month": at the start of a sentence (or after a quote
        // mark) it is a demonstrative subject, not a relative pronoun.
        let opens = k == 1 || (k == 2 && is_quote(&toks[0].text));
        if opens && left.lower == "that" {
            return Some(Phrase {
                start: k - 1,
                end: k,
                conjuncts: vec![(k - 1, k)],
                head: k - 1,
            });
        }
        let mut a = k - 1;
        if a > 0 && toks[a - 1].text == "," {
            a -= 1;
        }
        let np = np_ending_at(toks, a);
        // "a lamp given to the museum by X which sold for $500": after the agent of a
        // participle that describes a noun, "which" may stand for the agent or for that
        // noun; not a guess. After a full passive ("is disputed by X which") it is X.
        let after_agent = np
            .as_ref()
            .is_some_and(|p| p.start > 0 && toks[p.start - 1].lower == "by")
            && np
                .as_ref()
                .is_some_and(|p| reduced_relative_before(toks, p.start - 1));
        if after_agent && left.lower != "who" {
            return None;
        }
        return np;
    }
    // Coordinated verb phrase: "... and presented it" shares the subject.
    if left.is("CC") {
        if let Some(s) = last_subject {
            return Some(s.clone());
        }
    }
    // "Our teams - Ukraine and the U.S. - will work": skip a dash-delimited insertion.
    if matches!(
        left.text.as_str(),
        "-" | "\u{2014}" | "\u{2013}" | "--" | ")"
    ) {
        let open = if left.text == ")" {
            "("
        } else {
            left.text.as_str()
        };
        let mut j = k - 1;
        while j > prev_end {
            j -= 1;
            if toks[j].text == open
                || (open != "("
                    && matches!(toks[j].text.as_str(), "-" | "\u{2014}" | "\u{2013}" | "--"))
            {
                return np_ending_at(toks, j);
            }
        }
        return None;
    }
    // Inverted reporting: '"...," said X.' — the subject comes after the verb.
    if left.text == "," || is_quote(&left.text) {
        let near_quote = is_quote(&left.text) || (k >= 2 && is_quote(&toks[k - 2].text));
        // '..., reports the bank.': a finite verb after a comma, its speaker closing the
        // sentence.
        let after_comma = left.text == "," && matches!(toks[g.main].tag, "VBD" | "VBZ");
        if is_reporting(&toks[g.main].lemma) && (near_quote || after_comma) {
            if let Some(e) = np_at(toks, g.end, toks.len()) {
                // "said an analyst for the bank": the speaker's own "of"/"for" phrase.
                let e = frame::speaker_phrase_end(toks, e);
                // '..." said the bank in a statement', '... said Ruiz, adding ...'.
                let ends = if near_quote {
                    toks.get(e).is_none_or(frame::ends_inverted_speaker)
                } else {
                    frame::closes_sentence(toks, e)
                        || (frame::speaker_tail(toks, e)
                            && frame::has_finite_verb(toks, k - 1)
                            && matches!(
                                toks[g.main].lemma.as_str(),
                                "say" | "add" | "explain" | "note"
                            )
                            && !closes_insertion(toks, k - 1))
                };
                if ends {
                    return Some(Phrase::new(toks, g.end, e));
                }
            }
        }
        // "X, whose office said ..., said": skip back over a comma-delimited insertion.
        if left.text == "," {
            let mut j = k - 1;
            let mut depth = 0;
            while j > 0 {
                j -= 1;
                if toks[j].text == "," {
                    depth += 1;
                    if let Some(p) = np_ending_at(toks, j) {
                        let between_rel = toks.get(j + 1).is_some_and(|t| {
                            matches!(t.lower.as_str(), "who" | "which" | "whose" | "where")
                        });
                        if between_rel || depth == 1 {
                            return Some(p);
                        }
                    }
                }
                if is_boundary(&toks[j]) {
                    break;
                }
            }
        }
        return None;
    }
    let np = np_ending_at(toks, k)?;
    if let Some(described) = complement::described(toks, &np) {
        return Some(described);
    }
    // "The rule cited by Mrs. Haldane covers": the agent of a reduced relative is not
    // the subject; the noun phrase the participle describes is.
    if np.start >= 3 && toks[np.start - 1].lower == "by" {
        let mut v = np.start - 2;
        if toks[v].is("RP") && v > 0 {
            v -= 1;
        }
        if toks[v].is("VBN") && v > 0 && toks[v - 1].is_noun() {
            if let Some(described) = np_ending_at(toks, v) {
                return Some(described);
            }
        }
    }
    Some(np)
}

/// Whether the comma at `comma` closes an insertion opened by the comma before it: a relative
/// clause ("Ruiz, who leads the union, said ...") or a bare noun phrase in apposition ("her
/// rival, Ana Ruiz, said ..."), so the verb after it has its subject before the insertion.
fn closes_insertion(toks: &[Tok], comma: usize) -> bool {
    let Some(open) = (0..comma).rfind(|&j| toks[j].text == ",") else {
        return false;
    };
    let relative = toks
        .get(open + 1)
        .is_some_and(|t| matches!(t.tag, "WDT" | "WP" | "WP$") || t.lower == "where");
    relative || np_at(toks, open + 1, comma) == Some(comma)
}

/// The noun phrase that ends right before token `end`.
/// "owns 29 percent and the federal government has": the noun phrase ending before `cc` is
/// the object of an earlier verb (one that does not report a clause), so it is no member of
/// the subject list after `cc`. "said Britain and France signed" keeps its list.
fn object_of_earlier_verb(toks: &[Tok], cc: usize) -> bool {
    let mut j = cc;
    while j > 0 && (is_np_inner(&toks[j - 1]) || is_np_start(&toks[j - 1])) && cc - j < 8 {
        j -= 1;
    }
    j > 0 && {
        let verb = &toks[j - 1];
        verb.is_verb() && !is_reporting(&verb.lemma) && !THINKING.contains(&verb.lemma.as_str())
    }
}

/// Verbs that take a clause without "that" besides the reporting ones ("believe France won").
const THINKING: &[&str] = &[
    "believe", "think", "know", "hope", "fear", "expect", "suggest", "show", "find", "feel",
];

fn np_ending_at(toks: &[Tok], end: usize) -> Option<Phrase> {
    if end == 0 {
        return None;
    }
    let last = &toks[end - 1];
    // "a senior official said": a noun the tagger read as an adjective, right before a verb.
    let mut after = end;
    while toks.get(after).is_some_and(|t| t.is("RB")) {
        after += 1;
    }
    let adjective_subject = last.is_adj()
        && toks.get(after).is_some_and(|t| t.is_verb() || t.is("MD"))
        && (end.saturating_sub(4)..end - 1).any(|k| toks[k].is("DT") || toks[k].is("PRP$"));
    // "This is very dangerous": a demonstrative standing alone.
    if last.is("DT")
        && matches!(last.lower.as_str(), "this" | "that" | "these" | "those")
        && toks.get(end).is_some_and(|t| t.is_verb() || t.is("MD"))
    {
        return Some(Phrase {
            start: end - 1,
            end,
            conjuncts: vec![(end - 1, end)],
            head: end - 1,
        });
    }
    if !(last.is_noun()
        || last.is("CD")
        || last.is("PRP")
        || last.is("EX")
        || last.text == "%"
        || matches!(last.tag, "WP" | "WDT")
        || adjective_subject)
    {
        return None;
    }
    if matches!(last.tag, "PRP" | "EX" | "WP" | "WDT") {
        return Some(Phrase::new(toks, end - 1, end));
    }
    // Walk left over noun-phrase words, "of" and other prepositional attachments, quotes and
    // coordinated lists.
    let mut s = end - 1;
    let mut saw_cc = false;
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > 12 {
            break;
        }
        while s > 0
            && (is_np_inner(&toks[s - 1]) || is_np_start(&toks[s - 1]))
            && !matches!(toks[s - 1].tag, "PRP" | "WP" | "WDT" | "EX")
        {
            s -= 1;
            if toks[s].is("DT") || toks[s].is("PRP$") {
                // A determiner opens the phrase, unless a possessor precedes ("Ukraine 's").
                break;
            }
        }
        if s < 2 {
            break;
        }
        let sep = &toks[s - 1];
        let before = &toks[s - 2];
        // A quote mark inside: the "excessive use of force".
        if is_quote(&sep.text) && (is_np_inner(before) || is_np_start(before)) && !before.is("PRP")
        {
            s -= 1;
            continue;
        }
        // "the majority of the plan", "analysts in Zimbabwe", "reasons for the system".
        let attaching_prep = sep.lower == "of"
            || (sep.is("IN")
                && matches!(
                    sep.lower.as_str(),
                    "for"
                        | "in"
                        | "on"
                        | "from"
                        | "with"
                        | "about"
                        | "against"
                        | "to"
                        | "at"
                        | "over"
                        | "between"
                        | "among"
                ));
        if attaching_prep && (before.is_noun() || before.is("CD")) && !before.is("PRP") {
            s -= 1;
            continue;
        }
        // A list: "A and B", "Crimea , Luhansk and Donetsk".
        let is_cc = sep.is("CC") && matches!(sep.lower.as_str(), "and" | "or");
        if is_cc && before.is_adj() && toks[s].is_adj() {
            // "a free and fair election".
            s -= 1;
            continue;
        }
        if is_cc
            && (before.is_noun() || before.is("CD"))
            && !before.is("PRP")
            && !object_of_earlier_verb(toks, s - 1)
        {
            saw_cc = true;
            s -= 1;
            continue;
        }
        if sep.text == "," && saw_cc && before.mention.is_some() && toks[s].mention.is_some() {
            s -= 1;
            continue;
        }
        break;
    }
    // Trim leading junk: the phrase starts with a word that can start one.
    while s < end && !is_np_start(&toks[s]) {
        s += 1;
    }
    // "In 1904 Captain Edwin Hart sailed", "After a long delay Marsh agreed": a
    // sentence-initial prepositional phrase without its comma ends where a proper name begins.
    if s == 1 && toks[0].is("IN") {
        if let Some(p) = (s..end.saturating_sub(1)).find(|&p| {
            (toks[p].is("CD") || toks[p].tag.starts_with("NN") && !toks[p].tag.starts_with("NNP"))
                && toks[p + 1].tag.starts_with("NNP")
        }) {
            s = p + 1;
        }
    }
    if s >= end {
        return None;
    }
    Some(Phrase::new(toks, s, end))
}

fn find_arguments(toks: &[Tok], g: &VerbGroup, next_verb: usize, n: usize) -> Arguments {
    let mut i = g.end;
    let main_lemma = toks[g.main].lemma.as_str();
    let reporting = is_reporting(main_lemma);
    let mut object: Option<Arg> = None;
    let mut extras: Vec<Arg> = Vec::new();
    let mut agent: Option<Phrase> = None;
    let mut complement = None;
    // Skip adverbs, and a quote mark closing after the verb ("has been welcomed" by X).
    while i < n
        && ((toks[i].is("RB") && toks[i].mention.is_none())
            || (is_quote(&toks[i].text) && toks.get(i + 1).is_some_and(|t| t.is("IN"))))
    {
        i += 1;
    }
    if reporting {
        // "said (that) ...", "told X (that) ...", "wrote on Telegram ...".
        let mut j = i;
        if let Some(e) = np_at(toks, j, n)
            .filter(|&e| toks[j].lower != "that" && addressed_report(toks, main_lemma, e))
        {
            object = Some(Arg {
                prep: None,
                phrase: Phrase::new(toks, j, e),
            });
            j = e;
        }
        while j < n && (toks[j].is("IN") && toks[j].lower != "that") {
            // "wrote on Telegram", "said after talks with X on Thursday", "said after meeting
            // X in Kyiv that ...": skip prepositional phrases up to the reported clause.
            let mut k = j + 1;
            if toks.get(k).is_some_and(|t| t.is("VBG")) {
                k += 1;
            }
            match np_at(toks, k, n) {
                Some(e) => {
                    extras.push(Arg {
                        prep: Some(j),
                        phrase: Phrase::new(toks, j + 1, e),
                    });
                    j = e;
                }
                None => break,
            }
            // "after meeting X in Kyiv": a gerund inside the PP.
        }
        let mut that = false;
        // "He said, that the fund was ...": a comma before "that" changes nothing.
        if toks.get(j).is_some_and(|t| t.text == ",")
            && toks.get(j + 1).is_some_and(|t| t.lower == "that")
            && matches!(toks[g.main].tag, "VBD" | "VBZ" | "VBP")
        {
            j += 1;
        }
        if toks.get(j).is_some_and(|t| t.lower == "that") {
            j += 1;
            that = true;
        }
        if toks.get(j).is_some_and(|t| t.text == "," || t.text == ":") {
            j += 1;
        }
        // The complement is a clause: (that) subject + verb, or a quotation. Verbs that
        // report only with "that" ("promised that", "agreed that") take a bare clause as
        // something else ("promised a veto, ...").
        // What is found is reported after "that" only: "determine \"new ways ...\"" is a plain
        // object.
        let quotation =
            toks.get(j).is_some_and(|t| is_quote(&t.text)) && !FINDING.contains(&main_lemma);
        let bare_clause = !REPORTS_WITH_THAT.contains(&main_lemma) && clause_follows(toks, j);
        let clause_like = that || quotation || bare_clause;
        if j < n && clause_like {
            // Inside a quotation, what is reported ends with the quotation.
            let end = if quoted_at(toks, g.main) {
                (j..n).find(|&k| is_quote(&toks[k].text)).unwrap_or(n)
            } else {
                n
            };
            complement = Some((j, end));
        }
        if complement.is_some() {
            return (object, extras, agent, complement, false);
        }
        // No reported clause: read the arguments as for any verb.
        object = None;
        extras.clear();
    }
    // Copula or verb: object noun phrase / adjective / prepositional phrases.
    let limit = next_verb.min(n);
    let verb = complement::Verb(main_lemma);
    if i + 1 < limit && is_quote(&toks[i].text) && (toks[i + 1].is_adj() || toks[i + 1].is("RB")) {
        // is "relatively small".
        i += 1;
    }
    if i < limit {
        if let Some(e) = np_at(toks, i, limit) {
            if !matches!(toks[i].tag, "WDT" | "WP") {
                let phrase = whole_object(toks, i, e, verb);
                i = phrase.end;
                object = Some(Arg { prep: None, phrase });
            }
        } else if (g.copula || LINKING.contains(&main_lemma))
            && i < limit
            && (toks[i].is_adj() || toks[i].is("RB"))
        {
            // "was ready for X", "is small": adjective complement, with its PP.
            let mut e = i + 1;
            // "was married and had", "democratic and": a coordinator only between adjectives.
            while e < limit
                && (toks[e].is_adj()
                    || toks[e].is("RB")
                    || (toks[e].is("CC") && toks.get(e + 1).is_some_and(|t| t.is_adj())))
            {
                e += 1;
            }
            object = Some(Arg {
                prep: None,
                phrase: Phrase {
                    start: i,
                    end: e,
                    conjuncts: vec![(i, e)],
                    head: e - 1,
                },
            });
            i = e;
        } else if !g.copula
            && !g.passive
            && !LINKING.contains(&main_lemma)
            && toks[i].is("JJ")
            && toks[i].lower.len() >= 6
            && toks[i].lower.ends_with("al")
            && toks
                .get(i + 1)
                .is_none_or(|n| n.is("IN") || n.is("TO") || matches!(n.text.as_str(), "." | ","))
        {
            // "risks referral to the Security Council", "won approval from": an "-al" noun of
            // action the tagger read as an adjective, alone after a verb.
            object = Some(Arg {
                prep: None,
                phrase: Phrase {
                    start: i,
                    end: i + 1,
                    conjuncts: vec![(i, i + 1)],
                    head: i,
                },
            });
            i += 1;
        }
    }
    // Prepositional arguments.
    let mut guard = 0;
    // Past a noun phrase set off by a comma ("won the seat, a swing of 9% from X to Y"),
    // prepositional phrases belong to that phrase, not to the verb.
    let mut apposed = false;
    while i < limit && guard < 8 {
        guard += 1;
        let t = &toks[i];
        if t.is("IN") || t.is("TO") || (t.lower == "to") {
            if is_subordinator(&t.lower) && !ALSO_PREPOSITIONS.contains(&t.lower.as_str()) {
                break;
            }
            let Some(e) = np_at(toks, i + 1, limit) else {
                // "as de facto Russian": keep an adjective after "as".
                if t.lower == "as" {
                    let mut e = i + 1;
                    while e < limit
                        && (toks[e].is_adj()
                            || toks[e].is("FW")
                            || toks[e].is("RB")
                            || toks[e].is_noun())
                    {
                        e += 1;
                    }
                    if e > i + 1 {
                        extras.push(Arg {
                            prep: Some(i),
                            phrase: Phrase {
                                start: i + 1,
                                end: e,
                                conjuncts: vec![(i + 1, e)],
                                head: e - 1,
                            },
                        });
                        i = e;
                        continue;
                    }
                }
                break;
            };
            let phrase = whole_object(toks, i + 1, e, verb);
            let e = phrase.end;
            if apposed {
                i = e;
                continue;
            }
            // "is achieved by November 24", "by the end of the year": a deadline, no agent.
            if t.lower == "by" && g.passive && agent.is_none() && !is_time_phrase(toks, &phrase) {
                agent = Some(phrase);
            } else if object.is_none() {
                object = Some(Arg {
                    prep: Some(i),
                    phrase,
                });
            } else {
                extras.push(Arg {
                    prep: Some(i),
                    phrase,
                });
            }
            i = e;
            continue;
        }
        if t.text == "," || t.is("RB") {
            // ", without providing further details": stop at a comma followed by a subordinate.
            if t.text == ","
                && toks.get(i + 1).is_some_and(|x| {
                    x.is("IN") && x.lower != "to"
                        || x.is("VBG")
                        || x.is("WDT")
                        || x.is("WP")
                        || x.is("CC")
                })
            {
                break;
            }
            // A list inside the object ("politicians , diplomats and academics from 40
            // countries"): go on past a comma to more noun phrases and their prepositions.
            if t.text == ","
                && !toks
                    .get(i + 1)
                    .is_some_and(|x| is_np_start(x) && !matches!(x.tag, "WDT" | "WP" | "PRP"))
            {
                break;
            }
            i += 1;
            continue;
        }
        // "the agreement to destroy thousands of weapons until 2012": step over an infinitive
        // and its object to the arguments after it.
        if t.lower == "to" && toks.get(i + 1).is_some_and(|x| x.is("VB")) {
            i += 2;
            if let Some(e) = np_at(toks, i, limit) {
                i = e;
            }
            continue;
        }
        // A bare temporal noun phrase ("last week", "Saturday") or a date number.
        if matches!(t.tag, "WDT" | "WP") || t.lower == "that" {
            break;
        }
        let temporal = |a: usize, b: usize| {
            toks[a..b].iter().any(|x| {
                is_temporal(&x.lower)
                    || (x.is("CD") && x.text.len() == 4 && x.text.starts_with(['1', '2']))
            })
        };
        if let Some(e) = np_at(toks, i, limit) {
            if temporal(i, e) {
                extras.push(Arg {
                    prep: None,
                    phrase: Phrase::new(toks, i, e),
                });
            } else if i > 0 && toks[i - 1].text == "," && !g.copula && toks[i].is("DT") {
                // Not a list of counted items ("29 in Harare, 28 in Midlands").
                apposed = true;
            }
            i = e;
            continue;
        }
        break;
    }
    let joins = g.copula || LINKING.contains(&main_lemma);
    drop_cut(toks, joins, object, extras, agent, complement)
}

/// The object `start..end` with the complement its noun needs ("their plan to leave") and
/// the quotation mark that closes it, for an object of `verb`.
fn whole_object(toks: &[Tok], start: usize, end: usize, verb: complement::Verb) -> Phrase {
    let mut p = Phrase::new(toks, start, end);
    if p.conjuncts.len() == 1 {
        let last = complement::complete(toks, end - 1, end, verb);
        let e = if last > end {
            last
        } else {
            complement::complete(toks, p.head, end, verb)
        };
        let e = complement::close_quote(toks, start, e);
        if e > end {
            p.end = e;
            p.conjuncts = vec![(start, e)];
        }
    }
    p
}

/// A clause's object, further arguments, agent and reported clause, and whether its object was
/// cut short (the clause then says nothing: see `drop_cut`).
type Arguments = (
    Option<Arg>,
    Vec<Arg>,
    Option<Phrase>,
    Option<(usize, usize)>,
    bool,
);

/// Arguments without the ones cut short ("married and", an open quotation): a clause whose
/// object is cut has nothing to say, and a cut further argument is left out. `joins`: the
/// verb is a copula or linking verb, whose adjective joins the relation ("be closer to").
fn drop_cut(
    toks: &[Tok],
    joins: bool,
    object: Option<Arg>,
    mut extras: Vec<Arg>,
    agent: Option<Phrase>,
    complement: Option<(usize, usize)>,
) -> Arguments {
    let cut = |a: &Arg| complement::is_cut(toks, a.phrase.start, a.phrase.end, joins);
    if object.as_ref().is_some_and(cut) {
        return (None, Vec::new(), None, complement, true);
    }
    extras.retain(|a| !cut(a));
    (object, extras, agent, complement, false)
}

/// Nouns that measure how much a change was: after "by" they are no agent.
const MEASURE_NOUNS: &[&str] = &[
    "hour",
    "hours",
    "minute",
    "minutes",
    "margin",
    "factor",
    "half",
    "third",
    "thirds",
    "quarter",
    "fraction",
    "degree",
    "degrees",
    "inch",
    "inches",
    "foot",
    "feet",
    "metre",
    "metres",
    "meter",
    "meters",
    "mile",
    "miles",
    "kilometre",
    "kilometres",
    "length",
    "lengths",
    "notch",
    "notches",
    "percent",
    "points",
    "magnitude",
];

/// Words that make a bare noun phrase a time ("last week", "Saturday", "in March").
fn is_temporal(w: &str) -> bool {
    use crate::lexicon::{is_month_or_day, TIME_NOUNS};
    is_month_or_day(w) || TIME_NOUNS.contains(&w) || matches!(w, "decade" | "century")
}

/// The grammar tokens and clauses of a sentence given as space-separated words, for the unit
/// tests of this module's parts.
#[cfg(test)]
pub(crate) fn read_words(sentence: &str) -> (Vec<Tok>, Vec<Clause>) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
    let found = clauses(&toks);
    (toks, found)
}

/// The main verbs of the clauses the grammar keeps for a sentence given as space-separated
/// words, for the unit tests of the passes that drop clauses.
#[cfg(test)]
pub(crate) fn kept_verbs(sentence: &str) -> Vec<String> {
    let (toks, found) = read_words(sentence);
    found
        .iter()
        .map(|c| toks[c.verb.main].lower.clone())
        .collect()
}

#[cfg(test)]
fn join(toks: &[Tok], a: usize, b: usize) -> String {
    toks.get(a..b.min(toks.len()))
        .unwrap_or(&[])
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the comma at `close` ends an apposition or a relative clause that follows a noun
/// phrase: "Obama, the president of the United States," or "Obama, who leads the country,".
fn closes_apposition(toks: &[Tok], close: usize) -> bool {
    if toks.get(close).is_none_or(|t| t.text != ",") {
        return false;
    }
    let Some(open) = (close.saturating_sub(16)..close)
        .rev()
        .find(|&j| toks[j].text == ",")
    else {
        return false;
    };
    if open == 0 || open + 1 >= close || !toks[open - 1].is_noun() {
        return false;
    }
    let first = &toks[open + 1];
    let relative = matches!(first.tag, "WP" | "WDT" | "WP$");
    let apposition = (is_np_start(first) || first.mention.is_some())
        && !(open + 1..close)
            .any(|j| toks[j].is_verb() && !toks[j].is("VBN") && !toks[j].is("VBG"));
    relative || apposition
}

/// Whether a phrase names a time or a measure ("November 24", "2012", "the end of the year",
/// "Friday", "10 percent").
fn is_time_phrase(toks: &[Tok], phrase: &Phrase) -> bool {
    // Besides the `is_temporal` words: abbreviated months and words that name a point in time.
    const MORE_TIMES: &[&str] = &[
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
        "dec.", "tonight", "noon", "midnight", "day", "end", "deadline", "time", "then", "now",
        "spring", "summer", "autumn", "fall", "winter",
    ];
    // The first word after any determiner: "the end of the year", "November 24", "10
    // percent" (a measure is no agent either), but not "the ABC program yesterday".
    let Some(at) = (phrase.start..phrase.end)
        .find(|&k| toks.get(k).is_some_and(|t| !(t.is("DT") || t.is("PRP$"))))
    else {
        return false;
    };
    let Some(first) = toks.get(at) else {
        return false;
    };
    // "by yesterday's police action" is an agent.
    if first.mention.is_some() || toks.get(at + 1).is_some_and(|t| t.is("POS")) {
        return false;
    }
    let lower = first.lower.as_str();
    if is_temporal(lower) || MORE_TIMES.contains(&lower) || first.is("$") {
        return true;
    }
    // "extended by an hour", "won by a wide margin", "cut by half": a measure, no agent.
    let measured = |t: &Tok| t.mention.is_none() && MEASURE_NOUNS.contains(&t.lower.as_str());
    if measured(first) || toks.get(phrase.head).is_some_and(measured) {
        return true;
    }
    // A number is a year or a measure ("by 2012", "by 0.7 percent", "by 12 points") unless it
    // counts the agents ("by 141 nations").
    const MEASURES: &[&str] = &[
        "percent",
        "%",
        "per",
        "cent",
        "cents",
        "point",
        "points",
        "percentage",
        "pence",
        "hours",
        "hour",
        "minutes",
        "days",
        "weeks",
        "months",
        "years",
        "times",
        "million",
        "billion",
        "thousand",
        "votes",
        "seats",
        "goals",
        "runs",
        "wickets",
        "strokes",
    ];
    let measure_last = toks
        .get(phrase.end - 1)
        .is_some_and(|t| t.is("CD") || MEASURES.contains(&t.lower.as_str()));
    (first.is("CD") && (phrase.end == phrase.start + 1 || measure_last))
        || (measure_last && quantified_measure(toks, phrase))
}

/// "by several days", "by a few points", "by a healthy 19%", "by only 5%": a measure whose
/// number comes after a quantity word, an adjective or an adverb (no agent either).
fn quantified_measure(toks: &[Tok], phrase: &Phrase) -> bool {
    let words = &toks[phrase.start..phrase.end.saturating_sub(1)];
    let quantity = |t: &Tok| t.is("CD") || matches!(t.lower.as_str(), "several" | "few" | "couple");
    words.iter().any(quantity)
        && words
            .iter()
            .all(|t| t.mention.is_none() && matches!(t.tag, "DT" | "CD" | "JJ" | "RB" | "IN"))
        && words.iter().all(|t| !t.is("IN") || t.lower == "of")
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_s_word_before_a_plural_verb_is_the_plural_head() {
        // The tagger reads "spaceports" and "podcasts" here as verbs.
        for words in [
            [
                "Other",
                "South",
                "Korea",
                "spaceports",
                "include",
                "two",
                "sites",
            ],
            [
                "The", "Sri", "Lanka", "podcasts", "include", "three", "shows",
            ],
        ] {
            let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
            assert_eq!(toks[3].tag, "NNS", "{:?}", toks[3]);
            assert!(toks[4].tag.starts_with("VB"), "{:?}", toks[4]);
        }
        // A verb before a modal stays a verb: "what he says will happen".
        let words = ["what", "he", "says", "will", "happen"];
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        assert_eq!(toks[2].tag, "VBZ");
    }

    use super::*;

    #[test]
    fn a_country_letter_before_a_dollar_sign_is_part_of_the_sign() {
        let (_, toks) = test_tokens("rules cap fees at Z $ 2.5 million a day");
        assert_eq!(toks[4].tag, "$");
        let (_, toks) = test_tokens("rules cap fees at Mex $ 300");
        assert_eq!(toks[4].tag, "$");
        // An article opening the sentence stays one.
        let (_, toks) = test_tokens("A $ 4 million grant was approved");
        assert_ne!(toks[0].tag, "$");
    }

    /// The lemma of the verb of the clause that reports the clause whose main verb is `verb`.
    fn reporter(sentence: &str, verb: &str) -> Option<String> {
        let (toks, found) = read_words(sentence);
        let c = found.iter().find(|c| toks[c.verb.main].lower == verb)?;
        c.reported_by
            .map(|r| toks[found[r].verb.main].lemma.clone())
    }

    #[test]
    fn a_comparative_adverb_or_go_on_to_keeps_the_speaker() {
        for s in [
            "Ruiz later said the bridge reopened in May .",
            "The mayor earlier said that the bridge reopened in May .",
            "The mayor went on to say that the bridge reopened in May .",
            "Ruiz has gone on to say the bridge reopened in May .",
        ] {
            assert_eq!(reporter(s, "reopened").as_deref(), Some("say"), "{s}");
        }
        // "went on to" adds no modality of its own.
        let (toks, found) = read_words("The team went on to win the cup .");
        let win = found.iter().find(|c| toks[c.verb.main].lower == "win");
        assert_eq!(win.map(|c| c.verb.modality), Some(Modality::Asserted));
    }

    /// A number before the first of coordinated nouns counts them together; numbers,
    /// determiners or names of their own make separate conjuncts.
    #[test]
    fn a_number_before_coordinated_nouns_counts_them_together() {
        let parts = |phrase: &str| {
            let words: Vec<&str> = phrase.split(' ').collect();
            let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
            split_conjuncts(&toks, 0, toks.len())
                .iter()
                .map(|&(a, b)| join(&toks, a, b))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            parts("40 farmers and fishermen"),
            ["40 farmers and fishermen"]
        );
        assert_eq!(
            parts("the 13 nurses and doctors"),
            ["the 13 nurses and doctors"]
        );
        assert_eq!(
            parts("five soldiers and two civilians"),
            ["five soldiers", "two civilians"]
        );
        assert_eq!(parts("farmers and fishermen"), ["farmers", "fishermen"]);
        assert_eq!(
            parts("12 buses and the new trams"),
            ["12 buses", "the new trams"]
        );
    }

    /// "A verb X and B verb Y": the second clause's subject is no member of the first
    /// clause's object list, nor the first object a member of its subject list.
    #[test]
    fn coordinated_clauses_keep_their_own_arguments() {
        let got = show("The city bought 40 buses and the county bought 12 trains .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("The city | buy | 40 buses |")),
            "{got:#?}"
        );
        assert!(
            got.iter()
                .any(|g| g.starts_with("the county | buy | 12 trains |")),
            "{got:#?}"
        );
        assert!(!got.iter().any(|g| g.contains("40 buses and")), "{got:#?}");
        // Lists stay lists.
        let got = show("Officials said Britain and France signed the treaty .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("Britain and France | sign | the treaty")),
            "{got:#?}"
        );
    }

    /// "The firm employs/NNS 300 people": the verb before an amount is read as a verb.
    #[test]
    fn a_verb_before_an_amount_is_a_verb() {
        let got = show("The firm employs 300 people , the mayor said .");
        assert!(
            got.iter()
                .any(|g| g.starts_with("The firm | employ | 300 people")),
            "{got:#?}"
        );
    }

    /// A company name the tagger reads as a verb ("Fiat/VB") is a name, and the verb after it
    /// is tagged knowing that: "announced" is the sentence's verb, not a participle.
    #[test]
    fn a_name_read_as_a_verb_is_retagged_with_its_neighbours() {
        let words: Vec<&str> = "Fiat announced on Friday that it intends to buy the stake ."
            .split(' ')
            .collect();
        let plain = PosModel::builtin().tag(&words);
        assert!(
            plain[0].is_verb(),
            "the premise: the tagger misreads the name"
        );
        let mut mention_of = vec![None; words.len()];
        mention_of[0] = Some(0);
        let toks = make_tokens(&words, &mention_of, PosModel::builtin());
        assert_eq!(toks[0].tag, "NNP");
        assert_eq!(toks[1].tag, "VBD");
        // Without the mention nothing is fixed.
        let unmarked = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        assert_ne!(unmarked[0].tag, "NNP");
    }

    #[test]
    fn a_report_ends_before_a_verb_coordinated_after_a_comma() {
        let sentence = "The mayor denied the plant was closing , and said the budget was safe .";
        let words: Vec<&str> = sentence.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let found = clauses(&toks);
        let denied = found.iter().find(|c| c.verb.lemma == "deny");
        assert_eq!(
            denied.and_then(|c| c.complement),
            Some((3, 7)),
            "{found:#?}"
        );
    }

    #[test]
    fn up_to_before_an_amount_is_no_particle() {
        let got = show("Ordinary appeals would have taken up to 50 years .");
        assert!(got.iter().all(|g| !g.contains("take up")), "{got:#?}");
    }

    fn show(sentence: &str) -> Vec<String> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        clauses(&toks)
            .iter()
            .map(|c| {
                let subj = c
                    .subject
                    .as_ref()
                    .map(|p| join(&toks, p.start, p.end))
                    .unwrap_or_default();
                let obj = c
                    .object
                    .as_ref()
                    .map(|a| join(&toks, a.phrase.start, a.phrase.end))
                    .unwrap_or_default();
                format!(
                    "{subj} | {} | {obj} | rep={:?} comp={:?}",
                    c.verb.lemma, c.reported_by, c.complement
                )
            })
            .collect()
    }

    fn check(sentence: &str, expected: &[&str]) {
        let got = show(sentence);
        for want in expected {
            assert!(
                got.iter().any(|g| g.starts_with(want)),
                "{want:?} not in {got:#?}"
            );
        }
    }

    #[test]
    fn subject_verb_object_and_modality() {
        check(
            "Ukraine would have to limit its army to 600,000 troops .",
            &["Ukraine | limit | its army"],
        );
        let words: Vec<&str> = "Ukraine would have to limit its army ."
            .split(' ')
            .collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let found = clauses(&toks);
        assert_eq!(found[0].verb.modality, Modality::Obligation);
    }

    /// The modality of each clause the grammar reads in `sentence` (words split on spaces).
    fn modalities(sentence: &str) -> Vec<(String, Modality)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        clauses(&toks)
            .iter()
            .map(|c| (toks[c.verb.main].lower.clone(), c.verb.modality))
            .collect()
    }

    #[test]
    fn expectation_schedule_hearsay_request_and_inference() {
        let cases: &[(&str, &str, Modality)] = &[
            (
                "The bridge is also expected to ease traffic .",
                "ease",
                Modality::Future,
            ),
            (
                "The games are scheduled to open in June .",
                "open",
                Modality::Future,
            ),
            (
                "The envoy is said to have received a warning .",
                "received",
                Modality::Hedged,
            ),
            (
                "The miners are believed to be safe .",
                "be",
                Modality::Hedged,
            ),
            ("The mayor appeared to be tense .", "be", Modality::Hedged),
            (
                "The clerk seems to have left early .",
                "left",
                Modality::Hedged,
            ),
            (
                "Drivers are urged to avoid the bridge .",
                "avoid",
                Modality::Obligation,
            ),
            (
                "Residents were asked to boil water .",
                "boil",
                Modality::Obligation,
            ),
            (
                "The council asked residents to boil water .",
                "boil",
                Modality::Obligation,
            ),
            (
                "The law allows police to search cars .",
                "search",
                Modality::Possibility,
            ),
            (
                "He must have known about the leak .",
                "known",
                Modality::Hedged,
            ),
            (
                "You must register by Friday .",
                "register",
                Modality::Obligation,
            ),
            (
                "The firm has to repay the loan .",
                "repay",
                Modality::Obligation,
            ),
            (
                "The firm intends to repay the loan .",
                "repay",
                Modality::Future,
            ),
            (
                "The storm forced the ferry to turn back .",
                "turn",
                Modality::Asserted,
            ),
            (
                "The ferry was forced to turn back by the gale .",
                "turn",
                Modality::Asserted,
            ),
            (
                "The minister was compelled to resign last year .",
                "resign",
                Modality::Asserted,
            ),
            (
                "The firm will be forced to close the plant .",
                "close",
                Modality::Future,
            ),
            (
                "The firm seemingly ignored the warning .",
                "ignored",
                Modality::Hedged,
            ),
            (
                "The union has called on the airline to reopen the depot .",
                "reopen",
                Modality::Obligation,
            ),
            (
                "The mayor has called for the ferries to resume service .",
                "resume",
                Modality::Obligation,
            ),
            (
                "The coast guard appealed to the crews to stay in port .",
                "stay",
                Modality::Obligation,
            ),
            (
                "The diver claimed to have found the wreck of the schooner .",
                "found",
                Modality::Hedged,
            ),
            // A plain "for" phrase with an infinitive is no request.
            (
                "The club waited for the rain to stop .",
                "stop",
                Modality::Asserted,
            ),
        ];
        for (sentence, verb, want) in cases {
            let found = modalities(sentence);
            let got = found.iter().find(|(v, _)| v == verb).map(|(_, m)| *m);
            assert_eq!(got, Some(*want), "{sentence}: {found:?}");
        }
    }

    #[test]
    fn a_complement_stops_at_a_narrators_clause() {
        // After a fronted subordinate clause, after ", but", after a semicolon.
        for sentence in [
            "Although the mayor said the ferry was fast , the council bought a bus .",
            "The mayor said the ferry was fast , but the council bought a bus .",
            "The mayor said the ferry was fast ; the council bought a bus .",
        ] {
            let found = show(sentence);
            let bus = found.iter().find(|c| c.contains("| buy |"));
            assert!(
                bus.is_some_and(|c| c.contains("rep=None")),
                "{sentence}: {found:#?}"
            );
            let fast = found.iter().find(|c| c.contains("| be |"));
            assert!(
                fast.is_some_and(|c| c.contains("rep=Some")),
                "{sentence}: {found:#?}"
            );
        }
        // "promised" reports only after "that": with a bare phrase it has an object.
        let found = show("The mayor promised a new bridge to the people of the town .");
        assert!(found.iter().all(|c| c.contains("comp=None")), "{found:#?}");
        // After a colon, a quotation is what is reported.
        let found = show("The mayor said : \" The ferry is fast .");
        assert!(
            found
                .iter()
                .any(|c| c.starts_with("The ferry") && c.contains("rep=Some")),
            "{found:#?}"
        );
    }

    #[test]
    fn passive_with_agent() {
        let words: Vec<&str> = "The plan was approved by the parliament on Friday ."
            .split(' ')
            .collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let found = clauses(&toks);
        assert!(found[0].verb.passive);
        let agent = found[0].agent.as_ref().map(|a| join(&toks, a.start, a.end));
        assert_eq!(agent.as_deref(), Some("the parliament"));
    }

    #[test]
    fn a_deadline_or_a_measure_after_by_is_no_agent() {
        let agent_of = |sentence: &str| {
            let words: Vec<&str> = sentence.split(' ').collect();
            let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
            let found = clauses(&toks);
            found[0].agent.as_ref().map(|a| join(&toks, a.start, a.end))
        };
        assert_eq!(agent_of("A result was achieved by November 24 ."), None);
        assert_eq!(agent_of("Prices were increased by 0.7 percent ."), None);
        assert_eq!(
            agent_of("The ban will be lifted by the end of the year ."),
            None
        );
        assert_eq!(
            agent_of("The treaty was signed by 141 nations .").as_deref(),
            Some("141 nations")
        );
        assert_eq!(agent_of("Trains were delayed by an hour ."), None);
        assert_eq!(agent_of("The count was delayed by several days ."), None);
        assert_eq!(agent_of("Imports were cut by a steep 12 % ."), None);
        assert_eq!(
            agent_of("The launch was pushed back by a few weeks ."),
            None
        );
        assert_eq!(
            agent_of("The ferry was delayed by several striking dockers .").as_deref(),
            Some("several striking dockers")
        );
        assert_eq!(agent_of("The motion was carried by a wide margin ."), None);
        assert_eq!(
            agent_of("The raid was justified by yesterday 's attack .").as_deref(),
            Some("yesterday 's attack")
        );
    }

    #[test]
    fn modifiers_read_as_verbs_open_no_clause() {
        // A past form between a number and a noun describes the noun.
        check(
            "The jets hit five suspected militant positions .",
            &["The jets | hit | five suspected militant positions"],
        );
        // After "said", a participle before a noun opens the reported clause.
        check(
            "Police said existing laws allow the search .",
            &["laws | allow | the search"],
        );
        assert!(show("Police said existing laws allow the search .")
            .iter()
            .all(|c| !c.contains("exist")));
        check(
            "The agency tracks rising prices in the region .",
            &["The agency | track | rising prices"],
        );
        check(
            "The bank hopes to increase existing swap lines .",
            &["The bank | increase | existing swap lines"],
        );
        check(
            "The firm went broke owing workers $ 700 .",
            &["The firm | owe | workers"],
        );
        // A verb that takes a gerund goes on to it.
        check(
            "The minister denied taking bribes .",
            &["The minister | take | bribes"],
        );
        // A caption: a plural after a bare name and before "on" is no verb.
        assert!(show("Katyusha rockets on their launch rails .").is_empty());
        // A participle with a particle and an object is a past tense ("call off | the
        // strike"), not a passive.
        let (_, found) = read_words("The union called off the strike .");
        assert!(found.len() == 1 && !found[0].verb.passive, "{found:?}");
    }

    #[test]
    fn which_after_an_agent_has_no_antecedent() {
        let got = show("They sold a lamp given to the museum by Maria Lopez which cost $ 500 .");
        assert!(
            got.iter().all(|c| !c.starts_with("Maria Lopez | cost")),
            "{got:?}"
        );
        assert!(got.iter().all(|c| !c.contains("| cost |")), "{got:?}");
    }

    #[test]
    fn a_participle_with_an_object_after_an_apposition_is_the_main_verb() {
        for sentence in [
            "Barack Obama , the president of the United States , visited Kenya .",
            "Obama , who leads the country , visited Kenya .",
        ] {
            let words: Vec<&str> = sentence.split(' ').collect();
            // The names are entity mentions, as the tagger gives them.
            let mentions: Vec<Option<usize>> = words
                .iter()
                .map(|w| match *w {
                    "Barack" | "Obama" => Some(0),
                    "Kenya" => Some(1),
                    _ => None,
                })
                .collect();
            let toks = make_tokens(&words, &mentions, PosModel::builtin());
            let found = clauses(&toks);
            let visit = found
                .iter()
                .find(|c| toks[c.verb.main].lemma == "visit")
                .unwrap();
            assert!(!visit.verb.passive, "{sentence}");
            let subject = visit.subject.as_ref().map(|p| join(&toks, p.start, p.end));
            assert!(
                subject.as_deref().is_some_and(|s| s.ends_with("Obama")),
                "{sentence}: {subject:?}"
            );
        }
    }

    #[test]
    fn a_capitalised_word_read_as_a_verb_is_a_name() {
        let words: Vec<&str> = "Carrow and Reading say that costs rose ."
            .split(' ')
            .collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        assert_eq!(toks[2].tag, "NNP");
        assert!(clauses(&toks)
            .iter()
            .any(|c| toks[c.verb.main].lemma == "say"));
        // Title case is left to the tagger.
        let words: Vec<&str> = "Officials Say Costs Rose Sharply".split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        assert!(toks.iter().any(|t| t.tag.starts_with("VB")));
    }

    #[test]
    fn a_participle_coordinated_with_a_past_tense_is_one_too() {
        let verbs = |sentence: &str| -> Vec<(String, bool, Option<String>)> {
            let words: Vec<&str> = sentence.split(' ').collect();
            let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
            clauses(&toks)
                .iter()
                .map(|c| {
                    (
                        toks[c.verb.main].lemma.clone(),
                        c.verb.passive,
                        c.subject.as_ref().map(|p| join(&toks, p.start, p.end)),
                    )
                })
                .collect()
        };
        let got = verbs(
            "The show opened at the Harbour Gallery and featured the work of four painters .",
        );
        let exhibit = Some("The show".to_string());
        assert!(
            got.contains(&("open".to_string(), false, exhibit.clone())),
            "{got:?}"
        );
        assert!(
            got.contains(&("feature".to_string(), false, exhibit)),
            "{got:?}"
        );
        // Alone, or with an agent, a participle after a noun phrase stays passive.
        let got = verbs("Troops stationed in Kenya .");
        assert!(got.iter().all(|(_, passive, _)| *passive), "{got:?}");
        let got = verbs("The plan drawn up by the ministry .");
        assert!(got.iter().all(|(_, passive, _)| *passive), "{got:?}");
    }

    #[test]
    fn the_agent_of_a_reduced_relative_is_not_the_subject() {
        let words: Vec<&str> = "The second rule cited by Mrs. Haldane covers payments ."
            .split(' ')
            .collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        let found = clauses(&toks);
        let protects = found
            .iter()
            .find(|c| toks[c.verb.main].lemma == "cover")
            .unwrap();
        let subject = protects
            .subject
            .as_ref()
            .map(|p| join(&toks, p.start, p.end));
        assert_eq!(subject.as_deref(), Some("The second rule"));
    }

    #[test]
    fn reported_speech_and_negation() {
        let got = show("The minister said that the country did not sign the treaty .");
        assert!(got[0].starts_with("The minister | say |"), "{got:?}");
        assert!(got[1].contains("rep=Some(0)"), "{got:?}");
        let words: Vec<&str> = "the country did not sign the treaty .".split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        assert!(clauses(&toks)[0].verb.negated);
    }

    #[test]
    fn whom_a_report_addresses_stands_before_what_it_reports() {
        // "reporters" after "told" is whom it addresses, not a verb.
        let got = show("The minister told reporters the port would close in May .");
        assert!(
            got[0].starts_with("The minister | tell | reporters |"),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("the port | close") && got[1].contains("rep=Some(0)"),
            "{got:?}"
        );
        // "warned" may address someone before its clause, with or without "that" ...
        for s in [
            "The union warned employers the strike would spread to the ports .",
            "The union warned employers that the strike would spread to the ports .",
        ] {
            let got = show(s);
            assert!(
                got[0].starts_with("The union | warn | employers |"),
                "{got:?}"
            );
            assert!(
                got[1].starts_with("the strike | spread") && got[1].contains("rep=Some(0)"),
                "{got:?}"
            );
        }
        // "that" opens what is reported; it addresses no one.
        let got = show("The mayor promises that the city will build a new school .");
        assert!(
            got[1].starts_with("the city | build") && got[1].contains("rep=Some(0)"),
            "{got:?}"
        );
        // ... and may not: the noun phrase is then the reported clause's subject.
        let got = show("The union warned the strike would spread to the ports .");
        assert!(
            got[1].starts_with("the strike | spread") && got[1].contains("rep=Some(0)"),
            "{got:?}"
        );
        // Without a clause after it, the noun phrase is a plain object.
        let got = show("The union warned employers of a long strike .");
        assert!(
            got[0].starts_with("The union | warn | employers of a long strike"),
            "{got:?}"
        );
    }

    #[test]
    fn reported_clauses_after_asides_adverbs_and_mistagged_verbs() {
        // "no longer" between the reported subject and its verb.
        let got = show("He said the agency no longer held any prisoners .");
        assert!(got[0].starts_with("He | say |  |"), "{got:?}");
        assert!(
            got[1].starts_with("the agency | hold | any prisoners | rep=Some(0)"),
            "{got:?}"
        );
        // A verb coordinated after the reported one, with its subject, is reported too.
        let got = show("He said the agency no longer held prisoners and was disclosing files .");
        assert!(
            got.iter()
                .any(|c| c.contains("| disclose |") && c.contains("rep=Some(0)")),
            "{got:?}"
        );
        // A bracketed aside between the speaker and the verb.
        let got = show(
            "The board ( chaired by Ana Ruiz ) said that the plan is in the public interest .",
        );
        assert!(
            got.iter().any(|c| c.starts_with("The board | say |")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|c| c.starts_with("the plan | be |") && c.contains("rep=Some(")),
            "{got:?}"
        );
    }

    /// Whether some clause line starts with `start` and holds `has`.
    fn has(got: &[String], start: &str, has: &str) -> bool {
        got.iter().any(|c| c.starts_with(start) && c.contains(has))
    }

    #[test]
    fn a_speaker_after_the_verb_keeps_the_quotation_but_not_its_own_clauses() {
        // '"...," said Ruiz, who ...': the quotation is Ruiz's, the relative clause the
        // narrator's.
        let got = show("\" The plan is dead , \" said Ruiz , who was visiting a school in Dorn .");
        assert!(has(&got, "The plan | be", "rep=Some("), "{got:?}");
        assert!(has(&got, "", "| visit | a school | rep=None"), "{got:?}");
        // An apposition and the occasion after a speaker who closes the sentence.
        let got = show(
            "The firm closed its plant , said Ana Ruiz , deputy head of the union , at a news \
             conference on Monday .",
        );
        assert!(has(&got, "Ana Ruiz | say", ""), "{got:?}");
        assert!(
            has(&got, "The firm | close | its plant", "rep=Some("),
            "{got:?}"
        );
        // No clause before the comma: the words after the verb are its object, no speaker.
        let got = show(
            "The Front , or PF , claimed responsibility for the attack , as well as a theft .",
        );
        assert!(!has(&got, "responsibility", ""), "{got:?}");
        // "told" names its hearer after it, never its speaker.
        let got = show(
            "\" We are angry , \" the party 's leader , Ana Ruiz , told reporters at the meeting .",
        );
        assert!(!has(&got, "reporters |", ""), "{got:?}");
    }

    #[test]
    fn a_report_after_a_comma_before_that_and_a_tag_after_a_semicolon() {
        let got = show("He said , that the fund kept students at home .");
        assert!(has(&got, "the fund | keep", "rep=Some(0)"), "{got:?}");
        // A trailing tag reports back to a semicolon, no further.
        let got = show("Prices rose in May ; \" the market is nervous , \" Ana Ruiz said .");
        assert!(has(&got, "Prices |", "rep=None"), "{got:?}");
        assert!(has(&got, "the market | be", "rep=Some("), "{got:?}");
    }

    #[test]
    fn another_speakers_report_after_a_contrast_is_the_narrators() {
        for s in [
            "The mayor claims that the plant is safe , although residents have insisted that \
             the river is polluted .",
            "The mayor claims that the plant is safe but residents have insisted that the river \
             is polluted .",
        ] {
            let got = show(s);
            assert!(has(&got, "the plant | be", "rep=Some(0)"), "{got:?}");
            assert!(has(&got, "residents | insist", "rep=None"), "{got:?}");
        }
    }

    #[test]
    fn a_participle_of_saying_is_the_speakers_and_a_statement_reports() {
        // ", adding that ...": the speaker's words, not those of the reported clause's subject.
        let got = show("Ana Ruiz said the firm would close , adding that the plant was old .");
        assert!(has(&got, "Ana Ruiz | add", ""), "{got:?}");
        assert!(!has(&got, "the firm | add", ""), "{got:?}");
        let got = show("The union issued a statement that the firm would close its plant .");
        assert!(has(&got, "the firm | close", "rep=Some(0)"), "{got:?}");
        // A relative "that" after the noun reports nothing.
        let got = show("The union issued a statement that criticised the plan .");
        assert!(!has(&got, "", "rep=Some("), "{got:?}");
    }

    /// Each clause's main verb with whether it is negated.
    fn negated(sentence: &str) -> Vec<(String, bool)> {
        let (toks, found) = read_words(sentence);
        found
            .iter()
            .map(|c| (toks[c.verb.main].lower.clone(), c.verb.negated))
            .collect()
    }

    #[test]
    fn a_negation_before_the_verb_group_negates_it() {
        let got = negated("The agency never held prisoners .");
        assert!(got.contains(&("held".to_string(), true)), "{got:?}");
        let got = negated("The agency no longer holds prisoners .");
        assert!(got.contains(&("holds".to_string(), true)), "{got:?}");
        let got = negated("The agency still holds prisoners .");
        assert!(got.contains(&("holds".to_string(), false)), "{got:?}");
        let got = negated("The agency has never held prisoners .");
        assert!(got.contains(&("held".to_string(), true)), "{got:?}");
    }

    #[test]
    fn not_just_denies_the_restriction_not_the_clause() {
        let got = negated("It is not just the farmers who object .");
        assert!(got.contains(&("is".to_string(), false)), "{got:?}");
        let got = negated("The team did not only win the cup , it broke the record .");
        assert!(got.contains(&("win".to_string(), false)), "{got:?}");
        let got = negated("It is not the farmers who object .");
        assert!(got.contains(&("is".to_string(), true)), "{got:?}");
    }

    #[test]
    fn relative_clause_subject_is_the_antecedent() {
        check(
            "The envoy , who agreed to the proposal , left Geneva .",
            &[
                "The envoy | agree | the proposal",
                "The envoy | leave | Geneva",
            ],
        );
    }

    #[test]
    fn infinitives_purpose_participles_and_lists() {
        check(
            "She moves to Porto to become a teacher .",
            &["She | move | Porto", "She | become | a teacher"],
        );
        check(
            "The party has already won two seats .",
            &["The party | win | two seats"],
        );
        check(
            "The forum is composed of 250 leading politicians , diplomats , academics and public figures .",
            &["The forum | compose | 250 leading politicians , diplomats , academics and public figures"],
        );
        check(
            "He would sell both jets and more technologically advanced fighters to India .",
            &["He | sell | both jets and more technologically advanced fighters"],
        );
    }

    #[test]
    fn no_verb_no_clause() {
        assert!(show("Tags").is_empty());
        assert!(show("1 , 2 , 3 , 4").is_empty());
    }
}
