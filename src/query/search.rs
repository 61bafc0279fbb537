//! `query search TEXT`: the claims whose evidence sentence holds every word of TEXT (case,
//! diacritics and punctuation aside; whole words, in any order).
//!
//! No index is kept: one question scans the quoted sentences once, in parallel over
//! articles, which is what building an index at load would cost before its first answer
//! (the store keeps each article's sentences as one buffer, read in place from the mapped
//! file). An article whose sentences are ASCII is skipped without folding when its
//! lower-cased text lacks one of the words. Results: the relations with a support in a
//! matching sentence, the most matching supports first, then by id.

use std::collections::HashSet;

use rayon::prelude::*;

use super::table::{claim_row, CLAIM_HEADERS};
use super::{relation_json, Answer};
use crate::graph::{ArticleNode, KnowledgeGraph, RelationRef, SupportRef};
use crate::tagger::fold_name;

/// The folded words of a text, split at anything that is not a letter or digit.
pub(super) fn words(text: &str) -> Vec<String> {
    fold_name(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether every word of `wanted` is a whole word of the (unfolded) `sentence`.
pub(super) fn sentence_has_all(sentence: &str, wanted: &[String]) -> bool {
    let have = words(sentence);
    wanted.iter().all(|w| have.iter().any(|h| h == w))
}

/// The (article slot, sentence) pairs whose sentence holds every word.
fn matching_sentences(graph: &KnowledgeGraph, wanted: &[String]) -> HashSet<(usize, u32)> {
    let articles: Vec<(usize, &ArticleNode)> =
        graph.slots().articles().zip(graph.articles()).collect();
    articles
        .par_iter()
        .flat_map_iter(|&(slot, article)| {
            let buffer = article.evidence_buffer().text();
            let skip = buffer.is_ascii() && {
                let lower = buffer.to_ascii_lowercase();
                wanted.iter().any(|w| !lower.contains(w.as_str()))
            };
            let hits: Vec<(usize, u32)> = if skip {
                Vec::new()
            } else {
                article
                    .evidence()
                    .filter(|(_, sentence)| sentence_has_all(sentence, wanted))
                    .map(|(idx, _)| (slot, idx))
                    .collect()
            };
            hits
        })
        .collect()
}

pub(super) fn search(graph: &KnowledgeGraph, text: &str) -> Answer {
    let wanted = words(text);
    let hits = if wanted.is_empty() {
        HashSet::new()
    } else {
        matching_sentences(graph, &wanted)
    };
    let mut found: Vec<(RelationRef<'_>, Vec<SupportRef<'_>>)> = Vec::new();
    if !hits.is_empty() {
        for r in graph.relations() {
            let hit = |s: &crate::graph::Support| hits.contains(&(s.article_slot(), s.sentence));
            if !r.support_records().iter().any(hit) {
                continue;
            }
            let supports: Vec<SupportRef<'_>> = r.supports().filter(|s| hit(s.support)).collect();
            found.push((r, supports));
        }
    }
    found.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.id().cmp(b.0.id())));
    Answer {
        headers: CLAIM_HEADERS,
        rows: found.iter().map(|(r, s)| claim_row(r, s)).collect(),
        json: found.iter().map(|(r, s)| relation_json(r, s)).collect(),
        table: None,
    }
}
