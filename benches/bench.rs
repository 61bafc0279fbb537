//! claimgraph's benchmark: throughput, latency and memory of every stage on a real corpus, and
//! store and query figures on a synthetic corpus scaled up from it.
//!
//! ```text
//! cargo bench --bench bench -- --corpus ../shared/data/news-open/articles.jsonl
//! cargo bench --bench bench -- --corpus ../shared/data/news-open/articles.jsonl --scale 100000,1000000
//! ```
//!
//! It is a `[[bench]]` target (`harness = false`), so `cargo install` never puts a program
//! named `bench` on anyone's PATH.
//!
//! Stages, each timed over the same articles (best of `--repeat` runs):
//! - **floor**: a bare aho-corasick scan (the tagger's folded gazetteer names, LeftmostLongest,
//!   ASCII case-insensitive) over the raw article bytes, counting matches. Nothing that finds
//!   those names can be faster, so tagging is reported as a fraction of it (target >= 0.3).
//! - **tag**: sentences and mentions (`Pipeline::analyze` with `Stages::Tag`), one thread.
//! - **`claimgraph tag` end to end**: the binary built with this bench over the corpus files
//!   (start-up, reading, tagging on all threads, JSON Lines into a pipe), as a fraction of the
//!   floor (target 0.3, goal 0.5); skipped with `--limit`. `--baseline-bin PATH` times another
//!   build's binary the same way right after it (before/after under the same load);
//!   `--tag-only` stops there.
//! - **claims**: sentences, mentions and claims, with one thread and with all threads of a
//!   rayon pool; the two outputs must be identical. Compared with spaCy's measured speeds on the
//!   2-core reference machine (full pipeline 0.034 MB/s, NER alone 0.048 MB/s).
//! - **ingest**: `KnowledgeGraph::ingest` of every article's bundle, then `store::save` and
//!   `store::load` through a temporary file (its size gives bytes per claim).
//! - **query**: `query::run` for entity, neighbors, path, claims, timeline, conflicts and stats
//!   about the most mentioned entities, each timed per call.
//!
//! - **long articles**: the corpus's texts joined into one article of each of `--long-mb` sizes
//!   (1, 2, 4 and 8 MB), tagged and with claims on one thread. Time must grow linearly with the
//!   length: the last column is each size's time per MB over the smallest size's.
//!
//! `--scale N` generates N synthetic bundles from the corpus's own (a seeded choice of template
//! article, claims shuffled, every entity renamed into one of several variants so the graph
//! grows as a real one would) and ingests them directly, without running extraction: at a
//! million articles extraction would take hours on two cores, and its speed per article is
//! already measured above. Generation is streamed, so only the graph holds memory; a run stops
//! early, saying so, when the process passes `--max-rss-gb` or a stage passes `--max-secs`.
//!
//! This binary is a measuring tool, not part of the library: it prints, reads the clock, and
//! uses aho-corasick directly for the floor (the library's rule that only the tagger uses
//! aho-corasick is about the library's own modules).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use anyhow::{bail, Context, Result};
use clap::Parser;

use claimgraph::article::{ArticleReader, Input as ArticleInput};
use claimgraph::gazetteer::Gazetteer;
use claimgraph::graph::KnowledgeGraph;
use claimgraph::hash::{fnv1a64_parts, hex_id};
use claimgraph::pipeline::{Analysis, Bundle, Pipeline, Stages};
use claimgraph::query::{self, OutputFormat, Query};
use claimgraph::tagger::{self, Tagger};
use claimgraph::{store, text, Article};

