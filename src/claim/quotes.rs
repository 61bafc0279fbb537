//! Quotations across sentences: which stretches of an article stand inside quotation marks,
//! and who speaks each.
//!
//! A sentence's own quote marks (`open::quote_mask`) miss a quotation that runs over several
//! sentences (`"The port is full. We turned ships away," the harbour master said.`: the first
//! sentence holds one unbalanced mark) and one that continues in the next paragraph (news
//! style leaves a quoted paragraph unclosed and opens the next with a quote mark). [`Quotes`]
//! pairs the marks of each paragraph of the whole article instead.
//!
//! A quotation's speaker is the one a clause inside it is reported by from outside it
//! (`..., Ana Ruiz said.`, `Ana Ruiz said: "..."`, `according to ...`). A quotation with no
//! speaker of its own continues the one before it, and takes its speaker, when nothing lies
//! between them but the speaker's own words: it continues it across a paragraph by the news
//! convention above, or it starts in the sentence where the previous one ends or in the
//! sentence right after it (`"...," Ruiz said. "More words."`). A sentence of narration in
//! between, or another named speaker, ends the chain.
//!
//! Invariants: a paragraph whose marks cannot be paired (an odd number of straight marks, a
//! closing mark with nothing open) gives no quotation at all, since which of its words are
//! quoted is then a guess; only `"`, `“` and `”` count (single quotes are apostrophes as often
//! as quote marks).

use std::collections::BTreeMap;

use super::Attribution;
use crate::text::Sentence;

/// One quotation: a byte range of the article.
#[derive(Clone, Debug)]
struct Segment {
    start: usize,
    end: usize,
    /// The first and last sentence the quotation touches.
    first_sentence: usize,
    last_sentence: usize,
    /// Whether it opens a paragraph after a paragraph that left a quotation open.
    continues: bool,
    /// Whether it is the first quotation of its paragraph.
    opens_paragraph: bool,
    /// Whether it opens its sentence (nothing but white space before it there).
    opens_sentence: bool,
    /// Whether the sentence before its first one is in the same paragraph.
    after_sentence_of_paragraph: bool,
    /// The index of its (first) paragraph.
    paragraph: usize,
    /// The index of the paragraph it ends in: its first, but for a quotation that runs on
    /// through paragraphs that open with no mark.
    last_paragraph: usize,
    /// Whether it is its paragraph's whole text (but for white space).
    whole_paragraph: bool,
    /// Whether its last sentence is its paragraph's last.
    ends_paragraph: bool,
    /// Its own speaker, when a clause inside it is reported from outside it.
    speaker: Option<Attribution>,
}

/// The quotations of one article, in text order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Quotes {
    segments: Vec<Segment>,
    /// The speaker of each sentence's reported speech outside quotation marks ("Ruiz said
    /// that ..."), `None` where two speakers report in one sentence.
    reported: BTreeMap<usize, Option<Attribution>>,
}

/// A quote mark and what it can do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' => Some(Mark::Open),
        '\u{201d}' => Some(Mark::Close),
        '"' => Some(Mark::Either),
        _ => None,
    }
}

/// The paragraphs of `text`: byte ranges separated by a blank line.
pub(crate) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let blank = |a: usize, b: usize| text.get(a..b).is_none_or(|p| p.trim().is_empty());
    let mut res = Vec::new();
    let mut start = 0;
    let mut newline: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if let Some(first) = newline {
                if !blank(start, first) {
                    res.push((start, first));
                }
                start = i + 1;
            }
            newline = Some(i);
        } else if !c.is_whitespace() {
            newline = None;
        }
    }
    if !blank(start, text.len()) {
        res.push((start, text.len()));
    }
    res
}

/// A paragraph's quotations (byte ranges), and where the one left open began.
type Paired = (Vec<(usize, usize)>, Option<usize>);

