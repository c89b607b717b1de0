//! Persistent crawl state: the frontier (queued and in-flight URLs), the seen-URL set, robots
//! state per host, scope bookkeeping and the capture history of every URL across crawls.
//!
//! Everything sits behind [`StateStore`], so that a shared store (a PostgreSQL frontier for
//! several crawler machines) can replace [`SqliteStore`] without touching fetching or WARC
//! code. The SQLite store keeps memory bounded whatever the frontier's size: the queue and
//! the seen set live on disk, in a WAL-mode database under the crawl's state directory.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

/// Errors of the state store.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// The database could not be opened or used.
    #[error("crawl state database {path}: {source}")]
    Db {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The PostgreSQL crawl state could not be reached or used.
    #[error("crawl state in PostgreSQL ({target}), {what}: {}", postgres_message(.error))]
    Postgres {
        /// The database, as `host:port/dbname` (no password).
        target: String,
        /// What was being done.
        what: &'static str,
        /// What PostgreSQL (or its client) said (in the message, not chained as a source:
        /// its text would print twice).
        error: postgres::Error,
    },
    /// The PostgreSQL crawl state cannot be used as it is.
    #[error("crawl state in PostgreSQL ({target}): {message}")]
    Shared {
        /// The database, as `host:port/dbname`.
        target: String,
        /// What is wrong, and what to do.
        message: String,
    },
    /// The state directory could not be created.
    #[error("cannot create the state directory {path}: {source}")]
    Dir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// What PostgreSQL said, with its SQLSTATE code (the client's own text for a database error
/// is only "db error").
fn postgres_message(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} ({})", db.message(), db.code().code());
    }
    // The client's errors keep their cause (refused connection, bad password…) as a source.
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// A URL waiting in (or claimed from) the frontier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedUrl {
    /// Canonical URL.
    pub url: String,
    /// Politeness key (host) whose queue holds it.
    pub host: String,
    /// Link depth from a seed.
    pub depth: u32,
    /// Redirects followed to reach it.
    pub hops: u32,
    /// Fetch attempts already made.
    pub attempt: u32,
    /// Whether it is a robots.txt fetch.
    pub robots: bool,
}

/// A capture of a URL, as recorded for later recrawls (conditional requests, revisits).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaptureInfo {
    /// Target URI.
    pub url: String,
    /// WARC-Date of the capture.
    pub date: String,
    /// HTTP status.
    pub status: u16,
    /// WARC-Payload-Digest.
    pub digest: String,
    /// ETag header of the response.
    pub etag: Option<String>,
    /// Last-Modified header of the response.
    pub last_modified: Option<String>,
    /// WARC-Record-ID of the response record.
    pub record_id: String,
    /// WARC file name holding the record.
    pub warc: String,
    /// Offset of the record in that file.
    pub offset: u64,
}

/// What is known of a host's robots.txt, saved so that a resumed crawl does not fetch
/// (and archive) it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRobots {
    /// Politeness key.
    pub host: String,
    /// Final HTTP status of robots.txt, when one was received.
    pub status: Option<u16>,
    /// Its body (decoded from any content-encoding).
    pub body: Vec<u8>,
    /// The error, when none was received.
    pub error: Option<String>,
}

