//! The knowledge graph: entities, values and articles as nodes, merged claims as relation edges.
//!
//! This module owns the only petgraph in the crate (a `StableDiGraph`), and no petgraph type
//! leaves it: the public API speaks entity ids (`place:ukraine`), value ids
//! (`value:quantity:600000:troops@…`), article ids and relation ids (`r` + 16 hex digits).
//!
//! * An **entity** node is a person, place or organisation, keyed by its gazetteer id, with the
//!   name, aliases and cross-references of the gazetteer entry when one was given at ingest.
//! * A **value** node is a literal argument (a quantity, a date or a phrase) and a leaf of one
//!   relation: `value:` + [`Argument::merge_key`](crate::claim::Argument::merge_key) + `@` +
//!   the relation's anchor ([`literal_anchor`]), so "600,000 troops" in two articles' equal
//!   claims is one node, while two subjects or two predicates never share one.
//! * An **article** node holds the article record and the sentences its claims quote.
//! * A **relation** edge runs subject → object, one per merged triple and
//!   [`RelationContext`] (polarity, modality, stated period), and holds one [`Support`] per
//!   claim that states it.
//! * A **mentions** edge runs article → entity with the number of tagged mentions.
//!
//! Ingest is in `ingest.rs`, conflict detection in `conflict.rs`, the rebuild of graphs from
//! older stores in `migrate.rs`. Everything iterates in id
//! order (`BTreeMap` indexes), so queries and exports are deterministic without sorting.

use std::collections::BTreeMap;
use std::sync::Arc;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::claim::{Attribution, Modality, GRAPH_MIN_CONFIDENCE};
use crate::gazetteer::EntityKind;
use crate::hash::{fnv1a64_parts, hex_id};
use crate::pipeline::ArticleRecord;
use crate::sources::SourceList;
use crate::tagger::fold_name;

mod challenge;
mod compact;
mod conflict;
mod corroborate;
mod ingest;
mod merge;
mod migrate;
mod reach;
mod restore;
#[cfg(test)]
pub(crate) mod testutil;

pub use challenge::Challenge;
pub use compact::{
    AttributionSym, ClaimRef, Evidence, EvidenceError, Id, Interner, SharedBytes, Sym,
};
pub use conflict::{
    is_one_valued, Conflict, ConflictKind, ConflictSide, DATE_WINDOW_DAYS, ONE_VALUED_PREDICATES,
    TIMELESS_PREDICATES,
};
pub use corroborate::{
    agency_named, credit_in, AsOf, CopyReason, Corroboration, Report, AGENCIES, COPY_CONTAINED,
    COPY_JACCARD, MAX_COMPARED, MIN_CONTAINED,
};
pub use ingest::IngestOutcome;
pub use merge::MergeError;
pub use reach::{ResolveError, DEFAULT_MAX_NODES};
pub use restore::{
    RelationSlot, RestoreError, RestoredClaim, RestoredContext, RestoredSupport, Restorer,
    SupportList,
};

/// Prefix of value node ids.
pub const VALUE_PREFIX: &str = "value:";

/// A person, place or organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityNode {
    /// Gazetteer id, e.g. `place:ukraine`.
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Other names from the gazetteer (empty when ingested without one).
    pub aliases: Vec<String>,
    /// Cross-references from the gazetteer (`wikidata` → `Q212`).
    pub xref: BTreeMap<String, String>,
}

/// A literal argument: a quantity, a date or a phrase. A value is a leaf that belongs to one
/// relation: its id is `value:` + the argument's merge key + `@` + 16 hex digits of the
/// relation's identity (see [`literal_anchor`]), so two subjects or two relations never share
/// a value node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueNode {
    /// `value:` + the argument's merge key + `@` + the relation anchor.
    pub id: String,
    /// The words as written in this relation's supports (the smallest spelling seen, so it
    /// does not depend on ingest order).
    pub text: String,
    pub quantity: Option<ValueQuantity>,
    /// `YYYY-MM-DD` (or shorter).
    pub date: Option<String>,
}

/// The exact number of a quantity value, with the range, bound and approximation its words
/// state (see [`crate::claim::QuantityWire`]).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ValueQuantity {
    /// The exact decimal, e.g. `600000`.
    pub exact: String,
    pub unit: Option<String>,
    /// The lower and upper ends, as decimals (`1200`), when the words state them.
    pub min: Option<String>,
    pub max: Option<String>,
    /// "about 600,000".
    pub approximate: bool,
    /// `range`, `change`, `at-least`, `more-than`, `at-most` or `less-than`.
    pub bound: Option<String>,
}

