//! The store: a [`KnowledgeGraph`] on disk in a compact, versioned binary format.
//!
//! This is one of the three places that touch the filesystem. [`save`] writes atomically
//! through [`write_atomic`] (the one atomic write, also used for exports): a temp file beside
//! the store (beside a symbolic link's target), `fsync`, rename over the old store, `fsync` of
//! the directory, so a crash leaves either the old store or the new one, and a leftover temp
//! file is never read. Commands that write a store hold its [`StoreLock`] from before
//! [`load`] until after [`save`]. [`load`] of a missing file is an empty graph; anything else
//! that is not a whole store of this version (a directory, a device, a file without the
//! header) is an error naming the file, never a panic.
//!
//! # Format (version 3)
//!
//! ```text
//! "CLAIMGRAPH-STORE" (16 bytes)  version: u32 LE
//! body
//! "END!"  body length: u64 LE  checksum of the body: u64 LE
//! ```
//!
//! The body is the graph's stable representation, sorted by id and independent of petgraph's
//! index layout: a symbol table, relations with their supports, articles (record + quoted
//! sentences), entities, values, each article's mentions. Articles and nodes are referred to
//! by position in those sorted lists; relation ids are recomputed on load. The symbol table
//! holds each distinct predicate, predicate text, rule and attribution once, numbered in order
//! of first use; supports refer to it by number. Relations and articles come in blocks of
//! 4,096 with their byte length, so loading decodes the blocks on every core. An article's
//! quoted sentences are one run of UTF-8 after a list of (sentence index, end) pairs, so a
//! loaded graph points into the file's bytes instead of copying them. Numbers are LEB128
//! varints, strings are length-prefixed UTF-8, confidences are `f64` bits, claim ids of the
//! form `c` + 16 hex digits take 8 bytes. A value's quantity is tagged 0 (none), 1 (exact
//! decimal and unit) or 2 (the same, then min, max, approximate flag and bound kind: an amount
//! whose words state a range, a bound or an approximation); stores written before tag 2 read
//! unchanged. Equal graphs give equal bytes.
//!
//! [`load`] memory-maps the file (on Unix; elsewhere it reads it): the checksum and the
//! decoding read it once, and the loaded graph's evidence stays in the page cache instead of
//! fresh memory. A million-article store loads in a few seconds this way (see
//! `docs/benchmarks.md`).
//!
//! Versions 1 (nodes first, relations last with their strings inline), 2 (no article
//! blocks, sentences one by one) and 3 (no relation modality or period; literal values shared
//! between relations) are still read, and rebuilt in the current model on load
//! (`KnowledgeGraph::migrate_literals`); saving writes version 4.

mod codec;
mod file;

pub use file::{lock_path, resolve_link, write_atomic, LockHeld, StoreLock};

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;

use codec::{Checksum, DecodeError, Decoder, Encoder};
use rayon::prelude::*;

use crate::claim::{Attribution, EntityKindWire, Modality};
use crate::gazetteer::EntityKind;
use crate::graph::{
    AttributionSym, EntityNode, Evidence, Interner, KnowledgeGraph, RelationSlot, RestoreError,
    RestoredClaim, RestoredContext, RestoredSupport, Restorer, SharedBytes, SupportList, Sym,
    ValueNode, ValueQuantity,
};
use crate::pipeline::ArticleRecord;

/// Default store path.
pub const DEFAULT_STORE: &str = "output/claimgraph.store";

/// The format version this build writes.
pub const VERSION: u32 = 4;

/// The oldest format version this build still reads.
pub const OLDEST_VERSION: u32 = 1;

const MAGIC: &[u8; 16] = b"CLAIMGRAPH-STORE";
const END: &[u8; 4] = b"END!";
const HEADER_LEN: usize = MAGIC.len() + 4;
const TRAILER_LEN: usize = END.len() + 16;
/// Relations per block of the relation section (version 2).
const RELATIONS_PER_BLOCK: usize = 4096;
const REBUILD: &str = "rebuild it with `claimgraph ingest` from the articles";

/// Why a store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // The OS error is part of the message and deliberately not a `source`, so that a chain
    // printed with `{:#}` shows it once.
    #[error("{path}: cannot {action}: {error}")]
    Io {
        path: String,
        action: &'static str,
        error: io::Error,
    },
    #[error("{path}: not a regular file; give the path of a store file")]
    NotAFile { path: String },
    #[error("{path}: not a claimgraph store (no CLAIMGRAPH-STORE header); give the path of a store written by `claimgraph ingest`")]
    NotAStore { path: String },
    #[error("{path}: store format version {found}, but this claimgraph reads versions {OLDEST_VERSION} to {VERSION}; {REBUILD}")]
    Version { path: String, found: u32 },
    #[error("{path}: truncated store ({detail}; was a write interrupted?); restore a backup or {REBUILD}")]
    Truncated { path: String, detail: String },
    #[error("{path}: corrupt store (checksum mismatch); restore a backup or {REBUILD}")]
    Checksum { path: String },
    #[error("{path}: corrupt store at byte {offset}: {message}; restore a backup or {REBUILD}")]
    Corrupt {
        path: String,
        offset: usize,
        message: String,
    },
}