/// The allocator `claimgraph` itself uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// spaCy `en_core_web_sm`, full pipeline, MB/s on the 2-core reference machine (from the issue).
const SPACY_FULL_MBS: f64 = 0.034;
/// spaCy `en_core_web_sm`, NER only, MB/s on the same machine.
const SPACY_NER_MBS: f64 = 0.048;
/// A scaled ingest stops when the machine has less memory than this left (other processes
/// share it, and loading the store back needs room too).
const MIN_AVAILABLE_KB: u64 = 3 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "bench",
    about = "Measure claimgraph's throughput, memory and query latency"
)]
struct Args {
    /// Articles to measure on: JSON Lines, text files or directories.
    #[arg(long, value_name = "PATH", required = true)]
    corpus: Vec<PathBuf>,
    /// Use only the first N articles.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Timed runs per throughput stage; the best is reported.
    #[arg(long, default_value_t = 2, value_name = "K")]
    repeat: usize,
    /// Synthetic corpus sizes for the store and query figures (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "N")]
    scale: Vec<usize>,
    /// Seed of the synthetic corpus.
    #[arg(long, default_value_t = 2003)]
    seed: u64,
    /// Stop a scaled ingest when the process's resident memory passes this many GB.
    #[arg(long, default_value_t = 16.0, value_name = "GB")]
    max_rss_gb: f64,
    /// Stop a scaled ingest after this many seconds.
    #[arg(long, default_value_t = 600, value_name = "SECS")]
    max_secs: u64,
    /// Extra gazetteer directories, as for `claimgraph --gazetteer`.
    #[arg(long = "gazetteer", value_name = "DIR")]
    gazetteer: Vec<PathBuf>,
    /// Directory for the temporary store file (default: the system's temporary directory).
    #[arg(long, value_name = "DIR")]
    tmp: Option<PathBuf>,
    /// Keep each synthetic store as DIR/synthetic-N.store (for profiling `claimgraph query`).
    #[arg(long, value_name = "DIR")]
    keep_stores: Option<PathBuf>,
    /// Sizes in MB of the single long articles made from the corpus (0: none).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "1,2,4,8",
        value_name = "MB"
    )]
    long_mb: Vec<usize>,
    /// Another `claimgraph` binary (an earlier build) whose `tag` is timed right after row (h)'s,
    /// in the same run, for a before/after comparison on the same machine and load.
    #[arg(long, value_name = "PATH")]
    baseline_bin: Option<PathBuf>,
    /// Stop after row (h) (and `--baseline-bin`): the tagging figures alone, in a few
    /// minutes on a loaded machine.
    #[arg(long)]
    tag_only: bool,
    /// Passed by `cargo bench` to every bench target; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<()> {
    let n_threads = rayon::current_num_threads();
    println!("claimgraph bench {}", env!("CARGO_PKG_VERSION"));
    println!(
        "machine: {} ({} threads in the pool)",
        cpu_model(),
        n_threads
    );
    println!(
        "corpus:  {}",
        args.corpus
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );

    let articles = read_corpus(&args.corpus, args.limit)?;
    let n_bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    if articles.is_empty() {
        bail!("no articles in the corpus; give a JSON Lines file or a directory of .txt files");
    }
    println!(
        "         {} articles, {:.2} MB of text",
        articles.len(),
        mb(n_bytes)
    );
    let mut table = Table::new(articles.len(), n_bytes);

    // Gazetteer and tagger build.
    let started = Instant::now();
    let gazetteer = Gazetteer::with_dirs(&args.gazetteer).context("loading the gazetteer")?;
    let gazetteer_secs = started.elapsed().as_secs_f64();
    let floor_patterns = floor_patterns(&gazetteer);
    let started = Instant::now();
    let tagger = Tagger::new(gazetteer).context("building the tagger")?;
    // The tagger builds a small automaton per first word of the names as texts need them; the
    // in-process rows use the automaton over all names instead, built now so that its build is
    // timed here (row (h) runs the binary as users do, with the small automata).
    if !tagger.prepare_full() {
        bail!("the tagger could not build its automaton over all names");
    }
    let tagger_secs = started.elapsed().as_secs_f64();
    println!(
        "setup:   gazetteer load {:.2}s ({} entities), tagger build {:.2}s ({} patterns, automaton {:.1} MB), RSS {}",
        gazetteer_secs,
        tagger.gazetteer().len(),
        tagger_secs,
        tagger.n_patterns(),
        mb(tagger.memory_usage()),
        rss_summary()
    );
    let pipeline = Pipeline::new(tagger);

    // (e) The floor: the tagger's automaton configuration over the raw bytes, and (shown, not
    // used for the ratio) the same with ASCII case-insensitivity, which a naive tagger would
    // need instead of folding.
    let floor = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&floor_patterns)
        .context("building the floor automaton")?;
    let (floor_time, n_floor_matches) = best_of(args.repeat, || floor_scan(&floor, &articles))?;
    table.row(
        "(e) floor: bare aho-corasick scan",
        floor_time,
        format!("{n_floor_matches} matches"),
    );
    let floor_ci = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&floor_patterns)
        .context("building the floor automaton")?;
    let (floor_ci_time, n_floor_ci_matches) =
        best_of(args.repeat, || floor_scan(&floor_ci, &articles))?;
    table.row(
        "    same, ASCII case-insensitive",
        floor_ci_time,
        format!("{n_floor_ci_matches} matches"),
    );
    let (fold_time, _) = best_of(args.repeat, || {
        Ok(articles
            .iter()
            .map(|a| tagger::fold(&a.text).text.len())
            .sum::<usize>())
    })?;
    table.row(
        "    fold text alone (part of tag)",
        fold_time,
        String::new(),
    );
    let (split_time, n_sentences) = best_of(args.repeat, || {
        Ok(articles
            .iter()
            .map(|a| text::sentences(&a.text).len())
            .sum::<usize>())
    })?;
    table.row(
        "    sentences + tokens (part of tag)",
        split_time,
        format!("{n_sentences} sentences"),
    );

    // (a) Tagging, one thread.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .context("building a 1-thread pool")?;
    let (tag_time, n_mentions) = best_of(args.repeat, || {
        let res = one.install(|| pipeline.analyze_all(articles.clone(), Stages::Tag));
        Ok(res.iter().map(|a| a.mentions.len()).sum::<usize>())
    })?;
    let floor_ratio = floor_time.as_secs_f64() / tag_time.as_secs_f64();
    let tag_vs_spacy = throughput(n_bytes, tag_time) / SPACY_NER_MBS;
    table.row(
        "(a) tag, 1 thread",
        tag_time,
        format!("{n_mentions} mentions; {floor_ratio:.2}x floor (target 0.3); {tag_vs_spacy:.0}x spaCy NER"),
    );

    // (h) The `claimgraph tag` command end to end, as a user runs it (all threads).
    if args.limit.is_none() {
        let this_bin = PathBuf::from(env!("CARGO_BIN_EXE_claimgraph"));
        let (e2e_time, out_bytes) = best_of(args.repeat, || tag_command(args, &this_bin))?;
        table.row(
            "(h) `claimgraph tag`, end to end",
            e2e_time,
            format!(
                "{:.1} MB of JSON Lines; {:.2}x floor (target 0.3, goal 0.5)",
                mb(out_bytes),
                floor_time.as_secs_f64() / e2e_time.as_secs_f64()
            ),
        );
        if let Some(baseline) = &args.baseline_bin {
            let (time, out_bytes) = best_of(args.repeat, || tag_command(args, baseline))?;
            table.row(
                "    same, --baseline-bin",
                time,
                format!(
                    "{:.1} MB of JSON Lines; {:.2}x floor",
                    mb(out_bytes),
                    floor_time.as_secs_f64() / time.as_secs_f64()
                ),
            );
        }
    }

    if args.tag_only {
        println!("{}", table.render());
        return Ok(());
    }

    // (b) and (f) Claims, one thread and all threads; outputs must agree.
    let (claims_one_time, analyses_one) = best_of_keep(args.repeat, || {
        one.install(|| pipeline.analyze_all(articles.clone(), Stages::Claims))
    });
    let n_claims: usize = analyses_one.iter().map(|a| a.claims.len()).sum();
    table.row(
        "(b) claims, 1 thread",
        claims_one_time,
        format!(
            "{n_claims} claims; {:.0}x spaCy full pipeline",
            throughput(n_bytes, claims_one_time) / SPACY_FULL_MBS
        ),
    );
    let (claims_all_time, analyses_all) = best_of_keep(args.repeat, || {
        pipeline.analyze_all(articles.clone(), Stages::Claims)
    });
    let same = same_output(&analyses_one, &analyses_all);
    table.row(
        &format!("(f) claims, {n_threads} threads"),
        claims_all_time,
        format!(
            "speed-up {:.2}x; output {}",
            claims_one_time.as_secs_f64() / claims_all_time.as_secs_f64(),
            if same { "identical" } else { "DIFFERENT" }
        ),
    );
    drop(analyses_all);

    // (c) Ingest, save, load.
    let bundles: Vec<Bundle> = analyses_one.iter().map(Analysis::to_bundle).collect();
    let top_names = top_entities(&analyses_one, 6);
    drop(analyses_one);
    let tmp_dir = args.tmp.clone().unwrap_or_else(std::env::temp_dir);
    let store_path = tmp_dir.join(format!("claimgraph-bench-{}.store", std::process::id()));
    let gazetteer = pipeline.tagger.gazetteer();
    let started = Instant::now();
    let mut graph = KnowledgeGraph::new();
    for bundle in bundles.iter().cloned() {
        graph.ingest(bundle, Some(gazetteer));
    }
    table.row(
        "(c) ingest into the graph",
        started.elapsed(),
        format!("{} articles in the graph", graph.n_articles()),
    );
    let (stored, graph) = save_then_load(graph, &store_path, n_claims, false)?;
    println!("{}", table.render());
    println!(
        "store: save {}, load {}, {} bytes ({})",
        fmt_duration(stored.save),
        fmt_duration(stored.load),
        stored.bytes,
        stored.per_claim
    );
    println!("peak RSS after the corpus stages: {}", rss_summary());

    // (d) Queries.
    println!(
        "\n(d) queries on the graph of {} articles ({} entities asked about):",
        graph.n_articles(),
        top_names.len()
    );
    println!("{}", run_queries(&graph, &top_names)?);
    drop(graph);

    long_articles(&pipeline, &articles, &args.long_mb, args.repeat)?;

    // (g) Synthetic scale.
    for &n in &args.scale {
        scaled(args, &bundles, n, gazetteer, &store_path, &top_names)?;
    }
    Ok(())
}

