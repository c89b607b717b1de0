//! The crawl loop: claims URLs from the frontier, fetches them politely, archives each
//! exchange, and queues what it discovers.

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use chrono::Utc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::task::JoinSet;
use tokio::time::Instant;
use url::Url;

use crate::canonical::{canonicalize, resolve_link};
use crate::capture::exchange_records;
use crate::config::CrawlConfig;
use crate::discover::{self, DocKind, Links};
use crate::fetch::{Exchange, FetchError, Fetcher, FetcherConfig};
use crate::frontier::{Candidate, Claim, Frontier, host_key};
use crate::report::CrawlReport;
use crate::robots::RobotsRules;
use crate::scope::{OutOfScope, Scope};
use crate::warc::http::decode_content_encoding;
use crate::warc::{WarcWriter, WriterConfig};

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
    /// Writing WARC files or the report failed (disk full, permissions…).
    #[error("cannot write to {path}: {source}")]
    Output {
        /// The path written.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// How many robots.txt redirects are followed (RFC 9309 asks for at least five).
const ROBOTS_MAX_REDIRECTS: u32 = 5;

/// What a fetch task hands back to the loop.
struct Outcome {
    host: String,
    candidate: Candidate,
    result: Result<Exchange, FetchError>,
    links: Links,
    parse_error: Option<String>,
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s.max(0.0))
}

/// Runs a crawl until its frontier is empty or `shutdown` completes; in-flight fetches are
/// finished and archived, and the WARC file is closed cleanly either way.
pub async fn run(
    config: CrawlConfig,
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
        max_body_bytes: fetch.max_body_bytes,
        resolve,
    })?;
    let out_dir = config.output.dir.clone();
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
    let mut writer = WarcWriter::new(WriterConfig {
        dir: out_dir.clone(),
        prefix: config.output.prefix.clone(),
        max_file_bytes: config.output.max_warc_bytes,
        warcinfo,
    })
    .map_err(|source| CrawlError::Output {
        path: out_dir.clone(),
        source,
    })?;

    let mut crawl = Crawl {
        config: &config,
        scope,
        frontier: Frontier::new(secs(config.fetch.delay)),
        report: CrawlReport {
            name: config.name.clone(),
            started: Utc::now().to_rfc3339(),
            ..CrawlReport::default()
        },
        out_of_scope_seen: std::collections::HashSet::new(),
        indexed: 0,
    };
    for seed in &config.seeds {
        if let Some(url) = Url::parse(&seed.url).ok().and_then(|u| canonicalize(&u)) {
            crawl.enqueue(url, 0, 0);
        }
    }

    let progress = progress_bar();
    let started = Instant::now();
    let mut tasks: JoinSet<Outcome> = JoinSet::new();
    let mut stopping = false;
    tokio::pin!(shutdown);

    loop {
        let mut wake_at = None;
        while !stopping && tasks.len() < config.fetch.concurrency {
            match crawl.frontier.claim(Instant::now()) {
                Claim::Ready(host, candidate) => {
                    if !crawl.admit(&host, &candidate) {
                        crawl.frontier.release_unused(&host);
                        continue;
                    }
                    let fetcher = fetcher.clone();
                    tasks.spawn(fetch_task(fetcher, host, candidate));
                }
                Claim::WaitUntil(t) => {
                    wake_at = Some(t);
                    break;
                }
                Claim::Idle => break,
            }
        }
        if tasks.is_empty() && (stopping || wake_at.is_none()) {
            break;
        }
        let sleep = tokio::time::sleep_until(
            wake_at.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600)),
        );
        tokio::select! {
            Some(joined) = tasks.join_next() => match joined {
                Ok(outcome) => crawl.handle(outcome, &mut writer)?,
                Err(e) => tracing::error!("a fetch task failed: {e}"),
            },
            _ = sleep, if wake_at.is_some() => {}
            _ = &mut shutdown, if !stopping => {
                tracing::warn!("interrupted: finishing {} fetches in flight, then closing the WARC file", tasks.len());
                stopping = true;
                crawl.report.interrupted = true;
            }
        }
        if crawl.report.captures >= config.scope.max_pages && !stopping {
            tracing::warn!(
                "page budget of {} reached; stopping",
                config.scope.max_pages
            );
            stopping = true;
        }
        let elapsed = started.elapsed().as_secs_f64().max(0.001);
        progress.set_message(format!(
            "{} captures ({:.1}/s), {} queued, {} in flight, {} errors",
            crawl.report.captures,
            crawl.report.captures as f64 / elapsed,
            crawl.frontier.queued(),
            tasks.len(),
            crawl.report.error_count()
        ));
        progress.tick();
    }
    progress.finish_and_clear();

    writer.close().map_err(|source| CrawlError::Output {
        path: out_dir.clone(),
        source,
    })?;
    index_closed_files(&writer, &mut crawl.indexed);
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

