//! Building the index from WARC files: one document per distinct content of a URL (URL +
//! payload digest); a revisit or an identical capture adds its date to that document. Only
//! WARC files not indexed before are read (their list is stored in the commit, so it is
//! atomic with the documents), and each file is committed on its own: an interrupted run
//! leaves the last commit usable, and a rerun completes it. Within a file, the commits that
//! bound memory record how far the file was indexed (the offset of the last record whose
//! document they hold), so a rerun goes on from there instead of reading the file again.
//! A document is written whole each time (read back from the store when a capture is added
//! to it), its word pairs indexed again from its stored text ([`add_pairs`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::query::TermQuery;
use tantivy::schema::{Facet, IndexRecordOption, OwnedValue, Value};
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use crate::extract::{Extracted, Extractor, Input};
use crate::life::{Life, Observed, Summary};
use crate::schema::{self, Fields};
use crate::source::{Capture, CaptureBody, Captures, seed_of};

/// Errors that stop indexing.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The index could not be opened, read or written.
    #[error("index {path}: {source}")]
    Tantivy {
        /// The index directory.
        path: PathBuf,
        /// What Tantivy said.
        source: tantivy::TantivyError,
    },
    /// Another `indexer index` is writing this index.
    #[error(
        "index {path} is being written by another `indexer index`: wait for it to finish, or stop it, and run again"
    )]
    Busy {
        /// The index directory.
        path: PathBuf,
    },
    /// The index was built by an earlier version of Veille, with other fields.
    #[error(
        "index {path} was built by an earlier version of Veille (its fields differ): delete it and run `indexer index` again"
    )]
    OldSchema {
        /// The index directory.
        path: PathBuf,
    },
    /// A WARC file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// What a run did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct IndexSummary {
    /// WARC files read in this run.
    pub files_indexed: Vec<String>,
    /// WARC files skipped because an earlier run indexed them.
    pub files_already_indexed: usize,
    /// Records read (captures of any kind).
    pub records_read: u64,
    /// Documents added.
    pub documents_added: u64,
    /// Captures merged into an existing document (revisits, identical captures).
    pub captures_merged: u64,
    /// Records not indexed, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Unreadable records (file and offset were logged).
    pub bad_records: u64,
    /// Documents in the index after the run.
    pub documents_total: u64,
    /// Where an interrupted run was taken up: the WARC file and the offset read from.
    pub resumed: Option<(String, u64)>,
    /// The run stopped early ([`IndexOptions::stop_after_commits`]).
    pub interrupted: bool,
    /// Revisits whose original is no document of the index, in the file being read, and the
    /// first of them (URL, file, offset): warned once per file.
    #[serde(skip)]
    orphans: (u64, Option<String>),
}

/// What the commit payload records.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    /// Indexed WARC files: file name → size.
    files: BTreeMap<String, u64>,
    /// The WARC file being indexed when this commit was made (inside it), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partial: Option<Partial>,
}

/// How far a WARC file was indexed by a commit made inside it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Partial {
    /// File name.
    file: String,
    /// Its size then (a file of another size is read from the start).
    size: u64,
    /// Offset of the last record whose capture the commit holds: reading again from it
    /// repeats at most that one (capture dates are a set, so that is harmless).
    offset: u64,
}

