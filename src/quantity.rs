//! Numbers, amounts and dates in running text, read from tokens.
//!
//! A [`Quantity`] keeps its value exactly, as a decimal mantissa and exponent, so "600,000
//! troops" merges with "600000 troops" and never with "600,001"; it is never keyed on an `f64`.
//! Recognised: digits with separators (`600,000`, `1.5`), scale words and suffixes (`two
//! million`, `$1.5bn`, `3 billion`), currency signs and codes (`$`, `US$`, `€`, `£`, `EUR`),
//! percentages (`10%`, `10 percent`, `per cent`), hyphenated units (`28-point`), and number
//! words (`six hundred thousand`), decimal commas (`46,3%`) and countries' dollars (`NZ$`, `C$`).
//! Dates: `November 17, 2025`, `Nov. 17`, `17 March 2008`, `2008-03-29`, `Saturday, 1 October
//! 2005`, and weekdays and years left out resolved against the article date.

mod labels;
pub use labels::not_a_year;

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
    let s = match decimal_comma(s) {
        Some((int, frac)) => format!("{int}.{frac}"),
        None => s.replace(',', ""),
    };
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

/// A number written with a decimal comma ("46,3", "1,5 million", "873,59"): one comma, no
/// stop, and one or two digits after it, which a thousands separator never has (it groups
/// three, and the Indian grouping "2,00,000" ends on three as well). The integer and the
/// fraction digits.
fn decimal_comma(s: &str) -> Option<(&str, &str)> {
    let (int, frac) = s.split_once(',')?;
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (digits(int) && digits(frac) && frac.len() <= 2).then_some((int, frac))
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

/// "dozen" after a number multiplies it ("two dozen" = 24); the plural ("dozens of") is no
/// figure at all.
fn is_dozen(w: &str) -> bool {
    w.eq_ignore_ascii_case("dozen")
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
        "CHF" => Some("CHF"),
        "NOK" => Some("NOK"),
        "DKK" => Some("DKK"),
        "SEK" => Some("SEK"),
        "NZD" => Some("NZD"),
        "HKD" => Some("HKD"),
        "SGD" => Some("SGD"),
        "ZAR" => Some("ZAR"),
        "BRL" => Some("BRL"),
        "MXN" => Some("MXN"),
        "KRW" => Some("KRW"),
        "PLN" => Some("PLN"),
        "CZK" => Some("CZK"),
        "HUF" => Some("HUF"),
        "ILS" => Some("ILS"),
        "THB" => Some("THB"),
        "MYR" => Some("MYR"),
        "PKR" => Some("PKR"),
        "NGN" => Some("NGN"),
        "KES" => Some("KES"),
        "EGP" => Some("EGP"),
        "TWD" => Some("TWD"),
        _ => None,
    }
}

/// The dollar a country's prefix before a "$" token names ("NZ$", "A$", "C$": the tokenizer
/// splits the letters off the sign). A lone "A" is a prefix only inside a sentence, where it
/// cannot be the article that opens one ("A $5 fee ..."). `None` for no prefix or "US".
fn dollar_prefix(words: &[&str], sign: usize) -> Option<&'static str> {
    let prefix = *words.get(sign.checked_sub(1)?)?;
    if words.get(sign) != Some(&"$") {
        return None;
    }
    let code = match prefix {
        "NZ" => "NZD",
        "AU" | "AUD" => "AUD",
        "C" | "CA" | "CAN" | "CDN" => "CAD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "NT" => "TWD",
        "R" => "BRL",
        "Z" => "ZWD",
        "J" => "JMD",
        "TT" => "TTD",
        "N" => "NAD",
        "RD" => "DOP",
        "EC" => "XCD",
        "FJ" => "FJD",
        "BZ" => "BZD",
        "SI" => "SBD",
        "WS" => "WST",
        "Mex" | "MX" => "MXN",
        "A" => {
            let before = sign.checked_sub(2).and_then(|p| words.get(p));
            let opens = before.is_none_or(|w| {
                matches!(*w, "." | "\"" | "\u{201c}" | ":" | "-" | "--" | "'" | "``")
            });
            if opens {
                return None;
            }
            "AUD"
        }
        _ => return None,
    };
    Some(code)
}

/// Words after a number that are not its unit.
const NOT_UNITS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "per",
    "as",
    "than",
    "more",
    "less",
    // Words of addition before the counted noun ("nine other Iraqis", "30 additional staff").
    "other",
    "additional",
    "further",
    "extra",
    "-",
    "it",
    "its",
    "their",
    "his",
    "her",
    "but",
    "if",
    "so",
    "not",
    "no",
    "into",
    "over",
    "under",
    "about",
    // Time and order words after a number are not what it counts ("9,000 last year").
    "last",
    "next",
    "this",
    "each",
    "every",
    "ago",
    "earlier",
    "later",
    "since",
    "until",
    "during",
    "after",
    "before",
    "while",
    "when",
    "because",
    "through",
    "across",
    "against",
    "between",
    "among",
    "amid",
    "despite",
    "within",
    "without",
    "off",
    "out",
    "up",
    "down",
    "back",
    "also",
    "only",
    "just",
    "alone",
    "apiece",
    "each",
    "respectively",
    "instead",
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
            let prefixed = (cur == "USD").then(|| dollar_prefix(words, i)).flatten();
            unit = Some(prefixed.unwrap_or(cur).to_string());
            i += 1;
        }
    }
    let first = words.get(i)?;
    let (mut mantissa, mut exponent);
    if let Some((m, e, suffix_unit)) = numeric_token(first) {
        mantissa = m;
        exponent = e;
        if let Some(u) = suffix_unit {
            unit = Some(u.to_string());
        }
        i += 1;
        // "4 000 staff", "NOK 1 500 000": thousands grouped by spaces are one number.
        if let Some((whole, next)) = labels::spaced_groups(words, i - 1) {
            mantissa = whole;
            exponent = 0;
            i = next;
        }
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
        && words
            .get(i + 1)
            .is_some_and(|w| scale_word(w).is_some() || is_dozen(w))
    {
        mantissa = 1;
        exponent = 0;
        i += 1;
    } else {
        return None;
    }
    // "two dozen", "a dozen": twelve of each.
    if words.get(i).is_some_and(|w| is_dozen(w)) {
        mantissa = mantissa.saturating_mul(12);
        i += 1;
    }
    // Scale words: "1.5 billion", "six hundred thousand", and hyphenated "six-hundred",
    // "twenty-thousand" (a lone letter is never joined by a hyphen).
    loop {
        let hyphen = words.get(i) == Some(&"-")
            && words
                .get(i + 1)
                .is_some_and(|w| w.len() > 2 && scale_word(w).is_some());
        let at = if hyphen { i + 1 } else { i };
        let Some(scale) = words.get(at).and_then(|w| scale_word(w)) else {
            break;
        };
        // A bare "m" or "b" token is a scale only right after a number.
        let w = words.get(at).copied().unwrap_or("");
        if w.len() == 1 && w != "k" && w != "m" && w != "b" {
            break;
        }
        exponent += scale;
        i = at + 1;
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
                let (u, end) = compound_unit(words, i);
                unit = Some(u);
                i = end;
            }
        }
    }
    // "$2 million per plaintiff", "NZ$45 a night", "$500 each", "5% a year": a sum of money
    // or a percentage counted per something keeps what it is counted per in its unit.
    if let Some(u) = unit.as_deref().filter(|u| is_code(u) || *u == "percent") {
        if let Some((per, end)) = rate_after(words, i, u != "percent") {
            unit = Some(format!("{u} {per}"));
            i = end;
        }
    }
    // "2.400 personnel": thousands grouped by a stop before a counted noun.
    if exponent == -3 && labels::stop_grouped(first, unit.as_deref()) {
        exponent = 0;
    }
    Some(QuantityMatch {
        quantity: Quantity::new(mantissa, exponent, unit),
        start,
        end: i,
    })
}

/// Words that make a unit of two or three words with the next: "cubic feet", "square miles".
const UNIT_PREFIXES: &[&str] = &["cubic", "square", "metric", "nautical", "light"];

/// Periods a rate is counted over: "miles an hour", "barrels a day".
const RATE_PERIODS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "annum",
    "capita",
    "head",
    "person",
    "litre",
    "liter",
    "gallon",
    "kilogram",
    "kg",
    "kilo",
    "pound",
    "tonne",
    "ton",
    "share",
    "barrel",
    "unit",
    "mile",
    "kilometre",
    "kilometer",
    "km",
    "night",
    "piece",
];

