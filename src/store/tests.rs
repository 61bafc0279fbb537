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
    let mut v2 = encode(&sample());
    v2[16] = 2;
    check(&v2, "out/g.store: store format version 2, but this claimgraph reads version 1; rebuild it with `claimgraph ingest` from the articles");
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
