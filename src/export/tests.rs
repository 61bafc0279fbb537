use super::*;
use crate::graph::testutil::*;

fn text(format: Format, options: &ExportOptions) -> String {
    let files = export(&sample(), format, options).unwrap();
    files
        .iter()
        .map(|f| String::from_utf8(f.bytes.clone()).unwrap())
        .collect::<Vec<_>>()
        .join("")
}

fn all() -> ExportOptions {
    ExportOptions {
        depth: 1,
        min_support: 1,
        ..ExportOptions::default()
    }
}

#[test]
fn dot_escapes_every_label() {
    assert_eq!(
        dot::quote("a \"b\" \\ c\nd & e\u{7}"),
        r#""a \"b\" \\ c\nd &amp; e ""#
    );
    let dot = text(Format::Dot, &all());
    assert!(
        dot.contains(r#""org:quote" [label="The \"Quoted\" \\ Org""#),
        "{dot}"
    );
    assert!(dot.contains("subgraph cluster_legend"));
    assert!(
        dot.contains(r#"label="limit army\nper: the plan""#),
        "{dot}"
    );
}

#[test]
fn cypher_strings_cannot_inject() {
    let evil = "x'}) DETACH DELETE n //\\\n\"";
    assert_eq!(cypher::string(evil), r#"'x\'}) DETACH DELETE n //\\\n\"'"#);
    let cypher = text(Format::Cypher, &all());
    for line in cypher.lines() {
        assert!(line.ends_with(';'), "{line}");
        assert!(
            line.starts_with("MERGE (n:") || line.starts_with("MATCH (a:"),
            "{line}"
        );
    }
}

#[test]
fn json_is_node_link() {
    let v: serde_json::Value = serde_json::from_str(&text(Format::Json, &all())).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"place:ukraine") && ids.contains(&"article:a1"));
    for link in v["links"].as_array().unwrap() {
        assert!(ids.contains(&link["source"].as_str().unwrap()));
        assert!(ids.contains(&link["target"].as_str().unwrap()));
        assert!(link["key"].is_string());
    }
    let lines = text(Format::Jsonl, &all());
    assert_eq!(lines.lines().count(), 7);
}

#[test]
fn filters_select_a_part() {
    let opts = ExportOptions {
        min_support: 2,
        ..all()
    };
    assert_eq!(text(Format::Jsonl, &opts).lines().count(), 1);
    let opts = ExportOptions {
        around: Some("Crimea".into()),
        depth: 1,
        ..all()
    };
    let jsonl = text(Format::Jsonl, &opts);
    assert_eq!(jsonl.lines().count(), 2, "{jsonl}");
    let opts = ExportOptions {
        kinds: vec![EntityKind::Person],
        ..all()
    };
    let jsonl = text(Format::Jsonl, &opts);
    assert_eq!(jsonl.lines().count(), 0, "{jsonl}");
    let opts = ExportOptions {
        around: Some("nowhere".into()),
        ..all()
    };
    assert!(matches!(
        export(&sample(), Format::Dot, &opts),
        Err(ExportError::Around(_))
    ));
}

#[test]
fn neo4j_files_have_typed_headers() {
    let files = export(&sample(), Format::Neo4j, &all()).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "entities.csv",
            "values.csv",
            "articles.csv",
            "claims.csv",
            "mentions.csv"
        ]
    );
    let claims = String::from_utf8(files[3].bytes.clone()).unwrap();
    assert!(claims.starts_with(":START_ID,:END_ID,:TYPE,id,"));
    let entities = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(
        entities.contains("\"The \"\"Quoted\"\" \\ Org\""),
        "{entities}"
    );
}

#[test]
fn exports_are_deterministic() {
    for format in [
        Format::Dot,
        Format::Json,
        Format::Jsonl,
        Format::Graphml,
        Format::Cypher,
        Format::Neo4j,
    ] {
        assert_eq!(text(format, &all()), text(format, &all()));
    }
}

#[test]
fn reserved_gazetteer_prefixes_cover_every_node_id_prefix_of_the_exports() {
    use crate::gazetteer::RESERVED_PREFIXES;
    for prefix in [ARTICLE_PREFIX, crate::graph::VALUE_PREFIX, "legend:"] {
        assert!(RESERVED_PREFIXES.contains(&prefix), "{prefix}");
    }
    let dot = text(Format::Dot, &all());
    assert!(
        dot.contains("\"legend:person\""),
        "the legend's ids changed: {dot}"
    );
}

#[test]
fn node_ids_have_one_normalisation() {
    assert_eq!(
        node_id("place:a\u{1}b\nc\td"),
        "place:a\u{fffd}b\u{fffd}c\u{fffd}d"
    );
    assert!(matches!(
        node_id("place:kyiv"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(article_node_id("x\u{7f}"), "article:x\u{fffd}");
}
