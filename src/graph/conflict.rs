//! Conflicts: pairs of relations that cannot both be true, each with both sides' evidence.
//!
//! Two relations conflict only when they are **comparable**:
//!
//! * the same subject entity (a literal subject never conflicts) whose identity is not in doubt:
//!   not a person known by one word only ("Trudeau"), and not a support whose sentence puts
//!   another first name before the surname ("Pierre Trudeau" for the entity "Justin Trudeau");
//! * the same predicate lemma and the same modality class (a plan does not contradict a fact;
//!   a hedged or alleged claim is compared with asserted ones: [`modality_class`]);
//! * overlapping periods: equal stated periods (or one inside the other, `2008` and
//!   `2008-03`), else two supports whose articles are dated within [`DATE_WINDOW_DAYS`] of
//!   each other; facts that do not change ([`TIMELESS_PREDICATES`]: birth, death, founding)
//!   need no window;
//! * at least one pair of supports from different sentences (two figures in one sentence are
//!   two facts, not a disagreement).
//!
//! The kinds:
//!
//! * **quantity**: asserted amounts in the same unit that differ, unless one lies in a range
//!   the other states ("between 500 and 600"), satisfies its bound ("more than 500") or lies
//!   within 10% of an approximate one ("about 600,000"). The range, bound and approximation
//!   come from the quantity record ([`ValueQuantity`]); for a plain record (and records
//!   written before quantities had them) the support's words are read again;
//! * **negation**: the same object, asserted and negated;
//! * **one-valued**: a predicate in [`ONE_VALUED_PREDICATES`] with two different objects of
//!   the same kind (two places, two persons, two organisations, two dates that are not one
//!   inside the other); a place never conflicts with a year, a literal phrase with nothing.
//!
//! A conflict's strength is the number of independent sources on each side (copies of one
//! report count once: see `corroborate.rs`): conflicts sort by the weaker side's count, then
//! the stronger one's, then id. [`KnowledgeGraph::conflicts_as_of`] finds the conflicts of the
//! graph as it was known on a date: only supports from articles dated up to it take part.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::EdgeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::{AsOf, KnowledgeGraph, NodeRef, RelationRef, SupportRef, ValueNode, ValueQuantity};
use crate::claim::Modality;
use crate::gazetteer::EntityKind;
use crate::hash::{fnv1a64_parts, hex_id};
use crate::quantity::Date;

/// Predicate lemmas that take one object per subject (at one time): birth and death, capitals,
/// headquarters, founding, and offices one person holds alone.
pub const ONE_VALUED_PREDICATES: &[&str] = &[
    "be capital of",
    "have capital",
    "be born in",
    "be born on",
    "bear in",
    "bear on",
    "born in",
    "die in",
    "die on",
    "be president of",
    "be prime minister of",
    "be ceo of",
    "be chief executive of",
    "be leader of",
    "be headquartered in",
    "be based in",
    "be founded in",
    "be founded on",
    "found in",
];

/// One-valued predicates whose object never changes, so supports of any date compare.
pub const TIMELESS_PREDICATES: &[&str] = &[
    "be born in",
    "be born on",
    "bear in",
    "bear on",
    "born in",
    "die in",
    "die on",
    "be founded in",
    "be founded on",
    "found in",
];

/// Two supports without a stated period compare when their articles' dates are at most this
/// many days apart (and an undated article compares with nothing). One day: reports of the
/// same event in one news cycle. Figures that move daily (prices, polls, tolls) differ
/// across days without disagreeing, so a wider window mostly adds false conflicts.
pub const DATE_WINDOW_DAYS: i64 = 1;

/// Supports whose sentence is longer than this many words are not compared: such "sentences"
/// are mostly lists or timelines the splitter could not cut, where extraction goes wrong.
pub(super) const MAX_EVIDENCE_WORDS: usize = 60;

/// Relations in one bucket (subject, predicate, kind) that are compared pairwise: the best
/// supported, so that a subject with thousands of figures stays fast.
const MAX_BUCKET: usize = 64;

/// Whether a predicate lemma takes one object per subject.
pub fn is_one_valued(predicate: &str) -> bool {
    ONE_VALUED_PREDICATES.contains(&predicate)
}

