//! Training the parser: jackknifed tags, the dynamic-oracle perceptron loop, and scoring.

use std::collections::BTreeSet;

use super::beam::{self, Search};
use super::features::{extract, tokens, Tok};
use super::state::{self, Class, Gold, Move, State};
use super::{Parser, TreeSentence};
use crate::learn::{Perceptron, SplitMix};
use crate::pos::{self, PosModel, Tag};

/// Training settings; [`ParserTrainConfig::default`] gives those of the shipped model.
#[derive(Clone, Debug)]
pub struct ParserTrainConfig {
    /// Passes over the training sentences.
    pub iterations: usize,
    /// Seed of the sentence shuffle and of exploration.
    pub seed: u64,
    /// Averaged weights below this (in update units) are dropped.
    pub prune_below: f64,
    /// Then quantised weights (the largest is 32767) below this are dropped too: model size
    /// against accuracy.
    pub min_weight: i16,
    /// From the second pass on, the share of states (per mille) at which training follows
    /// the model's own prediction instead of the oracle's best move (error exploration).
    pub explore_per_mille: u64,
    /// Beam width: `1` trains a greedy parser with the dynamic oracle and error exploration;
    /// more trains a beam-search parser of that width with max-violation updates against the
    /// oracle's move sequence (the model then parses with that width).
    pub beam: usize,
    /// Folds for jackknifed part-of-speech tags (the tagger that tags fold `k` is trained on
    /// the other folds); `0` or `1` uses the given tagger on all sentences.
    pub folds: usize,
}

impl Default for ParserTrainConfig {
    fn default() -> Self {
        ParserTrainConfig {
            iterations: 12,
            seed: 0x5eed_d3e9,
            prune_below: 0.1,
            min_weight: 400,
            explore_per_mille: 900,
            beam: 1,
            folds: 5,
        }
    }
}

/// One training sentence, ready for the loop.
struct Item {
    toks: Vec<Tok>,
    head: Vec<u32>,
    label: Vec<u8>,
}

fn words(s: &TreeSentence) -> Vec<&str> {
    s.iter().map(|w| w.form.as_str()).collect()
}

/// Tags for every training sentence from taggers that did not see it (jackknifing).
fn jackknife(sents: &[TreeSentence], folds: usize, tagger: &PosModel) -> Vec<Vec<Tag>> {
    if folds < 2 {
        return sents.iter().map(|s| tagger.tag(&words(s))).collect();
    }
    let mut out = vec![Vec::new(); sents.len()];
    for k in 0..folds {
        let train: Vec<Vec<(String, Tag)>> = sents
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.iter().map(|w| (w.form.clone(), w.tag)).collect())
            .collect();
        let model = pos::train(&train, &pos::TrainConfig::default());
        for (i, s) in sents.iter().enumerate().filter(|(i, _)| i % folds == k) {
            if let Some(slot) = out.get_mut(i) {
                *slot = model.tag(&words(s));
            }
        }
    }
    out
}

/// Prepare sentences: predicted tags and lemmas, gold arcs; non-projective trees are made
/// projective by lifting (the oracle is exact only for projective trees), trees with a bad
/// head are left out.
fn items(
    sents: &[TreeSentence],
    tags: &[Vec<Tag>],
    labels: &[String],
    lem: &PosModel,
) -> Vec<Item> {
    let mut out = Vec::with_capacity(sents.len());
    for (s, tags) in sents.iter().zip(tags) {
        let n = s.len() as u32;
        let mut head = vec![0u32];
        let mut label = vec![0u8];
        for w in s {
            head.push(w.head);
            let l = labels.binary_search(&w.deprel).unwrap_or(0);
            label.push(l as u8);
        }
        let roots = s.iter().filter(|w| w.head == 0).count();
        if roots != 1 || head.iter().any(|&h| h > n) || !state::projectivize(&mut head) {
            continue;
        }
        let words: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
        let lemmas: Vec<String> = words
            .iter()
            .zip(tags)
            .map(|(w, &t)| lem.lemma(w, t))
            .collect();
        out.push(Item {
            toks: tokens(&words, tags, &lemmas),
            head,
            label,
        });
    }
    out
}

