//! Independent corroboration: which supports of a relation are copies of one report, how many
//! independent sources remain, and how reliable the best of them is.
//!
//! Two supports are **copies** (one report) when
//!
//! * they come from the same article;
//! * their articles credit the same news agency ([`AGENCIES`]): a dateline or credit line in
//!   parentheses, `WASHINGTON (AP) —`, `(Reuters)`, `(AFP)`, in the article's title, its first
//!   sentence or the support's own sentence, or an article whose `source` is the agency itself.
//!   Only the sentences the store keeps are read (those that carry claims, which usually
//!   include the dateline sentence); a credit line in a sentence with no claim is not seen;
//! * their sentences are the same or nearly: after folding (case, diacritics, punctuation) and
//!   dropping a leading dateline up to the agency credit, the Jaccard overlap of their sets of
//!   word 3-shingles is at least [`COPY_JACCARD`] (sentences under three words compare their
//!   words), or one sentence is a passage of the other: at least [`COPY_CONTAINED`] of the
//!   smaller set's shingles, when it has at least [`MIN_CONTAINED`] (an edited copy that adds
//!   or trims a clause; a short claim quoted inside an independent report is too short to
//!   count). Copies are joined transitively (union-find).
//!
//! Each group of copies is one **report**; its **origin** is the earliest support (article
//! date, undated last, then article id and offset). `n_sources` is the number of reports.
//! Byte-identical sentences are copies without further work; relations with more than
//! [`MAX_COMPARED`] distinct sentences compare exact (folded) text only, so one popular
//! relation cannot make a query quadratic.
//!
//! Reliability: a support's grade is the better of its article source's and its credited
//! agency's grade in the analyst's sources file ([`crate::sources`]); a relation's is the best
//! of its supports' grades (`None` when none is rated).

use std::collections::{BTreeMap, HashMap};

use petgraph::stable_graph::NodeIndex;

use super::{KnowledgeGraph, SupportRef};
use crate::hash::fnv1a64;
use crate::sources::{Reliability, SourceList, Standing};
use crate::tagger::fold_name;

/// News agencies whose stories other outlets carry: the name used in output, then the names
/// and abbreviations that credit it (matched in parentheses, or as an article's source).
pub const AGENCIES: &[(&str, &[&str])] = &[
    (
        "Associated Press",
        &["AP", "Associated Press", "The Associated Press"],
    ),
    ("Reuters", &["Reuters", "Thomson Reuters"]),
    (
        "Agence France-Presse",
        &["AFP", "Agence France-Presse", "Agence France Presse"],
    ),
    ("United Press International", &["UPI"]),
    ("Deutsche Presse-Agentur", &["dpa", "DPA"]),
    ("Xinhua", &["Xinhua"]),
    ("EFE", &["EFE"]),
    ("ANSA", &["ANSA"]),
    ("Kyodo", &["Kyodo", "Kyodo News"]),
    ("Yonhap", &["Yonhap"]),
    ("TASS", &["TASS"]),
    ("Interfax", &["Interfax"]),
    ("Press Trust of India", &["PTI"]),
    ("Bloomberg", &["Bloomberg"]),
];

/// Two sentences are copies at or above this Jaccard overlap of their word 3-shingles.
pub const COPY_JACCARD: f64 = 0.6;

/// ... or when this share of the smaller sentence's shingles is in the larger one,
pub const COPY_CONTAINED: f64 = 0.8;

/// ... and the smaller sentence has at least this many shingles (ten words).
pub const MIN_CONTAINED: usize = 8;

/// Words per shingle.
const SHINGLE: usize = 3;

/// Above this many distinct sentences in one relation, only exact (folded) copies are found.
pub const MAX_COMPARED: usize = 256;

/// "What was known when": a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that admits articles
/// dated up to it (compared on the date's own precision: `2024-03` admits all of March).
/// Undated articles are never admitted: nobody knows when they were known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AsOf {
    bytes: [u8; 10],
    len: u8,
}

