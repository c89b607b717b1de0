//! Ctrl-C (SIGINT) part-way through a crawl: the crawler finishes the fetches in flight,
//! closes its WARC file cleanly and reports the crawl as interrupted.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_closes_the_warc_cleanly() {
    let site = sample_site();
    let hosts = site.hosts();
    let addr = start_sample_server(site).await;
    let out = warc_dir("interrupted");
    let report_path = out.join("report.json");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crawler"));
    cmd.current_dir(repo_root())
        .args([
            "crawl",
            "--fresh",
            "--config",
            "data/crawls/sample.toml",
            "--out",
        ])
        .arg(&out)
        .arg("--report")
        .arg(&report_path)
        .arg("--state")
        .arg(out.join("state"))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for h in &hosts {
        cmd.arg("--resolve").arg(format!("{h}={addr}"));
    }
    let mut child = cmd.spawn().expect("crawler starts");

    // Interrupt once the open WARC file holds some captures.
    let open_size = || {
        std::fs::read_dir(&out)
            .ok()
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().to_string_lossy().ends_with(".open"))
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum::<u64>()
    };
    let mut waited = 0;
    while open_size() < 40_000 {
        assert!(
            child.try_wait().expect("poll").is_none(),
            "crawl ended before the interrupt point"
        );
        assert!(waited < 3000, "no WARC data after 60 s");
        tokio::time::sleep(Duration::from_millis(20)).await;
        waited += 1;
    }
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
