use super::testutil::*;
use super::*;
use crate::claim::{Claim, Modality};
use crate::gazetteer::{Gazetteer, Layer};
use crate::store;

fn relation_summary(g: &KnowledgeGraph) -> Vec<String> {
    g.relations()
        .map(|r| {
            format!(
                "{} {}{} {} x{}",
                r.subject.id(),
                if r.relation.negated { "not " } else { "" },
                r.predicate(),
                r.object.id(),
                r.relation.n_supports()
            )
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[test]
fn merges_the_same_triple_from_two_articles() {
    let g = sample();
    let summary = relation_summary(&g);
    assert!(
        summary.contains(&"place:russia recognise place:crimea x2".to_string()),
        "{summary:#?}"
    );
    assert!(summary.contains(&"place:russia not recognise place:crimea x1".to_string()));
    assert_eq!(g.n_articles(), 2);
    assert_eq!(g.n_relations(), 7);
    assert_eq!(g.n_supports(), 8);
    let r = g
        .relations()
        .find(|r| r.relation.n_supports() == 2)
        .unwrap();
    let articles: Vec<&str> = r.supports().map(|s| s.article.id.as_str()).collect();
    assert_eq!(articles, ["a1", "a2"]);
    let evidence: Vec<&str> = r.supports().map(|s| s.evidence).collect();
    assert!(evidence[0].starts_with("Sentence 2 of a1"), "{evidence:?}");
}

#[test]
fn counts_mentions_and_articles() {
    let g = sample();
    assert_eq!(
        g.entity_stats("place:ukraine"),
        EntityStats {
            n_mentions: 3,
            n_articles: 2
        }
    );
    // Crimea is only an argument of claims: in two articles, never tagged.
    assert_eq!(
        g.entity_stats("place:crimea"),
        EntityStats {
            n_mentions: 0,
            n_articles: 2
        }
    );
    assert_eq!(g.entity("org:quote").unwrap().name, "The \"Quoted\" \\ Org");
    assert_eq!(
        g.entity("org:quote").unwrap().kind,
        EntityKind::Organisation
    );
}

#[test]
fn same_hash_changes_nothing() {
    let mut g = sample();
    let before = store::encode(&g);
    let again = bundle(article("a1", "h1", "2025-11-20"), Vec::new(), Vec::new());
    assert_eq!(g.ingest(again, None), IngestOutcome::Unchanged);
    assert_eq!(store::encode(&g), before);
}

#[test]
fn ingest_order_does_not_matter() {
    let mut forward = KnowledgeGraph::new();
    let mut backward = KnowledgeGraph::new();
    let a = bundle(
        article("a", "h", "2025-01-01"),
        vec![],
        vec![claim("a", 0, "place:x|X", "p", "place:y|Y")],
    );
    let b = bundle(
        article("b", "h", "2025-01-02"),
        vec![],
        vec![claim("b", 0, "place:x|X", "p", "place:y|Y")],
    );
    forward.ingest(a.clone(), None);
    forward.ingest(b.clone(), None);
    backward.ingest(b, None);
    backward.ingest(a, None);
    assert_eq!(store::encode(&forward), store::encode(&backward));
}

#[test]
fn changed_article_replaces_its_own_supports() {
    let mut g = sample();
    let changed = bundle(
        article("a1", "h1-v2", "2025-11-20"),
        vec![mention("a1", "place:ukraine", "Ukraine")],
        vec![claim(
            "a1",
            1,
            "place:ukraine|Ukraine",
            "limit army",
            "700,000 troops",
        )],
    );
    assert_eq!(g.ingest(changed.clone(), None), IngestOutcome::Replaced);
    let summary = relation_summary(&g);
    assert!(
        !summary.iter().any(|s| s.contains("600000")),
        "{summary:#?}"
    );
    assert!(g.node("value:quantity:600000:troops").is_none());
    assert!(
        g.entity("org:quote").is_none(),
        "an entity left with no edge goes"
    );
    assert!(summary.contains(&"place:russia recognise place:crimea x1".to_string()));
    assert_eq!(
        g.entity_stats("place:ukraine"),
        EntityStats {
            n_mentions: 2,
            n_articles: 2
        }
    );

    // Same graph as if the old version had never been there.
    let a2_only = {
        let mut g2 = KnowledgeGraph::new();
        let s = sample_bundles();
        g2.ingest(s[1].clone(), None);
        g2
    };
    let mut expected = a2_only;
    expected.ingest(
        bundle(
            article("a1", "h1-v2", "2025-11-20"),
            vec![mention("a1", "place:ukraine", "Ukraine")],
            vec![claim(
                "a1",
                1,
                "place:ukraine|Ukraine",
                "limit army",
                "700,000 troops",
            )],
        ),
        None,
    );
    assert_eq!(store::encode(&g), store::encode(&expected));
}

#[test]
fn replacing_an_article_after_a_load_gives_the_same_graph() {
    // A loaded graph builds its article -> relation lists only when an article is replaced.
    let changed = bundle(
        article("a2", "h2-v2", "2025-11-21"),
        vec![mention("a2", "place:russia", "Russia")],
        vec![claim("a2", 0, "place:russia|Russia", "deny", "the plan")],
    );
    let mut direct = sample();
    assert_eq!(
        direct.ingest(changed.clone(), None),
        IngestOutcome::Replaced
    );
    let mut loaded = store::decode("s", &store::encode(&sample())).unwrap();
    // A new article first, then the replacement.
    let extra = bundle(
        article("a3", "h3", "2025-11-22"),
        vec![],
        vec![claim("a3", 0, "place:ukraine|Ukraine", "deny", "the plan")],
    );
    direct.ingest(extra.clone(), None);
    loaded.ingest(extra, None);
    assert_eq!(loaded.ingest(changed, None), IngestOutcome::Replaced);
    assert_eq!(store::encode(&loaded), store::encode(&direct));
    let summary = relation_summary(&loaded);
    assert!(
        summary.contains(&"place:russia recognise place:crimea x1".to_string()),
        "{summary:#?}"
    );
}

fn sample_bundles() -> Vec<crate::pipeline::Bundle> {
    vec![
        bundle(article("a1", "h1", "2025-11-20"), vec![], vec![]),
        sample_a2(),
    ]
}

#[test]
fn finds_the_three_kinds_of_conflict() {
    let g = sample();
    let conflicts: Vec<String> = g
        .conflicts()
        .iter()
        .map(|c| {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| {
                    let sources: Vec<String> = s
                        .supports()
                        .map(|x| {
                            let by = x.attribution().map_or("-", |a| a.text.as_str());
                            format!("{}/{by}", x.article.id)
                        })
                        .collect();
                    format!(
                        "{}{} [{}]",
                        if s.relation.negated { "not " } else { "" },
                        s.object.id(),
                        sources.join(" ")
                    )
                })
                .collect();
            format!(
                "{} {} {}: {}",
                c.kind.as_str(),
                c.subject.id(),
                c.predicate,
                sides.join(" | ")
            )
        })
        .collect();
    assert_eq!(
        conflicts,
        [
            // Two articles on one side: two independent sources, so it ranks first.
            "negation place:russia recognise: place:crimea [a1/- a2/-] | not place:crimea [a2/-]",
            "one-valued person:zelenskyy be president of: place:ukraine [a1/-] | place:russia [a2/-]",
            "quantity place:ukraine limit army: value:quantity:800000:troops@a81851a597f7c71c [a2/European officials] | value:quantity:600000:troops@1ea469677e11512a [a1/the plan]",
        ]
    );
}

#[test]
fn quantities_in_other_units_do_not_conflict() {
    let mut g = KnowledgeGraph::new();
    g.ingest(
        bundle(
            article("a", "h", "2025-01-01"),
            vec![],
            vec![
                claim("a", 0, "place:x|X", "cut", "10 percent"),
                claim("a", 1, "place:x|X", "cut", "500 troops"),
            ],
        ),
        None,
    );
    assert!(g.conflicts().is_empty());
}

#[test]
fn gazetteer_gives_names_aliases_and_xrefs() {
    let mut gaz = Gazetteer::empty();
    gaz.add_source(
        "test.ron",
        r#"(entries: [(id: "place:kyiv", type: place, name: "Kyiv", aliases: ["Kiev"], xref: {"wikidata": "Q1899"})])"#,
        Layer::User,
    )
    .unwrap();
    let mut g = KnowledgeGraph::new();
    g.ingest(
        bundle(
            article("a", "h", "2025-01-01"),
            vec![mention("a", "place:kyiv", "Kiev")],
            vec![],
        ),
        Some(&gaz),
    );
    let kyiv = g.entity("place:kyiv").unwrap();
    assert_eq!(kyiv.name, "Kyiv");
    assert_eq!(kyiv.aliases, ["Kiev"]);
    assert_eq!(kyiv.xref.get("wikidata").map(String::as_str), Some("Q1899"));
    assert_eq!(g.find_entities("KIEV").len(), 1);
    assert_eq!(g.find_entities("kýiv").len(), 1);
}

#[test]
fn bare_articles_are_versioned_by_their_claims() {
    let mut g = KnowledgeGraph::new();
    let first = bundle(
        article("a", "", "2025-01-01"),
        vec![],
        vec![claim("a", 0, "place:x|X", "p", "place:y|Y")],
    );
    let second = bundle(
        article("a", "", "2025-01-01"),
        vec![],
        vec![claim("a", 0, "place:x|X", "q", "place:y|Y")],
    );
    assert_eq!(g.ingest(first.clone(), None), IngestOutcome::Added);
    assert_eq!(g.ingest(first, None), IngestOutcome::Unchanged);
    assert_eq!(g.ingest(second, None), IngestOutcome::Replaced);
    assert_eq!(relation_summary(&g), ["place:x q place:y x1"]);
}

#[test]
fn a_restorer_refuses_ids_out_of_order_and_nodes_out_of_place() {
    use super::{EntityNode, Restorer, ValueNode};
    use crate::gazetteer::EntityKind;
    use crate::graph::testutil::article;
    let entity = |id: &str| EntityNode {
        id: id.into(),
        kind: EntityKind::Place,
        name: id.into(),
        aliases: Vec::new(),
        xref: Default::default(),
    };
    let value = |id: &str| ValueNode {
        id: id.into(),
        text: id.into(),
        quantity: None,
        date: None,
    };
    let mut r = Restorer::new();
    r.add_article(article("b", "h", ""), Evidence::default())
        .unwrap();
    let err = r
        .add_article(article("a", "h", ""), Evidence::default())
        .unwrap_err();
    assert_eq!(err.to_string(), "article \"a\" is out of id order");
    let err = r
        .add_article(article("b", "h", ""), Evidence::default())
        .unwrap_err();
    assert_eq!(err.to_string(), "article \"b\" appears twice");
    r.add_entity(entity("place:a")).unwrap();
    assert!(r
        .add_article(article("c", "h", ""), Evidence::default())
        .is_err());
    r.add_value(value("value:x")).unwrap();
    assert!(
        r.add_entity(entity("place:b")).is_err(),
        "entities before values"
    );
    r.add_mentions(0, &[(0, 2)]).unwrap();
    assert!(
        r.add_mentions(0, &[(1, 2)]).is_err(),
        "a value is not mentioned"
    );
    assert!(r.add_mentions(1, &[(0, 2)]).is_err(), "no second article");
    let g = r.finish();
    assert_eq!(g.entity_stats("place:a").n_mentions, 2);
    assert!(g.article("b").is_some());
    assert!(g.node("value:x").is_some());
}

/// Ingests one article per (id, date, claims).
fn graph_of(articles: Vec<(&str, &str, Vec<Claim>)>) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for (id, date, claims) in articles {
        g.ingest(
            bundle(article(id, &format!("h-{id}"), date), vec![], claims),
            None,
        );
    }
    g
}

#[test]
fn literals_are_leaves_of_one_relation_and_keep_their_wording() {
    let g = graph_of(vec![
        (
            "a",
            "2025-01-01",
            vec![
                claim("a", 0, "place:x|Xland", "promise", "free ferry rides"),
                claim("a", 1, "place:y|Yland", "promise", "Free ferry rides"),
                claim("a", 2, "place:x|Xland", "fund", "free ferry rides"),
            ],
        ),
        (
            "b",
            "2025-01-02",
            vec![claim(
                "b",
                0,
                "place:x|Xland",
                "promise",
                "free  ferry rides",
            )],
        ),
    ]);
    assert_eq!(g.n_relations(), 3, "two articles' equal claims merge");
    assert_eq!(g.n_values(), 3);
    for value in g.values() {
        assert_eq!(g.relations_of(&value.id).len(), 1, "{}", value.id);
    }
    let merged = g
        .relations()
        .find(|r| r.subject.id() == "place:x" && r.predicate() == "promise")
        .unwrap();
    assert_eq!(merged.relation.n_articles(), 2);
    let y = g.relations().find(|r| r.subject.id() == "place:y").unwrap();
    assert_eq!(y.object.label(), "Free ferry rides", "its own wording");
}

#[test]
fn unresolved_pronouns_and_empty_heads_stay_out_but_mentions_count() {
    let g = graph_of(vec![(
        "a",
        "2025-01-01",
        vec![
            claim("a", 0, "they", "close", "place:x|Xland"),
            claim("a", 1, "place:x|Xland", "find", "a way"),
            claim("a", 2, "It", "cost", "500 dollars"),
        ],
    )]);
    assert_eq!(g.n_relations(), 0);
    assert_eq!(g.n_values(), 0);
    let mut g2 = KnowledgeGraph::new();
    g2.ingest(
        bundle(
            article("a", "h", "2025-01-01"),
            vec![mention("a", "place:x", "Xland")],
            vec![claim("a", 0, "they", "close", "place:x|Xland")],
        ),
        None,
    );
    assert_eq!(g2.n_relations(), 0);
    assert_eq!(
        g2.entity_stats("place:x").n_mentions,
        1,
        "mentions still count"
    );
}

#[test]
fn modality_period_and_generic_objects_keep_relations_apart() {
    let mut hypothetical = claim(
        "b",
        0,
        "person:ann-lee|Ann Lee",
        "sign",
        "the harbour toll bill",
    );
    hypothetical.modality = Modality::Conditional;
    let mut in_2023 = claim("c", 0, "org:acme|Acme", "earn", "5 USD");
    in_2023.period = Some("2023".into());
    let mut in_2024 = claim("d", 0, "org:acme|Acme", "earn", "5 USD");
    in_2024.period = Some("2024".into());
    let g = graph_of(vec![
        (
            "a",
            "2025-01-01",
            vec![
                claim(
                    "a",
                    0,
                    "person:ann-lee|Ann Lee",
                    "sign",
                    "the harbour toll bill",
                ),
                claim("a", 1, "person:ann-lee|Ann Lee", "sign", "a bill"),
            ],
        ),
        ("b", "2025-01-02", vec![hypothetical]),
        ("c", "2025-01-03", vec![in_2023]),
        ("d", "2025-01-04", vec![in_2024]),
        (
            "e",
            "2025-01-05",
            vec![claim("e", 0, "person:ann-lee|Ann Lee", "sign", "A bill")],
        ),
    ]);
    let signs: Vec<_> = g.relations().filter(|r| r.predicate() == "sign").collect();
    assert_eq!(
        signs.len(),
        4,
        "asserted, conditional, and a bill per article"
    );
    assert!(signs.iter().all(|r| r.relation.n_supports() == 1));
    let earns: Vec<_> = g.relations().filter(|r| r.predicate() == "earn").collect();
    assert_eq!(earns.len(), 2);
    assert_eq!(
        earns
            .iter()
            .filter_map(|r| r.period())
            .collect::<Vec<_>>()
            .len(),
        2
    );
}

#[test]
fn conflicts_need_comparable_claims() {
    let c = |a: &str, s: usize, subj: &str, p: &str, o: &str| claim(a, s, subj, p, o);
    let g = graph_of(vec![
        (
            "a",
            "2025-03-01",
            vec![
                // Two figures in one sentence, and the same voice in two sentences.
                c("a", 0, "org:acme|Acme", "employ", "900 workers"),
                c("a", 0, "org:acme|Acme", "employ", "700 workers"),
                c("a", 1, "org:acme|Acme", "employ", "800 workers"),
                // A place and a year for "be founded in".
                c("a", 2, "org:acme|Acme", "be founded in", "place:x|Xland"),
                c("a", 3, "person:bo|Bo", "be born in", "place:x|Xland"),
            ],
        ),
        (
            "b",
            "2025-03-02",
            vec![
                c("b", 0, "org:acme|Acme", "employ", "950 workers"),
                // A single-word person: identity in doubt.
                c("b", 1, "person:bo|Bo", "be born in", "place:y|Yland"),
            ],
        ),
        (
            "far",
            "2025-06-01",
            vec![c("far", 0, "org:acme|Acme", "employ", "200 workers")],
        ),
    ]);
    let mut found: Vec<String> = g
        .conflicts()
        .iter()
        .map(|c| {
            let mut objects: Vec<&str> = c.sides.iter().map(|s| s.object.label()).collect();
            objects.sort_unstable();
            format!("{} {}", c.kind.as_str(), objects.join(" / "))
        })
        .collect();
    found.sort();
    // 950 (article b) against each figure of article a; never 200 (three months later),
    // never a against itself, never Bo.
    assert_eq!(
        found,
        [
            "quantity 700 workers / 950 workers",
            "quantity 800 workers / 950 workers",
            "quantity 900 workers / 950 workers",
        ]
    );
}
