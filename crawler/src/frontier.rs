//! The frontier: URLs waiting to be fetched, grouped by host, with per-host politeness
//! (one request at a time, a delay between requests).
//!
//! The queue and the seen-URL set live in a [`StateStore`] (on disk, so memory stays bounded
//! whatever the frontier's size); this type keeps the small per-host scheduling state, and
//! remembers up to 100,000 URLs it knows are seen (about 10 MB) to ask the store less.
//! A store shared by several workers ([`StateStore::shared`]) schedules hosts itself, with
//! leases; the per-host state here then only caches robots rules, delays and counts.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use tokio::time::Instant;
use url::Url;

use crate::robots::RobotsRules;
use crate::state::{CaptureInfo, QueuedUrl, SharedClaim, StateError, StateStore};

/// A URL waiting to be fetched, with how it was reached.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The canonical URL.
    pub url: Url,
    /// Links followed from a seed (redirects do not count).
    pub depth: u32,
    /// Redirects followed to reach it.
    pub hops: u32,
    /// Fetch attempts already made (for retries).
    pub attempt: u32,
    /// Whether this is a robots.txt fetch (exempt from robots rules).
    pub robots: bool,
}

impl Candidate {
    /// The candidate of a URL taken from the store (`url` parsed from `item.url`).
    fn from_queued(url: Url, item: &QueuedUrl) -> Self {
        Self {
            url,
            depth: item.depth,
            hops: item.hops,
            attempt: item.attempt,
            robots: item.robots,
        }
    }

    fn to_queued(&self, host: &str) -> QueuedUrl {
        QueuedUrl {
            url: self.url.to_string(),
            host: host.to_string(),
            depth: self.depth,
            hops: self.hops,
            attempt: self.attempt,
            robots: self.robots,
        }
    }
}

/// Politeness and robots state of one host.
#[derive(Debug)]
pub struct HostState {
    queued: u64,
    busy: bool,
    next_at: Instant,
    /// robots.txt rules, once known.
    pub robots: Option<RobotsRules>,
    /// Delay between two requests to this host.
    pub delay: Duration,
    /// Pages fetched (robots.txt excluded).
    pub fetched: u64,
}

/// What [`Frontier::claim`] found.
#[derive(Debug)]
pub enum Claim {
    /// A candidate whose host is free and rested; the host is now busy.
    Ready(String, Candidate),
    /// Nothing is ready before this instant.
    WaitUntil(Instant),
    /// Nothing is queued on any free host.
    Idle,
}

/// How often a worker of a shared frontier asks again when no host is ready.
pub const SHARED_POLL: Duration = Duration::from_millis(100);

/// The politeness key of a URL: its host name.
pub fn host_key(url: &Url) -> String {
    url.host_str().unwrap_or_default().to_ascii_lowercase()
}

/// URLs remembered as seen at most (about 10 MB); the memory is emptied when full.
const SEEN_REMEMBERED: usize = 100_000;

/// URLs to fetch, per host, over a state store.
pub struct Frontier {
    store: Box<dyn StateStore>,
    hosts: HashMap<String, HostState>,
    order: Vec<String>,
    cursor: usize,
    default_delay: Duration,
    /// URLs known to be in the store's seen set, which only grows during a crawl: most links
    /// of a page are its site's menus, found on every page, and asking the store about each
    /// of them again was an eighth of a crawl's time on loopback (BENCHMARKS.md).
    seen: HashSet<String>,
}

impl Frontier {
    /// A frontier over `store`, with a default per-host delay.
    pub fn new(store: Box<dyn StateStore>, default_delay: Duration) -> Self {
        Self {
            store,
            hosts: HashMap::new(),
            order: Vec::new(),
            cursor: 0,
            default_delay,
            seen: HashSet::new(),
        }
    }

    /// Remembers that a URL is in the seen set.
    fn remember_seen(&mut self, url: &str) {
        if self.seen.len() >= SEEN_REMEMBERED {
            self.seen.clear();
        }
        self.seen.insert(url.to_string());
    }

    /// The state store.
    pub fn store(&mut self) -> &mut dyn StateStore {
        self.store.as_mut()
    }

    /// Rebuilds per-host counts from the store (for a resumed crawl).
    pub fn load_hosts(&mut self) -> Result<(), StateError> {
        for (host, queued, fetched) in self.store.host_counts()? {
            let state = self.host_entry(&host);
            state.queued = queued;
            state.fetched = fetched;
        }
        Ok(())
    }

