//! Entity tagging: gazetteer matching with aho-corasick, then context rules for names that are
//! in no list.
//!
//! Matching runs over a *folded* copy of the text (Unicode lower case, diacritics removed,
//! typographic apostrophes and dashes made ASCII, whitespace runs made one space, invisible
//! marks dropped). The folded copy keeps, for every byte, the original byte range it came from,
//! so every reported [`Mention`] span is an exact byte range of the original text.
//!
//! A match counts only on word boundaries (no `Iran` in `Iranian`, no `Oman` in `Romania`), only
//! with a capital where the listed name has one, and only in exactly the listed case for names
//! marked `exact_case` (US, May, Chad). When several entries share a name (Georgia, Paris,
//! Washington) the document decides: entities mentioned unambiguously elsewhere in the article,
//! their countries, the curated layer, then population.
//!
//! Names in no list are found from cues: titles and roles ("Army Secretary Daniel Driscoll"),
//! given names, organisation heads ("... Party", "Ministry of ..."), reporting verbs
//! ("Driscoll said") and appositions. A later short form ("Driscoll") resolves to the full name
//! seen earlier in the article. Every mention records the rule that produced it.
//!
//! This module is the only user of aho-corasick.

use std::collections::{BTreeMap, HashMap, HashSet};

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use crate::gazetteer::{
    Entity, EntityKind, FormKind, Gazetteer, GazetteerError, Layer, NameForm, NameTable, Text,
};
use crate::text::{Sentence, Span};

/// How a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The canonical name of a gazetteer entry.
    GazetteerName,
    /// An alias of a gazetteer entry.
    GazetteerAlias,
    /// A demonym or adjective pointing to a gazetteer entry ("Ukrainian").
    Demonym,
    /// A shorter form of a name seen earlier in the article ("Driscoll").
    ShortForm,
    /// A person after a title or role ("Secretary Daniel Driscoll").
    TitleCue,
    /// A person whose first word is a known given name.
    GivenName,
    /// An organisation from its head word ("... Party", "Ministry of ...").
    OrganisationHead,
    /// A person before a reporting verb ("Driscoll said").
    ReportingVerb,
    /// A person in an apposition (", Rustem Umerov, who").
    Apposition,
    /// A generic institution ("the Senate") of the country the article is about.
    GenericInstitution,
    /// A place from its form ("Muzarabani South", "Harare Province") or a preposition of
    /// place before it.
    PlaceCue,
    /// A person from the shape of the words: capitalised, not English words.
    NameShape,
    /// An organisation from an unknown acronym in running text.
    Acronym,
    /// A town or region in a sports result: its team.
    SportsTeam,
    /// A given name read as a place, followed by a surname: a person ("Florence Pugh").
    FullName,
    /// A name that is part of a longer name ("Jordan River", "Clinton County").
    LongerName,
    /// A surname alone: the person of that surname named earlier in the article.
    EarlierName,
    /// A company by its description in the sentence ("the telecoms operator said").
    CompanyContext,
    /// An acronym the article defines ("the Federal Aviation Administration (FAA)").
    AcronymDefined,
    /// A role phrase ("the German chancellor"): the person in that role.
    Role,
    /// A homonym chosen by a place next to it ("Paris, Texas", "Atlanta, Georgia").
    PlaceContext,
    /// An organisation by how the article describes it ("Vexmoor is a furniture company",
    /// "the band X", "signed to X", a town and a plural nickname in sports text), and that
    /// name elsewhere in the article (`orgs.rs`).
    OrganisationContext,
    /// A name in no list typed by the learned mention classifier, which overruled the name
    /// shape's guess (`mention_model.rs`).
    MentionModel,
}

fn sports_words() -> &'static cues::WordSet {
    static WORDS: OnceLock<cues::WordSet> = OnceLock::new();
    WORDS.get_or_init(|| SPORTS_WORDS.iter().copied().collect())
}

/// Whether `word` is a sports word in any case.
fn is_sports_word(word: &str) -> bool {
    sports_words().contains_lowercased(word)
}

/// Drops the organisations no list holds that are only a common abbreviation ("the CPU", "a
/// GPS", "the DNA"): one that the article spelled out ("Islamic Courts Union ... the ICU")
/// carries that organisation's name and stays (`Dropped` notes for `tag --explain`).
fn drop_plain_abbreviations(mentions: &mut Vec<Mention>, dropped: &mut Vec<Dropped>) {
    mentions.retain(|m| {
        let plain = m.kind == EntityKind::Organisation
            && !matches!(m.rule, Rule::GazetteerName | Rule::GazetteerAlias)
            && m.name == m.text
            && cues::is_common_acronym(&m.text);
        if plain {
            dropped.push(Dropped {
                span: m.span,
                sentence: m.sentence,
                text: m.text.clone(),
                entity: m.entity.clone(),
                reason: "a common abbreviation, no organisation",
                margin: None,
            });
        }
        !plain
    });
}

/// Drops the people no list holds whose words no person's name holds: a lower-case word that
/// is no particle of a family name ("Quist and Mr. Dale", "Officer for Harbour"), or a word
/// of media, companies, events or documents ("Telnova Xtra", "the Kelso Act"). Whatever rule
/// made them, the words say they are not one person (`Dropped` notes for `tag --explain`).
fn drop_impossible_people(text: &str, mentions: &mut Vec<Mention>, dropped: &mut Vec<Dropped>) {
    mentions.retain(|m| {
        let unlisted = !matches!(
            m.rule,
            Rule::GazetteerName | Rule::GazetteerAlias | Rule::Role | Rule::Demonym
        );
        if m.kind != EntityKind::Person || !unlisted {
            return true;
        }
        // The name too: a short form ("Yahoo") of an impossible name goes with it.
        let words: Vec<&str> = m.text.split_whitespace().collect();
        let name: Vec<&str> = m.name.split_whitespace().collect();
        let before = text
            .get(..m.span.start)
            .and_then(|t| t.split_whitespace().next_back())
            .unwrap_or("");
        let impossible = cues::holds_non_name_word(words.iter().copied(), before)
            || cues::holds_non_name_word(name.iter().copied(), before)
            || cues::holds_company_word(&words)
            || cues::holds_company_word(&name);
        if impossible {
            dropped.push(Dropped {
                span: m.span,
                sentence: m.sentence,
                text: m.text.clone(),
                entity: m.entity.clone(),
                reason: "no person's name holds these words",
                margin: None,
            });
        }
        !impossible
    });
}

/// Sports words with an everyday sense: one alone does not make a sports report.
fn is_everyday_sports_word(word: &str) -> bool {
    const EVERYDAY: &[&str] = &[
        "final", "goal", "match", "season", "cup", "club", "draw", "defeat", "defeated", "beat",
        "beats", "league", "coach",
    ];
    EVERYDAY.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Words that make a sentence a sports report.
const SPORTS_WORDS: &[&str] = &[
    "beat",
    "beats",
    "drew",
    "draw",
    "defeated",
    "defeat",
    "innings",
    "wickets",
    "wicket",
    "goals",
    "goal",
    "match",
    "league",
    "championship",
    "half-time",
    "halftime",
    "scored",
    "striker",
    "midfielder",
    "goalkeeper",
    "batsman",
    "bowler",
    "inning",
    "pitcher",
    "homer",
    "touchdown",
    "quarterback",
    "playoff",
    "playoffs",
    "semifinal",
    "quarterfinal",
    "final",
    "v",
    "vs",
    "vs.",
    "standings",
    "fixtures",
    "soccer",
    "cricket",
    "baseball",
    "rugby",
    "hockey",
    "football",
    "basketball",
    "tennis",
    "cup",
    "season",
    "coach",
    "club",
    "stadium",
];

/// Institution names that every country has; matched against a listed entity of another
/// country, they mean the article's own country's institution.
const GENERIC_INSTITUTIONS: &[&str] = &[
    "Senate",
    "Parliament",
    "Congress",
    "Cabinet",
    "Supreme Court",
    "Constitutional Court",
    "High Court",
    "National Assembly",
    "House of Representatives",
    "House of Assembly",
    "Foreign Ministry",
    "Defence Ministry",
    "Defense Ministry",
    "Interior Ministry",
    "Finance Ministry",
    "Justice Ministry",
    "Health Ministry",
    "Ministry of Foreign Affairs",
    "Ministry of Defence",
    "Ministry of Defense",
    "Ministry of Finance",
    "Ministry of Interior",
    "Central Bank",
    "Electoral Commission",
    "Election Commission",
    "Presidency",
    "Attorney General",
    "Constitutional Council",
    "Council of Ministers",
];

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::GazetteerName => "gazetteer-name",
            Rule::GazetteerAlias => "gazetteer-alias",
            Rule::Demonym => "demonym",
            Rule::ShortForm => "short-form",
            Rule::TitleCue => "title-cue",
            Rule::GivenName => "given-name",
            Rule::OrganisationHead => "organisation-head",
            Rule::ReportingVerb => "reporting-verb",
            Rule::Apposition => "apposition",
            Rule::GenericInstitution => "generic-institution",
            Rule::PlaceCue => "place-cue",
            Rule::NameShape => "name-shape",
            Rule::Acronym => "acronym",
            Rule::SportsTeam => "sports-team",
            Rule::FullName => "full-name",
            Rule::LongerName => "longer-name",
            Rule::EarlierName => "earlier-name",
            Rule::CompanyContext => "company-context",
            Rule::AcronymDefined => "acronym-defined",
            Rule::Role => "role",
            Rule::PlaceContext => "place-context",
            Rule::OrganisationContext => "organisation-context",
            Rule::MentionModel => "mention-model",
        }
    }

    fn confidence(self) -> f64 {
        match self {
            Rule::GazetteerName => 0.95,
            Rule::GazetteerAlias => 0.9,
            Rule::Demonym => 0.8,
            Rule::ShortForm => 0.85,
            Rule::TitleCue => 0.85,
            Rule::GivenName => 0.75,
            Rule::OrganisationHead => 0.75,
            Rule::ReportingVerb => 0.6,
            Rule::Apposition => 0.7,
            Rule::GenericInstitution => 0.7,
            Rule::PlaceCue => 0.6,
            Rule::NameShape => 0.55,
            Rule::Acronym => 0.5,
            Rule::SportsTeam => 0.6,
            Rule::FullName => 0.75,
            Rule::LongerName => 0.7,
            Rule::EarlierName => 0.85,
            Rule::CompanyContext => 0.7,
            Rule::AcronymDefined => 0.85,
            Rule::Role => 0.65,
            Rule::PlaceContext => 0.85,
            Rule::OrganisationContext => 0.7,
            Rule::MentionModel => 0.6,
        }
    }
}

