//! Names that are in no list, found from the words around them.
//!
//! The unit is a *capitalised run*: consecutive capitalised tokens that no gazetteer mention
//! covers, with connectors (`of`, `de`, `al`, `bin`, hyphens) allowed inside. Leading titles and
//! function words are stripped; what remains is typed by its cues, or dropped when it has none.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use super::lookup::{Places, SpanList};
use super::{round2, slug, FastMap, Mention, Rule};
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::lexicon::follows_speaker;
use crate::text::{lower_is, Sentence, Span};

/// Titles and roles that announce a person's name. Compared case-sensitively on capitalised
/// tokens and case-insensitively on the token before a run.
const TITLES: &[&str] = &[
    "Corporal",
    "Cpl.",
    "Private",
    "Pte.",
    "Prophet",
    // Party labels before a politician's name ("Republican John McCain").
    "Democrat",
    "Republican",
    "Congressman",
    "Congresswoman",
    "Assemblyman",
    "Assemblywoman",
    "Councilman",
    "Councilwoman",
    "Councillor",
    "Alderman",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Chancellor",
    "Treasurer",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Sheikh",
    "General",
    "Gen.",
    "Lieutenant",
    "Lt.",
    "Colonel",
    "Col.",
    "Major",
    "Maj.",
    "Captain",
    "Capt.",
    "Admiral",
    "Adm.",
    "Sergeant",
    "Sgt.",
    "Commander",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Governor",
    "Gov.",
    "Mayor",
    "Ambassador",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Deputy",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Finance",
    "Trade",
    "Economy",
    "Energy",
    "Health",
    "Justice",
    "Chief",
    "Leader",
    "Speaker",
    "Commissioner",
    "Envoy",
    "Archbishop",
    "Bishop",
    "Rev.",
    "Rev",
    "Father",
    "Ayatollah",
    "Emir",
    "Crown",
    "Executive",
    "CEO",
    "Attorney",
    "Marshal",
    "Field",
    "Opposition",
    "Minister-President",
    "Mullah",
    "Imam",
    "Rabbi",
    "Sultan",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Brigadier",
    "Inspector",
    "Superintendent",
    "Detective",
    "Officer",
    "Agent",
    "Coach",
    "Manager",
    "Founder",
    "Editor",
    "Correspondent",
    "Analyst",
    "Economist",
    "Professor",
    "Deputy",
    "Assistant",
    "Undersecretary",
    "Under-Secretary",
    "Secretary-General",
    "High",
    "Representative",
    "Special",
    "Acting",
    "Former",
    "Interim",
    "Senior",
    "Army",
    "Navy",
    "Air",
    "Force",
    "State",
    "Home",
    "Labour",
    "Agriculture",
    "Education",
];

/// Titles that only open a longer title ("Special Envoy", "High Commissioner", "Crown
/// Prince"): right before a name they are a modifier of something else, not a person's title.
const TITLE_OPENERS: &[&str] = &["Special", "High", "Air", "Field", "Crown", "Senior"];

/// Lower-case role words that, right before a capitalised run, make it a person.
const ROLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "pope",
    "general",
    "colonel",
    "commander",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "judge",
    "chairman",
    "chairwoman",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "speaker",
    "commissioner",
    "envoy",
    "candidate",
    "lawmaker",
    "legislator",
    "official",
    "diplomat",
    "negotiator",
    "analyst",
    "economist",
    "professor",
    "ceo",
    "chief",
    "head",
    "rival",
    "challenger",
    "adviser",
    "advisor",
    "aide",
    "deputy",
    "counterpart",
    "mp",
    "mep",
    "congressman",
    "congresswoman",
    "activist",
    "lawyer",
    "journalist",
    "reporter",
    "opposition",
    "incumbent",
    "prosecutor",
    "counsel",
    "attorney",
    "cleric",
    "strongman",
];

/// Capitalised words that are not names on their own.
const STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "Our",
    "Its",
    "His",
    "Her",
    "My",
    "Your",
    "According",
    "Meanwhile",
    "However",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "For",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Under",
    "Over",
    "Since",
    "During",
    "Although",
    "Though",
    "Because",
    "So",
    "Yet",
    "Also",
    "Still",
    "Now",
    "Then",
    "Here",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Which",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "All",
    "Both",
    "Each",
    "Every",
    "Other",
    "Such",
    "Last",
    "Earlier",
    "Later",
    "Unlike",
    "Nobody",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Tags",
    "Photo",
    "Image",
    "Source",
    "Sources",
    "Related",
    "News",
    "Update",
    "Updated",
    "Breaking",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Yes",
    "Thanks",
    "Please",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Despite",
    "Until",
    "Instead",
    "Even",
    "Only",
    "Just",
    "Once",
    "Among",
    "Between",
    "Against",
    "Without",
    "Within",
    "Into",
    "Through",
    "Following",
    "Including",
    "Regarding",
    "Asked",
    "Speaking",
    "Several",
    "Further",
    "Another",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Third",
    "New",
    "Next",
    "Both",
    "Neither",
    "Either",
    "Whether",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Be",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Let",
    "Us",
    "Them",
    "Him",
    "Me",
    "Mine",
    "Hers",
    "Theirs",
    "Ours",
    "Yours",
    "Any",
    "Few",
    "More",
    "Less",
    "Much",
    "Very",
    "Well",
    "Good",
    "Great",
    "Big",
    "Old",
    "Top",
    "Part",
    "Prior",
    "Given",
    "Amid",
    "Amidst",
    "Per",
    "Via",
    "Upon",
    "Toward",
    "Towards",
    "West",
    "East",
    "North",
    "South",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Government",
    "Parliament",
    "Army",
    "Police",
    "Court",
    "State",
    "Ministry",
    "Department",
    "Internet",
    "Web",
    "Television",
    "Radio",
    "Reuters",
    "AP",
    "AFP",
    "EU",
    "UN",
];

/// Last words that make a run an organisation.
const ORG_HEADS: &[&str] = &[
    "FC",
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Party",
    "Ministry",
    "Department",
    "Bank",
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Co.",
    "Company",
    "Group",
    "Agency",
    "Council",
    "University",
    "College",
    "Institute",
    "Commission",
    "Committee",
    "Association",
    "Union",
    "Organisation",
    "Organization",
    "Federation",
    "Foundation",
    "Front",
    "Movement",
    "Alliance",
    "Court",
    "Parliament",
    "Assembly",
    "Congress",
    "Senate",
    "Forces",
    "Police",
    "Service",
    "Services",
    "Authority",
    "Board",
    "Bureau",
    "Office",
    "Fund",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Holdings",
    "Times",
    "Post",
    "News",
    "Television",
    "Radio",
    "Press",
    "Journal",
    "Herald",
    "Tribune",
    "Network",
    "Club",
    "League",
    "Society",
    "Church",
    "Trust",
    "Systems",
    "Technologies",
    "Energy",
    "Petroleum",
    "Reserve",
    "Exchange",
    "Coalition",
    "Brigade",
    "Brigades",
    "Guard",
    "Corps",
    "Secretariat",
    "Cabinet",
    "Tribunal",
    "Centre",
    "Center",
    "Agency",
    "Administration",
    "Army",
    "Navy",
    "Command",
    "Airline",
    "Group",
    "Gazette",
    "Daily",
    "Broadcasting",
    "Channel",
    "Telegraph",
    "Observer",
    "Monitor",
    "Mirror",
    "Star",
    "Sun",
    "Chronicle",
    "Review",
    "Magazine",
    "Weekly",
    "Bloc",
    "Caucus",
    "Ltd",
    "PLC",
    "plc",
    "LLC",
    "AG",
    "SA",
    "GmbH",
    "NV",
    "Partners",
    "Capital",
    "Limited",
    "Plc",
    "Cos",
    "Cos.",
    "Bancorp",
    "Bancshares",
    "Banks",
    "Securities",
    "Investments",
    "Investors",
    "Enterprises",
    "Brothers",
    "Bros",
    "Bros.",
    "Associates",
    "Laboratories",
    "Pharmaceuticals",
    "Communications",
    "Electronics",
    "Railways",
    "Chemicals",
    "Insurance",
    "Telecom",
    "Financial",
    "Cooperative",
    "Consortium",
    "Directorate",
    "Committees",
    "Councils",
    "Unions",
    "Courant",
    "Inquirer",
    "Examiner",
    "Courier",
    "Telekom",
    "Telecommunications",
];

/// Legal forms that end a company name: a run is cut after one of them before `and` / `&`
/// ("Quillon Pumps Inc and Verrick Corp"), and "X 's ... Inc" is one name.
const LEGAL_SUFFIXES: &[&str] = &[
    "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "PLC", "plc", "Plc", "LLC", "AG",
    "SA", "GmbH", "NV", "Limited", "Cos", "Cos.",
];

/// Words that begin an organisation's name before a place ("Air France", "Radio Moscow").
const ORG_BEFORE_PLACE: &[&str] = &["Air", "Radio", "Bank", "Banco", "Banca", "Banque"];

