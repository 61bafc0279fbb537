//! The built-in gazetteer as a compact binary blob: `build.rs` loads and checks the shipped RON
//! lists, computes their name table, and [`encode`]s both; the library `include_bytes!`s the
//! blob and [`decode`]s it at startup, which is some ten times faster than parsing the RON.
//!
//! The format is private to one build of claimgraph (the blob is made and read by the same
//! source), but it is versioned anyway and checked as it is read: a damaged blob gives an
//! error, never a panic or a huge allocation. All integers are little-endian.
//!
//! ```text
//! blob     = MAGIC version:u32 files given_names entities:section names:section
//! files    = n:var str*n                  (paths, in load order)
//! given    = n:var str*n                  (sorted)
//! section  = len:u64 strings:var utf8*strings bytes   (len counts all that follows it; the
//!            two sections decode in parallel)
//! entities = n:var entity*n
//! entity   = id:str kind:u8 name:str aliases:strs demonyms:strs xref:(n:var (str str)*n)
//!            country:opt_str parent:opt_str population:opt_var exact_case:strs layer:u8
//!            file:var (index into files)
//! names    = n:var (pattern:str n:var form*n)*n
//! form     = entity:var kind:u8 exact:opt_str capital:u8
//! str      = len:var utf8*len outside the sections; inside one, len:var alone, the string
//!            being the next len bytes of the section's strings (all its strings in the order
//!            they are read, checked as UTF-8 once for the whole section instead of once per
//!            string: the per-string check was a sixth of start-up)
//! strs     = n:var str*n;  opt_x = 0 | 1 x
//! var      = LEB128 (7 bits a byte, low first; high bit: more bytes follow), u32 but for
//!            population (u64)
//! ```
//!
//! Shared with `build.rs` through `#[path]`, like `load.rs` and `names.rs`.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::ids::IdIndex;
use super::load::{Entity, EntityKind, Gazetteer, GazetteerError, GivenNames, Layer, Text};
use super::names::{FormKind, NameForm, NameTable, PrecomputedNames};

const MAGIC: &[u8; 8] = b"CGGAZBLB";
/// Bump whenever the layout changes.
const VERSION: u32 = 2;

/// What is wrong with a blob, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlobError {
    pub offset: usize,
    pub what: &'static str,
}

impl From<BlobError> for GazetteerError {
    fn from(err: BlobError) -> GazetteerError {
        GazetteerError::Corrupt {
            offset: err.offset,
            what: err.what,
        }
    }
}

/// Encodes `gazetteer` and the name table of its entities.
///
/// # Errors
///
/// When a count or string is too long for the format (over `u32::MAX`).
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "only build.rs and the tests encode")
)]
pub fn encode(gazetteer: &Gazetteer, table: &NameTable) -> Result<Vec<u8>, BlobError> {
    let mut out = Writer::default();
    out.bytes.extend_from_slice(MAGIC);
    out.u32(VERSION);
    out.len(gazetteer.files.len())?;
    for file in &gazetteer.files {
        out.str(file)?;
    }
    let mut given: Vec<&String> = gazetteer.given_names.iter().collect();
    given.sort();
    out.len(given.len())?;
    for name in given {
        out.str(name)?;
    }
    let files: HashMap<&str, usize> = gazetteer
        .files
        .iter()
        .enumerate()
        .map(|(idx, f)| (f.as_str(), idx))
        .collect();
    let mut section = Writer::pooled();
    section.len(gazetteer.entities.len())?;
    for entity in &gazetteer.entities {
        let Some(&file) = files.get(&*entity.file) else {
            return Err(out.error("an entity's file is not in the file list"));
        };
        section.entity(entity, file)?;
    }
    out.section(section);
    let mut section = Writer::pooled();
    section.len(table.patterns.len())?;
    for (pattern, forms) in table.patterns.iter().zip(&table.forms) {
        section.str(pattern)?;
        section.len(forms.len())?;
        for form in forms {
            section.varint(form.entity);
            section.u8(form_kind_code(form.kind));
            section.opt_str(form.exact.as_deref())?;
            section.u8(u8::from(form.capital));
        }
    }
    out.section(section);
    Ok(out.bytes)
}