/// The unit starting at word `i` (a unit word) and where it ends: one word, or a compound
/// ("cubic feet", "miles per hour", "barrels a day", "dollars per litre").
fn compound_unit(words: &[&str], i: usize) -> (String, usize) {
    let mut unit = words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let mut end = i + 1;
    if UNIT_PREFIXES.contains(&unit.as_str()) {
        if let Some(next) = words.get(end).filter(|w| unit_word(w)) {
            unit = format!("{unit} {}", next.to_lowercase());
            end += 1;
        }
    }
    if let Some((per, after)) = rate_after(words, end, false) {
        unit = format!("{unit} {per}");
        end = after;
    }
    (unit, end)
}

/// Whether a unit is a currency code ("USD", "NZD").
fn is_code(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// What the amount ending before word `i` is counted per, and where that ends: "per share",
/// "a day" (`RATE_PERIODS`; not "a year ago"), and, for a sum of money (`each`), "for each
/// plaintiff", "for every share" and a closing "each" or "apiece" ("$500 each", not "$500
/// each year"), all as "per ..." or "each".
fn rate_after(words: &[&str], i: usize, each: bool) -> Option<(String, usize)> {
    let lower = |k: usize| words.get(k).map(|w| w.to_lowercase()).unwrap_or_default();
    let noun = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase());
    let (per, period) = (lower(i), lower(i + 1));
    let relative = matches!(
        lower(i + 2).as_str(),
        "ago" | "earlier" | "later" | "before" | "after"
    );
    let rate = match per.as_str() {
        "per" => period.chars().all(char::is_alphabetic) && !period.is_empty() && period != "cent",
        "a" | "an" => RATE_PERIODS.contains(&period.as_str()) && !relative,
        _ => false,
    };
    if rate {
        return Some((format!("per {period}"), i + 2));
    }
    if !each {
        return None;
    }
    let counted = lower(i + 2);
    if per == "for" && matches!(period.as_str(), "each" | "every") && noun(&counted) {
        return Some((format!("per {counted}"), i + 3));
    }
    // "each" that opens a phrase of its own ("each year", "each of them") is no rate.
    let closes = !noun(&period) || NOT_UNITS.contains(&period.as_str()) && period != "of";
    (matches!(per.as_str(), "each" | "apiece") && closes).then(|| ("each".to_string(), i + 1))
}

// ---------------------------------------------------------------------------------- amounts

/// How an amount's words bound its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    /// "between 10 and 15", "10-15", "10 to 15": the value is the lower end.
    Range,
    /// "from 3,000 to 9,000": the value is where it ended.
    Change,
    /// "at least 2", "no fewer than 2".
    AtLeast,
    /// "more than 40", "over 40", "above 40".
    MoreThan,
    /// "up to 5 billion", "as many as 9,000", "at most 3".
    AtMost,
    /// "fewer than 40", "under 40", "below 40".
    LessThan,
}

impl Bound {
    const ALL: [Bound; 6] = [
        Bound::Range,
        Bound::Change,
        Bound::AtLeast,
        Bound::MoreThan,
        Bound::AtMost,
        Bound::LessThan,
    ];

    /// The wire name (`at-least`).
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Range => "range",
            Bound::Change => "change",
            Bound::AtLeast => "at-least",
            Bound::MoreThan => "more-than",
            Bound::AtMost => "at-most",
            Bound::LessThan => "less-than",
        }
    }

    /// The bound of a wire name.
    pub fn parse(name: &str) -> Option<Bound> {
        Bound::ALL.into_iter().find(|b| b.as_str() == name)
    }
}

/// An amount with what its words say about it: a range or a change (`min`..`max`), a bound on
/// one side, or an approximation ("about 600,000"). Tokens `start..end`, modifiers included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    /// The amount stated: the lower end of a range, the end of a change, else the number.
    pub value: Quantity,
    pub min: Option<Quantity>,
    pub max: Option<Quantity>,
    pub approximate: bool,
    pub bound: Option<Bound>,
    pub start: usize,
    pub end: usize,
}

impl Amount {
    /// Gives the value, and both ends of a range, the counted noun `unit`.
    pub fn set_unit(&mut self, unit: &str) {
        for q in [Some(&mut self.value), self.min.as_mut(), self.max.as_mut()]
            .into_iter()
            .flatten()
        {
            q.unit = Some(unit.to_string());
        }
    }
}

/// Modifiers before a number, longest first, with the bound they give (`None`: approximate).
const MODIFIERS: &[(&[&str], Option<Bound>)] = &[
    (&["no", "more", "than"], Some(Bound::AtMost)),
    (&["not", "more", "than"], Some(Bound::AtMost)),
    (&["no", "fewer", "than"], Some(Bound::AtLeast)),
    (&["no", "less", "than"], Some(Bound::AtLeast)),
    (&["as", "many", "as"], Some(Bound::AtMost)),
    (&["as", "much", "as"], Some(Bound::AtMost)),
    (&["in", "excess", "of"], Some(Bound::MoreThan)),
    (&["up", "to"], Some(Bound::AtMost)),
    (&["at", "most"], Some(Bound::AtMost)),
    (&["at", "least"], Some(Bound::AtLeast)),
    (&["more", "than"], Some(Bound::MoreThan)),
    (&["upwards", "of"], Some(Bound::MoreThan)),
    (&["fewer", "than"], Some(Bound::LessThan)),
    (&["less", "than"], Some(Bound::LessThan)),
    (&["an", "estimated"], None),
    (&["close", "to"], None),
    (&["over"], Some(Bound::MoreThan)),
    (&["above"], Some(Bound::MoreThan)),
    (&["exceeding"], Some(Bound::MoreThan)),
    (&["under"], Some(Bound::LessThan)),
    (&["below"], Some(Bound::LessThan)),
    (&["about"], None),
    (&["around"], None),
    (&["roughly"], None),
    (&["approximately"], None),
    (&["approx."], None),
    (&["nearly"], None),
    (&["almost"], None),
    (&["some"], None),
    (&["estimated"], None),
    (&["~"], None),
];

/// The modifier ending right before word `k` (down to `floor`): (its first word, bound), the
/// bound `None` for an approximation.
fn modifier_before(words: &[&str], k: usize, floor: usize) -> Option<(usize, Option<Bound>)> {
    MODIFIERS.iter().find_map(|(pattern, bound)| {
        let start = k.checked_sub(pattern.len()).filter(|s| *s >= floor)?;
        let fits = words
            .get(start..k)?
            .iter()
            .zip(pattern.iter())
            .all(|(w, p)| w.eq_ignore_ascii_case(p));
        fits.then_some((start, *bound))
    })
}

/// Capitalised words before a number that do not make it a name ("About 40", "Some 600").
const NOT_NAME_HEADS: &[&str] = &[
    "The",
    "A",
    "An",
    "About",
    "Around",
    "Roughly",
    "Approximately",
    "Nearly",
    "Almost",
    "Some",
    "Over",
    "Under",
    "Above",
    "Below",
    "More",
    "Fewer",
    "Less",
    "At",
    "Up",
    "Between",
    "From",
    "To",
    "Of",
    "In",
    "On",
    "By",
    "For",
    "With",
    "As",
    "And",
    "But",
    "Or",
    "Only",
    "Just",
    "Exactly",
    "Another",
    "All",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "Your",
    "My",
    "These",
    "Those",
    "Estimated",
    "Even",
    "Still",
    "Top",
    "First",
    "Last",
    "Every",
    "Each",
    "Since",
    "Until",
    "After",
    "Before",
    "During",
    "Within",
    "Than",
    "Nearly",
    "Barely",
    "Then",
    "Now",
    "Another",
    "Both",
    "Those",
    "When",
    "While",
    "If",
    "Although",
    "Because",
];

/// Whether a word is a number word ("seven", "forty", "dozen", "hundred", "million").
pub(crate) fn is_number_word(w: &str) -> bool {
    small_number_word(w).is_some() || scale_word(w).is_some_and(|_| w.len() > 2)
}

fn is_capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || c == '.')
}

