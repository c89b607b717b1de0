//! Fetching one URL over HTTP: the request as sent and the response as received, with the
//! body as transferred (never decompressed), cut at a size cap.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::Client;
use url::Url;

/// What kind of failure a fetch met (for logs and the report's error counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FetchErrorKind {
    /// The host name does not resolve.
    Dns,
    /// The connection was refused or could not be made.
    Connect,
    /// TLS handshake or certificate failure.
    Tls,
    /// No answer in time.
    Timeout,
    /// The connection was reset or closed early.
    Reset,
    /// The server sent something that is not valid HTTP (bad status line or headers).
    InvalidResponse,
    /// The host resolves only to private, loopback or link-local addresses (not fetched).
    Blocked,
    /// Anything else.
    Other,
}

impl FetchErrorKind {
    /// Whether trying again later may succeed.
    pub fn is_transient(self) -> bool {
        matches!(self, Self::Timeout | Self::Reset | Self::Connect)
    }
}

/// A fetch that produced no response.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind:?}: {message}")]
pub struct FetchError {
    /// The kind of failure.
    pub kind: FetchErrorKind,
    /// Details, from the HTTP stack.
    pub message: String,
}

/// One HTTP exchange: the request as sent and the response as received.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// The URL requested.
    pub url: Url,
    /// When the request was sent.
    pub date: DateTime<Utc>,
    /// The server's address, when known.
    pub ip: Option<IpAddr>,
    /// Request-target of the request line (path and query).
    pub request_target: String,
    /// Request headers sent, in order.
    pub request_headers: Vec<(String, String)>,
    /// HTTP version of the response, e.g. `HTTP/1.1`.
    pub version: &'static str,
    /// Status code.
    pub status: u16,
    /// Reason phrase.
    pub reason: String,
    /// Response headers as received (names lower-cased by the HTTP stack), in order.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body as transferred (content-encoding kept; chunked framing removed).
    pub body: Vec<u8>,
    /// Why the body is incomplete, as a `WARC-Truncated` value (`length`, `time`, `disconnect`).
    pub truncated: Option<&'static str>,
}

impl Exchange {
    /// The first value of a response header, by case-insensitive name, as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| std::str::from_utf8(v).ok())
    }
}

/// Settings of the HTTP client.
#[derive(Debug, Clone)]
pub struct FetcherConfig {
    /// User-Agent header.
    pub user_agent: String,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Timeout between reads.
    pub read_timeout: Duration,
    /// Timeout for a whole exchange.
    pub total_timeout: Duration,
    /// Whether host names may resolve to private, loopback or link-local addresses.
    pub allow_private: bool,
    /// Bytes a second under which a body is abandoned (0: never).
    pub min_rate: u64,
    /// The window over which `min_rate` is measured.
    pub min_rate_window: Duration,
    /// Body size cap.
    pub max_body_bytes: u64,
    /// Host → address overrides.
    pub resolve: Vec<(String, SocketAddr)>,
}

/// An HTTP client set up for archiving (no redirects followed, no decompression).
#[derive(Clone)]
pub struct Fetcher {
    client: Client,
    config: FetcherConfig,
}

impl Fetcher {
    /// Builds the client.
    pub fn new(config: FetcherConfig) -> Result<Self, FetchError> {
        // The TLS provider is chosen once per process; a second install is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .timeout(config.total_timeout)
            .http1_only()
            // Proxies from the environment would bypass --resolve and hide the server's address.
            .no_proxy()
            .tls_backend_rustls()
            .pool_max_idle_per_host(2);
        // Names the crawl gives an address for (`--resolve`) keep it; others go through the
        // system resolver, public addresses only unless the crawl allows private ones.
        if !config.allow_private {
            builder = builder.dns_resolver(std::sync::Arc::new(crate::address::PublicOnly));
        }
        for (host, addr) in &config.resolve {
            builder = builder.resolve(host, *addr);
        }
        let client = builder.build().map_err(|e| FetchError {
            kind: FetchErrorKind::Other,
            message: format!("cannot build the HTTP client: {e}"),
        })?;
        Ok(Self { client, config })
    }

    /// The user agent sent.
    pub fn user_agent(&self) -> &str {
        &self.config.user_agent
    }

