//! How an argument's amount reads in its sentence, with the part-of-speech tags the quantity
//! scanner does not see.
//!
//! - The counted noun is the head of the noun phrase after the number, not its first word:
//!   "120 birth records" counts records, "eight new wind farms" farms, "four other Dutch
//!   cyclists" cyclists, "400 more troops" troops; a capitalised plural is kept as written,
//!   "14 Germans" ([`head_unit`]).
//! - An amount followed by a comparative ("4% higher than a week earlier", "3 metres lower",
//!   "$10 more expensive") is a difference, not the value of its argument: the argument keeps
//!   the comparison in its words and carries no quantity ([`comparison_end`]).

use crate::claim::open::Tok;
use crate::lexicon::TIME_NOUNS;
use crate::quantity::Amount;

/// Comparatives that make the amount before them a difference ("5% higher").
const COMPARATIVES: &[&str] = &[
    "higher", "lower", "greater", "larger", "bigger", "smaller", "above", "below", "cheaper",
    "dearer", "faster", "slower", "stronger", "weaker", "better", "worse", "older", "younger",
    "longer", "shorter", "taller", "heavier", "lighter", "wider", "narrower", "deeper", "richer",
    "poorer", "warmer", "colder", "hotter",
];

/// Comparatives that do so only with "than" ("30 more than last year"; "30 more troops" counts
/// the troops added).
const COMPARATIVES_WITH_THAN: &[&str] = &["more", "less", "fewer"];

/// Tags a comparison's "than" phrase runs over ("than the start of the day").
fn in_than_phrase(t: &Tok) -> bool {
    matches!(
        t.tag,
        "DT" | "PRP$"
            | "POS"
            | "CD"
            | "JJ"
            | "JJR"
            | "JJS"
            | "NN"
            | "NNS"
            | "NNP"
            | "NNPS"
            | "RB"
            | "VBN"
    ) || t.lower == "of"
        || t.lower == "%"
}

/// Where the comparison opening at token `at`, right after an amount, ends: after the
/// comparative and its "than" phrase ("higher | than the start of the day"), or `None` when
/// no comparative stands there.
pub(super) fn comparison_end(toks: &[Tok], at: usize) -> Option<usize> {
    let word = toks.get(at)?.lower.as_str();
    // "$10 more expensive", "3 km less steep": "more"/"less" with an adjective that no noun
    // follows is a comparative of its own ("30 more British troops" counts troops).
    let periphrastic = matches!(word, "more" | "less")
        && toks
            .get(at + 1)
            .is_some_and(|t| t.tag == "JJ" && !t.lower.contains('-'))
        && toks
            .get(at + 2)
            .is_none_or(|t| !t.tag.starts_with("NN") && !t.tag.starts_with("JJ"));
    let after = if periphrastic { at + 2 } else { at + 1 };
    let than_next = toks.get(after).is_some_and(|t| t.lower == "than");
    let comparative = COMPARATIVES.contains(&word)
        || periphrastic
        || (than_next && COMPARATIVES_WITH_THAN.contains(&word));
    if !comparative {
        return None;
    }
    let takes_object = matches!(word, "above" | "below");
    if !than_next && !takes_object {
        return Some(after);
    }
    let mut end = if than_next { after + 1 } else { after };
    // "than in 2001", "than at the start": a preposition right after "than".
    if than_next && toks.get(end).is_some_and(|t| t.tag == "IN") {
        end += 1;
    }
    while end < toks.len() && end - at < 12 && in_than_phrase(&toks[end]) {
        end += 1;
    }
    // "than the start of": a phrase does not end on its preposition.
    while end > at + 1 && matches!(toks[end - 1].tag, "IN") {
        end -= 1;
    }
    Some(end)
}

/// Whether a token may stand inside the noun phrase between a number and its head ("death",
/// "luxury", "other", "British", "family - run").
fn premodifier(t: &Tok) -> bool {
    matches!(t.tag, "NN" | "JJ" | "NNP" | "VBN" | "VBG" | "HYPH") || t.lower == "-"
}

