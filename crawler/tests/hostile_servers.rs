//! Crawls of deliberately badly behaved HTTP servers on loopback: robots.txt errors, chunked
//! and gzip bodies, invalid responses, resets, cut bodies, 429 with Retry-After, redirect
//! loops. Each server is a raw TCP listener written for the test, so the bytes on the wire
//! are exactly those chosen here.

mod common;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::*;
use crawler::config::{CrawlConfig, Seed};
use crawler::fetch::FetchErrorKind;
use crawler::report::CrawlReport;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What the raw server does for one request: bytes to send, then close.
type Handler = Arc<dyn Fn(&str, &str, usize) -> Vec<u8> + Send + Sync>;

/// Reads a request's head (up to the blank line), or `None` when the client goes away.
async fn request_head(sock: &mut tokio::net::TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    Some(String::from_utf8_lossy(&buf).to_string())
}

/// Starts a raw HTTP/1.1 server; `handler(host, path, nth_request_for_path)` gives the bytes
/// (none: the server stays silent for 3 s).
async fn raw_server(handler: Handler) -> SocketAddr {
    raw_server_logged(handler).await.0
}

/// Request heads a raw server received, in order.
type Heads = Arc<std::sync::Mutex<Vec<String>>>;

/// [`raw_server`], also keeping every request head it receives.
async fn raw_server_logged(handler: Handler) -> (SocketAddr, Heads) {
    let heads: Heads = Arc::default();
    let log = heads.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let counts: Arc<std::sync::Mutex<HashMap<String, usize>>> = Arc::default();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let handler = handler.clone();
            let counts = counts.clone();
            let log = log.clone();
            tokio::spawn(async move {
                let Some(head) = request_head(&mut sock).await else {
                    return;
                };
                if let Ok(mut l) = log.lock() {
                    l.push(head.clone());
                }
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                let host = head
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("host: ")
                            .or_else(|| l.strip_prefix("Host: "))
                    })
                    .unwrap_or_default()
                    .split(':')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let n = {
                    let mut c = counts.lock().expect("lock");
                    let e = c.entry(format!("{host}{path}")).or_insert(0);
                    *e += 1;
                    *e
                };
                let reply = handler(&host, &path, n);
                if reply.is_empty() {
                    // Say nothing, keep the connection open a while.
                    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
                }
                let _ = sock.write_all(&reply).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    (addr, heads)
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (n, v) in headers {
        out.push_str(&format!("{n}: {v}\r\n"));
    }
    if !headers.iter().any(|(n, _)| {
        n.eq_ignore_ascii_case("transfer-encoding") || n.eq_ignore_ascii_case("content-length")
    }) {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn html(body: &str) -> Vec<u8> {
    response(
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8")],
        body.as_bytes(),
    )
}

fn not_found() -> Vec<u8> {
    response(
        "404 Not Found",
        &[("Content-Type", "text/plain")],
        b"introuvable",
    )
}

fn config(addr: SocketAddr, hosts: &[&str], out: &std::path::Path) -> CrawlConfig {
    let mut c = CrawlConfig {
        name: "hostile".into(),
        ..CrawlConfig::default()
    };
    for h in hosts {
        c.seeds.push(Seed {
            url: format!("http://{h}/"),
            insee: None,
            commune: None,
        });
        c.fetch.resolve.insert((*h).to_string(), addr.to_string());
    }
    c.fetch.delay = 0.0;
    c.fetch.retry_backoff = 0.05;
    c.fetch.read_timeout = 2.0;
    c.output.dir = out.to_path_buf();
    c.output.state_dir = Some(out.join("state"));
    c.output.prefix = "hostile".into();
    c
}

async fn crawl(config: CrawlConfig) -> CrawlReport {
    crawler::crawl::run(
        config,
        crawler::crawl::StartMode::Fresh,
        std::future::pending(),
    )
    .await
    .expect("crawl runs")
}

#[tokio::test]
async fn robots_5xx_disallows_all_and_4xx_allows_all() {
    let addr = raw_server(Arc::new(|host, path, _| match (host, path) {
        ("down.example", "/robots.txt") => response("503 Service Unavailable", &[], b"panne"),
        ("missing.example", "/robots.txt") => not_found(),
        (_, "/") => html("<a href=\"/page.html\">page</a>"),
        (_, "/page.html") => html("<p>Bonjour</p>"),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("robots-status");
    let mut cfg = config(addr, &["down.example", "missing.example"], &out);
    cfg.fetch.retries = 1;
    let report = crawl(cfg).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://missing.example/page.html"));
    assert!(
        !captures.contains_key("http://down.example/"),
        "5xx robots.txt means disallow all"
    );
    assert_eq!(captures["http://down.example/robots.txt"].0, 503);
    assert_eq!(report.hosts["down.example"].robots_excluded, 1);
    assert_eq!(report.retries, 1, "the robots.txt 503 was retried once");
}

#[tokio::test]
async fn chunked_gzip_body_is_stored_as_transferred_and_still_followed() {
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all("<p>Fibre optique : <a href=\"/suite.html\">la suite</a></p>".as_bytes())
        .expect("gzip");
    let compressed = gz.finish().expect("gzip");
    let compressed2 = compressed.clone();
    let addr = raw_server(Arc::new(move |_, path, _| match path {
        "/" => {
            // Two chunks, then the terminating chunk.
            let (a, b) = compressed2.split_at(10);
            let mut out = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
            for part in [a, b] {
                out.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
                out.extend_from_slice(part);
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"0\r\n\r\n");
            out
        }
        "/suite.html" => html("<p>suite</p>"),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("chunked-gzip");
    crawl(config(addr, &["chunked.example"], &out)).await;
    let files = warc_files(&out);
    assert_cdxj_matches_cdxj_indexer(&files[0]);
    let captures = responses(&read_and_verify(&files));
    let (status, payload, record) = &captures["http://chunked.example/"];
    assert_eq!(*status, 200);
    assert_eq!(
        payload, &compressed,
        "payload is the de-chunked, still gzipped body"
    );
    let head = warc::http::parse_response_head(&record.record.block).expect("head");
    assert_eq!(head.header("X-Orig-Transfer-Encoding"), Some("chunked"));
    assert_eq!(head.header("Content-Encoding"), Some("gzip"));
    assert!(
        captures.contains_key("http://chunked.example/suite.html"),
        "link inside gzip body followed"
    );
}

#[tokio::test]
async fn broken_responses_are_counted_and_the_crawl_goes_on() {
    let addr = raw_server(Arc::new(|_, path, _| match path {
        "/" => html("<a href=\"/garbage\">g</a><a href=\"/reset\">r</a><a href=\"/cut\">c</a><a href=\"/ok.html\">ok</a><a href=\"/bad-header\">b</a><a href=\"http://exa mple.fr/\">malformed</a>"),
        "/garbage" => b"THIS IS NOT HTTP AT ALL\r\n\r\n".to_vec(),
        "/reset" => b"HTTP/1.1 200 OK\r\nContent-Ty".to_vec(),
        "/cut" => b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n<p>d\xc3\xa9but".to_vec(),
        "/bad-header" => b"HTTP/1.1 200 OK\r\nContent Type broken\r\nContent-Length: 2\r\n\r\nok".to_vec(),
        "/ok.html" => html("<p>ok</p>"),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("broken-responses");
    let mut cfg = config(addr, &["broken.example"], &out);
    cfg.fetch.retries = 0;
    let report = crawl(cfg).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://broken.example/ok.html"));
    assert!(!captures.contains_key("http://broken.example/garbage"));
    assert!(
        report
            .errors
            .get(&FetchErrorKind::InvalidResponse)
            .copied()
            .unwrap_or(0)
            >= 2,
        "{:?}",
        report.errors
    );
    assert!(
        report
            .errors
            .get(&FetchErrorKind::Reset)
            .copied()
            .unwrap_or(0)
            >= 1,
        "{:?}",
        report.errors
    );
    assert_eq!(report.malformed_links, 1);
    let (_, payload, record) = &captures["http://broken.example/cut"];
    assert_eq!(payload, "<p>début".as_bytes());
    assert_eq!(record.record.get("WARC-Truncated"), Some("disconnect"));
}

#[tokio::test]
async fn retry_after_429_then_success() {
    let hits = Arc::new(AtomicUsize::new(0));
    let hits2 = hits.clone();
    let addr = raw_server(Arc::new(move |_, path, n| match path {
        "/" => {
            hits2.fetch_add(1, Ordering::SeqCst);
            if n == 1 {
                response(
                    "429 Too Many Requests",
                    &[("Retry-After", "1")],
                    b"trop de requetes",
                )
            } else {
                html("<p>Bienvenue</p>")
            }
        }
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("retry-after");
    let report = crawl(config(addr, &["busy.example"], &out)).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert_eq!(
        captures["http://busy.example/"].0, 200,
        "the final answer is archived"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    assert_eq!(report.retries, 1);
}

#[tokio::test]
async fn endless_redirects_are_bounded() {
    let addr = raw_server(Arc::new(|_, path, _| {
        if let Some(n) = path.strip_prefix("/loop?n=") {
            let n: u32 = n.parse().unwrap_or(0);
            response(
                "302 Found",
                &[("Location", &format!("/loop?n={}", n + 1))],
                b"",
            )
        } else if path == "/" {
            html("<a href=\"/loop?n=0\">boucle</a><a href=\"/a\">a</a>")
        } else if path == "/a" {
            response("301 Moved Permanently", &[("Location", "/b")], b"")
        } else if path == "/b" {
            response("301 Moved Permanently", &[("Location", "/a")], b"")
        } else {
            not_found()
        }
    }))
    .await;
    let out = warc_dir("redirect-loops");
    let mut cfg = config(addr, &["loops.example"], &out);
    cfg.scope.max_redirects = 5;
    let report = crawl(cfg).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    let loops = captures.keys().filter(|u| u.contains("/loop?")).count();
    assert_eq!(loops, 6, "the first URL and five redirects");
    assert!(
        captures.contains_key("http://loops.example/a")
            && captures.contains_key("http://loops.example/b")
    );
    assert_eq!(
        report
            .out_of_scope
            .get(&crawler::scope::OutOfScope::TooManyRedirects),
        Some(&1),
        "the sixth redirect target is refused"
    );
}

#[tokio::test]
async fn a_silent_server_times_out_and_the_page_budget_holds() {
    let addr = raw_server(Arc::new(|_, path, _| match path {
        "/" => html("<a href=\"/hang\">h</a><a href=\"/1\">1</a><a href=\"/2\">2</a><a href=\"/3\">3</a><a href=\"/4\">4</a>"),
        "/hang" => Vec::new(),
        _ => html("<p>page</p>"),
    }))
    .await;
    let out = warc_dir("timeouts-budget");
    let mut cfg = config(addr, &["slow.example"], &out);
    cfg.fetch.retries = 0;
    cfg.fetch.read_timeout = 0.5;
    cfg.fetch.total_timeout = 1.0;
    cfg.scope.max_pages = 3;
    let report = crawl(cfg).await;
    assert_eq!(
        report.errors.get(&FetchErrorKind::Timeout),
        Some(&1),
        "{:?}",
        report.errors
    );
    let captures = responses(&read_and_verify(&warc_files(&out)));
    let pages = captures
        .keys()
        .filter(|u| !u.ends_with("/robots.txt"))
        .count();
    assert_eq!(
        pages, 2,
        "3 page fetches started: /, /hang (timed out) and one more"
    );
}

/// A server that sends its headers, then drips its body a byte at a time.
async fn drip_server(byte_every: std::time::Duration) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let Some(head) = request_head(&mut sock).await else {
                    return;
                };
                if head.starts_with("GET /robots.txt") {
                    let _ = sock.write_all(&not_found()).await;
                    return;
                }
                let body = "<p>goutte</p>".repeat(100);
                let headers = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                if sock.write_all(headers.as_bytes()).await.is_err() {
                    return;
                }
                for b in body.bytes() {
                    tokio::time::sleep(byte_every).await;
                    if sock.write_all(&[b]).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    addr
}

#[tokio::test]
async fn a_dripping_body_is_abandoned_after_one_slow_window_and_archived_as_cut() {
    let addr = drip_server(std::time::Duration::from_millis(100)).await;
    let out = warc_dir("drip");
    let mut cfg = config(addr, &["drip.example"], &out);
    cfg.fetch.retries = 0;
    cfg.fetch.read_timeout = 5.0;
    // Far longer than the drip would need to reach the check twice: only the rate stops it.
    cfg.fetch.total_timeout = 60.0;
    cfg.fetch.min_rate = 100;
    cfg.fetch.min_rate_window = 1.0;
    crawl(cfg).await;
    let records = read_and_verify(&warc_files(&out));
    let page = records
        .iter()
        .find(|r| {
            r.record.target_uri() == Some("http://drip.example/")
                && matches!(r.record.record_type(), warc::RecordType::Response)
        })
        .expect("the dripped page is archived");
    assert_eq!(
        page.record.get("WARC-Truncated"),
        Some("time"),
        "marked as cut for time"
    );
    let received = page.record.block.len();
    assert!(
        received < 400,
        "abandoned after about one window (10 bytes a second for 1 s), not after the total timeout: {received} bytes of block"
    );
}

/// A host name that resolves to a loopback address (as a public site's DNS could answer, to
/// steer the crawler into the network it runs in) is not fetched unless the crawl allows
/// private addresses; the refusal is counted in the report.
#[tokio::test]
async fn names_resolving_to_private_addresses_are_refused_by_default() {
    let addr = raw_server(Arc::new(|_, path, _| match path {
        "/" => html("<p>intranet</p>"),
        _ => not_found(),
    }))
    .await;
    let seed = format!("http://localhost:{}/", addr.port());
    let run = |allow: bool, name: &'static str| {
        let seed = seed.clone();
        async move {
            let out = warc_dir(name);
            let mut cfg = CrawlConfig {
                name: "private".into(),
                ..CrawlConfig::default()
            };
            cfg.seeds.push(Seed {
                url: seed,
                insee: None,
                commune: None,
            });
            cfg.fetch.delay = 0.0;
            cfg.fetch.retries = 0;
            cfg.fetch.allow_private = allow;
            cfg.output.dir = out.clone();
            cfg.output.state_dir = Some(out.join("state"));
            cfg.output.prefix = "private".into();
            (crawl(cfg).await, out)
        }
    };
    let (report, out) = run(false, "private-refused").await;
    assert!(
        report
            .errors
            .get(&FetchErrorKind::Blocked)
            .is_some_and(|n| *n >= 1),
        "{:?}",
        report.errors
    );
    let written = std::fs::read_dir(&out)
        .expect("out dir")
        .flatten()
        .any(|e| e.file_name().to_string_lossy().ends_with(".warc.gz"));
    assert!(
        !written || responses(&read_and_verify(&warc_files(&out))).is_empty(),
        "nothing fetched from the loopback address"
    );
    let (report, out) = run(true, "private-allowed").await;
    assert!(!report.errors.contains_key(&FetchErrorKind::Blocked));
    assert!(
        responses(&read_and_verify(&warc_files(&out)))
            .keys()
            .any(|u| u.ends_with(&format!(":{}/", addr.port()))),
        "fetched when fetch.allow_private = true"
    );
}

// Bad input from servers (the table in BAD_INPUT.md): each is archived or refused with its
// URL named, and the crawl goes on to the page beside it.

/// The home page of the bad-input servers: the hostile path and a good page beside it.
fn home_with(bad: &str) -> Vec<u8> {
    html(&format!(
        "<a href=\"{bad}\">piège</a> <a href=\"/bonne-page.html\">bonne page</a>"
    ))
}

fn good_page() -> Vec<u8> {
    html("<p>Une bonne page.</p>")
}

#[tokio::test]
async fn a_gzip_bomb_is_archived_as_sent_and_decoded_no_further_than_the_limit() {
    // 1 GiB of zeros, about 1 MB once compressed.
    let bomb: Arc<Vec<u8>> = Arc::new({
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..1024 {
            gz.write_all(&zeros).expect("compress");
        }
        gz.finish().expect("finish")
    });
    let sent = bomb.len();
    let addr = raw_server(Arc::new(move |_, path, _| match path {
        "/" => home_with("/bombe.html"),
        "/bombe.html" => response(
            "200 OK",
            &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            &bomb,
        ),
        "/bonne-page.html" => good_page(),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("bad-gzip-bomb");
    crawl(config(addr, &["bombe.example"], &out)).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://bombe.example/bonne-page.html"));
    let (_, stored, _) = &captures["http://bombe.example/bombe.html"];
    assert_eq!(
        stored.len(),
        sent,
        "archived as transferred, never inflated"
    );
    let decoded = warc::http::decode_content_encoding(Some("gzip"), stored);
    assert_eq!(
        decoded.len() as u64,
        warc::http::MAX_DECODED_BYTES,
        "reading it back stops at the decoding limit"
    );
}

#[tokio::test]
async fn a_one_megabyte_header_and_ten_thousand_headers_are_refused_by_url() {
    let addr = raw_server(Arc::new(|_, path, _| match path {
        "/" => html(
            "<a href=\"/long\">l</a> <a href=\"/many\">m</a> <a href=\"/bonne-page.html\">b</a>",
        ),
        "/long" => {
            let value = "a".repeat(1 << 20);
            response("200 OK", &[("X-Long", &value)], b"<p>long</p>")
        }
        "/many" => {
            let names: Vec<String> = (0..10_000).map(|i| format!("X-H{i}")).collect();
            let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
            response("200 OK", &headers, b"<p>many</p>")
        }
        "/bonne-page.html" => good_page(),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("bad-headers");
    let mut cfg = config(addr, &["entetes.example"], &out);
    cfg.fetch.retries = 0;
    let report = crawl(cfg).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://entetes.example/bonne-page.html"));
    assert!(!captures.contains_key("http://entetes.example/long"));
    assert!(!captures.contains_key("http://entetes.example/many"));
    let invalid = report
        .errors
        .get(&FetchErrorKind::InvalidResponse)
        .copied()
        .unwrap_or(0);
    assert_eq!(invalid, 2, "{:?}", report.errors);
    let listed: Vec<&str> = report.failures.iter().map(|f| f.url.as_str()).collect();
    assert!(
        listed.contains(&"http://entetes.example/long")
            && listed.contains(&"http://entetes.example/many"),
        "the report names the URLs: {listed:?}"
    );
}

#[tokio::test]
async fn a_location_that_is_not_a_url_is_archived_and_not_followed() {
    let addr = raw_server(Arc::new(|_, path, _| match path {
        "/" => home_with("/redirige"),
        "/redirige" => response("302 Found", &[("Location", "http://exa mple:99999/[")], b""),
        "/bonne-page.html" => good_page(),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("bad-location");
    let report = crawl(config(addr, &["location.example"], &out)).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert_eq!(captures["http://location.example/redirige"].0, 302);
    assert!(captures.contains_key("http://location.example/bonne-page.html"));
    assert_eq!(report.bad_redirects, 1, "counted as an unusable redirect");
}

#[tokio::test]
async fn a_cookie_growing_on_every_redirect_is_never_sent_back() {
    let (addr, heads) = raw_server_logged(Arc::new(|_, path, _| {
        if let Some(n) = path.strip_prefix("/biscuit?n=") {
            let n: usize = n.parse().unwrap_or(0);
            let cookie = format!("c{n}={}", "x".repeat(1000 * (n + 1)));
            response(
                "302 Found",
                &[
                    ("Location", &format!("/biscuit?n={}", n + 1)),
                    ("Set-Cookie", &cookie),
                ],
                b"",
            )
        } else if path == "/" {
            home_with("/biscuit?n=0")
        } else if path == "/bonne-page.html" {
            good_page()
        } else {
            not_found()
        }
    }))
    .await;
    let out = warc_dir("bad-cookie");
    let mut cfg = config(addr, &["biscuit.example"], &out);
    cfg.scope.max_redirects = 5;
    crawl(cfg).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://biscuit.example/bonne-page.html"));
    let chain = captures.keys().filter(|u| u.contains("/biscuit?")).count();
    assert_eq!(chain, 6, "the redirects are bounded");
    let heads = heads.lock().expect("lock");
    assert!(
        heads
            .iter()
            .all(|h| !h.to_ascii_lowercase().contains("\ncookie:") && h.len() < 2000),
        "requests carry no cookie and stay small"
    );
}

#[tokio::test]
async fn a_five_megabyte_robots_txt_is_obeyed() {
    // 5 MB of rules; the one that matters comes first, as RFC 9309 asks crawlers to read at
    // least 500 KiB.
    let robots: Arc<Vec<u8>> = Arc::new({
        let mut r = String::from("User-agent: *\nDisallow: /prive/\n");
        let mut i = 0;
        while r.len() < 5 << 20 {
            r.push_str(&format!("Disallow: /archives/{i}/\n"));
            i += 1;
        }
        r.into_bytes()
    });
    let addr = raw_server(Arc::new(move |_, path, _| match path {
        "/robots.txt" => response("200 OK", &[("Content-Type", "text/plain")], &robots),
        "/" => html("<a href=\"/prive/secret.html\">p</a> <a href=\"/bonne-page.html\">b</a>"),
        "/bonne-page.html" => good_page(),
        _ => html("<p>autre</p>"),
    }))
    .await;
    let out = warc_dir("bad-robots-5mb");
    let report = crawl(config(addr, &["robots.example"], &out)).await;
    let captures = responses(&read_and_verify(&warc_files(&out)));
    assert!(captures.contains_key("http://robots.example/bonne-page.html"));
    assert!(!captures.contains_key("http://robots.example/prive/secret.html"));
    assert_eq!(report.hosts["robots.example"].robots_excluded, 1);
}

#[tokio::test]
async fn an_entity_bomb_sitemap_and_a_self_referencing_index_end_quietly() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<urlset xmlns="http://www.sitemaps.org/schemas/0.9"><url><loc>http://sitemap.example/&lol9;</loc></url><url><loc>http://sitemap.example/bonne-page.html</loc></url></urlset>"#;
    let index = r#"<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/0.9"><sitemap><loc>http://sitemap.example/index.xml</loc></sitemap><sitemap><loc>http://sitemap.example/bombe.xml</loc></sitemap></sitemapindex>"#;
    let addr = raw_server(Arc::new(move |_, path, _| match path {
        "/robots.txt" => response(
            "200 OK",
            &[("Content-Type", "text/plain")],
            b"User-agent: *\nAllow: /\nSitemap: http://sitemap.example/index.xml\n",
        ),
        "/" => html("<p>accueil</p>"),
        "/index.xml" => response(
            "200 OK",
            &[("Content-Type", "application/xml")],
            index.as_bytes(),
        ),
        "/bombe.xml" => response(
            "200 OK",
            &[("Content-Type", "application/xml")],
            bomb.as_bytes(),
        ),
        "/bonne-page.html" => good_page(),
        _ => not_found(),
    }))
    .await;
    let out = warc_dir("bad-sitemaps");
    crawl(config(addr, &["sitemap.example"], &out)).await;
    let records = read_and_verify(&warc_files(&out));
    let fetched_index = records
        .iter()
        .filter(|r| r.record.record_type() == warc::RecordType::Response)
        .filter(|r| r.record.target_uri() == Some("http://sitemap.example/index.xml"))
        .count();
    assert_eq!(fetched_index, 1, "the index naming itself is fetched once");
    let captures = responses(&records);
    assert!(captures.contains_key("http://sitemap.example/bombe.xml"));
    assert!(
        captures.contains_key("http://sitemap.example/bonne-page.html"),
        "the bomb's other URLs are followed"
    );
    assert!(
        !captures.keys().any(|u| u.contains("lollol")),
        "entities are never expanded"
    );
}

/// The end-of-crawl check of known URLs nothing links to: a page that failed hides its links,
/// so a host where the crawl met errors is not checked (its pages are not called unlinked);
/// once the site answers again, a page dropped from every link is fetched once more with a
/// `metadata` record saying so, and its links are not followed.
#[tokio::test]
async fn known_pages_are_checked_for_links_only_on_hosts_without_errors() {
    let phase = Arc::new(AtomicUsize::new(0));
    let seen = phase.clone();
    let addr = raw_server(Arc::new(move |_, path, _| {
        match (seen.load(Ordering::SeqCst), path) {
            (1, "/") => response("500 Internal Server Error", &[], b"panne"),
            (0, "/") => html(r#"<a href="/a.html">a</a> <a href="/b.html">b</a>"#),
            (_, "/") => html(r#"<a href="/a.html">a</a>"#),
            (_, "/a.html") => html("<p>Page A</p>"),
            (0, "/b.html") => html("<p>Page B</p>"),
            // Unlinked, /b gains a link to a page the site never linked.
            (_, "/b.html") => html(r#"<p>Page B, <a href="/c.html">c</a></p>"#),
            (_, "/c.html") => html("<p>Page C</p>"),
            _ => not_found(),
        }
    }))
    .await;
    let out = warc_dir("sweep-hosts");
    let run = |phase_now: usize| {
        phase.store(phase_now, Ordering::SeqCst);
        let mut cfg = config(addr, &["site.example"], &out);
        cfg.fetch.retries = 1;
        crawl(cfg)
    };
    let first = run(0).await;
    assert_eq!(first.new, 3, "/, /a, /b: {first:?}");
    let metadata_in = |report: &CrawlReport| -> Vec<String> {
        let files: Vec<std::path::PathBuf> = report
            .warc_files
            .iter()
            .map(std::path::PathBuf::from)
            .collect();
        read_and_verify(&files)
            .into_iter()
            .filter(|r| warc::record::says_unlinked(&r.record))
            .filter_map(|r| r.record.target_uri().map(str::to_string))
            .collect()
    };

    // The home page fails: /a and /b are not reached, and not called unlinked.
    let failed = run(1).await;
    assert_eq!(failed.unlinked, 0, "{failed:?}");
    assert!(metadata_in(&failed).is_empty());

    // The home page answers without /b: /b is fetched once more, marked unlinked, and the
    // page it links to (never linked by the site) is not followed.
    let dropped = run(2).await;
    assert_eq!(dropped.unlinked, 1, "{dropped:?}");
    assert_eq!(
        metadata_in(&dropped),
        vec!["http://site.example/b.html".to_string()]
    );
    let captured = responses(&read_and_verify(
        &dropped
            .warc_files
            .iter()
            .map(std::path::PathBuf::from)
            .collect::<Vec<_>>(),
    ));
    assert!(!captured.contains_key("http://site.example/c.html"));
}