/// The crawl state interface: frontier, seen set, capture history.
pub trait StateStore: Send {
    /// Marks the crawl finished.
    fn finish(&mut self) -> Result<(), StateError>;
    /// Queues a URL unless seen before; `front` puts it before the host's other URLs.
    /// Returns whether it was added.
    fn enqueue(&mut self, item: &QueuedUrl, front: bool) -> Result<bool, StateError>;
    /// Queues a URL again (a retry, or a robots.txt redirect) even though it was seen.
    fn requeue(&mut self, item: &QueuedUrl, front: bool) -> Result<(), StateError>;
    /// Takes the next URL of a host's queue and marks it in flight.
    fn claim(&mut self, host: &str) -> Result<Option<QueuedUrl>, StateError>;
    /// Marks a claimed URL done (`fetched`) or skipped.
    fn complete(&mut self, url: &str, fetched: bool) -> Result<(), StateError>;
    /// Whether a URL was ever queued in this crawl.
    fn is_seen(&self, url: &str) -> Result<bool, StateError>;
    /// For each URL, whether it was never queued in this crawl (the seen set, asked once for
    /// many URLs).
    fn unseen(&self, urls: &[&str]) -> Result<Vec<bool>, StateError> {
        urls.iter().map(|u| self.is_seen(u).map(|s| !s)).collect()
    }
    /// The latest full (non-revisit) capture of a URL with a 2xx status, from any crawl, and
    /// whether the end-of-crawl check ([`StateStore::sweep_known`]) queued the URL in this
    /// crawl, in one question.
    fn recall(&self, url: &str) -> Result<(Option<CaptureInfo>, bool), StateError>;
    /// Marks a claimed URL fetched and records its capture in the history, if it is a
    /// reference for later revisits.
    fn complete_fetched(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
    ) -> Result<(), StateError>;
    /// The URLs captured by earlier crawls that this crawl has not queued (no page, sitemap
    /// or feed of it links to them), remembered as swept: the crawl fetches them once more to
    /// learn whether they are gone or only unlinked.
    fn sweep_known(&mut self) -> Result<Vec<String>, StateError>;
    /// Counts a URL as swept (the target of a swept URL's redirect: nothing links to it).
    fn mark_swept(&mut self, url: &str) -> Result<(), StateError>;
    /// Queued URL counts and fetched counts per host (for a resumed crawl).
    fn host_counts(&self) -> Result<Vec<(String, u64, u64)>, StateError>;
    /// Saves a host's robots.txt outcome.
    fn save_robots(&mut self, robots: &HostRobots) -> Result<(), StateError>;
    /// Saved robots.txt outcomes.
    fn robots(&self) -> Result<Vec<HostRobots>, StateError>;
    /// Records an out-of-scope URL; returns whether it is new.
    fn mark_out_of_scope(&mut self, url: &str, reason: &str) -> Result<bool, StateError>;
    /// Counts one more query-string variant of a path; returns the count.
    fn count_query_variant(&mut self, key: &str) -> Result<u32, StateError>;
    /// Makes the changes so far durable (the crawl calls this after each archived fetch).
    fn commit(&mut self) -> Result<(), StateError>;
    /// Resumes the unfinished crawl (unless `fresh`) or starts a new one, which forgets the
    /// frontier, seen set and robots state and keeps the capture history (for revisits).
    /// Returns the number of URLs that were in flight and are queued again, `None` for a new
    /// crawl.
    fn begin(&mut self, fresh: bool) -> Result<Option<u64>, StateError>;
    /// The host scheduling of a store shared by several crawl workers; `None` for a store
    /// used by one crawl process, which schedules hosts in memory.
    fn shared(&mut self) -> Option<&mut dyn SharedFrontier> {
        None
    }
}

/// What [`SharedFrontier::claim_next`] found.
#[derive(Debug)]
pub enum SharedClaim {
    /// A URL of a host this worker now leases.
    Ready {
        /// The URL.
        item: QueuedUrl,
        /// Pages of its host fetched so far, by every worker.
        fetched: u64,
        /// URLs that workers whose leases expired had in flight, queued again on this call.
        recovered: u64,
    },
    /// URLs are queued or in flight, but no host is free and rested now.
    Wait,
    /// Nothing is queued or in flight on any worker.
    Idle,
}

/// Whose turn the end-of-crawl check of unlinked pages is (see [`StateStore::sweep_known`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SweepTurn {
    /// This worker does it now.
    Mine,
    /// Another worker is doing it.
    Running,
    /// It is done.
    Done,
}

