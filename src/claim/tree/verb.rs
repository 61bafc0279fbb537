//! The verb side of a clause: its verb group (auxiliaries, particle, voice), negation and
//! modality from its dependants, the verb that controls it, what a reporting verb reports and
//! who reports a clause.

use super::{phrase, Rel, Tree, MAX_WALK};
use crate::claim::open::{Phrase, VerbGroup};
use crate::claim::Modality;
use crate::lexicon::{is_hedge, is_reporting};

/// Whether a (lower-case) word names a month or a day of the week.
pub(super) fn is_month_or_day(w: &str) -> bool {
    crate::lexicon::is_month_or_day(w)
}

/// What a controlling verb does to the verb of its `xcomp` ("plans to build": future;
/// "refused to pay": negated), for the verbs whose effect is known. Other verbs' `xcomp`s give
/// no clause of their own.
pub(super) fn control(lemma: &str) -> Option<(Modality, bool)> {
    let m = match lemma {
        "plan" | "intend" | "expect" | "aim" | "hope" | "want" | "seek" | "try" | "attempt"
        | "mean" | "propose" | "prepare" | "go" | "promise" | "pledge" | "vow" | "threaten"
        | "offer" | "wish" => (Modality::Future, false),
        // A decision taken is reported as the thing decided ("agreed to set up a fund").
        "agree" | "decide" | "vote" | "choose" => (Modality::Asserted, false),
        "have" | "need" | "require" | "oblige" | "ought" | "demand" => {
            (Modality::Obligation, false)
        }
        // "was forced to resign": the resignation happened.
        "force" | "compel" => (Modality::Asserted, false),
        "seem" | "appear" | "claim" | "say" => (Modality::Hedged, false),
        "refuse" | "decline" | "fail" => (Modality::Asserted, true),
        "continue" | "begin" | "start" | "manage" | "use" => (Modality::Asserted, false),
        _ => return None,
    };
    Some(m)
}

/// The modality an auxiliary gives (`None` for *be*, *have*, *do*).
fn modal(aux: &str) -> Option<Modality> {
    match aux {
        "will" | "shall" | "'ll" | "wo" => Some(Modality::Future),
        "would" | "'d" => Some(Modality::Conditional),
        "could" | "may" | "might" | "can" | "ca" => Some(Modality::Possibility),
        "must" | "should" | "ought" => Some(Modality::Obligation),
        _ => None,
    }
}

