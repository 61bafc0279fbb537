//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with a
//! single-root constraint, and its dynamic oracle (Goldberg and Nivre 2013).
//!
//! Words are numbered `1..=n`; `0` is the artificial root, which sits at the bottom of the
//! stack. Transitions: `SHIFT` moves the buffer's first word `b0` onto the stack; `LEFT(l)` pops
//! `s0` and makes it an `l`-dependent of `b0`; `RIGHT(l)` pops `s0` and makes it an
//! `l`-dependent of `s1`. The root takes exactly one dependent, by `RIGHT(root)` once the buffer
//! is empty, so every parse is a tree with one root. Each word is shifted once and popped once:
//! a sentence of `n` words takes exactly `2n` transitions.

/// A transition class: `0` is SHIFT, `1 + 2l` is LEFT with label `l`, `2 + 2l` RIGHT with `l`.
pub(crate) type Class = u8;

/// The SHIFT class.
pub(crate) const SHIFT: Class = 0;

/// What a class does, and with which label.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Move {
    Shift,
    Left(u8),
    Right(u8),
}

/// Decode a class number.
pub(crate) fn decode(c: Class) -> Move {
    if c == SHIFT {
        Move::Shift
    } else if c % 2 == 1 {
        Move::Left((c - 1) / 2)
    } else {
        Move::Right((c - 2) / 2)
    }
}

/// Class number of a move.
pub(crate) fn encode(m: Move) -> Class {
    match m {
        Move::Shift => SHIFT,
        Move::Left(l) => 1 + 2 * l,
        Move::Right(l) => 2 + 2 * l,
    }
}

/// What the features read of one word's dependents: the leftmost and second-leftmost,
/// rightmost and second-rightmost (word number and label; word `0` = none), their numbers,
/// and the sets of their labels (label numbers below 128).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub lm: [(u32, u8); 2],
    pub rm: [(u32, u8); 2],
    pub nl: u8,
    pub nr: u8,
    pub lset: u128,
    pub rset: u128,
}

impl Info {
    /// Record dependent `d` with label `l` of the word `h` this describes.
    pub(crate) fn attach(&mut self, h: u32, d: u32, l: u8) {
        let bit = 1u128.checked_shl(u32::from(l)).unwrap_or(0);
        if d < h {
            self.nl = self.nl.saturating_add(1);
            self.lset |= bit;
            let lm = &mut self.lm;
            if lm[0].0 == 0 || d < lm[0].0 {
                *lm = [(d, l), lm[0]];
            } else if lm[1].0 == 0 || d < lm[1].0 {
                lm[1] = (d, l);
            }
        } else {
            self.nr = self.nr.saturating_add(1);
            self.rset |= bit;
            let rm = &mut self.rm;
            if rm[0].0 == 0 || d > rm[0].0 {
                *rm = [(d, l), rm[0]];
            } else if rm[1].0 == 0 || d > rm[1].0 {
                rm[1] = (d, l);
            }
        }
    }
}

/// What the features see of a configuration: the top three stack words, the first three
/// buffer words, and the dependents of `s0`, `s1` and `b0`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Frame {
    pub s: [Option<u32>; 3],
    pub b: [Option<u32>; 3],
    /// Dependents of `s0`, `s1` and `b0` (default where the position is empty).
    pub s0: Info,
    pub s1: Info,
    pub b0: Info,
}

/// Whether `m` may be applied to a configuration with (or without) a buffer and these two top
/// stack words (`root` is the root label's number).
pub(crate) fn valid(m: Move, has_buffer: bool, s0: Option<u32>, s1: Option<u32>, root: u8) -> bool {
    match m {
        Move::Shift => has_buffer,
        Move::Left(l) => has_buffer && l != root && s0.is_some_and(|s| s != 0),
        Move::Right(l) => match s1 {
            None => false,
            Some(0) => !has_buffer && l == root,
            Some(_) => l != root,
        },
    }
}

/// A parser configuration plus the bookkeeping the features read (dependents of each word),
/// all indexed by word number (`0` = root).
pub(crate) struct State {
    pub stack: Vec<u32>,
    /// The first buffer word; the buffer is `b..=n`.
    pub b: usize,
    pub n: usize,
    /// Head of each word once attached (`u32::MAX` before).
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Dependents of each word.
    pub info: Vec<Info>,
}

const NONE: u32 = u32::MAX;

impl State {
    pub(crate) fn new(n: usize) -> State {
        State {
            stack: vec![0],
            b: 1,
            n,
            head: vec![NONE; n + 1],
            label: vec![0; n + 1],
            info: vec![Info::default(); n + 1],
        }
    }