/// One tagged mention of an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
    /// The text as written.
    pub text: String,
    /// Stable entity id: the gazetteer id, or `person:`/`org:` plus a slug for names found by
    /// cues.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    pub kind: EntityKind,
    pub rule: Rule,
    pub confidence: f64,
    /// Other entries the same text could have meant (ids), when the choice was ambiguous.
    pub alternatives: Vec<String>,
}

/// A listed name that a context decision left unlinked ("Doma" in "WA-DOMA", "Europe" in
/// "Radio Free Europe" when no list holds the whole), with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    pub span: Span,
    /// Index of the sentence the name is in.
    pub sentence: usize,
    /// The text as written.
    pub text: String,
    /// The entity it would have been linked to.
    pub entity: String,
    /// Why it is not linked.
    pub reason: &'static str,
    /// The learned classifier's margin, when its reading made the decision.
    pub margin: Option<i32>,
}

/// One entity a matched name can stand for: the gazetteer's name form itself, kept as the
/// blob decoded it (no copy at start-up).
type Candidate = NameForm;

pub use crate::fold::{fold, fold_name, Folded};

impl Folded {
    /// Original byte span of folded range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        let (start, end) = self.original_range(start, end)?;
        Some(Span::new(start, end))
    }
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s.get(..at).and_then(|p| p.chars().next_back())
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|p| p.chars().next())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Builds a [`Tagger`].
#[derive(Clone, Debug)]
pub struct TaggerBuilder {
    min_alias_len: usize,
    cues: bool,
    full_after_bytes: usize,
    mention_model: bool,
    mention_margin: i32,
}

