//! A crawl killed with SIGKILL part-way resumes from its state directory: the WARC file left
//! `.open` is repaired, the URLs in flight are fetched again, and the union of what the two
//! runs archived equals what an uninterrupted crawl archives.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use warc::RecordType;

fn archived_urls(records: &[warc::reader::ReadRecord]) -> Vec<String> {
    records
        .iter()
        .filter(|r| {
            matches!(
                r.record.record_type(),
                RecordType::Response | RecordType::Revisit
            )
        })
        .filter_map(|r| r.record.target_uri().map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_crawl_resumes_and_loses_nothing() {
    let site = sample_site();
    let hosts = site.hosts();
    let addr = start_sample_server(site).await;

    // The reference: an uninterrupted crawl.
    let reference_dir = reference_crawl(addr, "resume-reference").await;
    let reference: BTreeSet<String> = archived_urls(&read_and_verify(&warc_files(&reference_dir)))
        .into_iter()
        .collect();

    // The same crawl, killed once its open WARC file holds 400 kB.
    let out = warc_dir("resume-killed");
    let mut child = sample_crawl_command(&out, &hosts, addr)
        .spawn()
        .expect("crawler starts");
    wait_for_open_warc(&mut child, &out, 400_000).await;
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(
        open_warc_bytes(&out) > 0,
        "the killed crawl left its WARC file open"
    );

    // Resume: same command, no --fresh.
    let status = tokio::task::spawn_blocking({
        let out = out.clone();
        let hosts = hosts.clone();
        move || sample_crawl_command(&out, &hosts, addr).status()
    })
    .await
    .expect("join")
    .expect("crawler runs");
    assert!(status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report"))
            .expect("JSON");
    assert_eq!(report["resumed"], true, "the second run says it resumed");
    assert_eq!(report["repaired_files"].as_array().map(Vec::len), Some(1));
    assert_eq!(open_warc_bytes(&out), 0, "no file left open");

    let files = warc_files(&out);
    assert!(
        files.len() >= 2,
        "the repaired file and the resumed run's file"
    );
    let urls = archived_urls(&read_and_verify(&files));
    let union: BTreeSet<String> = urls.iter().cloned().collect();
    assert_eq!(
        union, reference,
        "the two runs together archived what one uninterrupted crawl does"
    );
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for u in &urls {
        *counts.entry(u.as_str()).or_default() += 1;
    }
    let twice: Vec<&&str> = counts
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(u, _)| u)
        .collect();
    assert!(
        twice.len() <= 8,
        "only URLs in flight at the kill (at most the concurrency, 8) are archived twice: {twice:?}"
    );
    for f in &files {
        assert_cdxj_matches_cdxj_indexer(f);
    }
}
