//! Helpers shared by the integration test crates (`cli`, `bad_input`, `output_golden`): run the
//! real `claimgraph` binary in a directory and capture its exit code, stdout and stderr, and
//! read JSON Lines output back.

#![allow(
    dead_code,
    reason = "each test crate uses a different subset of these helpers"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One finished run of the binary.
pub struct Run {
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    /// Stdout as UTF-8; a test fails when it is not.
    pub fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is UTF-8")
    }

    /// Each stdout line parsed as one JSON value; a test fails on a line that is not JSON.
    pub fn jsonl(&self) -> Vec<serde_json::Value> {
        parse_jsonl(self.stdout())
    }

    /// Asserts the exit code, printing stderr when it differs.
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "exit code; stderr:\n{}\nstdout (first 2000 bytes):\n{}",
            self.stderr,
            String::from_utf8_lossy(&self.stdout[..self.stdout.len().min(2000)])
        );
        self
    }

    /// Asserts that the run succeeded and printed nothing on stderr.
    pub fn assert_clean(&self) -> &Self {
        self.assert_code(0);
        assert_eq!(self.stderr, "", "stderr should be empty");
        self
    }
}

/// Runs `claimgraph` with `args` in `dir`.
pub fn claimgraph(dir: &Path, args: &[&str]) -> Run {
    claimgraph_stdin(dir, args, None)
}

/// Runs `claimgraph` with `args` in `dir`, feeding `stdin` when given (else an empty stdin).
pub fn claimgraph_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the claimgraph binary starts");
    let input = stdin.unwrap_or(b"").to_vec();
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // Write from another thread so a full stdout pipe cannot deadlock a large input.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("claimgraph finishes");
    writer.join().expect("the stdin writer does not panic");
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Parses JSON Lines; every non-empty line must be one JSON object.
pub fn parse_jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .enumerate()
        .map(|(idx, line)| {
            let value: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("line {} is not JSON ({err}): {line}", idx + 1));
            assert!(
                value.is_object(),
                "line {} is not an object: {line}",
                idx + 1
            );
            value
        })
        .collect()
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/fixtures/articles/`.
pub fn article_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/articles").join(name)
}

/// A fresh temporary directory.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}
