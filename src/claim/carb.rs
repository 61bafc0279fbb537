//! CaRB output: open extractions from the clause grammar, shaped like CaRB's gold tuples.
//!
//! Input is one Penn-Treebank-tokenised sentence per line; output is CaRB's tabbed format,
//! `sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB arg3 ...]`, with the sentence
//! written back exactly as read. Every field is a run of the sentence's own tokens (CaRB matches
//! tokens exactly), except the relations of implied tuples (`is`, `has`).
//!
//! Shaping, per clause of [`clauses`]:
//! - relation: adverbs right before the verb group, the verb group (auxiliaries, negation,
//!   particle), plus `that` for a reported clause and the preposition of a prepositional object
//!   ("agreed to"); a passive without an object takes its agent as `by X`;
//! - arg1: the subject (a relative pronoun's antecedent as the grammar resolves it, a personal
//!   pronoun replaced by the sentence's first full subject);
//! - arg2: the object, complement or reported clause; further arguments: prepositional and
//!   temporal phrases.
//!
//! Reporting verbs give both the reporting tuple and the reported clause's own tuple (the
//! grammar returns both as clauses). Implied tuples come at lower confidence: appositions
//! ("X , the Y ," gives X | is | the Y), coordinated objects split into one tuple each, and
//! possessives ("X 's Y" gives X | has | Y). Confidence only orders the tuples (CaRB's AUC and
//! best-F1 threshold use nothing else).

use std::fmt::Write as _;

use crate::claim::open::{clauses, make_tokens, np_at, Clause, Phrase, Tok, REPORTING};
use crate::pos::PosModel;

/// One extraction: relation, first argument and further arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuple {
    pub confidence: f64,
    pub relation: String,
    pub arg1: String,
    pub args: Vec<String>,
}

/// Tabbed CaRB extractions for a file of tokenised sentences, one per line.
pub fn carb(text: &str) -> String {
    let pos = PosModel::builtin();
    let mut out = String::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        for t in sentence_tuples(&words, pos) {
            let _ = write!(
                out,
                "{line}\t{:.4}\t{}\t{}",
                t.confidence, t.relation, t.arg1
            );
            for a in &t.args {
                out.push('\t');
                out.push_str(a);
            }
            out.push('\n');
        }
    }
    out
}

/// CaRB-shaped tuples for one sentence given as tokens.
pub fn sentence_tuples(words: &[&str], pos: &PosModel) -> Vec<Tuple> {
    if words.is_empty() {
        return Vec::new();
    }
    let toks = make_tokens(words, &vec![None; words.len()], pos);
    let found = clauses(&toks);
    let mut res: Vec<Tuple> = Vec::new();
    let antecedent = first_full_subject(&toks, &found);
    let fronted = fronted_phrase(&toks);
    for (ci, c) in found.iter().enumerate() {
        res.extend(clause_tuples(
            &toks,
            &found,
            ci,
            c,
            antecedent.as_ref(),
            fronted,
        ));
    }
    if !off("appos") {
        res.extend(apposition_tuples(&toks));
    }
    if !off("poss") {
        res.extend(possessive_tuples(&toks));
    }
    // Drop exact duplicates (keep the surest) and tuples without two arguments.
    let mut out: Vec<Tuple> = Vec::new();
    for t in res {
        if t.arg1.is_empty() || t.args.first().is_none_or(|a| a.is_empty()) || t.relation.is_empty()
        {
            continue;
        }
        if let Some(o) = out
            .iter_mut()
            .find(|o| o.relation == t.relation && o.arg1 == t.arg1 && o.args == t.args)
        {
            if t.confidence > o.confidence {
                o.confidence = t.confidence;
            }
            continue;
        }
        out.push(t);
    }
    out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    out
}

/// Text of tokens `a..b`, trimmed of punctuation at both ends and with a quotation closed when
/// its closing mark follows right after.
fn span_text(toks: &[Tok], a: usize, b: usize) -> String {
    let (a, b) = trim_span(toks, a, b);
    toks[a..b]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn trim_span(toks: &[Tok], mut a: usize, mut b: usize) -> (usize, usize) {
    b = b.min(toks.len());
    a = a.min(b);
    let trim = |t: &Tok| {
        matches!(
            t.text.as_str(),
            "," | "." | ";" | ":" | "--" | "-" | "!" | "?"
        )
    };
    while b > a && trim(&toks[b - 1]) {
        b -= 1;
    }
    while a < b && trim(&toks[a]) {
        a += 1;
    }
    // Quotes: `` X '' kept whole; an unmatched opening quote at the end dropped.
    let opens = toks[a..b].iter().filter(|t| t.text == "``").count();
    let closes = toks[a..b].iter().filter(|t| t.text == "''").count();
    if opens > closes && toks.get(b).is_some_and(|t| t.text == "''") {
        b += 1;
    }
    if b > a && toks[b - 1].text == "``" {
        b -= 1;
    }
    if closes > opens && b > a && toks[a].text == "''" {
        a += 1;
    }
    (a, b)
}

fn phrase_text(toks: &[Tok], p: &Phrase) -> String {
    span_text(toks, p.start, p.end)
}

fn is_personal_pronoun(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "he" | "she" | "they")
}

