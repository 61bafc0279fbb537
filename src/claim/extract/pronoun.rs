//! Pronoun resolution: the person a "he", "she", "him", "her" or "his" means, and the
//! organisation or place an "it" or "its" means, from what the article shows. A wrongly
//! resolved pronoun makes a claim say something false about a real entity, while an unresolved
//! one only keeps the claim out of the graph, so a pronoun stays unresolved wherever the
//! evidence is weak.
//!
//! * **Persons only.** "he"/"she" and their forms resolve to persons: tagged person mentions,
//!   earlier pronouns already resolved to a person, and persons the tagger found but could not
//!   link (a subject named by capitalised words only, "Marek said", or by a noun for a person,
//!   "the victim", "the driver", or for an animal, "the dog"). When such an unlinked person is
//!   the best candidate, the pronoun keeps the words it refers to (`refers_to`) and no entity.
//!   Untagged capitalised words before a relative "who"/"whose" ("Okonjo, whose career ...")
//!   are such a person too, so a "he" does not skip over them to a person named before.
//!   A person a subject phrase stands in apposition to ("A former officer, Ada Lind, said")
//!   is as salient as a subject.
//! * **Gender.** A candidate the article shows to be of the other gender is skipped: a title
//!   (Mr, Mrs, Ms, Sir, Lady ...), a gendered role noun ("spokeswoman", "her husband"), or an
//!   earlier "he"/"she" resolved to it. Only where the article shows nothing does the first
//!   name of the person's full name decide ([`given_name_gender`]: "Margaret Hale" is a woman;
//!   "Jordan Hale" is either); an article that shows both genders for one key leaves it
//!   unknown, whatever the name says.
//! * **Salience within a window.** Candidates come from the pronoun's sentence (before it) and
//!   the [`WINDOW`] sentences before; each sentence back costs salience, and a subject counts
//!   more than another mention. When the two best candidates of compatible gender have the
//!   same salience, the pronoun stays unresolved.
//! * **Binding.** A pronoun never means a person named inside its own clause (its subject,
//!   object or agent): "Vera praised her" and "she was hit by Vera" are not about Vera; a
//!   possessive "his" may be. In direct speech a "he"/"she" is not the speaker.
//! * **"it"/"its"** resolve only to an organisation or place that is the subject of the
//!   previous sentence or of an earlier clause of the same sentence; an event noun between
//!   them ("the bombing", "the attack") blocks it, and so does an expletive "it" ("it is
//!   likely that"). An unlinked subject is kept as the words "it" refers to, unless it is a
//!   bare lower-case noun or a number ("car", "2006"), which says what kind of thing, not
//!   which, or names a person ("Acme chief Ada Lind", "the firm's president"): such a
//!   subject is passed over, as a person's is. A copula "it is the X" whose common noun X no
//!   organisation or place is ("it is the first statement on ...") does not mean the
//!   organisation or place before: the complement says what it is. A quoted "it" never
//!   means a subject outside the quotation, nor an unquoted one a subject inside. Another
//!   organisation or place named before "it" in its own sentence makes the previous
//!   sentence's subject unsafe; for a place antecedent (a country "it" is often a treaty,
//!   a language or a body), so does one named anywhere after it.
//! * **Open chains.** A "he"/"she" subject left unresolved is a person the article names in
//!   no way we link: a later pronoun of its gender after it more likely continues it, so it
//!   stays unresolved rather than jump to a person named before, or in passing. So does one
//!   after an unlinked indefinite subject ("an armed settler ... when he").

use std::collections::HashMap;

use super::{is_pronoun, relabel, SentenceCtx, PERSON_NOUNS};
use crate::claim::open::{Clause, Phrase};
use crate::claim::quotes::Quotes;
use crate::claim::{Argument, Claim, EntityKindWire};
use crate::gazetteer::given::{given_name_gender, Gender};
use crate::gazetteer::EntityKind;
use crate::tagger::{Mention, Rule};

/// How many sentences before the pronoun's own an antecedent may be found in. A person
/// referred to by a resolved pronoun in between stays in reach.
pub(super) const WINDOW: usize = 2;

/// A person a later "he"/"she" may mean.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    /// The entity argument, or the words of an unlinked person (no entity).
    pub arg: Argument,
    /// Entity id, or `unlinked:` and the folded words.
    pub key: String,
    /// Sentence index.
    pub sentence: usize,
    /// Whether it was (the head of) a clause subject.
    pub subject: bool,
    /// Gender the words themselves show ("the woman", "Mr Hale").
    pub gender: Option<Gender>,
    /// Whether it was named inside quotation marks.
    pub quoted: bool,
}

/// A candidate as the resolution of one pronoun weighs it.
#[derive(Clone)]
struct Weighed {
    key: String,
    salience: usize,
    arg: Argument,
    gender: Option<Gender>,
    subject: bool,
    quoted: bool,
}

/// What the previous sentences leave for pronouns.
#[derive(Default, Clone)]
pub(super) struct Discourse {
    /// Persons of the last [`WINDOW`] sentences.
    pub persons: Vec<Candidate>,
    /// Gender seen for an entity or unlinked person; `None` when the article shows both.
    pub genders: HashMap<String, Option<Gender>>,
    /// The first non-person subject of a sentence, with that sentence's index.
    pub prev_subject: Option<(usize, Argument)>,
    /// The clause subjects of the last sentences that name no person, in text order, with
    /// their sentence's index (for descriptions: `extract/description.rs`).
    pub subjects: Vec<(usize, Argument)>,
    /// Whether that sentence names an event ("the attack") besides its subject.
    pub prev_event: bool,
    /// Entity ids of the organisations and places that sentence names from its first
    /// subject on, other than the subject's own: rivals of a place the next "it" may mean.
    pub prev_named: Vec<String>,
    /// "he"/"she" subjects left unresolved in the last [`WINDOW`] sentences: (sentence,
    /// gender, byte offset). A later pronoun of that gender more likely continues them than
    /// means a person named before them.
    pub open: Vec<(usize, Gender, usize)>,
    /// Whether a later clause of that sentence has a thing for its subject ("... but said
    /// the shells were used"), which a next "it" may mean as well as the first subject.
    pub prev_thing: bool,
    /// The article's quotations and their speakers, for quotes that continue.
    pub quotes: Quotes,
    /// Claims inside a quotation with no speaker of their own: (claim index, quotation,
    /// whether to drop the claim when the quotation's speaker stays unknown).
    pub quoted_claims: Vec<(usize, usize, bool)>,
}

/// Where a pronoun stands.
#[derive(Clone, Copy)]
pub(super) struct Site<'x> {
    /// Token index of the pronoun.
    pub tok: usize,
    /// The pronoun's clause.
    pub clause: &'x Clause,
    /// The resolved subject of the clause, for an object or possessive pronoun.
    pub clause_subject: Option<&'x Argument>,
    /// The pronoun is the subject of the sentence's first clause.
    pub first_clause: bool,
    /// The pronoun is the subject of a reporting clause.
    pub reporting: bool,
    /// The pronoun stands inside quotation marks.
    pub quoted: bool,
    /// The clause is impersonal ("it is likely", "it seems"): an "it" there means nothing.
    pub expletive: bool,
}

/// What the current sentence has shown so far.
#[derive(Default)]
pub(super) struct Here {
    /// Resolved subjects of the clauses read so far (pronouns that stayed unresolved left
    /// out).
    pub subjects: Vec<Argument>,
    /// Persons named by subjects the tagger could not link.
    pub unlinked: Vec<Candidate>,
    /// Entity ids of who speaks this sentence's quotes.
    pub speakers: Vec<String>,
    /// Genders of the pronouns that report this sentence's quotes from outside them ("...,"
    /// he said): a quoted "he" is someone else than that speaker, whom the same candidates
    /// would give, so it stays unresolved.
    pub pronoun_speakers: Vec<Gender>,
    /// Token indices where this sentence's clause subjects that are things open
    /// ([`SentenceCtx::thing_subjects`]).
    pub things: Vec<usize>,
    /// This sentence's "he"/"she" subjects left unresolved so far: (gender, byte offset).
    pub open: Vec<(Gender, usize)>,
}

/// Nouns for events: an "it" after one of them more likely means the event.
const EVENT_NOUNS: &[&str] = &[
    "attack",
    "bombing",
    "blast",
    "explosion",
    "shooting",
    "killing",
    "murder",
    "assassination",
    "crash",
    "accident",
    "incident",
    "fire",
    "earthquake",
    "quake",
    "storm",
    "hurricane",
    "flood",
    "election",
    "vote",
    "referendum",
    "strike",
    "protest",
    "riot",
    "war",
    "battle",
    "raid",
    "ambush",
    "clash",
    "invasion",
    "coup",
    "siege",
    "meeting",
    "summit",
    "conference",
    "ceremony",
    "match",
    "tournament",
    "trial",
    "hearing",
    "operation",
    "offensive",
    "scandal",
    "crisis",
    "outbreak",
    "disaster",
];

