//! Beam search over the arc-hybrid system, and its global training step (max-violation
//! perceptron updates, Huang, Fayong and Guo 2012).
//!
//! A configuration in the beam is persistent: its stack is a chain of cells in an arena
//! shared by the whole beam, and a move adds at most one cell (the shifted word, or the new
//! copy of `s1` with its new right dependent), so a move costs the same whatever the
//! sentence's length. A sentence of `n` words still takes `2n` steps, each scoring at most
//! `width` configurations: parsing stays linear in the sentence (the width is a constant).

use super::features::{extract, Tok};
use super::state::{self, Class, Frame, Info, Move, State};

const NIL: u32 = u32::MAX;

/// One stack cell: a word, its dependents so far, and the cell below it.
#[derive(Clone, Copy)]
struct Cell {
    w: u32,
    info: Info,
    below: u32,
}

/// One step of a configuration's history: the class applied and the step before.
#[derive(Clone, Copy)]
struct Step {
    class: Class,
    prev: u32,
}

/// A configuration in the beam, sharing its stack and history with those it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    top: u32,
    b: u32,
    b0: Info,
    hist: u32,
    /// Sum of the scores of the moves that led here.
    pub score: f64,
}

/// Stack cells and history steps of every configuration of one sentence.
pub(crate) struct Arena {
    cells: Vec<Cell>,
    steps: Vec<Step>,
    n: u32,
}

impl Arena {
    /// An arena for a sentence of `n` words and its initial configuration (the root alone
    /// on the stack).
    pub(crate) fn new(n: usize, width: usize) -> (Arena, Item) {
        let mut cells = Vec::with_capacity(2 * n * width.max(1) + 1);
        cells.push(Cell {
            w: 0,
            info: Info::default(),
            below: NIL,
        });
        let arena = Arena {
            cells,
            steps: Vec::with_capacity(2 * n * width.max(1)),
            n: n as u32,
        };
        let start = Item {
            top: 0,
            b: 1,
            b0: Info::default(),
            hist: NIL,
            score: 0.0,
        };
        (arena, start)
    }

    fn cell(&self, i: u32) -> Option<&Cell> {
        self.cells.get(i as usize)
    }

    /// The cell `i` places below the top of `it`'s stack.
    fn nth(&self, it: &Item, i: usize) -> Option<&Cell> {
        let mut c = self.cell(it.top)?;
        for _ in 0..i {
            c = self.cell(c.below)?;
        }
        Some(c)
    }

    fn buf(&self, it: &Item, i: u32) -> Option<u32> {
        let k = it.b + i;
        (k <= self.n).then_some(k)
    }

    /// Whether no move is left.
    pub(crate) fn terminal(&self, it: &Item) -> bool {
        it.b > self.n && self.nth(it, 1).is_none()
    }

    /// The positions the features read.
    pub(crate) fn frame(&self, it: &Item) -> Frame {
        let (c0, c1, c2) = (self.nth(it, 0), self.nth(it, 1), self.nth(it, 2));
        let b0 = self.buf(it, 0);
        Frame {
            s: [c0.map(|c| c.w), c1.map(|c| c.w), c2.map(|c| c.w)],
            b: [b0, self.buf(it, 1), self.buf(it, 2)],
            s0: c0.map(|c| c.info).unwrap_or_default(),
            s1: c1.map(|c| c.info).unwrap_or_default(),
            b0: if b0.is_some() { it.b0 } else { Info::default() },
        }
    }

    /// Whether a move may be applied: the facts `state::valid` reads, then the test.
    fn validity(&self, it: &Item) -> (bool, Option<u32>, Option<u32>) {
        let (s0, s1) = (self.nth(it, 0), self.nth(it, 1));
        (it.b <= self.n, s0.map(|c| c.w), s1.map(|c| c.w))
    }

    #[cfg(test)]
    fn valid(&self, it: &Item, m: Move, root: u8) -> bool {
        let (b, s0, s1) = self.validity(it);
        state::valid(m, b, s0, s1, root)
    }

    /// The configuration after class `c` (valid for `it`), its score `score`.
    fn apply(&mut self, it: &Item, c: Class, score: f64) -> Item {
        let mut next = *it;
        next.score = score;
        next.hist = self.steps.len() as u32;
        self.steps.push(Step {
            class: c,
            prev: it.hist,
        });
        let top = self.cell(it.top).copied();
        match (state::decode(c), top) {
            (Move::Shift, _) => {
                next.top = self.cells.len() as u32;
                self.cells.push(Cell {
                    w: it.b,
                    info: it.b0,
                    below: it.top,
                });
                next.b = it.b + 1;
                next.b0 = Info::default();
            }
            (Move::Left(l), Some(s0)) => {
                next.b0.attach(it.b, s0.w, l);
                next.top = s0.below;
            }
            (Move::Right(l), Some(s0)) => {
                if let Some(mut s1) = self.cell(s0.below).copied() {
                    s1.info.attach(s1.w, s0.w, l);
                    next.top = self.cells.len() as u32;
                    self.cells.push(s1);
                }
            }
            _ => {}
        }
        next
    }

    /// The classes that led to `it`, first to last.
    pub(crate) fn history(&self, it: &Item) -> Vec<Class> {
        let mut out = Vec::with_capacity(2 * self.n as usize);
        let mut at = it.hist;
        while let Some(s) = self.steps.get(at as usize) {
            out.push(s.class);
            at = s.prev;
        }
        out.reverse();
        out
    }
}

/// A candidate of the next beam: parent position, class, total score.
#[derive(Clone, Copy)]
struct Cand {
    score: f64,
    parent: usize,
    class: Class,
}

