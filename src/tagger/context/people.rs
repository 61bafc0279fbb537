//! People named in the article decide who a part of a name is.
//!
//! * A given name (and a particle: "van", "de", "bin" ...) before a listed one-word place or
//!   organisation makes a person's full name ("Stephen Dupont", "Wouter Van Bellingen"): the
//!   longer reading wins over the listed part.
//! * A given name that a listed person's short form took, followed by a surname of its own, is
//!   another person ("Kurmanbek Osmonov" is not Kurmanbek Bakiyev).
//! * A surname alone ("Corby", "Mr. Snow", "Van Bellingen") is the person of that surname named
//!   in full in the article (of several, the one named in full most often), before any
//!   namesake the lists hold, and also when no list holds the person: "Schapelle Corby ...
//!   Corby" makes a full name from two unlisted words because the second recurs alone.
//!   A name in surname-first order ("Kim Ha-neul") gives its first word as the surname too.
//! * A one-word name that a title made a person ("his deputy Hale", "Mr Hale") is that person
//!   where the same word stands alone elsewhere in the article ("Hale joined ..."), unless
//!   two cues read it as two people.
//! * Given names joined by "and" ("Paul and Rosa") are two people: each is the person named in
//!   full with that given name, when the article names exactly one.
//!
//! Each new mention carries [`Rule::FullName`] or [`Rule::EarlierName`] with the reading it
//! replaced among its alternatives.

use std::collections::{BTreeMap, BTreeSet};

use super::{adjacent, covered, make, overlapping, token_at, word, Doc, Target, SPEECH_VERBS};
use crate::gazetteer::given::{given_name_gender, Gender};
use crate::gazetteer::EntityKind;
use crate::lexicon::is_month_or_day;
use crate::tagger::{cues, is_nation, round2, FastMap, Mention, Rule};
use crate::text::{Sentence, Span, Token};

/// Particles inside a family name ("Wouter Van Bellingen", "Osama bin Laden"). Articles of
/// other languages ("Der", "La") open names of papers and places too, so they are not here.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "ter", "ten", "bin", "ibn", "da", "di", "du", "dos", "del",
    "della", "Van", "Von", "De", "Di", "Da", "Du", "Del", "Bin", "Ibn", "Ter", "Ten",
];

/// Arabic articles written onto a family name with a hyphen ("al-Kestrani").
pub(super) const JOINED_PARTICLES: &[&str] = &[
    "al", "el", "Al", "El", "ad", "as", "at", "an", "ar", "az", "ash",
];

pub(super) fn is_particle(w: &str) -> bool {
    PARTICLES.contains(&w)
}

