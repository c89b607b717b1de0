//! Crawl state in PostgreSQL, shared by crawl workers on several machines
//! (`crawler crawl --state postgres://… --worker NAME`).
//!
//! It holds what [`SqliteStore`](crate::state::SqliteStore) holds for one process (frontier,
//! seen set, robots rules, scope bookkeeping, capture history), and the host scheduling that
//! a single process keeps in memory:
//!
//! - **Host leases.** A worker takes a host by setting `hosts.lease_worker` and pushing
//!   `hosts.next_at` to the lease's expiry, in the statement that claims the host's next URL
//!   (`FOR UPDATE SKIP LOCKED`: a claim skips hosts another worker is claiming). Releasing
//!   the host sets `next_at` to now plus the host's delay. One request at a time per host,
//!   and the delay, therefore hold across workers. A worker renews the leases of the hosts it
//!   is fetching from at each heartbeat (every second).
//! - **A worker that dies** keeps its leases until they expire (`fetch.host_lease`, longer
//!   than any fetch). Every second each worker looks for other workers' expired leases and
//!   queues again, first, the URLs in flight on those hosts: with one request at a time per
//!   host they can only be the dead lease's. Restarted under its name, a worker takes back
//!   its own hosts and URLs at once.
//! - **Order of writes.** A URL is marked done last, after its links, robots rules and
//!   capture are saved: a worker killed between two statements leaves it in flight, to be
//!   fetched again, never done with its links lost.
//! - **Claims do not scan tables**: the ready hosts are read from a partial index on `next_at`,
//!   a host's next URL from a partial index on `(host, seq)` (see `EXPLAIN` in the tests).
//! - **One worker per name**: a session-level advisory lock, which PostgreSQL drops with the
//!   connection when the process dies (for a machine lost without closing its connections,
//!   when the server's TCP keepalive gives up on it). The same locks tell whether a worker is
//!   alive: a fresh start waits for none, and the end-of-crawl check passes to another worker
//!   when its holder died.
//! - **Runs**: the first worker to start begins a run (`crawl_run`); the others join it.
//!   A scheduled job's run has a key, so that only one worker starts a given firing. The last
//!   worker to stop fetching marks the run finished.
//!
//! The `postgres` client is synchronous and cannot be called inside the crawl's async
//! runtime, so one thread owns the connection and runs the store's statements in turn, each
//! prepared once. Statements commit one by one, with `synchronous_commit = off`: a
//! PostgreSQL crash may forget its last fraction of a second of commits, in order (the URLs
//! concerned are then in flight or queued, and fetched again). Deadlocks between workers are
//! retried.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use postgres::{Client, NoTls};

use crate::state::{
    CaptureInfo, CrawlTotals, HostRobots, QueuedUrl, SharedClaim, SharedFrontier, StateError,
    StateStore, SweepTurn, WorkerStatus,
};

/// Whether a `--state` value names a PostgreSQL database rather than a directory.
pub fn is_postgres_url(state: &str) -> bool {
    state.starts_with("postgres://") || state.starts_with("postgresql://")
}

/// The schema's version; a database set up by a newer Veille is refused.
pub const SCHEMA_VERSION: i32 = 1;

/// Whether the worker named by the SQL expression `{}` holds its name's advisory lock, i.e.
/// is alive (its connection open); PostgreSQL drops the lock with the connection.
fn alive_sql(name: &str) -> String {
    format!(
        "EXISTS(SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
                AND l.classid = {LOCK_WORKER}::oid AND l.objid = hashtext({name})::oid
                AND l.objsubid = 2)"
    )
}

/// Advisory lock keys (first half): migrations and run starts, and worker names.
const LOCK_SETUP: i32 = 0x5645_494c; // "VEIL"
const LOCK_WORKER: i32 = 0x5645_4957;

