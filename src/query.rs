//! Read-only questions over a [`KnowledgeGraph`]: an entity, filtered claims, neighbours, paths,
//! conflicts, a timeline, counts. Each answer comes as an aligned table, one JSON document or
//! JSON Lines, in a stable order (ids, then dates), so the same store gives the same text.
//!
//! Names resolve through ids, names and aliases, ignoring case and diacritics; an unknown or
//! ambiguous name is a [`QueryError`] listing candidates. Traversals are iterative breadth-first
//! searches that never expand through value nodes (two claims about "600,000 troops" do not
//! connect their subjects). This module never mutates the graph and never prints.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde_json::{json, Value};

use crate::claim::Claim;
use crate::gazetteer::EntityKind;
pub use crate::graph::DEFAULT_MAX_NODES;
use crate::graph::{
    AsOf, Challenge, Conflict, ConflictKind, Corroboration, EntityNode, KnowledgeGraph, NodeRef,
    RelationRef, ResolveError, SupportRef,
};
use crate::sources::{credibility, Reliability, Standing};
use crate::tagger::fold_name;

mod quotes;
mod review;
mod search;
mod table;

pub use table::table;
use table::{claim_row, has_words, CLAIM_HEADERS};

/// A question.
#[derive(Clone, Debug)]
pub enum Query {
    Entity {
        name: String,
    },
    Claims {
        subject: Option<String>,
        predicate: Option<String>,
        object: Option<String>,
        source: Option<String>,
        since: Option<String>,
        until: Option<String>,
        /// Only claims with at least this many independent sources.
        min_sources: Option<usize>,
        /// Only claims with a source graded this (`A`-`F`) or better (needs a sources list).
        min_reliability: Option<String>,
        /// Answer from the articles dated up to this date only.
        as_of: Option<String>,
    },
    Neighbors {
        name: String,
        depth: usize,
        kind: Option<EntityKind>,
        /// Most neighbours shown (`None`: [`DEFAULT_MAX_NODES`]).
        max_nodes: Option<usize>,
    },
    Path {
        from: String,
        to: String,
    },
    Conflicts(ConflictQuery),
    Timeline {
        name: String,
        since: Option<String>,
        until: Option<String>,
    },
    /// Claims first reported in a window, with the earlier claims they confirm or contradict.
    Changes {
        since: String,
        until: Option<String>,
    },
    Stats,
    /// Claims whose evidence holds every word of `text` (`query/search.rs`).
    Search {
        text: String,
    },
    /// Direct speech by `speaker` and/or about `about` (`query/quotes.rs`).
    Quotes {
        speaker: Option<String>,
        about: Option<String>,
    },
    /// Links and merges the tool was unsure of (`query/review.rs`), leaving out the pairs of
    /// entity ids in `decided` (analysts' `different` decisions).
    Review {
        decided: Vec<(String, String)>,
    },
}

/// Filters of `query conflicts`.
#[derive(Clone, Debug, Default)]
pub struct ConflictQuery {
    /// Only conflicts about this entity.
    pub subject: Option<String>,
    /// `quantity`, `negation`, `one-valued` or `held-out`.
    pub kind: Option<String>,
    /// Only conflicts with a support on each side from these dates (article dates).
    pub since: Option<String>,
    pub until: Option<String>,
    /// Only conflicts with this source (publisher or attribution) on either side.
    pub source: Option<String>,
    /// The conflicts as known on this date: only articles dated up to it take part.
    pub as_of: Option<String>,
    /// Claims kept out of the graph (a `claims` file) that may challenge its relations
    /// ([`KnowledgeGraph::challenges`]); left out with `as_of`.
    pub held_out: Vec<Claim>,
}

/// How to print an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Json,
    Jsonl,
}

/// The printed answer and how many results it holds (0 means "nothing found").
#[derive(Clone, Debug)]
pub struct QueryResult {
    pub text: String,
    pub n_results: usize,
}

/// A question that cannot be answered as asked.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Entity(#[from] ResolveError),
    #[error("bad date {value:?} for --{flag}; use YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate { flag: &'static str, value: String },
    #[error("unknown conflict kind {0:?}; use quantity, negation or one-valued")]
    BadKind(String),
    #[error("bad reliability {0:?} for --min-reliability; use a grade from A (completely reliable) to F (cannot be judged)")]
    BadGrade(String),
    #[error("--min-reliability needs graded sources: give --sources FILE")]
    NoSources,
}

/// Most paths `path` lists, and most relations `entity` shows.
const MAX_PATHS: usize = 10;
const TOP_RELATIONS: usize = 10;