/// Nouns that count or group what follows them ("a lot of the leaders"): no one introduced.
const QUANTITY_HEADS: &[&str] = &[
    "lot", "number", "couple", "handful", "total", "majority", "minority", "series", "range",
    "variety", "pair", "dozen", "percent", "share", "fraction", "part", "bit",
];

/// Nouns for animals, which English also calls "he" or "she".
const ANIMAL_NOUNS: &[&str] = &[
    "dog", "cat", "horse", "animal", "puppy", "pet", "mare", "bitch",
];

/// Role and kinship nouns that show a gender.
const FEMALE_NOUNS: &[&str] = &[
    "woman",
    "spokeswoman",
    "chairwoman",
    "businesswoman",
    "policewoman",
    "congresswoman",
    "wife",
    "mother",
    "daughter",
    "sister",
    "girl",
    "widow",
    "actress",
    "queen",
    "princess",
    "grandmother",
    "mare",
    "bitch",
];
const MALE_NOUNS: &[&str] = &[
    "man",
    "spokesman",
    "chairman",
    "businessman",
    "policeman",
    "congressman",
    "husband",
    "father",
    "son",
    "brother",
    "boy",
    "widower",
    "actor",
    "king",
    "prince",
    "grandfather",
];

/// Person nouns besides the reporting roles of [`PERSON_NOUNS`].
const MORE_PERSON_NOUNS: &[&str] = &[
    "victim",
    "driver",
    "suspect",
    "owner",
    "soldier",
    "student",
    "teacher",
    "doctor",
    "patient",
    "player",
    "child",
    "teenager",
    "pilot",
    "passenger",
    "gunman",
    "attacker",
    "killer",
    "defendant",
    "prisoner",
    "journalist",
    "reporter",
    "founder",
    "manager",
    "coach",
    "worker",
    "employee",
    "resident",
    "priest",
    "writer",
    "author",
    "artist",
    "singer",
];

/// Titles before a name, with the gender they show.
fn title_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "mister" | "sir" | "lord" | "monsieur" | "king" | "prince" | "herr" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "lady" | "dame" | "madam" | "madame" | "mme" | "queen"
        | "princess" | "frau" => Some(Gender::Female),
        _ => None,
    }
}

/// Gender a role noun shows.
fn noun_gender(noun: &str) -> Option<Gender> {
    if FEMALE_NOUNS.contains(&noun) {
        Some(Gender::Female)
    } else if MALE_NOUNS.contains(&noun) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Gender of a personal pronoun; `None` for other words.
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender the given name of a full personal name shows: "Margaret Hale" → female. Titles
/// before the name are passed over; a single word ("Hale", "Jordan") shows nothing, nor does
/// an initial, nor a name in surname-first order ("Moon Jae-in", a hyphenated lower-case
/// second syllable).
pub(super) fn name_gender(full: &str) -> Option<Gender> {
    let words: Vec<&str> = full
        .split_whitespace()
        .skip_while(|w| title_gender(w).is_some() || is_plain_title(w))
        .collect();
    let (first, rest) = words.split_first()?;
    if rest.is_empty() || first.trim_end_matches('.').chars().count() < 2 || first.ends_with('.') {
        return None;
    }
    // "Marie-Jeanne": a double given name shows a gender when both its parts show it
    // ("Jean-Marie" shows none).
    if let Some((a, b)) = first.split_once('-') {
        let (ga, gb) = (given_name_gender(a), given_name_gender(b));
        let named = b.chars().next().is_some_and(char::is_uppercase);
        return (named && ga == gb).then_some(ga).flatten();
    }
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().all(char::is_alphabetic);
    let surname_first = rest.iter().any(|w| {
        w.split_once('-')
            .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase))
    });
    if !capitalised || surname_first {
        return None;
    }
    given_name_gender(first).or_else(|| rest.last().and_then(|w| surname_gender(w)))
}

/// The gender a Slavic surname's ending shows ("Kowalska", "Politkovskaya" are women;
/// "Ivanov", "Kowalski", "Medvedev" men), for given names the list does not hold.
fn surname_gender(word: &str) -> Option<Gender> {
    let w = word.to_lowercase();
    if w.chars().count() < 5 || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let ends = |xs: &[&str]| xs.iter().any(|x| w.ends_with(x));
    // Not "-ova"/"-eva": Albanian, Spanish and Italian names end so too ("Rugova").
    if ends(&["skaya", "tskaya", "ovna", "evna", "ska"]) {
        Some(Gender::Female)
    } else if ends(&["ov", "ev", "sky", "ski", "skiy", "vich"]) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Titles that show no gender, passed over before a given name.
fn is_plain_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "dr" | "prof"
            | "professor"
            | "president"
            | "senator"
            | "sen"
            | "rep"
            | "gov"
            | "governor"
            | "judge"
            | "gen"
            | "general"
            | "col"
            | "capt"
            | "captain"
            | "rev"
            | "mayor"
            | "minister"
            | "chancellor"
            | "pope"
            | "saint"
            | "st"
    )
}

/// The gender an argument's name shows: its canonical name when it is an entity, else its
/// words.
fn arg_name_gender(arg: &Argument) -> Option<Gender> {
    name_gender(arg.name.as_deref().unwrap_or(&arg.text))
}

/// Whether a (singular) noun names a person by role, kinship or gender ("official",
/// "resident", "wife", "man"), or an animal English calls "he" or "she".
pub(crate) fn is_person_noun(noun: &str) -> bool {
    PERSON_NOUNS.contains(&noun)
        || MORE_PERSON_NOUNS.contains(&noun)
        || ANIMAL_NOUNS.contains(&noun)
        || noun_gender(noun).is_some()
}

fn candidate_key(arg: &Argument) -> String {
    match &arg.entity {
        Some(id) => id.clone(),
        None => format!("unlinked:{}", arg.text.to_lowercase()),
    }
}

/// Salience of a candidate `distance` sentences back: each sentence back costs two, and a
/// subject gains one. In the pronoun's own sentence a person who is not a subject ("since
/// Lund's election, she ...") is only as salient as the previous sentence's subject.
fn salience(distance: usize, subject: bool) -> usize {
    let base = (2 * (WINDOW + 1)).saturating_sub(2 * distance);
    match (distance, subject) {
        (_, true) => base + 1,
        (0, false) => base - 1,
        (_, false) => base,
    }
}

/// Picks the most salient candidate of `ranked`, if no other of another key is as salient
/// and none stands after it ([`rival_after`]). For a pronoun outside quotation marks, a
/// person named only inside them is no antecedent ("... Removing Ada Lind from power was
/// right." He said ...: the speaker, not Lind), though it is still a rival unless it stands
/// in the pronoun's own sentence (from byte `sentence_start`), which the pronoun reports.
fn choose(ranked: &[Weighed], quoted: bool, sentence_start: usize) -> Option<Argument> {
    let eligible = ranked
        .iter()
        .filter(|w| quoted || !w.quoted)
        .map(|w| (w.key.clone(), w.salience, w.arg.clone()))
        .collect();
    let (key, chosen) = most_salient(eligible)?;
    let rivals: Vec<Weighed> = ranked
        .iter()
        .filter(|w| quoted || !w.quoted || w.arg.start < sentence_start)
        .cloned()
        .collect();
    (!rival_after(&rivals, &key)).then_some(chosen)
}

/// Whether a compatible candidate of another key than the antecedent `key` stands after the
/// antecedent's last mention, where it is a subject, or anywhere when the antecedent is named
/// in no subject: "Peter Dunmore met Edwin Tarrant. He said ..." is Dunmore, but in "a
/// photograph of Peter Dunmore with Edwin Tarrant. He said ..." no one is. A wrong
/// antecedent says something false about a real person; an unresolved one only keeps the
/// claim out of the graph.
fn rival_after(ranked: &[Weighed], key: &str) -> bool {
    let own = || ranked.iter().filter(|w| w.key == key);
    let Some(last) = own().map(|w| w.arg.start).max() else {
        return false;
    };
    let subject = own().any(|w| w.subject);
    ranked
        .iter()
        .any(|w| w.key != key && w.arg.start > last && (w.subject || !subject))
}

