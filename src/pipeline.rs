//! Runs the stages for one article (text → mentions → claims) and for many, in parallel with
//! results in input order. Also defines the records that cross process boundaries: a
//! [`Bundle`] is one article with its mentions and claims, the unit that the graph ingests,
//! whether it comes from a direct run or from `claims --with-articles` output of a
//! distributed map step.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::claim::{self, Claim, EntityKindWire, ExtractOptions};
use crate::pos::PosModel;
use crate::tagger::{Dropped, Mention, Tagger};
use crate::text::{self, Sentence};

/// Everything the pipeline learned about one article.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub article: Article,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    /// Listed names the tagger left unlinked in context, with why (`tag --explain`).
    pub dropped: Vec<Dropped>,
    pub claims: Vec<Claim>,
}

/// Article metadata on the wire and in the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
    /// Content hash of the text: re-ingesting the same text changes nothing.
    pub hash: String,
    /// Length of the text in bytes.
    pub bytes: usize,
}

impl ArticleRecord {
    pub fn from_article(article: &Article) -> ArticleRecord {
        ArticleRecord {
            id: article.id.clone(),
            title: article.title.clone(),
            date: article.date.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            hash: article.content_hash(),
            bytes: article.text.len(),
        }
    }
}

/// One mention on the wire (`claimgraph tag` prints these, one per line).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    pub article: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKindWire,
    pub rule: String,
    pub confidence: f64,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub alternatives: Vec<String>,
}

impl MentionRecord {
    pub fn new(article: &str, m: &Mention) -> MentionRecord {
        MentionRecord {
            article: article.to_string(),
            sentence: m.sentence,
            start: m.span.start,
            end: m.span.end,
            text: m.text.clone(),
            entity: m.entity.clone(),
            name: m.name.clone(),
            kind: m.kind.into(),
            rule: m.rule.as_str().to_string(),
            confidence: m.confidence,
            alternatives: m.alternatives.clone(),
        }
    }
}

/// A [`MentionRecord`] borrowed from a mention: it serialises to the same JSON without
/// copying the mention's strings (`claimgraph tag` writes one per mention).
#[derive(Serialize)]
pub struct MentionRecordRef<'a> {
    article: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    entity: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: EntityKindWire,
    rule: &'static str,
    confidence: f64,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    alternatives: &'a [String],
}

impl<'a> MentionRecordRef<'a> {
    pub fn new(article: &'a str, m: &'a Mention) -> MentionRecordRef<'a> {
        MentionRecordRef {
            article,
            sentence: m.sentence,
            start: m.span.start,
            end: m.span.end,
            text: &m.text,
            entity: &m.entity,
            name: &m.name,
            kind: m.kind.into(),
            rule: m.rule.as_str(),
            confidence: m.confidence,
            alternatives: &m.alternatives,
        }
    }
}

/// An article with its mentions and claims: what the graph ingests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub article: ArticleRecord,
    pub mentions: Vec<MentionRecord>,
    pub claims: Vec<Claim>,
}

impl Analysis {
    pub fn to_bundle(&self) -> Bundle {
        Bundle {
            article: ArticleRecord::from_article(&self.article),
            mentions: self
                .mentions
                .iter()
                .map(|m| MentionRecord::new(&self.article.id, m))
                .collect(),
            claims: self.claims.clone(),
        }
    }
}

/// What to compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stages {
    /// Sentences and mentions only.
    Tag,
    /// Sentences, mentions and claims.
    Claims,
}

/// The configured pipeline.
pub struct Pipeline {
    pub tagger: Tagger,
    /// The part-of-speech model for claims; `None`: the shipped one, decoded on first use, so
    /// that tagging alone never decodes it.
    pub pos: Option<&'static PosModel>,
    pub options: ExtractOptions,
}

impl Pipeline {
    pub fn new(tagger: Tagger) -> Pipeline {
        Pipeline {
            tagger,
            pos: None,
            options: ExtractOptions::default(),
        }
    }

    /// The part-of-speech model claims use.
    pub fn pos_model(&self) -> &'static PosModel {
        self.pos.unwrap_or_else(PosModel::builtin)
    }

    /// Runs the stages on one article. Never fails: text problems give fewer results.
    pub fn analyze(&self, article: Article, stages: Stages) -> Analysis {
        let sentences = text::sentences(&article.text);
        let (mentions, dropped) =
            self.tagger
                .tag_explained(&article.text, &sentences, article.date.as_deref());
        let claims = match stages {
            Stages::Tag => Vec::new(),
            Stages::Claims => claim::extract(
                &article,
                &sentences,
                &mentions,
                self.pos_model(),
                &self.options,
            ),
        };
        Analysis {
            article,
            sentences,
            mentions,
            dropped,
            claims,
        }
    }

    /// Runs the stages on many articles in parallel; results come back in input order, so the
    /// output is the same for any number of threads.
    pub fn analyze_all(&self, articles: Vec<Article>, stages: Stages) -> Vec<Analysis> {
        articles
            .into_par_iter()
            .map(|a| self.analyze(a, stages))
            .collect()
    }
}

/// Errors reading a claim stream.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("{path}:{line}: {message}")]
    Bad {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Deserialize)]