/// The quotations of one paragraph as byte ranges, and where the last one opened when it is
/// left open at the paragraph's end (it is then also the last range, ending with the
/// paragraph); `None` when the marks cannot be paired. `open_at` is where a quotation open
/// from an earlier paragraph began.
fn pair_marks(
    text: &str,
    (start, end): (usize, usize),
    mut open_at: Option<usize>,
) -> Option<Paired> {
    let mut res = Vec::new();
    let para = text.get(start..end)?;
    for (i, c) in para.char_indices() {
        let Some(m) = mark(c) else { continue };
        let at = start + i;
        match (m, open_at) {
            (Mark::Open, _) | (Mark::Either, None) => open_at = Some(at),
            (Mark::Close | Mark::Either, Some(o)) => {
                res.push((o, at + c.len_utf8()));
                open_at = None;
            }
            (Mark::Close, None) => return None,
        }
    }
    if let Some(o) = open_at {
        res.push((o, end));
        return Some((res, Some(o)));
    }
    Some((res, None))
}

/// The first quote mark of a paragraph.
fn first_mark(text: &str, (start, end): (usize, usize)) -> Option<Mark> {
    text.get(start..end)?.chars().find_map(mark)
}

/// Whether a quotation left open at the end of paragraph `pi` is closed by a later paragraph
/// that does not open with a mark, with only paragraphs without marks between them (at most
/// `MAX_RUN_ON` on): text cut into paragraphs inside a quotation ('He said "Prices rose.' /
/// 'Wages did not."').
fn closed_later(text: &str, paras: &[(usize, usize)], pi: usize) -> bool {
    for &para in paras.iter().skip(pi + 1).take(MAX_RUN_ON) {
        if opens_with_quote(text, para) {
            return false;
        }
        match first_mark(text, para) {
            None => continue,
            Some(Mark::Open) => return false,
            Some(Mark::Close | Mark::Either) => {
                return pair_marks(text, para, Some(para.0)).is_some_and(|(_, open)| open.is_none())
            }
        }
    }
    false
}

/// How many paragraphs after the one it opens in a quotation with no mark at their start may
/// run on to its closing mark.
const MAX_RUN_ON: usize = 3;

/// Whether a paragraph opens with a quote mark (after white space).
fn opens_with_quote(text: &str, (start, end): (usize, usize)) -> bool {
    text.get(start..end)
        .and_then(|p| p.trim_start().chars().next())
        .is_some_and(|c| matches!(mark(c), Some(Mark::Open | Mark::Either)))
}

/// Whether only white space stands between the start of the sentence holding byte `at` and
/// `at`.
fn opens_sentence(text: &str, sentences: &[Sentence], at: usize) -> bool {
    let Some(s) = sentences.get(sentence_at(sentences, at)) else {
        return false;
    };
    s.span.start >= at
        || text
            .get(s.span.start..at)
            .is_some_and(|p| p.trim().is_empty())
}

/// The index of the sentence holding byte `at` (the last one starting at or before it).
fn sentence_at(sentences: &[Sentence], at: usize) -> usize {
    sentences
        .partition_point(|s| s.span.start <= at)
        .saturating_sub(1)
}

