//! WACZ packages: selected captures of the archive as one file that ReplayWeb.page, pywb or
//! any WACZ reader replays.
//!
//! WACZ (Web Archive Collection Zipped, version 1.1.1 of the Webrecorder specification) is a
//! ZIP file holding WARC data, a CDXJ index of it, a list of pages and a Frictionless
//! `datapackage.json` manifest with the SHA-256 of every file. A reader fetches the ZIP's
//! central directory, the index and the pages, then each record by its offset: the WARC must
//! be stored uncompressed in the ZIP (it is already gzipped, one member per record).
//!
//! [`write_wacz`] writes:
//!
//! - `archive/data.warc.gz`: the selected `response`, `resource` and `revisit` records, each
//!   `response` or `revisit` with its `request` record, each `revisit` with the capture it
//!   repeats (and that capture's request); every record re-serialised unchanged in its own gzip
//!   member, so that its digests stay valid;
//! - `indexes/index.cdx`: the sorted CDXJ lines of those captures, with their offsets in
//!   `data.warc.gz` (the lines [`crate::cdxj`] writes for any WARC file), under the `.cdx`
//!   name Browsertrix uses: pywb's `wb-manager add --unpack-wacz` ignores `.cdxj` files;
//! - `pages/pages.jsonl`: the header line `json-pages-1.0`, then one line per page;
//! - `datapackage.json` (profile, `wacz_version` 1.1.1, title, dates, software, main page and
//!   the resources with their `sha256:` hash and size) and `datapackage-digest.json` (the hash
//!   of `datapackage.json`), as `wacz validate` (py-wacz) checks them.
//!
//! Records are read twice, once to choose them (each request and original is found by reading
//! around the selected record), once to write them: only one record is held in memory at a
//! time, whatever the size of the package; the first reading also bounds the size of
//! `data.warc.gz`, which gets ZIP64 sizes only when it could reach 4 GiB. A selected record
//! that cannot be read, or is not a capture, is left out and reported in
//! [`WaczSummary::skipped`]; the rest is still written.
//! Records are addressed by the offset of their gzip member (or of the record, in a plain
//! file): a record sharing a gzip member with others (a WARC gzipped as a whole) cannot be
//! selected.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufReader, Seek, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Timelike, Utc};
use data_encoding::HEXLOWER;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::cdxj::line_for;
use crate::payload::{RevisitTarget, revisit_target};
use crate::reader::{ReadError, ReadRecord, WarcReader};
use crate::record::{Record, RecordType, warc_date};

/// The WACZ version written in `datapackage.json`.
pub const WACZ_VERSION: &str = "1.1.1";

/// Name of the WARC file inside the package (the `filename` of its CDXJ lines).
pub const WARC_NAME: &str = "data.warc.gz";
/// Path of the WARC file inside the package.
pub const WARC_PATH: &str = "archive/data.warc.gz";
/// Path of the CDXJ index inside the package.
pub const INDEX_PATH: &str = "indexes/index.cdx";
/// Path of the page list inside the package.
pub const PAGES_PATH: &str = "pages/pages.jsonl";
/// Path of the manifest inside the package.
pub const DATAPACKAGE_PATH: &str = "datapackage.json";
/// Path of the manifest's digest inside the package.
pub const DATAPACKAGE_DIGEST_PATH: &str = "datapackage-digest.json";

/// How many records after a response (or revisit) are read to find its `request` record.
const REQUEST_LOOKAHEAD: usize = 4;
/// How many revisits of revisits are followed to reach a capture with a payload.
const MAX_REVISIT_CHAIN: usize = 3;
/// WARC files kept open at once while reading.
const MAX_OPEN_FILES: usize = 16;
/// ZIP entries at least this large need ZIP64 sizes.
const ZIP64_THRESHOLD: u64 = 0xFFFF_FFFF;

/// One record to put in the package: a response, resource or revisit record of a WARC file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Selected {
    /// The WARC file.
    pub file: PathBuf,
    /// Offset of the record (of its gzip member, in a gzipped file), as in its CDXJ line.
    pub offset: u64,
}

/// A page listed in pages/pages.jsonl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaczPage {
    /// The page's URL.
    pub url: String,
    /// When it was captured, RFC 3339 (e.g. `2026-12-05T10:00:00Z`).
    pub ts: String,
    /// Its title, if known.
    pub title: Option<String>,
    /// Its text, for the reader's full-text search, if given.
    pub text: Option<String>,
}