/// Why relations conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConflictKind {
    Quantity,
    Negation,
    OneValued,
    /// A graph relation against a claim kept out of the graph: a [`super::Challenge`].
    HeldOut,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Quantity => "quantity",
            ConflictKind::Negation => "negation",
            ConflictKind::OneValued => "one-valued",
            ConflictKind::HeldOut => "held-out",
        }
    }

    /// The kind named `quantity`, `negation`, `one-valued` or `held-out`.
    pub fn parse(s: &str) -> Option<ConflictKind> {
        [
            ConflictKind::Quantity,
            ConflictKind::Negation,
            ConflictKind::OneValued,
            ConflictKind::HeldOut,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Two relations that disagree about one subject and predicate.
#[derive(Clone, Debug)]
pub struct Conflict<'g> {
    /// `x` + 16 hex digits of the kind and the relation ids.
    pub id: String,
    pub kind: ConflictKind,
    pub subject: NodeRef<'g>,
    pub predicate: &'g str,
    /// The two sides, sorted by relation id.
    pub sides: Vec<ConflictSide<'g>>,
}

impl Conflict<'_> {
    /// Independent sources on each side, in side order.
    pub fn strength(&self) -> Vec<usize> {
        self.sides.iter().map(|s| n_sources(s)).collect()
    }

    /// The sort key: the weaker side's sources, then the stronger side's (both descending).
    fn rank(&self) -> (usize, usize) {
        let s = self.strength();
        let min = s.iter().copied().min().unwrap_or(0);
        let max = s.iter().copied().max().unwrap_or(0);
        (min, max)
    }
}

/// One side of a conflict: a relation with its supports (articles and attributions).
pub type ConflictSide<'g> = RelationRef<'g>;

/// Independent sources of a relation's supports (copies of one report count once).
fn n_sources(r: &RelationRef<'_>) -> usize {
    r.corroboration().n_sources()
}

impl KnowledgeGraph {
    /// Every conflict in the graph, strongest first.
    pub fn conflicts(&self) -> Vec<Conflict<'_>> {
        self.conflicts_about(None, None)
    }

    /// The conflicts of the graph as known on `as_of` (only supports from articles dated up
    /// to it; `None`: all), strongest first.
    pub fn conflicts_as_of(&self, as_of: Option<AsOf>) -> Vec<Conflict<'_>> {
        self.conflicts_about(as_of, None)
    }

    /// Like [`KnowledgeGraph::conflicts_as_of`], only about the subjects with these ids
    /// (`None`: every subject).
    pub fn conflicts_about(
        &self,
        as_of: Option<AsOf>,
        subjects: Option<&BTreeSet<&str>>,
    ) -> Vec<Conflict<'_>> {
        let wanted: Option<BTreeSet<usize>> = subjects.map(|ids| {
            ids.iter()
                .filter_map(|id| self.entities.get(*id).map(|idx| idx.index()))
                .collect()
        });
        // Group by (subject node, predicate number): integers sort fast, and the relation key
        // keeps id order inside a group.
        let mut keys: Vec<(u32, u32, u64, EdgeIndex)> = (&self.graph)
            .edge_references()
            .filter(|e| {
                wanted
                    .as_ref()
                    .is_none_or(|w| w.contains(&e.source().index()))
            })
            .map(|e| {
                let r = e.weight();
                (
                    e.source().index() as u32,
                    r.predicate.index() as u32,
                    r.key,
                    e.id(),
                )
            })
            .collect();
        keys.sort_unstable();
        let mut res = Vec::new();
        for group in keys.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if group.len() < 2 {
                continue;
            }
            let relations: Vec<RelationRef<'_>> = group
                .iter()
                .filter_map(|&(_, _, _, edge)| self.relation_ref(edge)?.as_of(as_of))
                .collect();
            if relations.len() >= 2 {
                group_conflicts(&relations, &mut res);
            }
        }
        let mut ranked: Vec<((usize, usize), Conflict<'_>)> =
            res.into_iter().map(|c| (c.rank(), c)).collect();
        ranked.sort_by(|(ra, a), (rb, b)| rb.cmp(ra).then_with(|| a.id.cmp(&b.id)));
        ranked.into_iter().map(|(_, c)| c).collect()
    }
}

