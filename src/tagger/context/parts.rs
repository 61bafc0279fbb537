//! A name is not linked by a part of it: the longest reading wins.
//!
//! * A listed name written right next to further capitalised words of the same name ("Delta
//!   Air Lines", "Kestrel Motor Europe", "ABC Taiwan", "Provisional Front") is part of that
//!   longer name. When the longer run is an organisation's (it ends in, or holds, an
//!   organisation head, or it joins an acronym or a listed organisation) it becomes one
//!   organisation mention; otherwise the part is not linked at all. Titles ("US President"),
//!   possessives, commas ("Paris, Texas"), lower-case nouns ("German troops"), place heads
//!   ("Kyiv Oblast"), compass words ("Western Europe"), days, months and a capital that only
//!   opens the sentence do not join.
//! * A word that opens a party's or body's own name, right before a listed organisation
//!   ("New Kestrel Socialist Party", "Progressive Conservatives", "Supreme National Security
//!   Council"), makes another organisation that no list holds, unless the listed body's own
//!   name holds the word ("Progressive Democrats") or it renames a one-word name ("New
//!   Labour"). A listed organisation "of" a place of another country than its own ("Communist
//!   Party of Kestrelia" for a listed party of Varnia) is one organisation no list holds.
//!   An unlisted person's name right before a listed one-word town that is no country
//!   ("Lim Kit Siang", "Benon Sevan") is one person: the town is the surname.
//! * "the Australian and International Pilots Association": a demonym joined by "and" to an
//!   organisation's name is the first word of that name.
//! * A hyphen or slash compound ("ABC-Doma") links a place in it only when every other part
//!   is a name too ("Israel-Gaza"), a combining form ("Anglo-", "Pan-", "Al-") or lower case
//!   ("Paris-based").
//! * "North Korea's United Nations ambassador": an organisation that only qualifies another
//!   country's envoy is not what the phrase refers to.
//! * A person found only from the shape of the words ("Merrill Lynch") is an organisation when
//!   the article uses the name as one: in a list of organisations, with shares, a board or a
//!   chief executive.
//!
//! Every decision is recorded: a new mention carries [`Rule::LongerName`] (or
//! [`Rule::CompanyContext`]) with the reading it replaced among its alternatives, and a part
//! left unlinked is noted in [`Doc::dropped`] with its reason.

use std::collections::{BTreeMap, BTreeSet};

use super::{adjacent, make, overlapping, token_at, token_ending, word, Doc, Target};
use crate::gazetteer::EntityKind;
use crate::lexicon::is_month_or_day;
use crate::tagger::{cues, Mention, Rule};
use crate::text::{Sentence, Span};

/// Words that end an organisation's name besides the cue pass's heads.
const MORE_ORG_HEADS: &[&str] = &[
    "Lines",
    "Motor",
    "Embassy",
    "Consulate",
    "Marines",
    "Museum",
    "Mission",
    "Outdoor",
];

/// Words that open a party's or body's own name right before another name ("New Communist
/// Party", "Progressive Conservatives", "Free Democrats", "Central Security Service").
const NAME_PREFIXES: &[&str] = &[
    "New",
    "Progressive",
    "Free",
    "Social",
    "Liberal",
    "Christian",
    "National",
    "Workers",
    "Workers'",
    "United",
    "Great",
    "Young",
    "Supreme",
    "Central",
    "General",
    "Transnational",
    "Nonviolent",
    "Radical",
    "Popular",
    "Socialist",
    "Democratic",
    "Revolutionary",
    "Real",
    "Continuity",
    "Provisional",
    "Independent",
];

/// Words before a place that name a part of it, not another thing ("Western Europe").
const PLACE_MODIFIERS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Greater",
    "Upper",
    "Lower",
    "Inner",
    "Outer",
    "Mid",
    "Downtown",
    "Metropolitan",
    "Rural",
    "Coastal",
    "Occupied",
];

/// Peoples and faiths: after a demonym or a place they describe people or a church of that
/// country ("Arab Kestrelian citizens", "a Kestrel Baptist church"), not a longer name.
const PEOPLES: &[&str] = &[
    "Arab",
    "Arabs",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jew",
    "Jews",
    "Jewish",
    "Catholic",
    "Catholics",
    "Sunni",
    "Sunnis",
    "Shia",
    "Shiite",
    "Shiites",
    "Kurd",
    "Kurds",
    "Kurdish",
    "Druze",
    "Bedouin",
    "Baptist",
    "Baptists",
    "Methodist",
    "Anglican",
    "Orthodox",
    "Lutheran",
    "Protestant",
    "Protestants",
    "Evangelical",
];

/// Words after a place that name a place in it or at it ("Kabul City", "Kestrel Park").
const PLACE_HEADS: &[&str] = &[
    "City", "Park", "Square", "Street", "Road", "Avenue", "Bridge", "Station", "Port", "Harbour",
    "Harbor", "Beach", "Town", "Village", "State", "Province", "Region",
];

/// Words after a country that name its institutions, which speak for it ("US Government"),
/// and words of titles that no title list holds ("Senate Majority Leader").
const INSTITUTIONS: &[&str] = &[
    "Majority",
    "Minority",
    "Government",
    "Administration",
    "Cabinet",
    "Regime",
    "Constabulary",
];

