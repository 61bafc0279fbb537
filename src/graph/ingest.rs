//! Ingest: adds one [`Bundle`] to the graph.
//!
//! An article is identified by its id and versioned by its content hash. The same hash again
//! changes nothing; another hash first removes everything the earlier version contributed (its
//! supports, its mentions edges, and any relation, value or entity left with no edge), then
//! adds the new version, so "A then A′" gives the same graph as "A′" alone. A bundle without a
//! hash (claims without an article record) is versioned by a hash of its claims and mentions.
//!
//! petgraph's `add_node` panics when the index type (`u32`) is full; the `try_` versions are
//! used instead, and what does not fit is skipped (four billion nodes do not fit in memory
//! anyway).

use std::collections::BTreeMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;

use super::{
    literal_anchor, relation_key, ArticleNode, EntityNode, EntityStats, Evidence, Id,
    KnowledgeGraph, Node, Relation, RelationContext, Support, ValueNode, ValueQuantity,
    VALUE_PREFIX,
};
use crate::claim::{graph_exclusion, is_generic_phrase, Argument, Claim};
use crate::gazetteer::{EntityKind, Gazetteer, Text};
use crate::hash::{fnv1a64, hex_id};
use crate::pipeline::{Bundle, MentionRecord};

/// What ingesting one bundle did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A new article.
    Added,
    /// The same article with the same content hash: nothing changed.
    Unchanged,
    /// The same article id with another hash: its earlier contribution was replaced.
    Replaced,
}

impl KnowledgeGraph {
    /// Adds (or replaces) one article with its mentions and claims. With a gazetteer, entity
    /// nodes get the entry's name, aliases and cross-references.
    pub fn ingest(&mut self, bundle: Bundle, gazetteer: Option<&Gazetteer>) -> IngestOutcome {
        let hash = effective_hash(&bundle);
        let Bundle {
            article: mut record,
            mentions,
            claims,
        } = bundle;
        record.hash = hash;
        let evidence = collect_evidence(&claims);
        let (article_idx, outcome) = match self.articles.get(&record.id).copied() {
            Some(idx) => {
                let same = self
                    .article_at(idx)
                    .is_some_and(|a| a.record.hash == record.hash);
                if same {
                    return IngestOutcome::Unchanged;
                }
                self.clear_article(idx);
                if let Some(Node::Article(article)) = self.graph.node_weight_mut(idx) {
                    article.record = record;
                    article.evidence = evidence;
                }
                (idx, IngestOutcome::Replaced)
            }
            None => {
                let id = record.id.clone();
                let node = Node::Article(Box::new(ArticleNode {
                    record,
                    evidence,
                    relations: Vec::new(),
                    mentions: Vec::new(),
                }));
                let Ok(idx) = self.graph.try_add_node(node) else {
                    return IngestOutcome::Unchanged;
                };
                self.articles.insert(id, idx);
                (idx, IngestOutcome::Added)
            }
        };
        self.add_mentions(article_idx, &mentions, &claims, gazetteer);
        for claim in &claims {
            self.add_claim(article_idx, claim, gazetteer);
        }
        if let Some(Node::Article(article)) = self.graph.node_weight_mut(article_idx) {
            article.relations.sort_unstable();
            article.relations.dedup();
        }
        outcome
    }

    /// Builds every article's list of the relations it supports, if a load left them out.
    fn ensure_article_relations(&mut self) {
        if !self.article_relations_stale {
            return;
        }
        let mut lists: BTreeMap<NodeIndex, Vec<EdgeIndex>> = BTreeMap::new();
        for edge in self.graph.edge_indices() {
            let Some(relation) = self.graph.edge_weight(edge) else {
                continue;
            };
            let mut last = None;
            for s in &relation.supports {
                if last != Some(s.article) {
                    lists.entry(s.article).or_default().push(edge);
                    last = Some(s.article);
                }
            }
        }
        for idx in self.articles.values().copied().collect::<Vec<_>>() {
            if let Some(Node::Article(article)) = self.graph.node_weight_mut(idx) {
                let mut list = lists.remove(&idx).unwrap_or_default();
                list.sort_unstable();
                list.dedup();
                article.relations = list;
            }
        }
        self.article_relations_stale = false;
    }

