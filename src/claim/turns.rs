//! Speaker turns of interviews and transcripts: who speaks each stretch of an article written
//! as questions and answers.
//!
//! News sites print interviews in a few shapes, all of which this module reads:
//!
//! * a speaker's label before each turn, at the start of a paragraph or glued to the end of
//!   the turn before (`Ana Ruiz: We tried.`, `Interviewer: Why?:AR: Because.`), where a label
//!   is the person's full name, a name of the article's persons in capitals with a role after
//!   a comma (`ANA RUIZ, MAYOR OF BRENT:`), or initials matching exactly one of them (`AR:`);
//! * `Q:` / `A:` (or `Question:` / `Answer:`) labels;
//! * a question glued to its answer by a colon (`Why are you running?: I want to ...`), when
//!   the article does so at least twice.
//!
//! A turn lasts from its label to the next label, glued question or heading (a short
//! paragraph with no closing punctuation). An answer with no name of its own (`A:`, a glued
//! question) is the interviewee's: the person of the article named first, when the title
//! names them too; in a title that says it is an interview, also the one person of the title,
//! or a name of the title the article opens with or labels turns with (see `interviewee`). The
//! interviewer's turns (`Q:`, `Interviewer:`, `Wikinews:`) and labels naming no person of the
//! article end the turn before and are nobody's: a claim there keeps no speaker rather than a
//! guessed one.
//!
//! What a turn's speaker does to the claims inside it ([`Turns::attribute`]): a claim with no
//! attribution, or attributed to "I" ("I think ..."), is the speaker's, in direct speech; "I",
//! "me" and "myself" as subject or object are the speaker.

use super::{Argument, Attribution, Claim, EntityKindWire};
use crate::gazetteer::EntityKind;
use crate::tagger::Mention;

/// One turn: a byte range of the article and who speaks it (`None`: nobody we can name).
#[derive(Clone, Debug, PartialEq)]
struct Turn {
    start: usize,
    end: usize,
    speaker: Option<Attribution>,
}

/// The speaker turns of one article, in text order (empty for an article of prose).
#[derive(Clone, Debug, Default)]
pub(crate) struct Turns {
    turns: Vec<Turn>,
}

/// Labels of the interviewer's turns.
const INTERVIEWER: &[&str] = &["q", "question", "interviewer", "wikinews", "wn"];

/// Labels of the interviewee's turns.
const ANSWER: &[&str] = &["a", "answer"];

/// What a label says about its turn.
#[derive(Clone, Debug, PartialEq)]
enum Label {
    /// The interviewer, or a name that is no person of the article: no speaker.
    Nobody,
    /// An answer with no name: the interviewee.
    Interviewee,
    /// A named person.
    Person(Attribution),
}

/// A person of the article: words that name it and its attribution.
struct Person {
    /// Folded (lower-case) words of a mention or of the canonical name.
    names: Vec<String>,
    who: Attribution,
}

fn attribution_of(m: &Mention) -> Attribution {
    Attribution {
        text: m.name.clone(),
        entity: Some(m.entity.clone()),
        name: Some(m.name.clone()),
        kind: Some(EntityKindWire::Person),
        verb: "say".to_string(),
    }
}

/// The article's persons, one per entity, in order of first mention.
fn persons(mentions: &[Mention]) -> Vec<Person> {
    let mut res: Vec<Person> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let text = m.text.to_lowercase();
        match res
            .iter_mut()
            .find(|p| p.who.entity.as_deref() == Some(&m.entity))
        {
            Some(p) => {
                if !p.names.contains(&text) {
                    p.names.push(text);
                }
            }
            None => {
                let mut names = vec![m.name.to_lowercase()];
                if !names.contains(&text) {
                    names.push(text);
                }
                res.push(Person {
                    names,
                    who: attribution_of(m),
                });
            }
        }
    }
    res
}