impl ValueQuantity {
    /// The graph's form of a claim's quantity.
    pub fn from_wire(q: &crate::claim::QuantityWire) -> ValueQuantity {
        ValueQuantity {
            exact: q.exact.clone(),
            unit: q.unit.clone(),
            min: q.min.map(|v| v.to_string()),
            max: q.max.map(|v| v.to_string()),
            approximate: q.approximate,
            bound: q.bound.clone(),
        }
    }

    /// Whether the words state more than the number (a range, a bound or an approximation).
    pub fn is_qualified(&self) -> bool {
        self.min.is_some() || self.max.is_some() || self.approximate || self.bound.is_some()
    }
}

/// An article and the sentences its claims quote.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleNode {
    pub record: ArticleRecord,
    /// Sentence index → text; supports refer to it instead of copying it.
    evidence: Evidence,
    /// The relation edges this article supports, for replacing it (sorted, deduplicated;
    /// empty while the graph's `article_relations_stale` is set).
    relations: Vec<EdgeIndex>,
    /// The entities it mentions (or makes claims about) with their mention counts.
    mentions: Vec<(NodeIndex, u32)>,
}

impl ArticleNode {
    /// The quoted sentences, sorted by sentence index.
    pub fn evidence(&self) -> impl Iterator<Item = (u32, &str)> {
        self.evidence.iter()
    }

    /// The quoted sentences as one buffer (what the store writes).
    pub fn evidence_buffer(&self) -> &Evidence {
        &self.evidence
    }

    fn sentence(&self, idx: u32) -> &str {
        self.evidence.get(idx)
    }
}

/// A merged claim: one subject, predicate, object and polarity, stated by one or more claims.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// `r` + 16 hex digits of `key`.
    pub id: Id,
    /// The hash of the subject id, predicate, object id and polarity; the index key.
    key: u64,
    /// The predicate lemma (`limit army`), in the graph's interner: see
    /// [`RelationRef::predicate`].
    predicate: Sym,
    pub negated: bool,
    /// The modality class of every support (asserted, obligation, conditional, ...):
    /// relations of different modality never merge.
    pub modality: Modality,
    /// The period the claims state (`2023`), in the graph's interner: see
    /// [`RelationRef::period`].
    period: Option<Sym>,
    /// Sorted by article id, sentence, span and claim id.
    supports: Vec<Support>,
}

impl Relation {
    pub fn n_supports(&self) -> usize {
        self.supports.len()
    }

    /// The number of distinct articles among the supports (supports are sorted by article).
    pub fn n_articles(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for s in &self.supports {
            if last != Some(s.article) {
                n += 1;
                last = Some(s.article);
            }
        }
        n
    }

    /// The highest confidence of a support.
    pub fn max_confidence(&self) -> f64 {
        self.supports
            .iter()
            .map(|s| s.confidence)
            .fold(0.0, f64::max)
    }
}

/// One claim that states a relation. Its strings are numbers into the graph's interner:
/// read them through [`SupportRef`]. 64 bytes, no pointer (a million-article store holds
/// tens of millions of these; the size is checked at compile time below).
#[derive(Clone, Debug, PartialEq)]
pub struct Support {
    claim: ClaimRef,
    pub confidence: f64,
    /// Byte offset of the supporting text in the article.
    start: u64,
    article: NodeIndex,
    pub sentence: u32,
    /// Length of the supporting text (saturated at 4 GiB).
    len: u32,
    /// The verb group as written (`would have to limit`).
    predicate_text: Sym,
    /// The extraction rule.
    rule: Sym,
    attribution: Option<AttributionSym>,
    pub quote: bool,
    pub modality: Modality,
}

// The size ARCHITECTURE.md and the docs above state (on 64-bit targets, where `u64` and `f64`
// are 8-byte aligned).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Support>() == 64);

impl Support {
    /// The [slot](KnowledgeGraph::slots) of the article.
    pub fn article_slot(&self) -> usize {
        self.article.index()
    }

    /// Byte offsets of the supporting text in the article.
    pub fn start(&self) -> u64 {
        self.start
    }

    pub fn end(&self) -> u64 {
        self.start.saturating_add(u64::from(self.len))
    }