/// Reads a store; a missing file is an empty graph.
///
/// # Errors
///
/// When the file cannot be read or is not a whole store of this version.
pub fn load(path: &Path) -> Result<KnowledgeGraph, StoreError> {
    let name = path.display().to_string();
    let io_err = |error: io::Error| StoreError::Io {
        path: name.clone(),
        action: "read the store",
        error,
    };
    // The type first, from the path: opening a FIFO would block, and a device never ends.
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Err(StoreError::NotAFile { path: name }),
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(KnowledgeGraph::new()),
        Err(error) => return Err(io_err(error)),
    }
    let mut file = File::open(path).map_err(io_err)?;
    check_header(&name, &mut file)?;
    let bytes = read_shared(file).map_err(io_err)?;
    decode_shared(&name, bytes)
}

/// Checks the magic and the version with a plain read, before the file is mapped or read
/// whole, so that a large file of something else is refused at once; leaves the file at its
/// start.
fn check_header(name: &str, file: &mut File) -> Result<(), StoreError> {
    let path = name.to_string();
    let mut header = Vec::with_capacity(HEADER_LEN);
    let read = Read::by_ref(file)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut header)
        .and_then(|_| io::Seek::rewind(file));
    if let Err(error) = read {
        let action = "read the store";
        return Err(StoreError::Io {
            path,
            action,
            error,
        });
    }
    if !header.starts_with(MAGIC) {
        return Err(StoreError::NotAStore { path });
    }
    if let Some(version) = header.get(MAGIC.len()..HEADER_LEN) {
        let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
        if !(OLDEST_VERSION..=VERSION).contains(&version) {
            let found = version;
            return Err(StoreError::Version { path, found });
        }
    }
    Ok(())
}

/// The whole file, memory-mapped where that works (Unix), read into memory otherwise.
///
/// Mapping saves a copy of the file in fresh memory, and the loaded graph's evidence points
/// into the map instead of copying the text. `save` never rewrites a store in place (it
/// renames a new file over it), so the mapped file does not change under a loaded graph; a
/// tool that rewrites a store file in place while claimgraph reads it is not supported.
fn read_shared(mut file: File) -> io::Result<SharedBytes> {
    #[cfg(unix)]
    {
        // SAFETY: the map is read-only and outlives every borrow of it (the graph holds the
        // `Arc`); the file is never modified by claimgraph while mapped (see above). Every
        // byte taken as text is checked to be UTF-8 when it is read, never assumed.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::MmapOptions::new().populate().map(&file) };
        if let Ok(map) = map {
            return Ok(Arc::new(map));
        }
    }
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(Arc::new(bytes))
}

/// Writes a store atomically (see the module docs), creating its directory.
///
/// # Errors
///
/// When a directory, the temp file or the rename fails; the old store is then untouched.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), StoreError> {
    write_atomic(path, |out| encode_to(graph, out))
}

/// The store bytes of a graph (what [`save`] writes).
pub fn encode(graph: &KnowledgeGraph) -> Vec<u8> {
    let mut res = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = encode_to(graph, &mut res);
    res
}

/// Reads store bytes; `path` names the file in errors.
///
/// # Errors
///
/// When the bytes are not a whole store of this version.
pub fn decode(path: &str, bytes: &[u8]) -> Result<KnowledgeGraph, StoreError> {
    decode_from(path, bytes, None)
}

/// [`decode`] of a shared buffer, which the graph's evidence then points into.
///
/// # Errors
///
/// When the bytes are not a whole store of this version.
pub fn decode_shared(path: &str, bytes: SharedBytes) -> Result<KnowledgeGraph, StoreError> {
    decode_from(path, (*bytes).as_ref(), Some(&bytes))
}

