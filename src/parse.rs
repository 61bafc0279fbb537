//! Dependency parsing of English: heads and Universal Dependencies relations (with subtypes:
//! `nsubj:pass`, `obl:agent`, `acl:relcl` ...) for a tokenised, tagged sentence.
//!
//! A transition-based parser (arc-hybrid with one root, see `state.rs`) scored by an averaged
//! perceptron over hashed Zhang-and-Nivre-style features (`features.rs`), trained on UD English
//! EWT with part-of-speech tags predicted by the tagger on held-out folds (jackknifing), so
//! training sees tags as good or bad as at run time. The shipped model is greedy (width 1),
//! trained with a dynamic oracle; `train-parser --beam N` trains one that searches with a beam of
//! persistent configurations (`beam.rs`; the width is stored in the model), trained globally
//! with max-violation updates.
//!
//! * [`Parser::builtin`] – the shipped model (`models/parser-ewt.bin`, CC BY-SA 4.0; see
//!   `models/README.md`), retrained byte for byte by `claimgraph train-parser`.
//! * [`Parser::parse`] – one sentence (words, [`Tag`]s, lemmas) to one [`Dep`] per word, in
//!   `2n` steps of constant work each (at most beam-width configurations scored): linear in
//!   the sentence, whatever its length.
//! * [`Parser::analyse`] – tag, lemmatise and parse with the [`PosModel`]: the text layer's
//!   tokens in, [`Word`]s out, including a UPOS tag ([`upos`]).
//! * [`train`], [`train_watched`], [`read_treebank`], [`evaluate`] – training and scoring on
//!   CoNLL-U.
//!
//! ```no_run
//! use claimgraph::parse::Parser;
//! use claimgraph::pos::PosModel;
//! let words = ["The", "board", "approved", "the", "plan", "."];
//! let parsed = Parser::builtin().analyse(PosModel::builtin(), &words);
//! assert_eq!(parsed[1].deprel, "nsubj");
//! assert_eq!(parsed[1].head, 3);
//! ```

mod beam;
mod features;
mod format;
mod state;
mod train;
mod treebank;

use std::sync::OnceLock;

use crate::learn::{FormatError, Weights};
use crate::pos::{PosModel, Tag};
use state::{Move, State};
pub use train::{evaluate, train, train_watched, ParserTrainConfig, Scores};
pub use treebank::{read_treebank, TreeSentence, TreeWord};

/// Errors from model loading and treebank reading.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The bytes do not start with the parser model's magic header.
    #[error("not a claimgraph parser model (bad magic header)")]
    BadMagic,
    /// The model was written by an incompatible format version.
    #[error("unsupported parser model format version {0}")]
    UnsupportedVersion(u32),
    /// The model ended before a section was complete.
    #[error("parser model truncated at byte {0}")]
    Truncated(usize),
    /// The trailing checksum does not match the content.
    #[error("parser model checksum mismatch (corrupt file)")]
    Checksum,
    /// Structurally invalid model content.
    #[error("corrupt parser model: {0}")]
    Corrupt(String),
    /// A CoNLL-U line could not be read.
    #[error("CoNLL-U line {line}: {message}")]
    Conllu {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
}

impl From<FormatError> for ParseError {
    fn from(e: FormatError) -> Self {
        match e {
            FormatError::Truncated(at) => ParseError::Truncated(at),
            FormatError::Corrupt(what) => ParseError::Corrupt(what),
        }
    }
}

/// One word's attachment: its head (word number, 1-based; `0` is the root) and relation
/// (an index into [`Parser::labels`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dep {
    /// Head word number, `0` for the root of the sentence.
    pub head: usize,
    /// Relation number; [`Parser::label`] spells it.
    pub label: u8,
}

