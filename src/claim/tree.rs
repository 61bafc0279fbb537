//! Clauses read from a dependency tree: the pipeline's claim extractor (issue 15).
//!
//! A sentence's tokens (as [`make_tokens`](crate::claim::open::make_tokens) tags them, entity
//! names as proper nouns) are parsed by the shipped [`Parser`]; every predicate of the tree then
//! becomes one [`Clause`] record, the same record `extract` turns into claims (entity linking,
//! pronouns, quantities, attribution, confidence), so the claim record does not change.
//!
//! What the relations give:
//! - subject: `nsubj`; for a passive, `obl:agent` (the `nsubj:pass` becomes the object); a verb
//!   coordinated with another (`conj`) or controlled by one (`xcomp` of *plan*, *agree*, *have*)
//!   shares its subject; a relative clause whose pronoun is its subject (`acl:relcl`) has the
//!   antecedent as subject, and one whose pronoun is its object has the antecedent as object;
//! - object: the whole `obj` subtree (with its relative clauses and complements), running on to a
//!   secondary predicate (`xcomp`: "considers the group a threat"); a copula's predicate;
//!   prepositional arguments (`obl`) in `extras`, ones stating a time last; a sentence whose
//!   object would be cut (a non-contiguous argument) gives nothing;
//! - coordination: `conj` of a subject or object splits it into conjuncts;
//! - reported speech: the `ccomp` of a reporting verb, a reporting verb in `parataxis` ("...,
//!   the mayor said"), `according to X`; clauses below a reported clause are reported too;
//! - negation (*not*, *never*), modality (modal auxiliaries, hedging adverbs, the controlling
//!   verb of an `xcomp`) and conditions (`advcl` marked *if*/*unless*) from the verb's dependants;
//! - questions (a `?` in the sentence) give no clause at all.
//!
//! Precision comes before volume: a predicate without a subject (headlines, imperatives,
//! participles modifying a noun), a reporting verb without its report, and an `xcomp` under a
//! verb whose modality is unknown ("managed to", "urged X to") give no clause. The parse is
//! linear in the sentence length and so is everything here (dependants are lists; walks up the
//! tree are capped).

use crate::claim::open::{misread_verb, Arg, Clause, Phrase, Tok};
use crate::parse::Parser;
use crate::pos::{PosModel, Tag};

mod asked;
#[cfg(test)]
mod completed;
mod edges;
mod goal;
mod phrase;
mod ranked;
mod repair;
mod result;
mod subject;
mod verb;
mod whole;

pub use goal::goal as join_goal;
pub(crate) use phrase::subtree;
pub use subject::none_of as negative_subject;
pub use whole::complete as complete_arguments;
pub use whole::{fixed_preposition, preposition_words};

/// The relations the rules read (the parser's labels are strings; subtypes not listed fold
/// into their universal relation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// `nsubj`
    Subj,
    /// `nsubj:pass`
    SubjPass,
    /// `csubj`, `csubj:pass`
    Csubj,
    /// `expl`
    Expl,
    /// `obj`
    Obj,
    /// `iobj`
    Iobj,
    /// `obl:agent`
    Agent,
    /// `obl`, `obl:tmod`, `obl:npmod` ...
    Obl,
    /// `nmod` and its subtypes
    Nmod,
    /// `ccomp`
    Ccomp,
    /// `xcomp`
    Xcomp,
    /// `advcl`
    Advcl,
    /// `advmod`
    Advmod,
    /// `aux`
    Aux,
    /// `aux:pass`
    AuxPass,
    /// `cop`
    Cop,
    /// `mark`
    Mark,
    /// `appos`
    Appos,
    /// `acl:relcl`
    Relcl,
    /// `acl` (a clause modifying a noun that is not a relative clause)
    Acl,
    /// `amod`
    Amod,
    /// `conj`
    Conj,
    /// `cc`
    Cc,
    /// `punct`
    Punct,
    /// `case`
    Case,
    /// `fixed`
    Fixed,
    /// `compound:prt`
    Particle,
    /// `parataxis`
    Parataxis,
    /// `root`
    Root,
    /// Any other relation.
    Other,
}

