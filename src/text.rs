//! The text layer: sentences and tokens, each a byte span of the article text.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes and brackets) when the next word
//! starts a new sentence, at blank lines, and at line breaks before a line that starts with a
//! capital, digit or quote (headlines, captions and datelines have no final stop). A stop does
//! not end a sentence after a known abbreviation (`Mr.`, `Nov.`, `Gen.`), an initial (`J.`), or
//! a dotted acronym (`U.S.`) unless the next word is a usual sentence opener ("The", "He").
//!
//! Tokens follow the Penn Treebank conventions the tagger was trained on: punctuation apart,
//! clitics apart (`Ukraine` `'s`, `do` `n't`), hyphens between word characters apart
//! (`U.S.` `-` `backed`), while numbers keep their separators (`600,000`, `1.5`) and
//! abbreviations keep their stop (`U.S.`, `Mr.`).
//!
//! Every function here is linear in the input and total: any string, any Unicode, no panic.

/// A half-open byte range `start..end` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under this span, or `""` when it does not fit the text.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A token: a word, number or punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

/// A sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
}

impl Sentence {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }
}

/// Abbreviations whose stop does not end a sentence even before a capital letter.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "cpt", "sgt", "maj", "adm",
    "cmdr", "sen", "rep", "gov", "pres", "rev", "hon", "st", "mt", "ft", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vs", "v", "etc", "approx", "dept",
    "est", "fig", "jr", "sr", "corp", "inc", "ltd", "co", "bros", "ave", "blvd", "rd", "ph", "e.g",
    "i.e", "cf", "al", "op", "vol", "pp", "art", "sec", "gens", "reps", "sens", "supt", "insp",
    "det", "brig", "msgr", "fr", "sr", "mme", "mlle", "messrs",
];

/// Words that, capitalised after a dotted acronym (`U.S.`), show that a new sentence began.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "with",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "no",
    "not",
    "one",
    "two",
    "both",
    "each",
    "all",
    "however",
    "meanwhile",
    "according",
    "officials",
    "other",
    "such",
    "what",
    "why",
    "how",
    "who",
    "since",
    "during",
    "last",
    "earlier",
    "later",
    "also",
    "still",
    "now",
    "then",
    "here",
    "to",
    "from",
    "by",
];

type WordSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<crate::hash::Fnv>>;

fn is_abbreviation(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| ABBREVIATIONS.iter().copied().collect())
        .contains(word)
}

fn is_sentence_opener(word: &str) -> bool {
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| SENTENCE_OPENERS.iter().copied().collect())
        .contains(word)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\u{203a}'
    )
}

fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}' | '\u{00ab}' | '\u{2039}' | '`'
    )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{0}' || c == '\u{feff}'
}

/// The char that starts at byte `at` of `s`, if `at` is a char boundary inside `s`.
#[inline]
fn char_at(s: &str, at: usize) -> Option<char> {
    let b = *s.as_bytes().get(at)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    s.get(at..)?.chars().next()
}

/// The char that ends at byte `at` of `s`, if `at` is a char boundary inside `s`.
#[inline]
fn char_before(s: &str, at: usize) -> Option<char> {
    let b = *s.as_bytes().get(at.checked_sub(1)?)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    s.get(..at)?.chars().next_back()
}

/// `pred` of the lower case of `word` (`str::to_lowercase`), without allocating for short
/// ASCII words.
pub(crate) fn lower_is(word: &str, pred: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let Some(dst) = buf.get_mut(..word.len()) else {
            return pred(&word.to_lowercase());
        };
        dst.copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        // ASCII stays valid UTF-8 when lower-cased.
        return std::str::from_utf8(dst).is_ok_and(pred);
    }
    pred(&word.to_lowercase())
}

/// Splits `text` into sentences. Sentences never overlap, come in order, and are trimmed of
/// surrounding whitespace; whitespace-only text gives none.
pub fn sentences(text: &str) -> Vec<Sentence> {
    sentence_spans(text)
        .into_iter()
        .map(|span| Sentence {
            span,
            tokens: tokenize(text, span),
        })
        .collect()
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

/// Sentence spans only.
///
/// Works on byte offsets (every offset a char boundary); only line breaks and terminators
/// (`.`, `!`, `?`, `…`) can end a sentence, so the scan jumps from one to the next.
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let n = text.len();
    let mut res = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        // Skip to the next byte that can start a line break or a terminator (0xe2 starts `…`
        // and other chars, which are stepped over below).
        let Some(skip) = bytes.get(i..).and_then(|rest| {
            rest.iter()
                .position(|&b| matches!(b, b'\n' | b'.' | b'!' | b'?' | 0xe2))
        }) else {
            break;
        };
        i += skip;
        let Some(c) = char_at(text, i) else {
            break;
        };
        if c == '\n' {
            // Line break: count the run of whitespace and the newlines in it.
            let mut j = i;
            let mut newlines = 0;
            let mut next = None;
            while let Some(d) = char_at(text, j) {
                if !is_space(d) {
                    next = Some(d);
                    break;
                }
                if d == '\n' {
                    newlines += 1;
                }
                j += d.len_utf8();
            }
            let breaks = newlines >= 2
                || match next {
                    None => true,
                    Some(nc) => !nc.is_lowercase(),
                };
            if breaks {
                push_trimmed(text, start, i, &mut res);
                start = if j < n { j } else { n };
            }
            i = j;
            continue;
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        // Take the whole run of terminators and closers: `?!`, `..."`, `.)`.
        let mut j = i + c.len_utf8();
        let mut after = char_at(text, j);
        while let Some(d) = after {
            if !(is_terminator(d) || is_closing(d)) {
                break;
            }
            j += d.len_utf8();
            after = char_at(text, j);
        }
        // Must be followed by whitespace (or the end).
        if after.is_some_and(|d| !is_space(d)) {
            i = j;
            continue;
        }
        let end = j;
        let mut k = j;
        let mut next = after;
        while let Some(d) = next {
            if !is_space(d) || d == '\n' {
                break;
            }
            k += d.len_utf8();
            next = char_at(text, k);
        }
        let Some(next) = next else {
            break;
        };
        if next == '\n' {
            // The newline branch decides; but a stop before a line break always ends.
            push_trimmed(text, start, end, &mut res);
            start = end;
            i = k;
            continue;
        }
        let single_stop = c == '.' && j == i + 1;
        if single_stop && !stop_ends_sentence(text, i, k) {
            i = j;
            continue;
        }
        let starts_new = next.is_uppercase()
            || next.is_numeric()
            || is_opening_quote(next)
            || matches!(next, '-' | '\u{2013}' | '\u{2014}' | '*' | '\u{2022}')
            || !next.is_alphabetic() && !next.is_lowercase() && !matches!(next, ',' | ';' | ':');
        if starts_new && !(single_stop && next.is_numeric() && before_is_month(text, i)) {
            push_trimmed(text, start, end, &mut res);
            start = k;
        }
        i = k;
    }
    push_trimmed(text, start, text.len(), &mut res);
    res
}

fn push_trimmed(text: &str, start: usize, end: usize, res: &mut Vec<Span>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let trimmed = slice.trim_matches(is_space);
    if trimmed.is_empty() {
        return;
    }
    let s = start + lead;
    res.push(Span::new(s, s + trimmed.len()));
}

