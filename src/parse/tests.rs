//! Unit tests of the parser: model file, tree shape, bad input, a tiny trained model.

use super::*;

fn tree(words: &[(&str, Tag, u32, &str)]) -> TreeSentence {
    words
        .iter()
        .map(|&(form, tag, head, deprel)| TreeWord {
            form: form.to_string(),
            upos: String::new(),
            tag,
            head,
            deprel: deprel.to_string(),
        })
        .collect()
}

fn tiny_treebank() -> Vec<TreeSentence> {
    let a = tree(&[
        ("Ships", Tag::NNS, 2, "nsubj"),
        ("carry", Tag::VBP, 0, "root"),
        ("grain", Tag::NN, 2, "obj"),
        (".", Tag::Period, 2, "punct"),
    ]);
    let b = tree(&[
        ("The", Tag::DT, 2, "det"),
        ("mill", Tag::NN, 3, "nsubj:pass"),
        ("closed", Tag::VBD, 0, "root"),
        ("today", Tag::NN, 3, "obl:tmod"),
    ]);
    vec![a, b]
}

fn tiny_config() -> ParserTrainConfig {
    ParserTrainConfig {
        iterations: 8,
        folds: 0,
        min_weight: 0,
        ..ParserTrainConfig::default()
    }
}

#[test]
fn a_trained_model_learns_its_sentences_and_round_trips() {
    let bank = tiny_treebank();
    let parser = train(&bank, PosModel::builtin(), &tiny_config());
    assert!(parser.labels().iter().any(|l| l == "nsubj:pass"));
    let bytes = parser.to_bytes();
    let back = Parser::from_bytes(&bytes).map_err(|e| e.to_string());
    assert_eq!(back.as_ref().map(|p| p.to_bytes()), Ok(bytes.clone()));
    let again = train(&bank, PosModel::builtin(), &tiny_config()).to_bytes();
    assert_eq!(again, bytes, "training is deterministic");
    let scores = evaluate(&parser, PosModel::builtin(), &bank);
    assert_eq!(scores.words, 8);
    assert!(scores.uas() > 70.0, "{scores:?}");
}

#[test]
fn every_parse_is_a_tree_with_one_root() {
    let words: Vec<&str> = "Officials said the plant , which opened in 1990 , would close ."
        .split(' ')
        .collect();
    let parsed = Parser::builtin().analyse(PosModel::builtin(), &words);
    assert_eq!(parsed.len(), words.len());
    assert_eq!(parsed.iter().filter(|w| w.head == 0).count(), 1);
    for (i, w) in parsed.iter().enumerate() {
        // following heads from any word reaches the root without a cycle
        let (mut at, mut steps) = (i + 1, 0);
        while at != 0 && steps <= words.len() {
            at = parsed.get(at - 1).map_or(0, |w| w.head);
            steps += 1;
        }
        assert_eq!(at, 0, "word {} ({:?}) is in a cycle", i + 1, w);
    }
}

#[test]
fn empty_long_and_strange_input_never_panics() {
    let p = Parser::builtin();
    assert!(p.parse(&[], &[], &[]).is_empty());
    let long: Vec<&str> = std::iter::repeat_n(["and", "the", ",", "x"], 1500)
        .flatten()
        .collect();
    let deps = p.parse(&long, &[], &[]);
    assert_eq!(deps.len(), long.len());
    assert_eq!(deps.iter().filter(|d| d.head == 0).count(), 1);
    // All capitals, no verb, 3,000 words, tagged by the real tagger.
    let caps: Vec<&str> = std::iter::repeat_n(["ALERT", "PRICES", ":", "FUEL", "UP", ","], 500)
        .flatten()
        .collect();
    let words = p.analyse(PosModel::builtin(), &caps);
    assert_eq!(words.len(), caps.len());
    assert_eq!(words.iter().filter(|w| w.head == 0).count(), 1);
    let odd = ["", "\u{0}", "ÆØÅ", "--", "12,000"];
    assert_eq!(
        Parser::default().parse(&odd, &[Tag::NN], &[]).len(),
        odd.len()
    );
}