/// Whether `word` begins an organisation's name before a place ("Air France", "FC Basel").
fn opens_before_place(word: &str) -> bool {
    ORG_BEFORE_PLACE.contains(&word) || super::orgs::opens_club(word)
}

/// Capitalised words that never belong to a personal name: they head events, places,
/// buildings and institutions ("Hurricane Katrina", "Fort Benning", "Royal Ulster
/// Constabulary", "Howard Government"). A run with one is no person by the weak cues (given
/// name, name shape, reporting verb, apposition). Words that are also surnames (Park, Temple,
/// Church, Lake) are left out.
const NOT_IN_PERSON_NAMES: &[&str] = &[
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Tropical",
    "Operation",
    "Cape",
    "Fort",
    "Mount",
    "Mt.",
    "Port",
    "Cathedral",
    "Mosque",
    "Palace",
    "Airport",
    "Stadium",
    "Jewish",
    "Muslim",
    "Islamic",
    "Catholic",
    "Royal",
    "Parti",
    "Partido",
    "Partito",
    "Festival",
    "Olympics",
    "Games",
    "Cup",
    "War",
    "Class",
    "Research",
    "Communication",
    "Communications",
    "Government",
    "Administration",
    "Cabinet",
    "Parliament",
    "Constabulary",
    "Regime",
    "Americas",
];

/// First words of events: a run that starts with one is not an entity of ours.
const EVENT_FIRST: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Tropical", "Operation"];

/// First words of place names: "Cape York", "Fort Benning", "Mount Elgon", "Port Vila".
const PLACE_FIRST: &[&str] = &["Cape", "Fort", "Lake", "Mount", "Mt.", "Port"];

/// First words of organisation names in other languages: "Parti Québécois", "Partido Popular".
const ORG_FIRST: &[&str] = &["Parti", "Partido", "Partito"];

/// Last words that make a run an institution: "the Howard Government", "the Bush
/// Administration", "Royal Ulster Constabulary".
const INSTITUTION_LAST: &[&str] = &[
    "Government",
    "Administration",
    "Cabinet",
    "Parliament",
    "Constabulary",
    "Regime",
];

/// Capitalised words that are stripped from the start of a run ("Last", "New") but that begin
/// an organisation's name when the run ends with an organisation head ("First Union", "State
/// Department", "Agriculture Department"). Function words are never kept.
fn keeps_before_head(word: &str) -> bool {
    is_title(word) && !is_personal_title(word)
        || matches!(
            word,
            "First"
                | "Second"
                | "Third"
                | "New"
                | "National"
                | "Central"
                | "General"
                | "Great"
                | "Old"
                | "West"
                | "East"
                | "North"
                | "South"
                | "Western"
                | "Eastern"
                | "Northern"
                | "Southern"
                | "Government"
                | "Army"
                | "Police"
                | "State"
                | "Internet"
                | "Television"
                | "Radio"
        )
}

/// Titles that only ever come before a person's name.
fn is_personal_title(word: &str) -> bool {
    matches!(
        word,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr."
            | "Dr"
            | "Prof."
            | "Sir"
            | "Dame"
            | "Lady"
            | "Lord"
            | "Sen."
            | "Rep."
            | "Gov."
            | "Gen."
            | "Lt."
            | "Col."
            | "Maj."
            | "Capt."
            | "Adm."
            | "Sgt."
            | "Rev."
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Sheikh"
            | "President"
            | "Chancellor"
            | "Premier"
            | "Senator"
            | "Congressman"
            | "Congresswoman"
            | "Assemblyman"
            | "Assemblywoman"
            | "Councilman"
            | "Councilwoman"
            | "Councillor"
            | "Alderman"
            | "Governor"
            | "Mayor"
            | "Ambassador"
            | "Judge"
            | "Chairman"
            | "Chairwoman"
            | "Spokesman"
            | "Spokeswoman"
            | "Ayatollah"
            | "Emir"
            | "Mullah"
            | "Imam"
            | "Rabbi"
            | "Sultan"
    )
}

/// First words that, followed by `of`, make a run an organisation ("Ministry of Defence").
const ORG_OF_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "University",
    "Bank",
    "Office",
    "Court",
    "Council",
    "House",
    "Commission",
    "Committee",
    "Association",
    "Federation",
    "Union",
    "Organisation",
    "Organization",
    "Institute",
    "Academy",
    "Chamber",
    "Board",
    "Bureau",
    "Party",
    "Church",
    "League",
    "Secretariat",
    "Agency",
    "Assembly",
    "Parliament",
    "Congress",
    "Embassy",
];

const CONNECTORS: &[&str] = &[
    "of", "de", "del", "della", "da", "dos", "das", "du", "des", "la", "le", "al", "el", "bin",
    "ibn", "van", "von", "der", "den", "ter", "for", "and", "y", "-", "&",
];

/// Last words that make a run a place.
const PLACE_SUFFIXES: &[&str] = &[
    "Platz",
    "Plaza",
    "Square",
    "Province",
    "Region",
    "District",
    "County",
    "Oblast",
    "Governorate",
    "Prefecture",
    "Island",
    "Islands",
    "Valley",
    "Peninsula",
    "Strait",
    "Straits",
    "Sea",
    "Ocean",
    "River",
    "Mountains",
    "Desert",
    "Canton",
    "Municipality",
    "Township",
    "Constituency",
    "Village",
    "Villages",
    // Natural features and parishes ("Hancock Pond", "Deccan Plateau"): such a run, with no
    // given name first, is a place and not a person by the shape of its words.
    "Plateau",
    "Creek",
    "Brook",
    "Pond",
    "Lake",
    "Bay",
    "Gulf",
    "Lagoon",
    "Canyon",
    "Glacier",
    "Hills",
    "Heights",
    "Highlands",
    "Falls",
    "Springs",
    "Junction",
    "Parish",
];

/// Compass words that open a region's name ("Western Australian", "Northern Irish").
const REGION_COMPASS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower",
];

/// Compass words that end constituency and district names.
const PLACE_DIRECTIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Whether `word` (after "the"/"a") opens a role phrase: "finance minister", "spokesman".
fn is_role_phrase_start(word: &str, next: Option<&str>) -> bool {
    if is_role_word(word) {
        return true;
    }
    next.is_some_and(is_role_word)
}

/// Lower-case English words (from the EWT treebank): a capitalised word that is one of these
/// is not evidence of a personal name.
fn common_words() -> &'static WordSet {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../gazetteer/cues/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    })
}

/// Whether `word`, in lower case, is a common English word.
pub(super) fn is_common_word(word: &str) -> bool {
    common_words().contains_lowercased(word)
}

/// Whether `word`, in lower case, is a role word.
pub(super) fn is_role_word(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| ROLE_WORDS.iter().copied().collect())
        .contains_lowercased(word)
}

/// Nouns for who speaks for someone ("a spokesperson for ...").
const SPOKES_NOUNS: &[&str] = &["spokesman", "spokeswoman", "spokesperson", "spokespeople"];

/// Whether the run `words[start..end]`, before an "and", is a titled person's name: a title
/// (in the run or right before it) followed by name words only, no organisation head, no
/// connector ("Ms. Quist and Mr. Dale", "Sir Tom and Sir Ian Barr", "President Ana Ruiz and
/// Prime Minister ..."): the "and" joins two people, never one name.
fn titled_before_and(words: &[&str], start: usize, end: usize, gazetteer: &Gazetteer) -> bool {
    let Some(run) = words.get(start..end) else {
        return false;
    };
    let last_title = run.iter().rposition(|w| is_title(w));
    let name_words = match last_title {
        Some(t) => run.get(t + 1..).unwrap_or_default(),
        None if start > 0 && is_title(words[start - 1]) => run,
        None => return false,
    };
    // Name words, not the words of an office ("Foreign Affairs", "State Treasurer").
    let name_word = |w: &str| {
        is_capitalised(w)
            && !is_org_head(w)
            && !is_connector(w)
            && !is_stop(w)
            && !is_role_word(w)
            && !w.strip_suffix('s').is_some_and(is_title)
            && (!is_common_word(w) || gazetteer.is_given_name(w))
    };
    !name_words.is_empty() && name_words.iter().all(|w| name_word(w))
}

/// Whether the words after a title end with a title of their own after a word that is no
/// given name: the rest of an office's name ("Foreign Affairs Minister": "Affairs Minister"),
/// not a person's ("Julie Bishop").
fn ends_with_office(parts: &[&str], gazetteer: &Gazetteer) -> bool {
    match parts {
        [.., before, last] => is_title(last) && !gazetteer.is_given_name(before),
        _ => false,
    }
}

/// Lower-case words a person's name holds: particles of family names ("van", "de", "bin",
/// "dos", "y"); "al-"/"el-" are written onto the next word.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "ter", "ten", "bin", "bint", "ibn", "ben", "da", "di", "du",
    "dos", "das", "des", "del", "della", "la", "le", "al", "el", "y", "e", "i", "zu", "und", "af",
    "ap", "ould", "binti", "d", "l",
];

