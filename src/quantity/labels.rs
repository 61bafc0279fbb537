//! Numbers that label, locate or measure rather than count or date: a street address ("10
//! Harrow Street", "1290 Avenue of the Americas"), a label after lower-case "number" or "no."
//! ("the number 26 bus"), a year-shaped number before a unit of measure ("2015 metres", which
//! is a length, not the year), and digits grouped by spaces or by stops before a counted noun
//! ("4 000 staff", "2.400 personnel"), which are one number.

/// Words that end a street's name ("Street", "Ave.").
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Ave.",
    "Road",
    "Rd",
    "Rd.",
    "Boulevard",
    "Blvd",
    "Blvd.",
    "Lane",
    "Drive",
    "Place",
    "Square",
    "Way",
    "Court",
    "Terrace",
    "Parkway",
    "Crescent",
    "Plaza",
];

/// Units of measure (length, area, volume, weight, speed, temperature): after a year-shaped
/// number they make it a measure ("2015 metres"), never a year.
const MEASURES: &[&str] = &[
    "m",
    "km",
    "cm",
    "mm",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "feet",
    "ft",
    "foot",
    "miles",
    "yards",
    "inches",
    "tonnes",
    "tons",
    "kg",
    "kilograms",
    "kilos",
    "pounds",
    "lbs",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "hectares",
    "acres",
    "sq",
    "square",
    "cubic",
    "degrees",
    "mph",
    "km/h",
    "kph",
    "knots",
    "calories",
];

/// Whether `w` is a unit of measure (`MEASURES`).
pub(crate) fn is_measure(w: &str) -> bool {
    MEASURES.contains(&w.to_lowercase().as_str())
}

/// A house number: digits, with at most one letter after them ("221B").
fn house_number(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.len() <= 5
        && w.len() - digits.len() <= 1
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether the number at word `k` is a street address's house number: one to four capitalised
/// words after it, one of them a street word ("10 Harrow Street", "55 Fifth Avenue", "1290
/// Avenue of the Americas").
pub(crate) fn street_address(words: &[&str], k: usize) -> bool {
    if !words.get(k).is_some_and(|w| house_number(w)) {
        return false;
    }
    for &w in words.iter().skip(k + 1).take(4) {
        if STREET_WORDS.contains(&w) {
            return true;
        }
        let capitalised = w.starts_with(|c: char| c.is_uppercase());
        let ordinal = w.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
        if !(capitalised || ordinal) {
            return false;
        }
    }
    false
}

/// Whether the number at word `k` is a label after lower-case "number" or "no." ("the number
/// 26 bus", "ranked number 3"): a plain integer of at most four digits.
pub(crate) fn numbered(words: &[&str], k: usize) -> bool {
    let label = words
        .get(k)
        .is_some_and(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()));
    let before = k.checked_sub(1).and_then(|p| words.get(p));
    label && before.is_some_and(|w| matches!(*w, "number" | "no." | "nos."))
}

/// Whether a four-digit number at word `k` is no year: a measure ("2015 metres"), a sum of
/// money ("$1300", "1500 euros", "1000 billion"), a house number or a label.
pub fn not_a_year(words: &[&str], k: usize) -> bool {
    words.get(k + 1).is_some_and(|w| is_measure(w))
        || money(words, k)
        || street_address(words, k)
        || numbered(words, k)
}

/// Whether the number at word `k` is read as money or a scaled figure: a currency sign or
/// code right before it, a currency or scale word right after it.
fn money(words: &[&str], k: usize) -> bool {
    let before = k.checked_sub(1).and_then(|p| words.get(p));
    let sign = before.is_some_and(|w| w.ends_with('$') || super::currency(w).is_some());
    let after = words
        .get(k + 1)
        .is_some_and(|w| super::currency(w).is_some() || super::scale_word(w).is_some());
    sign || after
}

/// The value of the three-digit groups after a number of one to three digits at word `k`,
/// written with spaces ("4 000", "1 500 000"): (the whole integer, the word after it). Not
/// after a month ("May 5 300 ..." is a date and a count) and not for a group that goes on
/// with a decimal.
pub(crate) fn spaced_groups(words: &[&str], k: usize) -> Option<(i128, usize)> {
    let first = words.get(k)?;
    let digits = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits(first) || first.starts_with('0') {
        return None;
    }
    let month_before = k
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .is_some_and(|w| super::month_number(w).is_some());
    if month_before {
        return None;
    }
    let mut value: i128 = first.parse().ok()?;
    let mut i = k + 1;
    while let Some(w) = words.get(i).filter(|w| w.len() == 3 && digits(w)) {
        value = value
            .checked_mul(1000)?
            .checked_add(w.parse::<i128>().ok()?)?;
        i += 1;
    }
    (i > k + 1).then_some((value, i))
}