fn decode_from(
    path: &str,
    bytes: &[u8],
    shared: Option<&SharedBytes>,
) -> Result<KnowledgeGraph, StoreError> {
    let path = path.to_string();
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(StoreError::NotAStore { path });
    }
    let Some(version) = bytes.get(MAGIC.len()..HEADER_LEN) else {
        return Err(StoreError::Truncated {
            path,
            detail: format!("{} bytes, the header alone is {HEADER_LEN}", bytes.len()),
        });
    };
    let version = u32::from_le_bytes([version[0], version[1], version[2], version[3]]);
    if !(OLDEST_VERSION..=VERSION).contains(&version) {
        return Err(StoreError::Version {
            path,
            found: version,
        });
    }
    let rest = &bytes[HEADER_LEN..];
    let trailer_at = rest.len().checked_sub(TRAILER_LEN);
    let Some(trailer_at) = trailer_at.filter(|&at| &rest[at..at + END.len()] == END) else {
        return Err(StoreError::Truncated {
            path,
            detail: format!("{} bytes and no end marker", bytes.len()),
        });
    };
    let (body, trailer) = rest.split_at(trailer_at);
    let mut t = Decoder::new(&trailer[END.len()..]);
    let (Ok(len), Ok(sum)) = (t.fixed64(), t.fixed64()) else {
        return Err(StoreError::Checksum { path });
    };
    if len != body.len() as u64 {
        return Err(StoreError::Truncated {
            path,
            detail: format!("body of {} bytes, {len} expected", body.len()),
        });
    }
    let shared = shared.map(|bytes| Shared {
        bytes,
        base: HEADER_LEN,
    });
    // The checksum is checked while the body is decoded; a mismatch wins over what the
    // decoding found.
    let (sum_ok, graph) = rayon::join(
        || sum == Checksum::of(body),
        || decode_body(body, version, shared),
    );
    if !sum_ok {
        return Err(StoreError::Checksum { path });
    }
    graph.map_err(|err| StoreError::Corrupt {
        path,
        offset: HEADER_LEN + err.offset,
        message: err.message,
    })
}

fn encode_to<W: Write>(graph: &KnowledgeGraph, out: W) -> io::Result<()> {
    encode_blocks(graph, out, RELATIONS_PER_BLOCK)
}

/// [`encode_to`] with `per_block` relations per block (tests use small blocks).
fn encode_blocks<W: Write>(graph: &KnowledgeGraph, mut out: W, per_block: usize) -> io::Result<()> {
    let per_block = per_block.max(1);
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    let mut enc = Encoder::new(out);
    // Position in the id-sorted lists, by node slot.
    let slots = graph.slots();
    let mut pos_of = vec![usize::MAX; slots.bound()];
    for (pos, slot) in slots.articles().enumerate() {
        pos_of[slot] = pos;
    }
    for (pos, slot) in slots.entities().chain(slots.values()).enumerate() {
        pos_of[slot] = pos;
    }
    let pos_of = |slot: usize| pos_of.get(slot).copied().unwrap_or(usize::MAX);

    let interner = graph.interner();
    let table = SymbolTable::of(graph);
    enc.usize(table.strings.len())?;
    for s in &table.strings {
        enc.str(s)?;
    }
    enc.usize(table.attributions.len())?;
    for a in &table.attributions {
        enc.usize(table.string(&a.text))?;
        enc.usize(a.entity.as_deref().map_or(0, |e| table.string(e) + 1))?;
        enc.usize(a.name.as_deref().map_or(0, |n| table.string(n) + 1))?;
        enc.u8(a.kind.map_or(0, |k| 1 + kind_code(k.into())))?;
        enc.usize(table.string(&a.verb))?;
    }

    // Relations in blocks with their byte length, so that loading can decode them in parallel.
    enc.usize(graph.n_relations())?;
    let n_blocks = graph.n_relations().div_ceil(per_block);
    enc.usize(n_blocks)?;
    let mut relations = graph.relations().peekable();
    while relations.peek().is_some() {
        let mut block = Encoder::new(Vec::new());
        let mut n = 0;
        for relation in relations.by_ref().take(per_block) {
            n += 1;
            let (subject, object) = relation.slots();
            block.usize(pos_of(subject))?;
            block.usize(pos_of(object))?;
            block.usize(table.sym(relation.predicate_sym()))?;
            block.u8(u8::from(relation.relation.negated))?;
            block.u8(modality_code(relation.relation.modality))?;
            block.usize(relation.period_sym().map_or(0, |p| table.sym(p) + 1))?;
            let supports = relation.support_records();
            block.usize(supports.len())?;
            for s in supports {
                block.usize(pos_of(s.article_slot()))?;
                match s.claim().hash() {
                    Some(hash) => {
                        block.u8(0)?;
                        block.fixed64(hash)?;
                    }
                    None => {
                        block.u8(1)?;
                        block.str(interner.claim_id(s.claim()).as_str())?;
                    }
                }
                block.varint(u64::from(s.sentence))?;
                block.varint(s.start())?;
                block.varint(s.end().saturating_sub(s.start()))?;
                block.usize(s.attribution().map_or(0, |a| table.attribution(a) + 1))?;
                block.u8(u8::from(s.quote))?;
                block.u8(modality_code(s.modality))?;
                block.fixed64(s.confidence.to_bits())?;
                block.usize(table.sym(s.predicate_text()))?;
                block.usize(table.sym(s.rule()))?;
            }
        }
        let (bytes, _, _) = block.finish()?;
        enc.usize(n)?;
        enc.usize(bytes.len())?;
        enc.raw(&bytes)?;
    }

    // Articles in blocks too, decoded in parallel with each other and the relations.
    enc.usize(graph.n_articles())?;
    enc.usize(graph.n_articles().div_ceil(per_block))?;
    let mut articles = graph.articles().peekable();
    while articles.peek().is_some() {
        let mut block = Encoder::new(Vec::new());
        let mut n = 0;
        for article in articles.by_ref().take(per_block) {
            n += 1;
            put_article(&mut block, &article.record)?;
            let evidence = article.evidence_buffer();
            block.usize(evidence.len())?;
            for &(idx, end) in evidence.ends() {
                block.varint(u64::from(idx))?;
                block.varint(u64::from(end))?;
            }
            block.usize(evidence.text().len())?;
            block.raw(evidence.text().as_bytes())?;
        }
        let (bytes, _, _) = block.finish()?;
        enc.usize(n)?;
        enc.usize(bytes.len())?;
        enc.raw(&bytes)?;
    }
    enc.usize(graph.n_entities())?;
    for entity in graph.entities() {
        put_entity(&mut enc, entity)?;
    }
    enc.usize(graph.n_values())?;
    for value in graph.values() {
        enc.str(&value.id)?;
        enc.str(&value.text)?;
        match &value.quantity {
            None => enc.u8(0)?,
            Some(q) => {
                // 1: a plain amount (as every version wrote it); 2: one with a range, a bound
                // or an approximation.
                enc.u8(if q.is_qualified() { 2 } else { 1 })?;
                enc.str(&q.exact)?;
                enc.opt_str(q.unit.as_deref())?;
                if q.is_qualified() {
                    enc.opt_str(q.min.as_deref())?;
                    enc.opt_str(q.max.as_deref())?;
                    enc.u8(u8::from(q.approximate))?;
                    enc.opt_str(q.bound.as_deref())?;
                }
            }
        }
        enc.opt_str(value.date.as_deref())?;
    }
    let entity_pos: HashMap<&str, usize> = graph
        .entities()
        .enumerate()
        .map(|(pos, e)| (e.id.as_str(), pos))
        .collect();
    for article in graph.articles() {
        let mentions = graph.article_mentions(&article.record.id);
        enc.usize(mentions.len())?;
        for (entity, count) in mentions {
            enc.usize(
                entity_pos
                    .get(entity.id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
            )?;
            enc.varint(u64::from(count))?;
        }
    }
    let (mut out, len, sum) = enc.finish()?;
    out.write_all(END)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&sum.to_le_bytes())?;
    out.flush()
}

