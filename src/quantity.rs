//! Numbers, amounts and dates in running text, read from tokens.
//!
//! A [`Quantity`] keeps its value exactly, as a decimal mantissa and exponent, so "600,000
//! troops" merges with "600000 troops" and never with "600,001"; it is never keyed on an `f64`.
//! Recognised: digits with separators (`600,000`, `1.5`), scale words and suffixes (`two
//! million`, `$1.5bn`, `3 billion`), currency signs and codes (`$`, `US$`, `€`, `£`, `EUR`),
//! percentages (`10%`, `10 percent`, `per cent`), hyphenated units (`28-point`), and number
//! words (`six hundred thousand`). Dates: `November 17, 2025`, `Nov. 17`, `17 March 2008`,
//! `2008-03-29`, and weekdays resolved against the article date.

/// An exact decimal amount with an optional unit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity {
    /// value = mantissa × 10^exponent, normalised so the mantissa has no trailing zeros.
    pub mantissa: i128,
    pub exponent: i32,
    /// `USD`, `EUR`, `percent`, or the counted noun as written in lower case (`troops`).
    pub unit: Option<String>,
}

impl Quantity {
    pub fn new(mantissa: i128, exponent: i32, unit: Option<String>) -> Quantity {
        let (mut m, mut e) = (mantissa, exponent);
        if m == 0 {
            e = 0;
        }
        while m != 0 && m % 10 == 0 && e < 40 {
            m /= 10;
            e += 1;
        }
        Quantity {
            mantissa: m,
            exponent: e,
            unit,
        }
    }

    /// The value as a plain decimal string: `600000`, `1.5`, `0.25`.
    pub fn value_string(&self) -> String {
        let neg = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let mut res = String::new();
        if neg {
            res.push('-');
        }
        if self.exponent >= 0 {
            res.push_str(&digits);
            for _ in 0..self.exponent.min(60) {
                res.push('0');
            }
        } else {
            let shift = (-self.exponent) as usize;
            if digits.len() > shift {
                let (a, b) = digits.split_at(digits.len() - shift);
                res.push_str(a);
                res.push('.');
                res.push_str(b);
            } else {
                res.push_str("0.");
                for _ in 0..shift - digits.len() {
                    res.push('0');
                }
                res.push_str(&digits);
            }
        }
        res
    }

    /// The value as a float, for output formats that need a number.
    pub fn value_f64(&self) -> f64 {
        self.value_string().parse().unwrap_or(0.0)
    }
}

/// A quantity found in a token sequence: tokens `start..end`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuantityMatch {
    pub quantity: Quantity,
    pub start: usize,
    pub end: usize,
}

fn parse_decimal(s: &str) -> Option<(i128, i32)> {
    let s = s.replace(',', "");
    if s.is_empty() || s.len() > 30 {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (s.clone(), String::new()),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let m: i128 = digits.parse().ok()?;
    Some((m, -(frac.len() as i32)))
}

fn scale_word(w: &str) -> Option<i32> {
    match w.to_lowercase().as_str() {
        "hundred" => Some(2),
        "thousand" | "k" => Some(3),
        "million" | "millions" | "m" | "mn" | "mln" => Some(6),
        "billion" | "billions" | "bn" | "b" | "bln" => Some(9),
        "trillion" | "trillions" | "tn" | "trn" => Some(12),
        _ => None,
    }
}

fn small_number_word(w: &str) -> Option<i128> {
    let v = match w.to_lowercase().as_str() {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "dozen" => 12,
        _ => return None,
    };
    Some(v)
}

fn currency(w: &str) -> Option<&'static str> {
    match w {
        "$" | "US$" | "USD" | "dollars" | "dollar" => Some("USD"),
        "\u{20ac}" | "EUR" | "euros" | "euro" => Some("EUR"),
        "\u{00a3}" | "GBP" | "pounds" => Some("GBP"),
        "\u{00a5}" | "JPY" | "yen" => Some("JPY"),
        "yuan" | "CNY" | "RMB" => Some("CNY"),
        "rupees" | "INR" => Some("INR"),
        "roubles" | "rubles" | "RUB" => Some("RUB"),
        "hryvnias" | "UAH" => Some("UAH"),
        "A$" | "AUD" => Some("AUD"),
        "C$" | "CAD" => Some("CAD"),
        "Z$" => Some("ZWD"),
        _ => None,
    }
}

/// Words after a number that are not its unit.
const NOT_UNITS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from",
    "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "per", "as", "than", "more", "less", "years", "year", "-", "it", "its", "their",
    "his", "her", "but", "if", "so", "not", "no", "into", "over", "under", "about",
];

fn unit_word(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic())
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() >= 2
        && !NOT_UNITS.contains(&w)
}