/// Package metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaczInfo {
    /// Title of the collection (one sentence).
    pub title: String,
    /// Longer description, Markdown (plain text is valid Markdown).
    pub description: Option<String>,
    /// The software that made the package, e.g. `veille 0.1.0`.
    pub software: String,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaczSummary {
    /// WARC records written to `archive/data.warc.gz` (captures, their requests and originals).
    pub records: usize,
    /// Pages listed in `pages/pages.jsonl`.
    pub pages: usize,
    /// Why a selected record, or a record it needs (a revisit's original), was not included.
    pub skipped: Vec<String>,
}

/// Why a package could not be written (bad input records are not errors: see
/// [`WaczSummary::skipped`]).
#[derive(Debug, thiserror::Error)]
pub enum WaczError {
    /// Writing the output failed.
    #[error("cannot write the WACZ file: {0}")]
    Io(#[from] io::Error),
    /// The ZIP container could not be written.
    #[error("cannot write the WACZ zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// A JSON file of the package could not be encoded.
    #[error("cannot encode {what}: {source}")]
    Json {
        /// Which file.
        what: &'static str,
        /// The encoder's error.
        source: serde_json::Error,
    },
}

/// Writes a WACZ package of the `selected` records and `pages` to `out` (see the module
/// documentation); `original_of` finds the capture a revisit repeats.
///
/// Each selected location is read once even if given twice, and no record is written twice
/// (records are told apart by `WARC-Record-ID`). Only errors writing `out` fail the call.
pub fn write_wacz<W: Write + Seek>(
    out: W,
    selected: &[Selected],
    pages: &[WaczPage],
    info: &WaczInfo,
    original_of: &dyn Fn(&RevisitTarget) -> Option<Selected>,
) -> Result<WaczSummary, WaczError> {
    let mut sources = Sources::default();
    let mut skipped = Vec::new();

    // 1. Choose the records: each selected capture, its request, a revisit's original.
    let mut plan = Plan::default();
    let mut asked: HashSet<(&Path, u64)> = HashSet::new();
    for sel in selected {
        if !asked.insert((sel.file.as_path(), sel.offset)) || plan.has(&sel.file, sel.offset) {
            continue;
        }
        let read = match sources.read_at(&sel.file, sel.offset) {
            Ok(read) => read,
            Err(reason) => {
                skipped.push(format!("{}: {reason}", place(&sel.file, sel.offset)));
                continue;
            }
        };
        let kind = read.record.record_type();
        if !is_capture(kind) {
            skipped.push(format!(
                "{}: a {} record, not a response, resource or revisit",
                place(&sel.file, sel.offset),
                type_name(&read.record)
            ));
            continue;
        }
        plan_capture(
            &mut sources,
            &mut plan,
            &mut skipped,
            sel.file.clone(),
            read,
            original_of,
        );
    }

    // 2. Write them, one gzip member each, indexing them at their new offsets.
    let now = Utc::now();
    let created = warc_date(now);
    let mtime = zip_time(now);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(mtime)
        .large_file(plan.bound >= ZIP64_THRESHOLD);
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(mtime);

    let mut zip = ZipWriter::new(out);
    zip.start_file(WARC_PATH, stored)?;
    let mut warc = HashingWriter::new(&mut zip);
    let mut lines: Vec<String> = Vec::new();
    let mut records = 0;
    for planned in &plan.entries {
        let read = match sources.read_at(&planned.file, planned.offset) {
            Ok(read) => read,
            Err(reason) => {
                skipped.push(format!(
                    "{}: {reason} (on reading it again to write it)",
                    place(&planned.file, planned.offset)
                ));
                continue;
            }
        };
        if read.record.id() != planned.id.as_deref() {
            skipped.push(format!(
                "{}: the record changed between two readings of the file",
                place(&planned.file, planned.offset)
            ));
            continue;
        }
        let offset = warc.bytes;
        warc.write_all(&crate::writer::gzip_member(&read.record)?)?;
        let length = warc.bytes - offset;
        let relocated = ReadRecord {
            record: read.record,
            offset,
            length: Some(length),
        };
        lines.extend(line_for(&relocated, WARC_NAME).map(|l| l.to_string()));
        records += 1;
    }
    let (warc_bytes, warc_hash) = warc.finish();
    let mut resources = vec![Resource::new(WARC_PATH, warc_bytes, warc_hash)];

    // 3. The index (sorted as `cdxj::index_file` sorts), the pages, the manifest and its
    // digest.
    lines.sort();
    let mut index = String::new();
    for line in &lines {
        index.push_str(line);
        index.push('\n');
    }
    resources.push(add_file(&mut zip, INDEX_PATH, index.as_bytes(), deflated)?);

    let jsonl = pages_jsonl(pages)?;
    resources.push(add_file(&mut zip, PAGES_PATH, &jsonl, deflated)?);

    let main_page = pages.first();
    let package = DataPackage {
        profile: "data-package",
        wacz_version: WACZ_VERSION,
        title: Some(info.title.as_str()).filter(|t| !t.is_empty()),
        description: info.description.as_deref().filter(|d| !d.is_empty()),
        created: &created,
        modified: &created,
        software: &info.software,
        main_page_url: main_page.map(|p| p.url.as_str()),
        main_page_date: main_page.map(|p| p.ts.as_str()),
        resources,
    };
    let package_bytes = serde_json::to_vec_pretty(&package).map_err(|source| WaczError::Json {
        what: DATAPACKAGE_PATH,
        source,
    })?;
    add_file(&mut zip, DATAPACKAGE_PATH, &package_bytes, deflated)?;

    let digest = PackageDigest {
        path: DATAPACKAGE_PATH,
        hash: format!("sha256:{}", sha256_hex(&package_bytes)),
    };
    let digest_bytes = serde_json::to_vec_pretty(&digest).map_err(|source| WaczError::Json {
        what: DATAPACKAGE_DIGEST_PATH,
        source,
    })?;
    add_file(&mut zip, DATAPACKAGE_DIGEST_PATH, &digest_bytes, deflated)?;
    zip.finish()?;

    Ok(WaczSummary {
        records,
        pages: pages.len(),
        skipped,
    })
}

/// Plans a capture just read, its request, and for a revisit the capture it repeats (and so
/// on, for a revisit of a revisit).
fn plan_capture(
    sources: &mut Sources,
    plan: &mut Plan,
    skipped: &mut Vec<String>,
    mut file: PathBuf,
    mut read: ReadRecord,
    original_of: &dyn Fn(&RevisitTarget) -> Option<Selected>,
) {
    for _ in 0..=MAX_REVISIT_CHAIN {
        if !plan.add(&file, &read) {
            // Already in the package, with its request and original.
            return;
        }
        let kind = read.record.record_type();
        if matches!(kind, RecordType::Response | RecordType::Revisit)
            && let Some(id) = read.record.id()
            && let Some(end) = read.length.and_then(|l| read.offset.checked_add(l))
            && let Some(request) = sources.request_after(&file, end, id)
        {
            plan.add(&file, &request);
        }
        if kind != RecordType::Revisit {
            return;
        }
        let here = format!(
            "revisit of {} at {}",
            read.record.target_uri().unwrap_or("?"),
            place(&file, read.offset)
        );
        let Some(target) = revisit_target(&read.record) else {
            skipped.push(format!(
                "{here}: names no capture it repeats; included alone"
            ));
            return;
        };
        let Some(original) = original_of(&target) else {
            skipped.push(format!(
                "{here}: the capture it repeats was not found; included without it"
            ));
            return;
        };
        match sources.read_at(&original.file, original.offset) {
            Ok(next) if is_capture(next.record.record_type()) => {
                file = original.file;
                read = next;
            }
            Ok(next) => {
                skipped.push(format!(
                    "{here}: the capture it repeats, {}, is a {} record; included without it",
                    place(&original.file, original.offset),
                    type_name(&next.record)
                ));
                return;
            }
            Err(reason) => {
                skipped.push(format!(
                    "{here}: the capture it repeats, {}, cannot be read ({reason}); included \
                     without it",
                    place(&original.file, original.offset)
                ));
                return;
            }
        }
    }
    skipped.push(format!(
        "{}: more than {MAX_REVISIT_CHAIN} revisits in a row; the chain stops before it",
        place(&file, read.offset)
    ));
}

fn is_capture(kind: RecordType) -> bool {
    matches!(
        kind,
        RecordType::Response | RecordType::Resource | RecordType::Revisit
    )
}

fn type_name(record: &Record) -> &str {
    record.get("WARC-Type").unwrap_or("untyped")
}

fn place(file: &Path, offset: u64) -> String {
    format!("{} at offset {offset}", file.display())
}

/// Whether `record` names `id` in a `WARC-Concurrent-To` field (it may have several).
fn concurrent_to(record: &Record, id: &str) -> bool {
    record
        .fields
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("WARC-Concurrent-To") && v.trim() == id.trim())
}

