//! Bare definite descriptions of organisations, countries and places ("the company said", "the
//! party voted", "died in the country", "the city expects"): the one entity of that kind the
//! article names just before, or nothing.
//!
//! Whether an organisation is of a description's kind is read from its name only: "the
//! party" is an organisation whose name holds "Party", "the ministry" one whose name holds
//! "Ministry", and so on; "the company", "the firm" (and the other nouns for businesses) is a
//! listed company, one the tagger found by its description as a company, or one whose name
//! holds no word of a public body ("Ministry", "Council", "Party" ...). An organisation typed
//! only by an unknown acronym could be anything: it fits no description and blocks every one.
//! "The country" and "the nation" are a place of the shipped list of countries
//! (`gazetteer::nations`).
//!
//! The rule, in order:
//! 1. When the description's own sentence names no fitting entity before it, the previous
//!    sentence's first subject that is no person (and did not "report": a news outlet) decides:
//!    linked to a fitting entity, that
//!    entity is the referent ("Acme cut jobs. Vexmoor also ... The company said" is about
//!    Vexmoor when Vexmoor was the subject); a name in no list ("Polaroid said ...", which the
//!    tagger missed) may be what is meant, so nothing is.
//! 2. Else the one fitting entity named in the description's sentence (before it) and the
//!    [`WINDOW`] sentences before; when none is named there, the one fitting entity named
//!    anywhere earlier. The latest subject of the [`WINDOW`] sentences before that names an
//!    entity of the kind decides against it: linked to another, or a name in no list after
//!    the kind's noun ("the auction company Vexmoor agreed to buy Tarn. ... The company
//!    hopes" is not about Tarn), it leaves the description unresolved.
//! 3. "The country": the one country the article has named before it; when it has named
//!    several, the latest subject of the sentences before that is a country's name, if no
//!    other country is named since (a speaker's own country is as likely as the article's, so
//!    never across two). "The government" is read by this rule alone ([`GOVERNMENT`]), and
//!    not at all after a first-level region is named.
//!
//! An institution ("the orchestra", "the mosque", "the church" ...) is an organisation or
//! place whose name holds the head or a synonym ("Philharmonic", "Masjid"), by rules 1 and 2;
//! one left unresolved stays in the graph, as "the hospital" is as often one the article never
//! names.
//!
//! A place of one kind ("the city", "the state", "the province", "the capital":
//! [`PLACE_NOUNS`]) is the one place of that kind by rules 1 and 2, read from its gazetteer id
//! (and for "the capital", from the article calling it one); one left unresolved stays in the
//! graph. "The London-based company" is read as "the company" ([`based_description_noun`]).
//!
//! Two candidates, or any blocking one, leave the description unresolved, and a subject then
//! keeps the claim out of the graph (`unresolved-description`). For "the party", an
//! organisation named by a plural ("the Harbour Democrats", "the Greens") blocks too: parties
//! are often named so, without "Party". An apposition's name ("another company, Transocean,")
//! is read before this rule and wins over it (`extract.rs`, `appositive_name`).

use super::SentenceCtx;
use crate::claim::{Argument, EntityKindWire, EntityRef};
use crate::gazetteer::given::given_name_gender;
// Nouns for businesses, fit by `is_business`, other organisations and countries: the graph
// keeps the lists of descriptions, which the heads here extend.
use crate::claim::graphable::{BUSINESS_NOUNS as BUSINESS, COUNTRY_NOUNS, ORGANISATION_NOUNS};
use crate::gazetteer::nations;
use crate::gazetteer::EntityKind;
use crate::tagger::{Mention, Rule};

/// How many sentences before the description's own a referent is looked for first.
pub(super) const WINDOW: usize = 3;

/// Words in the names of public bodies, parties and other non-businesses.
const PUBLIC_WORDS: &[&str] = &[
    "party",
    "ministry",
    "department",
    "government",
    "council",
    "committee",
    "commission",
    "court",
    "university",
    "college",
    "school",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "agency",
    "union",
    "association",
    "federation",
    "league",
    "organisation",
    "organization",
    "nations",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "institute",
    "foundation",
    "church",
    "administration",
    "office",
    "bureau",
    "board",
    "authority",
    "service",
    "movement",
    "front",
    "alliance",
    "coalition",
    "society",
    "house",
    "bank",
];

