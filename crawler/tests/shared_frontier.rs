//! Several crawl workers on one PostgreSQL frontier (a real server: the cluster
//! scripts/test.sh starts): they share the sample without fetching a URL twice, keep one
//! request at a time per host with the configured gap between them (read from the sample
//! server's access log), and lose nothing when one of them is killed with -9.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{
    external_tool, postgres_database, postgres_query, postgres_try_query, read_and_verify,
    repo_root, responses, sample_config, sample_site, start_sample_server, warc_dir,
};
use crawler::config::CrawlConfig;
use crawler::postgres_state::{FAST_CLAIM_SQL, NEXT_URL_SQL, PostgresStore, RECOVER_SQL};
use crawler::state::{QueuedUrl, SharedClaim, StateStore};
use sample::server::{Access, AccessLog};

/// Seconds between two requests to one host in these crawls.
const GAP: f64 = 0.5;

/// WARC files under a directory, recursively (each worker writes into its own).
fn all_warcs(dir: &Path) -> Vec<PathBuf> {
    warc::verify::collect_warcs(&[dir.to_path_buf()]).expect("list WARC files")
}

/// The archived URLs (response records' target URIs) of WARC files.
fn archived_urls(files: &[PathBuf]) -> BTreeSet<String> {
    responses(&read_and_verify(files)).into_keys().collect()
}

/// Requests per host and target in an access log.
fn request_counts(log: &[Access]) -> BTreeMap<(String, String), usize> {
    let mut counts = BTreeMap::new();
    for a in log {
        *counts
            .entry((a.host.clone(), a.target.clone()))
            .or_default() += 1;
    }
    counts
}

/// The sample's config with a gap between requests, short timeouts and host leases (so
/// that a dead worker's hosts come back within the test), writing into `out`.
fn config(addr: std::net::SocketAddr, out: &Path, state: Option<&str>) -> CrawlConfig {
    let mut c = sample_config(addr, out);
    c.fetch.delay = GAP;
    c.fetch.max_crawl_delay = GAP;
    c.fetch.total_timeout = 5.0;
    c.fetch.read_timeout = 4.0;
    c.fetch.host_lease = Some(6.0);
    if let Some(state) = state {
        c.state = Some(state.to_string());
        c.output.state_dir = None;
    }
    c
}

fn worker(config: &Path, name: &str, out: &Path) -> Command {
    worker_logging_to(config, name, out, &format!("{name}.log"))
}

fn worker_logging_to(config: &Path, name: &str, out: &Path, log: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crawler"));
    let log = std::fs::File::create(out.join(log)).expect("worker log");
    cmd.current_dir(repo_root())
        .arg("crawl")
        .arg("--config")
        .arg(config)
        .args(["--worker", name, "--report"])
        .arg(out.join(format!("{name}-report.json")))
        .stdout(Stdio::null())
        .stderr(log);
    cmd
}

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &child.id().to_string()])
        .status()
        .expect("run kill")
        .success();
    assert!(ok, "kill {sig} failed");
}

fn in_flight_on(db: &str, worker: &str) -> Vec<String> {
    postgres_query(
        db,
        &format!("SELECT url FROM urls WHERE state = 1 AND worker = '{worker}' ORDER BY url"),
    )
}

