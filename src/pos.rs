//! Part-of-speech tagging and lemmatisation for English.
//!
//! A greedy, left-to-right **averaged-perceptron** tagger that predicts Penn
//! Treebank tags (the XPOS column of Universal Dependencies English EWT), plus
//! a rule-based lemmatiser backed by a small exception table and lemma lexicon
//! learned from the EWT training split.
//!
//! * [`PosModel::builtin`] – the shipped model (`models/pos-ewt.bin`, trained
//!   on UD English EWT, CC BY-SA 4.0; see `models/README.md`).
//! * [`PosModel::tag`] – tag one tokenised sentence (PTB/EWT-style tokens:
//!   `Ukraine 's`, `do n't`, punctuation split off; PTB quotes `` `` `` / `''`
//!   and bracket escapes `-LRB-`/`-RRB-` are understood).  Linear time, never
//!   panics, whatever the input strings are.
//! * [`lemma`] / [`PosModel::lemma`] – lower-case lemma of a word given its tag
//!   (`said/VBD` → `say`, `troops/NNS` → `troop`, `stopped/VBD` → `stop`).
//! * [`train`], [`train_with_lemmas`], [`read_conllu`], [`evaluate`] – training
//!   and evaluation on CoNLL-U data (`claimgraph train-pos`).
//! * [`PosModel::to_bytes`] / [`PosModel::from_bytes`] – compact, versioned,
//!   checksummed binary model format; corrupt input gives an error, not a panic.
//!
//! ```no_run
//! use claimgraph::pos::{lemma, PosModel, Tag};
//! let words = ["Russia", "withdrew", "its", "troops", "."];
//! let tags = PosModel::builtin().tag(&words);
//! assert_eq!(tags[1], Tag::VBD);
//! assert_eq!(lemma(words[1], tags[1]), "withdraw");
//! ```

pub(crate) mod features;
mod format;
mod lemmatize;
mod training;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::learn::{FormatError, Weights};
use features::{static_features, tag_features, TokInfo, START1, START2};
pub use lemmatize::LemmaTable;
pub use training::{train, train_with_lemmas, TrainConfig};

