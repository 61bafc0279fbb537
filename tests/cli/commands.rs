//! The command line itself: help and usage errors, the JSON Lines records of `tag` and
//! `claims`, the inputs they accept (files, directories, JSON Lines, stdin), article ids,
//! `run`'s output files, `query`'s exit codes, and errors naming the input at fault.

use std::collections::BTreeSet;
use std::path::Path;

use claimgraph::article::content_id;
use serde_json::Value;

use crate::util::{article_fixture, claimgraph, claimgraph_stdin, tempdir, Run};

/// Copies fixtures into `dir` under the same names.
fn copy_fixtures(dir: &Path, names: &[&str]) {
    for name in names {
        std::fs::copy(article_fixture(name), dir.join(name)).expect("copy fixture");
    }
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// The article ids of `tag` output, each once, in order of first appearance.
fn article_ids(run: &Run) -> Vec<String> {
    let mut res: Vec<String> = Vec::new();
    for m in run.jsonl() {
        let id = m["article"].as_str().expect("article id").to_string();
        if res.last() != Some(&id) {
            res.push(id);
        }
    }
    res
}

#[test]
fn help_on_every_subcommand_exits_0() {
    let dir = tempdir();
    let commands: &[&[&str]] = &[
        &[],
        &["run"],
        &["tag"],
        &["claims"],
        &["ingest"],
        &["export"],
        &["query"],
        &["query", "entity"],
        &["query", "claims"],
        &["query", "neighbors"],
        &["query", "path"],
        &["query", "conflicts"],
        &["query", "timeline"],
        &["query", "stats"],
        &["eval"],
        &["eval", "conll"],
        &["eval", "carb"],
        &["eval", "ud"],
        &["train-parser"],
        &["train-mentions"],
    ];
    for command in commands {
        let mut args = command.to_vec();
        args.push("--help");
        let run = claimgraph(dir.path(), &args);
        run.assert_clean();
        let usage = format!("Usage: claimgraph {}", command.join(" "));
        assert!(
            run.stdout().contains(usage.trim_end()),
            "{args:?}: no {usage:?} in\n{}",
            run.stdout()
        );
    }
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempdir();
    let cases: &[(&[&str], &str)] = &[
        (&[], "Usage: claimgraph [OPTIONS] <COMMAND>"),
        (
            &["frobnicate"],
            "error: unrecognized subcommand 'frobnicate'",
        ),
        (
            &["tag"],
            "error: the following required arguments were not provided:\n  <PATH>...",
        ),
        (
            &["claims"],
            "error: the following required arguments were not provided:\n  <PATH>...",
        ),
        (
            &["run"],
            "error: the following required arguments were not provided:\n  <PATH>...",
        ),
        (
            &["export", "--format", "png"],
            "error: invalid value 'png' for '--format <FORMAT>'",
        ),
        (
            &["--threads", "many", "tag", "x.txt"],
            "error: invalid value 'many' for '--threads <N>'",
        ),
        (
            &["query", "neighbors", "Poland", "--type", "city"],
            "unknown type \"city\"; use person, place or organisation",
        ),
        (
            &["tag", "--no-such-flag", "x.txt"],
            "error: unexpected argument '--no-such-flag' found",
        ),
        (
            &["claims", "--min-confidence", "1.5", "x.txt"],
            "invalid value '1.5' for '--min-confidence <X>': '1.5' is not between 0 and 1",
        ),
        (
            &["run", "--min-confidence", "high", "x.txt"],
            "invalid value 'high' for '--min-confidence <X>': 'high' is not a number",
        ),
    ];
    for (args, message) in cases {
        let run = claimgraph(dir.path(), args);
        run.assert_code(2);
        assert_eq!(run.stdout(), "", "{args:?}");
        assert!(
            run.stderr.contains(message),
            "{args:?}: no {message:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn ingest_without_inputs_is_an_error() {
    let dir = tempdir();
    let run = claimgraph(dir.path(), &["ingest", "--store", "s.store"]);
    run.assert_code(2);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr,
        "claimgraph: nothing to ingest; give article paths or --claims FILE\n"
    );
    assert!(!dir.path().join("s.store").exists());
}

#[test]
fn tag_records_slice_the_text() {
    // `pronoun.txt` has "Sánchez" and `defence_fund.txt` has "€" before later mentions, so
    // character and byte offsets differ.
    let dir = tempdir();
    copy_fixtures(dir.path(), &["defence_fund.txt", "pronoun.txt"]);
    let run = claimgraph(dir.path(), &["tag", "defence_fund.txt", "pronoun.txt"]);
    run.assert_clean();
    let texts: Vec<String> = ["defence_fund.txt", "pronoun.txt"]
        .iter()
        .map(|name| std::fs::read_to_string(dir.path().join(name)).unwrap())
        .collect();
    let mentions = run.jsonl();
    assert!(mentions.len() >= 20, "{} mentions", mentions.len());
    let required: BTreeSet<&str> = [
        "article",
        "sentence",
        "start",
        "end",
        "text",
        "entity",
        "name",
        "type",
        "rule",
        "confidence",
    ]
    .into_iter()
    .collect();
    for m in &mentions {
        let mut got = keys(m);
        got.remove("alternatives");
        assert_eq!(got, required, "{m}");
        let text = texts
            .iter()
            .find(|t| content_id(t) == m["article"].as_str().unwrap())
            .expect("the article id is the content hash of one input");
        let start = m["start"].as_u64().unwrap() as usize;
        let end = m["end"].as_u64().unwrap() as usize;
        assert_eq!(text.get(start..end), m["text"].as_str(), "{m}");
        assert!(
            matches!(
                m["type"].as_str(),
                Some("person" | "place" | "organisation")
            ),
            "{m}"
        );
        let confidence = m["confidence"].as_f64().unwrap();
        assert!(confidence > 0.0 && confidence <= 1.0, "{m}");
    }
    let sanchez = mentions
        .iter()
        .find(|m| m["entity"] == "person:pedro-sanchez")
        .expect("Pedro Sánchez is tagged");
    assert_eq!(sanchez["text"], "Pedro Sánchez");
    assert_eq!(sanchez["name"], "Pedro Sánchez");
    assert_eq!(
        sanchez["end"].as_u64().unwrap() - sanchez["start"].as_u64().unwrap(),
        14
    );
}

#[test]
fn claim_records() {
    let dir = tempdir();
    copy_fixtures(dir.path(), &["defence_fund.txt", "quote_after.txt"]);
    let run = claimgraph(
        dir.path(),
        &["claims", "defence_fund.txt", "quote_after.txt"],
    );
    run.assert_clean();
    let texts: Vec<String> = ["defence_fund.txt", "quote_after.txt"]
        .iter()
        .map(|name| std::fs::read_to_string(dir.path().join(name)).unwrap())
        .collect();
    let claims = run.jsonl();
    assert!(claims.len() >= 8, "{} claims", claims.len());
    let required: BTreeSet<&str> = [
        "id",
        "article",
        "sentence",
        "span",
        "evidence",
        "subject",
        "predicate",
        "object",
        "quote",
        "modality",
        "negated",
        "confidence",
        "rule",
    ]
    .into_iter()
    .collect();
    for c in &claims {
        let mut got = keys(c);
        got.remove("attribution");
        got.remove("period");
        if got.remove("graph") {
            assert_eq!(
                c["graph"], false,
                "the flag is written only when false: {c}"
            );
            assert!(
                got.remove("graph_reason"),
                "a reason comes with the flag: {c}"
            );
        }
        assert_eq!(got, required, "{c}");
        let text = texts
            .iter()
            .find(|t| content_id(t) == c["article"].as_str().unwrap())
            .expect("the article id is the content hash of one input");
        let slice = |v: &Value| {
            let start = v["start"].as_u64().unwrap() as usize;
            let end = v["end"].as_u64().unwrap() as usize;
            text.get(start..end).map(str::to_string)
        };
        assert_eq!(slice(&c["span"]).as_deref(), c["evidence"].as_str(), "{c}");
        for arg in [&c["subject"], &c["object"]] {
            let words = slice(arg).expect("argument span fits the text");
            assert!(c["evidence"].as_str().unwrap().contains(&words), "{c}");
        }
        assert!(c["id"].as_str().unwrap().starts_with('c'), "{c}");
        assert!(c["predicate"]["lemma"].is_string() && c["predicate"]["text"].is_string());
        assert!(
            matches!(
                c["modality"].as_str(),
                Some(
                    "asserted" | "obligation" | "possibility" | "future" | "conditional" | "hedged"
                )
            ),
            "{c}"
        );
        if let Some(a) = c.get("attribution") {
            assert!(a["text"].is_string() && a["verb"].is_string(), "{c}");
        }
    }
    let quote = claims
        .iter()
        .find(|c| c["predicate"]["lemma"] == "lift")
        .expect("the lift claim");
    assert_eq!(quote["attribution"]["text"], "Prime Minister Mark Rutte");
    assert_eq!(quote["attribution"]["entity"], "person:mark-rutte");
    assert_eq!(quote["attribution"]["type"], "person");
    assert_eq!(quote["attribution"]["verb"], "say");
    assert_eq!(quote["quote"], true);
    assert_eq!(quote["negated"], true);
}

const JSONL: &str = concat!(
    r#"{"id":"n1","title":"Baltic deployment","date":"2025-11-20","text":"Poland and Lithuania will send 300 troops to Latvia."}"#,
    "\n",
    "\n",
    r#"{"id":7,"text":"Japan will send two million doses of vaccine to Kenya."}"#,
    "\n",
    r#"{"text":"The grain corridor was approved by the European Commission."}"#,
    "\n",
);

#[test]
fn claims_filtered_by_confidence_and_by_graph() {
    let dir = tempdir();
    copy_fixtures(dir.path(), &["defence_fund.txt", "quote_after.txt"]);
    let files = ["defence_fund.txt", "quote_after.txt"];
    let run_with = |extra: &[&str]| {
        let mut args = vec!["claims"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&files);
        let run = claimgraph(dir.path(), &args);
        run.assert_clean();
        run.jsonl()
    };
    let ids =
        |claims: &[Value]| -> Vec<String> { claims.iter().map(|c| c["id"].to_string()).collect() };
    let all = run_with(&[]);
    let confident = run_with(&["--min-confidence", "0.6"]);
    let graph = run_with(&["--graph-only"]);
    let confidence = |c: &Value| c["confidence"].as_f64().expect("a confidence");
    let in_graph = |c: &Value| c.get("graph").is_none();
    // Each filter keeps exactly the claims it names, in the order of the full output.
    let want: Vec<Value> = all
        .iter()
        .filter(|c| confidence(c) >= 0.6)
        .cloned()
        .collect();
    assert_eq!(ids(&confident), ids(&want));
    let want: Vec<Value> = all.iter().filter(|c| in_graph(c)).cloned().collect();
    assert_eq!(ids(&graph), ids(&want));
    // The fixtures have claims on both sides of each filter, so neither is a no-op here.
    assert!(!confident.is_empty() && confident.len() < all.len());
    assert!(!graph.is_empty() && graph.len() < all.len());
    let both = run_with(&["--graph-only", "--min-confidence", "0.6"]);
    assert!(both.iter().all(|c| in_graph(c) && confidence(c) >= 0.6));
}

#[test]
fn json_lines_from_a_file_and_from_stdin() {
    let dir = tempdir();
    std::fs::write(dir.path().join("in.jsonl"), JSONL).unwrap();
    let from_file = claimgraph(dir.path(), &["tag", "in.jsonl"]);
    from_file.assert_clean();
    let from_stdin = claimgraph_stdin(dir.path(), &["tag", "-"], Some(JSONL.as_bytes()));
    from_stdin.assert_clean();
    assert_eq!(from_file.stdout(), from_stdin.stdout());
    assert_eq!(
        article_ids(&from_file),
        [
            "n1".to_string(),
            "7".to_string(),
            content_id("The grain corridor was approved by the European Commission."),
        ]
    );
    let claims = claimgraph_stdin(dir.path(), &["claims", "-"], Some(JSONL.as_bytes()));
    claims.assert_clean();
    let claims = claims.jsonl();
    assert!(claims
        .iter()
        .any(|c| c["article"] == "n1" && c["subject"]["entity"] == "place:poland"));
    assert!(claims
        .iter()
        .any(|c| c["article"] == "7" && c["subject"]["entity"] == "place:japan"));
}

#[test]
fn bad_json_lines_are_named_and_the_rest_is_read() {
    let dir = tempdir();
    let input = format!("{{not json\n{{\"id\":\"x\"}}\n{JSONL}");
    std::fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let run = claimgraph(dir.path(), &["tag", "in.jsonl"]);
    run.assert_code(2);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    assert!(
        lines[0].starts_with("claimgraph: in.jsonl:1: not a JSON article: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        lines[1],
        "claimgraph: in.jsonl:2: article has no \"text\" field; every JSON Lines article needs one"
    );
    assert_eq!(article_ids(&run).len(), 3);
}

#[test]
fn content_ids_are_stable() {
    let dir = tempdir();
    let text = std::fs::read_to_string(article_fixture("coordination.txt")).unwrap();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    std::fs::write(dir.path().join("elsewhere/renamed.txt"), &text).unwrap();
    let run = claimgraph(
        dir.path(),
        &["tag", "a.txt", "elsewhere/renamed.txt", "a.txt"],
    );
    run.assert_clean();
    let ids: Vec<String> = run
        .jsonl()
        .iter()
        .map(|m| m["article"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 9, "three mentions in each of three reads");
    // Pinned: an id that changes between releases breaks every store and every claim id.
    assert!(ids.iter().all(|id| id == "aa7f9c8ef31fc361e"), "{ids:?}");
    assert_eq!(content_id(&text), "aa7f9c8ef31fc361e");
    // The same text as a JSON Lines record without an id gets the same id.
    let record = serde_json::json!({ "text": text }).to_string();
    let run = claimgraph_stdin(dir.path(), &["tag", "-"], Some(record.as_bytes()));
    run.assert_clean();
    assert_eq!(article_ids(&run), ["aa7f9c8ef31fc361e"]);
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = tempdir();
    let root = dir.path().join("news");
    for sub in ["news/b", "news/a/deep", "news/c"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    // Each file names a different country, so the order of the output shows the reading order.
    let files = [
        ("news/z.txt", "Kenya said so."),
        ("news/m.txt", "Japan said so."),
        ("news/b/two.txt", "Latvia said so."),
        ("news/a/one.txt", "Poland said so."),
        ("news/a/deep/x.txt", "Spain said so."),
        ("news/c/notes.md", "France said so."),
        (
            "news/c/more.jsonl",
            r#"{"id":"j1","text":"Germany said so."}"#,
        ),
    ];
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    let run = claimgraph(dir.path(), &["tag", root.to_str().unwrap()]);
    run.assert_clean();
    let entities: Vec<String> = run
        .jsonl()
        .iter()
        .map(|m| m["entity"].as_str().unwrap().to_string())
        .collect();
    // A directory's files (sorted) come before its subdirectories (sorted, each walked the same
    // way); `.md` is not an article extension inside a directory.
    assert_eq!(
        entities,
        [
            "place:japan",
            "place:kenya",
            "place:poland",
            "place:spain",
            "place:latvia",
            "place:germany",
        ]
    );
}

#[test]
fn a_missing_path_is_named_and_the_others_are_processed() {
    let dir = tempdir();
    copy_fixtures(dir.path(), &["coordination.txt", "words_number.txt"]);
    for command in ["tag", "claims"] {
        let run = claimgraph(
            dir.path(),
            &[
                command,
                "coordination.txt",
                "no-such-file.txt",
                "words_number.txt",
            ],
        );
        run.assert_code(2);
        assert_eq!(
            run.stderr,
            "claimgraph: no-such-file.txt: no such file or directory\n"
        );
        let ids = article_ids(&run);
        assert_eq!(
            ids.len(),
            2,
            "{command}: both other articles processed: {ids:?}"
        );
    }
    let run = claimgraph(
        dir.path(),
        &["run", "coordination.txt", "no-such-dir/", "--out", "out"],
    );
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "claimgraph: no-such-dir/: no such file or directory\n\
         claimgraph: 1 articles in the store; wrote out/graph.dot, graph.json, mentions.jsonl, claims.jsonl\n"
    );
    let claims = std::fs::read_to_string(dir.path().join("out/claims.jsonl")).unwrap();
    assert_eq!(claims.lines().count(), 2, "{claims}");
}

#[test]
fn run_writes_the_graph_and_the_records() {
    let dir = tempdir();
    let names = ["coordination.txt", "passive_agent.txt", "quote_after.txt"];
    copy_fixtures(dir.path(), &names);
    let mut args = vec!["run"];
    args.extend_from_slice(&names);
    args.extend_from_slice(&["--out", "out"]);
    let run = claimgraph(dir.path(), &args);
    run.assert_code(0);
    assert_eq!(run.stdout(), "");
    assert_eq!(
        run.stderr,
        "claimgraph: 3 articles in the store; wrote out/graph.dot, graph.json, mentions.jsonl, claims.jsonl\n"
    );
    let out = dir.path().join("out");
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "claimgraph.store",
            "claims.jsonl",
            "graph.dot",
            "graph.json",
            "mentions.jsonl"
        ]
    );
    // The record files hold exactly what `tag` and `claims` print for the same inputs.
    let mut tag_args = vec!["tag"];
    tag_args.extend_from_slice(&names);
    let tag = claimgraph(dir.path(), &tag_args);
    tag.assert_clean();
    assert_eq!(
        std::fs::read_to_string(out.join("mentions.jsonl")).unwrap(),
        tag.stdout()
    );
    let mut claims_args = vec!["claims"];
    claims_args.extend_from_slice(&names);
    let claims = claimgraph(dir.path(), &claims_args);
    claims.assert_clean();
    assert_eq!(
        std::fs::read_to_string(out.join("claims.jsonl")).unwrap(),
        claims.stdout()
    );

    let json: Value = serde_json::from_slice(&std::fs::read(out.join("graph.json")).unwrap())
        .expect("graph.json is JSON");
    let text = json.to_string();
    for id in [
        "place:poland",
        "place:lithuania",
        "org:european-commission",
        "person:mark-rutte",
    ] {
        assert!(text.contains(id), "graph.json lacks {id}");
    }
    let dot = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    assert!(dot.contains("\ndigraph claimgraph {\n"), "{dot}");
    assert!(dot.contains("place:poland"), "{dot}");

    // Running again over the same store changes nothing.
    let before: Vec<Vec<u8>> = written
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    let again = claimgraph(dir.path(), &args);
    again.assert_code(0);
    let after: Vec<Vec<u8>> = written
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    assert!(
        before == after,
        "a second run over the same store changed the outputs"
    );
}

#[test]
fn query_exit_codes() {
    let dir = tempdir();
    copy_fixtures(dir.path(), &["coordination.txt"]);
    // The exit codes are under test, not the graph's threshold: every claim enters.
    let run = [
        "run",
        "coordination.txt",
        "--out",
        "out",
        "--min-confidence",
        "0",
    ];
    claimgraph(dir.path(), &run).assert_code(0);
    let query = |args: &[&str]| {
        let mut all = vec!["query", "--store", "out/claimgraph.store"];
        all.extend_from_slice(args);
        claimgraph(dir.path(), &all)
    };

    let found = query(&["claims", "--subject", "Poland", "--format", "jsonl"]);
    found.assert_clean();
    let claims = found.jsonl();
    assert_eq!(claims.len(), 1, "{}", found.stdout());
    assert_eq!(claims[0]["predicate"], "send");
    let object = claims[0]["object"]["id"].as_str().unwrap();
    assert!(
        object.starts_with("value:quantity:300:troops@"),
        "a literal is its relation's own leaf: {object}"
    );

    let entity = query(&["entity", "Lithuania"]);
    entity.assert_clean();
    assert!(
        entity
            .stdout()
            .starts_with("Lithuania (place, place:lithuania)\n"),
        "{}",
        entity.stdout()
    );

    // A question with no answer: exit 1, nothing on stderr.
    for args in [
        &["claims", "--predicate", "annex"][..],
        &["conflicts"][..],
        &["path", "Poland", "Latvia"][..],
    ] {
        let run = query(args);
        run.assert_code(1);
        assert_eq!(run.stderr, "", "{args:?}");
    }

    // An entity the store does not know finds nothing (exit 1), and stderr names it.
    let unknown = query(&["entity", "Narnia"]);
    unknown.assert_code(1);
    assert_eq!(unknown.stdout(), "");
    assert_eq!(unknown.stderr, "claimgraph: no entity matches \"Narnia\"\n");
}

/// Two invented sentences in the CoNLL-U layout (one with a multi-word token).
const CONLLU: &str = "# sent_id = a\n\
1\tBoats\tboat\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
2\tcarry\tcarry\tVERB\tVBP\t_\t0\troot\t_\t_\n\
3\tsalt\tsalt\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\
\n\
# sent_id = b\n\
1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n\
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n\
3\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\t_\n\
\n";

#[test]
fn eval_ud_predicts_the_word_columns_and_passes_the_rest_through() {
    let dir = tempdir();
    std::fs::write(dir.path().join("in.conllu"), CONLLU).unwrap();
    let run = claimgraph(dir.path(), &["eval", "ud", "in.conllu"]);
    run.assert_clean();
    let (inp, out): (Vec<&str>, Vec<&str>) =
        (CONLLU.lines().collect(), run.stdout().lines().collect());
    assert_eq!(inp.len(), out.len());
    for (a, b) in inp.iter().zip(&out) {
        let (ca, cb): (Vec<&str>, Vec<&str>) = (a.split('\t').collect(), b.split('\t').collect());
        if ca.len() < 10 || ca[0].contains('-') {
            assert_eq!(a, b);
        } else {
            assert_eq!((ca[0], ca[1], ca[9]), (cb[0], cb[1], cb[9]));
            assert!(cb[6].parse::<usize>().is_ok(), "{b}");
        }
    }
    let roots = out
        .iter()
        .filter(|l| l.split('\t').nth(6) == Some("0"))
        .count();
    assert_eq!(roots, 2, "one root per sentence");
}

#[test]
fn eval_ud_names_the_file_and_line_at_fault() {
    let dir = tempdir();
    std::fs::write(dir.path().join("bad.conllu"), "# c\n1\tBoats\tboat\n").unwrap();
    let run = claimgraph(dir.path(), &["eval", "ud", "bad.conllu"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("bad.conllu") && run.stderr.contains("line 2"),
        "{}",
        run.stderr
    );
    std::fs::write(dir.path().join("in.conllu"), CONLLU).unwrap();
    std::fs::write(dir.path().join("model.bin"), b"not a model").unwrap();
    let run = claimgraph(
        dir.path(),
        &["eval", "ud", "in.conllu", "--parser", "model.bin"],
    );
    run.assert_code(2);
    assert!(
        run.stderr.contains("not a claimgraph parser model"),
        "{}",
        run.stderr
    );
}

#[test]
fn train_parser_writes_a_model_eval_ud_can_use() {
    let dir = tempdir();
    std::fs::write(dir.path().join("en_ewt-ud-train.conllu"), CONLLU).unwrap();
    let run = claimgraph(
        dir.path(),
        &[
            "train-parser",
            "--treebank",
            ".",
            "--out",
            "p.bin",
            "--iterations",
            "2",
        ],
    );
    run.assert_code(0);
    let first = std::fs::read(dir.path().join("p.bin")).unwrap();
    claimgraph(
        dir.path(),
        &[
            "train-parser",
            "--treebank",
            ".",
            "--out",
            "q.bin",
            "--iterations",
            "2",
        ],
    )
    .assert_code(0);
    assert_eq!(
        first,
        std::fs::read(dir.path().join("q.bin")).unwrap(),
        "deterministic"
    );
    std::fs::write(dir.path().join("in.conllu"), CONLLU).unwrap();
    claimgraph(
        dir.path(),
        &["eval", "ud", "in.conllu", "--parser", "p.bin"],
    )
    .assert_clean();
}