/// Runs two tasks, possibly in parallel (`rayon::join`; this file does not name rayon because
/// `build.rs` shares it and has no need of threads).
pub type Join = fn(&mut (dyn FnMut() + Send), &mut (dyn FnMut() + Send));

/// Runs two tasks one after the other.
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "only build.rs and the tests decode serially")
)]
pub fn join_serial(first: &mut (dyn FnMut() + Send), second: &mut (dyn FnMut() + Send)) {
    first();
    second();
}

/// Decodes a blob made by [`encode`] into a gazetteer that carries its precomputed name table;
/// the entities and the name table are decoded as two tasks of `join`. The entities' strings
/// borrow from the blob (the one compiled into the binary lives as long as the program), so
/// decoding allocates nothing per string.
///
/// # Errors
///
/// When the blob is not one [`encode`] of this version made: the error names the byte offset.
pub fn decode(blob: &'static [u8], join: Join) -> Result<Gazetteer, BlobError> {
    let mut table = None;
    let mut gazetteer = decode_then(blob, join, &mut |t| table = Some(t))?;
    gazetteer.names = table.map(|table| PrecomputedNames {
        table,
        changed: Vec::new(),
    });
    Ok(gazetteer)
}

/// Decodes like [`decode`], but hands the name table to `then` as soon as it is decoded, on
/// the name table's task of `join` (so that work on the table runs beside the decoding of the
/// entities, the longer half); the gazetteer returned holds no precomputed table. `then` is
/// called at most once, and its work is wasted when decoding fails: check the result before
/// using what `then` made.
///
/// # Errors
///
/// As [`decode`].
pub fn decode_then(
    blob: &'static [u8],
    join: Join,
    then: &mut (dyn FnMut(NameTable) + Send),
) -> Result<Gazetteer, BlobError> {
    let mut reader = Reader::new(blob, 0);
    if reader.take(MAGIC.len(), "no gazetteer blob header")? != MAGIC {
        return Err(reader.error("no gazetteer blob header"));
    }
    if reader.u32()? != VERSION {
        return Err(reader.error("unknown blob version"));
    }
    let n_files = reader.len(1)?;
    let mut files = Vec::with_capacity(n_files);
    for _ in 0..n_files {
        files.push(reader.str()?.to_string());
    }
    let n_given = reader.len(1)?;
    let mut given_names = GivenNames::with_capacity_and_hasher(n_given, Default::default());
    for _ in 0..n_given {
        given_names.insert(reader.str()?.to_string());
    }
    let mut entity_reader = reader.section()?;
    let mut names_reader = reader.section()?;
    if reader.pos != blob.len() {
        return Err(reader.error("trailing bytes"));
    }
    // The two halves are independent and about equally costly.
    let mut entities = Err(entity_reader.error("not decoded"));
    // How many entities the name table's forms need (one past the largest index).
    let mut needed = Err(names_reader.error("not decoded"));
    // One shared copy of each path for all its entities.
    let shared: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.as_str())).collect();
    join(
        &mut || entities = entity_reader.entities(&shared),
        &mut || {
            needed = names_reader.name_table().map(|table| {
                let needed = table
                    .forms
                    .iter()
                    .flatten()
                    .map(|f| f.entity as usize + 1)
                    .max()
                    .unwrap_or(0);
                then(table);
                needed
            });
        },
    );
    let (entities, by_id) = entities?;
    if needed? > entities.len() {
        return Err(BlobError {
            offset: names_reader.base,
            what: "a name form points past the last entity",
        });
    }
    Ok(Gazetteer {
        entities,
        by_id,
        given_names,
        files,
        names: None,
    })
}

fn form_kind_code(kind: FormKind) -> u8 {
    match kind {
        FormKind::Name => 0,
        FormKind::Alias => 1,
        FormKind::Demonym => 2,
    }
}

fn entity_kind_code(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organisation => 2,
    }
}