    fn host_entry(&mut self, key: &str) -> &mut HostState {
        if !self.hosts.contains_key(key) {
            self.order.push(key.to_string());
        }
        let default_delay = self.default_delay;
        self.hosts
            .entry(key.to_string())
            .or_insert_with(|| HostState {
                queued: 0,
                busy: false,
                next_at: Instant::now(),
                robots: None,
                delay: default_delay,
                fetched: 0,
            })
    }

    /// Whether a URL was already queued or fetched in this crawl.
    pub fn is_seen(&mut self, url: &Url) -> Result<bool, StateError> {
        if self.seen.contains(url.as_str()) {
            return Ok(true);
        }
        let seen = self.store.is_seen(url.as_str())?;
        if seen {
            self.remember_seen(url.as_str());
        }
        Ok(seen)
    }

    /// The URLs of `urls` not queued or fetched in this crawl (one question to the store for
    /// those not remembered as seen).
    pub fn unseen(&mut self, urls: Vec<Url>) -> Result<Vec<Url>, StateError> {
        let ask: Vec<Url> = urls
            .into_iter()
            .filter(|u| !self.seen.contains(u.as_str()))
            .collect();
        if ask.is_empty() {
            return Ok(ask);
        }
        let texts: Vec<&str> = ask.iter().map(Url::as_str).collect();
        let fresh = self.store.unseen(&texts)?;
        let mut out = Vec::new();
        for (url, fresh) in ask.into_iter().zip(fresh) {
            if fresh {
                out.push(url);
            } else {
                self.remember_seen(url.as_str());
            }
        }
        Ok(out)
    }

    /// Counts a query-string variant of the URL's path; returns the count so far.
    pub fn count_query_variant(&mut self, url: &Url) -> Result<u32, StateError> {
        if url.query().is_none() {
            return Ok(0);
        }
        let key = format!("{}{}", host_key(url), url.path());
        self.store.count_query_variant(&key)
    }

    /// Queues a candidate on its host unless its URL was seen; returns whether it was added.
    /// `front` puts it before the host's other URLs.
    pub fn push(&mut self, candidate: &Candidate, front: bool) -> Result<bool, StateError> {
        let key = host_key(&candidate.url);
        let added = self.store.enqueue(&candidate.to_queued(&key), front)?;
        if added {
            self.host_entry(&key).queued += 1;
        }
        self.remember_seen(candidate.url.as_str());
        Ok(added)
    }

    /// Queues a candidate again on a given host's queue, seen or not (retries, robots.txt
    /// redirects fetched on behalf of a host).
    pub fn push_to_host(
        &mut self,
        key: &str,
        candidate: &Candidate,
        front: bool,
    ) -> Result<(), StateError> {
        self.store.requeue(&candidate.to_queued(key), front)?;
        self.host_entry(key).queued += 1;
        Ok(())
    }

    /// Records a host the first time the crawl meets it (any worker), with its robots.txt
    /// queued first; returns whether it was new. A shared store does both in one statement,
    /// so that no worker sees the host without its robots.txt queued.
    pub fn add_host(&mut self, key: &str, robots: &Candidate) -> Result<bool, StateError> {
        if self.hosts.contains_key(key) {
            return Ok(false);
        }
        let added = match self.store.shared() {
            Some(shared) => shared.add_host(key, &robots.to_queued(key))?,
            None => self.store.enqueue(&robots.to_queued(key), true)?,
        };
        let state = self.host_entry(key);
        if added {
            state.queued += 1;
        }
        Ok(added)
    }

    /// Whether several workers share this frontier.
    pub fn is_shared(&mut self) -> bool {
        self.store.shared().is_some()
    }

    /// Takes the next candidate of a free, rested host (round robin over hosts; through
    /// host leases in a shared store).
    pub fn claim(&mut self, now: Instant) -> Result<Claim, StateError> {
        let shared = match self.store.shared() {
            Some(s) => Some(s.claim_next()?),
            None => None,
        };
        match shared {
            None => self.claim_local(now),
            Some(SharedClaim::Wait) => Ok(Claim::WaitUntil(now + SHARED_POLL)),
            Some(SharedClaim::Idle) => Ok(Claim::Idle),
            // The store logs the recovery of expired leases, host by host.
            Some(SharedClaim::Ready { item, fetched, .. }) => {
                let key = item.host.clone();
                let Ok(url) = Url::parse(&item.url) else {
                    tracing::warn!(url = item.url, "unparsable URL in the crawl state; skipped");
                    self.store.complete(&item.url, false)?;
                    self.release(&key, Duration::ZERO)?;
                    return Ok(Claim::WaitUntil(now));
                };
                let state = self.host_entry(&key);
                state.busy = true;
                state.fetched = fetched;
                state.queued = state.queued.saturating_sub(1);
                Ok(Claim::Ready(key, Candidate::from_queued(url, &item)))
            }
        }
    }

