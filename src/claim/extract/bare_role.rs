//! A bare role ("the President", "the prime minister", "the Pope", "the minister") as a
//! claim's argument is the one person the article names in that role.
//!
//! A role with a country ("the German chancellor", "the President of Ukraine") is a mention
//! the tagger resolves by the office table. A bare one says no country and is no name (the
//! tagger leaves it alone); what decides is who the article itself gives that title:
//!
//! * a person right after the title ("President Ana Ruiz", "Finance Minister Tomas Berg");
//! * a person in apposition with it ("the President, Ana Ruiz, ...", "Ana Ruiz, the
//!   president, ..."; not "Ana Ruiz, the president of the club" nor "..., the minister for
//!   sport");
//! * a role mention the tagger resolved ("the President of Vellmar"), or a listed name that
//!   holds the title ("Pope Ana I");
//! * only when the article titles nobody so, a person it names (untitled) who held an office
//!   of that kind on the article's date by the office table.
//!
//! A title with a word before it that makes it another's ("former", "vice", "acting" ...)
//! names no candidate. Exactly one person must be found, or the argument stays unlinked: two
//! presidents in one article ("President A met President B ... the president said") cannot be
//! told apart here.
//!
//! The argument itself is exactly "the" + the role words, followed by neither "of" or "for"
//! ("the president of the club", "the minister for sport" are other roles) nor a capitalised
//! word (a title before a name) nor "-elect".

use std::collections::BTreeSet;

use super::SentenceCtx;
use crate::claim::EntityRef;
use crate::gazetteer::offices::{self, Office};
use crate::gazetteer::EntityKind;
use crate::tagger::{Mention, Rule};

/// Bare roles (lower-case words), longest first so that "prime minister" is tried before
/// "minister", with the offices of the table a holder of the role may hold.
const BARE_ROLES: &[(&[&str], &[Office])] = &[
    (&["prime", "minister"], &[Office::PrimeMinister]),
    (&["foreign", "minister"], &[Office::ForeignMinister]),
    (&["foreign", "secretary"], &[Office::ForeignMinister]),
    (&["finance", "minister"], &[Office::FinanceMinister]),
    (&["defence", "minister"], &[Office::DefenceMinister]),
    (&["defense", "minister"], &[Office::DefenceMinister]),
    (&["defence", "secretary"], &[Office::DefenceMinister]),
    (&["defense", "secretary"], &[Office::DefenceMinister]),
    (&["chief", "executive"], &[]),
    (&["president"], &[Office::President]),
    (&["premier"], &[Office::PrimeMinister]),
    (&["chancellor"], &[Office::Chancellor]),
    (&["pope"], &[]),
    (&["king"], &[Office::Monarch]),
    (&["queen"], &[Office::Monarch]),
    (&["governor"], &[]),
    (&["mayor"], &[]),
    (&["minister"], &[]),
    (&["secretary-general"], &[]),
    (&["chairman"], &[]),
];

/// Words before a title that make it not the holder of the day's, or part of another title.
const NOT_HOLDER: &[&str] = &[
    "former", "ex", "late", "then", "future", "next", "previous", "outgoing", "incoming", "acting",
    "deputy", "vice",
];

/// Words right before a one-word role that make it part of a longer one ("Prime Minister").
const OTHER_ROLE_BEFORE: &[&str] = &["prime", "foreign", "finance", "defence", "defense"];

/// Whether `words[at..]` begin with the role's words, the role standing on its own.
fn role_here(words: &[String], at: usize, role: &[&str]) -> bool {
    let matches = role
        .iter()
        .enumerate()
        .all(|(i, w)| words.get(at + i).is_some_and(|x| x == w));
    let before = at.checked_sub(1).and_then(|p| words.get(p));
    let other = before.is_some_and(|b| {
        NOT_HOLDER.contains(&b.as_str())
            || (role.len() == 1 && OTHER_ROLE_BEFORE.contains(&b.as_str()))
    });
    matches && !other
}