/// Times tagging and claims of single articles of `sizes_mb` megabytes, each the corpus's
/// texts joined with blank lines (repeated if the corpus is smaller), on one thread.
fn long_articles(
    pipeline: &Pipeline,
    articles: &[Article],
    sizes_mb: &[usize],
    repeat: usize,
) -> Result<()> {
    let sizes: Vec<usize> = sizes_mb.iter().copied().filter(|&n| n > 0).collect();
    if sizes.is_empty() {
        return Ok(());
    }
    println!("\nlong articles (one article each, 1 thread):");
    println!(
        "{:>8} {:>10} {:>8} {:>10} {:>10} {:>8} {:>10}",
        "MB", "tag", "MB/s", "x per MB", "claims", "MB/s", "x per MB"
    );
    let mut first: Option<(f64, f64)> = None;
    for n_mb in sizes {
        let article = long_article(articles, n_mb * 1_000_000);
        let n_bytes = article.text.len();
        let (tag, _) = best_of_keep(repeat, || pipeline.analyze(article.clone(), Stages::Tag));
        let (claims, _) =
            best_of_keep(repeat, || pipeline.analyze(article.clone(), Stages::Claims));
        let per_mb = |d: Duration| d.as_secs_f64() / mb(n_bytes);
        let (tag_1, claims_1) = *first.get_or_insert((per_mb(tag), per_mb(claims)));
        println!(
            "{:>8.2} {:>10} {:>8.2} {:>10.2} {:>10} {:>8.2} {:>10.2}",
            mb(n_bytes),
            fmt_duration(tag),
            throughput(n_bytes, tag),
            per_mb(tag) / tag_1,
            fmt_duration(claims),
            throughput(n_bytes, claims),
            per_mb(claims) / claims_1
        );
    }
    Ok(())
}