const MIGRATIONS: &[&str] = &["
CREATE TABLE crawl_run(
    id bigserial PRIMARY KEY,
    job text,
    state text NOT NULL,
    started timestamptz NOT NULL DEFAULT now(),
    finished timestamptz,
    pages_started bigint NOT NULL DEFAULT 0,
    sweep_by text,
    swept boolean NOT NULL DEFAULT false
);
CREATE SEQUENCE url_seq;
CREATE TABLE urls(
    url text PRIMARY KEY,
    host text NOT NULL,
    depth integer NOT NULL,
    hops integer NOT NULL,
    attempt integer NOT NULL,
    robots boolean NOT NULL,
    state smallint NOT NULL,
    seq bigint NOT NULL,
    worker text
);
CREATE INDEX urls_queue ON urls(host, seq) WHERE state = 0;
CREATE INDEX urls_in_flight ON urls(host) WHERE state = 1;
CREATE TABLE hosts(
    host text PRIMARY KEY,
    queued bigint NOT NULL DEFAULT 0,
    fetched bigint NOT NULL DEFAULT 0,
    next_at timestamptz NOT NULL DEFAULT now(),
    lease_worker text,
    troubled boolean NOT NULL DEFAULT false
);
CREATE INDEX hosts_ready ON hosts(next_at) WHERE queued > 0 OR lease_worker IS NOT NULL;
CREATE TABLE robots(host text PRIMARY KEY, status integer, body bytea NOT NULL, error text);
CREATE TABLE out_of_scope(url text PRIMARY KEY, reason text NOT NULL);
CREATE TABLE query_variants(key text PRIMARY KEY, n integer NOT NULL);
CREATE TABLE captures(
    id bigserial PRIMARY KEY,
    url text NOT NULL,
    date text NOT NULL,
    status integer NOT NULL,
    digest text NOT NULL,
    etag text,
    last_modified text,
    record_id text NOT NULL,
    warc text NOT NULL,
    record_offset bigint NOT NULL
);
CREATE INDEX captures_url ON captures(url, date);
CREATE TABLE swept(url text PRIMARY KEY);
CREATE TABLE workers(
    name text PRIMARY KEY,
    run bigint,
    machine text NOT NULL,
    pid integer NOT NULL,
    started timestamptz NOT NULL DEFAULT now(),
    heartbeat timestamptz NOT NULL DEFAULT now(),
    state text NOT NULL,
    captures bigint NOT NULL DEFAULT 0,
    errors bigint NOT NULL DEFAULT 0,
    bytes bigint NOT NULL DEFAULT 0
);
"];

/// The URL state codes written by `complete` (0 queued and 1 in flight are in the SQL).
const DONE: i16 = 2;
const SKIPPED: i16 = 3;

type Job = Box<dyn FnOnce(&mut Session) + Send>;

/// The connection and its prepared statements: each statement is parsed and planned once,
/// then run in one round trip.
struct Session {
    client: Client,
    prepared: std::collections::HashMap<&'static str, postgres::Statement>,
}

type Params<'a> = &'a [&'a (dyn postgres::types::ToSql + Sync)];

impl Session {
    fn statement(&mut self, sql: &'static str) -> Result<postgres::Statement, postgres::Error> {
        if let Some(st) = self.prepared.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        self.prepared.insert(sql, st.clone());
        Ok(st)
    }

    fn execute(&mut self, sql: &'static str, params: Params<'_>) -> Result<u64, postgres::Error> {
        let st = self.statement(sql)?;
        self.client.execute(&st, params)
    }

    fn query(
        &mut self,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<Vec<postgres::Row>, postgres::Error> {
        let st = self.statement(sql)?;
        self.client.query(&st, params)
    }

    fn query_one(
        &mut self,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<postgres::Row, postgres::Error> {
        let st = self.statement(sql)?;
        self.client.query_one(&st, params)
    }

    fn query_opt(
        &mut self,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<Option<postgres::Row>, postgres::Error> {
        let st = self.statement(sql)?;
        self.client.query_opt(&st, params)
    }

    fn batch_execute(&mut self, sql: &str) -> Result<(), postgres::Error> {
        self.client.batch_execute(sql)
    }
}

/// A connection owned by its own thread (the sync client runs its own runtime, which may
/// not be started inside the crawl's).
struct Conn {
    jobs: mpsc::Sender<Job>,
    target: String,
}

impl Conn {
    fn connect(url: &str) -> Result<Self, StateError> {
        let target = describe(url);
        let (jobs, rx) = mpsc::channel::<Job>();
        let (ready_tx, ready_rx) = mpsc::sync_channel(1);
        let url = url.to_string();
        std::thread::Builder::new()
            .name("veille-postgres".into())
            .spawn(move || {
                let mut session = match Client::connect(&url, NoTls) {
                    Ok(client) => {
                        let _ = ready_tx.send(Ok(()));
                        Session {
                            client,
                            prepared: Default::default(),
                        }
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                while let Ok(job) = rx.recv() {
                    job(&mut session);
                }
            })
            .map_err(|e| StateError::Shared {
                target: target.clone(),
                message: format!("cannot start the connection thread: {e}"),
            })?;
        match ready_rx.recv() {
            Ok(Ok(())) => Ok(Self { jobs, target }),
            Ok(Err(error)) => Err(StateError::Postgres {
                target,
                what: "connecting (is the server running, and the URL right?)",
                error,
            }),
            Err(_) => Err(StateError::Shared {
                target,
                message: "the connection thread ended".into(),
            }),
        }
    }

    /// Runs `f` on the connection and waits for its result. A deadlock or serialization
    /// failure (workers updating the same rows in another order; PostgreSQL rolls one back)
    /// is retried a few times.
    fn call<R: Send + 'static>(
        &self,
        what: &'static str,
        f: impl Fn(&mut Session) -> Result<R, postgres::Error> + Send + 'static,
    ) -> Result<R, StateError> {
        let (tx, rx) = mpsc::sync_channel(1);
        let gone = || StateError::Shared {
            target: self.target.clone(),
            message: "the connection thread ended".into(),
        };
        self.jobs
            .send(Box::new(move |c| {
                let mut result = f(c);
                for attempt in 1..=5u32 {
                    let transient =
                        result
                            .as_ref()
                            .err()
                            .and_then(|e| e.code())
                            .is_some_and(|code| {
                                *code == postgres::error::SqlState::T_R_DEADLOCK_DETECTED
                                    || *code == postgres::error::SqlState::T_R_SERIALIZATION_FAILURE
                            });
                    if !transient {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(5 * u64::from(attempt)));
                    result = f(c);
                }
                let _ = tx.send(result);
            }))
            .map_err(|_| gone())?;
        rx.recv()
            .map_err(|_| gone())?
            .map_err(|error| StateError::Postgres {
                target: self.target.clone(),
                what,
                error,
            })
    }
}

/// `host:port/dbname` of a PostgreSQL URL, without user or password (for messages).
pub fn describe(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}:{}{}",
            u.host_str().unwrap_or("localhost"),
            u.port().unwrap_or(5432),
            u.path()
        ),
        Err(_) => "an unparsable postgres:// URL".into(),
    }
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// [`StateStore`] in a PostgreSQL database, shared by the workers of one crawl.
pub struct PostgresStore {
    conn: Conn,
    worker: String,
    /// Seconds a host lease lasts (longer than any fetch).
    lease_secs: f64,
    /// Seconds between two requests to a host (the crawl's delay).
    delay_secs: f64,
    /// The key of the scheduled firing this run belongs to, if any.
    job: Option<String>,
    run: i64,
    /// Captures, errors and bytes this worker had counted in the run before it (re)joined.
    base: (u64, u64, u64),
    /// Pages taken from the crawl's budget and not started yet.
    reserved_pages: u64,
    /// When this worker last looked for expired leases.
    last_recovery: Option<Instant>,
    /// When this worker last vacuumed the hosts table.
    last_vacuum: Option<Instant>,
}

/// Pages a worker takes from the crawl's budget at a time.
const PAGES_RESERVED: i64 = 16;

/// The worker holding a name, as the `workers` table describes it.
#[derive(Debug, Clone)]
pub struct WorkerBusy {
    /// Machine and process id of the holder.
    pub holder: String,
}

impl PostgresStore {
    /// Connects, brings the schema up to date, and takes the worker name `worker` (host
    /// leases of `lease`, hosts resting `delay` after a restart). Returns `Ok(Err(busy))`
    /// when another live process holds that name.
    pub fn open(
        url: &str,
        worker: &str,
        lease: Duration,
        delay: Duration,
        job: Option<String>,
    ) -> Result<Result<Self, WorkerBusy>, StateError> {
        let conn = Conn::connect(url)?;
        migrate(&conn)?;
        let name = worker.to_string();
        let locked = conn.call("locking the worker name", move |c| {
            c.query_one(
                "SELECT pg_try_advisory_lock($1, hashtext($2))",
                &[&LOCK_WORKER, &name],
            )
            .map(|r| r.get::<_, bool>(0))
        })?;
        if !locked {
            let name = worker.to_string();
            let holder = conn.call("reading workers", move |c| {
                c.query_opt("SELECT machine, pid FROM workers WHERE name = $1", &[&name])
                    .map(|r| {
                        r.map_or("?".to_string(), |r| {
                            format!(
                                "process {} on {}",
                                r.get::<_, i32>(1),
                                r.get::<_, String>(0)
                            )
                        })
                    })
            })?;
            return Ok(Err(WorkerBusy { holder }));
        }
        let name = worker.to_string();
        let machine = machine_name();
        let pid = i32::try_from(std::process::id()).unwrap_or(0);
        conn.call("registering the worker", move |c| {
            c.execute(
                "INSERT INTO workers(name, machine, pid, state) VALUES($1, $2, $3, 'starting')
                 ON CONFLICT(name) DO UPDATE SET machine = excluded.machine, pid = excluded.pid,
                   started = now(), heartbeat = now(), state = 'starting'",
                &[&name, &machine, &pid],
            )
        })?;
        Ok(Ok(Self {
            conn,
            worker: worker.to_string(),
            lease_secs: lease.as_secs_f64(),
            delay_secs: delay.as_secs_f64(),
            job,
            run: 0,
            base: (0, 0, 0),
            reserved_pages: 0,
            last_recovery: None,
            last_vacuum: None,
        }))
    }

    /// The id of the run this worker takes part in (after [`StateStore::begin`]).
    pub fn run_id(&self) -> i64 {
        self.run
    }

    /// This worker's name.
    pub fn worker(&self) -> &str {
        &self.worker
    }
}

/// The machine's name (as the WARC writer's `gethostname`), `?` when it has none.
pub fn machine_name() -> String {
    let name = gethostname::gethostname().to_string_lossy().into_owned();
    if name.is_empty() { "?".into() } else { name }
}

fn migrate(conn: &Conn) -> Result<(), StateError> {
    // Notices ("already exists, skipping") are not the user's business.
    conn.call("configuring the session", |c| {
        // Short statements: compiling them (JIT) would cost more than running them.
        c.batch_execute(
            "SET client_min_messages = warning; SET synchronous_commit = off; SET jit = off",
        )
    })?;
    let found = conn.call("setting up the schema", |c| {
        let mut tx = c.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1, 0)", &[&LOCK_SETUP])?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS veille_schema(version integer NOT NULL)")?;
        let found: Option<i32> = tx
            .query_opt("SELECT max(version) FROM veille_schema", &[])?
            .and_then(|r| r.get(0));
        let found = found.unwrap_or(0);
        if found <= SCHEMA_VERSION {
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
                tx.batch_execute(sql)?;
                let v = i32::try_from(i + 1).unwrap_or(i32::MAX);
                tx.execute("DELETE FROM veille_schema", &[])?;
                tx.execute("INSERT INTO veille_schema(version) VALUES($1)", &[&v])?;
            }
        }
        tx.commit()?;
        Ok(found)
    })?;
    if found > SCHEMA_VERSION {
        return Err(StateError::Shared {
            target: conn.target.clone(),
            message: format!(
                "the database was set up by a newer Veille (schema {found}, this one knows {SCHEMA_VERSION}); upgrade this worker"
            ),
        });
    }
    Ok(())
}

/// The state of a crawl in PostgreSQL, for `crawler status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CrawlStatus {
    /// The run's id (0 when none has started).
    pub run: i64,
    /// `running` or `finished`.
    pub state: String,
    /// The scheduled firing it belongs to.
    pub job: Option<String>,
    /// Seconds since the run started.
    pub running_secs: f64,
    /// URLs queued.
    pub queued: u64,
    /// URLs in flight on all workers.
    pub in_flight: u64,
    /// Pages fetched (robots.txt not counted).
    pub done: u64,
    /// Hosts known.
    pub hosts: u64,
    /// The workers of the run.
    pub workers: Vec<WorkerStatus>,
}