/// Words of `text` joined by single spaces.
fn words_of(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `w` at token `k` can be a given name: listed as one, and not an English word that
/// only opens the sentence ("Will ...").
fn given_at(doc: &Doc<'_>, w: &str, k: usize) -> bool {
    doc.gazetteer.is_given_name(w)
        && !cues::is_function_word(w)
        && !(k == 0 && cues::is_common_word(w))
}

/// Whether the token after `k` continues a name (a capitalised word other than a possessive).
fn name_goes_on(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> bool {
    let next = word(doc, sentence.tokens.get(k + 1));
    cues::is_capitalised(next) && !matches!(next, "'s" | "\u{2019}s")
}

/// A given name, with an optional particle, before a listed one-word place or organisation is
/// a person's full name ("Stephen Dupont", "Wouter Van Bellingen"). Runs before the cue pass.
pub(in crate::tagger) fn given_name_before_listed(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut replaced = vec![false; mentions.len()];
    let mut added = Vec::new();
    for (idx, m) in mentions.iter().enumerate() {
        let listed = matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias)
            && m.kind != EntityKind::Person
            && !m.text.contains(' ')
            && !doc.gazetteer.get(&m.entity).is_some_and(is_nation);
        let Some(sentence) = listed.then(|| doc.sentences.get(m.sentence)).flatten() else {
            continue;
        };
        let Some(k) = token_at(sentence, m.span.start) else {
            continue;
        };
        if name_goes_on(doc, sentence, k) {
            continue;
        }
        let Some((start, parts)) = given_before(doc, mentions, sentence, k) else {
            continue;
        };
        if parts.iter().any(|&p| replaced[p]) || replaced[idx] {
            continue;
        }
        let span = Span::new(start, m.span.end);
        let name = words_of(span.of(doc.text));
        let mut alternatives = vec![m.entity.clone()];
        alternatives.extend(parts.iter().map(|&p| mentions[p].entity.clone()));
        let target = Target::unlisted(EntityKind::Person, &name, alternatives);
        added.push(make(span, doc, m.sentence, target, Rule::FullName));
        replaced[idx] = true;
        for p in parts {
            replaced[p] = true;
        }
    }
    replace(mentions, &replaced, added);
}

/// The start of the given name (and particle) before token `k`, with the one-word mentions
/// that cover the particle, if the words there make a person's name.
fn given_before(
    doc: &Doc<'_>,
    mentions: &[Mention],
    sentence: &Sentence,
    k: usize,
) -> Option<(usize, Vec<usize>)> {
    let before = k.checked_sub(1)?;
    let spaced = |a: usize, b: usize| match (sentence.tokens.get(a), sentence.tokens.get(b)) {
        (Some(x), Some(y)) => adjacent(doc.text, x.span, y.span),
        _ => false,
    };
    let w = word(doc, sentence.tokens.get(before));
    let (given, particle) = if is_particle(w) {
        (before.checked_sub(1)?, Some(before))
    } else {
        (before, None)
    };
    let given_token = sentence.tokens.get(given)?;
    let gw = given_token.span.of(doc.text);
    if !spaced(given, given + 1) || !spaced(before, k) || covered(mentions, given_token.span) {
        return None;
    }
    // A capitalised particle needs a given name before it; a lower-case one any name.
    let named = given_at(doc, gw, given) || (particle.is_some() && cues::name_shaped(gw));
    // "... Sean Van Bellingen": the name must start here, not inside a longer run.
    let opens = given == 0 || !cues::name_shaped(word(doc, sentence.tokens.get(given - 1)));
    if !named || !opens {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(p) = particle.and_then(|p| sentence.tokens.get(p)) {
        if let Some(o) = overlapping(mentions, p.span) {
            if mentions.get(o).is_none_or(|o| o.span != p.span) {
                return None;
            }
            parts.push(o);
        }
    }
    Some((given_token.span.start, parts))
}

/// Drops the `replaced` mentions, adds `added`, and keeps the list sorted.
pub(super) fn replace(mentions: &mut Vec<Mention>, replaced: &[bool], added: Vec<Mention>) {
    if added.is_empty() && !replaced.contains(&true) {
        return;
    }
    let mut keep = replaced.iter().map(|r| !r);
    mentions.retain(|_| keep.next().unwrap_or(true));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// "Kurmanbek Osmonov" after "Kurmanbek Bakiyev": a given name that a listed person's short
/// form took, followed by a surname of its own, is another person. Runs after the cue pass,
/// which finds the short forms.
pub(super) fn short_form_before_surname(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for idx in 0..mentions.len() {
        let m = &mentions[idx];
        // "Cameron Slater" is not David Cameron: a listed one-word alias that is a given name,
        // followed by a surname of its own, is another person too.
        let short_form =
            m.rule == Rule::ShortForm && m.name.split_whitespace().next() == Some(m.text.as_str());
        let given_alias = matches!(m.rule, Rule::GazetteerAlias | Rule::ShortForm)
            && doc.gazetteer.is_given_name(&m.text);
        let given_form =
            m.kind == EntityKind::Person && !m.text.contains(' ') && (short_form || given_alias);
        let Some(sentence) = given_form.then(|| doc.sentences.get(m.sentence)).flatten() else {
            continue;
        };
        let Some(k) = token_at(sentence, m.span.start) else {
            continue;
        };
        let Some(surname) = sentence.tokens.get(k + 1) else {
            continue;
        };
        let w = surname.span.of(doc.text);
        let free = mentions
            .get(idx + 1)
            .is_none_or(|n| !n.span.overlaps(surname.span));
        let own = cues::name_shaped(w)
            && free
            && adjacent(doc.text, m.span, surname.span)
            && !m.name.split_whitespace().any(|p| p == w || misspelt(p, w))
            && !name_goes_on(doc, sentence, k + 1);
        if !own {
            continue;
        }
        let span = Span::new(m.span.start, surname.span.end);
        let name = words_of(span.of(doc.text));
        let target = Target::unlisted(EntityKind::Person, &name, vec![m.entity.clone()]);
        let sentence_idx = m.sentence;
        mentions[idx] = make(span, doc, sentence_idx, target, Rule::FullName);
    }
}

/// Whether `b` may be `a` misspelt ("Shiniwatra", "Sinawatra" for "Shinawatra"): both at
/// least five letters, at most two letters changed, added or dropped.
fn misspelt(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() < 5 || b.len() < 5 || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row.last().is_some_and(|&d| d <= 2)
}

/// A person named in full, where, and with which name; see [`named_by_surname`] for the
/// surnames they are found by.
#[derive(Clone)]
struct Named {
    entity: String,
    name: String,
}

/// The people named in full, by surname in text order: the last word, and a particle with it
/// in lower case ("van Bellingen", also for "Van Bellingen").
fn named_by_surname(mentions: &[Mention]) -> BTreeMap<String, Vec<Named>> {
    let mut res: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    for m in mentions {
        if m.kind != EntityKind::Person || m.rule == Rule::Role {
            continue;
        }
        let words: Vec<&str> = m.text.split_whitespace().collect();
        let [.., before, last] = words.as_slice() else {
            continue;
        };
        // "Omar al-Kestrani ... Kestrani": the surname without its joined particle.
        if let Some((particle, rest)) = last.split_once('-') {
            if JOINED_PARTICLES.contains(&particle) && cues::is_capitalised(rest) {
                res.entry(rest.to_string()).or_default().push(Named {
                    entity: m.entity.clone(),
                    name: m.name.clone(),
                });
            }
        }
        if !cues::is_capitalised(last) {
            continue;
        }
        let mut keys = vec![last.to_string()];
        // "Kim Ha-neul ... Mr. Kim": a name in surname-first order (a hyphenated given name
        // whose second syllable is lower case) has its first word for a surname.
        if let [first, given] = words.as_slice() {
            let surname_first = given.split_once('-').is_some_and(|(a, b)| {
                cues::is_capitalised(a) && b.chars().next().is_some_and(char::is_lowercase)
            });
            if surname_first && cues::is_capitalised(first) {
                keys.push((*first).to_string());
            }
        }
        if is_particle(before) && words.len() >= 3 {
            keys.push(format!("{} {last}", before.to_lowercase()));
        }
        for key in keys {
            res.entry(key).or_default().push(Named {
                entity: m.entity.clone(),
                name: m.name.clone(),
            });
        }
    }
    res
}

/// The person a surname refers to: the one person the article names in full with it; of
/// several, the one it names in full most often (a tie names nobody: the surname is left as
/// it was).
fn referent(named: &[Named]) -> Option<&Named> {
    most_named(distinct_people(named).into_iter())
}

/// The different people among `named`, each with how often the article names them in full
/// and the first time it does, in the order they are first named.
fn distinct_people(named: &[Named]) -> Vec<(usize, &Named)> {
    let mut people: Vec<(usize, &Named)> = Vec::new();
    for n in named {
        match people.iter_mut().find(|(_, p)| p.entity == n.entity) {
            Some((count, _)) => *count += 1,
            None => people.push((1, n)),
        }
    }
    people
}

/// Of some people with their counts, the one named most often; none on a tie.
fn most_named<'a>(people: impl Iterator<Item = (usize, &'a Named)>) -> Option<&'a Named> {
    let mut best: Option<(usize, &Named)> = None;
    let mut tie = false;
    for (count, n) in people {
        match best {
            Some((most, _)) if count < most => {}
            Some((most, _)) if count == most => tie = true,
            _ => {
                best = Some((count, n));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, n)| n)
}

/// The person each surname refers to (see [`referent`]), once per article.
fn referents(named: BTreeMap<String, Vec<Named>>) -> BTreeMap<String, Named> {
    named
        .into_iter()
        .filter_map(|(surname, people)| {
            let n = referent(&people)?;
            Some((surname, n.clone()))
        })
        .collect()
}

/// Whether a one-word mention may be a surname of someone the article names.
fn may_be_surname(doc: &Doc<'_>, m: &Mention) -> bool {
    let listed = matches!(
        m.rule,
        Rule::GazetteerName | Rule::GazetteerAlias | Rule::ShortForm | Rule::SportsTeam
    );
    let cued_person = m.kind == EntityKind::Person
        && matches!(
            m.rule,
            Rule::TitleCue | Rule::NameShape | Rule::ReportingVerb | Rule::Apposition
        );
    !m.text.contains(' ')
        && (listed || cued_person)
        && !(m.kind == EntityKind::Place && doc.gazetteer.get(&m.entity).is_some_and(is_nation))
}

/// Titles that name a woman: the surname after one is never a man's ("Mrs. Bush").
const FEMALE_TITLES: &[&str] = &[
    "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Queen", "Madam", "Madame", "Mme", "Mme.", "Dame",
    "Princess", "Duchess", "Baroness", "Countess",
];

/// Titles that name a man ("Mr. McMahon").
const MALE_TITLES: &[&str] = &["Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Duke"];

/// The gender a title right before `m` gives it, if any.
fn title_gender(doc: &Doc<'_>, m: &Mention) -> Option<Gender> {
    let before = doc
        .text
        .get(..m.span.start)
        .and_then(|t| t.split_whitespace().next_back())?;
    if FEMALE_TITLES.contains(&before) {
        Some(Gender::Female)
    } else if MALE_TITLES.contains(&before) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender the first word of a person's name gives.
fn name_gender(name: &str) -> Option<Gender> {
    name.split_whitespace().next().and_then(given_name_gender)
}

/// A surname written alone that two different people of the article share ("Shane McMahon
/// ... Vincent McMahon") is decided here: by a title whose gender only one of them has
/// ("Mrs. X"), else it is none of those its own sentence names in full ("X is the son of
/// Vincent X"): of the others the one named most often, and none is left unlinked (a
/// `Dropped` note). And a one-word person after a woman's title is never a listed man ("Mrs.
/// Bush" is no George Bush): it is a person of that name no list holds. Returns the
/// mentions it decided.
fn shared_surnames(
    doc: &Doc<'_>,
    mentions: &mut Vec<Mention>,
    by_surname: &BTreeMap<String, Vec<Named>>,
) -> BTreeSet<Span> {
    // Each surname's people once (a long article names them many times), and which person
    // each sentence names in full: both looked up per mention, so the pass stays linear.
    let people: BTreeMap<&str, Vec<(usize, &Named)>> = by_surname
        .iter()
        .map(|(surname, named)| (surname.as_str(), distinct_people(named)))
        .filter(|(_, people)| people.len() > 1)
        .collect();
    let full: BTreeSet<(usize, String)> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.text.contains(' '))
        .map(|m| (m.sentence, m.entity.clone()))
        .collect();
    let mut drop = vec![false; mentions.len()];
    let mut decided = BTreeSet::new();
    for (i, m) in mentions.iter_mut().enumerate() {
        if m.kind != EntityKind::Person || m.text.contains(' ') || m.rule == Rule::Role {
            continue;
        }
        let title = title_gender(doc, m);
        if let Some(shared) = people.get(m.text.as_str()) {
            let fits = shared
                .iter()
                .copied()
                .filter(|(_, n)| title.is_some() && name_gender(&n.name) == title);
            let here = |n: &Named| full.contains(&(m.sentence, n.entity.clone()));
            let pick = if let Some(n) = most_named(fits) {
                Some(n)
            } else if shared.iter().any(|(_, n)| here(n)) {
                most_named(shared.iter().copied().filter(|(_, n)| !here(n)))
            } else {
                continue;
            };
            decided.insert(m.span);
            match pick {
                Some(n) if n.entity != m.entity => {
                    m.alternatives = vec![std::mem::take(&mut m.entity)];
                    m.entity = n.entity.clone();
                    m.name = n.name.clone();
                    m.rule = Rule::EarlierName;
                    m.confidence = round2(Rule::EarlierName.confidence());
                }
                Some(_) => {}
                None => {
                    doc.drop_note(m, "a surname two people of the article share");
                    drop[i] = true;
                }
            }
        } else if title == Some(Gender::Female) && name_gender(&m.name) == Some(Gender::Male) {
            let target = Target::unlisted(EntityKind::Person, &m.text, vec![m.entity.clone()]);
            m.entity = target.entity;
            m.name = target.name;
            m.rule = Rule::TitleCue;
            m.confidence = round2(Rule::TitleCue.confidence());
        }
    }
    let mut keep = drop.into_iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
    decided
}

/// A surname alone refers to the person of that surname named in the article, before any
/// famous namesake of the lists ("Bush" after "George H. W. Bush", "Mr. Snow" after "Tony
/// Snow"), also when no list holds the person ("Corby" after "Schapelle Corby").
pub(super) fn earlier_surnames(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    full_names_of_lone_surnames(doc, mentions);
    let by_surname = named_by_surname(mentions);
    let decided = shared_surnames(doc, mentions, &by_surname);
    let named = referents(by_surname);
    if named.is_empty() {
        let cued = cued_one_word_people(mentions, &named);
        unlinked_surnames(doc, mentions, &cued);
        return;
    }
    for m in mentions.iter_mut() {
        if !may_be_surname(doc, m) {
            continue;
        }
        let Some(n) = named.get(m.text.as_str()) else {
            continue;
        };
        let wrong_gender = title_gender(doc, m) == Some(Gender::Female)
            && name_gender(&n.name) == Some(Gender::Male);
        if n.entity == m.entity || wrong_gender || decided.contains(&m.span) {
            continue;
        }
        m.alternatives = vec![std::mem::take(&mut m.entity)];
        m.entity = n.entity.clone();
        m.name = n.name.clone();
        m.kind = EntityKind::Person;
        m.rule = Rule::EarlierName;
        m.confidence = round2(Rule::EarlierName.confidence());
    }
    let mut named = named;
    named.extend(cued_one_word_people(mentions, &named));
    unlinked_surnames(doc, mentions, &named);
}

/// One-word names that a title made a person somewhere in the article ("his deputy Hale",
/// "Mr Hale"; a reporting verb is no such evidence: companies speak too) and that no full
/// name explains: the same word written alone elsewhere
/// ("Hale joined the force in 1990") is that person too. Of two cued readings of one word,
/// neither is taken.
fn cued_one_word_people(
    mentions: &[Mention],
    named: &BTreeMap<String, Named>,
) -> BTreeMap<String, Named> {
    let mut res: BTreeMap<String, Option<Named>> = BTreeMap::new();
    for m in mentions {
        let cued = m.kind == EntityKind::Person
            && m.rule == Rule::TitleCue
            && !m.text.contains(' ')
            && cues::name_shaped(&m.text);
        if !cued || named.contains_key(&m.text) {
            continue;
        }
        let n = Named {
            entity: m.entity.clone(),
            name: m.name.clone(),
        };
        res.entry(m.text.clone())
            .and_modify(|seen| {
                if seen.as_ref().is_some_and(|s| s.entity != n.entity) {
                    *seen = None;
                }
            })
            .or_insert(Some(n));
    }
    res.into_iter().filter_map(|(w, n)| Some((w, n?))).collect()
}

/// Surnames written alone that no mention covers ("Corby was arrested"), or a particle and a
/// surname that the lists read as two places ("Van Bellingen"), linked to the person named in
/// full.
fn unlinked_surnames(doc: &Doc<'_>, mentions: &mut Vec<Mention>, named: &BTreeMap<String, Named>) {
    let mut replaced = vec![false; mentions.len()];
    let mut added = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        for k in 0..sentence.tokens.len() {
            let Some((span, n, parts)) = lone_surname_at(doc, mentions, named, sentence, k) else {
                continue;
            };
            if parts.iter().any(|&p| replaced[p]) {
                continue;
            }
            let alternatives = parts
                .iter()
                .map(|&p| mentions[p].entity.clone())
                .filter(|e| *e != n.entity)
                .collect();
            let target = Target {
                entity: n.entity.clone(),
                name: n.name.clone(),
                kind: EntityKind::Person,
                alternatives,
            };
            added.push(make(span, doc, sent_idx, target, Rule::EarlierName));
            for p in parts {
                replaced[p] = true;
            }
        }
    }
    replace(mentions, &replaced, added);
}