    /// The positions the features read.
    pub(crate) fn frame(&self) -> Frame {
        let info = |w: Option<u32>| {
            w.and_then(|w| self.info.get(w as usize))
                .copied()
                .unwrap_or_default()
        };
        Frame {
            s: [self.s(0), self.s(1), self.s(2)],
            b: [self.buf(0), self.buf(1), self.buf(2)],
            s0: info(self.s(0)),
            s1: info(self.s(1)),
            b0: info(self.buf(0)),
        }
    }

    pub(crate) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }

    /// The `i`-th stack word from the top, if any.
    pub(crate) fn s(&self, i: usize) -> Option<u32> {
        self.stack
            .len()
            .checked_sub(i + 1)
            .and_then(|k| self.stack.get(k))
            .copied()
    }

    /// The `i`-th buffer word, if any.
    pub(crate) fn buf(&self, i: usize) -> Option<u32> {
        let k = self.b + i;
        (k <= self.n).then_some(k as u32)
    }

    /// Whether `m` may be applied (`root` is the root label's number).
    pub(crate) fn valid(&self, m: Move, root: u8) -> bool {
        valid(m, self.b <= self.n, self.s(0), self.s(1), root)
    }

    /// Apply a valid move (an invalid one leaves the state unchanged).
    pub(crate) fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                if self.b <= self.n {
                    self.stack.push(self.b as u32);
                    self.b += 1;
                }
            }
            Move::Left(l) => {
                if let (Some(s0), true) = (self.s(0), self.b <= self.n) {
                    self.stack.pop();
                    self.attach(self.b as u32, s0, l);
                }
            }
            Move::Right(l) => {
                if let (Some(s0), Some(s1)) = (self.s(0), self.s(1)) {
                    self.stack.pop();
                    self.attach(s1, s0, l);
                }
            }
        }
    }

    fn attach(&mut self, h: u32, d: u32, l: u8) {
        if let Some(x) = self.head.get_mut(d as usize) {
            *x = h;
        }
        if let Some(x) = self.label.get_mut(d as usize) {
            *x = l;
        }
        if let Some(x) = self.info.get_mut(h as usize) {
            x.attach(h, d, l);
        }
    }
}

/// Gold heads and labels of one training sentence, indexed by word number (entry 0 unused).
pub(crate) struct Gold<'a> {
    pub head: &'a [u32],
    pub label: &'a [u8],
}

impl Gold<'_> {
    fn head_of(&self, w: u32) -> Option<u32> {
        self.head.get(w as usize).copied()
    }
    /// Buffer words `b..=n` whose gold head is `w`.
    fn deps_in_buffer(&self, st: &State, w: u32) -> usize {
        self.head
            .get(st.b..=st.n)
            .map_or(0, |hs| hs.iter().filter(|&&h| h == w).count())
    }

    /// Number of gold arcs that become unreachable if `m` is applied to `st` (the dynamic
    /// oracle's cost; exact for projective gold trees).
    pub(crate) fn cost(&self, st: &State, m: Move) -> usize {
        let s0 = st.s(0);
        let b0 = st.buf(0);
        match m {
            Move::Shift => {
                let Some(b0) = b0 else { return usize::MAX };
                let gh = self.head_of(b0);
                let below = st.stack.len().saturating_sub(1);
                let head_lost = st
                    .stack
                    .get(..below)
                    .is_some_and(|rest| rest.iter().any(|&k| Some(k) == gh));
                let deps_lost = st
                    .stack
                    .iter()
                    .filter(|&&k| self.head_of(k) == Some(b0))
                    .count();
                usize::from(head_lost) + deps_lost
            }
            Move::Left(l) => {
                let (Some(s0), Some(b0)) = (s0, b0) else {
                    return usize::MAX;
                };
                let gh = self.head_of(s0);
                let head_in_buffer = gh.is_some_and(|h| h as usize > st.b && h as usize <= st.n);
                let head_s1 = st.s(1).is_some_and(|s1| gh == Some(s1));
                let wrong_label = gh == Some(b0) && self.label.get(s0 as usize) != Some(&l);
                usize::from(head_in_buffer)
                    + usize::from(head_s1)
                    + self.deps_in_buffer(st, s0)
                    + usize::from(wrong_label)
            }
            Move::Right(l) => {
                let (Some(s0), Some(s1)) = (s0, st.s(1)) else {
                    return usize::MAX;
                };
                let gh = self.head_of(s0);
                let head_in_buffer =
                    gh.is_some_and(|h| h != 0 && h as usize >= st.b && h as usize <= st.n);
                let wrong_label = gh == Some(s1) && self.label.get(s0 as usize) != Some(&l);
                usize::from(head_in_buffer) + self.deps_in_buffer(st, s0) + usize::from(wrong_label)
            }
        }
    }
}

