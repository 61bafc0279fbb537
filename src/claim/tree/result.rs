//! What a verb makes of its direct object, said right after it: a noun predicated of the object
//! by a verb of naming or making ("called the vote | a landmark decision", "made the firm | the
//! largest lender") and a phrase of where the object goes or what it is charged with ("pulled
//! the troops | out of the city", "plunged the country | into war", "accused the firm | of
//! fraud"). Without it the object misstates the sentence ("called | the vote", "pull |
//! troops"), so the phrase joins the object when it is short and closed, or the clause gives no
//! claim from its arguments (`whole::extend_object` decides with [`after_object`]).

use super::whole::{closing_quote, is_quote, span, After, MAX_ADDED, MAX_DESCRIPTION};
use super::{phrase, Tree};
use crate::claim::open::Tok;

/// Verbs (lemmas) whose object a noun phrase right after it names or classes ("called the plan
/// a mistake", "elected her chair", "made the city the capital").
const NAMING_VERBS: &[&str] = &[
    "call",
    "name",
    "dub",
    "term",
    "brand",
    "label",
    "declare",
    "deem",
    "consider",
    "make",
    "elect",
    "appoint",
    "crown",
    "proclaim",
    "pronounce",
    "nickname",
    "christen",
    "rename",
];

/// Verbs (lemmas) whose object an "of" phrase right after it says what of ("accused the firm
/// of fraud", "cleared him of the charges", "warned the town of floods").
const OF_VERBS: &[&str] = &[
    "accuse", "suspect", "convict", "acquit", "clear", "warn", "rob", "strip", "deprive",
    "absolve", "relieve", "cure", "inform", "notify", "remind", "assure", "convince",
];

/// Nouns of motive after "out of", which says why, not where ("out of fear").
const MOTIVE_NOUNS: &[&str] = &[
    "desire",
    "fear",
    "respect",
    "concern",
    "necessity",
    "frustration",
    "curiosity",
    "anger",
    "spite",
    "sympathy",
    "solidarity",
    "courtesy",
    "habit",
    "ignorance",
    "love",
    "pity",
    "loyalty",
    "duty",
    "caution",
    "deference",
    "kindness",
    "jealousy",
    "revenge",
    "despair",
];

/// What follows the direct object `..end` of the verb `lemma` that the object needs: a noun
/// predicated of it or a phrase of where it goes; [`After::Nothing`] when neither follows.
pub(super) fn after_object(tree: &Tree, lemma: &str, end: usize) -> After {
    match moved(tree, lemma, end) {
        After::Nothing if NAMING_VERBS.contains(&lemma) => predicated(tree, end),
        got => got,
    }
}

/// "issued a statement saying the plan ...": an object the grammar ended on a participle of
/// its noun whose own words run on past it was cut inside the participle's clause; it ends
/// before the participle ("a statement"), which `whole::noun_complement` then joins back only
/// when the whole clause is short ("signs reading \"For Sale\"").
pub(super) fn trailing_participle(tree: &Tree, start: usize, end: usize) -> After {
    let toks = tree.toks;
    if end < start + 2 || toks.get(end - 1).is_none_or(|t| t.tag != "VBG") {
        return After::Nothing;
    }
    let last = end - 1;
    let owned = tree.head(last).is_some_and(|h| h >= start && h < last);
    if owned && span(tree, last).1 > end {
        After::Whole(last)
    } else {
        After::Nothing
    }
}

/// "looked under the wing where the missiles were kept": a bare definite common noun ("the
/// site", "the same area"), which only its restrictive relative clause (opened by a relative
/// word) says which one is; cut from a relative too long to join, it names nothing.
pub(super) fn needs_its_relative(
    toks: &[Tok],
    prep: Option<usize>,
    start: usize,
    end: usize,
) -> bool {
    // "during the melee that followed": a time of the event, which needs no more.
    let temporal = prep.is_some_and(|p| {
        matches!(
            toks[p].lower.as_str(),
            "during" | "after" | "before" | "since" | "until" | "throughout"
        )
    });
    if temporal {
        return false;
    }
    let Some(words) = toks.get(start..end).filter(|w| (2..=3).contains(&w.len())) else {
        return false;
    };
    let last = &words[words.len() - 1];
    // A relative word opens the clause ("the car they rode in" may be the verb's; "that" may
    // open what a noun of saying says: "the view that ...").
    let relative = toks.get(end).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "where" | "whose" | "which" | "who" | "whom"
        )
    });
    let site = relative
        && words[0].lower == "the"
        && matches!(last.tag, "NN" | "NNS")
        && words.iter().all(|t| t.mention.is_none())
        && words[1..words.len() - 1].iter().all(|t| t.lower == "same");
    site || measure_needs_its_relative(toks, prep, start, end)
}

