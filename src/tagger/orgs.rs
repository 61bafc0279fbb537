//! Organisations named in no list, found from how the article describes them.
//!
//! The cue pass (`cues.rs`) types a capitalised run by its own words: a head word ("... Records",
//! "... Air Division") makes it an organisation. This module adds what the words around a name
//! say, for names whose own words say nothing:
//!
//! * a definition: "Vexmoor is a Danish furniture company", "Quorn Lane, a record label from
//!   Leeds", "the band The Glass Owls", "signed to Quorn Lane", "Vexmoor's shareholders", an
//!   acronym after a word for a group of people ("the separatist group KLF");
//! * the rest of the article: a name once defined as an organisation is one wherever it recurs
//!   (also at the start of a sentence, where capitals say nothing), and an unknown acronym found
//!   inside a sentence is one at the start of another;
//! * a capitalised head alone ("the League", "the Party") after an organisation with that head:
//!   the same organisation;
//! * sports clubs: a town followed by a plural nickname in a sports article ("Dunmore Otters"),
//!   and the nickname alone later;
//! * the edges of a name found by its head: a capitalised "The" inside a sentence ("joined The
//!   Ferris Trust") and an ordinal before a military unit ("the 51st Signal Brigade").
//!
//! It also supplies the cue pass with words it consults: more organisation heads, words of
//! venues that no personal name contains, the heads a nationality joins ("American Medical
//! Association", but "French Interior Ministry" stays apart), and the test that splits "Harvey
//! Dellman and Graham Mabsley" into two people.
//!
//! Precision first: every rule needs a name in no list (or one the cues guessed from its shape
//! alone), and none overrides a gazetteer entry.

use std::sync::OnceLock;

use super::{is_nation, round2, slug, FastMap, Mention, Rule};
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::text::{Sentence, Span};

/// Organisation heads beyond the cue pass's own list (media, labels, military units, schools).
const EXTRA_HEADS: &[&str] = &[
    "Records",
    "Recordings",
    "Media",
    "Publishing",
    "Publications",
    "Publishers",
    "Entertainment",
    "Studios",
    "Pictures",
    "Films",
    "Productions",
    "Orchestra",
    "Philharmonic",
    "Choir",
    "Scouts",
    "Works",
    "Lines",
    "Confederation",
    "Diocese",
    "Archdiocese",
    "Academy",
    "School",
    "Seminary",
    "Polytechnic",
    "Division",
    "Wing",
    "Squadron",
    "Regiment",
    "Battalion",
    "Fleet",
    "Force",
    "Infantry",
    "Cavalry",
    "Artillery",
    "Aerospace",
    "Aviation",
    "Software",
    "Steel",
    "Mining",
    "Brewery",
    "Breweries",
    "Hotels",
    "Resorts",
    "Stores",
    "Supermarkets",
    "Logistics",
    "Shipping",
    "Partnership",
];

/// Words of buildings and venues: a run with one is no person ("Kessler Auditorium").
const VENUE_WORDS: &[&str] = &[
    "Auditorium",
    "Hotel",
    "Motel",
    "Station",
    "Theatre",
    "Theater",
    "Lounge",
    "Arena",
    "Library",
    "Museum",
    "Tower",
    "Bridge",
    "Avenue",
    "Street",
    "Road",
    "Boulevard",
    "Highway",
    "Base",
    "Hospital",
    "Clinic",
    "Mall",
    "Gallery",
    "Casino",
    "Resort",
    "Chapel",
    "Regency",
    "Schoolhouse",
    "Railroad",
    "Railway",
];

/// Heads of a state's institutions: a nationality before them stays a nationality ("French
/// Interior Ministry", "Brazilian Senate", "German Ministry of Finance").
const STATE_HEADS: &[&str] = &[
    "Ministry",
    "Senate",
    "Parliament",
    "Congress",
    "Assembly",
    "Cabinet",
    "Government",
    "Administration",
    "Presidency",
    "Embassy",
    "Consulate",
    "Court",
    "Police",
];

/// Lower-case nouns that say a name is an organisation ("a Danish furniture company").
const ORG_NOUNS: &[&str] = &[
    "company",
    "corporation",
    "firm",
    "manufacturer",
    "maker",
    "retailer",
    "chain",
    "label",
    "band",
    "group",
    "organisation",
    "organization",
    "party",
    "club",
    "newspaper",
    "magazine",
    "tabloid",
    "broadcaster",
    "publisher",
    "airline",
    "carrier",
    "bank",
    "charity",
    "association",
    "society",
    "university",
    "college",
    "institute",
    "foundation",
    "federation",
    "orchestra",
    "choir",
    "ensemble",
    "duo",
    "trio",
    "quartet",
    "conglomerate",
    "subsidiary",
    "distributor",
    "cooperative",
    "consortium",
    "supergroup",
    "insurer",
    "lender",
    "brewery",
    "startup",
    "start-up",
    "daily",
    "paper",
];

/// Nouns that, right before a capitalised name, make it an organisation ("the band Vexmoor",
/// "electrical company Quill Brothers"). Narrower than [`ORG_NOUNS`]: "group" and "party" also
/// come before people's names.
const NOUNS_BEFORE_NAME: &[&str] = &[
    "band",
    "label",
    "company",
    "firm",
    "newspaper",
    "magazine",
    "tabloid",
    "broadcaster",
    "publisher",
    "airline",
    "carrier",
    "bank",
    "manufacturer",
    "retailer",
    "conglomerate",
    "orchestra",
    "supergroup",
    "brewery",
];

