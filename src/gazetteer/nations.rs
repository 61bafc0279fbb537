//! The ids of the countries (`gazetteer/news/countries.ron`, compiled in): which places a
//! description such as "the country" may stand for. The ids are read from the file's entries
//! on first use; the file is the shipped layer's only source of countries.

use std::collections::HashSet;
use std::sync::OnceLock;

static COUNTRIES: &str = include_str!("../../gazetteer/news/countries.ron");

/// Whether `id` is the gazetteer id of a country (or a historical state) of the shipped list.
pub fn is_country(id: &str) -> bool {
    static IDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| {
        COUNTRIES
            .split("(id:\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect()
    })
    .contains(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_known_and_nothing_else() {
        assert!(is_country("place:france"));
        assert!(is_country("place:united-states"));
        assert!(!is_country("place:europe"));
        assert!(!is_country("iso3166-2:us-mn"));
        assert!(!is_country(""));
    }
}