impl Quotes {
    /// Pairs the quote marks of each paragraph of `text`.
    pub(crate) fn find(text: &str, sentences: &[Sentence]) -> Quotes {
        let paras = paragraphs(text);
        let mut segments: Vec<Segment> = Vec::new();
        let mut left_open = false;
        // A quotation running on into later paragraphs: where it opened, its first
        // paragraph, and whether that paragraph continued a quotation.
        let mut run_on: Option<(usize, usize, bool)> = None;
        for (pi, &para) in paras.iter().enumerate() {
            let continued = left_open && opens_with_quote(text, para);
            left_open = false;
            let carried = run_on.take();
            let Some((mut ranges, open)) = pair_marks(text, para, carried.map(|c| c.0)) else {
                continue;
            };
            // An unclosed quotation is the news convention only when the next paragraph
            // opens with a quote mark, or runs on to a later paragraph that closes it;
            // otherwise a mark is missing somewhere in it.
            let next_opens = paras
                .get(pi + 1)
                .is_some_and(|&next| opens_with_quote(text, next));
            if let (Some(o), false) = (open, next_opens) {
                if !closed_later(text, paras.as_slice(), pi) {
                    continue;
                }
                ranges.pop();
                let first = carried.unwrap_or((o, pi, continued && ranges.is_empty()));
                run_on = Some(first);
            }
            left_open = open.is_some() && next_opens;
            let first_para = carried.map_or(pi, |c| c.1);
            for (k, (start, end)) in ranges.into_iter().enumerate() {
                let starts_before = k == 0 && carried.is_some();
                let own_para = if starts_before { first_para } else { pi };
                let opening = paras.get(own_para).copied().unwrap_or(para);
                let first_sentence = sentence_at(sentences, start);
                let after_sentence_of_paragraph = first_sentence
                    .checked_sub(1)
                    .and_then(|p| sentences.get(p))
                    .is_some_and(|prev| prev.span.start >= opening.0);
                let whole_paragraph = text
                    .get(opening.0..start)
                    .is_some_and(|p| p.trim().is_empty())
                    && text.get(end..para.1).is_some_and(|p| p.trim().is_empty());
                let last_of_paragraph = sentence_at(sentences, para.1.saturating_sub(1));
                let first_of_its_paragraph = if starts_before {
                    paras.get(own_para).is_some_and(|&op| {
                        text.get(op.0..start)
                            .is_some_and(|p| !p.chars().any(|c| mark(c).is_some()))
                    })
                } else {
                    k == 0
                };
                segments.push(Segment {
                    start,
                    end,
                    first_sentence,
                    after_sentence_of_paragraph,
                    paragraph: own_para,
                    last_paragraph: pi,
                    whole_paragraph,
                    ends_paragraph: sentence_at(sentences, end.saturating_sub(1))
                        == last_of_paragraph,
                    last_sentence: sentence_at(sentences, end.saturating_sub(1)),
                    continues: if starts_before {
                        carried.is_some_and(|c| c.2)
                    } else {
                        k == 0 && continued
                    },
                    opens_paragraph: first_of_its_paragraph,
                    opens_sentence: opens_sentence(text, sentences, start),
                    speaker: None,
                });
            }
        }
        Quotes {
            segments,
            reported: BTreeMap::new(),
        }
    }

    /// The quotation holding byte `at`, if any.
    pub(crate) fn at(&self, at: usize) -> Option<usize> {
        let k = self.segments.partition_point(|s| s.start <= at);
        let k = k.checked_sub(1)?;
        (at < self.segments[k].end).then_some(k)
    }

    /// Records `speaker` as the speaker of quotation `seg`, unless it has one already.
    pub(crate) fn set_speaker(&mut self, seg: usize, speaker: &Attribution) {
        if let Some(s) = self.segments.get_mut(seg) {
            if s.speaker.is_none() {
                s.speaker = Some(speaker.clone());
            }
        }
    }

    /// Records `speaker` as reporting speech outside quotation marks in sentence `sentence`.
    pub(crate) fn set_sentence_speaker(&mut self, sentence: usize, speaker: &Attribution) {
        let entry = self
            .reported
            .entry(sentence)
            .or_insert_with(|| Some(speaker.clone()));
        if entry.as_ref().is_some_and(|s| s.text != speaker.text) {
            *entry = None;
        }
    }

    /// Records `speaker`, who reports nothing in sentence `sentence` starting at byte `at`
    /// ('"...." Ruiz said.'), as the speaker of a quotation that ends that sentence's
    /// predecessor with nothing but white space between them.
    pub(crate) fn set_tag_speaker(&mut self, text: &str, at: usize, speaker: &Attribution) {
        let k = self.segments.partition_point(|s| s.start < at);
        let Some(seg) = k.checked_sub(1) else {
            return;
        };
        let touches = self.segments.get(seg).is_some_and(|s| {
            s.end <= at && text.get(s.end..at).is_some_and(|p| p.trim().is_empty())
        });
        if touches {
            self.set_speaker(seg, speaker);
        }
    }