/// First parts of compounds that leave the place in them standing ("Anglo-Iranian",
/// "Pan-African", "Al-Anbar").
const COMBINING: &[&str] = &[
    "Anglo", "Franco", "Sino", "Indo", "Russo", "Austro", "Greco", "Italo", "Afro", "Euro",
    "Judeo", "Turco", "Irano", "Hispano", "Luso", "Pan", "Trans", "Anti", "Pro", "Mid", "Ex",
    "Post", "Pre", "Neo", "Non", "Sub", "Inter", "Al", "El", "Ad", "As", "Ar", "An", "Ash", "At",
    "Az", "Saint", "St", "Sainte", "Ste", "Greater", "North", "South", "East", "West",
];

/// Words for what an envoy of a country is to an organisation ("its UN ambassador").
const ENVOYS: &[&str] = &[
    "ambassador",
    "envoy",
    "representative",
    "delegate",
    "delegation",
    "mission",
];

/// Words right after a name that use it as a company ("Kestrel shares fell").
const COMPANY_AFTER: &[&str] = &["shares", "shareholders", "subsidiary", "subsidiaries"];

/// Words after a name's possessive that make it a company ("Kestrel's board").
const POSSESSED: &[&str] = &[
    "board",
    "shareholders",
    "subsidiary",
    "subsidiaries",
    "division",
    "headquarters",
    "executives",
    "stock",
];

/// Whether `w` ends an organisation's name.
fn is_org_head(w: &str) -> bool {
    cues::is_org_head(w) || MORE_ORG_HEADS.contains(&w)
}

/// All capitals and at most five letters: an acronym ("ABC", "SEMI").
fn is_acronym_like(w: &str) -> bool {
    let n = w.chars().count();
    (2..=5).contains(&n)
        && w.chars().all(|c| c.is_ascii_uppercase())
        && !cues::is_plain_abbreviation(w)
}

/// Whether most words of `sentence` are capitalised (a headline in title case or capitals):
/// capitals there say nothing about names.
fn title_case(doc: &Doc<'_>, sentence: &Sentence) -> bool {
    let mut n_alpha = 0;
    let mut n_caps = 0;
    for t in &sentence.tokens {
        let w = t.span.of(doc.text);
        if w.chars().any(char::is_alphabetic) {
            n_alpha += 1;
            if cues::is_capitalised(w) {
                n_caps += 1;
            }
        }
    }
    n_alpha >= 4 && n_caps * 5 > n_alpha * 3
}