impl Default for TaggerBuilder {
    fn default() -> Self {
        TaggerBuilder {
            min_alias_len: 2,
            cues: true,
            full_after_bytes: usize::MAX,
            mention_model: mention_model::ON_BY_DEFAULT,
            mention_margin: mention_model::MIN_MARGIN,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("cannot build the name matcher: {0}")]
    Build(#[from] aho_corasick::BuildError),
}

impl TaggerBuilder {
    /// Names shorter than this (in bytes, folded) are not matched.
    pub fn min_alias_len(&mut self, n: usize) -> &mut Self {
        self.min_alias_len = n;
        self
    }

    /// After this much input the tagger builds its automaton over all names once and uses it
    /// instead of the small automata per first word (0: for the first text; the default,
    /// `usize::MAX`, never: the small automata, built once each, cost less over any input).
    pub fn full_after_bytes(&mut self, n: usize) -> &mut Self {
        self.full_after_bytes = n;
        self
    }

    /// Whether to find names in no list from context cues.
    pub fn cues(&mut self, yes: bool) -> &mut Self {
        self.cues = yes;
        self
    }

    /// Whether the learned mention classifier may retype or drop names that only their
    /// shape typed (see `mention_model.rs`; needs `cues`).
    pub fn mention_model(&mut self, yes: bool) -> &mut Self {
        self.mention_model = yes;
        self
    }

    /// The margin at which the mention classifier's reading replaces the rules' (default
    /// `mention_model::MIN_MARGIN`).
    pub fn mention_margin(&mut self, margin: i32) -> &mut Self {
        self.mention_margin = margin;
        self
    }

    /// The table's patterns of at least `min_alias_len` bytes and their candidates, filtered
    /// in place (no copy of 250,000 entries).
    fn long_enough(&self, table: NameTable) -> (Vec<Text>, Vec<Vec<Candidate>>) {
        let min = self.min_alias_len;
        let NameTable {
            mut patterns,
            mut forms,
        } = table;
        // `retain` visits in order, so the flags pair with the forms one to one.
        let mut keep = patterns
            .iter()
            .map(|p| p.len() >= min)
            .collect::<Vec<_>>()
            .into_iter();
        forms.retain(|_| keep.next().unwrap_or(false));
        patterns.retain(|p| p.len() >= min);
        (patterns, forms)
    }

    pub fn build(&self, mut gazetteer: Gazetteer) -> Result<Tagger, TaggerError> {
        // The built-in lists' table was folded at build time (see `gazetteer::NameTable`).
        let table = gazetteer.take_name_table();
        let cues = self.cues;
        let (names, lookups) = rayon::join(
            || self.prepare_names(table),
            || cues.then(|| context::Lookups::build(&gazetteer)),
        );
        Ok(self.finish(gazetteer, names, lookups))
    }

    /// Builds a tagger over the shipped lists alone, preparing the names (grouping them by
    /// first word, the start words, the mention model) on the second thread while the
    /// gazetteer's entities are still decoding, the longer half of decoding: the same tagger
    /// as `build(Gazetteer::builtin()?)`, sooner.
    ///
    /// # Errors
    ///
    /// When the compiled-in gazetteer is damaged, which a correct build never produces.
    pub fn build_builtin(&self) -> Result<Tagger, GazetteerError> {
        let mut names = None;
        let gazetteer =
            Gazetteer::builtin_then(&mut |table| names = Some(self.prepare_names(table)))?;
        let names = match names {
            Some(names) => names,
            // Decoding succeeded, so the table reached `then`; this only keeps a panic out.
            None => self.prepare_names(NameTable::of_entities(gazetteer.entities())),
        };
        let lookups = self.cues.then(|| context::Lookups::build(&gazetteer));
        Ok(self.finish(gazetteer, names, lookups))
    }

    /// What the tagger needs of the name table alone: the patterns, their candidates, the
    /// first-word groups and the start words; the mention model is loaded beside them (each
    /// takes tens of milliseconds, which the first articles would otherwise wait for).
    fn prepare_names(&self, table: NameTable) -> PreparedNames {
        let (patterns, candidates) = self.long_enough(table);
        // Group patterns by their first word: a search at a word start needs only the
        // automaton of that word's group (see `Tagger::scan`).
        let model = self.cues && self.mention_model;
        let (groups, start_words) = rayon::join(
            || NameGroups::new(&patterns),
            || {
                if model {
                    mention_model::MentionModel::builtin();
                }
                StartWords::new(&patterns, &candidates)
            },
        );
        PreparedNames {
            patterns,
            candidates,
            groups,
            start_words,
        }
    }

    /// The tagger over `gazetteer`, its prepared names and (when the cue rules are on) the
    /// context indexes.
    fn finish(
        &self,
        gazetteer: Gazetteer,
        names: PreparedNames,
        lookups: Option<context::Lookups>,
    ) -> Tagger {
        let PreparedNames {
            patterns,
            candidates,
            groups,
            start_words,
        } = names;
        Tagger {
            gazetteer,
            patterns,
            groups,
            full: OnceLock::new(),
            lookups: lookups.map_or_else(OnceLock::new, OnceLock::from),
            start_words: OnceLock::from(start_words),
            seen_bytes: AtomicUsize::new(0),
            full_after_bytes: self.full_after_bytes,
            candidates,
            cues: self.cues,
            mention_model: self.mention_model,
            mention_margin: self.mention_margin,
        }
    }
}

/// The parts of a tagger made from the name table alone (see `TaggerBuilder::prepare_names`).
struct PreparedNames {
    patterns: Vec<Text>,
    candidates: Vec<Vec<Candidate>>,
    groups: NameGroups,
    start_words: StartWords,
}

/// The entity tagger.
///
/// The aho-corasick automaton over all names (over 250,000) takes most of a second to build,
/// more than tagging megabytes of news. So the names are grouped by their first word, and each
/// group gets its own small aho-corasick automaton, built once texts have had that word at
/// positions where a name may start often enough to pay for it, and kept for every later text:
/// a run builds only the groups its input needs often, each once (until then, and always for a
/// group of at most four names, the group's names are compared with the text directly). With `full_after_bytes` the tagger builds the
/// automaton over all names once it has seen that much input and uses it from then on. Both
/// give the same mentions: a name whose first word differs from the word at a start cannot
/// match there at a word boundary (the longest match in the group is the longest at the start
/// whenever one ends at a boundary), and a rejected match never hides a later one (the scan
/// resumes right after a rejected match's start).
pub struct Tagger {
    gazetteer: Gazetteer,
    patterns: Vec<Text>,
    /// The patterns grouped by first word, with their automata.
    groups: NameGroups,
    full: OnceLock<Option<AhoCorasick>>,
    /// Indexes for the context decisions, built with the tagger when the cue rules are on,
    /// else on first use.
    lookups: OnceLock<context::Lookups>,
    /// Where a name can start besides a capital or a digit (see `StartWords`), built with
    /// the tagger.
    start_words: OnceLock<StartWords>,
    seen_bytes: AtomicUsize,
    full_after_bytes: usize,
    candidates: Vec<Vec<Candidate>>,
    cues: bool,
    mention_model: bool,
    mention_margin: i32,
}

/// The first maximal run of letters and digits of a folded name.
fn first_word(folded: &str) -> Option<&str> {
    let start = folded.find(|c: char| c.is_alphanumeric())?;
    if start > 0 {
        return None;
    }
    let rest = &folded[start..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The tagger's patterns grouped by first word, each group with its automaton, built on first
/// use. Words are keyed by a 64-bit hash (no string kept per word): two words with one hash
/// share a group, which changes no result, since a name whose first word is not the word at a
/// start can only match there ending inside that word, which the tagger rejects, and never
/// beats a name of the word itself.
struct NameGroups {
    /// Group of each first word's hash; group 0 holds the patterns that start with something
    /// other than a letter or digit.
    by_word: HashMap<u64, u32, std::hash::BuildHasherDefault<crate::hash::KeyHasher>>,
    /// Group `g`'s pattern indices are `ids[offsets[g]..offsets[g + 1]]`, ascending.
    offsets: Vec<u32>,
    ids: Vec<u32>,
    matchers: Vec<OnceLock<Option<AhoCorasick>>>,
    /// Each group's names as one flat list (see [`flatten`]), made the first time the group is
    /// compared with the text: its names lie together, not scattered over the name table.
    flat: Vec<OnceLock<Box<[u8]>>>,
    /// Names compared with the text so far in each larger group while it has no automaton
    /// (see [`NameGroups::find`]).
    compared: Vec<AtomicU32>,
    /// Groups of at most this many names get no automaton (see [`NameGroups::find`]).
    direct_max: usize,
    /// A larger group gets its automaton once this many of its names were compared with the
    /// text.
    direct_budget: u32,
}

/// Groups of at most this many names are matched without an automaton: building one costs
/// tens of microseconds whatever its size, more than comparing a few names at each start, and
/// a run over news needs thousands of such groups (half of all group-building time went to
/// groups of one to four names on the open news corpus).
const DIRECT_MAX: usize = 4;

/// A larger group is matched by comparing its names with the text until this many names were
/// compared, and by its automaton after that: building one costs tens of microseconds, about
/// as much as a few thousand comparisons, and a group that a run needs rarely never pays for
/// it. In profiles of `tag` over the open news corpus, building automata took 4.8% of the
/// samples without this budget and 2.4% with it.
const DIRECT_BUDGET: u32 = 4096;

fn word_key(word: &str) -> u64 {
    crate::hash::fnv1a64(word.as_bytes())
}

impl NameGroups {
    fn new(patterns: &[Text]) -> Self {
        // Room for a first word per two names spares the map most of its growth.
        let mut by_word: HashMap<u64, u32, std::hash::BuildHasherDefault<crate::hash::KeyHasher>> =
            HashMap::with_capacity_and_hasher(patterns.len() / 2, Default::default());
        let mut group_of: Vec<u32> = Vec::with_capacity(patterns.len());
        let mut sizes: Vec<u32> = vec![0];
        for pattern in patterns {
            let group = match first_word(pattern) {
                Some(w) => *by_word.entry(word_key(w)).or_insert_with(|| {
                    sizes.push(0);
                    (sizes.len() - 1) as u32
                }),
                None => 0,
            };
            if let Some(n) = sizes.get_mut(group as usize) {
                *n += 1;
            }
            group_of.push(group);
        }
        // Counting sort of the pattern indices by group.
        let mut offsets = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0u32;
        offsets.push(0);
        for n in &sizes {
            total += n;
            offsets.push(total);
        }
        let mut next: Vec<u32> = offsets.clone();
        let mut ids = vec![0u32; patterns.len()];
        for (idx, &group) in group_of.iter().enumerate() {
            if let Some(at) = next.get_mut(group as usize) {
                if let Some(slot) = ids.get_mut(*at as usize) {
                    *slot = idx as u32;
                }
                *at += 1;
            }
        }
        let matchers = (0..sizes.len()).map(|_| OnceLock::new()).collect();
        let compared = (0..sizes.len()).map(|_| AtomicU32::new(0)).collect();
        let flat = (0..sizes.len()).map(|_| OnceLock::new()).collect();
        NameGroups {
            by_word,
            offsets,
            ids,
            matchers,
            flat,
            compared,
            direct_max: DIRECT_MAX,
            direct_budget: DIRECT_BUDGET,
        }
    }

    /// The anchored leftmost-longest match at `pos` of `ftext` among the names of the group of
    /// `word` (the maximal run of letters and digits at `pos`; empty when the start is not a
    /// letter or digit): its end and the tagger's index of its pattern. A group of at most
    /// `direct_max` names is matched by comparing them with the text (the longest one that
    /// starts it: the patterns are distinct, so no two of one length can); so is a larger
    /// group until `direct_budget` of its names were compared, and after that by its
    /// automaton, built then. Both ways give the same match, so which one a search takes
    /// (which may depend on the order in which threads reach a group) changes no result.
    fn find(
        &self,
        word: &str,
        ftext: &str,
        pos: usize,
        patterns: &[Text],
    ) -> Option<(usize, usize)> {
        let group = match word {
            "" => 0,
            word => *self.by_word.get(&word_key(word))? as usize,
        };
        let from = *self.offsets.get(group)? as usize;
        let to = *self.offsets.get(group + 1)? as usize;
        let ids = self.ids.get(from..to)?;
        let slot = self.matchers.get(group)?;
        if ids.len() <= self.direct_max || self.within_budget(group, slot, ids.len()) {
            let flat = self.flat.get(group)?.get_or_init(|| flatten(ids, patterns));
            let rest = ftext.as_bytes().get(pos..)?;
            return longest_flat(flat, ids, rest).map(|(len, id)| (pos + len, id as usize));
        }
        let matcher = slot.get_or_init(|| {
            let subset: Vec<&str> = ids
                .iter()
                .filter_map(|&i| patterns.get(i as usize).map(Text::as_str))
                .collect();
            build_matcher(&subset)
        });
        let m = anchored_match(matcher.as_ref()?, ftext, pos)?;
        let global = *ids.get(m.pattern().as_usize())?;
        Some((m.end(), global as usize))
    }

    /// Whether group `group` (of `n` names, its automaton in `slot`) is still compared with
    /// the text directly: it has no automaton yet and its budget is not spent; counts this
    /// search's `n` comparisons.
    fn within_budget(&self, group: usize, slot: &OnceLock<Option<AhoCorasick>>, n: usize) -> bool {
        if slot.get().is_some() {
            return false;
        }
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        self.compared.get(group).is_some_and(|c| {
            c.fetch_add(n, Ordering::Relaxed) < self.direct_budget.saturating_sub(n)
        })
    }

    #[cfg(test)]
    fn built(&self) -> usize {
        self.matchers.iter().filter(|m| m.get().is_some()).count()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.matchers.len()
    }
}

/// The names `ids` of `patterns` as one list: each name's length (four bytes, little endian;
/// `u32::MAX` for an index that names no pattern) followed by its bytes.
fn flatten(ids: &[u32], patterns: &[Text]) -> Box<[u8]> {
    let bytes: usize = ids
        .iter()
        .filter_map(|&id| patterns.get(id as usize))
        .map(|p| p.len() + 4)
        .sum();
    let mut res = Vec::with_capacity(bytes + 4 * ids.len());
    for &id in ids {
        match patterns.get(id as usize) {
            Some(p) => {
                let len = u32::try_from(p.len()).unwrap_or(u32::MAX);
                res.extend_from_slice(&len.to_le_bytes());
                if len != u32::MAX {
                    res.extend_from_slice(p.as_bytes());
                }
            }
            None => res.extend_from_slice(&u32::MAX.to_le_bytes()),
        }
    }
    res.into_boxed_slice()
}

/// The longest of the names `ids`, listed in `flat` (see [`flatten`]), that starts `rest`: its
/// length and index.
fn longest_flat(flat: &[u8], ids: &[u32], rest: &[u8]) -> Option<(usize, u32)> {
    let mut best: Option<(usize, u32)> = None;
    let mut at = 0usize;
    for &id in ids {
        let head: [u8; 4] = flat.get(at..at + 4)?.try_into().ok()?;
        at += 4;
        let len = u32::from_le_bytes(head);
        if len == u32::MAX {
            continue;
        }
        let len = len as usize;
        let name = flat.get(at..at + len)?;
        at += len;
        if best.is_none_or(|(b, _)| len > b) && rest.starts_with(name) {
            best = Some((len, id));
        }
    }
    best
}

fn build_matcher<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasick> {
    // Only anchored searches: no prefilter; a contiguous NFA searches as fast as a DFA here
    // and builds faster.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .prefilter(false)
        .build(patterns)
        .ok()
}

/// A name only counts when its text has a capital or digit (or it is listed in lower case,
/// like "de Gaulle"), so the matcher runs anchored searches only at word starts that are a
/// capital or digit in the original text, at words that begin a lower-case listed name, and at
/// the first characters of names that begin with punctuation.
#[derive(Default)]
struct StartWords {
    lower: FastSet<Box<str>>,
    /// First two bytes of the words in `lower`: most words start with none of them.
    lower_prefix: LowerPrefix,
    punct: PunctStarts,
}

impl StartWords {
    /// The start words of the tagger's `patterns` with their `candidates`.
    fn new(patterns: &[Text], candidates: &[Vec<Candidate>]) -> StartWords {
        let mut res = StartWords::default();
        for (pattern, cands) in patterns.iter().zip(candidates) {
            let lower_ok = cands.iter().any(|c| match &c.exact {
                Some(exact) => !exact
                    .chars()
                    .next()
                    .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit()),
                None => !c.capital,
            });
            match first_word(pattern) {
                Some(w) if lower_ok => {
                    res.lower_prefix.insert(w.as_bytes());
                    res.lower.insert(w.into());
                }
                Some(_) => {}
                None => {
                    if let Some(ch) = pattern.chars().next() {
                        res.punct.insert(ch);
                    }
                }
            }
        }
        res
    }
}

/// First chars of names that begin with punctuation: a table for ASCII (tested at every
/// space and punctuation mark of every article), a set for the rest.
struct PunctStarts {
    ascii: [bool; 128],
    other: FastSet<char>,
}

impl Default for PunctStarts {
    fn default() -> Self {
        PunctStarts {
            ascii: [false; 128],
            other: FastSet::default(),
        }
    }
}

impl PunctStarts {
    fn insert(&mut self, c: char) {
        match self.ascii.get_mut(c as usize) {
            Some(slot) => *slot = true,
            None => {
                self.other.insert(c);
            }
        }
    }

    fn contains(&self, c: char) -> bool {
        match self.ascii.get(c as usize) {
            Some(&yes) => yes,
            None => !self.other.is_empty() && self.other.contains(&c),
        }
    }
}

/// A set of two-byte prefixes, as a bitset: a word of one byte stands for that byte followed
/// by any byte.
struct LowerPrefix(Box<[u64]>);

impl Default for LowerPrefix {
    fn default() -> Self {
        LowerPrefix(vec![0u64; 65536 / 64].into_boxed_slice())
    }
}

impl LowerPrefix {
    fn set(&mut self, key: usize) {
        if let Some(slot) = self.0.get_mut(key / 64) {
            *slot |= 1 << (key % 64);
        }
    }

    fn insert(&mut self, word: &[u8]) {
        match word {
            [] => {}
            [first] => {
                for second in 0..256 {
                    self.set(usize::from(*first) << 8 | second);
                }
            }
            [first, second, ..] => self.set(usize::from(*first) << 8 | usize::from(*second)),
        }
    }

    /// Whether a word of the set can start `text` (`first`, then `second` or nothing).
    fn may_start(&self, first: u8, second: Option<u8>) -> bool {
        let key = usize::from(first) << 8 | usize::from(second.unwrap_or(0));
        self.0
            .get(key / 64)
            .is_some_and(|slot| slot & (1 << (key % 64)) != 0)
    }
}

/// Hash maps keyed by short words, looked up once per word of every article: FNV-1a is much
/// cheaper than the default SipHash there, and the keys come from our own lists, not from
/// adversarial input.
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<crate::hash::Fnv>>;
type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<crate::hash::Fnv>>;

/// A raw gazetteer hit before disambiguation.
struct Hit<'t> {
    span: Span,
    sentence: usize,
    cands: Vec<&'t Candidate>,
}

impl Tagger {
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    pub fn new(gazetteer: Gazetteer) -> Result<Tagger, TaggerError> {
        TaggerBuilder::default().build(gazetteer)
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    fn lookups(&self) -> &context::Lookups {
        self.lookups
            .get_or_init(|| context::Lookups::build(&self.gazetteer))
    }

    pub fn n_patterns(&self) -> usize {
        self.candidates.len()
    }

    /// The automaton's heap use in bytes.
    pub fn memory_usage(&self) -> usize {
        self.full
            .get()
            .and_then(|m| m.as_ref())
            .map(|m| m.memory_usage())
            .unwrap_or(0)
    }

    /// Builds the automaton over all names now and uses it from then on (benchmarks).
    pub fn prepare_full(&self) -> bool {
        self.full
            .get_or_init(|| build_matcher(&self.patterns))
            .is_some()
    }

    /// Calls `on_match(start, end, pattern)` for each match in `ftext` (folded), resuming right
    /// after the start of any match that `accept` rejects.
    fn start_words(&self) -> &StartWords {
        self.start_words
            .get_or_init(|| StartWords::new(&self.patterns, &self.candidates))
    }

    /// Byte offsets in `folded` where a listed name may start.
    fn candidate_starts(&self, text: &str, folded: &Folded) -> Vec<usize> {
        let starts = self.start_words();
        let ftext = folded.text.as_str();
        let mut res = Vec::new();
        let mut prev_alnum = false;
        for (pos, c) in ftext.char_indices() {
            let alnum = c.is_alphanumeric();
            if alnum && !prev_alnum {
                let original = folded
                    .origin
                    .get(pos)
                    .and_then(|&(s, _)| text.get(s as usize..))
                    .and_then(|s| s.chars().next());
                let marked = original.is_some_and(|o| o.is_uppercase() || o.is_ascii_digit());
                let listed_lower = || {
                    let bytes = ftext.as_bytes();
                    let first = bytes.get(pos).copied().unwrap_or(0);
                    let second = bytes.get(pos + 1).copied();
                    if !starts.lower_prefix.may_start(first, second) {
                        return false;
                    }
                    let word_end = ftext[pos..]
                        .find(|ch: char| !ch.is_alphanumeric())
                        .map_or(ftext.len(), |e| pos + e);
                    starts.lower.contains(&ftext[pos..word_end])
                };
                if marked || listed_lower() {
                    res.push(pos);
                }
            } else if !alnum && starts.punct.contains(c) {
                res.push(pos);
            }
            prev_alnum = alnum;
        }
        res
    }

    fn scan(
        &self,
        ftext: &str,
        starts: &[usize],
        on_match: impl FnMut(usize, usize, usize) -> bool,
    ) {
        let seen = self.seen_bytes.fetch_add(ftext.len(), Ordering::Relaxed) + ftext.len();
        let full = if seen > self.full_after_bytes {
            self.full
                .get_or_init(|| build_matcher(&self.patterns))
                .as_ref()
        } else {
            self.full.get().and_then(|m| m.as_ref())
        };
        if let Some(matcher) = full {
            let find_at = |pos: usize| {
                let m = anchored_match(matcher, ftext, pos)?;
                Some((m.end(), m.pattern().as_usize()))
            };
            scan_with(find_at, ftext, starts, on_match);
            return;
        }
        let find_at = |pos: usize| {
            let rest = ftext.get(pos..)?;
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            self.groups
                .find(rest.get(..end)?, ftext, pos, &self.patterns)
        };
        scan_with(find_at, ftext, starts, on_match);
    }

    /// Tags the mentions in `text`, already split into `sentences`, with no article date
    /// (role phrases resolve to the office holders of now).
    pub fn tag(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        self.tag_dated(text, sentences, None)
    }

    /// Tags the mentions in `text` of an article dated `date` (`YYYY-MM-DD`, the first ten
    /// bytes count): the date decides who holds an office a role phrase names.
    pub fn tag_dated(
        &self,
        text: &str,
        sentences: &[Sentence],
        date: Option<&str>,
    ) -> Vec<Mention> {
        self.tag_explained(text, sentences, date).0
    }

    /// Tags like [`Tagger::tag_dated`], and also returns the listed names that the context
    /// decisions left unlinked, with the reason for each (what `tag --explain` shows).
    pub fn tag_explained(
        &self,
        text: &str,
        sentences: &[Sentence],
        date: Option<&str>,
    ) -> (Vec<Mention>, Vec<Dropped>) {
        let (mut mentions, mut dropped) = self.tag_rules(text, sentences, date);
        if self.cues && self.mention_model {
            if let Some(model) = mention_model::MentionModel::builtin() {
                let doc = mention_model::Doc {
                    text,
                    sentences,
                    gazetteer: &self.gazetteer,
                    min_margin: self.mention_margin,
                };
                model.decide(&doc, &mut mentions, &mut dropped);
            }
        }
        (mentions, dropped)
    }

    /// What the rules alone find: [`Tagger::tag_explained`] without the learned classifier.
    pub(crate) fn tag_rules(
        &self,
        text: &str,
        sentences: &[Sentence],
        date: Option<&str>,
    ) -> (Vec<Mention>, Vec<Dropped>) {
        let mut dropped = Vec::new();
        let folded = fold(text);
        let hits = self.find_hits(text, &folded, sentences);
        let mut mentions = self.resolve(text, hits);
        if self.cues {
            let doc = context::Doc {
                text,
                sentences,
                gazetteer: &self.gazetteer,
                date,
                lookups: self.lookups(),
                dropped: std::cell::RefCell::new(Vec::new()),
            };
            context::full_person_names(&doc, &mut mentions);
            context::titled_name_before_place(&doc, &mut mentions);
            context::given_name_before_surname(&doc, &mut mentions);
            context::people::given_name_before_listed(&doc, &mut mentions);
            let (cued, absorbed) = cues::find(text, sentences, &mentions, &self.gazetteer);
            if !absorbed.is_empty() {
                let absorbed: FastSet<Span> = absorbed.into_iter().collect();
                mentions.retain(|m| !absorbed.contains(&m.span));
            }
            mentions.extend(cued);
            mentions.sort_by_key(|m| m.span);
            // Before the context decisions, so that no impossible name takes a place or a
            // short form from them; again after them, for the names they make.
            drop_impossible_people(text, &mut mentions, &mut dropped);
            orgs::refine(text, sentences, &mut mentions, &self.gazetteer);
            self.sports_teams(text, sentences, &mut mentions);
            join_team_names(text, sentences, &mut mentions);
            context::decide(&doc, &mut mentions);
            dropped.extend(doc.dropped.into_inner());
            drop_impossible_people(text, &mut mentions, &mut dropped);
            drop_plain_abbreviations(&mut mentions, &mut dropped);
        }
        (mentions, dropped)
    }

    /// A town or region named in a sports result is its team ("Surrey beat Kent", "Chicago 5
    /// Boston 3"): metonymy that the article's own words decide. Countries stay places.
    fn sports_teams(&self, text: &str, sentences: &[Sentence], mentions: &mut [Mention]) {
        // Whether a sentence reads as a sports report, computed only for sentences that name
        // a place (most do not need it).
        let mut sporty: Vec<Option<bool>> = vec![None; sentences.len()];
        let mut is_sporty = |idx: usize| -> bool {
            if let Some(known) = sporty.get(idx).copied().flatten() {
                return known;
            }
            let Some(sentence) = sentences.get(idx) else {
                return false;
            };
            let words: Vec<&str> = sentence.tokens.iter().map(|t| t.span.of(text)).collect();
            // Words with an everyday sense too ("the final decision", "our goal") count only
            // two together; a word only sport uses counts alone.
            let n_sport = words.iter().filter(|w| is_sports_word(w)).count();
            let n_everyday = words.iter().filter(|w| is_everyday_sports_word(w)).count();
            let sport_word = n_sport > n_everyday || n_everyday >= 2;
            let score = words.windows(3).any(|w| {
                !w[0].is_empty()
                    && w[0].chars().all(|c| c.is_ascii_digit())
                    && w[1] == "-"
                    && !w[2].is_empty()
                    && w[2].chars().all(|c| c.is_ascii_digit())
            });
            let res = sport_word || score;
            if let Some(slot) = sporty.get_mut(idx) {
                *slot = Some(res);
            }
            res
        };
        for m in mentions.iter_mut() {
            if m.kind != EntityKind::Place || m.rule == Rule::Demonym {
                continue;
            }
            let is_country = self.gazetteer.get(&m.entity).is_some_and(|e| {
                is_nation(e)
                    || e.id.starts_with("place:")
                        && e.population.unwrap_or(0) > 5_000_000
                        && e.parent.is_none()
            });
            if is_country {
                continue;
            }
            let Some(sentence) = sentences.get(m.sentence) else {
                continue;
            };
            // A number right after the name ("Chicago 5 Boston 3", "Surrey 320") in a line of
            // results, or a sports word anywhere in the sentence.
            let next_is_number = sentence
                .tokens
                .get(
                    sentence
                        .tokens
                        .partition_point(|t| t.span.start < m.span.end),
                )
                .is_some_and(|t| t.span.of(text).chars().all(|c| c.is_ascii_digit()));
            let sentence_idx = m.sentence;
            if is_sporty(sentence_idx) || (next_is_number && sentence.tokens.len() <= 12) {
                let name = m.name.clone();
                m.alternatives = vec![m.entity.clone()];
                m.entity = format!("org:{}-team", slug(&name));
                m.kind = EntityKind::Organisation;
                m.rule = Rule::SportsTeam;
                m.confidence = round2(Rule::SportsTeam.confidence());
            }
        }
    }

    fn find_hits(&self, text: &str, folded: &Folded, sentences: &[Sentence]) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        let ftext = folded.text.as_str();
        let starts = self.candidate_starts(text, folded);
        self.scan(ftext, &starts, |s, e, pattern| {
            if char_before(ftext, s).is_some_and(is_word_char)
                || char_at(ftext, e).is_some_and(is_word_char)
            {
                return false;
            }
            let Some(span) = folded.original_span(s, e) else {
                return false;
            };
            let original = span.of(text);
            let Some(cands) = self.candidates.get(pattern) else {
                return false;
            };
            let first_alpha_upper = original
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            let kept: Vec<&Candidate> = cands
                .iter()
                .filter(|c| match &c.exact {
                    Some(exact) => same_exact(original, exact),
                    None => !c.capital || first_alpha_upper,
                })
                .collect();
            if kept.is_empty() {
                return false;
            }
            // A village beside a capitalised word reads as part of a person's name.
            let entities = self.gazetteer.entities();
            if kept.iter().all(|c| {
                entities
                    .get(c.entity as usize)
                    .is_some_and(villages::is_village)
            }) && villages::beside_capitalised(text, span.start, span.end)
            {
                return false;
            }
            // An all-lowercase single word is never a name in edited news text.
            if !original.chars().any(char::is_uppercase)
                && !original.chars().any(|c| c.is_ascii_digit())
            {
                return false;
            }
            let sentence = sentence_of(sentences, span.start);
            hits.push(Hit {
                span,
                sentence,
                cands: kept,
            });
            true
        });
        hits
    }

    fn resolve(&self, text: &str, mut hits: Vec<Hit<'_>>) -> Vec<Mention> {
        let entities = self.gazetteer.entities();
        villages::drop_unsupported(entities, text, &mut hits);
        // Pass 1: what the document names without doubt.
        let mut sure: FastSet<u32> = FastSet::default();
        let mut countries: BTreeMap<&str, usize> = BTreeMap::new();
        for hit in &hits {
            if let [only] = hit.cands.as_slice() {
                sure.insert(only.entity);
                if let Some(country) = entities
                    .get(only.entity as usize)
                    .and_then(|e| e.country.as_deref())
                {
                    *countries.entry(country).or_default() += 1;
                }
            }
        }
        // The country the article is mostly about, from what it names without doubt.
        let dominant: Option<&str> = countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| *c);
        // Places the document names without doubt make their regions likelier ("Atlanta"
        // makes "Georgia" the US state).
        let parents: FastSet<&str> = sure
            .iter()
            .filter_map(|&idx| entities.get(idx as usize)?.parent.as_deref())
            .collect();
        let pairs = self.place_pairs(text, &hits);
        let mut res = Vec::with_capacity(hits.len());
        for (hit, pair) in hits.into_iter().zip(pairs) {
            match pair {
                Some(PairChoice::Unlisted { region }) => {
                    res.push(self.unlisted_in_region(text, &hit, region));
                    continue;
                }
                Some(PairChoice::Listed(idx)) => {
                    if let Some(m) = self.paired_mention(text, &hit, idx) {
                        res.push(m);
                        continue;
                    }
                }
                None => {}
            }
            // A country of another name than the article's ("Georgia" in a US story).
            let rival_nation = hit.cands.iter().any(|c| {
                entities.get(c.entity as usize).is_some_and(|e| {
                    is_nation(e) && dominant.is_some() && e.country.as_deref() != dominant
                })
            });
            let context = ScoreContext {
                sure: &sure,
                countries: &countries,
                parents: &parents,
                dominant,
                rival_nation,
            };
            let mut best: Option<(i64, &Candidate)> = None;
            for cand in &hit.cands {
                let Some(entity) = entities.get(cand.entity as usize) else {
                    continue;
                };
                let score = candidate_score(entity, cand, &context, cand.entity);
                let better = match best {
                    None => true,
                    Some((bs, bc)) => {
                        score > bs
                            || (score == bs
                                && entities.get(cand.entity as usize).map(|e| &e.id)
                                    < entities.get(bc.entity as usize).map(|e| &e.id))
                    }
                };
                if better {
                    best = Some((score, cand));
                }
            }
            let Some((_, cand)) = best else { continue };
            let Some(entity) = entities.get(cand.entity as usize) else {
                continue;
            };
            // "the Senate" in an article about Zimbabwe is not the U.S. Senate: a generic
            // institution name belongs to the country the article is about.
            let written = hit.span.of(text);
            // "Kestrelia's Parliament": the country named right before it owns it ("the
            // Kestrelian Parliament" is left to the longer-name passes).
            let generic =
                entity.kind == EntityKind::Organisation && GENERIC_INSTITUTIONS.contains(&written);
            // "the party's National Congress": the end of another body's name, no reading.
            if generic && context::qualified_institution(text, &res, hit.span.start) {
                continue;
            }
            let home = generic
                .then(|| context::owner_country(&self.gazetteer, text, &res, hit.span.start, true))
                .flatten()
                .or(dominant);
            if generic
                && home.is_some_and(|d| {
                    // Not when that country has no such institution ("Congress" in a British
                    // story is the US Congress).
                    entity.country.as_deref() != Some(d) && context::country_has(written, d)
                })
            {
                let country = home.unwrap_or("");
                let mention = Mention {
                    span: hit.span,
                    sentence: hit.sentence,
                    text: written.to_string(),
                    entity: String::new(),
                    name: String::new(),
                    kind: EntityKind::Organisation,
                    rule: Rule::GenericInstitution,
                    confidence: round2(Rule::GenericInstitution.confidence()),
                    alternatives: vec![entity.id.to_string()],
                };
                res.push(context::generic_mention(
                    &self.gazetteer,
                    self.lookups(),
                    mention,
                    country,
                ));
                continue;
            }
            let rule = match cand.kind {
                FormKind::Name => Rule::GazetteerName,
                FormKind::Alias => Rule::GazetteerAlias,
                FormKind::Demonym => Rule::Demonym,
            };
            // The other readings, ranked: the likeliest first (ties by id).
            let mut ranked: Vec<(i64, &str)> = hit
                .cands
                .iter()
                .filter(|c| c.entity != cand.entity)
                .filter_map(|c| {
                    let e = entities.get(c.entity as usize)?;
                    Some((candidate_score(e, c, &context, c.entity), e.id.as_str()))
                })
                .collect();
            ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            let alternatives: Vec<String> = ranked.iter().map(|(_, id)| id.to_string()).collect();
            let confidence = if alternatives.is_empty() {
                rule.confidence()
            } else {
                rule.confidence() * 0.8
            };
            res.push(Mention {
                span: hit.span,
                sentence: hit.sentence,
                text: hit.span.of(text).to_string(),
                entity: entity.id.to_string(),
                name: entity.name.to_string(),
                kind: entity.kind,
                rule,
                confidence: round2(confidence),
                alternatives,
            });
        }
        res
    }
}

/// What a "Place, Region" pair decided for one of its names.
enum PairChoice {
    /// This candidate (an entity index).
    Listed(u32),
    /// A place the lists do not hold, in this region (an entity index).
    Unlisted { region: u32 },
}

impl Tagger {
    /// "Paris, Texas", "Atlanta, Georgia", "Tbilisi, Georgia": a place, a comma and the region
    /// or country it lies in decide both names. When the first has no candidate in that region
    /// ("Paris, Texas"), it is a place the lists do not hold.
    fn place_pairs(&self, text: &str, hits: &[Hit<'_>]) -> Vec<Option<PairChoice>> {
        let entities = self.gazetteer.entities();
        let mut res: Vec<Option<PairChoice>> = hits.iter().map(|_| None).collect();
        let place = |c: &&&Candidate| {
            entities
                .get(c.entity as usize)
                .is_some_and(|e| e.kind == EntityKind::Place && c.kind != FormKind::Demonym)
        };
        for (i, pair) in hits.windows(2).enumerate() {
            let [first, second] = pair else { continue };
            if text.get(first.span.end..second.span.start) != Some(", ") {
                continue;
            }
            let firsts: Vec<&Entity> = first
                .cands
                .iter()
                .filter(&place)
                .filter_map(|c| entities.get(c.entity as usize))
                .collect();
            let seconds: Vec<(u32, &Entity)> = second
                .cands
                .iter()
                .filter(&place)
                .filter_map(|c| Some((c.entity, entities.get(c.entity as usize)?)))
                .collect();
            if firsts.is_empty() || seconds.is_empty() || firsts.iter().any(|e| is_nation(e)) {
                continue;
            }
            let inside = |a: &Entity, b: &Entity| {
                a.parent.as_deref() == Some(b.id.as_str())
                    || is_nation(b)
                        && a.country.is_some()
                        && a.country.as_deref() == b.xref.get("iso3166").map(Text::as_str)
            };
            let found = first.cands.iter().filter(&place).find_map(|a| {
                let ea = entities.get(a.entity as usize)?;
                let (b, _) = seconds.iter().find(|(_, eb)| inside(ea, eb))?;
                Some((a.entity, *b))
            });
            if let Some((a, b)) = found {
                res[i] = Some(PairChoice::Listed(a));
                res[i + 1] = Some(PairChoice::Listed(b));
                continue;
            }
            // A region (not a town) after the comma: "Paris, Texas".
            let region = seconds.iter().find(|(_, e)| e.id.starts_with("iso3166-2:"));
            let any_town = seconds.iter().any(|(_, e)| e.id.starts_with("geonames:"));
            let towns_only = firsts.iter().all(|e| e.id.starts_with("geonames:"));
            if let (Some((b, _)), false, true) = (region, any_town, towns_only) {
                res[i] = Some(PairChoice::Unlisted { region: *b });
                res[i + 1] = Some(PairChoice::Listed(*b));
            }
        }
        res
    }

    /// The mention of `hit` as candidate `idx`, chosen by the place next to it.
    fn paired_mention(&self, text: &str, hit: &Hit<'_>, idx: u32) -> Option<Mention> {
        let entities = self.gazetteer.entities();
        let entity = entities.get(idx as usize)?;
        let mut alternatives: Vec<String> = hit
            .cands
            .iter()
            .filter(|c| c.entity != idx)
            .filter_map(|c| entities.get(c.entity as usize).map(|e| e.id.to_string()))
            .collect();
        alternatives.sort();
        alternatives.dedup();
        let rule = if alternatives.is_empty() {
            Rule::GazetteerName
        } else {
            Rule::PlaceContext
        };
        Some(Mention {
            span: hit.span,
            sentence: hit.sentence,
            text: hit.span.of(text).to_string(),
            entity: entity.id.to_string(),
            name: entity.name.to_string(),
            kind: entity.kind,
            rule,
            confidence: round2(rule.confidence()),
            alternatives,
        })
    }

    /// A place the lists do not hold, named with its region ("Paris, Texas").
    fn unlisted_in_region(&self, text: &str, hit: &Hit<'_>, region: u32) -> Mention {
        let entities = self.gazetteer.entities();
        let written = hit.span.of(text);
        let region_name = entities
            .get(region as usize)
            .map_or("", |e| e.name.as_str());
        let name = format!("{written}, {region_name}");
        let mut alternatives: Vec<String> = hit
            .cands
            .iter()
            .filter_map(|c| entities.get(c.entity as usize).map(|e| e.id.to_string()))
            .collect();
        alternatives.sort();
        alternatives.dedup();
        Mention {
            span: hit.span,
            sentence: hit.sentence,
            text: written.to_string(),
            entity: format!("place:{}", slug(&name)),
            name,
            kind: EntityKind::Place,
            rule: Rule::PlaceContext,
            confidence: round2(Rule::PlaceContext.confidence()),
            alternatives,
        }
    }
}

/// Subdivisions that ISO 3166-2 classes as countries or nations (the United Kingdom's), which
/// play as nations in sport: like countries, they stay places.
const NATION_SUBDIVISIONS: &[&str] = &["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"];

/// Whether `entity` is a country: an ISO 3166 alpha-2 code, or a subdivision that is a nation.
fn is_nation(entity: &Entity) -> bool {
    entity
        .xref
        .get("iso3166")
        .is_some_and(|c| c.len() == 2 || NATION_SUBDIVISIONS.contains(&c.as_str()))
}

/// Words after a town that name an event, not a team ("Hong Kong Open", "Davis Cup").
const EVENT_WORDS: &[&str] = &[
    "Open",
    "Cup",
    "Games",
    "Olympics",
    "Championship",
    "Championships",
    "Trophy",
    "Prix",
    "Classic",
    "Masters",
    "Tour",
    "Series",
    "Rally",
    "Marathon",
    "Grand",
    "Invitational",
    "Derby",
    "Stadium",
    "Park",
    "Road",
    "Ground",
    "Arena",
];

/// A team's name is often a town and a word ("Real Madrid", "Bristol City", "Dynamo Moscow",
/// "Inverness Thistle"): a sports team grows over an adjacent capitalised word that no other
/// mention covers, and two adjacent teams with only a space between them are one.
fn join_team_names(text: &str, sentences: &[Sentence], mentions: &mut Vec<Mention>) {
    if !mentions.iter().any(|m| m.rule == Rule::SportsTeam) {
        return;
    }
    let joinable = |w: &str| {
        cues::is_capitalised(w)
            && w.chars().any(char::is_alphabetic)
            && !cues::is_function_word(w)
            && w.chars().count() > 1
            && w.chars().any(char::is_lowercase)
            && !is_sports_word(w)
            && !EVENT_WORDS.contains(&w)
    };
    // A team absorbed by the one before it is marked here and dropped at the end (removing
    // it at once would shift the whole list, quadratic in a long article's mentions); the
    // mention before `i` is then `prev`, the last one kept.
    let mut removed = vec![false; mentions.len()];
    let mut prev: Option<usize> = None;
    let mut i = 0;
    while i < mentions.len() {
        let Some(sentence) = sentences
            .get(mentions[i].sentence)
            .filter(|_| mentions[i].rule == Rule::SportsTeam)
        else {
            prev = Some(i);
            i += 1;
            continue;
        };
        let tokens = &sentence.tokens;
        let mut span = mentions[i].span;
        // Index of the first token of the mention, and one past its last.
        let first = tokens.partition_point(|t| t.span.start < span.start);
        let last = tokens.partition_point(|t| t.span.end <= span.end);
        let prev_end = prev.and_then(|p| mentions.get(p)).map_or(0, |m| m.span.end);
        let next_start = mentions.get(i + 1).map_or(usize::MAX, |m| m.span.start);
        // The word before.
        if let Some(t) = first.checked_sub(1).and_then(|p| tokens.get(p)) {
            let w = t.span.of(text);
            let touching = text
                .get(t.span.end..span.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ' '));
            if touching && t.span.start >= prev_end && joinable(w) {
                span = Span::new(t.span.start, span.end);
            }
        }
        // The word after, or the next team.
        let mut absorb_next = false;
        if let Some(t) = tokens.get(last) {
            let w = t.span.of(text);
            let touching = text
                .get(span.end..t.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c == ' '));
            if touching && t.span.end <= next_start && joinable(w) {
                span = Span::new(span.start, t.span.end);
            } else if touching
                && mentions
                    .get(i + 1)
                    .is_some_and(|m| m.span.start == t.span.start && m.rule == Rule::SportsTeam)
            {
                if let Some(next) = mentions.get(i + 1) {
                    span = Span::new(span.start, next.span.end);
                }
                absorb_next = true;
            }
        }
        if span != mentions[i].span {
            let written = span.of(text).to_string();
            let name = written.split_whitespace().collect::<Vec<_>>().join(" ");
            let m = &mut mentions[i];
            m.entity = format!("org:{}-team", slug(&name));
            m.span = span;
            m.text = written;
            m.name = name;
            if absorb_next {
                if let Some(flag) = removed.get_mut(i + 1) {
                    *flag = true;
                }
            }
        }
        prev = Some(i);
        i += if absorb_next { 2 } else { 1 };
    }
    if removed.contains(&true) {
        let mut flags = removed.into_iter();
        mentions.retain(|_| !flags.next().unwrap_or(false));
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn same_exact(original: &str, exact: &str) -> bool {
    if original == exact {
        return true;
    }
    // Typographic apostrophes and dashes still count as the same spelling.
    let norm = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => '-',
                c if c.is_whitespace() => ' ',
                c => c,
            })
            .collect()
    };
    norm(original) == norm(exact)
}