/// The surname (one word, or a particle and a word) at token `k`, written alone, with the
/// person it names and the one-word mentions it replaces.
fn lone_surname_at<'n>(
    doc: &Doc<'_>,
    mentions: &[Mention],
    named: &'n BTreeMap<String, Named>,
    sentence: &Sentence,
    k: usize,
) -> Option<(Span, &'n Named, Vec<usize>)> {
    let first = sentence.tokens.get(k)?;
    let w = first.span.of(doc.text);
    if !cues::is_capitalised(w) {
        return None;
    }
    let two = is_particle(w)
        .then(|| sentence.tokens.get(k + 1))
        .flatten()
        .filter(|t| adjacent(doc.text, first.span, t.span))
        .map(|t| (format!("{} {}", w.to_lowercase(), t.span.of(doc.text)), t));
    // The key borrows the word or the particle pair: no string is made per capitalised word.
    let (key, last_k, last) = match &two {
        Some((key, t)) if named.contains_key(key) => (key.as_str(), k + 1, *t),
        _ => (w, k, first),
    };
    let n = named.get(key)?;
    // "Dell's offerings" after "Michael Dell": a word that names a listed company too is left.
    let company = doc.lookups.companies.contains_key(key);
    if !lone(doc, sentence, k, last_k) || company {
        return None;
    }
    let span = Span::new(first.span.start, last.span.end);
    let mut parts = Vec::new();
    for t in &sentence.tokens[k..=last_k] {
        if let Some(o) = overlapping(mentions, t.span) {
            let m = mentions.get(o)?;
            // Only one-word readings of the parts give way (another person's name does not);
            // a name covering more stays.
            let other_person = m.kind == EntityKind::Person && m.entity != n.entity;
            if m.span != t.span || other_person || parts.contains(&o) {
                return None;
            }
            parts.push(o);
        }
    }
    // A one-word surname already tagged is `earlier_surnames`' to decide; an untagged one must
    // be no English word ("the proposed Constitution") unless it is used as a surname.
    if last_k == k && (!parts.is_empty() || (english_word(w) && !used_as_surname(doc, sentence, k)))
    {
        return None;
    }
    Some((span, n, parts))
}