/// Words for a group of people that, right before an acronym, make it that group's name
/// ("the separatist group KLF", "the militia RDX").
const GROUP_NOUNS: &[&str] = &[
    "group",
    "groups",
    "organisation",
    "organization",
    "movement",
    "militia",
    "faction",
    "party",
    "coalition",
    "network",
];

/// Two to six capital letters (an acronym), whatever else the letters abbreviate.
fn is_acronym_word(word: &str) -> bool {
    (2..=6).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Words that may follow an organisation noun that heads its phrase ("a company from", "a
/// band that", "a label based in"); a noun followed by another word ("a band leader") is a
/// modifier, not the head.
const AFTER_HEAD_NOUN: &[&str] = &[
    "from",
    "in",
    "based",
    "that",
    "which",
    "whose",
    "founded",
    "formed",
    "established",
    "and",
    "with",
    "for",
    "since",
    "headquartered",
    "owned",
    "operated",
    "known",
    "located",
    "created",
    "started",
    "originally",
    "currently",
    "active",
    "specialising",
    "specializing",
    "on",
    "at",
    "until",
];

/// Words that end the description between the article and its noun.
const NOT_MODIFIERS: &[&str] = &[
    "of", "in", "on", "at", "by", "for", "with", "from", "to", "and", "or", "but", "which", "who",
    "that", "is", "was", "are", "were", "has", "had", "the", "a", "an", "his", "her", "their",
    "its", "this", "as", "not",
];

/// Nouns after "X 's" that only organisations have.
const ORG_POSSESSIONS: &[&str] = &[
    "shareholders",
    "shares",
    "stock",
    "subsidiary",
    "subsidiaries",
    "headquarters",
    "CEO",
    "chairman",
    "board",
];

/// Heads that, alone after "the", refer back to the organisation of that head named earlier.
const BACK_HEADS: &[&str] = &[
    "League",
    "Party",
    "Club",
    "Company",
    "Corporation",
    "Union",
    "Association",
    "Federation",
    "Society",
    "University",
    "College",
    "Institute",
    "Bank",
    "Group",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Foundation",
    "Trust",
    "Church",
    "Movement",
    "Alliance",
    "Coalition",
    "Orchestra",
    "Academy",
    "Board",
    "Bureau",
    "Authority",
    "Confederation",
];

/// Military units: an ordinal before one is part of its name ("51st Signal Brigade").
const UNIT_HEADS: &[&str] = &[
    "Division",
    "Wing",
    "Squadron",
    "Regiment",
    "Battalion",
    "Brigade",
    "Corps",
    "Command",
    "Fleet",
    "Army",
    "Force",
    "Group",
    "Infantry",
    "Cavalry",
    "Artillery",
];

/// Plural words after a place that are not a club's nickname ("Texas Democrats", "Ohio
/// Highlands").
const NOT_NICKNAMES: &[&str] = &[
    "Democrats",
    "Republicans",
    "Conservatives",
    "Liberals",
    "Socialists",
    "Communists",
    "Greens",
    "Islands",
    "Isles",
    "Hills",
    "Heights",
    "Falls",
    "Springs",
    "Mountains",
    "Lakes",
    "Fields",
    "Gardens",
    "Plains",
    "Highlands",
    "Lowlands",
    "Dales",
    "Woods",
    "Games",
    "Championships",
    "Olympics",
    "Awards",
    "Times",
    "News",
    "Affairs",
    "Forces",
    "Airways",
    "Airlines",
    "Motors",
    "Industries",
    "Holdings",
    "Services",
    "Systems",
    "Studios",
    "Records",
    "Scouts",
    "Lines",
    "Works",
];

/// Words that make a sentence about a sport's clubs, beyond the tagger's sports words.
const TEAM_WORDS: &[&str] = &[
    "played", "plays", "player", "players", "drafted", "traded", "roster", "team", "teams", "game",
    "games", "won", "lost", "signed", "hockey", "nfl", "nhl", "nba",
];

fn set_of(
    list: &'static [&'static str],
    cell: &'static OnceLock<super::cues::WordSet>,
) -> &'static super::cues::WordSet {
    cell.get_or_init(|| list.iter().copied().collect())
}

/// Whether `word` ends an organisation's name beyond the cue pass's own heads.
pub(super) fn is_extra_head(word: &str) -> bool {
    static SET: OnceLock<super::cues::WordSet> = OnceLock::new();
    set_of(EXTRA_HEADS, &SET).contains(word)
}

/// Whether `word` is one of `NOUNS_BEFORE_NAME` (asked for every word of every sentence).
fn is_noun_before_name(word: &str) -> bool {
    static SET: OnceLock<super::cues::WordSet> = OnceLock::new();
    set_of(NOUNS_BEFORE_NAME, &SET).contains(word)
}

/// Whether `word` is one of `GROUP_NOUNS` (asked for every word of every sentence).
fn is_group_noun(word: &str) -> bool {
    static SET: OnceLock<super::cues::WordSet> = OnceLock::new();
    set_of(GROUP_NOUNS, &SET).contains(word)
}

