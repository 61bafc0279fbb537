//! Training the mention classifier on articles the tagger labels itself (`claimgraph
//! train-mentions`).
//!
//! Labels come from the rule tagger (without the model) where it is sure:
//! * a gazetteer name or alias with one reading (no alternatives), written with capitals, not
//!   a village (villages need support from the article), not a demonym: its entity's kind;
//! * a person after a title (`TitleCue`) or before a reporting verb or in an apposition
//!   (`ReportingVerb`, `Apposition`), an organisation by its head word of two words or more
//!   (`OrganisationHead`), a place by its form (`PlaceCue`);
//! * no entity: a demonym with one reading ("Ukrainian"), and a day or month inside a sentence
//!   (capitalised runs of common English words were tried and dropped: in a hand check of the
//!   labels most were parts of organisations' names no list holds).
//!
//! Articles are split by a hash of their id: one in [`MentionTrainConfig::holdout_every`] is
//! held out and only scored. Training is deterministic: the examples keep article order,
//! the shuffles and the choice of examples whose own words are hidden come from one seed, and
//! the weights leave sorted, so the same articles give the same bytes.

use rayon::prelude::*;

use super::{context_features, identity_features, MentionLabel, MentionModel, Site, WordStarts};
use crate::gazetteer::Gazetteer;
use crate::learn::{Perceptron, SplitMix};
use crate::tagger::{cues, villages, Mention, Rule, Tagger};
use crate::text::{Sentence, Span};

/// Settings of [`train_mention_model`].
#[derive(Clone, Debug)]
pub struct MentionTrainConfig {
    /// Passes over the training examples.
    pub iterations: usize,
    /// Seed of the shuffles and of the hidden own words.
    pub seed: u64,
    /// One article in this many (by a hash of its id) is held out.
    pub holdout_every: u64,
    /// Per mille of the examples whose own words are hidden in a pass, so the context learns
    /// to decide alone (names the model meets at run time are in no list).
    pub hide_words_per_mille: u64,
    /// Averaged weights below this are dropped.
    pub prune_below: f64,
}

impl Default for MentionTrainConfig {
    fn default() -> Self {
        MentionTrainConfig {
            iterations: 8,
            seed: 0x5eed_4e7d,
            holdout_every: 10,
            hide_words_per_mille: 500,
            prune_below: 0.05,
        }
    }
}

/// One article to learn from.
pub struct TrainArticle {
    pub id: String,
    pub text: String,
    pub date: Option<String>,
}

/// One labelled name.
#[derive(Clone, Debug)]
pub struct Example {
    pub label: MentionLabel,
    /// The name as written and its sentence (for the hand check of the labels).
    pub name: String,
    pub sentence: String,
    /// Which rule gave the label.
    pub source: &'static str,
    identity: Vec<u64>,
    context: Vec<u64>,
}

/// Accuracy of the held-out examples whose margin reaches a threshold.
#[derive(Clone, Debug, Default)]
pub struct ThresholdRow {
    pub min_margin: i32,
    pub kept: usize,
    pub correct: usize,
}

/// What training saw and how the model did on the held-out articles.
#[derive(Clone, Debug, Default)]
pub struct MentionTrainReport {
    /// Examples per label (PER, LOC, ORG, O) in training and held out.
    pub train_counts: [usize; 4],
    pub holdout_counts: [usize; 4],
    /// Held-out accuracy with the names' own words, and with context features alone (as for
    /// a name in no list), by margin threshold.
    pub with_words: Vec<ThresholdRow>,
    pub context_only: Vec<ThresholdRow>,
    /// The held-out names no training example has (the closest to names in no list).
    pub unseen: Vec<ThresholdRow>,
    pub unseen_counts: [usize; 4],
    /// A seeded sample of the training examples, for checking the labels by hand.
    pub sample: Vec<Example>,
}

/// Margins the report scores.
const THRESHOLDS: [i32; 7] = [0, 5_000, 10_000, 15_000, 20_000, 30_000, 40_000];