impl KnowledgeGraph {
    /// The relations that say the opposite of `r`: the same subject, predicate, object,
    /// modality and (when both state one) period, with the other polarity. Unlike a
    /// negation conflict, no date window applies: a denial may come weeks after the claim.
    pub fn opposites_of<'g>(&'g self, r: &RelationRef<'g>) -> Vec<RelationRef<'g>> {
        let key = object_key(r);
        let nested = |p: &str, q: &str| p.starts_with(q) || q.starts_with(p);
        self.graph
            .edges_directed(r.from, petgraph::Direction::Outgoing)
            .filter_map(|e| self.relation_ref(e.id()))
            .filter(|o| {
                o.relation.predicate == r.relation.predicate
                    && modality_class(o.relation.modality) == modality_class(r.relation.modality)
                    && o.relation.negated != r.relation.negated
                    && match (o.period(), r.period()) {
                        (Some(p), Some(q)) => nested(p, q),
                        _ => true,
                    }
                    && object_key(o) == key
            })
            .collect()
    }
}

/// The modality class of a relation for comparing: a hedged claim ("reportedly", "alleged
/// that") is still a claim about what is the case, so it is compared with asserted ones ("born
/// in Kenya", an allegation, against "born in Hawaii"); plans, obligations, possibilities and
/// conditions each stay in a class of their own (a plan does not contradict a fact).
pub(super) fn modality_class(m: Modality) -> u8 {
    match m {
        Modality::Asserted | Modality::Hedged => 0,
        other => other as u8,
    }
}

/// What an object is, for comparing: amounts by unit, entities by kind, dates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ObjectKind {
    Amount(Option<String>),
    Entity(EntityKind),
    Date,
    Phrase,
}

fn object_kind(r: &RelationRef<'_>) -> ObjectKind {
    match r.object {
        NodeRef::Entity(e) => ObjectKind::Entity(e.kind),
        NodeRef::Value(v) => match (&v.quantity, &v.date) {
            (Some(q), _) => ObjectKind::Amount(q.unit.clone()),
            (None, Some(_)) => ObjectKind::Date,
            (None, None) => ObjectKind::Phrase,
        },
    }
}

fn group_conflicts<'g>(relations: &[RelationRef<'g>], res: &mut Vec<Conflict<'g>>) {
    let Some(first) = relations.first() else {
        return;
    };
    let NodeRef::Entity(subject) = first.subject else {
        return;
    };
    if subject.kind == EntityKind::Person && !subject.name.trim().contains(' ') {
        return;
    }
    let predicate = first.predicate();
    // Birth and death are said of persons ("British troops died in Iraq" is no birthplace).
    let personal = ["born", "bear", "die"]
        .iter()
        .any(|w| predicate.split_whitespace().any(|p| p == *w));
    let one_valued = is_one_valued(predicate) && (!personal || subject.kind == EntityKind::Person);
    // Buckets of relations that may disagree: (modality, kind) for amounts and one-valued
    // objects, (modality, object) for negation.
    let mut buckets: BTreeMap<(u8, String, String), Vec<RelationRef<'g>>> = BTreeMap::new();
    for r in relations {
        let modality = modality_class(r.relation.modality);
        let kind = object_kind(r);
        let comparable_value = matches!(kind, ObjectKind::Amount(_)) || one_valued;
        if !r.relation.negated && comparable_value && kind != ObjectKind::Phrase {
            buckets
                .entry((modality, "value".into(), format!("{kind:?}")))
                .or_default()
                .push(*r);
        }
        buckets
            .entry((modality, "object".into(), object_key(r)))
            .or_default()
            .push(*r);
    }
    for ((_, what, _), mut bucket) in buckets {
        if bucket.len() < 2 {
            continue;
        }
        bucket.sort_by_cached_key(|r| std::cmp::Reverse(r.supports().count()));
        bucket.truncate(MAX_BUCKET);
        bucket.sort_by(|a, b| a.id().cmp(b.id()));
        for (i, a) in bucket.iter().enumerate() {
            for b in &bucket[i + 1..] {
                let kind = if what == "object" {
                    // "is (not) important": a copula with a phrase is an opinion, not a fact.
                    let opinion = predicate == "be"
                        && matches!(a.object, NodeRef::Value(v) if v.quantity.is_none());
                    (a.relation.negated != b.relation.negated && !opinion)
                        .then_some(ConflictKind::Negation)
                } else {
                    value_conflict(a, b, one_valued)
                };
                let Some(kind) = kind else { continue };
                if comparable(a, b, subject, timeless(predicate, kind)) {
                    res.extend(conflict(kind, predicate, vec![*a, *b]));
                }
            }
        }
    }
}