struct ArticleLine {
    article: ArticleRecord,
    #[serde(default)]
    mentions: Vec<MentionRecord>,
}

/// An entity id from a claim stream must not use a prefix the graph keeps for its own nodes
/// (`article:`, `value:` ...), as gazetteer ids must not: it would collide with them.
fn check_entity_id(id: &str) -> Result<(), String> {
    match crate::gazetteer::RESERVED_PREFIXES
        .iter()
        .find(|p| id.starts_with(*p))
    {
        Some(prefix) => Err(format!(
            "entity id '{id}' uses the prefix '{prefix}', which is reserved for the graph's own nodes"
        )),
        None => Ok(()),
    }
}

/// Reads the output of `claims --with-articles` (article records, each followed by its claims;
/// claims without an article record get a bare article) back into bundles, in input order. The
/// whole stream is validated before anything is returned, so a bad line changes nothing.
pub fn read_claim_stream(path: &str, bytes: &[u8]) -> Result<Vec<Bundle>, StreamError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        StreamError::Bad {
            path: path.to_string(),
            line,
            message: format!("invalid UTF-8 at byte offset {}", e.valid_up_to()),
        }
    })?;
    let mut res: Vec<Bundle> = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        let line_no = idx + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| StreamError::Bad {
            path: path.to_string(),
            line: line_no,
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
        if value.get("kind").and_then(|k| k.as_str()) == Some("article") {
            let rec: ArticleLine = serde_json::from_value(value)
                .map_err(|e| bad(format!("not an article record: {e}")))?;
            for m in &rec.mentions {
                check_entity_id(&m.entity).map_err(&bad)?;
            }
            res.push(Bundle {
                article: rec.article,
                mentions: rec.mentions,
                claims: Vec::new(),
            });
            continue;
        }
        let claim: Claim =
            serde_json::from_value(value).map_err(|e| bad(format!("not a claim record: {e}")))?;
        let ids = [
            claim.subject.entity.as_deref(),
            claim.object.entity.as_deref(),
            claim.attribution.as_ref().and_then(|a| a.entity.as_deref()),
        ];
        for id in ids.into_iter().flatten() {
            check_entity_id(id).map_err(&bad)?;
        }
        match res.last_mut() {
            Some(bundle) if bundle.article.id == claim.article => bundle.claims.push(claim),
            _ => res.push(Bundle {
                article: ArticleRecord {
                    id: claim.article.clone(),
                    title: None,
                    date: None,
                    url: None,
                    source: None,
                    hash: String::new(),
                    bytes: 0,
                },
                mentions: Vec::new(),
                claims: vec![claim],
            }),
        }
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLAIM: &str = r#"{"id":"c1","article":"a1","sentence":0,"span":{"start":0,"end":9},"evidence":"X met Y.","subject":{"text":"X","entity":"ENTITY","name":"X","type":"person","start":0,"end":1},"predicate":{"lemma":"meet","text":"met"},"object":{"text":"Y","start":6,"end":7},"quote":false,"modality":"asserted","negated":false,"confidence":0.9,"rule":"clause"}"#;

    #[test]
    fn a_borrowed_mention_record_writes_the_owned_records_json() {
        let mut m = Mention {
            span: crate::text::Span::new(4, 15),
            sentence: 2,
            text: "Quux \"Bay\"\u{e9}".to_string(),
            entity: "place:quux-bay".to_string(),
            name: "Quux Bay".to_string(),
            kind: crate::gazetteer::EntityKind::Place,
            rule: crate::tagger::Rule::PlaceContext,
            confidence: 0.68,
            alternatives: Vec::new(),
        };
        for alternatives in [vec![], vec!["place:a".to_string(), "org:b".to_string()]] {
            m.alternatives = alternatives;
            let owned = serde_json::to_string(&MentionRecord::new("art 1", &m)).unwrap();
            let borrowed = serde_json::to_string(&MentionRecordRef::new("art 1", &m)).unwrap();
            assert_eq!(owned, borrowed);
        }
    }

    #[test]
    fn a_claim_stream_with_a_reserved_entity_id_is_refused_with_its_line() {
        let good = CLAIM.replace("ENTITY", "person:x");
        for reserved in ["article:a1", "value:text:y"] {
            let bad = CLAIM.replace("ENTITY", reserved);
            let stream = format!("{good}\n{bad}\n");
            let err = read_claim_stream("claims.jsonl", stream.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("claims.jsonl:2: "), "{err}");
            assert!(err.contains(reserved), "{err}");
        }
        let ok = read_claim_stream("claims.jsonl", format!("{good}\n").as_bytes()).unwrap();
        assert_eq!(ok.len(), 1);
    }

    #[test]
    fn a_mention_with_a_reserved_entity_id_is_refused() {
        let record = r#"{"kind":"article","article":{"id":"a1","hash":"h","bytes":9},"mentions":[{"article":"a1","sentence":0,"start":0,"end":1,"text":"X","entity":"value:x","name":"X","type":"person","rule":"list","confidence":1.0}]}"#;
        let err = read_claim_stream("s.jsonl", record.as_bytes());
        match err {
            Err(e) => assert!(e.to_string().contains("value:x"), "{e}"),
            Ok(_) => panic!("accepted a reserved mention id"),
        }
    }
}