/// The word (letters and inner stops) that ends at the stop at byte `stop`.
fn word_before(text: &str, stop: usize) -> &str {
    let mut b = stop;
    while let Some(c) = char_before(text, b) {
        if c.is_alphanumeric() || c == '.' {
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    text.get(b..stop).unwrap_or("")
}

fn before_is_month(text: &str, stop: usize) -> bool {
    lower_is(word_before(text, stop), |word| {
        matches!(
            word,
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "no"
                | "nos"
                | "art"
                | "vol"
                | "p"
                | "pp"
                | "fig"
                | "sec"
        )
    })
}

/// Does the single `.` at byte `stop` end the sentence, given the next word starts at byte
/// `next`?
fn stop_ends_sentence(text: &str, stop: usize, next: usize) -> bool {
    let word = word_before(text, stop);
    if word.is_empty() {
        return true;
    }
    // A number: "in 2025." ends a sentence. (No char lower-cases to a digit or a stop.)
    if word.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return true;
    }
    // Initials: "J. D. Vance".
    let mut chars = word.chars();
    if let (Some(only), None) = (chars.next(), chars.next()) {
        if only.is_alphabetic() && only.is_uppercase() {
            return false;
        }
    }
    if lower_is(word, is_abbreviation) {
        // "Nov." or "Gen." before a capital: still the same sentence.
        return false;
    }
    // Dotted acronym: U.S., U.N., U.K., a.m., p.m.
    if word.contains('.') {
        return lower_is(next_word(text, next), is_sentence_opener);
    }
    true
}

/// The run of letters that starts at byte `from`.
fn next_word(text: &str, from: usize) -> &str {
    let mut e = from;
    while let Some(c) = char_at(text, e) {
        if !c.is_alphabetic() {
            break;
        }
        e += c.len_utf8();
    }
    text.get(from..e).unwrap_or("")
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Tracks whether the chars seen so far are an acronym: single letters separated by stops
/// (`U` or `U.S`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Acronym {
    /// Expecting a letter (the start, or after a stop).
    Letter,
    /// Expecting a stop (after a letter): the chars so far are an acronym.
    Stop,
    /// Not an acronym.
    Broken,
}

impl Acronym {
    fn push(self, c: char) -> Acronym {
        match self {
            Acronym::Letter if c.is_alphabetic() => Acronym::Stop,
            Acronym::Stop if c == '.' => Acronym::Letter,
            _ => Acronym::Broken,
        }
    }

    fn so_far(self) -> bool {
        self == Acronym::Stop
    }
}

/// Tokenizes the part of `text` under `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let Some(slice) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut res = Vec::with_capacity(slice.len() / 5 + 1);
    let base = span.start;
    let tok = |a: usize, b: usize| Token {
        span: Span::new(a + base, b + base),
    };
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        let c_len = c.len_utf8();
        if is_space(c) || is_invisible(c) {
            i += c_len;
            continue;
        }
        if c.is_alphanumeric() {
            // A word: letters, digits, marks, inner apostrophes, inner stops of acronyms,
            // number separators.
            let mut j = i + c_len;
            let mut prev = c;
            let mut acronym = Acronym::Letter.push(c);
            let mut after;
            loop {
                // A run of ASCII letters and digits first (most words are nothing else).
                while let Some(&b) = slice.as_bytes().get(j) {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    let d = char::from(b);
                    acronym = acronym.push(d);
                    prev = d;
                    j += 1;
                }
                after = char_at(slice, j);
                let Some(d) = after else {
                    break;
                };
                let inner = d.is_alphanumeric() || is_mark(d) || is_invisible(d);
                let accept = inner || {
                    // `d` is ASCII here, so the next char starts right after it.
                    let following = || char_at(slice, j + 1);
                    let number_separator = (d == ',' || d == '.')
                        && prev.is_ascii_digit()
                        && following().is_some_and(|e| e.is_ascii_digit());
                    let acronym_stop = d == '.'
                        && acronym.so_far()
                        && following().is_some_and(|e| {
                            e.is_alphabetic() && e.is_uppercase() == c.is_uppercase()
                        });
                    let clock = d == ':' && clock_colon(slice, i, j);
                    let domain = d == '.' && domain_stop(slice, j);
                    number_separator || acronym_stop || clock || domain
                };
                if !accept {
                    break;
                }
                acronym = acronym.push(d);
                prev = d;
                j += d.len_utf8();
            }
            // A stop after the word: keep it when the word is an abbreviation or acronym.
            if after == Some('.') {
                let word = slice.get(i..j).unwrap_or("");
                let is_abbrev = lower_is(word, is_abbreviation)
                    || (acronym.so_far() && word.contains('.'))
                    || (j == i + c_len && c.is_uppercase());
                if is_abbrev {
                    j += 1;
                }
            }
            // Clitics: split n't and 's 're 've 'll 'd 'm.
            let word_end = j;
            match slice.get(i..word_end).and_then(clitic_split) {
                Some(split_at) => {
                    res.push(tok(i, i + split_at));
                    res.push(tok(i + split_at, word_end));
                }
                None => res.push(tok(i, word_end)),
            }
            i = j;
            // Possessive or clitic after the word: 's, 've, ...
            let Some(ap) = char_at(slice, i).filter(|&a| is_apostrophe(a)) else {
                continue;
            };
            let after_ap = i + ap.len_utf8();
            let mut k = after_ap;
            while let Some(e) = char_at(slice, k) {
                if !e.is_alphabetic() {
                    break;
                }
                k += e.len_utf8();
            }
            // Compared in ASCII lower case; other chars never equal an ASCII clitic.
            let clitic = slice.get(after_ap..k).unwrap_or("");
            let Some(last) = res.last_mut() else {
                continue;
            };
            let prev_len = last.span.len();
            if clitic.eq_ignore_ascii_case("t")
                && prev_len > 1
                && text.get(last.span.end - 1..last.span.end) == Some("n")
            {
                // "won't" -> "wo" "n't", "don't" -> "do" "n't".
                let n_start = last.span.end - 1;
                last.span.end = n_start;
                res.push(Token {
                    span: Span::new(n_start, k + base),
                });
                i = k;
            } else if ["s", "re", "ve", "ll", "d", "m"]
                .iter()
                .any(|cl| clitic.eq_ignore_ascii_case(cl))
            {
                res.push(tok(i, k));
                i = k;
            } else if k == after_ap {
                // Plural possessive: "countries'".
                res.push(tok(i, after_ap));
                i = after_ap;
            } else {
                // Inner apostrophe of a name (O'Brien): join.
                let mut joined_end = k;
                while let Some(e) = char_at(slice, joined_end) {
                    if !e.is_alphanumeric() {
                        break;
                    }
                    joined_end += e.len_utf8();
                }
                last.span.end = joined_end + base;
                i = joined_end;
            }
            continue;
        }
        if c == '$' || c == '\u{20ac}' || c == '\u{00a3}' || c == '\u{00a5}' {
            res.push(tok(i, i + c_len));
            i += c_len;
            continue;
        }
        // Punctuation: runs of the same mark stay together ("...", "--", "``", "''").
        let mut j = i + c_len;
        if matches!(c, '.' | '-' | '`' | '\'' | '*' | '=' | '_' | '!' | '?') {
            while char_at(slice, j) == Some(c) {
                j += c_len;
            }
        }
        res.push(tok(i, j));
        i = j;
    }
    res
}