/// The head noun counted by `amount` when its unit was read from the first word of a longer
/// noun phrase ("100 death certificates": `certificates`, not `death`), or from no word at all
/// before a capitalised modifier ("300 British troops": `troops`). `None` leaves the unit as
/// read: a currency, a percentage, a hyphenated adjective, a plural noun already (the head of
/// an English compound), or no plural noun within the phrase.
pub(super) fn head_unit(toks: &[Tok], words: &[&str], amount: &Amount) -> Option<String> {
    let end = amount.end;
    let unit = amount.value.unit.as_deref();
    let from = match unit {
        Some(u) => {
            let last = end.checked_sub(1)?;
            let read_from_word = words.get(last).is_some_and(|w| w.to_lowercase() == u);
            let hyphenated = last > 0 && words.get(last - 1) == Some(&"-");
            // "a sixty year old ... show": a time unit measures, it counts no later noun.
            let time = TIME_NOUNS.contains(&u);
            if !read_from_word || hyphenated || time || u == "percent" {
                return None;
            }
            if toks.get(last)?.tag == "NNS" {
                // "40 farmers and fishermen": the number counts both.
                return coordinated_plural(toks, last)
                    .map(|k| format!("{u} and {}", toks[k].lower));
            }
            last
        }
        // The scanner took no word after the number for its unit ("40 years", "78 MPs"): a
        // capitalised plural right after it ("14 Germans"), else a head only after a modifier
        // ("three European nations", "400 more troops").
        None if toks.get(end).is_some_and(proper_plural) => end,
        None => end + 1,
    };
    // "sixty year old": a time word after the number measures, it counts nothing.
    let measures = |t: &Tok| t.lower == "-" || TIME_NOUNS.contains(&t.lower.as_str());
    let modified = |t: &Tok| (premodifier(t) || ADDING.contains(&t.lower.as_str())) && !measures(t);
    if unit.is_none() && from > end && toks.get(end).is_none_or(|t| !modified(t)) {
        return None;
    }
    let mut k = from.min(toks.len());
    let mut head = None;
    while k < toks.len() && k - from < 6 {
        let t = &toks[k];
        // A capitalised plural counts only as the last word of the phrase and not as the
        // end of a longer name ("four United Nations peacekeepers", "Swiss Francs").
        let named_group = proper_plural(t)
            && !(k > 0 && matches!(toks[k - 1].tag, "NNP" | "NNPS"))
            && toks.get(k + 1).is_none_or(|n| !n.tag.starts_with("NN"));
        if t.tag == "NNS" || named_group {
            head = Some(k);
            break;
        }
        let adjective_list = t.lower == ","
            && k > from
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.tag, "JJ" | "NN" | "RB"));
        if !(premodifier(t) || t.tag == "NNPS" || adjective_list) {
            break;
        }
        k += 1;
    }
    let head = &toks[head?];
    if TIME_NOUNS.contains(&head.lower.as_str()) {
        return None;
    }
    if proper_plural(head) {
        // "14 Germans", "19 MEPs": people counted by a name of their group, kept as written.
        return Some(head.text.clone());
    }
    if head.mention.is_some() {
        return None;
    }
    Some(head.lower.clone())
}

/// The plural noun coordinated with the head at `head` by "and"/"or" with nothing of its own
/// before it ("farmers and fishermen"; not "farmers and the fishermen", "farmers and two ...").
fn coordinated_plural(toks: &[Tok], head: usize) -> Option<usize> {
    let cc = toks.get(head + 1)?;
    let next = head + 2;
    let plural = toks.get(next)?;
    let after = toks.get(next + 1);
    // A verb read as a plural takes an object after it ("7 months and indicates that ...").
    let verb_like = |t: &Tok| t.lower == "that" || matches!(t.tag, "DT" | "PRP" | "PRP$" | "TO");
    (matches!(cc.lower.as_str(), "and" | "or")
        && plural.tag == "NNS"
        && plural.mention.is_none()
        && !MEASURED.contains(&toks[head].lower.as_str())
        && after.is_none_or(|t| !t.tag.starts_with("NN") && !verb_like(t)))
    .then_some(next)
}

/// Units of time a number measures: never coordinated with a counted noun.
const MEASURED: &[&str] = &[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
];

/// Words between a number and its head that say the counted things come on top of others
/// ("nine other Iraqis", "400 more troops", "30 additional staff"): never the unit themselves.
const ADDING: &[&str] = &["other", "more", "additional", "further", "extra"];

