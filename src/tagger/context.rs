//! Decisions that need the whole article, taken after the gazetteer and cue passes: which
//! referent a name has *here*.
//!
//! * the longest reading wins: a name right before a head word ("Jordan River", "Paris
//!   Agreement", "Clinton County") is part of a longer name, not linked on its own;
//! * a given name that is also a place, followed by a surname, is a person ("Florence Pugh");
//! * a surname alone is the person of that surname named earlier in the article, before any
//!   famous namesake in the lists ("Bush" after "George H. W. Bush");
//! * a company's description decides company against place ("Orange ..., the telecoms
//!   operator said");
//! * an institution without a country ("Parliament", "the Foreign Ministry") is the article's
//!   country's;
//! * an acronym defined in the article ("the Federal Aviation Administration (FAA)") refers to
//!   what it abbreviates;
//! * a role phrase ("the German chancellor", "the President of Ukraine") is the person the
//!   article names in that role, else the holder the office table knows for the article's date.
//!
//! Each decision is recorded as the mention's [`Rule`], and the reading it replaced stays in
//! the mention's alternatives, so `tag --explain` shows why. Nothing here reads files.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{cues, round2, slug, Dropped, Mention, Rule};
use crate::gazetteer::offices::{self, Office};
use crate::gazetteer::{Entity, EntityKind, Gazetteer, Text};
use crate::text::{Sentence, Span, Token};

/// The article being tagged.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub gazetteer: &'a Gazetteer,
    /// The article's date (`YYYY-MM-DD...`), when known.
    pub date: Option<&'a str>,
    pub lookups: &'a Lookups,
    /// Listed names the decisions left unlinked, with why (for `tag --explain`).
    pub dropped: RefCell<Vec<Dropped>>,
}

impl Doc<'_> {
    /// Notes that mention `m` is left unlinked, and why.
    fn drop_note(&self, m: &Mention, reason: &'static str) {
        self.dropped.borrow_mut().push(Dropped {
            span: m.span,
            sentence: m.sentence,
            text: m.text.clone(),
            entity: m.entity.clone(),
            reason,
            margin: None,
        });
    }
}

/// Indexes over the gazetteer that the decisions need, built once per tagger on first use
/// (one pass over the entries) so no decision scans the whole gazetteer.
#[derive(Debug, Default)]
pub(super) struct Lookups {
    /// Organisations by their country's code, in entry order.
    orgs_by_country: BTreeMap<Text, Vec<u32>>,
    /// Countries by ISO 3166-1 alpha-2 code.
    nations: BTreeMap<Text, u32>,
    /// Organisations by their name without a legal suffix ("Orange" for "Orange SA"); the
    /// first entry wins.
    companies: BTreeMap<String, u32>,
    /// Every demonym of the lists ("Brazilian"): no given name.
    pub(super) demonyms: std::collections::BTreeSet<Text>,
}

/// Legal suffixes of company names.
const LEGAL_SUFFIXES: &[&str] = &[
    "SA",
    "S.A.",
    "plc",
    "PLC",
    "Inc",
    "Inc.",
    "AG",
    "NV",
    "N.V.",
    "SE",
    "Ltd",
    "Group",
    "Corp",
    "Corporation",
    "Company",
    "Co",
    "SpA",
    "S.p.A.",
    "ASA",
    "AB",
    "Oyj",
];

impl Lookups {
    pub(super) fn build(gazetteer: &Gazetteer) -> Lookups {
        let mut res = Lookups::default();
        for (idx, entity) in gazetteer.entities().iter().enumerate() {
            let Ok(idx) = u32::try_from(idx) else {
                break;
            };
            if entity.kind == EntityKind::Place && entity.id.starts_with("place:") {
                if let Some(code) = entity.xref.get("iso3166").filter(|c| c.len() == 2) {
                    res.nations.entry(code.clone()).or_insert(idx);
                }
            }
            res.demonyms.extend(entity.demonyms.iter().cloned());
            if entity.kind != EntityKind::Organisation {
                continue;
            }
            if let Some(country) = &entity.country {
                res.orgs_by_country
                    .entry(country.clone())
                    .or_default()
                    .push(idx);
            }
            let stem = entity
                .name
                .rsplit_once(' ')
                .filter(|(_, suffix)| LEGAL_SUFFIXES.contains(suffix));
            if let Some((stem, _)) = stem {
                res.companies.entry(stem.to_string()).or_insert(idx);
            }
        }
        res
    }
}

/// What a head word after a name makes of it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Longer {
    Place,
    Organisation,
    /// A treaty, a plan, an event: no entity at all.
    Nothing,
}

/// Capitalised words that, right after a name, make a longer name of another thing.
const HEADS_AFTER: &[(&str, Longer)] = &[
    ("River", Longer::Place),
    ("Valley", Longer::Place),
    ("Mountains", Longer::Place),
    ("Hills", Longer::Place),
    ("Desert", Longer::Place),
    ("Basin", Longer::Place),
    ("Peninsula", Longer::Place),
    ("Delta", Longer::Place),
    ("Canal", Longer::Place),
    ("Bay", Longer::Place),
    ("Strait", Longer::Place),
    ("Island", Longer::Place),
    ("Islands", Longer::Place),
    ("Falls", Longer::Place),
    ("Creek", Longer::Place),
    ("Heights", Longer::Place),
    ("County", Longer::Place),
    ("Township", Longer::Place),
    ("Parish", Longer::Place),
    ("Borough", Longer::Place),
    ("Airport", Longer::Place),
    ("Stadium", Longer::Place),
    ("Arena", Longer::Place),
    ("Council", Longer::Organisation),
    ("Commission", Longer::Organisation),
    ("Board", Longer::Organisation),
    ("Party", Longer::Organisation),
    ("University", Longer::Organisation),
    ("College", Longer::Organisation),
    ("Agreement", Longer::Nothing),
    ("Accord", Longer::Nothing),
    ("Accords", Longer::Nothing),
    ("Treaty", Longer::Nothing),
    ("Convention", Longer::Nothing),
    ("Protocol", Longer::Nothing),
    ("Declaration", Longer::Nothing),
    ("Summit", Longer::Nothing),
    ("Marathon", Longer::Nothing),
];

/// Capitalised words that, right before "of" and a name, make a longer name of a place.
const HEADS_BEFORE_OF: &[&str] = &["Sea", "Gulf", "Bay", "Isle", "Strait", "Lake"];

/// Words before a role phrase that make it not the office holder of the day.
const NOT_CURRENT: &[&str] = &[
    "former", "ex", "late", "then", "future", "next", "previous", "outgoing", "incoming", "acting",
    "deputy", "vice",
];

/// Compass words that make a demonym after them a region's ("Western Australian Premier",
/// "South Sudanese"): the role is the region's, not the nation's office.
const REGION_PREFIXES: &[&str] = &[
    "Western", "Eastern", "Northern", "Southern", "North", "South", "East", "West", "Central",
    "Upper", "Lower",
];

