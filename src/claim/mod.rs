//! Claims: who says what about whom, how much, and how sure.
//!
//! A [`Claim`] links a subject (usually an entity) through a normalised [`Predicate`] to an
//! object (an entity, a quantity, a date or a phrase), with the sentence as evidence, the source
//! that asserts it, its modality and polarity. The claim record is also the wire format of
//! `claimgraph claims` (JSON Lines) and of `claimgraph ingest --claims`, documented in README.
//!
//! Extraction works sentence by sentence (see `extract`): the clauses come from the
//! part-of-speech grammar (`open`, the default) or from a dependency parse (`tree`, selected
//! with [`Extractor::Tree`]). It never fails on text, runs in time linear in the sentence
//! length, and returns no claim rather than an invented one when the structure is unclear.

use serde::{Deserialize, Serialize};

use crate::gazetteer::EntityKind;
use crate::hash::{fnv1a64_parts, hex_id};
use crate::text::Span;

pub mod carb;
pub mod check;
pub mod confidence;
mod extract;
mod graphable;
pub mod open;
mod quotes;
pub mod tree;
mod turns;

pub use extract::{extract, ExtractOptions};

/// Which clause reader extraction uses. The default reads clauses with the part-of-speech
/// grammar of `open` and checks each claim against the dependency-tree reader of `tree`
/// (`check`): the claims are the grammar's, their arguments completed from the parse
/// ([`tree::complete_arguments`]), their confidence weighs the agreement. `Grammar`
/// skips the check (about five times faster; confidence then lacks that evidence); `Tree` gives
/// the tree reader's claims, more precise but about half as many on the hand-gold news (see
/// README, "Claims"; the CLI's `--extractor` chooses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Extractor {
    /// Grammar claims, checked against the tree reader.
    #[default]
    Checked,
    /// [`open::clauses`] over part-of-speech tags.
    Grammar,
    /// [`tree::clauses`] over a parse of the sentence.
    Tree,
}

impl Extractor {
    /// The clauses of one sentence's tokens.
    pub fn clauses(self, toks: &[open::Tok], pos: &crate::pos::PosModel) -> Vec<open::Clause> {
        self.clauses_with(toks, pos, &mut None)
    }

    /// [`Extractor::clauses`], parsing the sentence only when `parsed` holds no parse of these
    /// tokens yet, and leaving the parse there for the next reader of the same tokens. The
    /// checked reader completes the grammar's arguments from the parse
    /// ([`tree::complete_arguments`]).
    pub fn clauses_with(
        self,
        toks: &[open::Tok],
        pos: &crate::pos::PosModel,
        parsed: &mut Option<tree::Parsed>,
    ) -> Vec<open::Clause> {
        if self == Extractor::Grammar {
            return open::clauses(toks);
        }
        let p = parsed.get_or_insert_with(|| tree::Tree::parse_only(toks, pos));
        let tree = tree::Tree::from_parsed(toks, p);
        match self {
            Extractor::Tree => {
                let mut clauses = tree::clauses(&tree);
                for c in &mut clauses {
                    tree::fixed_preposition(toks, c);
                    tree::negative_subject(toks, c);
                    tree::join_goal(toks, c);
                }
                clauses
            }
            _ => {
                let mut clauses = open::clauses(toks);
                tree::complete_arguments(&tree, &mut clauses);
                for c in &mut clauses {
                    tree::join_goal(toks, c);
                }
                clauses
            }
        }
    }
}
pub use graphable::{
    description_noun, graph_exclusion, is_generic_phrase, is_pronoun_like, mark_graph,
    period_of_words, resolve_quoted_we, set_periods, text_exclusion, GraphExclusion,
};

/// The default confidence below which a claim stays out of the graph (it is still printed by
/// `claims`, flagged `"graph": false`). `ingest` and `run` take `--min-confidence X` to
/// override it. Confidence is the calibrated probability that a claim is judged CORRECT (see
/// README, "Confidence"). Chosen on fresh output, not on the claims the model was fitted to:
/// each of the fourteenth to twentieth sessions' blind samples of graph claims (840), scored by
/// a model fitted only on what was judged before it (`scripts/audit/rolling.py`, twenty-first
/// session), kept 65% CORRECT and 6.9% WRONG at 0.5, 72% and 5.4% at 0.65, 75% and 4.7% at
/// 0.7 (a quarter fewer claims than 0.65) and 79% and 3.0% at 0.75 (under half as many). 0.7
/// is the lowest threshold under 5% WRONG, and it keeps the conflict dev set's disagreements,
/// whose plain attributed claims score 0.71 to 0.80 (0.75 loses one).
pub const GRAPH_MIN_CONFIDENCE: f64 = 0.7;

