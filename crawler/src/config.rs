//! Crawl configuration: a TOML file, overridden by command-line flags.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The default user agent: names Veille, its version and where to learn about it.
pub fn default_user_agent() -> String {
    format!(
        "Veille/{} (+https://github.com/veille-archive/veille; archive of French municipal news)",
        env!("CARGO_PKG_VERSION")
    )
}

/// Errors reading or checking a crawl configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read crawl config {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML for a crawl config.
    #[error("crawl config {path} is invalid: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// What the TOML parser said, with line and column.
        message: String,
    },
    /// A value is out of range or malformed.
    #[error("invalid crawl setting: {0}")]
    Invalid(String),
}

/// A seed: where a crawl starts, and what commune the site belongs to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    /// Start URL.
    pub url: String,
    /// INSEE code of the commune, where known (e.g. `72003`).
    #[serde(default)]
    pub insee: Option<String>,
    /// Commune name, where known.
    #[serde(default)]
    pub commune: Option<String>,
}

/// Which URLs a crawl may fetch.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Scope {
    /// Keep to the seeds' hosts (default true).
    pub same_host: bool,
    /// Regexes: a URL matching one is in scope even on another host.
    pub include: Vec<String>,
    /// Regexes: a URL matching one is out of scope.
    pub exclude: Vec<String>,
    /// Maximum link depth from a seed (a redirect does not add depth).
    pub max_depth: u32,
    /// Maximum fetches per host (robots.txt not counted).
    pub max_pages_per_host: u64,
    /// Maximum fetches in all (robots.txt not counted).
    pub max_pages: u64,
    /// Maximum distinct query strings per path, against calendar-like traps.
    pub max_query_variants: u32,
    /// Maximum redirects followed from one URL.
    pub max_redirects: u32,
}

impl Default for Scope {
    fn default() -> Self {
        Self {
            same_host: true,
            include: Vec::new(),
            exclude: Vec::new(),
            max_depth: 20,
            max_pages_per_host: 100_000,
            max_pages: 1_000_000,
            max_query_variants: 50,
            max_redirects: 10,
        }
    }
}

/// How fetching behaves.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Fetching {
    /// User-Agent header, also used to pick robots.txt groups.
    pub user_agent: String,
    /// Seconds between two requests to one host.
    pub delay: f64,
    /// Upper bound on a robots.txt Crawl-delay, in seconds.
    pub max_crawl_delay: f64,
    /// Upper bound on a Retry-After wait, in seconds.
    pub max_retry_after: f64,
    /// Hosts fetched at once.
    pub concurrency: usize,
    /// Connect timeout, seconds.
    pub connect_timeout: f64,
    /// Timeout between two reads of a response, seconds.
    pub read_timeout: f64,
    /// Timeout for a whole response, seconds.
    pub total_timeout: f64,
    /// A body arriving slower than this (bytes a second) over [`Fetching::min_rate_window`] is
    /// abandoned and archived as cut (`WARC-Truncated: time`), like curl's
    /// `--speed-limit`; 0 turns the check off.
    pub min_rate: u64,
    /// Seconds over which [`Fetching::min_rate`] is measured (curl's `--speed-time`).
    pub min_rate_window: f64,
    /// Whether host names may resolve to private, loopback, link-local or CGNAT addresses
    /// (an intranet crawl, the sample); addresses given in `resolve` are always allowed.
    pub allow_private: bool,
    /// Bodies past this size are cut and marked `WARC-Truncated: length`.
    pub max_body_bytes: u64,
    /// Retries after 5xx, 429, timeouts and connection errors.
    pub retries: u32,
    /// First retry waits this long (seconds), doubling each time.
    pub retry_backoff: f64,
    /// Host name → address (`IP:PORT`) overrides, like curl's `--resolve`.
    pub resolve: BTreeMap<String, String>,
    /// Seconds a worker of a shared (PostgreSQL) frontier holds a host: a worker that dies
    /// loses its hosts after this long. Must exceed `total_timeout` [default: total_timeout
    /// + 30].
    pub host_lease: Option<f64>,
}

impl Default for Fetching {
    fn default() -> Self {
        Self {
            user_agent: default_user_agent(),
            delay: 1.0,
            max_crawl_delay: 30.0,
            max_retry_after: 120.0,
            concurrency: 8,
            connect_timeout: 10.0,
            read_timeout: 30.0,
            total_timeout: 120.0,
            min_rate: 1_000,
            min_rate_window: 20.0,
            allow_private: false,
            max_body_bytes: 20 * 1024 * 1024,
            retries: 2,
            retry_backoff: 2.0,
            resolve: BTreeMap::new(),
            host_lease: None,
        }
    }
}