impl RelationRef<'_> {
    /// The object as negation compares it: its id for an entity, its merge key for a
    /// literal (equal for a claim and its denial).
    pub fn object_key(&self) -> String {
        object_key(self)
    }
}

/// The object as negation compares it: its id for an entity, its merge key for a literal
/// (value ids carry their relation's identity, which differs between the two polarities).
fn object_key(r: &RelationRef<'_>) -> String {
    match r.object {
        NodeRef::Entity(e) => e.id.clone(),
        NodeRef::Value(v) => {
            v.id.rsplit_once('@')
                .map_or(v.id.clone(), |(k, _)| k.to_string())
        }
    }
}

fn timeless(predicate: &str, kind: ConflictKind) -> bool {
    kind == ConflictKind::OneValued && TIMELESS_PREDICATES.contains(&predicate)
}

/// The kind of disagreement between two asserted relations of the same bucket, if any.
fn value_conflict(
    a: &RelationRef<'_>,
    b: &RelationRef<'_>,
    one_valued: bool,
) -> Option<ConflictKind> {
    match (a.object, b.object) {
        (NodeRef::Value(va), NodeRef::Value(vb)) => match (&va.quantity, &vb.quantity) {
            (Some(qa), Some(qb)) => {
                let (x, y) = (qa.exact.parse::<f64>().ok()?, qb.exact.parse::<f64>().ok()?);
                let (ba, bb) = (
                    Bounds::of_value(a, va, qa, x),
                    Bounds::of_value(b, vb, qb, y),
                );
                let consistent = qa.exact == qb.exact || ba.overlaps(&bb);
                let same_measure = measure_words(&va.text) == measure_words(&vb.text);
                // More than one number in the words, unless the record says what they are:
                // extraction may have picked the wrong one.
                let single = |t: &str, q: &ValueQuantity| {
                    let words: Vec<&str> = t.split_whitespace().collect();
                    q.is_qualified() || numbers_in(&words).len() <= 1
                };
                // "400" against "400,000": a scale word lost in extraction, not a figure.
                let ratio = if x.abs() > y.abs() { x / y } else { y / x };
                let rescaled = [1e3, 1e6, 1e9].iter().any(|r| (ratio - r).abs() < 1e-9 * r);
                let clear = single(&va.text, qa) && single(&vb.text, qb) && !rescaled;
                (!consistent && same_measure && clear).then_some(ConflictKind::Quantity)
            }
            (None, None) if one_valued => {
                let (da, db) = (va.date.as_deref()?, vb.date.as_deref()?);
                let nested = da.starts_with(db) || db.starts_with(da);
                (!nested).then_some(ConflictKind::OneValued)
            }
            _ => None,
        },
        (NodeRef::Entity(ea), NodeRef::Entity(eb)) if one_valued => {
            let nested = a.supports().chain(b.supports()).any(|s| {
                s.evidence.contains(&format!("{}, {}", ea.name, eb.name))
                    || s.evidence.contains(&format!("{}, {}", eb.name, ea.name))
            });
            (ea.kind == eb.kind && ea.id != eb.id && !nested).then_some(ConflictKind::OneValued)
        }
        _ => None,
    }
}

/// An amount's words with the two words before it in its first support's sentence, where
/// "about", "more than" or "at least" usually stand.
fn amount_words(r: &RelationRef<'_>, text: &str) -> String {
    let Some(s) = r.supports().next() else {
        return text.to_string();
    };
    let Some(at) = s.evidence.find(text) else {
        return text.to_string();
    };
    let before: Vec<&str> = s
        .evidence
        .get(..at)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let from = before.len().saturating_sub(2);
    format!("{} {text}", before[from..].join(" "))
}

