//! Where every capture lives: a table of the captures in a directory of WARC files, keyed by
//! SURT URL (as pywb's), read from the CDXJ index beside each WARC file when it is up to date,
//! else computed from the WARC file itself (WARC files from other tools come without one).
//! The table is refreshed when files appear or change, so new crawls can be replayed without
//! a restart. Each capture is held once, in its file's list; a URL's captures are found
//! through an array of (key hash, file, place) sorted by hash and timestamp.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Instant, SystemTime};

use chrono::NaiveDateTime;
use warc::cdxj::{CdxjLine, cdxj_path, index_file, surt};

/// One capture: a `response`, `revisit` or `resource` record of a WARC file.
#[derive(Debug, Clone)]
pub struct CaptureLoc {
    /// 14-digit timestamp (`20130131100000`).
    pub timestamp: String,
    /// The URL captured.
    pub url: String,
    /// Media type of the payload, `warc/revisit` for a revisit.
    pub mime: Option<String>,
    /// HTTP status, when the record is an HTTP response.
    pub status: Option<u16>,
    /// Payload digest.
    pub digest: Option<String>,
    /// The WARC file.
    pub file: Arc<PathBuf>,
    /// Offset of the record (or of the gzip member holding it) in the file.
    pub offset: u64,
}

impl CaptureLoc {
    /// Whether the record is a revisit (the content did not change).
    pub fn is_revisit(&self) -> bool {
        self.mime.as_deref() == Some("warc/revisit")
    }

    /// Seconds since the epoch of the timestamp (0 when it does not parse).
    pub fn seconds(&self) -> i64 {
        timestamp_seconds(&self.timestamp).unwrap_or(0)
    }
}

/// Seconds since the epoch of a (possibly shortened) 14-digit timestamp.
pub fn timestamp_seconds(ts: &str) -> Option<i64> {
    if ts.is_empty() || !ts.chars().all(|c| c.is_ascii_digit()) || ts.len() > 14 {
        return None;
    }
    let mut full = ts.to_string();
    // A shortened timestamp names the start of its period: `2013` is 2013-01-01.
    let pad = "00000101000000";
    full.push_str(&pad[ts.len()..]);
    NaiveDateTime::parse_from_str(&full, "%Y%m%d%H%M%S")
        .ok()
        .map(|t| t.and_utc().timestamp())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

/// The captures of one file, with their SURT keys.
type FileCaptures = Arc<Vec<(String, CaptureLoc)>>;

#[derive(Default)]
struct Table {
    /// The WARC files and their captures, in path order (a file's number is its place here).
    files: Vec<(PathBuf, Stamp, FileCaptures)>,
    /// Every capture as (hash of its SURT key, file number, place in the file's captures),
    /// ordered by hash, then timestamp: 16 bytes a capture. A map from each key to copies of
    /// its captures took 760 bytes more a capture (the server at 1.24M captures: 1,615 MB of
    /// anonymous memory against 671 MB).
    index: Vec<(u64, u32, u32)>,
}

impl Table {
    /// The table of these files' captures.
    fn build(mut files: Vec<(PathBuf, Stamp, FileCaptures)>) -> Self {
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let total = files.iter().map(|(_, _, e)| e.len()).sum();
        let mut index = Vec::with_capacity(total);
        for (f, (_, _, entries)) in files.iter().enumerate() {
            for (i, (key, _)) in entries.iter().enumerate() {
                if let (Ok(f), Ok(i)) = (u32::try_from(f), u32::try_from(i)) {
                    index.push((key_hash(key), f, i));
                }
            }
        }
        let timestamp = |&(_, f, i): &(u64, u32, u32)| {
            files
                .get(f as usize)
                .and_then(|(_, _, e)| e.get(i as usize))
                .map(|(_, loc)| loc.timestamp.as_str())
        };
        // Stable: captures of the same second stay in file order.
        index.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| timestamp(a).cmp(&timestamp(b))));
        Self { files, index }
    }

    /// The captures whose SURT key is `key`, oldest first.
    fn captures(&self, key: &str) -> Vec<CaptureLoc> {
        let hash = key_hash(key);
        let start = self.index.partition_point(|e| e.0 < hash);
        self.index[start..]
            .iter()
            .take_while(|e| e.0 == hash)
            .filter_map(|&(_, f, i)| self.files.get(f as usize)?.2.get(i as usize))
            .filter(|(k, _)| k == key)
            .map(|(_, loc)| loc.clone())
            .collect()
    }
}