/// Titles and ranks that may stand before a name in a label ("Mayor Ruiz").
fn is_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "professor"
            | "sir"
            | "dame"
            | "senator"
            | "sen"
            | "rep"
            | "president"
            | "governor"
            | "gov"
            | "mayor"
            | "minister"
            | "commander"
            | "general"
            | "gen"
            | "colonel"
            | "col"
            | "captain"
            | "capt"
            | "judge"
            | "rev"
            | "reverend"
            | "pastor"
            | "father"
            | "chairman"
            | "chief"
    )
}

fn n_words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The initials of a name ("ana ruiz" → "ar").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The one element of an iterator, if it has exactly one.
fn only<T>(mut it: impl Iterator<Item = T>) -> Option<T> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// Reads the label `raw` (the words before a colon).
fn classify(raw: &str, persons: &[Person]) -> Label {
    let lower = raw.trim().to_lowercase();
    if INTERVIEWER.contains(&lower.as_str()) {
        return Label::Nobody;
    }
    if ANSWER.contains(&lower.as_str()) {
        return Label::Interviewee;
    }
    // "ANA RUIZ, MAYOR OF BRENT": the name before the role; "Mayor Ruiz": the name after
    // the title.
    let name = lower.split(',').next().unwrap_or("").trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let untitled = match words.split_first() {
        Some((first, rest)) if !rest.is_empty() && is_title(first) => rest.join(" "),
        _ => name.to_string(),
    };
    let surname = |p: &&Person| {
        !untitled.contains(' ')
            && p.names
                .first()
                .and_then(|n| n.split_whitespace().last())
                .is_some_and(|last| last == untitled && n_words(&p.names[0]) > 1)
    };
    let named = only(persons.iter().filter(|p| p.names.contains(&untitled)))
        .or_else(|| only(persons.iter().filter(surname)));
    let by_initials = || {
        let short = name.len() >= 2 && name.len() <= 4 && !name.contains(' ');
        let raw_caps = raw.trim().chars().all(|c| c.is_ascii_uppercase());
        (short && raw_caps)
            .then(|| only(persons.iter().filter(|p| initials(&p.names[0]) == name)))
            .flatten()
    };
    match named.or_else(by_initials) {
        Some(p) => Label::Person(p.who.clone()),
        None => Label::Nobody,
    }
}

/// Whether `raw` has the shape of a speaker's label: one to eight words, the first
/// capitalised, of letters, digits, spaces, periods, apostrophes, hyphens and one comma.
fn label_shape(raw: &str) -> bool {
    let raw = raw.trim();
    let words = raw.split_whitespace().count();
    (1..=8).contains(&words)
        && raw.len() <= 60
        && raw.chars().next().is_some_and(char::is_uppercase)
        && raw.matches(',').count() <= 1
        && raw
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '-' | ','))
        && (raw.contains(',') || words <= 4)
}

/// The label at byte `at` of `para` (the paragraph's text from `at`): its words and the byte
/// length up to and including the colon and the spaces after it.
fn label_at(rest: &str) -> Option<(&str, usize)> {
    // A list's bullet before the label ("*Ana Ruiz:").
    let trimmed = rest
        .trim_start()
        .trim_start_matches(['*', '#'])
        .trim_start();
    let lead = rest.len() - trimmed.len();
    let colon = trimmed.find(':')?;
    let raw = trimmed.get(..colon)?;
    if !label_shape(raw) {
        return None;
    }
    let after = trimmed.get(colon + 1..)?;
    // A clock time or a ratio ("10:30") is no label.
    if after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let gap = after.len() - after.trim_start().len();
    Some((raw, lead + colon + 1 + gap))
}

/// A paragraph that is a heading: short, with no closing punctuation.
fn is_heading(para: &str) -> bool {
    let t = para.trim();
    t.len() < 80 && !t.contains(':') && !t.ends_with(['.', '?', '!', '"', '\u{201d}', ')', ']'])
}