/// Writes the CDXJ index of each WARC file closed since the last call.
fn index_closed_files(writer: &WarcWriter, indexed: &mut usize) {
    for file in &writer.closed_files()[*indexed..] {
        match crate::cdxj::write_index(file) {
            Ok((path, errors)) => {
                tracing::info!(index = %path.display(), "wrote CDXJ index");
                for e in errors {
                    tracing::warn!("{e}");
                }
            }
            Err(e) => tracing::error!(file = %file.display(), "cannot write CDXJ index: {e}"),
        }
    }
    *indexed = writer.closed_files().len();
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{elapsed_precise}] {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

async fn fetch_task(fetcher: Fetcher, host: String, candidate: Candidate) -> Outcome {
    let result = fetcher.fetch(&candidate.url, &[]).await;
    let (links, parse_error) = match &result {
        Ok(ex) if (200..300).contains(&ex.status) && !candidate.robots => {
            let ex = ex.clone();
            tokio::task::spawn_blocking(move || discover_links(&ex))
                .await
                .unwrap_or_else(|e| {
                    (
                        Links::default(),
                        Some(format!("link extraction failed: {e}")),
                    )
                })
        }
        _ => (Links::default(), None),
    };
    Outcome {
        host,
        candidate,
        result,
        links,
        parse_error,
    }
}

/// Links found in a successful response, by document kind.
fn discover_links(ex: &Exchange) -> (Links, Option<String>) {
    let body = decode_content_encoding(ex.header("content-encoding"), &ex.body);
    let content_type = ex.header("content-type");
    match discover::classify(content_type, &body) {
        DocKind::Html => (discover::html_links(&ex.url, &body, content_type), None),
        DocKind::Sitemap => match discover::sitemap_links(&ex.url, &body) {
            Ok(links) => (links, None),
            Err(e) => (Links::default(), Some(e)),
        },
        DocKind::Feed => match discover::feed_links(&ex.url, &body) {
            Ok(links) => (links, None),
            Err(e) => (Links::default(), Some(e)),
        },
        DocKind::Other => (Links::default(), None),
    }
}

/// Parses a Retry-After value (seconds or an HTTP date) into a wait.
fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(s) = value.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = date.with_timezone(&Utc) - Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

struct Crawl<'a> {
    config: &'a CrawlConfig,
    scope: Scope,
    frontier: Frontier,
    report: CrawlReport,
    out_of_scope_seen: std::collections::HashSet<String>,
    /// WARC files closed and indexed so far.
    indexed: usize,
}