/// Whether a number written `w` ("2.400") before the counted noun `unit` is digits grouped by
/// stops, as many languages write thousands: one to three digits, a stop, exactly three
/// digits, before a plural noun that is no unit of measure ("2.400 personnel", "5.000
/// people"); a count of people is never a fraction.
pub(crate) fn stop_grouped(w: &str, unit: Option<&str>) -> bool {
    let Some((int, frac)) = w.split_once('.') else {
        return false;
    };
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let grouped = digits(int) && int.len() <= 3 && !int.starts_with('0') && frac.len() == 3;
    let counted = unit.is_some_and(|u| {
        u.chars().all(|c| c.is_ascii_lowercase())
            && (u.ends_with('s') || matches!(u, "people" | "personnel" | "staff" | "police"))
            && !is_measure(u)
            && u != "percent"
    });
    grouped && digits(frac) && counted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    /// The value, unit and bound of the first amount in a sentence.
    fn read(text: &str) -> Option<(String, Option<String>, Option<&'static str>)> {
        let w = words(text);
        let a = super::super::find_amount(&w, 0, 0, w.len(), 0..0)?;
        Some((
            a.value.value_string(),
            a.value.unit,
            a.bound.map(|b| b.as_str()),
        ))
    }

    fn value(
        v: &str,
        unit: Option<&str>,
    ) -> Option<(String, Option<String>, Option<&'static str>)> {
        Some((v.to_string(), unit.map(str::to_string), None))
    }

    #[test]
    fn amounts_read_past_labels_and_grouped_digits() {
        assert_eq!(read("the office at 10 Harrow Street closed"), None);
        assert_eq!(read("the driver of the number 26 bus"), None);
        assert_eq!(
            read("the plant employs 4 000 staff"),
            value("4000", Some("staff"))
        );
        assert_eq!(read("holds NOK 1 500 000 ."), value("1500000", Some("NOK")));
        assert_eq!(
            read("sent 2.400 personnel there"),
            value("2400", Some("personnel"))
        );
        assert_eq!(read("a fare of 3.125 miles"), value("3.125", Some("miles")));
        assert_eq!(read("paid CHF 250 for it"), value("250", Some("CHF")));
        assert_eq!(
            read("raised US$ 5 million ( A $ 6.5 million ) ."),
            value("5000000", Some("USD"))
        );
        let words = words("raised US$ 5 million ( A $ 6.5 million ) .");
        let second = super::super::find_amount(&words, 5, 5, words.len(), 0..0);
        assert_eq!(second.and_then(|a| a.value.unit), Some("AUD".to_string()));
        assert_eq!(
            read("growth between 4.5 - 5.5 % this year").map(|r| (r.1, r.2)),
            Some((Some("percent".to_string()), Some("range")))
        );
        assert_eq!(read("received a 302 - 126 approval in the house"), None);
        assert_eq!(
            read("a wall 2015 metres long").map(|r| r.0),
            Some("2015".to_string())
        );
    }

    #[test]
    fn house_numbers_of_streets_are_addresses() {
        assert!(street_address(&words("at 10 Harrow Street ."), 1));
        assert!(street_address(&words("at 412 North Elm Ave. ,"), 1));
        assert!(street_address(&words("at 1290 Avenue of the Americas"), 1));
        assert!(street_address(&words("at 55 5th Avenue"), 1));
        assert!(!street_address(&words("employs 10 Harrow workers"), 1));
        assert!(!street_address(&words("sent 300 police to the Street"), 1));
    }

    #[test]
    fn a_year_shaped_measure_or_label_is_no_year() {
        assert!(not_a_year(&words("rose 2015 metres high"), 1));
        assert!(not_a_year(&words("at 1600 Lorne Avenue"), 1));
        assert!(not_a_year(&words("the number 1924 tram"), 2));
        assert!(not_a_year(&words("awarded \u{20ac} 2500 to him"), 2));
        assert!(not_a_year(&words("paid $ 1300 ."), 2));
        assert!(not_a_year(&words("a fine of 1500 euros"), 3));
        assert!(not_a_year(&words("worth 1000 billion"), 1));
        assert!(!not_a_year(&words("in 2015 ."), 1));
        assert!(!not_a_year(&words("the 2015 elections"), 1));
    }

    #[test]
    fn spaced_and_stop_grouped_thousands_are_one_number() {
        assert_eq!(
            spaced_groups(&words("employs 4 000 staff"), 1),
            Some((4000, 3))
        );
        assert_eq!(
            spaced_groups(&words("NOK 1 500 000 ,"), 1),
            Some((1_500_000, 4))
        );
        assert_eq!(spaced_groups(&words("May 5 300 people"), 1), None);
        assert_eq!(spaced_groups(&words("5 apples"), 0), None);
        assert!(stop_grouped("2.400", Some("personnel")));
        assert!(stop_grouped("5.000", Some("protesters")));
        assert!(!stop_grouped("3.299", None));
        assert!(!stop_grouped("1.500", Some("metres")));
        assert!(!stop_grouped("99.999", Some("percent")));
        assert!(!stop_grouped("2.40", Some("people")));
    }
}