/// Where turns may begin inside a paragraph: its start, and right after a colon glued to the
/// end of a sentence ("...?:", ".:").
fn glued_colons(para: &str) -> Vec<usize> {
    let mut res = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in para.char_indices() {
        let glued = prev.is_some_and(|p| !p.is_alphanumeric() && !p.is_whitespace());
        if c == ':' && glued {
            res.push(i + 1);
        }
        prev = Some(c);
    }
    res
}

/// A person's name without a title before it ("pastor ana ruiz" → "ana ruiz").
fn untitled(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if is_title(first) && rest.contains(' ') => rest,
        _ => name,
    }
}

/// Whether the (folded) title names person `p` by a name of two words or more.
fn titled(title: &str, p: &Person) -> bool {
    p.names.iter().any(|n| {
        let n = untitled(n);
        n.contains(' ') && title.contains(n)
    })
}

/// The interviewee of an article whose title is `title`: the first person the article names,
/// when the title names them too; in a title that says it is an interview ("Interview with
/// ...", "... interviews ...", "Q and A with ..."), also the one person of the title named
/// later, or a name of the title the tagger did not read as a person but the article opens
/// with or uses as a speaker's label ("Ana Ruiz is running for ...", "Ana Ruiz: ..."), which
/// then joins `persons` so that its labels are read too. A title that only talks about a
/// person ("... talks about Ana Ruiz") names no interviewee unless they are named first.
fn interviewee(title: &str, text: &str, persons: &mut Vec<Person>) -> Option<Attribution> {
    let t = title.to_lowercase();
    if let Some(p) = persons.first().filter(|p| titled(&t, p)) {
        return Some(p.who.clone());
    }
    let interview = t.contains("interview") || t.starts_with("q and a") || t.contains("q&a");
    if !interview {
        return None;
    }
    let named: Vec<&Person> = persons.iter().filter(|p| titled(&t, p)).collect();
    match named.as_slice() {
        [one] => return Some(one.who.clone()),
        [] => {}
        _ => return None,
    }
    let name = title_names(title).into_iter().find(|n| {
        text.trim_start().starts_with(&format!("{n} ")) || text.contains(&format!("{n}:"))
    })?;
    let who = Attribution {
        text: name.clone(),
        entity: None,
        name: Some(name.clone()),
        kind: Some(EntityKindWire::Person),
        verb: "say".to_string(),
    };
    persons.push(Person {
        names: vec![name.to_lowercase()],
        who: who.clone(),
    });
    Some(who)
}