/// The distinct strings and attributions of the relations, numbered in order of first use
/// (relations by id, supports in order), so equal graphs give equal tables. The graph's
/// interner numbers them already; the table renumbers them by first use, so its numbers do
/// not depend on the order of ingest.
struct SymbolTable<'g> {
    strings: Vec<&'g str>,
    string_ids: HashMap<&'g str, usize>,
    /// Table number by interned string, `usize::MAX` for strings no relation uses.
    by_sym: Vec<usize>,
    attributions: Vec<&'g Attribution>,
    by_attribution: Vec<usize>,
}

impl<'g> SymbolTable<'g> {
    fn of(graph: &'g KnowledgeGraph) -> SymbolTable<'g> {
        let interner = graph.interner();
        let mut table = SymbolTable {
            strings: Vec::new(),
            string_ids: HashMap::new(),
            by_sym: vec![usize::MAX; interner.n_strings()],
            attributions: Vec::new(),
            by_attribution: vec![usize::MAX; interner.n_attributions()],
        };
        for relation in graph.relations() {
            table.add_sym(interner, relation.predicate_sym());
            if let Some(period) = relation.period_sym() {
                table.add_sym(interner, period);
            }
            for s in relation.support_records() {
                if let Some(a) = s.attribution() {
                    table.add_attribution(interner, a);
                }
                table.add_sym(interner, s.predicate_text());
                table.add_sym(interner, s.rule());
            }
        }
        table
    }

    fn add_sym(&mut self, interner: &'g Interner, sym: Sym) {
        if self.by_sym.get(sym.index()) == Some(&usize::MAX) {
            let id = self.add_string(interner.get(sym));
            self.by_sym[sym.index()] = id;
        }
    }

    fn add_string(&mut self, s: &'g str) -> usize {
        let next = self.strings.len();
        let id = *self.string_ids.entry(s).or_insert(next);
        if id == next {
            self.strings.push(s);
        }
        id
    }

    fn add_attribution(&mut self, interner: &'g Interner, sym: AttributionSym) {
        if self.by_attribution.get(sym.index()) != Some(&usize::MAX) {
            return;
        }
        let Some(a) = interner.get_attribution(sym) else {
            return;
        };
        self.by_attribution[sym.index()] = self.attributions.len();
        self.attributions.push(a);
        self.add_string(&a.text);
        if let Some(e) = &a.entity {
            self.add_string(e);
        }
        if let Some(n) = &a.name {
            self.add_string(n);
        }
        self.add_string(&a.verb);
    }

    /// The number of an interned string added by [`SymbolTable::of`].
    fn sym(&self, sym: Sym) -> usize {
        self.by_sym.get(sym.index()).copied().unwrap_or(usize::MAX)
    }

    /// The number of a string of an attribution added by [`SymbolTable::of`].
    fn string(&self, s: &str) -> usize {
        self.string_ids.get(s).copied().unwrap_or(usize::MAX)
    }

    fn attribution(&self, sym: AttributionSym) -> usize {
        self.by_attribution
            .get(sym.index())
            .copied()
            .unwrap_or(usize::MAX)
    }
}

/// How a version writes the strings of relations and supports: inline (version 1) or as
/// numbers into the symbol table (version 2 on).
enum Strings {
    Inline,
    Table {
        strings: Vec<Sym>,
        attributions: Vec<AttributionSym>,
    },
}

impl Strings {
    fn sym(&self, d: &mut Decoder<'_>, interner: &mut Interner) -> Result<Sym, DecodeError> {
        match self {
            Strings::Inline => Ok(interner.str(d.str()?)),
            Strings::Table { strings, .. } => {
                let k = d.usize()?;
                strings
                    .get(k)
                    .copied()
                    .ok_or_else(|| d.error(format!("string {k} of {} in the table", strings.len())))
            }
        }
    }