/// One article of at least `n_bytes` bytes of text made of `articles`' texts.
fn long_article(articles: &[Article], n_bytes: usize) -> Article {
    let mut text = String::with_capacity(n_bytes + 64 * 1024);
    // Empty texts are left out, so the cycle ends at once when all are empty.
    for a in articles.iter().filter(|a| !a.text.is_empty()).cycle() {
        if text.len() >= n_bytes {
            break;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&a.text);
    }
    Article::from_text(format!("long-{n_bytes}"), text)
}

/// Reads the corpus into memory (the stages are timed without IO).
fn read_corpus(paths: &[PathBuf], limit: Option<usize>) -> Result<Vec<Article>> {
    let mut res = Vec::new();
    for input in ArticleReader::new(paths) {
        match input {
            ArticleInput::Article(article) => res.push(article),
            ArticleInput::Warning(w) => eprintln!("bench: warning: {w}"),
            ArticleInput::Error(err) => bail!("{err}"),
        }
        if limit.is_some_and(|l| res.len() >= l) {
            break;
        }
    }
    Ok(res)
}

/// The tagger's patterns: every name, alias, demonym and exact-case form, folded as the tagger
/// folds them.
fn floor_patterns(gazetteer: &Gazetteer) -> Vec<String> {
    let mut res = std::collections::BTreeSet::new();
    for entity in gazetteer.entities() {
        let forms = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .chain(&entity.demonyms)
            .chain(&entity.exact_case);
        for form in forms {
            let folded = tagger::fold_name(form);
            if folded.len() >= 2 && folded.chars().any(char::is_alphabetic) {
                res.insert(folded);
            }
        }
    }
    res.into_iter().collect()
}