macro_rules! define_tags {
    ($( $(#[$m:meta])* $v:ident => $s:literal ),* $(,)?) => {
        /// Penn Treebank part-of-speech tag, as used in the XPOS column of UD
        /// English EWT (all 49 tags that occur there).
        #[allow(clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Tag {
            $( $(#[$m])* $v ),*
        }

        impl Tag {
            /// Every tag, in discriminant order (`Tag::ALL[t as usize] == t`).
            pub const ALL: &'static [Tag] = &[$(Tag::$v),*];

            /// The PTB/EWT spelling of the tag (`"NN"`, `"PRP$"`, `` "``" ``, `"-LRB-"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$v => $s),*
                }
            }

            /// Parse a PTB/EWT tag string (exact spelling, as in [`Tag::as_str`]).
            /// Also accepts `(`/`)` for `-LRB-`/`-RRB-`.
            pub fn parse(s: &str) -> Option<Tag> {
                match s {
                    $($s => Some(Tag::$v),)*
                    "(" => Some(Tag::LRB),
                    ")" => Some(Tag::RRB),
                    _ => None,
                }
            }
        }
    };
}

define_tags! {
    /// Coordinating conjunction
    CC => "CC",
    /// Cardinal number
    CD => "CD",
    /// Determiner
    DT => "DT",
    /// Existential *there*
    EX => "EX",
    /// Foreign word
    FW => "FW",
    /// Preposition or subordinating conjunction
    IN => "IN",
    /// Adjective
    JJ => "JJ",
    /// Adjective, comparative
    JJR => "JJR",
    /// Adjective, superlative
    JJS => "JJS",
    /// List item marker
    LS => "LS",
    /// Modal
    MD => "MD",
    /// Noun, singular or mass
    NN => "NN",
    /// Noun, plural
    NNS => "NNS",
    /// Proper noun, singular
    NNP => "NNP",
    /// Proper noun, plural
    NNPS => "NNPS",
    /// Predeterminer
    PDT => "PDT",
    /// Possessive ending
    POS => "POS",
    /// Personal pronoun
    PRP => "PRP",
    /// Possessive pronoun (`PRP$`)
    PRPS => "PRP$",
    /// Adverb
    RB => "RB",
    /// Adverb, comparative
    RBR => "RBR",
    /// Adverb, superlative
    RBS => "RBS",
    /// Particle
    RP => "RP",
    /// Symbol
    SYM => "SYM",
    /// *to*
    TO => "TO",
    /// Interjection
    UH => "UH",
    /// Verb, base form
    VB => "VB",
    /// Verb, past tense
    VBD => "VBD",
    /// Verb, gerund or present participle
    VBG => "VBG",
    /// Verb, past participle
    VBN => "VBN",
    /// Verb, non-3rd person singular present
    VBP => "VBP",
    /// Verb, 3rd person singular present
    VBZ => "VBZ",
    /// Wh-determiner
    WDT => "WDT",
    /// Wh-pronoun
    WP => "WP",
    /// Possessive wh-pronoun (`WP$`)
    WPS => "WP$",
    /// Wh-adverb
    WRB => "WRB",
    /// Sentence-final punctuation `.`
    Period => ".",
    /// Comma
    Comma => ",",
    /// Colon, semicolon, dash, ellipsis
    Colon => ":",
    /// Opening quotation mark (`` `` ``)
    OpenQuote => "``",
    /// Closing quotation mark (`''`)
    CloseQuote => "''",
    /// Opening bracket (`-LRB-`)
    LRB => "-LRB-",
    /// Closing bracket (`-RRB-`)
    RRB => "-RRB-",
    /// Currency sign `$`
    Dollar => "$",
    /// Hyphen
    HYPH => "HYPH",
    /// Superfluous punctuation / emoticons
    NFP => "NFP",
    /// E-mail address or URL
    ADD => "ADD",
    /// Affix
    AFX => "AFX",
    /// "Goes with" (split word fragment)
    GW => "GW",
}

/// Number of tags in [`Tag`].
pub const NUM_TAGS: usize = Tag::ALL.len();

impl Tag {
    /// Tag from its discriminant (`t as u8`).
    pub fn from_index(i: u8) -> Option<Tag> {
        Tag::ALL.get(usize::from(i)).copied()
    }
    /// Common noun: `NN NNS`.
    pub fn is_common_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS)
    }
    /// Verb (not modal): `VB VBD VBG VBN VBP VBZ`.
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }
    /// Adjective: `JJ JJR JJS`.
    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }
    /// Adverb: `RB RBR RBS` (not `WRB`).
    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS)
    }

    /// Coarse, UPOS-like class of the tag (`NOUN PROPN VERB AUX? ADJ ADV ADP DET
    /// PRON NUM PART CCONJ INTJ PUNCT SYM X`). This is a deterministic
    /// projection: PTB tags do not separate `AUX` from `VERB` or `SCONJ` from
    /// `ADP`, so verbs map to `VERB` (modals to `AUX`) and `IN` to `ADP`.
    pub fn coarse(self) -> &'static str {
        match self {
            Tag::NN | Tag::NNS => "NOUN",
            Tag::NNP | Tag::NNPS => "PROPN",
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ => "VERB",
            Tag::MD => "AUX",
            Tag::JJ | Tag::JJR | Tag::JJS => "ADJ",
            Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB => "ADV",
            Tag::IN => "ADP",
            Tag::DT | Tag::PDT | Tag::WDT => "DET",
            Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS | Tag::EX => "PRON",
            Tag::CD => "NUM",
            Tag::POS | Tag::RP | Tag::TO => "PART",
            Tag::CC => "CCONJ",
            Tag::UH => "INTJ",
            Tag::SYM | Tag::Dollar => "SYM",
            Tag::FW | Tag::LS | Tag::ADD | Tag::AFX | Tag::GW => "X",
            Tag::Period
            | Tag::Comma
            | Tag::Colon
            | Tag::OpenQuote
            | Tag::CloseQuote
            | Tag::LRB
            | Tag::RRB
            | Tag::HYPH
            | Tag::NFP => "PUNCT",
        }
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Errors from model loading and CoNLL-U reading.
#[derive(Debug, thiserror::Error)]
pub enum PosError {
    /// The bytes do not start with the model magic header.
    #[error("not a claimgraph POS model (bad magic header)")]
    BadMagic,
    /// The model was written by an incompatible format version.
    #[error("unsupported POS model format version {0}")]
    UnsupportedVersion(u32),
    /// The model ended before a section was complete.
    #[error("POS model truncated at byte {0}")]
    Truncated(usize),
    /// The trailing checksum does not match the content.
    #[error("POS model checksum mismatch (corrupt file)")]
    Checksum,
    /// Structurally invalid model content.
    #[error("corrupt POS model: {0}")]
    Corrupt(String),
    /// A CoNLL-U line could not be parsed.
    #[error("CoNLL-U line {line}: {message}")]
    Conllu {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
}

/// A trained tagger (feature weights + tag dictionary) and lemmatiser data.
#[derive(Clone, Debug, Default)]
pub struct PosModel {
    /// Quantised averaged weights per hashed feature (only their relative size matters).
    weights: Weights,
    /// Unambiguous frequent words, tagged without scoring.
    tagdict: HashMap<String, Tag>,
    lemmas: LemmaTable,
}

impl PosModel {
    /// The shipped model, parsed once on first use. If the embedded bytes
    /// are somehow unusable an empty model is returned (tags everything
    /// `NN` except forced punctuation) rather than panicking.
    pub fn builtin() -> &'static PosModel {
        static MODEL: OnceLock<PosModel> = OnceLock::new();
        static BYTES: &[u8] =
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/pos-ewt.bin"));
        MODEL.get_or_init(|| PosModel::from_bytes(BYTES).unwrap_or_default())
    }

