//! Properties that hold for any input text: sentence spans are ordered, disjoint, on char
//! boundaries and inside the text; every mention's span slices the text to its `text`; claim
//! extraction never panics and its spans slice the text too.
//!
//! The pipeline is built once (loading the builtin gazetteer takes seconds in a debug build)
//! and the case counts are kept low for the same reason.

use std::sync::OnceLock;

use claimgraph::article::Article;
use claimgraph::pipeline::Pipeline;
use claimgraph::{claim, text, Gazetteer, Tagger};
use proptest::prelude::*;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let gazetteer = Gazetteer::builtin().expect("the builtin gazetteer loads");
        Pipeline::new(Tagger::new(gazetteer).expect("the builtin tagger builds"))
    })
}

/// Text that looks enough like news to reach the interesting paths: known names, titles,
/// quotes, stops, abbreviations, numbers and odd characters, in any order.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Poland",
        "Germany",
        "Ukraine's",
        "U.S.",
        "Mr.",
        "Kyiv",
        "the",
        "European Commission",
        "President",
        "Volodymyr Zelenskyy",
        "said",
        "did not",
        "would have to",
        "send",
        "600,000 troops",
        "€2.4 billion",
        "two million",
        "he",
        "it",
        "was approved by",
        ".",
        ",",
        "?",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "'s",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "-",
        "(",
        ")",
        "\u{200f}",
        "\u{200d}",
        "\u{301}",
        "\0",
        "é",
        "Ş",
        "日本",
        "🇺🇦",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|parts| {
        let mut res = String::new();
        for part in parts {
            res.push_str(part);
            res.push(' ');
        }
        res
    })
}

/// Arbitrary Unicode or news-like text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[ -~\n]{0,200}", newsish()]
}

fn check_span(text: &str, start: usize, end: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= text.len(),
        "{start}..{end} of {}",
        text.len()
    );
    prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn sentences_are_ordered_disjoint_and_inside_the_text(text in any_text()) {
        let sentences = text::sentences(&text);
        let mut prev_end = 0;
        for sentence in &sentences {
            let span = sentence.span;
            check_span(&text, span.start, span.end)?;
            prop_assert!(span.start >= prev_end, "overlap at {span:?}");
            prop_assert!(!span.is_empty());
            prev_end = span.end;
            let mut prev_token_end = span.start;
            for token in &sentence.tokens {
                check_span(&text, token.span.start, token.span.end)?;
                prop_assert!(span.contains(token.span), "token {:?} outside {span:?}", token.span);
                prop_assert!(token.span.start >= prev_token_end);
                prev_token_end = token.span.end;
            }
        }
        if text.trim().is_empty() {
            prop_assert!(sentences.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mentions_slice_the_text(text in any_text()) {
        let sentences = text::sentences(&text);
        let mentions = pipeline().tagger.tag(&text, &sentences);
        for m in &mentions {
            check_span(&text, m.span.start, m.span.end)?;
            prop_assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
            prop_assert!(m.sentence < sentences.len());
        }
    }

    #[test]
    fn claim_extraction_never_panics(text in any_text()) {
        let pipeline = pipeline();
        let article = Article::from_text("prop.txt", text.clone());
        let sentences = text::sentences(&text);
        let mentions = pipeline.tagger.tag(&text, &sentences);
        let claims = claim::extract(&article, &sentences, &mentions, pipeline.pos_model(), &pipeline.options);
        for c in &claims {
            check_span(&text, c.span.start, c.span.end)?;
            prop_assert_eq!(text.get(c.span.start..c.span.end), Some(c.evidence.as_str()));
            check_span(&text, c.subject.start, c.subject.end)?;
            check_span(&text, c.object.start, c.object.end)?;
            prop_assert!(c.sentence < sentences.len());
        }
    }
}
