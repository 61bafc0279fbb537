//! Bare dollars in an article that names another dollar. Wikinews and wire copy write the
//! currency once ("Kordia earned NZ$23 million") and a bare "$" after it ("revenue rose to
//! $264 million"); the amount reader, which sees one sentence, reads that "$" as US dollars.
//! When the article declares exactly one other dollar and never writes a US one ("US$",
//! "USD", "U.S. dollars"), its bare dollars are that one.

use crate::claim::{Argument, Claim};

/// Prefixes before "$" that name a dollar other than the US one, with its code.
const DECLARED: &[(&str, &str)] = &[
    ("NZ$", "NZD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("CA$", "CAD"),
    ("CDN$", "CAD"),
    ("C$", "CAD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("NT$", "TWD"),
    ("Z$", "ZWD"),
    ("J$", "JMD"),
    ("TT$", "TTD"),
    ("N$", "NAD"),
    ("RD$", "DOP"),
    ("EC$", "XCD"),
    ("FJ$", "FJD"),
    ("BZ$", "BZD"),
    ("SI$", "SBD"),
    ("WS$", "WST"),
    ("Mex$", "MXN"),
    ("MX$", "MXN"),
];

/// Ways of writing the US dollar explicitly; any of them leaves bare dollars as US ones.
const US_DOLLAR: &[&str] = &[
    "US$",
    "US $",
    "U.S.$",
    "U.S. $",
    "USD",
    "US dollar",
    "U.S. dollar",
    "American dollar",
];

/// The one non-US dollar the article's text declares, if it declares exactly one and writes
/// no US dollar explicitly.
pub(super) fn declared_dollar(text: &str) -> Option<&'static str> {
    if US_DOLLAR.iter().any(|us| occurs_as_word(text, us)) {
        return None;
    }
    let mut found: Option<&'static str> = None;
    for &(prefix, code) in DECLARED {
        if occurs_as_word(text, prefix) {
            if found.is_some_and(|f| f != code) {
                return None;
            }
            found = Some(code);
        }
    }
    found
}

/// Whether `needle` occurs in `text` with no letter or digit right before it ("S$" inside
/// "US$" does not count).
fn occurs_as_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle)
        .any(|(at, _)| !after(text, at, char::is_alphanumeric))
}

/// Whether the character right before byte `at` of `text` passes `test`.
fn after(text: &str, at: usize, test: impl Fn(char) -> bool) -> bool {
    text[..at].chars().next_back().is_some_and(test)
}

/// Gives the article's declared dollar to every amount read as US dollars from a bare "$" or
/// "dollars", and renews the ids of the claims it changes.
pub(super) fn localise_dollars(text: &str, claims: &mut [Claim]) {
    let Some(code) = declared_dollar(text) else {
        return;
    };
    for claim in claims {
        let changed = localise(&mut claim.subject, code) | localise(&mut claim.object, code);
        if changed {
            claim.id = claim.compute_id();
        }
    }
}

fn localise(arg: &mut Argument, code: &str) -> bool {
    let Some(q) = arg.quantity.as_mut() else {
        return false;
    };
    // "USD per day", "USD each": a rate keeps what it is counted per.
    let Some(rest) = q.unit.as_deref().and_then(|u| u.strip_prefix("USD")) else {
        return false;
    };
    if !(rest.is_empty() || rest.starts_with(' ')) || !bare_dollar(&arg.text) {
        return false;
    }
    q.unit = Some(format!("{code}{rest}"));
    true
}

/// Whether an amount's words write the dollar bare: a "$" with no letter before it, or
/// "dollar(s)".
fn bare_dollar(text: &str) -> bool {
    let sign = text
        .match_indices('$')
        .any(|(at, _)| !after(text, at, |c| c.is_alphabetic() || c == '.'));
    sign || text.to_lowercase().contains("dollar")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::QuantityWire;
    use crate::text::Span;

    #[test]
    fn one_declared_dollar_without_a_us_one_is_the_articles_dollar() {
        assert_eq!(
            declared_dollar("Harko earned NZ$23 million. Sales rose to $264 million."),
            Some("NZD")
        );
        assert_eq!(declared_dollar("It cost C$40, or $35."), Some("CAD"));
        // A US dollar written out, two different dollars, or none: nothing is declared.
        assert_eq!(declared_dollar("It cost C$40, or US$35."), None);
        assert_eq!(declared_dollar("A$10 and NZ$12, then $5."), None);
        assert_eq!(declared_dollar("It cost $40."), None);
        // "S$" inside "US$" is no Singapore dollar.
        assert_eq!(declared_dollar("It cost US$40."), None);
    }

    fn amount(text: &str, unit: &str) -> Argument {
        let mut arg = Argument::text(text, Span::new(0, text.len()));
        arg.quantity = Some(QuantityWire {
            value: 1.0,
            unit: Some(unit.into()),
            exact: "1".into(),
            min: None,
            max: None,
            approximate: false,
            bound: None,
        });
        arg
    }

    #[test]
    fn only_bare_us_dollars_change() {
        let mut bare = amount("$264 million", "USD");
        assert!(localise(&mut bare, "NZD"));
        assert_eq!(bare.quantity.unwrap().unit.as_deref(), Some("NZD"));
        let mut words = amount("264 million dollars", "USD");
        assert!(localise(&mut words, "NZD"));
        let mut rate = amount("$45 a night", "USD per night");
        assert!(localise(&mut rate, "NZD"));
        assert_eq!(
            rate.quantity.unwrap().unit.as_deref(),
            Some("NZD per night")
        );
        for (text, unit) in [("US$264 million", "USD"), ("€264 million", "EUR")] {
            let mut arg = amount(text, unit);
            assert!(!localise(&mut arg, "NZD"), "{text}");
        }
    }
}