/// What the document says about candidates: entries it names without doubt, how often it
/// names each country, the regions of the places it names, its main country.
struct ScoreContext<'a> {
    sure: &'a FastSet<u32>,
    countries: &'a BTreeMap<&'a str, usize>,
    parents: &'a FastSet<&'a str>,
    dominant: Option<&'a str>,
    /// The name is also a country other than the article's.
    rival_nation: bool,
}

fn candidate_score(entity: &Entity, cand: &Candidate, context: &ScoreContext<'_>, idx: u32) -> i64 {
    let mut score = 0i64;
    if context.sure.contains(&idx) {
        score += 10_000;
    }
    if context.parents.contains(entity.id.as_str()) {
        score += 5_000;
    }
    if let Some(country) = &entity.country {
        let n_named = context
            .countries
            .get(country.as_str())
            .copied()
            .unwrap_or(0);
        score += 300 * n_named.min(5) as i64;
        // A region of the country the article is about, named twice or more, beats a
        // homonymous country the article never names otherwise (Georgia in a US story).
        let region = entity.id.starts_with("iso3166-2:");
        let home = context.dominant == Some(country.as_str());
        if region && context.rival_nation && n_named >= 2 && home {
            score += 2_500;
        }
    }
    score += match entity.layer {
        Layer::Generated => 0,
        Layer::Curated => 2_000,
        Layer::User => 3_000,
    };
    score += match cand.kind {
        FormKind::Name => 200,
        FormKind::Alias => 100,
        FormKind::Demonym => 0,
    };
    if cand.exact.is_some() {
        score += 50;
    }
    if let Some(pop) = entity.population {
        score += (100.0 * (pop.max(1) as f64).log10()) as i64;
    }
    score
}

