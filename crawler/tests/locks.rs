//! One crawl at a time on a directory: a second crawl started while the first runs is refused
//! with status 2, a message naming the directory and the process holding it, and touches
//! nothing; the first finishes every URL with clean WARC files (checked by warcio in
//! scripts/test.sh).

mod common;

use std::collections::BTreeSet;

use common::*;
use warc::RecordType;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_crawl_on_the_same_directories_is_refused() {
    let site = sample_site();
    let hosts = site.hosts();
    let addr = start_sample_server(site).await;

    // The reference: what one crawl archives.
    let reference_dir = reference_crawl(addr, "locks-reference").await;
    let urls = |dir: &std::path::Path| -> BTreeSet<String> {
        read_and_verify(&warc_files(dir))
            .iter()
            .filter(|r| matches!(r.record.record_type(), RecordType::Response))
            .filter_map(|r| r.record.target_uri().map(str::to_string))
            .collect()
    };
    let reference = urls(&reference_dir);

    // The first crawl runs; the second starts while its WARC file is being written.
    let out = warc_dir("locks-first");
    let mut first = sample_crawl_command(&out, &hosts, addr)
        .spawn()
        .expect("crawler starts");
    wait_for_open_warc(&mut first, &out, 50_000).await;
    let open_before = open_warc_bytes(&out);
    let second = tokio::task::spawn_blocking({
        let out = out.clone();
        let hosts = hosts.clone();
        move || {
            sample_crawl_command(&out, &hosts, addr)
                .stderr(std::process::Stdio::piped())
                .output()
        }
    })
    .await
    .expect("join")
    .expect("second crawler runs");
    assert_eq!(second.status.code(), Some(2), "the second crawl is refused");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains(&out.display().to_string())
            && stderr.contains(&first.id().to_string())
            && stderr.contains("another crawl"),
        "the refusal names the directory and the holder: {stderr}"
    );
    assert!(
        !stderr.contains("repaired"),
        "the second crawl repaired the first one's live file: {stderr}"
    );
    assert!(
        open_warc_bytes(&out) >= open_before,
        "the first crawl's open WARC file is untouched"
    );

    let status = tokio::task::spawn_blocking(move || first.wait())
        .await
        .expect("join")
        .expect("first crawl ends");
    assert!(status.success());
    assert_eq!(open_warc_bytes(&out), 0, "no file left open");
    assert_eq!(urls(&out), reference, "the first crawl archived every URL");
}
