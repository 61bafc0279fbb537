//! What the pipeline finds in hand-written articles (`tests/fixtures/articles/`, invented
//! stories with real places and bodies) and in the seed article: sentences, mentions, claims.
//!
//! Each expectation is what a careful reader would extract. Where the extractor does not do
//! that yet, the test is `#[ignore]`d with the input, the expected and the actual claim in the
//! reason, so `cargo test -- --ignored` lists the open extractor work.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use claimgraph::article::content_id;
use serde_json::Value;

use crate::util::{article_fixture, claimgraph, root, tempdir};

/// What `claims --with-articles` printed for one article.
#[derive(Default)]
struct Analysis {
    mentions: Vec<Value>,
    claims: Vec<Value>,
}

/// Every fixture article and the seeds, analysed by one run of the binary (a debug build
/// spends seconds loading the gazetteer, so the tests share the run), keyed by article id.
fn analyses() -> &'static BTreeMap<String, Analysis> {
    static RES: OnceLock<BTreeMap<String, Analysis>> = OnceLock::new();
    RES.get_or_init(|| {
        let dir = tempdir();
        let fixtures = root().join("tests/fixtures/articles");
        let seeds = root().join("seeds");
        let run = claimgraph(
            dir.path(),
            &[
                "claims",
                "--with-articles",
                fixtures.to_str().expect("UTF-8 path"),
                seeds.to_str().expect("UTF-8 path"),
            ],
        );
        run.assert_clean();
        let mut res: BTreeMap<String, Analysis> = BTreeMap::new();
        for record in run.jsonl() {
            if record["kind"] == "article" {
                let id = record["article"]["id"].as_str().expect("article id");
                let entry = res.entry(id.to_string()).or_default();
                entry.mentions = record["mentions"].as_array().expect("mentions").clone();
            } else {
                let id = record["article"].as_str().expect("claim article id");
                res.get_mut(id)
                    .expect("article record first")
                    .claims
                    .push(record);
            }
        }
        res
    })
}

fn analysis(fixture: &str) -> &'static Analysis {
    let text = std::fs::read_to_string(article_fixture(fixture)).expect("read fixture");
    &analyses()[&content_id(&text)]
}

/// The claims of one fixture article.
fn claims_of(fixture: &str) -> &'static [Value] {
    &analysis(fixture).claims
}

/// The mentions of one fixture as `text entity type` lines.
fn mentions_of(fixture: &str) -> Vec<String> {
    analysis(fixture)
        .mentions
        .iter()
        .map(|m| {
            format!(
                "{} {} {}",
                m["text"].as_str().unwrap(),
                m["entity"].as_str().unwrap(),
                m["type"].as_str().unwrap()
            )
        })
        .collect()
}

/// One line per claim, the fields a reader checks:
/// `sentence | subject | predicate lemma | object | attribution | flags`, where an argument is
/// its entity id, else its quantity (`=exact unit`), else its text; flags are the modality
/// plus `negated` and `quote` when set.
fn summary(claim: &Value) -> String {
    let argument = |arg: &Value| -> String {
        if let Some(entity) = arg["entity"].as_str() {
            return entity.to_string();
        }
        if let Some(q) = arg.get("quantity").filter(|q| q.is_object()) {
            return format!(
                "={} {}",
                q["exact"].as_str().unwrap(),
                q["unit"].as_str().unwrap_or("")
            )
            .trim_end()
            .to_string();
        }
        arg["text"].as_str().unwrap().to_string()
    };
    let attribution = match claim.get("attribution").filter(|a| a.is_object()) {
        Some(a) => a["entity"]
            .as_str()
            .or(a["text"].as_str())
            .unwrap()
            .to_string(),
        None => "-".to_string(),
    };
    let mut flags = claim["modality"].as_str().unwrap().to_string();
    if claim["negated"] == true {
        flags.push_str(" negated");
    }
    if claim["quote"] == true {
        flags.push_str(" quote");
    }
    format!(
        "{} | {} | {} | {} | {} | {}",
        claim["sentence"],
        argument(&claim["subject"]),
        claim["predicate"]["lemma"].as_str().unwrap(),
        argument(&claim["object"]),
        attribution,
        flags
    )
}

fn summaries(claims: &[Value]) -> Vec<String> {
    claims.iter().map(summary).collect()
}