/// The last words of company names ("Harbour Co", "Vexmoor Holdings").
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "ag",
    "sa",
    "gmbh",
    "nv",
    "holdings",
    "group",
    "airlines",
    "airways",
    "motors",
];

fn name_words(m: &Mention) -> Vec<String> {
    m.name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether an organisation is a business by its name or how it was found.
fn is_business(m: &Mention) -> bool {
    let words = name_words(m);
    let suffix = words
        .last()
        .is_some_and(|w| COMPANY_SUFFIXES.contains(&w.as_str()));
    m.entity.starts_with("ticker:")
        || m.rule == Rule::CompanyContext
        || suffix
        || !words.iter().any(|w| PUBLIC_WORDS.contains(&w.as_str()))
}

/// Whether the organisation could be anything: typed only by an unknown acronym, or with
/// the shape of a person's name (a given name and one more word: "Jim Press" read as an
/// organisation for its last word).
fn is_blocking(m: &Mention) -> bool {
    let listed = m.entity.starts_with("ticker:") || m.rule == Rule::CompanyContext;
    let short_caps = m.name.len() <= 5 && m.name.chars().all(|c| c.is_ascii_uppercase());
    let words: Vec<&str> = m.name.split_whitespace().collect();
    let person_shape = words.len() == 2 && given_name_gender(words[0]).is_some();
    m.rule == Rule::Acronym || (!listed && (short_caps || person_shape))
}

/// Whether an organisation named by a plural of a party's kind ("the Harbour Democrats", "the
/// Greens", "the Liberals") blocks "the party": parties are often named so, and their names do
/// not say "Party".
fn blocks_party(noun: &str, m: &Mention) -> bool {
    noun == "party" && party_plural(m) && !fits(noun, m)
}

/// Whether an organisation's name ends in a plural of a party's kind ("the Harbour
/// Democrats", "the Greens", "the Liberals").
fn party_plural(m: &Mention) -> bool {
    party_plural_of(m, &["crats", "cans", "ists", "als", "ives", "ens"])
}

/// Whether an organisation's name ends in a plural that only a party's name takes ("the
/// Liberal Democrats", "the Republicans", "the Socialists"), not a company's ("Siemens").
fn party_name_plural(m: &Mention) -> bool {
    party_plural_of(m, &["crats", "cans", "ists", "als"])
}

fn party_plural_of(m: &Mention, ends: &[&str]) -> bool {
    let last = m.name.split_whitespace().last().unwrap_or("");
    ends.iter()
        .any(|end| last.len() > end.len() + 1 && last.ends_with(end))
        && last.chars().next().is_some_and(char::is_uppercase)
}

/// Whether organisation `m` fits the description noun `noun`.
fn fits(noun: &str, m: &Mention) -> bool {
    if BUSINESS.contains(&noun) {
        return is_business(m);
    }
    let words = name_words(m);
    match noun {
        "group" => words.iter().any(|w| w == "group"),
        "organisation" | "organization" => words
            .iter()
            .any(|w| w == "organisation" || w == "organization"),
        _ => words.iter().any(|w| w == noun),
    }
}

/// Heads of descriptions of an institution of one kind ("the orchestra", "the mosque"), with
/// the words whose presence in an organisation's or place's name makes it one of that kind
/// ("the orchestra" is the "Harbour Philharmonic", "the mosque" the "Vellmar Masjid").
const INSTITUTION_HEADS: &[(&str, &[&str])] = &[
    (
        "orchestra",
        &[
            "orchestra",
            "philharmonic",
            "philharmonia",
            "symphony",
            "sinfonia",
        ],
    ),
    ("mosque", &["mosque", "masjid"]),
    ("church", &["church", "cathedral", "chapel", "basilica"]),
    ("cathedral", &["cathedral"]),
    ("temple", &["temple"]),
    ("hospital", &["hospital", "infirmary"]),
    ("museum", &["museum"]),
    ("building", &["building", "tower"]),
    ("stadium", &["stadium", "arena"]),
    ("airport", &["airport"]),
    ("project", &["project"]),
    ("exchange", &["exchange", "bourse"]),
    ("bourse", &["exchange", "bourse"]),
    ("island", &["island", "islands"]),
];

/// The head of a bare definite or demonstrative description of an institution of one kind
/// ("the orchestra", "this mosque": [`INSTITUTION_HEADS`]). Unlike the graph's description nouns, one left
/// unresolved keeps its claim in the graph: "the hospital" is as often one the article
/// never names.
pub(crate) fn institution_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    match ws.as_slice() {
        [the, noun] if matches!(the.as_str(), "the" | "this" | "that") => INSTITUTION_HEADS
            .iter()
            .map(|(n, _)| *n)
            .find(|n| n == noun),
        _ => None,
    }
}