    /// String `k` of the table (version 4's optional strings are written as `k + 1`).
    fn sym_at(
        &self,
        d: &mut Decoder<'_>,
        k: usize,
        _interner: &mut Interner,
    ) -> Result<Sym, DecodeError> {
        match self {
            Strings::Inline => Err(d.error("a string number in a store without a table")),
            Strings::Table { strings, .. } => strings
                .get(k)
                .copied()
                .ok_or_else(|| d.error(format!("string {k} of {} in the table", strings.len()))),
        }
    }

    fn attribution(
        &self,
        d: &mut Decoder<'_>,
        interner: &mut Interner,
    ) -> Result<Option<AttributionSym>, DecodeError> {
        match self {
            Strings::Inline => {
                if !d.bool()? {
                    return Ok(None);
                }
                let a = get_attribution_fields(d, |d| d.string(), |d| d.opt_string())?;
                Ok(Some(interner.attribution(a)))
            }
            Strings::Table { attributions, .. } => match d.usize()? {
                0 => Ok(None),
                k => attributions.get(k - 1).copied().map(Some).ok_or_else(|| {
                    d.error(format!(
                        "attribution {} of {} in the table",
                        k - 1,
                        attributions.len()
                    ))
                }),
            },
        }
    }
}

/// The fields of an attribution in store order; `string` and `opt_string` read one text.
fn get_attribution_fields<'b>(
    d: &mut Decoder<'b>,
    mut string: impl FnMut(&mut Decoder<'b>) -> Result<String, DecodeError>,
    mut opt_string: impl FnMut(&mut Decoder<'b>) -> Result<Option<String>, DecodeError>,
) -> Result<Attribution, DecodeError> {
    Ok(Attribution {
        text: string(d)?,
        entity: opt_string(d)?,
        name: opt_string(d)?,
        kind: match d.u8()? {
            0 => None,
            1 => Some(EntityKindWire::Person),
            2 => Some(EntityKindWire::Place),
            3 => Some(EntityKindWire::Organisation),
            b => return Err(d.error(format!("unknown entity type code {b}"))),
        },
        verb: string(d)?,
    })
}

fn put_article<W: Write>(enc: &mut Encoder<W>, r: &ArticleRecord) -> io::Result<()> {
    enc.str(&r.id)?;
    enc.opt_str(r.title.as_deref())?;
    enc.opt_str(r.date.as_deref())?;
    enc.opt_str(r.url.as_deref())?;
    enc.opt_str(r.source.as_deref())?;
    enc.str(&r.hash)?;
    enc.usize(r.bytes)
}

fn put_entity<W: Write>(enc: &mut Encoder<W>, e: &EntityNode) -> io::Result<()> {
    enc.str(&e.id)?;
    enc.u8(kind_code(e.kind))?;
    enc.str(&e.name)?;
    enc.usize(e.aliases.len())?;
    for alias in &e.aliases {
        enc.str(alias)?;
    }
    enc.usize(e.xref.len())?;
    for (key, value) in &e.xref {
        enc.str(key)?;
        enc.str(value)?;
    }
    Ok(())
}

/// `c` + 16 lower-case hex digits (the extractor's ids) as 8 bytes, anything else as a string.
fn kind_code(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organisation => 2,
    }
}

fn modality_code(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Obligation => 1,
        Modality::Possibility => 2,
        Modality::Future => 3,
        Modality::Conditional => 4,
        Modality::Hedged => 5,
    }
}

/// The buffer a body lies in, at byte `base`, for evidence that points into it.
#[derive(Clone, Copy)]
struct Shared<'a> {
    bytes: &'a SharedBytes,
    base: usize,
}