/// Whether token `k` of `sentence` is capitalised only because it opens the sentence (or a
/// quote or bracket inside it): an English word there.
fn opens_sentence(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> bool {
    let w = word(doc, sentence.tokens.get(k));
    let first = k == 0
        || k.checked_sub(1)
            .and_then(|p| sentence.tokens.get(p))
            .is_some_and(|t| {
                matches!(
                    t.span.of(doc.text),
                    "\"" | "``" | "(" | "[" | ":" | "\u{201c}" | "'" | "-" | "--" | "\u{2014}"
                )
            });
    first && (cues::is_common_word(w) || cues::is_function_word(w))
}

/// Whether the free (untagged) token `k` continues a name next to it.
fn joins(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> bool {
    let w = word(doc, sentence.tokens.get(k));
    let lower = w.to_lowercase();
    cues::is_capitalised(w)
        && w.chars().any(char::is_alphabetic)
        && (!cues::is_stop(w) || is_org_head(w))
        && !cues::is_title(w)
        && !cues::is_connector(w)
        && !cues::is_role_word(w)
        && !cues::is_plain_abbreviation(w)
        && !is_month_or_day(lower.trim_end_matches('.'))
        && !INSTITUTIONS.contains(&w)
        && !PEOPLES.contains(&w)
        && (w.chars().count() <= 5 || w.chars().any(char::is_lowercase))
        && !opens_sentence(doc, sentence, k)
}

/// The run of a name around mention `idx`: the free words before and after it, and the
/// organisation or acronym mention that opens it, if any.
struct Run {
    before: Vec<usize>,
    after: Vec<usize>,
    /// A mention right before the free words (or the name) that belongs to the run.
    opener: Option<usize>,
}

fn free(mentions: &[Mention], sentence: &Sentence, k: usize) -> bool {
    sentence
        .tokens
        .get(k)
        .is_some_and(|t| overlapping(mentions, t.span).is_none())
}

/// Whether tokens `a` and `b` (a before b) have exactly one space between them.
fn spaced(doc: &Doc<'_>, sentence: &Sentence, a: usize, b: usize) -> bool {
    match (sentence.tokens.get(a), sentence.tokens.get(b)) {
        (Some(x), Some(y)) => adjacent(doc.text, x.span, y.span),
        _ => false,
    }
}

fn run_around(doc: &Doc<'_>, mentions: &[Mention], idx: usize, sentence: &Sentence) -> Run {
    let mut run = Run {
        before: Vec::new(),
        after: Vec::new(),
        opener: None,
    };
    let Some(m) = mentions.get(idx) else {
        return run;
    };
    let (Some(first), Some(last)) = (
        token_at(sentence, m.span.start),
        token_ending(sentence, m.span.end),
    ) else {
        return run;
    };
    let mut k = first;
    while let Some(p) = k.checked_sub(1) {
        if !spaced(doc, sentence, p, k) {
            break;
        }
        if free(mentions, sentence, p) {
            let w = word(doc, sentence.tokens.get(p));
            // "non-Muslim Thais": a word of a hyphenated modifier is no part of a name.
            let hyphenated = p
                .checked_sub(1)
                .and_then(|h| sentence.tokens.get(h))
                .is_some_and(|h| {
                    h.span.end == sentence.tokens[p].span.start
                        && matches!(h.span.of(doc.text), "-" | "/")
                });
            if !joins(doc, sentence, p)
                || hyphenated
                || PLACE_MODIFIERS.contains(&w) && run.before.is_empty()
            {
                break;
            }
            run.before.push(p);
            k = p;
            continue;
        }
        // A listed organisation or an acronym right before: "Kestrel Motor Europe", "ABC
        // Taiwan".
        let opener = sentence
            .tokens
            .get(p)
            .and_then(|t| overlapping(mentions, t.span))
            .filter(|&o| {
                mentions.get(o).is_some_and(|o| {
                    o.kind == EntityKind::Organisation
                        && o.span.end == sentence.tokens[p].span.end
                        && (o.rule == Rule::Acronym
                            || matches!(o.rule, Rule::GazetteerName | Rule::GazetteerAlias))
                })
            });
        run.opener = opener;
        break;
    }
    run.before.reverse();
    let mut k = last;
    while spaced(doc, sentence, k, k + 1)
        && free(mentions, sentence, k + 1)
        && joins(doc, sentence, k + 1)
    {
        run.after.push(k + 1);
        k += 1;
    }
    run
}

/// What a run around a listed name makes of it.
enum Reading {
    /// Leave the mention as it is.
    Keep,
    /// One organisation over this span, replacing these mentions.
    Organisation(Span, Vec<usize>),
    /// A person over this span, replacing these mentions: a given name before a town
    /// ("Lauren Kestrelton"), an unlisted person's name before one ("Lim Kit Siang").
    Person(Span, Vec<usize>),
    /// The part is not linked.
    Drop(&'static str),
}

fn read_run(doc: &Doc<'_>, mentions: &[Mention], idx: usize, sentence: &Sentence) -> Reading {
    let Some(m) = mentions.get(idx) else {
        return Reading::Keep;
    };
    let run = run_around(doc, mentions, idx, sentence);
    if run.before.is_empty() && run.after.is_empty() && run.opener.is_none() {
        return Reading::Keep;
    }
    let w = |k: usize| word(doc, sentence.tokens.get(k));
    let last = run.after.last().map_or(m.text.as_str(), |&k| w(k));
    // Place heads after a place keep it ("Basra Province"): `longer_names` and the lists
    // decide those.
    if run.after.iter().any(|&k| {
        cues::is_place_suffix(w(k))
            || super::HEADS_AFTER.iter().any(|(h, _)| *h == w(k))
            || PLACE_HEADS.contains(&w(k))
    }) {
        return Reading::Keep;
    }
    // Words before a title are the title's ("United States Surgeon General", "Irish
    // Taoiseach Mary Kestrel"): the name keeps its reading.
    let after_run = run.after.last().map_or(usize::MAX, |&k| k + 1);
    let titled = sentence.tokens.get(after_run).is_some_and(|t| {
        let x = t.span.of(doc.text);
        cues::is_title(x) || cues::is_role_word(x)
    }) || sentence
        .tokens
        .get(after_run)
        .and_then(|t| overlapping(mentions, t.span))
        .and_then(|o| mentions.get(o))
        .is_some_and(|o| o.kind == EntityKind::Person);
    if titled && !run.after.is_empty() {
        return Reading::Keep;
    }
    // "the Islamist Kestrel Front": a word before an organisation describes it; two
    // organisations side by side are two names.
    if m.kind == EntityKind::Organisation && run.after.is_empty() {
        return Reading::Keep;
    }
    // "Kestrel Motor Inc": a legal form after a company's listed name is still that company.
    if m.kind == EntityKind::Organisation && run.after.iter().all(|&k| cues::is_legal_suffix(w(k)))
    {
        return Reading::Keep;
    }
    let start = run
        .opener
        .and_then(|o| mentions.get(o))
        .map(|o| o.span.start)
        .or_else(|| run.before.first().map(|&k| sentence.tokens[k].span.start))
        .unwrap_or(m.span.start);
    let end = run
        .after
        .last()
        .map_or(m.span.end, |&k| sentence.tokens[k].span.end);
    let span = Span::new(start, end);
    let org_word = run.before.iter().chain(&run.after).any(|&k| {
        let x = w(k);
        is_org_head(x) || is_acronym_like(x)
    });
    let org = is_org_head(last) || org_word || run.opener.is_some();
    if m.kind == EntityKind::Person {
        // A person's name before an organisation head ("Kestrel Smith Foundation").
        return if is_org_head(last) && !run.after.is_empty() {
            Reading::Organisation(span, vec![idx])
        } else {
            Reading::Keep
        };
    }
    if org {
        let mut replaced = vec![idx];
        replaced.extend(run.opener);
        return Reading::Organisation(span, replaced);
    }
    let nation = doc
        .gazetteer
        .get(&m.entity)
        .is_some_and(crate::tagger::is_nation);
    if let ([given], []) = (run.before.as_slice(), run.after.as_slice()) {
        let place = m.kind == EntityKind::Place && !nation && m.rule != Rule::Demonym;
        // "Lauren Kestrelton", or "Benek Kestrelton, who ..." / "Benek Kestrelton said":
        // a name-shaped word before a town, with what only a person does after it.
        let person = doc.gazetteer.is_given_name(w(*given))
            || cues::name_shaped(w(*given)) && person_follows(doc, sentence, m.span.end);
        if place && person {
            return Reading::Person(span, vec![idx]);
        }
    }
    Reading::Drop("part of a longer name")
}

/// Another body's name around a listed organisation: a word that opens a name before it
/// ("New Communist Party", "Progressive Conservatives"; also before a name the organisation
/// cue found, which leaves "New" out) or "of" a place of another country after it
/// ("Communist Party of Kestrelia" for a listed party of Varnia). The whole is one
/// organisation no list holds. Runs after the shared aliases are re-pointed to the article's
/// country (`unsupported_foreign_aliases`), so a country's own party keeps its link.
pub(super) fn other_bodies(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut replaced: Vec<bool> = vec![false; mentions.len()];
    let mut added: Vec<Mention> = Vec::new();
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        let org = m.kind == EntityKind::Organisation
            && matches!(
                m.rule,
                Rule::GazetteerName | Rule::GazetteerAlias | Rule::OrganisationHead
            );
        let Some(sentence) = doc
            .sentences
            .get(m.sentence)
            .filter(|_| org && !replaced[idx])
        else {
            continue;
        };
        let Some(first) = token_at(sentence, m.span.start) else {
            continue;
        };
        let (span, parts) = if let Some(p) = name_prefix(doc, mentions, m, sentence, first) {
            let start = sentence.tokens[p].span.start;
            (Span::new(start, m.span.end), vec![idx])
        } else if let Some(of) = foreign_place_after(doc, mentions, idx) {
            (
                Span::new(m.span.start, mentions[of].span.end),
                vec![idx, of],
            )
        } else {
            continue;
        };
        if parts.iter().any(|&p| replaced[p]) || title_case(doc, sentence) {
            continue;
        }
        added.push(unlisted_org(doc, mentions, span, &parts, m.sentence));
        for p in parts {
            replaced[p] = true;
        }
    }
    super::people::replace(mentions, &replaced, added);
}

/// One organisation no list holds over `span`, made of the mentions `parts` (their entities kept
/// as its ranked alternatives).
fn unlisted_org(
    doc: &Doc<'_>,
    mentions: &[Mention],
    span: Span,
    parts: &[usize],
    sentence: usize,
) -> Mention {
    let alternatives = parts.iter().map(|&p| mentions[p].entity.clone()).collect();
    let name = words_of(span.of(doc.text));
    let target = Target::unlisted(EntityKind::Organisation, &name, alternatives);
    make(span, doc, sentence, target, Rule::LongerName)
}

/// The token before organisation `m` (whose first token is `first`) when it is a word that
/// opens another body's name ("New", "Progressive"), free and one space before it; not when
/// the listed body's own name holds the word ("Progressive Democrats") nor "New" before a
/// one-word name ("New Labour" is the listed party renamed).
fn name_prefix(
    doc: &Doc<'_>,
    mentions: &[Mention],
    m: &Mention,
    sentence: &Sentence,
    first: usize,
) -> Option<usize> {
    let p = first.checked_sub(1)?;
    let w = word(doc, sentence.tokens.get(p));
    if !NAME_PREFIXES.contains(&w)
        || !spaced(doc, sentence, p, first)
        || !free(mentions, sentence, p)
    {
        return None;
    }
    if w == "New" && !m.text.contains(' ') {
        return None;
    }
    let own = doc.gazetteer.get(&m.entity).is_some_and(|e| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .any(|n| n.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
    });
    (!own).then_some(p)
}

/// The place mention right after listed organisation `idx` and " of " (or " of the ") when
/// its country is not the organisation's, in any of the place's readings ("Communist Party
/// of Kestrelia" after a listed party of Varnia): the whole is another party. Both countries
/// must be known.
fn foreign_place_after(doc: &Doc<'_>, mentions: &[Mention], idx: usize) -> Option<usize> {
    let m = mentions.get(idx)?;
    let next = mentions.get(idx + 1)?;
    let listed = matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias);
    let gap = doc.text.get(m.span.end..next.span.start)?;
    if !listed || next.kind != EntityKind::Place || !matches!(gap, " of " | " of the ") {
        return None;
    }
    let own = super::country_of(doc.gazetteer, &m.entity)?;
    // The place's other readings count too: "Puerto Rico" the US subdivision is also the
    // territory of its own code.
    let mut places = std::iter::once(&next.entity).chain(&next.alternatives);
    let known = super::country_of(doc.gazetteer, &next.entity).is_some();
    let same = places.any(|id| super::country_of(doc.gazetteer, id) == Some(own));
    (known && !same).then_some(idx + 1)
}

/// Whether listed place `idx` is the surname of the unlisted person
/// `person` right before it ("Lim Kit Siang", "Benon Sevan"): a one-word town that is no
/// country, one space after a person that a title, a given name or the name's shape made,
/// with no capitalised word after it.
fn surname_place(
    doc: &Doc<'_>,
    mentions: &[Mention],
    person: usize,
    idx: usize,
    sentence: &Sentence,
) -> bool {
    let (Some(p), Some(m)) = (mentions.get(person), mentions.get(idx)) else {
        return false;
    };
    let Some(first) = token_at(sentence, m.span.start) else {
        return false;
    };
    let unlisted_person = p.kind == EntityKind::Person
        && matches!(p.rule, Rule::TitleCue | Rule::GivenName | Rule::NameShape)
        && p.sentence == m.sentence;
    let town = m.kind == EntityKind::Place
        && m.rule == Rule::GazetteerName
        && !m.text.contains(' ')
        && !doc
            .gazetteer
            .get(&m.entity)
            .is_some_and(crate::tagger::is_nation);
    let last_word = p.text.split_whitespace().last().unwrap_or("");
    let next_caps = sentence.tokens.get(first + 1).is_some_and(|t| {
        spaced(doc, sentence, first, first + 1) && cues::is_capitalised(t.span.of(doc.text))
    });
    unlisted_person
        && town
        && !next_caps
        && !is_org_head(last_word)
        && adjacent(doc.text, p.span, m.span)
}

/// Whether the words right after byte `end` are what follows a person's name: ", who" or a
/// reporting verb ("said").
fn person_follows(doc: &Doc<'_>, sentence: &Sentence, end: usize) -> bool {
    let Some(k) = sentence.tokens.iter().position(|t| t.span.start >= end) else {
        return false;
    };
    let at = |i: usize| word(doc, sentence.tokens.get(i));
    (at(k) == "," && at(k + 1) == "who") || crate::lexicon::follows_speaker(at(k))
}

/// The longest reading wins over a listed name inside a run of capitalised words.
pub(super) fn joined_names(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut replaced: Vec<bool> = vec![false; mentions.len()];
    let mut added: Vec<Mention> = Vec::new();
    let mut title_cache: Vec<Option<bool>> = vec![None; doc.sentences.len()];
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        let listed = matches!(
            m.rule,
            Rule::GazetteerName | Rule::GazetteerAlias | Rule::Demonym | Rule::PlaceContext
        );
        if !listed || replaced[idx] {
            continue;
        }
        let Some(sentence) = doc.sentences.get(m.sentence) else {
            continue;
        };
        // A dateline or a name in capitals says nothing about the words next to it.
        if m.text.chars().count() > 3 && !m.text.chars().any(char::is_lowercase) {
            continue;
        }
        let titled = match title_cache.get(m.sentence).copied().flatten() {
            Some(t) => t,
            None => {
                let t = title_case(doc, sentence);
                if let Some(slot) = title_cache.get_mut(m.sentence) {
                    *slot = Some(t);
                }
                t
            }
        };
        if titled {
            continue;
        }
        let reading = idx
            .checked_sub(1)
            .filter(|&p| surname_place(doc, mentions, p, idx, sentence))
            .map(|p| Reading::Person(Span::new(mentions[p].span.start, m.span.end), vec![p, idx]));
        match reading.unwrap_or_else(|| read_run(doc, mentions, idx, sentence)) {
            Reading::Keep => {}
            Reading::Organisation(span, parts) => {
                if parts.iter().any(|&p| replaced[p]) {
                    continue;
                }
                added.push(unlisted_org(doc, mentions, span, &parts, m.sentence));
                for p in parts {
                    replaced[p] = true;
                }
            }
            Reading::Person(span, parts) => {
                if parts.iter().any(|&p| replaced[p]) {
                    continue;
                }
                let name = words_of(span.of(doc.text));
                let target = Target::unlisted(EntityKind::Person, &name, vec![m.entity.clone()]);
                added.push(make(span, doc, m.sentence, target, Rule::FullName));
                for p in parts {
                    replaced[p] = true;
                }
            }
            Reading::Drop(reason) => {
                doc.drop_note(m, reason);
                replaced[idx] = true;
            }
        }
    }
    super::people::replace(mentions, &replaced, added);
}

