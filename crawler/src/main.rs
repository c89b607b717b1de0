//! `crawler`: archive French municipal websites into WARC files, or serve the bundled sample.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use crawler::config::{CrawlConfig, Seed, parse_resolve_arg};
use crawler::crawl::StartMode;
use sample::server::{SampleSite, serve};

/// Veille's archival crawler: polite crawls of municipal websites into standard WARC 1.1 files.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Crawl seeds (from a config file and/or URLs) and write WARC files.
    Crawl(CrawlArgs),
    /// Serve the bundled sample sites on a loopback address.
    ServeSample(ServeArgs),
    /// Serve the bundled sample sites and crawl them with data/crawls/sample.toml.
    Demo(DemoArgs),
    /// Write the CDXJ index (pywb format) of WARC files from any tool, beside each file.
    Cdxj(CdxjArgs),
    /// Run named crawl jobs on cron schedules (see data/crawls/jobs.toml).
    Schedule(ScheduleArgs),
    /// Check the fixity of WARC files: every digest, and every line of their CDXJ indexes.
    Verify(VerifyArgs),
    /// Show a crawl shared in PostgreSQL: queue, URLs in flight per worker, captures/s, errors.
    Status(StatusArgs),
}

#[derive(clap::Args)]
struct StatusArgs {
    /// The crawl state: a postgres:// URL.
    #[arg(long, value_name = "postgres://…", env = "VEILLE_STATE")]
    state: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// WARC files, or directories searched for *.warc.gz and *.warc.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ScheduleArgs {
    /// Jobs file: [[job]] entries with name, schedule (cron) and config (a crawl config).
    #[arg(long, short)]
    config: PathBuf,
    /// Stop once this many runs have been started and have finished.
    #[arg(long)]
    max_runs: Option<u64>,
}

