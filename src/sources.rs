//! Source reliability, graded as intelligence analysts grade it (the Admiralty system), and the
//! credibility of a claim derived from its corroboration and its conflicts.
//!
//! A sources file (`--sources FILE`) is a RON list:
//!
//! ```text
//! [
//!     (name: "Reuters", aliases: ["Reuters News"], reliability: "A"),
//!     (name: "Daily Rumour", reliability: "F"),
//! ]
//! ```
//!
//! Reliability grades: **A** completely reliable, **B** usually reliable, **C** fairly reliable,
//! **D** not usually reliable, **E** unreliable, **F** reliability cannot be judged. An article's
//! `source` (and the news agency it credits) is matched to a name or alias of the list, case
//! and diacritics aside; a source the list does not name is unrated, which counts as F.
//!
//! **Credibility** of a claim, 1 to 6 ([`credibility`]), from its independent sources (copies of
//! one report count once), the best grade among them and the strongest comparable claim that
//! contradicts it (a conflict side: best grade first, then most independent sources):
//!
//! | credibility | when |
//! |---|---|
//! | 1 confirmed | not contradicted; two or more independent sources, the best grade among them not D or E |
//! | 2 probably true | not contradicted; one source rated A or B |
//! | 3 possibly true | not contradicted and one source rated C, or two or more sources whose best grade is D or E; or contradicted by a weaker side (worse grade, or the same grade and fewer sources) |
//! | 4 doubtful | not contradicted and one source rated D or E; or contradicted by an equally strong side (same grade, same number of sources) |
//! | 5 improbable | contradicted by a more reliable side (a better grade, or the same grade and more independent sources) |
//! | 6 cannot be judged | not contradicted; one source, unrated or rated F |
//!
//! This module reads no file (the binary does) and knows nothing of the graph: it maps names to
//! grades and numbers to a credibility.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::fold::fold_name;

/// An Admiralty reliability grade. `A` is the best; the order is A < B < ... < F, so the
/// minimum of several grades is the best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl Reliability {
    /// `"A"` to `"F"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reliability::A => "A",
            Reliability::B => "B",
            Reliability::C => "C",
            Reliability::D => "D",
            Reliability::E => "E",
            Reliability::F => "F",
        }
    }

    /// The grade named by one letter, either case.
    pub fn parse(s: &str) -> Option<Reliability> {
        Some(match s.trim() {
            "A" | "a" => Reliability::A,
            "B" | "b" => Reliability::B,
            "C" | "c" => Reliability::C,
            "D" | "d" => Reliability::D,
            "E" | "e" => Reliability::E,
            "F" | "f" => Reliability::F,
            _ => return None,
        })
    }

    /// Whether this grade is `other` or better.
    pub fn at_least(self, other: Reliability) -> bool {
        self <= other
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Reliability {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Reliability, D::Error> {
        let s = String::deserialize(d)?;
        Reliability::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "reliability {s:?} is not a grade; use \"A\" (completely reliable) to \"F\" \
                 (cannot be judged)"
            ))
        })
    }
}

/// One entry of a sources file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    reliability: Reliability,
}

/// A named source with its grade.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub aliases: Vec<String>,
    pub reliability: Reliability,
}

/// The sources of a file, looked up by any name or alias (folded).
#[derive(Clone, Debug, Default)]
pub struct SourceList {
    sources: Vec<Source>,
    by_name: BTreeMap<String, usize>,
}

/// A sources file that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourcesError {
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{path}:{line}: the name {alias:?} belongs to both {first:?} and {second:?}; keep it in one entry")]
    Duplicate {
        path: String,
        line: usize,
        alias: String,
        first: String,
        second: String,
    },
}