/// Whether `word` names a building or venue, so that no personal name contains it.
pub(super) fn blocks_person(word: &str) -> bool {
    static SET: OnceLock<super::cues::WordSet> = OnceLock::new();
    set_of(VENUE_WORDS, &SET).contains(word)
}

/// Whether a nationality right before an organisation with head `head` is part of its name
/// ("American Medical Association"); a state's institutions keep it apart ("French Interior
/// Ministry").
pub(super) fn demonym_joins(parts: &[&str]) -> bool {
    // The head of "League of Rights" is "League".
    let head = parts
        .iter()
        .position(|p| *p == "of")
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| parts.get(i))
        .or(parts.last());
    head.is_some_and(|h| !STATE_HEADS.contains(h))
}

/// Whether `word` opens a sports club's name ("FC Basel", "HC Lugano").
pub(super) fn opens_club(word: &str) -> bool {
    matches!(word, "FC" | "AFC" | "FK" | "SK" | "SV" | "HC")
}

/// Whether `words[start..end]` followed by "and" and two more capitalised words are two
/// people ("Harvey Dellman and Graham Mabsley"): the first part is a given name and a surname,
/// and the second part two name-shaped words with nothing capitalised after them.
pub(super) fn two_people(words: &[&str], start: usize, end: usize, gazetteer: &Gazetteer) -> bool {
    let Some(first_part) = words.get(start..end) else {
        return false;
    };
    let first_ok = first_part.len() == 2
        && gazetteer.is_given_name(first_part[0])
        && super::cues::name_shaped(first_part[1]);
    let second = (words.get(end + 1), words.get(end + 2), words.get(end + 3));
    let second_ok = match second {
        (Some(a), Some(b), after) => {
            (gazetteer.is_given_name(a) || super::cues::name_shaped(a))
                && super::cues::name_shaped(b)
                && after.is_none_or(|w| !super::cues::is_capitalised(w))
        }
        _ => false,
    };
    first_ok && second_ok
}

/// Mentions a rule guessed from a name's shape alone: a definition in the text may retype them.
fn weak(m: &Mention) -> bool {
    matches!(
        m.rule,
        Rule::NameShape | Rule::ReportingVerb | Rule::Apposition | Rule::Acronym
    )
}

/// One sentence's words with the index of the mention covering each token, if any.
struct Words<'a> {
    words: Vec<&'a str>,
    spans: Vec<Span>,
    covered: Vec<Option<usize>>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str, sentence: &Sentence, mentions: &[Mention]) -> Words<'a> {
        let spans: Vec<Span> = sentence.tokens.iter().map(|t| t.span).collect();
        let words = spans.iter().map(|s| s.of(text)).collect();
        let mut covered = vec![None; spans.len()];
        let first = mentions.partition_point(|m| m.span.end <= sentence.span.start);
        let mut k = first;
        for (i, span) in spans.iter().enumerate() {
            while mentions.get(k).is_some_and(|m| m.span.end <= span.start) {
                k += 1;
            }
            if mentions.get(k).is_some_and(|m| m.span.overlaps(*span)) {
                covered[i] = Some(k);
            }
        }
        Words {
            words,
            spans,
            covered,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn span(&self, from: usize, to: usize) -> Option<Span> {
        Some(Span::new(
            self.spans.get(from)?.start,
            self.spans.get(to - 1)?.end,
        ))
    }
}

