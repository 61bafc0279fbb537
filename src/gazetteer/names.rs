//! The name table: every listed form of every entry (name, aliases, demonyms, `exact_case`
//! forms), folded for matching and grouped by folded form, as the tagger matches them.
//!
//! Folding ~140,000 names takes longer than the rest of startup, so `build.rs` computes the
//! table of the shipped lists at build time (this file is shared with it through `#[path]`).
//! Entries that analysts' layers replace or add later are recorded, and
//! [`Gazetteer::take_name_table`] brings the precomputed table up to date for just those.
//! Either way the table is the one [`NameTable::of_entities`] computes from scratch, up to the
//! order of the patterns.

use std::collections::{HashMap, HashSet};

use super::load::{Entity, Gazetteer, Text};
use crate::fold::fold_name;

/// How a form names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    Name,
    Alias,
    Demonym,
}

/// One entity a folded pattern can stand for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameForm {
    /// Index of the entity in [`Gazetteer::entities`].
    pub entity: u32,
    /// The strongest reading among the entity's forms that fold to this pattern.
    pub kind: FormKind,
    /// Some: the original text must equal this exactly (an `exact_case` form).
    pub exact: Option<Box<str>>,
    /// The listed form starts with a capital, so the text must too.
    pub capital: bool,
}

/// Distinct folded forms and, for each, the entities it can stand for.
///
/// Only forms with a letter are listed. `forms[i]` belongs to `patterns[i]`, is sorted by
/// entity index, and holds one [`NameForm`] per entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameTable {
    /// Borrowed from the compiled-in blob for the built-in lists.
    pub patterns: Vec<Text>,
    pub forms: Vec<Vec<NameForm>>,
}

/// A name table computed earlier (at build time), and the entities changed since.
#[derive(Clone, Debug)]
pub(crate) struct PrecomputedNames {
    pub(crate) table: NameTable,
    /// Indices of entities replaced or added after `table` was computed, in any order.
    pub(crate) changed: Vec<usize>,
}

impl Gazetteer {
    /// The name table of the current entries.
    ///
    /// This takes the table precomputed for the built-in lists out of the gazetteer (updated
    /// for entries replaced or added since); a second call, or a gazetteer without one,
    /// computes the table from scratch.
    pub fn take_name_table(&mut self) -> NameTable {
        match self.names.take() {
            Some(PrecomputedNames { mut table, changed }) => {
                table.update(&self.entities, &changed);
                table
            }
            None => NameTable::of_entities(&self.entities),
        }
    }
}

impl NameTable {
    /// The table of `entities`: patterns in order of first appearance.
    pub fn of_entities(entities: &[Entity]) -> NameTable {
        let mut res = NameTable::default();
        let mut slots: HashMap<String, usize> = HashMap::new();
        for (entity_idx, entity) in entities.iter().enumerate() {
            res.add_entity(entity_idx as u32, entity, &mut slots);
        }
        res
    }

    /// Brings the table up to date after the entities at indices `changed` were replaced or
    /// added: their old forms go, their new forms come in (new patterns at the end), and
    /// patterns that no entity has any more are dropped.
    fn update(&mut self, entities: &[Entity], changed: &[usize]) {
        if changed.is_empty() {
            return;
        }
        let mut is_changed = vec![false; entities.len()];
        for &idx in changed {
            if let Some(flag) = is_changed.get_mut(idx) {
                *flag = true;
            }
        }
        for list in &mut self.forms {
            list.retain(|f| !is_changed.get(f.entity as usize).copied().unwrap_or(true));
        }
        let mut slots: HashMap<String, usize> = self
            .patterns
            .iter()
            .enumerate()
            .map(|(slot, pattern)| (pattern.to_string(), slot))
            .collect();
        for (entity_idx, entity) in entities.iter().enumerate() {
            if is_changed.get(entity_idx).copied().unwrap_or(false) {
                self.add_entity(entity_idx as u32, entity, &mut slots);
            }
        }
        let patterns = std::mem::take(&mut self.patterns);
        let forms = std::mem::take(&mut self.forms);
        for (pattern, list) in patterns.into_iter().zip(forms) {
            if !list.is_empty() {
                self.patterns.push(pattern);
                self.forms.push(list);
            }
        }
    }

    fn add_entity(&mut self, entity_idx: u32, entity: &Entity, slots: &mut HashMap<String, usize>) {
        // A set, so that an entity with many forms and many `exact_case` forms stays linear.
        let exact_case: HashSet<&str> = entity.exact_case.iter().map(Text::as_str).collect();
        for (form, kind) in forms_of(entity) {
            let folded = fold_name(form);
            if !folded.chars().any(char::is_alphabetic) {
                continue;
            }
            let exact = exact_case.contains(form).then(|| Box::<str>::from(form));
            let capital = form
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            let slot = match slots.get(folded.as_str()) {
                Some(&slot) => slot,
                None => {
                    let slot = self.patterns.len();
                    slots.insert(folded.clone(), slot);
                    self.patterns.push(Text::from(folded));
                    self.forms.push(Vec::new());
                    slot
                }
            };
            let Some(list) = self.forms.get_mut(slot) else {
                continue;
            };
            let at = list.partition_point(|f| f.entity < entity_idx);
            if let Some(existing) = list.get_mut(at).filter(|f| f.entity == entity_idx) {
                // Keep the strongest reading of this form for this entity.
                if existing.exact.is_some() && exact.is_none() {
                    existing.exact = None;
                }
                if kind == FormKind::Name {
                    existing.kind = kind;
                }
                continue;
            }
            list.insert(
                at,
                NameForm {
                    entity: entity_idx,
                    kind,
                    exact,
                    capital,
                },
            );
        }
    }
}

/// An entity's forms in table order: name, aliases, demonyms, then `exact_case` forms.
fn forms_of(entity: &Entity) -> impl Iterator<Item = (&str, FormKind)> {
    std::iter::once((entity.name.as_str(), FormKind::Name))
        .chain(entity.aliases.iter().map(|a| (a.as_str(), FormKind::Alias)))
        .chain(
            entity
                .demonyms
                .iter()
                .map(|a| (a.as_str(), FormKind::Demonym)),
        )
        .chain(
            entity
                .exact_case
                .iter()
                .map(|a| (a.as_str(), FormKind::Alias)),
        )
}