/// A reference to a tagged entity.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    pub entity: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKindWire,
}

/// `EntityKind` as it appears on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKindWire {
    Person,
    Place,
    Organisation,
}

impl From<EntityKind> for EntityKindWire {
    fn from(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => EntityKindWire::Person,
            EntityKind::Place => EntityKindWire::Place,
            EntityKind::Organisation => EntityKindWire::Organisation,
        }
    }
}

impl From<EntityKindWire> for EntityKind {
    fn from(kind: EntityKindWire) -> Self {
        match kind {
            EntityKindWire::Person => EntityKind::Person,
            EntityKindWire::Place => EntityKind::Place,
            EntityKindWire::Organisation => EntityKind::Organisation,
        }
    }
}

/// A number with its unit, on the wire: `{"value": 600000, "unit": "troops"}`. `value` is the
/// exact decimal as a JSON number; `exact` keeps the decimal string for merging. What the words
/// say about it, when they say it: `min` and `max` (a range, a change, or one side of a bound),
/// `approximate` ("about 600,000"), and `bound`, the kind of bound (`range`, `change`,
/// `at-least`, `more-than`, `at-most`, `less-than`; see [`crate::quantity::Bound`]). All four
/// are left out when absent, so records written before them read as before.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityWire {
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    pub exact: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "is_false", default)]
    pub approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub bound: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl QuantityWire {
    pub fn from_quantity(q: &crate::quantity::Quantity) -> QuantityWire {
        QuantityWire {
            value: q.value_f64(),
            unit: q.unit.clone(),
            exact: q.value_string(),
            min: None,
            max: None,
            approximate: false,
            bound: None,
        }
    }

    /// An amount with its range, bound and approximation.
    pub fn from_amount(a: &crate::quantity::Amount) -> QuantityWire {
        QuantityWire {
            min: a.min.as_ref().map(crate::quantity::Quantity::value_f64),
            max: a.max.as_ref().map(crate::quantity::Quantity::value_f64),
            approximate: a.approximate,
            bound: a.bound.map(|b| b.as_str().to_string()),
            ..QuantityWire::from_quantity(&a.value)
        }
    }

    /// The part of the merge key after value and unit: the range (`:1200..4000`, `:40..` for
    /// "more than 40"), empty for a plain amount. An approximation is left out, so "about
    /// 600,000" merges with "600,000".
    pub fn range_key(&self) -> String {
        if self.min.is_none() && self.max.is_none() {
            return String::new();
        }
        let end = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        format!(":{}..{}", end(self.min), end(self.max))
    }
}

/// The subject or object of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Argument {
    /// The words as written (for pronouns, the pronoun: the entity fields say what it means).
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub kind: Option<EntityKindWire>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quantity: Option<QuantityWire>,
    /// For a pronoun whose antecedent is not an entity: the antecedent's words ("the plan").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub refers_to: Option<String>,
    /// `YYYY-MM-DD` (or shorter) when the argument is or holds a date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    /// Byte offsets of the words in the article.
    pub start: usize,
    pub end: usize,
}

impl Argument {
    pub fn text(text: impl Into<String>, span: Span) -> Argument {
        Argument {
            text: text.into(),
            entity: None,
            name: None,
            kind: None,
            quantity: None,
            refers_to: None,
            date: None,
            start: span.start,
            end: span.end,
        }
    }

    pub fn with_entity(mut self, entity: &EntityRef) -> Argument {
        self.entity = Some(entity.entity.clone());
        self.name = Some(entity.name.clone());
        self.kind = Some(entity.kind);
        self
    }