/// The hash of a SURT key in the capture index (two keys with the same are told apart by
/// comparing the keys).
fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

/// The capture table of a directory of WARC files.
pub struct CaptureStore {
    dir: PathBuf,
    table: RwLock<Table>,
    last_refresh: RwLock<Option<Instant>>,
    /// Held while a refresh runs: one at a time.
    refreshing: std::sync::Mutex<()>,
}

/// Counts after a refresh.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoreCounts {
    /// WARC files known.
    pub files: usize,
    /// Captures known.
    pub captures: usize,
}

impl CaptureStore {
    /// An empty table over `dir`; call [`CaptureStore::refresh`] to load it.
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            table: RwLock::new(Table::default()),
            last_refresh: RwLock::new(None),
            refreshing: std::sync::Mutex::new(()),
        }
    }

    /// Reads new or changed WARC files (through their CDXJ when it is up to date) and drops
    /// vanished ones. Unreadable files are logged and skipped.
    pub fn refresh(&self) -> StoreCounts {
        // A refresh already running will see the same files: wait for it rather than read
        // them twice.
        let _one_at_a_time = match self.refreshing.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Ok(mut last) = self.last_refresh.write() {
            *last = Some(Instant::now());
        }
        let mut found = Vec::new();
        list_warcs(&self.dir, &mut found);
        let known: HashMap<PathBuf, (Stamp, FileCaptures)> = self
            .table
            .read()
            .map(|t| {
                let known = t.files.iter().map(|(p, s, e)| (p.clone(), (*s, e.clone())));
                known.collect()
            })
            .unwrap_or_default();
        let mut changed = found.len() != known.len();
        let mut files = Vec::with_capacity(found.len());
        for path in found {
            let old = known.get(&path).cloned();
            match stamp(&path) {
                Some(now) if old.as_ref().is_some_and(|(s, _)| *s == now) => {
                    files.extend(old.map(|(s, e)| (path, s, e)));
                }
                Some(now) => {
                    changed = true;
                    match load_file(&path) {
                        Ok(entries) => files.push((path, now, Arc::new(entries))),
                        Err(e) => {
                            tracing::warn!("{}: cannot read captures: {e}", path.display());
                            files.extend(old.map(|(s, e)| (path, s, e)));
                        }
                    }
                }
                // Listed but gone before it could be looked at: what was known of it stays.
                None => files.extend(old.map(|(s, e)| (path, s, e))),
            }
        }
        if changed {
            // Built before taking the lock: replay keeps reading the old table meanwhile.
            let table = Table::build(files);
            if let Ok(mut current) = self.table.write() {
                *current = table;
            }
        }
        self.counts()
    }

    /// Refreshes when the last refresh is older than `age` (used when a lookup misses).
    pub fn refresh_if_older(&self, age: std::time::Duration) {
        let stale = self
            .last_refresh
            .read()
            .map(|l| l.is_none_or(|t| t.elapsed() >= age))
            .unwrap_or(true);
        if stale {
            self.refresh();
        }
    }

    /// Every capture of a URL (same SURT key), oldest first.
    pub fn captures(&self, url: &str) -> Vec<CaptureLoc> {
        let key = surt(url);
        self.table
            .read()
            .map(|t| t.captures(&key))
            .unwrap_or_default()
    }

    /// The capture of a URL closest in time to `timestamp`: among the captures of that very
    /// URL when there are some, else among those of its other spellings (same SURT key:
    /// `http`/`https`, with or without `www`), redirects last — a redirect from `http` to
    /// `https` would lead back to itself.
    pub fn closest(&self, url: &str, timestamp: &str) -> Option<CaptureLoc> {
        let wanted = timestamp_seconds(timestamp);
        let list = self.captures(url);
        let redirect = |c: &CaptureLoc| c.status.is_some_and(|s| (300..400).contains(&s));
        let exact = list.iter().any(|c| c.url == url);
        let others_than_redirects = list.iter().any(|c| !redirect(c));
        let pool = list.into_iter().filter(|c| {
            if exact {
                c.url == url
            } else {
                !others_than_redirects || !redirect(c)
            }
        });
        match wanted {
            Some(w) => pool.min_by_key(|c| (c.seconds() - w).abs()),
            None => pool.last(),
        }
    }

    /// Counts of files and captures.
    pub fn counts(&self) -> StoreCounts {
        self.table
            .read()
            .map(|t| StoreCounts {
                files: t.files.len(),
                captures: t.index.len(),
            })
            .unwrap_or_default()
    }
}