/// Answers a query.
///
/// # Errors
///
/// When a name is unknown or ambiguous, or a date is malformed.
pub fn run(
    graph: &KnowledgeGraph,
    query: &Query,
    format: OutputFormat,
) -> Result<QueryResult, QueryError> {
    let answer = match query {
        Query::Entity { name } => entity(graph, resolve(graph, name)?),
        Query::Claims {
            subject,
            predicate,
            object,
            source,
            since,
            until,
            min_sources,
            min_reliability,
            as_of,
        } => {
            let assess = Assess {
                as_of: as_of
                    .as_deref()
                    .map(|d| parse_as_of("as-of", d))
                    .transpose()?,
                min_sources: min_sources.unwrap_or(0),
                min_reliability: min_reliability
                    .as_deref()
                    .map(|g| parse_grade(graph, g))
                    .transpose()?,
            };
            let filter = ClaimFilter {
                subject: subject.as_deref().map(|s| resolve(graph, s)).transpose()?,
                object: object
                    .as_deref()
                    .map(|o| ObjectFilter::new(graph, o))
                    .transpose()?,
                predicate: predicate.as_deref().map(fold_name),
                source: source.as_deref().map(fold_name),
                since: since
                    .as_deref()
                    .map(|d| check_date("since", d))
                    .transpose()?,
                until: until
                    .as_deref()
                    .map(|d| check_date("until", d))
                    .transpose()?,
            };
            claims(graph, &filter, &assess)
        }
        Query::Neighbors {
            name,
            depth,
            kind,
            max_nodes,
        } => neighbors(
            graph,
            resolve(graph, name)?,
            *depth,
            *kind,
            max_nodes.unwrap_or(DEFAULT_MAX_NODES),
        ),
        Query::Path { from, to } => path(graph, resolve(graph, from)?, resolve(graph, to)?),
        Query::Conflicts(q) => conflicts(graph, &ConflictFilter::new(graph, q)?, &q.held_out),
        Query::Timeline { name, since, until } => {
            let window = ClaimFilter {
                since: since
                    .as_deref()
                    .map(|d| check_date("since", d))
                    .transpose()?,
                until: until
                    .as_deref()
                    .map(|d| check_date("until", d))
                    .transpose()?,
                ..ClaimFilter::default()
            };
            timeline(graph, resolve(graph, name)?, &window)
        }
        Query::Changes { since, until } => changes::changes(
            graph,
            parse_as_of("since", since)?,
            until
                .as_deref()
                .map(|d| parse_as_of("until", d))
                .transpose()?,
        ),
        Query::Stats => stats(graph),
        Query::Search { text } => search::search(graph, text),
        Query::Quotes { speaker, about } => quotes::quotes(
            graph,
            speaker.as_deref().map(|n| resolve(graph, n)).transpose()?,
            about.as_deref().map(|n| resolve(graph, n)).transpose()?,
        ),
        Query::Review { decided } => review::review(graph, decided),
    };
    Ok(answer.render(format))
}

/// Resolves a name, id or alias to one entity ([`KnowledgeGraph::resolve`]).
///
/// # Errors
///
/// [`QueryError::Entity`]: no entity (with similar names) or several.
pub fn resolve<'g>(graph: &'g KnowledgeGraph, name: &str) -> Result<&'g EntityNode, QueryError> {
    Ok(graph.resolve(name)?)
}

/// Rows to print: a table, and the same rows as JSON values.
struct Answer {
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    json: Vec<Value>,
    /// Table text for answers that are not one row per result.
    table: Option<String>,
}

impl Answer {
    fn render(self, format: OutputFormat) -> QueryResult {
        let n_results = self.json.len();
        let text = match format {
            OutputFormat::Table => match self.table {
                Some(table) => table,
                None => table(self.headers, &self.rows),
            },
            OutputFormat::Json => {
                let mut s =
                    serde_json::to_string_pretty(&Value::Array(self.json)).unwrap_or_default();
                s.push('\n');
                s
            }
            OutputFormat::Jsonl => {
                let mut s = String::new();
                for v in &self.json {
                    s.push_str(&v.to_string());
                    s.push('\n');
                }
                s
            }
        };
        QueryResult { text, n_results }
    }
}

fn node_json(n: NodeRef<'_>) -> Value {
    json!({"id": n.id(), "name": n.label(), "type": n.kind_str()})
}

fn predicate_label(r: &RelationRef<'_>) -> String {
    let negation = if r.relation.negated { "not " } else { "" };
    format!("{negation}{}", r.predicate())
}

/// A support with its provenance: the article's id, title, URL, source and date.
fn support_json(s: &SupportRef<'_>) -> Value {
    json!({
        "article": s.article.id,
        "title": s.article.title,
        "url": s.article.url,
        "date": s.article.date,
        "source": s.article.source,
        "claim": s.claim(),
        "attribution": s.attribution().map(|a| a.text.as_str()),
        "modality": format!("{:?}", s.support.modality).to_lowercase(),
        "quote": s.support.quote,
        "confidence": s.support.confidence,
        "predicate_text": s.predicate_text(),
        "evidence": s.evidence,
    })
}

/// A relation with the given supports: counts (`n_supports`, `n_sources`: independent
/// reports), the best `reliability`, and each support with its provenance, the agency its
/// article credits and, for a copy, the origin it copies (`copy_of`: article, claim, why).
fn relation_json(r: &RelationRef<'_>, supports: &[SupportRef<'_>]) -> Value {
    relation_json_with(r, supports, &r.corroborate(supports))
}

