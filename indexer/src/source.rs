//! Captures read from WARC files of any tool (through the `warc` crate's reader, the
//! project's one WARC implementation): full captures with their decoded payload, revisits
//! with what they repeat, and the seeds' INSEE codes that a Veille crawl records in its
//! `warcinfo` records. Bad records are reported (file and offset) and skipped.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use warc::payload::{Payload, RevisitTarget, payload, revisit_target};
use warc::reader::ReadError;
use warc::{RecordType, WarcReader};

/// One capture of a URL.
#[derive(Debug, Clone)]
pub struct Capture {
    /// Target URI.
    pub url: String,
    /// WARC-Date.
    pub date: String,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// The WARC file.
    pub file: PathBuf,
    /// Offset of the record in it.
    pub offset: u64,
    /// `WARC-Payload-Digest`.
    pub digest: Option<String>,
    /// The payload, or what a revisit repeats.
    pub body: CaptureBody,
}

/// What a capture holds.
#[derive(Debug, Clone)]
pub enum CaptureBody {
    /// A `response` or `resource` record's payload.
    Full(Payload),
    /// A `revisit`: the earlier capture it repeats.
    Revisit(RevisitTarget),
    /// A Veille `metadata` record: the capture of the same URL and date is of a page that
    /// nothing of its crawl links to any more.
    Unlinked,
}

/// The INSEE code recorded for the seed of a URL's host, among `seeds` (host → code, as
/// [`Captures::seeds`] and the callbacks of [`Captures::stream_file`] give them).
pub fn seed_of<'a>(seeds: &'a HashMap<String, String>, url: &str) -> Option<&'a str> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    seeds.get(&host).map(String::as_str)
}

/// Everything read from a set of WARC files.
#[derive(Debug, Default)]
pub struct Captures {
    /// Captures in file order.
    pub captures: Vec<Capture>,
    /// Records that could not be read (skipped).
    pub errors: Vec<ReadError>,
    /// Seed host → INSEE code, from Veille `warcinfo` records.
    pub seeds: HashMap<String, String>,
}

impl Captures {
    /// Reads the captures of one WARC file and adds them.
    pub fn read_file(&mut self, path: &Path) -> std::io::Result<()> {
        let mut captures = Vec::new();
        self.stream_file(path, |c, _| captures.push(c))?;
        self.captures.extend(captures);
        Ok(())
    }

    /// Reads one WARC file capture by capture, without keeping them: `each` receives every
    /// capture and the seeds known so far. Bad records are added to `errors`.
    pub fn stream_file(
        &mut self,
        path: &Path,
        mut each: impl FnMut(Capture, &HashMap<String, String>),
    ) -> std::io::Result<()> {
        self.stream_file_until(path, |capture, seeds| {
            each(capture, seeds);
            ControlFlow::Continue(())
        })
    }

    /// [`Captures::stream_file`], stopping (without reading the rest of the file) when
    /// `each` breaks.
    pub fn stream_file_until(
        &mut self,
        path: &Path,
        each: impl FnMut(Capture, &HashMap<String, String>) -> ControlFlow<()>,
    ) -> std::io::Result<()> {
        self.stream_file_from(path, 0, each)
    }

    /// As [`Captures::stream_file_until`], from the record at offset `from` on (a run
    /// resumed): the file's leading `warcinfo` records are read first for the seeds they
    /// name (Veille, wget and Heritrix write one at the start of each file), then the reader
    /// seeks to `from`.
    pub fn stream_file_from(
        &mut self,
        path: &Path,
        from: u64,
        mut each: impl FnMut(Capture, &HashMap<String, String>) -> ControlFlow<()>,
    ) -> std::io::Result<()> {
        let mut reader = WarcReader::open(path)?;
        let mut pending_seek = from > 0;
        while let Some(item) = reader.next() {
            if pending_seek
                && !matches!(&item, Ok(r) if r.record.record_type() == RecordType::Warcinfo)
            {
                pending_seek = false;
                let before = item.as_ref().map_or(0, |r| r.offset);
                if before < from {
                    reader.seek_to(from)?;
                    continue;
                }
            }
            let read = match item {
                Ok(r) => r,
                Err(e) => {
                    tracing::warn!("{e}; record skipped");
                    self.errors.push(e);
                    continue;
                }
            };
            let record = &read.record;
            let kind = record.record_type();
            if kind == RecordType::Warcinfo {
                self.read_seeds(&String::from_utf8_lossy(&record.block));
                continue;
            }
            let Some(url) = record.target_uri().map(str::to_string) else {
                continue;
            };
            let body = match kind {
                RecordType::Response | RecordType::Resource => match payload(record) {
                    Ok(p) => CaptureBody::Full(p),
                    Err(e) => {
                        let err = ReadError {
                            file: path.display().to_string(),
                            offset: read.offset,
                            reason: e.to_string(),
                        };
                        tracing::warn!("{err}; record skipped");
                        self.errors.push(err);
                        continue;
                    }
                },
                RecordType::Revisit => match revisit_target(record) {
                    Some(t) => CaptureBody::Revisit(t),
                    None => continue,
                },
                RecordType::Metadata if warc::record::says_unlinked(record) => {
                    CaptureBody::Unlinked
                }
                _ => continue,
            };
            let flow = each(
                Capture {
                    url,
                    date: record.date().unwrap_or_default().to_string(),
                    record_id: record.id().map(str::to_string),
                    file: path.to_path_buf(),
                    offset: read.offset,
                    digest: record.get("WARC-Payload-Digest").map(str::to_string),
                    body,
                },
                &self.seeds,
            );
            if flow.is_break() {
                break;
            }
        }
        Ok(())
    }

    fn read_seeds(&mut self, block: &str) {
        for line in block.lines() {
            let Some(value) = line.strip_prefix("veille-seed:") else {
                continue;
            };
            let mut parts = value.split_whitespace();
            let (Some(url), rest) = (parts.next(), parts) else {
                continue;
            };
            let insee = rest.filter_map(|p| p.strip_prefix("insee=")).next();
            if let (Some(host), Some(insee)) = (
                url::Url::parse(url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_string)),
                insee,
            ) {
                self.seeds
                    .insert(host.to_ascii_lowercase(), insee.to_string());
            }
        }
    }

    /// The INSEE code of the Veille crawl seed a URL belongs to (same host), if recorded.
    pub fn seed_insee(&self, url: &str) -> Option<&str> {
        seed_of(&self.seeds, url)
    }

    /// The full capture a revisit repeats, among those read: by record id, then by URI and
    /// date, then by URI and payload digest.
    pub fn resolve(&self, target: &RevisitTarget) -> Option<&Capture> {
        let full = || {
            self.captures
                .iter()
                .filter(|c| matches!(c.body, CaptureBody::Full(_)))
        };
        if let Some(id) = &target.record_id
            && let Some(c) = full().find(|c| c.record_id.as_deref() == Some(id.as_str()))
        {
            return Some(c);
        }
        if let Some(date) = &target.date
            && let Some(c) = full().find(|c| c.url == target.uri && c.date == *date)
        {
            return Some(c);
        }
        target.digest.as_ref().and_then(|d| {
            full().find(|c| c.url == target.uri && c.digest.as_deref() == Some(d.as_str()))
        })
    }
}
