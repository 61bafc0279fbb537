use super::*;
use crate::graph::testutil::sample;

#[test]
fn roundtrips_byte_for_byte() {
    let g = sample();
    let bytes = encode(&g);
    let back = decode("s", &bytes).unwrap();
    assert_eq!(encode(&back), bytes);
    assert_eq!(back.n_relations(), g.n_relations());
    assert_eq!(back.conflicts().len(), 3);
}

#[test]
fn empty_graph_roundtrips() {
    let bytes = encode(&KnowledgeGraph::new());
    assert_eq!(decode("s", &bytes).unwrap().n_articles(), 0);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = encode(&sample());
    for len in 0..bytes.len() {
        assert!(
            decode("s", &bytes[..len]).is_err(),
            "truncated to {len} bytes decoded"
        );
    }
}

#[test]
fn every_bit_flip_is_an_error_not_a_panic() {
    let bytes = encode(&sample());
    for pos in 0..bytes.len() {
        let mut b = bytes.clone();
        b[pos] ^= 0x10;
        assert!(decode("s", &b).is_err(), "flip at {pos} decoded");
    }
}

#[test]
fn errors_name_the_file_and_the_fix() {
    let check = |bytes: &[u8], expected: &str| {
        assert_eq!(
            decode("out/g.store", bytes).unwrap_err().to_string(),
            expected
        );
    };
    check(b"hello", "out/g.store: not a claimgraph store (no CLAIMGRAPH-STORE header); give the path of a store written by `claimgraph ingest`");
    let mut v5 = encode(&sample());
    v5[16] = 5;
    check(&v5, "out/g.store: store format version 5, but this claimgraph reads versions 1 to 4; rebuild it with `claimgraph ingest` from the articles");
    let bytes = encode(&sample());
    check(&bytes[..100], "out/g.store: truncated store (100 bytes and no end marker; was a write interrupted?); restore a backup or rebuild it with `claimgraph ingest` from the articles");
}

#[test]
fn save_and_load_through_the_filesystem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("g.store");
    assert_eq!(
        load(&path).unwrap().n_articles(),
        0,
        "a missing store is empty"
    );
    save(&sample(), &path).unwrap();
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["g.store"], "no temp file left behind");
    assert_eq!(load(&path).unwrap().n_articles(), 2);
}

#[test]
fn reads_version_1_stores() {
    // The seed's store as the first release wrote it (strings inline, no symbol table).
    let v1 = include_bytes!("../../tests/fixtures/seed-v1.store");
    assert_eq!(v1[16..20], 1u32.to_le_bytes());
    let g = decode("seed-v1.store", v1).unwrap();
    assert_eq!(g.n_articles(), 1);
    // Rebuilt in the current model: the 2 supports of relations with a bare pronoun end
    // ("they") are dropped, and every literal is a leaf of one relation.
    assert_eq!(g.n_supports(), 29);
    for value in g.values() {
        assert_eq!(g.relations_of(&value.id).len(), 1, "{}", value.id);
        assert!(crate::claim::text_exclusion(&value.text).is_none() || value.quantity.is_some());
    }
    let troops = g
        .relations()
        .find(|r| r.predicate() == "limit army")
        .unwrap();
    assert_eq!(troops.subject.id(), "place:ukraine");
    assert!(troops
        .object
        .id()
        .starts_with("value:quantity:600000:troops@"));
    assert_eq!(troops.attributions(), ["The plan"]);
    let support = troops.supports().next().unwrap();
    assert!(support.evidence.contains("600,000"));
    assert!(support.claim().as_str().starts_with('c'));
    // Written back in the current version, it reads back the same.
    let now = encode(&g);
    assert_eq!(now[16..20], VERSION.to_le_bytes());
    assert!(now.len() < v1.len(), "the symbol table makes it smaller");
    assert_eq!(encode(&decode("now", &now).unwrap()), now);
}

