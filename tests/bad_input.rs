//! Awkward input through the real binary: empty and whitespace-only files, invalid UTF-8, NUL
//! bytes, CRLF line ends, invisible and combining characters, unbalanced quotes, a very long
//! sentence, a table of numbers, all-caps headlines and a huge single line.
//!
//! The policy (documented in `src/article.rs`): never a panic (exit 0, or 2 when an input could
//! not be read at all), every stdout line valid JSON, every offset a byte offset into the
//! decoded text, and each warning names the file.
//!
//! The huge line is 1 MB by default, because a debug build tags about 1 MB/s; set
//! `CLAIMGRAPH_SLOW_TESTS=1` (as `.ci/run` does) for the full 10 MB.

mod util;

use std::collections::BTreeMap;
use std::path::Path;

use claimgraph::article::content_id;
use serde_json::Value;
use util::{claimgraph, tempdir, Run};

/// Writes `files` (name, bytes) into `dir`.
fn write_files(dir: &Path, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write input");
    }
}

/// Runs `claims --with-articles` (mentions and claims in one run) on `names` in `dir` and checks
/// every record against the decoded texts of `files`: mentions and claim spans slice the text
/// exactly. Returns the run and the records.
fn analyse(dir: &Path, files: &[(&str, &[u8])], expected_code: i32) -> (Run, Vec<Value>) {
    write_files(dir, files);
    let mut args = vec!["claims", "--with-articles"];
    args.extend(files.iter().map(|(name, _)| *name));
    let run = claimgraph(dir, &args);
    assert_ne!(run.code, Some(101), "claimgraph panicked:\n{}", run.stderr);
    run.assert_code(expected_code);
    let records = run.jsonl();
    let texts = article_texts(files);
    let text_of = |id: &str| -> &str {
        texts
            .get(id)
            .unwrap_or_else(|| panic!("article {id} is not one of the inputs"))
    };
    let slice = |text: &str, v: &Value| -> Option<String> {
        let start = v["start"].as_u64()? as usize;
        let end = v["end"].as_u64()? as usize;
        text.get(start..end).map(str::to_string)
    };
    for record in &records {
        if record["kind"] == "article" {
            let text = text_of(record["article"]["id"].as_str().unwrap());
            for m in record["mentions"].as_array().unwrap() {
                assert_eq!(slice(text, m).as_deref(), m["text"].as_str(), "{m}");
            }
        } else {
            let text = text_of(record["article"].as_str().unwrap());
            assert_eq!(
                slice(text, &record["span"]).as_deref(),
                record["evidence"].as_str(),
                "{record}"
            );
            for arg in [&record["subject"], &record["object"]] {
                assert!(
                    slice(text, arg).is_some(),
                    "argument span off the text: {record}"
                );
            }
        }
    }
    (run, records)
}

/// Article id to text, for `.txt` files (content-hash ids) and JSON Lines records.
fn article_texts(files: &[(&str, &[u8])]) -> BTreeMap<String, String> {
    let mut res = BTreeMap::new();
    for (name, bytes) in files {
        let decoded = String::from_utf8_lossy(bytes).into_owned();
        if !name.ends_with(".jsonl") {
            res.insert(content_id(&decoded), decoded);
            continue;
        }
        for line in decoded.lines() {
            let Ok(record) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let Some(text) = record["text"].as_str() else {
                continue;
            };
            let id = match &record["id"] {
                Value::String(id) => id.clone(),
                Value::Number(id) => id.to_string(),
                _ => content_id(text),
            };
            res.insert(id, text.to_string());
        }
    }
    res
}

