use super::*;
use crate::graph::testutil::sample;

fn check(query: Query, expected: &str) {
    let res = run(&sample(), &query, OutputFormat::Table).unwrap();
    assert_eq!(res.text, expected, "\n{}", res.text);
}

fn count(query: Query) -> usize {
    run(&sample(), &query, OutputFormat::Jsonl)
        .unwrap()
        .n_results
}

fn claims_query() -> Query {
    Query::Claims {
        subject: None,
        predicate: None,
        object: None,
        source: None,
        since: None,
        until: None,
        min_sources: None,
        min_reliability: None,
        as_of: None,
    }
}

#[test]
fn entity_by_any_name() {
    check(
        Query::Entity {
            name: "UKRAINE".into(),
        },
        "Ukraine (place, place:ukraine)\nmentions: 3 in 2 articles; 4 relations\n\n\
supports  sources  subject              predicate        object          per\n\
1         1        Ukraine              limit army       800,000 troops  European officials\n\
1         1        Ukraine              limit army       600,000 troops  the plan\n\
1         1        Volodymyr Zelenskyy  be president of  Ukraine\n\
1         1        The \"Quoted\" \\ Org   support          Ukraine\n",
    );
}

#[test]
fn unknown_and_ambiguous_names_list_candidates() {
    let err = run(
        &sample(),
        &Query::Entity {
            name: "Ukrain".into(),
        },
        OutputFormat::Table,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no entity matches \"Ukrain\"; did you mean: place:ukraine (Ukraine)"
    );
    let err = run(
        &sample(),
        &Query::Timeline {
            name: "Atlantis".into(),
            since: None,
            until: None,
        },
        OutputFormat::Table,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "no entity matches \"Atlantis\"");
}

#[test]
fn claims_filters() {
    assert_eq!(count(claims_query()), 7);
    let q = |f: &dyn Fn(&mut Query)| {
        let mut q = claims_query();
        f(&mut q);
        count(q)
    };
    assert_eq!(
        q(&|q| if let Query::Claims { subject, .. } = q {
            *subject = Some("russia".into())
        }),
        2
    );
    assert_eq!(
        q(&|q| if let Query::Claims { predicate, .. } = q {
            *predicate = Some("army".into())
        }),
        2
    );
    assert_eq!(
        q(&|q| if let Query::Claims { object, .. } = q {
            *object = Some("600,000".into())
        }),
        1
    );
    assert_eq!(
        q(&|q| if let Query::Claims { source, .. } = q {
            *source = Some("the plan".into())
        }),
        1
    );
    assert_eq!(
        q(&|q| if let Query::Claims { since, .. } = q {
            *since = Some("2025-11-21".into())
        }),
        4
    );
    assert_eq!(
        q(&|q| if let Query::Claims { until, .. } = q {
            *until = Some("2025-11-20".into())
        }),
        4
    );
    assert_eq!(
        q(&|q| if let Query::Claims { until, .. } = q {
            *until = Some("2024".into())
        }),
        0
    );
    let bad = Query::Claims {
        subject: None,
        predicate: None,
        object: None,
        source: None,
        since: Some("yesterday".into()),
        until: None,
        min_sources: None,
        min_reliability: None,
        as_of: None,
    };
    assert!(matches!(
        run(&sample(), &bad, OutputFormat::Table),
        Err(QueryError::BadDate { .. })
    ));
}

#[test]
fn neighbors_and_paths() {
    let partial = Query::Neighbors {
        name: "Zelenskyy".into(),
        depth: 1,
        kind: None,
        max_nodes: None,
    };
    assert!(matches!(
        run(&sample(), &partial, OutputFormat::Table),
        Err(QueryError::Entity(ResolveError::Unknown { .. }))
    ));
    assert_eq!(
        count(Query::Neighbors {
            name: "volodymyr zelenskyy".into(),
            depth: 1,
            kind: None,
            max_nodes: None,
        }),
        2
    );
    assert_eq!(
        count(Query::Neighbors {
            name: "person:zelenskyy".into(),
            depth: 2,
            kind: Some(EntityKind::Place),
            max_nodes: None,
        }),
        3
    );
    let res = run(
        &sample(),
        &Query::Path {
            from: "Crimea".into(),
            to: "Ukraine".into(),
        },
        OutputFormat::Table,
    )
    .unwrap();
    assert_eq!(res.n_results, 1);
    assert!(
        res.text.starts_with(
            "path 1 (3 steps): place:crimea -> place:russia -> person:zelenskyy -> place:ukraine\n"
        ),
        "{}",
        res.text
    );
}

#[test]
fn conflicts_timeline_stats() {
    assert_eq!(count(Query::Conflicts(Default::default())), 3);
    let res = run(
        &sample(),
        &Query::Timeline {
            name: "Russia".into(),
            since: None,
            until: None,
        },
        OutputFormat::Jsonl,
    )
    .unwrap();
    let dates: Vec<String> = res
        .text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["date"].to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "\"2025-11-20\"",
            "\"2025-11-21\"",
            "\"2025-11-21\"",
            "\"2025-11-21\""
        ]
    );
    let res = run(&sample(), &Query::Stats, OutputFormat::Json).unwrap();
    let v: Value = serde_json::from_str(&res.text).unwrap();
    assert_eq!(v[0]["conflicts"], 3);
    assert_eq!(v[0]["relations"], 7);
}
