//! The frontier: URLs waiting to be fetched, grouped by host, with per-host politeness
//! (one request at a time, a delay between requests) and the set of URLs already seen.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::Duration;

use tokio::time::Instant;
use url::Url;

use crate::robots::RobotsRules;

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

/// Politeness and robots state of one host.
#[derive(Debug)]
pub struct HostState {
    queue: VecDeque<Candidate>,
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

/// URLs to fetch, per host, and the URLs seen.
#[derive(Debug, Default)]
pub struct Frontier {
    hosts: HashMap<String, HostState>,
    order: Vec<String>,
    cursor: usize,
    seen: HashSet<String>,
    query_variants: HashMap<String, u32>,
    default_delay: Duration,
}

/// The politeness key of a URL: its host name.
pub fn host_key(url: &Url) -> String {
    url.host_str().unwrap_or_default().to_ascii_lowercase()
}

impl Frontier {
    /// An empty frontier with a default per-host delay.
    pub fn new(default_delay: Duration) -> Self {
        Self {
            default_delay,
            ..Self::default()
        }
    }

    /// Whether a URL was already queued or fetched.
    pub fn is_seen(&self, url: &Url) -> bool {
        self.seen.contains(url.as_str())
    }

    /// Counts a query-string variant of the URL's path; returns the count so far.
    pub fn count_query_variant(&mut self, url: &Url) -> u32 {
        if url.query().is_none() {
            return 0;
        }
        let key = format!("{}{}", host_key(url), url.path());
        let n = self.query_variants.entry(key).or_insert(0);
        *n += 1;
        *n
    }

    /// Queues a candidate unless its URL was seen; returns whether it was added.
    /// `front` puts it before the host's other URLs (robots.txt, retries).
    pub fn push(&mut self, candidate: Candidate, front: bool) -> bool {
        if !self.seen.insert(candidate.url.as_str().to_string()) && candidate.attempt == 0 {
            return false;
        }
        let key = host_key(&candidate.url);
        self.push_to_host(&key, candidate, front);
        true
    }

    /// Queues a candidate on a given host's queue without the seen check (retries,
    /// robots.txt redirects fetched on behalf of a host).
    pub fn push_to_host(&mut self, key: &str, candidate: Candidate, front: bool) {
        let default_delay = self.default_delay;
        let state = self.hosts.entry(key.to_string()).or_insert_with(|| {
            self.order.push(key.to_string());
            HostState {
                queue: VecDeque::new(),
                busy: false,
                next_at: Instant::now(),
                robots: None,
                delay: default_delay,
                fetched: 0,
            }
        });
        if front {
            state.queue.push_front(candidate);
        } else {
            state.queue.push_back(candidate);
        }
    }

    /// Whether a host is known (has been queued on).
    pub fn has_host(&self, key: &str) -> bool {
        self.hosts.contains_key(key)
    }

    /// Takes the next candidate of a free, rested host (round robin over hosts).
    pub fn claim(&mut self, now: Instant) -> Claim {
        let mut earliest: Option<Instant> = None;
        let n = self.order.len();
        for i in 0..n {
            let idx = (self.cursor + i) % n;
            let key = &self.order[idx];
            let Some(state) = self.hosts.get_mut(key) else {
                continue;
            };
            if state.busy || state.queue.is_empty() {
                continue;
            }
            if state.next_at > now {
                earliest = Some(earliest.map_or(state.next_at, |e| e.min(state.next_at)));
                continue;
            }
            if let Some(c) = state.queue.pop_front() {
                state.busy = true;
                self.cursor = (idx + 1) % n;
                return Claim::Ready(key.clone(), c);
            }
        }
        earliest.map_or(Claim::Idle, Claim::WaitUntil)
    }

    /// Frees a host after a fetch; its next request waits `wait` from now.
    pub fn release(&mut self, key: &str, wait: Duration) {
        if let Some(state) = self.hosts.get_mut(key) {
            state.busy = false;
            state.next_at = Instant::now() + wait;
        }
    }

    /// Frees a host without a fetch having been made (a skipped candidate).
    pub fn release_unused(&mut self, key: &str) {
        if let Some(state) = self.hosts.get_mut(key) {
            state.busy = false;
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
    pub fn queued(&self) -> usize {
        self.hosts.values().map(|h| h.queue.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut f = Frontier::new(Duration::from_secs(10));
        assert!(f.push(cand("http://a.example/1"), false));
        assert!(!f.push(cand("http://a.example/1"), false));
        assert!(f.push(cand("http://a.example/2"), false));
        assert!(f.push(cand("http://b.example/1"), false));
        let now = Instant::now();
        let Claim::Ready(h1, _) = f.claim(now) else {
            panic!("a host is ready")
        };
        let Claim::Ready(h2, _) = f.claim(now) else {
            panic!("another host is ready")
        };
        assert_ne!(h1, h2);
        assert!(matches!(f.claim(now), Claim::Idle), "both hosts busy");
        f.release("a.example", Duration::from_secs(10));
        assert!(
            matches!(f.claim(Instant::now()), Claim::WaitUntil(_)),
            "a.example resting"
        );
        assert_eq!(f.queued(), 1);
    }
}