/// Opens the index in `dir`, creating it if needed, with the French analyzer registered.
pub fn open_or_create(dir: &Path) -> Result<Index, IndexError> {
    let err = |source| IndexError::Tantivy {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let directory = tantivy::directory::MmapDirectory::open(dir).map_err(|e| err(e.into()))?;
    let index = match Index::open_or_create(directory, schema::build().0) {
        Ok(index) => index,
        // An index made before the word pairs were added works without them (phrase queries
        // then read positions); any other difference needs a new index.
        Err(tantivy::TantivyError::SchemaError(_)) => Index::open_in_dir(dir)
            .ok()
            .filter(|i| i.schema() == schema::build_with(false).0)
            .ok_or_else(|| IndexError::OldSchema {
                path: dir.to_path_buf(),
            })?,
        Err(source) => return Err(err(source)),
    };
    crate::analysis::register(&index);
    Ok(index)
}

/// Opens an existing index for reading.
pub fn open(dir: &Path) -> Result<Index, IndexError> {
    let index = Index::open_in_dir(dir).map_err(|source| IndexError::Tantivy {
        path: dir.to_path_buf(),
        source,
    })?;
    crate::analysis::register(&index);
    Ok(index)
}

/// The WARC files in the given files and directories (recursively), sorted; `.open` files
/// (still being written) are left out.
pub fn warc_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, IndexError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut stack = vec![input.clone()];
            while let Some(dir) = stack.pop() {
                let entries = std::fs::read_dir(&dir).map_err(|source| IndexError::Read {
                    path: dir.clone(),
                    source,
                })?;
                for e in entries.flatten() {
                    let p = e.path();
                    let name = p.to_string_lossy();
                    if p.is_dir() {
                        stack.push(p);
                    } else if name.ends_with(".warc.gz") || name.ends_with(".warc") {
                        out.push(p);
                    }
                }
            }
        } else if input.exists() {
            out.push(input.clone());
        } else {
            return Err(IndexError::Read {
                path: input.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file or directory",
                ),
            });
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// The `WARC-Date` of a file's first record, as Unix seconds in a sortable string (empty
/// when unreadable: such files come first, and report their errors first).
fn first_date(path: &Path) -> String {
    warc::WarcReader::open(path)
        .ok()
        .and_then(|mut r| r.next())
        .and_then(|r| r.ok())
        .and_then(|r| r.record.date().and_then(warc_seconds))
        .map(|s| format!("{s:020}"))
        .unwrap_or_default()
}

fn file_id(path: &Path) -> (String, u64) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    (name, size)
}

/// How an indexing run behaves.
#[derive(Debug, Clone, Copy)]
pub struct IndexOptions {
    /// Show a progress bar.
    pub progress: bool,
    /// Write out and commit pending documents past this many (bounds memory).
    pub flush_docs: usize,
    /// Captures extracted together (on all cores).
    pub batch: usize,
    /// Stop after this many commits inside a file, as an interrupted run would (to check
    /// that a rerun takes up from there); `None` in normal use.
    pub stop_after_commits: Option<usize>,
}

impl Default for IndexOptions {
    fn default() -> Self {
        Self {
            progress: false,
            flush_docs: FLUSH_DOCS,
            batch: BATCH,
            stop_after_commits: None,
        }
    }
}