impl SourceList {
    /// Parses the text of a sources file; `path` is only used in errors.
    ///
    /// # Errors
    ///
    /// [`SourcesError::Syntax`] with RON's line and column for malformed RON, an unknown field
    /// or a grade that is not A-F; [`SourcesError::Duplicate`] when one name or alias belongs
    /// to two entries with different grades.
    pub fn parse(path: &str, text: &str) -> Result<SourceList, SourcesError> {
        let raw: Vec<RawSource> = ron::from_str(text).map_err(|err| SourcesError::Syntax {
            path: path.to_string(),
            line: err.position.line,
            col: err.position.col,
            message: err.code.to_string(),
        })?;
        let mut res = SourceList::default();
        for entry in raw {
            let idx = res.sources.len();
            for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                let key = fold_name(name);
                if key.is_empty() {
                    continue;
                }
                match res.by_name.get(&key) {
                    Some(&other) if other != idx => {
                        let first = &res.sources[other];
                        if first.reliability != entry.reliability {
                            return Err(SourcesError::Duplicate {
                                path: path.to_string(),
                                line: line_of_entry(text, idx),
                                alias: name.clone(),
                                first: first.name.clone(),
                                second: entry.name.clone(),
                            });
                        }
                    }
                    _ => {
                        res.by_name.insert(key, idx);
                    }
                }
            }
            res.sources.push(Source {
                name: entry.name,
                aliases: entry.aliases,
                reliability: entry.reliability,
            });
        }
        Ok(res)
    }

    /// The source a publisher or agency name stands for, case and diacritics aside.
    pub fn find(&self, name: &str) -> Option<&Source> {
        self.by_name
            .get(&fold_name(name))
            .and_then(|&idx| self.sources.get(idx))
    }

    /// The grade of a name (`None`: not in the list).
    pub fn reliability(&self, name: &str) -> Option<Reliability> {
        self.find(name).map(|s| s.reliability)
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// The 1-based line of the `k`-th entry's `name:` field, counted in the text (the RON parser
/// gives no positions for values that parsed); 1 when it cannot be found.
fn line_of_entry(text: &str, k: usize) -> usize {
    let mut seen = 0;
    let mut offset = 0;
    while let Some(at) = text.get(offset..).and_then(|t| t.find("name")) {
        let pos = offset + at;
        let word_start = pos == 0
            || !text[..pos]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = text.get(pos + 4..).unwrap_or("").trim_start();
        if word_start && after.starts_with(':') {
            if seen == k {
                return text[..pos].matches('\n').count() + 1;
            }
            seen += 1;
        }
        offset = pos + 4;
    }
    1
}

/// What a claim (or a side of a conflict) has behind it: independent sources and the best
/// grade among them (`None`: no source is rated).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub n_sources: usize,
    pub reliability: Option<Reliability>,
}

impl Standing {
    /// The grade used for comparing: unrated counts as F.
    fn grade(&self) -> Reliability {
        self.reliability.unwrap_or(Reliability::F)
    }

    /// Whether this side outweighs `other`: a better grade, or the same grade and more
    /// independent sources.
    pub fn stronger_than(&self, other: &Standing) -> bool {
        (std::cmp::Reverse(self.grade()), self.n_sources)
            > (std::cmp::Reverse(other.grade()), other.n_sources)
    }
}

/// Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Credibility(u8);

impl Credibility {
    pub fn value(self) -> u8 {
        self.0
    }

    /// `confirmed`, `probably true`, `possibly true`, `doubtful`, `improbable`,
    /// `cannot be judged`.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "confirmed",
            2 => "probably true",
            3 => "possibly true",
            4 => "doubtful",
            5 => "improbable",
            _ => "cannot be judged",
        }
    }
}