/// A number with an optional letter suffix (`1.5bn`, `10m`, `5%`): (mantissa, exponent, unit
/// from the suffix).
fn numeric_token(w: &str) -> Option<(i128, i32, Option<&'static str>)> {
    let w = w.trim();
    if !w
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
    {
        return None;
    }
    let split = w
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(split);
    let num = num.trim_end_matches(['.', ',']);
    let (m, e) = parse_decimal(num)?;
    if suffix.is_empty() {
        return Some((m, e, None));
    }
    if suffix == "%" {
        return Some((m, e, Some("percent")));
    }
    let scale = scale_word(suffix)?;
    Some((m, e + scale, None))
}

/// Reads a quantity starting at token `start`, if there is one.
pub fn scan(words: &[&str], start: usize) -> Option<QuantityMatch> {
    let mut i = start;
    let mut unit: Option<String> = None;
    // Currency before the number.
    if let Some(cur) = words.get(i).and_then(|w| currency(w)) {
        if words.get(i).is_some_and(|w| {
            !w.chars().any(char::is_alphabetic)
                || w.chars().all(|c| c.is_ascii_uppercase() || c == '$')
        }) {
            unit = Some(cur.to_string());
            i += 1;
        }
    }
    let first = words.get(i)?;
    let (mantissa, mut exponent);
    if let Some((m, e, suffix_unit)) = numeric_token(first) {
        mantissa = m;
        exponent = e;
        if let Some(u) = suffix_unit {
            unit = Some(u.to_string());
        }
        i += 1;
    } else if let Some(v) = small_number_word(first) {
        // Number words: "two million", "twenty-eight", "six hundred thousand".
        let mut total: i128 = v;
        i += 1;
        if words.get(i) == Some(&"-") {
            if let Some(v2) = words.get(i + 1).and_then(|w| small_number_word(w)) {
                if v2 < 10 && total >= 20 {
                    total += v2;
                    i += 2;
                }
            }
        }
        mantissa = total;
        exponent = 0;
        if v == 1 && scale_word(words.get(i).copied().unwrap_or("")).is_none() {
            // "one" alone is too often a pronoun ("one of the most senior members").
            return None;
        }
    } else if first.eq_ignore_ascii_case("a")
        && words.get(i + 1).and_then(|w| scale_word(w)).is_some()
    {
        mantissa = 1;
        exponent = 0;
        i += 1;
    } else {
        return None;
    }
    // Scale words: "1.5 billion", "six hundred thousand".
    while let Some(scale) = words.get(i).and_then(|w| scale_word(w)) {
        // A bare "m" or "b" token is a scale only right after a number.
        let w = words.get(i).copied().unwrap_or("");
        if w.len() == 1 && w != "k" && w != "m" && w != "b" {
            break;
        }
        exponent += scale;
        i += 1;
    }
    // Currency or percent after the number.
    if let Some(w) = words.get(i) {
        if *w == "%" || w.eq_ignore_ascii_case("percent") {
            unit = Some("percent".to_string());
            i += 1;
        } else if w.eq_ignore_ascii_case("per")
            && words
                .get(i + 1)
                .is_some_and(|x| x.eq_ignore_ascii_case("cent"))
        {
            unit = Some("percent".to_string());
            i += 2;
        } else if unit.is_none() {
            if let Some(cur) = currency(w) {
                unit = Some(cur.to_string());
                i += 1;
            } else if *w == "-" && words.get(i + 1).is_some_and(|x| unit_word(x)) {
                // "28-point plan", "two-day visit".
                unit = words.get(i + 1).map(|x| x.to_lowercase());
                i += 2;
            } else if unit_word(w) {
                unit = Some(w.to_lowercase());
                i += 1;
            }
        }
    }
    Some(QuantityMatch {
        quantity: Quantity::new(mantissa, exponent, unit),
        start,
        end: i,
    })
}

// ------------------------------------------------------------------------------------ dates

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.get(..10)?;
        let mut parts = s.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }

    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn month_number(w: &str) -> Option<u8> {
    let l = w.trim_end_matches('.').to_lowercase();
    let m = match l.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday_number(w: &str) -> Option<u8> {
    let d = match w {
        "Monday" => 0,
        "Tuesday" => 1,
        "Wednesday" => 2,
        "Thursday" => 3,
        "Friday" => 4,
        "Saturday" => 5,
        "Sunday" => 6,
        _ => return None,
    };
    Some(d)
}

/// A date expression: tokens `start..end`, with its value when it can be resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when known.
    pub value: Option<String>,
}