fn worker_rows(c: &mut Session, run: Option<i64>) -> Result<Vec<WorkerStatus>, postgres::Error> {
    let rows = c.query(
        "SELECT w.name, w.machine, w.pid, w.state,
                extract(epoch FROM now() - w.heartbeat)::float8,
                extract(epoch FROM w.heartbeat - w.started)::float8,
                (SELECT count(*) FROM urls u WHERE u.state = 1 AND u.worker = w.name),
                w.captures, w.errors, w.bytes
         FROM workers w WHERE $1::bigint IS NULL OR w.run = $1 ORDER BY w.name",
        &[&run],
    )?;
    Ok(rows
        .iter()
        .map(|r| WorkerStatus {
            name: r.get(0),
            machine: r.get(1),
            pid: r.get(2),
            state: r.get(3),
            silent_secs: r.get(4),
            running_secs: r.get(5),
            in_flight: to_u64(r.get(6)),
            captures: to_u64(r.get(7)),
            errors: to_u64(r.get(8)),
            bytes: to_u64(r.get(9)),
        })
        .collect())
}

/// Reads the state of the latest run, without joining it (`crawler status`).
pub fn status(url: &str) -> Result<CrawlStatus, StateError> {
    let conn = Conn::connect(url)?;
    // Read only: no schema is created in a database that has none.
    let version: Option<i32> = conn.call("reading the schema version", |c| {
        let exists: bool = c
            .query_one("SELECT to_regclass('veille_schema') IS NOT NULL", &[])?
            .get(0);
        if !exists {
            return Ok(None);
        }
        Ok(c.query_one("SELECT max(version) FROM veille_schema", &[])?
            .get(0))
    })?;
    match version {
        None => {
            return Err(StateError::Shared {
                target: conn.target.clone(),
                message:
                    "no Veille crawl state in this database (a worker creates it when it starts)"
                        .into(),
            });
        }
        Some(v) if v != SCHEMA_VERSION => {
            return Err(StateError::Shared {
                target: conn.target.clone(),
                message: format!("crawl state of schema {v}, this Veille reads {SCHEMA_VERSION}"),
            });
        }
        Some(_) => {}
    }
    conn.call("reading the crawl's state", |c| {
        let run = c.query_opt(
            "SELECT id, state, job, extract(epoch FROM coalesce(finished, now()) - started)::float8
             FROM crawl_run ORDER BY id DESC LIMIT 1",
            &[],
        )?;
        // From the per-host counts and the small in-flight index: no scan of the frontier.
        let counts = c.query_one(
            "SELECT (SELECT coalesce(sum(queued), 0)::bigint FROM hosts),
                    (SELECT count(*) FROM urls WHERE state = 1),
                    (SELECT coalesce(sum(fetched), 0)::bigint FROM hosts),
                    (SELECT count(*) FROM hosts)",
            &[],
        )?;
        let id: i64 = run.as_ref().map_or(0, |r| r.get(0));
        Ok(CrawlStatus {
            run: id,
            state: run.as_ref().map_or("none".into(), |r| r.get(1)),
            job: run.as_ref().and_then(|r| r.get(2)),
            running_secs: run.as_ref().map_or(0.0, |r| r.get(3)),
            queued: to_u64(counts.get(0)),
            in_flight: to_u64(counts.get(1)),
            done: to_u64(counts.get(2)),
            hosts: to_u64(counts.get(3)),
            workers: worker_rows(c, Some(id))?,
        })
    })
}

