//! Writers and odd file systems (issue 12): the store lock with two concurrent writers,
//! stores reached through symbolic links, private stores, stale temp files, files that are
//! not stores, the Neo4j CSV read as `neo4j-admin` reads it, node ids with control
//! characters, reserved and duplicate gazetteer ids, and error messages that name the user's
//! path. Each test runs the real binary.

mod graph_common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use graph_common::{claimgraph, fixture, ingest, Out};

/// Writes `n` small articles named `{tag}-{i}.txt` into `dir`; returns their content ids.
fn write_articles(dir: &Path, tag: &str, n: usize) -> BTreeSet<String> {
    fs::create_dir_all(dir).unwrap();
    let mut ids = BTreeSet::new();
    for i in 0..n {
        let text = format!(
            "Report {tag} number {i}\n\nThe mayor of Lisbon said on Monday that the city of \
             Porto would get {i} new buses next year. Officials in Madrid said the plan for \
             batch {tag} was sound, and the council of Lisbon agreed."
        );
        ids.insert(claimgraph::article::content_id(&text));
        fs::write(dir.join(format!("{tag}-{i}.txt")), text).unwrap();
    }
    ids
}

/// The article ids in a store, from its JSON export.
fn stored_articles(dir: &Path, store: &str) -> BTreeSet<String> {
    let out = claimgraph(dir, &["export", "--store", store, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "article")
        .map(|n| n["article"].as_str().unwrap().to_string())
        .collect()
}

fn spawn_ingest(dir: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .arg("ingest")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(child: std::process::Child) -> Out {
    let out = child.wait_with_output().unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn concurrent_ingests_keep_both_sets_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    let first = write_articles(&dir.path().join("first"), "first", 24);
    let second = write_articles(&dir.path().join("second"), "second", 24);
    let a = spawn_ingest(dir.path(), &["--store", "s.store", "first"]);
    let b = spawn_ingest(dir.path(), &["--store", "s.store", "second"]);
    let (a, b) = (finish(a), finish(b));
    assert_eq!((a.code, b.code), (0, 0), "{}\n{}", a.stderr, b.stderr);
    let expected: BTreeSet<String> = first.union(&second).cloned().collect();
    assert_eq!(stored_articles(dir.path(), "s.store"), expected);
    assert!(
        !dir.path().join("s.store.lock").exists(),
        "the lock file was left behind"
    );
}

/// Holds the writers' lock of `dir/s.store` as another claimgraph would.
fn hold_lock(dir: &Path) -> fs::File {
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(dir.join("s.store.lock"))
        .unwrap();
    file.lock().unwrap();
    std::io::Write::write_all(&mut file, std::process::id().to_string().as_bytes()).unwrap();
    file
}

#[test]
fn a_held_lock_makes_writers_wait_or_fail_and_readers_go_on() {
    let dir = tempfile::tempdir().unwrap();
    ingest(dir.path(), &["plan-a.jsonl"]);
    let lock = hold_lock(dir.path());
    let pid = std::process::id();
    let plan_b = fixture("plan-b.jsonl");
    let args = ["--no-gazetteer", "--store", "s.store", "--claims", &plan_b];

    let mut no_wait = vec!["ingest", "--no-wait"];
    no_wait.extend_from_slice(&args);
    let out = claimgraph(dir.path(), &no_wait);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "claimgraph: the store s.store is being written by pid {pid} (lock s.store.lock); \
             try again when it is done, or leave out --no-wait to wait for it\n"
        )
    );

    // Readers never wait for the lock.
    let out = claimgraph(dir.path(), &["query", "--store", "s.store", "stats"]);
    assert_eq!(out.code, 0, "{}", out.stderr);

    let waiting = spawn_ingest(dir.path(), &args);
    std::thread::sleep(Duration::from_millis(1500));
    let before = stored_articles(dir.path(), "s.store");
    drop(lock);
    let out = finish(waiting);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "claimgraph: waiting for the lock on s.store held by pid {pid}\n"
        )),
        "{}",
        out.stderr
    );
    let after = stored_articles(dir.path(), "s.store");
    assert!(after.len() > before.len(), "{before:?} {after:?}");
}