/// [`relation_json`] with the supports' corroboration already computed.
fn relation_json_with(
    r: &RelationRef<'_>,
    supports: &[SupportRef<'_>],
    corroboration: &Corroboration,
) -> Value {
    let supports_json: Vec<Value> = supports
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut v = support_json(s);
            if let Value::Object(map) = &mut v {
                let agency = corroboration.agency.get(k).copied().flatten();
                map.insert("agency".into(), json!(agency));
                let grade = corroboration.grade.get(k).copied().flatten();
                map.insert("reliability".into(), json!(grade.map(|g| g.as_str())));
                let copy = corroboration.copy_of.get(k).copied().flatten();
                let copy = copy.and_then(|(origin, why)| {
                    let o = supports.get(origin)?;
                    Some(json!({"article": o.article.id, "claim": o.claim(), "why": why.as_str()}))
                });
                map.insert("copy_of".into(), copy.unwrap_or(Value::Null));
            }
            v
        })
        .collect();
    json!({
        "id": r.id(),
        "subject": node_json(r.subject),
        "predicate": r.predicate(),
        "negated": r.relation.negated,
        "object": node_json(r.object),
        "n_supports": supports.len(),
        "n_sources": corroboration.n_sources(),
        "reliability": corroboration.reliability().map(|g| g.as_str()),
        "supports": supports_json,
    })
}

fn entity(graph: &KnowledgeGraph, e: &EntityNode) -> Answer {
    let stats = graph.entity_stats(&e.id);
    let mut relations = graph.relations_of(&e.id);
    relations.sort_by(|a, b| {
        b.relation
            .n_supports()
            .cmp(&a.relation.n_supports())
            .then(a.id().cmp(b.id()))
    });
    let n_relations = relations.len();
    relations.truncate(TOP_RELATIONS);
    let n_sources: Vec<usize> = relations
        .iter()
        .map(|r| r.corroboration().n_sources())
        .collect();
    let mut text = format!("{} ({}, {})\n", e.name, e.kind, e.id);
    if !e.aliases.is_empty() {
        text.push_str(&format!("aliases: {}\n", e.aliases.join(", ")));
    }
    if !e.xref.is_empty() {
        let xref: Vec<String> = e.xref.iter().map(|(k, v)| format!("{k}={v}")).collect();
        text.push_str(&format!("xref: {}\n", xref.join(", ")));
    }
    text.push_str(&format!(
        "mentions: {} in {} articles; {} relations\n",
        stats.n_mentions, stats.n_articles, n_relations
    ));
    let rows: Vec<Vec<String>> = relations
        .iter()
        .zip(&n_sources)
        .map(|(r, n)| {
            vec![
                r.relation.n_supports().to_string(),
                n.to_string(),
                r.subject.label().to_string(),
                predicate_label(r),
                r.object.label().to_string(),
                r.attributions().join("; "),
            ]
        })
        .collect();
    if !rows.is_empty() {
        text.push('\n');
        text.push_str(&table(
            &[
                "supports",
                "sources",
                "subject",
                "predicate",
                "object",
                "per",
            ],
            &rows,
        ));
    }
    let json = json!({
        "id": e.id,
        "name": e.name,
        "type": e.kind.as_str(),
        "aliases": e.aliases,
        "xref": e.xref,
        "n_mentions": stats.n_mentions,
        "n_articles": stats.n_articles,
        "n_relations": n_relations,
        "relations": relations.iter().zip(&n_sources).map(|(r, n)| json!({
            "id": r.id(),
            "subject": node_json(r.subject),
            "predicate": r.predicate(),
            "negated": r.relation.negated,
            "object": node_json(r.object),
            "n_supports": r.relation.n_supports(),
            "n_sources": n,
            "attributions": r.attributions(),
        })).collect::<Vec<_>>(),
    });
    Answer {
        headers: &[],
        rows: Vec::new(),
        json: vec![json],
        table: Some(text),
    }
}

/// What `--object` means: an entity when the name resolves to one, else words of a value.
enum ObjectFilter<'g> {
    Entity(&'g EntityNode),
    Words(String),
}

impl<'g> ObjectFilter<'g> {
    fn new(graph: &'g KnowledgeGraph, name: &str) -> Result<ObjectFilter<'g>, QueryError> {
        match resolve(graph, name) {
            Ok(e) => Ok(ObjectFilter::Entity(e)),
            Err(QueryError::Entity(ResolveError::Unknown { .. })) => {
                Ok(ObjectFilter::Words(fold_name(name)))
            }
            Err(err) => Err(err),
        }
    }

    fn matches(&self, object: NodeRef<'_>) -> bool {
        match self {
            ObjectFilter::Entity(e) => object.id() == e.id,
            ObjectFilter::Words(words) => fold_name(object.label()).contains(words.as_str()),
        }
    }
}

#[derive(Default)]
struct ClaimFilter<'g> {
    subject: Option<&'g EntityNode>,
    object: Option<ObjectFilter<'g>>,
    predicate: Option<String>,
    source: Option<String>,
    since: Option<String>,
    until: Option<String>,
}

