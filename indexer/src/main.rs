//! `indexer`: extract clean documents from HTML/PDF files and WARC captures.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indexer::extract::{Extractor, Input};
use indexer::query::Hit;

/// Veille's indexer: from WARC captures of French municipal pages to clean documents.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print what is extracted from one HTML (or PDF) file.
    Extract(ExtractArgs),
    /// Index WARC files (only those not indexed before).
    Index(IndexArgs),
    /// Search the index.
    Search(SearchArgs),
    /// Export the documents of a search as a WACZ file (their captures, an index, the pages
    /// with their text), which ReplayWeb.page and pywb replay.
    ExportWacz(ExportWaczArgs),
    /// Statistics of the index.
    Stats(StatsArgs),
    /// Write the documents extracted from WARC files (or stored in an index, `--index`) as
    /// JSON lines (url, title, body, published, commune, topics), e.g. to load them into
    /// other tools.
    Dump(DumpArgs),
    /// Measure query latency (p50, p99) on an index for a fixed list of French queries.
    BenchQueries(BenchArgs),
    /// Index JSON lines written by `dump` (no extraction) into a new index: measures the
    /// indexing alone, for comparison with other indexers fed the same documents.
    BenchIndexJson(BenchJsonArgs),
    /// Time extraction alone, on one core, on the first HTML pages of WARC files read into
    /// memory beforehand (as other extractors are timed on the same pages).
    BenchExtract(BenchExtractArgs),
}

#[derive(clap::Args)]
struct ExportWaczArgs {
    /// The search, with the same options as `indexer search` (its --limit caps the export).
    #[command(flatten)]
    search: SearchArgs,
    /// The WARC files indexed (a directory, searched recursively).
    #[arg(long, default_value = "data/warcs")]
    warcs: PathBuf,
    /// The WACZ file to write.
    #[arg(long, short)]
    output: PathBuf,
}

#[derive(clap::Args)]
struct BenchExtractArgs {
    /// How many pages (the first HTML pages answered 200).
    #[arg(long, default_value_t = 2000)]
    pages: usize,
    /// Runs over the pages; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// The inputs are HTML files, or directories searched for `*.html` (real pages saved
    /// as they were served, such as the development corpus), not WARC files.
    #[arg(long)]
    html: bool,
    /// Which extractors find the main text, title and date.
    #[arg(long, value_enum, default_value = "both")]
    method: MethodArg,
    /// WARC files or directories (HTML files or directories with `--html`).
    #[arg(required = true, value_name = "WARC_OR_DIR")]
    inputs: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct BenchJsonArgs {
    /// New index directory.
    #[arg(long)]
    index: PathBuf,
    /// JSON lines file (`-` for standard input).
    input: PathBuf,
}

#[derive(clap::Args)]
struct DumpArgs {
    /// WARC files or directories.
    #[arg(required_unless_present = "index", value_name = "WARC_OR_DIR")]
    inputs: Vec<PathBuf>,
    /// Write the documents of this index instead (its stored text: no extraction).
    #[arg(long, conflicts_with = "inputs")]
    index: Option<PathBuf>,
}

#[derive(clap::Args)]
struct BenchArgs {
    /// Index directory.
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// Times each query runs in each mode.
    #[arg(long, default_value_t = 50)]
    runs: usize,
    /// Print the queries, one per line, and stop (scripts/bench-server.py reads them).
    #[arg(long)]
    list: bool,
    /// Run the queries of this file (one per line) instead of the ten built in: each once per
    /// mode and run, the per-query table left out.
    #[arg(long, value_name = "FILE")]
    queries: Option<PathBuf>,
}

#[derive(clap::Args)]
struct IndexArgs {
    /// Index directory.
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// WARC files, or directories searched for *.warc.gz and *.warc.
    #[arg(required = true, value_name = "WARC_OR_DIR")]
    inputs: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    /// Human-readable lines.
    Text,
    /// JSON.
    Json,
    /// CSV, one row per result.
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    /// Best match first.
    Relevance,
    /// Most recent first.
    Date,
    /// Most recently gone from their site first.
    Gone,
}

#[derive(clap::Args)]
struct SearchArgs {
    /// Index directory.
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// Query: words, "phrases", AND/OR, -word, field:value (fields: title, text, commune,
    /// departement, topic, host, url, language, label_year…).
    query: String,
    /// Commune: name or INSEE code.
    #[arg(long)]
    commune: Option<String>,
    /// Département code (72, 2A…).
    #[arg(long)]
    departement: Option<String>,
    /// Topic id (repeat for several, all required).
    #[arg(long)]
    topic: Vec<String>,
    /// Only pages about digital policy.
    #[arg(long)]
    digital_only: bool,
    /// Page type: article, listing, home, agenda or other (repeat for several, any of them).
    #[arg(long)]
    page_type: Vec<String>,
    /// Page state: gone (from its site), changed, unchanged or once (captured once); repeat
    /// for several, any of them.
    #[arg(long)]
    state: Vec<String>,
    /// Published on or after (YYYY-MM-DD).
    #[arg(long)]
    from: Option<chrono::NaiveDate>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long)]
    to: Option<chrono::NaiveDate>,
    /// Order.
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortArg,
    /// Results per page.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Results skipped.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: OutFormat,
}

