//! An analyst's questions through the real binary (issue 16, items 4-6): alias decisions that
//! stick (`alias same/different/list/undo`), `query review`, `query quotes`, `query search`,
//! the claims table, whole-word predicates, and names that resolve to nothing or to several
//! entities. The articles are written for these tests.

mod graph_common;

use std::fs;
use std::path::Path;

use graph_common::{claimgraph, Out};

/// A mayor spelled two ways by two outlets, her quotes, a harbour master the gazetteer links
/// to a namesake by the bare surname, and a lease.
const HARBOUR: &str = r#"{"id":"harbor-1","title":"Bridge plan","date":"2025-03-01","source":"Harbor Times","url":"https://example.org/h1","text":"Bridge plan\n\nMayor Ilse Vantongeren said on Monday that the new bridge will open in May. \"The city council will approve the budget in April,\" Vantongeren said. \"Marta Quillfeather will lead the port board,\" Vantongeren added."}
{"id":"harbor-2","title":"Bridge costs","date":"2025-03-04","source":"Coast Ledger","url":"https://example.org/h2","text":"Bridge costs\n\nMayor Ilse Vantongaren defended the cost of the bridge on Thursday. \"The harbour authority will pay half of the bill,\" Vantongaren told reporters. Marta Quillfeather criticised the contract."}
{"id":"harbor-3","title":"Port master","date":"2025-03-05","source":"Coast Ledger","text":"Port master\n\nQuillfeather, the harbour master, inspected the cranes on Friday. Quillfeather ordered new cranes for the port."}
{"id":"harbor-5","title":"Lease","date":"2025-03-06","source":"Harbor Times","text":"Lease\n\nThe port director resigned from the harbour authority. The harbour authority signed a lease with the ferry company. The ferry company did not sign the contract with the harbour authority, which had promised a new quay for the ferries of the northern islands before the winter storms."}
"#;

/// A later article with the second spelling.
const FERRY: &str = r#"{"id":"harbor-4","title":"Ferry","date":"2025-03-09","source":"Coast Ledger","text":"Ferry\n\nMayor Ilse Vantongaren opened the ferry terminal on Sunday."}
"#;

/// An analyst's list: Marta Quillfeather, also known by her surname alone.
const GAZETTEER: &str = r#"(
  entries: [
    (id: "person:marta-quillfeather", type: person, name: "Marta Quillfeather", aliases: ["Quillfeather"]),
  ],
)
"#;

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("gaz")).unwrap();
    fs::write(dir.path().join("gaz/people.ron"), GAZETTEER).unwrap();
    fs::write(dir.path().join("harbour.jsonl"), HARBOUR).unwrap();
    fs::write(dir.path().join("ferry.jsonl"), FERRY).unwrap();
    dir
}

/// Ingests every claim the articles make (no confidence threshold): these cases check what
/// the queries show, not which claims the default threshold keeps; the short quotations they
/// are built on score under it.
fn ingest(dir: &Path, files: &[&str]) {
    let mut args = vec![
        "-q",
        "--gazetteer",
        "gaz",
        "ingest",
        "--min-confidence",
        "0",
        "--store",
        "s.store",
    ];
    args.extend_from_slice(files);
    let out = claimgraph(dir, &args);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{}", out.stdout);
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--store", "s.store"]);
    claimgraph(dir, &all)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
}

/// Subject ids of the claims' JSON Lines.
fn subjects(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["query", "claims", "--format", "jsonl"];
    all.extend_from_slice(args);
    let mut res: Vec<String> = ok(dir, &all)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["subject"]["id"].as_str().unwrap().to_string()
        })
        .collect();
    res.sort();
    res.dedup();
    res
}

