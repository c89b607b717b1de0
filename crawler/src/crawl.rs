//! The crawl loop: claims URLs from the frontier, fetches them politely, archives each
//! exchange (as a revisit when it repeats an earlier capture), and queues what it discovers.
//! The state lives on disk (SQLite), or in PostgreSQL shared by named workers: a killed
//! crawl resumes where it stopped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::task::JoinSet;
use tokio::time::Instant;
use url::Url;

use crate::capture::{RevisitProfile, exchange_records, revisit_records, unlinked_record};
use crate::config::CrawlConfig;
use crate::fetch::{Exchange, FetchError, FetchErrorKind, Fetcher, FetcherConfig};
use crate::frontier::{Candidate, Claim, Frontier, SHARED_POLL, host_key};
use crate::postgres_state::PostgresStore;
use crate::report::CrawlReport;
use crate::robots::RobotsRules;
use crate::scope::{OutOfScope, Scope};
use crate::state::{
    CaptureInfo, CrawlTotals, HostRobots, SqliteStore, StateError, StateStore, SweepTurn,
};
use warc::http::{decode_content_encoding, parse_response_head};
use warc::{WarcReader, WarcWriter, WriterConfig, sha1_digest};
use web::canonical::canonicalize;
use web::discover::{self, DocKind, Links};