    /// Parse a model written by [`PosModel::to_bytes`]. Never panics:
    /// truncated, corrupted or foreign bytes give an error.
    pub fn from_bytes(bytes: &[u8]) -> Result<PosModel, PosError> {
        format::decode(bytes)
    }

    /// Serialise the model (versioned magic header, varint-packed sorted
    /// feature keys, quantised `i16` weights, tag dictionary, lemma tables,
    /// trailing checksum).
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    /// Number of features with at least one non-zero weight.
    pub fn num_features(&self) -> usize {
        self.weights.keys.len()
    }

    /// Number of stored (feature, tag) weights.
    pub fn num_weights(&self) -> usize {
        self.weights.entries.len()
    }

    /// The lemma tables carried by this model.
    pub fn lemma_table(&self) -> &LemmaTable {
        &self.lemmas
    }

    /// Replace the lemma tables (see [`LemmaTable::learn`]).
    pub fn set_lemma_table(&mut self, table: LemmaTable) {
        self.lemmas = table;
    }

    /// Lower-case lemma of `word` tagged `tag`, using this model's lemma
    /// exception table and lexicon plus built-in rules.
    pub fn lemma(&self, word: &str, tag: Tag) -> String {
        self.lemmas.lemma(word, tag)
    }

    /// Tag a tokenised sentence: one tag per word, greedy left to right.
    /// Runs in time linear in the total input length; any strings are fine.
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        self.tag_with_fixed(words, &[])
    }

    /// Tag a tokenised sentence with some tags fixed in advance (`fixed[i]`, where given, is
    /// word `i`'s tag): the words after a fixed one are tagged knowing it, so a name the caller
    /// knows ("Boeing" from the gazetteer) does not pass a misread ("Boeing/VBG") on to its
    /// neighbours ("employs/NNS"). `fixed` shorter than `words` fixes nothing past its end.
    pub fn tag_with_fixed(&self, words: &[&str], fixed: &[Option<Tag>]) -> Vec<Tag> {
        let mut toks: Vec<TokInfo> = words.iter().map(|w| TokInfo::new(w)).collect();
        for (tok, tag) in toks.iter_mut().zip(fixed) {
            if tag.is_some() {
                tok.forced = *tag;
            }
        }
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::with_capacity(40);
        let (mut t1, mut t2) = (START1, START2);
        for (i, word) in words.iter().enumerate() {
            let tag = self.predict_one(&toks, word, i, t1, t2, &mut feats);
            out.push(tag);
            t2 = t1;
            t1 = tag as u8;
        }
        out
    }

    /// Tag then lemmatise: `(tag, lemma)` per word.
    pub fn tag_and_lemmatize(&self, words: &[&str]) -> Vec<(Tag, String)> {
        let tags = self.tag(words);
        words
            .iter()
            .zip(tags)
            .map(|(w, t)| (t, self.lemma(w, t)))
            .collect()
    }

    fn predict_one(
        &self,
        toks: &[TokInfo],
        word: &str,
        i: usize,
        t1: u8,
        t2: u8,
        feats: &mut Vec<u64>,
    ) -> Tag {
        if let Some(t) = toks.get(i).and_then(|t| t.forced) {
            return t;
        }
        if let Some(&t) = self.tagdict.get(word) {
            return t;
        }
        feats.clear();
        static_features(toks, i, feats);
        tag_features(toks, i, t1, t2, feats);
        let mut scores = [0i32; NUM_TAGS];
        self.score(feats, &mut scores);
        argmax(&scores)
    }

    fn score(&self, feats: &[u64], scores: &mut [i32; NUM_TAGS]) {
        self.weights.score(feats, scores);
    }
}

impl From<FormatError> for PosError {
    fn from(e: FormatError) -> Self {
        match e {
            FormatError::Truncated(at) => PosError::Truncated(at),
            FormatError::Corrupt(what) => PosError::Corrupt(what),
        }
    }
}