/// The stronger of two modalities: anything over asserted, hedges and possibility first.
fn stronger(a: Modality, b: Modality) -> Modality {
    let rank = |m: Modality| match m {
        Modality::Asserted => 0,
        Modality::Future => 1,
        Modality::Conditional => 2,
        Modality::Obligation => 3,
        Modality::Possibility => 4,
        Modality::Hedged => 5,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// Whether `v` can head a clause: a verb (not an auxiliary, not a participle modifying a noun)
/// or a word with a copula.
fn is_predicate(tree: &Tree, v: usize) -> bool {
    if tree.dep(v, Rel::Cop).is_some() {
        return !matches!(tree.rel(v), Rel::Acl | Rel::Amod);
    }
    let verb = tree.tag(v).starts_with("VB")
        && !matches!(
            tree.rel(v),
            Rel::Aux | Rel::AuxPass | Rel::Cop | Rel::Acl | Rel::Amod | Rel::Case | Rel::Mark
        );
    // A participle heads a clause with its auxiliary ("is building", "was signed"), as a
    // conjunct of a verb that has one ("was arrested and charged"), or as a reporting adjunct
    // ("..., adding that"); a bare one ("the existing points") is a modifier.
    let has_aux = tree.dep(v, Rel::Aux).is_some() || tree.dep(v, Rel::AuxPass).is_some();
    match tree.tag(v) {
        "VBG" => {
            verb && (has_aux
                || (is_reporting(tree.lemma(v)) && tree.rel(v) == Rel::Advcl)
                || aspect(tree, v))
        }
        // With a subject of its own, a past participle is a past tense the tagger confused.
        "VBN" => verb && (has_aux || tree.rel(v) == Rel::Conj || tree.dep(v, Rel::Subj).is_some()),
        _ => verb,
    }
}

/// "began rocking the barricades", "continued fighting": a gerund controlled by a verb of
/// beginning or going on is what its subject does.
fn aspect(tree: &Tree, v: usize) -> bool {
    tree.rel(v) == Rel::Xcomp
        && tree
            .head(v)
            .is_some_and(|h| matches!(tree.lemma(h), "begin" | "start" | "continue"))
}

/// Negation and modality from `v`'s own dependants (auxiliaries and adverbs).
fn own_marks(tree: &Tree, v: usize) -> (bool, Modality) {
    let mut negated = false;
    let mut modality = Modality::Asserted;
    for &k in tree.deps(v) {
        let w = tree.lower(k);
        match tree.rel(k) {
            Rel::Aux => {
                // "must have known": an inference about the past, not a duty.
                let perfect = tree.tag(v) == "VBN"
                    && tree
                        .deps(v)
                        .iter()
                        .any(|&a| tree.rel(a) == Rel::Aux && tree.lower(a) == "have");
                if w == "must" && perfect {
                    modality = stronger(modality, Modality::Hedged);
                } else if let Some(m) = modal(w) {
                    modality = stronger(modality, m);
                }
            }
            Rel::Advmod | Rel::Other if matches!(w, "not" | "n't" | "never") => negated = true,
            Rel::Advmod if is_hedge(w) => modality = stronger(modality, Modality::Hedged),
            _ => {}
        }
    }
    (negated, modality)
}

/// The modality a verb without auxiliaries takes from the verbs it is coordinated with (and
/// the verbs controlling those).
fn shared_modality(tree: &Tree, v: usize) -> Modality {
    let mut m = Modality::Asserted;
    let mut at = v;
    for _ in 0..MAX_WALK {
        let Some(h) = tree.head(at) else { break };
        if !matches!(tree.rel(at), Rel::Conj | Rel::Xcomp) {
            break;
        }
        if tree.rel(at) == Rel::Xcomp {
            m = stronger(
                m,
                control(tree.lemma(h)).map_or(Modality::Asserted, |c| c.0),
            );
        }
        m = stronger(m, own_marks(tree, h).1);
        at = h;
    }
    m
}

/// The verb group of predicate `v`, or `None` when `v` heads no clause.
pub(super) fn group(tree: &Tree, v: usize) -> Option<VerbGroup> {
    if !is_predicate(tree, v) {
        return None;
    }
    let cop = tree.dep(v, Rel::Cop);
    let main = cop.unwrap_or(v);
    let auxes = tree
        .deps(v)
        .iter()
        .copied()
        .filter(|&k| matches!(tree.rel(k), Rel::Aux | Rel::AuxPass | Rel::Cop) && k <= main);
    let mut start = auxes.min().unwrap_or(main);
    let particle = tree
        .dep(v, Rel::Particle)
        .filter(|&p| cop.is_none() && p > v);
    let end = match particle {
        Some(p) if p == v + 1 => p + 1,
        _ => main + 1,
    };
    let (mut negated, mut modality) = own_marks(tree, v);
    if tree.rel(v) == Rel::Xcomp {
        let h = tree.head(v)?;
        let (m, neg) = control(tree.lemma(h))?;
        let (h_neg, h_mod) = own_marks(tree, h);
        negated = negated || neg || h_neg;
        modality = stronger(stronger(modality, m), h_mod);
        start = start.min(h);
    }
    if tree.rel(v) == Rel::Conj && tree.dep(v, Rel::Aux).is_none() {
        // "would give up X and downsize Y": the conjunct shares the first verb's modality.
        modality = stronger(modality, shared_modality(tree, v));
    }
    let mut lemma = if cop.is_some() {
        "be".to_string()
    } else {
        tree.lemma(v).to_string()
    };
    if let Some(p) = particle {
        lemma = format!("{lemma} {}", tree.lower(p));
    }
    Some(VerbGroup {
        start,
        end,
        main,
        particle,
        passive: cop.is_none()
            && (tree.dep(v, Rel::AuxPass).is_some() || tree.dep(v, Rel::SubjPass).is_some()),
        negated,
        modality,
        lemma,
        copula: cop.is_some(),
        joined: Vec::new(),
    })
}

/// The clause reporting verb `v` reports: its `ccomp`, or the `ccomp` of an adjunct between
/// them ("said after meeting the minister that ...").
fn report_of(tree: &Tree, v: usize) -> Option<usize> {
    if !is_reporting(tree.lemma(v)) {
        return None;
    }
    tree.dep(v, Rel::Ccomp).or_else(|| {
        tree.deps(v).iter().copied().find_map(|a| {
            let adjunct = tree.rel(a) == Rel::Advcl && tree.dep(a, Rel::Subj).is_none();
            adjunct
                .then(|| tree.dep(a, Rel::Ccomp))
                .flatten()
                .filter(|&c| !is_reporting(tree.lemma(a)) && c > a)
        })
    })
}

/// What reporting verb `v` reports, as a span: its report (without *that*), or, for a
/// reporting verb set in `parataxis` ("..., the mayor said"), the clause it hangs from.
pub(super) fn complement(tree: &Tree, v: usize) -> Option<(usize, usize)> {
    if let Some(c) = report_of(tree, v) {
        return Some(phrase::subtree(tree, c, &[Rel::Mark]));
    }
    if tree.rel(v) != Rel::Parataxis || !is_reporting(tree.lemma(v)) {
        return None;
    }
    let h = tree.head(v)?;
    let (a, b) = phrase::subtree(tree, h, &[Rel::Parataxis, Rel::Punct]);
    (b <= v).then_some((a, b))
}

/// The reporting verb whose report contains clause `v`: up the tree to the report of a
/// reporting verb, or to a clause with a reporting verb in `parataxis`.
pub(super) fn reporter(tree: &Tree, v: usize) -> Option<usize> {
    let mut at = v;
    for _ in 0..MAX_WALK {
        let para = tree
            .deps(at)
            .iter()
            .copied()
            .find(|&k| tree.rel(k) == Rel::Parataxis && k > v && complement(tree, k).is_some());
        if para.is_some() {
            return para;
        }
        let h = tree.head(at)?;
        if tree.rel(at) == Rel::Ccomp {
            if report_of(tree, h) == Some(at) {
                return Some(h);
            }
            if let Some(g) = tree.head(h).filter(|&g| report_of(tree, g) == Some(at)) {
                return Some(g);
            }
        }
        if matches!(tree.rel(at), Rel::Subj | Rel::SubjPass | Rel::Parataxis) {
            return None;
        }
        at = h;
    }
    None
}

/// The source of `according to X` on `v`'s clause, or on the verbs it is coordinated with or
/// controlled by.
pub(super) fn according_to(tree: &Tree, v: usize) -> Option<Phrase> {
    let mut at = v;
    for _ in 0..MAX_WALK {
        let found = tree.deps(at).iter().copied().find_map(|k| {
            let case = tree.dep(k, Rel::Case)?;
            (tree.rel(k) == Rel::Obl && tree.lower(case) == "according")
                .then(|| phrase::subject(tree, k))
                .flatten()
        });
        if found.is_some() || !matches!(tree.rel(at), Rel::Conj | Rel::Xcomp) {
            return found;
        }
        at = tree.head(at)?;
    }
    None
}

/// Whether clause `v` stands under *if* or *unless* (through coordinated and controlled verbs).
pub(super) fn conditional(tree: &Tree, v: usize) -> bool {
    let mut at = v;
    for _ in 0..MAX_WALK {
        match tree.rel(at) {
            Rel::Advcl => {
                return tree
                    .deps(at)
                    .iter()
                    .any(|&k| tree.rel(k) == Rel::Mark && matches!(tree.lower(k), "if" | "unless"))
            }
            Rel::Conj | Rel::Xcomp => match tree.head(at) {
                Some(h) => at = h,
                None => return false,
            },
            _ => return false,
        }
    }
    false
}
