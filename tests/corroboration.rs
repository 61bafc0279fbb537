//! Issue 16, items 1-3, through the real binary: independent corroboration (syndicated copies
//! count once), graded sources (`--sources`, `--min-reliability`), and what was known when
//! (`--as-of`, `query changes`, `timeline --since/--until`). The articles are our own.

#[path = "util/mod.rs"]
mod util;

use std::fs;
use std::path::Path;

use serde_json::Value;
use util::{claimgraph, Run};

/// One wire story (credited to Reuters) carried by three outlets, the third rewritten so that
/// only the credit makes it a copy; a fourth outlet reprints the first text word for word
/// without a credit; one independent report in other words; one blog post.
const SYNDICATED: &str = r#"{"id":"wire-1","title":"Portugal and Spain","date":"2025-03-03","url":"https://example.org/wire-1","source":"Lusitania Herald","text":"LISBON (Reuters) - Portugal will sell 400 tanks to Spain, the defence minister said on Monday. The sale was agreed last week."}
{"id":"wire-2","title":"Portugal sells tanks","date":"2025-03-03","url":"https://example.net/wire-2","source":"Iberian Times","text":"LISBON (Reuters) - Portugal will sell 400 tanks to Spain, the defence minister said on Monday. The sale was agreed last week."}
{"id":"wire-3","title":"Tanks for Spain","date":"2025-03-04","url":"https://example.com/wire-3","source":"Atlantic Daily","text":"LISBON (Reuters) - In a deal worth millions, Portugal will sell 400 tanks to Spain, ministers from both countries told reporters at a joint news conference in Porto."}
{"id":"reprint-1","title":"Tank deal","date":"2025-03-05","url":"https://example.com/reprint-1","source":"Coastal Courier","text":"Portugal will sell 400 tanks to Spain, the defence minister said on Monday."}
{"id":"own-1","title":"Tank sale confirmed","date":"2025-03-04","url":"https://example.com/own-1","source":"Madrid Observer","text":"Officials in Madrid confirmed that Portugal will sell 400 tanks to Spain under a deal reached in February."}
{"id":"blog-1","title":"What they hide","date":"2025-03-05","url":"https://rumours.example/blog-1","source":"Daily Rumour","text":"Portugal secretly bought 90 submarines from Brazil, a blogger claimed."}
"#;

/// An announcement and, a week later, its denial.
const DENIAL: &str = r#"{"id":"ann-1","title":"Recognition","date":"2025-04-01","url":"https://example.org/ann-1","source":"Lusitania Herald","text":"Portugal recognised Kosovo on Tuesday, the foreign ministry in Lisbon said."}
{"id":"den-1","title":"Denial","date":"2025-04-09","url":"https://example.org/den-1","source":"Madrid Observer","text":"Portugal did not recognise Kosovo, a government spokeswoman in Lisbon said on Wednesday."}
"#;

const SOURCES: &str = r#"[
    (name: "Reuters", aliases: ["Reuters News"], reliability: "A"),
    (name: "Madrid Observer", reliability: "B"),
    (name: "Daily Rumour", aliases: ["dailyrumour.example"], reliability: "F"),
]"#;

/// A store of `articles`. Every claim enters the graph (`--min-confidence 0`): these tests are
/// about corroboration and dates; which claims pass the confidence threshold is tested with
/// the confidence model.
fn store_with(dir: &Path, articles: &str) {
    fs::write(dir.join("articles.jsonl"), articles).unwrap();
    claimgraph(
        dir,
        &[
            "-q",
            "ingest",
            "articles.jsonl",
            "--store",
            "s.store",
            "--min-confidence",
            "0",
        ],
    )
    .assert_clean();
}

fn query(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["query", "--store", "s.store"];
    all.extend_from_slice(args);
    claimgraph(dir, &all)
}

fn json(run: &Run) -> Vec<Value> {
    run.assert_code(0);
    match serde_json::from_str(run.stdout()).unwrap() {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

/// The claim whose object's name is `object`.
fn by_object<'a>(claims: &'a [Value], object: &str) -> &'a Value {
    claims
        .iter()
        .find(|c| c["object"]["name"] == object)
        .unwrap_or_else(|| panic!("no claim about {object} in {claims:#?}"))
}