#[derive(clap::Args)]
struct CdxjArgs {
    /// Print the index lines to standard output instead of writing FILE's .cdxj.
    #[arg(long)]
    stdout: bool,
    /// WARC files (.warc.gz or .warc).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Address the sample server listens on (the crawl is pointed at it).
    #[arg(long, default_value = "127.0.0.1:8099")]
    bind: SocketAddr,
    /// Directory holding manifest.toml and the sites.
    #[arg(long, default_value = "data/sample-site")]
    dir: PathBuf,
    /// The crawl config.
    #[arg(long, default_value = "data/crawls/sample.toml")]
    config: PathBuf,
    /// Output directory for WARC files [default: the config's, data/warcs/sample].
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
struct CrawlArgs {
    /// TOML crawl config (seeds, scope, limits); see data/crawls/sample.toml.
    #[arg(long, short)]
    config: Option<PathBuf>,
    /// Output directory for WARC files and the JSON report [config: output.dir; default data/warcs].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Send requests for HOST to ADDR:PORT instead of resolving it (repeatable), like curl's --resolve.
    #[arg(long, value_name = "HOST=ADDR:PORT")]
    resolve: Vec<String>,
    /// Seconds to wait between two requests to the same host [config: fetch.delay; default 1].
    #[arg(long)]
    delay: Option<f64>,
    /// Stop after this many captures [config: scope.max_pages].
    #[arg(long)]
    max_pages: Option<u64>,
    /// Maximum link depth from a seed [config: scope.max_depth; default 20].
    #[arg(long)]
    max_depth: Option<u32>,
    /// User-Agent header; its first word is the robots.txt product token [default names Veille].
    #[arg(long)]
    user_agent: Option<String>,
    /// Where to write the JSON report [default: OUT/PREFIX-TIMESTAMP-report.json].
    #[arg(long)]
    report: Option<PathBuf>,
    /// Crawl state: a directory (SQLite; an unfinished crawl there is resumed), or a
    /// postgres:// URL shared by workers on several machines [config: state or
    /// output.state_dir; default data/state/NAME].
    #[arg(long, value_name = "DIR|postgres://…")]
    state: Option<String>,
    /// This worker's name, with a postgres:// state: each machine runs one or more named
    /// workers on one shared frontier [config: worker; default: the machine's name].
    #[arg(long)]
    worker: Option<String>,
    /// Start over even if the state directory holds an unfinished crawl (the capture history
    /// used for revisits is kept).
    #[arg(long)]
    fresh: bool,
    /// Start URLs; they replace the config's seeds (keeping the INSEE code of a matching seed).
    #[arg(value_name = "URL")]
    urls: Vec<String>,
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8099")]
    bind: SocketAddr,
    /// Directory holding manifest.toml and the sites.
    #[arg(long, default_value = "data/sample-site")]
    dir: PathBuf,
    /// Content version to serve: 0 as written, 1 and 2 with the routes' changes (see
    /// data/sample-site/README.md), to try recrawls of changed sites.
    #[arg(long, default_value_t = 0)]
    content_version: u32,
    /// Also serve this many generated benchmark sites (www.communeK.bench.example).
    #[arg(long, default_value_t = 0)]
    synthetic_hosts: u32,
    /// Pages per generated site.
    #[arg(long, default_value_t = 1000)]
    synthetic_pages: u64,
    /// Child links per generated page.
    #[arg(long, default_value_t = 10)]
    synthetic_fanout: u64,
    /// Milliseconds the server takes to answer each generated page.
    #[arg(long, default_value_t = 0)]
    synthetic_latency_ms: u64,
    /// About one generated page in this many is the size of a real news page (~175 kB of
    /// HTML, against ~15 kB for the others); 0 for none.
    #[arg(long, default_value_t = 0)]
    synthetic_large_every: u64,
}

fn main() -> std::process::ExitCode {
    cli::init_logging("info");
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Crawl(args) => crawl(args).await,
            Command::ServeSample(args) => serve_sample(args).await,
            Command::Demo(args) => demo(args).await,
            Command::Cdxj(args) => cdxj(args),
            Command::Schedule(args) => schedule(args).await,
            Command::Verify(args) => verify(args),
            Command::Status(args) => status(args),
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            // Another crawl holds the directories: status 2, as for a usage error.
            use crawler::lock::LockError;
            let busy =
                |l: &LockError| matches!(l, LockError::Busy { .. } | LockError::Worker { .. });
            let locked = e.chain().any(|c| {
                c.downcast_ref::<LockError>().is_some_and(busy)
                    || c.downcast_ref::<crawler::crawl::CrawlError>().is_some_and(
                        |c| matches!(c, crawler::crawl::CrawlError::Locked(l) if busy(l)),
                    )
            });
            if locked {
                std::process::ExitCode::from(2)
            } else {
                std::process::ExitCode::FAILURE
            }
        }
    }
}

async fn crawl(args: CrawlArgs) -> Result<()> {
    let mut config = match &args.config {
        Some(path) => CrawlConfig::from_file(path)?,
        None => CrawlConfig {
            name: "command-line".into(),
            ..CrawlConfig::default()
        },
    };
    if !args.urls.is_empty() {
        let old = std::mem::take(&mut config.seeds);
        config.seeds = args
            .urls
            .iter()
            .map(|u| {
                old.iter().find(|s| s.url == *u).cloned().unwrap_or(Seed {
                    url: u.clone(),
                    insee: None,
                    commune: None,
                })
            })
            .collect();
    }
    if let Some(out) = args.out {
        config.output.dir = out;
    }
    for arg in &args.resolve {
        let (host, addr) = parse_resolve_arg(arg)?;
        config.fetch.resolve.insert(host, addr);
    }
    if let Some(d) = args.delay {
        config.fetch.delay = d;
    }
    if let Some(n) = args.max_pages {
        config.scope.max_pages = n;
    }
    if let Some(n) = args.max_depth {
        config.scope.max_depth = n;
    }
    if let Some(ua) = args.user_agent {
        config.fetch.user_agent = ua;
    }
    if let Some(state) = args.state {
        if crawler::postgres_state::is_postgres_url(&state) {
            config.state = Some(state);
        } else {
            config.state = None;
            config.output.state_dir = Some(PathBuf::from(state));
        }
    }
    if let Some(worker) = args.worker {
        if config.state.is_none() {
            anyhow::bail!(
                "--worker names a worker of a shared crawl: give --state postgres://… (or state in the config)"
            );
        }
        config.worker = Some(worker);
    }
    let mode = if args.fresh {
        StartMode::Fresh
    } else {
        StartMode::ResumeOrStart
    };
    let report_path = args
        .report
        .clone()
        .unwrap_or_else(|| crawler::schedule::report_path(&config));
    let report = crawler::crawl::run(config, mode, cli::shutdown_signal()).await?;
    write_report(&report, &report_path)
}

