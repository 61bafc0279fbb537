//! `query quotes X` and `query quotes --about Y`: direct speech with its speaker.
//!
//! A quote is a sentence of direct speech that supports a relation (the extractor's `quote`
//! flag) together with its attribution. `quotes X` keeps those whose speaker is linked to X
//! (after the analysts' merges, which relink speakers too); `--about Y` keeps those whose
//! relation has Y at either end or whose sentence names Y by its name or an alias (whole
//! words). Each sentence is listed once, by article date (undated last), article and
//! sentence.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::search::{sentence_has_all, words};
use super::Answer;
use crate::graph::{EntityNode, KnowledgeGraph, RelationRef, SupportRef};

/// One quoted sentence.
struct Quote<'g> {
    support: SupportRef<'g>,
    /// The relations the sentence supports (ids), for JSON.
    relations: Vec<&'g str>,
}

/// Whether a quote's relation or sentence is about `about`.
struct About<'g> {
    entity: &'g EntityNode,
    /// The folded words of each of its names.
    names: Vec<Vec<String>>,
}

impl<'g> About<'g> {
    fn new(entity: &'g EntityNode) -> About<'g> {
        let names = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .map(|n| words(n))
            .filter(|w| !w.is_empty())
            .collect();
        About { entity, names }
    }

    fn keeps(&self, r: &RelationRef<'_>, s: &SupportRef<'_>) -> bool {
        r.subject.id() == self.entity.id
            || r.object.id() == self.entity.id
            || self
                .names
                .iter()
                .any(|name| sentence_has_all(s.evidence, name))
    }
}

pub(super) fn quotes(
    graph: &KnowledgeGraph,
    speaker: Option<&EntityNode>,
    about: Option<&EntityNode>,
) -> Answer {
    let about = about.map(About::new);
    let mut found: BTreeMap<(String, String, u32), Quote<'_>> = BTreeMap::new();
    for r in graph.relations() {
        if !r.support_records().iter().any(|s| s.quote) {
            continue;
        }
        for s in r.supports().filter(|s| s.support.quote) {
            let said_by = s.attribution().and_then(|a| a.entity.as_deref());
            if speaker.is_some_and(|e| said_by != Some(e.id.as_str())) {
                continue;
            }
            if about.as_ref().is_some_and(|a| !a.keeps(&r, &s)) {
                continue;
            }
            // Undated articles sort last ("~" is after every digit).
            let date = s.article.date.clone().unwrap_or_else(|| "~".to_string());
            let key = (date, s.article.id.clone(), s.support.sentence);
            let quote = found.entry(key).or_insert(Quote {
                support: s,
                relations: Vec::new(),
            });
            quote.relations.push(r.id());
        }
    }
    let quotes: Vec<&Quote<'_>> = found.values().collect();
    let rows = quotes
        .iter()
        .map(|q| {
            let s = &q.support;
            vec![
                s.article.date.clone().unwrap_or_default(),
                s.attribution().map(|a| a.text.clone()).unwrap_or_default(),
                s.article.source.clone().unwrap_or_default(),
                s.article.id.clone(),
                s.evidence.to_string(),
            ]
        })
        .collect();
    let json = quotes.iter().map(|q| quote_json(q)).collect();
    Answer {
        headers: &["date", "speaker", "source", "article", "quote"],
        rows,
        json,
        table: None,
    }
}

fn quote_json(q: &Quote<'_>) -> Value {
    let s = &q.support;
    let attribution = s.attribution();
    json!({
        "text": s.evidence,
        "speaker": attribution.map(|a| a.text.as_str()),
        "speaker_entity": attribution.and_then(|a| a.entity.as_deref()),
        "article": s.article.id,
        "title": s.article.title,
        "url": s.article.url,
        "date": s.article.date,
        "source": s.article.source,
        "sentence": s.support.sentence,
        "relations": q.relations,
    })
}