/// The records chosen for the package, in the order they will be written.
#[derive(Default)]
struct Plan {
    entries: Vec<Planned>,
    /// `WARC-Record-ID`s (or file and offset, for records without one) already planned.
    keys: HashSet<String>,
    /// Locations already planned.
    locations: HashSet<(PathBuf, u64)>,
    /// An upper bound of the size of the WARC file to write, in bytes.
    bound: u64,
}

struct Planned {
    file: PathBuf,
    offset: u64,
    id: Option<String>,
}

impl Plan {
    /// Adds a record unless it is already planned; false if it was.
    fn add(&mut self, file: &Path, read: &ReadRecord) -> bool {
        let id = read.record.id().map(str::to_string);
        let key = match &id {
            Some(id) => format!("id {id}"),
            None => format!("at {}:{}", file.display(), read.offset),
        };
        if self.has(file, read.offset) || !self.keys.insert(key) {
            return false;
        }
        self.locations.insert((file.to_path_buf(), read.offset));
        self.bound = self.bound.saturating_add(member_bound(&read.record));
        self.entries.push(Planned {
            file: file.to_path_buf(),
            offset: read.offset,
            id,
        });
        true
    }

    fn has(&self, file: &Path, offset: u64) -> bool {
        self.locations.contains(&(file.to_path_buf(), offset))
    }
}

