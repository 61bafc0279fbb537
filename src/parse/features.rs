//! Feature templates of the parser, after Zhang and Nivre (2011) adapted to the arc-hybrid
//! system: words, tags and lemmas of the top three stack words and the first three buffer
//! words, their leftmost and rightmost dependents (and second ones) with labels, distances,
//! valencies and label sets, the number of verbs and of commas between stack and buffer words,
//! and combinations of these.
//!
//! Every feature is a hashed key ([`FeatureHash`]) of the template number and its parts, so a
//! state always gives the same fixed number of features, whatever the sentence's length
//! (distances, valencies and counts are bucketed; counts between two words are differences of
//! running counts): parsing stays linear in the sentence.

use super::state::{Frame, Info};
use crate::learn::FeatureHash;
use crate::pos::features::TokInfo;
use crate::pos::{Tag, NUM_TAGS};

/// Tag code of the artificial root.
const ROOT_TAG: u8 = NUM_TAGS as u8;
/// Tag code of an absent position (empty stack slot, no dependent).
const NONE_TAG: u8 = NUM_TAGS as u8 + 1;
/// Word and lemma code of an absent position.
const NONE_WORD: u64 = 0x9e37_79b9_7f4a_7c15;
/// Label code of an absent dependent (labels are below 128).
const NONE_LABEL: u8 = 255;

/// Per-word facts computed once per sentence. Entry 0 is the root.
pub(crate) struct Tok {
    /// Hash of the lower-cased, digit-normalised form.
    pub w: u64,
    /// Tag number.
    pub p: u8,
    /// Hash of the lemma.
    pub l: u64,
    /// Verbs (and modals) among words `1..=i`.
    pub verbs: u32,
    /// Commas, colons and dashes among words `1..=i`.
    pub puncts: u32,
}

fn hash_str(s: &str) -> u64 {
    FeatureHash::new(0).bytes(s.as_bytes()).finish()
}

/// The per-word facts of a sentence, with the root first.
pub(crate) fn tokens(words: &[&str], tags: &[Tag], lemmas: &[String]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(words.len() + 1);
    out.push(Tok {
        w: hash_str("<root>"),
        p: ROOT_TAG,
        l: hash_str("<root>"),
        verbs: 0,
        puncts: 0,
    });
    let (mut verbs, mut puncts) = (0u32, 0u32);
    for (i, word) in words.iter().enumerate() {
        let norm = TokInfo::new(word).norm;
        let tag = tags.get(i).copied();
        verbs += u32::from(tag.is_some_and(|t| t.is_verb() || t == Tag::MD));
        puncts += u32::from(matches!(tag, Some(Tag::Comma | Tag::Colon)));
        out.push(Tok {
            w: hash_str(&norm),
            p: tag.map_or(NONE_TAG, |t| t as u8),
            l: lemmas.get(i).map_or(NONE_WORD, |l| hash_str(l)),
            verbs,
            puncts,
        });
    }
    out
}

/// Verbs and punctuation strictly between words `a < b` (bucketed 0, 1, 2 = two or more),
/// from the running counts: constant work whatever the distance.
fn between(toks: &[Tok], a: Option<u32>, b: Option<u32>) -> [u64; 2] {
    let before_b = b.and_then(|b| b.checked_sub(1)).map(|x| x as usize);
    let (Some(ta), Some(tb)) = (
        a.and_then(|a| toks.get(a as usize)),
        before_b.and_then(|x| toks.get(x)),
    ) else {
        return [3, 3];
    };
    let count = |x: u32, y: u32| u64::from(x.saturating_sub(y).min(2));
    [count(tb.verbs, ta.verbs), count(tb.puncts, ta.puncts)]
}

/// Word, tag, lemma and label of one position of the configuration.
#[derive(Clone, Copy)]
struct Slot {
    w: u64,
    p: u8,
    l: u64,
    lab: u8,
}

const EMPTY: Slot = Slot {
    w: NONE_WORD,
    p: NONE_TAG,
    l: NONE_WORD,
    lab: NONE_LABEL,
};