impl ClaimFilter<'_> {
    /// Whether some support may be left out (a source or date filter).
    fn filters_supports(&self) -> bool {
        self.source.is_some() || self.since.is_some() || self.until.is_some()
    }

    fn keeps_support(&self, s: &SupportRef<'_>) -> bool {
        if let Some(source) = &self.source {
            let attribution = s.attribution();
            let texts = [
                attribution.map(|a| a.text.as_str()),
                attribution.and_then(|a| a.name.as_deref()),
                attribution.and_then(|a| a.entity.as_deref()),
                s.article.source.as_deref(),
            ];
            if !texts
                .iter()
                .flatten()
                .any(|t| fold_name(t).contains(source.as_str()))
            {
                return false;
            }
        }
        let date = s.article.date.as_deref().unwrap_or("");
        let prefix = |len: usize| date.get(..len).unwrap_or(date);
        if let Some(since) = &self.since {
            if date.is_empty() || prefix(since.len()) < since.as_str() {
                return false;
            }
        }
        if let Some(until) = &self.until {
            if date.is_empty() || prefix(until.len()) > until.as_str() {
                return false;
            }
        }
        true
    }
}

fn check_date(flag: &'static str, value: &str) -> Result<String, QueryError> {
    let ok = matches!(value.len(), 4 | 7 | 10)
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if ok {
        Ok(value.to_string())
    } else {
        Err(QueryError::BadDate {
            flag,
            value: value.to_string(),
        })
    }
}

/// What `query claims` asks beyond the filters: the as-of date and the corroboration and
/// reliability thresholds.
#[derive(Default)]
struct Assess {
    as_of: Option<AsOf>,
    min_sources: usize,
    min_reliability: Option<Reliability>,
}

fn parse_as_of(flag: &'static str, value: &str) -> Result<AsOf, QueryError> {
    AsOf::parse(value).ok_or_else(|| QueryError::BadDate {
        flag,
        value: value.to_string(),
    })
}

fn parse_grade(graph: &KnowledgeGraph, grade: &str) -> Result<Reliability, QueryError> {
    if graph.sources().is_none() {
        return Err(QueryError::NoSources);
    }
    Reliability::parse(grade).ok_or_else(|| QueryError::BadGrade(grade.to_string()))
}

/// The strongest side that contradicts each relation of these subjects (by relation id): the
/// other sides of its conflicts in the graph as known on `as_of`, and its opposite (the same
/// subject, predicate, object, modality and period with the other polarity: a denial, at any
/// distance in time) among `relations`.
fn contradictions<'g>(
    graph: &'g KnowledgeGraph,
    as_of: Option<AsOf>,
    relations: &[RelationRef<'g>],
    subjects: &BTreeSet<&str>,
) -> BTreeMap<&'g str, Standing> {
    let mut res: BTreeMap<&str, Standing> = BTreeMap::new();
    let mut note = |id: &'g str, other: Standing| {
        let entry = res.entry(id).or_insert(other);
        if other.stronger_than(entry) {
            *entry = other;
        }
    };
    if subjects.is_empty() {
        return res;
    }
    for c in graph.conflicts_about(as_of, Some(subjects)) {
        let standings: Vec<Standing> = c
            .sides
            .iter()
            .map(|s| s.corroboration().standing())
            .collect();
        for (k, side) in c.sides.iter().enumerate() {
            for (j, other) in standings.iter().enumerate() {
                if j != k {
                    note(side.id(), *other);
                }
            }
        }
    }
    // Claims and their denials: group by everything but polarity.
    let mut by_claim: BTreeMap<_, [Vec<&RelationRef<'g>>; 2]> = BTreeMap::new();
    for r in relations
        .iter()
        .filter(|r| subjects.contains(r.subject.id()))
    {
        let key = (
            r.subject.id(),
            r.predicate_sym().index(),
            r.relation.modality.as_str(),
            r.period(),
            r.object_key(),
        );
        by_claim.entry(key).or_default()[usize::from(r.relation.negated)].push(r);
    }
    for [asserted, negated] in by_claim.values() {
        for (side, others) in [(asserted, negated), (negated, asserted)] {
            for other in others.iter() {
                let standing = other.corroboration().standing();
                for r in side.iter() {
                    note(r.id(), standing);
                }
            }
        }
    }
    res
}

/// The claims table: [`CLAIM_HEADERS`] with the independent sources, the best source grade and
/// the credibility after `supports`.
const ASSESSED_HEADERS: &[&str] = &[
    "date",
    "subject",
    "predicate",
    "object",
    "modality",
    "negated",
    "supports",
    "sources",
    "rel",
    "cred",
    "source",
    "per",
    "evidence",
];

/// A claim row that passed the filters, with its corroboration (over all its supports as of
/// the date, and over the supports shown).
struct Assessed<'g> {
    relation: RelationRef<'g>,
    supports: Vec<SupportRef<'g>>,
    whole: Corroboration,
    shown: Corroboration,
}

