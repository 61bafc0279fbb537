//! CaRB tuples for the verbs that no clause of the clause reader covers, read from the sentence's
//! dependency parse: subordinate and participial clauses, a verb coordinated with another, and
//! clauses inside relative clauses.
//!
//! For each verb of the parse that heads a clause (`root`, `conj`, `advcl`, `acl`,
//! `acl:relcl`, `ccomp`, `xcomp`, `parataxis`) and lies in no clause's verb group:
//! - subject: its own `nsubj`/`nsubj:pass`; else a `conj`, `advcl` or `xcomp` verb shares the
//!   subject of the verb it hangs on (an `xcomp` after an object takes the object: "urged the
//!   board to resign"); a participle or relative clause takes the noun it modifies, as does a
//!   relative clause whose subject is the relative pronoun. "he/she/they" become the sentence's
//!   first full subject, as for the reader's clauses;
//! - relation: auxiliaries, negation, an infinitive's `to`, the verb and its particle; a
//!   participle modifying a noun reads "be drawn up" when passive; the preposition of the first
//!   prepositional argument when there is no object;
//! - arguments: the object (or, in a relative clause whose pronoun is the object, the
//!   antecedent), else a clausal complement, else the first prepositional argument; then the
//!   further prepositional arguments.
//!
//! These tuples are inferred from the parse alone, so they come below the reader's own (see
//! the base confidences), and a verb with no argument gives none. Everything here is linear in
//! the sentence length (walks up the tree are capped).

use super::{is_personal_pronoun, span_text, Tuple};
use crate::claim::open::Tok;
use crate::claim::tree::{subtree, Rel, Tree};

/// Longest walk up the tree for a shared subject.
const MAX_UP: usize = 8;
/// Base confidence of a tuple whose subject is the verb's own.
const OWN_SUBJECT: f64 = 0.55;
/// Base confidence of a subject shared with the verb above.
const SHARED_SUBJECT: f64 = 0.5;
/// Base confidence of a subject that is the noun a clause modifies.
const NOUN_SUBJECT: f64 = 0.45;

/// A token range `start..end`.
type Span = (usize, usize);

/// Tuples for the parse's clause verbs that lie in none of the `covered` verb groups (those of
/// the clauses that gave a tuple).
pub(super) fn uncovered_tuples(
    tree: &Tree,
    toks: &[Tok],
    covered: &[Span],
    antecedent: Option<Span>,
) -> Vec<Tuple> {
    let covered = |v: usize| covered.iter().any(|&(a, b)| (a..b).contains(&v));
    (0..toks.len())
        .filter(|&v| is_clause_verb(tree, v) && !covered(v))
        .filter_map(|v| verb_tuple(tree, toks, v, antecedent))
        .collect()
}

fn is_clause_verb(tree: &Tree, v: usize) -> bool {
    tree.tag(v).starts_with("VB")
        && matches!(
            tree.rel(v),
            Rel::Root
                | Rel::Conj
                | Rel::Advcl
                | Rel::Acl
                | Rel::Relcl
                | Rel::Ccomp
                | Rel::Xcomp
                | Rel::Parataxis
        )
}

fn verb_tuple(tree: &Tree, toks: &[Tok], v: usize, antecedent: Option<Span>) -> Option<Tuple> {
    if !reads_as_clause(tree, toks, v) {
        return None;
    }
    let (mut subj, mut conf) = subject(tree, toks, v)?;
    // A relative pronoun left as subject, or a gerund ("Adding salt helps"), is no subject.
    if (subj.1 == subj.0 + 1 && is_relative_pronoun(toks, subj.0))
        || toks[subj.0..subj.1].iter().any(|t| t.tag == "VBG")
    {
        return None;
    }
    if subj.1 == subj.0 + 1 && is_personal_pronoun(&toks[subj.0]) {
        if let Some(a) = antecedent.filter(|a| a.1 <= subj.0) {
            subj = a;
            conf -= 0.05;
        }
    }
    let arg1 = span_text(toks, subj.0, subj.1);
    let mut relation = relation(tree, toks, v);
    let args = arguments(tree, toks, v, &mut relation);
    let first = args.first()?;
    if arg1.is_empty() || first.is_empty() || relation.is_empty() {
        return None;
    }
    if first.split(' ').count() > 25 {
        conf -= 0.1;
    }
    Some(Tuple {
        confidence: conf,
        relation,
        arg1,
        args,
    })
}