/// Where and how WARC files are written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Output {
    /// Directory for WARC files and reports.
    pub dir: PathBuf,
    /// WARC file name prefix.
    pub prefix: String,
    /// Rotate WARC files past this size in bytes.
    pub max_warc_bytes: u64,
    /// Crawl state directory (frontier, seen URLs, capture history) [default:
    /// `data/state/NAME`].
    pub state_dir: Option<PathBuf>,
}

impl Default for Output {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("data/warcs"),
            prefix: "veille".into(),
            max_warc_bytes: 1_000_000_000,
            state_dir: None,
        }
    }
}

/// A whole crawl configuration (the TOML file's shape).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrawlConfig {
    /// Name of the crawl (goes into warcinfo and the report).
    pub name: String,
    /// Where the crawl starts.
    #[serde(rename = "seed")]
    pub seeds: Vec<Seed>,
    /// What may be fetched.
    pub scope: Scope,
    /// How fetching behaves.
    pub fetch: Fetching,
    /// Where WARC files go.
    pub output: Output,
    /// A PostgreSQL URL (`postgres://…`) holding the crawl state, shared by workers on
    /// several machines; unset, the state is SQLite in `output.state_dir`.
    pub state: Option<String>,
    /// This worker's name, with a PostgreSQL state (default: the machine's name). Its WARC
    /// files go to `output.dir/NAME/` and are named with it.
    pub worker: Option<String>,
    /// The scheduled firing a run belongs to (set by `crawler schedule`), so that one
    /// worker only starts it.
    #[serde(skip)]
    pub run_key: Option<String>,
}

impl CrawlConfig {
    /// Resolves every host of `fetch.resolve` to `addr`: the bundled sample sites, which the
    /// sample configuration maps to 127.0.0.1:8099, served at another address.
    pub fn point_at(&mut self, addr: std::net::SocketAddr) {
        for value in self.fetch.resolve.values_mut() {
            *value = addr.to_string();
        }
    }

    /// The crawl's state directory: `output.state_dir`, or `data/state/NAME`.
    pub fn state_dir(&self) -> PathBuf {
        self.output.state_dir.clone().unwrap_or_else(|| {
            let name: String = self
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            PathBuf::from("data/state").join(if name.is_empty() {
                "default".into()
            } else {
                name
            })
        })
    }

    /// The PostgreSQL URL of a shared crawl state, if any.
    pub fn postgres_state(&self) -> Option<&str> {
        self.state.as_deref()
    }

    /// This worker's name with a shared state: `worker`, or the machine's name.
    pub fn worker_name(&self) -> String {
        self.worker.clone().unwrap_or_else(|| {
            let name: String = crate::postgres_state::machine_name()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
                .collect();
            if name.is_empty() {
                "worker".into()
            } else {
                name
            }
        })
    }

    /// Seconds a worker holds a host of a shared frontier.
    pub fn host_lease(&self) -> f64 {
        self.fetch
            .host_lease
            .unwrap_or(self.fetch.total_timeout + 30.0)
    }