impl StateStore for PostgresStore {
    /// Joins the latest run if it is running (or, for a scheduled job, if it is this
    /// firing's), else starts one; all in one transaction, so that workers started together
    /// start one run. A fresh start is refused while other workers crawl.
    fn begin(&mut self, fresh: bool) -> Result<Option<u64>, StateError> {
        let me = self.worker.clone();
        let job = self.job.clone();
        let delay = self.delay_secs;
        let outcome = self.conn.call("starting or joining the run", move |c| {
            let mut tx = c.client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1, 1)", &[&LOCK_SETUP])?;
            let latest = tx.query_opt(
                "SELECT id, state, job FROM crawl_run ORDER BY id DESC LIMIT 1",
                &[],
            )?;
            let running = latest
                .as_ref()
                .filter(|r| r.get::<_, String>(1) == "running");
            let same_firing = job.is_some()
                && latest
                    .as_ref()
                    .is_some_and(|r| r.get::<_, Option<String>>(2) == job);
            let join = match (&latest, fresh) {
                _ if same_firing => latest.as_ref().map(|r| r.get::<_, i64>(0)),
                (_, false) => running.map(|r| r.get::<_, i64>(0)),
                (_, true) => None,
            };
            if let Some(run) = join {
                // What this worker had when it stopped: its hosts, locked first (hosts then
                // URLs, the order every claim takes), and its URLs in flight, queued again.
                tx.execute(
                    "SELECT 1 FROM hosts WHERE lease_worker = $1
                        OR host IN (SELECT host FROM urls WHERE state = 1 AND worker = $1)
                     ORDER BY host FOR UPDATE",
                    &[&me],
                )?;
                let hosts: Vec<String> = tx
                    .query(
                        "UPDATE urls SET state = 0, worker = NULL, seq = -nextval('url_seq')
                         WHERE state = 1 AND worker = $1 RETURNING host",
                        &[&me],
                    )?
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
                tx.execute(
                    "UPDATE hosts h SET queued = h.queued + c.n
                     FROM (SELECT host, count(*) AS n FROM unnest($1::text[]) AS host
                           GROUP BY host) c
                     WHERE h.host = c.host",
                    &[&hosts],
                )?;
                let n = hosts.len() as u64;
                // Its hosts rest the delay: the server may still be answering the request of
                // the process that died.
                tx.execute(
                    "UPDATE hosts SET lease_worker = NULL,
                       next_at = now() + make_interval(secs => $2)
                     WHERE lease_worker = $1",
                    &[&me, &delay],
                )?;
                // A worker that comes back to its run keeps what it counted before.
                let base = tx.query_one(
                    "UPDATE workers SET
                       captures = CASE WHEN run = $2 THEN captures ELSE 0 END,
                       errors = CASE WHEN run = $2 THEN errors ELSE 0 END,
                       bytes = CASE WHEN run = $2 THEN bytes ELSE 0 END,
                       run = $2, state = 'crawling', heartbeat = now()
                     WHERE name = $1 RETURNING captures, errors, bytes",
                    &[&me, &run],
                )?;
                let base = (
                    to_u64(base.get(0)),
                    to_u64(base.get(1)),
                    to_u64(base.get(2)),
                );
                tx.commit()?;
                return Ok(Ok((run, Some(n), base)));
            }
            // A new run empties the frontier: not under workers still crawling (alive: their
            // name's lock is held).
            let others: Vec<String> = tx
                .query(
                    &format!(
                        "SELECT name FROM workers WHERE name <> $1 AND state = 'crawling'
                           AND {}",
                        alive_sql("name")
                    ),
                    &[&me],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            if !others.is_empty() {
                tx.rollback()?;
                return Ok(Err(others));
            }
            tx.batch_execute(
                "TRUNCATE urls, hosts, robots, out_of_scope, query_variants, swept;
                 UPDATE crawl_run SET state = 'finished', finished = now() WHERE state = 'running'",
            )?;
            let run: i64 = tx
                .query_one(
                    "INSERT INTO crawl_run(job, state) VALUES($1, 'running') RETURNING id",
                    &[&job],
                )?
                .get(0);
            tx.execute(
                "UPDATE workers SET run = $2, state = 'crawling', heartbeat = now(),
                   captures = 0, errors = 0, bytes = 0 WHERE name = $1",
                &[&me, &run],
            )?;
            tx.commit()?;
            Ok(Ok((run, None, (0, 0, 0))))
        })?;
        match outcome {
            Ok((run, resumed, base)) => {
                self.run = run;
                self.base = base;
                Ok(resumed)
            }
            Err(others) => Err(StateError::Shared {
                target: self.conn.target.clone(),
                message: format!(
                    "workers {} are crawling: a fresh start would pull the frontier from under them; stop them first, or start without --fresh to join them",
                    others.join(", ")
                ),
            }),
        }
    }

    fn finish(&mut self) -> Result<(), StateError> {
        let run = self.run;
        let me = self.worker.clone();
        self.conn.call("finishing the run", move |c| {
            // Not while another worker still fetches (a worker stopped by the page budget
            // while others finish their pages): the last one to stop finishes the run.
            c.execute(
                "UPDATE crawl_run SET state = 'finished', finished = now()
                 WHERE id = $1 AND state = 'running'
                   AND NOT EXISTS (SELECT 1 FROM hosts WHERE lease_worker IS NOT NULL
                                     AND lease_worker <> $2 AND next_at > now())",
                &[&run, &me],
            )
            .map(drop)
        })
    }