fn layer_code(layer: Layer) -> u8 {
    match layer {
        Layer::Generated => 0,
        Layer::Curated => 1,
        Layer::User => 2,
    }
}

#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
    /// A section's strings, written apart from its records (see the module docs); `None`
    /// outside the sections.
    strings: Option<Vec<u8>>,
}

impl Writer {
    /// A writer of a section's records, which keeps their strings apart.
    fn pooled() -> Writer {
        Writer {
            bytes: Vec::new(),
            strings: Some(Vec::new()),
        }
    }

    fn error(&self, what: &'static str) -> BlobError {
        BlobError {
            offset: self.bytes.len(),
            what,
        }
    }

    fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    fn len(&mut self, n: usize) -> Result<(), BlobError> {
        let Ok(n) = u32::try_from(n) else {
            return Err(self.error("count over u32::MAX"));
        };
        self.varint(n);
        Ok(())
    }

    fn varint(&mut self, n: u32) {
        self.varint64(u64::from(n));
    }

    fn varint64(&mut self, n: u64) {
        crate::varint::put(&mut self.bytes, n);
    }

    fn str(&mut self, s: &str) -> Result<(), BlobError> {
        self.len(s.len())?;
        match &mut self.strings {
            Some(strings) => strings.extend_from_slice(s.as_bytes()),
            None => self.bytes.extend_from_slice(s.as_bytes()),
        }
        Ok(())
    }

    fn strs(&mut self, list: &[Text]) -> Result<(), BlobError> {
        self.len(list.len())?;
        for s in list {
            self.str(s)?;
        }
        Ok(())
    }