/// A word's slot; `lab` is its label (`NONE_LABEL` for a word not yet attached).
fn slot(toks: &[Tok], i: Option<u32>, lab: u8) -> Slot {
    i.and_then(|i| toks.get(i as usize))
        .map_or(EMPTY, |t| Slot {
            w: t.w,
            p: t.p,
            l: t.l,
            lab,
        })
}

/// A dependent (`which` 0/1 = first/second leftmost, 2/3 = first/second rightmost) as a slot.
fn child(toks: &[Tok], info: &Info, which: usize) -> Slot {
    let (c, lab) = match which {
        0 | 1 => info.lm.get(which).copied(),
        _ => info.rm.get(which - 2).copied(),
    }
    .unwrap_or((0, NONE_LABEL));
    if c == 0 {
        EMPTY
    } else {
        slot(toks, Some(c), lab)
    }
}

fn bucket(d: usize) -> u8 {
    match d {
        0..=4 => d as u8,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Pushes one hashed key per template.
struct Keys<'a>(&'a mut Vec<u64>);

impl Keys<'_> {
    fn push(&mut self, t: u8, parts: &[u64]) {
        let mut h = FeatureHash::new(t);
        for &p in parts {
            h.word(p);
        }
        self.0.push(h.finish());
    }
}

/// Push the features of a configuration into `out` (cleared first). Words on the stack and in
/// the buffer are never attached yet in the arc-hybrid system, so only dependents have labels.
pub(crate) fn extract(toks: &[Tok], f: &Frame, out: &mut Vec<u64>) {
    out.clear();
    let [i0, i1, i2] = f.s;
    let [j0, j1, j2] = f.b;
    let s0 = slot(toks, i0, NONE_LABEL);
    let s1 = slot(toks, i1, NONE_LABEL);
    let s2 = slot(toks, i2, NONE_LABEL);
    let b0 = slot(toks, j0, NONE_LABEL);
    let b1 = slot(toks, j1, NONE_LABEL);
    let b2 = slot(toks, j2, NONE_LABEL);
    let mut k = Keys(out);
    unigrams(&mut k, [s0, s1, s2, b0, b1, b2]);
    pairs(&mut k, s0, s1, b0, b1, b2, s2);
    let (s0l, s0l2) = (child(toks, &f.s0, 0), child(toks, &f.s0, 1));
    let (s0r, s0r2) = (child(toks, &f.s0, 2), child(toks, &f.s0, 3));
    let (b0l, b0l2) = (child(toks, &f.b0, 0), child(toks, &f.b0, 1));
    let (s1l, s1r, s1r2) = (
        child(toks, &f.s1, 0),
        child(toks, &f.s1, 2),
        child(toks, &f.s1, 3),
    );
    for (t, c) in [
        (60u8, s0l),
        (61, s0l2),
        (62, s0r),
        (63, s0r2),
        (64, b0l),
        (65, b0l2),
        (66, s1l),
        (67, s1r),
        (68, s1r2),
    ] {
        k.push(t, &[c.w]);
        k.push(t.wrapping_add(20), &[u64::from(c.p), u64::from(c.lab)]);
        k.push(t.wrapping_add(40), &[u64::from(c.lab)]);
    }
    let (sp, bp, s1p) = (u64::from(s0.p), u64::from(b0.p), u64::from(s1.p));
    k.push(130, &[sp, u64::from(s0l.p), bp]);
    k.push(131, &[sp, u64::from(s0r.p), bp]);
    k.push(132, &[sp, bp, u64::from(b0l.p)]);
    k.push(133, &[sp, u64::from(s0l.p), u64::from(s0l2.p)]);
    k.push(134, &[sp, u64::from(s0r.p), u64::from(s0r2.p)]);
    k.push(135, &[bp, u64::from(b0l.p), u64::from(b0l2.p)]);
    k.push(136, &[s1p, u64::from(s1r.p), sp]);
    k.push(137, &[s1p, sp, u64::from(s0l.p)]);
    k.push(138, &[s1p, u64::from(s1l.p), sp]);
    k.push(139, &[u64::from(s0l.lab), u64::from(s0r.lab), sp]);
    k.push(140, &[u64::from(b0l.lab), bp, sp]);
    distances(&mut k, f, s0, s1, b0);
    valencies(&mut k, f, s0, s1, b0);
    let [v0, q0] = between(toks, i0, j0);
    let [v1, q1] = between(toks, i1, i0);
    k.push(190, &[sp, bp, v0, q0]);
    k.push(191, &[s1p, sp, v1, q1]);
    k.push(192, &[s0.w, bp, v0]);
    k.push(193, &[sp, b0.w, q0]);
    lexical(&mut k, [s0, s1, b0, b1], [s0l, s0r, b0l]);
}