/// Whether `w` reads as an English word: a common word as written ("Hunt"), but not with a
/// capital inside ("DeLay" is no "delay").
fn english_word(w: &str) -> bool {
    cues::is_common_word(w) && !cues::is_camel_surname(w)
}

/// Verbs and auxiliaries that, right after a capitalised word, make it the subject of a
/// clause: a surname, not the noun ("Hunt said", "Ban was", but "Ban on smoking").
const AFTER_SUBJECT: &[&str] = &[
    "said", "says", "told", "added", "stated", "noted", "argued", "insisted", "warned", "wrote",
    "replied", "was", "is", "has", "had", "will", "would", "also",
];

/// Whether the English word at token `k`, the surname of someone the article names in full, is
/// used as that surname: it is no title, role, head or month, and either a verb follows it
/// ("Hunt said", also opening the sentence) or it stands inside the sentence and the article
/// never writes it in lower case ("according to Hunt").
fn used_as_surname(doc: &Doc<'_>, sentence: &Sentence, k: usize) -> bool {
    let w = word(doc, sentence.tokens.get(k));
    let plain = !cues::is_title(w)
        && !cues::is_role_word(w)
        && !cues::is_org_head(w)
        && !cues::is_function_word(w)
        && !is_month_or_day(&w.to_lowercase());
    let verb_after = AFTER_SUBJECT.contains(&word(doc, sentence.tokens.get(k + 1)));
    let prev = k
        .checked_sub(1)
        .map_or("", |p| word(doc, sentence.tokens.get(p)));
    let inside = k > 0 && prev.chars().any(char::is_alphanumeric);
    plain && (verb_after || (inside && !super::written_lower(doc.text, w)))
}

