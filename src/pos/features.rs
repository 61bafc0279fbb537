//! Feature extraction for the averaged-perceptron tagger.
//!
//! Every feature is a 64-bit hash of a template id plus the feature's
//! string/tag parts, so no feature vocabulary has to be stored besides the
//! hashed keys of the weights that survive pruning.

use super::{Tag, NUM_TAGS};
use crate::learn::FeatureHash as Fnv;

/// Pseudo-tag index used for "before the sentence start" (previous tag).
pub(crate) const START1: u8 = NUM_TAGS as u8;
/// Pseudo-tag index used for "two before the sentence start".
pub(crate) const START2: u8 = NUM_TAGS as u8 + 1;

/// Per-token information computed once per sentence.
pub(crate) struct TokInfo {
    /// Lower-cased, digit-normalised form (digits become `0`).
    pub norm: String,
    /// Original-case form with digits normalised.
    pub cased: String,
    /// Collapsed character shape, e.g. `Xxxxx`, `dddd`, `x-x`.
    pub shape: String,
    pub has_hyphen: bool,
    pub has_digit: bool,
    pub init_upper: bool,
    pub all_upper: bool,
    pub inner_upper: bool,
    /// Tag fixed by the input itself (PTB quote tokens).
    pub forced: Option<Tag>,
}

/// Map PTB bracket/quote escapes onto the characters EWT uses.
fn ptb_unescape(word: &str) -> &str {
    match word {
        "``" | "''" | "\u{201c}" | "\u{201d}" => "\"",
        "`" | "\u{2018}" | "\u{2019}" => "'",
        "-LRB-" | "-lrb-" => "(",
        "-RRB-" | "-rrb-" => ")",
        "-LSB-" | "-lsb-" => "[",
        "-RSB-" | "-rsb-" => "]",
        "-LCB-" | "-lcb-" => "{",
        "-RCB-" | "-rcb-" => "}",
        _ => word,
    }
}

/// Maximum number of characters of a word that feed the shape feature.
const SHAPE_MAX: usize = 12;
/// Maximum run length kept in the shape (`Xxxxxxxx` -> `Xxxxx`).
const SHAPE_RUN: usize = 4;

impl TokInfo {
    pub(crate) fn new(word: &str) -> TokInfo {
        let forced = match word {
            "``" => Some(Tag::OpenQuote),
            "''" => Some(Tag::CloseQuote),
            "-LRB-" | "-LSB-" | "-LCB-" => Some(Tag::LRB),
            "-RRB-" | "-RSB-" | "-RCB-" => Some(Tag::RRB),
            _ => None,
        };
        let w = ptb_unescape(word);
        let mut norm = String::with_capacity(w.len());
        let mut cased = String::with_capacity(w.len());
        let mut shape = String::with_capacity(SHAPE_MAX);
        let (mut has_digit, mut has_hyphen, mut any_lower, mut n_upper) =
            (false, false, false, 0usize);
        let mut n_alpha = 0usize;
        let mut init_upper = false;
        let mut inner_upper = false;
        let mut last_class = '\0';
        let mut run = 0usize;
        for (i, c) in w.chars().enumerate() {
            let class = if c.is_uppercase() {
                n_upper += 1;
                n_alpha += 1;
                if i == 0 {
                    init_upper = true;
                } else {
                    inner_upper = true;
                }
                'X'
            } else if c.is_alphabetic() {
                any_lower = true;
                n_alpha += 1;
                'x'
            } else if c.is_numeric() {
                has_digit = true;
                'd'
            } else if c.is_ascii() {
                if c == '-' {
                    has_hyphen = true;
                }
                c
            } else {
                'o'
            };
            if i < SHAPE_MAX * 2 {
                if class == last_class {
                    run += 1;
                } else {
                    run = 1;
                    last_class = class;
                }
                if run <= SHAPE_RUN && shape.len() < SHAPE_MAX {
                    shape.push(class);
                }
            }
            cased.push(if c.is_ascii_digit() { '0' } else { c });
            if c.is_ascii_digit() {
                norm.push('0');
            } else if c == '\u{2019}' {
                norm.push('\'');
            } else if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            } else {
                norm.extend(c.to_lowercase());
            }
        }
        TokInfo {
            norm,
            cased,
            shape,
            has_hyphen: has_hyphen && w.len() > 1,
            has_digit,
            init_upper,
            all_upper: n_upper >= 2 && !any_lower && n_upper == n_alpha,
            inner_upper,
            forced,
        }
    }
}

/// The last `n` characters of `s` (the whole string if shorter).
#[inline]
pub(crate) fn suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) => s.get(i..).unwrap_or(s),
        None => s,
    }
}

