//! CaRB output: open extractions from the clause reader ([`Extractor`], the tree by default),
//! shaped like CaRB's gold tuples.
//!
//! Input is one Penn-Treebank-tokenised sentence per line; output is CaRB's tabbed format,
//! `sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB arg3 ...]`, with the sentence
//! written back exactly as read. Every field is a run of the sentence's own tokens (CaRB matches
//! tokens exactly), except the relations of implied tuples (`is`, `has`).
//!
//! Shaping, per clause of [`Extractor::clauses`]:
//! - relation: adverbs right before the verb group, the verb group (auxiliaries, negation,
//!   particle), plus `that` for a reported clause and the preposition of a prepositional object
//!   ("agreed to"); a passive without an object takes its agent as `by X`; a participle clause
//!   ("the plan , drawn up by X") reads "be drawn up by" (CaRB matches `be` with any form of it);
//! - arg1: the subject (a relative pronoun's antecedent as the grammar resolves it, the subject
//!   of "X is a Y who ..." for the relative clause, "he/she/they" replaced by the sentence's first
//!   full subject, the words before the first verb when the grammar found none);
//! - arg2: the object, complement or reported clause, else the words after the verb up to the
//!   next clause; further arguments: prepositional and temporal phrases and a fronted
//!   prepositional phrase ("After the war , ...").
//!
//! Reporting verbs give both the reporting tuple and the reported clause's own tuple (the
//! grammar returns both as clauses); a trailing reporting clause ("..., he said .") takes what
//! comes before it. Implied tuples come at lower confidence: appositions ("X , the Y ," gives
//! X | be | the Y; implied tuples say `be`, which CaRB's scorer matches with whatever form of
//! it the gold writes: "is", "was", "are") and, last, one tuple per item of a coordinated
//! object. With
//! a parse (every reader but the grammar alone), the verbs of the parse that no clause covers
//! give tuples too, below the clauses' own (`verbs`), and so do the parse's appositions that
//! the tag-based reading misses ("X , director of Y ,", "X , Y 's chairman ,", `appos`), and
//! nouns placed by an "in" phrase naming a place (`located`). From the tags: names after their
//! titles or nouns of role (`titled`), examples after "such as" (`such`) and possessives ("X
//! 's Y" gives X | has | Y), the weakest kind, ranked below all but the list items. One tuple
//! per subject of a coordinated subject was tried and left out: it did not raise the best F1
//! at any confidence; neither did ranking the object's list items higher. A sentence that
//! gives nothing is read once more with a plural noun between subject and argument taken as
//! its verb (`misread`). Confidence only orders the tuples (CaRB's AUC and best-F1 threshold
//! use nothing else): the kind of tuple first, then its shape (see `rescore`).

use std::fmt::Write as _;

use crate::claim::open::{make_tokens, np_at, Clause, Phrase, Tok};
use crate::claim::tree::Tree;
use crate::claim::Extractor;
use crate::lexicon::{is_reporting, is_subordinator};
use crate::pos::PosModel;

mod appos;
mod located;
mod misread;
mod such;
mod titled;
mod verbs;

/// One extraction: relation, first argument and further arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Tuple {
    pub confidence: f64,
    pub relation: String,
    pub arg1: String,
    pub args: Vec<String>,
}