/// Asserts that every expected summary line is among the claims.
#[track_caller]
fn assert_has(claims: &[Value], expected: &[&str]) {
    let got = summaries(claims);
    for want in expected {
        assert!(
            got.iter().any(|g| g == want),
            "missing claim\n  {want}\nclaims:\n  {}",
            got.join("\n  ")
        );
    }
}

#[test]
fn seed_sentences() {
    let text = std::fs::read_to_string(root().join("seeds/000_a3ae648593cd17ef.txt"))
        .expect("the seed article is in the repository");
    let got: Vec<&str> = claimgraph::text::sentences(&text)
        .iter()
        .map(|s| s.text(&text))
        .collect();
    let expected = [
        // The page repeats its headline; the caption has no final stop; "Reuters" is the
        // photo credit on a line of its own.
        "Zelenskyy ready for work on U.S.-backed plan",
        "Zelenskyy ready for work on U.S.-backed plan",
        "Ukrainian President attends a joint press conference in Paris, France, November 17, 2025.",
        "Reuters",
        "Ukrainan President Volodymyr Zelenskyy said after talks with a top U.S. Army official on Thursday he was ready for \"honest\" work with Washington on a plan to end the war in Ukraine, while European allies pushed back against punishing concessions to Russia.",
        "According to the U.S.-backed plan, Kyiv would be required to give up the entire Donbas region and significantly downsize its military, conditions long seen by Ukraine's allies as tantamount to capitulation.",
        "The plan says Ukraine would have to limit its army to 600,000 troops and that it would \"receive robust security guarantees,\" without providing further details.",
        "It makes several concessions to Russia, including that Crimea, Luhansk and Donetsk will be recognised as de facto Russian by the United States and that Ukrainian forces will withdraw from part of the Donetsk region that they control.",
        "\"This plan was drawn up immediately following discussions with one of the most senior members of President Zelenskyy's administration, Rustem Umerov, who agreed to the majority of the plan, after making several modifications, and presented it to President Zelenskyy,\" a senior U.S. official said.",
        "Zelenskyy, whose office said he had received a draft of the plan, said after meeting U.S. Army Secretary Daniel Driscoll in Kyiv that Ukraine and Washington would work together on elements of it.",
        "\"Our teams - Ukraine and the U.S.- will work on the points of the plan to end the war,\" Zelenskyy wrote on Telegram.",
        "\"We are ready for constructive, honest and prompt work.\"",
        "Zelenskyy's office did not comment directly on the content of the 28-point plan, which has not been officially published, but said he had \"outlined the fundamental principles that matter to our people.\"",
        "\"In the coming days, the President of Ukraine expects to discuss with President Trump the existing diplomatic opportunities and the key points required to achieve peace,\" it said.",
        // The page's tag list heading, a line of its own.
        "Tags",
    ];
    assert_eq!(got, expected);
}

#[test]
fn seed_army_limit_claim() {
    let dir = tempdir();
    let run = claimgraph(
        dir.path(),
        &["claims", root().join("seeds").to_str().unwrap()],
    );
    run.assert_clean();
    assert_has(
        &run.jsonl(),
        &["6 | place:ukraine | limit army | =600000 troops | The plan | obligation"],
    );
}

#[test]
fn defence_fund_mentions() {
    assert_eq!(
        mentions_of("defence_fund.txt"),
        [
            "Poland place:poland place",
            "Germany place:germany place",
            "Poland place:poland place",
            "Germany place:germany place",
            "Warsaw geonames:756135 place",
            "Anna Kowalska person:anna-kowalska person",
            "European Union org:eu organisation",
            "Berlin geonames:2950159 place",
            "Kowalska person:anna-kowalska person",
            "Poland place:poland place",
            "Europe place:europe place",
            "Germany place:germany place",
            "NATO org:nato organisation",
        ]
    );
}

#[test]
fn defence_fund_headline_and_contribution() {
    assert_has(
        claims_of("defence_fund.txt"),
        &[
            // The headline: a verbless-sentence style "agree" with the amount.
            "0 | place:poland | agree | =2400000000 EUR | - | asserted",
            "0 | place:germany | agree | =2400000000 EUR | - | asserted",
            // Numbers in words, future, attributed after the clause.
            "6 | place:germany | contribute | =2000000000 EUR | the finance ministry | future",
            "7 | org:nato | welcome | the plan | - | asserted",
        ],
    );
}

