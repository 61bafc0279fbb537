//! The gazetteer: curated and generated name lists (RON files) turned into validated
//! [`Entity`] values.
//!
//! Files are read in layers: the lists shipped in `gazetteer/`, first `generated/`, then
//! `cues/`, then the curated `news/` layer, then every directory given with `--gazetteer`. A
//! later entry with the same id replaces the earlier one; the same id with another type is an
//! error naming both files. The schema is documented in `gazetteer/README.md`. Raw serde
//! structs stay private to this module.
//!
//! The shipped lists are checked and loaded by `build.rs`, which shares `load.rs` (the schema
//! and the layering rule) and `names.rs` (the folded name table the tagger matches) with this
//! module, and compiled into the binary as a blob (`blob.rs`). So claimgraph runs from any
//! directory, a malformed shipped file fails the build, and startup decodes the blob instead
//! of parsing ~9.5 MB of RON and folding ~140,000 names. Analysts' directories are small and
//! parsed at run time, on top of the blob.

use std::fs;
use std::path::{Path, PathBuf};

mod blob;
pub mod given;
mod ids;
mod load;
mod names;
pub mod nations;
pub mod offices;

pub use load::{Entity, EntityKind, Gazetteer, GazetteerError, Layer, Text, RESERVED_PREFIXES};
pub use names::{FormKind, NameForm, NameTable};

/// The shipped lists, loaded, checked and encoded by `build.rs`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.blob"));

fn rayon_join(first: &mut (dyn FnMut() + Send), second: &mut (dyn FnMut() + Send)) {
    rayon::join(first, second);
}

impl Gazetteer {
    /// The lists shipped with claimgraph (compiled into the binary).
    ///
    /// # Errors
    ///
    /// Only when the compiled-in data is damaged, which a correct build never produces.
    pub fn builtin() -> Result<Gazetteer, GazetteerError> {
        Ok(blob::decode(BUILTIN, rayon_join)?)
    }

    /// The shipped lists, with their name table handed to `then` as soon as it is decoded,
    /// beside the decoding of the entities (see [`Gazetteer::take_name_table`] for the table;
    /// the gazetteer returned computes it afresh if asked). Work done in `then` is wasted
    /// when decoding fails.
    ///
    /// # Errors
    ///
    /// As [`Gazetteer::builtin`].
    pub fn builtin_then(
        then: &mut (dyn FnMut(NameTable) + Send),
    ) -> Result<Gazetteer, GazetteerError> {
        Ok(blob::decode_then(BUILTIN, rayon_join, then)?)
    }

    /// The shipped lists plus analysts' directories, in order.
    pub fn with_dirs(dirs: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
        let mut gaz = Gazetteer::builtin()?;
        for dir in dirs {
            gaz.add_dir(dir)?;
        }
        Ok(gaz)
    }

    /// Adds every `.ron` file under `dir` (recursively, sorted) as a user layer.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), GazetteerError> {
        if !dir.is_dir() {
            return Err(GazetteerError::NotADirectory {
                path: dir.to_path_buf(),
            });
        }
        // walkdir: symbolic links followed, a link loop ends its branch instead of the walk
        // going round it for ever.
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(dir).follow_links(true) {
            let entry = entry.map_err(|err| {
                let path = err.path().unwrap_or(dir).to_path_buf();
                let error = err.into_io_error().unwrap_or_else(|| {
                    std::io::Error::other("symbolic link loop; remove the link")
                });
                GazetteerError::Io { path, error }
            })?;
            let p = entry.path();
            if !entry.file_type().is_dir() && p.extension().and_then(|e| e.to_str()) == Some("ron")
            {
                files.push(entry.into_path());
            }
        }
        files.sort();
        for file in files {
            let text = fs::read_to_string(&file).map_err(|error| GazetteerError::Io {
                path: file.clone(),
                error,
            })?;
            self.add_source(&file.display().to_string(), &text, Layer::User)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    const SAMPLE: &str = r#"(
        source: "test",
        license: "CC0-1.0",
        entries: [
            (id: "place:ukraine", type: place, name: "Ukraine", demonyms: ["Ukrainian"],
             xref: {"wikidata": "Q212"}, country: "UA", population: 41000000),
            (id: "person:x", type: person, name: "Xavier Example", aliases: ["X. Example"]),
        ],
    )"#;

    #[test]
    fn loads_entries_with_optional_fields() {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("t.ron", SAMPLE, Layer::User).unwrap();
        let ukraine = gaz.get("place:ukraine").unwrap();
        assert_eq!(ukraine.kind, EntityKind::Place);
        assert_eq!(ukraine.country.as_deref(), Some("UA"));
        assert_eq!(ukraine.population, Some(41_000_000));
        assert_eq!(ukraine.demonyms, vec!["Ukrainian"]);
        assert_eq!(gaz.n_names(), 4);
    }