#[derive(clap::Args)]
struct StatsArgs {
    /// Index directory.
    #[arg(long, default_value = "data/index")]
    index: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// All fields, as JSON.
    Json,
    /// The main text alone.
    Text,
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// The HTML or PDF file.
    file: PathBuf,
    /// The page's URL (resolves links; host and path help find the commune and the date).
    #[arg(long)]
    url: Option<String>,
    /// The Content-Type it was served with (its charset is then used) [default: from the
    /// file's bytes].
    #[arg(long)]
    content_type: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Which extractors find the main text, title and date.
    #[arg(long, value_enum, default_value = "both")]
    method: MethodArg,
    /// Add what each extractor found (`opinions`) to the JSON, to compare them.
    #[arg(long)]
    opinions: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum MethodArg {
    /// Readability and trafilatura, each checking the other.
    Both,
    /// The project's Readability pass alone.
    Readability,
    /// The trafilatura crate alone.
    Trafilatura,
}

/// The library's method for a command-line choice.
fn method_of(m: MethodArg) -> indexer::extract::html::Method {
    match m {
        MethodArg::Both => indexer::extract::html::Method::Both,
        MethodArg::Readability => indexer::extract::html::Method::Readability,
        MethodArg::Trafilatura => indexer::extract::html::Method::Trafilatura,
    }
}

/// Lets a closed pipe end the process quietly, as it ends other Unix tools
/// (`indexer search … | head`), instead of a panic on the next line printed. The indexer
/// writes to no socket, so the default disposition of SIGPIPE is safe here.
fn exit_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring a signal's default disposition at start-up, before any thread is
    // spawned; no handler runs Rust code.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> std::process::ExitCode {
    exit_quietly_on_closed_pipe();
    cli::init_logging("warn");
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Index(args) => index(args),
        Command::Search(args) => search(args),
        Command::ExportWacz(args) => export_wacz(args),
        Command::Stats(args) => stats(args),
        Command::Dump(args) => dump(args),
        Command::BenchQueries(args) => bench_queries(args),
        Command::BenchIndexJson(args) => bench_index_json(args),
        Command::BenchExtract(args) => bench_extract(args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            // A query the user can fix, or an index another run is writing: exit status 2.
            let busy = e.chain().any(|c| {
                c.downcast_ref::<indexer::indexing::IndexError>()
                    .is_some_and(|i| matches!(i, indexer::indexing::IndexError::Busy { .. }))
            });
            if busy
                || e.downcast_ref::<indexer::query::QueryError>()
                    .is_some_and(|q| {
                        matches!(
                            q,
                            indexer::query::QueryError::Syntax { .. }
                                | indexer::query::QueryError::Filter(_)
                        )
                    })
            {
                std::process::ExitCode::from(2)
            } else {
                std::process::ExitCode::FAILURE
            }
        }
    }
}

fn extract(args: ExtractArgs) -> Result<()> {
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let content_type = args.content_type.clone().or_else(|| {
        let name = args.file.to_string_lossy().to_ascii_lowercase();
        name.ends_with(".pdf")
            .then(|| "application/pdf".to_string())
    });
    let extractor = Extractor::new()?.with_method(method_of(args.method), args.opinions);
    let doc = extractor
        .extract(&Input {
            bytes: &bytes,
            url: args.url.as_deref(),
            content_type: content_type.as_deref(),
            captured: Some(chrono::Utc::now().date_naive()),
            seed_insee: None,
        })
        .with_context(|| format!("cannot extract {}", args.file.display()))?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&doc)?),
        Format::Text => println!("{}", doc.text),
    }
    Ok(())
}