/// Top-level domains that make "name.com" one token, as the name of a site.
const DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "info", "co", "uk", "au", "ca", "nz", "ie", "de", "fr", "tv",
];

/// Whether the `.` at byte `stop` of `slice` is the inner stop of a web address: a known
/// top-level domain in lower case follows, ending the word ("9news.com", "bbc.co.uk").
fn domain_stop(slice: &str, stop: usize) -> bool {
    let rest = slice.as_bytes().get(stop + 1..).unwrap_or(&[]);
    let len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let ends = rest
        .get(len)
        .is_none_or(|&b| !b.is_ascii_alphanumeric() && b != b'-');
    let tld = slice.get(stop + 1..stop + 1 + len).unwrap_or("");
    ends && DOMAINS.contains(&tld)
}

/// Whether the `:` at byte `colon` of `slice`, in the word starting at byte `start`, is inside
/// a clock time: one or two digits before it, exactly two after ("09:30", "9:05").
fn clock_colon(slice: &str, start: usize, colon: usize) -> bool {
    let bytes = slice.as_bytes();
    let hours = bytes.get(start..colon).unwrap_or(&[]);
    let minutes = bytes.get(colon + 1..colon + 3).unwrap_or(&[]);
    let after = bytes.get(colon + 3);
    (1..=2).contains(&hours.len())
        && hours.iter().all(u8::is_ascii_digit)
        && minutes.len() == 2
        && minutes.iter().all(u8::is_ascii_digit)
        && after.is_none_or(|b| !b.is_ascii_alphanumeric())
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}'
            | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{00ad}'
    )
}