impl Rel {
    /// The enum value of a UD relation label.
    pub fn of(label: &str) -> Rel {
        match label {
            "nsubj" => Rel::Subj,
            "nsubj:pass" => Rel::SubjPass,
            "expl" => Rel::Expl,
            "obj" => Rel::Obj,
            "iobj" => Rel::Iobj,
            "obl:agent" => Rel::Agent,
            "ccomp" => Rel::Ccomp,
            "xcomp" => Rel::Xcomp,
            "advmod" => Rel::Advmod,
            "aux" => Rel::Aux,
            "aux:pass" => Rel::AuxPass,
            "cop" => Rel::Cop,
            "mark" => Rel::Mark,
            "appos" => Rel::Appos,
            "acl:relcl" => Rel::Relcl,
            "amod" => Rel::Amod,
            "cc" => Rel::Cc,
            "punct" => Rel::Punct,
            "case" => Rel::Case,
            "fixed" => Rel::Fixed,
            "compound:prt" => Rel::Particle,
            "root" => Rel::Root,
            l => Rel::of_family(l),
        }
    }

    fn of_family(label: &str) -> Rel {
        let family = label.split(':').next().unwrap_or(label);
        match family {
            "csubj" => Rel::Csubj,
            "obl" => Rel::Obl,
            "nmod" => Rel::Nmod,
            "advcl" => Rel::Advcl,
            "acl" => Rel::Acl,
            "conj" => Rel::Conj,
            "parataxis" => Rel::Parataxis,
            "advmod" => Rel::Advmod,
            _ => Rel::Other,
        }
    }
}

/// Longest walk up the tree (from a clause to the verb that reports it, or to the subject of a
/// chain of coordinated verbs): deeper chains are treated as unreported, unshared.
const MAX_WALK: usize = 24;

/// A sentence's parse as the parser gave it: each token's head and relation, and the plural
/// noun read as the verb ([`Tree::parse_only`]).
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    head: Vec<Option<usize>>,
    rel: Vec<Rel>,
    misread: Option<usize>,
}

/// A parsed sentence: each token's head (0-based, `None` for the root) and relation, and every
/// token's dependants in sentence order.
pub struct Tree<'t> {
    toks: &'t [Tok],
    head: Vec<Option<usize>>,
    rel: Vec<Rel>,
    kids: Vec<Vec<usize>>,
    quoted: Vec<bool>,
    /// A plural noun that must be the sentence's verb ("The plan totals ..."), read as `VBZ`.
    misread: Option<usize>,
}

impl<'t> Tree<'t> {
    /// Parse grammar tokens with the shipped parser, from their tags (lemmas as the tagger's
    /// lemma table gives them).
    pub fn parse(toks: &'t [Tok], pos: &PosModel) -> Tree<'t> {
        Tree::from_parsed(toks, &Tree::parse_only(toks, pos))
    }

    /// The parser's heads and relations for grammar tokens, before any repair: what
    /// [`Tree::from_parsed`] builds a tree from, kept so that two readers of one sentence parse
    /// it once.
    pub fn parse_only(toks: &[Tok], pos: &PosModel) -> Parsed {
        let parser = Parser::builtin();
        let words: Vec<&str> = toks.iter().map(|t| t.text.as_str()).collect();
        let misread = misread_verb(toks);
        let tags: Vec<Tag> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| match misread {
                Some(m) if m == i => Tag::VBZ,
                _ => Tag::parse(t.tag).unwrap_or(Tag::NN),
            })
            .collect();
        let lemmas: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, &t)| pos.lemma(w, t))
            .collect();
        let deps = parser.parse(&words, &tags, &lemmas);
        let tree = Tree::from_heads(toks, deps.iter().map(|d| (d.head, parser.label(d.label))));
        Parsed {
            head: tree.head,
            rel: tree.rel,
            misread,
        }
    }

    /// The tree of `toks` from their parse (`parsed` must come from the same tokens), with
    /// the repairs of `repair` made.
    pub fn from_parsed(toks: &'t [Tok], parsed: &Parsed) -> Tree<'t> {
        let mut tree = Tree {
            toks,
            head: parsed.head.clone(),
            rel: parsed.rel.clone(),
            kids: Vec::new(),
            quoted: quote_mask(toks),
            misread: parsed.misread,
        };
        tree.head.resize(toks.len(), None);
        tree.rel.resize(toks.len(), Rel::Other);
        tree.relink();
        repair::trailing_report(&mut tree);
        repair::split_subject(&mut tree);
        tree
    }

    /// A tree from 1-based heads (`0` the root) and relation labels, one per token.
    pub fn from_heads<'l>(
        toks: &'t [Tok],
        arcs: impl Iterator<Item = (usize, &'l str)>,
    ) -> Tree<'t> {
        let n = toks.len();
        let mut head = vec![None; n];
        let mut rel = vec![Rel::Other; n];
        for (i, (h, label)) in arcs.take(n).enumerate() {
            head[i] = h.checked_sub(1).filter(|&h| h < n && h != i);
            rel[i] = Rel::of(label);
        }
        let mut tree = Tree {
            toks,
            head,
            rel,
            kids: Vec::new(),
            quoted: quote_mask(toks),
            misread: None,
        };
        tree.relink();
        tree
    }

    /// Rebuilds the dependant lists from the heads.
    fn relink(&mut self) {
        let mut kids = vec![Vec::new(); self.toks.len()];
        for (i, h) in self.head.iter().enumerate() {
            if let Some(k) = h.and_then(|h| kids.get_mut(h)) {
                k.push(i);
            }
        }
        self.kids = kids;
    }

    pub(crate) fn rel(&self, i: usize) -> Rel {
        self.rel.get(i).copied().unwrap_or(Rel::Other)
    }

    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        self.head.get(i).copied().flatten()
    }

    pub(crate) fn deps(&self, i: usize) -> &[usize] {
        self.kids.get(i).map(Vec::as_slice).unwrap_or_default()
    }

    /// The first dependant of `i` with relation `r`.
    pub(crate) fn dep(&self, i: usize, r: Rel) -> Option<usize> {
        self.deps(i).iter().copied().find(|&k| self.rel(k) == r)
    }

    fn lemma(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lemma.as_str())
    }

    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    pub(crate) fn tag(&self, i: usize) -> &str {
        if self.misread == Some(i) {
            return "VBZ";
        }
        self.toks.get(i).map_or("", |t| t.tag)
    }
}