fn index(args: IndexArgs) -> Result<()> {
    let extractor = Extractor::new()?;
    let options = indexer::indexing::IndexOptions {
        progress: std::io::stderr().is_terminal(),
        ..Default::default()
    };
    let summary = indexer::indexing::index_warcs(&args.index, &args.inputs, &extractor, options)?;
    println!(
        "Indexed {} WARC files ({} already indexed): {} records read, {} documents added, {} captures merged, {} bad records; {} documents in {}",
        summary.files_indexed.len(),
        summary.files_already_indexed,
        summary.records_read,
        summary.documents_added,
        summary.captures_merged,
        summary.bad_records,
        summary.documents_total,
        args.index.display()
    );
    if let Some((file, offset)) = &summary.resumed {
        println!("  taken up where the interrupted run stopped: {file} from offset {offset}");
    }
    for (reason, n) in &summary.skipped {
        println!("  skipped {n}: {reason}");
    }
    Ok(())
}

fn open_index(dir: &std::path::Path) -> Result<indexer::query::SearchIndex> {
    indexer::query::SearchIndex::open(dir).with_context(|| {
        format!(
            "cannot open the index (build it with `indexer index --index {} WARC...`)",
            dir.display()
        )
    })
}

fn search_request(args: &SearchArgs) -> indexer::query::SearchRequest {
    indexer::query::SearchRequest {
        query: args.query.clone(),
        commune: args.commune.clone(),
        departement: args.departement.clone(),
        topics: args.topic.clone(),
        digital_only: args.digital_only,
        page_types: args.page_type.clone(),
        states: args.state.clone(),
        from: args.from,
        to: args.to,
        sort: match args.sort {
            SortArg::Relevance => indexer::query::Sort::Relevance,
            SortArg::Date => indexer::query::Sort::Date,
            SortArg::Gone => indexer::query::Sort::Gone,
        },
        limit: args.limit,
        offset: args.offset,
        ..Default::default()
    }
}

fn export_wacz(args: ExportWaczArgs) -> Result<()> {
    let index = open_index(&args.search.index)?;
    let results = index.search(&indexer::query::SearchRequest {
        no_facets: true,
        no_snippets: true,
        ..search_request(&args.search)
    })?;
    // WARC files by name (the index records names, not paths).
    let files: std::collections::HashMap<String, PathBuf> =
        indexer::indexing::warc_files(std::slice::from_ref(&args.warcs))?
            .into_iter()
            .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), p)))
            .collect();
    let locate = |h: &Hit| {
        Some(warc::wacz::Selected {
            file: files.get(h.warc_file.as_deref()?)?.clone(),
            offset: h.warc_offset?,
        })
    };
    let out = std::fs::File::create(&args.output)
        .with_context(|| format!("cannot create {}", args.output.display()))?;
    let summary = indexer::export::wacz_of_hits(
        std::io::BufWriter::new(out),
        &index,
        &results.hits,
        &warc::wacz::WaczInfo {
            title: format!("Veille : « {} »", args.search.query),
            description: Some(format!(
                "{} documents sur {}",
                results.hits.len(),
                results.total
            )),
            software: format!("Veille/{} indexer", env!("CARGO_PKG_VERSION")),
        },
        &locate,
        &|_| None,
    )
    .with_context(|| format!("cannot write {}", args.output.display()))?;
    for s in &summary.skipped {
        eprintln!("skipped: {s}");
    }
    eprintln!(
        "{}: {} pages, {} records (of {} results)",
        args.output.display(),
        summary.pages,
        summary.records,
        results.total
    );
    Ok(())
}

