//! The output of a run must not depend on the number of worker threads. One test only: each
//! run builds the tagger, which takes seconds in a debug build; `claims --with-articles` covers
//! sentences, mentions and claims at once.

use crate::util::claimgraph;

/// Invented news texts (no real corpus text), with names the shipped gazetteer knows and names
/// only the cue rules can find, so mentions and claims both have something to do.
const ARTICLES: &[&str] = &[
    "Ukraine's president said on Monday that Kyiv would not give up the Donbas region. \
     Russian officials in Moscow rejected the plan. The United States said it would send \
     600,000 tonnes of grain to Ukraine.",
    "Army Secretary Daniel Driscoll met Ukrainian officials in Kyiv on Thursday. Driscoll said \
     the talks were constructive. A spokesman for the Ministry of Defence declined to comment.",
    "The Green Valley Party won 42 percent of the vote in the election, the electoral \
     commission said. Party leader Maria Kowalczyk told reporters in Paris that France must \
     do more.",
    "Reuters reported that Washington and Moscow had agreed to a ceasefire. Officials in \
     Berlin said Germany would support the agreement, which must be signed by Friday.",
];

fn write_articles(dir: &std::path::Path) -> String {
    let mut jsonl = String::new();
    for (idx, text) in ARTICLES.iter().enumerate() {
        let record =
            serde_json::json!({"id": format!("t{idx}"), "date": "2025-11-20", "text": text});
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    // Many copies with distinct ids, so a batch really is split between the workers.
    let mut res = String::new();
    for copy in 0..40 {
        res.push_str(&jsonl.replace("\"id\":\"t", &format!("\"id\":\"c{copy}-t")));
    }
    std::fs::write(dir.join("articles.jsonl"), &res).expect("write articles");
    res
}

#[test]
fn claims_are_identical_with_one_and_two_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = write_articles(dir.path());
    let run = |threads: &str| {
        claimgraph(
            dir.path(),
            &[
                "--threads",
                threads,
                "claims",
                "--with-articles",
                "articles.jsonl",
            ],
        )
    };
    let one = run("1");
    let two = run("2");
    for out in [&one, &two] {
        out.assert_clean();
    }
    let stdout = one.stdout();
    assert_eq!(stdout, two.stdout());
    // One article record per input article, in input order, each with its mentions.
    let articles: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .filter(|v| v["kind"] == "article")
        .collect();
    assert_eq!(articles.len(), input.lines().count());
    let n_claims = stdout.lines().count() - articles.len();
    assert!(n_claims >= articles.len(), "only {n_claims} claims");
    assert_eq!(articles[0]["article"]["id"], "c0-t0");
    assert_eq!(articles[articles.len() - 1]["article"]["id"], "c39-t3");
    assert!(articles
        .iter()
        .all(|a| a["mentions"].as_array().is_some_and(|m| !m.is_empty())));
}