/// Trains the classifier on `articles`, tagged by `tagger` without the model.
pub fn train_mention_model(
    tagger: &Tagger,
    articles: &[TrainArticle],
    config: &MentionTrainConfig,
    sample_size: usize,
) -> (MentionModel, MentionTrainReport) {
    let per_article: Vec<(bool, Vec<Example>)> = articles
        .par_iter()
        .map(|a| {
            let held_out =
                crate::hash::fnv1a64(a.id.as_bytes()).is_multiple_of(config.holdout_every.max(1));
            (held_out, article_examples(tagger, a))
        })
        .collect();
    let mut train = Vec::new();
    let mut holdout = Vec::new();
    for (held_out, examples) in per_article {
        if held_out {
            holdout.extend(examples);
        } else {
            train.extend(examples);
        }
    }
    let mut report = MentionTrainReport::default();
    for e in &train {
        report.train_counts[e.label as usize] += 1;
    }
    for e in &holdout {
        report.holdout_counts[e.label as usize] += 1;
    }
    let model = fit(&train, config);
    report.with_words = score(&model, &holdout, true);
    report.context_only = score(&model, &holdout, false);
    let seen: std::collections::HashSet<String> =
        train.iter().map(|e| e.name.to_lowercase()).collect();
    let unseen: Vec<Example> = holdout
        .iter()
        .filter(|e| !seen.contains(&e.name.to_lowercase()))
        .cloned()
        .collect();
    for e in &unseen {
        report.unseen_counts[e.label as usize] += 1;
    }
    report.unseen = score(&model, &unseen, true);
    let mut rng = SplitMix(config.seed ^ 0x5a5a);
    let mut order: Vec<usize> = (0..train.len()).collect();
    rng.shuffle(&mut order);
    report.sample = order
        .iter()
        .take(sample_size)
        .filter_map(|&i| train.get(i).cloned())
        .collect();
    (model, report)
}

