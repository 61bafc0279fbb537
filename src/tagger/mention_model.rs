//! A learned second opinion on names that no list settles: an averaged-perceptron mention
//! classifier that reads a capitalised name's context and says person, place, organisation or
//! no entity at all.
//!
//! The cues type a name in no list by its shape when nothing else speaks ("Vardo Keralt"
//! capitalised, not English words: a person). Shape cannot tell "Tarvo Holm Island" from a
//! person, so after every rule has run the tagger asks this model about the mentions that only
//! the name's shape or a given name typed ([`Rule::NameShape`], [`Rule::GivenName`]). Where the
//! model prefers another reading by at least [`MIN_MARGIN`], its reading replaces the guess
//! ([`Rule::MentionModel`], the person reading kept as the alternative), or, when it reads no
//! entity, the mention is dropped; both decisions are noted with their margin for
//! `tag --explain`.
//!
//! Features (`features`) are hashed (`learn::FeatureHash`): the words of the name
//! (lower-cased), their suffixes and shapes, the words one and two to each side, the words
//! within three, the head words and titles around it, whether the first word is a given name,
//! and whether the name or its last word recurs in the article. The model is trained by
//! `claimgraph train-mentions` (`train.rs`) on Wikinews articles that the tagger itself
//! labels where it is sure, and shipped as `models/mentions-wikinews.bin` (CC BY 2.5, see
//! `models/README.md`), embedded and decoded on first use.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::{cues, round2, slug, Dropped, Mention, Rule};
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::learn::{self, put_str, put_varint, FeatureHash, FormatError, Reader, Weights};
use crate::text::Sentence;

mod train;

pub use train::{
    train_mention_model, Example, MentionTrainConfig, MentionTrainReport, ThresholdRow,
    TrainArticle,
};

/// What the model says a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MentionLabel {
    Person = 0,
    Place = 1,
    Organisation = 2,
    /// Not a person, place or organisation ("Cold War", "Internet").
    None = 3,
}

impl MentionLabel {
    pub const ALL: [MentionLabel; 4] = [
        MentionLabel::Person,
        MentionLabel::Place,
        MentionLabel::Organisation,
        MentionLabel::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MentionLabel::Person => "PER",
            MentionLabel::Place => "LOC",
            MentionLabel::Organisation => "ORG",
            MentionLabel::None => "O",
        }
    }

    fn from_index(i: usize) -> Option<MentionLabel> {
        MentionLabel::ALL.get(i).copied()
    }

    /// The label of an entity kind.
    pub fn of_kind(kind: EntityKind) -> MentionLabel {
        match kind {
            EntityKind::Person => MentionLabel::Person,
            EntityKind::Place => MentionLabel::Place,
            EntityKind::Organisation => MentionLabel::Organisation,
        }
    }

    /// The entity kind of a label (none for [`MentionLabel::None`]).
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            MentionLabel::Person => Some(EntityKind::Person),
            MentionLabel::Place => Some(EntityKind::Place),
            MentionLabel::Organisation => Some(EntityKind::Organisation),
            MentionLabel::None => None,
        }
    }
}

/// The margin (best score minus the runner-up, in the model's quantised units) at which the
/// model's reading replaces the name-shape guess. Chosen on the held-out tenth of the training
/// articles and the Wikigold tuning half (`models/README.md`).
pub const MIN_MARGIN: i32 = 15_000;

/// Whether taggers use the model unless told otherwise (`--mention-model`).
pub const ON_BY_DEFAULT: bool = true;

/// The article being tagged.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub gazetteer: &'a Gazetteer,
    /// The margin at which the model's reading replaces the rules' ([`MIN_MARGIN`] unless
    /// the tagger was told otherwise).
    pub min_margin: i32,
}

/// The trained classifier.
#[derive(Clone, Debug, Default)]
pub struct MentionModel {
    weights: Weights,
}