fn claims(graph: &KnowledgeGraph, filter: &ClaimFilter<'_>, assess: &Assess) -> Answer {
    let candidates = claim_candidates(graph, filter, assess.as_of);
    let kept: Vec<Assessed<'_>> = candidates
        .iter()
        .filter_map(|r| assessed(*r, filter, assess))
        .collect();
    // Contradictions only for the subjects shown: the whole graph's conflicts are costly.
    let subjects: BTreeSet<&str> = kept.iter().map(|a| a.relation.subject.id()).collect();
    let against = contradictions(graph, assess.as_of, &candidates, &subjects);
    let mut rows = Vec::new();
    let mut json = Vec::new();
    for a in &kept {
        let r = &a.relation;
        let reliability = a.whole.reliability();
        let credibility = credibility(a.whole.standing(), against.get(r.id()).copied());
        let mut row = claim_row(r, &a.supports);
        // After `supports`: independent sources, best grade, credibility.
        let at = CLAIM_HEADERS
            .iter()
            .position(|h| *h == "supports")
            .map_or(row.len(), |p| p + 1)
            .min(row.len());
        let assessed = [
            a.shown.n_sources().to_string(),
            reliability.map_or("-", |g| g.as_str()).to_string(),
            credibility.value().to_string(),
        ];
        row.splice(at..at, assessed);
        rows.push(row);
        let mut v = relation_json_with(r, &a.supports, &a.shown);
        if let Value::Object(map) = &mut v {
            map.insert("credibility".into(), json!(credibility.value()));
            map.insert("credibility_label".into(), json!(credibility.label()));
            map.insert("contradicted".into(), json!(against.contains_key(r.id())));
        }
        json.push(v);
    }
    Answer {
        headers: ASSESSED_HEADERS,
        rows,
        json,
        table: None,
    }
}

/// The relations the subject, object and predicate filters keep, as known on `as_of`.
fn claim_candidates<'g>(
    graph: &'g KnowledgeGraph,
    filter: &ClaimFilter<'_>,
    as_of: Option<AsOf>,
) -> Vec<RelationRef<'g>> {
    let candidates: Vec<RelationRef<'g>> = match filter.subject {
        Some(e) => graph
            .relations_of(&e.id)
            .into_iter()
            .filter(|r| r.subject.id() == e.id)
            .collect(),
        None => graph.relations().collect(),
    };
    candidates
        .into_iter()
        .filter(|r| filter.object.as_ref().is_none_or(|o| o.matches(r.object)))
        .filter(|r| {
            filter
                .predicate
                .as_ref()
                .is_none_or(|p| has_words(&fold_name(r.predicate()), p))
        })
        .filter_map(|r| r.as_of(as_of))
        .collect()
}

/// The claim row of `r` when its supports pass the filters and it has the independent
/// sources and the grade asked for. Reliability and credibility belong to the claim as known
/// on the as-of date (all its supports); the counts to the supports shown.
fn assessed<'g>(
    r: RelationRef<'g>,
    filter: &ClaimFilter<'_>,
    assess: &Assess,
) -> Option<Assessed<'g>> {
    let supports: Vec<SupportRef<'g>> = r.supports().filter(|s| filter.keeps_support(s)).collect();
    // Never more independent sources than supports: skip the counting.
    if supports.is_empty() || supports.len() < assess.min_sources {
        return None;
    }
    let whole = r.corroboration();
    let shown = if filter.filters_supports() {
        r.corroborate(&supports)
    } else {
        whole.clone()
    };
    let graded = |min: Reliability| whole.reliability().is_some_and(|g| g.at_least(min));
    if shown.n_sources() < assess.min_sources || assess.min_reliability.is_some_and(|m| !graded(m))
    {
        return None;
    }
    Some(Assessed {
        relation: r,
        supports,
        whole,
        shown,
    })
}

fn neighbors(
    graph: &KnowledgeGraph,
    start: &EntityNode,
    depth: usize,
    kind: Option<EntityKind>,
    max_nodes: usize,
) -> Answer {
    let (found, left_out) = graph.ranked_neighbours(&start.id, depth, kind, max_nodes);
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|(d, node, via)| {
            vec![
                d.to_string(),
                node.id().to_string(),
                node.kind_str().to_string(),
                node.label().to_string(),
                via.relation.n_articles().to_string(),
                format!(
                    "{} {} {}",
                    via.subject.label(),
                    predicate_label(via),
                    via.object.label()
                ),
            ]
        })
        .collect();
    let json = found
        .iter()
        .map(|(d, node, via)| {
            json!({"depth": d, "node": node_json(*node), "via": {"id": via.id(), "subject": via.subject.id(), "predicate": via.predicate(), "negated": via.relation.negated, "modality": via.relation.modality.as_str(), "object": via.object.id(), "n_articles": via.relation.n_articles(), "n_sources": via.corroboration().n_sources()}})
        })
        .collect();
    let headers: &[&str] = &["depth", "id", "type", "name", "articles", "via"];
    let mut text = table(headers, &rows);
    if left_out > 0 {
        text.push_str(&format!(
            "({left_out} more not shown; ranked entities first, then by articles and confidence; --max-nodes N shows more)\n"
        ));
    }
    Answer {
        headers,
        rows,
        json,
        table: Some(text),
    }
}

