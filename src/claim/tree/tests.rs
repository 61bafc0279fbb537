//! The clause reader on sentences written for these tests, parsed by the shipped models. Each
//! test parses one or two sentences (the parser is the slow part of the suite).

use super::*;
use crate::claim::open::{make_tokens, test_tokens};
use crate::claim::Modality;

struct Read {
    words: Vec<&'static str>,
    clauses: Vec<Clause>,
}

fn read(sentence: &'static str) -> Read {
    let (words, toks) = test_tokens(sentence);
    let pos = PosModel::builtin();
    let clauses = clauses(&Tree::parse(&toks, pos));
    Read { words, clauses }
}

impl Read {
    /// The clause whose main verb (or copula) is `verb`.
    fn of(&self, verb: &str) -> &Clause {
        let found = self
            .clauses
            .iter()
            .find(|c| self.words.get(c.verb.main) == Some(&verb));
        match found {
            Some(c) => c,
            None => panic!("no clause for {verb:?} in {:?}", self.clauses),
        }
    }
    fn has(&self, verb: &str) -> bool {
        self.clauses
            .iter()
            .any(|c| self.words.get(c.verb.main) == Some(&verb))
    }
    fn text(&self, p: Option<&Phrase>) -> String {
        p.map(|p| self.words[p.start..p.end].join(" "))
            .unwrap_or_default()
    }
    fn subject(&self, verb: &str) -> String {
        self.text(self.of(verb).subject.as_ref())
    }
    fn object(&self, verb: &str) -> String {
        self.text(self.of(verb).object.as_ref().map(|a| &a.phrase))
    }
}

#[test]
fn a_range_stays_one_whole_oblique() {
    let r = read("The company raised its workforce from 2,000 to 7,500 .");
    assert_eq!(r.object("raised"), "its workforce");
    let c = r.of("raised");
    let extras: Vec<String> = c.extras.iter().map(|a| r.text(Some(&a.phrase))).collect();
    assert_eq!(extras, ["2,000 to 7,500"]);
}

#[test]
fn numeric_subjects_lose_their_parenthetical() {
    let r = read("Thirty workers , including four managers , were dismissed by the owners .");
    assert_eq!(r.subject("dismissed"), "Thirty workers");
    assert_eq!(r.text(r.of("dismissed").agent.as_ref()), "the owners");
    assert!(r.of("dismissed").verb.passive);
}

#[test]
fn passives_with_an_agent_keep_the_agent_and_the_negation() {
    let r = read("The bill was not signed by the governor .");
    let c = r.of("signed");
    assert_eq!(r.text(c.subject.as_ref()), "The bill");
    assert_eq!(r.text(c.agent.as_ref()), "the governor");
    assert!(c.negated_or_passive());
}

trait Marks {
    fn negated_or_passive(&self) -> bool;
}

impl Marks for Clause {
    fn negated_or_passive(&self) -> bool {
        self.verb.negated && self.verb.passive
    }
}

#[test]
fn objects_keep_their_relative_clauses_and_secondary_predicates() {
    let r = read("The ministry considers the militia a danger to the region .");
    assert_eq!(r.object("considers"), "the militia a danger to the region");
    let r = read("Farmers can only sell to buyers that hold a licence .");
    let c = r.of("sell");
    assert_eq!(
        r.text(Some(&c.extras[0].phrase)),
        "buyers that hold a licence"
    );
    assert_eq!(c.verb.modality, Modality::Possibility);
}

#[test]
fn reported_clauses_point_to_their_speaker() {
    let r = read("The mayor said the bridge would reopen in May .");
    let c = r.of("reopen");
    assert_eq!(r.text(c.subject.as_ref()), "the bridge");
    let by = c.reported_by.and_then(|i| r.clauses.get(i));
    assert_eq!(
        by.map(|b| r.text(b.subject.as_ref())),
        Some("The mayor".into())
    );
    let r = read("Prices will fall next year , the bank said .");
    let by = r.of("fall").reported_by.and_then(|i| r.clauses.get(i));
    assert_eq!(
        by.map(|b| r.text(b.subject.as_ref())),
        Some("the bank".into())
    );
}

/// A source at the end of the sentence, with a prepositional phrase inside and after it: the
/// shape the parser misreads as an apposition (`repair::trailing_report`).
#[test]
fn a_sentence_final_source_is_the_speaker_of_the_clause_before_it() {
    let r =
        read("Norway bought two frigates last year , the defence office in Oslo said on Friday .");
    assert_eq!(r.object("bought"), "two frigates");
    let by = r.of("bought").reported_by.and_then(|i| r.clauses.get(i));
    assert_eq!(
        by.map(|b| r.text(b.subject.as_ref())),
        Some("the defence office in Oslo".into())
    );
}

#[test]
fn relative_clauses_take_their_antecedent_as_subject() {
    let r = read("The firm bought ships which carried grain to Egypt .");
    assert_eq!(r.subject("carried"), "ships");
    assert_eq!(r.object("carried"), "grain");
}

#[test]
fn hedges_and_control_verbs_set_the_modality() {
    let r = read("The airline reportedly cut 300 jobs .");
    assert_eq!(r.of("cut").verb.modality, Modality::Hedged);
    let r = read("The city intends to build a tunnel , but the state refused to pay for it .");
    let build = r.of("build");
    assert_eq!(r.text(build.subject.as_ref()), "The city");
    assert_eq!(build.verb.modality, Modality::Future);
    assert!(r.of("pay").verb.negated);
    assert!(!r.has("intends"));
}

