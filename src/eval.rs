//! Evaluation formats: CoNLL-2003 in, `token gold predicted` out for `conlleval`; CaRB
//! sentences in, tabbed extractions out (being written); CoNLL-U in, the same file with the
//! tagger's and parser's predictions out (`eval ud`).
//!
//! This module reads benchmark files given to it as text and returns text; it never opens a
//! file and never prints (`main.rs` does both). It must not depend on any benchmark data being
//! present: its tests use small hand-written snippets in the benchmarks' formats.
//!
//! # CoNLL-2003
//!
//! Input: one token per line, the token in the first column and the gold tag (IOB1) in the last;
//! a blank line ends a sentence; a `-DOCSTART-` line starts a new document. Each document is
//! rebuilt as a text with the tokens of a sentence joined by single spaces and one sentence per
//! line, so the sentences are the lines and the tokens are the given ones (the tagger sees
//! exactly the benchmark's segmentation). The tagger runs once per document, so rules that use
//! the whole article (short forms, disambiguation by the other names) work as they do on news.
//!
//! Output: `token gold predicted` per token and a blank line after each sentence, ready for
//! `perl conlleval`. Predictions are IOB2 with the types `PER`, `LOC`, `ORG` (person, place,
//! organisation). Because claimgraph has no `MISC` type, gold `MISC` tags are written as `O`,
//! which is the benchmark's documented way of scoring a PER/LOC/ORG tagger; for the same reason
//! demonym mentions ("Ukrainian"), which CoNLL annotates as `MISC`, are not predicted. A mention
//! that does not start and end on token boundaries (a name inside a hyphenated word) is not
//! predicted either: CoNLL tags such words `MISC` or `O`. `-DOCSTART-` lines are dropped.

use std::fmt::Write as _;

use crate::gazetteer::EntityKind;
use crate::parse::Parser;
use crate::pos::PosModel;
use crate::tagger::{Mention, Rule, Tagger};
use crate::text::{Sentence, Span, Token};

/// Errors in benchmark input. Lines are 1-based.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: {message}")]
    Bad { line: usize, message: String },
    #[error("line {line}: token {token:?} has no tag; CoNLL lines read `TOKEN ... TAG`, e.g. `Oslo NNP I-NP I-LOC`")]
    MissingTag { line: usize, token: String },
    #[error("line {line}: tag {tag:?} is not O, B-TYPE or I-TYPE; the tag is the last column")]
    BadTag { line: usize, tag: String },
}

/// Tags every document of a CoNLL-2003 file and returns `token gold predicted` lines for
/// `conlleval` (see the module docs for the conventions).
///
/// # Errors
///
/// [`EvalError::MissingTag`] for a line with a single field and [`EvalError::BadTag`] for a last
/// field that is not an IOB tag, each with its 1-based line; nothing is tagged then.
pub fn conll(tagger: &Tagger, text: &str) -> Result<String, EvalError> {
    let documents = parse_conll(text)?;
    let mut res = String::with_capacity(text.len());
    for document in &documents {
        write_document(tagger, document, &mut res);
    }
    Ok(res)
}

/// Tags and parses every sentence of a CoNLL-U file on its gold words and returns the same
/// file with LEMMA, UPOS, XPOS, HEAD and DEPREL predicted, FEATS and DEPS set to `_`, and
/// everything else (comments, multi-word token ranges, empty nodes, MISC) as it was, so any
/// CoNLL-U scorer can compare it with the original.
///
/// # Errors
///
/// [`EvalError::Bad`] for a word line without ten tab-separated columns; nothing is parsed then.
pub fn ud(parser: &Parser, tagger: &PosModel, text: &str) -> Result<String, EvalError> {
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if !line.starts_with('#') && !line.trim().is_empty() && line.split('\t').count() != 10 {
            return Err(EvalError::Bad {
                line: n + 1,
                message: "a CoNLL-U line has 10 tab-separated columns".to_string(),
            });
        }
        match sentences.last_mut() {
            Some(cur) if !line.trim().is_empty() => cur.push(line),
            _ => sentences.push(Vec::new()),
        }
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for lines in sentences.iter().filter(|s| !s.is_empty()) {
        write_ud_sentence(parser, tagger, lines, &mut out);
    }
    Ok(out)
}

/// Whether a CoNLL-U line is a word line (an integer id, not a range or an empty node).
fn ud_word(line: &str) -> Option<Vec<&str>> {
    let cols: Vec<&str> = line.split('\t').collect();
    let id = cols.first()?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then_some(cols)
}