    fn opt_str(&mut self, s: Option<&str>) -> Result<(), BlobError> {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s)?;
            }
        }
        Ok(())
    }

    fn section(&mut self, section: Writer) {
        let strings = section.strings.unwrap_or_default();
        let mut head = Vec::new();
        crate::varint::put(&mut head, strings.len() as u64);
        self.u64((head.len() + strings.len() + section.bytes.len()) as u64);
        self.bytes.extend_from_slice(&head);
        self.bytes.extend_from_slice(&strings);
        self.bytes.extend_from_slice(&section.bytes);
    }

    fn entity(&mut self, entity: &Entity, file: usize) -> Result<(), BlobError> {
        self.str(&entity.id)?;
        self.u8(entity_kind_code(entity.kind));
        self.str(&entity.name)?;
        self.strs(&entity.aliases)?;
        self.strs(&entity.demonyms)?;
        self.len(entity.xref.len())?;
        for (key, value) in &entity.xref {
            self.str(key)?;
            self.str(value)?;
        }
        self.opt_str(entity.country.as_deref())?;
        self.opt_str(entity.parent.as_deref())?;
        match entity.population {
            None => self.u8(0),
            Some(population) => {
                self.u8(1);
                self.varint64(population);
            }
        }
        self.strs(&entity.exact_case)?;
        self.u8(layer_code(entity.layer));
        self.len(file)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes` in the whole blob, for error messages.
    base: usize,
    /// A section's strings and how many of their bytes were read (`None` outside the
    /// sections, whose strings lie among the other fields).
    strings: Option<(&'a str, usize)>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], base: usize) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            base,
            strings: None,
        }
    }

    fn error(&self, what: &'static str) -> BlobError {
        BlobError {
            offset: self.base + self.pos,
            what,
        }
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], BlobError> {
        let Some(res) = self
            .pos
            .checked_add(n)
            .and_then(|end| self.bytes.get(self.pos..end))
        else {
            return Err(self.error(what));
        };
        self.pos += n;
        Ok(res)
    }

    fn u8(&mut self) -> Result<u8, BlobError> {
        let bytes = self.take(1, "truncated")?;
        Ok(bytes.first().copied().unwrap_or(0))
    }

    fn varint(&mut self) -> Result<u32, BlobError> {
        let n = self.varint64()?;
        u32::try_from(n).map_err(|_| self.error("varint over u32::MAX"))
    }

    fn varint64(&mut self) -> Result<u64, BlobError> {
        crate::varint::get(self.bytes, &mut self.pos).map_err(|err| match err {
            crate::varint::VarintError::End => self.error("truncated"),
            crate::varint::VarintError::TooLarge => self.error("bad varint"),
        })
    }

    fn u32(&mut self) -> Result<u32, BlobError> {
        let mut res = [0; 4];
        res.copy_from_slice(self.take(4, "truncated")?);
        Ok(u32::from_le_bytes(res))
    }

    fn u64(&mut self) -> Result<u64, BlobError> {
        let mut res = [0; 8];
        res.copy_from_slice(self.take(8, "truncated")?);
        Ok(u64::from_le_bytes(res))
    }

    fn flag(&mut self) -> Result<bool, BlobError> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.error("bad flag")),
        }
    }

    /// A count of items that take at least `min_bytes` each, checked against what is left,
    /// so that a damaged count cannot ask for a huge allocation.
    fn len(&mut self, min_bytes: usize) -> Result<usize, BlobError> {
        let n = self.varint()? as usize;
        let left = self.bytes.len() - self.pos.min(self.bytes.len());
        if n.saturating_mul(min_bytes) > left {
            return Err(self.error("count larger than the data"));
        }
        Ok(n)
    }

    fn str(&mut self) -> Result<&'a str, BlobError> {
        let n = self.varint()? as usize;
        let Some((strings, read)) = self.strings else {
            let bytes = self.take(n, "truncated string")?;
            return std::str::from_utf8(bytes).map_err(|_| self.error("string is not UTF-8"));
        };
        // Checked as UTF-8 already: only the ends must fall between characters.
        let Some(res) = read.checked_add(n).and_then(|end| strings.get(read..end)) else {
            return Err(self.error("string out of the section's strings"));
        };
        self.strings = Some((strings, read + n));
        Ok(res)
    }

    fn opt_str(&mut self) -> Result<Option<&'a str>, BlobError> {
        Ok(if self.flag()? {
            Some(self.str()?)
        } else {
            None
        })
    }

    fn section(&mut self) -> Result<Reader<'a>, BlobError> {
        let Ok(n) = usize::try_from(self.u64()?) else {
            return Err(self.error("section larger than memory"));
        };
        let base = self.base + self.pos;
        let bytes = self.take(n, "truncated section")?;
        let mut section = Reader::new(bytes, base);
        let n_strings = section.varint()? as usize;
        let strings = section.take(n_strings, "truncated strings")?;
        let Ok(strings) = std::str::from_utf8(strings) else {
            return Err(section.error("strings are not UTF-8"));
        };
        section.strings = Some((strings, 0));
        Ok(section)
    }

    /// Checks that the records, and a section's strings, were read to their ends.
    fn at_end(&self, what: &'static str) -> Result<(), BlobError> {
        let strings_left = self
            .strings
            .is_some_and(|(strings, read)| read != strings.len());
        if self.pos != self.bytes.len() || strings_left {
            return Err(self.error(what));
        }
        Ok(())
    }
}

/// Entities borrow their strings from the blob, which must live as long as they do.
impl Reader<'static> {
    fn text(&mut self) -> Result<Text, BlobError> {
        Ok(Text::borrowed(self.str()?))
    }

    fn texts(&mut self) -> Result<Vec<Text>, BlobError> {
        let n = self.len(1)?;
        let mut res = Vec::with_capacity(n);
        for _ in 0..n {
            res.push(self.text()?);
        }
        Ok(res)
    }

    fn name_table(&mut self) -> Result<NameTable, BlobError> {
        let n = self.len(2)?;
        let mut res = NameTable {
            patterns: Vec::with_capacity(n),
            forms: Vec::with_capacity(n),
        };
        for _ in 0..n {
            res.patterns.push(self.text()?);
            let n_forms = self.len(4)?;
            let mut forms = Vec::with_capacity(n_forms);
            for _ in 0..n_forms {
                let entity = self.varint()?;
                let kind = match self.u8()? {
                    0 => FormKind::Name,
                    1 => FormKind::Alias,
                    2 => FormKind::Demonym,
                    _ => return Err(self.error("bad form kind")),
                };
                let exact = self.opt_str()?.map(Box::<str>::from);
                let capital = self.flag()?;
                forms.push(NameForm {
                    entity,
                    kind,
                    exact,
                    capital,
                });
            }
            res.forms.push(forms);
        }
        self.at_end("trailing bytes after the name table")?;
        Ok(res)
    }

    fn entities(&mut self, files: &[Arc<str>]) -> Result<(Vec<Entity>, IdIndex), BlobError> {
        // id, kind, name, 3 lists, xref, 3 options, layer, file.
        let n = self.len(1 + 1 + 1 + 3 + 1 + 3 + 1 + 1)?;
        let mut entities = Vec::with_capacity(n);
        let mut by_id = IdIndex::with_capacity(n);
        for idx in 0..n {
            let entity = self.entity(files)?;
            let id_at = |i: usize| entities.get(i).map(|e: &Entity| e.id.as_str());
            if by_id.insert(&entity.id, idx, id_at).is_some() {
                return Err(self.error("duplicate entity id"));
            }
            entities.push(entity);
        }
        self.at_end("trailing bytes after the entities")?;
        Ok((entities, by_id))
    }

    fn entity(&mut self, files: &[Arc<str>]) -> Result<Entity, BlobError> {
        let id = self.text()?;
        let kind = match self.u8()? {
            0 => EntityKind::Person,
            1 => EntityKind::Place,
            2 => EntityKind::Organisation,
            _ => return Err(self.error("bad entity kind")),
        };
        let name = self.text()?;
        let aliases = self.texts()?;
        let demonyms = self.texts()?;
        let n_xref = self.len(2)?;
        let mut xref = BTreeMap::new();
        for _ in 0..n_xref {
            let key = self.text()?;
            let value = self.text()?;
            xref.insert(key, value);
        }
        let country = self.opt_str()?.map(Text::borrowed);
        let parent = self.opt_str()?.map(Text::borrowed);
        let population = if self.flag()? {
            Some(self.varint64()?)
        } else {
            None
        };
        let exact_case = self.texts()?;
        let layer = match self.u8()? {
            0 => Layer::Generated,
            1 => Layer::Curated,
            2 => Layer::User,
            _ => return Err(self.error("bad layer")),
        };
        let Some(file) = files.get(self.varint()? as usize) else {
            return Err(self.error("file index out of range"));
        };
        Ok(Entity {
            id,
            kind,
            name,
            aliases,
            demonyms,
            xref,
            country,
            parent,
            population,
            exact_case,
            layer,
            file: Arc::clone(file),
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const FILES: &[(&str, &str, Layer)] = &[
        (
            "gazetteer/generated/a.ron",
            r#"(source: "test", entries: [
                (id: "place:ukraine", type: place, name: "Ukraine", demonyms: ["Ukrainian"],
                 xref: {"wikidata": "Q212", "iso3166": "UA"}, country: "UA", population: 41000000),
                (id: "place:us", type: place, name: "United States", aliases: ["U.S."], exact_case: ["US"]),
                (id: "person:x", type: person, name: "Xavier Example", aliases: ["X. Example", "Ex"]),
            ])"#,
            Layer::Generated,
        ),
        (
            "gazetteer/cues/given.ron",
            r#"(names: ["Aaron", " Zoë ", ""])"#,
            Layer::Curated,
        ),
        (
            "gazetteer/news/b.ron",
            r#"(entries: [
                (id: "person:x", type: person, name: "Xavier Exämple", parent: "place:ukraine"),
                (id: "org:x", type: organisation, name: "X. Example"),
            ])"#,
            Layer::Curated,
        ),
    ];

    fn sample() -> Gazetteer {
        let mut res = Gazetteer::empty();
        for (path, text, layer) in FILES {
            res.add_source(path, text, *layer).unwrap();
        }
        res
    }

    fn sample_blob() -> Vec<u8> {
        let gazetteer = sample();
        encode(&gazetteer, &NameTable::of_entities(&gazetteer.entities)).unwrap()
    }

    /// Decodes `blob`; a gazetteer that comes back must be consistent.
    fn check_decode(blob: &[u8]) -> Result<Gazetteer, BlobError> {
        // Decoded entities borrow from their blob: a test's blob lives to the end of the test
        // run.
        let blob: &'static [u8] = Box::leak(blob.to_vec().into_boxed_slice());
        let res = decode(blob, join_serial)?;
        for (idx, entity) in res.entities.iter().enumerate() {
            assert_eq!(res.index_of(&entity.id), Some(idx));
        }
        assert_eq!(res.by_id.len(), res.entities.len());
        Ok(res)
    }

    #[test]
    fn round_trip() {
        let gazetteer = sample();
        let table = NameTable::of_entities(&gazetteer.entities);
        assert!(table.patterns.contains(&Text::from("xavier example")));
        let mut back = check_decode(&encode(&gazetteer, &table).unwrap()).unwrap();
        assert_eq!(back.entities, gazetteer.entities);
        assert_eq!(back.by_id, gazetteer.by_id);
        assert_eq!(back.given_names, gazetteer.given_names);
        assert_eq!(back.files, gazetteer.files);
        assert_eq!(back.take_name_table(), table);
        // The table is taken: a second call computes it afresh, with the same result.
        assert_eq!(back.take_name_table(), table);
    }

    #[test]
    fn encoding_is_deterministic() {
        assert_eq!(sample_blob(), sample_blob());
    }

    #[test]
    fn decode_then_hands_over_the_table() {
        let blob: &'static [u8] = Box::leak(sample_blob().into_boxed_slice());
        let mut expected = decode(blob, join_serial).unwrap();
        let mut handed = Vec::new();
        let mut back = decode_then(blob, join_serial, &mut |t| handed.push(t)).unwrap();
        assert!(back.names.is_none());
        assert_eq!(handed, vec![expected.take_name_table()]);
        assert_eq!(back.entities, expected.entities);
        // Asked for the table anyway, the gazetteer computes it from its entities.
        assert_eq!(back.take_name_table(), expected.take_name_table());
    }

    #[test]
    fn every_truncation_is_an_error() {
        let blob = sample_blob();
        for len in 0..blob.len() {
            assert!(
                check_decode(&blob[..len]).is_err(),
                "truncated to {len} bytes"
            );
        }
    }

    #[test]
    fn damage_is_reported_with_its_offset() {
        let mut blob = sample_blob();
        blob.push(0);
        let err = check_decode(&blob).unwrap_err();
        assert_eq!(
            err,
            BlobError {
                offset: blob.len() - 1,
                what: "trailing bytes"
            }
        );
        let mut blob = sample_blob();
        blob[8] = blob[8].wrapping_add(1);
        assert_eq!(
            check_decode(&blob).unwrap_err().what,
            "unknown blob version"
        );
        let msg = GazetteerError::from(BlobError {
            offset: 3,
            what: "bad flag",
        })
        .to_string();
        assert_eq!(
            msg,
            "the built-in gazetteer is corrupt at byte 3: bad flag; rebuild claimgraph (cargo build --release)"
        );
    }

    proptest! {
        #[test]
        fn damaged_blobs_never_panic(
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
            cut in any::<usize>(),
        ) {
            let mut blob = sample_blob();
            for (at, byte) in flips {
                let at = at % blob.len();
                blob[at] ^= byte;
            }
            blob.truncate(blob.len() - cut % 4);
            if let Ok(mut gazetteer) = check_decode(&blob) {
                let n_entities = gazetteer.entities.len();
                let table = gazetteer.take_name_table();
                prop_assert!(table.forms.iter().flatten().all(|f| (f.entity as usize) < n_entities));
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut blob = MAGIC.to_vec();
            blob.extend_from_slice(&VERSION.to_le_bytes());
            blob.extend_from_slice(&bytes);
            prop_assert!(check_decode(&bytes).is_err());
            // Past the header, anything may happen but a panic.
            let _ = check_decode(&blob);
        }
    }
}