/// The search over one sentence: the arena, the beam, and scratch buffers.
pub(crate) struct Search<'a> {
    pub toks: &'a [Tok],
    pub root: u8,
    pub width: usize,
    pub arena: Arena,
    pub beam: Vec<Item>,
    /// Scores of every class for each beam item, as of the last [`Search::advance`].
    pub scores: Vec<Vec<f64>>,
    feats: Vec<u64>,
    cands: Vec<Cand>,
}

/// What [`Search::advance`] kept: for each new item, its parent's position and class.
pub(crate) type Kept = Vec<(usize, Class)>;

impl<'a> Search<'a> {
    pub(crate) fn new(toks: &'a [Tok], root: u8, width: usize, classes: usize) -> Self {
        let n = toks.len().saturating_sub(1);
        let (arena, start) = Arena::new(n, width);
        Search {
            toks,
            root,
            width: width.max(1),
            arena,
            beam: vec![start],
            scores: vec![vec![0.0; classes]; width.max(1)],
            feats: Vec::with_capacity(160),
            cands: Vec::new(),
        }
    }

    /// Whether the search is over (every item has made the same number of moves).
    pub(crate) fn done(&self) -> bool {
        self.beam.first().is_none_or(|it| self.arena.terminal(it))
    }

    /// Score a configuration's classes into `out` with `score`.
    pub(crate) fn score_item(
        &mut self,
        it: &Item,
        score: &mut impl FnMut(&[u64], &mut [f64]),
        out: &mut [f64],
    ) {
        extract(self.toks, &self.arena.frame(it), &mut self.feats);
        score(&self.feats, out);
    }

    /// One step: expand every item by every valid move and keep the `width` best (ties: the
    /// earlier parent, then the lower class). Returns what was kept.
    pub(crate) fn advance(&mut self, score: &mut impl FnMut(&[u64], &mut [f64])) -> Kept {
        self.cands.clear();
        let beam = std::mem::take(&mut self.beam);
        let mut scores = std::mem::take(&mut self.scores);
        for (i, (it, sc)) in beam.iter().zip(scores.iter_mut()).enumerate() {
            self.score_item(it, score, sc);
            let (has_buffer, s0, s1) = self.arena.validity(it);
            for (c, &s) in sc.iter().enumerate() {
                if state::valid(state::decode(c as Class), has_buffer, s0, s1, self.root) {
                    self.cands.push(Cand {
                        score: it.score + s,
                        parent: i,
                        class: c as Class,
                    });
                }
            }
        }
        let order = |a: &Cand, b: &Cand| {
            b.score
                .total_cmp(&a.score)
                .then(a.parent.cmp(&b.parent))
                .then(a.class.cmp(&b.class))
        };
        if self.cands.len() > self.width {
            self.cands.select_nth_unstable_by(self.width, order);
            self.cands.truncate(self.width);
        }
        self.cands.sort_by(order);
        let mut kept = Vec::with_capacity(self.cands.len());
        let cands = std::mem::take(&mut self.cands);
        for c in &cands {
            if let Some(parent) = beam.get(c.parent) {
                let next = self.arena.apply(parent, c.class, c.score);
                self.beam.push(next);
                kept.push((c.parent, c.class));
            }
        }
        self.cands = cands;
        self.scores = scores;
        kept
    }

    /// Apply class `c` to a configuration outside the beam (the gold one, in training).
    pub(crate) fn apply(&mut self, it: &Item, c: Class, score: f64) -> Item {
        self.arena.apply(it, c, score)
    }
}

/// Heads and labels (indexed by word number, entry 0 unused) of the configuration reached
/// by `classes` from the start.
pub(crate) fn replay(n: usize, classes: &[Class]) -> State {
    let mut st = State::new(n);
    for &c in classes {
        st.apply(state::decode(c));
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::Tag;

    /// The persistent configuration gives the same frames as the mutable one on every
    /// step of any move sequence.
    #[test]
    fn persistent_frames_match_the_mutable_state() {
        let words = ["a", "b", "c", "d", "e"];
        let toks = super::super::features::tokens(&words, &[Tag::NN; 5], &[]);
        let root = 3u8;
        // A fixed cycle of preferences; the first valid move is taken.
        let prefs = [
            Move::Shift,
            Move::Shift,
            Move::Left(1),
            Move::Shift,
            Move::Right(2),
            Move::Right(4),
            Move::Shift,
            Move::Left(0),
        ];
        let (mut arena, mut it) = Arena::new(words.len(), 1);
        let mut st = State::new(words.len());
        let mut k = 0;
        while !st.terminal() {
            assert!(!arena.terminal(&it));
            let f = arena.frame(&it);
            let g = st.frame();
            assert_eq!((f.s, f.b), (g.s, g.b));
            assert_eq!((f.s0, f.s1, f.b0), (g.s0, g.s1, g.b0));
            let last = [Move::Right(root)];
            let all = prefs.iter().chain(&last);
            let m = all
                .copied()
                .cycle()
                .skip(k)
                .take(prefs.len() + 1)
                .find(|&m| st.valid(m, root));
            let Some(m) = m else { break };
            assert!(arena.valid(&it, m, root));
            it = arena.apply(&it, state::encode(m), 0.0);
            st.apply(m);
            k += 1;
        }
        assert!(arena.terminal(&it));
        let again = replay(words.len(), &arena.history(&it));
        assert_eq!(again.head, st.head);
        assert_eq!(toks.len(), words.len() + 1);
    }
}
