//! Claims per second of the frontier alone, without fetching (scripts/bench-workers.py):
//! queues `--urls` URLs on `--hosts` hosts, then claims, completes and releases them as fast
//! as the store allows, with `--claimers` workers (threads, each with its own connection) on
//! a PostgreSQL state, or the single-process frontier on a SQLite directory. Prints JSON.
//!
//! ```text
//! cargo run --release -p veille-crawler --example frontier_claims -- \
//!     --state postgres://postgres@127.0.0.1:5432/bench --urls 100000 --hosts 1000 --claimers 2
//! ```

use std::time::{Duration, Instant};

use crawler::frontier::{Claim, Frontier};
use crawler::postgres_state::{PostgresStore, is_postgres_url};
use crawler::state::{QueuedUrl, SharedClaim, SqliteStore, StateStore};

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| default.to_string())
}

fn url_of(i: u64, hosts: u64) -> (String, String) {
    let host = format!("www.commune{}.bench.example", i % hosts);
    (format!("http://{host}/actualites/{}.html", i / hosts), host)
}

/// Queues `urls` URLs on `hosts` hosts; returns the seconds it took.
fn fill(store: &mut dyn StateStore, urls: u64, hosts: u64) -> anyhow::Result<f64> {
    let start = Instant::now();
    for i in 0..urls {
        let (url, host) = url_of(i, hosts);
        store.enqueue(
            &QueuedUrl {
                url,
                host,
                depth: 1,
                hops: 0,
                attempt: 0,
                robots: false,
            },
            false,
        )?;
    }
    store.commit()?;
    Ok(start.elapsed().as_secs_f64())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let state = arg(&args, "--state", "");
    let urls: u64 = arg(&args, "--urls", "100000").parse()?;
    let hosts: u64 = arg(&args, "--hosts", "1000").parse()?;
    let claimers: usize = arg(&args, "--claimers", "1").parse()?;
    anyhow::ensure!(!state.is_empty(), "--state DIR|postgres://… is required");

    if !is_postgres_url(&state) {
        let mut store = SqliteStore::open(std::path::Path::new(&state))?;
        store.begin(true)?;
        let enqueue_secs = fill(&mut store, urls, hosts)?;
        let mut frontier = Frontier::new(Box::new(store), Duration::ZERO);
        frontier.load_hosts()?;
        let start = Instant::now();
        let mut claims = 0u64;
        loop {
            match frontier.claim(tokio::time::Instant::now())? {
                Claim::Ready(host, c) => {
                    frontier.complete_and_release(&host, c.url.as_str(), None, Duration::ZERO)?;
                    claims += 1;
                    if claims.is_multiple_of(1000) {
                        frontier.store().commit()?;
                    }
                }
                Claim::WaitUntil(_) => continue,
                Claim::Idle => break,
            }
        }
        frontier.store().commit()?;
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{}",
            serde_json::json!({"store": "sqlite", "urls": urls, "hosts": hosts, "claimers": 1,
                "enqueues_per_s": urls as f64 / enqueue_secs, "claims": claims,
                "claims_per_s": claims as f64 / secs})
        );
        return Ok(());
    }

    let lease = Duration::from_secs(60);
    let mut setup = PostgresStore::open(&state, "bench-setup", lease, Duration::ZERO, None)?
        .map_err(|b| anyhow::anyhow!("bench-setup busy: {}", b.holder))?;
    setup.begin(true)?;
    let enqueue_secs = fill(&mut setup, urls, hosts)?;
    let start = Instant::now();
    let threads: Vec<_> = (0..claimers)
        .map(|n| {
            let state = state.clone();
            std::thread::spawn(move || -> anyhow::Result<u64> {
                let mut store = PostgresStore::open(
                    &state,
                    &format!("claimer{n}"),
                    lease,
                    Duration::ZERO,
                    None,
                )?
                .map_err(|b| anyhow::anyhow!("claimer busy: {}", b.holder))?;
                store.begin(false)?;
                let mut claims = 0;
                loop {
                    let claim = store
                        .shared()
                        .ok_or_else(|| anyhow::anyhow!("not shared"))?
                        .claim_next()?;
                    match claim {
                        SharedClaim::Ready { item, .. } => {
                            store.complete(&item.url, true)?;
                            store
                                .shared()
                                .ok_or_else(|| anyhow::anyhow!("not shared"))?
                                .release_host(&item.host, Duration::ZERO)?;
                            claims += 1;
                        }
                        SharedClaim::Wait => std::thread::sleep(Duration::from_millis(1)),
                        SharedClaim::Idle => {
                            store
                                .shared()
                                .ok_or_else(|| anyhow::anyhow!("not shared"))?
                                .stop_worker()?;
                            return Ok(claims);
                        }
                    }
                }
            })
        })
        .collect();
    let mut claims = 0;
    for t in threads {
        claims += t
            .join()
            .map_err(|_| anyhow::anyhow!("a claimer panicked"))??;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"store": "postgres", "urls": urls, "hosts": hosts, "claimers": claimers,
            "enqueues_per_s": urls as f64 / enqueue_secs, "claims": claims,
            "claims_per_s": claims as f64 / secs})
    );
    Ok(())
}