#[test]
fn bad_model_bytes_are_errors() {
    assert!(matches!(Parser::from_bytes(b""), Err(ParseError::BadMagic)));
    assert!(matches!(
        Parser::from_bytes(b"CGPAR"),
        Err(ParseError::Truncated(5))
    ));
    let bytes = train(&tiny_treebank(), PosModel::builtin(), &tiny_config()).to_bytes();
    for cut in [12, 20, bytes.len() - 1] {
        assert!(Parser::from_bytes(bytes.get(..cut).unwrap_or_default()).is_err());
    }
    let mut flipped = bytes.clone();
    if let Some(b) = flipped.get_mut(14) {
        *b ^= 1;
    }
    assert!(matches!(
        Parser::from_bytes(&flipped),
        Err(ParseError::Checksum)
    ));
}

#[test]
fn upos_follows_ewt_conventions() {
    assert_eq!(upos(Tag::VBZ, "aux:pass", "be"), "AUX");
    assert_eq!(upos(Tag::VBZ, "root", "be"), "VERB");
    assert_eq!(upos(Tag::IN, "mark", "because"), "SCONJ");
    assert_eq!(upos(Tag::IN, "case", "in"), "ADP");
    assert_eq!(upos(Tag::DT, "nsubj", "this"), "PRON");
    assert_eq!(upos(Tag::RB, "advmod", "not"), "PART");
    assert_eq!(upos(Tag::TO, "mark", "to"), "PART");
}

#[test]
fn treebank_lines_are_checked() {
    let ok = "# c\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t2\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let bank = read_treebank(ok).map_err(|e| e.to_string());
    assert_eq!(bank.as_ref().map(|b| b.len()), Ok(1));
    assert_eq!(bank.as_ref().map(|b| b[0].len()), Ok(2));
    let bad = "1\tdo\tdo\tAUX\tVBP\t_\tx\taux\t_\t_\n";
    let err = read_treebank(bad).map_err(|e| e.to_string());
    assert_eq!(err, Err("CoNLL-U line 1: bad head \"x\"".to_string()));
}

#[test]
fn greedy_and_beam_training_both_learn_their_sentences() {
    let bank = tiny_treebank();
    for beam in [1, 4] {
        let cfg = ParserTrainConfig {
            beam,
            ..tiny_config()
        };
        let parser = train(&bank, PosModel::builtin(), &cfg);
        assert_eq!(parser.beam_width(), beam);
        // Greedy models keep the format version 1; beam ones are version 2.
        let version: u32 = if beam == 1 { 1 } else { 2 };
        assert_eq!(
            parser.to_bytes().get(8..12),
            Some(&version.to_le_bytes()[..])
        );
        let back = Parser::from_bytes(&parser.to_bytes()).map(|p| p.beam_width());
        assert_eq!(back.ok(), Some(beam));
        let scores = evaluate(&parser, PosModel::builtin(), &bank);
        assert!(scores.uas() > 70.0, "beam {beam}: {scores:?}");
        let deps = parser.parse(&["Ships", "carry", "grain", "."], &[], &[]);
        assert_eq!(deps.iter().filter(|d| d.head == 0).count(), 1);
    }
}

#[test]
fn passes_seen_while_training_are_the_shorter_trainings() {
    let bank = tiny_treebank();
    let mut seen = Vec::new();
    train_watched(&bank, PosModel::builtin(), &tiny_config(), |pass, m| {
        seen.push((pass, m.to_bytes()));
    });
    assert_eq!(seen.len(), tiny_config().iterations - 1);
    let (pass, bytes) = seen.swap_remove(2);
    let short = ParserTrainConfig {
        iterations: pass,
        ..tiny_config()
    };
    assert_eq!(train(&bank, PosModel::builtin(), &short).to_bytes(), bytes);
}