/// Progress of the whole crawl, as a shared store counts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CrawlTotals {
    /// URLs queued, all hosts.
    pub queued: u64,
    /// URLs in flight on every worker.
    pub in_flight: u64,
    /// Captures written by every worker of this crawl.
    pub captures: u64,
    /// Workers of this crawl.
    pub workers: u64,
}

/// A worker as `crawler status` shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WorkerStatus {
    /// Its name.
    pub name: String,
    /// Machine and process.
    pub machine: String,
    /// Process id.
    pub pid: i32,
    /// `starting`, `crawling`, `stopped`.
    pub state: String,
    /// Seconds since its last heartbeat.
    pub silent_secs: f64,
    /// Seconds it has been running.
    pub running_secs: f64,
    /// URLs in flight on it.
    pub in_flight: u64,
    /// Captures it wrote in this run.
    pub captures: u64,
    /// Fetches that got no answer.
    pub errors: u64,
    /// Payload bytes archived.
    pub bytes: u64,
}

/// Host scheduling in a store that several crawl workers share: a host is leased by one
/// worker at a time, with an expiry, and its next request waits for the delay whichever
/// worker makes it.
pub trait SharedFrontier {
    /// Leases a free, rested host and claims its next URL.
    fn claim_next(&mut self) -> Result<SharedClaim, StateError>;
    /// Extends this worker's leases of hosts it is still fetching from (a long fetch, a
    /// busy loop), so that no other worker takes them while it is alive.
    fn renew_leases(&mut self, hosts: &[String]) -> Result<(), StateError>;
    /// Marks a claimed URL fetched (with its capture, as [`StateStore::complete_fetched`])
    /// and ends the lease of its host (as [`SharedFrontier::release_host`]), in one step.
    fn complete_and_release(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
        host: &str,
        wait: std::time::Duration,
    ) -> Result<(), StateError>;
    /// Ends this worker's lease of a host; its next request waits `wait` from now.
    fn release_host(&mut self, host: &str, wait: std::time::Duration) -> Result<(), StateError>;
    /// Records a host new to the crawl with its robots.txt queued first, in one step;
    /// returns whether it was new.
    fn add_host(&mut self, host: &str, robots: &QueuedUrl) -> Result<bool, StateError>;
    /// The saved robots.txt outcome of a host, once a worker has fetched it.
    fn robots_of(&mut self, host: &str) -> Result<Option<HostRobots>, StateError>;
    /// Counts one page against the crawl's budget; `false` once `budget` pages were started.
    fn take_page(&mut self, budget: u64) -> Result<bool, StateError>;
    /// Takes the end-of-crawl check of unlinked pages, or says who has it.
    fn take_sweep(&mut self) -> Result<SweepTurn, StateError>;
    /// Marks the end-of-crawl check done.
    fn sweep_done(&mut self) -> Result<(), StateError>;
    /// Records that a worker met errors on a host (its pages are not known to be unlinked).
    fn mark_troubled(&mut self, host: &str) -> Result<(), StateError>;
    /// Whether any worker met errors on a host.
    fn is_troubled(&mut self, host: &str) -> Result<bool, StateError>;
    /// Marks this worker stopped and returns every worker of the run with its counts.
    fn stop_worker(&mut self) -> Result<Vec<WorkerStatus>, StateError>;
    /// Publishes this worker's counts and returns the whole crawl's.
    fn report_progress(
        &mut self,
        captures: u64,
        errors: u64,
        bytes: u64,
    ) -> Result<CrawlTotals, StateError>;
}

