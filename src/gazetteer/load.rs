//! Gazetteer entries: the RON schema (private serde `Raw*` structs), validation, and the
//! layering rule (a later entry with the same id replaces the earlier one; the same id with
//! another type is an error naming both files). Within one file an id may appear once (a
//! second entry is an error naming both lines), and ids may not start with a prefix the graph
//! uses for its own nodes ([`RESERVED_PREFIXES`]).
//!
//! `build.rs` includes this file (with `#[path]`) to check and load the shipped lists at build
//! time, so the build rejects exactly what the runtime loader rejects. It must therefore touch
//! no files and use nothing of the crate but its sibling `names` module.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use serde::Deserialize;

use super::ids::IdIndex;
use super::names::PrecomputedNames;

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

    /// The name with its indefinite article, for messages: "a person", "an organisation".
    pub fn with_article(self) -> &'static str {
        match self {
            EntityKind::Person => "a person",
            EntityKind::Place => "a place",
            EntityKind::Organisation => "an organisation",
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

/// A string of an entry: borrowed from the blob compiled into the binary for the shipped
/// lists (so that start-up allocates nothing per string), owned for the analysts' RON files.
/// It reads as a `&str`: [`Text::as_str`], `&*text`, or `&text` where a `&str` is expected;
/// it compares, orders and hashes as its string.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    /// A string of the compiled-in blob, borrowed.
    pub const fn borrowed(s: &'static str) -> Text {
        Text(Cow::Borrowed(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<[u8]> for Text {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Cow::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Cow::Owned(s.to_string()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.into_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

/// A validated gazetteer entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: Text,
    pub kind: EntityKind,
    pub name: Text,
    pub aliases: Vec<Text>,
    pub demonyms: Vec<Text>,
    pub xref: BTreeMap<Text, Text>,
    pub country: Option<Text>,
    pub parent: Option<Text>,
    pub population: Option<u64>,
    /// Names and aliases that only match with exactly this case.
    pub exact_case: Vec<Text>,
    pub layer: Layer,
    /// The file this entry came from (for error messages), shared by the file's entries.
    pub file: Arc<str>,
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    // The OS error is in the message and deliberately not a `source`, so that a chain printed
    // with `{:#}` shows it once.
    #[error("{path}: cannot read gazetteer: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
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
        "id {id:?} is {} in {first_path} but {} in {second_path}; give one of them another id",
        first_kind.with_article(),
        second_kind.with_article()
    )]
    TypeClash {
        id: String,
        first_kind: EntityKind,
        first_path: String,
        second_kind: EntityKind,
        second_path: String,
    },
    #[error("{path}{}: id {id:?} starts with {prefix:?}, which claimgraph keeps for its own nodes; give the entry another id", at.suffix())]
    ReservedId {
        path: String,
        at: EntryAt,
        id: String,
        prefix: &'static str,
    },
    #[error("{path}{}: id {id:?} is already used at {first} of this file; give one of them another id or merge them", second.suffix())]
    DuplicateId {
        path: String,
        id: String,
        first: EntryAt,
        second: EntryAt,
    },
    #[error("{path}: not a gazetteer directory (no such directory)")]
    NotADirectory { path: PathBuf },
    #[error(
        "the built-in gazetteer is corrupt at byte {offset}: {what}; rebuild claimgraph (cargo build --release)"
    )]
    Corrupt { offset: usize, what: &'static str },
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

/// The given names of the cue lists, asked for every capitalised word of every article:
/// hashed with FNV-1a, much cheaper than `std`'s SipHash on short words (our own lists, not
/// adversarial input).
pub(crate) type GivenNames = HashSet<String, std::hash::BuildHasherDefault<crate::hash::Fnv>>;

/// The loaded gazetteer.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub(crate) entities: Vec<Entity>,
    pub(crate) by_id: IdIndex,
    pub(crate) given_names: GivenNames,
    pub(crate) files: Vec<String>,
    /// The name table of the built-in lists, computed at build time, and the entities
    /// replaced or added since (see [`Gazetteer::take_name_table`]).
    pub(crate) names: Option<PrecomputedNames>,
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

/// Where an entry is in its file: the line of its `id` field, or its number when the lines
/// could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryAt {
    Line(usize),
    Entry(usize),
}

impl EntryAt {
    /// What follows the path in a message: `:12`, or ` (entry 3)`.
    fn suffix(self) -> String {
        match self {
            EntryAt::Line(n) => format!(":{n}"),
            EntryAt::Entry(n) => format!(" (entry {n})"),
        }
    }
}

impl std::fmt::Display for EntryAt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EntryAt::Line(n) => write!(f, "line {n}"),
            EntryAt::Entry(n) => write!(f, "entry {n}"),
        }
    }
}

