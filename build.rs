//! Checks the shipped gazetteer lists and compiles them into the binary, so that claimgraph
//! runs from any directory, never reads files it was not asked to read, and starts fast.
//!
//! The lists are parsed and validated here by the library's own loader (`src/gazetteer/load.rs`,
//! shared through `#[path]`), so a malformed shipped file fails the build with its
//! `file:line:col`. The loaded entries and their folded name table (`src/gazetteer/names.rs`,
//! folded by `src/fold.rs`) are written to `$OUT_DIR/gazetteer.blob` (`src/gazetteer/blob.rs`),
//! which the library includes and decodes at startup.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The shared modules sit at this crate's root so that their `crate::fold` and `super::*` paths
// resolve here as they do in the library. The build script uses only part of each.
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/gazetteer/blob.rs"]
mod blob;
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/fold.rs"]
mod fold;
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/hash.rs"]
mod hash;
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/gazetteer/ids.rs"]
mod ids;
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/gazetteer/load.rs"]
mod load;
#[allow(
    dead_code,
    reason = "shared with the library; the build script uses part of it"
)]
#[path = "src/gazetteer/names.rs"]
mod names;
#[path = "src/varint.rs"]
mod varint;

use load::{Gazetteer, Layer};
use names::NameTable;

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut res = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return res;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            res.extend(ron_files(&path));
        } else if path.extension().and_then(|e| e.to_str()) == Some("ron") {
            res.push(path);
        }
    }
    res.sort();
    res
}

/// Loads the shipped files in load order (generated, cues, news), as the runtime loader would.
fn load(root: &Path) -> Result<Gazetteer, String> {
    let mut res = Gazetteer::empty();
    for layer_dir in ["generated", "cues", "news"] {
        let dir = root.join("gazetteer").join(layer_dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        for file in ron_files(&dir) {
            println!("cargo:rerun-if-changed={}", file.display());
            let rel = file
                .strip_prefix(root)
                .unwrap_or(&file)
                .display()
                .to_string();
            let text =
                fs::read_to_string(&file).map_err(|err| format!("{rel}: cannot read: {err}"))?;
            let layer = if rel.contains("/generated/") {
                Layer::Generated
            } else {
                Layer::Curated
            };
            res.add_source(&rel, &text, layer)
                .map_err(|err| err.to_string())?;
        }
    }
    Ok(res)
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").map_err(|err| format!("CARGO_MANIFEST_DIR: {err}"))?,
    );
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|err| format!("OUT_DIR: {err}"))?);
    println!("cargo:rerun-if-changed=gazetteer");
    let gazetteer = load(&root)?;
    let table = NameTable::of_entities(gazetteer.entities());
    let blob = blob::encode(&gazetteer, &table)
        .map_err(|err| format!("encoding the gazetteer: {err:?}"))?;
    let dest = out_dir.join("gazetteer.blob");
    fs::write(&dest, blob).map_err(|err| format!("{}: {err}", dest.display()))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
