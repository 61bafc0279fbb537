//! The layout of table answers: aligned columns, one line per row, long cells cut at a word
//! boundary (never mid-word), and the one row layout of a claim that `claims`, `search` and
//! the other claim listings share.

use crate::graph::{RelationRef, SupportRef};

/// Most characters of a cell before it is cut.
pub const MAX_CELL: usize = 100;

/// Left-aligned columns two spaces apart; control characters become spaces and cells longer
/// than 100 characters (`MAX_CELL`) are cut after their last whole word, with `…`.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut_at_word(c, MAX_CELL)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            if i > 0 {
                l.push_str("  ");
            }
            l.push_str(cell);
            l.extend(std::iter::repeat_n(
                ' ',
                w.saturating_sub(cell.chars().count()),
            ));
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().copied());
    for row in &rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// `text` on one line, at most `max` characters: when longer, the words that fit and `…`
/// (a single word longer than `max` is cut, as there is no boundary to cut at).
pub fn cut_at_word(text: &str, max: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= max {
        return one_line;
    }
    // Room for the words and " …".
    let room = max.saturating_sub(2);
    // One character past the room: a word that ends exactly at the room is whole.
    let head: String = one_line.chars().take(room + 1).collect();
    let cut = match head.rfind(char::is_whitespace) {
        Some(at) if at > 0 => head.get(..at).unwrap_or(&head).trim_end().to_string(),
        _ => head.chars().take(room).collect(),
    };
    format!("{cut} …")
}

/// Column names of a claim row (see [`claim_row`]).
pub const CLAIM_HEADERS: &[&str] = &[
    "date",
    "subject",
    "predicate",
    "object",
    "modality",
    "negated",
    "supports",
    "source",
    "per",
    "evidence",
];

/// One relation as a row of [`CLAIM_HEADERS`] over the supports kept: the earliest article
/// date, the predicate (with `not` when negated), modality, negation, the number of
/// supports, the articles' sources (the first and how many more), the attributions and the
/// first support's evidence.
pub fn claim_row(r: &RelationRef<'_>, supports: &[SupportRef<'_>]) -> Vec<String> {
    let date = supports
        .iter()
        .filter_map(|s| s.article.date.as_deref())
        .min()
        .unwrap_or("");
    let mut sources: Vec<&str> = supports
        .iter()
        .filter_map(|s| s.article.source.as_deref())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let source = match sources.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, rest @ ..] => format!("{first} +{}", rest.len()),
    };
    let mut per: Vec<&str> = supports
        .iter()
        .filter_map(|s| s.attribution().map(|a| a.text.as_str()))
        .collect();
    per.sort_unstable();
    per.dedup();
    let negation = if r.relation.negated { "not " } else { "" };
    vec![
        date.to_string(),
        r.subject.label().to_string(),
        format!("{negation}{}", r.predicate()),
        r.object.label().to_string(),
        r.relation.modality.as_str().to_string(),
        if r.relation.negated { "yes" } else { "no" }.to_string(),
        supports.len().to_string(),
        source,
        per.join("; "),
        supports
            .first()
            .map(|s| s.evidence.to_string())
            .unwrap_or_default(),
    ]
}

/// Whether the words of `needle` (folded) occur together, in order, as whole words of
/// `haystack` (folded): `sign` is in `sign deal`, not in `resign`.
pub fn has_words(haystack: &str, needle: &str) -> bool {
    let words: Vec<&str> = needle.split_whitespace().collect();
    if words.is_empty() {
        return true;
    }
    let hay: Vec<&str> = haystack
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    hay.windows(words.len()).any(|w| w == words.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_after_a_whole_word() {
        let text = "The minister said the agreement would be signed before the summit in the capital next spring";
        let cut = cut_at_word(text, 40);
        assert_eq!(cut, "The minister said the agreement would …");
        assert!(cut.chars().count() <= 40);
        assert_eq!(cut_at_word("short\ttext", 40), "short text");
        assert_eq!(cut_at_word("Donaudampfschifffahrt", 10), "Donaudam …");
        // A word ending exactly at the limit stays whole.
        assert_eq!(cut_at_word("abc def ghi", 9), "abc def …");
    }

    #[test]
    fn words_match_whole() {
        assert!(has_words("sign", "sign"));
        assert!(has_words("sign deal", "sign"));
        assert!(!has_words("resign", "sign"));
        assert!(!has_words("signal", "sign"));
        assert!(has_words("withdraw from", "withdraw from"));
        assert!(!has_words("withdraw to from", "withdraw from"));
    }
}