/// A word with everything [`Parser::analyse`] predicts for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Penn Treebank tag (the XPOS column).
    pub tag: Tag,
    /// Universal part of speech (the UPOS column), from the tag, relation and lemma.
    pub upos: &'static str,
    /// Lower-case lemma.
    pub lemma: String,
    /// Head word number (1-based), `0` for the root.
    pub head: usize,
    /// Universal Dependencies relation with its subtype (`nsubj:pass`).
    pub deprel: String,
}

/// A trained parser: relation labels and perceptron weights over transition classes.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<String>,
    weights: Weights,
    /// Number of the `root` label (only the root's dependent takes it).
    root: u8,
    /// Beam width of the search (`1`: greedy); the width the model was trained with.
    beam: usize,
}

impl Default for Parser {
    /// A model without weights: every parse is still a tree (a chain of `dep` arcs).
    fn default() -> Self {
        Parser {
            labels: vec!["dep".to_string(), "root".to_string()],
            weights: Weights::default(),
            root: 1,
            beam: 1,
        }
    }
}

impl Parser {
    /// The shipped model, read once on first use. If the embedded bytes are somehow unusable
    /// an empty model is used (every word still gets a head), never a panic.
    pub fn builtin() -> &'static Parser {
        static MODEL: OnceLock<Parser> = OnceLock::new();
        static BYTES: &[u8] = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/models/parser-ewt.bin"
        ));
        MODEL.get_or_init(|| Parser::from_bytes(BYTES).unwrap_or_default())
    }

    /// Read a model written by [`Parser::to_bytes`]; bad bytes give an error, not a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParseError> {
        format::decode(bytes)
    }

    /// The model file's bytes (deterministic for equal models).
    pub fn to_bytes(&self) -> Vec<u8> {
        format::encode(self)
    }

    /// Relation labels, in the order of [`Dep::label`].
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The relation of a label number (`"dep"` for a number the model does not have).
    pub fn label(&self, l: u8) -> &str {
        self.labels
            .get(usize::from(l))
            .map_or("dep", String::as_str)
    }

    /// Number of hashed features with a weight.
    pub fn num_features(&self) -> usize {
        self.weights.keys.len()
    }

    /// Number of (feature, transition) weights.
    pub fn num_weights(&self) -> usize {
        self.weights.entries.len()
    }

    fn classes(&self) -> usize {
        1 + 2 * self.labels.len().max(1)
    }

    /// Beam width of the search (`1`: greedy).
    pub fn beam_width(&self) -> usize {
        self.beam
    }

    /// Parse one sentence: `tags` and `lemmas` as the tagger gives them (missing entries are
    /// treated as unknown). One [`Dep`] per word; exactly one word hangs from the root.
    pub fn parse(&self, words: &[&str], tags: &[Tag], lemmas: &[String]) -> Vec<Dep> {
        let toks = features::tokens(words, tags, lemmas);
        let st = if self.beam > 1 {
            self.search(&toks)
        } else {
            self.greedy(&toks)
        };
        (1..=words.len())
            .map(|i| Dep {
                head: st
                    .head
                    .get(i)
                    .copied()
                    .filter(|&h| h != u32::MAX)
                    .map_or(0, |h| h as usize),
                label: st.label.get(i).copied().unwrap_or(self.root),
            })
            .collect()
    }

    fn greedy(&self, toks: &[features::Tok]) -> State {
        let mut st = State::new(toks.len().saturating_sub(1));
        let mut feats = Vec::with_capacity(160);
        let mut scores = vec![0i32; self.classes()];
        while !st.terminal() {
            features::extract(toks, &st.frame(), &mut feats);
            scores.iter_mut().for_each(|s| *s = 0);
            self.weights.score(&feats, &mut scores);
            let Some(m) = self.best(&st, &scores) else {
                break;
            };
            st.apply(m);
        }
        st
    }

    /// Beam search; the best final configuration, replayed.
    fn search(&self, toks: &[features::Tok]) -> State {
        let mut search = beam::Search::new(toks, self.root, self.beam, self.classes());
        let mut buf = vec![0i32; self.classes()];
        let mut score = |feats: &[u64], out: &mut [f64]| {
            buf.iter_mut().for_each(|s| *s = 0);
            self.weights.score(feats, &mut buf);
            for (o, &s) in out.iter_mut().zip(&buf) {
                *o = f64::from(s);
            }
        };
        while !search.done() {
            if search.advance(&mut score).is_empty() {
                break;
            }
        }
        let n = toks.len().saturating_sub(1);
        let best = search.beam.first().map(|it| search.arena.history(it));
        beam::replay(n, &best.unwrap_or_default())
    }

    /// The best-scoring valid move (ties: the lowest class).
    fn best(&self, st: &State, scores: &[i32]) -> Option<Move> {
        let mut best: Option<(i32, Move)> = None;
        for (c, &s) in scores.iter().enumerate() {
            let m = state::decode(c as u8);
            if best.is_some_and(|(b, _)| s <= b) || !st.valid(m, self.root) {
                continue;
            }
            best = Some((s, m));
        }
        best.map(|(_, m)| m)
    }

    /// Tag, lemmatise and parse a tokenised sentence.
    pub fn analyse(&self, pos: &PosModel, words: &[&str]) -> Vec<Word> {
        let tagged = pos.tag_and_lemmatize(words);
        let tags: Vec<Tag> = tagged.iter().map(|(t, _)| *t).collect();
        let lemmas: Vec<String> = tagged.iter().map(|(_, l)| l.clone()).collect();
        let deps = self.parse(words, &tags, &lemmas);
        tagged
            .into_iter()
            .zip(deps)
            .map(|((tag, lemma), d)| {
                let deprel = self.label(d.label).to_string();
                Word {
                    tag,
                    upos: upos(tag, &deprel, &lemma),
                    lemma,
                    head: d.head,
                    deprel,
                }
            })
            .collect()
    }
}