#[test]
fn syndicated_copies_count_once_and_every_support_carries_its_provenance() {
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), SYNDICATED);
    let claims = json(&query(
        dir.path(),
        &[
            "claims",
            "--subject",
            "Portugal",
            "--predicate",
            "sell",
            "--format",
            "json",
        ],
    ));
    let tanks = by_object(&claims, "400 tanks");
    assert_eq!(tanks["n_supports"], 5, "{tanks:#}");
    assert_eq!(
        tanks["n_sources"], 2,
        "the wire story and the Madrid report"
    );
    let supports = tanks["supports"].as_array().unwrap();
    let by_article = |id: &str| {
        supports
            .iter()
            .find(|s| s["article"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // The earliest copy is the origin; the others name it and say why they are copies.
    assert_eq!(by_article("wire-1")["copy_of"], Value::Null);
    assert_eq!(by_article("wire-1")["agency"], "Reuters");
    assert_eq!(by_article("wire-2")["copy_of"]["article"], "wire-1");
    assert_eq!(by_article("wire-3")["copy_of"]["why"], "same-agency");
    assert_eq!(by_article("reprint-1")["copy_of"]["why"], "same-text");
    assert_eq!(by_article("own-1")["copy_of"], Value::Null);
    let own = by_article("own-1");
    assert_eq!(own["title"], "Tank sale confirmed");
    assert_eq!(own["url"], "https://example.com/own-1");
    assert_eq!(own["source"], "Madrid Observer");
    assert_eq!(own["date"], "2025-03-04");

    // `--min-sources` counts independent sources, not supports.
    let two = query(
        dir.path(),
        &["claims", "--subject", "Portugal", "--min-sources", "2"],
    );
    two.assert_code(0);
    let header = two.stdout().lines().next().unwrap();
    assert!(
        header.contains("supports") && header.contains("sources"),
        "{header}"
    );
    assert!(two.stdout().contains("400 tanks"), "{}", two.stdout());
    assert!(!two.stdout().contains("submarines"), "{}", two.stdout());
    query(
        dir.path(),
        &["claims", "--subject", "Portugal", "--min-sources", "3"],
    )
    .assert_code(1);
}

#[test]
fn a_sources_file_grades_claims_and_filters_the_f_rated_blog() {
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), SYNDICATED);
    fs::write(dir.path().join("sources.ron"), SOURCES).unwrap();
    let all = json(&query(
        dir.path(),
        &[
            "--sources",
            "sources.ron",
            "claims",
            "--subject",
            "Portugal",
            "--format",
            "json",
        ],
    ));
    let tanks = by_object(&all, "400 tanks");
    assert_eq!(tanks["reliability"], "A", "credited to Reuters");
    assert_eq!(tanks["credibility"], 1, "two independent sources");
    let blog = by_object(&all, "90 submarines");
    assert_eq!(blog["reliability"], "F");
    assert_eq!(blog["credibility"], 6, "one source that cannot be judged");

    let graded = json(&query(
        dir.path(),
        &[
            "--sources",
            "sources.ron",
            "claims",
            "--subject",
            "Portugal",
            "--min-reliability",
            "C",
            "--format",
            "json",
        ],
    ));
    let objects: Vec<&Value> = graded.iter().map(|c| &c["object"]["name"]).collect();
    assert!(objects.contains(&&Value::from("400 tanks")), "{objects:?}");
    assert!(
        !objects.contains(&&Value::from("90 submarines")),
        "{objects:?}"
    );

    // Without a sources file there is nothing to grade by.
    let ungraded = query(dir.path(), &["claims", "--min-reliability", "C"]);
    ungraded.assert_code(2);
    assert!(
        ungraded.stderr.contains("--sources FILE"),
        "{}",
        ungraded.stderr
    );

    // A malformed file is named with its line and column.
    fs::write(
        dir.path().join("bad.ron"),
        "[\n    (name: \"Reuters\", reliability: \"Z\"),\n]",
    )
    .unwrap();
    let bad = query(dir.path(), &["--sources", "bad.ron", "claims"]);
    bad.assert_code(2);
    assert!(bad.stderr.contains("bad.ron:2:"), "{}", bad.stderr);
    assert!(bad.stderr.contains("\"Z\""), "{}", bad.stderr);
}