    fn enqueue(&mut self, item: &QueuedUrl, front: bool) -> Result<bool, StateError> {
        let item = item.clone();
        self.conn.call("queueing a URL", move |c| {
            let n = c.execute(
                "WITH ins AS (
                   INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq)
                   VALUES($1, $2, $3, $4, $5, $6, 0, $7 * nextval('url_seq'))
                   ON CONFLICT(url) DO NOTHING RETURNING host)
                 INSERT INTO hosts(host, queued) SELECT host, 1 FROM ins
                 ON CONFLICT(host) DO UPDATE SET queued = hosts.queued + 1",
                &[
                    &item.url,
                    &item.host,
                    &(item.depth as i32),
                    &(item.hops as i32),
                    &(item.attempt as i32),
                    &item.robots,
                    &if front { -1i64 } else { 1i64 },
                ],
            )?;
            Ok(n == 1)
        })
    }

    fn requeue(&mut self, item: &QueuedUrl, front: bool) -> Result<(), StateError> {
        let item = item.clone();
        let me = self.worker.clone();
        self.conn.call("queueing a URL again", move |c| {
            c.execute(
                "WITH up AS (
                   INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq)
                   VALUES($1, $2, $3, $4, $5, $6, 0, $7 * nextval('url_seq'))
                   ON CONFLICT(url) DO UPDATE SET host = excluded.host, depth = excluded.depth,
                     hops = excluded.hops, attempt = excluded.attempt, robots = excluded.robots,
                     state = 0, seq = excluded.seq, worker = NULL
                   -- Not a URL in flight on another worker (a robots.txt redirect to a page
                   -- that worker is fetching): it would be fetched twice.
                   WHERE urls.state <> 1 OR urls.worker = $8
                   RETURNING host)
                 INSERT INTO hosts(host, queued) SELECT host, 1 FROM up
                 ON CONFLICT(host) DO UPDATE SET queued = hosts.queued + 1",
                &[
                    &item.url,
                    &item.host,
                    &(item.depth as i32),
                    &(item.hops as i32),
                    &(item.attempt as i32),
                    &item.robots,
                    &if front { -1i64 } else { 1i64 },
                    &me,
                ],
            )
            .map(drop)
        })
    }

    /// Claims a URL of one named host (the single-process path; workers use
    /// [`SharedFrontier::claim_next`]).
    fn claim(&mut self, host: &str) -> Result<Option<QueuedUrl>, StateError> {
        let host = host.to_string();
        let me = self.worker.clone();
        self.conn.call("claiming a URL", move |c| {
            let mut tx = c.client.transaction()?;
            let item = next_of_host(&mut tx, &host)?;
            if let Some(item) = &item {
                tx.execute(
                    "UPDATE urls SET state = 1, worker = $2 WHERE url = $1",
                    &[&item.url, &me],
                )?;
                tx.execute(
                    "UPDATE hosts SET queued = greatest(queued - 1, 0) WHERE host = $1",
                    &[&host],
                )?;
            }
            tx.commit()?;
            Ok(item)
        })
    }

    fn complete(&mut self, url: &str, fetched: bool) -> Result<(), StateError> {
        let url = url.to_string();
        let state = if fetched { DONE } else { SKIPPED };
        self.conn.call("completing a URL", move |c| {
            c.execute(
                "WITH u AS (UPDATE urls SET state = $2, worker = NULL WHERE url = $1
                            RETURNING host, robots)
                 UPDATE hosts SET fetched = fetched + 1 FROM u
                 WHERE hosts.host = u.host AND $2 = 2::smallint AND NOT u.robots",
                &[&url, &state],
            )
            .map(drop)
        })
    }

    fn is_seen(&self, url: &str) -> Result<bool, StateError> {
        let url = url.to_string();
        self.conn.call("reading the seen set", move |c| {
            Ok(
                c.query_one("SELECT EXISTS(SELECT 1 FROM urls WHERE url = $1)", &[&url])?
                    .get(0),
            )
        })
    }

    fn unseen(&self, urls: &[&str]) -> Result<Vec<bool>, StateError> {
        if urls.is_empty() {
            return Ok(Vec::new());
        }
        let urls: Vec<String> = urls.iter().map(|u| u.to_string()).collect();
        self.conn.call("reading the seen set", move |c| {
            let seen: std::collections::HashSet<String> = c
                .query(
                    "SELECT u FROM unnest($1::text[]) AS u
                     WHERE EXISTS (SELECT 1 FROM urls WHERE urls.url = u)",
                    &[&urls],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            Ok(urls.iter().map(|u| !seen.contains(u)).collect())
        })
    }

    fn recall(&self, url: &str) -> Result<(Option<CaptureInfo>, bool), StateError> {
        let url = url.to_string();
        self.conn.call("reading the capture history", move |c| {
            let r = c.query_one(
                "SELECT k.url, k.date, k.status, k.digest, k.etag, k.last_modified, k.record_id,
                        k.warc, k.record_offset,
                        EXISTS(SELECT 1 FROM swept WHERE swept.url = $1)
                 FROM (SELECT 1) AS one
                 LEFT JOIN LATERAL (SELECT * FROM captures WHERE captures.url = $1
                                    ORDER BY date DESC, id DESC LIMIT 1) k ON true",
                &[&url],
            )?;
            let capture = r
                .get::<_, Option<String>>(0)
                .is_some()
                .then(|| capture_row(&r));
            Ok((capture, r.get(9)))
        })
    }

    fn complete_fetched(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
    ) -> Result<(), StateError> {
        self.finish_url(url, capture, None).map(drop)
    }

    fn sweep_known(&mut self) -> Result<Vec<String>, StateError> {
        self.conn.call("listing pages no longer linked", |c| {
            let mut urls: Vec<String> = c
                .query(
                    "WITH new AS (
                       INSERT INTO swept(url)
                       SELECT DISTINCT k.url FROM captures k
                       WHERE NOT EXISTS (SELECT 1 FROM urls u WHERE u.url = k.url)
                         AND NOT EXISTS (SELECT 1 FROM out_of_scope o WHERE o.url = k.url)
                       ON CONFLICT(url) DO NOTHING RETURNING url)
                     SELECT url FROM new
                     UNION
                     -- What a sweeper that died had marked and not queued yet.
                     SELECT s.url FROM swept s
                     WHERE NOT EXISTS (SELECT 1 FROM urls u WHERE u.url = s.url)
                       AND NOT EXISTS (SELECT 1 FROM out_of_scope o WHERE o.url = s.url)",
                    &[],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            urls.sort();
            Ok(urls)
        })
    }

    fn mark_swept(&mut self, url: &str) -> Result<(), StateError> {
        let url = url.to_string();
        self.conn.call("recording a swept URL", move |c| {
            c.execute(
                "INSERT INTO swept(url) VALUES($1) ON CONFLICT(url) DO NOTHING",
                &[&url],
            )
            .map(drop)
        })
    }

    fn host_counts(&self) -> Result<Vec<(String, u64, u64)>, StateError> {
        self.conn.call("reading host counts", |c| {
            Ok(c.query("SELECT host, queued, fetched FROM hosts", &[])?
                .iter()
                .map(|r| (r.get(0), to_u64(r.get(1)), to_u64(r.get(2))))
                .collect())
        })
    }

    fn save_robots(&mut self, robots: &HostRobots) -> Result<(), StateError> {
        let r = robots.clone();
        self.conn.call("saving robots.txt", move |c| {
            c.execute(
                "INSERT INTO robots(host, status, body, error) VALUES($1, $2, $3, $4)
                 ON CONFLICT(host) DO UPDATE SET status = excluded.status,
                   body = excluded.body, error = excluded.error",
                &[&r.host, &r.status.map(i32::from), &r.body, &r.error],
            )
            .map(drop)
        })
    }

    fn robots(&self) -> Result<Vec<HostRobots>, StateError> {
        self.conn.call("reading robots.txt outcomes", |c| {
            Ok(
                c.query("SELECT host, status, body, error FROM robots", &[])?
                    .iter()
                    .map(robots_row)
                    .collect(),
            )
        })
    }

    fn mark_out_of_scope(&mut self, url: &str, reason: &str) -> Result<bool, StateError> {
        let (url, reason) = (url.to_string(), reason.to_string());
        self.conn.call("recording an out-of-scope URL", move |c| {
            Ok(c.execute(
                "INSERT INTO out_of_scope(url, reason) VALUES($1, $2) ON CONFLICT(url) DO NOTHING",
                &[&url, &reason],
            )? == 1)
        })
    }

    fn count_query_variant(&mut self, key: &str) -> Result<u32, StateError> {
        let key = key.to_string();
        self.conn.call("counting query variants", move |c| {
            let n: i32 = c
                .query_one(
                    "INSERT INTO query_variants(key, n) VALUES($1, 1)
                     ON CONFLICT(key) DO UPDATE SET n = query_variants.n + 1 RETURNING n",
                    &[&key],
                )?
                .get(0);
            Ok(u32::try_from(n).unwrap_or(0))
        })
    }

    fn commit(&mut self) -> Result<(), StateError> {
        // Every statement commits on its own.
        Ok(())
    }

    fn shared(&mut self) -> Option<&mut dyn SharedFrontier> {
        Some(self)
    }
}

