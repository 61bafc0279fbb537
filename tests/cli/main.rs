//! Integration tests: each runs the real `claimgraph` binary in its own temporary directory and
//! checks its exit status, stdout and stderr. All of them compile into this one test binary;
//! add a module per topic.

mod articles;
mod commands;
mod linking;
mod mentions;
mod threads;
#[path = "../util/mod.rs"]
mod util;
