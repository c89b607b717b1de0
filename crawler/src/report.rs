//! The crawl report: counts by status, bytes, exclusions and errors, overall and per host.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::fetch::FetchErrorKind;
use crate::scope::OutOfScope;

/// Counts for one host.
#[derive(Debug, Default, Clone, Serialize)]
pub struct HostReport {
    /// Captures archived (robots.txt included).
    pub captures: u64,
    /// Captures by HTTP status.
    pub by_status: BTreeMap<u16, u64>,
    /// Payload bytes archived.
    pub bytes: u64,
    /// URLs not fetched because robots.txt disallows them.
    pub robots_excluded: u64,
    /// Fetches that got no response, by kind.
    pub errors: BTreeMap<FetchErrorKind, u64>,
    /// robots.txt policy applied.
    pub robots: String,
}

/// Failed fetches listed by URL in a report; the others are counted only.
pub const MAX_LISTED_FAILURES: usize = 1000;

/// A fetch that failed for good.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The URL.
    pub url: String,
    /// What kind of failure.
    pub kind: FetchErrorKind,
    /// What happened, in words.
    pub message: String,
}

/// Everything a crawl did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct CrawlReport {
    /// Crawl name from the config.
    pub name: String,
    /// This worker's name, with a shared (PostgreSQL) state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker: Option<String>,
    /// Every worker of the crawl with its counts (shared state), as at this worker's end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workers: Vec<crate::state::WorkerStatus>,
    /// Start time (RFC 3339).
    pub started: String,
    /// End time (RFC 3339).
    pub finished: String,
    /// Duration in seconds.
    pub seconds: f64,
    /// Whether the crawl was interrupted (Ctrl-C) before its frontier was empty.
    pub interrupted: bool,
    /// Whether this run resumed an unfinished crawl.
    pub resumed: bool,
    /// WARC files left open by a killed run and repaired at start.
    pub repaired_files: Vec<String>,
    /// Pages captured for the first time (2xx, no earlier capture).
    pub new: u64,
    /// Pages whose content changed since their last capture.
    pub changed: u64,
    /// Pages unchanged since their last capture (archived as revisits).
    pub unchanged: u64,
    /// Pages captured before that now answer 404 or 410.
    pub gone: u64,
    /// Pages captured before that now redirect elsewhere.
    pub redirected: u64,
    /// Pages captured before that still answer but that nothing links to any more (fetched
    /// once more at the end of the crawl, with a `metadata` record saying so).
    pub unlinked: u64,
    /// Redirects whose Location could not be used.
    pub bad_redirects: u64,
    /// Captures archived (request/response pairs).
    pub captures: u64,
    /// Captures by HTTP status.
    pub by_status: BTreeMap<u16, u64>,
    /// Payload bytes archived.
    pub bytes: u64,
    /// Bodies cut at the size cap or by a failure.
    pub truncated: u64,
    /// Retries made (5xx, 429, timeouts).
    pub retries: u64,
    /// URLs not fetched because robots.txt disallows them.
    pub robots_excluded: u64,
    /// Distinct URLs not fetched because out of scope, by reason.
    pub out_of_scope: BTreeMap<OutOfScope, u64>,
    /// Fetches that got no response, by kind.
    pub errors: BTreeMap<FetchErrorKind, u64>,
    /// The first [`MAX_LISTED_FAILURES`] of those fetches: URL, kind and message.
    pub failures: Vec<Failure>,
    /// Sitemaps or feeds that could not be parsed.
    pub unparsable_documents: u64,
    /// Link values that are not valid URLs (skipped).
    pub malformed_links: u64,
    /// Pages whose bytes were invalid in their charset (decoded with replacements).
    pub undecodable_pages: u64,
    /// Per host.
    pub hosts: BTreeMap<String, HostReport>,
    /// WARC files written.
    pub warc_files: Vec<String>,
}