/// Writes the JSON report and prints the human summary.
fn write_report(report: &crawler::report::CrawlReport, path: &std::path::Path) -> Result<()> {
    report
        .write_json(path)
        .with_context(|| format!("cannot write the report to {}", path.display()))?;
    print!("{report}");
    println!("  report: {}", path.display());
    Ok(())
}

async fn schedule(args: ScheduleArgs) -> Result<()> {
    let jobs = crawler::schedule::load_jobs(&args.config)?;
    let summaries =
        crawler::schedule::run_schedule(jobs.clone(), args.max_runs, cli::shutdown_signal()).await;
    for (job, s) in jobs.iter().zip(&summaries) {
        println!(
            "{}: {} runs started, {} finished, {} failed, {} skipped (previous run still going)",
            job.name, s.started, s.succeeded, s.failed, s.skipped
        );
    }
    Ok(())
}

/// `crawler status`: the shared crawl's queue, workers and rates.
fn status(args: StatusArgs) -> Result<()> {
    if !crawler::postgres_state::is_postgres_url(&args.state) {
        anyhow::bail!(
            "--state must be a postgres:// URL (a SQLite crawl reports at its end, in its report file)"
        );
    }
    let s = crawler::postgres_state::status(&args.state)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(());
    }
    let rate = |n: u64, secs: f64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
    let captures: u64 = s.workers.iter().map(|w| w.captures).sum();
    let errors: u64 = s.workers.iter().map(|w| w.errors).sum();
    println!(
        "run {} ({}{}), {:.0} s: {} queued, {} in flight, {} pages fetched, {} hosts",
        s.run,
        s.state,
        s.job
            .as_deref()
            .map(|j| format!(", job {j}"))
            .unwrap_or_default(),
        s.running_secs,
        s.queued,
        s.in_flight,
        s.done,
        s.hosts
    );
    println!(
        "whole crawl: {captures} captures ({:.1}/s), {errors} errors, {} workers",
        rate(captures, s.running_secs),
        s.workers.len()
    );
    println!(
        "{:<16} {:<10} {:>9} {:>10} {:>10} {:>8} {:>12}  machine",
        "worker", "state", "in flight", "captures", "captures/s", "errors", "last seen"
    );
    for w in &s.workers {
        println!(
            "{:<16} {:<10} {:>9} {:>10} {:>10.1} {:>8} {:>10.0} s  {} (pid {})",
            w.name,
            w.state,
            w.in_flight,
            w.captures,
            rate(w.captures, w.running_secs),
            w.errors,
            w.silent_secs,
            w.machine,
            w.pid
        );
    }
    Ok(())
}

fn cdxj(args: CdxjArgs) -> Result<()> {
    let mut failed = 0;
    for file in &args.files {
        let result = if args.stdout {
            warc::cdxj::index_file(file).map(|(lines, errors)| {
                for line in lines {
                    println!("{line}");
                }
                (None, errors)
            })
        } else {
            warc::cdxj::write_index(file).map(|(path, errors)| (Some(path), errors))
        };
        match result {
            Ok((path, errors)) => {
                for e in &errors {
                    eprintln!("warning: {e} (record skipped)");
                }
                if let Some(path) = path {
                    eprintln!("{} -> {}", file.display(), path.display());
                }
            }
            Err(e) => {
                eprintln!("error: cannot index {}: {e}", file.display());
                failed += 1;
            }
        }
    }
    if failed > 0 {
        anyhow::bail!(
            "{failed} of {} files could not be indexed",
            args.files.len()
        );
    }
    Ok(())
}