/// The first `n` characters of `s` (the whole string if shorter).
#[inline]
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

const BOS1: &str = "<s>";
const BOS2: &str = "<s2>";
const EOS1: &str = "</s>";
const EOS2: &str = "</s2>";

/// Push the tag-independent features of token `i` into `out`.
pub(crate) fn static_features(toks: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    let get = |j: isize| -> &str {
        if j < 0 {
            if j == -1 {
                BOS1
            } else {
                BOS2
            }
        } else {
            match toks.get(j as usize) {
                Some(t) => t.norm.as_str(),
                None => {
                    if j as usize == toks.len() {
                        EOS1
                    } else {
                        EOS2
                    }
                }
            }
        }
    };
    let Some(t) = toks.get(i) else { return };
    let ii = i as isize;
    let w = t.norm.as_str();
    let wb = w.as_bytes();
    let p1 = get(ii - 1);
    let p2 = get(ii - 2);
    let n1 = get(ii + 1);
    let n2 = get(ii + 2);
    out.push(Fnv::new(0).finish()); // bias
    out.push(Fnv::new(1).bytes(wb).finish());
    out.push(Fnv::new(2).bytes(suffix(w, 1).as_bytes()).finish());
    out.push(Fnv::new(3).bytes(suffix(w, 2).as_bytes()).finish());
    out.push(Fnv::new(4).bytes(suffix(w, 3).as_bytes()).finish());
    out.push(Fnv::new(5).bytes(suffix(w, 4).as_bytes()).finish());
    out.push(Fnv::new(6).bytes(prefix(w, 1).as_bytes()).finish());
    out.push(Fnv::new(7).bytes(prefix(w, 2).as_bytes()).finish());
    out.push(Fnv::new(8).bytes(t.shape.as_bytes()).finish());
    let flags = [
        t.has_hyphen,
        t.has_digit,
        t.init_upper,
        t.all_upper,
        t.inner_upper,
        t.init_upper && i == 0,
    ];
    for (k, &f) in flags.iter().enumerate() {
        if f {
            out.push(Fnv::new(9).byte(k as u8).finish());
        }
    }
    out.push(Fnv::new(10).bytes(p1.as_bytes()).finish());
    out.push(Fnv::new(11).bytes(p2.as_bytes()).finish());
    out.push(Fnv::new(12).bytes(n1.as_bytes()).finish());
    out.push(Fnv::new(13).bytes(n2.as_bytes()).finish());
    out.push(Fnv::new(14).bytes(suffix(p1, 3).as_bytes()).finish());
    out.push(Fnv::new(15).bytes(suffix(n1, 3).as_bytes()).finish());
    out.push(Fnv::new(16).bytes(p1.as_bytes()).bytes(wb).finish());
    out.push(Fnv::new(17).bytes(wb).bytes(n1.as_bytes()).finish());
    out.push(Fnv::new(19).bytes(t.cased.as_bytes()).finish());
    out.push(Fnv::new(25).bytes(prefix(w, 3).as_bytes()).finish());
    out.push(
        Fnv::new(26)
            .bytes(n1.as_bytes())
            .bytes(n2.as_bytes())
            .finish(),
    );
    out.push(
        Fnv::new(27)
            .bytes(p1.as_bytes())
            .bytes(n1.as_bytes())
            .finish(),
    );
    // shape of the next word (capitalised next word, number next, ...)
    let nshape = toks.get(i + 1).map_or(EOS1, |t| t.shape.as_str());
    out.push(Fnv::new(18).bytes(nshape.as_bytes()).finish());
}

/// Push the features that depend on the two previously predicted tags.
#[inline]
pub(crate) fn tag_features(toks: &[TokInfo], i: usize, t1: u8, t2: u8, out: &mut Vec<u64>) {
    let w = toks.get(i).map_or("", |t| t.norm.as_str());
    let n1 = toks.get(i + 1).map_or(EOS1, |t| t.norm.as_str());
    out.push(Fnv::new(20).byte(t1).finish());
    out.push(Fnv::new(21).byte(t1).byte(t2).finish());
    out.push(Fnv::new(22).byte(t1).bytes(w.as_bytes()).finish());
    out.push(
        Fnv::new(23)
            .byte(t1)
            .bytes(suffix(w, 3).as_bytes())
            .finish(),
    );
    out.push(Fnv::new(24).byte(t1).bytes(n1.as_bytes()).finish());
    let p1 = i
        .checked_sub(1)
        .and_then(|j| toks.get(j))
        .map_or(BOS1, |t| t.norm.as_str());
    out.push(Fnv::new(28).byte(t1).bytes(p1.as_bytes()).finish());
    out.push(Fnv::new(29).byte(t2).bytes(w.as_bytes()).finish());
}
