//! Incremental recrawl: crawl the sample, change it (content version 1), crawl again; the
//! second crawl sends conditional requests, archives unchanged pages as revisits pointing at
//! the first captures, and archives new and changed pages in full.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use common::*;
use crawler::crawl::StartMode;
use warc::{RecordType, WarcReader};

/// One crawl of the sample into `out` (a finished crawl run again is a recrawl).
async fn crawl(
    addr: std::net::SocketAddr,
    out: &std::path::Path,
) -> Result<crawler::report::CrawlReport, crawler::crawl::CrawlError> {
    crawler::crawl::run(
        sample_config(addr, out),
        StartMode::ResumeOrStart,
        std::future::pending(),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recrawl_archives_revisits_and_changes() {
    let site = sample_site();
    let version = site.version.clone();
    let addr = start_sample_server(site).await;
    let out = warc_dir("recrawl");

    let first = crawl(addr, &out).await.expect("first crawl");
    assert!(
        first.new > 100,
        "first crawl: everything is new ({})",
        first.new
    );
    assert_eq!(first.unchanged + first.changed + first.gone, 0);

    version.store(1, std::sync::atomic::Ordering::SeqCst);
    let second = crawl(addr, &out).await.expect("second crawl");
    assert!(
        !second.resumed,
        "a finished crawl is not resumed: the second run is a recrawl"
    );
    assert_eq!(second.new, 1, "the article added in version 1");
    assert_eq!(
        second.gone, 2,
        "the articles removed in version 1 (404 and 410)"
    );
    assert_eq!(
        second.redirected, 1,
        "the article redirected to the home page"
    );
    assert_eq!(
        second.unlinked, 1,
        "the article only the feed linked, fetched once more at the end"
    );
    assert!(second.changed >= 1, "the news list changed");
    assert!(
        second.unchanged > 100,
        "unchanged pages: {}",
        second.unchanged
    );

    // Every WARC file of both runs reads back, digests verify, requests pair with responses.
    let all_files = warc_files(&out);
    read_and_verify(&all_files);
    let second_files: Vec<PathBuf> = second.warc_files.iter().map(PathBuf::from).collect();
    for f in &all_files {
        assert_cdxj_matches_cdxj_indexer(f);
    }

    // Index the first run's response records by id.
    let mut originals: HashMap<String, (String, String)> = HashMap::new();
    for f in first.warc_files.iter().map(PathBuf::from) {
        for r in WarcReader::open(&f).expect("open").flatten() {
            if r.record.record_type() == RecordType::Response {
                originals.insert(
                    r.record.id().expect("id").to_string(),
                    (
                        r.record.target_uri().expect("uri").to_string(),
                        r.record.date().expect("date").to_string(),
                    ),
                );
            }
        }
    }

    let mut profiles: HashMap<String, usize> = HashMap::new();
    let mut full: HashMap<String, u16> = HashMap::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut unlinked: Vec<(String, String)> = Vec::new();
    for f in &second_files {
        for r in WarcReader::open(f).expect("open").flatten() {
            let rec = &r.record;
            match rec.record_type() {
                RecordType::Revisit => {
                    let profile = rec.get("WARC-Profile").expect("profile").to_string();
                    *profiles.entry(profile).or_default() += 1;
                    let refers_to = rec.get("WARC-Refers-To").expect("Refers-To");
                    let (uri, date) = originals
                        .get(refers_to)
                        .expect("refers to a first-run response");
                    assert_eq!(rec.get("WARC-Refers-To-Target-URI"), Some(uri.as_str()));
                    assert_eq!(rec.get("WARC-Refers-To-Date"), Some(date.as_str()));
                    assert_eq!(rec.target_uri(), Some(uri.as_str()));
                }
                RecordType::Response => {
                    let head = warc::http::parse_response_head(&rec.block).expect("head");
                    full.insert(rec.target_uri().expect("uri").to_string(), head.status);
                }
                RecordType::Metadata => {
                    assert!(warc::record::says_unlinked(rec), "{:?}", rec.fields);
                    unlinked.push((
                        rec.target_uri().expect("uri").to_string(),
                        rec.get("WARC-Concurrent-To")
                            .expect("concurrent")
                            .to_string(),
                    ));
                }
                _ => {}
            }
            if let (Some(id), Some(uri)) = (rec.id(), rec.target_uri()) {
                ids.insert(id.to_string(), uri.to_string());
            }
        }
    }
    assert!(
        profiles["http://netpreserve.org/warc/1.1/revisit/server-not-modified"] > 50,
        "{profiles:?}"
    );
    assert!(
        profiles
            .get("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")
            .copied()
            .unwrap_or(0)
            > 0,
        "pages without validators but with the same content: {profiles:?}"
    );
    assert_eq!(
        full.get("http://www.allonnes.example/actualites/2016/borne-numerique-mairie.html"),
        Some(&200)
    );
    assert_eq!(
        full.get("http://www.allonnes.example/actualites/"),
        Some(&200)
    );
    assert_eq!(
        full.get("http://www.allonnes.example/actualites/2013/budget-primitif-2013.html"),
        Some(&410)
    );
    // The unlinked page's capture has its metadata record, about that very capture.
    let video = "http://www.allonnes.example/actualites/2015/conseil-municipal-video.html";
    assert_eq!(unlinked.len(), 1, "{unlinked:?}");
    assert_eq!(unlinked[0].0, video);
    assert_eq!(ids.get(&unlinked[0].1).map(String::as_str), Some(video));
}

/// The WARC files of an earlier crawl were deleted (or moved) but its state was kept: the
/// recrawl cannot repeat captures it no longer has, so it archives every page in full and
/// still discovers the whole site.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recrawl_after_the_warc_files_are_gone_archives_in_full() {
    let addr = start_sample_server(sample_site()).await;
    let out = warc_dir("recrawl-files-gone");
    let first = crawl(addr, &out).await.expect("first crawl");
    for f in warc_files(&out) {
        std::fs::remove_file(&f).expect("remove WARC file");
        let _ = std::fs::remove_file(warc::cdxj::cdxj_path(&f));
    }
    let second = crawl(addr, &out).await.expect("second crawl");
    assert_eq!(
        second.unchanged, 0,
        "no revisit can point at a deleted file"
    );
    assert!(
        second.captures >= first.captures,
        "the whole site is captured again: {} then {}",
        first.captures,
        second.captures
    );
    let records = read_and_verify(&warc_files(&out));
    assert!(
        !records
            .iter()
            .any(|r| r.record.record_type() == RecordType::Revisit),
        "no revisit records"
    );
}
