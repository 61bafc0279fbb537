//! Office holders with dates (`gazetteer/news/offices.tsv`): who was a country's president,
//! prime minister, foreign or defence minister, finance minister, central bank governor or
//! monarch, from when to when.
//!
//! The tagger resolves a role phrase ("the German chancellor") to the person the article names
//! in that role, else to the holder this table knows for the article's date. The table is
//! compiled into the binary and parsed on first use; a line that does not parse is skipped at
//! run time, and a unit test fails the build's tests on any such line or on a person id that
//! the curated people do not hold.

use std::sync::OnceLock;

/// The offices the table records (the first field of a line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Office {
    President,
    VicePresident,
    /// Head of government: prime minister, premier, and Germany's and Austria's chancellor.
    PrimeMinister,
    /// The United Kingdom's Chancellor of the Exchequer.
    Chancellor,
    ForeignMinister,
    DefenceMinister,
    FinanceMinister,
    CentralBankGovernor,
    Monarch,
}

impl Office {
    /// The table's key for this office.
    pub fn as_str(self) -> &'static str {
        match self {
            Office::President => "president",
            Office::VicePresident => "vice-president",
            Office::PrimeMinister => "prime-minister",
            Office::Chancellor => "chancellor",
            Office::ForeignMinister => "foreign-minister",
            Office::DefenceMinister => "defence-minister",
            Office::FinanceMinister => "finance-minister",
            Office::CentralBankGovernor => "central-bank-governor",
            Office::Monarch => "monarch",
        }
    }

    fn parse(key: &str) -> Option<Office> {
        Some(match key {
            "president" => Office::President,
            "vice-president" => Office::VicePresident,
            "prime-minister" => Office::PrimeMinister,
            "chancellor" => Office::Chancellor,
            "foreign-minister" => Office::ForeignMinister,
            "defence-minister" => Office::DefenceMinister,
            "finance-minister" => Office::FinanceMinister,
            "central-bank-governor" => Office::CentralBankGovernor,
            "monarch" => Office::Monarch,
            _ => return None,
        })
    }
}

/// One term of office.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub office: Office,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// Gazetteer id of the person.
    pub person: &'static str,
    /// First day in office (`YYYY-MM-DD`).
    pub from: &'static str,
    /// First day out of office; `None` while in office.
    pub to: Option<&'static str>,
}

impl Term {
    /// Whether the term covers `date` (`YYYY-MM-DD`; a longer string is cut to its first ten
    /// bytes, so `2024-05-01T10:00Z` works too).
    pub fn covers(&self, date: &str) -> bool {
        let day = date.get(..10).unwrap_or(date);
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}

static TABLE: &str = include_str!("../../gazetteer/news/offices.tsv");

/// Every term in the shipped table, in file order.
pub fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| TABLE.lines().filter_map(parse_line).collect())
}

/// Whether the line is a comment or blank.
fn is_comment(line: &str) -> bool {
    line.trim().is_empty() || line.starts_with('#')
}

fn parse_line(line: &'static str) -> Option<Term> {
    if is_comment(line) {
        return None;
    }
    let mut fields = line.split('\t');
    let office = Office::parse(fields.next()?)?;
    let country = fields.next()?;
    let person = fields.next()?;
    let from = fields.next()?;
    let to = match fields.next()? {
        "-" => None,
        day => Some(day),
    };
    let is_day = |d: &str| {
        d.len() == 10
            && d.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    let ok = fields.next().is_none()
        && country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && person.starts_with("person:")
        && is_day(from)
        && to.is_none_or(|d| is_day(d) && from < d);
    ok.then_some(Term {
        office,
        country,
        person,
        from,
        to,
    })
}

/// The holder of `office` in `country` on `date`, or the one in office now (the term with no
/// end) when the date is unknown.
pub fn holder(office: Office, country: &str, date: Option<&str>) -> Option<&'static Term> {
    let mut matching = terms()
        .iter()
        .filter(|t| t.office == office && t.country == country);
    match date {
        Some(day) => matching.find(|t| t.covers(day)),
        None => matching.find(|t| t.to.is_none()),
    }
}

/// Whether `person` held `office` in `country` on `date`, or ever when the date is unknown.
pub fn held(person: &str, office: Office, country: &str, date: Option<&str>) -> bool {
    terms().iter().any(|t| {
        t.person == person
            && t.office == office
            && t.country == country
            && date.is_none_or(|day| t.covers(day))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{EntityKind, Gazetteer};

    #[test]
    fn every_line_parses_and_names_a_curated_person() {
        let gaz = Gazetteer::builtin().unwrap();
        let mut n_lines = 0;
        for (idx, line) in TABLE.lines().enumerate() {
            if is_comment(line) {
                continue;
            }
            n_lines += 1;
            let term = parse_line(line)
                .unwrap_or_else(|| panic!("offices.tsv:{}: bad line {line:?}", idx + 1));
            let person = gaz
                .get(term.person)
                .unwrap_or_else(|| panic!("offices.tsv:{}: no {}", idx + 1, term.person));
            assert_eq!(person.kind, EntityKind::Person, "{}", term.person);
        }
        assert_eq!(terms().len(), n_lines);
        assert!(n_lines > 200, "{n_lines}");
    }

    #[test]
    fn terms_of_one_office_do_not_overlap() {
        let all = terms();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.office != b.office || a.country != b.country {
                    continue;
                }
                let apart =
                    a.to.is_some_and(|to| to <= b.from) || b.to.is_some_and(|to| to <= a.from);
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn holder_by_date() {
        let at = |office, country, date| holder(office, country, date).map(|t| t.person);
        assert_eq!(
            at(Office::PrimeMinister, "DE", Some("2023-06-01")),
            Some("person:olaf-scholz")
        );
        assert_eq!(
            at(Office::PrimeMinister, "DE", Some("2010-01-01")),
            Some("person:angela-merkel")
        );
        // The day a term ends belongs to the next holder.
        assert_eq!(
            at(Office::President, "US", Some("2009-01-20")),
            Some("person:barack-obama")
        );
        assert_eq!(at(Office::President, "US", Some("1950-01-01")), None);
        let scholz = "person:olaf-scholz";
        assert!(held(scholz, Office::FinanceMinister, "DE", None));
        assert!(held(
            scholz,
            Office::FinanceMinister,
            "DE",
            Some("2019-01-01")
        ));
        assert!(!held(
            scholz,
            Office::FinanceMinister,
            "DE",
            Some("2023-01-01")
        ));
        assert!(!held(scholz, Office::President, "DE", None));
    }
}
