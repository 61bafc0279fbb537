//! Definite descriptions of a person by role ("the minister", "The former Prime Minister",
//! "the 60-year-old ex-president", "the party leader"): the one person the article has given
//! that role, by a title right before the name ("Former Haitian Prime Minister Ana Ruiz",
//! "Finance Minister Ana Ruiz") or an apposition right after it ("Ana Ruiz, the country's
//! foreign minister," / ", leader of the Harbour Party,"), or nothing.
//!
//! The rule:
//! 1. The description is "the" + at most four modifiers + a role noun ([`ROLE_HEADS`]); an
//!    age ("60-year-old") is no modifier, "former" and "ex-" say the role is a past one.
//! 2. A person fits when a role stated beside one of its mentions before the description has
//!    the same head, the same tense ("former" on both or on neither), every other modifier of
//!    the description among its words ("the finance minister" is no foreign minister), and
//!    no qualifier the description lacks right before the head ("Vice President", "Deputy
//!    Minister", "Prime Minister" are not "the president" or "the minister").
//! 3. Exactly one person fits among all the article's mentions before the description (two
//!    people given the role, a former and a new holder, leave it unresolved), and that person
//!    is named in the description's sentence or the [`WINDOW`] sentences before it: a role
//!    holder named long ago may not be who the article now means.
//!
//! A resolved description keeps its words and takes the person's entity, as a resolved
//! pronoun does. A copula's or naming verb's object ("was elected the president") is a role
//! said of the subject, never resolved (`office::predicates_an_office`). A bare role with
//! no modifier ("the president") is first read by `bare_role.rs`, which also looks after the
//! description and at the office table; this rule is tried when that one finds no one.

use super::SentenceCtx;
use crate::claim::EntityRef;
use crate::gazetteer::EntityKind;
use crate::tagger::Mention;

/// How many sentences before the description's own the one role holder must be named in.
pub(super) const WINDOW: usize = 4;

/// Role nouns a description of one person ends with, longest first.
const ROLE_HEADS: &[&[&str]] = &[
    &["prime", "minister"],
    &["minister"],
    &["president"],
    &["premier"],
    &["chancellor"],
    &["leader"],
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["governor"],
    &["mayor"],
    &["chairman"],
    &["chairwoman"],
    &["senator"],
    &["ambassador"],
];

/// Words that, right before a role's head, make it another role ("Vice President", "Deputy
/// Minister", "Prime Minister").
const QUALIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "acting",
    "junior",
    "shadow",
    "associate",
    "co",
    "prime",
    "under",
    "lieutenant",
];

/// Lower-case words a title before a name may hold besides capitalised ones ("former U.S.
/// President", "then prime minister").
const TITLE_WORDS: &[&str] = &[
    "former",
    "ex",
    "then",
    "prime",
    "vice",
    "deputy",
    "foreign",
    "finance",
    "defence",
    "defense",
    "interior",
    "health",
    "education",
    "justice",
    "trade",
    "party",
    "opposition",
    "state",
];

/// A description of a person by role.
#[derive(Debug, PartialEq)]
pub(super) struct Role {
    head: &'static [&'static str],
    former: bool,
    modifiers: Vec<String>,
}

fn clean(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('.', "")
}

/// Whether a word states an age ("60-year-old", "60-year", "old").
fn age_word(w: &str) -> bool {
    (w.contains("year") && w.chars().any(|c| c.is_ascii_digit())) || w == "old" || w == "year-old"
}

/// The role a definite description names ("The former Prime Minister"), if it is one.
pub(super) fn role_description(text: &str) -> Option<Role> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    if raw.len() < 2 || raw.len() > 6 || text.contains(['\'', '\u{2019}', ',', '"', '(']) {
        return None;
    }
    let mut ws: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
    if ws[0] != "the" {
        return None;
    }
    // "ex-president" is a former president.
    let mut former = false;
    if let Some(last) = ws.last_mut() {
        if let Some(rest) = last.strip_prefix("ex-") {
            *last = rest.to_string();
            former = true;
        }
    }
    let ends_with = |h: &[&str]| {
        ws.len() > h.len() && ws[ws.len() - h.len()..].iter().zip(h).all(|(w, h)| w == h)
    };
    let head = ROLE_HEADS.iter().copied().find(|h| ends_with(h))?;
    let mut modifiers = Vec::new();
    for w in &ws[1..ws.len() - head.len()] {
        if w == "former" {
            former = true;
        } else if !age_word(w) {
            let c = clean(w);
            if c.is_empty() || QUALIFIERS.contains(&c.as_str()) && !head.contains(&c.as_str()) {
                return None;
            }
            modifiers.push(c);
        }
    }
    (modifiers.len() <= 3).then_some(Role {
        head,
        former,
        modifiers,
    })
}