/// Train a parser on gold trees. `tagger` lemmatises (and tags, with `folds < 2`); with
/// jackknifing, taggers trained on the other folds give each sentence its tags.
/// Deterministic for given data and settings.
pub fn train(sents: &[TreeSentence], tagger: &PosModel, cfg: &ParserTrainConfig) -> Parser {
    train_inner(sents, tagger, cfg, None)
}

/// [`train`], handing `after_pass` the pass number (from 1) and the model as it would be
/// if training stopped there (the same as training with that many passes), before the
/// last pass too.
pub fn train_watched(
    sents: &[TreeSentence],
    tagger: &PosModel,
    cfg: &ParserTrainConfig,
    mut after_pass: impl FnMut(usize, &Parser),
) -> Parser {
    train_inner(sents, tagger, cfg, Some(&mut after_pass))
}

/// What [`train_watched`] calls after a pass.
type AfterPass<'a> = dyn FnMut(usize, &Parser) + 'a;

fn train_inner(
    sents: &[TreeSentence],
    tagger: &PosModel,
    cfg: &ParserTrainConfig,
    mut after_pass: Option<&mut AfterPass<'_>>,
) -> Parser {
    let set: BTreeSet<&str> = sents
        .iter()
        .flatten()
        .map(|w| w.deprel.as_str())
        .chain(["root"])
        .collect();
    let labels: Vec<String> = set.into_iter().take(127).map(str::to_string).collect();
    let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u8;
    let tags = jackknife(sents, cfg.folds, tagger);
    let items = items(sents, &tags, &labels, tagger);
    let classes = 1 + 2 * labels.len();
    let mut p = Perceptron::default();
    let mut rng = SplitMix(cfg.seed);
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut scratch = Scratch {
        feats: Vec::with_capacity(160),
        scores: vec![0f32; classes],
    };
    for epoch in 0..cfg.iterations {
        rng.shuffle(&mut order);
        for &i in &order {
            let Some(item) = items.get(i) else { continue };
            if cfg.beam > 1 {
                learn_beam(&mut p, item, root, cfg.beam, &mut scratch);
            } else {
                let explore = if epoch == 0 { 0 } else { cfg.explore_per_mille };
                learn_sentence(&mut p, item, root, explore, &mut rng, &mut scratch);
            }
        }
        if let Some(f) = after_pass.as_mut().filter(|_| epoch + 1 < cfg.iterations) {
            f(epoch + 1, &finish(&p, cfg, &labels, root));
        }
    }
    finish(&p, cfg, &labels, root)
}

fn finish(p: &Perceptron, cfg: &ParserTrainConfig, labels: &[String], root: u8) -> Parser {
    let mut weights = p.finish(cfg.prune_below);
    weights.prune(cfg.min_weight);
    Parser {
        labels: labels.to_vec(),
        weights,
        root,
        beam: cfg.beam.max(1),
    }
}

struct Scratch {
    feats: Vec<u64>,
    scores: Vec<f32>,
}

/// One pass of the dynamic oracle over a sentence, updating on every wrong choice.
fn learn_sentence(
    p: &mut Perceptron,
    item: &Item,
    root: u8,
    explore: u64,
    rng: &mut SplitMix,
    sc: &mut Scratch,
) {
    let gold = Gold {
        head: &item.head,
        label: &item.label,
    };
    let mut st = State::new(item.head.len().saturating_sub(1));
    while !st.terminal() {
        extract(&item.toks, &st.frame(), &mut sc.feats);
        p.clock += 1;
        p.score(&sc.feats, &mut sc.scores);
        let Some(choice) = choose(&gold, &st, root, &sc.scores) else {
            break;
        };
        if choice.pred_cost > choice.min_cost {
            p.update(&sc.feats, choice.best, choice.pred);
        }
        let follow_pred = rng.below(1000) < explore as usize;
        let next = if follow_pred {
            choice.pred
        } else {
            choice.best
        };
        st.apply(state::decode(next));
    }
}

