//! WARC files written by other tools (Python's warcio; wget against the sample server) read
//! back without error, `crawler cdxj` indexes them as `cdxj-indexer` does, and `crawler
//! verify` finds their digests and index sound.

mod common;

use std::process::Command;

use common::*;
use warc::WarcReader;

#[test]
fn warcio_written_warc_reads_and_indexes_like_cdxj_indexer() {
    let Some(python) = external_tool("python3") else {
        return;
    };
    let has_warcio = Command::new(&python)
        .args(["-c", "import warcio"])
        .status()
        .is_ok_and(|s| s.success());
    if !has_warcio {
        assert!(
            std::env::var_os("CI").is_none(),
            "warcio is not importable: run scripts/test.sh"
        );
        eprintln!("note: warcio not importable; skipped");
        return;
    }
    let dir = warc_dir("foreign-warcio");
    let warc = dir.join("warcio.warc.gz");
    let status = Command::new(&python)
        .arg(repo_root().join("crawler/tests/fixtures/make_warcio_warc.py"))
        .arg(&warc)
        .status()
        .expect("python runs");
    assert!(status.success());
    let records: Vec<_> = WarcReader::open(&warc)
        .expect("open")
        .map(|r| r.expect("every record reads"))
        .collect();
    assert_eq!(records.len(), 7);
    warc::cdxj::write_index(&warc).expect("index");
    assert_cdxj_matches_cdxj_indexer(&warc);
    assert_verifies(&warc);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wget_written_warc_of_the_sample_indexes_like_cdxj_indexer() {
    let Some(wget) = external_tool("wget") else {
        return;
    };
    let site = sample_site();
    let addr = start_sample_server(site).await;
    let dir = warc_dir("foreign-wget");
    wget_warc(
        &wget,
        &dir,
        addr,
        "http://www.allonnes.example/",
        "wget",
        2,
        &[],
    )
    .await;
    let warc = dir.join("wget.warc.gz");
    let records: Vec<_> = WarcReader::open(&warc)
        .expect("open")
        .map(|r| r.expect("every record reads"))
        .collect();
    assert!(records.len() > 20, "{} records", records.len());
    warc::cdxj::write_index(&warc).expect("index");
    assert_cdxj_matches_cdxj_indexer(&warc);
    assert_verifies(&warc);
}

/// The fixity check finds nothing wrong with another tool's file and our index of it.
fn assert_verifies(warc: &std::path::Path) {
    let report = warc::verify::verify_file(warc, |_| {}).expect("verify");
    assert!(report.faults.is_empty(), "{:?}", report.faults);
    assert!(report.has_cdxj && report.cdxj_lines > 0);
    assert!(report.digests_ok > 0);
}