/// The universal part of speech of a word from its Penn tag, its relation and its lemma, by
/// EWT's conventions: forms of *be*, *have*, *do* and modals that are `aux`/`cop` are `AUX`;
/// `IN` introducing a clause (`mark`) is `SCONJ`; determiners and wh-determiners that stand
/// alone are `PRON`; *not* is `PART`; *to* as a preposition (`case`) is `ADP`; proper
/// adjectives (`amod`) are `ADJ`; indefinite pronouns (*something*, *nobody*) are `PRON`; URLs
/// and e-mail addresses are `PROPN`; parts of a split word (`goeswith`) are `X`.
pub fn upos(tag: Tag, deprel: &str, lemma: &str) -> &'static str {
    let base = deprel.split(':').next().unwrap_or(deprel);
    if base == "goeswith" {
        return "X";
    }
    match tag {
        Tag::NNP | Tag::NNPS if base == "amod" => "ADJ",
        Tag::NN if INDEFINITE_PRONOUNS.contains(&lemma) => "PRON",
        Tag::ADD => "PROPN",
        Tag::MD => "AUX",
        t if t.is_verb() => match base {
            "aux" | "cop" => "AUX",
            _ => "VERB",
        },
        Tag::IN => match base {
            "mark" => "SCONJ",
            _ => "ADP",
        },
        Tag::DT | Tag::WDT | Tag::PDT => match base {
            "det" => "DET",
            _ => "PRON",
        },
        Tag::RB if lemma == "not" || lemma == "n't" => "PART",
        Tag::TO => match base {
            "case" => "ADP",
            _ => "PART",
        },
        Tag::RP => "ADP",
        Tag::NFP => "PUNCT",
        Tag::LS => "NUM",
        Tag::AFX => "ADJ",
        t => t.coarse(),
    }
}

/// Compound indefinite pronouns, which Penn tags `NN` and UD `PRON`.
const INDEFINITE_PRONOUNS: &[&str] = &[
    "anybody",
    "anyone",
    "anything",
    "everybody",
    "everyone",
    "everything",
    "nobody",
    "nothing",
    "somebody",
    "someone",
    "something",
];

#[cfg(test)]
mod tests;