/// Role phrases (lower case, as words) and the office they name. Germany's and Austria's
/// chancellor is their head of government (see [`office_for`]).
const ROLE_PHRASES: &[(&[&str], Office)] = &[
    (&["vice", "president"], Office::VicePresident),
    (&["vice-president"], Office::VicePresident),
    (&["president"], Office::President),
    (&["prime", "minister"], Office::PrimeMinister),
    (&["premier"], Office::PrimeMinister),
    (&["chancellor"], Office::Chancellor),
    (&["foreign", "minister"], Office::ForeignMinister),
    (&["foreign", "secretary"], Office::ForeignMinister),
    (&["defence", "minister"], Office::DefenceMinister),
    (&["defense", "minister"], Office::DefenceMinister),
    (&["defence", "secretary"], Office::DefenceMinister),
    (&["defense", "secretary"], Office::DefenceMinister),
    (&["finance", "minister"], Office::FinanceMinister),
    (&["treasury", "secretary"], Office::FinanceMinister),
    (
        &["central", "bank", "governor"],
        Office::CentralBankGovernor,
    ),
    (&["central", "bank", "chief"], Office::CentralBankGovernor),
    (&["king"], Office::Monarch),
    (&["queen"], Office::Monarch),
    (&["monarch"], Office::Monarch),
];

/// Words that describe a company in a sentence about it ("the telecoms operator said").
const COMPANY_NOUNS: &[&str] = &[
    "operator",
    "company",
    "firm",
    "group",
    "carmaker",
    "automaker",
    "retailer",
    "airline",
    "lender",
    "insurer",
    "maker",
    "manufacturer",
    "producer",
    "conglomerate",
    "broadcaster",
    "publisher",
    "supplier",
    "miner",
    "brewer",
    "chipmaker",
    "supermarket",
    "corporation",
];

/// Words of company results ("Shell said profits rose").
const COMPANY_FIGURES: &[&str] = &[
    "profit",
    "profits",
    "revenue",
    "revenues",
    "earnings",
    "dividend",
    "shareholders",
    "turnover",
];

/// Verbs of a company reporting its results ("Ryanair posted a profit").
const RESULT_VERBS: &[&str] = &[
    "reported",
    "posted",
    "raised",
    "cut",
    "expects",
    "forecast",
    "announced",
    "booked",
];

/// Verbs that report speech, after a surname ("Johnson said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "argued",
    "stated",
    "noted",
    "explained",
    "insisted",
    "warned",
    "wrote",
    "asked",
    "replied",
    "announced",
];

/// Institution names that every country has (see `GENERIC_INSTITUTIONS` in the tagger).
pub(super) fn is_generic_institution(words: &str) -> bool {
    // Asked for every capitalised word and pair of every article: a set, not the list.
    static SET: std::sync::OnceLock<super::cues::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| super::GENERIC_INSTITUTIONS.iter().copied().collect())
        .contains(words)
}

/// The token index in `sentence` that starts at `pos`, if any.
fn token_at(sentence: &Sentence, pos: usize) -> Option<usize> {
    let idx = sentence.tokens.partition_point(|t| t.span.start < pos);
    (sentence.tokens.get(idx)?.span.start == pos).then_some(idx)
}

/// The token index in `sentence` that ends at `pos`, if any.
fn token_ending(sentence: &Sentence, pos: usize) -> Option<usize> {
    let idx = sentence.tokens.partition_point(|t| t.span.end < pos);
    (sentence.tokens.get(idx)?.span.end == pos).then_some(idx)
}

/// Whether two spans have only one space between them.
fn adjacent(text: &str, left: Span, right: Span) -> bool {
    text.get(left.end..right.start) == Some(" ")
}

/// Whether any mention overlaps `span` (`mentions` sorted by span).
fn covered(mentions: &[Mention], span: Span) -> bool {
    overlapping(mentions, span).is_some()
}

/// The index of a mention that overlaps `span`, by binary search: `mentions` are sorted and
/// do not overlap, so their ends increase too.
fn overlapping(mentions: &[Mention], span: Span) -> Option<usize> {
    let idx = mentions.partition_point(|m| m.span.end <= span.start);
    mentions
        .get(idx)
        .is_some_and(|m| m.span.overlaps(span))
        .then_some(idx)
}

fn word<'t>(doc: &Doc<'t>, token: Option<&Token>) -> &'t str {
    token.map_or("", |t| t.span.of(doc.text))
}

fn make(span: Span, doc: &Doc<'_>, sentence: usize, target: Target, rule: Rule) -> Mention {
    Mention {
        span,
        sentence,
        text: span.of(doc.text).to_string(),
        entity: target.entity,
        name: target.name,
        kind: target.kind,
        rule,
        confidence: round2(rule_confidence(rule)),
        alternatives: target.alternatives,
    }
}

fn rule_confidence(rule: Rule) -> f64 {
    rule.confidence()
}

/// What a mention should point to.
#[derive(Clone)]
struct Target {
    entity: String,
    name: String,
    kind: EntityKind,
    alternatives: Vec<String>,
}

impl Target {
    fn of_entity(entity: &Entity, alternatives: Vec<String>) -> Target {
        Target {
            entity: entity.id.to_string(),
            name: entity.name.to_string(),
            kind: entity.kind,
            alternatives,
        }
    }

    fn unlisted(kind: EntityKind, name: &str, alternatives: Vec<String>) -> Target {
        let prefix = match kind {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "org",
        };
        Target {
            entity: format!("{prefix}:{}", slug(name)),
            name: name.to_string(),
            kind,
            alternatives,
        }
    }
}

/// A given name read as a place or organisation, followed by a surname, is a person
/// ("Florence Pugh", "Jordan Henderson"). Runs before the cue pass.
pub(super) fn full_person_names(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let mut idx = 0;
    while idx < mentions.len() {
        let m = &mentions[idx];
        let listed = matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias);
        let candidate = listed
            && m.kind != EntityKind::Person
            && !m.text.contains(' ')
            && doc.gazetteer.is_given_name(&m.text)
            && !doc.gazetteer.get(&m.entity).is_some_and(super::is_nation);
        let Some(sentence) = candidate.then(|| doc.sentences.get(m.sentence)).flatten() else {
            idx += 1;
            continue;
        };
        let next = token_at(sentence, m.span.end + 1).and_then(|k| sentence.tokens.get(k));
        let surname = next.filter(|t| {
            let w = t.span.of(doc.text);
            adjacent(doc.text, m.span, t.span)
                && cues::name_shaped(w)
                && !doc.gazetteer.is_given_name(w)
                && !HEADS_AFTER.iter().any(|(h, _)| *h == w)
        });
        let Some(surname) = surname else {
            idx += 1;
            continue;
        };
        let next_mention = mentions.get(idx + 1);
        let surname_free = next_mention.is_none_or(|n| !n.span.overlaps(surname.span));
        if !surname_free {
            idx += 1;
            continue;
        }
        let span = Span::new(m.span.start, surname.span.end);
        let name = span
            .of(doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let target = Target::unlisted(EntityKind::Person, &name, vec![m.entity.clone()]);
        mentions[idx] = make(span, doc, m.sentence, target, Rule::FullName);
        idx += 1;
    }
}