/// Where a word splits into stem and a `n't` clitic (a byte offset), if it does: at least four
/// chars, ending in `n`, an apostrophe and `t`.
fn clitic_split(word: &str) -> Option<usize> {
    let mut rev = word.char_indices().rev();
    let (_, t) = rev.next()?;
    let (_, ap) = rev.next()?;
    let (n_at, nn) = rev.next()?;
    rev.next()?;
    (t.eq_ignore_ascii_case(&'t') && is_apostrophe(ap) && nn.eq_ignore_ascii_case(&'n'))
        .then_some(n_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentence_spans(text).iter().map(|s| s.of(text)).collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.span.of(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_acronyms_do_not_split() {
        assert_eq!(
            sents("A U.S.-backed plan was shown to Mr. Smith on Nov. 17 in Paris. It failed."),
            vec![
                "A U.S.-backed plan was shown to Mr. Smith on Nov. 17 in Paris.",
                "It failed."
            ]
        );
        assert_eq!(
            sents("Vice President J. D. Vance met a top U.S. Army official. Then he left."),
            vec![
                "Vice President J. D. Vance met a top U.S. Army official.",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            vec!["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        assert_eq!(
            sents("\"We are ready.\" The plan says so. \"Is it?\" he asked."),
            vec![
                "\"We are ready.\"",
                "The plan says so.",
                "\"Is it?\" he asked."
            ]
        );
    }

    #[test]
    fn headlines_and_captions_without_stops() {
        assert_eq!(
            sents("Headline without stop\n\nBody one. Body two.\nCaption line\nReuters\n\nNext"),
            vec![
                "Headline without stop",
                "Body one.",
                "Body two.",
                "Caption line",
                "Reuters",
                "Next"
            ]
        );
    }

    #[test]
    fn tokens_follow_treebank_conventions() {
        assert_eq!(
            toks("Ukraine's army, U.S.-backed, won't limit 600,000 troops to $1.5bn."),
            vec![
                "Ukraine", "'s", "army", ",", "U.S.", "-", "backed", ",", "wo", "n't", "limit",
                "600,000", "troops", "to", "$", "1.5bn", "."
            ]
        );
        assert_eq!(toks("Mr. Driscoll"), vec!["Mr.", "Driscoll"]);
        assert_eq!(
            toks("O'Brien said \"no\""),
            vec!["O'Brien", "said", "\"", "no", "\""]
        );
        assert_eq!(
            toks("Zelenskyy\u{2019}s office"),
            vec!["Zelenskyy", "\u{2019}s", "office"]
        );
    }

    #[test]
    fn web_addresses_and_clock_times_stay_whole() {
        assert_eq!(
            toks("Shopmart.com reported at 7:45 GMT, said bbc.co.uk."),
            vec![
                "Shopmart.com",
                "reported",
                "at",
                "7:45",
                "GMT",
                ",",
                "said",
                "bbc.co.uk",
                "."
            ]
        );
        // Not a domain or a time: a stop between sentences, a ratio, a list colon.
        assert_eq!(toks("ended.Then"), vec!["ended", ".", "Then"]);
        assert_eq!(toks("won 3:1 at"), vec!["won", "3", ":", "1", "at"]);
        assert_eq!(toks("Note: 10:300"), vec!["Note", ":", "10", ":", "300"]);
        assert_eq!(
            sents("Readers of Shopmart.com were told. They left."),
            vec!["Readers of Shopmart.com were told.", "They left."]
        );
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(sents("").is_empty());
        assert!(sents(" \n\t \n").is_empty());
        assert_eq!(
            sents("\u{200f}\u{200d}e\u{301}."),
            vec!["\u{200f}\u{200d}e\u{301}."]
        );
        assert_eq!(sents("a\r\n\r\nB"), vec!["a", "B"]);
    }

    #[test]
    fn odd_apostrophes_stops_and_long_words() {
        // A modifier-letter apostrophe is a letter: the clitic splits inside the word.
        assert_eq!(toks("don\u{2bc}t go"), vec!["do", "n\u{2bc}t", "go"]);
        assert_eq!(
            toks("countries' \u{2019}"),
            vec!["countries", "'", "\u{2019}"]
        );
        assert_eq!(
            toks("\u{20ac}5 \u{212a}."),
            vec!["\u{20ac}", "5", "\u{212a}."]
        );
        assert_eq!(toks("a.m. U.S.A.!?"), vec!["a.m.", "U.S.A.", "!", "?"]);
        assert_eq!(
            sents("Nov. 17 was cold. No. 5 won."),
            vec!["Nov. 17 was cold.", "No. 5 won."]
        );
        assert_eq!(
            sents("\u{2026} \u{2026}A b\u{2026} C"),
            vec!["\u{2026}", "\u{2026}A b\u{2026}", "C"]
        );
        // Long acronyms and numbers stay one token, in linear time.
        let acronym = "A.".repeat(50_000) + "A";
        assert_eq!(toks(&acronym), vec![acronym.as_str()]);
        let number = "1,".repeat(50_000) + "1";
        assert_eq!(toks(&number), vec![number.as_str()]);
        let word = "\u{e9}".repeat(50_000) + ".";
        assert_eq!(sents(&word), vec![word.as_str()]);
    }
}