#[test]
fn defence_fund_main_claim() {
    let claims = claims_of("defence_fund.txt");
    assert_has(
        claims,
        &[
            "1 | place:poland | set up | =2400000000 EUR | geonames:756135 | asserted",
            "1 | place:germany | set up | =2400000000 EUR | geonames:756135 | asserted",
        ],
    );
    let bad: Vec<String> = summaries(claims)
        .into_iter()
        .filter(|s| s.starts_with("1 | Tuesday |") || s.contains("| Tuesday |"))
        .collect();
    assert!(
        bad.is_empty(),
        "\"on Tuesday\" is when, not a subject or an object: {bad:?}"
    );
}

#[test]
fn duration_is_not_an_object() {
    let claims = claims_of("defence_fund.txt");
    let got = summaries(claims);
    let contribute: Vec<&String> = got
        .iter()
        .filter(|s| s.contains("| contribute |"))
        .collect();
    assert_eq!(
        contribute,
        ["6 | place:germany | contribute | =2000000000 EUR | the finance ministry | future"]
    );
}

#[test]
fn quote_speaker_is_the_pronoun_after_it() {
    let claims = claims_of("defence_fund.txt");
    assert_has(
        claims,
        &["5 | place:europe | protect | itself | person:anna-kowalska | possibility quote"],
    );
    for claim in claims.iter().filter(|c| c["sentence"] == 5) {
        assert_ne!(
            claim["attribution"]["text"],
            "This fund",
            "a quote's subject is not its speaker: {}",
            summary(claim)
        );
    }
}

#[test]
fn passive_with_agent() {
    // "The grain corridor was approved by the European Commission on Friday."
    assert_eq!(
        summaries(claims_of("passive_agent.txt")),
        ["1 | org:european-commission | approve | The grain corridor | - | asserted"]
    );
}

#[test]
fn coordinated_subjects() {
    // "Poland and Lithuania will send 300 troops to Latvia next month."
    assert_has(
        claims_of("coordination.txt"),
        &[
            "1 | place:poland | send | =300 troops | - | future",
            "1 | place:lithuania | send | =300 troops | - | future",
        ],
    );
}

#[test]
fn negated_reporting_verb() {
    let claims = claims_of("negation.txt");
    assert!(
        claims
            .iter()
            .any(|c| c["subject"]["entity"] == "org:kremlin"
                && c["predicate"]["lemma"] == "confirm"
                && c["negated"] == true),
        "expected the Kremlin's negated confirm; got {:#?}",
        summaries(claims)
    );
    for claim in claims {
        let by_kremlin = claim["attribution"]["entity"] == "org:kremlin";
        assert!(
            !(by_kremlin && claim["negated"] == false),
            "the Kremlin did not confirm, so it does not assert: {}",
            summary(claim)
        );
    }
}

#[test]
fn quote_with_attribution_after_it() {
    // "\"We will not lift the sanctions,\" Prime Minister Mark Rutte said in Brussels."
    assert_has(
        claims_of("quote_after.txt"),
        &["1 | We | lift | the sanctions | person:mark-rutte | future negated quote"],
    );
}

#[test]
fn no_claim_is_printed_twice() {
    for fixture in ["quote_after.txt", "defence_fund.txt", "seed"] {
        let claims = if fixture == "seed" {
            let text =
                std::fs::read_to_string(root().join("seeds/000_a3ae648593cd17ef.txt")).unwrap();
            &analyses()[&content_id(&text)].claims
        } else {
            claims_of(fixture)
        };
        let mut ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
        ids.sort_unstable();
        let n_ids = ids.len();
        ids.dedup();
        assert_eq!(
            ids.len(),
            n_ids,
            "{fixture}: duplicate claims:\n{:#?}",
            summaries(claims)
        );
    }
}

#[test]
fn numbers_in_words() {
    // "Japan will send two million doses of vaccine to Kenya."
    assert_has(
        claims_of("words_number.txt"),
        &[
            "1 | place:japan | send | =2000000 doses | - | future",
            "1 | place:japan | send to | place:kenya | - | future",
        ],
    );
}