/// Indexes the WARC files not indexed before; see the module documentation.
pub fn index_warcs(
    dir: &Path,
    inputs: &[PathBuf],
    extractor: &Extractor,
    options: IndexOptions,
) -> Result<IndexSummary, IndexError> {
    let show_progress = options.progress;
    let terr = |source| IndexError::Tantivy {
        path: dir.to_path_buf(),
        source,
    };
    let index = open_or_create(dir)?;
    let fields = Fields::of(&index.schema()).map_err(terr)?;
    let mut payload: Payload = index
        .load_metas()
        .map_err(terr)?
        .payload
        .and_then(|p| serde_json::from_str(&p).ok())
        .unwrap_or_default();
    let files = warc_files(inputs)?;
    let mut summary = IndexSummary::default();
    let todo: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| {
            let (name, size) = file_id(f);
            let done = payload.files.get(&name) == Some(&size);
            summary.files_already_indexed += usize::from(done);
            !done
        })
        .collect();
    // In time order (their first record's date), whatever their names: a page's life reads
    // best from its captures in order (a 404 indexed before any capture of the page that
    // answered cannot be kept).
    let mut todo: Vec<(String, PathBuf)> = todo.into_iter().map(|f| (first_date(&f), f)).collect();
    todo.sort();
    let todo: Vec<PathBuf> = todo.into_iter().map(|(_, f)| f).collect();
    let total: u64 = todo.iter().map(|f| file_id(f).1).sum();
    let bar = if show_progress {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut writer: IndexWriter = index.writer(128_000_000).map_err(|e| match e {
        tantivy::TantivyError::LockFailure(..) => IndexError::Busy {
            path: dir.to_path_buf(),
        },
        e => terr(e),
    })?;
    let reader = index.reader().map_err(terr)?;
    let mut commits = 0usize;
    for file in &todo {
        let (name, size) = file_id(file);
        // Go on from where an interrupted run committed, inside this file.
        let from = payload
            .partial
            .as_ref()
            .filter(|p| p.file == name && p.size == size)
            .map_or(0, |p| p.offset);
        if from > 0 {
            tracing::info!("{name}: taken up at offset {from}, where the last run committed");
            summary.resumed = Some((name.clone(), from));
            bar.inc(from);
        }
        bar.set_message(
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        reader.reload().map_err(terr)?;
        let mut searcher = reader.searcher();
        let mut pending: HashMap<String, (TantivyDocument, BTreeSet<i64>)> = HashMap::new();
        let mut batch: Vec<(Capture, Option<String>)> = Vec::new();
        let mut stream_err: Option<tantivy::TantivyError> = None;
        let mut progress = Payload {
            files: payload.files.clone(),
            partial: Some(Partial {
                file: name.clone(),
                size,
                offset: from,
            }),
        };
        // A reader thread decompresses and parses the WARC file while this one extracts and
        // indexes what it has read.
        let (sender, received) = std::sync::mpsc::sync_channel(QUEUE);
        let read = std::thread::scope(|scope| {
            let reading = scope.spawn(move || {
                let mut captures = Captures::default();
                let mut records = 0u64;
                let result = captures.stream_file_from(file, from, |capture, seeds| {
                    records += 1;
                    let seed = seed_of(seeds, &capture.url).map(str::to_string);
                    // A closed channel means indexing failed (the error is reported there):
                    // stop reading.
                    match sender.send((capture, seed)) {
                        Ok(()) => ControlFlow::Continue(()),
                        Err(_) => ControlFlow::Break(()),
                    }
                });
                result.map(|()| (records, captures.errors.len() as u64))
            });
            for item in received {
                batch.push(item);
                if batch.len() < options.batch.max(1) {
                    continue;
                }
                let b = std::mem::take(&mut batch);
                let last = b.last().map(|(c, _)| c.offset);
                let step = add_batch(b, extractor, &fields, &searcher, &mut pending, &mut summary)
                    .and_then(|()| {
                        // Bound memory: write out and commit what is pending. The commit's payload
                        // does not list this file as done, but how far it went: a rerun goes on
                        // from the last record indexed (read again: merging capture dates, a
                        // set, makes that harmless).
                        if pending.len() >= options.flush_docs.max(1) {
                            flush(&mut writer, &fields, &mut pending)?;
                            if let (Some(p), Some(offset)) = (progress.partial.as_mut(), last) {
                                p.offset = offset;
                            }
                            let mut commit = writer.prepare_commit()?;
                            commit
                                .set_payload(&serde_json::to_string(&progress).unwrap_or_default());
                            commit.commit()?;
                            reader.reload()?;
                            searcher = reader.searcher();
                            commits += 1;
                        }
                        Ok(())
                    });
                if let Err(e) = step {
                    stream_err.get_or_insert(e);
                    break;
                }
                if options.stop_after_commits.is_some_and(|n| commits >= n) {
                    summary.interrupted = true;
                    break;
                }
            }
            reading.join()
        });
        if let Some(e) = stream_err {
            return Err(terr(e));
        }
        if summary.interrupted {
            reader.reload().map_err(terr)?;
            summary.documents_total = reader.searcher().num_docs();
            return Ok(summary);
        }
        let (records, bad) = match read {
            Ok(Ok(counts)) => counts,
            Ok(Err(source)) => {
                return Err(IndexError::Read {
                    path: file.clone(),
                    source,
                });
            }
            Err(_) => {
                return Err(IndexError::Read {
                    path: file.clone(),
                    source: std::io::Error::other("the WARC reader thread stopped unexpectedly"),
                });
            }
        };
        summary.records_read += records;
        add_batch(
            std::mem::take(&mut batch),
            extractor,
            &fields,
            &searcher,
            &mut pending,
            &mut summary,
        )
        .map_err(terr)?;
        summary.bad_records += bad;
        if let (n @ 1.., Some(first)) = std::mem::take(&mut summary.orphans) {
            tracing::warn!(
                "{n} revisits of captures that are no document of the index skipped (an image, \
                 a style sheet, a sitemap… or a capture whose WARC file was not given); the \
                 first: {first}"
            );
        }
        flush(&mut writer, &fields, &mut pending).map_err(terr)?;
        payload.files.insert(name.clone(), size);
        payload.partial = None;
        let mut commit = writer.prepare_commit().map_err(terr)?;
        commit.set_payload(&serde_json::to_string(&payload).unwrap_or_default());
        commit.commit().map_err(terr)?;
        summary.files_indexed.push(name);
        bar.inc(size.saturating_sub(from));
    }
    bar.finish_and_clear();
    writer.wait_merging_threads().map_err(terr)?;
    reader.reload().map_err(terr)?;
    summary.documents_total = reader.searcher().num_docs();
    Ok(summary)
}

fn skip(summary: &mut IndexSummary, reason: impl Into<String>) {
    *summary.skipped.entry(reason.into()).or_default() += 1;
}

fn warc_seconds(date: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(date.trim())
        .ok()
        .map(|d| d.timestamp())
        .or_else(|| {
            let digits: String = date.chars().filter(char::is_ascii_digit).take(14).collect();
            chrono::NaiveDateTime::parse_from_str(&digits, "%Y%m%d%H%M%S")
                .ok()
                .map(|d| d.and_utc().timestamp())
        })
}

/// Captures handled together: extraction of their new documents runs on all cores.
const BATCH: usize = 128;

/// Captures read ahead of indexing (whole payloads: a bound on memory).
const QUEUE: usize = 64;

/// Pending documents written out (and committed) past this many, to bound memory.
const FLUSH_DOCS: usize = 5_000;

/// Indexes a document's main text as word pairs too. They are indexed, not stored: every
/// document is given them here, as it is written, from its stored text — a new one, or one
/// read back from the store (a capture date or its URL's life added).
fn add_pairs(doc: &mut TantivyDocument, fields: &Fields) {
    let Some(pairs) = fields.text_pairs else {
        return;
    };
    let text = doc
        .get_first(fields.text)
        .and_then(|v| v.as_str())
        .map(str::to_string);
    if let Some(text) = text {
        doc.add_text(pairs, text);
    }
}

/// Writes pending documents (replacing earlier versions of the same key).
fn flush(
    writer: &mut IndexWriter,
    fields: &Fields,
    pending: &mut HashMap<String, (TantivyDocument, BTreeSet<i64>)>,
) -> tantivy::Result<()> {
    for (key, (mut doc, dates)) in pending.drain() {
        writer.delete_term(Term::from_field_text(fields.key, &key));
        set_dates(&mut doc, fields, &dates);
        add_pairs(&mut doc, fields);
        writer.add_document(doc)?;
    }
    Ok(())
}

/// What to do with one capture.
enum Action {
    /// Add a capture date to the document `key`.
    Merge(String, i64),
    /// Extract a new document.
    Extract(String, i64, String, Box<Capture>, Option<String>),
}

/// What the captures of a batch say of their URLs' lives, applied to the URLs' documents at
/// the end of the batch (lives merge in any order: batches and files may come in any order).
#[derive(Default)]
struct Observations {
    /// Capture outcomes per URL.
    by_url: HashMap<String, Life>,
    /// Captures of unlinked pages (URL, Unix seconds), from `metadata` records.
    unlinked: Vec<(String, i64)>,
}

/// Adds a batch of captures: dates merged into existing documents, new documents extracted
/// (in parallel) and added, every capture's outcome applied to its URL's documents.
fn add_batch(
    batch: Vec<(Capture, Option<String>)>,
    extractor: &Extractor,
    fields: &Fields,
    searcher: &tantivy::Searcher,
    pending: &mut HashMap<String, (TantivyDocument, BTreeSet<i64>)>,
    summary: &mut IndexSummary,
) -> tantivy::Result<()> {
    let mut observed = Observations::default();
    let mut actions = Vec::new();
    let mut scheduled: HashSet<String> = HashSet::new();
    for (capture, seed) in batch {
        let Some(seconds) = warc_seconds(&capture.date) else {
            skip(summary, "no usable WARC-Date");
            continue;
        };
        // The capture's outcome, for its URL's life.
        let mut full_digest = None;
        match &capture.body {
            CaptureBody::Unlinked => {
                observed.unlinked.push((capture.url.clone(), seconds));
                continue;
            }
            CaptureBody::Revisit(target) => {
                // The URL captured answered (its document may be another URL's, when a tool
                // deduplicated across URLs).
                if let Some(digest) = &target.digest {
                    observed
                        .by_url
                        .entry(capture.url.clone())
                        .or_default()
                        .observe(
                            seconds,
                            Observed::Online {
                                digest: digest.clone(),
                            },
                        );
                }
            }
            CaptureBody::Full(p) => {
                let digest = (200..300).contains(&p.status).then(|| {
                    capture
                        .digest
                        .clone()
                        .unwrap_or_else(|| warc::sha1_digest(&p.body))
                });
                if let Some(o) = Observed::from_response(
                    &capture.url,
                    p.status,
                    p.header("location"),
                    digest.as_deref().unwrap_or_default(),
                ) {
                    observed
                        .by_url
                        .entry(capture.url.clone())
                        .or_default()
                        .observe(seconds, o);
                }
                full_digest = digest;
            }
        }
        let (url, digest) = match &capture.body {
            CaptureBody::Unlinked => continue,
            CaptureBody::Revisit(target) => match &target.digest {
                Some(d) => (target.uri.clone(), d.clone()),
                None => {
                    skip(summary, "revisit without payload digest");
                    continue;
                }
            },
            CaptureBody::Full(p) => {
                let ct = p
                    .content_type
                    .as_deref()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if p.status != 200 {
                    skip(summary, format!("HTTP status {}", p.status));
                    continue;
                }
                if !(ct.contains("html") || ct.contains("pdf") || ct.is_empty()) {
                    skip(summary, "not HTML or PDF");
                    continue;
                }
                let digest = full_digest.unwrap_or_else(|| warc::sha1_digest(&p.body));
                (capture.url.clone(), digest)
            }
        };
        let key = format!("{url} {digest}");
        if pending.contains_key(&key) || scheduled.contains(&key) {
            actions.push(Action::Merge(key, seconds));
            continue;
        }
        // Already in the committed index?
        if let Some(doc) = committed(searcher, fields.key, &key)?.pop() {
            let dates = capture_dates(&doc, fields);
            pending.insert(key.clone(), (doc, dates));
            actions.push(Action::Merge(key, seconds));
            continue;
        }
        if matches!(capture.body, CaptureBody::Revisit(_)) {
            // Most are revisits of images, style sheets and sitemaps, never documents: one
            // warning per file, not one per record.
            tracing::debug!(url = %url, file = %capture.file.display(), offset = capture.offset,
                "revisit of a capture in no WARC file indexed: skipped");
            summary.orphans.0 += 1;
            summary.orphans.1.get_or_insert_with(|| {
                format!(
                    "{url} ({}, offset {})",
                    capture.file.display(),
                    capture.offset
                )
            });
            skip(summary, "revisit of a capture not in the index");
            continue;
        }
        scheduled.insert(key.clone());
        actions.push(Action::Extract(
            key,
            seconds,
            digest,
            Box::new(capture),
            seed,
        ));
    }

    // Extraction, the expensive part, on every core.
    let to_extract: Vec<&Action> = actions
        .iter()
        .filter(|a| matches!(a, Action::Extract(..)))
        .collect();
    // Rayon's threads live as long as the process, and so do their caches of stems and
    // topic words.
    let extracted: Vec<Option<Extracted>> = to_extract
        .par_iter()
        .map(|a| {
            let Action::Extract(_, seconds, _, capture, seed) = a else {
                return None;
            };
            let CaptureBody::Full(p) = &capture.body else {
                return None;
            };
            let captured = DateTime::from_timestamp(*seconds, 0).map(|d| d.date_naive());
            let input = Input {
                bytes: &p.body,
                url: Some(&capture.url),
                content_type: p.content_type.as_deref(),
                captured,
                seed_insee: seed.as_deref(),
            };
            // A page that trips a bug in extraction is skipped, not the whole run.
            let extracted =
                std::panic::catch_unwind(AssertUnwindSafe(|| extractor.extract_for_index(&input)));
            match extracted {
                Ok(Ok(e)) => Some(e),
                Ok(Err(e)) => {
                    tracing::warn!(url = capture.url, "{e}; not indexed");
                    None
                }
                Err(_) => {
                    tracing::error!(
                        url = capture.url,
                        "extraction failed unexpectedly (a bug: please report it with this \
                         page); not indexed"
                    );
                    None
                }
            }
        })
        .collect();

    let mut results = extracted.into_iter();
    let mut merges = Vec::new();
    for action in actions {
        match action {
            Action::Merge(key, seconds) => merges.push((key, seconds)),
            Action::Extract(key, seconds, digest, capture, _) => {
                let Some(e) = results.next().flatten() else {
                    skip(summary, "extraction failed");
                    continue;
                };
                if e.text.trim().is_empty() && e.title.is_none() {
                    skip(summary, "no text");
                    continue;
                }
                let CaptureBody::Full(p) = &capture.body else {
                    continue;
                };
                let mut doc = document(
                    &e,
                    fields,
                    &capture.url,
                    &digest,
                    p.status,
                    p.content_type.as_deref(),
                );
                doc.add_text(fields.key, &key);
                doc.add_text(
                    fields.warc_file,
                    capture
                        .file
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
                doc.add_u64(fields.warc_offset, capture.offset);
                summary.documents_added += 1;
                pending.insert(key, (doc, BTreeSet::from([seconds])));
            }
        }
    }
    for (key, seconds) in merges {
        if let Some((_, dates)) = pending.get_mut(&key)
            && dates.insert(seconds)
        {
            summary.captures_merged += 1;
        }
    }
    apply_life(observed, fields, searcher, pending)
}

/// Applies what the file's captures said of their URLs' lives to every document of those
/// URLs (pending or committed). Outcomes of a URL with no document (never indexed) are not
/// kept.
fn apply_life(
    observed: Observations,
    fields: &Fields,
    searcher: &tantivy::Searcher,
    pending: &mut HashMap<String, (TantivyDocument, BTreeSet<i64>)>,
) -> tantivy::Result<()> {
    let mut by_url = observed.by_url;
    // Unlinked marks apply once the URL's lives are merged: the capture they mark may have
    // been applied with an earlier batch.
    let mut marks: HashMap<String, Vec<i64>> = HashMap::new();
    for (url, at) in observed.unlinked {
        by_url.entry(url.clone()).or_default();
        marks.entry(url).or_default().push(at);
    }
    let mut pending_keys: HashMap<String, Vec<String>> = HashMap::new();
    for key in pending.keys() {
        if let Some((url, _)) = key.rsplit_once(' ') {
            pending_keys
                .entry(url.to_string())
                .or_default()
                .push(key.clone());
        }
    }
    for (url, new) in by_url {
        let mut keys = pending_keys.remove(&url).unwrap_or_default();
        for (addr, key) in committed_keys(searcher, fields.url, &url)? {
            // Documents already pending (a merge loaded them) are not read again.
            if pending.contains_key(&key) {
                continue;
            }
            let doc: TantivyDocument = searcher.doc(addr)?;
            let dates = capture_dates(&doc, fields);
            pending.insert(key.clone(), (doc, dates));
            keys.push(key);
        }
        if keys.is_empty() {
            continue;
        }
        let mut life = Life::default();
        for key in &keys {
            if let Some((doc, _)) = pending.get(key) {
                life.merge(Life::from_json(
                    doc.get_first(fields.life).and_then(|v| v.as_str()),
                ));
            }
        }
        life.merge(new);
        for at in marks.remove(&url).unwrap_or_default() {
            life.mark_unlinked(at);
        }
        let summary = life.summary();
        let json = life.to_json();
        for key in &keys {
            if let Some((doc, _)) = pending.get_mut(key) {
                set_life(doc, fields, &summary, &json);
            }
        }
    }
    Ok(())
}

/// The addresses of the committed documents whose `field` is `value` (all, unscored).
fn committed_addresses(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    value: &str,
) -> tantivy::Result<std::collections::HashSet<tantivy::DocAddress>> {
    searcher.search(
        &TermQuery::new(
            Term::from_field_text(field, value),
            IndexRecordOption::Basic,
        ),
        &tantivy::collector::DocSetCollector,
    )
}

/// The committed documents whose `field` is `value`, as addresses and keys (read from the
/// `key` column: no stored document is read).
fn committed_keys(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    value: &str,
) -> tantivy::Result<Vec<(tantivy::DocAddress, String)>> {
    let hits = committed_addresses(searcher, field, value)?;
    let mut out = Vec::with_capacity(hits.len());
    for addr in hits {
        let column = searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .str("key")?;
        let mut key = String::new();
        if let Some(c) = column
            && let Some(ord) = c.term_ords(addr.doc_id).next()
            && c.ord_to_str(ord, &mut key)?
        {
            out.push((addr, key));
        }
    }
    Ok(out)
}

/// The committed documents whose `field` is `value` (all of them, without scoring).
fn committed(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    value: &str,
) -> tantivy::Result<Vec<TantivyDocument>> {
    committed_addresses(searcher, field, value)?
        .into_iter()
        .map(|addr| searcher.doc(addr))
        .collect()
}

/// A document's capture dates (Unix seconds).
fn capture_dates(doc: &TantivyDocument, fields: &Fields) -> BTreeSet<i64> {
    doc.get_all(fields.captured)
        .filter_map(|v| v.as_datetime())
        .map(|d| d.into_timestamp_secs())
        .collect()
}

/// A copy of a document without the values of `dropped` fields.
fn without(doc: &TantivyDocument, dropped: &[tantivy::schema::Field]) -> TantivyDocument {
    let kept: Vec<(tantivy::schema::Field, OwnedValue)> = doc
        .field_values()
        .filter(|(f, _)| !dropped.contains(f))
        .map(|(f, v)| (f, OwnedValue::from(v)))
        .collect();
    let mut fresh = TantivyDocument::default();
    for (f, v) in kept {
        fresh.add_field_value(f, &v);
    }
    fresh
}

/// Replaces a document's life fields with its URL's `summary` and life `json`.
fn set_life(doc: &mut TantivyDocument, fields: &Fields, summary: &Summary, json: &str) {
    let mut fresh = without(
        doc,
        &[
            fields.state,
            fields.gone_since,
            fields.gone_how,
            fields.gone_to,
            fields.url_first_seen,
            fields.url_last_seen,
            fields.latest,
            fields.life,
        ],
    );
    let date = tantivy::DateTime::from_timestamp_secs;
    fresh.add_text(fields.state, summary.state.as_str());
    if let Some(gone) = &summary.gone {
        fresh.add_date(fields.gone_since, date(gone.since));
        fresh.add_text(fields.gone_how, gone.how.code());
        if let Some(to) = gone.how.target() {
            fresh.add_text(fields.gone_to, to);
        }
    }
    if let Some(t) = summary.first_seen {
        fresh.add_date(fields.url_first_seen, date(t));
    }
    if let Some(t) = summary.last_seen {
        fresh.add_date(fields.url_last_seen, date(t));
    }
    let digest = fresh.get_first(fields.digest).and_then(|v| v.as_str());
    let latest = digest.is_some() && digest == summary.latest_digest.as_deref();
    fresh.add_u64(fields.latest, u64::from(latest));
    fresh.add_text(fields.life, json);
    *doc = fresh;
}

/// Replaces a document's capture dates.
fn set_dates(doc: &mut TantivyDocument, fields: &Fields, dates: &BTreeSet<i64>) {
    let mut fresh = without(doc, &[fields.captured, fields.first_captured]);
    for d in dates {
        fresh.add_date(fields.captured, tantivy::DateTime::from_timestamp_secs(*d));
    }
    if let Some(first) = dates.first() {
        fresh.add_date(
            fields.first_captured,
            tantivy::DateTime::from_timestamp_secs(*first),
        );
    }
    *doc = fresh;
}

/// The publication date (ISO `YYYY-MM-DD`) and its year, when the date parses.
fn add_published(doc: &mut TantivyDocument, fields: &Fields, published: Option<&str>) {
    if let Some(p) = published
        .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        doc.add_date(
            fields.published,
            tantivy::DateTime::from_timestamp_secs(p.and_utc().timestamp()),
        );
        if let Ok(year) = u64::try_from(chrono::Datelike::year(&p)) {
            doc.add_u64(fields.year, year);
        }
    }
}

/// The index document of an extracted page (without key, capture dates and WARC location).
fn document(
    e: &Extracted,
    fields: &Fields,
    url: &str,
    digest: &str,
    status: u16,
    content_type: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.url, url);
    doc.add_text(
        fields.canonical_url,
        e.canonical_url.as_deref().unwrap_or(url),
    );
    if let Some(host) = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
    {
        doc.add_text(fields.host, host);
    }
    if let Some(c) = e.commune.as_ref().and_then(|f| f.commune()) {
        doc.add_text(fields.commune_insee, &c.insee);
        doc.add_text(fields.commune_name, &c.name);
        doc.add_text(fields.departement, &c.departement);
        doc.add_text(fields.region, &c.region);
    }
    for m in e.communes_mentioned.iter().filter_map(|f| f.commune()) {
        doc.add_text(fields.communes_mentioned, &m.insee);
    }
    if let Some(t) = &e.title {
        doc.add_text(fields.title, t);
    }
    if let Some(d) = &e.description {
        doc.add_text(fields.description, d);
    }
    doc.add_text(fields.text, &e.text);
    add_published(&mut doc, fields, e.published.as_deref());
    for t in &e.topics {
        doc.add_facet(fields.topics, Facet::from(&format!("/topic/{}", t.id)));
        doc.add_text(fields.topic_ids, &t.id);
    }
    doc.add_u64(fields.digital_policy, u64::from(e.digital_policy));
    doc.add_text(fields.page_type, e.page_type.as_str());
    if let Some(l) = &e.label {
        doc.add_u64(fields.label_rating, u64::from(l.rating));
        if let Some(y) = l.year.and_then(|y| u64::try_from(y).ok()) {
            doc.add_u64(fields.label_year, y);
        }
    }
    if let Some(lang) = &e.language {
        doc.add_text(fields.language, lang);
    }
    if let Some(ct) = content_type {
        doc.add_text(fields.content_type, ct);
    }
    doc.add_u64(fields.status, u64::from(status));
    doc.add_text(fields.digest, digest);
    doc
}