/// Runs `claimgraph -q tag CORPUS...` with the binary `bin` (the one built with this bench, or
/// `--baseline-bin`), its output read from a pipe. Returns the bytes it wrote.
fn tag_command(args: &Args, bin: &Path) -> Result<usize> {
    let mut cmd = std::process::Command::new(bin);
    cmd.arg("-q");
    for dir in &args.gazetteer {
        cmd.arg("--gazetteer").arg(dir);
    }
    cmd.arg("tag").args(&args.corpus);
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("starting claimgraph tag")?;
    let mut stdout = child.stdout.take().context("no pipe from claimgraph tag")?;
    let n = std::io::copy(&mut stdout, &mut std::io::sink()).context("reading claimgraph tag")?;
    let status = child.wait().context("waiting for claimgraph tag")?;
    if !status.success() {
        bail!("claimgraph tag failed: {status}");
    }
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

fn floor_scan(floor: &AhoCorasick, articles: &[Article]) -> Result<usize> {
    let mut n = 0;
    for article in articles {
        n += floor.try_find_iter(Input::new(&article.text))?.count();
    }
    Ok(n)
}

/// Runs `f` `k` times (at least once) and returns the shortest time and the last result.
fn best_of<T>(k: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Duration, T)> {
    let mut best = Duration::MAX;
    let mut res = None;
    for _ in 0..k.max(1) {
        let started = Instant::now();
        let out = f()?;
        best = best.min(started.elapsed());
        res = Some(out);
    }
    match res {
        Some(out) => Ok((best, out)),
        None => bail!("no run"),
    }
}

/// Like [`best_of`] for infallible stages whose output is kept; the clone of the input
/// articles is inside the timing, which costs well under 1% of these stages.
fn best_of_keep<T>(k: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let started = Instant::now();
    let mut res = f();
    let mut best = started.elapsed();
    for _ in 1..k.max(1) {
        let started = Instant::now();
        res = f();
        best = best.min(started.elapsed());
    }
    (best, res)
}

fn same_output(a: &[Analysis], b: &[Analysis]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.article.id == y.article.id
                && x.sentences == y.sentences
                && x.mentions == y.mentions
                && x.claims == y.claims
        })
}

/// Names of the most mentioned entities, most mentioned first (ties by id).
fn top_entities(analyses: &[Analysis], n: usize) -> Vec<String> {
    let mut counts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for analysis in analyses {
        for m in &analysis.mentions {
            counts
                .entry(m.entity.as_str())
                .or_insert((0, m.name.as_str()))
                .0 += 1;
        }
    }
    let mut ranked: Vec<(&str, usize, &str)> = counts
        .into_iter()
        .map(|(id, (c, name))| (id, c, name))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(n)
        .map(|(_, _, name)| name.to_string())
        .collect()
}

struct Stored {
    save: Duration,
    load: Duration,
    bytes: u64,
    per_claim: String,
}

