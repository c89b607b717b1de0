//! Scheduled crawl jobs: named crawls run on cron expressions (`crawler schedule`), each
//! resuming or recrawling from its own state directory, never two runs of one job at once,
//! each run logged with its report, and a failing run never stopping the scheduler.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use croner::Cron;
use serde::Deserialize;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::config::CrawlConfig;
use crate::crawl::{CrawlError, StartMode};
use crate::report::CrawlReport;

/// Errors loading a jobs file.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// The jobs file could not be read.
    #[error("cannot read jobs file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The jobs file is not valid.
    #[error("jobs file {path} is invalid: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// One `[[job]]` of a jobs file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    /// The job's name (in logs and reports).
    pub name: String,
    /// Cron expression, 5 fields (minute precision) or 6 (with seconds first).
    pub schedule: String,
    /// The crawl config, relative to the jobs file.
    pub config: PathBuf,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JobsFile {
    #[serde(rename = "job", default)]
    jobs: Vec<JobSpec>,
}

/// A job ready to run.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its name.
    pub name: String,
    /// When it runs.
    pub cron: Cron,
    /// What it crawls.
    pub config: CrawlConfig,
}

/// Reads a jobs file and every crawl config it names (so that mistakes show at start).
pub fn load_jobs(path: &Path) -> Result<Vec<Job>, ScheduleError> {
    let invalid = |message: String| ScheduleError::Invalid {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|source| ScheduleError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let file: JobsFile = toml::from_str(&text).map_err(|e| invalid(e.to_string()))?;
    if file.jobs.is_empty() {
        return Err(invalid("no [[job]] entry".into()));
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut jobs = Vec::new();
    for spec in file.jobs {
        let cron = Cron::from_str(&spec.schedule).map_err(|e| {
            invalid(format!(
                "job {:?}: schedule {:?} is not a cron expression ({e}); e.g. \"0 3 * * 1\" for Mondays at 03:00",
                spec.name, spec.schedule
            ))
        })?;
        let config_path = base.join(&spec.config);
        let config = CrawlConfig::from_file(&config_path)
            .map_err(|e| invalid(format!("job {:?}: {e}", spec.name)))?;
        config
            .validate()
            .map_err(|e| invalid(format!("job {:?}: {e}", spec.name)))?;
        jobs.push(Job {
            name: spec.name,
            cron,
            config,
        });
    }
    Ok(jobs)
}

/// What happened to one job while the scheduler ran.
#[derive(Debug, Default, Clone)]
pub struct JobSummary {
    /// Runs started.
    pub started: u64,
    /// Runs that finished with a report.
    pub succeeded: u64,
    /// Runs that failed (the error was logged).
    pub failed: u64,
    /// Firings skipped because the previous run was still going (in this scheduler, or in
    /// another process holding the job's directories).
    pub skipped: u64,
    /// Reports of the finished runs.
    pub reports: Vec<CrawlReport>,
}

/// Runs jobs on their schedules until `shutdown` completes, or until `max_runs` runs have
/// been started and have finished. Returns a summary per job (in the jobs' order).
pub async fn run_schedule(
    jobs: Vec<Job>,
    max_runs: Option<u64>,
    shutdown: impl std::future::Future<Output = ()>,
) -> Vec<JobSummary> {
    let mut summaries = vec![JobSummary::default(); jobs.len()];
    let running: Vec<Arc<AtomicBool>> = jobs.iter().map(|_| Arc::default()).collect();
    let next_after = |job: &Job, t: DateTime<Utc>| job.cron.find_next_occurrence(&t, false).ok();
    let mut next_at: Vec<Option<DateTime<Utc>>> =
        jobs.iter().map(|j| next_after(j, Utc::now())).collect();
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut tasks: JoinSet<(usize, Result<CrawlReport, CrawlError>)> = JoinSet::new();
    let mut started_total = 0u64;
    let mut stopping = false;
    tokio::pin!(shutdown);
    for job in &jobs {
        tracing::info!(
            job = job.name,
            "scheduled: {} ({})",
            job.cron.pattern,
            job.cron.describe()
        );
    }

    loop {
        let budget_left = max_runs.is_none_or(|m| started_total < m);
        if (stopping || !budget_left) && tasks.is_empty() {
            break;
        }
        // The next firing of any job.
        let next = (!stopping && budget_left)
            .then(|| next_at.iter().flatten().min().copied())
            .flatten();
        let sleep = async {
            match next {
                Some(t) => {
                    let wait = (t - Utc::now()).to_std().unwrap_or_default();
                    tokio::time::sleep(wait).await;
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = sleep => {
                let now = Utc::now();
                for (i, job) in jobs.iter().enumerate() {
                    let Some(due) = next_at[i].filter(|t| *t <= now) else {
                        continue;
                    };
                    next_at[i] = next_after(job, now);
                    if max_runs.is_some_and(|m| started_total >= m) {
                        continue;
                    }
                    if running[i].swap(true, Ordering::SeqCst) {
                        tracing::warn!(job = job.name, "previous run still going: this run is skipped");
                        summaries[i].skipped += 1;
                        continue;
                    }
                    started_total += 1;
                    summaries[i].started += 1;
                    tracing::info!(job = job.name, "run starts");
                    let mut config = job.config.clone();
                    // Workers sharing a PostgreSQL state fire the same job at the same time:
                    // the firing's key lets one of them start the run and the others join it.
                    config.run_key = Some(format!("{}@{}", job.name, due.to_rfc3339()));
                    let mut stop = stop_rx.clone();
                    tasks.spawn(async move {
                        let stopped = async move {
                            let _ = stop.wait_for(|s| *s).await;
                        };
                        (i, crate::crawl::run(config, StartMode::ResumeOrStart, stopped).await)
                    });
                }
            }
            Some(joined) = tasks.join_next() => {
                let Ok((i, result)) = joined else {
                    tracing::error!("a job run panicked");
                    continue;
                };
                running[i].store(false, Ordering::SeqCst);
                let job = &jobs[i];
                match result {
                    Ok(report) => {
                        let path = report_path(&job.config);
                        if let Err(e) = report.write_json(&path) {
                            tracing::error!(job = job.name, "cannot write the report: {e}");
                        }
                        tracing::info!(
                            job = job.name,
                            report = %path.display(),
                            "run finished: {} captures (new {}, changed {}, unchanged {}, gone {}), {} errors",
                            report.captures, report.new, report.changed, report.unchanged, report.gone,
                            report.error_count()
                        );
                        summaries[i].succeeded += 1;
                        summaries[i].reports.push(report);
                    }
                    Err(CrawlError::Locked(
                        e @ (crate::lock::LockError::Busy { .. }
                        | crate::lock::LockError::Worker { .. }),
                    )) => {
                        // Another process (a crawl started by hand, another scheduler) runs
                        // this job's crawl: it is left alone.
                        tracing::warn!(job = job.name, "{e}: this run is skipped");
                        summaries[i].started -= 1;
                        summaries[i].skipped += 1;
                    }
                    Err(e) => {
                        tracing::error!(job = job.name, "run failed: {e}");
                        summaries[i].failed += 1;
                    }
                }
            }
            _ = &mut shutdown, if !stopping => {
                tracing::warn!("stopping: no new runs; {} running runs finish their fetches in flight", tasks.len());
                stopping = true;
                let _ = stop_tx.send(true);
            }
        }
    }
    summaries
}

/// Where a run's JSON report goes: `OUT/PREFIX[-WORKER]-TIMESTAMP-report.json`.
pub fn report_path(config: &CrawlConfig) -> PathBuf {
    // Workers of a shared crawl writing into one directory keep their own reports.
    let worker = match config.postgres_state() {
        Some(_) => format!("-{}", config.worker_name()),
        None => String::new(),
    };
    config.output.dir.join(format!(
        "{}{worker}-{}-report.json",
        config.output.prefix,
        Utc::now().format("%Y%m%d%H%M%S")
    ))
}