#[test]
fn alias_same_merges_two_spellings_and_survives_a_reingest() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    let two = ok(dir, &["query", "entity", "Ilse Vantongaren"]);
    assert!(
        two.starts_with("Ilse Vantongaren (person, person:ilse-vantongaren)\n"),
        "{two}"
    );
    let out = run(
        dir,
        &["alias", "same", "Ilse Vantongeren", "Ilse Vantongaren"],
    );
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            0,
            "decision 1: person:ilse-vantongaren is merged into person:ilse-vantongeren\n",
            ""
        )
    );
    let file = fs::read_to_string(dir.join("s.store.aliases.ron")).unwrap();
    assert!(
        file.contains("verdict: same, names: (\"Ilse Vantongeren\", \"Ilse Vantongaren\")"),
        "{file}"
    );
    let merged = ok(dir, &["query", "entity", "Ilse Vantongaren"]);
    assert!(
        merged.starts_with(
            "Ilse Vantongeren (person, person:ilse-vantongeren)\naliases: Ilse Vantongaren\nmentions: 5 in 2 articles"
        ),
        "{merged}"
    );
    // A re-ingest with a new article of the second spelling: the store keeps the tool's two
    // ids, every load merges them again.
    ingest(dir, &["harbour.jsonl", "ferry.jsonl"]);
    assert_eq!(
        subjects(dir, &["--subject", "Ilse Vantongaren"]),
        vec!["person:ilse-vantongeren"]
    );
    let claims = ok(dir, &["query", "claims", "--subject", "Ilse Vantongeren"]);
    assert!(claims.contains("open       the ferry terminal"), "{claims}");
    assert!(
        claims.contains("defend     the cost of the bridge"),
        "{claims}"
    );
    let export = ok(dir, &["export", "--format", "jsonl"]);
    assert!(export.contains("person:ilse-vantongeren"));
    assert!(!export.contains("person:ilse-vantongaren"), "{export}");
    // Asking again records nothing; undo takes it back.
    let again = ok(
        dir,
        &["alias", "same", "Ilse Vantongaren", "Ilse Vantongeren"],
    );
    assert_eq!(again, "nothing to record: person:ilse-vantongeren and person:ilse-vantongeren already are one entity\n");
    assert_eq!(
        ok(dir, &["alias", "undo", "1"]),
        "undid decision 1 (same \"Ilse Vantongeren\" \"Ilse Vantongaren\")\n"
    );
    assert_eq!(
        subjects(dir, &["--subject", "Ilse Vantongaren"]),
        vec!["person:ilse-vantongaren"]
    );
    let out = run(dir, &["alias", "undo", "1"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "claimgraph: no decision 1; `claimgraph alias list` shows the numbers\n"
        )
    );
}

#[test]
fn alias_different_splits_a_wrong_link_at_the_next_ingest_and_undo_restores_it() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    // The gazetteer linked the harbour master "Quillfeather" to Marta Quillfeather.
    assert_eq!(
        subjects(dir, &["--predicate", "order"]),
        vec!["person:marta-quillfeather"]
    );
    let out = run(
        dir,
        &["alias", "different", "Quillfeather", "Marta Quillfeather"],
    );
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "decision 1: \"Quillfeather\" written alone is no longer person:marta-quillfeather; it becomes person:quillfeather when its articles are ingested again\n"
        ),
        "{}",
        out.stderr
    );
    ingest(dir, &["harbour.jsonl"]);
    assert_eq!(
        subjects(dir, &["--predicate", "order"]),
        vec!["person:quillfeather"]
    );
    // The article that names her in full keeps its link.
    assert_eq!(
        subjects(dir, &["--predicate", "criticise"]),
        vec!["person:marta-quillfeather"]
    );
    // "Quillfeather" now names two entities: the candidates are listed and the exit is 1.
    let out = run(dir, &["query", "entity", "Quillfeather"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            1,
            "",
            "claimgraph: \"Quillfeather\" matches several entities: person:marta-quillfeather (Marta Quillfeather), person:quillfeather (Quillfeather); give one of the ids\n"
        )
    );
    let list = ok(dir, &["alias", "list"]);
    assert!(
        list.contains("1  different  \"Quillfeather\"  \"Marta Quillfeather\""),
        "{list}"
    );
    ok(dir, &["alias", "undo", "1"]);
    ingest(dir, &["harbour.jsonl"]);
    assert_eq!(
        subjects(dir, &["--predicate", "order"]),
        vec!["person:marta-quillfeather"]
    );
}

#[test]
fn different_entities_cannot_be_merged_until_the_decision_is_undone() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    ok(
        dir,
        &["alias", "different", "Ilse Vantongeren", "Ilse Vantongaren"],
    );
    let out = run(
        dir,
        &["alias", "same", "Ilse Vantongeren", "Ilse Vantongaren"],
    );
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "claimgraph: decision 1 says person:ilse-vantongeren and person:ilse-vantongaren are different; `claimgraph alias undo 1` first\n"
        )
    );
    // An unknown name lists what is close and exits 1.
    let out = run(dir, &["alias", "same", "Ilse Vantongeren", "Vantongerx"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out
        .stderr
        .starts_with("claimgraph: no entity matches \"Vantongerx\""));
}