/// Whether the number at word `k` is part of a name: "Chapter 11", "Division 4", "Formula One",
/// "Gang of Four" (a capitalised number word inside a sentence, or a number after a
/// capitalised word that is not a month, a weekday or a modifier).
fn in_name(words: &[&str], k: usize) -> bool {
    let Some(&w) = words.get(k) else {
        return false;
    };
    let Some(&prev) = k.checked_sub(1).and_then(|p| words.get(p)) else {
        return false;
    };
    let sentence_opens = matches!(prev, "." | "\"" | "\u{201c}" | "(" | ":" | "-" | "--" | "'");
    // "Thirty-nine soldiers", "Two million": a number word that goes on is a number.
    let goes_on = words
        .get(k + 1)
        .is_some_and(|n| *n == "-" || scale_word(n).is_some());
    if is_capitalised_word(w) && is_number_word(w) && !sentence_opens && !goes_on {
        return true;
    }
    let numeric = w.starts_with(|c: char| c.is_ascii_digit()) || is_number_word(w);
    if numeric && possessed_model(words, k) {
        return true;
    }
    if hyphen_joined_name(words, k)
        || product_number(words, k)
        || emergency_number(words, k)
        || (numeric && labelled(words, k))
    {
        return true;
    }
    if !numeric || !is_capitalised_word(prev) {
        return false;
    }
    if NAME_HEADS.contains(&prev.trim_end_matches('.')) {
        return true;
    }
    // After another capitalised word, a number that counts something is an amount ("gave
    // Nigeria 60 days", "Hamilton East three times"); one followed by no unit is a name
    // ("Legally Blonde 2 and", "Live 8 ,").
    let counts = scan(words, k).is_some_and(|m| m.quantity.unit.is_some());
    (!counts || names_singular(words, k))
        && !NOT_NAME_HEADS.contains(&prev)
        && month_number(prev).is_none()
        && weekday_number(prev).is_none()
        && currency(prev).is_none()
        && scale_word(prev).is_none()
}

/// A capitalised number word joined by a hyphen to a capitalised word that is no number
/// ("One-Two-Go", "Seven-Up"), or the number after the hyphen of a name's number
/// ("Boeing 737-800"): part of the name.
fn hyphen_joined_name(words: &[&str], k: usize) -> bool {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(char::is_alphabetic)
            && !is_number_word(&w.to_lowercase())
    };
    let own = word(k);
    let capital_number = is_capitalised_word(own) && is_number_word(&own.to_lowercase());
    let joined = (word(k + 1) == "-" && name_word(word(k + 2)))
        || (k >= 2 && word(k - 1) == "-" && name_word(word(k - 2)));
    let second_part = k >= 2
        && word(k - 1) == "-"
        && own.chars().all(|c| c.is_ascii_digit())
        && word(k - 2).chars().all(|c| c.is_ascii_digit())
        && in_name(words, k - 2);
    (capital_number && joined) || second_part
}

/// Country and body acronyms that a count may follow ("gave the UN 30 days").
const PLACE_ACRONYMS: &[&str] = &["US", "UK", "EU", "UN", "USA", "UAE"];

/// A number that designates a product, an index or a formula: after a word written in mixed
/// case ("iPhone 4", "PlayStation 3"; not "McCain 48 %") or after an acronym ("FTSE 100",
/// "S&P 500", "CO 2", "PM 2.5"; not a country's, "the US 20"): a number with no separator,
/// scale, currency or percent.
fn product_number(words: &[&str], k: usize) -> bool {
    let (Some(&prev), Some(&w)) = (k.checked_sub(1).and_then(|p| words.get(p)), words.get(k))
    else {
        return false;
    };
    let bare = w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !w.ends_with('.');
    let next = words.get(k + 1).copied().unwrap_or("");
    let valued = next == "%"
        || next.eq_ignore_ascii_case("percent")
        || next.eq_ignore_ascii_case("per")
        || currency(next).is_some()
        || scale_word(next).is_some();
    let letters = prev.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && prev.chars().count() <= 6
        && prev.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !PLACE_ACRONYMS.contains(&prev)
        && currency(prev).is_none();
    let tail = prev.chars().skip(1);
    let inner_capital = prev.chars().all(char::is_alphabetic)
        && prev.chars().any(char::is_lowercase)
        && tail.clone().any(char::is_uppercase)
        && !["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von"]
            .iter()
            .any(|p| prev.starts_with(p));
    bare && !valued && (acronym || inner_capital)
}

/// "911 callers", "a 999 call": an emergency telephone number before a word of calling.
fn emergency_number(words: &[&str], k: usize) -> bool {
    let number = words
        .get(k)
        .is_some_and(|w| matches!(*w, "911" | "999" | "112" | "000" | "111"));
    let calling = words.get(k + 1).is_some_and(|n| {
        let n = n.to_lowercase();
        [
            "call", "dispatch", "operator", "emergenc", "service", "system", "line", "center",
        ]
        .iter()
        .any(|c| n.starts_with(c))
    });
    number && calling
}

/// Lower-case words whose number labels what they name ("flight 77", "route 66", "article 3",
/// "on page 12").
const LABEL_WORDS: &[&str] = &[
    "flight",
    "route",
    "highway",
    "gate",
    "platform",
    "terminal",
    "room",
    "chapter",
    "article",
    "section",
    "paragraph",
    "clause",
    "page",
    "exit",
    "pier",
    "berth",
    "ward",
    "precinct",
];

/// Whether the number at word `k` is the label after a lower-case `LABEL_WORDS` word: a
/// plain integer of at most four digits, counting no plural after it.
fn labelled(words: &[&str], k: usize) -> bool {
    let label = words
        .get(k)
        .is_some_and(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()));
    let before = k.checked_sub(1).and_then(|p| words.get(p));
    label && before.is_some_and(|w| LABEL_WORDS.contains(w))
}

/// Singular nouns a number of two or more may still count or measure ("20 percent", "40
/// police", "12 aircraft", "300 head").
const SINGULAR_COUNTED: &[&str] = &[
    "percent",
    "cent",
    "people",
    "police",
    "staff",
    "personnel",
    "feet",
    "teeth",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "crew",
    "children",
    "women",
    "youth",
    "livestock",
    "head",
    "infantry",
    "artillery",
    "militia",
    "clergy",
    "offspring",
    "data",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "score",
    "metre",
    "meter",
    "mile",
    "foot",
    "inch",
    "kilo",
    "gram",
    "tonne",
    "litre",
    "liter",
    "acre",
    "hectare",
];

/// "the Politika 21 party", "a Tornado 3 prototype": a plain integer of two or more after a
/// name's word, before a singular lower-case noun, names that noun (a count would make it
/// plural).
fn names_singular(words: &[&str], k: usize) -> bool {
    let many = words
        .get(k)
        .and_then(|w| plain_integer(w))
        .is_some_and(|n| n >= 2);
    let singular = words.get(k + 1).is_some_and(|n| {
        n.chars().count() >= 4
            && n.chars().all(|c| c.is_ascii_lowercase())
            && !n.ends_with('s')
            && !n.ends_with("est")
            && !SINGULAR_COUNTED.contains(n)
            && !NOT_UNITS.contains(n)
    });
    // "81 radio stations": a plural head after the noun is what the number counts.
    let plural_head = words.get(k + 2).is_some_and(|h| {
        h.len() >= 4 && h.ends_with('s') && h.chars().all(|c| c.is_ascii_lowercase())
    });
    many && singular && !plural_head
}

/// Whether the number at word `k` is part of a fraction written with a slash ("1/3", "2 / 3
/// majority", "9/11"), or the whole number before one ("8 1/2 months"): no amount is read from
/// its numerator.
fn in_slash_fraction(words: &[&str], k: usize) -> bool {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let own = word(k);
    let joined = own.contains('/') && own.starts_with(|c: char| c.is_ascii_digit());
    let before = digits(word(k + 2)) && word(k + 1) == "/";
    let after = k >= 2 && word(k - 1) == "/" && digits(word(k - 2));
    let next = word(k + 1);
    let slashed_next = next.contains('/') && next.starts_with(|c: char| c.is_ascii_digit());
    let mixed = digits(own) && (slashed_next || digits(next) && word(k + 2) == "/");
    joined || before || after || mixed
}

/// "Boeing's 787", "Sony's 4000": a bare integer of three or more digits (no separator)
/// after a capitalised name's possessive, counting nothing after it, names a product.
fn possessed_model(words: &[&str], k: usize) -> bool {
    let (Some(owner), Some(&"'s")) = (
        k.checked_sub(2).and_then(|p| words.get(p)),
        k.checked_sub(1).and_then(|p| words.get(p)),
    ) else {
        return false;
    };
    let digits = words
        .get(k)
        .is_some_and(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_digit()));
    let counts = scan(words, k).is_some_and(|m| m.quantity.unit.is_some());
    digits && !counts && is_capitalised_word(owner) && owner.chars().all(char::is_alphabetic)
}