/// A name run: capitalised words with connectors inside, from `from` while it grows.
fn run_right(w: &Words<'_>, from: usize) -> usize {
    let mut end = from;
    while end < w.words.len() {
        let word = w.word(end);
        if super::cues::is_capitalised(word) {
            end += 1;
        } else if matches!(word, "of" | "&" | "and" | "the" | "de")
            && end > from
            && super::cues::is_capitalised(w.word(end + 1))
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// The start of the capitalised run that ends just before `end`.
fn run_left(w: &Words<'_>, end: usize) -> usize {
    let mut start = end;
    while start > 0 {
        let word = w.word(start - 1);
        if super::cues::is_capitalised(word) {
            start -= 1;
        } else if matches!(word, "of" | "&" | "and" | "the" | "de")
            && start >= 2
            && super::cues::is_capitalised(w.word(start - 2))
            && start < end
        {
            start -= 2;
        } else {
            break;
        }
    }
    start
}

/// Whether tokens `j..` hold "[modifiers] ORG-NOUN" that heads its phrase (at most five words
/// before the noun; modifiers may be joined by "and" or "or").
fn describes_org(w: &Words<'_>, j: usize) -> bool {
    for k in j..(j + 6).min(w.words.len()) {
        let word = w.word(k);
        if ORG_NOUNS.contains(&word) {
            let next = w.word(k + 1);
            let heads = next.is_empty()
                || AFTER_HEAD_NOUN.contains(&next)
                || (next == "of" && word == "subsidiary")
                || (!is_possessive(next)
                    && !next.chars().next().is_some_and(char::is_alphanumeric));
            if heads {
                return true;
            }
        }
        // "a Canadian polling and research company": coordinated modifiers.
        let coordinates = matches!(word, "and" | "or") && k > j;
        if !coordinates && (NOT_MODIFIERS.contains(&word) || !word.chars().any(char::is_alphabetic))
        {
            return false;
        }
    }
    false
}

/// A candidate name `from..to` of sentence `w`: long enough, no stop or title word first, and
/// nothing in it from a list.
fn fit_name(
    w: &Words<'_>,
    mentions: &[Mention],
    from: usize,
    to: usize,
    strong: bool,
    gazetteer: &Gazetteer,
) -> bool {
    if to <= from || to - from > 6 {
        return false;
    }
    let first = w.word(from);
    let leading_the = first == "The" && to - from >= 2;
    if (super::cues::is_function_word(first) && !leading_the)
        || (!strong && gazetteer.is_given_name(first))
    {
        return false;
    }
    (from..to).all(|i| match w.covered[i] {
        None => true,
        Some(k) => mentions.get(k).is_some_and(|m| {
            let inside = w.span(from, to).is_some_and(|s| s.contains(m.span));
            inside
                && (weak(m)
                    || m.kind == EntityKind::Organisation && m.rule == Rule::OrganisationHead
                    || strong && matches!(m.rule, Rule::GivenName))
        }),
    })
}

/// The names the sentence `w` defines as organisations, as token ranges.
fn defined_names(
    w: &Words<'_>,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Vec<(usize, usize)> {
    let mut res = Vec::new();
    let n = w.words.len();
    // "Vexmoor is a Danish furniture company".
    let subject_end = run_right(w, 0);
    if subject_end > 0
        && matches!(w.word(subject_end), "is" | "was" | "are" | "were")
        && fit_name(w, mentions, 0, subject_end, true, gazetteer)
    {
        let mut j = subject_end + 1;
        if matches!(
            w.word(j),
            "also" | "now" | "currently" | "still" | "originally"
        ) {
            j += 1;
        }
        if matches!(w.word(j), "a" | "an" | "the") && describes_org(w, j + 1) {
            let from = usize::from(w.word(0) == "The" && subject_end >= 2);
            res.push((from, subject_end));
        }
    }
    for i in 1..n {
        let word = w.word(i);
        // "Quorn Lane, a record label", "Vell Dagblad, Norway's largest daily": an
        // apposition whose head is a word for an organisation.
        let owner_says = super::cues::is_capitalised(w.word(i + 1))
            && is_possessive(w.word(i + 2))
            && describes_org(w, i + 3);
        if word == ","
            && ((matches!(w.word(i + 1), "a" | "an") && describes_org(w, i + 2)) || owner_says)
        {
            let from = run_left(w, i);
            let from = from + usize::from(from == 0 && w.word(0) == "The");
            if fit_name(w, mentions, from, i, true, gazetteer) {
                res.push((from, i));
            }
        }
        // "the band The Glass Owls", "signed to Quorn Lane".
        let before_name = is_noun_before_name(word) && !super::cues::is_capitalised(w.word(i - 1))
            || (word == "to" || word == "with") && w.word(i - 1) == "signed";
        // "the separatist group KLF": an acronym after a word for a group of people is the
        // group, even one that also abbreviates something else.
        let acronym_after_group = is_group_noun(word)
            && is_acronym_word(w.word(i + 1))
            && !super::cues::is_capitalised(w.word(i + 2));
        if acronym_after_group && fit_name(w, mentions, i + 1, i + 2, false, gazetteer) {
            res.push((i + 1, i + 2));
        }
        // "Vexmoor 's shareholders".
        if before_name && super::cues::is_capitalised(w.word(i + 1)) {
            let end = run_right(w, i + 1);
            if fit_name(w, mentions, i + 1, end, false, gazetteer) {
                res.push((i + 1, end));
            }
        }
        if is_possessive(word) && ORG_POSSESSIONS.contains(&w.word(i + 1)) {
            let from = run_left(w, i);
            if fit_name(w, mentions, from, i, false, gazetteer) {
                res.push((from, i));
            }
        }
    }
    res
}

/// Puts the `new` mentions among `mentions` (sorted, non-overlapping) in one merge: each
/// goes in when every mention it overlaps lies inside it and `replaceable` allows replacing
/// it, and no earlier new mention overlaps it.
fn place_all(
    mentions: &mut Vec<Mention>,
    mut new: Vec<Mention>,
    replaceable: impl Fn(&Mention) -> bool,
) {
    if new.is_empty() {
        return;
    }
    new.sort_by_key(|m| m.span);
    let old = std::mem::take(mentions);
    let mut out: Vec<Mention> = Vec::with_capacity(old.len() + new.len());
    let mut olds = old.into_iter().peekable();
    for m in new {
        while let Some(o) = olds.next_if(|o| o.span.end <= m.span.start) {
            out.push(o);
        }
        if out.last().is_some_and(|x| x.span.end > m.span.start) {
            continue;
        }
        let mut over = Vec::new();
        while let Some(o) = olds.next_if(|o| o.span.start < m.span.end) {
            over.push(o);
        }
        if over
            .iter()
            .all(|o| m.span.contains(o.span) && replaceable(o))
        {
            out.push(m);
        } else {
            out.extend(over);
        }
    }
    out.extend(olds);
    *mentions = out;
}

fn org_mention(
    text: &str,
    span: Span,
    sentence: usize,
    entity: Option<(&str, &str)>,
    rule: Rule,
) -> Mention {
    let raw = span.of(text);
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let (entity, name) = match entity {
        Some((e, n)) => (e.to_string(), n.to_string()),
        None => (format!("org:{}", slug(&name)), name),
    };
    Mention {
        span,
        sentence,
        text: raw.to_string(),
        entity,
        name,
        kind: EntityKind::Organisation,
        rule,
        confidence: round2(rule.confidence()),
        alternatives: Vec::new(),
    }
}

/// A defined name: its words, entity id and name.
type Defined<'t> = (Vec<&'t str>, String, String);

/// Adds the organisations the article's words describe, and their later mentions, and trims
/// the edges of organisations found by their heads. `mentions` are sorted and stay so.
pub(super) fn refine(
    text: &str,
    sentences: &[Sentence],
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) {
    // Names defined in the article, as their words: each becomes an organisation wherever it
    // stands.
    let mut names: Vec<Defined<'_>> = Vec::new();
    let mut new = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let w = Words::new(text, sentence, mentions);
        for (from, to) in defined_names(&w, mentions, gazetteer) {
            let Some(span) = w.span(from, to) else {
                continue;
            };
            let m = org_mention(text, span, si, None, Rule::OrganisationContext);
            let key: Vec<&str> = w.words[from..to].to_vec();
            if !names.iter().any(|(k, _, _)| *k == key) {
                names.push((key, m.entity.clone(), m.name.clone()));
            }
            new.push(m);
        }
    }
    place_all(mentions, new, |x| weak(x) || x.rule == Rule::GivenName);
    // Acronyms found inside a sentence are organisations at the start of one too.
    for m in mentions.iter().filter(|m| m.rule == Rule::Acronym) {
        let word = m.span.of(text);
        if !names.iter().any(|(k, _, _)| k.len() == 1 && k[0] == word) {
            names.push((vec![word], m.entity.clone(), m.name.clone()));
        }
    }
    spread(text, sentences, mentions, &names);
    teams(text, sentences, mentions, gazetteer);
    back_references(text, sentences, mentions);
    edges(text, sentences, mentions);
}