/// Heads of organisations named after the town they sit in ("the Kestrelian Embassy in
/// Paris"): the town is part of the name, not what the phrase refers to.
const SEATED: &[&str] = &[
    "Embassy",
    "Consulate",
    "Consulate-General",
    "High Commission",
];

/// "the Kestrelian Embassy in Paris": an embassy or consulate followed by "in" and a place is
/// one organisation of its own (the place is its seat, not the actor).
pub(super) fn seated_orgs(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut replaced = vec![false; mentions.len()];
    let mut added: Vec<Mention> = Vec::new();
    for idx in 1..mentions.len() {
        let (org, place) = (&mentions[idx - 1], &mentions[idx]);
        let seated = org.kind == EntityKind::Organisation
            && SEATED.iter().any(|h| org.text.ends_with(h))
            && place.kind == EntityKind::Place
            && place.rule != Rule::Demonym
            && org.sentence == place.sentence
            && doc.text.get(org.span.end..place.span.start) == Some(" in ");
        if !seated || replaced[idx - 1] {
            continue;
        }
        let span = Span::new(org.span.start, place.span.end);
        let name = words_of(span.of(doc.text));
        let alternatives = vec![org.entity.clone(), place.entity.clone()];
        let target = Target::unlisted(EntityKind::Organisation, &name, alternatives);
        added.push(make(span, doc, org.sentence, target, Rule::LongerName));
        doc.drop_note(place, "seat of an embassy or consulate");
        replaced[idx - 1] = true;
        replaced[idx] = true;
    }
    super::people::replace(mentions, &replaced, added);
}