/// The model's reading of one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub label: MentionLabel,
    /// Best score minus the runner-up's.
    pub margin: i32,
}

/// Why a model file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum MentionModelError {
    #[error("not a claimgraph mention model (bad magic header)")]
    BadMagic,
    #[error("unsupported mention model format version {0}")]
    UnsupportedVersion(u32),
    #[error("mention model truncated at byte {0}")]
    Truncated(usize),
    #[error("mention model checksum mismatch (corrupt file)")]
    Checksum,
    #[error("corrupt mention model: {0}")]
    Corrupt(String),
}

impl From<FormatError> for MentionModelError {
    fn from(e: FormatError) -> Self {
        match e {
            FormatError::Truncated(at) => MentionModelError::Truncated(at),
            FormatError::Corrupt(what) => MentionModelError::Corrupt(what),
        }
    }
}

const MAGIC: &[u8; 8] = b"CGMENTIO";
const VERSION: u32 = 1;

fn checksum(bytes: &[u8]) -> u64 {
    learn::checksum(0x4d, bytes)
}

impl MentionModel {
    /// The shipped model, decoded on first use; `None` if the embedded bytes are unusable
    /// (the tagger then keeps the rules' readings).
    pub fn builtin() -> Option<&'static MentionModel> {
        static MODEL: OnceLock<Option<MentionModel>> = OnceLock::new();
        static BYTES: &[u8] = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/mentions-wikinews.bin"
        ));
        MODEL
            .get_or_init(|| MentionModel::from_bytes(BYTES).ok())
            .as_ref()
    }

    /// Number of features with at least one weight.
    pub fn num_features(&self) -> usize {
        self.weights.keys.len()
    }

    /// Reads a model written by [`MentionModel::to_bytes`]; never panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<MentionModel, MentionModelError> {
        if !bytes.starts_with(MAGIC) {
            return Err(MentionModelError::BadMagic);
        }
        let Some(split) = bytes.len().checked_sub(8).filter(|&s| s >= 12) else {
            return Err(MentionModelError::Truncated(bytes.len()));
        };
        let (body, tail) = bytes.split_at(split);
        let mut word = [0u8; 8];
        word.copy_from_slice(tail);
        if u64::from_le_bytes(word) != checksum(body) {
            return Err(MentionModelError::Checksum);
        }
        let mut r = Reader { buf: body, pos: 8 };
        let mut ver = [0u8; 4];
        ver.copy_from_slice(r.take(4)?);
        let version = u32::from_le_bytes(ver);
        if version != VERSION {
            return Err(MentionModelError::UnsupportedVersion(version));
        }
        let n = r.count(2)?;
        for i in 0..n {
            let name = r.str()?;
            if MentionLabel::from_index(i).map(MentionLabel::as_str) != Some(name) {
                return Err(MentionModelError::Corrupt(format!(
                    "unknown label {name:?}"
                )));
            }
        }
        let weights = Weights::decode(&mut r, |c| {
            if usize::from(c) < n {
                Ok(c)
            } else {
                Err(FormatError::Corrupt(format!(
                    "label index {c} out of range"
                )))
            }
        })?;
        if r.remaining() != 0 {
            return Err(MentionModelError::Corrupt("trailing bytes".into()));
        }
        Ok(MentionModel { weights })
    }

    /// Serialises the model: magic `CGMENTIO`, version, label names, the feature section of
    /// `learn::Weights`, FNV checksum.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        put_varint(&mut out, MentionLabel::ALL.len() as u64);
        for label in MentionLabel::ALL {
            put_str(&mut out, label.as_str());
        }
        self.weights.encode(&mut out);
        let c = checksum(&out);
        out.extend_from_slice(&c.to_le_bytes());
        out
    }

    /// The model's reading of the features `feats`.
    pub(super) fn read(&self, feats: &[u64]) -> Reading {
        let mut scores = [0i32; 4];
        self.weights.score(feats, &mut scores);
        best_of(&scores)
    }
}