impl AsOf {
    /// The date, when it has one of the three forms.
    pub fn parse(date: &str) -> Option<AsOf> {
        let ok = matches!(date.len(), 4 | 7 | 10)
            && date.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !ok {
            return None;
        }
        let mut bytes = [0u8; 10];
        bytes[..date.len()].copy_from_slice(date.as_bytes());
        Some(AsOf {
            bytes,
            len: date.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// Whether an article of this date was known on the as-of date.
    pub fn admits(&self, article_date: Option<&str>) -> bool {
        let Some(date) = article_date.filter(|d| !d.is_empty()) else {
            return false;
        };
        let prefix = date.get(..usize::from(self.len)).unwrap_or(date);
        prefix <= self.as_str()
    }
}

/// Why a support counts as a copy of its report's origin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyReason {
    SameArticle,
    /// Both articles credit this agency.
    SameAgency(&'static str),
    SameText,
}

impl CopyReason {
    /// `same-article`, `same-agency`, `same-text`.
    pub fn as_str(self) -> &'static str {
        match self {
            CopyReason::SameArticle => "same-article",
            CopyReason::SameAgency(_) => "same-agency",
            CopyReason::SameText => "same-text",
        }
    }
}

/// One independent report: supports (indices into the list given) that copy one origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The earliest support.
    pub origin: usize,
    /// Every support of the report, the origin first, then by date.
    pub members: Vec<usize>,
}

/// The independent reports among some supports of a relation.
#[derive(Clone, Debug, Default)]
pub struct Corroboration {
    /// Sorted by their origin's date (undated last), article id and offset.
    pub reports: Vec<Report>,
    /// By support index: the origin it copies and why (`None` for an origin).
    pub copy_of: Vec<Option<(usize, CopyReason)>>,
    /// By support index: the agency its article credits.
    pub agency: Vec<Option<&'static str>>,
    /// By support index: its grade in the sources file (better of publisher and agency).
    pub grade: Vec<Option<Reliability>>,
}

impl Corroboration {
    /// Independent sources: copies of one report count once.
    pub fn n_sources(&self) -> usize {
        self.reports.len()
    }

    /// The best grade of any support (`None`: none rated).
    pub fn reliability(&self) -> Option<Reliability> {
        self.grade.iter().flatten().min().copied()
    }