/// Make a tree projective by lifting (Kahane, Nasr and Rambow 1998): while arcs cross, the
/// dependent of the shortest crossed arc is reattached to its head's head, keeping its label.
/// False if that cannot finish (a crossed arc from the root, or heads that are no tree).
pub(crate) fn projectivize(head: &mut [u32]) -> bool {
    let rounds = head.len().saturating_mul(head.len());
    for _ in 0..=rounds {
        let Some(d) = shortest_crossed(head) else {
            return true;
        };
        let h = head.get(d).copied().unwrap_or(0) as usize;
        let Some(&grand) = head.get(h).filter(|_| h != 0) else {
            return false;
        };
        if let Some(x) = head.get_mut(d) {
            *x = grand;
        }
    }
    false
}

/// The dependent of the shortest arc that another arc crosses (the root's arc is never
/// chosen: it cannot be lifted, and lifting the arc that crosses it undoes the crossing).
fn shortest_crossed(head: &[u32]) -> Option<usize> {
    let arcs = spans(head);
    let crosses = |(a, b): (u32, u32), (c, d): (u32, u32)| {
        (a < c && c < b && b < d) || (c < a && a < d && d < b)
    };
    arcs.iter()
        .enumerate()
        .filter(|&(d, &x)| head.get(d + 1) != Some(&0) && arcs.iter().any(|&y| crosses(x, y)))
        .min_by_key(|&(_, &(a, b))| b - a)
        .map(|(i, _)| i + 1)
}

/// Each word's arc as (left end, right end), for words `1..`.
fn spans(head: &[u32]) -> Vec<(u32, u32)> {
    head.iter()
        .enumerate()
        .skip(1)
        .map(|(d, &h)| {
            let d = d as u32;
            (h.min(d), h.max(d))
        })
        .collect()
}

/// Whether a tree (heads indexed by word number, entry 0 unused) has no crossing arcs.
#[cfg(test)]
pub(crate) fn projective(head: &[u32]) -> bool {
    let arcs: Vec<(u32, u32)> = head
        .iter()
        .enumerate()
        .skip(1)
        .map(|(d, &h)| {
            let d = d as u32;
            (h.min(d), h.max(d))
        })
        .collect();
    arcs.iter().all(|&(a, b)| {
        arcs.iter()
            .all(|&(c, d)| !((a < c && c < b && b < d) || (c < a && a < d && d < b)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle, followed greedily, rebuilds any projective tree exactly.
    fn replay(head: &[u32], label: &[u8], root: u8) -> Vec<u32> {
        let n = head.len() - 1;
        let gold = Gold { head, label };
        let mut st = State::new(n);
        let moves: Vec<Move> = (0..4u8)
            .flat_map(|l| [Move::Left(l), Move::Right(l)])
            .chain([Move::Shift])
            .collect();
        while !st.terminal() {
            let m = moves
                .iter()
                .copied()
                .filter(|&m| st.valid(m, root))
                .min_by_key(|&m| gold.cost(&st, m));
            let Some(m) = m else { break };
            assert_eq!(gold.cost(&st, m), 0, "no zero-cost move");
            st.apply(m);
        }
        st.head.get(1..).unwrap_or_default().to_vec()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "the cat sat on the mat": the->cat, cat->sat, sat->root, on->mat, the->mat, mat->sat
        let head = [0, 2, 3, 0, 6, 6, 3];
        let label = [0, 1, 2, 3, 1, 1, 2];
        assert_eq!(replay(&head, &label, 3), head[1..].to_vec());
        let chain = [0, 0, 1, 2, 3];
        assert_eq!(replay(&chain, &[0, 3, 1, 1, 1], 3), chain[1..].to_vec());
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 1 <- 3 crosses 2 -> 4: word 1 is lifted to 3's head (4's head is 2, the root's).
        let mut head = [0, 3, 0, 2, 2];
        assert!(projectivize(&mut head));
        assert!(projective(&head));
        assert_eq!(head, [0, 2, 0, 2, 2]);
        let mut fine = [0, 2, 0, 2];
        assert!(projectivize(&mut fine));
        assert_eq!(fine, [0, 2, 0, 2]);
    }

    #[test]
    fn crossing_arcs_are_not_projective() {
        assert!(projective(&[0, 2, 0, 2]));
        assert!(!projective(&[0, 3, 0, 2, 1]));
    }

    #[test]
    fn moves_round_trip_through_classes() {
        for m in [Move::Shift, Move::Left(0), Move::Right(0), Move::Left(60)] {
            assert_eq!(decode(encode(m)), m);
        }
    }
}