fn decode_body(
    body: &[u8],
    version: u32,
    shared: Option<Shared<'_>>,
) -> Result<KnowledgeGraph, DecodeError> {
    let mut d = Decoder::new(body);
    let mut restorer = Restorer::new();
    if version == 1 {
        // Nodes first, then relations with their strings inline.
        get_nodes(&mut d, &mut restorer, version, None)?;
        let n_relations = d.count()?;
        for _ in 0..n_relations {
            let record = get_relation(&mut d, &Strings::Inline, restorer.interner(), version)?;
            add_relation(&mut restorer, record)?;
        }
    } else {
        // The symbol table, then the relation blocks decoded in parallel while the nodes are
        // read, then the relations added in order.
        let strings = get_symbol_table(&mut d, restorer.interner())?;
        let n_relations = d.count()?;
        let blocks = get_blocks(&mut d)?;
        restorer.reserve_edges(n_relations);
        let (nodes, relations) = rayon::join(
            || get_nodes(&mut d, &mut restorer, version, shared),
            || {
                blocks
                    .par_iter()
                    .map(|&(at, n, bytes)| get_relation_block(at, n, bytes, &strings, version))
                    .collect::<Result<Vec<_>, _>>()
            },
        );
        nodes?;
        let relations = relations?;
        let found: usize = relations.iter().map(Vec::len).sum();
        if found != n_relations {
            return Err(d.error(format!(
                "{found} relations in the blocks, {n_relations} expected"
            )));
        }
        // Endpoints and keys on every thread (it only reads), then the edges in order.
        let slots: Vec<Vec<Result<RelationSlot, DecodeError>>> = relations
            .par_iter()
            .map(|block| {
                block
                    .iter()
                    .map(|r| {
                        restorer
                            .relation_slot(r.subject, r.object, r.predicate, r.context)
                            .map_err(|err| restore_error(r.at, err))
                    })
                    .collect()
            })
            .collect();
        for (record, slot) in relations
            .into_iter()
            .flatten()
            .zip(slots.into_iter().flatten())
        {
            let at = record.at;
            restorer
                .add_relation_at(slot?, record.predicate, record.context, record.supports)
                .map_err(|err| restore_error(at, err))?;
        }
    }
    if d.remaining() != 0 {
        return Err(d.error(format!("{} unexpected bytes at the end", d.remaining())));
    }
    let mut graph = restorer.finish();
    if version < 4 {
        // Shared literal nodes, pronoun ends and mixed modalities: rebuilt in the current
        // model, written as such by the next save.
        graph.migrate_literals();
    }
    Ok(graph)
}

/// Articles, entities, values and mentions.
fn get_nodes(
    d: &mut Decoder<'_>,
    restorer: &mut Restorer,
    version: u32,
    shared: Option<Shared<'_>>,
) -> Result<(), DecodeError> {
    let restored =
        |d: &Decoder<'_>, res: Result<(), RestoreError>| res.map_err(|e| d.error(e.to_string()));
    let n_articles = d.count()?;
    restorer.reserve_nodes(n_articles);
    if version < 3 {
        for _ in 0..n_articles {
            let record = get_article(d)?;
            let n = d.count()?;
            let mut evidence = Vec::with_capacity(n);
            for _ in 0..n {
                evidence.push((d.u32()?, d.str()?));
            }
            restored(d, restorer.add_article(record, Evidence::new(evidence)))?;
        }
    } else {
        let blocks = get_blocks(d)?;
        let articles: Vec<Result<Vec<ArticleRecordAt>, DecodeError>> = blocks
            .par_iter()
            .map(|&(at, n, bytes)| get_article_block(at, n, bytes, shared))
            .collect();
        let mut found = 0;
        for block in articles {
            for (at, record, evidence) in block? {
                found += 1;
                restorer
                    .add_article(record, evidence)
                    .map_err(|err| restore_error(at, err))?;
            }
        }
        if found != n_articles {
            return Err(d.error(format!(
                "{found} articles in the blocks, {n_articles} expected"
            )));
        }
    }
    let n_entities = d.count()?;
    restorer.reserve_nodes(n_entities);
    for _ in 0..n_entities {
        let entity = get_entity(d)?;
        restored(d, restorer.add_entity(entity))?;
    }
    let n_values = d.count()?;
    restorer.reserve_nodes(n_values);
    for _ in 0..n_values {
        let id = d.string()?;
        let text = d.string()?;
        let quantity = match d.u8()? {
            0 => None,
            tag @ (1 | 2) => {
                let mut q = ValueQuantity {
                    exact: d.string()?,
                    unit: d.opt_string()?,
                    ..ValueQuantity::default()
                };
                if tag == 2 {
                    q.min = d.opt_string()?;
                    q.max = d.opt_string()?;
                    q.approximate = d.bool()?;
                    q.bound = d.opt_string()?;
                }
                Some(q)
            }
            b => return Err(d.error(format!("expected a quantity tag (0, 1 or 2), found {b}"))),
        };
        let date = d.opt_string()?;
        restored(
            d,
            restorer.add_value(ValueNode {
                id,
                text,
                quantity,
                date,
            }),
        )?;
    }
    let mut mentions = Vec::new();
    for article in 0..n_articles {
        let n = d.count()?;
        mentions.clear();
        for _ in 0..n {
            mentions.push((d.usize()?, d.u32()?));
        }
        restored(d, restorer.add_mentions(article, &mentions))?;
    }
    Ok(())
}