/// "approved measures | that would strip ...": a bare measure's relative clause that the
/// parse hangs elsewhere or that runs too long to join; the clause gives no claim.
pub(super) fn bare_measure(toks: &[Tok], start: usize, end: usize) -> After {
    let verb_next = toks
        .get(end + 1)
        .is_some_and(|t| matches!(t.tag, "MD" | "VBZ" | "VBD" | "VBP" | "RB"));
    if verb_next && measure_needs_its_relative(toks, None, start, end) {
        After::Cut
    } else {
        After::Nothing
    }
}

/// Nouns of rules and measures, which say nothing of what they do without the relative clause
/// that says it ("passed a bill that would raise the minimum wage ...").
const MEASURE_NOUNS: &[&str] = &[
    "amendment",
    "bill",
    "decree",
    "law",
    "legislation",
    "measure",
    "ordinance",
    "provision",
    "regulation",
    "resolution",
    "rule",
];

/// "approved measures | that strip the island of ... and force ...": a direct object of at
/// most three words with no determiner ("a bill that ..." names an event already), headed by a
/// noun of [`MEASURE_NOUNS`], before a relative clause opened by "that" or "which" with no
/// comma, which says what the measure does.
fn measure_needs_its_relative(toks: &[Tok], prep: Option<usize>, start: usize, end: usize) -> bool {
    let Some(words) = toks.get(start..end).filter(|w| (1..=3).contains(&w.len())) else {
        return false;
    };
    let last = &words[words.len() - 1];
    let opens = toks
        .get(end)
        .is_some_and(|t| matches!(t.lower.as_str(), "that" | "which"));
    prep.is_none()
        && opens
        && matches!(last.tag, "NN" | "NNS")
        && MEASURE_NOUNS.contains(&last.lemma.as_str())
        && words
            .iter()
            .all(|t| t.mention.is_none() && !matches!(t.tag, "DT" | "PRP$" | "POS"))
}

/// Whether `t` can open a noun phrase.
fn opens_noun_phrase(t: &Tok) -> bool {
    matches!(
        t.tag,
        "DT" | "PRP$" | "PRP" | "JJ" | "JJS" | "JJR" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "PDT"
    )
}

/// "pulled troops out of the city", "plunged the country into war", "took the name off the
/// list", "accused the firm of fraud": the phrase at `end` and its noun, up to a comma or a
/// clause of its own.
fn moved(tree: &Tree, lemma: &str, end: usize) -> After {
    let toks = tree.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let p = match word(end) {
        "out" if word(end + 1) == "of" => end + 1,
        "into" | "onto" | "off" => end,
        "of" if OF_VERBS.contains(&lemma) => end,
        _ => return After::Nothing,
    };
    // "attacked the convoy out of revenge": a motive, not where the object goes.
    let motive =
        (p + 1..(p + 3).min(toks.len())).any(|k| MOTIVE_NOUNS.contains(&toks[k].lower.as_str()));
    if word(end) == "out" && motive {
        return After::Nothing;
    }
    // "of" and "out of" may take a gerund ("of ignoring the requests").
    let gerund = toks.get(p + 1).is_some_and(|t| t.tag == "VBG") && word(p) == "of";
    if !toks
        .get(p + 1)
        .is_some_and(|t| opens_noun_phrase(t) || is_quote(t))
        && !gerund
    {
        return After::Nothing;
    }
    let Some(h) = tree.head(p).filter(|&h| h > p) else {
        return After::Cut;
    };
    let (s, e) = span(tree, h);
    if s < end || s > p + 1 {
        return After::Cut;
    }
    let got = match bounded(toks, p, p + 1, e) {
        Some(e) => closed(toks, p, e, MAX_ADDED),
        None => After::Cut,
    };
    // "accused the firm | of ...": the accusation stands without what it was of.
    if got == After::Cut && word(p) == "of" && word(end) == "of" {
        return After::Nothing;
    }
    got
}

