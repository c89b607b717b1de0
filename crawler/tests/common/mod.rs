//! Helpers shared by the crawler's integration tests: the sample server on a free loopback
//! port, crawl configs pointed at it, and reading WARC files back with digest checks.
#![allow(dead_code)]

// Each test file uses some of them.
#[allow(unused_imports)]
pub use testkit::{
    external_tool, repo_root, sample_site, start_sample_server, warc_files, wget_warc,
};

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crawler::config::CrawlConfig;
use warc::digest::DigestCheck;
use warc::http::parse_response_head;
use warc::reader::ReadRecord;
use warc::{RecordType, WarcReader, verify_digest};

/// A directory for a test's WARC files, kept after the test under target/tmp so that CI can
/// check them with independent tools (warcio).
pub fn warc_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("warcs")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create test WARC dir");
    dir
}

/// data/crawls/sample.toml, resolved to the test server and writing into `out`.
pub fn sample_config(addr: SocketAddr, out: &Path) -> CrawlConfig {
    let mut config = CrawlConfig::from_file(&repo_root().join("data/crawls/sample.toml"))
        .expect("sample.toml parses");
    config.point_at(addr);
    config.output.dir = out.to_path_buf();
    config.output.state_dir = Some(out.join("state"));
    config
}

/// Every record of the files, asserting that each parses and each digest verifies, that
/// each file starts with a warcinfo record, and that each request has its response.
pub fn read_and_verify(files: &[PathBuf]) -> Vec<ReadRecord> {
    assert!(!files.is_empty(), "no WARC file written");
    let mut all = Vec::new();
    for file in files {
        let mut first = true;
        for item in WarcReader::open(file).expect("open WARC") {
            let r = item.unwrap_or_else(|e| panic!("unreadable record: {e}"));
            assert_eq!(r.record.version, "WARC/1.1");
            if first {
                assert_eq!(
                    r.record.record_type(),
                    RecordType::Warcinfo,
                    "{}",
                    file.display()
                );
                first = false;
            }
            let block_digest = r.record.get("WARC-Block-Digest").expect("block digest");
            assert_eq!(
                verify_digest(block_digest, &r.record.block),
                DigestCheck::Match,
                "block digest of {:?}",
                r.record.target_uri()
            );
            if r.record.record_type() == RecordType::Response {
                let head = parse_response_head(&r.record.block).expect("HTTP head parses");
                let payload = &r.record.block[head.body_offset..];
                let digest = r.record.get("WARC-Payload-Digest").expect("payload digest");
                assert_eq!(verify_digest(digest, payload), DigestCheck::Match);
                assert!(head.header("transfer-encoding").is_none());
                assert!(r.record.get("WARC-IP-Address").is_some());
                assert!(r.record.get("WARC-Warcinfo-ID").is_some());
            }
            all.push(r);
        }
    }
    let responses: HashMap<&str, &ReadRecord> = all
        .iter()
        .filter(|r| {
            matches!(
                r.record.record_type(),
                RecordType::Response | RecordType::Revisit
            )
        })
        .filter_map(|r| Some((r.record.id()?, r)))
        .collect();
    for r in all
        .iter()
        .filter(|r| r.record.record_type() == RecordType::Request)
    {
        let to = r
            .record
            .get("WARC-Concurrent-To")
            .expect("request has Concurrent-To");
        let resp = responses
            .get(to)
            .expect("request's response is in the WARC");
        assert_eq!(
            resp.record.date(),
            r.record.date(),
            "request and response share WARC-Date"
        );
        assert_eq!(resp.record.target_uri(), r.record.target_uri());
    }
    let requests = all
        .iter()
        .filter(|r| r.record.record_type() == RecordType::Request)
        .count();
    assert_eq!(requests, responses.len(), "one request per response");
    all
}

/// Captures by URL: (status, payload bytes, record) of each response record.
pub fn responses(records: &[ReadRecord]) -> HashMap<String, (u16, Vec<u8>, ReadRecord)> {
    records
        .iter()
        .filter(|r| r.record.record_type() == RecordType::Response)
        .map(|r| {
            let head = parse_response_head(&r.record.block).expect("HTTP head parses");
            (
                r.record.target_uri().unwrap_or_default().to_string(),
                (
                    head.status,
                    r.record.block[head.body_offset..].to_vec(),
                    r.clone(),
                ),
            )
        })
        .collect()
}