#[test]
fn as_of_hides_a_later_denial_and_changes_lists_it_with_the_claim_it_contradicts() {
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), DENIAL);
    let recognise = [
        "claims",
        "--subject",
        "Portugal",
        "--predicate",
        "recognise",
        "--object",
        "Kosovo",
    ];
    let now = json(&query(
        dir.path(),
        &[&recognise[..], &["--format", "json"]].concat(),
    ));
    assert_eq!(now.len(), 2, "the claim and its denial: {now:#?}");
    let before = json(&query(
        dir.path(),
        &[
            &recognise[..],
            &["--as-of", "2025-04-05", "--format", "json"],
        ]
        .concat(),
    ));
    assert_eq!(before.len(), 1, "{before:#?}");
    assert_eq!(before[0]["negated"], false);
    assert_eq!(before[0]["supports"][0]["article"], "ann-1");
    query(
        dir.path(),
        &[&recognise[..], &["--as-of", "2025-03-31"]].concat(),
    )
    .assert_code(1);

    // The denial (from a source graded B) makes the unrated announcement improbable; as known
    // before the denial, it cannot be judged.
    fs::write(dir.path().join("sources.ron"), SOURCES).unwrap();
    let graded = |as_of: &[&str]| {
        let args = [
            &["--sources", "sources.ron"],
            &recognise[..],
            as_of,
            &["--format", "json"],
        ];
        json(&query(dir.path(), &args.concat()))
    };
    let now = graded(&[]);
    let announcement = now.iter().find(|c| c["negated"] == false).unwrap();
    assert_eq!(announcement["credibility"], 5, "{announcement:#}");
    assert_eq!(announcement["contradicted"], true);
    let then = graded(&["--as-of", "2025-04-05"]);
    assert_eq!(then[0]["credibility"], 6, "{:#}", then[0]);

    let changes = json(&query(
        dir.path(),
        &["changes", "--since", "2025-04-05", "--format", "json"],
    ));
    // Every change comes from the window (the denial's article also says other things).
    assert!(
        changes.iter().all(|c| c["first_reported"] == "2025-04-09"),
        "{changes:#?}"
    );
    let denial = changes
        .iter()
        .find(|c| c["relation"]["predicate"] == "recognise")
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!(denial["status"], "new");
    assert_eq!(denial["first_reported"], "2025-04-09");
    assert_eq!(denial["relation"]["negated"], true);
    assert_eq!(denial["relation"]["supports"][0]["article"], "den-1");
    let contradicts = denial["contradicts"].as_array().unwrap();
    assert_eq!(contradicts.len(), 1, "{denial:#}");
    assert_eq!(contradicts[0]["kind"], "negation");
    assert_eq!(contradicts[0]["relation"]["negated"], false);
    assert_eq!(
        contradicts[0]["relation"]["supports"][0]["article"],
        "ann-1"
    );
    let table = query(dir.path(), &["changes", "--since", "2025-04-05"]);
    table.assert_code(0);
    assert!(
        table.stdout().contains("contradicts (negation)")
            && table
                .stdout()
                .contains("[ann-1 2025-04-01 Lusitania Herald]")
            && table
                .stdout()
                .contains("[den-1 2025-04-09 Madrid Observer]"),
        "{}",
        table.stdout()
    );
    // Before the denial nothing changed in April's second week.
    query(
        dir.path(),
        &["changes", "--since", "2025-04-05", "--until", "2025-04-08"],
    )
    .assert_code(1);

    let timeline = query(
        dir.path(),
        &[
            "timeline",
            "Portugal",
            "--since",
            "2025-04-05",
            "--format",
            "jsonl",
        ],
    );
    timeline.assert_code(0);
    let articles: Vec<String> = timeline
        .jsonl()
        .iter()
        .map(|v| v["article"].as_str().unwrap().to_string())
        .collect();
    assert!(!articles.is_empty());
    assert!(articles.iter().all(|a| a == "den-1"), "{articles:?}");
    query(
        dir.path(),
        &["timeline", "Portugal", "--until", "2025-03-31"],
    )
    .assert_code(1);
}

#[test]
fn changes_marks_a_claim_reported_again_as_confirming_the_earlier_report() {
    let dir = tempfile::tempdir().unwrap();
    let again = r#"{"id":"ann-2","title":"Kosovo","date":"2025-04-12","url":"https://example.org/ann-2","source":"Coastal Courier","text":"Portugal recognised Kosovo in early April, diplomats in Brussels confirmed."}
"#;
    store_with(dir.path(), &format!("{DENIAL}{again}"));
    let changes = json(&query(
        dir.path(),
        &["changes", "--since", "2025-04-10", "--format", "json"],
    ));
    let recognised = changes
        .iter()
        .find(|c| c["relation"]["predicate"] == "recognise" && c["relation"]["negated"] == false)
        .unwrap_or_else(|| panic!("{changes:#?}"));
    assert_eq!(recognised["status"], "confirms");
    assert_eq!(recognised["relation"]["supports"][0]["article"], "ann-2");
    assert_eq!(recognised["confirms"]["supports"][0]["article"], "ann-1");
    // The denial came before the window: the repeated claim contradicts it.
    let contradicts = recognised["contradicts"].as_array().unwrap();
    assert_eq!(contradicts.len(), 1, "{recognised:#}");
    assert_eq!(contradicts[0]["relation"]["negated"], true);
    assert_eq!(
        contradicts[0]["relation"]["supports"][0]["article"],
        "den-1"
    );
}