    /// Removes what an article contributed, keeping the article node itself.
    fn clear_article(&mut self, article_idx: NodeIndex) {
        self.ensure_article_relations();
        let mut orphans: Vec<NodeIndex> = Vec::new();
        let (mentions, relations) = match self.graph.node_weight_mut(article_idx) {
            Some(Node::Article(article)) => {
                article.evidence = Evidence::default();
                (
                    std::mem::take(&mut article.mentions),
                    std::mem::take(&mut article.relations),
                )
            }
            _ => (Vec::new(), Vec::new()),
        };
        for (entity, count) in mentions {
            if let Some(stats) = self.mention_stats.get_mut(entity.index()) {
                stats.n_mentions = stats.n_mentions.saturating_sub(u64::from(count));
                stats.n_articles = stats.n_articles.saturating_sub(1);
            }
            orphans.push(entity);
        }
        for edge in relations {
            let Some(endpoints) = self.graph.edge_endpoints(edge) else {
                continue;
            };
            let Some(relation) = self.graph.edge_weight_mut(edge) else {
                continue;
            };
            relation.supports.retain(|s| s.article != article_idx);
            if !relation.supports.is_empty() {
                continue;
            }
            let key = relation.key;
            self.relations.remove(&key);
            self.graph.remove_edge(edge);
            orphans.push(endpoints.0);
            orphans.push(endpoints.1);
        }
        orphans.sort_unstable();
        orphans.dedup();
        for node in orphans {
            self.remove_if_isolated(node);
        }
    }

    fn remove_if_isolated(&mut self, node: NodeIndex) {
        let is_article = matches!(self.graph.node_weight(node), Some(Node::Article(_)));
        let is_mentioned = self
            .mention_stats
            .get(node.index())
            .is_some_and(|s| s.n_articles > 0);
        let has_edges = is_mentioned
            || self
                .graph
                .edges_directed(node, Direction::Incoming)
                .next()
                .is_some()
            || self
                .graph
                .edges_directed(node, Direction::Outgoing)
                .next()
                .is_some();
        if is_article || has_edges {
            return;
        }
        match self.graph.remove_node(node) {
            Some(Node::Entity(e)) => {
                self.entities.remove(&e.id);
            }
            Some(Node::Value(v)) => {
                self.values.remove(&v.id);
            }
            Some(Node::Article(_)) | None => {}
        }
    }

    /// Adds one mentions edge per entity that the article mentions or makes a claim about.
    fn add_mentions(
        &mut self,
        article_idx: NodeIndex,
        mentions: &[MentionRecord],
        claims: &[Claim],
        gazetteer: Option<&Gazetteer>,
    ) {
        let mut counts: BTreeMap<&str, (u32, &str, Option<EntityKind>)> = BTreeMap::new();
        for m in mentions {
            let entry = counts
                .entry(&m.entity)
                .or_insert((0, &m.name, Some(m.kind.into())));
            entry.0 = entry.0.saturating_add(1);
        }
        let min_confidence = self.min_confidence();
        for claim in claims
            .iter()
            .filter(|c| graph_exclusion(c, min_confidence).is_none())
        {
            for arg in [&claim.subject, &claim.object] {
                let Some(id) = arg.entity.as_deref() else {
                    continue;
                };
                let name = arg.name.as_deref().unwrap_or(&arg.text);
                counts
                    .entry(id)
                    .or_insert((0, name, arg.kind.map(Into::into)));
            }
        }
        let mut list = Vec::with_capacity(counts.len());
        for (id, (count, name, kind)) in counts {
            let Some(kind) = resolve_kind(id, kind, gazetteer) else {
                continue;
            };
            let Some(entity) = self.ensure_entity(id, name, kind, gazetteer) else {
                continue;
            };
            list.push((entity, count));
            let at = entity.index();
            if self.mention_stats.len() <= at {
                self.mention_stats.resize(at + 1, EntityStats::default());
            }
            let stats = &mut self.mention_stats[at];
            stats.n_mentions += u64::from(count);
            stats.n_articles += 1;
        }
        if let Some(Node::Article(article)) = self.graph.node_weight_mut(article_idx) {
            article.mentions = list;
        }
    }

    fn add_claim(&mut self, article_idx: NodeIndex, claim: &Claim, gazetteer: Option<&Gazetteer>) {
        if graph_exclusion(claim, self.min_confidence()).is_some() {
            return;
        }
        let Some(article_id) = self.article_at(article_idx).map(|a| a.record.id.clone()) else {
            return;
        };
        let (Some(subject), Some(object)) = (
            self.end_of(&claim.subject, gazetteer),
            self.end_of(&claim.object, gazetteer),
        ) else {
            return;
        };
        let ctx = RelationContext {
            negated: claim.negated,
            modality: claim.modality,
            period: claim.period.as_deref().filter(|p| !p.is_empty()),
        };
        let predicate = claim.predicate.lemma.trim();
        let Some(edge) = self.attach_relation(subject, predicate, object, &ctx, &article_id) else {
            return;
        };
        let support = Support {
            article: article_idx,
            claim: self.interner.claim(&claim.id),
            sentence: u32::try_from(claim.sentence).unwrap_or(u32::MAX),
            start: claim.span.start as u64,
            len: u32::try_from(claim.span.end.saturating_sub(claim.span.start)).unwrap_or(u32::MAX),
            attribution: claim
                .attribution
                .as_ref()
                .map(|a| self.interner.attribution(a.clone())),
            quote: claim.quote,
            modality: claim.modality,
            confidence: if claim.confidence.is_finite() {
                claim.confidence
            } else {
                0.0
            },
            predicate_text: self.interner.str(&claim.predicate.text),
            rule: self.interner.str(claim.rule.as_str()),
        };
        self.insert_support(edge, support);
        if let Some(Node::Article(article)) = self.graph.node_weight_mut(article_idx) {
            article.relations.push(edge);
        }
    }

