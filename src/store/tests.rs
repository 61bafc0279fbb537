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
    let mut v3 = encode(&sample());
    v3[16] = 3;
    check(&v3, "out/g.store: store format version 3, but this claimgraph reads versions 1 to 2; rebuild it with `claimgraph ingest` from the articles");
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
    assert_eq!(g.n_supports(), 31);
    let troops = g
        .relations()
        .find(|r| r.relation.predicate.as_str() == "limit army")
        .unwrap();
    assert_eq!(troops.subject.id(), "place:ukraine");
    assert_eq!(troops.object.id(), "value:quantity:600000:troops");
    assert_eq!(troops.attributions(), ["The plan"]);
    let support = troops.supports().next().unwrap();
    assert!(support.evidence.contains("600,000"));
    assert!(support.support.claim.as_str().starts_with('c'));
    // Written back as version 2, it reads back the same.
    let v2 = encode(&g);
    assert_eq!(v2[16..20], VERSION.to_le_bytes());
    assert!(v2.len() < v1.len(), "the symbol table makes it smaller");
    assert_eq!(encode(&decode("v2", &v2).unwrap()), v2);
}

#[test]
fn supports_share_their_strings() {
    let g = decode("s", &encode(&sample())).unwrap();
    let texts: Vec<&crate::graph::Sym> = g
        .relations()
        .flat_map(|r| r.supports().map(|s| &s.support.rule).collect::<Vec<_>>())
        .collect();
    for a in &texts {
        for b in &texts {
            if a.as_str() == b.as_str() {
                assert!(std::ptr::eq(a.as_ptr(), b.as_ptr()), "{a} is stored twice");
            }
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
