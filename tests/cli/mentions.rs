//! `train-mentions` and the mention classifier's decisions in `tag --explain`.

use crate::util::{claimgraph, tempdir};

/// A few articles of invented news in the corpus's JSON Lines form.
const ARTICLES: &str = r#"{"id": "m1", "date": "2020-01-02", "text": "Prime Minister Olwen Trask met officials in France on Monday. Trask said the talks in Paris went well. The Red Cross sent aid to Germany."}
{"id": "m2", "date": "2020-01-03", "text": "Freight trains ran from Kelverton Junction to the harbour in Norway. Senator Ilse Marrow said on Tuesday that the United Nations would help."}
{"id": "m3", "date": "2020-01-04", "text": "The Canadian company Vexmoor Holdings opened an office in Japan. Its chairman, Dario Pell, said sales in China rose in March."}
"#;

#[test]
fn training_the_mention_model_is_deterministic() {
    let dir = tempdir();
    std::fs::write(dir.path().join("a.jsonl"), ARTICLES).expect("write articles");
    for out in ["one.bin", "two.bin"] {
        let run = claimgraph(
            dir.path(),
            &[
                "train-mentions",
                "--articles",
                "a.jsonl",
                "--out",
                out,
                "--sample",
                "sample.tsv",
            ],
        );
        run.assert_code(0);
        assert!(run.stderr.contains("3 articles"), "{}", run.stderr);
    }
    let one = std::fs::read(dir.path().join("one.bin")).expect("model written");
    let two = std::fs::read(dir.path().join("two.bin")).expect("model written");
    assert!(one.starts_with(b"CGMENTIO"));
    assert_eq!(one, two, "two runs give the same bytes");
    let sample = std::fs::read_to_string(dir.path().join("sample.tsv")).expect("sample");
    assert!(sample
        .lines()
        .any(|l| l.starts_with("LOC\tgazetteer\tFrance\t")));
}

#[test]
fn explain_shows_the_mention_models_decisions_with_their_margin() {
    let dir = tempdir();
    let text = "Heavy rain flooded the streets of Dorvany Vihar in the north of the city.\n";
    std::fs::write(dir.path().join("a.txt"), text).expect("write article");
    let on = claimgraph(dir.path(), &["tag", "--explain", "a.txt"]);
    on.assert_clean();
    assert!(
        on.stdout().contains("rule=mention-model"),
        "{}",
        on.stdout()
    );
    assert!(
        on.stdout().contains(
            "not linked to person:dorvany-vihar: the mention model reads a place (margin "
        ),
        "{}",
        on.stdout()
    );
    let off = claimgraph(
        dir.path(),
        &["--mention-model", "off", "tag", "--explain", "a.txt"],
    );
    off.assert_clean();
    assert!(off.stdout().contains("rule=name-shape"), "{}", off.stdout());
    assert!(!off.stdout().contains("mention model"));
}