fn day_number(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

/// Reads a date starting at token `start`. `article_date` resolves weekdays and years left out.
pub fn scan_date(words: &[&str], start: usize, article_date: Option<Date>) -> Option<DateMatch> {
    let w = *words.get(start)?;
    if let Some(d) = Date::parse_iso(w).filter(|_| w.len() == 10) {
        return Some(DateMatch {
            start,
            end: start + 1,
            value: Some(d.iso()),
        });
    }
    if let Some(month) =
        month_number(w).filter(|_| w.chars().next().is_some_and(char::is_uppercase))
    {
        // "November 17, 2025", "Nov. 17", "March 2008".
        let mut i = start + 1;
        let day = words.get(i).and_then(|x| day_number(x));
        if day.is_some() {
            i += 1;
        }
        let mut year = None;
        let comma = words.get(i) == Some(&",");
        let yi = if comma { i + 1 } else { i };
        if let Some(y) = words.get(yi).and_then(|x| year_number(x)) {
            year = Some(y);
            i = yi + 1;
        }
        if day.is_none() && year.is_none() {
            // A bare month name ("May") is too ambiguous to be a date.
            return None;
        }
        let year = year.or_else(|| article_date.map(|d| d.year));
        let value = match (year, day) {
            (Some(y), Some(d)) => Date::new(y, month, d).map(|d| d.iso()),
            (Some(y), None) => Some(format!("{y:04}-{month:02}")),
            _ => None,
        };
        return Some(DateMatch {
            start,
            end: i,
            value,
        });
    }
    if let Some(day) = day_number(w) {
        // "17 November 2025".
        if let Some(month) = words.get(start + 1).and_then(|x| month_number(x)) {
            let mut i = start + 2;
            let mut year = article_date.map(|d| d.year);
            if let Some(y) = words.get(i).and_then(|x| year_number(x)) {
                year = Some(y);
                i += 1;
            }
            let value = year.and_then(|y| Date::new(y, month, day)).map(|d| d.iso());
            return Some(DateMatch {
                start,
                end: i,
                value,
            });
        }
    }
    if let Some(wd) = weekday_number(w) {
        // "Saturday, March 29, 2008": the calendar date that follows wins.
        let after = if words.get(start + 1) == Some(&",") {
            start + 2
        } else {
            start + 1
        };
        if words.get(after).and_then(|x| month_number(x)).is_some() {
            if let Some(m) = scan_date(words, after, article_date) {
                if m.value.is_some() {
                    return Some(DateMatch {
                        start,
                        end: m.end,
                        value: m.value,
                    });
                }
            }
        }
        // News says "on Thursday" for the most recent Thursday up to the article date.
        let value = article_date.map(|d| {
            let back = (i64::from(d.weekday()) - i64::from(wd)).rem_euclid(7);
            Date::from_days(d.days() - back).iso()
        });
        return Some(DateMatch {
            start,
            end: start + 1,
            value,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(String, Option<String>, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        scan(&words, 0).map(|m| (m.quantity.value_string(), m.quantity.unit, m.end))
    }

    #[test]
    fn quantities() {
        assert_eq!(
            q("600,000 troops"),
            Some(("600000".into(), Some("troops".into()), 2))
        );
        assert_eq!(
            q("28 - point plan"),
            Some(("28".into(), Some("point".into()), 3))
        );
        assert_eq!(
            q("two million people"),
            Some(("2000000".into(), Some("people".into()), 3))
        );
        assert_eq!(
            q("$ 1.5bn ."),
            Some(("1500000000".into(), Some("USD".into()), 2))
        );
        assert_eq!(
            q("\u{20ac} 6.5 billion ("),
            Some(("6500000000".into(), Some("EUR".into()), 3))
        );
        assert_eq!(q("10 %"), Some(("10".into(), Some("percent".into()), 2)));
        assert_eq!(
            q("10 per cent"),
            Some(("10".into(), Some("percent".into()), 3))
        );
        assert_eq!(
            q("0.25 percent"),
            Some(("0.25".into(), Some("percent".into()), 2))
        );
        assert_eq!(q("six hundred thousand"), Some(("600000".into(), None, 3)));
        assert_eq!(
            q("twenty - eight points"),
            Some(("28".into(), Some("points".into()), 4))
        );
        assert_eq!(q("one of them"), None);
        assert_eq!(q("plan"), None);
    }

    #[test]
    fn exact_equality() {
        assert_eq!(Quantity::new(600_000, 0, None), Quantity::new(6, 5, None));
        assert_ne!(Quantity::new(600_001, 0, None), Quantity::new(6, 5, None));
    }

    #[test]
    fn dates() {
        let words = ["November", "17", ",", "2025"];
        assert_eq!(
            scan_date(&words, 0, None).unwrap().value.as_deref(),
            Some("2025-11-17")
        );
        let art = Date::parse_iso("2025-11-21");
        // 2025-11-21 is a Friday; "Thursday" is the day before.
        assert_eq!(
            scan_date(&["Thursday"], 0, art).unwrap().value.as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            scan_date(&["Nov.", "20"], 0, art).unwrap().value.as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            scan_date(&["29", "March"], 0, Date::parse_iso("2008-03-28"))
                .unwrap()
                .value
                .as_deref(),
            Some("2008-03-29")
        );
        assert!(scan_date(&["May"], 0, art).is_none());
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::from_days(20_413).iso(), "2025-11-21");
    }
}
