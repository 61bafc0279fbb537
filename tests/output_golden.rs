//! `output/` is what `claimgraph run seeds/` writes from an empty store: graph.dot,
//! graph.json, mentions.jsonl, claims.jsonl and claimgraph.store. This test runs the same
//! command into a temporary directory and compares every file byte for byte, and checks that
//! two runs give the same bytes.

mod util;

use std::path::Path;

use util::{claimgraph, root, tempdir};

const FILES: [&str; 5] = [
    "claimgraph.store",
    "claims.jsonl",
    "graph.dot",
    "graph.json",
    "mentions.jsonl",
];

const REGENERATE: &str = "regenerate it with `rm -rf output && cargo run --release -- run seeds/` \
     (the store must start empty: `run` ingests into output/claimgraph.store), then review the diff \
     with `git diff output/`";

/// Runs `run seeds/ --out out` in a fresh directory and returns the directory.
fn run_seeds() -> tempfile::TempDir {
    let dir = tempdir();
    let seeds = root().join("seeds");
    let run = claimgraph(
        dir.path(),
        &["run", seeds.to_str().expect("UTF-8 path"), "--out", "out"],
    );
    run.assert_code(0);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr,
        "claimgraph: 1 articles in the store; wrote out/graph.dot, graph.json, mentions.jsonl, claims.jsonl\n"
    );
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut res: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("reading {}: {err}; {REGENERATE}", dir.display()))
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .collect();
    res.sort();
    res
}

/// The first line where two texts differ, for the failure message.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    let mut want_lines = want.lines();
    let mut got_lines = got.lines();
    let mut line = 1;
    loop {
        match (want_lines.next(), got_lines.next()) {
            (None, None) => return "they differ only in line ends".to_string(),
            (w, g) if w == g => line += 1,
            (w, g) => {
                let show = |s: Option<&str>| {
                    s.map(|s| s.chars().take(300).collect::<String>())
                        .unwrap_or_else(|| "<end of file>".to_string())
                };
                return format!(
                    "first difference at line {line}:\n  output/: {}\n  now:     {}",
                    show(w),
                    show(g)
                );
            }
        }
    }
}

#[test]
fn output_dir_matches_a_fresh_run_of_the_seeds() {
    let committed = root().join("output");
    assert_eq!(
        files_in(&committed),
        FILES,
        "output/ should hold exactly these files; {REGENERATE}"
    );
    let dir = run_seeds();
    let out = dir.path().join("out");
    assert_eq!(files_in(&out), FILES);
    let mut stale = Vec::new();
    for name in FILES {
        let want = std::fs::read(committed.join(name)).expect("read output/ file");
        let got = std::fs::read(out.join(name)).expect("read fresh file");
        if want != got {
            stale.push(format!("output/{name}: {}", first_difference(&want, &got)));
        }
    }
    assert!(
        stale.is_empty(),
        "output/ is stale; {REGENERATE}\n\n{}",
        stale.join("\n\n")
    );
}

#[test]
fn two_runs_give_the_same_bytes() {
    let first = run_seeds();
    let second = run_seeds();
    for name in FILES {
        let a = std::fs::read(first.path().join("out").join(name)).expect("read first");
        let b = std::fs::read(second.path().join("out").join(name)).expect("read second");
        assert!(
            a == b,
            "{name} differs between two runs: {}",
            first_difference(&a, &b)
        );
    }
}
