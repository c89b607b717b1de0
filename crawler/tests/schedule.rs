//! The scheduler runs a job on a one-second cron schedule twice (the second run recrawls
//! incrementally), never overlapping runs of one job, and survives a failing job.

mod common;

use std::path::Path;

use common::*;
use crawler::config::CrawlConfig;
use crawler::schedule::{load_jobs, run_schedule};

fn write_config(
    addr: std::net::SocketAddr,
    dir: &Path,
    name: &str,
    out: &Path,
) -> std::path::PathBuf {
    let mut config: CrawlConfig = sample_config(addr, out);
    config.name = name.into();
    config
        .seeds
        .retain(|s| s.url.contains("www.allonnes.example"));
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, toml::to_string(&config).expect("config serialises"))
        .expect("write config");
    path
}

/// A jobs file running the crawl config `NAME.toml` of `dir` every second.
fn every_second_job(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join("jobs.toml");
    std::fs::write(
        &path,
        format!(
            "[[job]]\nname = \"{name}\"\nschedule = \"* * * * * *\"\nconfig = \"{name}.toml\"\n"
        ),
    )
    .expect("write jobs");
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_one_second_job_runs_twice_without_overlap() {
    let addr = start_sample_server(sample_site()).await;
    let dir = warc_dir("schedule");
    let out = dir.join("warcs");
    write_config(addr, &dir, "allonnes", &out);
    let jobs_file = every_second_job(&dir, "allonnes");
    let jobs = load_jobs(&jobs_file).expect("jobs load");
    let summary = run_schedule(jobs, Some(2), std::future::pending()).await;
    let s = &summary[0];
    assert_eq!((s.started, s.succeeded, s.failed), (2, 2, 0));
    let (first, second) = (&s.reports[0], &s.reports[1]);
    assert!(first.new > 10);
    assert!(
        second.unchanged > 10,
        "the second run recrawls incrementally"
    );
    assert!(
        second.started >= first.finished,
        "runs of one job never overlap"
    );
    let reports = std::fs::read_dir(&out)
        .expect("out dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with("-report.json"))
        .count();
    assert!(reports >= 1, "each run writes its JSON report");
    read_and_verify(&warc_files(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_job_does_not_stop_the_scheduler() {
    let addr = start_sample_server(sample_site()).await;
    let dir = warc_dir("schedule-failing");
    write_config(addr, &dir, "good", &dir.join("warcs"));
    // An output directory that cannot be created: under a regular file.
    std::fs::write(dir.join("not-a-dir"), b"").expect("write file");
    write_config(addr, &dir, "bad", &dir.join("not-a-dir").join("warcs"));
    let jobs_file = dir.join("jobs.toml");
    std::fs::write(
        &jobs_file,
        "[[job]]\nname = \"bad\"\nschedule = \"* * * * * *\"\nconfig = \"bad.toml\"\n\n\
         [[job]]\nname = \"good\"\nschedule = \"* * * * * *\"\nconfig = \"good.toml\"\n",
    )
    .expect("write jobs");
    let summary = run_schedule(
        load_jobs(&jobs_file).expect("jobs load"),
        Some(3),
        std::future::pending(),
    )
    .await;
    assert!(
        summary[0].failed >= 1,
        "the bad job failed: {:?}",
        summary[0]
    );
    assert_eq!(summary[0].succeeded, 0);
    assert!(
        summary[1].succeeded >= 1,
        "the good job still ran: {:?}",
        summary[1]
    );
}

#[test]
fn bad_jobs_files_are_reported_clearly() {
    let dir = warc_dir("schedule-bad-file");
    let path = dir.join("jobs.toml");
    std::fs::write(
        &path,
        "[[job]]\nname = \"x\"\nschedule = \"tous les lundis\"\nconfig = \"x.toml\"\n",
    )
    .expect("write");
    let err = load_jobs(&path).expect_err("invalid cron").to_string();
    assert!(err.contains("not a cron expression"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_whose_crawl_runs_elsewhere_is_skipped() {
    let addr = start_sample_server(sample_site()).await;
    let dir = warc_dir("schedule-locked");
    let out = dir.join("warcs");
    write_config(addr, &dir, "allonnes", &out);
    let jobs_file = every_second_job(&dir, "allonnes");
    // Another crawl holds the job's output directory (a crawl started by hand).
    let held = crawler::lock::DirLock::acquire(&out).expect("lock");
    let summary = run_schedule(
        load_jobs(&jobs_file).expect("jobs load"),
        Some(1),
        std::future::pending(),
    )
    .await;
    let s = &summary[0];
    assert_eq!(
        (s.started, s.succeeded, s.failed, s.skipped),
        (0, 0, 0, 1),
        "{s:?}"
    );
    assert!(warc_files(&out).is_empty(), "nothing was written");
    drop(held);
}