impl MentionModel {
    /// Reads every mention that only its shape or a given name typed; where the model prefers
    /// another reading by [`MIN_MARGIN`], retypes it (and the short forms that point to it) or
    /// drops it, noting the decision in `dropped`.
    pub(super) fn decide(
        &self,
        doc: &Doc<'_>,
        mentions: &mut Vec<Mention>,
        dropped: &mut Vec<Dropped>,
    ) {
        let mut retyped: Vec<Retyped> = Vec::new();
        // Built at the first name the model is asked about, once per article.
        let starts = OnceCell::new();
        let readings: Vec<Option<Reading>> = mentions
            .iter()
            .map(|m| {
                // A given name that is also an English word ("Guy", "Gene") before a surname
                // that is none made the person: the model never saw such names as people
                // (the rules did not tag them when it was trained), so it is not asked.
                let word_given = m
                    .text
                    .split_whitespace()
                    .next()
                    .is_some_and(super::cues::is_word_given_name);
                let asks = matches!(m.rule, Rule::NameShape | Rule::GivenName)
                    && m.kind == EntityKind::Person
                    && !word_given;
                asks.then(|| self.read_mention(doc, m, mentions, &starts))
                    .flatten()
            })
            .collect();
        for (m, reading) in mentions.iter_mut().zip(readings) {
            let Some(reading) = reading else {
                continue;
            };
            if reading.label == MentionLabel::Person || reading.margin < doc.min_margin {
                continue;
            }
            // "X, a 43-year-old lawyer, said": the article shows a person, whatever the
            // name's words suggest.
            if shows_a_person(doc.text, m) {
                continue;
            }
            let old = m.entity.clone();
            let reason = match reading.label {
                MentionLabel::Place => "the mention model reads a place",
                MentionLabel::Organisation => "the mention model reads an organisation",
                _ => "the mention model reads no entity",
            };
            dropped.push(Dropped {
                span: m.span,
                sentence: m.sentence,
                text: m.text.clone(),
                entity: old.clone(),
                reason,
                margin: Some(reading.margin),
            });
            let Some(kind) = reading.label.kind() else {
                retyped.push((old, None));
                continue;
            };
            let prefix = match kind {
                EntityKind::Person => "person",
                EntityKind::Place => "place",
                EntityKind::Organisation => "org",
            };
            m.entity = format!("{prefix}:{}", slug(&m.name));
            m.kind = kind;
            m.rule = Rule::MentionModel;
            m.confidence = round2(Rule::MentionModel.confidence());
            m.alternatives = vec![old.clone()];
            retyped.push((old, Some((kind, m.entity.clone(), m.name.clone()))));
        }
        follow_retyped(&retyped, mentions);
    }

    /// The model's reading of mention `m`, if its edges are token edges.
    fn read_mention<'t>(
        &self,
        doc: &Doc<'t>,
        m: &Mention,
        mentions: &[Mention],
        starts: &OnceCell<WordStarts<'t>>,
    ) -> Option<Reading> {
        let sentence = doc.sentences.get(m.sentence)?;
        let words: Vec<&str> = sentence
            .tokens
            .iter()
            .map(|t| t.span.of(doc.text))
            .collect();
        let start = sentence
            .tokens
            .iter()
            .position(|t| t.span.start == m.span.start)?;
        let end = sentence
            .tokens
            .iter()
            .position(|t| t.span.end == m.span.end)?
            + 1;
        // Initials ("K. Oduya") and a bracketed country after the name ("Lindqvist (Norway)")
        // are person cues of results tables that the training text does not teach.
        let initial = words
            .get(start)
            .is_some_and(|w| w.len() <= 3 && w.ends_with('.'));
        // A given name first is strong evidence the training text under-weighs in lists of
        // results ("Mira Kostadin 68 71"): the model reads only names without one.
        let given = words
            .get(start)
            .is_some_and(|w| doc.gazetteer.is_given_name(w));
        if initial || given || words.get(end) == Some(&"(") {
            return None;
        }
        let starts = starts.get_or_init(|| WordStarts::new(doc.text));
        let site = Site {
            words: &words,
            start,
            end,
            starts,
            listed_with: listed_with(doc.text, sentence, start, end, mentions),
        };
        Some(self.read(&features(&site, doc.gazetteer)))
    }
}