/// The most salient candidate of `ranked`, if no other of another key is as salient.
fn most_salient(mut ranked: Vec<(String, usize, Argument)>) -> Option<(String, Argument)> {
    // The best salience per key.
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    ranked.dedup_by(|later, first| later.0 == first.0);
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut it = ranked.into_iter();
    let (key, best, arg) = it.next()?;
    match it.next() {
        Some((_, second, _)) if second == best => None,
        _ => Some((key, arg)),
    }
}

impl SentenceCtx<'_> {
    /// Resolves the one-word pronoun at `site`; `None` leaves it unresolved.
    pub(super) fn resolve_pronoun(
        &self,
        site: &Site,
        here: &Here,
        discourse: &Discourse,
    ) -> Option<Argument> {
        let t = self.toks.get(site.tok)?;
        let span = self.spans.get(site.tok).copied()?;
        let resolved = match t.lower.as_str() {
            "he" | "him" | "his" | "she" | "her" => {
                let gender = pronoun_gender(&t.lower)?;
                self.resolve_person(site, gender, here, discourse)
            }
            "it" | "its" => self.resolve_it(site, here, discourse),
            _ => None,
        }?;
        Some(relabel(&resolved, t.text.as_str(), span))
    }

    /// Whether the token stands inside quotation marks of its sentence.
    pub(super) fn in_quotes(&self, tok: usize) -> bool {
        let mut inside = false;
        for t in self.toks.iter().take(tok) {
            match t.text.as_str() {
                "\u{201c}" => inside = true,
                "\u{201d}" => inside = false,
                "\"" | "``" | "''" => inside = !inside,
                _ => {}
            }
        }
        inside
    }

    /// Token index of the word starting at byte `start`, if one does.
    fn tok_at(&self, start: usize) -> Option<usize> {
        self.spans.iter().position(|s| s.start == start)
    }

    /// Whether the byte offset lies in the token range `(a, b)`.
    fn in_range(&self, start: usize, (a, b): (usize, usize)) -> bool {
        let a = self.spans.get(a).map_or(usize::MAX, |s| s.start);
        let b = b
            .checked_sub(1)
            .and_then(|e| self.spans.get(e))
            .map_or(0, |s| s.end);
        start >= a && start < b
    }

    /// Whether the byte offset lies in one of the clause's own phrases (its subject, object,
    /// agent or further arguments, not a clause nested between them) other than the phrase
    /// of the pronoun at token `own` itself.
    fn in_clause(&self, start: usize, c: &Clause, own: usize) -> bool {
        c.subject
            .iter()
            .chain(c.object.iter().map(|o| &o.phrase))
            .chain(c.extras.iter().map(|e| &e.phrase))
            .chain(c.agent.iter())
            .filter(|p| !(p.start..p.end).contains(&own))
            .any(|p| self.in_range(start, (p.start, p.end)))
    }

    /// The gender a title before the mention (or at its start) shows.
    fn mention_gender(&self, m: &Mention) -> Option<Gender> {
        let first = m.text.split_whitespace().next().and_then(title_gender);
        let before = self
            .tok_at(m.span.start)
            .and_then(|k| k.checked_sub(1))
            .and_then(|k| title_gender(&self.toks[k].text));
        first.or(before)
    }

    /// Whether a person mention stands where places do ("a restaurant in Harlow Vale"): such
    /// a "person" is more likely a place the tagger typed wrongly.
    fn after_place_preposition(&self, m: &Mention) -> bool {
        self.tok_at(m.span.start)
            .and_then(|k| k.checked_sub(1))
            .is_some_and(|k| {
                matches!(
                    self.toks[k].lower.as_str(),
                    "in" | "at" | "near" | "outside" | "inside"
                )
            })
    }

    /// Whether a person mention that only a name's shape made follows a bare "the" and heads
    /// its phrase ("the Diwan-Amiri confirmed"): a person's name takes no article, so it is
    /// more likely a body the tagger typed wrongly. A name before a noun ("the Lind government") modifies it and stays.
    fn after_article(&self, m: &Mention) -> bool {
        let Some(k) = self.tok_at(m.span.start) else {
            return false;
        };
        let next = self.spans.iter().position(|s| s.start >= m.span.end);
        let modifies = next
            .and_then(|n| self.toks.get(n))
            .is_some_and(|t| t.tag.starts_with("NN") || t.text == "'s");
        // "the Italian president", "the Pope": a role, which does name a person; so does a
        // phrase with a lower-case word.
        let role = m.text.split_whitespace().any(|w| {
            let w = w.trim_end_matches('.').to_lowercase();
            title_gender(&w).is_some()
                || is_plain_title(&w)
                || is_person_noun(&w)
                || w.ends_with("minister")
                || w.ends_with("secretary")
                || w == "pope"
        });
        let lower = m
            .text
            .split_whitespace()
            .any(|w| !w.chars().next().is_some_and(char::is_uppercase));
        // A listed person keeps a "the" of its own ("the Dalai Lama"); only a name that its
        // shape alone made a person is doubted.
        let shape = matches!(m.rule, Rule::NameShape | Rule::GivenName);
        shape
            && k.checked_sub(1)
                .is_some_and(|b| self.toks[b].lower == "the" && !modifies && !role && !lower)
    }

    /// Persons of this sentence before the pronoun.
    fn persons_here(
        &self,
        site: &Site,
        binding: bool,
        here: &Here,
        discourse: &Discourse,
    ) -> Vec<Weighed> {
        let Some(span) = self.spans.get(site.tok).copied() else {
            return Vec::new();
        };
        let bound = |start: usize| binding && self.in_clause(start, site.clause, site.tok);
        let mut res = Vec::new();
        for m in self.mentions {
            if m.kind != EntityKind::Person || m.span.end > span.start {
                continue;
            }
            if bound(m.span.start) || self.after_place_preposition(m) || self.after_article(m) {
                continue;
            }
            // The subject itself or its possessor ("Obama's doctor said he ...") is salient,
            // and so is a person a subject stands in apposition to.
            let subject = here.subjects.iter().any(|s| {
                (s.start <= m.span.start && m.span.end <= s.end) || self.in_apposition(s, m)
            });
            res.push(Weighed {
                key: m.entity.clone(),
                salience: salience(0, subject),
                arg: self.argument_for_mention(m),
                gender: self.mention_gender(m),
                subject,
                quoted: discourse.quotes.at(m.span.start).is_some(),
            });
        }
        // Earlier subjects: pronouns resolved to a person, and unlinked persons.
        for s in &here.subjects {
            if s.start >= span.start || bound(s.start) {
                continue;
            }
            if s.kind == Some(EntityKindWire::Person) && s.entity.is_some() {
                let gender = pronoun_gender(&s.text);
                res.push(Weighed {
                    key: candidate_key(s),
                    salience: salience(0, true),
                    arg: s.clone(),
                    gender,
                    subject: true,
                    quoted: false,
                });
            }
        }
        for c in &here.unlinked {
            if c.arg.start < span.start && !bound(c.arg.start) {
                res.push(Weighed {
                    key: c.key.clone(),
                    salience: salience(0, true),
                    arg: c.arg.clone(),
                    gender: c.gender,
                    subject: true,
                    quoted: false,
                });
            }
        }
        res
    }

    fn resolve_person(
        &self,
        site: &Site,
        gender: Gender,
        here: &Here,
        discourse: &Discourse,
    ) -> Option<Argument> {
        if site.quoted && here.pronoun_speakers.contains(&gender) {
            return None;
        }
        let binding = self.toks.get(site.tok)?.lower != "his";
        let mut found = self.persons_here(site, binding, here, discourse);
        // Names inside the pronoun's own clause are never its antecedent, wherever else
        // they also appear.
        let in_clause: Vec<String> = if binding {
            self.mentions
                .iter()
                .filter(|m| self.in_clause(m.span.start, site.clause, site.tok))
                .map(|m| m.entity.clone())
                .chain(
                    here.subjects
                        .iter()
                        .filter(|s| self.in_clause(s.start, site.clause, site.tok))
                        .filter_map(|s| s.entity.clone()),
                )
                .collect()
        } else {
            Vec::new()
        };
        for c in &discourse.persons {
            let distance = self.sent_idx.saturating_sub(c.sentence);
            if (1..=WINDOW).contains(&distance) {
                found.push(Weighed {
                    key: c.key.clone(),
                    salience: salience(distance, c.subject),
                    arg: c.arg.clone(),
                    gender: c.gender,
                    subject: c.subject,
                    quoted: c.quoted,
                });
            }
        }
        let ranked: Vec<Weighed> = found
            .into_iter()
            .filter(|w| !in_clause.contains(&w.key))
            .filter(|w| !(site.quoted && here.speakers.contains(&w.key)))
            .filter(
                |Weighed {
                     key,
                     arg,
                     gender: own,
                     ..
                 }| {
                    let known = match discourse.genders.get(key) {
                        Some(g) => *g,
                        None => *own,
                    };
                    let here_gender = here
                        .subjects
                        .iter()
                        .filter(|s| s.entity.as_deref() == Some(key.as_str()))
                        .find_map(|s| pronoun_gender(&s.text));
                    let article = here_gender.or(known).or(*own);
                    // Evidence of both genders in the article: the name list does not decide.
                    let mixed = discourse.genders.get(key) == Some(&None);
                    let shown =
                        article.or_else(|| (!mixed).then(|| arg_name_gender(arg)).flatten());
                    shown.is_none_or(|g| g == gender)
                },
            )
            .collect();
        let at = self.spans.get(site.tok)?.start;
        let quoted = discourse.quotes.at(at).is_some();
        let chosen = choose(&ranked, quoted, self.spans.first().map_or(0, |s| s.start))?;
        let key = candidate_key(&chosen);
        let last = ranked
            .iter()
            .filter(|w| w.key == key)
            .map(|w| w.arg.start)
            .max()
            .unwrap_or(chosen.start);
        // A "he" left unresolved after the antecedent's last mention, or before a
        // non-subject one, leaves the chain's person unknown: the pronoun more likely
        // continues it than means the person chosen.
        let subject = ranked.iter().any(|w| w.key == key && w.subject);
        let open = discourse
            .open
            .iter()
            .map(|&(_, g, a)| (g, a))
            .chain(here.open.iter().copied())
            .any(|(g, a)| g == gender && a < at && (a > last || !subject));
        let introduced = !quoted && self.indefinite_subject_between(last, at, here, discourse);
        (!open && !introduced).then_some(chosen)
    }

    /// Whether a clause subject of this sentence between byte offsets `last` and `at` is an
    /// unlinked indefinite phrase headed by a singular common noun ("an armed settler from
    /// Shiloh killed two people when he ..."): a person just introduced, whom a later "he"
    /// more likely means than anyone named before, though the noun lists no person noun.
    fn indefinite_subject_between(
        &self,
        last: usize,
        at: usize,
        here: &Here,
        discourse: &Discourse,
    ) -> bool {
        here.subjects
            .iter()
            .filter(|s| s.entity.is_none() && s.start > last && s.start < at)
            .filter(|s| discourse.quotes.at(s.start).is_none())
            .any(|s| {
                let lower = s.text.to_lowercase();
                if !(lower.starts_with("a ") || lower.starts_with("an ")) {
                    return false;
                }
                let words = self.arg_tokens(s);
                // "X is a customer who ...": a complement describes the person named before.
                let described = words
                    .start
                    .checked_sub(1)
                    .and_then(|k| self.toks.get(k))
                    .is_some_and(|t| {
                        matches!(
                            t.lower.as_str(),
                            "is" | "was" | "are" | "were" | "be" | "been" | "'s"
                        )
                    });
                if described {
                    return false;
                }
                let Some(toks) = self.toks.get(words) else {
                    return false;
                };
                let head = toks
                    .iter()
                    .take_while(|t| t.tag != "IN" && t.text != "," && t.lower != "who")
                    .last();
                head.is_some_and(|t| {
                    t.tag == "NN"
                        && !QUANTITY_HEADS.contains(&t.lower.as_str())
                        && t.mention.is_none()
                        && t.text == t.lower
                        && !super::names_org_or_place(&t.lemma)
                        && !crate::lexicon::TIME_NOUNS.contains(&t.lower.as_str())
                        && !EVENT_NOUNS.contains(&t.lemma.as_str())
                })
            })
    }

    /// Whether an organisation or place other than the entity `cand` stands between it and
    /// the "it" at byte `at` where it makes "it" unsafe: for an antecedent in the previous
    /// sentence, any named before "it" in its own sentence ("Kelvar cut jobs. Another maker,
    /// Orsted Motors, said it ..."); for a place (a country, a town), also any named after it
    /// in its own sentence or the one before ("Velmora joined the Tarsin Pact in 1999. It was
    /// founded in 1967"), which "it" may as well mean.
    fn rival_named(&self, cand: &Argument, from_prev: bool, at: usize, d: &Discourse) -> bool {
        let place = cand.kind == Some(EntityKindWire::Place);
        let other = |id: &str| cand.entity.as_deref() != Some(id);
        let here = self.mentions.iter().any(|m| {
            m.kind != EntityKind::Person
                && m.span.end <= at
                && other(&m.entity)
                && (from_prev || (place && m.span.start >= cand.start))
        });
        here || (from_prev && place && d.prev_named.iter().any(|id| other(id)))
    }

    fn resolve_it(&self, site: &Site, here: &Here, discourse: &Discourse) -> Option<Argument> {
        if site.expletive {
            return None;
        }
        let t = self.toks.get(site.tok)?;
        let span = self.spans.get(site.tok).copied()?;
        let org_or_place = |s: &&Argument| {
            matches!(
                s.kind,
                Some(EntityKindWire::Organisation | EntityKindWire::Place)
            ) && s.entity.is_some()
        };
        if t.lower == "its" {
            if let Some(s) = site.clause_subject.filter(org_or_place) {
                return Some(s.clone());
            }
        }
        // An object "it" never means a subject of its own sentence ("the union rejected the
        // offer and called it ...").
        let object = site.clause_subject.is_some();
        let earlier = here
            .subjects
            .iter()
            .rev()
            .find(|s| {
                !object
                    && s.kind != Some(EntityKindWire::Person)
                    && s.start < span.start
                    && !self.in_clause(s.start, site.clause, site.tok)
            })
            .map(|s| {
                let after = self.spans.iter().position(|sp| sp.start >= s.end);
                (s, after.unwrap_or(site.tok))
            });
        let prev = discourse
            .prev_subject
            .as_ref()
            .filter(|(i, _)| i + 1 == self.sent_idx)
            .map(|(_, a)| (a, 0usize));
        let (cand, from) = if site.first_clause || site.reporting {
            prev.or(earlier)
        } else {
            earlier.or(prev)
        }?;
        let from_prev = prev.is_some_and(|(p, _)| std::ptr::eq(p, cand));
        // A quoted "it" is the speaker's, an unquoted one the narrator's: neither means a
        // subject across the quotation's boundary.
        if discourse.quotes.at(span.start).is_some() != discourse.quotes.at(cand.start).is_some() {
            return None;
        }
        if cand.entity.is_some() && self.rival_named(cand, from_prev, span.start, discourse) {
            return None;
        }
        // An event between them is what "it" more likely means; before an object "it", so is
        // any singular noun of its own sentence ("dismissed the rise and described it as").
        let between = (from..site.tok).any(|k| {
            let t = &self.toks[k];
            (t.tag.starts_with("NN") && EVENT_NOUNS.contains(&t.lemma.as_str()))
                || (object && t.tag == "NN" && t.mention.is_none())
        });
        // A thing that is the subject of a clause between them ("GM warned that the amount
        // could rise before it is reported"), or of a later clause of the previous sentence,
        // may as well be what "it" means, unless "it" reports.
        // A speaker is not such a thing: "..., it said" keeps the organisation.
        let reports = site.reporting && !site.clause.verb.passive;
        let thing = !reports
            && (here.things.iter().any(|&k| k >= from && k < site.tok)
                || (from_prev && discourse.prev_thing));
        if between || thing || (from_prev && discourse.prev_event) {
            return None;
        }
        // "British soldiers" stands for a state, but "it" is never a plural.
        let plural = cand.text.split_whitespace().last().is_some_and(|w| {
            w.ends_with('s') && super::GOVERNMENT_HEADS.contains(&w.to_lowercase().as_str())
        });
        if plural {
            return None;
        }
        if cand.kind == Some(EntityKindWire::Person) || self.names_a_person(cand) {
            return None;
        }
        if cand.entity.is_some() && !org_or_place(&cand) {
            return None;
        }
        // "It is the first statement on ...": not the organisation or place before.
        if cand.entity.is_some() && self.complement_names_a_thing(site) {
            return None;
        }
        // "car ... it", "2006 ... it": a bare lower-case noun or a number says which kind of
        // thing, not which thing (the subject it came from was cut); the pronoun stays
        // unresolved rather than stand for any car.
        let bare = !cand.text.contains(' ')
            && cand
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if cand.entity.is_none() && (bare || counted_or_plural(cand)) {
            return None;
        }
        Some(cand.clone())
    }

    /// Whether person mention `m` stands in apposition right after the subject `s` that it
    /// linked ("A former officer, Ada Lind, said"), a subject that is no apposition itself
    /// ("Ada Lind, daughter of the late mayor, Osric Lind, said" is about Ada).
    fn in_apposition(&self, s: &Argument, m: &Mention) -> bool {
        let opens = self
            .text
            .get(..s.start)
            .is_some_and(|before| !before.trim_end().ends_with(','));
        s.kind == Some(EntityKindWire::Person)
            && s.entity.as_deref() == Some(m.entity.as_str())
            && !is_pronoun(&s.text)
            && opens
            && self
                .text
                .get(s.end..m.span.start)
                .is_some_and(|between| between.trim() == ",")
    }

    /// Token indices of the words of `arg`.
    fn arg_tokens(&self, arg: &Argument) -> std::ops::Range<usize> {
        let first = self
            .spans
            .iter()
            .position(|s| s.start >= arg.start)
            .unwrap_or(self.spans.len());
        let end = self.spans.iter().position(|s| s.start >= arg.end);
        first..end.unwrap_or(self.spans.len()).max(first)
    }

    /// Token indices where the clause subjects of `found` open whose head is a singular
    /// common noun for a thing ("the amount", "white phosphorus"): no name, person, time or
    /// event noun (events block an "it" on their own), nor a source that reports ("the
    /// report states").
    pub(super) fn thing_subjects(&self, found: &[Clause]) -> Vec<usize> {
        found
            .iter()
            .filter(|c| c.verb.passive || !crate::lexicon::is_reporting(&c.verb.lemma))
            .filter_map(|c| c.subject.as_ref())
            .filter(|p| {
                self.toks.get(p.head).is_some_and(|t| {
                    t.tag == "NN"
                        && t.mention.is_none()
                        && t.text == t.lower
                        && !is_person_noun(&t.lower)
                        && !super::names_org_or_place(&t.lemma)
                        && !crate::lexicon::TIME_NOUNS.contains(&t.lower.as_str())
                        && !EVENT_NOUNS.contains(&t.lemma.as_str())
                }) && !(p.start..p.end)
                    .any(|k| self.toks.get(k).is_some_and(|t| t.mention.is_some()))
            })
            .map(|p| p.start)
            .collect()
    }

    /// Whether an argument with no person entity still names a person, which an "it" never
    /// means: it ends in a person's name ("Acme chief Ada Lind") or holds a noun or title for
    /// a person ("the airline's president", "Chairman Lind").
    fn names_a_person(&self, arg: &Argument) -> bool {
        let words = self.arg_tokens(arg);
        // A person's name that ends the words is who they are; a possessive one is not
        // ("Zelenskyy's office").
        let person_mention = self.mentions.iter().any(|m| {
            m.kind == EntityKind::Person && arg.start <= m.span.start && m.span.end == arg.end
        });
        person_mention
            || self.toks.get(words).is_some_and(|ts| {
                ts.iter().any(|t| {
                    (t.tag.starts_with("NN") || t.tag == "JJ")
                        && (is_person_noun(&t.lower) || is_plain_title(&t.lower))
                        && t.mention.is_none()
                })
            })
    }

    /// Whether the pronoun at `site` is the subject of a copula whose complement is a common
    /// noun for a thing no organisation or place is ("It is the first firm statement on
    /// ..."): the complement says what "it" is, and that is not the subject before.
    fn complement_names_a_thing(&self, site: &Site) -> bool {
        let c = site.clause;
        let Some(object) = c.object.as_ref().filter(|o| o.prep.is_none()) else {
            return false;
        };
        let subject = c.subject.as_ref().is_some_and(|p| p.start == site.tok);
        let Some(head) = self.toks.get(object.phrase.head) else {
            return false;
        };
        let common =
            matches!(head.tag, "NN" | "NNS") && head.mention.is_none() && head.text == head.lower;
        c.verb.copula && subject && common && !super::names_org_or_place(&head.lemma)
    }

    /// Persons named by capitalised words the tagger left untagged, right before a relative
    /// "who" or "whose" ("Okonjo, who ...", "Okonjo whose career ..."): a later "he" or "she"
    /// may mean them, so they stand among the candidates, and one that wins keeps its words
    /// and no entity.
    pub(super) fn relative_named_persons(&self) -> Vec<Candidate> {
        let mut res = Vec::new();
        for (k, t) in self.toks.iter().enumerate() {
            if !matches!(t.lower.as_str(), "who" | "whose") {
                continue;
            }
            let mut end = k;
            if end > 0 && self.toks[end - 1].text == "," {
                end -= 1;
            }
            let name_word = |w: &super::Tok| {
                w.mention.is_none()
                    && w.text.chars().skip(1).all(char::is_lowercase)
                    && crate::tagger::name_shaped(&w.text)
            };
            let mut start = end;
            while start > 0 && end - start < 3 && name_word(&self.toks[start - 1]) {
                start -= 1;
            }
            // The run must open the phrase: nothing capitalised or tagged right before it.
            let opens = start == 0
                || self.toks.get(start - 1).is_some_and(|w| {
                    w.mention.is_none()
                        && !w.tag.starts_with("NNP")
                        && !w.text.chars().next().is_some_and(char::is_uppercase)
                });
            if start == end || !opens {
                continue;
            }
            let (Some(a), Some(b)) = (self.spans.get(start), self.spans.get(end - 1)) else {
                continue;
            };
            let span = crate::text::Span::new(a.start, b.end);
            let arg = Argument::text(span.of(self.text).to_string(), span);
            res.push(Candidate {
                key: candidate_key(&arg),
                arg,
                sentence: self.sent_idx,
                subject: true,
                gender: None,
                quoted: false,
            });
        }
        res
    }

    /// A clause subject the tagger could not link that names a person: capitalised words
    /// only ("Marek", "Ada Lind"), or a phrase headed by a noun for a person or an animal.
    pub(super) fn unlinked_person(&self, p: &Phrase, arg: &Argument) -> Option<Candidate> {
        if arg.entity.is_some() || is_pronoun(&arg.text) {
            return None;
        }
        let head = self.toks.get(p.head)?;
        // The tagger reads some role nouns as adjectives ("official").
        let noun = (head.tag.starts_with("NN") || head.tag == "JJ") && is_person_noun(&head.lower);
        let words = self.toks.get(p.start..p.end)?;
        let name = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                // "al-Amri": a joined Arabic article before the capitalised name.
                let bare = match w.text.split_once('-') {
                    Some(("al" | "el", rest)) => rest,
                    _ => w.text.as_str(),
                };
                (w.tag == "NNP" || bare != w.text)
                    && w.mention.is_none()
                    && bare.chars().next().is_some_and(char::is_uppercase)
                    && bare.chars().any(char::is_lowercase)
            });
        if !noun && !name {
            return None;
        }
        // "Lena Vashti, formerly the mayor, said": the role is the named person's.
        let apposition = (p.start.saturating_sub(3)..p.start)
            .rev()
            .find(|&k| self.toks[k].text == ",")
            .is_some_and(|k| {
                k > 0
                    && self.toks[k - 1].mention.is_some_and(|m| {
                        self.mentions
                            .get(m)
                            .is_some_and(|m| m.kind == EntityKind::Person)
                    })
            });
        if apposition {
            return None;
        }
        Some(Candidate {
            key: candidate_key(arg),
            arg: arg.clone(),
            sentence: self.sent_idx,
            subject: true,
            gender: if noun { noun_gender(&head.lower) } else { None },
            quoted: false,
        })
    }

    /// Whether a clause is impersonal, its "it" standing for a clause that follows: "it is
    /// unclear whether ...", "it seems that ...".
    pub(super) fn is_expletive(&self, c: &Clause) -> bool {
        let clause_follows = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "that"
                        | "to"
                        | "whether"
                        | "if"
                        | "what"
                        | "why"
                        | "how"
                        | "when"
                        | "as"
                        | "like"
                )
            })
        };
        let adjective = c.verb.copula
            && c.object.as_ref().is_some_and(|o| {
                o.prep.is_none()
                    && self
                        .toks
                        .get(o.phrase.head)
                        .is_some_and(|t| t.tag.starts_with("JJ"))
                    && clause_follows(o.phrase.end)
            });
        let raising = matches!(
            self.toks.get(c.verb.main).map(|t| t.lemma.as_str()),
            Some("seem" | "appear" | "happen")
        ) && clause_follows(c.verb.end);
        adjective || raising
    }

    /// Carries what this sentence shows into the discourse for the next ones.
    pub(super) fn remember(
        &self,
        found: &[Clause],
        subjects: &[Option<Argument>],
        here: Here,
        new_claims: &[Claim],
        discourse: &mut Discourse,
    ) {
        // A subject phrase linked to a person through its apposition ("A former officer,
        // Ada Lind, said") makes that person's mentions subjects too.
        let linked_subject =
            |m: &Mention| subjects.iter().flatten().any(|s| self.in_apposition(s, m));
        let head_subject = |m: &Mention| {
            linked_subject(m)
                || found.iter().filter_map(|c| c.subject.as_ref()).any(|p| {
                    let heads: Vec<usize> = if p.conjuncts.len() > 1 {
                        p.conjuncts
                            .iter()
                            .map(|&(a, b)| b.saturating_sub(1).max(a))
                            .collect()
                    } else {
                        vec![p.head]
                    };
                    heads.iter().any(|&h| {
                        self.spans
                            .get(h)
                            .is_some_and(|s| m.span.start <= s.start && s.end <= m.span.end)
                    })
                })
        };
        let mut persons: Vec<Candidate> = Vec::new();
        for m in self
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
        {
            if self.after_place_preposition(m) || self.after_article(m) {
                continue;
            }
            let gender = self.mention_gender(m);
            note_gender(discourse, &m.entity, gender);
            persons.push(Candidate {
                arg: self.argument_for_mention(m),
                key: m.entity.clone(),
                sentence: self.sent_idx,
                subject: head_subject(m),
                gender,
                quoted: discourse.quotes.at(m.span.start).is_some(),
            });
        }
        // Pronouns resolved to a person keep the person in reach and show its gender.
        let resolved = subjects
            .iter()
            .flatten()
            .map(|s| (s, true))
            .chain(new_claims.iter().map(|c| (&c.object, false)));
        for (arg, subject) in resolved {
            let Some(g) = pronoun_gender(&arg.text) else {
                continue;
            };
            if arg.kind != Some(EntityKindWire::Person) {
                continue;
            }
            let Some(id) = &arg.entity else { continue };
            // A pronoun resolved against the gender the person's own name shows was resolved
            // wrongly: it is no evidence, nor does it keep the person in reach.
            if arg_name_gender(arg).is_some_and(|n| n != g) {
                continue;
            }
            note_gender(discourse, id, Some(g));
            persons.push(Candidate {
                arg: arg.clone(),
                key: id.clone(),
                sentence: self.sent_idx,
                subject,
                gender: Some(g),
                quoted: false,
            });
        }
        for c in here.unlinked {
            note_gender(discourse, &c.key, c.gender);
            persons.push(c);
        }
        let now = self.sent_idx;
        discourse
            .persons
            .retain(|c| c.sentence + WINDOW > now && c.sentence <= now);
        discourse.persons.extend(persons);
        // The first clause's subject is what a sentence-initial "it" in the next sentence means.
        let first = subjects.iter().flatten().find(|s| {
            s.kind != Some(EntityKindWire::Person)
                && !self.names_a_person(s)
                && (!is_pronoun(&s.text) || s.entity.is_some())
        });
        discourse.prev_subject = first.map(|s| (now, s.clone()));
        discourse.prev_named = first.map_or_else(Vec::new, |f| {
            self.mentions
                .iter()
                .filter(|m| m.kind != EntityKind::Person && m.span.start >= f.start)
                .filter(|m| f.entity.as_deref() != Some(m.entity.as_str()))
                .map(|m| m.entity.clone())
                .collect()
        });
        discourse
            .open
            .retain(|&(i, _, _)| i + WINDOW > now && i <= now);
        discourse
            .open
            .extend(here.open.iter().map(|&(g, at)| (now, g, at)));
        discourse
            .subjects
            .retain(|(i, _)| i + super::description::WINDOW > now && *i <= now);
        discourse.subjects.extend(
            subjects
                .iter()
                .flatten()
                .filter(|s| s.kind != Some(EntityKindWire::Person) && !self.names_a_person(s))
                .map(|s| (now, s.clone())),
        );
        discourse.prev_thing = first.is_some_and(|f| {
            self.thing_subjects(found)
                .iter()
                .any(|&k| self.spans.get(k).is_some_and(|sp| sp.start >= f.end))
        });
        discourse.prev_event = self.toks.iter().zip(&self.spans).any(|(t, sp)| {
            t.tag.starts_with("NN")
                && EVENT_NOUNS.contains(&t.lemma.as_str())
                && !first.is_some_and(|f| f.start <= sp.start && sp.end <= f.end)
        });
    }
}