/// Saves `graph`, drops it, and loads it back (so memory holds one graph at a time, which
/// matters at a million articles); the loaded graph is what later queries run on, as they do
/// in `claimgraph query`. The store file is removed afterwards.
fn save_then_load(
    graph: KnowledgeGraph,
    path: &Path,
    n_claims: usize,
    keep: bool,
) -> Result<(Stored, KnowledgeGraph)> {
    let started = Instant::now();
    store::save(&graph, path).with_context(|| format!("writing store {}", path.display()))?;
    let save = started.elapsed();
    let n_articles = graph.n_articles();
    drop(graph);
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let started = Instant::now();
    let loaded = store::load(path).with_context(|| format!("loading store {}", path.display()));
    let load = started.elapsed();
    if !keep {
        let _ = std::fs::remove_file(path);
    }
    let loaded = loaded?;
    if loaded.n_articles() != n_articles {
        eprintln!(
            "bench: warning: the store gave back {} articles of {}",
            loaded.n_articles(),
            n_articles
        );
    }
    let per_claim = if n_claims == 0 {
        "no claims".to_string()
    } else {
        format!("{:.0} bytes per claim", bytes as f64 / n_claims as f64)
    };
    Ok((
        Stored {
            save,
            load,
            bytes,
            per_claim,
        },
        loaded,
    ))
}

/// Runs each kind of query about `names` and returns a table of latencies.
fn run_queries(graph: &KnowledgeGraph, names: &[String]) -> Result<String> {
    let mut kinds: Vec<(&str, Vec<Query>)> = vec![
        (
            "entity",
            names
                .iter()
                .map(|n| Query::Entity { name: n.clone() })
                .collect(),
        ),
        (
            "neighbors depth 1",
            names
                .iter()
                .map(|n| Query::Neighbors {
                    name: n.clone(),
                    depth: 1,
                    kind: None,
                    max_nodes: None,
                })
                .collect(),
        ),
        (
            "neighbors depth 2",
            names
                .iter()
                .map(|n| Query::Neighbors {
                    name: n.clone(),
                    depth: 2,
                    kind: None,
                    max_nodes: None,
                })
                .collect(),
        ),
        (
            "path",
            names
                .windows(2)
                .map(|w| Query::Path {
                    from: w[0].clone(),
                    to: w[1].clone(),
                })
                .collect(),
        ),
        (
            "claims --subject",
            names
                .iter()
                .map(|n| Query::Claims {
                    subject: Some(n.clone()),
                    predicate: None,
                    object: None,
                    source: None,
                    since: None,
                    until: None,
                    min_sources: None,
                    min_reliability: None,
                    as_of: None,
                })
                .collect(),
        ),
        (
            "timeline",
            names
                .iter()
                .map(|n| Query::Timeline {
                    name: n.clone(),
                    since: None,
                    until: None,
                })
                .collect(),
        ),
        (
            "conflicts",
            vec![Query::Conflicts(claimgraph::query::ConflictQuery::default())],
        ),
        ("stats", vec![Query::Stats]),
        // Issue 16: corroboration and "what was known when" (the corpus runs 2006-2018).
        (
            "claims --subject --as-of",
            names
                .iter()
                .map(|n| Query::Claims {
                    subject: Some(n.clone()),
                    predicate: None,
                    object: None,
                    source: None,
                    since: None,
                    until: None,
                    min_sources: None,
                    min_reliability: None,
                    as_of: Some("2012".into()),
                })
                .collect(),
        ),
        (
            "claims --min-sources 2",
            vec![Query::Claims {
                subject: None,
                predicate: None,
                object: None,
                source: None,
                since: None,
                until: None,
                min_sources: Some(2),
                min_reliability: None,
                as_of: None,
            }],
        ),
        (
            "conflicts --as-of",
            vec![Query::Conflicts(claimgraph::query::ConflictQuery {
                as_of: Some("2012".into()),
                ..Default::default()
            })],
        ),
        (
            "changes --since",
            vec![Query::Changes {
                since: "2017-06".into(),
                until: None,
            }],
        ),
        (
            "timeline --since",
            names
                .iter()
                .map(|n| Query::Timeline {
                    name: n.clone(),
                    since: Some("2012".into()),
                    until: None,
                })
                .collect(),
        ),
    ];
    let mut res = String::new();
    let _ = writeln!(
        res,
        "  {:<20} {:>6} {:>12} {:>12} {:>9} {:>7}",
        "query", "calls", "mean", "max", "results", "errors"
    );
    for (label, queries) in kinds.iter_mut() {
        let mut total = Duration::ZERO;
        let mut max = Duration::ZERO;
        let mut n_results = 0;
        let mut n_errors = 0;
        for q in queries.iter() {
            let started = Instant::now();
            let out = query::run(graph, q, OutputFormat::Table);
            let took = started.elapsed();
            total += took;
            max = max.max(took);
            match out {
                Ok(out) => n_results += out.n_results,
                Err(_) => n_errors += 1,
            }
        }
        let calls = queries.len().max(1);
        let _ = writeln!(
            res,
            "  {:<20} {:>6} {:>12} {:>12} {:>9} {:>7}",
            label,
            queries.len(),
            fmt_duration(total / calls as u32),
            fmt_duration(max),
            n_results,
            n_errors
        );
    }
    Ok(res)
}