/// An article as read, with its offset in the body for errors.
type ArticleRecordAt = (usize, ArticleRecord, Evidence);

/// A block of records: its offset in the body, the number of records and its bytes.
type Block<'b> = (usize, usize, &'b [u8]);

/// A list of blocks.
fn get_blocks<'b>(d: &mut Decoder<'b>) -> Result<Vec<Block<'b>>, DecodeError> {
    let n_blocks = d.count()?;
    let mut blocks = Vec::with_capacity(n_blocks);
    for _ in 0..n_blocks {
        let n = d.count()?;
        let len = d.usize()?;
        let at = d.position();
        blocks.push((at, n, d.take(len)?));
    }
    Ok(blocks)
}

/// One block of `n` articles that starts at byte `at` of the body.
fn get_article_block(
    at: usize,
    n: usize,
    bytes: &[u8],
    shared: Option<Shared<'_>>,
) -> Result<Vec<ArticleRecordAt>, DecodeError> {
    let shift = |mut err: DecodeError| {
        err.offset += at;
        err
    };
    let shared = shared.map(|s| Shared {
        bytes: s.bytes,
        base: s.base + at,
    });
    let mut d = Decoder::new(bytes);
    let mut res = Vec::with_capacity(n.min(bytes.len()));
    for _ in 0..n {
        let start = d.position();
        let record = get_article(&mut d).map_err(shift)?;
        let evidence = get_evidence(&mut d, shared).map_err(|err| DecodeError {
            offset: at + err.offset,
            message: format!("article {:?}: {}", record.id, err.message),
        })?;
        res.push((at + start, record, evidence));
    }
    if d.remaining() != 0 {
        return Err(shift(d.error(format!(
            "{} unexpected bytes after a block of articles",
            d.remaining()
        ))));
    }
    Ok(res)
}

/// An article's quoted sentences (version 3): (sentence index, end) pairs, then the text.
fn get_evidence(d: &mut Decoder<'_>, shared: Option<Shared<'_>>) -> Result<Evidence, DecodeError> {
    let n = d.count()?;
    let mut index = Vec::with_capacity(n);
    for _ in 0..n {
        index.push((d.u32()?, d.u32()?));
    }
    let len = d.usize()?;
    let at = d.position();
    let text = d.take(len)?;
    let evidence = match shared {
        Some(Shared { bytes, base }) => Evidence::shared(bytes.clone(), base + at, len, index),
        None => Evidence::owned(text, index),
    };
    evidence.map_err(|err| DecodeError {
        offset: at,
        message: err.to_string(),
    })
}

/// A relation as read, before it is checked against the nodes.
struct RelationRecord {
    /// Offset of the record in the body, for errors.
    at: usize,
    subject: usize,
    object: usize,
    predicate: Sym,
    context: RestoredContext,
    supports: SupportList,
}

fn get_relation(
    d: &mut Decoder<'_>,
    strings: &Strings,
    interner: &mut Interner,
    version: u32,
) -> Result<RelationRecord, DecodeError> {
    let at = d.position();
    let subject = d.usize()?;
    let object = d.usize()?;
    let predicate = strings.sym(d, interner)?;
    let negated = d.bool()?;
    let mut context = RestoredContext {
        negated,
        modality: Modality::Asserted,
        period: None,
    };
    if version >= 4 {
        context.modality = get_modality(d)?;
        context.period = match d.usize()? {
            0 => None,
            n => Some(strings.sym_at(d, n - 1, interner)?),
        };
    }
    let n = d.count()?;
    let mut supports = SupportList::with_capacity(n);
    for _ in 0..n {
        supports.push(get_support(d, strings, interner)?);
    }
    Ok(RelationRecord {
        at,
        subject,
        object,
        predicate,
        context,
        supports,
    })
}

