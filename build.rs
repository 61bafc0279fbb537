//! Compiles the shipped gazetteer lists into the binary, so that claimgraph runs from any
//! directory and never reads files it was not asked to read.
use std::fs;
use std::path::{Path, PathBuf};

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

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let gaz = root.join("gazetteer");
    println!("cargo:rerun-if-changed=gazetteer");
    let mut out = String::from("/// Shipped gazetteer files, in load order: generated, cues, news.\npub const FILES: &[(&str, &str)] = &[\n");
    for layer in ["generated", "cues", "news"] {
        let dir = gaz.join(layer);
        println!("cargo:rerun-if-changed={}", dir.display());
        for file in ron_files(&dir) {
            println!("cargo:rerun-if-changed={}", file.display());
            let rel = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
            out.push_str(&format!("    ({:?}, include_str!({:?})),\n", rel, file.display().to_string()));
        }
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_gazetteer.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