/// An upper bound of the size of a record's gzip member: its serialised size plus deflate's
/// worst-case overhead (stored blocks) and the gzip header and trailer.
fn member_bound(record: &Record) -> u64 {
    let header: usize = record.version.len()
        + 2
        + record
            .fields
            .iter()
            .map(|(n, v)| n.len() + v.len() + 4)
            .sum::<usize>()
        + 40;
    let n = (header + record.block.len() + 4) as u64;
    n.saturating_add(n / 1024).saturating_add(64)
}

type FileReader = WarcReader<BufReader<File>>;

/// An open WARC file and where its reader stands, when known.
struct OpenFile {
    reader: FileReader,
    /// Offset of the next record, after a record read whole (`None`: unknown).
    at: Option<u64>,
}

impl OpenFile {
    fn next_record(&mut self) -> Option<Result<ReadRecord, ReadError>> {
        let item = self.reader.next();
        self.at = match &item {
            Some(Ok(read)) => read.length.and_then(|l| read.offset.checked_add(l)),
            _ => None,
        };
        item
    }
}

/// The WARC files read, kept open between reads.
#[derive(Default)]
struct Sources {
    open: HashMap<PathBuf, OpenFile>,
}

impl Sources {
    /// The open file, positioned at `offset` (reopened if its reader ended or cannot seek).
    fn positioned(&mut self, file: &Path, offset: u64) -> Result<&mut OpenFile, String> {
        let usable = match self.open.get_mut(file) {
            Some(open) if open.at == Some(offset) => true,
            Some(open) => {
                open.at = None;
                open.reader.seek_to(offset).is_ok()
            }
            None => false,
        };
        if !usable {
            self.open.remove(file);
            if self.open.len() >= MAX_OPEN_FILES {
                self.open.clear();
            }
            let mut reader =
                WarcReader::open(file).map_err(|e| format!("cannot open the file: {e}"))?;
            reader
                .seek_to(offset)
                .map_err(|e| format!("cannot seek to the offset: {e}"))?;
            self.open
                .insert(file.to_path_buf(), OpenFile { reader, at: None });
        }
        self.open
            .get_mut(file)
            .ok_or_else(|| "the file could not be kept open".to_string())
    }

    /// Reads the record that starts at `offset`.
    fn read_at(&mut self, file: &Path, offset: u64) -> Result<ReadRecord, String> {
        let open = self.positioned(file, offset)?;
        match open.next_record() {
            None => Err("no record at this offset (end of the file)".into()),
            Some(Err(e)) => Err(e.reason),
            Some(Ok(read)) if read.offset != offset => Err(format!(
                "no record starts at this offset (the next one is at {})",
                read.offset
            )),
            Some(Ok(read)) if read.length.is_none() => Err(
                "the record shares its gzip member with others (a WARC gzipped as a whole): it \
                 cannot be addressed by offset"
                    .into(),
            ),
            Some(Ok(read)) => Ok(read),
        }
    }

    /// The `request` record concurrent to the record `id`, among the few records from `end`
    /// (the end of that record) on.
    fn request_after(&mut self, file: &Path, end: u64, id: &str) -> Option<ReadRecord> {
        let open = self.positioned(file, end).ok()?;
        for _ in 0..REQUEST_LOOKAHEAD {
            match open.next_record() {
                Some(Ok(read)) => {
                    if read.record.record_type() == RecordType::Request
                        && read.length.is_some()
                        && concurrent_to(&read.record, id)
                    {
                        return Some(read);
                    }
                }
                Some(Err(_)) => {}
                None => return None,
            }
        }
        None
    }
}