    pub fn claim(&self) -> ClaimRef {
        self.claim
    }

    pub fn predicate_text(&self) -> Sym {
        self.predicate_text
    }

    pub fn rule(&self) -> Sym {
        self.rule
    }

    pub fn attribution(&self) -> Option<AttributionSym> {
        self.attribution
    }
}

/// Mention and article counts of an entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntityStats {
    pub n_mentions: u64,
    pub n_articles: u64,
}

/// The endpoint of a relation.
#[derive(Clone, Copy, Debug)]
pub enum NodeRef<'g> {
    Entity(&'g EntityNode),
    Value(&'g ValueNode),
}

impl<'g> NodeRef<'g> {
    /// The entity id or value id.
    pub fn id(&self) -> &'g str {
        match self {
            NodeRef::Entity(e) => &e.id,
            NodeRef::Value(v) => &v.id,
        }
    }

    /// The entity name or the value as written.
    pub fn label(&self) -> &'g str {
        match self {
            NodeRef::Entity(e) => &e.name,
            NodeRef::Value(v) => &v.text,
        }
    }

    /// `person`, `place`, `organisation` or `value`.
    pub fn kind_str(&self) -> &'static str {
        match self {
            NodeRef::Entity(e) => e.kind.as_str(),
            NodeRef::Value(_) => "value",
        }
    }

    pub fn as_entity(&self) -> Option<&'g EntityNode> {
        match self {
            NodeRef::Entity(e) => Some(e),
            NodeRef::Value(_) => None,
        }
    }
}

/// A relation with its endpoints.
#[derive(Clone, Copy, Debug)]
pub struct RelationRef<'g> {
    graph: &'g KnowledgeGraph,
    from: NodeIndex,
    to: NodeIndex,
    pub relation: &'g Relation,
    pub subject: NodeRef<'g>,
    pub object: NodeRef<'g>,
    /// Only supports from articles dated up to this date are seen (`None`: all).
    as_of: Option<AsOf>,
}

impl<'g> RelationRef<'g> {
    pub fn id(&self) -> &'g str {
        self.relation.id.as_str()
    }

    /// The predicate lemma (`limit army`).
    pub fn predicate(&self) -> &'g str {
        self.graph.interner.get(self.relation.predicate)
    }

    /// The predicate's number in the graph's [`Interner`].
    pub fn predicate_sym(&self) -> Sym {
        self.relation.predicate
    }

    /// The period the claims state (`2023`, `2008-03`), if any.
    pub fn period(&self) -> Option<&'g str> {
        self.relation.period.map(|p| self.graph.interner.get(p))
    }

    /// The period's number in the graph's [`Interner`].
    pub fn period_sym(&self) -> Option<Sym> {
        self.relation.period
    }

    /// The supports with their articles, in stored order (those up to the
    /// [as-of date](RelationRef::as_of) when one is set).
    pub fn supports(&self) -> impl Iterator<Item = SupportRef<'g>> + 'g {
        let graph = self.graph;
        let as_of = self.as_of;
        self.relation
            .supports
            .iter()
            .filter_map(move |support| graph.support_ref(support))
            .filter(move |s| as_of.is_none_or(|d| d.admits(s.article.date.as_deref())))
    }

    /// The relation as known on `as_of`: only supports from articles dated up to it (undated
    /// articles are left out); `None` when no support is left.
    pub fn as_of(mut self, as_of: Option<AsOf>) -> Option<RelationRef<'g>> {
        self.as_of = as_of;
        (as_of.is_none() || self.supports().next().is_some()).then_some(self)
    }

    /// The independent reports among the supports seen (see [`KnowledgeGraph::corroborate`]).
    pub fn corroboration(&self) -> Corroboration {
        let supports: Vec<SupportRef<'g>> = self.supports().collect();
        self.graph.corroborate(&supports)
    }

    /// The independent reports among some of its supports.
    pub fn corroborate(&self, supports: &[SupportRef<'g>]) -> Corroboration {
        self.graph.corroborate(supports)
    }

    /// The supports without their articles (cheaper than [`RelationRef::supports`]).
    pub fn support_records(&self) -> &'g [Support] {
        &self.relation.supports
    }

    /// The [slots](KnowledgeGraph::slots) of the subject and the object.
    pub fn slots(&self) -> (usize, usize) {
        (self.from.index(), self.to.index())
    }

    /// Distinct attribution texts, sorted.
    pub fn attributions(&self) -> Vec<&'g str> {
        let mut res: Vec<&str> = self
            .relation
            .supports
            .iter()
            .filter_map(|s| s.attribution)
            .filter_map(|a| self.graph.interner.get_attribution(a))
            .map(|a| a.text.as_str())
            .collect();
        res.sort_unstable();
        res.dedup();
        res
    }
}