/// Titles of peers, whose name holds "of" ("Baroness Hale of Richmond").
const PEERAGE_TITLES: &[&str] = &[
    "Lord",
    "Lady",
    "Baron",
    "Baroness",
    "Viscount",
    "Viscountess",
    "Earl",
    "Countess",
    "Duke",
    "Duchess",
    "Marquess",
    "Marchioness",
];

/// Whether the words of a name hold a lower-case word no person's name holds ("and", "for",
/// "of", "Xtra and the"): a full name holds no lower-case word but the particles of family
/// names, and "of" only after a peer's title (`after_title`, the word before the name, or
/// one of the name's own words: "Baroness Hale of Richmond").
pub(super) fn holds_non_name_word<'a>(
    parts: impl IntoIterator<Item = &'a str>,
    after_title: &str,
) -> bool {
    let mut peer = PEERAGE_TITLES.contains(&after_title);
    parts.into_iter().any(|w| {
        peer |= PEERAGE_TITLES.contains(&w);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let joined = w
            .split_once(['-', '\'', '’'])
            .is_some_and(|(head, rest)| NAME_PARTICLES.contains(&head) && !rest.is_empty());
        let non_name = lower && !joined && !NAME_PARTICLES.contains(&w);
        w == "&" || (non_name && !(w == "of" && peer))
    })
}

/// Words of the names of media, companies, events, documents and programmes that no
/// person's name holds ("Harbour Times", "Vell Radio", "the Kelso Act", "Ana Ruiz Show").
/// Words that are also family names ("Day", "Post", "Bill", "Hall") are not here.
const NEVER_IN_PERSON_NAMES: &[&str] = &[
    "Xtra",
    "Times",
    "News",
    "Newspaper",
    "Radio",
    "TV",
    "Television",
    "Channel",
    "Network",
    "Media",
    "Press",
    "Journal",
    "Gazette",
    "Tribune",
    "Magazine",
    "Online",
    "Daily",
    "Weekly",
    "Group",
    "Music",
    "Records",
    "Studios",
    "Entertainment",
    "Productions",
    "Pictures",
    "Holdings",
    "Technologies",
    "Software",
    "Systems",
    "Airlines",
    "Airways",
    "Forum",
    "Initiative",
    "Program",
    "Programme",
    "Project",
    "Act",
    "Show",
    "Award",
    "Awards",
    "Prize",
    "Pact",
    "Treaty",
    "Accord",
    "Convention",
    "Summit",
    "Foundation",
    "Fund",
    "National",
    "International",
    "Federal",
    "Ministry",
    "Department",
    "Agency",
    "Council",
    "Committee",
    "Allowance",
    "Scheme",
];

/// Whether a word of the name proper is one of [`NEVER_IN_PERSON_NAMES`]: the words after
/// the last title when a title comes before a name ("Press Secretary Ana Ruiz" is a person),
/// else all.
pub(super) fn holds_company_word(parts: &[&str]) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| NEVER_IN_PERSON_NAMES.iter().copied().collect());
    let proper = match parts.iter().rposition(|w| is_title(w)) {
        Some(t) if t + 1 < parts.len() => parts.get(t + 1..).unwrap_or_default(),
        _ => parts,
    };
    proper.iter().any(|w| set.contains(w))
}

/// Where a title inside the run `words[start..end]` opens a person's name: a title (after a
/// word of a name, not a title or function word) whose titles are followed by a given name and
/// one more word of a name or an initial ("... Leader Dr Ana Ruiz", "... CEOs Ana L. Ruiz").
fn title_inside_run(
    words: &[&str],
    start: usize,
    end: usize,
    gazetteer: &Gazetteer,
) -> Option<usize> {
    let plain = |w: &str| !is_stop(w) && !is_title(w) && !is_connector(w);
    let initial = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
    };
    let first_plain = (start..end).find(|&k| plain(words[k]))?;
    // A title before the first word of a name ("Former Flemish Minister ..."): the words
    // between are the title's, not a name of their own.
    if first_plain > start && words[start..first_plain].iter().any(|w| is_title(w)) {
        return None;
    }
    (first_plain + 1..end).find(|&j| {
        if !is_title(words[j]) || is_title(words[j - 1]) {
            return false;
        }
        let mut t = j;
        while t < end && is_title(words[t]) {
            t += 1;
        }
        let (Some(given), Some(next)) = (words.get(t), words.get(t + 1)) else {
            return false;
        };
        let listed = gazetteer.is_given_name(given)
            && (name_shaped(next) || initial(next) || gazetteer.is_given_name(next));
        // "Environment Minister Stéphane Dion", "Majority Leader Bill Frist": after a title,
        // a given name no list holds (or one that is also an English word) before a surname
        // that is no English word, the two ending the run ("Republican Whip Eric Cantor" is
        // no "Whip Eric").
        let unlisted = t + 2 == end
            && (name_shaped(given) || is_word_given_name(given))
            && surname_shaped(next);
        t + 1 < end && !is_title(given) && (listed || unlisted)
    })
}

/// A given name the census lists that the tagger's list of given names leaves out, mostly for
/// being an English word too ("Bill", "Guy", "June", "Tom"); at least three letters ("Al" opens
/// Arabic family names).
pub(super) fn is_word_given_name(word: &str) -> bool {
    is_capitalised(word)
        && word.chars().count() >= 3
        && word.chars().skip(1).all(char::is_lowercase)
        && crate::gazetteer::given::is_listed_given_name(word)
        && !is_title(word)
        && !is_stop(word)
}

/// A word shaped like a family name: [`name_shaped`], or a prefix and a capital
/// ("McDonnell", "DeLay", "MacKay", "O'Connor", "LaHood"), never an English word as written.
pub(super) fn surname_shaped(word: &str) -> bool {
    name_shaped(word) || is_camel_surname(word)
}

/// "McDonnell", "DeLay", "O'Connor": a surname prefix, a capital, then lower case.
pub(super) fn is_camel_surname(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc",
        "Mac",
        "De",
        "Di",
        "Da",
        "Du",
        "La",
        "Le",
        "O'",
        "O\u{2019}",
    ];
    PREFIXES.iter().any(|p| {
        word.strip_prefix(p).is_some_and(|rest| {
            let mut cs = rest.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().count() >= 2
                && cs.all(char::is_lowercase)
        })
    })
}

/// A word shaped like part of a personal name: capitalised, then lower case, not an English
/// word, not a title or organisation word.
pub(crate) fn name_shaped(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && chars.clone().nth(1).is_some()
        && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-')
        && !is_common_word(word)
        && !is_stop(word)
        && !is_title(word)
        && !is_org_head(word)
        && !is_place_suffix(word)
}

/// Ends like an English adjective or abstract noun ("Administrative", "Advisory", "Civic",
/// "Commerce"): words that make an institution's name without saying whose it is.
fn generic_suffix(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ive", "al", "ary", "ory", "ic", "ment", "tion", "sion", "ence", "ance", "ity", "rce",
        "ure",
    ];
    word.len() > 4
        && word.chars().skip(1).all(char::is_lowercase)
        && lower_is(word, |w| SUFFIXES.iter().any(|s| w.ends_with(s)))
}

/// Capital letters that are not a common abbreviation.
fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n)
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !is_plain_abbreviation(word)
}

/// Whether `word` is a capitalised abbreviation that names no organisation ("CEO", "GDP").
pub(super) fn is_plain_abbreviation(word: &str) -> bool {
    NOT_ORGANISATIONS.contains(&word) || is_common_acronym(word)
}

/// Whether `word` is capitals that name a thing, a time zone or a currency ("CPU", "AEST").
pub(super) fn is_common_acronym(word: &str) -> bool {
    COMMON_ACRONYMS.contains(&word)
}

/// Acronyms that are not organisations.
const NOT_ORGANISATIONS: &[&str] = &[
    "CEO", "CFO", "COO", "GDP", "GNP", "TV", "AIDS", "HIV", "SARS", "DNA", "PM", "AM", "BC", "AD",
    "OK", "USD", "EUR", "GBP", "GMT", "UTC", "CET", "EST", "PST", "EDT", "MP", "MPS", "MEP", "SUV",
    "ID", "IT", "PC", "UFO", "FAQ", "PDF", "CD", "DVD", "VIP", "WMD", "RPG", "IED", "AK", "CPI",
    "IPO", "NGO", "VAT", "QC", "US", "USA", "UK", "EU", "UN", "II", "III", "IV", "VI", "VII",
    "VIII", "IX", "XI", "XII", "MW", "KM", "KG", "MB", "GB", "TB", "CIF", "FOB", "OPEC", "MPH",
    "RPM", "LNG", "LPG", "AGM", "ETA", "ASAP", "LOL", "I", "A", "THE", "AND", "FOR",
];