/// Whether the word before a name leaves it alone: not capitalised, or a sentence's "The".
fn free_before(w: &Words<'_>, i: usize) -> bool {
    i == 0 || !super::cues::is_capitalised(w.word(i - 1)) || (i == 1 && w.word(0) == "The")
}

/// Every other standing of a defined name, alone between words that are not capitalised.
fn spread(text: &str, sentences: &[Sentence], mentions: &mut Vec<Mention>, names: &[Defined<'_>]) {
    if names.is_empty() {
        return;
    }
    let mut by_first: FastMap<&str, Vec<usize>> = FastMap::default();
    for (i, (key, _, _)) in names.iter().enumerate() {
        if let Some(first) = key.first() {
            by_first.entry(first).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let w = Words::new(text, sentence, mentions);
        for i in 0..w.words.len() {
            let Some(ids) = by_first.get(w.word(i)) else {
                continue;
            };
            for (key, entity, name) in ids.iter().filter_map(|&k| names.get(k)) {
                let n = key.len();
                if w.words.get(i..i + n) != Some(&key[..]) {
                    continue;
                }
                // Not a speaker's label in an interview ("DS: Do you ..."), nor part of a hyphened
                // name ("AFL-CIO").
                let alone = free_before(&w, i)
                    && !super::cues::is_capitalised(w.word(i + n))
                    && w.word(i + n) != ":"
                    && (i == 0 || w.word(i - 1) != "-")
                    && w.word(i + n) != "-";
                if let Some(span) = w.span(i, i + n).filter(|_| alone) {
                    found.push(org_mention(
                        text,
                        span,
                        si,
                        Some((entity, name)),
                        Rule::OrganisationContext,
                    ));
                }
            }
        }
    }
    place_all(mentions, found, weak);
}

/// Whether the sentence reads as sports: a sports word or a word about a sport's clubs.
fn sporty(words: &[&str]) -> bool {
    words.iter().any(|w| is_sporty_word(w))
}

/// Whether `word` (in any case) is a sports word or a word about a sport's clubs: one
/// look-up in the union of the two lists.
fn is_sporty_word(word: &str) -> bool {
    static SET: OnceLock<super::cues::WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        super::SPORTS_WORDS
            .iter()
            .chain(TEAM_WORDS)
            .copied()
            .collect()
    })
    .contains_lowercased(word)
}

/// Whether `word` could be a club's plural nickname: "Otters", "67s".
fn nickname_shaped(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    let alphabetic = word.len() >= 4
        && super::cues::is_capitalised(word)
        && word.chars().all(char::is_alphabetic);
    let numbered = !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit());
    (alphabetic || numbered) && !NOT_NICKNAMES.contains(&word)
}