/// See [`KnowledgeGraph::slots`].
#[derive(Clone, Copy, Debug)]
pub struct Slots<'g> {
    graph: &'g KnowledgeGraph,
}

impl<'g> Slots<'g> {
    pub fn articles(&self) -> impl Iterator<Item = usize> + 'g {
        self.graph.articles.values().map(|idx| idx.index())
    }

    pub fn entities(&self) -> impl Iterator<Item = usize> + 'g {
        self.graph.entities.values().map(|idx| idx.index())
    }

    pub fn values(&self) -> impl Iterator<Item = usize> + 'g {
        self.graph.values.values().map(|idx| idx.index())
    }

    /// One more than the largest slot.
    pub fn bound(&self) -> usize {
        petgraph::visit::NodeIndexable::node_bound(&self.graph.graph)
    }
}

/// A support with its article and evidence sentence.
#[derive(Clone, Copy, Debug)]
pub struct SupportRef<'g> {
    interner: &'g Interner,
    pub support: &'g Support,
    pub article: &'g ArticleRecord,
    pub evidence: &'g str,
}

impl<'g> SupportRef<'g> {
    /// The claim id from the extractor.
    pub fn claim(&self) -> Id {
        self.interner.claim_id(self.support.claim)
    }

    /// The verb group as written (`would have to limit`).
    pub fn predicate_text(&self) -> &'g str {
        self.interner.get(self.support.predicate_text)
    }

    /// The extraction rule.
    pub fn rule(&self) -> &'g str {
        self.interner.get(self.support.rule)
    }

    pub fn attribution(&self) -> Option<&'g Attribution> {
        self.interner.get_attribution(self.support.attribution?)
    }

    /// Byte offsets of the supporting text in the article.
    pub fn start(&self) -> u64 {
        self.support.start()
    }

    pub fn end(&self) -> u64 {
        self.support.end()
    }
}

/// Node weights. Relations are boxed so that the many mentions edges stay small.
#[derive(Clone, Debug)]
enum Node {
    Entity(Box<EntityNode>),
    Value(Box<ValueNode>),
    Article(Box<ArticleNode>),
}

/// Edge weights: relations, boxed so that the edge array stays small. Mentions are not
/// edges: an article keeps its list (see [`ArticleNode`]), an entity its counts.
type Edge = Box<Relation>;

/// The graph and its id indexes.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    entities: BTreeMap<String, NodeIndex>,
    values: BTreeMap<String, NodeIndex>,
    articles: BTreeMap<String, NodeIndex>,
    /// By [`relation_key`]: the same order as by id, as ids are its fixed-width hex.
    relations: BTreeMap<u64, EdgeIndex>,
    /// Shared strings and attributions of the supports.
    interner: Interner,
    /// Mention and article counts by entity node index (the sums over articles' mentions).
    mention_stats: Vec<EntityStats>,
    /// Set when articles' `relations` lists were not built (after a load); ingest builds them
    /// all before it replaces an article.
    article_relations_stale: bool,
    /// The confidence threshold of ingest (`None`: [`GRAPH_MIN_CONFIDENCE`]). Not stored.
    min_confidence: Option<f64>,
    /// The analyst's graded sources (`--sources`), for reliability. Not stored.
    sources: Option<Arc<SourceList>>,
}

/// What keeps relations with the same ends and predicate apart: polarity, modality class
/// and the stated period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationContext<'a> {
    pub negated: bool,
    pub modality: Modality,
    pub period: Option<&'a str>,
}

impl RelationContext<'_> {
    /// The hash parts after the endpoints and predicate. Asserted relations without a period
    /// hash as in stores of version 3, so their ids did not change.
    fn parts(&self) -> Vec<&str> {
        let mut parts = vec![if self.negated { "neg" } else { "pos" }];
        if self.modality != Modality::Asserted {
            parts.push(self.modality.as_str());
        }
        if let Some(period) = self.period {
            parts.push("period");
            parts.push(period);
        }
        parts
    }
}