/// Capitals that are a common noun, a time zone or a currency, never an organisation that
/// no list holds, whatever its context ("the CPU", "a GPS unit").
const COMMON_ACRONYMS: &[&str] = &[
    "CPU", "GPU", "GPS", "RAM", "ROM", "USB", "LCD", "LED", "HTML", "URL", "DSL", "CDMA", "GSM",
    "LTE", "VPN", "OEM", "ATM", "PIN", "SIM", "SMS", "MRI", "UAV", "BBQ", "HQ", "IQ", "ISBN",
    "MSRP", "AWOL", "MOU", "WWI", "WWII", "GST", "AEDT", "AEST", "BST", "CEST", "EEST", "EET",
    "PDT", "CDT", "MDT", "AUD", "CAD", "CZK", "DKK", "ISK", "NOK", "SEK", "CHF", "JPY", "NZD",
];

/// Fast membership tests for the word lists above (they are consulted for every capitalised
/// run of every article): a set of words with a filter on their lengths and first bytes in
/// front of the hash look-up, since most words of a text are in none of the short lists and
/// the filter passes over them without hashing them.
pub(super) struct WordSet {
    words: HashSet<&'static str, std::hash::BuildHasherDefault<crate::hash::WordHasher>>,
    /// Bit `n` (at most 63): some word has `n` bytes (63 or more).
    lengths: u64,
    /// Bit `b`: some word starts with byte `b`.
    first_bytes: [u64; 4],
}

impl WordSet {
    pub(super) fn contains(&self, word: &str) -> bool {
        self.may_hold(word.len(), word.as_bytes().first().copied()) && self.words.contains(word)
    }

    /// Whether some word of the set has `len` bytes and starts with the byte `first` (`None`:
    /// the empty word).
    fn may_hold(&self, len: usize, first: Option<u8>) -> bool {
        let length_bit = 1u64 << len.min(63);
        if self.lengths & length_bit == 0 {
            return false;
        }
        let Some(first) = first else {
            return true;
        };
        let slot = self.first_bytes.get(usize::from(first >> 6)).copied();
        slot.unwrap_or(0) & (1u64 << (first & 63)) != 0
    }

    /// Whether `word`, lower-cased, is in the set (`crate::text::lower_is`: no allocation
    /// for an ASCII word). An ASCII word keeps its length lower-cased, and its first byte
    /// lower-cased starts the lower-cased word, so the filter passes over most words before
    /// any copy.
    pub(super) fn contains_lowercased(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.is_ascii()
            && !self.may_hold(bytes.len(), bytes.first().map(u8::to_ascii_lowercase))
        {
            return false;
        }
        lower_is(word, |w| self.contains(w))
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut res = WordSet {
            words: HashSet::default(),
            lengths: 0,
            first_bytes: [0; 4],
        };
        for word in iter {
            res.lengths |= 1u64 << word.len().min(63);
            if let Some(&first) = word.as_bytes().first() {
                if let Some(slot) = res.first_bytes.get_mut(usize::from(first >> 6)) {
                    *slot |= 1u64 << (first & 63);
                }
            }
            res.words.insert(word);
        }
        res
    }
}

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        pub(super) fn $name(word: &str) -> bool {
            static SET: OnceLock<WordSet> = OnceLock::new();
            SET.get_or_init(|| $list.iter().copied().collect())
                .contains(word)
        }
    };
}

word_set!(is_stop, STOP);
word_set!(is_title, TITLES);
word_set!(is_connector, CONNECTORS);
word_set!(is_listed_org_head, ORG_HEADS);

/// Whether `word` ends an organisation's name (this list or `orgs.rs`'s).
pub(super) fn is_org_head(word: &str) -> bool {
    is_listed_org_head(word) || super::orgs::is_extra_head(word)
}
word_set!(is_org_of_head, ORG_OF_HEADS);
word_set!(is_place_suffix, PLACE_SUFFIXES);
word_set!(is_legal_suffix, LEGAL_SUFFIXES);

/// Whether `word` is a function word, title or connector: never part of a team's name.
pub(super) fn is_function_word(word: &str) -> bool {
    (is_stop(word) && !PLACE_DIRECTIONS.contains(&word)) || is_title(word) || is_connector(word)
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn clean_name(parts: &[&str]) -> String {
    let mut res = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 && *part != "-" && !res.ends_with('-') {
            res.push(' ');
        }
        res.push_str(part);
    }
    res
}

/// Whether the entity `id` is a country (an ISO 3166 alpha-2 code).
fn is_country(gazetteer: &Gazetteer, id: &str) -> bool {
    gazetteer.get(id).is_some_and(super::is_nation)
}

/// Adds a mention of `span` named by its text with its whitespace made single spaces.
fn push_mention(
    res: &mut Vec<Mention>,
    text: &str,
    span: Span,
    sentence: usize,
    kind: EntityKind,
    rule: Rule,
) {
    let name = span
        .of(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let prefix = match kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "org",
    };
    res.push(Mention {
        span,
        sentence,
        text: span.of(text).to_string(),
        entity: format!("{prefix}:{}", slug(&name)),
        name,
        kind,
        rule,
        confidence: round2(rule.confidence()),
        alternatives: Vec::new(),
    });
}

/// Finds mentions from cues in `text`, given the gazetteer `found` so far.
/// The one organisation named before `before` whose name is `short` with an "of" phrase
/// after it ("Reserve Bank" after "Reserve Bank of Kelsovia", "Supreme Court" after "Supreme
/// Court of Vellmar"): its id and name, for a generic name that is its short form. Two such
/// organisations leave it undecided.
fn named_in_full(
    found: &[Mention],
    res: &[Mention],
    short: &str,
    before: usize,
) -> Option<(String, String)> {
    let prefix = format!("{short} of ");
    let mut hits = found.iter().chain(res).filter(|m| {
        m.kind == EntityKind::Organisation && m.span.start < before && m.name.starts_with(&prefix)
    });
    let first = hits.next()?;
    hits.all(|m| m.entity == first.entity)
        .then(|| (first.entity.clone(), first.name.clone()))
}