impl Crawl<'_> {
    /// Queues a URL if in scope and not seen; a first URL on a host queues its robots.txt.
    fn enqueue(&mut self, url: Url, depth: u32, hops: u32) {
        if self.frontier.is_seen(&url) {
            return;
        }
        let verdict = self.scope.check(&url, depth).and_then(|()| {
            if hops > self.config.scope.max_redirects {
                Err(OutOfScope::TooManyRedirects)
            } else if self.frontier.count_query_variant(&url) > self.config.scope.max_query_variants
            {
                Err(OutOfScope::Trap)
            } else {
                Ok(())
            }
        });
        if let Err(reason) = verdict {
            if self.out_of_scope_seen.insert(url.to_string()) {
                *self.report.out_of_scope.entry(reason).or_default() += 1;
                tracing::debug!(%url, ?reason, "out of scope");
            }
            return;
        }
        let key = host_key(&url);
        if !self.frontier.has_host(&key)
            && let Ok(robots_url) = url.join("/robots.txt")
        {
            self.frontier.push(
                Candidate {
                    url: robots_url,
                    depth,
                    hops: 0,
                    attempt: 0,
                    robots: true,
                },
                true,
            );
        }
        self.frontier.push(
            Candidate {
                url,
                depth,
                hops,
                attempt: 0,
                robots: false,
            },
            false,
        );
    }

    /// Whether a claimed candidate may be fetched now (robots rules, host budget).
    fn admit(&mut self, host: &str, c: &Candidate) -> bool {
        if c.robots {
            return true;
        }
        let cap = self.config.scope.max_pages_per_host;
        let Some(state) = self.frontier.host(host) else {
            return true;
        };
        if state
            .robots
            .as_ref()
            .is_some_and(|r| !r.allowed(c.url.as_str()))
        {
            tracing::debug!(url = %c.url, "disallowed by robots.txt");
            self.report.robots_excluded(host);
            return false;
        }
        if state.fetched >= cap {
            if self.out_of_scope_seen.insert(c.url.to_string()) {
                *self
                    .report
                    .out_of_scope
                    .entry(OutOfScope::HostBudget)
                    .or_default() += 1;
            }
            return false;
        }
        true
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
        let backoff = secs(fetch.retry_backoff * 2f64.powi(c.attempt as i32));
        let ex = match o.result {
            Err(e) => {
                if e.kind.is_transient() && c.attempt < fetch.retries {
                    tracing::info!(url = %c.url, "retrying after {:?}: {}", e.kind, e.message);
                    self.report.retries += 1;
                    self.retry(&host, c, backoff.max(base_wait));
                    return Ok(());
                }
                tracing::warn!(url = %c.url, kind = ?e.kind, "fetch failed: {}", e.message);
                self.report.error(&host, e.kind);
                if c.robots {
                    self.set_robots(&host, RobotsRules::unreachable(&e.message));
                }
                self.frontier.release(&host, base_wait);
                return Ok(());
            }
            Ok(ex) => ex,
        };
        let status = ex.status;
        let retryable = status == 429 || status >= 500;
        if retryable && c.attempt < fetch.retries {
            let wait = ex
                .header("retry-after")
                .filter(|_| status == 429 || status == 503)
                .and_then(retry_after)
                .map(|w| w.min(secs(fetch.max_retry_after)))
                .unwrap_or(backoff);
            tracing::info!(url = %c.url, status, "retrying in {:.1} s", wait.as_secs_f64());
            self.report.retries += 1;
            self.retry(&host, c, wait.max(base_wait));
            return Ok(());
        }

        let out_dir = self.config.output.dir.clone();
        writer
            .write_group(|warcinfo_id| exchange_records(&ex, warcinfo_id))
            .map_err(|source| CrawlError::Output {
                path: out_dir,
                source,
            })?;
        index_closed_files(writer, &mut self.indexed);
        self.report
            .capture(&host, status, ex.body.len(), ex.truncated.is_some());
        if ex.truncated == Some("length") {
            tracing::warn!(url = %c.url, "body larger than {} bytes: archived truncated", fetch.max_body_bytes);
        }
        tracing::debug!(url = %c.url, status, bytes = ex.body.len(), "archived");
        if let Some(e) = o.parse_error {
            tracing::warn!(url = %c.url, "{e}");
            self.report.unparsable_documents += 1;
        }

        let location = (300..400)
            .contains(&status)
            .then(|| ex.header("location"))
            .flatten()
            .and_then(|l| resolve_link(&ex.url, l));

        if c.robots {
            if let Some(target) = location.filter(|_| c.hops < ROBOTS_MAX_REDIRECTS) {
                let mut next = c.clone();
                next.url = target;
                next.hops += 1;
                self.frontier.push_to_host(&host, next, true);
            } else {
                let body = decode_content_encoding(ex.header("content-encoding"), &ex.body);
                let rules = if (300..400).contains(&status) {
                    RobotsRules::AllowAll
                } else {
                    RobotsRules::from_response(status, &body, &fetch.user_agent)
                };
                let sitemaps: Vec<Url> = rules
                    .sitemaps()
                    .iter()
                    .filter_map(|s| resolve_link(&ex.url, s))
                    .collect();
                self.set_robots(&host, rules);
                for sitemap in sitemaps {
                    self.enqueue(sitemap, c.depth + 1, 0);
                }
            }
        } else {
            if let Some(state) = self.frontier.host_mut(&host) {
                state.fetched += 1;
            }
            if let Some(target) = location {
                self.enqueue(target, c.depth, c.hops + 1);
            }
            for href in &o.links.malformed {
                tracing::info!(page = %c.url, href, "malformed link skipped");
            }
            self.report.malformed_links += o.links.malformed.len() as u64;
            if o.links.undecodable {
                tracing::info!(page = %c.url, "bytes invalid in the page's charset (decoded with replacements)");
                self.report.undecodable_pages += 1;
            }
            for link in o.links.urls {
                self.enqueue(link, c.depth + 1, 0);
            }
        }
        let wait = self.frontier.host(&host).map_or(base_wait, |h| h.delay);
        self.frontier.release(&host, wait);
        Ok(())
    }

    fn retry(&mut self, host: &str, mut c: Candidate, wait: Duration) {
        c.attempt += 1;
        self.frontier.push_to_host(host, c, true);
        self.frontier.release(host, wait);
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
    fn retry_after_seconds_and_dates() {
        assert_eq!(retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("bientôt"), None);
    }
}