    /// The relation edge for two ends, a predicate and a context, created with its literal
    /// leaves when it is new. A literal end gets a value node of its own, keyed by its merge
    /// key and the relation's anchor ([`literal_anchor`]); a generic phrase ("a bill") at
    /// either end ties the relation to `article`. `None` when the graph is full.
    pub(super) fn attach_relation(
        &mut self,
        subject: End,
        predicate: &str,
        object: End,
        ctx: &RelationContext,
        article: &str,
    ) -> Option<EdgeIndex> {
        let subject_key = self.end_key(&subject)?;
        let object_key = self.end_key(&object)?;
        let generic = subject.is_generic() || object.is_generic();
        let article = generic.then_some(article);
        let anchor =
            |role: &str| literal_anchor(&subject_key, predicate, &object_key, ctx, article, role);
        let (subject_anchor, object_anchor) = (anchor("subject"), anchor("object"));
        let from = self.end_node(subject, &subject_anchor)?;
        let to = self.end_node(object, &object_anchor)?;
        let (from_ref, to_ref) = (self.node_ref(from)?, self.node_ref(to)?);
        let key = relation_key(from_ref.id(), predicate, to_ref.id(), ctx);
        if let Some(&edge) = self.relations.get(&key) {
            return Some(edge);
        }
        let relation = Relation {
            id: Id::from_hash(b'r', key),
            key,
            predicate: self.interner.str(predicate),
            negated: ctx.negated,
            modality: ctx.modality,
            period: ctx.period.map(|p| self.interner.str(p)),
            supports: Vec::new(),
        };
        let edge = self.graph.try_add_edge(from, to, Box::new(relation)).ok()?;
        self.relations.insert(key, edge);
        Some(edge)
    }

    /// Inserts a support in sorted position; an identical support (same article, place and
    /// claim id) is not added twice.
    pub(super) fn insert_support(&mut self, edge: EdgeIndex, support: Support) {
        let mut supports = match self.graph.edge_weight_mut(edge) {
            Some(relation) => std::mem::take(&mut relation.supports),
            _ => return,
        };
        let key = self.support_key(&support);
        let pos = supports.binary_search_by(|s| self.support_key(s).cmp(&key));
        if let Err(pos) = pos {
            supports.insert(pos, support);
        }
        if let Some(relation) = self.graph.edge_weight_mut(edge) {
            relation.supports = supports;
        }
    }