/// Heads of bare definite descriptions of a place of one kind ("the city", "the state"): a
/// city is a place the gazetteer lists as a populated place (a GeoNames id), a state or
/// province a first-level region (an ISO 3166-2 id), "the territory" a first-level region of
/// any country (a named area that is no country, "the Middle East", blocks it), "the capital"
/// a city the article itself calls a capital ([`called_capital`]). "The region" is none: it
/// is as often the wider area around the country or region named ("stability in the region"). Unlike the graph's description nouns, one left
/// unresolved keeps its claim in the graph: "the city" is as often the article's own setting.
pub(crate) const PLACE_NOUNS: &[&str] = &["city", "capital", "state", "province", "territory"];

/// The head of a bare definite description of a place of one kind ([`PLACE_NOUNS`]).
pub(crate) fn place_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    match ws.as_slice() {
        [the, noun] if the == "the" => PLACE_NOUNS.iter().copied().find(|n| n == noun),
        _ => None,
    }
}

/// "The government" stands for a country's, as "the country" does: the one country the
/// article has named before it ([`SentenceCtx::description_referent`], rule 3), as "the
/// Kelsovian government" is Kelsovia. A first-level region named anywhere before it ("the
/// provincial election in Vellmark ... the government") leaves it unresolved: a province's or
/// state's government may be meant. One left unresolved keeps its claim in the graph.
pub(crate) const GOVERNMENT: &str = "government";

/// The noun of "the government" ([`GOVERNMENT`]).
pub(crate) fn government_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    matches!(ws.as_slice(), [the, noun] if the == "the" && noun == GOVERNMENT).then_some(GOVERNMENT)
}

/// Words that, before "giant", relate it to another than the one named ("the new giant", "the
/// rival giant"), or say it is a person or a thing ("the gentle giant").
const NOT_TRADES: &[&str] = &[
    "new", "other", "rival", "parent", "former", "merged", "combined", "gentle", "sleeping",
    "same", "real", "true", "big", "little", "green", "red", "blue",
];

/// The noun a business described by its trade and size stands for ("the woodchipping giant",
/// "The oil giant"): "the", one lower-case word of its trade and "giant" read as "the
/// company" (a business, by the same rule); "the giant" alone may be anything.
pub(crate) fn giant_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let [the, trade, giant] = ws.as_slice() else {
        return None;
    };
    let lower = trade.len() > 2
        && trade.chars().all(|c| c.is_lowercase() || c == '-')
        && !NOT_TRADES.contains(trade);
    (the.eq_ignore_ascii_case("the") && lower && *giant == "giant").then_some("company")
}

/// The noun of a description of a business by where it is based ("the London-based company",
/// "The Dublin-based airline"): a capitalised place before "-based" and a noun for a business
/// or a group or bank. Such a description names one the article names elsewhere, so it is
/// resolved like "the company", and left unresolved it keeps a subject out of the graph.
pub fn based_description_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let [the, based, noun] = ws.as_slice() else {
        return None;
    };
    let place = based.strip_suffix("-based")?;
    let named = place.starts_with(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.');
    if !the.eq_ignore_ascii_case("the") || !named {
        return None;
    }
    let noun = noun.to_lowercase();
    BUSINESS
        .iter()
        .chain(["group", "bank"].iter())
        .copied()
        .find(|n| *n == noun)
}

/// Lower-case words of a business's ownership or fares that may stand between "the" and a
/// noun for a business, a group or a bank without making it another one than the article
/// named ("the state-owned bank", "the low-cost carrier"). A trade ("the phone company") is
/// none: whether the one named is in it, a name does not say; nor are words that relate it
/// to another ("parent", "rival", "new", "other").
const TRADE_WORDS: &[&str] = &[
    "low-cost",
    "budget",
    "state-owned",
    "state-run",
    "government-owned",
    "family-owned",
    "privately-held",
    "privately-owned",
    "publicly-listed",
    "listed",
];