/// Runs of two to four capitalised words in a title ("Interview with Ana Ruiz, candidate" →
/// "Interview", no; "Ana Ruiz", yes): the names it may hold.
fn title_names(title: &str) -> Vec<String> {
    let mut res = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let words = title.split(' ').chain(std::iter::once(""));
    for w in words {
        let bare = w.trim_end_matches([',', ':', ';']);
        let cap = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().skip(1).any(char::is_lowercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
            && !matches!(bare, "Interview" | "Interviews" | "Wikinews" | "With");
        if cap {
            run.push(bare);
        }
        if !cap || bare.len() != w.len() {
            if (2..=4).contains(&run.len()) {
                res.push(run.join(" "));
            }
            run.clear();
        }
    }
    res
}

impl Turns {
    /// The turns of `text`, whose title is `title`, given the article's mentions.
    pub(crate) fn find(text: &str, title: Option<&str>, mentions: &[Mention]) -> Turns {
        let mut persons = persons(mentions);
        let interviewee = title.and_then(|t| interviewee(t, text, &mut persons));
        let glued_questions = text.matches("?:").count() >= 2;
        let mut turns: Vec<Turn> = Vec::new();
        let mut open: Option<(usize, Option<Attribution>)> = None;
        let mut close = |open: &mut Option<(usize, Option<Attribution>)>, end: usize| {
            if let Some((start, speaker)) = open.take() {
                turns.push(Turn {
                    start,
                    end,
                    speaker,
                });
            }
        };
        for (ps, pe) in super::quotes::paragraphs(text) {
            let para = text.get(ps..pe).unwrap_or("");
            if is_heading(para) {
                close(&mut open, ps);
                continue;
            }
            // A paragraph that names the speaker is narration about them, not their words.
            let names_speaker = |open: &Option<(usize, Option<Attribution>)>| {
                let who = open
                    .as_ref()
                    .and_then(|(_, s)| s.as_ref()?.entity.as_deref());
                who.is_some_and(|id| {
                    mentions
                        .iter()
                        .any(|m| m.entity == id && m.span.start >= ps && m.span.end <= pe)
                })
            };
            if names_speaker(&open) {
                close(&mut open, ps);
            }
            let mut starts = vec![0];
            starts.extend(glued_colons(para));
            for at in starts {
                let rest = para.get(at..).unwrap_or("");
                let label = label_at(rest).map(|(raw, len)| (classify(raw, &persons), len));
                let (label, len) = match label {
                    Some(l) => l,
                    // "Why are you running?: I want to": the interviewee answers.
                    None if at > 0 && glued_questions && para[..at].ends_with("?:") => {
                        (Label::Interviewee, 0)
                    }
                    // The question of "Why?: Because": the interviewer's.
                    None if at == 0 && glued_questions && para.contains("?:") => (Label::Nobody, 0),
                    None => continue,
                };
                close(&mut open, ps + at);
                let speaker = match label {
                    Label::Nobody => None,
                    Label::Interviewee => interviewee.clone(),
                    Label::Person(a) => Some(a),
                };
                open = Some((ps + at + len, speaker));
            }
        }
        close(&mut open, text.len());
        // Labels with no questions between them are a list ("Ana Ruiz: aged 30, a welder"),
        // not an interview.
        let asks = |t: &Turn| {
            text.get(t.start..t.end).is_some_and(|q| {
                q.trim_end()
                    .trim_end_matches(':')
                    .trim_end_matches(['"', '\u{201d}', '*'])
                    .ends_with('?')
            })
        };
        if turns.iter().filter(|t| asks(t)).count() < 2 {
            return Turns::default();
        }
        turns.retain(|t| t.speaker.is_some());
        Turns { turns }
    }

    /// The speaker of the turn holding bytes `a..b`, if one turn holds them both.
    fn speaker(&self, a: usize, b: usize) -> Option<&Attribution> {
        let k = self
            .turns
            .partition_point(|t| t.start <= a)
            .checked_sub(1)?;
        let t = self.turns.get(k)?;
        (b <= t.end && a < t.end)
            .then_some(t.speaker.as_ref())
            .flatten()
    }

    /// Gives each claim inside a turn with a speaker that speaker (see the module's doc).
    pub(crate) fn attribute(&self, claims: &mut [Claim]) {
        if self.turns.is_empty() {
            return;
        }
        for claim in claims {
            let a = claim.subject.start.min(claim.object.start);
            let b = claim.subject.end.max(claim.object.end);
            let Some(speaker) = self.speaker(a, b) else {
                continue;
            };
            let verb = match &claim.attribution {
                None => speaker.verb.clone(),
                Some(own) if is_first_singular(&own.text) => own.verb.clone(),
                Some(_) => continue,
            };
            claim.attribution = Some(Attribution {
                verb,
                ..speaker.clone()
            });
            claim.quote = true;
            resolve_first_singular(claim, speaker);
        }
    }
}

/// "I", "me", "myself".
pub(crate) fn is_first_singular(text: &str) -> bool {
    matches!(text.to_lowercase().as_str(), "i" | "me" | "myself")
}

/// Makes "I", "me" and "myself" as the claim's subject or object the speaker, when the
/// speaker is a person entity.
pub(crate) fn resolve_first_singular(claim: &mut Claim, speaker: &Attribution) {
    if speaker.kind != Some(EntityKindWire::Person) || speaker.entity.is_none() {
        return;
    }
    for arg in [&mut claim.subject, &mut claim.object] {
        if arg.entity.is_none() && is_first_singular(&arg.text) {
            set_speaker(arg, speaker);
        }
    }
}

fn set_speaker(arg: &mut Argument, speaker: &Attribution) {
    arg.entity = speaker.entity.clone();
    arg.name = speaker.name.clone();
    arg.kind = speaker.kind;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Rule;
    use crate::text::Span;

    fn person(text: &str, at: usize, name: &str) -> Mention {
        Mention {
            span: Span::new(at, at + text.len()),
            sentence: 0,
            text: text.to_string(),
            entity: format!("person:{}", name.to_lowercase().replace(' ', "-")),
            name: name.to_string(),
            kind: EntityKind::Person,
            rule: Rule::GivenName,
            confidence: 1.0,
            alternatives: Vec::new(),
        }
    }

    fn who(turns: &Turns, text: &str, word: &str) -> Option<String> {
        let at = text.find(word)?;
        turns.speaker(at, at + word.len())?.name.clone()
    }

    #[test]
    fn named_labels_and_initials_give_their_speakers() {
        let text = "Tomas Berg met Ana Ruiz at the mill.\n\n\
                    Tomas Berg: How is the mill?:AR: The mill is busy.\n\n\
                    We hired nine welders.\n\nTB: And the river?\n\n*Ruiz: It rose.";
        let mentions = [
            person("Tomas Berg", 0, "Tomas Berg"),
            person("Ana Ruiz", 15, "Ana Ruiz"),
        ];
        let turns = Turns::find(text, None, &mentions);
        assert_eq!(who(&turns, text, "How is").as_deref(), Some("Tomas Berg"));
        assert_eq!(who(&turns, text, "is busy").as_deref(), Some("Ana Ruiz"));
        // The answer goes on in the next paragraph.
        assert_eq!(who(&turns, text, "welders").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            who(&turns, text, "the river").as_deref(),
            Some("Tomas Berg")
        );
        // A surname after a list's bullet.
        assert_eq!(who(&turns, text, "It rose").as_deref(), Some("Ana Ruiz"));
        // Narration before the first label is nobody's turn.
        assert_eq!(who(&turns, text, "met"), None);
    }

    #[test]
    fn answers_without_a_name_are_the_title_persons() {
        let text = "Ana Ruiz runs for the council.\n\nInterview\n\n\
                    Why do you run?: I want a new bridge.\n\n\
                    What do you fear?: Floods.\n\nQ: And?: A: We need dikes.";
        let mentions = [person("Ana Ruiz", 0, "Ana Ruiz")];
        let turns = Turns::find(text, Some("An interview with Ana Ruiz"), &mentions);
        assert_eq!(who(&turns, text, "new bridge").as_deref(), Some("Ana Ruiz"));
        assert_eq!(who(&turns, text, "dikes").as_deref(), Some("Ana Ruiz"));
        // The questions are nobody's.
        assert_eq!(who(&turns, text, "Why do"), None);
        assert_eq!(who(&turns, text, "What do"), None);
        // Without a person in the title, the answers have no speaker.
        let turns = Turns::find(text, Some("Council race"), &mentions);
        assert_eq!(who(&turns, text, "new bridge"), None);
        // Nor when the title's person is not the first the article names.
        let text = format!("Tomas Berg spoke of Ana Ruiz.\n\n{text}");
        let mentions = [
            person("Tomas Berg", 0, "Tomas Berg"),
            person("Ana Ruiz", 20, "Ana Ruiz"),
        ];
        let turns = Turns::find(&text, Some("Talks about Ana Ruiz"), &mentions);
        assert_eq!(who(&turns, &text, "new bridge"), None);
    }

    #[test]
    fn an_interview_title_names_its_interviewee() {
        let text = "Ana Ruiz runs in Port Hill.\n\nInterview\n\n\
                    Why do you run?: I want a new bridge.\n\nWhat do you fear?: Floods.";
        // A place of the title read as a person does not hide the first person named.
        let mentions = [
            person("Ana Ruiz", 0, "Ana Ruiz"),
            person("Port Hill", 17, "Port Hill"),
        ];
        let title = "Interview with candidate Ana Ruiz, Port Hill";
        let turns = Turns::find(text, Some(title), &mentions);
        assert_eq!(who(&turns, text, "new bridge").as_deref(), Some("Ana Ruiz"));
        // A title's person named after the interviewer, in an interview's title.
        let text2 = format!("Tomas Berg spoke with Ana Ruiz.\n\n{}", &text[29..]);
        let mentions = [
            person("Tomas Berg", 0, "Tomas Berg"),
            person("Ana Ruiz", 22, "Ana Ruiz"),
        ];
        let turns = Turns::find(&text2, Some("Interview with Ana Ruiz"), &mentions);
        assert_eq!(
            who(&turns, &text2, "new bridge").as_deref(),
            Some("Ana Ruiz")
        );
        // A name the tagger missed, which opens the article.
        let turns = Turns::find(text, Some("Interview with Ana Ruiz"), &[]);
        assert_eq!(who(&turns, text, "new bridge").as_deref(), Some("Ana Ruiz"));
        // ... or labels its answers.
        let text3 = "We met her.\n\nQ: Why do you run?: Ana Ruiz: I want a new bridge.\n\n\
                     Q: What do you fear?: Ana Ruiz: Floods.";
        let turns = Turns::find(text3, Some("Wikinews interviews Ana Ruiz"), &[]);
        assert_eq!(
            who(&turns, text3, "new bridge").as_deref(),
            Some("Ana Ruiz")
        );
        // Not a title that is no interview.
        let turns = Turns::find(text, Some("Ana Ruiz runs for mayor"), &[]);
        assert_eq!(who(&turns, text, "new bridge"), None);
    }

    #[test]
    fn labels_without_questions_and_prose_give_no_turn() {
        let text = "Ana Ruiz spoke.\n\nNote: The mill closed at 10:30 on Monday.\n\n\
                    Ruiz said the river rose.";
        let mentions = [person("Ana Ruiz", 0, "Ana Ruiz")];
        let turns = Turns::find(text, Some("Ana Ruiz speaks"), &mentions);
        assert!(turns.turns.is_empty());
        // A list of persons with their descriptions is no interview.
        let text = "Two welders were hurt.\n\nAna Ruiz: aged 30, from Brent.\n\n\
                    Tomas Berg: aged 41.\n\nThe mill closed.";
        let mentions = [
            person("Ana Ruiz", 24, "Ana Ruiz"),
            person("Tomas Berg", 56, "Tomas Berg"),
        ];
        assert!(Turns::find(text, None, &mentions).turns.is_empty());
        // A lone question glued to its answer is no interview.
        let text = "Ana Ruiz asked: Why now?: nobody knew.";
        assert!(Turns::find(text, Some("Ana Ruiz"), &mentions)
            .turns
            .is_empty());
    }

    #[test]
    fn a_transcript_label_in_capitals_with_a_role() {
        let text = "Ana Ruiz and Tomas Berg spoke.\n\n\
                    TOMAS BERG: Is the bridge safe?\n\n\
                    ANA RUIZ, MAYOR OF BRENT: The bridge is safe.\n\n\
                    TOMAS BERG: Is it?\n\nMAYOR RUIZ: It is.";
        let mentions = [
            person("Ana Ruiz", 0, "Ana Ruiz"),
            person("Tomas Berg", 13, "Tomas Berg"),
        ];
        let turns = Turns::find(text, None, &mentions);
        assert_eq!(who(&turns, text, "is safe").as_deref(), Some("Ana Ruiz"));
        assert_eq!(who(&turns, text, "Is it").as_deref(), Some("Tomas Berg"));
        assert_eq!(who(&turns, text, "It is.").as_deref(), Some("Ana Ruiz"));
    }
}
