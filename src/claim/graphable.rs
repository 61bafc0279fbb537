//! Which claims may enter the graph, and the context that keeps merges meaningful.
//!
//! A claim enters the graph only when both of its ends mean something on their own:
//!
//! * an **unresolved pronoun** ("they", "it", "this", "who", "someone") is a word whose meaning
//!   is elsewhere: unless extraction resolved it to an entity, the claim stays out;
//! * an **empty head** is a phrase of function words and light nouns only ("a way", "the
//!   thing", "there", "all of them"): it names nothing, so the claim stays out;
//! * an **unresolved description** of people or bodies ("the company", "the two
//!   governments", "both parties", "the couple", "the remainder", "the Flemingdon
//!   resident") says whom it means elsewhere: unless extraction resolved it, the claim stays
//!   out;
//! * an **unresolved attribution** ("they said", "we believe" with no entity for the
//!   pronoun, or a bare role noun, "reporter claimed") leaves the claim without its source,
//!   so it stays out;
//! * a claim under the confidence threshold ([`GRAPH_MIN_CONFIDENCE`](super::GRAPH_MIN_CONFIDENCE)
//!   or `--min-confidence`) stays out.
//!
//! These claims are still printed by `claims`, flagged `"graph": false` with the reason. The
//! tests here are closed word classes of English (pronouns, determiners, quantifiers, and the
//! handful of nouns that carry no content), not lists of words seen in some corpus.
//!
//! The module also resolves "we"/"us" in direct speech to the speaker's organisation or
//! country ([`resolve_quoted_we`]), finds the period a clause states ([`period_of_words`]), and
//! tells generic common-noun phrases ("a bill", "the decision") that must not merge claims
//! across articles ([`is_generic_phrase`]).

use super::check::TreeCheck;
use super::{Argument, Claim, EntityKindWire, GRAPH_MIN_CONFIDENCE};

/// Why a claim stays out of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphExclusion {
    /// A subject or object is a pronoun that was not resolved to an entity.
    UnresolvedPronoun,
    /// A subject or object is only function words or light nouns ("a way", "there").
    EmptyHead,
    /// The dependency-tree reader finds no clause with the claim's verb and subject in its
    /// sentence (`TreeCheck::Unread`): in blind-judged samples such claims were wrong about
    /// twice as often as the rest, so the graph does not take them whatever their score.
    UnreadByTree,
    /// The subject is a bare definite description of an organisation ("the company", "the
    /// party") that extraction could not tie to the one organisation of that kind the
    /// article names just before; or either end is a description of people or bodies that
    /// names none of them ("the two governments", "the couple", "the Flemingdon resident"),
    /// or the subject an indefinite apposition no name was found for ("..., a record that").
    UnresolvedDescription,
    /// The claim is reported by a pronoun ("they said", "we believe") that was not resolved
    /// to an entity: who asserts it is unknown, and a claim with its source missing reads as
    /// fact.
    UnresolvedAttribution,
    /// The claim stands inside a quotation whose speaker was not found: a quoted opinion
    /// shown with no speaker reads as fact (of 64 judged such claims, 2 were CORRECT).
    UnattributedQuote,
    /// The claim is reported by a clause whose speaker was not found ("..., saying that ..."
    /// with no subject to be had): someone's words would read as the narrator's fact.
    UnattributedReport,
    /// The claim's confidence is under the threshold.
    LowConfidence,
}

/// The `graph_reason` of a claim reported by a speaker extraction could not find.
pub const UNATTRIBUTED_REPORT: &str = "unattributed-report";

impl GraphExclusion {
    /// The name written in `graph_reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            GraphExclusion::UnresolvedPronoun => "unresolved-pronoun",
            GraphExclusion::EmptyHead => "empty-head",
            GraphExclusion::UnreadByTree => "unread-by-tree",
            GraphExclusion::UnresolvedDescription => "unresolved-description",
            GraphExclusion::UnresolvedAttribution => "unresolved-attribution",
            GraphExclusion::UnattributedQuote => "unattributed-quote",
            GraphExclusion::UnattributedReport => UNATTRIBUTED_REPORT,
            GraphExclusion::LowConfidence => "low-confidence",
        }
    }
}

/// Personal, possessive, reflexive, demonstrative, relative, interrogative and indefinite
/// pronouns, and existential "there"/"here": words that stand for something named elsewhere.
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "one",
    "oneself",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whoever",
    "whatever",
    "whichever",
    "someone",
    "somebody",
    "something",
    "anyone",
    "anybody",
    "anything",
    "everyone",
    "everybody",
    "everything",
    "no-one",
    "nobody",
    "nothing",
    "none",
    "other",
    "others",
    "another",
    "there",
    "here",
    "such",
    "same",
    "former",
    "latter",
    "y'all",
    "'em",
];

/// Determiners, quantifiers and other words that only point or count.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "some", "any", "no", "all", "both", "each", "either", "neither", "every",
    "many", "much", "more", "most", "few", "fewer", "less", "least", "several", "enough", "of",
    "own", "other", "such", "lot", "lots", "rest", "kind", "sort", "type", "bit", "part",
];

/// Nouns that carry no content of their own ("a way", "the thing").
const LIGHT_NOUNS: &[&str] = &[
    "way",
    "ways",
    "thing",
    "things",
    "stuff",
    "one",
    "ones",
    "kind",
    "kinds",
    "sort",
    "sorts",
    "lot",
    "lots",
    "bit",
    "bits",
    "part",
    "parts",
    "place",
    "time",
    "times",
    "case",
    "fact",
    "matter",
    "point",
    "people",
    "something",
    "anything",
    "everything",
    "nothing",
];

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether the words are all pronouns (at least one) and function words: "they", "all of
/// them", "this", "who", "some of those".
pub fn is_pronoun_like(text: &str) -> bool {
    let ws = words(text);
    ws.iter().any(|w| PRONOUNS.contains(&w.as_str()))
        && ws
            .iter()
            .all(|w| PRONOUNS.contains(&w.as_str()) || FUNCTION_WORDS.contains(&w.as_str()))
}

/// Whether the words name nothing: empty, or only function words and light nouns ("a way",
/// "the thing", "lots").
fn is_empty_head(text: &str) -> bool {
    words(text).iter().all(|w| {
        FUNCTION_WORDS.contains(&w.as_str())
            || LIGHT_NOUNS.contains(&w.as_str())
            || PRONOUNS.contains(&w.as_str())
    })
}

