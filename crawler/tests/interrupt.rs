//! Ctrl-C (SIGINT) part-way through a crawl: the crawler finishes the fetches in flight,
//! closes its WARC file cleanly and reports the crawl as interrupted.

mod common;

use std::process::Command;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_closes_the_warc_cleanly() {
    let site = sample_site();
    let hosts = site.hosts();
    let addr = start_sample_server(site).await;
    let out = warc_dir("interrupted");
    let report_path = out.join("report.json");
    let mut child = sample_crawl_command(&out, &hosts, addr)
        .arg("--fresh")
        .spawn()
        .expect("crawler starts");
    // Interrupt once the open WARC file holds some captures.
    wait_for_open_warc(&mut child, &out, 40_000).await;
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .expect("join")
        .expect("wait");
    assert!(
        exit.success(),
        "crawler exits cleanly after SIGINT: {exit:?}"
    );

    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .expect("out dir")
        .flatten()
        .filter(|e| e.path().to_string_lossy().ends_with(".open"))
        .collect();
    assert!(leftovers.is_empty(), "WARC renamed from .open");
    let records = read_and_verify(&warc_files(&out));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report_path).expect("report written"))
            .expect("JSON");
    assert_eq!(report["interrupted"], true);
    let captures = responses(&records).len() as u64;
    assert_eq!(report["captures"].as_u64(), Some(captures));
    assert!(captures > 0);
}
