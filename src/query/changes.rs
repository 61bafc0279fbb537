//! `query changes --since D [--until D]`: what the articles of a window added to what was known
//! before it.
//!
//! A relation with supports from articles dated in the window is listed once, at its first
//! date in the window: `new` when no earlier article stated it, else `confirms` (with the
//! earlier supports it confirms). For each, the earlier claims it **contradicts**: relations
//! that say the opposite (the same subject, predicate, object and modality with the other
//! polarity: a denial after an announcement, at any distance in time), and the other sides of
//! its conflicts in the graph as known at the window's end (`KnowledgeGraph::conflicts_as_of`),
//! each with its supports dated before the new claim. Articles after `--until`, and undated
//! articles, take no part. Relations come by first date in the window, then id.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::{predicate_label, relation_json, Answer};
use crate::graph::{AsOf, KnowledgeGraph, RelationRef, SupportRef};

/// An earlier relation a new claim contradicts, with its earlier supports.
struct Contradiction<'g> {
    kind: &'static str,
    relation: RelationRef<'g>,
    supports: Vec<SupportRef<'g>>,
}

/// One listed relation.
struct Change<'g> {
    first: &'g str,
    relation: RelationRef<'g>,
    new: Vec<SupportRef<'g>>,
    earlier: Vec<SupportRef<'g>>,
    contradicts: Vec<Contradiction<'g>>,
}

pub(super) fn changes(graph: &KnowledgeGraph, since: AsOf, until: Option<AsOf>) -> Answer {
    let conflicting = conflict_sides(graph, until);
    let mut found: Vec<Change<'_>> = graph
        .relations()
        .filter_map(|r| r.as_of(until))
        .filter_map(|r| change(graph, r, since, until, &conflicting))
        .collect();
    found.sort_by(|a, b| (a.first, a.relation.id()).cmp(&(b.first, b.relation.id())));
    let mut text = String::new();
    let json = found
        .iter()
        .map(|c| {
            write_change(&mut text, c);
            change_json(c)
        })
        .collect();
    Answer {
        headers: &[],
        rows: Vec::new(),
        json,
        table: Some(text),
    }
}

/// By relation id: the other sides of its conflicts, with the conflict kind.
fn conflict_sides(
    graph: &KnowledgeGraph,
    until: Option<AsOf>,
) -> BTreeMap<&str, Vec<(&'static str, RelationRef<'_>)>> {
    let mut res: BTreeMap<&str, Vec<(&'static str, RelationRef<'_>)>> = BTreeMap::new();
    for c in graph.conflicts_as_of(until) {
        for side in &c.sides {
            for other in c.sides.iter().filter(|o| o.id() != side.id()) {
                res.entry(side.id())
                    .or_default()
                    .push((c.kind.as_str(), *other));
            }
        }
    }
    res
}

fn change<'g>(
    graph: &'g KnowledgeGraph,
    r: RelationRef<'g>,
    since: AsOf,
    until: Option<AsOf>,
    conflicting: &BTreeMap<&str, Vec<(&'static str, RelationRef<'g>)>>,
) -> Option<Change<'g>> {
    let (new, earlier): (Vec<SupportRef<'g>>, Vec<SupportRef<'g>>) = r
        .supports()
        .filter(|s| s.article.date.as_deref().is_some_and(|d| !d.is_empty()))
        .filter(|s| until.is_none_or(|u| u.admits(s.article.date.as_deref())))
        .partition(|s| !since_admits_before(since, s));
    let first = new.iter().filter_map(|s| s.article.date.as_deref()).min()?;
    let before = |s: &SupportRef<'_>| s.article.date.as_deref().is_some_and(|d| d < first);
    let mut contradicts: Vec<Contradiction<'g>> = Vec::new();
    let opposites = graph.opposites_of(&r).into_iter().map(|o| ("negation", o));
    let others = conflicting.get(r.id()).into_iter().flatten().copied();
    for (kind, other) in opposites.chain(others) {
        if contradicts.iter().any(|c| c.relation.id() == other.id()) {
            continue;
        }
        let supports: Vec<SupportRef<'g>> = other.supports().filter(|s| before(s)).collect();
        if !supports.is_empty() {
            contradicts.push(Contradiction {
                kind,
                relation: other,
                supports,
            });
        }
    }
    contradicts.sort_by(|a, b| a.relation.id().cmp(b.relation.id()));
    Some(Change {
        first,
        relation: r,
        new,
        earlier,
        contradicts,
    })
}

/// Whether a support's article is dated before the window starts (compared at the
/// precision of `since`).
fn since_admits_before(since: AsOf, s: &SupportRef<'_>) -> bool {
    let date = s.article.date.as_deref().unwrap_or("");
    let prefix = date.get(..since.as_str().len()).unwrap_or(date);
    prefix < since.as_str()
}

fn status(c: &Change<'_>) -> &'static str {
    if c.earlier.is_empty() {
        "new"
    } else {
        "confirms"
    }
}

fn write_change(text: &mut String, c: &Change<'_>) {
    let r = &c.relation;
    text.push_str(&format!(
        "{} {} {}: {} {} {}\n",
        status(c),
        c.first,
        r.id(),
        r.subject.label(),
        predicate_label(r),
        r.object.label()
    ));
    write_supports(text, "  + ", &c.new);
    if !c.earlier.is_empty() {
        text.push_str("  confirms earlier reports:\n");
        write_supports(text, "    ", &c.earlier);
    }
    for k in &c.contradicts {
        let o = &k.relation;
        text.push_str(&format!(
            "  contradicts ({}) {}: {} {} {}\n",
            k.kind,
            o.id(),
            o.subject.label(),
            predicate_label(o),
            o.object.label()
        ));
        write_supports(text, "    ", &k.supports);
    }
}

fn write_supports(text: &mut String, indent: &str, supports: &[SupportRef<'_>]) {
    for s in supports {
        let source = s
            .article
            .source
            .as_deref()
            .map_or(String::new(), |d| format!(" {d}"));
        text.push_str(&format!(
            "{indent}[{} {}{}] {}\n",
            s.article.id,
            s.article.date.as_deref().unwrap_or(""),
            source,
            s.evidence.replace(['\n', '\r'], " ")
        ));
    }
}

fn change_json(c: &Change<'_>) -> Value {
    json!({
        "status": status(c),
        "first_reported": c.first,
        "relation": relation_json(&c.relation, &c.new),
        "confirms": (!c.earlier.is_empty()).then(|| relation_json(&c.relation, &c.earlier)),
        "contradicts": c.contradicts.iter().map(|k| json!({
            "kind": k.kind,
            "relation": relation_json(&k.relation, &k.supports),
        })).collect::<Vec<_>>(),
    })
}