/// Shortest paths between two entities over entity–entity relations only (a literal is never
/// a step), the best supported first: each step's strength is the most articles behind one
/// relation between its two entities, and paths rank by their weakest step, then the sum.
fn path(graph: &KnowledgeGraph, from: &EntityNode, to: &EntityNode) -> Answer {
    // Breadth-first over entities, remembering every predecessor on a shortest path with the
    // strength of that step.
    let mut dist: BTreeMap<&str, usize> = BTreeMap::from([(from.id.as_str(), 0)]);
    let mut preds: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut queue: VecDeque<&str> = VecDeque::from([from.id.as_str()]);
    while let Some(id) = queue.pop_front() {
        let d = dist.get(id).copied().unwrap_or(0);
        if dist.get(to.id.as_str()).is_some_and(|&t| t <= d) {
            break;
        }
        for (other, via) in graph.adjacent(id) {
            if !matches!(other, NodeRef::Entity(_)) {
                continue;
            }
            let strength = via.relation.n_articles();
            match dist.get(other.id()) {
                None => {
                    dist.insert(other.id(), d + 1);
                    preds.insert(other.id(), BTreeMap::from([(id, strength)]));
                    queue.push_back(other.id());
                }
                Some(&od) if od == d + 1 => {
                    let s = preds.entry(other.id()).or_default().entry(id).or_default();
                    *s = (*s).max(strength);
                }
                Some(_) => {}
            }
        }
    }
    // Walk predecessors back from `to` with an explicit stack (no recursion), strongest steps
    // first, keeping (weakest step, sum of steps) for ranking.
    let mut paths: Vec<(usize, usize, Vec<&str>)> = Vec::new();
    if dist.contains_key(to.id.as_str()) {
        let mut stack: Vec<(usize, usize, Vec<&str>)> = vec![(usize::MAX, 0, vec![to.id.as_str()])];
        let mut visited = 0usize;
        while let Some((weakest, sum, partial)) = stack.pop() {
            visited += 1;
            if paths.len() >= MAX_PATHS * 10 || visited > 100_000 {
                break;
            }
            let Some(&head) = partial.last() else {
                continue;
            };
            if head == from.id {
                let nodes = partial.into_iter().rev().collect();
                paths.push((weakest, sum, nodes));
                continue;
            }
            let mut next: Vec<(&str, usize)> = preds
                .get(head)
                .map(|m| m.iter().map(|(k, v)| (*k, *v)).collect())
                .unwrap_or_default();
            next.sort_unstable_by(|a, b| (a.1, b.0).cmp(&(b.1, a.0)));
            for (p, strength) in next {
                let mut longer = partial.clone();
                longer.push(p);
                stack.push((weakest.min(strength), sum + strength, longer));
            }
        }
    }
    paths.sort_by(|a, b| (b.0, b.1, &a.2).cmp(&(a.0, a.1, &b.2)));
    paths.truncate(MAX_PATHS);
    let paths: Vec<Vec<&str>> = paths.into_iter().map(|(_, _, p)| p).collect();
    let mut text = String::new();
    let mut json = Vec::new();
    for (n, nodes) in paths.iter().enumerate() {
        let mut steps = Vec::new();
        text.push_str(&format!(
            "path {} ({} steps): {}\n",
            n + 1,
            nodes.len() - 1,
            nodes.join(" -> ")
        ));
        for pair in nodes.windows(2) {
            let [a, b] = pair else { continue };
            let relations: Vec<RelationRef<'_>> = graph
                .adjacent(a)
                .into_iter()
                .filter(|(o, _)| o.id() == *b)
                .map(|(_, r)| r)
                .collect();
            let mut relations = relations;
            relations.sort_by_key(|r| std::cmp::Reverse(r.relation.n_articles()));
            for r in &relations {
                let evidence = r
                    .supports()
                    .next()
                    .map(|s| format!(" [{}] {}", s.article.id, s.evidence))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "  {} {} {} (x{}){}\n",
                    r.subject.label(),
                    predicate_label(r),
                    r.object.label(),
                    r.relation.n_supports(),
                    evidence.replace(['\n', '\r'], " ")
                ));
            }
            steps.push(json!({
                "from": a,
                "to": b,
                "relations": relations.iter().map(|r| relation_json(r, &r.supports().collect::<Vec<_>>())).collect::<Vec<_>>(),
            }));
        }
        json.push(json!({"nodes": nodes, "steps": steps}));
    }
    if paths.is_empty() {
        text = format!("no connection between {} and {}\n", from.id, to.id);
    }
    Answer {
        headers: &[],
        rows: Vec::new(),
        json,
        table: Some(text),
    }
}

/// `query conflicts` filters, checked.
struct ConflictFilter<'g> {
    as_of: Option<AsOf>,
    subject: Option<&'g EntityNode>,
    kind: Option<ConflictKind>,
    supports: ClaimFilter<'g>,
}

impl<'g> ConflictFilter<'g> {
    fn new(graph: &'g KnowledgeGraph, q: &ConflictQuery) -> Result<ConflictFilter<'g>, QueryError> {
        let kind = match q.kind.as_deref() {
            None => None,
            Some(k) => Some(ConflictKind::parse(k).ok_or_else(|| QueryError::BadKind(k.into()))?),
        };
        Ok(ConflictFilter {
            as_of: q
                .as_of
                .as_deref()
                .map(|d| parse_as_of("as-of", d))
                .transpose()?,
            subject: q
                .subject
                .as_deref()
                .map(|s| resolve(graph, s))
                .transpose()?,
            kind,
            supports: ClaimFilter {
                subject: None,
                object: None,
                predicate: None,
                source: q.source.as_deref().map(fold_name),
                since: q
                    .since
                    .as_deref()
                    .map(|d| check_date("since", d))
                    .transpose()?,
                until: q
                    .until
                    .as_deref()
                    .map(|d| check_date("until", d))
                    .transpose()?,
            },
        })
    }

    /// A claim filter with only this filter's `--since`/`--until`.
    fn date_filter(&self) -> ClaimFilter<'g> {
        ClaimFilter {
            source: None,
            since: self.supports.since.clone(),
            until: self.supports.until.clone(),
            subject: None,
            object: None,
            predicate: None,
        }
    }