/// The clauses of one sentence, in the order of their verbs, with `reported_by` pointing into
/// the same list.
pub fn clauses(tree: &Tree) -> Vec<Clause> {
    if tree.toks.iter().any(|t| t.text == "?") {
        return Vec::new();
    }
    let mut found: Vec<(usize, Clause)> = Vec::new();
    for v in 0..tree.toks.len() {
        if let Some(c) = clause_at(tree, v) {
            found.push((v, c));
        }
    }
    // A reported clause whose reporting verb gives no clause (its speaker could not be read)
    // would stand unattributed: it goes.
    let verbs: Vec<usize> = found.iter().map(|(v, _)| *v).collect();
    let speakers: Vec<Option<usize>> = found.iter().map(|(v, _)| speaker_verb(tree, *v)).collect();
    let kept: Vec<bool> = speakers
        .iter()
        .map(|s| s.is_none_or(|r| verbs.contains(&r)))
        .collect();
    let index: Vec<usize> = found
        .iter()
        .zip(&kept)
        .filter(|(_, &k)| k)
        .map(|((v, _), _)| *v)
        .collect();
    found
        .into_iter()
        .zip(speakers.into_iter().zip(kept))
        .filter(|(_, (_, k))| *k)
        .map(|((_, mut c), (s, _))| {
            c.reported_by = s.and_then(|r| index.iter().position(|&x| x == r));
            c
        })
        .collect()
}

/// The reporting verb whose speaker asserts clause `v`. Inside a quotation that is the verb
/// reporting the quote ("This fund shows that Europe can act," she said: she asserts it),
/// not a verb inside it.
fn speaker_verb(tree: &Tree, v: usize) -> Option<usize> {
    let quoted = |i: usize| tree.quoted.get(i).copied().unwrap_or(false);
    let mut r = verb::reporter(tree, v)?;
    for _ in 0..MAX_WALK {
        match verb::reporter(tree, r) {
            Some(outer) if quoted(v) && quoted(r) && !quoted(outer) => return Some(outer),
            Some(outer) if quoted(r) => r = outer,
            _ => return Some(r),
        }
    }
    Some(r)
}

