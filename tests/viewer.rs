//! `claimgraph export --format html`: the offline viewer file, checked as bytes (the browser
//! checks are `scripts/check-viewer.sh`). Hostile names, evidence, titles and addresses must
//! stay inside the JSON data: no script element may end early and no markup may appear.

mod graph_common;

use std::path::{Path, PathBuf};

use graph_common::claimgraph;

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn hostile_fixture() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/viewer/hostile.jsonl")
        .display()
        .to_string()
}

fn export_html(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["export", "--format", "html", "--store", "s.store"];
    args.extend_from_slice(extra);
    let out = claimgraph(dir, &args);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    out.stdout
}

/// The text of the data element, parsed.
fn data(html: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="cg-data">"#;
    let start = html.find(open).expect("data element") + open.len();
    let end = start + html[start..].find("</script>").expect("end of data");
    serde_json::from_str(&html[start..end]).expect("data is JSON")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.to_ascii_lowercase().matches(needle).count()
}

#[test]
fn hostile_text_stays_data() {
    let dir = tempdir();
    let out = claimgraph(
        dir.path(),
        &[
            "ingest",
            "--no-gazetteer",
            "--store",
            "s.store",
            "--claims",
            &hostile_fixture(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = export_html(dir.path(), &[]);
    // Six script elements (data, d3, cytoscape, logic, worker, view), each closed once:
    // nothing in the data opened or closed one.
    assert_eq!(count(&html, "<script"), 6);
    assert_eq!(count(&html, "</script"), 6);
    assert_eq!(count(&html, "<!--"), 0);
    for raw in [
        "<img src=x",
        "<b>Title",
        "<i>Source",
        "<u>barges",
        "\u{2028}",
    ] {
        assert!(!html.contains(raw), "{raw:?} is in the file unescaped");
    }
    // The data gives every string back exactly.
    let v = data(&html);
    let labels: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"</script><script>window.cgPwned=1</script> Guild"));
    assert!(labels.contains(
        &"Ima \"Quote\" O'Brien <img src=x onerror=\"window.cgPwned=2\"> \\ back\\slash"
    ));
    assert!(labels
        .iter()
        .any(|l| l.starts_with("Ost\u{2028}mark \u{202e}")));
    let evidence = v["sentences"][0].as_str().unwrap();
    assert!(evidence.contains(" </SCRIPT ><b>bold</b> & {{data}} \\u003c end."));
    assert_eq!(v["articles"][0]["url"], "javascript:window.cgPwned=3");
    assert_eq!(
        v["relations"][0]["sup"][0]["by"].as_str().map(|s| &s[..9]),
        Some("</script>")
    );
}

#[test]
fn seed_export_holds_the_claims_and_is_deterministic() {
    // The seed ingested with a lower threshold than the default, so that its graph holds
    // relations with literal objects and more than one entity to draw.
    let dir = tempdir();
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let seeds = seeds.display().to_string();
    let args = [
        "-q",
        "ingest",
        &seeds,
        "--store",
        "s.store",
        "--min-confidence",
        "0.5",
    ];
    let out = claimgraph(dir.path(), &args);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let html = export_html(dir.path(), &[]);
    assert_eq!(html, export_html(dir.path(), &[]));
    let v = data(&html);
    let nodes = v["nodes"].as_array().unwrap();
    let ukraine = nodes
        .iter()
        .position(|n| n["id"] == "place:ukraine")
        .unwrap();
    let withdraw = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["s"] == ukraine && r["p"] == "withdraw from")
        .expect("the withdraw-from claim");
    let object = &nodes[withdraw["o"].as_u64().unwrap() as usize];
    assert!(object["label"].as_str().unwrap().contains("Donetsk"));
    let sentence = withdraw["sup"][0]["e"].as_u64().unwrap() as usize;
    assert!(v["sentences"][sentence]
        .as_str()
        .unwrap()
        .contains("Ukrainian forces will withdraw"));
    // The page forbids every load (the browser check also finds no request made).
    assert!(html.contains("content=\"default-src 'none'; "));
    // A neighbourhood is a smaller file; the scripts are the same.
    let small = export_html(dir.path(), &["--around", "Donetsk Oblast", "--depth", "1"]);
    let small_nodes = data(&small)["nodes"].as_array().unwrap().len();
    assert!(small_nodes < nodes.len(), "{small_nodes} < {}", nodes.len());
    assert!(small.len() < html.len());
}
