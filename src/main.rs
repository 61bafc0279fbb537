//! The `claimgraph` command line: parses arguments, calls the library, prints, and picks the
//! exit code (0 success, 1 a query found nothing, 2 an error or bad usage; a closed pipe is a
//! success, as in grep and ripgrep, because the reader simply stopped listening).

#![forbid(unsafe_code)]

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use claimgraph::alias::{self, Decisions, Outcome, Verdict};
use claimgraph::article::{ArticleReader, Input};
use claimgraph::export::{self, ExportOptions, Format};
use claimgraph::gazetteer::{EntityKind, Gazetteer};
use claimgraph::graph::{IngestOutcome, KnowledgeGraph, ResolveError};
use claimgraph::pipeline::{Analysis, MentionRecord, MentionRecordRef, Pipeline, Stages};
use claimgraph::query::{self, OutputFormat, Query};
use claimgraph::store;
use claimgraph::tagger::Tagger;
use claimgraph::{eval, Article};

#[derive(Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Tag people, places and organisations in news, extract their claims, and query them as a graph",
    after_help = "Exit status: 0 success, 1 a query found nothing, 2 an error.\nMain job: claimgraph run seeds/   (writes output/graph.dot, graph.json, mentions.jsonl, claims.jsonl)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: GlobalArgs,
}

#[derive(Args, Clone)]
struct GlobalArgs {
    /// Add or override gazetteer entries from the RON files in DIR (repeatable).
    #[arg(long = "gazetteer", value_name = "DIR", global = true)]
    gazetteer: Vec<PathBuf>,
    /// Worker threads for article processing (default: all cores).
    #[arg(long, value_name = "N", global = true)]
    threads: Option<usize>,
    /// Print no warnings or progress on stderr.
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
    /// Which clause reader extracts claims: the part-of-speech grammar checked against the
    /// dependency-tree reader (default; the check informs confidence), the grammar alone
    /// (about five times faster), or the tree reader (more precise, about half the claims).
    #[arg(
        long,
        value_enum,
        default_value = "checked",
        value_name = "READER",
        global = true
    )]
    extractor: ExtractorArg,
    /// Grade sources with this RON list of (name, aliases, reliability "A"-"F") for the
    /// reliability and credibility of claims (README, "Corroboration, reliability and what
    /// was known when").
    #[arg(long, value_name = "FILE", global = true)]
    sources: Option<PathBuf>,
    /// Whether the learned mention classifier may retype or drop names that only their shape
    /// typed as people (models/mentions-wikinews.bin; default: on).
    #[arg(long, value_enum, value_name = "SWITCH", global = true)]
    mention_model: Option<Switch>,
    /// The margin (in the model's units) at which the mention classifier overrules a name's
    /// shape (default: the tuned one, see models/README.md).
    #[arg(long, value_name = "N", global = true)]
    mention_margin: Option<i32>,
}

/// `on` / `off`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Switch {
    On,
    Off,
}

/// `--extractor` values.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ExtractorArg {
    Checked,
    Grammar,
    Tree,
}

impl From<ExtractorArg> for claimgraph::claim::Extractor {
    fn from(a: ExtractorArg) -> Self {
        match a {
            ExtractorArg::Checked => claimgraph::claim::Extractor::Checked,
            ExtractorArg::Grammar => claimgraph::claim::Extractor::Grammar,
            ExtractorArg::Tree => claimgraph::claim::Extractor::Tree,
        }
    }
}

