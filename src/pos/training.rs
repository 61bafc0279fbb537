//! Averaged-perceptron training.

use std::collections::HashMap;

use super::features::{static_features, tag_features, TokInfo, START1, START2};
use super::{GoldSentence, LemmaTable, PosModel, Tag, NUM_TAGS};
use crate::learn::{Perceptron, SplitMix};

/// Training hyper-parameters. [`TrainConfig::default`] gives the settings
/// used for the shipped model.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub iterations: usize,
    /// Seed of the deterministic sentence shuffle before each pass.
    pub seed: u64,
    /// Words seen at least this often ...
    pub tagdict_min_count: usize,
    /// ... with one tag at least this share of the time are tagged by
    /// dictionary look-up instead of the perceptron.
    pub tagdict_min_ratio: f64,
    /// Averaged weights with absolute value below this are dropped (model
    /// size vs. accuracy). Weights are in perceptron update units.
    pub prune_below: f64,
    /// Whether dictionary words are also skipped during training (faster
    /// training; otherwise the perceptron still learns from them and the
    /// dictionary is only used when tagging).
    pub tagdict_in_training: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iterations: 10,
            seed: 0x5eed_2024,
            tagdict_min_count: 20,
            tagdict_min_ratio: 0.99,
            prune_below: 0.3,
            tagdict_in_training: false,
        }
    }
}

fn argmax(scores: &[f32; NUM_TAGS]) -> u8 {
    let mut best = 0usize;
    let mut bs = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if s > bs {
            bs = s;
            best = i;
        }
    }
    best as u8
}

fn build_tagdict(train: &[Vec<(String, Tag)>], cfg: &TrainConfig) -> HashMap<String, Tag> {
    let mut counts: HashMap<&str, [u32; NUM_TAGS]> = HashMap::new();
    for sent in train {
        for (w, t) in sent {
            if let Some(c) = counts
                .entry(w.as_str())
                .or_insert([0; NUM_TAGS])
                .get_mut(*t as usize)
            {
                *c += 1;
            }
        }
    }
    let mut dict = HashMap::new();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, &n) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
            .unwrap_or((0, &0));
        if total as usize >= cfg.tagdict_min_count
            && f64::from(n) / f64::from(total.max(1)) >= cfg.tagdict_min_ratio
        {
            if let Some(t) = Tag::from_index(best as u8) {
                dict.insert(w.to_string(), t);
            }
        }
    }
    dict
}

/// Train an averaged-perceptron tagger on gold-tagged sentences.
///
/// Deterministic for a given `cfg` (fixed-seed shuffle, no hash-order
/// dependence). The returned model has an empty lemma table (rule-based
/// lemmas only); use [`train_with_lemmas`] to also learn lemma exceptions.
pub fn train(train: &[Vec<(String, Tag)>], cfg: &TrainConfig) -> PosModel {
    let tagdict = build_tagdict(train, cfg);

    // Pre-compute the tag-independent features of every token.
    struct Item {
        /// per token: (features start, end, gold, fixed tag or u8::MAX)
        toks: Vec<(usize, usize, u8, u8)>,
        toks_info: Vec<TokInfo>,
    }
    let mut feat_store: Vec<u64> = Vec::new();
    let mut items: Vec<Item> = Vec::with_capacity(train.len());
    for sent in train {
        let info: Vec<TokInfo> = sent.iter().map(|(w, _)| TokInfo::new(w)).collect();
        let mut toks = Vec::with_capacity(sent.len());
        for (i, (w, t)) in sent.iter().enumerate() {
            let forced = info.get(i).and_then(|ti| ti.forced);
            let fixed = if cfg.tagdict_in_training {
                forced.or_else(|| tagdict.get(w.as_str()).copied())
            } else {
                forced
            };
            let start = feat_store.len();
            if fixed.is_none() {
                static_features(&info, i, &mut feat_store);
            }
            toks.push((
                start,
                feat_store.len(),
                *t as u8,
                fixed.map_or(u8::MAX, |t| t as u8),
            ));
        }
        items.push(Item {
            toks,
            toks_info: info,
        });
    }

    let mut p = Perceptron::default();
    let mut rng = SplitMix(cfg.seed);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut feats: Vec<u64> = Vec::with_capacity(64);
    let mut scores = [0f32; NUM_TAGS];
    for _ in 0..cfg.iterations {
        rng.shuffle(&mut order);
        for &si in &order {
            let Some(item) = items.get(si) else { continue };
            let (mut t1, mut t2) = (START1, START2);
            for (i, &(s, e, gold, fixed)) in item.toks.iter().enumerate() {
                let guess = if fixed != u8::MAX {
                    fixed
                } else {
                    p.clock += 1;
                    feats.clear();
                    feats.extend_from_slice(feat_store.get(s..e).unwrap_or(&[]));
                    tag_features(&item.toks_info, i, t1, t2, &mut feats);
                    p.score(&feats, &mut scores);
                    let g = argmax(&scores);
                    if g != gold {
                        p.update(&feats, gold, g);
                    }
                    g
                };
                t2 = t1;
                t1 = guess;
            }
        }
    }

    let mut m = PosModel {
        weights: p.finish(cfg.prune_below),
        ..PosModel::default()
    };
    m.tagdict = tagdict;
    m
}

/// [`train`] on `(form, tag, lemma)` sentences (as returned by
/// [`read_conllu`](super::read_conllu)) and also learn the lemma exception
/// table and lexicon ([`LemmaTable::learn`]) into the model.
pub fn train_with_lemmas(sents: &[GoldSentence], cfg: &TrainConfig) -> PosModel {
    let plain: Vec<Vec<(String, Tag)>> = sents
        .iter()
        .map(|s| s.iter().map(|(w, t, _)| (w.clone(), *t)).collect())
        .collect();
    let mut m = train(&plain, cfg);
    m.set_lemma_table(LemmaTable::learn(sents));
    m
}