/// The stable id of a relation.
pub fn relation_id(subject: &str, predicate: &str, object: &str, ctx: &RelationContext) -> String {
    format!("r{}", hex_id(relation_key(subject, predicate, object, ctx)))
}

/// The hash behind [`relation_id`].
fn relation_key(subject: &str, predicate: &str, object: &str, ctx: &RelationContext) -> u64 {
    let mut parts = vec![subject, predicate, object];
    parts.extend(ctx.parts());
    fnv1a64_parts(&parts)
}

/// The identity a literal end takes from its relation: the merge keys of both ends, the
/// predicate and the context, plus the article for a generic phrase ("a bill"), which never
/// merges across articles. `role` is `subject` or `object`.
pub fn literal_anchor(
    subject_key: &str,
    predicate: &str,
    object_key: &str,
    ctx: &RelationContext,
    article: Option<&str>,
    role: &str,
) -> String {
    let mut parts = vec![subject_key, predicate, object_key];
    parts.extend(ctx.parts());
    if let Some(article) = article {
        parts.push("article");
        parts.push(article);
    }
    parts.push(role);
    hex_id(fnv1a64_parts(&parts))
}

/// The key of a relation id (`r` + 16 lower-case hex digits).
fn parse_relation_id(id: &str) -> Option<u64> {
    compact::parse_hash_id(b'r', id)
}

impl KnowledgeGraph {
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// Claims under this confidence stay out of the graph on ingest (default
    /// [`GRAPH_MIN_CONFIDENCE`]).
    pub fn set_min_confidence(&mut self, min_confidence: f64) {
        self.min_confidence = Some(min_confidence);
    }

    /// The confidence threshold of ingest.
    pub fn min_confidence(&self) -> f64 {
        self.min_confidence.unwrap_or(GRAPH_MIN_CONFIDENCE)
    }

    /// Grades sources with the analyst's list (see [`crate::sources`]).
    pub fn set_sources(&mut self, sources: SourceList) {
        self.sources = Some(Arc::new(sources));
    }

    /// The analyst's graded sources, when given.
    pub fn sources(&self) -> Option<&SourceList> {
        self.sources.as_deref()
    }

    /// The strings and attributions that [`Support`]s and relations number.
    pub fn interner(&self) -> &Interner {
        &self.interner
    }

    pub fn n_articles(&self) -> usize {
        self.articles.len()
    }

    pub fn n_entities(&self) -> usize {
        self.entities.len()
    }

    pub fn n_values(&self) -> usize {
        self.values.len()
    }

    pub fn n_relations(&self) -> usize {
        self.relations.len()
    }

    /// Number of supports over all relations.
    pub fn n_supports(&self) -> usize {
        self.relations().map(|r| r.relation.n_supports()).sum()
    }