/// How a command that writes a store treats another writer of it.
#[derive(Args, Clone, Copy)]
struct LockArgs {
    /// Fail (exit 2) instead of waiting when another claimgraph is writing the store. Writers
    /// lock the store (FILE.lock beside it) from loading to saving; readers never wait.
    #[arg(long)]
    no_wait: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest articles into the store and write DIR/graph.dot, graph.json, mentions.jsonl and
    /// claims.jsonl.
    Run {
        /// Article files, directories (walked recursively, following symbolic links, each file
        /// read once), JSON Lines files, or - for stdin.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output directory.
        #[arg(long, default_value = "output", value_name = "DIR")]
        out: PathBuf,
        /// Store file (default: DIR/claimgraph.store).
        #[arg(long, value_name = "FILE")]
        store: Option<PathBuf>,
        /// Claims under this confidence stay out of the graph (still in claims.jsonl).
        #[arg(long, value_name = "X", default_value_t = claimgraph::claim::GRAPH_MIN_CONFIDENCE,
              value_parser = parse_confidence)]
        min_confidence: f64,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// Print the entity mentions of articles as JSON Lines.
    Tag {
        /// Article files, directories (walked recursively, following symbolic links, each file
        /// read once), JSON Lines files, or - for stdin.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print one readable line per mention with its rule and confidence instead of JSON.
        #[arg(long)]
        explain: bool,
    },
    /// Print the claims of articles as JSON Lines.
    Claims {
        /// Article files, directories (walked recursively, following symbolic links, each file
        /// read once), JSON Lines files, or - for stdin.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also print one {"kind":"article",...} record (metadata and mentions) before each
        /// article's claims, for `ingest --claims` after a distributed run.
        #[arg(long)]
        with_articles: bool,
        /// Add to each claim the features its confidence is computed from
        /// (`confidence_features`, `signals`), for refitting with scripts/audit/calibrate.py.
        #[arg(long)]
        explain_confidence: bool,
        /// Print only claims with at least this confidence (0 to 1; README, "Confidence").
        #[arg(long, value_name = "X", value_parser = parse_confidence)]
        min_confidence: Option<f64>,
        /// Print only the claims that would enter the graph (those without `"graph": false`).
        #[arg(long)]
        graph_only: bool,
    },
    /// Add articles (or claim files from `claims --with-articles`) to the store.
    Ingest {
        /// Article files, directories (walked recursively, following symbolic links, each file
        /// read once), JSON Lines files, or - for stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// JSON Lines claim files written by `claimgraph claims --with-articles`.
        #[arg(long = "claims", value_name = "FILE")]
        claims: Vec<PathBuf>,
        #[arg(long, default_value = store::DEFAULT_STORE, value_name = "FILE")]
        store: PathBuf,
        /// For --claims: keep entity names as the claim files give them instead of taking
        /// names, aliases and cross-references from the gazetteer.
        #[arg(long)]
        no_gazetteer: bool,
        /// Claims under this confidence stay out of the graph.
        #[arg(long, value_name = "X", default_value_t = claimgraph::claim::GRAPH_MIN_CONFIDENCE,
              value_parser = parse_confidence)]
        min_confidence: f64,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// Export the stored graph.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file, or - for stdout (for neo4j: a directory).
        #[arg(short = 'o', long = "output", value_name = "FILE", default_value = "-")]
        output: PathBuf,
        #[arg(long, default_value = store::DEFAULT_STORE, value_name = "FILE")]
        store: PathBuf,
        /// Keep only the neighbourhood of this entity.
        #[arg(long, value_name = "NAME")]
        around: Option<String>,
        /// Depth of the neighbourhood for --around.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Keep only relations supported by at least K mentions.
        #[arg(long, value_name = "K", default_value_t = 1)]
        min_support: usize,
        /// Keep only entities of this type (repeatable).
        #[arg(long = "type", value_name = "TYPE", value_parser = parse_kind)]
        kinds: Vec<EntityKind>,
        /// With --around: most nodes besides NAME, ranked entities first, then by articles
        /// and confidence [default: 60].
        #[arg(long, value_name = "N")]
        max_nodes: Option<usize>,
    },
    /// Ask the stored graph.
    Query {
        #[command(subcommand)]
        query: QueryCommand,
        #[arg(long, default_value = store::DEFAULT_STORE, value_name = "FILE", global = true)]
        store: PathBuf,
        #[arg(long, value_enum, default_value = "table", global = true)]
        format: QueryFormat,
    },
    /// Record an analyst's decision that two names are one entity or two, kept in
    /// STORE.aliases.ron beside the store and applied on every load, query, export and ingest.
    Alias {
        #[command(subcommand)]
        action: AliasCommand,
        #[arg(long, default_value = store::DEFAULT_STORE, value_name = "FILE", global = true)]
        store: PathBuf,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// Train the part-of-speech model on a Universal Dependencies treebank (EWT).
    TrainPos {
        /// Directory holding en_ewt-ud-train.conllu, en_ewt-ud-dev.conllu (and -test).
        #[arg(long, value_name = "DIR")]
        treebank: PathBuf,
        /// Where to write the model (the shipped one is models/pos-ewt.bin).
        #[arg(long, value_name = "FILE", default_value = "models/pos-ewt.bin")]
        out: PathBuf,
        /// Training passes over the data.
        #[arg(long, default_value_t = 10)]
        iterations: usize,
    },
    /// Train the dependency parser on a Universal Dependencies treebank (EWT).
    TrainParser {
        /// Directory holding en_ewt-ud-train.conllu (dev and test are scored if present).
        #[arg(long, value_name = "DIR")]
        treebank: PathBuf,
        /// Where to write the model (the shipped one is models/parser-ewt.bin).
        #[arg(long, value_name = "FILE", default_value = "models/parser-ewt.bin")]
        out: PathBuf,
        /// Training passes over the data.
        #[arg(long, default_value_t = claimgraph::parse::ParserTrainConfig::default().iterations)]
        iterations: usize,
        /// Beam width (1: a greedy parser trained with the dynamic oracle).
        #[arg(long, default_value_t = claimgraph::parse::ParserTrainConfig::default().beam)]
        beam: usize,
        /// Also score the model on dev after every pass, and write it to DIR/parser-pass-K.bin
        /// (each the same as training with K passes).
        #[arg(long, value_name = "DIR")]
        snapshots: Option<PathBuf>,
    },
    /// Train the mention classifier on JSON Lines articles labelled by the rule tagger.
    TrainMentions {
        /// JSON Lines articles (the shipped model: Wikinews, news-open/articles.jsonl).
        #[arg(long, value_name = "FILE")]
        articles: PathBuf,
        /// Where to write the model (the shipped one is models/mentions-wikinews.bin).
        #[arg(
            long,
            value_name = "FILE",
            default_value = "models/mentions-wikinews.bin"
        )]
        out: PathBuf,
        /// Training passes over the examples.
        #[arg(long, default_value_t = claimgraph::tagger::mention_model::MentionTrainConfig::default().iterations)]
        iterations: usize,
        /// Write a seeded sample of the labelled training names here (TSV), to check by hand.
        #[arg(long, value_name = "FILE")]
        sample: Option<PathBuf>,
    },
    /// Print tagger or claim output in the formats of standard benchmarks.
    Eval {
        #[command(subcommand)]
        which: EvalCommand,
    },
}

#[derive(Subcommand)]
enum AliasCommand {
    /// KEEP and OTHER are one entity: OTHER is merged into KEEP (which keeps its id).
    Same { keep: String, other: String },
    /// A and B are different: never merged; when the tool linked the spelling A to the
    /// entity B, that link is split off at the next ingest of the articles.
    Different { a: String, b: String },
    /// The decisions, numbered.
    List,
    /// Take back decision N.
    Undo { n: u32 },
}