/// (g) Ingests `n` synthetic bundles, saves and loads the store, and runs the queries.
fn scaled(
    args: &Args,
    templates: &[Bundle],
    n: usize,
    gazetteer: &Gazetteer,
    store_path: &Path,
    names: &[String],
) -> Result<()> {
    println!(
        "\n(g) synthetic corpus of {n} articles (seed {}):",
        args.seed
    );
    let n_variants = ((n as f64 / templates.len() as f64).sqrt().ceil() as u64).max(1);
    let max_rss_kb = (args.max_rss_gb * 1024.0 * 1024.0) as u64;
    let budget = Duration::from_secs(args.max_secs);
    let mut graph = KnowledgeGraph::new();
    let mut n_claims = 0usize;
    let mut n_bytes = 0usize;
    let mut generate = Duration::ZERO;
    let mut ingest = Duration::ZERO;
    let mut n_done = 0;
    let mut stopped = None;
    for i in 0..n {
        let started = Instant::now();
        let bundle = synthetic_bundle(templates, i, args.seed, n_variants);
        generate += started.elapsed();
        n_claims += bundle.claims.len();
        n_bytes += bundle.article.bytes;
        let started = Instant::now();
        graph.ingest(bundle, Some(gazetteer));
        ingest += started.elapsed();
        n_done = i + 1;
        if i % 10_000 == 9_999 {
            let rss = proc_status_kb("/proc/self/status", "VmRSS").unwrap_or(0);
            let available = proc_status_kb("/proc/meminfo", "MemAvailable").unwrap_or(u64::MAX);
            if rss > max_rss_kb {
                stopped = Some(format!("resident memory passed {} GB", args.max_rss_gb));
            } else if available < MIN_AVAILABLE_KB {
                stopped = Some("the machine has less than 3 GB of memory left".to_string());
            } else if generate + ingest > budget {
                stopped = Some(format!("time passed {} s", args.max_secs));
            }
            if stopped.is_some() {
                break;
            }
        }
    }
    if let Some(why) = &stopped {
        println!("  STOPPED after {n_done} of {n} articles: {why}");
    }
    let rate = n_done as f64 / ingest.as_secs_f64().max(1e-9);
    println!(
        "  generate {:>10}   ingest {:>10}  ({:.0} articles/s, {:.1} MB/s of source text, {} claims, {} entity variants)",
        fmt_duration(generate),
        fmt_duration(ingest),
        rate,
        throughput(n_bytes, ingest),
        n_claims,
        n_variants
    );
    println!("  RSS with the graph: {}", rss_summary());
    let kept = args
        .keep_stores
        .as_ref()
        .map(|dir| dir.join(format!("synthetic-{n}.store")));
    let (stored, graph) = save_then_load(
        graph,
        kept.as_deref().unwrap_or(store_path),
        n_claims,
        kept.is_some(),
    )?;
    if let Some(kept) = &kept {
        println!("  kept the store at {}", kept.display());
    }
    println!(
        "  store save {:>10}   load {:>10}   {} bytes ({})",
        fmt_duration(stored.save),
        fmt_duration(stored.load),
        stored.bytes,
        stored.per_claim
    );
    println!("  queries:\n{}", run_queries(&graph, names)?);
    Ok(())
}