fn robots_row(r: &postgres::Row) -> HostRobots {
    HostRobots {
        host: r.get(0),
        status: r
            .get::<_, Option<i32>>(1)
            .and_then(|s| u16::try_from(s).ok()),
        body: r.get(2),
        error: r.get(3),
    }
}

/// The next queued URL of a host (front entries first, newest first; then oldest first).
fn next_of_host(
    tx: &mut postgres::Transaction<'_>,
    host: &str,
) -> Result<Option<QueuedUrl>, postgres::Error> {
    Ok(tx
        .query_opt(NEXT_URL_SQL, &[&host])?
        .as_ref()
        .map(claimed_row))
}

impl PostgresStore {
    /// Marks a claimed URL done, records its capture (a reference for later revisits) and,
    /// given a host and a wait, ends this worker's lease of the host: one statement. Returns
    /// whether the lease was still this worker's.
    fn finish_url(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
        release: Option<(&str, Duration)>,
    ) -> Result<bool, StateError> {
        let url = url.to_string();
        let has = capture.is_some();
        let k = capture.cloned().unwrap_or_default();
        let (host, wait) =
            release.map_or((None, 0.0), |(h, w)| (Some(h.to_string()), w.as_secs_f64()));
        let me = self.worker.clone();
        self.conn.call("completing a URL", move |c| {
            Ok(c.query(
                "WITH k AS (
                   INSERT INTO captures(url, date, status, digest, etag, last_modified,
                     record_id, warc, record_offset)
                   SELECT $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE $11),
                 u AS (UPDATE urls SET state = 2, worker = NULL WHERE url = $1
                       RETURNING host, robots)
                 UPDATE hosts SET fetched = fetched + CASE WHEN u.robots THEN 0 ELSE 1 END,
                   lease_worker = CASE WHEN $12::text IS NULL THEN lease_worker ELSE NULL END,
                   next_at = CASE WHEN $12::text IS NULL THEN next_at
                                  ELSE now() + make_interval(secs => $13) END
                 FROM u
                 WHERE hosts.host = u.host
                   AND ($12::text IS NULL OR (hosts.host = $12 AND lease_worker = $14))
                 RETURNING 1",
                &[
                    &url,
                    &k.url,
                    &k.date,
                    &i32::from(k.status),
                    &k.digest,
                    &k.etag,
                    &k.last_modified,
                    &k.record_id,
                    &k.warc,
                    &to_i64(k.offset),
                    &has,
                    &host,
                    &wait,
                    &me,
                ],
            )?
            .len()
                == 1)
        })
    }
}

/// Takes back the hosts of other workers' expired leases (a worker dead or cut off): the
/// URLs in flight on such a host can only be the dead lease's (one request at a time per
/// host), so they are queued again, first. Its plan is checked in the tests.
pub const RECOVER_SQL: &str = "WITH e AS (
       SELECT host FROM hosts
       WHERE next_at <= now() AND lease_worker IS NOT NULL AND lease_worker <> $1
       ORDER BY next_at LIMIT 100 FOR UPDATE SKIP LOCKED),
     r AS (
       UPDATE urls SET state = 0, worker = NULL, seq = -nextval('url_seq')
       FROM e WHERE urls.host = e.host AND urls.state = 1
       RETURNING urls.host),
     n AS (SELECT host, count(*) AS n FROM r GROUP BY host)
     UPDATE hosts SET lease_worker = NULL, queued = hosts.queued + coalesce(n.n, 0)
     FROM e LEFT JOIN n ON n.host = e.host
     WHERE hosts.host = e.host
     RETURNING hosts.host, coalesce(n.n, 0)";

/// Says that this worker's lease of a host expired before its fetch ended.
fn lease_lost(host: &str) {
    tracing::warn!(
        host,
        "the lease of this host had expired before its fetch ended: raise fetch.host_lease"
    );
}

/// Runs [`RECOVER_SQL`]; returns the URLs queued again.
fn recover(c: &mut Session, me: &str) -> Result<u64, postgres::Error> {
    let mut total = 0;
    for r in c.query(RECOVER_SQL, &[&me])? {
        let (host, n): (String, i64) = (r.get(0), r.get(1));
        tracing::warn!(
            host,
            "a lease expired (its worker died or was cut off): the host is free again, {n} URLs it had in flight queued again"
        );
        total += to_u64(n);
    }
    Ok(total)
}

/// A capture row (url, date, status, digest, etag, last_modified, record_id, warc,
/// record_offset).
fn capture_row(r: &postgres::Row) -> CaptureInfo {
    CaptureInfo {
        url: r.get(0),
        date: r.get(1),
        status: u16::try_from(r.get::<_, i32>(2)).unwrap_or(0),
        digest: r.get(3),
        etag: r.get(4),
        last_modified: r.get(5),
        record_id: r.get(6),
        warc: r.get(7),
        offset: to_u64(r.get(8)),
    }
}