    /// Fetches `url` with GET, adding `extra` headers (e.g. conditional ones).
    pub async fn fetch(
        &self,
        url: &Url,
        extra: &[(String, String)],
    ) -> Result<Exchange, FetchError> {
        let host = match (url.host_str(), url.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            (None, _) => {
                return Err(FetchError {
                    kind: FetchErrorKind::Other,
                    message: format!("URL has no host: {url}"),
                });
            }
        };
        let mut request_headers = vec![
            ("Host".to_string(), host),
            ("User-Agent".to_string(), self.config.user_agent.clone()),
            (
                "Accept".to_string(),
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8".to_string(),
            ),
            (
                "Accept-Language".to_string(),
                "fr-FR,fr;q=0.9,en;q=0.5".to_string(),
            ),
            ("Accept-Encoding".to_string(), "gzip, deflate".to_string()),
        ];
        request_headers.extend(extra.iter().cloned());
        let mut req = self.client.get(url.clone());
        for (n, v) in &request_headers {
            if n != "Host" {
                req = req.header(n.as_str(), v.as_str());
            }
        }
        let request_target = match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        };
        let date = Utc::now();
        let mut resp = req.send().await.map_err(classify)?;
        let ip = resp.remote_addr().map(|a| a.ip());
        // The server's own reason phrase when it differs from the standard one.
        let reason = resp
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .map(|r| String::from_utf8_lossy(r.as_bytes()).into_owned())
            .or_else(|| resp.status().canonical_reason().map(str::to_string))
            .unwrap_or_default();
        let status = resp.status();
        let version = match resp.version() {
            reqwest::Version::HTTP_10 => "HTTP/1.0",
            _ => "HTTP/1.1",
        };
        let headers: Vec<(String, Vec<u8>)> = resp
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), v.as_bytes().to_vec()))
            .collect();
        let max = self.config.max_body_bytes as usize;
        let mut body = Vec::new();
        let mut truncated = None;
        // The transfer rate, measured over successive windows: a server that drips bytes
        // is abandoned after one window below `min_rate`, not after the total timeout.
        let window = self.config.min_rate_window.max(Duration::from_millis(10));
        let needed = (self.config.min_rate as f64 * window.as_secs_f64()) as usize;
        let mut window_end = tokio::time::Instant::now() + window;
        let mut window_start_len = 0usize;
        loop {
            let next = if self.config.min_rate == 0 {
                Ok(resp.chunk().await)
            } else {
                tokio::time::timeout_at(window_end, resp.chunk()).await
            };
            // The body's end is its end, however slowly it came.
            if matches!(next, Ok(Ok(None))) {
                break;
            }
            if self.config.min_rate > 0 && tokio::time::Instant::now() >= window_end {
                if body.len() - window_start_len < needed {
                    tracing::warn!(
                        %url,
                        "body abandoned after {} bytes: under {} bytes/s for {:?}",
                        body.len(),
                        self.config.min_rate,
                        window
                    );
                    if let Ok(Ok(Some(chunk))) = &next {
                        let room = max.saturating_sub(body.len()).min(chunk.len());
                        body.extend_from_slice(&chunk[..room]);
                    }
                    truncated = Some("time");
                    break;
                }
                window_end = tokio::time::Instant::now() + window;
                window_start_len = body.len();
            }
            let Ok(next) = next else {
                // The window ended with no chunk, and enough came in it: keep reading.
                continue;
            };
            match next {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > max {
                        body.extend_from_slice(&chunk[..max - body.len()]);
                        truncated = Some("length");
                        break;
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => {
                    let err = classify(e);
                    tracing::warn!(%url, "body cut short after {} bytes: {}", body.len(), err.message);
                    truncated = Some(if err.kind == FetchErrorKind::Timeout {
                        "time"
                    } else {
                        "disconnect"
                    });
                    break;
                }
            }
        }
        Ok(Exchange {
            url: url.clone(),
            date,
            ip,
            request_target,
            request_headers,
            version,
            status: status.as_u16(),
            reason,
            headers,
            body,
            truncated,
        })
    }
}

/// Sorts a client error into a [`FetchErrorKind`] by walking its causes.
fn classify(e: reqwest::Error) -> FetchError {
    let mut chain = Vec::new();
    let mut kind = None;
    let mut source: Option<&dyn std::error::Error> = Some(&e);
    while let Some(err) = source {
        chain.push(err.to_string());
        if err
            .downcast_ref::<crate::address::BlockedAddress>()
            .is_some()
        {
            kind = Some(FetchErrorKind::Blocked);
        }
        if kind.is_none() {
            if let Some(io) = err.downcast_ref::<std::io::Error>() {
                // An io::Error's source() skips the error it wraps: look inside it too.
                if io
                    .get_ref()
                    .is_some_and(|inner| inner.downcast_ref::<rustls::Error>().is_some())
                {
                    kind = Some(FetchErrorKind::Tls);
                    source = err.source();
                    continue;
                }
                kind = match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => Some(FetchErrorKind::Connect),
                    std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::ConnectionAborted
                    | std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::UnexpectedEof => Some(FetchErrorKind::Reset),
                    std::io::ErrorKind::TimedOut => Some(FetchErrorKind::Timeout),
                    _ => None,
                };
            } else if err.downcast_ref::<rustls::Error>().is_some() {
                kind = Some(FetchErrorKind::Tls);
            } else if let Some(h) = err.downcast_ref::<hyper::Error>() {
                if h.is_parse() || h.is_parse_status() {
                    kind = Some(FetchErrorKind::InvalidResponse);
                } else if h.is_incomplete_message() {
                    kind = Some(FetchErrorKind::Reset);
                }
            }
        }
        source = err.source();
    }
    let text = chain.join(": ");
    let lower = text.to_ascii_lowercase();
    let kind = if e.is_timeout() {
        FetchErrorKind::Timeout
    } else if let Some(k) = kind {
        k
    } else if lower.contains("resolves only to private") {
        FetchErrorKind::Blocked
    } else if lower.contains("dns error") || lower.contains("failed to lookup") {
        FetchErrorKind::Dns
    } else if lower.contains("certificate") || lower.contains("tls") {
        FetchErrorKind::Tls
    } else if e.is_connect() {
        FetchErrorKind::Connect
    } else {
        FetchErrorKind::Other
    };
    FetchError {
        kind,
        message: text,
    }
}