    /// Independent sources and best grade, for credibility.
    pub fn standing(&self) -> Standing {
        Standing {
            n_sources: self.n_sources(),
            reliability: self.reliability(),
        }
    }
}

impl KnowledgeGraph {
    /// Groups `supports` (of one relation, in any order) into independent reports, grading
    /// them with the graph's sources list when one is set.
    pub fn corroborate(&self, supports: &[SupportRef<'_>]) -> Corroboration {
        let mut agencies: HashMap<NodeIndex, Option<&'static str>> = HashMap::new();
        let agency: Vec<Option<&'static str>> = supports
            .iter()
            .map(|s| {
                *agencies
                    .entry(s.support.article)
                    .or_insert_with(|| self.credited_agency(s))
            })
            .collect();
        let grade = supports
            .iter()
            .zip(&agency)
            .map(|(s, a)| {
                self.sources
                    .as_deref()
                    .and_then(|list| grade_of(list, s, *a))
            })
            .collect();
        let mut sets = UnionFind::new(supports.len());
        join_by_origin(supports, &agency, &mut sets);
        if sets.n_roots() > 1 {
            join_by_text(supports, &agency, &mut sets);
        }
        let (reports, copy_of) = reports(supports, &agency, &mut sets);
        Corroboration {
            reports,
            copy_of,
            agency,
            grade,
        }
    }

    /// The agency an article credits (see the module docs), read from the support's article.
    fn credited_agency(&self, s: &SupportRef<'_>) -> Option<&'static str> {
        if let Some(a) = s.article.source.as_deref().and_then(agency_named) {
            return Some(a);
        }
        let first = self
            .article_at(s.support.article)
            .and_then(|a| a.evidence.iter().next())
            .filter(|(idx, _)| *idx <= 1)
            .map(|(_, text)| text);
        [s.article.title.as_deref(), first, Some(s.evidence)]
            .into_iter()
            .flatten()
            .find_map(credit_in)
    }
}

fn grade_of(list: &SourceList, s: &SupportRef<'_>, agency: Option<&str>) -> Option<Reliability> {
    let publisher = s
        .article
        .source
        .as_deref()
        .and_then(|n| list.reliability(n));
    let credited = agency.and_then(|name| {
        AGENCIES
            .iter()
            .find(|(canonical, _)| *canonical == name)
            .and_then(|(canonical, names)| {
                std::iter::once(canonical)
                    .chain(names.iter())
                    .find_map(|n| list.reliability(n))
            })
    });
    publisher.into_iter().chain(credited).min()
}

/// The agency whose name or abbreviation `name` is (ASCII case aside for full names;
/// abbreviations of two or three letters as written, so "ap" in a sentence is no agency).
/// No allocation: it runs for every parenthesis of every support's sentence.
pub fn agency_named(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if name.len() < 2 || name.len() > 40 {
        return None;
    }
    AGENCIES.iter().find_map(|(canonical, names)| {
        let hit = std::iter::once(canonical).chain(names.iter()).any(|n| {
            if n.len() <= 3 {
                *n == name
            } else {
                n.eq_ignore_ascii_case(name)
            }
        });
        hit.then_some(*canonical)
    })
}

/// The agency a text credits in parentheses (`(AP)`, `(Reuters)`), if any.
pub fn credit_in(text: &str) -> Option<&'static str> {
    credit_span(text).map(|(agency, _)| agency)
}

/// The first agency credit in parentheses and the byte offset just after it.
fn credit_span(text: &str) -> Option<(&'static str, usize)> {
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('(')) {
        let start = from + open + 1;
        let close = text.get(start..).and_then(|t| t.find(')'))?;
        let inner = text.get(start..start + close).unwrap_or("");
        if let Some(agency) = agency_named(inner) {
            return Some((agency, start + close + 1));
        }
        from = start + close + 1;
    }
    None
}

/// Supports of one article, or of articles crediting one agency, are one report.
fn join_by_origin(supports: &[SupportRef<'_>], agency: &[Option<&str>], sets: &mut UnionFind) {
    let mut first: BTreeMap<(u8, &str), usize> = BTreeMap::new();
    for (k, s) in supports.iter().enumerate() {
        for key in [Some((0, s.article.id.as_str())), agency[k].map(|a| (1, a))]
            .into_iter()
            .flatten()
        {
            match first.get(&key) {
                Some(&j) => sets.union(j, k),
                None => {
                    first.insert(key, k);
                }
            }
        }
    }
}

/// Supports whose sentences are the same or nearly (see the module docs) are one report.
fn join_by_text(supports: &[SupportRef<'_>], agency: &[Option<&str>], sets: &mut UnionFind) {
    // Byte-identical sentences are copies at once; one entry per distinct text (the first
    // support that has it) is shingled, so a story carried a thousand times costs one.
    let mut texts: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, s) in supports.iter().enumerate() {
        match texts.get(s.evidence) {
            Some(&j) => sets.union(j, k),
            None => {
                texts.insert(s.evidence, k);
            }
        }
    }
    let shingled: Vec<(usize, Vec<u64>)> = texts
        .values()
        .map(|&k| (k, shingles(supports[k].evidence, agency[k].is_some())))
        .collect();
    let mut exact: HashMap<&[u64], usize> = HashMap::new();
    for (k, set) in &shingled {
        match exact.get(set.as_slice()) {
            Some(&j) => sets.union(j, *k),
            None => {
                exact.insert(set, *k);
            }
        }
    }
    if shingled.len() > MAX_COMPARED {
        return;
    }
    for (i, (a, set_a)) in shingled.iter().enumerate() {
        for (b, set_b) in &shingled[i + 1..] {
            if sets.find(*a) != sets.find(*b) && near_copies(set_a, set_b) {
                sets.union(*a, *b);
            }
        }
    }
}

/// Sorted, deduplicated hashes of the folded sentence's word 3-shingles (its words when it
/// has fewer), after a leading dateline up to an agency credit when `credited`.
fn shingles(sentence: &str, credited: bool) -> Vec<u64> {
    let body = match credit_span(sentence) {
        Some((_, end)) if credited && end <= 80 => sentence.get(end..).unwrap_or(sentence),
        _ => sentence,
    };
    let folded = fold_name(body);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Word hashes first, then each shingle as a mix of its words' hashes (no string per
    // shingle: this runs for every distinct sentence of every relation asked about).
    let hashes: Vec<u64> = words.iter().map(|w| fnv1a64(w.as_bytes())).collect();
    let mut res: Vec<u64> = if hashes.len() < SHINGLE {
        hashes
    } else {
        hashes
            .windows(SHINGLE)
            .map(|w| {
                w.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, x| {
                    (h ^ x).wrapping_mul(0x0100_0000_01b3).rotate_left(29)
                })
            })
            .collect()
    };
    res.sort_unstable();
    res.dedup();
    res
}

/// Whether two shingle sets are near copies (see the module docs).
fn near_copies(a: &[u64], b: &[u64]) -> bool {
    let common = common(a, b);
    let smaller = a.len().min(b.len());
    let union = a.len() + b.len() - common;
    let jaccard = union > 0 && common as f64 / union as f64 >= COPY_JACCARD;
    let contained = smaller >= MIN_CONTAINED && common as f64 / smaller as f64 >= COPY_CONTAINED;
    jaccard || contained
}

/// |A ∩ B| / |A ∪ B| of two sorted sets (0 when both are empty).
#[cfg(test)]
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let common = common(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

/// |A ∩ B| of two sorted sets.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

type CopyOf = Vec<Option<(usize, CopyReason)>>;

/// The reports of the joined sets, each with its origin first, and why each other support is
/// a copy.
fn reports(
    supports: &[SupportRef<'_>],
    agency: &[Option<&'static str>],
    sets: &mut UnionFind,
) -> (Vec<Report>, CopyOf) {
    let order = |k: usize| {
        let s = &supports[k];
        (
            s.article.date.as_deref().unwrap_or("~"),
            s.article.id.as_str(),
            s.start(),
            k,
        )
    };
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..supports.len() {
        groups.entry(sets.find(k)).or_default().push(k);
    }
    let mut reports: Vec<Report> = groups
        .into_values()
        .map(|mut members| {
            members.sort_by_key(|&k| order(k));
            Report {
                origin: members[0],
                members,
            }
        })
        .collect();
    reports.sort_by_key(|r| order(r.origin));
    let mut copy_of = vec![None; supports.len()];
    for r in &reports {
        let origin = &supports[r.origin];
        for &k in &r.members[1..] {
            let reason = if supports[k].article.id == origin.article.id {
                CopyReason::SameArticle
            } else {
                match (agency[k], agency[r.origin]) {
                    (Some(a), Some(b)) if a == b => CopyReason::SameAgency(a),
                    _ => CopyReason::SameText,
                }
            };
            copy_of[k] = Some((r.origin, reason));
        }
    }
    (reports, copy_of)
}

/// Disjoint sets over `0..n` with path halving; the smaller root wins, so results do not
/// depend on the order of unions.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut k: usize) -> usize {
        while self.parent[k] != k {
            self.parent[k] = self.parent[self.parent[k]];
            k = self.parent[k];
        }
        k
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }

    fn n_roots(&mut self) -> usize {
        (0..self.parent.len())
            .filter(|&k| self.find(k) == k)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_agencies_in_parentheses() {
        assert_eq!(
            credit_in("OTTAWA, Ontario (AP) — The minister said"),
            Some("Associated Press")
        );
        assert_eq!(
            credit_in("LISBON, May 2 (Reuters) - Port workers"),
            Some("Reuters")
        );
        assert_eq!(
            credit_in("The council (in Lyon) met, PARIS (AFP) said"),
            Some("Agence France-Presse")
        );
        assert_eq!(
            credit_in("The council (ap) met"),
            None,
            "abbreviations as written"
        );
        assert_eq!(credit_in("The Party (AKP) won"), None);
        assert_eq!(credit_in("no credit here ("), None);
        assert_eq!(
            agency_named("the associated press"),
            Some("Associated Press")
        );
        assert_eq!(agency_named("Daily Rumour"), None);
    }

    #[test]
    fn near_copies_overlap_and_rewrites_do_not() {
        let a = shingles(
            "HELSINKI (Reuters) - The ferry operator said it would cut 300 jobs in the spring.",
            true,
        );
        let b = shingles(
            "The ferry operator said it would cut 300 jobs in the spring, the company added.",
            false,
        );
        let c = shingles(
            "Three hundred posts will go at the ferry company next spring, its owner said.",
            false,
        );
        assert!(jaccard(&a, &b) >= COPY_JACCARD, "{}", jaccard(&a, &b));
        assert!(jaccard(&a, &c) < COPY_JACCARD, "{}", jaccard(&a, &c));
        assert!(near_copies(&a, &b) && !near_copies(&a, &c));
        // A passage reused with a new opening is a copy; a short claim inside a longer,
        // independent sentence is not.
        let reused = shingles(
            "Under the agreement that two unions signed in Bergen on Friday, the ferry operator will cut 300 jobs in the spring and close two routes.",
            false,
        );
        let source = shingles(
            "The ferry operator will cut 300 jobs in the spring and close two routes, it said.",
            false,
        );
        assert!(jaccard(&reused, &source) < COPY_JACCARD);
        assert!(near_copies(&reused, &source));
        let short = shingles("The operator will cut 300 jobs.", false);
        let long = shingles(
            "Union leaders in Turku said the operator will cut 300 jobs, far more than it admitted.",
            false,
        );
        assert!(!near_copies(&short, &long));
        assert_eq!(jaccard(&a, &a), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(shingles("Yes.", false).len(), 1);
    }

    #[test]
    fn as_of_admits_articles_up_to_its_date_at_its_precision() {
        let march = AsOf::parse("2024-03").unwrap();
        assert!(march.admits(Some("2024-03-31")));
        assert!(march.admits(Some("2023-12-01")));
        assert!(!march.admits(Some("2024-04-01")));
        assert!(!march.admits(None), "undated");
        assert!(!march.admits(Some("")));
        let day = AsOf::parse("2024-03-05").unwrap();
        assert!(day.admits(Some("2024-03-05")));
        assert!(!day.admits(Some("2024-03-06")));
        assert!(
            day.admits(Some("2024")),
            "a year-only date sorts before its days"
        );
        assert_eq!(AsOf::parse("5 March"), None);
        assert_eq!(AsOf::parse("2024/03/05"), None);
        assert_eq!(day.as_str(), "2024-03-05");
    }

    fn ferry_graph() -> KnowledgeGraph {
        use crate::graph::testutil::{article, bundle, claim};
        let said = |id: &str, date: &str, evidence: &str| {
            let mut c = claim(id, 0, "place:norway|Norway", "buy", "12 ferries");
            c.evidence = evidence.to_string();
            bundle(article(id, &format!("h-{id}"), date), Vec::new(), vec![c])
        };
        let mut g = KnowledgeGraph::new();
        for b in [
            said(
                "w1",
                "2025-01-02",
                "OSLO (AP) - Norway will buy 12 ferries, officials said on Friday.",
            ),
            // Earlier, rewritten, but credited to the same agency: the origin.
            said(
                "w2",
                "2025-01-01",
                "OSLO (AP) - A dozen new boats: Norway will buy 12 ferries for its coast guard.",
            ),
            // No credit, but the same sentence as w1 without its dateline.
            said(
                "w3",
                "2025-01-03",
                "Norway will buy 12 ferries, officials said on Friday.",
            ),
            said(
                "w4",
                "2025-01-03",
                "The coast guard confirmed that Norway will buy 12 ferries from a Polish yard.",
            ),
        ] {
            g.ingest(b, None);
        }
        g
    }

    #[test]
    fn copies_by_agency_and_by_text_are_one_report_with_the_earliest_as_origin() {
        let g = ferry_graph();
        let r = g.relations().next().unwrap();
        let supports: Vec<SupportRef<'_>> = r.supports().collect();
        let ids: Vec<&str> = supports.iter().map(|s| s.article.id.as_str()).collect();
        assert_eq!(ids, ["w1", "w2", "w3", "w4"]);
        let c = g.corroborate(&supports);
        assert_eq!(c.n_sources(), 2);
        assert_eq!(
            c.reports,
            [
                Report {
                    origin: 1,
                    members: vec![1, 0, 2]
                },
                Report {
                    origin: 3,
                    members: vec![3]
                },
            ]
        );
        assert_eq!(
            c.copy_of,
            [
                Some((1, CopyReason::SameAgency("Associated Press"))),
                None,
                Some((1, CopyReason::SameText)),
                None,
            ]
        );
        assert_eq!(c.reliability(), None, "no sources list");

        // Graded: the articles crediting the agency take its grade; the uncredited reprint and
        // the independent report stay unrated.
        let mut graded = g.clone();
        let list = "[(name: \"Associated Press\", aliases: [\"AP\"], reliability: \"B\")]";
        graded.set_sources(SourceList::parse("s.ron", list).unwrap());
        let r = graded.relations().next().unwrap();
        let c = r.corroboration();
        assert_eq!(
            c.grade,
            [Some(Reliability::B), Some(Reliability::B), None, None]
        );
        assert_eq!(c.standing().reliability, Some(Reliability::B));

        // As known on 2 January: only the wire story.
        let early = r.as_of(AsOf::parse("2025-01-02")).unwrap();
        assert_eq!(early.supports().count(), 2);
        assert_eq!(early.corroboration().n_sources(), 1);
        assert!(r.as_of(AsOf::parse("2024-12-31")).is_none());
    }

    #[test]
    fn union_find_keeps_the_smallest_root() {
        let mut sets = UnionFind::new(5);
        sets.union(3, 1);
        sets.union(4, 3);
        assert_eq!(sets.find(4), 1);
        assert_eq!(sets.n_roots(), 3);
    }
}