/// Capitalised words whose number is a name even when a noun follows ("Chapter 11 protection",
/// "Article 5 guarantees").
const NAME_HEADS: &[&str] = &[
    "Chapter",
    "Division",
    "Section",
    "Article",
    "Title",
    "Part",
    "Round",
    "Stage",
    "Phase",
    "Level",
    "Group",
    "Gang",
    "Formula",
    "Number",
    "No",
    "Channel",
    "Flight",
    "Route",
    "Highway",
    "Interstate",
    "Proposition",
    "Resolution",
    "Amendment",
    "Clause",
    "Rule",
    "Item",
    "Class",
    "Category",
    "Grade",
    "District",
    "Ward",
    "Precinct",
    "Zone",
    "Sector",
    "Unit",
    "Block",
    "Gate",
    "Terminal",
    "Platform",
    "Room",
    "Episode",
    "Season",
    "Series",
    "Volume",
    "Book",
    "Model",
    "Type",
    "Mark",
    "Mission",
    "Apollo",
    "Boeing",
    "Airbus",
    "Embraer",
    "Bombardier",
    "Tupolev",
    "Ilyushin",
    "Antonov",
    "Sukhoi",
    "Cessna",
    "Fokker",
    "Porsche",
    "Nintendo",
    "Pentium",
    "Windows",
    "Tier",
    "League",
    "Camp",
    "Station",
    "Pier",
    "Bay",
    "Lane",
    "Street",
    "Avenue",
    "Road",
];

/// Words near a pair of numbers that make it a score or a vote tally.
const TALLY_WORDS: &[&str] = &[
    "vote",
    "votes",
    "voted",
    "voting",
    "score",
    "scored",
    "won",
    "win",
    "wins",
    "beat",
    "lost",
    "defeat",
    "defeated",
    "margin",
    "tally",
    "ruling",
    "decision",
    "victory",
    "majority",
    "record",
    "approval",
    "count",
    "lead",
    "split",
    "draw",
    "scoreline",
];

/// Whether a word is one of voting or scoring (`TALLY_WORDS`): "vote", "majority", "margin".
pub(crate) fn is_tally_word(w: &str) -> bool {
    TALLY_WORDS.contains(&w.to_lowercase().as_str())
}

/// A plain integer: digits and separators only.
fn plain_integer(w: &str) -> Option<i128> {
    if !w.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    parse_decimal(w).filter(|(_, e)| *e == 0).map(|(m, _)| m)
}

/// Where a tally at word `k` ends ("238-187", "5 to 4"): two plain integers joined by a dash
/// or "to", the first larger, or either way near a word of voting or scoring.
pub(crate) fn tally_end(words: &[&str], k: usize) -> Option<usize> {
    let a = plain_integer(words.get(k)?)?;
    let joiner = *words.get(k + 1)?;
    if !matches!(joiner, "-" | "\u{2013}" | "to") {
        return None;
    }
    let b = plain_integer(words.get(k + 2)?)?;
    let near = |w: &&str| TALLY_WORDS.contains(&w.to_lowercase().as_str());
    let before = words.get(k.saturating_sub(3)..k).unwrap_or(&[]);
    let after = words.get(k + 3..(k + 5).min(words.len())).unwrap_or(&[]);
    let cue = before.iter().any(near) || after.iter().any(near);
    let unit_after = words.get(k + 3).is_some_and(|w| unit_word(w) && !near(w));
    (a > b && !unit_after || cue).then_some(k + 3)
}

/// Whether a quantity read at word `k` is a year: written alone ("in 2012"), or a year of
/// 1800-2099 before a singular noun or an adjective ("Clinton's 2002 authorization", "the 2002
/// political campaign"), which a count would make plural ("2000 troops"). A hyphenated
/// adjective ("a 2000-strong force") is a count.
fn is_year(words: &[&str], m: &QuantityMatch) -> bool {
    let w = words.get(m.start).copied().unwrap_or("");
    if w.len() != 4 || !w.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let Some(unit) = m.quantity.unit.as_deref() else {
        return true;
    };
    let year_like = matches!(w.get(..2), Some("18" | "19" | "20"));
    let hyphenated = words.get(m.start + 1) == Some(&"-");
    let word_unit = unit.chars().all(|c| c.is_ascii_lowercase()) && unit != "percent";
    year_like && !hyphenated && word_unit && !unit.ends_with('s')
}

/// Whether the number at word `k` is the number of a model or product name joined to it by a
/// hyphen ("MiG-29", "F-16 jets", "Covid-19 cases"): the word before the hyphen is short and
/// capitalised (or mixed case), no number word, month or unit.
fn model_number(words: &[&str], k: usize) -> bool {
    let Some(designator) = k.checked_sub(2).and_then(|p| words.get(p)) else {
        return false;
    };
    let hyphen = k.checked_sub(1).and_then(|p| words.get(p));
    let numeric = words
        .get(k)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let letters = designator.chars().all(|c| c.is_ascii_alphanumeric())
        && designator.starts_with(|c: char| c.is_ascii_uppercase());
    let mixed = designator
        .chars()
        .skip(1)
        .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && designator.chars().any(|c| c.is_ascii_lowercase());
    let short = designator.chars().count() <= 5 || mixed;
    matches!(hyphen, Some(&"-"))
        && numeric
        && letters
        && short
        && !is_number_word(designator)
        && month_number(designator).is_none()
        && currency(designator).is_none()
}

fn as_f64(q: &Quantity) -> f64 {
    q.value_f64()
}

/// The second number of a range after its joiner at `j` ("to as many as 9,000", "and 15"):
/// the match and whether it is approximate (a bound there, "to as many as", is the range's
/// end).
fn range_end(words: &[&str], j: usize) -> Option<(QuantityMatch, bool)> {
    let mut k = j;
    let mut approximate = false;
    for _ in 0..3 {
        let Some((len, b)) = MODIFIERS.iter().find_map(|(pattern, b)| {
            let fits = words.get(k..k + pattern.len())?;
            fits.iter()
                .zip(pattern.iter())
                .all(|(w, p)| w.eq_ignore_ascii_case(p))
                .then_some((pattern.len(), *b))
        }) else {
            break;
        };
        approximate |= b.is_none();
        k += len;
    }
    let m = scan(words, k)?;
    (!is_year(words, &m)).then_some((m, approximate))
}

/// Whether a number's words contain a scale word ("1.5 billion", "$2bn").
fn scaled(words: &[&str], m: &QuantityMatch) -> bool {
    words.get(m.start..m.end).unwrap_or(&[]).iter().any(|w| {
        scale_word(w).is_some()
            || numeric_token(w).is_some_and(|_| w.ends_with(|c: char| c.is_alphabetic()))
    })
}

/// Reads the amount whose number starts at word `k`, with the modifiers before it (down to
/// `floor`) and the range after it. `None` when the words there are no amount: no number, a
/// year alone, a tally, or a number inside a name.
pub fn amount_at(words: &[&str], k: usize, floor: usize) -> Option<Amount> {
    if in_name(words, k)
        || in_slash_fraction(words, k)
        || (k >= 2 && tally_end(words, k - 2) == Some(k + 1))
        || model_number(words, k)
        || tally_end(words, k).is_some()
        || labels::street_address(words, k)
        || labels::numbered(words, k)
    {
        return None;
    }
    let (first, inexact) = match fraction_at(words, k) {
        Some(f) => f,
        None => (scan(words, k)?, false),
    };
    if is_year(words, &first) || fraction_of_whole(words, &first) {
        return None;
    }
    let mut start = k;
    let mut approximate = inexact;
    let mut bound = None;
    let mut opener = None;
    if let Some((s, b)) = modifier_before(words, k, floor) {
        start = s;
        match b {
            None => approximate = true,
            Some(b) => bound = Some(b),
        }
    } else if let Some(p) = k.checked_sub(1).filter(|p| *p >= floor) {
        let w = words.get(p).map(|w| w.to_lowercase());
        opener = w.filter(|w| w == "from" || w == "between");
    }
    let mut amount = Amount {
        value: first.quantity.clone(),
        min: None,
        max: None,
        approximate,
        bound,
        start,
        end: first.end,
    };
    let joiner = words.get(first.end).map(|w| w.to_lowercase());
    let range = match (opener.as_deref(), joiner.as_deref()) {
        (Some("from"), Some("to")) => Some(Bound::Change),
        (Some("between"), Some("and")) => Some(Bound::Range),
        // "between 5.0-5.5%", "from 6 - 8%": a dash after the opener is the range's.
        (Some(_), Some("-" | "\u{2013}")) if bound.is_none() => Some(Bound::Range),
        (None, Some("-" | "\u{2013}" | "to")) if bound.is_none() => Some(Bound::Range),
        _ => None,
    };
    if let Some(kind) = range {
        if let Some((second, approx2)) = range_end(words, first.end + 1) {
            join_range(words, &mut amount, &first, &second, kind);
            amount.approximate |= approx2;
        }
    }
    apply_bound(&mut amount);
    // "20 out of 210": the whole the amount is a part of stays in its words.
    let out_of = words
        .get(amount.end..amount.end + 2)
        .is_some_and(|w| w[0].eq_ignore_ascii_case("out") && w[1].eq_ignore_ascii_case("of"));
    if let Some(whole) = scan(words, amount.end + 2).filter(|_| out_of) {
        amount.end = whole.end;
    }
    Some(amount)
}