/// Why an argument cannot be a node of the graph, if it cannot.
fn argument_exclusion(arg: &Argument) -> Option<GraphExclusion> {
    if arg.entity.is_some() {
        return None;
    }
    // A pronoun that stands for words, not an entity ("it" for "the 80 tonne cargo"), is
    // unresolved, whatever amount or date those words carry.
    if arg.refers_to.is_some() && is_pronoun_like(&arg.text) {
        return Some(GraphExclusion::UnresolvedPronoun);
    }
    if arg.quantity.is_some() || arg.date.is_some() {
        return None;
    }
    text_exclusion(&arg.text)
}

/// Why a literal phrase (no entity, amount or date) cannot be a node of the graph, if it
/// cannot: an unresolved pronoun or an empty head.
pub fn text_exclusion(text: &str) -> Option<GraphExclusion> {
    if is_pronoun_like(text) {
        return Some(GraphExclusion::UnresolvedPronoun);
    }
    is_empty_head(text).then_some(GraphExclusion::EmptyHead)
}

/// Whether a subject is owned by a pronoun nobody resolved and names no one itself: "his
/// lawyer", "their party", "Its new chief" say whose only through the pronoun, so the claim
/// is about someone the graph cannot show ("his widow Birgit" names her and stays).
fn unresolved_owner(arg: &Argument) -> bool {
    if arg.entity.is_some() || arg.refers_to.is_some() || arg.quantity.is_some() {
        return false;
    }
    let mut ws = arg.text.split_whitespace();
    let owned = ws.next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "his" | "her" | "its" | "their" | "our" | "my" | "your"
        )
    });
    owned && !ws.any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the claim's object is owned by a pronoun nobody resolved that cannot be its
/// subject, so that the claim is about someone the graph cannot show: the object of a passive
/// read actively, which was the clause's own subject ("Her victory was announced by the
/// commission", "their helicopters were targeted by mortars": whose, the words before say),
/// or a person related to the owner that the subject is said to be ("Ana Ruiz, his lawyer",
/// "Vos was her husband": the owner is someone else).
fn unresolved_owner_object(claim: &Claim) -> bool {
    let o = &claim.object;
    // "our team was beaten by X": the speaker's, whom attribution says.
    let third = o
        .text
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "his" | "her" | "its" | "their"));
    if !third || !unresolved_owner(o) {
        return false;
    }
    if claim.rule == super::Rule::PassiveAgent {
        return true;
    }
    // The copula alone: "was with his wife" says nothing of whose.
    let predicative = matches!(claim.predicate.lemma.as_str(), "be" | "become" | ",");
    let head = words(&o.text).last().cloned().unwrap_or_default();
    predicative && super::extract::is_person_noun(&head)
}

/// Whether a subject is the bare plural "members" (no determiner, no complement): members
/// of a body named elsewhere, which only its name can say.
fn bare_members(text: &str) -> bool {
    matches!(words(text).as_slice(), [w] if w == "members")
}

/// Nouns for businesses that a bare definite description ("the company") stands for; the
/// resolver of such descriptions (`extract/description.rs`) fits them to business names.
pub(crate) const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "firm",
    "corporation",
    "retailer",
    "airline",
    "carrier",
    "automaker",
    "carmaker",
    "manufacturer",
    "insurer",
    "broadcaster",
    "planemaker",
    "drugmaker",
    "chipmaker",
    "steelmaker",
];

/// Nouns for organisations other than businesses that a bare definite description ("the
/// party", "the ministry") stands for; the resolver's heads of descriptions of organisations
/// (`extract/description.rs`) extend this list and [`BUSINESS_NOUNS`].
pub(crate) const ORGANISATION_NOUNS: &[&str] = &[
    "bank",
    "group",
    "party",
    "ministry",
    "department",
    "agency",
    "union",
    "council",
    "committee",
    "commission",
    "court",
    "university",
    "board",
    "organisation",
    "organization",
];

/// Nouns for a country that a bare definite description ("the country said", "in the
/// nation") stands for.
pub(crate) const COUNTRY_NOUNS: &[&str] = &["country", "nation"];

/// The noun of a bare definite description of an organisation: "the company" → "company";
/// `None` for anything with more words ("the power company", "the company's board").
pub fn description_noun(text: &str) -> Option<&'static str> {
    let ws = words(text);
    match ws.as_slice() {
        [the, noun] if the == "the" => BUSINESS_NOUNS
            .iter()
            .chain(ORGANISATION_NOUNS)
            .chain(COUNTRY_NOUNS)
            .copied()
            .find(|n| n == noun),
        _ => None,
    }
}

/// The noun of a demonstrative description of an organisation or country ("that bank",
/// "this new party"), or of a definite one whose lower-case modifiers presuppose one already
/// named ("the same company", "the former ruling party": [`KNOWN_ONE`]): such a description
/// names one the article names elsewhere, often not by that noun ("that bank" after "Morgan
/// Stanley"), which only a name can say, so it keeps a subject out of the graph. A plain
/// common-noun description ("the ferry company", "the rights group") is as often one the
/// article never names, read as written. "The whole group" means its members, and a
/// capitalised or possessive word ("the Harbour company", "the firm's board"), a preposition
/// or a pronoun ("the movement in our company") is no such modifier.
pub fn modified_description_noun(text: &str) -> Option<&'static str> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let ws = words(text);
    let (first, rest) = ws.split_first()?;
    let (noun, modifiers) = rest.split_last()?;
    let plain = |w: &&str| {
        w.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(*w, "whole" | "entire" | "of" | "and" | "or")
            && !COMPLEMENT_WORDS.contains(w)
            && (KNOWN_ONE.contains(w) || (!FUNCTION_WORDS.contains(w) && !PRONOUNS.contains(w)))
    };
    let lower = raw.len() == ws.len() && raw.iter().skip(1).all(plain);
    let opens = match first.as_str() {
        "the" => modifiers.iter().any(|m| KNOWN_ONE.contains(&m.as_str())),
        "this" | "that" => true,
        _ => false,
    };
    if !opens || !lower {
        return None;
    }
    BUSINESS_NOUNS
        .iter()
        .chain(ORGANISATION_NOUNS)
        .chain(COUNTRY_NOUNS)
        .copied()
        .find(|n| n == noun)
}

/// Ordinals and words that pick one of several, which stand for a noun said elsewhere ("the
/// second was wounded").
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "last",
    "latter",
    "former",
    "next",
    "remaining",
    "rest",
];