fn search(args: SearchArgs) -> Result<()> {
    let index = open_index(&args.index)?;
    let results = index.search(&search_request(&args))?;
    match args.format {
        OutFormat::Json => println!("{}", serde_json::to_string_pretty(&results)?),
        OutFormat::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout());
            w.write_record(Hit::CSV_COLUMNS)?;
            for h in &results.hits {
                w.write_record(h.csv_record())?;
            }
            w.flush()?;
        }
        OutFormat::Text => {
            println!("{} results", results.total);
            // The pages' states, counted (« disparues du site », « modifiées »…).
            let states: Vec<String> = indexer::life::State::ALL
                .iter()
                .filter_map(|st| {
                    let n = results.facets.states.get(st.as_str())?;
                    Some(format!("{n} {}", st.label_fr()))
                })
                .collect();
            if !states.is_empty() {
                println!("pages: {}", states.join(", "));
            }
            for (i, h) in results.hits.iter().enumerate() {
                let kind = h
                    .page_type
                    .as_deref()
                    .and_then(indexer::extract::page_type::PageType::parse)
                    .filter(|t| *t != indexer::extract::page_type::PageType::Article)
                    .map(|t| format!(" · {}", t.french_one()))
                    .unwrap_or_default();
                println!(
                    "\n{}. {}\n   {} ({}) · {}{kind} · {}",
                    args.offset + i + 1,
                    h.title.as_deref().unwrap_or("(sans titre)"),
                    h.commune_name.as_deref().unwrap_or("commune inconnue"),
                    h.departement.as_deref().unwrap_or("?"),
                    h.published.as_deref().unwrap_or("date inconnue"),
                    h.url
                );
                if let Some(line) = life_line(h) {
                    println!("   {line}");
                }
                println!("   {}", h.snippet.replace('\n', " "));
            }
        }
    }
    Ok(())
}

/// The page's life in French, when there is something to say: gone (when and how) or changed.
fn life_line(h: &Hit) -> Option<String> {
    let day = |d: &Option<String>| d.as_deref().map(|d| d.get(..10).unwrap_or(d).to_string());
    match h.state.as_deref() {
        Some("gone") => {
            let how = indexer::life::GoneHow::words_of(h.gone_how.as_deref(), h.gone_to.as_deref());
            Some(format!(
                "DISPARUE du site le {} : {how} (vue pour la dernière fois le {})",
                day(&h.gone_since).unwrap_or_default(),
                day(&h.last_seen).unwrap_or_default()
            ))
        }
        Some("changed") => Some(format!(
            "modifiée depuis sa première capture ({}){}",
            day(&h.first_seen).unwrap_or_default(),
            if h.latest {
                ""
            } else {
                " · version antérieure"
            }
        )),
        _ => None,
    }
}

fn stats(args: StatsArgs) -> Result<()> {
    let index = indexer::query::SearchIndex::open(&args.index)
        .with_context(|| format!("cannot open the index {}", args.index.display()))?;
    let s = index.stats()?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&s)?),
        Format::Text => {
            println!(
                "{} documents, {} captures, {} communes",
                s.documents, s.captures, s.communes
            );
            println!(
                "published from {} to {}; {} about digital policy",
                s.published_from.as_deref().unwrap_or("?"),
                s.published_to.as_deref().unwrap_or("?"),
                s.digital_policy
            );
            for (t, n) in &s.topics {
                println!("  topic {t}: {n}");
            }
            for (y, n) in &s.years {
                println!("  year {y}: {n}");
            }
            for state in indexer::life::State::ALL {
                if let Some(n) = s.states.get(state.as_str()) {
                    println!("  {} ({}): {n}", state.as_str(), state.label_fr());
                }
            }
        }
    }
    Ok(())
}

/// One line of `dump`'s output, whether the document was extracted or read from an index.
fn dump_line(d: indexer::query::StoredDocument) -> serde_json::Value {
    serde_json::json!({
        "url": d.url,
        "title": d.title.unwrap_or_default(),
        "body": d.text,
        "published": d.published,
        "commune": d.commune,
        "topics": d.topics,
    })
}

fn dump(args: DumpArgs) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Some(dir) = &args.index {
        let index = indexer::query::SearchIndex::open(dir)
            .with_context(|| format!("cannot open the index {}", dir.display()))?;
        index.each_document(|d| writeln!(out, "{}", dump_line(d)))?;
        out.flush()?;
        return Ok(());
    }
    let extractor = Extractor::new()?;
    for file in indexer::indexing::warc_files(&args.inputs)? {
        let mut captures = indexer::source::Captures::default();
        let mut failed: Option<std::io::Error> = None;
        captures.stream_file(&file, |c, seeds| {
            let indexer::source::CaptureBody::Full(p) = &c.body else {
                return;
            };
            let ct = p.content_type.as_deref().unwrap_or_default();
            if p.status != 200 || !(ct.contains("html") || ct.contains("pdf")) {
                return;
            }
            let seed = indexer::source::seed_of(seeds, &c.url);
            let Ok(doc) = extractor.extract_for_index(&Input {
                bytes: &p.body,
                url: Some(&c.url),
                content_type: p.content_type.as_deref(),
                captured: None,
                seed_insee: seed,
            }) else {
                return;
            };
            let line = dump_line(indexer::query::StoredDocument {
                url: c.url.clone(),
                title: doc.title,
                text: doc.text,
                published: doc.published,
                commune: doc
                    .commune
                    .as_ref()
                    .and_then(|f| f.commune())
                    .map(|c| c.insee.clone()),
                topics: doc.topics.iter().map(|t| t.id.clone()).collect(),
            });
            if let Err(e) = writeln!(out, "{line}") {
                failed.get_or_insert(e);
            }
        })?;
        if let Some(e) = failed {
            return Err(e.into());
        }
    }
    out.flush()?;
    Ok(())
}