pub(super) fn find(
    text: &str,
    sentences: &[Sentence],
    found: &[Mention],
    gazetteer: &Gazetteer,
) -> (Vec<Mention>, Vec<Span>) {
    let mut res: Vec<Mention> = Vec::new();
    // The country the article is mostly about, from its gazetteer mentions: a generic
    // institution found by the cues ("the Supreme Court", "the Foreign Ministry") is that
    // country's, not one entity shared by every country's articles.
    let mut countries: BTreeMap<&str, usize> = BTreeMap::new();
    for m in found {
        if let Some(c) = gazetteer.get(&m.entity).and_then(|e| e.country.as_deref()) {
            *countries.entry(c).or_default() += 1;
        }
    }
    let dominant: Option<&str> = countries
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(c, _)| *c);
    // Gazetteer places that became part of an organisation's name ("Bank of Greece").
    let mut absorbed = SpanList::default();
    let places = Places::new(found);
    let mut covered: Vec<Span> = found.iter().map(|m| m.span).collect();
    covered.sort();
    let is_covered = |span: Span, covered: &[Span]| -> bool {
        // Spans are sorted and non-overlapping: binary search the last start <= span.start.
        let idx = covered.partition_point(|c| c.start <= span.start);
        (idx > 0 && covered[idx - 1].overlaps(span))
            || covered.get(idx).is_some_and(|c| c.overlaps(span))
    };
    for (sent_idx, sentence) in sentences.iter().enumerate() {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.span.of(text)).collect();
        let n = words.len();
        // A headline in capitals: acronyms there are just words.
        // Computed only when an acronym needs it, once per sentence.
        let shouting_once = OnceCell::new();
        let shouting = || {
            *shouting_once.get_or_init(|| {
                let n_alpha = words
                    .iter()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count();
                let n_caps = words
                    .iter()
                    .filter(|w| {
                        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
                    })
                    .count();
                n_alpha > 0 && n_caps * 2 > n_alpha
            })
        };
        let mut i = 0;
        while i < n {
            let w = words[i];
            if !is_capitalised(w) || is_covered(sentence.tokens[i].span, &covered) {
                i += 1;
                continue;
            }
            // Grow the run.
            let start = i;
            let mut end = i + 1;
            while end < n {
                let next = words[end];
                let span = sentence.tokens[end].span;
                if is_covered(span, &covered) {
                    break;
                }
                if is_capitalised(next) {
                    end += 1;
                    continue;
                }
                // A connector joins only when a capitalised word follows, and a hyphen only
                // when it touches both neighbours.
                let joins = is_connector(next)
                    && end + 1 < n
                    && is_capitalised(words[end + 1])
                    && !is_covered(sentence.tokens[end + 1].span, &covered)
                    && (next != "-"
                        || (sentence.tokens[end - 1].span.end == span.start
                            && span.end == sentence.tokens[end + 1].span.start));
                // "Quillon Pumps Inc and Verrick Corp" are two companies; "Ruth Delaney of
                // Westbrook Bank" is a person of an organisation.
                let splits = match next {
                    // Two people: "Martin Sheen and Susan Sarandon".
                    "and" | "&" => {
                        is_legal_suffix(words[end - 1])
                            || titled_before_and(&words, start, end, gazetteer)
                            || super::orgs::two_people(&words, start, end, gazetteer)
                            || (words
                                .get(end + 1)
                                .is_some_and(|w| gazetteer.is_given_name(w))
                                && words[start..end]
                                    .iter()
                                    .find(|w| !is_stop(w) && !is_title(w))
                                    .is_some_and(|f| gazetteer.is_given_name(f))
                                // "Paul and Rosa": two given names alone are two people too.
                                && (words.get(end + 2).is_some_and(|w| is_capitalised(w))
                                    || end - start == 1))
                    }
                    "of" => {
                        let first = words[start..end]
                            .iter()
                            .find(|w| !is_stop(w) && !is_title(w) && !is_connector(w));
                        first.is_some_and(|f| gazetteer.is_given_name(f) && !is_org_of_head(f))
                    }
                    _ => false,
                };
                if joins && !splits {
                    end += 2;
                    continue;
                }
                break;
            }
            // "Harbour Bank Chief Executive Dr Ana Ruiz": a title inside a run opens a
            // person's name of its own; the words before it are a run of their own.
            if let Some(cut) = title_inside_run(&words, start, end, gazetteer) {
                // Words of the title's own ("Financial Secretary ...") are no name: the run
                // starts again at the title.
                let plain_words = words[start..cut]
                    .iter()
                    .all(|w| is_stop(w) || is_connector(w) || is_common_word(w));
                if plain_words {
                    i = cut;
                    continue;
                }
                end = cut;
            }
            i = end;
            // Strip leading function words and titles, noting titles; but a run that ends with
            // an organisation head keeps the words that begin such names ("State Department").
            let mut s = start;
            let mut titled = start > 0 && is_role_word(words[start - 1]);
            if start > 0 && is_title(words[start - 1]) {
                titled = true;
            }
            let ends_with_head = words
                .get(start..end)
                .and_then(|run| run.iter().rev().find(|w| !is_connector(w)))
                .is_some_and(|w| is_org_head(w));
            while s < end
                && (is_stop(words[s])
                    || is_title(words[s])
                    || is_connector(words[s])
                    || words[s].ends_with("-based"))
                && !(is_org_of_head(words[s]) && words.get(s + 1) == Some(&"of"))
                && !(ends_with_head && s + 1 < end && keeps_before_head(words[s]))
                && !(s + 1 == end && opens_before_place(words[s]))
            {
                if is_title(words[s]) {
                    titled = true;
                }
                s += 1;
            }
            // "the Special Olympics", "Air Force": a word that only opens a title ("Special
            // Envoy", "Air Marshal") right before the name makes no person.
            if s > start && TITLE_OPENERS.contains(&words[s - 1]) {
                titled = false;
            }
            // Possessive end: "Driscoll 's" is not part of the run anyway (lowercase clitic).
            let mut e = end;
            while e > s && is_connector(words[e - 1]) {
                e -= 1;
            }
            if s >= e {
                continue;
            }
            let parts: &[&str] = words.get(s..e).unwrap_or_default();
            // Reject runs of all-caps words longer than 4 letters (headlines shouting).
            if parts
                .iter()
                .all(|p| p.len() > 4 && p.chars().all(|c| !c.is_lowercase()))
            {
                continue;
            }
            let name = clean_name(parts);
            let n_words = parts
                .iter()
                .filter(|p| **p != "-" && !is_connector(p))
                .count();
            let last = parts.last().copied().unwrap_or("");
            let first = parts.first().copied().unwrap_or("");
            let has_of_head = parts.len() >= 3
                && parts
                    .windows(2)
                    .any(|p| is_org_of_head(p[0]) && p[1] == "of" && !is_title(p[0]));
            let next_word = words.get(e).copied().unwrap_or("");
            let prev_word = if s > 0 { words[s - 1] } else { "" };
            let person_ok = !parts
                .iter()
                .any(|p| NOT_IN_PERSON_NAMES.contains(p) || super::orgs::blocks_person(p));
            // "Ms. Quist and Mr. Dale", "Operating Officer for Harbour": no one's name.
            let name_words_ok = !holds_non_name_word(parts.iter().copied(), prev_word)
                && !holds_company_word(parts);
            let person_ok = person_ok && name_words_ok;
            let after_next = words.get(e + 1).copied().unwrap_or("");
            // "Dunmore Rovers 2 Kelso Athletic 0": a name followed by a score in a short line of
            // results is a team.
            let score_line = n <= 14
                && next_word.chars().all(|c| c.is_ascii_digit())
                && !next_word.is_empty()
                && n_words <= 3
                && parts
                    .iter()
                    .any(|p| p.chars().any(char::is_alphabetic) && !is_common_word(p));
            // "K. Oduya", "J. D. Vance": initials before a name.
            let initials = n_words >= 2
                && parts[..parts.len() - 1].iter().all(|p| {
                    let mut cs = p.chars();
                    matches!(
                        (cs.next(), cs.next(), cs.next()),
                        (Some(a), Some('.'), None) if a.is_uppercase()
                    )
                })
                && name_shaped(last);
            // "Lindqvist ( Norway ) 71": a name before a bracketed country in results.
            let bracketed = n_words <= 3
                && next_word == "("
                && parts.iter().all(|p| name_shaped(p))
                && sentence
                    .tokens
                    .get(e + 1)
                    .is_some_and(|t| places.starting_at(t.span.start, |_| true).is_some());
            // A place right before an organisation head ("Athens Stock Exchange", "Leeds
            // United") or right after "X of" ("Bank of Greece") is part of its name.
            let place_ending_before = s
                .checked_sub(1)
                .and_then(|p| sentence.tokens.get(p))
                .and_then(|t| {
                    places.ending_at(t.span.end, |m| {
                        (m.rule != Rule::Demonym || super::orgs::demonym_joins(parts))
                            && !absorbed.contains(&m.span)
                    })
                });
            let place_after_of = (words.get(e) == Some(&"of"))
                .then(|| sentence.tokens.get(e + 1))
                .flatten()
                .and_then(|t| {
                    places.starting_at(t.span.start, |m| {
                        m.rule != Rule::Demonym && !absorbed.contains(&m.span)
                    })
                });
            // A place right after the run: "Air France" is an airline, "Henrik Molde" a
            // person whose family name is also a town.
            let place_next = sentence.tokens.get(e).and_then(|t| {
                places.starting_at(t.span.start, |m| {
                    m.rule != Rule::Demonym && !absorbed.contains(&m.span)
                })
            });
            let org_before_place = place_next
                .filter(|_| parts.len() == 1 && opens_before_place(first))
                .filter(|_| sentence.tokens[e - 1].span.end < sentence.tokens[e].span.start);
            let person_before_place = place_next.filter(|place| {
                (1..=2).contains(&parts.len())
                    && gazetteer.is_given_name(first)
                    && !is_title(first)
                    && parts.iter().all(|p| is_capitalised(p) && p.len() > 1)
                    && sentence.tokens.get(e).is_some_and(|t| t.span == place.span)
                    && !is_country(gazetteer, &place.entity)
            });
            let mut span = Span::new(
                sentence.tokens[s].span.start,
                sentence.tokens[e - 1].span.end,
            );
            let mut absorbs = None;
            if let Some(place) = org_before_place.or(person_before_place) {
                span = Span::new(span.start, place.span.end);
                absorbed.push(place.span);
                let kind = if org_before_place.is_some() {
                    EntityKind::Organisation
                } else {
                    EntityKind::Person
                };
                let rule = if org_before_place.is_some() {
                    Rule::OrganisationHead
                } else {
                    Rule::GivenName
                };
                push_mention(&mut res, text, span, sent_idx, kind, rule);
                continue;
            }
            match (place_ending_before, place_after_of) {
                (Some(place), _) if is_org_head(last) || has_of_head => {
                    span = Span::new(place.span.start, span.end);
                    absorbs = Some(place.span);
                    // "the Western Australian Chamber": a compass word before the place is
                    // part of the region's name, so of the organisation's.
                    let compass = s
                        .checked_sub(2)
                        .and_then(|c| sentence.tokens.get(c))
                        .filter(|c| text.get(c.span.end..place.span.start) == Some(" "))
                        .filter(|c| REGION_COMPASS.contains(&c.span.of(text)))
                        .filter(|c| !is_covered(c.span, &covered));
                    if let Some(c) = compass {
                        span = Span::new(c.span.start, span.end);
                    }
                }
                (_, Some(place)) if is_org_of_head(last) => {
                    span = Span::new(span.start, place.span.end);
                    absorbs = Some(place.span);
                }
                _ => {}
            }
            let (kind, rule) = if let Some(place_span) = absorbs {
                absorbed.push(place_span);
                (EntityKind::Organisation, Rule::OrganisationHead)
            } else if initials || bracketed {
                (EntityKind::Person, Rule::NameShape)
            } else if score_line {
                (EntityKind::Organisation, Rule::SportsTeam)
            } else if EVENT_FIRST.contains(&first) {
                continue;
            } else if n_words >= 2
                && (ORG_FIRST.contains(&first)
                    || super::orgs::opens_club(first)
                    || INSTITUTION_LAST.contains(&last))
            {
                (EntityKind::Organisation, Rule::OrganisationHead)
            } else if (2..=3).contains(&n_words)
                && PLACE_FIRST.contains(&first)
                && !is_org_head(last)
            {
                (EntityKind::Place, Rule::PlaceCue)
            } else if is_org_head(last) && n_words >= 2 || has_of_head {
                (EntityKind::Organisation, Rule::OrganisationHead)
            } else if titled
                && n_words <= 4
                && !is_org_head(last)
                && name_words_ok
                && !ends_with_office(parts, gazetteer)
            {
                (EntityKind::Person, Rule::TitleCue)
            } else if (2..=4).contains(&n_words) && gazetteer.is_given_name(first) && person_ok {
                (EntityKind::Person, Rule::GivenName)
            } else if n_words == 2
                && parts.len() == 2
                && is_word_given_name(first)
                && surname_shaped(last)
                && person_ok
            {
                // "Bill Frist", "Guy Philippe": a given name that is also an English word,
                // before a surname that is none.
                (EntityKind::Person, Rule::GivenName)
            } else if (2..=3).contains(&n_words)
                && prev_word == "for"
                && s >= 2
                && SPOKES_NOUNS.contains(&words[s - 2])
                && !parts.iter().any(|p| is_title(p) || is_role_word(p))
            {
                // "a spokesperson for Harbour Tobacco": a name no given name or title made a
                // person, spoken for, is an organisation.
                (EntityKind::Organisation, Rule::OrganisationContext)
            } else if (2..=3).contains(&n_words)
                && follows_speaker(next_word)
                && person_ok
                // "a lawyer at Harbour Tobacco said": the speaker is not the name.
                && !matches!(prev_word, "for" | "at" | "of")
                && parts
                    .iter()
                    .all(|p| name_shaped(p) || gazetteer.is_given_name(p) || *p == "-")
            {
                (EntityKind::Person, Rule::ReportingVerb)
            } else if (2..=3).contains(&n_words)
                && person_ok
                && ((prev_word == "," && next_word == "," && matches!(after_next, "who" | "whose"))
                    || (next_word == ","
                        && matches!(after_next, "the" | "a" | "an")
                        && words
                            .get(e + 2)
                            .is_some_and(|w| is_role_phrase_start(w, words.get(e + 3).copied()))))
            {
                // ", Rustem Umerov, who", "Ján Počiatek, the finance minister of Slovakia".
                (EntityKind::Person, Rule::Apposition)
            } else if (2..=4).contains(&n_words)
                && !parts.iter().any(|p| is_title(p) || is_role_word(p))
                && (is_place_suffix(last)
                    || (matches!(prev_word, "in" | "from" | "near")
                        && PLACE_DIRECTIONS.contains(&last)))
            {
                // "Harare Province", "Muzarabani South".
                (EntityKind::Place, Rule::PlaceCue)
            } else if (2..=3).contains(&n_words)
                && s > 0
                && person_ok
                && parts.iter().all(|p| name_shaped(p))
            {
                // "Rustem Umerov": capitalised words that are not English words, inside a
                // sentence, with nothing that makes them a place or an organisation.
                (EntityKind::Person, Rule::NameShape)
            } else if n_words == 1 && s > 0 && is_acronym(first) && !shouting() {
                // "SADC", "PSV": an unknown acronym in running text.
                (EntityKind::Organisation, Rule::Acronym)
            } else {
                continue;
            };
            // "Carver 's Holdings Inc.": a possessive inside a company's name.
            if rule == Rule::OrganisationHead
                && absorbs.is_none()
                && is_legal_suffix(last)
                && s >= 2
                && words[s - 1] == "'s"
                && is_capitalised(words[s - 2])
                && !is_stop(words[s - 2])
                && !is_covered(sentence.tokens[s - 2].span, &covered)
                && res
                    .last()
                    .is_none_or(|m| m.span.end <= sentence.tokens[s - 2].span.start)
            {
                span = Span::new(sentence.tokens[s - 2].span.start, span.end);
                push_mention(&mut res, text, span, sent_idx, kind, rule);
                continue;
            }
            let prefix = match kind {
                EntityKind::Person => "person",
                EntityKind::Place => "place",
                EntityKind::Organisation => "org",
            };
            let name = if absorbs.is_some() {
                span.of(text)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                name
            };
            // "Supreme Court", "Foreign Ministry", "Election Commission": nothing in the name
            // says whose; the article's country does.
            let generic = kind == EntityKind::Organisation
                && absorbs.is_none()
                && parts.iter().all(|p| {
                    is_common_word(p)
                        || is_org_head(p)
                        || is_stop(p)
                        || is_title(p)
                        || is_connector(p)
                        || *p == "-"
                        || (generic_suffix(p) && !gazetteer.is_given_name(p))
                });
            // "the Reserve Bank" after "the Reserve Bank of Kelsovia": the body named in full.
            if let Some((entity, full)) = generic
                .then(|| named_in_full(found, &res, &name, span.start))
                .flatten()
            {
                res.push(Mention {
                    span,
                    sentence: sent_idx,
                    text: span.of(text).to_string(),
                    entity,
                    name: full,
                    kind,
                    rule: Rule::ShortForm,
                    confidence: round2(Rule::ShortForm.confidence()),
                    alternatives: Vec::new(),
                });
                continue;
            }
            // "Kestrelia's National Assembly": the owner named before it decides.
            let owner = generic
                .then(|| super::context::owner_country(gazetteer, text, found, span.start, false))
                .flatten();
            let entity = match owner.or(dominant.filter(|_| generic)) {
                Some(country) => {
                    format!("{prefix}:{}-{}", slug(&name), country.to_ascii_lowercase())
                }
                None => format!("{prefix}:{}", slug(&name)),
            };
            res.push(Mention {
                span,
                sentence: sent_idx,
                text: span.of(text).to_string(),
                entity,
                name,
                kind,
                rule,
                confidence: round2(rule.confidence()),
                alternatives: Vec::new(),
            });
        }
    }
    // Short forms: a later single word equal to the last word of a person seen earlier.
    let mut persons: Vec<(&str, usize, &Mention)> = Vec::new();
    for m in found.iter().chain(res.iter()) {
        if m.kind == EntityKind::Person {
            let words: Vec<&str> = m.name.split_whitespace().collect();
            if words.len() >= 2 {
                if let Some(last) = words.last() {
                    persons.push((last, m.span.start, m));
                }
                // Family name first ("Wang Junxia" → "Wang"), when the first word is no given
                // name.
                if let Some(first) = words.first() {
                    if !gazetteer.is_given_name(first)
                        && name_shaped(first)
                        && first.chars().count() >= 3
                    {
                        persons.push((first, m.span.start, m));
                    }
                }
            }
        }
    }
    persons.sort_by_key(|p| p.1);
    // The earliest person of each surname (its first entry, as the sort is stable).
    let mut first_person: FastMap<&str, usize> = FastMap::default();
    for (i, p) in persons.iter().enumerate() {
        first_person.entry(p.0).or_insert(i);
    }
    // Cue teams by span, the first of each.
    let mut teams: FastMap<Span, usize> = FastMap::default();
    for (i, m) in res.iter().enumerate() {
        if m.rule == Rule::SportsTeam {
            teams.entry(m.span).or_insert(i);
        }
    }
    let surnames: HashSet<&str, std::hash::BuildHasherDefault<crate::hash::Fnv>> =
        persons.iter().map(|p| p.0).collect();
    covered.extend(res.iter().map(|m| m.span));
    covered.sort();
    let mut short = Vec::new();
    // Spans of cue teams that turned out to be a person's family name.
    let mut dropped = SpanList::default();
    for (sent_idx, sentence) in sentences.iter().enumerate() {
        for token in &sentence.tokens {
            let w = token.span.of(text);
            if !is_capitalised(w) || !surnames.contains(w) {
                continue;
            }
            // A town or a team named like a person of the article is that person ("Henrik
            // Molde ... Molde"), unless it is a country.
            let mut replaces = None;
            if absorbed.contains(&token.span) {
                continue;
            }
            if is_covered(token.span, &covered) {
                let place = places.starting_at(token.span.start, |m| {
                    m.span == token.span
                        && m.rule != Rule::Demonym
                        && !is_country(gazetteer, &m.entity)
                });
                let team = teams.get(&token.span).and_then(|&i| res.get(i));
                match (place, team) {
                    (Some(m), _) => replaces = Some((m.span, true)),
                    (_, Some(m)) => replaces = Some((m.span, false)),
                    _ => continue,
                }
            }
            // The earliest person with this surname before this point.
            let Some((_, _, person)) = first_person
                .get(w)
                .and_then(|&i| persons.get(i))
                .filter(|(_, at, _)| *at < token.span.start)
            else {
                continue;
            };
            match replaces {
                Some((span, true)) => absorbed.push(span),
                Some((span, false)) => dropped.push(span),
                None => {}
            }
            short.push(Mention {
                span: token.span,
                sentence: sent_idx,
                text: w.to_string(),
                entity: person.entity.clone(),
                name: person.name.clone(),
                kind: EntityKind::Person,
                rule: Rule::ShortForm,
                confidence: round2(Rule::ShortForm.confidence()),
                alternatives: Vec::new(),
            });
        }
    }
    if !dropped.is_empty() {
        res.retain(|m| !dropped.contains(&m.span));
    }
    res.extend(short);
    (res, absorbed.into_vec())
}