/// The words of the title right before `m` in `text` ("Former Haitian Prime Minister"):
/// capitalised words and [`TITLE_WORDS`], back to punctuation or any other word.
fn title_before(text: &str, m: &Mention) -> Vec<String> {
    let before = text.get(..m.span.start).unwrap_or("");
    let mut out = Vec::new();
    for w in before.split_whitespace().rev().take(7) {
        if w.ends_with([',', ';', ':', '"', ')', '(', '\u{201d}', '\u{201c}']) {
            break;
        }
        let c = clean(w);
        let capital = w.starts_with(char::is_uppercase);
        if c.is_empty() || !(capital || TITLE_WORDS.contains(&c.as_str())) {
            break;
        }
        // A sentence's last word ("... left. Anna") ends the title too.
        if w.ends_with('.') && w.matches('.').count() == 1 && c.len() > 3 {
            break;
        }
        out.push(c);
    }
    out.reverse();
    // "Mr", "Dr" between a title and the name.
    while out
        .last()
        .is_some_and(|w| matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr"))
    {
        out.pop();
    }
    out
}

/// The words of an apposition right after `m` up to its head ("Ana Ruiz, the country's
/// former prime minister, said" → "the country's former prime minister"; ", leader of the
/// Harbour Party," → "leader"), if one follows.
fn apposition_after(text: &str, m: &Mention) -> Vec<String> {
    let after = text.get(m.span.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix(", ") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for w in rest.split_whitespace().take(10) {
        let c = clean(w);
        if matches!(
            c.as_str(),
            "of" | "for" | "in" | "at" | "from" | "since" | "who" | "and" | "said" | "says"
        ) {
            break;
        }
        out.push(c);
        if w.ends_with([',', ';', ':', ')', '(', '.']) {
            break;
        }
    }
    let opens = out.first().is_some_and(|w| {
        matches!(w.as_str(), "the" | "a" | "an" | "former") || ROLE_HEADS.iter().any(|h| h[0] == w)
    }) || rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("'s"));
    if opens {
        out
    } else {
        Vec::new()
    }
}

/// Whether a stated role (its words, ending in its head) is the described one (see the
/// module's doc, rule 2).
fn fits(role: &Role, words: &[String]) -> bool {
    let n = role.head.len();
    if words.len() < n
        || words[words.len() - n..]
            .iter()
            .zip(role.head)
            .any(|(w, h)| w != h)
    {
        return false;
    }
    let rest = &words[..words.len() - n];
    let qualified = rest
        .last()
        .is_some_and(|w| QUALIFIERS.contains(&w.as_str()) && !role.modifiers.contains(w));
    let former = rest
        .iter()
        .any(|w| w == "former" || w == "ex" || w == "then");
    !qualified && former == role.former && role.modifiers.iter().all(|m| rest.contains(m))
}

impl SentenceCtx<'_> {
    /// The person the role description `role` at byte `at` stands for, if exactly one fits
    /// (see the module's doc).
    pub(super) fn role_referent(&self, role: &Role, at: usize) -> Option<EntityRef> {
        let people = self
            .article_mentions
            .iter()
            .take_while(|m| m.span.start < at)
            .filter(|m| m.kind == EntityKind::Person);
        let mut found: Option<&Mention> = None;
        for m in people.clone() {
            let before = title_before(self.text, m);
            let after = apposition_after(self.text, m);
            if !fits(role, &before) && !fits(role, &after) {
                continue;
            }
            match found {
                Some(f) if f.entity != m.entity => return None,
                _ => found = Some(m),
            }
        }
        let one = found?;
        let near = self.sent_idx.saturating_sub(WINDOW);
        people
            .filter(|m| m.entity == one.entity)
            .any(|m| m.sentence >= near)
            .then(|| EntityRef {
                entity: one.entity.clone(),
                name: one.name.clone(),
                kind: one.kind.into(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Rule;
    use crate::text::Span;

    fn person(text: &str, name: &str) -> Mention {
        let start = text.find(name).unwrap_or(0);
        Mention {
            span: Span::new(start, start + name.len()),
            sentence: 0,
            text: name.to_string(),
            entity: format!("person:{name}"),
            name: name.to_string(),
            kind: EntityKind::Person,
            rule: Rule::TitleCue,
            confidence: 1.0,
            alternatives: Vec::new(),
        }
    }

    fn role(text: &str) -> Role {
        role_description(text).unwrap_or(Role {
            head: &["none"],
            former: false,
            modifiers: Vec::new(),
        })
    }

    #[test]
    fn role_descriptions_are_read() {
        let r = role("The former Prime Minister");
        assert_eq!(r.head, &["prime", "minister"]);
        assert!(r.former && r.modifiers.is_empty());
        let r = role("the 45-year-old ex-president");
        assert!(r.former && r.head == ["president"] && r.modifiers.is_empty());
        assert_eq!(role("the finance minister").modifiers, vec!["finance"]);
        assert!(role_description("the vice president").is_none());
        assert!(role_description("the party's leader").is_none());
        assert!(role_description("the plan").is_none());
        assert!(role_description("a minister").is_none());
        assert!(role_description("the minister").is_some());
    }

    #[test]
    fn titles_and_appositions_give_roles() {
        let text = "Talks ended. Former Kelsovian Prime Minister Ana Ruiz left. \
                    Tom Vale, the country's finance minister, stayed. \
                    Vice President Jon Osk spoke. Leader of the Greens Eve Dunn, too.";
        let ruiz = title_before(text, &person(text, "Ana Ruiz"));
        assert!(fits(&role("the former prime minister"), &ruiz));
        assert!(!fits(&role("the prime minister"), &ruiz));
        assert!(!fits(&role("the minister"), &ruiz));
        let vale = apposition_after(text, &person(text, "Tom Vale"));
        assert!(fits(&role("the minister"), &vale));
        assert!(fits(&role("the finance minister"), &vale));
        assert!(!fits(&role("the foreign minister"), &vale));
        assert!(title_before(text, &person(text, "Tom Vale")).is_empty());
        let osk = title_before(text, &person(text, "Jon Osk"));
        assert!(!fits(&role("the president"), &osk));
    }
}
