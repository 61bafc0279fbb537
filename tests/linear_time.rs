//! Time that grows with the input, not faster: one article four times as long, and a
//! gazetteer entry with four times as many aliases, may take at most five times as long.
//!
//! Each case compares a size with four times that size (a ratio, so the machine's speed does
//! not matter), timing the two sizes in turn several times and keeping the best of each, so a
//! busy machine slows both. A quadratic step gives a ratio near 16. The default sizes run in a
//! few seconds in a debug build; `CLAIMGRAPH_SLOW_TESTS=1` (as `.ci/run` sets) uses larger
//! ones, closer to the multi-megabyte articles where a quadratic step used to dominate.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use claimgraph::article::Article;
use claimgraph::gazetteer::Layer;
use claimgraph::pipeline::{Pipeline, Stages};
use claimgraph::{Gazetteer, Tagger};

/// The most that four times the input may cost, relative to the input.
const MAX_RATIO: f64 = 5.0;

/// The same for a step dominated by allocation, whose cost per item grows with the heap.
const MAX_ALLOC_RATIO: f64 = 12.0;

fn slow_tests() -> bool {
    std::env::var_os("CLAIMGRAPH_SLOW_TESTS").is_some_and(|v| v == "1")
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let gazetteer = Gazetteer::builtin().expect("the builtin gazetteer loads");
        let tagger = Tagger::new(gazetteer).expect("the builtin tagger builds");
        // The same automaton for both sizes: the one over all names, built before timing.
        assert!(tagger.prepare_full());
        Pipeline::new(tagger)
    })
}

/// Best time of `f(small)` and of `f(large)` over `runs` alternating runs, and their ratio.
fn ratio<T>(runs: usize, small: &T, large: &T, f: impl Fn(&T)) -> (Duration, Duration, f64) {
    let time = |x: &T| {
        let started = Instant::now();
        f(x);
        started.elapsed()
    };
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs {
        best_small = best_small.min(time(small));
        best_large = best_large.min(time(large));
    }
    let ratio = best_large.as_secs_f64() / best_small.as_secs_f64().max(1e-6);
    (best_small, best_large, ratio)
}

/// A small deterministic generator (xorshift), so the text is the same on every run.
struct Rng(u64);

impl Rng {
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        words[(self.0 % words.len() as u64) as usize]
    }
}

/// News-like text of at least `bytes` bytes, written for this test: listed places and
/// countries, unlisted names after titles and before reporting verbs, organisations with
/// heads, results lines, brackets and paragraphs, so that every cue rule has work to do.
fn article_text(bytes: usize) -> String {
    let titles = ["Minister", "Dr.", "President", "General", "Judge"];
    let given = ["Anna", "Tomas", "Lena", "Pavel", "Marta", "Jonas", "Irena"];
    let family = ["Kovarik", "Dunmore", "Selvaggi", "Ostrander", "Wexley"];
    let places = ["Vienna", "Lisbon", "Nairobi", "Hamburg", "Denver", "Perth"];
    let countries = ["Austria", "Kenya", "Portugal", "Chile", "Norway"];
    let heads = ["Bank", "Council", "Institute", "Union", "Ministry"];
    let verbs = ["said", "told", "warned", "added", "announced"];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(bytes + 400);
    while text.len() < bytes {
        let (t, g, f) = (rng.pick(&titles), rng.pick(&given), rng.pick(&family));
        let (p, c, h, v) = (
            rng.pick(&places),
            rng.pick(&countries),
            rng.pick(&heads),
            rng.pick(&verbs),
        );
        let (g2, f2, p2) = (rng.pick(&given), rng.pick(&family), rng.pick(&places));
        text.push_str(&format!(
            "{t} {g} {f} of the {p} {h} {v} on Tuesday that {c} would lend 40 million euros \
             to {p2}. {g2} {f2} {v} the plan was late. {f} ( {c} ) 68. The {c} {h} of {p} \
             and {g2} {f2} met in {p2}, where {f} {v} reporters that {f2} had left.\n\n"
        ));
    }
    text
}

fn analyse(text: &str, stages: Stages) {
    let article = Article::from_text("test", text.to_string());
    let analysis = pipeline().analyze(article, stages);
    assert!(!analysis.mentions.is_empty());
}

#[test]
fn one_long_article_costs_time_linear_in_its_length() {
    // Claims cost more per byte than tags (a part-of-speech tagger runs on every sentence).
    let (tag_size, claims_size) = if slow_tests() {
        (512 << 10, 512 << 10)
    } else {
        (96 << 10, 32 << 10)
    };
    for (stages, size) in [(Stages::Tag, tag_size), (Stages::Claims, claims_size)] {
        let small = article_text(size);
        let large = article_text(4 * size);
        let (a, b, r) = ratio(3, &small, &large, |t| analyse(t, stages));
        eprintln!(
            "{stages:?}: {} bytes {a:?}, {} bytes {b:?}: x{r:.2}",
            small.len(),
            large.len()
        );
        assert!(
            r <= MAX_RATIO,
            "{stages:?}: 4x the text took {r:.2}x the time ({a:?} -> {b:?})"
        );
    }
}

/// A gazetteer file with one entry of `n` aliases, each listed twice, and as many
/// `exact_case` forms.
fn many_aliases(n: usize) -> String {
    let forms: Vec<String> = (0..n).map(|i| format!("\"Harbour Works {i}\"")).collect();
    let forms = forms.join(", ");
    format!(
        "(entries: [(id: \"org:harbour-works\", type: organisation, name: \"Harbour Works\", \
         aliases: [{forms}, {forms}], exact_case: [{forms}])])"
    )
}

#[test]
fn an_entry_with_many_aliases_loads_in_linear_time() {
    // Loading and folding the names; building the tagger's automaton over them is a sort
    // (n log n) and is not the step measured here.
    let n = if slow_tests() { 20_000 } else { 5_000 };
    let load = |(n, ron): &(usize, String)| {
        let mut gazetteer = Gazetteer::empty();
        gazetteer
            .add_source("many.ron", ron, Layer::User)
            .expect("the entry loads");
        let entity = gazetteer
            .get("org:harbour-works")
            .expect("the entry is there");
        // Repeats are dropped, first-seen order kept.
        assert_eq!(entity.aliases.len(), *n);
        assert_eq!(
            entity.aliases.first().map(|a| a.as_str()),
            Some("Harbour Works 0")
        );
        gazetteer
    };
    // The folded name table is what the tagger matches: all forms are in it. Building it sorts
    // the names (n log n, a ratio near 4.7 for 4x), so it is checked once and not timed.
    let table = load(&(n, many_aliases(n))).take_name_table();
    assert!(table.patterns.len() > n);
    let (small, large) = ((n, many_aliases(n)), (4 * n, many_aliases(4 * n)));
    let (a, b, r) = ratio(7, &small, &large, |input| {
        load(input);
    });
    eprintln!("aliases: {n} {a:?}, {} {b:?}: x{r:.2}", 4 * n);
    // Loading allocates per alias (strings, a hash set that regrows), and on a busy machine
    // (load 8-10, four builds beside it) runs of a few milliseconds measured up to x10.2; a
    // quadratic step gives x16, so this case allows x12.
    assert!(
        r <= MAX_ALLOC_RATIO,
        "4x the aliases took {r:.2}x the time ({a:?} -> {b:?})"
    );
}