/// A title and a given name before a listed one-word place that is no country make a person
/// whose surname is that place's name ("Spokeswoman Sandy Angers", "Senator Mary Lincoln");
/// where that name later stands beside a speech verb ("said Angers") it is the person too.
/// Runs before the cue pass.
pub(super) fn titled_name_before_place(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut people: Vec<(String, Target)> = Vec::new();
    // A one-word listed reading of the given name itself ("Sandy" a town too) gives way.
    let mut absorbed: Vec<usize> = Vec::new();
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        let listed = matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias);
        let candidate = listed
            && m.kind == EntityKind::Place
            && !m.text.contains(' ')
            && !doc.gazetteer.get(&m.entity).is_some_and(super::is_nation);
        let Some(sentence) = candidate.then(|| doc.sentences.get(m.sentence)).flatten() else {
            continue;
        };
        let Some(k) = token_at(sentence, m.span.start) else {
            continue;
        };
        let word = |i: usize| {
            sentence
                .tokens
                .get(i)
                .map(|t| (t.span, t.span.of(doc.text)))
        };
        let (Some((given_span, given)), Some((title_span, title))) = (
            k.checked_sub(1).and_then(word),
            k.checked_sub(2).and_then(word),
        ) else {
            continue;
        };
        let given_read = idx > 0 && mentions[idx - 1].span == given_span;
        let free = idx == 0 || given_read || mentions[idx - 1].span.end <= title_span.start;
        let free =
            free && (idx < 2 || !given_read || mentions[idx - 2].span.end <= title_span.start);
        let fits = free
            && adjacent(doc.text, given_span, m.span)
            && adjacent(doc.text, title_span, given_span)
            && doc.gazetteer.is_given_name(given)
            && given.chars().next().is_some_and(char::is_uppercase)
            && given.chars().skip(1).all(char::is_lowercase)
            && cues::is_title(title)
            && title.chars().next().is_some_and(char::is_uppercase);
        if !fits {
            continue;
        }
        let span = Span::new(given_span.start, m.span.end);
        let name = format!("{given} {}", m.text);
        let target = Target::unlisted(EntityKind::Person, &name, vec![m.entity.clone()]);
        people.push((m.text.clone(), target.clone()));
        mentions[idx] = make(span, doc, m.sentence, target, Rule::FullName);
        if given_read {
            absorbed.push(idx - 1);
        }
    }
    if people.is_empty() {
        return;
    }
    for idx in absorbed.into_iter().rev() {
        mentions.remove(idx);
    }
    for m in mentions.iter_mut() {
        let Some((_, target)) = people.iter().find(|(w, _)| *w == m.text) else {
            continue;
        };
        let listed_place = matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias)
            && m.kind == EntityKind::Place;
        if listed_place && beside_speech_verb(doc, m) {
            *m = make(m.span, doc, m.sentence, target.clone(), Rule::ShortForm);
        }
    }
}

/// Whether mention `m` stands right after or right before a speech verb ("said Angers",
/// "Angers said").
fn beside_speech_verb(doc: &Doc<'_>, m: &Mention) -> bool {
    let before = doc.text.get(..m.span.start).unwrap_or("");
    let after = doc.text.get(m.span.end..).unwrap_or("");
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(char::is_whitespace).next());
    let next = after
        .strip_prefix(' ')
        .and_then(|a| a.split(char::is_whitespace).next())
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    [prev, next]
        .into_iter()
        .flatten()
        .any(|w| SPEECH_VERBS.contains(&w.to_lowercase().as_str()))
}