/// What an amount counts: its words without numbers, determiners, units and bounds ("a value
/// of 9,936 points" → `points value`). Two amounts of different measures ("50% support",
/// "a 6 percent lead") do not conflict.
fn measure_words(text: &str) -> Vec<String> {
    const SKIP: &[&str] = &[
        "a",
        "an",
        "the",
        "of",
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "more",
        "than",
        "over",
        "at",
        "least",
        "most",
        "up",
        "to",
        "under",
        "less",
        "fewer",
        "just",
        "only",
        "percent",
        "per",
        "cent",
        "pct",
        "%",
        "thousand",
        "million",
        "billion",
        "trillion",
        "bn",
        "mln",
        "us",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "pounds",
        "pound",
        "yen",
        "yuan",
    ];
    let mut words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .filter(|w| !w.is_empty() && !SKIP.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The values an amount's words allow: a stated range, a bound, or ±10% when approximate.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Bounds {
    lo: f64,
    hi: f64,
}

impl Bounds {
    /// The bounds of a relation's amount: from its record when the record states them (a
    /// range, a bound, an approximation), else read again from its support's words (records
    /// written before quantities had bounds, and plain amounts, which the words confirm).
    fn of_value(r: &RelationRef<'_>, v: &ValueNode, q: &ValueQuantity, value: f64) -> Bounds {
        if q.is_qualified() {
            return Bounds::of_record(q, value);
        }
        Bounds::of(&amount_words(r, &v.text), value)
    }

    /// The bounds a quantity record states: its ends (open where absent), widened by 10%
    /// when approximate.
    fn of_record(q: &ValueQuantity, value: f64) -> Bounds {
        let end = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<f64>().ok());
        let one_sided = matches!(
            q.bound.as_deref(),
            Some("at-least" | "more-than" | "at-most" | "less-than")
        );
        let (lo, hi) = match (end(&q.min), end(&q.max)) {
            (None, None) => (value, value),
            (lo, hi) if one_sided => (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY)),
            (lo, hi) => (lo.unwrap_or(value), hi.unwrap_or(value)),
        };
        if !q.approximate {
            return Bounds { lo, hi };
        }
        // Infinite ends stay infinite (∞ × 0.1 is ∞, never NaN).
        Bounds {
            lo: lo - lo.abs() * 0.1,
            hi: hi + hi.abs() * 0.1,
        }
    }

    /// Whether some value lies in both.
    fn overlaps(&self, other: &Bounds) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    fn of(text: &str, value: f64) -> Bounds {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let has = |w: &str| words.contains(&w);
        let has_pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
        let numbers = numbers_in(&words);
        let ranged = has("between") || has("to") || has("and") || lower.contains('–');
        let dash_range = words.iter().any(|w| {
            w.trim_start_matches('$')
                .split('-')
                .filter(|p| p.parse::<f64>().is_ok())
                .count()
                == 2
        });
        if (ranged || dash_range) && numbers.len() >= 2 {
            let lo = numbers.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            return Bounds {
                lo: lo.min(value),
                hi: hi.max(value),
            };
        }
        if has_pair("more", "than")
            || has("over")
            || has("least")
            || has("above")
            || has("exceeding")
        {
            return Bounds {
                lo: value,
                hi: f64::INFINITY,
            };
        }
        if has_pair("less", "than")
            || has_pair("fewer", "than")
            || has("under")
            || has_pair("up", "to")
            || has_pair("at", "most")
            || has("below")
        {
            return Bounds {
                lo: f64::NEG_INFINITY,
                hi: value,
            };
        }
        let approximate = [
            "about",
            "around",
            "approximately",
            "roughly",
            "nearly",
            "almost",
            "some",
            "estimated",
            "approx.",
            "~",
            "close",
        ]
        .iter()
        .any(|w| has(w) || lower.starts_with(w));
        let margin = if approximate { value.abs() * 0.1 } else { 0.0 };
        Bounds {
            lo: value - margin,
            hi: value + margin,
        }
    }

    #[cfg(test)]
    fn contains(&self, x: f64) -> bool {
        self.lo <= x && x <= self.hi
    }
}

/// The numbers written in words of an amount, scaled by a following "thousand", "million",
/// "billion" or "trillion" (a scale after the last number applies to a bare first one too:
/// "1.2 to 1.5 million").
fn numbers_in(words: &[&str]) -> Vec<f64> {
    let mut res: Vec<(f64, bool)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let digits: String = w
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .replace(',', "");
        for part in digits.split(['-', '–']) {
            let Ok(n) = part.parse::<f64>() else { continue };
            let scale = match words.get(i + 1).copied().unwrap_or("") {
                "thousand" => Some(1e3),
                "million" | "mln" => Some(1e6),
                "billion" | "bn" => Some(1e9),
                "trillion" => Some(1e12),
                _ => None,
            };
            res.push((n * scale.unwrap_or(1.0), scale.is_some()));
        }
    }
    if let (Some(&(_, false)), Some(&(last, true))) = (res.first(), res.last()) {
        let scale_of_last = words
            .iter()
            .find_map(|w| match *w {
                "thousand" => Some(1e3),
                "million" | "mln" => Some(1e6),
                "billion" | "bn" => Some(1e9),
                "trillion" => Some(1e12),
                _ => None,
            })
            .unwrap_or(1.0);
        let _ = last;
        if let Some(first) = res.first_mut() {
            first.0 *= scale_of_last;
        }
    }
    res.into_iter().map(|(n, _)| n).collect()
}

