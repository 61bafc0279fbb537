//! The store: a [`KnowledgeGraph`] on disk in a compact, versioned binary format.
//!
//! This is one of the three places that touch the filesystem. [`save`] writes atomically: a
//! temp file in the same directory, `fsync`, rename over the old store, `fsync` of the
//! directory, so a crash leaves either the old store or the new one, and a leftover temp file
//! is never read. [`load`] of a missing file is an empty graph; anything else that is not a
//! whole store of this version is an error naming the file, never a panic.
//!
//! # Format (version 1)
//!
//! ```text
//! "CLAIMGRAPH-STORE" (16 bytes)  version: u32 LE
//! body
//! "END!"  body length: u64 LE  checksum of the body: u64 LE
//! ```
//!
//! The body is the graph's stable representation, sorted by id and independent of petgraph's
//! index layout: articles (record + quoted sentences), entities, values, each article's
//! mentions, relations with their supports. Articles and nodes are referred to by position in
//! those sorted lists; relation ids are recomputed on load. Numbers are LEB128 varints, strings
//! are length-prefixed UTF-8, confidences are `f64` bits, claim ids of the form `c` + 16 hex
//! digits take 8 bytes. Equal graphs give equal bytes.

mod codec;

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use codec::{Checksum, DecodeError, Decoder, Encoder};

use crate::claim::{Attribution, EntityKindWire, Modality};
use crate::gazetteer::EntityKind;
use crate::graph::{
    EntityNode, KnowledgeGraph, RestoreError, RestoredSupport, Restorer, ValueNode, ValueQuantity,
};
use crate::pipeline::ArticleRecord;

/// Default store path.
pub const DEFAULT_STORE: &str = "output/claimgraph.store";

/// The format version this build reads and writes.
pub const VERSION: u32 = 1;

const MAGIC: &[u8; 16] = b"CLAIMGRAPH-STORE";
const END: &[u8; 4] = b"END!";
const HEADER_LEN: usize = MAGIC.len() + 4;
const TRAILER_LEN: usize = END.len() + 16;
const REBUILD: &str = "rebuild it with `claimgraph ingest` from the articles";

/// Why a store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: cannot {action}: {source}")]
    Io {
        path: String,
        action: &'static str,
        source: io::Error,
    },
    #[error("{path}: not a claimgraph store (no CLAIMGRAPH-STORE header); give the path of a store written by `claimgraph ingest`")]
    NotAStore { path: String },
    #[error("{path}: store format version {found}, but this claimgraph reads version {VERSION}; {REBUILD}")]
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
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(KnowledgeGraph::new()),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.display().to_string(),
                action: "read the store",
                source,
            })
        }
    };
    decode(&path.display().to_string(), &bytes)
}