/// The clause of predicate `v`, when it is one and has a subject.
fn clause_at(tree: &Tree, v: usize) -> Option<Clause> {
    let verb = verb::group(tree, v)?;
    let (subject, relative_object) = subject_of(tree, v)?;
    let passive = verb.passive;
    let agent = tree
        .dep(v, Rel::Agent)
        .filter(|_| passive)
        .and_then(|a| phrase::argument(tree, a));
    let mut object = if verb.copula {
        phrase::predicate(tree, v).map(|(prep, p)| Arg { prep, phrase: p })
    } else {
        match relative_object {
            Some(p) => Some(Arg {
                prep: None,
                phrase: p,
            }),
            None => direct_object(tree, v)?,
        }
    };
    if meaningless(tree, &subject, object.as_ref(), verb.copula) {
        return None;
    }
    let controls = tree
        .dep(v, Rel::Xcomp)
        .is_some_and(|_| verb::control(tree.lemma(v)).is_some());
    if controls && tree.dep(v, Rel::Obj).is_none() {
        // "plans to build": the clause is the controlled verb's.
        return None;
    }
    let complement = verb::complement(tree, v);
    let extras = if complement.is_some() {
        Vec::new()
    } else {
        phrase::obliques(tree, v)
    };
    let says = matches!(
        tree.lemma(v),
        "say" | "add" | "tell" | "write" | "state" | "note" | "explain"
    );
    if says && complement.is_none() && !verb.copula && !written(tree, v) {
        // "the company said on Friday": a report without what was reported says nothing.
        return None;
    }
    if object.is_none() && extras.is_empty() && complement.is_none() && agent.is_none() {
        return None;
    }
    if complement.is_some() {
        object = None;
    }
    Some(Clause {
        subject: Some(subject),
        verb,
        object,
        extras,
        agent,
        complement,
        reported_by: None,
        according_to: verb::according_to(tree, v),
        quoted: tree.quoted.get(v).copied().unwrap_or(false),
        conditional: verb::conditional(tree, v),
    })
}

/// "wrote a letter", "noted the decline": a verb of writing or remarking with a noun for its
/// object says what was written or remarked (not so *say* and *tell*, whose object is a
/// pronoun or the one told), and "wrote to X" that a letter went to X.
fn written(tree: &Tree, v: usize) -> bool {
    let lemma = tree.lemma(v);
    let object = tree
        .dep(v, Rel::Obj)
        .is_some_and(|o| matches!(tree.tag(o), "NN" | "NNS"));
    // "has written to the ministry": a letter was sent.
    let to = lemma == "write"
        && tree.deps(v).iter().any(|&k| {
            tree.rel(k) == Rel::Obl
                && tree
                    .dep(k, Rel::Case)
                    .is_some_and(|c| tree.lower(c) == "to")
        });
    (object && !matches!(lemma, "say" | "tell")) || to
}

/// Clauses that read wrongly even from a right parse, and the marks of a wrong one: a time
/// word as the whole subject ("today is ..."), a bare *what*/*which* as the object, a copula
/// without its predicate ("X is [ready] for Y" would read "X is for Y").
fn meaningless(tree: &Tree, subject: &Phrase, object: Option<&Arg>, copula: bool) -> bool {
    let single = |p: &Phrase| p.end == p.start + 1;
    let time_subject = single(subject) && phrase::is_time(tree, subject.head);
    let wh_object = object
        .is_some_and(|o| single(&o.phrase) && matches!(tree.tag(o.phrase.head), "WP" | "WDT"));
    time_subject || wh_object || (copula && object.is_none())
}

/// The direct object, whole: `Some(None)` for a verb without one, `None` when the object would
/// be cut (its words are not one run of the sentence).
#[allow(clippy::option_option)]
fn direct_object(tree: &Tree, v: usize) -> Option<Option<Arg>> {
    let Some(o) = tree.dep(v, Rel::Obj) else {
        return Some(None);
    };
    let mut p = phrase::argument(tree, o)?;
    // "considers the group a threat", "urged the council to act": the secondary predicate
    // belongs to the object.
    if let Some(x) = tree.dep(v, Rel::Xcomp).filter(|&x| x > o) {
        let whole = phrase::subtree(tree, x, &[]);
        if whole.0 != p.end && !(p.end..whole.0).all(|k| tree.rel(k) == Rel::Punct) {
            return None;
        }
        p.end = whole.1;
        p.conjuncts = vec![(p.start, p.end)];
    }
    Some(Some(Arg {
        prep: None,
        phrase: p,
    }))
}