/// Errors that stop a crawl before or during its run.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// A scope regex does not compile.
    #[error("scope pattern does not compile: {0}")]
    Scope(#[from] regex::Error),
    /// The HTTP client could not be built.
    #[error("HTTP client: {0}")]
    Client(#[from] FetchError),
    /// The crawl state could not be read or written.
    #[error(transparent)]
    State(#[from] StateError),
    /// Another crawl holds the state or output directory.
    #[error(transparent)]
    Locked(#[from] crate::lock::LockError),
    /// Writing WARC files or the report failed (disk full, permissions…).
    #[error("cannot write to {path}: {source}")]
    Output {
        /// The path written.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// How a run treats the state directory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StartMode {
    /// Resume an unfinished crawl if there is one, else start a new one (a recrawl).
    #[default]
    ResumeOrStart,
    /// Start a new crawl even if one is unfinished (the capture history is kept).
    Fresh,
}

/// How many robots.txt redirects are followed (RFC 9309 asks for at least five).
const ROBOTS_MAX_REDIRECTS: u32 = 5;

/// What a fetch task hands back to the loop.
struct Outcome {
    host: String,
    candidate: Candidate,
    previous: Option<CaptureInfo>,
    /// Whether the end-of-crawl check queued the URL (nothing links to it any more).
    unlinked: bool,
    result: Result<Exchange, FetchError>,
    links: Links,
    robots: Option<RobotsRules>,
    parse_error: Option<String>,
}

fn secs(s: f64) -> Duration {
    Duration::try_from_secs_f64(s.max(0.0)).unwrap_or(Duration::from_secs(86_400))
}

/// The wait before retry number `attempt + 1`: a Retry-After (capped) when the server gave
/// one with a 429 or 503, else `backoff` doubling with each attempt (capped the same way).
pub fn retry_wait(
    status: Option<u16>,
    retry_after: Option<&str>,
    attempt: u32,
    backoff: f64,
    cap: f64,
) -> Duration {
    let cap = secs(cap);
    let from_header = retry_after
        .filter(|_| matches!(status, Some(429 | 503)))
        .and_then(parse_retry_after);
    from_header
        .unwrap_or_else(|| secs(backoff * f64::from(1u32 << attempt.min(16))))
        .min(cap)
}

/// Parses a Retry-After value (seconds or an HTTP date) into a wait.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(s) = value.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = date.with_timezone(&Utc) - Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// Runs a crawl until its frontier is empty or `shutdown` completes; in-flight fetches are
/// finished and archived, and the WARC file is closed cleanly either way. An unfinished crawl
/// in the state directory is resumed (unless `mode` is [`StartMode::Fresh`]).
pub async fn run(
    config: CrawlConfig,
    mode: StartMode,
    shutdown: impl Future<Output = ()>,
) -> Result<CrawlReport, CrawlError> {
    let resolve = config.validate()?;
    let scope = Scope::new(&config)?;
    let fetch = &config.fetch;
    let fetcher = Fetcher::new(FetcherConfig {
        user_agent: fetch.user_agent.clone(),
        connect_timeout: secs(fetch.connect_timeout),
        read_timeout: secs(fetch.read_timeout),
        total_timeout: secs(fetch.total_timeout),
        min_rate: fetch.min_rate,
        allow_private: fetch.allow_private,
        min_rate_window: secs(fetch.min_rate_window),
        max_body_bytes: fetch.max_body_bytes,
        resolve,
    })?;
    let archive_root = config.output.dir.clone();
    let output_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CrawlError::Output { path, source }
    };
    // The state: SQLite in the state directory (one crawl process), or PostgreSQL shared by
    // named workers, each writing its WARC files into its own directory.
    let mut shared_store = None;
    let worker = match config.postgres_state() {
        Some(url) => {
            let worker = config.worker_name();
            let lease = secs(config.host_lease());
            let delay = secs(config.fetch.delay);
            match PostgresStore::open(url, &worker, lease, delay, config.run_key.clone())? {
                Ok(store) => shared_store = Some(store),
                Err(busy) => {
                    return Err(CrawlError::Locked(crate::lock::LockError::Worker {
                        worker,
                        holder: busy.holder,
                    }));
                }
            }
            Some(worker)
        }
        None => None,
    };
    let out_dir = match &worker {
        Some(name) => archive_root.join(name),
        None => archive_root.clone(),
    };
    std::fs::create_dir_all(&out_dir).map_err(output_err(&out_dir))?;
    // One crawl at a time on an output and a state directory: another one running there is
    // left alone (nothing repaired, resumed or written), and this one stops.
    let _out_lock = crate::lock::DirLock::acquire(&out_dir)?;
    let state_dir = config.state_dir();
    let (store, _state_lock): (Box<dyn StateStore>, _) = match shared_store {
        Some(store) => (Box::new(store), None),
        None => {
            let same_dir = std::fs::canonicalize(&state_dir).ok()
                == std::fs::canonicalize(&out_dir).ok()
                && state_dir.exists();
            let lock = if same_dir {
                None
            } else {
                Some(crate::lock::DirLock::acquire(&state_dir)?)
            };
            (Box::new(SqliteStore::open(&state_dir)?), lock)
        }
    };

    let mut report = CrawlReport {
        name: config.name.clone(),
        started: Utc::now().to_rfc3339(),
        worker: worker.clone(),
        ..CrawlReport::default()
    };

    // WARC files left open by a killed crawl: cut the half-written tail, close, index.
    for repaired in warc::repair::repair_dir(&out_dir).map_err(output_err(&out_dir))? {
        match &repaired.path {
            Some(path) => {
                tracing::warn!(
                    file = %path.display(),
                    "repaired a WARC file left open: {} complete records kept, {} bytes cut",
                    repaired.records,
                    repaired.cut_bytes
                );
                index_file(path.clone());
                report.repaired_files.push(path.display().to_string());
            }
            None => tracing::warn!("removed a WARC file left open with no complete record"),
        }
    }

    let mut store = store;
    let resuming = match store.begin(mode == StartMode::Fresh)? {
        Some(in_flight) => {
            match &worker {
                Some(name) => tracing::info!(
                    worker = name,
                    "joining the crawl's run ({in_flight} URLs this worker had in flight are fetched again)"
                ),
                None => tracing::warn!(
                    "resuming the unfinished crawl in {} ({in_flight} URLs were in flight and are fetched again; use --fresh to start over)",
                    state_dir.display()
                ),
            }
            true
        }
        None => false,
    };
    report.resumed = resuming;
    let frontier = Frontier::new(store, secs(config.fetch.delay));

    let mut warcinfo = vec![
        (
            "software".to_string(),
            format!("Veille/{} crawler", env!("CARGO_PKG_VERSION")),
        ),
        ("format".into(), "WARC File Format 1.1".into()),
        (
            "conformsTo".into(),
            "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
                .into(),
        ),
        ("isPartOf".into(), config.name.clone()),
        ("robots".into(), "obey".into()),
        ("http-header-user-agent".into(), fetch.user_agent.clone()),
    ];
    for seed in &config.seeds {
        let mut v = seed.url.clone();
        if let Some(insee) = &seed.insee {
            v.push_str(&format!(" insee={insee}"));
        }
        if let Some(commune) = &seed.commune {
            v.push_str(&format!(" commune={}", commune.replace(' ', "_")));
        }
        warcinfo.push(("veille-seed".into(), v));
    }
    if let Some(name) = &worker {
        warcinfo.push(("veille-worker".into(), name.clone()));
    }
    let mut writer = WarcWriter::new(WriterConfig {
        dir: out_dir.clone(),
        prefix: match &worker {
            Some(name) => format!("{}-{name}", config.output.prefix),
            None => config.output.prefix.clone(),
        },
        max_file_bytes: config.output.max_warc_bytes,
        warcinfo,
    })
    .map_err(output_err(&out_dir))?
    .with_cdxj();

    let mut crawl = Crawl {
        config: &config,
        scope,
        frontier,
        report,
        pages_started: 0,
        warc_subdir: worker.clone(),
        marked_troubled: HashSet::new(),
        totals: None,
    };
    let shared = crawl.frontier.is_shared();
    // A shared store schedules hosts itself and gives robots rules host by host, as they
    // are claimed: a worker joining a crawl of 25,000 hosts loads none of them.
    if resuming && !shared {
        crawl.frontier.load_hosts()?;
        for saved in crawl.frontier.store().robots()? {
            let rules = robots_from_saved(&saved, &config.fetch.user_agent);
            crawl.set_robots(&saved.host, rules);
        }
    }
    // A worker joining a shared crawl queues the seeds too (they are seen if the worker
    // that started it got to them).
    if !resuming || shared {
        for seed in &config.seeds {
            if let Some(url) = Url::parse(&seed.url).ok().and_then(|u| canonicalize(&u)) {
                crawl.enqueue(url, 0, 0)?;
            }
        }
    }
    crawl.frontier.store().commit()?;

    let progress = progress_bar();
    let plain_progress = !std::io::stderr().is_terminal();
    let mut last_progress_line = Instant::now();
    let started = Instant::now();
    let mut tasks: JoinSet<Outcome> = JoinSet::new();
    let mut task_hosts: HashMap<tokio::task::Id, (String, Candidate)> = HashMap::new();
    let mut stopping = false;
    let mut budget_spent = false;
    let mut swept = false;
    let mut last_heartbeat = Instant::now();
    let parsers = Arc::new(tokio::sync::Semaphore::new(
        std::thread::available_parallelism().map_or(2, |n| n.get()),
    ));
    tokio::pin!(shutdown);

    loop {
        let mut wake_at = None;
        while !stopping && tasks.len() < config.fetch.concurrency {
            match crawl.frontier.claim(Instant::now())? {
                Claim::Ready(host, candidate) => {
                    if shared {
                        crawl.load_shared_robots(&host)?;
                    }
                    if !crawl.admit(&host, &candidate)? {
                        crawl.frontier.release_unused(&host)?;
                        continue;
                    }
                    if !candidate.robots && !crawl.take_page()? {
                        tracing::warn!(
                            "page budget of {} reached; stopping",
                            config.scope.max_pages
                        );
                        // Back to the queue, for a later run with a budget left.
                        crawl.frontier.push_to_host(&host, &candidate, true)?;
                        crawl.frontier.release_unused(&host)?;
                        stopping = true;
                        budget_spent = true;
                        break;
                    }
                    let (previous, unlinked) = if candidate.robots {
                        (None, false)
                    } else {
                        // An earlier capture whose WARC file is gone cannot be repeated
                        // (revisit) nor followed (304): fetch and archive the page in full.
                        let (previous, swept) =
                            crawl.frontier.store().recall(candidate.url.as_str())?;
                        (
                            previous.filter(|p| archive_root.join(&p.warc).is_file()),
                            swept,
                        )
                    };
                    let handle = tasks.spawn(fetch_task(
                        fetcher.clone(),
                        host.clone(),
                        candidate.clone(),
                        previous,
                        unlinked,
                        archive_root.clone(),
                        parsers.clone(),
                    ));
                    task_hosts.insert(handle.id(), (host, candidate));
                }
                Claim::WaitUntil(t) => {
                    wake_at = Some(t);
                    break;
                }
                Claim::Idle => break,
            }
        }
        crawl.frontier.store().commit()?;
        if tasks.is_empty() && (stopping || wake_at.is_none()) {
            // Everything linked is fetched: fetch once more what earlier crawls captured and
            // nothing links to now, to tell a page gone (404, 410, redirect) from one only
            // unlinked. Not after an interrupted or budget-cut crawl: what it did not reach
            // is not known to be unlinked. With shared state one worker does it, once the
            // whole crawl is idle.
            if stopping {
                break;
            }
            let turn = if shared {
                crawl
                    .frontier
                    .store()
                    .shared()
                    .map_or(Ok(SweepTurn::Done), |s| s.take_sweep())?
            } else if swept {
                SweepTurn::Done
            } else {
                SweepTurn::Mine
            };
            match turn {
                SweepTurn::Mine => {
                    swept = true;
                    let queued = crawl.sweep()?;
                    if let Some(s) = crawl.frontier.store().shared() {
                        s.sweep_done()?;
                        continue;
                    }
                    if queued > 0 {
                        continue;
                    }
                    break;
                }
                SweepTurn::Running => wake_at = Some(Instant::now() + SHARED_POLL),
                SweepTurn::Done => break,
            }
        }
        let sleep = tokio::time::sleep_until(
            wake_at.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600)),
        );
        tokio::select! {
            Some(joined) = tasks.join_next_with_id() => match joined {
                Ok((id, outcome)) => {
                    task_hosts.remove(&id);
                    crawl.handle(outcome, &mut writer)?;
                    crawl.frontier.store().commit()?;
                }
                Err(e) => {
                    // A task that panicked: count the error, and give its URL back to the
                    // queue (a panic is a bug, not the page's fault) unless retries ran out.
                    if let Some((host, mut candidate)) = task_hosts.remove(&e.id()) {
                        tracing::error!(host, url = %candidate.url, "a fetch task failed: {e}");
                        crawl.report.error(&host, FetchErrorKind::Other);
                        if candidate.attempt < config.fetch.retries {
                            candidate.attempt += 1;
                            crawl.frontier.push_to_host(&host, &candidate, false)?;
                        } else {
                            crawl.frontier.store().complete(candidate.url.as_str(), false)?;
                        }
                        crawl.frontier.release(&host, secs(config.fetch.delay))?;
                    }
                }
            },
            _ = sleep, if wake_at.is_some() => {}
            _ = &mut shutdown, if !stopping => {
                tracing::warn!("interrupted: finishing {} fetches in flight, then closing the WARC file", tasks.len());
                stopping = true;
                crawl.report.interrupted = true;
            }
        }
        let elapsed = started.elapsed().as_secs_f64().max(0.001);
        if shared && last_heartbeat.elapsed() >= Duration::from_secs(1) {
            // Heartbeat: counts for `crawler status`, and the leases of the hosts this worker
            // is fetching from renewed, so that no other worker takes them while it lives.
            let busy: Vec<String> = task_hosts.values().map(|(h, _)| h.clone()).collect();
            if let Some(s) = crawl.frontier.store().shared() {
                s.renew_leases(&busy)?;
            }
            crawl.publish_progress()?;
            last_heartbeat = Instant::now();
        }
        let ours = format!(
            "{} captures ({:.1}/s), {} in flight, {} errors",
            crawl.report.captures,
            crawl.report.captures as f64 / elapsed,
            tasks.len(),
            crawl.report.error_count()
        );
        let line = match &crawl.totals {
            Some(t) => format!(
                "this worker: {ours}; whole crawl: {} captures by {} workers, {} queued, {} in flight",
                t.captures, t.workers, t.queued, t.in_flight
            ),
            None => format!("{ours}, {} queued", crawl.frontier.queued()),
        };
        if plain_progress {
            if last_progress_line.elapsed() >= Duration::from_secs(10) {
                tracing::info!("progress: {line}");
                last_progress_line = Instant::now();
            }
        } else {
            progress.set_message(line);
            progress.tick();
        }
    }
    progress.finish_and_clear();

    writer.close().map_err(output_err(&out_dir))?;
    if !crawl.report.interrupted || budget_spent {
        crawl.frontier.store().finish()?;
    }
    if shared {
        crawl.publish_progress()?;
        if let Some(s) = crawl.frontier.store().shared() {
            crawl.report.workers = s.stop_worker()?;
        }
    }
    let mut report = crawl.report;
    report.warc_files = writer
        .closed_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    report.finished = Utc::now().to_rfc3339();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn robots_from_saved(saved: &HostRobots, user_agent: &str) -> RobotsRules {
    match (saved.status, &saved.error) {
        (Some(status), _) => RobotsRules::from_response(status, &saved.body, user_agent),
        (None, Some(error)) => RobotsRules::unreachable(error),
        (None, None) => RobotsRules::AllowAll,
    }
}

/// Writes the CDXJ index of a repaired WARC file (reading it).
fn index_file(path: PathBuf) {
    match warc::cdxj::write_index(&path) {
        Ok((index, errors)) => {
            tracing::info!(index = %index.display(), "wrote CDXJ index");
            for e in errors {
                tracing::warn!("{e}");
            }
        }
        Err(e) => tracing::error!(file = %path.display(), "cannot write CDXJ index: {e}"),
    }
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

async fn fetch_task(
    fetcher: Fetcher,
    host: String,
    candidate: Candidate,
    previous: Option<CaptureInfo>,
    unlinked: bool,
    out_dir: PathBuf,
    parsers: Arc<tokio::sync::Semaphore>,
) -> Outcome {
    let mut extra = Vec::new();
    if let Some(prev) = &previous {
        if let Some(etag) = &prev.etag {
            extra.push(("If-None-Match".to_string(), etag.clone()));
        }
        if let Some(lm) = &prev.last_modified {
            extra.push(("If-Modified-Since".to_string(), lm.clone()));
        }
    }
    let result = fetcher.fetch(&candidate.url, &extra).await;
    let is_robots = candidate.robots;
    let ua = fetcher.user_agent().to_string();
    let (links, robots, parse_error) = match &result {
        Ok(ex) => {
            let ex = ex.clone();
            let previous = previous.clone();
            // As many pages parsed at once as there are cores: hundreds of fetches ending
            // together would otherwise each get a blocking thread (and, with glibc's malloc
            // then, an arena), which took a worker's RSS from 60 MB to 800 MB when its loop
            // fell behind.
            let _permit = parsers.acquire().await.ok();
            tokio::task::spawn_blocking(move || {
                if is_robots {
                    (Links::default(), Some(robots_rules(&ex, &ua)), None)
                } else if (200..300).contains(&ex.status) {
                    let (links, err) = discover_links(
                        &ex.url,
                        ex.header("content-type"),
                        ex.header("content-encoding"),
                        &ex.body,
                    );
                    (links, None, err)
                } else if ex.status == 304 {
                    // Not modified: follow the links of the capture it repeats.
                    let (links, err) = previous
                        .map(|p| links_of_capture(&out_dir, &p))
                        .unwrap_or_default();
                    (links, None, err)
                } else {
                    (Links::default(), None, None)
                }
            })
            .await
            .unwrap_or_else(|e| (Links::default(), None, Some(format!("parsing failed: {e}"))))
        }
        Err(_) => (Links::default(), None, None),
    };
    Outcome {
        host,
        candidate,
        previous,
        unlinked,
        result,
        links,
        robots,
        parse_error,
    }
}

/// robots.txt rules from a response (a cut or rate-limited answer counts as unreachable).
fn robots_rules(ex: &Exchange, user_agent: &str) -> RobotsRules {
    if let Some("time" | "disconnect") = ex.truncated {
        return RobotsRules::unreachable("robots.txt transfer broke off");
    }
    if ex.status == 429 {
        return RobotsRules::unreachable("robots.txt answered 429 Too Many Requests");
    }
    let body = decode_content_encoding(ex.header("content-encoding"), &ex.body);
    RobotsRules::from_response(ex.status, &body, user_agent)
}

/// Links of the response record an earlier capture points to.
fn links_of_capture(out_dir: &Path, capture: &CaptureInfo) -> (Links, Option<String>) {
    let path = out_dir.join(&capture.warc);
    let read = (|| {
        let mut reader = WarcReader::open(&path).ok()?;
        reader.seek_to(capture.offset).ok()?;
        reader.next()?.ok()
    })();
    let Some(read) = read else {
        return (
            Links::default(),
            Some(format!(
                "earlier capture not readable at {}:{}",
                path.display(),
                capture.offset
            )),
        );
    };
    let Ok(head) = parse_response_head(&read.record.block) else {
        return (
            Links::default(),
            Some("earlier capture has no HTTP head".into()),
        );
    };
    let body = &read.record.block[head.body_offset.min(read.record.block.len())..];
    let Ok(url) = Url::parse(&capture.url) else {
        return (Links::default(), None);
    };
    discover_links(
        &url,
        head.header("content-type"),
        head.header("content-encoding"),
        body,
    )
}

/// Links found in a payload, by document kind.
fn discover_links(
    url: &Url,
    content_type: Option<&str>,
    content_encoding: Option<&str>,
    body: &[u8],
) -> (Links, Option<String>) {
    let body = decode_content_encoding(content_encoding, body);
    // A gzipped sitemap served as application/gzip: look inside before classifying.
    let body = if body.starts_with(&[0x1f, 0x8b]) {
        decode_content_encoding(Some("gzip"), &body)
            .into_owned()
            .into()
    } else {
        body
    };
    match discover::classify(content_type, &body) {
        DocKind::Html => (discover::html_links(url, &body, content_type), None),
        DocKind::Sitemap => match discover::sitemap_links(url, &body) {
            Ok(links) => (links, None),
            Err(e) => (Links::default(), Some(e)),
        },
        DocKind::Feed => match discover::feed_links(url, &body) {
            Ok(links) => (links, None),
            Err(e) => (Links::default(), Some(e)),
        },
        DocKind::Other => (Links::default(), None),
    }
}

/// Whether a crawl met errors on a host (no answer, 5xx, 429): a page that failed hid its
/// links, and what it linked to is not known to be unlinked.
fn troubled(h: &crate::report::HostReport) -> bool {
    h.errors.values().sum::<u64>() > 0 || h.by_status.keys().any(|s| *s >= 500 || *s == 429)
}

struct Crawl<'a> {
    config: &'a CrawlConfig,
    scope: Scope,
    frontier: Frontier,
    report: CrawlReport,
    /// Page fetches started (robots.txt not counted), against the page budget.
    pages_started: u64,
    /// This worker's directory under `archive_root`, with a shared state.
    warc_subdir: Option<String>,
    /// Hosts this worker has reported troubled to the shared state.
    marked_troubled: HashSet<String>,
    /// The whole crawl's counts, as the shared state last gave them.
    totals: Option<CrawlTotals>,
}

impl Crawl<'_> {
    /// Counts a page fetch against the page budget (the whole crawl's, with a shared
    /// state); `false` once it is spent.
    fn take_page(&mut self) -> Result<bool, StateError> {
        let budget = self.config.scope.max_pages;
        if let Some(shared) = self.frontier.store().shared() {
            return shared.take_page(budget);
        }
        if self.pages_started >= budget {
            return Ok(false);
        }
        self.pages_started += 1;
        Ok(true)
    }

    /// Takes the robots rules another worker saved for a host this worker has not fetched.
    fn load_shared_robots(&mut self, host: &str) -> Result<(), StateError> {
        if self.frontier.host(host).is_some_and(|h| h.robots.is_some()) {
            return Ok(());
        }
        let saved = match self.frontier.store().shared() {
            Some(shared) => shared.robots_of(host)?,
            None => None,
        };
        if let Some(saved) = saved {
            let rules = robots_from_saved(&saved, &self.config.fetch.user_agent);
            self.set_robots(host, rules);
        }
        Ok(())
    }

    /// Publishes this worker's counts to the shared state and keeps the whole crawl's.
    fn publish_progress(&mut self) -> Result<(), StateError> {
        let (captures, errors, bytes) = (
            self.report.captures,
            self.report.error_count(),
            self.report.bytes,
        );
        if let Some(shared) = self.frontier.store().shared() {
            self.totals = Some(shared.report_progress(captures, errors, bytes)?);
        }
        Ok(())
    }

    /// Tells the shared state once that this worker met errors on a host.
    fn share_trouble(&mut self, host: &str) -> Result<(), StateError> {
        if self.marked_troubled.contains(host) || !self.report.hosts.get(host).is_some_and(troubled)
        {
            return Ok(());
        }
        if let Some(shared) = self.frontier.store().shared() {
            shared.mark_troubled(host)?;
            self.marked_troubled.insert(host.to_string());
        }
        Ok(())
    }

    /// Queues a URL if in scope and not seen (returns whether it was queued); a first URL on
    /// a host queues its robots.txt.
    fn enqueue(&mut self, url: Url, depth: u32, hops: u32) -> Result<bool, StateError> {
        if self.frontier.is_seen(&url)? {
            return Ok(false);
        }
        self.enqueue_unseen(url, depth, hops)
    }

    /// [`Crawl::enqueue`] for a URL known to be unseen a moment ago (the store's insert still
    /// refuses a URL queued since).
    fn enqueue_unseen(&mut self, url: Url, depth: u32, hops: u32) -> Result<bool, StateError> {
        let mut verdict = self.scope.check(&url, depth);
        if verdict.is_ok() && hops > self.config.scope.max_redirects {
            verdict = Err(OutOfScope::TooManyRedirects);
        }
        if verdict.is_ok()
            && self.frontier.count_query_variant(&url)? > self.config.scope.max_query_variants
        {
            verdict = Err(OutOfScope::Trap);
        }
        if let Err(reason) = verdict {
            let name = serde_json::to_string(&reason).unwrap_or_default();
            if self
                .frontier
                .store()
                .mark_out_of_scope(url.as_str(), &name)?
            {
                *self.report.out_of_scope.entry(reason).or_default() += 1;
                tracing::debug!(%url, ?reason, "out of scope");
            }
            return Ok(false);
        }
        let key = host_key(&url);
        if let Ok(robots_url) = url.join("/robots.txt") {
            self.frontier.add_host(
                &key,
                &Candidate {
                    url: robots_url,
                    depth: 0,
                    hops: 0,
                    attempt: 0,
                    robots: true,
                },
            )?;
        }
        self.frontier.push(
            &Candidate {
                url,
                depth,
                hops,
                attempt: 0,
                robots: false,
            },
            false,
        )
    }

    /// Queues the URLs of earlier crawls that nothing of this one linked to; returns how many.
    /// A host where this crawl met errors (no answer, 5xx, 429) is left out: a page that failed
    /// hid its links, and what it linked to is not known to be unlinked.
    fn sweep(&mut self) -> Result<usize, StateError> {
        let known = self.frontier.store().sweep_known()?;
        let mut queued = 0;
        let mut left: BTreeMap<String, u64> = BTreeMap::new();
        for url in known.iter().filter_map(|u| Url::parse(u).ok()) {
            let host = host_key(&url);
            let elsewhere = match self.frontier.store().shared() {
                Some(shared) => shared.is_troubled(&host)?,
                None => false,
            };
            if elsewhere || self.report.hosts.get(&host).is_some_and(troubled) {
                *left.entry(host).or_default() += 1;
                continue;
            }
            queued += usize::from(self.enqueue(url, 0, 0)?);
        }
        for (host, n) in left {
            tracing::warn!(
                host,
                "{n} URLs of earlier crawls not linked any more left unchecked: this crawl met errors on the host"
            );
        }
        self.frontier.store().commit()?;
        if queued > 0 {
            tracing::info!("{queued} URLs of earlier crawls no longer linked: fetched once more");
        }
        Ok(queued)
    }

    /// Whether a claimed candidate may be fetched now (robots rules, host budget); a refused
    /// one is marked skipped.
    fn admit(&mut self, host: &str, c: &Candidate) -> Result<bool, StateError> {
        if c.robots {
            return Ok(true);
        }
        let cap = self.config.scope.max_pages_per_host;
        let Some(state) = self.frontier.host(host) else {
            return Ok(true);
        };
        let refused = if state
            .robots
            .as_ref()
            .is_some_and(|r| !r.allowed(c.url.as_str()))
        {
            tracing::debug!(url = %c.url, "disallowed by robots.txt");
            self.report.robots_excluded(host);
            true
        } else if state.fetched >= cap {
            *self
                .report
                .out_of_scope
                .entry(OutOfScope::HostBudget)
                .or_default() += 1;
            true
        } else {
            false
        };
        if refused {
            self.frontier.store().complete(c.url.as_str(), false)?;
        }
        Ok(!refused)
    }

    /// Archives a fetch result and queues what it leads to.
    fn handle(&mut self, o: Outcome, writer: &mut WarcWriter) -> Result<(), CrawlError> {
        let fetch = &self.config.fetch;
        let host = o.host.clone();
        let c = o.candidate;
        let base_wait = self
            .frontier
            .host(&host)
            .map_or(secs(fetch.delay), |h| h.delay);
        let ex = match o.result {
            Err(e) => {
                if e.kind.is_transient() && c.attempt < fetch.retries {
                    let wait = retry_wait(
                        None,
                        None,
                        c.attempt,
                        fetch.retry_backoff,
                        fetch.max_retry_after,
                    );
                    tracing::info!(url = %c.url, "retrying after {:?}: {}", e.kind, e.message);
                    self.report.retries += 1;
                    self.retry(&host, c, wait.max(base_wait))?;
                    return Ok(());
                }
                tracing::warn!(url = %c.url, kind = ?e.kind, "fetch failed: {}", e.message);
                self.report
                    .failure(&host, c.url.as_str(), e.kind, &e.message);
                if c.robots {
                    self.save_and_set_robots(&host, None, Vec::new(), Some(e.message.clone()))?;
                }
                self.frontier.store().complete(c.url.as_str(), false)?;
                self.share_trouble(&host)?;
                self.frontier.release(&host, base_wait)?;
                return Ok(());
            }
            Ok(ex) => ex,
        };
        let status = ex.status;
        let server_wait = matches!(status, 429 | 503)
            .then(|| ex.header("retry-after"))
            .flatten()
            .map(|v| retry_wait(Some(status), Some(v), c.attempt, 0.0, fetch.max_retry_after));
        if (status == 429 || status >= 500) && c.attempt < fetch.retries {
            let wait = retry_wait(
                Some(status),
                ex.header("retry-after"),
                c.attempt,
                fetch.retry_backoff,
                fetch.max_retry_after,
            );
            tracing::info!(url = %c.url, status, "retrying in {:.1} s", wait.as_secs_f64());
            self.report.retries += 1;
            self.retry(&host, c, wait.max(base_wait))?;
            return Ok(());
        }

        // Archive: in full, or as a revisit of the earlier capture it repeats.
        let digest = sha1_digest(&ex.body);
        let revisit = match &o.previous {
            Some(p) if status == 304 => Some((p, RevisitProfile::ServerNotModified)),
            Some(p)
                if (200..300).contains(&status) && ex.truncated.is_none() && p.digest == digest =>
            {
                Some((p, RevisitProfile::IdenticalPayloadDigest))
            }
            _ => None,
        };
        let out_dir = self.config.output.dir.clone();
        let warc_subdir = self.warc_subdir.clone();
        let unlinked = !c.robots && o.unlinked;
        let written = writer
            .write_group(|warcinfo_id| {
                let mut records = match revisit {
                    Some((prev, profile)) => revisit_records(&ex, prev, profile, warcinfo_id),
                    None => exchange_records(&ex, warcinfo_id),
                };
                if unlinked && let Some(first) = records.first() {
                    let about = unlinked_record(first, warcinfo_id);
                    records.push(about);
                }
                records
            })
            .map_err(|source| CrawlError::Output {
                path: out_dir,
                source,
            })?;
        self.report
            .capture(&host, status, ex.body.len(), ex.truncated.is_some());
        if !c.robots {
            let same = o.previous.as_ref().is_some_and(|p| p.digest == digest);
            match (&o.previous, revisit.is_some() || same, status) {
                (Some(_), true, 200..=299 | 304) => self.report.unchanged += 1,
                (None, _, 200..=299) => self.report.new += 1,
                (Some(_), false, 200..=299) => self.report.changed += 1,
                (Some(_), _, 404 | 410) => self.report.gone += 1,
                (Some(_), _, 300..=399) => self.report.redirected += 1,
                _ => {}
            }
            if unlinked && matches!(status, 200..=299 | 304) {
                self.report.unlinked += 1;
            }
        }
        // Full 2xx captures are the references of later revisits (a truncated one too: a
        // revisit is only written for a complete payload, so it never points at less).
        let mut reference = None;
        if revisit.is_none()
            && (200..300).contains(&status)
            && let Some(response) = written.first()
        {
            reference = Some(CaptureInfo {
                url: ex.url.to_string(),
                date: warc::record::warc_date(ex.date),
                status,
                digest: digest.clone(),
                etag: ex.header("etag").map(str::to_string),
                last_modified: ex.header("last-modified").map(str::to_string),
                record_id: response.id.clone(),
                warc: match &warc_subdir {
                    Some(dir) => format!("{dir}/{}", response.filename),
                    None => response.filename.clone(),
                },
                offset: response.offset,
            });
        }
        if ex.truncated == Some("length") {
            tracing::warn!(url = %c.url, "body larger than {} bytes: archived truncated", fetch.max_body_bytes);
        }
        tracing::debug!(url = %c.url, status, bytes = ex.body.len(), "archived");
        if let Some(e) = &o.parse_error {
            tracing::warn!(url = %c.url, "{e}");
            self.report.unparsable_documents += 1;
        }

        let location = if (300..400).contains(&status) {
            match ex.header("location") {
                Some(l) => {
                    let target = ex.url.join(l.trim()).ok().and_then(|u| canonicalize(&u));
                    if target.is_none() {
                        tracing::warn!(url = %c.url, location = l, "unusable redirect Location");
                        self.report.bad_redirects += 1;
                    }
                    target
                }
                None => {
                    let raw = ex
                        .headers
                        .iter()
                        .any(|(n, _)| n.eq_ignore_ascii_case("location"));
                    if raw {
                        tracing::warn!(url = %c.url, "redirect Location is not valid text");
                        self.report.bad_redirects += 1;
                    }
                    None
                }
            }
        } else {
            None
        };

        if c.robots {
            if let Some(target) = location.filter(|_| c.hops < ROBOTS_MAX_REDIRECTS) {
                let mut next = c.clone();
                next.url = target;
                next.hops += 1;
                next.attempt = 0;
                self.frontier.push_to_host(&host, &next, true)?;
            } else {
                let body =
                    decode_content_encoding(ex.header("content-encoding"), &ex.body).into_owned();
                let rules = o.robots.unwrap_or(RobotsRules::AllowAll);
                let (saved_status, saved_error) = match &rules {
                    RobotsRules::DisallowAll { reason } if status < 500 => {
                        (None, Some(reason.clone()))
                    }
                    _ if (300..400).contains(&status) => (Some(404), None),
                    _ => (Some(status), None),
                };
                let sitemaps: Vec<Url> = rules
                    .sitemaps()
                    .iter()
                    .filter_map(|s| ex.url.join(s.trim()).ok().and_then(|u| canonicalize(&u)))
                    .collect();
                self.save_and_set_robots(&host, saved_status, body, saved_error)?;
                for sitemap in sitemaps {
                    self.enqueue(sitemap, 0, 0)?;
                }
            }
        } else {
            if let Some(state) = self.frontier.host_mut(&host) {
                state.fetched += 1;
            }
            if let Some(target) = location {
                if unlinked && !self.frontier.is_seen(&target)? {
                    // Where a page nothing links to redirects is not linked either.
                    self.frontier.store().mark_swept(target.as_str())?;
                }
                self.enqueue(target, c.depth, c.hops + 1)?;
            }
            for href in &o.links.malformed {
                tracing::info!(page = %c.url, href, "malformed link skipped");
            }
            self.report.malformed_links += o.links.malformed.len() as u64;
            if o.links.undecodable {
                tracing::info!(page = %c.url, "bytes invalid in the page's charset (decoded with replacements)");
                self.report.undecodable_pages += 1;
            }
            // The links of a page nothing links to any more are not the site's: not followed.
            if !unlinked {
                // One question to the store for the page's links, most of them seen.
                let mut distinct = HashSet::new();
                let links: Vec<Url> = o
                    .links
                    .urls
                    .into_iter()
                    .filter(|u| distinct.insert(u.as_str().to_string()))
                    .collect();
                for link in self.frontier.unseen(links)? {
                    self.enqueue_unseen(link, c.depth + 1, 0)?;
                }
            }
        }
        // Done last: a worker killed before this leaves the URL in flight, fetched again by
        // whoever takes the host, never marked done with its links or robots rules unsaved.
        self.share_trouble(&host)?;
        let wait = self.frontier.host(&host).map_or(base_wait, |h| h.delay);
        self.frontier.complete_and_release(
            &host,
            c.url.as_str(),
            reference.as_ref(),
            server_wait.map_or(wait, |w| w.max(wait)),
        )?;
        Ok(())
    }

    fn retry(&mut self, host: &str, mut c: Candidate, wait: Duration) -> Result<(), StateError> {
        c.attempt += 1;
        self.frontier.push_to_host(host, &c, true)?;
        self.frontier.release(host, wait)?;
        Ok(())
    }

    fn save_and_set_robots(
        &mut self,
        host: &str,
        status: Option<u16>,
        body: Vec<u8>,
        error: Option<String>,
    ) -> Result<(), StateError> {
        let saved = HostRobots {
            host: host.to_string(),
            status,
            body,
            error,
        };
        let rules = robots_from_saved(&saved, &self.config.fetch.user_agent);
        self.frontier.store().save_robots(&saved)?;
        self.set_robots(host, rules);
        Ok(())
    }

    fn set_robots(&mut self, host: &str, rules: RobotsRules) {
        let fetch = &self.config.fetch;
        let delay = rules
            .crawl_delay()
            .map(|d| d.min(fetch.max_crawl_delay))
            .unwrap_or(0.0)
            .max(fetch.delay);
        tracing::info!(host, "robots.txt: {}, delay {delay:.1} s", rules.describe());
        self.report
            .hosts
            .entry(host.to_string())
            .or_default()
            .robots = rules.describe();
        if let Some(state) = self.frontier.host_mut(host) {
            state.delay = secs(delay);
            state.robots = Some(rules);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_waits_follow_retry_after_then_backoff_with_caps() {
        let d = |s: f64| Duration::from_secs_f64(s);
        assert_eq!(retry_wait(Some(429), Some("7"), 0, 0.1, 60.0), d(7.0));
        assert_eq!(
            retry_wait(Some(503), Some("7"), 0, 0.1, 5.0),
            d(5.0),
            "capped"
        );
        assert_eq!(
            retry_wait(Some(500), Some("7"), 0, 0.5, 60.0),
            d(0.5),
            "Retry-After only for 429/503"
        );
        assert_eq!(
            retry_wait(Some(429), Some("bientôt"), 2, 0.5, 60.0),
            d(2.0),
            "unparsable: backoff"
        );
        assert_eq!(
            retry_wait(None, None, 40, 1.0, 30.0),
            d(30.0),
            "no overflow on many attempts"
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
    }
}