#[test]
fn an_object_controlled_infinitive_is_not_the_subject_s() {
    // The growers would have the ministry act, not act themselves.
    let r = read("The growers want the ministry to buy the surplus grain .");
    assert!(
        !r.has("buy") || r.subject("buy") != "The growers",
        "{:?}",
        r.clauses
    );
    let r = read("The city intends to build a tunnel .");
    assert_eq!(r.subject("build"), "The city");
}

#[test]
fn coordinated_subjects_split_and_verbs_share_them() {
    let r = read("Norway and Sweden signed the treaty and ratified it in March .");
    let c = r.of("signed");
    let parts: Vec<String> = c
        .subject
        .iter()
        .flat_map(|p| p.conjuncts.iter())
        .map(|&(a, b)| r.words[a..b].join(" "))
        .collect();
    assert_eq!(parts, ["Norway", "Sweden"]);
    assert_eq!(r.subject("ratified"), "Norway and Sweden");
}

#[test]
fn questions_give_no_clause() {
    assert!(read("Did the council approve the budget ?")
        .clauses
        .is_empty());
}

#[test]
fn bad_input_gives_no_invented_clause() {
    let pos = PosModel::builtin();
    // No verbs, a table row, all capitals: nothing that is not there.
    for s in [
        "Oslo 12 14 9 , Bergen 3 5 1 , Tromsø 0 0 2",
        "ANNUAL REPORT 2020 -- TABLE OF CONTENTS -- PAGE 4",
        "",
    ] {
        let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
        let toks = make_tokens(&words, &vec![None; words.len()], pos);
        let found = clauses(&Tree::parse(&toks, pos));
        assert!(found.is_empty(), "{s}: {found:?}");
    }
}

#[test]
fn a_sentence_of_thousands_of_tokens_is_read_without_panic() {
    // Built, not parsed: a chain of coordinated clauses as a parser could return it.
    let words: Vec<String> = (0..3000)
        .map(|i| ["the", "firm", "sold", "boats", "and"][i % 5].to_string())
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let toks = make_tokens(&refs, &vec![None; refs.len()], PosModel::builtin());
    // Each group of five words is a clause; each clause's verb is a conjunct of the previous.
    let arcs = (0..refs.len()).map(|i| {
        let (g, k) = (i / 5, i % 5);
        let verb = 5 * g + 3;
        match k {
            0 => (5 * g + 2, "det"),
            1 => (verb, "nsubj"),
            2 if g == 0 => (0, "root"),
            2 => (verb - 5, "conj"),
            3 => (verb, "obj"),
            _ => (verb, "cc"),
        }
    });
    let found = clauses(&Tree::from_heads(&toks, arcs));
    assert_eq!(found.len(), 600);
}

/// Reads `sentence` with the words in `names` tagged as parts of entity names (as the
/// pipeline tags them: every word of a name a proper noun).
fn read_named(sentence: &'static str, names: &[&str]) -> Read {
    let words: Vec<&'static str> = sentence.split(' ').collect();
    let mention_of: Vec<Option<usize>> = words
        .iter()
        .map(|w| names.iter().position(|n| n.split(' ').any(|p| p == *w)))
        .collect();
    let pos = PosModel::builtin();
    let toks = make_tokens(&words, &mention_of, pos);
    let clauses = clauses(&Tree::parse(&toks, pos));
    Read { words, clauses }
}

#[test]
fn a_titled_name_split_in_two_subjects_is_one() {
    // The nationality, tagged as a name, is parsed as a second subject.
    let r = read_named(
        "Swedish Minister Karl Lund opened the new bridge in Malmo .",
        &["Swedish", "Karl Lund", "Malmo"],
    );
    assert_eq!(r.subject("opened"), "Swedish Minister Karl Lund");
    assert_eq!(r.object("opened"), "the new bridge");
    let r = read_named(
        "Norwegian shipping firm Nordlys ordered four new ferries .",
        &["Norwegian", "Nordlys"],
    );
    assert_eq!(r.subject("ordered"), "Norwegian shipping firm Nordlys");
    // A town and its country are no description and its name.
    let r = read_named(
        "A march in central Dublin , Ireland turned violent on Sunday .",
        &["Dublin", "Ireland"],
    );
    let ireland = r
        .clauses
        .iter()
        .any(|c| r.text(c.subject.as_ref()) == "Ireland");
    assert!(!ireland, "{:?}", r.clauses);
}

#[test]
fn a_gerund_after_begin_is_what_the_subject_does() {
    let r = read("The striking workers began blocking the main road .");
    assert_eq!(r.subject("blocking"), "The striking workers");
    assert_eq!(r.object("blocking"), "the main road");
    // Not after other verbs: "enjoys sailing" says nothing of a sailing done.
    let r = read("The old captain enjoys sailing small boats .");
    assert!(!r.has("sailing"), "{:?}", r.clauses);
}

#[test]
fn a_verb_of_writing_with_a_noun_object_is_a_claim() {
    let r = read("The ministry wrote a letter to the company .");
    assert_eq!(r.object("wrote"), "a letter to the company");
    let r = read("The ministry has written to the company .");
    assert_eq!(r.subject("written"), "The ministry");
    // A report without its content still says nothing.
    let r = read("The ministry said on Friday .");
    assert!(!r.has("said"), "{:?}", r.clauses);
}