impl CrawlReport {
    /// Counts an archived capture.
    pub fn capture(&mut self, host: &str, status: u16, bytes: usize, truncated: bool) {
        self.captures += 1;
        *self.by_status.entry(status).or_default() += 1;
        self.bytes += bytes as u64;
        self.truncated += u64::from(truncated);
        let h = self.hosts.entry(host.to_string()).or_default();
        h.captures += 1;
        *h.by_status.entry(status).or_default() += 1;
        h.bytes += bytes as u64;
    }

    /// Counts a fetch that failed for good.
    pub fn error(&mut self, host: &str, kind: FetchErrorKind) {
        *self.errors.entry(kind).or_default() += 1;
        *self
            .hosts
            .entry(host.to_string())
            .or_default()
            .errors
            .entry(kind)
            .or_default() += 1;
    }

    /// Counts a failed fetch and lists it (the first [`MAX_LISTED_FAILURES`]).
    pub fn failure(&mut self, host: &str, url: &str, kind: FetchErrorKind, message: &str) {
        self.error(host, kind);
        if self.failures.len() < MAX_LISTED_FAILURES {
            self.failures.push(Failure {
                url: url.to_string(),
                kind,
                message: message.to_string(),
            });
        }
    }

    /// Counts a URL disallowed by robots.txt.
    pub fn robots_excluded(&mut self, host: &str) {
        self.robots_excluded += 1;
        self.hosts
            .entry(host.to_string())
            .or_default()
            .robots_excluded += 1;
    }

    /// Errors in all.
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Writes the report as pretty JSON, creating the directory if needed.
    pub fn write_json(&self, path: &std::path::Path) -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, json)
    }
}

impl fmt::Display for CrawlReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Crawl {:?} {} in {:.1} s: {} captures, {:.1} MB of payload",
            self.name,
            if self.interrupted {
                "interrupted"
            } else {
                "finished"
            },
            self.seconds,
            self.captures,
            self.bytes as f64 / 1e6
        )?;
        if let Some(worker) = &self.worker {
            writeln!(f, "  by worker {worker} of a shared crawl")?;
        }
        if !self.workers.is_empty() {
            let total: u64 = self.workers.iter().map(|w| w.captures).sum();
            let each: Vec<String> = self
                .workers
                .iter()
                .map(|w| format!("{} {} ({})", w.name, w.captures, w.state))
                .collect();
            writeln!(
                f,
                "  whole crawl: {total} captures by {} workers: {}",
                self.workers.len(),
                each.join(", ")
            )?;
        }
        let statuses: Vec<String> = self
            .by_status
            .iter()
            .map(|(s, n)| format!("{s}: {n}"))
            .collect();
        writeln!(f, "  by status: {}", statuses.join(", "))?;
        let oos: u64 = self.out_of_scope.values().sum();
        writeln!(
            f,
            "  robots.txt excluded: {}, out of scope: {oos}, truncated: {}, retries: {}, errors: {}",
            self.robots_excluded,
            self.truncated,
            self.retries,
            self.error_count()
        )?;
        writeln!(
            f,
            "  pages new: {}, changed: {}, unchanged: {}, gone: {}, redirected: {}, unlinked: {}",
            self.new, self.changed, self.unchanged, self.gone, self.redirected, self.unlinked
        )?;
        writeln!(
            f,
            "  malformed links: {}, bad redirects: {}, undecodable pages: {}, unparsable sitemaps/feeds: {}",
            self.malformed_links,
            self.bad_redirects,
            self.undecodable_pages,
            self.unparsable_documents
        )?;
        for (kind, n) in &self.errors {
            writeln!(f, "    {kind:?}: {n}")?;
        }
        for (host, h) in &self.hosts {
            writeln!(
                f,
                "  {host}: {} captures, {:.1} MB, {} robots-excluded, {} errors",
                h.captures,
                h.bytes as f64 / 1e6,
                h.robots_excluded,
                h.errors.values().sum::<u64>()
            )?;
        }
        for file in &self.warc_files {
            writeln!(f, "  wrote {file}")?;
        }
        Ok(())
    }
}