/// A person's entity id the model overruled, and its new kind, entity and name (none when
/// the model read no entity).
type Retyped = (String, Option<(EntityKind, String, String)>);

/// Short forms and other mentions of a retyped or dropped person follow its new reading.
fn follow_retyped(retyped: &[Retyped], mentions: &mut Vec<Mention>) {
    if retyped.is_empty() {
        return;
    }
    let gone: Vec<&str> = retyped
        .iter()
        .filter(|(_, new)| new.is_none())
        .map(|(old, _)| old.as_str())
        .collect();
    mentions.retain(|m| m.rule == Rule::MentionModel || !gone.contains(&m.entity.as_str()));
    // A retyped mention's entity is no longer an old one (its prefix changed), so only the
    // others follow.
    for m in mentions.iter_mut() {
        let new = retyped
            .iter()
            .find(|(old, _)| *old == m.entity)
            .and_then(|(_, new)| new.as_ref());
        if let Some((kind, entity, name)) = new {
            m.alternatives = vec![m.entity.clone()];
            m.entity = entity.clone();
            m.name = name.clone();
            m.kind = *kind;
            // Another mention the name's shape typed takes the model's reading as its rule;
            // a short form keeps its own.
            if matches!(m.rule, Rule::NameShape | Rule::GivenName) {
                m.rule = Rule::MentionModel;
                m.confidence = round2(Rule::MentionModel.confidence());
            }
        }
    }
}

/// The best label of `scores` (ties to the lower label) and its margin over the runner-up.
fn best_of(scores: &[i32; 4]) -> Reading {
    let mut best = 0usize;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    let runner_up = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &s)| s)
        .max()
        .unwrap_or(0);
    Reading {
        label: MentionLabel::from_index(best).unwrap_or(MentionLabel::None),
        margin: scores[best].saturating_sub(runner_up),
    }
}

/// A name and its place: the words of its sentence, the name's token range, the article.
pub(super) struct Site<'a> {
    pub words: &'a [&'a str],
    pub start: usize,
    pub end: usize,
    /// Where each word of the article's text starts, to count the name's occurrences.
    pub starts: &'a WordStarts<'a>,
    /// The kinds the rules gave the names listed right before and after it ("A, B and C").
    pub listed_with: [Option<EntityKind>; 2],
}

/// The kinds of the mentions listed with the name at tokens `start..end` of `sentence`:
/// the nearest before and after, with only a comma, "and", "or" or "&" between.
pub(super) fn listed_with(
    text: &str,
    sentence: &Sentence,
    start: usize,
    end: usize,
    mentions: &[Mention],
) -> [Option<EntityKind>; 2] {
    let joins = |i: usize| {
        sentence
            .tokens
            .get(i)
            .is_some_and(|t| matches!(t.span.of(text), "," | "and" | "or" | "&"))
    };
    let left = start
        .checked_sub(2)
        .filter(|_| start >= 1 && joins(start - 1))
        .and_then(|i| sentence.tokens.get(i))
        .and_then(|t| mentions.iter().find(|m| m.span.end == t.span.end))
        .map(|m| m.kind);
    let right = Some(end + 1)
        .filter(|_| joins(end))
        .and_then(|i| sentence.tokens.get(i))
        .and_then(|t| mentions.iter().find(|m| m.span.start == t.span.start))
        .map(|m| m.kind);
    [left, right]
}