/// One block of `n` relations that starts at byte `at` of the body.
fn get_relation_block(
    at: usize,
    n: usize,
    bytes: &[u8],
    strings: &Strings,
    version: u32,
) -> Result<Vec<RelationRecord>, DecodeError> {
    let shift = |mut err: DecodeError| {
        err.offset += at;
        err
    };
    let mut d = Decoder::new(bytes);
    // The table holds every string; nothing is interned here.
    let mut unused = Interner::new();
    let mut res = Vec::with_capacity(n.min(RELATIONS_PER_BLOCK));
    for _ in 0..n {
        let mut record = get_relation(&mut d, strings, &mut unused, version).map_err(shift)?;
        record.at += at;
        res.push(record);
    }
    if d.remaining() != 0 {
        return Err(shift(d.error(format!(
            "{} unexpected bytes after a block of relations",
            d.remaining()
        ))));
    }
    Ok(res)
}

fn add_relation(restorer: &mut Restorer, record: RelationRecord) -> Result<(), DecodeError> {
    let RelationRecord {
        at,
        subject,
        object,
        predicate,
        context,
        supports,
    } = record;
    restorer
        .add_relation(subject, object, predicate, context, supports)
        .map_err(|err| restore_error(at, err))
}

fn restore_error(at: usize, err: RestoreError) -> DecodeError {
    DecodeError {
        offset: at,
        message: err.to_string(),
    }
}

fn get_symbol_table(d: &mut Decoder<'_>, interner: &mut Interner) -> Result<Strings, DecodeError> {
    let n = d.count()?;
    let mut strings = Vec::with_capacity(n);
    for _ in 0..n {
        strings.push(interner.str(d.str()?));
    }
    let texts: Vec<String> = strings
        .iter()
        .map(|&s| interner.get(s).to_string())
        .collect();
    let lookup = |d: &mut Decoder<'_>, k: usize| -> Result<String, DecodeError> {
        texts
            .get(k)
            .cloned()
            .ok_or_else(|| d.error(format!("string {k} of {} in the table", strings.len())))
    };
    let n = d.count()?;
    let mut attributions = Vec::with_capacity(n);
    for _ in 0..n {
        let a = get_attribution_fields(
            d,
            |d| {
                let k = d.usize()?;
                lookup(d, k)
            },
            |d| match d.usize()? {
                0 => Ok(None),
                k => lookup(d, k - 1).map(Some),
            },
        )?;
        attributions.push(interner.attribution(a));
    }
    Ok(Strings::Table {
        strings,
        attributions,
    })
}

fn get_article(d: &mut Decoder<'_>) -> Result<ArticleRecord, DecodeError> {
    Ok(ArticleRecord {
        id: d.string()?,
        title: d.opt_string()?,
        date: d.opt_string()?,
        url: d.opt_string()?,
        source: d.opt_string()?,
        hash: d.string()?,
        bytes: d.usize()?,
    })
}

fn get_entity(d: &mut Decoder<'_>) -> Result<EntityNode, DecodeError> {
    let id = d.string()?;
    let kind = get_kind(d)?;
    let name = d.string()?;
    let n = d.count()?;
    let mut aliases = Vec::with_capacity(n);
    for _ in 0..n {
        aliases.push(d.string()?);
    }
    let n = d.count()?;
    let mut xref = std::collections::BTreeMap::new();
    for _ in 0..n {
        xref.insert(d.string()?, d.string()?);
    }
    Ok(EntityNode {
        id,
        kind,
        name,
        aliases,
        xref,
    })
}

fn get_kind(d: &mut Decoder<'_>) -> Result<EntityKind, DecodeError> {
    match d.u8()? {
        0 => Ok(EntityKind::Person),
        1 => Ok(EntityKind::Place),
        2 => Ok(EntityKind::Organisation),
        b => Err(d.error(format!("unknown entity type code {b}"))),
    }
}

fn get_support(
    d: &mut Decoder<'_>,
    strings: &Strings,
    interner: &mut Interner,
) -> Result<RestoredSupport, DecodeError> {
    let article = d.usize()?;
    let claim = match d.u8()? {
        0 => RestoredClaim::Hash(d.fixed64()?),
        1 => RestoredClaim::Text(d.str()?.into()),
        b => return Err(d.error(format!("unknown claim id code {b}"))),
    };
    let sentence = d.u32()?;
    let start = d.varint()?;
    let end = start.saturating_add(d.varint()?);
    let attribution = strings.attribution(d, interner)?;
    let quote = d.bool()?;
    let modality = get_modality(d)?;
    let confidence = f64::from_bits(d.fixed64()?);
    Ok(RestoredSupport {
        article,
        claim,
        sentence,
        start,
        end,
        attribution,
        quote,
        modality,
        confidence,
        predicate_text: strings.sym(d, interner)?,
        rule: strings.sym(d, interner)?,
    })
}

fn get_modality(d: &mut Decoder<'_>) -> Result<Modality, DecodeError> {
    Ok(match d.u8()? {
        0 => Modality::Asserted,
        1 => Modality::Obligation,
        2 => Modality::Possibility,
        3 => Modality::Future,
        4 => Modality::Conditional,
        5 => Modality::Hedged,
        b => return Err(d.error(format!("unknown modality code {b}"))),
    })
}

#[cfg(test)]
mod tests;