#[cfg(unix)]
#[test]
fn a_store_behind_a_link_stays_behind_it_and_keeps_its_mode() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("real")).unwrap();
    ingest(dir.path(), &["plan-a.jsonl"]);
    fs::rename(dir.path().join("s.store"), dir.path().join("real/s.store")).unwrap();
    fs::set_permissions(
        dir.path().join("real/s.store"),
        fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    symlink("real/s.store", dir.path().join("link.store")).unwrap();
    let plan_b = fixture("plan-b.jsonl");
    let out = claimgraph(
        dir.path(),
        &[
            "ingest",
            "--no-gazetteer",
            "--store",
            "link.store",
            "--claims",
            &plan_b,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let link = fs::symlink_metadata(dir.path().join("link.store")).unwrap();
    assert!(link.file_type().is_symlink());
    let real = fs::metadata(dir.path().join("real/s.store")).unwrap();
    assert_eq!(real.permissions().mode() & 0o777, 0o600);
    let articles = stored_articles(dir.path(), "real/s.store");
    assert!(
        articles.contains("plan-a") && articles.contains("plan-b"),
        "{articles:?}"
    );
    let names: Vec<String> = fs::read_dir(dir.path().join("real"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
}

/// A pid that no process has now: a child that has exited and been reaped.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn stale_temp_files_go_on_the_next_write_and_live_ones_stay() {
    let dir = tempfile::tempdir().unwrap();
    let dead = dir.path().join(format!(".s.store.tmp.{}", dead_pid()));
    let live = dir
        .path()
        .join(format!(".s.store.tmp.{}", std::process::id()));
    fs::write(&dead, b"half a store").unwrap();
    fs::write(&live, b"being written").unwrap();
    let live_file = fs::File::open(&live).unwrap();
    live_file.lock().unwrap();
    ingest(dir.path(), &["plan-a.jsonl"]);
    assert!(!dead.exists(), "the dead writer's temp file is still there");
    assert!(live.exists(), "a live writer's temp file was removed");
}

#[test]
fn a_failed_export_leaves_no_temp_file_and_names_the_users_path() {
    let dir = tempfile::tempdir().unwrap();
    ingest(dir.path(), &["plan-a.jsonl"]);
    fs::create_dir_all(dir.path().join("taken")).unwrap();
    let out = claimgraph(
        dir.path(),
        &[
            "export", "--store", "s.store", "--format", "json", "-o", "taken",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("claimgraph: taken: cannot replace: "),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(".tmp"), "{}", out.stderr);
    assert_eq!(out.stderr.matches("(os error").count(), 1, "{}", out.stderr);
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
}

#[test]
fn what_is_not_a_regular_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("adir")).unwrap();
    let out = claimgraph(dir.path(), &["query", "--store", "adir", "stats"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "claimgraph: adir: not a regular file; give the path of a store file\n"
    );
    if !Path::new("/dev/urandom").exists() {
        return;
    }
    // Before the check this read the device until memory ran out; allow a slow machine.
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["query", "--store", "/dev/urandom", "stats"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("claimgraph is still reading /dev/urandom as a store");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "claimgraph: /dev/urandom: not a regular file; give the path of a store file\n"
    );
}

#[test]
fn a_large_file_of_something_else_is_refused_by_its_header() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.bin"), vec![b'x'; 8 << 20]).unwrap();
    let out = claimgraph(dir.path(), &["query", "--store", "big.bin", "stats"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("claimgraph: big.bin: not a claimgraph store"),
        "{}",
        out.stderr
    );
}

#[test]
fn run_checks_its_output_directory_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    write_articles(&dir.path().join("in"), "run", 1);
    fs::write(dir.path().join("out.txt"), "a file, not a directory").unwrap();
    let out = claimgraph(
        dir.path(),
        &["run", "in", "--out", "out.txt", "--store", "s.store"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "claimgraph: --out out.txt: not a directory; give a directory for graph.dot, \
         graph.json, mentions.jsonl and claims.jsonl\n"
    );
    assert!(!dir.path().join("s.store").exists());
}

/// Parses CSV as neo4j-admin does with `--multiline-fields=true`: `"` quotes, `""` inside
/// quotes is a quote, commas and newlines inside quotes are text.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "unterminated CSV"
    );
    rows
}

/// One CSV file as (header, rows), with array columns (`:LABEL`, `name:type[]`) split on
/// the delimiter given to `--array-delimiter=U+001F`.
fn neo4j_file(dir: &Path, name: &str) -> Vec<std::collections::BTreeMap<String, Vec<String>>> {
    let text = fs::read_to_string(dir.join("neo4j").join(name)).unwrap();
    let mut rows = parse_csv(&text).into_iter();
    let header = rows.next().unwrap();
    rows.map(|row| {
        assert_eq!(row.len(), header.len(), "{name}: {row:?}");
        header
            .iter()
            .zip(row)
            .map(|(column, value)| {
                let is_array = column == ":LABEL" || column.ends_with("[]");
                let values = if !is_array {
                    vec![value]
                } else if value.is_empty() {
                    Vec::new()
                } else {
                    value.split('\u{1f}').map(str::to_string).collect()
                };
                let key = column.split(':').next().unwrap_or("");
                let key = if key.is_empty() {
                    column.clone()
                } else {
                    key.to_string()
                };
                (key, values)
            })
            .collect()
    })
    .collect()
}

#[test]
fn neo4j_csv_has_real_labels_and_arrays() {
    let dir = tempfile::tempdir().unwrap();
    // With the built-in gazetteer's names, so that entities have aliases.
    let (plan_a, plan_b, quoted) = (
        fixture("plan-a.jsonl"),
        fixture("plan-b.jsonl"),
        fixture("quoted.jsonl"),
    );
    let out = claimgraph(
        dir.path(),
        &[
            "ingest", "--store", "s.store", "--claims", &plan_a, "--claims", &plan_b, "--claims",
            &quoted,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = claimgraph(
        dir.path(),
        &[
            "export", "--store", "s.store", "--format", "neo4j", "-o", "neo4j",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = claimgraph(
        dir.path(),
        &["export", "--store", "s.store", "--format", "json"],
    );
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();

    let entities = neo4j_file(dir.path(), "entities.csv");
    assert!(!entities.is_empty());
    for row in &entities {
        let node = nodes.iter().find(|n| n["id"] == row["id"][0]).unwrap();
        let kind = match node["type"].as_str().unwrap() {
            "person" => "Person",
            "place" => "Place",
            _ => "Organisation",
        };
        assert_eq!(row[":LABEL"], ["Entity", kind]);
        let aliases: Vec<&str> = node["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(row["aliases"], aliases);
    }
    assert!(
        entities.iter().any(|row| row["aliases"].len() > 1),
        "no entity with several aliases to check arrays on"
    );
    for (file, label) in [("values.csv", "Value"), ("articles.csv", "Article")] {
        for row in neo4j_file(dir.path(), file) {
            assert_eq!(row[":LABEL"], [label], "{file}");
        }
    }
    let claims = neo4j_file(dir.path(), "claims.csv");
    let links = doc["links"].as_array().unwrap();
    let mut multi = 0;
    for row in &claims {
        let link = links.iter().find(|l| l["key"] == row["id"][0]).unwrap();
        let supports = link["supports"].as_array().unwrap();
        let field = |key: &str| -> Vec<String> {
            supports
                .iter()
                .map(|s| match &s[key] {
                    serde_json::Value::String(v) => v.clone(),
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::Object(a) => a["text"].as_str().unwrap().to_string(),
                    v => v.to_string(),
                })
                .collect()
        };
        // A one-element array of an empty string is an empty field, which neo4j-admin reads
        // as no value: CSV cannot tell the two apart.
        let check = |key: &str, expected: Vec<String>| {
            if expected == [""] && row[key].is_empty() {
                return;
            }
            assert_eq!(row[key], expected, "{key}");
        };
        assert_eq!(row["n_supports"], [supports.len().to_string()]);
        check("articles", field("article"));
        check("claims", field("claim"));
        check("evidence", field("evidence"));
        check("attributions", field("attribution"));
        check("modalities", field("modality"));
        check("quotes", field("quote"));
        check("predicate_texts", field("predicate_text"));
        let confidences: Vec<f64> = row["confidences"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect();
        let expected: Vec<f64> = supports
            .iter()
            .map(|s| s["confidence"].as_f64().unwrap())
            .collect();
        assert_eq!(confidences, expected);
        multi += usize::from(supports.len() > 1);
    }
    assert!(
        multi > 0,
        "no relation with several supports to check arrays on"
    );
}

#[test]
fn a_control_character_gives_one_node_id_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixture("plan-a.jsonl")).unwrap();
    // The same claims under an article id and an entity id with a control character.
    let odd = text
        .replace("\"plan-a\"", "\"plan\\u0007a\"")
        .replace("place:ukraine", "place:ukr\\u0001aine");
    fs::write(dir.path().join("odd.jsonl"), odd).unwrap();
    let out = claimgraph(
        dir.path(),
        &[
            "ingest",
            "--no-gazetteer",
            "--store",
            "s.store",
            "--claims",
            "odd.jsonl",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let export = |format: &str| {
        let out = claimgraph(
            dir.path(),
            &["export", "--store", "s.store", "--format", format],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let entity = "place:ukr\u{fffd}aine";
    let article = "article:plan\u{fffd}a";
    let json = export("json");
    assert!(json.contains(&format!("\"id\": \"{entity}\"")), "{json}");
    assert!(json.contains(&format!("\"id\": \"{article}\"")), "{json}");
    assert!(export("dot").contains(&format!("\"{entity}\" [label=")));
    let graphml = export("graphml");
    assert!(graphml.contains(&format!("<node id=\"{entity}\">")));
    assert!(graphml.contains(&format!("<node id=\"{article}\">")));
    let cypher = export("cypher");
    assert!(cypher.contains(&format!("{{id: '{entity}'}}")));
    assert!(cypher.contains(&format!("{{id: '{article}'}}")));
    let out = claimgraph(
        dir.path(),
        &[
            "export", "--store", "s.store", "--format", "neo4j", "-o", "neo4j",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        neo4j_file(dir.path(), "entities.csv")
            .iter()
            .filter(|r| r["id"] == [entity])
            .count(),
        1
    );
    assert_eq!(
        neo4j_file(dir.path(), "articles.csv")
            .iter()
            .filter(|r| r["id"] == [article])
            .count(),
        1
    );
    for stdout in [json, export("dot"), export("graphml"), export("cypher")] {
        assert!(!stdout.contains('\u{1}') && !stdout.contains('\u{7}'));
    }
}

fn gazetteer_error(ron: &str) -> Out {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("gaz")).unwrap();
    fs::write(dir.path().join("gaz/extra.ron"), ron).unwrap();
    fs::write(dir.path().join("a.txt"), "A short article.").unwrap();
    claimgraph(dir.path(), &["tag", "--gazetteer", "gaz", "a.txt"])
}

#[test]
fn reserved_gazetteer_ids_are_refused_with_file_and_line() {
    let out = gazetteer_error(
        "(\n  entries: [\n    (id: \"person:ok\", type: person, name: \"Ok Person\"),\n    \
         (id: \"article:x1\", type: place, name: \"Somewhere\"),\n  ],\n)\n",
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "claimgraph: loading the gazetteer: gaz/extra.ron:4: id \"article:x1\" starts with \
         \"article:\", which claimgraph keeps for its own nodes; give the entry another id\n"
    );
    let out = gazetteer_error(
        "(entries: [(id: \"value:quantity:500:troops\", type: organisation, name: \"V\")])",
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("gaz/extra.ron:1: id \"value:quantity:500:troops\""),
        "{}",
        out.stderr
    );
}

#[test]
fn a_duplicate_id_in_one_file_names_both_lines() {
    let out = gazetteer_error(
        "(\n  entries: [\n    (id: \"place:twin\", type: place, name: \"First Twin\"),\n    \
         (id: \"person:other\", type: person, name: \"Other\"),\n    \
         (\n      id: \"place:twin\",\n      type: place,\n      name: \"Second Twin\",\n    ),\n  ],\n)\n",
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "claimgraph: loading the gazetteer: gaz/extra.ron:6: id \"place:twin\" is already used \
         at line 3 of this file; give one of them another id or merge them\n"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_gazetteer_file_prints_the_os_error_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("gaz")).unwrap();
    std::os::unix::fs::symlink("missing.ron", dir.path().join("gaz/broken.ron")).unwrap();
    fs::write(dir.path().join("a.txt"), "A short article.").unwrap();
    let out = claimgraph(dir.path(), &["tag", "--gazetteer", "gaz", "a.txt"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("gaz/broken.ron"), "{}", out.stderr);
    assert_eq!(out.stderr.matches("(os error").count(), 1, "{}", out.stderr);
}
