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

    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
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

/// Sentence spans only.
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let mut res = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0usize;
    while i < n {
        let (pos, c) = chars[i];
        if c == '\n' {
            // Line break: count the run of whitespace and the newlines in it.
            let mut j = i;
            let mut newlines = 0;
            while j < n && is_space(chars[j].1) {
                if chars[j].1 == '\n' {
                    newlines += 1;
                }
                j += 1;
            }
            let next = if j < n { Some(chars[j].1) } else { None };
            let breaks = newlines >= 2
                || match next {
                    None => true,
                    Some(nc) => !nc.is_lowercase(),
                };
            if breaks {
                push_trimmed(text, start, pos, &mut res);
                start = if j < n { chars[j].0 } else { text.len() };
            }
            i = j;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            // Take the whole run of terminators and closers: `?!`, `..."`, `.)`.
            let mut j = i + 1;
            while j < n
                && (matches!(chars[j].1, '.' | '!' | '?' | '\u{2026}') || is_closing(chars[j].1))
            {
                j += 1;
            }
            // Must be followed by whitespace (or the end).
            if j < n && !is_space(chars[j].1) {
                i = j;
                continue;
            }
            let end = if j < n { chars[j].0 } else { text.len() };
            let mut k = j;
            while k < n && is_space(chars[k].1) && chars[k].1 != '\n' {
                k += 1;
            }
            if k < n && chars[k].1 == '\n' {
                // The newline branch decides; but a stop before a line break always ends.
                push_trimmed(text, start, end, &mut res);
                start = end;
                i = k;
                continue;
            }
            if k >= n {
                i = k;
                continue;
            }
            if c == '.' && j == i + 1 && !stop_ends_sentence(text, &chars, i, k) {
                i = j;
                continue;
            }
            let next = chars[k].1;
            let starts_new = next.is_uppercase()
                || next.is_numeric()
                || is_opening_quote(next)
                || matches!(next, '-' | '\u{2013}' | '\u{2014}' | '*' | '\u{2022}')
                || !next.is_alphabetic()
                    && !next.is_lowercase()
                    && !matches!(next, ',' | ';' | ':');
            if starts_new
                && !(c == '.'
                    && j == i + 1
                    && next.is_numeric()
                    && before_is_month(text, &chars, i))
            {
                push_trimmed(text, start, end, &mut res);
                start = chars[k].0;
            }
            i = k;
            continue;
        }
        i += 1;
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

/// The word (letters and inner stops) that ends at the stop at `chars[stop]`.
fn word_before(text: &str, chars: &[(usize, char)], stop: usize) -> String {
    let mut b = stop;
    while b > 0 {
        let c = chars[b - 1].1;
        if c.is_alphanumeric() || c == '.' {
            b -= 1;
        } else {
            break;
        }
    }
    let from = chars.get(b).map(|x| x.0).unwrap_or(0);
    let to = chars.get(stop).map(|x| x.0).unwrap_or(text.len());
    text.get(from..to).unwrap_or("").to_string()
}

fn before_is_month(text: &str, chars: &[(usize, char)], stop: usize) -> bool {
    let word = word_before(text, chars, stop).to_lowercase();
    matches!(
        word.as_str(),
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
}

/// Does the single `.` at `chars[stop]` end the sentence, given the next word starts at `next`?
fn stop_ends_sentence(text: &str, chars: &[(usize, char)], stop: usize, next: usize) -> bool {
    let word = word_before(text, chars, stop);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    // A number: "in 2025." ends a sentence.
    if lower.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // Initials: "J. D. Vance".
    if letters.len() == 1 && word.chars().count() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if is_abbreviation(&lower) {
        // "Nov." or "Gen." before a capital: still the same sentence.
        return false;
    }
    // Dotted acronym: U.S., U.N., U.K., a.m., p.m.
    if word.contains('.') {
        let next_word = next_word_lower(text, chars, next);
        return is_sentence_opener(&next_word);
    }
    true
}

fn next_word_lower(text: &str, chars: &[(usize, char)], from: usize) -> String {
    let mut e = from;
    while e < chars.len() && chars[e].1.is_alphabetic() {
        e += 1;
    }
    let a = chars.get(from).map(|x| x.0).unwrap_or(text.len());
    let b = chars.get(e).map(|x| x.0).unwrap_or(text.len());
    text.get(a..b).unwrap_or("").to_lowercase()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Tokenizes the part of `text` under `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut res = Vec::new();
    let Some(slice) = text.get(span.start..span.end) else {
        return res;
    };
    let base = span.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> usize { chars.get(i).map(|x| x.0).unwrap_or(slice.len()) + base };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if is_space(c) || is_invisible(c) {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            // A word: letters, digits, marks, inner apostrophes, inner stops of acronyms,
            // number separators.
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                let inner = d.is_alphanumeric() || is_mark(d) || is_invisible(d);
                let number_separator = (d == ',' || d == '.')
                    && chars[j - 1].1.is_ascii_digit()
                    && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit();
                let acronym_stop = d == '.'
                    && is_acronym_so_far(&chars[i..j])
                    && j + 1 < n
                    && chars[j + 1].1.is_alphabetic()
                    && chars[j + 1].1.is_uppercase() == chars[i].1.is_uppercase();
                if !(inner || number_separator || acronym_stop) {
                    break;
                }
                j += 1;
            }
            // A stop after the word: keep it when the word is an abbreviation or acronym.
            if j < n && chars[j].1 == '.' {
                let word: String = chars[i..j].iter().map(|x| x.1).collect();
                let lower = word.to_lowercase();
                let is_abbrev = is_abbreviation(&lower)
                    || (word.contains('.') && is_acronym_so_far(&chars[i..j]))
                    || (word.chars().count() == 1 && c.is_uppercase());
                if is_abbrev {
                    j += 1;
                }
            }
            // Clitics: split n't and 's 're 've 'll 'd 'm.
            let word_end = j;
            let (split_at, _) = clitic_split(&chars[i..word_end]);
            if split_at > 0 {
                res.push(Token {
                    span: Span::new(at(i), at(i + split_at)),
                });
                res.push(Token {
                    span: Span::new(at(i + split_at), at(word_end)),
                });
            } else {
                res.push(Token {
                    span: Span::new(at(i), at(word_end)),
                });
            }
            i = j;
            // Possessive or clitic after the word: 's, 've, ...
            if i < n && is_apostrophe(chars[i].1) {
                let mut k = i + 1;
                while k < n && chars[k].1.is_alphabetic() {
                    k += 1;
                }
                let clitic: String = chars[i + 1..k]
                    .iter()
                    .map(|x| x.1.to_ascii_lowercase())
                    .collect();
                let last = res.len() - 1;
                let prev_len = res[last].span.len();
                if clitic == "t"
                    && prev_len > 1
                    && text.get(res[last].span.end - 1..res[last].span.end) == Some("n")
                {
                    // "won't" -> "wo" "n't", "don't" -> "do" "n't".
                    let n_start = res[last].span.end - 1;
                    res[last].span.end = n_start;
                    res.push(Token {
                        span: Span::new(n_start, at(k)),
                    });
                    i = k;
                } else if matches!(clitic.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
                    res.push(Token {
                        span: Span::new(at(i), at(k)),
                    });
                    i = k;
                } else if k == i + 1 {
                    // Plural possessive: "countries'".
                    res.push(Token {
                        span: Span::new(at(i), at(i + 1)),
                    });
                    i += 1;
                } else {
                    // Inner apostrophe of a name (O'Brien): join.
                    let mut joined_end = k;
                    while joined_end < n && chars[joined_end].1.is_alphanumeric() {
                        joined_end += 1;
                    }
                    res[last].span.end = at(joined_end);
                    i = joined_end;
                }
            }
            continue;
        }
        if c == '$' || c == '\u{20ac}' || c == '\u{00a3}' || c == '\u{00a5}' {
            res.push(Token {
                span: Span::new(at(i), at(i + 1)),
            });
            i += 1;
            continue;
        }
        // Punctuation: runs of the same mark stay together ("...", "--", "``", "''").
        let mut j = i + 1;
        while j < n
            && chars[j].1 == c
            && matches!(c, '.' | '-' | '`' | '\'' | '*' | '=' | '_' | '!' | '?')
        {
            j += 1;
        }
        res.push(Token {
            span: Span::new(at(i), at(j)),
        });
        i = j;
    }
    res
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

/// `U` or `U.S` so far: single letters separated by stops.
fn is_acronym_so_far(chars: &[(usize, char)]) -> bool {
    let mut expect_letter = true;
    for &(_, c) in chars {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    !expect_letter
}

/// Where a word splits into stem and a `n't` clitic, if it does.
fn clitic_split(chars: &[(usize, char)]) -> (usize, ()) {
    let n = chars.len();
    if n >= 4 {
        let t = chars[n - 1].1.to_ascii_lowercase();
        let ap = chars[n - 2].1;
        let nn = chars[n - 3].1.to_ascii_lowercase();
        if t == 't' && is_apostrophe(ap) && nn == 'n' {
            return (n - 3, ());
        }
    }
    (0, ())
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
    fn empty_and_odd_input() {
        assert!(sents("").is_empty());
        assert!(sents(" \n\t \n").is_empty());
        assert_eq!(
            sents("\u{200f}\u{200d}e\u{301}."),
            vec!["\u{200f}\u{200d}e\u{301}."]
        );
        assert_eq!(sents("a\r\n\r\nB"), vec!["a", "B"]);
    }
}