/// Template numbers of the features (stable: they are part of the model).
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const NAME: u8 = 2;
    pub const FIRST: u8 = 3;
    pub const LAST: u8 = 4;
    pub const SUFFIX3: u8 = 5;
    pub const SUFFIX2: u8 = 6;
    pub const FIRST_SUFFIX3: u8 = 7;
    pub const SHAPE: u8 = 8;
    pub const SHAPES: u8 = 9;
    pub const LENGTH: u8 = 10;
    pub const LEFT1: u8 = 11;
    pub const LEFT2: u8 = 12;
    pub const RIGHT1: u8 = 13;
    pub const RIGHT2: u8 = 14;
    pub const LEFT_RIGHT: u8 = 15;
    pub const LEFT_BIGRAM: u8 = 16;
    pub const RIGHT_BIGRAM: u8 = 17;
    pub const LEFT_BAG: u8 = 18;
    pub const RIGHT_BAG: u8 = 19;
    pub const GIVEN_FIRST: u8 = 20;
    pub const COMMON: u8 = 21;
    pub const RECURS: u8 = 22;
    pub const LAST_ALONE: u8 = 23;
    pub const CLASSES: u8 = 24;
    pub const SENTENCE_START: u8 = 25;
    pub const LISTED_WITH: u8 = 26;
}

fn key(template: u8, part: &str) -> u64 {
    FeatureHash::new(template).bytes(part.as_bytes()).finish()
}

/// A word's shape: `X` for runs of capitals, `x` of lower case, `d` of digits, the rest kept.
fn shape(word: &str) -> String {
    let mut res = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !res.ends_with(s) {
            res.push(s);
        }
    }
    res
}

/// The last `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let at = word
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    word.get(at..).unwrap_or(word)
}

/// Appends the features that name the words of the name themselves (what training leaves
/// out of half the examples, so the context learns to speak alone).
pub(super) fn identity_features(site: &Site<'_>, out: &mut Vec<u64>) {
    let parts = site.words.get(site.start..site.end).unwrap_or_default();
    let lower: Vec<String> = parts.iter().map(|w| w.to_lowercase()).collect();
    for w in &lower {
        out.push(key(t::WORD, w));
    }
    out.push(key(t::NAME, &lower.join(" ")));
    if let Some(first) = lower.first() {
        out.push(key(t::FIRST, first));
    }
    if let Some(last) = lower.last() {
        out.push(key(t::LAST, last));
    }
}

/// Appends the features of the name's form and context (everything but its own words).
pub(super) fn context_features(site: &Site<'_>, gazetteer: &Gazetteer, out: &mut Vec<u64>) {
    let parts = site.words.get(site.start..site.end).unwrap_or_default();
    out.push(key(t::BIAS, ""));
    let first = parts.first().copied().unwrap_or("");
    let last = parts.last().copied().unwrap_or("");
    let last_lower = last.to_lowercase();
    out.push(key(t::SUFFIX3, suffix(&last_lower, 3)));
    out.push(key(t::SUFFIX2, suffix(&last_lower, 2)));
    out.push(key(t::FIRST_SUFFIX3, suffix(&first.to_lowercase(), 3)));
    let shapes: Vec<String> = parts.iter().map(|w| shape(w)).collect();
    for s in &shapes {
        out.push(key(t::SHAPE, s));
    }
    out.push(key(t::SHAPES, &shapes.join(" ")));
    out.push(key(t::LENGTH, &parts.len().min(5).to_string()));
    out.push(key(
        t::GIVEN_FIRST,
        bool_str(gazetteer.is_given_name(first)),
    ));
    let n_common = parts.iter().filter(|w| cues::is_common_word(w)).count();
    out.push(key(
        t::COMMON,
        &format!("{n_common}/{}", parts.len().min(5)),
    ));
    out.push(key(t::SENTENCE_START, bool_str(site.start == 0)));
    word_classes(first, last, site, out);
    neighbour_features(site, out);
    for (side, kind) in ["left", "right"].iter().zip(site.listed_with) {
        if let Some(kind) = kind {
            out.push(key(t::LISTED_WITH, &format!("{side} {kind}")));
        }
    }
    recurrence_features(site, parts, out);
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "y"
    } else {
        "n"
    }
}