/// The lower-cased words of `text`, commas as words of their own.
fn words_of(text: &str) -> Vec<String> {
    text.replace(',', " , ")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect()
}

/// How many bytes of text around a mention are read for its title.
const AROUND: usize = 60;

/// Whether the article text gives mention `m` the title `role` (see the module's docs).
fn titled(text: &str, m: &Mention, role: &[&str]) -> bool {
    let n = role.len();
    let own = words_of(&m.text);
    if m.rule == Rule::Role {
        return (0..own.len()).any(|at| role_here(&own, at, role));
    }
    // A listed name that holds its title ("Pope Ana I").
    if own.len() > n && role_here(&own, 0, role) {
        return true;
    }
    let mut from = m.span.start.saturating_sub(AROUND);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (m.span.end + AROUND).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before = words_of(text.get(from..m.span.start).unwrap_or(""));
    let after = words_of(text.get(m.span.end..to).unwrap_or(""));
    let b = before.len();
    // "President X".
    let right_before = b
        .checked_sub(n)
        .is_some_and(|at| role_here(&before, at, role));
    // "the President, X".
    let comma_before = before.last().is_some_and(|w| w == ",")
        && b.checked_sub(n + 1)
            .is_some_and(|at| at > 0 && before[at - 1] == "the" && role_here(&before, at, role));
    // "X, the president, ..." (not "the president of ...").
    let comma_after = after.first().is_some_and(|w| w == ",")
        && after.get(1).is_some_and(|w| w == "the")
        && role_here(&after, 2, role)
        && !matches!(after.get(2 + n).map(String::as_str), Some("of" | "for"));
    right_before || comma_before || comma_after
}

/// The one person of `found`, if they are one.
fn one_person<'m>(found: &[&'m Mention]) -> Option<&'m Mention> {
    let people: BTreeSet<&str> = found.iter().map(|m| m.entity.as_str()).collect();
    (people.len() == 1)
        .then(|| found.first().copied())
        .flatten()
}

impl SentenceCtx<'_> {
    /// The role of an argument over tokens `start..end` that is exactly a bare role.
    fn bare_role(&self, start: usize, end: usize) -> Option<usize> {
        let toks = &self.toks;
        if toks.get(start)?.lower != "the" {
            return None;
        }
        let words: Vec<String> = toks
            .get(start..end)?
            .iter()
            .map(|t| t.lower.clone())
            .collect();
        let idx = BARE_ROLES
            .iter()
            .position(|(role, _)| role.len() + 1 == words.len() && role_here(&words, 1, role))?;
        let blocked = toks.get(end).is_some_and(|t| {
            matches!(t.lower.as_str(), "of" | "for" | "-" | "-elect" | "elect")
                || t.text.chars().next().is_some_and(char::is_uppercase)
        });
        (!blocked && toks[start + 1..end].iter().all(|t| t.mention.is_none())).then_some(idx)
    }

    /// The person a bare role over tokens `start..end` stands for (see the module's docs).
    pub(super) fn bare_role_referent(&self, start: usize, end: usize) -> Option<EntityRef> {
        let (role, kinds) = BARE_ROLES.get(self.bare_role(start, end)?)?;
        let people: Vec<&Mention> = self
            .article_mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .collect();
        let titled: Vec<&Mention> = people
            .iter()
            .copied()
            .filter(|m| titled(self.text, m, role))
            .collect();
        let m = if titled.is_empty() {
            let date = self.article.date.as_deref()?;
            let holders: Vec<&Mention> = people
                .iter()
                .copied()
                .filter(|m| {
                    offices::terms().iter().any(|t| {
                        t.person == m.entity.as_str() && kinds.contains(&t.office) && t.covers(date)
                    })
                })
                .collect();
            one_person(&holders)?
        } else {
            one_person(&titled)?
        };
        Some(EntityRef {
            entity: m.entity.clone(),
            name: m.name.clone(),
            kind: m.kind.into(),
        })
    }
}
