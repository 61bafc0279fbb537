//! Integration tests: each runs the real `claimgraph` binary in its own temporary directory and
//! checks its exit status, stdout and stderr. All of them compile into this one test binary;
//! add a module per topic.

mod articles;
mod commands;
mod threads;
#[path = "../util/mod.rs"]
mod util;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `claimgraph` with `args` in `dir`.
pub fn claimgraph(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the claimgraph binary runs")
}