/// Tabbed CaRB extractions for a file of tokenised sentences, one per line.
pub fn carb(text: &str, extractor: Extractor) -> String {
    let pos = PosModel::builtin();
    let mut out = String::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        for t in sentence_tuples(&words, pos, extractor) {
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
pub fn sentence_tuples(words: &[&str], pos: &PosModel, extractor: Extractor) -> Vec<Tuple> {
    if words.is_empty() {
        return Vec::new();
    }
    let mut toks = make_tokens(words, &vec![None; words.len()], pos);
    let out = token_tuples(&toks, pos, extractor);
    if !out.is_empty() {
        return out;
    }
    // Nothing read: a verb the tagger took for a plural noun ("The club consists of three
    // teams") is read again as a verb, for this benchmark only.
    match misread::plural_verb(&toks) {
        Some(k) => {
            misread::as_verb(&mut toks[k], pos);
            token_tuples(&toks, pos, extractor)
        }
        None => out,
    }
}

/// CaRB-shaped tuples for one sentence's tokens.
fn token_tuples(toks: &[Tok], pos: &PosModel, extractor: Extractor) -> Vec<Tuple> {
    let mut parsed = None;
    let found = extractor.clauses_with(toks, pos, &mut parsed);
    let mut res: Vec<Tuple> = Vec::new();
    let antecedent = first_full_subject(toks, &found);
    let fronted = fronted_phrase(toks);
    // The verb groups of the clauses that gave a tuple.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in found.iter().enumerate() {
        let ts = clause_tuples(toks, &found, ci, c, antecedent.as_ref(), fronted);
        if ts.iter().any(is_whole_tuple) {
            covered.push((c.verb.start, c.verb.end.max(c.verb.main + 1)));
        }
        res.extend(ts);
    }
    res.extend(apposition_tuples(toks));
    res.extend(possessive_tuples(toks));
    // The parse's clause verbs that no clause covers (not for the grammar alone, which reads
    // no parse).
    if extractor != Extractor::Grammar {
        let p = parsed.get_or_insert_with(|| Tree::parse_only(toks, pos));
        let tree = Tree::from_parsed(toks, p);
        let ante = antecedent.as_ref().map(|a| (a.start, a.end));
        res.extend(verbs::uncovered_tuples(&tree, toks, &covered, ante));
        // Appositions the tag-based reading missed (one "be" tuple per name, unless a copula
        // or an apposition already says something of that name or description).
        for t in appos::apposition_tuples(&tree, toks) {
            let named = |o: &Tuple| {
                (o.relation.starts_with("is") || o.relation == "be")
                    && (o.arg1 == t.arg1 || o.args == t.args)
            };
            if !res.iter().any(named) {
                res.push(t);
            }
        }
        // Nouns placed by an "in" phrase naming a place.
        res.extend(located::located_tuples(&tree, toks));
    }
    // Names after their titles and examples after "such as" (read from tags), last so that
    // the ranks of the tuples above stay as they were.
    res.extend(titled::titled_tuples(toks));
    res.extend(such::such_as_tuples(toks));
    // Drop exact duplicates (keep the surest) and tuples without two arguments.
    let mut out: Vec<Tuple> = Vec::new();
    for t in res {
        if !is_whole_tuple(&t) {
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
    let n = toks.len() as f64;
    for (rank, t) in out.iter_mut().enumerate() {
        t.confidence = rescore(t, n, rank);
    }
    out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    out
}

/// Whether a tuple has a relation and two arguments.
fn is_whole_tuple(t: &Tuple) -> bool {
    !t.arg1.is_empty() && t.args.first().is_some_and(|a| !a.is_empty()) && !t.relation.is_empty()
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

const CARB_INF_PENALTY: f64 = 0.4;

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
    // An infinitive whose subject is the previous clause's ("moved to Porto to study"):
    // an inference, less sure than a subject next to its verb.
    let mut to = c.verb.start;
    while to > 0 && toks[to - 1].tag == "RB" {
        to -= 1;
    }
    if to > 0 && toks[to - 1].lower == "to" && subj.end + 1 < to {
        conf -= CARB_INF_PENALTY;
    }
    let mut arg1 = phrase_text(toks, subj);
    // A pronoun subject after a full subject in the same sentence refers to it.
    if subj.end - subj.start == 1 && is_personal_pronoun(&toks[subj.start]) {
        if let Some(a) = antecedent.filter(|a| a.end <= subj.start) {
            arg1 = phrase_text(toks, a);
            conf -= 0.05;
        }
    }
    // "X is a Y who plays ...": the relative clause is about X.
    let relative = relative_pronoun_before(toks, c);
    if relative {
        conf -= 0.05;
        let host = found.iter().find_map(|o| {
            let copular_object = o.verb.copula
                && o.object
                    .as_ref()
                    .is_some_and(|ob| ob.prep.is_none() && ob.phrase.end == subj.end);
            o.subject.as_ref().filter(|_| copular_object)
        });
        if let Some(h) = host {
            arg1 = phrase_text(toks, h);
        }
    }
    if arg1.is_empty() {
        return res;
    }
    // Relation: adverbs between subject and verb, then the verb group.
    let mut vstart = c.verb.start;
    while vstart > subj.end && toks[vstart - 1].tag == "RB" && vstart - subj.end <= 2 {
        vstart -= 1;
    }
    let mut rel = span_text(toks, vstart, c.verb.end);
    // A participle clause ("the plan , drawn up by X"): "be drawn up by", which CaRB matches
    // with any form of "be".
    if c.verb.passive && toks[c.verb.start].tag == "VBN" && vstart == c.verb.start {
        rel = format!("be {rel}");
    }
    let mut args: Vec<String> = Vec::new();
    // "..., X said .": the reporting clause after what it reports.
    if c.complement.is_none() && c.object.is_none() && is_reporting(&toks[c.verb.main].lemma) {
        if let Some((a, b)) = reported_before(toks, found, ci, subj) {
            res.push(Tuple {
                confidence: conf - 0.05,
                relation: rel.clone(),
                arg1: arg1.clone(),
                args: vec![span_text(toks, a, b)],
            });
            return res;
        }
    }
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
            // The rest of the clause holds the grammar's prepositional arguments: drop those.
            let rest = span_text(toks, a, b);
            let padded = format!(" {rest} ");
            extras.retain(|e| !padded.contains(&format!(" {e} ")));
            args.push(rest);
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
    if is_reporting(&toks[c.verb.main].lemma) {
        conf -= 0.05;
    }
    res.push(Tuple {
        confidence: conf,
        relation: rel.clone(),
        arg1: arg1.clone(),
        args: args.clone(),
    });
    // Coordinated objects ("consists of A , B and C"): also one tuple per item, as CaRB's gold
    // has them, at the lowest confidence (measured: they help the curve's tail, not its best F1).
    if let Some(o) = c.object.as_ref() {
        let parts = list_items(toks, o.phrase.start, o.phrase.end);
        if parts.len() > 1 {
            for item in parts {
                let mut a2 = args.clone();
                a2[0] = item;
                res.push(Tuple {
                    confidence: 0.05,
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
/// flood of 1953 , ..."): an argument of the clauses after it.
fn fronted_phrase(toks: &[Tok]) -> Option<(usize, usize)> {
    let first = toks.first()?;
    if first.tag != "IN" || is_subordinator(&first.lower) {
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

/// For a reporting clause after the material it reports ("..., he said ."), that material:
/// from the sentence start to the comma or quote before the subject or verb.
fn reported_before(
    toks: &[Tok],
    found: &[Clause],
    ci: usize,
    subj: &Phrase,
) -> Option<(usize, usize)> {
    if !found.iter().any(|o| o.reported_by == Some(ci)) {
        return None;
    }
    let c = &found[ci];
    let mut b = subj.start.min(c.verb.start);
    while b > 0 && (toks[b - 1].text == "," || toks[b - 1].text == "''" || toks[b - 1].tag == "RB")
    {
        b -= 1;
    }
    let mut a = 0;
    if toks[0].text == "``" {
        a = 1;
    }
    if b <= a || !toks[a..b].iter().any(is_word) {
        return None;
    }
    Some((a, b))
}

/// Confidence from the tuple's kind (its base confidence) and its shape: very short arguments,
/// long sentences and late clauses are less often right.
fn rescore(t: &Tuple, sentence_len: f64, rank: usize) -> f64 {
    let words = |s: &str| s.split(' ').count();
    let a2 = words(&t.args[0]);
    let a1 = words(&t.arg1);
    let rel = words(&t.relation);
    let mut c = t.confidence;
    if a2 >= 2 {
        c += 0.08;
    }
    if (2..=6).contains(&a1) {
        c += 0.04;
    }
    c += 0.02 * rel.min(4) as f64;
    c -= 0.004 * (sentence_len - 20.0).max(0.0);
    c -= 0.02 * rank.min(6) as f64;
    c.clamp(0.01, 0.99)
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
/// grammar found no argument ("was put higher", "comes to roughly $ 40").
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

/// A subject for the sentence's first clause when the grammar found none ("The town council
/// however , declined"): the words before the verb, if they look like a noun phrase.
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

/// The items of a list "A , B , and C" / "A and B" spanning `a..b`, as texts, when every item
/// is short; otherwise nothing. Items share what comes before an "of" ("a series of A and B")
/// and a leading determiner or possessor ("the club 's budget and staff").
fn list_items(toks: &[Tok], a: usize, b: usize) -> Vec<String> {
    let mut start = a;
    let mut shared = String::new();
    if let Some(of) = (a..b).find(|&i| toks[i].lower == "of") {
        if (a..of).all(|i| toks[i].text != "," && toks[i].tag != "CC") {
            shared = span_text(toks, a, of + 1);
            start = of + 1;
        }
    }
    let mut parts = Vec::new();
    let mut s = start;
    let mut saw_cc = false;
    for (i, t) in toks.iter().enumerate().take(b).skip(start) {
        let cc = t.tag == "CC" && matches!(t.lower.as_str(), "and" | "or");
        if t.text == "," || cc {
            saw_cc |= cc;
            if i > s {
                parts.push((s, i));
            }
            s = i + 1;
        }
    }
    if s < b {
        parts.push((s, b));
    }
    let short = |&(x, y): &(usize, usize)| {
        y - x <= 5
            && toks[x..y]
                .iter()
                .any(|t| t.tag.starts_with("NN") || t.tag == "CD")
    };
    if !saw_cc || parts.len() < 2 || !parts.iter().all(short) {
        return Vec::new();
    }
    // "the Leeds and Dundee depots": a name list before a common noun is one phrase.
    let proper = |&(_, y): &(usize, usize)| matches!(toks[y - 1].tag, "NNP" | "NNPS");
    if parts.len() == 2 && proper(&parts[0]) != proper(&parts[1]) {
        return Vec::new();
    }
    // A determiner or possessor of the first item, for bare later items.
    let (f0, f1) = parts[0];
    let det_end = (f0..f1)
        .find(|&i| toks[i].tag == "POS")
        .map(|i| i + 1)
        .or_else(|| matches!(toks[f0].tag, "DT" | "PRP$").then_some(f0 + 1));
    parts
        .iter()
        .enumerate()
        .map(|(k, &(x, y))| {
            let mut item = span_text(toks, x, y);
            if k > 0 && !matches!(toks[x].tag, "DT" | "PRP$" | "CD" | "NNP" | "NNPS") {
                if let Some(d) = det_end {
                    item = format!("{} {item}", span_text(toks, f0, d));
                }
            }
            if shared.is_empty() {
                item
            } else {
                format!("{shared} {item}")
            }
        })
        .collect()
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

/// The start of a noun phrase that ends right before `end` (determiners, adjectives, nouns,
/// numbers, possessives and "of" attachments).
fn np_back(toks: &[Tok], end: usize) -> Option<usize> {
    if end == 0 || !(toks[end - 1].tag.starts_with("NN") || toks[end - 1].tag == "CD") {
        return None;
    }
    let mut s = end;
    while s > 0 {
        let t = &toks[s - 1];
        let inner = matches!(
            t.tag,
            "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "JJR" | "JJS" | "CD" | "POS" | "HYPH" | "VBN"
        ) || t.text == "-";
        if inner {
            s -= 1;
            continue;
        }
        if matches!(t.tag, "DT" | "PRP$") {
            s -= 1;
            break;
        }
        if t.lower == "of" && s >= 2 && toks[s - 2].tag.starts_with("NN") {
            s -= 1;
            continue;
        }
        break;
    }
    // Not starting inside a participle or adjective run that belongs to a verb.
    while s < end && matches!(toks[s].tag, "VBN" | "POS" | "HYPH") {
        s += 1;
    }
    (s < end).then_some(s)
}

fn is_proper_run(toks: &[Tok], a: usize, b: usize) -> bool {
    b > a
        && toks[a..b]
            .iter()
            .all(|t| matches!(t.tag, "NNP" | "NNPS") || t.text == ".")
}

/// Appositions: "X , the Y ," and "the Y , X ," give X | be | the Y, where X is a name (`be`:
/// the scorer matches it with the form of "be" the gold writes).
fn apposition_tuples(toks: &[Tok]) -> Vec<Tuple> {
    let mut res = Vec::new();
    let n = toks.len();
    for k in 1..n.saturating_sub(2) {
        if toks[k].text != "," {
            continue;
        }
        let Some(s) = np_back(toks, k) else {
            continue;
        };
        let Some(e) = np_at(toks, k + 1, n) else {
            continue;
        };
        let closes = e == n
            || toks
                .get(e)
                .is_some_and(|t| matches!(t.text.as_str(), "," | "." | ";" | "--" | "(" | ":"));
        if !closes {
            continue;
        }
        // Not a list: "A , B and C", "A , B , C".
        if toks[k + 1..e].iter().any(|t| t.tag == "CC")
            || toks.get(e + 1).is_some_and(|t| t.tag == "CC")
            || (s > 0 && toks[s - 1].text == ",")
        {
            continue;
        }
        // The name part: the proper-noun tail of the left phrase, or the whole right one.
        let mut ls = s;
        while ls < k && !matches!(toks[ls].tag, "NNP" | "NNPS") {
            ls += 1;
        }
        let left_proper = is_proper_run(toks, ls, k) && k - ls <= 5;
        let right_proper = is_proper_run(toks, k + 1, e);
        let right_det =
            matches!(toks[k + 1].tag, "DT" | "PRP$" | "CD") || toks[k + 1].lower == "one";
        let left_det = matches!(toks[s].tag, "DT" | "PRP$" | "CD") || toks[s].lower == "one";
        let (name, desc) = if left_proper && right_det && !right_proper {
            ((ls, k), (k + 1, e))
        } else if right_proper && left_det && !left_proper {
            ((k + 1, e), (s, k))
        } else {
            continue;
        };
        res.push(Tuple {
            confidence: 0.55,
            relation: "be".to_string(),
            arg1: span_text(toks, name.0, name.1),
            args: vec![span_text(toks, desc.0, desc.1)],
        });
    }
    res
}

/// Base confidence of a possessive: the weakest kind. Most "X 's Y" are not written as tuples
/// by CaRB's gold (about a quarter of them matched one on dev), so they come after every other
/// kind but the list items.
const POSSESSIVE: f64 = 0.1;

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
        // "Ana 's brother Jan": the name is the brother (`titled`), not something Ana has.
        let common = (k + 1..e).position(|i| {
            matches!(toks[i].tag, "NN" | "NNS") && toks[i].text.chars().all(|c| c.is_lowercase())
        });
        if common.is_some_and(|c| (k + 1 + c..e).any(|i| matches!(toks[i].tag, "NNP" | "NNPS"))) {
            continue;
        }
        res.push(Tuple {
            confidence: POSSESSIVE,
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
        sentence_tuples(&words, PosModel::builtin(), Extractor::Grammar)
            .iter()
            .map(|t| format!("{} | {} | {}", t.arg1, t.relation, t.args.join(" | ")))
            .collect()
    }

    fn toks(s: &str) -> Vec<Tok> {
        let words: Vec<&str> = s.split(' ').collect();
        make_tokens(&words, &vec![None; words.len()], PosModel::builtin())
    }

    #[test]
    fn writes_the_sentence_back_exactly_with_tabbed_fields() {
        let line = "The committee approved the new budget in March .";
        let out = carb(&format!("{line}\n\n"), Extractor::Grammar);
        assert!(!out.is_empty());
        for l in out.lines() {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f[0], line);
            assert!(f[1].parse::<f64>().is_ok());
            assert!(f.len() >= 5, "{l}");
            assert!(f.iter().all(|x| !x.is_empty()));
        }
    }

    #[test]
    fn simple_clause_with_object_and_time() {
        let t = tuples("The committee approved the new budget in March .");
        assert!(
            t.contains(&"The committee | approved | the new budget | in March".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn reported_clause_gives_both_tuples() {
        let t = tuples("The mayor said that the bridge would reopen in June .");
        assert!(
            t.iter()
                .any(|x| x.starts_with("The mayor | said that | the bridge would reopen in June")),
            "{t:?}"
        );
        assert!(
            t.iter().any(|x| x.starts_with("the bridge | would reopen")),
            "{t:?}"
        );
    }

    #[test]
    fn spans_drop_edge_punctuation_and_keep_quotes_whole() {
        let k = toks("He called it `` a disaster '' , then left .");
        // "`` a disaster" followed by its closing quote: the quote is taken in.
        assert_eq!(span_text(&k, 3, 6), "`` a disaster ''");
        assert_eq!(span_text(&k, 3, 8), "`` a disaster ''");
        assert_eq!(span_text(&k, 7, 10), "then left");
    }

    #[test]
    fn lists_split_into_items_sharing_determiners() {
        let k = toks("the region 's farms and factories");
        assert_eq!(
            list_items(&k, 0, k.len()),
            vec!["the region 's farms", "the region 's factories"]
        );
        let k = toks("a series of storms and floods");
        assert_eq!(
            list_items(&k, 0, k.len()),
            vec!["a series of storms", "a series of floods"]
        );
        let k = toks("the Boston and Denver offices");
        assert!(list_items(&k, 0, k.len()).is_empty());
    }

    #[test]
    fn apposition_gives_an_is_tuple() {
        let k = toks("Maria Lopez , the new coach , arrived on Monday .");
        let t = apposition_tuples(&k);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].arg1, "Maria Lopez");
        assert_eq!(t[0].relation, "be");
        assert_eq!(t[0].args, vec!["the new coach".to_string()]);
        // A list is no apposition.
        let k = toks("They visited Paris , Rome and Vienna .");
        assert!(apposition_tuples(&k).is_empty());
    }

    #[test]
    fn a_sentence_read_as_verbless_is_read_again() {
        let t = tuples("The club consists of three teams .");
        assert!(
            t.iter().any(|x| x.starts_with("The club | consists")),
            "{t:?}"
        );
    }

    #[test]
    fn trailing_attribution_reports_what_comes_before() {
        let t = tuples("The plant will close next year , the company said .");
        assert!(
            t.iter()
                .any(|x| x == "the company | said | The plant will close next year"),
            "{t:?}"
        );
    }
}