#[cfg(test)]
mod tests {
    use super::super::Tagger;
    use crate::gazetteer::{Gazetteer, Layer};
    use crate::text::sentences;

    fn run(text: &str) -> Vec<(String, String, String)> {
        let mut gaz = Gazetteer::empty();
        gaz.add_source(
            "t.ron",
            r#"(entries: [(id: "org:us-army", type: organisation, name: "U.S. Army")], names: ["Daniel", "Maria"])"#,
            Layer::Curated,
        )
        .unwrap();
        let tagger = Tagger::new(gaz).unwrap();
        tagger
            .tag(text, &sentences(text))
            .into_iter()
            .map(|m| (m.text, m.name, m.rule.as_str().to_string()))
            .collect()
    }

    /// The mentions of `text`, tagged with the gazetteer `ron`.
    fn tagged(ron: &str, text: &str) -> Vec<super::Mention> {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", ron, Layer::Curated).unwrap();
        Tagger::new(gaz).unwrap().tag(text, &sentences(text))
    }

    /// (text, type) of each mention of `text`, tagged with the gazetteer `ron`.
    fn kinds(ron: &str, text: &str) -> Vec<(String, String)> {
        tagged(ron, text)
            .into_iter()
            .map(|m| (m.text, m.kind.as_str().to_string()))
            .collect()
    }