/// Word pairs and word-tag-tag triples the templates above leave out: heads with their
/// dependents' words, the next two buffer words, and the stack top with the buffer's tags.
fn lexical(k: &mut Keys<'_>, [s0, s1, b0, b1]: [Slot; 4], [s0l, s0r, b0l]: [Slot; 3]) {
    let p = |s: Slot| u64::from(s.p);
    k.push(200, &[s0.w, s0l.w]);
    k.push(201, &[s0.w, s0r.w]);
    k.push(202, &[b0.w, b0l.w]);
    k.push(203, &[b0.w, b1.w]);
    k.push(204, &[b0.w, p(b1)]);
    k.push(205, &[s0.w, p(b0), p(b1)]);
    k.push(206, &[s1.w, p(s0), p(b0)]);
    k.push(207, &[p(s0), s0r.w, p(b0)]);
    k.push(208, &[s0.l, b0.l, u64::from(s0r.lab)]);
}

fn unigrams(k: &mut Keys<'_>, slots: [Slot; 6]) {
    k.push(0, &[]);
    for (i, s) in slots.iter().enumerate() {
        let t = 1 + 4 * i as u8;
        k.push(t, &[s.w]);
        k.push(t + 1, &[u64::from(s.p)]);
        k.push(t + 2, &[s.w, u64::from(s.p)]);
        if i < 4 {
            k.push(t + 3, &[s.l]);
        }
    }
}

fn pairs(k: &mut Keys<'_>, s0: Slot, s1: Slot, b0: Slot, b1: Slot, b2: Slot, s2: Slot) {
    let p = |s: Slot| u64::from(s.p);
    k.push(30, &[s0.w, p(s0), b0.w, p(b0)]);
    k.push(31, &[s0.w, p(s0), b0.w]);
    k.push(32, &[s0.w, b0.w, p(b0)]);
    k.push(33, &[s0.w, p(s0), p(b0)]);
    k.push(34, &[p(s0), b0.w, p(b0)]);
    k.push(35, &[s0.w, b0.w]);
    k.push(36, &[p(s0), p(b0)]);
    k.push(37, &[p(b0), p(b1)]);
    k.push(38, &[p(b0), p(b1), p(b2)]);
    k.push(39, &[p(s0), p(b0), p(b1)]);
    k.push(40, &[p(s1), p(s0), p(b0)]);
    k.push(41, &[p(s2), p(s1), p(s0)]);
    k.push(42, &[s1.w, p(s1), s0.w, p(s0)]);
    k.push(43, &[s1.w, s0.w]);
    k.push(44, &[p(s1), s0.w, p(s0)]);
    k.push(45, &[s1.w, p(s1), p(s0)]);
    k.push(46, &[p(s1), p(s0)]);
    k.push(47, &[s0.l, b0.l]);
    k.push(48, &[s1.l, s0.l]);
    k.push(49, &[s0.l, p(b0)]);
    k.push(50, &[p(s0), b0.l]);
    k.push(51, &[s1.l, p(s0)]);
    k.push(52, &[p(s1), s0.l]);
    k.push(53, &[p(s1), p(b0)]);
    k.push(54, &[s1.w, b0.w]);
    k.push(55, &[p(s0), b0.w, b1.w]);
}