/// Word classes the rules know: organisation heads, place suffixes and titles at the name's
/// edges and right outside it.
fn word_classes(first: &str, last: &str, site: &Site<'_>, out: &mut Vec<u64>) {
    let before = site
        .start
        .checked_sub(1)
        .and_then(|i| site.words.get(i))
        .copied()
        .unwrap_or("");
    let after = site.words.get(site.end).copied().unwrap_or("");
    let classes = [
        ("last-org-head", cues::is_org_head(last)),
        ("last-place-suffix", cues::is_place_suffix(last)),
        ("first-title", cues::is_title(first)),
        (
            "before-title",
            cues::is_title(before) || cues::is_role_word(before),
        ),
        ("after-org-head", cues::is_org_head(after)),
        ("after-place-suffix", cues::is_place_suffix(after)),
        ("last-legal", cues::is_legal_suffix(last)),
    ];
    for (name, yes) in classes {
        if yes {
            out.push(key(t::CLASSES, name));
        }
    }
}

/// The words around the name, lower-cased: one and two to each side, pairs, and bags of the
/// three on each side.
fn neighbour_features(site: &Site<'_>, out: &mut Vec<u64>) {
    let at = |i: Option<usize>, edge: &str| -> String {
        i.and_then(|i| site.words.get(i))
            .map_or_else(|| edge.to_string(), |w| w.to_lowercase())
    };
    let l1 = at(site.start.checked_sub(1), "<s>");
    let l2 = at(site.start.checked_sub(2), "<s>");
    let r1 = at(Some(site.end), "</s>");
    let r2 = at(site.end.checked_add(1), "</s>");
    out.push(key(t::LEFT1, &l1));
    out.push(key(t::LEFT2, &l2));
    out.push(key(t::RIGHT1, &r1));
    out.push(key(t::RIGHT2, &r2));
    out.push(key(t::LEFT_RIGHT, &format!("{l1} _ {r1}")));
    out.push(key(t::LEFT_BIGRAM, &format!("{l2} {l1}")));
    out.push(key(t::RIGHT_BIGRAM, &format!("{r1} {r2}")));
    for i in site.start.saturating_sub(3)..site.start {
        if let Some(w) = site.words.get(i) {
            out.push(key(t::LEFT_BAG, &w.to_lowercase()));
        }
    }
    for i in site.end..site.end.saturating_add(3) {
        if let Some(w) = site.words.get(i) {
            out.push(key(t::RIGHT_BAG, &w.to_lowercase()));
        }
    }
}

/// Whether the name recurs in the article, and whether its last word also stands alone (as a
/// person's surname does).
fn recurrence_features(site: &Site<'_>, parts: &[&str], out: &mut Vec<u64>) {
    let name = parts.join(" ");
    let n_name = site.starts.count(&name);
    out.push(key(t::RECURS, &n_name.min(3).to_string()));
    if parts.len() >= 2 {
        if let Some(last) = parts.last() {
            let alone = site.starts.count(last).saturating_sub(n_name);
            out.push(key(t::LAST_ALONE, &alone.min(3).to_string()));
        }
    }
}

/// The start of every word (a maximal run of alphanumeric characters) of a text, by word:
/// counting a name's occurrences then costs its first word's occurrences, not a scan of the
/// whole text for every name (which made long articles cost time quadratic in their length).
pub(super) struct WordStarts<'t> {
    text: &'t str,
    at: HashMap<&'t str, Vec<usize>>,
}