/// Passes bytes on, counting them and computing their SHA-256.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The number of bytes written and their SHA-256 in lower-case hex.
    fn finish(self) -> (u64, String) {
        (self.bytes, HEXLOWER.encode(&self.hasher.finalize()))
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let written = buf
            .get(..n)
            .ok_or_else(|| io::Error::other("writer reported more bytes than it was given"))?;
        self.hasher.update(written);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    HEXLOWER.encode(&Sha256::digest(bytes))
}

/// A file of the package as `datapackage.json` lists it.
#[derive(Debug, serde::Serialize)]
struct Resource {
    name: String,
    path: String,
    hash: String,
    bytes: u64,
}

impl Resource {
    fn new(path: &str, bytes: u64, sha256_hex: String) -> Self {
        Self {
            name: path.rsplit('/').next().unwrap_or(path).to_string(),
            path: path.to_string(),
            hash: format!("sha256:{sha256_hex}"),
            bytes,
        }
    }
}

fn add_file<W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    path: &str,
    bytes: &[u8],
    options: SimpleFileOptions,
) -> Result<Resource, WaczError> {
    zip.start_file(path, options)?;
    zip.write_all(bytes)?;
    Ok(Resource::new(path, bytes.len() as u64, sha256_hex(bytes)))
}

#[derive(serde::Serialize)]
struct DataPackage<'a> {
    profile: &'static str,
    wacz_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    created: &'a str,
    modified: &'a str,
    software: &'a str,
    /// Spelt as py-wacz writes it (the specification's text says `mainPageUrl`).
    #[serde(rename = "mainPageURL", skip_serializing_if = "Option::is_none")]
    main_page_url: Option<&'a str>,
    #[serde(rename = "mainPageDate", skip_serializing_if = "Option::is_none")]
    main_page_date: Option<&'a str>,
    resources: Vec<Resource>,
}

#[derive(serde::Serialize)]
struct PackageDigest {
    path: &'static str,
    hash: String,
}

#[derive(serde::Serialize)]
struct PagesHeader {
    format: &'static str,
    id: &'static str,
    title: &'static str,
}

#[derive(serde::Serialize)]
struct PageLine<'a> {
    id: &'a str,
    url: &'a str,
    ts: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// `pages/pages.jsonl`: the header line, then one line per page with a unique id (derived
/// from its date and URL, so the same page keeps its id from one package to the next).
fn pages_jsonl(pages: &[WaczPage]) -> Result<Vec<u8>, WaczError> {
    let mut out = json_line(&PagesHeader {
        format: "json-pages-1.0",
        id: "pages",
        title: "All Pages",
    })?;
    let mut used = HashSet::new();
    for page in pages {
        let base: String = sha256_hex(format!("{} {}", page.ts, page.url).as_bytes())
            .chars()
            .take(20)
            .collect();
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        out.push_str(&json_line(&PageLine {
            id: &id,
            url: &page.url,
            ts: &page.ts,
            title: page.title.as_deref(),
            text: page.text.as_deref(),
        })?);
    }
    Ok(out.into_bytes())
}

/// One line of `pages/pages.jsonl`, with its newline.
fn json_line<T: serde::Serialize>(value: &T) -> Result<String, WaczError> {
    let mut line = serde_json::to_string(value).map_err(|source| WaczError::Json {
        what: PAGES_PATH,
        source,
    })?;
    line.push('\n');
    Ok(line)
}