/// Writes a store atomically (see the module docs), creating its directory.
///
/// # Errors
///
/// When a directory, the temp file or the rename fails; the old store is then untouched.
pub fn save(graph: &KnowledgeGraph, path: &Path) -> Result<(), StoreError> {
    let name = path.display().to_string();
    let io_err = |action: &'static str| {
        let name = name.clone();
        move |source: io::Error| StoreError::Io {
            path: name,
            action,
            source,
        }
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(io_err("create the store directory"))?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("store");
    let tmp = dir.join(format!(".{file_name}.tmp.{}", std::process::id()));
    let res = write_file(graph, &tmp).map_err(io_err("write the temp file"));
    let res = res.and_then(|()| {
        fs::rename(&tmp, path).map_err(io_err("rename the temp file over the store"))
    });
    if res.is_err() {
        // Best effort: the temp file is garbage now, and never read by `load` anyway.
        let _ = fs::remove_file(&tmp);
        return res;
    }
    sync_dir(dir).map_err(io_err("sync the store directory"))
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
    if version != VERSION {
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
    if sum != Checksum::of(body) {
        return Err(StoreError::Checksum { path });
    }
    decode_body(body).map_err(|err| StoreError::Corrupt {
        path,
        offset: HEADER_LEN + err.offset,
        message: err.message,
    })
}

fn write_file(graph: &KnowledgeGraph, tmp: &Path) -> io::Result<()> {
    let file = File::create(tmp)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    encode_to(graph, &mut out)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; the rename is durable enough there.
    Ok(())
}

fn encode_to<W: Write>(graph: &KnowledgeGraph, mut out: W) -> io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&VERSION.to_le_bytes())?;
    let mut enc = Encoder::new(out);
    let mut article_pos: HashMap<&str, usize> = HashMap::with_capacity(graph.n_articles());
    enc.usize(graph.n_articles())?;
    for (pos, article) in graph.articles().enumerate() {
        article_pos.insert(&article.record.id, pos);
        put_article(&mut enc, &article.record)?;
        let evidence: Vec<(u32, &str)> = article.evidence().collect();
        enc.usize(evidence.len())?;
        for (idx, text) in evidence {
            enc.varint(u64::from(idx))?;
            enc.str(text)?;
        }
    }
    let mut node_pos: HashMap<&str, usize> =
        HashMap::with_capacity(graph.n_entities() + graph.n_values());
    enc.usize(graph.n_entities())?;
    for entity in graph.entities() {
        node_pos.insert(&entity.id, node_pos.len());
        put_entity(&mut enc, entity)?;
    }
    enc.usize(graph.n_values())?;
    for value in graph.values() {
        node_pos.insert(&value.id, node_pos.len());
        enc.str(&value.id)?;
        enc.str(&value.text)?;
        match &value.quantity {
            None => enc.u8(0)?,
            Some(q) => {
                enc.u8(1)?;
                enc.str(&q.exact)?;
                enc.opt_str(q.unit.as_deref())?;
            }
        }
        enc.opt_str(value.date.as_deref())?;
    }
    for article in graph.articles() {
        let mentions = graph.article_mentions(&article.record.id);
        enc.usize(mentions.len())?;
        for (entity, count) in mentions {
            enc.usize(
                node_pos
                    .get(entity.id.as_str())
                    .copied()
                    .unwrap_or(usize::MAX),
            )?;
            enc.varint(u64::from(count))?;
        }
    }
    enc.usize(graph.n_relations())?;
    for relation in graph.relations() {
        enc.usize(
            node_pos
                .get(relation.subject.id())
                .copied()
                .unwrap_or(usize::MAX),
        )?;
        enc.usize(
            node_pos
                .get(relation.object.id())
                .copied()
                .unwrap_or(usize::MAX),
        )?;
        enc.str(&relation.relation.predicate)?;
        enc.u8(u8::from(relation.relation.negated))?;
        enc.usize(relation.relation.n_supports())?;
        for s in relation.supports() {
            let article = article_pos
                .get(s.article.id.as_str())
                .copied()
                .unwrap_or(usize::MAX);
            enc.usize(article)?;
            put_claim_id(&mut enc, &s.support.claim)?;
            let s = s.support;
            enc.varint(u64::from(s.sentence))?;
            enc.varint(s.start)?;
            enc.varint(s.end.saturating_sub(s.start))?;
            put_attribution(&mut enc, s.attribution.as_ref())?;
            enc.u8(u8::from(s.quote))?;
            enc.u8(modality_code(s.modality))?;
            enc.fixed64(s.confidence.to_bits())?;
            enc.str(&s.predicate_text)?;
            enc.str(&s.rule)?;
        }
    }
    let (mut out, len, sum) = enc.finish()?;
    out.write_all(END)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&sum.to_le_bytes())?;
    out.flush()
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
fn put_claim_id<W: Write>(enc: &mut Encoder<W>, id: &str) -> io::Result<()> {
    let hex = id
        .strip_prefix('c')
        .filter(|h| h.len() == 16 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    match hex.and_then(|h| u64::from_str_radix(h, 16).ok()) {
        Some(v) => {
            enc.u8(0)?;
            enc.fixed64(v)
        }
        None => {
            enc.u8(1)?;
            enc.str(id)
        }
    }
}

fn put_attribution<W: Write>(enc: &mut Encoder<W>, a: Option<&Attribution>) -> io::Result<()> {
    let Some(a) = a else {
        return enc.u8(0);
    };
    enc.u8(1)?;
    enc.str(&a.text)?;
    enc.opt_str(a.entity.as_deref())?;
    enc.opt_str(a.name.as_deref())?;
    enc.u8(a.kind.map_or(0, |k| 1 + kind_code(k.into())))?;
    enc.str(&a.verb)
}

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

fn decode_body(body: &[u8]) -> Result<KnowledgeGraph, DecodeError> {
    let mut d = Decoder::new(body);
    let mut restorer = Restorer::new();
    let restored =
        |d: &Decoder<'_>, res: Result<(), RestoreError>| res.map_err(|e| d.error(e.to_string()));
    let n_articles = d.count()?;
    for _ in 0..n_articles {
        let record = get_article(&mut d)?;
        let n = d.count()?;
        let mut evidence = Vec::with_capacity(n);
        for _ in 0..n {
            evidence.push((d.u32()?, d.str()?.into()));
        }
        restored(&d, restorer.add_article(record, evidence))?;
    }
    let n_entities = d.count()?;
    for _ in 0..n_entities {
        let entity = get_entity(&mut d)?;
        restored(&d, restorer.add_entity(entity))?;
    }
    let n_values = d.count()?;
    for _ in 0..n_values {
        let id = d.string()?;
        let text = d.string()?;
        let quantity = match d.bool()? {
            false => None,
            true => Some(ValueQuantity {
                exact: d.string()?,
                unit: d.opt_string()?,
            }),
        };
        let date = d.opt_string()?;
        restored(
            &d,
            restorer.add_value(ValueNode {
                id,
                text,
                quantity,
                date,
            }),
        )?;
    }
    for article in 0..n_articles {
        let n = d.count()?;
        for _ in 0..n {
            let node = d.usize()?;
            let count = d.u32()?;
            restored(&d, restorer.add_mention(article, node, count))?;
        }
    }
    let n_relations = d.count()?;
    for _ in 0..n_relations {
        let subject = d.usize()?;
        let object = d.usize()?;
        let predicate = d.string()?;
        let negated = d.bool()?;
        let n = d.count()?;
        let mut supports = Vec::with_capacity(n);
        for _ in 0..n {
            supports.push(get_support(&mut d)?);
        }
        restored(
            &d,
            restorer.add_relation(subject, object, predicate, negated, supports),
        )?;
    }
    if d.remaining() != 0 {
        return Err(d.error(format!(
            "{} unexpected bytes after the relations",
            d.remaining()
        )));
    }
    Ok(restorer.finish())
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

fn get_support(d: &mut Decoder<'_>) -> Result<RestoredSupport, DecodeError> {
    let article = d.usize()?;
    let claim = match d.u8()? {
        0 => format!("c{:016x}", d.fixed64()?),
        1 => d.string()?,
        b => return Err(d.error(format!("unknown claim id code {b}"))),
    };
    let sentence = d.u32()?;
    let start = d.varint()?;
    let end = start.saturating_add(d.varint()?);
    let attribution = match d.bool()? {
        false => None,
        true => Some(Attribution {
            text: d.string()?,
            entity: d.opt_string()?,
            name: d.opt_string()?,
            kind: match d.u8()? {
                0 => None,
                1 => Some(EntityKindWire::Person),
                2 => Some(EntityKindWire::Place),
                3 => Some(EntityKindWire::Organisation),
                b => return Err(d.error(format!("unknown entity type code {b}"))),
            },
            verb: d.string()?,
        }),
    };
    let quote = d.bool()?;
    let modality = match d.u8()? {
        0 => Modality::Asserted,
        1 => Modality::Obligation,
        2 => Modality::Possibility,
        3 => Modality::Future,
        4 => Modality::Conditional,
        5 => Modality::Hedged,
        b => return Err(d.error(format!("unknown modality code {b}"))),
    };
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
        predicate_text: d.string()?,
        rule: d.string()?,
    })
}

#[cfg(test)]
mod tests;