/// Words of `text` joined by single spaces.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "the Australian and International Pilots Association": a demonym, "and", then an
/// organisation found from its head is one organisation's name.
pub(super) fn coordinated_org_names(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut res: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut idx = 0;
    while let Some(m) = mentions.get(idx) {
        let joined = mentions.get(idx + 1).filter(|next| {
            m.rule == Rule::Demonym
                && next.rule == Rule::OrganisationHead
                && m.sentence == next.sentence
                && doc.text.get(m.span.end..next.span.start) == Some(" and ")
        });
        let Some(next) = joined else {
            res.push(m.clone());
            idx += 1;
            continue;
        };
        let span = Span::new(m.span.start, next.span.end);
        let name = words_of(span.of(doc.text));
        let alternatives = vec![m.entity.clone(), next.entity.clone()];
        let target = Target::unlisted(EntityKind::Organisation, &name, alternatives);
        res.push(make(span, doc, m.sentence, target, Rule::LongerName));
        idx += 2;
    }
    *mentions = res;
}

/// Nouns for a party's members that many countries' parties are called by ("the Democrats",
/// "the Greens"), and words of the generic names of airlines and chambers: like a common noun
/// or an organisation head, they do not say whose organisation it is.
const GENERIC_ORG_WORDS: &[&str] = &[
    "Democrats",
    "Republicans",
    "Conservatives",
    "Liberals",
    "Greens",
    "Socialists",
    "Communists",
    "Nationals",
    "Nationalists",
    "Progressives",
    "Tories",
    "Democratic",
    "Republican",
    "Airlines",
    "Airways",
    "Chamber",
];