/// The first subject of the sentence that is a full noun phrase (not a pronoun), for pronoun
/// subjects later in the sentence.
fn first_full_subject(toks: &[Tok], found: &[Clause]) -> Option<Phrase> {
    let first = found
        .iter()
        .filter_map(|c| c.subject.as_ref())
        .min_by_key(|s| s.start)?;
    let head = &toks[first.head];
    if head.tag.starts_with("NN") && first.end - first.start <= 6 {
        Some(first.clone())
    } else {
        None
    }
}

fn clause_tuples(
    toks: &[Tok],
    found: &[Clause],
    ci: usize,
    c: &Clause,
    antecedent: Option<&Phrase>,
    fronted: Option<(usize, usize)>,
) -> Vec<Tuple> {
    let mut res = Vec::new();
    let fallback;
    let subj = match &c.subject {
        Some(s) => s,
        None => match fallback_subject(toks, found, ci) {
            Some(s) => {
                fallback = s;
                &fallback
            }
            None => return res,
        },
    };
    if matches!(toks[subj.head].tag, "WDT" | "WP") {
        return res;
    }
    let mut conf: f64 = 0.9;
    let mut arg1 = phrase_text(toks, subj);
    // A pronoun subject after a full subject in the same sentence refers to it.
    if !off("pron") && subj.end - subj.start == 1 && is_personal_pronoun(&toks[subj.start]) {
        if let Some(a) = antecedent.filter(|a| a.end <= subj.start) {
            arg1 = phrase_text(toks, a);
            conf -= 0.05;
        }
    }
    // "X is a Y who plays ...": the relative clause is about X.
    let relative = relative_pronoun_before(toks, c);
    if relative && !off("relhost") {
        conf -= 0.05;
        if let Some(host) = found.iter().find(|o| {
            o.verb.copula
                && o.subject.is_some()
                && o.object
                    .as_ref()
                    .is_some_and(|ob| ob.prep.is_none() && ob.phrase.end == subj.end)
        }) {
            arg1 = phrase_text(toks, host.subject.as_ref().unwrap());
        }
    }
    if arg1.is_empty() {
        return res;
    }
    // Relation: adverbs between subject and verb, then the verb group.
    let mut vstart = c.verb.start;
    while !off("preadv")
        && vstart > subj.end
        && toks[vstart - 1].tag == "RB"
        && vstart - subj.end <= 2
    {
        vstart -= 1;
    }
    let mut rel = span_text(toks, vstart, c.verb.end);
    let mut args: Vec<String> = Vec::new();
    let complement = c
        .complement
        .filter(|&(a, b)| toks[a..b].iter().filter(|t| is_word(t)).count() >= 2);
    if let Some((a, b)) = complement {
        // Reported clause: "said that | X did Y".
        if a > 0 && toks[a - 1].lower == "that" {
            rel.push_str(" that");
        }
        let comp = span_text(toks, a, b);
        if comp.is_empty() {
            return res;
        }
        if let Some(o) = &c.object {
            // "told reporters that ...": the hearer stays in the relation's arguments.
            args.push(phrase_text(toks, &o.phrase));
        }
        args.insert(0, comp);
        for e in &c.extras {
            args.push(arg_text(toks, e.prep, &e.phrase));
        }
        let len = args[0].split(' ').count();
        if len > 25 {
            conf -= 0.1;
        }
        res.push(Tuple {
            confidence: conf,
            relation: rel,
            arg1,
            args,
        });
        return res;
    }
    let mut extras: Vec<String> = Vec::new();
    if let Some(o) = &c.object {
        if let Some(p) = o.prep {
            rel.push(' ');
            rel.push_str(&toks[p].text);
        }
        args.push(phrase_text(toks, &o.phrase));
    }
    if let Some(agent) = &c.agent {
        if args.is_empty() {
            rel.push_str(" by");
            args.push(phrase_text(toks, agent));
        } else {
            extras.push(format!("by {}", phrase_text(toks, agent)));
        }
    }
    for e in &c.extras {
        if e.prep == Some(0) && fronted.is_some() {
            continue;
        }
        extras.push(arg_text(toks, e.prep, &e.phrase));
    }
    if let Some((a, b)) = fronted.filter(|&(_, b)| b < c.verb.start) {
        extras.push(span_text(toks, a, b));
    }
    extras.retain(|e| !e.is_empty() && !matches!(e.as_str(), "who" | "which" | "that"));
    if args.is_empty() {
        if let Some((a, b)) = rest_of_clause(toks, found, c) {
            args.push(span_text(toks, a, b));
            conf -= 0.1;
        } else if !extras.is_empty() {
            args.push(extras.remove(0));
            conf -= 0.1;
        } else {
            return res;
        }
    }
    if args[0].is_empty() || matches!(args[0].as_str(), "who" | "which" | "that" | "what") {
        return res;
    }
    args.extend(extras);
    if c.quoted {
        conf -= 0.1;
    }
    if REPORTING.contains(&toks[c.verb.main].lemma.as_str()) {
        conf -= 0.05;
    }
    res.push(Tuple {
        confidence: conf,
        relation: rel.clone(),
        arg1: arg1.clone(),
        args: args.clone(),
    });
    // Coordinated objects: one tuple per conjunct, less sure.
    if let Some(o) = &c.object {
        if o.phrase.conjuncts.len() > 1 && o.prep.is_none() && !off("conj") {
            for &(a, b) in &o.phrase.conjuncts {
                let mut a2 = args.clone();
                a2[0] = span_text(toks, a, b);
                res.push(Tuple {
                    confidence: conf - 0.3,
                    relation: rel.clone(),
                    arg1: arg1.clone(),
                    args: a2,
                });
            }
        }
    }
    res
}