/// Whether `v` reads as a clause of its own: a participle modifying a noun follows the noun
/// ("the melting pot" is a noun phrase), and one after a preposition ("the necessity of
/// understanding X") is a noun's complement.
fn reads_as_clause(tree: &Tree, toks: &[Tok], v: usize) -> bool {
    if tree.rel(v) != Rel::Acl {
        return true;
    }
    let after_noun = tree.head(v).is_some_and(|h| h < v);
    let marked = tree
        .deps(v)
        .iter()
        .any(|&k| tree.rel(k) == Rel::Mark && toks[k].lower != "to");
    after_noun && !marked
}

fn is_relative_pronoun(toks: &[Tok], i: usize) -> bool {
    matches!(toks[i].tag, "WDT" | "WP")
        || (toks[i].lower == "that" && matches!(toks[i].tag, "IN" | "DT"))
}

/// The subject of verb `v` and the base confidence its kind gives.
fn subject(tree: &Tree, toks: &[Tok], v: usize) -> Option<(Span, f64)> {
    let mut at = v;
    for step in 0..MAX_UP {
        let own = tree
            .deps(at)
            .iter()
            .copied()
            .find(|&k| matches!(tree.rel(k), Rel::Subj | Rel::SubjPass));
        if let Some(s) = own {
            if !is_relative_pronoun(toks, s) {
                let conf = if step == 0 {
                    OWN_SUBJECT
                } else {
                    SHARED_SUBJECT
                };
                return Some((noun_phrase(tree, s), conf));
            }
            // "the council , which approved ...": the antecedent.
            let h = tree.head(at).filter(|_| tree.rel(at) == Rel::Relcl)?;
            let h = tree.dep(h, Rel::Subj).unwrap_or(h);
            return Some((noun_phrase(tree, h), NOUN_SUBJECT));
        }
        let h = tree.head(at)?;
        match tree.rel(at) {
            Rel::Acl | Rel::Relcl if tree.tag(h).starts_with("NN") => {
                // "X is a painter living in Y": the predicate noun's subject.
                if let Some(s) = tree.dep(h, Rel::Subj) {
                    return Some((noun_phrase(tree, s), NOUN_SUBJECT));
                }
                return Some((noun_phrase(tree, h), NOUN_SUBJECT));
            }
            Rel::Xcomp => {
                if let Some(o) = tree.dep(h, Rel::Obj) {
                    return Some((noun_phrase(tree, o), SHARED_SUBJECT));
                }
            }
            Rel::Conj | Rel::Advcl => {}
            _ => return None,
        }
        at = h;
    }
    None
}

/// A noun's phrase without its preposition, its clauses, appositions and parentheticals (and,
/// for a predicate noun, without its subject and copula).
pub(super) fn noun_phrase(tree: &Tree, i: usize) -> Span {
    subtree(tree, i, NOT_IN_PHRASE)
}

/// The dependants' relations that [`noun_phrase`] leaves out.
pub(super) const NOT_IN_PHRASE: &[Rel] = &[
    Rel::Relcl,
    Rel::Acl,
    Rel::Appos,
    Rel::Punct,
    Rel::Parataxis,
    Rel::Advcl,
    Rel::Case,
    Rel::Subj,
    Rel::SubjPass,
    Rel::Cop,
    Rel::Aux,
    Rel::Mark,
    Rel::Ccomp,
];

/// The verb group of `v` as text: auxiliaries, negation, an infinitive's `to`, the verb and
/// its particle ("be" before a bare passive participle modifying a noun).
fn relation(tree: &Tree, toks: &[Tok], v: usize) -> String {
    let mut words: Vec<usize> = tree
        .deps(v)
        .iter()
        .copied()
        .filter(|&k| {
            let r = tree.rel(k);
            (k < v && matches!(r, Rel::Aux | Rel::AuxPass))
                || (k < v && r == Rel::Mark && toks[k].lower == "to")
                || (k < v
                    && r == Rel::Advmod
                    && matches!(toks[k].lower.as_str(), "not" | "n't" | "never"))
                || (k > v && r == Rel::Particle)
        })
        .collect();
    words.push(v);
    words.sort_unstable();
    let mut text: Vec<&str> = words.iter().map(|&k| toks[k].text.as_str()).collect();
    let has_aux = words.len() > 1 && words[0] < v;
    if !has_aux && tree.rel(v) == Rel::Acl && toks[v].tag == "VBN" {
        text.insert(0, "be");
    }
    text.join(" ")
}