/// The perceptron over the examples, own words hidden in part of each pass.
fn fit(train: &[Example], config: &MentionTrainConfig) -> MentionModel {
    let mut p = Perceptron::default();
    let mut rng = SplitMix(config.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::new();
    let mut scores = [0f32; 4];
    for _ in 0..config.iterations {
        rng.shuffle(&mut order);
        for &i in &order {
            let Some(e) = train.get(i) else { continue };
            feats.clear();
            feats.extend_from_slice(&e.context);
            if rng.below(1000) as u64 >= config.hide_words_per_mille {
                feats.extend_from_slice(&e.identity);
            }
            p.clock += 1;
            p.score(&feats, &mut scores);
            let mut guess = 0u8;
            for (c, &s) in scores.iter().enumerate() {
                if s > scores[usize::from(guess)] {
                    guess = c as u8;
                }
            }
            let truth = e.label as u8;
            if guess != truth {
                p.update(&feats, truth, guess);
            }
        }
    }
    MentionModel {
        weights: p.finish(config.prune_below),
    }
}

/// Held-out accuracy by margin threshold.
fn score(model: &MentionModel, holdout: &[Example], with_words: bool) -> Vec<ThresholdRow> {
    let mut rows: Vec<ThresholdRow> = THRESHOLDS
        .iter()
        .map(|&min_margin| ThresholdRow {
            min_margin,
            ..ThresholdRow::default()
        })
        .collect();
    let mut feats = Vec::new();
    for e in holdout {
        feats.clear();
        feats.extend_from_slice(&e.context);
        if with_words {
            feats.extend_from_slice(&e.identity);
        }
        let reading = model.read(&feats);
        for row in rows.iter_mut().filter(|r| reading.margin >= r.min_margin) {
            row.kept += 1;
            row.correct += usize::from(reading.label == e.label);
        }
    }
    rows
}

/// The labelled names of one article.
fn article_examples(tagger: &Tagger, article: &TrainArticle) -> Vec<Example> {
    let text = article.text.as_str();
    let sentences = crate::text::sentences(text);
    let (mentions, _) = tagger.tag_rules(text, &sentences, article.date.as_deref());
    let gazetteer = tagger.gazetteer();
    let starts = WordStarts::new(text);
    let mut res = Vec::new();
    for m in &mentions {
        let Some((label, source)) = sure_label(m, gazetteer, text) else {
            continue;
        };
        if let Some(e) = example_at(
            (text, &starts),
            &sentences,
            m.sentence,
            m.span,
            (label, source),
            &mentions,
            gazetteer,
        ) {
            res.push(e);
        }
    }
    for (idx, span) in dates(text, &sentences, &mentions) {
        if let Some(e) = example_at(
            (text, &starts),
            &sentences,
            idx,
            span,
            (MentionLabel::None, "date"),
            &mentions,
            gazetteer,
        ) {
            res.push(e);
        }
    }
    res
}

/// The label of a mention the rules are sure of, and which rule gave it.
fn sure_label(
    m: &Mention,
    gazetteer: &Gazetteer,
    text: &str,
) -> Option<(MentionLabel, &'static str)> {
    let written = m.span.of(text);
    let capitalised = written
        .split_whitespace()
        .filter(|w| !cues::is_connector(w))
        .all(cues::is_capitalised);
    if !capitalised {
        return None;
    }
    let label = MentionLabel::of_kind(m.kind);
    match m.rule {
        // A nationality or language ("Ukrainian"): a word of a place, no entity itself.
        Rule::Demonym if m.alternatives.is_empty() => Some((MentionLabel::None, "demonym")),
        Rule::GazetteerName | Rule::GazetteerAlias => {
            let village = gazetteer.get(&m.entity).is_some_and(villages::is_village);
            (m.alternatives.is_empty() && !village).then_some((label, "gazetteer"))
        }
        // Only a title before name-shaped words ("Councillor Ruth Delane"), not a title
        // swallowing a phrase ("Chief Marketing Officer").
        Rule::TitleCue
            if written
                .split_whitespace()
                .all(|w| cues::name_shaped(w) || gazetteer.is_given_name(w)) =>
        {
            Some((label, "title"))
        }
        Rule::OrganisationHead if written.split_whitespace().count() >= 2 => {
            Some((label, "organisation-head"))
        }
        Rule::PlaceCue => Some((label, "place-cue")),
        // A person in no list named by what it does in the sentence ("Orvald Pike said",
        // ", Orvald Pike, who"): the names the model meets at run time.
        Rule::ReportingVerb | Rule::Apposition => Some((label, "speaker")),
        _ => None,
    }
}

/// The example of the name at `span` in sentence `idx`, if its edges are token edges.
fn example_at(
    (text, starts): (&str, &WordStarts<'_>),
    sentences: &[Sentence],
    idx: usize,
    span: Span,
    (label, source): (MentionLabel, &'static str),
    mentions: &[Mention],
    gazetteer: &Gazetteer,
) -> Option<Example> {
    let sentence = sentences.get(idx)?;
    let words: Vec<&str> = sentence.tokens.iter().map(|t| t.span.of(text)).collect();
    let start = sentence
        .tokens
        .iter()
        .position(|t| t.span.start == span.start)?;
    let end = sentence
        .tokens
        .iter()
        .position(|t| t.span.end == span.end)?
        + 1;
    let site = Site {
        words: &words,
        start,
        end,
        starts,
        listed_with: super::listed_with(text, sentence, start, end, mentions),
    };
    let mut identity = Vec::new();
    identity_features(&site, &mut identity);
    let mut context = Vec::new();
    context_features(&site, gazetteer, &mut context);
    Some(Example {
        label,
        name: span.of(text).to_string(),
        sentence: sentence.text(text).to_string(),
        source,
        identity,
        context,
    })
}

/// Days and months written inside a sentence that no mention touches: sure non-entities
/// ("May" left out: it is also a name).
fn dates(text: &str, sentences: &[Sentence], mentions: &[Mention]) -> Vec<(usize, Span)> {
    let mut res = Vec::new();
    for (idx, sentence) in sentences.iter().enumerate() {
        for t in sentence.tokens.iter().skip(1) {
            let w = t.span.of(text);
            if cues::is_capitalised(w)
                && w != "May"
                && crate::lexicon::is_month_or_day(w)
                && !mentions.iter().any(|m| m.span.overlaps(t.span))
            {
                res.push((idx, t.span));
            }
        }
    }
    res
}