/// A town and a plural nickname in a sports sentence are a club ("Dunmore Otters"); the
/// nickname alone later is the same club.
fn teams(text: &str, sentences: &[Sentence], mentions: &mut Vec<Mention>, gazetteer: &Gazetteer) {
    // Only a sentence in which a place's name ends can name a club this way: the others are
    // not read word by word (most sentences of an article).
    let mut place_ends = vec![false; sentences.len()];
    for m in mentions.iter() {
        if m.kind == EntityKind::Place && m.rule != Rule::Demonym && m.span.end > 0 {
            let si = super::sentence_of(sentences, m.span.end - 1);
            if let Some(flag) = place_ends.get_mut(si) {
                *flag = true;
            }
        }
    }
    let mut found = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        if !place_ends.get(si).copied().unwrap_or(false) {
            continue;
        }
        let w = Words::new(text, sentence, mentions);
        if !sporty(&w.words) {
            continue;
        }
        for i in 1..w.words.len() {
            let nick = w.word(i);
            let Some(place) = w.covered[i - 1].and_then(|k| mentions.get(k)) else {
                continue;
            };
            let is_place = place.kind == EntityKind::Place
                && place.rule != Rule::Demonym
                && place.span.end == w.spans[i - 1].end
                && !gazetteer.get(&place.entity).is_some_and(is_nation);
            if is_place
                && nickname_shaped(nick)
                && w.covered[i].is_none()
                && !super::cues::is_capitalised(w.word(i + 1))
            {
                let span = Span::new(place.span.start, w.spans[i].end);
                found.push(org_mention(text, span, si, None, Rule::OrganisationContext));
            }
        }
    }
    let wanted: Vec<(Span, String, String)> = found
        .iter()
        .map(|m| (m.span, m.entity.clone(), m.name.clone()))
        .collect();
    place_all(mentions, found, |x| x.kind == EntityKind::Place);
    // The clubs placed, by nickname.
    let mut clubs: FastMap<&str, (String, String)> = FastMap::default();
    for (span, entity, name) in wanted {
        let at = mentions.partition_point(|m| m.span < span);
        let placed = mentions
            .get(at)
            .is_some_and(|m| m.span == span && m.entity == entity);
        if let Some(nick) = span.of(text).rsplit(' ').next().filter(|_| placed) {
            clubs.entry(nick).or_insert((entity, name));
        }
    }
    if clubs.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let w = Words::new(text, sentence, mentions);
        for i in 0..w.words.len() {
            let Some((entity, name)) = clubs.get(w.word(i)) else {
                continue;
            };
            if w.covered[i].is_none()
                && free_before(&w, i)
                && !super::cues::is_capitalised(w.word(i + 1))
            {
                found.push(org_mention(
                    text,
                    w.spans[i],
                    si,
                    Some((entity, name)),
                    Rule::ShortForm,
                ));
            }
        }
    }
    place_all(mentions, found, |_| false);
}

/// The heads an organisation's name ends with or opens ("Vexmoor League of Rights": League).
fn heads_of(name: &str) -> [Option<&str>; 2] {
    let before_of = name.split(" of ").next().filter(|s| s.len() < name.len());
    [
        name.split_whitespace().last(),
        before_of.and_then(|s| s.split_whitespace().last()),
    ]
}

/// "the League" after "the Vexmoor League of Rights": the organisation of that head named
/// last before it (among the 30 organisations before it).
fn back_references(text: &str, sentences: &[Sentence], mentions: &mut Vec<Mention>) {
    let orgs: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organisation)
        .collect();
    let mut found = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        // Most sentences have no "the" + head: they need no words and no coverage.
        let the_head = |pair: &[crate::text::Token]| {
            matches!(pair, [the, head] if the.span.of(text).eq_ignore_ascii_case("the")
                && BACK_HEADS.contains(&head.span.of(text)))
        };
        if !sentence.tokens.windows(2).any(the_head) {
            continue;
        }
        let w = Words::new(text, sentence, mentions);
        for i in 1..w.words.len() {
            let head = w.word(i);
            if !w.word(i - 1).eq_ignore_ascii_case("the")
                || !BACK_HEADS.contains(&head)
                || w.covered[i].is_some()
                || super::cues::is_capitalised(w.word(i + 1))
                || w.word(i + 1) == "of"
            {
                continue;
            }
            let at = w.spans[i].start;
            let before = orgs.partition_point(|m| m.span.end <= at);
            let earlier = orgs[..before]
                .iter()
                .rev()
                .take(30)
                .find(|m| heads_of(&m.name).contains(&Some(head)) && m.name != head);
            if let Some(m) = earlier {
                found.push(org_mention(
                    text,
                    w.spans[i],
                    si,
                    Some((&m.entity, &m.name)),
                    Rule::ShortForm,
                ));
            }
        }
    }
    place_all(mentions, found, |_| false);
}