    /// Whether quotation `seg` continues the one before it.
    fn continues_previous(&self, seg: usize) -> bool {
        let (Some(prev), Some(this)) = (
            seg.checked_sub(1).and_then(|p| self.segments.get(p)),
            self.segments.get(seg),
        ) else {
            return false;
        };
        if this.continues {
            return true;
        }
        // A paragraph that is all quotation, right after a paragraph that ends with one
        // ('"...," Ruiz said.' then '"More words."'): the same speaker goes on.
        if this.opens_paragraph
            && this.whole_paragraph
            && prev.last_paragraph + 1 == this.paragraph
            && prev.ends_paragraph
        {
            return true;
        }
        // In the same paragraph, with no sentence of narration between them: in the sentence
        // where the previous one ends ('"...," Ruiz said, "and more."'), or opening the next
        // ('"...," Ruiz said. "More."'). A quoted phrase inside a sentence of narration
        // ('Critics called it "a gamble."') continues nothing.
        !this.opens_paragraph
            && (this.first_sentence == prev.last_sentence
                || (this.first_sentence == prev.last_sentence + 1 && this.opens_sentence))
    }

    /// The speaker of quotation `seg`: its own, or that of the quotation it continues; for
    /// the first quotation of a chain that opens a sentence, the one speaker of the sentence
    /// before in the paragraph ('Ruiz said prices rose. "Wages did not."').
    pub(crate) fn speaker(&self, seg: usize) -> Option<&Attribution> {
        let mut k = seg;
        loop {
            let s = self.segments.get(k)?;
            if let Some(sp) = &s.speaker {
                return Some(sp);
            }
            if !self.continues_previous(k) {
                break;
            }
            k = k.checked_sub(1)?;
        }
        let s = self.segments.get(k)?;
        if !(s.opens_sentence && s.after_sentence_of_paragraph) {
            return None;
        }
        self.reported
            .get(&s.first_sentence.checked_sub(1)?)?
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    fn quotes(text: &str) -> (Quotes, Vec<Sentence>) {
        let sentences = sentences(text);
        (Quotes::find(text, &sentences), sentences)
    }

    fn speaker(name: &str) -> Attribution {
        Attribution {
            text: name.to_string(),
            entity: None,
            name: None,
            kind: None,
            verb: "say".to_string(),
        }
    }

    fn quoted(text: &str, q: &Quotes, word: &str) -> Option<usize> {
        q.at(text.find(word).unwrap_or(usize::MAX))
    }

    #[test]
    fn a_quotation_over_two_sentences_is_one() {
        let text = "\"The dam is safe. We checked it twice,\" the engineer said. Rain fell.";
        let (q, _) = quotes(text);
        assert_eq!(quoted(text, &q, "dam"), Some(0));
        assert_eq!(quoted(text, &q, "checked"), Some(0));
        assert_eq!(quoted(text, &q, "engineer"), None);
        assert_eq!(quoted(text, &q, "Rain"), None);
    }

    #[test]
    fn a_continued_quotation_takes_the_speaker_until_narration() {
        let text = "\"Prices rose,\" Ana Ruiz said. \"Wages did not.\" The bank left rates alone. \
                    \"Nobody expected that.\"";
        let (mut q, _) = quotes(text);
        let first = quoted(text, &q, "Prices").unwrap_or(usize::MAX);
        q.set_speaker(first, &speaker("Ana Ruiz"));
        let wages = quoted(text, &q, "Wages").unwrap_or(usize::MAX);
        assert_eq!(q.speaker(wages).map(|s| s.text.as_str()), Some("Ana Ruiz"));
        // A sentence of narration ends the chain.
        let nobody = quoted(text, &q, "Nobody").unwrap_or(usize::MAX);
        assert!(q.speaker(nobody).is_none());
    }

    #[test]
    fn a_new_speaker_ends_the_chain() {
        let text = "\"Prices rose,\" Ana Ruiz said. \"They fell,\" Tomas Berg replied.";
        let (mut q, _) = quotes(text);
        q.set_speaker(0, &speaker("Ana Ruiz"));
        q.set_speaker(1, &speaker("Tomas Berg"));
        assert_eq!(q.speaker(1).map(|s| s.text.as_str()), Some("Tomas Berg"));
    }

    #[test]
    fn an_unclosed_paragraph_continues_in_the_next() {
        let text = "Ana Ruiz said: \"The mill will close. Forty people work there.\n\n\
                    \"We tried everything.\" The mill was old.\n\n\"A new paragraph.\"";
        let (mut q, _) = quotes(text);
        let first = quoted(text, &q, "mill").unwrap_or(usize::MAX);
        assert_eq!(quoted(text, &q, "Forty"), Some(first));
        q.set_speaker(first, &speaker("Ana Ruiz"));
        let tried = quoted(text, &q, "tried").unwrap_or(usize::MAX);
        assert_eq!(q.speaker(tried).map(|s| s.text.as_str()), Some("Ana Ruiz"));
        // A paragraph closed by narration does not continue into the next one.
        let new = quoted(text, &q, "new paragraph").unwrap_or(usize::MAX);
        assert!(q.speaker(new).is_none());
    }

    #[test]
    fn a_paragraph_all_quoted_goes_on_after_a_speakers_quotation() {
        let text = "\"The mill will close,\" Ana Ruiz said.\n\n\"We tried everything.\"";
        let (mut q, _) = quotes(text);
        q.set_speaker(0, &speaker("Ana Ruiz"));
        let tried = quoted(text, &q, "tried").unwrap_or(usize::MAX);
        assert_eq!(q.speaker(tried).map(|s| s.text.as_str()), Some("Ana Ruiz"));
    }

    #[test]
    fn a_tag_after_a_closed_quotation_gives_its_speaker() {
        let text = "\"The mill will close.\" Ana Ruiz said on Monday.";
        let (mut q, sentences) = quotes(text);
        let at = sentences.get(1).map_or(0, |s| s.span.start);
        q.set_tag_speaker(text, at, &speaker("Ana Ruiz"));
        assert_eq!(q.speaker(0).map(|s| s.text.as_str()), Some("Ana Ruiz"));
        // Narration between them: no speaker.
        let text = "\"The mill will close.\" Rain fell. Ana Ruiz said on Monday.";
        let (mut q, sentences) = quotes(text);
        let at = sentences.get(2).map_or(0, |s| s.span.start);
        q.set_tag_speaker(text, at, &speaker("Ana Ruiz"));
        assert!(q.speaker(0).is_none());
    }

    #[test]
    fn marks_that_cannot_be_paired_mark_nothing() {
        // An odd number of straight marks with no continuing paragraph.
        let text = "The mayor called it \"a plan. Then she left.";
        let (q, _) = quotes(text);
        assert_eq!(quoted(text, &q, "plan"), None);
        // A closing curly mark with nothing open.
        let text = "The plan\u{201d} failed. \u{201c}It was late,\u{201d} she said.";
        let (q, _) = quotes(text);
        assert_eq!(quoted(text, &q, "late"), None);
        // Curly marks pair as written.
        let text = "\u{201c}It was late,\u{201d} she said. \u{201c}Too late.\u{201d}";
        let (q, _) = quotes(text);
        assert_eq!(quoted(text, &q, "was"), Some(0));
        assert_eq!(quoted(text, &q, "Too"), Some(1));
        assert_eq!(quoted(text, &q, "she"), None);
    }
}