/// The mentions of the article with this text, as `text entity` strings.
fn mentions(records: &[Value], text: &[u8]) -> Vec<String> {
    let id = content_id(&String::from_utf8_lossy(text));
    let article = records
        .iter()
        .find(|r| r["kind"] == "article" && r["article"]["id"] == id.as_str())
        .unwrap_or_else(|| panic!("no article record for {}", String::from_utf8_lossy(text)));
    article["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{} {}",
                m["text"].as_str().unwrap(),
                m["entity"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn empty_and_whitespace_only_files_are_skipped_with_a_warning() {
    let dir = tempdir();
    let good: &[u8] = b"Poland and Lithuania will send 300 troops to Latvia.";
    let (run, records) = analyse(
        dir.path(),
        &[
            ("empty.txt", b""),
            ("blank.txt", b" \n\t\r\n  \n"),
            ("good.txt", good),
        ],
        0,
    );
    assert_eq!(
        run.stderr,
        "claimgraph: warning: empty.txt:1: empty article (no text); skipped\n\
         claimgraph: warning: blank.txt:1: empty article (no text); skipped\n"
    );
    assert_eq!(records.iter().filter(|r| r["kind"] == "article").count(), 1);
    assert_eq!(
        mentions(&records, good),
        [
            "Poland place:poland",
            "Lithuania place:lithuania",
            "Latvia place:latvia"
        ]
    );
}

#[test]
fn invalid_utf8_is_named_with_its_byte_offset_and_processed() {
    let dir = tempdir();
    let bad: &[u8] = b"Headline\n\nGermany said \xff\xfe it would send 300 troops to Poland.\n";
    let after: &[u8] = b"Japan will send two million doses of vaccine to Kenya.";
    let jsonl: &[u8] =
        b"{\"id\":\"j1\",\"text\":\"Spain met France.\"}\n{\"id\":\"j2\",\"text\":\"Spain \xc3 met Italy.\"}\n";
    let (run, records) = analyse(
        dir.path(),
        &[("bad.txt", bad), ("after.txt", after), ("in.jsonl", jsonl)],
        0,
    );
    // The same form for text files and JSON Lines: the line, the byte in it, the byte in the
    // file.
    assert_eq!(
        run.stderr,
        "claimgraph: warning: bad.txt:3: invalid UTF-8 at byte 13 of the line (byte 23 of the file); bad bytes replaced with U+FFFD\n\
         claimgraph: warning: in.jsonl:2: invalid UTF-8 at byte 25 of the line (byte 64 of the file); bad bytes replaced with U+FFFD\n"
    );
    // Offsets after the bad bytes are offsets into the decoded text (each bad byte became a
    // three-byte U+FFFD), and the text around them is still tagged.
    assert_eq!(
        mentions(&records, bad),
        ["Germany place:germany", "Poland place:poland"]
    );
    let decoded = String::from_utf8_lossy(bad);
    assert_eq!(decoded.find("Poland"), Some(58), "54 in the raw bytes");
    let article = records
        .iter()
        .find(|r| r["kind"] == "article" && r["article"]["id"] == content_id(&decoded).as_str())
        .unwrap();
    assert_eq!(article["mentions"][1]["start"], 58);
    assert_eq!(
        mentions(&records, after),
        ["Japan place:japan", "Kenya place:kenya"]
    );
    let ids: Vec<&str> = records
        .iter()
        .filter(|r| r["kind"] == "article")
        .map(|r| r["article"]["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"j1") && ids.contains(&"j2"), "{ids:?}");
}

#[test]
fn odd_characters_are_kept_and_tagged_through() {
    let dir = tempdir();
    let nul: &[u8] = b"Poland\0and Germany met in Warsaw.\0\n";
    let crlf: &[u8] =
        b"Defence fund\r\n\r\nPoland and Germany agreed on a fund.\r\nNATO welcomed the plan, officials said.\r\n";
    let rtl: &[u8] = "\u{200f}Poland\u{200f} and \u{200e}Germany\u{200e} met.".as_bytes();
    let zwj: &[u8] = "Ger\u{200d}many and Po\u{200b}land met; \u{feff}Spain did not.".as_bytes();
    let combining: &[u8] = "Pedro Sa\u{301}nchez visited Lisbon.".as_bytes();
    let (run, records) = analyse(
        dir.path(),
        &[
            ("nul.txt", nul),
            ("crlf.txt", crlf),
            ("rtl.txt", rtl),
            ("zwj.txt", zwj),
            ("combining.txt", combining),
        ],
        0,
    );
    assert_eq!(run.stderr, "");
    let nul_mentions = mentions(&records, nul);
    assert!(
        nul_mentions.contains(&"Poland place:poland".to_string()),
        "{nul_mentions:?}"
    );
    assert!(
        nul_mentions.contains(&"Germany place:germany".to_string()),
        "{nul_mentions:?}"
    );
    assert_eq!(
        mentions(&records, crlf),
        [
            "Poland place:poland",
            "Germany place:germany",
            "NATO org:nato"
        ]
    );
    // A sentence never ends in the carriage return of a CRLF line end.
    for claim in records.iter().filter(|r| r["kind"] != "article") {
        let evidence = claim["evidence"].as_str().unwrap();
        assert!(!evidence.ends_with('\r'), "{claim}");
    }
    assert_eq!(
        mentions(&records, rtl),
        ["Poland place:poland", "Germany place:germany"]
    );
    // A name with a combining accent is the name with the precomposed one.
    assert_eq!(
        mentions(&records, combining)[0],
        "Pedro Sa\u{301}nchez person:pedro-sanchez"
    );
    // Invisible characters inside a word: no panic, any mention slices the text (checked in
    // `analyse`), and the untouched name is still found.
    assert!(
        mentions(&records, zwj).contains(&"Spain place:spain".to_string()),
        "{:?}",
        mentions(&records, zwj)
    );
}

#[test]
fn awkward_structure_does_not_panic() {
    let dir = tempdir();
    let quotes: &[u8] = b"\"Poland will send troops, the minister said.\n\nHe said \"yes. Germany agreed.\"\" \xe2\x80\x9cNo\xe2\x80\x9d \xe2\x80\x9d Spain (left (right.\n";
    let mut long = String::from("Long sentence\n\n");
    for idx in 0..2500 {
        long.push_str(if idx % 50 == 0 { "Poland " } else { "and " });
        long.push_str(", ");
    }
    long.push_str("agreed.\n");
    let table = "Defence spending, % of GDP\n\n\
                 | Country | 2023 | 2024 | 2025 |\n\
                 |---------|------|------|------|\n\
                 | Poland  | 3.9  | 4.1  | 4.7  |\n\
                 | Germany | 1.6  | 2.1  | 2.4  |\n\
                 Country\t2023\t2024\nLatvia\t2.3\t3.1\n1,200 600,000 2.4 bn 3.5% -7 +12 1e9 0x1F ½ 10^6\n";
    let caps: &[u8] = b"POLAND AND GERMANY AGREE \xe2\x82\xac2.4 BILLION DEFENCE FUND\n\nBERLIN (Reuters) - GERMANY WILL CONTRIBUTE TWO BILLION EUROS, THE MINISTRY SAID.\n";
    let (run, records) = analyse(
        dir.path(),
        &[
            ("quotes.txt", quotes),
            ("long.txt", long.as_bytes()),
            ("table.txt", table.as_bytes()),
            ("caps.txt", caps),
        ],
        0,
    );
    assert_eq!(run.stderr, "");
    // The 5,000-token sentence is still tagged: 50 mentions of Poland.
    let long_mentions = mentions(&records, long.as_bytes());
    assert_eq!(long_mentions.len(), 50, "{long_mentions:?}");
    assert_eq!(
        mentions(&records, table.as_bytes()),
        [
            "Poland place:poland",
            "Germany place:germany",
            "Latvia place:latvia"
        ]
    );
    let caps_mentions = mentions(&records, caps);
    for want in [
        "POLAND place:poland",
        "GERMANY place:germany",
        "Reuters org:reuters",
    ] {
        assert!(
            caps_mentions.contains(&want.to_string()),
            "{caps_mentions:?}"
        );
    }
}

#[test]
fn run_survives_all_of_it() {
    let dir = tempdir();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_files(
        &inputs,
        &[
            ("a.txt", b""),
            (
                "b.txt",
                b"Germany \xff said \0 it would \r\n\r\n\"send 300 troops to Poland.",
            ),
            (
                "c.txt",
                "\u{200f}Poland\u{200d} \u{301}and Spain met.".as_bytes(),
            ),
            (
                "d.jsonl",
                b"{\"text\":\"Japan met Kenya.\"}\nnot json\n{\"id\":3}\n",
            ),
        ],
    );
    let run = claimgraph(dir.path(), &["run", "in", "--out", "out"]);
    assert_ne!(run.code, Some(101), "claimgraph panicked:\n{}", run.stderr);
    run.assert_code(2);
    let stderr: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(stderr.len(), 5, "{}", run.stderr);
    assert_eq!(
        stderr[0],
        "claimgraph: warning: in/a.txt:1: empty article (no text); skipped"
    );
    assert_eq!(
        stderr[1],
        "claimgraph: warning: in/b.txt:1: invalid UTF-8 at byte 8 of the line (byte 8 of the file); bad bytes replaced with U+FFFD"
    );
    assert!(
        stderr[2].starts_with("claimgraph: in/d.jsonl:2: not a JSON article: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        stderr[3],
        "claimgraph: in/d.jsonl:3: article has no \"text\" field; every JSON Lines article needs one"
    );
    assert_eq!(
        stderr[4],
        "claimgraph: 3 articles in the store; wrote out/graph.dot, graph.json, mentions.jsonl, claims.jsonl"
    );
    let out = dir.path().join("out");
    for name in ["mentions.jsonl", "claims.jsonl"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        util::parse_jsonl(&text);
    }
    let json = std::fs::read(out.join("graph.json")).unwrap();
    serde_json::from_slice::<Value>(&json).expect("graph.json is JSON");
}

#[test]
fn a_huge_single_line() {
    let slow = std::env::var_os("CLAIMGRAPH_SLOW_TESTS").is_some_and(|v| v == "1");
    let size = if slow { 10 << 20 } else { 1 << 20 };
    // Words, numbers and names with no stop and no line break: one sentence of ~200,000 tokens
    // (2,000,000 with the slow tests), and a gazetteer match every few words.
    let words = [
        "Poland",
        "and",
        "the",
        "European",
        "Commission",
        "said",
        "600,000",
        "troops",
        "in",
        "Kyiv",
        "would",
        "not",
        "\u{201c}honest\u{201d}",
        "Germany",
        "€2.4",
        "billion",
        "ok",
    ];
    let mut line = String::with_capacity(size + 32);
    let mut idx = 0usize;
    while line.len() < size {
        line.push_str(words[idx % words.len()]);
        line.push(' ');
        idx += 1;
    }
    let n_poland = line.matches("Poland").count();
    let dir = tempdir();
    let (run, records) = analyse(dir.path(), &[("huge.txt", line.as_bytes())], 0);
    assert_eq!(run.stderr, "");
    let found = mentions(&records, line.as_bytes());
    assert_eq!(
        found.iter().filter(|m| *m == "Poland place:poland").count(),
        n_poland
    );
}