/// [`StateStore`] in a SQLite database (`crawl.sqlite` in the state directory).
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    in_tx: bool,
    seq: i64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS urls(
    url TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    depth INTEGER NOT NULL,
    hops INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    robots INTEGER NOT NULL,
    state INTEGER NOT NULL,
    prio INTEGER NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS urls_queue ON urls(host, state, prio DESC, seq);
CREATE TABLE IF NOT EXISTS robots(
    host TEXT PRIMARY KEY, status INTEGER, body BLOB NOT NULL, error TEXT
);
CREATE TABLE IF NOT EXISTS out_of_scope(url TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS query_variants(key TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS captures(
    url TEXT NOT NULL,
    date TEXT NOT NULL,
    status INTEGER NOT NULL,
    digest TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    record_id TEXT NOT NULL,
    warc TEXT NOT NULL,
    offset INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS captures_url ON captures(url, date);
CREATE TABLE IF NOT EXISTS swept(url TEXT PRIMARY KEY);
";

const QUEUED: i64 = 0;
const IN_FLIGHT: i64 = 1;
const DONE: i64 = 2;
const SKIPPED: i64 = 3;

impl SqliteStore {
    /// Opens (or creates) the store in `dir`.
    pub fn open(dir: &Path) -> Result<Self, StateError> {
        std::fs::create_dir_all(dir).map_err(|source| StateError::Dir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join("crawl.sqlite");
        let err = |source| StateError::Db {
            path: path.clone(),
            source,
        };
        let conn = Connection::open(&path).map_err(err)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16000;",
        )
        .map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        let seq: i64 = conn
            .query_row("SELECT COALESCE(MAX(seq), 0) FROM urls", [], |r| r.get(0))
            .map_err(err)?;
        Ok(Self {
            conn,
            path,
            in_tx: false,
            seq,
        })
    }

    fn err(&self, source: rusqlite::Error) -> StateError {
        StateError::Db {
            path: self.path.clone(),
            source,
        }
    }

    fn tx(&mut self) -> Result<(), StateError> {
        if !self.in_tx {
            self.conn.execute_batch("BEGIN").map_err(|e| self.err(e))?;
            self.in_tx = true;
        }
        Ok(())
    }

    /// Runs an INSERT of a queued URL (parameters in the `urls` column order).
    fn insert_url(
        &mut self,
        sql: &str,
        item: &QueuedUrl,
        front: bool,
    ) -> Result<usize, StateError> {
        self.tx()?;
        let seq = self.next_seq(front);
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| {
                st.execute(params![
                    item.url,
                    item.host,
                    item.depth,
                    item.hops,
                    item.attempt,
                    item.robots,
                    QUEUED,
                    Self::prio(front),
                    seq
                ])
            })
            .map_err(|e| self.err(e))
    }

    fn prio(front: bool) -> i64 {
        i64::from(front)
    }

    fn next_seq(&mut self, front: bool) -> i64 {
        self.seq += 1;
        // Front entries are taken newest first, back entries oldest first.
        if front { -self.seq } else { self.seq }
    }
}

impl SqliteStore {
    /// Whether an unfinished crawl is recorded (a previous run stopped before its end).
    pub fn unfinished(&self) -> Result<bool, StateError> {
        let state: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key='run'", [], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(state.as_deref() == Some("running"))
    }

    /// Starts a new crawl: forgets the frontier, seen set and robots state, keeps the
    /// capture history (for revisits).
    pub fn start_fresh(&mut self) -> Result<(), StateError> {
        self.tx()?;
        self.conn
            .execute_batch(
                "DELETE FROM urls; DELETE FROM robots; DELETE FROM out_of_scope;
                 DELETE FROM query_variants; DELETE FROM swept;
                 INSERT OR REPLACE INTO meta(key, value) VALUES('run', 'running');",
            )
            .map_err(|e| self.err(e))?;
        self.commit()
    }

    /// Prepares a resumed crawl: URLs that were in flight are queued again.
    pub fn resume(&mut self) -> Result<u64, StateError> {
        self.tx()?;
        let n = self
            .conn
            .execute(
                "UPDATE urls SET state=?1, prio=1 WHERE state=?2",
                params![QUEUED, IN_FLIGHT],
            )
            .map_err(|e| self.err(e))?;
        self.commit()?;
        Ok(n as u64)
    }

    /// Records a capture in the history.
    pub fn record_capture(&mut self, c: &CaptureInfo) -> Result<(), StateError> {
        self.tx()?;
        self.conn
            .prepare_cached(
                "INSERT INTO captures(url, date, status, digest, etag, last_modified, record_id, warc, offset)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )
            .and_then(|mut st| {
                st.execute(params![
                    c.url,
                    c.date,
                    c.status,
                    c.digest,
                    c.etag,
                    c.last_modified,
                    c.record_id,
                    c.warc,
                    c.offset as i64
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The latest full (non-revisit) capture of a URL with a 2xx status, from any crawl.
    pub fn last_capture(&self, url: &str) -> Result<Option<CaptureInfo>, StateError> {
        self.conn
            .prepare_cached(
                "SELECT url, date, status, digest, etag, last_modified, record_id, warc, offset
                 FROM captures WHERE url=?1 ORDER BY date DESC, rowid DESC LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![url], |r| {
                    Ok(CaptureInfo {
                        url: r.get(0)?,
                        date: r.get(1)?,
                        status: r.get(2)?,
                        digest: r.get(3)?,
                        etag: r.get(4)?,
                        last_modified: r.get(5)?,
                        record_id: r.get(6)?,
                        warc: r.get(7)?,
                        offset: r.get::<_, i64>(8)? as u64,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Whether a URL was queued by [`StateStore::sweep_known`] in this crawl.
    pub fn is_swept(&self, url: &str) -> Result<bool, StateError> {
        self.conn
            .prepare_cached("SELECT 1 FROM swept WHERE url=?1")
            .and_then(|mut st| st.exists(params![url]))
            .map_err(|e| self.err(e))
    }
}

impl StateStore for SqliteStore {
    fn begin(&mut self, fresh: bool) -> Result<Option<u64>, StateError> {
        if !fresh && self.unfinished()? {
            self.resume().map(Some)
        } else {
            self.start_fresh().map(|()| None)
        }
    }

    fn recall(&self, url: &str) -> Result<(Option<CaptureInfo>, bool), StateError> {
        Ok((self.last_capture(url)?, self.is_swept(url)?))
    }

    fn complete_fetched(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
    ) -> Result<(), StateError> {
        if let Some(capture) = capture {
            self.record_capture(capture)?;
        }
        self.complete(url, true)
    }

    fn finish(&mut self) -> Result<(), StateError> {
        self.tx()?;
        self.conn
            .execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES('run', 'finished')",
                [],
            )
            .map_err(|e| self.err(e))?;
        self.commit()
    }

    fn enqueue(&mut self, item: &QueuedUrl, front: bool) -> Result<bool, StateError> {
        let n = self.insert_url(
            "INSERT OR IGNORE INTO urls(url, host, depth, hops, attempt, robots, state, prio, seq)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            item,
            front,
        )?;
        Ok(n == 1)
    }

    fn requeue(&mut self, item: &QueuedUrl, front: bool) -> Result<(), StateError> {
        self.insert_url(
            "INSERT INTO urls(url, host, depth, hops, attempt, robots, state, prio, seq)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(url) DO UPDATE SET host=excluded.host, depth=excluded.depth,
               hops=excluded.hops, attempt=excluded.attempt, robots=excluded.robots,
               state=excluded.state, prio=excluded.prio, seq=excluded.seq",
            item,
            front,
        )?;
        Ok(())
    }

    fn claim(&mut self, host: &str) -> Result<Option<QueuedUrl>, StateError> {
        self.tx()?;
        let row = self
            .conn
            .prepare_cached(
                "SELECT url, depth, hops, attempt, robots FROM urls
                 WHERE host=?1 AND state=?2 ORDER BY prio DESC, seq LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![host, QUEUED], |r| {
                    Ok(QueuedUrl {
                        url: r.get(0)?,
                        host: host.to_string(),
                        depth: r.get(1)?,
                        hops: r.get(2)?,
                        attempt: r.get(3)?,
                        robots: r.get(4)?,
                    })
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        if let Some(item) = &row {
            self.conn
                .prepare_cached("UPDATE urls SET state=?1 WHERE url=?2")
                .and_then(|mut st| st.execute(params![IN_FLIGHT, item.url]))
                .map_err(|e| self.err(e))?;
        }
        Ok(row)
    }

    fn complete(&mut self, url: &str, fetched: bool) -> Result<(), StateError> {
        self.tx()?;
        let state = if fetched { DONE } else { SKIPPED };
        self.conn
            .prepare_cached("UPDATE urls SET state=?1 WHERE url=?2")
            .and_then(|mut st| st.execute(params![state, url]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn is_seen(&self, url: &str) -> Result<bool, StateError> {
        self.conn
            .prepare_cached("SELECT 1 FROM urls WHERE url=?1")
            .and_then(|mut st| st.exists(params![url]))
            .map_err(|e| self.err(e))
    }

    fn sweep_known(&mut self) -> Result<Vec<String>, StateError> {
        self.tx()?;
        let mut st = self
            .conn
            .prepare(
                "INSERT OR IGNORE INTO swept(url)
                 SELECT DISTINCT url FROM captures
                 WHERE url NOT IN (SELECT url FROM urls) AND url NOT IN (SELECT url FROM swept)
                   AND url NOT IN (SELECT url FROM out_of_scope)
                 RETURNING url",
            )
            .map_err(|e| self.err(e))?;
        let mut urls = st
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        urls.sort();
        Ok(urls)
    }

    fn mark_swept(&mut self, url: &str) -> Result<(), StateError> {
        self.tx()?;
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO swept(url) VALUES(?1)")
            .and_then(|mut st| st.execute(params![url]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn host_counts(&self) -> Result<Vec<(String, u64, u64)>, StateError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT host, SUM(state=?1), SUM(state=?2 AND robots=0) FROM urls GROUP BY host",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![QUEUED, DONE], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)? as u64,
                    r.get::<_, i64>(2)? as u64,
                ))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn save_robots(&mut self, robots: &HostRobots) -> Result<(), StateError> {
        self.tx()?;
        self.conn
            .execute(
                "INSERT OR REPLACE INTO robots(host, status, body, error) VALUES(?1, ?2, ?3, ?4)",
                params![robots.host, robots.status, robots.body, robots.error],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    fn robots(&self) -> Result<Vec<HostRobots>, StateError> {
        let mut st = self
            .conn
            .prepare("SELECT host, status, body, error FROM robots")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(HostRobots {
                    host: r.get(0)?,
                    status: r.get(1)?,
                    body: r.get(2)?,
                    error: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        Ok(rows)
    }

    fn mark_out_of_scope(&mut self, url: &str, reason: &str) -> Result<bool, StateError> {
        self.tx()?;
        let n = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO out_of_scope(url, reason) VALUES(?1, ?2)")
            .and_then(|mut st| st.execute(params![url, reason]))
            .map_err(|e| self.err(e))?;
        Ok(n == 1)
    }

    fn count_query_variant(&mut self, key: &str) -> Result<u32, StateError> {
        self.tx()?;
        self.conn
            .prepare_cached(
                "INSERT INTO query_variants(key, n) VALUES(?1, 1)
                 ON CONFLICT(key) DO UPDATE SET n = n + 1 RETURNING n",
            )
            .and_then(|mut st| st.query_row(params![key], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn commit(&mut self) -> Result<(), StateError> {
        if self.in_tx {
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
            self.in_tx = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(url: &str, host: &str) -> QueuedUrl {
        QueuedUrl {
            url: url.into(),
            host: host.into(),
            depth: 1,
            hops: 0,
            attempt: 0,
            robots: false,
        }
    }

    #[test]
    fn queue_order_seen_set_and_resume() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = SqliteStore::open(dir.path()).expect("open");
        s.start_fresh().expect("fresh");
        assert!(s.enqueue(&q("http://a/1", "a"), false).expect("enqueue"));
        assert!(s.enqueue(&q("http://a/2", "a"), false).expect("enqueue"));
        assert!(
            !s.enqueue(&q("http://a/1", "a"), false).expect("enqueue"),
            "seen"
        );
        assert!(
            s.enqueue(&q("http://a/robots.txt", "a"), true)
                .expect("enqueue")
        );
        s.commit().expect("commit");
        assert_eq!(
            s.claim("a").expect("claim").map(|x| x.url).as_deref(),
            Some("http://a/robots.txt")
        );
        assert_eq!(
            s.claim("a").expect("claim").map(|x| x.url).as_deref(),
            Some("http://a/1")
        );
        s.complete("http://a/robots.txt", true).expect("complete");
        s.commit().expect("commit");
        assert!(s.unfinished().expect("state"));
        drop(s);

        // A new process: http://a/1 was in flight and is queued again, first.
        let mut s = SqliteStore::open(dir.path()).expect("reopen");
        assert_eq!(s.resume().expect("resume"), 1);
        assert_eq!(
            s.claim("a").expect("claim").map(|x| x.url).as_deref(),
            Some("http://a/1")
        );
        assert_eq!(
            s.claim("a").expect("claim").map(|x| x.url).as_deref(),
            Some("http://a/2")
        );
        assert_eq!(s.claim("a").expect("claim"), None);
        s.finish().expect("finish");
        assert!(!s.unfinished().expect("state"));
    }

    #[test]
    fn capture_history_survives_a_fresh_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = SqliteStore::open(dir.path()).expect("open");
        let cap = CaptureInfo {
            url: "http://a/".into(),
            date: "2013-01-31T10:00:00Z".into(),
            status: 200,
            digest: "sha1:AAAA".into(),
            etag: Some("\"x\"".into()),
            last_modified: None,
            record_id: "<urn:uuid:1>".into(),
            warc: "f.warc.gz".into(),
            offset: 42,
        };
        s.record_capture(&cap).expect("record");
        s.commit().expect("commit");
        s.start_fresh().expect("fresh");
        assert_eq!(s.last_capture("http://a/").expect("lookup"), Some(cap));
        assert_eq!(s.count_query_variant("a/x").expect("count"), 1);
        assert_eq!(s.count_query_variant("a/x").expect("count"), 2);
        assert!(s.mark_out_of_scope("http://b/", "off-site").expect("mark"));
        assert!(!s.mark_out_of_scope("http://b/", "off-site").expect("mark"));
    }

    #[test]
    fn the_sweep_lists_known_urls_not_queued_in_this_crawl_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = SqliteStore::open(dir.path()).expect("open");
        for url in [
            "http://a/",
            "http://a/old",
            "http://a/moved",
            "http://a/deep",
        ] {
            s.record_capture(&CaptureInfo {
                url: url.into(),
                date: "2013-01-31T10:00:00Z".into(),
                status: 200,
                digest: "sha1:AAAA".into(),
                etag: None,
                last_modified: None,
                record_id: "<urn:uuid:1>".into(),
                warc: "f.warc.gz".into(),
                offset: 0,
            })
            .expect("record");
        }
        s.commit().expect("commit");
        s.start_fresh().expect("fresh");
        assert!(s.enqueue(&q("http://a/", "a"), false).expect("enqueue"));
        assert!(
            s.mark_out_of_scope("http://a/deep", "too-deep")
                .expect("mark")
        );
        assert_eq!(
            s.sweep_known().expect("sweep"),
            vec!["http://a/moved".to_string(), "http://a/old".to_string()]
        );
        assert!(s.is_swept("http://a/old").expect("swept?"));
        assert!(!s.is_swept("http://a/").expect("swept?"));
        assert!(
            s.sweep_known().expect("sweep again").is_empty(),
            "swept once"
        );
        s.start_fresh().expect("fresh");
        assert!(!s.is_swept("http://a/old").expect("a new crawl forgets"));
    }
}