#[test]
fn pronoun_subject() {
    // "French President Emmanuel Macron arrived in Madrid on Monday. He met Spanish Prime
    // Minister Pedro Sánchez at the Moncloa Palace."
    let claims = claims_of("pronoun.txt");
    assert_has(
        claims,
        &["2 | person:emmanuel-macron | meet | person:pedro-sanchez | - | asserted"],
    );
    let meet = claims
        .iter()
        .find(|c| c["predicate"]["lemma"] == "meet")
        .expect("the meet claim");
    assert_eq!(meet["subject"]["text"], "He");
}

#[test]
fn pronoun_speaker_prefers_the_previous_subject() {
    assert_has(
        claims_of("pronoun.txt"),
        // "He said France would spend ...": a reported "would" is the speaker's future.
        &["3 | place:france | spend | =500000000 EUR | person:emmanuel-macron | future"],
    );
}

#[test]
fn no_claim_from_questions_captions_or_tags() {
    // "Will the ceasefire hold?", "Photo: file image.", "Tags".
    assert_eq!(summaries(claims_of("no_claim.txt")), Vec::<String>::new());
}

#[test]
fn appositions_give_roles() {
    // "Rustem Umerov, Ukraine's national security chief, met the delegation in Geneva. The
    // talks included Spain, France and Italy. Barack Obama, the president of the United
    // States, visited Kenya."
    let claims = claims_of("apposition.txt");
    assert_has(
        claims,
        &[
            "1 | person:rustem-umerov | be | Ukraine's national security chief | - | asserted",
            "3 | person:barack-obama | be | the president of the United States | - | asserted",
            "3 | person:barack-obama | visit | place:kenya | - | asserted",
        ],
    );
    // A list ("Spain, France and Italy") is no apposition.
    let roles: Vec<String> = claims
        .iter()
        .filter(|c| c["rule"] == "apposition")
        .map(summary)
        .collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert!(claims
        .iter()
        .filter(|c| c["rule"] == "apposition")
        .all(|c| c["predicate"]["text"] == ","));
}

/// The quantity of the first claim whose predicate lemma is `lemma`.
fn quantity_of<'c>(claims: &'c [Value], lemma: &str) -> &'c Value {
    let claim = claims
        .iter()
        .find(|c| c["predicate"]["lemma"] == lemma)
        .unwrap_or_else(|| panic!("no claim with predicate {lemma}: {:?}", summaries(claims)));
    &claim["object"]["quantity"]
}

#[test]
fn amounts_keep_their_ranges_bounds_and_approximations() {
    let claims = claims_of("amounts.txt");
    // A change keeps both ends, the value is where it ended, and the words stay whole.
    let fleet = claims
        .iter()
        .find(|c| c["object"]["quantity"]["bound"] == "change")
        .unwrap_or_else(|| panic!("no change: {:?}", summaries(claims)));
    assert_eq!(fleet["object"]["text"], "14 to as many as 22");
    let q = &fleet["object"]["quantity"];
    assert_eq!(
        (q["exact"].as_str(), q["min"].as_f64(), q["max"].as_f64()),
        (Some("22"), Some(14.0), Some(22.0))
    );
    // "up to": an upper bound.
    let loan = claims
        .iter()
        .find(|c| c["object"]["quantity"]["bound"] == "at-most")
        .unwrap_or_else(|| panic!("no bound: {:?}", summaries(claims)));
    assert_eq!(
        loan["object"]["quantity"]["max"].as_f64(),
        Some(40_000_000.0)
    );
    assert!(loan["object"]["text"]
        .as_str()
        .unwrap()
        .contains("up to 40 million euros"));
    // A compound unit stays whole.
    let gusts = quantity_of(claims, "reach");
    assert_eq!(gusts["unit"], "miles per hour");
    // "About": approximate, and the words keep it.
    let strikers = claims
        .iter()
        .find(|c| c["subject"]["quantity"]["approximate"] == true)
        .unwrap_or_else(|| panic!("no approximate subject: {:?}", summaries(claims)));
    assert!(strikers["subject"]["text"]
        .as_str()
        .unwrap()
        .starts_with("About 3,200"));
    // A tally and a chapter name are no amounts.
    for c in claims {
        for side in ["subject", "object"] {
            let exact = c[side]["quantity"]["exact"].as_str().unwrap_or("");
            assert!(!["31", "12", "11"].contains(&exact), "{}", summary(c));
        }
    }
}