/// Whether every word of a listed organisation's written name is generic (an English word, an
/// organisation head, a party's members): nothing in it says which country's it is.
fn generic_name(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        cues::is_common_word(w)
            || is_org_head(w)
            || GENERIC_ORG_WORDS.contains(&w)
            || matches!(w, "of" | "and" | "for" | "the" | "&")
    })
}

/// "Pakistan International Airlines", "the Australian Democrats", "the Ohio Senate": a
/// place or nationality right before a listed organisation whose written name is only generic
/// words, and which is not of that country (or which is that country's while the place is a
/// region or town in it), makes one organisation of its own; the part is not the listed one.
/// Later mentions of the part alone in the article are that organisation too.
pub(super) fn place_prefixed_orgs(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut replaced = vec![false; mentions.len()];
    let mut added: Vec<Mention> = Vec::new();
    // Whether each added name is another country's (only those name the part alone later).
    let mut foreign: Vec<bool> = Vec::new();
    for idx in 1..mentions.len() {
        let (prev, m) = (&mentions[idx - 1], &mentions[idx]);
        let Some(prefix) = prefixes_org(doc, prev, m).filter(|_| !replaced[idx - 1]) else {
            continue;
        };
        let span = Span::new(prev.span.start, m.span.end);
        let name = words_of(span.of(doc.text));
        let alternatives = vec![m.entity.clone(), prev.entity.clone()];
        let target = Target::unlisted(EntityKind::Organisation, &name, alternatives);
        added.push(make(span, doc, m.sentence, target, Rule::LongerName));
        foreign.push(prefix == Prefix::Foreign);
        replaced[idx - 1] = true;
        replaced[idx] = true;
    }
    if added.is_empty() {
        return;
    }
    // The part alone later in the article: "the Australian Democrats ... the Democrats", but
    // not inside another name ("the International Red Cross").
    let alone: Vec<bool> = mentions
        .iter()
        .map(|m| {
            let before = doc.text.get(..m.span.start).unwrap_or("").trim_end();
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let joined = prev.chars().last().is_some_and(char::is_alphanumeric);
            !(joined && cues::is_capitalised(prev)) || prev == "The"
        })
        .collect();
    // The first longer name made of each listed organisation.
    let mut first_longer: BTreeMap<&str, &Mention> = BTreeMap::new();
    // "the Ohio Republican Party ... Republicans": the state party does not make every later
    // mention of the national one its own.
    for (a, _) in added.iter().zip(&foreign).filter(|(_, f)| **f) {
        if let Some(part) = a.alternatives.first() {
            first_longer.entry(part.as_str()).or_insert(a);
        }
    }
    for (idx, m) in mentions.iter_mut().enumerate() {
        let Some(longer) = first_longer.get(m.entity.as_str()).copied().filter(|a| {
            !replaced[idx]
                && alone[idx]
                && a.span.end <= m.span.start
                && a.alternatives.first() == Some(&m.entity)
                && a.text.ends_with(m.text.as_str())
        }) else {
            continue;
        };
        m.alternatives = vec![std::mem::take(&mut m.entity)];
        m.entity = longer.entity.clone();
        m.name = longer.name.clone();
        m.rule = Rule::LongerName;
        m.confidence = longer.confidence;
    }
    let mut keep = replaced.iter().map(|r| !r);
    mentions.retain(|_| keep.next().unwrap_or(true));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// How a place opens an organisation's name.
#[derive(Clone, Copy, PartialEq)]
enum Prefix {
    /// Another country's ("Pakistan International Airlines").
    Foreign,
    /// A state or town of the organisation's own country ("the Ohio Senate").
    Local,
}

/// Whether place mention `prev` opens the name of which listed organisation `m` is a
/// generic part, and how (see [`place_prefixed_orgs`]).
fn prefixes_org(doc: &Doc<'_>, prev: &Mention, m: &Mention) -> Option<Prefix> {
    let listed_org = m.kind == EntityKind::Organisation
        && matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias);
    let place = prev.kind == EntityKind::Place
        && matches!(
            prev.rule,
            Rule::GazetteerName | Rule::GazetteerAlias | Rule::Demonym | Rule::PlaceContext
        );
    if !listed_org
        || !place
        || prev.sentence != m.sentence
        || !adjacent(doc.text, prev.span, m.span)
        || !generic_name(&m.text)
    {
        return None;
    }
    let org_country = doc
        .gazetteer
        .get(&m.entity)
        .and_then(|e| e.country.as_deref());
    let place_country = super::country_of(doc.gazetteer, &prev.entity);
    let same_country = org_country.is_some() && org_country == place_country;
    // "the Kestrel County Republican Party": a state or town of the organisation's own
    // country names its local body, not the national one.
    // Not one that names its country ("the Kestrel United States Senate election").
    let names_country = place_country
        .and_then(|c| super::country_entity(doc.gazetteer, doc.lookups, c))
        .is_some_and(|c| m.text.contains(c.name.as_str()));
    // A public body or a party ("Senate", "Republican Party"), not a paper ("Guardian").
    let body = m
        .text
        .split_whitespace()
        .any(|w| is_org_head(w) || GENERIC_ORG_WORDS.contains(&w));
    let local = prev.rule != Rule::Demonym
        && body
        && !names_country
        && !doc
            .gazetteer
            .get(&prev.entity)
            .is_some_and(crate::tagger::is_nation);
    if !same_country {
        Some(Prefix::Foreign)
    } else {
        local.then_some(Prefix::Local)
    }
}