/// Whether a subject is a bare number, ordinal or quantifier whose noun is elided ("Seven were
/// treated", "the second was wounded", "Many believe"): it names nothing until resolved, so
/// the claim stays out of the graph (as an empty head). A year ("2006 was a record") and a
/// number with its unit are not elliptical.
fn elliptical_subject(arg: &Argument) -> bool {
    if arg.entity.is_some() || arg.date.is_some() || arg.refers_to.is_some() {
        return false;
    }
    if arg.quantity.as_ref().is_some_and(|q| q.unit.is_some()) {
        return false;
    }
    let ws = words(&arg.text);
    let year = |w: &str| w.len() == 4 && w.starts_with(['1', '2']);
    let counting = |w: &str| {
        (w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && !year(w))
            || w.split('-').all(crate::quantity::is_number_word)
            || matches!(w, "dozens" | "hundreds" | "thousands" | "millions")
            || ORDINALS.contains(&w)
    };
    let only = ws.iter().all(|w| {
        counting(w)
            || FUNCTION_WORDS.contains(&w.as_str())
            || APPROXIMATORS.contains(&w.as_str())
            || matches!(w.as_str(), "only" | "just" | "another")
    });
    let quantifier = matches!(
        ws.as_slice(),
        [w] if matches!(w.as_str(), "many" | "some" | "most" | "both" | "several" | "few" | "all")
    );
    !ws.is_empty() && only && (ws.iter().any(|w| counting(w)) || quantifier)
}

/// Words that bound or approximate a number ("about 300", "more than 40", "at least 12", "up
/// to 50"): with them a bare number is still elliptical.
const APPROXIMATORS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "over",
    "under",
    "than",
    "at",
    "up",
    "to",
    "some",
    "estimated",
    "an",
];

/// Nouns for two or more people or bodies taken together: "the couple", "the pair".
const GROUP_NOUNS: &[&str] = &["couple", "pair", "duo", "trio"];

/// Nouns for what is left of a set named elsewhere: "the remainder", "the latter".
const REMAINDER_NOUNS: &[&str] = &["remainder", "rest", "latter", "former", "others"];

/// Words that open a complement or clause inside a phrase, which may then say whom the phrase
/// means ("the rest of the staff", "the two men who ...", "the couple and their son").
const COMPLEMENT_WORDS: &[&str] = &[
    "of", "for", "in", "on", "at", "to", "with", "from", "by", "about", "against", "that", "who",
    "whom", "whose", "which", "and", "or", "as",
];

/// Verbs whose object says what the subject is, not whom it acts on: "is the local
/// candidate", "was appointed the deputy minister".
const PREDICATIVE_VERBS: &[&str] = &[
    "be",
    "become",
    "remain",
    "appoint",
    "name",
    "elect",
    "designate",
    "serve",
    "call",
];

/// Whether a noun names people or a body: a person's role, kin or gender, an organisation or
/// a country, or a government, side or family.
fn is_people_or_body(noun: &str) -> bool {
    super::extract::is_person_noun(noun)
        || super::extract::head_kind(noun) == Some(EntityKindWire::Organisation)
        || COUNTRY_NOUNS.contains(&noun)
        || matches!(noun, "government" | "side" | "person" | "family" | "state")
}

/// Whether a plural noun names people or bodies ("governments", "men", "parties").
fn is_plural_people_or_body(noun: &str) -> bool {
    let irregular = match noun {
        "men" | "women" | "children" | "people" => return true,
        _ if noun.ends_with("men") => {
            return super::extract::is_person_noun(&noun.replace("men", "man"))
        }
        _ => noun.strip_suffix("ies").map(|stem| format!("{stem}y")),
    };
    let singulars = [
        irregular,
        noun.strip_suffix("es").map(str::to_string),
        noun.strip_suffix('s').map(str::to_string),
    ];
    singulars.iter().flatten().any(|w| is_people_or_body(w))
}

/// Whether a number word or figure counts two or more ("two", "3").
fn counts_several(word: &str) -> bool {
    word.parse::<u32>().is_ok_and(|n| (2..100).contains(&n))
        || (word != "one" && crate::quantity::is_number_word(word))
}

/// Whether an argument is a definite description of people or bodies that names none of them
/// (no entity, no antecedent): several counted or paired ("the two governments", "both
/// companies", "the couple"), what is left of a set ("the remainder"), or one person whom
/// modifiers single out ([`singles_out`]: "the Flemingdon resident", "the former aide"), or a
/// candidate ("the presidential hopeful"), also as the owner of the argument's noun ("the
/// presidential hopeful's opponents"); never the object of "is", "was appointed" ... (`predicative`). A bare "the man" is the
/// article's own figure, and a capitalised title ("the Prime Minister") an office the
/// tagger resolves or not.
pub fn unresolved_people(arg: &Argument, predicative: bool) -> bool {
    if arg.entity.is_some() || arg.refers_to.is_some() || predicative {
        return false;
    }
    // "the presidential hopeful's opponents": whose, the owner does not say.
    // One person a candidacy or a known-one modifier picks out: "the couple's son" and "the
    // Harbour Party leader's comments" are read as written.
    if let Some((owner, _)) = arg.text.split_once("'s ") {
        let ws = words(owner);
        let head = ws.last().map(String::as_str).unwrap_or_default();
        let known = ws.iter().any(|w| KNOWN_ONE.contains(&w.as_str()));
        let one = head == "hopeful" || (known && super::extract::is_person_noun(head));
        return one && unresolved_people_text(owner);
    }
    unresolved_people_text(&arg.text)
}

/// [`unresolved_people`] for the words of an argument nothing links.
fn unresolved_people_text(text: &str) -> bool {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let ws = words(text);
    let (Some(first), Some(head)) = (ws.first(), ws.last()) else {
        return false;
    };
    if ws.len() < 2
        || ws.iter().any(|w| COMPLEMENT_WORDS.contains(&w.as_str()))
        || text.contains(['\'', '\u{2019}', ',', '"'])
    {
        return false;
    }
    let head = head.as_str();
    if first == "both" {
        return is_plural_people_or_body(head);
    }
    if first != "the" {
        return false;
    }
    if counts_several(&ws[1]) && ws.len() >= 3 {
        return is_plural_people_or_body(head);
    }
    let lower_head = raw
        .last()
        .is_some_and(|w| !w.starts_with(char::is_uppercase));
    GROUP_NOUNS.contains(&head)
        || (ws.len() == 2 && REMAINDER_NOUNS.contains(&head))
        || (lower_head && super::extract::is_person_noun(head) && singles_out(&raw, &ws))
        || (lower_head && head == "hopeful" && ws.len() >= 3)
}

/// Modifiers that presuppose one known person ("the former president", "the new king", "the
/// same man").
const KNOWN_ONE: &[&str] = &[
    "former", "new", "same", "incoming", "outgoing", "late", "elder", "eldest", "younger",
    "youngest",
];