/// "called the vote a \"landmark decision\"", "made the city the capital of the region": the
/// noun phrase at `end` predicated of the object (not a time: "signed the deal the next day").
fn predicated(tree: &Tree, end: usize) -> After {
    let toks = tree.toks;
    let first = if toks.get(end).is_some_and(is_quote) {
        end + 1
    } else {
        end
    };
    if !toks.get(first).is_some_and(|t| {
        opens_noun_phrase(t) && t.tag != "PRP" && !matches!(t.lower.as_str(), "that" | "this")
    }) {
        return After::Nothing;
    }
    // The phrase's head: the highest word above `first` whose phrase still opens at `end`.
    let mut h = first;
    while let Some(up) = tree.head(h).filter(|&u| u > h && span(tree, u).0 >= end) {
        h = up;
    }
    let time = |k: usize| {
        phrase::is_time(tree, k) || crate::lexicon::TIME_NOUNS.contains(&toks[k].lemma.as_str())
    };
    if !toks[h].tag.starts_with("NN") || time(h) {
        return After::Nothing;
    }
    let (s, e) = span(tree, h);
    if s < end {
        return After::Nothing;
    }
    // A quotation is the phrase, whatever the parse hangs on its last word.
    let e = if first > end {
        quotation_end(toks, end)
    } else {
        bounded(toks, end, first, e)
    };
    match e {
        Some(e) => closed(toks, end, e, MAX_DESCRIPTION),
        None => After::Cut,
    }
}

/// `e`, or the first comma, relative word or subordinator ("when") in `from..e`, past the closing quotation mark of
/// a quotation that `at..` opens; `None` at a finite verb first, a clause of the phrase's own
/// cut ("a visit the sisters | made").
fn bounded(toks: &[Tok], at: usize, from: usize, e: usize) -> Option<usize> {
    let stop = (from..e).find(|&k| {
        matches!(
            toks[k].tag,
            "WDT" | "WP" | "WP$" | "WRB" | "VBD" | "VBZ" | "VBP" | "MD"
        ) || matches!(toks[k].text.as_str(), "," | ";" | ":" | "(")
            || (k > from
                && ((crate::lexicon::is_subordinator(&toks[k].lower)
                    && !crate::lexicon::ALSO_PREPOSITIONS.contains(&toks[k].lower.as_str()))
                    || matches!(toks[k].lower.as_str(), "when" | "until")))
    });
    if stop.is_some_and(|k| matches!(toks[k].tag, "VBD" | "VBZ" | "VBP" | "MD")) {
        return None;
    }
    Some(closing_quote(toks, at, stop.unwrap_or(e)))
}

/// The end of the quotation opened at `at`: past its closing quotation mark.
fn quotation_end(toks: &[Tok], at: usize) -> Option<usize> {
    (at + 1..toks.len())
        .find(|&k| is_quote(&toks[k]))
        .map(|k| k + 1)
}

/// The phrase `at..e` joined when it holds more than its first word, at most `max` words,
/// stays in its clause (quotations and brackets closed, no dash, a comma or stop only inside
/// the closing quotation mark) and ends on a word that can end a phrase; else the object
/// cannot be kept whole.
fn closed(toks: &[Tok], at: usize, e: usize, max: usize) -> After {
    if e <= at + 1 || e - at > max {
        return After::Cut;
    }
    let last = if is_quote(&toks[e - 1]) { e - 1 } else { e };
    let quoted = last < e;
    let last = if quoted && last > at && matches!(toks[last - 1].text.as_str(), "," | "." | "!") {
        last - 1
    } else {
        last
    };
    let words = &toks[at..last];
    let quotes = toks[at..e].iter().filter(|t| is_quote(t)).count();
    let opened = words.iter().filter(|t| t.text == "(").count();
    let shut = words.iter().filter(|t| t.text == ")").count();
    let breaks = words.iter().any(|t| {
        matches!(
            t.text.as_str(),
            "," | ";" | ":" | "--" | "\u{2013}" | "\u{2014}"
        )
    });
    let dangling = words
        .last()
        .is_none_or(|t| matches!(t.tag, "IN" | "TO" | "DT" | "CC" | "PRP$" | "POS"));
    if quotes % 2 == 0 && opened == shut && !breaks && !dangling {
        After::Whole(e)
    } else {
        After::Cut
    }
}