fn wait_for(child: &mut Child, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("poll worker") {
            return status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "{what} never ended"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn report(out: &Path, name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(out.join(format!("{name}-report.json")))
        .unwrap_or_else(|e| panic!("{name}'s report: {e}"));
    serde_json::from_str(&text).expect("report is JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_workers_share_the_sample_and_one_killed_loses_nothing() {
    let Some(db) = postgres_database("veille_three_workers") else {
        return;
    };

    // The reference: one crawl process (SQLite state) with the same settings, its own server.
    let ref_log = Arc::new(AccessLog::default());
    let mut ref_site = sample_site();
    ref_site.access_log = Some(ref_log.clone());
    let ref_addr = start_sample_server(ref_site).await;
    let ref_out = warc_dir("shared-reference");
    let reference = tokio::spawn(crawler::crawl::run(
        config(ref_addr, &ref_out, None),
        crawler::crawl::StartMode::Fresh,
        std::future::pending(),
    ));

    let log = Arc::new(AccessLog::default());
    let mut site = sample_site();
    site.access_log = Some(log.clone());
    let addr = start_sample_server(site).await;
    let out = warc_dir("shared-three-workers");
    let config_path = out.join("crawl.toml");
    std::fs::write(
        &config_path,
        toml::to_string(&config(addr, &out, Some(&db))).expect("config as TOML"),
    )
    .expect("write config");

    let mut w1 = worker(&config_path, "w1", &out).spawn().expect("start w1");
    let mut w2 = worker(&config_path, "w2", &out).spawn().expect("start w2");
    let mut w3 = worker(&config_path, "w3", &out).spawn().expect("start w3");

    let waited = Instant::now();
    while postgres_try_query(&db, "SELECT state FROM workers WHERE name = 'w1'")
        != Ok(vec!["crawling".to_string()])
    {
        assert!(
            waited.elapsed() < Duration::from_secs(30),
            "w1 never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // A second process under a name in use is refused (exit status 2, as for a locked
    // directory), and changes nothing.
    let again = worker_logging_to(&config_path, "w1", &out, "w1-again.log")
        .arg("--out")
        .arg(out.join("elsewhere"))
        .output()
        .expect("run a second w1");
    let said = std::fs::read_to_string(out.join("w1-again.log")).unwrap_or_default();
    assert_eq!(
        again.status.code(),
        Some(2),
        "a second w1 is refused: {said}"
    );
    assert!(said.contains("worker w1 is already running"), "{said}");
    assert!(
        !out.join("elsewhere").join("w1").exists(),
        "the refused worker wrote nothing"
    );

    // Kill w2 with -9 while it has URLs in flight: freeze it when the database shows some,
    // note them, then kill it.
    let started = Instant::now();
    let in_flight = loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "w2 never had a URL in flight"
        );
        assert!(w2.try_wait().expect("poll").is_none(), "w2 ended early");
        if !in_flight_on(&db, "w2").is_empty() && started.elapsed() > Duration::from_secs(1) {
            signal(&w2, "-STOP");
            let frozen = in_flight_on(&db, "w2");
            if !frozen.is_empty() {
                break frozen;
            }
            signal(&w2, "-CONT");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    signal(&w2, "-KILL");
    wait_for(&mut w2, "the killed w2");

    // `crawler status` shows the whole crawl and each worker while it runs.
    let status = Command::new(env!("CARGO_BIN_EXE_crawler"))
        .args(["status", "--json", "--state", &db])
        .output()
        .expect("run crawler status");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&status.stdout).expect("status JSON");
    assert_eq!(s["state"], "running");
    let names: Vec<&str> = s["workers"]
        .as_array()
        .expect("workers")
        .iter()
        .filter_map(|w| w["name"].as_str())
        .collect();
    assert_eq!(names, ["w1", "w2", "w3"]);
    let text = Command::new(env!("CARGO_BIN_EXE_crawler"))
        .args(["status", "--state", &db])
        .output()
        .expect("run crawler status");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("queued") && text.contains("captures/s") && text.contains("w3"),
        "{text}"
    );

    // Another worker takes the dead worker's hosts when their leases expire, and fetches
    // its in-flight URLs again.
    let waited = Instant::now();
    while !in_flight
        .iter()
        .all(|u| postgres_query(&db, &format!("SELECT state FROM urls WHERE url = '{u}'")) != ["1"])
    {
        assert!(
            waited.elapsed() < Duration::from_secs(30),
            "the dead worker's URLs were not taken back"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // w2 comes back under its name: it closes the WARC file the kill left open and joins.
    let mut w2 = worker(&config_path, "w2", &out)
        .spawn()
        .expect("restart w2");

    for (w, name) in [(&mut w1, "w1"), (&mut w2, "w2"), (&mut w3, "w3")] {
        let status = wait_for(w, name);
        let log = std::fs::read_to_string(out.join(format!("{name}.log"))).unwrap_or_default();
        assert!(status.success(), "{name} failed:\n{log}");
    }
    let reference = reference
        .await
        .expect("reference task")
        .expect("reference crawl");
    assert_eq!(
        reference.captures,
        reference.by_status.values().sum::<u64>()
    );

    let requests = log.entries();
    // One request at a time per host, and the gap between them, across workers.
    let mut by_host: HashMap<&str, Vec<&Access>> = HashMap::new();
    for a in &requests {
        by_host.entry(&a.host).or_default().push(a);
    }
    for (host, mut list) in by_host {
        list.sort_by_key(|a| a.started);
        for pair in list.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            assert!(
                b.started >= a.ended,
                "{host}: {} started before {} had ended",
                b.target,
                a.target
            );
            let gap = b.started.duration_since(a.ended).as_secs_f64();
            assert!(
                gap >= GAP - 0.01,
                "{host}: {:.3} s between {} and {}, under the {GAP} s delay",
                gap,
                a.target,
                b.target
            );
        }
    }

    // Every worker took part; the restarted w2 joined the run instead of starting another.
    let mut whole = Vec::new();
    for name in ["w1", "w2", "w3"] {
        let r = report(&out, name);
        assert_eq!(r["worker"], name);
        let workers = r["workers"].as_array().cloned().unwrap_or_default();
        if workers.len() > whole.len() {
            whole = workers;
        }
    }
    assert_eq!(report(&out, "w2")["resumed"], true, "w2 joined the run");
    // The reports count the whole crawl: each worker's captures, w2's from both its lives.
    assert_eq!(whole.len(), 3, "{whole:?}");
    for w in &whole {
        assert!(w["captures"].as_u64().unwrap_or(0) > 0, "{w}");
    }
    let runs = postgres_query(&db, "SELECT count(*) FROM crawl_run");
    assert_eq!(runs, ["1"], "one run");
    assert_eq!(
        postgres_query(&db, "SELECT state FROM crawl_run"),
        ["finished"]
    );

    // The union of the workers' archives is the single crawl's.
    let files = all_warcs(&out);
    assert!(
        files.iter().all(|f| f.to_string_lossy().contains("/w1/")
            || f.to_string_lossy().contains("/w2/")
            || f.to_string_lossy().contains("/w3/")),
        "each worker writes in its own directory: {files:?}"
    );
    for name in ["w1", "w2", "w3"] {
        assert!(
            files.iter().any(|f| f
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("sample-{name}-")))),
            "{name}'s WARC files are named with it"
        );
    }
    let archived = archived_urls(&files);
    let reference_urls = archived_urls(&all_warcs(&ref_out));
    assert_eq!(
        archived, reference_urls,
        "the workers archived what one crawl archives"
    );
    if let Some(warcio) = external_tool("warcio") {
        for f in &files {
            let check = Command::new(&warcio)
                .arg("check")
                .arg(f)
                .output()
                .expect("run warcio");
            assert!(
                check.status.success(),
                "warcio check {}: {}",
                f.display(),
                String::from_utf8_lossy(&check.stdout)
            );
        }
    }

    // Nothing fetched twice, but what the killed worker had in flight.
    let ours = request_counts(&requests);
    let theirs = request_counts(&ref_log.entries());
    let killed: BTreeSet<(String, String)> = in_flight
        .iter()
        .filter_map(|u| url::Url::parse(u).ok())
        .map(|u| {
            let target = match u.query() {
                Some(q) => format!("{}?{q}", u.path()),
                None => u.path().to_string(),
            };
            (u.host_str().unwrap_or_default().to_string(), target)
        })
        .collect();
    for (key, n) in &ours {
        let allowed = theirs.get(key).copied().unwrap_or(0) + usize::from(killed.contains(key));
        assert!(
            *n <= allowed,
            "{key:?} requested {n} times, one crawl requests it {} times{}",
            theirs.get(key).copied().unwrap_or(0),
            if killed.contains(key) {
                " (+1: in flight on the killed worker)"
            } else {
                ""
            }
        );
    }
    // (Those the single crawl archives: a URL claimed but then refused by robots.txt is
    // archived by neither.)
    for url in in_flight.iter().filter(|u| reference_urls.contains(*u)) {
        assert!(
            archived.contains(url),
            "{url}, in flight on the killed worker, was archived by another"
        );
    }
}

/// A store for one worker of a test database, with short leases.
fn store(db: &str, name: &str, lease: f64, job: Option<&str>) -> PostgresStore {
    PostgresStore::open(
        db,
        name,
        Duration::from_secs_f64(lease),
        Duration::ZERO,
        job.map(str::to_string),
    )
    .expect("open the shared store")
    .unwrap_or_else(|busy| panic!("worker name {name} busy: {}", busy.holder))
}

fn queued(url: &str, host: &str, robots: bool) -> QueuedUrl {
    QueuedUrl {
        url: url.into(),
        host: host.into(),
        depth: 0,
        hops: 0,
        attempt: 0,
        robots,
    }
}

#[test]
fn a_host_is_leased_to_one_worker_until_released_or_expired() {
    let Some(db) = postgres_database("veille_leases") else {
        return;
    };
    let mut a = store(&db, "a", 1.0, None);
    assert_eq!(a.begin(false).expect("begin"), None, "a new run");
    let mut b = store(&db, "b", 1.0, None);
    assert_eq!(b.begin(false).expect("join"), Some(0), "b joins a's run");
    assert_eq!(a.run_id(), b.run_id());

    for path in ["1", "2", "3"] {
        assert!(
            a.enqueue(
                &queued(&format!("http://h.example/{path}"), "h.example", false),
                false
            )
            .expect("enqueue")
        );
    }
    assert!(
        !b.enqueue(&queued("http://h.example/1", "h.example", false), false)
            .expect("enqueue"),
        "seen by every worker"
    );
    assert!(
        a.enqueue(
            &queued("http://h.example/robots.txt", "h.example", true),
            true
        )
        .expect("enqueue")
    );
    let shared = |s: &mut PostgresStore| s.shared().expect("shared").claim_next().expect("claim");

    // robots.txt first, then the others in order; one worker at a time.
    let SharedClaim::Ready { item, .. } = shared(&mut a) else {
        panic!("a gets the host")
    };
    assert_eq!(item.url, "http://h.example/robots.txt");
    assert!(
        matches!(shared(&mut b), SharedClaim::Wait),
        "h.example is leased to a"
    );
    a.complete(&item.url, true).expect("complete");
    a.shared()
        .expect("shared")
        .release_host("h.example", Duration::from_millis(300))
        .expect("release");
    assert!(
        matches!(shared(&mut b), SharedClaim::Wait),
        "h.example rests"
    );
    std::thread::sleep(Duration::from_millis(350));
    let SharedClaim::Ready { item, fetched, .. } = shared(&mut b) else {
        panic!("b gets the rested host")
    };
    assert_eq!(item.url, "http://h.example/1");
    assert_eq!(fetched, 0, "robots.txt is not a page");

    // b dies with /1 in flight: its lease expires, and a gets the host and /1 back.
    drop(b);
    assert!(matches!(shared(&mut a), SharedClaim::Wait), "still leased");
    std::thread::sleep(Duration::from_millis(1100));
    let SharedClaim::Ready {
        item, recovered, ..
    } = shared(&mut a)
    else {
        panic!("a gets the host of the dead lease")
    };
    assert_eq!(recovered, 1);
    assert_eq!(
        item.url, "http://h.example/1",
        "the dead worker's URL first"
    );
    a.complete(&item.url, true).expect("complete");
    a.shared()
        .expect("shared")
        .release_host("h.example", Duration::ZERO)
        .expect("release");
    for expected in ["http://h.example/2", "http://h.example/3"] {
        let SharedClaim::Ready { item, fetched, .. } = shared(&mut a) else {
            panic!("the rest of the queue")
        };
        assert_eq!(item.url, expected);
        assert!(fetched >= 1);
        a.complete(&item.url, true).expect("complete");
        a.shared()
            .expect("shared")
            .release_host("h.example", Duration::ZERO)
            .expect("release");
    }
    assert!(matches!(shared(&mut a), SharedClaim::Idle), "all done");

    // A name held by a live process is refused; once it is gone, the name is free.
    let again =
        PostgresStore::open(&db, "a", Duration::from_secs(1), Duration::ZERO, None).expect("open");
    assert!(again.is_err(), "a is running");
    drop(a);
    // The server lets the lock go when it sees the connection closed: soon, not at once.
    let freed = Instant::now();
    while PostgresStore::open(&db, "a", Duration::from_secs(1), Duration::ZERO, None)
        .expect("open")
        .is_err()
    {
        assert!(
            freed.elapsed() < Duration::from_secs(10),
            "a's name is free once its process is gone"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn workers_of_one_firing_start_one_run_and_fresh_starts_wait_for_workers() {
    let Some(db) = postgres_database("veille_runs") else {
        return;
    };
    let mut a = store(&db, "a", 30.0, Some("nightly@2026-12-05T02:00:00+00:00"));
    let mut b = store(&db, "b", 30.0, Some("nightly@2026-12-05T02:00:00+00:00"));
    assert_eq!(a.begin(false).expect("a"), None);
    a.enqueue(&queued("http://h.example/", "h.example", false), false)
        .expect("enqueue");
    assert!(b.begin(false).expect("b").is_some(), "b joins a's firing");
    assert_eq!(a.run_id(), b.run_id());
    a.finish().expect("finish");
    // The same firing, late on a third machine: it joins the finished run (nothing to do)
    // instead of crawling again.
    let mut c = store(&db, "c", 30.0, Some("nightly@2026-12-05T02:00:00+00:00"));
    assert!(c.begin(false).expect("c").is_some());
    assert_eq!(c.run_id(), a.run_id());
    assert!(matches!(
        c.shared().expect("shared").claim_next().expect("claim"),
        SharedClaim::Ready { .. }
    ));
    // A fresh start while other workers crawl is refused.
    let mut d = store(&db, "d", 30.0, None);
    let refused = d.begin(true).expect_err("fresh start refused");
    assert!(refused.to_string().contains("are crawling"), "{refused}");
}

#[test]
fn claims_read_indexes_not_whole_tables() {
    let Some(db) = postgres_database("veille_plans") else {
        return;
    };
    let mut s = store(&db, "planner", 30.0, None);
    s.begin(false).expect("begin");
    // 200,000 queued URLs on 20,000 hosts, most of them resting, and one host with 100,000
    // more: its next URL must come from the index in order, not from sorting its queue.
    postgres_query(
        &db,
        "INSERT INTO hosts(host, queued, next_at)
           SELECT 'h' || i || '.example', 10, now() + interval '1 hour'
           FROM generate_series(1, 20000) i;
         UPDATE hosts SET next_at = now() - interval '1 second' WHERE host = 'h7.example';
         INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq)
           SELECT 'http://h' || (i % 20000) || '.example/' || i, 'h' || (i % 20000) || '.example',
                  1, 0, 0, false, CASE WHEN i % 3 = 0 THEN 2 ELSE 0 END, i
           FROM generate_series(1, 200000) i;
         INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq)
           SELECT 'http://h7.example/big/' || i, 'h7.example', 1, 0, 0, false, 0, 300000 + i
           FROM generate_series(1, 100000) i;
         ANALYZE hosts; ANALYZE urls;",
    );
    let plan = |sql: &str| postgres_query(&db, &format!("EXPLAIN {sql}")).join("\n");
    let recover = plan(&RECOVER_SQL.replace("$1", "'planner'"));
    assert!(
        recover.contains("hosts_ready") && recover.contains("urls_in_flight"),
        "{recover}"
    );
    assert!(!recover.contains("Seq Scan"), "{recover}");
    let next = plan(&NEXT_URL_SQL.replace("$1", "'h7.example'"));
    assert!(next.contains("urls_queue"), "{next}");
    assert!(
        !next.contains("Seq Scan") && !next.contains("Sort"),
        "{next}"
    );
    let fast = plan(
        &FAST_CLAIM_SQL
            .replace("$1", "'planner'")
            .replace("$2", "30.0::float8"),
    );
    assert!(
        fast.contains("hosts_ready") && fast.contains("urls_queue"),
        "{fast}"
    );
    assert!(!fast.contains("Seq Scan"), "{fast}");
    assert!(
        !fast.contains("Sort") && !fast.contains("Bitmap"),
        "a host's queue is read in index order: {fast}"
    );
    let SharedClaim::Ready { item, .. } = s.shared().expect("shared").claim_next().expect("claim")
    else {
        panic!("h7.example is ready")
    };
    assert_eq!(item.host, "h7.example");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_schedulers_fire_one_job_as_one_run() {
    let Some(db) = postgres_database("veille_schedule") else {
        return;
    };
    let addr = start_sample_server(sample_site()).await;
    let dir = warc_dir("shared-schedule");
    let out = dir.join("warcs");
    // Two machines with the same jobs file; only their worker names differ.
    let mut schedulers = Vec::new();
    for name in ["a", "b"] {
        let mut c = config(addr, &out, Some(&db));
        c.fetch.delay = 0.0;
        c.worker = Some(name.into());
        c.seeds.retain(|s| s.url.contains("www.allonnes.example"));
        std::fs::write(
            dir.join(format!("{name}.toml")),
            toml::to_string(&c).expect("config as TOML"),
        )
        .expect("write config");
        let jobs = dir.join(format!("jobs-{name}.toml"));
        std::fs::write(
            &jobs,
            format!("[[job]]\nname = \"veille\"\nschedule = \"*/5 * * * * *\"\nconfig = \"{name}.toml\"\n"),
        )
        .expect("write jobs");
        let jobs = crawler::schedule::load_jobs(&jobs).expect("jobs load");
        schedulers.push(tokio::spawn(crawler::schedule::run_schedule(
            jobs,
            Some(1),
            std::future::pending(),
        )));
    }
    let mut reports = Vec::new();
    for s in schedulers {
        let summary = s.await.expect("scheduler task");
        assert_eq!(
            (summary[0].started, summary[0].succeeded),
            (1, 1),
            "{summary:?}"
        );
        reports.extend(summary[0].reports.clone());
    }
    assert_eq!(
        postgres_query(&db, "SELECT count(*) FROM crawl_run"),
        ["1"],
        "one run for the firing"
    );
    let joined: Vec<bool> = reports.iter().map(|r| r.resumed).collect();
    assert!(
        joined.contains(&true) && joined.contains(&false),
        "one scheduler started the run, the other joined it: {joined:?}"
    );
    let records = read_and_verify(&all_warcs(&out));
    let mut seen = BTreeSet::new();
    for r in records
        .iter()
        .filter(|r| r.record.record_type() == warc::RecordType::Response)
    {
        let uri = r.record.target_uri().unwrap_or_default().to_string();
        assert!(seen.insert(uri.clone()), "{uri} archived twice");
    }
    assert!(seen.len() > 10);
}