/// The ZIP (DOS) time of `t`, in UTC; 1980-01-01 if out of the format's range.
fn zip_time(t: DateTime<Utc>) -> zip::DateTime {
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    u16::try_from(t.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                part(t.month()),
                part(t.day()),
                part(t.hour()),
                part(t.minute()),
                part(t.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::DigestCheck;
    use crate::http::{request_block, response_block};
    use crate::writer::{WarcWriter, WriterConfig};
    use crate::{sha1_digest, verify_digest};
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::{Cursor, Read};
    use zip::ZipArchive;

    const URL: &str = "http://www.ville.example/actualites/marche-de-noel.html";
    const BODY: &[u8] = b"<html><head><title>March\xc3\xa9 de No\xc3\xabl</title></head></html>";

    fn html_headers() -> Vec<(String, Vec<u8>)> {
        vec![(
            "content-type".to_string(),
            b"text/html; charset=utf-8".to_vec(),
        )]
    }

    fn response(date: &str) -> Record {
        let block = response_block("HTTP/1.1", 200, "OK", &html_headers(), BODY);
        let mut r = Record::new(RecordType::Response, date);
        r.push("WARC-Target-URI", URL);
        r.push("WARC-Block-Digest", sha1_digest(&block));
        r.push("WARC-Payload-Digest", sha1_digest(BODY));
        r.push("Content-Type", "application/http; msgtype=response");
        r.block = block;
        r
    }

    fn revisit_of(original: &Record, date: &str) -> Record {
        let block = response_block("HTTP/1.1", 200, "OK", &html_headers(), b"");
        let mut r = Record::new(RecordType::Revisit, date);
        r.push("WARC-Target-URI", URL);
        r.push(
            "WARC-Profile",
            "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
        );
        r.push("WARC-Refers-To", original.id().expect("id"));
        r.push("WARC-Refers-To-Target-URI", URL);
        r.push("WARC-Refers-To-Date", original.date().expect("date"));
        r.push("WARC-Block-Digest", sha1_digest(&block));
        r.push("WARC-Payload-Digest", sha1_digest(BODY));
        r.push("Content-Type", "application/http; msgtype=response");
        r.block = block;
        r
    }

    fn request_for(capture: &Record) -> Record {
        let block = request_block(
            "/actualites/marche-de-noel.html",
            &[("Host".to_string(), "www.ville.example".to_string())],
        );
        let mut r = Record::new(RecordType::Request, capture.date().expect("date"));
        r.push("WARC-Target-URI", URL);
        r.push("WARC-Concurrent-To", capture.id().expect("id"));
        r.push("WARC-Block-Digest", sha1_digest(&block));
        r.push("Content-Type", "application/http; msgtype=request");
        r.block = block;
        r
    }

    fn metadata_about(capture: &Record) -> Record {
        let mut r = Record::new(RecordType::Metadata, capture.date().expect("date"));
        r.push("WARC-Target-URI", URL);
        r.push("WARC-Concurrent-To", capture.id().expect("id"));
        r.push("Content-Type", "application/warc-fields");
        r.block = b"veille-link-state: unlinked\r\n".to_vec();
        r
    }

    /// A WARC file with: a response and its request; a revisit of that response and its
    /// request; a metadata record. Returns the file, the records and their offsets.
    struct Fixture {
        _dir: tempfile::TempDir,
        file: PathBuf,
        original: Record,
        revisit: Record,
        original_at: u64,
        revisit_at: u64,
        metadata_at: u64,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut writer = WarcWriter::new(WriterConfig {
            dir: dir.path().to_path_buf(),
            prefix: "t".into(),
            max_file_bytes: u64::MAX,
            warcinfo: vec![("software".into(), "test".into())],
        })
        .expect("writer");
        let original = response("2026-11-01T08:00:00Z");
        let revisit = revisit_of(&original, "2026-12-01T08:00:00Z");
        let first = writer
            .write_group(|_| vec![original.clone(), request_for(&original)])
            .expect("write");
        let second = writer
            .write_group(|_| vec![revisit.clone(), request_for(&revisit)])
            .expect("write");
        let third = writer
            .write_group(|_| vec![metadata_about(&revisit)])
            .expect("write");
        let file = writer.close().expect("close").expect("a file");
        Fixture {
            _dir: dir,
            file,
            original,
            revisit,
            original_at: first[0].offset,
            revisit_at: second[0].offset,
            metadata_at: third[0].offset,
        }
    }

    /// The fields of a record, without the `Content-Length` that reading adds.
    fn stored_fields(record: &Record) -> Vec<(String, String)> {
        record
            .fields
            .iter()
            .filter(|(n, _)| !n.eq_ignore_ascii_case("Content-Length"))
            .cloned()
            .collect()
    }

    fn info() -> WaczInfo {
        WaczInfo {
            title: "Marché de Noël".into(),
            description: Some("Les actualités de la ville.".into()),
            software: "veille test".into(),
        }
    }

    fn entry(zip: &mut ZipArchive<Cursor<Vec<u8>>>, name: &str) -> (Vec<u8>, CompressionMethod) {
        let mut file = zip.by_name(name).expect(name);
        let method = file.compression();
        let mut out = Vec::new();
        file.read_to_end(&mut out).expect("read entry");
        (out, method)
    }

    #[test]
    fn packages_captures_with_requests_and_originals_and_reports_bad_selections() {
        let fx = fixture();
        let file_len = std::fs::metadata(&fx.file).expect("metadata").len();
        let at = |offset: u64| Selected {
            file: fx.file.clone(),
            offset,
        };
        let selected = vec![
            at(fx.revisit_at),
            at(fx.original_at + 7),
            at(fx.metadata_at),
            Selected {
                file: fx.file.with_file_name("missing.warc.gz"),
                offset: 0,
            },
            at(file_len + 100),
            at(fx.original_at),
            at(fx.revisit_at),
        ];
        let original_id = fx.original.id().expect("id").to_string();
        let original_sel = at(fx.original_at);
        let original_of = |t: &RevisitTarget| {
            (t.record_id.as_deref() == Some(original_id.as_str())).then(|| original_sel.clone())
        };
        let pages = vec![
            WaczPage {
                url: URL.into(),
                ts: "2026-12-01T08:00:00Z".into(),
                title: Some("Marché de Noël".into()),
                text: Some("Le marché ouvre samedi.".into()),
            },
            WaczPage {
                url: "http://www.ville.example/".into(),
                ts: "2026-12-01T08:00:00Z".into(),
                title: None,
                text: None,
            },
        ];

        let mut out = Cursor::new(Vec::new());
        let summary = write_wacz(&mut out, &selected, &pages, &info(), &original_of).expect("wacz");
        assert_eq!(summary.records, 4, "{summary:?}");
        assert_eq!(summary.pages, 2);
        assert_eq!(summary.skipped.len(), 4, "{:?}", summary.skipped);
        assert!(
            summary
                .skipped
                .iter()
                .any(|s| s.contains("missing.warc.gz"))
        );
        assert!(summary.skipped.iter().any(|s| s.contains("metadata")));
        assert!(
            summary
                .skipped
                .iter()
                .any(|s| s.contains(&format!("offset {}", fx.original_at + 7)))
        );

        let mut zip = ZipArchive::new(Cursor::new(out.into_inner())).expect("zip");
        assert_eq!(zip.len(), 5);
        let (warc, method) = entry(&mut zip, WARC_PATH);
        assert_eq!(method, CompressionMethod::Stored);
        let (index, method) = entry(&mut zip, INDEX_PATH);
        assert_eq!(method, CompressionMethod::Deflated);
        let (jsonl, _) = entry(&mut zip, PAGES_PATH);
        let (package, _) = entry(&mut zip, DATAPACKAGE_PATH);
        let (digest, _) = entry(&mut zip, DATAPACKAGE_DIGEST_PATH);

        // The manifest lists the three files with their hashes and sizes.
        let package_json: serde_json::Value = serde_json::from_slice(&package).expect("json");
        assert_eq!(package_json["profile"], "data-package");
        assert_eq!(package_json["wacz_version"], "1.1.1");
        assert_eq!(package_json["title"], "Marché de Noël");
        assert_eq!(package_json["mainPageURL"], URL);
        assert_eq!(package_json["mainPageDate"], "2026-12-01T08:00:00Z");
        assert_eq!(package_json["created"], package_json["modified"]);
        let resources = package_json["resources"].as_array().expect("resources");
        assert_eq!(resources.len(), 3);
        for (path, bytes) in [
            (WARC_PATH, &warc),
            (INDEX_PATH, &index),
            (PAGES_PATH, &jsonl),
        ] {
            let res = resources
                .iter()
                .find(|r| r["path"] == path)
                .expect("listed");
            assert_eq!(
                res["hash"],
                format!("sha256:{}", sha256_hex(bytes)),
                "{path}"
            );
            assert_eq!(res["bytes"], bytes.len() as u64, "{path}");
            assert_eq!(res["name"], path.rsplit('/').next().expect("name"));
        }
        let digest_json: serde_json::Value = serde_json::from_slice(&digest).expect("json");
        assert_eq!(digest_json["path"], "datapackage.json");
        assert_eq!(
            digest_json["hash"],
            format!("sha256:{}", sha256_hex(&package))
        );

        // The WARC holds the revisit, its request, the original and its request, unchanged.
        let read: Vec<ReadRecord> = WarcReader::new(Cursor::new(warc.clone()), WARC_NAME.into())
            .expect("reader")
            .map(|r| r.expect("record"))
            .collect();
        let kinds: Vec<_> = read.iter().map(|r| r.record.record_type()).collect();
        assert_eq!(
            kinds,
            [
                RecordType::Revisit,
                RecordType::Request,
                RecordType::Response,
                RecordType::Request
            ]
        );
        assert_eq!(stored_fields(&read[0].record), stored_fields(&fx.revisit));
        assert_eq!(read[0].record.block, fx.revisit.block);
        assert_eq!(stored_fields(&read[2].record), stored_fields(&fx.original));
        assert_eq!(read[2].record.block, fx.original.block);
        assert_eq!(read[1].record.get("WARC-Concurrent-To"), fx.revisit.id());
        assert_eq!(read[3].record.get("WARC-Concurrent-To"), fx.original.id());
        for r in &read {
            let digest = r.record.get("WARC-Block-Digest").expect("digest");
            assert_eq!(verify_digest(digest, &r.record.block), DigestCheck::Match);
            assert!(r.length.is_some());
        }

        // The index is sorted and each line points at its record in data.warc.gz.
        let index = String::from_utf8(index).expect("utf-8");
        let lines: Vec<&str> = index.lines().collect();
        assert_eq!(lines.len(), 2, "{index}");
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(lines, sorted);
        let mut reader = WarcReader::new(Cursor::new(warc), WARC_NAME.into()).expect("reader");
        for line in &lines {
            let (_, json) = line.split_once(" {").expect("json part");
            let fields: serde_json::Value =
                serde_json::from_str(&format!("{{{json}")).expect("json");
            assert_eq!(fields["filename"], WARC_NAME);
            let offset: u64 = fields["offset"]
                .as_str()
                .expect("offset")
                .parse()
                .expect("n");
            let length: u64 = fields["length"]
                .as_str()
                .expect("length")
                .parse()
                .expect("n");
            reader.seek_to(offset).expect("seek");
            let r = reader.next().expect("a record").expect("readable");
            assert_eq!(r.offset, offset);
            assert_eq!(r.length, Some(length));
            assert_eq!(r.record.target_uri(), Some(URL));
            let expected = if fields["mime"] == "warc/revisit" {
                RecordType::Revisit
            } else {
                assert_eq!(fields["mime"], "text/html");
                RecordType::Response
            };
            assert_eq!(r.record.record_type(), expected);
        }

        // The page list: the header, then the pages.
        let jsonl = String::from_utf8(jsonl).expect("utf-8");
        let page_lines: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect();
        assert_eq!(page_lines.len(), 3);
        assert_eq!(
            page_lines[0],
            serde_json::json!({"format": "json-pages-1.0", "id": "pages", "title": "All Pages"})
        );
        assert_eq!(page_lines[1]["url"], URL);
        assert_eq!(page_lines[1]["ts"], "2026-12-01T08:00:00Z");
        assert_eq!(page_lines[1]["title"], "Marché de Noël");
        assert_eq!(page_lines[1]["text"], "Le marché ouvre samedi.");
        assert_eq!(page_lines[2]["url"], "http://www.ville.example/");
        assert!(page_lines[2].get("title").is_none());
        assert!(page_lines[2].get("text").is_none());
        let id1 = page_lines[1]["id"].as_str().expect("id");
        let id2 = page_lines[2]["id"].as_str().expect("id");
        assert!(!id1.is_empty() && id1 != id2);
    }

    #[test]
    fn a_revisit_whose_original_is_unknown_is_kept_and_noted() {
        let fx = fixture();
        let selected = [Selected {
            file: fx.file.clone(),
            offset: fx.revisit_at,
        }];
        let unknown = |_: &RevisitTarget| -> Option<Selected> { None };
        let mut out = Cursor::new(Vec::new());
        let summary = write_wacz(&mut out, &selected, &[], &info(), &unknown).expect("wacz");
        assert_eq!(summary.records, 2, "{summary:?}");
        assert_eq!(summary.pages, 0);
        assert_eq!(summary.skipped.len(), 1);
        assert!(
            summary.skipped[0].contains("not found"),
            "{:?}",
            summary.skipped
        );

        let mut zip = ZipArchive::new(Cursor::new(out.into_inner())).expect("zip");
        let (jsonl, _) = entry(&mut zip, PAGES_PATH);
        assert_eq!(
            String::from_utf8(jsonl).expect("utf-8"),
            "{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n"
        );
        let (package, _) = entry(&mut zip, DATAPACKAGE_PATH);
        let package_json: serde_json::Value = serde_json::from_slice(&package).expect("json");
        assert!(package_json.get("mainPageURL").is_none());
    }

    #[test]
    fn member_bound_covers_the_gzip_member() {
        let fx = fixture();
        for record in [&fx.original, &fx.revisit] {
            let mut gz = GzEncoder::new(Vec::new(), Compression::default());
            gz.write_all(&record.to_bytes()).expect("in-memory write");
            let member = gz.finish().expect("in-memory finish");
            assert!(member.len() as u64 <= member_bound(record));
            assert!(record.to_bytes().len() as u64 <= member_bound(record));
        }
    }
}
