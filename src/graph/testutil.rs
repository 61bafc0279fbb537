//! Hand-made bundles for the graph, store, query and export unit tests (test builds only).

use crate::claim::{
    Argument, Attribution, Claim, EntityKindWire, Predicate, QuantityWire, SpanWire,
};
use crate::pipeline::{ArticleRecord, Bundle, MentionRecord};

use super::KnowledgeGraph;

pub fn article(id: &str, hash: &str, date: &str) -> ArticleRecord {
    ArticleRecord {
        id: id.to_string(),
        title: Some(format!("Title of {id}")),
        date: Some(date.to_string()),
        url: Some(format!("https://example.com/{id}")),
        source: Some("Example News".to_string()),
        hash: hash.to_string(),
        bytes: 1000,
    }
}

fn kind_of(id: &str) -> EntityKindWire {
    match id.split(':').next() {
        Some("person") => EntityKindWire::Person,
        Some("place") => EntityKindWire::Place,
        _ => EntityKindWire::Organisation,
    }
}

/// `place:ukraine|Ukraine` is an entity, `600000 troops` a quantity, anything else a phrase.
pub fn arg(spec: &str) -> Argument {
    if let Some((id, name)) = spec.split_once('|') {
        let mut a = Argument::text(name, Default::default());
        a.entity = Some(id.to_string());
        a.name = Some(name.to_string());
        a.kind = Some(kind_of(id));
        return a;
    }
    let mut a = Argument::text(spec, Default::default());
    let mut words = spec.split_whitespace();
    if let Some(Ok(n)) = words.next().map(|w| w.replace(',', "").parse::<u64>()) {
        let q = crate::quantity::Quantity::new(i128::from(n), 0, words.next().map(str::to_string));
        a.quantity = Some(QuantityWire::from_quantity(&q));
    }
    a
}

pub fn claim(
    article: &str,
    sentence: usize,
    subject: &str,
    predicate: &str,
    object: &str,
) -> Claim {
    let evidence = format!("Sentence {sentence} of {article}: {subject} {predicate} {object}.");
    let predicate = Predicate {
        lemma: predicate.to_string(),
        text: predicate.to_string(),
    };
    let mut c = Claim {
        article: article.to_string(),
        sentence,
        span: SpanWire {
            start: sentence * 100,
            end: sentence * 100 + 80,
        },
        evidence,
        confidence: 0.75,
        ..Claim::new(
            arg(subject),
            predicate,
            arg(object),
            crate::claim::Rule::Clause,
        )
    };
    c.id = c.compute_id();
    c
}

pub fn attributed(mut c: Claim, by: &str) -> Claim {
    c.attribution = Some(Attribution {
        text: by.to_string(),
        entity: None,
        name: None,
        kind: None,
        verb: "say".to_string(),
    });
    c
}

pub fn negated(mut c: Claim) -> Claim {
    c.negated = true;
    c.id = c.compute_id();
    c
}

pub fn mention(article: &str, entity: &str, name: &str) -> MentionRecord {
    MentionRecord {
        article: article.to_string(),
        sentence: 0,
        start: 0,
        end: name.len(),
        text: name.to_string(),
        entity: entity.to_string(),
        name: name.to_string(),
        kind: kind_of(entity),
        rule: "test".to_string(),
        confidence: 1.0,
        alternatives: Vec::new(),
    }
}

pub fn bundle(article: ArticleRecord, mentions: Vec<MentionRecord>, claims: Vec<Claim>) -> Bundle {
    Bundle {
        article,
        mentions,
        claims,
    }
}

/// Two articles on the Ukraine plan (600,000 vs 800,000 troops), a repeated claim, a negation,
/// a one-valued conflict, and a name with quotes and backslashes.
pub fn sample() -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let ukraine = "place:ukraine|Ukraine";
    let a1 = bundle(
        article("a1", "h1", "2025-11-20"),
        vec![
            mention("a1", "place:ukraine", "Ukraine"),
            mention("a1", "place:ukraine", "Ukraine"),
            mention("a1", "place:russia", "Russia"),
        ],
        vec![
            attributed(
                claim("a1", 1, ukraine, "limit army", "600,000 troops"),
                "the plan",
            ),
            claim(
                "a1",
                2,
                "place:russia|Russia",
                "recognise",
                "place:crimea|Crimea",
            ),
            claim(
                "a1",
                3,
                "person:zelenskyy|Volodymyr Zelenskyy",
                "be president of",
                ukraine,
            ),
            claim(
                "a1",
                4,
                "org:quote|The \"Quoted\" \\ Org",
                "support",
                ukraine,
            ),
        ],
    );
    let a2 = sample_a2();
    g.ingest(a1, None);
    g.ingest(a2, None);
    g
}

/// The second article of [`sample`]: 800,000 troops, a negation and a one-valued conflict.
pub fn sample_a2() -> Bundle {
    let ukraine = "place:ukraine|Ukraine";
    bundle(
        article("a2", "h2", "2025-11-21"),
        vec![mention("a2", "place:ukraine", "Ukraine")],
        vec![
            attributed(
                claim("a2", 1, ukraine, "limit army", "800,000 troops"),
                "European officials",
            ),
            claim(
                "a2",
                2,
                "place:russia|Russia",
                "recognise",
                "place:crimea|Crimea",
            ),
            negated(claim(
                "a2",
                3,
                "place:russia|Russia",
                "recognise",
                "place:crimea|Crimea",
            )),
            claim(
                "a2",
                4,
                "person:zelenskyy|Volodymyr Zelenskyy",
                "be president of",
                "place:russia|Russia",
            ),
        ],
    )
}