#[test]
fn reads_version_2_stores_as_the_same_graph() {
    // The seed's store as the second release wrote it (evidence sentences one by one, no
    // article blocks); the current version differs only in layout.
    let v2 = include_bytes!("../../tests/fixtures/seed-v2.store");
    assert_eq!(v2[16..20], 2u32.to_le_bytes());
    let from_v2 = decode("seed-v2.store", v2).unwrap();
    assert_eq!(from_v2.n_articles(), 1);
    let troops = from_v2
        .relations()
        .find(|r| r.predicate() == "limit army")
        .unwrap();
    assert_eq!(troops.attributions(), ["The plan"]);
    let now = encode(&from_v2);
    assert_eq!(encode(&decode("now", &now).unwrap()), now);
    let evidence: Vec<(u32, String)> = from_v2
        .articles()
        .flat_map(|a| a.evidence().map(|(i, t)| (i, t.to_string())))
        .collect();
    assert!(evidence.len() > 5);
    assert!(evidence.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(evidence.iter().any(|(_, t)| t.contains("600,000 troops")));
}

#[test]
fn a_loaded_graph_outlives_a_save_over_its_file() {
    // `load` maps the file and the graph's evidence points into it; `save` renames a new
    // file over the old one, so the loaded graph keeps reading the old bytes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.store");
    save(&sample(), &path).unwrap();
    let loaded = load(&path).unwrap();
    let before: Vec<String> = loaded
        .relations()
        .flat_map(|r| {
            r.supports()
                .map(|s| s.evidence.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(before.iter().all(|e| !e.is_empty()));
    save(&KnowledgeGraph::new(), &path).unwrap();
    let after: Vec<String> = loaded
        .relations()
        .flat_map(|r| {
            r.supports()
                .map(|s| s.evidence.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(before, after);
    assert_eq!(encode(&loaded), encode(&sample()));
    assert_eq!(load(&path).unwrap().n_articles(), 0);
}

#[test]
fn evidence_that_is_not_utf8_or_out_of_place_is_an_error() {
    let g = sample();
    let good = encode(&g);
    // The first evidence text of the first article, found by its bytes.
    let text = g
        .articles()
        .next()
        .unwrap()
        .evidence_buffer()
        .text()
        .to_string();
    let at = good
        .windows(text.len())
        .position(|w| w == text.as_bytes())
        .unwrap();
    let reseal = |mut b: Vec<u8>| {
        let trailer_at = b.len() - TRAILER_LEN;
        let sum = codec::Checksum::of(&b[HEADER_LEN..trailer_at]);
        b[trailer_at + END.len() + 8..].copy_from_slice(&sum.to_le_bytes());
        b
    };
    let mut bad = good.clone();
    bad[at] = 0xff;
    let err = decode("g.store", &reseal(bad)).unwrap_err().to_string();
    assert!(err.contains("not UTF-8"), "{err}");
    assert!(err.contains("article \"a1\""), "{err}");
    // The same bytes resealed unchanged load fine, through the file system.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.store");
    std::fs::write(&path, reseal(good.clone())).unwrap();
    assert_eq!(encode(&load(&path).unwrap()), good);
}

#[test]
fn supports_share_their_strings() {
    let g = decode("s", &encode(&sample())).unwrap();
    let interner = g.interner();
    let rules: Vec<crate::graph::Sym> = g
        .relations()
        .flat_map(|r| {
            r.support_records()
                .iter()
                .map(|s| s.rule())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(rules.len() > 1);
    for &a in &rules {
        for &b in &rules {
            assert_eq!(a == b, interner.get(a) == interner.get(b), "{a:?} {b:?}");
        }
    }
}

#[test]
fn any_block_size_reads_back_the_same_graph() {
    let g = sample();
    let bytes = encode(&g);
    for per_block in [1, 2, 3, 1000] {
        let mut small = Vec::new();
        encode_blocks(&g, &mut small, per_block).unwrap();
        if per_block < g.n_relations() {
            assert_ne!(small, bytes);
        }
        let back = decode("s", &small).unwrap();
        assert_eq!(encode(&back), bytes, "{per_block} relations per block");
    }
}

#[test]
fn corrupt_bodies_with_valid_checksums_are_errors_not_panics() {
    // A checksum catches accidents; this makes sure that a body that passes it but is wrong
    // anyway (a bug, a hand-edited file) still never panics or loops.
    let mut good = Vec::new();
    encode_blocks(&sample(), &mut good, 2).unwrap();
    let body_at = HEADER_LEN;
    let trailer_at = good.len() - TRAILER_LEN;
    let mut n_err = 0;
    for pos in body_at..trailer_at {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut b = good.clone();
            b[pos] ^= flip;
            let sum = codec::Checksum::of(&b[body_at..trailer_at]);
            b[trailer_at + END.len() + 8..].copy_from_slice(&sum.to_le_bytes());
            if decode("s", &b).is_err() {
                n_err += 1;
            }
        }
    }
    assert!(n_err > 0);
}