#[cfg(test)]
mod tests {
    use super::super::completed::{check, never, read};
    use crate::claim::open::test_tokens;

    #[test]
    fn where_the_object_goes_joins_it() {
        check(
            "The general wants to pull the soldiers out of the valley .",
            "The general | pull | the soldiers out of the valley",
        );
        check(
            "The police drove the protesters into the square .",
            "The police | drove | the protesters into the square",
        );
        check(
            "The committee took the old rule off the books .",
            "The committee | took | the old rule off the books",
        );
    }

    #[test]
    fn what_the_object_is_accused_of_joins_it_when_short() {
        check(
            "The union accused the company of breaking the wage agreement .",
            "The union | accused | the company of breaking the wage agreement",
        );
        // Too long to join: the accusation stands without what it was of.
        let got = read(
            "The union accused the company of breaking the old wage agreement with the regional \
             labour board in the northern part of the province .",
        );
        assert!(
            got.iter()
                .any(|g| g.starts_with("The union | accused | the company")),
            "{got:#?}"
        );
    }

    #[test]
    fn a_noun_said_of_the_object_joins_it() {
        check(
            "The senator called the new tax a disaster for farmers .",
            "The senator | called | the new tax a disaster for farmers",
        );
        check(
            "The minister called the strike a \" reckless gamble \" .",
            "The minister | called | the strike a \" reckless gamble \"",
        );
        check(
            "The merger will make the bank the largest lender in the region .",
            "The merger | make | the bank the largest lender in the region",
        );
    }

    #[test]
    fn a_time_after_the_object_is_no_name_for_it() {
        check(
            "The council made the decision the next day .",
            "The council | made | the decision",
        );
    }

    #[test]
    fn a_particle_before_another_preposition_stays_out() {
        never(
            "The officials siphoned the money off from the sales of fuel .",
            "off from the sales of fuel",
        );
    }

    #[test]
    fn an_object_ends_before_a_participle_whose_clause_runs_on() {
        check(
            "The ministry issued a statement saying the new port would open in the spring of \
             next year after a long delay .",
            "The ministry | issued | a statement",
        );
    }

    #[test]
    fn a_bare_definite_needs_its_relative_clause_but_not_a_time() {
        let (_, toks) = test_tokens("They searched the house where the men hid .");
        assert!(super::needs_its_relative(&toks, None, 2, 4));
        let (_, toks) = test_tokens("They searched the first house where the men hid .");
        assert!(!super::needs_its_relative(&toks, None, 2, 5));
        let (_, toks) = test_tokens("They met during the talks that followed .");
        assert!(!super::needs_its_relative(&toks, Some(2), 3, 5));
    }

    #[test]
    fn a_measure_needs_its_relative_clause() {
        let (_, toks) = test_tokens("The council passed new rules that raise the fee .");
        assert!(super::needs_its_relative(&toks, None, 3, 5));
        let (_, toks) = test_tokens("The council passed new rules , which raise the fee .");
        assert!(!super::needs_its_relative(&toks, None, 3, 5));
        let (_, toks) = test_tokens("The council passed a bill that raises the fee .");
        assert!(!super::needs_its_relative(&toks, None, 3, 5));
        let (_, toks) = test_tokens("The council passed new budgets that raise the fee .");
        assert!(!super::needs_its_relative(&toks, None, 3, 5));
        never(
            "Lawmakers approved measures that would strip the port of its licence and force the \
             owners to sell the land to the city within two years .",
            "approved | measures",
        );
    }
}