/// The anchored leftmost-longest match of `matcher` at `pos` of `ftext`.
fn anchored_match(matcher: &AhoCorasick, ftext: &str, pos: usize) -> Option<aho_corasick::Match> {
    let input = Input::new(ftext).range(pos..).anchored(Anchored::Yes);
    matcher.try_find(input).ok().flatten()
}

/// Runs an anchored leftmost-longest search at each of `starts` (in order): `find_at(pos)`
/// gives the end and pattern of the match at `pos`, if any. Skips starts inside a match that
/// `on_match` accepted.
fn scan_with(
    find_at: impl Fn(usize) -> Option<(usize, usize)>,
    ftext: &str,
    starts: &[usize],
    mut on_match: impl FnMut(usize, usize, usize) -> bool,
) {
    let mut free_from = 0;
    for &pos in starts {
        if pos < free_from || pos >= ftext.len() {
            continue;
        }
        let Some((end, pattern)) = find_at(pos) else {
            continue;
        };
        if on_match(pos, end, pattern) {
            free_from = end;
        }
    }
}

/// Index of the sentence containing byte `pos` (the last one starting at or before it).
pub fn sentence_of(sentences: &[Sentence], pos: usize) -> usize {
    match sentences.binary_search_by(|s| s.span.start.cmp(&pos)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    }
}