    /// [`ConflictFilter::keeps`] for a challenge: never with `--as-of` (a claims file has no
    /// history); the held-out claim's article date and voice count as its side's.
    fn keeps_challenge(&self, graph: &KnowledgeGraph, ch: &Challenge<'_, '_>) -> bool {
        if self.as_of.is_some()
            || self.subject.is_some_and(|e| e.id != ch.subject.id)
            || self.kind.is_some_and(|k| k != ConflictKind::HeldOut)
        {
            return false;
        }
        let article = graph.article(&ch.claim.article).map(|a| &a.record);
        let date = article.and_then(|a| a.date.as_deref()).unwrap_or("");
        let prefix = |len: usize| date.get(..len).unwrap_or(date);
        let dates = self.date_filter();
        let claim_dated = self
            .supports
            .since
            .as_ref()
            .is_none_or(|d| !date.is_empty() && prefix(d.len()) >= d.as_str())
            && self
                .supports
                .until
                .as_ref()
                .is_none_or(|d| !date.is_empty() && prefix(d.len()) <= d.as_str());
        let claim_sourced = self.supports.source.as_ref().is_some_and(|source| {
            let a = ch.claim.attribution.as_ref();
            [
                a.map(|a| a.text.as_str()),
                a.and_then(|a| a.name.as_deref()),
                article.and_then(|a| a.source.as_deref()),
            ]
            .iter()
            .flatten()
            .any(|t| fold_name(t).contains(source.as_str()))
        });
        let sourced = self.supports.source.is_none()
            || claim_sourced
            || ch
                .relation
                .supports()
                .any(|s| self.supports.keeps_support(&s));
        claim_dated && sourced && ch.relation.supports().any(|s| dates.keeps_support(&s))
    }

    /// The subject and kind match, the dates hold for a support on each side, and the source
    /// for a support on either side.
    fn keeps(&self, c: &Conflict<'_>) -> bool {
        if self.subject.is_some_and(|e| e.id != c.subject.id()) {
            return false;
        }
        if self.kind.is_some_and(|k| k != c.kind) {
            return false;
        }
        let dates = self.date_filter();
        let dated = c
            .sides
            .iter()
            .all(|side| side.supports().any(|s| dates.keeps_support(&s)));
        let sourced = self.supports.source.is_none()
            || c.sides
                .iter()
                .any(|side| side.supports().any(|s| self.supports.keeps_support(&s)));
        dated && sourced
    }
}

fn conflicts(graph: &KnowledgeGraph, filter: &ConflictFilter<'_>, held_out: &[Claim]) -> Answer {
    let mut text = String::new();
    let mut json = Vec::new();
    for c in graph
        .conflicts_as_of(filter.as_of)
        .into_iter()
        .filter(|c| filter.keeps(c))
    {
        let strength = c.strength();
        text.push_str(&format!(
            "{} {}: {} {}  (sources {})\n",
            c.kind.as_str(),
            c.id,
            c.subject.label(),
            c.predicate,
            strength
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" vs ")
        ));
        let sides: Vec<Value> = c.sides.iter().map(|s| side_answer(s, &mut text)).collect();
        json.push(json!({
            "id": c.id,
            "kind": c.kind.as_str(),
            "subject": node_json(c.subject),
            "predicate": c.predicate,
            "strength": strength,
            "sides": sides,
        }));
    }
    for ch in graph
        .challenges(held_out)
        .into_iter()
        .filter(|ch| filter.keeps_challenge(graph, ch))
    {
        json.push(challenge_answer(graph, &ch, &mut text));
    }
    Answer {
        headers: &[],
        rows: Vec::new(),
        json,
        table: Some(text),
    }
}

/// One side of a conflict: its object, modality and period, then each support.
fn side_answer(side: &RelationRef<'_>, text: &mut String) -> Value {
    let supports: Vec<SupportRef<'_>> = side.supports().collect();
    text.push_str(&format!(
        "  {}{} [{}{}]\n",
        if side.relation.negated { "NOT " } else { "" },
        side.object.label(),
        side.relation.modality.as_str(),
        side.period()
            .map_or(String::new(), |p| format!(", period {p}")),
    ));
    for s in &supports {
        let per = s
            .attribution()
            .map_or(String::new(), |a| format!(" per {}", a.text));
        text.push_str(&format!(
            "    [{}{}{}{}] {}\n",
            s.article.id,
            s.article
                .date
                .as_deref()
                .map_or(String::new(), |d| format!(" {d}")),
            s.article
                .source
                .as_deref()
                .map_or(String::new(), |d| format!(" {d}")),
            per,
            s.evidence.replace(['\n', '\r'], " "),
        ));
    }
    let mut side_json = relation_json(side, &supports);
    if let Value::Object(map) = &mut side_json {
        map.insert("modality".into(), json!(side.relation.modality.as_str()));
        map.insert("period".into(), json!(side.period()));
    }
    side_json
}