    #[test]
    fn a_name_a_spokesperson_stands_for_is_no_speaker() {
        let got = run("Brennick Varlow said sales fell.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "reporting-verb");
        let got = run("A spokesperson for Brennick Varlow said sales fell.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "organisation-context");
        let got = run("A lawyer at Brennick Varlow said sales fell.");
        assert!(got.iter().all(|g| g.2 != "reporting-verb"), "{got:?}");
    }

    #[test]
    fn and_between_titled_names_joins_two_people() {
        let got = run("The judge said Ms. Quellbrook and Mr. Darrowby must testify.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Quellbrook", "Darrowby"], "{got:?}");
        let got = run("The farm belongs to Sir Osric and Sir Daniel Penhallow now.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Osric", "Daniel Penhallow"], "{got:?}");
        // A plural title before names is no name word: the run is not cut before "and".
        let got = run("Former Presidents Daniel Vorst and Maria Quell spoke.");
        assert!(
            got.iter().all(|g| !g.1.starts_with("Presidents")),
            "{got:?}"
        );
        let got = run("He met President Daniel Vorst and Prime Minister Maria Quell today.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Daniel Vorst", "Maria Quell"], "{got:?}");
        // The words of an office joined by "and" are no person at all.
        let got = run("The Foreign Affairs and Trade Minister said no.");
        assert!(got.iter().all(|g| g.2 != "title-cue"), "{got:?}");
        let got = run("State Treasurer and Acting Premier Daniel Orrin spoke.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Daniel Orrin"], "{got:?}");
    }

    #[test]
    fn a_persons_name_holds_no_lower_case_word_but_particles() {
        for text in [
            "Maria and I will always remember the welcome.",
            "A spokesman for the State Administration of Mine Safety said so.",
            "The Chief Operating Officer for Vendale said so.",
        ] {
            let got = run(text);
            assert!(
                got.iter().all(|g| g.2 == "organisation-head"),
                "{text}: {got:?}"
            );
        }
        // Particles of family names stay.
        let got = run("The letter was signed by Daniel van Vorst on Monday.");
        assert!(got.iter().any(|g| g.1 == "Daniel van Vorst"), "{got:?}");
        assert!(super::holds_non_name_word(["Quist", "and", "Dale"], ""));
        assert!(super::holds_non_name_word(
            ["Officer", "for", "Vendale"],
            ""
        ));
        assert!(!super::holds_non_name_word(
            ["Hale", "of", "Richmond"],
            "Baroness"
        ));
        assert!(!super::holds_non_name_word(["Omar", "al-Kestrani"], ""));
        assert!(!super::holds_non_name_word(["Jean", "d'Orvalle"], ""));
        assert!(!super::holds_non_name_word(["Lena", "dos", "Reis"], ""));
    }

    #[test]
    fn an_office_after_a_title_is_no_person() {
        let got = run("Daniel Orrin, the country's Foreign Affairs Minister, said so.");
        assert!(got.iter().all(|g| g.1 != "Affairs Minister"), "{got:?}");
        assert!(got.iter().any(|g| g.1 == "Daniel Orrin"), "{got:?}");
        // A family name that is also a title stays a person's.
        let got = run("Foreign Minister Maria Bishop said so.");
        assert!(got.iter().any(|g| g.1 == "Maria Bishop"), "{got:?}");
    }

    #[test]
    fn media_company_and_document_words_make_no_person() {
        for text in [
            "The deal leaves Verimo Xtra with the rest of the shares.",
            "Ratings of the Dorian Vask Show fell on Tuesday.",
            "The Halvard Quist Award went to a nurse.",
            "Under the Kelso Brant Act, owners must register.",
        ] {
            let got = run(text);
            assert!(
                got.iter()
                    .all(|g| g.2 != "name-shape" && g.2 != "given-name"),
                "{text}: {got:?}"
            );
        }
        // Nor are its short forms a person.
        let got = run("They created Verimo Xtra last year. Verimo said it was pleased.");
        assert!(got.is_empty(), "{got:?}");
        assert!(super::holds_company_word(&["Verimo", "Xtra"]));
        assert!(!super::holds_company_word(&["Doris", "Day"]));
        assert!(!super::holds_company_word(&[
            "Press",
            "Secretary",
            "Ana",
            "Ruiz"
        ]));
    }

    #[test]
    fn a_title_inside_a_run_opens_a_name() {
        let got = run("Meanwhile Harbour Leader Dr Daniel Verlinde is viewing the report.");
        assert!(
            got.iter()
                .any(|g| g.1 == "Daniel Verlinde" && g.2 == "title-cue"),
            "{got:?}"
        );
        // A word of the title's own before it is no name of its own.
        let got = run("The Financial Secretary Daniel Verlinde spoke on Monday.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Daniel Verlinde"], "{got:?}");
        // Titles opening the run are stripped as before.
        let got = run("Chief Executive Daniel Verlinde resigned.");
        assert_eq!(got[0].1, "Daniel Verlinde", "{got:?}");
    }

    #[test]
    fn a_title_before_an_unlisted_or_word_given_name_opens_a_name() {
        // A portfolio no title list holds, and a given name no list holds.
        let got = run("Transport Minister Veska Drolin said on Monday that fares would rise.");
        assert!(
            got.iter()
                .any(|g| g.1 == "Veska Drolin" && g.2 == "title-cue"),
            "unlisted given name: {got:?}"
        );
        // A given name that is also an English word, after a title and alone.
        let got = run("The pledge came from Majority Leader Bill Varnok on Tuesday.");
        assert!(
            got.iter().any(|g| g.1 == "Bill Varnok"),
            "title, word given name: {got:?}"
        );
        let got = run("The report was drafted by Guy Maltravers and two aides.");
        assert!(
            got.iter()
                .any(|g| g.1 == "Guy Maltravers" && g.2 == "given-name"),
            "word given name: {got:?}"
        );
        // Two name words after a title end the run: "Whip" before a name is no given name.
        let got = run("Then Quell and Republican Whip Eric Varnok left.");
        assert!(got.iter().all(|g| g.1 != "Whip Eric Varnok"), "{got:?}");
        let got = run("The governor, Bob McTavish, signed the bill.");
        assert!(
            got.iter().any(|g| g.1 == "Bob McTavish"),
            "camel surname: {got:?}"
        );
        // Before an English word it stays a phrase.
        let got = run("Crowds gathered in Grant Park on Monday.");
        assert!(
            got.iter()
                .all(|g| g.1 != "Grant Park" || g.2 != "given-name"),
            "{got:?}"
        );
        assert!(super::surname_shaped("DeLorne") && super::surname_shaped("O'Keeffe"));
        assert!(!super::surname_shaped("Delay") && !super::surname_shaped("McX"));
    }

    #[test]
    fn title_then_short_form() {
        let got = run("He met U.S. Army Secretary Daniel Driscoll in Kyiv. Driscoll said little.");
        assert_eq!(
            got[1],
            (
                "Daniel Driscoll".into(),
                "Daniel Driscoll".into(),
                "title-cue".into()
            )
        );
        assert_eq!(
            got[2],
            (
                "Driscoll".into(),
                "Daniel Driscoll".into(),
                "short-form".into()
            )
        );
    }

    #[test]
    fn organisation_heads_and_lone_titles() {
        let got = run("The Ministry of Agrarian Policy and the Green Valley Party met. President spoke on Thursday.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            names,
            vec!["Ministry of Agrarian Policy", "Green Valley Party"]
        );
    }

    #[test]
    fn given_name_and_apposition() {
        let got = run("Officials named Maria Kowalczyk, and a deputy, Tomasz Brzek, who agreed.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(names, vec!["Maria Kowalczyk", "Tomasz Brzek"]);
    }

    #[test]
    fn events_places_and_institutions_are_not_people() {
        let ron = r#"(entries: [], names: ["Martin", "Susan", "John", "Howard"])"#;
        let got = kinds(
            ron,
            "Martin Sheen and Susan Sarandon marched after Hurricane Katrina. Soldiers at Fort \
             Benning said the Howard Government erred, and Republican John McCain agreed.",
        );
        let want = [
            ("Martin Sheen", "person"),
            ("Susan Sarandon", "person"),
            ("Fort Benning", "place"),
            ("Howard Government", "organisation"),
            ("John McCain", "person"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, k)| (t.to_string(), k.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_name_before_village_is_a_place_not_a_person() {
        let ron = r#"(entries: [], names: [])"#;
        let got = kinds(
            ron,
            "Families left Tolvaski Village on Monday. Tolvaski Village elders said the well was \
             dry.",
        );
        assert!(
            got.iter().all(|(_, k)| k == "place"),
            "{got:?}: a name before \"Village\" is a place"
        );
        assert!(got.iter().any(|(t, _)| t == "Tolvaski Village"), "{got:?}");
    }

    #[test]
    fn natural_features_are_places_not_persons_by_shape() {
        let ron = r#"(entries: [], names: ["Orla"])"#;
        let got = kinds(
            ron,
            "Anglers gathered at Brannock Pond on Monday. The road to Tavisk Plateau was \
             shut. Boats left Lake Orvanne at noon.",
        );
        for name in ["Brannock Pond", "Tavisk Plateau", "Lake Orvanne"] {
            assert!(
                got.contains(&(name.to_string(), "place".to_string())),
                "{got:?}"
            );
        }
        // A title inside the run keeps it from being a place; a given name first makes a
        // person whatever the last word.
        let got = kinds(
            ron,
            "The case went to District Judge Tomsk Lake. Then Orla Brook said it was over.",
        );
        assert!(got.iter().all(|(_, k)| k != "place"), "{got:?}");
        assert!(
            got.contains(&("Orla Brook".to_string(), "person".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_before_brackets_needs_a_place_inside_them() {
        let ron = r#"(entries: [(id: "place:no", type: place, name: "Norway")], names: [])"#;
        let got = kinds(ron, "The winner was Lindqvist ( Norway ) with 71.");
        assert_eq!(got[0], ("Lindqvist".to_string(), "person".to_string()));
        let got = kinds(ron, "Training moved to the Americas (USARSA) school.");
        assert!(got.iter().all(|(t, _)| t != "Americas"), "{got:?}");
    }

    /// (text, entity id) of each mention of `text`, tagged with the gazetteer `ron`.
    fn ids(ron: &str, text: &str) -> Vec<(String, String)> {
        tagged(ron, text)
            .into_iter()
            .map(|m| (m.text, m.entity))
            .collect()
    }

    #[test]
    fn generic_institutions_belong_to_the_article_country() {
        let ron = r#"(entries: [(id: "place:lahore", type: place, name: "Lahore", country: "PK")], names: [])"#;
        let text =
            "In Lahore the Supreme Court and the Election Commission met the Kharian Rifles Club.";
        let got = ids(ron, text);
        assert!(
            got.contains(&("Supreme Court".into(), "org:supreme-court-pk".into())),
            "{got:?}"
        );
        assert!(got.contains(&(
            "Election Commission".into(),
            "org:election-commission-pk".into()
        )));
        // A name that says whose it is keeps its own id.
        assert!(got.contains(&(
            "Kharian Rifles Club".into(),
            "org:kharian-rifles-club".into()
        )));
        // No country in the article: nothing to qualify with.
        let got = ids("(entries: [], names: [])", "The Supreme Court ruled.");
        assert_eq!(
            got,
            [("Supreme Court".to_string(), "org:supreme-court".to_string())]
        );
    }

    #[test]
    fn a_generic_name_after_the_body_named_in_full_is_that_body() {
        let ron = r#"(entries: [
            (id: "place:kelsovia", type: place, name: "Kelsovia", country: "KV"),
            (id: "org:reserve-bank-of-kelsovia", type: organisation, name: "Reserve Bank of Kelsovia", country: "KV"),
        ], names: [])"#;
        let text = "The Reserve Bank of Kelsovia raised its rate on Monday. \
                    Later the Reserve Bank said prices in Kelsovia would rise.";
        let got = ids(ron, text);
        assert!(
            got.contains(&("Reserve Bank".into(), "org:reserve-bank-of-kelsovia".into())),
            "{got:?}"
        );
        // Not named in full: the article's country's body of that name, as before.
        let text = "In Kelsovia the Reserve Bank said prices would rise.";
        let got = ids(ron, text);
        assert!(
            got.contains(&("Reserve Bank".into(), "org:reserve-bank-kv".into())),
            "{got:?}"
        );
    }

    #[test]
    fn a_reporting_verb_needs_a_name_shaped_speaker() {
        let ron = r#"(entries: [], names: ["Bill"])"#;
        let got = kinds(
            ron,
            "The Commission Report said so, Bill Keller said, and Corporal Gilad Shalit agreed.",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert!(!texts.contains(&"Commission Report"), "{got:?}");
        assert!(got.contains(&("Bill Keller".to_string(), "person".to_string())));
        assert!(got.contains(&("Gilad Shalit".to_string(), "person".to_string())));
    }

    #[test]
    fn company_lists_people_of_organisations_and_kept_modifiers() {
        let got = run("Quillon Pumps Inc and Verrick Corp gained, said Daniel Orloff of Westbrook Bank, and the Agriculture Department agreed.");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Quillon Pumps Inc",
                "Verrick Corp",
                "Daniel Orloff",
                "Westbrook Bank",
                "Agriculture Department"
            ]
        );
    }

    #[test]
    fn given_name_before_a_town_and_airlines() {
        let got = kinds(
            r#"(entries: [
                (id: "place:molde", type: place, name: "Molde"),
                (id: "place:france", type: place, name: "France", xref: {"iso3166": "FR"}),
            ], names: ["Henrik"])"#,
            "Henrik Molde flew Air France to Paris. Later Molde won in France.",
        );
        let want = [
            ("Henrik Molde", "person"),
            ("Air France", "organisation"),
            ("Molde", "person"),
            ("France", "place"),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn places_inside_organisation_names() {
        let got = kinds(
            r#"(entries: [
                (id: "place:greece", type: place, name: "Greece"),
                (id: "place:athens", type: place, name: "Athens"),
            ])"#,
            "Shares fell on the Athens Stock Exchange, and the Bank of Greece said rates would hold in Greece.",
        );
        assert_eq!(
            got,
            vec![
                (
                    "Athens Stock Exchange".to_string(),
                    "organisation".to_string()
                ),
                ("Bank of Greece".to_string(), "organisation".to_string()),
                ("Greece".to_string(), "place".to_string()),
            ]
        );
    }

    /// The word sets' filter never hides a listed word: the sets answer as plain sets do,
    /// for words of every length (and past the 63 bytes the filter tells apart) and first byte.
    #[test]
    fn word_sets_answer_as_plain_sets() {
        let long: &'static str =
            "a-word-of-seventy-bytes-made-up-for-this-test-and-nothing-else-at-all";
        let listed: Vec<&'static str> = vec!["", "of", "Über", "zz", long, "9th"];
        let set: super::WordSet = listed.iter().copied().collect();
        for w in &listed {
            assert!(set.contains(w), "{w}");
        }
        let longer = format!("{long}!");
        for w in ["o", "off", "Uber", "zy", "9", "x", longer.as_str(), "Üb"] {
            assert!(!set.contains(w), "{w}");
        }
        let empty: super::WordSet = std::iter::empty().collect();
        assert!(!empty.contains("") && !empty.contains("of"));
    }

    /// Looked up lower-cased, a word is found in any case, ASCII or not, and the filter in
    /// front of the copy passes over the rest.
    #[test]
    fn word_sets_answer_lower_cased_words() {
        let listed = ["", "of", "über", "9th", "striker"];
        let set: super::WordSet = listed.iter().copied().collect();
        for w in [
            "", "of", "OF", "Of", "ÜBER", "Über", "9TH", "Striker", "STRIKER",
        ] {
            assert!(set.contains_lowercased(w), "{w}");
        }
        for w in ["o", "Off", "Uber", "Strikers", "Xtriker", "9", "ÜBERALL"] {
            assert!(!set.contains_lowercased(w), "{w}");
        }
    }
}