#[derive(Subcommand)]
enum QueryCommand {
    /// An entity by any of its names: type, ids, counts, strongest relations.
    Entity { name: String },
    /// Claims, filtered.
    Claims {
        #[arg(long)]
        subject: Option<String>,
        #[arg(long)]
        predicate: Option<String>,
        #[arg(long)]
        object: Option<String>,
        /// Attribution or article source.
        #[arg(long)]
        source: Option<String>,
        /// Article date on or after (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Article date on or before (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
        /// At least this many independent sources (copies of one report count once).
        #[arg(long, value_name = "K")]
        min_sources: Option<usize>,
        /// At least one source graded this or better (A-F; needs --sources FILE).
        #[arg(long, value_name = "GRADE")]
        min_reliability: Option<String>,
        /// Answer from the articles dated up to this date only (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Entities connected to NAME.
    Neighbors {
        name: String,
        #[arg(long, default_value_t = 1)]
        depth: usize,
        #[arg(long = "type", value_parser = parse_kind)]
        kind: Option<EntityKind>,
        /// Most neighbours shown, ranked entities first, then by articles and confidence
        /// [default: 60].
        #[arg(long, value_name = "N")]
        max_nodes: Option<usize>,
    },
    /// Shortest connections between two entities, with the claims on each step.
    Path { from: String, to: String },
    /// Claims that disagree, both sides with their sources, strongest first.
    Conflicts {
        /// Only conflicts about this entity.
        #[arg(long, value_name = "NAME")]
        subject: Option<String>,
        /// quantity, negation, one-valued or held-out.
        #[arg(long)]
        kind: Option<String>,
        /// Article date on or after (YYYY-MM-DD), on each side.
        #[arg(long)]
        since: Option<String>,
        /// Article date on or before (YYYY-MM-DD), on each side.
        #[arg(long)]
        until: Option<String>,
        /// Publisher or attribution on either side.
        #[arg(long)]
        source: Option<String>,
        /// The conflicts as known on this date: only articles dated up to it take part.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// `claims` output whose claims kept out of the graph may challenge its relations
        /// (kind `held-out`: a named voice's low-scoring claim of another birthplace, death
        /// or founding date).
        #[arg(long, value_name = "FILE")]
        held_out: Vec<PathBuf>,
    },
    /// Claims about NAME by article date.
    Timeline {
        name: String,
        /// Article date on or after (YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Article date on or before (YYYY-MM-DD).
        #[arg(long)]
        until: Option<String>,
    },
    /// Claims first reported from DATE on, with the earlier claims they confirm or contradict.
    Changes {
        /// First day of the window (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: String,
        /// Last day of the window; later articles take no part.
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
    },
    /// Counts.
    Stats,
    /// Claims whose evidence sentence holds every word of TEXT (case and accents aside).
    Search {
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
    /// What NAME said in direct speech (text, article, date, source); with --about Y, the
    /// quotes that mention Y.
    Quotes {
        #[arg(required_unless_present = "about")]
        name: Option<String>,
        /// Only quotes whose claim or sentence names this entity.
        #[arg(long, value_name = "NAME")]
        about: Option<String>,
    },
    /// Links and merges the tool was unsure of, most mentioned first, for `claimgraph alias`.
    Review,
    /// Many queries against one load of the store: one per line of FILE (or stdin), written
    /// as after `claimgraph query` (`entity Ukraine`, `path Kyiv "Donald Trump"`); answers in
    /// order, each table headed by its line; a bad line is reported and skipped.
    Batch {
        /// Queries, one per line; `#` starts a comment line [default: stdin].
        file: Option<PathBuf>,
    },
}

/// One line of `query batch`.
#[derive(Parser)]
#[command(name = "query", no_binary_name = true)]
struct BatchLine {
    #[command(subcommand)]
    query: QueryCommand,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// CoNLL-2003 file in, `token gold predicted` lines out (for conlleval).
    Conll { file: PathBuf },
    /// One tokenised sentence per line in, CaRB tabbed extractions out.
    Carb { file: PathBuf },
    /// CoNLL-U in, the same file with predicted UPOS, XPOS, LEMMA, HEAD and DEPREL out.
    Ud {
        file: PathBuf,
        /// A parser model file to use instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        parser: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Dot,
    Json,
    Jsonl,
    Graphml,
    Cypher,
    Neo4j,
    /// One self-contained HTML file: the offline viewer.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum QueryFormat {
    Table,
    Json,
    Jsonl,
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(s)
        .ok_or_else(|| format!("unknown type {s:?}; use person, place or organisation"))
}

/// Outcome of a command that ran without a hard error.
enum Status {
    Ok,
    NothingFound,
    /// Some inputs failed but the rest was processed.
    PartialFailure,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::NothingFound) => ExitCode::from(1),
        Ok(Status::PartialFailure) => ExitCode::from(2),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimgraph: {err:#}");
            // An unknown or ambiguous name is "nothing found" (its candidates are printed).
            if is_name_error(&err) {
                return ExitCode::from(1);
            }
            ExitCode::from(2)
        }
    }
}

/// Whether the error is a name that resolves to no entity or to several.
fn is_name_error(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<ResolveError>().is_some()
            || matches!(
                e.downcast_ref::<query::QueryError>(),
                Some(query::QueryError::Entity(_))
            )
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<Status> {
    if let Some(n) = cli.global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting up worker threads")?;
    }
    let g = cli.global;
    match cli.command {
        Command::Run {
            paths,
            out,
            store,
            min_confidence,
            lock,
        } => {
            let store = store.unwrap_or_else(|| out.join("claimgraph.store"));
            cmd_run(&g, &paths, &out, &store, min_confidence, lock)
        }
        Command::Tag { paths, explain } => {
            no_huge_pages();
            cmd_stream(&g, &paths, Stream::Tag { explain })
        }
        Command::Claims {
            paths,
            with_articles,
            explain_confidence,
            min_confidence,
            graph_only,
        } => cmd_stream(
            &g,
            &paths,
            Stream::Claims {
                with_articles,
                explain_confidence,
                min_confidence,
                graph_only,
            },
        ),
        Command::Ingest {
            paths,
            claims,
            store,
            no_gazetteer,
            min_confidence,
            lock,
        } => cmd_ingest(
            &g,
            &paths,
            &claims,
            &store,
            no_gazetteer,
            min_confidence,
            lock,
        ),
        Command::Export {
            format,
            output,
            store,
            around,
            depth,
            min_support,
            kinds,
            max_nodes,
        } => {
            let sources = read_sources(&g)?;
            let graph = load_view(&store)?;
            if let Some(sources) = sources {
                graph.set_sources(sources);
            }
            let format = match format {
                ExportFormat::Dot => Format::Dot,
                ExportFormat::Json => Format::Json,
                ExportFormat::Jsonl => Format::Jsonl,
                ExportFormat::Graphml => Format::Graphml,
                ExportFormat::Cypher => Format::Cypher,
                ExportFormat::Neo4j => Format::Neo4j,
                ExportFormat::Html => Format::Html,
            };
            let options = ExportOptions {
                around,
                depth,
                min_support,
                kinds,
                max_nodes,
            };
            let export = export::Export::new(graph, &options)?;
            write_export(&export, &output, format)?;
            let (nodes_left, relations_left) = export::around_left_out(graph, &options)?;
            if !g.quiet && nodes_left + relations_left > 0 {
                eprintln!(
                    "claimgraph: note: --around left out {nodes_left} lower-ranked nodes (with their \
                     relations) and {relations_left} weaker relations among the nodes shown; \
                     --max-nodes N shows more"
                );
            }
            Ok(Status::Ok)
        }
        Command::Query {
            query,
            store,
            format,
        } => {
            let sources = read_sources(&g)?;
            let decided = read_decisions(&store)?.different_pairs();
            let graph = load_view(&store)?;
            if let Some(sources) = sources {
                graph.set_sources(sources);
            }
            let format = match format {
                QueryFormat::Table => OutputFormat::Table,
                QueryFormat::Json => OutputFormat::Json,
                QueryFormat::Jsonl => OutputFormat::Jsonl,
            };
            if let QueryCommand::Batch { file } = query {
                return run_batch(graph, &decided, file.as_deref(), format);
            }
            let Some(q) = to_query(query, &decided)? else {
                bail!("`batch` cannot be used inside a batch");
            };
            let res = query::run(graph, &q, format)?;
            let mut out = io::stdout().lock();
            out.write_all(res.text.as_bytes())?;
            out.flush()?;
            Ok(if res.n_results == 0 {
                Status::NothingFound
            } else {
                Status::Ok
            })
        }
        Command::Alias {
            action,
            store,
            lock,
        } => cmd_alias(&g, action, &store, lock),
        Command::TrainPos {
            treebank,
            out,
            iterations,
        } => cmd_train_pos(&treebank, &out, iterations),
        Command::TrainParser {
            treebank,
            out,
            iterations,
            beam,
            snapshots,
        } => cmd_train_parser(&treebank, &out, (iterations, beam), snapshots.as_deref()),
        Command::TrainMentions {
            articles,
            out,
            iterations,
            sample,
        } => cmd_train_mentions(&g, &articles, &out, iterations, sample.as_deref()),
        Command::Eval { which } => match which {
            EvalCommand::Conll { file } => {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("reading {}", file.display()))?;
                let tagger = build_tagger(&g)?;
                let res = eval::conll(&tagger, &text)
                    .with_context(|| format!("reading {}", file.display()))?;
                write_stdout(res.as_bytes())?;
                Ok(Status::Ok)
            }
            EvalCommand::Ud { file, parser } => {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("reading {}", file.display()))?;
                let loaded = match parser {
                    Some(path) => {
                        let bytes = std::fs::read(&path)
                            .with_context(|| format!("reading {}", path.display()))?;
                        claimgraph::parse::Parser::from_bytes(&bytes)
                            .with_context(|| format!("reading {}", path.display()))?
                    }
                    None => claimgraph::parse::Parser::builtin().clone(),
                };
                let res = eval::ud(&loaded, claimgraph::pos::PosModel::builtin(), &text)
                    .with_context(|| format!("reading {}", file.display()))?;
                write_stdout(res.as_bytes())?;
                Ok(Status::Ok)
            }
            EvalCommand::Carb { file } => {
                let text = std::fs::read_to_string(&file)
                    .with_context(|| format!("reading {}", file.display()))?;
                let res = eval::carb(&text, g.extractor.into());
                write_stdout(res.as_bytes())?;
                Ok(Status::Ok)
            }
        },
    }
}