/// The noun of a description of an organisation with modifiers that only say more of the one
/// the article named: for a business, a group or a bank, its ownership or fares
/// ([`TRADE_WORDS`]) or a base ("the Oslo-based state-run carrier"). "This company" and "that
/// bank" with no modifier are read here too. At most three modifiers; anything else (a trade,
/// a demonym: "the Kelsovian company" may be another than the one named; "new", "rival",
/// "parent") is no such description.
pub(crate) fn modified_organisation_noun(text: &str) -> Option<&'static str> {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let (first, rest) = ws.split_first()?;
    let (noun, modifiers) = rest.split_last()?;
    let first = first.to_lowercase();
    let demonstrative = matches!(first.as_str(), "this" | "that");
    if !(first == "the" || demonstrative) || modifiers.len() > 3 {
        return None;
    }
    if first == "the" && modifiers.is_empty() {
        return None;
    }
    let noun = noun.to_lowercase();
    let business = BUSINESS.contains(&noun.as_str()) || matches!(noun.as_str(), "group" | "bank");
    let fits_modifier = |m: &&str| {
        let lower = m.to_lowercase();
        let base = lower
            .strip_suffix("-based")
            .is_some_and(|p| m.starts_with(char::is_uppercase) && !p.is_empty());
        business && (base || TRADE_WORDS.contains(&lower.as_str()))
    };
    if !modifiers.iter().all(fits_modifier) {
        return None;
    }
    BUSINESS
        .iter()
        .chain(ORGANISATION_NOUNS)
        .copied()
        .find(|n| *n == noun)
}

/// The US states' and other federations' ISO 3166-2 country codes, whose first-level regions
/// "the state" may stand for; other countries' first-level regions are "the province".
const STATE_COUNTRIES: &[&str] = &[
    "us", "au", "in", "de", "br", "mx", "ng", "my", "ve", "at", "ss", "sd", "mm",
];

/// Whether place mention `m` is of the place noun `noun`'s kind ([`PLACE_NOUNS`]; "the
/// capital" is checked by the caller, which sees the text), and whether it blocks it: a
/// place of an unknown kind (a WordNet or index id) may be a city or a region.
fn place_candidate(noun: &str, m: &Mention) -> Candidate {
    if m.kind != EntityKind::Place {
        return Candidate::Other;
    }
    let id = m.entity.as_str();
    let region = id
        .strip_prefix("iso3166-2:")
        .and_then(|code| code.split('-').next());
    let fits = match noun {
        "city" | "capital" => id.starts_with("geonames:"),
        "state" => region.is_some_and(|c| STATE_COUNTRIES.contains(&c)),
        "province" => region.is_some_and(|c| !STATE_COUNTRIES.contains(&c)),
        "territory" => region.is_some(),
        _ => false,
    };
    // "The territory" may be a wider one than any first-level region: a named area that is
    // no country ("the Middle East", "Latin America") may be what is meant.
    let area = noun == "territory" && id.starts_with("place:") && !nations::is_country(id);
    let unknown = id.starts_with("wordnet:") || id.starts_with("index:") || area;
    if fits {
        Candidate::Fits
    } else if unknown {
        Candidate::Blocks
    } else {
        Candidate::Other
    }
}

/// Whether the article calls the place mention `m` a capital right beside it: "the capital,
/// Vellmar", "the Kelsovian capital Vellmar", "Vellmar, the capital", "Vellmar, the Kelsovian
/// capital of ..." (no more than four words and no sentence end between).
fn called_capital(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let after = text.get(m.span.end..).unwrap_or("");
    let near =
        |gap: &str| !gap.contains(['.', ';', '(', ')']) && gap.split_whitespace().count() <= 4;
    // Before the name only a comma, "city" or "of" ("the capital city of Vellmar").
    let left = before.rfind("capital").is_some_and(|i| {
        let gap = before.get(i + "capital".len()..).unwrap_or("");
        gap.starts_with([' ', ','])
            && gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .all(|w| matches!(w, "" | "city" | "of" | "the"))
    });
    let right = after
        .find("capital")
        .is_some_and(|i| near(&after[..i]) && after[..i].trim_start().starts_with(','));
    left || right
}