    pub(super) fn support_key<'a>(&'a self, s: &Support) -> (&'a str, u32, u64, u64, Id) {
        let article = self
            .article_at(s.article)
            .map_or("", |a| a.record.id.as_str());
        (
            article,
            s.sentence,
            s.start,
            s.end(),
            self.interner.claim_id(s.claim),
        )
    }

    /// The end a claim argument makes: its entity when it names one of a known type, else a
    /// literal. `None` for an argument with no words.
    fn end_of(&mut self, arg: &Argument, gazetteer: Option<&Gazetteer>) -> Option<End> {
        if let Some(id) = arg.entity.as_deref() {
            if let Some(kind) = resolve_kind(id, arg.kind.map(Into::into), gazetteer) {
                let name = arg.name.as_deref().unwrap_or(&arg.text);
                return self
                    .ensure_entity(id, name, kind, gazetteer)
                    .map(End::Entity);
            }
        }
        let key = Argument {
            entity: None,
            ..arg.clone()
        }
        .merge_key();
        if key == "text:" {
            return None;
        }
        Some(End::Literal(Literal {
            key,
            text: arg.text.clone(),
            quantity: arg.quantity.as_ref().map(ValueQuantity::from_wire),
            date: arg.date.clone(),
        }))
    }

    /// The merge key of an end (`entity:` + id for an entity, as [`Argument::merge_key`]).
    fn end_key(&self, end: &End) -> Option<String> {
        match end {
            End::Entity(idx) => Some(format!("entity:{}", self.node_ref(*idx)?.id())),
            End::Literal(l) => Some(l.key.clone()),
        }
    }

    /// The node of an end: the entity, or the literal's own value node (created, or its
    /// wording updated to the smallest spelling).
    fn end_node(&mut self, end: End, anchor: &str) -> Option<NodeIndex> {
        let literal = match end {
            End::Entity(idx) => return Some(idx),
            End::Literal(literal) => literal,
        };
        let id = format!("{VALUE_PREFIX}{}@{anchor}", literal.key);
        if let Some(&idx) = self.values.get(&id) {
            if let Some(Node::Value(value)) = self.graph.node_weight_mut(idx) {
                if literal.text < value.text {
                    value.text = literal.text;
                }
            }
            return Some(idx);
        }
        let value = ValueNode {
            id: id.clone(),
            text: literal.text,
            quantity: literal.quantity,
            date: literal.date,
        };
        let idx = self.graph.try_add_node(Node::Value(Box::new(value))).ok()?;
        self.values.insert(id, idx);
        Some(idx)
    }

    fn ensure_entity(
        &mut self,
        id: &str,
        name: &str,
        kind: EntityKind,
        gazetteer: Option<&Gazetteer>,
    ) -> Option<NodeIndex> {
        let entry = gazetteer.and_then(|g| g.get(id));
        if let Some(&idx) = self.entities.get(id) {
            if let (Some(entry), Some(Node::Entity(entity))) =
                (entry, self.graph.node_weight_mut(idx))
            {
                entity.name = entry.name.to_string();
                entity.aliases = owned_list(&entry.aliases);
                entity.xref = owned_map(&entry.xref);
            }
            return Some(idx);
        }
        let entity = match entry {
            Some(entry) => EntityNode {
                id: id.to_string(),
                kind: entry.kind,
                name: entry.name.to_string(),
                aliases: owned_list(&entry.aliases),
                xref: owned_map(&entry.xref),
            },
            None => EntityNode {
                id: id.to_string(),
                kind,
                name: name.to_string(),
                aliases: Vec::new(),
                xref: BTreeMap::new(),
            },
        };
        let idx = self
            .graph
            .try_add_node(Node::Entity(Box::new(entity)))
            .ok()?;
        self.entities.insert(id.to_string(), idx);
        Some(idx)
    }
}

/// One end of a relation being added.
#[derive(Clone, Debug)]
pub(super) enum End {
    Entity(NodeIndex),
    Literal(Literal),
}

/// A literal end before it has its value node.
#[derive(Clone, Debug)]
pub(super) struct Literal {
    /// [`Argument::merge_key`] (`quantity:600000:troops`, `text:new port`).
    pub key: String,
    /// The words as written.
    pub text: String,
    pub quantity: Option<ValueQuantity>,
    pub date: Option<String>,
}

impl End {
    /// Whether the end is a generic common-noun phrase ("a bill"), merged only within one
    /// article.
    pub(super) fn is_generic(&self) -> bool {
        match self {
            End::Entity(_) => false,
            End::Literal(l) => l.key.strip_prefix("text:").is_some_and(is_generic_phrase),
        }
    }
}

/// The entity type: as given, else from the gazetteer, else from the id's prefix (`place:`).
/// A gazetteer entry's list, as the graph's node owns it.
fn owned_list(list: &[Text]) -> Vec<String> {
    list.iter().map(Text::to_string).collect()
}

/// A gazetteer entry's cross-references, as the graph's node owns them.
fn owned_map(map: &BTreeMap<Text, Text>) -> BTreeMap<String, String> {
    map.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn resolve_kind(
    id: &str,
    given: Option<EntityKind>,
    gazetteer: Option<&Gazetteer>,
) -> Option<EntityKind> {
    given
        .or_else(|| gazetteer.and_then(|g| g.get(id)).map(|e| e.kind))
        .or_else(|| {
            id.split_once(':')
                .and_then(|(prefix, _)| EntityKind::parse(prefix))
        })
}

/// The article's hash, or for a bare article a hash of its claims and mentions.
fn effective_hash(bundle: &Bundle) -> String {
    if !bundle.article.hash.is_empty() {
        return bundle.article.hash.clone();
    }
    let mut buf = serde_json::to_vec(&bundle.claims).unwrap_or_default();
    buf.extend(serde_json::to_vec(&bundle.mentions).unwrap_or_default());
    format!("claims:{}", hex_id(fnv1a64(&buf)))
}

/// Sentence index → sentence text of the claims (the first text wins for a repeated index).
fn collect_evidence(claims: &[Claim]) -> Evidence {
    Evidence::new(claims.iter().map(|claim| {
        (
            u32::try_from(claim.sentence).unwrap_or(u32::MAX),
            claim.evidence.as_str(),
        )
    }))
}