/// A capitalised plural noun ("Germans", "MEPs", "Marines"): a group counted by its name
/// (not "Swiss", whose "s" ends no plural, nor a title's time: "60 Minutes").
fn proper_plural(t: &Tok) -> bool {
    t.tag == "NNPS"
        && t.text.chars().next().is_some_and(char::is_uppercase)
        && t.text.ends_with('s')
        && !t.text.ends_with("ss")
        && !matches!(
            t.lower.as_str(),
            "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity;

    fn toks(tagged: &str) -> Vec<Tok> {
        tagged
            .split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap_or((wt, "NN"));
                let tag: &'static str = Box::leak(t.to_string().into_boxed_str());
                Tok {
                    text: w.to_string(),
                    lower: w.to_lowercase(),
                    tag,
                    lemma: w.to_lowercase(),
                    mention: None,
                }
            })
            .collect()
    }

    fn head(tagged: &str) -> Option<String> {
        let t = toks(tagged);
        let words: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        let a = quantity::find_amount(&words, 0, 0, words.len(), 0..0)?;
        head_unit(&t, &words, &a)
    }

    #[test]
    fn the_unit_is_the_head_of_the_compound() {
        assert_eq!(
            head("over/IN 120/CD birth/NN records/NNS of/IN patients/NNS"),
            Some("records".into())
        );
        assert_eq!(
            head("eight/CD new/JJ wind/NN farms/NNS opened/VBD"),
            Some("farms".into())
        );
        assert_eq!(
            head("four/CD other/JJ Dutch/NNP cyclists/NNS"),
            Some("cyclists".into())
        );
        assert_eq!(
            head("12/CD quiet/JJ ,/, lakeside/JJ cabins/NNS"),
            Some("cabins".into())
        );
        // Already a plural head, a currency, or no plural noun after it: as read.
        assert_eq!(head("300/CD workers/NNS Friday/NNP"), None);
        assert_eq!(head("$/$ 5/CD million/CD fund/NN"), None);
        assert_eq!(head("40/CD percent/NN stake/NN"), None);
        assert_eq!(head("5/CD people/NNS food/NN"), None);
        assert_eq!(head("10/CD local/JJ"), None);
        assert_eq!(head("40/CD years/NNS"), None);
        assert_eq!(
            head("killed/VBD 40/CD farmers/NNS and/CC fishermen/NNS ./."),
            Some("farmers and fishermen".into())
        );
        assert_eq!(head("40/CD farmers/NNS and/CC the/DT fishermen/NNS"), None);
        assert_eq!(head("40/CD farmers/NNS and/CC fishing/NN boats/NNS"), None);
        assert_eq!(head("7/CD months/NNS and/CC indicates/NNS that/IN"), None);
        assert_eq!(
            head("a/DT sixty/CD year/NN old/JJ public/JJ affairs/NNS show/NN"),
            None
        );
        assert_eq!(head("3/CD European/JJ nations/NNS"), Some("nations".into()));
    }

    #[test]
    fn words_of_addition_and_capitalised_plurals_leave_the_head_counted() {
        assert_eq!(head("nine/CD other/JJ Iraqis/NNPS"), Some("Iraqis".into()));
        assert_eq!(
            head("sent/VBD 400/CD more/JJR troops/NNS"),
            Some("troops".into())
        );
        assert_eq!(
            head("freed/VBD five/CD more/JJR hostages/NNS"),
            Some("hostages".into())
        );
        assert_eq!(
            head("hired/VBD 30/CD additional/JJ staff/NNS"),
            Some("staff".into())
        );
        assert_eq!(
            head("killed/VBD 14/CD Germans/NNPS"),
            Some("Germans".into())
        );
        assert_eq!(head("elected/VBD 19/CD MEPs/NNPS"), Some("MEPs".into()));
        // A singular name after the number counts nothing; "more" alone names no unit.
        assert_eq!(head("in/IN 2005/CD Toyota/NNP said/VBD"), None);
        assert_eq!(head("sold/VBD 40/CD more/JJR ./."), None);
        // The end of a longer name, a name before a noun, a time: no group counted.
        assert_eq!(
            head("killed/VBD four/CD United/NNP Nations/NNPS peacekeepers/NNS"),
            Some("peacekeepers".into())
        );
        assert_eq!(head("four/CD United/NNP Nations/NNPS ./."), None);
        assert_eq!(head("a/DT million/CD Swiss/NNPS Francs/NNPS"), None);
        assert_eq!(head("on/IN 60/CD Minutes/NNPS ./."), None);
    }

    #[test]
    fn a_comparative_after_an_amount_is_a_difference() {
        let t = toks(
            "was/VBD 4/CD %/NN higher/JJR than/IN the/DT close/NN of/IN trading/NN ,/, while/IN",
        );
        assert_eq!(comparison_end(&t, 3), Some(9));
        let t = toks("fell/VBD 3/CD metres/NNS lower/JJR ./.");
        assert_eq!(comparison_end(&t, 3), Some(4));
        let t = toks("sent/VBD 30/CD more/JJR troops/NNS");
        assert_eq!(comparison_end(&t, 2), None);
        let t = toks("30/CD more/JJR than/IN last/JJ year/NN");
        assert_eq!(comparison_end(&t, 1), Some(5));
        let t = toks("2/CD %/NN above/IN the/DT national/JJ average/NN in/IN May/NNP");
        assert_eq!(comparison_end(&t, 2), Some(6));
        let t = toks("81/CD percent/NN more/JJR than/IN in/IN 2001/CD ./.");
        assert_eq!(comparison_end(&t, 2), Some(6));
    }

    #[test]
    fn more_with_an_adjective_makes_a_difference_but_not_before_a_noun() {
        let t = toks("costs/VBZ $/$ 12/CD more/JJR expensive/JJ ,/, at/IN");
        assert_eq!(comparison_end(&t, 3), Some(5));
        let t = toks("is/VBZ 3/CD km/NNS less/RBR steep/JJ than/IN the/DT old/JJ road/NN ./.");
        assert_eq!(comparison_end(&t, 3), Some(9));
        let t = toks("sent/VBD 30/CD more/JJR British/JJ troops/NNS");
        assert_eq!(comparison_end(&t, 2), None);
        let t = toks("hired/VBD 30/CD more/JJR new/JJ staff/NN");
        assert_eq!(comparison_end(&t, 2), None);
    }
}