fn write_ud_sentence(parser: &Parser, tagger: &PosModel, lines: &[&str], out: &mut String) {
    let words: Vec<Vec<&str>> = lines.iter().filter_map(|l| ud_word(l)).collect();
    let forms: Vec<&str> = words
        .iter()
        .map(|c| c.get(1).copied().unwrap_or(""))
        .collect();
    let parsed = parser.analyse(tagger, &forms);
    let mut next = parsed.iter();
    for line in lines {
        let Some(cols) = ud_word(line) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let Some(w) = next.next() else { continue };
        let [id, form, .., misc] = cols.as_slice() else {
            continue;
        };
        let lemma = if w.lemma.is_empty() { "_" } else { &w.lemma };
        let _ = writeln!(
            out,
            "{id}\t{form}\t{lemma}\t{}\t{}\t_\t{}\t{}\t_\t{misc}",
            w.upos, w.tag, w.head, w.deprel
        );
    }
    out.push('\n');
}

/// CaRB output for one tokenised sentence per line (being written).
pub fn carb(text: &str, extractor: crate::claim::Extractor) -> String {
    crate::claim::carb::carb(text, extractor)
}

/// One token line of a CoNLL file.
#[derive(Debug)]
struct ConllToken<'t> {
    token: &'t str,
    gold: &'t str,
}

/// A document: its sentences, each a list of tokens.
type ConllDocument<'t> = Vec<Vec<ConllToken<'t>>>;

/// Reads the whole file before anything is tagged, so a bad line fails fast.
fn parse_conll(text: &str) -> Result<Vec<ConllDocument<'_>>, EvalError> {
    let mut documents: Vec<ConllDocument<'_>> = vec![Vec::new()];
    let mut sentence: Vec<ConllToken<'_>> = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        let line_no = line_idx + 1;
        let mut fields = line.split_whitespace();
        let Some(token) = fields.next() else {
            end_sentence(&mut documents, &mut sentence);
            continue;
        };
        if token == "-DOCSTART-" {
            end_sentence(&mut documents, &mut sentence);
            if documents.last().is_some_and(|d| !d.is_empty()) {
                documents.push(Vec::new());
            }
            continue;
        }
        let Some(gold) = fields.next_back() else {
            return Err(EvalError::MissingTag {
                line: line_no,
                token: token.to_string(),
            });
        };
        if !is_iob_tag(gold) {
            return Err(EvalError::BadTag {
                line: line_no,
                tag: gold.to_string(),
            });
        }
        sentence.push(ConllToken { token, gold });
    }
    end_sentence(&mut documents, &mut sentence);
    documents.retain(|d| !d.is_empty());
    Ok(documents)
}

fn end_sentence<'t>(documents: &mut Vec<ConllDocument<'t>>, sentence: &mut Vec<ConllToken<'t>>) {
    if sentence.is_empty() {
        return;
    }
    let done = std::mem::take(sentence);
    match documents.last_mut() {
        Some(document) => document.push(done),
        None => documents.push(vec![done]),
    }
}

fn is_iob_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    let Some(kind) = tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) else {
        return false;
    };
    !kind.is_empty() && kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Tags one document and appends its output lines to `out`.
fn write_document(tagger: &Tagger, document: &[Vec<ConllToken<'_>>], out: &mut String) {
    let (text, sentences) = document_text(document);
    let mentions = tagger.tag(&text, &sentences);
    let predicted = token_tags(&sentences, &mentions);
    for (sentence_idx, sentence) in document.iter().enumerate() {
        let tags = predicted
            .get(sentence_idx)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (token_idx, token) in sentence.iter().enumerate() {
            let gold = if token.gold.ends_with("-MISC") {
                "O"
            } else {
                token.gold
            };
            let tag = tags.get(token_idx).copied().unwrap_or(Tag::O);
            let _ = writeln!(out, "{} {} {}", token.token, gold, tag);
        }
        out.push('\n');
    }
}

/// The document as text (one sentence per line, tokens joined by single spaces) and its
/// sentences, whose tokens are exactly the CoNLL tokens.
fn document_text(document: &[Vec<ConllToken<'_>>]) -> (String, Vec<Sentence>) {
    let n_bytes: usize = document.iter().flatten().map(|t| t.token.len() + 1).sum();
    let mut text = String::with_capacity(n_bytes);
    let mut sentences = Vec::with_capacity(document.len());
    for sentence in document {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        let mut tokens = Vec::with_capacity(sentence.len());
        for (token_idx, token) in sentence.iter().enumerate() {
            if token_idx > 0 {
                text.push(' ');
            }
            let token_start = text.len();
            text.push_str(token.token);
            tokens.push(Token {
                span: Span::new(token_start, text.len()),
            });
        }
        sentences.push(Sentence {
            span: Span::new(start, text.len()),
            tokens,
        });
    }
    (text, sentences)
}

/// A predicted tag in IOB2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    O,
    Begin(EntityKind),
    Inside(EntityKind),
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::Begin(kind) => write!(f, "B-{}", conll_type(*kind)),
            Tag::Inside(kind) => write!(f, "I-{}", conll_type(*kind)),
        }
    }
}