/// A graph relation and the held-out claim that challenges it: the graph side as a conflict's
/// side, then the claim with its article, date, source, voice and confidence.
fn challenge_answer(graph: &KnowledgeGraph, ch: &Challenge<'_, '_>, text: &mut String) -> Value {
    let sources = ch.relation.corroboration().n_sources();
    text.push_str(&format!(
        "{} {}: {} {}  (sources {sources} vs held out)\n",
        ConflictKind::HeldOut.as_str(),
        ch.id,
        ch.subject.name,
        ch.relation.predicate(),
    ));
    let side = side_answer(&ch.relation, text);
    let c = ch.claim;
    let article = graph.article(&c.article).map(|a| &a.record);
    let date = article.and_then(|a| a.date.as_deref());
    let source = article.and_then(|a| a.source.as_deref());
    let voice = c.attribution.as_ref().map_or("", |a| a.text.as_str());
    text.push_str(&format!(
        "  {} [{}, held out: confidence {:.2}]\n    [{}{}{} per {voice}] {}\n",
        c.object.name.as_deref().unwrap_or(&c.object.text),
        c.modality.as_str(),
        c.confidence,
        c.article,
        date.map_or(String::new(), |d| format!(" {d}")),
        source.map_or(String::new(), |s| format!(" {s}")),
        c.evidence.replace(['\n', '\r'], " "),
    ));
    json!({
        "id": ch.id,
        "kind": ConflictKind::HeldOut.as_str(),
        "subject": node_json(NodeRef::Entity(ch.subject)),
        "predicate": ch.relation.predicate(),
        "strength": [sources, 0],
        "sides": [side],
        "held_out": {"claim": c, "date": date, "source": source},
    })
}

/// Claims about an entity by article date, within `window`'s dates (`--since/--until`).
fn timeline(graph: &KnowledgeGraph, e: &EntityNode, window: &ClaimFilter<'_>) -> Answer {
    let relations = graph.relations_of(&e.id);
    let mut items: Vec<(RelationRef<'_>, SupportRef<'_>)> = relations
        .iter()
        .flat_map(|r| r.supports().map(move |s| (*r, s)))
        .filter(|(_, s)| window.keeps_support(s))
        .collect();
    // Undated articles sort last ("~" is after every digit).
    items.sort_by(|(ra, a), (rb, b)| {
        let key = |r: &RelationRef<'_>, s: &SupportRef<'_>| {
            (
                s.article.date.clone().unwrap_or_else(|| "~".to_string()),
                s.article.id.clone(),
                s.start(),
                r.id().to_string(),
            )
        };
        key(ra, a).cmp(&key(rb, b))
    });
    let rows = items
        .iter()
        .map(|(r, s)| {
            vec![
                s.article.date.clone().unwrap_or_default(),
                s.article.id.clone(),
                r.subject.label().to_string(),
                predicate_label(r),
                r.object.label().to_string(),
                s.attribution().map(|a| a.text.clone()).unwrap_or_default(),
                s.evidence.to_string(),
            ]
        })
        .collect();
    let json = items
        .iter()
        .map(|(r, s)| {
            let mut v = support_json(s);
            if let Value::Object(map) = &mut v {
                map.insert("relation".to_string(), json!(r.id()));
                map.insert("subject".to_string(), node_json(r.subject));
                map.insert("predicate".to_string(), json!(r.predicate()));
                map.insert("negated".to_string(), json!(r.relation.negated));
                map.insert("object".to_string(), node_json(r.object));
            }
            v
        })
        .collect();
    Answer {
        headers: &[
            "date",
            "article",
            "subject",
            "predicate",
            "object",
            "per",
            "evidence",
        ],
        rows,
        json,
        table: None,
    }
}

fn stats(graph: &KnowledgeGraph) -> Answer {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for e in graph.entities() {
        *by_kind.entry(e.kind.as_str()).or_default() += 1;
    }
    let n_conflicts = graph.conflicts().len();
    let counts: Vec<(&str, usize)> = vec![
        ("articles", graph.n_articles()),
        ("entities", graph.n_entities()),
        ("persons", by_kind.get("person").copied().unwrap_or(0)),
        ("places", by_kind.get("place").copied().unwrap_or(0)),
        (
            "organisations",
            by_kind.get("organisation").copied().unwrap_or(0),
        ),
        ("values", graph.n_values()),
        ("relations", graph.n_relations()),
        ("supports", graph.n_supports()),
        ("conflicts", n_conflicts),
    ];
    let rows = counts
        .iter()
        .map(|(k, v)| vec![k.to_string(), v.to_string()])
        .collect();
    let json: serde_json::Map<String, Value> = counts
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    Answer {
        headers: &["count", "value"],
        rows,
        json: vec![Value::Object(json)],
        table: None,
    }
}

mod changes;

#[cfg(test)]
mod tests;