    /// Reads a config file.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// Checks values and returns the parsed resolve overrides.
    pub fn validate(&self) -> Result<Vec<(String, SocketAddr)>, ConfigError> {
        if self.seeds.is_empty() {
            return Err(ConfigError::Invalid(
                "no seed: give start URLs on the command line or [[seed]] entries in the config"
                    .into(),
            ));
        }
        for seed in &self.seeds {
            let url = url::Url::parse(&seed.url).map_err(|e| {
                ConfigError::Invalid(format!("seed {:?} is not a valid URL: {e}", seed.url))
            })?;
            if !matches!(url.scheme(), "http" | "https") {
                return Err(ConfigError::Invalid(format!(
                    "seed {:?} must be an http:// or https:// URL",
                    seed.url
                )));
            }
        }
        for (name, value) in [
            ("fetch.delay", self.fetch.delay),
            ("fetch.max_crawl_delay", self.fetch.max_crawl_delay),
            ("fetch.max_retry_after", self.fetch.max_retry_after),
            ("fetch.retry_backoff", self.fetch.retry_backoff),
        ] {
            if !(0.0..=86_400.0).contains(&value) {
                return Err(ConfigError::Invalid(format!(
                    "{name} = {value}: expected seconds between 0 and 86400"
                )));
            }
        }
        for (name, value) in [
            ("fetch.connect_timeout", self.fetch.connect_timeout),
            ("fetch.read_timeout", self.fetch.read_timeout),
            ("fetch.total_timeout", self.fetch.total_timeout),
            ("fetch.min_rate_window", self.fetch.min_rate_window),
        ] {
            if !(value > 0.0 && value <= 86_400.0) {
                return Err(ConfigError::Invalid(format!(
                    "{name} = {value}: expected seconds above 0"
                )));
            }
        }
        if let Some(lease) = self.fetch.host_lease
            && !(lease > self.fetch.total_timeout && lease <= 86_400.0)
        {
            return Err(ConfigError::Invalid(format!(
                "fetch.host_lease = {lease}: must exceed fetch.total_timeout ({}), or a slow fetch would lose its host to another worker",
                self.fetch.total_timeout
            )));
        }
        if let Some(state) = &self.state
            && !crate::postgres_state::is_postgres_url(state)
        {
            return Err(ConfigError::Invalid(format!(
                "state = {state:?}: expected a postgres:// URL (a state directory goes in output.state_dir)"
            )));
        }
        if let Some(worker) = &self.worker
            && (worker.is_empty()
                || !worker
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        {
            return Err(ConfigError::Invalid(format!(
                "worker name {worker:?}: use letters, digits, '-', '_' or '.' (it names a directory and WARC files)"
            )));
        }
        if self.fetch.retries > 10 {
            return Err(ConfigError::Invalid(format!(
                "fetch.retries = {}: at most 10",
                self.fetch.retries
            )));
        }
        if self.fetch.concurrency == 0 {
            return Err(ConfigError::Invalid(
                "fetch.concurrency must be at least 1".into(),
            ));
        }
        for pattern in self.scope.include.iter().chain(&self.scope.exclude) {
            regex::Regex::new(pattern).map_err(|e| {
                ConfigError::Invalid(format!("scope regex {pattern:?} does not compile: {e}"))
            })?;
        }
        self.fetch
            .resolve
            .iter()
            .map(|(host, addr)| parse_resolve_addr(host, addr))
            .collect()
    }
}

/// Parses one `HOST=ADDR:PORT` override as given on the command line.
pub fn parse_resolve_arg(arg: &str) -> Result<(String, String), ConfigError> {
    let (host, addr) = arg.split_once('=').ok_or_else(|| {
        ConfigError::Invalid(format!(
            "--resolve {arg:?}: expected HOST=ADDR:PORT, e.g. www.allonnes.example=127.0.0.1:8099"
        ))
    })?;
    parse_resolve_addr(host, addr)?;
    Ok((host.to_ascii_lowercase(), addr.to_string()))
}

fn parse_resolve_addr(host: &str, addr: &str) -> Result<(String, SocketAddr), ConfigError> {
    let sock: SocketAddr = addr.parse().map_err(|_| {
        ConfigError::Invalid(format!(
            "resolve {host}={addr}: the address must be IP:PORT, e.g. 127.0.0.1:8099"
        ))
    })?;
    Ok((host.to_ascii_lowercase(), sock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_minimal_config_and_applies_defaults() {
        let cfg: CrawlConfig = toml::from_str(
            r#"
            name = "t"
            [[seed]]
            url = "http://www.allonnes.example/"
            insee = "72003"
            [fetch]
            delay = 0
            resolve = { "www.allonnes.example" = "127.0.0.1:8099" }
            "#,
        )
        .expect("config parses");
        assert_eq!(cfg.seeds[0].insee.as_deref(), Some("72003"));
        assert_eq!(cfg.fetch.max_body_bytes, 20 * 1024 * 1024);
        let resolved = cfg.validate().expect("valid");
        assert_eq!(resolved[0].1.port(), 8099);
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values() {
        assert!(toml::from_str::<CrawlConfig>("delai = 3").is_err());
        let mut cfg = CrawlConfig::default();
        assert!(cfg.validate().is_err(), "no seed");
        cfg.seeds.push(Seed {
            url: "ftp://x.example/".into(),
            insee: None,
            commune: None,
        });
        assert!(cfg.validate().is_err(), "ftp seed");
        assert!(parse_resolve_arg("x.example=localhost").is_err());
        assert!(parse_resolve_arg("x.example=127.0.0.1:80").is_ok());
    }
}