/// The URL of a claim row (url, host, depth, hops, attempt, robots).
fn claimed_row(r: &postgres::Row) -> QueuedUrl {
    QueuedUrl {
        url: r.get(0),
        host: r.get(1),
        depth: u32::try_from(r.get::<_, i32>(2)).unwrap_or(0),
        hops: u32::try_from(r.get::<_, i32>(3)).unwrap_or(0),
        attempt: u32::try_from(r.get::<_, i32>(4)).unwrap_or(0),
        robots: r.get(5),
    }
}

/// The statement that picks a host's next URL (its plan is checked in the tests).
pub const NEXT_URL_SQL: &str = "SELECT url, host, depth, hops, attempt, robots FROM urls
     WHERE host = $1 AND state = 0 ORDER BY seq LIMIT 1";

/// The common claim in one statement (one round trip): the first rested host with queued
/// URLs and no lease is locked, leased, and its next URL marked in flight. When it finds
/// nothing, [`PostgresStore::claim_next`] looks closer (expired leases, counts to repair,
/// nothing to do).
pub const FAST_CLAIM_SQL: &str = "WITH h AS (
       SELECT host FROM hosts
       WHERE next_at <= now() AND queued > 0 AND lease_worker IS NULL
       ORDER BY next_at LIMIT 1 FOR UPDATE SKIP LOCKED),
     u AS (
       SELECT n.url FROM h CROSS JOIN LATERAL (
         SELECT url FROM urls WHERE urls.host = h.host AND urls.state = 0
         ORDER BY urls.seq LIMIT 1) n),
     claimed AS (
       UPDATE urls SET state = 1, worker = $1
       FROM u WHERE urls.url = u.url
       RETURNING urls.url, urls.host, urls.depth, urls.hops, urls.attempt, urls.robots),
     leased AS (
       UPDATE hosts SET lease_worker = $1, next_at = now() + make_interval(secs => $2),
         queued = greatest(queued - 1, 0)
       FROM claimed WHERE hosts.host = claimed.host
       RETURNING hosts.fetched)
     SELECT claimed.url, claimed.host, claimed.depth, claimed.hops, claimed.attempt,
            claimed.robots, leased.fetched
     FROM claimed, leased";

impl SharedFrontier for PostgresStore {
    fn stop_worker(&mut self) -> Result<Vec<WorkerStatus>, StateError> {
        let name = self.worker.clone();
        let run = self.run;
        self.conn.call("stopping the worker", move |c| {
            c.execute(
                "UPDATE workers SET state = 'stopped', heartbeat = now() WHERE name = $1",
                &[&name],
            )?;
            worker_rows(c, Some(run))
        })
    }