fn read_treebank(dir: &Path, split: &str) -> Result<Vec<claimgraph::pos::GoldSentence>> {
    let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let sents = claimgraph::pos::read_conllu(&text)
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(sents)
}

fn cmd_train_pos(treebank: &Path, out: &Path, iterations: usize) -> Result<Status> {
    let train = read_treebank(treebank, "train")?;
    let config = claimgraph::pos::TrainConfig {
        iterations,
        ..claimgraph::pos::TrainConfig::default()
    };
    let started = Instant::now();
    let model = claimgraph::pos::train_with_lemmas(&train, &config);
    let secs = started.elapsed().as_secs_f64();
    for split in ["dev", "test"] {
        if let Ok(sents) = read_treebank(treebank, split) {
            let acc = claimgraph::pos::evaluate(&model, &sents);
            eprintln!(
                "claimgraph: {split}: {} words, XPOS {:.2}%, lemma {:.2}%",
                acc.tokens,
                100.0 * acc.xpos(),
                100.0 * acc.lemma()
            );
        }
    }
    store::write_atomic(out, |w| w.write_all(&model.to_bytes()))?;
    eprintln!(
        "claimgraph: trained on {} sentences in {secs:.1}s; wrote {}",
        train.len(),
        out.display()
    );
    Ok(Status::Ok)
}

fn read_trees(dir: &Path, split: &str) -> Result<Vec<claimgraph::parse::TreeSentence>> {
    let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    claimgraph::parse::read_treebank(&text).with_context(|| format!("reading {}", path.display()))
}

fn cmd_train_parser(
    treebank: &Path,
    out: &Path,
    (iterations, beam): (usize, usize),
    snapshots: Option<&Path>,
) -> Result<Status> {
    use claimgraph::parse;
    let train = read_trees(treebank, "train")?;
    let dev = match snapshots {
        Some(_) => read_trees(treebank, "dev")?,
        None => Vec::new(),
    };
    let config = parse::ParserTrainConfig {
        iterations,
        beam,
        ..parse::ParserTrainConfig::default()
    };
    let tagger = claimgraph::pos::PosModel::builtin();
    let started = Instant::now();
    let mut failed = None;
    let model = parse::train_watched(&train, tagger, &config, |pass, m| {
        let Some(dir) = snapshots else { return };
        let path = dir.join(format!("parser-pass-{pass}.bin"));
        if let Err(e) = store::write_atomic(&path, |w| w.write_all(&m.to_bytes())) {
            failed.get_or_insert(e);
        }
        let s = parse::evaluate(m, tagger, &dev);
        eprintln!(
            "claimgraph: pass {pass}: dev UAS {:.2}%, LAS {:.2}%; wrote {}",
            s.uas(),
            s.las(),
            path.display()
        );
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    let secs = started.elapsed().as_secs_f64();
    store::write_atomic(out, |w| w.write_all(&model.to_bytes()))?;
    eprintln!(
        "claimgraph: trained on {} sentences in {secs:.1}s ({} features, {} weights); wrote {}",
        train.len(),
        model.num_features(),
        model.num_weights(),
        out.display()
    );
    for split in ["dev", "test"] {
        if let Ok(sents) = read_trees(treebank, split) {
            let s = parse::evaluate(&model, tagger, &sents);
            eprintln!(
                "claimgraph: {split}: {} words, UPOS {:.2}%, UAS {:.2}%, LAS {:.2}% (with subtypes {:.2}%)",
                s.words,
                s.upos_pct(),
                s.uas(),
                s.las(),
                s.las_full()
            );
        }
    }
    Ok(Status::Ok)
}

fn cmd_train_mentions(
    g: &GlobalArgs,
    path: &Path,
    out: &Path,
    iterations: usize,
    sample: Option<&Path>,
) -> Result<Status> {
    use claimgraph::tagger::mention_model::{self as mm, MentionTrainConfig, TrainArticle};
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut articles = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = path.display().to_string();
        if let Some(a) = claimgraph::article::parse_json_article(&origin, i + 1, line)? {
            articles.push(TrainArticle {
                id: a.id,
                text: a.text,
                date: a.date,
            });
        }
    }
    let gazetteer = Gazetteer::with_dirs(&g.gazetteer).context("loading the gazetteer")?;
    let tagger = Tagger::builder()
        .mention_model(false)
        .build(gazetteer)
        .context("building the tagger")?;
    let config = MentionTrainConfig {
        iterations,
        ..MentionTrainConfig::default()
    };
    let started = Instant::now();
    let (model, report) = mm::train_mention_model(&tagger, &articles, &config, 200);
    let secs = started.elapsed().as_secs_f64();
    store::write_atomic(out, |w| w.write_all(&model.to_bytes()))?;
    eprintln!(
        "claimgraph: {} articles; training examples PER/LOC/ORG/O {:?}, held out {:?}; {} features; {secs:.1}s; wrote {}",
        articles.len(),
        report.train_counts,
        report.holdout_counts,
        model.num_features(),
        out.display()
    );
    eprintln!(
        "claimgraph: held-out names unseen in training PER/LOC/ORG/O {:?}",
        report.unseen_counts
    );
    for (what, rows) in [
        ("with words", &report.with_words),
        ("context only", &report.context_only),
        ("unseen names", &report.unseen),
    ] {
        for r in rows {
            eprintln!(
                "claimgraph: held out, {what}: margin >= {}: {} kept, {:.2}% right",
                r.min_margin,
                r.kept,
                100.0 * r.correct as f64 / r.kept.max(1) as f64
            );
        }
    }
    if let Some(sample_path) = sample {
        store::write_atomic(sample_path, |w| {
            for e in &report.sample {
                let sentence = e.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
                writeln!(
                    w,
                    "{}\t{}\t{}\t{sentence}",
                    e.label.as_str(),
                    e.source,
                    e.name
                )?;
            }
            Ok(())
        })?;
    }
    Ok(Status::Ok)
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// The pipeline for the rest of the process; like [`load_store`]'s graph it is never freed
/// (dropping the gazetteer and automata at exit costs a noticeable part of a short run).
fn build_pipeline(g: &GlobalArgs) -> Result<&'static Pipeline> {
    let mut pipeline = Pipeline::new(build_tagger(g)?);
    pipeline.options.extractor = g.extractor.into();
    Ok(Box::leak(Box::new(pipeline)))
}

fn build_tagger(g: &GlobalArgs) -> Result<Tagger> {
    let mut builder = Tagger::builder();
    if let Some(switch) = g.mention_model {
        builder.mention_model(switch == Switch::On);
    }
    if let Some(margin) = g.mention_margin {
        builder.mention_margin(margin);
    }
    if g.gazetteer.is_empty() {
        // The shipped lists alone: the names are prepared while the entities decode.
        return builder.build_builtin().context("loading the gazetteer");
    }
    let gazetteer = Gazetteer::with_dirs(&g.gazetteer).context("loading the gazetteer")?;
    let tagger = builder.build(gazetteer).context("building the tagger")?;
    Ok(tagger)
}

/// Loads the store for the rest of the process. The graph is never freed: a large store is
/// tens of millions of small allocations, and freeing them one by one at exit takes longer
/// than the query itself, while the OS takes the memory back at once.
/// The graded sources of `--sources FILE`, if given (errors name file:line:col).
fn read_sources(g: &GlobalArgs) -> Result<Option<claimgraph::sources::SourceList>> {
    let Some(path) = &g.sources else {
        return Ok(None);
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Some(claimgraph::sources::SourceList::parse(
        &path.display().to_string(),
        &text,
    )?))
}

fn load_store(path: &Path) -> Result<&'static mut KnowledgeGraph> {
    // The store's errors name the file already.
    let graph = store::load(path)?;
    Ok(Box::leak(Box::new(graph)))
}