/// The subject of predicate `v`, and for a relative clause whose pronoun is the object, the
/// antecedent as object.
fn subject_of(tree: &Tree, v: usize) -> Option<(Phrase, Option<Phrase>)> {
    let mut at = v;
    for _ in 0..MAX_WALK {
        let own = tree
            .dep(at, Rel::Subj)
            .or_else(|| tree.dep(at, Rel::SubjPass));
        let subjects = tree
            .deps(at)
            .iter()
            .filter(|&&k| matches!(tree.rel(k), Rel::Subj | Rel::SubjPass))
            .count();
        if subjects > 1 {
            // Two subjects on one verb: the parse of this clause cannot be trusted.
            return None;
        }
        if let Some(s) = own {
            if tree.rel(at) == Rel::Relcl {
                return relative(tree, at, s);
            }
            return Some((phrase::subject(tree, s)?, None));
        }
        let h = tree.head(at)?;
        at = match tree.rel(at) {
            Rel::Conj if shares_subject(tree, h, at) => h,
            // "wants the board to resign": the object, not the subject, would act; the
            // infinitive has no subject of its own here (no claim). Not after verbs whose
            // infinitive may be one of purpose ("need six seats to win").
            Rel::Xcomp
                if object_controls(tree.lemma(h))
                    && tree.dep(h, Rel::Obj).is_some_and(|o| o < at) =>
            {
                return None
            }
            Rel::Xcomp if verb::control(tree.lemma(h)).is_some() => h,
            // "..., adding that": a participle adjunct shares its clause's subject.
            Rel::Advcl if tree.tag(at) == "VBG" && tree.dep(at, Rel::Mark).is_none() => h,
            _ => return None,
        };
    }
    None
}

/// Verbs (lemmas) whose object, not subject, does what their infinitive says ("wants the
/// board to resign", "forced the firm to pay").
fn object_controls(lemma: &str) -> bool {
    matches!(
        lemma,
        "want" | "expect" | "wish" | "force" | "compel" | "oblige" | "require" | "intend" | "mean"
    )
}

/// Whether verb `c`, coordinated with `h`, shares its subject: `h` is a predicate, and a
/// passive's subject is not made the agent of an active verb ("was drawn up and presented
/// it" is a misattached conjunct).
fn shares_subject(tree: &Tree, h: usize, c: usize) -> bool {
    let predicate = tree.tag(h).starts_with("VB") || tree.dep(h, Rel::Cop).is_some();
    let passive_head = tree.dep(h, Rel::SubjPass).is_some();
    predicate && !(passive_head && (tree.dep(c, Rel::Obj).is_some() || tree.tag(c) != "VBN"))
}

/// In a relative clause (`acl:relcl` of a noun), a relative pronoun stands for its antecedent:
/// as subject ("the firm, which builds ships") or as object ("the ships that it builds").
/// `None` when the antecedent is not a whole phrase.
fn relative(tree: &Tree, v: usize, s: usize) -> Option<(Phrase, Option<Phrase>)> {
    // The antecedent must end where the relative clause begins (or at its comma): a clause
    // attached further back is more often a misparse than a long-distance relative.
    let begins = phrase::subtree(tree, v, &[]).0;
    let antecedent = tree
        .head(v)
        .and_then(|h| phrase::subject(tree, h))
        .filter(|a| a.end == begins || (a.end + 1 == begins && tree.lower(a.end) == ","))
        // ... and end with its head: in "talks with the minister, who", the clause is about
        // the minister, whatever the parse says.
        .filter(|a| (a.head + 1..a.end).all(|k| tree.tag(k).starts_with("NNP")));
    if is_relative_pronoun(tree, s) {
        return Some((antecedent?, None));
    }
    match tree
        .dep(v, Rel::Obj)
        .filter(|&o| is_relative_pronoun(tree, o))
    {
        Some(_) => Some((phrase::subject(tree, s)?, Some(antecedent?))),
        None => Some((phrase::subject(tree, s)?, None)),
    }
}

fn is_relative_pronoun(tree: &Tree, i: usize) -> bool {
    matches!(tree.tag(i), "WDT" | "WP") || tree.lower(i) == "that"
}

/// Which tokens stand inside quotation marks (none when the marks do not pair up).
fn quote_mask(toks: &[Tok]) -> Vec<bool> {
    let is_quote = |s: &str| matches!(s, "\"" | "\u{201c}" | "\u{201d}" | "``" | "''");
    let marks = toks.iter().filter(|t| is_quote(&t.text)).count();
    let directed = toks
        .iter()
        .any(|t| matches!(t.text.as_str(), "\u{201c}" | "\u{201d}" | "``" | "''"));
    if marks % 2 == 1 && !directed {
        return vec![false; toks.len()];
    }
    let mut inside = false;
    toks.iter()
        .map(|t| {
            if !is_quote(&t.text) {
                return inside;
            }
            inside = match t.text.as_str() {
                "\u{201c}" | "``" => true,
                "\u{201d}" | "''" => false,
                _ => !inside,
            };
            false
        })
        .collect()
}

#[cfg(test)]
mod tests;