/// The token index where the words before a surname at token `k` end: before a particle
/// ("al-", "bin") when one stands there, else `k`.
fn before_particle(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> usize {
    let tok = |i: usize| sentence.tokens.get(i).map(|t| t.span.of(doc.text));
    let glued = |a: usize, b: usize| match (sentence.tokens.get(a), sentence.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    };
    // "al-Kestrel": particle, hyphen and surname written together.
    if k >= 2
        && tok(k - 1) == Some("-")
        && glued(k - 2, k - 1)
        && glued(k - 1, k)
        && tok(k - 2).is_some_and(|w| people::JOINED_PARTICLES.contains(&w))
    {
        return k - 2;
    }
    let spaced_particle = k >= 1 && tok(k - 1).is_some_and(people::is_particle) && !glued(k - 1, k);
    if spaced_particle {
        k - 1
    } else {
        k
    }
}

/// A given name before a listed person's surname is another person of that surname
/// ("Pierre Trudeau" is not Justin Trudeau, "Omar al-Kestrel" not Bakr al-Kestrel), unless
/// the listed name holds that given name. The given names before it ("Abu Omar") join.
/// Runs before the cue pass.
pub(super) fn given_name_before_surname(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        let surname_alias =
            m.kind == EntityKind::Person && m.rule == Rule::GazetteerAlias && !m.text.contains(' ');
        let Some(sentence) = surname_alias
            .then(|| doc.sentences.get(m.sentence))
            .flatten()
        else {
            continue;
        };
        let Some(k) = token_at(sentence, m.span.start)
            .map(|k| before_particle(doc, sentence, k))
            .and_then(|k| k.checked_sub(1))
        else {
            continue;
        };
        let listed_words: Vec<&str> = m.name.split_whitespace().collect();
        // The word matched is the listed person's surname, not a given name of theirs
        // ("Thaksin" of "Thaksin Shinawatra", after "Rak").
        let is_surname = listed_words
            .last()
            .is_some_and(|l| l.ends_with(m.text.as_str()));
        let Some(first) = given_run(doc, sentence, k).or_else(|| {
            (is_surname && unlisted_given(doc, sentence, k, &listed_words))
                .then(|| unlisted_run(doc, sentence, k))
        }) else {
            continue;
        };
        let (Some(given), Some(start)) = (sentence.tokens.get(k), sentence.tokens.get(first))
        else {
            continue;
        };
        let w = given.span.of(doc.text);
        let free = idx == 0 || mentions[idx - 1].span.end <= start.span.start;
        // The listed person: its given name before the surname ("Bakr al-Kestrani" of "Abu
        // Bakr al-Kestrani"), or every given name of it among the words before ("Omar Hassan
        // al-Kestrani" of "Omar al-Kestrani").
        let before: Vec<&str> = (k.saturating_sub(3)..=k)
            .map(|i| word(doc, sentence.tokens.get(i)))
            .collect();
        let listed_given = listed_words.split_last().is_some_and(|(_, given)| {
            given.contains(&w) || given.iter().all(|g| before.contains(g))
        });
        let after = sentence.tokens.get(k + 1).map_or(m.span, |t| t.span);
        if !free || listed_given || !adjacent(doc.text, given.span, after) {
            continue;
        }
        let span = Span::new(start.span.start, m.span.end);
        let name = span
            .of(doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let target = Target::unlisted(EntityKind::Person, &name, vec![m.entity.clone()]);
        let sentence_idx = m.sentence;
        mentions[idx] = make(span, doc, sentence_idx, target, Rule::FullName);
    }
}

/// Whether `text` holds `word` in lower case as a word of its own ("will" for "Will").
pub(super) fn written_lower(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    let bytes = text.as_bytes();
    text.match_indices(lower.as_str()).any(|(at, found)| {
        let edge = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
        edge(at.checked_sub(1).and_then(|p| bytes.get(p))) && edge(bytes.get(at + found.len()))
    })
}

/// Whether token `k`, right before a listed person's surname, is a given name no list holds
/// ("Euan Blair", "Andrey Pavlov" are not Tony Blair and Ivan Pavlov): a word shaped like a
/// name (capitalised, no English word, function word such as a month or weekday, title or
/// organisation word), inside the sentence, not a role (nor roles: "Senators"), and not a
/// spelling of one of the listed person's own names ("Yassir Arafat" is Yasser Arafat,
/// "Binyamin Netanyahu" Benjamin).
fn unlisted_given(doc: &Doc<'_>, sentence: &Sentence, k: usize, listed: &[&str]) -> bool {
    let w = word(doc, sentence.tokens.get(k));
    let singular = w.strip_suffix('s').unwrap_or(w);
    k > 0
        && cues::name_shaped(w)
        && !cues::is_role_word(w)
        && !cues::is_title(singular)
        && !cues::is_role_word(singular)
        && !listed.iter().any(|l| same_name_spelt_otherwise(l, w))
}

/// The first token of the given names that end at the unlisted given name at token `k`: the
/// one before it when it is a given name or shaped like one ("Bilawal Bhutto Zardari"),
/// at most two in all.
fn unlisted_run(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> usize {
    let Some(prev) = k.checked_sub(1) else {
        return k;
    };
    let (Some(a), Some(b)) = (sentence.tokens.get(prev), sentence.tokens.get(k)) else {
        return k;
    };
    let w = a.span.of(doc.text);
    let given = doc.gazetteer.is_given_name(w) && !cues::is_function_word(w);
    if adjacent(doc.text, a.span, b.span) && (given || cues::name_shaped(w)) {
        prev
    } else {
        k
    }
}

/// Whether two given names are one name in two spellings: the same first three letters
/// ("Mohammad", "Mohammed"), or the same first letter and at most one edit apart (two for
/// names of five letters or more: "Binyamin", "Benjamin"; "Yassir", "Yasser").
fn same_name_spelt_otherwise(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    if a.len() >= 3 && b.len() >= 3 && a[..3] == b[..3] {
        return true;
    }
    let allowed = if a.len().min(b.len()) >= 5 { 2 } else { 1 };
    a.first() == b.first() && edit_distance(&a, &b) <= allowed
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The first token of the given names that end at token `k` ("Abu Omar"), at most two; `None`
/// when token `k` is no given name.
fn given_run(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> Option<usize> {
    let is_given = |i: usize| {
        let w = word(doc, sentence.tokens.get(i));
        // "Will Trump ...?": an English word opening a sentence is no given name, unless
        // the article never writes it as a word ("Mary", "Rose").
        doc.gazetteer.is_given_name(w)
            && !cues::is_function_word(w)
            && !(i == 0 && cues::is_common_word(w) && written_lower(doc.text, w))
    };
    if !is_given(k) {
        return None;
    }
    let mut first = k;
    while first + 2 > k && first > 0 && is_given(first - 1) {
        let (Some(a), Some(b)) = (sentence.tokens.get(first - 1), sentence.tokens.get(first))
        else {
            break;
        };
        if !adjacent(doc.text, a.span, b.span) {
            break;
        }
        first -= 1;
    }
    Some(first)
}

/// The longest reading wins: a listed name right before a head word ("Jordan River", "Paris
/// Agreement") or after "Sea of" is part of a longer name.
pub(super) fn longer_names(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut res: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut drop_next_head = Vec::new();
    for (idx, m) in mentions.iter().enumerate() {
        let Some(sentence) = doc.sentences.get(m.sentence) else {
            res.push(m.clone());
            continue;
        };
        let inner = m.rule != Rule::Demonym
            && !matches!(m.rule, Rule::Role | Rule::EarlierName)
            && m.kind != EntityKind::Person;
        if !inner {
            res.push(m.clone());
            continue;
        }
        // Heads after the name, as many as follow ("Clinton County Council").
        let mut end_tok = token_ending(sentence, m.span.end);
        let mut kind = None;
        while let Some(next) = end_tok.and_then(|k| sentence.tokens.get(k + 1)) {
            let w = next.span.of(doc.text);
            let head = HEADS_AFTER.iter().find(|(h, _)| *h == w).map(|(_, k)| *k);
            let free = mentions
                .get(idx + 1)
                .is_none_or(|n| !n.span.overlaps(next.span));
            let touching = doc
                .text
                .get(m.span.end..next.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ' '));
            match head {
                Some(k) if free && touching => {
                    kind = Some(k);
                    end_tok = end_tok.map(|e| e + 1);
                }
                _ => break,
            }
        }
        // "Sea of Galilee": a head and "of" before the name.
        let start_tok = token_at(sentence, m.span.start);
        let before_of = start_tok
            .and_then(|k| k.checked_sub(2))
            .filter(|&k| word(doc, sentence.tokens.get(k + 1)) == "of")
            .filter(|&k| HEADS_BEFORE_OF.contains(&word(doc, sentence.tokens.get(k))))
            .filter(|&k| {
                sentence
                    .tokens
                    .get(k)
                    .is_some_and(|t| !res.last().is_some_and(|p| p.span.overlaps(t.span)))
            });
        let (span, kind) = match (kind, before_of) {
            (Some(kind), _) => {
                let end = end_tok
                    .and_then(|e| sentence.tokens.get(e))
                    .map_or(m.span.end, |t| t.span.end);
                (Span::new(m.span.start, end), kind)
            }
            (None, Some(k)) if m.kind == EntityKind::Place => {
                let start = sentence
                    .tokens
                    .get(k)
                    .map_or(m.span.start, |t| t.span.start);
                (Span::new(start, m.span.end), Longer::Place)
            }
            _ => {
                res.push(m.clone());
                continue;
            }
        };
        if kind == Longer::Nothing {
            drop_next_head.push(span);
            continue;
        }
        let entity_kind = match kind {
            Longer::Place => EntityKind::Place,
            _ => EntityKind::Organisation,
        };
        let name = span
            .of(doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let target = Target::unlisted(entity_kind, &name, vec![m.entity.clone()]);
        res.push(make(span, doc, m.sentence, target, Rule::LongerName));
    }
    // A cue mention inside a longer name that names nothing ("Agreement") goes too.
    res.retain(|m| !drop_next_head.iter().any(|s| s.overlaps(m.span)));
    *mentions = res;
}

/// The country code of a gazetteer entity: its own ISO code for a country, else its country.
fn country_of<'g>(gazetteer: &'g Gazetteer, id: &str) -> Option<&'g str> {
    let entity = gazetteer.get(id)?;
    if super::is_nation(entity) {
        if let Some(code) = entity.xref.get("iso3166").filter(|c| c.len() == 2) {
            return Some(code.as_str());
        }
    }
    entity.country.as_deref()
}

/// The country that owns the name starting at `start`: a country's name with a possessive
/// ("Kestrelia's National Assembly"), or (unless `possessive_only`) a country or its demonym
/// right before it ("the Kestrelian Parliament"). `mentions` are sorted by span; the last one
/// ending before `start` is the candidate.
pub(super) fn owner_country<'g>(
    gazetteer: &'g Gazetteer,
    text: &str,
    mentions: &[Mention],
    start: usize,
    possessive_only: bool,
) -> Option<&'g str> {
    let idx = mentions.partition_point(|m| m.span.end <= start);
    let owner = mentions.get(idx.checked_sub(1)?)?;
    let between = text.get(owner.span.end..start)?;
    let possessive = matches!(between, "'s " | "\u{2019}s " | "' " | "\u{2019} ");
    let joined = possessive || between == " " && !possessive_only;
    let nation = gazetteer.get(&owner.entity).is_some_and(super::is_nation);
    if !joined || !nation || owner.kind != EntityKind::Place {
        return None;
    }
    country_of(gazetteer, &owner.entity)
}

