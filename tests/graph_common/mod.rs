//! Helpers shared by the graph integration tests: run the real binary in a temp dir and
//! capture exit code, stdout and stderr.

#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn claimgraph(dir: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("running claimgraph");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
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