/// Slug for ids of entities found by cues: lowercase ASCII letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    let folded = fold(name).text;
    let mut res = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            res.push(c);
        } else if !res.ends_with('-') && !res.is_empty() {
            res.push('-');
        }
    }
    while res.ends_with('-') {
        res.pop();
    }
    if res.is_empty() {
        res.push_str(&crate::hash::hex_id(crate::hash::fnv1a64(name.as_bytes())));
    }
    res
}

mod context;
mod cues;
/// Whether a word is shaped like part of a personal name (for the claim reader's pronouns).
pub(crate) use cues::name_shaped;
mod lookup;
pub mod mention_model;
mod orgs;
mod villages;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Layer;
    use crate::text::sentences;

    fn tagger(ron: &str) -> Tagger {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", ron, Layer::Curated).unwrap();
        Tagger::builder().cues(false).build(gaz).unwrap()
    }

    const GAZ: &str = r#"(entries: [
        (id: "place:iran", type: place, name: "Iran", demonyms: ["Iranian"]),
        (id: "place:oman", type: place, name: "Oman"),
        (id: "place:ukraine", type: place, name: "Ukraine", demonyms: ["Ukrainian"]),
        (id: "place:sao-paulo", type: place, name: "São Paulo"),
        (id: "person:z", type: person, name: "Volodymyr Zelenskyy", aliases: ["Zelenskyy", "Zelensky"]),
        (id: "place:us", type: place, name: "United States", aliases: ["U.S."], exact_case: ["US"]),
        (id: "place:turkey", type: place, name: "Turkey"),
        (id: "place:georgia", type: place, name: "Georgia", country: "GE", population: 3700000),
        (id: "place:georgia-us", type: place, name: "Georgia", country: "US", population: 10000000),
        (id: "place:atlanta", type: place, name: "Atlanta", country: "US"),
    ])"#;

    fn tags(t: &Tagger, text: &str) -> Vec<(String, String)> {
        let s = sentences(text);
        t.tag(text, &s)
            .into_iter()
            .map(|m| (m.text, m.entity))
            .collect()
    }

    #[test]
    fn builtin_tagger_prepared_while_decoding_is_the_same() {
        let text = "Councillor Maren Oduya of Leeds met officials of the World Health \
                    Organization in Geneva on Monday. Oduya said Ukrainian farmers in Kharkiv \
                    would sell their grain through Rotterdam.";
        let plain = Tagger::new(Gazetteer::builtin().unwrap()).unwrap();
        let early = Tagger::builder().build_builtin().unwrap();
        assert_eq!(plain.n_patterns(), early.n_patterns());
        let s = sentences(text);
        let found = early.tag(text, &s);
        assert!(found.len() >= 5, "{found:?}");
        assert_eq!(plain.tag(text, &s), found);
    }

    #[test]
    fn folding_keeps_offsets() {
        let text = "Zelenskyy\u{2019}s São  Paulo";
        let f = fold(text);
        assert_eq!(f.text, "zelenskyy's sao paulo");
        let at = f.text.find("sao paulo").unwrap();
        let span = f.original_span(at, at + "sao paulo".len()).unwrap();
        assert_eq!(span.of(text), "São  Paulo");
    }

    #[test]
    fn word_boundaries_and_possessives() {
        let t = tagger(GAZ);
        assert_eq!(
            tags(
                &t,
                "Iranian and Romanian officials met in Ukraine's capital."
            ),
            vec![
                ("Iranian".to_string(), "place:iran".to_string()),
                ("Ukraine".to_string(), "place:ukraine".to_string())
            ]
        );
        assert_eq!(
            tags(&t, "Zelenskyj met people in Sao Paulo and São Paulo."),
            vec![
                ("Sao Paulo".to_string(), "place:sao-paulo".to_string()),
                ("São Paulo".to_string(), "place:sao-paulo".to_string())
            ]
        );
    }

    /// The automata per first word and the automaton over all names give the same mentions,
    /// also where a longer name ends inside a word, a name is a prefix of a word, or a name
    /// starts with punctuation.
    #[test]
    fn group_automata_match_the_full_automaton() {
        const NAMES: &str = r#"(entries: [
            (id: "org:abc", type: organisation, name: "Abc"),
            (id: "org:abcd", type: organisation, name: "Abcd Holdings"),
            (id: "place:port", type: place, name: "Portland"),
            (id: "place:port-r", type: place, name: "Portland Republic"),
            (id: "org:dot", type: organisation, name: ".Dotcom"),
            (id: "place:north", type: place, name: "North Vale"),
            (id: "place:zanthor", type: place, name: "Zanthor Bay"),
        ])"#;
        let text = "Abc met Abcd Holders and Abcd Holdings in Portland Republican offices; \
                    .Dotcom and North Vale and Portland. Abcde said North Valerie won.";
        let grouped = tagger(NAMES);
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", NAMES, Layer::Curated).unwrap();
        let full = Tagger::builder()
            .cues(false)
            .full_after_bytes(0)
            .build(gaz)
            .unwrap();
        // Every group here is small enough to match without an automaton; force automata in
        // a second tagger to check both ways of matching a group.
        let mut automata = tagger(NAMES);
        automata.groups.direct_max = 0;
        automata.groups.direct_budget = 0;
        // And every group compared directly within its budget, none ever built.
        let mut compared = tagger(NAMES);
        compared.groups.direct_max = 0;
        compared.groups.direct_budget = u32::MAX;
        let got = tags(&grouped, text);
        assert_eq!(got, tags(&full, text));
        assert_eq!(got, tags(&automata, text));
        assert_eq!(got, tags(&compared, text));
        assert_eq!(compared.groups.built(), 0);
        assert!(got.len() >= 5, "{got:?}");
        assert!(full.full.get().is_some() && grouped.full.get().is_none());
        assert_eq!(grouped.groups.built(), 0);
        // Only the groups the text needed were built ("zanthor" is not in it).
        assert_eq!(automata.groups.built() + 1, automata.groups.len());
    }

    /// A group compared directly gets its automaton once its budget is spent, and matches the
    /// same names before and after.
    #[test]
    fn group_gets_its_automaton_after_its_budget() {
        const NAMES: &str = r#"(entries: [
            (id: "place:port", type: place, name: "Portland"),
            (id: "place:port-r", type: place, name: "Portland Republic"),
        ])"#;
        let text = "Portland Republic and Portland.";
        let mut t = tagger(NAMES);
        t.groups.direct_max = 0;
        // Two names per search: the first search compares them, the second builds.
        t.groups.direct_budget = 3;
        let first = tags(&t, "Portland Republic.");
        assert_eq!(t.groups.built(), 0);
        let again = tags(&t, text);
        assert_eq!(t.groups.built(), 1);
        assert_eq!(first, tags(&t, "Portland Republic."));
        assert_eq!(again.len(), 2, "{again:?}");
    }

    #[test]
    fn flat_groups_give_the_longest_name_that_starts_the_text() {
        let patterns: Vec<Text> = ["new york", "new", "new york city", "newark"]
            .into_iter()
            .map(Text::from)
            .collect();
        let ids = [0u32, 1, 2, 3, 9];
        let flat = flatten(&ids, &patterns);
        assert_eq!(
            longest_flat(&flat, &ids, b"new york city hall"),
            Some((13, 2))
        );
        assert_eq!(longest_flat(&flat, &ids, b"new york state"), Some((8, 0)));
        assert_eq!(longest_flat(&flat, &ids, b"new jersey"), Some((3, 1)));
        assert_eq!(longest_flat(&flat, &ids, b"ne"), None);
        assert_eq!(longest_flat(&flat, &[9], b"new"), None);
    }

    #[test]
    fn case_rules() {
        let t = tagger(GAZ);
        assert_eq!(tags(&t, "let us eat turkey").len(), 0);
        assert_eq!(tags(&t, "US troops and U.S.-backed plans").len(), 2);
        assert_eq!(tags(&t, "Us and Turkey").len(), 1);
    }

    #[test]
    fn document_context_disambiguates() {
        let t = tagger(GAZ);
        let us = t.tag(
            "Georgia is near Atlanta.",
            &sentences("Georgia is near Atlanta."),
        );
        assert_eq!(us[0].entity, "place:georgia-us");
        let text = "Georgia voted.";
        let ge = t.tag(text, &sentences(text));
        // Without context, population decides.
        assert_eq!(ge[0].entity, "place:georgia-us");
        assert_eq!(ge[0].alternatives, vec!["place:georgia".to_string()]);
    }

    #[test]
    fn alternatives_are_ranked_likeliest_first() {
        let t = tagger(
            r#"(entries: [
                (id: "place:a", type: place, name: "Brookfield", population: 1000),
                (id: "place:b", type: place, name: "Brookfield", population: 90000),
                (id: "place:c", type: place, name: "Brookfield", population: 5000000),
                (id: "place:d", type: place, name: "Brookfield", population: 30000),
            ])"#,
        );
        let text = "Brookfield voted.";
        let got = t.tag(text, &sentences(text));
        assert_eq!(got[0].entity, "place:c");
        assert_eq!(got[0].alternatives, vec!["place:b", "place:d", "place:a"]);
    }

    #[test]
    fn team_names_grow_over_a_word_and_nations_stay_places() {
        let mut gaz = Gazetteer::empty();
        gaz.add_source(
            "t.ron",
            r#"(entries: [
                (id: "place:madrid", type: place, name: "Madrid"),
                (id: "place:bristol", type: place, name: "Bristol"),
                (id: "place:england", type: place, name: "England", xref: {"iso3166": "GB-ENG"}),
            ])"#,
            Layer::Curated,
        )
        .unwrap();
        let t = Tagger::new(gaz).unwrap();
        let text = "Real Madrid beat Bristol City in the match. England won the cup.";
        let got: Vec<(String, String)> = t
            .tag(text, &sentences(text))
            .into_iter()
            .map(|m| (m.text, m.kind.as_str().to_string()))
            .collect();
        let want = [
            ("Real Madrid", "organisation"),
            ("Bristol City", "organisation"),
            ("England", "place"),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Daniel Driscoll"), "daniel-driscoll");
        assert_eq!(slug("Ján Počiatek"), "jan-pociatek");
    }
}