#[test]
fn a_bad_decisions_file_names_line_and_column() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    fs::write(
        dir.join("s.store.aliases.ron"),
        "(\n    decisions: [\n        (n: 1, verdict: perhaps),\n    ],\n)\n",
    )
    .unwrap();
    let out = run(dir, &["query", "stats"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("claimgraph: s.store.aliases.ron:3:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("perhaps"), "{}", out.stderr);
}

#[test]
fn review_lists_a_surname_found_alone_beside_the_full_name() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    fs::write(
        dir.join("r.jsonl"),
        concat!(
            r#"{"id":"s1","date":"2025-04-01","text":"School\n\nMayor Henrik Solvang opened the new school on Monday."}"#,
            "\n",
            r#"{"id":"s2","date":"2025-04-02","text":"Pool\n\nMayor Solvang closed the public pool on Tuesday. Mayor Solvang praised the lifeguards."}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = claimgraph(dir, &["-q", "ingest", "--store", "s.store", "r.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let review = ok(dir, &["query", "review"]);
    let lines: Vec<&str> = review.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "least  mentions  reason        name     entity                                  other",
            "1      3         surname-only  solvang  person:henrik-solvang (Henrik Solvang)  person:solvang (Solvang)",
        ],
        "{review}"
    );
    // Once decided, the pair leaves the review.
    ok(dir, &["alias", "different", "Solvang", "Henrik Solvang"]);
    let out = run(dir, &["query", "review"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    ok(dir, &["alias", "undo", "1"]);
    ok(dir, &["alias", "same", "Henrik Solvang", "Solvang"]);
    assert_eq!(run(dir, &["query", "review"]).code, 1);
    let claims = ok(dir, &["query", "claims", "--subject", "Henrik Solvang"]);
    assert!(claims.contains("close      the public pool"), "{claims}");
}

#[test]
fn quotes_list_what_a_speaker_said_and_what_mentions_someone() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    let quotes = ok(dir, &["query", "quotes", "Ilse Vantongeren"]);
    assert_eq!(
        quotes,
        "date        speaker      source        article   quote\n\
         2025-03-01  Vantongeren  Harbor Times  harbor-1  \"The city council will approve the budget in April,\" Vantongeren said.\n\
         2025-03-01  Vantongeren  Harbor Times  harbor-1  \"Marta Quillfeather will lead the port board,\" Vantongeren added.\n"
    );
    // After a merge the other spelling's quotes are hers too.
    ok(
        dir,
        &["alias", "same", "Ilse Vantongeren", "Ilse Vantongaren"],
    );
    let quotes = ok(
        dir,
        &["query", "quotes", "Ilse Vantongeren", "--format", "jsonl"],
    );
    let rows: Vec<serde_json::Value> = quotes
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "{quotes}");
    assert_eq!(rows[2]["speaker"], "Vantongaren");
    assert_eq!(rows[2]["speaker_entity"], "person:ilse-vantongeren");
    assert_eq!(rows[2]["source"], "Coast Ledger");
    assert_eq!(rows[2]["url"], "https://example.org/h2");
    let about = ok(dir, &["query", "quotes", "--about", "Marta Quillfeather"]);
    assert_eq!(about.lines().count(), 2, "{about}");
    assert!(about.contains("\"Marta Quillfeather will lead the port board,\""));
    let out = run(
        dir,
        &["query", "quotes", "--about", "The Council Of Nowhere"],
    );
    assert_eq!(out.code, 1);
}

#[test]
fn search_finds_claims_by_whole_words_of_their_evidence() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    let found = ok(dir, &["query", "search", "COST", "bridge"]);
    let lines: Vec<&str> = found.lines().collect();
    // Every claim of that one sentence, and nothing else.
    assert!(lines.len() >= 2, "{found}");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.ends_with("defended the cost of the bridge on Thursday.")),
        "{found}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("defend     the cost of the bridge")),
        "{found}"
    );
    // "bridges" is not "bridge", and "cos" is no word of it.
    assert_eq!(run(dir, &["query", "search", "cos", "bridge"]).code, 1);
    assert_eq!(run(dir, &["query", "search", "bridges"]).code, 1);
}

#[test]
fn the_claims_table_shows_date_source_modality_negation_and_whole_words() {
    let dir = setup();
    let dir = dir.path();
    ingest(dir, &["harbour.jsonl"]);
    let signed = ok(dir, &["query", "claims", "--predicate", "sign"]);
    let lines: Vec<&str> = signed.lines().collect();
    assert_eq!(
        lines[0],
        "date        subject                predicate  object                                   modality  negated  supports  sources  rel  cred  source        per  evidence"
    );
    // "resign" is not "sign"; the negated claim says so in two places.
    assert_eq!(lines.len(), 3, "{signed}");
    assert!(lines.iter().all(|l| !l.contains("resign")));
    let row = |start: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row {start:?} in\n{signed}"))
            .to_string()
    };
    // Supports, independent sources, grade (none: no --sources) and credibility, then source;
    // an object keeps the phrase that says which lease and which contract.
    let lease = row(
        "2025-03-06  The harbour authority  sign       a lease with the ferry company           asserted  no       1         1        -    ",
    );
    assert!(lease.contains("  Harbor Times  "), "{lease}");
    let negated = row(
        "2025-03-06  The ferry company      not sign   the contract with the harbour authority  asserted  yes      1         1        -    ",
    );
    assert!(negated.contains("  Harbor Times  "), "{negated}");
    // The long evidence is cut after a whole word.
    let evidence = negated.rsplit("  ").next().unwrap();
    let cut = evidence.strip_suffix(" …").expect("cut");
    let sentence = "The ferry company did not sign the contract with the harbour authority, which had promised a new quay for the ferries of the northern islands before the winter storms.";
    assert!(sentence.starts_with(cut), "{evidence}");
    assert_eq!(sentence.as_bytes()[cut.len()], b' ', "{evidence}");
}