/// Index of the highest score (ties: lowest index; all-zero: `NN`).
fn argmax(scores: &[i32; NUM_TAGS]) -> Tag {
    let mut best = Tag::NN;
    let mut best_score = i32::MIN;
    for (&t, &s) in Tag::ALL.iter().zip(scores.iter()) {
        if s > best_score {
            best_score = s;
            best = t;
        }
    }
    if scores.iter().all(|&s| s == 0) {
        Tag::NN
    } else {
        best
    }
}

/// Lower-case lemma of `word` with tag `tag`, using the built-in model's
/// lemma tables (see [`PosModel::lemma`]).
///
/// `lemma("said", Tag::VBD) == "say"`, `lemma("countries", Tag::NNS) == "country"`.
pub fn lemma(word: &str, tag: Tag) -> String {
    PosModel::builtin().lemma(word, tag)
}

/// One sentence of gold CoNLL-U data: `(form, XPOS tag, lemma)` per word.
pub type GoldSentence = Vec<(String, Tag, String)>;

/// Read CoNLL-U text into sentences of `(form, XPOS, lemma)`.
///
/// Comment lines are ignored, multiword-token lines (`1-2`) and empty nodes
/// (`1.1`) are skipped, and a blank line ends a sentence. A malformed word
/// line or an unknown XPOS gives [`PosError::Conllu`] naming the line.
pub fn read_conllu(text: &str) -> Result<Vec<GoldSentence>, PosError> {
    let mut sents = Vec::new();
    let mut cur: GoldSentence = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |message: String| PosError::Conllu {
            line: line_no,
            message,
        };
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let [id, form, lem, _upos, xpos, ..] = cols.as_slice() else {
            return Err(err("too few columns".to_string()));
        };
        if id.contains('-') || id.contains('.') {
            continue;
        }
        if id.parse::<u32>().is_err() {
            return Err(err(format!("bad word id {id:?}")));
        }
        let tag = Tag::parse(xpos).ok_or_else(|| err(format!("unknown XPOS tag {xpos:?}")))?;
        cur.push((form.to_string(), tag, lem.to_string()));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    Ok(sents)
}

/// Token-level accuracy counts from [`evaluate`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Sentences evaluated.
    pub sentences: usize,
    /// Tokens evaluated.
    pub tokens: usize,
    /// Tokens whose predicted XPOS equals the gold XPOS.
    pub correct: usize,
    /// Tokens whose predicted tag's [`Tag::coarse`] class equals the gold one's.
    pub coarse_correct: usize,
    /// Tokens whose lemma (from the *predicted* tag) equals the gold lemma,
    /// compared case-insensitively.
    pub lemma_correct: usize,
    /// Tokens whose lemma from the *gold* tag equals the gold lemma.
    pub lemma_gold_tag_correct: usize,
}

impl Accuracy {
    fn ratio(n: usize, d: usize) -> f64 {
        if d == 0 {
            0.0
        } else {
            n as f64 / d as f64
        }
    }
    /// XPOS accuracy in `[0, 1]`.
    pub fn xpos(&self) -> f64 {
        Self::ratio(self.correct, self.tokens)
    }
    /// Coarse (UPOS-like) accuracy in `[0, 1]`.
    pub fn coarse(&self) -> f64 {
        Self::ratio(self.coarse_correct, self.tokens)
    }
    /// Lemma accuracy (predicted tags) in `[0, 1]`.
    pub fn lemma(&self) -> f64 {
        Self::ratio(self.lemma_correct, self.tokens)
    }
    /// Lemma accuracy given gold tags, in `[0, 1]`.
    pub fn lemma_gold_tag(&self) -> f64 {
        Self::ratio(self.lemma_gold_tag_correct, self.tokens)
    }
}

/// Tag and lemmatise gold sentences (from [`read_conllu`]) with `model` and
/// count correct XPOS tags, coarse tags and lemmas.
pub fn evaluate(model: &PosModel, sents: &[GoldSentence]) -> Accuracy {
    let mut acc = Accuracy::default();
    for sent in sents {
        let words: Vec<&str> = sent.iter().map(|(w, _, _)| w.as_str()).collect();
        let pred = model.tag(&words);
        acc.sentences += 1;
        for ((w, gold, gold_lemma), p) in sent.iter().zip(pred) {
            acc.tokens += 1;
            if p == *gold {
                acc.correct += 1;
            }
            if p.coarse() == gold.coarse() {
                acc.coarse_correct += 1;
            }
            let gl = gold_lemma.to_lowercase();
            if model.lemma(w, p) == gl {
                acc.lemma_correct += 1;
            }
            if model.lemma(w, *gold) == gl {
                acc.lemma_gold_tag_correct += 1;
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests;