/// Heads of organisations that are no business: an organisation the article calls so right
/// before its name ("the nationalist party Plaid Cymru", "the union Unite") is no
/// "company", "firm" or "carrier".
const NOT_BUSINESS_HEADS: &[&str] = &[
    "party",
    "union",
    "ministry",
    "council",
    "court",
    "commission",
    "committee",
    "movement",
    "government",
    "charity",
    "university",
    "department",
    "militia",
    "coalition",
];

/// Whether the article calls organisation mention `m` by a head of [`NOT_BUSINESS_HEADS`]
/// right before its name ("the party Plaid Cymru").
fn called_other_than_business(text: &str, m: &Mention) -> bool {
    if m.kind != EntityKind::Organisation {
        return false;
    }
    let head = |w: Option<&str>| {
        w.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|w| NOT_BUSINESS_HEADS.contains(&w.as_str()))
    };
    let before = text.get(..m.span.start).unwrap_or("");
    let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase);
    // Only the one word before the name, read from its end of the text (no scan); a word
    // after it is a compound's head ("the Airbus union" is no name of Airbus).
    let word_before = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(char::is_whitespace).next())
        .filter(lower);
    head(word_before)
}

/// Whether mention `m` is of the description noun `noun`'s kind, and whether it blocks it.
fn candidate(noun: &str, m: &Mention) -> Candidate {
    if PLACE_NOUNS.contains(&noun) {
        return place_candidate(noun, m);
    }
    if let Some((_, words)) = INSTITUTION_HEADS.iter().find(|(n, _)| *n == noun) {
        let named = name_words(m).iter().any(|w| words.contains(&w.as_str()));
        return match m.kind {
            EntityKind::Organisation | EntityKind::Place if named => Candidate::Fits,
            EntityKind::Organisation if is_blocking(m) => Candidate::Blocks,
            _ => Candidate::Other,
        };
    }
    if COUNTRY_NOUNS.contains(&noun) || noun == GOVERNMENT {
        let country = m.kind == EntityKind::Place && nations::is_country(&m.entity);
        return if country {
            Candidate::Fits
        } else {
            Candidate::Other
        };
    }
    if m.kind != EntityKind::Organisation {
        Candidate::Other
    } else if is_blocking(m) || blocks_party(noun, m) {
        Candidate::Blocks
    } else if fits(noun, m) {
        Candidate::Fits
    } else {
        Candidate::Other
    }
}

/// Head nouns of descriptions of organisations besides [`BUSINESS`] and the graph's
/// [`ORGANISATION_NOUNS`] (which this list extends), for appositions ("the newspaper, The
/// Harbour Times,").
const ORGANISATION_HEADS: &[&str] = &[
    "newspaper",
    "network",
    "channel",
    "website",
    "club",
    "team",
    "operator",
    "producer",
    "maker",
    "lender",
    "giant",
    "chain",
    "conglomerate",
    "charity",
    "publisher",
    "developer",
    "utility",
    "exporter",
    "subsidiary",
    "studio",
    "label",
    "band",
];

/// Head nouns of descriptions of places besides [`COUNTRY_NOUNS`], for appositions ("the
/// capital, Vellmar,").
const PLACE_HEADS: &[&str] = &[
    "city",
    "town",
    "capital",
    "village",
    "province",
    "region",
    "island",
    "territory",
    "county",
    "district",
];

/// The kind of entity a description's head noun names, when it says: an organisation
/// ("company", "newspaper", "ministry" ...) or a place ("country", "city" ...).
pub(crate) fn head_kind(noun: &str) -> Option<EntityKindWire> {
    let organisation = [BUSINESS, ORGANISATION_NOUNS, ORGANISATION_HEADS];
    if organisation.iter().any(|list| list.contains(&noun)) {
        Some(EntityKindWire::Organisation)
    } else if COUNTRY_NOUNS.contains(&noun) || PLACE_HEADS.contains(&noun) {
        Some(EntityKindWire::Place)
    } else {
        None
    }
}

/// What one earlier mention is to a description.
#[derive(PartialEq)]
enum Candidate {
    Fits,
    Blocks,
    Other,
}

