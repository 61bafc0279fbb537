//! Indexes that let the tagger's rules look a mention or a span up in constant time.
//!
//! The rules ask, for each capitalised run, "is there a place starting here?" or "was this
//! span absorbed?". Answered by scanning every mention found so far, one long article costs
//! time quadratic in its length; these indexes keep it linear. Each answer is the one the scan
//! would give: the first matching mention in the original order.

use super::{FastMap, FastSet, Mention};
use crate::gazetteer::EntityKind;
use crate::text::Span;

/// Place mentions of a slice, by the byte where each starts and where each ends.
pub(super) struct Places<'a> {
    mentions: &'a [Mention],
    by_start: FastMap<usize, Vec<usize>>,
    by_end: FastMap<usize, Vec<usize>>,
}

impl<'a> Places<'a> {
    /// Indexes the place mentions of `mentions` (all rules, demonyms included).
    pub(super) fn new(mentions: &'a [Mention]) -> Places<'a> {
        let mut by_start: FastMap<usize, Vec<usize>> = FastMap::default();
        let mut by_end: FastMap<usize, Vec<usize>> = FastMap::default();
        for (i, m) in mentions.iter().enumerate() {
            if m.kind == EntityKind::Place {
                by_start.entry(m.span.start).or_default().push(i);
                by_end.entry(m.span.end).or_default().push(i);
            }
        }
        Places {
            mentions,
            by_start,
            by_end,
        }
    }

    /// The first place (in the slice's order) that starts at byte `start` and that `keep`
    /// accepts.
    pub(super) fn starting_at(
        &self,
        start: usize,
        keep: impl Fn(&Mention) -> bool,
    ) -> Option<&'a Mention> {
        self.first(self.by_start.get(&start), keep)
    }

    /// The first place (in the slice's order) that ends at byte `end` and that `keep` accepts.
    pub(super) fn ending_at(
        &self,
        end: usize,
        keep: impl Fn(&Mention) -> bool,
    ) -> Option<&'a Mention> {
        self.first(self.by_end.get(&end), keep)
    }

    fn first(
        &self,
        indices: Option<&Vec<usize>>,
        keep: impl Fn(&Mention) -> bool,
    ) -> Option<&'a Mention> {
        let mentions = self.mentions;
        indices?
            .iter()
            .filter_map(|&i| mentions.get(i))
            .find(|m| keep(m))
    }
}

/// Spans in the order they were added, with a set for membership tests.
#[derive(Default)]
pub(super) struct SpanList {
    order: Vec<Span>,
    set: FastSet<Span>,
}

impl SpanList {
    pub(super) fn push(&mut self, span: Span) {
        self.order.push(span);
        self.set.insert(span);
    }

    pub(super) fn contains(&self, span: &Span) -> bool {
        self.set.contains(span)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub(super) fn into_vec(self) -> Vec<Span> {
        self.order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Rule;

    fn mention(start: usize, end: usize, kind: EntityKind, entity: &str) -> Mention {
        Mention {
            span: Span::new(start, end),
            sentence: 0,
            text: String::new(),
            entity: entity.to_string(),
            name: String::new(),
            kind,
            rule: Rule::GazetteerName,
            confidence: 1.0,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn places_answer_as_a_scan_would() {
        let found = vec![
            mention(0, 5, EntityKind::Person, "person:a"),
            mention(0, 5, EntityKind::Place, "place:b"),
            mention(0, 9, EntityKind::Place, "place:c"),
            mention(7, 9, EntityKind::Place, "place:d"),
        ];
        let places = Places::new(&found);
        let at = |s| places.starting_at(s, |_| true).map(|m| m.entity.as_str());
        assert_eq!(at(0), Some("place:b"));
        assert_eq!(at(7), Some("place:d"));
        assert_eq!(at(5), None);
        let wide = places.starting_at(0, |m| m.span.end == 9);
        assert_eq!(wide.map(|m| m.entity.as_str()), Some("place:c"));
        let ends = places.ending_at(9, |_| true).map(|m| m.entity.as_str());
        assert_eq!(ends, Some("place:c"));
        assert!(places.ending_at(5, |m| m.entity == "place:x").is_none());
    }

    #[test]
    fn span_list_keeps_order_and_answers_membership() {
        let mut list = SpanList::default();
        assert!(list.is_empty());
        list.push(Span::new(4, 6));
        list.push(Span::new(1, 2));
        assert!(list.contains(&Span::new(1, 2)));
        assert!(!list.contains(&Span::new(1, 3)));
        assert_eq!(list.into_vec(), vec![Span::new(4, 6), Span::new(1, 2)]);
    }
}