/// Nouns that a name before them only modifies ("the Kestrel commission" is no person).
const MODIFIED: &[&str] = &[
    "commission",
    "committee",
    "inquiry",
    "report",
    "restaurant",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "government",
    "administration",
    "family",
    "case",
    "foundation",
    "era",
    "doctrine",
    "plan",
];

/// Whether tokens `k..=last` stand alone as a name: no name word right before (a title may
/// be: "Mr. Snow"), no article and no noun after ("the Abdullah restaurant", "a Dell
/// spokesman", "the Melo commission": a name that modifies a noun), nothing capitalised after,
/// and not an English word opening the sentence.
fn lone(doc: &Doc<'_>, sentence: &Sentence, k: usize, last: usize) -> bool {
    let w = word(doc, sentence.tokens.get(k));
    let prev = k
        .checked_sub(1)
        .map_or("", |p| word(doc, sentence.tokens.get(p)));
    let prev_is_name =
        cues::is_capitalised(prev) && !cues::is_title(prev) && !cues::is_function_word(prev);
    let common = english_word(w) || crate::text::lower_is(w, is_month_or_day);
    let opening = k == 0 || !prev.chars().any(char::is_alphanumeric);
    let inside_a_name = prev_is_name && k > 0;
    // No letter but ASCII ones lower-cases to these words' letters.
    let after_article = ["the", "a", "an"]
        .iter()
        .any(|a| prev.eq_ignore_ascii_case(a));
    let modifies = MODIFIED.contains(&word(doc, sentence.tokens.get(last + 1)));
    // "Hunt said ...": a verb after an English word opening the sentence makes it a surname.
    let english_opening = common && opening && !used_as_surname(doc, sentence, k);
    let name_of_something = after_article || modifies;
    !inside_a_name && !name_of_something && !english_opening && !name_goes_on(doc, sentence, last)
}