impl<'t> WordStarts<'t> {
    pub(super) fn new(text: &'t str) -> WordStarts<'t> {
        let mut at: HashMap<&'t str, Vec<usize>> = HashMap::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                at.entry(&text[s..i]).or_default().push(s);
            }
        }
        if let Some(s) = start {
            at.entry(&text[s..]).or_default().push(s);
        }
        WordStarts { text, at }
    }

    /// Occurrences of `needle` in the text at word boundaries (at most 4 counted), the same
    /// count as [`count_words`]. A needle that does not open with a word, or that could
    /// overlap itself ("Pike Pike"), is counted by the scan.
    pub(super) fn count(&self, needle: &str) -> usize {
        let first = needle
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(needle.len());
        let bytes = needle.as_bytes();
        let overlaps = (1..bytes.len()).any(|k| bytes.ends_with(&bytes[..k]));
        if first == 0 || overlaps {
            return count_words(self.text, needle);
        }
        let Some(starts) = self.at.get(&needle[..first]) else {
            return 0;
        };
        let mut n = 0;
        for &at in starts {
            let Some(rest) = self.text.get(at..).filter(|r| r.starts_with(needle)) else {
                continue;
            };
            let after = rest.get(needle.len()..).and_then(|r| r.chars().next());
            if !after.is_some_and(char::is_alphanumeric) {
                n += 1;
                if n >= 4 {
                    break;
                }
            }
        }
        n
    }
}

/// Occurrences of `needle` in `text` at word boundaries (at most 4 counted).
fn count_words(text: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let mut n = 0;
    for (at, _) in text.match_indices(needle) {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + needle.len()..).and_then(|s| s.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            n += 1;
            if n >= 4 {
                break;
            }
        }
    }
    n
}

/// All features of a name at run time.
pub(super) fn features(site: &Site<'_>, gazetteer: &Gazetteer) -> Vec<u64> {
    let mut out = Vec::with_capacity(48);
    identity_features(site, &mut out);
    context_features(site, gazetteer, &mut out);
    out
}