/// Fixity check; faults are printed one a line on standard output, and any makes the run fail.
fn verify(args: VerifyArgs) -> Result<()> {
    let files = warc::verify::collect_warcs(&args.paths)?;
    if files.is_empty() {
        anyhow::bail!("no WARC file (*.warc.gz, *.warc) under the paths given");
    }
    let total: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    let bar = indicatif::ProgressBar::new(total).with_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} {wide_bar} {eta} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (mut records, mut digests, mut unchecked, mut lines, mut faults) = (0, 0, 0, 0, 0);
    let mut without_cdxj = 0;
    let mut done = 0u64;
    for file in &files {
        let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        bar.set_message(
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        let report = warc::verify::verify_file(file, |offset| bar.set_position(done + offset));
        done += size;
        bar.set_position(done);
        match report {
            Ok(r) => {
                records += r.records;
                digests += r.digests_ok;
                unchecked += r.digests_unchecked;
                lines += r.cdxj_lines;
                without_cdxj += u64::from(!r.has_cdxj);
                for fault in &r.faults {
                    bar.suspend(|| println!("FAULT {fault}"));
                }
                faults += r.faults.len();
            }
            Err(e) => {
                bar.suspend(|| println!("FAULT {}: cannot be read: {e}", file.display()));
                faults += 1;
            }
        }
    }
    bar.finish_and_clear();
    println!(
        "{} WARC files, {records} records, {digests} digests verified, {unchecked} records without a digest to check, {lines} CDXJ lines checked{}: {faults} fault{}",
        files.len(),
        if without_cdxj > 0 {
            format!(" ({without_cdxj} files without a CDXJ index)")
        } else {
            String::new()
        },
        if faults == 1 { "" } else { "s" }
    );
    if faults > 0 {
        anyhow::bail!("{faults} fixity faults found (listed above)");
    }
    Ok(())
}

async fn demo(args: DemoArgs) -> Result<()> {
    let sample = load_sample(&args.dir)?;
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (is it already in use? pass --bind)",
                args.bind
            )
        })?;
    let addr = listener.local_addr()?;
    println!(
        "Serving {} sample sites on http://{addr}",
        sample.sites.len()
    );
    tokio::spawn(serve(listener, Arc::new(sample)));
    let mut config = CrawlConfig::from_file(&args.config)?;
    config.point_at(addr);
    if let Some(out) = args.out {
        config.output.dir = out;
    }
    println!(
        "Crawling {} seeds into {}",
        config.seeds.len(),
        config.output.dir.display()
    );
    let report_path = crawler::schedule::report_path(&config);
    let report = crawler::crawl::run(config, StartMode::Fresh, cli::shutdown_signal()).await?;
    write_report(&report, &report_path)
}

fn load_sample(dir: &std::path::Path) -> Result<SampleSite> {
    SampleSite::load(dir).with_context(|| {
        format!(
            "cannot load the sample site from {} (run from the repository root, or pass --dir)",
            dir.display()
        )
    })
}

async fn serve_sample(args: ServeArgs) -> Result<()> {
    let mut sample = load_sample(&args.dir)?;
    sample.set_version(args.content_version);
    if args.synthetic_hosts > 0 {
        sample.synthetic = Some(sample::synthetic::Synthetic {
            hosts: args.synthetic_hosts,
            pages: args.synthetic_pages,
            fanout: args.synthetic_fanout.max(1),
            latency_ms: args.synthetic_latency_ms,
            large_every: args.synthetic_large_every,
        });
        println!(
            "Also serving {} generated sites of {} pages (www.commune0.bench.example …)",
            args.synthetic_hosts, args.synthetic_pages
        );
    }
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {} (is it already in use?)", args.bind))?;
    let hosts = sample.hosts();
    println!(
        "Serving {} sample sites on http://{}:",
        hosts.len(),
        args.bind
    );
    for h in &hosts {
        println!("  http://{h}/");
    }
    println!(
        "Crawl them with: cargo run -p veille-crawler -- crawl --config data/crawls/sample.toml"
    );
    serve(listener, Arc::new(sample)).await?;
    Ok(())
}