/// Whether an argument is a name in no list: its words are capitalised but for joining words
/// ("Harbour Trust of Vellmar"), no more than a determiner before them, and the article also
/// writes one of them capitalised right after a lower-case word ("the camera maker Polaroid"),
/// so that it is no sentence's first word alone ("Analysts said").
fn unlisted_name(text: &str, arg_text: &str) -> bool {
    const JOINING: &[&str] = &["of", "and", "for", "de", "the", "&"];
    let mut words: Vec<&str> = arg_text
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.is_empty() || !words.iter().all(|w| capitalised(w) || JOINING.contains(w)) {
        return false;
    }
    words.iter().filter(|w| capitalised(w)).any(|w| {
        text.match_indices(w).any(|(at, _)| {
            let before = text.get(..at).unwrap_or("");
            let next = text.get(at + w.len()..).and_then(|t| t.chars().next());
            before.ends_with(' ')
                && before
                    .trim_end()
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_lowercase() || c == ',')
                && !next.is_some_and(char::is_alphanumeric)
        })
    })
}

impl SentenceCtx<'_> {
    /// The entity the description noun `noun` at byte `at` stands for, if one fits
    /// unambiguously (see the module's doc).
    pub(super) fn description_referent(&self, noun: &str, at: usize) -> Option<EntityRef> {
        // "The government": rule 3 only; the previous sentence's subject ("U.S. troops
        // helped ... the government agreed") may be another country's.
        if noun == GOVERNMENT {
            let region = self.region_named_before(at);
            return if region {
                None
            } else {
                self.country_referent(at)
            };
        }
        let earlier = self
            .article_mentions
            .iter()
            .take_while(|m| m.span.start < at);
        // "the nationalist party Plaid Cymru": what the article calls a party is no company.
        let otherwise: std::collections::BTreeSet<&str> = if BUSINESS.contains(&noun) {
            self.article_mentions
                .iter()
                .filter(|m| called_other_than_business(self.text, m) || party_name_plural(m))
                .map(|m| m.entity.as_str())
                .collect()
        } else {
            std::collections::BTreeSet::new()
        };
        let candidate = |noun: &str, m: &Mention| match candidate(noun, m) {
            Candidate::Fits if noun == "capital" && !called_capital(self.text, m) => {
                Candidate::Other
            }
            Candidate::Fits if otherwise.contains(m.entity.as_str()) => Candidate::Other,
            c => c,
        };
        let sentence_start = self.sentence.span.start;
        let own = earlier
            .clone()
            .filter(|m| m.span.start >= sentence_start)
            .any(|m| candidate(noun, m) == Candidate::Fits);
        if !own {
            // The previous sentence's subject first: linked and fitting, it is the referent;
            // a name in no list there ("Polaroid said ...") may be what is meant: nothing.
            // A subject that "reported" is a news outlet telling of others, not one of them.
            let reported = |prev: &crate::claim::Argument| {
                let after = self.text.get(prev.end..).unwrap_or("").trim_start();
                ["reported", "reports", "reporting"]
                    .iter()
                    .any(|w| after.starts_with(w))
            };
            if let Some(prev) = self.prev_subject.as_ref().filter(|p| !reported(p)) {
                if let Some(id) = &prev.entity {
                    if let Some(m) = earlier.clone().filter(|m| &m.entity == id).last() {
                        if candidate(noun, m) == Candidate::Fits {
                            return Some(entity_ref(m));
                        }
                    }
                } else if prev.refers_to.is_none() && unlisted_name(self.text, &prev.text) {
                    return None;
                }
            }
        }
        if COUNTRY_NOUNS.contains(&noun) {
            return self.country_referent(at);
        }
        let near = self.sent_idx.saturating_sub(WINDOW);
        let one = |near_only: bool| -> Option<Option<&Mention>> {
            let mut found: Option<&Mention> = None;
            for m in earlier.clone().filter(|m| !near_only || m.sentence >= near) {
                match candidate(noun, m) {
                    Candidate::Blocks => return None,
                    Candidate::Other => continue,
                    Candidate::Fits => {}
                }
                match found {
                    Some(f) if f.entity != m.entity => return None,
                    _ => found = Some(m),
                }
            }
            Some(found)
        };
        let m = match one(true)? {
            Some(m) => m,
            None => one(false)??,
        };
        // The one of the kind most recently named in subject position decides against the one
        // named elsewhere: "Vexmoor, an online company, agreed to buy Tarn. ... The company
        // hopes" (Vexmoor in no list) is not about Tarn.
        let subject = self
            .recent_subjects
            .iter()
            .rev()
            .find_map(|s| self.subject_of_kind(noun, s, at));
        match subject {
            Some(Some(id)) if id != m.entity => None,
            Some(None) => None,
            _ => Some(entity_ref(m)),
        }
    }

    /// Whether an earlier subject names an entity of the description noun `noun`'s kind:
    /// `Some(Some(id))` when it is linked to one, `Some(None)` when it names one in no list
    /// ("the auction company Vexmoor" ending the subject), `None` when it names none.
    fn subject_of_kind(&self, noun: &str, s: &Argument, at: usize) -> Option<Option<String>> {
        if let Some(id) = &s.entity {
            let fits = self
                .article_mentions
                .iter()
                .take_while(|m| m.span.start < at)
                .any(|m| &m.entity == id && candidate(noun, m) == Candidate::Fits);
            return fits.then(|| Some(id.clone()));
        }
        if s.refers_to.is_some() {
            return None;
        }
        let words: Vec<&str> = s.text.split_whitespace().collect();
        let of_kind = |w: &str| {
            let w = w.to_lowercase();
            w == noun || (BUSINESS.contains(&noun) && BUSINESS.contains(&w.as_str()))
        };
        // The name heads the subject and is no title or acronym ("Company CEO"): "the auction
        // company Vexmoor", "the company eBay".
        let name = |w: &str| {
            w.chars().all(char::is_alphanumeric)
                && w.chars().any(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
        };
        let named = match words.as_slice() {
            [.., noun, last] => of_kind(noun) && name(last),
            _ => false,
        };
        named.then_some(None)
    }

    /// Whether a first-level region is named before byte `at`: "the government" may then be
    /// its own ([`GOVERNMENT`]).
    fn region_named_before(&self, at: usize) -> bool {
        self.article_mentions
            .iter()
            .take_while(|m| m.span.start < at)
            .filter(|m| m.kind == EntityKind::Place)
            .any(|m| {
                // "Ontario" read as a town of that name may be the province.
                let region = |id: &str| id.starts_with("iso3166-2:");
                region(&m.entity) || m.alternatives.iter().any(|a| region(a))
            })
    }

    /// The country "the country" (or "the nation") at byte `at` stands for, when the rule of
    /// the previous sentence's subject gave none: the one country the article has named
    /// before it; or, when it has named several, the country the latest subject of the
    /// sentences before is (its name, not a phrase naming it inside), if every country named
    /// since is that one (never across two).
    fn country_referent(&self, at: usize) -> Option<EntityRef> {
        let countries: Vec<&Mention> = self
            .article_mentions
            .iter()
            .take_while(|m| m.span.start < at)
            .filter(|m| candidate("country", m) == Candidate::Fits)
            .collect();
        let last = *countries.last()?;
        if countries.iter().all(|m| m.entity == last.entity) {
            return Some(entity_ref(last));
        }
        // A subject that is the country's name, not one that names it inside ("Returns to
        // X", "no part of X").
        let named = |s: &Argument| {
            let words = s.text.trim_start_matches("The ").trim_start_matches("the ");
            countries
                .iter()
                .any(|m| Some(m.entity.as_str()) == s.entity.as_deref() && m.text == words)
        };
        let subject = self.recent_subjects.iter().rev().find(|s| named(s))?;
        let since = countries.iter().filter(|m| m.span.start >= subject.start);
        let only = since.clone().count() > 0 && since.clone().all(|m| m.entity == last.entity);
        (only && subject.entity.as_deref() == Some(last.entity.as_str())).then(|| entity_ref(last))
    }
}