/// The credibility of a claim with standing `own`, contradicted by the strongest of
/// `against` (none: not contradicted). The rule is the table in the module docs.
pub fn credibility(own: Standing, against: Option<Standing>) -> Credibility {
    let grade = own.grade();
    let unreliable = matches!(grade, Reliability::D | Reliability::E);
    let value = match against {
        Some(other) if other.stronger_than(&own) => 5,
        Some(other) if own.stronger_than(&other) => 3,
        Some(_) => 4,
        None if own.n_sources >= 2 => {
            if unreliable {
                3
            } else {
                1
            }
        }
        None => match grade {
            Reliability::A | Reliability::B => 2,
            Reliability::C => 3,
            Reliability::D | Reliability::E => 4,
            Reliability::F => 6,
        },
    };
    Credibility(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[
    (name: "Reuters", aliases: ["Reuters News", "Thomson Reuters"], reliability: "A"),
    (name: "Le Monde diplomatique", reliability: "b"),
    (name: "Daily Rumour", reliability: "F"),
]"#;

    #[test]
    fn names_and_aliases_match_case_and_diacritics_aside() {
        let list = SourceList::parse("s.ron", FILE).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list.reliability("reuters news"), Some(Reliability::A));
        assert_eq!(list.reliability("THOMSON REUTERS"), Some(Reliability::A));
        assert_eq!(
            list.reliability("Le Mondé Diplomatique"),
            Some(Reliability::B)
        );
        assert_eq!(list.reliability("Daily Rumour"), Some(Reliability::F));
        assert_eq!(list.reliability("Reuter"), None);
        assert_eq!(list.find("reuters").unwrap().name, "Reuters");
    }

    #[test]
    fn malformed_files_name_file_line_and_column() {
        let bad_grade = "[\n  (name: \"X\", reliability: \"G\"),\n]";
        let err = SourceList::parse("s.ron", bad_grade).unwrap_err();
        let SourcesError::Syntax { line, col, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(*line, 2);
        assert!(*col > 1, "{err}");
        assert!(err.to_string().starts_with("s.ron:2:"), "{err}");
        assert!(err.to_string().contains("\"G\""), "{err}");

        let missing_bracket = "[\n  (name: \"X\", reliability: \"A\"),\n  (name: \"Y\"\n";
        let err = SourceList::parse("dir/s.ron", missing_bracket).unwrap_err();
        assert!(err.to_string().starts_with("dir/s.ron:"), "{err}");

        let unknown_field = "[(name: \"X\", reliabilty: \"A\")]";
        let err = SourceList::parse("s.ron", unknown_field).unwrap_err();
        assert!(err.to_string().starts_with("s.ron:1:"), "{err}");
    }

    #[test]
    fn one_alias_with_two_grades_is_refused_on_the_second_entry_line() {
        let text = "[\n (name: \"A Wire\", reliability: \"A\"),\n (name: \"Other\",\n  aliases: [\"a wire\"], reliability: \"D\"),\n]";
        let err = SourceList::parse("s.ron", text).unwrap_err();
        assert_eq!(
            err,
            SourcesError::Duplicate {
                path: "s.ron".into(),
                line: 3,
                alias: "a wire".into(),
                first: "A Wire".into(),
                second: "Other".into(),
            }
        );
        // The same grade twice is harmless.
        let same = "[(name: \"A\", reliability: \"C\"), (name: \"B\", aliases: [\"a\"], reliability: \"C\")]";
        assert!(SourceList::parse("s.ron", same).is_ok());
    }

    fn st(n_sources: usize, grade: Option<&str>) -> Standing {
        Standing {
            n_sources,
            reliability: grade.and_then(Reliability::parse),
        }
    }

    #[test]
    fn credibility_follows_the_documented_table() {
        let c = |own, against| credibility(own, against).value();
        // Not contradicted.
        assert_eq!(c(st(2, None), None), 1);
        assert_eq!(c(st(3, Some("F")), None), 1);
        assert_eq!(c(st(2, Some("D")), None), 3);
        assert_eq!(c(st(1, Some("A")), None), 2);
        assert_eq!(c(st(1, Some("B")), None), 2);
        assert_eq!(c(st(1, Some("C")), None), 3);
        assert_eq!(c(st(1, Some("E")), None), 4);
        assert_eq!(c(st(1, Some("F")), None), 6);
        assert_eq!(c(st(1, None), None), 6);
        // Contradicted.
        assert_eq!(c(st(1, Some("D")), Some(st(1, Some("A")))), 5);
        assert_eq!(c(st(1, None), Some(st(2, None))), 5);
        assert_eq!(c(st(1, None), Some(st(1, None))), 4);
        assert_eq!(c(st(1, Some("A")), Some(st(3, Some("F")))), 3);
        assert_eq!(c(st(2, Some("B")), Some(st(1, Some("B")))), 3);
        assert_eq!(credibility(st(1, None), None).label(), "cannot be judged");
    }

    #[test]
    fn grades_order_best_first() {
        assert!(Reliability::A.at_least(Reliability::C));
        assert!(Reliability::C.at_least(Reliability::C));
        assert!(!Reliability::D.at_least(Reliability::C));
        assert_eq!(
            [Reliability::D, Reliability::B].iter().min(),
            Some(&Reliability::B)
        );
    }
}
