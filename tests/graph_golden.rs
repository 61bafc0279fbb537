//! Golden files for every export format (and two query tables) of a small store built from
//! the claim fixtures. A mismatch prints both texts; `UPDATE_GOLDEN=1 cargo test --test
//! graph_golden` rewrites `tests/golden/graph/`. Review golden diffs like code.

mod graph_common;

use std::path::PathBuf;

use graph_common::{claimgraph, ingest, query};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/graph")
}

fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run UPDATE_GOLDEN=1 cargo test --test graph_golden",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from {}\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ingest(
        dir.path(),
        &["plan-a.jsonl", "plan-b.jsonl", "quoted.jsonl"],
    );
    dir
}

#[test]
fn exports_match_golden_files() {
    let dir = store();
    for (format, name) in [
        ("dot", "graph.dot"),
        ("json", "graph.json"),
        ("jsonl", "claims.jsonl"),
        ("graphml", "graph.graphml"),
        ("cypher", "graph.cypher"),
    ] {
        let out = claimgraph(
            dir.path(),
            &["export", "--store", "s.store", "--format", format],
        );
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{format}");
        check(name, &out.stdout);
    }
    let out = claimgraph(
        dir.path(),
        &[
            "export", "--store", "s.store", "--format", "neo4j", "-o", "neo4j",
        ],
    );
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    for name in [
        "entities.csv",
        "values.csv",
        "articles.csv",
        "claims.csv",
        "mentions.csv",
    ] {
        let text = std::fs::read_to_string(dir.path().join("neo4j").join(name)).unwrap();
        check(&format!("neo4j-{name}"), &text);
    }
}

#[test]
fn filtered_export_matches_golden_file() {
    let dir = store();
    let out = claimgraph(
        dir.path(),
        &[
            "export", "--store", "s.store", "--format", "dot", "--around", "Crimea", "--depth", "1",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    check("around-crimea.dot", &out.stdout);
}

#[test]
fn exports_are_byte_identical_across_ingest_orders() {
    let forward = store();
    let backward = tempfile::tempdir().unwrap();
    ingest(
        backward.path(),
        &["quoted.jsonl", "plan-b.jsonl", "plan-a.jsonl"],
    );
    assert_eq!(
        std::fs::read(forward.path().join("s.store")).unwrap(),
        std::fs::read(backward.path().join("s.store")).unwrap()
    );
    for format in ["dot", "json", "graphml", "cypher"] {
        let a = claimgraph(
            forward.path(),
            &["export", "--store", "s.store", "--format", format],
        );
        let b = claimgraph(
            backward.path(),
            &["export", "--store", "s.store", "--format", format],
        );
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn query_tables_match_golden_files() {
    let dir = store();
    check(
        "query-conflicts.txt",
        &query(dir.path(), &["conflicts"]).stdout,
    );
    check(
        "query-timeline-ukraine.txt",
        &query(dir.path(), &["timeline", "Ukraine"]).stdout,
    );
    check(
        "query-entity-ukraine.json",
        &query(dir.path(), &["entity", "Ukraine", "--format", "json"]).stdout,
    );
}