/// WARC files under a directory (recursively); files still being written (`.open`) are left.
fn list_warcs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        // Symbolic links are not followed: a link to a parent would list files forever.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            list_warcs(&path, out);
        } else if kind.is_file() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            if name.ends_with(".warc") || name.ends_with(".warc.gz") {
                out.push(path);
            }
        }
    }
    out.sort();
}

/// The captures of one WARC file: from its CDXJ when that is at least as recent, else by
/// reading the WARC file.
fn load_file(path: &Path) -> std::io::Result<Vec<(String, CaptureLoc)>> {
    let file = Arc::new(path.to_path_buf());
    let cdxj = cdxj_path(path);
    let fresh_cdxj = match (std::fs::metadata(&cdxj), std::fs::metadata(path)) {
        (Ok(c), Ok(w)) => match (c.modified(), w.modified()) {
            (Ok(c), Ok(w)) => c >= w,
            _ => false,
        },
        _ => false,
    };
    if fresh_cdxj {
        let text = std::fs::read_to_string(&cdxj)?;
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            match parse_cdxj_line(line, &file) {
                Some(e) => entries.push(e),
                None if line.trim().is_empty() => {}
                None => tracing::warn!("{}:{}: not a CDXJ line; skipped", cdxj.display(), n + 1),
            }
        }
        return Ok(entries);
    }
    let (lines, errors) = index_file(path)?;
    for e in errors {
        tracing::warn!("{e}; record skipped");
    }
    Ok(lines.iter().filter_map(|l| from_line(l, &file)).collect())
}