/// A document already extracted, one JSON object per line, as `indexer dump` writes it.
#[derive(Debug, serde::Deserialize)]
struct DumpedDocument {
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    published: Option<String>,
    commune: Option<String>,
    #[serde(default)]
    topics: Vec<String>,
}

/// Indexes documents already extracted (JSON lines from `indexer dump`) with the French
/// analyzer and this schema, in a new index at `dir`: the indexing half of `index_warcs`
/// alone, so that its cost can be measured against other indexers fed the same text.
/// Returns the documents indexed and the lines skipped (not such JSON objects).
pub fn index_json_lines(
    dir: &Path,
    input: impl std::io::BufRead,
) -> Result<(u64, u64), IndexError> {
    let terr = |source| IndexError::Tantivy {
        path: dir.to_path_buf(),
        source,
    };
    let index = open_or_create(dir)?;
    let fields = Fields::of(&index.schema()).map_err(terr)?;
    let mut writer: IndexWriter = index.writer(128_000_000).map_err(terr)?;
    let (mut added, mut skipped) = (0u64, 0u64);
    for line in input.lines() {
        let line = line.map_err(|source| IndexError::Read {
            path: PathBuf::from("-"),
            source,
        })?;
        let Ok(d) = serde_json::from_str::<DumpedDocument>(&line) else {
            skipped += 1;
            continue;
        };
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.key, &d.url);
        doc.add_text(fields.url, &d.url);
        doc.add_text(fields.title, &d.title);
        doc.add_text(fields.text, &d.body);
        add_pairs(&mut doc, &fields);
        add_published(&mut doc, &fields, d.published.as_deref());
        if let Some(c) = &d.commune {
            doc.add_text(fields.commune_insee, c);
        }
        for t in &d.topics {
            doc.add_text(fields.topic_ids, t);
        }
        writer.add_document(doc).map_err(terr)?;
        added += 1;
    }
    writer.commit().map_err(terr)?;
    writer.wait_merging_threads().map_err(terr)?;
    Ok((added, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_of_an_earlier_schema_is_refused_with_a_message_saying_to_rebuild_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut b = tantivy::schema::Schema::builder();
        b.add_text_field("url", tantivy::schema::STRING | tantivy::schema::STORED);
        tantivy::Index::create_in_dir(dir.path(), b.build()).expect("an older index");
        let extractor = Extractor::new().expect("extractor");
        let indexing = index_warcs(dir.path(), &[], &extractor, IndexOptions::default());
        assert!(
            matches!(indexing, Err(IndexError::OldSchema { .. })),
            "{indexing:?}"
        );
        let searching = crate::query::SearchIndex::open(dir.path());
        let Err(e) = searching else {
            panic!("an older index opened for search");
        };
        assert!(e.to_string().contains("delete it"), "{e}");
    }
}