/// Whether the modifiers between "the" and a person noun single out one person the article
/// names elsewhere: a capitalised modifier (a name or demonym: "the Flemingdon resident",
/// "the OPEC president") or one of [`KNOWN_ONE`]. A plain common-noun description ("the
/// police officer", "the bus driver") is as often a figure the article never names, which an
/// analyst reads as written.
fn singles_out(raw: &[&str], ws: &[String]) -> bool {
    let modifiers = 1..ws.len().saturating_sub(1);
    let capitalised = raw
        .get(modifiers.clone())
        .is_some_and(|ms| ms.iter().any(|w| w.starts_with(char::is_uppercase)));
    let known = ws
        .get(modifiers)
        .is_some_and(|ms| ms.iter().any(|w| KNOWN_ONE.contains(&w.as_str())));
    capitalised || known
}

/// Whether words are a plural description presupposing a set the article named elsewhere:
/// "other" opening it with no determiner ("Other members", "other major lenders": the rest of
/// some set), or "the same" before a plural ("the same papers"). Unlinked,
/// such a subject or source names no one; a capitalised word ("other Harbour lenders"), a
/// complement ("other members of the bloc") or a possessive may say which, and "many other
/// ..." or "the other ..." are left to the rules of counted and definite descriptions.
pub fn presupposed_set(text: &str) -> bool {
    let raw: Vec<&str> = text.split_whitespace().collect();
    let ws = words(text);
    let (Some(first), Some(head)) = (ws.first(), ws.last()) else {
        return false;
    };
    if ws.len() < 2
        || raw.len() != ws.len()
        || ws.iter().any(|w| COMPLEMENT_WORDS.contains(&w.as_str()))
        || raw
            .iter()
            .skip(1)
            .any(|w| w.starts_with(char::is_uppercase))
        || text.contains(['\'', '\u{2019}', ',', '"'])
    {
        return false;
    }
    let plural = |w: &str| {
        is_plural_people_or_body(w)
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
    };
    match first.as_str() {
        "other" => plural(head),
        "the" => ws.len() >= 3 && ws[1] == "same" && plural(head),
        _ => false,
    }
}

/// Whether a claim's object says what its subject is ("is the local candidate", "X, the
/// deputy minister", "stepped down as the club's coach"), so that a description there
/// describes and names no one.
fn predicative_object(claim: &Claim) -> bool {
    matches!(claim.rule, super::Rule::Copula | super::Rule::Apposition)
        || claim
            .predicate
            .lemma
            .split_whitespace()
            .any(|w| PREDICATIVE_VERBS.contains(&w) || w == "," || w == "as")
}

/// Whether the subject is an indefinite description set off after a comma that opens a
/// relative clause ("revenue of $9bn, a record that exceeds ...", "the Harbour Alliance (HA),
/// a liberal party which is ..."): it stands for what the comma follows, and unless linked
/// to that, the claim names no one.
fn appositive_indefinite(claim: &Claim) -> bool {
    let s = &claim.subject;
    if s.entity.is_some() || s.refers_to.is_some() {
        return false;
    }
    let first = s.text.split_whitespace().next().unwrap_or("");
    if !matches!(first, "a" | "an") {
        return false;
    }
    let Some(rel) = s.start.checked_sub(claim.span.start) else {
        return false;
    };
    let before = claim.evidence.get(..rel).unwrap_or("").trim_end();
    let after = claim.evidence.get(rel + s.text.len()..).unwrap_or("");
    let relative = ["that ", "which ", "who "]
        .iter()
        .any(|w| after.trim_start().starts_with(w));
    let same = claim.evidence.get(rel..rel + s.text.len()) == Some(s.text.as_str());
    let separated = before.ends_with(',') || before.ends_with('\u{2014}');
    // A phrase of one word before the comma opens the sentence ("However, a home that ..."):
    // the description is the sentence's own subject then.
    let phrase = before
        .trim_end_matches([',', '\u{2014}'])
        .split_whitespace()
        .count()
        >= 2;
    same && relative && separated && phrase
}

/// Whether the claim's people or bodies are descriptions it leaves unresolved (see
/// [`unresolved_people`] and [`appositive_indefinite`]).
fn unresolved_people_claim(claim: &Claim) -> bool {
    let predicative = predicative_object(claim);
    // "The only other candidate is Senator Ana Vos": the name says who the subject is.
    let named_by_object = predicative && claim.object.entity.is_some();
    unresolved_people(&claim.subject, named_by_object)
        || unresolved_people(&claim.object, predicative)
        || appositive_indefinite(claim)
}

/// Whether an attribution is a bare singular role noun with no determiner and no name
/// ("reporter claimed"): a name the tagger lost, so who asserts the claim is unknown.
fn bare_role_attribution(text: &str) -> bool {
    let ws = words(text);
    let lower = !text.starts_with(char::is_uppercase);
    matches!(ws.as_slice(), [w] if lower && super::extract::is_person_noun(w))
}

/// Why a claim stays out of the graph at this confidence threshold, if it does.
pub fn graph_exclusion(claim: &Claim, min_confidence: f64) -> Option<GraphExclusion> {
    argument_exclusion(&claim.subject)
        .or_else(|| elliptical_subject(&claim.subject).then_some(GraphExclusion::EmptyHead))
        .or_else(|| {
            let s = &claim.subject;
            let description = description_noun(&s.text)
                .or(modified_description_noun(&s.text))
                .or(super::extract::based_description_noun(&s.text));
            let unlinked = s.entity.is_none() && s.refers_to.is_none();
            let set = presupposed_set(&s.text) || bare_members(&s.text);
            let bare = unlinked && (description.is_some() || set);
            bare.then_some(GraphExclusion::UnresolvedDescription)
        })
        .or_else(|| unresolved_owner(&claim.subject).then_some(GraphExclusion::UnresolvedPronoun))
        .or_else(|| argument_exclusion(&claim.object))
        .or_else(|| unresolved_owner_object(claim).then_some(GraphExclusion::UnresolvedPronoun))
        .or_else(|| {
            let unresolved = claim.attribution.as_ref().is_some_and(|a| {
                a.entity.is_none()
                    && (is_pronoun_like(&a.text)
                        || bare_role_attribution(&a.text)
                        || presupposed_set(&a.text))
            });
            unresolved.then_some(GraphExclusion::UnresolvedAttribution)
        })
        .or_else(|| {
            // The check's result does not travel in claim files; its reason does.
            let unread = claim.signals.tree == TreeCheck::Unread
                || claim.graph_reason.as_deref() == Some(GraphExclusion::UnreadByTree.as_str());
            unread.then_some(GraphExclusion::UnreadByTree)
        })
        .or_else(|| {
            let unattributed = claim.quote && claim.attribution.is_none();
            unattributed.then_some(GraphExclusion::UnattributedQuote)
        })
        .or_else(|| {
            // Set by extraction, and kept in claim files by its reason.
            let unattributed = claim.attribution.is_none()
                && claim.graph_reason.as_deref() == Some(UNATTRIBUTED_REPORT);
            unattributed.then_some(GraphExclusion::UnattributedReport)
        })
        .or_else(|| {
            let conf = if claim.confidence.is_finite() {
                claim.confidence
            } else {
                0.0
            };
            (conf < min_confidence).then_some(GraphExclusion::LowConfidence)
        })
        .or_else(|| unresolved_people_claim(claim).then_some(GraphExclusion::UnresolvedDescription))
}