fn from_line(line: &CdxjLine, file: &Arc<PathBuf>) -> Option<(String, CaptureLoc)> {
    let get = |name: &str| {
        line.fields
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    Some((
        line.key.clone(),
        CaptureLoc {
            timestamp: line.timestamp.clone(),
            url: get("url")?,
            mime: get("mime"),
            status: get("status").and_then(|s| s.parse().ok()),
            digest: get("digest"),
            file: file.clone(),
            offset: get("offset")?.parse().ok()?,
        },
    ))
}

/// Parses a CDXJ line (`SURT TIMESTAMP {json}`) of the index file `file`: its SURT key and
/// where its capture lies; `None` for a line that is not one.
pub fn parse_cdxj_line(line: &str, file: &Arc<PathBuf>) -> Option<(String, CaptureLoc)> {
    let mut parts = line.splitn(3, ' ');
    let key = parts.next()?.to_string();
    let timestamp = parts.next()?.to_string();
    if timestamp.len() != 14 || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let json: serde_json::Value = serde_json::from_str(parts.next()?).ok()?;
    let s = |name: &str| json.get(name).and_then(|v| v.as_str()).map(str::to_string);
    let number = |name: &str| {
        json.get(name).and_then(|v| {
            v.as_u64()
                .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
        })
    };
    // The CDXJ names its WARC file, which lies beside it: a path is not followed out of
    // the directory.
    let warc = match s("filename") {
        Some(name)
            if name.is_empty() || name.contains(['/', '\\', '\0']) || name.starts_with('.') =>
        {
            return None;
        }
        Some(name) => Arc::new(file.with_file_name(name)),
        None => file.clone(),
    };
    Some((
        key,
        CaptureLoc {
            timestamp,
            url: s("url")?,
            mime: s("mime"),
            status: number("status").and_then(|n| u16::try_from(n).ok()),
            digest: s("digest"),
            file: warc,
            offset: number("offset")?,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_may_be_shortened() {
        assert_eq!(
            timestamp_seconds("2013"),
            timestamp_seconds("20130101000000")
        );
        assert!(timestamp_seconds("20130131100000").is_some());
        assert_eq!(timestamp_seconds("2013x"), None);
        assert_eq!(timestamp_seconds(""), None);
    }

    fn loc(url: &str, ts: &str, status: u16) -> CaptureLoc {
        CaptureLoc {
            timestamp: ts.into(),
            url: url.into(),
            mime: Some("text/html".into()),
            status: Some(status),
            digest: None,
            file: Arc::new(PathBuf::from("/w/a.warc.gz")),
            offset: 0,
        }
    }

    #[test]
    fn closest_prefers_the_url_asked_then_pages_over_redirects() {
        let store = CaptureStore::new(Path::new("/nonexistent"));
        let key = surt("http://www.a.example/");
        {
            let mut t = store.table.write().expect("lock");
            let entries = vec![
                (
                    key.clone(),
                    loc("https://www.a.example/", "20130101000001", 200),
                ),
                (
                    surt("http://b.example/x"),
                    loc("http://b.example/x", "2013", 200),
                ),
                (
                    key.clone(),
                    loc("http://www.a.example/", "20130101000000", 301),
                ),
            ];
            let stamp = Stamp {
                len: 0,
                modified: None,
            };
            *t = Table::build(vec![(
                PathBuf::from("/w/a.warc.gz"),
                stamp,
                Arc::new(entries),
            )]);
        }
        let all = store.captures("https://a.example/");
        assert_eq!(all.len(), 2, "the captures of the key, not the other URL's");
        assert_eq!(all[0].timestamp, "20130101000000", "oldest first");
        let c = store
            .closest("https://www.a.example/", "20130101000000")
            .expect("found");
        assert_eq!(
            c.url, "https://www.a.example/",
            "the URL asked, not its redirect"
        );
        let c = store
            .closest("http://www.a.example/", "20130101000001")
            .expect("found");
        assert_eq!(c.status, Some(301), "the URL asked, even a redirect");
        let c = store
            .closest("http://a.example/", "20130101000000")
            .expect("found");
        assert_eq!(
            c.status,
            Some(200),
            "another spelling: the page, not the redirect"
        );
        assert!(store.closest("http://b.example/", "2013").is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, failure_persistence: None, ..Default::default() })]

        /// Any line parses or is refused; a capture it names never lies outside the index's
        /// directory (the `cdxj_surt` fuzz target's property).
        #[test]
        fn any_cdxj_line_stays_in_its_directory(
            key in "\\PC{0,20}",
            ts in "[0-9]{14}",
            name in "\\PC{0,20}",
            noise in "\\PC{0,80}",
        ) {
            let file = Arc::new(PathBuf::from("/archive/index.cdxj"));
            let line = format!(
                "{key} {ts} {{\"url\": \"http://a.example/\", \"offset\": \"1\", \"filename\": {}}}",
                serde_json::to_string(&name).unwrap_or_default()
            );
            for l in [line.as_str(), noise.as_str()] {
                if let Some((_, loc)) = parse_cdxj_line(l, &file) {
                    proptest::prop_assert_eq!(loc.file.parent(), file.parent());
                }
            }
        }
    }

    #[test]
    fn a_broken_cdxj_line_is_skipped_and_the_others_loaded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let warc = dir.path().join("a.warc.gz");
        std::fs::write(&warc, b"").expect("warc");
        let good = r#"example,allonnes)/ 20130131100000 {"url": "http://www.allonnes.example/", "mime": "text/html", "status": "200", "offset": "42", "filename": "a.warc.gz"}"#;
        let broken =
            r#"example,allonnes)/x 20130131100000 {"url": "http://www.allonnes.example/x", "offs"#;
        std::fs::write(
            warc::cdxj::cdxj_path(&warc),
            format!("{broken}\n{good}\nnot a line at all\n"),
        )
        .expect("cdxj");
        let entries = load_file(&warc).expect("loads");
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].1.url, "http://www.allonnes.example/");
    }

    #[test]
    fn refresh_merges_files_oldest_first_and_drops_vanished_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let line = |url: &str, ts: &str, file: &str| {
            format!(
                "{} {ts} {{\"url\": \"{url}\", \"mime\": \"text/html\", \"status\": \"200\", \"offset\": \"0\", \"filename\": \"{file}\"}}\n",
                surt(url)
            )
        };
        let write = |name: &str, lines: &[String]| {
            let warc = dir.path().join(name);
            std::fs::write(&warc, b"").expect("warc");
            std::fs::write(warc::cdxj::cdxj_path(&warc), lines.concat()).expect("cdxj");
        };
        let page = "http://www.allonnes.example/actualites/fibre";
        write(
            "b.warc.gz",
            &[
                line(page, "20240101000000", "b.warc.gz"),
                line(
                    "http://www.allonnes.example/",
                    "20240101000000",
                    "b.warc.gz",
                ),
            ],
        );
        write("a.warc.gz", &[line(page, "20250101000000", "a.warc.gz")]);
        let store = CaptureStore::new(dir.path());
        let counts = store.refresh();
        assert_eq!((counts.files, counts.captures), (2, 3));
        let found = store.captures(page);
        let stamps: Vec<&str> = found.iter().map(|c| c.timestamp.as_str()).collect();
        assert_eq!(stamps, ["20240101000000", "20250101000000"], "oldest first");
        assert!(found[0].file.ends_with("b.warc.gz"));
        assert_eq!(store.captures("http://www.allonnes.example/autre").len(), 0);

        std::fs::remove_file(dir.path().join("b.warc.gz")).expect("remove");
        let counts = store.refresh();
        assert_eq!((counts.files, counts.captures), (1, 1));
        let found = store.captures(page);
        assert_eq!(found.len(), 1, "the vanished file's capture is gone");
        assert_eq!(found[0].timestamp, "20250101000000");
        assert!(store.captures("http://www.allonnes.example/").is_empty());
    }

    #[test]
    fn cdxj_lines_parse() {
        let file = Arc::new(PathBuf::from("/w/a.warc.gz"));
        let line = r#"example,allonnes)/ 20130131100000 {"url": "http://www.allonnes.example/", "mime": "text/html", "status": "200", "digest": "sha1:X", "length": "10", "offset": "42", "filename": "a.warc.gz"}"#;
        let (key, loc) = parse_cdxj_line(line, &file).expect("parses");
        assert_eq!(key, "example,allonnes)/");
        assert_eq!(loc.offset, 42);
        assert_eq!(loc.status, Some(200));
        assert_eq!(*loc.file, PathBuf::from("/w/a.warc.gz"));
        assert!(parse_cdxj_line("garbage", &file).is_none());
        let outside = line.replace(r#""a.warc.gz""#, r#""../b.warc.gz""#);
        assert!(
            parse_cdxj_line(&outside, &file).is_none(),
            "no path out of the directory"
        );
        // Found by fuzzing (cdxj_surt): an empty name named the directory itself.
        let empty = line.replace(r#""a.warc.gz""#, "\"\"");
        assert!(
            parse_cdxj_line(&empty, &file).is_none(),
            "a file has a name"
        );
        let bad_ts = line.replace("20130131100000", "2013013110000é");
        assert!(
            parse_cdxj_line(&bad_ts, &file).is_none(),
            "timestamps are 14 digits"
        );
    }
}