/// Whether two relations of one subject and predicate speak of the same time about the same
/// subject, from different sentences (see the module docs).
fn comparable(
    a: &RelationRef<'_>,
    b: &RelationRef<'_>,
    subject: &super::EntityNode,
    timeless: bool,
) -> bool {
    let nested = |p: &str, q: &str| p.starts_with(q) || q.starts_with(p);
    let (pa, pb) = (a.period(), b.period());
    if let (Some(pa), Some(pb)) = (pa, pb) {
        if !nested(pa, pb) {
            return false;
        }
    }
    let usable = |s: &SupportRef<'_>| {
        !identity_in_doubt(subject, s)
            && s.evidence.split_whitespace().count() <= MAX_EVIDENCE_WORDS
    };
    let sa: Vec<SupportRef<'_>> = a.supports().filter(|s| usable(s)).collect();
    let sb: Vec<SupportRef<'_>> = b.supports().filter(|s| usable(s)).collect();
    sa.iter().any(|x| {
        sb.iter().any(|y| {
            let same_article = x.article.id == y.article.id;
            // One article states two things in two sentences: a disagreement only between
            // two different voices (a claim and its rebuttal), never its own narrative.
            if same_article && (x.support.sentence == y.support.sentence || same_voice(x, y)) {
                return false;
            }
            let at_same_time = match (pa, pb) {
                (Some(_), Some(_)) => true,
                // A stated period against the other article's date.
                (Some(p), None) => {
                    y.article.date.as_deref().is_some_and(|d| nested(p, d)) && within_window(x, y)
                }
                (None, Some(p)) => {
                    x.article.date.as_deref().is_some_and(|d| nested(p, d)) && within_window(x, y)
                }
                (None, None) => same_article || within_window(x, y),
            };
            timeless || at_same_time
        })
    })
}

/// Whether two supports speak with one voice: the same attribution, or none.
fn same_voice(x: &SupportRef<'_>, y: &SupportRef<'_>) -> bool {
    let voice = |s: &SupportRef<'_>| s.attribution().map(|a| a.text.to_lowercase());
    voice(x) == voice(y)
}

fn within_window(x: &SupportRef<'_>, y: &SupportRef<'_>) -> bool {
    let day = |s: &SupportRef<'_>| {
        let date = s.article.date.as_deref()?;
        Date::parse_iso(date.get(..10).unwrap_or(date)).map(|d| d.days())
    };
    match (day(x), day(y)) {
        (Some(dx), Some(dy)) => (dx - dy).abs() <= DATE_WINDOW_DAYS,
        _ => false,
    }
}

/// Whether a support's sentence names someone else with the subject's surname: another
/// capitalised first name right before it, and the full name nowhere in the sentence.
fn identity_in_doubt(subject: &super::EntityNode, s: &SupportRef<'_>) -> bool {
    name_in_doubt(subject, s.evidence)
}

/// Whether a sentence names someone else with the subject's surname (see
/// [`identity_in_doubt`]).
pub(super) fn name_in_doubt(subject: &super::EntityNode, evidence: &str) -> bool {
    if subject.kind != EntityKind::Person {
        return false;
    }
    let name_words: Vec<&str> = subject.name.split_whitespace().collect();
    let Some(&surname) = name_words.last() else {
        return false;
    };
    if name_words.len() < 2 || evidence.contains(subject.name.as_str()) {
        return false;
    }
    let words: Vec<&str> = evidence
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|p| {
        p[1] == surname
            && p[0].chars().next().is_some_and(char::is_uppercase)
            && !p[0].ends_with('.')
            && !name_words.contains(&p[0])
            && !subject
                .aliases
                .iter()
                .any(|a| a.split_whitespace().any(|w| w == p[0]))
            && looks_like_first_name(p[0])
    })
}