/// Reads the alias decisions beside a store (none when there is no file).
fn read_decisions(store: &Path) -> Result<Decisions> {
    let path = alias::decisions_path(store);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Decisions::parse(&path.display().to_string(), &text)?),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Decisions::default()),
        Err(err) => Err(err).with_context(|| format!("reading {}", path.display())),
    }
}

/// Loads the store as analysts see it: with their alias decisions applied.
fn load_view(path: &Path) -> Result<&'static mut KnowledgeGraph> {
    let decisions = read_decisions(path)?;
    let graph = load_store(path)?;
    decisions.apply_to_graph(graph);
    Ok(graph)
}

/// `alias same|different|list|undo`: the decisions file is read, changed and written under
/// the store's writer lock, so two analysts (or an ingest) never lose each other's changes.
fn cmd_alias(
    g: &GlobalArgs,
    action: AliasCommand,
    store_path: &Path,
    lock: LockArgs,
) -> Result<Status> {
    let path = alias::decisions_path(store_path);
    let _lock = match action {
        AliasCommand::List => None,
        _ => Some(lock_store(store_path, lock, g.quiet)?),
    };
    let mut decisions = read_decisions(store_path)?;
    let message = match action {
        AliasCommand::List => {
            write_stdout(alias_table(&decisions).as_bytes())?;
            return Ok(if decisions.decisions.is_empty() {
                Status::NothingFound
            } else {
                Status::Ok
            });
        }
        AliasCommand::Undo { n } => {
            let d = decisions.undo(n)?;
            let again = if d.split {
                "; ingest those articles again to restore the tool's link"
            } else {
                ""
            };
            format!(
                "undid decision {n} ({} {:?} {:?}){again}",
                d.verdict.as_str(),
                d.names.0,
                d.names.1
            )
        }
        AliasCommand::Same { keep, other } => {
            decide(&mut decisions, store_path, Verdict::Same, &keep, &other)?
        }
        AliasCommand::Different { a, b } => {
            decide(&mut decisions, store_path, Verdict::Different, &a, &b)?
        }
    };
    store::write_atomic(&path, |w| w.write_all(decisions.render().as_bytes()))?;
    write_stdout(format!("{message}\n").as_bytes())?;
    Ok(Status::Ok)
}

/// Resolves two names in the store as analysts see it and records the decision.
fn decide(
    decisions: &mut Decisions,
    store_path: &Path,
    verdict: Verdict,
    a: &str,
    b: &str,
) -> Result<String> {
    let graph = load_store(store_path)?;
    decisions.apply_to_graph(graph);
    let eb = query::resolve(graph, b)?;
    // A spelling that names no entity (a surname the tool linked by context) can be split
    // off the entity B.
    let ea = match graph.resolve(a) {
        Err(ResolveError::Unknown { .. }) if verdict == Verdict::Different => eb,
        found => found?,
    };
    let n = match decisions.decide(verdict, (a, b), ea, eb)? {
        Outcome::Recorded(n) => n,
        Outcome::AlreadySo => {
            return Ok(format!(
                "nothing to record: {} and {} already are {}",
                ea.id,
                eb.id,
                match verdict {
                    Verdict::Same => "one entity",
                    Verdict::Different => "kept apart",
                }
            ))
        }
    };
    let d = decisions.decisions.iter().find(|d| d.n == n);
    Ok(match d {
        Some(d) if d.split => format!(
            "decision {n}: {a:?} written alone is no longer {}; it becomes {} when its articles are ingested again",
            d.ids.1, d.ids.0
        ),
        Some(d) if verdict == Verdict::Same => format!("decision {n}: {} is merged into {}", d.ids.1, d.ids.0),
        _ => format!("decision {n}: {} and {} are never merged", ea.id, eb.id),
    })
}

fn alias_table(decisions: &Decisions) -> String {
    let rows: Vec<Vec<String>> = decisions
        .decisions
        .iter()
        .map(|d| {
            let effect = match (d.verdict, d.split) {
                (Verdict::Same, _) => format!("{} merged into {}", d.ids.1, d.ids.0),
                (Verdict::Different, true) => format!(
                    "{:?} alone becomes {} instead of {} at ingest",
                    d.names.0, d.ids.0, d.ids.1
                ),
                (Verdict::Different, false) => format!("{} and {} never merged", d.ids.0, d.ids.1),
            };
            vec![
                d.n.to_string(),
                d.verdict.as_str().to_string(),
                format!("{:?}", d.names.0),
                format!("{:?}", d.names.1),
                effect,
            ]
        })
        .collect();
    query::table(&["n", "decision", "name", "other", "effect"], &rows)
}

/// Takes the writers' lock on a store (see `store::StoreLock`): at once if it is free, else
/// after a message, waiting, or with an error under `--no-wait`.
fn lock_store(path: &Path, lock: LockArgs, quiet: bool) -> Result<store::StoreLock> {
    let held = match store::StoreLock::try_acquire(path)? {
        Ok(lock) => return Ok(lock),
        Err(held) => held,
    };
    let holder = match held.pid {
        Some(pid) => format!("pid {pid}"),
        None => "another process".to_string(),
    };
    if lock.no_wait {
        bail!(
            "the store {} is being written by {holder} (lock {}); try again when it is done, \
             or leave out --no-wait to wait for it",
            path.display(),
            store::lock_path(path).display()
        );
    }
    if !quiet {
        eprintln!(
            "claimgraph: waiting for the lock on {} held by {holder}",
            path.display()
        );
    }
    Ok(store::StoreLock::acquire(path)?)
}