/// Checks the CDXJ index written beside `warc` against `cdxj-indexer`'s output: same lines
/// (keys, timestamps, urls, mime, status, digests, lengths, offsets, file names).
pub fn assert_cdxj_matches_cdxj_indexer(warc: &Path) {
    let ours_path = warc::cdxj::cdxj_path(warc);
    let ours = std::fs::read_to_string(&ours_path)
        .unwrap_or_else(|e| panic!("no CDXJ beside {}: {e}", warc.display()));
    let Some(tool) = external_tool("cdxj-indexer") else {
        return;
    };
    let out = std::process::Command::new(tool)
        .arg(warc)
        .output()
        .expect("cdxj-indexer runs");
    assert!(
        out.status.success(),
        "cdxj-indexer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut theirs: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    theirs.sort();
    let ours: Vec<String> = ours.lines().map(str::to_string).collect();
    assert!(!ours.is_empty());
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a, b, "CDXJ line differs from cdxj-indexer's");
    }
    assert_eq!(ours.len(), theirs.len(), "same number of CDXJ lines");
}

/// Bytes in the `.open` WARC files of a directory (a crawl in progress).
pub fn open_warc_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .ok()
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().to_string_lossy().ends_with(".open"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// The `crawler crawl` command for data/crawls/sample.toml against the test server, writing
/// WARC files, state and report into `out`.
pub fn sample_crawl_command(
    out: &Path,
    hosts: &[String],
    addr: SocketAddr,
) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_crawler"));
    cmd.current_dir(repo_root())
        .args(["crawl", "--config", "data/crawls/sample.toml", "--out"])
        .arg(out)
        .arg("--state")
        .arg(out.join("state"))
        .arg("--report")
        .arg(out.join("report.json"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    for h in hosts {
        cmd.arg("--resolve").arg(format!("{h}={addr}"));
    }
    cmd
}

/// Waits (polling, no fixed sleep) until the crawl writing into `out` has `bytes` in its open
/// WARC file; fails if the process ends first.
pub async fn wait_for_open_warc(child: &mut std::process::Child, out: &Path, bytes: u64) {
    let mut polls = 0;
    while open_warc_bytes(out) < bytes {
        assert!(
            child.try_wait().expect("poll").is_none(),
            "crawl ended before the chosen point"
        );
        assert!(polls < 6000, "no WARC data after 60 s");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        polls += 1;
    }
}

/// An uninterrupted crawl of the sample served at `addr` into a fresh `warc_dir(name)`: the
/// reference what an interrupted or contested crawl is compared with.
pub async fn reference_crawl(addr: SocketAddr, name: &str) -> PathBuf {
    let dir = warc_dir(name);
    crawler::crawl::run(
        sample_config(addr, &dir),
        crawler::crawl::StartMode::Fresh,
        std::future::pending(),
    )
    .await
    .expect("reference crawl");
    dir
}

/// A new, empty PostgreSQL database named `name` on the test cluster that scripts/test.sh
/// starts (`VEILLE_TEST_POSTGRES`), as a URL. Without the cluster: `None`, saying the test is
/// skipped; under CI, a failure (the shared-frontier tests are required there).
pub fn postgres_database(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("VEILLE_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "VEILLE_TEST_POSTGRES is not set: scripts/test.sh starts a PostgreSQL cluster for these tests"
        );
        eprintln!(
            "note: VEILLE_TEST_POSTGRES not set; PostgreSQL test skipped (run scripts/test.sh)"
        );
        return None;
    };
    let db = name.to_string();
    let admin = base.clone();
    // The sync client may not run inside the tests' async runtime: a thread of its own.
    std::thread::spawn(move || {
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .expect("connect to the test PostgreSQL cluster");
        for sql in [
            format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"),
            format!("CREATE DATABASE {db}"),
        ] {
            client
                .batch_execute(&sql)
                .expect("create the test database");
        }
    })
    .join()
    .expect("database setup thread");
    let mut url = url::Url::parse(&base).expect("VEILLE_TEST_POSTGRES is a URL");
    url.set_path(&format!("/{name}"));
    Some(url.to_string())
}

/// Runs statements on a test database from a thread of its own (the sync client may not run
/// inside the tests' async runtime); returns the rows' first columns as text.
pub fn postgres_query(url: &str, sql: &str) -> Vec<String> {
    postgres_try_query(url, sql).unwrap_or_else(|e| panic!("test query {sql:?}: {e}"))
}

/// [`postgres_query`], with PostgreSQL's error (a table not created yet…) returned.
pub fn postgres_try_query(url: &str, sql: &str) -> Result<Vec<String>, String> {
    let (url, sql) = (url.to_string(), sql.to_string());
    std::thread::spawn(move || {
        let mut client =
            postgres::Client::connect(&url, postgres::NoTls).map_err(|e| e.to_string())?;
        Ok(client
            .simple_query(&sql)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter_map(|m| match m {
                postgres::SimpleQueryMessage::Row(r) => r.get(0).map(str::to_string),
                _ => None,
            })
            .collect())
    })
    .join()
    .expect("query thread")
}
