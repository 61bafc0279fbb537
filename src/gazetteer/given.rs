//! Given names with the gender they show (`gazetteer/cues/given_genders.tsv`, built by
//! `scripts/gazetteer/given_genders.py` from the US Census 1990 first-name lists).
//!
//! Pronoun resolution asks it for the gender of a person's first name when the article itself
//! shows none. A name common for both genders (`b` in the file: Jordan, Kim, Jean) gives no
//! gender, and so does a name the table does not hold. The table is compiled into the binary
//! and parsed on first use (about 1,500 short lines); a line that does not parse is skipped at
//! run time, and a unit test fails on any such line and on an unsorted or repeated name.

use std::sync::OnceLock;

use crate::fold::fold_name;

/// The gender a title, a role noun, a pronoun or a given name shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

static TABLE: &str = include_str!("../../gazetteer/cues/given_genders.tsv");

/// What one line of the table says: the folded name, and its gender (`None`: both).
type Row = (&'static str, Option<Gender>);

fn parse_line(line: &'static str) -> Option<Row> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let (name, gender) = line.split_once('\t')?;
    let gender = match gender {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        "b" => None,
        _ => return None,
    };
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase());
    ok.then_some((name, gender))
}

/// Every row of the shipped table, sorted by name (the file's order).
fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| TABLE.lines().filter_map(parse_line).collect())
}

/// The gender the given name `word` shows ("Margaret" → female), if the table knows it and
/// the name is not common for both genders. Case and diacritics do not matter.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    let key = fold_name(word).to_lowercase();
    let rows = rows();
    let idx = rows
        .binary_search_by(|(name, _)| (*name).cmp(key.as_str()))
        .ok()?;
    rows.get(idx).and_then(|(_, gender)| *gender)
}

/// Whether the table holds `word` at all, gendered or not.
pub fn is_listed_given_name(word: &str) -> bool {
    let key = fold_name(word).to_lowercase();
    rows()
        .binary_search_by(|(name, _)| (*name).cmp(key.as_str()))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses_and_names_are_sorted_once() {
        let lines: Vec<&str> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        for line in &lines {
            assert!(parse_line(line).is_some(), "bad line: {line:?}");
        }
        assert_eq!(rows().len(), lines.len());
        assert!(rows().len() > 1000, "table too small: {}", rows().len());
        for pair in rows().windows(2) {
            assert!(pair[0].0 < pair[1].0, "not sorted: {:?}", pair);
        }
    }

    #[test]
    fn common_names_have_their_gender_and_shared_names_none() {
        assert_eq!(given_name_gender("Margaret"), Some(Gender::Female));
        assert_eq!(given_name_gender("ROBERT"), Some(Gender::Male));
        assert_eq!(given_name_gender("José"), Some(Gender::Male));
        // Common for both, or another language's name for the other gender.
        for name in ["Jordan", "Kim", "Jean", "Andrea"] {
            assert_eq!(given_name_gender(name), None, "{name}");
            assert!(is_listed_given_name(name), "{name}");
        }
        // Not a given name at all, or too rare to tell (surnames of other languages).
        for name in ["Kowalczyk", "Li", "", "o'neill"] {
            assert_eq!(given_name_gender(name), None, "{name}");
        }
    }
}