enum Stream {
    Tag {
        explain: bool,
    },
    Claims {
        with_articles: bool,
        explain_confidence: bool,
        min_confidence: Option<f64>,
        graph_only: bool,
    },
}

/// A confidence given on the command line: a number from 0 to 1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(_) => Err(format!("'{s}' is not between 0 and 1")),
        Err(_) => Err(format!("'{s}' is not a number")),
    }
}

/// Turns transparent huge pages off for this process (Linux; elsewhere nothing). mimalloc asks
/// the kernel for them, and `tag`, which allocates its gazetteer once and little per article,
/// then spends up to a tenth of its CPU zeroing 2 MiB at each first touch and holds 40 MB more;
/// `claims`, which allocates far more, runs 15-20% faster with them, so only `tag` calls this
/// (docs/benchmarks.md). The flag is checked at each page fault, so it applies to all memory
/// touched from here on. Failing changes nothing but speed, so the error is ignored.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// Articles per batch: the pool tags a batch while the reader thread reads the next and the
/// writer thread writes the previous, and memory stays bounded by a few batches, whatever the
/// length of the input.
const BATCH: usize = 256;

/// Reads articles in batches on a thread of its own (so reading and parsing the input overlap
/// the gazetteer's decoding at start-up and the tagging of the batch before), processes each
/// batch in parallel, and prints in input order. Warnings and errors about the input are
/// printed when their batch is processed, as if read then: the output is the same as reading
/// and tagging one batch after the other.
fn cmd_stream(g: &GlobalArgs, paths: &[PathBuf], mode: Stream) -> Result<Status> {
    let (sender, batches) = std::sync::mpsc::sync_channel::<Vec<Input>>(2);
    let paths = paths.to_vec();
    let reader = std::thread::spawn(move || {
        let mut batch = Vec::new();
        let mut n_articles = 0;
        for input in ArticleReader::new(&paths) {
            n_articles += usize::from(matches!(input, Input::Article(_)));
            batch.push(input);
            if n_articles >= BATCH {
                if sender.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
                n_articles = 0;
            }
        }
        // The receiver only hangs up after an error of its own, which it reports.
        let _ = sender.send(batch);
    });
    let pipeline = build_pipeline(g)?;
    let stages = match mode {
        Stream::Tag { .. } => Stages::Tag,
        Stream::Claims { .. } => Stages::Claims,
    };
    // A writer thread writes each batch's records while the pool analyses the next one. It
    // also prints the batch's warnings first, so that stderr and stdout interleave as when
    // one batch was read, tagged and written after the other.
    let (to_writer, rendered) = std::sync::mpsc::sync_channel::<(Vec<String>, Vec<Vec<u8>>)>(2);
    let writer = std::thread::spawn(move || -> io::Result<()> {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        for (notes, records) in rendered {
            for note in notes {
                eprintln!("{note}");
            }
            for buf in records {
                out.write_all(&buf)?;
            }
            out.flush()?;
        }
        Ok(())
    });
    let mut failed = false;
    let mut render_error = None;
    for batch in batches {
        let mut articles = Vec::with_capacity(batch.len());
        let mut notes = Vec::new();
        for input in batch {
            if let Some(article) = article_or_note(input, g.quiet, &mut failed, &mut notes) {
                articles.push(article);
            }
        }
        // The records before a failed one are still written, then the run stops.
        let mut records = Vec::with_capacity(articles.len());
        for buf in render_batch(pipeline, articles, stages, &mode) {
            match buf {
                Ok(buf) => records.push(buf),
                Err(err) => {
                    render_error = Some(err);
                    break;
                }
            }
        }
        // A send fails only when the writer stopped on an error, which its join reports.
        if to_writer.send((notes, records)).is_err() || render_error.is_some() {
            break;
        }
    }
    drop(to_writer);
    match writer.join() {
        Ok(written) => written?,
        Err(_) => bail!("the thread writing the output failed"),
    }
    if let Some(err) = render_error {
        return Err(err);
    }
    if reader.join().is_err() {
        bail!("the thread reading the input failed");
    }
    Ok(if failed {
        Status::PartialFailure
    } else {
        Status::Ok
    })
}

/// Analyses and formats each article on the pool, in one pass per article (formatting costs
/// about as much as tagging), and returns the records in input order.
fn render_batch(
    pipeline: &Pipeline,
    articles: Vec<Article>,
    stages: Stages,
    mode: &Stream,
) -> Vec<Result<Vec<u8>>> {
    use rayon::prelude::*;
    articles
        .into_par_iter()
        .map(|article| {
            let analysis = pipeline.analyze(article, stages);
            let mut buf = Vec::with_capacity(4096);
            print_analysis(&analysis, mode, &mut buf)?;
            Ok(buf)
        })
        .collect()
}