/// "two - thirds of voters", "three-quarters", "two fifths of the seats": a fraction of a whole
/// that no scale word follows is no count of thirds or quarters (a bare "three quarters"
/// may be a count of a year's quarters).
fn fraction_of_whole(words: &[&str], m: &QuantityMatch) -> bool {
    let Some(unit) = m.quantity.unit.as_deref() else {
        return false;
    };
    let hyphenated = m.end >= 2 && words.get(m.end - 2) == Some(&"-");
    let of = words
        .get(m.end)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"));
    match unit {
        "quarter" | "quarters" | "half" | "halves" => hyphenated && of,
        "third" | "thirds" | "fifth" | "fifths" | "sixths" | "eighths" | "tenths" => of,
        _ => false,
    }
}

/// A fraction of a scale word: (numerator, denominator) of "quarter", "half", "third".
fn fraction_word(w: &str) -> Option<(i128, i128)> {
    match w.to_lowercase().as_str() {
        "half" => Some((1, 2)),
        "quarter" => Some((1, 4)),
        "third" => Some((1, 3)),
        "quarters" => Some((1, 4)),
        "thirds" => Some((1, 3)),
        _ => None,
    }
}

/// A fraction of a scale starting at word `k`: "a quarter of a million", "half a billion",
/// "three quarters of a million people", "two and a half million", "a half-million". The
/// match, and whether it is inexact (thirds, kept to three figures).
fn fraction_at(words: &[&str], k: usize) -> Option<(QuantityMatch, bool)> {
    let lower = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let mut i = k;
    // The whole part before "and a half" ("two and a half million").
    let mut whole: i128 = 0;
    if let Some(v) = small_number_word(&lower(i)).filter(|_| lower(i + 1) == "and") {
        whole = v;
        i += 2;
    }
    // How many of the fraction: "a", "one", "three" (quarters), or nothing ("half a million").
    let mut count: i128 = 1;
    if matches!(lower(i).as_str(), "a" | "an" | "one") {
        i += 1;
    } else if let Some(v) = small_number_word(&lower(i)).filter(|_| whole == 0) {
        count = v;
        i += 1;
    }
    let (num, den) = fraction_word(&lower(i))?;
    if whole > 0 && den != 2 {
        // Only "and a half" follows a whole number ("two and a half million").
        return None;
    }
    i += 1;
    if lower(i) == "-" {
        i += 1;
    }
    if lower(i) == "of" {
        i += 1;
    }
    if matches!(lower(i).as_str(), "a" | "an" | "one") {
        i += 1;
    }
    let exponent = scale_word(words.get(i)?).filter(|_| lower(i).len() > 2)?;
    i += 1;
    // value = (whole + count × num / den) × 10^exponent, to three figures for thirds.
    let (mantissa, shift, inexact) = match den {
        2 => (whole * 10 + count * num * 5, -1, false),
        4 => (whole * 100 + count * num * 25, -2, false),
        _ => (whole * 1000 + count * num * 1000 / den, -3, true),
    };
    let mut unit = None;
    if let Some(w) = words.get(i) {
        if let Some(cur) = currency(w) {
            unit = Some(cur.to_string());
            i += 1;
        } else if unit_word(w) {
            let (u, end) = compound_unit(words, i);
            unit = Some(u);
            i = end;
        }
    }
    let m = QuantityMatch {
        quantity: Quantity::new(mantissa, exponent + shift, unit),
        start: k,
        end: i,
    };
    Some((m, inexact))
}

/// Makes `amount` the range or change from `first` to `second` when their units agree (a
/// unit or scale written once applies to both: "$5-6 billion", "10 to 15 percent").
fn join_range(
    words: &[&str],
    amount: &mut Amount,
    first: &QuantityMatch,
    second: &QuantityMatch,
    kind: Bound,
) {
    let mut lo = first.quantity.clone();
    let mut hi = second.quantity.clone();
    if scaled(words, second) && !scaled(words, first) {
        let shift = hi.exponent - scale_free_exponent(words, second);
        lo = Quantity::new(lo.mantissa, lo.exponent + shift, lo.unit);
    }
    // "$106 to $250 per month": a rate written once applies to both ends.
    let rate_of = |a: &str, b: &str| b.strip_prefix(a).is_some_and(|r| r.starts_with(' '));
    match (lo.unit.clone(), hi.unit.clone()) {
        (Some(a), Some(b)) if rate_of(&a, &b) => lo.unit = Some(b),
        (Some(a), Some(b)) if rate_of(&b, &a) => hi.unit = Some(a),
        _ => {}
    }
    match (&lo.unit, &hi.unit) {
        (Some(a), Some(b)) if a != b => return,
        // "up 328% to 3.9 million": a percent is not the start of a count.
        (Some(a), None) if a == "percent" => return,
        (None, Some(b)) => lo.unit = Some(b.clone()),
        (Some(a), None) => hi.unit = Some(a.clone()),
        _ => {}
    }
    let ascending = as_f64(&lo) <= as_f64(&hi);
    if kind == Bound::Range && !ascending {
        // "51% to 49%": a range is written low to high; high to low is a score or a margin.
        return;
    }
    let (small, big) = if ascending {
        (lo.clone(), hi.clone())
    } else {
        (hi.clone(), lo.clone())
    };
    amount.value = if kind == Bound::Change { hi } else { lo };
    amount.min = Some(small);
    amount.max = Some(big);
    amount.bound = Some(kind);
    amount.end = second.end;
}

/// The exponent a match's number has without its scale words.
fn scale_free_exponent(words: &[&str], m: &QuantityMatch) -> i32 {
    let digits: Vec<&str> = words
        .get(m.start..m.end)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|w| scale_word(w).is_none())
        .collect();
    match digits.iter().find_map(|w| numeric_token(w)) {
        Some((mant, e, _)) => Quantity::new(mant, e, None).exponent,
        None => m.quantity.exponent,
    }
}

/// Sets `min` or `max` from a one-sided bound.
fn apply_bound(amount: &mut Amount) {
    match amount.bound {
        Some(Bound::AtLeast | Bound::MoreThan) => amount.min = Some(amount.value.clone()),
        Some(Bound::AtMost | Bound::LessThan) => amount.max = Some(amount.value.clone()),
        _ => {}
    }
}

/// The first amount whose number lies in words `from..to`, skipping words `skip` (a date),
/// tallies and names with numbers. Modifiers may stand before `from` down to `floor`, and a
/// range may run past `to`.
pub fn find_amount(
    words: &[&str],
    floor: usize,
    from: usize,
    to: usize,
    skip: std::ops::Range<usize>,
) -> Option<Amount> {
    let mut k = from;
    // A hyphenated adjective ("a three-year low of 11,489 points") gives way to a later
    // amount in the same words: it describes the noun, the later one is the figure.
    let mut adjective = None;
    while k < to.min(words.len()) {
        if skip.contains(&k) {
            k += 1;
            continue;
        }
        if let Some(end) = tally_end(words, k) {
            k = end;
            continue;
        }
        if let Some(a) = amount_at(words, k, floor) {
            if !hyphen_adjective(words, &a) {
                return Some(a);
            }
            k = a.end.max(k + 1);
            if !describes_noun(words, &a) {
                adjective = adjective.or(Some(a));
            }
            continue;
        }
        k += 1;
    }
    adjective
}

/// Units of a hyphenated adjective that describes a noun rather than counting anything the
/// claim is about: an age ("a 23-year-old man", "a 61-year old"), the size of a body or a
/// building ("a 15-member panel", "a 27-nation bloc", "a five-story house").
const DESCRIBING_UNITS: &[&str] = &[
    "member", "nation", "country", "person", "man", "seat", "story", "storey", "bedroom", "party",
    "judge", "part", "stage", "door", "county", "state", "way", "page", "emission",
];

/// Whether a hyphenated adjective describes its noun and is no amount (`DESCRIBING_UNITS`,
/// or "N-year-old": "year" followed by "old" after an optional hyphen).
fn describes_noun(words: &[&str], a: &Amount) -> bool {
    let word = |i: usize| words.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
    let unit = a.value.unit.as_deref().unwrap_or("");
    let old = word(a.end) == "old" || (word(a.end) == "-" && word(a.end + 1) == "old");
    (matches!(unit, "year" | "years") && old) || DESCRIBING_UNITS.contains(&unit)
}

/// Whether an amount is a hyphenated "N-unit" adjective: "28-point" (the unit read), or
/// "three-year" (a time word, no unit).
fn hyphen_adjective(words: &[&str], a: &Amount) -> bool {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let lowercase_word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase());
    let with_unit = a.value.unit.is_some() && a.end - a.start == 3 && word(a.end - 2) == "-";
    let unitless = a.value.unit.is_none()
        && a.end - a.start == 1
        && word(a.end) == "-"
        && lowercase_word(word(a.end + 1));
    a.bound.is_none() && (with_unit || unitless)
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