/// The oracle's move sequence for a projective gold tree: an arc as soon as it costs
/// nothing (left before right), else a shift.
fn oracle_moves(item: &Item, root: u8) -> Vec<Class> {
    let gold = Gold {
        head: &item.head,
        label: &item.label,
    };
    let n = item.head.len().saturating_sub(1);
    let mut st = State::new(n);
    let mut out = Vec::with_capacity(2 * n);
    while !st.terminal() {
        let label = st
            .s(0)
            .and_then(|s| gold.label.get(s as usize))
            .copied()
            .unwrap_or(root);
        let moves = [Move::Left(label), Move::Right(label), Move::Shift];
        let valid = moves.into_iter().filter(|&m| st.valid(m, root));
        let Some(m) = valid.min_by_key(|&m| gold.cost(&st, m)) else {
            break;
        };
        out.push(state::encode(m));
        st.apply(m);
    }
    out
}

/// One sentence of global training: beam search beside the oracle's sequence, then one
/// perceptron update at the step where the best item beats the oracle's prefix by most
/// (max-violation), over the moves where the two differ.
fn learn_beam(p: &mut Perceptron, item: &Item, root: u8, width: usize, sc: &mut Scratch) {
    let gold_moves = oracle_moves(item, root);
    let classes = sc.scores.len();
    let mut search = Search::new(&item.toks, root, width, classes);
    let mut gold = search.beam.first().copied();
    let mut gold_at = Some(0usize);
    let mut worst: Option<(f64, beam::Item, beam::Item)> = None;
    p.clock += 1;
    let mut score = |feats: &[u64], out: &mut [f64]| {
        p.score(feats, &mut sc.scores);
        for (o, &s) in out.iter_mut().zip(&sc.scores) {
            *o = f64::from(s);
        }
    };
    for &gc in &gold_moves {
        let Some(g) = gold else { break };
        let kept = search.advance(&mut score);
        let step = match gold_at.and_then(|i| search.scores.get(i)) {
            Some(s) => s.get(usize::from(gc)).copied().unwrap_or(0.0),
            None => {
                let mut s = vec![0.0; classes];
                search.score_item(&g, &mut score, &mut s);
                s.get(usize::from(gc)).copied().unwrap_or(0.0)
            }
        };
        let next = search.apply(&g, gc, g.score + step);
        gold_at = gold_at.and_then(|i| kept.iter().position(|&k| k == (i, gc)));
        gold = Some(next);
        if gold_at == Some(0) {
            continue;
        }
        if let Some(best) = search.beam.first() {
            let v = best.score - next.score;
            if worst.is_none_or(|(w, _, _)| v > w) {
                worst = Some((v, *best, next));
            }
        }
    }
    if let Some((_, pred, gold)) = worst {
        let pred = search.arena.history(&pred);
        let gold = search.arena.history(&gold);
        update_sequences(p, &item.toks, &gold, &pred, &mut sc.feats);
    }
}

/// Reward the gold moves and penalise the predicted ones, from where the sequences part.
fn update_sequences(
    p: &mut Perceptron,
    toks: &[Tok],
    gold: &[Class],
    pred: &[Class],
    feats: &mut Vec<u64>,
) {
    let n = toks.len().saturating_sub(1);
    let shared = gold.iter().zip(pred).take_while(|(a, b)| a == b).count();
    let mut gs = beam::replay(n, gold.get(..shared).unwrap_or_default());
    let mut ps = beam::replay(n, pred.get(..shared).unwrap_or_default());
    let rest = gold.iter().zip(pred).skip(shared);
    for (&gc, &pc) in rest {
        extract(toks, &gs.frame(), feats);
        p.nudge(feats, gc, 1.0);
        extract(toks, &ps.frame(), feats);
        p.nudge(feats, pc, -1.0);
        gs.apply(state::decode(gc));
        ps.apply(state::decode(pc));
    }
}