    pub fn entity_ref(&self) -> Option<EntityRef> {
        Some(EntityRef {
            entity: self.entity.clone()?,
            name: self.name.clone()?,
            kind: self.kind?,
        })
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The key this argument merges on: the entity id, the exact quantity with its range (not
    /// its approximation), the date, else the lower-cased text.
    pub fn merge_key(&self) -> String {
        if let Some(e) = &self.entity {
            return format!("entity:{e}");
        }
        if let Some(q) = &self.quantity {
            return format!(
                "quantity:{}:{}{}",
                q.exact,
                q.unit.as_deref().unwrap_or(""),
                q.range_key()
            );
        }
        if let Some(d) = &self.date {
            return format!("date:{d}");
        }
        if let Some(r) = &self.refers_to {
            return format!("text:{}", normalise_text(r));
        }
        format!("text:{}", normalise_text(&self.text))
    }
}

/// Lower case, single spaces, no leading articles: the form literal arguments merge on.
pub fn normalise_text(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words.join(" ")
}

/// The relation of a claim: a normalised lemma form plus the words as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicate {
    /// Verb lemma, particle or preposition, and where it helps the object's head noun:
    /// `limit army`, `give up`, `withdraw from`, `recognise`.
    pub lemma: String,
    /// The verb group as written: `would have to limit`.
    pub text: String,
}

/// How strongly the claim is asserted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    /// "would have to", "must", "required to".
    Obligation,
    /// "could", "may", "might".
    Possibility,
    /// "will", "expects to", "plans to", "is going to".
    Future,
    /// "if ...", "would" without an obligation.
    Conditional,
    /// "reportedly", "allegedly", "appears to".
    Hedged,
}

impl Modality {
    /// The name on the wire and in every export (`asserted`, `obligation`, ...), as serde
    /// writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Obligation => "obligation",
            Modality::Possibility => "possibility",
            Modality::Future => "future",
            Modality::Conditional => "conditional",
            Modality::Hedged => "hedged",
        }
    }
}

/// The extraction rule behind a claim, written in kebab case on the wire (`passive-agent`).
/// A claim stream written by another tool may name rules of its own: those are kept as
/// written ([`Rule::Other`]), so `ingest --claims` keeps the record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Subject, verb and object of a clause.
    Clause,
    /// A copula and its predicate ("X is the capital of Y").
    Copula,
    /// A passive without an agent ("X was signed").
    Passive,
    /// A passive read actively from its agent ("signed by X").
    PassiveAgent,
    /// "There are N X in Y".
    Existential,
    /// A further argument that names an entity or an amount ("sent ... to Kenya").
    ClauseArgument,
    /// The amount in a further argument as the object ("limit its army to 600,000 troops").
    ClausePpValue,
    /// What a verb of stance states ("denied that ...").
    Stance,
    /// A role an apposition gives a name ("X, the finance minister").
    Apposition,
    /// A rule this version does not produce, named as the stream named it.
    Other(String),
}

impl Rule {
    const KNOWN: [Rule; 9] = [
        Rule::Clause,
        Rule::Copula,
        Rule::Passive,
        Rule::PassiveAgent,
        Rule::Existential,
        Rule::ClauseArgument,
        Rule::ClausePpValue,
        Rule::Stance,
        Rule::Apposition,
    ];

    /// The wire name (`passive-agent`).
    pub fn as_str(&self) -> &str {
        match self {
            Rule::Clause => "clause",
            Rule::Copula => "copula",
            Rule::Passive => "passive",
            Rule::PassiveAgent => "passive-agent",
            Rule::Existential => "existential",
            Rule::ClauseArgument => "clause-argument",
            Rule::ClausePpValue => "clause-pp-value",
            Rule::Stance => "stance",
            Rule::Apposition => "apposition",
            Rule::Other(name) => name,
        }
    }

    /// The rule of a wire name; a name this version does not produce is kept as `Other`.
    pub fn from_name(name: &str) -> Rule {
        Rule::KNOWN
            .into_iter()
            .find(|r| r.as_str() == name)
            .unwrap_or_else(|| Rule::Other(name.to_string()))
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(Rule::from_name(&name))
    }
}

/// Who or what asserts the claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub kind: Option<EntityKindWire>,
    /// The reporting verb's lemma: `say`, `write`, `according to`.
    pub verb: String,
}

/// One claim with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub article: String,
    pub sentence: usize,
    /// Byte offsets of the supporting text (the sentence) in the article.
    pub span: SpanWire,
    pub evidence: String,
    pub subject: Argument,
    pub predicate: Predicate,
    pub object: Argument,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub attribution: Option<Attribution>,
    /// Whether the claim stands in direct speech.
    pub quote: bool,
    pub modality: Modality,
    pub negated: bool,
    pub confidence: f64,
    /// The rule that produced the claim.
    pub rule: Rule,
    /// What the extractor saw that bears on the claim's reliability (not on the wire: a claim
    /// read back from JSON keeps the confidence it was written with).
    #[serde(skip)]
    pub signals: confidence::Signals,
    /// The date or period the claim is about when the clause states one ("in 2023", "for
    /// fiscal 2006", "last year" resolved against the article date): `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`. Part of what the claim merges on.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub period: Option<String>,
    /// `false` when the claim stays out of the graph (see [`graph_exclusion`]); absent
    /// (true) otherwise. Ingest decides again from the claim itself, so this is for readers.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub graph: bool,
    /// Why the claim stays out of the graph: `unresolved-pronoun`, `empty-head`,
    /// `unresolved-description`, `unresolved-attribution`, `unread-by-tree`,
    /// `unattributed-quote`, `unattributed-report` or `low-confidence`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub graph_reason: Option<String>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A span on the wire: `{"start": 10, "end": 42}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SpanWire {
    pub start: usize,
    pub end: usize,
}