/// Whether the generic institution name starting at `start` is the end of a longer name of
/// its own: a capitalised word that no mention covers stands right before it, inside the
/// sentence ("the party's 17th National Congress", "the Kestrel Provincial Senate"), so the
/// name is some other body's, not the country's institution.
pub(super) fn qualified_institution(text: &str, mentions: &[Mention], start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() + 1 != before.len() {
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed.get(word_start..).unwrap_or("");
    let opens_sentence = trimmed
        .get(..word_start)
        .unwrap_or("")
        .trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '\u{201c}' | '\n'));
    let idx = mentions.partition_point(|m| m.span.end <= word_start);
    let covered = mentions
        .get(idx)
        .is_some_and(|m| m.span.start <= word_start && word_start < m.span.end)
        || mentions
            .get(idx.wrapping_sub(1))
            .is_some_and(|m| m.span.end > word_start);
    cues::is_capitalised(word)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.len() > 1
        && !cues::is_function_word(word)
        && !opens_sentence
        && !covered
}

/// The country the article is mostly about, from its linked mentions.
pub(super) fn dominant_country<'g>(
    gazetteer: &'g Gazetteer,
    mentions: &[Mention],
) -> Option<&'g str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in mentions {
        if m.rule == Rule::Demonym {
            continue;
        }
        if let Some(c) = country_of(gazetteer, &m.entity) {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| *c)
}

/// The country's own entry, by ISO code.
pub(super) fn country_entity<'g>(
    gazetteer: &'g Gazetteer,
    lookups: &Lookups,
    code: &str,
) -> Option<&'g Entity> {
    let idx = *lookups.nations.get(code)?;
    gazetteer.entities().get(idx as usize)
}

/// Countries whose legislature is a Congress; elsewhere "Congress" is another country's.
const CONGRESS_COUNTRIES: &[&str] = &[
    "US", "PH", "CO", "PE", "CL", "MX", "AR", "BR", "GT", "HN", "PY", "ES", "BO", "DO", "SV", "NI",
    "UY", "FM",
];

/// Whether `country` has an institution called `generic`: the United States has a Congress
/// and departments, not a parliament or ministries; few countries have a Congress.
pub(super) fn country_has(generic: &str, country: &str) -> bool {
    if generic == "Congress" {
        return CONGRESS_COUNTRIES.contains(&country);
    }
    let not_american = generic.contains("Ministry")
        || matches!(
            generic,
            "Parliament" | "National Assembly" | "Council of Ministers"
        );
    !(country == "US" && not_american)
}

/// The listed institution of `country` that `generic` ("Parliament", "Foreign Ministry")
/// names: an organisation of that country whose name holds every word of it; the curated
/// layer first, then the shortest name.
fn institution_of<'g>(
    gazetteer: &'g Gazetteer,
    lookups: &Lookups,
    generic: &str,
    country: &str,
) -> Option<&'g Entity> {
    let words: Vec<&str> = generic.split_whitespace().collect();
    let orgs = lookups.orgs_by_country.get(country)?;
    orgs.iter()
        .filter_map(|&idx| gazetteer.entities().get(idx as usize))
        .filter(|e| {
            let names = std::iter::once(&e.name).chain(&e.aliases);
            names.into_iter().any(|n| {
                let name_words: Vec<&str> = n.split_whitespace().collect();
                words.iter().all(|w| name_words.contains(w))
            })
        })
        .max_by(|a, b| {
            a.layer
                .cmp(&b.layer)
                .then_with(|| b.name.len().cmp(&a.name.len()))
                .then_with(|| b.id.cmp(&a.id))
        })
}

/// The target of a generic institution in an article about `country`: the listed one, else
/// an id of its own named after the country.
fn generic_target(
    gazetteer: &Gazetteer,
    lookups: &Lookups,
    written: &str,
    country: &str,
    alternatives: Vec<String>,
) -> Target {
    if let Some(entity) = institution_of(gazetteer, lookups, written, country) {
        return Target::of_entity(entity, alternatives);
    }
    country_target(gazetteer, lookups, written, country, alternatives)
}

/// An id of its own for `written` in `country` ("Senate of Zimbabwe").
fn country_target(
    gazetteer: &Gazetteer,
    lookups: &Lookups,
    written: &str,
    country: &str,
    alternatives: Vec<String>,
) -> Target {
    let country_name =
        country_entity(gazetteer, lookups, country).map_or(country, |e| e.name.as_str());
    // "Senate of Zimbabwe", "Parliament of the Netherlands".
    let article = if country_name.starts_with("United ")
        || country_name.ends_with('s')
        || country_name.contains("Republic")
    {
        "the "
    } else {
        ""
    };
    Target {
        entity: format!("org:{}-{}", slug(written), country.to_ascii_lowercase()),
        name: format!("{written} of {article}{country_name}"),
        kind: EntityKind::Organisation,
        alternatives,
    }
}

/// Re-points a generic institution mention found by the resolver to `target`.
pub(super) fn generic_mention(
    gazetteer: &Gazetteer,
    lookups: &Lookups,
    mention: Mention,
    country: &str,
) -> Mention {
    let target = generic_target(
        gazetteer,
        lookups,
        &mention.text,
        country,
        mention.alternatives.clone(),
    );
    Mention {
        entity: target.entity,
        name: target.name,
        kind: target.kind,
        alternatives: target.alternatives,
        ..mention
    }
}

