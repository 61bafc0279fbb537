//! Helpers shared by the graph integration tests: run the real binary in a temp dir (through
//! `tests/util`, the one helper that runs it) and capture exit code, stdout and stderr as text.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::path::{Path, PathBuf};

// The one helper that runs the binary; this module only reshapes its result.
#[path = "../util/mod.rs"]
mod util;

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn claimgraph(dir: &Path, args: &[&str]) -> Out {
    let run = util::claimgraph(dir, args);
    Out {
        code: run.code.unwrap_or(-1),
        stdout: run.stdout().to_string(),
        stderr: run.stderr,
    }
}

pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/graph")
        .join(name)
        .display()
        .to_string()
}

/// Ingests claim fixtures (without gazetteer names) into `dir/s.store`; asserts success.
pub fn ingest(dir: &Path, fixtures: &[&str]) -> Out {
    let paths: Vec<String> = fixtures.iter().map(|f| fixture(f)).collect();
    let mut args = vec!["ingest", "--no-gazetteer", "--store", "s.store"];
    for p in &paths {
        args.push("--claims");
        args.push(p);
    }
    let out = claimgraph(dir, &args);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert_eq!(out.stdout, "");
    out
}

/// Runs a query against `dir/s.store`.
pub fn query(dir: &Path, args: &[&str]) -> Out {
    let mut all = vec!["query", "--store", "s.store"];
    all.extend_from_slice(args);
    claimgraph(dir, &all)
}
