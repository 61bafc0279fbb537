//! CaRB tuples for examples given with "such as": "rare birds , such as the kite and the
//! osprey" gives rare birds | be such as | the kite, and one more tuple per further example,
//! as CaRB's gold writes them ("are such as"; the scorer matches `be` with any form of it).
//!
//! Read from the tags: the noun phrase that ends right before "such as" (or before the comma
//! that opens it), and the noun phrase after it, split into its items as the coordinated
//! objects are (`list_items`). Nothing is made when either side is missing or the noun before
//! is longer than [`MAX_SIDE`] tokens. One pass over the tokens.

use super::{list_items, np_back, span_text, Tuple};
use crate::claim::open::{np_at, Tok};

/// Base confidence of an example: implied, like the appositions.
const EXAMPLE: f64 = 0.3;
/// Longest noun before "such as", in tokens.
const MAX_SIDE: usize = 10;

/// The "X such as A , B and C" tuples of a sentence.
pub(super) fn such_as_tuples(toks: &[Tok]) -> Vec<Tuple> {
    let n = toks.len();
    let mut res = Vec::new();
    for k in 1..n.saturating_sub(2) {
        if toks[k].lower != "such" || toks[k + 1].lower != "as" {
            continue;
        }
        let before = if toks[k - 1].text == "," { k - 1 } else { k };
        let Some(s) = np_back(toks, before) else {
            continue;
        };
        if before - s > MAX_SIDE {
            continue;
        }
        let Some(e) = np_at(toks, k + 2, n) else {
            continue;
        };
        let arg1 = span_text(toks, s, before);
        let mut items = list_items(toks, k + 2, e);
        if items.is_empty() {
            items.push(span_text(toks, k + 2, e));
        }
        for item in items.into_iter().filter(|i| !i.is_empty()) {
            res.push(Tuple {
                confidence: EXAMPLE,
                relation: "be such as".to_string(),
                arg1: arg1.clone(),
                args: vec![item],
            });
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::open::make_tokens;
    use crate::pos::PosModel;

    fn pairs(s: &str) -> Vec<(String, String)> {
        let words: Vec<&str> = s.split(' ').collect();
        let toks = make_tokens(&words, &vec![None; words.len()], PosModel::builtin());
        such_as_tuples(&toks)
            .into_iter()
            .map(|t| (t.arg1, t.args.join(" ")))
            .collect()
    }

    #[test]
    fn one_tuple_per_example() {
        let p = pairs("The park is home to large birds , such as kites and ospreys .");
        assert_eq!(
            p,
            vec![
                ("large birds".to_string(), "kites".to_string()),
                ("large birds".to_string(), "ospreys".to_string())
            ]
        );
    }

    #[test]
    fn nothing_without_a_noun_before() {
        assert!(pairs("Such as it is , the plan stands .").is_empty());
    }
}