/// Which side of the article date a bare weekday ("on Friday") lies on, as the tense or
/// modality of its clause tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    /// A past clause ("met on Thursday"): the most recent such day up to the article date.
    Past,
    /// A future or planned clause ("will meet on Friday"): the next such day after it.
    Coming,
    /// Neither can be told (a present or hypothetical clause, or no clause): left unresolved.
    Unknown,
}

/// The date of weekday `wd` (0 = Monday) seen from `article` in direction `toward`; `None`
/// when the direction is unknown, or when a coming weekday is the article's own (that
/// day, or a week later?).
fn resolve_weekday(article: Date, wd: u8, toward: Toward) -> Option<Date> {
    let (now, wd) = (i64::from(article.weekday()), i64::from(wd));
    match toward {
        Toward::Past => Some(Date::from_days(article.days() - (now - wd).rem_euclid(7))),
        Toward::Coming => {
            let ahead = (wd - now).rem_euclid(7);
            (ahead > 0).then(|| Date::from_days(article.days() + ahead))
        }
        Toward::Unknown => None,
    }
}

/// Most days a date written without its year may lie on the wrong side of the article date
/// for its clause's tense before it is taken for the adjacent year: a past event dated months
/// after the article, or a coming one months before it, is one of the other year ("was killed
/// on December 28" in an article of 5 January). Eight months, because a date inside a noun
/// phrase keeps its own time whatever the verb's tense ("set a deadline of November 24" in
/// April is this year's).
const WRONG_SIDE_DAYS: i64 = 240;

/// Farthest a date of unknown side may lie from the article date in the article's year
/// before the adjacent year, where it lies nearer, is taken ("January 15" in an article of
/// 10 December is next month's).
const FAR_DAYS: i64 = 300;

/// The year of `month` (and `day`, else the 15th) written without one, in an article dated
/// `article`: the article's year, unless the clause's tense (`toward`) puts it on the other
/// side of the article date by more than [`WRONG_SIDE_DAYS`], or, where the tense says
/// nothing, the date lies more than [`FAR_DAYS`] away and the adjacent year is nearer.
fn unwritten_year(article: Date, month: u8, day: Option<u8>, toward: Toward) -> i32 {
    let year = article.year;
    let offset = |y: i32| {
        let day = day.unwrap_or(15).min(days_in_month(y, month));
        Date::new(y, month, day).map(|d| d.days() - article.days())
    };
    let Some(gap) = offset(year) else {
        return year;
    };
    let other = if gap > 0 { year - 1 } else { year + 1 };
    match toward {
        Toward::Past if gap > WRONG_SIDE_DAYS => year - 1,
        Toward::Coming if gap < -WRONG_SIDE_DAYS => year + 1,
        Toward::Unknown if gap.abs() > FAR_DAYS => {
            let nearer = offset(other).is_some_and(|g| g.abs() < gap.abs());
            if nearer {
                other
            } else {
                year
            }
        }
        Toward::Past | Toward::Coming | Toward::Unknown => year,
    }
}