/// Sets `graph` and `graph_reason` of each claim at the default threshold.
pub fn mark_graph(claims: &mut [Claim]) {
    for claim in claims {
        let why = graph_exclusion(claim, GRAPH_MIN_CONFIDENCE);
        claim.graph = why.is_none();
        claim.graph_reason = why.map(|w| w.as_str().to_string());
    }
}

/// Whether a literal phrase is a generic common-noun phrase: at most one content word after
/// determiners and quantifiers, with no digit ("a bill", "the decision", "Government"). Two
/// such phrases in different articles rarely mean the same thing, so they never merge claims
/// across articles.
pub fn is_generic_phrase(text: &str) -> bool {
    let ws = words(text);
    if ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return false;
    }
    let content = ws
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()) && !PRONOUNS.contains(&w.as_str()))
        .count();
    content <= 1
}

/// Words that say "the speaker's side" in direct speech ("US" in capitals is the country).
fn is_first_plural(text: &str) -> bool {
    text != "US"
        && matches!(
            text.to_lowercase().as_str(),
            "we" | "us" | "our" | "ours" | "ourselves"
        )
}

/// Whether an entity can be the side a "we" speaks for: an organisation, or a place that is
/// a country. A town or region as a speaker is mostly a person's name linked to a place
/// ("said Angers"), and a person's tie to a town is where they live or stand for election,
/// not whom their "we" means.
fn speaks_as_side(kind: Option<EntityKindWire>, id: &str) -> bool {
    match kind {
        Some(EntityKindWire::Organisation) => true,
        Some(EntityKindWire::Place) => crate::gazetteer::nations::is_country(id),
        _ => false,
    }
}

/// Whether a relation says what a person belongs to ("is a spokesman for", "leads").
fn is_affiliation(lemma: &str) -> bool {
    if lemma.contains("born") || lemma.contains("visit") {
        return false;
    }
    let first = lemma.split_whitespace().next().unwrap_or("");
    lemma == "be"
        || (first == "be"
            && [" of", " for", " at", " with"]
                .iter()
                .any(|p| lemma.ends_with(p)))
        || matches!(
            first,
            "lead" | "head" | "represent" | "chair" | "run" | "join" | "work" | "serve"
        )
}

/// "We"/"us" in direct speech (or in a claim attributed to a speaker) means the speaker's
/// organisation or country: the speaker when the attribution names an organisation or place,
/// else the organisation or place another claim of the same article ties the speaker to
/// ("X, a spokesman for Acme" as `X | be spokesman for | Acme`). Unresolved ones stay as they
/// are (and out of the graph).
pub fn resolve_quoted_we(claims: &mut [Claim]) {
    let affiliations: Vec<(String, Argument)> = claims
        .iter()
        .filter(|c| !c.negated && is_affiliation(&c.predicate.lemma))
        .filter(|c| {
            c.subject.kind == Some(EntityKindWire::Person)
                && matches!(
                    c.object.kind,
                    Some(EntityKindWire::Organisation | EntityKindWire::Place)
                )
        })
        .filter_map(|c| Some((c.subject.entity.clone()?, c.object.clone())))
        .collect();
    for claim in claims.iter_mut() {
        let Some(speaker) = claim.attribution.as_ref() else {
            continue;
        };
        let side = match (speaker.kind, speaker.entity.as_deref()) {
            (Some(EntityKindWire::Person), Some(id)) => affiliations
                .iter()
                .find(|(p, o)| {
                    p == id
                        && o.entity
                            .as_deref()
                            .is_some_and(|e| speaks_as_side(o.kind, e))
                })
                .and_then(|(_, o)| Some((o.entity.clone()?, o.name.clone(), o.kind))),
            (kind, Some(id)) if speaks_as_side(kind, id) => {
                Some((id.to_string(), speaker.name.clone(), speaker.kind))
            }
            _ => None,
        };
        let Some((id, name, kind)) = side else {
            continue;
        };
        for arg in [&mut claim.subject, &mut claim.object] {
            if arg.entity.is_none() && is_first_plural(&arg.text) {
                arg.entity = Some(id.clone());
                arg.name = name.clone();
                arg.kind = kind;
            }
        }
    }
}

/// The period a clause's further phrase states: a year alone or after "fiscal"/"FY"/"the
/// year" ("in 2023", "for fiscal 2006"), or "last/this/next year" resolved against the
/// article's year. `None` for anything else.
pub fn period_of_words(phrase: &[&str], article_year: Option<i32>) -> Option<String> {
    let ws: Vec<String> = phrase
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "fiscal" | "fy" | "calendar" | "financial"
            )
        })
        .collect();
    match ws.as_slice() {
        [y] | [_, y] if year(y).is_some() && (ws.len() == 1 || ws[0] == "year") => {
            year(y).map(|y| y.to_string())
        }
        [rel, unit] if unit == "year" => {
            let base = article_year?;
            let y = match rel.as_str() {
                "last" | "previous" | "past" => base - 1,
                "this" | "current" => base,
                "next" | "coming" => base + 1,
                _ => return None,
            };
            Some(y.to_string())
        }
        _ => None,
    }
}

fn year(w: &str) -> Option<i32> {
    let w = w.strip_prefix("fy").unwrap_or(w);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse::<i32>().ok().filter(|y| (1800..=2200).contains(y))
}