    /// The slots of articles, entities and values, each sorted by id. A slot is a small number
    /// for a node, dense from 0, valid for this graph until it changes (the store numbers
    /// nodes with them instead of hashing ids).
    pub fn slots(&self) -> Slots<'_> {
        Slots { graph: self }
    }

    /// Entities, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = &EntityNode> {
        self.entities
            .values()
            .filter_map(|&idx| match self.graph.node_weight(idx) {
                Some(Node::Entity(e)) => Some(&**e),
                _ => None,
            })
    }

    /// Values, sorted by id.
    pub fn values(&self) -> impl Iterator<Item = &ValueNode> {
        self.values
            .values()
            .filter_map(|&idx| match self.graph.node_weight(idx) {
                Some(Node::Value(v)) => Some(&**v),
                _ => None,
            })
    }

    /// Articles, sorted by id.
    pub fn articles(&self) -> impl Iterator<Item = &ArticleNode> {
        self.articles
            .values()
            .filter_map(|&idx| self.article_at(idx))
    }

    pub fn article(&self, id: &str) -> Option<&ArticleNode> {
        self.articles.get(id).and_then(|&idx| self.article_at(idx))
    }

    pub fn entity(&self, id: &str) -> Option<&EntityNode> {
        match self.graph.node_weight(*self.entities.get(id)?) {
            Some(Node::Entity(e)) => Some(e),
            _ => None,
        }
    }

    /// An entity or value by id.
    pub fn node(&self, id: &str) -> Option<NodeRef<'_>> {
        let idx = self.entities.get(id).or_else(|| self.values.get(id))?;
        self.node_ref(*idx)
    }

    /// Mention and article counts of an entity (zero for unknown ids).
    pub fn entity_stats(&self, id: &str) -> EntityStats {
        self.entities
            .get(id)
            .and_then(|idx| self.mention_stats.get(idx.index()))
            .copied()
            .unwrap_or_default()
    }

    /// The entities an article mentions (or makes claims about) with their mention counts,
    /// sorted by entity id.
    pub fn article_mentions(&self, article_id: &str) -> Vec<(&EntityNode, u32)> {
        let Some(&idx) = self.articles.get(article_id) else {
            return Vec::new();
        };
        let Some(article) = self.article_at(idx) else {
            return Vec::new();
        };
        let mut res: Vec<(&EntityNode, u32)> = article
            .mentions
            .iter()
            .filter_map(|&(entity, n)| match self.graph.node_weight(entity) {
                Some(Node::Entity(e)) => Some((&**e, n)),
                _ => None,
            })
            .collect();
        res.sort_by(|a, b| a.0.id.cmp(&b.0.id));
        res
    }

    /// Relations, sorted by id.
    pub fn relations(&self) -> impl Iterator<Item = RelationRef<'_>> {
        self.relations
            .values()
            .filter_map(|&idx| self.relation_ref(idx))
    }

    pub fn relation(&self, id: &str) -> Option<RelationRef<'_>> {
        self.relation_ref(*self.relations.get(&parse_relation_id(id)?)?)
    }

    /// Relations with `node_id` as subject or object, sorted by relation id.
    pub fn relations_of(&self, node_id: &str) -> Vec<RelationRef<'_>> {
        let Some(&idx) = self
            .entities
            .get(node_id)
            .or_else(|| self.values.get(node_id))
        else {
            return Vec::new();
        };
        let mut res: Vec<RelationRef<'_>> = self
            .graph
            .edges_directed(idx, Direction::Outgoing)
            .chain(self.graph.edges_directed(idx, Direction::Incoming))
            .filter_map(|edge| self.relation_ref(edge.id()))
            .collect();
        res.sort_by(|a, b| a.id().cmp(b.id()));
        res.dedup_by(|a, b| a.id() == b.id());
        res
    }

    /// Entity ids whose id, name or alias folds (case and diacritics) to the same text as
    /// `name`, sorted.
    pub fn find_entities(&self, name: &str) -> Vec<&EntityNode> {
        let wanted = fold_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.entities()
            .filter(|e| {
                e.id == name
                    || fold_name(&e.name) == wanted
                    || e.aliases.iter().any(|a| fold_name(a) == wanted)
            })
            .collect()
    }

    /// Entities whose id, name or alias contains the folded `name`, for "did you mean" lists.
    pub fn similar_entities(&self, name: &str, limit: usize) -> Vec<&EntityNode> {
        let wanted = fold_name(name);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.entities()
            .filter(|e| {
                e.id.contains(&wanted)
                    || fold_name(&e.name).contains(&wanted)
                    || e.aliases.iter().any(|a| fold_name(a).contains(&wanted))
            })
            .take(limit)
            .collect()
    }

    fn article_at(&self, idx: NodeIndex) -> Option<&ArticleNode> {
        match self.graph.node_weight(idx) {
            Some(Node::Article(a)) => Some(a),
            _ => None,
        }
    }

    fn node_ref(&self, idx: NodeIndex) -> Option<NodeRef<'_>> {
        match self.graph.node_weight(idx)? {
            Node::Entity(e) => Some(NodeRef::Entity(e)),
            Node::Value(v) => Some(NodeRef::Value(v)),
            Node::Article(_) => None,
        }
    }

    fn relation_ref(&self, idx: EdgeIndex) -> Option<RelationRef<'_>> {
        let relation = self.graph.edge_weight(idx)?;
        let (subject, object) = self.graph.edge_endpoints(idx)?;
        Some(RelationRef {
            graph: self,
            from: subject,
            to: object,
            relation,
            subject: self.node_ref(subject)?,
            object: self.node_ref(object)?,
            as_of: None,
        })
    }

    fn support_ref<'g>(&'g self, support: &'g Support) -> Option<SupportRef<'g>> {
        let article = self.article_at(support.article)?;
        Some(SupportRef {
            interner: &self.interner,
            support,
            article: &article.record,
            evidence: article.sentence(support.sentence),
        })
    }
}

#[cfg(test)]
mod tests;