/// Synthetic article `i`: a seeded choice of template, claims shuffled, and each entity renamed
/// into one of `n_variants` variants (chosen per article and entity, so an article stays
/// consistent and different articles share entities as real ones do). Variant 0 keeps the
/// original, so the query names still resolve.
fn synthetic_bundle(templates: &[Bundle], i: usize, seed: u64, n_variants: u64) -> Bundle {
    let mut rng = SplitMix64(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let template = &templates[rng.below(templates.len() as u64) as usize];
    let mut res = template.clone();
    let id = format!("synth-{i}");
    let article_seed = rng.next();
    let rename = |entity: &mut String, name: &mut String| {
        let v = SplitMix64(article_seed ^ claimgraph::hash::fnv1a64(entity.as_bytes()))
            .below(n_variants);
        if v > 0 {
            entity.push_str(&format!("~{v}"));
            name.push_str(&format!(" {v}"));
        }
    };
    res.article.id = id.clone();
    res.article.hash = hex_id(fnv1a64_parts(&[&id, &template.article.hash]));
    for m in &mut res.mentions {
        m.article = id.clone();
        rename(&mut m.entity, &mut m.name);
    }
    for c in &mut res.claims {
        c.article = id.clone();
        for arg in [&mut c.subject, &mut c.object] {
            if let (Some(entity), Some(name)) = (arg.entity.as_mut(), arg.name.as_mut()) {
                rename(entity, name);
            }
        }
        if let Some(attribution) = c.attribution.as_mut() {
            if let (Some(entity), Some(name)) =
                (attribution.entity.as_mut(), attribution.name.as_mut())
            {
                rename(entity, name);
            }
        }
        c.id = c.compute_id();
    }
    // Fisher-Yates over the claims.
    for k in (1..res.claims.len()).rev() {
        let j = rng.below(k as u64 + 1) as usize;
        res.claims.swap(k, j);
    }
    res
}

/// SplitMix64: a tiny seeded generator, so the synthetic corpus is the same on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        self.next() % n
    }
}

/// The result table of the corpus stages.
struct Table {
    n_articles: usize,
    n_bytes: usize,
    rows: Vec<(String, Duration, String)>,
}

impl Table {
    fn new(n_articles: usize, n_bytes: usize) -> Table {
        Table {
            n_articles,
            n_bytes,
            rows: Vec::new(),
        }
    }

    fn row(&mut self, label: &str, took: Duration, note: String) {
        self.rows.push((label.to_string(), took, note));
    }

    fn render(&self) -> String {
        let mut res = String::new();
        let _ = writeln!(
            res,
            "\n{:<32} {:>10} {:>10} {:>12}  note",
            "stage", "time", "MB/s", "articles/s"
        );
        for (label, took, note) in &self.rows {
            let secs = took.as_secs_f64().max(1e-9);
            let _ = writeln!(
                res,
                "{:<32} {:>10} {:>10.2} {:>12.0}  {}",
                label,
                fmt_duration(*took),
                throughput(self.n_bytes, *took),
                self.n_articles as f64 / secs,
                note
            );
        }
        res
    }
}

fn throughput(n_bytes: usize, took: Duration) -> f64 {
    mb(n_bytes) / took.as_secs_f64().max(1e-9)
}

fn mb(n_bytes: usize) -> f64 {
    n_bytes as f64 / 1e6
}

fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs >= 1.0 {
        format!("{secs:.2} s")
    } else if secs >= 1e-3 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{:.1} µs", secs * 1e6)
    }
}

/// A `Field: N kB` line of a /proc file, in kB (Linux only; `None` elsewhere).
fn proc_status_kb(file: &str, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(file).ok()?;
    let line = status
        .lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))?;
    line[field.len() + 1..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

fn rss_summary() -> String {
    match (
        proc_status_kb("/proc/self/status", "VmHWM"),
        proc_status_kb("/proc/self/status", "VmRSS"),
    ) {
        (Some(peak), Some(now)) => format!(
            "peak {:.0} MB, now {:.0} MB",
            peak as f64 / 1024.0,
            now as f64 / 1024.0
        ),
        _ => "n/a (no /proc/self/status)".to_string(),
    }
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string())
}