fn entity_ref(m: &Mention) -> EntityRef {
    EntityRef {
        entity: m.entity.clone(),
        name: m.name.clone(),
        kind: m.kind.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn org(name: &str, id: &str, rule: Rule) -> Mention {
        Mention {
            span: Span::new(0, name.len()),
            sentence: 0,
            text: name.to_string(),
            entity: id.to_string(),
            name: name.to_string(),
            kind: EntityKind::Organisation,
            rule,
            confidence: 1.0,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn places_of_a_kind_and_companies_by_their_base_are_read() {
        assert_eq!(place_noun("The city"), Some("city"));
        assert_eq!(place_noun("the capital"), Some("capital"));
        assert_eq!(place_noun("the old city"), None);
        assert_eq!(
            based_description_noun("The Perth-based company"),
            Some("company")
        );
        assert_eq!(
            based_description_noun("the Oslo-based airline"),
            Some("airline")
        );
        assert_eq!(based_description_noun("the Perth-based singer"), None);
        assert_eq!(based_description_noun("the web-based company"), None);
        let place = |name: &str, id: &str, at: usize| Mention {
            span: Span::new(at, at + name.len()),
            kind: EntityKind::Place,
            ..org(name, id, Rule::GazetteerName)
        };
        let city = place("Dunmore", "geonames:1", 0);
        let state = place("Kelsota", "iso3166-2:us-zz", 0);
        let province = place("Vellmark", "iso3166-2:ca-zz", 0);
        assert!(place_candidate("city", &city) == Candidate::Fits);
        assert!(place_candidate("state", &city) == Candidate::Other);
        assert!(place_candidate("state", &state) == Candidate::Fits);
        assert!(place_candidate("province", &state) == Candidate::Other);
        assert!(place_candidate("province", &province) == Candidate::Fits);
        let unknown = place("Tarn", "wordnet:tarn", 0);
        assert!(place_candidate("city", &unknown) == Candidate::Blocks);
        let text = "Talks in the capital, Dunmore, ended. Dunmore, the Vellmarian capital, \
                    and Osk met.";
        assert!(called_capital(text, &place("Dunmore", "geonames:1", 22)));
        assert!(called_capital(text, &place("Dunmore", "geonames:1", 38)));
        assert!(!called_capital(text, &place("Osk", "geonames:2", 75)));
        let capital_firm = "A venture capital firm in Dunmore grew.";
        assert!(!called_capital(
            capital_firm,
            &place("Dunmore", "geonames:1", 26)
        ));
    }

    #[test]
    fn the_government_and_a_trades_giant_are_read() {
        assert_eq!(government_noun("The government"), Some("government"));
        assert_eq!(government_noun("the federal government"), None);
        assert_eq!(giant_noun("The woodchipping giant"), Some("company"));
        assert_eq!(giant_noun("the oil-services giant"), Some("company"));
        assert_eq!(giant_noun("the giant"), None);
        assert_eq!(giant_noun("the rival giant"), None);
        assert_eq!(giant_noun("the Harbour giant"), None);
        assert_eq!(place_noun("the territory"), Some("territory"));
        assert_eq!(place_noun("the region"), None);
        assert_eq!(institution_noun("The exchange"), Some("exchange"));
    }

    #[test]
    fn names_in_no_list_are_told_from_common_subjects() {
        let text = "Shares of the camera maker Tarnwick fell. Tarnwick said sales fell. \
                    Analysts said the decision was late.";
        assert!(unlisted_name(text, "Tarnwick"));
        assert!(!unlisted_name(text, "Analysts"));
        assert!(!unlisted_name(text, "The decision"));
        assert!(!unlisted_name(text, "Shares of the camera maker Tarnwick"));
    }

    #[test]
    fn kinds_are_read_from_names() {
        let acme = org("Vexmoor", "org:vexmoor", Rule::GazetteerName);
        let party = org("Green Party", "org:green-party", Rule::OrganisationHead);
        let ministry = org("Ministry of Health", "org:moh", Rule::OrganisationHead);
        assert!(fits("company", &acme));
        assert!(!fits("company", &party));
        assert!(!fits("company", &ministry));
        assert!(fits("party", &party));
        assert!(!fits("party", &acme));
        assert!(fits("ministry", &ministry));
        assert!(fits(
            "firm",
            &org("Harbour Holdings", "org:hh", Rule::NameShape)
        ));
        assert!(is_blocking(&org("KRT", "org:krt", Rule::Acronym)));
        assert!(is_blocking(&org(
            "Margaret Press",
            "org:mp",
            Rule::OrganisationHead
        )));
        // A party named by a plural may be what "the party" means; a business may not.
        let plural = org("Harbour Democrats", "org:hd", Rule::LongerName);
        assert!(blocks_party("party", &plural));
        assert!(!blocks_party("company", &plural));
        assert!(!blocks_party("party", &party));
        assert!(!blocks_party("party", &acme));
    }
}