/// A sentence-initial prepositional phrase up to its comma ("In 1990 , ...", "After the
/// battle of X in 1746 , ..."): an argument of the clauses after it.
fn fronted_phrase(toks: &[Tok]) -> Option<(usize, usize)> {
    let first = toks.first()?;
    if first.tag != "IN"
        || matches!(
            first.lower.as_str(),
            "if" | "while"
                | "although"
                | "because"
                | "as"
                | "since"
                | "unless"
                | "though"
                | "whether"
                | "that"
                | "so"
                | "once"
                | "whereas"
        )
    {
        return None;
    }
    let comma = toks.iter().take(14).position(|t| t.text == ",")?;
    if comma < 2
        || toks[1..comma]
            .iter()
            .any(|t| t.tag.starts_with("VB") || t.tag == "MD")
    {
        return None;
    }
    Some((0, comma))
}

fn off(name: &str) -> bool {
    std::env::var("CARB_OFF").is_ok_and(|v| v.split(',').any(|x| x == name))
}

fn is_word(t: &Tok) -> bool {
    t.text.chars().any(char::is_alphanumeric)
}

/// Where the next clause starts after clause `c`: its subject or its verb.
fn next_clause_start(found: &[Clause], c: &Clause, n: usize) -> usize {
    found
        .iter()
        .filter(|o| o.verb.start >= c.verb.end)
        .map(|o| match &o.subject {
            Some(s) if s.start >= c.verb.end => s.start.min(o.verb.start),
            _ => o.verb.start,
        })
        .min()
        .unwrap_or(n)
}

/// The words after the verb up to the next clause or punctuation, for a clause where the
/// grammar found no argument ("was put higher", "amounts to more than $ 5").
fn rest_of_clause(toks: &[Tok], found: &[Clause], c: &Clause) -> Option<(usize, usize)> {
    let limit = next_clause_start(found, c, toks.len());
    let a = c.verb.end;
    let mut b = a;
    while b < limit {
        let t = &toks[b];
        if matches!(t.text.as_str(), "," | ";" | ":" | "--" | "." | "(" | ")")
            || matches!(t.tag, "WDT" | "WP" | "CC")
        {
            break;
        }
        b += 1;
    }
    if toks[a..b].iter().any(is_word) {
        Some((a, b))
    } else {
        None
    }
}