/// A place inside a hyphen or slash compound ("ABC-Doma") is linked only when the other
/// parts are names, combining forms or lower case.
pub(super) fn compound_parts(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut dropped = vec![false; mentions.len()];
    for (idx, m) in mentions.iter().enumerate() {
        let listed = matches!(
            m.rule,
            Rule::GazetteerName | Rule::GazetteerAlias | Rule::Demonym | Rule::PlaceContext
        );
        if !listed || m.kind != EntityKind::Place {
            continue;
        }
        let Some(sentence) = doc.sentences.get(m.sentence) else {
            continue;
        };
        let (Some(first), Some(last)) = (
            token_at(sentence, m.span.start),
            token_ending(sentence, m.span.end),
        ) else {
            continue;
        };
        let before = first
            .checked_sub(2)
            .map(|p| (p, p + 1))
            .filter(|&(p, h)| glued(doc, sentence, p, h, first));
        let after = Some((last + 2, last + 1)).filter(|&(p, h)| glued(doc, sentence, last, h, p));
        let stranger = [before, after].into_iter().flatten().any(|(p, _)| {
            let Some(t) = sentence.tokens.get(p) else {
                return false;
            };
            let w = t.span.of(doc.text);
            let named = overlapping(mentions, t.span)
                .and_then(|o| mentions.get(o))
                .is_some_and(|o| {
                    matches!(
                        o.rule,
                        Rule::GazetteerName
                            | Rule::GazetteerAlias
                            | Rule::Demonym
                            | Rule::PlaceContext
                    )
                });
            // "(R-Kestrel)": a party's initial is no part of a name.
            let initial = w.chars().count() == 1;
            cues::is_capitalised(w) && !named && !initial && !COMBINING.contains(&w)
        });
        if stranger {
            doc.drop_note(m, "part of a hyphenated name");
            dropped[idx] = true;
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
}

/// Whether tokens `a`, `hyphen`, `b` are written together as `a-b` or `a/b`.
fn glued(doc: &Doc<'_>, sentence: &Sentence, a: usize, hyphen: usize, b: usize) -> bool {
    let (Some(x), Some(h), Some(y)) = (
        sentence.tokens.get(a),
        sentence.tokens.get(hyphen),
        sentence.tokens.get(b),
    ) else {
        return false;
    };
    matches!(h.span.of(doc.text), "-" | "/" | "\u{2013}")
        && x.span.end == h.span.start
        && h.span.end == y.span.start
}

/// "North Korea's United Nations ambassador": an organisation between a country's
/// possessive (or demonym) and an envoy word qualifies the envoy; it is not linked.
pub(super) fn envoy_qualifiers(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut dropped = vec![false; mentions.len()];
    for idx in 1..mentions.len() {
        let (prev, m) = (&mentions[idx - 1], &mentions[idx]);
        if m.kind != EntityKind::Organisation || prev.kind != EntityKind::Place {
            continue;
        }
        let Some(sentence) = doc.sentences.get(m.sentence) else {
            continue;
        };
        let gap = doc.text.get(prev.span.end..m.span.start).unwrap_or("");
        let owned = matches!(gap, "'s " | "\u{2019}s " | "' ")
            || (prev.rule == Rule::Demonym && gap == " ");
        let envoy = token_ending(sentence, m.span.end)
            .and_then(|k| sentence.tokens.get(k + 1))
            .is_some_and(|t| ENVOYS.contains(&t.span.of(doc.text)));
        if owned && envoy {
            doc.drop_note(m, "qualifies another country's envoy");
            dropped[idx] = true;
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
}

/// Whether token `k` of `sentence` is used as a company: a company word after it
/// ("Kestrel shares", "Kestrel's board") or "shares of" before it.
fn company_use_at(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> bool {
    let at = |i: usize| word(doc, sentence.tokens.get(i));
    let next = at(k + 1);
    let after_possessive = matches!(next, "'s" | "\u{2019}s") && POSSESSED.contains(&at(k + 2));
    let after = COMPANY_AFTER.contains(&next);
    let before = k >= 2
        && at(k - 1) == "of"
        && matches!(
            at(k - 2),
            "shares" | "stock" | "shareholders" | "division" | "subsidiary" | "unit"
        );
    after_possessive || after || before
}

/// The words the article uses as a company somewhere ("Kestrel's board", "a division of
/// Kestrel"), found in one pass over its tokens.
fn company_words<'t>(doc: &Doc<'t>) -> BTreeSet<&'t str> {
    let mut res = BTreeSet::new();
    for sentence in doc.sentences {
        for (k, t) in sentence.tokens.iter().enumerate() {
            let w = t.span.of(doc.text);
            if cues::is_capitalised(w) && company_use_at(doc, sentence, k) {
                res.insert(w);
            }
        }
    }
    res
}

/// The entities of weak people that stand in a list ("A, B, C and D") whose other members
/// include at least two organisations and no person, found in one pass over the lists.
fn listed_among_orgs<'m>(doc: &Doc<'_>, mentions: &'m [Mention]) -> BTreeSet<&'m str> {
    let linked = |a: &Mention, b: &Mention| {
        a.sentence == b.sentence
            && matches!(
                doc.text.get(a.span.end..b.span.start),
                Some(", " | " and " | ", and " | " & " | " or " | ", or ")
            )
    };
    let mut res = BTreeSet::new();
    let mut lo = 0;
    while lo < mentions.len() {
        let mut hi = lo;
        while hi + 1 < mentions.len() && linked(&mentions[hi], &mentions[hi + 1]) {
            hi += 1;
        }
        let list = &mentions[lo..=hi];
        let orgs = list
            .iter()
            .filter(|o| o.kind == EntityKind::Organisation)
            .count();
        let people = list
            .iter()
            .filter(|o| o.kind == EntityKind::Person && !weak_person(o))
            .count();
        if orgs >= 2 && people == 0 {
            res.extend(
                list.iter()
                    .filter(|o| weak_person(o))
                    .map(|o| o.entity.as_str()),
            );
        }
        lo = hi + 1;
    }
    res
}

/// A person found only from the look of the words.
fn weak_person(m: &Mention) -> bool {
    m.kind == EntityKind::Person
        && matches!(
            m.rule,
            Rule::GivenName | Rule::NameShape | Rule::ReportingVerb | Rule::Apposition
        )
}

/// People found from the shape of their words whom the article uses as a company become
/// that company, with every short form of them.
pub(super) fn companies_not_people(doc: &Doc<'_>, mentions: &mut [Mention]) {
    if !mentions.iter().any(weak_person) {
        return;
    }
    let company_words = company_words(doc);
    let listed: BTreeSet<String> = listed_among_orgs(doc, mentions)
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut turned: std::collections::BTreeMap<String, Mention> = Default::default();
    for m in mentions.iter() {
        if !weak_person(m) || turned.contains_key(&m.entity) {
            continue;
        }
        let id = m.entity.clone();
        let words: Vec<&str> = m.name.split_whitespace().collect();
        let named = [words.first(), words.last()]
            .into_iter()
            .flatten()
            .any(|w| company_words.contains(w));
        if !named && !listed.contains(&id) {
            continue;
        }
        let target = Target::unlisted(EntityKind::Organisation, &m.name, vec![id.clone()]);
        let org = make(m.span, doc, m.sentence, target, Rule::CompanyContext);
        turned.insert(id, org);
    }
    for m in mentions.iter_mut() {
        let Some((old, org)) = turned.get_key_value(&m.entity) else {
            continue;
        };
        m.alternatives = vec![old.clone()];
        m.kind = EntityKind::Organisation;
        // "Kestrel Outdoor ... Kestrel": the first word alone is the parent company, not the
        // company named by the whole.
        let first_word = org.name.split_whitespace().next() == Some(m.text.as_str());
        if m.rule == Rule::ShortForm && first_word && m.text != org.name {
            let own = Target::unlisted(EntityKind::Organisation, &m.text, Vec::new());
            m.entity = own.entity;
            m.name = own.name;
            continue;
        }
        m.entity = org.entity.clone();
        m.name = org.name.clone();
        if m.rule != Rule::ShortForm {
            m.rule = Rule::CompanyContext;
            m.confidence = org.confidence;
        }
    }
}