fn print_analysis(analysis: &Analysis, mode: &Stream, out: &mut impl Write) -> Result<()> {
    let text = &analysis.article.text;
    match mode {
        Stream::Tag { explain: false } => {
            for m in &analysis.mentions {
                serde_json::to_writer(&mut *out, &MentionRecordRef::new(&analysis.article.id, m))?;
                out.write_all(b"\n")?;
            }
        }
        Stream::Tag { explain: true } => {
            for m in &analysis.mentions {
                let line = analysis
                    .sentences
                    .get(m.sentence)
                    .map(|s| s.text(text))
                    .unwrap_or("");
                writeln!(
                    out,
                    "{}:{}-{}\t{}\t{} ({}, {})\trule={} confidence={:.2}{}\n\tin: {}",
                    analysis.article.origin,
                    m.span.start,
                    m.span.end,
                    m.text,
                    m.name,
                    m.kind,
                    m.entity,
                    m.rule.as_str(),
                    m.confidence,
                    if m.alternatives.is_empty() {
                        String::new()
                    } else {
                        format!(" alternatives={}", m.alternatives.join(","))
                    },
                    line
                )?;
            }
            // Listed names left unlinked in context: after the mentions, with the reason.
            for d in &analysis.dropped {
                let line = analysis
                    .sentences
                    .get(d.sentence)
                    .map(|s| s.text(text))
                    .unwrap_or("");
                writeln!(
                    out,
                    "{}:{}-{}	{}	not linked to {}: {}{}\n\tin: {}",
                    analysis.article.origin,
                    d.span.start,
                    d.span.end,
                    d.text,
                    d.entity,
                    d.reason,
                    d.margin
                        .map(|m| format!(" (margin {m})"))
                        .unwrap_or_default(),
                    line
                )?;
            }
        }
        Stream::Claims {
            with_articles,
            explain_confidence,
            min_confidence,
            graph_only,
        } => {
            if *with_articles {
                let bundle = analysis.to_bundle();
                let record = serde_json::json!({
                    "kind": "article",
                    "article": bundle.article,
                    "mentions": bundle.mentions,
                });
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")?;
            }
            let shown = analysis.claims.iter().filter(|c| {
                (!*graph_only || c.graph) && min_confidence.is_none_or(|m| c.confidence >= m)
            });
            for c in shown {
                if *explain_confidence {
                    let mut record = serde_json::to_value(c)?;
                    if let Some(map) = record.as_object_mut() {
                        let features = claimgraph::claim::confidence::feature_names(c);
                        map.insert("confidence_features".into(), features.into());
                        map.insert("signals".into(), serde_json::to_value(c.signals)?);
                    }
                    serde_json::to_writer(&mut *out, &record)?;
                } else {
                    serde_json::to_writer(&mut *out, c)?;
                }
                out.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// Progress on stderr for long ingests, only when stderr is a terminal.
struct Progress {
    enabled: bool,
    started: Instant,
    articles: usize,
    bytes: usize,
    total: Option<usize>,
}

impl Progress {
    fn new(quiet: bool, total: Option<usize>) -> Progress {
        Progress {
            enabled: !quiet && io::stderr().is_terminal(),
            started: Instant::now(),
            articles: 0,
            bytes: 0,
            total,
        }
    }

    fn step(&mut self, articles: usize, bytes: usize) {
        self.articles += articles;
        self.bytes += bytes;
        if !self.enabled {
            return;
        }
        let secs = self.started.elapsed().as_secs_f64().max(1e-6);
        let mbs = self.bytes as f64 / 1e6 / secs;
        let eta = match self.total {
            Some(total) if self.articles > 0 && total > self.articles => {
                let rate = self.articles as f64 / secs;
                format!(", ETA {:.0}s", (total - self.articles) as f64 / rate)
            }
            _ => String::new(),
        };
        eprint!("\r{} articles, {:.2} MB/s{}   ", self.articles, mbs, eta);
    }

    fn finish(&self) {
        if self.enabled {
            eprintln!();
        }
    }
}

fn ingest_paths(
    g: &GlobalArgs,
    pipeline: &Pipeline,
    graph: &mut KnowledgeGraph,
    decisions: &Decisions,
    paths: &[PathBuf],
    mut on_analysis: impl FnMut(&Analysis) -> Result<()>,
) -> Result<bool> {
    let mut failed = false;
    let mut batch: Vec<Article> = Vec::new();
    let mut progress = Progress::new(g.quiet, None);
    let gaz = pipeline.tagger.gazetteer();
    let mut process = |batch: &mut Vec<Article>, graph: &mut KnowledgeGraph| -> Result<()> {
        let bytes: usize = batch.iter().map(|a| a.text.len()).sum();
        let n = batch.len();
        for analysis in pipeline.analyze_all(std::mem::take(batch), Stages::Claims) {
            on_analysis(&analysis)?;
            let mut bundle = analysis.to_bundle();
            decisions.apply_to_bundle(&mut bundle);
            graph.ingest(bundle, Some(gaz));
        }
        progress.step(n, bytes);
        Ok(())
    };
    for input in ArticleReader::new(paths) {
        if let Some(article) = article_or_report(input, g.quiet, &mut failed) {
            batch.push(article);
            if batch.len() >= 256 {
                process(&mut batch, graph)?;
            }
        }
    }
    process(&mut batch, graph)?;
    progress.finish();
    Ok(failed)
}

/// The article of one input, or `None` after reporting its warning (unless `quiet`) or its
/// error on stderr; an error sets `failed`.
fn article_or_report(input: Input, quiet: bool, failed: &mut bool) -> Option<Article> {
    let mut notes = Vec::new();
    let article = article_or_note(input, quiet, failed, &mut notes);
    for note in notes {
        eprintln!("{note}");
    }
    article
}

/// Like [`article_or_report`], but the warning or error goes to `notes`, to be printed later.
fn article_or_note(
    input: Input,
    quiet: bool,
    failed: &mut bool,
    notes: &mut Vec<String>,
) -> Option<Article> {
    match input {
        Input::Article(article) => Some(article),
        Input::Warning(w) => {
            if !quiet {
                notes.push(format!("claimgraph: warning: {w}"));
            }
            None
        }
        Input::Error(err) => {
            notes.push(format!("claimgraph: {err}"));
            *failed = true;
            None
        }
    }
}

fn cmd_ingest(
    g: &GlobalArgs,
    paths: &[PathBuf],
    claims: &[PathBuf],
    store_path: &Path,
    no_gazetteer: bool,
    min_confidence: f64,
    lock: LockArgs,
) -> Result<Status> {
    if paths.is_empty() && claims.is_empty() {
        anyhow::bail!("nothing to ingest; give article paths or --claims FILE");
    }
    // Held until this function returns, after the store is saved.
    let _lock = lock_store(store_path, lock, g.quiet)?;
    let decisions = read_decisions(store_path)?;
    let graph = load_store(store_path)?;
    graph.set_min_confidence(min_confidence);
    let n_before = graph.n_articles();
    let mut failed = false;
    if !paths.is_empty() {
        let pipeline = build_pipeline(g)?;
        failed |= ingest_paths(g, pipeline, graph, &decisions, paths, |_| Ok(()))?;
    }
    let mut outcomes = [0usize; 3];
    if !claims.is_empty() {
        let gazetteer = if no_gazetteer {
            None
        } else {
            Some(Gazetteer::with_dirs(&g.gazetteer).context("loading the gazetteer")?)
        };
        // Read and validate every file before touching the graph, so a bad line changes nothing.
        let mut bundles = Vec::new();
        for file in claims {
            let text =
                std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
            bundles.extend(claimgraph::pipeline::read_claim_stream(
                &file.display().to_string(),
                &text,
            )?);
        }
        for mut bundle in bundles {
            decisions.apply_to_bundle(&mut bundle);
            let idx = match graph.ingest(bundle, gazetteer.as_ref()) {
                IngestOutcome::Added => 0,
                IngestOutcome::Replaced => 1,
                IngestOutcome::Unchanged => 2,
            };
            outcomes[idx] += 1;
        }
    }
    store::save(graph, store_path)?;
    if !g.quiet {
        let [added, replaced, unchanged] = outcomes;
        let claim_part = if claims.is_empty() {
            String::new()
        } else {
            format!(" (claim files: {added} added, {replaced} replaced, {unchanged} unchanged)")
        };
        eprintln!(
            "claimgraph: {} articles in {} (was {n_before}){claim_part}",
            graph.n_articles(),
            store_path.display()
        );
    }
    Ok(if failed {
        Status::PartialFailure
    } else {
        Status::Ok
    })
}

fn cmd_run(
    g: &GlobalArgs,
    paths: &[PathBuf],
    out: &Path,
    store_path: &Path,
    min_confidence: f64,
    lock: LockArgs,
) -> Result<Status> {
    // The output directory first, so that a bad --out fails before any work is done.
    if out.exists() && !out.is_dir() {
        bail!(
            "--out {}: not a directory; give a directory for graph.dot, graph.json, mentions.jsonl and claims.jsonl",
            out.display()
        );
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let pipeline = build_pipeline(g)?;
    // Held until this function returns, after the store is saved.
    let _lock = lock_store(store_path, lock, g.quiet)?;
    let decisions = read_decisions(store_path)?;
    let graph = load_store(store_path)?;
    graph.set_min_confidence(min_confidence);
    let mut mentions = Vec::new();
    let mut claims = Vec::new();
    let failed = ingest_paths(g, pipeline, graph, &decisions, paths, |analysis| {
        for m in &analysis.mentions {
            serde_json::to_writer(&mut mentions, &MentionRecord::new(&analysis.article.id, m))?;
            mentions.push(b'\n');
        }
        for c in &analysis.claims {
            serde_json::to_writer(&mut claims, c)?;
            claims.push(b'\n');
        }
        Ok(())
    })?;
    store::save(graph, store_path)?;
    // The store keeps the tool's links; the exports show the analysts' decisions.
    decisions.apply_to_graph(graph);
    let options = ExportOptions {
        depth: 1,
        min_support: 1,
        ..ExportOptions::default()
    };
    let export = export::Export::new(graph, &options)?;
    for format in [Format::Dot, Format::Json] {
        for name in export::file_names(format) {
            store::write_atomic(&out.join(name), |w| export.write(format, name, w))?;
        }
    }
    store::write_atomic(&out.join("mentions.jsonl"), |w| w.write_all(&mentions))?;
    store::write_atomic(&out.join("claims.jsonl"), |w| w.write_all(&claims))?;
    if !g.quiet {
        eprintln!(
            "claimgraph: {} articles in the store; wrote {}/graph.dot, graph.json, mentions.jsonl, claims.jsonl",
            graph.n_articles(),
            out.display()
        );
    }
    Ok(if failed {
        Status::PartialFailure
    } else {
        Status::Ok
    })
}

/// Writes an export to stdout (`-`) or a file (for neo4j: files in a directory), streaming,
/// each file through the store's atomic write.
fn write_export(export: &export::Export<'_>, output: &Path, format: Format) -> Result<()> {
    let names = export::file_names(format);
    if format == Format::Neo4j {
        if output.as_os_str() == "-" {
            anyhow::bail!("the neo4j export is several CSV files; give a directory with -o DIR");
        }
        std::fs::create_dir_all(output)
            .with_context(|| format!("creating {}", output.display()))?;
        for name in names {
            store::write_atomic(&output.join(name), |w| export.write(format, name, w))?;
        }
        return Ok(());
    }
    for name in names {
        if output.as_os_str() == "-" {
            let mut out = BufWriter::new(io::stdout().lock());
            export.write(format, name, &mut out)?;
            out.flush()?;
        } else {
            store::write_atomic(output, |w| export.write(format, name, w))?;
        }
    }
    Ok(())
}

/// The claims of `query conflicts --held-out` files (`claims` output).
fn read_held_out(files: &[PathBuf]) -> Result<Vec<claimgraph::claim::Claim>> {
    let mut claims = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let bundles = claimgraph::pipeline::read_claim_stream(&file.display().to_string(), &bytes)?;
        claims.extend(bundles.into_iter().flat_map(|b| b.claims));
    }
    Ok(claims)
}

/// The library's query for a command line's (`None` for `batch`); reads `--held-out` files.
fn to_query(cmd: QueryCommand, decided: &[(String, String)]) -> Result<Option<Query>> {
    Ok(Some(match cmd {
        QueryCommand::Entity { name } => Query::Entity { name },
        QueryCommand::Claims {
            subject,
            predicate,
            object,
            source,
            since,
            until,
            min_sources,
            min_reliability,
            as_of,
        } => Query::Claims {
            subject,
            predicate,
            object,
            source,
            since,
            until,
            min_sources,
            min_reliability,
            as_of,
        },
        QueryCommand::Neighbors {
            name,
            depth,
            kind,
            max_nodes,
        } => Query::Neighbors {
            name,
            depth,
            kind,
            max_nodes,
        },
        QueryCommand::Path { from, to } => Query::Path { from, to },
        QueryCommand::Conflicts {
            subject,
            kind,
            since,
            until,
            source,
            as_of,
            held_out,
        } => Query::Conflicts(claimgraph::query::ConflictQuery {
            subject,
            kind,
            since,
            until,
            source,
            as_of,
            held_out: read_held_out(&held_out)?,
        }),
        QueryCommand::Timeline { name, since, until } => Query::Timeline { name, since, until },
        QueryCommand::Changes { since, until } => Query::Changes { since, until },
        QueryCommand::Stats => Query::Stats,
        QueryCommand::Search { text } => Query::Search {
            text: text.join(" "),
        },
        QueryCommand::Quotes { name, about } => Query::Quotes {
            speaker: name,
            about,
        },
        QueryCommand::Review => Query::Review {
            decided: decided.to_vec(),
        },
        QueryCommand::Batch { .. } => return Ok(None),
    }))
}

/// Splits a batch line into words: whitespace separates, double or single quotes group.
fn split_words(line: &str) -> Result<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => word.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            None => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if let Some(q) = quote {
        bail!("unclosed {q}");
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

/// `query batch`: every line's answer in order; exit 2 when a line failed, 1 when no line
/// found anything.
fn run_batch(
    graph: &KnowledgeGraph,
    decided: &[(String, String)],
    file: Option<&Path>,
    format: OutputFormat,
) -> Result<Status> {
    let (name, text) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
        ),
        None => {
            let mut text = String::new();
            io::Read::read_to_string(&mut io::stdin(), &mut text).context("reading stdin")?;
            ("stdin".to_string(), text)
        }
    };
    let mut out = io::stdout().lock();
    let (mut failed, mut found) = (false, false);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = split_words(line).and_then(|words| {
            let cmd =
                BatchLine::try_parse_from(words).map_err(|e| anyhow::anyhow!("{}", e.render()))?;
            to_query(cmd.query, decided)?
                .ok_or_else(|| anyhow::anyhow!("`batch` cannot be used inside a batch"))
        });
        let res = parsed.and_then(|q| Ok(query::run(graph, &q, format)?));
        match res {
            Ok(res) => {
                if format == OutputFormat::Table {
                    writeln!(out, "== {line}")?;
                }
                out.write_all(res.text.as_bytes())?;
                found |= res.n_results > 0;
            }
            Err(err) => {
                failed = true;
                // clap's message spans lines (and adds usage); keep what precedes "Usage:".
                let text = format!("{err:#}");
                let message: Vec<&str> = text
                    .lines()
                    .map(str::trim)
                    .take_while(|l| !l.starts_with("Usage:"))
                    .filter(|l| !l.is_empty())
                    .collect();
                let message = message.join(" ");
                let message = message.trim_start_matches("error: ");
                eprintln!("claimgraph: {name}:{}: {message}", n + 1);
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        Status::PartialFailure
    } else if found {
        Status::Ok
    } else {
        Status::NothingFound
    })
}

/// mimalloc instead of the system allocator: extraction allocates many short-lived strings and
/// vectors per sentence, and `claims` runs about 12% faster with it (docs/benchmarks.md).
/// `tag` turns off the transparent huge pages it asks for (`no_huge_pages`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