/// Whether words "it" might stand for are counted or plural ("seven businesses", "35,000
/// people", "The three", "the 2499 watch"): "it" is one thing, and a phrase whose words carry
/// an amount or a date is read as that amount, not as a thing.
fn counted_or_plural(arg: &Argument) -> bool {
    let last = arg.text.split_whitespace().last().unwrap_or("");
    let plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && last.chars().all(char::is_lowercase);
    arg.quantity.is_some() || arg.date.is_some() || plural || last == "people"
}

/// Records gender evidence for a key; evidence of both genders leaves it unknown for good.
fn note_gender(discourse: &mut Discourse, key: &str, gender: Option<Gender>) {
    let Some(g) = gender else { return };
    discourse
        .genders
        .entry(key.to_string())
        .and_modify(|seen| {
            if *seen != Some(g) {
                *seen = None;
            }
        })
        .or_insert(Some(g));
}

#[cfg(test)]
mod tests {
    use super::super::{extract, ExtractOptions};
    use crate::article::Article;
    use crate::claim::{Claim, Extractor};
    use crate::gazetteer::EntityKind;
    use crate::pos::PosModel;
    use crate::tagger::{Mention, Rule};
    use crate::text::Span;

    /// Claims of `text`, with the names tagged by hand: (words, entity id, kind), longest
    /// first; a shorter name inside a longer one's match is not tagged again.
    fn claims_of(text: &str, names: &[(&str, &str, EntityKind)]) -> Vec<Claim> {
        let article = Article {
            id: "t".into(),
            title: None,
            date: None,
            url: None,
            source: None,
            origin: "test".into(),
            text: text.into(),
        };
        let sentences = crate::text::sentences(text);
        let mut mentions: Vec<Mention> = Vec::new();
        for (words, id, kind) in names {
            for (start, _) in text.match_indices(words) {
                let span = Span::new(start, start + words.len());
                if mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let sentence = sentences
                    .iter()
                    .position(|s| s.span.start <= start && start < s.span.end)
                    .unwrap();
                mentions.push(Mention {
                    span,
                    sentence,
                    text: words.to_string(),
                    entity: id.to_string(),
                    name: words.to_string(),
                    kind: *kind,
                    rule: Rule::GazetteerName,
                    confidence: 1.0,
                    alternatives: Vec::new(),
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        let options = ExtractOptions {
            extractor: Extractor::Grammar,
            ..ExtractOptions::default()
        };
        extract(
            &article,
            &sentences,
            &mentions,
            PosModel::builtin(),
            &options,
        )
    }

    /// The entity the pronoun `word` starting at byte `at` became, in any claim; panics when
    /// no claim has it as subject or object.
    fn resolved(claims: &[Claim], text: &str, word: &str, nth: usize) -> Option<String> {
        let at = text.match_indices(word).nth(nth).unwrap().0;
        let arg = claims
            .iter()
            .flat_map(|c| [&c.subject, &c.object])
            .find(|a| a.start == at && a.text == word)
            .unwrap_or_else(|| panic!("no claim has {word:?} at {at}: {claims:#?}"));
        arg.entity.clone()
    }

    const P: EntityKind = EntityKind::Person;

    /// [`resolved`] for the `nth` occurrence of `word` as a whole word ("he", not "the").
    fn resolved_word(claims: &[Claim], text: &str, word: &str, nth: usize) -> Option<String> {
        let alpha = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        let at = text
            .match_indices(word)
            .map(|(k, _)| k)
            .filter(|&k| {
                !alpha(text[..k].chars().next_back())
                    && !alpha(text[k + word.len()..].chars().next())
            })
            .nth(nth)
            .unwrap();
        let arg = claims
            .iter()
            .flat_map(|c| [&c.subject, &c.object])
            .find(|a| a.start == at && a.text == word)
            .unwrap_or_else(|| panic!("no claim has {word:?} at {at}: {claims:#?}"));
        arg.entity.clone()
    }

    /// The words an unresolved-to-entity pronoun refers to, in any claim.
    fn refers(claims: &[Claim], text: &str, word: &str, nth: usize) -> Option<String> {
        let at = text.match_indices(word).nth(nth).unwrap().0;
        claims
            .iter()
            .flat_map(|c| [&c.subject, &c.object])
            .find(|a| a.start == at && a.text == word)
            .and_then(|a| a.refers_to.clone())
    }

    #[test]
    fn a_person_named_in_apposition_to_the_subject_is_as_salient_as_a_subject() {
        let text = "A retired auditor, Osric Dunmore, testified that Edwin Tarrant should resign. \
                    He praised the harbour plan.";
        let names = [
            ("Osric Dunmore", "person:osric-dunmore", P),
            ("Edwin Tarrant", "person:edwin-tarrant", P),
        ];
        let claims = claims_of(text, &names);
        // Two subjects of one sentence: "He" no longer goes to the one inside the report.
        assert_ne!(
            resolved(&claims, text, "He", 0).as_deref(),
            Some("person:edwin-tarrant")
        );
    }

    #[test]
    fn he_does_not_skip_an_untagged_name_before_who() {
        let text = "Edwin Tarrant praised the harbour on Monday. \
                    Okonkwo, whose career began in 1990, was a judge. He retired in 2001.";
        let names = [("Edwin Tarrant", "person:edwin-tarrant", P)];
        let claims = claims_of(text, &names);
        assert_eq!(resolved(&claims, text, "He", 0), None);
        assert_eq!(refers(&claims, text, "He", 0).as_deref(), Some("Okonkwo"));
    }

    #[test]
    fn it_never_means_a_subject_that_names_a_person() {
        let text = "In a statement, Corvel chief Edwin Tarrant said: \u{201c}Corvel Industries \
                    has grown fast. It made large profits.\u{201d}";
        let names = [("Corvel Industries", "org:corvel", EntityKind::Organisation)];
        let claims = claims_of(text, &names);
        assert!(refers(&claims, text, "It", 0).is_none_or(|w| !w.contains("Tarrant")));
        let text = "The airline's president Edwin Tarrant resigned. It made large profits.";
        let claims = claims_of(text, &[]);
        assert!(refers(&claims, text, "It", 0).is_none());
        assert_eq!(resolved(&claims, text, "It", 0), None);
    }

    #[test]
    fn it_is_not_the_previous_subject_when_its_complement_names_another_thing() {
        let place = ("Velmora", "place:velmora", EntityKind::Place);
        let text = "Velmora announced a date for the withdrawal. \
                    It is the first firm statement on the matter.";
        let claims = claims_of(text, &[place]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
        // A noun an organisation or place may be keeps the reading.
        let text = "Velmora announced a date for the withdrawal. It is a member of the league.";
        let claims = claims_of(text, &[place]);
        assert_eq!(
            resolved(&claims, text, "It", 0).as_deref(),
            Some("place:velmora")
        );
    }

    #[test]
    fn he_and_she_mean_only_persons() {
        let text = "Wrenford Mills cut 200 jobs in Tarrow on Monday. He closed the plant in May.";
        let claims = claims_of(
            text,
            &[
                (
                    "Wrenford Mills",
                    "org:wrenford-mills",
                    EntityKind::Organisation,
                ),
                ("Tarrow", "place:tarrow", EntityKind::Place),
            ],
        );
        assert_eq!(resolved(&claims, text, "He", 0), None);
    }

    #[test]
    fn a_title_shows_the_gender() {
        let text = "Mr Osric Dunmore met Lena Vashti on Tuesday. She praised the new harbour plan.";
        let names = [
            ("Osric Dunmore", "person:osric-dunmore", P),
            ("Lena Vashti", "person:lena-vashti", P),
        ];
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "She", 0).as_deref(),
            Some("person:lena-vashti")
        );
        // Without the title, the subject is the more salient.
        let text = text.replace("Mr ", "");
        let claims = claims_of(&text, &names);
        assert_eq!(
            resolved(&claims, &text, "She", 0).as_deref(),
            Some("person:osric-dunmore")
        );
    }

    #[test]
    fn an_unlinked_name_as_subject_keeps_the_pronoun_unresolved() {
        let text =
            "Osric Dunmore met Halvard Peep on Tuesday. Peep is a former mayor of the town. \
                    He is considered a rival.";
        let claims = claims_of(text, &[("Osric Dunmore", "person:osric-dunmore", P)]);
        assert_eq!(resolved(&claims, text, "He", 0), None);
        let text = "Lena Vashti ran the inquiry. The victim told officers she had booked a cab.";
        let claims = claims_of(text, &[("Lena Vashti", "person:lena-vashti", P)]);
        assert_eq!(resolved(&claims, text, "she", 0), None);
    }

    #[test]
    fn a_person_named_only_in_a_quotation_is_no_antecedent_outside_it() {
        let names = [
            ("Peter Dunmore", "person:peter-dunmore", P),
            ("Edwin Tarrant", "person:edwin-tarrant", P),
            ("Dunmore", "person:peter-dunmore", P),
        ];
        // A quoted subject after the antecedent makes a later "He" ambiguous.
        let text = "Peter Dunmore spoke at the harbour on Monday. \u{201c}Edwin Tarrant failed \
                    the town.\u{201d} He left the hall at noon.";
        let claims = claims_of(text, &names);
        assert_eq!(resolved(&claims, text, "He", 0), None);
        // An object after the subject does not: the subject is the antecedent.
        let text = "Peter Dunmore met Edwin Tarrant on Monday. He signed the lease at noon.";
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "He", 0).as_deref(),
            Some("person:peter-dunmore")
        );
    }

    #[test]
    fn two_equally_salient_persons_leave_it_unresolved() {
        let text =
            "Osric Dunmore and Lena Vashti opened the bridge on Tuesday. She thanked the builders.";
        let names = [
            ("Osric Dunmore", "person:osric-dunmore", P),
            ("Lena Vashti", "person:lena-vashti", P),
        ];
        let claims = claims_of(text, &names);
        assert_eq!(resolved(&claims, text, "She", 0), None);
        // The title tells them apart.
        let text = text.replace("Osric", "Mr Osric");
        let claims = claims_of(&text, &names);
        assert_eq!(
            resolved(&claims, &text, "She", 0).as_deref(),
            Some("person:lena-vashti")
        );
    }

    #[test]
    fn the_given_name_shows_the_gender_when_the_article_does_not() {
        let text =
            "Edwin Tarrant and Greta Holloway opened the bridge on Tuesday. She thanked the builders.";
        let names = [
            ("Edwin Tarrant", "person:edwin-tarrant", P),
            ("Greta Holloway", "person:greta-holloway", P),
        ];
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "She", 0).as_deref(),
            Some("person:greta-holloway")
        );
        // A name common to both genders shows nothing: the tie stays.
        let text = text.replace("Edwin", "Jordan");
        let names = [
            ("Jordan Tarrant", "person:jordan-tarrant", P),
            ("Greta Holloway", "person:greta-holloway", P),
        ];
        let claims = claims_of(&text, &names);
        assert_eq!(resolved(&claims, &text, "She", 0), None);
    }

    #[test]
    fn the_article_overrules_the_given_name() {
        // The title says man, whatever the name list says of "Carol".
        let text = "Mr Carol Tarrant met Greta Holloway on Tuesday. He praised the harbour plan.";
        let names = [
            ("Carol Tarrant", "person:carol-tarrant", P),
            ("Greta Holloway", "person:greta-holloway", P),
        ];
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "He", 0).as_deref(),
            Some("person:carol-tarrant")
        );
        // Without the title the list decides, and no man is left for "He".
        let text = text.replace("Mr ", "");
        let claims = claims_of(&text, &names);
        assert_eq!(resolved(&claims, &text, "He", 0), None);
    }

    #[test]
    fn name_gender_reads_the_first_name_of_a_full_name() {
        use super::{name_gender, Gender};
        assert_eq!(name_gender("Margaret Hale"), Some(Gender::Female));
        assert_eq!(name_gender("Dr. Edwin Hale"), Some(Gender::Male));
        assert_eq!(name_gender("Margaret"), None);
        assert_eq!(name_gender("M. Hale"), None);
        assert_eq!(name_gender("Jordan Hale"), None);
        // Surname first: the first word is no given name.
        assert_eq!(name_gender("Carol Jae-in"), None);
        assert_eq!(name_gender("the victim"), None);
        // A double given name; a Slavic surname's ending where the list has no given name.
        assert_eq!(name_gender("Marie-Claire Hale"), Some(Gender::Female));
        assert_eq!(name_gender("Jean-Marie Hale"), None);
        assert_eq!(name_gender("Oksar Velnitskaya"), Some(Gender::Female));
        assert_eq!(name_gender("Oksar Velnikova"), None);
        assert_eq!(name_gender("Oksar Velnikov"), Some(Gender::Male));
        assert_eq!(name_gender("Oksar Velnik"), None);
    }

    #[test]
    fn an_antecedent_too_far_back_is_not_taken() {
        let text = "Osric Dunmore resigned on Monday. The council met later. The vote was close. \
                    The budget passed. He thanked the staff.";
        let claims = claims_of(text, &[("Osric Dunmore", "person:osric-dunmore", P)]);
        assert_eq!(resolved(&claims, text, "He", 0), None);
        let near = "Osric Dunmore resigned on Monday. He thanked the staff.";
        let claims = claims_of(near, &[("Osric Dunmore", "person:osric-dunmore", P)]);
        assert_eq!(
            resolved(&claims, near, "He", 0).as_deref(),
            Some("person:osric-dunmore")
        );
    }

    #[test]
    fn a_pronoun_is_not_a_person_of_its_own_clause_nor_the_quotes_speaker() {
        let text = "Ilse Marrow arrived at the depot at noon. Dana Quist thanked her on Monday.";
        let names = [
            ("Ilse Marrow", "person:ilse-marrow", P),
            ("Dana Quist", "person:dana-quist", P),
        ];
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "her", 0).as_deref(),
            Some("person:ilse-marrow")
        );
        let text =
            "Ilse Marrow ran the depot. \u{201c}I followed her because she owed money,\u{201d} \
                    Dana Quist told the court.";
        let claims = claims_of(text, &names);
        assert_ne!(
            resolved(&claims, text, "she", 0).as_deref(),
            Some("person:dana-quist")
        );
    }

    #[test]
    fn a_quoted_pronoun_is_not_the_pronoun_that_reports_the_quote() {
        let names = [("Osric Dunmore", "person:osric-dunmore", P)];
        let text =
            "Osric Dunmore visited the harbour. \u{201c}He wanted a parade,\u{201d} he said.";
        let claims = claims_of(text, &names);
        assert_eq!(resolved(&claims, text, "He", 0), None);
        // A quoted "she" beside a reporting "he" may still be resolved.
        let names = [("Lena Vashti", "person:lena-vashti", P)];
        let text = "Lena Vashti visited the harbour. \u{201c}She wanted a parade,\u{201d} he said.";
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved(&claims, text, "She", 0).as_deref(),
            Some("person:lena-vashti")
        );
    }

    #[test]
    fn it_is_not_resolved_across_a_thing_that_is_a_subject_between() {
        let corvel = ("Corvel Industries", "org:corvel", EntityKind::Organisation);
        let text =
            "Corvel Industries warned that the figure could rise before it is reported to the board.";
        let claims = claims_of(text, &[corvel]);
        assert_eq!(resolved(&claims, text, "it", 0), None);
        let text = "Corvel Industries warned that it could report a loss.";
        let claims = claims_of(text, &[corvel]);
        assert_eq!(
            resolved(&claims, text, "it", 0).as_deref(),
            Some("org:corvel")
        );
        // A thing that is the subject of a later clause of the sentence before.
        let text = "Corvel Industries denied the claim, but its chemist said the powder was used. \
                    It was not used near homes.";
        let claims = claims_of(text, &[corvel]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
        // Things do not report: a reporting "it" keeps the organisation.
        let text = "Corvel Industries denied the claim, but its chemist said the powder was used. \
                    \u{201c}We will appeal the ruling,\u{201d} it said.";
        let claims = claims_of(text, &[corvel]);
        let by = claims.iter().find_map(|c| c.attribution.as_ref());
        assert_eq!(
            by.and_then(|a| a.entity.as_deref()),
            Some("org:corvel"),
            "{claims:#?}"
        );
    }

    #[test]
    fn it_never_stands_for_counted_or_plural_words() {
        let text = "Seven warehouses burned down on Monday. It took dozens of firefighters.";
        let claims = claims_of(text, &[]);
        assert_eq!(refers(&claims, text, "It", 0), None);
        let text = "The old warehouse burned down on Monday. It had stood empty for years.";
        let claims = claims_of(text, &[]);
        assert_eq!(
            refers(&claims, text, "It", 0).as_deref(),
            Some("The old warehouse")
        );
    }

    #[test]
    fn it_means_the_previous_subject_unless_an_event_intervenes() {
        let corvel = ("Corvel Industries", "org:corvel", EntityKind::Organisation);
        let text = "Corvel Industries cut 300 jobs on Monday. It blamed weak demand.";
        let claims = claims_of(text, &[corvel]);
        assert_eq!(
            resolved(&claims, text, "It", 0).as_deref(),
            Some("org:corvel")
        );
        let text = "Velmora suffered a bombing on Sunday. It killed twelve people.";
        let claims = claims_of(text, &[("Velmora", "place:velmora", EntityKind::Place)]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
        let text = "Osric Dunmore resigned on Monday. It surprised the council.";
        let claims = claims_of(text, &[("Osric Dunmore", "person:osric-dunmore", P)]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
    }

    #[test]
    fn it_is_not_resolved_across_another_organisation_or_place() {
        let kelvar = ("Kelvar Motors", "org:kelvar", EntityKind::Organisation);
        let orsted = ("Orsted Motors", "org:orsted", EntityKind::Organisation);
        // The previous sentence's subject, with another body named before "it".
        let text = "Kelvar Motors will close two plants. Another maker, Orsted Motors, said \
                    that it needs new loans.";
        let claims = claims_of(text, &[kelvar, orsted]);
        assert_ne!(
            resolved_word(&claims, text, "it", 0).as_deref(),
            Some("org:kelvar")
        );
        let text = "Kelvar Motors will close two plants. It needs new loans.";
        let claims = claims_of(text, &[kelvar]);
        assert_eq!(
            resolved(&claims, text, "It", 0).as_deref(),
            Some("org:kelvar")
        );
        // A place, with a body named after it in the sentence before.
        let velmora = ("Velmora", "place:velmora", EntityKind::Place);
        let pact = ("Tarsin Pact", "org:tarsin-pact", EntityKind::Organisation);
        let text = "Velmora joined the Tarsin Pact in 1999. It was founded by five states.";
        let claims = claims_of(text, &[velmora, pact]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
        let text = "Velmora reopened its border in May. It will build a new port in June.";
        let claims = claims_of(text, &[velmora]);
        assert_eq!(
            resolved(&claims, text, "It", 0).as_deref(),
            Some("place:velmora")
        );
        // A place's subject phrase that names a body of its own ("Velmora's port authority").
        let port = ("Port Authority", "org:port", EntityKind::Organisation);
        let text = "Velmora's Port Authority said on Monday that it would raise fees.";
        let claims = claims_of(text, &[port, velmora]);
        assert_ne!(
            resolved_word(&claims, text, "it", 0).as_deref(),
            Some("place:velmora")
        );
    }

    #[test]
    fn a_quoted_it_is_not_the_narrators_subject() {
        let kelvar = ("Kelvar Motors", "org:kelvar", EntityKind::Organisation);
        let text = "Kelvar Motors closed its plant in Dunmore. \u{201c}It was a hard day for \
                    the town,\u{201d} a worker said.";
        let claims = claims_of(text, &[kelvar]);
        assert_eq!(resolved(&claims, text, "It", 0), None);
    }

    #[test]
    fn he_continues_an_unresolved_he_rather_than_a_person_named_in_passing() {
        let names = [("Osric Dunmore", "person:osric-dunmore", P)];
        // "He" in the first two sentences has no antecedent the article names; the third
        // names Dunmore only inside a phrase.
        let text = "He studied law in Harlow. In 1980 he was elected to the council. \
                    After the death of Osric Dunmore, he became its chair.";
        let claims = claims_of(text, &names);
        assert_eq!(resolved_word(&claims, text, "he", 1), None);
        let text = "Osric Dunmore studied law in Harlow. In 1980 he was elected to the council.";
        let claims = claims_of(text, &names);
        assert_eq!(
            resolved_word(&claims, text, "he", 0).as_deref(),
            Some("person:osric-dunmore")
        );
    }

    #[test]
    fn he_does_not_skip_a_person_just_introduced_by_an_indefinite_subject() {
        let names = [("Osric Dunmore", "person:osric-dunmore", P)];
        let text = "Osric Dunmore visited the settlement on Monday. Later, an armed settler \
                    wounded two guards when he opened fire near the gate.";
        let claims = claims_of(text, &names);
        assert_ne!(
            resolved_word(&claims, text, "he", 0).as_deref(),
            Some("person:osric-dunmore")
        );
    }
}