    fn claim_next(&mut self) -> Result<SharedClaim, StateError> {
        let me = self.worker.clone();
        let lease = self.lease_secs;
        // Other workers' expired leases are looked for every second, whatever the claims
        // find: a dead worker's hosts come back while the crawl is busy elsewhere too.
        let recover_now = self
            .last_recovery
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(1));
        if recover_now {
            self.last_recovery = Some(Instant::now());
        }
        self.conn.call("claiming a URL", move |c| {
            let mut recovered = if recover_now { recover(c, &me)? } else { 0 };
            for _ in 0..16 {
                if let Some(r) = c.query_opt(FAST_CLAIM_SQL, &[&me, &lease])? {
                    return Ok(SharedClaim::Ready {
                        item: claimed_row(&r),
                        fetched: to_u64(r.get(6)),
                        recovered,
                    });
                }
                // Nothing claimed: most often every host is leased or resting, which one
                // prepared question tells.
                let r = c.query_one(
                    "SELECT EXISTS(SELECT 1 FROM hosts WHERE next_at <= now()
                                     AND lease_worker IS NOT NULL AND lease_worker <> $1),
                            EXISTS(SELECT 1 FROM hosts WHERE next_at <= now()
                                     AND queued > 0 AND lease_worker IS NULL),
                            EXISTS(SELECT 1 FROM hosts WHERE queued > 0 OR lease_worker IS NOT NULL)",
                    &[&me],
                )?;
                let (expired, ready, busy): (bool, bool, bool) = (r.get(0), r.get(1), r.get(2));
                if expired {
                    recovered += recover(c, &me)?;
                    continue;
                }
                if ready {
                    // A ready host the fast claim did not take: another worker is claiming it
                    // (try again), or its count says URLs that are not there (set it right).
                    c.execute(
                        "UPDATE hosts SET queued = 0
                         WHERE host IN (SELECT host FROM hosts
                                        WHERE next_at <= now() AND queued > 0
                                          AND lease_worker IS NULL
                                        ORDER BY next_at LIMIT 16 FOR UPDATE SKIP LOCKED)
                           AND NOT EXISTS (SELECT 1 FROM urls
                                           WHERE urls.host = hosts.host AND urls.state = 0)",
                        &[],
                    )?;
                    continue;
                }
                if busy {
                    return Ok(SharedClaim::Wait);
                }
                // Nothing queued or in flight anywhere, as the counts say: recount, since a
                // count that drifted below its queue would strand URLs.
                let repaired = c.execute(
                    "UPDATE hosts h SET queued = greatest(h.queued, c.n)
                     FROM (SELECT host, count(*) AS n FROM urls WHERE state = 0
                           GROUP BY host) c
                     WHERE h.host = c.host AND h.queued < c.n",
                    &[],
                )?;
                return Ok(if repaired > 0 {
                    SharedClaim::Wait
                } else {
                    SharedClaim::Idle
                });
            }
            Ok(SharedClaim::Wait)
        })
    }

    fn renew_leases(&mut self, hosts: &[String]) -> Result<(), StateError> {
        if hosts.is_empty() {
            return Ok(());
        }
        let (me, lease, hosts) = (self.worker.clone(), self.lease_secs, hosts.to_vec());
        self.conn.call("renewing host leases", move |c| {
            c.execute(
                "UPDATE hosts SET next_at = now() + make_interval(secs => $2)
                 WHERE lease_worker = $1 AND host = ANY($3)",
                &[&me, &lease, &hosts],
            )
            .map(drop)
        })
    }

    fn complete_and_release(
        &mut self,
        url: &str,
        capture: Option<&CaptureInfo>,
        host: &str,
        wait: Duration,
    ) -> Result<(), StateError> {
        // A lost lease (expired under a blocked worker): the URL is marked done and its
        // capture recorded all the same; the host is left to whoever holds it now.
        if !self.finish_url(url, capture, Some((host, wait)))? {
            lease_lost(host);
        }
        Ok(())
    }

    fn release_host(&mut self, host: &str, wait: Duration) -> Result<(), StateError> {
        let host = host.to_string();
        let me = self.worker.clone();
        let wait = wait.as_secs_f64();
        let released = self.conn.call("releasing a host", {
            let host = host.clone();
            move |c| {
                c.execute(
                    "UPDATE hosts SET lease_worker = NULL,
                       next_at = now() + make_interval(secs => $3)
                     WHERE host = $1 AND lease_worker = $2",
                    &[&host, &me, &wait],
                )
            }
        })?;
        if released == 0 {
            lease_lost(&host);
        }
        Ok(())
    }

    fn add_host(&mut self, host: &str, robots: &QueuedUrl) -> Result<bool, StateError> {
        let host = host.to_string();
        let r = robots.clone();
        self.conn.call("recording a host", move |c| {
            Ok(c.query(
                "WITH h AS (
                   INSERT INTO hosts(host, queued) VALUES($1, 1)
                   ON CONFLICT(host) DO NOTHING RETURNING host),
                 r AS (
                   INSERT INTO urls(url, host, depth, hops, attempt, robots, state, seq)
                   SELECT $2, h.host, 0, 0, 0, true, 0, -nextval('url_seq') FROM h
                   ON CONFLICT(url) DO NOTHING)
                 SELECT host FROM h",
                &[&host, &r.url],
            )?
            .len()
                == 1)
        })
    }

    fn robots_of(&mut self, host: &str) -> Result<Option<HostRobots>, StateError> {
        let host = host.to_string();
        self.conn.call("reading robots.txt", move |c| {
            Ok(c.query_opt(
                "SELECT host, status, body, error FROM robots WHERE host = $1",
                &[&host],
            )?
            .as_ref()
            .map(robots_row))
        })
    }

    fn take_page(&mut self, budget: u64) -> Result<bool, StateError> {
        if self.reserved_pages > 0 {
            self.reserved_pages -= 1;
            return Ok(true);
        }
        // Pages are taken from the crawl's budget a few at a time (one round trip for
        // several pages); a worker that stops leaves at most that many unused.
        let run = self.run;
        let budget = to_i64(budget);
        let got: i64 = self.conn.call("counting pages", move |c| {
            Ok(c.query_opt(
                "WITH old AS (SELECT pages_started FROM crawl_run WHERE id = $1 FOR UPDATE)
                 UPDATE crawl_run SET pages_started = least(old.pages_started + $3, $2)
                 FROM old WHERE crawl_run.id = $1 AND old.pages_started < $2
                 RETURNING crawl_run.pages_started - old.pages_started",
                &[&run, &budget, &PAGES_RESERVED],
            )?
            .map_or(0, |r| r.get(0)))
        })?;
        if got <= 0 {
            return Ok(false);
        }
        self.reserved_pages = to_u64(got) - 1;
        Ok(true)
    }

    fn take_sweep(&mut self) -> Result<SweepTurn, StateError> {
        let run = self.run;
        let me = self.worker.clone();
        let sql = format!(
            "UPDATE crawl_run SET sweep_by = $2
             WHERE id = $1 AND NOT swept
               AND (sweep_by IS NULL OR sweep_by = $2 OR NOT {})",
            alive_sql("sweep_by")
        );
        self.conn.call("taking the end-of-crawl check", move |c| {
            // The check is taken over from a worker that died doing it (its name's lock gone).
            if c.client.execute(&sql, &[&run, &me])? == 1 {
                return Ok(SweepTurn::Mine);
            }
            let swept: bool = c
                .query_one("SELECT swept FROM crawl_run WHERE id = $1", &[&run])?
                .get(0);
            Ok(if swept {
                SweepTurn::Done
            } else {
                SweepTurn::Running
            })
        })
    }

    fn sweep_done(&mut self) -> Result<(), StateError> {
        let run = self.run;
        self.conn.call("ending the end-of-crawl check", move |c| {
            c.execute("UPDATE crawl_run SET swept = true WHERE id = $1", &[&run])
                .map(drop)
        })
    }

    fn mark_troubled(&mut self, host: &str) -> Result<(), StateError> {
        let host = host.to_string();
        self.conn.call("marking a host troubled", move |c| {
            c.execute("UPDATE hosts SET troubled = true WHERE host = $1", &[&host])
                .map(drop)
        })
    }

    fn is_troubled(&mut self, host: &str) -> Result<bool, StateError> {
        let host = host.to_string();
        self.conn.call("reading a host", move |c| {
            Ok(
                c.query_opt("SELECT troubled FROM hosts WHERE host = $1", &[&host])?
                    .is_some_and(|r| r.get::<_, bool>(0)),
            )
        })
    }

    fn report_progress(
        &mut self,
        captures: u64,
        errors: u64,
        bytes: u64,
    ) -> Result<CrawlTotals, StateError> {
        // The hosts table takes several updates a page and stays small: vacuumed every few
        // seconds, its index of ready hosts does not fill with dead entries that every claim
        // would step over (autovacuum looks once a minute at most).
        let vacuum = self
            .last_vacuum
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(5));
        if vacuum {
            self.last_vacuum = Some(Instant::now());
        }
        let me = self.worker.clone();
        let run = self.run;
        let (captures, errors, bytes) = (
            captures + self.base.0,
            errors + self.base.1,
            bytes + self.base.2,
        );
        self.conn.call("publishing progress", move |c| {
            if vacuum {
                // Skipped when another worker is vacuuming it; a refusal is not an error here.
                let _ = c.batch_execute("VACUUM (SKIP_LOCKED) hosts");
            }
            c.execute(
                "UPDATE workers SET heartbeat = now(), captures = $2, errors = $3, bytes = $4
                 WHERE name = $1",
                &[&me, &to_i64(captures), &to_i64(errors), &to_i64(bytes)],
            )?;
            let r = c.query_one(
                "SELECT (SELECT coalesce(sum(queued), 0)::bigint FROM hosts),
                        (SELECT count(*) FROM hosts WHERE lease_worker IS NOT NULL),
                        (SELECT coalesce(sum(captures), 0)::bigint FROM workers WHERE run = $1),
                        (SELECT count(*) FROM workers WHERE run = $1)",
                &[&run],
            )?;
            Ok(CrawlTotals {
                queued: to_u64(r.get(0)),
                in_flight: to_u64(r.get(1)),
                captures: to_u64(r.get(2)),
                workers: to_u64(r.get(3)),
            })
        })
    }
}
