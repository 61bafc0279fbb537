//! Folding text for matching: Unicode lower case, diacritics removed, typographic apostrophes,
//! dashes and quotes made ASCII, whitespace runs made one space, invisible marks dropped.
//!
//! The folded copy keeps, for every byte, the original byte range it came from, so a match in
//! the folded text maps back to an exact byte range of the original.
//!
//! This module is shared: `build.rs` includes it (with `#[path]`) to fold the shipped
//! gazetteer's names at build time, so it must depend on nothing else in the crate. The tagger
//! re-exports [`fold`] and [`fold_name`]; query and graph code fold names through it too, so
//! text and listed names are always folded by this one function.

use unicode_normalization::char::decompose_compatible;

/// The text folded for matching, with a map back to original byte ranges.
pub struct Folded {
    pub text: String,
    /// For each folded byte, the original byte range `(start, end)` of the char it came from.
    /// Visible to the tagger, which looks up where a folded word starts in the original.
    pub(crate) origin: Vec<(u32, u32)>,
}

impl Folded {
    /// Original byte range `(start, end)` of folded range `start..end`, or `None` when the
    /// range is empty or outside the folded text.
    pub fn original_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let first = self.origin.get(start)?;
        let last = self.origin.get(end - 1)?;
        Some((first.0 as usize, last.1 as usize))
    }
}

/// Folds `text` for matching. See the module docs.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut origin: Vec<(u32, u32)> = Vec::with_capacity(text.len());
    let mut last_space = true;
    for (pos, c) in text.char_indices() {
        let end = (pos + c.len_utf8()) as u32;
        let pos32 = pos as u32;
        if c.is_ascii() {
            if c.is_ascii_whitespace() || c == '\0' {
                if !last_space {
                    out.push(' ');
                    origin.push((pos32, end));
                    last_space = true;
                } else if let Some(last) = origin.last_mut() {
                    last.1 = end;
                }
                continue;
            }
            out.push(c.to_ascii_lowercase());
            origin.push((pos32, end));
            last_space = false;
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                origin.push((pos32, end));
                last_space = true;
            }
            continue;
        }
        let before = out.len();
        fold_char(c, &mut out);
        for _ in before..out.len() {
            origin.push((pos32, end));
        }
        if out.len() > before {
            last_space = false;
        }
    }
    Folded { text: out, origin }
}

/// Folds a listed name the same way as text, trimmed.
pub fn fold_name(name: &str) -> String {
    fold(name).text.trim().to_string()
}

/// Folds one non-ASCII, visible, non-space char into `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{00b4}' | '`' | '\u{2032}' => out.push('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-')
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
        '\u{00df}' => out.push_str("ss"),
        '\u{00e6}' | '\u{00c6}' => out.push_str("ae"),
        '\u{0153}' | '\u{0152}' => out.push_str("oe"),
        '\u{00f8}' | '\u{00d8}' => out.push('o'),
        '\u{0142}' | '\u{0141}' => out.push('l'),
        '\u{0111}' | '\u{0110}' | '\u{00f0}' | '\u{00d0}' => out.push('d'),
        '\u{0131}' => out.push('i'),
        '\u{00fe}' | '\u{00de}' => out.push_str("th"),
        _ => decompose_compatible(c, |d| {
            if is_combining(d) {
                return;
            }
            for l in d.to_lowercase() {
                out.push(l);
            }
        }),
    }
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{00ad}'
    )
}