fn conll_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Place => "LOC",
        EntityKind::Organisation => "ORG",
    }
}

/// Whether a mention stands for a CoNLL PER/LOC/ORG entity. Demonyms are `MISC` there.
fn is_scored(rule: Rule) -> bool {
    match rule {
        Rule::Demonym | Rule::Role => false,
        Rule::GazetteerName
        | Rule::GazetteerAlias
        | Rule::ShortForm
        | Rule::TitleCue
        | Rule::GivenName
        | Rule::OrganisationHead
        | Rule::ReportingVerb
        | Rule::Apposition
        | Rule::GenericInstitution
        | Rule::PlaceCue
        | Rule::NameShape
        | Rule::Acronym
        | Rule::SportsTeam
        | Rule::FullName
        | Rule::LongerName
        | Rule::EarlierName
        | Rule::CompanyContext
        | Rule::AcronymDefined
        | Rule::PlaceContext
        | Rule::OrganisationContext
        | Rule::MentionModel => true,
    }
}

/// Maps mention byte spans to IOB2 tags per sentence and token. A mention counts only when it
/// starts and ends on token boundaries (a name inside a token such as "Vellmar-based" is not a
/// CoNLL entity; tagging the whole token scored 0.2 F1 lower on dev); a token already claimed by
/// an earlier mention keeps its tag.
fn token_tags(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Vec<Tag>> {
    let mut res: Vec<Vec<Tag>> = sentences
        .iter()
        .map(|s| vec![Tag::O; s.tokens.len()])
        .collect();
    for mention in mentions.iter().filter(|m| is_scored(m.rule)) {
        let Some(sentence) = sentences.get(mention.sentence) else {
            continue;
        };
        let Some(tags) = res.get_mut(mention.sentence) else {
            continue;
        };
        let first = sentence
            .tokens
            .partition_point(|t| t.span.end <= mention.span.start);
        let end = sentence
            .tokens
            .partition_point(|t| t.span.start < mention.span.end);
        if first >= end || tags[first..end].iter().any(|t| *t != Tag::O) {
            continue;
        }
        let on_token_bounds = sentence.tokens[first].span.start == mention.span.start
            && sentence.tokens[end - 1].span.end == mention.span.end;
        if !on_token_bounds {
            continue;
        }
        tags[first] = Tag::Begin(mention.kind);
        for tag in &mut tags[first + 1..end] {
            *tag = Tag::Inside(mention.kind);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, Layer};

    // Invented names and text, in the CoNLL-2003 layout (never cut from the corpus).
    const GAZ: &str = r#"(entries: [
        (id: "place:vellmar", type: place, name: "Vellmar", demonyms: ["Vellmarian"]),
        (id: "place:north-ostra", type: place, name: "North Ostra"),
        (id: "org:brightwater-bank", type: organisation, name: "Brightwater Bank"),
        (id: "person:ada-quill", type: person, name: "Ada Quill", aliases: ["Quill"]),
    ], names: ["Tomas"])"#;

    fn tagger() -> Tagger {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", GAZ, Layer::Curated).unwrap();
        Tagger::new(gaz).unwrap()
    }

    fn check(input: &str, expected: &str) {
        let got = conll(&tagger(), input).unwrap();
        assert_eq!(got, expected, "\ngot:\n{got}\nexpected:\n{expected}");
    }

    #[test]
    fn tags_gazetteer_names_as_iob2() {
        check(
            "-DOCSTART- -X- O O\n\nAda NNP I-NP I-PER\nQuill NNP I-NP I-PER\nvisited VBD I-VP O\n\
             North NNP I-NP I-LOC\nOstra NNP I-NP I-LOC\n. . O O\n\n",
            "Ada I-PER B-PER\nQuill I-PER I-PER\nvisited O O\nNorth I-LOC B-LOC\nOstra I-LOC I-LOC\n. O O\n\n",
        );
    }

    #[test]
    fn misc_gold_and_demonyms_become_o() {
        check(
            "Vellmarian JJ I-NP I-MISC\nvoters NNS I-NP O\nin IN I-PP O\nVellmar NNP I-NP I-LOC\n\n",
            "Vellmarian O O\nvoters O O\nin O O\nVellmar I-LOC B-LOC\n\n",
        );
    }

    #[test]
    fn adjacent_entities_get_their_own_begin() {
        check(
            "Brightwater I-ORG\nBank I-ORG\nVellmar B-LOC\nNorth I-LOC\nOstra I-LOC\n\n",
            "Brightwater I-ORG B-ORG\nBank I-ORG I-ORG\nVellmar B-LOC B-LOC\nNorth I-LOC B-LOC\nOstra I-LOC I-LOC\n\n",
        );
    }

    #[test]
    fn documents_are_tagged_as_wholes() {
        // The short form needs the full name earlier in the same document, and only there.
        let doc = "Ada I-PER\nQuill I-PER\nspoke O\n\nQuill I-PER\nleft O\n\n";
        let res = conll(
            &tagger(),
            &format!("-DOCSTART- O\n\n{doc}-DOCSTART- O\n\nQuill I-PER\n\n"),
        )
        .unwrap();
        let tags: Vec<&str> = res.lines().filter_map(|l| l.split(' ').nth(2)).collect();
        assert_eq!(tags, vec!["B-PER", "I-PER", "O", "B-PER", "O", "B-PER"]);
        assert_eq!(res.matches("\n\n").count(), 3);
    }

    #[test]
    fn names_inside_a_token_are_not_entities() {
        check(
            "Vellmar-based I-MISC\nfirms O\n\n",
            "Vellmar-based O O\nfirms O O\n\n",
        );
    }

    #[test]
    fn errors_name_the_line() {
        let err = conll(&tagger(), "Ada I-PER\nQuill\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: token \"Quill\" has no tag; CoNLL lines read `TOKEN ... TAG`, e.g. `Oslo NNP I-NP I-LOC`"
        );
        let err = conll(&tagger(), "\n\nAda NNP PER\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 3: tag \"PER\" is not O, B-TYPE or I-TYPE; the tag is the last column"
        );
    }

    #[test]
    fn empty_input_gives_empty_output() {
        check("", "");
        check("-DOCSTART- -X- O O\n\n\n", "");
    }

    // An invented sentence in the CoNLL-U layout, with a multi-word token and an empty node.
    const UD: &str = "# sent_id = x-1\n# text = Mara's dog can't swim.\n\
        1\tMara\tMara\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n\
        2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
        3\tdog\tdog\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n\
        4-5\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        4\tca\tcan\tAUX\tMD\t_\t6\taux\t_\t_\n\
        5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n\
        5.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n\
        6\tswim\tswim\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
        7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n\n";

    #[test]
    fn ud_output_keeps_every_line_and_predicts_word_columns() {
        let res = ud(Parser::builtin(), PosModel::builtin(), UD).map_err(|e| e.to_string());
        let out = res.unwrap_or_default();
        let (inp, got): (Vec<&str>, Vec<&str>) = (UD.lines().collect(), out.lines().collect());
        assert_eq!(inp.len(), got.len());
        for (a, b) in inp.iter().zip(&got) {
            let (ca, cb): (Vec<&str>, Vec<&str>) =
                (a.split('\t').collect(), b.split('\t').collect());
            let word = ca
                .first()
                .is_some_and(|id| !id.is_empty() && id.bytes().all(|c| c.is_ascii_digit()));
            if !word {
                assert_eq!(a, b, "non-word lines pass through");
                continue;
            }
            assert_eq!(cb.len(), 10);
            assert_eq!((ca[0], ca[1], ca[9]), (cb[0], cb[1], cb[9]));
            assert!(cb[6].parse::<usize>().is_ok_and(|h| h <= 7), "{b}");
            assert!(crate::pos::Tag::parse(cb[4]).is_some(), "{b}");
        }
        let roots = got
            .iter()
            .filter(|l| l.split('\t').nth(6) == Some("0"))
            .count();
        assert_eq!(roots, 1);
    }

    #[test]
    fn ud_names_a_short_line() {
        let err =
            ud(Parser::builtin(), PosModel::builtin(), "# c\n1\tx\n").map_err(|e| e.to_string());
        assert_eq!(
            err,
            Err("line 2: a CoNLL-U line has 10 tab-separated columns".to_string())
        );
    }
}