/// Generic institutions that nothing tagged ("Parliament approved ...") belong to the
/// article's country.
pub(super) fn generic_institutions(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let Some(country) = dominant_country(doc.gazetteer, mentions) else {
        return;
    };
    let mut found = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for (k, token) in tokens.iter().enumerate() {
            let w = token.span.of(doc.text);
            if !cues::is_capitalised(w) {
                continue;
            }
            // One or two words ("Parliament", "Foreign Ministry").
            for len in [2usize, 1] {
                let Some(last) = tokens.get(k + len - 1) else {
                    continue;
                };
                let span = Span::new(token.span.start, last.span.end);
                let words = span.of(doc.text);
                let fits = is_generic_institution(words) && country_has(words, country);
                if !fits || covered(mentions, span) {
                    continue;
                }
                let previous = word(doc, k.checked_sub(1).and_then(|p| tokens.get(p)));
                let next = word(doc, tokens.get(k + len));
                // "the European Parliament", "Parliament Street": a name of its own.
                if cues::is_capitalised(previous) && !previous.is_empty() && k > 0
                    || cues::is_capitalised(next) && next != "-"
                {
                    continue;
                }
                let target = generic_target(doc.gazetteer, doc.lookups, words, country, Vec::new());
                found.push(make(span, doc, sent_idx, target, Rule::GenericInstitution));
                break;
            }
        }
    }
    mentions.extend(found);
    mentions.sort_by_key(|m| m.span);
}

/// The words of party names that many countries' parties share ("Social Democrats",
/// "Labour", "the Greens").
const PARTY_WORDS: &[&str] = &[
    "Social",
    "Democrats",
    "Democratic",
    "Christian",
    "Labour",
    "Labor",
    "Conservatives",
    "Conservative",
    "Liberals",
    "Liberal",
    "Greens",
    "Green",
    "Socialists",
    "Socialist",
    "Communists",
    "Communist",
    "Nationalists",
    "Republicans",
    "Party",
    "Workers",
    "People's",
];

/// A listed organisation matched by an alias that another country's bodies share ("Senate",
/// "Social Democrats", "Labour") belongs to the article only when the article supports its
/// country: when the article is mostly about another country (counted without the shared
/// aliases themselves) and nothing else in it (no place, person or organisation) is of the
/// listed one's country, the alias names that other
/// country's body: its listed institution or an id of its own named after the country
/// ("Social Democrats of Iceland"; a party always the latter), never the listed foreign one.
pub(super) fn unsupported_foreign_aliases(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let countries: Vec<Option<&str>> = mentions
        .iter()
        .map(|m| country_of(doc.gazetteer, &m.entity))
        .collect();
    // The shared aliases themselves do not vote for the article's country: three "Senate"s
    // linked to one country's Senate would make it that country's story.
    let shared: Vec<bool> = mentions
        .iter()
        .map(|m| {
            m.rule == Rule::GazetteerAlias
                && m.kind == EntityKind::Organisation
                && (is_generic_institution(&m.text)
                    || m.text.split_whitespace().all(|w| PARTY_WORDS.contains(&w)))
        })
        .collect();
    let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
    for ((m, c), s) in mentions.iter().zip(&countries).zip(&shared) {
        match *c {
            Some(c) if !*s && m.rule != Rule::Demonym => *votes.entry(c).or_default() += 1,
            _ => {}
        }
    }
    let Some(dominant) = votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| *c)
    else {
        return;
    };
    let mut repointed = Vec::new();
    for (idx, m) in mentions.iter().enumerate() {
        let Some(country) = countries[idx] else {
            continue;
        };
        let institution = is_generic_institution(&m.text);
        if !shared[idx] || country == dominant || (institution && !country_has(&m.text, dominant)) {
            continue;
        }
        let supported = mentions
            .iter()
            .zip(&countries)
            .any(|(other, c)| *c == Some(country) && other.entity != m.entity);
        if !supported {
            repointed.push((idx, institution));
        }
    }
    for (idx, institution) in repointed {
        let m = &mut mentions[idx];
        let alternatives = vec![m.entity.clone()];
        // A country has one Senate, but several parties whose names hold "Democrats": a
        // party alias gets an id of its own, never a guess among them.
        let target = if institution {
            generic_target(doc.gazetteer, doc.lookups, &m.text, dominant, alternatives)
        } else {
            country_target(doc.gazetteer, doc.lookups, &m.text, dominant, alternatives)
        };
        m.entity = target.entity;
        m.name = target.name;
    }
}

/// Whether `ac` spells the initials of the capitalised words of `name`.
fn abbreviates(ac: &str, name: &str) -> bool {
    let initials: String = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.len() >= 2 && initials == ac
}

