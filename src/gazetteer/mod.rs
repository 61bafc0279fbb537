//! The gazetteer: curated and generated name lists (RON files) turned into validated
//! [`Entity`] values.
//!
//! Files are read in layers: the lists shipped in `gazetteer/` (compiled into the binary, so
//! the tool runs from any directory), first `generated/`, then the curated `news/` layer, then
//! every directory given with `--gazetteer`. A later entry with the same id replaces the earlier
//! one; the same id with another type is an error naming both files. The schema is documented
//! in `gazetteer/README.md`. Raw serde structs stay private to this module.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_gazetteer.rs"));
}

/// The three kinds of entity claimgraph tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
        }
    }

    /// Parses `person`, `place`, `organisation` and the usual short forms.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => Some(EntityKind::Person),
            "place" | "loc" | "location" | "gpe" => Some(EntityKind::Place),
            "organisation" | "organization" | "org" => Some(EntityKind::Organisation),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which layer an entry comes from; later layers win ties in disambiguation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    Generated,
    Curated,
    User,
}

/// A validated gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub xref: BTreeMap<String, String>,
    pub country: Option<String>,
    pub parent: Option<String>,
    pub population: Option<u64>,
    /// Names and aliases that only match with exactly this case.
    pub exact_case: Vec<String>,
    pub layer: Layer,
    /// The file this entry came from (for error messages).
    pub file: String,
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{path}: cannot read gazetteer: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax {
        path: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{path}: entry {id:?}: {message}")]
    Invalid {
        path: String,
        id: String,
        message: String,
    },
    #[error(
        "id {id:?} is a {first_kind} in {first_path} but a {second_kind} in {second_path}; give one of them another id"
    )]
    TypeClash {
        id: String,
        first_kind: EntityKind,
        first_path: String,
        second_kind: EntityKind,
        second_path: String,
    },
    #[error("{path}: not a gazetteer directory (no such directory)")]
    NotADirectory { path: PathBuf },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    #[allow(dead_code, reason = "documentation field of the file format")]
    source: Option<String>,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation field of the file format")]
    license: Option<String>,
    #[serde(default)]
    entries: Vec<RawEntry>,
    /// Cue lists (`cues/given_names.ron`) hold names instead of entries.
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    xref: BTreeMap<String, String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    population: Option<u64>,
    #[serde(default)]
    exact_case: Vec<String>,
}

/// The loaded gazetteer.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    given_names: HashSet<String>,
    files: Vec<String>,
}

fn parse_file(path: &str, text: &str) -> Result<RawFile, GazetteerError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str::<RawFile>(text)
        .map_err(|err| GazetteerError::Syntax {
            path: path.to_string(),
            line: err.position.line,
            col: err.position.col,
            message: err.code.to_string(),
        })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b':' | b'.' | b'_' | b'-')
        })
}

impl Gazetteer {
    /// An empty gazetteer (tests, or `--no-default-gazetteer`).
    pub fn empty() -> Gazetteer {
        Gazetteer::default()
    }

    /// The lists shipped with claimgraph (compiled into the binary).
    pub fn builtin() -> Result<Gazetteer, GazetteerError> {
        let mut gaz = Gazetteer::empty();
        for (path, text) in embedded::FILES {
            let layer = if path.contains("/generated/") {
                Layer::Generated
            } else {
                Layer::Curated
            };
            gaz.add_source(path, text, layer)?;
        }
        Ok(gaz)
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
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = fs::read_dir(&d).map_err(|source| GazetteerError::Io {
                path: d.clone(),
                source,
            })?;
            for entry in entries.flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().and_then(|e| e.to_str()) == Some("ron") {
                    files.push(p);
                }
            }
        }
        files.sort();
        for file in files {
            let text = fs::read_to_string(&file).map_err(|source| GazetteerError::Io {
                path: file.clone(),
                source,
            })?;
            self.add_source(&file.display().to_string(), &text, Layer::User)?;
        }
        Ok(())
    }

    /// Parses one RON file's text and adds its entries.
    pub fn add_source(&mut self, path: &str, text: &str, layer: Layer) -> Result<(), GazetteerError> {
        let raw = parse_file(path, text)?;
        self.files.push(path.to_string());
        for name in raw.names {
            let name = name.trim();
            if !name.is_empty() {
                self.given_names.insert(name.to_string());
            }
        }
        for entry in raw.entries {
            self.add_entry(path, entry, layer)?;
        }
        Ok(())
    }

    fn add_entry(&mut self, path: &str, raw: RawEntry, layer: Layer) -> Result<(), GazetteerError> {
        if !valid_id(&raw.id) {
            return Err(GazetteerError::Invalid {
                path: path.to_string(),
                id: raw.id,
                message: "ids are lowercase ASCII letters, digits and `:._-`".to_string(),
            });
        }
        if raw.name.trim().is_empty() {
            return Err(GazetteerError::Invalid {
                path: path.to_string(),
                id: raw.id,
                message: "empty name".to_string(),
            });
        }
        let clean = |v: Vec<String>| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for s in v {
                let s = s.trim().to_string();
                if !s.is_empty() && !out.contains(&s) {
                    out.push(s);
                }
            }
            out
        };
        let entity = Entity {
            id: raw.id,
            kind: raw.kind,
            name: raw.name.trim().to_string(),
            aliases: clean(raw.aliases),
            demonyms: clean(raw.demonyms),
            xref: raw.xref,
            country: raw.country,
            parent: raw.parent,
            population: raw.population,
            exact_case: clean(raw.exact_case),
            layer,
            file: path.to_string(),
        };
        match self.by_id.get(&entity.id) {
            Some(&idx) => {
                let old = &self.entities[idx];
                if old.kind != entity.kind {
                    return Err(GazetteerError::TypeClash {
                        id: entity.id,
                        first_kind: old.kind,
                        first_path: old.file.clone(),
                        second_kind: entity.kind,
                        second_path: path.to_string(),
                    });
                }
                self.entities[idx] = entity;
            }
            None => {
                self.by_id.insert(entity.id.clone(), self.entities.len());
                self.entities.push(entity);
            }
        }
        Ok(())
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).and_then(|&i| self.entities.get(i))
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    pub fn n_given_names(&self) -> usize {
        self.given_names.len()
    }

    /// Files read, in order.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// Number of distinct names (canonical names, aliases and demonyms) over all entries.
    pub fn n_names(&self) -> usize {
        self.entities
            .iter()
            .map(|e| 1 + e.aliases.len() + e.demonyms.len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
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
        let clash = r#"(entries: [(id: "place:ukraine", type: organisation, name: "Ukraine Inc")])"#;
        let err = gaz.add_source("b.ron", clash, Layer::User).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("a.ron") && msg.contains("b.ron"), "{msg}");
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
    }
}