/// The arguments of `v` (object or complement first), extending `relation` with the
/// preposition of a first prepositional argument.
fn arguments(tree: &Tree, toks: &[Tok], v: usize, relation: &mut String) -> Vec<String> {
    let mut args: Vec<String> = Vec::new();
    let obj = tree.dep(v, Rel::Obj);
    if let Some(o) = obj.filter(|&o| !is_relative_pronoun(toks, o)) {
        let (a, b) = subtree(tree, o, &[]);
        args.push(span_text(toks, a, b));
    } else if let Some(h) = object_antecedent(tree, toks, v, obj) {
        let (a, b) = noun_phrase(tree, h);
        args.push(span_text(toks, a, b));
    } else if let Some(c) = complement(tree, v) {
        let (mut a, b) = subtree(tree, c, &[]);
        if toks[a].lower == "that" && a < c {
            relation.push_str(" that");
            a += 1;
        }
        args.push(span_text(toks, a, b));
    }
    for k in tree.deps(v).iter().copied() {
        if !matches!(tree.rel(k), Rel::Obl | Rel::Agent | Rel::Iobj) {
            continue;
        }
        let (a, b) = subtree(tree, k, &[]);
        if args.is_empty() && k > v && a < k && tree.rel(a) == Rel::Case && tree.head(a) == Some(k)
        {
            relation.push(' ');
            relation.push_str(&toks[a].text);
            args.push(span_text(toks, a + 1, b));
        } else {
            args.push(span_text(toks, a, b));
        }
    }
    args.retain(|a| !a.is_empty());
    args
}

/// In a relative clause whose pronoun is the object ("the report that the panel wrote"), the
/// noun the clause modifies.
fn object_antecedent(tree: &Tree, toks: &[Tok], v: usize, obj: Option<usize>) -> Option<usize> {
    let o = obj?;
    if tree.rel(v) == Rel::Relcl && is_relative_pronoun(toks, o) {
        tree.head(v)
    } else {
        None
    }
}

/// A clausal complement of `v` that lies after it.
fn complement(tree: &Tree, v: usize) -> Option<usize> {
    tree.deps(v)
        .iter()
        .copied()
        .find(|&k| k > v && matches!(tree.rel(k), Rel::Ccomp | Rel::Xcomp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::test_tokens;
    use crate::pos::PosModel;

    /// The tuples of every clause verb of `s`, as if the clause reader had found none.
    fn all_verbs(s: &str) -> Vec<String> {
        let (_, toks) = test_tokens(s);
        let pos = PosModel::builtin();
        let tree = Tree::parse(&toks, pos);
        uncovered_tuples(&tree, &toks, &[], None)
            .iter()
            .map(|t| format!("{} | {} | {}", t.arg1, t.relation, t.args.join(" | ")))
            .collect()
    }

    #[test]
    fn a_coordinated_verb_shares_the_subject() {
        let t = all_verbs("The engineers repaired the old bridge and reopened the road .");
        assert!(
            t.contains(&"The engineers | reopened | the road".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"The engineers | repaired | the old bridge".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_relative_clause_takes_its_antecedent() {
        let t = all_verbs("She visited a farmer who grows rice in the valley .");
        assert!(
            t.iter().any(|x| x.starts_with("a farmer | grows | rice")),
            "{t:?}"
        );
    }

    #[test]
    fn a_premodifying_participle_gives_nothing() {
        let t = all_verbs("The town is a melting pot .");
        assert!(t.iter().all(|x| !x.contains("melting")), "{t:?}");
    }

    #[test]
    fn no_verb_gives_nothing() {
        assert!(all_verbs("A long list , of nouns only .").is_empty());
        assert!(all_verbs("Yes").is_empty());
    }
}