/// Capitalised words that come before a surname without being a first name: titles, and
/// function words that open sentences.
const NOT_FIRST_NAMES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "President",
    "Prime",
    "Minister",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Governor",
    "Gov",
    "General",
    "Gen",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Chancellor",
    "Premier",
    "Secretary",
    "Judge",
    "Justice",
    "Mayor",
    "Chairman",
    "Chairwoman",
    "Director",
    "Chief",
    "Officer",
    "Professor",
    "Prof",
    "Pope",
    "Father",
    "Rev",
    "Former",
    "Captain",
    "Colonel",
    "Lieutenant",
    "Sergeant",
    "Commissioner",
    "Ambassador",
    "Speaker",
    "Leader",
    "Coach",
    "Archbishop",
    "Bishop",
    "Cardinal",
    "Sheikh",
    "Emir",
    "Crown",
    "Deputy",
    "Vice",
    "Acting",
    "The",
    "But",
    "And",
    "When",
    "If",
    "As",
    "After",
    "Before",
    "While",
    "Although",
    "Because",
    "So",
    "Then",
    "Yet",
    "Or",
    "For",
    "In",
    "On",
    "At",
    "By",
    "With",
    "From",
    "Of",
    "To",
    "That",
    "This",
    "Both",
    "Said",
    "Says",
    "Also",
    "Under",
    "Against",
    "Like",
    "Unlike",
    "Did",
    "Does",
    "Has",
    "Had",
];

fn looks_like_first_name(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(char::is_lowercase)
        && !NOT_FIRST_NAMES.contains(&w)
}

fn conflict<'g>(
    kind: ConflictKind,
    predicate: &'g str,
    sides: Vec<RelationRef<'g>>,
) -> Option<Conflict<'g>> {
    let subject = sides.first()?.subject;
    let mut parts: Vec<&str> = vec![kind.as_str()];
    parts.extend(sides.iter().map(|s| s.id()));
    Some(Conflict {
        id: format!("x{}", hex_id(fnv1a64_parts(&parts))),
        kind,
        subject,
        predicate,
        sides,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_ranges_limits_and_approximations() {
        assert!(Bounds::of("between 500 and 600 troops", 500.0).contains(550.0));
        assert!(Bounds::of("more than 500 troops", 500.0).contains(900.0));
        assert!(!Bounds::of("more than 500 troops", 500.0).contains(400.0));
        assert!(Bounds::of("about 600,000 troops", 600_000.0).contains(640_000.0));
        assert!(!Bounds::of("600,000 troops", 600_000.0).contains(640_000.0));
        assert!(Bounds::of("$1.2 to $1.5 million", 1.2e6).contains(1.4e6));
    }

    fn record(min: Option<&str>, max: Option<&str>, approx: bool, bound: &str) -> ValueQuantity {
        ValueQuantity {
            exact: "0".into(),
            unit: None,
            min: min.map(str::to_string),
            max: max.map(str::to_string),
            approximate: approx,
            bound: (!bound.is_empty()).then(|| bound.to_string()),
        }
    }

    #[test]
    fn record_bounds_hold_ranges_bounds_and_approximations() {
        let range = Bounds::of_record(&record(Some("70"), Some("90"), false, "range"), 70.0);
        assert!(range.overlaps(&Bounds { lo: 85.0, hi: 85.0 }));
        assert!(!range.overlaps(&Bounds { lo: 95.0, hi: 95.0 }));
        let over = Bounds::of_record(&record(Some("40"), None, false, "more-than"), 40.0);
        assert!(over.overlaps(&Bounds {
            lo: 400.0,
            hi: 400.0
        }));
        assert!(!over.overlaps(&Bounds { lo: 30.0, hi: 30.0 }));
        let up_to = Bounds::of_record(&record(None, Some("5"), false, "at-most"), 5.0);
        assert!(up_to.overlaps(&Bounds { lo: 2.0, hi: 2.0 }));
        let about = Bounds::of_record(&record(None, None, true, ""), 600.0);
        assert!(about.overlaps(&Bounds {
            lo: 650.0,
            hi: 650.0
        }));
        assert!(!about.overlaps(&Bounds {
            lo: 700.0,
            hi: 700.0
        }));
    }
}