/// Gives the claims of one clause the clause's period, except a claim whose object is itself
/// a date (that claim states the date).
pub fn set_periods(claims: &mut [Claim], period: Option<&str>) {
    let Some(period) = period else {
        return;
    };
    for claim in claims {
        if claim.object.date.is_none() && claim.period.is_none() {
            claim.period = Some(period.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Attribution, QuantityWire};

    #[test]
    fn pronouns_and_empty_heads_are_told_apart_from_content() {
        for p in [
            "they",
            "It",
            "all of them",
            "this",
            "who",
            "Someone",
            "those",
        ] {
            assert!(is_pronoun_like(p), "{p}");
        }
        for p in ["the harbour", "their army", "Mayor Quill", "its budget"] {
            assert!(!is_pronoun_like(p), "{p}");
        }
        for p in ["a way", "the thing", "", "lots of things", "there"] {
            assert!(is_empty_head(p), "{p}");
        }
        assert!(!is_empty_head("a way out of the strike"));
    }

    #[test]
    fn modified_and_demonstrative_descriptions_of_bodies_are_told() {
        for t in [
            "the same company",
            "The former ruling party",
            "this new party",
            "that bank",
        ] {
            assert!(modified_description_noun(t).is_some(), "{t}");
        }
        // A plain common-noun description is as often one the article never names, which an
        // analyst reads as written.
        for t in [
            "the rights group",
            "the ferry company",
            "the city council",
            "the company",
            "the whole group",
            "the Harbour company",
            "the firm's board",
            "the movement in our company",
            "the other party",
            "this plan",
            "the rights groups",
        ] {
            assert!(modified_description_noun(t).is_none(), "{t}");
        }
    }

    #[test]
    fn a_pronoun_for_words_is_unresolved_whatever_amount_they_carry() {
        let span = crate::text::Span::new(0, 2);
        let mut arg = Argument::text("It", span);
        arg.refers_to = Some("seven warehouses".into());
        arg.quantity = Some(QuantityWire {
            value: 7.0,
            unit: Some("warehouses".into()),
            exact: "7".into(),
            min: None,
            max: None,
            approximate: false,
            bound: None,
        });
        assert_eq!(
            argument_exclusion(&arg),
            Some(GraphExclusion::UnresolvedPronoun)
        );
    }

    #[test]
    fn a_bare_number_ordinal_or_quantifier_subject_is_elliptical() {
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        for t in [
            "Seven",
            "the second",
            "Forty-two",
            "12",
            "Many",
            "only three",
            "the last",
            "another 19",
            "hundreds",
            "Around 100,000",
            "About 300",
            "More than 40",
            "at least 12",
            "up to 50",
            "an estimated 2,000",
        ] {
            assert!(elliptical_subject(&arg(t)), "{t}");
        }
        for t in [
            "Seven officers",
            "2006",
            "the second round",
            "many of the farmers",
            "Kelmar",
            "About 300 protesters",
            "about 2006",
        ] {
            assert!(!elliptical_subject(&arg(t)), "{t}");
        }
        let mut counted = arg("Seven");
        counted.quantity = Some(QuantityWire {
            value: 7.0,
            unit: Some("officers".into()),
            exact: "7".into(),
            min: None,
            max: None,
            approximate: false,
            bound: None,
        });
        assert!(!elliptical_subject(&counted));
    }

    #[test]
    fn a_subject_owned_by_an_unresolved_pronoun_stays_out() {
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        for t in [
            "his lawyer",
            "Their new plant",
            "its 2009 budget",
            "her two sons",
        ] {
            assert!(unresolved_owner(&arg(t)), "{t}");
        }
        for t in [
            "his widow Marta",
            "the lawyer",
            "Hisako Ono",
            "history books",
        ] {
            assert!(!unresolved_owner(&arg(t)), "{t}");
        }
        let mut linked = arg("his brother");
        linked.entity = Some("person:example".into());
        assert!(!unresolved_owner(&linked));
    }

    #[test]
    fn plurals_that_presuppose_a_set_named_elsewhere_are_unresolved() {
        for t in [
            "Other members",
            "other major lenders",
            "other foreign troops",
            "the same papers",
            "The same three governments",
        ] {
            assert!(presupposed_set(t), "{t}");
        }
        for t in [
            "other members of the bloc",
            "other Harbour lenders",
            "many other journalists",
            "the other lenders",
            "the same day",
            "the papers",
            "other",
            "the same report",
        ] {
            assert!(!presupposed_set(t), "{t}");
        }
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        let claim = test_claim(arg("Other lenders"), "cut", arg("their rates"));
        assert_eq!(
            graph_exclusion(&claim, 0.5),
            Some(GraphExclusion::UnresolvedDescription)
        );
    }

    #[test]
    fn generic_phrases_have_at_most_one_content_word_and_no_number() {
        for p in ["a bill", "the decision", "Government", "new rules"] {
            let generic = is_generic_phrase(p);
            assert_eq!(generic, p != "new rules", "{p}");
        }
        assert!(!is_generic_phrase("a 2024 bill"));
        assert!(!is_generic_phrase("the harbour toll bill"));
    }

    #[test]
    fn unresolved_descriptions_of_people_and_bodies_stay_out() {
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        for t in [
            "The three airlines",
            "both unions",
            "Both men",
            "the royal couple",
            "The remainder",
            "The Dunmore teacher",
            "the former teacher",
            "the Kelmarian pilot",
            "the 2 governments",
        ] {
            assert!(unresolved_people(&arg(t), false), "{t}");
        }
        for t in [
            "the man",
            "The Deputy Prime Minister",
            "the two plans",
            "the retired teacher",
            "both bridges",
            "the rest of the crew",
            "the couple's son",
            "the former teacher who found it",
            "a local farmer",
        ] {
            assert!(!unresolved_people(&arg(t), false), "{t}");
        }
        // After "is" or "was appointed" the description says what someone is.
        assert!(!unresolved_people(&arg("the new harbour manager"), true));
        assert!(unresolved_people(&arg("the new harbour manager"), false));
        let mut linked = arg("the royal couple");
        linked.refers_to = Some("Queen Ilse and King Aart".into());
        assert!(!unresolved_people(&linked, false));

        let sub = arg("The two ministers");
        let claim = test_claim(sub, "sign", arg("a treaty"));
        assert_eq!(
            graph_exclusion(&claim, 0.5),
            Some(GraphExclusion::UnresolvedDescription)
        );
        let appointed = test_claim(
            entity("person:ana-vos", "Ana Vos", EntityKindWire::Person),
            "appoint",
            arg("the new harbour manager"),
        );
        assert_eq!(graph_exclusion(&appointed, 0.5), None);
        let named = test_claim(
            arg("The only other Kelmarian candidate"),
            "be",
            entity("person:ana-vos", "Ana Vos", EntityKindWire::Person),
        );
        assert_eq!(graph_exclusion(&named, 0.5), None);
        let role = test_claim(
            entity("person:ana-vos", "Ana Vos", EntityKindWire::Person),
            "step down as",
            arg("the harbour board's chairwoman"),
        );
        assert_eq!(graph_exclusion(&role, 0.5), None);
        let role = test_claim(
            entity("person:ana-vos", "Ana Vos", EntityKindWire::Person),
            "step down as",
            arg("the harbour board chairwoman"),
        );
        assert_eq!(graph_exclusion(&role, 0.5), None);
    }

    #[test]
    fn an_indefinite_apposition_opening_a_relative_clause_names_no_one() {
        let text = "Harbour Co posted sales of $4bn, a figure that beat forecasts.";
        let at = text.find("a figure").unwrap_or(0);
        let sub = Argument::text("a figure", crate::text::Span::new(at, at + 8));
        let mut claim = test_claim(sub, "beat", Argument::text("forecasts", Default::default()));
        claim.evidence = text.into();
        claim.span = crate::claim::SpanWire {
            start: 0,
            end: text.len(),
        };
        assert!(appositive_indefinite(&claim));
        let text = "A figure that beat forecasts surprised them.";
        let sub = Argument::text("A figure", crate::text::Span::new(0, 8));
        let mut plain = test_claim(sub, "beat", Argument::text("forecasts", Default::default()));
        plain.evidence = text.into();
        assert!(!appositive_indefinite(&plain));
        let text = "However, a figure that beat forecasts surprised them.";
        let sub = Argument::text("a figure", crate::text::Span::new(9, 17));
        let mut opener = test_claim(sub, "beat", Argument::text("forecasts", Default::default()));
        opener.evidence = text.into();
        assert!(!appositive_indefinite(&opener));
    }

    #[test]
    fn a_bare_role_noun_is_no_attribution() {
        assert!(bare_role_attribution("reporter"));
        assert!(!bare_role_attribution("the reporter"));
        assert!(!bare_role_attribution("officials"));
        assert!(!bare_role_attribution("Reuters"));
    }

    #[test]
    fn candidates_members_and_based_companies_left_unresolved_stay_out() {
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        for t in [
            "the Liberal hopeful",
            "the mayoral hopeful",
            "the mayoral hopeful's campaign staff",
            "the former teacher's lawyer",
        ] {
            assert!(unresolved_people(&arg(t), false), "{t}");
        }
        for t in [
            "a hopeful",
            "the couple's son",
            "the company's staff",
            "The Harbour Party leader's comments",
        ] {
            assert!(!unresolved_people(&arg(t), false), "{t}");
        }
        for sub in [
            "members",
            "The Perth-based company",
            "the Oslo-based airline",
        ] {
            let claim = test_claim(arg(sub), "approve", arg("the budget"));
            let why = graph_exclusion(&claim, 0.5);
            assert_eq!(why, Some(GraphExclusion::UnresolvedDescription), "{sub}");
        }
        for sub in [
            "the members of the board",
            "new members",
            "the Perth company",
        ] {
            let claim = test_claim(arg(sub), "approve", arg("the budget"));
            assert_eq!(graph_exclusion(&claim, 0.5), None, "{sub}");
        }
    }

    #[test]
    fn an_object_whose_owner_cannot_be_the_subject_stays_out() {
        let arg = |t: &str| Argument::text(t, crate::text::Span::new(0, t.len()));
        let ruiz = || entity("person:ana-ruiz", "Ana Ruiz", EntityKindWire::Person);
        // "Her car was damaged by hail": whose car, the words before say.
        let mut passive = test_claim(arg("hail"), "damage", arg("her car"));
        passive.rule = crate::claim::Rule::PassiveAgent;
        let out = Some(GraphExclusion::UnresolvedPronoun);
        assert_eq!(graph_exclusion(&passive, 0.5), out);
        let mut ours = test_claim(arg("hail"), "damage", arg("our car"));
        ours.rule = crate::claim::Rule::PassiveAgent;
        assert_eq!(graph_exclusion(&ours, 0.5), None);
        // "Ana Ruiz, his lawyer": the owner is someone else.
        let mut appos = test_claim(ruiz(), ",", arg("his lawyer"));
        appos.rule = crate::claim::Rule::Apposition;
        assert_eq!(graph_exclusion(&appos, 0.5), out);
        // "Ana Ruiz sold her car", "Ana Ruiz was his first concern": the owner may be the
        // subject, or the object names no one related to the owner.
        assert_eq!(
            graph_exclusion(&test_claim(ruiz(), "sell", arg("her car")), 0.5),
            None
        );
        let concern = test_claim(ruiz(), "be", arg("his first concern"));
        assert_eq!(graph_exclusion(&concern, 0.5), None);
        let with = test_claim(ruiz(), "be with", arg("her husband"));
        assert_eq!(graph_exclusion(&with, 0.5), None);
    }

    fn test_claim(subject: Argument, lemma: &str, object: Argument) -> Claim {
        let predicate = crate::claim::Predicate {
            lemma: lemma.into(),
            text: lemma.into(),
        };
        Claim {
            id: "c".into(),
            article: "a".into(),
            span: crate::claim::SpanWire { start: 0, end: 1 },
            confidence: 0.7,
            ..Claim::new(subject, predicate, object, crate::claim::Rule::Clause)
        }
    }

    fn entity(id: &str, name: &str, kind: EntityKindWire) -> Argument {
        let mut a = Argument::text(name, Default::default());
        a.entity = Some(id.into());
        a.name = Some(name.into());
        a.kind = Some(kind);
        a
    }

    #[test]
    fn a_claim_reported_by_an_unresolved_pronoun_stays_out_of_the_graph() {
        let by = |text: &str, linked: Option<&str>| {
            let mut c = test_claim(
                entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation),
                "cut",
                Argument::text("40 jobs", Default::default()),
            );
            c.attribution = Some(crate::claim::Attribution {
                text: text.into(),
                entity: linked.map(Into::into),
                name: None,
                kind: None,
                verb: "say".into(),
            });
            c
        };
        assert_eq!(
            graph_exclusion(&by("they", None), 0.3),
            Some(GraphExclusion::UnresolvedAttribution)
        );
        assert_eq!(
            graph_exclusion(&by("We", None), 0.3),
            Some(GraphExclusion::UnresolvedAttribution)
        );
        // Resolved, or a named source: the claim may enter.
        assert_eq!(
            graph_exclusion(&by("he", Some("person:ana-ruiz")), 0.3),
            None
        );
        assert_eq!(graph_exclusion(&by("the harbour master", None), 0.3), None);
        // A source that presupposes others named elsewhere names no one.
        assert_eq!(
            graph_exclusion(&by("the same papers", None), 0.3),
            Some(GraphExclusion::UnresolvedAttribution)
        );
        assert_eq!(graph_exclusion(&by("the papers", None), 0.3), None);
    }

    #[test]
    fn a_claim_the_tree_reader_does_not_read_stays_out_of_the_graph() {
        let claim = || {
            test_claim(
                entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation),
                "cut",
                Argument::text("40 jobs", Default::default()),
            )
        };
        assert_eq!(graph_exclusion(&claim(), 0.3), None);
        let mut unread = claim();
        unread.signals.tree = TreeCheck::Unread;
        assert_eq!(
            graph_exclusion(&unread, 0.3),
            Some(GraphExclusion::UnreadByTree)
        );
        // Read back from a claim file, the check is gone but its reason is kept.
        let mut from_file = claim();
        from_file.graph = false;
        from_file.graph_reason = Some("unread-by-tree".into());
        assert_eq!(
            graph_exclusion(&from_file, 0.0),
            Some(GraphExclusion::UnreadByTree)
        );
        let mut agrees = claim();
        agrees.signals.tree = TreeCheck::Agrees;
        assert_eq!(graph_exclusion(&agrees, 0.3), None);
    }

    #[test]
    fn a_quotation_with_no_speaker_stays_out_of_the_graph() {
        let mut quoted = test_claim(
            entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation),
            "cut",
            Argument::text("40 jobs", Default::default()),
        );
        quoted.quote = true;
        assert_eq!(
            graph_exclusion(&quoted, 0.3),
            Some(GraphExclusion::UnattributedQuote)
        );
        quoted.attribution = Some(Attribution {
            text: "Ida Vane".into(),
            entity: Some("person:ida-vane".into()),
            name: Some("Ida Vane".into()),
            kind: Some(EntityKindWire::Person),
            verb: "say".into(),
        });
        assert_eq!(graph_exclusion(&quoted, 0.3), None);
    }

    #[test]
    fn a_report_whose_speaker_was_not_found_stays_out_of_the_graph() {
        let mut reported = test_claim(
            entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation),
            "cut",
            Argument::text("40 jobs", Default::default()),
        );
        reported.quote = false;
        reported.graph_reason = Some(UNATTRIBUTED_REPORT.to_string());
        assert_eq!(
            graph_exclusion(&reported, 0.3),
            Some(GraphExclusion::UnattributedReport)
        );
        // Marking the claim keeps the reason, as in a claims file read back.
        mark_graph(std::slice::from_mut(&mut reported));
        assert_eq!(reported.graph_reason.as_deref(), Some(UNATTRIBUTED_REPORT));
        reported.attribution = Some(Attribution {
            text: "Ida Vane".into(),
            entity: Some("person:ida-vane".into()),
            name: Some("Ida Vane".into()),
            kind: Some(EntityKindWire::Person),
            verb: "say".into(),
        });
        assert_eq!(graph_exclusion(&reported, 0.3), None);
    }

    #[test]
    fn quoted_we_becomes_the_speakers_organisation() {
        let mut role = test_claim(
            entity("person:ida-vane", "Ida Vane", EntityKindWire::Person),
            "be spokeswoman for",
            entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation),
        );
        role.quote = false;
        let mut we = test_claim(
            Argument::text("We", Default::default()),
            "cut",
            Argument::text("40 jobs", Default::default()),
        );
        we.attribution = Some(Attribution {
            text: "Ida Vane".into(),
            entity: Some("person:ida-vane".into()),
            name: Some("Ida Vane".into()),
            kind: Some(EntityKindWire::Person),
            verb: "say".into(),
        });
        we.quote = true;
        let mut unknown = we.clone();
        unknown.attribution = None;
        let mut claims = vec![role, we, unknown];
        resolve_quoted_we(&mut claims);
        mark_graph(&mut claims);
        assert_eq!(claims[1].subject.entity.as_deref(), Some("org:harbour-co"));
        assert!(claims[1].graph);
        assert_eq!(claims[2].subject.entity, None);
        assert!(!claims[2].graph);
        assert_eq!(
            claims[2].graph_reason.as_deref(),
            Some("unresolved-pronoun")
        );
    }

    #[test]
    fn quoted_we_speaks_for_an_organisation_or_a_country_only() {
        let said_by = |speaker: Argument| {
            let mut we = test_claim(
                Argument::text("We", Default::default()),
                "need",
                Argument::text("new engines", Default::default()),
            );
            we.attribution = Some(Attribution {
                text: speaker.text.clone(),
                entity: speaker.entity.clone(),
                name: speaker.name.clone(),
                kind: speaker.kind,
                verb: "say".into(),
            });
            we.quote = true;
            we
        };
        let town = entity("geonames:101", "Dunmore", EntityKindWire::Place);
        let country = entity("place:france", "France", EntityKindWire::Place);
        let firm = entity("org:harbour-co", "Harbour Co", EntityKindWire::Organisation);
        let person = entity("person:ida-vane", "Ida Vane", EntityKindWire::Person);
        // A person standing for a town: the town is not whom "we" means.
        let stands = test_claim(person.clone(), "be candidate for", town.clone());
        let mut claims = vec![
            said_by(town),
            said_by(country),
            said_by(firm),
            stands,
            said_by(person),
        ];
        resolve_quoted_we(&mut claims);
        assert_eq!(claims[0].subject.entity, None);
        assert_eq!(claims[1].subject.entity.as_deref(), Some("place:france"));
        assert_eq!(claims[2].subject.entity.as_deref(), Some("org:harbour-co"));
        assert_eq!(claims[4].subject.entity, None);
        // "US" in capitals is the country, never the speaker's side.
        let mut us = said_by(entity(
            "org:harbour-co",
            "Harbour Co",
            EntityKindWire::Organisation,
        ));
        us.subject = Argument::text("US", Default::default());
        let mut claims = vec![us];
        resolve_quoted_we(&mut claims);
        assert_eq!(claims[0].subject.entity, None);
    }

    #[test]
    fn periods_from_years_and_relative_years() {
        assert_eq!(period_of_words(&["2023"], None).as_deref(), Some("2023"));
        assert_eq!(
            period_of_words(&["fiscal", "2006"], None).as_deref(),
            Some("2006")
        );
        assert_eq!(
            period_of_words(&["last", "year"], Some(2019)).as_deref(),
            Some("2018")
        );
        assert_eq!(period_of_words(&["last", "year"], None), None);
        assert_eq!(period_of_words(&["2,000", "troops"], None), None);
        assert_eq!(period_of_words(&["three", "ships"], None), None);
    }
}