fn bench_index_json(args: BenchJsonArgs) -> Result<()> {
    if args.index.join("meta.json").exists() {
        anyhow::bail!(
            "{} already holds an index: give a new directory",
            args.index.display()
        );
    }
    let start = std::time::Instant::now();
    let (added, skipped) = if args.input.as_os_str() == "-" {
        indexer::indexing::index_json_lines(&args.index, std::io::stdin().lock())?
    } else {
        let file = std::fs::File::open(&args.input)
            .with_context(|| format!("cannot open {}", args.input.display()))?;
        indexer::indexing::index_json_lines(&args.index, std::io::BufReader::new(file))?
    };
    println!(
        "{added} documents indexed, {skipped} lines skipped, in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A page held in memory for `bench-extract`.
struct BenchPage {
    url: String,
    content_type: Option<String>,
    body: Vec<u8>,
    seed: Option<String>,
}

/// The HTML files among `inputs` (directories searched recursively for `*.html`), sorted.
fn html_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = inputs.to_vec();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path)
                .with_context(|| format!("cannot read the directory {}", path.display()))?
            {
                stack.push(entry?.path());
            }
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn bench_extract(args: BenchExtractArgs) -> Result<()> {
    use std::ops::ControlFlow;
    let extractor = Extractor::new()?.with_method(method_of(args.method), false);
    let mut pages: Vec<BenchPage> = Vec::new();
    if args.html {
        for file in html_files(&args.inputs)?.into_iter().take(args.pages) {
            let body =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            pages.push(BenchPage {
                url: format!("https://www.example.fr/{}", file.display()),
                content_type: Some("text/html".into()),
                body,
                seed: None,
            });
        }
    }
    for file in indexer::indexing::warc_files(&args.inputs)?
        .into_iter()
        .filter(|_| !args.html)
    {
        if pages.len() >= args.pages {
            break;
        }
        let mut captures = indexer::source::Captures::default();
        captures.stream_file_until(&file, |c, seeds| {
            if pages.len() >= args.pages {
                return ControlFlow::Break(());
            }
            let indexer::source::CaptureBody::Full(p) = c.body else {
                return ControlFlow::Continue(());
            };
            let html = p
                .content_type
                .as_deref()
                .is_some_and(|ct| ct.contains("html"));
            if p.status != 200 || !html {
                return ControlFlow::Continue(());
            }
            let seed = indexer::source::seed_of(seeds, &c.url).map(str::to_string);
            pages.push(BenchPage {
                url: c.url,
                content_type: p.content_type,
                body: p.body,
                seed,
            });
            ControlFlow::Continue(())
        })?;
    }
    if pages.is_empty() {
        anyhow::bail!("no HTML page answered 200 in the WARC files given (HTML files: --html)");
    }
    let bytes: usize = pages.iter().map(|p| p.body.len()).sum();
    // The median time of a few runs of `work` over every page.
    let median = |work: &dyn Fn(&BenchPage)| -> f64 {
        let mut times: Vec<f64> = (0..args.runs.max(1))
            .map(|_| {
                let start = std::time::Instant::now();
                pages.iter().for_each(work);
                start.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let secs = median(&|page| {
        std::hint::black_box(
            extractor
                .extract_for_index(&Input {
                    bytes: &page.body,
                    url: Some(&page.url),
                    content_type: page.content_type.as_deref(),
                    captured: None,
                    seed_insee: page.seed.as_deref(),
                })
                .ok(),
        );
    });
    let per_page = |t: f64| t * 1e6 / pages.len() as f64;
    println!(
        "{} pages extracted in {secs:.3} s: {:.0} pages/s, {:.0} µs a page, {:.1} MB/s of HTML (median of {} runs, one core)",
        pages.len(),
        pages.len() as f64 / secs,
        per_page(secs),
        bytes as f64 / 1e6 / secs,
        args.runs.max(1)
    );
    // Parts of that time: what other extractors do (main text, title, date: the HTML part),
    // and under it the floor (decoding and parsing the pages into a tree, nothing else).
    let decode =
        |page: &BenchPage| warc::charset::decode_html(&page.body, page.content_type.as_deref());
    let html_part = median(&|page| {
        let url = url::Url::parse(&page.url).ok();
        std::hint::black_box(indexer::extract::html::read(
            &decode(page).text,
            url.as_ref(),
            None,
        ));
    });
    let parse = median(&|page| {
        std::hint::black_box(scraper::Html::parse_document(&decode(page).text));
    });
    for (what, t) in [
        (
            "the HTML part alone (charset, parse, main text, title, date)",
            html_part,
        ),
        ("decoding and parsing the HTML (html5ever) alone", parse),
    ] {
        println!(
            "of which {what}: {t:.3} s, {:.0} pages/s, {:.0} µs a page ({:.0} % of extraction)",
            pages.len() as f64 / t,
            per_page(t),
            t / secs * 100.0
        );
    }
    Ok(())
}

/// The fixed French queries of the latency benchmarks (`bench-queries`, and
/// scripts/bench-server.py through `--list`), drawn from the subjects of the generated pages.
const BENCH_QUERIES: &[&str] = &[
    "fibre optique",
    "conseil municipal",
    "\"label Villes Internet\"",
    "écoles numériques",
    "wifi public",
    "cantine en ligne",
    "données publiques",
    "borne internet",
    "médiathèque OR numérique",
    "travaux -fibre",
];

fn bench_queries(args: BenchArgs) -> Result<()> {
    if args.list {
        for q in BENCH_QUERIES {
            println!("{q}");
        }
        return Ok(());
    }
    let from_file = match &args.queries {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the queries in {}", path.display()))?,
        ),
        None => None,
    };
    let queries: Vec<&str> = match &from_file {
        Some(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
        None => BENCH_QUERIES.to_vec(),
    };
    if queries.is_empty() || args.runs == 0 {
        anyhow::bail!(
            "no query to run: give a file of queries, one per line, and --runs 1 or more"
        );
    }
    let index = indexer::query::SearchIndex::open(&args.index)
        .with_context(|| format!("cannot open the index {}", args.index.display()))?;
    // What each mode adds to the one before tells where a query's time goes: `bare` is the
    // search itself (parse, match, score, count, the 10 hits' stored documents), then facet
    // counts over every matching document, then snippets of the 10 hits.
    let modes = [
        ("bare (count + top 10 + stored hits)", true, true),
        ("with facets", false, true),
        ("with snippets", true, false),
        ("with facets and snippets", false, false),
    ];
    let percentiles = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
        (pct(0.5), pct(0.99))
    };
    println!("| mode | queries run | p50 (ms) | p99 (ms) | mean (ms) |");
    println!("|---|---:|---:|---:|---:|");
    // Per query and mode: the matching documents and the times of its runs.
    let mut per_query: Vec<(&str, usize, Vec<Vec<f64>>)> =
        queries.iter().map(|q| (*q, 0, Vec::new())).collect();
    for (name, no_facets, no_snippets) in modes {
        let mut times = Vec::new();
        for (q, total, by_mode) in per_query.iter_mut() {
            let mut mine = Vec::new();
            for _ in 0..args.runs {
                let start = std::time::Instant::now();
                *total = index
                    .search(&indexer::query::SearchRequest {
                        query: (*q).to_string(),
                        limit: 10,
                        no_facets,
                        no_snippets,
                        ..Default::default()
                    })?
                    .total;
                mine.push(start.elapsed().as_secs_f64() * 1000.0);
            }
            times.extend(&mine);
            by_mode.push(mine);
        }
        let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
        let (p50_all, p99_all) = percentiles(&mut times);
        println!(
            "| {name} | {} | {p50_all:.2} | {p99_all:.2} | {mean:.2} |",
            times.len()
        );
    }
    if from_file.is_some() {
        return Ok(());
    }
    println!(
        "\n| query | documents matching | search (ms) | + facets (ms) | + snippets (ms) | all (ms) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (q, total, mut by_mode) in per_query {
        let p50: Vec<f64> = by_mode.iter_mut().map(|t| percentiles(t).0).collect();
        println!(
            "| `{q}` | {total} | {:.2} | {:+.2} | {:+.2} | {:.2} |",
            p50[0],
            p50[1] - p50[0],
            p50[2] - p50[0],
            p50[3]
        );
    }
    Ok(())
}