/// Whether the words right after person mention `m` show a person: an age in apposition
/// (", a 43-year-old lawyer", ", 45,"), a relative "who", or a speech verb ("X said").
fn shows_a_person(text: &str, m: &Mention) -> bool {
    const SPEECH: &[&str] = &["said", "says", "told", "added", "explained"];
    let after = text.get(m.span.end..).unwrap_or("");
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    let first = words.first().copied().unwrap_or("");
    if SPEECH.contains(&first) {
        return true;
    }
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let rest_words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let aged = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && (w.contains("-year") || w.ends_with(',') && w.len() <= 4)
    };
    match rest_words.as_slice() {
        ["who", ..] => true,
        [w, ..] if aged(w) => true,
        ["a" | "an", w, ..] => aged(w),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_suffixes() {
        assert_eq!(shape("McKellan"), "XxXx");
        assert_eq!(shape("O'Brien-Day"), "X'Xx-Xx");
        assert_eq!(shape("A4"), "Xd");
        assert_eq!(suffix("holdings", 3), "ngs");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(suffix("kōln", 2), "ln");
    }

    #[test]
    fn the_margin_is_best_minus_runner_up() {
        let r = best_of(&[5, 40, 12, -3]);
        assert_eq!(r.label, MentionLabel::Place);
        assert_eq!(r.margin, 28);
        let tie = best_of(&[7, 7, 0, 0]);
        assert_eq!(tie.label, MentionLabel::Person);
        assert_eq!(tie.margin, 0);
    }

    #[test]
    fn names_are_counted_at_word_boundaries() {
        let text = "Orvald Pike met Pike. Pikeville is not Pike's.";
        assert_eq!(count_words(text, "Pike"), 3);
        assert_eq!(count_words(text, "Orvald Pike"), 1);
        assert_eq!(count_words(text, ""), 0);
        let starts = WordStarts::new(text);
        for needle in ["Pike", "Orvald Pike", "", "Pike's", "ville", "'s", "Orvald"] {
            assert_eq!(starts.count(needle), count_words(text, needle), "{needle}");
        }
        let repeated = "Pike Pike Pike, Pike Pike.";
        let starts = WordStarts::new(repeated);
        assert_eq!(
            starts.count("Pike Pike"),
            count_words(repeated, "Pike Pike")
        );
    }

    #[test]
    fn bad_model_bytes_are_errors_not_panics() {
        assert!(matches!(
            MentionModel::from_bytes(b"nonsense"),
            Err(MentionModelError::BadMagic)
        ));
        let mut bytes = MentionModel::default().to_bytes();
        assert!(MentionModel::from_bytes(&bytes).is_ok());
        if let Some(b) = bytes.get_mut(13) {
            *b ^= 1;
        }
        assert!(matches!(
            MentionModel::from_bytes(&bytes),
            Err(MentionModelError::Checksum)
        ));
        assert!(MentionModel::from_bytes(&bytes[..10]).is_err());
    }

    fn tagged(text: &str, model: bool) -> Vec<(String, EntityKind, Rule)> {
        let gazetteer = match crate::gazetteer::Gazetteer::builtin() {
            Ok(g) => g,
            Err(e) => panic!("{e}"),
        };
        let tagger = match crate::tagger::Tagger::builder()
            .mention_model(model)
            .build(gazetteer)
        {
            Ok(t) => t,
            Err(e) => panic!("{e}"),
        };
        let sentences = crate::text::sentences(text);
        tagger
            .tag(text, &sentences)
            .into_iter()
            .map(|m| (m.text, m.kind, m.rule))
            .collect()
    }

    #[test]
    fn the_shipped_model_reads_a_place_that_the_name_shape_called_a_person() {
        let text = "Heavy rain flooded the streets of Dorvany Vihar in the north of the city.";
        let shape = tagged(text, false);
        assert!(shape.iter().any(|(t, k, r)| t == "Dorvany Vihar"
            && *k == EntityKind::Person
            && *r == Rule::NameShape));
        let model = tagged(text, true);
        assert!(model.iter().any(|(t, k, r)| t == "Dorvany Vihar"
            && *k == EntityKind::Place
            && *r == Rule::MentionModel));
    }

    #[test]
    fn a_person_the_model_is_unsure_of_stays_a_person() {
        let text = "The minister met Varnik Doltavo on Monday, officials said.";
        let model = tagged(text, true);
        assert!(model
            .iter()
            .any(|(t, k, _)| t == "Varnik Doltavo" && *k == EntityKind::Person));
    }

    #[test]
    fn the_shipped_model_decodes() {
        assert!(MentionModel::builtin().is_some_and(|m| m.num_features() > 1000));
    }

    #[test]
    fn an_age_a_relative_or_a_speech_verb_after_a_name_shows_a_person() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            let span = crate::text::Span::new(start, start + name.len());
            let m = Mention {
                span,
                sentence: 0,
                text: name.to_string(),
                entity: "person:x".into(),
                name: name.to_string(),
                kind: EntityKind::Person,
                rule: Rule::NameShape,
                confidence: 0.5,
                alternatives: Vec::new(),
            };
            shows_a_person(text, &m)
        };
        assert!(at(
            "Its owner Kel Ostrom, a 43-year-old lawyer, said so.",
            "Kel Ostrom"
        ));
        assert!(at("Kel Ostrom, 45, was hurt.", "Kel Ostrom"));
        assert!(at("Kel Ostrom, who runs it, was hurt.", "Kel Ostrom"));
        assert!(at("Kel Ostrom said it was hurt.", "Kel Ostrom"));
        assert!(!at("Kel Ostrom, a software maker, was sold.", "Kel Ostrom"));
        assert!(!at("Kel Ostrom reported a loss.", "Kel Ostrom"));
    }
}