fn distances(k: &mut Keys<'_>, f: &Frame, s0: Slot, s1: Slot, b0: Slot) {
    let d0 = match (f.s[0], f.b[0]) {
        (Some(a), Some(b)) => u64::from(bucket(b.saturating_sub(a) as usize)),
        _ => 8,
    };
    let d1 = match (f.s[1], f.s[0]) {
        (Some(a), Some(b)) => u64::from(bucket(b.saturating_sub(a) as usize)),
        _ => 8,
    };
    let p = |s: Slot| u64::from(s.p);
    k.push(150, &[s0.w, d0]);
    k.push(151, &[p(s0), d0]);
    k.push(152, &[b0.w, d0]);
    k.push(153, &[p(b0), d0]);
    k.push(154, &[s0.w, b0.w, d0]);
    k.push(155, &[p(s0), p(b0), d0]);
    k.push(156, &[p(s1), p(s0), d1]);
    k.push(157, &[s1.w, s0.w, d1]);
    k.push(158, &[s1.w, p(s0), d1]);
    k.push(159, &[p(s1), s0.w, d1]);
}

fn valencies(k: &mut Keys<'_>, f: &Frame, s0: Slot, s1: Slot, b0: Slot) {
    let v = |x: u8| u64::from(x.min(7));
    let (s0l, s0r) = (v(f.s0.nl), v(f.s0.nr));
    let (s1l, s1r) = (v(f.s1.nl), v(f.s1.nr));
    let b0l = v(f.b0.nl);
    let p = |s: Slot| u64::from(s.p);
    k.push(170, &[s0.w, s0r]);
    k.push(171, &[p(s0), s0r]);
    k.push(172, &[s0.w, s0l]);
    k.push(173, &[p(s0), s0l]);
    k.push(174, &[b0.w, b0l]);
    k.push(175, &[p(b0), b0l]);
    k.push(176, &[p(s1), s1r]);
    k.push(177, &[p(s1), s1l]);
    let set = |x: u128| [x as u64, (x >> 64) as u64];
    let [a, b] = set(f.s0.rset);
    k.push(180, &[s0.w, a, b]);
    k.push(181, &[p(s0), a, b]);
    let [a, b] = set(f.s0.lset);
    k.push(182, &[s0.w, a, b]);
    k.push(183, &[p(s0), a, b]);
    let [a, b] = set(f.b0.lset);
    k.push(184, &[b0.w, a, b]);
    k.push(185, &[p(b0), a, b]);
    let [a, b] = set(f.s1.rset);
    k.push(186, &[p(s1), a, b]);
    let [a, b] = set(f.s1.lset);
    k.push(187, &[p(s1), a, b]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_and_punctuation_between_two_words_are_counted() {
        // root, "Ships", "sailed", ",", "crews", "said", ",", "and", "waited"
        let words = [
            "Ships", "sailed", ",", "crews", "said", ",", "and", "waited",
        ];
        let tags = [
            Tag::NNS,
            Tag::VBD,
            Tag::Comma,
            Tag::NNS,
            Tag::VBD,
            Tag::Comma,
            Tag::CC,
            Tag::VBD,
        ];
        let toks = tokens(&words, &tags, &[]);
        // Between "Ships" (1) and "waited" (8): two verbs, two commas (capped at 2).
        assert_eq!(between(&toks, Some(1), Some(8)), [2, 2]);
        // Between "sailed" (2) and "crews" (4): one comma, no verb.
        assert_eq!(between(&toks, Some(2), Some(4)), [0, 1]);
        // Neighbours have nothing between them; a missing word gives its own bucket.
        assert_eq!(between(&toks, Some(4), Some(5)), [0, 0]);
        assert_eq!(between(&toks, None, Some(5)), [3, 3]);
        // The counts stay bounded for any distance.
        let long: Vec<&str> = std::iter::repeat_n("ran", 5000).collect();
        let toks = tokens(&long, &vec![Tag::VBD; 5000], &[]);
        assert_eq!(between(&toks, Some(1), Some(5000)), [2, 0]);
    }
}