/// "Schapelle Corby was found guilty ... Corby was arrested": two unlisted capitalised words
/// whose second recurs alone later is a person's full name (and, before a speech verb, any
/// capitalised word before the surname will do: "Magic Johnson ... Johnson said").
fn full_names_of_lone_surnames(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    let mut lone_ones: Vec<(usize, &Token, bool)> = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        for (k, token) in sentence.tokens.iter().enumerate() {
            let w = token.span.of(doc.text);
            if cues::name_shaped(w) && !covered(mentions, token.span) && lone(doc, sentence, k, k) {
                let speaks = SPEECH_VERBS.contains(&word(doc, sentence.tokens.get(k + 1)));
                lone_ones.push((sent_idx, token, speaks));
            }
        }
    }
    if lone_ones.is_empty() {
        return;
    }
    let full_names = first_full_names(doc, mentions);
    let mut added = Vec::new();
    let mut added_full: std::collections::BTreeSet<Span> = std::collections::BTreeSet::new();
    for (sent_idx, token, speaks) in lone_ones {
        let surname = token.span.of(doc.text);
        let Some((span, s, strict)) = full_names.get(surname) else {
            continue;
        };
        if span.end > token.span.start || !(speaks || *strict) {
            continue;
        }
        let name = words_of(span.of(doc.text));
        let target = || Target::unlisted(EntityKind::Person, &name, Vec::new());
        if added_full.insert(*span) {
            added.push(make(*span, doc, *s, target(), Rule::FullName));
        }
        added.push(make(token.span, doc, sent_idx, target(), Rule::EarlierName));
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// The first "X Surname" of the article for each surname, with X a capitalised word that is
/// no function word, title or role, both words untagged and nothing capitalised after them
/// (one pass over the article); `true` when X is a given name or shaped like a name, not an
/// English word.
fn first_full_names<'t>(
    doc: &Doc<'t>,
    mentions: &[Mention],
) -> FastMap<&'t str, (Span, usize, bool)> {
    let followers = followers(doc);
    let mut res: FastMap<&str, (Span, usize, bool)> = FastMap::default();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        for (k, pair) in sentence.tokens.windows(2).enumerate() {
            let [first, token] = pair else { continue };
            let (fw, w) = (first.span.of(doc.text), token.span.of(doc.text));
            if !cues::is_capitalised(w) || res.contains_key(w) {
                continue;
            }
            let ok = cues::is_capitalised(fw)
                && fw.chars().count() > 1
                && fw.chars().skip(1).all(char::is_lowercase)
                && !cues::is_function_word(fw)
                && adjacent(doc.text, first.span, token.span);
            let span = Span::new(first.span.start, token.span.end);
            if ok && !covered(mentions, span) {
                // "Nintendo Wii ... Nintendo DS": a first word found elsewhere on its own or
                // before other words is a name of its own, not a given name.
                let only_here = followers.get(fw).is_some_and(|f| *f == Some(w));
                let demonym = doc.lookups.demonyms.contains(fw);
                let strict = (given_at(doc, fw, k) || cues::name_shaped(fw))
                    && only_here
                    && !demonym
                    && cues::name_shaped(w)
                    && !name_goes_on(doc, sentence, k + 1);
                res.insert(w, (span, sent_idx, strict));
            }
        }
    }
    res
}

