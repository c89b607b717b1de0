//! A cache of rendered search responses (HTML page or JSON), keyed by the request's query
//! string and valid for one generation of the index: a commit of the indexer makes every
//! entry stale. Identical searches (a page reloaded, the back button, a popular query, a
//! facet clicked twice) are answered without running the search again, as Solr's result
//! cache and Elasticsearch's request cache do.

use std::num::NonZeroUsize;
use std::sync::Mutex;

use bytes::Bytes;
use lru::LruCache;

/// Bytes of responses kept at most, whatever the number of entries.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

struct Entries {
    lru: LruCache<String, (u64, Bytes)>,
    bytes: usize,
}

/// Rendered responses by request, for the current index generation.
pub struct ResponseCache {
    entries: Option<Mutex<Entries>>,
}

impl ResponseCache {
    /// A cache of at most `capacity` responses (and [`MAX_BYTES`]); 0 disables it.
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: NonZeroUsize::new(capacity).map(|n| {
                Mutex::new(Entries {
                    lru: LruCache::new(n),
                    bytes: 0,
                })
            }),
        }
    }

    /// The response body cached for `key` in index generation `generation` (only successful
    /// responses are cached).
    pub fn get(&self, key: &str, generation: u64) -> Option<Bytes> {
        let mut e = self.entries.as_ref()?.lock().ok()?;
        match e.lru.get(key) {
            Some((g, cached)) if *g == generation => Some(cached.clone()),
            Some(_) => {
                if let Some((_, old)) = e.lru.pop(key) {
                    e.bytes -= old.len();
                }
                None
            }
            None => None,
        }
    }

    /// Remembers a response (not one larger than a quarter of [`MAX_BYTES`]).
    pub fn put(&self, key: String, generation: u64, cached: Bytes) {
        let Some(Ok(mut e)) = self.entries.as_ref().map(Mutex::lock) else {
            return;
        };
        let size = cached.len();
        if size > MAX_BYTES / 4 {
            return;
        }
        e.bytes += size;
        if let Some((_, (_, old))) = e.lru.push(key, (generation, cached)) {
            e.bytes -= old.len();
        }
        while e.bytes > MAX_BYTES {
            match e.lru.pop_lru() {
                Some((_, (_, old))) => e.bytes -= old.len(),
                None => {
                    e.bytes = 0;
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_with_the_generation() {
        let cache = ResponseCache::new(2);
        let body = |s: &'static str| Bytes::from_static(s.as_bytes());
        cache.put("q=a".into(), 1, body("a"));
        assert_eq!(cache.get("q=a", 1), Some(Bytes::from("a")));
        assert!(cache.get("q=a", 2).is_none(), "a new commit makes it stale");
        cache.put("q=b".into(), 2, body("b"));
        cache.put("q=c".into(), 2, body("c"));
        cache.put("q=d".into(), 2, body("d"));
        assert!(cache.get("q=b", 2).is_none(), "least recently used dropped");
        assert!(ResponseCache::new(0).get("q=a", 1).is_none());
    }
}