impl From<Span> for SpanWire {
    fn from(span: Span) -> Self {
        SpanWire {
            start: span.start,
            end: span.end,
        }
    }
}

impl Claim {
    /// An asserted, unattributed, unquoted claim of `subject | predicate | object` read by
    /// `rule`, with no id, article, sentence, span or evidence yet and confidence 0: the base
    /// every reader and test fills in with struct-update syntax
    /// (`Claim { article, evidence, ..Claim::new(subject, predicate, object, rule) }`). Set the
    /// id with [`Claim::compute_id`] once the fields that key it are final.
    pub fn new(subject: Argument, predicate: Predicate, object: Argument, rule: Rule) -> Claim {
        Claim {
            id: String::new(),
            article: String::new(),
            sentence: 0,
            span: SpanWire { start: 0, end: 0 },
            evidence: String::new(),
            subject,
            predicate,
            object,
            attribution: None,
            quote: false,
            modality: Modality::Asserted,
            negated: false,
            confidence: 0.0,
            rule,
            signals: confidence::Signals::default(),
            period: None,
            graph: true,
            graph_reason: None,
        }
    }

    /// The normalised triple this claim merges on.
    pub fn triple_key(&self) -> (String, String, String) {
        (
            self.subject.merge_key(),
            self.predicate.lemma.clone(),
            self.object.merge_key(),
        )
    }

    /// Stable id: a hash of the article, the span and the normalised triple.
    pub fn compute_id(&self) -> String {
        let (s, p, o) = self.triple_key();
        let span = format!("{}-{}", self.subject.start, self.object.end);
        format!(
            "c{}",
            hex_id(fnv1a64_parts(&[
                &self.article,
                &span,
                &s,
                &p,
                &o,
                if self.negated { "neg" } else { "pos" }
            ]))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{Modality, Rule};

    #[test]
    fn rule_names_are_the_wire_names() {
        for r in Rule::KNOWN {
            let wire = serde_json::to_string(&r).unwrap();
            assert_eq!(wire, format!("\"{}\"", r.as_str()));
            assert_eq!(serde_json::from_str::<Rule>(&wire).unwrap(), r);
        }
        let other: Rule = serde_json::from_str("\"from-another-tool\"").unwrap();
        assert_eq!(other, Rule::Other("from-another-tool".into()));
        assert_eq!(
            serde_json::to_string(&other).unwrap(),
            "\"from-another-tool\""
        );
    }

    #[test]
    fn amounts_merge_on_value_unit_and_range_not_on_approximation() {
        use super::{Argument, QuantityWire};
        let arg = |q: QuantityWire| Argument {
            quantity: Some(q),
            ..Argument::text("x", crate::text::Span::new(0, 1))
        };
        let plain = QuantityWire::from_quantity(&crate::quantity::Quantity::new(
            450_000,
            0,
            Some("sailors".into()),
        ));
        let about = QuantityWire {
            approximate: true,
            ..plain.clone()
        };
        let over = QuantityWire {
            min: Some(450_000.0),
            bound: Some("more-than".into()),
            ..plain.clone()
        };
        assert_eq!(arg(plain.clone()).merge_key(), arg(about).merge_key());
        assert_ne!(arg(plain.clone()).merge_key(), arg(over).merge_key());
        // A record written before bounds existed reads as a plain amount.
        let old: QuantityWire =
            serde_json::from_str(r#"{"value":450000.0,"unit":"sailors","exact":"450000"}"#)
                .unwrap();
        assert_eq!(old, plain);
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            r#"{"value":450000.0,"unit":"sailors","exact":"450000"}"#
        );
    }

    #[test]
    fn modality_names_are_the_wire_names() {
        for m in [
            Modality::Asserted,
            Modality::Obligation,
            Modality::Possibility,
            Modality::Future,
            Modality::Conditional,
            Modality::Hedged,
        ] {
            let wire = serde_json::to_string(&m).unwrap();
            assert_eq!(wire, format!("\"{}\"", m.as_str()));
        }
    }
}