/// For each capitalised word of the article, the word after it when it is always the same
/// (`None` when it varies or the word also stands at a sentence's end).
fn followers<'t>(doc: &Doc<'t>) -> FastMap<&'t str, Option<&'t str>> {
    let mut res: FastMap<&str, Option<&str>> = FastMap::default();
    for sentence in doc.sentences {
        for (k, t) in sentence.tokens.iter().enumerate() {
            let w = t.span.of(doc.text);
            if !cues::is_capitalised(w) {
                continue;
            }
            let next = sentence.tokens.get(k + 1).map(|n| n.span.of(doc.text));
            res.entry(w)
                .and_modify(|f| {
                    if *f != next {
                        *f = None;
                    }
                })
                .or_insert(next);
        }
    }
    res
}

/// "Paul and Rosa close the site": given names joined by "and" are two people, each the one
/// the article names in full with that given name, when it names exactly one.
pub(super) fn coordinated_given_names(doc: &Doc<'_>, mentions: &mut Vec<Mention>) {
    // For each given name, the people named in full with it and where each is first named.
    let mut by_given: BTreeMap<&str, Vec<(&str, &str, usize)>> = BTreeMap::new();
    for m in mentions.iter() {
        let mut words = m.text.split_whitespace();
        if let (EntityKind::Person, Some(first), Some(_)) = (m.kind, words.next(), words.next()) {
            let people = by_given.entry(first).or_default();
            if people.len() < 2 && !people.iter().any(|(e, _, _)| *e == m.entity) {
                people.push((&m.entity, &m.name, m.span.start));
            }
        }
    }
    let mut added = Vec::new();
    for (sent_idx, sentence) in doc.sentences.iter().enumerate() {
        for k in 0..sentence.tokens.len() {
            for token in coordinated_pair(doc, mentions, sentence, k) {
                let w = token.span.of(doc.text);
                let Some([(entity, name, first)]) = by_given.get(w).map(Vec::as_slice) else {
                    continue;
                };
                // Only someone named before: a given name does not look ahead.
                if *first > token.span.start {
                    continue;
                }
                let target = Target {
                    entity: entity.to_string(),
                    name: name.to_string(),
                    kind: EntityKind::Person,
                    alternatives: Vec::new(),
                };
                added.push(make(token.span, doc, sent_idx, target, Rule::EarlierName));
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.span);
}

/// The two given names of "Paul and Rosa" when token `k` opens such a pair, both untagged,
/// with nothing capitalised around them.
fn coordinated_pair<'s>(
    doc: &Doc<'_>,
    mentions: &[Mention],
    sentence: &'s Sentence,
    k: usize,
) -> Vec<&'s Token> {
    let w = |i: usize| word(doc, sentence.tokens.get(i));
    let given = |i: usize| {
        given_at(doc, w(i), i)
            && sentence
                .tokens
                .get(i)
                .is_some_and(|t| !covered(mentions, t.span))
    };
    let prev = k.checked_sub(1).map_or("", |p| w(p));
    let prev_free = k == 0 || !cues::is_capitalised(prev) || cues::is_function_word(prev);
    if w(k + 1) != "and" || !given(k) || !given(k + 2) || !prev_free {
        return Vec::new();
    }
    if cues::is_capitalised(w(k + 3)) && !matches!(w(k + 3), "'s" | "\u{2019}s") {
        return Vec::new();
    }
    [k, k + 2]
        .into_iter()
        .filter_map(|i| sentence.tokens.get(i))
        .collect()
}