/// Edges of names found by their heads: a capitalised "The" inside a sentence, an ordinal
/// before a military unit.
fn edges(text: &str, sentences: &[Sentence], mentions: &mut [Mention]) {
    for sentence in sentences {
        let toks = &sentence.tokens;
        for i in 1..toks.len() {
            let (Some(tok), Some(next)) = (toks.get(i), toks.get(i + 1)) else {
                continue;
            };
            let at = mentions.partition_point(|m| m.span.start < next.span.start);
            let Some(m) = mentions
                .get_mut(at)
                .filter(|m| m.span.start == next.span.start)
            else {
                continue;
            };
            if m.kind != EntityKind::Organisation
                || !matches!(m.rule, Rule::OrganisationHead | Rule::OrganisationContext)
            {
                continue;
            }
            let word = tok.span.of(text);
            let the = word == "The"
                && !matches!(toks[i - 1].span.of(text), "\"" | "``" | ":" | "--" | "-");
            let last = m.name.split_whitespace().last().unwrap_or("");
            // "the 51st Signal Brigade"; a bare number only where no verb or noun can count
            // it ("Renamed 12 Air Division", "; 3 Air Division").
            let counted_before = i >= 1
                && toks[i - 1]
                    .span
                    .of(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            let number =
                word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()) && !counted_before;
            let ordinal = UNIT_HEADS.contains(&last) && (is_ordinal(word) || number);
            if the || ordinal {
                m.span = Span::new(tok.span.start, m.span.end);
                m.text = m.span.of(text).to_string();
            }
            if ordinal && !the {
                number_unit(m, word);
            }
        }
    }
}

/// A unit's number is part of its name and its id: "1st Support Command" is not the generic
/// "Support Command" entry the head made (the article's country, when the id had it, stays).
fn number_unit(m: &mut Mention, number: &str) {
    let old = format!("org:{}", slug(&m.name));
    let name = format!("{number} {}", m.name);
    let new = format!("org:{}", slug(&name));
    let entity = if m.entity == old {
        Some(new)
    } else {
        m.entity
            .strip_prefix(old.as_str())
            .filter(|rest| rest.starts_with('-'))
            .map(|rest| format!("{new}{rest}"))
    };
    if let Some(entity) = entity {
        m.entity = entity;
        m.name = name;
    }
}

/// The possessive clitic as the tokenizer splits it off.
fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// "51st", "2nd", "102d", "3rd".
fn is_ordinal(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th" | "d")
}

#[cfg(test)]
mod tests {
    use super::super::Tagger;

    #[test]
    fn sporty_words_in_any_ascii_case() {
        for w in ["Goalkeeper", "INNINGS", "played", "NHL", "Roster"] {
            assert!(super::is_sporty_word(w), "{w}");
        }
        for w in ["budget", "", "plàyed", "goalkeeper-coach-manager"] {
            assert!(!super::is_sporty_word(w), "{w}");
        }
        assert!(super::is_noun_before_name(super::NOUNS_BEFORE_NAME[0]));
        assert!(super::is_group_noun(super::GROUP_NOUNS[0]));
        assert!(!super::is_group_noun("Zzyzx"));
    }
    use crate::gazetteer::{Gazetteer, Layer};
    use crate::text::sentences;

    /// (text, type, rule) of each mention of `text`, tagged with the gazetteer `ron`.
    fn tag(ron: &str, text: &str) -> Vec<(String, String, String)> {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", ron, Layer::Curated).unwrap();
        let tagger = Tagger::new(gaz).unwrap();
        tagger
            .tag(text, &sentences(text))
            .into_iter()
            .map(|m| {
                (
                    m.text,
                    m.kind.as_str().to_string(),
                    m.rule.as_str().to_string(),
                )
            })
            .collect()
    }

    fn has(got: &[(String, String, String)], text: &str, kind: &str) -> bool {
        got.iter().any(|(t, k, _)| t == text && k == kind)
    }

    #[test]
    fn coordinated_modifiers_still_describe_an_organisation() {
        let ron = r#"(entries: [])"#;
        let got = tag(
            ron,
            "The survey was run by Quellmark, a Canadian polling and research company. Quellmark asked 900 people.",
        );
        assert!(has(&got, "Quellmark", "organisation"), "{got:?}");
        // Two nouns for a person joined by "and" describe no organisation.
        let got = tag(
            ron,
            "The letter came from Dovra Quent, a lawyer and writer.",
        );
        assert!(!has(&got, "Dovra Quent", "organisation"), "{got:?}");
    }

    #[test]
    fn an_owners_description_in_apposition_makes_an_organisation() {
        let ron = r#"(entries: [])"#;
        let got = tag(
            ron,
            "A poll published by Dorvath Yomet, Kelsovia's biggest paper, showed a swing.",
        );
        assert!(has(&got, "Dorvath Yomet", "organisation"), "{got:?}");
        // A person described by the owner's role stays a person.
        let got = tag(
            ron,
            "The plan came from Dovra Quent, Kelsovia's party leader, on Monday.",
        );
        assert!(!has(&got, "Dovra Quent", "organisation"), "{got:?}");
    }

    #[test]
    fn a_units_number_is_part_of_its_name_and_id() {
        let got = tag(
            r#"(entries: [])"#,
            "Officers of the 3rd Harbour Support Command said the road was open.",
        );
        assert!(
            has(&got, "3rd Harbour Support Command", "organisation"),
            "{got:?}"
        );
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", r#"(entries: [])"#, Layer::Curated)
            .unwrap();
        let tagger = Tagger::new(gaz).unwrap();
        let text = "Officers of the 3rd Harbour Support Command said the road was open.";
        let ms = tagger.tag(text, &crate::text::sentences(text));
        let unit = ms.iter().find(|m| m.text.ends_with("Command")).unwrap();
        assert_eq!(unit.name, "3rd Harbour Support Command");
        assert!(
            unit.entity.starts_with("org:3rd-harbour-support-command"),
            "{}",
            unit.entity
        );
    }