/// An acronym defined in the article ("the Federal Aviation Administration (FAA)") refers to
/// what it abbreviates, wherever it appears.
pub(super) fn defined_acronyms(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut defined: Vec<(&str, Target)> = Vec::new();
    for m in mentions.iter() {
        if m.kind == EntityKind::Person || m.rule == Rule::Demonym {
            continue;
        }
        let Some(sentence) = doc.sentences.get(m.sentence) else {
            continue;
        };
        let Some(last) = token_ending(sentence, m.span.end) else {
            continue;
        };
        let tokens = &sentence.tokens;
        let (open, ac, close) = (
            word(doc, tokens.get(last + 1)),
            word(doc, tokens.get(last + 2)),
            word(doc, tokens.get(last + 3)),
        );
        let is_ac = ac.len() >= 2 && ac.chars().all(|c| c.is_ascii_uppercase());
        if open == "(" && close == ")" && is_ac && abbreviates(ac, &m.text) {
            if defined.iter().any(|(a, _)| *a == ac) {
                continue;
            }
            let target = Target {
                entity: m.entity.clone(),
                name: m.name.clone(),
                kind: m.kind,
                alternatives: Vec::new(),
            };
            defined.push((ac, target));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        for token in &sentence.tokens {
            let w = token.span.of(doc.text);
            let Some((_, target)) = defined.iter().find(|(a, _)| *a == w) else {
                continue;
            };
            let here = mentions.iter_mut().find(|m| m.span.overlaps(token.span));
            let alternatives = match &here {
                Some(m) if m.span != token.span || m.entity == target.entity => continue,
                Some(m) => vec![m.entity.clone()],
                None => Vec::new(),
            };
            let mention = make(
                token.span,
                doc,
                sent_idx,
                Target {
                    entity: target.entity.clone(),
                    name: target.name.clone(),
                    kind: target.kind,
                    alternatives,
                },
                Rule::AcronymDefined,
            );
            match here {
                Some(slot) => *slot = mention,
                None => added.push(mention),
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// A listed acronym is the organisation the article names whose initials it spells, when
/// the article never names the listed one in full: after "the Vellmar Softball Association
/// president said", "the VSA" is that association, not a listed "Vellmar Space Agency". Only
/// mentions of the acronym after the named organisation's first mention are re-pointed, and
/// only when exactly one named organisation spells it.
pub(super) fn spelled_acronyms(mentions: &mut [Mention]) {
    let mut repoint: Vec<(usize, usize)> = Vec::new();
    for (idx, m) in mentions.iter().enumerate() {
        let listed = matches!(m.rule, Rule::GazetteerAlias | Rule::GazetteerName);
        let acronym = m.text.len() >= 2 && m.text.chars().all(|c| c.is_ascii_uppercase());
        if !listed || !acronym || m.kind != EntityKind::Organisation {
            continue;
        }
        // The listed organisation named in full anywhere: the acronym is its own.
        if mentions
            .iter()
            .any(|o| o.entity == m.entity && o.text != m.text)
        {
            continue;
        }
        let mut spelled = mentions[..idx].iter().enumerate().filter(|(_, o)| {
            o.kind == EntityKind::Organisation
                && o.entity != m.entity
                && o.text.split_whitespace().count() >= 2
                && abbreviates(&m.text, &o.text)
        });
        let first = spelled.next();
        let other = spelled.any(|(_, o)| first.is_some_and(|(_, f)| f.entity != o.entity));
        if let (Some((named, _)), false) = (first, other) {
            repoint.push((idx, named));
        }
    }
    for (idx, named) in repoint {
        let (entity, name) = (mentions[named].entity.clone(), mentions[named].name.clone());
        let m = &mut mentions[idx];
        m.alternatives = vec![std::mem::replace(&mut m.entity, entity)];
        m.name = name;
        m.rule = Rule::AcronymDefined;
    }
}

/// Whether sentence `sentence` describes a company: "the telecoms operator said", "the
/// company", or results ("profits", "revenue").
fn company_sentence(doc: &Doc<'_>, sentence: &Sentence) -> Option<Evidence> {
    let words: Vec<&str> = sentence
        .tokens
        .iter()
        .map(|t| t.span.of(doc.text))
        .collect();
    // The lists are lower case: comparing without case is comparing the lowered word, with
    // no allocation per word.
    let listed = |list: &[&str], w: &str| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    // ", the telecoms operator said": a comma, "the", up to three words, the noun, a verb.
    let described = words.iter().enumerate().any(|(k, w)| {
        let the_after_comma = || {
            (1..=4).any(|back| {
                k.checked_sub(back).is_some_and(|t| {
                    words[t].eq_ignore_ascii_case("the") && t > 0 && words[t - 1] == ","
                })
            })
        };
        listed(COMPANY_NOUNS, w)
            && words.get(k + 1).is_some_and(|n| SPEECH_VERBS.contains(n))
            && the_after_comma()
    });
    if described {
        return Some(Evidence::Described);
    }
    let figures = words.iter().any(|w| listed(COMPANY_FIGURES, w));
    figures.then_some(Evidence::Figures)
}

/// What makes a sentence about a company.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// "..., the telecoms operator said".
    Described,
    /// "profits", "revenue", "shareholders".
    Figures,
}

/// A listed organisation named like `name` with a legal suffix ("Orange SA").
fn listed_company<'g>(
    gazetteer: &'g Gazetteer,
    lookups: &Lookups,
    name: &str,
) -> Option<&'g Entity> {
    let idx = *lookups.companies.get(name)?;
    gazetteer.entities().get(idx as usize)
}

/// The subject of a sentence about a company is the company: an untagged capitalised word
/// or a town at the start of the sentence ("Orange raised mobile prices ..., the telecoms
/// operator said").
pub(super) fn company_subjects(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    let person_surnames: std::collections::BTreeSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .filter_map(|m| m.text.split_whitespace().last().map(str::to_string))
        .collect();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        let Some(first) = sentence.tokens.first() else {
            continue;
        };
        let w = first.span.of(doc.text);
        let next = word(doc, sentence.tokens.get(1));
        let lower = w.to_lowercase();
        let shaped = cues::is_capitalised(w)
            && w.chars().skip(1).all(char::is_lowercase)
            && w.chars().count() > 2
            && !cues::is_function_word(w)
            && next.chars().next().is_some_and(char::is_lowercase)
            && !COMPANY_FIGURES.contains(&lower.as_str())
            && !COMPANY_NOUNS.contains(&lower.as_str())
            && !lower.ends_with("ing")
            && !lower.ends_with("ly")
            && !lower.ends_with("ed");
        // A person of the article ("Rother said profits ...") stays a person.
        let a_surname = person_surnames.contains(w);
        if !shaped || a_surname {
            continue;
        }
        // An English word opening a sentence ("Benefits rose") needs the company described
        // ("..., the telecoms operator said"); a name needs only company figures.
        let evidence = company_sentence(doc, sentence);
        let described = evidence == Some(Evidence::Described);
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        let plural = singular.len() < lower.len() && cues::is_common_word(singular);
        let english = cues::is_common_word(w) || plural;
        // With figures only, the company must be the one reporting them ("Shell said
        // profits rose", "Ryanair posted a profit").
        let reports = SPEECH_VERBS.contains(&next) || RESULT_VERBS.contains(&next);
        if evidence.is_none() || plural || english && !described || !described && !reports {
            continue;
        }
        let here = overlapping(mentions, first.span).and_then(|idx| mentions.get_mut(idx));
        let replace = match &here {
            None => true,
            Some(m) => {
                m.span == first.span
                    && m.kind == EntityKind::Place
                    && m.rule != Rule::Demonym
                    && !doc.gazetteer.get(&m.entity).is_some_and(super::is_nation)
            }
        };
        if !replace {
            continue;
        }
        let alternatives = here
            .as_ref()
            .map(|m| vec![m.entity.clone()])
            .unwrap_or_default();
        let target = match listed_company(doc.gazetteer, doc.lookups, w) {
            Some(entity) => Target::of_entity(entity, alternatives),
            None => Target::unlisted(EntityKind::Organisation, w, alternatives),
        };
        let mention = make(first.span, doc, sent_idx, target, Rule::CompanyContext);
        match here {
            Some(slot) => *slot = mention,
            None => added.push(mention),
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// The office a role phrase names in `country`: the chancellor of Germany or Austria heads
/// the government.
fn office_for(office: Office, country: &str) -> Office {
    match (office, country) {
        (Office::Chancellor, "DE" | "AT") => Office::PrimeMinister,
        _ => office,
    }
}

/// The role phrase starting at token `k`: its office and its number of tokens.
fn role_at(doc: &Doc<'_>, tokens: &[Token], k: usize) -> Option<(Office, usize)> {
    // Most tokens start no role phrase: the first word is compared before the others.
    let first = tokens.get(k)?.span.of(doc.text);
    if !role_heads().may_start(first) {
        return None;
    }
    ROLE_PHRASES.iter().find_map(|(words, office)| {
        let (head, rest) = words.split_first()?;
        if !head.eq_ignore_ascii_case(first) {
            return None;
        }
        let ok = rest.iter().enumerate().all(|(i, w)| {
            tokens
                .get(k + 1 + i)
                .is_some_and(|t| t.span.of(doc.text).eq_ignore_ascii_case(w))
        });
        ok.then_some((*office, words.len()))
    })
}

/// The lengths and lowered first bytes of the role phrases' first words: most tokens have
/// neither, and are passed over without comparing them with every phrase.
struct RoleHeads {
    first_bytes: [bool; 256],
    lengths: [bool; 32],
}

impl RoleHeads {
    fn may_start(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        self.first_bytes[usize::from(first.to_ascii_lowercase())]
            && self.lengths.get(word.len()).copied().unwrap_or(true)
    }
}

fn role_heads() -> &'static RoleHeads {
    static HEADS: std::sync::OnceLock<RoleHeads> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| {
        let mut res = RoleHeads {
            first_bytes: [false; 256],
            lengths: [false; 32],
        };
        for (words, _) in ROLE_PHRASES {
            let Some(head) = words.first() else { continue };
            for b in head.bytes().take(1) {
                res.first_bytes[usize::from(b.to_ascii_lowercase())] = true;
                res.first_bytes[usize::from(b.to_ascii_uppercase())] = true;
            }
            match res.lengths.get_mut(head.len()) {
                Some(slot) => *slot = true,
                // A head too long for the table: let every long word through.
                None => res.lengths = [true; 32],
            }
        }
        res
    })
}

/// A role phrase found in a sentence: the role's tokens and the country it belongs to.
struct RolePhrase {
    span: Span,
    sentence: usize,
    office: Office,
    country: String,
}

/// Role phrases: "the German chancellor", "Britain's foreign secretary", "the President of
/// Ukraine". Not titles before a name ("German Chancellor Olaf Scholz"), not former holders.
fn role_phrases(doc: &Doc<'_>, mentions: &[Mention]) -> Vec<RolePhrase> {
    let country_at = |span: Span| -> Option<String> {
        let m = overlapping(mentions, span)
            .and_then(|idx| mentions.get(idx))
            .filter(|m| m.span == span)?;
        let entity = doc.gazetteer.get(&m.entity)?;
        super::is_nation(entity)
            .then(|| country_of(doc.gazetteer, &m.entity).map(str::to_string))?
    };
    let mut res = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        for k in 0..tokens.len() {
            let Some((office, len)) = role_at(doc, tokens, k) else {
                continue;
            };
            let (Some(first), Some(last)) = (tokens.get(k), tokens.get(k + len - 1)) else {
                continue;
            };
            let span = Span::new(first.span.start, last.span.end);
            if covered(mentions, span) {
                continue;
            }
            let next = tokens.get(k + len);
            let titled = next.is_some_and(|t| {
                cues::is_capitalised(t.span.of(doc.text)) || covered(mentions, t.span)
            });
            let before = |back: usize| k.checked_sub(back).and_then(|p| tokens.get(p));
            // "the German chancellor", "Britain 's foreign secretary": the phrase starts at
            // the country.
            let mut phrase = span;
            let country = match before(1) {
                Some(t) if t.span.of(doc.text) == "'s" => before(2).and_then(|c| {
                    phrase = Span::new(c.span.start, span.end);
                    country_at(c.span)
                }),
                Some(t) => overlapping(mentions, t.span)
                    .and_then(|idx| mentions.get(idx))
                    .filter(|m| m.span == t.span && m.rule == Rule::Demonym)
                    .and_then(|m| {
                        phrase = Span::new(m.span.start, span.end);
                        country_at(m.span)
                    }),
                None => None,
            };
            let prefix_at = if country.is_some() { 2 } else { 1 };
            let prefix = before(prefix_at).map_or("", |t| t.span.of(doc.text));
            let not_current = NOT_CURRENT.iter().any(|w| prefix.eq_ignore_ascii_case(w));
            // "Western Australian Premier": a region's office, not the nation's.
            if country.is_some() && REGION_PREFIXES.contains(&prefix) {
                continue;
            }
            // "the President of Ukraine".
            let country = country.or_else(|| {
                let of = tokens
                    .get(k + len)
                    .filter(|t| t.span.of(doc.text) == "of")?;
                let c = tokens.get(k + len + 1)?;
                let code = (of.span.end <= c.span.start).then(|| country_at(c.span))??;
                phrase = Span::new(span.start, c.span.end);
                Some(code)
            });
            let Some(country) = country else { continue };
            let of_phrase = next.is_some_and(|t| t.span.of(doc.text) == "of");
            if (titled && !of_phrase) || not_current {
                continue;
            }
            res.push(RolePhrase {
                span: phrase,
                sentence: sent_idx,
                office: office_for(office, &country),
                country,
            });
        }
    }
    res
}

/// Role phrases refer to the person the article names in that role, else to the holder the
/// office table knows for the article's date.
pub(super) fn roles(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let phrases = role_phrases(doc, mentions);
    if phrases.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for phrase in phrases {
        // A person of the article who held the office on the article's date (any time,
        // when the date is unknown): "Olaf Scholz met ... The German chancellor said".
        let named = mentions.iter().find(|m| {
            m.kind == EntityKind::Person
                && offices::held(&m.entity, phrase.office, &phrase.country, doc.date)
        });
        let (entity, alternatives) = match named {
            Some(m) => (doc.gazetteer.get(&m.entity), Vec::new()),
            None => {
                let Some(term) = offices::holder(phrase.office, &phrase.country, doc.date) else {
                    continue;
                };
                (doc.gazetteer.get(term.person), Vec::new())
            }
        };
        let Some(entity) = entity else { continue };
        let target = Target::of_entity(entity, alternatives);
        added.push(make(phrase.span, doc, phrase.sentence, target, Rule::Role));
    }
    // The country inside a role phrase is part of it ("the German chancellor").
    mentions.retain(|m| !added.iter().any(|r| r.span.overlaps(m.span)));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// Runs the decisions that follow the cue pass, in order.
pub(super) fn decide(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    people::short_form_before_surname(doc, mentions);
    longer_names(doc, mentions);
    parts::coordinated_org_names(doc, mentions);
    parts::place_prefixed_orgs(doc, mentions);
    parts::compound_parts(doc, mentions);
    parts::joined_names(doc, mentions);
    parts::seated_orgs(doc, mentions);
    parts::envoy_qualifiers(doc, mentions);
    parts::companies_not_people(doc, mentions);
    generic_institutions(doc, mentions);
    unsupported_foreign_aliases(doc, mentions);
    parts::other_bodies(doc, mentions);
    company_subjects(doc, mentions);
    defined_acronyms(doc, mentions);
    spelled_acronyms(mentions);
    people::earlier_surnames(doc, mentions);
    people::coordinated_given_names(doc, mentions);
    roles(doc, mentions);
}

mod parts;
pub(super) mod people;

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