struct Choice {
    /// The model's best valid class and its cost.
    pred: u8,
    pred_cost: usize,
    /// The best-scoring class of least cost.
    best: u8,
    min_cost: usize,
}

fn choose(gold: &Gold<'_>, st: &State, root: u8, scores: &[f32]) -> Option<Choice> {
    // Costs differ between labels only by the label's own arc: compute each kind once.
    let s0 = st.s(0).map(|s| s as usize);
    let gold_label = s0.and_then(|s| gold.label.get(s)).copied().unwrap_or(0);
    let gold_head = s0.and_then(|s| gold.head.get(s)).copied();
    let base = [
        gold.cost(st, Move::Shift),
        gold.cost(st, Move::Left(gold_label)),
        gold.cost(st, Move::Right(gold_label)),
    ];
    let mut pred: Option<(f32, u8, usize)> = None;
    let mut best: Option<(f32, u8, usize)> = None;
    for (c, &s) in scores.iter().enumerate() {
        let m = state::decode(c as u8);
        if !st.valid(m, root) {
            continue;
        }
        let cost = match m {
            Move::Shift => base[0],
            Move::Left(l) => {
                let arc = gold_head == st.buf(0);
                base[1].saturating_add(usize::from(arc && l != gold_label))
            }
            Move::Right(l) => {
                let arc = gold_head.is_some() && gold_head == st.s(1);
                base[2].saturating_add(usize::from(arc && l != gold_label))
            }
        };
        if pred.is_none_or(|(ps, _, _)| s > ps) {
            pred = Some((s, c as u8, cost));
        }
        if best.is_none_or(|(bs, _, bc)| cost < bc || (cost == bc && s > bs)) {
            best = Some((s, c as u8, cost));
        }
    }
    let (pred, best) = (pred?, best?);
    Some(Choice {
        pred: pred.1,
        pred_cost: pred.2,
        best: best.1,
        min_cost: best.2,
    })
}

/// Attachment scores of a parser on gold trees (gold tokenisation, predicted tags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words scored (punctuation included, as the CoNLL 2018 scorer does).
    pub words: usize,
    /// Words whose UPOS is right.
    pub upos: usize,
    /// Words whose head is right.
    pub heads: usize,
    /// Words whose head and universal relation (before any `:`) are right.
    pub labelled: usize,
    /// Words whose head and full relation (subtype included) are right.
    pub labelled_full: usize,
}

impl Scores {
    fn pct(n: usize, d: usize) -> f64 {
        if d == 0 {
            0.0
        } else {
            100.0 * n as f64 / d as f64
        }
    }
    /// UPOS accuracy, percent.
    pub fn upos_pct(&self) -> f64 {
        Self::pct(self.upos, self.words)
    }
    /// Unlabelled attachment score, percent.
    pub fn uas(&self) -> f64 {
        Self::pct(self.heads, self.words)
    }
    /// Labelled attachment score (universal relations), percent.
    pub fn las(&self) -> f64 {
        Self::pct(self.labelled, self.words)
    }
    /// Labelled attachment score with subtypes, percent.
    pub fn las_full(&self) -> f64 {
        Self::pct(self.labelled_full, self.words)
    }
}

/// Tag and parse gold sentences and count what is right.
pub fn evaluate(parser: &Parser, tagger: &PosModel, sents: &[TreeSentence]) -> Scores {
    let mut sc = Scores::default();
    let universal = |r: &str| r.split(':').next().unwrap_or(r).to_string();
    for s in sents {
        let words: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
        for (g, p) in s.iter().zip(parser.analyse(tagger, &words)) {
            sc.words += 1;
            sc.upos += usize::from(g.upos == p.upos);
            let head = p.head == g.head as usize;
            sc.heads += usize::from(head);
            sc.labelled += usize::from(head && universal(&g.deprel) == universal(&p.deprel));
            sc.labelled_full += usize::from(head && g.deprel == p.deprel);
        }
    }
    sc
}