    fn claim_local(&mut self, now: Instant) -> Result<Claim, StateError> {
        let mut earliest: Option<Instant> = None;
        let n = self.order.len();
        for i in 0..n {
            let idx = (self.cursor + i) % n;
            let key = self.order[idx].clone();
            let Some(state) = self.hosts.get(&key) else {
                continue;
            };
            if state.busy || state.queued == 0 {
                continue;
            }
            if state.next_at > now {
                earliest = Some(earliest.map_or(state.next_at, |e| e.min(state.next_at)));
                continue;
            }
            let item = self.store.claim(&key)?;
            let state = self.host_entry(&key);
            let Some(item) = item else {
                state.queued = 0;
                continue;
            };
            state.queued = state.queued.saturating_sub(1);
            let Ok(url) = Url::parse(&item.url) else {
                tracing::warn!(url = item.url, "unparsable URL in the crawl state; skipped");
                self.store.complete(&item.url, false)?;
                continue;
            };
            state.busy = true;
            self.cursor = (idx + 1) % n;
            return Ok(Claim::Ready(key, Candidate::from_queued(url, &item)));
        }
        Ok(earliest.map_or(Claim::Idle, Claim::WaitUntil))
    }

    /// Frees a host after a fetch; its next request waits `wait` from now (whichever worker
    /// makes it, in a shared store).
    pub fn release(&mut self, key: &str, wait: Duration) -> Result<(), StateError> {
        if let Some(state) = self.hosts.get_mut(key) {
            state.busy = false;
            state.next_at = Instant::now() + wait;
        }
        match self.store.shared() {
            Some(shared) => shared.release_host(key, wait),
            None => Ok(()),
        }
    }

    /// Marks a URL fetched (with the capture later revisits refer to) and frees its host,
    /// whose next request waits `wait` from now: one statement with a shared store.
    pub fn complete_and_release(
        &mut self,
        key: &str,
        url: &str,
        capture: Option<&CaptureInfo>,
        wait: Duration,
    ) -> Result<(), StateError> {
        if let Some(state) = self.hosts.get_mut(key) {
            state.busy = false;
            state.next_at = Instant::now() + wait;
        }
        match self.store.shared() {
            Some(shared) => shared.complete_and_release(url, capture, key, wait),
            None => self.store.complete_fetched(url, capture),
        }
    }

    /// Frees a host without a fetch having been made (a skipped candidate).
    pub fn release_unused(&mut self, key: &str) -> Result<(), StateError> {
        if let Some(state) = self.hosts.get_mut(key) {
            state.busy = false;
        }
        match self.store.shared() {
            Some(shared) => shared.release_host(key, Duration::ZERO),
            None => Ok(()),
        }
    }

    /// The state of a host.
    pub fn host(&self, key: &str) -> Option<&HostState> {
        self.hosts.get(key)
    }

    /// The state of a host, mutable.
    pub fn host_mut(&mut self, key: &str) -> Option<&mut HostState> {
        self.hosts.get_mut(key)
    }

    /// URLs queued in all.
    pub fn queued(&self) -> u64 {
        self.hosts.values().map(|h| h.queued).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::SqliteStore;

    fn cand(s: &str) -> Candidate {
        Candidate {
            url: Url::parse(s).expect("test URL"),
            depth: 0,
            hops: 0,
            attempt: 0,
            robots: false,
        }
    }

    #[tokio::test]
    async fn one_request_per_host_and_seen_urls_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = SqliteStore::open(dir.path()).expect("store");
        store.start_fresh().expect("fresh");
        let mut f = Frontier::new(Box::new(store), Duration::from_secs(10));
        assert!(f.push(&cand("http://a.example/1"), false).expect("push"));
        assert!(!f.push(&cand("http://a.example/1"), false).expect("push"));
        assert!(f.push(&cand("http://a.example/2"), false).expect("push"));
        assert!(f.push(&cand("http://b.example/1"), false).expect("push"));
        let now = Instant::now();
        let Ok(Claim::Ready(h1, _)) = f.claim(now) else {
            panic!("a host is ready")
        };
        let Ok(Claim::Ready(h2, _)) = f.claim(now) else {
            panic!("another host is ready")
        };
        assert_ne!(h1, h2);
        assert!(matches!(f.claim(now), Ok(Claim::Idle)), "both hosts busy");
        f.release("a.example", Duration::from_secs(10))
            .expect("release");
        assert!(
            matches!(f.claim(Instant::now()), Ok(Claim::WaitUntil(_))),
            "a.example resting"
        );
        assert_eq!(f.queued(), 1);
    }
}