    #[test]
    fn a_definition_makes_an_organisation_everywhere() {
        let got = tag(
            "(entries: [], names: [])",
            "Vexmoor is a Norwegian furniture company founded in 1950. It grew fast. \
             Vexmoor opened shops, and later Vexmoor sold them.",
        );
        let orgs: Vec<_> = got
            .iter()
            .filter(|(t, k, _)| t == "Vexmoor" && k == "organisation")
            .collect();
        assert_eq!(orgs.len(), 3, "{got:?}");
        assert!(got.iter().all(|(_, k, _)| k != "person"), "{got:?}");
    }

    #[test]
    fn a_noun_that_only_modifies_defines_nothing() {
        let got = tag(
            "(entries: [], names: [])",
            "Tarsk Ollivan is a band leader from the coast. Morvane was the party's candidate.",
        );
        assert!(got.iter().all(|(_, k, _)| k != "organisation"), "{got:?}");
    }

    #[test]
    fn an_acronym_inside_a_sentence_is_one_at_the_start_but_not_a_speaker_label() {
        let got = tag(
            "(entries: [], names: [])",
            "Funds went to the KVLR last year. KVLR said it would spend them. \
             The interview was with the KRT editor. KRT: Why now? The ASD-KVLR merger failed.",
        );
        let kvlr: Vec<_> = got.iter().filter(|(t, _, _)| t == "KVLR").collect();
        assert_eq!(kvlr.len(), 2, "{got:?}");
        assert!(got.iter().all(|(t, _, _)| t != "ASD"), "{got:?}");
        let krt: Vec<_> = got.iter().filter(|(t, _, _)| t == "KRT").collect();
        assert_eq!(krt.len(), 1, "{got:?}");
    }

    #[test]
    fn bands_labels_and_appositions() {
        let got = tag(
            "(entries: [], names: [])",
            "He joined the band The Glass Owls in 2001 and signed to Quornhaven, \
             a record label from the north. Brackley Drummond's shareholders sold.",
        );
        assert!(has(&got, "The Glass Owls", "organisation"), "{got:?}");
        assert!(has(&got, "Quornhaven", "organisation"), "{got:?}");
        assert!(has(&got, "Brackley Drummond", "organisation"), "{got:?}");
    }

    #[test]
    fn heads_demonyms_and_edges() {
        let ron = r#"(entries: [(id: "place:fr", type: place, name: "France", demonyms: ["French"], xref: {"iso3166": "FR"})], names: ["Harvey"])"#;
        let got = tag(
            ron,
            "The French Orrery Association met the French Interior Ministry, the French \
             Ministry of Culture and the French League of Rowers, and FC Dunmore played. \
             Papers went to The Ferris Trust and to the 51st Signal Brigade, and Quill Records \
             hired Harvey Dellman and Graham Mabsley at the Kessler Auditorium. \
             Renamed 12 Air Division in 1950, it sent 300 Air Division men.",
        );
        assert!(
            has(&got, "French Orrery Association", "organisation"),
            "{got:?}"
        );
        assert!(has(&got, "Interior Ministry", "organisation"), "{got:?}");
        assert!(has(&got, "Ministry of Culture", "organisation"), "{got:?}");
        assert!(
            has(&got, "French League of Rowers", "organisation"),
            "{got:?}"
        );
        assert!(has(&got, "FC Dunmore", "organisation"), "{got:?}");
        assert!(has(&got, "The Ferris Trust", "organisation"), "{got:?}");
        assert!(has(&got, "51st Signal Brigade", "organisation"), "{got:?}");
        assert!(has(&got, "12 Air Division", "organisation"), "{got:?}");
        assert!(has(&got, "Air Division", "organisation"), "{got:?}");
        assert!(has(&got, "Quill Records", "organisation"), "{got:?}");
        assert!(has(&got, "Harvey Dellman", "person"), "{got:?}");
        assert!(has(&got, "Graham Mabsley", "person"), "{got:?}");
        assert!(
            got.iter().all(|(t, _, _)| !t.contains("Auditorium")),
            "{got:?}"
        );
    }

    #[test]
    fn the_head_alone_refers_back() {
        let got = tag(
            "(entries: [], names: [])",
            "The Vexmoor League of Rights was founded in 1960. The League's founder left, \
             and critics attacked the League.",
        );
        let back: Vec<_> = got
            .iter()
            .filter(|(t, _, r)| t == "League" && r == "short-form")
            .collect();
        assert_eq!(back.len(), 2, "{got:?}");
    }

    #[test]
    fn clubs_by_town_and_nickname_only_in_sports() {
        let ron = r#"(entries: [(id: "place:dunmore", type: place, name: "Dunmore", country: "GB")], names: [])"#;
        let got = tag(
            ron,
            "He played for the Dunmore Otters in 1990. The Otters won the league. \
             The Dunmore Otters charity sold cakes.",
        );
        assert!(has(&got, "Dunmore Otters", "organisation"), "{got:?}");
        assert!(has(&got, "Otters", "organisation"), "{got:?}");
        let got = tag(
            ron,
            "Residents of Dunmore Lowlands complained about the smell.",
        );
        assert!(got.iter().all(|(_, k, _)| k != "organisation"), "{got:?}");
    }
}