/// A subject for the sentence's first clause when the grammar found none ("The University of
/// Florida however , refused"): the words before the verb, if they look like a noun phrase.
fn fallback_subject(toks: &[Tok], found: &[Clause], ci: usize) -> Option<Phrase> {
    let c = &found[ci];
    if found.iter().any(|o| o.verb.start < c.verb.start) {
        return None;
    }
    let mut b = c.verb.start;
    while b > 0 && (toks[b - 1].tag == "RB" || toks[b - 1].text == ",") {
        b -= 1;
    }
    let a = 0;
    if b == a || b - a > 8 {
        return None;
    }
    let first = &toks[a];
    if matches!(first.tag, "IN" | "WDT" | "WP" | "WRB" | "CC" | "TO")
        || toks[a..b]
            .iter()
            .any(|t| t.text == "," || t.tag.starts_with("VB"))
        || !toks[b - 1].tag.starts_with("NN")
    {
        return None;
    }
    Some(Phrase {
        start: a,
        end: b,
        conjuncts: vec![(a, b)],
        head: b - 1,
    })
}

fn arg_text(toks: &[Tok], prep: Option<usize>, phrase: &Phrase) -> String {
    let body = phrase_text(toks, phrase);
    match prep {
        Some(p) if !body.is_empty() => format!("{} {body}", toks[p].text),
        _ => body,
    }
}

/// Whether the clause's verb (after adverbs) follows a relative pronoun.
fn relative_pronoun_before(toks: &[Tok], c: &Clause) -> bool {
    let mut k = c.verb.start;
    while k > 0 && toks[k - 1].tag == "RB" {
        k -= 1;
    }
    k > 0 && matches!(toks[k - 1].lower.as_str(), "who" | "which" | "that")
}

/// "X , the Y ," and "X , a Y ." give X | is | the Y.
fn apposition_tuples(toks: &[Tok]) -> Vec<Tuple> {
    let mut res = Vec::new();
    let n = toks.len();
    for k in 1..n.saturating_sub(2) {
        if toks[k].text != "," {
            continue;
        }
        // X: a run of proper nouns ending before the comma.
        let mut s = k;
        while s > 0 && matches!(toks[s - 1].tag, "NNP" | "NNPS") {
            s -= 1;
        }
        if s == k {
            continue;
        }
        let first = &toks[k + 1];
        if !matches!(first.lower.as_str(), "a" | "an" | "the") && first.tag != "PRP$" {
            continue;
        }
        let Some(e) = np_at(toks, k + 1, n) else {
            continue;
        };
        if !toks
            .get(e)
            .is_some_and(|t| matches!(t.text.as_str(), "," | "." | ";" | "--"))
        {
            continue;
        }
        // Not a list: "A , the B and C".
        if toks[k + 1..e].iter().any(|t| t.tag == "CC") {
            continue;
        }
        res.push(Tuple {
            confidence: 0.55,
            relation: "is".to_string(),
            arg1: span_text(toks, s, k),
            args: vec![span_text(toks, k + 1, e)],
        });
    }
    res
}

/// "X 's Y" gives X | has | Y.
fn possessive_tuples(toks: &[Tok]) -> Vec<Tuple> {
    let mut res = Vec::new();
    let n = toks.len();
    for k in 1..n.saturating_sub(1) {
        if toks[k].tag != "POS" {
            continue;
        }
        let mut s = k;
        while s > 0 && matches!(toks[s - 1].tag, "NNP" | "NNPS" | "NN") {
            s -= 1;
        }
        if s == k {
            continue;
        }
        let mut e = k + 1;
        while e < n && matches!(toks[e].tag, "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "VBG") {
            e += 1;
        }
        if e == k + 1 || !toks[e - 1].tag.starts_with("NN") {
            continue;
        }
        res.push(Tuple {
            confidence: 0.3,
            relation: "has".to_string(),
            arg1: span_text(toks, s, k),
            args: vec![span_text(toks, k + 1, e)],
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tuples(s: &str) -> Vec<String> {
        let words: Vec<&str> = s.split(' ').collect();
        sentence_tuples(&words, PosModel::builtin())
            .iter()
            .map(|t| format!("{} | {} | {}", t.arg1, t.relation, t.args.join(" | ")))
            .collect()
    }

    #[test]
    fn debug_print() {
        if let Ok(s) = std::env::var("CARB_DEBUG") {
            let words: Vec<&str> = s.split(' ').collect();
            let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
            for t in &toks {
                eprint!("{}/{} ", t.text, t.tag);
            }
            eprintln!();
            for c in clauses(&toks) {
                eprintln!("{c:?}");
            }
            for line in tuples(&s) {
                eprintln!("{line}");
            }
        }
    }
}
