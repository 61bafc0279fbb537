//! The store, ingest and queries through the real binary, driven by claim fixtures.

mod graph_common;

use graph_common::{claimgraph, ingest, query};

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn ingesting_twice_leaves_the_store_unchanged() {
    let dir = tempdir();
    let first = ingest(dir.path(), &["plan-a.jsonl", "plan-b.jsonl"]);
    assert_eq!(first.stderr, "claimgraph: 2 articles in s.store (was 0) (claim files: 2 added, 0 replaced, 0 unchanged)\n");
    let before = std::fs::read(dir.path().join("s.store")).unwrap();
    let again = ingest(dir.path(), &["plan-a.jsonl", "plan-b.jsonl"]);
    assert_eq!(again.stderr, "claimgraph: 2 articles in s.store (was 2) (claim files: 0 added, 0 replaced, 2 unchanged)\n");
    assert_eq!(std::fs::read(dir.path().join("s.store")).unwrap(), before);
}

#[test]
fn a_changed_article_replaces_its_claims() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl", "plan-b.jsonl"]);
    let out = ingest(dir.path(), &["plan-a-v2.jsonl"]);
    assert_eq!(out.stderr, "claimgraph: 2 articles in s.store (was 2) (claim files: 0 added, 1 replaced, 0 unchanged)\n");
    let out = query(
        dir.path(),
        &["claims", "--subject", "ukraine", "--format", "jsonl"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut objects: Vec<String> = out
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["object"]["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    objects.sort();
    assert_eq!(objects, ["700,000 troops", "800,000 troops"]);
    // Russia's claim from the old version of plan-a is gone; plan-b's stays.
    let out = query(
        dir.path(),
        &["claims", "--predicate", "recognise", "--format", "jsonl"],
    );
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(out.stdout.contains("\"article\":\"plan-b\""));
    assert!(!out.stdout.contains("\"article\":\"plan-a\""));
}

#[test]
fn a_claim_repeated_by_two_articles_merges() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl", "plan-b.jsonl"]);
    let out = query(
        dir.path(),
        &["claims", "--predicate", "recognise", "--format", "json"],
    );
    assert_eq!(out.code, 0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["n_supports"], 2);
    assert_eq!(v[0]["supports"][0]["article"], "plan-a");
    assert_eq!(v[0]["supports"][1]["article"], "plan-b");
    assert_eq!(v[0]["supports"][1]["attribution"], "the counter-proposal");
}

#[test]
fn a_held_out_allegation_challenges_a_graph_relation() {
    let dir = tempdir();
    ingest(dir.path(), &["birth-a.jsonl", "birth-b.jsonl"]);
    // The allegation scores under the threshold: no conflict in the graph alone.
    let out = query(dir.path(), &["conflicts"]);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
    let held = graph_common::fixture("birth-held-out.jsonl");
    let out = query(dir.path(), &["conflicts", "--held-out", &held]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // Only the named, linked voice challenges; "some say" does not.
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", out.stdout);
    assert!(lines[0].starts_with("held-out y"), "{}", lines[0]);
    assert!(lines[0].ends_with(": Ada Brennick be born in  (sources 1 vs held out)"));
    assert_eq!(lines[1], "  Lisbon [asserted]");
    assert_eq!(lines[3], "  Porto [hedged, held out: confidence 0.30]");
    assert!(lines[4].contains("[birth-b 2024-05-01 Example Post per Campaigner Tomas Vell]"));
    let count = |args: &[&str]| {
        let mut all = vec!["conflicts", "--held-out", &held, "--format", "jsonl"];
        all.extend_from_slice(args);
        query(dir.path(), &all).stdout.lines().count()
    };
    assert_eq!(
        count(&["--kind", "held-out", "--subject", "Ada Brennick"]),
        1
    );
    assert_eq!(count(&["--kind", "one-valued"]), 0);
    assert_eq!(count(&["--source", "tomas vell"]), 1);
    assert_eq!(count(&["--since", "2024-06-01"]), 0);
    assert_eq!(count(&["--as-of", "2024-12-31"]), 0);
}

#[test]
fn two_articles_in_conflict() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl", "plan-b.jsonl"]);
    // Three days apart with no stated period: the figures are not comparable.
    let out = query(dir.path(), &["conflicts"]);
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
    // The same counter-proposal reported the next day disagrees with the plan.
    let next_day = std::fs::read_to_string(graph_common::fixture("plan-b.jsonl"))
        .unwrap()
        .replace("2025-11-23", "2025-11-21")
        .replace("fixture-plan-b-v1", "fixture-plan-b-next-day");
    std::fs::write(dir.path().join("next-day.jsonl"), next_day).unwrap();
    let out = claimgraph(
        dir.path(),
        &[
            "ingest",
            "--no-gazetteer",
            "--store",
            "s.store",
            "--claims",
            "next-day.jsonl",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = query(dir.path(), &["conflicts"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_eq!(
        out.stdout,
        "quantity x7d413924f2db9dda: Ukraine limit army  (sources 1 vs 1)\n  \
800,000 troops [obligation]\n    \
[plan-b 2025-11-21 Example Wire per European officials] European officials said Ukraine would have to limit its army to 800,000 troops.\n  \
600,000 troops [obligation]\n    \
[plan-a 2025-11-20 Reuters per the plan] The plan says Ukraine would have to limit its army to 600,000 troops.\n"
    );
    let filtered = |args: &[&str]| {
        let mut all = vec!["conflicts", "--format", "jsonl"];
        all.extend_from_slice(args);
        query(dir.path(), &all).stdout.lines().count()
    };
    assert_eq!(filtered(&["--subject", "Ukraine", "--kind", "quantity"]), 1);
    assert_eq!(filtered(&["--kind", "negation"]), 0);
    assert_eq!(
        filtered(&["--source", "reuters", "--since", "2025-11-20"]),
        1
    );
    assert_eq!(
        filtered(&["--until", "2025-11-20"]),
        0,
        "each side needs a date in range"
    );
}

#[test]
fn every_query_answers() {
    let dir = tempdir();
    ingest(
        dir.path(),
        &["plan-a.jsonl", "plan-b.jsonl", "quoted.jsonl"],
    );
    let ok = |args: &[&str]| {
        let out = query(dir.path(), args);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{args:?}");
        out.stdout
    };
    assert!(ok(&["entity", "UKRAINE"])
        .starts_with("Ukraine (place, place:ukraine)\nmentions: 4 in 3 articles; 4 relations\n"));
    assert_eq!(
        ok(&["claims", "--source", "reuters", "--format", "jsonl"])
            .lines()
            .count(),
        3
    );
    assert_eq!(
        ok(&[
            "claims",
            "--since",
            "2025-11-21",
            "--until",
            "2025-11-22",
            "--format",
            "jsonl"
        ])
        .lines()
        .count(),
        2
    );
    assert_eq!(
        ok(&["claims", "--object", "Crimea", "--format", "jsonl"])
            .lines()
            .count(),
        2
    );
    let neighbors = ok(&["neighbors", "Volodymyr Zelenskyy", "--depth", "2"]);
    assert_eq!(neighbors.lines().count(), 5, "{neighbors}");
    assert_eq!(
        ok(&[
            "neighbors",
            "ukraine",
            "--type",
            "person",
            "--format",
            "jsonl"
        ])
        .lines()
        .count(),
        1
    );
    let path = ok(&["path", "Volodymyr Zelenskyy", "acme \"quoted\" \\ works"]);
    assert!(
        path.starts_with(
            "path 1 (2 steps): person:volodymyr-zelenskyy -> place:ukraine -> org:acme-quoted\n"
        ),
        "{path}"
    );
    // plan-a and plan-b are three days apart: nothing comparable (see two_articles_in_conflict).
    assert_eq!(
        query(dir.path(), &["conflicts", "--format", "jsonl"]).code,
        1
    );
    let timeline = ok(&["timeline", "russia", "--format", "jsonl"]);
    let dates: Vec<String> = timeline
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].to_string())
        .collect();
    assert_eq!(
        dates,
        ["\"2025-11-20\"", "\"2025-11-22\"", "\"2025-11-23\""]
    );
    assert!(ok(&["stats"]).contains("conflicts      0\n"));
}

#[test]
fn nothing_found_and_unknown_names_exit_1() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl"]);
    let out = query(dir.path(), &["claims", "--predicate", "invade"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            1,
            "date  subject  predicate  object  modality  negated  supports  sources  rel  cred  source  per  evidence\n",
            ""
        )
    );
    // An unknown name finds nothing: exit 1, with the close names on stderr.
    let out = query(dir.path(), &["entity", "Ukrain"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "claimgraph: no entity matches \"Ukrain\"; did you mean: place:ukraine (Ukraine)\n"
    );
    let out = query(dir.path(), &["path", "Crimea", "Volodymyr Zelenskyy"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            1,
            "no connection between place:crimea and person:volodymyr-zelenskyy\n"
        )
    );
}

#[test]
fn a_write_killed_midway_leaves_the_old_store() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl"]);
    let store = dir.path().join("s.store");
    let good = std::fs::read(&store).unwrap();
    // What a killed `save` leaves: a temp file, whole or cut short, beside the store.
    std::fs::write(
        dir.path().join(".s.store.tmp.4242"),
        &good[..good.len() / 2],
    )
    .unwrap();
    std::fs::write(dir.path().join(".s.store.tmp.4343"), b"").unwrap();
    let out = query(dir.path(), &["stats", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"articles\": 1"));
    ingest(dir.path(), &["plan-b.jsonl"]);
    let out = query(dir.path(), &["stats", "--format", "json"]);
    assert!(out.stdout.contains("\"articles\": 2"));
}

#[test]
fn a_truncated_or_foreign_store_is_a_clear_error() {
    let dir = tempdir();
    ingest(dir.path(), &["plan-a.jsonl"]);
    let store = dir.path().join("s.store");
    let good = std::fs::read(&store).unwrap();
    std::fs::write(&store, &good[..good.len() - 10]).unwrap();
    let out = query(dir.path(), &["stats"]);
    assert_eq!((out.code, out.stdout.as_str()), (2, ""));
    assert_eq!(
        out.stderr,
        format!("claimgraph: s.store: truncated store ({} bytes and no end marker; was a write interrupted?); restore a backup or rebuild it with `claimgraph ingest` from the articles\n", good.len() - 10)
    );
    std::fs::write(&store, b"{\"not\": \"a store\"}").unwrap();
    let out = claimgraph(
        dir.path(),
        &["export", "--store", "s.store", "--format", "dot"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, "claimgraph: s.store: not a claimgraph store (no CLAIMGRAPH-STORE header); give the path of a store written by `claimgraph ingest`\n");
    // A failed ingest does not overwrite the foreign file.
    let out = claimgraph(
        dir.path(),
        &[
            "ingest",
            "--no-gazetteer",
            "--store",
            "s.store",
            "--claims",
            &graph_common::fixture("plan-b.jsonl"),
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(std::fs::read(&store).unwrap(), b"{\"not\": \"a store\"}");
}

#[test]
fn a_batch_answers_every_line_against_one_load() {
    let dir = tempdir();
    ingest(
        dir.path(),
        &["plan-a.jsonl", "plan-b.jsonl", "quoted.jsonl"],
    );
    // Each answer equals the single query's; bad lines are named and skipped.
    let single = |args: &[&str]| query(dir.path(), args).stdout;
    std::fs::write(
        dir.path().join("q.txt"),
        "# what analysts ask\nentity UKRAINE\n\nneighbors \"Volodymyr Zelenskyy\" --depth 2\nentitty Ukraine\nclaims --object 'Crimea'\n",
    )
    .unwrap();
    let out = query(dir.path(), &["--format", "jsonl", "batch", "q.txt"]);
    assert_eq!(out.code, 2, "a bad line makes the exit status 2");
    assert!(
        out.stderr
            .starts_with("claimgraph: q.txt:5: unrecognized subcommand 'entitty'"),
        "{}",
        out.stderr
    );
    let want = [
        single(&["--format", "jsonl", "entity", "UKRAINE"]),
        single(&[
            "--format",
            "jsonl",
            "neighbors",
            "Volodymyr Zelenskyy",
            "--depth",
            "2",
        ]),
        single(&["--format", "jsonl", "claims", "--object", "Crimea"]),
    ]
    .concat();
    assert_eq!(out.stdout, want);
    // Tables are headed by their line; a batch of good lines exits 0.
    std::fs::write(dir.path().join("ok.txt"), "stats\nentity UKRAINE\n").unwrap();
    let out = query(dir.path(), &["batch", "ok.txt"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert!(out.stdout.starts_with("== stats\n"), "{}", out.stdout);
    assert!(out
        .stdout
        .contains("\n== entity UKRAINE\nUkraine (place, place:ukraine)\n"));
}

#[test]
fn an_older_store_loads_and_is_rewritten_in_the_new_model_on_ingest() {
    let dir = tempdir();
    let old = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-v2.store");
    std::fs::copy(old, dir.path().join("s.store")).unwrap();
    let stats = query(dir.path(), &["stats"]);
    assert_eq!((stats.code, stats.stderr.as_str()), (0, ""));
    assert!(
        stats.stdout.contains("articles       1\n"),
        "{}",
        stats.stdout
    );
    ingest(dir.path(), &["plan-a.jsonl"]);
    let bytes = std::fs::read(dir.path().join("s.store")).unwrap();
    assert_eq!(bytes[16..20], 4u32.to_le_bytes(), "rewritten as version 4");
    let out = claimgraph(
        dir.path(),
        &["export", "--format", "json", "--store", "s.store"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let graph: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut uses: std::collections::BTreeMap<String, usize> = Default::default();
    for link in graph["links"].as_array().unwrap() {
        for end in ["source", "target"] {
            let id = link[end].as_str().unwrap();
            if id.starts_with("value:") {
                *uses.entry(id.to_string()).or_default() += 1;
            }
        }
    }
    assert!(!uses.is_empty());
    assert!(
        uses.values().all(|&n| n == 1),
        "every literal is one relation's leaf: {uses:?}"
    );
    for node in graph["nodes"].as_array().unwrap() {
        let is_literal = node["kind"] == "value" && node.get("quantity").is_none();
        if is_literal {
            let text = node["text"].as_str().unwrap();
            assert!(claimgraph::claim::text_exclusion(text).is_none(), "{text}");
        }
    }
}