/// Id prefixes of nodes that are not gazetteer entities: article nodes in every export
/// (`article:`), value nodes (`value:`, the graph's `VALUE_PREFIX`) and the legend of the DOT
/// export (`legend:`). An entity with such an id would share a node id with one of them.
pub const RESERVED_PREFIXES: &[&str] = &["article:", "value:", "legend:"];

/// The line (1-based) of each entry's `id: "..."` field, in file order: found by scanning the
/// text outside strings and comments, since the RON parser gives no positions for values.
/// Empty when the scan does not find one per entry (then errors give entry numbers).
fn id_lines(text: &str, n_entries: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let (mut res, mut line, mut i) = (Vec::new(), 1, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'"' => {
                // Skip the string, counting its lines.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    line += usize::from(bytes[i] == b'\n');
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'i' if is_id_field(bytes, i) => res.push(line),
            _ => {}
        }
        i += 1;
    }
    if res.len() == n_entries {
        res
    } else {
        Vec::new()
    }
}

/// Is `bytes[at..]` the field name `id` followed by `:` (not part of a longer name)?
fn is_id_field(bytes: &[u8], at: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let before_ok = at == 0 || !word(bytes[at - 1]);
    let Some(rest) = bytes.get(at..) else {
        return false;
    };
    let Some(after) = rest.strip_prefix(b"id") else {
        return false;
    };
    let after = after.trim_ascii_start();
    before_ok && after.first() == Some(&b':') && !rest.get(2).is_some_and(|&b| word(b))
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

    /// Parses one RON file's text and adds its entries.
    pub fn add_source(
        &mut self,
        path: &str,
        text: &str,
        layer: Layer,
    ) -> Result<(), GazetteerError> {
        let raw = parse_file(path, text)?;
        self.files.push(path.to_string());
        for name in raw.names {
            let name = name.trim();
            if !name.is_empty() {
                self.given_names.insert(name.to_string());
            }
        }
        let lines = id_lines(text, raw.entries.len());
        let line_of = |k: usize| match lines.get(k) {
            Some(&line) => EntryAt::Line(line),
            None => EntryAt::Entry(k + 1),
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, entry) in raw.entries.iter().enumerate() {
            if let Some(prefix) = RESERVED_PREFIXES.iter().find(|p| entry.id.starts_with(*p)) {
                return Err(GazetteerError::ReservedId {
                    path: path.to_string(),
                    at: line_of(k),
                    id: entry.id.clone(),
                    prefix,
                });
            }
            if let Some(first) = seen.insert(&entry.id, k) {
                return Err(GazetteerError::DuplicateId {
                    path: path.to_string(),
                    id: entry.id.clone(),
                    first: line_of(first),
                    second: line_of(k),
                });
            }
        }
        let file: Arc<str> = Arc::from(path);
        for entry in raw.entries {
            self.add_entry(&file, entry, layer)?;
        }
        Ok(())
    }

    fn add_entry(
        &mut self,
        file: &Arc<str>,
        raw: RawEntry,
        layer: Layer,
    ) -> Result<(), GazetteerError> {
        let path: &str = file;
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
        // Trimmed, without empties or repeats, in first-seen order; a set keeps it linear in
        // the number of forms (an entry may list tens of thousands).
        let clean = |v: Vec<String>| -> Vec<Text> {
            let mut seen: HashSet<String> = HashSet::with_capacity(v.len());
            let mut out: Vec<Text> = Vec::with_capacity(v.len());
            for s in v {
                let s = s.trim();
                if !s.is_empty() && seen.insert(s.to_string()) {
                    out.push(Text::from(s));
                }
            }
            out
        };
        let entity = Entity {
            id: Text::from(raw.id),
            kind: raw.kind,
            name: Text::from(raw.name.trim()),
            aliases: clean(raw.aliases),
            demonyms: clean(raw.demonyms),
            xref: raw
                .xref
                .into_iter()
                .map(|(k, v)| (Text::from(k), Text::from(v)))
                .collect(),
            country: raw.country.map(Text::from),
            parent: raw.parent.map(Text::from),
            population: raw.population,
            exact_case: clean(raw.exact_case),
            layer,
            file: Arc::clone(file),
        };
        match self.index_of(&entity.id) {
            Some(idx) => {
                let Some(old) = self.entities.get_mut(idx) else {
                    return Err(GazetteerError::Invalid {
                        path: path.to_string(),
                        id: entity.id.into_string(),
                        message: "internal: id index out of step with the entries".to_string(),
                    });
                };
                if old.kind != entity.kind {
                    return Err(GazetteerError::TypeClash {
                        id: entity.id.into_string(),
                        first_kind: old.kind,
                        first_path: old.file.to_string(),
                        second_kind: entity.kind,
                        second_path: path.to_string(),
                    });
                }
                *old = entity;
                self.mark_changed(idx);
            }
            None => {
                let idx = self.entities.len();
                let entities = &self.entities;
                self.by_id
                    .insert(&entity.id, idx, |i| entities.get(i).map(|e| e.id.as_str()));
                self.entities.push(entity);
                self.mark_changed(idx);
            }
        }
        Ok(())
    }

    /// Records that entity `idx` was replaced or added, so that a precomputed name table can
    /// be brought up to date (see [`Gazetteer::take_name_table`]).
    fn mark_changed(&mut self, idx: usize) {
        if let Some(names) = &mut self.names {
            names.changed.push(idx);
        }
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
        self.index_of(id).and_then(|i| self.entities.get(i))
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        let entities = &self.entities;
        self.by_id
            .get(id, |i| entities.get(i).map(|e| e.id.as_str()))
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

    /// A borrowed and an owned `Text` of one string are one key, found by its `&str`
    /// (`Borrow<str>` requires equal hashes and orders).
    #[test]
    fn text_reads_as_its_string() {
        use std::hash::BuildHasher;
        let borrowed = Text::borrowed("place:ukraine");
        let owned = Text::from("place:ukraine".to_string());
        assert_eq!(borrowed, owned);
        assert!(borrowed == "place:ukraine" && "place:ukraine" == owned);
        let state = std::collections::hash_map::RandomState::new();
        assert_eq!(state.hash_one(&borrowed), state.hash_one("place:ukraine"));
        let map: BTreeMap<Text, u32> = [(owned, 1), (Text::borrowed("place:us"), 2)].into();
        assert_eq!(map.get("place:ukraine"), Some(&1));
        let mut sorted = vec![Text::from("b"), Text::borrowed("a")];
        sorted.sort();
        assert_eq!(sorted, ["a", "b"]);
        assert_eq!(
            format!("{borrowed} {borrowed:?}"),
            "place:ukraine \"place:ukraine\""
        );
        assert_eq!(String::from(borrowed), "place:ukraine");
    }

    #[test]
    fn id_lines_skip_strings_and_comments() {
        let text = "(entries: [\n  // id: \"not:this\"\n  (id: \"a:1\", type: place, name: \"id: x\"),\n  (\n    id : \"a:2\", type: place, name: \"B\"),\n])";
        assert_eq!(id_lines(text, 2), [3, 5]);
        // A count that does not match gives no lines rather than wrong ones.
        assert_eq!(id_lines(text, 3), Vec::<usize>::new());
    }

    #[test]
    fn unknown_lines_give_entry_numbers() {
        // The block comment hides an `id:` from the parser but not from the line scan.
        let text = "(entries: [/* (id: \"x:0\") */ (id: \"x:1\", type: place, name: \"A\"), (id: \"x:1\", type: place, name: \"B\")])";
        let err = Gazetteer::empty()
            .add_source("d.ron", text, Layer::User)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.ron (entry 2): id \"x:1\" is already used at entry 1 of this file; give one of \
             them another id or merge them"
        );
    }
}