/// Reads a date starting at token `start`. `article_date` resolves years left out, and
/// weekdays on the side `toward` says.
pub fn scan_date(
    words: &[&str],
    start: usize,
    article_date: Option<Date>,
    toward: Toward,
) -> Option<DateMatch> {
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
        let year = year.or_else(|| article_date.map(|a| unwritten_year(a, month, day, toward)));
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
            let mut year = article_date.map(|a| unwritten_year(a, month, Some(day), toward));
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
        // "Saturday, 1 October 2005": the day may come before the month.
        let day_first = words.get(after).and_then(|x| day_number(x)).is_some()
            && words.get(after + 1).and_then(|x| month_number(x)).is_some();
        if day_first || words.get(after).and_then(|x| month_number(x)).is_some() {
            if let Some(m) = scan_date(words, after, article_date, toward) {
                if m.value.is_some() {
                    return Some(DateMatch {
                        start,
                        end: m.end,
                        value: m.value,
                    });
                }
            }
        }
        let value = article_date
            .and_then(|d| resolve_weekday(d, wd, toward))
            .map(|d| d.iso());
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
    fn dozens_and_hyphenated_scales_multiply() {
        assert_eq!(
            q("two dozen protesters"),
            Some(("24".into(), Some("protesters".into()), 3))
        );
        assert_eq!(
            q("a dozen soldiers"),
            Some(("12".into(), Some("soldiers".into()), 3))
        );
        assert_eq!(
            q("six - hundred missiles"),
            Some(("600".into(), Some("missiles".into()), 4))
        );
        assert_eq!(
            q("twenty - thousand marchers"),
            Some(("20000".into(), Some("marchers".into()), 4))
        );
        assert_eq!(
            q("a hundred - thousand dollars"),
            Some(("100000".into(), Some("USD".into()), 5))
        );
        // A hyphen joins a scale word only: "two - day visit" keeps its unit.
        assert_eq!(
            q("two - day visit"),
            Some(("2".into(), Some("day".into()), 3))
        );
        // "dozens of" is no figure.
        assert_eq!(q("dozens of people"), None);
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

    /// (value, min, max, approximate, bound, its words).
    type Read = (
        String,
        Option<String>,
        Option<String>,
        bool,
        Option<&'static str>,
        String,
    );

    /// The first amount in a sentence.
    fn amount(text: &str) -> Option<Read> {
        let words: Vec<&str> = text.split(' ').collect();
        let a = find_amount(&words, 0, 0, words.len(), 0..0)?;
        let v = |q: &Option<Quantity>| q.as_ref().map(Quantity::value_string);
        Some((
            a.value.value_string(),
            v(&a.min),
            v(&a.max),
            a.approximate,
            a.bound.map(Bound::as_str),
            words[a.start..a.end].join(" "),
        ))
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    /// The value and unit of the first amount in a sentence.
    fn value_unit(text: &str) -> Option<(String, Option<String>)> {
        let words: Vec<&str> = text.split(' ').collect();
        let a = find_amount(&words, 0, 0, words.len(), 0..0)?;
        Some((a.value.value_string(), a.value.unit))
    }

    #[test]
    fn a_year_before_a_singular_noun_is_no_amount() {
        assert_eq!(value_unit("the governor 's 1998 veto of the tax"), None);
        assert_eq!(value_unit("during the 2010 regional election"), None);
        assert_eq!(
            value_unit("sent 2000 soldiers north"),
            Some(("2000".into(), some("soldiers")))
        );
        assert_eq!(
            value_unit("a 2000 - strong force"),
            Some(("2000".into(), some("strong")))
        );
        assert_eq!(
            value_unit("paid 2500 dollars"),
            Some(("2500".into(), some("USD")))
        );
    }

    #[test]
    fn a_number_hyphenated_to_a_model_name_is_no_amount() {
        assert_eq!(value_unit("a jet like a Su - 27 overhead"), None);
        assert_eq!(value_unit("two F - 16 fighters"), Some(("2".into(), None)));
        assert_eq!(value_unit("the Covid - 19 wards were full"), None);
        assert_eq!(
            value_unit("twenty - two men"),
            Some(("22".into(), some("men")))
        );
    }

    #[test]
    fn a_hyphenated_adjective_gives_way_to_the_figure() {
        assert_eq!(
            value_unit("closed at a five - year high of 2,310.5 points"),
            Some(("2310.5".into(), some("points")))
        );
        assert_eq!(
            value_unit("signed a two - year deal"),
            Some(("2".into(), some("year")))
        );
        assert_eq!(
            value_unit("a 12 - point lead over 40 rivals"),
            Some(("40".into(), some("rivals")))
        );
    }

    #[test]
    fn an_age_or_a_size_adjective_is_no_amount() {
        assert_eq!(value_unit("detained a 34 - year - old teacher"), None);
        assert_eq!(value_unit("the 70 - year old pensioner"), None);
        assert_eq!(value_unit("a 12 - member jury was sworn in"), None);
        assert_eq!(value_unit("the 27 - nation bloc"), None);
        // A figure after the adjective is still read.
        assert_eq!(
            value_unit("a 40 - year - old farmer with 300 cattle"),
            Some(("300".into(), some("cattle")))
        );
        // A span of years is a figure with its unit.
        assert_eq!(
            value_unit("a ten - year sentence"),
            Some(("10".into(), some("year")))
        );
    }

    #[test]
    fn counted_years_keep_their_unit() {
        assert_eq!(
            value_unit("served twelve years in office"),
            Some(("12".into(), some("years")))
        );
        assert_eq!(
            value_unit("for another 15 years"),
            Some(("15".into(), some("years")))
        );
    }

    #[test]
    fn fractions_of_a_scale() {
        assert_eq!(
            value_unit("a quarter of a million people fled"),
            Some(("250000".into(), some("people")))
        );
        assert_eq!(
            value_unit("half a billion dollars"),
            Some(("500000000".into(), some("USD")))
        );
        assert_eq!(
            value_unit("three quarters of a million votes"),
            Some(("750000".into(), some("votes")))
        );
        assert_eq!(
            value_unit("two and a half million tourists"),
            Some(("2500000".into(), some("tourists")))
        );
        let a = amount("a third of a million homes").unwrap();
        assert_eq!((a.0.as_str(), a.3), ("333000", true));
        assert_eq!(value_unit("in the third quarter"), None);
    }

    #[test]
    fn ranges_and_changes_keep_both_ends() {
        let a = amount("the garrison grew from 1,200 to as many as 4,000 soldiers").unwrap();
        assert_eq!(a.0, "4000");
        assert_eq!((a.1, a.2), (some("1200"), some("4000")));
        assert_eq!(a.4, Some("change"));
        assert_eq!(a.5, "1,200 to as many as 4,000 soldiers");
        let a = amount("inflation stayed at 1.1 % - 1.3 % all winter").unwrap();
        assert_eq!((a.0.as_str(), a.1, a.2), ("1.1", some("1.1"), some("1.3")));
        assert_eq!(a.4, Some("range"));
        let a = amount("a loan worth between 7 and 9 million dollars").unwrap();
        assert_eq!((a.1, a.2), (some("7000000"), some("9000000")));
        let a = amount("sales fell from $ 90 billion to $ 71.5 billion").unwrap();
        assert_eq!(a.0, "71500000000");
        assert_eq!(a.1, some("71500000000"));
        assert_eq!(a.2, some("90000000000"));
        let a = amount("costs of $ 2 - 3 billion").unwrap();
        assert_eq!((a.1, a.2), (some("2000000000"), some("3000000000")));
    }

    #[test]
    fn bounds_and_approximations() {
        let a = amount("a grant of up to 3 billion euros").unwrap();
        assert_eq!(
            (a.0.as_str(), a.1, a.2.as_deref()),
            ("3000000000", None, Some("3000000000"))
        );
        assert_eq!(a.4, Some("at-most"));
        assert_eq!(a.5, "up to 3 billion euros");
        let a = amount("more than 70 houses burned").unwrap();
        assert_eq!((a.1.as_deref(), a.4), (Some("70"), Some("more-than")));
        let a = amount("over 25 villages").unwrap();
        assert_eq!(a.4, Some("more-than"));
        let a = amount("at least 3 ships").unwrap();
        assert_eq!((a.4, a.5.as_str()), (Some("at-least"), "at least 3 ships"));
        let a = amount("fewer than 12 teachers").unwrap();
        assert_eq!((a.2.as_deref(), a.4), (Some("12"), Some("less-than")));
        let a = amount("roughly 8,500 fans").unwrap();
        assert!(a.3);
        assert_eq!((a.1, a.2, a.4), (None, None, None));
        assert!(amount("nearly two million voters").unwrap().3);
        assert!(!amount("8,500 fans").unwrap().3);
        let a = amount("14 out of 30 judges agreed").unwrap();
        assert_eq!((a.0.as_str(), a.5.as_str()), ("14", "14 out of 30 judges"));
    }

    #[test]
    fn compound_units() {
        assert_eq!(q("60 miles per hour ,").unwrap().1, some("miles per hour"));
        assert_eq!(
            q("400 cubic metres of gas").unwrap().1,
            some("cubic metres")
        );
        assert_eq!(
            q("9 square kilometres").unwrap().1,
            some("square kilometres")
        );
        assert_eq!(q("900 barrels a day").unwrap().1, some("barrels per day"));
        assert_eq!(q("3 euros per litre").unwrap().1, some("EUR per litre"));
        assert_eq!(q("5 per cent").unwrap().1, some("percent"));
    }

    #[test]
    fn names_and_tallies_are_not_amounts() {
        assert_eq!(amount("the firm sought Chapter 7 protection"), None);
        assert_eq!(amount("he joined Section 9 of the police"), None);
        assert_eq!(amount("the Famous Five returned"), None);
        assert_eq!(amount("a driver in Formula One"), None);
        assert_eq!(amount("the senate voted 61 - 38 for it"), None);
        assert_eq!(amount("they won 4 to 1 at home"), None);
        assert_eq!(amount("the court ruled 5 - 4"), None);
        // High to low is a margin, not a range: the first figure alone.
        let a = amount("a margin of 55 % to 45 %").unwrap();
        assert_eq!((a.0.as_str(), a.1, a.2, a.4), ("55", None, None, None));
        // A tally is skipped, and the amount after it is read.
        assert_eq!(
            amount("a 52 - 48 vote with 300 abstentions").unwrap().0,
            "300"
        );
        // A modifier at the start of a sentence is not a name.
        assert_eq!(amount("About 90 people came").unwrap().0, "90");
        assert_eq!(amount("in 2019 , prices rose"), None);
        // A capitalised number word that goes on is a number, wherever it stands.
        assert_eq!(
            amount("so far , Twenty - two sailors drowned").unwrap().0,
            "22"
        );
        // After a name, a number that counts something is still an amount.
        assert_eq!(amount("the treaty gave Portugal 90 days").unwrap().0, "90");
        assert_eq!(amount("she toured Lower Saxony four times").unwrap().0, "4");
        assert_eq!(amount("a sequel , Space Raiders 3 , opened"), None);
        // A number between a name's word and a singular noun it does not count is a name.
        assert_eq!(amount("she joined the rival Vox 14 movement"), None);
        assert_eq!(amount("sales of the Zephyr 500 sedan fell"), None);
        assert_eq!(amount("the firm gave Oslo 40 police").unwrap().0, "40");
        assert_eq!(amount("Kestrel 12 radio stations").unwrap().0, "12");
        assert_eq!(
            amount("the list of Dublin 250 wealthiest").unwrap().0,
            "250"
        );
        assert_eq!(amount("the treaty gave Portugal 90 days").unwrap().0, "90");
        // The second number of a tally is no amount either.
        assert_eq!(amount("a 61 to 35 majority"), None);
        // A slash fraction is no amount of its numerator.
        assert_eq!(amount("they could drop 1/3 of the routes"), None);
        assert_eq!(amount("they could drop 2 / 3 of the routes"), None);
        assert_eq!(amount("it took 4 1/2 months"), None);
        assert_eq!(amount("it took 4 months").unwrap().0, "4");
        // A percent is not the start of a count.
        let a = amount("visits are up 40 % to 2.5 million").unwrap();
        assert_eq!((a.0.as_str(), a.4), ("40", None));
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn amounts_never_panic_and_hold_their_value(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "from", "to", "between", "and", "up", "at", "least", "more", "than",
                        "about", "as", "many", "-", "%", "$", "billion", "per", "hour",
                        "miles", "cubic", "feet", "Chapter", "Four", "vote", "over", "a",
                    ]).prop_map(String::from),
                    "[0-9]{1,4}(\\.[0-9]{1,2})?",
                    "\\PC{0,6}",
                ],
                0..14,
            ),
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            if let Some(a) = find_amount(&words, 0, 0, words.len(), 0..0) {
                proptest::prop_assert!(a.start <= a.end && a.end <= words.len());
                let v = a.value.value_f64();
                if let Some(min) = &a.min {
                    proptest::prop_assert!(min.value_f64() <= v);
                }
                if let Some(max) = &a.max {
                    proptest::prop_assert!(v <= max.value_f64());
                }
            }
        }
    }

    #[test]
    fn numbers_inside_names_formulas_and_labels_are_no_amounts() {
        // Hyphen-joined to a capitalised word, or the second half of a model number.
        assert_eq!(amount("Hop - Three - Go cut its routes"), None);
        assert_eq!(amount("the Four - Star Bakery closed"), None);
        assert_eq!(amount("a Boeing 757 - 300 landed"), None);
        assert_eq!(
            amount("so far , Twenty - two sailors drowned").unwrap().0,
            "22"
        );
        // Mixed case and acronyms name products, indexes and formulas.
        assert_eq!(amount("the new zPhone 7 went on sale"), None);
        assert_eq!(amount("its GameBox 2 console sold well"), None);
        assert_eq!(amount("the XQT 250 index fell"), None);
        assert_eq!(amount("more NO 2 emissions than before"), None);
        assert_eq!(amount("levels of PM 2.5 rose"), None);
        assert_eq!(amount("gave the UN 30 days").unwrap().0, "30");
        assert_eq!(amount("the DLP 8.5 % of the vote").unwrap().0, "8.5");
        assert_eq!(amount("McAdam 48 % and Lind 52 %").unwrap().0, "48");
        // Emergency numbers and labels after lower-case words.
        assert_eq!(amount("the phone 's 911 callers waited"), None);
        assert_eq!(amount("a 999 call was made"), None);
        assert_eq!(amount("911 people signed").unwrap().0, "911");
        assert_eq!(amount("when flight 41 landed"), None);
        assert_eq!(amount("under article 12 of the code"), None);
        // A maker's name before a model number.
        assert_eq!(amount("ten Embraer 170 jets").unwrap().0, "10");
        assert_eq!(amount("the Embraer 170 jets"), None);
    }

    #[test]
    fn hyphenated_sizes_and_fractions_of_a_whole_are_no_counts() {
        assert_eq!(amount("the stalled four - party talks"), None);
        assert_eq!(amount("a three - judge panel ruled"), None);
        assert_eq!(amount("a two - state solution"), None);
        assert_eq!(amount("two - thirds of voters agreed"), None);
        assert_eq!(amount("three - quarters of members"), None);
        assert_eq!(amount("two fifths of the seats"), None);
        assert_eq!(amount("growth in three quarters").unwrap().0, "3");
        assert_eq!(amount("three quarters of growth").unwrap().0, "3");
        assert_eq!(amount("a quarter of a million people").unwrap().0, "250000");
        let a = amount("between $ 90 and $ 120 per week").unwrap();
        assert_eq!((a.1, a.2, a.4), (some("90"), some("120"), Some("range")));
    }

    #[test]
    fn sums_counted_per_something_keep_it_in_their_unit() {
        assert_eq!(
            value_unit("limits withdrawals to Z $ 2.5 million per day"),
            Some(("2500000".into(), some("ZWD per day")))
        );
        assert_eq!(
            value_unit("they won $ 3 million for each claimant"),
            Some(("3000000".into(), some("USD per claimant")))
        );
        assert_eq!(
            value_unit("fined 40,000 yen apiece ."),
            Some(("40000".into(), some("JPY each")))
        );
        assert_eq!(
            value_unit("they got $ 500 each , he said"),
            Some(("500".into(), some("USD each")))
        );
        assert_eq!(
            value_unit("they got $ 500 each year"),
            Some(("500".into(), some("USD")))
        );
        assert_eq!(
            value_unit("sold for $ 9 a year ago"),
            Some(("9".into(), some("USD")))
        );
        assert_eq!(
            value_unit("prices rose 4 % a year"),
            Some(("4".into(), some("percent per year")))
        );
        assert_eq!(
            value_unit("paid J $ 800 a head"),
            Some(("800".into(), some("JMD per head")))
        );
        let a = amount("Over 14 others died").unwrap();
        assert_eq!((a.1, a.4), (some("14"), Some("more-than")));
        let a = amount("fewer than 30 seats").unwrap();
        assert_eq!((a.2, a.4), (some("30"), Some("less-than")));
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
            scan_date(&words, 0, None, Toward::Past)
                .unwrap()
                .value
                .as_deref(),
            Some("2025-11-17")
        );
        let art = Date::parse_iso("2025-11-21");
        // 2025-11-21 is a Friday; "Thursday" is the day before.
        assert_eq!(
            scan_date(&["Thursday"], 0, art, Toward::Past)
                .unwrap()
                .value
                .as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            scan_date(&["Nov.", "20"], 0, art, Toward::Unknown)
                .unwrap()
                .value
                .as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            scan_date(
                &["29", "March"],
                0,
                Date::parse_iso("2008-03-28"),
                Toward::Past
            )
            .unwrap()
            .value
            .as_deref(),
            Some("2008-03-29")
        );
        assert!(scan_date(&["May"], 0, art, Toward::Past).is_none());
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::from_days(20_413).iso(), "2025-11-21");
    }

    #[test]
    fn weekdays_lie_on_the_side_the_clause_tense_gives() {
        // 2006-06-22 was a Thursday.
        let art = Date::parse_iso("2006-06-22");
        let day = |w: &str, toward| scan_date(&[w], 0, art, toward).and_then(|m| m.value);
        assert_eq!(day("Friday", Toward::Past).as_deref(), Some("2006-06-16"));
        assert_eq!(day("Friday", Toward::Coming).as_deref(), Some("2006-06-23"));
        assert_eq!(
            day("Tuesday", Toward::Coming).as_deref(),
            Some("2006-06-27")
        );
        assert_eq!(day("Thursday", Toward::Past).as_deref(), Some("2006-06-22"));
        // "will meet on Thursday" in a Thursday article: today or in a week; not told.
        assert_eq!(day("Thursday", Toward::Coming), None);
        assert_eq!(day("Friday", Toward::Unknown), None);
        // A calendar date after the weekday decides whatever the tense.
        let full = ["Friday", ",", "June", "16", ",", "2006"];
        let m = scan_date(&full, 0, art, Toward::Coming).and_then(|m| m.value);
        assert_eq!(m.as_deref(), Some("2006-06-16"));
        // So does one written day first, and its words run to the year.
        let full = ["Sunday", ",", "4", "June", "2006", "."];
        let m = scan_date(&full, 0, art, Toward::Unknown);
        assert_eq!(
            m.as_ref().and_then(|m| m.value.as_deref()),
            Some("2006-06-04")
        );
        assert_eq!(m.map(|m| m.end), Some(5));
    }

    #[test]
    fn a_date_without_its_year_lies_on_the_side_of_the_article_its_tense_gives() {
        let art = Date::parse_iso("2011-12-12");
        let on = |words: &[&str], toward| scan_date(words, 0, art, toward).and_then(|m| m.value);
        // A coming event in January is next year's; a past one is this year's.
        assert_eq!(
            on(&["January", "20"], Toward::Coming).as_deref(),
            Some("2012-01-20")
        );
        assert_eq!(
            on(&["20", "January"], Toward::Past).as_deref(),
            Some("2011-01-20")
        );
        // Of unknown side: the nearer year only when this year's lies far off.
        assert_eq!(
            on(&["January", "20"], Toward::Unknown).as_deref(),
            Some("2012-01-20")
        );
        assert_eq!(
            on(&["March", "3"], Toward::Unknown).as_deref(),
            Some("2011-03-03")
        );
        // A past event dated after the article is last year's; a few days after stays.
        let art = Date::parse_iso("2012-01-04");
        let on = |words: &[&str], toward| scan_date(words, 0, art, toward).and_then(|m| m.value);
        assert_eq!(
            on(&["December", "29"], Toward::Past).as_deref(),
            Some("2011-12-29")
        );
        assert_eq!(
            on(&["January", "9"], Toward::Past).as_deref(),
            Some("2012-01-09")
        );
        // A date months ahead in a past clause may be a noun's own ("set a deadline of
        // November 24" in April): this year's.
        let april = Date::parse_iso("2012-04-10");
        assert_eq!(
            scan_date(&["November", "24"], 0, april, Toward::Past).and_then(|m| m.value),
            some("2012-11-24")
        );
        // A written year always wins.
        assert_eq!(
            on(&["December", "29", ",", "2012"], Toward::Past).as_deref(),
            Some("2012-12-29")
        );
    }

    #[test]
    fn decimal_commas_country_dollars_and_possessed_models() {
        assert_eq!(
            value_unit("won 52,7 % of the vote"),
            Some(("52.7".into(), some("percent")))
        );
        assert_eq!(
            value_unit("a bid of 2,4 billion euros"),
            Some(("2400000000".into(), some("EUR")))
        );
        // Thousands separators, also grouped the Indian way, stay separators.
        assert_eq!(
            value_unit("a turnout of 71,0 %"),
            Some(("71".into(), some("percent")))
        );
        assert_eq!(
            value_unit("hired 3,250 nurses"),
            Some(("3250".into(), some("nurses")))
        );
        assert_eq!(
            value_unit("some 3,00,000 voters"),
            Some(("300000".into(), some("voters")))
        );
        assert_eq!(
            value_unit("costs NZ $ 45 a night"),
            Some(("45".into(), some("NZD per night")))
        );
        assert_eq!(
            value_unit("raised C $ 3 million"),
            Some(("3000000".into(), some("CAD")))
        );
        assert_eq!(
            value_unit("sold for A $ 80"),
            Some(("80".into(), some("AUD")))
        );
        assert_eq!(
            value_unit("A $ 5 fee applies"),
            Some(("5".into(), some("USD")))
        );
        assert_eq!(value_unit("paid US $ 9"), Some(("9".into(), some("USD"))));
        assert_eq!(value_unit("rather than Kestrel 's 515 ."), None);
        assert_eq!(
            value_unit("Kestrel 's 515 workers"),
            Some(("515".into(), some("workers")))
        );
    }
}