    #[test]
    fn syntax_error_names_file_line_and_column() {
        let bad = "(\n  entries: [\n    (id: \"a\", type: plaice, name: \"A\"),\n  ],\n)";
        let err = Gazetteer::empty()
            .add_source("bad.ron", bad, Layer::User)
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("bad.ron:3:"), "{msg}");
        assert!(msg.contains("plaice"), "{msg}");
    }

    #[test]
    fn same_id_other_type_names_both_files() {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("a.ron", SAMPLE, Layer::Curated).unwrap();
        let clash =
            r#"(entries: [(id: "place:ukraine", type: organisation, name: "Ukraine Inc")])"#;
        let err = gaz.add_source("b.ron", clash, Layer::User).unwrap_err();
        assert_eq!(
            err.to_string(),
            "id \"place:ukraine\" is a place in a.ron but an organisation in b.ron; give one of \
             them another id"
        );
    }

    #[test]
    fn same_id_same_type_overrides() {
        let mut gaz = Gazetteer::empty();
        gaz.add_source("a.ron", SAMPLE, Layer::Curated).unwrap();
        let over = r#"(entries: [(id: "place:ukraine", type: place, name: "Ukraina")])"#;
        gaz.add_source("b.ron", over, Layer::User).unwrap();
        assert_eq!(gaz.get("place:ukraine").unwrap().name, "Ukraina");
        assert_eq!(gaz.len(), 2);
    }

    #[test]
    fn bad_ids_are_rejected() {
        let bad = r#"(entries: [(id: "Place Ukraine", type: place, name: "U")])"#;
        assert!(Gazetteer::empty()
            .add_source("c.ron", bad, Layer::User)
            .is_err());
    }

    #[test]
    fn builtin_loads() {
        let gaz = Gazetteer::builtin().unwrap();
        assert!(gaz.get("place:ukraine").is_some());
        assert!(gaz.is_given_name("Aaron"));
        assert!(gaz
            .files()
            .iter()
            .any(|f| f == "gazetteer/news/countries.ron"));
        assert_eq!(
            &*gaz.get("place:ukraine").unwrap().file,
            "gazetteer/news/countries.ron"
        );
        // Display names are English; the native name is an alias (issue 14).
        let bavaria = gaz.get("iso3166-2:de-by").unwrap();
        assert_eq!(bavaria.name, "Bavaria");
        assert!(bavaria.aliases.iter().any(|a| a == "Bayern"));
    }

    /// The table folded by `build.rs` is the one the library folds (same `fold.rs`, same
    /// unicode-normalization, same pattern order). `user_layer_on_top_of_blob` checks layers.
    #[test]
    fn builtin_name_table_matches_runtime_folding() {
        let mut gaz = Gazetteer::builtin().unwrap();
        let fresh = NameTable::of_entities(gaz.entities());
        assert!(fresh.patterns.len() > 100_000, "{}", fresh.patterns.len());
        assert!(gaz.take_name_table() == fresh);
    }

    /// A name table keyed by pattern: the order of patterns carries no meaning.
    fn by_pattern(table: NameTable) -> BTreeMap<String, Vec<NameForm>> {
        table
            .patterns
            .into_iter()
            .map(String::from)
            .zip(table.forms)
            .collect()
    }

    /// A gazetteer as `Gazetteer::builtin` would make it from `files`.
    fn via_blob(files: &[(&str, &str)]) -> Gazetteer {
        let mut base = Gazetteer::empty();
        for (path, text) in files {
            base.add_source(path, text, Layer::Curated).unwrap();
        }
        let table = NameTable::of_entities(base.entities());
        // The entities borrow from the blob, as the built-in ones do from the binary's.
        let blob = Box::leak(blob::encode(&base, &table).unwrap().into_boxed_slice());
        blob::decode(blob, blob::join_serial).unwrap()
    }

    const USER: &str = r#"(entries: [
        (id: "place:ukraine", type: place, name: "Ukraina", aliases: ["Ukraine"], exact_case: ["UKR"]),
        (id: "person:x", type: person, name: "Xavier Example"),
        (id: "org:x", type: organisation, name: "X. Example", aliases: ["Ukrainian"]),
    ])"#;

    #[test]
    fn user_layer_on_top_of_blob() {
        let mut layered = via_blob(&[("a.ron", SAMPLE)]);
        let mut plain = Gazetteer::empty();
        plain.add_source("a.ron", SAMPLE, Layer::Curated).unwrap();
        for gaz in [&mut layered, &mut plain] {
            gaz.add_source("user.ron", USER, Layer::User).unwrap();
        }
        assert_eq!(layered.entities(), plain.entities());
        assert_eq!(layered.get("place:ukraine").unwrap().layer, Layer::User);
        assert_eq!(layered.len(), 3);
        let table = by_pattern(layered.take_name_table());
        assert_eq!(table, by_pattern(plain.take_name_table()));
        let entity_of = |pattern: &str| -> Vec<(&str, FormKind)> {
            table
                .get(pattern)
                .map(|forms| {
                    forms
                        .iter()
                        .map(|f| (layered.entities()[f.entity as usize].id.as_str(), f.kind))
                        .collect()
                })
                .unwrap_or_default()
        };
        // The replaced entry's old forms are gone ("x. example" now names only org:x) ...
        assert_eq!(entity_of("x. example"), vec![("org:x", FormKind::Name)]);
        // ... its new ones are in, and a form two entries share lists both, in entry order.
        assert_eq!(
            entity_of("ukraina"),
            vec![("place:ukraine", FormKind::Name)]
        );
        assert_eq!(entity_of("ukr"), vec![("place:ukraine", FormKind::Alias)]);
        assert_eq!(
            entity_of("ukrainian"),
            vec![("org:x", FormKind::Alias)],
            "the demonym left with the replaced entry"
        );
        assert_eq!(
            entity_of("xavier example"),
            vec![("person:x", FormKind::Name)]
        );
    }

    #[test]
    fn user_layer_type_clash_on_top_of_blob_names_both_files() {
        let mut gaz = via_blob(&[("a.ron", SAMPLE)]);
        let clash =
            r#"(entries: [(id: "place:ukraine", type: organisation, name: "Ukraine Inc")])"#;
        let err = gaz.add_source("b.ron", clash, Layer::User).unwrap_err();
        assert_eq!(
            err.to_string(),
            "id \"place:ukraine\" is a place in a.ron but an organisation in b.ron; give one of them another id"
        );
    }
}
